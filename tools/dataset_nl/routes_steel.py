"""Steel routes (Tata Steel IJmuiden, incl. the process gases burnt in the Velsen/IJmond plants)."""

from __future__ import annotations

from .calibration import TARGET, VATT_2024
from .common import EF, LHV_H2
from .route import CCS_EL, Route, with_post_combustion
from .sources import (
    S_CEPCI,
    S_DEFINITION,
    S_DRI_H2,
    S_ECB_FX_2024,
    S_ETM,
    S_IRON_ORE,
    S_MIDDEN_TC0030,
    S_MIDDEN_TC0037,
    S_MIDDEN_TC0039,
    S_NEA24,
    S_POSTED_EAF,
    S_SCRAP,
    S_SLAB,
    S_WORLDSTEEL_RAW,
    S_WS,
)

ROUTES: list[Route] = []

STEEL_PROD = 7.0  # Mt/yr
ST_GAS = 7.6 / STEEL_PROD  # GJ/t : ETM 2023 iron&steel 7.1 + BF own use 0.5 PJ
ST_EL = 7.6 / STEEL_PROD  # GJ/t : ETM 2023 6.9 + 0.4 + 0.3 PJ
ST_TARGET = TARGET[("steel", "noordzeekanaalgebied")]
ST_COAL = (ST_TARGET / STEEL_PROD - ST_GAS * EF["natural_gas"] / 1000) / (EF["coal"] / 1000)
BF_BOF_IN = {"coal": ST_COAL, "natural_gas": ST_GAS, "electricity": ST_EL}
ROUTES.append(
    Route(
        "steel_bf_bof",
        "steel",
        "crude_steel",
        "reference",
        "Blast furnace + basic oxygen furnace (coke ovens, sinter, pellets; process gases burnt in power plants)",
        S_ETM + "; " + S_NEA24,
        BF_BOF_IN,
        capex=(
            500,
            "EUR/(t/yr)",
            f"{S_MIDDEN_TC0030}; {S_POSTED_EAF}",
            True,
            "assumption: reline/rebuild of blast-furnace capacity, below MIDDEN's new TGR blast furnace with capture "
            "(758/t) and above a new EAF (321/t, Jacobasch 2021 escalated); MIDDEN gives no capex for the existing "
            "blast furnace (TC0023)",
            300,
            800,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=20,
        availability=0.9,
        flh=8000,
        inputs_est=True,
        inputs_method=(
            f"gas and electricity: ETM 2023 iron&steel + blast-furnace/coke-oven own use (7.6 PJ each) / {STEEL_PROD} Mt; "
            f"coal: solved so that {STEEL_PROD} Mt x intensity = Tata 2024 (5.9 Mt) + Vattenfall plants on Tata gases (scaled, {VATT_2024:.2f} Mt); "
            f"check: {ST_COAL * STEEL_PROD:.0f} PJ coal vs ETM 2023 99.2 PJ (BF reline year)"
        ),
    )
)
ccs_in, cap = with_post_combustion(BF_BOF_IN)
ROUTES.append(
    Route(
        "steel_bf_bof_ccs",
        "steel",
        "crude_steel",
        "ccs",
        "Top-gas-recycling blast furnace with CO2 capture (HIsarna/TGR-type)",
        S_MIDDEN_TC0030,
        dict(BF_BOF_IN, electricity=ST_EL + CCS_EL * 0.786),
        capex=(
            758,
            "EUR/(t/yr)",
            S_MIDDEN_TC0030,
            True,
            "per t pig iron applied per t crude steel",
            None,
            None,
            2017,
        ),
        fixed_om=(
            22.7,
            "EUR/(t/yr)/yr",
            S_MIDDEN_TC0030,
            True,
            "per t pig iron applied per t crude steel",
            None,
            None,
            2017,
        ),
        lifetime=20,
        first_year=2030,
        capture=round(0.786 / (ST_TARGET / STEEL_PROD), 3),
        potential={"cluster6": 0.0},
        inputs_method="BF-BOF inputs plus capture electricity (175 kWh/t CO2, MIDDEN TC0478) for 0.786 t captured; capture_rate = 0.786 / gross intensity",
    )
)
# Hydrogen for reduction and heating in an H2 shaft furnace, kg H2 per t DRI, from the studies
# in POSTED that count both (S_DRI_H2); Nm3 at 0.0899 kg/Nm3
H2_NM3 = 0.0899
DRI_H2_STUDIES = {
    "Holling 2017": 635 * H2_NM3,
    "Otto 2017": 58.17 / 1.03,
    "Rechberger 2020": (504.5 + 242) * H2_NM3,
    "Sasiain 2020": (503.5 + 242) * H2_NM3,
    "Jacobasch 2021": 115742.31 / 1744694.39 * 1000,
}
DRI_PER_STEEL = 0.98  # t DRI per t crude steel (MIDDEN TC0037)
H2_DRI_KG = sum(DRI_H2_STUDIES.values()) / len(DRI_H2_STUDIES) * DRI_PER_STEEL  # kg H2/t steel
H2_DRI = H2_DRI_KG / 1000 * LHV_H2  # GJ H2 / t steel
CEPCI_2010, CEPCI_2020 = 550.8, 596.2
EAF_CAPEX = 479.89 / 2 * 797.9 / CEPCI_2020  # EUR2023 per t/yr (Jacobasch 2021)
EAF_CAPEX_LOW = 184 * 797.9 / CEPCI_2010  # Woertler 2013
EAF_CAPEX_HIGH = 331.2 * 797.9 / CEPCI_2010  # Agora Energiewende 2022
EAF_METHOD = (
    f"EAF for a DRI/scrap charge: Jacobasch et al. 2021 EUR2020 479.89M / 2 Mt/yr = 240 x CEPCI 2023/2020 "
    f"(797.9/{CEPCI_2020}) = {EAF_CAPEX:.0f} EUR2023/(t/yr); range Woertler 2013 (184 EUR2010, {EAF_CAPEX_LOW:.0f}) "
    f"to Agora 2022 with integration (331 EUR2010, {EAF_CAPEX_HIGH:.0f}); CEPCI 2010 {CEPCI_2010}, 2020 {CEPCI_2020}"
)
H2_DRI_METHOD = (
    "hydrogen for reduction and for heating the shaft-furnace gas (no separate heater in the "
    "route): mean of the studies that count both, kg H2 per t DRI: "
    + ", ".join(f"{k} {v:.1f}" for k, v in DRI_H2_STUDIES.items())
    + f" = {sum(DRI_H2_STUDIES.values()) / len(DRI_H2_STUDIES):.1f} x {DRI_PER_STEEL} t DRI/t steel "
    f"= {H2_DRI_KG:.1f} kg/t steel x 120 GJ/t = {H2_DRI:.2f} GJ/t (range "
    f"{min(DRI_H2_STUDIES.values()) * DRI_PER_STEEL:.0f}-{max(DRI_H2_STUDIES.values()) * DRI_PER_STEEL:.0f} kg/t). "
    "MIDDEN TC0039's 44.2 kt H2/Mt DRI (43 kg/t steel) lies below the stoichiometric need of "
    "about 50 kg/t; EAF electricity, gas and coal from MIDDEN TC0037"
)
ROUTES.append(
    Route(
        "steel_h2_dri_eaf",
        "steel",
        "crude_steel",
        "hydrogen",
        "Hydrogen direct reduction (shaft furnace) + electric arc furnace",
        S_MIDDEN_TC0039,
        {"hydrogen": H2_DRI, "electricity": 2.07, "natural_gas": 0.78, "coal": 0.76},
        capex=(
            round(905 * 0.98 + EAF_CAPEX),
            "EUR/(t/yr)",
            f"{S_MIDDEN_TC0039}; {S_POSTED_EAF}; {S_CEPCI}",
            True,
            f"DRI from MIDDEN TC0039 (range 673-1140, EUR2017) x 0.98 t DRI/t + EAF {EAF_CAPEX:.0f} EUR/(t/yr) "
            f"({EAF_METHOD})",
            round(673 * 0.98 + EAF_CAPEX_LOW),
            round(1140 * 0.98 + EAF_CAPEX_HIGH),
            2017,
        ),
        fixed_om=("pct", 0.03),
        lifetime=20,
        first_year=2031,
        flh=7000,
        inputs_src=S_DRI_H2 + "; " + S_MIDDEN_TC0037,
        inputs_est=True,
        inputs_method=H2_DRI_METHOD,
    )
)
ROUTES.append(
    Route(
        "steel_scrap_eaf",
        "steel",
        "crude_steel",
        "electrification",
        "Scrap-based electric arc furnace",
        S_MIDDEN_TC0037,
        {"electricity": 2.07, "natural_gas": 0.78, "coal": 0.76},
        capex=(
            round(EAF_CAPEX),
            "EUR/(t/yr)",
            S_POSTED_EAF + "; " + S_CEPCI,
            True,
            EAF_METHOD,
            round(EAF_CAPEX_LOW),
            round(EAF_CAPEX_HIGH),
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2031,
        flh=7000,
        potential={"": 0.13},
        inputs_est=True,
        inputs_method="MIDDEN DRI-EAF energy use applied to a scrap charge (upper bound)",
    )
)
ROUTES.append(
    Route(
        "steel_import",
        "steel",
        "crude_steel",
        "import",
        "Import of crude steel/slab",
        S_SLAB + "; " + S_WS,
        {},
        variable_cost=(
            480,
            "EUR/t",
            S_SLAB + "; " + S_ECB_FX_2024,
            True,
            "EU slab import offers USD 500-540/t CIF (April 2025), midpoint USD 520 / 1.0824 USD per EUR = EUR 480/t; "
            "low: Japanese slab USD 470 FOB (EUR 434); high: the 2022 price spike, widened",
            434,
            700,
            2025,
        ),
        embedded=(1.9, "t/t", S_WS, False, "", 1.8, 2.5),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)


# Non-energy materials of domestic steel, which the import price of a slab includes: iron ore
# (fines for the sinter/pellet mix of a blast furnace, DR-grade ore for a shaft furnace) and scrap
USD_PER_EUR_2024 = 1.0824
IRON_ORE_62 = 109.44 / USD_PER_EUR_2024  # EUR/t, Platts 62 % Fe 2024 average
IRON_ORE_65 = IRON_ORE_62 * 119.23 / 104.83  # EUR/t, 65 % Fe premium of 31 Dec 2024
SCRAP_EUR = 370.0  # EUR/t, midpoint of CRU's EUR 355-385/t (Feb 2024)
STEEL_MATERIALS = {
    "steel_bf_bof": (
        1.370 * IRON_ORE_62 + 0.125 * SCRAP_EUR,
        f"1,370 kg iron ore x EUR {IRON_ORE_62:.1f}/t (62 % Fe 2024) + 125 kg scrap x EUR {SCRAP_EUR:.0f}/t "
        "per t crude steel (worldsteel BF-BOF averages)",
    ),
    "steel_bf_bof_ccs": (
        1.370 * IRON_ORE_62 + 0.125 * SCRAP_EUR,
        "as the blast furnace it captures from: 1,370 kg iron ore (62 % Fe) + 125 kg scrap per t",
    ),
    "steel_h2_dri_eaf": (
        1.43 * DRI_PER_STEEL * IRON_ORE_65,
        f"1.43 t pellets per t DRI (MIDDEN TC0039) x {DRI_PER_STEEL} t DRI per t steel x EUR "
        f"{IRON_ORE_65:.1f}/t: the 65 % Fe price as a floor for DR-grade pellets (their premium and the "
        "pelletising cost were not retrieved)",
    ),
    "steel_scrap_eaf": (
        1.1 * SCRAP_EUR,
        f"1.1 t scrap per t steel x EUR {SCRAP_EUR:.0f}/t: worldsteel's 880 kg recycled steel plus other "
        "metallics per t of EAF steel, taken as a pure scrap charge at about 90 % metallic yield",
    ),
}
_STEEL_BY = {r.label: r for r in ROUTES}
for _label, (_value, _method) in STEEL_MATERIALS.items():
    _STEEL_BY[_label].variable_cost = (
        round(_value, 1),
        "EUR/t",
        f"{S_IRON_ORE}; {S_WORLDSTEEL_RAW}; {S_SCRAP}"
        + ("; " + S_MIDDEN_TC0039 if _label == "steel_h2_dri_eaf" else ""),
        True,
        "non-energy materials the import price of a slab includes: " + _method,
        None,
        None,
        2024,
    )
