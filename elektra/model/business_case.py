"""Leakage and the business case per sector, from a solved LP.

A cap on domestic emissions can be met by closing a plant and importing its product; the
CO2 then moves abroad rather than away. The results report, beside the emissions, the
domestic output and the imports of each product and the CO2 embedded in those imports
(``leakage``), whether or not the scenario's cap counts it (``cap_counts_imports``).

The business case compares, per sector, cluster, product and year, what it costs to make a
unit at home with what an imported unit costs with CBAM. Both come from the LP's own cost
terms evaluated on the solution (:meth:`elektra.model.lp.LinearProgram.evaluate_costs` does the
same per component): every cost term on a column that belongs to a route of a sector in a
cluster (its activity, new capacity, subsidised capacity and output) is that route's cost,
plus the fixed O&M of its standing stock. So the domestic cost per unit counts capital,
fixed O&M, energy and its tax, non-energy materials, ETS less free allocation, CO2
transport and storage, and the subsidies and electricity-cost support the route receives;
the import cost per unit is the import route's own cost coefficients (the import price and
the CBAM charge). Where nothing is made at home in a year, the domestic cost is the running
cost per unit of the cheapest domestic route (its cost coefficients on activity). Costs a policy books per sector and cluster only (the national CO2 levy)
are not split over products and are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import numpy as np
import xarray as xr

from elektra.model.lp import UNREPORTED_COMPONENTS, LinearProgram
from elektra.model.resultspec import ResultSpec, to_array
from elektra.model.structure import Core

RESULTS = (
    ResultSpec(
        "domestic_production",
        ("sector", "service", "year"),
        "output_unit/yr",
        "Output made at home (all routes but import), per product or service",
    ),
    ResultSpec(
        "imports",
        ("sector", "year"),
        "output_unit/yr",
        "Output imported (closure and import of the product), in the output unit of the "
        "sector's imported product",
    ),
    ResultSpec(
        "leakage",
        ("sector", "year"),
        "Mt/yr",
        "CO2 embedded in the imported products (what a count of domestic emissions leaves out)",
    ),
    ResultSpec(
        "footprint_emissions",
        ("sector", "year"),
        "Mt/yr",
        "Direct emissions after capture plus the CO2 embedded in imports (leakage)",
    ),
    ResultSpec(
        "domestic_cost",
        ("sector", "cluster", "service", "year"),
        "MEUR/output_unit",
        "Net cost to industry per unit made at home (EUR/t for products): the LP's cost terms "
        "of the domestic routes over their output, transfers (ETS, free allocation, subsidies) "
        "included; where nothing is made at home, the running cost of the cheapest domestic route",
    ),
    ResultSpec(
        "import_cost",
        ("sector", "cluster", "service", "year"),
        "MEUR/output_unit",
        "Cost per unit of the cheapest import route: import price plus CBAM",
    ),
    ResultSpec(
        "business_case",
        ("sector", "cluster", "service", "year"),
        "MEUR/output_unit",
        "Import cost less domestic cost per unit: > 0 where making the product at home pays, "
        "< 0 where importing it is cheaper (the business case has turned)",
    ),
)


def _route_cells_of_columns(lp: LinearProgram) -> tuple[np.ndarray, list[tuple[str, str, str]]]:
    """For each column, the index of its (sector, cluster, route), or -1."""
    index = np.full(lp.num_columns, -1, dtype=np.int64)
    cells: dict[tuple[str, str, str], int] = {}
    for block in lp.columns.values():
        if not {"sector", "cluster", "route"} <= set(block.dims):
            continue
        where = [block.dims.index(d) for d in ("sector", "cluster", "route")]
        for position, key in enumerate(block.keys):
            cell = tuple(key[i] for i in where)
            index[block.start + position] = cells.setdefault(cell, len(cells))
    return index, list(cells)


def route_costs(lp: LinearProgram, x: np.ndarray, core: Core) -> dict[tuple, float]:
    """Cost to industry per (sector, cluster, route, year) of the solution (MEUR/yr)."""
    index, cells = _route_cells_of_columns(lp)
    costs: dict[tuple, float] = defaultdict(float)
    for term in lp.terms:
        if term.component in UNREPORTED_COMPONENTS:
            continue
        owners = index[term.columns]
        values = term.coefficients * x[term.columns]
        for owner, value in zip(owners.tolist(), values.tolist()):
            if owner >= 0 and value != 0:
                costs[(*cells[owner], term.year)] += value
    for key in core.activity_index:
        standing = core.fixed_om[(key.route, key.year)] * core.existing[key]
        if standing:
            costs[tuple(key)] += standing
    return costs


def unit_costs(lp: LinearProgram, core: Core) -> dict[tuple, float]:
    """Cost coefficient per unit of activity of each (sector, cluster, route, year) (MEUR per
    unit): the sum of the cost terms on the activity column, undiscounted."""
    block = lp.columns["activity"]
    per_column: dict[int, float] = defaultdict(float)
    for term in lp.terms:
        if term.component in UNREPORTED_COMPONENTS:
            continue
        for column, value in zip(term.columns.tolist(), term.coefficients.tolist()):
            if block.start <= column < block.stop:
                per_column[column] += value
    return {key: per_column.get(block[key], 0.0) for key in block.keys}


def report(
    ds: xr.Dataset,
    core: Core,
    lp: LinearProgram,
    x: np.ndarray,
    activity: Mapping[tuple, float],
    embedded: Mapping[str, float],
) -> None:
    """Add the leakage and business-case variables to the results Dataset."""
    production: dict[tuple, float] = defaultdict(float)
    imports: dict[tuple, float] = defaultdict(float)
    leakage: dict[tuple, float] = defaultdict(float)
    output: dict[tuple, float] = defaultdict(float)
    for (s, c, r, y), level in activity.items():
        service = core.route_service[r]
        if core.domestic[r]:
            production[(s, service, y)] += level
            output[(s, c, service, y)] += level
        else:
            imports[(s, y)] += level
            leakage[(s, y)] += embedded.get(r, 0.0) * level
    labels = {**core.labels, "year": core.years}
    ds["domestic_production"] = to_array(RESULTS[0], production, labels)
    ds["imports"] = to_array(RESULTS[1], imports, labels)
    ds["leakage"] = to_array(RESULTS[2], leakage, labels)
    footprint = ds["emissions"].sum("cluster") + ds["leakage"]
    ds["footprint_emissions"] = footprint.transpose("sector", "year")
    ds["footprint_emissions"].attrs = {
        "units": RESULTS[3].units,
        "description": RESULTS[3].description,
    }

    costs = route_costs(lp, x, core)
    spent: dict[tuple, float] = defaultdict(float)
    for (s, c, r, y), value in costs.items():
        if core.domestic[r]:
            spent[(s, c, core.route_service[r], y)] += value
    domestic = {key: spent[key] / level for key, level in output.items() if level > 1e-9}
    per_unit = unit_costs(lp, core)
    imported: dict[tuple, float] = {}
    cheapest_at_home: dict[tuple, float] = {}
    for (s, c, r, y), value in per_unit.items():
        key = (s, c, core.route_service[r], y)
        target = cheapest_at_home if core.domestic[r] else imported
        target[key] = min(value, target.get(key, np.inf))
    for key, value in cheapest_at_home.items():
        # nothing made at home: what a unit would cost on the cheapest domestic route's
        # running cost terms (its plant standing or built)
        domestic.setdefault(key, value)
    margin = {key: imported[key] - value for key, value in domestic.items() if key in imported}
    nan = float("nan")
    ds["domestic_cost"] = to_array(RESULTS[4], domestic, labels, fill=nan)
    ds["import_cost"] = to_array(RESULTS[5], imported, labels, fill=nan)
    ds["business_case"] = to_array(RESULTS[6], margin, labels, fill=nan)
