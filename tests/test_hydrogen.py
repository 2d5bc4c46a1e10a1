"""Hydrogen techniques in the LP: pyrolysis and offshore-wind electrolysis on cases worked
by hand, the hydrogen results (production, levelised cost, life-cycle intensity), the
hydrogen dual against a finite difference, and the upstream-emissions switch."""

from __future__ import annotations

import pytest
import xarray as xr

from elektra.model.pipeline import run
from elektra.model.structure import MWH_PER_PJ
from elektra.policies.upstream import METHANE_LHV, leaked_methane_factor
from elektra.studies.mca import levelised_cost
from tests.hydrogen_cases import CLUSTER, YEAR, hydrogen_case

AT = {"cluster": CLUSTER, "year": YEAR}


def output(ds: xr.Dataset, route: str) -> float:
    return float(ds["activity"].sel(route=route, **AT).sum("sector"))


def test_pyrolysis_is_chosen_up_to_its_build_limit(tmp_path):
    """Grey SMR: 1.5 PJ gas x 10 + ETS 100 EUR/t x 0.075 Mt/PJ = 15 + 7.5 = 22.5 EUR/GJ.
    Pyrolysis: 1.6 x 10 gas + 0.3 x 10 electricity - 2 carbon credit + capex 10 / 10 yr
    = 18 EUR/GJ, and no direct CO2 (its carbon leaves as a solid): cheaper, so it is built
    up to its build limit of 4 PJ/yr, which binds with dual 22.5 - 18 = 4.5 MEUR per PJ/yr.
    SMR makes the other 6 PJ and sets the hydrogen price at 22.5 EUR/GJ. Cost 4 x 18 +
    6 x 22.5 = 207 MEUR; emissions 6 x 0.075 = 0.45 Mt. SMR+CCS (24.5 EUR/GJ) is not used.
    """
    ds = run(hydrogen_case(tmp_path, ("smr", "smr_ccs", "pyrolysis"))).results
    assert output(ds, "pyrolysis") == pytest.approx(4.0)
    assert output(ds, "smr") == pytest.approx(6.0)
    assert output(ds, "smr_ccs") == pytest.approx(0.0, abs=1e-9)
    assert float(ds["dual_build_limit"].sel(route="pyrolysis", **AT)) == pytest.approx(4.5)
    assert float(ds["hydrogen_marginal_cost"].sel(year=YEAR)) == pytest.approx(22.5)
    assert ds.attrs["objective"] == pytest.approx(207.0)
    assert float(ds["emissions"].sum()) == pytest.approx(0.45)
    production = ds["hydrogen_production"].sel(**AT)
    assert float(production.sel(route="pyrolysis")) == pytest.approx(4.0)
    assert float(production.sum()) == pytest.approx(10.0)


def test_offshore_electrolysis_adds_no_grid_load_and_is_chosen(tmp_path):
    """Grid electrolysis: 1.5 PJ electricity x 10 + capex 5 / 10 yr = 15.5 EUR/GJ, but each
    PJ/yr of hydrogen draws 1.5 x 277,777.8 MWh / 5,000 h = 83.33 MW, and the grid has 250
    MW: 3 PJ. Offshore wind electrolysis: capex 100 / 10 yr at availability 0.5 = 20 EUR/GJ
    and no grid electricity: built to its build limit of 8 PJ/yr, which makes 4 PJ. SMR
    (22.5) makes the other 3. Grid dual: one MW more lets 1/83.33 PJ of electrolysis replace
    SMR, (22.5 - 15.5) / 83.33 = 0.084 MEUR = 84,000 EUR/MW/yr; offshore build-limit dual:
    0.5 x 22.5 - 10 = 1.25 MEUR per PJ/yr. The grid peak stays 250 MW with offshore running.
    """
    path = hydrogen_case(
        tmp_path,
        ("smr", "electrolysis", "offshore"),
        rows=({"parameter": "grid_capacity", "cluster": CLUSTER, "value": 250, "unit": "MW"},),
        policies={"grid": True},
    )
    ds = run(path).results
    assert output(ds, "electrolysis") == pytest.approx(3.0)
    assert output(ds, "offshore") == pytest.approx(4.0)
    assert output(ds, "smr") == pytest.approx(3.0)
    assert float(ds["grid_peak"].sel(**AT)) == pytest.approx(250.0)
    per_pj = 1.5 * MWH_PER_PJ / 5000
    assert float(ds["dual_grid"].sel(**AT)) == pytest.approx((22.5 - 15.5) / per_pj * 1e6)
    assert float(ds["dual_build_limit"].sel(route="offshore", **AT)) == pytest.approx(1.25)
    assert float(ds["hydrogen_levelised_cost"].sel(route="offshore", year=YEAR)) == pytest.approx(
        20.0
    )
    assert ds.attrs["objective"] == pytest.approx(3 * 15.5 + 8 * 10 + 3 * 22.5)


def test_levelised_cost_and_life_cycle_intensity_worked_by_hand(tmp_path):
    """Levelised cost (EUR/GJ) of new capacity, parts: SMR capex 20/10 = 2 + gas 15 + ETS
    100 x 0.075 = 7.5 -> 24.5; SMR+CCS 50/10 = 5 + 15 + ETS on the uncaptured half 3.75 +
    tariff 20 x 0.0375 = 0.75 -> 24.5; pyrolysis 1 + 19 - 2 = 18. Per kg x 0.12: 2.94 and
    2.16. Life-cycle (kg CO2e/kg = Mt/PJ x 120): SMR (0.075 + 1.5 x 0.005 upstream gas) x
    120 = 9.9; SMR+CCS (0.0375 + 0.0075) x 120 = 5.4; pyrolysis (0 + 1.6 x 0.005 + 0.3 x
    0.05 grid) x 120 = 2.76. EU threshold 94 g/MJ x 0.3 x 0.12 = 3.384: only pyrolysis is
    low-carbon. The MCA's levelised cost is this result variable, read, not recomputed."""
    ds = run(hydrogen_case(tmp_path, ("smr", "smr_ccs", "pyrolysis"))).results
    parts = ds["hydrogen_levelised_cost_part"].sel(year=YEAR)
    assert parts.sel(route="smr_ccs").to_series().to_dict() == pytest.approx(
        {
            "capital": 5.0,
            "fixed_om": 0.0,
            "energy": 15.0,
            "energy_tax": 0.0,
            "variable": 0.0,
            "co2_price": 3.75,
            "co2_transport_storage": 0.75,
        }
    )
    cost = ds["hydrogen_levelised_cost"].sel(year=YEAR)
    assert [float(cost.sel(route=r)) for r in ("smr", "smr_ccs", "pyrolysis")] == pytest.approx(
        [24.5, 24.5, 18.0]
    )
    per_kg = levelised_cost(ds, YEAR)
    assert per_kg.sel(route="pyrolysis") == pytest.approx(2.16)
    assert set(per_kg.route.values) == {"smr", "smr_ccs", "pyrolysis"}
    intensity = ds["hydrogen_life_cycle_intensity"].sel(year=YEAR)
    assert [float(intensity.sel(route=r)) for r in ("smr", "smr_ccs", "pyrolysis")] == (
        pytest.approx([9.9, 5.4, 2.76])
    )
    assert float(ds["hydrogen_low_carbon_threshold"]) == pytest.approx(3.384)
    flags = ds["hydrogen_low_carbon"].sel(year=YEAR)
    assert [float(flags.sel(route=r)) for r in ("smr", "smr_ccs", "pyrolysis")] == [0, 0, 1]
    assert float(ds["hydrogen_ghg_saving"].sel(route="pyrolysis", year=YEAR)) == pytest.approx(
        1 - 2.76 / 11.28
    )


def test_hydrogen_dual_equals_a_finite_difference_on_hydrogen_demand(tmp_path):
    """Raise the refinery's hydrogen use by 0.1 PJ (its demand; one PJ of hydrogen per PJ)
    and solve again: the LP objective rises by 0.1 x the hydrogen dual. Here pyrolysis is at
    its build limit, so SMR makes the extra hydrogen: 0.1 x 22.5 = 2.25 MEUR."""
    enabled = ("smr", "smr_ccs", "pyrolysis")
    base = run(hydrogen_case(tmp_path / "a", enabled)).results
    more = {
        "parameter": "demand",
        "sector": "refining",
        "cluster": CLUSTER,
        "service": "hydrotreating",
        "value": 10.1,
        "unit": "PJ/yr",
    }
    raised = run(hydrogen_case(tmp_path / "b", enabled, rows=(more,))).results
    difference = (raised.attrs["objective_lp"] - base.attrs["objective_lp"]) / 0.1
    assert difference == pytest.approx(float(base["hydrogen_marginal_cost"].sel(year=YEAR)))
    assert difference == pytest.approx(22.5)


def test_hydrogen_dual_equals_a_finite_difference_in_the_base_scenario(base_run):
    """The same on the shipped base scenario, 2035: 0.01 PJ more hydrotreating in
    Rotterdam-Moerdijk in the settled LP (the fixed point's rates held: the dual is the
    LP's), the objective's rise undiscounted per PJ equals hydrogen_marginal_cost in 2035
    (EUR/GJ = MEUR/PJ)."""
    import dataclasses

    from elektra.model.solve import LiveLP

    base = base_run
    key = ("refining", "rotterdam_moerdijk", "hydrotreating", 2035)
    delta = 0.01
    row = base.lp.rows["demand_balance"][key]
    lower, upper = base.lp.row_lower.copy(), base.lp.row_upper.copy()
    lower[row] += delta
    upper[row] += delta
    live = LiveLP(base.scenario.solver)
    live.load(base.lp)
    live.load(dataclasses.replace(base.lp, row_lower=lower, row_upper=upper))
    objective = live.solve().objective
    discount = (1 + float(base.results["input_discount_rate"])) ** -(2035 - base.scenario.base_year)
    rise = (objective - base.solution.objective) / delta / discount
    dual = float(base.results["hydrogen_marginal_cost"].sel(year=2035))
    assert rise == pytest.approx(dual, rel=1e-6)


# ------------------------------------------------------------------------ upstream switch


def test_methane_lower_heating_value_from_published_thermochemistry():
    """The lower heating value from NIST's figures, not from the code: the enthalpy of
    combustion of methane to liquid water, 890.7 kJ/mol (NIST Chemistry WebBook, methane,
    Pittam and Pilcher 1972), less the vaporisation of its 2 mol of water at 25 degC,
    2 x 44.0 kJ/mol (NIST: -241.826 - (-285.830) = 44.004), over the molar mass 16.043 g/mol
    (IUPAC: 12.011 + 4 x 1.008): 802.69 / 16.043 = 50.03 MJ/kg = PJ/Mt."""
    lhv = (890.7 - 2 * 44.004) / 16.043
    assert lhv == pytest.approx(50.03, abs=0.01)
    assert METHANE_LHV == pytest.approx(lhv, rel=2e-3)


def test_leaked_methane_in_co2e_per_pj():
    """1 % of the methane produced leaks: 0.01 / 0.99 per unit delivered; 1 PJ of methane
    is 1/50 Mt; x GWP 29.8 = 0.006020 Mt CO2e/PJ (6.02 g CO2e/MJ)."""
    assert leaked_methane_factor(0.01, 29.8) == pytest.approx(0.01 / 0.99 / 50 * 29.8)
    assert leaked_methane_factor(0.01, 29.8) == pytest.approx(0.006020, abs=1e-6)
    assert leaked_methane_factor(0.0, float("nan")) == 0.0


UPSTREAM_ROWS = (
    # SMR on 1 PJ gas per PJ; electrolysis 1 PJ electricity at 30 EUR/GJ, no capex
    {"parameter": "input", "route": "smr", "carrier": "natural_gas", "value": 1, "unit": "PJ/PJ"},
    {"parameter": "price", "carrier": "electricity", "value": 30, "unit": "EUR/GJ"},
    {"parameter": "input", "route": "electrolysis", "carrier": "electricity", "value": 1, "unit": "PJ/PJ"},
    {"parameter": "capex", "route": "electrolysis", "value": 0, "unit": "MEUR/(PJ/yr)"},
    # gas upstream 0.05 Mt/PJ + leaked methane 25 x (1/11)/(10/11)/50 = 0.05 Mt/PJ
    {"parameter": "upstream_emission_factor", "carrier": "natural_gas", "value": 0.05, "unit": "Mt/PJ"},
    {"parameter": "methane_leakage_rate", "value": 1 / 11, "unit": "1"},
    {"parameter": "methane_gwp", "value": 25, "unit": "1"},
    {"parameter": "emission_cap", "year": YEAR, "value": 0.9, "unit": "Mt/yr"},
)  # fmt: skip


def upstream_case(tmp_path, switched_on: bool) -> xr.Dataset:
    path = hydrogen_case(
        tmp_path,
        ("smr", "electrolysis"),
        rows=UPSTREAM_ROWS,
        policies={"emission_cap": True, "upstream_emissions": switched_on},
    )
    return run(path).results


def test_upstream_switch_counts_in_emissions_and_the_cap_but_not_in_the_ets_cost(tmp_path):
    """SMR: 1 PJ gas per PJ H2, direct 0.05 Mt/PJ, cost 10 + ETS 5 = 15 EUR/GJ. Upstream of
    the gas: 0.05 supply + 0.05 leaked methane = 0.1 Mt CO2e/PJ, so 0.15 accounted per PJ
    H2. Electrolysis costs 30 EUR/GJ (its grid electricity is under the ETS: never counted).
    Cap 0.9 Mt. Switch off: all SMR, direct 0.5 Mt within the cap, cost 150, ETS 50.
    Switch on: 0.15 x SMR <= 0.9 -> SMR 6, electrolysis 4; cost 6 x 15 + 4 x 30 = 210;
    direct 0.3 Mt, upstream 0.6, accounted 0.9; the ETS is paid on the direct 0.3 only
    (30 MEUR, not 90); the cap's dual (30 - 15) / 0.15 = 100 EUR/t."""
    off = upstream_case(tmp_path / "off", False)
    assert output(off, "smr") == pytest.approx(10.0)
    assert off.attrs["objective"] == pytest.approx(150.0)
    assert "upstream_emissions" not in off

    on = upstream_case(tmp_path / "on", True)
    assert output(on, "smr") == pytest.approx(6.0)
    assert output(on, "electrolysis") == pytest.approx(4.0)
    assert on.attrs["objective"] == pytest.approx(210.0)
    assert float(on["emissions"].sum()) == pytest.approx(0.3)
    assert float(on["upstream_emissions"].sum()) == pytest.approx(0.6)
    assert float(on["accounted_emissions"].sum()) == pytest.approx(0.9)
    assert float(on["cost"].sel(cost_component="ets", year=YEAR)) == pytest.approx(30.0)
    assert float(on["dual_emission_cap"].sel(year=YEAR)) == pytest.approx(100.0)
    assert any("upstream emissions are counted" in note for note in on.attrs["notes"].split("\n"))
    # the life-cycle report counts the same upstream, switch or not: (0.05 + 0.1) x 120
    for ds in (off, on):
        assert float(
            ds["hydrogen_life_cycle_intensity"].sel(route="smr", year=YEAR)
        ) == pytest.approx(18.0)


def test_leakage_without_a_warming_potential_is_a_clear_error(tmp_path):
    from elektra.model.structure import StructureError

    rows = tuple(r for r in UPSTREAM_ROWS if r["parameter"] != "methane_gwp")
    path = hydrogen_case(tmp_path, ("smr", "electrolysis"), rows=rows)
    with pytest.raises(StructureError, match="methane_leakage_rate.*methane_gwp"):
        run(path)
