"""Duals on LPs whose dual values are known analytically (non-degenerate cases)."""

from __future__ import annotations

import pytest

from elektra.model.pipeline import run
from tests.conftest import write_dataset, write_scenario


def _case(tmp_path, extra_rows=()):
    """One sector, one cluster, one year, heat demand 50 PJ and three routes:
    - a (reference): 10 MEUR/PJ to run, 100 PJ/yr standing: never full, so it sets the price;
    - b: 6 MEUR/PJ, 100 PJ/yr standing, potential 40 % -> serves exactly 20 PJ;
    - c: 4 MEUR/PJ, 5 PJ/yr standing, no new build possible (first year 2099) -> 5 PJ.
    So a serves 25 PJ. Duals: demand = 10 (a is marginal); the potential limit of b is worth
    10 - 6 = 4 MEUR per PJ; the capacity of c is worth 10 - 4 = 6 MEUR per PJ/yr."""
    rows = [
        {
            "parameter": "demand",
            "sector": "s",
            "cluster": "x",
            "service": "heat",
            "value": 50,
            "unit": "PJ/yr",
        },
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "ets_price", "value": 0, "unit": "EUR/t"},
    ]
    for route, cost, stock in (("a", 10, 100), ("b", 6, 100), ("c", 4, 5)):
        rows += [
            {"parameter": "variable_cost", "route": route, "value": cost, "unit": "EUR/GJ"},
            {
                "parameter": "existing_capacity",
                "sector": "s",
                "cluster": "x",
                "route": route,
                "value": stock,
                "unit": "PJ/yr",
            },
            {"parameter": "lifetime", "route": route, "value": 20, "unit": "yr"},
        ]
    rows += [
        {"parameter": "potential", "route": "b", "value": 0.4, "unit": "1"},
        {"parameter": "first_year", "route": "c", "value": 2099, "unit": "calendar year"},
        *extra_rows,
    ]
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("s", "heat", "PJ")],
        carriers=["gas"],
        routes=[
            ("a", "s", "heat", "reference"),
            ("b", "s", "heat", "electrification"),
            ("c", "s", "heat", "biogas"),
        ],
        rows=rows,
    )
    return write_scenario(
        tmp_path, dataset="data", years=[2030, 2030], tie_break_emission_penalty=0
    )


def test_duals_match_the_analytic_values(tmp_path):
    ds = run(_case(tmp_path)).results
    sel = {"sector": "s", "cluster": "x", "year": 2030}
    assert [float(ds["activity"].sel(**sel, route=r)) for r in "abc"] == pytest.approx([25, 20, 5])
    assert float(ds["dual_demand"].sel(**sel, service="heat")) == pytest.approx(10.0)
    assert float(ds["dual_potential_limit"].sel(**sel, route="b")) == pytest.approx(4.0)
    assert float(ds["dual_capacity_limit"].sel(**sel, route="c")) == pytest.approx(6.0)
    # a limit that does not bind is worth nothing
    assert float(ds["dual_capacity_limit"].sel(**sel, route="a")) == pytest.approx(0.0)


def test_duals_are_undiscounted_to_their_year(tmp_path):
    """With a 10 % discount rate from base year 2025, the LP's dual of the 2030 demand is
    10 / 1.1^5; elektra reports it in 2030 money: still 10 MEUR/PJ."""
    scenario = _case(tmp_path)
    text = (
        scenario.read_text() + "base_year: 2025\nparameters:\n  discount_rate:\n    - value: 0.1\n"
    )
    scenario.write_text(text)
    ds = run(scenario).results
    dual = ds["dual_demand"].sel(sector="s", cluster="x", service="heat", year=2030)
    assert float(dual) == pytest.approx(10.0)
    assert ds.attrs["objective"] == pytest.approx((25 * 10 + 20 * 6 + 5 * 4) / 1.1**5)
