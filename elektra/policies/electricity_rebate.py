r"""The electricity-cost envelope: a rebate per MWh of electricity for eligible sectors,
within a yearly budget, cut pro rata when the budget is short.

Switch: ``electricity_rebate``. The policy letter of 2026 reserves support for the
electricity costs of the energy-intensive industry rising to EUR 1 bn a year from 2029,
of which the IKC-ETS extension is the first step and the rest a separate envelope whose
spending is still being worked out. elektra models the envelope as the simplest spending
option, a rebate per unit of electricity used:

.. math:: R_{s,c,y} = R^{el}_y

(``electricity_rebate_rate``) for the sectors with ``electricity_rebate_eligible`` 1 in year
:math:`y`, paid in the year of use (:math:`d^{pay} = 0`, :math:`\nu = 1`) from
``electricity_rebate_budget`` of that year plus the part of the letter's reserve
(``electricity_support_reserve``) that ``ikc_reserve_share`` does not give to IKC-ETS
(:math:`S^{el}_y`), and cut pro rata when the claims exceed it, settled as the fixed point of
the pro-rata supports (:mod:`elektra.policies.prorata`), whose claims limit and cost term
this policy shares with IKC-ETS. The electricity is the carrier with role
``grid_electricity``.
"""

from __future__ import annotations

from elektra.inputs.parameters import Parameter
from elektra.model.resultspec import CostComponent, Symbol
from elektra.model.structure import SectorClusterYear, finite
from elektra.policies.base import Switch, merged_symbols
from elektra.policies.prorata import (
    RESERVE_PARAMETERS,
    SUPPORT_SYMBOLS,
    ElectricitySupport,
    support_claims,
    support_costs,
    support_results,
)

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "electricity_rebate_rate",
        ("year",),
        "MEUR/PJ",
        "Full rebate per unit of electricity of the electricity-cost envelope, before the "
        "pro-rata cut when its budget is short.",
        default=0.0,
        minimum=0,
        group="subsidy",
        plausible=(0.0, 30.0),
        plausible_reason=(
            "a rebate above the whole network tariff and energy tax of a large user "
            "(together below 30 EUR/MWh, 8.3 EUR/GJ) would pay more than the costs the "
            "letter means to lower; 30 EUR/GJ is 108 EUR/MWh, more than the all-in price"
        ),
    ),
    Parameter(
        "electricity_rebate_budget",
        ("year",),
        "MEUR",
        "Yearly budget of the electricity-cost envelope from a budget line of its own; the "
        "part of electricity_support_reserve not given to IKC-ETS is added. Leave out for "
        "no limit.",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 10_000.0),
        plausible_reason=(
            "the policy letter of 2026 reserves up to 1 bnEUR a year for electricity costs "
            "from 2029, IKC-ETS included"
        ),
    ),
    Parameter(
        "electricity_rebate_eligible",
        ("sector", "year"),
        "1",
        "1 where the sector may claim the electricity-cost rebate in the year, 0 otherwise.",
        default=0.0,
        minimum=0,
        maximum=1,
        group="subsidy",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"R^{el}_y": Symbol(
            "electricity_rebate_rate", "full rebate per unit of electricity (the envelope)"
        ),
    },
}


class ElectricityRebate(ElectricitySupport):
    name = "electricity_rebate"
    title = "Electricity-cost envelope (rebate per MWh)"
    position = 60
    switches = (
        Switch(
            "electricity_rebate",
            False,
            "the letter's electricity-cost envelope as a rebate per MWh",
        ),
    )
    parameters = (*RESERVE_PARAMETERS, *PARAMETERS)
    symbols = merged_symbols(SUPPORT_SYMBOLS, SYMBOLS)
    costs = (
        CostComponent(
            "electricity_rebate",
            True,
            "Electricity-cost rebate received (envelope)",
            "Electricity Rebate",
        ),
    )
    reads = (
        "electricity_rebate_budget",
        "electricity_rebate_eligible",
        "electricity_rebate_rate",
        "electricity_support_reserve",
        "ikc_reserve_share",
    )
    core_fields = frozenset(
        (
            "carrier_role",
            "cell_routes",
            "discount_rate",
            "emission_cells",
            "inputs",
            "years",
        )
    )
    constraints = (support_claims,)
    cost_functions = (support_costs,)
    results = support_results("electricity_rebate", "Electricity-cost rebate")
    component = "electricity_rebate"
    payment_lag = 0

    def support(self, data, scenario, core, required):
        eligible = data.table("electricity_rebate_eligible")
        rate_table = data.table("electricity_rebate_rate")
        budget_table = data.table("electricity_rebate_budget")
        index, rate = [], {}
        for s, c in core.emission_cells:
            for y in core.years:
                if not eligible[s, y] > 0:
                    continue
                key = SectorClusterYear(s, c, y)
                index.append(key)
                rate[key] = rate_table[y] if finite(rate_table[y]) else 0.0
        reserve, share = data.table("electricity_support_reserve"), data.table("ikc_reserve_share")
        budget = {
            y: budget_table[y] + (1.0 - share[y]) * reserve[y]
            for y in core.years
            if finite(budget_table[y])
        }
        return index, rate, budget
