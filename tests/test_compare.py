"""``elektra compare``: inputs that differ first, then the results side by side.

Most cases use toy runs (fast); the base/ets_high pair is the suite's one base-sized pair.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
from rich.console import Console
from typer.testing import CliRunner

from elektra.cli import app
from elektra.outputs.indicators import route_mix_shares
from elektra.outputs.output import NETCDF_ENGINE
from elektra.studies import compare as compare_module
from elektra.studies.compare import (
    INDICATORS,
    CompareError,
    Run,
    compare,
    default_folder,
    load_runs,
    terminal_tables,
    write_comparison,
)
from tests.conftest import ROOT, write_results_folder, write_scenario

TOY = ROOT / "scenarios" / "toy.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def toy_folder(tmp_path_factory) -> Path:
    return write_results_folder(TOY, tmp_path_factory.mktemp("toy") / "toy")


@pytest.fixture(scope="module")
def toy_short(tmp_path_factory) -> Path:
    """The toy without its last year (2027) and with a 10 % dearer natural gas."""
    folder = tmp_path_factory.mktemp("toy_short")
    scenario = write_scenario(
        folder,
        name="toy_short",
        extends=str(TOY),
        years=[2025, 2026],
        parameters={"price": [{"where": {"carrier": "natural_gas"}, "scale": 1.1}]},
    )
    return write_results_folder(scenario, folder / "toy_short")


@pytest.fixture(scope="module")
def toy_self(toy_folder):
    return compare(load_runs([toy_folder, toy_folder]))


@pytest.fixture(scope="module")
def toy_vs_short(toy_folder, toy_short):
    return compare(load_runs([toy_folder, toy_short]))


@pytest.fixture(scope="module")
def base_comparison(base_and_ets_high):
    return compare(load_runs(list(base_and_ets_high)))


def rendered(parts, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    for part in parts:
        console.print(part)
    return console.export_text()


# a run against itself --------------------------------------------------------------------


def test_a_run_compared_with_itself_shows_no_difference(toy_self):
    comparison = toy_self
    assert comparison.labels == ["toy", "toy#2"]
    assert not comparison.inputs_differ
    assert comparison.inputs == []
    assert not comparison.results_differ
    for indicator in INDICATORS:
        name = f"{indicator.name}_difference"
        if name in comparison.results:
            difference = comparison.results[name].values
            assert np.all((difference == 0) | np.isnan(difference)), name
    assert comparison.notes == []
    text = rendered(terminal_tables(comparison))
    assert "Inputs: no difference from toy." in text
    assert "Results: no difference from toy" in text


def test_the_cli_writes_the_comparison_folder(toy_folder, tmp_path):
    out = tmp_path / "cmp"
    result = runner.invoke(app, ["compare", str(toy_folder), str(toy_folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Inputs: no difference" in result.output
    assert "warning: toy, toy#2: manifest.json has no dataset_hash" in result.output
    assert {p.name for p in out.iterdir()} >= {"comparison.nc", "comparison.html", "iamc.csv"}
    html = (out / "comparison.html").read_text(encoding="utf-8")
    assert "elektra comparison: toy vs toy#2" in html
    assert "No input differs" in html
    assert "http" not in html.split("<body>")[1]  # nothing fetched from elsewhere
    iamc = (out / "iamc.csv").read_text().splitlines()
    assert {line.split(",")[1] for line in iamc[1:]} == {"toy", "toy#2"}
    assert not list(tmp_path.glob(".cmp*"))  # no staging folder left behind


# inputs and alignment on the toy ---------------------------------------------------------


def test_inputs_that_differ_are_listed_with_their_old_and_new_values(toy_vs_short):
    """toy_short scales the natural gas price by 1.1: 10 -> 11 EUR/GJ in its years; its
    years stop at 2026, so 2027 is only in the toy."""
    comparison = toy_vs_short
    by_name = {d.name: d for d in comparison.inputs}
    price = by_name["input_price"].cells
    gas = price[price["carrier"] == "natural_gas"].set_index("year")
    assert gas.loc[2025, "old"] == pytest.approx(10.0)
    assert gas.loc[2025, "new"] == pytest.approx(11.0)
    assert np.isnan(gas.loc[2027, "new"])  # the year the short run lacks
    assert set(price["carrier"]) == {"natural_gas", "electricity", "coal"}  # 2027 NaN in all
    assert any(
        line.startswith("+") and "scale: 1.1" in line
        for line in comparison.scenario_diffs["toy_short"]
    )
    assert any(note.startswith("year: 2027 only in toy") for note in comparison.notes)


def test_runs_of_different_years_are_aligned_by_label_with_nan(toy_vs_short):
    comparison = toy_vs_short
    emissions = comparison.results["emissions"]
    assert list(emissions.year.values) == [2025, 2026, 2027]
    assert np.isnan(emissions.sel(run="toy_short", year=2027)).all()
    assert not np.isnan(emissions.sel(run="toy", year=2027)).any()
    assert comparison.differing(next(i for i in INDICATORS if i.name == "emissions"))


# warnings and bad input ------------------------------------------------------------------


def _with_manifest(run: Run, label: str, **changes) -> Run:
    """The run under another label, its manifest changed (``elektra_version`` goes into
    ``versions``)."""
    manifest = json.loads(json.dumps(run.manifest))
    for key, value in changes.items():
        if key == "elektra_version":
            manifest["versions"]["elektra"] = value
        else:
            manifest[key] = value
    return Run(label, run.folder, run.results, manifest)


def test_other_data_or_code_versions_warn(toy_self):
    toy = toy_self.runs[0]
    first = _with_manifest(toy, "a", dataset_hash="1" * 64)
    second = _with_manifest(
        toy,
        "b",
        dataset_hash="2" * 64,
        dataset="toy_v2",
        elektra_version="9.9.9",
        git_commit="abc1234",
    )
    warnings = compare([first, second]).warnings
    assert any("different datasets (toy vs toy_v2)" in w for w in warnings)
    assert any(
        "different versions of the data (dataset_hash 111111111111 vs 222222222222)" in w
        for w in warnings
    )
    assert any("different elektra versions" in w and "9.9.9" in w for w in warnings)
    assert any("different code (git commit" in w and "abc1234" in w for w in warnings)
    assert not any("could not be verified" in w for w in warnings)
    same = compare([first, _with_manifest(toy, "c", dataset_hash="1" * 64)]).warnings
    assert same == []


def test_a_manifest_without_dataset_hash_says_the_data_could_not_be_verified(toy_self):
    verified = _with_manifest(toy_self.runs[0], "a", dataset_hash="1" * 64)
    warnings = compare([verified, toy_self.runs[1]]).warnings
    assert warnings == [
        "toy#2: manifest.json has no dataset_hash, so the data of this run could not be verified"
    ]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp, toy: [toy], "at least two results folders (given: "),
        (lambda tmp, toy: [toy, tmp / "missing"], "missing: not a folder"),
        (
            lambda tmp, toy: [toy, (tmp / "empty").mkdir() or tmp / "empty"],
            "empty: no results.nc or manifest.json",
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(toy_folder, tmp_path, make, expected):
    folders = [str(f) for f in make(tmp_path, toy_folder)]
    result = runner.invoke(app, ["compare", *folders, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert expected in result.output
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()
    with pytest.raises(CompareError, match=re.escape(expected)):
        load_runs([Path(f) for f in folders])


def test_a_failed_write_leaves_no_folder_that_looks_whole(toy_self, tmp_path, monkeypatch):
    comparison = toy_self

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(compare_module, "page", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        write_comparison(comparison, tmp_path / "cmp")
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_names_the_runs(tmp_path):
    assert default_folder([tmp_path / "base", tmp_path / "ets_high"]) == Path(
        "results/compare_base_vs_ets_high"
    )


# base against ets_high -------------------------------------------------------------------


def test_base_against_ets_high_differs_in_exactly_the_ets_price(base_comparison):
    assert [d.name for d in base_comparison.inputs] == ["input_ets_price"]
    cells = base_comparison.inputs[0].cells.set_index("year")
    base, high = (r.results["input_ets_price"] for r in base_comparison.runs)
    for year in (2025, 2030, 2035):
        assert cells.loc[year, "old"] == pytest.approx(float(base.sel(year=year)))
        assert cells.loc[year, "new"] == pytest.approx(float(high.sel(year=year)))
    assert (cells["new"] > cells["old"]).all()
    diff = base_comparison.scenario_diffs["ets_high"]
    assert "+  ets_price:" in diff and "+  - use: high" in diff
    assert base_comparison.notes == []


def test_result_differences_are_run_less_reference(base_comparison):
    """The emission difference is ets_high's emissions less base's, per cluster and year,
    and the relative difference divides it by base's."""
    base, high = (r.results["emissions"].sum("sector") for r in base_comparison.runs)
    results = base_comparison.results
    difference = results["emissions_difference"].sel(run="ets_high")
    np.testing.assert_allclose(difference.values, (high - base).values, atol=1e-9)
    relative = results["emissions_relative_difference"].sel(run="ets_high", year=2035)
    expected = ((high - base) / base).sel(year=2035)
    np.testing.assert_allclose(relative.values, expected.values, rtol=1e-9)
    assert float(results["cost_industry_difference"].sel(run="base").sum()) == 0.0


def test_route_mix_is_the_report_route_mix(base_comparison):
    ds = base_comparison.runs[0].results
    shares = route_mix_shares(ds, 2030)
    mix = base_comparison.results["route_mix"].sel(run="base", year=2030)
    assert mix.sel(sector_service="ammonia: ammonia").to_series().reindex(
        shares.columns
    ).to_numpy() == pytest.approx(shares.loc["ammonia"].to_numpy())


def test_leakage_is_the_activity_of_import_routes(base_comparison):
    ds = base_comparison.runs[1].results
    imports = base_comparison.results["imports"].sel(run="ets_high")
    steel = ds["activity"].sel(sector="steel", route="steel_import").sum("cluster")
    np.testing.assert_allclose(imports.sel(sector="steel").values, steel.values)


def test_terminal_tables_fit_100_columns(base_comparison):
    text = rendered(terminal_tables(base_comparison), width=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "…" not in text  # nothing cut off
    assert "Direct CO2 emissions per cluster (Mt/yr)" in text
    assert "input_ets_price (MEUR/Mt): 11 cells differ" in text


def test_comparison_nc_stacks_the_runs_and_the_differing_inputs(base_comparison, tmp_path):
    out = write_comparison(base_comparison, tmp_path / "cmp")
    with xr.open_dataset(out / "comparison.nc", engine=NETCDF_ENGINE) as nc:
        assert list(nc.run.values) == ["base", "ets_high"]
        assert nc.attrs["reference"] == "base"
        assert "input_ets_price" in nc and "input_capex" not in nc
        np.testing.assert_allclose(
            nc["emissions_difference"].sel(run="ets_high").values,
            (nc["emissions"].sel(run="ets_high") - nc["emissions"].sel(run="base")).values,
            atol=1e-9,
        )
    figures = {p.stem for p in (out / "figures").glob("*.png")}
    assert {"emissions", "cost_industry", "hydrogen_marginal_cost"} <= figures
    html = (out / "comparison.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == len(figures)
