"""docs/validation.md: the default dataset's two readings set against published figures.

The page is a pure function of three results Datasets (base, the plan; projection; the
hindcast) and the published figures of the dataset (``validation/*.csv``, each with its
source). :func:`validation_figures` computes every number the page shows, rounded as shown;
:func:`validation_page` writes them out; ``elektra validation`` solves the three scenarios and
writes the page, and a test checks that the committed page is what the model gives.

Sector groups set the model against figures published per activity (CBS's emission accounts
by NACE, NEa's site figures): a group is the elektra sectors one published figure covers.
The hindcast scores the groups whose published boundary matches the model's (2020 check in
section 1); the others are shown and not scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

ROOT = Path(__file__).resolve().parents[2]
#: The scenarios the page is made from, by role.
SCENARIOS = {
    "base": ROOT / "scenarios" / "base.yaml",
    "projection": ROOT / "scenarios" / "projection.yaml",
    "hindcast": ROOT / "scenarios" / "hindcast.yaml",
}
PAGE = ROOT / "docs" / "validation.md"

#: elektra's sectors in each published group (CBS NACE activities; "steel" is Tata Steel with
#: the Vattenfall plants that burn its gases, as NEa's site figures allow).
GROUPS: dict[str, tuple[str, ...]] = {
    "steel": ("steel",),
    "refining": ("refining",),
    "chemicals": ("ammonia", "petrochemicals", "other_chemicals", "hydrogen"),
    "non_ferrous": ("non_ferrous",),
    "building_materials": ("glass", "ceramics", "cement_lime"),
    "paper": ("paper",),
    "food": ("food",),
}
#: The groups the hindcast scores, and why the others are not: a score compares like with like.
SCORED = ("total", "steel", "refining", "chemicals", "building_materials", "paper", "food")
UNSCORED_REASON = {
    "non_ferrous": "CBS's basic metals less Tata: a remainder of 0.3 Mt from two figures of 5-6 Mt",
}
#: Carriers of the energy table, and the balance items they are set against.
GAS_ITEMS = (
    "chemical_petrochemical_final",
    "oil_refineries_own_use",
    "food_tobacco_final",
    "paper_pulp_print_final",
    "non_metallic_minerals_final",
    "iron_steel_final",
    "non_ferrous_final",
    "non_energy_use",
)


@dataclass(frozen=True)
class Published:
    """The published figures of a dataset (its ``validation`` folder)."""

    emissions: pd.DataFrame
    energy: pd.DataFrame
    projections: pd.DataFrame

    @classmethod
    def read(cls, folder: Path) -> Published:
        def read(name: str) -> pd.DataFrame:
            frame = pd.read_csv(
                Path(folder) / "validation" / f"{name}.csv",
                dtype={"cluster": str, "sector": str, "item": str},
                keep_default_na=False,
            )
            frame["year"] = frame["year"].astype(int)
            frame["value"] = frame["value"].astype(float)
            return frame

        return cls(read("emissions"), read("energy_balance"), read("projections"))

    def emission(self, item: str, sector: str = "", cluster: str = "total") -> dict[int, float]:
        rows = self.emissions[
            (self.emissions["item"] == item)
            & (self.emissions["sector"] == sector)
            & (self.emissions["cluster"] == cluster)
        ]
        return dict(zip(rows["year"], rows["value"]))

    def projection(self, item: str) -> float:
        rows = self.projections[self.projections["item"] == item]
        return float(rows["value"].iloc[0])

    def balance(self, item: str, carrier: str) -> float:
        rows = self.energy[(self.energy["item"] == item) & (self.energy["sector"] == carrier)]
        return float(rows["value"].sum())


def _mt(value: float) -> float:
    return round(float(value), 2)


def _pct(model: float, published: float) -> float:
    return round(100.0 * (model / published - 1.0), 1)


def group_emissions(ds: xr.Dataset, group: str, year: int) -> float:
    """Direct emissions of a sector group (``total``: every sector) in a year, Mt."""
    emissions = ds["emissions"].sel(year=year).sum("cluster")
    if group == "total":
        return float(emissions.sum())
    return float(emissions.sel(sector=list(GROUPS[group])).sum())


def free_allocation(ds: xr.Dataset, year: int) -> float:
    """Free allowances the model's plants receive in a year, Mt: the free-allocation revenue
    divided by the ETS price (both in the same euros)."""
    revenue = -float(ds["cost"].sel(cost_component="free_allocation", year=year))
    return revenue / float(ds["input_ets_price"].sel(year=year))


def hindcast_errors(hindcast: xr.Dataset, published: Published) -> dict[str, float]:
    """Per scored group, the mean over the hindcast years with a published figure of
    model / published - 1 (signed)."""
    errors = {}
    for group in SCORED:
        observed = published.emission("observed_elektra_boundary", group)
        years = [y for y in map(int, hindcast.year.values) if y in observed]
        errors[group] = float(
            np.mean([group_emissions(hindcast, group, y) / observed[y] - 1.0 for y in years])
        )
    return errors


def validation_figures(
    base: xr.Dataset, projection: xr.Dataset, hindcast: xr.Dataset, published: Published
) -> dict:
    """Every number docs/validation.md shows, rounded as shown."""
    runs = {"base": base, "projection": projection}
    figures: dict = {"objective": {k: round(float(v.attrs["objective"])) for k, v in runs.items()}}
    figures["objective"]["hindcast"] = round(float(hindcast.attrs["objective"]))
    figures["reading"] = {k: v.attrs.get("reading", "") for k, v in runs.items()}
    figures["reading"]["hindcast"] = hindcast.attrs.get("reading", "")
    figures["rates"] = {
        "hurdle": round(100 * float(projection["input_hurdle_rate"].mean()), 2),
        "discount": round(100 * float(projection["input_discount_rate"]), 2),
    }

    # 1. base year per cluster
    target = published.emissions[published.emissions["item"] == "calibration_target"]
    target = dict(zip(target["cluster"], target["value"]))
    clusters = [str(c) for c in base.cluster.values]
    figures["clusters"] = []
    for cluster in [*clusters, "total"]:
        row = {"cluster": cluster, "published": _mt(target[cluster])}
        for name, ds in runs.items():
            by = ds["emissions"].sel(year=2025).sum("sector")
            value = float(by.sum()) if cluster == "total" else float(by.sel(cluster=cluster))
            row[name] = _mt(value)
            row[f"{name}_diff"] = _pct(value, target[cluster])
        figures["clusters"].append(row)

    # 1b. sector groups: the 2020 boundary check and the base year against the latest year
    figures["boundary_2020"] = []
    for group in GROUPS:
        cbs = published.emission("cbs_nace_co2", group).get(2020)
        if cbs is None:
            continue  # steel: NEa's own site figure, no CBS activity of its own
        nea = published.emission("observed_elektra_boundary", group)[2020]
        figures["boundary_2020"].append(
            {"group": group, "nea": _mt(nea), "cbs": _mt(cbs), "ratio": round(nea / cbs, 3)}
        )
    figures["sectors"] = []
    for group in ("total", *GROUPS):
        observed = published.emission("observed_elektra_boundary", group)
        year = max(observed)
        value = group_emissions(base, group, 2025)
        raw = published.emission("cbs_nace_co2", group).get(year, observed[year])
        figures["sectors"].append(
            {
                "group": group,
                "year": year,
                "raw": _mt(raw),
                "published": _mt(observed[year]),
                "base": _mt(value),
                "diff": _pct(value, observed[year]),
                "calibration": _mt(
                    sum(
                        value
                        for (_cluster, sector), value in _calibration(published).items()
                        if group == "total" or sector in GROUPS[group]
                    )
                ),
            }
        )

    # 1c. free allocation
    allocation = published.emission("nea_free_allocation")
    figures["allocation"] = [
        {
            "run": "base",
            "year": 2025,
            "model": _mt(free_allocation(base, 2025)),
            "nea_year": 2024,
            "nea": allocation[2024],
        }
    ]
    for year in map(int, hindcast.year.values):
        figures["allocation"].append(
            {
                "run": "hindcast",
                "year": year,
                "model": _mt(free_allocation(hindcast, year)),
                "nea_year": year,
                "nea": allocation[year],
            }
        )

    # 1d. energy per carrier
    use = base["energy_use"].sum("cluster").sel(year=2025)
    gas_low = sum(published.balance(item, "natural_gas") for item in GAS_ITEMS)
    figures["energy"] = {
        "gas": round(float(use.sel(carrier="natural_gas"))),
        "gas_low": round(gas_low),
        "gas_high": round(gas_low + published.balance("autoproducer_chp_input", "natural_gas")),
        "oil": round(float(use.sel(carrier="oil"))),
        "oil_published": round(
            published.balance("oil_refineries_own_use", "oil")
            + published.balance("chemical_petrochemical_final", "oil")
        ),
        "coal": round(float(use.sel(carrier="coal"))),
        "coal_published": round(
            published.balance("coke_ovens_coking_coal_input", "coal")
            + published.balance("blast_furnaces_coking_coal_input", "coal")
        ),
        "electricity": round(float(use.sel(carrier="electricity"))),
        "electricity_published": round(
            published.balance("industry_final_energetic", "electricity")
        ),
    }

    # 2. 2030 and 2035 against PBL, on one boundary
    shift = published.projection("pbl_industry_minus_elektra_boundary_2030")
    figures["shift"] = round(shift, 2)
    figures["pbl"] = []
    for item, label in (
        ("kev2024_industry_2030_low", "KEV 2024, low end of the range"),
        ("kev2024_industry_2030_high", "KEV 2024, high end of the range"),
        ("pbl_ces3_expected_industry_2030", "PBL's expectation with the CES 3.0 plans"),
        ("klimaatakkoord_industry_target_2030", "Klimaatakkoord industry target"),
        ("industry_indicative_target_2030", "indicative residual target"),
    ):
        value = published.projection(item)
        figures["pbl"].append(
            {"figure": label, "pbl": round(value, 1), "elektra": round(value - shift, 1)}
        )
    low = published.projection("kev2024_industry_2030_low") - shift
    high = published.projection("kev2024_industry_2030_high") - shift
    figures["kev_band"] = [round(low, 1), round(high, 1)]
    figures["paths"] = {}
    for name, ds in runs.items():
        total = ds["emissions"].sum(["sector", "cluster"])
        path = {int(y): _mt(total.sel(year=y)) for y in (2025, 2030, 2035)}
        path["in_band"] = bool(low <= float(total.sel(year=2030)) <= high)
        path["drop_2030_2035"] = _mt(total.sel(year=2030) - total.sel(year=2035))
        path["drop_2030_2035_pct"] = round(
            100 * float(1 - total.sel(year=2035) / total.sel(year=2030)), 1
        )
        figures["paths"][name] = path

    # 3. the two readings side by side
    figures["readings"] = []
    for label, unit, fn in (
        ("direct CO2 emissions", "Mt/yr", lambda d, y: d["emissions"].sel(year=y).sum()),
        ("CO2 stored", "Mt/yr", lambda d, y: d["co2_stored"].sel(year=y)),
        (
            "electricity use",
            "PJ/yr",
            lambda d, y: d["energy_use"].sel(carrier="electricity", year=y).sum(),
        ),
        ("hydrogen made", "PJ/yr", lambda d, y: d["hydrogen_production"].sel(year=y).sum()),
        (
            "steel from DRI-EAF and scrap EAF",
            "Mt/yr",
            lambda d, y: (
                d["activity"].sel(year=y, route=["steel_h2_dri_eaf", "steel_scrap_eaf"]).sum()
            ),
        ),
    ):
        row = {"indicator": label, "unit": unit}
        for name, ds in runs.items():
            for y in (2030, 2035):
                row[f"{name}_{y}"] = round(float(fn(ds, y)), 2)
        figures["readings"].append(row)
    figures["clusters_2035"] = [
        {
            "cluster": c,
            **{
                f"{name}_{y}": _mt(ds["emissions"].sel(year=y, cluster=c).sum())
                for name, ds in runs.items()
                for y in (2030, 2035)
            },
        }
        for c in clusters
    ]

    # 4. hindcast
    figures["hindcast"] = []
    for group in ("total", *GROUPS):
        observed = published.emission("observed_elektra_boundary", group)
        for year in map(int, hindcast.year.values):
            if year not in observed:
                continue
            value = group_emissions(hindcast, group, year)
            figures["hindcast"].append(
                {
                    "group": group,
                    "year": year,
                    "published": _mt(observed[year]),
                    "model": _mt(value),
                    "error": _pct(value, observed[year]),
                    "scored": group in SCORED,
                }
            )
    calibrated = sum(_calibration(published).values())
    figures["hindcast_switching"] = {
        int(y): _mt(calibrated - group_emissions(hindcast, "total", int(y)))
        for y in hindcast.year.values
    }
    figures["hindcast_errors"] = {
        k: round(100 * v, 1) for k, v in hindcast_errors(hindcast, published).items()
    }
    return figures


def _calibration(published: Published) -> dict[tuple[str, str], float]:
    rows = published.emissions[published.emissions["item"] == "calibration_target_sector"]
    return {
        (cluster, sector): value
        for cluster, sector, value in zip(rows["cluster"], rows["sector"], rows["value"])
    }


def _table(header: list[str], rows: list[list], align: str | None = None) -> str:
    align = align or "l" + "r" * (len(header) - 1)
    marks = ["---" if a == "l" else "---:" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _signed(value: float) -> str:
    text = f"{value:+.1f} %"
    return "0.0 %" if text in ("+0.0 %", "-0.0 %") else text.replace("-", "−")


def _verdict(path: Mapping, band: list[float]) -> str:
    if path["in_band"]:
        return f"inside KEV 2024's band on elektra's boundary ({band[0]}–{band[1]} Mt)"
    side = "below" if path[2030] < band[0] else "above"
    return f"{side} KEV 2024's band on elektra's boundary ({band[0]}–{band[1]} Mt)"


def validation_page(f: Mapping) -> str:
    """The page docs/validation.md, from :func:`validation_figures`."""
    base, proj = f["paths"]["base"], f["paths"]["projection"]
    band = f["kev_band"]
    parts = [
        "# Validation: the plan and the projection against published figures",
        "",
        "Generated by `elektra validation` from three runs of the default dataset (`data/nl`) and",
        "the published figures in `data/nl/validation/*.csv`, each with its source; a test",
        "(`tests/test_validation.py`) solves the three scenarios again and fails when a figure",
        "here is not the one the model gives. Do not edit by hand.",
        "",
        _table(
            ["run", "scenario", "reading", "objective (MEUR, discounted)"],
            [
                [
                    "base",
                    "`scenarios/base.yaml`",
                    f["reading"]["base"],
                    f"{f['objective']['base']:,}",
                ],
                [
                    "projection",
                    "`scenarios/projection.yaml`",
                    f["reading"]["projection"],
                    f"{f['objective']['projection']:,}",
                ],
                [
                    "hindcast",
                    "`scenarios/hindcast.yaml` (2022–2024)",
                    f["reading"]["hindcast"],
                    f"{f['objective']['hindcast']:,}",
                ],
            ],
            "lllr",
        ),
        "",
        "**The plan** (base) is the cost-optimal path with perfect foresight: what the cheapest",
        "system would do knowing every future price. **The projection** solves the same data",
        "year by year: each year decides on its own prices and costs held flat (a five-year",
        "window), new capacity runs no earlier than its lead time after a decision unless the",
        "project was decided before 2025 (Porthos capture at the Rotterdam SMRs, Holland Hydrogen",
        "1, ELYgator, Yara's capture), and investments are annuitised at firms' hurdle rate",
        f"({f['rates']['hurdle']:g} % real) instead of the discount rate "
        f"({f['rates']['discount']:g} %). Emissions are direct CO2 after capture, Mt/yr.",
        "",
        "## 1. The base year",
        "",
        "### Emissions per cluster",
        "",
        "The published base year is NEa's 2024 industry total split over clusters and sectors",
        "with MIDDEN's NEa-2020 installation shares (`calibration_target`); no per-cluster figure",
        "is published, so this checks the calibration, not an independent figure.",
        "",
        _table(
            ["cluster", "published base (2024)", "base 2025", "diff", "projection 2025", "diff"],
            [
                [
                    r["cluster"] if r["cluster"] != "total" else "**total**",
                    f"{r['published']:.2f}",
                    f"{r['base']:.2f}",
                    _signed(r["base_diff"]),
                    f"{r['projection']:.2f}",
                    _signed(r["projection_diff"]),
                ]
                for r in f["clusters"]
            ],
        ),
        "",
        "Tolerance (`tests/test_calibration.py`): ±10 % per cluster, ±5 % in total. The",
        "projection builds less in 2025 than the plan: what runs before a lead time has passed",
        "is what stands or was decided.",
        "",
        "### Emissions per sector against published figures",
        "",
        "Per sector the public figures are NEa's site figures (Tata Steel) and CBS's emission",
        "accounts per NACE activity (`cbs_nace_co2`), which count every site of an activity, also",
        "outside the ETS, and book CHPs run by energy companies under energy supply. The",
        "boundaries differ; on 2020 both are known: NEa's figures per installation (MIDDEN, the",
        "calibration's base, mapped to elektra's sectors) against CBS's for the same activities.",
        "",
        _table(
            ["group", "CBS 2020 (NACE)", "NEa 2020 per installation (MIDDEN)", "ratio"],
            [
                [r["group"], f"{r['cbs']:.2f}", f"{r['nea']:.2f}", f"{r['ratio']:.3f}"]
                for r in f["boundary_2020"]
            ],
        ),
        "",
        "Refining's boundaries agree; chemicals on elektra's boundary hold the CHPs MIDDEN assigns",
        "to their chemical hosts (CBS: energy supply); food, paper and building materials in CBS",
        "hold sites outside the ETS. Each later CBS figure is put on elektra's boundary with its",
        "group's 2020 ratio (`observed_elektra_boundary`): CBS's change, on the model's boundary.",
        "`total` is NEa's ETS industry less oil and gas extraction plus the Vattenfall plants on",
        "Tata's gases; `steel` is Tata (NEa) plus those plants.",
        "",
        _table(
            [
                "group",
                "year",
                "published",
                "on elektra's boundary",
                "calibration (2024)",
                "base 2025",
                "diff",
            ],
            [
                [
                    r["group"],
                    r["year"],
                    f"{r['raw']:.2f}",
                    f"{r['published']:.2f}",
                    f"{r['calibration']:.2f}",
                    f"{r['base']:.2f}",
                    _signed(r["diff"]),
                ]
                for r in f["sectors"]
            ],
        ),
        "",
        _calibration_text(f),
        "",
        "### Free allocation",
        "",
        "The free allowances the model's plants receive (free-allocation revenue / ETS price)",
        "against the allowances NEa paid out (`nea_free_allocation`; NEa's figure covers every",
        "Dutch ETS company, also heat suppliers outside the modelled sectors, and follows the",
        "previous year's production):",
        "",
        _table(
            ["run", "model year", "model (Mt)", "NEa year", "NEa (Mt)", "diff"],
            [
                [
                    r["run"],
                    r["year"],
                    f"{r['model']:.2f}",
                    r["nea_year"],
                    f"{r['nea']:.2f}",
                    _signed(_pct(r["model"], r["nea"])),
                ]
                for r in f["allocation"]
            ],
        ),
        "",
        "The model holds the 2021–2025 benchmarks and its 2024 activity, so its allocation does",
        "not follow the 2022–2023 production dip that lowered NEa's payouts for 2023 and 2024.",
        "",
        "### Energy use (base 2025 against the 2023 energy balance, PJ)",
        "",
        _table(
            ["carrier", "base 2025", "balance 2023", "comparable items"],
            [
                [
                    "natural gas",
                    f["energy"]["gas"],
                    f"{f['energy']['gas_low']}–{f['energy']['gas_high']}",
                    "final use of the covered sectors and feedstock; the upper end adds all "
                    "autoproducer-CHP gas (which also feeds greenhouses)",
                ],
                [
                    "oil",
                    f["energy"]["oil"],
                    f["energy"]["oil_published"],
                    "refinery own use and chemical fuel gas",
                ],
                [
                    "coal",
                    f["energy"]["coal"],
                    f["energy"]["coal_published"],
                    "coke ovens and blast furnaces (2023 was a relining year)",
                ],
                [
                    "electricity",
                    f["energy"]["electricity"],
                    f["energy"]["electricity_published"],
                    "all industry; the model holds only what its routes use",
                ],
            ],
            "lrrl",
        ),
        "",
        "## 2. 2030 and 2035 against PBL, on one boundary",
        "",
        "PBL reports the Klimaatakkoord sector industry (CO2e, also non-ETS and non-CO2, without",
        "the Vattenfall plants on Tata's gases). Both sides are put on 2023, the latest year CBS's",
        f"industry figure and elektra's boundary share; PBL industry − elektra = {f['shift']:.2f} Mt",
        "(row `pbl_industry_minus_elektra_boundary_2030` of `projections.csv`, with its",
        "derivation; `scenarios/target_2030.yaml` caps at the target moved by the same shift).",
        "",
        _table(
            ["figure (2030)", "PBL boundary", "elektra's boundary"],
            [[r["figure"], f"{r['pbl']:.1f}", f"{r['elektra']:.1f}"] for r in f["pbl"]],
        ),
        "",
        _table(
            ["run", "2025", "2030", "2035", "2030 against KEV 2024", "2030 → 2035"],
            [
                [
                    name,
                    f"{p[2025]:.2f}",
                    f"{p[2030]:.2f}",
                    f"{p[2035]:.2f}",
                    _verdict(p, band),
                    f"−{p['drop_2030_2035']:.2f} Mt ({p['drop_2030_2035_pct']:.1f} %)",
                ]
                for name, p in f["paths"].items()
            ],
            "lrrrll",
        ),
        "",
        _kev_text(base, proj, band, f["pbl"]),
        "",
        _text_2035(f),
        "",
        "## 3. The two readings side by side",
        "",
        _table(
            ["indicator", "unit", "base 2030", "projection 2030", "base 2035", "projection 2035"],
            [
                [
                    r["indicator"],
                    r["unit"],
                    f"{r['base_2030']:.2f}",
                    f"{r['projection_2030']:.2f}",
                    f"{r['base_2035']:.2f}",
                    f"{r['projection_2035']:.2f}",
                ]
                for r in f["readings"]
            ],
            "llrrrr",
        ),
        "",
        _table(
            ["cluster", "base 2030", "projection 2030", "base 2035", "projection 2035"],
            [
                [
                    r["cluster"],
                    f"{r['base_2030']:.2f}",
                    f"{r['projection_2030']:.2f}",
                    f"{r['base_2035']:.2f}",
                    f"{r['projection_2035']:.2f}",
                ]
                for r in f["clusters_2035"]
            ],
        ),
        "",
        "## 4. Hindcast 2022–2024",
        "",
        "`scenarios/hindcast.yaml` runs the projection's settings from 2022 on realised prices",
        "(`ets.csv`, `carriers_prices.csv`, rows 2022–2024: EUA 80.8, 83.6 and 64.8 EUR/t; gas",
        "90.4, 65.2 and 40 EUR/MWh; electricity 150, 114 and 78 EUR/MWh, the 2023 figures",
        "midpoints) and everything else as the dataset gives it for 2025: demand and stock at the",
        "2024 calibration. 2022 is the oldest year with NEa's industry total and Tata's figure in",
        "the dataset's sources and with CBS's accounts per activity; 2020 was a COVID year and",
        "is the calibration's own split.",
        "",
        _table(
            ["group", "year", "published", "model", "error", "scored"],
            [
                [
                    r["group"],
                    r["year"],
                    f"{r['published']:.2f}",
                    f"{r['model']:.2f}",
                    _signed(r["error"]),
                    "yes" if r["scored"] else "no",
                ]
                for r in f["hindcast"]
            ],
            "lrrrrl",
        ),
        "",
        "Mean error per scored group over the years with a published figure (the figures",
        "`tests/test_validation.py` keeps from growing, `tests/regression/hindcast_errors.json`):",
        "",
        _table(
            ["group", "mean error"],
            [[g, _signed(e)] for g, e in f["hindcast_errors"].items()],
        ),
        "",
        "Not scored: "
        + "; ".join(f"{g} ({reason})" for g, reason in UNSCORED_REASON.items())
        + ".",
        "",
        "What the model switches away from its 2024 routes in the hindcast years (Mt, the",
        "calibrated base year less the hindcast's emissions): "
        + ", ".join(f"{y} {_plain(v)}" for y, v in f["hindcast_switching"].items())
        + ". In those years the real industry switched next to nothing either (no capture ran",
        "before Porthos, 2026). " + _hindcast_text(f),
        "",
    ]
    return "\n".join(parts)


def _plain(value: float) -> str:
    """A figure with two decimals, without the sign of a rounded zero."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text.replace("-", "−")


def _difference(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def _calibration_text(f: Mapping) -> str:
    diff = {r["group"]: r["diff"] for r in f["sectors"]}
    return (
        "The calibration scales every non-steel sector of MIDDEN 2020 by one factor to NEa's 2024 "
        "total: right for the total, not for sectors that moved apart since 2020. Against the "
        f"latest published year on elektra's boundary the base year has refining at "
        f"{_signed(diff['refining'])} and chemicals at {_signed(diff['chemicals'])}: refining kept "
        "its 2020 level while chemicals fell with the gas crisis. A per-sector calibration on "
        "NEa's 2024 installation figures (not retrieved here) would close the gap; the hindcast "
        "below shows it year by year."
    )


def _text_2035(f: Mapping) -> str:
    rows = {r["indicator"]: r for r in f["readings"]}
    parts = []
    for name in ("base", "projection"):
        p = f["paths"][name]
        electricity = (
            rows["electricity use"][f"{name}_2035"] - rows["electricity use"][f"{name}_2030"]
        )
        stored = rows["CO2 stored"][f"{name}_2035"] - rows["CO2 stored"][f"{name}_2030"]
        steel = rows["steel from DRI-EAF and scrap EAF"][f"{name}_2035"]
        parts.append(
            f"the {'plan' if name == 'base' else 'projection'} falls {p['drop_2030_2035']:.2f} Mt, "
            f"with {_plain(electricity)} PJ/yr more electricity, {_plain(stored)} Mt/yr more CO2 "
            f"stored and {steel:.2f} Mt/yr of steel from DRI-EAF and scrap EAF in 2035"
        )
    return (
        "**2035.** No industry figure of KEV 2024/2025 or CES 3.0 for 2035 was retrieved; KEV "
        "2025 concludes that few concrete reductions are planned after 2030 (source "
        f"`pbl_kev2025`). From 2030 to 2035 {parts[0]}; {parts[1]}. Tata's DRP, most of that "
        "electrification and Aramis have no investment decision yet: this is the part of both "
        "paths KEV 2025 does not see."
    )


#: Why a group's hindcast error is what it is, where the reason is known.
EXPLAINED = {
    "steel": "Tata's blast-furnace relining in 2023 (4.5 Mt against 5.8 and 5.9)",
    "refining": "the base year's sector split (refining held at the one factor that scales "
    "every non-steel sector to 2024)",
    "building_materials": "the base year's sector split, and CBS's non-ETS sites moving apart "
    "from the ETS ones",
    "paper": "mill closures in 2023",
    "food": "CBS's non-ETS food companies moving apart from the ETS sites",
    "chemicals": "the gas crisis's curtailment in 2022-2023, which the model cannot show",
    "total": "the activity of the years the model holds at 2024",
}


def _hindcast_text(f: Mapping) -> str:
    scored = [r for r in f["hindcast"] if r["scored"] and r["group"] != "total"]
    largest = sorted(scored, key=lambda r: -abs(r["error"]))[:2]
    named = "; ".join(
        f"{r['group']} {r['year']} ({_signed(r['error'])}): {EXPLAINED[r['group']]}"
        for r in largest
    )
    return (
        f"The errors are activity and calibration, not route choice. The largest: {named}. The "
        "model holds demand at its 2024 calibration and cannot curtail for a year and come back: "
        "closing a plant and importing is permanent in it (`relocation_persists`), so the high "
        "gas prices of 2022 cannot show as a dip."
    )


def _kev_text(base: Mapping, proj: Mapping, band: list[float], pbl: list[Mapping]) -> str:
    ces = next(r["elektra"] for r in pbl if r["figure"].startswith("PBL's expectation"))
    text = (
        f"The plan's 2030 ({base[2030]:.2f} Mt) is {_verdict(base, band)}; the projection's "
        f"({proj[2030]:.2f} Mt) is {_verdict(proj, band)}. Against PBL's expectation with the CES "
        f"3.0 plans on elektra's boundary ({ces:.1f} Mt): the plan {_difference(base[2030] - ces)} "
        f"Mt, the projection {_difference(proj[2030] - ces)} Mt."
    )
    if not proj["in_band"]:
        text += (
            " The projection leaves the band because its myopic steps see each year's prices "
            "held flat: the ETS price rises after each step, so each step sees less reason to "
            "abate than the price that comes, and lead times hold back what is decided late."
        )
    return text


def solve_all() -> dict[str, xr.Dataset]:
    """Solve the three scenarios of the page; their results Datasets by role."""
    from elektra.model.pipeline import run

    return {role: run(path).results for role, path in SCENARIOS.items()}


def write_validation(out: Path = PAGE, results: Mapping[str, xr.Dataset] | None = None) -> Path:
    """Solve the scenarios (unless ``results`` are given) and write the page to ``out``."""
    from elektra.inputs.config import load_scenario

    results = results or solve_all()
    folder = load_scenario(SCENARIOS["base"]).dataset_path
    figures = validation_figures(
        results["base"], results["projection"], results["hindcast"], Published.read(folder)
    )
    out = Path(out)
    out.write_text(validation_page(figures), encoding="utf-8")
    return out
