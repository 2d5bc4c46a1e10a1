"""Run a sweep's variants here, on a process pool or on Dask, and keep what finishes.

Every worker (this process, each pool process, each Dask worker) builds and solves the
base once (:class:`elektra.model.pipeline.Variants`) and keeps its HiGHS instance for all
the variants it is given; the task functions live in this importable module, so that a
worker process finds them without the caller's ``__main__``.

Finished variants are written every ``part_size`` variants to a part file in the work
folder beside the results folder (``.<name>.sweep-parts/part-NNNNN.nc``, each written
whole or not at all), so an interrupted sweep resumes: a variant whose key is in a part,
or in the ``sweep.nc`` of an earlier run of the same sweep, is not solved again.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from elektra.inputs.config import Scenario
from elektra.inputs.data import Data
from elektra.model.pipeline import Outcome, Variants, solve_variant_with
from elektra.model.results import main_duals
from elektra.outputs.output import NETCDF_ENGINE
from elektra.studies.sweep import Factor, Variant, VariantData

# --------------------------------------------------------------------------- workers

#: The results a sweep keeps per variant (with the main duals of the LP, see
#: :func:`elektra.model.results.main_duals`): a selection of the run's result variables.
KEY_RESULTS = (
    "emissions",
    "process_emissions",
    "captured_co2",
    "cost",
    "route_mix",
    "hydrogen_marginal_cost",
    "input_ets_price",
)


@dataclass
class Setup:
    """What a worker needs to solve variants: the base and how variants are made."""

    scenario: Scenario
    data: Data
    factors: list[Factor]
    allow_out_of_range: bool = False

    @property
    def identity(self) -> str:
        return f"{self.scenario.hash}:{self.data.hash}:{[f.label for f in self.factors]}"


class Worker:
    """The base built and settled once (:class:`elektra.model.pipeline.Variants`), and
    the maker of variant Data."""

    def __init__(self, setup: Setup):
        self.variants = Variants(setup.scenario, setup.data)
        self.make_data = VariantData(
            setup.data, setup.factors, dict(setup.scenario.parameters), setup.allow_out_of_range
        )
        self.select = (*KEY_RESULTS, *main_duals(self.variants.reference.built.lp))
        #: the reference's key results: the layout every variant's results take
        self.template = self.variants.reference_results(self.select)

    def solve(self, variant: Variant) -> Outcome:
        if all(s is None for s in variant.settings) and not variant.overrides:
            return Outcome("optimal", results=self.template, key=variant.key)
        outcome = solve_variant_with(self.variants, lambda: self.make_data(variant), self.select)
        outcome.key = variant.key
        return outcome


_WORKERS: dict[str, Worker] = {}


def _worker(setup: Setup) -> Worker:
    if setup.identity not in _WORKERS:
        _WORKERS.clear()
        _WORKERS[setup.identity] = Worker(setup)
    return _WORKERS[setup.identity]


def initialise(setup: Setup) -> None:
    """Process-pool initialiser: build the base in this worker process."""
    _worker(setup)


def solve_in_pool(variant: Variant) -> Outcome:
    """Process-pool task: solve one variant on this process's worker."""
    (worker,) = _WORKERS.values()
    return worker.solve(variant)


def solve_on_dask(setup: Setup, variant: Variant) -> Outcome:
    """Dask task: solve one variant on this Dask worker's base (built on first use)."""
    return _worker(setup).solve(variant)


# --------------------------------------------------------------------------- executors


def _serial(worker: Worker, variants: list[Variant]) -> Iterator[Outcome]:
    for variant in variants:
        yield worker.solve(variant)


def _pool(setup: Setup, variants: list[Variant], processes: int) -> Iterator[Outcome]:
    from elektra.studies.workers import process_pool, unordered

    with process_pool(processes, initialise, (setup,)) as pool:
        for _variant, outcome in unordered(pool, solve_in_pool, variants, 4 * processes):
            yield outcome


def _dask(setup: Setup, variants: list[Variant], client, execution: Execution) -> Iterator[Outcome]:
    """Outcomes as Dask workers finish them; a worker lost on the way is noted in
    ``execution`` with the variants Dask solved again elsewhere."""
    from distributed import KilledWorker, as_completed

    from elektra.studies.workers import ClusterError, LostWorkers, killed_worker_message

    lost = LostWorkers(client)
    execution.workers = f"Dask ({lost.workers} workers)"
    [shared] = client.scatter([setup], broadcast=True)
    futures = [client.submit(solve_on_dask, shared, v, pure=False) for v in variants]
    labels = {str(f.key): v.label for f, v in zip(futures, variants)}
    try:
        for future in as_completed(futures, loop=client.loop):
            try:
                yield future.result()
            except KilledWorker as error:
                raise ClusterError(killed_worker_message(error, labels)) from None
    finally:
        client.cancel(futures)
        notes = lost.notes(labels)
        if notes:
            execution.notes += notes
            execution.workers = f"Dask ({lost.workers} workers, {len(notes)} lost)"


# --------------------------------------------------------------------------- parts


def outcomes_dataset(outcomes: list[Outcome], template: xr.Dataset) -> xr.Dataset:
    """Outcomes as a Dataset over ``variant`` (labelled by key), each result variable in
    the template's dimensions and labels (NaN for a variant without an optimum)."""
    keys = [o.key for o in outcomes]
    ds = xr.Dataset(coords={"variant": keys})
    for name, reference in template.data_vars.items():
        arrays = []
        for outcome in outcomes:
            if outcome.results is None or name not in outcome.results:
                arrays.append(np.full(reference.shape, np.nan))
                continue
            array = outcome.results[name]
            if array.shape != reference.shape or any(
                not np.array_equal(array[d].values, reference[d].values) for d in array.dims
            ):
                array = array.reindex_like(reference)
            arrays.append(array.values)
        stacked = np.stack(arrays) if arrays else np.empty((0, *reference.shape))
        ds[name] = xr.DataArray(
            stacked,
            dims=("variant", *reference.dims),
            coords={d: reference[d].values for d in reference.dims},
            attrs=dict(reference.attrs),
        )
    for name, description in (
        ("objective", "Discounted net cost to industry without the tie-break penalty"),
        ("objective_lp", "The LP's objective (with the tie-break penalty)"),
    ):
        ds[name] = xr.DataArray(
            np.array(
                [np.nan if o.results is None else o.results.attrs[name] for o in outcomes],
                dtype=float,
            ),
            dims=("variant",),
            attrs={"units": "MEUR", "description": description},
        )
    ds["termination"] = ("variant", np.array([o.termination for o in outcomes], dtype=str))
    ds["reason"] = ("variant", np.array([o.reason for o in outcomes], dtype=str))
    ds["rebuilt"] = ("variant", np.array([o.rebuilt for o in outcomes], dtype=bool))
    ds["seconds"] = ("variant", np.array([o.seconds for o in outcomes], dtype=float))
    ds["iterations"] = ("variant", np.array([o.iterations for o in outcomes], dtype=np.int64))
    return ds


class Parts:
    """The work folder of a sweep: finished variants, a part file every few."""

    def __init__(
        self, folder: Path, template: xr.Dataset, part_size: int = 200, seconds: float = 30.0
    ):
        self.folder = Path(folder)
        self.template = template
        self.part_size = max(1, part_size)
        #: a part is written after ``part_size`` variants or ``seconds``, whichever first
        self.seconds = seconds
        self.buffer: list[Outcome] = []
        self.last = time.monotonic()
        #: part files that could not be read (and were removed), in words
        self.notes: list[str] = []

    def finished(self) -> xr.Dataset | None:
        """Every variant in the part files (None when there is none).

        A part that cannot be read (a disk that filled, a copy cut short) is named in
        :attr:`notes` and removed, so that its variants are solved again."""
        files = sorted(self.folder.glob("part-*.nc")) if self.folder.is_dir() else []
        parts = []
        for path in files:
            try:
                parts.append(xr.load_dataset(path, engine=NETCDF_ENGINE))
            except (OSError, ValueError, RuntimeError) as error:
                self.notes.append(
                    f"part file {path} could not be read ({error}); its variants were solved again"
                )
                path.unlink(missing_ok=True)
        if not parts:
            return None
        return xr.concat(parts, dim="variant", data_vars="all", coords="minimal", compat="override")

    def add(self, outcome: Outcome) -> None:
        self.buffer.append(outcome)
        if len(self.buffer) >= self.part_size or time.monotonic() - self.last >= self.seconds:
            self.flush()

    def flush(self) -> None:
        """Write the buffered outcomes as one part file (whole or not at all)."""
        if not self.buffer:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ds = outcomes_dataset(self.buffer, self.template)
        name = f"part-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}.nc"
        temporary = self.folder / f".{name}.tmp"
        try:
            ds.to_netcdf(temporary, engine=NETCDF_ENGINE)
            os.replace(temporary, self.folder / name)
        except (OSError, RuntimeError) as error:
            from elektra.outputs.output import write_failure

            temporary.unlink(missing_ok=True)
            raise write_failure(self.folder / name, error) from error
        self.buffer = []
        self.last = time.monotonic()


@dataclass
class Execution:
    """How a sweep ran: counts and timings for the summary."""

    solved: int = 0
    reused: int = 0
    rebuilt: int = 0
    failed: int = 0
    seconds: float = 0.0
    workers: str = "1 process"
    #: what the user should know about how it ran (a lost Dask worker)
    notes: list[str] = field(default_factory=list)


def run_variants(
    setup: Setup,
    variants: list[Variant],
    parts: Parts,
    *,
    worker: Worker | None = None,
    processes: int = 1,
    client: Any = None,
    progress: Callable[[Outcome], None] | None = None,
) -> Execution:
    """Solve ``variants`` (each key once) and hand every outcome to ``parts`` as it comes.

    An interrupt (Ctrl-C, SIGTERM) writes what has finished before it propagates.
    """
    execution = Execution()
    unique = list({v.key: v for v in variants}.values())
    start = time.perf_counter()
    if client is not None:
        stream: Iterable[Outcome] = _dask(setup, unique, client, execution)
    elif processes > 1:
        stream = _pool(setup, unique, processes)
        execution.workers = f"{processes} processes"
    else:
        stream = _serial(worker or Worker(setup), unique)
    try:
        for outcome in stream:
            parts.add(outcome)
            execution.solved += 1
            execution.rebuilt += int(outcome.rebuilt)
            execution.failed += int(not outcome.optimal)
            if progress is not None:
                progress(outcome)
    finally:
        parts.flush()
        execution.seconds = time.perf_counter() - start
    return execution


# --------------------------------------------------------------------------- assembly

#: The outputs whose Sobol indices a sweep reports: national emissions in these years
#: (those inside the horizon; the last year where none is) and the objective.
SOBOL_YEARS = (2030, 2035)


def sobol_outputs(ds: xr.Dataset) -> dict[str, xr.DataArray]:
    """The outputs of the Sobol analysis, each over ``variant``."""
    years = [int(y) for y in ds.year.values]
    chosen = [y for y in SOBOL_YEARS if y in years] or [years[-1]]
    national = ds["national_emissions"]
    outputs = {f"emissions_{y}": national.sel(year=y, drop=True) for y in chosen}
    outputs["objective"] = ds["objective"]
    return outputs


def _unique_by_key(ds: xr.Dataset) -> xr.Dataset:
    _, first = np.unique(ds["variant"].values, return_index=True)
    return ds.isel(variant=np.sort(first))


def assemble(plan, finished: xr.Dataset, meta: dict[str, Any]) -> xr.Dataset:
    """One Dataset over ``variant`` in the plan's order: the key results of each, the
    factor settings as coordinates, national emissions, and Sobol indices with --sobol."""
    from elektra.studies.sweep import sobol_indices

    finished = _unique_by_key(finished)
    keys = [v.key for v in plan.variants]
    ds = finished.sel(variant=keys)
    factors = plan.factors
    setting = np.array(
        [[np.nan if s is None else _number(s) for s in v.settings] for v in plan.variants],
        dtype=float,
    ).reshape(len(plan.variants), len(factors))
    ds = ds.assign_coords(
        variant=[v.label for v in plan.variants],
        key=("variant", keys),
        kind=("variant", [v.kind for v in plan.variants]),
        moved=("variant", [v.moved for v in plan.variants]),
        factor=[f.label for f in factors],
    )
    ds = ds.assign_coords(
        factor_parameter=("factor", [f.parameter for f in factors]),
        factor_kind=("factor", [f.kind for f in factors]),
        factor_meaning=("factor", [f.meaning for f in factors]),
        factor_distribution=(
            "factor",
            [f.distribution if f.kind in ("scale", "range") else "" for f in factors],
        ),
    )
    ds["setting"] = xr.DataArray(
        setting,
        dims=("variant", "factor"),
        attrs={
            "description": "Each factor's setting in the variant (its meaning per factor in "
            "factor_meaning); NaN: nominal (as in the scenario)"
        },
    )
    ds["national_emissions"] = ds["emissions"].sum(["sector", "cluster"], min_count=1)
    ds["national_emissions"].attrs = {
        "units": "Mt/yr",
        "description": "Direct CO2 emissions of the modelled industry",
    }
    if plan.sobol:
        samples = [i for i, v in enumerate(plan.variants) if v.kind == "sample"]
        names = [f.label for f in factors]
        outputs = sobol_outputs(ds)
        results = {
            name: sobol_indices(names, output.isel(variant=samples).values, plan.seed or 0)
            for name, output in outputs.items()
        }
        for part, description in (
            (
                "first",
                "First-order Sobol index: share of the output's variance due to the factor alone",
            ),
            ("first_conf", "95 % confidence half-width of the first-order index"),
            ("total", "Total Sobol index: share of variance involving the factor"),
            ("total_conf", "95 % confidence half-width of the total index"),
        ):
            ds[f"sobol_{part}"] = xr.DataArray(
                np.array([results[o][part] for o in outputs]),
                dims=("output", "factor"),
                coords={"output": list(outputs)},
                attrs={"units": "1", "description": description},
            )
        ds.attrs["sobol_groups"] = int(min(r["groups"] for r in results.values()))
    ds.attrs.update(meta)
    return ds


def _number(setting: Any) -> float:
    if isinstance(setting, str):
        from elektra.inputs.units import split_quantity

        return float(split_quantity(setting)[0])
    return float(setting)
