"""Hydrogen production routes, including the MCA's techniques."""

from __future__ import annotations

from .common import EF, LHV_H2
from .labels import CLUSTERS
from .route import CCS_EL, GAS_BOILER, Route
from .sources import (
    S_CEPCI,
    S_CRACKER,
    S_DEA_OFFWIND,
    S_DEFINITION,
    S_ECB_FX,
    S_ETM_CAR,
    S_ETM_NODE,
    S_FRIEDEN,
    S_GEMINI,
    S_H2GLOBAL,
    S_HE_PATHWAYS,
    S_MIDDEN_TC0352,
    S_MIDDEN_TC0354,
    S_MIDDEN_TC0361,
    S_MIDDEN_TC0425,
    S_MONOLITH,
    S_NETL_H2,
    S_OFFSHORE_H2,
    S_OWE,
    S_POR_IMPORT,
    S_PYRO_BASF,
    S_PYRO_CARBON,
    S_PYRO_STOICH,
    S_TNO_EL,
)

ROUTES: list[Route] = []

SMR_GAS = 182 / LHV_H2  # PJ gas per PJ H2
ROUTES.append(
    Route(
        "hydrogen_smr",
        "hydrogen",
        "hydrogen",
        "reference",
        "Steam methane reforming (grey hydrogen)",
        S_MIDDEN_TC0352,
        {"natural_gas": SMR_GAS},
        capex=(
            741,
            "EUR/kW",
            S_ETM_NODE,
            True,
            "222 MEUR / (402 MW x 0.745) per kW H2",
            None,
            None,
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        inputs_est=False,
        note="input-based CO2 is 10.3 t/t H2 vs 9.0 in MIDDEN (steam export credit not modelled)",
    )
)
smr_cap = 0.669
smr_gross = SMR_GAS * EF["natural_gas"] / 1000
ROUTES.append(
    Route(
        "hydrogen_smr_ccs",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "SMR with pre-combustion capture (Porthos-type retrofit)",
        f"{S_MIDDEN_TC0354}; {S_ETM_NODE}",
        {
            "natural_gas": SMR_GAS + smr_cap * smr_gross * (313 * 3.6 / 1000) * GAS_BOILER,
            "electricity": smr_cap * smr_gross * CCS_EL,
        },
        capex=("ccs193", (0.0, "EUR/kW"), smr_cap * smr_gross),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2026,
        capture=smr_cap,
        potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
        inputs_method="SMR inputs plus capture energy of MIDDEN TC0354",
    )
)
# Chemical Engineering Plant Cost Index, annual averages (S_CEPCI)
CEPCI = {2017: 567.5, 2018: 603.1, 2019: 607.5, 2023: 797.9}
# ATR + CCS capex, EUR2023 per kW H2 (LHV): NETL 2022 case 3, converted and escalated
KW_PER_KG_H2_DAY = LHV_H2 * 1000 / 86400  # 1 kg H2/day = 1.3889 kW (LHV)
ATR_CCS_CAPEX = 1467 / KW_PER_KG_H2_DAY / 1.181 * CEPCI[2023] / CEPCI[2018]
ROUTES.append(
    Route(
        "hydrogen_atr_ccs",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "Autothermal reforming with CO2 capture (H-Vision type)",
        f"{S_MIDDEN_TC0425}; {S_NETL_H2}",
        {"natural_gas": 3.13 / 2.4, "electricity": 0.053},
        capex=(
            round(ATR_CCS_CAPEX),
            "MEUR/GW",
            f"{S_NETL_H2}; {S_ECB_FX}; {S_CEPCI}; {S_MIDDEN_TC0425}",
            True,
            f"NETL ATR + CCS (94.5 % capture) total as-spent cost USD2018 1,467 per kg H2/day / 1.3889 kW "
            f"(LHV) per kg/day = USD2018 1,056/kW / 1.181 USD per EUR = EUR2018 894/kW x CEPCI 2023/2018 "
            f"(797.9/603.1) = EUR2023 {ATR_CCS_CAPEX:.0f}/kW; low: the H-Vision pre-FEED figure "
            f"MIDDEN uses (EUR2019 380/kW) x CEPCI 2023/2019 (797.9/607.5) = {380 * CEPCI[2023] / CEPCI[2019]:.0f}; "
            "high: NETL's +25 % estimate accuracy. H-Vision's unescalated 2019 figure gave blue "
            "hydrogen at about EUR 2.2/kg",
            round(380 * CEPCI[2023] / CEPCI[2019]),
            round(ATR_CCS_CAPEX * 1.25),
            2023,
        ),
        fixed_om=("pct", 0.025),
        lifetime=25,
        first_year=2031,
        capture=0.96,
        potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
        inputs_est=False,
        note="capture 0.96 (ETM ATR+CCS); MIDDEN gives 498 of 504 t/h (0.99); first_year 2031 [estimate, see method]",
    )
)
EL_CAPEX_2025 = 2063 / 0.62
ROUTES.append(
    Route(
        "hydrogen_electrolysis",
        "hydrogen",
        "hydrogen",
        "hydrogen",
        "Grid-connected water electrolysis (alkaline)",
        f"{S_MIDDEN_TC0361}; {S_TNO_EL}",
        {"electricity": 53.6 * 3.6 / LHV_H2},
        capex=(
            "years",
            {
                2025: (
                    round(EL_CAPEX_2025),
                    "EUR/kW",
                    S_TNO_EL,
                    True,
                    "per kW H2 output = per kWe / 0.62",
                    1000,
                    round(3050 / 0.62),
                    2024,
                ),
                2030: (
                    2300,
                    "EUR/kW",
                    S_MIDDEN_TC0361,
                    True,
                    "midpoint of MIDDEN range used for 2030 onward",
                    1000,
                    3600,
                    2020,
                ),
            },
        ),
        fixed_om=(0.14, "MEUR/MW/yr", S_MIDDEN_TC0361, False, "", None, None, 2020),
        lifetime=30,
        first_year=2025,
        availability=0.57,
        flh=5000,
        inputs_est=False,
        note="availability 0.57 = 5000 h/yr assumed (grid-connected, avoiding peak prices; Hydrogen Europe 2022 uses 4000 h)",
    )
)
ROUTES.append(
    Route(
        "hydrogen_import",
        "hydrogen",
        "hydrogen",
        "import",
        "Import of low-carbon hydrogen by pipeline",
        f"{S_ETM_CAR}; {S_OWE}; {S_FRIEDEN}",
        {},
        variable_cost=(
            "years",
            {
                2025: (
                    180,
                    "EUR/MWh",
                    f"{S_ETM_CAR}; {S_OWE}",
                    True,
                    "EUR 6/kg (120 MJ/kg) assumed for 2025-2030 imports; range ETM 2023 carrier EUR 3.58/kg to OWE cap EUR 9/kg",
                    107,
                    270,
                    2024,
                ),
                2035: (
                    150,
                    "EUR/MWh",
                    S_FRIEDEN,
                    True,
                    "EUR 5/kg assumed by 2035 (Frieden & Leker 2024 trajectory 5.3 -> 4.4 EUR/kg 2020-2030 plus transport)",
                    107,
                    270,
                    2024,
                ),
            },
        ),
        capex=(
            0.0,
            "EUR/kW",
            S_DEFINITION,
            True,
            "no domestic asset (terminal costs in the price)",
            None,
            None,
            2024,
        ),
        lifetime=30,
        first_year=2030,
        availability=1.0,
    )
)

# ---- hydrogen techniques of the MCA (issue 10): methane pyrolysis, electrolysis on a
# dedicated offshore wind farm, import as ammonia cracked in Rotterdam. Each figure is
# defined once here; tools/dataset_nl/build_mca_criteria.py reads the written CSVs.
NH3_LHV = 18.6  # GJ/t = 5.167 MWh/t (Ishimoto et al. 2020)
NH3_PER_H2 = 1.46  # GJ NH3 per GJ H2, cracker fired with ammonia (ENGIE et al. 2020)
PYRO_GAS = 200 / LHV_H2  # PJ gas per PJ H2 (stoichiometric, unconverted methane recycled)
PYRO_KWH = 53.6 / 5  # kWh/kg H2: a fifth of the dataset's AEL electrolyser (BASF)
PYRO_CARBON = 3 / LHV_H2  # t solid carbon per GJ H2 (0.025)
CARBON_VALUE = (150.0, 500.0, -50.0)  # EUR/t: central, high value, disposal cost
PYRO_CAPEX = (2000, 1000, 3500)  # EUR per kW H2
OFFWIND_CAPEX, OFFWIND_FOM = 2040, 0.0225  # EUR2020/kW_e, share/yr (DEA)
STATION_CAPEX, STATION_FOM = 820, 0.015  # EUR/kW_e, share/yr (DEA), proxy for the platform
EL_EFF = 0.62  # kWh H2 (LHV) per kWh_e, the dataset's AEL (MIDDEN TC0361)
EL_CAPEX_H2, EL_FOM_H2 = (
    2300,
    0.14,
)  # EUR/kW H2 and MEUR/MW_H2/yr, the dataset's electrolyser from 2030
OFFSHORE_CAPEX = round((OFFWIND_CAPEX + STATION_CAPEX) / EL_EFF + EL_CAPEX_H2)
OFFSHORE_FOM = (
    OFFWIND_CAPEX * OFFWIND_FOM + STATION_CAPEX * STATION_FOM
) / EL_EFF / 1000 + EL_FOM_H2
#: capacity factor of Gemini (2.6 TWh/yr from 600 MW, next to the site) x electrolyser
#: availability 0.97 (estimate)
GEMINI_CF = 2.6e6 / (600 * 8760)
OFFSHORE_AVAILABILITY = round(GEMINI_CF * 0.97, 2)
AMMONIA_PRICE = {2030: (1000, 600, 1153), 2035: (800, 600, 1153)}  # EUR/t delivered Rotterdam


def ammonia_cost(price):
    """EUR per GJ H2 of the ammonia a cracker takes: price / LHV x 1.46 GJ NH3 per GJ H2."""
    return round(price / NH3_LHV * NH3_PER_H2, 3)


ROUTES.append(
    Route(
        "hydrogen_pyrolysis",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "Methane pyrolysis, electrically heated (solid carbon by-product)",
        f"{S_PYRO_BASF}; {S_PYRO_STOICH}; {S_MONOLITH}",
        {"natural_gas": PYRO_GAS, "electricity": PYRO_KWH * 3.6 / LHV_H2},
        capex=(
            PYRO_CAPEX[0],
            "EUR/kW",
            f"{S_MONOLITH}; {S_HE_PATHWAYS}",
            True,
            "no published capex of a hydrogen-scale plant: Monolith's first of a kind (USD 1.04bn loan "
            "guarantee for about 65 kt H2/yr, 7.8 PJ/yr, including a 275 kt/yr ammonia plant of roughly "
            "EUR 0.3bn) implies about EUR 2,500-3,000 per kW H2; a 2030s plant assumed at EUR 2,000/kW "
            "(learning, no carbon-black finishing); low: an SMR+CCS-like nth plant (EUR 1,000/kW, in line "
            "with Hydrogen Europe's EUR 2.3/kg turquoise LCOH); high: first of a kind (3,500)",
            PYRO_CAPEX[1],
            PYRO_CAPEX[2],
            2024,
        ),
        fixed_om=("pct", 0.03),
        variable_cost=(
            round(-CARBON_VALUE[0] * PYRO_CARBON, 4),
            "EUR/GJ",
            f"{S_PYRO_CARBON}; {S_PYRO_STOICH}",
            True,
            f"by-product revenue of the solid carbon: 3 kg C per kg H2 = {PYRO_CARBON:.3f} t per GJ H2 "
            f"x EUR {CARBON_VALUE[0]:.0f}/t (assumed: bulk carbon far beyond the carbon-black market, "
            "below Keipi's 280-310 and Shokrollahi's USD 200/t carbon black); low (more revenue): "
            f"EUR {CARBON_VALUE[1]:.0f}/t; high: a disposal cost of EUR {-CARBON_VALUE[2]:.0f}/t",
            round(-CARBON_VALUE[1] * PYRO_CARBON, 4),
            round(-CARBON_VALUE[2] * PYRO_CARBON, 4),
            2024,
        ),
        lifetime=25,
        first_year=2031,
        availability=0.9,
        flh=8000,
        potential={"cluster6": 0.0},
        inputs_est=True,
        inputs_method=(
            f"natural gas {PYRO_GAS:.4f} PJ/PJ: 4 kg CH4 per kg H2 at 50 MJ/kg (stoichiometric, unconverted "
            f"methane recycled); electricity {PYRO_KWH:.2f} kWh/kg = a fifth of the dataset's 53.6 kWh/kg "
            "AEL (BASF: about five times less than electrolysis; range 6-15 kWh/kg, reaction enthalpy 5.2 "
            "kWh/kg minimum); carbon leaves as a solid (solid_carbon_share 1)"
        ),
        note="no SDE++ category for pyrolysis (not eligible); TRL 6: BASF pilot, Baytown demonstration",
    )
)
ROUTES.append(
    Route(
        "hydrogen_offshore_electrolysis",
        "hydrogen",
        "hydrogen",
        "hydrogen",
        "Electrolysis on a dedicated offshore wind farm (hydrogen landed by pipeline, no grid load)",
        f"{S_DEA_OFFWIND}; {S_OFFSHORE_H2}",
        {},
        capex=(
            OFFSHORE_CAPEX,
            "EUR/kW",
            f"{S_DEA_OFFWIND}; {S_MIDDEN_TC0361}",
            True,
            f"wind farm and electrolyser in one route, per kW of hydrogen: (turbines {OFFWIND_CAPEX} + "
            f"offshore platform {STATION_CAPEX}, taken as a DEA AC substation) EUR/kW_e / {EL_EFF} kW H2 "
            f"per kW_e + the dataset's electrolyser {EL_CAPEX_H2} EUR/kW H2 = {OFFSHORE_CAPEX}; the "
            "hydrogen pipeline to shore (a reused gas pipeline) is left out (about 1 % at EUR 201/MW/km x "
            "100 km, PyPSA); low: -20 % on wind and platform, electrolyser 1,000; high: +25 %, 3,600",
            round((OFFWIND_CAPEX + STATION_CAPEX) * 0.8 / EL_EFF + 1000),
            round((OFFWIND_CAPEX + STATION_CAPEX) * 1.25 / EL_EFF + 3600),
            2020,
        ),
        fixed_om=(
            round(OFFSHORE_FOM, 5),
            "MEUR/MW/yr",
            f"{S_DEA_OFFWIND}; {S_MIDDEN_TC0361}",
            True,
            f"(turbines {OFFWIND_FOM:.2%} x {OFFWIND_CAPEX} + platform {STATION_FOM:.1%} x {STATION_CAPEX}) "
            f"EUR/kW_e/yr / {EL_EFF} + electrolyser {EL_FOM_H2} MEUR/MW H2/yr",
            None,
            None,
            2020,
        ),
        lifetime=25,
        first_year=2030,
        availability=OFFSHORE_AVAILABILITY,
        potential={c: 0.0 for c in CLUSTERS if c != "noord_nederland"},
        inputs_est=True,
        note=(
            "the wind electricity is part of the route (its own capex, capacity factor as availability), not "
            "a carrier: the farm feeds only its electrolyser, so it adds no grid load and buys no "
            "electricity; TRL 6 (PosHYdon pilot)"
        ),
    )
)
ROUTES.append(
    Route(
        "hydrogen_import_ammonia",
        "hydrogen",
        "hydrogen",
        "import",
        "Import of renewable ammonia, cracked to hydrogen in Rotterdam",
        f"{S_CRACKER}; {S_H2GLOBAL}; {S_POR_IMPORT}",
        {},
        capex=(
            1062,
            "EUR/kW",
            S_CRACKER,
            True,
            "the cracker at the import terminal (EUR2015 as published, not escalated): 200 t NH3/d plant; "
            "low: 2,500 t/d (scale); high: +50 % for a first large unit",
            528,
            1593,
            2015,
        ),
        fixed_om=("pct", 0.043),
        variable_cost=(
            "years",
            {
                y: (
                    ammonia_cost(p[0]),
                    "EUR/GJ",
                    f"{S_H2GLOBAL}; {S_CRACKER}",
                    True,
                    f"renewable ammonia delivered EUR {p[0]}/t / {NH3_LHV} GJ/t x {NH3_PER_H2} GJ NH3 per GJ "
                    "H2 (the cracker's heat from ammonia); "
                    + (
                        "the H2Global pilot price for deliveries from 2027"
                        if y == 2030
                        else "assumed between H2Global (EUR 1,000) and the 2025 Indian auctions (USD 600)"
                    )
                    + f"; low EUR {p[1]}/t (SECI India 2025), high EUR {p[2]}/t (H2Global gross price)",
                    ammonia_cost(p[1]),
                    ammonia_cost(p[2]),
                    2024,
                )
                for y, p in AMMONIA_PRICE.items()
            },
        ),
        lifetime=25,
        first_year=2030,
        availability=0.9,
        potential={c: 0.0 for c in CLUSTERS if c != "rotterdam_moerdijk"},
        note="the cracker is the domestic asset; the ammonia's price carries production and shipping",
    )
)
#: Rows of the generic route loop that the new hydrogen routes write differently:
#: lifetime (source, estimate, method), availability (source, method), potential (source,
#: method), TRL (value, source, estimate, method, note), first_year method.
HYDROGEN_LIFETIME = {
    "hydrogen_pyrolysis": (
        S_PYRO_STOICH,
        True,
        "assumed as a reformer plant (IEAGHG 2017 SMR: 25 yr); no pyrolysis plant has run that long",
    ),
    "hydrogen_offshore_electrolysis": (
        S_DEA_OFFWIND,
        True,
        "the shorter of the wind turbines (30 yr, DEA) and the electrolyser (25 yr, DEA AEC 100 MW)",
    ),
    "hydrogen_import_ammonia": (S_CRACKER, False, ""),
}
HYDROGEN_AVAILABILITY = {
    "hydrogen_offshore_electrolysis": (
        f"{S_GEMINI}; {S_OFFSHORE_H2}",
        f"the electrolyser follows its wind farm: the capacity factor of Gemini, the Dutch farm next to "
        f"Ten noorden van de Waddeneilanden (2.6 TWh a year from 600 MW = {GEMINI_CF:.3f}), x 0.97 "
        f"electrolyser availability (assumed) = {OFFSHORE_AVAILABILITY}; newer, larger turbines may run "
        "more hours, wake losses in a dense zone fewer: range 0.42-0.52",
    ),
}
HYDROGEN_POTENTIAL = {
    "hydrogen_pyrolysis": (
        S_PYRO_BASF,
        "0 in cluster 6: dispersed sites without a hydrogen network before 2033 and no site for handling "
        "3 kg solid carbon per kg H2; elsewhere up to the cluster's whole production",
    ),
    "hydrogen_offshore_electrolysis": (
        S_OFFSHORE_H2,
        "only Noord-Nederland: the Ten noorden van de Waddeneilanden hydrogen lands at Eemshaven through a "
        "reused gas pipeline",
    ),
    "hydrogen_import_ammonia": (
        S_POR_IMPORT,
        "only Rotterdam-Moerdijk: the ammonia import terminals and the planned central cracker are there",
    ),
}
HYDROGEN_TRL = {
    "hydrogen_pyrolysis": (
        6,
        f"{S_PYRO_BASF}; {S_MONOLITH}",
        True,
        "hydrogen-scale methane pyrolysis: BASF test plant (2021), demonstration at Baytown announced "
        "2025; Monolith runs plasma pyrolysis commercially for carbon black (Olive Creek 1, 14 kt/yr)",
        "",
    ),
    "hydrogen_offshore_electrolysis": (
        6,
        S_OFFSHORE_H2,
        True,
        "offshore electrolysis: PosHYdon pilot (about 1 MW on a North Sea platform); the first 30-50 MW "
        "demonstration is being tendered",
        "",
    ),
    "hydrogen_import_ammonia": (
        6,
        f"{S_POR_IMPORT}; {S_CRACKER}",
        True,
        "ammonia shipping is commercial (TRL 9); cracking back to hydrogen at a few hundred t/d is at "
        "demonstration scale; the large central crackers are at study stage",
        "route TRL = the lower of shipping (9) and large-scale cracking (6)",
    ),
}
HYDROGEN_FIRST_YEAR = {
    "hydrogen_pyrolysis": (
        "TRL 6: BASF/ExxonMobil demonstration at Baytown (announced Nov 2025, a few years to build) plus "
        "4-6 yr to a first commercial plant: 2031"
    ),
    "hydrogen_offshore_electrolysis": (
        "the 30-50 MW demonstration (EUR 380M, RVO 2025) about 2030; the 500 MW project about 2031-2032"
    ),
    "hydrogen_import_ammonia": (
        "first renewable ammonia deliveries to Rotterdam 2027 (H2Global); terminal and cracker about 2030"
    ),
}
#: Routes left out of the SDE++ rates the builder derives for low-carbon routes.
NO_SDE = {"hydrogen_pyrolysis": "no SDE++ category for methane pyrolysis"}
