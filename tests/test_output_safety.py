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

import pytest
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


# ------------------------------------------------------------------ worker processes


def _children(pid: int) -> set[int]:
    """Every descendant process of ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting for its new parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_sweep_workers_die_with_their_parent(tmp_path, kill):
    """Killing the main process of a `--processes 2` sweep (SIGKILL: no cleanup of its
    own at all) leaves neither its worker processes nor multiprocessing's resource
    tracker behind; SIGTERM ends them at once too, without waiting for their variants."""
    log = (tmp_path / "stderr.txt").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "elektra",
            "sweep",
            TOY,
            "--vary",
            "ets_price=0.5:1.5:400",
            "--processes",
            "2",
            "--no-extras",
            "--out",
            str(tmp_path / "sweep"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,  # a file: a pipe would stay open as long as any worker lives
        cwd=tmp_path,
    )
    deadline = time.perf_counter() + 120
    children: set[int] = set()
    while time.perf_counter() < deadline and process.poll() is None and len(children) < 3:
        children = _children(process.pid)  # two workers and the resource tracker
        time.sleep(0.05)
    assert len(children) >= 3, (tmp_path / "stderr.txt").read_text()
    time.sleep(0.5)  # into their first variants
    process.send_signal(kill)
    process.wait(timeout=60)
    log.close()
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "a worker outlived its parent"


def test_a_lost_dask_worker_is_reported_with_the_variants_solved_again(tmp_path):
    """A local Dask cluster of two worker processes; after the first variant, the busier
    worker is killed (SIGKILL, as a machine that goes away). The sweep still has every
    variant, and its notes and summary say that a worker was lost and which variants Dask
    solved again on the other."""
    import os

    from distributed import Client, LocalCluster

    from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario
    from elektra.outputs.sweep_output import run_sweep

    scenario = load_scenario(TOY)
    spec = SweepSpec(vary=[SweepFactor(parameter="ets_price", scale=(0.5, 1.5), points=40)])
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        lost: list[str] = []

        def lose_one(outcome) -> None:
            if lost:
                return
            nanny = max(
                cluster.workers.values(),
                key=lambda n: len(cluster.scheduler.workers[n.worker_address].processing),
            )
            lost.append(nanny.worker_address)
            os.kill(nanny.process.process.pid, signal.SIGKILL)

        result = run_sweep(
            scenario, spec, tmp_path / "sweep", client=client, extras=False, on_outcome=lose_one
        )
    assert result.ds.sizes["variant"] == len(result.plan.variants) == 43
    assert (result.ds["termination"].values == "optimal").all()
    assert result.execution.workers == "Dask (2 workers, 1 lost)"
    (note,) = [n for n in result.notes if "was lost" in n]
    assert note.startswith(f"Dask worker {lost[0]} was lost during the sweep; ")
    assert "solved again on other workers: " in note
