"""Policy invariants as property tests on the toy model."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from elektra.config import load_scenario
from elektra.pipeline import run
from tests.conftest import ROOT, write_scenario

TOY = ROOT / "scenarios" / "toy.yaml"


def total_emissions(scenario) -> float:
    return float(run(scenario).results["emissions"].sum())


def _scaled_ets(tmp_path, factor: float, name: str):
    return write_scenario(tmp_path, name=name, extends=str(TOY),
                          parameters={"ets_price": [{"scale": factor}]})


@settings(max_examples=12, deadline=None)
@given(low=st.floats(0, 4), extra=st.floats(0.05, 4))
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
