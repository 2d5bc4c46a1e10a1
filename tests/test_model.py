"""The core model and the LP it assembles: constraints worked by hand, the objective against
the reported cost, the LP's shape against price changes, the Pyomo model against the LP.

The hydrogen case (one cluster ``x``, one year 2030, discount rate 0, no ETS, tie-break 0):
- food heat demand 10 PJ/yr, served only by a hydrogen boiler using 1.1 PJ H2 per PJ heat,
  so 11 PJ/yr of hydrogen is needed;
- electrolysis makes hydrogen from 1.4 PJ electricity per PJ at 10 EUR/GJ: 14 MEUR/PJ;
- SMR makes it from 1.3 PJ gas at 8 EUR/GJ: 10.4 MEUR/PJ (cheaper, no ETS here);
- both have 50 PJ/yr standing, so capacity never binds.
"""

from __future__ import annotations

import pytest

from elektra.inputs.config import load_scenario
from elektra.inputs.data import load_data
from elektra.model.build import build
from elektra.model.pipeline import run
from tests.conftest import ROOT, write_dataset, write_scenario

BASE = ROOT / "scenarios" / "base.yaml"


def hydrogen_case(tmp_path, rows=(), **scenario):
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
        {"parameter": "ets_price", "value": 0, "unit": "EUR/t"},
        {"parameter": "emission_factor", "carrier": "natural_gas", "value": 56, "unit": "t/TJ"},
        {"parameter": "price", "carrier": "natural_gas", "value": 8, "unit": "EUR/GJ"},
        {"parameter": "price", "carrier": "electricity", "value": 10, "unit": "EUR/GJ"},
    ]
    routes = {
        "h2_boiler": ("food", "heat", {"hydrogen": 1.1}),
        "electrolysis": ("h2", "hydrogen", {"electricity": 1.4}),
        "smr": ("h2", "hydrogen", {"natural_gas": 1.3}),
    }
    for route, (sector, _service, inputs) in routes.items():
        base += [
            {"parameter": "lifetime", "route": route, "value": 20, "unit": "yr"},
            {
                "parameter": "existing_capacity",
                "sector": sector,
                "cluster": "x",
                "route": route,
                "value": 50,
                "unit": "PJ/yr",
            },
        ]
        base += [
            {"parameter": "input", "route": route, "carrier": k, "value": v, "unit": "PJ/PJ"}
            for k, v in inputs.items()
        ]
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("food", "heat", "PJ"), ("h2", "hydrogen", "PJ")],
        carriers=["natural_gas", "electricity", "hydrogen"],
        routes=[
            ("h2_boiler", "food", "heat", "hydrogen"),
            ("electrolysis", "h2", "hydrogen", "hydrogen"),
            ("smr", "h2", "hydrogen", "reference"),
        ],
        rows=base + list(rows),
    )
    scenario.setdefault("tie_break_emission_penalty", 0)
    return write_scenario(tmp_path, dataset="data", years=[2030, 2030], **scenario)


def test_hydrogen_dual_is_the_marginal_cost_of_the_cheapest_maker(tmp_path):
    """SMR makes all 11 PJ at 10.4 MEUR/PJ: the hydrogen balance's dual is 10.4 EUR/GJ and
    the heat's marginal cost 1.1 x 10.4 = 11.44 EUR/GJ."""
    ds = run(hydrogen_case(tmp_path)).results
    assert float(ds["activity"].sel(route="smr").sum()) == pytest.approx(11.0)
    assert float(ds["hydrogen_marginal_cost"].sel(year=2030)) == pytest.approx(10.4)
    dual = ds["dual_demand"].sel(sector="food", cluster="x", service="heat", year=2030)
    assert float(dual) == pytest.approx(11.44)


def test_hydrogen_dual_equals_a_finite_difference(tmp_path):
    """One more PJ of heat needs 1.1 PJ of hydrogen: the objective rises by 1.1 x the
    hydrogen dual (a potential of 50 % on SMR makes the dual the mix (10.4 + 14) / 2 = 12.2,
    so the difference is not a single route's cost)."""
    limit = [{"parameter": "potential", "cluster": "x", "route": "smr", "value": 0.5, "unit": "1"}]
    base = run(hydrogen_case(tmp_path / "a", limit)).results
    more = run(
        hydrogen_case(
            tmp_path / "b",
            limit,
            parameters={"demand": [{"scale": 1.01}]},
        )
    ).results
    dual = float(base["hydrogen_marginal_cost"].sel(year=2030))
    assert dual == pytest.approx(12.2)
    difference = (more.attrs["objective"] - base.attrs["objective"]) / (0.1 * 1.1)
    assert difference == pytest.approx(dual, rel=1e-9)


def test_producer_potential_is_a_share_of_the_cluster_production(tmp_path):
    """SMR at potential 0.5 makes at most half of the hydrogen made in x: 5.5 of 11 PJ; one
    unit more of its share saves 14 - 10.4 = 3.6 MEUR."""
    limit = [{"parameter": "potential", "cluster": "x", "route": "smr", "value": 0.5, "unit": "1"}]
    ds = run(hydrogen_case(tmp_path, limit)).results
    assert float(ds["activity"].sel(route="smr").sum()) == pytest.approx(5.5)
    assert float(ds["activity"].sel(route="electrolysis").sum()) == pytest.approx(5.5)
    dual = ds["dual_producer_potential_limit"].sel(sector="h2", cluster="x", route="smr", year=2030)
    assert float(dual) == pytest.approx(3.6)


def test_a_producer_share_with_no_other_maker_is_an_error(tmp_path):
    from elektra.model.structure import StructureError

    rows = [
        {"parameter": "potential", "cluster": "x", "route": "smr", "value": 0.5, "unit": "1"},
        {
            "parameter": "potential",
            "cluster": "x",
            "route": "electrolysis",
            "value": 0,
            "unit": "1",
        },
    ]
    with pytest.raises(StructureError, match="no other route makes hydrogen"):
        run(hydrogen_case(tmp_path, rows))


def test_build_limit_binds_and_prices_a_unit(tmp_path):
    """No standing electrolysis or SMR capacity beyond 5 PJ/yr of SMR; new SMR (capex 20
    MEUR per PJ/yr over 20 years = 1 MEUR/PJ/yr) is limited to 2 PJ/yr, so electrolysis
    (new, capex 20 as well) makes the remaining 4 PJ. One more unit of SMR build saves
    (14 + 1) - (10.4 + 1) = 3.6 MEUR."""
    rows = [
        {"parameter": "capex", "route": r, "value": 20, "unit": "MEUR/(PJ/yr)"}
        for r in ("smr", "electrolysis")
    ] + [
        {
            "parameter": "build_limit",
            "cluster": "x",
            "route": "smr",
            "year": 2030,
            "value": 2,
            "unit": "PJ/yr",
        },
    ]
    standing = {
        "existing_capacity": [
            {"where": {"route": "smr"}, "value": 5},
            {"where": {"route": "electrolysis"}, "value": 0},
        ]
    }
    ds = run(hydrogen_case(tmp_path, rows, parameters=standing)).results
    assert float(ds["new_capacity"].sel(route="smr").sum()) == pytest.approx(2.0)
    assert float(ds["activity"].sel(route="electrolysis").sum()) == pytest.approx(4.0)
    dual = ds["dual_build_limit"].sel(cluster="x", route="smr", year=2030)
    assert float(dual) == pytest.approx(3.6)


def test_route_activity_limit_binds(tmp_path):
    """SMR limited to 3 PJ/yr nationally: electrolysis makes 8; the limit is worth 3.6."""
    rows = [
        {
            "parameter": "route_activity_limit",
            "route": "smr",
            "year": 2030,
            "value": 3,
            "unit": "PJ/yr",
        }
    ]
    ds = run(hydrogen_case(tmp_path, rows)).results
    assert float(ds["activity"].sel(route="smr").sum()) == pytest.approx(3.0)
    assert float(ds["activity"].sel(route="electrolysis").sum()) == pytest.approx(8.0)
    assert float(ds["dual_route_activity_limit"].sel(route="smr", year=2030)) == pytest.approx(3.6)


def test_existing_fixed_om_is_a_reported_cost_and_in_the_lp_objective(tmp_path):
    """Fixed O&M of 0.2 MEUR per PJ/yr on 50 PJ/yr of standing h2 boilers: 10 MEUR/yr that no
    decision changes. It is in the reported cost and in the LP's objective constant."""
    rows = [
        {"parameter": "fixed_om", "route": "h2_boiler", "value": 0.2, "unit": "MEUR/(PJ/yr)/yr"}
    ]
    without = run(hydrogen_case(tmp_path / "a")).results
    ds = run(hydrogen_case(tmp_path / "b", rows)).results
    assert float(ds["cost"].sel(cost_component="fixed_om", year=2030)) == pytest.approx(10.0)
    assert ds.attrs["objective"] == pytest.approx(without.attrs["objective"] + 10.0)
    assert ds.attrs["objective_lp"] == pytest.approx(without.attrs["objective_lp"] + 10.0)


def test_use_low_and_high_take_the_ends_of_the_sources_range(tmp_path):
    """`use: low` reads the row's low column, `use: high` its high column."""
    folder = hydrogen_case(tmp_path).parent / "data"
    path = folder / "parameters.csv"
    lines = path.read_text().splitlines()
    header = lines[0] + ",low,high"
    rows = [
        line + (",5,20" if line.startswith("price,") and ",natural_gas," in line else ",,")
        for line in lines[1:]
    ]
    path.write_text("\n".join([header, *rows]) + "\n")
    for end, expected in (("low", 5.0), ("high", 20.0)):
        scenario = write_scenario(
            tmp_path,
            name=f"case_{end}",
            dataset="data",
            years=[2030, 2030],
            parameters={"price": [{"where": {"carrier": "natural_gas"}, "use": end}]},
        )
        data = load_data(load_scenario(scenario))
        price = data["price"].sel(carrier="natural_gas", year=2030)
        assert float(price) == pytest.approx(expected)


@pytest.mark.parametrize(("budget", "paid"), [(1000, 577.5), (300, 300.0)])
def test_ikc_pays_the_rate_on_electricity_use_pro_rata_within_the_budget(tmp_path, budget, paid):
    """IKC-ETS: the heat is made from hydrogen by electrolysis (SMR off), 11 PJ H2 x 1.4 =
    15.4 PJ of electricity in the eligible sector h2; rate = 0.75 x 0.5 Mt/PJ x 100 EUR/t =
    37.5 MEUR/PJ, so the claims are 37.5 x 15.4 = 577.5 MEUR. A budget of 1,000 pays them
    in full; a budget of 300 pays 300, every claim cut by 300 / 577.5 = 0.519."""
    rows = [
        {"parameter": "potential", "cluster": "x", "route": "smr", "value": 0, "unit": "1"},
        {"parameter": "ikc_eligible", "sector": "h2", "value": 1, "unit": "1"},
        {"parameter": "ikc_aid_intensity", "value": 0.75, "unit": "1"},
        {"parameter": "ikc_emission_factor", "value": 0.5, "unit": "Mt/PJ"},
        {"parameter": "ikc_budget", "value": budget, "unit": "MEUR"},
    ]
    ds = run(hydrogen_case(tmp_path, rows, parameters={"ets_price": [{"value": 100}]})).results
    assert float(ds["ikc_claims"].sel(year=2030)) == pytest.approx(577.5)
    assert float(ds["ikc_compensation"].sum()) == pytest.approx(paid, rel=1e-3)
    assert float(ds["ikc_pro_rata"].sel(year=2030)) == pytest.approx(
        min(1.0, paid / 577.5), rel=1e-3
    )
    assert float(ds["cost"].sel(cost_component="ikc_compensation", year=2030)) == pytest.approx(
        -paid, rel=1e-3
    )


# --------------------------------------------------------------- objective and reported cost


def test_lp_objective_is_the_discounted_reported_cost_plus_the_tie_break(base_run):
    """The LP objective = sum over years of discount x reported cost + the discounted
    tie-break penalty on emissions (0.01 EUR/t). Nothing else hides in the objective. The
    discount factor is worked out here: (1 + rate)^-(year - base year)."""
    ds = base_run.results
    years = [int(y) for y in ds.year.values]
    rate, base_year = float(ds["input_discount_rate"]), base_run.scenario.base_year
    discount = [(1 + rate) ** -(y - base_year) for y in years]
    cost = ds["cost"].sum("cost_component").sel(year=years).values
    reported = float((cost * discount).sum())
    emissions = ds["emissions"].sum(["sector", "cluster"]).sel(year=years).values
    penalty = base_run.scenario.tie_break_emission_penalty
    assert penalty == 0.01
    tie_break = float((penalty * emissions * discount).sum())
    assert ds.attrs["objective"] == pytest.approx(reported, rel=1e-12)
    assert ds.attrs["objective_lp"] == pytest.approx(reported + tie_break, rel=1e-9)
    assert tie_break > 0  # the test is not vacuous


#: What society pays for: real resources (capital, O&M, energy, materials and imports, CO2
#: transport and storage, grid expansion). Everything else moves money between industry
#: and the state or other firms (taxes, allowances, allocation, CBAM, subsidies, levy).
RESOURCES = (
    "investment",
    "fixed_om",
    "energy",
    "variable",
    "co2_transport_storage",
    "grid_expansion",
)


def test_social_cost_worked_by_hand(tmp_path):
    """Gas boiler serving 10 PJ/yr of heat (2030, discount 0): energy 10 PJ x 10 EUR/GJ =
    100 MEUR, energy tax 10 x 1 EUR/GJ = 10, ETS 10 x 0.056 Mt/PJ x 100 EUR/t = 56, fixed
    O&M of the 20 PJ/yr of standing gas boilers 20 x 1 = 20. Cost to industry 186; to
    society only the energy and the O&M: 120."""
    from tests.test_policy import heat_case

    rows = [
        {"parameter": "energy_tax", "carrier": "natural_gas", "value": 1, "unit": "EUR/GJ"},
        {"parameter": "fixed_om", "route": "gas_boiler", "value": 1, "unit": "MEUR/(PJ/yr)/yr"},
    ]
    ds = run(heat_case(tmp_path, enabled=("gas_boiler",), rows=rows)).results
    cost = ds["cost"].sel(year=2030)
    assert float(cost.sum()) == pytest.approx(186.0)
    assert float(cost.sel(cost_component="ets")) == pytest.approx(56.0)
    assert float(cost.sel(cost_component="energy_tax")) == pytest.approx(10.0)
    assert float(ds["social_cost"].sel(year=2030)) == pytest.approx(120.0)


def test_social_cost_is_the_cost_of_real_resources_in_the_base_scenario(base_run):
    """The components listed above, written out here rather than read from the code's
    transfer flags; base has ETS payments, energy tax, IKC and subsidies to leave out."""
    ds = base_run.results
    resources = ds["cost"].sel(cost_component=list(RESOURCES)).sum("cost_component")
    assert float(abs(ds["social_cost"] - resources).max()) < 1e-6
    transfers = ds["cost"].drop_sel(cost_component=list(RESOURCES))
    assert float(abs(transfers.sel(cost_component="ets")).sum()) > 0
    assert float(abs(transfers).sum()) > 1000


# ------------------------------------------------------------------------- the LP's shape


def _shape(scenario_path):
    lp = build(load_scenario(scenario_path)).lp
    return lp.shape_key(), lp


@pytest.fixture(scope="module")
def base_shape():
    return _shape(BASE)


@pytest.mark.parametrize(
    "parameters",
    [
        {"ets_price": [{"scale": 0.2}]},
        {"ets_price": [{"scale": 4.0}]},
        {"capex": [{"scale": 0.0}]},
        {"subsidy_budget": [{"scale": 0.0}]},
        {"price": [{"scale": 3.0}]},
        {"grid_capacity": [{"scale": 0.5}]},
    ],
    ids=["ets_low", "ets_high", "capex_zero", "budgets_zero", "prices_triple", "grid_half"],
)
def test_the_lps_shape_does_not_move_with_prices(tmp_path, base_shape, parameters):
    """Prices, capex, budgets and limits change coefficients and bounds, never which columns
    and rows exist: a sweep can update the built LP in place."""
    scenario = write_scenario(tmp_path, name="variant", extends=str(BASE), parameters=parameters)
    shape, lp = _shape(scenario)
    assert shape == base_shape[0]
    changed = (lp.cost != base_shape[1].cost).any() or (
        lp.row_upper != base_shape[1].row_upper
    ).any()
    changed = changed or (lp.matrix != base_shape[1].matrix).nnz > 0
    assert changed  # the variant is a different LP of the same shape


# ----------------------------------------------------------------------- the Pyomo model


def test_the_pyomo_model_is_the_lp_hiGHS_solves(toy_run):
    """The Pyomo model of the LP, solved through Pyomo's own HiGHS interface, has the same
    objective and the same demand duals as elektra's direct hand-off."""
    import pyomo.environ as pyo
    from pyomo.contrib.solver.common.factory import SolverFactory

    model = toy_run.model
    results = SolverFactory("highs").solve(model)
    assert pyo.value(model.objective) == pytest.approx(toy_run.solution.objective, rel=1e-9)
    duals = results.solution_loader.get_duals()
    for key, dual in toy_run.solution.duals("demand_balance").items():
        assert duals[model.demand_balance[key]] == pytest.approx(dual, abs=1e-9)
    names = {c.local_name for c in model.component_objects(pyo.Constraint)}
    assert names == set(toy_run.lp.rows)


# ------------------------------------------------------------------------------ run notes


def test_a_policy_that_never_binds_is_noted(tmp_path):
    """A grid limit far above the load binds nowhere: the run says so."""
    rows = [{"parameter": "grid_capacity", "cluster": "x", "value": 1e5, "unit": "MW"}]
    result = run(hydrogen_case(tmp_path, rows))
    assert "policy 'grid' is on but none of its constraints binds in any year" in result.notes
    assert "none of its constraints binds" in result.results.attrs["notes"]


def test_a_levy_below_the_ets_price_cannot_bite_and_is_noted(tmp_path):
    rows = [{"parameter": "co2_levy_rate", "value": 50, "unit": "EUR/t"}]
    result = run(
        hydrogen_case(
            tmp_path,
            rows,
            policies={"co2_levy": True},
            parameters={"ets_price": [{"value": 80}]},
        )
    )
    assert any("'co2_levy'" in n and "cannot bite" in n for n in result.notes)


def test_every_policy_switch_is_in_the_scenario_schema_and_back():
    """Each policy's switches are fields of config.Policies, and each field belongs to a
    policy: a switch cannot be added without its module, nor a module without its switch."""
    from elektra.inputs.config import Policies
    from elektra.policies import POLICIES

    claimed = [switch.name for policy in POLICIES for switch in policy.switches]
    assert len(claimed) == len(set(claimed))
    assert set(claimed) == set(Policies.model_fields)
