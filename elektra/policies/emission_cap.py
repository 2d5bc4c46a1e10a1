"""An optional cap on the direct emissions of the modelled industry (a target).

Switches: ``emission_cap`` (the cap), ``cap_counts_imports`` (count the CO2 embedded in
imported products too). By default the cap counts domestic emissions only, so closing a
plant and importing its product meets it: the results report that leakage
(``leakage``, ``imports``) beside the emissions. With ``cap_counts_imports`` the CO2
embedded in the imports (``embedded_emissions``) counts against the cap as well. With
``upstream_emissions`` on, the cap limits direct plus upstream emissions
(:mod:`elektra.policies.upstream`). Its dual is the CO2 price the target implies on top of
the ETS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.expressions import national_emission_pairs
from elektra.model.lp import DualSpec, Elastic, Row, Variables, at_most
from elektra.model.resultspec import Symbol
from elektra.model.structure import Core, Year, finite
from elektra.policies.base import Policy, Switch
from elektra.policies.upstream import UpstreamCoefficients, upstream_emission_pairs

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "emission_cap",
        ("year",),
        "Mt/yr",
        "Cap on direct CO2 emissions of the modelled industry (optional target); with "
        "upstream_emissions on, on direct plus counted upstream emissions.",
        minimum=0,
        group="policy",
        plausible=(0.0, 1_000.0),
        plausible_reason=(
            "the whole Dutch ETS industry emits about 50 Mt CO2 a year, EU industry about 700 Mt"
        ),
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"\bar E_y": Symbol(
            "emission_cap", "cap on direct emissions (plus upstream where counted)"
        ),
        r"z^{imp}": Symbol(
            "Policies.cap_counts_imports", "1 where the emission cap counts imports, else 0", "1"
        ),
    },
}


@dataclass(frozen=True)
class CapCoefficients:
    limit: Mapping[Year, float]
    #: counted upstream emissions per unit of output, where switched on (Mt CO2e/unit)
    upstream: UpstreamCoefficients
    #: CO2 embedded per unit of each import route counted against the cap (Mt/unit);
    #: empty when the cap counts domestic emissions only
    embedded: Mapping[str, float]


DUALS = (
    DualSpec(
        "emission_cap",
        "dual_emission_cap",
        ("year",),
        "EUR/t",
        "CO2 price the emission target implies on top of the ETS",
    ),
)


def emission_cap(x: Variables, core: Core, coef: CapCoefficients, key: Year) -> Row:
    r"""Emission target: emissions of the modelled industry (and, where the scenario
    counts them, upstream emissions and the CO2 embedded in imported products) stay within
    the cap.

    .. math:: E_y + E^{up}_y + z^{imp} \sum_{s,c} \sum_{r \in \mathcal{R}^{imp}} m_r\, a_{s,c,r,y} \;(-\,\xi_y) \le \bar E_y

    :math:`E` direct CO2 after capture; :math:`E^{up}_y = \sum_{s,c,r} a_{s,c,r,y}\, u_{r,y}`
    the upstream emissions counted when ``upstream_emissions`` is on (else 0), with
    :math:`u` per unit of output as :mod:`elektra.policies.upstream` defines it;
    :math:`z^{imp}` 1 with ``cap_counts_imports``, else 0; :math:`m` CO2 embedded per
    unit imported, :math:`\xi` the excess in elastic mode. Dual: the CO2 price the target
    implies on top of the ETS (EUR/t). Units: Mt/yr.
    """
    pairs = national_emission_pairs(x, core, key.year)
    pairs += upstream_emission_pairs(x, core, coef.upstream, key.year)
    pairs += [
        (coef.embedded[r], x.activity[(s, c, r, key.year)])
        for r in sorted(coef.embedded)
        for s, c in core.route_cells.get(r, ())
    ]
    return at_most(pairs, coef.limit[key])


def _explain(key: Year, amount: float, row: Row) -> str:
    return f"{key.year}: emission cap of {row.upper:.3g} Mt short by {amount:.3g} Mt"


class EmissionCap(Policy):
    name = "emission_cap"
    title = "Emission cap"
    position = 120
    switches = (
        Switch("emission_cap", False, "a cap on direct industrial emissions in given years"),
        Switch(
            "cap_counts_imports",
            False,
            "the emission cap counts the CO2 embedded in imported products too",
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    reads = (
        "embedded_emissions",
        "emission_cap",
    )
    core_fields = frozenset(
        (
            "cell_routes",
            "cells",
            "domestic",
            "emission_cells",
            "net_emission_factor",
            "route_cells",
            "years",
        )
    )
    requires = ("upstream_emissions",)
    constraints = (emission_cap,)
    duals = DUALS

    def coefficients(self, data, scenario, core, required) -> CapCoefficients:
        cap = data.table("emission_cap")
        embedded = {}
        if scenario.policies.cap_counts_imports:
            table = data.table("embedded_emissions")
            embedded = {r: table[r] for r in core.route_cells if not core.domestic[r]}
        limit = {Year(y): cap[y] for y in core.years if finite(cap[y])}
        upstream = required.get("upstream_emissions", UpstreamCoefficients({}))
        return CapCoefficients(limit, upstream, embedded)

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "emission_cap",
            sorted(coef.limit),
            Year._fields,
            partial(emission_cap, x, core, coef),
            elastic=Elastic("targets", -1.0, _explain),
            dual=DUALS[0],
        )
