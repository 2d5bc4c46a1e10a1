"""CO2 storage: captured CO2 within the injection capacity of each year (Porthos, Aramis).

Switch: ``co2_storage``. The transport and storage tariff is a price of capture and is in
the core cost (component ``co2_transport_storage``), whether the limit is on or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.expressions import captured_pairs
from elektra.model.lp import DualSpec, Elastic, Row, Variables, at_most
from elektra.model.resultspec import ResultSpec, Symbol, to_array
from elektra.model.structure import Core, Year, finite
from elektra.policies.base import Policy, Switch

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "co2_storage_capacity",
        ("year",),
        "Mt/yr",
        "CO2 that can be injected in a year (Porthos, Aramis, ...).",
        minimum=0,
        group="infrastructure",
        plausible=(0.0, 500.0),
        plausible_reason=(
            "Porthos and Aramis together inject up to about 10 Mt/yr; the EU aims at 50 Mt/yr "
            "by 2030"
        ),
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"Z_y": Symbol("co2_storage_capacity", "CO2 storage injection capacity"),
    },
}


@dataclass(frozen=True)
class StorageCoefficients:
    limit: Mapping[Year, float]


DUALS = (
    DualSpec(
        "co2_storage_limit",
        "dual_co2_storage",
        ("year",),
        "EUR/t",
        "Value of one more tonne of CO2 storage in the year",
    ),
)
RESULTS = (
    ResultSpec("co2_stored", ("year",), "Mt/yr", "CO2 sent to storage"),
    ResultSpec("co2_storage_capacity", ("year",), "Mt/yr", "CO2 storage injection capacity"),
)


def co2_storage_limit(x: Variables, core: Core, coef: StorageCoefficients, key: Year) -> Row:
    r"""CO2 storage: CO2 captured in a year fits the storage that can be injected.

    .. math:: Q_y \le Z_y \;(+\,\xi_y)

    :math:`\xi` the excess in elastic mode. Dual: the value of one more Mt of storage in the
    year. Units: Mt/yr.
    """
    return at_most(captured_pairs(x, core, key.year), coef.limit[key])


def _explain(key: Year, amount: float, row: Row) -> str:
    return f"{key.year}: CO2 storage of {row.upper:.3g} Mt binding, {amount:.3g} Mt short"


class Storage(Policy):
    name = "co2_storage"
    title = "CO2 storage"
    position = 80
    switches = (
        Switch("co2_storage", True, "CO2 storage injection capacity per year (Porthos, Aramis)"),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    reads = ("co2_storage_capacity",)
    core_fields = frozenset(
        (
            "captured_factor",
            "cells",
            "years",
        )
    )
    constraints = (co2_storage_limit,)
    duals = DUALS
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> StorageCoefficients:
        capacity = data.table("co2_storage_capacity")
        return StorageCoefficients(
            {Year(y): capacity[y] for y in core.years if finite(capacity[y])}
        )

    def define(self, b, x, core, coef) -> None:
        b.constraints(
            "co2_storage_limit",
            sorted(coef.limit),
            Year._fields,
            partial(co2_storage_limit, x, core, coef),
            elastic=Elastic("limits", -1.0, _explain),
            dual=DUALS[0],
        )

    def report(self, ds, core, coef, solution, extra=None) -> None:
        ds["co2_stored"] = ds["captured_co2"].sum(["sector", "cluster"])
        ds["co2_stored"].attrs = {"units": RESULTS[0].units, "description": RESULTS[0].description}
        ds["co2_storage_capacity"] = to_array(
            RESULTS[1], coef.limit, {"year": core.years}, fill=float("nan")
        )
