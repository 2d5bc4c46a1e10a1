r"""RFNBO obligation (RED III): a share of the hydrogen industry uses must be renewable
hydrogen (renewable fuels of non-biological origin).

Switch: ``rfnbo``. Directive (EU) 2018/2001 as amended by Directive (EU) 2023/2413, Article
22a: RFNBOs make up at least 42 % of the hydrogen used for final energy and non-energy
purposes in industry by 2030 and 60 % by 2035 (``rfnbo_obligation``; the dataset
interpolates between the two and sets no obligation before 2030). Hydrogen used as an
intermediate product for conventional transport fuels (refining) does not count
(``rfnbo_counted`` 0). The hydrogen a route makes inside itself (``captive_hydrogen``: the
reformer of a grey ammonia plant) counts in the use as much as pool hydrogen does: Article
22a counts all hydrogen used in industry, not only hydrogen bought. A hydrogen route's
output counts as RFNBO for its
``rfnbo_route_share`` (electrolysis on renewable electricity 1, fossil routes with or
without capture 0). Hydrogen is pooled nationally (the carrier balance), so the obligation
is a national mass balance: the renewable hydrogen made covers the share of the counted
use. Its dual is the premium the obligation costs per GJ of hydrogen it requires to be
renewable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.lp import DualSpec, Elastic, Row, Variables, at_least
from elektra.model.resultspec import ResultSpec, Symbol, to_array
from elektra.model.structure import CellYear, Core, Year, finite
from elektra.policies.base import Policy, Switch

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "rfnbo_obligation",
        ("year",),
        "1",
        "Share of the hydrogen used by industry that must be renewable hydrogen (RFNBO), "
        "RED III Article 22a.",
        minimum=0,
        maximum=1,
        group="policy",
    ),
    Parameter(
        "rfnbo_route_share",
        ("route",),
        "1",
        "Share of a hydrogen route's output that counts as RFNBO (renewable fuel of "
        "non-biological origin).",
        default=0.0,
        minimum=0,
        maximum=1,
        group="policy",
    ),
    Parameter(
        "captive_hydrogen",
        ("route",),
        "PJ/{output}",
        "Hydrogen a route makes and uses inside itself per unit of output (the reformer of a "
        "grey ammonia plant), not bought from the hydrogen pool. RED III Article 22a counts "
        "it in the hydrogen industry uses, so the RFNBO obligation's denominator holds it.",
        default=0.0,
        minimum=0,
        output_from="route",
        group="policy",
        plausible={"Mt": (0.0, 150.0), "PJ": (0.0, 1.5)},
        plausible_reason=(
            "a product holds less hydrogen than pure hydrogen (120 GJ/t); ammonia takes 21.3 "
            "GJ/t; per PJ of output a route uses at most about one PJ of hydrogen"
        ),
    ),
    Parameter(
        "rfnbo_counted",
        ("sector",),
        "1",
        "1 where a sector's hydrogen use counts for the RFNBO obligation, 0 where it does "
        "not (hydrogen used to make conventional transport fuels).",
        default=1.0,
        minimum=0,
        maximum=1,
        group="policy",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Sets": {
        r"\mathcal{S}^{RFNBO}": Symbol(
            "rfnbo_counted", "sectors whose hydrogen use the RFNBO obligation counts"
        ),
    },
    "Parameters and scenario keys": {
        r"\Omega_y": Symbol("rfnbo_obligation", "RFNBO share of industrial hydrogen use"),
        r"\psi_r": Symbol("rfnbo_route_share", "share of a hydrogen route's output that is RFNBO"),
        r"\phi^{cap}_r": Symbol(
            "captive_hydrogen", "hydrogen a route makes and uses inside itself, per unit of output"
        ),
    },
}


@dataclass(frozen=True)
class RfnboCoefficients:
    hydrogen: str
    #: the obligation: RFNBO share of the counted hydrogen use, per year with a value
    share: Mapping[Year, float]
    #: share of a producing route's output that counts as RFNBO
    route_share: Mapping[str, float]
    #: 1 where a sector's hydrogen use counts, 0 where it does not (refining)
    counted: Mapping[str, float]
    #: hydrogen a route makes and uses inside itself per unit of output (captive)
    captive: Mapping[str, float]
    #: the cells that use hydrogen, bought from the pool or captive
    users: tuple[tuple[str, str, str], ...]


DUALS = (
    DualSpec(
        "rfnbo_obligation",
        "dual_rfnbo_obligation",
        ("year",),
        "EUR/GJ",
        "Premium the RFNBO obligation costs per GJ of hydrogen it requires to be renewable",
        sign=1.0,
    ),
)
RESULTS = (
    ResultSpec("rfnbo_hydrogen", ("year",), "PJ/yr", "Renewable (RFNBO) hydrogen made"),
    ResultSpec(
        "rfnbo_counted_use",
        ("year",),
        "PJ/yr",
        "Hydrogen used by industry that the RFNBO obligation counts",
    ),
    ResultSpec(
        "rfnbo_share",
        ("year",),
        "1",
        "RFNBO hydrogen over the counted hydrogen use (the obligation's share, reached)",
    ),
)


def rfnbo_obligation(x: Variables, core: Core, coef: RfnboCoefficients, key: Year) -> Row:
    r"""RFNBO obligation: renewable hydrogen covers the obligation's share of industry's use.

    .. math:: \sum_{(s,c,r) \in \mathcal{M}_{\mathrm{H_2}}} \psi_r\, a_{s,c,r,y} - \Omega_y \sum_{s \in \mathcal{S}^{RFNBO}} \sum_{c,r} (\phi_{r,y,\mathrm{H_2}} + \phi^{cap}_r)\, a_{s,c,r,y} \;(+\,\xi_y) \ge 0

    :math:`\psi_r` the RFNBO share of a hydrogen route's output, :math:`\Omega_y` the
    obligation, :math:`\mathcal{S}^{RFNBO}` the sectors whose use counts (``rfnbo_counted``
    1), :math:`\phi^{cap}_r` the hydrogen a route makes and uses itself per unit of output
    (``captive_hydrogen``: the ammonia reformers'), :math:`\xi` the shortfall in elastic
    mode. Dual: the premium per GJ of required RFNBO hydrogen (EUR/GJ). Units: PJ/yr.
    """
    year = key.year
    share = coef.share[key]
    pairs = [
        (coef.route_share.get(cell.route, 0.0), x.activity[(*cell, year)])
        for cell in core.producers.get(coef.hydrogen, ())
    ]
    for s, c, r in coef.users:
        use = core.inputs[(r, year)].get(coef.hydrogen, 0.0) + coef.captive.get(r, 0.0)
        pairs.append((-share * coef.counted[s] * use, x.activity[(s, c, r, year)]))
    return at_least(pairs, 0.0)


def _explain(key: Year, amount: float, row: Row) -> str:
    return f"{key.year}: RFNBO obligation short by {amount:.3g} PJ of renewable hydrogen"


class Rfnbo(Policy):
    name = "rfnbo"
    title = "RFNBO obligation (RED III)"
    position = 100
    switches = (
        Switch("rfnbo", False, "the RFNBO obligation for industrial hydrogen (RED III, Art. 22a)"),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    reads = (
        "captive_hydrogen",
        "rfnbo_counted",
        "rfnbo_obligation",
        "rfnbo_route_share",
    )
    core_fields = frozenset(
        (
            "carrier_role",
            "cells",
            "inputs",
            "labels",
            "lifetime",
            "producers",
            "years",
        )
    )
    constraints = (rfnbo_obligation,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> RfnboCoefficients:
        hydrogen = core.carrier_role.get("hydrogen", "")
        obligation = data.table("rfnbo_obligation")
        route_share = data.table("rfnbo_route_share")
        counted = data.table("rfnbo_counted")
        captive_table = data.table("captive_hydrogen")
        captive = {r: captive_table[r] for r in core.lifetime if captive_table[r] > 0}
        users = tuple(
            cell
            for cell in core.cells
            if hydrogen
            and (
                cell.route in captive
                or any(hydrogen in core.inputs[(cell.route, y)] for y in core.years)
            )
        )
        share = {Year(y): obligation[y] for y in core.years if hydrogen and finite(obligation[y])}
        return RfnboCoefficients(
            hydrogen=hydrogen,
            share=share,
            route_share={r: route_share[r] for r in core.lifetime},
            counted={s: counted[s] for s in core.labels["sector"]},
            captive=captive,
            users=users,
        )

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "rfnbo_obligation",
            sorted(coef.share),
            Year._fields,
            partial(rfnbo_obligation, x, core, coef),
            elastic=Elastic("targets", +1.0, _explain),
            dual=DUALS[0],
        )

    def report(self, ds, core, coef, solution, extra=None) -> None:
        activity = solution.values("activity")
        made: dict[int, float] = {}
        counted: dict[int, float] = {}
        for y in core.years:
            made[y] = sum(
                coef.route_share.get(cell.route, 0.0) * activity[CellYear(*cell, y)]
                for cell in core.producers.get(coef.hydrogen, ())
            )
            counted[y] = sum(
                coef.counted[s]
                * (core.inputs[(r, y)].get(coef.hydrogen, 0.0) + coef.captive.get(r, 0.0))
                * activity[(s, c, r, y)]
                for s, c, r in coef.users
            )
        share = {y: made[y] / counted[y] for y in core.years if counted[y] > 0}
        labels = {"year": core.years}
        ds["rfnbo_hydrogen"] = to_array(RESULTS[0], made, labels)
        ds["rfnbo_counted_use"] = to_array(RESULTS[1], counted, labels)
        ds["rfnbo_share"] = to_array(RESULTS[2], share, labels, fill=float("nan"))

    def notes(self, core, coef, solution) -> list[str]:
        if not coef.hydrogen:
            return [
                "policy 'rfnbo' is on but no carrier has the role hydrogen: it has nothing to count"
            ]
        return super().notes(core, coef, solution)
