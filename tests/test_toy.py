"""Behaviour of each core constraint on the toy model, with the numbers worked out by hand.

The toy (data/toy, scenarios/toy.yaml): discount rate 0, so every discount factor is 1 and
the annuity of capex is capex / lifetime.

Food heat (PJ/yr): demand 10 in port, 5 inland, every year.
- gas boiler: 1.1 PJ gas at 10 EUR/GJ = 11 MEUR/PJ; CO2 1.1 x 0.05 = 0.055 Mt/PJ, so at ETS
  100, 150, 200 EUR/t (2025, 2026, 2027) it costs 16.5, 19.25, 22.0 MEUR/PJ to run.
  Existing: 10 PJ/yr in port all years; 5 inland in 2025-2026, retired (0) in 2027.
  New capacity: capex 20 MEUR/(PJ/yr), life 10 -> 2 MEUR per PJ/yr per year.
- heat pump: 0.25 PJ electricity at 30 EUR/GJ = 7.5 MEUR/PJ, capex 40 / 10 years = 4 per
  year: 11.5 MEUR/PJ, cheaper than gas from 2026 (its first year), but at most 60 % of
  demand (potential): 6 PJ in port, 3 inland.
Steel (Mt/yr): 2 Mt in port by BF-BOF only (2.5 Mt/yr standing, so with spare capacity): coal 20 GJ/t at 3 EUR/GJ = 60 MEUR/Mt; CO2
  20 x 0.095 = 1.9 t/t; free allocation 1.5 t/t less the CBAM phase-out (0, 2.5 %, 5 %).
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, write_scenario

YEARS = (2025, 2026, 2027)


def activity(run, sector, cluster, route, year):
    return float(
        run.results["activity"].sel(sector=sector, cluster=cluster, route=route, year=year)
    )


def test_demand_is_met_in_every_cluster_and_year(toy_run):
    """Demand: heat pump + gas boiler = 10 PJ in port and 5 PJ inland; steel = 2 Mt."""
    for cluster, demand in (("port", 10.0), ("inland", 5.0)):
        for year in YEARS:
            served = activity(toy_run, "food", cluster, "food_gas_boiler", year) + activity(
                toy_run, "food", cluster, "food_heat_pump", year
            )
            assert served == pytest.approx(demand, abs=1e-9)
    for year in YEARS:
        assert activity(toy_run, "steel", "port", "steel_bf_bof", year) == pytest.approx(2.0)


def test_route_waits_for_its_first_year(toy_run):
    """First year: the heat pump, cheaper whenever it exists, is absent in 2025."""
    ds = toy_run.results
    assert float(ds["activity"].sel(route="food_heat_pump", year=2025).sum()) == 0.0
    assert float(ds["new_capacity"].sel(route="food_heat_pump", year=2025).sum()) == 0.0
    assert activity(toy_run, "food", "port", "food_heat_pump", 2026) > 0


def test_potential_binds_for_the_cheaper_route(toy_run):
    """Potential: the heat pump (11.5 < 19.25 MEUR/PJ) stops at 60 % of demand: 6 and 3 PJ."""
    for year in (2026, 2027):
        assert activity(toy_run, "food", "port", "food_heat_pump", year) == pytest.approx(6.0)
        assert activity(toy_run, "food", "inland", "food_heat_pump", year) == pytest.approx(3.0)


def test_retirement_forces_a_new_build(toy_run):
    """Existing stock: inland boilers retire in 2027, so 5 - 3 = 2 PJ/yr of new gas boiler
    is built that year, and none in port where the old boilers live on."""
    new = toy_run.results["new_capacity"].sel(route="food_gas_boiler")
    assert float(new.sel(cluster="inland", year=2027, sector="food")) == pytest.approx(2.0)
    assert float(new.sel(cluster="inland", year=[2025, 2026]).sum()) == pytest.approx(0.0)
    assert float(new.sel(cluster="port").sum()) == pytest.approx(0.0)
    capacity = toy_run.results["capacity"].sel(
        sector="food", cluster="inland", route="food_gas_boiler", year=2027
    )
    assert float(capacity) == pytest.approx(2.0)


def test_capacity_limits_activity(tmp_path):
    """Capacity: activity <= availability x (existing + alive vintages). With the steel
    plant's availability cut to 0.7, its 2.5 Mt/yr standing make at most 1.75 Mt of the 2 Mt
    needed, so 2 / 0.7 - 2.5 = 0.357 Mt/yr of new BF-BOF capacity is built in 2025."""
    from elektra.model.pipeline import run

    scenario = write_scenario(
        tmp_path,
        extends=str(ROOT / "scenarios" / "toy.yaml"),
        parameters={"availability": [{"where": {"route": "steel_bf_bof"}, "value": 0.7}]},
    )
    ds = run(scenario).results
    sel = {"sector": "steel", "cluster": "port", "route": "steel_bf_bof"}
    capacity = ds["capacity"].sel(**sel)
    assert float(ds["activity"].sel(**sel, year=2025)) == pytest.approx(2.0)
    assert float(capacity.sel(year=2025)) == pytest.approx(2 / 0.7)
    availability = ds["input_availability"]
    assert bool((ds["activity"] <= availability * ds["capacity"] + 1e-9).all())


def test_vintage_dies_after_its_lifetime(tmp_path):
    """Vintages: with a 1-year life (and capex 4, so the annuity stays 4 per year), the
    2026 heat pumps are gone in 2027 and 6 PJ/yr is built again in port, not 12 alive."""
    from elektra.model.pipeline import run

    scenario = write_scenario(
        tmp_path,
        extends=str(ROOT / "scenarios" / "toy.yaml"),
        parameters={
            "lifetime": [{"where": {"route": "food_heat_pump"}, "value": 1}],
            "capex": [{"where": {"route": "food_heat_pump"}, "value": 4}],
        },
    )
    ds = run(scenario).results
    sel = {"sector": "food", "cluster": "port", "route": "food_heat_pump"}
    assert float(ds["new_capacity"].sel(**sel, year=2026)) == pytest.approx(6.0)
    assert float(ds["new_capacity"].sel(**sel, year=2027)) == pytest.approx(6.0)
    assert float(ds["capacity"].sel(**sel, year=2027)) == pytest.approx(6.0)


def test_objective_worked_out_by_hand(toy_run):
    """Objective = sum of yearly costs (discount rate 0):
    2025: steel 2 x (60 + 100 x (1.9 - 1.5)) = 200; heat 15 PJ gas x 16.5 = 247.5 -> 447.5
    2026: steel 2 x (60 + 150 x (1.9 - 1.4625)) = 251.25; gas 6 x 19.25 = 115.5;
          heat pumps 9 x (7.5 + 4) = 103.5 -> 470.25
    2027: steel 2 x (60 + 200 x (1.9 - 1.425)) = 310; gas 6 x 22 = 132; heat pumps 103.5;
          new inland boiler 2 x 2 = 4 -> 549.5
    total 1467.25 MEUR; the LP adds the tie-break 0.01 EUR/t x 12.885 Mt = 0.12885."""
    ds = toy_run.results
    assert ds.attrs["objective"] == pytest.approx(1467.25, rel=1e-9)
    assert ds.attrs["objective_lp"] == pytest.approx(1467.37885, rel=1e-9)
    assert float(ds["cost"].sum()) == pytest.approx(1467.25, rel=1e-9)


def test_emissions_by_hand(toy_run):
    """Emissions: 2025 = 2 x 1.9 + 15 x 0.055 = 4.625 Mt; 2026-27 = 3.8 + 6 x 0.055 = 4.13."""
    total = toy_run.results["emissions"].sum(["sector", "cluster"])
    assert [float(total.sel(year=y)) for y in YEARS] == pytest.approx([4.625, 4.13, 4.13])


def test_steel_marginal_cost_is_unique_and_known(toy_run):
    """Duals: steel has one route with spare capacity (2.5 Mt/yr for 2 Mt), so one more Mt
    costs exactly its running cost net of free allocation: 100, 125.625, 155 MEUR/Mt, plus
    the tie-break 0.01 x 1.9 = 0.019. (Where capacity is exactly full the dual is any value
    between running cost and running cost plus new capacity: not unique.)"""
    dual = toy_run.results["dual_demand"].sel(sector="steel", cluster="port", service="steel")
    assert [float(dual.sel(year=y)) for y in YEARS] == pytest.approx(
        [100.019, 125.644, 155.019], rel=1e-9
    )


def test_every_result_carries_units(toy_run):
    """Units: every variable of the Dataset has a non-empty units attribute."""
    for name, variable in toy_run.results.data_vars.items():
        assert str(variable.attrs.get("units", "")).strip(), name
    for coordinate in ("route_class", "route_sector", "route_service", "output_unit"):
        assert coordinate in toy_run.results.coords


def test_every_constraint_reports_its_dual_or_says_why_not(toy_run):
    """Every row block of the LP has a DualSpec whose variable is in the results, or a
    note on why its dual is not reported (per-project subsidy limits)."""
    for name, block in toy_run.lp.rows.items():
        if block.dual is None:
            assert block.dual_note, name
        else:
            assert block.dual.name in toy_run.results, name
