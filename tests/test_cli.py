"""The command line end to end on the toy, including its errors."""

from __future__ import annotations

import json
import subprocess
import sys

import highspy
import pytest
from typer.testing import CliRunner

from elektra.cli import app
from elektra.outputs import netcdf
from tests.conftest import ROOT, write_scenario

TOY = str(ROOT / "scenarios" / "toy.yaml")
runner = CliRunner()


def test_run_writes_a_complete_results_folder(tmp_path):
    out = tmp_path / "toy"
    result = runner.invoke(app, ["run", TOY, "--out", str(out), "--no-extras"])
    assert result.exit_code == 0, result.output
    assert "Direct CO2 emissions" in result.output
    # results.nc splits arrays whose unit depends on the route (activity_Mt, activity_PJ);
    # elektra reads them back whole
    with netcdf.read(out / "results.nc") as ds:
        for name in (
            "activity",
            "capacity",
            "new_capacity",
            "emissions",
            "energy_use",
            "dual_demand",
        ):
            assert "units" in ds[name].attrs
        assert ds.attrs["termination_condition"] == "optimal"
        assert ds.attrs["objective"] == pytest.approx(1467.25)
        assert len(ds.attrs["scenario_hash"]) == 64
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["termination_condition"] == "optimal"
    assert manifest["versions"]["pyomo"].startswith("6.10")
    assert [p.name for p in tmp_path.iterdir()] == ["toy"]  # no staging folder left


@pytest.mark.parametrize("name", ["toy.mps", "toy.lp"])
def test_written_model_resolves_to_the_same_objective(tmp_path, name):
    """--write-model: anyone can re-solve the LP with another solver and get our answer,
    with rows and columns named after elektra's constraints and variables."""
    model = tmp_path / name
    result = runner.invoke(
        app, ["run", TOY, "--out", str(tmp_path / "r"), "--no-extras", "--write-model", str(model)]
    )
    assert result.exit_code == 0, result.output
    assert "demand_balance(food,port,heat_low,2026)" in model.read_text()
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.readModel(str(model))
    highs.run()
    # the LP objective includes the tie-break term (0.12885) but not fixed O&M of old stock
    assert highs.getInfo().objective_function_value == pytest.approx(1467.37885, rel=1e-9)


def test_validate_reports_a_bad_scenario_with_file_and_key(tmp_path):
    bad = write_scenario(tmp_path, extends=TOY, parameters={"ets_price": [{"value": "90 EUR/GJ"}]})
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "case.yaml" in result.output and "parameters.ets_price" in result.output


def test_validate_accepts_the_toy():
    result = runner.invoke(app, ["validate", TOY])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_failed_write_leaves_nothing_that_looks_whole(tmp_path, monkeypatch):
    import elektra.outputs.output as output

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(output, "write_netcdf", broken)
    out = tmp_path / "toy"
    result = runner.invoke(app, ["run", TOY, "--out", str(out), "--no-extras"])
    assert result.exit_code == 5 and "disk full" in result.output
    assert list(tmp_path.iterdir()) == []


def test_python_dash_m_works(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "elektra", "validate", TOY],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr
    assert "valid" in completed.stdout


def test_infeasible_run_explains_and_writes_nothing(tmp_path):
    from tests.test_policy import heat_case

    rows = [
        {"parameter": "emission_cap", "value": 0.1, "unit": "Mt/yr"},
        {"parameter": "grid_capacity", "cluster": "x", "value": 100, "unit": "MW"},
    ]
    scenario = heat_case(tmp_path / "case", rows=rows, policies={"emission_cap": True})
    out = tmp_path / "results"
    result = runner.invoke(app, ["run", str(scenario), "--out", str(out), "--no-extras"])
    assert result.exit_code == 3
    assert "emission cap of 0.1 Mt short by 0.299 Mt" in result.output
    assert "185 MW short" in result.output
    assert not out.exists()
