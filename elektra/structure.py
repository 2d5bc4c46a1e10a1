"""Which (sector, cluster, route, year) exist, and every model coefficient, from the data.

Sparsity is data: this module decides once which index tuples the model has, so that the
constraint rules in :mod:`elektra.model` contain no ``if``. It also turns the labelled
input arrays into plain dictionaries of floats, which is what a fast Pyomo build wants.
Nothing here imports Pyomo.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from elektra.config import Scenario
from elektra.data import Data, as_table

#: One PJ in MWh: a yearly flow of 1 PJ over 1 full-load hour is this many MW of peak.
MWH_PER_PJ = 1e9 / 3600.0

SCR = tuple[str, str, str]
SCRY = tuple[str, str, str, int]


class StructureError(ValueError):
    """A dataset whose structure cannot give a model (a demand no route can serve)."""


def annuity_factor(rate: float, lifetime: float) -> float:
    """Capital recovery factor: the yearly payment that repays 1 over ``lifetime`` years."""
    if rate == 0:
        return 1.0 / lifetime
    return rate / (1.0 - (1.0 + rate) ** -lifetime)


@dataclass
class Structure:
    """Index sets and coefficients of one scenario's LP, as plain Python values."""

    years: list[int]
    base_year: int
    discount: dict[int, float]
    # index sets ------------------------------------------------------------
    route_cells: list[SCR]
    activity_index: list[SCRY]
    build_index: list[SCRY]
    demand_index: list[tuple[str, str, str, int]]
    demand_routes: dict[tuple[str, str, str], list[str]]
    potential_index: list[SCRY]
    build_limit_index: list[tuple[str, str, int]]
    produced_carriers: list[str]
    producers: dict[str, list[SCR]]
    emission_cells: list[tuple[str, str]]
    # coefficients ----------------------------------------------------------
    demand: dict[tuple[str, str, str, int], float]
    existing: dict[SCRY, float]
    availability: dict[str, float]
    potential: dict[tuple[str, str], float]
    vintages: dict[SCRY, list[int]]
    inputs: dict[tuple[str, int], dict[str, float]]
    gross_emission_factor: dict[tuple[str, int], float]
    capture_rate: dict[str, float]
    #: yearly cost per unit of activity: energy, variable cost, CBAM on imports
    running_cost: dict[tuple[str, int], float]
    #: discounted cost of one unit of new capacity over its life inside the horizon
    build_cost: dict[SCRY, float]
    ets_price: dict[int, float]
    free_allocation: dict[tuple[str, str, int], float]
    domestic: dict[str, bool]
    route_sector: dict[str, str]
    route_service: dict[str, str]
    build_limit: dict[tuple[str, str, int], float]
    #: constant cost (fixed O&M of existing stock), discounted, MEUR
    constant_cost: float
    tie_break: float
    # policy ---------------------------------------------------------------
    policy: dict = field(default_factory=dict)


def finite(value: float) -> bool:
    return value is not None and math.isfinite(value)


def _route_cells(data: Data) -> tuple[list[SCR], dict[tuple[str, str, str], list[str]]]:
    """Route cells (s, c, r): the route's service has demand in c, or is produced in c."""
    demand = as_table(data["demand"].max("year"))
    potential = data.table("potential")
    produced = set(data.produced_carriers)
    cells: list[SCR] = []
    serving: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for route, row in data.routes.iterrows():
        sector, service = row["sector"], row["service"]
        for cluster in data.labels("cluster"):
            if not potential[cluster, route] > 0:
                continue
            endogenous = service in produced
            if not endogenous and not demand[sector, cluster, service] > 0:
                continue
            cells.append((sector, cluster, route))
            serving[(sector, cluster, service)].append(route)
    return cells, serving


def build_structure(data: Data, scenario: Scenario) -> Structure:
    """Compute the index sets and coefficients of the LP for ``scenario``."""
    years = data.years
    policies = scenario.policies
    rate = float(data["discount_rate"])
    if not finite(rate):
        raise StructureError(f"{data.path}: parameter 'discount_rate' has no value")
    discount = {y: (1.0 + rate) ** -(y - scenario.base_year) for y in years}
    routes = data.routes
    route_sector = routes["sector"].to_dict()
    route_service = routes["service"].to_dict()
    produced = data.produced_carriers

    cells, serving = _route_cells(data)
    demand_array = data.table("demand")
    demand: dict = {}
    demand_index = []
    for (sector, cluster, service), _routes in serving.items():
        if service in produced:
            continue
        for year in years:
            demand_index.append((sector, cluster, service, year))
            demand[(sector, cluster, service, year)] = demand_array[sector, cluster, service, year]
    unserved = data["demand"].max("year").to_series()
    for (sector, cluster, service), value in unserved.items():
        if value > 0 and (sector, cluster, service) not in serving:
            raise StructureError(
                f"{data.path}: demand for {sector}/{service} in {cluster} ({value:g} per year) "
                f"has no route that can serve it (check routes.csv and 'potential')"
            )

    lifetime = data["lifetime"].to_series().to_dict()
    first_year = data["first_year"].to_series().to_dict()
    availability = data["availability"].to_series().to_dict()
    potential_array = data.table("potential")
    missing = [
        r
        for r, _ in routes.iterrows()
        if not finite(lifetime.get(r, np.nan)) and any(cell[2] == r for cell in cells)
    ]
    if missing:
        raise StructureError(
            f"{data.path}: parameter 'lifetime' has no value for route {missing[0]!r}"
        )

    activity_index = [(s, c, r, y) for (s, c, r) in cells for y in years]
    build_index = [(s, c, r, y) for (s, c, r) in cells for y in years if y >= first_year[r]]
    build_years: dict[SCR, list[int]] = defaultdict(list)
    for s, c, r, y in build_index:
        build_years[(s, c, r)].append(y)
    vintages = {
        (s, c, r, y): [v for v in build_years[(s, c, r)] if v <= y < v + lifetime[r]]
        for (s, c, r, y) in activity_index
    }
    existing_array = data.table("existing_capacity")
    existing = {(s, c, r, y): existing_array[s, c, r, y] for (s, c, r, y) in activity_index}
    potential = {(c, r): potential_array[c, r] for (_, c, r) in cells}
    potential_index = [
        (s, c, r, y)
        for (s, c, r, y) in activity_index
        if potential[(c, r)] < 1 and route_service[r] not in produced
    ]

    # carriers, emissions, running cost ---------------------------------------------
    input_array = data.table("input")
    factor = data["emission_factor"].to_series().to_dict()
    process = data["process_emissions"].to_series().to_dict()
    capture = data["capture_rate"].to_series().to_dict()
    purchase = as_table(data["price"] + data["network_tariff"] + data["energy_tax"])
    variable = data.table("variable_cost")
    embedded = data["embedded_emissions"].to_series().to_dict()
    ets_price = {y: (data.table("ets_price")[y] if policies.ets else 0.0) for y in years}
    if policies.ets and not all(finite(v) for v in ets_price.values()):
        raise StructureError(f"{data.path}: parameter 'ets_price' has no value for every year")
    phase_out = data["cbam_phase_out"].to_series().to_dict()
    fa_factor = data["free_allocation_factor"].to_series().to_dict()
    benchmark = data.table("free_allocation_benchmark")
    cbam_sector = data.sectors["cbam"].to_dict()

    used_routes = sorted({r for (_, _, r) in cells})
    carriers = data.labels("carrier")
    route_class = routes["route_class"].to_dict()
    inputs: dict[tuple[str, int], dict[str, float]] = {}
    gross: dict[tuple[str, int], float] = {}
    running: dict[tuple[str, int], float] = {}
    for r in used_routes:
        sector, service = route_sector[r], route_service[r]
        for y in years:
            use = {k: input_array[r, y, k] for k in carriers if input_array[r, y, k] != 0}
            inputs[(r, y)] = use
            gross[(r, y)] = sum(v * factor[k] for k, v in use.items()) + process[r]
            cost = variable[r, y] + sum(
                v * purchase[k, y] for k, v in use.items() if k not in produced
            )
            if policies.cbam and route_class[r] == "import" and cbam_sector[sector]:
                still_free = benchmark[sector, service] * (1 - phase_out[y])
                cost += ets_price[y] * max(0.0, embedded[r] - still_free)
            running[(r, y)] = cost

    # free allocation per unit of domestic output ---------------------------------------
    free_allocation = {}
    for sector, service in data.services.index:
        for y in years:
            kept = (1 - phase_out[y]) if (cbam_sector[sector] and policies.cbam) else 1.0
            free_allocation[(sector, service, y)] = benchmark[sector, service] * fa_factor[y] * kept
    domestic = {r: route_class[r] != "import" for r in used_routes}

    # discounted build cost: annuity of capex plus fixed O&M, for the years inside the horizon
    capex = data.table("capex")
    fixed_om = data.table("fixed_om")
    build_cost = {}
    for s, c, r, v in build_index:
        alive = [y for y in years if v <= y < v + lifetime[r]]
        annuity = capex[r, v] * annuity_factor(rate, lifetime[r])
        build_cost[(s, c, r, v)] = sum(discount[y] * (annuity + fixed_om[r, y]) for y in alive)
    constant_cost = sum(
        discount[y] * fixed_om[r, y] * existing[(s, c, r, y)] for (s, c, r, y) in activity_index
    )
    build_limit_array = data.table("build_limit")
    build_limit = {}
    for _s, c, r in cells:
        for y in build_years[(_s, c, r)]:
            value = build_limit_array[c, r, y]
            if finite(value):
                build_limit[(c, r, y)] = value
    producers = {k: [(s, c, r) for (s, c, r) in cells if route_service[r] == k] for k in produced}
    emission_cells = sorted({(s, c) for (s, c, _) in cells})

    structure = Structure(
        years=years,
        base_year=scenario.base_year,
        discount=discount,
        route_cells=cells,
        activity_index=activity_index,
        build_index=build_index,
        demand_index=demand_index,
        demand_routes=dict(serving),
        potential_index=potential_index,
        build_limit_index=sorted(build_limit),
        produced_carriers=produced,
        producers=producers,
        emission_cells=emission_cells,
        demand=demand,
        existing=existing,
        availability={r: float(availability[r]) for r in used_routes},
        potential=potential,
        vintages=vintages,
        inputs=inputs,
        gross_emission_factor=gross,
        capture_rate={r: float(capture[r]) for r in used_routes},
        running_cost=running,
        build_cost=build_cost,
        ets_price=ets_price,
        free_allocation=free_allocation,
        domestic=domestic,
        route_sector=route_sector,
        route_service=route_service,
        build_limit=build_limit,
        constant_cost=constant_cost,
        tie_break=scenario.tie_break_emission_penalty,
    )
    return structure
