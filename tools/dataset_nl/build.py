"""Write every file of the Dutch dataset into one folder.

The modules compute their figures when imported (routes, calibration, demand); each
``write(out)`` writes its file(s) into ``out`` and returns the row count. The MCA criteria
come last: they read the written CSVs, so the MCA and the LP describe the same plants.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import build_limits as build_limits_file
from . import (
    carriers_prices,
    co2,
    deflator,
    demand,
    economics,
    ets,
    existing_capacity,
    foresight,
    grid,
    life_cycle,
    mca_criteria,
    policy_levers,
    sets,
    sources,
    subsidies,
    supply,
    techno_economic,
    validation,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "data" / "nl"


def build(out: Path) -> dict[str, int]:
    """Write the dataset into ``out`` (created if missing); rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    counts = sets.write(out)
    counts["demand"] = demand.write(out)
    counts["existing_capacity"] = existing_capacity.write(out)
    counts.update(techno_economic.write(out))
    counts["build_limits"] = build_limits_file.write(out)
    counts["policy_levers"] = policy_levers.write(out)
    counts["carriers_prices"] = carriers_prices.write(out)
    counts["ets"] = ets.write(out)
    counts["economics"] = economics.write(out)
    counts["foresight"] = foresight.write(out)
    counts["grid"] = grid.write(out)
    counts["subsidies"] = subsidies.write(out)
    counts["co2"] = co2.write(out)
    counts["supply"] = supply.write(out)
    counts["life_cycle"] = life_cycle.write(out)
    counts["deflator"] = deflator.write(out)
    counts.update(validation.write(out))
    counts["mca/hydrogen_mca"] = mca_criteria.write(out)
    counts["sources"] = sources.write(out)  # last: the sources the files above cite
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.dataset_nl", description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder to write (default data/nl)"
    )
    args = parser.parse_args(argv)
    for name, count in build(args.out).items():
        print(f"{name:25s} {count:5d}")
