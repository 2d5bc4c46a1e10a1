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
SCENARIOS = ("toy", "base", "projection")
#: The hindcast's mean error per scored sector group (docs/validation.md), kept from growing.
HINDCAST_ERRORS = STORE / "hindcast_errors.json"


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


def hindcast_error_figures(ds=None) -> dict[str, float]:
    """The hindcast's mean error per scored sector group (model / published - 1), rounded."""
    from elektra.outputs.validation import Published, hindcast_errors

    if ds is None:
        ds = run(ROOT / "scenarios" / "hindcast.yaml").results
    errors = hindcast_errors(ds, Published.read(ROOT / "data" / "nl"))
    return {group: round(value, 6) for group, value in errors.items()}


def main() -> None:
    STORE.mkdir(exist_ok=True)
    for name in SCENARIOS:
        path = STORE / f"{name}.json"
        path.write_text(json.dumps(figures(name), indent=2, sort_keys=True) + "\n")
        print(f"wrote {path}")
    HINDCAST_ERRORS.write_text(json.dumps(hindcast_error_figures(), indent=2) + "\n")
    print(f"wrote {HINDCAST_ERRORS}")


if __name__ == "__main__":
    main()
