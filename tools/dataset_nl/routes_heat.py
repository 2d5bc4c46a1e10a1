"""Heat routes of every (sector, temperature band): reference boiler or furnace and its alternatives."""

from __future__ import annotations

from .route import CCS_RATE, FURNACE_ETA, GAS_BOILER, Route, with_post_combustion
from .sources import (
    S_ARPAGAUS,
    S_CEPCI,
    S_ETM_NODE,
    S_MIDDEN_BOILERS,
    S_MIDDEN_EFURNACE,
    S_MIDDEN_FURNACES,
    S_MIDDEN_TC0264,
    S_MIDDEN_TC0446,
    S_MIDDEN_TC0461,
    S_MIDDEN_TC0471,
    S_MIDDEN_TC0474,
    S_MIDDEN_TC0478,
    S_TDTR,
)

ROUTES: list[Route] = []

# Heat-pump COP per band: (COP, source, method)
HP_COP = {
    "heat_low": (
        3.5,
        S_MIDDEN_TC0471,
        "",
    ),
    "heat_medium": (
        2.2,
        S_ARPAGAUS,
        "COP 2.2 for steam of 100-400 °C (the potential holds only the LP and MP steam classes, "
        "100-210 °C): Arpagaus et al. report COPs of 2.2-2.8 at a 70 K lift to a 120 °C sink and "
        "about 2.4 at a 95 K lift for market units with sinks of 90-160 °C; steam above 120 °C "
        "needs the larger lifts, so the low end. MIDDEN's COP 3.5 (TC0471-2) is kept below 100 °C",
    ),
}


# Flexible (hybrid) e-boilers on a non-firm grid contract, gas boiler kept as back-up: they
# run on electricity in the hours a time-bound transport right guarantees (at least 85 %)
HYBRID_ELECTRIC_SHARE = 0.85
HYBRID_AVAILABILITY = 0.9
HYBRID_FLH = round(8760 * HYBRID_ELECTRIC_SHARE * HYBRID_AVAILABILITY)  # 6,701 h on electricity
HYBRID_METHOD = (
    f"heat from electricity in the {HYBRID_ELECTRIC_SHARE:.0%} of the hours a time-bound transport right "
    "guarantees (TenneT TDTR), at the e-boiler's 99 % (MIDDEN TC0461-3); the rest from the gas boiler kept "
    "as back-up, at the reference route's inputs"
)


def hybrid_e_boiler(pre, sector, band, ref_inputs):
    """A flexible e-boiler beside the gas boiler it keeps, on a non-firm contract."""
    inputs = {k: (1 - HYBRID_ELECTRIC_SHARE) * v for k, v in ref_inputs.items()}
    inputs["electricity"] = inputs.get("electricity", 0.0) + HYBRID_ELECTRIC_SHARE / 0.99
    return Route(
        f"{pre}_hybrid_e_boiler",
        sector,
        band,
        "electrification",
        "Flexible (hybrid) e-boiler on a non-firm contract, gas boiler kept as back-up",
        f"{S_MIDDEN_TC0461}; {S_TDTR}",
        inputs,
        capex=(
            115,
            "EUR/kW",
            S_MIDDEN_TC0461,
            True,
            "the e-boiler sized for the full heat load; the gas boiler it keeps as back-up is existing stock",
            80,
            250,
            2019,
        ),
        fixed_om=(2.3, "kEUR/MW/yr", S_MIDDEN_TC0461, False, "", 1.6, 5.0, 2019),
        lifetime=15,
        availability=HYBRID_AVAILABILITY,
        flh=HYBRID_FLH,
        inputs_src=f"{S_MIDDEN_TC0461}; {S_TDTR}",
        inputs_est=True,
        inputs_method=HYBRID_METHOD,
    )


def heat_routes(
    sector,
    band,
    ref_inputs,
    ref_name,
    ref_capex,
    hp_potential=None,
    ef_potential=None,
    lifetime_ref=25,
    flh_el=8000,
):
    """The generic set of heat routes of one (sector, band)."""
    pre = f"{sector}_{band}"
    out = []
    kind = "furnace" if band == "heat_high" else "boiler"
    ref_label = f"{pre}_{ref_name}"
    out.append(
        Route(
            ref_label,
            sector,
            band,
            "reference",
            f"{'Fired furnace' if kind == 'furnace' else 'Gas boiler/CHP steam'} ({', '.join(ref_inputs)})",
            S_MIDDEN_TC0446 if kind == "boiler" else S_MIDDEN_FURNACES,
            ref_inputs,
            capex=ref_capex,
            fixed_om=("pct", 0.02),
            lifetime=lifetime_ref,
            inputs_src=(S_MIDDEN_TC0446) if kind == "boiler" else S_MIDDEN_FURNACES,
            inputs_est=(kind == "furnace"),
            inputs_method=(
                ""
                if kind == "boiler"
                else f"useful heat / fuel = {FURNACE_ETA}, between MIDDEN's glass furnace (70 %, TC0001) and gas "
                "boiler (92.4 %, TC0446); the fuel mix is the sector's calibrated mix"
            ),
        )
    )
    if band in ("heat_low", "heat_medium"):
        out.append(
            Route(
                f"{pre}_e_boiler",
                sector,
                band,
                "electrification",
                "Electric (electrode) boiler",
                S_MIDDEN_TC0461,
                {"electricity": 1 / 0.99},
                capex=(115, "EUR/kW", S_MIDDEN_TC0461, False, "", 80, 250, 2019),
                fixed_om=(2.3, "kEUR/MW/yr", S_MIDDEN_TC0461, False, "", 1.6, 5.0, 2019),
                lifetime=15,
                flh=flh_el,
                inputs_est=False,
            )
        )
        out.append(hybrid_e_boiler(pre, sector, band, ref_inputs))
        out.append(
            Route(
                f"{pre}_heat_pump",
                sector,
                band,
                "electrification",
                "Industrial heat pump (closed cycle / MVR)",
                S_MIDDEN_TC0471,
                {"electricity": 1 / HP_COP[band][0]},
                capex=(976, "EUR/kW", S_MIDDEN_TC0471, False, "", 488, 1950, 2020),
                fixed_om=(20, "kEUR/MW/yr", S_MIDDEN_TC0471, False, "", None, None, 2020),
                lifetime=12,
                flh=flh_el,
                potential={"": hp_potential},
                inputs_src=HP_COP[band][1],
                inputs_est=band != "heat_low",
                inputs_method=HP_COP[band][2],
            )
        )
        out.append(
            Route(
                f"{pre}_biomethane_boiler",
                sector,
                band,
                "biogas",
                "Boiler fired with biomethane",
                S_MIDDEN_TC0446,
                {"biomethane": GAS_BOILER},
                capex=(
                    0.0,
                    "EUR/kW",
                    S_MIDDEN_TC0446,
                    False,
                    "",
                    None,
                    None,
                    2020,
                ),
                fixed_om=("pct_of", 100.0),
                lifetime=25,
                inputs_est=False,
            )
        )
        out.append(
            Route(
                f"{pre}_h2_boiler",
                sector,
                band,
                "hydrogen",
                "Hydrogen-fired boiler (retrofit)",
                S_MIDDEN_TC0474,
                {"hydrogen": 1 / 0.90},
                capex=(140, "EUR/kW", S_MIDDEN_TC0474, False, "", 120, 160, 2019),
                fixed_om=(
                    17.5,
                    "kEUR/MW/yr",
                    S_MIDDEN_TC0474,
                    False,
                    "",
                    None,
                    None,
                    2019,
                ),
                lifetime=25,
                inputs_est=False,
            )
        )
    else:
        out.append(
            Route(
                f"{pre}_electric_furnace",
                sector,
                band,
                "electrification",
                "Electric furnace/kiln (resistance, induction or electric melting)",
                S_MIDDEN_EFURNACE,
                {"electricity": 0.035 / 0.0315},
                capex=(
                    600,
                    "EUR/kW",
                    S_MIDDEN_TC0264,
                    True,
                    "lower end of the Navigant (2019) range for electric furnaces (0.6-4.5 MEUR/MWth) as cited in MIDDEN TC0264; no NL figure for other electric furnaces",
                    300,
                    4500,
                    2019,
                ),
                fixed_om=("pct", 0.02),
                lifetime=20,
                first_year=2027,
                flh=flh_el,
                potential={"": ef_potential},
                inputs_src=S_MIDDEN_EFURNACE,
                inputs_est=False,
            )
        )
        out.append(
            Route(
                f"{pre}_h2_furnace",
                sector,
                band,
                "hydrogen",
                "Hydrogen-fired furnace (burner retrofit)",
                S_MIDDEN_TC0474,
                {"hydrogen": 1 / FURNACE_ETA},
                capex=(
                    140,
                    "EUR/kW",
                    f"{S_MIDDEN_TC0474}; {S_ETM_NODE}",
                    True,
                    "MIDDEN H2-boiler retrofit cost applied to furnace burners; low: ETM's hydrogen burner "
                    "(EUR 6M for 100 MW = EUR 60/kW); high EUR 500/kW assumed for a furnace that also needs new "
                    "refractory and controls (no published figure)",
                    60,
                    500,
                    2019,
                ),
                fixed_om=(
                    17.5,
                    "kEUR/MW/yr",
                    S_MIDDEN_TC0474,
                    True,
                    "H2-boiler O&M applied to furnaces",
                    None,
                    None,
                    2019,
                ),
                lifetime=25,
                first_year=2027,
                inputs_method=f"same thermal efficiency ({FURNACE_ETA}) as the fired furnace it replaces",
            )
        )
        out.append(
            Route(
                f"{pre}_biomethane_furnace",
                sector,
                band,
                "biogas",
                "Furnace fired with biomethane",
                S_MIDDEN_TC0446,
                {"biomethane": 1 / FURNACE_ETA},
                capex=(
                    0.0,
                    "EUR/kW",
                    S_MIDDEN_TC0446,
                    True,
                    "green gas burns in the existing gas equipment",
                    None,
                    None,
                    2020,
                ),
                fixed_om=("pct_of", 100.0),
                lifetime=25,
                inputs_method=f"same thermal efficiency ({FURNACE_ETA}) as the fired furnace",
            )
        )
    if band in ("heat_medium", "heat_high"):
        ccs_in, captured = with_post_combustion(ref_inputs)
        out.append(
            Route(
                f"{ref_label}_ccs",
                sector,
                band,
                "ccs",
                f"{'Furnace' if kind == 'furnace' else 'Gas boiler/CHP'} with post-combustion CO2 capture",
                S_MIDDEN_TC0478,
                ccs_in,
                capex=("ccs", (0.0, ref_capex[1]), captured),
                fixed_om=("pct", 0.02),
                lifetime=25,
                first_year=2031,
                capture=CCS_RATE,
                potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
                inputs_src=S_MIDDEN_TC0478,
                inputs_method="reference inputs plus capture energy; capture heat from a gas boiler (1.0825 PJ/PJ) whose CO2 is captured too",
            )
        )
    return out


GAS_BOILER_CAPEX = (
    100,
    "EUR/kW",
    S_MIDDEN_BOILERS + "; " + S_CEPCI,
    True,
    "mean of MIDDEN's natural-gas boilers (60, 75, 79 EUR2017/kW = 71.3) x CEPCI 2023/2017 (797.9/567.5) = 100 "
    "EUR2023/kW; range: the lowest and highest of them, escalated (84-111), widened",
    60,
    150,
    2023,
)
FURNACE_CAPEX = (
    200,
    "EUR/kW",
    S_MIDDEN_FURNACES,
    True,
    "assumption: re-building (relining, burners) a fired furnace on its existing site. The new-build figures "
    "in MIDDEN are far higher: TC0046 EDC cracking furnace EUR2017 1,200/kW, TC0001 glass furnace about "
    "EUR2017 1,200/kW of fuel input (0.15M per kt/yr at 3,950 GJ/kt); not adopted, flagged for review",
    100,
    400,
    2020,
)

HEAT = {
    # sector: {band: (ref inputs, ref name, capex, hp potential, e-furnace potential)}
    "refining": {
        "heat_high": ({"oil": 1.15, "natural_gas": 0.10}, "fuel_furnace", FURNACE_CAPEX, None, 0.2),
        "heat_medium": (
            {"oil": 0.75 * GAS_BOILER, "natural_gas": 0.25 * GAS_BOILER},
            "fuel_boiler",
            GAS_BOILER_CAPEX,
            0.2,
            None,
        ),
    },
    "petrochemicals": {
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.2, None),
    },
    "other_chemicals": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.2, None),
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.3),
    },
    "food": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.5, None),
    },
    "paper": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.5, None),
    },
    "glass": {
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5)
    },
    "ceramics": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5),
    },
    "cement_lime": {
        "heat_high": (
            {"coal": 0.5 / FURNACE_ETA, "natural_gas": 0.5 / FURNACE_ETA},
            "fuel_furnace",
            FURNACE_CAPEX,
            None,
            0.3,
        )
    },
    "non_ferrous": {
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5)
    },
    "other_industry": {
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.3, None)
    },
}
HP_METHOD = {
    "heat_low": "assumption: 80 % of the band reachable by heat pumps with a waste-heat source (below 100 °C the "
    "lift is small: Arpagaus et al. 2018 list market units up to 90-160 °C); 20 % kept for sites without one",
    "heat_medium": "MIDDEN heat pumps (TC0471-2) serve LP/MP steam only; potential = share of LP+MP steam in the sector's MIDDEN steam demand (chemicals 19 %, refining 21 %, food/paper about 100 % but capped at 50 % for temperature lift)",
}
for sector, bands in HEAT.items():
    for band, (ref_in, ref_name, capex, hp, ef) in bands.items():
        ROUTES.extend(
            heat_routes(
                sector,
                band,
                ref_in,
                ref_name,
                capex,
                hp_potential=hp,
                ef_potential=ef,
                lifetime_ref=30 if band == "heat_high" else 25,
            )
        )
