"""Datasets: every shipped figure has unit and source; bad rows are explained."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from elektra.inputs.config import load_scenario
from elektra.inputs.data import DataError, load_data
from tests.conftest import ROOT, write_scenario

DATASETS = sorted(p.parent for p in (ROOT / "data").glob("*/routes.csv"))
SET_FILES = {
    "clusters.csv",
    "sectors.csv",
    "services.csv",
    "carriers.csv",
    "routes.csv",
    "instruments.csv",
}


@pytest.mark.parametrize("folder", DATASETS, ids=lambda p: p.name)
def test_every_shipped_figure_has_unit_and_source(folder):
    for path in folder.glob("*.csv"):
        if path.name in ("sources.csv", "deflator.csv"):
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert (frame["source"].str.strip() != "").all(), f"{path}: a row without source"
        if path.name in SET_FILES:
            continue
        assert (frame["unit"].str.strip() != "").all(), f"{path}: a figure without unit"


@pytest.mark.parametrize("folder", DATASETS, ids=lambda p: p.name)
def test_estimates_say_how_they_were_made(folder):
    for path in folder.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        if "estimate" not in frame or "method" not in frame:
            continue
        estimates = frame[frame["estimate"].str.lower() == "true"]
        assert (estimates["method"].str.strip() != "").all(), f"{path}: estimate without method"


def test_no_dutch_figure_rests_on_the_compiler_alone():
    """Every row of data/nl names the published figures it comes from (or bounds it), not
    only the person who compiled it; a row resting only on an assumption gives its range."""
    sources = pd.read_csv(ROOT / "data" / "nl" / "sources.csv", dtype=str, keep_default_na=False)
    compiler = set(sources.loc[sources["citation"].str.contains("dataset compiler"), "id"])
    assert compiler == set(), f"sources that are only the compiler: {compiler}"
    for path in (ROOT / "data" / "nl").rglob("*.csv"):
        if path.name in ("sources.csv", "deflator.csv"):
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        alone = frame[frame["source"] == "elektra_assumption"]
        if "low" in frame:
            alone = alone[(alone["low"] == "") | (alone["high"] == "")]
        assert alone.empty, f"{path}: {len(alone)} rows rest on an assumption without a range"


def test_a_dutch_row_names_its_sources_by_id_once_cited_in_full():
    """data/nl keeps each citation once (sources.csv); a row names ids, every id is known and
    every source is cited by some row."""
    data = load_data(load_scenario(ROOT / "scenarios" / "base.yaml"))
    table = pd.read_csv(ROOT / "data" / "nl" / "sources.csv", dtype=str, keep_default_na=False)
    cited = set()
    for path in (ROOT / "data" / "nl").rglob("*.csv"):
        if path.name != "sources.csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            cited |= {i.strip() for cell in frame["source"] for i in cell.split(";")}
    assert cited == set(table["id"])
    row = data.rows[data.rows["parameter"] == "ikc_emission_factor"].iloc[0]
    assert ";" not in row["source"] or all(len(i) < 40 for i in row["source"].split(";"))
    assert row["citation"] == "; ".join(
        table.set_index("id").at[i.strip(), "citation"] for i in row["source"].split(";")
    )


def test_an_unknown_source_id_names_file_line_and_id(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "toy", folder)
    (folder / "sources.csv").write_text(
        "id,citation,link,accessed\ntoy,elektra toy dataset (invented figures),,\n"
    )
    for path in folder.glob("*.csv"):
        if path.name == "sources.csv":
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["source"] = "toy"
        frame.to_csv(path, index=False)
    toy = folder / "toy.csv"
    lines = toy.read_text().splitlines()
    lines[3] = lines[3].replace(",toy,", ",toy; nowhere,", 1)
    toy.write_text("\n".join(lines) + "\n")
    scenario = write_scenario(tmp_path, dataset="data", years=[2025, 2027])
    with pytest.raises(DataError, match=r"toy\.csv, line 4: unknown source id 'nowhere'"):
        load_data(load_scenario(scenario))


def _corrupt(tmp_path, edit):
    """Copy the toy dataset, let ``edit`` change its parameter file, load it."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "toy", folder)
    path = folder / "toy.csv"
    path.write_text(edit(path.read_text()))
    scenario = write_scenario(tmp_path, dataset="data", years=[2025, 2027])
    return load_data(load_scenario(scenario))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("food_heat_pump,,,40,", "food_heatpump,,,40,"),
            "unknown route 'food_heatpump'",
        ),
        (
            lambda t: t.replace("40,MEUR/(PJ/yr),elektra toy model", "40,MEUR/(PJ/yr),"),
            "has no source",
        ),
        (lambda t: t.replace("10,EUR/GJ", "10,EUR/Gj"), "unknown unit"),
        (lambda t: t.replace("10,EUR/GJ", "10,EUR/t"), "does not convert"),
        (lambda t: t.replace("demand,steel", "demandd,steel"), "unknown parameter 'demandd'"),
        (
            lambda t: t.replace(
                "lifetime,,,,food_gas_boiler,,,10", "lifetime,,,,food_gas_boiler,2025,,10"
            ),
            "has no dimension 'year'",
        ),
        (lambda t: t.replace("0.6,1,", "sixty,1,"), "is not a number"),
        (lambda t: t.replace("0.6,1,", "1.6,1,"), "expected between 0 and 1"),
    ],
)
def test_bad_rows_name_file_line_and_expectation(tmp_path, edit, expected):
    with pytest.raises(DataError) as error:
        _corrupt(tmp_path, edit)
    assert expected in str(error.value)
    assert "toy.csv" in str(error.value)


def test_years_interpolate_and_hold(tmp_path):
    """ets_price is given for 2025 (100) and 2027 (200): 2026 lies on the line."""
    data = _corrupt(tmp_path, lambda t: t)
    assert [float(data["ets_price"].sel(year=y)) for y in (2025, 2026, 2027)] == [100, 150, 200]


def test_specific_rows_override_general_ones(tmp_path):
    extra = "potential,,port,,food_heat_pump,,,0.3,1,test,true,\n"
    data = _corrupt(tmp_path, lambda t: t + extra)
    assert float(data["potential"].sel(cluster="port", route="food_heat_pump")) == 0.3
    assert float(data["potential"].sel(cluster="inland", route="food_heat_pump")) == 0.6


def test_every_plausible_range_has_a_reason_and_holds_the_default():
    from elektra.inputs.parameters import PARAMETERS

    for spec in PARAMETERS.values():
        assert spec.unit != "", f"{spec.name}: a dimensionless unit is '1'"
        if spec.plausible is None:
            continue
        assert len(spec.plausible_reason) > 20, spec.name
        ranges = spec.plausible.values() if isinstance(spec.plausible, dict) else [spec.plausible]
        for low, high in ranges:
            assert low < high, spec.name
            if spec.default:
                assert low <= spec.default <= high, spec.name


def test_a_range_per_mt_converts_to_kilotonnes():
    """capex: 0-20,000 MEUR/(Mt/yr) is 0-20 MEUR/(kt/yr) (1 Mt = 1,000 kt); per TJ of
    yearly heat 0-2,000 MEUR/(PJ/yr) is 0-2 MEUR/(TJ/yr); a count has no range."""
    from elektra.inputs.parameters import PARAMETERS

    capex = PARAMETERS["capex"]
    assert capex.plausible_range("Mt") == (0.0, 20_000.0)
    assert capex.plausible_range("kt") == pytest.approx((0.0, 20.0))
    assert capex.plausible_range("TJ") == pytest.approx((0.0, 2.0))
    assert capex.plausible_range("count") is None
    assert PARAMETERS["ets_price"].plausible_range() == (0.0, 1_000.0)


@pytest.mark.parametrize("scenario", ["base.yaml", "toy.yaml", "ets_high.yaml", "ets_low.yaml"])
def test_shipped_data_is_plausible_without_exceptions(scenario):
    """All of data/nl and data/toy (values and their low/high ends) pass the plausibility
    checks strictly: no warning, no allowance needed."""
    data = load_data(load_scenario(ROOT / "scenarios" / scenario))
    assert data.warnings == []
    assert len(data.hash) == 64


def test_an_implausible_row_is_kept_with_a_warning_when_allowed(tmp_path):
    """150 EUR/kg for 2027 is 150,000 EUR/t: refused, or kept and reported if allowed."""

    def edit(text: str) -> str:
        return text.replace("2025,,100,EUR/t", "2025,,0.1,EUR/kg").replace(
            "2027,,200,EUR/t", "2027,,150,EUR/kg"
        )

    with pytest.raises(DataError, match=r"toy\.csv, line 27: .* is 150000 MEUR/Mt, outside"):
        _corrupt(tmp_path / "strict", edit)
    folder = tmp_path / "allowed"
    shutil.copytree(ROOT / "data" / "toy", folder / "data")
    path = folder / "data" / "toy.csv"
    path.write_text(edit(path.read_text()))
    scenario = load_scenario(write_scenario(folder, dataset="data", years=[2025, 2027]))
    data = load_data(scenario.model_copy(update={"allow_out_of_range": True}))
    assert float(data["ets_price"].sel(year=2027)) == pytest.approx(150_000.0)
    assert len(data.warnings) == 1 and "line 27" in data.warnings[0]


def _toy_with_deflator(tmp_path, figure_year="2020"):
    """The toy with a price index (2020 = 80, 2024 = 100) and the steel capex given in the
    euros of ``figure_year``; every other money row in 2024 euros."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "toy", folder)
    (folder / "deflator.csv").write_text(
        "year,index,source\n2020,80,invented index\n2024,100,invented index\n"
    )
    path = folder / "toy.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["figure_year"] = ["2024" if "EUR" in unit else "" for unit in frame["unit"]]
    steel = (frame["parameter"] == "capex") & (frame["route"] == "steel_bf_bof")
    frame.loc[steel, "figure_year"] = figure_year
    frame.to_csv(path, index=False)
    scenario = write_scenario(tmp_path, dataset="data", years=[2025, 2027])
    return load_data(load_scenario(scenario))


def test_money_is_deflated_to_the_price_base_year(tmp_path):
    """500 EUR/(t/yr) in 2020 euros, index 80 in 2020 and 100 in 2024: 500 x 100 / 80 = 625
    EUR_2024/(t/yr) = 625 MEUR/(Mt/yr); the 2024-euro rows stay as written."""
    data = _toy_with_deflator(tmp_path)
    assert float(data["capex"].sel(route="steel_bf_bof").isel(year=0)) == pytest.approx(625.0)
    assert float(data["capex"].sel(route="food_gas_boiler").isel(year=0)) == pytest.approx(20.0)
    assert data.currency == "EUR_2024"
    row = data.rows[(data.rows["parameter"] == "capex") & (data.rows["route"] == "steel_bf_bof")]
    assert float(row["value_as_written"].iloc[0]) == 500.0


def test_a_money_row_without_its_price_year_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"toy\.csv, line \d+: parameter 'capex' is money: give"):
        _toy_with_deflator(tmp_path, figure_year="")
    with pytest.raises(DataError, match=r"figure_year '2019' has no price index"):
        _toy_with_deflator(tmp_path / "b", figure_year="2019")
