r"""Hydrogen results: production, levelised cost and life-cycle intensity per technique.

The techniques are the routes that make the carrier with the role ``hydrogen`` (its
service has the carrier's name). Every figure here is one of the model's own
definitions evaluated for those routes, never a second formula:

- production: the routes' activity (PJ/yr);
- levelised cost of new capacity in a year: the parts of
  :meth:`elektra.model.structure.Core.levelised_cost_parts` (capex annuity and fixed O&M over
  the output at full availability, energy bought with network tariff, energy tax,
  variable cost) plus the CO2 cost: the ETS price on the net direct emissions and the
  transport-and-storage tariff on the captured CO2, before free allocation and subsidies
  (the technique's own cost, not what a subsidised firm pays);

  .. math:: LC_{r,y} = \frac{C_{r,y}\,\mathrm{crf}_r + F_{r,y}}{\alpha_r} + c^{en}_{r,y} + c^{tax}_{r,y} + c^{var}_{r,y} + P^{ETS}_y\, e_{r,y} + \theta_y\, q_{r,y}

- life-cycle intensity: net direct CO2 plus the upstream emissions of
  :mod:`elektra.policies.upstream`, grid electricity included, against the EU threshold
  for low-carbon hydrogen (a saving of ``low_carbon_saving`` against
  ``fossil_comparator``: 70 % below 94 g CO2e/MJ is 3.38 kg CO2e/kg).

Money per GJ is MEUR/PJ; per kg it is that times the lower heating value, 0.120 GJ/kg.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import xarray as xr

from elektra.model.resultspec import ResultSpec, to_array
from elektra.model.structure import CellYear

if TYPE_CHECKING:
    from elektra.inputs.data import Data
    from elektra.model.structure import Core

#: Lower heating value of hydrogen, GJ per kg (120 MJ/kg).
HYDROGEN_LHV_GJ_PER_KG = 0.120
#: Mt CO2e per PJ of hydrogen to kg CO2e per kg: 1e9 kg / 1e6 GJ x 0.120 GJ/kg.
KG_PER_KG_PER_MT_PER_PJ = 1e3 * HYDROGEN_LHV_GJ_PER_KG

#: The parts of the levelised cost, in the order tables show them.
COST_PARTS = (
    "capital",
    "fixed_om",
    "energy",
    "energy_tax",
    "variable",
    "co2_price",
    "co2_transport_storage",
)
#: The parts of the life-cycle intensity.
LIFE_CYCLE_PARTS = (
    "direct",
    "carrier_supply",
    "methane_leakage",
    "grid_electricity",
    "imported_product",
)

RESULTS = (
    ResultSpec(
        "hydrogen_production",
        ("cluster", "route", "year"),
        "PJ/yr",
        "Hydrogen made per technique (route) and cluster (0 for routes that make none)",
    ),
    ResultSpec(
        "hydrogen_levelised_cost",
        ("route", "year"),
        "EUR/GJ",
        "Levelised cost of hydrogen of new capacity of each technique built in the year: capex "
        "annuity, fixed O&M, energy, energy tax, variable cost and CO2 cost (ETS on net direct "
        "CO2, transport-and-storage tariff), before free allocation and subsidies",
    ),
    ResultSpec(
        "hydrogen_levelised_cost_per_kg",
        ("route", "year"),
        "EUR/kg",
        "hydrogen_levelised_cost per kg (LHV 120 MJ/kg)",
    ),
    ResultSpec(
        "hydrogen_levelised_cost_part",
        ("route", "year", "levelised_cost_part"),
        "EUR/GJ",
        "The parts of hydrogen_levelised_cost",
    ),
    ResultSpec(
        "hydrogen_life_cycle_intensity",
        ("route", "year"),
        "kg CO2e/kg H2",
        "Life-cycle intensity of each technique: net direct CO2 plus upstream emissions of "
        "carrier supply, leaked methane, grid electricity and imported products",
    ),
    ResultSpec(
        "hydrogen_life_cycle_part",
        ("route", "year", "life_cycle_part"),
        "kg CO2e/kg H2",
        "The parts of hydrogen_life_cycle_intensity",
    ),
    ResultSpec(
        "hydrogen_ghg_saving",
        ("route", "year"),
        "1",
        "Saving of the life-cycle intensity against the fossil comparator (EU methodology)",
    ),
    ResultSpec(
        "hydrogen_low_carbon",
        ("route", "year"),
        "1",
        "1 where the technique reaches the EU low-carbon saving (hydrogen_ghg_saving >= "
        "low_carbon_saving), else 0",
    ),
    ResultSpec(
        "hydrogen_low_carbon_threshold",
        (),
        "kg CO2e/kg H2",
        "The EU low-carbon threshold: fossil_comparator x (1 - low_carbon_saving)",
    ),
)
RESULT = {spec.name: spec for spec in RESULTS}


def hydrogen_routes(core: Core) -> list[str]:
    """The routes that make hydrogen in the model, in label order."""
    carrier = core.carrier_role.get("hydrogen")
    makers = {cell.route for cell in core.producers.get(carrier, ())}
    return [r for r in core.labels["route"] if r in makers]


def levelised_cost_parts(
    core: Core, route: str, year: int, capex: float, carbon_price: float
) -> dict[str, float]:
    """The parts of the levelised cost of a route's new capacity in a year (MEUR/unit), in
    the cluster where it is lowest (the energy tax may differ between clusters)."""
    cells = [CellYear(s, c, route, year) for s, c in core.route_cells.get(route, ())]
    parts = min(
        (core.levelised_cost_parts(key, capex) for key in cells),
        key=lambda found: sum(found.values()),
    )
    parts["co2_price"] = carbon_price * core.net_emission_factor[(route, year)]
    parts["co2_transport_storage"] = (
        core.co2_transport_storage_tariff[year] * core.captured_factor[(route, year)]
    )
    return parts


def life_cycle_parts(core: Core, factors, route: str, year: int) -> dict[str, float]:
    """The parts of the life-cycle intensity of a route in a year (Mt CO2e/unit)."""
    return {"direct": core.net_emission_factor[(route, year)], **factors.parts[(route, year)]}


def add_hydrogen_results(
    ds: xr.Dataset,
    data: Data,
    core: Core,
    coefficients: Mapping[str, Any],
    activity: Mapping[tuple, float],
) -> None:
    """Add the hydrogen result variables to the results Dataset (nothing without hydrogen)."""
    from elektra.policies.ets import carbon_price
    from elektra.policies.upstream import upstream_factors

    routes = hydrogen_routes(core)
    if not routes:
        return
    labels = {**core.labels, "year": core.years}
    production: dict[tuple, float] = defaultdict(float)
    for (_s, c, r, y), level in activity.items():
        if r in routes:
            production[(c, r, y)] += level
    ds["hydrogen_production"] = to_array(RESULT["hydrogen_production"], production, labels)

    capex = data.table("capex")
    price = carbon_price(coefficients, core.years)
    cost_parts, cost = {}, {}
    factors = upstream_factors(data, core)
    cycle_parts, cycle = {}, {}
    for r in routes:
        for y in core.years:
            parts = levelised_cost_parts(core, r, y, capex[r, y], price[y])
            cost_parts.update({(r, y, name): parts[name] for name in COST_PARTS})
            cost[(r, y)] = sum(parts.values())
            emitted = life_cycle_parts(core, factors, r, y)
            cycle_parts.update(
                {(r, y, n): emitted[n] * KG_PER_KG_PER_MT_PER_PJ for n in LIFE_CYCLE_PARTS}
            )
            cycle[(r, y)] = sum(emitted.values()) * KG_PER_KG_PER_MT_PER_PJ
    nan = float("nan")
    labels = {**labels, "levelised_cost_part": COST_PARTS, "life_cycle_part": LIFE_CYCLE_PARTS}
    ds["hydrogen_levelised_cost"] = to_array(RESULT["hydrogen_levelised_cost"], cost, labels, nan)
    per_kg = {key: value * HYDROGEN_LHV_GJ_PER_KG for key, value in cost.items()}
    ds["hydrogen_levelised_cost_per_kg"] = to_array(
        RESULT["hydrogen_levelised_cost_per_kg"], per_kg, labels, nan
    )
    ds["hydrogen_levelised_cost_part"] = to_array(
        RESULT["hydrogen_levelised_cost_part"], cost_parts, labels, nan
    )
    ds["hydrogen_life_cycle_intensity"] = to_array(
        RESULT["hydrogen_life_cycle_intensity"], cycle, labels, nan
    )
    ds["hydrogen_life_cycle_part"] = to_array(
        RESULT["hydrogen_life_cycle_part"], cycle_parts, labels, nan
    )
    _against_threshold(ds, data, cycle, labels)


def _against_threshold(
    ds: xr.Dataset, data: Data, cycle: Mapping[tuple, float], labels: Mapping
) -> None:
    """The saving against the fossil comparator and the low-carbon flag, where the data
    give the comparator and the saving (EU methodology)."""
    comparator = float(data["fossil_comparator"]) * KG_PER_KG_PER_MT_PER_PJ
    saving = float(data["low_carbon_saving"])
    if math.isnan(comparator) or math.isnan(saving):
        return
    achieved = {key: 1.0 - value / comparator for key, value in cycle.items()}
    flag = {key: float(value >= saving - 1e-12) for key, value in achieved.items()}
    nan = float("nan")
    ds["hydrogen_ghg_saving"] = to_array(RESULT["hydrogen_ghg_saving"], achieved, labels, nan)
    ds["hydrogen_low_carbon"] = to_array(RESULT["hydrogen_low_carbon"], flag, labels, nan)
    ds["hydrogen_low_carbon_threshold"] = xr.DataArray(
        comparator * (1.0 - saving),
        attrs={
            "units": RESULT["hydrogen_low_carbon_threshold"].units,
            "description": RESULT["hydrogen_low_carbon_threshold"].description,
        },
    )
