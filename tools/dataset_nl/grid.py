"""grid.csv: connection capacity per cluster and year, and the cost of more."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .common import Table
from .demand import DEMAND
from .labels import CLUSTERS
from .routes import ref_route
from .sources import S_GRID, S_KB, S_TENNET_BRABANT_2025, S_TENNET_ZEELAND_STOP, S_ZEESTRAAT


def base_grid_load():
    """MW per cluster: electricity use of reference routes in the base year / their FLH."""
    mw = defaultdict(float)
    for (s, c, svc), v in DEMAND.items():
        r = ref_route(s, svc)
        el = r.inputs.get("electricity", 0.0) * v  # PJ/yr
        mw[c] += el * 277777.8 / r.flh  # PJ -> MWh / h = MW
    for c in CLUSTERS:
        mw.setdefault(c, 0.0)
    # the dataset's reference routes carry little electricity (motors, electrolysis and lighting
    # are outside the model), so the base load is small; see README
    return dict(mw)


def write(out: Path) -> int:
    """Write grid.csv."""
    t = Table("grid")
    base_mw = base_grid_load()
    # Headroom for new modelled load before the cluster's reinforcement [estimate, see method]
    HEADROOM = {
        "rotterdam_moerdijk": (
            500,
            "Maasvlakte is outside the congestion area (ANP Dec 2024: almost all of Zuid-Holland congested, "
            "Maasvlakte, Westland and Alblasserdam excepted) and hosts the 200 MW Holland Hydrogen 1 and "
            "ELYgator electrolysers with their own high-voltage connections (400 MW); about 100 MW more "
            "assumed for the rest of the port through non-firm/time-bound transport contracts, against 570 MW "
            "of current port capacity and > 1,800 MW of requests",
        ),
        "noordzeekanaalgebied": (
            100,
            "assumed: NZKG is congested; about 100 MW of new industrial load possible through non-firm "
            "contracts before Tata's own 380 kV connection (order of one large e-boiler project)",
        ),
        "zeeland_west_brabant": (
            0,
            "none: TenneT stopped new large connections and heavier ones in Zeeland (the grid at its "
            "maximum, 3.5 GW of requests), West-Brabant full since 2022",
        ),
        "noord_nederland": (
            50,
            "Delfzijl: about 300 MW available against 665 MW of demand (CES Noord-Nederland), Groningen 110 kV "
            "full since end 2023; about 50 MW assumed through non-firm contracts and congestion management",
        ),
        "chemelot": (
            50,
            "June 2022 connection stop for Brabant and Limburg (800 MW of requests); about 50 MW assumed through "
            "congestion management and non-firm contracts before the Graetheide 380 kV station",
        ),
        "cluster6": (
            100,
            "congestion in nearly all provinces; dispersed sites connect to the distribution grid; about 100 MW "
            "assumed connectable nationwide, growing with the DSOs' reinforcements (see 2030/2035 rows)",
        ),
    }
    REINF = {
        "rotterdam_moerdijk": [
            (
                2029,
                1800,
                "3 Simonshaven transformers 2027-2029; Stedin: room around Rotterdam from 2029; the 1,800 MW of 2022 requests assumed connectable from 2029",
            )
        ],
        "chemelot": [
            (
                2033,
                500,
                "new 380 kV Graetheide station, delivery 2031-2034 (mid 2033); 500 MW of the 800 MW Brabant+Limburg requests assumed for Chemelot",
            )
        ],
        "zeeland_west_brabant": [
            (
                2026,
                100,
                "TenneT frees about 200 MW in West-Brabant for customers on the waiting list (80 MW of "
                "it to Enexis), with a new transformer at Geertruidenberg in 2026; half assumed for the "
                "cluster's industry (Bergen op Zoom), the rest for other users; Zeeland stays closed",
                S_TENNET_BRABANT_2025,
                {"low": 0, "high": 200},
            ),
            (
                2034,
                1500,
                "TenneT invests more than EUR 1bn over ten years in the Zeeland grid, complete between "
                "2033 and 2035: the middle year; 1,500 MW of the 3.5 GW requests assumed connectable "
                "then (low: 2035, high: 2033)",
                S_TENNET_ZEELAND_STOP,
            ),
        ],
        "noord_nederland": [
            (2032, 365, "new connections from 2032: Delfzijl demand 665 MW vs 300 MW available"),
            (2034, 500, "full expansion 2034; 500 MW assumed"),
        ],
        "noordzeekanaalgebied": [
            (
                2029,
                1000,
                "Tata Steel's own 380 kV customer connection (two bays) at TenneT's Zeestraat station in "
                "Wijk aan Zee, the landing of Net op zee Hollandse Kust (noord), (west Alpha) and (west Beta), "
                "onshore works completed Dec 2024 (the IJmuiden Ver links land elsewhere: Alpha at Borssele, "
                "Beta at the Maasvlakte); 1,000 MW and 2029, ahead of the stage-1 DRP/EAF, assumed",
                S_ZEESTRAAT,
            )
        ],
        "cluster6": [
            (
                2030,
                100,
                "distribution-grid reinforcements (Landelijk Actieprogramma Netcongestie): +100 MW assumed by 2030",
            ),
            (2035, 200, "+200 MW more assumed by 2035"),
        ],
    }
    for c, mw in base_mw.items():
        head, hmeth = HEADROOM[c]
        cum = mw + head
        t.add(
            "grid_capacity",
            round(cum, 1),
            "MW",
            S_GRID,
            figure_year=2025,
            estimate=True,
            method=f"base-year electricity use of the dataset's reference routes ({mw:.0f} MW = PJ/yr / full-load hours) "
            f"+ {head} MW of headroom for new load before reinforcement: {hmeth}",
            cluster=c,
            year=2025,
        )
        for y, add, note, *extra in REINF[c]:
            sources = [e for e in extra if isinstance(e, str)]
            ranges = next((e for e in extra if isinstance(e, dict)), {})
            if y - 1 > 2025:
                t.add(
                    "grid_capacity",
                    round(cum, 1),
                    "MW",
                    S_GRID,
                    estimate=True,
                    method="held until the reinforcement year",
                    cluster=c,
                    year=y - 1,
                )
            before = cum
            cum += add
            t.add(
                "grid_capacity",
                round(cum, 1),
                "MW",
                "; ".join([S_GRID, *sources]),
                figure_year=y,
                estimate=True,
                method=f"+{add} MW: {note}",
                low=round(before + ranges["low"], 1) if "low" in ranges else None,
                high=round(before + ranges["high"], 1) if "high" in ranges else None,
                cluster=c,
                year=y,
            )
    for c in CLUSTERS:
        cost = 1.0 if c == "cluster6" else 0.5
        t.add(
            "grid_expansion_cost",
            cost,
            "MEUR/MW",
            S_KB if c == "cluster6" else S_GRID,
            figure_year=2024,
            estimate=True,
            method="assumed connection + reinforcement cost charged to industry, in 2024 euros; cluster 6 doubled for distance to substations",
            low=0.3,
            high=1.5,
            cluster=c,
        )
        lt = {
            "rotterdam_moerdijk": 5,
            "noordzeekanaalgebied": 5,
            "zeeland_west_brabant": 7,
            "noord_nederland": 7,
            "chemelot": 8,
            "cluster6": 4,
        }[c]
        t.add(
            "grid_expansion_lead_time",
            lt,
            "yr",
            S_GRID,
            estimate=True,
            method="assumed years before a paid extra connection is in service, from the cluster's reinforcement timeline (cluster 6: distribution-grid connections, shorter)",
            cluster=c,
        )
    t.add(
        "grid_expansion_lifetime",
        40,
        "yr",
        S_GRID,
        estimate=True,
        method="assumption: lifetime of high-voltage connections and substations (40 yr); no TenneT figure retrieved",
    )
    return t.write(out)
