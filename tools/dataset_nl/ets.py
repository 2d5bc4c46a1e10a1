"""ets.csv: the ETS price, the CBAM phase-out, free allocation."""

from __future__ import annotations

from pathlib import Path

from .common import LHV_H2, Table
from .labels import SERVICES
from .route import FURNACE_ETA
from .sources import S_BM, S_CBAM, S_CP, S_PZEM, S_VEYT


def write(out: Path) -> int:
    """Write ets.csv."""
    t = Table("ets")
    for y, v, lo, hi, src, est, m in (
        (
            2025,
            75,
            65,
            95,
            f"{S_PZEM}; {S_VEYT}",
            True,
            "base: 2023-24 observed EUA 66-77 EUR/t; high: Veyt forecast 2025 (95)",
        ),
        (
            2027,
            100,
            70,
            160,
            S_VEYT,
            True,
            "base: assumed rise with MSR/cap tightening; high: Veyt 2027 (160)",
        ),
        (
            2030,
            130,
            80,
            160,
            S_VEYT,
            True,
            "base: midway between 2024 level and Veyt 2030 (160); high: Veyt",
        ),
        (
            2035,
            180,
            100,
            200,
            f"{S_VEYT}; {S_CP}",
            True,
            "base: below analysts' EUR 200 (Carbon Pulse 2024); high: Carbon Pulse 2035",
        ),
    ):
        t.add(
            "ets_price",
            v,
            "EUR/t",
            src,
            figure_year=2024,
            estimate=est,
            method=m,
            low=lo,
            high=hi,
            year=y,
        )
    cb = {
        2025: 0.0,
        2026: 0.025,
        2027: 0.05,
        2028: 0.10,
        2029: 0.225,
        2030: 0.485,
        2031: 0.61,
        2032: 0.735,
        2033: 0.86,
        2034: 1.0,
    }
    for y, v in cb.items():
        t.add("cbam_phase_out", v, "1", S_CBAM, figure_year=y, year=y)
    for y, v, m in (
        (
            2025,
            1.0,
            "2021-2025 benchmarks applied in full (no cross-sectoral correction applied 2021-2025)",
        ),
        (
            2026,
            0.92,
            "2026-2030 benchmark update: Directive 2023/959 allows 0.3-2.5 %/yr cuts for 5 more years; about 8 % assumed",
        ),
        (2030, 0.92, "held"),
        (2031, 0.85, "assumed further benchmark update for 2031-2035"),
        (2035, 0.85, "held"),
    ):
        t.add(
            "free_allocation_factor", v, "1", S_CBAM + "; " + S_BM, estimate=True, method=m, year=y
        )
    BM = [
        (
            "steel",
            "crude_steel",
            1.41,
            "t/t",
            True,
            "hot metal 1.288 t/t (=1.328 x 0.97) x 0.9 t hot metal/t steel + coke 0.217 x 0.35 t/t + sinter 0.157 x 1.1 t/t (shares assumed)",
        ),
        (
            "ammonia",
            "ammonia",
            1.570,
            "t/t",
            True,
            "phase-3 value 1.619 x 0.97 (minimum update cut, named for ammonia in the draft-regulation analysis)",
        ),
        (
            "petrochemicals",
            "hvc",
            0.681,
            "t/t",
            True,
            "phase-3 steam-cracking value 0.702 x 0.97 (minimum update cut)",
        ),
        (
            "hydrogen",
            "hydrogen",
            6.84 / LHV_H2,
            "t/GJ",
            True,
            "6.84 t CO2/t H2 (2021-2025 value as recalled; phase-3 8.85) / 120 GJ/t",
        ),
        ("refining", "hydrotreating", 0.0, "t/GJ", False, ""),
    ]
    for s, svc, v, u, est, m in BM:
        t.add(
            "free_allocation_benchmark",
            round(v, 5),
            u,
            S_BM,
            figure_year=2021,
            estimate=est,
            method=m,
            sector=s,
            service=svc,
        )
    for (s, svc), (ou, _) in SERVICES.items():
        if ou != "PJ" or s in ("hydrogen",) or svc == "hydrotreating":
            continue
        if svc == "heat_high":
            t.add(
                "free_allocation_benchmark",
                round(42.6 / FURNACE_ETA, 2),
                "t/TJ",
                S_BM,
                figure_year=2021,
                estimate=True,
                method="fuel benchmark per TJ fuel / furnace efficiency 0.8 -> per TJ useful heat; product benchmarks (glass, bricks, lime, CWT) not mapped",
                sector=s,
                service=svc,
            )
        else:
            t.add(
                "free_allocation_benchmark",
                47.3,
                "t/TJ",
                S_BM,
                figure_year=2021,
                estimate=True,
                method="heat benchmark applied per TJ of useful heat; product benchmarks (e.g. refinery CWT, paper) not mapped",
                sector=s,
                service=svc,
            )
    return t.write(out)
