"""Write elektra's own IAMC names and regions in nomenclature's format.

``elektra/outputs/iamc_codelist/definitions/variable/elektra.yaml`` and
``definitions/region/elektra.yaml`` are generated from the code's declarations (the cost
components, the shipped datasets' routes, clusters and money year) by
:func:`elektra.outputs.iamc.own_variables` and :func:`elektra.outputs.iamc.regions`. A test
fails when they are stale; then run

    .venv/bin/python tools/iamc_codelist/generate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from elektra.outputs import iamc  # noqa: E402


def shipped_scenarios(root: Path = ROOT) -> list[Path]:
    """The scenario files of ``scenarios/`` that ``elektra run`` solves (not MCA specs)."""
    import yaml

    return [
        path
        for path in sorted((root / "scenarios").glob("*.yaml"))
        if "options" not in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    ]


def main() -> None:
    registry = iamc.registry_of(shipped_scenarios())
    for path, text in iamc.codelist_files(registry).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
