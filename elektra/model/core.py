r"""The core of the elektra LP: variables, one function per constraint, the cost terms.

Every constraint is written once, as a function below whose docstring holds its formula
(``.. math::``) and units; ``docs/math.md`` is generated from these docstrings and from
those of the policy modules (``elektra docs``). Index sets and coefficients come
ready-made from :class:`elektra.model.structure.Core`, so the rules contain no data plumbing.
The core knows no policy by name: the policies in :mod:`elektra.policies` add their own
variables, constraints and cost terms through the same :class:`elektra.model.lp.Builder`.

Notation: sectors :math:`s`, clusters :math:`c`, routes :math:`r`, years :math:`y`,
vintages :math:`v` (the year capacity was built), services :math:`j`, carriers
:math:`k`, instruments :math:`i`. Money in MEUR, energy in PJ, CO2 in Mt, products in Mt,
power in MW; a route's flows are in its service's output unit per year. The symbol tables
below the equations give every symbol one meaning and name the parameter or code
attribute behind it.

:func:`elektra.model.build.build` assembles the LP as arrays (what HiGHS solves);
:func:`to_pyomo` gives the same LP as a Pyomo model with one named component per variable
and constraint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import partial

from elektra.model.expressions import carrier_use_pairs, national_emission_pairs
from elektra.model.lp import (
    Builder,
    DualSpec,
    Elastic,
    LinearProgram,
    Row,
    at_least,
    at_most,
    equal_to,
)
from elektra.model.structure import CellYear, ClusterRouteYear, Core, ServiceYear
from elektra.policies import Variables

#: The fields of the core each part of the core's LP reads (a test checks them against
#: what the part does read): a variant that changes none of a part's fields keeps it.
CONSTRAINT_FIELDS = frozenset(
    {
        "activity_index",
        "availability",
        "build_index",
        "build_limit",
        "build_limit_index",
        "cells",
        "committed_build",
        "demand",
        "demand_index",
        "demand_routes",
        "existing",
        "inputs",
        "lead_time_index",
        "output_unit",
        "potential",
        "potential_index",
        "produced_carriers",
        "producer_potential_index",
        "producers",
        "relocation_index",
        "route_sector",
        "route_service",
        "vintages",
        "years",
    }
)
COST_FIELDS = frozenset(
    {
        "activity_index",
        "annuity",
        "captured_factor",
        "co2_transport_storage_tariff",
        "energy_cost",
        "energy_tax",
        "existing",
        "fixed_om",
        "variable_cost",
        "vintages",
        "years",
    }
)
TIE_BREAK_FIELDS = frozenset(
    {"cell_routes", "emission_cells", "net_emission_factor", "tie_break", "years"}
)

# --------------------------------------------------------------------------- constraints

DUALS = (
    DualSpec(
        "demand_balance",
        "dual_demand",
        ("sector", "cluster", "service", "year"),
        "MEUR/output_unit",
        "Marginal cost of a service (per unit of the service's output_unit)",
        sign=1.0,
    ),
    DualSpec(
        "capacity_limit",
        "dual_capacity_limit",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of available capacity",
    ),
    DualSpec(
        "potential_limit",
        "dual_potential_limit",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of technical potential",
    ),
    DualSpec(
        "producer_potential_limit",
        "dual_producer_potential_limit",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of a carrier maker's share of its cluster's production",
    ),
    DualSpec(
        "relocation_persists",
        "dual_relocation_persists",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "What the rule that relocated production stays relocated costs, per unit of the "
        "import share's fall it forbids",
        sign=1.0,
    ),
    DualSpec(
        "build_limit",
        "dual_build_limit",
        ("cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of new capacity allowed in the year",
    ),
    DualSpec(
        "lead_time_limit",
        "dual_lead_time_limit",
        ("cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of new capacity online before the route's lead time allows",
    ),
    DualSpec(
        "carrier_balance",
        "dual_carrier_balance",
        ("carrier", "year"),
        "MEUR/PJ",
        "Marginal cost of a carrier produced in the model (hydrogen), EUR/GJ",
        sign=1.0,
        only_rows=True,
    ),
)
DUAL = {spec.constraint: spec for spec in DUALS}


def demand_balance(x: Variables, core: Core, key: ServiceYear) -> Row:
    r"""Demand: the routes of a service meet its demand in each cluster and year.

    .. math:: \sum_{r \in \mathcal{R}_{s,j}} a_{s,c,r,y} \;(+\,\xi_{s,c,j,y}) = D_{s,c,j,y}

    :math:`\mathcal{R}_{s,j}` the routes of service :math:`j` of sector :math:`s`,
    :math:`\xi` the unserved demand, present only when an infeasible scenario is re-solved
    to explain itself. Dual: the marginal cost of the service. Units: output unit per year.
    """
    sector, cluster, service, year = key
    routes = core.demand_routes[(sector, cluster, service)]
    return equal_to(
        [(1.0, x.activity[(sector, cluster, r, year)]) for r in routes], core.demand[key]
    )


def capacity_limit(x: Variables, core: Core, key: CellYear) -> Row:
    r"""Capacity: activity is at most the available capacity in service in the year.

    .. math:: a_{s,c,r,y} \le \alpha_r \Big(K^{0}_{s,c,r,y} + \sum_{v \le y < v + L_r} n_{s,c,r,v}\Big)

    :math:`\alpha` availability, :math:`K^0` existing stock still alive (its retirement
    profile), :math:`n` new capacity of vintage :math:`v`, :math:`L` lifetime.
    Units: output unit per year.
    """
    sector, cluster, route, _year = key
    alpha = core.availability[route]
    pairs = [(1.0, x.activity[key])]
    pairs += [(-alpha, x.new_capacity[(sector, cluster, route, v)]) for v in core.vintages[key]]
    return at_most(pairs, alpha * core.existing[key])


def potential_limit(x: Variables, core: Core, key: CellYear) -> Row:
    r"""Potential: a route serves at most its technical share of its service's demand.

    .. math:: a_{s,c,r,y} \le \pi_{c,r}\, D_{s,c,j(r),y}

    Only where :math:`\pi < 1`, for the routes of demanded services (the makers of a
    carrier have :func:`producer_potential_limit`). Units: output unit per year.
    """
    sector, cluster, route, year = key
    demand = core.demand[ServiceYear(sector, cluster, core.route_service[route], year)]
    return at_most([(1.0, x.activity[key])], core.potential[(cluster, route)] * demand)


def producer_potential_limit(x: Variables, core: Core, key: CellYear) -> Row:
    r"""Potential of a carrier maker: at most its share of the carrier made in its cluster.

    .. math:: a_{s,c,r,y} \le \pi_{c,r} \sum_{(s',r') \in \mathcal{M}_{k(r),c}} a_{s',c,r',y}

    :math:`\mathcal{M}_{k,c}` the routes making carrier :math:`k` (hydrogen) in cluster
    :math:`c`;
    only where :math:`\pi < 1` (e.g. blue hydrogen where only part of the CO2 can be
    shipped). Units: PJ/yr.
    """
    _sector, cluster, route, year = key
    share = core.potential[(cluster, route)]
    makers = core.producers[core.route_service[route]]
    pairs = [(1.0, x.activity[key])]
    pairs += [(-share, x.activity[(*cell, year)]) for cell in makers if cell.cluster == cluster]
    return at_most(pairs, 0.0)


def relocation_persists(x: Variables, core: Core, key: CellYear) -> Row:
    r"""Relocation persists: production closed at home and imported stays imported.

    .. math:: a_{s,c,r,y}\, D_{s,c,j,y-1} - a_{s,c,r,y-1}\, D_{s,c,j,y} \ge 0
       \quad \text{for import routes } r \text{ of a demanded product } j

    The import's share of the demand never falls: a plant that closes and whose product is
    imported does not reopen a year later (restarting a closed blast furnace or cracker
    takes a relining, a new permit and new staff). Where the share may grow, the rule does
    not bind. Units: output unit per year times output unit per year.
    """
    sector, cluster, route, year = key
    service = core.route_service[route]
    before = year - 1
    demand_now = core.demand[ServiceYear(sector, cluster, service, year)]
    demand_before = core.demand[ServiceYear(sector, cluster, service, before)]
    return at_least(
        [
            (demand_before, x.activity[key]),
            (-demand_now, x.activity[(sector, cluster, route, before)]),
        ],
        0.0,
    )


def build_limit(
    x: Variables, core: Core, builders: Mapping[tuple, list[str]], key: ClusterRouteYear
) -> Row:
    r"""Build rate: new capacity of a route in a cluster and year is at most its limit.

    .. math:: \sum_s n_{s,c,r,y} \;(-\,\xi_{c,r,y}) \le B_{c,r,y}

    :math:`\xi` the excess in elastic mode. Units: output unit per year.
    """
    cluster, route, year = key
    pairs = [(1.0, x.new_capacity[(s, cluster, route, year)]) for s in builders[key]]
    return at_most(pairs, core.build_limit[key])


def lead_time_limit(
    x: Variables, core: Core, builders: Mapping[tuple, list[str]], key: ClusterRouteYear
) -> Row:
    r"""Lead time: new capacity cannot come online before a decision in the first model
    year allows, except the build already decided.

    .. math:: \sum_s n_{s,c,r,v} \le N^{0}_{c,r,v}

    for the vintages :math:`v` that come online less than :math:`d^{lead}_r` years (the
    route's lead time from decision to operation) after the first model year.
    :math:`N^0` the committed build (projects with a final investment decision before the
    model starts). Only where the scenario's foresight switches ``lead_times`` on. Units:
    output unit per year.
    """
    cluster, route, year = key
    pairs = [(1.0, x.new_capacity[(s, cluster, route, year)]) for s in builders[key]]
    return at_most(pairs, core.committed_build[key])


def carrier_balance(x: Variables, core: Core, key: tuple[str, int]) -> Row:
    r"""Produced carriers (hydrogen): national production equals national use, per year.

    .. math:: \sum_{(s,c,r) \in \mathcal{M}_k} a_{s,c,r,y} - U_{k,y} = 0

    :math:`\mathcal{M}_k` the routes that make carrier :math:`k`. Dual: the marginal cost of the
    carrier (hydrogen) in the year. Units: PJ/yr.
    """
    carrier, year = key
    pairs = [(1.0, x.activity[(*cell, year)]) for cell in core.producers[carrier]]
    pairs += [(-c, column) for c, column in carrier_use_pairs(x, core, carrier, year)]
    return equal_to(pairs, 0.0)


CONSTRAINTS = (
    demand_balance,
    capacity_limit,
    potential_limit,
    producer_potential_limit,
    relocation_persists,
    build_limit,
    lead_time_limit,
    carrier_balance,
)


def _explain_unserved(core: Core, units: Mapping[tuple[str, str], str]):
    def explain(key: ServiceYear, amount: float, row: Row) -> str:
        unit = units.get((key.sector, key.service), "")
        return (
            f"{key.year}: demand for {key.sector}/{key.service} in {key.cluster} cannot be met: "
            f"short by {amount:.3g} {unit}/yr of {core.demand[key]:.3g}"
        )

    return explain


def _explain_lead_time(key: ClusterRouteYear, amount: float, row: Row) -> str:
    return (
        f"{key.year}: {key.route} in {key.cluster} needs {amount:.3g} more new capacity than "
        f"its lead time allows (committed build {row.upper:.3g}): give it as committed_build "
        "if the project is decided"
    )


def _explain_build(key: ClusterRouteYear, amount: float, row: Row) -> str:
    return (
        f"{key.year}: build limit of {key.route} in {key.cluster} ({row.upper:.3g}) binding, "
        f"{amount:.3g} short"
    )


def add_core(b: Builder, core: Core) -> Variables:
    """Declare the core variables and constraints."""
    x = Variables()
    x.add(
        b.variables(
            "activity",
            core.activity_index,
            CellYear._fields,
            units="output_unit/yr",
            description="Yearly output of each route",
        )
    )
    x.add(
        b.variables(
            "new_capacity",
            core.build_index,
            CellYear._fields,
            units="output_unit/yr",
            description="Capacity built in the year",
            ahead=True,
        )
    )
    units = {(core.route_sector[r], core.route_service[r]): u for r, u in core.output_unit.items()}
    b.constraints(
        "demand_balance",
        core.demand_index,
        ServiceYear._fields,
        partial(demand_balance, x, core),
        elastic=Elastic("targets", +1.0, _explain_unserved(core, units)),
        dual=DUAL["demand_balance"],
    )
    b.constraints(
        "capacity_limit",
        core.activity_index,
        CellYear._fields,
        partial(capacity_limit, x, core),
        dual=DUAL["capacity_limit"],
    )
    b.constraints(
        "potential_limit",
        core.potential_index,
        CellYear._fields,
        partial(potential_limit, x, core),
        dual=DUAL["potential_limit"],
    )
    b.constraints(
        "producer_potential_limit",
        core.producer_potential_index,
        CellYear._fields,
        partial(producer_potential_limit, x, core),
        dual=DUAL["producer_potential_limit"],
    )
    b.constraints(
        "relocation_persists",
        core.relocation_index,
        CellYear._fields,
        partial(relocation_persists, x, core),
        dual=DUAL["relocation_persists"],
    )
    builders: dict[tuple, list[str]] = defaultdict(list)
    for s, c, r, y in core.build_index:
        builders[ClusterRouteYear(c, r, y)].append(s)
    b.constraints(
        "build_limit",
        core.build_limit_index,
        ClusterRouteYear._fields,
        partial(build_limit, x, core, builders),
        elastic=Elastic("limits", -1.0, _explain_build),
        dual=DUAL["build_limit"],
    )
    b.constraints(
        "lead_time_limit",
        core.lead_time_index,
        ClusterRouteYear._fields,
        partial(lead_time_limit, x, core, builders),
        elastic=Elastic("limits", -1.0, _explain_lead_time),
        dual=DUAL["lead_time_limit"],
    )
    b.constraints(
        "carrier_balance",
        [(k, y) for k in core.produced_carriers for y in core.years],
        ("carrier", "year"),
        partial(carrier_balance, x, core),
        dual=DUAL["carrier_balance"],
    )
    return x


# --------------------------------------------------------------------------- costs


def core_costs(b: Builder, x: Variables, core: Core) -> None:
    r"""The cost to industry of building and running its routes, per year.

    .. math::
       C^{core}_y = \sum_{s,c,r} \sum_{v \le y < v+L_r} (C_{r,v}\,\mathrm{crf}_r + F_{r,y})\, n_{s,c,r,v}
       + \sum_{s,c,r} F_{r,y} K^0_{s,c,r,y}
       + \sum_{s,c,r} \big(c^{en}_{r,y} + c^{tax}_{s,c,r,y} + c^{var}_{r,y} + \theta_y\, q_{r,y}\big)\, a_{s,c,r,y}

    in cost components ``investment`` (the capex annuity :math:`C\,\mathrm{crf}`, counted
    in the years of the vintage's life inside the horizon), ``fixed_om``, ``energy``
    (carriers bought at commodity price plus network tariff, less the discount
    :math:`\Theta` a flexible route gets on electricity bought in the hours it may run),
    ``energy_tax`` (the tax depends on who uses the carrier, its tier and exemptions),
    ``variable`` (non-energy variable cost; the product's price for import routes) and
    ``co2_transport_storage`` (tariff :math:`\theta` on captured CO2 :math:`q`), with the
    carriers not made in the model bought:

    .. math::
       c^{en}_{r,y} = \sum_{k \notin \mathcal{K}^{made}} \phi_{r,y,k}\,(P_{k,y} + N_{k,y}) - \phi_{r,y,\mathrm{el}}\,\Theta_{r,y},
       \qquad c^{tax}_{s,c,r,y} = \sum_{k \notin \mathcal{K}^{made}} \phi_{r,y,k}\, T_{s,c,k,y}

    Units: MEUR/yr.
    """
    investment: dict[int, list] = defaultdict(list)
    fixed_om: dict[int, list] = defaultdict(list)
    for key in core.activity_index:
        for v in core.vintages[key]:
            column = x.new_capacity[(key.sector, key.cluster, key.route, v)]
            investment[key.year].append((core.annuity[(key.route, v)], column))
            fixed_om[key.year].append((core.fixed_om[(key.route, key.year)], column))
    for y in core.years:
        b.cost("investment", y, investment[y])
        b.cost("fixed_om", y, fixed_om[y])
    standing: dict[int, float] = defaultdict(float)
    for key in core.activity_index:
        standing[key.year] += core.fixed_om[(key.route, key.year)] * core.existing[key]
    for y, value in standing.items():
        b.constant("fixed_om", y, value)
    tariff = core.co2_transport_storage_tariff
    for component, per_unit in (
        ("energy", lambda key: core.energy_cost[(key.route, key.year)]),
        ("energy_tax", lambda key: core.energy_tax[key]),
        ("variable", lambda key: core.variable_cost[(key.route, key.year)]),
        (
            "co2_transport_storage",
            lambda key: tariff[key.year] * core.captured_factor[(key.route, key.year)],
        ),
    ):
        by_year: dict[int, list] = defaultdict(list)
        for key in core.activity_index:
            value = per_unit(key)
            if value != 0:
                by_year[key.year].append((value, x.activity[key]))
        for y, pairs in by_year.items():
            b.cost(component, y, pairs)


def tie_break_cost(b: Builder, x: Variables, core: Core) -> None:
    r"""Tie-break: a tiny CO2 penalty so that equally cheap solutions go to lower emissions.

    .. math:: C^{tie}_y = P^{tie}\, E_y

    :math:`P^{tie}` is the scenario's ``tie_break_emission_penalty`` (EUR/t, 0.01 by
    default). It is in the objective only: the reported cost leaves it out, and the LP
    objective equals the discounted reported cost plus
    :math:`\sum_y \delta_y P^{tie} E_y`. Units: MEUR/yr.
    """
    if core.tie_break == 0:
        return
    for y in core.years:
        b.cost(
            "tie_break",
            y,
            [(core.tie_break * c, column) for c, column in national_emission_pairs(x, core, y)],
        )


# --------------------------------------------------------------------------- assembly


def to_pyomo(lp: LinearProgram):
    """The same LP as a Pyomo model: one named ``Var`` per variable block, one named
    ``Constraint`` per constraint, and the objective with its constant.

    Use it to hand the model to another solver through Pyomo or to inspect it.
    """
    import pyomo.environ as pyo
    from pyomo.core.expr.numeric_expr import LinearExpression

    model = pyo.ConcreteModel(name="elektra")
    columns: list = []
    for name, block in lp.columns.items():
        keys = [k[0] if len(k) == 1 else k for k in block.keys]
        var = pyo.Var(keys, within=pyo.NonNegativeReals, dense=True)
        model.add_component(name, var)
        columns += [var[k] for k in keys]
    matrix = lp.matrix.tocsr()
    for name, block in lp.rows.items():
        keys = [k[0] if len(k) == 1 else k for k in block.keys]

        def rule(_model, *key, block=block):
            row = block.start + block.position[key if len(key) > 1 else (key[0],)]
            start, stop = matrix.indptr[row], matrix.indptr[row + 1]
            expression = LinearExpression(
                constant=0.0,
                linear_coefs=matrix.data[start:stop].tolist(),
                linear_vars=[columns[j] for j in matrix.indices[start:stop]],
            )
            lower, upper = lp.row_lower[row], lp.row_upper[row]
            if lower == -float("inf") and upper == float("inf"):
                return pyo.Constraint.Skip  # a free row (a cap that is off)
            return (
                None if lower == -float("inf") else lower,
                expression,
                None if upper == float("inf") else upper,
            )

        model.add_component(name, pyo.Constraint(keys, rule=rule))
    nonzero = lp.cost.nonzero()[0]
    model.objective = pyo.Objective(
        expr=LinearExpression(
            constant=lp.offset,
            linear_coefs=lp.cost[nonzero].tolist(),
            linear_vars=[columns[j] for j in nonzero],
        ),
        sense=pyo.minimize,
    )
    return model
