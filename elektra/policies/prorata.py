r"""Electricity-cost support paid per unit of electricity and cut pro rata when its budget is
short, settled as a fixed point (shared by IKC-ETS and the electricity-cost envelope).

A support of this kind pays every eligible firm a rate per unit of the electricity it uses,
the full rate :math:`R_{s,c,y}` that each policy defines. When the claims at the full rate
exceed the year's budget, every claim is cut by the same factor, budget over claims. A firm
deciding how much to electrify sees the cut rate, and the cut depends on what all firms
decide: the rate a firm earns is not linear in the LP's variables. elektra settles it as a
fixed point (:meth:`ElectricitySupport.fixed_point` and :func:`next_pro_rata`, run by
:func:`elektra.model.pipeline.settle`):

1. Solve with the full rate (factor :math:`\zeta_y = 1`).
2. From the solution, the claims at the full rate :math:`K_y`, and the factor they imply,
   :math:`\hat\zeta_y = \min(1, S^{el}_y / K_y)` (:math:`S^{el}_y` the budget that pays
   them).
3. If :math:`|\hat\zeta_y - \zeta_y| \le 0.001\, \zeta_y` in every year, stop. Else set
   :math:`\zeta_y \leftarrow \hat\zeta_y` (plain iteration) and re-solve warm.

More support never lowers electricity use, so :math:`\hat\zeta_y` falls as :math:`\zeta_y`
rises and the fixed point is where the two meet. Plain iteration overshoots where
electricity use jumps (one more cluster switches to e-boilers at a rate): the factor then
swings around the point. From the first swing the year is solved at a threshold: the
claims are held at the budget over the lowest factor seen to overclaim (row
``<policy>_claims``, free until then), so the budget pays them exactly, and the row's dual
:math:`\Lambda_y` says how much the marginal claim is still worth above the factor. The
next factor is :math:`\zeta_y - \Lambda_y` (a little above it, so that the marginal claims
are taken up to the limit): the factor at which the marginal claim is indifferent, exact
where one jump of the response lies in between. A factor whose claims fall short of the
limit is too low and raises the bracket's lower end. The year is settled when the budget
pays the claims at the factor to 0.1 % and the limit rations no claim by more than 0.1 %
of the factor, or when the bracket around the threshold is narrower than 0.1 % (a partial
uptake at the threshold rate). A threshold that other years' factors have since moved is
searched again. The run notes the factor, the method and the number of re-solves per
year, and the years whose claims are held at the budget; the settled LP
(``--write-model``) carries those limits.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Builder, Row, Variables, at_most
from elektra.model.resultspec import ResultSpec, Symbol, to_array
from elektra.model.structure import Core, SectorClusterYear, Year
from elektra.policies.base import Policy

#: The fixed point stops when the factor moves less than this share of itself.
TOLERANCE = 1e-3

PLAIN = "plain iteration"
THRESHOLD = "threshold, claims held at the budget (partial uptake)"


#: The parameters of the letter's reserve for electricity costs, shared by IKC-ETS and the
#: envelope (merged into the registry :data:`elektra.inputs.parameters.PARAMETERS`).
RESERVE_PARAMETERS = (
    Parameter(
        "electricity_support_reserve",
        ("year",),
        "MEUR",
        "Yearly means the policy letter of 2026 reserves for the electricity costs of the "
        "energy-intensive industry, on top of the budget lines of IKC-ETS and the envelope: "
        "the share ikc_reserve_share goes to IKC-ETS (its extension), the rest to the "
        "electricity-cost envelope.",
        default=0.0,
        minimum=0,
        group="subsidy",
        plausible=(0.0, 10_000.0),
        plausible_reason=(
            "the policy letter of 2026 reserves means 'oplopend tot 1 miljard per jaar vanaf "
            "2029' for the electricity costs of the energy-intensive industry"
        ),
    ),
    Parameter(
        "ikc_reserve_share",
        ("year",),
        "1",
        "Share of electricity_support_reserve that funds IKC-ETS (added to ikc_budget of the "
        "year it pays); the rest is added to electricity_rebate_budget. A scenario lever: the "
        "letter names the IKC extension the first step and the envelope the rest, without "
        "a split.",
        default=1.0,
        minimum=0,
        maximum=1,
        group="subsidy",
    ),
)


#: The symbols of the pro-rata supports' formulas (IKC-ETS and the envelope share them).
SUPPORT_SYMBOLS = {
    "Derived coefficients and constants": {
        r"R_{s,c,y}": Symbol(
            "policies.prorata.SupportCoefficients.rate",
            "full rate of an electricity-cost support",
            "MEUR/PJ",
        ),
        r"S^{el}_y": Symbol(
            "policies.prorata.SupportCoefficients.budget",
            "budget paying a year's electricity-cost claims (ikc_budget of the next year, "
            "electricity_rebate_budget of the year)",
            "MEUR",
        ),
        r"\zeta_y": Symbol(
            "policies.prorata.ProRata.factor",
            "pro-rata factor: share of the full rate paid (settled as a fixed point)",
            "1",
        ),
        r"\hat\zeta_y": Symbol(
            "policies.prorata.implied_factor",
            r"the factor a solution's claims imply, :math:`\min(1, S^{el}_y / K_y)`",
            "1",
        ),
        r"\Lambda_y": Symbol(
            "policies.prorata.ElectricitySupport.fixed_point",
            "dual of the claims limit, as a share of the full rate",
            "1",
        ),
        r"\nu": Symbol(
            "policies.prorata.SupportCoefficients.value_factor",
            r"value in the year of use of a payment made :math:`d^{pay}` years later, :math:`(1 + \rho)^{-d^{pay}}`",
            "1",
        ),
        r"d^{pay}": Symbol(
            "policies.prorata.ElectricitySupport.payment_lag",
            "years between the use of electricity and the payment of its support",
            "yr",
        ),
    },
    "Expressions": {
        r"K_y": Symbol(
            "policies.prorata.ElectricitySupport.claims",
            "claims of an electricity-cost support at the full rate",
            "MEUR/yr",
        ),
    },
    "Cost terms": {
        r"C^{sup}_y": Symbol(
            "policies.prorata.support_costs",
            "electricity-cost support received (each of IKC-ETS and the envelope)",
            "MEUR/yr",
        ),
    },
}


@dataclass(frozen=True)
class ProRata:
    """The pro-rata factor of one budget year and the state of its search."""

    #: share of the full rate paid (1 = no cut)
    factor: float = 1.0
    #: highest factor seen whose claims fitted the budget
    lower: float = 0.0
    #: lowest factor seen whose claims exceeded the budget
    upper: float = 1.0
    method: str = PLAIN
    #: +1 when the last step raised the factor, -1 when it lowered it, its gap and the
    #: factor it started from
    last_sign: int = 0
    last_gap: float = math.inf
    last_factor: float = math.nan
    #: claims at the full rate allowed (MEUR/yr); finite only in the threshold solve
    cap: float = math.inf
    #: re-solves this year's factor asked for
    steps: int = 0


def implied_factor(claims: float, budget: float) -> float:
    r"""The factor a budget pays on claims: :math:`\min(1, S^{el}_y / K_y)` (1 without claims)."""
    if claims <= budget or claims <= 0:
        return 1.0
    return budget / claims


def _limit(budget: float, factor: float) -> float:
    """The claims at the full rate a budget pays at a factor (no limit at a factor of 0)."""
    return budget / factor if factor > 0 else math.inf


def next_pro_rata(
    state: ProRata, claims: float, budget: float, excess: float = 0.0
) -> ProRata | None:
    """The next factor for a solution whose claims at the full rate are ``claims``.

    ``excess`` is the dual of the claims limit where one is set, as a share of the full
    rate (>= 0): how much more than the factor the marginal claim would still be worth.
    None when the year is settled: the budget pays the claims at the factor to the
    tolerance, and a limit on the claims (a threshold solve) rations nobody by more than
    the tolerance. A threshold that no longer holds is searched again.
    """
    target = implied_factor(claims, budget)
    factor = state.factor
    gap = target - factor
    capped = math.isfinite(state.cap)
    # a limit that rations the claims by more than the tolerance is not settled, unless
    # the search has closed in on the threshold to the tolerance (a partial uptake there)
    closed = state.upper - state.lower <= TOLERANCE * state.upper
    rationed = capped and excess > TOLERANCE * factor and not closed
    if abs(gap) <= TOLERANCE * factor and not rationed:
        return None
    steps = state.steps + 1
    lower, upper = state.lower, state.upper
    if capped:
        # at a threshold: the claims limit S / f is on. Rationed: the marginal claim is
        # worth ``excess`` more than f, so the factor at which it is indifferent is
        # f - excess (a step on the dual, exact where one jump of the response lies in
        # between); a little above it the marginal claims are taken up to the limit.
        # Not rationed but short of the limit: the factor is too low.
        if rationed:
            upper = min(upper, factor)
            new = factor - excess + 0.25 * TOLERANCE * factor
        else:
            lower = max(lower, factor)
            new = min(1.0, target)
        if lower >= upper:  # other years moved the response: start again from here
            lower, upper = 0.0, 1.0
        # inside the bracket; the full rate (1) may be reached where nothing overclaimed at it
        if not (lower < new < upper or (new == upper == 1.0 and not rationed)):
            new = 0.5 * (lower + upper)
        if upper - lower <= TOLERANCE * upper:
            new = upper
        return replace(
            state,
            factor=new,
            cap=_limit(budget, new),
            lower=lower,
            upper=upper,
            method=THRESHOLD,
            last_sign=1 if new > factor else -1,
            last_gap=gap,
            last_factor=factor,
            steps=steps,
        )
    sign = 1 if gap > 0 else -1
    if sign > 0:
        lower = max(lower, factor)
    else:
        upper = min(upper, factor)
    if lower > upper:  # other years moved the response: start the bracket again
        lower, upper = 0.0, 1.0
    swings = sign != state.last_sign and state.last_sign != 0
    if lower <= target <= upper and not (swings and abs(gap) > 0.5 * abs(state.last_gap)):
        # plain iteration: the factor the claims imply; where the last two steps moved the
        # same way, a secant step on the gap (which falls as the factor rises) goes further
        new = target
        moved = factor - state.last_factor
        if sign == state.last_sign and moved != 0 and math.isfinite(state.last_gap):
            slope = (gap - state.last_gap) / moved
            if slope < 0:
                secant = factor - gap / slope
                if lower <= secant <= upper:
                    new = secant
        return replace(
            state,
            factor=new,
            last_factor=factor,
            lower=lower,
            upper=upper,
            method=PLAIN,
            last_sign=sign,
            last_gap=gap,
            steps=steps,
        )
    # plain iteration leaves the bracket or swings back without closing in: the response
    # jumps between the ends. Hold the claims at the budget over the lowest factor seen to
    # overclaim, and read from the limit's dual how far above the threshold that is.
    new = upper if upper < 1.0 else factor
    return replace(
        state,
        factor=new,
        cap=_limit(budget, new),
        lower=lower,
        upper=upper,
        method=THRESHOLD,
        last_sign=sign,
        last_gap=gap,
        last_factor=factor,
        steps=steps,
    )


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


#: The pairs of :func:`electricity_pairs` of the last LP built, by key: the same for every
#: step of a fixed point (only the rates move), so made once per activity block and core.
_PAIRS: dict = {"owner": (None, None, ()), "pairs": {}}


def electricity_pairs(
    x: Variables, core: Core, carriers: tuple[str, ...], key: SectorClusterYear
) -> list:
    """Supported electricity used by a sector in a cluster and year (PJ/yr), as pairs."""
    owner = _PAIRS["owner"]
    if owner[0] is not x.activity or owner[1] is not core or owner[2] != carriers:
        _PAIRS["owner"] = (x.activity, core, carriers)
        _PAIRS["pairs"] = {}
    pairs = _PAIRS["pairs"].get(key)
    if pairs is None:
        s, c, y = key
        pairs = _PAIRS["pairs"][key] = [
            (core.inputs[(r, y)][k], x.activity[(s, c, r, y)])
            for r in core.cell_routes[(s, c)]
            for k in carriers
            if k in core.inputs[(r, y)]
        ]
    return pairs


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

    .. math:: K_y = \sum_{s,c} R_{s,c,y} \sum_r \phi_{r,y,\mathrm{el}}\, a_{s,c,r,y} \le S^{el}_y / \zeta_y

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

    .. math:: C^{sup}_y = -\,\nu \sum_{s,c} \zeta_y\, R_{s,c,y} \sum_r \phi_{r,y,\mathrm{el}}\, a_{s,c,r,y}

    :math:`\zeta_y` the pro-rata factor, :math:`R` the full rate,
    :math:`\nu = (1+\rho)^{-d^{pay}}` for a support paid :math:`d^{pay}` years after the
    use. In the policy's own cost component. Units: MEUR/yr.
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

    parameters = RESERVE_PARAMETERS
    symbols = SUPPORT_SYMBOLS

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
        duals = solution.duals(f"{self.name}_claims")
        states = dict(coef.pro_rata)
        changed = False
        for y, state in coef.pro_rata.items():
            # the limit's dual per MEUR of claims at the full rate, as a share of that rate
            excess = -duals.get(Year(y), 0.0) / (coef.value_factor * core.discount[y])
            new = next_pro_rata(state, claims[y], coef.budget[y], max(0.0, excess))
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
        notes = [f"policy '{self.name}': pro-rata factor of the full rate " + "; ".join(parts)]
        held = sorted(y for y, s in coef.pro_rata.items() if math.isfinite(s.cap))
        if held:
            notes.append(
                f"policy '{self.name}': at a threshold rate the claims are held at the budget "
                f"over the factor (a partial uptake; row {self.name}_claims of the settled "
                f"LP) in {', '.join(map(str, held))}"
            )
        return notes
