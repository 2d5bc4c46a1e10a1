"""Scenario files: extends, overrides, and errors that name file, key and expectation."""

from __future__ import annotations

import pytest

from elektra.inputs.config import ScenarioError, load_scenario
from elektra.inputs.data import DataError, load_data
from tests.conftest import ROOT, write_scenario

TOY = str(ROOT / "scenarios" / "toy.yaml")


def test_extends_inherits_and_overrides(tmp_path):
    child = write_scenario(tmp_path, extends=TOY, years=[2025, 2026])
    scenario = load_scenario(child)
    assert scenario.dataset == "toy"
    assert scenario.years == (2025, 2026)
    assert scenario.name == "case"
    assert len(scenario.files) == 2


def test_set_and_scale_overrides(tmp_path):
    child = write_scenario(
        tmp_path,
        extends=TOY,
        parameters={
            "ets_price": [{"where": {"year": 2026}, "value": "90 EUR/t"}, {"scale": 2}],
            "capex": [{"where": {"route": "food_heat_pump"}, "value": 35}],
        },
    )
    data = load_data(load_scenario(child))
    assert data["ets_price"].sel(year=2025) == pytest.approx(200.0)
    assert data["ets_price"].sel(year=2026) == pytest.approx(180.0)
    assert data["capex"].sel(route="food_heat_pump", year=2027) == pytest.approx(35.0)
    assert data["capex"].sel(route="food_gas_boiler", year=2027) == pytest.approx(20.0)


def test_override_with_unit_converts_per_output_unit(tmp_path):
    child = write_scenario(
        tmp_path,
        extends=TOY,
        parameters={"capex": [{"where": {"route": "steel_bf_bof"}, "value": "400 EUR/(t/yr)"}]},
    )
    data = load_data(load_scenario(child))
    assert data["capex"].sel(route="steel_bf_bof", year=2025) == pytest.approx(400.0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"extends": TOY, "colour": "red"}, "key 'colour'"),
        (
            {"extends": TOY, "parameters": {"ets_prise": [{"value": 1}]}},
            "unknown parameter 'ets_prise'",
        ),
        (
            {"extends": TOY, "parameters": {"ets_price": [{"value": 1, "scale": 2}]}},
            "exactly one of",
        ),
        (
            {"extends": TOY, "parameters": {"ets_price": [{"where": {"yeer": 1}, "value": 1}]}},
            "unknown dimension 'yeer'",
        ),
        ({"extends": TOY, "years": [2030, 2025]}, "key 'years'"),
        ({"extends": TOY, "policies": {"grid": "maybe"}}, "policies.grid"),
        ({"description": "no dataset"}, "key 'dataset' is missing"),
        ({"extends": "missing.yaml"}, "scenario file not found"),
    ],
)
def test_bad_scenarios_are_explained(tmp_path, content, expected):
    path = write_scenario(tmp_path, **content)
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert expected in str(error.value)
    assert "case.yaml" in str(error.value) or "missing.yaml" in str(error.value)


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        (
            {"capex": [{"where": {"route": "food_heat_pumpp"}, "value": 1}]},
            "unknown route 'food_heat_pumpp'",
        ),
        ({"potential": [{"value": 1.5}]}, "expected between 0 and 1"),
        ({"ets_price": [{"value": "90 EUR/GJ"}]}, "does not convert"),
        ({"ets_price": [{"where": {"route": "x"}, "value": 1}]}, "has no dimension 'route'"),
    ],
)
def test_bad_overrides_name_file_and_key(tmp_path, override, expected):
    path = write_scenario(tmp_path, extends=TOY, parameters=override)
    with pytest.raises(DataError) as error:
        load_data(load_scenario(path))
    message = str(error.value)
    assert expected in message
    assert "case.yaml" in message and "parameters." in message


def test_extends_cycle_is_an_error(tmp_path):
    write_scenario(tmp_path, name="a", extends="b")
    write_scenario(tmp_path, name="b", extends="a")
    with pytest.raises(ScenarioError, match="cycle"):
        load_scenario(tmp_path / "a.yaml")


def test_the_dataset_is_found_beside_the_file_that_names_it(tmp_path, monkeypatch):
    """A child elsewhere, run from elsewhere: 'dataset: toy' is the toy's own data/toy."""
    monkeypatch.chdir(tmp_path)
    child = tmp_path / "elsewhere" / "child.yaml"
    child.parent.mkdir()
    child.write_text(f"extends: {TOY}\n")
    scenario = load_scenario(child)
    assert scenario.dataset_path == ROOT / "data" / "toy"
    assert scenario.name == "child"  # its own file's stem, not the parent's 'toy'
    assert scenario.key_files["dataset"] == str(ROOT / "scenarios" / "toy.yaml")


def test_the_scenario_hash_ignores_where_overrides_came_from(tmp_path):
    text = "extends: {}\nname: same\nparameters:\n  ets_price:\n    - scale: 2\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.yaml").write_text(text.format(TOY))
    (tmp_path / "b" / "y.yaml").write_text(text.format(TOY))
    assert (
        load_scenario(tmp_path / "a" / "x.yaml").hash
        == load_scenario(tmp_path / "b" / "y.yaml").hash
    )
