"""The standard figures of a run, as PNG files: pure functions of the results Dataset.

Each figure is one small function from the Dataset to a matplotlib Figure (or ``None``
when the Dataset lacks what it shows); :func:`make_figures` writes them. Figures are made
with :class:`matplotlib.figure.Figure` and saved through the Agg canvas, so nothing opens a
window, the pyplot state is never touched and no figure stays in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from elektra.outputs.indicators import route_mix_shares

DPI = 110
SIZE = (8.0, 4.6)

#: Fixed colours, so that a route class or carrier looks the same in every figure and run.
ROUTE_CLASS_COLOURS = {
    "reference": "#7f7f7f",
    "electrification": "#1f77b4",
    "hydrogen": "#17becf",
    "blue_hydrogen": "#2ca02c",
    "biogas": "#8c564b",
    "ccs": "#9467bd",
    "import": "#ff7f0e",
}
CARRIER_COLOURS = {
    "natural_gas": "#8c8c8c",
    "electricity": "#1f77b4",
    "hydrogen": "#17becf",
    "biomethane": "#8c564b",
    "coal": "#3b3b3b",
    "oil": "#bcbd22",
}

#: The caption of each figure in the report, keyed by file name without ``.png``.
CAPTIONS = {
    "emissions_by_cluster": "Direct CO2 emissions after capture, per industrial cluster.",
    "emissions_by_sector": "Direct CO2 emissions after capture, per sector (all clusters).",
    "route_mix": "Share of each route class in the output of each sector and service, "
    "in the last year (all clusters).",
    "energy_by_carrier": "Use of each energy carrier (fuel, feedstock and electricity), "
    "all clusters.",
    "cost_by_component": "Net cost to industry per component, undiscounted; bars below zero "
    "are revenues and support, the line is the net total.",
    "hydrogen_marginal_cost": "Marginal cost of hydrogen: the dual of its national balance.",
    "grid": "Peak electricity demand against the grid limit per cluster, and the value of "
    "one more unit of grid capacity.",
}


def _units(da: xr.DataArray) -> str:
    return str(da.attrs.get("units", "")) or "1"


def _colours(labels: list[str], fixed: dict[str, str] | None = None) -> list:
    """A colour per label: the fixed colour if there is one, else from tab10/tab20."""
    palette = colormaps["tab10" if len(labels) <= 10 else "tab20"]
    fixed = fixed or {}
    return [fixed.get(label, palette(i % palette.N)) for i, label in enumerate(labels)]


def _table(da: xr.DataArray, columns: str) -> pd.DataFrame:
    """A 2-D array as a table with years as rows and one column per ``columns`` label."""
    table = da.transpose("year", columns).to_pandas()
    table.columns = [str(c) for c in table.columns]
    return table


def _figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    return figure, figure.add_subplot()


def _legend(ax: Axes, title: str | None = None) -> None:
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1],
        labels[::-1],
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize="small",
    )


def _years(ax: Axes, years: np.ndarray) -> None:
    """Integer year ticks, not more than about ten."""
    years = [int(y) for y in years]
    step = max(1, int(np.ceil(len(years) / 10)))
    ax.set_xticks(years[::step])
    ax.set_xlabel("year")


def _stacked_area(
    table: pd.DataFrame, title: str, ylabel: str, legend: str, fixed: dict[str, str] | None = None
) -> Figure | None:
    table = table.loc[:, table.abs().max() > 0]
    if table.empty:
        return None
    figure, ax = _figure()
    labels = list(table.columns)
    ax.stackplot(
        table.index.to_numpy(),
        *[table[c].to_numpy() for c in labels],
        labels=labels,
        colors=_colours(labels, fixed),
        alpha=0.9,
    )
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=min(0.0, float(table.clip(upper=0).sum(axis=1).min())))
    ax.margins(x=0)
    _years(ax, table.index.to_numpy())
    ax.grid(axis="y", alpha=0.3)
    _legend(ax, legend)
    return figure


def emissions_by_cluster(ds: xr.Dataset) -> Figure | None:
    if "emissions" not in ds:
        return None
    emissions = ds["emissions"].sum("sector")
    return _stacked_area(
        _table(emissions, "cluster"),
        "Direct CO2 emissions per cluster",
        f"CO2 emissions ({_units(ds['emissions'])})",
        "cluster",
    )


def emissions_by_sector(ds: xr.Dataset) -> Figure | None:
    if "emissions" not in ds:
        return None
    emissions = ds["emissions"].sum("cluster")
    return _stacked_area(
        _table(emissions, "sector"),
        "Direct CO2 emissions per sector",
        f"CO2 emissions ({_units(ds['emissions'])})",
        "sector",
    )


def energy_by_carrier(ds: xr.Dataset) -> Figure | None:
    if "energy_use" not in ds:
        return None
    use = ds["energy_use"].sum("cluster")
    return _stacked_area(
        _table(use, "carrier"),
        "Energy use per carrier",
        f"energy use ({_units(ds['energy_use'])})",
        "carrier",
        CARRIER_COLOURS,
    )


def route_mix(ds: xr.Dataset) -> Figure | None:
    if "activity" not in ds:
        return None
    year = int(ds.year.values[-1])
    shares = route_mix_shares(ds, year)
    if shares.empty:
        return None
    shares = shares.loc[:, shares.max() > 0]
    figure = Figure(
        figsize=(SIZE[0], max(2.5, 1.2 + 0.38 * len(shares))), dpi=DPI, layout="constrained"
    )
    ax = figure.add_subplot()
    positions = np.arange(len(shares))[::-1]
    left = np.zeros(len(shares))
    colours = _colours(list(shares.columns), ROUTE_CLASS_COLOURS)
    for route_class, colour in zip(shares.columns, colours, strict=True):
        values = 100 * shares[route_class].to_numpy()
        ax.barh(positions, values, left=left, color=colour, label=route_class, height=0.7)
        left += values
    ax.set_yticks(positions, shares.index)
    ax.set_ylim(-0.6, len(shares) - 0.4)
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of output (%)")
    ax.set_ylabel("sector")
    ax.set_title(f"Route mix per sector, {year}")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles,
        labels,
        title="route class",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize="small",
    )
    return figure


def cost_by_component(ds: xr.Dataset) -> Figure | None:
    if "cost" not in ds:
        return None
    table = _table(ds["cost"], "cost_component")
    table = table.loc[:, table.abs().max() > 0]
    if table.empty:
        return None
    figure, ax = _figure()
    years = table.index.to_numpy()
    up, down = np.zeros(len(years)), np.zeros(len(years))
    for component, colour in zip(table.columns, _colours(list(table.columns)), strict=True):
        values = table[component].to_numpy()
        bottom = np.where(values >= 0, up, down)
        ax.bar(years, values, bottom=bottom, color=colour, label=component, width=0.7)
        up += np.clip(values, 0, None)
        down += np.clip(values, None, 0)
    ax.plot(
        years,
        table.sum(axis=1).to_numpy(),
        color="black",
        marker="o",
        markersize=3,
        label="net total",
    )
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_title("Net cost to industry per component (undiscounted)")
    ax.set_ylabel(f"cost ({_units(ds['cost'])})")
    _years(ax, years)
    ax.grid(axis="y", alpha=0.3)
    _legend(ax, "component")
    return figure


def produced_carrier_duals(ds: xr.Dataset) -> xr.DataArray | None:
    """``dual_carrier_balance`` of the carriers made in the model (the others are NaN)."""
    if "dual_carrier_balance" not in ds:
        return None
    dual = ds["dual_carrier_balance"]
    dual = dual.sel(carrier=dual.notnull().any("year"))
    return dual if dual.sizes["carrier"] else None


def hydrogen_marginal_cost(ds: xr.Dataset) -> Figure | None:
    dual = produced_carrier_duals(ds)
    if dual is None:
        return None
    figure, ax = _figure()
    for carrier, colour in zip(
        dual.carrier.values,
        _colours([str(k) for k in dual.carrier.values], CARRIER_COLOURS),
        strict=True,
    ):
        ax.plot(
            dual.year.values,
            dual.sel(carrier=carrier).values,
            marker="o",
            markersize=3,
            color=colour,
            label=str(carrier),
        )
    units = _units(dual)
    ax.set_title("Marginal cost of hydrogen")
    ax.set_ylabel(f"marginal cost ({units}{' = EUR/GJ' if units == 'MEUR/PJ' else ''})")
    ax.set_ylim(bottom=min(0.0, float(dual.min())))
    _years(ax, dual.year.values)
    ax.grid(alpha=0.3)
    _legend(ax, "carrier")
    return figure


def grid(ds: xr.Dataset) -> Figure | None:
    """Peak against limit per cluster; the grid dual in a second panel when present."""
    if "grid_peak" not in ds or "grid_limit" not in ds:
        return None
    peak, limit = ds["grid_peak"], ds["grid_limit"]
    dual = ds["dual_grid"] if "dual_grid" in ds else None
    panels = 2 if dual is not None else 1
    figure = Figure(
        figsize=(SIZE[0], SIZE[1] * (1 + 0.6 * (panels - 1))), dpi=DPI, layout="constrained"
    )
    axes = figure.subplots(panels, 1, sharex=True, squeeze=False)[:, 0]
    clusters = [str(c) for c in peak.cluster.values]
    colours = _colours(clusters)
    for cluster, colour in zip(clusters, colours, strict=True):
        axes[0].plot(
            peak.year.values,
            peak.sel(cluster=cluster).values,
            color=colour,
            marker="o",
            markersize=3,
            label=f"{cluster} peak",
        )
        axes[0].plot(
            limit.year.values,
            limit.sel(cluster=cluster).values,
            color=colour,
            linestyle="--",
            label=f"{cluster} limit",
        )
    axes[0].set_title("Electricity grid: peak demand and limit per cluster")
    axes[0].set_ylabel(f"grid ({_units(peak)})")
    axes[0].grid(alpha=0.3)
    axes[0].legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize="small",
        title="cluster",
    )
    if dual is not None:
        values = dual.sum([d for d in dual.dims if d not in ("cluster", "year")])
        for cluster, colour in zip(clusters, colours, strict=True):
            if cluster in values.cluster.values:
                axes[1].plot(
                    values.year.values,
                    values.sel(cluster=cluster).values,
                    color=colour,
                    marker="o",
                    markersize=3,
                    label=cluster,
                )
        axes[1].set_title("Value of one more unit of grid capacity (dual)")
        axes[1].set_ylabel(f"dual ({_units(dual)})")
        axes[1].grid(alpha=0.3)
        axes[1].legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize="small",
            title="cluster",
        )
    _years(axes[-1], peak.year.values)
    return figure


#: The standard figures in the order the report shows them: file name -> function.
FIGURES: dict[str, Callable[[xr.Dataset], Figure | None]] = {
    "emissions_by_cluster": emissions_by_cluster,
    "emissions_by_sector": emissions_by_sector,
    "route_mix": route_mix,
    "energy_by_carrier": energy_by_carrier,
    "cost_by_component": cost_by_component,
    "hydrogen_marginal_cost": hydrogen_marginal_cost,
    "grid": grid,
}


def make_figures(ds: xr.Dataset, folder: Path) -> list[Path]:
    """Write the standard figures the Dataset has data for; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in FIGURES.items():
        figure = draw(ds)
        if figure is None:
            continue
        path = folder / f"{name}.png"
        figure.savefig(path, dpi=DPI, format="png")
        written.append(path)
    return written
