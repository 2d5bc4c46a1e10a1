"""Vendor the part of the IAMC common-definitions variable codelist that elektra writes.

elektra's tests check every variable name and unit of ``iamc.csv`` against the community's
codelist (github.com/IAMconsortium/common-definitions, CC0-1.0). No machine that runs the
tests reaches GitHub, so the families of variables elektra writes are copied into
``elektra/iamc_codelist/common_definitions.yaml``, with the tags (``{Sector}``, ``{Level-3
Species}``, ...) expanded the way nomenclature-iamc expands them. Names elektra writes that
the codelist lacks are listed by hand, each with its reason, in ``extensions.yaml`` beside it.

Run with a checkout of common-definitions (any recent commit):

    .venv/bin/python tools/iamc_codelist/vendor.py PATH/TO/common-definitions \
        --commit <40-hex commit> --date YYYY-MM-DD
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from elektra.outputs import iamc  # noqa: E402

TARGET = ROOT / "elektra" / "iamc_codelist" / "common_definitions.yaml"


def _parents(names) -> set[str]:
    """Each name and each of its ``|`` parents."""
    return {"|".join(n.split("|")[:d]) for n in names for d in range(1, n.count("|") + 2)}


def candidates() -> set[str]:
    """Every name the tables of ``elektra.outputs.iamc`` can build (sectors, carriers, products)."""
    sectors = _parents([*iamc.SECTOR_NAMES.values(), iamc.OTHER_SECTOR])
    carriers = _parents(iamc.CARRIER_NAMES.values())
    supply = set(iamc.SUPPLY_SECTORS.values())
    sources = (
        _parents(
            [
                *(f"{s}|w/ CCS" for s in iamc.CCS_SOURCES),
                *(f"{s}|w/o CCS" for s in iamc.CCS_SOURCES),
            ]
        )
        | set(iamc.SOURCE_NAMES.values())
        | {"Other"}
    )
    names = {iamc.TOTAL_EMISSIONS, iamc.SUPPLY_EMISSIONS, iamc.CAPTURE, iamc.FINAL_ENERGY}
    names |= {
        f"{root}|{s}" for root in (iamc.SUPPLY_EMISSIONS, iamc.SUPPLY_CAPTURE) for s in supply
    }
    for root in (iamc.ENERGY_EMISSIONS, iamc.PROCESS_EMISSIONS):
        names |= {root} | {f"{root}|{s}" for s in sectors}
    names |= {f"{iamc.FINAL_ENERGY}|{x}" for x in sectors | carriers}
    names |= {f"{iamc.FINAL_ENERGY}|{s}|{c}" for s in sectors for c in carriers}
    names |= set(iamc.PRODUCT_NAMES.values()) | {f"Production|{s}" for s in sectors}
    hydrogen = f"{iamc.SECONDARY_ENERGY}|{iamc.carrier_name('hydrogen')}"
    names |= {hydrogen} | {f"{hydrogen}|{s}" for s in sources}
    names |= {f"{iamc.PRIMARY_ENERGY}|{f}|Hydrogen" for f in iamc.PRIMARY_INPUTS.values()}
    return names


def _read(path: Path) -> list:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def read_tags(folder: Path) -> dict[str, list[tuple[str, dict]]]:
    """Every tag list (``tag_*.yaml``): tag name -> [(item, attributes)]."""
    tags: dict[str, list[tuple[str, dict]]] = {}
    for path in sorted(folder.rglob("tag_*.yaml")):
        for entry in _read(path):
            for name, items in entry.items():
                tags[name] = [(k, v or {}) for item in items for k, v in item.items()]
    return tags


def _substitute(text: object, tag: str, item: str, attributes: dict, key: str) -> object:
    """Put a tag item into a text attribute, as nomenclature does (its own value if any)."""
    if not isinstance(text, str) or "{" + tag + "}" not in text:
        return text
    return text.replace("{" + tag + "}", str(attributes.get(key, item)))


def expand(name: str, attributes: dict, tags: dict[str, list[tuple[str, dict]]]) -> dict[str, dict]:
    """A codelist entry with tags -> every variable it stands for, with its attributes."""
    match = re.search(r"\{([^}]+)\}", name)
    if not match:
        return {name: attributes}
    tag = match.group(1)
    variables: dict[str, dict] = {}
    for item, item_attributes in tags[tag]:
        filled = {
            "unit": _substitute(attributes.get("unit"), tag, item, item_attributes, "unit"),
            "description": _substitute(
                attributes.get("description"), tag, item, item_attributes, "description"
            ),
            "file": attributes["file"],
        }
        variables.update(expand(name.replace("{" + tag + "}", item, 1), filled, tags))
    return variables


def read_codelist(checkout: Path) -> dict[str, dict]:
    """Every variable of the checkout's ``definitions/variable`` with unit and file."""
    folder = checkout / "definitions" / "variable"
    tags = read_tags(folder)
    variables: dict[str, dict] = {}
    for path in sorted(folder.rglob("*.yaml")):
        if path.name.startswith("tag_"):
            continue
        for entry in _read(path):
            for name, attributes in entry.items():
                attributes = {**(attributes or {}), "file": str(path.relative_to(checkout))}
                variables.update(expand(name, attributes, tags))
    return variables


def subset(variables: dict[str, dict]) -> dict[str, dict]:
    """The codelist's variables among the names elektra can write."""
    names = candidates()
    chosen = {n: a for n, a in variables.items() if n in names}
    for name in sorted(names - set(chosen)):
        print(f"not in the codelist (never written, or an extension): {name}")
    return dict(sorted(chosen.items()))


def header(commit: str, date: str) -> str:
    return (
        "# The variables of the IAMC common definitions that elektra writes (a subset).\n"
        "# Source: https://github.com/IAMconsortium/common-definitions, folder\n"
        f"#   definitions/variable, commit {commit} ({date}).\n"
        "# Licence: CC0-1.0 (Creative Commons Zero v1.0 Universal), as the source repository\n"
        "#   states in its LICENSE file.\n"
        "# Tags such as {Sector} are expanded as nomenclature-iamc expands them; 'file' is the\n"
        "# codelist file of the entry. Generated by tools/iamc_codelist/vendor.py: do not edit\n"
        "# by hand (elektra's own names go to extensions.yaml).\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a checkout of common-definitions")
    parser.add_argument("--commit", required=True, help="the checkout's commit")
    parser.add_argument("--date", required=True, help="the commit's date, YYYY-MM-DD")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    chosen = subset(read_codelist(args.checkout))
    entries = [
        {name: {"unit": a["unit"], "description": a["description"], "file": a["file"]}}
        for name, a in chosen.items()
    ]
    text = header(args.commit, args.date) + yaml.safe_dump(
        entries, sort_keys=False, allow_unicode=True, width=100
    )
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(entries)} variables to {args.out}")


if __name__ == "__main__":
    main()
