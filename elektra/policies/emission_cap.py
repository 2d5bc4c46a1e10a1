"""An optional cap on the direct emissions of the modelled industry (a target).

Switch: ``emission_cap``. Its dual is the CO2 price the target implies on top of the ETS.
With ``upstream_emissions`` on as well, the cap limits direct plus upstream emissions
(:mod:`elektra.policies.upstream`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.expressions import national_emission_pairs
from elektra.lp import DualSpec, Elastic, Row, Variables, at_most
from elektra.policies.base import Policy
from elektra.policies.upstream import UpstreamCoefficients, upstream_emission_pairs
from elektra.structure import Core, Year, finite


@dataclass(frozen=True)
class CapCoefficients:
    limit: Mapping[Year, float]
    #: counted upstream emissions per unit of output, where switched on (Mt CO2e/unit)
    upstream: UpstreamCoefficients = UpstreamCoefficients({})


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
    r"""Emission target: emissions of the modelled industry stay within the cap.

    .. math:: E_y + E^{up}_y \;(-\,o_y) \le \bar E_y, \qquad E^{up}_y = \sum_{s,c,r} a_{s,c,r,y}\, u_{r,y}

    :math:`E` direct CO2 after capture; :math:`E^{up}` the upstream emissions counted when
    ``upstream_emissions`` is on (else 0), with :math:`u` per unit of output as
    :mod:`elektra.policies.upstream` defines it. :math:`o` the excess in elastic mode.
    Dual: the CO2 price the target implies on top of the ETS (EUR/t). Units: Mt/yr.
    """
    pairs = national_emission_pairs(x, core, key.year)
    pairs += upstream_emission_pairs(x, core, coef.upstream, key.year)
    return at_most(pairs, coef.limit[key])


def _explain(key: Year, amount: float, row: Row) -> str:
    return f"{key.year}: emission cap of {row.upper:.3g} Mt short by {amount:.3g} Mt"


class EmissionCap(Policy):
    name = "emission_cap"
    title = "Emission cap"
    switches = ("emission_cap",)
    constraints = (emission_cap,)
    duals = DUALS

    def coefficients(self, data, scenario, core, earlier) -> CapCoefficients:
        cap = data.table("emission_cap")
        limit = {Year(y): cap[y] for y in core.years if finite(cap[y])}
        upstream = earlier.get("upstream_emissions", UpstreamCoefficients({}))
        return CapCoefficients(limit, upstream)

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "emission_cap",
            sorted(coef.limit),
            Year._fields,
            partial(emission_cap, x, core, coef),
            elastic=Elastic("targets", -1.0, _explain),
            dual=DUALS[0],
        )
