"""Record the stored figures of the shipped scenarios (``make regression``).

Only re-record with a reason: the commit message says why the figures moved and
CHANGELOG.md gets a line under "Changes that move results".
"""

from __future__ import annotations

import json
from pathlib import Path

from elektra.model.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "tests" / "regression"
#: The shipped scenarios whose figures are guarded.
SCENARIOS = ("toy", "base")


def figures(name: str, ds=None) -> dict:
    """The guarded figures of one scenario: objective and emissions per year and cluster.

    ``ds`` is the scenario's results Dataset when already solved.
    """
    if ds is None:
        ds = run(ROOT / "scenarios" / f"{name}.yaml").results
    emissions = ds["emissions"].sum("sector")
    return {
        "objective_MEUR": round(float(ds.attrs["objective"]), 6),
        "emissions_Mt_by_year": {
            str(int(y)): round(float(emissions.sel(year=y).sum()), 6) for y in ds.year.values
        },
        "emissions_Mt_by_cluster_last_year": {
            str(c): round(float(emissions.sel(cluster=c).isel(year=-1)), 6)
            for c in ds.cluster.values
        },
    }


def main() -> None:
    STORE.mkdir(exist_ok=True)
    for name in SCENARIOS:
        path = STORE / f"{name}.json"
        path.write_text(json.dumps(figures(name), indent=2, sort_keys=True) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
