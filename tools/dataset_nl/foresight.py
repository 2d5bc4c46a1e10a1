"""foresight.csv: what the projection reading needs beyond the plan's data.

- ``lead_time`` per route: years from the decision that starts a project (final investment
  decision, with the permits it needs) to the first year the new capacity runs. Set per
  technology; where a Dutch project shows the span, the row names it; otherwise the row is an
  assumption with a range.
- ``committed_build``: the projects already decided (``committed.py``), which lead times do not
  hold back. Written for every year from the first model year to the last year a lead time
  can hold back (linear interpolation between rows would otherwise spread a one-year build
  over the years around it).
- ``hurdle_rate`` per sector: the rate at which firms annuitise investments when
  ``foresight: {hurdle_rates: true}``, above the dataset's discount rate.

None of these changes the plan (``foresight: perfect`` without lead times or hurdle rates).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .committed import PROJECTS
from .common import Table
from .labels import SECTORS
from .routes import ROUTES
from .sources import (
    S_AIR_PRODUCTS_FID,
    S_ARAMIS,
    S_ASSUMPTION,
    S_ECB_TARGET,
    S_ELYGATOR,
    S_HH1,
    S_KB,
    S_MIDDEN_TC0446,
    S_MIDDEN_TC0474,
    S_NEA_2022_SITES,
    S_OFFSHORE_H2,
    S_PAYBACK_RULE,
    S_PORTHOS,
    S_PORTHOS_TIMELINE,
    S_PYRO_BASF,
    S_SDE_FINANCE_2021,
    S_TATA_GS,
    S_YARA_NL,
)

#: The first model year of the dataset's scenarios: committed builds are written from it.
FIRST_MODEL_YEAR = 2025


@dataclass(frozen=True)
class LeadTime:
    """Lead time of a technology, years, with its range and what it rests on."""

    years: int
    low: int
    high: int
    source: str
    method: str
    estimate: bool = True


CAPTURE = LeadTime(
    4,
    3,
    6,
    f"{S_PORTHOS_TIMELINE}; {S_AIR_PRODUCTS_FID}; {S_ARAMIS}",
    "post-combustion capture at an existing plant: the Porthos capture projects took their FIDs in "
    "2023 and run from 2026 (3 years), after permits and court rulings that moved the planned start "
    "from 2024/25 to 2026 (one more year); Aramis: FID 2026, first CO2 2030",
)
HEAT_ELECTRIC = LeadTime(
    2,
    1,
    4,
    S_ASSUMPTION,
    "assumption: an electrode boiler or heat pump of tens of MW is delivered and installed in 1-2 "
    "years; the grid connection, which takes longer in congested clusters, is the grid constraint's "
    "part, not the lead time's",
)
BURNER = LeadTime(
    1,
    0,
    2,
    f"{S_MIDDEN_TC0446}; {S_MIDDEN_TC0474}",
    "a burner change on the standing boiler or furnace (biomethane is the same gas, hydrogen burners "
    "are a retrofit in MIDDEN): a maintenance stop ordered a year ahead",
)
REPLACEMENT = LeadTime(
    0,
    0,
    2,
    S_ASSUMPTION,
    "assumption: new capacity of the reference route replaces stock the dataset retires linearly "
    "(ages are not published) on a permitted site: a life extension, relining or like-for-like boiler "
    "that maintenance plans foresee, so no decision is held back; high: ordered two years ahead",
)
IMPORT = LeadTime(
    0,
    0,
    1,
    S_NEA_2022_SITES,
    "closing a line and buying the product is a contract: in 2022 Dutch ammonia and chemical plants "
    "cut output within the year gas prices rose (NEa); hydrogen import infrastructure has its own dates "
    "(first_year, route_activity_limit)",
)

#: Lead times of the routes whose technology is not told by their route class alone.
BY_ROUTE: dict[str, LeadTime] = {
    "hydrogen_smr_ccs": LeadTime(
        3,
        2,
        4,
        f"{S_AIR_PRODUCTS_FID}; {S_PORTHOS}",
        "capture on a standing SMR: Air Products' FID (Nov 2023) to Porthos' start (2026)",
        estimate=False,
    ),
    "ammonia_smr_ccs": LeadTime(
        3,
        2,
        4,
        S_YARA_NL,
        "capture and liquefaction at a standing ammonia plant: Yara's binding agreement with Northern "
        "Lights (Nov 2023) to the first shipments (2026)",
        estimate=False,
    ),
    "hydrogen_electrolysis": LeadTime(
        4,
        3,
        5,
        f"{S_HH1}; {S_ELYGATOR}",
        "a 200 MW electrolyser: Holland Hydrogen 1 FID July 2022 to its first full year 2027 (4.5 "
        "years); ELYgator FID July 2025 to operation end 2027 (2.5 years)",
        estimate=False,
    ),
    "hydrogen_offshore_electrolysis": LeadTime(
        7,
        5,
        9,
        S_OFFSHORE_H2,
        "the government's 500 MW offshore electrolysis plan (March 2023) runs about 2031, after a "
        "tender in 2026 or 2027: 8 years from plan to operation, 5 from a tender",
    ),
    "hydrogen_atr_ccs": LeadTime(
        5,
        4,
        6,
        f"{S_ASSUMPTION}; {S_ARAMIS}",
        "assumption: a new large reformer with capture (H-Vision's design): permits and FID, then "
        "3-4 years of construction, as Porthos' capture projects plus a new plant",
    ),
    "hydrogen_pyrolysis": LeadTime(
        5,
        4,
        7,
        f"{S_ASSUMPTION}; {S_PYRO_BASF}",
        "assumption: a first-of-a-kind plant (methane pyrolysis is at demonstration scale, BASF and "
        "ExxonMobil 2025)",
    ),
    "steel_h2_dri_eaf": LeadTime(
        5,
        4,
        6,
        S_TATA_GS,
        "Tata Steel's stage 1 (a DRP and an EAF) was announced in 2024 for 'as soon as 2030', without an "
        "FID by 2026: about 5 years from a decision to operation",
    ),
    "steel_scrap_eaf": LeadTime(
        4,
        3,
        5,
        f"{S_ASSUMPTION}; {S_TATA_GS}",
        "assumption: an EAF without the DRP, one year less than stage 1",
    ),
    "steel_bf_bof_ccs": CAPTURE,
    "ammonia_h2": LeadTime(
        4,
        3,
        5,
        f"{S_ASSUMPTION}; {S_HH1}",
        "assumption: an electrolyser-fed ammonia line takes as long as its electrolyser (Holland "
        "Hydrogen 1: 4.5 years)",
    ),
    "petrochemicals_cracker_ccs": CAPTURE,
    "petrochemicals_h2_cracker": LeadTime(
        5,
        4,
        6,
        S_ASSUMPTION,
        "assumption: furnace conversion at a cracker turnaround (every 5-6 years) with a hydrogen supply",
    ),
    "petrochemicals_e_cracker": LeadTime(
        6,
        5,
        8,
        S_ASSUMPTION,
        "assumption: electric cracking furnaces are at pilot scale; a commercial furnace after a first "
        "demonstration",
    ),
}

#: Lead times by the technology a heat route's label ends with.
BY_SUFFIX: dict[str, LeadTime] = {
    "_ccs": CAPTURE,
    "_e_boiler": HEAT_ELECTRIC,
    "_heat_pump": HEAT_ELECTRIC,
    "_electric_furnace": LeadTime(
        3,
        2,
        5,
        S_ASSUMPTION,
        "assumption: an electric furnace replaces a fired furnace at its rebuild (a new furnace, not a "
        "burner change): 2-3 years from order to the first campaign",
    ),
    "_biomethane_boiler": BURNER,
    "_biomethane_furnace": BURNER,
    "_h2_boiler": BURNER,
    "_h2_furnace": BURNER,
}


def lead_time(route) -> LeadTime:
    """The lead time of a route: by label, by technology, else by route class."""
    if route.label in BY_ROUTE:
        return BY_ROUTE[route.label]
    if route.rclass == "import":
        return IMPORT
    if route.rclass == "reference":
        return REPLACEMENT
    for suffix, lead in BY_SUFFIX.items():
        if route.label.endswith(suffix):
            return lead
    raise KeyError(f"no lead time for route {route.label!r}")


#: Real hurdle rate, 1/yr: PBL's required return on equity of the SDE++ categories with higher
#: risk (heat pumps, e-boilers, hydrogen, CCS, new industry options), 15 % nominal, deflated
#: with the 2 % inflation the dataset assumes after 2025.
INFLATION = 0.02
HURDLE = round(1.15 / (1 + INFLATION) - 1, 4)
HURDLE_LOW = round(1.11 / (1 + INFLATION) - 1, 4)


def _payback_rate(payback: float, lifetime: int) -> float:
    """The rate at which an investment paid back in ``payback`` years returns over ``lifetime``."""
    low, high = 0.0, 1.0
    for _ in range(60):
        rate = (low + high) / 2
        annuity = rate / (1 - (1 + rate) ** -lifetime)
        low, high = (rate, high) if annuity < 1 / payback else (low, rate)
    return (low + high) / 2


HURDLE_HIGH = round((1 + _payback_rate(5, 20)) / (1 + INFLATION) - 1, 4)


def write(out: Path) -> int:
    """Write foresight.csv."""
    t = Table("foresight")
    for route in ROUTES:
        lead = lead_time(route)
        t.add(
            "lead_time",
            lead.years,
            "yr",
            lead.source,
            estimate=lead.estimate,
            method=lead.method,
            low=lead.low,
            high=lead.high,
            route=route.label,
        )
    _committed(t)
    for sector in SECTORS:
        t.add(
            "hurdle_rate",
            HURDLE,
            "1/yr",
            f"{S_SDE_FINANCE_2021}; {S_ECB_TARGET}; {S_PAYBACK_RULE}",
            estimate=True,
            method=(
                f"real required return on equity: PBL's 15 % nominal for the SDE++ categories with "
                f"higher operational or policy risk (heat pumps, e-boilers, hydrogen, CCS, new industry "
                f"options) / (1 + {INFLATION:.0%} inflation) - 1 = {HURDLE:.4f}; one rate for every "
                "sector, as no sector's own figure was found; low: 11 % nominal (PBL's average-risk "
                f"categories) = {HURDLE_LOW:.4f}; high: a five-year payback (the Activiteitenbesluit's "
                f"line for energy saving) on a 20-year asset, real = {HURDLE_HIGH:.4f}"
            ),
            low=HURDLE_LOW,
            high=HURDLE_HIGH,
            sector=sector,
            note="used with foresight: {hurdle_rates: true} instead of the discount rate (0.08)",
        )
    return t.write(out)


def _committed(t: Table) -> None:
    """committed_build rows: per route and cluster with a decided project, the capacity built
    each year from the first model year to the later of the last year its lead time holds back
    and its last project (0 in the years between, so that rows do not interpolate)."""
    route_by = {r.label: r for r in ROUTES}
    cells = sorted({(p.route, p.cluster) for p in PROJECTS})
    for route_label, cluster in cells:
        route = route_by[route_label]
        projects = [p for p in PROJECTS if (p.route, p.cluster) == (route_label, cluster)]
        last = max(FIRST_MODEL_YEAR + lead_time(route).years - 1, *(p.year for p in projects))
        for year in range(FIRST_MODEL_YEAR, last + 1):
            built = [p for p in projects if p.year == year]
            t.add(
                "committed_build",
                round(sum(p.capacity for p in built), 5),  # as build_limits.csv rounds
                route.unit + "/yr",
                "; ".join(p.source for p in built)
                if built
                else "; ".join(dict.fromkeys(p.source for p in projects)),
                estimate=False,
                method="; ".join(p.note for p in built),
                cluster=cluster,
                route=route_label,
                year=year,
                note="; ".join(f"{p.name}, decided {p.decided}" for p in built)
                or "no decided project of the route in the cluster comes online this year",
            )
    # Tata's stage 1 is planned, not decided: no committed build (see committed.py)
    t.add(
        "committed_build",
        0.0,
        "Mt/yr",
        f"{S_TATA_GS}; {S_KB}",
        estimate=False,
        cluster="noordzeekanaalgebied",
        route="steel_h2_dri_eaf",
        year=FIRST_MODEL_YEAR,
        note="Green Steel stage 1 has a Joint Letter of Intent with the State and no final "
        "investment decision (2026 letter): not committed",
    )
