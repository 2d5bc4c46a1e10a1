"""supply.csv: biomethane supply, import limits and committed activity."""

from __future__ import annotations

import math
from pathlib import Path

from .committed import project
from .common import Table
from .routes import ROUTE_BY
from .sources import S_ARAMIS, S_ELYGATOR, S_H2GLOBAL, S_HH1, S_KB, S_POR_IMPORT, S_PORTHOS, S_RABO


def write(out: Path) -> int:
    """Write supply.csv."""
    t = Table("supply")
    for y, v, m in (
        (
            2025,
            2.0,
            "0.23 bcm national production (2022) = 7 PJ; assumed 2 PJ reachable by industry (blending obligation goes to the built environment)",
        ),
        (2030, 15.0, "2 bcm target (63 PJ at 31.65 MJ/m3) x about 25 % for industry"),
        (2035, 25.0, "assumed growth beyond the 2030 target"),
    ):
        t.add(
            "supply_limit",
            v,
            "PJ/yr",
            S_RABO,
            figure_year=y,
            estimate=True,
            method=m,
            carrier="biomethane",
            year=y,
        )
    for route, source, points in (
        (
            "hydrogen_import",
            f"{S_KB}; {S_ARAMIS}",
            (
                (2029, 0.0, "no import pipeline before 2030"),
                (2030, 5.0, "assumed first pipeline volumes (about 0.04 Mt H2)"),
                (
                    2035,
                    30.0,
                    "assumed (about 0.25 Mt H2/yr by pipeline); with hydrogen_import_ammonia the 60 PJ "
                    "(0.5 Mt H2/yr) of imports assumed before the two import routes were split",
                ),
            ),
        ),
        (
            "hydrogen_import_ammonia",
            f"{S_POR_IMPORT}; {S_H2GLOBAL}",
            (
                (
                    2029,
                    0.0,
                    "no cracker before 2030 (first ammonia deliveries 2027 are used as ammonia)",
                ),
                (2030, 5.0, "assumed first cracked volumes (about 0.04 Mt H2, 0.33 Mt NH3)"),
                (
                    2035,
                    30.0,
                    "assumed 0.25 Mt H2/yr for Dutch users: a quarter of the port's central-cracker "
                    "study (1 Mt H2/yr), the rest going on to Germany and Belgium",
                ),
            ),
        ),
    ):
        for y, v, m in points:
            t.add(
                "route_activity_limit",
                v,
                "PJ/yr",
                source,
                figure_year=y,
                estimate=True,
                method=m,
                route=route,
                year=y,
            )
    # Committed projects that run under contract or obligation [estimate: capacity x availability]
    # (the projects and their capacities: committed.py)
    porthos = project("Porthos capture at the Air Liquide and Air Products SMRs")
    hh1, elygator = project("Holland Hydrogen 1"), project("ELYgator (the part for Dutch users)")
    porthos_availability = ROUTE_BY["hydrogen_smr_ccs"].availability
    electrolysis_availability = ROUTE_BY["hydrogen_electrolysis"].availability
    committed = (
        (
            "refining_heat_high_fuel_furnace_ccs",
            ((2025, 0.0), (2026, 19.2824 * 0.9)),
            S_PORTHOS,
            "Porthos capture at the ExxonMobil and Shell refineries (existing_capacity 19.28 PJ/yr of "
            "furnace heat from 2026) runs at its availability 0.9 under its SDE++ 2020 contract (15 yr)",
        ),
        (
            "hydrogen_smr_ccs",
            ((2025, 0.0), (porthos.year, porthos.capacity * porthos_availability)),
            S_PORTHOS,
            "Porthos capture on the Air Liquide and Air Products SMRs (19.24 PJ/yr H2, build_limit 2026) "
            "runs at its availability 0.9 under its SDE++ 2020 contract (15 yr)",
        ),
        (
            "hydrogen_electrolysis",
            (
                (hh1.year, 0.0),
                (hh1.year + 1, hh1.capacity * electrolysis_availability),
                (
                    elygator.year + 1,
                    (hh1.capacity + elygator.capacity) * electrolysis_availability,
                ),
            ),
            S_HH1 + "; " + S_ELYGATOR,
            "Holland Hydrogen 1 (200 MW, 3.91 PJ/yr H2 nameplate, from 2027) and the Dutch-user part of "
            "ELYgator (1.37 PJ/yr, from 2028) run at the route's availability 0.57",
        ),
    )
    for route, points, source, method in committed:
        for y, v in points:
            # rounded down: a minimum above what the capacity can give would be infeasible
            t.add(
                "route_activity_minimum",
                math.floor(v * 1e4) / 1e4,
                "PJ/yr",
                source,
                figure_year=y,
                estimate=True,
                method=method,
                route=route,
                year=y,
            )
    return t.write(out)
