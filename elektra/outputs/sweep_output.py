"""A sweep from start to results folder: plan, resume, solve, gather, write.

:func:`run_sweep` plans the variants, takes the finished ones of an interrupted or earlier
run of the same sweep, solves the rest (here, on a process pool or on Dask), gathers all
into one Dataset over ``variant`` and writes the folder ``results/<sweep>/`` whole or not
at all: ``sweep.nc``, ``iamc.csv`` (every variant as scenario ``<name>|<variant>``) with
``iamc_meta.csv`` (pyam's meta: each variant's kind, sample number and factor settings),
``figures/*.png``, ``sweep.html`` and ``manifest.json``.

The figures are pure functions of the sweep Dataset (matplotlib's Figure API, no pyplot
state): a fan chart of national emissions against the 2030 target, a tornado chart of the
one-at-a-time variants, the Sobol indices, and the probability of meeting the target.
"""

from __future__ import annotations

import base64
import html
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
from matplotlib.figure import Figure

from elektra import __version__
from elektra.inputs.config import Scenario, SweepSpec
from elektra.inputs.data import indicative_target, load_data
from elektra.inputs.parameters import PARAMETERS
from elektra.model.pipeline import Outcome
from elektra.outputs import netcdf
from elektra.outputs.figures import DPI, SIZE, _years
from elektra.outputs.report import STYLE, _table
from elektra.studies.sweep import (
    GRID,
    NAMED,
    ONE_AT_A_TIME,
    RANGE,
    REFERENCE,
    SAMPLE,
    SCALE,
    SCALE_GRID,
    Plan,
    VariantData,
    base_identity,
    check_plan,
    make_plan,
    resolve_factors,
)
from elektra.studies.sweep_run import (
    Execution,
    Parts,
    Setup,
    Worker,
    assemble,
    run_variants,
    sobol_outputs,
)

PERCENTILES = (5, 25, 50, 75, 95)


def work_folder(target: Path) -> Path:
    """Where an unfinished sweep keeps its finished variants (beside its results folder)."""
    target = Path(target)
    return target.parent / f".{target.name}.sweep-parts"


@dataclass
class SweepResult:
    ds: xr.Dataset
    target: Path
    plan: Plan
    execution: Execution
    resumed: int
    notes: list[str] = field(default_factory=list)


def _previous(target: Path, keys: set[str]) -> xr.Dataset | None:
    """The variants of an earlier sweep.nc in ``target`` that this sweep has too."""
    path = Path(target) / "sweep.nc"
    if not path.is_file():
        return None
    try:
        old = netcdf.read(path)
    except (OSError, ValueError):
        return None
    if "key" not in old.coords:
        return None
    old = old.swap_dims(variant="key")
    old = old.isel(key=np.isin(old["key"].values, list(keys)))
    if old.sizes["key"] == 0:
        return None
    keep = [
        v
        for v in old.data_vars
        if "key" in old[v].dims and v not in ("setting", "national_emissions")
    ]
    old = old[keep].drop_vars(
        [c for c in old.coords if c not in old.dims and c != "key"] + ["variant"], errors="ignore"
    )
    return old.rename(key="variant")


def _finished(parts: Parts, target: Path, keys: set[str]) -> xr.Dataset | None:
    pieces = []
    done = parts.finished()
    if done is not None:
        pieces.append(done.isel(variant=np.isin(done["variant"].values, list(keys))))
    previous = _previous(target, keys)
    if previous is not None:
        pieces.append(previous)
    pieces = [p for p in pieces if p.sizes["variant"]]
    if not pieces:
        return None
    return xr.concat(
        pieces, dim="variant", data_vars="all", coords="minimal", compat="override", join="outer"
    )


@dataclass
class Planned:
    """A sweep's data, factors and variants, checked before anything is solved."""

    data: Any
    factors: list
    plan: Plan


def plan_sweep(scenario: Scenario, spec: SweepSpec, origin: str = "") -> Planned:
    """Load the data, resolve the factors, plan the variants and build the Data of every
    variant that sets values: an unknown label, a unit or a range that does not fit is an
    error before the base is solved."""
    data = load_data(scenario)
    factors = resolve_factors(spec, data, origin or scenario.key_files.get("sweep", "scenario"))
    plan = make_plan(spec, factors, base_identity(scenario, data))
    check_plan(
        plan,
        VariantData(data, factors, dict(scenario.parameters), scenario.allow_out_of_range),
    )
    return Planned(data, factors, plan)


def run_sweep(
    scenario: Scenario,
    spec: SweepSpec,
    target: Path,
    *,
    processes: int = 1,
    client: Any = None,
    part_size: int | None = None,
    force: bool = False,
    extras: bool = True,
    origin: str = "",
    on_start: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    planned: Planned | None = None,
) -> SweepResult:
    """Run a sweep and write its results folder ``target``; return what it did.

    ``planned``: the sweep's :func:`plan_sweep`, if the caller checked it already."""
    from elektra.outputs.output import check_target, check_writable

    target = Path(target)
    check_target(target, force, scenario.files)
    check_writable(target)
    planned = planned or plan_sweep(scenario, spec, origin)
    data, factors, plan = planned.data, planned.factors, planned.plan
    setup = Setup(scenario, data, factors, scenario.allow_out_of_range)
    worker = Worker(setup)
    keys = {v.key for v in plan.variants}
    parts = Parts(work_folder(target), worker.template, part_size or 200)
    finished = _finished(parts, target, keys)
    done = set(finished["variant"].values.tolist()) if finished is not None else set()
    todo = [v for v in plan.variants if v.key not in done]
    unique_todo = len({v.key for v in todo})
    resumed = len(keys & done)
    if on_start is not None:
        on_start(unique_todo, resumed)
    execution = run_variants(
        setup,
        todo,
        parts,
        worker=worker,
        processes=processes,
        client=client,
        progress=on_outcome,
    )
    execution.reused = resumed
    execution.notes[:0] = parts.notes
    complete = _finished(parts, target, keys)
    meta = _meta(scenario, data, plan, spec, execution, target)
    ds = assemble(plan, complete, meta)
    ds = described(ds.assign_coords(factor_unit=("factor", factor_units(plan.factors, data))))
    notes = _notes(ds, plan, execution, data)
    ds.attrs["notes"] = "\n".join(notes)
    write_sweep(ds, target, scenario.files, force=force, extras=extras)
    shutil.rmtree(work_folder(target), ignore_errors=True)
    return SweepResult(ds, target, plan, execution, resumed, notes)


def factor_units(factors, data) -> list[str]:
    """The unit of each factor's setting: ``1`` for a scale factor or a quantile of the data's
    range, the parameter's canonical unit for a value (with the output unit of the route
    or service it is set at)."""
    units = []
    for factor in factors:
        if factor.kind in (SCALE_GRID, SCALE, RANGE):
            units.append("1")
            continue
        unit = PARAMETERS[factor.parameter].unit
        if "{output}" in unit:
            outputs = set()
            for dim in ("route", "service"):
                labels = factor.where.get(dim, [])
                for label in labels if isinstance(labels, list) else [labels]:
                    if dim == "route" and label in data.routes.index:
                        outputs.add(str(data.routes.loc[label, "output_unit"]))
                    elif dim == "service":
                        rows = data.routes[data.routes["service"] == label]
                        outputs |= set(rows["output_unit"].astype(str))
            if len(outputs) == 1:
                unit = unit.replace("{output}", outputs.pop())
        units.append(unit)
    return units


#: Units and meaning of the sweep's own variables, for sweep.nc.
SWEEP_ATTRS = {
    "termination": {"description": "Solver termination of the variant"},
    "reason": {"description": "Why the variant has no optimum (empty where it has one)"},
    "rebuilt": {
        "units": "1",
        "description": "1 where the variant's LP had another shape and was rebuilt, 0 where "
        "it was updated in place",
    },
    "seconds": {"units": "s", "description": "Time spent on the variant"},
    "iterations": {"units": "1", "description": "Solves of the variant, the fixed point included"},
    "setting": {"units": "{factor_unit}"},
}


def described(ds: xr.Dataset) -> xr.Dataset:
    """The sweep Dataset with the units and meaning of its own variables."""
    out = ds.copy()
    for name, attrs in SWEEP_ATTRS.items():
        if name in out and (name != "setting" or "factor_unit" in out.coords):
            out[name].attrs = {**out[name].attrs, **attrs}
    return out


def _meta(scenario, data, plan: Plan, spec: SweepSpec, execution: Execution, target) -> dict:
    target_year = _target(scenario, data)
    meta = {
        "sweep_name": Path(target).name,
        "sweep_kind": plan.kind,
        "samples": plan.samples if plan.samples is not None else -1,
        "seed": plan.seed if plan.seed is not None else -1,
        "sampling": plan.sampling,
        "scenario": scenario.text,
        "scenario_name": scenario.name,
        "scenario_hash": scenario.hash,
        "dataset": scenario.dataset,
        "dataset_hash": data.hash,
        "base_year": scenario.base_year,
        "price_base_year": float(data.table("price_base_year")),
        "elektra_version": __version__,
        "base_identity": base_identity(scenario, data),
        "workers": execution.workers,
        "seconds": round(execution.seconds, 3),
        "rebuilt": execution.rebuilt,
    }
    if target_year is not None:
        meta.update(target_year=target_year[0], target=target_year[1], target_source=target_year[2])
    return meta


def _target(scenario: Scenario, data) -> tuple[int, float, str] | None:
    """The 2030 target: the scenario's emission_cap for 2030, else the dataset's
    indicative target (validation/projections.csv); None if neither exists."""
    cap = data.values["emission_cap"]
    if 2030 in cap.coords["year"].values and np.isfinite(float(cap.sel(year=2030))):
        return 2030, float(cap.sel(year=2030)), "the scenario's emission_cap for 2030"
    found = indicative_target(data.path)
    if found is None:
        return None
    year, value, _source = found
    return (
        year,
        value,
        (
            "the dataset's indicative target (validation/projections.csv, row "
            "industry_indicative_target_2030_elektra_boundary)"
        ),
    )


def _notes(ds: xr.Dataset, plan: Plan, execution: Execution, data) -> list[str]:
    notes = list(execution.notes)
    ranged = [f for f in plan.factors if f.kind == "range"]
    if ranged and "every parameter" in ranged[0].origin:
        notes.append(
            "varied: every parameter with a low/high range in the dataset: "
            + ", ".join(f.label for f in ranged)
        )
    failed = ds["termination"].values != "optimal"
    if failed.any():
        notes.append(
            f"{int(failed.sum())} of {ds.sizes['variant']} variants have no optimum "
            "(their termination and reason are in sweep.nc and sweep.html)"
        )
    if "target" in ds.attrs:
        notes.append(
            f"target {ds.attrs['target']:g} Mt/yr in {ds.attrs['target_year']}: "
            f"{ds.attrs['target_source']}; the dataset has no target per cluster, so the "
            "probability of meeting it is national"
        )
    if plan.sobol:
        notes.append(
            f"Sobol indices from {ds.attrs.get('sobol_groups', 0)} whole Saltelli groups of "
            f"{len(plan.factors) + 2} variants"
        )
    return notes


# --------------------------------------------------------------------------- indicators


def samples(ds: xr.Dataset) -> xr.Dataset:
    """The grid points or Monte Carlo samples with an optimum (the reference where there
    are none)."""
    chosen = ds.isel(variant=np.isin(ds["kind"].values, ["sample", "grid"]))
    if chosen.sizes["variant"] == 0:
        chosen = ds.isel(variant=ds["kind"].values != ONE_AT_A_TIME)
    return chosen.isel(variant=chosen["termination"].values == "optimal")


def percentiles(da: xr.DataArray) -> xr.DataArray:
    """Percentiles :data:`PERCENTILES` over ``variant``."""
    return (
        da.quantile(np.array(PERCENTILES) / 100, dim="variant")
        .assign_coords(quantile=list(PERCENTILES))
        .rename(quantile="percentile")
    )


def target_probability(ds: xr.Dataset) -> float | None:
    """Share of the samples whose national emissions in the target year meet the target."""
    if "target" not in ds.attrs or int(ds.attrs["target_year"]) not in ds.year.values:
        return None
    chosen = samples(ds)
    if chosen.sizes["variant"] == 0:
        return None
    value = chosen["national_emissions"].sel(year=int(ds.attrs["target_year"]))
    return float((value <= ds.attrs["target"] + 1e-9).mean())


def one_at_a_time(ds: xr.Dataset, output: xr.DataArray) -> pd.DataFrame:
    """Per factor: the output at its low and high end, and at the reference."""
    reference = float(output.isel(variant=list(ds["kind"].values).index(REFERENCE)))
    rows = []
    for factor in ds.factor.values:
        values = {}
        for end in ("low", "high"):
            label = f"{end}:{factor}"
            if label in ds.variant.values:
                ok = ds["termination"].sel(variant=label).item() == "optimal"
                values[end] = float(output.sel(variant=label)) if ok else np.nan
        rows.append({"factor": str(factor), **values, "reference": reference})
    table = pd.DataFrame(rows).set_index("factor")
    table["swing"] = (table["high"] - table["low"]).abs()
    return table.sort_values("swing", ascending=True)


def output_name(output: str) -> str:
    """A Sobol or spread output as a reader's words: ``emissions_2030`` -> ``national
    emissions 2030 (Mt/yr)``, ``objective`` -> ``discounted cost to industry (MEUR)``."""
    if output == "objective":
        return "discounted cost to industry (MEUR)"
    if output.startswith("emissions_"):
        return f"national emissions {output.removeprefix('emissions_')} (Mt/yr)"
    return output.replace("_", " ")


def _legend_below(figure: Figure, ax, columns: int = 2) -> None:
    """The legend under the axes, where it covers no bar or band."""
    handles, labels = ax.get_legend_handles_labels()
    figure.legend(
        handles, labels, loc="outside lower center", ncols=columns, frameon=False, fontsize="small"
    )


# --------------------------------------------------------------------------- figures


def _figure() -> tuple[Figure, Any]:
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    return figure, figure.add_subplot()


def fan_chart(ds: xr.Dataset) -> Figure | None:
    chosen = samples(ds)
    if chosen.sizes["variant"] < 2:
        return None
    bands = percentiles(chosen["national_emissions"])
    years = ds.year.values
    figure, ax = _figure()
    ax.fill_between(
        years,
        bands.sel(percentile=5),
        bands.sel(percentile=95),
        color="#9ecae1",
        alpha=0.6,
        label="5-95 %",
    )
    ax.fill_between(
        years,
        bands.sel(percentile=25),
        bands.sel(percentile=75),
        color="#4292c6",
        alpha=0.7,
        label="25-75 %",
    )
    ax.plot(years, bands.sel(percentile=50), color="#08306b", label="median")
    reference = ds["national_emissions"].sel(variant="reference")
    if ds["termination"].sel(variant="reference").item() == "optimal":
        ax.plot(years, reference, color="black", linestyle="--", linewidth=1, label="reference")
    if "target" in ds.attrs and int(ds.attrs["target_year"]) in years:
        ax.scatter(
            [ds.attrs["target_year"]],
            [ds.attrs["target"]],
            marker="*",
            s=160,
            color="#d62728",
            zorder=5,
            label=f"{ds.attrs['target_year']} target",
        )
    ax.set_title(f"National direct CO2 emissions over {chosen.sizes['variant']} variants")
    ax.set_ylabel("Mt/yr")
    ax.set_ylim(bottom=0)
    _years(ax, years)
    ax.grid(axis="y", alpha=0.3)
    _legend_below(figure, ax, columns=5)
    return figure


def tornado(ds: xr.Dataset, name: str, output: xr.DataArray, units: str) -> Figure | None:
    if (
        ds.sizes.get("factor", 0) == 0
        or ds["termination"].sel(variant="reference").item() != "optimal"
    ):
        return None
    table = one_at_a_time(ds, output)
    if table[["low", "high"]].isna().all().all():
        return None
    figure = Figure(
        figsize=(SIZE[0], max(2.5, 0.45 * len(table) + 1.2)), dpi=DPI, layout="constrained"
    )
    ax = figure.add_subplot()
    reference = float(table["reference"].iloc[0])
    positions = np.arange(len(table))
    for column, colour, label in (
        ("low", "#4292c6", "factor at its low end"),
        ("high", "#ef6548", "factor at its high end"),
    ):
        ax.barh(
            positions,
            table[column] - reference,
            left=reference,
            color=colour,
            alpha=0.85,
            label=label,
            height=0.6,
        )
    ax.axvline(reference, color="black", linewidth=1)
    ax.set_yticks(positions, table.index, fontsize="small")
    ax.set_xlabel(f"{name} ({units}); the line is the reference")
    ax.set_title(f"One at a time: {name}")
    _legend_below(figure, ax)
    return figure


def sobol_chart(ds: xr.Dataset) -> Figure | None:
    if "sobol_first" not in ds:
        return None
    outputs = list(ds.output.values)
    figure = Figure(
        figsize=(SIZE[0], 1.2 + 0.5 * ds.sizes["factor"] * len(outputs)),
        dpi=DPI,
        layout="constrained",
    )
    axes = figure.subplots(1, len(outputs), sharey=True, squeeze=False)[0]
    positions = np.arange(ds.sizes["factor"])
    for ax, output in zip(axes, outputs):
        for shift, part, colour in ((-0.2, "first", "#4292c6"), (0.2, "total", "#ef6548")):
            values = ds[f"sobol_{part}"].sel(output=output).values
            errors = ds[f"sobol_{part}_conf"].sel(output=output).values
            ax.barh(
                positions + shift,
                values,
                xerr=errors,
                height=0.38,
                color=colour,
                label=f"{part} order" if part == "first" else "total",
                capsize=2,
            )
        ax.set_title(output_name(str(output)), fontsize="medium")
        ax.set_xlim(left=min(0.0, float(np.nanmin(ds["sobol_first"].values)) - 0.05))
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(positions, [str(f) for f in ds.factor.values], fontsize="small")
    _legend_below(figure, axes[-1])
    figure.suptitle("Sobol indices (bars: 95 % confidence)")
    return figure


def target_chart(ds: xr.Dataset) -> Figure | None:
    probability = target_probability(ds)
    if probability is None:
        return None
    year = int(ds.attrs["target_year"])
    values = np.sort(samples(ds)["national_emissions"].sel(year=year).values)
    figure, ax = _figure()
    share = np.arange(1, len(values) + 1) / len(values)
    ax.step(values, share, where="post", color="#08306b", label="share of variants at or below")
    ax.axvline(
        ds.attrs["target"],
        color="#d62728",
        linestyle="--",
        label=f"target {ds.attrs['target']:g} Mt/yr",
    )
    ax.set_xlabel(f"national direct CO2 emissions in {year} (Mt/yr)")
    ax.set_ylabel("share of variants")
    ax.set_ylim(0, 1.02)
    ax.set_title(f"Probability of meeting the {year} target nationally: {100 * probability:.0f} %")
    _legend_below(figure, ax)
    ax.grid(alpha=0.3)
    return figure


def _key_year(ds: xr.Dataset) -> int:
    years = [int(y) for y in ds.year.values]
    return 2030 if 2030 in years else years[-1]


def figures(ds: xr.Dataset) -> dict[str, tuple[Figure | None, str]]:
    """Every figure of a sweep by file name, with its caption."""
    year = _key_year(ds)
    emissions = ds["national_emissions"].sel(year=year)
    return {
        "fan_chart": (
            fan_chart(ds),
            "National direct CO2 emissions: median and percentile bands (5-95 %, 25-75 %) over the grid points or samples; dashed the reference, the star the 2030 target.",
        ),
        "tornado_emissions": (
            tornado(ds, f"national emissions {year}", emissions, "Mt/yr"),
            f"National emissions in {year} with each factor alone at its low and high end.",
        ),
        "tornado_objective": (
            tornado(ds, "discounted cost to industry", ds["objective"], "MEUR"),
            "Discounted cost to industry with each factor alone at its low and high end.",
        ),
        "sobol": (
            sobol_chart(ds),
            "First-order and total Sobol indices of each output with respect to each factor.",
        ),
        "target_probability": (
            target_chart(ds),
            "Share of the variants whose national emissions in the target year are at or below the target (the dataset has no target per cluster).",
        ),
    }


def make_figures(ds: xr.Dataset, folder: Path) -> list[tuple[Path, str]]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (figure, caption) in figures(ds).items():
        if figure is None:
            continue
        path = folder / f"{name}.png"
        figure.savefig(path, dpi=DPI, format="png")
        written.append((path, caption))
    return written


# --------------------------------------------------------------------------- iamc


#: Variants and years are folded into one year axis for :func:`to_iamc`: variant i, year y
#: becomes i * FOLD + y (so that one call writes every variant's rows).
FOLD = 10_000
IAMC_VARIABLES = (
    "emissions",
    "process_emissions",
    "captured_co2",
    "cost",
    "input_ets_price",
    "dual_carrier_balance",
)


def _fold(da: xr.DataArray, codes: dict[str, int]) -> xr.DataArray:
    stacked = da.stack(folded=("variant", "year"))
    years = [codes[str(v)] * FOLD + int(y) for v, y in stacked["folded"].values]
    stacked = stacked.drop_vars(["folded", "variant", "year"])
    return stacked.assign_coords(folded=years).rename(folded="year").assign_attrs(da.attrs)


def iamc_table(ds: xr.Dataset) -> pd.DataFrame:
    """IAMC rows of every variant with an optimum, as scenario ``<name>|<variant>``.

    One call of :func:`elektra.outputs.iamc.to_iamc` on the key results of all variants at once
    (variant and year folded into one axis), so the names, units and sums are those of a
    run's iamc.csv for the variables a sweep keeps (emissions, capture, cost, prices).
    """
    from elektra.outputs.iamc import COLUMNS, to_iamc

    optimal = ds.isel(variant=ds["termination"].values == "optimal")
    if optimal.sizes["variant"] == 0:
        return pd.DataFrame(columns=COLUMNS)
    labels = [str(v) for v in optimal.variant.values]
    codes = {label: i for i, label in enumerate(labels)}
    folded = xr.Dataset()
    for name in IAMC_VARIABLES:
        if name not in optimal:
            continue
        da = optimal[name]
        da = da.drop_vars([c for c in da.coords if c not in da.dims])
        if name == "dual_carrier_balance":
            da = da.sel(carrier=da.notnull().any(["variant", "year"]).values)
        if da.size:
            folded[name] = _fold(da, codes)
    folded["price_base_year"] = ds.attrs["price_base_year"]
    folded.attrs.update(
        elektra_version=ds.attrs["elektra_version"],
        scenario_name=ds.attrs["scenario_name"],
        dataset=ds.attrs["dataset"],
    )
    table = to_iamc(folded)
    index = table["year"].to_numpy() // FOLD
    table["scenario"] = [f"{ds.attrs['scenario_name']}|{labels[i]}" for i in index]
    table["year"] = table["year"].to_numpy() % FOLD
    return table[COLUMNS].reset_index(drop=True)


#: Variant kinds as the ``kind`` column of pyam's meta table names them; samples are
#: ``Monte Carlo`` or ``Sobol`` by the sweep's kind.
META_KINDS = {
    REFERENCE: "reference",
    ONE_AT_A_TIME: "one-at-a-time",
    GRID: "grid",
    NAMED: "named",
}
META_COLUMNS = ["model", "scenario", "variant", "kind", "sample", "termination"]


def iamc_meta(ds: xr.Dataset) -> pd.DataFrame:
    """pyam's ``meta`` of the sweep's iamc.csv: one row per (model, scenario) written, that
    is per variant with an optimum.

    Columns: ``variant``; ``kind`` (``reference``, ``one-at-a-time``, ``grid``,
    ``Monte Carlo``, ``Sobol``, ``named``), so that quantiles over the samples can leave
    the reference and one-at-a-time variants out; ``sample`` (the number of a Monte Carlo
    sample or grid point, empty for the others); ``termination``; then one column per
    factor with its setting in the variant (empty: nominal, as in the scenario).
    """
    optimal = ds.isel(variant=ds["termination"].values == "optimal")
    samples = "Sobol" if ds.attrs.get("sweep_kind") == "sobol" else "Monte Carlo"
    model = f"elektra {ds.attrs['elektra_version']}"
    factors = [str(f) for f in ds.factor.values]
    clash = set(factors) & set(META_COLUMNS)
    if clash:
        raise ValueError(f"factor label(s) {sorted(clash)} clash with a meta column")
    rows = []
    for i, label in enumerate(optimal.variant.values.astype(str)):
        kind = str(optimal["kind"].values[i])
        number = label.lstrip("gs")
        row = {
            "model": model,
            "scenario": f"{ds.attrs['scenario_name']}|{label}",
            "variant": label,
            "kind": samples if kind == SAMPLE else META_KINDS[kind],
            "sample": int(number) if kind in (SAMPLE, GRID) and number.isdigit() else pd.NA,
            "termination": str(optimal["termination"].values[i]),
        }
        row.update(zip(factors, optimal["setting"].values[i].tolist()))
        rows.append(row)
    table = pd.DataFrame(rows, columns=[*META_COLUMNS, *factors])
    table["sample"] = table["sample"].astype("Int64")
    return table


# --------------------------------------------------------------------------- page


def _e(value: object) -> str:
    return html.escape(str(value))


def _number(value: float, digits: int = 2) -> str:
    return "-" if not np.isfinite(value) else f"{value:,.{digits}f}"


def _factors_html(ds: xr.Dataset) -> str:
    rows = []
    for i, factor in enumerate(ds.factor.values):
        setting = ds["setting"].isel(factor=i)
        rows.append(
            [
                str(factor),
                str(ds["factor_kind"].values[i]).replace("_", " "),
                str(ds["factor_distribution"].values[i]) or "-",
                str(ds["factor_meaning"].values[i]),
                _number(float(setting.min()), 3),
                _number(float(setting.max()), 3),
            ]
        )
    return _table(
        ["factor", "kind", "distribution", "setting is", "lowest", "highest"], rows, numeric_from=4
    )


def _spread_html(ds: xr.Dataset) -> str:
    chosen = samples(ds)
    if chosen.sizes["variant"] == 0:
        return "<p>No variant with an optimum.</p>"
    rows = []
    for name, output in sobol_outputs(chosen).items():
        bands = percentiles(output)
        digits = 0 if name == "objective" else 2
        rows.append(
            [
                output_name(name),
                *[_number(float(bands.sel(percentile=p)), digits) for p in PERCENTILES],
            ]
        )
    return _table(["output", *[f"P{p}" for p in PERCENTILES]], rows)


def _target_html(ds: xr.Dataset) -> str:
    probability = target_probability(ds)
    if probability is None:
        return (
            "<p>No 2030 target in the scenario or the dataset, or 2030 is outside the horizon.</p>"
        )
    return (
        f"<p>Target {ds.attrs['target']:g} Mt/yr in {ds.attrs['target_year']} "
        f"({_e(ds.attrs['target_source'])}). Share of variants meeting it nationally: "
        f"<b>{100 * probability:.0f} %</b>. The dataset has no target per cluster.</p>"
    )


def _sobol_html(ds: xr.Dataset) -> str:
    if "sobol_first" not in ds:
        return "<p>No Sobol indices: run the sweep with <code>--sobol</code>.</p>"
    rows = []
    for output in ds.output.values:
        for factor in ds.factor.values:
            cell = {
                p: float(ds[f"sobol_{p}"].sel(output=output, factor=factor))
                for p in ("first", "first_conf", "total", "total_conf")
            }
            rows.append(
                [
                    output_name(str(output)),
                    str(factor),
                    f"{_number(cell['first'])} ± {_number(cell['first_conf'])}",
                    f"{_number(cell['total'])} ± {_number(cell['total_conf'])}",
                ]
            )
    return _table(["output", "factor", "first order", "total"], rows, numeric_from=2)


def _failed_html(ds: xr.Dataset) -> str:
    failed = ds["termination"].values != "optimal"
    if not failed.any():
        return "<p>Every variant has an optimum.</p>"
    rows = [
        [str(label), str(t), str(r)[:400]]
        for label, t, r in zip(
            ds.variant.values[failed], ds["termination"].values[failed], ds["reason"].values[failed]
        )
    ]
    return _table(["variant", "termination", "reason"], rows[:50], numeric_from=3)


def _figures_html(written: list[tuple[Path, str]]) -> str:
    parts = []
    for path, caption in written:
        data = base64.b64encode(Path(path).read_bytes()).decode()
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" alt="{_e(path.stem)}"><figcaption>{_e(caption)}</figcaption></figure>'
        )
    return "".join(parts)


def _money(ds: xr.Dataset) -> str:
    from elektra.outputs.iamc import currency_of_year

    if "price_base_year" not in ds.attrs:
        return "euro"
    euro = currency_of_year(int(round(float(ds.attrs["price_base_year"]))))
    return f"euro of {euro.removeprefix('EUR_')} ({euro})"


def write_page(ds: xr.Dataset, path: Path, written: list[tuple[Path, str]]) -> None:
    name = ds.attrs.get("sweep_name", "")
    count = ds.sizes["variant"]
    failed = int((ds["termination"].values != "optimal").sum())
    rebuilt = int(ds["rebuilt"].values.sum())
    notes = "".join(f"<li>{_e(n)}</li>" for n in ds.attrs.get("notes", "").splitlines() if n)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>elektra sweep: {_e(name)}</title><style>{STYLE}</style></head>
<body>
<h1>elektra sweep: {_e(name)}</h1>
<p class="description">{count} variants of scenario {_e(ds.attrs.get("scenario_name", ""))}
({_e(ds.attrs.get("sweep_kind", ""))}); {failed} without an optimum; {rebuilt} with an LP of
another shape (rebuilt). Every variant is the scenario's least-cost answer under its inputs,
not a forecast. Money is in {_e(_money(ds))}.</p>
<ul>{notes}</ul>
<h2>What varies</h2>
{_factors_html(ds)}
<h2>Spread of the results</h2>
{_spread_html(ds)}
<h2>The 2030 target</h2>
{_target_html(ds)}
<h2>Global sensitivity</h2>
{_sobol_html(ds)}
<h2>Figures</h2>
{_figures_html(written)}
<h2>Variants without an optimum</h2>
{_failed_html(ds)}
<footer><h2>Provenance</h2><dl class="key">
<dt>scenario hash (sha256)</dt><dd>{_e(ds.attrs.get("scenario_hash", ""))}</dd>
<dt>dataset hash</dt><dd>{_e(ds.attrs.get("dataset_hash", ""))}</dd>
<dt>elektra version</dt><dd>{_e(ds.attrs.get("elektra_version", ""))}</dd>
<dt>workers</dt><dd>{_e(ds.attrs.get("workers", ""))}</dd>
</dl><p>The resolved scenario:</p><pre>{_e(ds.attrs.get("scenario", ""))}</pre></footer>
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------- folder


def write_sweep(
    ds: xr.Dataset, target: Path, files, force: bool = False, extras: bool = True
) -> Path:
    """Write ``target`` whole or not at all (sweep.nc, iamc.csv, figures, sweep.html)."""
    from elektra.outputs.output import manifest_info, write_folder, write_netcdf

    def contents(staging: Path) -> None:
        write_netcdf(described(ds), staging / "sweep.nc")
        if extras:
            iamc_table(ds).to_csv(staging / "iamc.csv", index=False)
            iamc_meta(ds).to_csv(staging / "iamc_meta.csv", index=False)
            written = make_figures(ds, staging / "figures")
            write_page(ds, staging / "sweep.html", written)

    info = manifest_info(
        files,
        run_id=uuid.uuid4().hex,
        scenario_name=ds.attrs["scenario_name"],
        scenario_hash=ds.attrs["scenario_hash"],
        dataset=ds.attrs["dataset"],
        dataset_hash=ds.attrs["dataset_hash"],
        scenario=ds.attrs["scenario"],
        sweep_name=ds.attrs["sweep_name"],
        sweep_kind=ds.attrs["sweep_kind"],
        variants=int(ds.sizes["variant"]),
        failed=int((ds["termination"].values != "optimal").sum()),
        rebuilt=int(ds["rebuilt"].values.sum()),
        seconds=ds.attrs["seconds"],
        written=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    return write_folder(target, contents, info, force=force, protect=files)
