"""Results folders under concurrent runs and kills: always whole or absent.

These run ``python -m elektra run`` as separate processes on the toy (``--no-extras``, a
couple of seconds each), because only a real process can be killed half-way.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import xarray as xr

from elektra.outputs.output import NETCDF_ENGINE
from tests.conftest import ROOT

TOY = str(ROOT / "scenarios" / "toy.yaml")


def start(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "elektra", "run", TOY, "--out", str(out), "--no-extras"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=out.parent,
    )


def wait_for_staging(parent: Path, process: subprocess.Popen, timeout: float) -> None:
    """Return once a staging folder exists in ``parent`` (or the process ended)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and process.poll() is None:
        if any(parent.glob(".toy.*.tmp")):
            return
        time.sleep(0.005)


def assert_whole_or_absent(parent: Path, context: str) -> None:
    """Every visible folder in ``parent`` is a complete results folder."""
    for folder in parent.iterdir():
        if folder.name.startswith("."):
            continue
        manifest = json.loads((folder / "manifest.json").read_text())
        with xr.open_dataset(folder / "results.nc", engine=NETCDF_ENGINE) as ds:
            assert ds.attrs["scenario_hash"] == manifest["scenario_hash"], context
            assert float(ds["emissions"].sum()) > 0, context
        assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "results.nc"]


def test_concurrent_runs_of_one_scenario_all_succeed(tmp_path):
    out = tmp_path / "toy"
    runs = [start(out) for _ in range(2)]
    for process in runs:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    assert_whole_or_absent(tmp_path, "after two concurrent runs")
    assert [p.name for p in tmp_path.iterdir()] == ["toy"]  # no staging folder left


def test_runs_kills_and_reruns_leave_every_folder_whole_or_absent(tmp_path):
    """A seeded random sequence: runs, pairs of concurrent runs, SIGTERM and SIGKILL at
    random moments of a run (from its import to just after its end), half of them while
    it writes its staging folder. After every step the
    folder is whole or absent; a SIGTERM'd run exits 143 (or 0 if it had finished); the
    last, undisturbed run leaves no staging folder of the killed ones behind."""
    rng = random.Random(20261203)
    out = tmp_path / "toy"
    duration = 3.0  # about one run of the toy here, import included; any value will do
    for step in range(4):
        processes = [start(out) for _ in range(rng.choice((1, 1, 2)))]
        victim = processes[0]
        kill = rng.choice((signal.SIGTERM, signal.SIGKILL))
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0.3, 1.05) * duration)  # any moment of the run
        else:  # while it writes: its staging folder has appeared
            wait_for_staging(tmp_path, victim, timeout=2 * duration)
            time.sleep(rng.uniform(0.0, 0.15))
        victim.send_signal(kill)
        for process in processes:
            _, errors = process.communicate(timeout=120)
            context = f"step {step}: {kill.name}, exit {process.returncode}: {errors}"
            if process is not victim:
                assert process.returncode == 0, context
            elif kill == signal.SIGTERM:
                assert process.returncode in (0, 143, -signal.SIGTERM), context
                assert "Traceback" not in errors, context
        assert_whole_or_absent(tmp_path, f"step {step}")
    last = start(out)
    _, errors = last.communicate(timeout=120)
    assert last.returncode == 0, errors
    assert_whole_or_absent(tmp_path, "after the last run")
    assert [p.name for p in tmp_path.iterdir()] == ["toy"]


def test_the_swap_exchanges_two_folders_or_leaves_both(tmp_path):
    """renameat2(RENAME_EXCHANGE) where the kernel and file system offer it."""
    from elektra.outputs.output import _exchange

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a").write_text("a")
    (second / "b").write_text("b")
    swapped = _exchange(first, second)
    assert [p.name for p in first.iterdir()] == (["b"] if swapped else ["a"])
    assert [p.name for p in second.iterdir()] == (["a"] if swapped else ["b"])


def test_without_the_exchange_a_rerun_still_replaces_the_folder_whole(
    tmp_path, monkeypatch, toy_run
):
    import elektra.outputs.output as output

    monkeypatch.setattr(output, "_exchange", lambda first, second: False)
    out = tmp_path / "toy"
    for objective in (1.0, 2.0):
        ds = toy_run.results.assign_attrs(objective=objective)
        output.write_run(ds, out, toy_run.timings, toy_run.scenario.files, extras=False)
    assert json.loads((out / "manifest.json").read_text())["objective_MEUR"] == 2.0
    assert_whole_or_absent(tmp_path, "after two runs without the exchange")
    assert [p.name for p in tmp_path.iterdir()] == ["toy"]
