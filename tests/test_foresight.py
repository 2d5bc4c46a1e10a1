"""Myopic foresight, decision lead times and hurdle rates, on cases solvable by hand.

One cluster, food heat 10 PJ/yr in 2030 and 2031, discount rate 0 (an annuity is capex /
lifetime, 10 years), no ETS free allocation:

- gas boiler: 20 PJ/yr standing, gas 10 EUR/GJ + ETS 100 EUR/t x 0.056 t/GJ = 15.6 MEUR/PJ;
- e-boiler: none standing, electricity 10 EUR/GJ = 10 MEUR/PJ, capex 30 MEUR per PJ/yr
  (annuity 3) in 2030 and, where a case says so, 0 in 2031.

With capex falling to 0 in 2031, perfect foresight waits: gas in 2030 and an e-boiler from
2031 costs 156 + 100 = 256 MEUR, against 130 + 130 = 260 for building in 2030. A myopic
decision in 2030 sees 2030's capex held (30 in 2031 too): waiting would cost 156 + 130 = 286,
so it builds in 2030 and pays 260 at the prices that came.
"""

from __future__ import annotations

import pytest

from elektra.inputs.config import ScenarioError, load_scenario
from elektra.model.pipeline import run
from tests.conftest import write_dataset, write_scenario

ROUTES = [
    ("gas_boiler", "food", "heat", "reference"),
    ("e_boiler", "food", "heat", "electrification"),
]


def case(tmp_path, capex_2031=30.0, lead_time=0, committed=0.0, hurdle=None, **scenario):
    rows = [
        {"parameter": "demand", "sector": "food", "cluster": "x", "service": "heat",
         "value": 10, "unit": "PJ/yr"},
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "ets_price", "value": 100, "unit": "EUR/t"},
        {"parameter": "emission_factor", "carrier": "natural_gas", "value": 56, "unit": "t/TJ"},
        {"parameter": "price", "carrier": "natural_gas", "value": 10, "unit": "EUR/GJ"},
        {"parameter": "price", "carrier": "electricity", "value": 10, "unit": "EUR/GJ"},
        {"parameter": "input", "route": "gas_boiler", "carrier": "natural_gas", "value": 1,
         "unit": "PJ/PJ"},
        {"parameter": "input", "route": "e_boiler", "carrier": "electricity", "value": 1,
         "unit": "PJ/PJ"},
        {"parameter": "existing_capacity", "sector": "food", "cluster": "x",
         "route": "gas_boiler", "value": 20, "unit": "PJ/yr"},
        {"parameter": "capex", "route": "e_boiler", "year": 2030, "value": 30,
         "unit": "MEUR/(PJ/yr)"},
        {"parameter": "capex", "route": "e_boiler", "year": 2031, "value": capex_2031,
         "unit": "MEUR/(PJ/yr)"},
        {"parameter": "lead_time", "route": "e_boiler", "value": lead_time, "unit": "yr"},
        {"parameter": "committed_build", "cluster": "x", "route": "e_boiler", "year": 2030,
         "value": committed, "unit": "PJ/yr"},
    ]  # fmt: skip
    for route in ("gas_boiler", "e_boiler"):
        rows.append({"parameter": "lifetime", "route": route, "value": 10, "unit": "yr"})
    if hurdle is not None:
        rows.append({"parameter": "hurdle_rate", "sector": "food", "value": hurdle, "unit": "1/yr"})
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("food", "heat", "PJ")],
        carriers=["natural_gas", "electricity"],
        routes=ROUTES,
        rows=rows,
    )
    scenario.setdefault("tie_break_emission_penalty", 0)
    return write_scenario(
        tmp_path,
        dataset="data",
        years=[2030, 2031],
        policies={"grid": False, "subsidies": False, "ikc": False, "flex_e": False},
        **scenario,
    )


def built(ds, year: int) -> float:
    return float(ds["new_capacity"].sel(route="e_boiler", year=year).sum())


def test_myopic_builds_early_where_perfect_foresight_waits_for_cheaper_capex(tmp_path):
    perfect = run(case(tmp_path / "p", capex_2031=0.0)).results
    myopic = run(case(tmp_path / "m", capex_2031=0.0, foresight="myopic")).results
    assert (built(perfect, 2030), built(perfect, 2031)) == pytest.approx((0.0, 10.0))
    assert (built(myopic, 2030), built(myopic, 2031)) == pytest.approx((10.0, 0.0))
    assert perfect.attrs["objective"] == pytest.approx(256.0)
    assert myopic.attrs["objective"] == pytest.approx(260.0)
    assert (perfect.attrs["reading"], myopic.attrs["reading"]) == ("plan", "projection")


def test_myopic_equals_perfect_where_foresight_does_not_matter(tmp_path):
    """Capex flat at 30: both build the e-boiler in 2030 (260 against 156 + 130 = 286)."""
    perfect = run(case(tmp_path / "p")).results
    myopic = run(case(tmp_path / "m", foresight="myopic")).results
    assert built(perfect, 2030) == built(myopic, 2030) == pytest.approx(10.0)
    assert myopic.attrs["objective"] == pytest.approx(perfect.attrs["objective"])
    assert myopic.attrs["objective"] == pytest.approx(260.0)


def test_a_window_of_one_year_cannot_see_the_years_annuity_pays_for(tmp_path):
    """With a one-year window the 2030 decision sees 2030 only: e-boiler 13 against gas
    15.6, still cheaper in the year, so it builds; the duals of 2030 are its step's."""
    myopic = run(case(tmp_path, foresight={"mode": "myopic", "window": 1})).results
    assert built(myopic, 2030) == pytest.approx(10.0)
    assert float(myopic["dual_demand"].sel(year=2030).sum()) == pytest.approx(13.0)


def test_a_lead_time_delays_new_capacity_unless_it_is_committed(tmp_path):
    """Lead time 1 year: nothing can come online in 2030 (the first decision year), so gas
    serves 2030 and the e-boiler comes in 2031 (156 + 130 = 286); with 4 PJ/yr committed in
    2030 those come online (2030: 4 x 13 + 6 x 15.6 = 145.6; 2031: 130)."""
    free = run(case(tmp_path / "a", lead_time=1)).results
    assert built(free, 2030) == pytest.approx(10.0)  # lead times switched off: no effect
    late = run(case(tmp_path / "b", lead_time=1, foresight={"lead_times": True})).results
    assert (built(late, 2030), built(late, 2031)) == pytest.approx((0.0, 10.0))
    assert late.attrs["objective"] == pytest.approx(286.0)
    committed = run(
        case(tmp_path / "c", lead_time=1, committed=4.0, foresight={"lead_times": True})
    ).results
    assert built(committed, 2030) == pytest.approx(4.0)
    assert committed.attrs["objective"] == pytest.approx(145.6 + 130.0)


def test_the_first_myopic_step_takes_the_decisions_due_before_the_model_starts(tmp_path):
    """Lead time 1 year: the e-boiler running in 2030 is decided in 2029, before the first
    model year, so the first step (2030) takes that decision as perfect foresight does: 10
    PJ/yr in 2030, 130 + 130 = 260. With lead times on and 4 PJ/yr committed, both readings
    build the 4 in 2030 and the rest in 2031: 145.6 + 130."""
    perfect = run(case(tmp_path / "p", lead_time=1)).results
    myopic = run(case(tmp_path / "m", lead_time=1, foresight="myopic")).results
    assert built(perfect, 2030) == built(myopic, 2030) == pytest.approx(10.0)
    assert myopic.attrs["objective"] == pytest.approx(260.0)
    late = {"lead_times": True}
    committed = run(case(tmp_path / "c", lead_time=1, committed=4.0, foresight=late)).results
    stepped = run(
        case(tmp_path / "s", lead_time=1, committed=4.0, foresight={"mode": "myopic", **late})
    ).results
    assert built(committed, 2030) == built(stepped, 2030) == pytest.approx(4.0)
    assert stepped.attrs["objective"] == pytest.approx(145.6 + 130.0)


def test_a_hurdle_rate_raises_the_annuity_and_can_stop_an_investment(tmp_path):
    """At a hurdle rate of 20 % the annuity of 30 over 10 years is 30 x 0.2 / (1 - 1.2^-10)
    = 7.16 per year: 17.16 against gas 15.6, so no e-boiler is built; the reported cost of
    gas is 156 a year."""
    plain = run(case(tmp_path / "a", hurdle=0.2)).results
    assert built(plain, 2030) == pytest.approx(10.0)  # switched off: social rate 0
    hurdle = run(case(tmp_path / "b", hurdle=0.2, foresight={"hurdle_rates": True})).results
    assert built(hurdle, 2030) == pytest.approx(0.0)
    assert hurdle.attrs["objective"] == pytest.approx(312.0)


def test_a_bad_foresight_is_refused_naming_the_key(tmp_path):
    path = case(tmp_path, foresight="clairvoyant")
    with pytest.raises(ScenarioError, match="foresight.mode"):
        load_scenario(path)
