"""EU-ETS: allowances for direct emissions, free allocation with the CBAM phase-out, and
the CBAM charge on imported products.

Switches: ``ets`` (the policy), ``cbam`` (the phase-out of free allocation in CBAM
sectors and the charge on their imports). The ETS price is read by other policies (the
SDE++ gap, IKC-ETS, the national levy) through :func:`carbon_price`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from elektra.inputs.parameters import Parameter
from elektra.model.expressions import national_emission_pairs
from elektra.model.lp import Builder, Variables
from elektra.model.resultspec import CostComponent, Symbol
from elektra.model.structure import Core, StructureError, finite
from elektra.policies.base import Policy, Switch

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "ets_price",
        ("year",),
        "MEUR/Mt",
        "EU-ETS allowance price (EUR per tonne CO2 = MEUR per Mt).",
        minimum=0,
        group="policy",
        plausible=(0.0, 1_000.0),
        plausible_reason=(
            "EU-ETS allowances have traded below 110 EUR/t; analysts' 2035 paths stay below "
            "300 EUR/t; 1,000 leaves room for stress tests"
        ),
    ),
    Parameter(
        "free_allocation_benchmark",
        ("sector", "service"),
        "Mt/{output}",
        "ETS free allocation per unit of domestic output (product benchmark, or the "
        "heat/fuel benchmark for heat services), before the CBAM phase-out.",
        default=0.0,
        minimum=0,
        output_from="service",
        group="policy",
        plausible={"Mt": (0.0, 10.0), "PJ": (0.0, 0.2)},
        plausible_reason=(
            "the highest EU product benchmark is hydrogen, 6.84 t CO2/t; the heat and fuel "
            "benchmarks are 47.3 and 42.6 t CO2/TJ (Regulation (EU) 2021/447)"
        ),
    ),
    Parameter(
        "free_allocation_factor",
        ("year",),
        "1",
        "Share of the benchmark allocated for free to non-CBAM sectors in a year "
        "(cross-sectoral correction and benchmark updates folded in).",
        default=1.0,
        minimum=0,
        maximum=1,
        group="policy",
    ),
    Parameter(
        "cbam_phase_out",
        ("year",),
        "1",
        "Share of free allocation withdrawn from CBAM sectors in a year "
        "(Regulation (EU) 2023/956, Art. 36; Directive (EU) 2023/959, Art. 10a(1a)).",
        default=0.0,
        minimum=0,
        maximum=1,
        group="policy",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"P^{ETS}_y": Symbol("ets_price", "EU-ETS allowance price"),
        r"b_{s,j}": Symbol(
            "free_allocation_benchmark", "free allocation per unit of domestic output"
        ),
        r"\lambda_y": Symbol("free_allocation_factor", "share of the benchmark allocated for free"),
        r"\chi_{s,y}": Symbol(
            "cbam_phase_out", "share of free allocation withdrawn (CBAM sectors)"
        ),
    },
    "Derived coefficients and constants": {
        r"c^{CBAM}_{r,y}": Symbol(
            "policies.ets.EtsCoefficients.cbam_charge",
            "CBAM charge per unit of an imported product",
            "MEUR/{output}",
        ),
    },
    "Cost terms": {
        r"C^{ETS}_y": Symbol("policies.ets.ets_costs", "ETS, free allocation and CBAM", "MEUR/yr"),
    },
}


@dataclass(frozen=True)
class EtsCoefficients:
    #: allowance price per year (EUR/t = MEUR/Mt)
    price: Mapping[int, float]
    #: free allocation per unit of domestic output, (sector, service, year) -> Mt/unit
    free_allocation: Mapping[tuple[str, str, int], float]
    #: CBAM charge per unit of an imported product, (route, year) -> MEUR/unit
    cbam_charge: Mapping[tuple[str, int], float]


def carbon_price(required: Mapping[str, Any], years) -> dict[int, float]:
    """The ETS price of each year, 0 when the ETS is switched off (MEUR/Mt)."""
    ets = required.get("ets")
    return dict(ets.price) if ets is not None else {y: 0.0 for y in years}


def ets_costs(b: Builder, x: Variables, core: Core, coef: EtsCoefficients) -> None:
    r"""ETS allowances, less free allocation, plus the CBAM charge on imports, per year.

    .. math::
       C^{ETS}_y = P^{ETS}_y\, E_y
       - \sum_{s,c} \sum_{r \in \mathcal{R}^{dom}} P^{ETS}_y\, b_{s,j(r)}\, \lambda_y\, (1 - \chi_{s,y})\, a_{s,c,r,y}
       + \sum_{s,c} \sum_{r \in \mathcal{R}^{imp}} c^{CBAM}_{r,y}\, a_{s,c,r,y},
       \qquad c^{CBAM}_{r,y} = P^{ETS}_y \max\big(0,\; m_r - b_{s,j(r)} (1 - \chi_{s,y})\big)

    in components ``ets``, ``free_allocation`` and ``cbam``. :math:`b` the benchmark
    (free allocation per unit of output), :math:`\lambda` the free allocation factor,
    :math:`\chi_{s,y}` the CBAM phase-out (0 for sectors outside CBAM or with CBAM off),
    :math:`m` CO2 embedded per unit imported, :math:`c^{CBAM}` the CBAM charge per unit
    imported (:math:`s` the sector of the route; charged only on the imports of CBAM sectors
    with ``cbam`` on). Units: MEUR/yr.
    """
    for y in core.years:
        price = coef.price[y]
        b.cost("ets", y, [(price * c, col) for c, col in national_emission_pairs(x, core, y)])
    allocation, charge = defaultdict(list), defaultdict(list)
    for key in core.activity_index:
        s, _c, r, y = key
        if core.domestic[r]:
            value = coef.price[y] * coef.free_allocation[(s, core.route_service[r], y)]
            if value != 0:
                allocation[y].append((-value, x.activity[key]))
        elif coef.cbam_charge.get((r, y), 0.0) != 0:
            charge[y].append((coef.cbam_charge[(r, y)], x.activity[key]))
    for y in core.years:
        b.cost("free_allocation", y, allocation[y])
        b.cost("cbam", y, charge[y])


class Ets(Policy):
    name = "ets"
    title = "EU-ETS, free allocation and CBAM"
    position = 10
    switches = (
        Switch("ets", True, "EU-ETS allowances for direct emissions, with free allocation"),
        Switch(
            "cbam",
            True,
            "the CBAM phase-out of free allocation in CBAM sectors and the charge on their imports",
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    costs = (
        CostComponent("ets", True, "EU-ETS allowances for direct emissions", "EU-ETS"),
        CostComponent(
            "free_allocation", True, "EU-ETS free allocation (a revenue)", "EU-ETS Free Allocation"
        ),
        CostComponent("cbam", True, "CBAM charge on imported products", "CBAM"),
    )
    reads = (
        "cbam_phase_out",
        "embedded_emissions",
        "ets_price",
        "free_allocation_benchmark",
        "free_allocation_factor",
    )
    core_fields = frozenset(
        (
            "activity_index",
            "cell_routes",
            "domestic",
            "emission_cells",
            "lifetime",
            "net_emission_factor",
            "route_sector",
            "route_service",
            "years",
        )
    )
    cost_functions = (ets_costs,)

    def coefficients(self, data, scenario, core, required) -> EtsCoefficients:
        price_table = data.table("ets_price")
        price = {y: price_table[y] for y in core.years}
        if not all(finite(v) for v in price.values()):
            raise StructureError(f"{data.path}: parameter 'ets_price' has no value for every year")
        cbam = scenario.policies.cbam
        phase_out = data.table("cbam_phase_out")
        factor = data.table("free_allocation_factor")
        benchmark = data.table("free_allocation_benchmark")
        embedded = data.table("embedded_emissions")
        cbam_sector = data.sectors["cbam"].to_dict()
        free_allocation = {}
        for sector, service in data.services.index:
            for y in core.years:
                kept = (1 - phase_out[y]) if (cbam and cbam_sector[sector]) else 1.0
                free_allocation[(sector, service, y)] = (
                    benchmark[sector, service] * factor[y] * kept
                )
        charge = {}
        if cbam:
            for r in core.lifetime:
                sector = core.route_sector[r]
                if core.domestic[r] or not cbam_sector[sector]:
                    continue
                for y in core.years:
                    still_free = benchmark[sector, core.route_service[r]] * (1 - phase_out[y])
                    charge[(r, y)] = price[y] * max(0.0, embedded[r] - still_free)
        return EtsCoefficients(price=price, free_allocation=free_allocation, cbam_charge=charge)

    def define(self, b, x, core, coef) -> None:
        ets_costs(b, x, core, coef)
