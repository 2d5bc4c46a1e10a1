"""economics.csv: discount rate and price base year."""

from __future__ import annotations

from pathlib import Path

from .common import Table
from .sources import S_CBS_CPI_2024, S_CBS_CPI_2025, S_DISC


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
        f"{S_CBS_CPI_2024}; {S_CBS_CPI_2025}",
        figure_year=2024,
        estimate=False,
        note="the year of the euros all money is stated in: each money row gives the year of its "
        "own euros in figure_year, and the loader deflates it to this year with deflator.csv (CBS "
        "CPI; 2 % a year after 2025). Nominal figures of future years (ETS futures, budgets of later "
        "years) are deflated at that 2 %",
    )
    return t.write(out)
