"""The levers of the policy letter (issue 9), each on a hand-solvable case where it binds and
moves the choice, plus their invariants.

Most cases reuse :func:`tests.test_policy.heat_case`: one cluster ``x``, food heat demand
10 PJ/yr, discount rate 0, ETS 100 EUR/t, gas 10 EUR/GJ at 0.056 Mt/PJ (a gas boiler costs
10 + 5.6 = 15.6 MEUR/PJ), electricity 10 EUR/GJ (an e-boiler costs 10), 20 PJ/yr of both
standing, one year (2030) unless a case says otherwise.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elektra.inputs.config import load_scenario
from elektra.inputs.data import load_data
from elektra.model.pipeline import run
from elektra.policies.prorata import THRESHOLD
from tests.conftest import write_dataset, write_scenario
from tests.test_policy import HEAT_PUMP, MW_PER_PJ, NO_ETS, ROUTE, at, heat_case

# ------------------------------------------------------------------ electricity-cost support

#: electricity at 20 EUR/GJ: the e-boiler costs 20 against 15.6 for gas, a gap of 4.4
DEAR_POWER = {"price": [{"where": {"carrier": "electricity"}, "value": 20}]}
#: the e-boiler can serve at most half the heat, 5 PJ/yr
HALF = {"parameter": "potential", "route": "e_boiler", "value": 0.5, "unit": "1"}


def ikc_case(tmp_path, budget, extra_rows=(), **scenario):
    """IKC at full rate 0.8 x 0.45 t/MWh (0.125 Mt/PJ) x 100 EUR/t = 10 MEUR per PJ of
    electricity; 5 PJ of e-boiler heat (1 PJ electricity per PJ) claims 50 MEUR."""
    rows = [
        HALF,
        {"parameter": "ikc_eligible", "sector": "food", "value": 1, "unit": "1"},
        {"parameter": "ikc_aid_intensity", "value": 0.8, "unit": "1"},
        {"parameter": "ikc_emission_factor", "value": 0.45, "unit": "t/MWh"},
        {"parameter": "ikc_budget", "value": budget, "unit": "MEUR"},
        *extra_rows,
    ]
    scenario.setdefault("parameters", DEAR_POWER)
    return heat_case(tmp_path, rows=rows, **scenario)


def test_ikc_pays_the_budget_pro_rata_and_moves_the_e_boiler(tmp_path):
    """Budget 30 against claims of 50 at the full rate: factor 0.6, a rebate of 6 MEUR/PJ,
    above the e-boiler's gap of 4.4, so the e-boiler runs its 5 PJ and the claims stay 50:
    a fixed point after one warm re-solve (1 -> 0.6 -> 0.6). Without IKC no e-boiler runs."""
    result = run(ikc_case(tmp_path, 30))
    ds = result.results
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(5.0)
    assert float(ds["ikc_pro_rata"].sel(year=2030)) == pytest.approx(0.6, rel=1e-3)
    assert float(ds["ikc_compensation"].sum()) == pytest.approx(30.0, rel=1e-3)
    assert float(ds["ikc_claims"].sel(year=2030)) == pytest.approx(50.0)
    assert ds.attrs["fixed_point_iterations"] == 1
    assert result.fixed_point.converged
    assert any("fixed point of ikc: 1 warm re-solve" in note for note in result.notes)
    off = run(ikc_case(tmp_path / "off", 30, policies={"ikc": False})).results
    assert at(off, "activity", **ROUTE, route="e_boiler") == 0.0


def test_ikc_at_a_threshold_is_bisected_to_a_partial_uptake(tmp_path):
    """Budget 20: at the full rate the claims are 50 (factor 0.4), but a rebate of 4 is below
    the gap of 4.4, so at 0.4 nobody electrifies and the factor would be 1: plain iteration
    swings between the two. Bisection closes in on the threshold 0.44, where the budget pays
    20 / 4.4 = 4.545 PJ of e-boiler heat (a partial uptake)."""
    result = run(ikc_case(tmp_path, 20))
    ds = result.results
    assert float(ds["ikc_pro_rata"].sel(year=2030)) == pytest.approx(0.44, rel=2e-3)
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(20 / 4.4, rel=2e-3)
    assert float(ds["ikc_compensation"].sum()) == pytest.approx(20.0, rel=1e-6)
    assert result.coefficients["ikc"].pro_rata[2030].method == THRESHOLD
    assert ds.attrs["fixed_point_iterations"] > 2


def test_ikc_is_paid_the_year_after(tmp_path):
    """Discount rate 10 %: the compensation for 2030's electricity is paid in 2031, so it counts
    in 2030's cost at 1/1.1. E-boilers (10 MEUR/PJ) serve all 10 PJ; the budget 500 covers the
    claims of 10 x 10 = 100 in full."""
    ds = run(
        ikc_case(
            tmp_path,
            500,
            parameters={"discount_rate": [{"value": 0.1}]},
        )
    ).results
    # potential 0.5 caps the e-boiler at 5 PJ: claims 50, paid in full
    assert float(ds["ikc_compensation"].sum()) == pytest.approx(50.0)
    assert at(ds, "cost", cost_component="ikc_compensation", year=2030) == pytest.approx(-50 / 1.1)


def rebate_case(tmp_path, budget, extra_rows=(), **scenario):
    """The envelope at 36 EUR/MWh = 10 MEUR/PJ of electricity, paid in the year of use."""
    rows = [
        HALF,
        {"parameter": "electricity_rebate_eligible", "sector": "food", "value": 1, "unit": "1"},
        {"parameter": "electricity_rebate_rate", "value": 36, "unit": "EUR/MWh"},
        {"parameter": "electricity_rebate_budget", "value": budget, "unit": "MEUR"},
        *extra_rows,
    ]
    policies = {"ikc": False, "electricity_rebate": True}
    return heat_case(tmp_path, rows=rows, parameters=DEAR_POWER, policies=policies, **scenario)


def test_electricity_rebate_envelope_moves_the_e_boiler(tmp_path):
    """The envelope works like IKC: budget 30 pays 0.6 of 10 MEUR/PJ, the e-boiler runs 5 PJ;
    budget 0 pays nothing and gas keeps the heat."""
    ds = run(rebate_case(tmp_path, 30)).results
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(5.0)
    assert float(ds["electricity_rebate_paid"].sum()) == pytest.approx(30.0, rel=1e-3)
    assert at(ds, "public_outlay", outlay="electricity_rebate", year=2030) == pytest.approx(
        30.0, rel=1e-3
    )
    none = run(rebate_case(tmp_path / "zero", 0)).results
    assert at(none, "activity", **ROUTE, route="e_boiler") == 0.0


def test_the_reserve_is_split_between_ikc_and_the_envelope(tmp_path):
    """The letter's reserve of 40 split by ikc_reserve_share 0.5: IKC gets its own budget 10
    + 0.5 x 40 = 30 (so it pays 0.6 of the claims of 50, as with a budget of 30), the
    envelope gets its own 0 + 0.5 x 40 = 20 (0.4 of its claims of 50). Share 1: IKC gets all
    50 (factor 1), the envelope nothing."""
    reserve = [
        {"parameter": "electricity_support_reserve", "value": 40, "unit": "MEUR"},
        {"parameter": "ikc_reserve_share", "value": 0.5, "unit": "1"},
    ]
    ikc = run(ikc_case(tmp_path / "ikc", 10, extra_rows=reserve)).results
    assert float(ds_value(ikc, "ikc_pro_rata")) == pytest.approx(0.6, rel=1e-3)
    assert float(ikc["ikc_compensation"].sum()) == pytest.approx(30.0, rel=1e-3)
    envelope = run(rebate_case(tmp_path / "envelope", 0, extra_rows=reserve)).results
    assert float(envelope["electricity_rebate_paid"].sum()) == pytest.approx(20.0, rel=1e-3)
    everything = [reserve[0], {**reserve[1], "value": 1.0}]
    ikc_all = run(ikc_case(tmp_path / "all", 10, extra_rows=everything)).results
    assert float(ds_value(ikc_all, "ikc_pro_rata")) == pytest.approx(1.0)
    assert float(ikc_all["ikc_compensation"].sum()) == pytest.approx(50.0, rel=1e-3)
    none = run(rebate_case(tmp_path / "none", 0, extra_rows=everything)).results
    assert float(none["electricity_rebate_paid"].sum()) == pytest.approx(0.0, abs=1e-9)


def ds_value(ds, name):
    return ds[name].sel(year=2030)


@settings(max_examples=4, deadline=None)
@given(budget=st.floats(0, 60), more=st.floats(1, 60), envelope=st.booleans())
def test_more_support_money_never_lowers_electricity_use(tmp_path_factory, budget, more, envelope):
    make = rebate_case if envelope else ikc_case
    use = [
        float(
            run(make(tmp_path_factory.mktemp("b"), value))
            .results["energy_use"]
            .sel(carrier="electricity")
            .sum()
        )
        for value in (budget, budget + more)
    ]
    assert use[1] >= use[0] - 1e-3 * max(use[0], 1.0)


# ------------------------------------------------------------------------------ Flex-e


def flex_case(tmp_path, budget=88.0, flex_e=True):
    """Food heat 10 PJ/yr in one cluster with no firm grid room (0 MW), so a firm e-boiler
    cannot run. A flexible e-boiler on a non-firm contract (firm_share 0) takes 0.8 PJ of
    electricity at 10 - 2.5 (discount) = 7.5 EUR/GJ plus 0.2 PJ of gas per PJ: running cost
    0.8 x 7.5 + 0.2 x 10 + 100 x 0.2 x 0.056 = 9.12 against 15.6 for gas, a margin of 6.48.
    Its capex 100 MEUR per PJ/yr over 10 years (discount 0) costs 10 a year, more than the
    margin: unprofitable alone. Its funding gap is 100 - 10 x 6.48 = 35.2, so the 50 % Flex-e
    grant pays 35.2 per PJ/yr (capped at the gap): the hybrid then breaks even and the tie
    goes to the lower emissions. A budget of 88 buys 88 / 35.2 = 2.5 PJ/yr of it."""
    rows = [
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
        {"parameter": "grid_capacity", "cluster": "x", "value": 0, "unit": "MW"},
        {
            "parameter": "input",
            "route": "gas_boiler",
            "carrier": "natural_gas",
            "value": 1,
            "unit": "PJ/PJ",
        },
        {
            "parameter": "input",
            "route": "e_boiler",
            "carrier": "electricity",
            "value": 1,
            "unit": "PJ/PJ",
        },
        {
            "parameter": "input",
            "route": "hybrid",
            "carrier": "electricity",
            "value": 0.8,
            "unit": "PJ/PJ",
        },
        {
            "parameter": "input",
            "route": "hybrid",
            "carrier": "natural_gas",
            "value": 0.2,
            "unit": "PJ/PJ",
        },
        {"parameter": "firm_share", "route": "hybrid", "value": 0, "unit": "1"},
        {"parameter": "electricity_discount", "route": "hybrid", "value": 2.5, "unit": "EUR/GJ"},
        {"parameter": "capex", "route": "hybrid", "value": 100, "unit": "MEUR/(PJ/yr)"},
        {"parameter": "capex", "route": "e_boiler", "value": 1, "unit": "MEUR/(PJ/yr)"},
        {"parameter": "flex_e_budget", "value": budget, "unit": "MEUR"},
        {"parameter": "flex_e_grant_share", "route": "hybrid", "value": 0.5, "unit": "1"},
        {
            "parameter": "existing_capacity",
            "sector": "food",
            "cluster": "x",
            "route": "gas_boiler",
            "value": 20,
            "unit": "PJ/yr",
        },
    ]
    for route in ("gas_boiler", "e_boiler", "hybrid"):
        rows += [
            {"parameter": "lifetime", "route": route, "value": 10, "unit": "yr"},
            {"parameter": "full_load_hours", "route": route, "value": 8000, "unit": "h"},
            {"parameter": "availability", "route": route, "value": 1, "unit": "1"},
        ]
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("food", "heat", "PJ")],
        carriers=["natural_gas", "electricity"],
        routes=[
            ("gas_boiler", "food", "heat", "reference"),
            ("e_boiler", "food", "heat", "electrification"),
            ("hybrid", "food", "heat", "electrification"),
        ],
        rows=rows,
    )
    return write_scenario(
        tmp_path,
        dataset="data",
        years=[2030, 2030],
        tie_break_emission_penalty=0.01,
        policies={"flex_e": flex_e, "subsidies": False, "ikc": False},
    )


def test_flex_e_buys_flexible_e_boilers_off_the_firm_grid(tmp_path):
    """88 MEUR buys 2.5 PJ/yr of hybrid capacity: 0.8 x 277 777.8 / 8000 = 27.78 MW of
    non-firm connection per PJ/yr, 69.4 MW in all, using 2.5 x 0.8 = 2 PJ of electricity and
    avoiding 2.5 x (0.056 - 0.0112) = 0.112 Mt CO2; its load stays out of the firm peak (0 MW
    of grid in the cluster). Without Flex-e nothing is built."""
    ds = run(flex_case(tmp_path)).results
    assert at(ds, "activity", **ROUTE, route="hybrid") == pytest.approx(2.5, rel=1e-6)
    assert float(ds["flex_e_paid"].sum()) == pytest.approx(88.0, rel=1e-6)
    assert float(ds["flex_e_capacity"].sel(year=2030)) == pytest.approx(2.5 * 0.8 * MW_PER_PJ)
    assert float(ds["flex_e_electricity"].sel(year=2030)) == pytest.approx(2.0)
    assert float(ds["flex_e_co2_avoided"].sel(year=2030)) == pytest.approx(0.112)
    assert float(ds["grid_peak"].sel(cluster="x", year=2030)) == pytest.approx(0.0, abs=1e-9)
    off = run(flex_case(tmp_path / "off", flex_e=False)).results
    assert at(off, "activity", **ROUTE, route="hybrid") == pytest.approx(0.0, abs=1e-9)
    assert float(off["emissions"].sum()) - float(ds["emissions"].sum()) == pytest.approx(0.112)


# ------------------------------------------------------------------------------ NIKI, grants


def niki_case(tmp_path, budget, awarded=0.0, lead=0, years=(2030, 2030)):
    """Heat pump: capex 100 MEUR per PJ/yr over 10 years plus 2.5 of electricity = 12.5 a year
    against 10 for gas (no ETPS): unprofitable. Its margin over gas is 10 - 2.5 = 7.5 a year, so
    its funding gap is 100 - 10 x 7.5 = 25 per PJ/yr: a 60 % grant pays 25, not 60 (no aid
    beyond the gap), and the heat pump breaks even; the tie goes to lower emissions."""
    rows = HEAT_PUMP + [
        {"parameter": "subsidy_budget", "instrument": "niki", "value": budget, "unit": "MEUR"},
        {
            "parameter": "subsidy_awarded",
            "instrument": "niki",
            "year": years[0],
            "value": awarded,
            "unit": "MEUR",
        },
        {"parameter": "subsidy_lead_time", "instrument": "niki", "value": lead, "unit": "yr"},
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
        years=list(years),
    )


def test_niki_committed_draw_and_co2_avoided_per_budget(tmp_path):
    """A round of 300 with 200 awarded to a project outside the model leaves 100: it funds
    100 / 25 = 4 PJ/yr of heat pumps. One more MEUR funds 0.04 PJ/yr more, which avoids
    0.04 x 0.056 Mt = 2,240 t of CO2: the budget is used up and the marginal euro buys the next
    project. What it saves industry is only the tie-break: 0.01 EUR/t x 0.056 / 25."""
    ds = run(niki_case(tmp_path, 300, awarded=200), sensitivity=True).results
    assert at(ds, "activity", **ROUTE, route="heat_pump") == pytest.approx(4.0, rel=1e-6)
    assert at(ds, "subsidy_committed", instrument="niki", year=2030) == pytest.approx(300.0)
    assert at(ds, "subsidy_awarded", instrument="niki", year=2030) == pytest.approx(200.0)
    assert at(ds, "co2_avoided_per_budget", instrument="niki", year=2030) == pytest.approx(
        2240.0, rel=1e-4
    )
    assert at(ds, "dual_subsidy_budget", instrument="niki", year=2030) == pytest.approx(
        0.01 * 0.056 / 25, rel=1e-3
    )


def test_niki_round_funds_capacity_after_its_lead_time(tmp_path):
    """With a lead time of one year, the 2030 round (100 left) funds heat pumps built in 2031:
    none in 2030, 4 PJ/yr in 2031 (capex annuity 10 from 2031, the grant of 25 per PJ/yr)."""
    ds = run(niki_case(tmp_path, 300, awarded=200, lead=1, years=(2030, 2031))).results
    heat_pump = ds["activity"].sel(sector="food", cluster="x", route="heat_pump")
    assert float(heat_pump.sel(year=2030)) == pytest.approx(0.0, abs=1e-9)
    assert float(heat_pump.sel(year=2031)) == pytest.approx(4.0, rel=1e-6)


# ------------------------------------------------------------------------------ SDE++


def sde_case(tmp_path, ets_2031):
    """Two years. The heat pump (12.5 a year with capex) against gas at 10 + ETS x 0.056: in
    2030 (ETS 0) the gap is 2.5, in 2031 it is 2.5 - 0.056 x ETS_2031. SDE++ offers 8 and pays
    the gap of each year (base amount less a correction that follows the ETS path)."""
    rows = HEAT_PUMP + [
        {
            "parameter": "subsidy_budget",
            "instrument": "sde",
            "year": 2030,
            "value": 1000,
            "unit": "MEUR",
        },
        {
            "parameter": "subsidy_budget",
            "instrument": "sde",
            "year": 2031,
            "value": 0,
            "unit": "MEUR",
        },
        {
            "parameter": "operating_subsidy_rate",
            "instrument": "sde",
            "route": "heat_pump",
            "value": 8,
            "unit": "EUR/GJ",
        },
    ]
    ets = [{"where": {"year": 2030}, "value": 0}, {"where": {"year": 2031}, "value": ets_2031}]
    return heat_case(
        tmp_path,
        enabled=("gas_boiler", "heat_pump"),
        rows=rows,
        instruments=[("sde", "operating")],
        tie_break_emission_penalty=0.01,
        years=[2030, 2031],
        parameters={"ets_price": ets},
    )


def test_sde_pays_the_gap_of_each_year_on_the_ets_path(tmp_path):
    """The 2030 round funds 10 PJ/yr of heat pumps (it commits 2.5 x 15 yr x 10 = 375). In
    2031 the ETS price of 20 EUR/t lowers the gap to 2.5 - 1.12 = 1.38, so SDE++ pays 13.8
    on 10 PJ; at 40 EUR/t it pays 2.5 - 2.24 = 0.26 a PJ, 2.6 in all."""
    low = run(sde_case(tmp_path / "low", 20)).results
    assert at(low, "activity", **{**ROUTE, "year": 2031}, route="heat_pump") == pytest.approx(10.0)
    assert at(low, "subsidy_paid", instrument="sde", year=2030) == pytest.approx(25.0)
    assert at(low, "subsidy_paid", instrument="sde", year=2031) == pytest.approx(13.8)
    high = run(sde_case(tmp_path / "high", 40)).results
    assert at(high, "subsidy_paid", instrument="sde", year=2031) == pytest.approx(2.6)


def test_sde_ccs_cap_limits_the_capture_it_funds(tmp_path):
    """CCS on gas (1.1 PJ gas per PJ, 90 % capture: 0.05544 Mt captured per PJ) with capex 50
    per PJ/yr costs 11 + 100 x 0.00616 + 5 = 16.616 against 15.6 for gas: a gap of 1.016 that
    SDE++ pays, so CCS breaks even. A cap of 0.05 Mt/yr of funded capture allows
    0.05 / 0.05544 = 0.902 PJ/yr of funded capacity, and that is all the CCS built."""
    rows = [
        {"parameter": "capex", "route": "gas_ccs", "value": 50, "unit": "MEUR/(PJ/yr)"},
        {"parameter": "subsidy_budget", "instrument": "sde", "value": 1000, "unit": "MEUR"},
        {
            "parameter": "operating_subsidy_rate",
            "instrument": "sde",
            "route": "gas_ccs",
            "value": 5,
            "unit": "EUR/GJ",
        },
        {"parameter": "subsidy_ccs_cap", "instrument": "sde", "value": 0.05, "unit": "Mt/yr"},
    ]
    ds = run(
        heat_case(
            tmp_path,
            enabled=("gas_boiler", "gas_ccs"),
            rows=rows,
            instruments=[("sde", "operating")],
            tie_break_emission_penalty=0.01,
        )
    ).results
    assert at(ds, "activity", **ROUTE, route="gas_ccs") == pytest.approx(0.05 / 0.05544, rel=1e-6)
    assert float(ds["captured_co2"].sum()) == pytest.approx(0.05, rel=1e-6)


# ------------------------------------------------------------------------------ RFNBO


def rfnbo_case(tmp_path, share, captive=False):
    """A chemical plant burns 10 PJ/yr of hydrogen (1 PJ per PJ of heat). Hydrogen is made
    in the model: SMR from 1.5 PJ of gas at 10 EUR/GJ = 15 MEUR/PJ, or electrolysis from
    1.4 PJ of electricity at 20 EUR/GJ = 28 MEUR/PJ (no ETS). The obligation makes electrolysis
    cover the share of the hydrogen used; each GJ it requires costs 28 - 15 = 13 EUR more.

    With ``captive``, a fertiliser plant also makes 0.5 Mt/yr of ammonia in its own reformer
    (``captive_hydrogen`` 20 PJ of hydrogen per Mt, bought from nobody)."""
    rows = [
        {
            "parameter": "demand",
            "sector": "chem",
            "cluster": "x",
            "service": "heat",
            "value": 10,
            "unit": "PJ/yr",
        },
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "ets_price", "value": 0, "unit": "EUR/t"},
        {"parameter": "price", "carrier": "natural_gas", "value": 10, "unit": "EUR/GJ"},
        {"parameter": "price", "carrier": "electricity", "value": 20, "unit": "EUR/GJ"},
        {
            "parameter": "input",
            "route": "h2_boiler",
            "carrier": "hydrogen",
            "value": 1,
            "unit": "PJ/PJ",
        },
        {
            "parameter": "input",
            "route": "smr",
            "carrier": "natural_gas",
            "value": 1.5,
            "unit": "PJ/PJ",
        },
        {
            "parameter": "input",
            "route": "electrolysis",
            "carrier": "electricity",
            "value": 1.4,
            "unit": "PJ/PJ",
        },
        {"parameter": "rfnbo_route_share", "route": "electrolysis", "value": 1, "unit": "1"},
        {"parameter": "rfnbo_obligation", "value": share, "unit": "1"},
    ]
    for route, sector in (("h2_boiler", "chem"), ("smr", "hydrogen"), ("electrolysis", "hydrogen")):
        rows += [
            {"parameter": "lifetime", "route": route, "value": 10, "unit": "yr"},
            {
                "parameter": "existing_capacity",
                "sector": sector,
                "cluster": "x",
                "route": route,
                "value": 20,
                "unit": "PJ/yr",
            },
        ]
    services = [("chem", "heat", "PJ"), ("hydrogen", "hydrogen", "PJ")]
    routes = [
        ("h2_boiler", "chem", "heat", "hydrogen"),
        ("smr", "hydrogen", "hydrogen", "reference"),
        ("electrolysis", "hydrogen", "hydrogen", "hydrogen"),
    ]
    if captive:
        services.append(("fert", "nh3", "Mt"))
        routes.append(("nh3_smr", "fert", "nh3", "reference"))
        rows += [
            {"parameter": "demand", "sector": "fert", "cluster": "x", "service": "nh3",
             "value": 0.5, "unit": "Mt/yr"},
            {"parameter": "input", "route": "nh3_smr", "carrier": "natural_gas", "value": 30,
             "unit": "GJ/t"},
            {"parameter": "captive_hydrogen", "route": "nh3_smr", "value": 20, "unit": "GJ/t"},
            {"parameter": "lifetime", "route": "nh3_smr", "value": 10, "unit": "yr"},
            {"parameter": "existing_capacity", "sector": "fert", "cluster": "x",
             "route": "nh3_smr", "value": 1, "unit": "Mt/yr"},
        ]  # fmt: skip
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=services,
        carriers=["natural_gas", "electricity", "hydrogen"],
        routes=routes,
        rows=rows,
    )
    return write_scenario(
        tmp_path,
        dataset="data",
        years=[2030, 2030],
        tie_break_emission_penalty=0,
        policies={"rfnbo": True, "grid": False},
    )


def test_rfnbo_quota_holds_and_its_dual_is_the_premium(tmp_path):
    """42 %: electrolysis makes 4.2 PJ of the 10 PJ used; the dual is 13 EUR/GJ, and so is the
    finite difference of the objective between 42 % and 43 % over the 0.1 PJ more required."""
    at_42 = run(rfnbo_case(tmp_path / "a", 0.42)).results
    at_43 = run(rfnbo_case(tmp_path / "b", 0.43)).results
    made = at_42["activity"].sel(sector="hydrogen", cluster="x", route="electrolysis", year=2030)
    assert float(made) == pytest.approx(4.2)
    assert float(at_42["rfnbo_share"].sel(year=2030)) == pytest.approx(0.42)
    dual = float(at_42["dual_rfnbo_obligation"].sel(year=2030))
    assert dual == pytest.approx(13.0, rel=1e-6)
    difference = (at_43.attrs["objective"] - at_42.attrs["objective"]) / (0.01 * 10)
    assert difference == pytest.approx(dual, rel=1e-6)
    off = run(rfnbo_case(tmp_path / "zero", 0.0)).results
    zero = off["activity"].sel(sector="hydrogen", cluster="x", route="electrolysis", year=2030)
    assert float(zero) == pytest.approx(0.0, abs=1e-9)


def test_rfnbo_counts_the_hydrogen_a_reformer_makes_for_itself(tmp_path):
    """Article 22a counts all hydrogen industry uses: the 10 PJ the chemical plant buys and
    the 0.5 Mt x 20 PJ/Mt = 10 PJ the ammonia plant makes in its own reformer. At 42 % the
    obligation is 0.42 x 20 = 8.4 PJ of renewable hydrogen, all of it from the pool: the
    electrolyser makes 8.4 of the 10 PJ the pool supplies (4.2 without the captive hydrogen).
    """
    ds = run(rfnbo_case(tmp_path, 0.42, captive=True)).results
    made = ds["activity"].sel(sector="hydrogen", cluster="x", route="electrolysis", year=2030)
    assert float(made) == pytest.approx(8.4)
    assert float(ds["rfnbo_counted_use"].sel(year=2030)) == pytest.approx(20.0)
    assert float(ds["rfnbo_share"].sel(year=2030)) == pytest.approx(0.42)


# ------------------------------------------------------------------------------ leakage


def leakage_case(tmp_path, cap, counts_imports, embedded=80, price=17):
    """Electricity at 20 (e-boiler 20), an import of the heat at 17 EUR/GJ embedding 0.08 Mt
    per PJ, gas at 15.6. A cap of 0.28 Mt (half the gas emissions) met by the cheapest means:
    counting domestic emissions only, 5 PJ of imports (17 < 20); counting their embedded CO2
    too, imports (0.08/PJ) are worse than gas (0.056/PJ) for the cap, so 5 PJ of e-boilers."""
    rows = [
        {"parameter": "emission_cap", "value": cap, "unit": "Mt/yr"},
        {
            "parameter": "embedded_emissions",
            "route": "heat_import",
            "value": embedded,
            "unit": "t/TJ",
        },
        {"parameter": "variable_cost", "route": "heat_import", "value": price, "unit": "EUR/GJ"},
    ]
    return heat_case(
        tmp_path,
        enabled=("gas_boiler", "e_boiler", "heat_import"),
        rows=rows,
        parameters=DEAR_POWER,
        policies={"emission_cap": True, "cap_counts_imports": counts_imports},
    )


def test_leakage_is_reported_and_the_cap_can_count_it(tmp_path):
    domestic = run(leakage_case(tmp_path / "d", 0.28, False)).results
    assert float(domestic["imports"].sel(sector="food", year=2030)) == pytest.approx(5.0)
    assert float(domestic["leakage"].sum()) == pytest.approx(0.4)
    assert float(domestic["footprint_emissions"].sum()) == pytest.approx(0.28 + 0.4)
    full = run(leakage_case(tmp_path / "f", 0.28, True)).results
    assert float(full["leakage"].sum()) == pytest.approx(0.0, abs=1e-9)
    assert at(full, "activity", **ROUTE, route="e_boiler") == pytest.approx(5.0)


def test_business_case_compares_domestic_cost_with_the_import(tmp_path):
    """No cap: gas serves all heat at 10 + 5.6 = 15.6 MEUR/PJ (standing stock, no capex); the
    import costs 17: making it at home pays by 1.4 EUR/GJ. At an import price of 14 the case
    turns: -1.6, and the heat is imported."""
    ds = run(leakage_case(tmp_path / "a", 10, False)).results
    cell = {"sector": "food", "cluster": "x", "service": "heat", "year": 2030}
    assert float(ds["domestic_cost"].sel(**cell)) == pytest.approx(15.6)
    assert float(ds["import_cost"].sel(**cell)) == pytest.approx(17.0)
    assert float(ds["business_case"].sel(**cell)) == pytest.approx(1.4)
    cheap = run(leakage_case(tmp_path / "b", 10, False, price=14)).results
    assert float(cheap["business_case"].sel(**cell)) == pytest.approx(14 - 15.6)


@settings(max_examples=4, deadline=None)
@given(cap=st.floats(0.05, 0.55), embedded=st.floats(10, 120))
def test_counting_embedded_emissions_never_raises_the_footprint(tmp_path_factory, cap, embedded):
    """A cap that also counts the CO2 embedded in imports holds the footprint (domestic
    emissions plus leakage) within the cap, while a cap on domestic emissions only can leave
    it above: counting embedded emissions never raises the footprint. (Leakage itself can move
    either way: imports embedding more CO2 than the domestic product fall, as in the case
    above; imports embedding less are needed in larger amounts to meet the same cap.)"""
    folder = tmp_path_factory.mktemp("leak")
    domestic = run(leakage_case(folder / "d", cap, False, embedded)).results
    full = run(leakage_case(folder / "f", cap, True, embedded)).results
    footprint = float(full["footprint_emissions"].sum())
    assert footprint <= float(domestic["footprint_emissions"].sum()) + 1e-7
    assert footprint <= cap + 1e-7


# ------------------------------------------------------------------------------ time shifts


def grid_path_case(tmp_path, shift=None, years=(2030, 2031)):
    """E-boilers (10) beat gas (15.6) but need 34.72 MW per PJ: 100 MW in 2030 allows 2.88
    PJ, the reinforcement to 400 MW in 2031 allows all 10 PJ."""
    rows = [
        {"parameter": "grid_capacity", "cluster": "x", "year": 2030, "value": 100, "unit": "MW"},
        {"parameter": "grid_capacity", "cluster": "x", "year": 2031, "value": 400, "unit": "MW"},
    ]
    parameters = {"grid_capacity": [{"shift": shift}]} if shift is not None else {}
    return heat_case(tmp_path, rows=rows, years=list(years), parameters=parameters)


def test_shifting_a_grid_reinforcement_delays_the_e_boilers(tmp_path):
    """Shift 1: the 400 MW come in 2032, so 2031 keeps 100 MW: 2.88 PJ of e-boiler and 7.12 PJ
    of gas, 100 / 34.72 x 10 + (10 - 100 / 34.72) x 15.6 = 139.9 MEUR instead of 100."""
    on_time = run(grid_path_case(tmp_path / "a")).results
    late = run(grid_path_case(tmp_path / "b", shift=1)).results
    boiler = {"sector": "food", "cluster": "x", "route": "e_boiler", "year": 2031}
    assert float(on_time["activity"].sel(**boiler)) == pytest.approx(10.0)
    assert float(late["activity"].sel(**boiler)) == pytest.approx(100 / MW_PER_PJ)
    cost = float(late["cost"].sel(year=2031).sum())
    expected = 100 / MW_PER_PJ * 10 + (10 - 100 / MW_PER_PJ) * 15.6
    assert cost == pytest.approx(expected, rel=1e-6)


@settings(max_examples=4, deadline=None)
@given(early=st.integers(0, 2), later=st.integers(0, 2))
def test_a_delay_never_lowers_cost(tmp_path_factory, early, later):
    folder = tmp_path_factory.mktemp("shift")
    years = (2030, 2033)
    a = run(grid_path_case(folder / "a", early, years)).results.attrs["objective"]
    b = run(grid_path_case(folder / "b", early + later, years)).results.attrs["objective"]
    assert b >= a - 1e-6 * abs(a)


def test_year_ranges_interpolation_and_first_year_shift(tmp_path):
    """`where.year: 2031..2032` sets both years; `interpolate: true` on 2031 alone makes a
    knot between the data's knots 2030 (100) and 2033 (400): 2031 = 300, 2032 = 350, 2033
    = 400 instead of a one-year spike; `shift: 2` moves a route's first year by two."""
    rows = [
        {"parameter": "grid_capacity", "cluster": "x", "year": 2030, "value": 100, "unit": "MW"},
        {"parameter": "grid_capacity", "cluster": "x", "year": 2033, "value": 400, "unit": "MW"},
        {"parameter": "first_year", "route": "heat_pump", "value": 2031, "unit": "calendar year"},
    ]
    parameters = {
        "grid_capacity": [{"where": {"year": "2031..2032"}, "value": 150}],
        "first_year": [{"where": {"route": "heat_pump"}, "shift": 2}],
    }
    path = heat_case(tmp_path, rows=rows, years=[2030, 2033], parameters=parameters)
    data = load_data(load_scenario(path))
    assert data["grid_capacity"].sel(cluster="x").values.tolist() == [100, 150, 150, 400]
    assert float(data["first_year"].sel(route="heat_pump")) == 2033
    knot = {"grid_capacity": [{"where": {"year": 2031}, "value": 300, "interpolate": True}]}
    path = heat_case(tmp_path / "k", rows=rows, years=[2030, 2033], parameters=knot)
    data = load_data(load_scenario(path))
    assert data["grid_capacity"].sel(cluster="x").values.tolist() == [100, 300, 350, 400]


# ------------------------------------------------------------------------------ energy tax


def test_energy_tax_by_sector_and_cluster_moves_the_choice(tmp_path):
    """Electricity at 17: the e-boiler (17) beats gas taxed at 2 EUR/GJ (15.6 + 2 = 17.6), but
    a sector exempt from the gas tax keeps gas (15.6 < 17); a cluster row applies to every
    sector of the cluster, a sector-and-cluster row wins over it."""
    price = {"price": [{"where": {"carrier": "electricity"}, "value": 17}]}
    taxed = [{"parameter": "energy_tax", "carrier": "natural_gas", "value": 2, "unit": "EUR/GJ"}]
    ds = run(heat_case(tmp_path / "t", rows=taxed, parameters=price)).results
    assert at(ds, "activity", **ROUTE, route="e_boiler") == pytest.approx(10.0)
    exempt = taxed + [
        {
            "parameter": "energy_tax",
            "carrier": "natural_gas",
            "cluster": "x",
            "value": 3,
            "unit": "EUR/GJ",
        },
        {
            "parameter": "energy_tax",
            "carrier": "natural_gas",
            "sector": "food",
            "cluster": "x",
            "value": 0,
            "unit": "EUR/GJ",
        },
    ]
    ds = run(heat_case(tmp_path / "e", rows=exempt, parameters=price)).results
    assert at(ds, "activity", **ROUTE, route="gas_boiler") == pytest.approx(10.0)
    assert at(ds, "cost", cost_component="energy_tax", year=2030) == pytest.approx(0.0)
