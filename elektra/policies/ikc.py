r"""IKC-ETS: compensation of the indirect ETS cost in the electricity price, as the scheme
works: a rate per unit of electricity, cut pro rata when the budget is short, paid the year
after the electricity is used.

Switch: ``ikc``. The full rate of a sector's electricity in a year of use is

.. math:: R_{s,c,y} = \beta_{s,y}\, \varepsilon_y\, P^{ETS}_y

(aid intensity :math:`\beta`, the Commission's maximum regional emission factor
:math:`\varepsilon`, the ETS price), for the sectors with ``ikc_eligible`` 1 in that year:
the sectors of Annex I of the ETS State aid Guidelines (2020/C 317/04) and, from 2026, the
22 (sub)sectors their amendment (C/2026/196) adds, mapped to elektra's sectors in the
dataset (``data/nl/subsidies.csv``, column ``method``). The amendment raises the aid
intensity from 0.75 to 0.80 from 2026 for the sectors eligible before it; the added ones get
0.75. The compensation for the electricity used in year :math:`y` is paid in :math:`y+1`
from that year's budget (:math:`S^{el}_y` is the budget of the payment year; for the last
model year the last budget is held): ``ikc_budget`` plus the share ``ikc_reserve_share`` of
the means the policy letter reserves for electricity costs (``electricity_support_reserve``),
the scenario lever that splits them between IKC-ETS and the electricity-cost envelope. It
counts in the cost of year :math:`y` at :math:`\nu = 1/(1+\rho)` (:math:`d^{pay} = 1`). When
the claims exceed the budget every claim is cut by the same factor :math:`\zeta_y`, settled
as the fixed point of the pro-rata supports (:mod:`elektra.policies.prorata`), whose claims
limit and cost term this policy shares with the electricity-cost envelope. The electricity
is the carrier with role ``grid_electricity``.
"""

from __future__ import annotations

from elektra.inputs.parameters import Parameter
from elektra.model.resultspec import CostComponent, Symbol
from elektra.model.structure import SectorClusterYear, finite
from elektra.policies.base import Switch, merged_symbols
from elektra.policies.ets import carbon_price
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
        "ikc_budget",
        ("year",),
        "MEUR",
        "Yearly budget of the indirect cost compensation (IKC-ETS) from its own budget line, "
        "by the year it is paid (it pays the compensation for the electricity used the year "
        "before); the share ikc_reserve_share of electricity_support_reserve is added.",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 10_000.0),
        plausible_reason="the Dutch IKC-ETS budget is 130-200 MEUR a year",
    ),
    Parameter(
        "ikc_aid_intensity",
        ("sector", "year"),
        "1",
        "Share of indirect ETS costs that IKC-ETS compensates (per sector and year of use: "
        "0.75 under the 2020 ETS State aid Guidelines, 0.80 from 2026 for the sectors "
        "eligible before their amendment).",
        default=0.75,
        minimum=0,
        maximum=1,
        group="subsidy",
        plausible=(0.0, 0.85),
        plausible_reason=(
            "the ETS State aid Guidelines allow at most 75 % (2020/C 317/04), 80 % from "
            "2026 for the sectors eligible before the amendment (C/2026/196)"
        ),
    ),
    Parameter(
        "ikc_emission_factor",
        ("year",),
        "Mt/PJ",
        "CO2 emission factor of electricity used to compute indirect costs (the "
        "Commission's maximum regional factor).",
        minimum=0,
        group="subsidy",
        plausible=(0.0, 0.5),
        plausible_reason="the Commission's maximum regional factors stay below 1.2 t CO2/MWh (0.33 t/GJ)",
    ),
    Parameter(
        "ikc_eligible",
        ("sector", "year"),
        "1",
        "1 where the sector is eligible for IKC-ETS in the year of use, 0 otherwise.",
        default=0.0,
        minimum=0,
        maximum=1,
        group="subsidy",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"\beta_{s,y}": Symbol("ikc_aid_intensity", "IKC-ETS aid intensity"),
        r"\varepsilon_y": Symbol("ikc_emission_factor", "electricity CO2 factor used by IKC-ETS"),
    },
}


class Ikc(ElectricitySupport):
    name = "ikc"
    title = "IKC-ETS (indirect cost compensation)"
    position = 50
    switches = (
        Switch(
            "ikc", True, "IKC-ETS compensation of indirect ETS costs, cut pro rata to its budget"
        ),
    )
    parameters = (*RESERVE_PARAMETERS, *PARAMETERS)
    symbols = merged_symbols(SUPPORT_SYMBOLS, SYMBOLS)
    costs = (
        CostComponent(
            "ikc_compensation", True, "IKC-ETS compensation received", "IKC Compensation"
        ),
    )
    reads = (
        "electricity_support_reserve",
        "ikc_aid_intensity",
        "ikc_budget",
        "ikc_eligible",
        "ikc_emission_factor",
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
    requires = ("ets",)
    constraints = (support_claims,)
    cost_functions = (support_costs,)
    results = support_results("ikc", "IKC-ETS compensation", paid="ikc_compensation")
    component = "ikc_compensation"
    payment_lag = 1
    outlay_label = "ikc_ets"

    def support(self, data, scenario, core, required):
        price = carbon_price(required, core.years)
        eligible = data.table("ikc_eligible")
        aid = data.table("ikc_aid_intensity")
        factor = data.table("ikc_emission_factor")
        budget_table = data.table("ikc_budget")
        reserve, share = data.table("electricity_support_reserve"), data.table("ikc_reserve_share")
        index, rate = [], {}
        for s, c in core.emission_cells:
            for y in core.years:
                if not eligible[s, y] > 0:
                    continue
                key = SectorClusterYear(s, c, y)
                index.append(key)
                value = aid[s, y] * factor[y] * price[y]
                rate[key] = value if finite(value) else 0.0
        budget = {}
        for position, y in enumerate(core.years):
            paying = core.years[min(position + 1, len(core.years) - 1)]
            if finite(budget_table[paying]):
                budget[y] = budget_table[paying] + share[paying] * reserve[paying]
        return index, rate, budget
