"""ets.csv: the ETS price, the CBAM phase-out, free allocation."""

from __future__ import annotations

from pathlib import Path

from .common import LHV_H2, Table, interpolate
from .labels import SERVICES
from .route import FURNACE_ETA
from .sources import (
    S_ANALYSTS_2025,
    S_BM,
    S_BNEF_ETS,
    S_CBAM,
    S_CP,
    S_EUA_AUCTIONS_2024,
    S_EUA_DAILY,
    S_EUA_FUTURES,
    S_PZEM,
    S_VEYT,
)

#: EUA futures settlements of 4 March 2026, EUR/t, by delivery year (HEG daily report)
EUA_FUTURES = {2026: 70.76, 2027: 72.83, 2028: 75.09, 2029: 77.70}
#: BloombergNEF (Nov 2025) EUA price outlook, EUR/t
BNEF = {2025: 75.0, 2030: 142.0, 2035: 185.0}
#: Realised EUA prices, EUR/t (nominal), for the hindcast (scenarios/hindcast.yaml): the years
#: before the first model year of the shipped scenarios, which these rows do not touch.
REALISED = (
    (
        2022,
        80.82,
        S_EUA_DAILY,
        "mean of the daily EUA spot prices of 2022 (258 trading days, euets.info series); the year "
        "ranged from 57.9 (7 March) to 97.6 (19 August)",
    ),
    (
        2023,
        83.60,
        S_EUA_AUCTIONS_2024,
        "average clearing price of the EU primary auctions in 2023 (Argus); Veyt's average for 2023 is "
        "about 86",
    ),
    (
        2024,
        64.76,
        S_EUA_AUCTIONS_2024,
        "average clearing price of the EU primary auctions in 2024 (Argus); Veyt's 2024 average 67",
    ),
)
#: The path of the dataset before (Veyt 2024, Carbon Pulse 2024), now the high case, EUR/t
PATH_BEFORE = {2025: 75.0, 2027: 100.0, 2030: 130.0, 2035: 180.0}


def ets_price_rows():
    """(year, value, low, high, sources, method) of the ETS price path."""
    carry = EUA_FUTURES[2029] / EUA_FUTURES[2028]
    futures_2030 = round(EUA_FUTURES[2029] * carry, 2)
    growth = BNEF[2035] / BNEF[2030]
    central_2035 = round(futures_2030 * growth, 1)
    before = {y: interpolate(PATH_BEFORE, y) for y in range(2025, 2036)}
    rows = [
        (
            2025,
            75.0,
            65.0,
            95.0,
            f"{S_PZEM}; {S_VEYT}; {S_ANALYSTS_2025}",
            "2025: EUA traded at 67-85 EUR/t, analysts' average forecast 75.15 (Reuters poll, July "
            "2025); low: the year's low, high: Veyt's 2024 forecast (95)",
        )
    ]
    for y, price in EUA_FUTURES.items():
        rows.append(
            (
                y,
                price,
                round(price * 0.8, 2),
                before[y],
                f"{S_EUA_FUTURES}; {S_VEYT}",
                f"the Dec-{y % 100} EUA futures settlement of 4 March 2026 (the market's price for "
                "delivery that year); low: 20 % below; high: the path this dataset used before "
                "(Veyt 2024 and a rise with MSR and cap tightening)",
            )
        )
    rows.append(
        (
            2030,
            futures_2030,
            round(futures_2030 * 0.8, 2),
            before[2030],
            f"{S_EUA_FUTURES}; {S_VEYT}",
            f"the futures curve one year on: Dec-29 {EUA_FUTURES[2029]} x the curve's carry from "
            f"Dec-28 to Dec-29 ({carry:.4f}); low: 20 % below; high: the path used before",
        )
    )
    rows.append(
        (
            2035,
            central_2035,
            futures_2030,
            before[2035],
            f"{S_EUA_FUTURES}; {S_BNEF_ETS}; {S_CP}",
            f"the 2030 futures price x BloombergNEF's growth from 2030 to 2035 ({BNEF[2035]:.0f} / "
            f"{BNEF[2030]:.0f} = {growth:.3f}), since no public projection retrieved starts from "
            "today's curve (KEV's price path was not retrieved); low: held at the 2030 price, "
            "high: the path used before (analysts' EUR 180-200 for 2035, Carbon Pulse 2024; BNEF "
            "185)",
        )
    )
    return rows


def write(out: Path) -> int:
    """Write ets.csv."""
    t = Table("ets")
    # Central: the EUA futures curve to 2030 (settlements of 4 March 2026), then BloombergNEF's
    # growth from 2030 to 2035; high: the path this dataset used before (analysts' forecasts)
    for y, v, src, m in REALISED:
        t.add(
            "ets_price",
            v,
            "EUR/t",
            src,
            figure_year=y,
            estimate=False,
            method=m,
            year=y,
            note="realised, nominal euros of the year; for the hindcast (scenarios/hindcast.yaml)",
        )
    for y, v, lo, hi, src, m in ets_price_rows():
        t.add(
            "ets_price",
            v,
            "EUR/t",
            src,
            figure_year=y,
            estimate=True,
            method=m,
            low=lo,
            high=hi,
            year=y,
            note="nominal euros of the year (futures and forecasts are quoted so)",
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
