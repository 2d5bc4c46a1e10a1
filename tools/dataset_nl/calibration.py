"""Base-year emissions per (sector, cluster): MIDDEN's 2020 split scaled to NEa 2024."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from .labels import CLUSTERS

REFERENCE = Path(__file__).resolve().parent / "reference"

MIDDEN_CLUSTER = {v[1]: k for k, v in CLUSTERS.items()}


def read_midden():
    out = defaultdict(float)
    with open(REFERENCE / "midden_cluster_sector_emissions_2020.csv") as f:
        for r in csv.DictReader(f):
            out[(r["sector"], MIDDEN_CLUSTER[r["cluster"]])] += float(r["tCO2e_2020"]) / 1e6
    return out


M = read_midden()
M_TOTAL = sum(M.values())
M_STEEL = sum(v for (s, c), v in M.items() if s == "steel")
M_VATT = sum(v for (s, c), v in M.items() if s.startswith("steel (Vattenfall"))
M_OIL_GAS = sum(v for (s, c), v in M.items() if s == "oil & gas extraction / mining")
NEA_IND_2022 = 38.6
NEA_IND_2023 = NEA_IND_2022 - (9.36 - 6.7)  # derived
NEA_IND_2024 = NEA_IND_2023 + 1.2  # derived
TATA_2022 = 5.8  # NEa emissiecijfers 2022
TATA_2024 = 5.9
TATA_2020 = 5.712
TATA_2023 = 4.5  # NEa emissiecijfers 2023
SCALE = (NEA_IND_2024 - TATA_2024) / (M_TOTAL - M_STEEL - M_VATT)  # non-steel scaling 2020 -> 2024
VATT_2024 = M_VATT * TATA_2024 / TATA_2020

# Petrochemical sites inside MIDDEN "chemicals (other)" (reference notes 1c, largest sites)
PETRO_2020 = {"zeeland_west_brabant": 3.896, "chemelot": 2.444, "rotterdam_moerdijk": 2.295}

SECTOR_MAP = {
    "cement/lime/other minerals": "cement_lime",
    "ceramics/bricks": "ceramics",
    "chemicals (other)": "other_chemicals",
    "electricity/CHP (other)": "other_chemicals",  # steam-supplying CHPs in Botlek/Pernis
    "fertiliser/ammonia": "ammonia",
    "food & beverages": "food",
    "glass": "glass",
    "industrial gases (H2/SMR etc.)": "hydrogen",
    "non-ferrous metals": "non_ferrous",
    "other": "other_industry",
    "paper": "paper",
    "refining": "refining",
    "steel": "steel",
    "oil & gas extraction / mining": None,  # outside the model
}


def targets_2024():
    """Published base-year emissions per (sector, cluster), Mt CO2 (2024 level)."""
    t = defaultdict(float)
    for (ms, c), v in M.items():
        if v <= 0:
            continue
        if ms.startswith("steel (Vattenfall"):
            t[("steel", c)] += v * TATA_2024 / TATA_2020
            continue
        if ms == "steel":
            if c == "noordzeekanaalgebied":
                t[("steel", c)] += TATA_2024
            else:
                t[("other_industry", c)] += v * SCALE
            continue
        s = SECTOR_MAP[ms]
        if s is None:
            continue
        if ms == "chemicals (other)" and c in PETRO_2020:
            t[("petrochemicals", c)] += PETRO_2020[c] * SCALE
            t[("other_chemicals", c)] += (v - PETRO_2020[c]) * SCALE
        else:
            t[(s, c)] += v * SCALE
    return dict(t)


TARGET = targets_2024()
