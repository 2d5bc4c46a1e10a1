"""Grid congestion: peak electricity load per cluster within its connection capacity, and
paid expansion of that capacity where a scenario allows it.

Switches: ``grid`` (the limit), ``grid_expansion`` (paid expansion after a lead time).
The grid's electricity is the carrier with role ``grid_electricity`` in carriers.csv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Builder, DualSpec, Elastic, Row, Variables, at_most
from elektra.model.resultspec import CostComponent, ResultSpec, Symbol, to_array
from elektra.model.structure import (
    MWH_PER_PJ,
    CellYear,
    ClusterYear,
    Core,
    annuity_factor,
    finite,
    in_service,
)
from elektra.policies.base import Policy, Switch

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "firm_share",
        ("route",),
        "1",
        "Share of the route's grid electricity drawn on a firm connection, which adds to "
        "the cluster's peak; the rest runs on a non-firm or time-block contract in the "
        "hours the grid allows (flexible e-boilers).",
        default=1.0,
        minimum=0,
        maximum=1,
    ),
    Parameter(
        "grid_capacity",
        ("cluster", "year"),
        "MW",
        "Grid connection capacity available to the modelled industry in a cluster "
        "(existing load included, scheduled reinforcements included from their year).",
        minimum=0,
        group="grid",
        plausible=(0.0, 100_000.0),
        plausible_reason=(
            "the Dutch national peak load is about 20 GW; a cluster's connection is a fraction"
        ),
    ),
    Parameter(
        "grid_expansion_cost",
        ("cluster",),
        "MEUR/MW",
        "Overnight cost of one extra MW of connection capacity, paid by industry.",
        minimum=0,
        group="grid",
        plausible=(0.0, 20.0),
        plausible_reason="grid reinforcement costs 0.3-1.5 MEUR per MW of connection",
    ),
    Parameter(
        "grid_expansion_lead_time",
        ("cluster",),
        "yr",
        "Years from the first model year before paid expansion can be in service.",
        default=0.0,
        minimum=0,
        group="grid",
        plausible=(0.0, 30.0),
        plausible_reason="grid projects take 4-10 years",
    ),
    Parameter(
        "grid_expansion_lifetime",
        (),
        "yr",
        "Lifetime over which paid grid expansion is annualised.",
        default=40.0,
        minimum=1,
        group="grid",
        plausible=(1.0, 100.0),
        plausible_reason="grid assets are written off over 40-60 years",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"\eta_r": Symbol("firm_share", "share of a route's electricity on a firm connection"),
        r"G_{c,y}": Symbol("grid_capacity", "grid connection capacity"),
        r"X_c": Symbol("grid_expansion_cost", "overnight cost of one MW of paid grid expansion"),
        r"L^G": Symbol("grid_expansion_lifetime", "lifetime of paid grid expansion"),
    },
    "Variables": {
        r"x_{c,v}": Symbol("grid_expansion", "paid grid expansion built in year v", "MW"),
    },
    "Cost terms": {
        r"C^{grid}_y": Symbol(
            "policies.grid.grid_expansion_cost", "paid grid expansion", "MEUR/yr"
        ),
    },
}


@dataclass(frozen=True)
class GridCoefficients:
    #: the grid's electricity carrier ("" when the dataset has none)
    electricity: str
    limit: Mapping[ClusterYear, float]
    #: peak load per unit of activity (MW per output unit/yr), per cell and year
    peak: Mapping[CellYear, float]
    #: the cells whose routes use grid electricity, per cluster and year
    loads: Mapping[ClusterYear, tuple[CellYear, ...]]
    #: (cluster, year built) of paid expansion
    expansion_index: tuple[ClusterYear, ...]
    #: annuity of one MW of paid expansion (MEUR per MW per year)
    expansion_annuity: Mapping[str, float]
    expansion_lifetime: float


DUALS = (
    DualSpec(
        "grid_limit",
        "dual_grid",
        ("cluster", "year"),
        "EUR/MW/yr",
        "Value of one more MW of connection capacity in the cluster and year",
        scale=1e6,
    ),
)
RESULTS = (
    ResultSpec(
        "grid_peak", ("cluster", "year"), "MW", "Peak electricity load of the modelled industry"
    ),
    ResultSpec(
        "grid_limit", ("cluster", "year"), "MW", "Grid connection capacity, paid expansion included"
    ),
    ResultSpec("grid_expansion", ("cluster", "year"), "MW", "Paid grid expansion in service"),
)


def peak_load_factor(electricity: float, full_load_hours: float) -> float:
    r"""Peak grid load per unit of activity: :math:`\phi_{r,y,\mathrm{el}}\,\mu / h_r` (MW per
    unit/yr), with :math:`\mu` = 277 777.8 MWh per PJ."""
    return electricity * MWH_PER_PJ / full_load_hours


def grid_limit(x: Variables, core: Core, coef: GridCoefficients, key: ClusterYear) -> Row:
    r"""Grid congestion: peak electricity load of a cluster is within its connection capacity.

    .. math:: \sum_{s,r} \frac{\mu\,\eta_r\,\phi_{r,y,\mathrm{el}}}{h_r}\, a_{s,c,r,y} \le G_{c,y} + \sum_{v \le y < v + L^G} x_{c,v} \;(+\,\xi_{c,y})

    :math:`\phi_{r,y,\mathrm{el}}` the route's grid electricity per unit of output (PJ),
    :math:`\eta_r` the share of it drawn on a firm connection (0 for a flexible route on
    a non-firm or time-block contract, which stays outside the firm peak),
    :math:`\mu` = 277 777.8 MWh/PJ, :math:`h_r` full-load hours of its electricity use,
    :math:`G` connection capacity, :math:`x` paid expansion built in year :math:`v`
    (where switched on), :math:`\xi` the excess in elastic mode. Dual: the value of one more
    MW of connection in that cluster and year. Units: MW.
    """
    pairs = [(coef.peak[cell], x.activity[cell]) for cell in coef.loads.get(key, ())]
    pairs += [
        (-1.0, x.grid_expansion[(key.cluster, v)])
        for c, v in coef.expansion_index
        if c == key.cluster and in_service(v, key.year, coef.expansion_lifetime)
    ]
    return at_most(pairs, coef.limit[key])


def grid_expansion_cost(b: Builder, x: Variables, core: Core, coef: GridCoefficients) -> None:
    r"""Paid grid expansion: its annuity in the years it is in service.

    .. math:: C^{grid}_y = \sum_{c} \sum_{v \le y < v + L^G} X_c\,\mathrm{crf}^G\, x_{c,v}

    :math:`X` overnight cost per MW, :math:`\mathrm{crf}^G` its capital recovery factor
    over :math:`L^G` years. Component ``grid_expansion``. Units: MEUR/yr.
    """
    for y in core.years:
        b.cost(
            "grid_expansion",
            y,
            [
                (coef.expansion_annuity[c], x.grid_expansion[(c, v)])
                for c, v in coef.expansion_index
                if in_service(v, y, coef.expansion_lifetime)
            ],
        )


def _explain(key: ClusterYear, amount: float, row: Row) -> str:
    return (
        f"{key.year}: {key.cluster} grid limit of {row.upper:.0f} MW binding, {amount:.0f} MW short"
    )


class Grid(Policy):
    name = "grid"
    title = "Grid congestion"
    position = 20
    switches = (
        Switch("grid", True, "grid connection limits per cluster"),
        Switch(
            "grid_expansion", False, "paid grid expansion beyond the limits, after its lead time"
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    costs = (CostComponent("grid_expansion", False, "Paid grid expansion", "Grid Expansion"),)
    reads = (
        "firm_share",
        "full_load_hours",
        "grid_capacity",
        "grid_expansion_cost",
        "grid_expansion_lead_time",
        "grid_expansion_lifetime",
    )
    core_fields = frozenset(
        (
            "activity_index",
            "carrier_role",
            "discount_rate",
            "inputs",
            "labels",
            "years",
        )
    )
    constraints = (grid_limit,)
    cost_functions = (grid_expansion_cost,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> GridCoefficients:
        electricity = core.carrier_role.get("grid_electricity", "")
        capacity = data.table("grid_capacity")
        hours = data.table("full_load_hours")
        firm = data.table("firm_share")
        peak, loads = {}, defaultdict(list)
        for key in core.activity_index:
            use = core.inputs[(key.route, key.year)]
            if electricity in use:
                firm_use = use[electricity] * firm[key.route]
                peak[key] = peak_load_factor(firm_use, hours[key.route])
                loads[ClusterYear(key.cluster, key.year)].append(key)
        limit = {
            ClusterYear(c, y): capacity[c, y]
            for c in core.labels["cluster"]
            for y in core.years
            if finite(capacity[c, y])
        }
        expansion_index, annuity = [], {}
        lifetime = float(data["grid_expansion_lifetime"])
        if scenario.policies.grid_expansion:
            cost = data.table("grid_expansion_cost")
            lead = data.table("grid_expansion_lead_time")
            for c in core.labels["cluster"]:
                if not finite(cost[c]):
                    continue
                annuity[c] = cost[c] * annuity_factor(core.discount_rate, lifetime)
                expansion_index += [
                    ClusterYear(c, v) for v in core.years if v >= core.years[0] + lead[c]
                ]
        return GridCoefficients(
            electricity=electricity,
            limit=limit,
            peak=peak,
            loads={key: tuple(cells) for key, cells in loads.items()},
            expansion_index=tuple(expansion_index),
            expansion_annuity=annuity,
            expansion_lifetime=lifetime,
        )

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "grid_expansion",
                coef.expansion_index,
                ("cluster", "year"),
                units="MW",
                description="Paid grid expansion built in the year",
            )
        )
        b.constraints(
            "grid_limit",
            sorted(coef.limit),
            ClusterYear._fields,
            partial(grid_limit, x, core, coef),
            elastic=Elastic("limits", -1.0, _explain),
            dual=DUALS[0],
        )
        grid_expansion_cost(b, x, core, coef)

    def report(self, ds, core, coef, solution, extra=None) -> None:
        activity = solution.values("activity")
        peak: dict[tuple, float] = defaultdict(float)
        for key, factor in coef.peak.items():
            peak[(key.cluster, key.year)] += factor * activity[key]
        built: dict[tuple, float] = defaultdict(float)
        for (c, v), amount in solution.values("grid_expansion").items():
            for y in core.in_service_years(v, coef.expansion_lifetime):
                built[(c, y)] += amount
        limit = {key: value + built[key] for key, value in coef.limit.items()}
        labels = {"cluster": core.labels["cluster"], "year": core.years}
        ds["grid_peak"] = to_array(RESULTS[0], peak, labels)
        ds["grid_limit"] = to_array(RESULTS[1], limit, labels, fill=float("nan"))
        ds["grid_expansion"] = to_array(RESULTS[2], built, labels)

    def notes(self, core, coef, solution) -> list[str]:
        if not coef.electricity:
            return [
                "policy 'grid' is on but no carrier has the role grid_electricity in "
                "carriers.csv: no route adds to the grid's peak"
            ]
        return super().notes(core, coef, solution)
