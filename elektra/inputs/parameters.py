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

from collections.abc import Mapping
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

    @property
    def money(self) -> bool:
        """True for a money parameter (its unit holds euros): deflated to the dataset's price
        base year on load, from the year its row gives in ``figure_year``."""
        return "EUR" in self.unit

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


#: The parameters of the core model and of the data every stage shares; each policy
#: declares its own (``Policy.parameters``), merged in :data:`PARAMETERS`.
CORE_PARAMETERS: dict[str, Parameter] = {
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
            "lead_time",
            ("route",),
            "yr",
            "Years from the investment decision to the first year of operation of new capacity "
            "(final investment decision, permits and construction). Used where the scenario's "
            "foresight switches lead_times on, and by myopic foresight.",
            default=0.0,
            minimum=0,
            maximum=20,
            plausible=(0.0, 15.0),
            plausible_reason="industrial plants take 0-10 years from FID to operation; beyond 15 is a slip",
        ),
        _p(
            "committed_build",
            ("cluster", "route", "year"),
            "{output}/yr",
            "New capacity already decided (a final investment decision taken before the model's "
            "first year) that comes online in the year: built regardless of the lead time.",
            default=0.0,
            minimum=0,
            output_from="route",
            plausible={"Mt": (0.0, 200.0), "PJ": (0.0, 10_000.0)},
            plausible_reason="a build in one cluster is below what the EU makes or uses in a year, as for build_limit",
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
        # ---------------------------------------------------------------- CO2 storage
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
            "hurdle_rate",
            ("sector",),
            "1/yr",
            "The rate at which a sector's firms annuitise investments (their required return), "
            "above the social discount rate; used where the scenario's foresight switches "
            "hurdle_rates on (leave out for the discount rate).",
            minimum=0,
            maximum=0.5,
            group="economics",
            plausible=(0.0, 0.3),
            plausible_reason="industrial hurdle rates of 8-20 % a year are reported; beyond 30 % is a slip",
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


class _Registry(Mapping[str, Parameter]):
    """Every parameter: the core's, then each policy's, in the order of the policies.

    Filled on first use, so that the policy modules (which declare their parameters with
    :class:`Parameter`) can be imported after this one.
    """

    def __init__(self, core: Mapping[str, Parameter]):
        self._core = core
        self._all: dict[str, Parameter] | None = None

    def _merged(self) -> dict[str, Parameter]:
        if self._all is None:
            from elektra.policies import POLICIES

            merged = dict(self._core)
            for policy in POLICIES:
                for spec in policy.parameters:
                    if spec.name in merged and merged[spec.name] is not spec:
                        raise ValueError(
                            f"parameter {spec.name!r} of policy {policy.name!r} is declared twice"
                        )
                    merged[spec.name] = spec
            self._all = merged
        return self._all

    def __getitem__(self, name: str) -> Parameter:
        return self._merged()[name]

    def __iter__(self):
        return iter(self._merged())

    def __len__(self) -> int:
        return len(self._merged())


#: The registry of every parameter: the loader, the schema and the docs read it.
PARAMETERS: Mapping[str, Parameter] = _Registry(CORE_PARAMETERS)


def parameter(name: str) -> Parameter:
    """Return the registered parameter ``name`` or raise a KeyError naming the choices."""
    try:
        return PARAMETERS[name]
    except KeyError:
        choices = ", ".join(sorted(PARAMETERS))
        raise KeyError(f"unknown parameter {name!r}; expected one of: {choices}") from None
