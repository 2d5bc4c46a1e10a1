"""Write an MCA's folder atomically: mca.nc, figures, report.html, manifest.json.

Everything here is a pure function of the MCA Dataset that :func:`elektra.studies.mca.run_mca`
returns: the figures and the page never recompute a score. The folder is written under a
temporary name and renamed when complete, like a run's folder (:mod:`elektra.outputs.output`).
"""

from __future__ import annotations

import base64
import time
from pathlib import Path

import numpy as np
import xarray as xr
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from rich.table import Table

from elektra.outputs.output import _versions, git_commit, write_netcdf
from elektra.outputs.report import STYLE, _e, _table

DPI = 110

#: Short method names for tables and figures.
METHOD_LABELS = {"weighted_sum": "WSM", "topsis": "TOPSIS", "promethee_ii": "PROMETHEE II"}


def _label(method: str) -> str:
    return METHOD_LABELS.get(method, method)


def _option_colours(options: list[str]) -> dict[str, tuple]:
    palette = colormaps["tab10" if len(options) <= 10 else "tab20"]
    return {option: palette(i % palette.N) for i, option in enumerate(options)}


def _names(ds: xr.Dataset) -> dict[str, str]:
    return {str(o): str(n) for o, n in zip(ds.option.values, ds.option_name.values, strict=True)}


def criterion_name(criterion: str) -> str:
    """``emissions_2035_if_excluded`` -> ``emissions 2035 if excluded``: a criterion label
    as a reader's words in tables (the label itself stays in mca.nc)."""
    return str(criterion).replace("_", " ")


def _words(label: str) -> str:
    """``uniform_weights`` -> ``Uniform weights``."""
    text = str(label).replace("_", " ")
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------


def ranking_figure(ds: xr.Dataset) -> Figure:
    """Rank of each option per method, one panel per weighting (1 at the top)."""
    weightings = [str(w) for w in ds.weighting.values]
    methods = [str(m) for m in ds.mca_method.values]
    options = [str(o) for o in ds.option.values]
    colours, names = _option_colours(options), _names(ds)
    figure = Figure(figsize=(3.2 * len(weightings) + 2.5, 4.2), dpi=DPI, layout="constrained")
    axes = figure.subplots(1, len(weightings), sharey=True, squeeze=False)[0]
    x = np.arange(len(methods))
    for ax, weighting in zip(axes, weightings, strict=True):
        for option in options:
            ranks = ds["ranking"].sel(weighting=weighting, option=option).values
            ax.plot(x, ranks, marker="o", color=colours[option], label=names[option])
        ax.set_xticks(x, [_label(m) for m in methods])
        ax.set_title(f"weighting: {weighting}")
        ax.set_ylim(len(options) + 0.5, 0.5)
        ax.set_yticks(range(1, len(options) + 1))
        ax.grid(axis="y", alpha=0.3)
    axes[0].set_ylabel("rank (1 = best)")
    axes[-1].legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=8)
    return figure


def acceptability_figure(ds: xr.Dataset, case: str) -> Figure:
    """Stacked bars: the share of draws in which each option takes each place."""
    methods = [str(m) for m in ds.mca_method.values]
    options = [str(o) for o in ds.option.values]
    names = _names(ds)
    places = [int(p) for p in ds.place.values]
    palette = colormaps["viridis"]
    colours = [palette(i / max(1, len(places) - 1)) for i in range(len(places))]
    figure = Figure(
        figsize=(3.6 * len(methods) + 1.5, 0.45 * len(options) + 1.8), dpi=DPI, layout="constrained"
    )
    axes = figure.subplots(1, len(methods), sharey=True, squeeze=False)[0]
    y = np.arange(len(options))
    for ax, method in zip(axes, methods, strict=True):
        shares = (
            ds["rank_acceptability"]
            .sel(case=case, mca_method=method)
            .transpose("option", "place")
            .values
        )
        left = np.zeros(len(options))
        for k, place in enumerate(places):
            ax.barh(y, shares[:, k], left=left, color=colours[k], label=str(place))
            left += shares[:, k]
        ax.set_title(_label(method))
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of draws")
    axes[0].set_yticks(y, [names[o] for o in options])
    axes[0].invert_yaxis()
    axes[-1].legend(title="place", loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=8)
    figure.suptitle(f"Rank acceptability ({case.replace('_', ' ')})")
    return figure


def sensitivity_figure(ds: xr.Dataset, weighting: str) -> Figure:
    """Per criterion: the top-ranked option along its weight axis, one band per method."""
    criteria = [str(c) for c in ds.criterion.values]
    methods = [str(m) for m in ds.mca_method.values]
    options = [str(o) for o in ds.option.values]
    colours, names = _option_colours(options), _names(ds)
    grid = ds["sensitivity_weight"].values
    columns = min(3, len(criteria))
    rows = int(np.ceil(len(criteria) / columns))
    figure = Figure(
        figsize=(4.0 * columns, 1.1 + 0.35 * len(methods) * rows + 0.6 * rows),
        dpi=DPI,
        layout="constrained",
    )
    axes = np.atleast_1d(figure.subplots(rows, columns, squeeze=False).ravel())
    step = grid[1] - grid[0]
    for ax, criterion in zip(axes, criteria, strict=False):
        current = float(ds["weight"].sel(weighting=weighting, criterion=criterion))
        for b, method in enumerate(methods):
            tops = (
                ds["sensitivity_top"]
                .sel(weighting=weighting, mca_method=method, criterion=criterion)
                .values
            )
            ax.barh(
                b,
                np.full(len(grid), step),
                left=grid - step / 2,
                height=0.8,
                color=[colours[str(t)] for t in tops],
                linewidth=0,
            )
        ax.axvline(current, color="black", linewidth=1.2)
        ax.set_yticks(range(len(methods)), [_label(m) for m in methods], fontsize=8)
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        ax.set_title(criterion, fontsize=9)
        ax.tick_params(axis="x", labelsize=8)
    for ax in axes[len(criteria) :]:
        ax.set_visible(False)
    handles = [Patch(color=colours[o], label=names[o]) for o in options]
    figure.legend(
        handles=handles, loc="outside lower center", ncols=min(4, len(options)), fontsize=8
    )
    figure.suptitle(
        f"Top-ranked option as one criterion's weight goes from 0 to 1 (others scaled); "
        f"black line: weighting '{weighting}'",
        fontsize=10,
    )
    return figure


def make_figures(ds: xr.Dataset, folder: Path) -> list[tuple[Path, str]]:
    """Write the MCA figures; return (path, caption) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    figures = [
        (
            "ranking",
            ranking_figure(ds),
            "Rank of each option by each method, per weighting.",
        )
    ]
    for case in ds.case.values:
        case = str(case)
        if case == "uniform_weights":
            caption = (
                "Rank acceptability with weights uniform on the simplex and values within "
                f"their ranges ({ds.attrs['samples']} draws, seed {ds.attrs['seed']})."
            )
        else:
            caption = (
                f"Rank acceptability with weighting '{case}' and values within their ranges "
                f"({ds.attrs['samples']} draws)."
            )
        figures.append((f"rank_acceptability_{case}", acceptability_figure(ds, case), caption))
    for weighting in ds.weighting.values:
        weighting = str(weighting)
        figures.append(
            (
                f"weight_sensitivity_{weighting}",
                sensitivity_figure(ds, weighting),
                f"Weight sensitivity around weighting '{weighting}': the colour is the "
                "top-ranked option; the black line is the weighting's own weight.",
            )
        )
    written = []
    for name, figure, caption in figures:
        path = folder / f"{name}.png"
        figure.savefig(path, dpi=DPI, format="png")
        written.append((path, caption))
    return written


# --------------------------------------------------------------------------------------
# Tables: terminal and HTML
# --------------------------------------------------------------------------------------


def ranking_rows(ds: xr.Dataset, weighting: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the ranking table of one weighting, best PROMETHEE/first method first."""
    methods = [str(m) for m in ds.mca_method.values]
    names = _names(ds)
    ranks = ds["ranking"].sel(weighting=weighting)
    scores = ds["score"].sel(weighting=weighting)
    order = ranks.mean("mca_method").to_series().sort_values().index
    header = ["option", *[f"{_label(m)} rank (score)" for m in methods]]
    rows = []
    for option in order:
        cells = [names[str(option)]]
        for method in methods:
            rank = float(ranks.sel(mca_method=method, option=option))
            score = float(scores.sel(mca_method=method, option=option))
            cells.append(f"{rank:g} ({score:.3f})")
        rows.append(cells)
    return header, rows


def terminal_tables(ds: xr.Dataset) -> list[Table]:
    """One rich table per weighting: the rank and score of each option by each method."""
    tables = []
    for weighting in ds.weighting.values:
        header, rows = ranking_rows(ds, str(weighting))
        weights = ds["weight"].sel(weighting=weighting)
        caption = ", ".join(
            f"{c} {float(w):.2f}" for c, w in zip(ds.criterion.values, weights.values, strict=True)
        )
        table = Table(
            title=f"MCA {ds.attrs['mca_name']}: ranking, weighting '{weighting}'",
            caption=f"weights (normalised to sum 1): {caption}",
        )
        for i, column in enumerate(header):
            table.add_column(column, justify="left" if i == 0 else "right")
        for row in rows:
            table.add_row(*row)
        tables.append(table)
    return tables


def _number(value: float) -> str:
    if np.isnan(value):
        return "-"
    if value == 0 or 0.01 <= abs(value) < 1e5:
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:.3g}"


def _performance_html(ds: xr.Dataset) -> str:
    """Criteria as rows and options as columns: eleven criteria do not fit side by side."""
    names = _names(ds)
    options = [str(o) for o in ds.option.values]
    rows = []
    for criterion, unit, direction in zip(
        ds.criterion.values, ds.criterion_unit.values, ds.criterion_direction.values, strict=True
    ):
        cells = [criterion_name(criterion), f"{unit}, {direction}"]
        for option in options:
            value = float(ds["performance"].sel(option=option, criterion=criterion))
            low = float(ds["performance_low"].sel(option=option, criterion=criterion))
            high = float(ds["performance_high"].sel(option=option, criterion=criterion))
            text = _number(value)
            if not np.isnan(low):
                text += f" [{_number(low)}–{_number(high)}]"
            if str(ds["value_source"].sel(option=option, criterion=criterion)) == "LP":
                text += " (LP)"
            cells.append(text)
        rows.append(cells)
    return _table(["criterion", "unit", *[names[o] for o in options]], rows, numeric_from=2)


def _threshold_html(ds: xr.Dataset) -> str:
    parts = []
    names = _names(ds)
    for criterion, threshold in zip(
        ds.criterion.values, ds.criterion_threshold.values, strict=True
    ):
        if np.isnan(threshold):
            continue
        unit = str(ds.criterion_unit.sel(criterion=criterion).values)
        rows = []
        for option in ds.option.values:
            value = float(ds["performance"].sel(option=option, criterion=criterion))
            high = float(ds["performance_high"].sel(option=option, criterion=criterion))
            verdict = "below" if value <= threshold else "above"
            if not np.isnan(high) and value <= threshold < high:
                verdict = "below (above at the high end of its range)"
            rows.append([names[str(option)], verdict, _number(value)])
        parts.append(
            f"<p>{_e(criterion_name(criterion))} against the threshold of {threshold:g} "
            f"{_e(unit)}.</p>"
            + _table(
                ["option", "against the threshold", f"{criterion_name(criterion)} ({unit})"],
                rows,
                numeric_from=2,
            )
        )
    return "".join(parts)


def _sources_html(ds: xr.Dataset) -> str:
    rows = []
    for criterion in ds.criterion.values:
        sources = sorted({str(s) for s in ds["value_source"].sel(criterion=criterion).values})
        rows.append(
            [
                criterion_name(criterion),
                str(ds.criterion_unit.sel(criterion=criterion).values),
                str(ds.criterion_direction.sel(criterion=criterion).values),
                str(ds.criterion_source.sel(criterion=criterion).values),
                "; ".join(sources),
            ]
        )
    return _table(
        ["criterion", "unit", "direction", "description", "sources of the values"],
        rows,
        numeric_from=9,
    )


def _weights_html(ds: xr.Dataset) -> str:
    """Criteria as rows, weightings as columns."""
    weightings = [str(w) for w in ds.weighting.values]
    rows = []
    for criterion in ds.criterion.values:
        cells = [criterion_name(criterion)]
        for weighting in weightings:
            used = float(ds["weight"].sel(weighting=weighting, criterion=criterion))
            given = float(ds["weight_given"].sel(weighting=weighting, criterion=criterion))
            cells.append(f"{used:.3f} ({given:g})")
        rows.append(cells)
    return (
        "<p>Weights are normalised to sum 1 in each weighting; the figure in brackets is "
        "the weight as written in the spec.</p>"
        + _table(["criterion", *[_words(w) for w in weightings]], rows)
    )


def _acceptability_html(ds: xr.Dataset) -> str:
    """One table per case (options as rows, methods as columns)."""
    names = _names(ds)
    methods = [str(m) for m in ds.mca_method.values]
    parts = ["<p>Share of draws in which each option ranks first.</p>"]
    for case in ds.case.values:
        rows = []
        for option in ds.option.values:
            first = ds["rank_acceptability"].sel(case=case, option=option, place=1)
            rows.append(
                [
                    names[str(option)],
                    *[f"{100 * float(first.sel(mca_method=m)):.0f} %" for m in methods],
                ]
            )
        parts.append(
            f"<h3>{_e(_words(case))}</h3>" + _table(["option", *[_label(m) for m in methods]], rows)
        )
    return "".join(parts)


def _stability_html(ds: xr.Dataset) -> str:
    parts = []
    names = _names(ds)
    for weighting in ds.weighting.values:
        rows = []
        for criterion in ds.criterion.values:
            cells = [
                criterion_name(criterion),
                f"{float(ds['weight'].sel(weighting=weighting, criterion=criterion)):.3f}",
            ]
            for method in ds.mca_method.values:
                low = float(
                    ds["stable_from"].sel(
                        weighting=weighting, mca_method=method, criterion=criterion
                    )
                )
                high = float(
                    ds["stable_to"].sel(weighting=weighting, mca_method=method, criterion=criterion)
                )
                cells.append(f"{low:.3f} – {high:.3f}")
            rows.append(cells)
        top = {
            str(m): names[
                str(ds["ranking"].sel(weighting=weighting, mca_method=m).idxmin("option").values)
            ]
            for m in ds.mca_method.values
        }
        leaders = ", ".join(f"{_label(m)}: {t}" for m, t in top.items())
        parts.append(
            f"<h3>Weighting: {_e(_words(weighting))}</h3><p>Top option: {_e(leaders)}. Each cell is the "
            "range of the criterion's weight (others scaled) over which that top option "
            "stays first.</p>"
            + _table(
                ["criterion", "weight", *[f"{_label(str(m))}" for m in ds.mca_method.values]], rows
            )
        )
    return "".join(parts)


def _figures_html(figures: list[tuple[Path, str]]) -> str:
    parts = []
    for path, caption in figures:
        data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" alt="{_e(caption)}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>"
        )
    return "".join(parts)


def write_report(ds: xr.Dataset, path: Path, figures: list[tuple[Path, str]]) -> None:
    """A self-contained HTML page of the MCA (figures as base64, style inline)."""
    name = ds.attrs["mca_name"]
    by_name = {Path(p).stem: (p, c) for p, c in figures}
    ranking_parts = []
    for weighting in ds.weighting.values:
        header, rows = ranking_rows(ds, str(weighting))
        ranking_parts.append(f"<h3>Weighting: {_e(_words(weighting))}</h3>" + _table(header, rows))
    methods = "".join(f"<li>{_e(s)}</li>" for s in ds.method_statement.values)
    acceptability_figures = [v for k, v in by_name.items() if k.startswith("rank_acceptability_")]
    sensitivity_figures = [v for k, v in by_name.items() if k.startswith("weight_sensitivity_")]
    provenance = [
        ("spec", ds.attrs["spec_file"]),
        ("spec hash", ds.attrs["spec_hash"][:16]),
        ("data file", ds.attrs["data_file"] or "-"),
        ("LP scenario", ds.attrs["scenario_file"] or "-"),
        ("LP criteria", ds.attrs["lp_criteria"] or "-"),
        ("Monte Carlo", f"{ds.attrs['samples']} draws, seed {ds.attrs['seed']}"),
        ("written", time.strftime("%Y-%m-%d %H:%M")),
    ]
    footer = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in provenance)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>elektra MCA: {_e(name)}</title><style>{STYLE}</style></head>
<body>
<h1>Multi-criteria analysis: {_e(name)}</h1>
<p class="description">{_e(ds.attrs.get("description", ""))}</p>
<h2>Ranking</h2>
{"".join(ranking_parts)}
{_figures_html([by_name["ranking"]])}
<h2>Methods</h2>
<ul>{methods}</ul>
<p>Every score comes from pymcdm; a higher score is better. Ties share the mean of
their places.</p>
<h2>Criteria</h2>
{_sources_html(ds)}
<h2>Performance table</h2>
<p>Value per option and criterion, with its range [low–high] where the data gives one;
(LP) marks a value computed from the LP scenario.</p>
{_performance_html(ds)}
{_threshold_html(ds)}
<h2>Weights</h2>
{_weights_html(ds)}
<h2>Robustness: rank acceptability</h2>
<p>{_e(ds.attrs["monte_carlo"])}.</p>
{_acceptability_html(ds)}
{_figures_html(acceptability_figures)}
<h2>Robustness: weight sensitivity</h2>
{_stability_html(ds)}
{_figures_html(sensitivity_figures)}
<footer><h2>Provenance</h2><dl class="key">{footer}</dl>
<p>Written by elektra.</p></footer>
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------------------
# The folder
# --------------------------------------------------------------------------------------


def write_mca(
    ds: xr.Dataset, out: Path, extras: bool = True, *, force: bool = False, protect=()
) -> Path:
    """Write the MCA folder ``out`` whole or not at all (mca.nc, figures, report.html,
    manifest), through the same safe swap as a run's results folder; ``force`` and
    ``protect`` as for :func:`elektra.outputs.output.write_folder`."""
    from elektra.outputs.output import write_folder

    def contents(staging: Path) -> None:
        write_netcdf(ds, staging / "mca.nc")
        if extras:
            figures = make_figures(ds, staging / "figures")
            write_report(ds, staging / "report.html", figures)

    info = {
        "mca_name": ds.attrs["mca_name"],
        # an elektra folder is recognised by this key: the MCA's spec hash stands for it
        "scenario_hash": ds.attrs["spec_hash"],
        "spec_hash": ds.attrs["spec_hash"],
        "spec_file": ds.attrs["spec_file"],
        "data_file": ds.attrs["data_file"],
        "scenario_file": ds.attrs["scenario_file"],
        "samples": ds.attrs["samples"],
        "seed": ds.attrs["seed"],
        "git_commit": git_commit(Path(ds.attrs["spec_file"]).parent),
        "versions": {**_versions(), "pymcdm": _pymcdm_version()},
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    return write_folder(Path(out), contents, info, force=force, protect=protect)


def _pymcdm_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("pymcdm")
    except metadata.PackageNotFoundError:
        return "not installed"
