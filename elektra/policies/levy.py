"""The national CO2 levy on industry (CO2-heffing industrie), with dispensation rights.

Switch: ``co2_levy``. ETS participants pay the levy rate less the ETS price, on the
emissions above their dispensation rights.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from elektra.inputs.parameters import Parameter
from elektra.model.expressions import emission_pairs
from elektra.model.lp import Builder, DualSpec, Row, Variables, at_least
from elektra.model.resultspec import CostComponent, Symbol
from elektra.model.structure import Core, SectorClusterYear
from elektra.policies.base import Policy, Switch
from elektra.policies.ets import carbon_price

#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "co2_levy_rate",
        ("year",),
        "MEUR/Mt",
        "Rate of the national CO2 levy on industry (CO2-heffing industrie); ETS "
        "participants pay the rate less the ETS price.",
        default=0.0,
        minimum=0,
        group="policy",
        plausible=(0.0, 1_000.0),
        plausible_reason=(
            "the statutory Dutch levy tariff reaches about 127 EUR/t in 2030 (NEa), before the "
            "ETS price is deducted"
        ),
    ),
    Parameter(
        "co2_levy_dispensation",
        ("sector", "cluster", "year"),
        "Mt",
        "Dispensation rights: emissions exempt from the national CO2 levy.",
        default=0.0,
        minimum=0,
        group="policy",
        plausible=(0.0, 100.0),
        plausible_reason="the whole Dutch ETS industry emits about 50 Mt CO2 a year",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"\tau_y": Symbol("co2_levy_rate", "national CO2 levy rate"),
        r"V_{s,c,y}": Symbol("co2_levy_dispensation", "emissions exempt from the levy"),
    },
    "Variables": {
        r"\ell_{s,c,y}": Symbol("levied", "emissions paying the national levy", "Mt/yr"),
    },
    "Cost terms": {
        r"C^{levy}_y": Symbol("policies.levy.levy_costs", "national CO2 levy paid", "MEUR/yr"),
    },
}


@dataclass(frozen=True)
class LevyCoefficients:
    index: tuple[SectorClusterYear, ...]
    #: the levy rate above the ETS price, max(0, levy - ETS) (EUR/t = MEUR/Mt)
    rate: Mapping[int, float]
    #: emissions exempt by dispensation rights (Mt)
    dispensation: Mapping[SectorClusterYear, float]


DUALS = (
    DualSpec(
        "levy_base",
        "dual_levy_base",
        ("sector", "cluster", "year"),
        "EUR/t",
        "Levy paid at the margin per tonne above the dispensation rights",
        sign=1.0,
    ),
)


def levy_base(x: Variables, core: Core, coef: LevyCoefficients, key: SectorClusterYear) -> Row:
    r"""National CO2 levy: the levied emissions are those above the dispensation rights.

    .. math:: \ell_{s,c,y} \ge E_{s,c,y} - V_{s,c,y}, \quad \ell \ge 0

    with :math:`V` the dispensation rights. Units: Mt/yr.
    """
    pairs = [(-c, column) for c, column in emission_pairs(x, core, *key)]
    return at_least([(1.0, x.levied[key])] + pairs, -coef.dispensation[key])


def levy_costs(b: Builder, x: Variables, core: Core, coef: LevyCoefficients) -> None:
    r"""The levy paid on the levied emissions, at the rate above the ETS price.

    .. math:: C^{levy}_y = \sum_{s,c} \max(0, \tau_y - P^{ETS}_y)\, \ell_{s,c,y}

    Component ``co2_levy``. Units: MEUR/yr.
    """
    by_year = defaultdict(list)
    for key in coef.index:
        by_year[key.year].append((coef.rate[key.year], x.levied[key]))
    for y, pairs in by_year.items():
        b.cost("co2_levy", y, pairs)


class Levy(Policy):
    name = "co2_levy"
    title = "National CO2 levy"
    position = 70
    switches = (
        Switch(
            "co2_levy", False, "the national CO2 levy on industry above its dispensation rights"
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    costs = (CostComponent("co2_levy", True, "National CO2 levy", "CO2 Levy"),)
    reads = (
        "co2_levy_dispensation",
        "co2_levy_rate",
    )
    core_fields = frozenset(
        (
            "cell_routes",
            "emission_cells",
            "net_emission_factor",
            "years",
        )
    )
    requires = ("ets",)
    constraints = (levy_base,)
    cost_functions = (levy_costs,)
    duals = DUALS

    def coefficients(self, data, scenario, core, required) -> LevyCoefficients:
        price = carbon_price(required, core.years)
        levy = data.table("co2_levy_rate")
        dispensation = data.table("co2_levy_dispensation")
        index = tuple(
            SectorClusterYear(s, c, y) for s, c in core.emission_cells for y in core.years
        )
        return LevyCoefficients(
            index=index,
            rate={y: max(0.0, levy[y] - price[y]) for y in core.years},
            dispensation={key: dispensation[key] for key in index},
        )

    def define(self, b, x, core, coef) -> None:
        x.add(
            b.variables(
                "levied",
                coef.index,
                SectorClusterYear._fields,
                units="Mt/yr",
                description="Emissions on which the national CO2 levy is paid",
            )
        )
        b.constraints(
            "levy_base",
            coef.index,
            SectorClusterYear._fields,
            partial(levy_base, x, core, coef),
            dual=DUALS[0],
        )
        levy_costs(b, x, core, coef)

    def notes(self, core, coef, solution) -> list[str]:
        if all(rate <= 0 for rate in coef.rate.values()):
            return [
                "policy 'co2_levy' is on but its rate never exceeds the ETS price: it cannot "
                "bite in any year"
            ]
        return super().notes(core, coef, solution)
