"""The Dutch dataset rebuilds from the repository alone, into the same files.

``python -m tools.dataset_nl --out DIR`` (``make dataset`` writes data/nl/) reads only what
the repository holds: its modules and ``tools/dataset_nl/reference/``. A change to a figure
goes into the compiler, and ``data/nl`` is rebuilt; a CSV edited by hand fails here.
"""

from __future__ import annotations

from pathlib import Path

from tools.dataset_nl.build import build

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "nl"
COMPILER = ROOT / "tools" / "dataset_nl"


def test_a_rebuild_into_a_new_folder_gives_the_committed_files(tmp_path):
    build(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.csv"))
    committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*.csv"))
    assert written == committed
    different = [
        str(name)
        for name in written
        if (tmp_path / name).read_bytes() != (DATA / name).read_bytes()
    ]
    assert different == [], f"rebuild with `make dataset`: {different} differ from the compiler's"


def test_the_compiler_reads_nothing_outside_the_repository():
    """No absolute path in the compiler: what it reads is in tools/dataset_nl/reference."""
    for path in COMPILER.glob("*.py"):
        text = path.read_text()
        assert "/work/" not in text and 'Path("/' not in text, path.name
    reference = COMPILER / "reference"
    assert (reference / "README.md").is_file()
    assert (reference / "midden_cluster_sector_emissions_2020.csv").is_file()
