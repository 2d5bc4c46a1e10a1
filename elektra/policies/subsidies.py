r"""Subsidy instruments with budgets per round: investment grants (NIKI, VEKI, DEI+) and
operating subsidies (SDE++ and its domains).

Switch: ``subsidies``. An instrument is eligible for a route where the data gives a row
(``grant_share`` for grants, ``operating_subsidy_rate`` for operating subsidies) and the
instrument has a budget in the round that funds the capacity; whether it pays anything (a
share of zero capex, an unprofitable gap of zero at a high ETS price) is a coefficient,
never a missing column.

- **Rounds.** A round's budget (``subsidy_budget`` of its year :math:`t`) funds capacity
  commissioned ``subsidy_lead_time`` years later (:math:`v = t + d_i`: a NIKI award of the
  first round, 2025, funds a plant that runs some years on), so an instrument is open to
  the routes it targets from its first round even where they cannot be built that year.
- **Committed draws.** Budget already awarded in a round to named projects outside the
  modelled routes (``subsidy_awarded``: NIKI round 1 to Reju) is taken off the round's
  budget: :math:`S_{i,t} - W_{i,t}` is what the modelled routes can draw on.
- **No aid without an incentive effect.** A grant pays at most its aid intensity of the
  capex and at most the project's funding gap :math:`\Gamma` (below):
  :math:`g_{i,s,c,r,v} = \min(\sigma_{i,r} C_{r,v},\; \Gamma_{s,c,r,v})`. A grant that
  would only lower the cost of a plant built anyway is windfall; the EU state aid rules
  (CEEAG 2022, section 3.1.2) require aid to change the decision, and capping it at the gap
  makes the marginal euro of a used-up budget fund the next project, so the CO2 it avoids
  (``co2_avoided_per_budget``) measures additional abatement.
- **Operating subsidies follow the prices of each year.** SDE++ pays the base amount less a
  correction amount set every year from the market prices (energy and ETS) of that year:
  elektra pays :math:`\min(R^{op}_{i,r,v}, \Delta_{s,c,r,y})` on the output of year
  :math:`y`, the unprofitable gap :math:`\Delta` (below) at that year's prices and the
  scenario's ETS path, so a higher ETS price pays less. The budget commits the rate at the
  prices of the commissioning year over the whole duration (what the round reserves).
- **Domains.** A domain with its own budget (an SDE++ "hekje": high-temperature heat) is
  an instrument of its own whose rate rows name the routes it funds; the same routes may
  also compete in the general round. Green gas is paid to its producers, not to the
  boilers that burn it: biomethane enters through its supply and price.
- **CCS cap.** Where ``subsidy_ccs_cap`` is given, the CO2 captured by capacity an
  instrument funds, in service in a year, stays within it.

The gaps. A unit of a route saves, against the cheapest reference route of the same
service in its cell (whose capital is sunk), its margin :math:`\Pi`: the reference's
running and CO2 cost (the market value the SDE++ correction amount stands for) less its
own,

.. math::
   \Pi_{s,c,r,y} = \min_{r' \in \mathcal{R}^{ref}_{s,j(r)}} c^{run}_{s,c,r',y} - c^{run}_{s,c,r,y},
   \qquad c^{run}_{s,c,r,y} = c^{en}_{r,y} + c^{tax}_{s,c,r,y} + c^{var}_{r,y} + P^{ETS}_y\, e_{r,y} + c^{CBAM}_{r,y}

The unprofitable gap per unit of output (the SDE++ base amount, levelised capital and
fixed O&M at full availability, less the margin) and the funding gap of a unit of new
capacity (its capex less the present value of its margins over its lifetime) are

.. math::
   \Delta_{s,c,r,y} = \max\Big(0,\; \frac{C_{r,y}\,\mathrm{crf}_r + F_{r,y}}{\alpha_r} - \Pi_{s,c,r,y}\Big),
   \qquad \Gamma_{s,c,r,v} = \max\Big(0,\; C_{r,v} - \tilde C_{s,c,r,v} - \sum_{y'=v}^{v+L_r-1} \frac{\alpha_r\,\Pi_{s,c,r,y'} - F_{r,y'} + \tilde F_{s,c,r,y'}}{(1+\rho)^{y'-v}}\Big)

where the years after the horizon hold the last year's values. Where the new capacity
replaces retiring reference stock (the reference stock left cannot serve the service's
demand at its availability), the counterfactual is a new reference plant, whose capex
:math:`\tilde C` and fixed O&M :math:`\tilde F` it avoids (the reference route with the
lowest capex, scaled by the ratio of availabilities); otherwise both are 0. A route
without a reference route in its cell has no margin: its funding gap is its capex.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import NamedTuple

import numpy as np

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Builder, DualSpec, Row, Variables, at_most
from elektra.model.resultspec import CostComponent, ResultSpec, Symbol, to_array
from elektra.model.structure import CellYear, Core, annuity_factor, finite, in_service
from elektra.policies.base import ZERO_DUAL, Policy, Switch
from elektra.policies.ets import carbon_price

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "subsidy_budget",
        ("instrument", "year"),
        "MEUR",
        "Budget of a subsidy instrument for the projects it commits in a year (the "
        "round's opening budget, over the whole subsidy duration).",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 100_000.0),
        plausible_reason=(
            "100 bnEUR is the whole EU Industrial Decarbonisation Bank the policy letter of "
            "2026 names; Dutch SDE++ rounds and the NIKI/VEKI budgets are a fraction of it"
        ),
    ),
    Parameter(
        "grant_share",
        ("instrument", "route"),
        "1",
        "Largest share of capex an investment grant pays (its aid intensity); a route "
        "without a row is not eligible.",
        minimum=0,
        maximum=1,
        group="subsidy",
    ),
    Parameter(
        "operating_subsidy_rate",
        ("instrument", "route", "year"),
        "MEUR/{output}",
        "Largest operating subsidy per unit of output (e.g. the SDE++ base amount less "
        "the correction amount); never more than the unprofitable gap to the reference "
        "route. A route without a row is not eligible.",
        minimum=0,
        output_from="route",
        group="subsidy",
        plausible={"Mt": (0.0, 5_000.0), "PJ": (0.0, 500.0)},
        plausible_reason=(
            "SDE++ pays at most 300 EUR per t CO2 avoided (a few hundred EUR per t product, "
            "tens of EUR per GJ)"
        ),
    ),
    Parameter(
        "subsidy_duration",
        ("instrument",),
        "yr",
        "Years an operating subsidy pays after the capacity is commissioned.",
        default=15.0,
        minimum=1,
        group="subsidy",
        plausible=(1.0, 40.0),
        plausible_reason="SDE++ pays for 12-15 years",
    ),
    Parameter(
        "subsidy_awarded",
        ("instrument", "year"),
        "MEUR",
        "Budget of a round already awarded to named projects outside the modelled routes "
        "(a committed draw: the modelled routes can draw on the rest of the round).",
        default=0.0,
        minimum=0,
        group="subsidy",
        plausible=(0.0, 100_000.0),
        plausible_reason="a draw cannot be larger than the largest round (see subsidy_budget)",
    ),
    Parameter(
        "subsidy_lead_time",
        ("instrument",),
        "yr",
        "Years from a round's award to the commissioning of the capacity it funds: the "
        "round of year t funds capacity built in t plus this lead time.",
        default=0.0,
        minimum=0,
        group="subsidy",
        plausible=(0.0, 10.0),
        plausible_reason=(
            "industrial projects are realised within a few years of the award (RVO sets "
            "realisation periods of 3-5 years)"
        ),
    ),
    Parameter(
        "subsidy_ccs_cap",
        ("instrument", "year"),
        "Mt/yr",
        "Largest CO2 capture per year an instrument may fund, counting the funded capacity "
        "in service (leave out for no cap).",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 100.0),
        plausible_reason=(
            "the Klimaatakkoord capped subsidised industrial CCS at 7.2 Mt/yr (raised by 2.5 "
            "Mt in 2021); the whole Dutch ETS industry emits about 50 Mt/yr"
        ),
    ),
)


#: The subsidies' cost components (Flex-e pays investment grants too).
INVESTMENT_GRANTS = CostComponent(
    "investment_grants", True, "Investment grants received", "Investment Grants"
)
OPERATING_SUBSIDIES = CostComponent(
    "operating_subsidies", True, "Operating subsidies received (SDE++)", "Operating Subsidies"
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Sets": {
        r"\mathcal{R}^{ref}_{s,j}": Symbol(
            "policies.subsidies._references", "reference (fossil) routes of a service"
        ),
    },
    "Parameters and scenario keys": {
        r"S_{i,t}": Symbol("subsidy_budget", "budget of an instrument's round"),
        r"W_{i,t}": Symbol(
            "subsidy_awarded", "budget of a round already awarded (committed draws)"
        ),
        r"\sigma_{i,r}": Symbol(
            "grant_share", "aid intensity of an investment grant (share of capex)"
        ),
        r"R^{op}_{i,r,v}": Symbol(
            "operating_subsidy_rate", "largest operating subsidy per unit of output"
        ),
        r"H_i": Symbol("subsidy_duration", "years an operating subsidy pays"),
        r"d_i": Symbol("subsidy_lead_time", "years from a round's award to commissioning"),
        r"\bar Q_{i,y}": Symbol("subsidy_ccs_cap", "CO2 capture an instrument may fund in a year"),
    },
    "Derived coefficients and constants": {
        r"c^{run}_{s,c,r,y}": Symbol(
            "policies.subsidies.route_margins",
            "running and CO2 cost per unit: energy, tax, variable cost, ETS and CBAM",
            "MEUR/{output}",
        ),
        r"\Pi_{s,c,r,y}": Symbol(
            "policies.subsidies.route_margins",
            "margin of a route over the cheapest reference route of its cell: what a unit saves",
            "MEUR/{output}",
        ),
        r"\Delta_{s,c,r,y}": Symbol(
            "policies.subsidies.SubsidyCoefficients.gap",
            "unprofitable gap per unit of output at year y's prices (the SDE++ gap)",
            "MEUR/{output}",
        ),
        r"\Gamma_{s,c,r,v}": Symbol(
            "policies.subsidies.SubsidyCoefficients.funding_gap",
            "funding gap: capex less the present value of the margins",
            "MEUR/({output}/yr)",
        ),
        r"\tilde C_{s,c,r,v}": Symbol(
            "policies.subsidies.funding_gaps",
            "capex of the new reference plant that new capacity replacing retiring stock avoids",
            "MEUR/({output}/yr)",
        ),
        r"\tilde F_{s,c,r,y}": Symbol(
            "policies.subsidies.funding_gaps",
            "fixed O&M of that avoided reference plant",
            "MEUR/({output}/yr)/yr",
        ),
        r"g_{i,s,c,r,v}": Symbol(
            "policies.subsidies.SubsidyCoefficients.grant_per_unit",
            "grant per unit of capacity: min(share x capex, funding gap)",
            "MEUR/({output}/yr)",
        ),
    },
    "Variables": {
        r"w^G_{i,s,c,r,v}": Symbol(
            "grant_capacity", "new capacity funded by a grant", "{output}/yr"
        ),
        r"w^O_{i,s,c,r,v}": Symbol(
            "subsidised_capacity", "new capacity funded by an operating subsidy", "{output}/yr"
        ),
        r"o_{i,s,c,r,v,y}": Symbol(
            "subsidised_output", "paid output of subsidised capacity", "{output}/yr"
        ),
    },
    "Cost terms": {
        r"C^{sub}_y": Symbol("policies.subsidies.subsidy_costs", "subsidies received", "MEUR/yr"),
    },
}


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
    #: the round's budget as published (MEUR)
    budget: Mapping[InstrumentYear, float]
    #: budget already awarded in the round to named projects outside the modelled routes
    awarded: Mapping[InstrumentYear, float]
    #: what the round has left for the modelled routes, budget less awarded (MEUR)
    available: Mapping[InstrumentYear, float]
    #: budgets with at least one eligible project
    budget_index: tuple[InstrumentYear, ...]
    #: the round that funds capacity of a vintage, per (instrument, vintage)
    round_of: Mapping[tuple[str, int], int]
    grant_index: tuple[Funding, ...]
    #: grant paid per unit of funded capacity: min(share x capex, funding gap) (MEUR per unit/yr)
    grant_per_unit: Mapping[Funding, float]
    #: capex annuity factor of each route
    recovery: Mapping[str, float]
    operating_index: tuple[Funding, ...]
    #: rate per unit of output at the round's prices, min(rate, gap), that the budget commits
    operating_rate: Mapping[Funding, float]
    #: rate paid on the output of a year: min(rate, the gap at that year's prices) (MEUR/unit)
    paid_rate: Mapping[PaidOutput, float]
    #: budget committed per unit of funded capacity: rate x availability x duration
    commitment: Mapping[Funding, float]
    output_index: tuple[PaidOutput, ...]
    #: (instrument, vintage) paying for the output of a cell in a year
    cover: Mapping[CellYear, tuple[tuple[str, int], ...]]
    #: the instruments funding each unit of new capacity (sector, cluster, route, vintage)
    funded: Mapping[CellYear, tuple[Funding, ...]]
    #: unprofitable gap of a cell's route against its cheapest reference route (MEUR/unit)
    gap: Mapping[CellYear, float]
    #: funding gap of a unit of new capacity: capex less the present value of its margins
    funding_gap: Mapping[CellYear, float]
    lifetime: Mapping[str, float]
    #: CO2 capture per year an instrument may fund, in service (Mt/yr)
    ccs_cap: Mapping[InstrumentYear, float]
    #: CO2 captured per unit of funded capacity per year at full availability (Mt per unit)
    captured_per_capacity: Mapping[Funding, float]
    #: years an operating subsidy pays, per instrument
    duration: Mapping[str, float]


DUALS = (
    DualSpec(
        "subsidy_budget",
        "dual_subsidy_budget",
        ("instrument", "year"),
        "MEUR/MEUR",
        "Cost saved for industry by one more euro of a round's budget",
    ),
    DualSpec(
        "operating_subsidy_output",
        "dual_operating_subsidy_output",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of output allowed to subsidised capacity",
    ),
    DualSpec(
        "subsidy_ccs_cap",
        "dual_subsidy_ccs_cap",
        ("instrument", "year"),
        "MEUR/Mt",
        "Value of one more Mt/yr of CO2 capture an instrument may fund (EUR/t)",
    ),
)
RESULTS = (
    ResultSpec(
        "subsidy_paid",
        ("instrument", "year"),
        "MEUR/yr",
        "Subsidy paid out in the year (public outlay), committed draws included",
    ),
    ResultSpec(
        "subsidy_committed",
        ("instrument", "year"),
        "MEUR",
        "Subsidy committed to the projects of the year's round, committed draws included",
    ),
    ResultSpec(
        "subsidy_budget", ("instrument", "year"), "MEUR", "Budget of the instrument's round"
    ),
    ResultSpec(
        "subsidy_awarded",
        ("instrument", "year"),
        "MEUR",
        "Budget of a round already awarded to named projects outside the modelled routes "
        "(committed draws)",
    ),
    ResultSpec(
        "co2_avoided_per_budget",
        ("instrument", "year"),
        "t/MEUR",
        "CO2 avoided over the horizon per extra million euro of a binding round's budget "
        "(with run --sensitivity; 0 where the budget does not bind)",
    ),
)
PER_PROJECT = "the budget's dual spread over projects, already in dual_subsidy_budget"


def funded_capacity(x: Variables, coef: SubsidyCoefficients, key: CellYear) -> list[int]:
    """The columns of the new capacity of a cell and vintage that the subsidy instruments
    fund (grants and operating subsidies): the public interface for another policy that
    must not fund the same capacity again (Flex-e)."""
    return [
        x.grant_capacity[f] if f in coef.grant_per_unit else x.subsidised_capacity[f]
        for f in coef.funded.get(key, ())
    ]


def subsidy_stacking(x: Variables, coef: SubsidyCoefficients, key: CellYear) -> Row:
    r"""No stacking: a unit of new capacity is funded by one instrument at most.

    .. math:: \sum_i w^{G}_{i,s,c,r,v} + \sum_i w^{O}_{i,s,c,r,v} \le n_{s,c,r,v}

    :math:`w^G` capacity funded by an investment grant, :math:`w^O` by an operating
    subsidy. Units: output unit per year.
    """
    pairs = [(1.0, column) for column in funded_capacity(x, coef, key)]
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
    r"""Budget of a round: grants plus the full commitment of operating subsidies, within what
    the round has left after its committed draws.

    .. math:: \sum_{s,c,r} g_{i,s,c,r,v}\, w^G_{i,s,c,r,v} + \sum_{s,c,r} \min(R^{op}_{i,r,v}, \Delta_{s,c,r,v})\,\alpha_r\, H_i\, w^O_{i,s,c,r,v} \le S_{i,t} - W_{i,t}, \quad v = t + d_i

    :math:`g` the grant per unit (aid intensity :math:`\sigma` of the capex :math:`C`, at
    most the funding gap :math:`\Gamma`), :math:`R^{op}` the operating rate,
    :math:`\Delta` the unprofitable gap at the prices of the commissioning year :math:`v`
    (the gaps are defined in the introduction above), :math:`H` the subsidy duration,
    :math:`d` the lead time from award to commissioning, :math:`W` the committed draws. Dual: what one more MEUR of the
    round saves industry (MEUR per MEUR). Units: MEUR.
    """
    pairs = [(coef.grant_per_unit[f], x.grant_capacity[f]) for f in by_budget[key]["grant"]]
    pairs += [(coef.commitment[f], x.subsidised_capacity[f]) for f in by_budget[key]["operating"]]
    return at_most(pairs, coef.available[key])


def subsidy_ccs_cap(
    x: Variables, core: Core, coef: SubsidyCoefficients, by_instrument: Mapping, key: InstrumentYear
) -> Row:
    r"""CCS cap: CO2 captured by the capacity an instrument funds, in service in a year.

    .. math:: \sum_{s,c,r} \sum_{v \le y < v + \min(H_i, L_r)} q_{r,v}\,\alpha_r\, w^O_{i,s,c,r,v} \le \bar Q_{i,y}

    :math:`q` CO2 captured per unit of output (0 for a route without capture),
    :math:`\bar Q` the cap. Units: Mt/yr.
    """
    instrument, year = key
    pairs = [
        (coef.captured_per_capacity[f], x.subsidised_capacity[f])
        for f in by_instrument[instrument]
        if in_service(f.year, year, min(coef.duration[instrument], coef.lifetime[f.route]))
    ]
    return at_most(pairs, coef.ccs_cap[key])


def subsidy_costs(b: Builder, x: Variables, core: Core, coef: SubsidyCoefficients) -> None:
    r"""Subsidies received: grants annualised like the capex they pay for, and operating
    subsidies on paid output at the rate of each year.

    .. math:: C^{sub}_y = -\sum_{i,s,c,r} \sum_{v \le y < v + L_r} g_{i,s,c,r,v}\,\mathrm{crf}_r\, w^G_{i,s,c,r,v} - \sum_{i,s,c,r,v} \min(R^{op}_{i,r,v}, \Delta_{s,c,r,y})\, o_{i,s,c,r,v,y}

    in components ``investment_grants`` and ``operating_subsidies``; paid output
    :math:`o` of vintage :math:`v` in the years :math:`v \le y < v + \min(H_i, L_r)`.
    Units: MEUR/yr.
    """
    grants, operating = defaultdict(list), defaultdict(list)
    for f in coef.grant_index:
        value = coef.grant_per_unit[f] * coef.recovery[f.route]
        for y in core.in_service_years(f.year, coef.lifetime[f.route]):
            grants[y].append((-value, x.grant_capacity[f]))
    for key in coef.output_index:
        operating[key.year].append((-coef.paid_rate[key], x.subsidised_output[key]))
    for y in core.years:
        b.cost("investment_grants", y, grants[y])
        b.cost("operating_subsidies", y, operating[y])


def route_margins(core: Core, price: Mapping[int, float], cbam: Mapping) -> dict:
    """What a unit of a cell's route saves against the cheapest reference route of the same
    service in the same cell, in a year, before its own capital (MEUR/unit): the reference's
    running and CO2 cost (the market value the SDE++ correction amount stands for; its
    capital is sunk) less the route's own running and CO2 cost. -inf where no reference."""

    def carbon(route: str, year: int) -> float:
        return price[year] * core.net_emission_factor[(route, year)] + cbam.get((route, year), 0.0)

    def running(key: CellYear) -> float:
        return (
            core.energy_cost[(key.route, key.year)]
            + core.energy_tax[key]
            + core.variable_cost[(key.route, key.year)]
            + carbon(key.route, key.year)
        )

    margins = {}
    for key in core.activity_index:
        s, c, r, y = key
        references = _references(core, s, c, r)
        if not references:
            margins[key] = -np.inf
            continue
        correction = min(running(CellYear(s, c, other, y)) for other in references)
        margins[key] = correction - running(key)
    return margins


def _gaps(data, core: Core, margins: Mapping[CellYear, float]) -> dict:
    """The unprofitable gap of each cell's route in each year (MEUR/unit): its capital cost
    per unit of output at full availability (the SDE++ base amount less its running and
    CO2 cost) less its margin over the reference (the correction amount)."""
    capex = data.table("capex")
    gaps = {}
    for key in core.activity_index:
        route, year = key.route, key.year
        capital = capex[route, year] * annuity_factor(core.discount_rate, core.lifetime[route])
        capital = (capital + core.fixed_om[(route, year)]) / core.availability[route]
        gaps[key] = max(0.0, capital - margins[key])
    return gaps


def _references(core: Core, sector: str, cluster: str, route: str) -> list[str]:
    """The reference routes of the same service in the same cell as ``route``."""
    return [
        other
        for other in core.cell_routes[(sector, cluster)]
        if other != route
        and core.route_class[other] == "reference"
        and core.route_service[other] == core.route_service[route]
    ]


def _replacing(core: Core, key: CellYear, references: list[str]) -> bool:
    """Whether new capacity of a cell in a year replaces retiring reference stock: the
    reference stock left (of ``references``, the cell's reference routes of the service)
    cannot serve the service's demand at its availability."""
    s, c, r, v = key
    demand = core.demand.get((s, c, core.route_service[r], v))
    if demand is None or not references:
        return False
    stock = sum(core.availability[x] * core.existing[CellYear(s, c, x, v)] for x in references)
    return stock < demand


def _yearly_value(
    core: Core, margins: Mapping, key: CellYear, year: int, counterfactual: tuple
) -> float:
    """A unit of new capacity's margin at full availability less its fixed O&M in a year,
    plus the fixed O&M of the reference plant it avoids building (``counterfactual``: that
    route, or None, and the ratio of availabilities)."""
    s, c, r, _ = key
    value = core.availability[r] * margins[CellYear(s, c, r, year)] - core.fixed_om[(r, year)]
    avoided, ratio = counterfactual
    return value + (core.fixed_om[(avoided, year)] * ratio if avoided else 0.0)


def funding_gaps(
    data, core: Core, margins: Mapping[CellYear, float], keys: Iterable[CellYear] | None = None
) -> dict:
    """The funding gap of a unit of new capacity of each cell and vintage (MEUR per unit/yr):
    its capex less the present value, over its lifetime, of its margins at full
    availability less its fixed O&M (years after the horizon hold the last year's). Where
    the new capacity replaces retiring reference stock, the counterfactual is a new
    reference plant: its capex and fixed O&M count as avoided. For ``keys`` (default every
    key of the build index)."""
    capex = data.table("capex")
    last = core.years[-1]
    discount = 1.0 / (1.0 + core.discount_rate)
    references: dict[tuple[str, str, str], list[str]] = {}
    tails: dict[tuple[int, int], float] = {}
    gaps = {}
    for key in core.build_index if keys is None else keys:
        s, c, r, v = key
        if margins[key] == -np.inf:
            gaps[key] = capex[r, v]
            continue
        if (s, c, r) not in references:
            references[(s, c, r)] = _references(core, s, c, r)
        cell_references = references[(s, c, r)]
        avoided_capex, cheapest, ratio = 0.0, None, 0.0
        if _replacing(core, key, cell_references):
            cheapest = min(cell_references, key=lambda x: capex[x, v])
            ratio = core.availability[r] / core.availability[cheapest]
            avoided_capex = capex[cheapest, v] * ratio
        counterfactual = (cheapest, ratio)
        lifetime = int(round(core.lifetime[r]))
        inside = max(0, min(lifetime, last - v + 1))  # ages whose year is in the horizon
        value = sum(
            _yearly_value(core, margins, key, v + age, counterfactual) * discount**age
            for age in range(inside)
        )
        if lifetime > inside:  # the ages after the horizon hold the last year's value
            if (inside, lifetime) not in tails:
                tails[(inside, lifetime)] = sum(discount**age for age in range(inside, lifetime))
            value += (
                _yearly_value(core, margins, key, last, counterfactual) * tails[(inside, lifetime)]
            )
        gaps[key] = max(0.0, capex[r, v] - avoided_capex - value)
    return gaps


class Subsidies(Policy):
    name = "subsidies"
    title = "Subsidy instruments with budgets"
    position = 30
    switches = (
        Switch("subsidies", True, "subsidy instruments with budgets (SDE++, NIKI, VEKI, DEI+)"),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    costs = (INVESTMENT_GRANTS, OPERATING_SUBSIDIES)
    reads = (
        "capex",
        "grant_share",
        "operating_subsidy_rate",
        "subsidy_awarded",
        "subsidy_budget",
        "subsidy_ccs_cap",
        "subsidy_duration",
        "subsidy_lead_time",
    )
    core_fields = frozenset(
        (
            "activity_index",
            "availability",
            "build_index",
            "captured_factor",
            "cell_routes",
            "demand",
            "discount_rate",
            "energy_cost",
            "energy_tax",
            "existing",
            "fixed_om",
            "labels",
            "lifetime",
            "net_emission_factor",
            "route_class",
            "route_service",
            "variable_cost",
            "years",
        )
    )
    requires = ("ets",)
    constraints = (
        subsidy_stacking,
        subsidised_output_limit,
        operating_subsidy_output,
        subsidy_budget,
        subsidy_ccs_cap,
    )
    cost_functions = (subsidy_costs,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> SubsidyCoefficients:
        price = carbon_price(required, core.years)
        ets = required.get("ets")
        margins = route_margins(core, price, ets.cbam_charge if ets else {})
        gap = _gaps(data, core, margins)
        funding_gap = funding_gaps(data, core, margins)
        instruments = core.labels["instrument"]
        budget_table = data.table("subsidy_budget")
        awarded_table = data.table("subsidy_awarded")
        budget = {
            InstrumentYear(i, y): budget_table[i, y]
            for i in instruments
            for y in core.years
            if finite(budget_table[i, y])
        }
        awarded = {key: awarded_table[key] for key in budget}
        available = {key: max(0.0, budget[key] - awarded[key]) for key in budget}
        lead = data.table("subsidy_lead_time")
        round_of = {(i, v): v - int(round(lead[i])) for i in instruments for v in core.years}
        kind = data.instruments["kind"].to_dict()
        share = data.table("grant_share")
        rate_table = data.table("operating_subsidy_rate")
        duration = {i: float(data.table("subsidy_duration")[i]) for i in instruments}
        capex = data.table("capex")
        recovery = {r: annuity_factor(core.discount_rate, core.lifetime[r]) for r in core.lifetime}
        grant_index, grant_per_unit = [], {}
        operating_index, operating_rate, commitment, captured = [], {}, {}, {}
        for i in instruments:
            for s, c, r, v in core.build_index:
                if (i, round_of[(i, v)]) not in budget:
                    continue
                key = Funding(i, s, c, r, v)
                cell = CellYear(s, c, r, v)
                if kind[i] == "investment" and finite(share[i, r]):
                    grant_index.append(key)
                    grant_per_unit[key] = min(share[i, r] * capex[r, v], funding_gap[cell])
                elif kind[i] == "operating" and finite(rate_table[i, r, v]):
                    paid = max(0.0, min(rate_table[i, r, v], gap[cell]))
                    operating_index.append(key)
                    operating_rate[key] = paid
                    # the round commits the rate on full-availability output for the whole
                    # duration, inside the horizon or not
                    commitment[key] = paid * core.availability[r] * duration[i]
                    captured[key] = core.captured_factor[(r, v)] * core.availability[r]
        output_index = [
            PaidOutput(*f, y)
            for f in operating_index
            for y in core.in_service_years(
                f.year, min(duration[f.instrument], core.lifetime[f.route])
            )
        ]
        paid_rate = {
            key: max(
                0.0,
                min(
                    rate_table[key.instrument, key.route, key.vintage],
                    gap[CellYear(key.sector, key.cluster, key.route, key.year)],
                ),
            )
            for key in output_index
        }
        cover: dict[CellYear, list] = defaultdict(list)
        for key in output_index:
            cover[CellYear(key.sector, key.cluster, key.route, key.year)].append(
                (key.instrument, key.vintage)
            )
        funded: dict[CellYear, list] = defaultdict(list)
        for f in grant_index + operating_index:
            funded[CellYear(*f[1:])].append(f)
        cap_table = data.table("subsidy_ccs_cap")
        with_operating = {f.instrument for f in operating_index}
        ccs_cap = {
            InstrumentYear(i, y): cap_table[i, y]
            for i in sorted(with_operating)
            for y in core.years
            if finite(cap_table[i, y])
        }
        return SubsidyCoefficients(
            budget=budget,
            awarded=awarded,
            available=available,
            budget_index=tuple(
                sorted(
                    {
                        InstrumentYear(f.instrument, round_of[(f.instrument, f.year)])
                        for f in grant_index + operating_index
                    }
                )
            ),
            round_of=round_of,
            grant_index=tuple(grant_index),
            grant_per_unit=grant_per_unit,
            recovery=recovery,
            operating_index=tuple(operating_index),
            operating_rate=operating_rate,
            paid_rate=paid_rate,
            commitment=commitment,
            output_index=tuple(output_index),
            cover={key: tuple(value) for key, value in cover.items()},
            funded={key: tuple(value) for key, value in funded.items()},
            gap=gap,
            funding_gap=funding_gap,
            lifetime=core.lifetime,
            ccs_cap=ccs_cap,
            captured_per_capacity=captured,
            duration=duration,
        )

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "grant_capacity",
                coef.grant_index,
                Funding._fields,
                units="output_unit/yr",
                description="New capacity funded by an investment grant",
                ahead=True,
            )
        )
        x.add(
            b.variables(
                "subsidised_capacity",
                coef.operating_index,
                Funding._fields,
                units="output_unit/yr",
                description="New capacity funded by an operating subsidy",
                ahead=True,
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
            by_budget[(f.instrument, coef.round_of[(f.instrument, f.year)])]["grant"].append(f)
        by_instrument: dict = defaultdict(list)
        for f in coef.operating_index:
            by_budget[(f.instrument, coef.round_of[(f.instrument, f.year)])]["operating"].append(f)
            by_instrument[f.instrument].append(f)
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
            fields=frozenset({"availability"}),
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
        b.constraints(
            "subsidy_ccs_cap",
            sorted(coef.ccs_cap),
            InstrumentYear._fields,
            partial(subsidy_ccs_cap, x, core, coef, by_instrument),
            dual=DUALS[2],
        )
        subsidy_costs(b, x, core, coef)

    def sensitivity(self, core, coef, solution, resettle) -> dict:
        """CO2 avoided (t) per extra MEUR of each binding round's budget.

        The round's budget is raised by 1 % (at least 1 MEUR) and the scenario settled
        again (``resettle``: the run's own solve and fixed point, started from the settled
        rates); the fall in horizon emissions over the rise in budget is reported. A budget
        whose dual is zero avoids nothing. With grants held to the funding gap, the marginal
        euro of a used-up round funds the next project instead of lowering the cost of one
        that would be built anyway.
        """
        avoided = {}
        base = total_emissions(core, solution.values("activity"))
        for key, dual in solution.duals("subsidy_budget").items():
            if dual > -ZERO_DUAL:
                avoided[key] = 0.0
                continue
            delta = max(1.0, 0.01 * coef.available[key])
            raised = replace(coef, available={**coef.available, key: coef.available[key] + delta})
            moved = resettle({self.name: raised})
            if moved is not None:
                avoided[key] = (
                    (base - total_emissions(core, moved.values("activity"))) * 1e6 / delta
                )
        return {"co2_avoided_per_budget": avoided}

    def report(self, ds, core, coef, solution, extra=None) -> None:
        paid: dict[tuple, float] = defaultdict(float)
        committed: dict[tuple, float] = defaultdict(float)
        for key, amount in coef.awarded.items():
            paid[key] += amount  # a committed draw is paid in its round's year
            committed[key] += amount
        for f, amount in solution.values("grant_capacity").items():
            grant = coef.grant_per_unit[f] * amount
            paid[(f.instrument, f.year)] += grant  # a grant is paid when the capacity is built
            committed[(f.instrument, coef.round_of[(f.instrument, f.year)])] += grant
        for f, amount in solution.values("subsidised_capacity").items():
            committed[(f.instrument, coef.round_of[(f.instrument, f.year)])] += (
                coef.commitment[f] * amount
            )
        for key, amount in solution.values("subsidised_output").items():
            paid[(key.instrument, key.year)] += coef.paid_rate[key] * amount
        labels = {"instrument": core.labels["instrument"], "year": core.years}
        nan = float("nan")
        ds["subsidy_paid"] = to_array(RESULTS[0], paid, labels)
        ds["subsidy_committed"] = to_array(RESULTS[1], committed, labels)
        ds["subsidy_budget"] = to_array(RESULTS[2], coef.budget, labels, fill=nan)
        ds["subsidy_awarded"] = to_array(RESULTS[3], coef.awarded, labels, fill=nan)
        avoided = (extra or {}).get("co2_avoided_per_budget", {})
        ds["co2_avoided_per_budget"] = to_array(RESULTS[4], avoided, labels, fill=nan)

    def outlays(self, ds) -> dict:
        return {str(i): ds["subsidy_paid"].sel(instrument=i) for i in ds.instrument.values}


def total_emissions(core: Core, activity: Mapping[tuple, float]) -> float:
    """Direct CO2 over the horizon (Mt) of a set of activity values."""
    return sum(
        core.net_emission_factor[(key[2], key[3])] * level for key, level in activity.items()
    )
