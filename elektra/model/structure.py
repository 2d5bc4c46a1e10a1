"""The core of one scenario's LP as typed, frozen values: index sets and coefficients.

Sparsity is data: this module decides once which (sector, cluster, route, year) exist, so
that the constraint rules in :mod:`elektra.model.core` contain no ``if``. **Which index keys
exist depends on labels, eligibility and years only** (a route's cells, its first year and
lifetime, whether a limit is given at all); a price, capex or budget never adds or removes
a column or row, it only changes a coefficient or a bound. So a sweep over values can
update a built LP in place.

Every quantity the model and the results both need is defined here once: the annuity of
capex, the years a vintage is in service, the gross, net and captured CO2 per unit of a
route, the cost of carriers bought per unit. Policies compute their own coefficients in
their modules (:mod:`elektra.policies`) from these. Nothing here imports Pyomo.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from elektra.inputs.config import Scenario
    from elektra.inputs.data import Data

#: One PJ in MWh: a yearly flow of 1 PJ over 1 full-load hour is this many MW of peak.
MWH_PER_PJ = 1e9 / 3600.0


#: The parameters :func:`build_core` reads (it is given only these).
CORE_READS = (
    "availability",
    "build_limit",
    "capex",
    "capture_rate",
    "co2_transport_storage_tariff",
    "committed_build",
    "demand",
    "discount_rate",
    "electricity_discount",
    "emission_factor",
    "energy_tax",
    "existing_capacity",
    "first_year",
    "fixed_om",
    "hurdle_rate",
    "input",
    "lead_time",
    "lifetime",
    "network_tariff",
    "potential",
    "price",
    "process_emissions",
    "solid_carbon_share",
    "variable_cost",
)


class StructureError(ValueError):
    """A dataset whose structure cannot give a model (a demand no route can serve)."""


# ----------------------------------------------------------------------- index keys


class Cell(NamedTuple):
    """A route that may run in a sector and cluster."""

    sector: str
    cluster: str
    route: str


class CellYear(NamedTuple):
    """A route cell in a year (for new capacity: the year it is built, its vintage)."""

    sector: str
    cluster: str
    route: str
    year: int


class ServiceYear(NamedTuple):
    """A service demanded in a sector, cluster and year."""

    sector: str
    cluster: str
    service: str
    year: int


class ClusterRouteYear(NamedTuple):
    cluster: str
    route: str
    year: int


class CarrierYear(NamedTuple):
    carrier: str
    year: int


class RouteYear(NamedTuple):
    route: str
    year: int


class SectorClusterYear(NamedTuple):
    sector: str
    cluster: str
    year: int


class ClusterYear(NamedTuple):
    cluster: str
    year: int


class Year(NamedTuple):
    year: int


# ---------------------------------------------------------------- one definition each


def annuity_factor(rate: float, lifetime: float) -> float:
    """Capital recovery factor: the yearly payment that repays 1 over ``lifetime`` years."""
    if rate == 0:
        return 1.0 / lifetime
    return rate / (1.0 - (1.0 + rate) ** -lifetime)


def in_service(vintage: int, year: int, lifetime: float) -> bool:
    """Capacity built in ``vintage`` is in service in ``year`` (for ``lifetime`` years)."""
    return vintage <= year < vintage + lifetime


def finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


#: Roles a carrier can play, given in the ``role`` column of carriers.csv. The model finds
#: the grid's electricity (peak load, IKC) and the hydrogen of the MCA by role, never by
#: the carrier's name.
CARRIER_ROLES = ("grid_electricity", "hydrogen", "fossil_methane", "biomethane")


@dataclass(frozen=True)
class Core:
    """Index sets and coefficients of the core LP, built before the model, never written
    after. Money in MEUR, energy in PJ, CO2 and products in Mt; a route's flows are in
    its service's output unit per year."""

    years: tuple[int, ...]
    base_year: int
    discount_rate: float
    #: discount factor of each year, (1 + rate)^-(year - base_year)
    discount: Mapping[int, float]
    labels: Mapping[str, tuple]
    # routes ------------------------------------------------------------------
    route_sector: Mapping[str, str]
    route_service: Mapping[str, str]
    route_class: Mapping[str, str]
    output_unit: Mapping[str, str]
    #: routes that make a product at home (every class but import)
    domestic: Mapping[str, bool]
    lifetime: Mapping[str, float]
    availability: Mapping[str, float]
    #: carriers made inside the model (a service of the same name), and their makers
    produced_carriers: tuple[str, ...]
    producers: Mapping[str, tuple[Cell, ...]]
    #: carrier playing each role (see CARRIER_ROLES), where a carrier has it
    carrier_role: Mapping[str, str]
    # index sets ------------------------------------------------------------------
    cells: tuple[Cell, ...]
    cell_routes: Mapping[tuple[str, str], tuple[str, ...]]
    route_cells: Mapping[str, tuple[tuple[str, str], ...]]
    demand_routes: Mapping[tuple[str, str, str], tuple[str, ...]]
    emission_cells: tuple[tuple[str, str], ...]
    activity_index: tuple[CellYear, ...]
    build_index: tuple[CellYear, ...]
    demand_index: tuple[ServiceYear, ...]
    potential_index: tuple[CellYear, ...]
    producer_potential_index: tuple[CellYear, ...]
    #: import routes of demanded products (closure at home and import) after the first
    #: year: relocation persists
    relocation_index: tuple[CellYear, ...]
    build_limit_index: tuple[ClusterRouteYear, ...]
    #: (cluster, route, vintage) built before the route's lead time allows, where the
    #: scenario switches lead times on: only the committed build may come online there
    lead_time_index: tuple[ClusterRouteYear, ...]
    #: vintages of a cell in service in a year
    vintages: Mapping[CellYear, tuple[int, ...]]
    # coefficients ------------------------------------------------------------------
    demand: Mapping[ServiceYear, float]
    existing: Mapping[CellYear, float]
    potential: Mapping[tuple[str, str], float]
    build_limit: Mapping[ClusterRouteYear, float]
    committed_build: Mapping[ClusterRouteYear, float]
    #: years from the decision to the first year of operation, per route
    lead_time: Mapping[str, int]
    #: carrier input per unit of output, nonzero entries only: (route, year) -> {carrier: PJ}
    inputs: Mapping[tuple[str, int], Mapping[str, float]]
    #: direct CO2 per unit before capture: carriers burnt (less the carbon that leaves as
    #: solid carbon, solid_carbon_share) plus process emissions (Mt/unit)
    gross_emission_factor: Mapping[tuple[str, int], float]
    #: the process part of it (Mt/unit)
    process_emission_factor: Mapping[str, float]
    capture_rate: Mapping[str, float]
    #: direct CO2 per unit after capture, gross x (1 - capture) (Mt/unit)
    net_emission_factor: Mapping[tuple[str, int], float]
    #: CO2 captured per unit, gross x capture (Mt/unit)
    captured_factor: Mapping[tuple[str, int], float]
    #: carriers bought per unit at commodity price plus network tariff (MEUR/unit)
    energy_cost: Mapping[tuple[str, int], float]
    #: energy tax on the carriers bought per unit, by sector and cluster: the tax depends on
    #: the user (tiers, exemptions by process) (MEUR/unit)
    energy_tax: Mapping[CellYear, float]
    #: non-energy variable cost per unit (for import routes the product's price; MEUR/unit)
    variable_cost: Mapping[tuple[str, int], float]
    #: capex annuity of a unit of new capacity of a vintage (MEUR per unit/yr per yr)
    annuity: Mapping[tuple[str, int], float]
    fixed_om: Mapping[tuple[str, int], float]
    co2_transport_storage_tariff: Mapping[int, float]
    #: EUR per tonne of CO2 added to the objective so ties go to lower emissions (MEUR/Mt)
    tie_break: float

    def in_service_years(self, vintage: int, lifetime: float) -> list[int]:
        """The model years in which capacity of ``vintage`` is in service."""
        return [y for y in self.years if in_service(vintage, y, lifetime)]

    def levelised_cost(self, key: CellYear, capex: float) -> float:
        """Cost per unit of output of new capacity of a cell in a year at full
        availability, before any CO2 price: annuity and fixed O&M over the output, plus
        energy, tax and variable cost (MEUR per unit)."""
        return sum(self.levelised_cost_parts(key, capex).values())

    def levelised_cost_parts(self, key: CellYear, capex: float) -> dict[str, float]:
        """The parts of :meth:`levelised_cost` (MEUR per unit): ``capital`` (capex annuity
        over the output at full availability), ``fixed_om`` (likewise), ``energy``,
        ``energy_tax`` (the cell's own rate) and ``variable``."""
        route, year = key.route, key.year
        availability = self.availability[route]
        return {
            "capital": capex
            * annuity_factor(self.discount_rate, self.lifetime[route])
            / availability,
            "fixed_om": self.fixed_om[(route, year)] / availability,
            "energy": self.energy_cost[(route, year)],
            "energy_tax": self.energy_tax[key],
            "variable": self.variable_cost[(route, year)],
        }


def _route_cells(data: Data) -> tuple[list[Cell], dict[tuple[str, str, str], list[str]]]:
    """Route cells (s, c, r): the route's service has demand in c, or is produced in c.

    A potential of 0 takes a route out of a cluster (eligibility).
    """
    from elektra.inputs.data import as_table

    demand = as_table(data["demand"].max("year"))
    potential = data.table("potential")
    produced = set(data.produced_carriers)
    cells: list[Cell] = []
    serving: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for route, row in data.routes.iterrows():
        sector, service = row["sector"], row["service"]
        for cluster in data.labels("cluster"):
            if not potential[cluster, route] > 0:
                continue
            if service not in produced and not demand[sector, cluster, service] > 0:
                continue
            cells.append(Cell(sector, cluster, route))
            serving[(sector, cluster, service)].append(route)
    return cells, serving


def _carrier_roles(data: Data) -> dict[str, str]:
    roles = data.carriers["role"] if "role" in data.carriers else {}
    found: dict[str, str] = {}
    for carrier, role in dict(roles).items():
        if not role:
            continue
        if role not in CARRIER_ROLES:
            raise StructureError(
                f"{data.path / 'carriers.csv'}: carrier {carrier!r}: role {role!r} is not one "
                f"of {', '.join(CARRIER_ROLES)}"
            )
        if role in found:
            raise StructureError(
                f"{data.path / 'carriers.csv'}: role {role!r} given to both "
                f"{found[role]!r} and {carrier!r}"
            )
        found[role] = carrier
    return found


def build_core(data: Data, scenario: Scenario) -> Core:
    """Compute the core index sets and coefficients of the LP for ``scenario``."""
    from elektra.inputs.data import as_table

    years = tuple(data.years)
    rate = float(data["discount_rate"])
    if not finite(rate):
        raise StructureError(f"{data.path}: parameter 'discount_rate' has no value")
    discount = {y: (1.0 + rate) ** -(y - scenario.base_year) for y in years}
    routes = data.routes
    route_sector = routes["sector"].to_dict()
    route_service = routes["service"].to_dict()
    route_class = routes["route_class"].to_dict()
    produced = tuple(data.produced_carriers)

    cells, serving = _route_cells(data)
    demand_table = data.table("demand")
    demand: dict[ServiceYear, float] = {}
    for (sector, cluster, service), _routes in serving.items():
        if service in produced:
            continue
        for year in years:
            key = ServiceYear(sector, cluster, service, year)
            demand[key] = demand_table[sector, cluster, service, year]
    unserved = data["demand"].max("year").to_series()
    for (sector, cluster, service), value in unserved.items():
        if value > 0 and (sector, cluster, service) not in serving:
            raise StructureError(
                f"{data.path}: demand for {sector}/{service} in {cluster} ({value:g} per year) "
                f"has no route that can serve it (check routes.csv and 'potential')"
            )

    lifetime = data["lifetime"].to_series().to_dict()
    first_year = data["first_year"].to_series().to_dict()
    used_routes = sorted({cell.route for cell in cells})
    missing = [r for r in used_routes if not finite(lifetime.get(r, math.nan))]
    if missing:
        raise StructureError(
            f"{data.path}: parameter 'lifetime' has no value for route {missing[0]!r}"
        )

    activity_index = tuple(CellYear(*cell, y) for cell in cells for y in years)
    build_index = tuple(
        CellYear(*cell, y) for cell in cells for y in years if y >= first_year[cell.route]
    )
    build_years: dict[Cell, list[int]] = defaultdict(list)
    for key in build_index:
        build_years[Cell(*key[:3])].append(key.year)
    vintages = {
        key: tuple(
            v for v in build_years[Cell(*key[:3])] if in_service(v, key.year, lifetime[key.route])
        )
        for key in activity_index
    }
    existing_table = data.table("existing_capacity")
    existing = {key: existing_table[key] for key in activity_index}
    potential_table = data.table("potential")
    potential = {
        (cell.cluster, cell.route): potential_table[cell.cluster, cell.route] for cell in cells
    }
    # A share of demand for the routes of a demanded service; a share of the cluster's
    # production of the carrier for the routes that make one (hydrogen).
    potential_index = tuple(
        key
        for key in activity_index
        if potential[(key.cluster, key.route)] < 1 and route_service[key.route] not in produced
    )
    producer_potential_index = tuple(
        key
        for key in activity_index
        if potential[(key.cluster, key.route)] < 1 and route_service[key.route] in produced
    )
    relocation_index = tuple(
        key
        for key in activity_index
        if route_class[key.route] == "import"
        and route_service[key.route] not in produced
        and key.year > years[0]
    )

    # carriers, emissions, running cost ---------------------------------------------
    input_table = data.table("input")
    emission_factor = data["emission_factor"].to_series().to_dict()
    process = data["process_emissions"].to_series().to_dict()
    solid_carbon = data["solid_carbon_share"].to_series().to_dict()
    capture = data["capture_rate"].to_series().to_dict()
    purchase = as_table(data["price"] + data["network_tariff"])
    flexible_discount = data.table("electricity_discount")
    grid_electricity = _carrier_roles(data).get("grid_electricity", "")
    tax = data.table("energy_tax")
    variable = data.table("variable_cost")
    carriers = data.labels("carrier")
    # which carriers a route uses is structure: any year with a nonzero input
    uses = {
        r: [k for k in carriers if any(input_table[r, y, k] != 0 for y in years)]
        for r in used_routes
    }
    inputs, gross, net, captured = {}, {}, {}, {}
    energy_cost, variable_cost = {}, {}
    for r in used_routes:
        for y in years:
            use = {k: input_table[r, y, k] for k in uses[r]}
            inputs[(r, y)] = use
            burnt = sum(v * emission_factor[k] for k, v in use.items()) * (1 - solid_carbon[r])
            gross[(r, y)] = burnt + process[r]
            net[(r, y)] = gross[(r, y)] * (1.0 - capture[r])
            captured[(r, y)] = gross[(r, y)] * capture[r]
            bought = {k: v for k, v in use.items() if k not in produced}
            energy_cost[(r, y)] = sum(v * purchase[k, y] for k, v in bought.items())
            # flexible routes buy their electricity in the allowed hours only, cheaper
            energy_cost[(r, y)] -= bought.get(grid_electricity, 0.0) * flexible_discount[r, y]
            variable_cost[(r, y)] = variable[r, y]
    energy_tax = {
        key: sum(
            v * tax[key.sector, key.cluster, k, key.year]
            for k, v in inputs[(key.route, key.year)].items()
            if k not in produced
        )
        for key in activity_index
    }

    capex = data.table("capex")
    fixed_om_table = data.table("fixed_om")
    # investments annuitised at the sector's hurdle rate where the scenario asks for it
    hurdle = data.table("hurdle_rate")
    foresight = scenario.foresight
    invest_rate = {
        r: hurdle[route_sector[r]]
        if foresight.hurdle_rates and finite(hurdle[route_sector[r]])
        else rate
        for r in used_routes
    }
    annuity = {
        (key.route, key.year): capex[key.route, key.year]
        * annuity_factor(invest_rate[key.route], lifetime[key.route])
        for key in build_index
    }
    lead_table = data.table("lead_time")
    lead_time = {r: int(round(lead_table[r])) for r in used_routes}
    committed_table = data.table("committed_build")
    lead_time_index = (
        tuple(
            sorted(
                {
                    ClusterRouteYear(key.cluster, key.route, key.year)
                    for key in build_index
                    if key.year < years[0] + lead_time[key.route]
                }
            )
        )
        if foresight.lead_times
        else ()
    )
    committed_build = {key: committed_table[key] for key in lead_time_index}
    fixed_om = {(r, y): fixed_om_table[r, y] for r in used_routes for y in years}
    build_limit_table = data.table("build_limit")
    build_limit = {
        ClusterRouteYear(key.cluster, key.route, key.year): build_limit_table[
            key.cluster, key.route, key.year
        ]
        for key in build_index
        if finite(build_limit_table[key.cluster, key.route, key.year])
    }
    tariff_table = data.table("co2_transport_storage_tariff")
    route_cells: dict[str, list[tuple[str, str]]] = defaultdict(list)
    cell_routes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cell in cells:
        route_cells[cell.route].append((cell.sector, cell.cluster))
        cell_routes[(cell.sector, cell.cluster)].append(cell.route)
    _check_producer_potential(data, produced, route_service, potential)
    return Core(
        years=years,
        base_year=scenario.base_year,
        discount_rate=rate,
        discount=discount,
        labels={
            dim: tuple(data.labels(dim))
            for dim in ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
        },
        route_sector=route_sector,
        route_service=route_service,
        route_class=route_class,
        output_unit=routes["output_unit"].to_dict(),
        domestic={r: route_class[r] != "import" for r in routes.index},
        lifetime={r: float(lifetime[r]) for r in used_routes},
        availability={r: float(data.table("availability")[r]) for r in used_routes},
        produced_carriers=produced,
        producers={
            k: tuple(cell for cell in cells if route_service[cell.route] == k) for k in produced
        },
        carrier_role=_carrier_roles(data),
        cells=tuple(cells),
        cell_routes={key: tuple(value) for key, value in cell_routes.items()},
        route_cells={key: tuple(value) for key, value in route_cells.items()},
        demand_routes={key: tuple(value) for key, value in serving.items()},
        emission_cells=tuple(sorted(cell_routes)),
        activity_index=activity_index,
        build_index=build_index,
        demand_index=tuple(demand),
        potential_index=potential_index,
        producer_potential_index=producer_potential_index,
        relocation_index=relocation_index,
        build_limit_index=tuple(sorted(build_limit)),
        lead_time_index=lead_time_index,
        vintages=vintages,
        demand=demand,
        existing=existing,
        potential=potential,
        build_limit=build_limit,
        committed_build=committed_build,
        lead_time=lead_time,
        inputs=inputs,
        gross_emission_factor=gross,
        process_emission_factor={r: float(process[r]) for r in used_routes},
        capture_rate={r: float(capture[r]) for r in used_routes},
        net_emission_factor=net,
        captured_factor=captured,
        energy_cost=energy_cost,
        energy_tax=energy_tax,
        variable_cost=variable_cost,
        annuity=annuity,
        fixed_om=fixed_om,
        co2_transport_storage_tariff={y: tariff_table[y] for y in years},
        tie_break=scenario.tie_break_emission_penalty,
    )


def _check_producer_potential(
    data: Data, produced: tuple[str, ...], route_service: Mapping[str, str], potential: Mapping
) -> None:
    """A producer's potential is a share of its cluster's production: 1 for a cluster
    where it is the only maker would forbid nothing, so nothing to check there; but a
    share below 1 needs another maker in the cluster, else the route can never run."""
    makers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (cluster, route), _share in potential.items():
        if route_service[route] in produced:
            makers[(cluster, route_service[route])].append(route)
    for (cluster, route), share in potential.items():
        carrier = route_service[route]
        if carrier in produced and share < 1 and makers[(cluster, carrier)] == [route]:
            raise StructureError(
                f"{data.path}: parameter 'potential' of {route!r} in {cluster!r} is {share:g}, a "
                f"share of the {carrier} made in {cluster!r}, but no other route makes {carrier} "
                f"there: the route could never run (use 0 to exclude it, or build_limit)"
            )
