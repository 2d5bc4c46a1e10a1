r"""Flex-e: a grant for flexible electrification, and what its budget buys.

Switch: ``flex_e``. Flex-e (Stcrt. 2025, 6499; continued with an XL part for the
energy-intensive industry, EUR 198.9 m for 2027-2030 in the policy letter of 2026) funds
flexibility, not e-boilers as such. What it buys in elektra are flexible (hybrid)
e-boilers: routes that keep their gas boiler as back-up and run on electricity only in the
hours their grid contract allows. Those routes are technology data, there whether Flex-e
is on or not:

- their grid contract is non-firm (a time-bound or time-block transport right, ACM code
  decision of 2024): ``firm_share`` 0 keeps their load out of the cluster's firm peak
  (:func:`elektra.policies.grid.grid_limit`);
- they buy electricity in the allowed hours only, at a lower average price
  (``electricity_discount``, taken off price and network tariff in their energy cost);
- their inputs are the allowed hours' share of heat from electricity and the rest from
  the gas back-up (``input``), and ``full_load_hours`` are the hours they run on
  electricity.

The Flex-e grant pays at most ``flex_e_grant_share`` of a flexible route's capex and at
most its funding gap (no aid without an incentive effect, as for the other grants,
:mod:`elektra.policies.subsidies`), within ``flex_e_budget`` per year, and never on
capacity another instrument funds. The results then say what the budget buys: the MW of
non-firm connection the funded capacity uses (:math:`\phi_{r,y,\mathrm{el}}\,\alpha_r\,\mu/h_r` per
unit), the PJ of electricity it uses and the CO2 it avoids against the cell's reference
route.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Builder, DualSpec, Row, Variables, at_most
from elektra.model.resultspec import ResultSpec, Symbol, to_array
from elektra.model.structure import MWH_PER_PJ, CellYear, Core, Year, annuity_factor, finite
from elektra.policies.base import Policy, Switch
from elektra.policies.ets import carbon_price
from elektra.policies.subsidies import (
    INVESTMENT_GRANTS,
    SubsidyCoefficients,
    funded_capacity,
    funding_gaps,
    route_margins,
)

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "flex_e_budget",
        ("year",),
        "MEUR",
        "Budget of Flex-e for the flexible capacity built in a year.",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 1_000.0),
        plausible_reason=(
            "the policy letter of 2026 puts the Flex-e need at 198.9 MEUR for 2027-2030 in all"
        ),
    ),
    Parameter(
        "flex_e_grant_share",
        ("route",),
        "1",
        "Largest share of a flexible route's capex Flex-e pays (never more than its funding "
        "gap); a route without a row is not eligible.",
        minimum=0,
        maximum=1,
        group="subsidy",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"S^F_y": Symbol("flex_e_budget", "Flex-e budget"),
        r"\sigma^F_r": Symbol("flex_e_grant_share", "aid intensity of Flex-e (share of capex)"),
    },
    "Derived coefficients and constants": {
        r"g^F_{s,c,r,v}": Symbol(
            "policies.flex_e.FlexECoefficients.grant_per_unit",
            "Flex-e grant per unit of capacity: min(share x capex, funding gap)",
            "MEUR/({output}/yr)",
        ),
    },
    "Variables": {
        r"w^F_{s,c,r,v}": Symbol(
            "flex_e_capacity", "new flexible capacity funded by Flex-e", "{output}/yr"
        ),
    },
    "Cost terms": {
        r"C^{F}_y": Symbol("policies.flex_e.flex_e_costs", "Flex-e grants received", "MEUR/yr"),
    },
}


@dataclass(frozen=True)
class FlexECoefficients:
    electricity: str
    #: budget per year of award (MEUR)
    budget: Mapping[Year, float]
    #: new capacity Flex-e may fund: (sector, cluster, route, vintage)
    index: tuple[CellYear, ...]
    #: grant per unit of funded capacity: min(share x capex, funding gap) (MEUR per unit/yr)
    grant_per_unit: Mapping[CellYear, float]
    recovery: Mapping[str, float]
    lifetime: Mapping[str, float]
    #: the subsidy instruments' coefficients, for the capacity they fund (no stacking);
    #: None where subsidies are off
    subsidies: SubsidyCoefficients | None
    #: MW of (non-firm) connection per unit of capacity: phi_el x availability x mu / h
    mw_per_unit: Mapping[tuple[str, int], float]
    #: CO2 avoided per unit of output against the cell's reference route (Mt/unit)
    avoided_per_unit: Mapping[CellYear, float]


DUALS = (
    DualSpec(
        "flex_e_budget",
        "dual_flex_e_budget",
        ("year",),
        "MEUR/MEUR",
        "Cost saved for industry by one more euro of Flex-e budget",
    ),
)
RESULTS = (
    ResultSpec("flex_e_paid", ("year",), "MEUR/yr", "Flex-e grants paid (in the year of build)"),
    ResultSpec(
        "flex_e_capacity",
        ("year",),
        "MW",
        "Connection capacity (electric MW, non-firm) of the flexible e-boilers Flex-e funded, "
        "in service",
    ),
    ResultSpec(
        "flex_e_electricity",
        ("year",),
        "PJ/yr",
        "Electricity used by the capacity Flex-e funded",
    ),
    ResultSpec(
        "flex_e_co2_avoided",
        ("year",),
        "Mt/yr",
        "CO2 the capacity Flex-e funded avoids against the reference route of its cell",
    ),
)


def flex_e_limit(x: Variables, coef: FlexECoefficients, key: CellYear) -> Row:
    r"""Flex-e funds new flexible capacity, never capacity another instrument funds.

    .. math:: w^{F}_{s,c,r,v} + \sum_i w^{G}_{i,s,c,r,v} + \sum_i w^{O}_{i,s,c,r,v} \le n_{s,c,r,v}

    :math:`w^F` capacity funded by Flex-e. Units: output unit per year.
    """
    pairs = [(1.0, x.flex_e_capacity[key]), (-1.0, x.new_capacity[key])]
    if coef.subsidies is not None:
        pairs += [(1.0, column) for column in funded_capacity(x, coef.subsidies, key)]
    return at_most(pairs, 0.0)


def flex_e_budget(x: Variables, coef: FlexECoefficients, by_year: Mapping, key: Year) -> Row:
    r"""Flex-e budget: the grants of the capacity built in a year are within its budget.

    .. math:: \sum_{s,c,r} g^F_{s,c,r,y}\, w^F_{s,c,r,y} \le S^F_y

    :math:`g^F = \min(\sigma^F_r C_{r,y},\, \Gamma_{s,c,r,y})` the grant per unit: the aid
    intensity of the capex, at most the funding gap :math:`\Gamma` (capex less the present value
    of the route's margins over the reference, see the subsidies above). Dual: what one more
    MEUR of Flex-e saves industry. Units: MEUR.
    """
    pairs = [(coef.grant_per_unit[k], x.flex_e_capacity[k]) for k in by_year[key.year]]
    return at_most(pairs, coef.budget[key])


def flex_e_costs(b: Builder, x: Variables, core: Core, coef: FlexECoefficients) -> None:
    r"""Flex-e grants received, annualised like the capex they pay for.

    .. math:: C^{F}_y = -\sum_{s,c,r} \sum_{v \le y < v + L_r} g^F_{s,c,r,v}\,\mathrm{crf}_r\, w^F_{s,c,r,v}

    Component ``investment_grants``. Units: MEUR/yr.
    """
    by_year = defaultdict(list)
    for key in coef.index:
        value = coef.grant_per_unit[key] * coef.recovery[key.route]
        for y in core.in_service_years(key.year, coef.lifetime[key.route]):
            by_year[y].append((-value, x.flex_e_capacity[key]))
    for y, pairs in by_year.items():
        b.cost("investment_grants", y, pairs)


class FlexE(Policy):
    name = "flex_e"
    title = "Flex-e (flexible electrification)"
    position = 40
    switches = (
        Switch(
            "flex_e", True, "Flex-e grants for flexible electrification on non-firm connections"
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    costs = (INVESTMENT_GRANTS,)
    reads = (
        "capex",
        "flex_e_budget",
        "flex_e_grant_share",
        "full_load_hours",
    )
    core_fields = frozenset(
        (
            "activity_index",
            "availability",
            "build_index",
            "carrier_role",
            "cell_routes",
            "demand",
            "discount_rate",
            "energy_cost",
            "energy_tax",
            "existing",
            "fixed_om",
            "inputs",
            "lifetime",
            "net_emission_factor",
            "route_class",
            "route_service",
            "variable_cost",
            "years",
        )
    )
    requires = (
        "ets",
        "subsidies",
    )
    constraints = (flex_e_limit, flex_e_budget)
    cost_functions = (flex_e_costs,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> FlexECoefficients:
        electricity = core.carrier_role.get("grid_electricity", "")
        budget_table = data.table("flex_e_budget")
        budget = {Year(y): budget_table[y] for y in core.years if finite(budget_table[y])}
        share = data.table("flex_e_grant_share")
        capex = data.table("capex")
        hours = data.table("full_load_hours")
        ets = required.get("ets")
        margins = route_margins(
            core, carbon_price(required, core.years), ets.cbam_charge if ets else {}
        )
        index = tuple(
            key for key in core.build_index if finite(share[key.route]) and Year(key.year) in budget
        )
        gaps = funding_gaps(data, core, margins, index)
        recovery = {r: annuity_factor(core.discount_rate, core.lifetime[r]) for r in core.lifetime}
        grant = {
            key: min(share[key.route] * capex[key.route, key.year], gaps[key]) for key in index
        }
        mw = {
            (r, y): core.inputs[(r, y)].get(electricity, 0.0)
            * core.availability[r]
            * MWH_PER_PJ
            / hours[r]
            for r in {key.route for key in index}
            for y in core.years
        }
        avoided = {}
        for key in core.activity_index:
            if not finite(share[key.route]):
                continue
            references = [
                r
                for r in core.cell_routes[(key.sector, key.cluster)]
                if core.route_class[r] == "reference"
                and core.route_service[r] == core.route_service[key.route]
            ]
            reference = max(
                (core.net_emission_factor[(r, key.year)] for r in references), default=0.0
            )
            avoided[key] = reference - core.net_emission_factor[(key.route, key.year)]
        return FlexECoefficients(
            electricity=electricity,
            budget=budget,
            index=index,
            grant_per_unit=grant,
            recovery=recovery,
            lifetime=core.lifetime,
            subsidies=required.get("subsidies"),
            mw_per_unit=mw,
            avoided_per_unit=avoided,
        )

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "flex_e_capacity",
                coef.index,
                CellYear._fields,
                units="output_unit/yr",
                description="New flexible capacity funded by Flex-e",
                ahead=True,
            )
        )
        b.constraints(
            "flex_e_limit",
            coef.index,
            CellYear._fields,
            partial(flex_e_limit, x, coef),
            dual_note="the budget's dual spread over projects, already in dual_flex_e_budget",
        )
        by_year = defaultdict(list)
        for key in coef.index:
            by_year[key.year].append(key)
        b.constraints(
            "flex_e_budget",
            [key for key in sorted(coef.budget) if by_year[key.year]],
            Year._fields,
            partial(flex_e_budget, x, coef, by_year),
            dual=DUALS[0],
        )
        flex_e_costs(b, x, core, coef)

    def _in_service(self, core: Core, coef: FlexECoefficients, funded: Mapping) -> dict:
        """Funded capacity of each cell in service in each year (output unit/yr)."""
        alive: dict[CellYear, float] = defaultdict(float)
        for key, amount in funded.items():
            for y in core.in_service_years(key.year, coef.lifetime[key.route]):
                alive[CellYear(key.sector, key.cluster, key.route, y)] += amount
        return alive

    def report(self, ds, core, coef, solution, extra=None) -> None:
        funded = solution.values("flex_e_capacity")
        activity = solution.values("activity")
        new = solution.values("new_capacity")
        paid: dict[int, float] = defaultdict(float)
        for key, amount in funded.items():
            paid[key.year] += coef.grant_per_unit[key] * amount
        alive = self._in_service(core, coef, funded)
        capacity: dict[int, float] = defaultdict(float)
        electricity: dict[int, float] = defaultdict(float)
        avoided: dict[int, float] = defaultdict(float)
        for cell, amount in alive.items():
            if amount <= 0:
                continue
            capacity[cell.year] += amount * coef.mw_per_unit[(cell.route, cell.year)]
            total = core.existing[cell] + sum(
                new[(cell.sector, cell.cluster, cell.route, v)] for v in core.vintages[cell]
            )
            output = activity[cell] * min(1.0, amount / total) if total > 0 else 0.0
            electricity[cell.year] += output * core.inputs[(cell.route, cell.year)].get(
                coef.electricity, 0.0
            )
            avoided[cell.year] += output * coef.avoided_per_unit[cell]
        labels = {"year": core.years}
        ds["flex_e_paid"] = to_array(RESULTS[0], paid, labels)
        ds["flex_e_capacity"] = to_array(RESULTS[1], capacity, labels)
        ds["flex_e_electricity"] = to_array(RESULTS[2], electricity, labels)
        ds["flex_e_co2_avoided"] = to_array(RESULTS[3], avoided, labels)

    def outlays(self, ds) -> dict:
        return {"flex_e": ds["flex_e_paid"]}

    def notes(self, core, coef, solution) -> list[str]:
        funded = solution.values("flex_e_capacity")
        spent = sum(coef.grant_per_unit[k] * v for k, v in funded.items())
        budget = sum(coef.budget.values())
        if spent <= 1e-6:
            return [
                f"policy 'flex_e': none of its {budget:,.1f} MEUR is used (no flexible capacity "
                "needs the grant, or none is eligible)"
            ]
        alive = self._in_service(core, coef, funded)
        last = core.years[-1]
        mw = sum(
            amount * coef.mw_per_unit[(cell.route, cell.year)]
            for cell, amount in alive.items()
            if cell.year == last
        )
        return [
            f"policy 'flex_e': {spent:,.1f} of {budget:,.1f} MEUR funds {mw:,.0f} MW of "
            f"flexible e-boilers on non-firm contracts in service in {last} (see flex_e_* "
            "results for the PJ of electricity and the CO2 avoided per year)"
        ]
