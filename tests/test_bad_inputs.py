"""Every bad input a user can give: one clear message, a documented exit code, and nothing
outside the run's own results folder changed.

Each case runs the command line on a copy of the toy project (``scenarios/toy.yaml``,
``data/toy``, an earlier ``results/toy``) and checksums the whole project before and
after: a refused run changes no file at all, a run that succeeds changes only its own
results folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xarray as xr
import yaml
from typer.testing import CliRunner

from elektra.cli import EXIT_CODES, app
from elektra.outputs.output import NETCDF_ENGINE
from tests.conftest import ROOT

runner = CliRunner()


def tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (hidden ones included), by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def outside(files: dict[str, str], output: str | None) -> dict[str, str]:
    """The checksums of files that are not in the run's own results folder."""
    if output is None:
        return files
    return {k: v for k, v in files.items() if not (k == output or k.startswith(output + "/"))}


@pytest.fixture(scope="module")
def toy_results(tmp_path_factory) -> Path:
    """A results folder of the toy written by an earlier run."""
    folder = tmp_path_factory.mktemp("earlier") / "toy"
    result = runner.invoke(
        app, ["run", str(ROOT / "scenarios" / "toy.yaml"), "--out", str(folder), "--no-extras"]
    )
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def project(tmp_path, monkeypatch, toy_results) -> Path:
    """A user's project: the toy scenario and dataset, and its earlier results."""
    root = tmp_path / "project"
    (root / "scenarios").mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "toy.yaml", root / "scenarios" / "toy.yaml")
    shutil.copytree(ROOT / "data" / "toy", root / "data" / "toy")
    shutil.copytree(toy_results, root / "results" / "toy")
    (root / "results" / "README.txt").write_text("the user's own notes\n")
    monkeypatch.chdir(root)
    return root


def scenario(root: Path, name: str, text: str | bytes) -> str:
    path = root / "scenarios" / f"{name}.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return f"scenarios/{name}.yaml"


def invoke(root: Path, args: list[str], output: str | None = None, **options):
    """Run the CLI; assert that nothing outside ``output`` (relative to root) changed."""
    before = tree(root)
    result = runner.invoke(app, args, **options)
    after = tree(root)
    assert outside(after, output) == outside(before, output), "a file outside the output changed"
    assert "Traceback" not in result.output
    return result


def refused(root: Path, args: list[str], code: int, *expected: str, **options):
    """Run the CLI expecting a refusal: exit ``code``, the messages, no file changed."""
    result = invoke(root, args, **options)
    assert result.exit_code == code, result.output
    for text in expected:
        assert text in result.output, result.output
    return result


# ------------------------------------------------------------------ results folders


def test_out_refuses_a_folder_that_is_not_an_elektra_results_folder(project):
    mine = project / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("three years of work")
    refused(project, ["run", "scenarios/toy.yaml", "--out", "mine"], 2, "mine", "--force")
    refused(project, ["validate", "scenarios/toy.yaml", "--out", "mine"], 2, "not an elektra")
    result = invoke(
        project,
        ["run", "scenarios/toy.yaml", "--out", "mine", "--no-extras", "--force"],
        output="mine",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in mine.iterdir()) == ["manifest.json", "results.nc"]


def test_out_refuses_a_results_folder_holding_a_users_file(project):
    (project / "results" / "toy" / "my_notes.txt").write_text("keep me")
    refused(
        project, ["run", "scenarios/toy.yaml", "--no-extras"], 2, "my_notes.txt", "did not write"
    )


def test_a_run_replaces_its_own_earlier_results(project):
    result = invoke(project, ["run", "scenarios/toy.yaml", "--no-extras"], output="results/toy")
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().splitlines()[-1] == "results in results/toy/"


@pytest.mark.parametrize("name", [".", "..", "../../x", "a/b", ".hidden", "", "x y"])
def test_a_name_that_is_not_a_plain_label_is_refused(project, name):
    path = scenario(project, "case", yaml.safe_dump({"extends": "toy", "name": name}))
    for command in ("validate", "run"):
        refused(project, [command, path], 2, "case.yaml", "key 'name'", "plain label")


def test_a_child_without_name_takes_its_file_stem_not_its_parents(project):
    path = scenario(project, "child", "extends: toy\nyears: [2025, 2026]\n")
    result = invoke(project, ["run", path, "--no-extras"], output="results/child")
    assert result.exit_code == 0, result.output
    assert (
        json.loads((project / "results" / "child" / "manifest.json").read_text())["scenario_name"]
        == "child"
    )


def test_a_file_stem_that_is_not_a_plain_label_needs_a_name(project):
    path = scenario(project, "my case", "extends: toy\n")
    refused(project, ["validate", path], 2, "my case.yaml", "add a 'name:'")


def test_results_folders_get_the_users_umask(project):
    previous = os.umask(0o027)
    try:
        result = invoke(
            project,
            ["run", "scenarios/toy.yaml", "--no-extras", "--out", "shared/toy"],
            output="shared/toy",
        )
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert (project / "shared" / "toy").stat().st_mode & 0o777 == 0o750
    assert (project / "shared" / "toy" / "results.nc").stat().st_mode & 0o777 == 0o640


def test_an_unwritable_results_folder_is_one_line_with_exit_5(project, monkeypatch):
    """A read-only folder (as root, permissions do not bind: the OS error is simulated)."""
    import elektra.outputs.output

    if os.geteuid() != 0:
        (project / "results").chmod(0o555)
    else:

        def read_only(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(project / "results"))

        monkeypatch.setattr(elektra.outputs.output.tempfile, "mkdtemp", read_only)
        monkeypatch.setattr(elektra.outputs.output, "check_writable", lambda out: None)
    try:
        result = refused(
            project, ["run", "scenarios/toy.yaml", "--no-extras"], 5, "results", "ermission denied"
        )
    finally:
        (project / "results").chmod(0o755)
    assert len(result.output.strip().splitlines()) == 1


def test_a_leftover_of_a_killed_run_is_removed_and_a_live_one_kept(project):
    """A killed run leaves ``.toy.<random>.tmp``; the next run removes it, but not the
    staging folder of a run still going (it holds the lock on its ``.owner`` file)."""
    import fcntl

    dead = project / "results" / ".toy.killed01.tmp"
    live = project / "results" / ".toy.running.tmp"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "results.nc").write_bytes(b"half a file")
        (folder / ".owner").touch()
    holder = os.open(live / ".owner", os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        result = runner.invoke(app, ["run", "scenarios/toy.yaml", "--no-extras"])
    finally:
        os.close(holder)
    assert result.exit_code == 0, result.output
    assert not dead.exists()
    assert live.exists()


def test_an_interrupt_after_the_folder_is_complete_says_the_run_finished(project, monkeypatch):
    import elektra.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(elektra.cli, "_print_summary", interrupted)
    result = invoke(project, ["run", "scenarios/toy.yaml", "--no-extras"], output="results/toy")
    assert result.exit_code == 130
    assert "the run had finished; results in results/toy/" in result.output


def test_an_interrupt_before_the_folder_is_complete_changes_nothing(project, monkeypatch):
    import elektra.outputs.output

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(elektra.outputs.output, "write_netcdf", interrupted)
    result = refused(
        project, ["run", "scenarios/toy.yaml", "--no-extras"], 130, "no results folder was written"
    )
    assert not list((project / "results").glob(".toy.*"))
    del result


# ------------------------------------------------------------------ data files


def _edit_toy_csv(root: Path, edit) -> None:
    path = root / "data" / "toy" / "toy.csv"
    path.write_text(edit(path.read_text()))


def test_a_repeated_key_in_a_data_file_is_refused(project):
    _edit_toy_csv(project, lambda t: t + "ets_price,,,,,2027,,210,EUR/t,a second opinion,true,\n")
    added = len((project / "data" / "toy" / "toy.csv").read_text().splitlines())
    refused(
        project,
        ["validate", "scenarios/toy.yaml"],
        2,
        f"toy.csv, line {added}",
        "'ets_price' (year 2027) is given again",
        "line 27",
    )


@pytest.mark.parametrize("text", ["nan", "inf", "-inf"])
def test_nan_or_inf_in_a_data_file_names_file_and_line(project, text):
    _edit_toy_csv(
        project, lambda t: t.replace("ets_price,,,,,2027,,200,", f"ets_price,,,,,2027,,{text},")
    )
    refused(
        project, ["validate", "scenarios/toy.yaml"], 2, "toy.csv, line 27", "not a finite number"
    )


def test_an_implausible_figure_in_a_data_file_names_line_and_range(project):
    """0.1 EUR/kg is 100 EUR/t (plausible); 2 EUR/kg is 2,000 EUR/t (a unit slip)."""
    _edit_toy_csv(project, lambda t: t.replace("2025,,100,EUR/t", "2025,,0.1,EUR/kg"))
    _edit_toy_csv(project, lambda t: t.replace("2027,,200,EUR/t", "2027,,2,EUR/kg"))
    refused(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras"],
        2,
        "toy.csv, line 27",
        "value 2 EUR/kg is 2000 MEUR/Mt, outside the plausible range 0 to 1000 MEUR/Mt",
        "--allow-out-of-range",
    )


def test_a_range_that_does_not_hold_its_value_is_refused(project):
    _edit_toy_csv(
        project,
        lambda t: t.replace("estimate,note", "estimate,note,low,high").replace(
            "capex,,,,food_heat_pump,,,40,MEUR/(PJ/yr),elektra toy model,true,",
            "capex,,,,food_heat_pump,,,40,MEUR/(PJ/yr),elektra toy model,true,,50,60",
        ),
    )
    refused(
        project,
        ["validate", "scenarios/toy.yaml"],
        2,
        "toy.csv, line 10",
        "does not hold the value 40",
    )


def test_a_data_file_that_is_not_utf8_names_its_line(project):
    path = project / "data" / "toy" / "toy.csv"
    path.write_bytes(path.read_bytes().replace(b"linear in between", b"lin\xe9aire"))
    refused(project, ["validate", "scenarios/toy.yaml"], 2, "toy.csv, line 27", "not UTF-8")


def test_the_dataset_hash_follows_the_files(project):
    first = invoke(project, ["run", "scenarios/toy.yaml", "--no-extras"], output="results/toy")
    assert first.exit_code == 0, first.output
    manifest = json.loads((project / "results" / "toy" / "manifest.json").read_text())
    _edit_toy_csv(
        project,
        lambda t: t.replace("capex,,,,food_heat_pump,,,40,", "capex,,,,food_heat_pump,,,41,"),
    )
    second = invoke(project, ["run", "scenarios/toy.yaml", "--no-extras"], output="results/toy")
    assert second.exit_code == 0, second.output
    changed = json.loads((project / "results" / "toy" / "manifest.json").read_text())
    assert changed["scenario_hash"] == manifest["scenario_hash"]
    assert changed["dataset_hash"] != manifest["dataset_hash"]
    from elektra.inputs.data import dataset_hash

    assert changed["dataset_hash"] == dataset_hash(project / "data" / "toy")
    with xr.open_dataset(project / "results" / "toy" / "results.nc", engine=NETCDF_ENGINE) as ds:
        assert ds.attrs["dataset_hash"] == changed["dataset_hash"]


# ------------------------------------------------------------------ scenario files


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"150 EUR/kg"', "is 150000 MEUR/Mt, outside the plausible range 0 to 1000 MEUR/Mt"),
        ("true", "must be a number, not true"),
        (".nan", "must be a finite number, not nan"),
        (".inf", "must be a finite number, not inf"),
        ('"nan EUR/t"', "is not a finite number"),
        ('"cheap"', "cannot read 'cheap' as a number with a unit"),
    ],
)
def test_a_bad_override_value_names_scenario_file_and_key(project, value, expected):
    path = scenario(
        project, "case", f"extends: toy\nparameters:\n  ets_price:\n    - value: {value}\n"
    )
    refused(project, ["validate", path], 2, "case.yaml", "parameters.ets_price.0", expected)


def test_an_implausible_scale_names_the_cell_and_can_be_allowed(project):
    path = scenario(project, "stress", "extends: toy\nparameters:\n  ets_price:\n    - scale: 10\n")
    refused(
        project,
        ["validate", path],
        2,
        "stress.yaml: key 'parameters.ets_price.0'",
        "scale 10 at year 2026 is 1500",
    )
    refused(project, ["run", path, "--no-extras"], 2, "plausible range 0 to 1000")
    result = invoke(
        project, ["run", path, "--no-extras", "--allow-out-of-range"], output="results/stress"
    )
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "kept (--allow-out-of-range)" in result.output
    manifest = json.loads((project / "results" / "stress" / "manifest.json").read_text())
    assert manifest["allow_out_of_range"] is True
    assert any("year 2026 is 1500" in note for note in manifest["notes"])


def test_kilotonnes_are_tonnes_not_knots(project):
    from elektra.inputs.config import load_scenario
    from elektra.inputs.data import load_data

    path = scenario(
        project, "kt", 'extends: toy\nparameters:\n  ets_price:\n    - value: "150000 EUR/kt"\n'
    )
    result = invoke(project, ["validate", path])
    assert result.exit_code == 0, result.output
    assert float(load_data(load_scenario(path))["ets_price"].sel(year=2026)) == pytest.approx(150.0)


def test_a_scenario_that_is_not_utf8_names_its_line(project):
    path = scenario(project, "latin", b"extends: toy\ndescription: caf\xe9\n")
    refused(project, ["validate", path], 2, "latin.yaml, line 2", "not UTF-8")


def test_a_key_given_twice_in_a_scenario_is_refused(project):
    text = "extends: toy\nparameters:\n  ets_price:\n    - scale: 2\nparameters:\n  capex:\n    - scale: 2\n"
    path = scenario(project, "twice", text)
    refused(project, ["validate", path], 2, "twice.yaml, line 5", "'parameters' appears twice")


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ("[2035, 2025]", "first year 2035 is after last year 2025; write [first, last]"),
        (
            "[2020, 2027]",
            "start in 2020, before the dataset 'toy' has figures (it covers 2025-2027)",
        ),
        ("[1990, 2027]", "must lie within 2000-2100"),
    ],
)
def test_a_horizon_the_run_would_reject_is_refused_by_validate(project, years, expected):
    path = scenario(project, "horizon", f"extends: toy\nyears: {years}\n")
    refused(project, ["validate", path], 2, "horizon.yaml", "key 'years'", expected)


def test_a_horizon_beyond_the_data_is_a_warning(project):
    path = scenario(project, "longer", "extends: toy\nyears: [2025, 2030]\n")
    result = invoke(project, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "years 2028-2030 hold each figure" in result.output


def test_a_base_year_after_the_horizon_is_refused(project):
    path = scenario(project, "late", "extends: toy\nbase_year: 2040\n")
    refused(
        project,
        ["validate", path],
        2,
        "late.yaml: key 'base_year'",
        "after the last model year 2027",
    )


# ------------------------------------------------------------------ solver, model file, CLI


def test_a_solver_time_limit_is_one_line_with_exit_4(project):
    path = scenario(project, "hurried", "extends: toy\nsolver: {time_limit: 0.000001}\n")
    result = refused(project, ["run", path, "--no-extras"], 4, "Time limit reached", "time_limit")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("model.txt", "unknown suffix '.txt'; use .mps or .lp"),
        ("nowhere/model.mps", "does not exist"),
    ],
)
def test_a_model_file_the_solver_cannot_write_is_refused_before_solving(project, model, expected):
    for command in ("validate", "run"):
        refused(project, [command, "scenarios/toy.yaml", "--write-model", model], 2, expected)


def test_data_filters_follow_routes_to_their_sector(project):
    result = invoke(
        project, ["data", "scenarios/toy.yaml", "--parameter", "capex", "--sector", "steel"]
    )
    assert result.exit_code == 0, result.output
    assert "dataset toy: 1 figures" in result.output and "steel_bf_bof" in result.output
    refused(
        project,
        ["data", "scenarios/toy.yaml", "--sector", "steal"],
        2,
        "unknown sector 'steal'",
        "steel",
    )
    refused(
        project,
        ["data", "scenarios/toy.yaml", "--parameter", "capx"],
        2,
        "unknown parameter 'capx'",
    )
    refused(
        project,
        ["data", "scenarios/toy.yaml", "--parameter", "ets_price", "--cluster", "port"],
        2,
        "does not vary by cluster",
    )


def test_bad_command_line_arguments_exit_2_without_traceback(project):
    result = refused(project, ["run", "scenarios/toy.yaml", "--colour"], 2, "No such option")
    assert len(result.output.strip().splitlines()) <= 4


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(project, monkeypatch):
    import elektra.model.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(elektra.model.pipeline, "run", broken)
    result = refused(
        project,
        ["run", "scenarios/toy.yaml"],
        1,
        "internal error (ZeroDivisionError: a bug)",
        "--debug",
    )
    assert len(result.output.strip().splitlines()) == 1
    debug = runner.invoke(app, ["--debug", "run", "scenarios/toy.yaml"])
    assert debug.exit_code == 1
    assert "Traceback" in debug.output and "ZeroDivisionError" in debug.output


def test_infeasibility_reasons_print_one_per_line_at_most_twenty():
    from elektra.cli import _infeasible_lines
    from elektra.model.pipeline import InfeasibleScenario

    reasons = [f"2030: limit {i} short" for i in range(5)] + [f"2031: cap {i}" for i in range(20)]
    lines = _infeasible_lines(InfeasibleScenario("case", reasons))
    assert lines[0] == "scenario 'case' is infeasible:"
    assert lines[1:21] == [f"  - 2030: limit {i} short" for i in range(5)] + [
        f"  - 2031: cap {i}" for i in range(15)
    ]
    assert lines[21:] == ["  ... and 5 more"]


# ------------------------------------------------------------------ CLI manners


def test_help_shows_arguments_as_typed_and_the_exit_codes():
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    for code, meaning in EXIT_CODES.items():
        assert f"{code:>3}  {meaning}" in top.output
    usage = runner.invoke(app, ["run", "--help"])
    assert "Usage: elektra run [OPTIONS] SCENARIO" in usage.output.replace("root ", "elektra ")
    assert "{" not in usage.output and "<bool>" not in usage.output and "<bool>" not in top.output


def test_version():
    from elektra import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"elektra {__version__}"


def test_the_manifest_names_scenario_files_relative_to_the_project(project):
    path = scenario(project, "child", "extends: toy\n")
    result = invoke(project, ["run", path, "--no-extras"], output="results/child")
    assert result.exit_code == 0, result.output
    manifest = json.loads((project / "results" / "child" / "manifest.json").read_text())
    assert manifest["scenario_files"] == ["scenarios/toy.yaml", "scenarios/child.yaml"]
    assert str(project) not in json.dumps(manifest)
    assert manifest["files"] == ["manifest.json", "results.nc"]


def test_importing_the_cli_imports_no_heavy_library():
    """`elektra --help` answers at once: the commands import the model when they run."""
    code = (
        "import sys, elektra.cli; "
        "print(sorted(m for m in ('pyomo', 'matplotlib', 'xarray', 'pandas', 'pint', 'highspy', "
        "'rich') if m in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


# ------------------------------------------------------------------ work lost or hidden


def test_an_empty_question_set_is_an_error_and_replaces_no_answers(project):
    """A folder that does not exist, or one without question files, answers nothing: it is
    an error, and the earlier answers stay as they were."""
    earlier = project / "results" / "x"
    earlier.mkdir()
    (earlier / "answers.csv").write_text("question,answer\n1,42\n")
    (earlier / "report.html").write_text("<p>42</p>")
    refused(
        project,
        ["questions", "nowhere", "--out", "results/x"],
        2,
        "nowhere: no such folder of question files",
    )
    refused(
        project,
        ["questions", "scenarios", "--out", "results/x"],
        2,
        "scenarios: no question files (q*.yaml)",
    )


def test_a_model_file_inside_the_results_folder_is_kept_with_the_run(project):
    """--write-model into the run's own folder: written with it and listed in its
    manifest, so the next run of the scenario is not refused."""
    result = invoke(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras", "--write-model", "results/toy/model.mps"],
        output="results/toy",
    )
    assert result.exit_code == 0, result.output
    assert "model written to results/toy/model.mps" in result.output
    manifest = json.loads((project / "results" / "toy" / "manifest.json").read_text())
    assert manifest["files"] == ["manifest.json", "model.mps", "results.nc"]
    assert (
        "demand_balance(food,port,heat_low,2026)"
        in (project / "results" / "toy" / "model.mps").read_text()
    )
    again = invoke(project, ["run", "scenarios/toy.yaml", "--no-extras"], output="results/toy")
    assert again.exit_code == 0, again.output


def test_a_model_file_inside_another_runs_folder_is_refused_before_solving(project):
    path = scenario(project, "child", "extends: toy\n")
    refused(
        project,
        ["run", path, "--no-extras", "--write-model", "results/toy/model.mps"],
        2,
        "results/toy, the results folder of another run",
    )


def test_a_truncated_sweep_part_is_named_and_solved_again(project, monkeypatch):
    """A sweep interrupted after three variants keeps three part files; one is then cut
    short (as a full disk would leave it). The rerun names it, solves its variant again
    and takes the other two as they were."""
    import elektra.studies.sweep_run as sweep_run

    solve = sweep_run.Worker.solve
    calls = []

    def interrupted(self, variant):
        calls.append(variant.key)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return solve(self, variant)

    monkeypatch.setattr(sweep_run.Worker, "solve", interrupted)
    parts = project / "results" / ".toy_sweep.sweep-parts"
    before = tree(project)
    result = runner.invoke(
        app,
        [
            "sweep",
            "scenarios/toy.yaml",
            "--vary",
            "ets_price=0.5:1.5:5",
            "--no-extras",
            "--part-size",
            "1",
        ],
    )
    assert result.exit_code == 130, result.output
    assert "3 part files" in result.output
    kept = sorted(parts.glob("part-*.nc"))
    assert len(kept) == 3
    assert {k: v for k, v in tree(project).items() if ".sweep-parts" not in k} == before
    broken = kept[1]
    broken.write_bytes(broken.read_bytes()[: broken.stat().st_size // 2])
    monkeypatch.setattr(sweep_run.Worker, "solve", solve)
    result = runner.invoke(app, ["sweep", "scenarios/toy.yaml", "--vary", "ets_price=0.5:1.5:5"])
    assert result.exit_code == 0, result.output
    assert outside(tree(project), "results/toy_sweep") == before
    assert f"part file {broken.relative_to(project)} could not be read" in result.output
    assert "its variants were solved again" in result.output
    assert "2 taken from before" in result.output
    assert not parts.exists()


def _toy_question(project: Path) -> None:
    from tests.test_questions import TOY_QUESTION

    folder = project / "scenarios" / "questions"
    folder.mkdir()
    (folder / "q01.yaml").write_text(TOY_QUESTION.format(toy="../toy.yaml"))
    (folder / "higher.yaml").write_text(
        "name: higher\nextends: ../toy.yaml\nparameters:\n  potential:\n"
        "    - where: {route: food_heat_pump}\n      value: 0.8\n"
    )


QUESTIONS = ["questions", "scenarios/questions", "--samples", "0", "--processes", "1"]


def test_a_truncated_stored_question_run_is_named_and_solved_again(project):
    _toy_question(project)
    first = invoke(project, [*QUESTIONS, "--out", "results/q"], output="results/q")
    assert first.exit_code == 0, first.output
    assert "Q1 The toy's ETS price: -0.17 Mt/yr" in first.output
    stored = project / "results" / "q" / "runs" / "toy" / "results.nc"
    whole = stored.read_bytes()
    stored.write_bytes(whole[: len(whole) // 3])
    again = invoke(project, [*QUESTIONS, "--out", "results/q"], output="results/q")
    assert again.exit_code == 0, again.output
    assert "note: stored run results/q/runs/toy/results.nc could not be read" in again.output
    assert "it was solved again" in again.output
    assert "Q1 The toy's ETS price: -0.17 Mt/yr" in again.output
    with xr.open_dataset(stored, engine=NETCDF_ENGINE) as ds:
        assert float(ds["emissions"].sum()) > 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run", "scenarios/toy.yaml", "--out", "."], "is the current folder"),
        (["run", "scenarios/toy.yaml", "--out", ".."], "holds the current folder"),
        (["run", "scenarios/toy.yaml", "--out", "scenarios"], "is the folder of toy.yaml"),
        (["validate", "scenarios/toy.yaml", "--out", "data"], "is the folder of toy"),
        (["sweep", "scenarios/toy.yaml", "--vary", "ets_price", "--out", "."], "current folder"),
        (["compare", "results/toy", "results/toy", "--out", "results/toy"], "an input"),
        (["questions", "scenarios/questions", "--out", ".."], "holds the current folder"),
    ],
)
def test_force_never_replaces_a_folder_holding_the_project_or_the_current_folder(
    project, args, expected
):
    """--force replaces a folder that is not elektra's, but never the current folder,
    the project, the scenario's folder, the dataset or a compared run, nor one holding
    them: a results folder is replaced whole."""
    _toy_question(project)
    refused(project, [*args, "--force"], 2, expected, "not even with --force")


def test_a_symlinked_results_folder_names_its_target(project, tmp_path):
    """A results folder may be a link: elektra writes where it points, keeps the link,
    and names the target in what it says."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("the user's")
    (project / "results" / "linked").symlink_to(elsewhere)
    refused(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras", "--out", "results/linked"],
        2,
        f"results/linked (a link to {elsewhere}) is a folder with files",
    )
    assert (elsewhere / "notes.txt").is_file()
    result = invoke(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras", "--out", "results/linked", "--force"],
    )
    assert result.exit_code == 0, result.output
    assert f"results in results/linked (a link to {elsewhere})/" in result.output
    assert (project / "results" / "linked").is_symlink()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["manifest.json", "results.nc"]
    (project / "results" / "up").symlink_to(tmp_path)
    refused(
        project,
        ["run", "scenarios/toy.yaml", "--out", "results/up", "--force"],
        2,
        f"results/up (a link to {tmp_path}) holds the current folder",
    )


@pytest.fixture
def full_disk(project):
    """``project/full``: a 48 KiB tmpfs, a real full disk for what is written there."""
    folder = project / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"no tiny tmpfs here ({mounted.stderr.strip()}); see the patched test")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_while_a_run_writes_its_netcdf_is_exit_5_with_the_path(project, full_disk):
    result = refused(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras", "--out", "full/toy"],
        5,
        "disk full: cannot write full/toy/results.nc",
    )
    assert len(result.output.strip().splitlines()) == 1
    assert list(full_disk.iterdir()) == []


def test_a_full_disk_while_compare_writes_is_exit_5_with_the_path(project, full_disk):
    result = refused(
        project,
        ["compare", "results/toy", "results/toy", "--out", "full/cmp"],
        5,
        "disk full: cannot write full/cmp",
    )
    assert "internal error" not in result.output
    assert list(full_disk.iterdir()) == []


def test_a_full_disk_while_questions_write_is_exit_5_and_leaves_no_empty_runs(project, full_disk):
    _toy_question(project)
    result = refused(
        project, [*QUESTIONS, "--out", "full/q"], 5, "disk full: cannot write full/q/runs/"
    )
    assert "internal error" not in result.output
    assert list(full_disk.iterdir()) == []


def test_a_full_disk_as_the_netcdf_library_reports_it_is_exit_5(project, monkeypatch):
    """Where no tmpfs can be mounted: the netCDF library's own report of a full disk
    (``RuntimeError('NetCDF: HDF error')``, no errno) on a file system with no room."""
    import shutil as shutil_module

    import elektra.outputs.output as output

    def full(self, *args, **kwargs):
        raise RuntimeError("NetCDF: HDF error")

    monkeypatch.setattr(xr.Dataset, "to_netcdf", full)
    usage = shutil_module.disk_usage(project)
    monkeypatch.setattr(output.shutil, "disk_usage", lambda path: usage._replace(free=4096))
    result = refused(
        project,
        ["run", "scenarios/toy.yaml", "--no-extras", "--out", "elsewhere/toy"],
        5,
        "disk full: cannot write elsewhere/toy/results.nc (NetCDF: HDF error)",
    )
    assert len(result.output.strip().splitlines()) == 1
    assert not (project / "elsewhere").exists()


# ------------------------------------------------------------------ messages


def test_a_negative_capex_says_what_is_expected(project):
    path = scenario(project, "negative", "extends: toy\nparameters:\n  capex:\n    - value: -5\n")
    refused(project, ["validate", path], 2, "capex.0", "is -5", "expected at least 0")


def test_an_infeasible_scenario_says_each_conflict_once_with_its_years():
    """Base with grid_capacity 0 (the elastic re-solves' reasons as they come): twenty
    yearly lines of three commitments no longer push the grid limit off the screen."""
    from elektra.cli import _infeasible_lines
    from elektra.model.pipeline import InfeasibleScenario

    reasons = [
        f"within the limits as set: {y}: committed activity of hydrogen_smr_ccs (17.3) short by 17.3"
        for y in range(2026, 2036)
    ]
    reasons += [
        f"within the limits as set: {y}: committed activity of hydrogen_electrolysis "
        f"({a:.3g}) short by {a:.3g}"
        for y, a in zip(range(2027, 2036), [2.23] + [3.01] * 8)
    ]
    reasons += [
        f"to meet the targets these limits would have to give: {y}: rotterdam_moerdijk grid "
        f"limit of 0 MW binding, {short} MW short"
        for y, short in zip(range(2026, 2036), [54, 253] + [323] * 8)
    ]
    lines = _infeasible_lines(InfeasibleScenario("grid0", reasons))
    assert lines == [
        "scenario 'grid0' is infeasible:",
        "  - within the limits as set: 2026-2035: committed activity of hydrogen_smr_ccs "
        "(17.3) short by 17.3 (10 years; largest in 2026)",
        "  - within the limits as set: 2027-2035: committed activity of hydrogen_electrolysis "
        "(3.01) short by 3.01 (9 years; largest in 2028)",
        "  - to meet the targets these limits would have to give: 2026-2035: "
        "rotterdam_moerdijk grid limit of 0 MW binding, 323 MW short (10 years; largest in "
        "2028)",
    ]


@pytest.fixture
def nothing_solved(monkeypatch):
    """Any solve fails the test: the flags must be refused before."""
    import elektra.model.pipeline
    import elektra.outputs.sweep_output

    def solved(*args, **kwargs):
        raise AssertionError("something was solved before the flags were checked")

    monkeypatch.setattr(elektra.model.pipeline, "run", solved)
    monkeypatch.setattr(elektra.outputs.sweep_output, "Worker", solved)


SWEEP = ["sweep", "scenarios/toy.yaml"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            [*SWEEP, "--vary", "ets_price=0.5:1.5:3", "--seed", "99999999999999999999999"],
            "'--seed'",
        ),
        ([*SWEEP, "--samples", "10000000000"], "'--samples'"),
        ([*SWEEP, "--samples", "1e10"], "'--samples'"),
        ([*SWEEP, "--samples", "0"], "'--samples'"),
        ([*SWEEP, "--vary", "ets_price=0.5:1.5:3", "--part-size", "0"], "'--part-size'"),
        ([*SWEEP, "--vary", "ets_price=0.5:1.5:3", "--processes", "-1"], "'--processes'"),
        (
            [*SWEEP, "--vary", "capex[route=nowhere]=0.5:1.5:3"],
            "--vary: key 'capex[route=nowhere]': unknown route 'nowhere'",
        ),
        ([*SWEEP, "--vary", "ets_prise=0.5:1.5"], "--vary 'ets_prise=0.5:1.5': unknown parameter"),
        ([*SWEEP, "--vary", "ets_price=1.5:0.5:3"], "expected 0 <= low <= high"),
        (
            [*SWEEP, "--vary", "ets_price=0.5:1.5:3", "--dask", "remote"],
            "the only value is 'local'",
        ),
        (
            [*SWEEP, "--vary", "ets_price", "--dask", "local", "--scheduler", "tcp://a:1"],
            "not both",
        ),
        (["mca", "scenarios/toy.yaml", "--seed", "-1"], "'--seed'"),
        (["questions", "--seed", "4294967296"], "'--seed'"),
        (["questions", "--workers", "2"], "No such option: --workers"),
    ],
)
def test_every_flag_is_checked_before_anything_is_solved(project, nothing_solved, args, expected):
    result = refused(project, args, 2, expected)
    assert len(result.output.strip().splitlines()) <= 4


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def not_dask():
    """A server on localhost that answers like a web server, not a Dask scheduler."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def serve():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"HTTP/1.0 200 OK\r\n\r\n<html>a web page</html>" * 20)

    threading.Thread(target=serve, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()


def test_a_scheduler_that_cannot_be_used_is_one_line_with_its_exit_code(
    project, monkeypatch, nothing_solved, not_dask
):
    import elektra.studies.workers

    monkeypatch.setattr(elektra.studies.workers, "SCHEDULER_TIMEOUT", "1s")
    args = [*SWEEP, "--vary", "ets_price=0.5:1.5:3", "--scheduler"]
    cases = [
        ("not-an-address", 2, "--scheduler 'not-an-address' is not a scheduler address"),
        (f"tcp://127.0.0.1:{_closed_port()}", 6, "no Dask scheduler answered within 1s"),
        (not_dask, 6, "something answers there, but not a Dask scheduler"),
    ]
    for address, code, expected in cases:
        result = refused(project, [*args, address], code, expected)
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_compare_and_mca_have_the_force_they_offer(project):
    from tests.test_mca import write_problem

    mine = project / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("three years of work")
    refused(project, ["compare", "results/toy", "results/toy", "--out", "mine"], 2, "--force")
    result = invoke(
        project, ["compare", "results/toy", "results/toy", "--out", "mine", "--force"], "mine"
    )
    assert result.exit_code == 0, result.output
    spec = write_problem(project / "mca", [[1, 3000], [2, 3750]], ["cost", "benefit"], [1, 1])
    (mine / "thesis.docx").write_text("three years of work")
    mca = ["mca", str(spec.relative_to(project)), "--out", "mine", "--samples", "10"]
    refused(project, mca, 2, "--force")
    result = invoke(project, [*mca, "--force"], "mine")
    assert result.exit_code == 0, result.output


def test_no_color_makes_the_error_prefix_plain(project):
    args = ["validate", "scenarios/nothing.yaml"]
    coloured = refused(project, args, 2, "error:", color=True)
    assert "\x1b[" in coloured.output
    plain = refused(project, args, 2, "error: ", color=True, env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.output


def test_one_spelling_for_one_meaning_across_commands():
    """Every command that writes a folder has --out and --force; work spread over
    processes is --processes; random draws are --samples and --seed."""
    import typer.main

    group = typer.main.get_command(app)
    options = {
        name: {opt for param in command.params for opt in getattr(param, "opts", [])}
        for name, command in group.commands.items()
    }
    for name in ("run", "sweep", "compare", "mca", "questions"):
        assert {"--out", "--force"} <= options[name], name
    for name in ("sweep", "questions"):
        assert "--processes" in options[name], name
    for name in ("sweep", "mca", "questions"):
        assert {"--samples", "--seed"} <= options[name], name
    assert not any("--workers" in opts for opts in options.values())
    for name in ("run", "validate", "sweep", "data"):
        assert "--allow-outside-project" in options[name], name


def test_extends_and_dataset_stay_inside_the_project_unless_allowed(project, tmp_path):
    """A scenario may not read files elsewhere on the machine (here /etc/resolv.conf, or a
    scenario and a dataset beside the project) unless the user says so."""
    refused(
        project,
        ["validate", scenario(project, "etc", "extends: /etc/resolv.conf\n")],
        2,
        "etc.yaml: key 'extends': '/etc/resolv.conf' leads to /etc/resolv.conf, outside",
        "--allow-outside-project",
    )
    (tmp_path / "outside.yaml").write_text(f"extends: {project / 'scenarios' / 'toy.yaml'}\n")
    child = scenario(project, "child", f"extends: {tmp_path / 'outside.yaml'}\n")
    refused(project, ["run", child], 2, "key 'extends'", f"{tmp_path / 'outside.yaml'}")
    allowed = invoke(project, ["validate", child, "--allow-outside-project"])
    assert allowed.exit_code == 0, allowed.output
    shutil.copytree(project / "data" / "toy", tmp_path / "elsewhere")
    data = scenario(project, "data", "extends: toy\ndataset: ../../elsewhere\n")
    refused(project, ["validate", data], 2, "key 'dataset': '../../elsewhere' leads to")
    allowed = invoke(project, ["validate", data, "--allow-outside-project"])
    assert allowed.exit_code == 0, allowed.output


def test_the_readme_documents_every_exit_code():
    readme = (ROOT / "README.md").read_text()
    for code, meaning in EXIT_CODES.items():
        if code in (130, 143):
            assert "| 130, 143 |" in readme
        else:
            assert f"| {code} | {meaning.replace('--debug', '`--debug`')} |" in readme, code
