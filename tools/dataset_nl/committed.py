"""The projects already decided: one list that build limits, committed activity and committed
builds read, so the three never disagree.

A project here had its final investment decision (or a binding contract) before the model's
first year, or in it, and comes online in its ``year``. Three files use the list:

- ``build_limits.csv``: the project's capacity is the largest build of its route and cluster
  in its year (no other project of that route is decided);
- ``supply.csv``: ``route_activity_minimum``, where the project runs under a contract
  (Porthos capture under SDE++, the electrolysers under their offtake);
- ``foresight.csv``: ``committed_build``, the build that lead times do not hold back
  (``foresight: {lead_times: true}``).

Not in the list, and why:

- Porthos capture at the ExxonMobil and Shell refineries is ``existing_capacity`` from 2026
  (capacity in place, not a new build);
- Tata Steel's Green Steel stage 1 (a DRP and an EAF, "as soon as 2030"): a Joint Letter of
  Intent with the State (2024, named in the 2026 letter) and no final investment decision;
- Reju's textile-recycling plant (NIKI 2025, EUR 135 M): not a route of the model; its award
  is a committed NIKI draw in ``subsidies.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import MW_PJ
from .demand import H2_CLUSTER
from .routes import ROUTE_BY
from .sources import S_AIR_PRODUCTS_FID, S_ELYGATOR, S_HH1, S_PORTHOS, S_YARA_NL

#: PJ/yr of hydrogen (LHV) per GW of electrolyser input at 62 % efficiency
ELECTROLYSIS_PJ_PER_GW = 1000 * MW_PJ * 0.62


@dataclass(frozen=True)
class Project:
    """A decided project: new capacity of a route in a cluster from a year."""

    name: str
    route: str
    cluster: str
    #: the year the new capacity is built (the build_limit year; it runs from then or the
    #: year after, as its activity minimum says)
    year: int
    #: new capacity, the route's output unit per year
    capacity: float
    #: the year of the final investment decision or binding contract
    decided: int
    source: str
    note: str


def _porthos_smr() -> Project:
    rm = "rotterdam_moerdijk"
    capacity = H2_CLUSTER[rm] / ROUTE_BY["hydrogen_smr"].availability
    return Project(
        "Porthos capture at the Air Liquide and Air Products SMRs",
        "hydrogen_smr_ccs",
        rm,
        2026,
        capacity,
        2023,
        f"{S_PORTHOS}; {S_AIR_PRODUCTS_FID}",
        f"the whole merchant SMR capacity of the cluster ({capacity:.1f} PJ/yr H2) retrofitted for "
        "Porthos; Porthos FID Oct 2023, Air Products' capture FID Nov 2023",
    )


def _yara_capture() -> Project:
    route = ROUTE_BY["ammonia_smr_ccs"]
    captured_per_t = route.gross_emissions() * route.capture
    return Project(
        "Yara Sluiskil capture for Northern Lights",
        "ammonia_smr_ccs",
        "zeeland_west_brabant",
        2026,
        0.8 / captured_per_t,
        2023,
        S_YARA_NL,
        f"800 kt CO2/yr captured at Yara Sluiskil / {captured_per_t:.3f} t CO2 captured per t NH3 "
        "in the route; binding agreement with Northern Lights Nov 2023",
    )


PROJECTS: tuple[Project, ...] = (
    _porthos_smr(),
    Project(
        "Holland Hydrogen 1",
        "hydrogen_electrolysis",
        "rotterdam_moerdijk",
        2026,
        0.2 * ELECTROLYSIS_PJ_PER_GW,
        2022,
        S_HH1,
        f"200 MW_e x 0.62 = {0.2 * ELECTROLYSIS_PJ_PER_GW:.2f} PJ/yr H2; FID July 2022, opening "
        "planned end 2026",
    ),
    Project(
        "ELYgator (the part for Dutch users)",
        "hydrogen_electrolysis",
        "rotterdam_moerdijk",
        2027,
        0.07 * ELECTROLYSIS_PJ_PER_GW,
        2025,
        S_ELYGATOR,
        "200 MW_e, of which 130 MW is contracted for TotalEnergies Antwerp (outside NL): 70 MW for NL "
        "users; FID July 2025, operational end 2027",
    ),
    _yara_capture(),
)


def project(name: str) -> Project:
    """The project called ``name``."""
    return next(p for p in PROJECTS if p.name == name)
