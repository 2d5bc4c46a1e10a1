"""Build data/nl/mca/hydrogen_mca.csv: the static criteria of the hydrogen production MCA.

Every figure has a unit and a source; estimates say so and say how they were made. Derived
figures (life-cycle intensity, CO2 storage need, grid load, import dependence) are computed
here from the constants below, so that a reader can follow each number. The routes that
are in the LP take their inputs (gas and electricity per unit of hydrogen, capture rate)
from the Dutch dataset, so the MCA and the LP describe the same plants.

Run: ``python tools/dataset_nl/build_mca_criteria.py`` (writes the CSV next to data/nl).
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "nl" / "mca" / "hydrogen_mca.csv"

LHV_H2 = 120.0  # MJ/kg
LHV_CH4 = 50.0  # MJ/kg
KWH = 3.6  # MJ/kWh

# --- sources --------------------------------------------------------------------------
DATASET = (
    "elektra dataset data/nl (route_inputs.csv, routes_techno_economic.csv, "
    "carriers_prices.csv: PBL/TNO MIDDEN v0.3 TC0352 SMR, TC0354 SMR pre-combustion "
    "capture, TC0425 ATR+CCS (H-Vision 2019), TC0361 AEL electrolysis; capture share "
    "SMR+CCS from Quintel ETM)"
)
DELEGATED_ACT = (
    "Commission Delegated Regulation (EU) 2025/2359 of 8 July 2025 (C(2025) 4674), GHG "
    "methodology for low-carbon fuels: threshold 70 % below the fossil comparator of 94 g "
    "CO2e/MJ = 28.2 g CO2e/MJ = 3.38 kg CO2e/kg H2; default upstream CO2 of natural gas "
    "4.9 g CO2/MJ (as reported by Agence Europe bulletin 13677/21, 2025-07-09, and White & "
    "Case, 2025)"
)
METHANE = (
    "methane leakage: low end the Delegated Act's lowered default methane intensity (0.19 g "
    "CO2e/MJ, about 0.04 % leakage; Agence Europe 13677/21, 2025); high end the IEA Methane "
    "Tracker global average of 3.2 % cited by EDF Europe et al. open letter (2025-02-06); GWP100 "
    "of fossil methane 29.8 (IPCC AR6 WG1 Table 7.15)"
)
IRENA_WATER = (
    "IRENA & Bluerisk (2023) Water for hydrogen production (figures as summarised by "
    "synerhy.com 2024-03-07: alkaline 22.3, PEM 17.5, SMR 17.5, SMR with capture 32.1 L/kg "
    "H2; hydrogeninsight.com 2023-12: electrolysis 9 L/kg stoichiometric plus cooling)"
)
WIND_LCA = (
    "IPCC AR5 WGIII (2014) Annex III Table A.III.2: offshore wind life-cycle emissions 8-35 g "
    "CO2e/kWh, median 12"
)
PYROLYSIS = (
    "stoichiometry CH4 -> C + 2 H2 (4 kg CH4 = 200 MJ LHV and 3 kg solid carbon per kg H2; "
    "reaction enthalpy 74.8 kJ/mol CH4 = 5.2 kWh/kg H2 minimum); process review: "
    "Lotfollahzade Moghaddam et al. (2025) Methane pyrolysis for hydrogen production, Energy "
    "Environ. Sci., doi:10.1039/D4EE06191H"
)
ESTIMATE = "elektra estimate (see method)"
RFNBO = (
    "Commission Delegated Regulation (EU) 2023/1185 (RFNBO GHG methodology): imported "
    "renewable hydrogen must also save 70 % against 94 g CO2e/MJ (<= 3.38 kg CO2e/kg H2)"
)

# --- the dataset's plants (data/nl, 2035) -----------------------------------------------
GAS_EF = 0.0564  # kg CO2/MJ natural gas (Mt/PJ), carriers_prices.csv
PLANTS = {
    # option: gas MJ/MJ H2, electricity MJ/MJ H2, capture rate
    "grey_smr": (1.51667, 0.0, 0.0),
    "smr_ccs": (1.58647, 0.03605, 0.669),
    "atr_ccs": (1.30417, 0.05300, 0.96),
    "grid_electrolysis": (0.0, 1.608, 0.0),
}

# --- assumptions with ranges (central, low, high) ---------------------------------------
LEAKAGE = (0.010, 0.0004, 0.032)  # share of gas produced that leaks as methane
UPSTREAM_CO2 = 4.9  # g CO2/MJ gas, Delegated Act default (excl. LNG)
GWP_CH4 = 29.8
GRID_2035 = (0.10, 0.05, 0.20)  # kg CO2/kWh, NL grid in 2035 (estimate)
WIND = (0.012, 0.008, 0.035)  # kg CO2e/kWh offshore wind (IPCC AR5)
PYROLYSIS_GAS = 200.0  # MJ gas per kg H2 (stoichiometric)
PYROLYSIS_ELECTRICITY = (10.0, 6.0, 15.0)  # kWh/kg H2, electrically heated reactor (estimate)
GAS_IMPORT_SHARE = (0.85, 0.75, 0.95)  # share of NL gas supply imported in 2035 (estimate)
POWER_IMPORT_SHARE = (0.10, 0.0, 0.25)  # share of NL electricity imported, 2035 (estimate)


def upstream_gas(leakage: float) -> float:
    """Upstream intensity of natural gas, g CO2e per MJ delivered.

    CH4 per MJ delivered = leakage / (1 - leakage) x 1000/50 g; times GWP100; plus CO2.
    """
    methane = leakage / (1 - leakage) * 1000.0 / LHV_CH4
    return UPSTREAM_CO2 + methane * GWP_CH4


def per_kg(option: str) -> tuple[float, float, float]:
    """Gas MJ/kg, electricity kWh/kg and capture rate of a dataset plant."""
    gas, electricity, capture = PLANTS[option]
    return gas * LHV_H2, electricity * LHV_H2 / KWH, capture


def life_cycle(gas_mj: float, capture: float, kwh: float, grid: float, leakage: float) -> float:
    """kg CO2e/kg H2: direct CO2 after capture + upstream gas + electricity.

    A capture rate of 1 stands for carbon that never becomes CO2 (pyrolysis).
    """
    direct = gas_mj * GAS_EF * (1 - capture)
    return direct + gas_mj * upstream_gas(leakage) / 1000 + kwh * grid


def rows() -> list[dict]:
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
                "source": source,
                "estimate": "true" if estimate else "false",
                "method": method,
            }
        )

    # life-cycle intensity -------------------------------------------------------------
    lc = "life_cycle_intensity"
    unit = "kg CO2e/kg H2"
    upstream = f"{DELEGATED_ACT}; {METHANE}; {DATASET}"
    for option in ("grey_smr", "smr_ccs", "atr_ccs"):
        gas, kwh, capture = per_kg(option)
        central = life_cycle(gas, capture, kwh, GRID_2035[0], LEAKAGE[0])
        low = life_cycle(gas, capture, kwh, GRID_2035[1], LEAKAGE[1])
        high = life_cycle(gas, capture, kwh, GRID_2035[2], LEAKAGE[2])
        add(
            option, lc, central, unit, upstream,
            f"direct CO2 {gas:.1f} MJ gas/kg x {GAS_EF * 1000:.1f} g/MJ x (1 - capture "
            f"{capture}) + upstream gas {gas:.1f} MJ x (4.9 g CO2/MJ + methane at leakage "
            f"{LEAKAGE[0]:.1%}, range {LEAKAGE[1]:.2%}-{LEAKAGE[2]:.1%}) + {kwh:.2f} kWh x grid "
            f"{GRID_2035[0]} kg/kWh (range {GRID_2035[1]}-{GRID_2035[2]}); CO2 transport and "
            "storage leakage not counted",
            low, high,
        )  # fmt: skip
    _, kwh, _ = per_kg("grid_electrolysis")
    add(
        "grid_electrolysis", lc, kwh * GRID_2035[0], unit, f"{DATASET}; {ESTIMATE}",
        f"{kwh:.1f} kWh/kg x NL grid intensity 2035 {GRID_2035[0]} kg CO2/kWh (range "
        f"{GRID_2035[1]}-{GRID_2035[2]}; estimate: the grid was about 0.3 kg/kWh in 2023 and "
        "falls with the coal exit in 2030 and 21 GW offshore wind by 2032; no published "
        "2035 figure used); electrolyser manufacture not counted",
        kwh * GRID_2035[1], kwh * GRID_2035[2],
    )  # fmt: skip
    add(
        "offshore_wind_electrolysis", lc, kwh * WIND[0], unit, f"{WIND_LCA}; {DATASET}",
        f"{kwh:.1f} kWh/kg (dataset AEL) x offshore wind life-cycle {WIND[0] * 1000:.0f} g "
        f"CO2e/kWh (IPCC range {WIND[1] * 1000:.0f}-{WIND[2] * 1000:.0f})",
        kwh * WIND[1], kwh * WIND[2],
    )  # fmt: skip
    pyro = [
        life_cycle(PYROLYSIS_GAS, 1.0, PYROLYSIS_ELECTRICITY[i], GRID_2035[i], LEAKAGE[i])
        for i in range(3)
    ]
    add(
        "methane_pyrolysis", lc, pyro[0], unit, f"{PYROLYSIS}; {DELEGATED_ACT}; {METHANE}",
        f"no direct CO2 (electrically heated, carbon stays solid); upstream gas "
        f"{PYROLYSIS_GAS:.0f} MJ/kg at the leakage above + electricity "
        f"{PYROLYSIS_ELECTRICITY[0]:.0f} kWh/kg (range {PYROLYSIS_ELECTRICITY[1]:.0f}-"
        f"{PYROLYSIS_ELECTRICITY[2]:.0f}, assumed about twice the reaction enthalpy) x grid "
        f"{GRID_2035[0]} kg/kWh; low and high combine the low and high ends",
        pyro[1], pyro[2],
    )  # fmt: skip
    add(
        "import_hydrogen", lc, 1.5, unit, f"{RFNBO}; {ESTIMATE}",
        "assumed renewable (RFNBO) hydrogen by pipeline: about 0.6 kg/kg from wind/solar "
        "electricity (53.6 kWh x 12 g/kWh) plus compression and transport; high end the "
        "RFNBO ceiling 3.38",
        0.6, 3.38,
    )  # fmt: skip
    add(
        "import_ammonia", lc, 2.3, unit, f"{RFNBO}; {ESTIMATE}",
        "assumed renewable ammonia: 0.6 kg/kg for the hydrogen in it, divided by a cracking "
        "yield of 0.75 (part of the ammonia fires the cracker), plus synthesis electricity "
        "and shipping fuel (about 1.5 kg/kg); range from a 0.85 yield with renewable fuel to "
        "shipping and cracking on fossil fuel",
        1.2, 4.5,
    )  # fmt: skip

    # CO2 storage need -----------------------------------------------------------------
    for option in ("smr_ccs", "atr_ccs"):
        gas, _, capture = per_kg(option)
        add(
            option, "co2_storage_need", gas * GAS_EF * capture, "kg CO2/kg H2", DATASET,
            f"{gas:.1f} MJ gas/kg x {GAS_EF * 1000:.1f} g CO2/MJ x capture {capture}",
            estimate=False,
        )  # fmt: skip
    for option in (
        "grey_smr",
        "methane_pyrolysis",
        "grid_electrolysis",
        "offshore_wind_electrolysis",
        "import_hydrogen",
        "import_ammonia",
    ):
        add(
            option, "co2_storage_need", 0.0, "kg CO2/kg H2",
            DATASET if option in PLANTS else ESTIMATE,
            "no CO2 captured (pyrolysis: carbon leaves as a solid; imports: nothing stored in "
            "NL)" if option not in PLANTS else "no capture",
            estimate=option not in PLANTS,
        )  # fmt: skip

    # grid load ------------------------------------------------------------------------
    for option in PLANTS:
        _, kwh, _ = per_kg(option)
        add(
            option, "grid_load", kwh, "kWh/kg H2", DATASET,
            f"electricity input {PLANTS[option][1]} MJ/MJ H2 x 120 MJ/kg / 3.6", estimate=False,
        )  # fmt: skip
    add(
        "methane_pyrolysis", "grid_load", PYROLYSIS_ELECTRICITY[0], "kWh/kg H2", PYROLYSIS,
        "assumed about twice the reaction enthalpy of 5.2 kWh/kg for an electrically heated "
        "reactor", PYROLYSIS_ELECTRICITY[1], PYROLYSIS_ELECTRICITY[2],
    )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "grid_load", 0.0, "kWh/kg H2", ESTIMATE,
        "dedicated wind farm, hydrogen landed by pipeline: no draw on the onshore grid", 0.0, 1.0,
    )  # fmt: skip
    add(
        "import_hydrogen", "grid_load", 0.0, "kWh/kg H2", ESTIMATE,
        "pipeline import; compression by the network operator outside the cluster", 0.0, 1.0,
    )  # fmt: skip
    add(
        "import_ammonia", "grid_load", 0.5, "kWh/kg H2", ESTIMATE,
        "cracker heat from ammonia or purge gas; electricity for pumps, purification and "
        "compression assumed 0.5 kWh/kg",
        0.2, 2.0,
    )  # fmt: skip

    # import dependence ----------------------------------------------------------------
    gas_share, power_share = GAS_IMPORT_SHARE, POWER_IMPORT_SHARE
    method_gas = (
        "share of the option's energy input from abroad: natural gas {g:.0%} imported in 2035 "
        "(estimate: Groningen closed 2024, small fields declining; range {gl:.0%}-{gh:.0%}), "
        "electricity {p:.0%} (estimate; range {pl:.0%}-{ph:.0%}), weighted by MJ input"
    )
    inputs = {
        "grey_smr": per_kg("grey_smr")[:2],
        "smr_ccs": per_kg("smr_ccs")[:2],
        "atr_ccs": per_kg("atr_ccs")[:2],
        "methane_pyrolysis": (PYROLYSIS_GAS, PYROLYSIS_ELECTRICITY[0]),
        "grid_electrolysis": per_kg("grid_electrolysis")[:2],
    }
    for option, (gas, kwh) in inputs.items():
        power = kwh * KWH
        values = [(gas * gas_share[i] + power * power_share[i]) / (gas + power) for i in range(3)]
        add(
            option, "import_dependence", values[0], "share", f"{ESTIMATE}; {DATASET}",
            method_gas.format(
                g=gas_share[0], gl=gas_share[1], gh=gas_share[2],
                p=power_share[0], pl=power_share[1], ph=power_share[2],
            ),
            values[1], values[2],
        )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "import_dependence", 0.0, "share", ESTIMATE,
        "wind in the Dutch North Sea zone: no imported energy", estimate=True,
    )  # fmt: skip
    for option in ("import_hydrogen", "import_ammonia"):
        add(
            option, "import_dependence", 1.0, "share", ESTIMATE,
            "all of the hydrogen comes from abroad", estimate=True,
        )  # fmt: skip

    # TRL in 2035 ----------------------------------------------------------------------
    trl = "TRL"
    for option in ("grey_smr", "smr_ccs", "atr_ccs", "grid_electrolysis"):
        add(
            option, "trl_2035", 9, trl, DATASET,
            "TRL 9 in the dataset (MIDDEN) today; stays 9", estimate=False,
        )  # fmt: skip
    add(
        "import_hydrogen", "trl_2035", 9, trl, ESTIMATE,
        "hydrogen pipelines are commercial; cross-border network by 2035 assumed", 8, 9,
    )  # fmt: skip
    add(
        "methane_pyrolysis", "trl_2035", 7, trl, f"{PYROLYSIS}; {ESTIMATE}",
        "pilots today (BASF Ludwigshafen) and one commercial plasma plant making carbon black "
        "(Monolith, Nebraska); a first hydrogen-scale plant by 2035 assumed",
        6, 8,
    )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "trl_2035", 7, trl, ESTIMATE,
        "offshore pilot (PosHYdon, about 1 MW on a North Sea platform) today; demonstration "
        "at tens to hundreds of MW by 2035 assumed",
        6, 8,
    )  # fmt: skip
    add(
        "import_ammonia", "trl_2035", 7, trl, ESTIMATE,
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
            option, "water_use", value, water, IRENA_WATER,
            f"{how}; range assumed from the spread of cooling designs", low, high,
        )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "water_use", 0.0, water, ESTIMATE,
        "desalinated sea water offshore: no fresh water from NL sources", 0.0, 2.0,
    )  # fmt: skip
    add(
        "methane_pyrolysis", "water_use", 3.0, water, ESTIMATE,
        "no process water (no reforming); cooling only, assumed", 1.0, 8.0,
    )  # fmt: skip
    for option in ("import_hydrogen", "import_ammonia"):
        add(
            option, "water_use", 0.0, water, ESTIMATE,
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
            option, "land_use", value, land, ESTIMATE,
            f"order-of-magnitude plot area per MW of hydrogen output, assumed ({how}); no "
            "public Dutch figure per technique was found",
            low, high,
        )  # fmt: skip

    # nitrogen oxides ------------------------------------------------------------------
    nox = "g NOx/kg H2"
    fired = {"grey_smr": 0.35, "smr_ccs": 0.35, "atr_ccs": 0.10}
    for option, share in fired.items():
        gas, _, _ = per_kg(option)
        add(
            option, "nox_emissions", gas * share * 30 / 1000, nox, f"{DATASET}; {ESTIMATE}",
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
            option, "nox_emissions", 0.0, nox, ESTIMATE,
            "no combustion at the Dutch site (pyrolysis electrically heated)", 0.0, 0.5,
        )  # fmt: skip
    add(
        "import_ammonia", "nox_emissions", 4.0, nox, ESTIMATE,
        "cracker fired with ammonia or purge gas: about 20 MJ/kg H2 at an assumed 200 g "
        "NOx/GJ (ammonia flames make more NOx than gas)",
        1.0, 10.0,
    )  # fmt: skip

    # levelised cost for the options the LP does not have yet ------------------------------
    cost = "EUR/kg H2"
    add(
        "methane_pyrolysis", "levelised_cost", 3.4, cost, f"{PYROLYSIS}; {ESTIMATE}",
        "base scenario 2035 prices: gas 200 MJ x 9.03 EUR/GJ = 1.81, electricity 10 kWh x "
        "84 EUR/MWh = 0.84, capital at an assumed 1,500 EUR/kW H2 (8 %, 25 yr, 3 %/yr O&M, "
        "8,000 h) = 0.77; no credit for the carbon (range includes up to 0.9 EUR/kg credit "
        "and 50 % higher capex)",
        2.5, 4.5,
    )  # fmt: skip
    add(
        "offshore_wind_electrolysis", "levelised_cost", 6.1, cost, f"{DATASET}; {ESTIMATE}",
        "electricity 53.6 kWh at an assumed 60 EUR/MWh offshore wind cost (3.2) plus the "
        "dataset electrolyser (72.9 MEUR per PJ/yr, 30 yr, 8 %) at the wind farm's "
        "capacity factor 0.45 (2.9); range 45-80 EUR/MWh and +-20 % capex",
        4.5, 8.0,
    )  # fmt: skip
    add(
        "import_ammonia", "levelised_cost", 5.8, cost, ESTIMATE,
        "assumed delivered renewable ammonia 700 EUR/t (0.1776 kg H2 per kg NH3: 3.94 EUR/kg "
        "H2), divided by a cracking yield of 0.75, plus 0.5 EUR/kg for the cracker; range "
        "550-900 EUR/t and yield 0.7-0.85",
        4.3, 7.5,
    )  # fmt: skip
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = rows()
    with OUT.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)
    print(f"wrote {OUT} ({len(data)} rows)")


if __name__ == "__main__":
    main()
