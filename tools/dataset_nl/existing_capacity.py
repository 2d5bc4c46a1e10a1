"""existing_capacity.csv: the reference stock in the base year and what is left of it in 2035."""

from __future__ import annotations

from pathlib import Path

from .calibration import TARGET
from .common import Table
from .demand import DEMAND, H2_CLUSTER
from .routes import ROUTE_BY, ref_route
from .sources import S_MIDDEN_EM, S_MIDDEN_LIFE, S_NEA24, S_PORTHOS


def write(out: Path) -> int:
    """Write existing_capacity.csv."""
    t = Table("existing_capacity")
    for (s, c, svc), v in sorted(DEMAND.items()):
        r = ref_route(s, svc)
        cap = v / r.availability
        life = r.lifetime if isinstance(r.lifetime, (int, float)) else 25
        keep = max(0.0, 1 - 10 / life)
        u = r.unit + "/yr"
        t.add(
            "existing_capacity",
            round(cap, 6),
            u,
            S_MIDDEN_EM + "; " + S_NEA24,
            figure_year=2024,
            estimate=True,
            method=f"base-year demand / availability {r.availability} so that the base year is met without investment",
            sector=s,
            cluster=c,
            route=r.label,
            year=2025,
        )
        if r.label == "refining_hydrotreating_h2":
            keep = 1.0
        t.add(
            "existing_capacity",
            round(cap * keep, 6),
            u,
            S_MIDDEN_LIFE + "; " + S_MIDDEN_EM,
            figure_year=2035,
            estimate=True,
            method=f"2025 capacity x (1 - 10 yr / {life}-yr life) = {keep:.2f} of 2025 left in 2035: linear retirement "
            "of a uniformly aged stock (ages not published); the life is the route's lifetime row",
            sector=s,
            cluster=c,
            route=r.label,
            year=2035,
        )
    for c, h in sorted(H2_CLUSTER.items()):
        r = ROUTE_BY["hydrogen_smr"]
        cap = h / r.availability
        t.add(
            "existing_capacity",
            round(cap, 6),
            "PJ/yr",
            f"{S_MIDDEN_EM}; {S_NEA24}",
            figure_year=2024,
            estimate=True,
            method=f"merchant SMR hydrogen = industrial-gases emissions {TARGET[('hydrogen', c)]:.3f} Mt / {r.net_emissions():.4f} Mt/PJ, / availability {r.availability}",
            sector="hydrogen",
            cluster=c,
            route=r.label,
            year=2025,
        )
        t.add(
            "existing_capacity",
            round(cap * 0.6, 4),
            "PJ/yr",
            S_MIDDEN_LIFE + "; " + S_MIDDEN_EM,
            figure_year=2035,
            estimate=True,
            method="2025 capacity x (1 - 10 yr / 25-yr SMR life, IEAGHG 2017) = 0.6 of 2025 left in 2035: linear "
            "retirement of a uniformly aged stock (ages not published)",
            sector="hydrogen",
            cluster=c,
            route=r.label,
            year=2035,
        )
    # Porthos capture at the ExxonMobil and Shell refinery hydrogen units (FID Oct 2023, SDE++ 2020, start 2026):
    # committed projects, so they enter as capacity standing from 2026 rather than as a model choice
    r = ROUTE_BY["refining_heat_high_fuel_furnace_ccs"]
    smr = ROUTE_BY["hydrogen_smr_ccs"]
    smr_capt = H2_CLUSTER["rotterdam_moerdijk"] * smr.gross_emissions() * smr.capture
    ref_capt = 2.5 - smr_capt
    cpu = r.gross_emissions() * r.capture
    cap = ref_capt / cpu / r.availability
    m = (
        f"Porthos 2.5 Mt/yr less the capture at the merchant SMRs of Air Liquide and Air Products ({smr_capt:.2f} Mt at "
        f"base-year output, modelled by hydrogen_smr_ccs) = {ref_capt:.2f} Mt/yr for the ExxonMobil and Shell refinery "
        f"hydrogen units; these units are inside refinery fuel in this dataset, so the capture is represented as "
        f"refinery-furnace capture: / {cpu:.4f} Mt captured per PJ / availability {r.availability}"
    )
    t.add(
        "existing_capacity",
        0.0,
        "PJ/yr",
        S_PORTHOS,
        figure_year=2025,
        estimate=True,
        method="Porthos not yet in operation",
        sector="refining",
        cluster="rotterdam_moerdijk",
        route=r.label,
        year=2025,
    )
    for y in (2026, 2035):
        t.add(
            "existing_capacity",
            round(cap, 4),
            "PJ/yr",
            S_PORTHOS,
            figure_year=2026,
            estimate=True,
            method=m + ("" if y == 2026 else "; no retirement within 15-yr Porthos contracts"),
            sector="refining",
            cluster="rotterdam_moerdijk",
            route=r.label,
            year=y,
        )
    return t.write(out)
