"""One self-contained HTML page of a run, for readers who do not run Python.

The page holds its figures as base64 data URIs and its style inline: it can be mailed,
archived or opened offline and shows the same thing everywhere. It is a pure function of
the results Dataset (and the figures already drawn from it); every text is escaped.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import numpy as np
import xarray as xr
import yaml

from elektra.outputs.figures import CAPTIONS, produced_carrier_duals
from elektra.outputs.indicators import reading, route_mix_shares

#: Duals shown in their own sections; every other ``dual_*`` is listed where non-zero.
OWN_SECTION_DUALS = ("dual_demand", "dual_carrier_balance")

#: Duals of the routes' technical limits, listed after the policy duals.
TECHNICAL_DUALS = ("dual_capacity_limit", "dual_potential_limit")

#: A dual below this absolute value counts as zero (not binding).
ZERO = 1e-9

#: A text cell longer than this (characters) may break anywhere (sources, reasons).
LONG_TEXT = 60

#: How many non-zero cells of a dual the page lists, largest first.
DUAL_ROWS = 10

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
.description { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; max-width: 100%; }
th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
th { background: #f4f4f4; text-align: left; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.long { overflow-wrap: anywhere; min-width: 14rem; }
h3 code, h4 code { font-size: 0.8em; font-weight: normal; color: #666; }
tr.total td { font-weight: bold; border-top: 1px solid #999; }
dl.key { display: grid; grid-template-columns: max-content auto; gap: 0.3rem 1.2rem; }
dl.key dt { color: #555; } dl.key dd { margin: 0; font-weight: bold; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9rem; }
pre { background: #f6f6f6; padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; }
footer { margin-top: 3rem; color: #555; font-size: 0.88rem; }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def readable(name: str, ds: xr.Dataset | None = None) -> str:
    """What a variable is, for a heading: its description up to the first full stop or
    bracket (an input's from the parameter registry), else its name in words."""
    from elektra.inputs.parameters import PARAMETERS

    description = ""
    if ds is not None and name in ds:
        description = str(ds[name].attrs.get("description", ""))
    if not description and name.removeprefix("input_") in PARAMETERS:
        description = PARAMETERS[name.removeprefix("input_")].description
    text = description.split(". ")[0].split(" (")[0].rstrip(".").strip()
    if not text:
        text = name.removeprefix("input_").removeprefix("dual_").replace("_", " ")
        return text[:1].upper() + text[1:]
    return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + " ..."


def heading(name: str, ds: xr.Dataset | None = None, units: str = "") -> str:
    """``Readable title <code>name</code> (units)``, escaped, for an h3 or h4."""
    unit = f" ({_e(units)})" if units else ""
    return f"{_e(readable(name, ds))} <code>{_e(name)}</code>{unit}"


def money_note(ds: xr.Dataset) -> str:
    """Which euros the money is in, from the dataset's price base year (one place)."""
    from elektra.outputs.iamc import currency

    try:
        euro = currency(ds)
    except ValueError:
        return "euro"
    return f"euro of {euro.removeprefix('EUR_')} ({euro})"


def emissions_text(value: float) -> str:
    """An emission figure as the page writes it (Mt/yr, two decimals)."""
    return f"{value:,.2f}"


def cost_text(value: float) -> str:
    """A money figure as the page writes it (MEUR, no decimals)."""
    return f"{value:,.0f}"


def shown_years(ds: xr.Dataset) -> list[int]:
    """The years the tables show: first, 2030 where modelled, last."""
    years = [int(y) for y in ds.year.values]
    return sorted({years[0], years[-1], *[y for y in (2030,) if y in years]})


def _table(
    header: list[str], rows: list[list[str]], numeric_from: int = 1, total: bool = False
) -> str:
    """An HTML table; columns from ``numeric_from`` on are right-aligned numbers."""

    def kind(i: int, value: str) -> str:
        if i >= numeric_from:
            return " class=number"
        # long prose (sources, reasons) may break anywhere rather than widen the page
        return " class=long" if len(str(value)) > LONG_TEXT else ""

    def cells(values: list[str], tag: str) -> str:
        return "".join(f"<{tag}{kind(i, v)}>{_e(v)}</{tag}>" for i, v in enumerate(values))

    body = []
    for i, row in enumerate(rows):
        last = total and i == len(rows) - 1
        body.append(f"<tr{' class=total' if last else ''}>{cells(row, 'td')}</tr>")
    return (
        f"<table><thead><tr>{cells(header, 'th')}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _description(ds: xr.Dataset) -> str:
    try:
        scenario = yaml.safe_load(ds.attrs.get("scenario", "")) or {}
    except yaml.YAMLError:
        return ""
    return str(scenario.get("description", "")) if isinstance(scenario, dict) else ""


def _key_numbers(ds: xr.Dataset) -> str:
    years = shown_years(ds)
    first, last = years[0], years[-1]
    total = ds["emissions"].sum(["sector", "cluster"])
    units = ds["emissions"].attrs.get("units", "Mt/yr")
    items = [
        (f"CO2 emissions {y}", f"{emissions_text(float(total.sel(year=y)))} {units}") for y in years
    ]
    start, end = float(total.sel(year=first)), float(total.sel(year=last))
    change = f"{emissions_text(end - start)} {units}"
    if start > 0:
        change += f" ({100 * (end - start) / start:+.0f} %)"
    items.append((f"Change {first} to {last}", change))
    if "captured_co2" in ds:
        captured = float(ds["captured_co2"].sel(year=last).sum())
        if captured > ZERO:
            items.append((f"CO2 captured {last}", f"{emissions_text(captured)} {units}"))
    cost = ds["cost"].sum("cost_component")
    for y in (first, last):
        items.append((f"Net cost to industry {y}", f"{cost_text(float(cost.sel(year=y)))} MEUR/yr"))
    items.append(
        (
            f"Net cost to industry, sum {first}-{last} (undiscounted)",
            f"{cost_text(float(cost.sum()))} MEUR",
        )
    )
    if "social_cost" in ds:
        social = ds["social_cost"]
        items.append(
            (
                f"Cost to society {last} (transfers left out)",
                f"{cost_text(float(social.sel(year=last)))} {social.attrs.get('units', '')}",
            )
        )
    if "public_outlay" in ds:
        outlay = ds["public_outlay"]
        items.append(
            (
                f"Public outlay, sum {first}-{last} (subsidies, IKC-ETS)",
                f"{cost_text(float(outlay.sum()))} MEUR",
            )
        )
    items.append(
        (
            "Objective (discounted to the base year)",
            f"{cost_text(float(ds.attrs['objective']))} MEUR",
        )
    )
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items)
    return f'<dl class="key">{rows}</dl>'


def _emissions_table(ds: xr.Dataset) -> str:
    years = shown_years(ds)
    by_cluster = ds["emissions"].sum("sector")
    rows = [
        [str(c), *[emissions_text(float(by_cluster.sel(cluster=c, year=y))) for y in years]]
        for c in ds.cluster.values
    ]
    rows.append(["total", *[emissions_text(float(by_cluster.sel(year=y).sum())) for y in years]])
    return _table(["cluster", *map(str, years)], rows, total=True)


def _route_mix_table(ds: xr.Dataset) -> str:
    year = int(ds.year.values[-1])
    shares = route_mix_shares(ds, year)
    if shares.empty:
        return "<p>No output in the last year.</p>"
    rows = [
        [str(label), *[f"{100 * s:.0f} %" if s > 0.0005 else "-" for s in row]]
        for label, row in zip(shares.index, shares.to_numpy(), strict=True)
    ]
    return _table(["sector", *map(str, shares.columns)], rows)


def _cost_table(ds: xr.Dataset) -> str:
    from elektra.outputs.iamc import cost_names

    years = shown_years(ds)
    cost = ds["cost"]
    rows = [
        [
            cost_names().get(str(k), str(k)),
            *[cost_text(float(cost.sel(cost_component=k, year=y))) for y in years],
        ]
        for k in cost.cost_component.values
        if float(abs(cost.sel(cost_component=k)).sum()) > ZERO
    ]
    rows.append(["total", *[cost_text(float(cost.sel(year=y).sum())) for y in years]])
    return _table(["component", *map(str, years)], rows, total=True)


def _figures(figures: list[Path]) -> str:
    parts = []
    for path in figures:
        path = Path(path)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        caption = CAPTIONS.get(path.stem, path.stem.replace("_", " "))
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" alt="{_e(caption)}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>"
        )
    return "".join(parts) or "<p>No figures were drawn.</p>"


def _hydrogen(ds: xr.Dataset) -> str:
    dual = produced_carrier_duals(ds)
    if dual is None:
        return "<p>No carrier is produced in this model, so there is no marginal cost of one.</p>"
    carriers = [str(k) for k in dual.carrier.values]
    rows = [
        [str(int(y)), *["-" if np.isnan(v) else f"{v:,.2f}" for v in dual.sel(year=y).values]]
        for y in dual.year.values
    ]
    units = dual.attrs.get("units", "")
    note = " (MEUR/PJ = EUR/GJ)" if units == "MEUR/PJ" else ""
    return (
        f"<p>The dual of each carrier's national balance: what one more PJ would cost, "
        f"in {_e(units)}{_e(note)}.</p>" + _table(["year", *carriers], rows)
    )


def _service_costs(ds: xr.Dataset) -> str:
    """Marginal cost of each service in the last year, range over clusters."""
    if "dual_demand" not in ds:
        return ""
    year = int(ds.year.values[-1])
    dual = ds["dual_demand"].sel(year=year)
    units = {
        str(s): str(u) for s, u in zip(ds.route_service.values, ds.output_unit.values, strict=True)
    }
    per_unit = {"Mt": "EUR/t", "PJ": "EUR/GJ"}
    rows = []
    for sector in ds.sector.values:
        for service in dual.service.values:
            values = dual.sel(sector=sector, service=service).values
            values = values[~np.isnan(values)]
            if values.size == 0:
                continue
            unit = units.get(str(service), "")
            rows.append(
                [
                    str(sector),
                    str(service),
                    per_unit.get(unit, f"MEUR/{unit}"),
                    f"{values.min():,.2f}",
                    f"{values.max():,.2f}",
                ]
            )
    if not rows:
        return ""
    return (
        f"<h3>Marginal cost of each service, {year}</h3><p>The dual of the demand balance: "
        f"what one more unit of the service would cost (lowest and highest cluster).</p>"
        + _table(["sector", "service", "unit", "lowest", "highest"], rows, numeric_from=3)
    )


def _policy_duals(ds: xr.Dataset) -> str:
    """Every other dual with non-zero cells: what binds, and by how much."""
    parts = []
    names = sorted(str(v) for v in ds.data_vars if str(v).startswith("dual_"))
    # policies first, then the technical limits of routes, which bind far more often
    for name in sorted(names, key=lambda n: n in TECHNICAL_DUALS):
        if name in OWN_SECTION_DUALS:
            continue
        dual = ds[name]
        series = dual.to_series().dropna()
        binding = series[series.abs() > ZERO]
        if binding.empty:
            continue
        largest = binding.reindex(binding.abs().sort_values(ascending=False).index)
        units = _row_units(dual, ds)
        rows = [
            [
                ", ".join(str(k) for k in np.atleast_1d(key)) if dual.dims else "-",
                units(key),
                f"{value:,.4g}",
            ]
            for key, value in largest.head(DUAL_ROWS).items()
        ]
        parts.append(
            f"<h4>{heading(name, ds)}</h4>"
            f"<p>Non-zero in {len(binding)} of {series.size} cells; the largest:</p>"
            + _table([", ".join(dual.dims) or "value", "unit", "dual"], rows, numeric_from=2)
        )
    if not parts:
        return "<p>No limit or policy constraint binds: all their duals are zero.</p>"
    return "".join(parts)


def _row_units(da: xr.DataArray, ds: xr.Dataset):
    """The unit of each cell of ``da`` by its key: one unit, or the unit of the cell's
    route (service, sector) where it depends on the label."""
    from elektra.outputs import netcdf

    units = str(da.attrs.get("units", ""))
    try:
        dim, mapping = netcdf.unit_labels(da, ds)
    except ValueError:
        return lambda key: units
    position = da.dims.index(dim)

    def unit(key) -> str:
        label = str(np.atleast_1d(key)[position])
        return netcdf.resolved(units, mapping.get(label, "output unit"))

    return unit


def _provenance(ds: xr.Dataset) -> str:
    attrs = ds.attrs
    items = [
        ("scenario", attrs.get("scenario_name", "")),
        ("scenario hash (sha256)", attrs.get("scenario_hash", "")),
        ("dataset", attrs.get("dataset", "")),
        ("elektra version", attrs.get("elektra_version", "")),
        ("solver termination", attrs.get("termination_condition", "")),
        ("base year", attrs.get("base_year", "")),
        ("timings", attrs.get("timings", "")),
    ]
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items if v != "")
    return (
        f'<footer><h2>Provenance</h2><dl class="key">{rows}</dl>'
        f"<p>The resolved scenario:</p><pre>{_e(attrs.get('scenario', ''))}</pre></footer>"
    )


def write_report(ds: xr.Dataset, path: Path, figures: list[Path]) -> None:
    """Write the report page of a run to ``path``."""
    name = ds.attrs.get("scenario_name", "")
    description = _description(ds)
    last = int(ds.year.values[-1])
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>elektra: {_e(name)}</title><style>{STYLE}</style></head>
<body>
<h1>elektra scenario: {_e(name)}</h1>
<p class="description">{_e(description)}</p>
<p class="reading"><strong>{_e(reading(ds.attrs).capitalize())}</strong></p>
<h2>What this is</h2>
<p>elektra is a linear optimisation model of the energy-intensive industry in the
Netherlands. For each sector and industrial cluster it chooses the production routes
(reference, electrified, hydrogen, biogas, carbon capture, imports) that meet demand at the
lowest total cost to industry under the prices and policies of the scenario. The numbers
below are the model's least-cost answer for this scenario, not a forecast: they show what
the assumptions imply. Emissions are direct CO2 after capture; costs are in million euro
per year, not discounted, unless said otherwise; money is in {_e(money_note(ds))}.</p>
<h2>Key numbers</h2>
{_key_numbers(ds)}
<h2>Emissions per cluster ({_e(ds["emissions"].attrs.get("units", "Mt/yr"))})</h2>
{_emissions_table(ds)}
<h2>Route mix per sector, {last}</h2>
<p>The share of each route class in the sector's output, all clusters together.</p>
{_route_mix_table(ds)}
<h2>Net cost to industry ({_e(ds["cost"].attrs.get("units", "MEUR/yr"))}, undiscounted)</h2>
{_cost_table(ds)}
<h2>Figures</h2>
{_figures(figures)}
<h2>Marginal costs and binding limits</h2>
<h3>Marginal cost of hydrogen</h3>
{_hydrogen(ds)}
{_service_costs(ds)}
<h3>Limits and policies that bind</h3>
<p>The dual of a limit is what one more unit of the limit would save; it is zero where the
limit does not bind.</p>
{_policy_duals(ds)}
{_provenance(ds)}
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")
