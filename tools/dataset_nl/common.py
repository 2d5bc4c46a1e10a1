"""What every table of the compiler shares: the row writer, the model years and unit factors."""

from __future__ import annotations

import csv
from pathlib import Path

from .sources import checked

#: The ``estimate`` flag of a row, where a row's code reads better with a name than with True.
EST = True

#: The years the demand and stock rows are given for (linear in between).
YEARS = [2025, 2035]
BASE = 2025
LHV_H2 = 120.0  # MJ/kg, GJ/t
EF = {  # t CO2 / TJ
    "natural_gas": 56.4,
    "coal": 94.6,
    "oil": 60.0,
    "electricity": 0.0,
    "hydrogen": 0.0,
    "biomethane": 0.0,
}
MEUR_PER_PJYR_PER_EUR_PER_KW = 0.0316881  # 1 EUR/kW = 0.03169 MEUR/(PJ/yr)
MW_PJ = 1 / (1000 * MEUR_PER_PJYR_PER_EUR_PER_KW)  # PJ/yr per MW of continuous output = 0.031557


class Table:
    """The rows of one parameter file, written in the loader's column order."""

    def __init__(self, name):
        self.name = name
        self.rows = []

    def add(
        self,
        parameter,
        value,
        unit,
        source,
        figure_year=None,
        estimate=False,
        method="",
        low=None,
        high=None,
        note="",
        **dims,
    ):
        r = {
            "parameter": parameter,
            **dims,
            "value": value,
            "unit": unit,
            "source": checked(source),
            "figure_year": figure_year if figure_year is not None else "",
            "estimate": "true" if estimate else "false",
            "method": method,
            "low": "" if low is None else low,
            "high": "" if high is None else high,
            "note": note,
        }
        self.rows.append(r)

    def write(self, out: Path) -> int:
        dims = [
            d
            for d in ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
            if any(d in r for r in self.rows)
        ]
        cols = [
            "parameter",
            *dims,
            "value",
            "unit",
            "source",
            "figure_year",
            "estimate",
            "method",
            "low",
            "high",
            "note",
        ]
        with open(out / f"{self.name}.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for r in self.rows:
                w.writerow({k: cell_text(r.get(k, "")) for k in cols})
        return len(self.rows)


def cell_text(v):
    if isinstance(v, float):
        return f"{v:.6g}"
    return v


def write_set(out: Path, name, cols, rows):
    """Write a set file; its last column is the source cell."""
    rows = [[*row[:-1], checked(row[-1])] for row in rows]
    with open(out / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
    return len(rows)


def interpolate(points, y):
    ks = sorted(points)
    if y <= ks[0]:
        return points[ks[0]]
    if y >= ks[-1]:
        return points[ks[-1]]
    for a, b in zip(ks, ks[1:]):
        if a <= y <= b:
            return points[a] + (points[b] - points[a]) * (y - a) / (b - a)
