"""Policy invariants as property tests on the toy model."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from elektra.inputs.config import load_scenario
from elektra.model.pipeline import run
from tests.conftest import ROOT, write_scenario

TOY = ROOT / "scenarios" / "toy.yaml"


def total_emissions(scenario) -> float:
    return float(run(scenario).results["emissions"].sum())


def _scaled_ets(tmp_path, factor: float, name: str):
    return write_scenario(
        tmp_path, name=name, extends=str(TOY), parameters={"ets_price": [{"scale": factor}]}
    )


@settings(max_examples=12, deadline=None)
@given(low=st.floats(0, 2.5), extra=st.floats(0.05, 2.5))  # up to 1,000 EUR/t: plausible
def test_higher_ets_price_never_raises_emissions(tmp_path_factory, low, extra):
    folder = tmp_path_factory.mktemp("ets")
    lower = total_emissions(_scaled_ets(folder, low, "low"))
    higher = total_emissions(_scaled_ets(folder, low + extra, "high"))
    assert higher <= lower + 1e-9


def test_ets_price_sweep_moves_emissions(tmp_path):
    """The invariant above is not vacuous: from zero to a high price emissions fall."""
    at_zero = total_emissions(_scaled_ets(tmp_path, 0.0, "zero"))
    at_high = total_emissions(_scaled_ets(tmp_path, 3.0, "high"))
    assert at_high < at_zero - 0.1


def test_scenario_hash_follows_the_resolved_text(tmp_path):
    same = load_scenario(TOY)
    changed = load_scenario(_scaled_ets(tmp_path, 1.5, "changed"))
    assert same.hash == load_scenario(TOY).hash
    assert same.hash != changed.hash


# ------------------------------------------------------------------ policy invariants
from tests.test_policy import HEAT_PUMP, heat_case  # noqa: E402


def _grant(folder, budget: float, share: float = 0.6):
    rows = HEAT_PUMP + [
        {"parameter": "subsidy_budget", "instrument": "niki", "value": budget, "unit": "MEUR"},
        {
            "parameter": "grant_share",
            "instrument": "niki",
            "route": "heat_pump",
            "value": share,
            "unit": "1",
        },
    ]
    return heat_case(
        folder,
        enabled=("gas_boiler", "heat_pump"),
        rows=rows,
        instruments=[("niki", "investment")],
        parameters={"ets_price": [{"value": 0}]},
        tie_break_emission_penalty=0.01,
    )


@settings(max_examples=10, deadline=None)
@given(budget=st.floats(0, 2000), more=st.floats(1, 2000), share=st.floats(0.05, 1))
def test_subsidy_never_exceeds_budget_and_more_budget_never_raises_emissions(
    tmp_path_factory, budget, more, share
):
    smaller = run(_grant(tmp_path_factory.mktemp("a"), budget, share)).results
    larger = run(_grant(tmp_path_factory.mktemp("b"), budget + more, share)).results
    assert float(smaller["subsidy_committed"].sum()) <= budget * (1 + 1e-9) + 1e-9
    assert float(larger["subsidy_committed"].sum()) <= (budget + more) * (1 + 1e-9) + 1e-9
    assert float(larger["emissions"].sum()) <= float(smaller["emissions"].sum()) + 1e-9


@settings(max_examples=8, deadline=None)
@given(rate=st.floats(0, 400), dispensation=st.floats(0, 0.6))
def test_switching_the_co2_levy_on_never_raises_emissions(tmp_path_factory, rate, dispensation):
    rows = [
        {"parameter": "co2_levy_rate", "value": rate, "unit": "EUR/t"},
        {
            "parameter": "co2_levy_dispensation",
            "sector": "food",
            "cluster": "x",
            "value": dispensation,
            "unit": "Mt",
        },
    ]
    kwargs = {"parameters": {"price": [{"where": {"carrier": "electricity"}, "value": 18}]}}
    off = run(heat_case(tmp_path_factory.mktemp("off"), rows=rows, **kwargs)).results
    on = run(
        heat_case(tmp_path_factory.mktemp("on"), rows=rows, policies={"co2_levy": True}, **kwargs)
    ).results
    assert float(on["emissions"].sum()) <= float(off["emissions"].sum()) + 1e-9


def test_levy_invariant_is_not_vacuous(tmp_path):
    """Electricity at 18 EUR/GJ: gas (15.6) wins without a levy; a 300 EUR/t levy with no
    dispensation adds 200 x 0.056 = 11.2 to gas and moves the heat to e-boilers."""
    rows = [{"parameter": "co2_levy_rate", "value": 300, "unit": "EUR/t"}]
    kwargs = {"parameters": {"price": [{"where": {"carrier": "electricity"}, "value": 18}]}}
    off = run(heat_case(tmp_path / "off", rows=rows, **kwargs)).results
    on = run(heat_case(tmp_path / "on", rows=rows, policies={"co2_levy": True}, **kwargs)).results
    assert float(on["emissions"].sum()) < float(off["emissions"].sum()) - 0.1


@settings(max_examples=6, deadline=None)
@given(price=st.floats(10, 30))
def test_unlimited_grid_has_zero_grid_duals(tmp_path_factory, price):
    rows = [{"parameter": "grid_capacity", "cluster": "x", "value": 1e5, "unit": "MW"}]
    ds = run(
        heat_case(
            tmp_path_factory.mktemp("grid"),
            rows=rows,
            parameters={"price": [{"where": {"carrier": "electricity"}, "value": price}]},
        )
    ).results
    assert float(abs(ds["dual_grid"]).max()) == 0.0
