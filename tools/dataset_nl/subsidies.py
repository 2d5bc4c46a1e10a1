"""subsidies.csv: SDE++, NIKI, VEKI, DEI+ and IKC-ETS."""

from __future__ import annotations

from pathlib import Path

from .common import Table
from .routes import ROUTE_BY, ROUTES, ref_route
from .routes_hydrogen import NO_SDE
from .sources import (
    S_DEI,
    S_EU_SA,
    S_EU_SA_2026,
    S_IKC,
    S_IKC_BUDGETS_2025,
    S_IKC_REGULATION,
    S_KB,
    S_NIKI,
    S_SDE24,
    S_SDE_2022,
    S_SDE_2025_LETTER,
    S_SDE_HEKJES,
    S_VEKI,
    S_VNCI_IKC,
)

# SDE++ rounds: opening budget per round, the three hekjes of EUR 1 bn (2024), and the share of
# the general pool the modelled routes compete for (CCS: 6.7 of the 12 bn awarded in 2022)
SDE_OPENING = {2023: 8000.0, 2024: 11500.0}
SDE_HEKJE = 1000.0
SDE_CCS_SHARE_2022 = 6.7 / 12.0


def write_sde_rounds(t):
    """SDE++ per round and domain: the general pool and the high-temperature-heat hekje."""
    pool = (SDE_OPENING[2024] - 3 * SDE_HEKJE) * SDE_CCS_SHARE_2022
    for y in range(2025, 2036):
        t.add(
            "subsidy_budget",
            round(pool, 1),
            "MEUR",
            f"{S_SDE_HEKJES}; {S_SDE_2022}",
            figure_year=2024,
            estimate=True,
            method=f"general pool of a round for the modelled routes: (opening budget 2024 EUR "
            f"{SDE_OPENING[2024]:,.0f}M - three hekjes of {SDE_HEKJE:,.0f}M) x {SDE_CCS_SHARE_2022:.3f}, the "
            "share of the SDE++ 2022 awards that went to CCS (the modelled routes that compete in the pool; "
            "renewable electricity and geothermal heat, not modelled, take the rest); the 2025 opening budget "
            "was not retrieved, so the 2024 round is held to 2035 (no budget for later rounds is "
            "published); low: half, high: the whole general pool of the 2024 round",
            low=round(pool / 2, 1),
            high=SDE_OPENING[2024] - 3 * SDE_HEKJE,
            instrument="sde_pp",
            year=y,
        )
        t.add(
            "subsidy_budget",
            SDE_HEKJE,
            "MEUR",
            S_SDE_HEKJES,
            figure_year=2024,
            estimate=y != 2025,
            method="the 2024 hekje held for later rounds" if y != 2025 else "",
            note="the 2024 hekje (the 2025 round's was not retrieved)" if y == 2025 else "",
            instrument="sde_pp_ht_heat",
            year=y,
        )


def write_niki_rounds(t):
    """NIKI round 1: Reju as a committed draw; the lead time from award to commissioning."""
    t.add(
        "subsidy_awarded",
        135,
        "MEUR",
        S_KB,
        figure_year=2026,
        note="Reju Regeneration Hub One (textile recycling to polyester feedstock) is not a modelled route",
        instrument="niki",
        year=2025,
    )
    t.add(
        "subsidy_awarded",
        0,
        "MEUR",
        S_KB,
        figure_year=2026,
        note="later rounds: no award outside the modelled routes known",
        instrument="niki",
        year=2026,
    )
    t.add(
        "subsidy_lead_time",
        3,
        "yr",
        S_NIKI + "; " + S_KB,
        estimate=True,
        method="assumption: a round's award (round 1: opened 2025, decided 2026) funds a commercial-scale "
        "plant commissioned about three years after the opening; the scheme's realisation period was not "
        "retrieved",
        low=2,
        high=5,
        instrument="niki",
    )


# IKC-ETS eligibility: (eligible, aid intensity, how the sector maps to the EU list)
IKC_SECTORS = {
    "steel": (1, 0.80, "NACE 24.10 basic iron and steel: on the 2020 list"),
    "non_ferrous": (1, 0.80, "NACE 24.42-24.44 aluminium, lead/zinc/tin, copper: on the 2020 list"),
    "paper": (1, 0.80, "NACE 17.11/17.12 pulp, paper and paperboard: on the 2020 list"),
    "other_chemicals": (
        1,
        0.80,
        "NACE 20.13 inorganic basic chemicals and 20.16 plastics in primary forms (on the 2020 list); "
        "its organic part (20.14) added in 2026 at 0.75 is not split out",
    ),
    "hydrogen": (1, 0.80, "industrial gases (hydrogen): on the 2020 list"),
    "petrochemicals": (
        1,
        0.75,
        "steam crackers are NACE 20.14 organic basic chemicals, added by the amendment ('organische chemie')",
    ),
    "ammonia": (1, 0.75, "NACE 20.15 fertilisers, added by the amendment ('kunstmeststoffen')"),
    "glass": (1, 0.75, "NACE 23.1x glass activities, added by the amendment"),
    "ceramics": (1, 0.75, "NACE 23.2-23.3x ceramics activities, added by the amendment"),
    "refining": (1, 0.80, "NACE 19.20 manufacture of refined petroleum products: on the 2020 list"),
    "food": (0, 0.0, "food and beverages: not on the list"),
    "cement_lime": (0, 0.0, "cement, lime: not on the list (covered by CBAM)"),
    "other_industry": (0, 0.0, "rest of ETS industry: no single NACE code to map"),
}


def write_ikc_eligibility(t):
    """IKC-ETS eligibility and aid intensity per sector, from consumption year 2025 (C/2026/196)."""
    for sector, (eligible, aid, mapping) in IKC_SECTORS.items():
        source = f"{S_EU_SA}; {S_EU_SA_2026}; {S_VNCI_IKC}; {S_KB}"
        t.add(
            "ikc_eligible",
            eligible,
            "1",
            source,
            estimate=True,
            method=f"sector mapped to the EU list: {mapping}; the amendment applies from consumption year "
            "2025 (VNCI), which the 2026 opening pays",
            sector=sector,
        )
        if eligible:
            t.add(
                "ikc_aid_intensity",
                aid,
                "1",
                f"{S_EU_SA_2026}; {S_VNCI_IKC}",
                estimate=True,
                method="0.80 for the sectors eligible before the amendment, 0.75 for the ones it adds",
                low=0.75,
                high=0.80,
                sector=sector,
            )


def write(out: Path) -> int:
    """Write subsidies.csv."""
    t = Table("subsidies")
    write_sde_rounds(t)
    t.add(
        "subsidy_budget",
        211,
        "MEUR",
        S_KB,
        figure_year=2025,
        instrument="niki",
        year=2025,
    )
    for y in range(2026, 2031):
        t.add(
            "subsidy_budget",
            round((1200 - 211) / 5, 1),
            "MEUR",
            S_NIKI,
            estimate=True,
            figure_year=y,
            method="remaining EUR 989M of the EUR 1.2bn approved scheme spread over 2026-2030",
            instrument="niki",
            year=y,
        )
    t.add(
        "subsidy_budget",
        0,
        "MEUR",
        S_NIKI,
        estimate=True,
        figure_year=2031,
        method="no budget known after the approved scheme",
        instrument="niki",
        year=2031,
    )
    write_niki_rounds(t)
    t.add(
        "subsidy_budget",
        82,
        "MEUR",
        S_VEKI,
        figure_year=2021,
        estimate=True,
        method="2021 budget held constant",
        instrument="veki",
        year=2025,
    )
    t.add(
        "subsidy_budget",
        93.7,
        "MEUR",
        S_DEI,
        figure_year=2025,
        estimate=True,
        method="2025 cash line held constant",
        instrument="dei_plus",
        year=2025,
    )
    # SDE++ operating rates: avoided CO2 x EUR 300/t ceiling
    for r in ROUTES:
        if (
            r.rclass in ("electrification", "ccs", "biogas", "blue_hydrogen")
            or r.label == "hydrogen_electrolysis"
        ):
            if r.first_year > 2035 or r.label.startswith("steel_scrap") or r.label in NO_SDE:
                continue
            if "_hybrid_" in r.label or r.rclass == "biogas":
                continue  # flexible e-boilers are Flex-e's; green gas is paid to its producers
            ref = (
                ref_route(r.sector, r.service)
                if r.sector != "hydrogen"
                else ROUTE_BY["hydrogen_smr"]
            )
            avoided = ref.net_emissions() - r.net_emissions()
            if avoided <= 0:
                continue
            unit = "EUR/t" if r.unit == "Mt" else "EUR/GJ"
            val = avoided * 300  # t/t x EUR/t = EUR/t ; Mt/PJ = t/GJ, x EUR/t = EUR/GJ
            t.add(
                "operating_subsidy_rate",
                round(val, 3),
                unit,
                f"{S_SDE24}; {S_SDE_2025_LETTER}",
                figure_year=2024,
                estimate=True,
                method=f"avoided CO2 vs reference ({avoided:.4f} t per {'t' if r.unit == 'Mt' else 'GJ'}) x EUR 300/t (SDE++ maximum outside the hekjes): the most SDE++ pays per t; the LP pays at most the "
                "route's own funding gap, which is what SDE++ pays below its maximum (base amount less the "
                "correction for market revenue). The published base amounts per category (PBL/TNO advice "
                "for the 2025 round, with Kamerbrief 2025D07786) were not retrieved, so the gap is the "
                "LP's own, not PBL's",
                instrument="sde_pp",
                route=r.label,
            )
            if r.label.endswith(("_e_boiler", "_heat_pump")) and "_hybrid_" not in r.label:
                t.add(
                    "operating_subsidy_rate",
                    round(avoided * 400, 3),
                    unit,
                    S_SDE_HEKJES,
                    figure_year=2024,
                    estimate=True,
                    method=f"avoided CO2 vs reference ({avoided:.4f} t per {'t' if r.unit == 'Mt' else 'GJ'}) "
                    "x EUR 400/t (maximum inside the hekjes since 2023); electric boilers and industrial "
                    "heat pumps are the high-temperature-heat domain's categories",
                    instrument="sde_pp_ht_heat",
                    route=r.label,
                )
    for ins in ("sde_pp", "sde_pp_ht_heat"):
        t.add(
            "subsidy_duration",
            15,
            "yr",
            S_SDE24,
            estimate=True,
            method="15 yr used for all categories",
            instrument=ins,
        )
    GRANTS = {
        "niki": (
            0.4,
            [
                "steel_h2_dri_eaf",
                "steel_bf_bof_ccs",
                "petrochemicals_h2_cracker",
                "ammonia_h2",
                "hydrogen_atr_ccs",
            ]
            + [
                r.label
                for r in ROUTES
                if r.label.endswith("_electric_furnace") or r.label.endswith("_h2_furnace")
            ],
        ),
        "veki": (
            0.3,
            [
                r.label
                for r in ROUTES
                if r.label.endswith("_heat_pump")
                or (r.label.endswith("_e_boiler") and "_hybrid_" not in r.label)
                or r.label.endswith("_h2_boiler")
            ]
            + ["steel_scrap_eaf"],
        ),
        "dei_plus": (
            0.25,
            [
                r.label
                for r in ROUTES
                if r.label.endswith("_electric_furnace") or r.label.endswith("_h2_furnace")
            ]
            + ["petrochemicals_h2_cracker"],
        ),
    }
    GRANT_SRC = {
        "niki": S_NIKI,
        "veki": S_VEKI,
        "dei_plus": S_DEI,
    }
    for ins, (share, routes) in GRANTS.items():
        for rl in routes:
            t.add(
                "grant_share",
                share,
                "1",
                GRANT_SRC[ins],
                estimate=True,
                method="assumed aid intensity (EU GBER/CEEAG ranges 25-50 %); eligibility by technology maturity",
                instrument=ins,
                route=rl,
            )
    # IKC-ETS's own budget line: the openings of 2025-2027 and the 2028 extension; from 2029 the
    # scheme is paid from the letter's reserve (policy_levers.csv: electricity_support_reserve)
    for y, v, src, est, m in (
        (2025, 167.4, S_IKC_BUDGETS_2025, False, ""),
        (2026, 129.2, S_IKC_BUDGETS_2025, False, ""),
        (2027, 200, S_IKC_BUDGETS_2025, False, ""),
        (2028, 150, S_IKC, True, "the one-year extension of Prinsjesdag 2025, 'about EUR 150M'"),
        (
            2029,
            0,
            f"{S_IKC}; {S_KB}",
            True,
            "no budget line of the scheme itself after its extension to 2028; from 2029 IKC-ETS is "
            "paid from the means the policy letter reserves for electricity costs, the share "
            "ikc_reserve_share of electricity_support_reserve (policy_levers.csv)",
        ),
        (2035, 0, f"{S_IKC}; {S_KB}", True, "as 2029"),
    ):
        t.add("ikc_budget", v, "MEUR", src, figure_year=y, estimate=est, method=m, year=y)
    # The Dutch scheme's own CO2 emission factor, below the EU maximum for Central West Europe
    t.add("ikc_emission_factor", 0.45, "t/MWh", S_IKC_REGULATION, figure_year=2022, year=2025)
    t.add(
        "ikc_emission_factor",
        0.45,
        "t/MWh",
        f"{S_IKC_REGULATION}; {S_EU_SA}; {S_EU_SA_2026}",
        figure_year=2022,
        estimate=True,
        method="the Dutch factor (Regeling nationale EZK- en LNV-subsidies art. 4.4.1, Stcrt. 2022, "
        "23127) held to 2035: the amendment C/2026/196 updates the EU maximum factors for "
        "2026-2030 and no change of the Dutch factor was found; high: the EU maximum for Central "
        "West Europe of 2020/C 317/04 (0.72)",
        low=0.45,
        high=0.72,
        year=2035,
    )
    write_ikc_eligibility(t)
    return t.write(out)
