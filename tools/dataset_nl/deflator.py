"""deflator.csv: the consumer price index per year, to state all money in one year's euros.

The loader deflates every money row from its ``figure_year`` to the dataset's
``price_base_year`` (economics.csv) with this index. CBS's CPI, the index the Dutch
government indexes its own amounts with; published years from CBS's yearly inflation
figures, later years at the ECB's 2 % target (an assumption).
"""

from __future__ import annotations

import csv
from pathlib import Path

from .common import cell_text
from .sources import (
    S_CBS_CPI_2019,
    S_CBS_CPI_2020,
    S_CBS_CPI_2024,
    S_CBS_CPI_2025,
    S_CBS_INFLATION,
    S_ECB_TARGET,
    checked,
)

#: The year the index is 100 (and the dataset's price base year, economics.csv).
BASE = 2024
LAST = 2035
#: CPI change on the year before, %, with its source
CPI_CHANGE = {
    2016: (0.3, S_CBS_CPI_2019),
    2017: (1.4, S_CBS_CPI_2019),
    2018: (1.7, S_CBS_CPI_2019),
    2019: (2.6, S_CBS_CPI_2019),
    2020: (1.3, S_CBS_CPI_2020),
    2021: (2.7, S_CBS_INFLATION),
    2022: (10.0, S_CBS_INFLATION),
    2023: (3.8, S_CBS_CPI_2024),
    2024: (3.3, S_CBS_CPI_2024),
    2025: (3.3, S_CBS_CPI_2025),
}
FUTURE_CHANGE = 2.0  # %/yr after the last published year: the ECB's target [assumption]
FIRST = min(CPI_CHANGE) - 1


def index_by_year() -> dict[int, tuple[float, str, bool, str]]:
    """year -> (index with BASE = 100, source, estimate, method)."""
    level = {FIRST: 1.0}
    for year in range(FIRST + 1, LAST + 1):
        change = CPI_CHANGE[year][0] if year in CPI_CHANGE else FUTURE_CHANGE
        level[year] = level[year - 1] * (1 + change / 100)
    rows = {}
    for year in range(FIRST, LAST + 1):
        value = round(100 * level[year] / level[BASE], 3)
        if year in CPI_CHANGE:
            change, source = CPI_CHANGE[year]
            rows[year] = (value, source, False, f"CPI {change:+.1f} % on {year - 1}")
        elif year < BASE:
            following = CPI_CHANGE[year + 1][1]
            rows[year] = (value, following, False, "the year before the first published change")
        else:
            rows[year] = (
                value,
                S_ECB_TARGET,
                True,
                f"assumption: {FUTURE_CHANGE:.0f} % a year after {max(CPI_CHANGE)}, the ECB's "
                "target; range not modelled",
            )
    return rows


def write(out: Path) -> int:
    """Write deflator.csv."""
    rows = index_by_year()
    with open(out / "deflator.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "index", "source", "estimate", "method"])
        for year, (value, source, estimate, method) in rows.items():
            writer.writerow(
                [year, cell_text(value), checked(source), "true" if estimate else "false", method]
            )
    return len(rows)
