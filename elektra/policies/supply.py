"""Supply limits and commitments: national use of a carrier (biomethane), national
activity of a route (hydrogen import) within limits, and committed activity of a route
(projects that run under contract, such as Porthos capture).

Switch: ``supply_limits``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.expressions import carrier_use_pairs, route_activity_pairs
from elektra.model.lp import DualSpec, Elastic, Row, Variables, at_least, at_most
from elektra.model.resultspec import Symbol
from elektra.model.structure import CarrierYear, Core, RouteYear, finite
from elektra.policies.base import Policy, Switch

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "supply_limit",
        ("carrier", "year"),
        "PJ/yr",
        "Largest yearly national use of a carrier (biomethane, for instance).",
        minimum=0,
        group="infrastructure",
        plausible=(0.0, 10_000.0),
        plausible_reason=(
            "above the EU's whole industrial final energy use (about 10,000 PJ/yr) is a unit slip"
        ),
    ),
    Parameter(
        "route_activity_limit",
        ("route", "year"),
        "{output}/yr",
        "Largest yearly national activity of a route (hydrogen import, for instance).",
        minimum=0,
        output_from="route",
        group="infrastructure",
        plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
        plausible_reason=(
            "any one service in one cluster is below what the whole EU makes or uses (crude "
            "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
            "unit slip"
        ),
    ),
    Parameter(
        "route_activity_minimum",
        ("route", "year"),
        "{output}/yr",
        "Smallest yearly national activity of a route: committed projects that run under "
        "contract (Porthos capture under SDE++) or an obligation (a quota).",
        minimum=0,
        output_from="route",
        group="infrastructure",
        plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
        plausible_reason=(
            "any one service in one cluster is below what the whole EU makes or uses (crude "
            "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
            "unit slip"
        ),
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"\bar U_{k,y}": Symbol("supply_limit", "largest national use of a carrier"),
        r"\bar A_{r,y}": Symbol("route_activity_limit", "largest national activity of a route"),
        r"\underline{A}_{r,y}": Symbol(
            "route_activity_minimum", "committed national activity of a route"
        ),
    },
}


@dataclass(frozen=True)
class SupplyCoefficients:
    carrier_limit: Mapping[CarrierYear, float]
    route_limit: Mapping[RouteYear, float]
    route_minimum: Mapping[RouteYear, float]


DUALS = (
    DualSpec(
        "supply_limit",
        "dual_supply_limit",
        ("carrier", "year"),
        "MEUR/PJ",
        "Value of one more PJ of a limited carrier",
    ),
    DualSpec(
        "route_activity_limit",
        "dual_route_activity_limit",
        ("route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of national activity of the route",
    ),
    DualSpec(
        "route_activity_minimum",
        "dual_route_activity_minimum",
        ("route", "year"),
        "MEUR/output_unit",
        "What one more unit of committed activity of the route costs",
        sign=1.0,
    ),
)


def supply_limit(x: Variables, core: Core, coef: SupplyCoefficients, key: CarrierYear) -> Row:
    r"""Supply: national use of a carrier is within its supply limit.

    .. math:: U_{k,y} \;(-\,\xi_{k,y}) \le \bar U_{k,y}

    :math:`\xi` the excess in elastic mode. Units: PJ/yr.
    """
    return at_most(carrier_use_pairs(x, core, *key), coef.carrier_limit[key])


def route_activity_limit(x: Variables, core: Core, coef: SupplyCoefficients, key: RouteYear) -> Row:
    r"""Route limit: national activity of a route is within its limit (hydrogen import).

    .. math:: A_{r,y} \;(-\,\xi_{r,y}) \le \bar A_{r,y}

    Units: output unit per year.
    """
    return at_most(route_activity_pairs(x, core, *key), coef.route_limit[key])


def route_activity_minimum(
    x: Variables, core: Core, coef: SupplyCoefficients, key: RouteYear
) -> Row:
    r"""Commitments: national activity of a route is at least its committed minimum.

    .. math:: A_{r,y} \;(+\,\xi_{r,y}) \ge \underline{A}_{r,y}

    For projects that run under contract (Porthos capture) or obligations (a quota);
    :math:`\xi` is the shortfall in elastic mode. Dual: what the commitment costs per unit.
    Units: output unit per year.
    """
    return at_least(route_activity_pairs(x, core, *key), coef.route_minimum[key])


def _explain_carrier(key: CarrierYear, amount: float, row: Row) -> str:
    return (
        f"{key.year}: {key.carrier} supply limit of {row.upper:.3g} PJ binding, "
        f"{amount:.3g} PJ short"
    )


def _explain_route(key: RouteYear, amount: float, row: Row) -> str:
    return (
        f"{key.year}: activity limit of {key.route} ({row.upper:.3g}) binding, {amount:.3g} short"
    )


def _explain_minimum(key: RouteYear, amount: float, row: Row) -> str:
    return f"{key.year}: committed activity of {key.route} ({row.lower:.3g}) short by {amount:.3g}"


class Supply(Policy):
    name = "supply_limits"
    title = "Supply limits and commitments"
    position = 90
    switches = (
        Switch(
            "supply_limits",
            True,
            "supply limits (biomethane, hydrogen import) and committed activity",
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    reads = (
        "route_activity_limit",
        "route_activity_minimum",
        "supply_limit",
    )
    core_fields = frozenset(
        (
            "cells",
            "inputs",
            "labels",
            "route_cells",
            "years",
        )
    )
    constraints = (supply_limit, route_activity_limit, route_activity_minimum)
    duals = DUALS

    def coefficients(self, data, scenario, core, required) -> SupplyCoefficients:
        supply = data.table("supply_limit")
        limit = data.table("route_activity_limit")
        minimum = data.table("route_activity_minimum")
        used = sorted(core.route_cells)
        return SupplyCoefficients(
            carrier_limit={
                CarrierYear(k, y): supply[k, y]
                for k in core.labels["carrier"]
                for y in core.years
                if finite(supply[k, y])
            },
            route_limit={
                RouteYear(r, y): limit[r, y]
                for r in used
                for y in core.years
                if finite(limit[r, y])
            },
            route_minimum={
                RouteYear(r, y): minimum[r, y]
                for r in used
                for y in core.years
                if finite(minimum[r, y])
            },
        )

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "supply_limit",
            sorted(coef.carrier_limit),
            CarrierYear._fields,
            partial(supply_limit, x, core, coef),
            elastic=Elastic("limits", -1.0, _explain_carrier),
            dual=DUALS[0],
        )
        b.constraints(
            "route_activity_limit",
            sorted(coef.route_limit),
            RouteYear._fields,
            partial(route_activity_limit, x, core, coef),
            elastic=Elastic("limits", -1.0, _explain_route),
            dual=DUALS[1],
        )
        b.constraints(
            "route_activity_minimum",
            sorted(coef.route_minimum),
            RouteYear._fields,
            partial(route_activity_minimum, x, core, coef),
            elastic=Elastic("targets", +1.0, _explain_minimum),
            dual=DUALS[2],
        )
