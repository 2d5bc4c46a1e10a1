r"""Electricity-cost support paid per unit of electricity and cut pro rata when its budget is
short, settled as a fixed point (shared by IKC-ETS and the electricity-cost envelope).

A support of this kind pays every eligible firm a rate per unit of the electricity it uses.
When the claims at the full rate exceed the year's budget, every claim is cut by the same
factor, budget over claims. A firm deciding how much to electrify sees the cut rate, and the
cut depends on what all firms decide: the rate a firm earns is not linear in the LP's
variables. elektra settles it as a fixed point (:func:`next_pro_rata`, run by
:func:`elektra.model.pipeline.solve_to_fixed_point`):

1. Solve with the full rate (factor :math:`f_y = 1`).
2. From the solution, the claims at the full rate :math:`K_y`, and the factor they imply,
   :math:`\hat f_y = \min(1, S^{el}_y / K_y)` (:math:`S^{el}_y` the budget that pays them).
3. If :math:`|\hat f_y - f_y| \le 0.001\, f_y` in every year, stop. Else set :math:`f_y
   \leftarrow \hat f_y` (plain iteration) and re-solve warm.

More support never lowers electricity use, so :math:`\hat f_y` falls as :math:`f_y` rises and the
fixed point is where the two meet. Plain iteration overshoots where electricity use jumps
(one more cluster switches to e-boilers at a rate): the factor then alternates around the
point. From the first overshoot the factor is bisected between the highest factor whose
claims fitted the budget and the lowest whose claims did not. When that bracket is narrower
than 0.1 % the response jumps inside it: the equilibrium is a partial uptake at the threshold
rate, which elektra finds by one more solve at the upper factor with the claims held at the
budget over that factor (row ``<policy>_claims``, free in every other solve). The run notes
the factor, the method and the number of re-solves per year.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial

from elektra.model.lp import Builder, Row, Variables, at_most
from elektra.model.resultspec import ResultSpec, to_array
from elektra.model.structure import Core, SectorClusterYear, Year
from elektra.policies.base import Policy

#: The fixed point stops when the factor moves less than this share of itself.
TOLERANCE = 1e-3

PLAIN = "plain iteration"
BISECTION = "bisection"
THRESHOLD = "bisection to a threshold (partial uptake)"


@dataclass(frozen=True)
class ProRata:
    """The pro-rata factor of one budget year and the state of its search."""

    #: share of the full rate paid (1 = no cut)
    factor: float = 1.0
    #: highest factor seen whose claims fitted the budget, and how far they fell short of it
    #: (the implied factor less the factor, > 0)
    lower: float = 0.0
    lower_gap: float = math.nan
    #: lowest factor seen whose claims exceeded the budget, and the gap there (< 0)
    upper: float = 1.0
    upper_gap: float = math.nan
    method: str = PLAIN
    #: +1 when the last step raised the factor, -1 when it lowered it, and its gap
    last_sign: int = 0
    last_gap: float = math.inf
    #: claims at the full rate allowed (MEUR/yr); finite only in the threshold solve
    cap: float = math.inf
    #: re-solves this year's factor asked for
    steps: int = 0


def implied_factor(claims: float, budget: float) -> float:
    r"""The factor a budget pays on claims: :math:`\min(1, S / K)` (1 without claims)."""
    if claims <= budget or claims <= 0:
        return 1.0
    return budget / claims


def _bracketed(lower: float, lower_gap: float, upper: float, upper_gap: float) -> float:
    """The next factor inside the bracket: the false-position point (Illinois variant: the
    gap of an end kept twice is halved so the bracket shrinks from both sides), or the
    midpoint where a gap is unknown or the point is not strictly inside."""
    if math.isnan(lower_gap) or math.isnan(upper_gap) or lower_gap <= upper_gap:
        return 0.5 * (lower + upper)
    new = lower + (upper - lower) * lower_gap / (lower_gap - upper_gap)
    return new if lower < new < upper else 0.5 * (lower + upper)


def next_pro_rata(state: ProRata, claims: float, budget: float) -> ProRata | None:
    """The next factor for a solution whose claims at the full rate are ``claims``.

    None when the factor agrees with the claims to the tolerance, or when the threshold
    solve has been made: nothing to re-solve for this year.
    """
    if math.isfinite(state.cap):
        return None
    target = implied_factor(claims, budget)
    factor = state.factor
    gap = target - factor
    if abs(gap) <= TOLERANCE * factor:
        return None
    sign = 1 if gap > 0 else -1
    lower, lower_gap, upper, upper_gap = state.lower, state.lower_gap, state.upper, state.upper_gap
    if sign > 0 and factor >= lower:
        lower, lower_gap = factor, gap
        if state.last_sign > 0 and not math.isnan(upper_gap):
            upper_gap *= 0.5  # Illinois: the upper end was kept twice
    elif sign < 0 and factor <= upper:
        upper, upper_gap = factor, gap
        if state.last_sign < 0 and not math.isnan(lower_gap):
            lower_gap *= 0.5
    method = state.method
    if lower > upper:  # other years moved the response: start the bracket again
        lower, lower_gap, upper, upper_gap, method = 0.0, math.nan, 1.0, math.nan, PLAIN
    elif method == PLAIN and (
        not lower <= target <= upper
        or (sign != state.last_sign and abs(gap) > 0.5 * abs(state.last_gap))
    ):
        # plain iteration leaves the bracket or swings back without closing in: bracket
        method = BISECTION
    common = {
        "lower": lower,
        "lower_gap": lower_gap,
        "upper": upper,
        "upper_gap": upper_gap,
        "last_sign": sign,
        "last_gap": gap,
        "steps": state.steps + 1,
    }
    if method != PLAIN and upper - lower <= TOLERANCE * upper:
        return replace(state, factor=upper, method=THRESHOLD, cap=budget / upper, **common)
    new = target if method == PLAIN else _bracketed(lower, lower_gap, upper, upper_gap)
    return replace(state, factor=new, method=method, **common)


@dataclass(frozen=True)
class SupportCoefficients:
    """A per-unit electricity support with a budget per year of use."""

    #: carriers whose use is supported (the grid's electricity)
    electricity: tuple[str, ...]
    #: eligible (sector, cluster, year of use)
    index: tuple[SectorClusterYear, ...]
    #: full rate per PJ of electricity (MEUR/PJ)
    rate: Mapping[SectorClusterYear, float]
    #: budget that pays the claims of a year of use (MEUR)
    budget: Mapping[int, float]
    #: the pro-rata factor and its search, per year of use with a budget
    pro_rata: Mapping[int, ProRata]
    #: what a euro paid counts for in the cost of the year of use: (1 + rate)^-lag
    value_factor: float


def electricity_pairs(
    x: Variables, core: Core, carriers: tuple[str, ...], key: SectorClusterYear
) -> list:
    """Supported electricity used by a sector in a cluster and year (PJ/yr), as pairs."""
    s, c, y = key
    return [
        (core.inputs[(r, y)][k], x.activity[(s, c, r, y)])
        for r in core.cell_routes[(s, c)]
        for k in carriers
        if k in core.inputs[(r, y)]
    ]


def electricity_use(core: Core, carriers: tuple[str, ...], activity: Mapping, key) -> float:
    """The value of :func:`electricity_pairs` on a solution's activity (PJ/yr)."""
    s, c, y = key
    return sum(
        core.inputs[(r, y)][k] * activity[(s, c, r, y)]
        for r in core.cell_routes[(s, c)]
        for k in carriers
        if k in core.inputs[(r, y)]
    )


def support_claims(
    x: Variables, core: Core, coef: SupportCoefficients, by_year: Mapping, key: Year
) -> Row:
    r"""Claims at the full rate, held at the budget over the factor only at a threshold.

    .. math:: K_y = \sum_{s,c} \bar r_{s,c,y} \sum_r \phi_{r,y,\mathrm{el}}\, a_{s,c,r,y} \le S^{el}_y / f_y

    The bound is infinite except in the one solve that settles a factor at a threshold
    (see the fixed point above). Units: MEUR/yr.
    """
    pairs = []
    for cell in by_year[key.year]:
        rate = coef.rate[cell]
        pairs += [
            (rate * c, column) for c, column in electricity_pairs(x, core, coef.electricity, cell)
        ]
    return at_most(pairs, coef.pro_rata[key.year].cap)


def support_costs(
    b: Builder, x: Variables, core: Core, coef: SupportCoefficients, component: str
) -> None:
    r"""The support received: the cut rate on the electricity used, valued in its year of use.

    .. math:: C_y = -\,\nu \sum_{s,c} f_y\, \bar r_{s,c,y} \sum_r \phi_{r,y,\mathrm{el}}\, a_{s,c,r,y}

    :math:`f_y` the pro-rata factor, :math:`\bar r` the full rate, :math:`\nu =
    (1+\rho)^{-\ell}` for a support paid :math:`\ell` years after the use. Units: MEUR/yr.
    """
    by_year = defaultdict(list)
    for key in coef.index:
        factor = coef.pro_rata[key.year].factor if key.year in coef.pro_rata else 1.0
        value = -coef.value_factor * factor * coef.rate[key]
        by_year[key.year] += [
            (value * c, column) for c, column in electricity_pairs(x, core, coef.electricity, key)
        ]
    for y, pairs in by_year.items():
        b.cost(component, y, pairs)


def support_results(name: str, title: str, paid: str = "") -> tuple[ResultSpec, ...]:
    """The result variables of a support called ``name`` (``paid``: the name of the first)."""
    return (
        ResultSpec(
            paid or f"{name}_paid",
            ("sector", "cluster", "year"),
            "MEUR/yr",
            f"{title} paid for the electricity used in the year: the full rate times the "
            "pro-rata factor",
        ),
        ResultSpec(
            f"{name}_claims",
            ("year",),
            "MEUR/yr",
            f"{title} claimed at the full rate for the electricity used in the year",
        ),
        ResultSpec(
            f"{name}_pro_rata",
            ("year",),
            "1",
            f"{title}: share of the full rate paid (budget over claims, at most 1; the fixed "
            "point of the run)",
        ),
        ResultSpec(
            f"{name}_electricity",
            ("sector", "cluster", "year"),
            "PJ/yr",
            f"Electricity used by the sectors eligible for {title}",
        ),
    )


class ElectricitySupport(Policy):
    """A support per unit of electricity with a budget, cut pro rata (see module docs)."""

    #: cost component of the support
    component: str = ""
    #: years between the use of the electricity and the payment
    payment_lag: int = 0
    #: label of the support in ``public_outlay``
    outlay_label: str = ""

    def support(self, data, scenario, core, required) -> tuple[tuple, dict, dict]:
        """The eligible index, the full rate of each key and the budget of each year of use."""
        raise NotImplementedError

    def coefficients(self, data, scenario, core, required) -> SupportCoefficients:
        electricity = core.carrier_role.get("grid_electricity", "")
        index, rate, budget = (
            self.support(data, scenario, core, required) if electricity else ((), {}, {})
        )
        years = {key.year for key in index}
        return SupportCoefficients(
            electricity=(electricity,) if electricity else (),
            index=tuple(index),
            rate=rate,
            budget={y: v for y, v in budget.items() if y in years},
            pro_rata={y: ProRata() for y in sorted(budget) if y in years},
            value_factor=(1.0 + core.discount_rate) ** -self.payment_lag,
        )

    def define(self, b, x, core, coef) -> None:
        by_year = defaultdict(list)
        for key in coef.index:
            by_year[key.year].append(key)
        b.constraints(
            f"{self.name}_claims",
            [Year(y) for y in sorted(coef.pro_rata)],
            Year._fields,
            partial(support_claims, x, core, coef, by_year),
            dual_note="free except in the solve that settles a factor at a threshold",
            doc=support_claims,
        )
        support_costs(b, x, core, coef, self.component)

    def claims(self, core: Core, coef: SupportCoefficients, activity: Mapping) -> dict[int, float]:
        """Claims at the full rate per year of use (MEUR/yr) of a solution's activity."""
        total: dict[int, float] = defaultdict(float)
        for key in coef.index:
            total[key.year] += coef.rate[key] * electricity_use(
                core, coef.electricity, activity, key
            )
        return total

    def fixed_point(self, core, coef, solution):
        claims = self.claims(core, coef, solution.values("activity"))
        states = dict(coef.pro_rata)
        changed = False
        for y, state in coef.pro_rata.items():
            new = next_pro_rata(state, claims[y], coef.budget[y])
            if new is not None:
                states[y], changed = new, True
        return replace(coef, pro_rata=states) if changed else None

    def report(self, ds, core, coef, solution, extra=None) -> None:
        activity = solution.values("activity")
        paid, use = {}, {}
        for key in coef.index:
            use[key] = electricity_use(core, coef.electricity, activity, key)
            factor = coef.pro_rata[key.year].factor if key.year in coef.pro_rata else 1.0
            paid[key] = factor * coef.rate[key] * use[key]
        labels = {**core.labels, "year": core.years}
        specs = self.results
        nan = float("nan")
        ds[specs[0].name] = to_array(specs[0], paid, labels)
        ds[specs[1].name] = to_array(specs[1], self.claims(core, coef, activity), labels)
        factors = {y: state.factor for y, state in coef.pro_rata.items()}
        ds[specs[2].name] = to_array(specs[2], factors, labels, fill=nan)
        ds[specs[3].name] = to_array(specs[3], use, labels)

    def outlays(self, ds) -> dict:
        return {self.outlay_label or self.name: ds[self.results[0].name].sum(["sector", "cluster"])}

    def notes(self, core, coef, solution) -> list[str]:
        if not coef.electricity:
            return [
                f"policy '{self.name}' is on but no carrier has the role grid_electricity in "
                "carriers.csv: it supports nothing"
            ]
        cut = {y: s for y, s in coef.pro_rata.items() if s.factor < 1.0}
        if not cut:
            return [f"policy '{self.name}': claims fit the budget in every year (no pro-rata cut)"]
        parts = [
            f"{y} {s.factor:.3f} ({s.method}, {s.steps} re-solve{'s' if s.steps != 1 else ''})"
            for y, s in sorted(cut.items())
        ]
        return [f"policy '{self.name}': pro-rata factor of the full rate " + "; ".join(parts)]
