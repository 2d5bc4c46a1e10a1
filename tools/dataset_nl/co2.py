"""co2.csv: CO2 storage, transport and storage tariff, the national CO2 levy."""

from __future__ import annotations

from pathlib import Path

from .calibration import TARGET
from .common import Table
from .sources import (
    S_ARAMIS,
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


def write(out: Path) -> int:
    """Write co2.csv."""
    t = Table("co2")
    for y, v, est, m in (
        (2025, 0.0, False, "no storage in operation"),
        (
            2026,
            3.3,
            True,
            "Porthos 2.5 Mt/yr from 2026 (fully contracted to Air Liquide, Air Products, ExxonMobil, Shell) + 0.8 Mt/yr Yara Sluiskil by ship to Northern Lights (Norway)",
        ),
        (2029, 3.3, True, "held"),
        (
            2030,
            5.8,
            True,
            "Porthos 2.5 + Northern Lights 0.8 + Aramis 2.5: Aramis construction completes in 2030 (FID 2026), so half of its initial 5 Mt/yr is assumed for the start-up year",
        ),
        (2031, 8.3, True, "Porthos 2.5 + Northern Lights 0.8 + Aramis initial 5 Mt/yr"),
        (
            2035,
            17.3,
            True,
            "Porthos 2.5 + Northern Lights 0.8 + Aramis 14 Mt/yr (upper end of PBL's 5-14 Mt in 2030, reached by 2035)",
        ),
    ):
        t.add(
            "co2_storage_capacity",
            v,
            "Mt/yr",
            S_PORTHOS + "; " + S_ARAMIS + "; " + S_YARA_NL,
            figure_year=y,
            estimate=est,
            method=m if est else "",
            note="" if est else m,
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
            note="ETS firms pay the rate less the EUA price; the base ETS path (EUR 87.5 in 2026, 130 in 2030) "
            "stays above EUR 78.67 from 2026, so the levy bites only in 2025 unless the ETS price is lower. "
            "The Kamerbrief EII 2026 abolishes the levy (the base scenario switches it off)",
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
