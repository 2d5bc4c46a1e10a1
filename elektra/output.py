"""Write a run's folder atomically: results.nc, iamc.csv, figures, report, manifest.

Everything is written into a temporary sibling folder, which replaces the target only when
complete. A run that fails half-way leaves at most a ``.tmp`` folder, never a results
folder that looks whole.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import tempfile
import time
from importlib import metadata
from pathlib import Path

import xarray as xr

PACKAGES = (
    "elektra",
    "pyomo",
    "highspy",
    "numpy",
    "pandas",
    "xarray",
    "pint",
    "pydantic",
    "h5netcdf",
    "matplotlib",
)


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def git_commit(folder: Path) -> str:
    """The commit of the repository holding ``folder``, with '+dirty' if it has changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def _netcdf_ready(ds: xr.Dataset) -> xr.Dataset:
    """NetCDF wants plain attribute types and string coordinates as str."""
    out = ds.copy()
    for name in list(out.coords):
        if out[name].dtype == object:
            out[name] = out[name].astype(str)
    return out


def write_netcdf(ds: xr.Dataset, path: Path) -> None:
    _netcdf_ready(ds).to_netcdf(path, engine="h5netcdf")


def manifest(
    ds: xr.Dataset, timings: dict[str, float], files: tuple[str, ...], repository: Path
) -> dict:
    return {
        "scenario_name": ds.attrs["scenario_name"],
        "scenario_hash": ds.attrs["scenario_hash"],
        "scenario": ds.attrs["scenario"],
        "scenario_files": list(files),
        "dataset": ds.attrs["dataset"],
        "git_commit": git_commit(repository),
        "versions": _versions(),
        "solver": "HiGHS (highspy)",
        "termination_condition": ds.attrs["termination_condition"],
        "objective_MEUR": ds.attrs["objective"],
        "timings_s": {k: round(v, 4) for k, v in timings.items()},
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def write_run(
    ds: xr.Dataset,
    out: Path,
    timings: dict[str, float],
    files: tuple[str, ...],
    extras: bool = True,
) -> Path:
    """Write the results folder ``out`` atomically and return it."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        write_netcdf(ds, staging / "results.nc")
        if extras:
            from elektra.figures import make_figures
            from elektra.iamc import to_iamc
            from elektra.report import write_report

            to_iamc(ds).to_csv(staging / "iamc.csv", index=False)
            figures = make_figures(ds, staging / "figures")
            write_report(ds, staging / "report.html", figures)
        # the manifest comes last: its presence says the folder is complete
        info = manifest(ds, timings, files, Path(files[0]).parent if files else Path.cwd())
        (staging / "manifest.json").write_text(json.dumps(info, indent=2))
        if out.exists():
            previous = out.with_name(f".{out.name}.old")
            shutil.rmtree(previous, ignore_errors=True)
            out.rename(previous)
            staging.rename(out)
            shutil.rmtree(previous, ignore_errors=True)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out
