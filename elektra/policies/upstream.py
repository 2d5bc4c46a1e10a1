r"""Upstream emissions: greenhouse gases emitted before the site, counted in the emission
accounting where a scenario switches them on.

Switch: ``upstream_emissions`` (off by default). The upstream emissions of one unit of a
route's output are

.. math:: u_{r,y} = \sum_{k \notin \{\mathrm{el}\} \cup \mathcal{K}^{made}} \phi_{r,y,k}\,\big(f^{up}_{k,y} + [k = \mathrm{CH_4}]\; \mathrm{GWP}\,\frac{\omega}{(1-\omega)\,\mathrm{LHV}}\big) + m^{lc}_r

with :math:`f^{up}` the upstream emission factor of a carrier (production, processing,
transport), :math:`\omega` the methane leakage rate of the carrier with the role
``fossil_methane`` (share of the methane produced), :math:`\mathrm{LHV}` = 50 PJ/Mt the lower
heating value of methane, :math:`\mathrm{GWP}` its 100-year warming potential and
:math:`m^{lc}` the life-cycle emissions of an imported product (hydrogen by pipeline or as
ammonia). Grid electricity (:math:`\mathrm{el}`) is left out: its generation is under the
EU ETS cap of the power sector, and counting it here would count the same tonne under two
caps. Carriers made in the model (hydrogen, :math:`\mathcal{K}^{made}`) are left out: their
makers are in the model with their own emissions.

With the switch on, the emission cap limits direct plus upstream emissions
(:func:`elektra.policies.emission_cap.emission_cap`) and the results report
``upstream_emissions`` and ``accounted_emissions``. Upstream emissions are not under the
EU ETS (methane leaks and gas production abroad, production of imported hydrogen): the
ETS charges direct emissions only, so no ETS price is ever paid on them.

The hydrogen results report the same factors per technique, grid electricity included,
as the life-cycle intensity (:mod:`elektra.model.hydrogen`): one definition, here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Variables
from elektra.model.resultspec import ResultSpec, Symbol, to_array
from elektra.model.structure import Core, StructureError
from elektra.policies.base import Policy, Switch

#: Lower heating value of methane, MJ/kg = PJ/Mt: 802.3 kJ/mol heat of combustion to water
#: vapour (NIST Chemistry WebBook) over 16.04 g/mol.
METHANE_LHV = 50.0

#: The parts of a route's upstream emissions, and those the switch counts.
UPSTREAM_PARTS = ("carrier_supply", "methane_leakage", "grid_electricity", "imported_product")
COUNTED_PARTS = ("carrier_supply", "methane_leakage", "imported_product")

RESULTS = (
    ResultSpec(
        "upstream_emissions",
        ("sector", "cluster", "year"),
        "Mt/yr",
        "Upstream emissions counted by the upstream_emissions switch (CO2e of carrier supply, "
        "leaked methane and imported products; never charged the ETS price)",
    ),
    ResultSpec(
        "accounted_emissions",
        ("sector", "cluster", "year"),
        "Mt/yr",
        "Direct CO2 after capture plus counted upstream emissions: what the emission cap limits",
    ),
)


#: The parameters this policy reads and no other part of the model does: merged into
#: the registry (:data:`elektra.inputs.parameters.PARAMETERS`).
PARAMETERS = (
    Parameter(
        "upstream_emission_factor",
        ("carrier", "year"),
        "Mt/PJ",
        "Greenhouse gases emitted before a carrier reaches the site, per unit used "
        "(production, processing and transport; for grid electricity its generation), "
        "methane leakage excluded (see methane_leakage_rate). Reported in the life-cycle "
        "intensity of hydrogen; the upstream_emissions switch counts it in the emission "
        "accounting for every bought carrier except grid electricity, whose generation is "
        "under the EU ETS.",
        default=0.0,
        minimum=0,
        group="life cycle",
        plausible=(0.0, 0.3),
        plausible_reason=(
            "the upstream CO2 of natural gas is about 5 g/MJ (0.005 Mt/PJ); coal-fired "
            "electricity is about 1 kg/kWh (0.28 Mt/PJ)"
        ),
    ),
    Parameter(
        "methane_leakage_rate",
        (),
        "1",
        "Share of the methane produced that escapes to the air before the carrier with "
        "the role fossil_methane reaches the site (production, processing, transport).",
        default=0.0,
        minimum=0,
        maximum=1,
        group="life cycle",
        plausible=(0.0, 0.1),
        plausible_reason=(
            "reported methane intensities of gas supply range from below 0.1 % (Norway) to "
            "a few percent (IEA Methane Tracker); above 10 % is a unit slip (percent for share)"
        ),
    ),
    Parameter(
        "methane_gwp",
        (),
        "1",
        "Global warming potential of fossil methane over 100 years (t CO2e per t CH4), "
        "to count leaked methane as CO2e.",
        minimum=0,
        group="life cycle",
        plausible=(20.0, 40.0),
        plausible_reason="IPCC reports 25 (AR4), 28-30 (AR5) and 29.8 (AR6, fossil) for GWP100",
    ),
    Parameter(
        "import_life_cycle_emissions",
        ("route",),
        "Mt/{output}",
        "Greenhouse gases of an imported product before it reaches the site (production "
        "abroad, conversion and shipping), per unit of output; reported in the life-cycle "
        "intensity and counted by the upstream_emissions switch (not charged by CBAM: "
        "that is embedded_emissions).",
        default=0.0,
        minimum=0,
        output_from="route",
        group="life cycle",
        plausible={"Mt": (0.0, 20.0), "PJ": (0.0, 0.3)},
        plausible_reason="grey hydrogen carries about 12 kg CO2e/kg (0.1 Mt/PJ) over its life cycle",
    ),
)


#: The symbols of its formulas, by table of the math docs' symbol table.
SYMBOLS = {
    "Parameters and scenario keys": {
        r"f^{up}_{k,y}": Symbol(
            "upstream_emission_factor", "upstream emissions per unit of a carrier"
        ),
        r"m^{lc}_r": Symbol(
            "import_life_cycle_emissions", "life-cycle emissions of an imported product"
        ),
        r"\omega": Symbol("methane_leakage_rate", "share of the methane produced that leaks"),
        r"\mathrm{GWP}": Symbol("methane_gwp", "warming potential of methane, 100 years"),
    },
    "Derived coefficients and constants": {
        r"u_{r,y}": Symbol(
            "policies.upstream.UpstreamCoefficients.factor",
            "counted upstream emissions per unit of output",
            "Mt/{output}",
        ),
        r"\mathrm{LHV}": Symbol(
            "policies.upstream.METHANE_LHV", "lower heating value of methane, 50", "PJ/Mt"
        ),
    },
    "Expressions": {
        r"E^{up}_y": Symbol(
            "policies.upstream.upstream_emission_pairs",
            "counted upstream emissions (switch upstream_emissions)",
            "Mt/yr",
        ),
    },
}


def leaked_methane_factor(rate: float, gwp: float) -> float:
    r"""CO2e of the methane leaked per PJ of methane delivered (Mt CO2e/PJ).

    .. math:: \mathrm{GWP}\,\frac{\omega}{(1-\omega)\,\mathrm{LHV}}

    A share :math:`\omega` of the methane produced leaks, so per unit delivered
    :math:`\omega / (1 - \omega)` leaks; 1 PJ of methane is :math:`1/\mathrm{LHV}` Mt.
    """
    if rate == 0:
        return 0.0
    return gwp * rate / ((1.0 - rate) * METHANE_LHV)


@dataclass(frozen=True)
class UpstreamFactors:
    """Upstream emissions per unit of output of each (route, year), by part (Mt CO2e/unit)."""

    parts: Mapping[tuple[str, int], Mapping[str, float]]

    def counted(self, route: str, year: int) -> float:
        """The part the switch counts: everything but grid electricity."""
        part = self.parts[(route, year)]
        return sum(part[name] for name in COUNTED_PARTS)

    def total(self, route: str, year: int) -> float:
        """Every part, grid electricity included (the life-cycle view)."""
        return sum(self.parts[(route, year)].values())


def upstream_factors(data, core: Core) -> UpstreamFactors:
    """Upstream emissions per unit of each route the model uses, in each year, by part."""
    supply = data.table("upstream_emission_factor")
    rate = float(data["methane_leakage_rate"])
    gwp = float(data["methane_gwp"])
    if rate > 0 and gwp != gwp:  # NaN: leakage given without a warming potential
        raise StructureError(
            f"{data.path}: parameter 'methane_leakage_rate' is {rate:g} but 'methane_gwp' has "
            f"no value (the CO2e of the leaked methane needs it)"
        )
    methane = core.carrier_role.get("fossil_methane")
    grid = core.carrier_role.get("grid_electricity")
    imported = data.table("import_life_cycle_emissions")
    leak = leaked_methane_factor(rate, gwp if rate > 0 else 0.0)
    parts: dict[tuple[str, int], dict[str, float]] = {}
    for route in core.lifetime:
        for year in core.years:
            part = dict.fromkeys(UPSTREAM_PARTS, 0.0)
            for carrier, use in core.inputs[(route, year)].items():
                if carrier in core.produced_carriers:
                    continue
                if carrier == grid:
                    part["grid_electricity"] += use * supply[carrier, year]
                    continue
                part["carrier_supply"] += use * supply[carrier, year]
                if carrier == methane:
                    part["methane_leakage"] += use * leak
            part["imported_product"] = imported[route]
            parts[(route, year)] = part
    return UpstreamFactors(parts)


@dataclass(frozen=True)
class UpstreamCoefficients:
    #: counted upstream emissions per unit of output, nonzero only (Mt CO2e/unit)
    factor: Mapping[tuple[str, int], float]


def upstream_emission_pairs(
    x: Variables, core: Core, coef: UpstreamCoefficients, year: int
) -> list:
    r"""Counted upstream emissions of the modelled industry in a year.

    .. math:: E^{up}_y = \sum_{s,c,r} a_{s,c,r,y}\, u_{r,y}

    Units: Mt CO2e/yr.
    """
    return [
        (coef.factor[(cell.route, year)], x.activity[(*cell, year)])
        for cell in core.cells
        if (cell.route, year) in coef.factor
    ]


class Upstream(Policy):
    name = "upstream_emissions"
    title = "Upstream emissions in the emission accounting"
    position = 110
    switches = (
        Switch(
            "upstream_emissions",
            False,
            "count upstream emissions (methane leakage, imported products) in the emission accounting and the cap; never charged the ETS price",
        ),
    )
    parameters = PARAMETERS
    symbols = SYMBOLS
    reads = (
        "import_life_cycle_emissions",
        "methane_gwp",
        "methane_leakage_rate",
        "upstream_emission_factor",
    )
    core_fields = frozenset(
        (
            "carrier_role",
            "inputs",
            "lifetime",
            "produced_carriers",
            "years",
        )
    )
    results = RESULTS

    def coefficients(self, data, scenario, core, required) -> UpstreamCoefficients:
        factors = upstream_factors(data, core)
        counted = {key: factors.counted(*key) for key in factors.parts}
        return UpstreamCoefficients({key: value for key, value in counted.items() if value != 0})

    def report(self, ds, core, coef, solution, extra=None) -> None:
        upstream: dict[tuple, float] = {}
        for (s, c, r, y), level in solution.values("activity").items():
            factor = coef.factor.get((r, y), 0.0)
            if factor:
                upstream[(s, c, y)] = upstream.get((s, c, y), 0.0) + factor * level
        labels = {**core.labels, "year": core.years}
        ds["upstream_emissions"] = to_array(RESULTS[0], upstream, labels)
        ds["accounted_emissions"] = ds["emissions"] + ds["upstream_emissions"]
        ds["accounted_emissions"].attrs = {
            "units": RESULTS[1].units,
            "description": RESULTS[1].description,
        }

    def notes(self, core, coef, solution) -> list[str]:
        total = {y: 0.0 for y in core.years}
        for (_s, _c, r, y), level in solution.values("activity").items():
            total[y] += coef.factor.get((r, y), 0.0) * level
        last = core.years[-1]
        note = (
            f"upstream emissions are counted ({total[last]:.3g} Mt CO2e in {last}): in "
            "accounted_emissions and the emission cap, never in the ETS cost"
        )
        return [note]
