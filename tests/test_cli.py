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


# ------------------------------------------------------------------ progress


class Recorded:
    """A Progress that keeps what it was told (a stand-in for the rich bar)."""

    def __init__(self) -> None:
        from elektra.outputs.progress import Progress

        self.stages: list[tuple[str, int, str]] = []
        self.steps = 0
        self.progress = Progress(self)

    def add_task(self, stage: str, total: int, unit: str) -> int:
        self.stages.append((stage, total, unit))
        return len(self.stages)

    def advance(self, task: int, steps: int) -> None:
        self.steps += steps

    def update(self, task: int, **fields) -> None:
        pass


def test_the_progress_display_is_silent_off_a_terminal(capsys):
    from elektra.outputs.progress import progress_display

    with progress_display() as progress:
        progress.start("solving", 3, "variants")
        progress.advance(3)
    assert progress.bar is None and progress.done == 3
    assert capsys.readouterr().err == ""


def test_mca_reports_every_draw_to_the_progress_display(tmp_path):
    from elektra.studies.mca import run_mca
    from tests.test_mca import write_problem

    spec = write_problem(tmp_path, [[1, 3000], [2, 3750], [5, 4500]], ["cost", "benefit"], [1, 1])
    shown = Recorded()
    run_mca(spec, lp_criteria=None, samples=12, progress=shown.progress)
    assert shown.stages == [("MCA: rank acceptability", 12, "draws")]
    assert shown.steps == 12


def test_questions_report_every_run_to_the_progress_display(tmp_path):
    from elektra.studies.questions import answer_questions, load_questions
    from tests.test_questions import TOY_QUESTION

    (tmp_path / "q01.yaml").write_text(TOY_QUESTION.format(toy=TOY))
    (tmp_path / "higher.yaml").write_text(f"name: higher\nextends: {TOY}\n")
    shown = Recorded()
    answer_questions(
        load_questions(tmp_path / "q01.yaml"),
        tmp_path / "out",
        samples=0,
        workers=1,
        display=shown.progress,
    )
    assert shown.stages == [("solving runs", 2, "runs")]
    assert shown.steps == 2


# ------------------------------------------------------------------ packaging and docs


def _requirements() -> list:
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        listed += extra
    return [Requirement(text) for text in listed]


def test_every_dependency_has_an_upper_bound():
    for requirement in _requirements():
        assert any(s.operator in ("<", "<=", "==", "~=") for s in requirement.specifier), (
            requirement
        )


def test_the_lock_pins_every_dependency_within_its_bounds():
    """constraints.txt (what `make setup` and CI install) pins every dependency of
    pyproject.toml, extras included, to a version pyproject allows: a stale lock fails
    here (run `make lock`)."""
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith((" ", "#", "-")):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    for requirement in _requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} is outside {requirement.specifier}: run make lock"
        )


def test_the_code_version_is_the_tracked_tree(tmp_path):
    """An untracked file (a venv, a notebook) does not make two runs' code differ; a
    change to a tracked file does, and the same change gives the same version."""
    from elektra.outputs.output import git_commit

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    git("init", "-q")
    (tmp_path / "model.py").write_text("x = 1\n")
    git("add", "model.py")
    git("commit", "-q", "-m", "first")
    commit = git("rev-parse", "HEAD")
    (tmp_path / "notebook.ipynb").write_text("{}")
    (tmp_path / ".venv").mkdir()
    assert git_commit(tmp_path) == commit
    (tmp_path / "model.py").write_text("x = 2\n")
    changed = git_commit(tmp_path)
    assert changed.startswith(f"{commit}+dirty.") and len(changed) == len(commit) + 19
    assert git_commit(tmp_path) == changed
    (tmp_path / "model.py").write_text("x = 3\n")
    assert git_commit(tmp_path) not in (commit, changed)


def test_docs_link_only_to_files_inside_the_repository():
    """Every relative link and path in backquotes of the docs and the README that leaves
    its folder must still lead into the repository, to a file that exists."""
    import re

    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text()
        targets = re.findall(r"\]\(([^)#\s]+)", text) + re.findall(r"`(\.\./[^`\s]+)`", text)
        for target in targets:
            if "://" in target or target.startswith("mailto:"):
                continue
            path = (page.parent / target).resolve()
            assert ROOT in path.parents, f"{page.name} links outside the repository: {target}"
            assert path.exists(), f"{page.name} links to a missing file: {target}"


def test_pyproject_points_to_docs_that_exist():
    import re

    text = (ROOT / "pyproject.toml").read_text()
    assert "section of the README" not in text
    for name in re.findall(r"(docs/[\w.-]+\.md|README\.md)", text):
        assert (ROOT / name).is_file(), name
