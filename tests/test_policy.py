"""Each policy constraint on a hand-solvable case: it holds, it binds, its dual is known.

The case: one cluster ``x``, one year (2030), discount rate 0, food heat demand 10 PJ/yr.
- gas boiler (reference): 1 PJ gas per PJ at 10 EUR/GJ, 0.056 Mt CO2/PJ; at ETS 100 EUR/t
  it costs 10 + 5.6 = 15.6 MEUR/PJ. 20 PJ/yr standing.
- e-boiler (electrification): 1 PJ electricity per PJ at 10 EUR/GJ = 10 MEUR/PJ, 20 PJ/yr
  standing (no capex), electricity at 8000 full-load hours: 277 777.8 / 8000 = 34.72 MW of
  peak per PJ/yr.
Routes a test does not need are switched off with potential 0.
"""

from __future__ import annotations

import pytest

from elektra.model.pipeline import InfeasibleScenario, run
from tests.conftest import write_dataset, write_scenario

MW_PER_PJ = 1e9 / 3600 / 8000  # 34.72 MW of peak per PJ/yr of electricity at 8000 h

ROUTES = {
    "gas_boiler": ("reference", {"natural_gas": 1.0}),
    "e_boiler": ("electrification", {"electricity": 1.0}),
    "heat_pump": ("electrification", {"electricity": 0.25}),
    "gas_ccs": ("ccs", {"natural_gas": 1.1}),
    "biomethane_boiler": ("biogas", {"biomethane": 1.0}),
    "heat_import": ("import", {}),
}


def heat_case(
    tmp_path, enabled=("gas_boiler", "e_boiler"), rows=(), instruments=None, cbam=None, **scenario
):
    """Write the case; the tie-break penalty is 0 unless a test asks for it, so that the
    duals are exactly the hand-worked ones."""
    scenario.setdefault("tie_break_emission_penalty", 0)
    base = [
        {
            "parameter": "demand",
            "sector": "food",
            "cluster": "x",
            "service": "heat",
            "value": 10,
            "unit": "PJ/yr",
        },
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "ets_price", "value": 100, "unit": "EUR/t"},
        {"parameter": "emission_factor", "carrier": "natural_gas", "value": 56, "unit": "t/TJ"},
        {"parameter": "price", "carrier": "natural_gas", "value": 10, "unit": "EUR/GJ"},
        {"parameter": "price", "carrier": "electricity", "value": 10, "unit": "EUR/GJ"},
        {"parameter": "price", "carrier": "biomethane", "value": 20, "unit": "EUR/GJ"},
        {"parameter": "capture_rate", "route": "gas_ccs", "value": 0.9, "unit": "1"},
    ]
    for route, (_, inputs) in ROUTES.items():
        base += [
            {"parameter": "lifetime", "route": route, "value": 10, "unit": "yr"},
            {"parameter": "full_load_hours", "route": route, "value": 8000, "unit": "h"},
        ]
        for carrier, amount in inputs.items():
            base.append(
                {
                    "parameter": "input",
                    "route": route,
                    "carrier": carrier,
                    "value": amount,
                    "unit": "PJ/PJ",
                }
            )
        if route not in enabled:
            base.append({"parameter": "potential", "route": route, "value": 0, "unit": "1"})
    for route in ("gas_boiler", "e_boiler"):
        base.append(
            {
                "parameter": "existing_capacity",
                "sector": "food",
                "cluster": "x",
                "route": route,
                "value": 20,
                "unit": "PJ/yr",
            }
        )
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("food", "heat", "PJ")],
        carriers=["natural_gas", "electricity", "biomethane"],
        routes=[(r, "food", "heat", cls) for r, (cls, _) in ROUTES.items()],
        rows=base + list(rows),
        instruments=instruments,
        cbam=cbam,
    )
    years = scenario.pop("years", [2030, 2030])
    return write_scenario(tmp_path, dataset="data", years=years, **scenario)


def solved(path, sensitivity=False):
    return run(path, sensitivity=sensitivity).results


def at(ds, name, **labels):
    return float(ds[name].sel(**labels))


ROUTE = {"sector": "food", "cluster": "x", "year": 2030}


# ------------------------------------------------------------------------------ grid


def test_grid_limit_holds_binds_and_prices_a_megawatt(tmp_path):
    """200 MW of grid allow 200 / 34.72 = 5.76 PJ of e-boiler heat; gas makes the rest.
    One more MW saves (15.6 - 10) MEUR/PJ / 34.72 MW/PJ = 0.16128 MEUR = 161 280 EUR."""
    ds = solved(
        heat_case(
            tmp_path,
            rows=[{"parameter": "grid_capacity", "cluster": "x", "value": 200, "unit": "MW"}],
        )
    )
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(200 / MW_PER_PJ)
    assert at(ds, "grid_peak", cluster="x", year=2030) == pytest.approx(200.0)
    assert at(ds, "dual_grid", cluster="x", year=2030) == pytest.approx(
        (15.6 - 10) / MW_PER_PJ * 1e6, rel=1e-6
    )


def test_unlimited_grid_has_zero_dual(tmp_path):
    ds = solved(
        heat_case(
            tmp_path,
            rows=[{"parameter": "grid_capacity", "cluster": "x", "value": 1e5, "unit": "MW"}],
        )
    )
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(10.0)
    assert at(ds, "dual_grid", cluster="x", year=2030) == pytest.approx(0.0, abs=1e-6)


def test_paid_grid_expansion_and_its_lead_time(tmp_path):
    """Expansion at 4 MEUR/MW over 40 years = 0.1 MEUR/MW/yr, cheaper than the 0.161 it is
    worth: the grid grows to the 347.2 MW that 10 PJ of e-boiler needs, and one more MW is
    then worth its annuity. With a lead time past the horizon nothing can be built."""
    rows = [
        {"parameter": "grid_capacity", "cluster": "x", "value": 200, "unit": "MW"},
        {"parameter": "grid_expansion_cost", "cluster": "x", "value": 4, "unit": "MEUR/MW"},
    ]
    ds = solved(heat_case(tmp_path, rows=rows, policies={"grid_expansion": True}))
    assert at(ds, "grid_expansion", cluster="x", year=2030) == pytest.approx(10 * MW_PER_PJ - 200)
    assert at(ds, "dual_grid", cluster="x", year=2030) == pytest.approx(0.1e6, rel=1e-6)
    late = rows + [
        {"parameter": "grid_expansion_lead_time", "cluster": "x", "value": 3, "unit": "yr"}
    ]
    ds = solved(heat_case(tmp_path / "late", rows=late, policies={"grid_expansion": True}))
    assert at(ds, "grid_expansion", cluster="x", year=2030) == 0.0


# ------------------------------------------------------------------------------ subsidies

HEAT_PUMP = [
    # heat pump: capex 100 MEUR/(PJ/yr) over 10 years = 10 per year, plus 0.25 x 10 = 2.5
    # of electricity: 12.5 MEUR/PJ against 15.6 for gas... so make gas cheaper (no ETS) to
    # leave the heat pump 2.5 above the 10 of gas.
    {"parameter": "capex", "route": "heat_pump", "value": 100, "unit": "MEUR/(PJ/yr)"},
]
NO_ETS = {"ets_price": [{"value": 0}]}


def grant_case(tmp_path, budget):
    rows = HEAT_PUMP + [
        {
            "parameter": "subsidy_budget",
            "instrument": "niki",
            "year": 2030,
            "value": budget,
            "unit": "MEUR",
        },
        {
            "parameter": "grant_share",
            "instrument": "niki",
            "route": "heat_pump",
            "value": 0.6,
            "unit": "1",
        },
    ]
    return heat_case(
        tmp_path,
        enabled=("gas_boiler", "heat_pump"),
        rows=rows,
        instruments=[("niki", "investment")],
        parameters=NO_ETS,
        tie_break_emission_penalty=0.01,
    )


def test_investment_grant_within_budget_and_its_dual(tmp_path):
    """Heat pump: 10 capex/yr + 2.5 energy = 12.5 > 10 for gas (no ETS). Its margin over gas is
    10 - 2.5 = 7.5 a year, worth 75 over its 10 years: its funding gap is 100 - 75 = 25 per
    PJ/yr, so the 60 % grant pays 25, not 60 (no aid beyond the gap) and the heat pump breaks
    even; the tie goes to lower emissions. A budget of 100 MEUR buys 100 / 25 = 4 PJ/yr. One
    more MEUR buys 0.04 PJ/yr, avoiding 0.04 x 0.056 Mt = 2,240 t; it saves industry only the
    tie-break, 0.01 EUR/t x 0.056 / 25 = 2.24e-5 MEUR per MEUR."""
    ds = solved(grant_case(tmp_path, 100), sensitivity=True)
    assert at(ds, "activity", **ROUTE, route="heat_pump") == pytest.approx(4.0)
    assert at(ds, "subsidy_committed", instrument="niki", year=2030) == pytest.approx(100.0)
    assert at(ds, "subsidy_paid", instrument="niki", year=2030) <= 100.0 + 1e-9
    assert at(ds, "dual_subsidy_budget", instrument="niki", year=2030) == pytest.approx(
        0.01 * 0.056 / 25, rel=1e-3
    )
    assert at(ds, "co2_avoided_per_budget", instrument="niki", year=2030) == pytest.approx(
        2240.0, rel=1e-6
    )


def test_zero_budget_gives_exactly_the_no_subsidy_result(tmp_path):
    with_zero = solved(grant_case(tmp_path / "zero", 0))
    without = solved(
        heat_case(
            tmp_path / "none",
            enabled=("gas_boiler", "heat_pump"),
            rows=HEAT_PUMP,
            parameters=NO_ETS,
        )
    )
    assert float(with_zero["subsidy_paid"].sum()) == 0.0
    assert float(with_zero["activity"].sum()) == pytest.approx(float(without["activity"].sum()))
    assert with_zero.attrs["objective"] == pytest.approx(without.attrs["objective"])
    assert float(with_zero["emissions"].sum()) == pytest.approx(float(without["emissions"].sum()))


def test_operating_subsidy_pays_at_most_the_gap_and_ties_break_to_low_emissions(tmp_path):
    """SDE++ offers 8 MEUR/PJ but the heat pump's gap to gas is 12.5 - 10 = 2.5, so it
    pays 2.5: the heat pump then costs exactly what gas costs. The tie breaks toward the
    heat pump (lower emissions). A budget of 2.5 x 15 years x 2 PJ/yr = 75 MEUR funds 2 PJ/yr."""
    rows = HEAT_PUMP + [
        {
            "parameter": "subsidy_budget",
            "instrument": "sde",
            "year": 2030,
            "value": 75,
            "unit": "MEUR",
        },
        {
            "parameter": "operating_subsidy_rate",
            "instrument": "sde",
            "route": "heat_pump",
            "value": 8,
            "unit": "EUR/GJ",
        },
        {"parameter": "subsidy_duration", "instrument": "sde", "value": 15, "unit": "yr"},
    ]
    ds = solved(
        heat_case(
            tmp_path,
            enabled=("gas_boiler", "heat_pump"),
            rows=rows,
            instruments=[("sde", "operating")],
            parameters=NO_ETS,
            tie_break_emission_penalty=0.01,
        )
    )
    assert at(ds, "activity", **ROUTE, route="heat_pump") == pytest.approx(2.0)
    assert at(ds, "subsidy_paid", instrument="sde", year=2030) == pytest.approx(2.5 * 2)
    assert at(ds, "subsidy_committed", instrument="sde", year=2030) == pytest.approx(75.0)
    assert at(
        ds, "input_operating_subsidy_rate", instrument="sde", route="heat_pump", year=2030
    ) == pytest.approx(8.0)


def test_subsidies_switched_off_pay_nothing(tmp_path):
    path = grant_case(tmp_path, 300)
    text = path.read_text() + "policies:\n  subsidies: false\n"
    path.write_text(text)
    ds = solved(path)
    assert "subsidy_paid" not in ds  # a policy's results exist only when it is on
    assert float(ds["cost"].sel(cost_component="investment_grants").sum()) == 0.0
    assert at(ds, "activity", **ROUTE, route="heat_pump") == 0.0


# ------------------------------------------------------------------------------ ETS, CBAM, IKC


def test_cbam_phase_out_cuts_free_allocation_and_charges_imports(tmp_path):
    """Free allocation for a CBAM sector in 2030 keeps 51.5 % of the benchmark; an import
    with 0.1 Mt/PJ embedded pays 100 x (0.1 - 0.05 x 0.515) = 7.425 MEUR/PJ of CBAM."""
    rows = [
        {
            "parameter": "free_allocation_benchmark",
            "sector": "food",
            "service": "heat",
            "value": 50,
            "unit": "t/TJ",
        },
        {"parameter": "cbam_phase_out", "year": 2030, "value": 0.485, "unit": "1"},
        {"parameter": "embedded_emissions", "route": "heat_import", "value": 100, "unit": "t/TJ"},
        {"parameter": "variable_cost", "route": "heat_import", "value": 1, "unit": "EUR/GJ"},
    ]
    path = heat_case(
        tmp_path, enabled=("gas_boiler", "heat_import"), rows=rows, cbam={"food": True}
    )
    ds = solved(path)
    # import at 1 + 7.425 = 8.425 beats gas at 15.6 net of allocation 100 x 0.02575 = 2.575
    assert at(ds, "activity", **ROUTE, route="heat_import") == pytest.approx(10.0)
    assert at(ds, "dual_demand", sector="food", cluster="x", service="heat", year=2030) == (
        pytest.approx(8.425, rel=1e-6)
    )
    assert (
        float(ds["cost"].sel(cost_component="free_allocation").sum()) == 0.0
    )  # no domestic output


def test_ikc_compensation_is_capped_by_its_budget(tmp_path):
    """IKC: 75 % x 0.7 t/MWh (0.19444 Mt/PJ) x 100 EUR/t = 14.583 MEUR per PJ of
    electricity claimed; 10 PJ of e-boiler heat claims 145.8, the budget pays 50."""
    rows = [
        {"parameter": "ikc_eligible", "sector": "food", "value": 1, "unit": "1"},
        {"parameter": "ikc_emission_factor", "value": 0.7, "unit": "t/MWh"},
        {"parameter": "ikc_budget", "value": 50, "unit": "MEUR"},
    ]
    ds = solved(heat_case(tmp_path, rows=rows))
    assert float(ds["ikc_compensation"].sum()) == pytest.approx(50.0)
    assert at(ds, "public_outlay", outlay="ikc_ets", year=2030) == pytest.approx(50.0)


# ------------------------------------------------------------------------------ levy, storage, supply, cap


def test_co2_levy_charges_the_excess_over_ets_above_dispensation(tmp_path):
    """Gas only (no alternative): 10 PJ emit 0.56 Mt; dispensation 0.26 Mt; levy 150 EUR/t
    less ETS 100 = 50 EUR/t on 0.3 Mt = 15 MEUR."""
    rows = [
        {"parameter": "co2_levy_rate", "value": 150, "unit": "EUR/t"},
        {
            "parameter": "co2_levy_dispensation",
            "sector": "food",
            "cluster": "x",
            "value": 0.26,
            "unit": "Mt",
        },
    ]
    ds = solved(
        heat_case(tmp_path, enabled=("gas_boiler",), rows=rows, policies={"co2_levy": True})
    )
    assert at(ds, "cost", cost_component="co2_levy", year=2030) == pytest.approx(15.0)


def test_co2_storage_binds_and_prices_a_tonne(tmp_path):
    """CCS on gas: 1.1 PJ gas per PJ = 0.0616 Mt gross, 90 % captured (0.05544 Mt/PJ); it
    costs 11 + 100 x 0.00616 = 11.616 MEUR/PJ against 15.6 for the gas boiler (e-boiler off).
    Storage of 0.2 Mt allows 0.2 / 0.05544 = 3.6075 PJ; a tonne more is worth
    (15.6 - 11.616) / 0.05544 = 71.86 EUR/t."""
    rows = [
        {"parameter": "co2_storage_capacity", "value": 0.2, "unit": "Mt/yr"},
        {
            "parameter": "existing_capacity",
            "sector": "food",
            "cluster": "x",
            "route": "gas_ccs",
            "value": 20,
            "unit": "PJ/yr",
        },
    ]
    ds = solved(heat_case(tmp_path, enabled=("gas_boiler", "gas_ccs"), rows=rows))
    assert float(ds["co2_stored"].sel(year=2030)) == pytest.approx(0.2)
    assert at(ds, "activity", **ROUTE, route="gas_ccs") == pytest.approx(0.2 / 0.05544)
    assert float(ds["dual_co2_storage"].sel(year=2030)) == pytest.approx(
        (15.6 - 11.616) / 0.05544, rel=1e-6
    )


def test_biomethane_supply_limit_binds(tmp_path):
    """Biomethane at 20 EUR/GJ, no ETS cost, is dearer than gas at 15.6 unless ETS is 250:
    with ETS 250 gas costs 24; 4 PJ of biomethane allowed, so biomethane boilers make 4 PJ."""
    rows = [
        {"parameter": "supply_limit", "carrier": "biomethane", "value": 4, "unit": "PJ/yr"},
        {
            "parameter": "existing_capacity",
            "sector": "food",
            "cluster": "x",
            "route": "biomethane_boiler",
            "value": 20,
            "unit": "PJ/yr",
        },
    ]
    ds = solved(
        heat_case(
            tmp_path,
            enabled=("gas_boiler", "biomethane_boiler"),
            rows=rows,
            parameters={"ets_price": [{"value": 250}]},
        )
    )
    assert at(ds, "activity", **ROUTE, route="biomethane_boiler") == pytest.approx(4.0)
    assert at(ds, "dual_supply_limit", carrier="biomethane", year=2030) == pytest.approx(
        10 + 250 * 0.056 - 20
    )


def test_emission_cap_binds_and_implies_a_co2_price(tmp_path):
    """Make the e-boiler dearer (electricity 20 EUR/GJ): gas 15.6 < 20. A cap of 0.28 Mt
    forces half the heat to the e-boiler; the implied price on top of ETS is
    (20 - 15.6) / 0.056 = 78.57 EUR/t."""
    ds = solved(
        heat_case(
            tmp_path,
            rows=[{"parameter": "emission_cap", "value": 0.28, "unit": "Mt/yr"}],
            policies={"emission_cap": True},
            parameters={"price": [{"where": {"carrier": "electricity"}, "value": 20}]},
        )
    )
    assert float(ds["emissions"].sum()) == pytest.approx(0.28)
    assert float(ds["dual_emission_cap"].sel(year=2030)) == pytest.approx(4.4 / 0.056, rel=1e-6)


def test_infeasible_scenario_names_the_conflicting_constraints(tmp_path):
    """A cap of 0.1 Mt needs 8.2 PJ of e-boiler heat (285 MW) but the grid gives 100 MW:
    the run explains both the cap and the grid, with figures."""
    rows = [
        {"parameter": "emission_cap", "value": 0.1, "unit": "Mt/yr"},
        {"parameter": "grid_capacity", "cluster": "x", "value": 100, "unit": "MW"},
    ]
    with pytest.raises(InfeasibleScenario) as error:
        solved(heat_case(tmp_path, rows=rows, policies={"emission_cap": True}))
    message = str(error.value)
    assert "2030: emission cap of 0.1 Mt short by 0.299 Mt" in message
    assert "x grid limit of 100 MW binding, 185 MW short" in message


def test_committed_activity_runs_and_its_dual_is_its_cost(tmp_path):
    """Electricity at 20 EUR/GJ makes the e-boiler dearer than gas (15.6); a commitment of
    3 PJ/yr of e-boiler heat holds and binds, and costs 20 - 15.6 = 4.4 MEUR per PJ."""
    rows = [
        {"parameter": "route_activity_minimum", "route": "e_boiler", "value": 3, "unit": "PJ/yr"}
    ]
    ds = solved(
        heat_case(
            tmp_path,
            rows=rows,
            parameters={"price": [{"where": {"carrier": "electricity"}, "value": 20}]},
        )
    )
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(3.0)
    assert at(ds, "dual_route_activity_minimum", route="e_boiler", year=2030) == pytest.approx(4.4)


def test_subsidies_do_not_stack_on_the_same_capacity(tmp_path):
    """Two grants of 60 % each with ample budgets: 10 PJ/yr of heat pumps (capex 100 per
    PJ/yr, a funding gap of 25 per PJ/yr, see above) take 250 MEUR in all, not 500: aid never
    pays more than one instrument's grant on the same capacity."""
    rows = (
        HEAT_PUMP
        + [
            {"parameter": "subsidy_budget", "instrument": i, "value": 5000, "unit": "MEUR"}
            for i in ("niki", "veki")
        ]
        + [
            {
                "parameter": "grant_share",
                "instrument": i,
                "route": "heat_pump",
                "value": 0.6,
                "unit": "1",
            }
            for i in ("niki", "veki")
        ]
    )
    ds = solved(
        heat_case(
            tmp_path,
            enabled=("gas_boiler", "heat_pump"),
            rows=rows,
            instruments=[("niki", "investment"), ("veki", "investment")],
            parameters=NO_ETS,
            tie_break_emission_penalty=0.01,
        )
    )
    assert at(ds, "new_capacity", **ROUTE, route="heat_pump") == pytest.approx(10.0)
    assert float(ds["subsidy_committed"].sum()) == pytest.approx(250.0)


def test_funding_and_unprofitable_gaps_worked_by_hand(tmp_path):
    """Heat pump against gas over 2030-2031 at a discount rate of 10 %, the ETS price
    100 EUR/t in 2030 and 150 in 2031. Heat pump: capex 100 MEUR per PJ/yr, fixed O&M 2,
    lifetime 4 years, 0.25 PJ electricity at 10 EUR/GJ = 2.5 MEUR/PJ. Gas boiler: capex 30,
    fixed O&M 1, 1 PJ gas at 10 EUR/GJ plus 0.056 Mt/PJ of CO2: 15.6 MEUR/PJ in 2030, 18.4
    in 2031. The heat pump's margin over gas: 13.1 in 2030, 15.9 in 2031 (and after).

    Funding gap of the 2030 vintage (20 PJ/yr of gas stock serves the 10 of demand: nothing
    to replace): 100 - [(13.1 - 2) + (15.9 - 2) (1/1.1 + 1/1.1^2 + 1/1.1^3)]
    = 100 - (11.1 + 13.9 x 2.486852) = 100 - 45.66724 = 54.33276.
    The 2031 vintage replaces retiring stock (4 PJ/yr of gas left against 10 of demand): a
    new gas boiler's capex 30 and fixed O&M 1 a year are avoided:
    100 - 30 - (15.9 - 2 + 1) (1 + 1/1.1 + 1/1.1^2 + 1/1.1^3) = 70 - 14.9 x 3.486852
    = 70 - 51.95410 = 18.04590.
    A 60 % grant pays the gap where it is below 60. The unprofitable gap per PJ: capital
    recovery 0.1 / (1 - 1.1^-4) = 0.3154708, so 100 x 0.3154708 + 2 = 33.54708 less the
    margin: 20.44708 in 2030, 17.64708 in 2031."""
    from elektra.model.pipeline import run
    from elektra.model.structure import CellYear

    rows = HEAT_PUMP + [
        {"parameter": "capex", "route": "gas_boiler", "value": 30, "unit": "MEUR/(PJ/yr)"},
        {"parameter": "fixed_om", "route": "heat_pump", "value": 2, "unit": "MEUR/(PJ/yr)/yr"},
        {"parameter": "fixed_om", "route": "gas_boiler", "value": 1, "unit": "MEUR/(PJ/yr)/yr"},
        {"parameter": "grant_share", "instrument": "niki", "route": "heat_pump", "value": 0.6},
    ]
    rows += [
        {"parameter": "subsidy_budget", "instrument": "niki", "year": y, "value": 1, "unit": "MEUR"}
        for y in (2030, 2031)
    ]
    path = heat_case(
        tmp_path,
        enabled=("gas_boiler", "heat_pump"),
        rows=rows,
        instruments=[("niki", "investment")],
        years=[2030, 2031],
        parameters={
            "discount_rate": [{"value": 0.1}],
            "lifetime": [{"where": {"route": "heat_pump"}, "value": 4}],
            "ets_price": [{"where": {"year": 2031}, "value": "150 EUR/t"}],
            "existing_capacity": [
                {"where": {"route": "gas_boiler", "year": 2031}, "value": "4 PJ/yr"}
            ],
        },
    )
    coefficients = run(path).coefficients["subsidies"]

    def cell(year):
        return CellYear("food", "x", "heat_pump", year)

    assert coefficients.funding_gap[cell(2030)] == pytest.approx(54.33276, abs=1e-4)
    assert coefficients.funding_gap[cell(2031)] == pytest.approx(18.04590, abs=1e-4)
    assert coefficients.gap[cell(2030)] == pytest.approx(20.44708, abs=1e-4)
    assert coefficients.gap[cell(2031)] == pytest.approx(17.64708, abs=1e-4)
    grants = {f.year: v for f, v in coefficients.grant_per_unit.items() if f.route == "heat_pump"}
    assert grants == pytest.approx({2030: 54.33276, 2031: 18.04590}, abs=1e-4)
