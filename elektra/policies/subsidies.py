"""Subsidy instruments with budgets: investment grants (NIKI, VEKI, DEI+, Flex-e) and
operating subsidies (SDE++).

Switch: ``subsidies``. An instrument is eligible for a route where the data gives a row
(``grant_share`` for grants, ``operating_subsidy_rate`` for operating subsidies) and the
instrument has a budget that year; whether it pays anything (a share of zero capex, an
unprofitable gap of zero at a high ETS price) is a coefficient, never a missing column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

import numpy as np

from elektra.lp import Builder, DualSpec, Row, Variables, at_most, by_block
from elektra.policies.base import ZERO_DUAL, Policy
from elektra.policies.ets import carbon_price
from elektra.resultspec import ResultSpec, to_array
from elektra.structure import CellYear, Core, annuity_factor, finite


class InstrumentYear(NamedTuple):
    instrument: str
    year: int


class Funding(NamedTuple):
    """Capacity of a vintage funded by an instrument (``year`` is the vintage)."""

    instrument: str
    sector: str
    cluster: str
    route: str
    year: int


class PaidOutput(NamedTuple):
    """Output in ``year`` of subsidised capacity of ``vintage``."""

    instrument: str
    sector: str
    cluster: str
    route: str
    vintage: int
    year: int


@dataclass(frozen=True)
class SubsidyCoefficients:
    budget: Mapping[InstrumentYear, float]
    #: budgets with at least one eligible project
    budget_index: tuple[InstrumentYear, ...]
    grant_index: tuple[Funding, ...]
    #: grant paid per unit of funded capacity: share x capex (MEUR per unit/yr)
    grant_per_unit: Mapping[Funding, float]
    #: capex annuity factor of each route
    recovery: Mapping[str, float]
    operating_index: tuple[Funding, ...]
    #: rate paid per unit of output: min(rate, unprofitable gap) (MEUR/unit)
    operating_rate: Mapping[Funding, float]
    #: budget committed per unit of funded capacity: rate x availability x duration
    commitment: Mapping[Funding, float]
    output_index: tuple[PaidOutput, ...]
    #: (instrument, vintage) paying for the output of a cell in a year
    cover: Mapping[CellYear, tuple[tuple[str, int], ...]]
    #: the instruments funding each unit of new capacity (sector, cluster, route, vintage)
    funded: Mapping[CellYear, tuple[Funding, ...]]
    #: unprofitable gap of a route against its cheapest reference route (MEUR/unit)
    gap: Mapping[tuple[str, int], float]
    lifetime: Mapping[str, float]


DUALS = (
    DualSpec(
        "subsidy_budget",
        "dual_subsidy_budget",
        ("instrument", "year"),
        "MEUR/MEUR",
        "Cost saved for industry by one more euro of budget",
    ),
    DualSpec(
        "operating_subsidy_output",
        "dual_operating_subsidy_output",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of output allowed to subsidised capacity",
    ),
)
RESULTS = (
    ResultSpec(
        "subsidy_paid",
        ("instrument", "year"),
        "MEUR/yr",
        "Subsidy paid out in the year (public outlay)",
    ),
    ResultSpec(
        "subsidy_committed",
        ("instrument", "year"),
        "MEUR",
        "Subsidy committed to the projects of the year's round",
    ),
    ResultSpec(
        "subsidy_budget", ("instrument", "year"), "MEUR", "Budget of the instrument's round"
    ),
    ResultSpec(
        "co2_avoided_per_budget",
        ("instrument", "year"),
        "t/MEUR",
        "CO2 avoided over the horizon per extra million euro of a binding budget "
        "(with run --sensitivity)",
    ),
)
PER_PROJECT = "the budget's dual spread over projects, already in dual_subsidy_budget"


def subsidy_stacking(x: Variables, coef: SubsidyCoefficients, key: CellYear) -> Row:
    r"""No stacking: a unit of new capacity is funded by one instrument at most.

    .. math:: \sum_i w^{G}_{i,s,c,r,v} + \sum_i w^{O}_{i,s,c,r,v} \le n_{s,c,r,v}

    :math:`w^G` capacity funded by an investment grant, :math:`w^O` by an operating
    subsidy. Units: output unit per year.
    """
    pairs = [
        (1.0, x.grant_capacity[f] if f in coef.grant_per_unit else x.subsidised_capacity[f])
        for f in coef.funded[key]
    ]
    return at_most(pairs + [(-1.0, x.new_capacity[key])], 0.0)


def subsidised_output_limit(x: Variables, core: Core, key: PaidOutput) -> Row:
    r"""Paid output of subsidised capacity is within what that capacity can make.

    .. math:: o_{i,s,c,r,v,y} \le \alpha_r\, w^O_{i,s,c,r,v}

    Units: output unit per year.
    """
    funding = Funding(*key[:5])
    return at_most(
        [
            (1.0, x.subsidised_output[key]),
            (-core.availability[key.route], x.subsidised_capacity[funding]),
        ],
        0.0,
    )


def operating_subsidy_output(x: Variables, coef: SubsidyCoefficients, key: CellYear) -> Row:
    r"""Paid output is within what the route actually makes.

    .. math:: \sum_{i,v} o_{i,s,c,r,v,y} \le a_{s,c,r,y}

    Units: output unit per year.
    """
    s, c, r, y = key
    pairs = [(1.0, x.subsidised_output[(i, s, c, r, v, y)]) for i, v in coef.cover[key]]
    return at_most(pairs + [(-1.0, x.activity[key])], 0.0)


def subsidy_budget(
    x: Variables, coef: SubsidyCoefficients, by_budget: Mapping, key: InstrumentYear
) -> Row:
    r"""Budget: grants plus the full commitment of operating subsidies of a round.

    .. math:: \sum_{s,c,r} \sigma_{i,r}\, C_{r,y}\, w^G_{i,s,c,r,y} + \sum_{s,c,r} \min(\rho_{i,r,y}, \Delta_{r,y})\,\alpha_r\, H_i\, w^O_{i,s,c,r,y} \le S_{i,y}

    :math:`\sigma` the grant's aid intensity (share of capex :math:`C`), :math:`\rho` the
    operating rate, :math:`\Delta` the unprofitable gap against the cheapest reference
    route at that year's prices (capex annuity, fixed O&M, energy, ETS), :math:`H` the
    subsidy duration. Dual: what one more MEUR of budget saves industry (MEUR per MEUR).
    Units: MEUR.
    """
    pairs = [(coef.grant_per_unit[f], x.grant_capacity[f]) for f in by_budget[key]["grant"]]
    pairs += [(coef.commitment[f], x.subsidised_capacity[f]) for f in by_budget[key]["operating"]]
    return at_most(pairs, coef.budget[key])


def subsidy_costs(b: Builder, x: Variables, core: Core, coef: SubsidyCoefficients) -> None:
    r"""Subsidies received: grants annualised like the capex they pay for, and operating
    subsidies on paid output.

    .. math:: C^{sub}_y = -\sum_{i,s,c,r} \sum_{v \le y < v + L_r} \sigma_{i,r} C_{r,v}\,\mathrm{crf}_r\, w^G_{i,s,c,r,v} - \sum_{i,s,c,r,v} \min(\rho_{i,r,v}, \Delta_{r,v})\, o_{i,s,c,r,v,y}

    in components ``investment_grants`` and ``operating_subsidies``. Units: MEUR/yr.
    """
    grants, operating = defaultdict(list), defaultdict(list)
    for f in coef.grant_index:
        value = coef.grant_per_unit[f] * coef.recovery[f.route]
        for y in core.in_service_years(f.year, coef.lifetime[f.route]):
            grants[y].append((-value, x.grant_capacity[f]))
    for key in coef.output_index:
        rate = coef.operating_rate[Funding(*key[:5])]
        operating[key.year].append((-rate, x.subsidised_output[key]))
    for y in core.years:
        b.cost("investment_grants", y, grants[y])
        b.cost("operating_subsidies", y, operating[y])


def _gaps(data, core: Core, price: Mapping[int, float], cbam: Mapping) -> dict:
    """The unprofitable gap of each (route, year) against its cheapest reference route."""
    capex = data.table("capex")
    routes = data.routes

    def cost(route: str, year: int) -> float:
        return (
            core.levelised_cost(route, year, capex[route, year])
            + price[year] * core.net_emission_factor[(route, year)]
            + cbam.get((route, year), 0.0)
        )

    # the reference routes of each (sector, service), in routes.csv order (one pass, not
    # one DataFrame filter per route: a sweep recomputes this for every variant)
    by_service: dict[tuple[str, str], list[str]] = {}
    for route, sector, service, route_class in zip(
        routes.index, routes["sector"], routes["service"], routes["route_class"]
    ):
        if route_class == "reference":
            by_service.setdefault((sector, service), []).append(route)
    references: dict[str, list[str]] = {}
    for r in core.lifetime:
        same = by_service.get((core.route_sector[r], core.route_service[r]), [])
        references[r] = [x for x in same if x in core.lifetime and x != r]
    return {
        (r, y): (
            max(0.0, cost(r, y) - min(cost(x, y) for x in references[r]))
            if references[r]
            else np.inf
        )
        for r in core.lifetime
        for y in core.years
    }


class Subsidies(Policy):
    name = "subsidies"
    title = "Subsidy instruments with budgets"
    switches = ("subsidies",)
    constraints = (
        subsidy_stacking,
        subsidised_output_limit,
        operating_subsidy_output,
        subsidy_budget,
    )
    cost_functions = (subsidy_costs,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, earlier) -> SubsidyCoefficients:
        price = carbon_price(earlier, core.years)
        ets = earlier.get("ets")
        gap = _gaps(data, core, price, ets.cbam_charge if ets else {})
        budget_table = data.table("subsidy_budget")
        budget = {
            InstrumentYear(i, y): budget_table[i, y]
            for i in core.labels["instrument"]
            for y in core.years
            if finite(budget_table[i, y])
        }
        kind = data.instruments["kind"].to_dict()
        share = data.table("grant_share")
        rate_table = data.table("operating_subsidy_rate")
        duration = data.table("subsidy_duration")
        capex = data.table("capex")
        grant_index, grant_per_unit = [], {}
        operating_index, operating_rate, commitment = [], {}, {}
        for i in core.labels["instrument"]:
            for s, c, r, v in core.build_index:
                if (i, v) not in budget:
                    continue
                key = Funding(i, s, c, r, v)
                if kind[i] == "investment" and finite(share[i, r]):
                    grant_index.append(key)
                    grant_per_unit[key] = share[i, r] * capex[r, v]
                elif kind[i] == "operating" and finite(rate_table[i, r, v]):
                    paid = max(0.0, min(rate_table[i, r, v], gap[(r, v)]))
                    operating_index.append(key)
                    operating_rate[key] = paid
                    # the budget commits the rate on full-availability output for the whole
                    # duration, inside the horizon or not
                    commitment[key] = paid * core.availability[r] * duration[i]
        output_index = [
            PaidOutput(*f, y)
            for f in operating_index
            for y in core.in_service_years(
                f.year, min(duration[f.instrument], core.lifetime[f.route])
            )
        ]
        cover: dict[CellYear, list] = defaultdict(list)
        for key in output_index:
            cover[CellYear(key.sector, key.cluster, key.route, key.year)].append(
                (key.instrument, key.vintage)
            )
        funded: dict[CellYear, list] = defaultdict(list)
        for f in grant_index + operating_index:
            funded[CellYear(*f[1:])].append(f)
        return SubsidyCoefficients(
            budget=budget,
            budget_index=tuple(
                sorted(
                    {InstrumentYear(f.instrument, f.year) for f in grant_index + operating_index}
                )
            ),
            grant_index=tuple(grant_index),
            grant_per_unit=grant_per_unit,
            recovery={
                r: annuity_factor(core.discount_rate, core.lifetime[r]) for r in core.lifetime
            },
            operating_index=tuple(operating_index),
            operating_rate=operating_rate,
            commitment=commitment,
            output_index=tuple(output_index),
            cover={key: tuple(value) for key, value in cover.items()},
            funded={key: tuple(value) for key, value in funded.items()},
            gap=gap,
            lifetime=core.lifetime,
        )

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "grant_capacity",
                coef.grant_index,
                Funding._fields,
                units="output_unit/yr",
                description="New capacity funded by an investment grant",
            )
        )
        x.add(
            b.variables(
                "subsidised_capacity",
                coef.operating_index,
                Funding._fields,
                units="output_unit/yr",
                description="New capacity funded by an operating subsidy",
            )
        )
        x.add(
            b.variables(
                "subsidised_output",
                coef.output_index,
                PaidOutput._fields,
                units="output_unit/yr",
                description="Output of subsidised capacity that is paid the operating rate",
            )
        )
        by_budget: dict = defaultdict(lambda: {"grant": [], "operating": []})
        for f in coef.grant_index:
            by_budget[(f.instrument, f.year)]["grant"].append(f)
        for f in coef.operating_index:
            by_budget[(f.instrument, f.year)]["operating"].append(f)
        b.constraints(
            "subsidy_stacking",
            sorted(coef.funded),
            CellYear._fields,
            partial(subsidy_stacking, x, coef),
            dual_note=PER_PROJECT,
        )
        b.constraints(
            "subsidised_output_limit",
            coef.output_index,
            PaidOutput._fields,
            partial(subsidised_output_limit, x, core),
            dual_note=PER_PROJECT,
        )
        b.constraints(
            "operating_subsidy_output",
            sorted(coef.cover),
            CellYear._fields,
            partial(operating_subsidy_output, x, coef),
            dual=DUALS[1],
        )
        b.constraints(
            "subsidy_budget",
            coef.budget_index,
            InstrumentYear._fields,
            partial(subsidy_budget, x, coef, by_budget),
            dual=DUALS[0],
        )
        subsidy_costs(b, x, core, coef)

    def sensitivity(self, core, coef, solution) -> dict:
        """CO2 avoided (t) per extra MEUR of each binding budget, by a warm re-solve.

        The budget is raised by 1 % (at least 1 MEUR); the change in horizon emissions
        over the change in budget is reported. Budgets whose dual is zero avoid nothing.
        """
        avoided = {}
        base = total_emissions(core, solution.values("activity"))
        for key, dual in solution.duals("subsidy_budget").items():
            if dual > -ZERO_DUAL:
                avoided[key] = 0.0
                continue
            delta = max(1.0, 0.01 * coef.budget[key])
            x = solution.resolve_with_rhs_change("subsidy_budget", key, delta)
            if x is not None:
                values = by_block(solution.lp.columns["activity"], x)
                avoided[key] = (base - total_emissions(core, values)) * 1e6 / delta
        return {"co2_avoided_per_budget": avoided}

    def report(self, ds, core, coef, solution, extra=None) -> None:
        paid: dict[tuple, float] = defaultdict(float)
        committed: dict[tuple, float] = defaultdict(float)
        for f, amount in solution.values("grant_capacity").items():
            grant = coef.grant_per_unit[f] * amount
            paid[(f.instrument, f.year)] += grant  # a grant is paid when the capacity is built
            committed[(f.instrument, f.year)] += grant
        for f, amount in solution.values("subsidised_capacity").items():
            committed[(f.instrument, f.year)] += coef.commitment[f] * amount
        for key, amount in solution.values("subsidised_output").items():
            paid[(key.instrument, key.year)] += coef.operating_rate[Funding(*key[:5])] * amount
        labels = {"instrument": core.labels["instrument"], "year": core.years}
        nan = float("nan")
        ds["subsidy_paid"] = to_array(RESULTS[0], paid, labels)
        ds["subsidy_committed"] = to_array(RESULTS[1], committed, labels)
        ds["subsidy_budget"] = to_array(RESULTS[2], coef.budget, labels, fill=nan)
        avoided = (extra or {}).get("co2_avoided_per_budget", {})
        ds["co2_avoided_per_budget"] = to_array(RESULTS[3], avoided, labels, fill=nan)

    def outlays(self, ds) -> dict:
        return {str(i): ds["subsidy_paid"].sel(instrument=i) for i in ds.instrument.values}


def total_emissions(core: Core, activity: Mapping[tuple, float]) -> float:
    """Direct CO2 over the horizon (Mt) of a set of activity values."""
    return sum(
        core.net_emission_factor[(key[2], key[3])] * level for key, level in activity.items()
    )
