"""IKC-ETS: compensation of indirect ETS costs in the electricity price, within a budget.

Switch: ``ikc``. Eligible sectors are those with ``ikc_eligible`` 1; the electricity is the
carrier with role ``grid_electricity``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.lp import Builder, DualSpec, Row, Variables, at_most
from elektra.policies.base import Policy
from elektra.policies.ets import carbon_price
from elektra.resultspec import ResultSpec, to_array
from elektra.structure import Core, SectorClusterYear, Year, finite


@dataclass(frozen=True)
class IkcCoefficients:
    electricity: str
    index: tuple[SectorClusterYear, ...]
    #: compensation per PJ of electricity: aid intensity x emission factor x ETS price
    rate: Mapping[SectorClusterYear, float]
    budget: Mapping[Year, float]


DUALS = (
    DualSpec(
        "ikc_limit",
        "dual_ikc_limit",
        ("sector", "cluster", "year"),
        "MEUR/MEUR",
        "Value of one more euro of IKC compensation claimable",
    ),
    DualSpec(
        "ikc_budget",
        "dual_ikc_budget",
        ("year",),
        "MEUR/MEUR",
        "Value to industry of one more euro of IKC budget",
    ),
)
RESULTS = (
    ResultSpec(
        "ikc_compensation",
        ("sector", "cluster", "year"),
        "MEUR/yr",
        "IKC-ETS compensation, the budget split pro rata over the claims",
    ),
)


def electricity_pairs(x: Variables, core: Core, electricity: str, key: SectorClusterYear) -> list:
    """Grid electricity used by a sector in a cluster and year (PJ/yr), as pairs."""
    s, c, y = key
    return [
        (core.inputs[(r, y)][electricity], x.activity[(s, c, r, y)])
        for r in core.cell_routes[(s, c)]
        if electricity in core.inputs[(r, y)]
    ]


def ikc_limit(x: Variables, core: Core, coef: IkcCoefficients, key: SectorClusterYear) -> Row:
    r"""IKC-ETS claim: compensation is at most the indirect ETS cost it compensates.

    .. math:: z_{s,c,y} \le \beta\, \varepsilon_y\, P^{ETS}_y \sum_r \phi_{r,y,\mathrm{el}}\, a_{s,c,r,y}

    :math:`\beta` aid intensity, :math:`\varepsilon` the electricity emission factor.
    Units: MEUR/yr.
    """
    rate = coef.rate[key]
    pairs = [(-rate * c, column) for c, column in electricity_pairs(x, core, coef.electricity, key)]
    return at_most([(1.0, x.ikc_paid[key])] + pairs, 0.0)


def ikc_budget(x: Variables, by_year: Mapping[int, list], coef: IkcCoefficients, key: Year) -> Row:
    r"""IKC-ETS budget: compensation paid in a year is within the year's budget.

    .. math:: \sum_{s,c} z_{s,c,y} \le S^{IKC}_y

    When claims exceed the budget the LP pays the budget; the results split it pro rata
    over the claims. Units: MEUR/yr.
    """
    return at_most([(1.0, x.ikc_paid[k]) for k in by_year[key.year]], coef.budget[key])


def ikc_costs(b: Builder, x: Variables, core: Core, coef: IkcCoefficients) -> None:
    r"""IKC-ETS compensation received by industry.

    .. math:: C^{IKC}_y = -\sum_{s,c} z_{s,c,y}

    Component ``ikc_compensation``. Units: MEUR/yr.
    """
    by_year = defaultdict(list)
    for key in coef.index:
        by_year[key.year].append((-1.0, x.ikc_paid[key]))
    for y, pairs in by_year.items():
        b.cost("ikc_compensation", y, pairs)


class Ikc(Policy):
    name = "ikc"
    title = "IKC-ETS (indirect cost compensation)"
    switches = ("ikc",)
    constraints = (ikc_limit, ikc_budget)
    cost_functions = (ikc_costs,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, earlier) -> IkcCoefficients:
        electricity = core.carrier_role.get("grid_electricity", "")
        price = carbon_price(earlier, core.years)
        eligible = data.table("ikc_eligible")
        aid = float(data["ikc_aid_intensity"])
        factor = data.table("ikc_emission_factor")
        budget_table = data.table("ikc_budget")
        index, rate = [], {}
        for s, c in core.emission_cells:
            if not electricity or eligible.get(s, 0) <= 0:
                continue
            for y in core.years:
                key = SectorClusterYear(s, c, y)
                index.append(key)
                value = aid * factor[y] * price[y]
                rate[key] = value if finite(value) else 0.0
        budget = {Year(y): budget_table[y] for y in core.years if finite(budget_table[y])}
        return IkcCoefficients(electricity, tuple(index), rate, budget)

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "ikc_paid",
                coef.index,
                SectorClusterYear._fields,
                units="MEUR/yr",
                description="IKC-ETS compensation paid",
            )
        )
        b.constraints(
            "ikc_limit",
            coef.index,
            SectorClusterYear._fields,
            partial(ikc_limit, x, core, coef),
            dual=DUALS[0],
        )
        by_year = defaultdict(list)
        for key in coef.index:
            by_year[key.year].append(key)
        b.constraints(
            "ikc_budget",
            [key for key in sorted(coef.budget) if by_year[key.year]],
            Year._fields,
            partial(ikc_budget, x, by_year, coef),
            dual=DUALS[1],
        )
        ikc_costs(b, x, core, coef)

    def report(self, ds, core, coef, solution, extra=None) -> None:
        activity = solution.values("activity")
        claims: dict[tuple, float] = defaultdict(float)
        for key in coef.index:
            s, c, y = key
            for r in core.cell_routes[(s, c)]:
                use = core.inputs[(r, y)].get(coef.electricity, 0.0)
                claims[key] += coef.rate[key] * use * activity[(s, c, r, y)]
        paid_in_year: dict[int, float] = defaultdict(float)
        for key, amount in solution.values("ikc_paid").items():
            paid_in_year[key.year] += amount
        claimed_in_year: dict[int, float] = defaultdict(float)
        for key, amount in claims.items():
            claimed_in_year[key.year] += amount
        pro_rata = {
            key: amount * paid_in_year[key.year] / claimed_in_year[key.year]
            for key, amount in claims.items()
            if claimed_in_year[key.year] > 0
        }
        labels = {
            "sector": core.labels["sector"],
            "cluster": core.labels["cluster"],
            "year": core.years,
        }
        ds["ikc_compensation"] = to_array(RESULTS[0], pro_rata, labels)

    def outlays(self, ds) -> dict:
        return {"ikc_ets": ds["ikc_compensation"].sum(["sector", "cluster"])}
