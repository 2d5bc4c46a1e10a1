"""Relocation persists: production closed at home and imported is not back a year later.

One cluster, 1 Mt/yr of a product in 2030 and 2031, discount rate 0; the plant at home
(2 Mt/yr standing) costs 100 MEUR/Mt to run, the import costs 90 in 2030 and 120 in 2031.
Free to flip, the LP imports in 2030 and makes the product at home in 2031: 90 + 100 = 190.
With the import's share never falling, the choice is importing both years (90 + 120 = 210)
or neither (200): it keeps the plant (200). Where the import stays cheaper (90 both
years) it imports both years (180).
"""

from __future__ import annotations

import pytest

from elektra.model.pipeline import run
from tests.conftest import write_dataset, write_scenario


def case(tmp_path, import_2031: float):
    rows = [
        {"parameter": "demand", "sector": "steel", "cluster": "x", "service": "crude_steel",
         "value": 1, "unit": "Mt/yr"},
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "existing_capacity", "sector": "steel", "cluster": "x",
         "route": "steel_home", "value": 2, "unit": "Mt/yr"},
        {"parameter": "variable_cost", "route": "steel_home", "value": 100, "unit": "MEUR/Mt"},
        {"parameter": "variable_cost", "route": "steel_import", "year": 2030, "value": 90,
         "unit": "MEUR/Mt"},
        {"parameter": "variable_cost", "route": "steel_import", "year": 2031,
         "value": import_2031, "unit": "MEUR/Mt"},
    ]  # fmt: skip
    for route in ("steel_home", "steel_import"):
        rows.append({"parameter": "lifetime", "route": route, "value": 20, "unit": "yr"})
    rows.append({"parameter": "existing_capacity", "sector": "steel", "cluster": "x",
                 "route": "steel_import", "value": 2, "unit": "Mt/yr"})  # fmt: skip
    write_dataset(
        tmp_path / "data",
        clusters=["x"],
        services=[("steel", "crude_steel", "Mt")],
        carriers=["natural_gas"],
        routes=[
            ("steel_home", "steel", "crude_steel", "reference"),
            ("steel_import", "steel", "crude_steel", "import"),
        ],
        rows=rows,
    )
    return write_scenario(
        tmp_path,
        dataset="data",
        years=[2030, 2031],
        tie_break_emission_penalty=0,
        policies={"grid": False, "subsidies": False, "ikc": False, "flex_e": False, "ets": False},
    )


def imported(ds) -> list[float]:
    return ds["activity"].sel(route="steel_import").sum(["sector", "cluster"]).values.tolist()


def test_a_closed_plant_does_not_reopen_a_year_later(tmp_path):
    ds = run(case(tmp_path, import_2031=120)).results
    assert imported(ds) == pytest.approx([0.0, 0.0])
    assert ds.attrs["objective"] == pytest.approx(200.0)


def test_relocation_that_pays_stays(tmp_path):
    ds = run(case(tmp_path, import_2031=90)).results
    assert imported(ds) == pytest.approx([1.0, 1.0])
    assert ds.attrs["objective"] == pytest.approx(180.0)
