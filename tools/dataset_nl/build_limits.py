"""build_limits.csv: the largest new capacity of a route per cluster and year."""

from __future__ import annotations

from pathlib import Path

from .committed import ELECTROLYSIS_PJ_PER_GW, project
from .common import MW_PJ, Table, interpolate
from .demand import DEMAND, H2_CLUSTER
from .labels import CLUSTERS
from .routes import ROUTE_BY, ROUTES
from .routes_hydrogen import EL_EFF
from .sources import (
    S_ARAMIS,
    S_ASSUMPTION,
    S_ELYGATOR,
    S_HH1,
    S_KST_ELECTROLYSIS,
    S_MIDDEN_EM,
    S_MIDDEN_TC0263,
    S_MIDDEN_TC0425,
    S_MONOLITH,
    S_OFFSHORE_H2,
    S_PACE,
    S_PORTHOS,
    S_PYRO_BASF,
    S_SDE_2022,
    S_SDE_HEKJES,
    S_TATA_GS,
    S_YARA_NL,
)

# National pace of new capacity per heat technology, MW of useful heat per year [estimate].
# Allocated to (cluster, route) in proportion to demand x potential of the route's cell.
HEAT_PACE = {
    "e_boiler": (
        {2025: 150, 2027: 300, 2030: 600, 2035: 800},
        "national e-boiler pace assumed 150 MW/yr (2025) rising to 600 (2030) and 800 (2035): the "
        "Routekaart's >= 30 TWh extra industrial electricity by 2030 would mean about 3.4 GW, i.e. 400-700 MW/yr "
        "if spread over 2025-2035; the early years are held lower for connection queues and the SDE++ round cycle",
    ),
    "hybrid_e_boiler": (
        {2025: 150, 2027: 300, 2030: 600, 2035: 800},
        "national pace of flexible (hybrid) e-boilers on non-firm contracts assumed equal to the e-boiler "
        "pace (150 MW/yr in 2025 rising to 600 in 2030 and 800 in 2035): the same installers build both, and "
        "a time-bound transport right is granted from the room the grid has outside its peak (TenneT TDTR), "
        "not from the queue for firm capacity; no published pace of non-firm industrial connections was "
        "retrieved",
    ),
    "heat_pump": (
        {2025: 50, 2027: 100, 2030: 200, 2035: 300},
        "national pace of large industrial heat pumps (MVR/closed cycle) assumed 50 MW_th/yr (2025) rising to "
        "200 (2030) and 300 (2035): typical projects are 1-20 MW_th and need site-specific integration; the "
        "SDE++ 'grootschalige warmtepompen' category is young (PBL conceptadvies 2021)",
    ),
    "electric_furnace": (
        {2027: 20, 2030: 60, 2035: 150},
        "national pace of electric furnaces/kilns (hybrid glass melters, electric kilns, electric process "
        "heaters) assumed 20 MW_th/yr (2027) rising to 60 (2030) and 150 (2035): first-of-a-kind units "
        "in most sectors (Navigant 2019 via MIDDEN TC0264)",
    ),
    "h2_boiler": (
        {2027: 50, 2030: 150, 2035: 300},
        "national pace of hydrogen boiler retrofits assumed 50 MW_th/yr (2027), 150 (2030), 300 (2035), only "
        "in clusters with hydrogen pipeline access (see H2_ACCESS)",
    ),
    "h2_furnace": (
        {2027: 50, 2030: 150, 2035: 300},
        "national pace of hydrogen burner retrofits on furnaces assumed 50 MW_th/yr (2027), 150 (2030), "
        "300 (2035), only in clusters with hydrogen pipeline access (see H2_ACCESS)",
    ),
}
# First year with hydrogen by pipeline per cluster [estimate]
H2_ACCESS = {
    "rotterdam_moerdijk": 2027,
    "noord_nederland": 2030,
    "zeeland_west_brabant": 2031,
    "noordzeekanaalgebied": 2031,
    "chemelot": 2033,
    "cluster6": 2033,
}
H2_ACCESS_METHOD = (
    "hydrogen by pipeline assumed from: Rotterdam 2027 (port pipeline HyTransPort with Holland "
    "Hydrogen 1, end 2026), Noord-Nederland 2030 (first backbone section with Eemshaven/Delfzijl), "
    "Zeeland and NZKG 2031, Chemelot and cluster 6 2033 (completion of the national backbone, "
    "delayed to about 2033; exact section dates not retrieved)"
)
# New post-combustion capture per year, Mt CO2/yr of capture capacity, national [estimate]
CCS_PACE = (
    {2031: 1.5, 2035: 2.0},
    "national pace of new post-combustion capture (heat routes and crackers) assumed 1.5 Mt CO2/yr of capture "
    "capacity per year from 2031, 2.0 by 2035: Aramis (ready 2030) is filled in phases of a few capture "
    "projects of 0.3-1 Mt each (8 Aramis-linked projects got SDE++ in 2022, together about 4.6 Mt/yr of all "
    "SDE++ 2022 reductions); allocated over clusters with CO2 transport (Rotterdam, Zeeland by ship, NZKG, "
    "Chemelot/Noord-Nederland by ship or rail within their 0.5 potential)",
)
HEAT_YEARS = [2025, 2027, 2030, 2035]


def _cells(route):
    """(cluster, weight) of a route: base-year demand of its cell x its potential."""
    out = {}
    for (s, c, svc), d in DEMAND.items():
        if s == route.sector and svc == route.service:
            pot = route.potential.get(c, route.potential.get("", 1.0))
            pot = 1.0 if pot is None else pot
            if d * pot > 0:
                out[c] = d * pot
    return out


#: The heat paces are assumptions: the Routekaart bounds the total, the SDE++ hekje the money
PACE_SOURCES = f"{S_ASSUMPTION}; {S_PACE}; {S_SDE_HEKJES}"
HEAT_PACE_SPREAD = (0.5, 2.0)  # low and high as factors of the assumed pace
CCS_PACE_SPREAD = (0.5, 1.5)


class Limits:
    """The rows of build_limits.csv and the one way they are added."""

    def __init__(self):
        self.table = Table("build_limits")

    def __call__(
        self,
        route,
        cluster,
        year,
        value,
        unit,
        source,
        method,
        figure_year=None,
        est=True,
        note="",
        spread=None,
    ):
        """``spread``: (low, high) as factors of ``value`` for a row that is an assumption."""
        self.table.add(
            "build_limit",
            round(value, 5),
            unit,
            source,
            figure_year=figure_year,
            estimate=est,
            method=method,
            note=note,
            low=None if spread is None else round(value * spread[0], 5),
            high=None if spread is None else round(value * spread[1], 5),
            cluster=cluster,
            route=route,
            year=year,
        )


def _heat_limits(add: Limits) -> None:
    """Heat technologies: a national pace shared by demand x potential."""
    for tech, (pace, meth) in HEAT_PACE.items():
        routes = [
            r
            for r in ROUTES
            if r.label.endswith("_" + tech) and not (tech == "e_boiler" and "_hybrid_" in r.label)
        ]
        cells = [(r, c, w) for r in routes for c, w in _cells(r).items()]
        total = sum(w for _, _, w in cells)
        for r, c, w in cells:
            share = w / total
            start = max(r.first_year, H2_ACCESS[c] if tech.startswith("h2_") else r.first_year)
            years = sorted({y for y in HEAT_YEARS + list(pace) if y >= start} | {start})
            m = (
                f"assumption (no published pace per technology): {meth}; low: half, high: twice the "
                f"pace; share of this cell {share:.4f} = its base-year demand x potential over all "
                f"{tech} cells; MW x {MW_PJ:.5f} PJ/yr per MW"
            )
            if tech.startswith("h2_"):
                m += "; " + H2_ACCESS_METHOD
                if start > r.first_year:
                    add(r.label, c, start - 1, 0.0, "PJ/yr", PACE_SOURCES, m)
            for y in years:
                value = interpolate(pace, y) * share * MW_PJ
                add(r.label, c, y, value, "PJ/yr", PACE_SOURCES, m, spread=HEAT_PACE_SPREAD)


def _capture_limits(add: Limits) -> None:
    """Post-combustion capture (heat routes and crackers): a national pace in Mt CO2 captured."""
    ccs_routes = [r for r in ROUTES if r.rclass == "ccs" and r.sector not in ("steel",)]
    cells = []
    for r in ccs_routes:
        cap_per_unit = r.gross_emissions() * r.capture  # Mt CO2 (or t/t) captured per output unit
        for c, w in _cells(r).items():
            if c == "cluster6":
                continue
            cells.append((r, c, w * cap_per_unit, cap_per_unit))
    total = sum(w for _, _, w, _ in cells)
    pace, meth = CCS_PACE
    for r, c, w, cpu in cells:
        share = w / total
        m = (
            f"assumption: {meth}; low: half, high: 1.5 times the pace; share of this cell {share:.4f} "
            f"= captured CO2 if fully converted; / {cpu:.4f} Mt CO2 captured per {r.unit}"
        )
        for y in (2031, 2035):
            add(
                r.label,
                c,
                y,
                interpolate(pace, y) * share / cpu,
                r.unit + "/yr",
                f"{S_ASSUMPTION}; {S_ARAMIS}; {S_SDE_2022}",
                m,
                spread=CCS_PACE_SPREAD,
            )


def _cracker_limits(add: Limits) -> None:
    """Hydrogen-fired crackers: furnace conversion pace."""
    for c, _w in _cells(ROUTE_BY["petrochemicals_h2_cracker"]).items():
        add(
            "petrochemicals_h2_cracker",
            c,
            2032,
            0.3,
            "Mt/yr",
            S_MIDDEN_TC0263,
            "conversion of at most 0.3 Mt HVC/yr of furnace capacity per cluster per year (about a third of the furnaces of a "
            "world-scale cracker), furnace by furnace during turnarounds, after a first demonstration",
        )


def _steel_limits(add: Limits) -> None:
    """Steel (Tata Steel IJmuiden)."""
    nz = "noordzeekanaalgebied"
    add(
        "steel_h2_dri_eaf",
        nz,
        2031,
        3.0,
        "Mt/yr",
        S_TATA_GS,
        "Green Steel stage 1: one DRP + one EAF replacing BF7, EAF about 3 Mt/yr (Fastmarkets market estimate)",
        figure_year=2030,
    )
    add(
        "steel_h2_dri_eaf",
        nz,
        2032,
        0.0,
        "Mt/yr",
        S_TATA_GS,
        "stage 2 (closure of BF6) is planned between 2030 and 2045 without a date; no second DRP/EAF assumed before 2036",
    )
    add(
        "steel_h2_dri_eaf", nz, 2035, 0.0, "Mt/yr", S_TATA_GS, "held at 0 (stage 2 not before 2036)"
    )
    for y in (2030, 2035):
        add(
            "steel_bf_bof_ccs",
            nz,
            y,
            0.0,
            "Mt/yr",
            S_TATA_GS,
            "Tata's chosen route is DRI-EAF; no top-gas-recycling/CCS blast-furnace project is planned",
        )


def _ammonia_limits(add: Limits) -> None:
    """Ammonia: Yara's capture and the first electrolyser-fed lines."""
    zwb, chem = "zeeland_west_brabant", "chemelot"
    nh3_cap_t = ROUTE_BY["ammonia_smr_ccs"].gross_emissions() * ROUTE_BY["ammonia_smr_ccs"].capture
    yara = project("Yara Sluiskil capture for Northern Lights")
    add(
        "ammonia_smr_ccs",
        zwb,
        yara.year,
        yara.capacity,
        "Mt/yr",
        S_YARA_NL,
        f"800 kt CO2/yr captured at Yara Sluiskil / {nh3_cap_t:.3f} t CO2 captured per t NH3 in the route",
        figure_year=2026,
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2027,
        0.0,
        "Mt/yr",
        S_YARA_NL,
        "no further capture project announced before Aramis",
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2030,
        0.0,
        "Mt/yr",
        S_YARA_NL,
        "no further capture project announced before Aramis",
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2031,
        0.3,
        "Mt/yr",
        S_ARAMIS,
        "a second capture/liquefaction train by ship to Aramis assumed possible from 2031: 0.3 Mt NH3/yr per year (about 0.35 Mt CO2)",
    )
    for y in (2026, 2035):
        add(
            "ammonia_smr_ccs",
            chem,
            y,
            0.0,
            "Mt/yr",
            S_ARAMIS,
            "no CO2 transport from Chemelot before 2036: Aramis takes CO2 by pipeline in Rotterdam and by ship; the "
            "Delta Rhine Corridor CO2 pipeline is not decided",
        )
    for c in (zwb, chem):
        add(
            "ammonia_h2",
            c,
            2030,
            0.1,
            "Mt/yr",
            S_HH1 + "; " + S_ELYGATOR,
            "one electrolyser-fed ammonia line per cluster per year at most: 0.1 Mt NH3/yr = 17.8 kt H2/yr, "
            "about 150-250 MW of electrolysis, the size of the first 200 MW projects (Holland Hydrogen 1, ELYgator)",
        )


def _hydrogen_limits(add: Limits) -> None:
    """Hydrogen production: Porthos, grey replacement, ATR+CCS and electrolysis."""
    rm = "rotterdam_moerdijk"
    porthos = project("Porthos capture at the Air Liquide and Air Products SMRs")
    smr_rm = porthos.capacity
    add(
        "hydrogen_smr_ccs",
        rm,
        porthos.year,
        smr_rm,
        "PJ/yr",
        S_PORTHOS,
        f"Porthos capture at the Air Liquide and Air Products SMRs: at most the whole merchant SMR capacity of the cluster "
        f"({smr_rm:.1f} PJ/yr), retrofitted for the 2026 start",
        figure_year=2026,
    )
    add(
        "hydrogen_smr_ccs",
        rm,
        2027,
        0.0,
        "PJ/yr",
        S_PORTHOS,
        "Porthos is fully contracted; new blue hydrogen after 2027 is ATR+CCS (Aramis)",
    )
    add("hydrogen_smr_ccs", rm, 2035, 0.0, "PJ/yr", S_PORTHOS, "held at 0")
    for c in CLUSTERS:
        if c != rm:
            add(
                "hydrogen_smr_ccs",
                c,
                2026,
                0.0,
                "PJ/yr",
                S_PORTHOS,
                "no Porthos contract outside Rotterdam",
            )
            add(
                "hydrogen_smr_ccs",
                c,
                2035,
                0.0,
                "PJ/yr",
                S_PORTHOS,
                "no Porthos contract outside Rotterdam",
            )
    # grey SMR: like-for-like replacement of the retiring merchant stock only
    for c in CLUSTERS:
        cap = H2_CLUSTER.get(c, 0.0) / ROUTE_BY["hydrogen_smr"].availability
        rate = cap * 0.4 / 10
        m = (
            f"no new grey hydrogen plant is announced (ETS + CBAM on hydrogen); new SMR capacity only replaces the retiring "
            f"merchant stock: 40 % of {cap:.2f} PJ/yr over 10 yr = {rate:.3f} PJ/yr per year"
        )
        for y in (2025, 2035):
            add("hydrogen_smr", c, y, rate, "PJ/yr", S_MIDDEN_EM, m)
    atr_pj = 0.5 * 1000 * MW_PJ
    for c in CLUSTERS:
        if c == rm:
            add(
                "hydrogen_atr_ccs",
                c,
                2031,
                atr_pj,
                "PJ/yr",
                f"{S_MIDDEN_TC0425}; {S_ARAMIS}",
                f"at most 0.5 GW H2 of ATR+CCS per year ({atr_pj:.2f} PJ/yr), i.e. the 2.4 GW H-Vision design built in "
                "phases over about five years; only Rotterdam has Aramis pipeline access",
            )
        else:
            add(
                "hydrogen_atr_ccs",
                c,
                2031,
                0.0,
                "PJ/yr",
                S_ARAMIS,
                "no CO2 pipeline for a large ATR outside Rotterdam",
            )
    el = ELECTROLYSIS_PJ_PER_GW
    hh1, elygator = project("Holland Hydrogen 1"), project("ELYgator (the part for Dutch users)")
    add(
        "hydrogen_electrolysis",
        rm,
        2025,
        0.0,
        "PJ/yr",
        S_HH1,
        "Holland Hydrogen 1 not yet in operation",
    )
    add(
        "hydrogen_electrolysis",
        rm,
        hh1.year,
        hh1.capacity,
        "PJ/yr",
        S_HH1,
        f"Holland Hydrogen 1, 200 MW_e x 0.62 = {0.2 * el:.2f} PJ/yr H2",
        figure_year=2026,
    )
    add(
        "hydrogen_electrolysis",
        rm,
        elygator.year,
        elygator.capacity,
        "PJ/yr",
        S_ELYGATOR,
        "ELYgator 200 MW_e, of which 130 MW is contracted for TotalEnergies Antwerp (outside NL): 70 MW for NL users",
        figure_year=2027,
    )
    add(
        "hydrogen_electrolysis",
        rm,
        2028,
        0.0,
        "PJ/yr",
        S_HH1 + "; " + S_ELYGATOR,
        "no further FID as of 2025 (HH1 and ELYgator are the projects with FID); 2-3 yr construction",
    )
    for c, mw in (
        ("rotterdam_moerdijk", 250),
        ("noord_nederland", 100),
        ("zeeland_west_brabant", 100),
        ("noordzeekanaalgebied", 50),
        ("chemelot", 0),
        ("cluster6", 0),
    ):
        if c != rm:
            add(
                "hydrogen_electrolysis",
                c,
                2025,
                0.0,
                "PJ/yr",
                S_HH1 + "; " + S_ELYGATOR,
                "no electrolyser above 20 MW with FID in the cluster as of 2025 (the FIDs are HH1 and ELYgator, "
                "both in Rotterdam)",
            )
            add(
                "hydrogen_electrolysis",
                c,
                2028,
                0.0,
                "PJ/yr",
                S_HH1 + "; " + S_ELYGATOR,
                "no electrolyser above 20 MW with FID in the cluster as of 2025 (the FIDs are HH1 and ELYgator, "
                "both in Rotterdam)",
            )
        add(
            "hydrogen_electrolysis",
            c,
            2029,
            mw * el / 1000,
            "PJ/yr",
            f"{S_KST_ELECTROLYSIS}; {S_HH1}",
            f"{mw} MW_e per year from 2029 (decisions from 2026 on; national 500 MW/yr, well below the 3-4 GW 2030 target, "
            "which no current FID pipeline supports); Chemelot and cluster 6 have no hydrogen network before 2033",
        )


def write(out: Path) -> int:
    """Write build_limits.csv."""
    add = Limits()
    _heat_limits(add)
    _capture_limits(add)
    _cracker_limits(add)
    _steel_limits(add)
    _ammonia_limits(add)
    _hydrogen_limits(add)
    _hydrogen_technique_limits(add)
    return add.table.write(out)


def _hydrogen_technique_limits(add):
    """Build limits of methane pyrolysis and offshore-wind electrolysis [estimates]."""
    pace = (
        "first commercial plant of about 100 MW H2 (the size of Monolith's Olive Creek 2, about 250 MW, "
        "halved for a first Dutch unit) in Rotterdam in 2031, none in 2032 while it runs in, then at most "
        "100 MW H2 a year per cluster with a hydrogen network"
    )
    pj = 100 * MW_PJ
    for c in CLUSTERS:
        if c == "cluster6":
            continue
        first = 2031 if c == "rotterdam_moerdijk" else 2033
        points = {2031: pj if first == 2031 else 0.0, 2032: 0.0, 2033: pj, 2035: pj}
        for y, v in points.items():
            add(
                "hydrogen_pyrolysis",
                c,
                y,
                v,
                "PJ/yr",
                f"{S_PYRO_BASF}; {S_MONOLITH}",
                f"{pace}; {v / MW_PJ:.0f} MW x {MW_PJ:.5f} PJ/yr per MW; {H2_ACCESS_METHOD}",
            )
    nn = "noord_nederland"
    for y, mw, m in (
        (2030, 40, "the first offshore demonstration, 30-50 MW_e (RVO 2025)"),
        (2031, 0, "none while the demonstration runs in"),
        (
            2032,
            500,
            "the 500 MW_e project in Ten noorden van de Waddeneilanden (planned about 2031)",
        ),
        (2033, 0, "no further offshore hydrogen decided"),
        (2034, 500, "assumed: one further 500 MW_e tender a year from 2034 (no decision yet)"),
        (2035, 500, "assumed: one further 500 MW_e tender a year from 2034 (no decision yet)"),
    ):
        add(
            "hydrogen_offshore_electrolysis",
            nn,
            y,
            mw * EL_EFF * MW_PJ,
            "PJ/yr",
            S_OFFSHORE_H2,
            f"{m}: {mw} MW_e x {EL_EFF} MW H2 per MW_e x {MW_PJ:.5f} PJ/yr per MW",
        )
