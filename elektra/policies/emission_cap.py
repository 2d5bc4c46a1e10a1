"""An optional cap on the direct emissions of the modelled industry (a target).

Switch: ``emission_cap``. Its dual is the CO2 price the target implies on top of the ETS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.expressions import national_emission_pairs
from elektra.lp import DualSpec, Elastic, Row, Variables, at_most
from elektra.policies.base import Policy
from elektra.structure import Core, Year, finite


@dataclass(frozen=True)
class CapCoefficients:
    limit: Mapping[Year, float]


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
    r"""Emission target: direct emissions of the modelled industry stay within the cap.

    .. math:: E_y \;(-\,o_y) \le \bar E_y

    :math:`o` the excess in elastic mode. Dual: the CO2 price the target implies on top of
    the ETS (EUR/t). Units: Mt/yr.
    """
    return at_most(national_emission_pairs(x, core, key.year), coef.limit[key])


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
        return CapCoefficients({Year(y): cap[y] for y in core.years if finite(cap[y])})

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "emission_cap",
            sorted(coef.limit),
            Year._fields,
            partial(emission_cap, x, core, coef),
            elastic=Elastic("targets", -1.0, _explain),
            dual=DUALS[0],
        )
