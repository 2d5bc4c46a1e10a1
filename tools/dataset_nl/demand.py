"""demand.csv: service demand per (sector, cluster), back-calculated from base-year emissions."""

from __future__ import annotations

from pathlib import Path

from .calibration import TARGET
from .common import BASE, YEARS, Table
from .labels import SERVICES
from .routes import ROUTE_BY, ref_route
from .routes_steel import STEEL_PROD
from .sources import S_MIDDEN_EM, S_NEA24, S_TATA_PROD

# Share of a (sector, cluster)'s base-year emissions per service [estimate]
SPLIT = {
    "steel": {"crude_steel": 1.0},
    "refining": {"heat_high": 0.74, "heat_medium": 0.26},
    "ammonia": {"ammonia": 1.0},
    "petrochemicals": {"hvc": 0.80, "heat_medium": 0.20},
    "other_chemicals": {"heat_low": 0.10, "heat_medium": 0.60, "heat_high": 0.30},
    "food": {"heat_low": 0.35, "heat_medium": 0.65},
    "paper": {"heat_low": 0.15, "heat_medium": 0.85},
    "glass": {"heat_high": 1.0},
    "ceramics": {"heat_low": 0.20, "heat_high": 0.80},
    "cement_lime": {"heat_high": 1.0},
    "non_ferrous": {"heat_high": 1.0},
    "other_industry": {"heat_medium": 1.0},
    "hydrogen": {"hydrogen": 1.0},
}
SPLIT_METHOD = {
    "refining": "steam share from MIDDEN refining steam demand (HP 33.1 + MP 9.2 + VHP 1.6 PJ) x 1.0825 PJ gas/PJ steam x 56.4 t/TJ = 2.7 of 10.2 Mt (26 %); rest furnaces",
    "petrochemicals": "assumed 80 % cracker furnaces, 20 % site steam/CHP (ELSTA, Swentibold) - no split published",
    "other_chemicals": "MIDDEN chemicals steam by pressure (LP 14.3, MP 3.3, HP 52.6, VHP 22.9 PJ) -> steam dominant; assumed 10/60/30 low/medium/high",
    "food": "MIDDEN food steam LP 7.4 + MP 13.8 PJ (>100 °C); assumed 35 % of fuel for hot water/drying < 100 °C",
    "paper": "MIDDEN paper steam LP 5.1 + MP 7.2 PJ for drying; assumed 15 % < 100 °C",
    "ceramics": "assumed 20 % dryers < 100 °C, 80 % kilns",
}


DEMAND = {}  # (sector, cluster, service) -> value (output unit per yr)
DEM_METHOD = {}
H2_CLUSTER = {}
for (s, c), e in sorted(TARGET.items()):
    if s == "hydrogen":
        r = ROUTE_BY["hydrogen_smr"]
        H2_CLUSTER[c] = e / r.net_emissions()
        continue
    if s == "steel":
        DEMAND[(s, c, "crude_steel")] = STEEL_PROD
        DEM_METHOD[(s, c, "crude_steel")] = ("source", S_TATA_PROD)
        continue
    for svc, share in SPLIT[s].items():
        r = ref_route(s, svc)
        DEMAND[(s, c, svc)] = e * share / r.net_emissions()
        sm = f" (share: {SPLIT_METHOD[s]})" if s in SPLIT_METHOD and share < 1 else ""
        DEM_METHOD[(s, c, svc)] = (
            "est",
            f"base-year emissions {e:.3f} Mt ({s}, {c}; MIDDEN NEa-2020 split scaled to NEa 2024) x service share {share}{sm} / reference-route intensity {r.net_emissions():.4f} Mt per {r.unit}",
        )
# refinery hydrotreating = merchant hydrogen produced by the SMRs, in the clusters that hold them
for c, h in H2_CLUSTER.items():
    DEMAND[("refining", c, "hydrotreating")] = h
    DEM_METHOD[("refining", c, "hydrotreating")] = (
        "est",
        f"hydrogen made by the merchant SMRs of the cluster: industrial-gases emissions {TARGET[('hydrogen', c)]:.3f} Mt / {ROUTE_BY['hydrogen_smr'].net_emissions():.4f} Mt/PJ H2; assumed sold to refineries of the same cluster",
    )


def write(out: Path) -> int:
    """Write demand.csv."""
    t = Table("demand")
    for (s, c, svc), v in sorted(DEMAND.items()):
        u = SERVICES[(s, svc)][0] + "/yr"
        kind, m = DEM_METHOD[(s, c, svc)]
        for y in YEARS:
            if kind == "source":
                t.add(
                    "demand",
                    round(v, 6),
                    u,
                    m,
                    figure_year=2023,
                    estimate=(y != BASE),
                    method=""
                    if y == BASE
                    else "held constant at the base-year level (no published outlook per product)",
                    sector=s,
                    cluster=c,
                    service=svc,
                    year=y,
                )
            else:
                t.add(
                    "demand",
                    round(v, 6),
                    u,
                    S_MIDDEN_EM + "; " + S_NEA24,
                    figure_year=2024,
                    estimate=True,
                    method=m + ("" if y == BASE else "; held constant to 2035"),
                    sector=s,
                    cluster=c,
                    service=svc,
                    year=y,
                )
    return t.write(out)
