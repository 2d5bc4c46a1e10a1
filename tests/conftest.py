"""Shared helpers: tiny datasets written on the fly, and scenario runs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from elektra.inputs.parameters import DIMENSIONS

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "elektra test fixture (invented for a hand-solvable case)"

#: Carrier roles the fixtures give by name (carriers.csv column ``role``).
ROLES = {"electricity": "grid_electricity", "hydrogen": "hydrogen", "natural_gas": "fossil_methane"}

PARAMETER_COLUMNS = ["parameter", *DIMENSIONS, "value", "unit", "source"]


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({"source": SOURCE, **row})


def write_dataset(
    folder: Path,
    *,
    clusters: list[str],
    services: list[tuple[str, str, str]],
    carriers: list[str],
    routes: list[tuple[str, str, str, str]],
    rows: list[dict],
    cbam: dict[str, bool] | None = None,
    instruments: list[tuple[str, str]] | None = None,
) -> Path:
    """Write a dataset folder. services: (sector, service, unit); routes:
    (route, sector, service, route_class); rows: parameter rows without source."""
    folder.mkdir(parents=True, exist_ok=True)
    cbam = cbam or {}
    sectors = sorted({s for s, _, _ in services})
    _write(
        folder / "clusters.csv",
        ["cluster", "name", "source"],
        [{"cluster": c, "name": c} for c in clusters],
    )
    _write(
        folder / "sectors.csv",
        ["sector", "name", "cbam", "source"],
        [{"sector": s, "name": s, "cbam": str(cbam.get(s, False)).lower()} for s in sectors],
    )
    _write(
        folder / "services.csv",
        ["sector", "service", "output_unit", "name", "source"],
        [{"sector": s, "service": v, "output_unit": u, "name": v} for s, v, u in services],
    )
    _write(
        folder / "carriers.csv",
        ["carrier", "role", "name", "source"],
        [{"carrier": k, "role": ROLES.get(k, ""), "name": k} for k in carriers],
    )
    _write(
        folder / "routes.csv",
        ["route", "sector", "service", "route_class", "name", "source"],
        [
            {"route": r, "sector": s, "service": v, "route_class": c, "name": r}
            for r, s, v, c in routes
        ],
    )
    if instruments:
        _write(
            folder / "instruments.csv",
            ["instrument", "kind", "name", "source"],
            [{"instrument": i, "kind": k, "name": i} for i, k in instruments],
        )
    _write(folder / "parameters.csv", PARAMETER_COLUMNS, rows)
    return folder


def write_scenario(folder: Path, name: str = "case", **content) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"name": name, **content}, sort_keys=False))
    return path


@pytest.fixture(scope="session")
def toy_run():
    from elektra.model.pipeline import run

    return run(ROOT / "scenarios" / "toy.yaml")


def write_results_folder(scenario: Path, out: Path) -> Path:
    """Solve a scenario and write its results folder (results.nc and manifest.json only)."""
    from elektra.model.pipeline import run
    from elektra.outputs.output import write_run

    result = run(scenario)
    return write_run(result.results, out, result.timings, result.scenario.files, extras=False)


@pytest.fixture(scope="session")
def base_and_ets_high(tmp_path_factory, base_run) -> tuple[Path, Path]:
    """Results folders of base (from the session's base run) and ets_high."""
    from elektra.outputs.output import write_run

    folder = tmp_path_factory.mktemp("base_pair")
    base = write_run(
        base_run.results,
        folder / "base",
        base_run.timings,
        base_run.scenario.files,
        extras=False,
        dataset_hash=base_run.data.hash,
    )
    return base, write_results_folder(ROOT / "scenarios" / "ets_high.yaml", folder / "ets_high")


@pytest.fixture(scope="session")
def base_written(tmp_path_factory):
    """The base scenario, solved once per test session, and the model file it wrote."""
    from elektra.model.pipeline import run

    path = tmp_path_factory.mktemp("base_model") / "base.mps"
    return run(ROOT / "scenarios" / "base.yaml", write_model=path), path


@pytest.fixture(scope="session")
def base_run(base_written):
    """The base scenario, solved once per test session."""
    return base_written[0]


@pytest.fixture(scope="session")
def projection_run():
    """scenarios/projection.yaml (myopic foresight, lead times, hurdle rates), solved once a
    session."""
    from elektra.model.pipeline import run

    return run(ROOT / "scenarios" / "projection.yaml")


@pytest.fixture(scope="session")
def hindcast_run():
    """scenarios/hindcast.yaml (the projection's settings on 2022-2024), solved once a session."""
    from elektra.model.pipeline import run

    return run(ROOT / "scenarios" / "hindcast.yaml")
