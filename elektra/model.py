"""The elektra linear programme in Pyomo: variables, one function per constraint, objective.

Every constraint is written once, as a function below whose docstring holds its formula
(``.. math::``) and units; ``docs/math.md`` is generated from these docstrings
(``elektra docs``). Index sets and coefficients come ready-made from
:mod:`elektra.structure` and :mod:`elektra.policy`, so the rules contain no data plumbing.

Notation: sectors :math:`s`, clusters :math:`c`, routes :math:`r`, years :math:`y`,
vintages :math:`v`, carriers :math:`k`, instruments :math:`i`. Money in MEUR, energy in
PJ, CO2 in Mt, products in Mt, power in MW; a route's flows are in its service's output
unit per year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import pyomo.environ as pyo
from pyomo.core.expr.numeric_expr import LinearExpression

from elektra.structure import Structure

#: Penalty per unit of slack in elastic mode (MEUR per unit): large against every real
#: cost, small enough to keep the LP well scaled.
ELASTIC_PENALTY = 1e5


def _routes_by_cell(st: Structure) -> dict[tuple[str, str], list[str]]:
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, c, r in st.route_cells:
        cells[(s, c)].append(r)
    return cells


def _linear(pairs: list[tuple[float, object]], constant: float = 0.0) -> LinearExpression:
    """A linear expression from (coefficient, variable) pairs, built in one step.

    Pyomo's ``sum`` grows an expression term by term; building the LinearExpression
    directly is about four times faster and gives the same LP.
    """
    return LinearExpression(
        constant=constant,
        linear_coefs=[coefficient for coefficient, _ in pairs],
        linear_vars=[variable for _, variable in pairs],
    )


def _net_emission_factor(st: Structure, r: str, y: int) -> float:
    return st.gross_emission_factor[(r, y)] * (1.0 - st.capture_rate[r])


def emissions_expression(m: pyo.ConcreteModel, st: Structure, s: str, c: str, y: int):
    r"""Direct CO2 emissions of a sector in a cluster, after capture.

    .. math:: E_{s,c,y} = \sum_r a_{s,c,r,y}\,\Big(\sum_k \phi_{r,k,y}\,f_k + p_r\Big)(1-\kappa_r)

    with :math:`\phi` carrier input, :math:`f` emission factor, :math:`p` process
    emissions and :math:`\kappa` capture rate. Units: Mt/yr.
    """
    return _linear(
        [
            (_net_emission_factor(st, r, y), m.activity[s, c, r, y])
            for r in m.cell_routes[(s, c)]
            if _net_emission_factor(st, r, y) != 0
        ]
    )


def captured_expression(m: pyo.ConcreteModel, st: Structure, y: int):
    r"""CO2 captured for storage in a year, all sectors and clusters.

    .. math:: Q_y = \sum_{s,c,r} a_{s,c,r,y}\,\Big(\sum_k \phi_{r,k,y} f_k + p_r\Big)\,\kappa_r

    Units: Mt/yr.
    """
    return _linear(
        [
            (st.gross_emission_factor[(r, y)] * st.capture_rate[r], m.activity[s, c, r, y])
            for (s, c, r) in st.route_cells
            if st.capture_rate[r] > 0 and st.gross_emission_factor[(r, y)] != 0
        ]
    )


def carrier_use_expression(m: pyo.ConcreteModel, st: Structure, k: str, y: int):
    r"""National use of a carrier in a year.

    .. math:: U_{k,y} = \sum_{s,c,r} \phi_{r,k,y}\,a_{s,c,r,y}

    Units: PJ/yr.
    """
    return _linear(
        [
            (st.inputs[(r, y)][k], m.activity[s, c, r, y])
            for (s, c, r) in st.route_cells
            if k in st.inputs[(r, y)]
        ]
    )


# --------------------------------------------------------------------------- constraints


def add_demand_balance(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Demand: the routes of a service meet its demand in each cluster and year.

    .. math:: \sum_{r \in R_{s,v}} a_{s,c,r,y} \;(+\,u_{s,c,v,y}) = D_{s,c,v,y}

    :math:`u` is unserved demand, present only when an infeasible scenario is re-solved
    to explain itself. Dual: the marginal cost of the service. Units: output unit per year.
    """

    def rule(m, s, c, v, y):
        pairs = [(1.0, m.activity[s, c, r, y]) for r in st.demand_routes[(s, c, v)]]
        if m.elastic_targets:
            pairs.append((1.0, m.unserved[s, c, v, y]))
        return _linear(pairs) == st.demand[(s, c, v, y)]

    m.demand_balance = pyo.Constraint(st.demand_index, rule=rule)


def add_capacity_limit(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Capacity: activity is at most the available capacity alive in the year.

    .. math:: a_{s,c,r,y} \le \alpha_r \Big(K^{0}_{s,c,r,y} + \sum_{v \le y < v + L_r} n_{s,c,r,v}\Big)

    :math:`\alpha` availability, :math:`K^0` existing stock still alive (its retirement
    profile), :math:`n` new capacity of vintage :math:`v`, :math:`L` lifetime.
    Units: output unit per year.
    """

    def rule(m, s, c, r, y):
        # a - alpha * sum(new) <= alpha * existing
        alpha = st.availability[r]
        pairs = [(1.0, m.activity[s, c, r, y])]
        pairs += [(-alpha, m.new_capacity[s, c, r, v]) for v in st.vintages[(s, c, r, y)]]
        return _linear(pairs) <= alpha * st.existing[(s, c, r, y)]

    m.capacity_limit = pyo.Constraint(st.activity_index, rule=rule)


def add_potential_limit(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Potential: a route serves at most its technical share of its service's demand.

    .. math:: a_{s,c,r,y} \le \pi_{c,r}\, D_{s,c,v(r),y}

    Only where :math:`\pi < 1`. Units: output unit per year.
    """

    def rule(m, s, c, r, y):
        demand = st.demand[(s, c, st.route_service[r], y)]
        return m.activity[s, c, r, y] <= st.potential[(c, r)] * demand

    m.potential_limit = pyo.Constraint(st.potential_index, rule=rule)


def add_build_limit(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Build rate: new capacity of a route in a cluster and year is at most its limit.

    .. math:: \sum_s n_{s,c,r,y} \le B_{c,r,y}

    Units: output unit per year.
    """
    built = defaultdict(list)
    for s, c, r, y in st.build_index:
        built[(c, r, y)].append(s)

    def rule(m, c, r, y):
        pairs = [(1.0, m.new_capacity[s, c, r, y]) for s in built[(c, r, y)]]
        if m.elastic_limits:
            pairs.append((-1.0, m.build_excess[c, r, y]))
        return _linear(pairs) <= st.build_limit[(c, r, y)]

    m.build_limit = pyo.Constraint(st.build_limit_index, rule=rule)


def add_carrier_balance(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Produced carriers (hydrogen): national production equals national use, per year.

    .. math:: \sum_{s,c,r \in R_k} a_{s,c,r,y} = \sum_{s,c,r} \phi_{r,k,y}\, a_{s,c,r,y}

    Dual: the marginal cost of the carrier (hydrogen) in the year. Units: PJ/yr.
    """
    index = [(k, y) for k in st.produced_carriers for y in st.years]

    def rule(m, k, y):
        pairs = [(1.0, m.activity[s, c, r, y]) for (s, c, r) in st.producers[k]]
        pairs += [
            (-st.inputs[(r, y)][k], m.activity[s, c, r, y])
            for (s, c, r) in st.route_cells
            if k in st.inputs[(r, y)]
        ]
        return _linear(pairs) == 0

    m.carrier_balance = pyo.Constraint(index, rule=rule)


def add_grid_limit(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Grid congestion: peak electricity load of a cluster is within its connection capacity.

    .. math:: \sum_{s,r} \frac{\phi_{r,\mathrm{el},y}\, a_{s,c,r,y}}{h_r} \le G_{c,y} + \sum_{y' \le y} x_{c,y'} \;(+\,g_{c,y})

    :math:`h_r` full-load hours of the route's electricity use, :math:`G` connection
    capacity, :math:`x` paid expansion (where switched on), :math:`g` excess in elastic
    mode. Dual: the value of one more MW of connection in that cluster and year.
    Units: MW.
    """
    grid = st.policy["grid"]
    loads = defaultdict(list)
    for (s, c, r, y), coefficient in grid["peak"].items():
        loads[(c, y)].append((coefficient, (s, c, r, y)))
    expansions = defaultdict(list)
    for c, v in grid["expansion_index"]:
        for y in st.years:
            if y >= v:
                expansions[(c, y)].append(v)

    def rule(m, c, y):
        pairs = [(coefficient, m.activity[key]) for coefficient, key in loads[(c, y)]]
        pairs += [(-1.0, m.grid_expansion[c, v]) for v in expansions[(c, y)]]
        if m.elastic_limits:
            pairs.append((-1.0, m.grid_excess[c, y]))
        return _linear(pairs) <= grid["limit"][(c, y)]

    m.grid_limit = pyo.Constraint(grid["index"], rule=rule)


def add_subsidy_constraints(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Subsidies: what an instrument pays stays within its aid intensity and its budget.

    Investment grants (NIKI, VEKI, DEI+, Flex-e) pay at most a share :math:`\sigma` of
    capex on the capacity they fund; operating subsidies (SDE++) fund capacity :math:`w`
    and pay a rate, never more than the unprofitable gap to the reference route, on the
    output :math:`u` of that capacity in the years of their duration. A unit of new
    capacity takes one instrument at most (aid does not stack); the paid output is within
    the funded capacity and within what the route actually makes:

    .. math:: \sum_i \frac{g_{i,s,c,r,v}}{\sigma_{i,r}\, C_{r,v}} + \sum_i w_{i,s,c,r,v} \le n_{s,c,r,v}, \qquad u_{i,s,c,r,v,y} \le \alpha_r\, w_{i,s,c,r,v}, \qquad \sum_{i,v} u_{i,s,c,r,v,y} \le a_{s,c,r,y}

    The budget of a round caps grants plus the full commitment of operating subsidies:

    .. math:: \sum_{s,c,r} g_{i,s,c,r,y} + \sum_{s,c,r} \min(\rho_{i,r,y}, \Delta_{r,y})\,\alpha_r\, T_i\, w_{i,s,c,r,y} \le S_{i,y}

    Dual of the budget: what one more MEUR of budget saves industry (MEUR per MEUR).
    Units: MEUR.
    """
    sub = st.policy["subsidy"]

    funded = defaultdict(list)
    for key in sub["grant_index"]:
        funded[key[1:]].append((1.0 / sub["grant_share"][key], m.grant[key]))
    for key in sub["operating_index"]:
        funded[key[1:]].append((1.0, m.subsidised_capacity[key]))

    def stacking_rule(m, s, c, r, v):
        pairs = funded[(s, c, r, v)] + [(-1.0, m.new_capacity[s, c, r, v])]
        return _linear(pairs) <= 0

    def output_rule(m, i, s, c, r, v, y):
        return m.subsidised_output[i, s, c, r, v, y] <= (
            st.availability[r] * m.subsidised_capacity[i, s, c, r, v]
        )

    def cover_rule(m, s, c, r, y):
        pairs = [
            (1.0, m.subsidised_output[i, s, c, r, v, y])
            for i, v in sub["operating_cover"][(s, c, r, y)]
        ]
        return _linear(pairs + [(-1.0, m.activity[s, c, r, y])]) <= 0

    grants = defaultdict(list)
    for key in sub["grant_index"]:
        grants[(key[0], key[4])].append(key)
    operating = defaultdict(list)
    for key in sub["operating_index"]:
        operating[(key[0], key[4])].append(key)

    def budget_rule(m, i, y):
        pairs = [(1.0, m.grant[key]) for key in grants[(i, y)]]
        pairs += [
            (sub["operating_commitment"][key], m.subsidised_capacity[key])
            for key in operating[(i, y)]
        ]
        return _linear(pairs) <= sub["budget"][(i, y)]

    m.subsidy_stacking = pyo.Constraint(sorted(funded), rule=stacking_rule)
    m.subsidised_output_limit = pyo.Constraint(sub["output_index"], rule=output_rule)
    m.operating_subsidy_output = pyo.Constraint(sorted(sub["operating_cover"]), rule=cover_rule)
    m.subsidy_budget = pyo.Constraint(sub["budget_index"], rule=budget_rule)


def add_ikc_constraints(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""IKC-ETS: compensation for indirect ETS costs, within the rate and the yearly budget.

    .. math:: z_{s,c,y} \le \beta\, e_y\, P^{ETS}_y \sum_r \phi_{r,\mathrm{el},y}\, a_{s,c,r,y}, \qquad \sum_{s,c} z_{s,c,y} \le S^{IKC}_y

    :math:`\beta` aid intensity, :math:`e` the electricity emission factor. When claims
    exceed the budget the LP pays the budget; the results split it pro rata over the claims.
    Units: MEUR/yr.
    """
    ikc = st.policy["ikc"]

    def rate_rule(m, s, c, y):
        electricity = sum(
            st.inputs[(r, y)].get("electricity", 0.0) * m.activity[s, c, r, y]
            for r in m.cell_routes[(s, c)]
        )
        return m.ikc_paid[s, c, y] <= ikc["rate"][(s, c, y)] * electricity

    by_year = defaultdict(list)
    for s, c, y in ikc["index"]:
        by_year[y].append((s, c, y))

    def budget_rule(m, y):
        return sum(m.ikc_paid[key] for key in by_year[y]) <= ikc["budget"][y]

    m.ikc_limit = pyo.Constraint(ikc["index"], rule=rate_rule)
    m.ikc_budget = pyo.Constraint(sorted(y for y in ikc["budget"] if by_year[y]), rule=budget_rule)


def add_levy_base(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""National CO2 levy: the levied emissions are those above the dispensation rights.

    .. math:: \ell_{s,c,y} \ge E_{s,c,y} - X_{s,c,y}, \quad \ell \ge 0

    Cost term: :math:`\max(0, \tau_y - P^{ETS}_y)\,\ell_{s,c,y}`. Units: Mt/yr.
    """
    levy = st.policy["levy"]

    def rule(m, s, c, y):
        return (
            m.levied[s, c, y]
            >= emissions_expression(m, st, s, c, y) - levy["dispensation"][(s, c, y)]
        )

    m.levy_base = pyo.Constraint(levy["index"], rule=rule)


def add_co2_storage_limit(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""CO2 storage: CO2 captured in a year fits the storage that can be injected.

    .. math:: Q_y \le Z_y \;(+\,q_y)

    Dual: the value of one more Mt of storage in the year. Units: Mt/yr.
    """
    storage = st.policy["storage"]

    def rule(m, y):
        captured = captured_expression(m, st, y)
        if m.elastic_limits:
            captured = captured - m.storage_excess[y]
        return captured <= storage["limit"][y]

    m.co2_storage_limit = pyo.Constraint(storage["index"], rule=rule)


def add_supply_limits(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Supply: national use of a carrier, and national activity of a route, within limits.

    .. math:: U_{k,y} \le \bar U_{k,y}, \qquad \sum_{s,c} a_{s,c,r,y} \le \bar A_{r,y}

    Units: PJ/yr (carriers), output unit per year (routes).
    """
    supply = st.policy["supply"]
    cells_of_route = defaultdict(list)
    for s, c, r in st.route_cells:
        cells_of_route[r].append((s, c))

    def carrier_rule(m, k, y):
        use = carrier_use_expression(m, st, k, y)
        if m.elastic_limits:
            use = use - m.supply_excess[k, y]
        return use <= supply["carrier_limit"][(k, y)]

    def route_rule(m, r, y):
        pairs = [(1.0, m.activity[s, c, r, y]) for s, c in cells_of_route[r]]
        if m.elastic_limits:
            pairs.append((-1.0, m.route_excess[r, y]))
        return _linear(pairs) <= supply["route_limit"][(r, y)]

    m.supply_limit = pyo.Constraint(supply["carrier_index"], rule=carrier_rule)
    m.route_activity_limit = pyo.Constraint(supply["route_index"], rule=route_rule)


def add_route_activity_minimum(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Commitments: national activity of a route is at least its committed minimum.

    .. math:: \sum_{s,c} a_{s,c,r,y} \;(+\,w_{r,y}) \ge \underline{A}_{r,y}

    For projects that run under contract (Porthos capture) or obligations (a quota);
    :math:`w` is the shortfall in elastic mode. Dual: what the commitment costs per unit.
    Units: output unit per year.
    """
    supply = st.policy["supply"]
    cells_of_route = defaultdict(list)
    for s, c, r in st.route_cells:
        cells_of_route[r].append((s, c))

    def rule(m, r, y):
        pairs = [(1.0, m.activity[s, c, r, y]) for s, c in cells_of_route[r]]
        if m.elastic_targets:
            pairs.append((1.0, m.route_shortfall[r, y]))
        return _linear(pairs) >= supply["route_minimum"][(r, y)]

    m.route_activity_minimum = pyo.Constraint(supply["minimum_index"], rule=rule)


def add_emission_cap(m: pyo.ConcreteModel, st: Structure) -> None:
    r"""Emission target: direct emissions of the modelled industry stay within the cap.

    .. math:: \sum_{s,c} E_{s,c,y} \le \bar E_y \;(+\,o_y)

    Dual: the CO2 price the target implies on top of the ETS (EUR/t). Units: Mt/yr.
    """
    cap = st.policy["cap"]

    def rule(m, y):
        pairs = [
            (_net_emission_factor(st, r, y), m.activity[s, c, r, y])
            for (s, c, r) in st.route_cells
            if _net_emission_factor(st, r, y) != 0
        ]
        if m.elastic_targets:
            pairs.append((-1.0, m.cap_excess[y]))
        return _linear(pairs) <= cap["limit"][y]

    m.emission_cap = pyo.Constraint(cap["index"], rule=rule)


CONSTRAINTS: list[Callable[[pyo.ConcreteModel, Structure], None]] = [
    add_demand_balance,
    add_capacity_limit,
    add_potential_limit,
    add_build_limit,
    add_carrier_balance,
    add_grid_limit,
    add_subsidy_constraints,
    add_ikc_constraints,
    add_levy_base,
    add_co2_storage_limit,
    add_supply_limits,
    add_route_activity_minimum,
    add_emission_cap,
]


# --------------------------------------------------------------------------- objective


def cost_terms(m: pyo.ConcreteModel, st: Structure) -> dict[str, list[tuple[float, object]]]:
    r"""The discounted net cost to industry, term by term (MEUR, base-year money).

    .. math::
       \min \sum_{s,c,r,v} \Big(\sum_{y \ge v}^{v+L_r-1} \delta_y\,(C_{r,v}\,\mathrm{crf}_r + F_{r,y})\Big) n_{s,c,r,v}
       + \sum_{s,c,r,y} \delta_y \big(c^{run}_{r,y} + (P^{ETS}_y + \epsilon)\, e_{r,y} + \theta_y\, q_{r,y}\big) a_{s,c,r,y}
       - \sum_{s,c,r,y} \delta_y P^{ETS}_y\, b_{s,v(r)}\, \lambda_{s,y}\, a_{s,c,r,y}^{dom}
       - \mathrm{grants} - \mathrm{operating\ subsidies} - \sum \delta_y z_{s,c,y}
       + \sum \delta_y (\tau_y - P^{ETS}_y)^+ \ell_{s,c,y} + \mathrm{grid\ expansion}

    :math:`\delta_y = (1+\rho)^{-(y - y_0)}` discount factor, :math:`\mathrm{crf}` capital
    recovery factor (capex counts only for the years of its life inside the horizon),
    :math:`c^{run}` carrier purchases with network tariff and energy tax, variable cost
    and CBAM on imports, :math:`e` and :math:`q` net emitted and captured CO2 per unit,
    :math:`\theta` the transport and storage tariff, :math:`b\lambda` free allocation per
    unit of domestic output after the CBAM phase-out, :math:`\epsilon` the tie-break
    penalty (EUR/t) that makes ties go to the lower-emission route; the reported cost
    leaves it out. Units: MEUR.
    """
    d = st.discount
    tariff = st.policy["storage"]["tariff"]
    act = m.activity
    terms: dict[str, list[tuple[float, object]]] = {}
    terms["investment"] = [(st.build_cost[key], m.new_capacity[key]) for key in st.build_index]
    terms["running"] = [
        (d[y] * st.running_cost[(r, y)], act[s, c, r, y])
        for (s, c, r, y) in st.activity_index
        if st.running_cost[(r, y)] != 0
    ]
    terms["ets"] = [
        (d[y] * st.ets_price[y] * _net_emission_factor(st, r, y), act[s, c, r, y])
        for (s, c, r, y) in st.activity_index
        if st.ets_price[y] * _net_emission_factor(st, r, y) != 0
    ]
    terms["free_allocation"] = [
        (-d[y] * st.ets_price[y] * st.free_allocation[(s, st.route_service[r], y)], act[s, c, r, y])
        for (s, c, r, y) in st.activity_index
        if st.domestic[r] and st.ets_price[y] * st.free_allocation[(s, st.route_service[r], y)] != 0
    ]
    terms["co2_transport_storage"] = [
        (d[y] * tariff[y] * st.gross_emission_factor[(r, y)] * st.capture_rate[r], act[s, c, r, y])
        for (s, c, r, y) in st.activity_index
        if tariff[y] * st.capture_rate[r] * st.gross_emission_factor[(r, y)] != 0
    ]
    sub = st.policy["subsidy"]
    terms["investment_grants"] = [
        (-sub["grant_value"][key], m.grant[key]) for key in sub["grant_index"]
    ]
    terms["operating_subsidies"] = [
        (-sub["operating_value"][key], m.subsidised_output[key]) for key in sub["output_index"]
    ]
    terms["ikc_compensation"] = [(-d[key[2]], m.ikc_paid[key]) for key in st.policy["ikc"]["index"]]
    levy = st.policy["levy"]
    terms["co2_levy"] = [(d[key[2]] * levy["rate"][key], m.levied[key]) for key in levy["index"]]
    grid = st.policy["grid"]
    terms["grid_expansion"] = [
        (grid["expansion_cost"][key], m.grid_expansion[key]) for key in grid["expansion_index"]
    ]
    terms["tie_break"] = [
        (d[y] * st.tie_break * _net_emission_factor(st, r, y), act[s, c, r, y])
        for (s, c, r, y) in st.activity_index
        if st.tie_break * _net_emission_factor(st, r, y) != 0
    ]
    return terms


def _add_variables(m: pyo.ConcreteModel, st: Structure) -> None:
    nonneg = pyo.NonNegativeReals
    m.activity = pyo.Var(st.activity_index, within=nonneg)
    m.new_capacity = pyo.Var(st.build_index, within=nonneg)
    sub = st.policy["subsidy"]
    m.grant = pyo.Var(sub["grant_index"], within=nonneg)
    m.subsidised_capacity = pyo.Var(sub["operating_index"], within=nonneg)
    m.subsidised_output = pyo.Var(sub["output_index"], within=nonneg)
    m.ikc_paid = pyo.Var(st.policy["ikc"]["index"], within=nonneg)
    m.levied = pyo.Var(st.policy["levy"]["index"], within=nonneg)
    m.grid_expansion = pyo.Var(st.policy["grid"]["expansion_index"], within=nonneg)


def _add_elastic_variables(m: pyo.ConcreteModel, st: Structure) -> list[tuple[float, object]]:
    """Slack, at a penalty, on the targets or the limits a scenario can make infeasible.

    Targets are demand, the emission cap and committed activity; limits are grid, CO2 storage, supply and
    build rates. A diagnosis relaxes one group at a time: "how far do the targets miss
    within the limits?" and "how much more of each limit would the targets need?".
    """
    nonneg = pyo.NonNegativeReals
    policy = st.policy
    slack = []
    if m.elastic_targets:
        m.unserved = pyo.Var(st.demand_index, within=nonneg)
        m.cap_excess = pyo.Var(policy["cap"]["index"], within=nonneg)
        m.route_shortfall = pyo.Var(policy["supply"]["minimum_index"], within=nonneg)
        slack += [m.unserved, m.cap_excess, m.route_shortfall]
    if m.elastic_limits:
        m.build_excess = pyo.Var(st.build_limit_index, within=nonneg)
        m.grid_excess = pyo.Var(policy["grid"]["index"], within=nonneg)
        m.storage_excess = pyo.Var(policy["storage"]["index"], within=nonneg)
        m.supply_excess = pyo.Var(policy["supply"]["carrier_index"], within=nonneg)
        m.route_excess = pyo.Var(policy["supply"]["route_index"], within=nonneg)
        slack += [m.build_excess, m.grid_excess, m.storage_excess, m.supply_excess, m.route_excess]
    return [(ELASTIC_PENALTY, variable) for component in slack for variable in component.values()]


def build_model(st: Structure, elastic: tuple[str, ...] = ()) -> pyo.ConcreteModel:
    """Build the LP of a scenario from its structure.

    ``elastic`` may name ``"targets"`` and/or ``"limits"``: those constraints then get a
    penalised slack, so that an infeasible scenario solves and shows where it breaks.
    """
    m = pyo.ConcreteModel(name="elektra")
    m.elastic_targets = "targets" in elastic
    m.elastic_limits = "limits" in elastic
    m.cell_routes = _routes_by_cell(st)
    _add_variables(m, st)
    penalty = _add_elastic_variables(m, st)
    for add in CONSTRAINTS:
        add(m, st)
    terms = cost_terms(m, st)
    pairs = [pair for term in terms.values() for pair in term] + penalty
    m.objective = pyo.Objective(expr=_linear(pairs), sense=pyo.minimize)
    return m
