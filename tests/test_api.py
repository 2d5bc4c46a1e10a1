"""The Python API returns the Datasets the command line writes, and costs nothing to import.

``elektra.run``, ``elektra.compare`` and ``elektra.sweep`` are checked against the files
the commands write for the same input (read back with ``elektra.open_results``), on the
toy scenario.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import xarray as xr
from typer.testing import CliRunner

import elektra
from elektra.cli import app
from tests.conftest import ROOT

TOY = ROOT / "scenarios" / "toy.yaml"
runner = CliRunner()


def _same_arrays(ours: xr.Dataset, theirs: xr.Dataset, skip: tuple[str, ...] = ()) -> None:
    assert set(ours.data_vars) == set(theirs.data_vars)
    for name in ours.data_vars:
        if name not in skip:
            assert ours[name].identical(theirs[name]), name


def test_import_elektra_loads_no_numerics_until_the_api_is_used():
    code = (
        "import sys, elektra\n"
        "heavy = [m for m in ('xarray', 'numpy', 'pandas', 'pyomo', 'highspy') if m in sys.modules]\n"
        "assert heavy == [], heavy\n"
        "assert {'run', 'compare', 'sweep', 'open_results'} <= set(dir(elektra))\n"
        "assert callable(elektra.run) and 'xarray' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with pytest.raises(AttributeError, match="no attribute 'runn'"):
        elektra.runn  # noqa: B018


@pytest.fixture(scope="module")
def cli_toy(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "toy"
    result = runner.invoke(app, ["run", str(TOY), "--out", str(out), "--no-extras"])
    assert result.exit_code == 0, result.output
    return out


def test_run_returns_the_dataset_elektra_run_writes(cli_toy, tmp_path):
    ds = elektra.run(TOY)
    written = elektra.open_results(cli_toy)
    _same_arrays(ds, written)
    for key in ("scenario_hash", "dataset_hash", "objective", "termination_condition"):
        assert ds.attrs[key] == written.attrs[key], key
    assert ds.attrs["objective"] == pytest.approx(1467.25)  # tests/test_toy.py works it out

    again = elektra.run(TOY, out=tmp_path / "toy", extras=False)
    assert sorted(p.name for p in (tmp_path / "toy").iterdir()) == ["manifest.json", "results.nc"]
    _same_arrays(again, elektra.open_results(tmp_path / "toy" / "results.nc"))


def test_compare_returns_the_dataset_elektra_compare_writes(cli_toy, tmp_path):
    dearer = tmp_path / "dearer.yaml"
    dearer.write_text(
        f"name: dearer\nextends: {TOY}\nparameters:\n  ets_price:\n    - scale: 1.5\n"
    )
    other = elektra.run(dearer, out=tmp_path / "dearer", extras=False)
    result = runner.invoke(
        app, ["compare", str(cli_toy), str(tmp_path / "dearer"), "--out", str(tmp_path / "cmp")]
    )
    assert result.exit_code == 0, result.output
    written = elektra.open_results(tmp_path / "cmp")
    _same_arrays(elektra.compare(cli_toy, tmp_path / "dearer"), written)
    # runs in memory compare as their folders do
    in_memory = elektra.compare(elektra.open_results(cli_toy), other)
    _same_arrays(in_memory, written)
    assert list(in_memory.run.values) == ["toy", "dearer"]


def test_sweep_returns_the_dataset_elektra_sweep_writes(tmp_path):
    result = runner.invoke(
        app, ["sweep", str(TOY), "--vary", "ets_price=0.5:1.5:3", "--out", str(tmp_path / "cli")]
    )
    assert result.exit_code == 0, result.output
    grid = [{"parameter": "ets_price", "scale": (0.5, 1.5), "points": 3}]
    ds = elektra.sweep(TOY, vary=grid)
    written = elektra.open_results(tmp_path / "cli")
    _same_arrays(ds, written, skip=("seconds",))  # time spent differs from run to run
    assert list(ds.variant.values) == list(written.variant.values)
    assert not list(tmp_path.glob(".*sweep-parts"))


def test_the_api_raises_the_commands_errors():
    from elektra.inputs.config import ScenarioError

    with pytest.raises((ScenarioError, FileNotFoundError)):
        elektra.run(ROOT / "scenarios" / "no_such_scenario.yaml")
    with pytest.raises(ValueError, match="at least two runs"):
        elektra.compare(ROOT / "results")
    with pytest.raises(FileNotFoundError, match="no results.nc"):
        elektra.open_results(ROOT / "docs")


def test_the_python_page_runs_as_written(monkeypatch):
    """docs/python.md promises that every block runs from the repository's root."""
    import re

    page = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert len(blocks) >= 3
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)  # noqa: S102
    assert namespace["toy"].attrs["objective"] == pytest.approx(1467.25)
    assert all(namespace["same"][n].identical(namespace["high"][n]) for n in namespace["high"])
    emissions = namespace["diff"]["emissions_difference"].sel(run="ets_high", year=2035)
    assert float(emissions.sum()) == pytest.approx(-4.79, abs=0.01)  # the page's figure
    assert list(namespace["grid"].variant.values[:3]) == [
        "reference",
        "low:ets_price",
        "high:ets_price",
    ]
