"""economics.csv: discount rate and price base year."""

from __future__ import annotations

from pathlib import Path

from .common import Table
from .sources import S_CBS_INFLATION, S_DISC


def write(out: Path) -> int:
    """Write economics.csv."""
    t = Table("economics")
    t.add(
        "discount_rate",
        0.08,
        "1/yr",
        S_DISC,
        estimate=True,
        low=0.0225,
        high=0.10,
        method="industrial (private) real WACC/hurdle rate assumed for investment decisions; low = social discount rate 2.25 % (Werkgroep discontovoet 2020)",
    )
    t.add(
        "price_base_year",
        2024,
        "calendar year",
        S_CBS_INFLATION,
        figure_year=2024,
        estimate=True,
        method="money figures are taken as published, in euros of their figure_year, without "
        "deflating: energy prices, tariffs, taxes and the ETS price are 2024-2025 figures, "
        "budgets nominal euros of their rounds, capex and fixed O&M mostly MIDDEN figures in "
        "2019-2021 euros; the dataset declares 2024, the year of its prices, as its price base "
        "year. The technology costs are therefore understated by the consumer-price rise since "
        "their figure year (CBS CPI: +2.7 % in 2021, +10.0 % in 2022)",
        note="an assumption about the whole dataset, not a figure of one source",
    )
    return t.write(out)
