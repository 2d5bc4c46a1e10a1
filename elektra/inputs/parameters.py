"""The registry of every input parameter: its dimensions, canonical unit, range and meaning.

This table is the one place a parameter is declared. The data loader converts every CSV
row to the canonical unit given here, the scenario schema accepts overrides only of the
parameters listed here, and ``docs/parameters.md`` is generated from it.

Canonical units keep the LP well scaled: energy in PJ, CO2 and products in Mt, money in
MEUR (million euro), power in MW. ``{output}`` stands for the output unit of the service a
route serves (``PJ`` for heat and hydrogen, ``Mt`` for steel or ammonia): a capex of
``MEUR/({output}/yr)`` is million euro per unit of yearly output capacity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Dimension names in their canonical order, the order of every index, array and CSV column
#: (sector, cluster, route, year, carrier, with the service of a sector after its cluster),
#: then the extra dimensions elektra needs.
DIMENSIONS: tuple[str, ...] = (
    "sector",
    "cluster",
    "service",
    "route",
    "year",
    "carrier",
    "instrument",
)


@dataclass(frozen=True)
class Parameter:
    """One input parameter of the model."""

    name: str
    dims: tuple[str, ...]
    unit: str
    description: str
    default: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: Unit per label of this dimension: ``{output}`` is resolved through the route or
    #: the (sector, service) of each value.
    output_from: str | None = None
    #: Extra notes for the docs.
    notes: str = ""
    group: str = "technology"
    tags: tuple[str, ...] = field(default_factory=tuple)
    #: Plausible range in the canonical unit: a value outside is an error (a warning with
    #: ``--allow-out-of-range``) that names the file and line or the scenario key. For a
    #: parameter in ``{output}`` units, a range per reference output unit (``"Mt"``,
    #: ``"PJ"``); an output unit of the same dimension (``kt``, ``TJ``) gets it converted.
    #: ``None``: only ``minimum`` and ``maximum`` apply.
    plausible: tuple[float, float] | dict[str, tuple[float, float]] | None = field(
        default=None, hash=False
    )
    #: Why the range is plausible, with the figures it rests on (shown in the error).
    plausible_reason: str = ""

    def plausible_range(self, output_unit: str | None = None) -> tuple[float, float] | None:
        """The plausible range in the canonical unit (for this output unit, if any).

        None where the parameter has no range, or none for the output unit's dimension.
        """
        if self.plausible is None or isinstance(self.plausible, tuple):
            return self.plausible
        if output_unit is None:
            return None
        if output_unit in self.plausible:
            return self.plausible[output_unit]
        from elektra.inputs.units import UnitError, conversion_factor

        for reference, (low, high) in self.plausible.items():
            try:
                # a range per Mt is a range per 1e3 kt: MEUR/kt = MEUR/Mt * (Mt per kt)
                factor = conversion_factor(
                    self.unit.format(output=reference), self.unit.format(output=output_unit)
                )
            except UnitError:
                continue
            return (low * factor, high * factor)
        return None


def _p(*args, **kwargs) -> Parameter:
    return Parameter(*args, **kwargs)


PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in [
        # ---------------------------------------------------------------- demand
        _p(
            "demand",
            ("sector", "cluster", "service", "year"),
            "{output}/yr",
            "Demand for a service (product output, process heat or feedstock) per year.",
            default=0.0,
            minimum=0,
            output_from="service",
            group="demand",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason=(
                "any one service in one cluster is below what the whole EU makes or uses (crude "
                "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
                "unit slip"
            ),
        ),
        # ---------------------------------------------------------------- routes
        _p(
            "existing_capacity",
            ("sector", "cluster", "route", "year"),
            "{output}/yr",
            "Capacity standing in the base year that is still alive in each year (its "
            "retirement profile). Linear between the years given, so a row with 0 in the "
            "retirement year retires it.",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason=(
                "any one service in one cluster is below what the whole EU makes or uses (crude "
                "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
                "unit slip"
            ),
        ),
        _p(
            "capex",
            ("route", "year"),
            "MEUR/({output}/yr)",
            "Overnight investment cost per unit of nameplate yearly output capacity.",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 20_000.0), "PJ": (0.0, 2_000.0)},
            plausible_reason=(
                "the costliest plants per unit of yearly output stay well below 20,000 EUR/(t/yr) "
                "(H2-DRI steel, green ammonia: 1,000-3,000) and 2,000 EUR/(GJ/yr) (an "
                "electrolyser at 3,000 EUR/kW running 2,000 h/yr is about 420)"
            ),
        ),
        _p(
            "fixed_om",
            ("route", "year"),
            "MEUR/({output}/yr)/yr",
            "Fixed operation and maintenance cost per unit of capacity and year.",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 2_000.0), "PJ": (0.0, 200.0)},
            plausible_reason="a tenth of the capex range per year: fixed O&M is a few percent of capex a year",
        ),
        _p(
            "variable_cost",
            ("route", "year"),
            "MEUR/{output}",
            "Non-energy variable cost per unit of output (for import routes: the import "
            "price of the product).",
            default=0.0,
            output_from="route",
            plausible={"Mt": (-2_000.0, 20_000.0), "PJ": (-200.0, 2_000.0)},
            plausible_reason=(
                "product import prices stay below 20,000 EUR/t (steel 500-1,200, ammonia "
                "300-1,000) and 2,000 EUR/GJ; a by-product credit may make it negative, but not "
                "by more than a tenth"
            ),
        ),
        _p(
            "lifetime",
            ("route",),
            "yr",
            "Technical (economic) lifetime of new capacity.",
            minimum=1,
            maximum=80,
        ),
        _p(
            "first_year",
            ("route",),
            "calendar year",
            "First year in which new capacity of the route can be built (from TRL and "
            "announced projects).",
            default=0.0,
            minimum=0,
            maximum=2100,
            plausible=(1950.0, 2100.0),
            plausible_reason="a calendar year; the default 0 (always available) is not meant to be written",
        ),
        _p(
            "trl",
            ("route",),
            "1",
            "Technology readiness level of the route (1-9), as the source gives it; it informs "
            "first_year and the hydrogen MCA, and does not enter the LP.",
            minimum=1,
            maximum=9,
        ),
        _p(
            "availability",
            ("route",),
            "1",
            "Largest yearly activity per unit of nameplate capacity (availability factor).",
            default=1.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "potential",
            ("cluster", "route"),
            "1",
            "Technical potential: the largest share of its service's demand that the route "
            "can serve (e.g. heat pumps only the part of a band they can reach).",
            default=1.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "build_limit",
            ("cluster", "route", "year"),
            "{output}/yr",
            "Largest new capacity of a route in a cluster in one year (leave out for no limit).",
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason=(
                "any one service in one cluster is below what the whole EU makes or uses (crude "
                "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
                "unit slip"
            ),
        ),
        _p(
            "input",
            ("route", "year", "carrier"),
            "PJ/{output}",
            "Carrier input per unit of output (fuel, feedstock and electricity).",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 20.0)},
            plausible_reason=(
                "the most energy-intensive products need about 50 GJ/t (primary aluminium); a "
                "heat or hydrogen route below 5 % efficiency (input above 20 PJ per PJ) is a unit "
                "slip"
            ),
        ),
        _p(
            "process_emissions",
            ("route",),
            "Mt/{output}",
            "Direct CO2 per unit of output that does not come from burning a carrier "
            "(calcination, reduction with coke where coke is not a carrier input).",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 10.0), "PJ": (0.0, 1.0)},
            plausible_reason=(
                "clinker and lime release 0.5-0.8 t CO2/t; above 10 t/t (or 1,000 t/TJ) is a unit "
                "slip"
            ),
        ),
        _p(
            "capture_rate",
            ("route",),
            "1",
            "Share of the route's gross direct CO2 that is captured for storage.",
            default=0.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "solid_carbon_share",
            ("route",),
            "1",
            "Share of the carbon in the route's carrier inputs that leaves as solid carbon "
            "instead of CO2 (methane pyrolysis); it is taken off the gross direct CO2.",
            default=0.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "full_load_hours",
            ("route",),
            "h",
            "Full-load hours of the route's electricity use: peak grid load is yearly "
            "electricity use over these hours.",
            default=8000.0,
            minimum=1,
            maximum=8784,
        ),
        _p(
            "firm_share",
            ("route",),
            "1",
            "Share of the route's grid electricity drawn on a firm connection, which adds to "
            "the cluster's peak; the rest runs on a non-firm or time-block contract in the "
            "hours the grid allows (flexible e-boilers).",
            default=1.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "electricity_discount",
            ("route", "year"),
            "MEUR/PJ",
            "Discount on price plus network tariff for the grid electricity of a route that "
            "buys it only in the hours it may run (a flexible route on a non-firm contract).",
            default=0.0,
            minimum=0,
            plausible=(0.0, 20.0),
            plausible_reason=(
                "the discount cannot exceed the commodity price plus network tariff of a large "
                "user, about 25 EUR/GJ (90 EUR/MWh, FME 2025); 20 EUR/GJ leaves room"
            ),
        ),
        # ---------------------------------------------------------------- carriers
        _p(
            "emission_factor",
            ("carrier",),
            "Mt/PJ",
            "Direct CO2 per unit of carrier burnt or used as feedstock (zero for "
            "electricity, hydrogen and biomethane, which emit nothing on site or count as "
            "biogenic).",
            default=0.0,
            minimum=0,
            group="carriers",
            plausible=(0.0, 0.3),
            plausible_reason=(
                "the highest IPCC 2006 default factor of any fuel is blast-furnace gas, 0.26 t "
                "CO2/GJ"
            ),
        ),
        _p(
            "price",
            ("carrier", "year"),
            "MEUR/PJ",
            "Commodity price of a carrier bought by industry (hydrogen is produced in the "
            "model and has no price here).",
            default=0.0,
            group="carriers",
            plausible=(-100.0, 500.0),
            plausible_reason=(
                "500 EUR/GJ is 1,800 EUR/MWh, far above the 2022 crisis peaks of yearly prices; a "
                "negative price (waste with a gate fee) is possible but small"
            ),
        ),
        _p(
            "network_tariff",
            ("carrier", "year"),
            "MEUR/PJ",
            "Network (transport) tariff per unit of carrier, for large industrial users.",
            default=0.0,
            group="carriers",
            plausible=(0.0, 100.0),
            plausible_reason="Dutch network tariffs for large users are below 10 EUR/GJ (36 EUR/MWh)",
        ),
        _p(
            "energy_tax",
            ("sector", "cluster", "carrier", "year"),
            "MEUR/PJ",
            "Energy tax and surcharges per unit of carrier, for large industrial users, by the "
            "sector and cluster using it (tiers by site size, exemptions by process); a row "
            "without sector or cluster applies to all.",
            default=0.0,
            group="carriers",
            plausible=(0.0, 100.0),
            plausible_reason=(
                "the highest Dutch energy-tax bands (small users) are about 30 EUR/GJ of electricity "
                "(0.11 EUR/kWh) and 18 EUR/GJ of natural gas"
            ),
        ),
        # ---------------------------------------------------------------- ETS
        _p(
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
        _p(
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
        _p(
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
        _p(
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
        _p(
            "embedded_emissions",
            ("route",),
            "Mt/{output}",
            "CO2 embedded in an imported product, on which CBAM is charged.",
            default=0.0,
            minimum=0,
            output_from="route",
            group="policy",
            plausible={"Mt": (0.0, 20.0), "PJ": (0.0, 0.3)},
            plausible_reason="grey hydrogen embeds about 10 t CO2/t, steel and ammonia about 2-2.5 t/t",
        ),
        # ---------------------------------------------------------------- grid
        _p(
            "grid_capacity",
            ("cluster", "year"),
            "MW",
            "Grid connection capacity available to the modelled industry in a cluster "
            "(existing load included, scheduled reinforcements included from their year).",
            minimum=0,
            group="grid",
            plausible=(0.0, 100_000.0),
            plausible_reason=(
                "the Dutch national peak load is about 20 GW; a cluster's connection is a fraction"
            ),
        ),
        _p(
            "grid_expansion_cost",
            ("cluster",),
            "MEUR/MW",
            "Overnight cost of one extra MW of connection capacity, paid by industry.",
            minimum=0,
            group="grid",
            plausible=(0.0, 20.0),
            plausible_reason="grid reinforcement costs 0.3-1.5 MEUR per MW of connection",
        ),
        _p(
            "grid_expansion_lead_time",
            ("cluster",),
            "yr",
            "Years from the first model year before paid expansion can be in service.",
            default=0.0,
            minimum=0,
            group="grid",
            plausible=(0.0, 30.0),
            plausible_reason="grid projects take 4-10 years",
        ),
        _p(
            "grid_expansion_lifetime",
            (),
            "yr",
            "Lifetime over which paid grid expansion is annualised.",
            default=40.0,
            minimum=1,
            group="grid",
            plausible=(1.0, 100.0),
            plausible_reason="grid assets are written off over 40-60 years",
        ),
        # ---------------------------------------------------------------- subsidies
        _p(
            "subsidy_budget",
            ("instrument", "year"),
            "MEUR",
            "Budget of a subsidy instrument for the projects it commits in a year (the "
            "round's opening budget, over the whole subsidy duration).",
            minimum=0,
            group="subsidy",
            plausible=(0.0, 100_000.0),
            plausible_reason=(
                "100 bnEUR is the whole EU Industrial Decarbonisation Bank the policy letter of "
                "2026 names; Dutch SDE++ rounds and the NIKI/VEKI budgets are a fraction of it"
            ),
        ),
        _p(
            "grant_share",
            ("instrument", "route"),
            "1",
            "Largest share of capex an investment grant pays (its aid intensity); a route "
            "without a row is not eligible.",
            minimum=0,
            maximum=1,
            group="subsidy",
        ),
        _p(
            "operating_subsidy_rate",
            ("instrument", "route", "year"),
            "MEUR/{output}",
            "Largest operating subsidy per unit of output (e.g. the SDE++ base amount less "
            "the correction amount); never more than the unprofitable gap to the reference "
            "route. A route without a row is not eligible.",
            minimum=0,
            output_from="route",
            group="subsidy",
            plausible={"Mt": (0.0, 5_000.0), "PJ": (0.0, 500.0)},
            plausible_reason=(
                "SDE++ pays at most 300 EUR per t CO2 avoided (a few hundred EUR per t product, "
                "tens of EUR per GJ)"
            ),
        ),
        _p(
            "subsidy_duration",
            ("instrument",),
            "yr",
            "Years an operating subsidy pays after the capacity is commissioned.",
            default=15.0,
            minimum=1,
            group="subsidy",
            plausible=(1.0, 40.0),
            plausible_reason="SDE++ pays for 12-15 years",
        ),
        _p(
            "subsidy_awarded",
            ("instrument", "year"),
            "MEUR",
            "Budget of a round already awarded to named projects outside the modelled routes "
            "(a committed draw: the modelled routes can draw on the rest of the round).",
            default=0.0,
            minimum=0,
            group="subsidy",
            plausible=(0.0, 100_000.0),
            plausible_reason="a draw cannot be larger than the largest round (see subsidy_budget)",
        ),
        _p(
            "subsidy_lead_time",
            ("instrument",),
            "yr",
            "Years from a round's award to the commissioning of the capacity it funds: the "
            "round of year t funds capacity built in t plus this lead time.",
            default=0.0,
            minimum=0,
            group="subsidy",
            plausible=(0.0, 10.0),
            plausible_reason=(
                "industrial projects are realised within a few years of the award (RVO sets "
                "realisation periods of 3-5 years)"
            ),
        ),
        _p(
            "subsidy_ccs_cap",
            ("instrument", "year"),
            "Mt/yr",
            "Largest CO2 capture per year an instrument may fund, counting the funded capacity "
            "in service (leave out for no cap).",
            minimum=0,
            group="subsidy",
            plausible=(0.0, 100.0),
            plausible_reason=(
                "the Klimaatakkoord capped subsidised industrial CCS at 7.2 Mt/yr (raised by 2.5 "
                "Mt in 2021); the whole Dutch ETS industry emits about 50 Mt/yr"
            ),
        ),
        _p(
            "ikc_budget",
            ("year",),
            "MEUR",
            "Yearly budget of the indirect cost compensation (IKC-ETS), by the year it is paid "
            "(it pays the compensation for the electricity used the year before).",
            minimum=0,
            group="subsidy",
            plausible=(0.0, 10_000.0),
            plausible_reason="the Dutch IKC-ETS budget is 130-200 MEUR a year",
        ),
        _p(
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
        _p(
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
        _p(
            "ikc_eligible",
            ("sector", "year"),
            "1",
            "1 where the sector is eligible for IKC-ETS in the year of use, 0 otherwise.",
            default=0.0,
            minimum=0,
            maximum=1,
            group="subsidy",
        ),
        _p(
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
        _p(
            "electricity_rebate_budget",
            ("year",),
            "MEUR",
            "Yearly budget of the electricity-cost envelope (the part of the support for "
            "electricity costs not spent on IKC-ETS); leave out for no limit.",
            minimum=0,
            group="subsidy",
            plausible=(0.0, 10_000.0),
            plausible_reason=(
                "the policy letter of 2026 reserves up to 1 bnEUR a year for electricity costs "
                "from 2029, IKC-ETS included"
            ),
        ),
        _p(
            "electricity_rebate_eligible",
            ("sector", "year"),
            "1",
            "1 where the sector may claim the electricity-cost rebate in the year, 0 otherwise.",
            default=0.0,
            minimum=0,
            maximum=1,
            group="subsidy",
        ),
        _p(
            "flex_e_budget",
            ("year",),
            "MEUR",
            "Budget of Flex-e for the flexible capacity built in a year.",
            minimum=0,
            group="subsidy",
            plausible=(0.0, 1_000.0),
            plausible_reason=(
                "the policy letter of 2026 puts the Flex-e need at 198.9 MEUR for 2027-2030 in all"
            ),
        ),
        _p(
            "flex_e_grant_share",
            ("route",),
            "1",
            "Largest share of a flexible route's capex Flex-e pays (never more than its funding "
            "gap); a route without a row is not eligible.",
            minimum=0,
            maximum=1,
            group="subsidy",
        ),
        # ---------------------------------------------------------------- RFNBO obligation
        _p(
            "rfnbo_obligation",
            ("year",),
            "1",
            "Share of the hydrogen used by industry that must be renewable hydrogen (RFNBO), "
            "RED III Article 22a.",
            minimum=0,
            maximum=1,
            group="policy",
        ),
        _p(
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
        _p(
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
        # ---------------------------------------------------------------- national CO2 levy
        _p(
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
        _p(
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
        # ---------------------------------------------------------------- CO2 storage
        _p(
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
        _p(
            "co2_transport_storage_tariff",
            ("year",),
            "MEUR/Mt",
            "Tariff per tonne of CO2 transported and stored.",
            default=0.0,
            minimum=0,
            group="infrastructure",
            plausible=(0.0, 1_000.0),
            plausible_reason="transport and storage tariffs are 50-100 EUR/t CO2",
        ),
        # ---------------------------------------------------------------- life cycle
        _p(
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
        _p(
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
        _p(
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
        _p(
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
        _p(
            "fossil_comparator",
            (),
            "Mt/PJ",
            "Fossil fuel comparator of the EU greenhouse-gas methodology for hydrogen: the "
            "life-cycle intensity a low-carbon or renewable fuel is measured against.",
            minimum=0,
            group="life cycle",
            plausible=(0.05, 0.2),
            plausible_reason="the EU comparator is 94 g CO2e/MJ (0.094 Mt/PJ)",
        ),
        _p(
            "low_carbon_saving",
            (),
            "1",
            "Greenhouse-gas saving against the fossil comparator that makes hydrogen "
            "low-carbon (or renewable, RFNBO).",
            minimum=0,
            maximum=1,
            group="life cycle",
            plausible=(0.5, 1.0),
            plausible_reason="EU law asks 70 % for low-carbon and renewable hydrogen",
        ),
        # ---------------------------------------------------------------- supply limits
        _p(
            "supply_limit",
            ("carrier", "year"),
            "PJ/yr",
            "Largest yearly national use of a carrier (biomethane, for instance).",
            minimum=0,
            group="infrastructure",
            plausible=(0.0, 10_000.0),
            plausible_reason=(
                "above the EU's whole industrial final energy use (about 10,000 PJ/yr) is a unit "
                "slip"
            ),
        ),
        _p(
            "route_activity_limit",
            ("route", "year"),
            "{output}/yr",
            "Largest yearly national activity of a route (hydrogen import, for instance).",
            minimum=0,
            output_from="route",
            group="infrastructure",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason=(
                "any one service in one cluster is below what the whole EU makes or uses (crude "
                "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
                "unit slip"
            ),
        ),
        _p(
            "route_activity_minimum",
            ("route", "year"),
            "{output}/yr",
            "Smallest yearly national activity of a route: committed projects that run under "
            "contract (Porthos capture under SDE++) or an obligation (a quota).",
            minimum=0,
            output_from="route",
            group="infrastructure",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason=(
                "any one service in one cluster is below what the whole EU makes or uses (crude "
                "steel about 130 Mt/yr, industrial final energy about 10,000 PJ/yr); beyond is a "
                "unit slip"
            ),
        ),
        _p(
            "emission_cap",
            ("year",),
            "Mt/yr",
            "Cap on direct CO2 emissions of the modelled industry (optional target); with "
            "upstream_emissions on, on direct plus counted upstream emissions.",
            minimum=0,
            group="policy",
            plausible=(0.0, 1_000.0),
            plausible_reason=(
                "the whole Dutch ETS industry emits about 50 Mt CO2 a year, EU industry about 700 "
                "Mt"
            ),
        ),
        _p(
            "discount_rate",
            (),
            "1/yr",
            "Discount rate for the net present cost and the annuity of capex.",
            minimum=0,
            maximum=0.5,
            group="economics",
            plausible=(0.0, 0.3),
            plausible_reason=(
                "real discount rates of 0-10 % a year are used (Dutch public 2.25 %, industry "
                "8-10 %)"
            ),
        ),
        _p(
            "price_base_year",
            (),
            "calendar year",
            "The year of the euros the dataset's money figures are in (the price base year); "
            "reported money carries it, e.g. million EUR_2024/yr in iamc.csv.",
            minimum=1990,
            maximum=2100,
            group="economics",
        ),
    ]
}


def parameter(name: str) -> Parameter:
    """Return the registered parameter ``name`` or raise a KeyError naming the choices."""
    try:
        return PARAMETERS[name]
    except KeyError:
        choices = ", ".join(sorted(PARAMETERS))
        raise KeyError(f"unknown parameter {name!r}; expected one of: {choices}") from None
