"""co2.csv: CO2 storage, transport and storage tariff, the national CO2 levy."""

from __future__ import annotations

from pathlib import Path

from .calibration import TARGET
from .common import Table
from .sources import (
    S_ARAMIS,
    S_ARAMIS_DELAY,
    S_BP2026_LEVY,
    S_MIDDEN_TC0478,
    S_NEA_DPR,
    S_PORTHOS,
    S_YARA_NL,
)

# National CO2 levy on industry (ETS1 installations): rate per year, EUR/t
LEVY_RATE = (
    (
        2025,
        87.90,
        S_BP2026_LEVY,
        False,
        "",
    ),
    (
        2026,
        78.67,
        S_BP2026_LEVY,
        False,
        "",
    ),
    (
        2030,
        78.67,
        S_BP2026_LEVY,
        True,
        "EUR 78.67 from 2026 up to and including 2030 (Belastingplan 2026); held after 2030 (no later rate set)",
    ),
)
# Reduction factor of the dispensation rights: 1.213 in 2023 less 0.078 a year (Belastingplan 2023),
# raised in 2026 and held constant after (Belastingplan 2026; the new value was not retrieved)
LEVY_DISPENSATION_FACTOR = (
    (2025, 1.213 - 2 * 0.078, "1.213 (2023) - 2 x 0.078"),
    (
        2026,
        1.213 - 2 * 0.078,
        "raised in 2026 above the old path's 0.979 and held constant after; the new value was not "
        "retrieved, so the 2025 factor 1.057 is held",
    ),
    (2030, 1.213 - 2 * 0.078, "held constant after 2026 (Belastingplan 2026)"),
)


PORTHOS, NORTHERN_LIGHTS = 2.5, 0.8  # Mt/yr stored from 2026 (Porthos; Yara Sluiskil by ship)
STORAGE_2026 = (
    "Porthos fully contracted (Air Liquide, Air Products, ExxonMobil, Shell) and Yara Sluiskil's "
    "CO2 by ship to Northern Lights (Norway)"
)


def aramis_planned(year: int) -> float:
    """Aramis' planned storage, Mt/yr: 5 in 2031 rising linearly to 14 in 2035."""
    return round(5.0 + (14.0 - 5.0) * (year - 2031) / 4, 2)


def write(out: Path) -> int:
    """Write co2.csv."""
    t = Table("co2")
    # Porthos 2.5 + Northern Lights 0.8 (Yara by ship) from 2026; Aramis (initial 5 Mt/yr, 14 by the
    # mid-2030s) not before the end of 2030: its start-up year 2031, a year later than planned
    base = PORTHOS + NORTHERN_LIGHTS
    for y, aramis, low, high, m in (
        (2025, 0.0, None, None, "no storage in operation"),
        (2026, 0.0, None, None, STORAGE_2026),
        (2030, 0.0, None, None, "Aramis not yet in operation (not before the end of 2030)"),
        (
            2031,
            2.5,
            0.0,
            5.0,
            "Aramis' start-up year: half of its initial 5 Mt/yr; low: a further year's delay (no "
            "FID in 2026), high: the plan before the delay (its initial 5 Mt/yr from 2031)",
        ),
        (
            2032,
            5.0,
            2.5,
            aramis_planned(2031),
            "Aramis' initial 5 Mt/yr; low and high: a year later or as planned",
        ),
        (
            2035,
            aramis_planned(2034),
            aramis_planned(2033),
            14.0,
            "Aramis one year behind its planned ramp from 5 Mt/yr (2031) to 14 (2035, the upper "
            "end of PBL's 5-14 Mt): the planned 2034 value; low: two years behind, high: as planned",
        ),
    ):
        t.add(
            "co2_storage_capacity",
            round(base + aramis, 2) if y > 2025 else 0.0,
            "Mt/yr",
            f"{S_PORTHOS}; {S_YARA_NL}" + (f"; {S_ARAMIS}; {S_ARAMIS_DELAY}" if y >= 2030 else ""),
            figure_year=y,
            estimate=y >= 2026,
            method=(
                f"Porthos {PORTHOS} + Northern Lights {NORTHERN_LIGHTS} + Aramis {aramis:g}: " + m
            )
            if y >= 2026
            else "",
            note="" if y >= 2026 else m,
            low=None if low is None else round(base + low, 2),
            high=None if high is None else round(base + high, 2),
            year=y,
        )
    t.add(
        "co2_transport_storage_tariff",
        54.8,
        "EUR/t",
        S_MIDDEN_TC0478,
        figure_year=2020,
        estimate=True,
        low=51.4,
        high=56.9,
        method="MIDDEN's capture O&M incl. T&S used as one tariff; the official Porthos tariff was not found; CCS routes carry only 2-3 % capex as fixed O&M",
        year=2025,
    )
    for y, v, src, est, m in LEVY_RATE:
        t.add(
            "co2_levy_rate",
            v,
            "EUR/t",
            src,
            figure_year=y,
            estimate=est,
            method=m,
            note="ETS firms pay the rate less the EUA price; the central ETS path (the futures: EUR "
            "70.8 in 2026, 80.4 in 2030) stays below EUR 78.67 until about 2029, so the levy would bite "
            "where it is switched on. The Kamerbrief EII 2026 abolishes the levy (the base scenario "
            "switches it off)",
            year=y,
        )
    for (s, c), e in sorted(TARGET.items()):
        for y, f, m in LEVY_DISPENSATION_FACTOR:
            t.add(
                "co2_levy_dispensation",
                round(e * f, 4),
                "Mt",
                S_NEA_DPR,
                figure_year=y,
                estimate=True,
                method=f"base-year emissions x reduction factor {f:.3f} ({m}); the law applies the factor to "
                "benchmark-based allocation, approximated here by base-year emissions",
                sector=s,
                cluster=c,
                year=y,
            )
    return t.write(out)
