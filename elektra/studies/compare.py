"""Compare results folders: what differs in the inputs, then the results side by side.

The first folder is the reference. A comparison says first what differs in the inputs (the
resolved scenario texts and every ``input_*`` array, cell by cell with the old and the new
value), then the results a decision-maker reads (:data:`INDICATORS`) for every run with the
absolute difference ``run - reference`` and the relative one ``(run - reference) /
|reference|``. Runs whose labels differ (other years, clusters or routes) are aligned by
label (an outer join, NaN where a run lacks a label) and a note says so: nothing is
realigned silently. Runs of different data or code versions compare with a warning.

Everything here is a pure function of the folders' ``results.nc`` and ``manifest.json``;
:func:`write_comparison` writes ``comparison.nc`` (the runs stacked along ``run`` with the
difference arrays), difference figures, ``iamc.csv`` and a self-contained
``comparison.html``, into a temporary folder renamed into place when complete.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr
from matplotlib.figure import Figure
from rich.table import Table

from elektra.outputs import netcdf

RESULTS_FILE = "results.nc"
MANIFEST_FILE = "manifest.json"
#: Two values closer than this (relative and absolute) are the same.
TOLERANCE = 1e-9
#: The most rows of one table the terminal shows (the page shows all differing rows).
TERMINAL_ROWS = 12
#: The most cells of one differing input the terminal and the page list.
INPUT_ROWS = 10
PAGE_INPUT_ROWS = 40
#: The most labels a difference figure draws (the largest differences).
FIGURE_LABELS = 8


class CompareError(ValueError):
    """Input that cannot be compared: the message names the folder and what is missing."""


@dataclass(frozen=True)
class Run:
    """One results folder: its label in the comparison, its Dataset and its manifest."""

    label: str
    folder: Path
    results: xr.Dataset
    manifest: dict


def check_folder(folder: Path) -> None:
    """Raise CompareError unless ``folder`` is a complete results folder."""
    if not folder.is_dir():
        raise CompareError(f"{folder}: not a folder (expected a results folder of elektra run)")
    missing = [f for f in (RESULTS_FILE, MANIFEST_FILE) if not (folder / f).is_file()]
    if missing:
        raise CompareError(
            f"{folder}: no {' or '.join(missing)} (expected a complete results folder of "
            "elektra run)"
        )


def load_run(folder: Path, label: str | None = None) -> Run:
    """Read a results folder (``results.nc`` and ``manifest.json``) into memory."""
    folder = Path(folder)
    check_folder(folder)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CompareError(f"{folder / MANIFEST_FILE}: not valid JSON ({error})") from None
    try:
        results = netcdf.read(folder / RESULTS_FILE)
    except (OSError, ValueError) as error:
        raise CompareError(f"{folder / RESULTS_FILE}: cannot be read ({error})") from None
    name = label or str(results.attrs.get("scenario_name", folder.name))
    return Run(label=name, folder=folder, results=results, manifest=manifest)


def unique_labels(names: list[str]) -> list[str]:
    """``base, base`` -> ``base, base#2``: every run needs its own label."""
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return labels


def load_runs(folders: list[Path]) -> list[Run]:
    """Read two or more results folders; labels are scenario names made unique."""
    if len(folders) < 2:
        given = ", ".join(map(str, folders)) or "none"
        raise CompareError(f"compare needs at least two results folders (given: {given})")
    for folder in folders:  # every folder checked before any is read
        check_folder(Path(folder))
    runs = [load_run(f) for f in folders]
    labels = unique_labels([r.label for r in runs])
    return [Run(label, r.folder, r.results, r.manifest) for label, r in zip(labels, runs)]


# ---------------------------------------------------------------- provenance


def _dataset(run: Run) -> str:
    return str(run.manifest.get("dataset", run.results.attrs.get("dataset", "?")))


def _elektra_version(run: Run) -> str:
    versions = run.manifest.get("versions", {})
    return str(versions.get("elektra", run.results.attrs.get("elektra_version", "?")))


def version_warnings(runs: list[Run]) -> list[str]:
    """Warnings where runs may not be comparable: other data, unverified data, other code."""
    reference, warnings = runs[0], []
    unverified = [r.label for r in runs if not r.manifest.get("dataset_hash")]
    if unverified:
        warnings.append(
            f"{', '.join(unverified)}: manifest.json has no dataset_hash, so the data of "
            f"{'this run' if len(unverified) == 1 else 'these runs'} could not be verified"
        )
    for run in runs[1:]:
        pair = f"{reference.label} and {run.label}"
        if _dataset(run) != _dataset(reference):
            warnings.append(
                f"{pair} use different datasets ({_dataset(reference)} vs {_dataset(run)})"
            )
        hashes = (reference.manifest.get("dataset_hash"), run.manifest.get("dataset_hash"))
        if all(hashes) and hashes[0] != hashes[1]:
            warnings.append(
                f"{pair} use different versions of the data (dataset_hash "
                f"{str(hashes[0])[:12]} vs {str(hashes[1])[:12]})"
            )
        if _elektra_version(run) != _elektra_version(reference):
            warnings.append(
                f"{pair} were made by different elektra versions "
                f"({_elektra_version(reference)} vs {_elektra_version(run)})"
            )
        commits = (reference.manifest.get("git_commit"), run.manifest.get("git_commit"))
        if commits[0] != commits[1]:
            warnings.append(
                f"{pair} were made from different code (git commit {commits[0]} vs {commits[1]})"
            )
    return warnings


def _listing(labels: list, limit: int = 8) -> str:
    shown = ", ".join(str(v) for v in labels[:limit])
    return shown + (f" and {len(labels) - limit} more" if len(labels) > limit else "")


def alignment_notes(runs: list[Run]) -> list[str]:
    """Where the runs' labels differ: they are compared by label, NaN where absent."""
    reference, notes = runs[0], []
    for run in runs[1:]:
        for dim in sorted(set(reference.results.indexes) | set(run.results.indexes)):
            ours = _labels(reference.results, dim)
            theirs = _labels(run.results, dim)
            only_reference = [v for v in ours if v not in set(theirs)]
            only_run = [v for v in theirs if v not in set(ours)]
            if only_reference or only_run:
                parts = []
                if only_run:
                    parts.append(f"{_listing(only_run)} only in {run.label}")
                if only_reference:
                    parts.append(f"{_listing(only_reference)} only in {reference.label}")
                notes.append(
                    f"{dim}: {'; '.join(parts)}. Compared by label: a run without a label "
                    "shows NaN there"
                )
    return notes


def _labels(ds: xr.Dataset, dim: str) -> list:
    return (
        [v.item() if hasattr(v, "item") else v for v in ds.indexes[dim]]
        if dim in ds.indexes
        else []
    )


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class InputDifference:
    """One input that differs between the reference and a run, with its differing cells.

    ``cells`` has a column per dimension (the labels), then ``old`` (the reference) and
    ``new`` (the run); NaN where a run lacks the label or the input.
    """

    name: str
    units: str
    run: str
    cells: pd.DataFrame
    note: str = ""


def scenario_diff(reference: Run, run: Run) -> list[str]:
    """The unified diff of the two resolved scenario texts (empty when they are equal)."""
    old = str(reference.results.attrs.get("scenario", reference.manifest.get("scenario", "")))
    new = str(run.results.attrs.get("scenario", run.manifest.get("scenario", "")))
    return list(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), reference.label, run.label, lineterm=""
        )
    )


def _plain(da: xr.DataArray) -> xr.DataArray:
    """The array without non-index coordinates, so that runs stack by label only."""
    return da.reset_coords(drop=True).astype(float)


def _same(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    return np.isclose(old, new, rtol=TOLERANCE, atol=TOLERANCE, equal_nan=True)


def _cells(old: xr.DataArray, new: xr.DataArray) -> pd.DataFrame:
    """The cells where two aligned arrays differ: labels, old, new."""
    old, new = xr.align(_plain(old), _plain(new), join="outer")
    frame = pd.DataFrame(
        {"old": np.ravel(old.values), "new": np.ravel(new.values)},
        index=pd.MultiIndex.from_product([old.indexes[d] for d in old.dims], names=old.dims)
        if old.dims
        else [0],
    )
    frame = frame[~_same(frame["old"].to_numpy(), frame["new"].to_numpy())]
    return frame.reset_index() if old.dims else frame


def input_differences(reference: Run, run: Run) -> list[InputDifference]:
    """Every ``input_*`` array that differs between the reference and a run."""
    ours, theirs = reference.results, run.results
    names = sorted(
        {str(v) for v in [*ours.data_vars, *theirs.data_vars] if str(v).startswith("input_")}
    )
    found = []
    for name in names:
        units = str((ours[name] if name in ours else theirs[name]).attrs.get("units", ""))
        if name not in ours or name not in theirs:
            present = ours[name] if name in ours else theirs[name]
            missing_in = run.label if name in ours else reference.label
            empty = xr.full_like(_plain(present), np.nan)
            old, new = (present, empty) if name in ours else (empty, present)
            note = f"not in the results of {missing_in}"
            found.append(InputDifference(name, units, run.label, _cells(old, new), note))
            continue
        cells = _cells(ours[name], theirs[name])
        if len(cells):
            found.append(InputDifference(name, units, run.label, cells))
    return found


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Indicator:
    """A result a decision-maker reads: how to take it from a results Dataset."""

    name: str
    title: str
    compute: Callable[[xr.Dataset], xr.DataArray | None]
    #: Decimals in tables; a share is shown in percent.
    digits: int = 2
    #: Its labels add up, so tables show a total.
    additive: bool = True
    share: bool = False

    @property
    def smallest_shown(self) -> float:
        """The smallest difference the tables print as non-zero."""
        return 0.005 if self.share else 0.5 * 10.0 ** (-self.digits)


def _variable(name: str, total_over: tuple[str, ...] = ()) -> Callable:
    def compute(ds: xr.Dataset) -> xr.DataArray | None:
        if name not in ds:
            return None
        da = ds[name]
        dims = [d for d in total_over if d in da.dims]
        return da.sum(dims).assign_attrs(da.attrs) if dims else da

    return compute


def route_mix(ds: xr.Dataset) -> xr.DataArray | None:
    """Share of each route class in the output of each sector's service, per year.

    Rows are ``sector: service`` (outputs of different services are in different units and
    are not added up); a service without output in a year has no shares that year (NaN).
    """
    if "activity" not in ds or "route_class" not in ds.coords:
        return None
    route = ds.route
    # a route runs in its own sector only, so summing over sectors keeps its output whole
    per_route = ds["activity"].sum(["sector", "cluster"]).transpose("route", "year").to_pandas()
    rows = [f"{s}: {v}" for s, v in zip(route.route_sector.values, route.route_service.values)]
    keys = [
        pd.Index(rows, name="sector_service"),
        pd.Index(route.route_class.values, name="route_class"),
    ]
    output = per_route.groupby(keys).sum().stack().rename_axis([*[k.name for k in keys], "year"])
    by_class = xr.DataArray.from_series(output).fillna(0.0)
    total = by_class.sum("route_class")
    return (by_class / total.where(total > 0)).assign_attrs(
        units="1", description="Share of each route class in a service's output"
    )


def imports(ds: xr.Dataset) -> xr.DataArray | None:
    """Leakage: the results' ``imports``/``leakage``, else the activity of import routes.

    Per sector and year, in the output unit of the sector's imported product (Mt or PJ).
    """
    for name in ("imports", "leakage"):
        if name in ds:
            return ds[name]
    if "activity" not in ds or "route_class" not in ds.coords:
        return None
    is_import = (ds.route_class == "import").values
    if not is_import.any():
        return None
    routes = ds.route.values[is_import]
    sectors = [s for s in ds.sector.values if s in set(ds.route_sector.values[is_import])]
    units = dict(zip(ds.route_sector.values[is_import], ds.output_unit.values[is_import]))
    unique = set(units.values())
    # with several output units, the unit per sector comes from the route coordinates
    unit = f"{unique.pop()}/yr" if len(unique) == 1 else "output_unit/yr"
    imported = ds["activity"].sel(route=routes, sector=sectors).sum(["cluster", "route"])
    return imported.assign_attrs(
        units=unit, description="Product imports (activity of import routes): leakage"
    )


#: The results a comparison shows, in this order.
INDICATORS = (
    Indicator("emissions", "Direct CO2 emissions per cluster", _variable("emissions", ("sector",))),
    Indicator(
        "route_mix",
        "Route mix: share of output per route class",
        route_mix,
        digits=0,
        additive=False,
        share=True,
    ),
    Indicator("energy", "Energy use per carrier", _variable("energy_use", ("cluster",)), digits=1),
    Indicator("cost_industry", "Net cost to industry (undiscounted)", _variable("cost"), digits=0),
    Indicator(
        "cost_state", "Public outlay: cost to the state", _variable("public_outlay"), digits=0
    ),
    Indicator("subsidy_outlay", "Subsidy paid out", _variable("subsidy_paid"), digits=0),
    Indicator("imports", "Leakage: product imports per sector", imports, additive=False),
    Indicator(
        "dual_grid",
        "Shadow price of grid capacity",
        _variable("dual_grid"),
        digits=0,
        additive=False,
    ),
    Indicator(
        "dual_co2_storage",
        "Shadow price of CO2 storage",
        _variable("dual_co2_storage"),
        additive=False,
    ),
    Indicator(
        "hydrogen_marginal_cost",
        "Marginal cost of hydrogen",
        _variable("hydrogen_marginal_cost"),
        additive=False,
    ),
    Indicator(
        "dual_subsidy_budget",
        "Shadow price of subsidy budgets",
        _variable("dual_subsidy_budget"),
        digits=3,
        additive=False,
    ),
    Indicator(
        "dual_emission_cap",
        "CO2 price implied by the emission cap",
        _variable("dual_emission_cap"),
        additive=False,
    ),
)


def _stack(arrays: list[xr.DataArray | None], labels: list[str]) -> xr.DataArray | None:
    """Arrays of the runs along a ``run`` dimension, aligned by label (outer join)."""
    present = [(a, label) for a, label in zip(arrays, labels) if a is not None]
    if not present:
        return None
    attrs = dict(present[0][0].attrs)
    stacked = xr.concat(
        [_plain(a) for a, _ in present],
        dim=pd.Index([label for _, label in present], name="run"),
        join="outer",
    )
    return stacked.reindex(run=labels).assign_attrs(attrs)


def _relative(difference: xr.DataArray, reference: xr.DataArray) -> xr.DataArray:
    """difference / |reference|, NaN where the reference is zero."""
    scale = abs(reference).where(abs(reference) > TOLERANCE)
    return difference / scale


def results_side_by_side(runs: list[Run]) -> xr.Dataset:
    """Every indicator of every run along ``run``, with ``<name>_difference`` (run -
    reference) and ``<name>_relative_difference`` ((run - reference) / |reference|)."""
    labels = [r.label for r in runs]
    out = xr.Dataset()
    for indicator in INDICATORS:
        stacked = _stack([indicator.compute(r.results) for r in runs], labels)
        if stacked is None:
            continue
        reference = stacked.sel(run=labels[0], drop=True)
        difference = (stacked - reference).where(~_close(stacked, reference), 0.0)
        units = stacked.attrs.get("units", "")
        out[indicator.name] = stacked.assign_attrs(title=indicator.title)
        out[f"{indicator.name}_difference"] = difference.assign_attrs(
            units=units, description=f"{indicator.title}: run - {labels[0]}"
        )
        out[f"{indicator.name}_relative_difference"] = _relative(
            difference, reference
        ).assign_attrs(
            units="1", description=f"{indicator.title}: (run - {labels[0]}) / |{labels[0]}|"
        )
    return out


def _close(a: xr.DataArray, b: xr.DataArray) -> xr.DataArray:
    a, b = xr.broadcast(a, b)
    return xr.DataArray(_same(a.values, b.values), dims=a.dims, coords=a.coords)


# ---------------------------------------------------------------- the comparison


@dataclass
class Comparison:
    """What differs between runs: inputs first, then results (``results``)."""

    runs: list[Run]
    warnings: list[str]
    notes: list[str]
    scenario_diffs: dict[str, list[str]]
    inputs: list[InputDifference]
    results: xr.Dataset
    skipped: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [r.label for r in self.runs]

    @property
    def inputs_differ(self) -> bool:
        return bool(self.inputs) or any(self.scenario_diffs.values())

    def differing(self, indicator: Indicator) -> bool:
        """Does a run differ from the reference in this result (a value only one run has
        counts as a difference)?"""
        name = f"{indicator.name}_difference"
        if name not in self.results:
            return False
        difference = self.results[name]
        return bool(((abs(difference) >= indicator.smallest_shown) | difference.isnull()).any())

    @property
    def results_differ(self) -> bool:
        return any(self.differing(i) for i in INDICATORS)


def compare(runs: list[Run]) -> Comparison:
    """Compare runs against the first (the reference)."""
    reference = runs[0]
    results = results_side_by_side(runs)
    return Comparison(
        runs=runs,
        warnings=version_warnings(runs),
        notes=alignment_notes(runs),
        scenario_diffs={r.label: scenario_diff(reference, r) for r in runs[1:]},
        inputs=[d for r in runs[1:] for d in input_differences(reference, r)],
        results=results,
        skipped=[i.title for i in INDICATORS if i.name not in results],
    )


def default_folder(folders: list[Path], root: Path = Path("results")) -> Path:
    """``results/compare_<a>_vs_<b>``, from the folder names."""
    return root / ("compare_" + "_vs_".join(Path(f).resolve().name for f in folders))


# ---------------------------------------------------------------- tables


def key_years(years) -> list[int]:
    """The years tables show: 2030 where modelled, and the last year."""
    years = [int(y) for y in years]
    return sorted({years[-1], *[y for y in (2030,) if y in years]}) if years else []


def _number(value: float, indicator: Indicator) -> str:
    if not np.isfinite(value):
        return "-"
    if indicator.share:
        return f"{100 * value:.0f} %"
    return f"{value:,.{indicator.digits}f}"


def _difference_text(value: float, indicator: Indicator) -> str:
    if not np.isfinite(value):
        return "-"
    if indicator.share:
        return f"{100 * value:+.0f} pp"
    return f"{value:+,.{indicator.digits}f}"


def _row_label(key: tuple) -> str:
    return ": ".join(str(k) for k in key) if key else "national"


def _visible(delta: float, indicator: Indicator) -> bool:
    """Does a difference show at the precision the tables print (NaN: a label one run lacks)?"""
    return not np.isfinite(delta) or abs(delta) >= indicator.smallest_shown


def _row(
    label: str, year: int | None, values: list[float], indicator: Indicator, percent: bool
) -> tuple[list[str], bool]:
    """A table row (label, year, each run, then Δ and Δ % per other run); does it differ?"""
    reference = values[0]
    row = [label, "" if year is None else str(year), *[_number(v, indicator) for v in values]]
    differs = False
    for value in values[1:]:
        same = bool(_same(np.array(value), np.array(reference)))
        delta = 0.0 if same else value - reference
        differs |= not same and _visible(delta, indicator)
        row.append(_difference_text(delta, indicator))
        if percent:
            relative = delta / abs(reference) if abs(reference) > TOLERANCE else np.nan
            shown = not indicator.share and np.isfinite(relative)
            row.append(f"{100 * relative:+.0f} %" if shown else "-")
    return row, differs


def indicator_rows(
    comparison: Comparison, indicator: Indicator, only_differing: bool = True
) -> tuple[list[str], list[list[str]], int]:
    """Header and rows of one result: label, year, each run, Δ (and Δ %) per other run.

    Rows are the indicator's labels at the key years (2030 and the last), then the total
    where the labels add up. Returns the header, the rows (only those that differ, if
    asked) and how many rows were left out for having no difference.
    """
    values = comparison.results[indicator.name]
    labels = comparison.labels
    percent = len(labels) <= 3
    years = key_years(values.indexes["year"]) if "year" in values.dims else [None]
    dims = [d for d in values.dims if d not in ("run", "year")]
    header = [" / ".join(dims) or "region", "year", *labels]
    for label in labels[1:]:
        header += [f"Δ {label}", "Δ %"] if percent else [f"Δ {label}"]
    groups = [(_row_label(key), values.sel(dict(zip(dims, key)))) for key in _keys(values, dims)]
    if indicator.additive and dims:
        groups.append(("total", values.sum(dims, min_count=1)))
    rows, left_out = _rows(groups, years, indicator, percent, only_differing)
    if not rows and "year" in values.dims and only_differing:
        # no visible difference in the key years: show the years where there is one
        rows, left_out = _rows(
            groups, [int(y) for y in values.year.values], indicator, percent, True
        )
    return header, rows, left_out


def _rows(
    groups: list[tuple[str, xr.DataArray]],
    years: list,
    indicator: Indicator,
    percent: bool,
    only_differing: bool,
) -> tuple[list[list[str]], int]:
    rows, left_out = [], 0
    for label, series in groups:
        for year in years:
            at = series.sel(year=year) if year is not None else series
            row, differs = _row(label, year, [float(v) for v in at.values], indicator, percent)
            if only_differing and not differs:
                left_out += 1
                continue
            rows.append(row)
    return rows, left_out


def _keys(da: xr.DataArray, dims: list[str]) -> list[tuple]:
    if not dims:
        return [()]
    index = pd.MultiIndex.from_product([da.indexes[d] for d in dims])
    return [k if isinstance(k, tuple) else (k,) for k in index]


def _units(comparison: Comparison, indicator: Indicator) -> str:
    """The unit of an indicator as the page and the terminal write it."""
    from elektra.outputs.netcdf import unit_text

    if indicator.share:
        return "%"
    return unit_text(comparison.results[indicator.name], comparison.runs[0].results)


def terminal_tables(comparison: Comparison) -> list[Table | str]:
    """What the terminal shows after the warnings: notes, inputs, results (rich tables)."""
    parts: list[Table | str] = [f"[cyan]note:[/] {n}" for n in comparison.notes]
    parts += _input_tables(comparison)
    parts += _result_tables(comparison)
    return parts


def _input_tables(comparison: Comparison) -> list[Table | str]:
    reference = comparison.labels[0]
    if not comparison.inputs_differ:
        return [f"Inputs: no difference from {reference}."]
    parts: list[Table | str] = []
    for label, diff in comparison.scenario_diffs.items():
        if diff:
            lines = "\n".join(_coloured(line) for line in diff)
            parts.append(f"[bold]Scenario {label} against {reference}[/]\n{lines}")
    for found in comparison.inputs:
        parts.append(
            f"[bold]{found.name}[/] ({found.units}): {len(found.cells)} cells differ, "
            f"{reference} -> {found.run}" + (f"; {found.note}" if found.note else "")
        )
        table = Table()
        label_columns = [c for c in found.cells.columns if c not in ("old", "new")]
        for column in label_columns:
            table.add_column(str(column), overflow="fold")
        table.add_column(f"old ({reference})", justify="right")
        table.add_column(f"new ({found.run})", justify="right")
        for cell in found.cells.head(INPUT_ROWS).itertuples(index=False):
            cells = dict(zip(found.cells.columns, cell))
            table.add_row(
                *[str(cells[c]) for c in label_columns], _value(cells["old"]), _value(cells["new"])
            )
        if len(found.cells) > INPUT_ROWS:
            table.caption = f"... and {len(found.cells) - INPUT_ROWS} more (comparison.html)"
        parts.append(table)
    return parts


def _coloured(line: str) -> str:
    escaped = line.replace("[", r"\[")
    if line.startswith("+") and not line.startswith("+++"):
        return f"[green]{escaped}[/]"
    if line.startswith("-") and not line.startswith("---"):
        return f"[red]{escaped}[/]"
    return escaped


def _value(value: float) -> str:
    return "-" if not np.isfinite(value) else f"{value:.6g}"


def _result_tables(comparison: Comparison) -> list[Table | str]:
    if not comparison.results_differ:
        return [f"Results: no difference from {comparison.labels[0]} (at the precision shown)."]
    parts: list[Table | str] = []
    for indicator in INDICATORS:
        if indicator.name not in comparison.results:
            continue
        if not comparison.differing(indicator):
            parts.append(f"{indicator.title}: no difference.")
            continue
        header, rows, _ = indicator_rows(comparison, indicator)
        table = Table(title=f"{indicator.title} ({_units(comparison, indicator)})")
        for i, column in enumerate(header):
            table.add_column(column, justify="left" if i < 2 else "right", no_wrap=i > 0)
        for row in rows[:TERMINAL_ROWS]:
            table.add_row(*row, style="bold" if row[0] == "total" else None)
        if len(rows) > TERMINAL_ROWS:
            table.caption = f"... and {len(rows) - TERMINAL_ROWS} more rows (comparison.html)"
        parts.append(table)
    return parts


# ---------------------------------------------------------------- figures


def _flat(da: xr.DataArray) -> pd.DataFrame:
    """An array over (labels..., year) as a table: years as rows, one column per label."""
    dims = [d for d in da.dims if d != "year"]
    if not dims:
        return da.to_pandas().to_frame("value")
    table = da.stack(label=dims).transpose("year", "label").to_pandas()
    table.columns = [_row_label(k if isinstance(k, tuple) else (k,)) for k in table.columns]
    return table


def difference_figure(comparison: Comparison, indicator: Indicator) -> Figure | None:
    """Per other run a panel: the difference against the reference over the years.

    Only the labels with the largest differences are drawn; an indicator over years only
    (a national shadow price) is drawn as the runs' own values.
    """
    if indicator.name not in comparison.results or not comparison.differing(indicator):
        return None
    values = comparison.results[indicator.name]
    if "year" not in values.dims:
        return None
    from elektra.outputs.figures import DPI, SIZE, _years

    others = comparison.labels[1:]
    national = values.dims == ("run", "year")
    panels = 1 if national else len(others)
    figure = Figure(
        figsize=(SIZE[0], SIZE[1] * (0.6 + 0.4 * panels)), dpi=DPI, layout="constrained"
    )
    axes = figure.subplots(panels, 1, sharex=True, squeeze=False)[:, 0]
    units = _units(comparison, indicator)
    scale = 100.0 if indicator.share else 1.0
    if national:
        for label in comparison.labels:
            series = values.sel(run=label)
            axes[0].plot(
                series.year.values, scale * series.values, marker="o", markersize=3, label=label
            )
        axes[0].set_ylabel(units)
        axes[0].set_title(indicator.title)
    else:
        difference = comparison.results[f"{indicator.name}_difference"]
        for ax, label in zip(axes, others):
            table = scale * _flat(difference.sel(run=label))
            largest = table.abs().max().sort_values(ascending=False)
            largest = largest[largest > 0].index[:FIGURE_LABELS]
            for column in largest:
                ax.plot(table.index, table[column], marker="o", markersize=3, label=column)
            if indicator.additive:
                ax.plot(table.index, table.sum(axis=1), color="black", linewidth=2, label="total")
            ax.axhline(0, color="black", linewidth=0.6)
            ax.set_title(f"{indicator.title}: {label} - {comparison.labels[0]}")
            ax.set_ylabel(f"difference ({'pp' if indicator.share else units})")
    for ax in axes:
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
    _years(axes[-1], values.year.values)
    return figure


def make_difference_figures(comparison: Comparison, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for indicator in INDICATORS:
        figure = difference_figure(comparison, indicator)
        if figure is None:
            continue
        path = folder / f"{indicator.name}.png"
        figure.savefig(path, format="png")
        written.append(path)
    return written


# ---------------------------------------------------------------- the page


def _e(value: object) -> str:
    return html.escape(str(value))


def _page_inputs(comparison: Comparison) -> str:
    from elektra.outputs.netcdf import unit_text
    from elektra.outputs.report import _table, heading

    if not comparison.inputs_differ:
        return f"<p>No input differs from {_e(comparison.labels[0])}.</p>"
    parts = []
    for label, diff in comparison.scenario_diffs.items():
        if diff:
            parts.append(f"<h3>Scenario {_e(label)}</h3><pre>{_e(chr(10).join(diff))}</pre>")
    for found in comparison.inputs:
        cells = found.cells.head(PAGE_INPUT_ROWS)
        label_columns = [c for c in cells.columns if c not in ("old", "new")]
        rows = [
            [*[str(getattr(c, str(col))) for col in label_columns], _value(c.old), _value(c.new)]
            for c in cells.itertuples(index=False)
        ]
        more = len(found.cells) - len(cells)
        source = comparison.runs[0].results
        units = found.units
        if found.name in source:
            units = unit_text(source[found.name], source)
        parts.append(
            f"<h4>{heading(found.name, source, units)}, {_e(found.run)}</h4>"
            + (f"<p>{_e(found.note)}</p>" if found.note else "")
            + _table(
                [*map(str, label_columns), "old", "new"], rows, numeric_from=len(label_columns)
            )
            + (f"<p>... and {more} more cells (comparison.nc has them all).</p>" if more else "")
        )
    return "".join(parts)


def _page_results(comparison: Comparison) -> str:
    from elektra.outputs.report import _table

    parts = []
    for indicator in INDICATORS:
        if indicator.name not in comparison.results:
            continue
        title = f"<h3>{_e(indicator.title)} ({_e(_units(comparison, indicator))})</h3>"
        if not comparison.differing(indicator):
            parts.append(title + "<p>No difference.</p>")
            continue
        header, rows, left_out = indicator_rows(comparison, indicator)
        note = f"<p>{left_out} rows without a difference are not shown.</p>" if left_out else ""
        parts.append(title + _table(header, rows, numeric_from=2) + note)
    if comparison.skipped:
        parts.append(f"<p>Not in the results of any run: {_e(', '.join(comparison.skipped))}.</p>")
    return "".join(parts)


def _page_runs(comparison: Comparison) -> str:
    from elektra.outputs.report import _table

    rows = [
        [
            r.label,
            str(r.folder),
            _dataset(r),
            str(r.manifest.get("dataset_hash", "not recorded"))[:12],
            _elektra_version(r),
            str(r.manifest.get("git_commit", "?"))[:12],
            f"{float(r.results.attrs.get('objective', np.nan)):,.0f}",
        ]
        for r in comparison.runs
    ]
    header = ["run", "folder", "dataset", "data hash", "elektra", "commit", "objective (MEUR)"]
    return _table(header, rows, numeric_from=6)


def _page_figures(figures: list[Path]) -> str:
    parts = []
    for path in figures:
        data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
        caption = next((i.title for i in INDICATORS if i.name == Path(path).stem), path.stem)
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" alt="{_e(caption)}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>"
        )
    return "".join(parts) or "<p>No difference to draw.</p>"


def page(comparison: Comparison, figures: list[Path]) -> str:
    """The comparison as one self-contained HTML page (the style of the run report)."""
    from elektra.outputs.report import STYLE

    labels = comparison.labels
    title = " vs ".join(labels)
    alerts = "".join(f"<li><strong>warning:</strong> {_e(w)}</li>" for w in comparison.warnings)
    alerts += "".join(f"<li>note: {_e(n)}</li>" for n in comparison.notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>elektra comparison: {_e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>elektra comparison: {_e(title)}</h1>
<p class="description">The reference is {_e(labels[0])}. Every difference is the run less
the reference (Δ); Δ % is the difference over the reference's absolute value. Runs are
compared by label: where a run lacks a label (a year, a cluster), it shows NaN ("-").</p>
{f"<ul>{alerts}</ul>" if alerts else ""}
<h2>Runs</h2>
{_page_runs(comparison)}
<h2>What differs in the inputs</h2>
{_page_inputs(comparison)}
<h2>Results side by side</h2>
{_page_results(comparison)}
<h2>Differences over the years</h2>
{_page_figures(figures)}
</body></html>
"""


# ---------------------------------------------------------------- writing


def comparison_dataset(comparison: Comparison) -> xr.Dataset:
    """The results side by side plus every differing input, stacked along ``run``."""
    ds = comparison.results.copy()
    labels = comparison.labels
    for name in sorted({d.name for d in comparison.inputs}):
        arrays = [r.results[name] if name in r.results else None for r in comparison.runs]
        ds[name] = _stack(arrays, labels)
    ds.attrs.update(
        reference=labels[0],
        runs=", ".join(labels),
        folders=", ".join(str(r.folder) for r in comparison.runs),
        warnings="\n".join(comparison.warnings),
        notes="\n".join(comparison.notes),
        scenario_diff="\n".join(line for d in comparison.scenario_diffs.values() for line in d),
    )
    return ds


def _iamc(comparison: Comparison) -> pd.DataFrame | None:
    """The IAMC rows of every run, each under its label; None if a run cannot give them."""
    from elektra.outputs.iamc import to_iamc

    try:
        return pd.concat([to_iamc(r.results, scenario=r.label) for r in comparison.runs])
    except (KeyError, ValueError) as error:
        comparison.notes.append(f"iamc.csv not written: {error}")
        return None


def write_comparison(comparison: Comparison, out: Path, *, force: bool = False) -> Path:
    """Write the comparison folder ``out`` whole or not at all, through the same safe swap
    as a run's results folder, and return it; it may never hold a compared run."""
    import time

    from elektra.outputs.output import write_folder, write_netcdf

    def contents(staging: Path) -> None:
        table = _iamc(comparison)
        if table is not None:
            table.to_csv(staging / "iamc.csv", index=False)
        write_netcdf(
            comparison_dataset(comparison),
            staging / "comparison.nc",
            units_from=comparison.runs[0].results,
        )
        figures = make_difference_figures(comparison, staging / "figures")
        (staging / "comparison.html").write_text(page(comparison, figures), encoding="utf-8")

    runs = {run.label: str(run.folder) for run in comparison.runs}
    info = {
        "comparison_of": runs,
        # an elektra folder is recognised by this key: the hash of what was compared
        "scenario_hash": hashlib.sha256(json.dumps(runs, sort_keys=True).encode()).hexdigest(),
        "warnings": list(comparison.warnings),
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    folders = [run.folder for run in comparison.runs]
    return write_folder(Path(out), contents, info, force=force, protect=folders)
