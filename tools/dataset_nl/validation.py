"""validation/*.csv: published emissions, energy balance and projections (not parameters)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from .calibration import (
    M_OIL_GAS,
    M_STEEL,
    M_TOTAL,
    M_VATT,
    NEA_IND_2022,
    NEA_IND_2023,
    NEA_IND_2024,
    SCALE,
    TARGET,
    TATA_2020,
    TATA_2022,
    TATA_2023,
    TATA_2024,
    VATT_2024,
    M,
)
from .common import cell_text
from .sources import (
    S_CBS,
    S_CBS_EMISSION_ACCOUNTS,
    S_ETM,
    S_KLIMAATAKKOORD,
    S_MIDDEN_EM,
    S_NEA22,
    S_NEA23,
    S_NEA24,
    S_NEA_ALLOCATION,
    S_NRC_YARA,
    S_PBL_CES3,
    S_PBL_LEVY,
    S_TATA_PROD,
    checked,
)


def write(out: Path) -> dict[str, int]:
    """Write validation/emissions.csv, energy_balance.csv and projections.csv."""
    vd = out / "validation"
    vd.mkdir(exist_ok=True)
    cols = [
        "item",
        "cluster",
        "sector",
        "year",
        "value",
        "unit",
        "source",
        "estimate",
        "method",
        "note",
    ]

    def w(name, rows):
        with open(vd / f"{name}.csv", "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            wr.writeheader()
            for r in rows:
                wr.writerow(
                    {
                        k: cell_text(checked(r["source"]) if k == "source" else r.get(k, ""))
                        for k in cols
                    }
                )
        return len(rows)

    rows = []

    def add(**k):
        return rows.append(k)

    # national published figures
    add(
        item="ets_industry",
        cluster="total",
        year=2022,
        value=38.6,
        unit="Mt CO2e",
        source=S_NEA22,
        estimate="false",
    )
    add(
        item="ets_industry",
        cluster="total",
        year=2023,
        value=round(NEA_IND_2023, 2),
        unit="Mt CO2e",
        source=S_NEA23,
        estimate="true",
        method="38.6 (2022) - (9.36 total ETS decrease - 6.7 energy-sector decrease)",
    )
    add(
        item="ets_industry",
        cluster="total",
        year=2024,
        value=round(NEA_IND_2024, 2),
        unit="Mt CO2e",
        source=S_NEA24,
        estimate="true",
        method="2023 derived value + 1.2 Mt",
    )
    add(
        item="ets_all_stationary",
        cluster="total",
        year=2023,
        value=58.9,
        unit="Mt CO2e",
        source=S_NEA23,
        estimate="false",
    )
    add(
        item="cbs_industry_co2",
        cluster="total",
        year=2023,
        value=42.5,
        unit="Mt CO2",
        source=S_CBS,
        estimate="false",
        note="Klimaatakkoord sector Industrie incl. non-ETS industry; GHG 47.8 Mt CO2e",
    )
    add(
        item="cbs_industry_co2",
        cluster="total",
        year=2022,
        value=43.7,
        unit="Mt CO2",
        source=S_CBS,
        estimate="false",
    )
    for y, v in ((2022, 5.8), (2023, 4.5), (2024, 5.9)):
        add(
            item="tata_steel_ijmuiden",
            cluster="noordzeekanaalgebied",
            sector="steel",
            year=y,
            value=v,
            unit="Mt CO2",
            source=S_NEA24 if y == 2024 else (S_NEA23 if y == 2023 else S_NEA22),
            estimate="false",
        )
    add(
        item="vattenfall_plants_on_tata_gases",
        cluster="noordzeekanaalgebied",
        sector="steel",
        year=2020,
        value=round(M_VATT, 3),
        unit="Mt CO2e",
        source=S_MIDDEN_EM,
        estimate="false",
        note="Velsen 24/25 3.42 + IJmond 1 1.73; NEa energy sector",
    )
    # MIDDEN 2020 per cluster x sector as mapped
    t20 = defaultdict(float)
    for (ms, c), v in M.items():
        t20[(ms, c)] += v
    for (ms, c), v in sorted(t20.items()):
        if v > 0:
            add(
                item="midden_nea_2020",
                cluster=c,
                sector=ms,
                year=2020,
                value=round(v, 4),
                unit="Mt CO2e",
                source=S_MIDDEN_EM,
                estimate="false",
            )
    # calibration targets (2024 level)
    bycl = defaultdict(float)
    for (sct, c), v in TARGET.items():
        bycl[c] += v
        add(
            item="calibration_target_sector",
            cluster=c,
            sector=sct,
            year=2024,
            value=round(v, 4),
            unit="Mt CO2",
            source=f"{S_MIDDEN_EM}; {S_NEA24}",
            estimate="true",
            method=_target_method(sct),
        )
    for c, v in sorted(bycl.items()):
        add(
            item="calibration_target",
            cluster=c,
            year=2024,
            value=round(v, 4),
            unit="Mt CO2",
            source=f"{S_MIDDEN_EM}; {S_NEA24}",
            estimate="true",
            method="sum of calibration_target_sector",
        )
    add(
        item="calibration_target",
        cluster="total",
        year=2024,
        value=round(sum(bycl.values()), 4),
        unit="Mt CO2",
        source=f"{S_MIDDEN_EM}; {S_NEA24}",
        estimate="true",
        method=f"NEa ETS industry 2024 ({NEA_IND_2024:.2f}) - MIDDEN oil & gas extraction (scaled) + Vattenfall plants on Tata gases ({VATT_2024:.2f})",
    )
    _sector_rows(add)
    n_e = w("emissions", rows)

    rows = []

    def add(**k):
        return rows.append(k)

    ETMROWS = [
        (
            "industry_final_energetic",
            {
                "natural_gas": 160.0,
                "electricity": 115.2,
                "heat": 60.3,
                "coal": 15.2,
                "oil": 104.5,
                "biomass_waste": 5.6,
            },
        ),
        (
            "iron_steel_final",
            {"natural_gas": 7.1, "electricity": 6.9, "heat": 0.3, "coal": 14.2, "oil": 0.1},
        ),
        (
            "chemical_petrochemical_final",
            {
                "natural_gas": 57.0,
                "electricity": 43.2,
                "heat": 52.7,
                "oil": 104.2,
                "biomass_waste": 0.6,
            },
        ),
        ("non_ferrous_final", {"natural_gas": 1.8, "electricity": 3.8}),
        ("non_metallic_minerals_final", {"natural_gas": 16.5, "electricity": 3.9, "coal": 0.7}),
        (
            "food_tobacco_final",
            {
                "natural_gas": 48.3,
                "electricity": 24.2,
                "heat": 3.6,
                "coal": 0.3,
                "biomass_waste": 1.3,
            },
        ),
        (
            "paper_pulp_print_final",
            {"natural_gas": 9.8, "electricity": 5.9, "heat": 0.9, "biomass_waste": 0.6},
        ),
        (
            "oil_refineries_own_use",
            {"natural_gas": 17.1, "electricity": 9.6, "heat": 8.7, "oil": 104.0},
        ),
        ("blast_furnaces_own_use", {"natural_gas": 0.5, "electricity": 0.4, "coal": 5.9}),
        ("coke_ovens_own_use", {"electricity": 0.3, "heat": 0.9, "coal": 6.9}),
        ("non_energy_use", {"natural_gas": 67.0, "coal": 1.3, "oil": 375.6}),
        (
            "autoproducer_chp_input",
            {"natural_gas": 143.6, "coal": 2.5, "oil": 13.6, "biomass_waste": 19.9},
        ),
        ("autoproducer_chp_output", {"electricity": 65.8, "heat": 76.4}),
        ("coke_ovens_coking_coal_input", {"coal": 70.9}),
        ("blast_furnaces_coking_coal_input", {"coal": 28.3}),
    ]
    for item, d in ETMROWS:
        for k, v in d.items():
            add(
                item=item,
                cluster="total",
                sector=k,
                year=2023,
                value=v,
                unit="PJ",
                source=S_ETM,
                estimate="false",
                note="'sector' column holds the carrier group here",
            )
    add(
        item="yara_sluiskil_gas_use",
        cluster="zeeland_west_brabant",
        sector="natural_gas",
        year=2022,
        value=2.0,
        unit="bcm/yr",
        source=S_NRC_YARA,
        estimate="false",
    )
    add(
        item="tata_steel_production",
        cluster="noordzeekanaalgebied",
        sector="steel",
        year=2023,
        value=7.0,
        unit="Mt/yr",
        source=S_TATA_PROD,
        estimate="false",
    )
    n_b = w("energy_balance", rows)

    rows = []

    def add(**k):
        return rows.append(k)

    add(
        item="kev2024_industry_2030_low",
        cluster="total",
        year=2030,
        value=33.3,
        unit="Mt CO2e",
        source=S_PBL_CES3,
        estimate="false",
        note="KEV 2024 range 33.3-42.5",
    )
    add(
        item="kev2024_industry_2030_high",
        cluster="total",
        year=2030,
        value=42.5,
        unit="Mt CO2e",
        source=S_PBL_CES3,
        estimate="false",
    )
    add(
        item="pbl_ces3_expected_industry_2030",
        cluster="total",
        year=2030,
        value=38.5,
        unit="Mt CO2e",
        source=S_PBL_CES3,
        estimate="false",
    )
    add(
        item="industry_indicative_target_2030",
        cluster="total",
        year=2030,
        value=PBL_TARGET_2030,
        unit="Mt CO2e",
        source=S_PBL_CES3,
        estimate="false",
    )
    add(
        item="klimaatakkoord_industry_target_2030",
        cluster="total",
        year=2030,
        value=35.7,
        unit="Mt CO2e",
        source=S_KLIMAATAKKOORD,
        estimate="false",
        note="NWEA 2021 cites 37.7",
    )
    add(
        item="ces3_planned_ccs_2030",
        cluster="total",
        year=2030,
        value=21,
        unit="Mt CO2/yr",
        source=S_PBL_CES3,
        estimate="false",
        note="industry + power; exceeds Porthos 2.5 + Aramis 5-14",
    )
    add(
        item="pbl_levy_abolition_effect_2030",
        cluster="total",
        year=2030,
        value=1.5,
        unit="Mt CO2",
        source=S_PBL_LEVY,
        estimate="true",
        method="midpoint of 1-2 Mt",
    )
    shift, shift_method = pbl_boundary_shift_2030()
    add(
        item="pbl_industry_minus_elektra_boundary_2030",
        cluster="total",
        year=2030,
        value=round(shift, 2),
        unit="Mt CO2e",
        source=f"{S_CBS}; {S_MIDDEN_EM}; {S_NEA24}",
        estimate="true",
        method=shift_method,
        note="subtract from a PBL industry figure for 2030 to put it on elektra's boundary",
    )
    add(
        item="industry_indicative_target_2030_elektra_boundary",
        cluster="total",
        year=2030,
        value=round(PBL_TARGET_2030 - shift, 1),
        unit="Mt CO2e",
        source=f"{S_PBL_CES3}; {S_CBS}; {S_MIDDEN_EM}",
        estimate="true",
        method=f"indicative 2030 target for industry {PBL_TARGET_2030} Mt - boundary shift {shift:.2f} Mt "
        "(pbl_industry_minus_elektra_boundary_2030); the cap of scenarios/target_2030.yaml",
    )
    n_p = w("projections", rows)
    return {
        "validation/emissions": n_e,
        "validation/energy_balance": n_b,
        "validation/projections": n_p,
    }


PBL_TARGET_2030 = 29.1  # Mt CO2e, indicative residual target for industry (PBL CES 3.0 reflection)
CBS_INDUSTRY_GHG_2023 = 47.8  # Mt CO2e, Klimaatakkoord sector industry (S_CBS)
UNMODELLED_FALL_2023_2030 = 1.0  # Mt, assumed fall of the unmodelled part by 2030 [estimate]


def pbl_boundary_shift_2030():
    """PBL industry minus elektra's boundary in 2030, Mt CO2e, and how it is made.

    Both sides on one year, 2023 (CBS's latest industry figure): elektra's boundary in 2023 is
    the calibration's 2024 total with its non-steel part scaled by the NEa industry figures
    (2023 / 2024) and Tata and the Vattenfall plants at their 2023 level.
    """
    modelled_2024 = sum(TARGET.values())
    non_steel_2024 = modelled_2024 - TATA_2024 - VATT_2024
    non_steel_2023 = non_steel_2024 * (NEA_IND_2023 - TATA_2023) / (NEA_IND_2024 - TATA_2024)
    vattenfall_2023 = M_VATT * TATA_2023 / TATA_2020
    modelled_2023 = non_steel_2023 + TATA_2023 + vattenfall_2023
    unmodelled_2023 = CBS_INDUSTRY_GHG_2023 - (modelled_2023 - vattenfall_2023)
    unmodelled_2030 = unmodelled_2023 - UNMODELLED_FALL_2023_2030
    shift = unmodelled_2030 - VATT_2024
    method = (
        f"PBL industry (Klimaatakkoord sector) holds non-ETS and non-CO2 emissions that elektra does not "
        f"model and leaves out the Vattenfall plants on Tata's gases that elektra counts. Both on 2023: "
        f"elektra's boundary in 2023 = its non-steel base year {non_steel_2024:.2f} x NEa industry less Tata "
        f"(2023 {NEA_IND_2023 - TATA_2023:.2f} / 2024 {NEA_IND_2024 - TATA_2024:.2f}) + Tata 2023 {TATA_2023} "
        f"+ Vattenfall plants at Tata's 2023 level {vattenfall_2023:.2f} = {modelled_2023:.2f} Mt; not "
        f"modelled in 2023 = CBS industry GHG {CBS_INDUSTRY_GHG_2023} - ({modelled_2023:.2f} - "
        f"{vattenfall_2023:.2f}) = {unmodelled_2023:.2f} Mt, assumed {UNMODELLED_FALL_2023_2030:.0f} Mt lower "
        f"by 2030 (slow non-CO2 and non-ETS measures) = {unmodelled_2030:.2f} Mt; shift = "
        f"{unmodelled_2030:.2f} - {VATT_2024:.2f} (Vattenfall plants in 2030 at a full year of both blast "
        f"furnaces, their 2024 level) = {shift:.2f} Mt"
    )
    return shift, method


def _target_method(sct):
    if sct == "steel":
        return f"Tata Steel 2024 (NEa, 5.9) + Vattenfall Velsen/IJmond plants on Tata gases (MIDDEN 2020 {M_VATT:.2f} x 5.9/5.712)"
    return (
        f"MIDDEN NEa-2020 emissions of the sector in the cluster x {SCALE:.4f} = (NEa ETS industry 2024 {NEA_IND_2024:.2f} - Tata 5.9) / "
        f"(MIDDEN 2020 total excl. steel and Vattenfall, incl. oil & gas extraction {M_TOTAL - M_STEEL - M_VATT:.2f})"
    )


#: CBS emission accounts (83300), CO2 in Mt by NACE activity, and the elektra sectors each holds.
CBS_NACE = {
    "refining": ("19", "refining", {2020: 10.272, 2022: 10.495, 2023: 10.288}),
    "chemicals": (
        "20",
        "ammonia, petrochemicals, other_chemicals, hydrogen",
        {2020: 18.706, 2022: 15.843, 2023: 15.898},
    ),
    "basic_metals": (
        "24",
        "steel (without Vattenfall's plants) and non_ferrous",
        {2020: 6.062, 2022: 6.106, 2023: 4.780},
    ),
    "building_materials": (
        "23",
        "glass, ceramics, cement_lime",
        {2020: 1.192, 2022: 1.431, 2023: 1.223},
    ),
    "paper": ("17", "paper", {2020: 0.889, 2022: 0.893, 2023: 0.693}),
    "food": ("10-12", "food", {2020: 4.147, 2022: 4.073, 2023: 3.893}),
    "manufacturing": (
        "C",
        "all modelled sectors but Vattenfall's plants",
        {2020: 43.821, 2022: 41.281, 2023: 39.038},
    ),
}
#: NEa: free allowances paid out for the year, million (S_NEA_ALLOCATION); 2023 derived.
NEA_FREE_ALLOCATION = {2020: 40.5, 2022: 38.8, 2024: 33.6}
TATA = {2022: TATA_2022, 2023: TATA_2023, 2024: TATA_2024}
NEA_INDUSTRY = {2022: NEA_IND_2022, 2023: NEA_IND_2023, 2024: NEA_IND_2024}


def _sector_rows(add) -> None:
    """Published emissions per sector group (CBS NACE), NEa's free allocation, and what the
    hindcast sets the model against: each group on elektra's boundary, per year."""
    for group, (nace, modelled, values) in CBS_NACE.items():
        for year, value in values.items():
            add(
                item="cbs_nace_co2",
                cluster="total",
                sector=group,
                year=year,
                value=value,
                unit="Mt CO2",
                source=S_CBS_EMISSION_ACCOUNTS,
                estimate="false",
                note=f"NACE {nace}; elektra's sectors: {modelled}; CBS counts every site of the activity "
                "(also non-ETS) and puts CHPs run by energy companies under D",
            )
    for year, value in NEA_FREE_ALLOCATION.items():
        add(
            item="nea_free_allocation",
            cluster="total",
            year=year,
            value=value,
            unit="Mt CO2",
            source=S_NEA_ALLOCATION,
            estimate="false",
            note="free allowances paid out for the year to all Dutch ETS companies (industry and heat)",
        )
    add(
        item="nea_free_allocation",
        cluster="total",
        year=2023,
        value=round(NEA_FREE_ALLOCATION[2024] / 0.92, 2),
        unit="Mt CO2",
        source=S_NEA_ALLOCATION,
        estimate="true",
        method="2024's 33.6 million is 8 % below 2023's: 33.6 / 0.92",
    )
    og = M_OIL_GAS * SCALE
    for year in (2022, 2023, 2024):
        vattenfall = M_VATT * TATA[year] / TATA_2020
        add(
            item="observed_elektra_boundary",
            cluster="total",
            sector="total",
            year=year,
            value=round(NEA_INDUSTRY[year] - og + vattenfall, 3),
            unit="Mt CO2",
            source=f"{S_NEA22}; {S_NEA23}; {S_NEA24}; {S_MIDDEN_EM}",
            estimate="true",
            method=f"NEa ETS industry {NEA_INDUSTRY[year]:.2f} - oil & gas extraction (MIDDEN 2020 "
            f"{M_OIL_GAS:.2f} x {SCALE:.4f}, not modelled) + Vattenfall's plants on Tata's gases "
            f"(MIDDEN 2020 {M_VATT:.2f} x Tata {TATA[year]} / {TATA_2020}), as the calibration does for 2024",
        )
        add(
            item="observed_elektra_boundary",
            cluster="total",
            sector="steel",
            year=year,
            value=round(TATA[year] + vattenfall, 3),
            unit="Mt CO2",
            source=f"{S_NEA22 if year == 2022 else S_NEA23 if year == 2023 else S_NEA24}; {S_MIDDEN_EM}",
            estimate="true",
            method=f"Tata Steel IJmuiden {TATA[year]} (NEa) + Vattenfall's plants on its gases "
            f"{vattenfall:.2f} (MIDDEN 2020 {M_VATT:.2f} x Tata {TATA[year]} / {TATA_2020})",
        )
    # CBS's accounts put on elektra's boundary with each group's 2020 ratio: NEa's 2020 figures
    # per installation (MIDDEN, the calibration's base) over CBS's 2020 figure for the activity
    midden = defaultdict(float)
    for (label, _cluster), value in M.items():
        for group, labels in MIDDEN_GROUPS.items():
            if label in labels:
                midden[group] += value
    for group in MIDDEN_GROUPS:
        cbs = {
            y: v - (TATA.get(y, TATA_2020) if group == "non_ferrous" else 0.0)
            for y, v in _cbs(group).items()
        }
        ratio = midden[group] / cbs[2020]
        what = (
            "CBS NACE 24 basic metals less Tata Steel (NEa)"
            if group == "non_ferrous"
            else f"CBS NACE {CBS_NACE[group][0]}"
        )
        add(
            item="observed_elektra_boundary",
            cluster="total",
            sector=group,
            year=2020,
            value=round(midden[group], 3),
            unit="Mt CO2",
            source=S_MIDDEN_EM,
            estimate="false",
            method="NEa 2020 verified emissions per installation (MIDDEN) of "
            + ", ".join(MIDDEN_GROUPS[group])
            + f": the boundary of elektra's sectors; {what} 2020 = {cbs[2020]:.3f}",
        )
        for year in (2022, 2023):
            add(
                item="observed_elektra_boundary",
                cluster="total",
                sector=group,
                year=year,
                value=round(cbs[year] * ratio, 3),
                unit="Mt CO2",
                source=f"{S_CBS_EMISSION_ACCOUNTS}; {S_MIDDEN_EM}"
                + (f"; {S_NEA22 if year == 2022 else S_NEA23}" if group == "non_ferrous" else ""),
                estimate="true",
                method=f"{what} {cbs[year]:.3f} x the 2020 ratio of NEa's installations (MIDDEN "
                f"{midden[group]:.3f}) to CBS ({cbs[2020]:.3f}) = {ratio:.4f}: CBS's change on "
                "elektra's boundary",
            )


#: MIDDEN's sector labels (NEa 2020 per installation) each published group covers: the
#: boundary elektra's sectors have (the CHPs MIDDEN assigns to their chemical hosts included).
MIDDEN_GROUPS = {
    "refining": ("refining",),
    "chemicals": (
        "chemicals (other)",
        "fertiliser/ammonia",
        "industrial gases (H2/SMR etc.)",
        "electricity/CHP (other)",
    ),
    "non_ferrous": ("non-ferrous metals",),
    "building_materials": ("cement/lime/other minerals", "ceramics/bricks", "glass"),
    "paper": ("paper",),
    "food": ("food & beverages",),
}


def _cbs(group: str) -> dict[int, float]:
    return CBS_NACE["basic_metals" if group == "non_ferrous" else group][2]
