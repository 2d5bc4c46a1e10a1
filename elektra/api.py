"""elektra from Python: ``elektra.run``, ``elektra.compare``, ``elektra.sweep`` and
``elektra.open_results`` return the xarray Datasets the command line writes.

In a notebook::

    import elektra
    base = elektra.run("scenarios/base.yaml")              # solved in memory
    high = elektra.run("scenarios/ets_high.yaml", out="results/ets_high")  # and written
    base["emissions"].sum(["sector", "cluster"]).to_pandas()
    diff = elektra.compare(base, high)                     # comparison.nc's Dataset
    mc = elektra.sweep("scenarios/toy.yaml",
                       vary=[{"parameter": "ets_price", "scale": (0.5, 1.5)}], samples=20)
    same = elektra.open_results("results/ets_high")        # equal to ``high``

Each is the command's own path (the same solve, results builder and writers); errors are
the command's errors as exceptions (``elektra.model.pipeline.InfeasibleScenario``,
``elektra.inputs.config.ScenarioError``, ...).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import xarray as xr


def run(
    scenario: str | Path,
    *,
    out: str | Path | None = None,
    force: bool = False,
    extras: bool = True,
    sensitivity: bool = False,
    allow_out_of_range: bool = False,
) -> xr.Dataset:
    """Solve a scenario file and return its results Dataset (what ``results.nc`` holds).

    ``out``: also write the results folder there, as ``elektra run --out`` does (with
    iamc.csv, figures and report.html unless ``extras=False``; an existing folder is
    replaced only if elektra wrote it, or with ``force``).
    """
    from elektra.inputs.config import load_scenario
    from elektra.model.pipeline import run as solve

    parsed = load_scenario(scenario)
    if allow_out_of_range:
        parsed = parsed.model_copy(update={"allow_out_of_range": True})
    result = solve(parsed, sensitivity=sensitivity)
    ds = result.results.assign_attrs(dataset_hash=result.data.hash)
    if out is not None:
        from elektra.outputs.output import write_run

        write_run(
            ds,
            Path(out),
            result.timings,
            parsed.files,
            extras=extras,
            force=force,
            dataset_hash=result.data.hash,
            notes=[*result.data.warnings, *getattr(result, "notes", [])],
            allow_out_of_range=allow_out_of_range,
        )
    return ds


def open_results(path: str | Path) -> xr.Dataset:
    """A results folder's (or a NetCDF file's) Dataset as elektra holds it: the arrays the
    file splits per output unit (``activity_Mt``, ``activity_PJ``) merged back."""
    from elektra.outputs import netcdf

    path = Path(path)
    if path.is_dir():
        names = ("results.nc", "sweep.nc", "comparison.nc", "mca.nc")
        found = [path / name for name in names if (path / name).is_file()]
        if not found:
            raise FileNotFoundError(f"{path}: no {', '.join(names)} in this folder")
        path = found[0]
    return netcdf.read(path)


def _run_of(item: str | Path | xr.Dataset, index: int):
    from elektra.studies.compare import Run, load_run

    if isinstance(item, xr.Dataset):
        manifest = {
            "dataset": item.attrs.get("dataset", "?"),
            "dataset_hash": item.attrs.get("dataset_hash", ""),
            "versions": {"elektra": item.attrs.get("elektra_version", "?")},
        }
        label = str(item.attrs.get("scenario_name", f"run{index + 1}"))
        return Run(label, Path(f"<in memory: {label}>"), item, manifest)
    return load_run(Path(item))


def compare(*runs: str | Path | xr.Dataset, out: str | Path | None = None) -> xr.Dataset:
    """Compare two or more runs (results folders, or Datasets from :func:`run`) against the
    first; return the Dataset ``comparison.nc`` holds (each indicator per run, its
    difference and relative difference, every input that differs). ``out``: also write the
    comparison folder there (comparison.html, figures, iamc.csv)."""
    from elektra.studies.compare import (
        CompareError,
        Run,
        comparison_dataset,
        unique_labels,
        write_comparison,
    )
    from elektra.studies.compare import compare as compare_runs

    if len(runs) < 2:
        raise CompareError(f"compare needs at least two runs (given: {len(runs)})")
    loaded = [_run_of(item, i) for i, item in enumerate(runs)]
    labels = unique_labels([r.label for r in loaded])
    comparison = compare_runs(
        [Run(label, r.folder, r.results, r.manifest) for label, r in zip(labels, loaded)]
    )
    if out is not None:
        write_comparison(comparison, Path(out))
    return comparison_dataset(comparison)


def sweep(
    scenario: str | Path,
    *,
    vary: Iterable[Mapping[str, Any] | Any] = (),
    samples: int | None = None,
    seed: int | None = None,
    sobol: bool = False,
    variants: Mapping[str, Any] | None = None,
    processes: int = 1,
    out: str | Path | None = None,
    force: bool = False,
    extras: bool = True,
) -> xr.Dataset:
    """Solve the variants of a scenario and return the Dataset ``sweep.nc`` holds (one
    ``variant`` dimension: the key results of each, the factor settings, percentiles'
    inputs, Sobol indices with ``sobol``).

    ``vary``: the factors, each a mapping as in a scenario's ``sweep: vary:`` block (or an
    ``elektra.inputs.config.SweepFactor``): ``{"parameter": "ets_price", "scale": (0.5,
    1.5), "points": 5}`` is a grid, without ``points`` a Monte Carlo range; ``samples``,
    ``seed``, ``sobol`` and named ``variants`` as there. Without any, the scenario's own
    ``sweep:`` block. ``out``: also write the sweep folder (default: none kept).
    """
    from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario
    from elektra.outputs.sweep_output import run_sweep

    parsed = load_scenario(scenario)
    fields = (parsed.sweep or SweepSpec()).model_dump(exclude_none=True)
    factors = [f if isinstance(f, SweepFactor) else SweepFactor(**dict(f)) for f in vary]
    if factors:
        fields["vary"] = factors
    for key, value in (("samples", samples), ("seed", seed), ("variants", variants)):
        if value is not None:
            fields[key] = value
    if sobol:
        fields["sobol"] = True
    spec = SweepSpec(**fields)
    if out is not None:
        return run_sweep(
            parsed, spec, Path(out), processes=processes, force=force, extras=extras
        ).ds
    with tempfile.TemporaryDirectory(prefix="elektra-sweep-") as folder:
        target = Path(folder) / (spec.name or f"{parsed.name}_sweep")
        return run_sweep(parsed, spec, target, processes=processes, extras=False).ds
