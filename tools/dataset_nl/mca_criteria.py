"""Build data/nl/mca/hydrogen_mca.csv: the static criteria of the hydrogen production MCA.

Every figure has a unit and a source; estimates say so and say how they were made. The
eight options are the eight hydrogen routes of the Dutch dataset, and every figure the LP
also uses is read from the dataset's CSVs (data/nl, written by build_dataset.py): carrier
inputs, capture rate, solid carbon, emission factors, upstream emission factors, methane
leakage and its range, the import routes' life-cycle emissions. So the MCA and the LP
describe the same plants, and the life-cycle intensity here is the LP's result variable
``hydrogen_life_cycle_intensity`` in 2035 (a test checks it), with the low and high ends
the dataset gives for the Monte Carlo. Levelised cost and the two exclusion criteria come
from the LP itself (scenarios/mca_hydrogen.yaml).

Written by ``python -m tools.dataset_nl`` after the dataset's CSVs (it reads them).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .sources import (
    S_ASSUMPTION,
    S_CRACKER,
    S_DEFINITION,
    S_DELEGATED_ACT,
    S_ELEKTRA_DATASET,
    S_GWP,
    S_IRENA_WATER,
    S_METHANE,
    S_MONOLITH,
    S_OFFSHORE_H2,
    S_POR_IMPORT,
    S_PYRO_BASF,
    S_PYRO_STOICH,
    S_TRL_COMM,
    checked,
)

LHV_H2 = 120.0  # MJ/kg
KWH = 3.6  # MJ/kWh
YEAR = "2035"

#: MCA option -> the LP route that is the same plant.
ROUTES = {
    "grey_smr": "hydrogen_smr",
    "smr_ccs": "hydrogen_smr_ccs",
    "atr_ccs": "hydrogen_atr_ccs",
    "methane_pyrolysis": "hydrogen_pyrolysis",
    "grid_electrolysis": "hydrogen_electrolysis",
    "offshore_wind_electrolysis": "hydrogen_offshore_electrolysis",
    "import_hydrogen": "hydrogen_import",
    "import_ammonia": "hydrogen_import_ammonia",
}

# --- assumptions of the MCA alone (central, low, high) ----------------------------------
GAS_IMPORT_SHARE = (0.85, 0.75, 0.95)  # share of NL gas supply imported in 2035 (estimate)
POWER_IMPORT_SHARE = (0.10, 0.0, 0.25)  # share of NL electricity imported, 2035 (estimate)


def _number(text: str) -> float | None:
    return float(text) if text not in ("", None) else None


METHANE_LHV = 50.0  # MJ/kg, as elektra.policies.upstream
NH3_PER_H2 = 1.46  # GJ NH3 per GJ H2 at the cracker (ENGIE et al. 2020), as routes_hydrogen.py
NH3_H2_YIELD = 0.1776 * LHV_H2 / 18.6  # GJ H2 in a GJ of NH3 (17.76 % H by mass, LHV 18.6 GJ/t)


@dataclass(frozen=True)
class Dataset:
    """The figures of a written dataset folder the MCA shares with the LP."""

    folder: Path

    def _read(self, name: str) -> list[dict]:
        with (self.folder / f"{name}.csv").open(newline="") as handle:
            return list(csv.DictReader(handle))

    def value(self, name: str, parameter: str, **labels) -> tuple[float, float, float]:
        """(value, low, high) of one row of a dataset file; low and high default to the value.

        Figures are converted to the unit this module computes in: g/MJ for emission and
        upstream factors, kg/kWh for electricity's, kg/kg H2 for import life-cycle emissions.
        """
        for row in self._read(name):
            if row["parameter"] == parameter and all(
                row.get(k, "") == v for k, v in labels.items()
            ):
                value = float(row["value"])
                low, high = _number(row["low"]), _number(row["high"])
                scale = {"t/TJ": 1.0, "g/MJ": 1.0, "kg/kWh": 1.0, "1": 1.0, "PJ/PJ": 1.0}.get(
                    row["unit"]
                )
                if row["unit"] == "kg/GJ":  # per GJ H2 -> per kg H2
                    scale = LHV_H2 / 1000
                if scale is None:
                    raise ValueError(
                        f"{name}.csv: {parameter} {labels}: unexpected unit {row['unit']}"
                    )
                low = value if low is None else low
                high = value if high is None else high
                return value * scale, low * scale, high * scale
        return 0.0, 0.0, 0.0

    def plant(self, option: str) -> dict[str, float]:
        """The LP's plant of an option: gas MJ/kg, electricity kWh/kg (with ranges where the
        dataset gives them), capture rate, solid carbon share, imported life-cycle kg/kg."""
        route = ROUTES[option]
        gas = self.value("route_inputs", "input", route=route, carrier="natural_gas")[0]
        electricity = self.value("route_inputs", "input", route=route, carrier="electricity")[0]
        return {
            "gas_mj": gas * LHV_H2,
            "kwh": electricity * LHV_H2 / KWH,
            "capture": self.value("routes_techno_economic", "capture_rate", route=route)[0],
            "solid": self.value("life_cycle", "solid_carbon_share", route=route)[0],
            "imported": self.value("life_cycle", "import_life_cycle_emissions", route=route),
        }

    @cached_property
    def gas_ef(self) -> float:
        """g CO2/MJ of natural gas."""
        return self.value("carriers_prices", "emission_factor", carrier="natural_gas")[0]

    @cached_property
    def upstream_gas_co2(self) -> float:
        """g CO2/MJ of natural gas supply in the MCA's year."""
        return self.value(
            "life_cycle", "upstream_emission_factor", carrier="natural_gas", year=YEAR
        )[0]

    @cached_property
    def grid(self) -> tuple[float, float, float]:
        """kg CO2/kWh of grid electricity in the MCA's year (central, low, high)."""
        return self.value(
            "life_cycle", "upstream_emission_factor", carrier="electricity", year=YEAR
        )

    @cached_property
    def leakage(self) -> tuple[float, float, float]:
        return self.value("life_cycle", "methane_leakage_rate")

    @cached_property
    def gwp_ch4(self) -> float:
        return self.value("life_cycle", "methane_gwp")[0]

    def upstream_gas(self, leakage: float) -> float:
        """Upstream intensity of natural gas, g CO2e per MJ delivered (as the LP computes it).

        CH4 per MJ delivered = leakage / (1 - leakage) x 1000/50 g; times GWP100; plus CO2.
        """
        methane = leakage / (1 - leakage) * 1000.0 / METHANE_LHV
        return self.upstream_gas_co2 + methane * self.gwp_ch4

    def life_cycle(self, option: str, end: int) -> float:
        """kg CO2e/kg H2 of an option: end 0 central, 1 low, 2 high (the LP's definition).

        Direct CO2 after capture (the solid carbon of pyrolysis is not CO2) + upstream gas
        (supply CO2 and leaked methane) + grid electricity + an imported product's life cycle.
        """
        p = self.plant(option)
        direct = p["gas_mj"] * self.gas_ef * (1 - p["solid"]) * (1 - p["capture"]) / 1000
        upstream = p["gas_mj"] * self.upstream_gas(self.leakage[end]) / 1000
        return direct + upstream + p["kwh"] * self.grid[end] + p["imported"][end]


def rows(folder: Path) -> list[dict]:
    """The criteria rows of the MCA, from the dataset written in ``folder``."""
    data = Dataset(folder)
    plant, life_cycle = data.plant, data.life_cycle
    out: list[dict] = []

    def add(option, criterion, value, unit, source, method="", low=None, high=None, estimate=True):
        out.append(
            {
                "option": option,
                "criterion": criterion,
                "value": round(value, 4),
                "unit": unit,
                "low": "" if low is None else round(low, 4),
                "high": "" if high is None else round(high, 4),
                "source": checked(source),
                "estimate": "true" if estimate else "false",
                "method": method,
            }
        )

    # life-cycle intensity: the LP's hydrogen_life_cycle_intensity in 2035 ----------------
    lc = "life_cycle_intensity"
    unit = "kg CO2e/kg H2"
    source = f"{S_DELEGATED_ACT}; {S_METHANE}; {S_GWP}; {S_ELEKTRA_DATASET}"
    for option in ROUTES:
        p = plant(option)
        parts = []
        if p["gas_mj"]:
            carbon = "solid carbon, no CO2" if p["solid"] else f"capture {p['capture']:g}"
            parts.append(
                f"direct CO2 {p['gas_mj']:.1f} MJ gas/kg x {data.gas_ef:g} g/MJ ({carbon}) + upstream "
                f"gas {p['gas_mj']:.1f} MJ x ({data.upstream_gas_co2:g} g CO2/MJ + methane at leakage "
                f"{data.leakage[0]:.1%}, range {data.leakage[1]:.2%}-{data.leakage[2]:.1%}, GWP {data.gwp_ch4:g})"
            )
        if p["kwh"]:
            parts.append(
                f"{p['kwh']:.2f} kWh/kg x grid {data.grid[0]:g} kg CO2/kWh in {YEAR} (range "
                f"{data.grid[1]:g}-{data.grid[2]:g})"
            )
        if p["imported"][2]:
            parts.append(
                f"imported product {p['imported'][0]:.2f} kg/kg (range {p['imported'][1]:.2f}-"
                f"{p['imported'][2]:.2f}; import_life_cycle_emissions)"
            )
        if not parts:
            parts.append(
                "no carrier bought and no direct CO2: electricity from the dedicated wind farm "
                "counts as zero and equipment is not counted (EU methodology)"
            )
        add(
            option, lc, life_cycle(option, 0), unit, source,
            f"the LP's definition ({ROUTES[option]}, {YEAR}): " + " + ".join(parts)
            + "; low and high combine the dataset's low and high ends; CO2 transport and "
            "storage leakage not counted",
            life_cycle(option, 1), life_cycle(option, 2),
        )  # fmt: skip

    # CO2 storage need and grid load: the LP's plant ---------------------------------------
    for option in ROUTES:
        p = plant(option)
        captured = p["gas_mj"] * data.gas_ef * (1 - p["solid"]) * p["capture"] / 1000
        add(
            option, "co2_storage_need", captured, "kg CO2/kg H2", S_ELEKTRA_DATASET,
            f"{p['gas_mj']:.1f} MJ gas/kg x {data.gas_ef:g} g CO2/MJ x capture {p['capture']:g}"
            + (" (pyrolysis: the carbon leaves as a solid)" if p["solid"] else ""),
            estimate=False,
        )  # fmt: skip
        kwh = p["kwh"]
        low, high = (6.0, 15.0) if option == "methane_pyrolysis" else (None, None)
        add(
            option, "grid_load", kwh, "kWh/kg H2", S_ELEKTRA_DATASET,
            f"grid electricity input of {ROUTES[option]} ({kwh:.2f} kWh/kg)"
            + (
                "; range 6-15 kWh/kg (reaction enthalpy 5.2 kWh/kg minimum, plasma reactors more)"
                if low is not None else ""
            ),
            low, high, estimate=option == "methane_pyrolysis",
        )  # fmt: skip

    # import dependence ----------------------------------------------------------------
    gas_share, power_share = GAS_IMPORT_SHARE, POWER_IMPORT_SHARE
    method_gas = (
        "share of the option's energy input from abroad: natural gas {g:.0%} imported in 2035 "
        "(estimate: Groningen closed 2024, small fields declining; range {gl:.0%}-{gh:.0%}), "
        "electricity {p:.0%} (estimate; range {pl:.0%}-{ph:.0%}), weighted by MJ input"
    )
    for option in ("grey_smr", "smr_ccs", "atr_ccs", "methane_pyrolysis", "grid_electrolysis"):
        p = plant(option)
        gas, power = p["gas_mj"], p["kwh"] * KWH
        values = [(gas * gas_share[i] + power * power_share[i]) / (gas + power) for i in range(3)]
        add(
            option, "import_dependence", values[0], "share", f"{S_ASSUMPTION}; {S_ELEKTRA_DATASET}",
            method_gas.format(
                g=gas_share[0], gl=gas_share[1], gh=gas_share[2],
                p=power_share[0], pl=power_share[1], ph=power_share[2],
            ),
            values[1], values[2],
        )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "import_dependence", 0.0, "share", S_OFFSHORE_H2,
        "wind in the Dutch North Sea zone: no imported energy", estimate=True,
    )  # fmt: skip
    for option in ("import_hydrogen", "import_ammonia"):
        add(
            option, "import_dependence", 1.0, "share", S_DEFINITION,
            "all of the hydrogen comes from abroad", estimate=True,
        )  # fmt: skip

    # TRL in 2035 ----------------------------------------------------------------------
    trl = "TRL"
    for option in ("grey_smr", "smr_ccs", "atr_ccs", "grid_electrolysis"):
        add(
            option, "trl_2035", 9, trl, S_ELEKTRA_DATASET,
            "TRL 9 in the dataset (MIDDEN) today; stays 9", estimate=False,
        )  # fmt: skip
    add(
        "import_hydrogen", "trl_2035", 9, trl, f"{S_TRL_COMM}; {S_ASSUMPTION}",
        "hydrogen pipelines are commercial; cross-border network by 2035 assumed", 8, 9,
    )  # fmt: skip
    add(
        "methane_pyrolysis", "trl_2035", 7, trl, f"{S_PYRO_BASF}; {S_MONOLITH}; {S_ASSUMPTION}",
        "pilots today (BASF Ludwigshafen) and one commercial plasma plant making carbon black "
        "(Monolith, Nebraska); a first hydrogen-scale plant by 2035 assumed",
        6, 8,
    )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "trl_2035", 7, trl, f"{S_OFFSHORE_H2}; {S_ASSUMPTION}",
        "offshore pilot (PosHYdon, about 1 MW on a North Sea platform) today; demonstration "
        "at tens to hundreds of MW by 2035 assumed",
        6, 8,
    )  # fmt: skip
    add(
        "import_ammonia", "trl_2035", 7, trl, f"{S_POR_IMPORT}; {S_CRACKER}; {S_ASSUMPTION}",
        "ammonia shipping is commercial; large-scale cracking back to hydrogen is at "
        "demonstration scale; first commercial crackers at import terminals by 2035 assumed",
        6, 8,
    )  # fmt: skip

    # water use (fresh water consumed in NL) ------------------------------------------------
    water = "L/kg H2"
    for option, value, low, high, how in (
        ("grey_smr", 17.5, 7.6, 25.0, "IRENA SMR figure"),
        ("smr_ccs", 32.1, 20.0, 40.0, "IRENA SMR-with-capture figure"),
        ("atr_ccs", 32.1, 20.0, 40.0, "IRENA SMR-with-capture figure used for ATR with capture"),
        ("grid_electrolysis", 22.3, 15.0, 30.0, "IRENA alkaline electrolysis figure"),
    ):
        add(
            option, "water_use", value, water, S_IRENA_WATER,
            f"{how}; range assumed from the spread of cooling designs", low, high,
        )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "water_use", 0.0, water, f"{S_IRENA_WATER}; {S_OFFSHORE_H2}",
        "desalinated sea water offshore: no fresh water from NL sources", 0.0, 2.0,
    )  # fmt: skip
    add(
        "methane_pyrolysis", "water_use", 3.0, water, f"{S_PYRO_STOICH}; {S_ASSUMPTION}",
        "no process water (no reforming); cooling only, assumed", 1.0, 8.0,
    )  # fmt: skip
    for option in ("import_hydrogen", "import_ammonia"):
        add(
            option, "water_use", 0.0, water, S_DEFINITION,
            "water is used abroad, not in NL", 0.0, 1.0,
        )  # fmt: skip

    # land use (onshore industrial site) ------------------------------------------------------
    land = "m2/MW H2"
    for option, value, low, high, how in (
        ("grey_smr", 40, 20, 80, "reformer, PSA and utilities on an existing site"),
        ("smr_ccs", 55, 30, 100, "as grey SMR plus the capture unit and compressor"),
        ("atr_ccs", 50, 30, 100, "ATR, air separation and capture (H-Vision layout scale)"),
        (
            "methane_pyrolysis",
            80,
            40,
            150,
            "reactor plus handling and storage of 3 kg carbon per kg H2",
        ),
        (
            "grid_electrolysis",
            150,
            100,
            250,
            "stacks, transformers, water treatment and compression",
        ),
        (
            "offshore_wind_electrolysis",
            10,
            0,
            30,
            "electrolysis offshore; onshore only a landing point",
        ),
        ("import_hydrogen", 5, 0, 20, "pipeline reception and metering"),
        ("import_ammonia", 80, 40, 150, "terminal tanks and cracker"),
    ):
        add(
            option, "land_use", value, land, S_ASSUMPTION,
            f"order-of-magnitude plot area per MW of hydrogen output, assumed ({how}); no "
            "public Dutch figure per technique was found",
            low, high,
        )  # fmt: skip

    # nitrogen oxides ------------------------------------------------------------------
    nox = "g NOx/kg H2"
    fired = {"grey_smr": 0.35, "smr_ccs": 0.35, "atr_ccs": 0.10}
    for option, share in fired.items():
        gas = plant(option)["gas_mj"]
        add(
            option, "nox_emissions", gas * share * 30 / 1000, nox, f"{S_ELEKTRA_DATASET}; {S_ASSUMPTION}",
            f"fired gas {share:.0%} of {gas:.0f} MJ/kg (assumed) x 30 g NOx/GJ (assumed for "
            "low-NOx furnace burners; range 15-70 g/GJ)",
            gas * share * 15 / 1000, gas * share * 70 / 1000,
        )  # fmt: skip
    for option in (
        "methane_pyrolysis",
        "grid_electrolysis",
        "offshore_wind_electrolysis",
        "import_hydrogen",
    ):
        add(
            option, "nox_emissions", 0.0, nox, S_DEFINITION,
            "no combustion at the Dutch site (electrolysis; pyrolysis electrically heated; "
            "pipeline import)", 0.0, 0.5,
        )  # fmt: skip
    burnt = (NH3_PER_H2 - 1 / NH3_H2_YIELD) * LHV_H2  # MJ ammonia burnt per kg H2
    add(
        "import_ammonia", "nox_emissions", burnt * 100 / 1000, nox, f"{S_ELEKTRA_DATASET}; {S_ASSUMPTION}",
        f"the cracker burns the ammonia it does not convert: ({NH3_PER_H2} - 1/{NH3_H2_YIELD:.3f}) GJ "
        "NH3 "
        f"per GJ H2 = {burnt:.0f} MJ/kg H2 x 100 g NOx/GJ (assumed, ammonia flame with DeNOx; range "
        "30-300 g/GJ)",
        burnt * 30 / 1000, burnt * 300 / 1000,
    )  # fmt: skip
    return out


def write(out: Path) -> int:
    """Write ``out``/mca/hydrogen_mca.csv from the dataset in ``out``."""
    path = out / "mca" / "hydrogen_mca.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = rows(out)
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)
    return len(data)
