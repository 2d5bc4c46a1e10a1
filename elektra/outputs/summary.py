"""What a command prints when it is done: a run's tables, a sweep's lines.

Pure functions of a results Dataset (or a sweep's result) returning rich tables or lines of
text; the command line prints them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import xarray as xr
    from rich.table import Table

#: Column headers of the route-mix table, short enough for an 80-column terminal.
SHORT_CLASS = {
    "reference": "ref",
    "electrification": "elec",
    "hydrogen": "H2",
    "blue_hydrogen": "blue",
    "biogas": "bio",
    "ccs": "CCS",
    "import": "imp",
}


def summary_tables(ds: xr.Dataset) -> list[Table]:
    """Emissions per cluster, route mix and cost of a results Dataset, as rich tables."""
    from rich.table import Table

    from elektra.outputs.indicators import route_mix_shares

    years = [int(y) for y in ds.year.values]
    shown = sorted({years[0], years[-1], *[y for y in (2030,) if y in years]})
    emissions = Table(title="Direct CO2 emissions (Mt/yr)")
    emissions.add_column("cluster")
    for y in shown:
        emissions.add_column(str(y), justify="right")
    by_cluster = ds["emissions"].sum("sector")
    for cluster in ds.cluster.values:
        emissions.add_row(
            str(cluster), *[f"{float(by_cluster.sel(cluster=cluster, year=y)):.2f}" for y in shown]
        )
    emissions.add_row(
        "total", *[f"{float(by_cluster.sel(year=y).sum()):.2f}" for y in shown], style="bold"
    )

    mix = Table(
        title=f"Route mix: share of output by route class, {shown[-1]}",
        caption="ref reference, elec electrification, H2 green hydrogen, blue blue "
        "hydrogen, bio biomethane, imp import",
    )
    shares = route_mix_shares(ds, shown[-1])
    mix.add_column("sector: service", no_wrap=True)
    for route_class in shares.columns:
        mix.add_column(SHORT_CLASS.get(route_class, route_class), justify="right", no_wrap=True)
    for label, row in shares.iterrows():
        mix.add_row(label, *[f"{100 * v:.0f}%" if v > 0.0005 else "-" for v in row])

    cost = Table(title="Net cost to industry (MEUR/yr, undiscounted)")
    cost.add_column("component")
    for y in shown:
        cost.add_column(str(y), justify="right")
    for component in ds.cost_component.values:
        row = ds["cost"].sel(cost_component=component)
        if float(abs(row).sum()) < 1e-9:
            continue
        cost.add_row(str(component), *[f"{float(row.sel(year=y)):,.0f}" for y in shown])
    cost.add_row(
        "total", *[f"{float(ds['cost'].sel(year=y).sum()):,.0f}" for y in shown], style="bold"
    )
    return [emissions, mix, cost]


def sweep_lines(result: Any) -> list[str]:
    """The lines a finished sweep prints: what it solved, how, the percentiles of its
    outputs, the probability of meeting the target and the Sobol indices."""
    from elektra.outputs.sweep_output import (
        percentiles,
        samples,
        sobol_outputs,
        target_probability,
    )

    ds, execution = result.ds, result.execution
    plan = result.plan
    rate = execution.solved / execution.seconds if execution.seconds > 0 else 0.0
    lines = [
        f"sweep {ds.attrs['sweep_name']}: {ds.sizes['variant']} variants ({plan.kind}), "
        f"{len(plan.factors)} factors: {', '.join(f.label for f in plan.factors) or 'none'}",
        f"solved {execution.solved} in {execution.seconds:.1f} s on {execution.workers} "
        f"({rate:.1f} variants/s); {execution.rebuilt} rebuilt (LP of another shape), "
        f"{execution.failed} without an optimum; {result.resumed} taken from before",
    ]
    chosen = samples(ds)
    if chosen.sizes["variant"]:
        for name, output in sobol_outputs(chosen).items():
            bands = percentiles(output)
            units = "MEUR" if name == "objective" else "Mt/yr"
            shown = ", ".join(
                f"P{int(p)} {float(bands.sel(percentile=p)):,.2f}" for p in (5, 50, 95)
            )
            lines.append(f"{name} ({units}): {shown}")
    probability = target_probability(ds)
    if probability is not None:
        lines.append(
            f"probability of meeting the {ds.attrs['target_year']} target "
            f"({ds.attrs['target']:g} Mt/yr, nationally): {100 * probability:.0f} %"
        )
    if "sobol_total" in ds:
        for output in ds.output.values:
            total = ds["sobol_total"].sel(output=output).to_series().sort_values(ascending=False)
            shown = ", ".join(f"{k} {v:.2f}" for k, v in total.items())
            lines.append(f"Sobol total of {output}: {shown}")
    lines += [f"note: {note}" for note in result.notes]
    return lines


class FilterError(ValueError):
    """A filter of ``elektra data`` that matches no label or dimension (exit code 2)."""


def filtered_rows(loaded: Any, parameter=None, sector=None, cluster=None, route=None):
    """The dataset's rows that apply to the filters; unknown filter values are refused.

    A row applies to a label when it names it, or leaves the dimension empty (then it
    holds for every label); a row applies to a sector through its route, too.
    """
    from elektra.inputs.parameters import PARAMETERS

    if parameter is not None and parameter not in PARAMETERS:
        raise FilterError(
            f"--parameter: unknown parameter {parameter!r}; expected one of "
            f"{', '.join(sorted(PARAMETERS))}"
        )
    rows = loaded.rows if parameter is None else loaded.rows[loaded.rows.parameter == parameter]
    route_sector = loaded.routes["sector"].to_dict()
    filters = (("sector", sector, ("sector", "route")), ("cluster", cluster, ("cluster",)))
    for dim, wanted, dims in (*filters, ("route", route, ("route",))):
        if wanted is None:
            continue
        labels = loaded.labels(dim)
        if wanted not in labels:
            raise FilterError(
                f"--{dim}: unknown {dim} {wanted!r} in dataset {loaded.name}; expected one of "
                f"{', '.join(map(str, labels))}"
            )
        if parameter is not None and not set(dims) & set(PARAMETERS[parameter].dims):
            raise FilterError(
                f"--{dim}: parameter {parameter!r} does not vary by {dim} (its dimensions: "
                f"{', '.join(PARAMETERS[parameter].dims) or 'none'})"
            )
        applies = [
            _applies(row, dim, wanted, route_sector, PARAMETERS[row.parameter].dims)
            for row in rows.itertuples(index=False)
        ]
        rows = rows[applies]
    return rows


def _applies(row, dim: str, wanted: str, route_sector: dict, dims: tuple[str, ...]) -> bool:
    if dim == "sector" and "sector" not in dims:
        dim, wanted_routes = "route", {r for r, s in route_sector.items() if s == wanted}
        return row.route in wanted_routes or (row.route == "" and "route" in dims)
    if dim not in dims:
        return False
    label = getattr(row, dim)
    return label == wanted or label == ""


def data_table(loaded: Any, rows: Any) -> Table:
    """The figures of ``rows`` (of the dataset ``loaded``) with unit, estimate and source."""
    from rich.table import Table

    table = Table(title=f"dataset {loaded.name}: {len(rows)} figures")
    for column in ("parameter", "labels", "value", "unit", "estimate", "source"):
        table.add_column(column, overflow="fold")
    dims = ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
    for row in rows.itertuples(index=False):
        labels = " ".join(str(getattr(row, d)) for d in dims if getattr(row, d) != "")
        value = getattr(row, "value_as_written", row.value)
        table.add_row(
            row.parameter, labels or "all", f"{value:g}", row.unit, row.estimate, row.source
        )
    return table


def sources_table(loaded: Any, rows: Any) -> Table | None:
    """The sources the figures of ``rows`` cite (ids of the dataset's sources table), with
    citation, link and access date; None where the dataset cites inline."""
    from rich.table import Table

    from elektra.inputs.data import source_ids

    if rows.empty or loaded.sources.empty:
        return None
    cited = dict.fromkeys(i for cell in rows["source"] for i in source_ids(cell))
    table = Table(title=f"sources ({loaded.path / 'sources.csv'})")
    for column in ("id", "citation", "link", "accessed"):
        table.add_column(column, overflow="fold")
    for source_id in cited:
        entry = loaded.sources.loc[source_id]
        table.add_row(source_id, entry.citation, entry.link, entry.accessed)
    return table


# --------------------------------------------------------------------------- infeasibility

#: A reason of one year: "[prefix: ]2030: text".
YEARLY = re.compile(r"^(?P<prefix>.*?: )?(?P<year>\d{4}): (?P<text>.*)$")
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*(?:e[+-]?\d+)?")


def year_span(years: list[int]) -> str:
    """2026-2030, 2033: runs of consecutive years."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def grouped_reasons(reasons: list[str]) -> list[str]:
    """An infeasible scenario's reasons (``[prefix: ]YEAR: text``), one line per
    constraint instead of one per year: its years, and the line of the year where the
    shortfall (the line's last number) is largest. Twenty years of one short commitment
    then take one line, and the limit that causes them is not pushed off the screen."""
    groups: dict[tuple[str, str], list[tuple[int, str]]] = {}
    order: list[tuple[str, str]] = []
    for reason in reasons:
        match = YEARLY.match(reason)
        if match is None:
            key = (reason, "")
            groups[key] = [(0, reason)]
            order.append(key)
            continue
        key = (match["prefix"] or "", NUMBER.sub("#", match["text"]))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((int(match["year"]), match["text"]))
    lines = []
    for key in order:
        items = groups[key]
        if key[1] == "":
            lines.append(items[0][1])
            continue
        years = [year for year, _ in items]
        if len(items) == 1 or len(set(years)) < len(years):
            # one year, or lines that differ only in a number within a year (other cells)
            lines += [f"{key[0]}{year}: {text}" for year, text in items]
            continue

        def size(item: tuple[int, str]) -> float:
            numbers = NUMBER.findall(item[1])
            return abs(float(numbers[-1].replace(",", ""))) if numbers else 0.0

        year, text = max(items, key=size)
        span = year_span([y for y, _ in items])
        lines.append(f"{key[0]}{span}: {text} ({len(items)} years; largest in {year})")
    return lines
