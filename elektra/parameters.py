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

#: Dimension names in their canonical order (STYLE.md: sectors, clusters, routes, years,
#: carriers), with the extra dimensions elektra needs after them.
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
        ),
        _p(
            "capex",
            ("route", "year"),
            "MEUR/({output}/yr)",
            "Overnight investment cost per unit of nameplate yearly output capacity.",
            default=0.0,
            minimum=0,
            output_from="route",
        ),
        _p(
            "fixed_om",
            ("route", "year"),
            "MEUR/({output}/yr)/yr",
            "Fixed operation and maintenance cost per unit of capacity and year.",
            default=0.0,
            minimum=0,
            output_from="route",
        ),
        _p(
            "variable_cost",
            ("route", "year"),
            "MEUR/{output}",
            "Non-energy variable cost per unit of output (for import routes: the import "
            "price of the product).",
            default=0.0,
            output_from="route",
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
            "",
            "Largest yearly activity per unit of nameplate capacity (availability factor).",
            default=1.0,
            minimum=0,
            maximum=1,
        ),
        _p(
            "potential",
            ("cluster", "route"),
            "",
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
        ),
        _p(
            "input",
            ("route", "year", "carrier"),
            "PJ/{output}",
            "Carrier input per unit of output (fuel, feedstock and electricity).",
            default=0.0,
            minimum=0,
            output_from="route",
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
        ),
        _p(
            "capture_rate",
            ("route",),
            "",
            "Share of the route's gross direct CO2 that is captured for storage.",
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
        ),
        _p(
            "price",
            ("carrier", "year"),
            "MEUR/PJ",
            "Commodity price of a carrier bought by industry (hydrogen is produced in the "
            "model and has no price here).",
            default=0.0,
            group="carriers",
        ),
        _p(
            "network_tariff",
            ("carrier", "year"),
            "MEUR/PJ",
            "Network (transport) tariff per unit of carrier, for large industrial users.",
            default=0.0,
            group="carriers",
        ),
        _p(
            "energy_tax",
            ("carrier", "year"),
            "MEUR/PJ",
            "Energy tax and surcharges per unit of carrier, for large industrial users.",
            default=0.0,
            group="carriers",
        ),
        # ---------------------------------------------------------------- ETS
        _p(
            "ets_price",
            ("year",),
            "MEUR/Mt",
            "EU-ETS allowance price (EUR per tonne CO2 = MEUR per Mt).",
            minimum=0,
            group="policy",
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
        ),
        _p(
            "free_allocation_factor",
            ("year",),
            "",
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
            "",
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
        ),
        _p(
            "grid_expansion_cost",
            ("cluster",),
            "MEUR/MW",
            "Overnight cost of one extra MW of connection capacity, paid by industry.",
            minimum=0,
            group="grid",
        ),
        _p(
            "grid_expansion_lead_time",
            ("cluster",),
            "yr",
            "Years from the first model year before paid expansion can be in service.",
            default=0.0,
            minimum=0,
            group="grid",
        ),
        _p(
            "grid_expansion_lifetime",
            (),
            "yr",
            "Lifetime over which paid grid expansion is annualised.",
            default=40.0,
            minimum=1,
            group="grid",
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
        ),
        _p(
            "grant_share",
            ("instrument", "route"),
            "",
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
        ),
        _p(
            "subsidy_duration",
            ("instrument",),
            "yr",
            "Years an operating subsidy pays after the capacity is commissioned.",
            default=15.0,
            minimum=1,
            group="subsidy",
        ),
        _p(
            "ikc_budget",
            ("year",),
            "MEUR",
            "Yearly budget of the indirect cost compensation (IKC-ETS).",
            minimum=0,
            group="subsidy",
        ),
        _p(
            "ikc_aid_intensity",
            (),
            "",
            "Share of indirect ETS costs that IKC-ETS compensates.",
            default=0.75,
            minimum=0,
            maximum=1,
            group="subsidy",
        ),
        _p(
            "ikc_emission_factor",
            ("year",),
            "Mt/PJ",
            "CO2 emission factor of electricity used to compute indirect costs (the "
            "Commission's maximum regional factor).",
            minimum=0,
            group="subsidy",
        ),
        _p(
            "ikc_eligible",
            ("sector",),
            "",
            "1 where the sector is eligible for IKC-ETS, 0 otherwise.",
            default=0.0,
            minimum=0,
            maximum=1,
            group="subsidy",
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
        ),
        _p(
            "co2_levy_dispensation",
            ("sector", "cluster", "year"),
            "Mt",
            "Dispensation rights: emissions exempt from the national CO2 levy.",
            default=0.0,
            minimum=0,
            group="policy",
        ),
        # ---------------------------------------------------------------- CO2 storage
        _p(
            "co2_storage_capacity",
            ("year",),
            "Mt/yr",
            "CO2 that can be injected in a year (Porthos, Aramis, ...).",
            minimum=0,
            group="infrastructure",
        ),
        _p(
            "co2_transport_storage_tariff",
            ("year",),
            "MEUR/Mt",
            "Tariff per tonne of CO2 transported and stored.",
            default=0.0,
            minimum=0,
            group="infrastructure",
        ),
        # ---------------------------------------------------------------- supply limits
        _p(
            "supply_limit",
            ("carrier", "year"),
            "PJ/yr",
            "Largest yearly national use of a carrier (biomethane, for instance).",
            minimum=0,
            group="infrastructure",
        ),
        _p(
            "route_activity_limit",
            ("route", "year"),
            "{output}/yr",
            "Largest yearly national activity of a route (hydrogen import, for instance).",
            minimum=0,
            output_from="route",
            group="infrastructure",
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
        ),
        _p(
            "emission_cap",
            ("year",),
            "Mt/yr",
            "Cap on direct CO2 emissions of the modelled industry (optional target).",
            minimum=0,
            group="policy",
        ),
        _p(
            "discount_rate",
            (),
            "1/yr",
            "Discount rate for the net present cost and the annuity of capex.",
            minimum=0,
            maximum=0.5,
            group="economics",
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
