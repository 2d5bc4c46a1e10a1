"""life_cycle.csv: upstream emissions, methane leakage and the EU low-carbon threshold."""

from __future__ import annotations

from pathlib import Path

from .common import LHV_H2, Table
from .routes_hydrogen import NH3_PER_H2
from .sources import (
    S_CRACKER,
    S_DECHEMA,
    S_DELEGATED_ACT,
    S_GRID_NL,
    S_GWP,
    S_METHANE,
    S_PYRO_STOICH,
    S_RFNBO,
)


def import_life_cycle():
    """kg CO2e per kg H2 of the two import routes (central, low, high) with how they are made.

    As the EU methodology prescribes, electricity from renewable plants connected directly to
    the electrolyser counts as zero and the manufacture of equipment is not counted (the
    same holds for hydrogen_offshore_electrolysis, which therefore has no upstream row).
    """
    compression = 2 * 0.0185 * LHV_H2 / 3.6  # kWh_e/kg over 2,000 km of pipeline
    ceiling = 0.3 * 94 * LHV_H2 / 1000  # kg CO2e/kg H2 at the 70 % saving
    to_kg = NH3_PER_H2 * LHV_H2 / 1000  # kg CO2e per GJ NH3 -> per kg H2 at the cracker
    return {
        "hydrogen_import": (
            (compression * 0.3, compression * 0.1, ceiling),
            f"{S_RFNBO}; {S_DECHEMA}",
            f"renewable hydrogen made abroad counts zero (directly connected renewable electricity, "
            f"equipment not counted); compression over 2,000 km of pipeline ({compression:.2f} kWh_e/kg) "
            "at 0.3 kg CO2/kWh (assumed, the transit countries' grids); low at 0.1 kg/kWh; high: the "
            "RFNBO ceiling (70 % saving) that imports must meet",
        ),
        "hydrogen_import_ammonia": (
            (1.5 * to_kg, 0.0, ceiling * NH3_PER_H2),
            f"{S_RFNBO}; {S_CRACKER}",
            "renewable ammonia made abroad counts zero for its hydrogen and synthesis power (as above); "
            "shipping 1.5 kg CO2 per GJ NH3 on fuel oil (assumed: about 12,000 km, a few percent of the "
            f"cargo's energy) x {NH3_PER_H2} GJ NH3 per GJ H2 at the cracker (its heat from ammonia, no "
            "CO2); low: ammonia-fuelled ships; high: ammonia at the RFNBO ceiling of 28.2 g CO2e/MJ",
        ),
    }


def write(out: Path) -> int:
    """life_cycle.csv: upstream emission factors, methane leakage, the EU threshold, import
    life-cycle emissions and the solid carbon of pyrolysis (for the life-cycle intensity of
    hydrogen and the upstream_emissions switch)."""
    t = Table("life_cycle")
    for y in (2025, 2035):
        t.add(
            "upstream_emission_factor",
            4.9,
            "g/MJ",
            S_DELEGATED_ACT,
            figure_year=2025,
            estimate=y != 2025,
            method="" if y == 2025 else "the Delegated Act's default held to 2035",
            carrier="natural_gas",
            year=y,
        )
    for y, v, low, high, m in (
        (
            2025,
            0.25,
            0.2,
            0.3,
            "CE Delft's 0.30 kg/kWh of 2021 lowered for the growth of wind and solar since",
        ),
        (2030, 0.15, 0.08, 0.25, "coal exit by 2029 and about 21 GW offshore wind by 2032"),
        (
            2035,
            0.10,
            0.05,
            0.2,
            "gas plants at the margin in fewer hours; no published 2035 figure used",
        ),
    ):
        t.add(
            "upstream_emission_factor",
            v,
            "kg/kWh",
            S_GRID_NL,
            figure_year=2021,
            estimate=True,
            method=f"CO2 at generation of Dutch grid electricity, estimate: {m}; used for the life-cycle "
            "intensity of grid electrolysis (under the EU ETS, so the upstream switch never counts it)",
            low=low,
            high=high,
            carrier="electricity",
            year=y,
        )
    t.add(
        "methane_leakage_rate",
        0.01,
        "1",
        f"{S_METHANE}; {S_DELEGATED_ACT}",
        figure_year=2025,
        estimate=True,
        method="central 1 % of the methane produced (assumed): between Norwegian pipeline gas (below 0.1 %) "
        "and LNG from shale gas with leaks of a few percent; low and high the two published ends",
        low=0.0004,
        high=0.032,
    )
    t.add("methane_gwp", 29.8, "1", S_GWP, figure_year=2021)
    t.add("fossil_comparator", 94, "g/MJ", S_DELEGATED_ACT, figure_year=2025)
    t.add("low_carbon_saving", 0.7, "1", S_DELEGATED_ACT, figure_year=2025)
    for route, (values, source, method) in import_life_cycle().items():
        t.add(
            "import_life_cycle_emissions",
            round(values[0] / (LHV_H2 / 1000), 4),
            "kg/GJ",
            source,
            estimate=True,
            method=f"{method}; kg CO2e/kg H2 {values[0]:.2f} (low {values[1]:.2f}, high {values[2]:.2f}) "
            "/ 0.12 GJ/kg",
            low=round(values[1] / (LHV_H2 / 1000), 4),
            high=round(values[2] / (LHV_H2 / 1000), 4),
            route=route,
        )
    t.add(
        "solid_carbon_share",
        1.0,
        "1",
        S_PYRO_STOICH,
        estimate=True,
        method="electrically heated reactor: all the methane's carbon leaves as solid carbon, unconverted "
        "methane is recycled; a reactor fired with part of the gas or hydrogen would emit some CO2",
        route="hydrogen_pyrolysis",
    )
    return t.write(out)
