"""routes_techno_economic.csv and route_inputs.csv: the figures of every route."""

from __future__ import annotations

from pathlib import Path

from .common import EST, MEUR_PER_PJYR_PER_EUR_PER_KW, Table
from .route import CCS_CAPEX, CCS_CAPEX_YEAR
from .routes import ROUTES
from .routes_heat import HP_METHOD, HYBRID_AVAILABILITY, HYBRID_ELECTRIC_SHARE, HYBRID_FLH
from .routes_hydrogen import (
    HYDROGEN_AVAILABILITY,
    HYDROGEN_FIRST_YEAR,
    HYDROGEN_LIFETIME,
    HYDROGEN_POTENTIAL,
    HYDROGEN_TRL,
)
from .sources import (
    S_ACM_TARIFF,
    S_ARAMIS,
    S_ARPAGAUS,
    S_DEFINITION,
    S_ELYGATOR,
    S_FIRST_YEAR,
    S_FME,
    S_GLOBALCEMENT_EL,
    S_H2GLASS,
    S_HH1,
    S_HORN_GLASS,
    S_HYEU,
    S_IRENA_P2H,
    S_MIDDEN_BOILERS,
    S_MIDDEN_EFURNACE,
    S_MIDDEN_EM,
    S_MIDDEN_EN,
    S_MIDDEN_FOM,
    S_MIDDEN_LIFE,
    S_MIDDEN_PCD,
    S_MIDDEN_TC0030,
    S_MIDDEN_TC0037,
    S_MIDDEN_TC0039,
    S_MIDDEN_TC0060,
    S_MIDDEN_TC0062,
    S_MIDDEN_TC0263,
    S_MIDDEN_TC0264,
    S_MIDDEN_TC0354,
    S_MIDDEN_TC0361,
    S_MIDDEN_TC0425,
    S_MIDDEN_TC0446,
    S_MIDDEN_TC0461,
    S_MIDDEN_TC0471,
    S_MIDDEN_TC0474,
    S_MIDDEN_TC0478,
    S_NEA24,
    S_NH3_HIST,
    S_PORTHOS,
    S_POSTED_EAF,
    S_TATA_GS,
    S_TDTR,
    S_TENNET,
    S_TRL_COMM,
    S_YARA_NL,
)

# electricity price components of a large user (EUR/MWh) the hybrid discount is made from,
# the carriers_prices rows below: commodity price and network tariff per year
HYBRID_PRICE_PARTS = {2025: (71.1, 15.0), 2030: (65.0, 18.7), 2035: (60.0, 23.3)}


def hybrid_contract_rows(t, route):
    """Non-firm contract of a flexible e-boiler: outside the firm peak, cheaper electricity."""
    t.add(
        "firm_share",
        0.0,
        "1",
        S_TDTR,
        estimate=True,
        method="the e-boiler draws only on a time-bound (non-firm) transport right, in the room the grid "
        "has outside its peak hours, so none of its load adds to the firm peak",
        route=route.label,
    )
    for y, (commodity, network) in HYBRID_PRICE_PARTS.items():
        value = 0.5 * network
        t.add(
            "electricity_discount",
            round(value, 3),
            "EUR/MWh",
            f"{S_ACM_TARIFF}; {S_TDTR}; {S_FME}; {S_TENNET}",
            figure_year=2025,
            estimate=True,
            method=f"assumption: half the network tariff ({network} EUR/MWh): the contracted-kW half of the "
            "transport tariff, which a non-firm right does not buy at the firm rate; no published discount for "
            "time-bound rights was retrieved. The commodity price is taken as the baseload price: running in 85 % "
            f"of the hours avoids few of the dearest (high: the whole tariff plus 10 % of the {commodity} "
            "EUR/MWh commodity price)",
            low=0.0,
            high=round(network + 0.1 * commodity, 3),
            route=route.label,
            year=y,
        )


FOM_SHARE_FROM_ROUTE_SOURCE = {
    "petrochemicals_e_cracker",
    "petrochemicals_h2_cracker",
    "hydrogen_atr_ccs",
    "hydrogen_import_ammonia",
}


def _life_source(r):
    """Source of the lifetime of a reference or import route."""
    if r.rclass == "import" or r.label == "refining_hydrotreating_h2":
        return S_DEFINITION
    return S_MIDDEN_LIFE


def _life_method(r):
    """How the lifetime of a reference or import route is made."""
    if r.rclass == "import":
        return "no domestic asset: the lifetime has no effect"
    if r.label == "refining_hydrotreating_h2":
        return "existing units kept through the horizon (no retirement)"
    if r.label in ("ammonia_smr", "hydrogen_smr"):
        return "reformer plant: IEAGHG (2017) SMR 25 yr"
    if r.label == "steel_bf_bof":
        return "MIDDEN blast furnace and BOF (TC0023, TC0024): 20 yr"
    if r.label == "petrochemicals_cracker":
        return "cracking furnaces as MIDDEN's process furnaces (TC0049/TC0050, 30 yr); Spallina 2017 give 25 yr for a whole cracker"
    if r.service == "heat_high":
        return "fired process furnace: MIDDEN's process furnaces TC0049/TC0050, 30 yr"
    return "gas boiler/CHP: MIDDEN's natural-gas boilers TC0098 and TC0440, 25 yr"


def _availability_source(r):
    if r.label in HYDROGEN_AVAILABILITY:
        return HYDROGEN_AVAILABILITY[r.label][0]
    if r.availability == 1.0:
        return S_DEFINITION
    if r.label == "hydrogen_electrolysis":
        return S_HYEU
    return S_MIDDEN_PCD


def _availability_method(r):
    if r.label in HYDROGEN_AVAILABILITY:
        return HYDROGEN_AVAILABILITY[r.label][1]
    if r.availability == 1.0:
        return "no domestic capacity constraint (import, or existing units sized to what they take)"
    if r.label == "hydrogen_electrolysis":
        return "5,000 full-load hours / 8,760 h (see full_load_hours)"
    return "median capacity utilisation of MIDDEN's base configurations (0.90; maintenance, redundancy)"


def _potential_source(r, cluster):
    """Source of a potential row."""
    if r.label in HYDROGEN_POTENTIAL:
        return HYDROGEN_POTENTIAL[r.label][0]
    if r.label == "steel_scrap_eaf":
        return S_TATA_GS
    if r.label.endswith("_heat_pump"):
        return S_MIDDEN_EN if r.service == "heat_medium" else S_ARPAGAUS
    if r.label.endswith("_electric_furnace"):
        return f"{S_HORN_GLASS}; {S_IRENA_P2H}; {S_MIDDEN_EFURNACE}"
    return f"{S_PORTHOS}; {S_ARAMIS}"


def _capex_year(r):
    """The price year of a route's capex (the figure_year its capex row gives)."""
    cx = r.capex
    if cx[0] == "years":
        return cx[1][min(cx[1])][7]
    if cx[0] in ("ccs", "ccs193"):
        return CCS_CAPEX_YEAR
    return cx[7]


def _capex_value(r):
    cx = r.capex
    if cx is None:
        return None, None
    if cx[0] == "years":
        c = cx[1][min(cx[1])]
        v, u = c[0], c[1]
    elif cx[0] in ("ccs", "ccs193"):
        per_t = CCS_CAPEX if cx[0] == "ccs" else 193.0
        base, captured = cx[1], cx[2]
        if base[1] == "EUR/kW":
            return base[0] * MEUR_PER_PJYR_PER_EUR_PER_KW + per_t * captured, "MEUR/(PJ/yr)"
        return base[0] + per_t * captured, "EUR/(t/yr)"
    else:
        v, u = cx[0], cx[1]
    if u == "EUR/kW":
        return v * MEUR_PER_PJYR_PER_EUR_PER_KW, "MEUR/(PJ/yr)"
    if u == "MEUR/GW":
        return v * MEUR_PER_PJYR_PER_EUR_PER_KW, "MEUR/(PJ/yr)"  # 1 MEUR/GW = 1 EUR/kW
    return v, u


def _fy_source(r):
    if r.label in HYDROGEN_POTENTIAL:
        return HYDROGEN_POTENTIAL[r.label][0]
    if r.rclass == "ccs" and r.sector not in ("steel",):
        return S_PORTHOS + "; " + S_ARAMIS
    return {
        "steel_h2_dri_eaf": S_TATA_GS,
        "steel_scrap_eaf": S_TATA_GS,
        "ammonia_smr_ccs": S_YARA_NL,
        "hydrogen_atr_ccs": f"{S_MIDDEN_TC0425}; {S_ARAMIS}",
        "ammonia_h2": S_HH1 + "; " + S_ELYGATOR,
    }.get(r.label, S_FIRST_YEAR)


# TRL of the heat routes not covered by MIDDEN, per sector: (value, source, method)
TRL_E_FURNACE = {
    "refining": (
        5,
        S_IRENA_P2H,
        "electric heating of large refinery fired heaters (crude/vacuum, reformer) is at pilot "
        "scale, like the e-cracker furnaces IRENA reports in pilot phase",
    ),
    "other_chemicals": (
        6,
        S_IRENA_P2H,
        "electric process-gas heaters are commercial below about 600 C; MW-scale electric "
        "furnaces for higher temperatures are in pilot/demonstration (IRENA: e-cracker pilots)",
    ),
    "glass": (
        8,
        S_HORN_GLASS,
        "all-electric melting is commercial (TRL 9) for specialty glass and pulls below about "
        "200 t/d; the large container/float furnaces in NL need hybrid or scaled-up designs, first commercial units",
    ),
    "ceramics": (
        7,
        S_MIDDEN_TC0060,
        "electric kilns are commercial for small/technical ceramics; large brick/tile tunnel kilns "
        "are at first industrial demonstration",
    ),
    "cement_lime": (
        4,
        S_IRENA_P2H + "; " + S_GLOBALCEMENT_EL,
        "plasma/electric clinker kilns at proof-of-concept (IRENA) to pilot (Coolbrook) stage",
    ),
    "non_ferrous": (
        9,
        S_MIDDEN_EFURNACE,
        "assumption: induction and resistance melting/holding furnaces are commercial in aluminium, zinc and "
        "copper (re)melting; MIDDEN's TRL 3 (TC0477) is for high-temperature process furnaces, not remelting; "
        "no public TRL for remelting retrieved",
    ),
}
TRL_H2_FURNACE = {
    "refining": (
        7,
        S_MIDDEN_TC0474,
        "H2-boiler TRL applied to fired heaters; refinery "
        "heaters already burn hydrogen-rich fuel gas",
    ),
    "other_chemicals": (
        7,
        S_MIDDEN_TC0474,
        "H2-boiler TRL applied to fired process furnaces",
    ),
    "glass": (
        6,
        S_H2GLASS,
        "100 % hydrogen firing in industrial demonstration at glass furnaces (product quality, NOx "
        "and refractory questions open)",
    ),
    "ceramics": (
        6,
        S_H2GLASS,
        "as glass: hydrogen kiln firing at industrial-trial stage (refractory and product-quality "
        "questions open)",
    ),
    "cement_lime": (
        5,
        S_MIDDEN_TC0062,
        "hydrogen only as a partial fuel in full-scale kiln trials; 100 % hydrogen kiln firing "
        "not demonstrated (flame radiation, heat transfer)",
    ),
    "non_ferrous": (
        6,
        S_H2GLASS,
        "aluminium is the replicability demonstrator of H2GLASS; hydrogen-fired melting at "
        "industrial-trial stage",
    ),
}


# Earliest year of a first commercial unit by TRL [estimate]: below TRL 7 a technology
# still needs a demonstration, then 4-6 years to a commercial unit.
TRL_EARLIEST_BUILD = {6: 2029, 5: 2031, 4: 2033, 3: 2036, 2: 2038, 1: 2040}


def _trl(r):
    """(value, source, estimate, method, note) of the trl row of a route."""
    lab = r.label
    if lab in HYDROGEN_TRL:
        return HYDROGEN_TRL[lab]
    if r.rclass == "reference":
        return (
            9,
            S_TRL_COMM,
            EST,
            "reference (fossil) route: commercial technology in operation in NL",
            "",
        )
    if r.rclass == "import":
        note = (
            (
                "pipeline imports are commercial (first_year 2030 carries the timing of the cross-border "
                "pipelines); import as ammonia is the route hydrogen_import_ammonia"
            )
            if lab == "hydrogen_import"
            else ""
        )
        return (
            9,
            S_TRL_COMM,
            EST,
            "import of a commercially traded commodity (commercial); no domestic technology",
            note,
        )
    if lab.endswith("_e_boiler"):
        return (9, S_MIDDEN_TC0461, False, "", "")
    if lab.endswith("_heat_pump"):
        return (9, S_MIDDEN_TC0471, False, "", "")
    if lab.endswith("_h2_boiler"):
        return (7, S_MIDDEN_TC0474, False, "", "")
    if lab.endswith("_biomethane_boiler"):
        return (
            9,
            S_MIDDEN_TC0446,
            False,
            "",
            "commercial: biomethane is grid-quality gas",
        )
    if lab.endswith("_biomethane_furnace"):
        return (
            9,
            S_MIDDEN_TC0446,
            EST,
            "commercial: biomethane is grid-quality gas burnt in the existing gas furnace (TC0446 analogy)",
            "",
        )
    if lab.endswith("_electric_furnace"):
        v, src, m = TRL_E_FURNACE[r.sector]
        return (v, src, EST, m, "")
    if lab.endswith("_h2_furnace"):
        v, src, m = TRL_H2_FURNACE[r.sector]
        return (v, src, EST, m, "")
    if r.rclass == "ccs" and r.service.startswith("heat_") or lab == "petrochemicals_cracker_ccs":
        src = S_MIDDEN_TC0478
        if "_boiler_ccs" in lab:
            return (9, src, False, "", "")
        return (9, src, EST, "post-combustion capture TRL (TC0478) applied to furnace flue gas", "")
    return {
        "steel_bf_bof_ccs": (5, S_MIDDEN_TC0030, False, "", ""),
        "steel_h2_dri_eaf": (
            5,
            S_MIDDEN_TC0039,
            False,
            "",
            "route TRL = the lower of its two units (shaft furnace 5, EAF 9)",
        ),
        "steel_scrap_eaf": (
            9,
            S_MIDDEN_TC0037,
            EST,
            "EAF TRL (TC0037) applied to a scrap charge; the scrap EAF is the commercial mainstream EAF route",
            "",
        ),
        "ammonia_smr_ccs": (
            9,
            S_MIDDEN_TC0354,
            EST,
            "TC0354 applied to the reformer process-CO2 stream of an ammonia plant",
            "",
        ),
        "ammonia_h2": (
            9,
            S_NH3_HIST,
            EST,
            "Haber-Bosch loop and air separation are commercial and electrolytic-hydrogen "
            "ammonia ran commercially for decades; the retrofit of a reformer-based plant adds no new unit",
            "",
        ),
        "petrochemicals_e_cracker": (
            3,
            S_MIDDEN_TC0264,
            False,
            "",
            "MIDDEN value; IRENA (2019) already reports e-cracker furnaces in pilot phase, so the present TRL is likely higher",
        ),
        "petrochemicals_h2_cracker": (
            5,
            S_MIDDEN_TC0263,
            False,
            "",
            "",
        ),
        "hydrogen_smr_ccs": (
            9,
            S_MIDDEN_TC0354,
            False,
            "",
            "",
        ),
        "hydrogen_atr_ccs": (9, S_MIDDEN_TC0425, False, "", ""),
        "hydrogen_electrolysis": (
            9,
            S_MIDDEN_TC0361,
            False,
            "",
            "PEM (TC0362) is TRL 8",
        ),
    }[lab]


def _fy_method(r):
    if r.label in HYDROGEN_FIRST_YEAR:
        return HYDROGEN_FIRST_YEAR[r.label]
    if r.rclass == "ccs" and r.sector not in ("steel", "petrochemicals"):
        return (
            "Porthos (2026) is fully contracted (Air Liquide, Air Products, ExxonMobil, Shell); new post-combustion "
            "capture needs Aramis: FID 2026, construction completed by 2030, so first full year of a capture unit 2031"
        )
    return {
        "steel_h2_dri_eaf": (
            "Tata Green Steel stage 1 (1 DRP + 1 EAF replacing BF7) 'as soon as 2030'; JLoI Sep 2025, "
            "maatwerk agreement and FID not before 2026; commissioning at the end of 2030 at the earliest, "
            "so 2031 is the first full model year"
        ),
        "steel_scrap_eaf": "the extra scrap (17 % -> 30 %) is charged in the stage-1 EAF, so it comes with the DRP/EAF (2031)",
        "steel_bf_bof_ccs": "TRL 5 in MIDDEN; needs Aramis-scale storage (2030); no project (see build_limit: 0)",
        "petrochemicals_e_cracker": "TRL 3, MIDDEN year 2040",
        "petrochemicals_h2_cracker": (
            "TRL 5 (MIDDEN TC0263); no NL demonstration announced; a demonstration in the late "
            "2020s plus 4-6 yr to a commercial furnace conversion: 2032"
        ),
        "petrochemicals_cracker_ccs": "post-combustion capture on cracker flue gas needs Aramis (FID 2026, ready 2030): 2031",
        "ammonia_smr_ccs": "Yara Sluiskil CO2 liquefaction for Northern Lights under construction, shipments from 2026",
        "ammonia_h2": (
            "ammonia from external hydrogen needs large electrolysers or the hydrogen backbone; no FID at an NL "
            "ammonia plant as of 2025; 4-5 yr lead time after a 2025-26 decision: 2030"
        ),
        "hydrogen_atr_ccs": (
            "TRL 9 (H-Vision design) but no NL FID as of 2025; needs Aramis (ready 2030); a 2026-27 FID plus "
            "4-5 yr construction gives 2031"
        ),
        "hydrogen_smr_ccs": "Porthos operational 2026",
        "hydrogen_import": "import terminals/pipelines about 2030",
    }.get(
        r.label, "assumed: two years for permits and construction (TRL >= 7) or CO2 infrastructure"
    )


def _money_rows(t: Table, r) -> None:
    """capex, fixed_om and variable_cost of a route."""
    # capex
    cx = r.capex
    if cx is not None:
        if cx[0] == "years":
            for y, c in cx[1].items():
                t.add(
                    "capex",
                    c[0],
                    c[1],
                    c[2],
                    figure_year=c[7],
                    estimate=c[3],
                    method=c[4],
                    low=c[5],
                    high=c[6],
                    route=r.label,
                    year=y,
                )
        elif cx[0] in ("ccs", "ccs193"):
            per_t = CCS_CAPEX if cx[0] == "ccs" else 193.0
            base = cx[1]
            captured = cx[2]  # Mt CO2 per output unit (or t/t)
            if base[1] == "EUR/kW":
                base_meur = base[0] * MEUR_PER_PJYR_PER_EUR_PER_KW
                val = base_meur + per_t * captured  # MEUR/(PJ/yr)
                unit = "MEUR/(PJ/yr)"
            else:
                val = base[0] + per_t * captured  # EUR/(t/yr) with captured in t/t
                unit = "EUR/(t/yr)"
            srcx = S_MIDDEN_TC0478 if cx[0] == "ccs" else S_MIDDEN_TC0354
            t.add(
                "capex",
                round(val, 4),
                unit,
                srcx,
                figure_year=CCS_CAPEX_YEAR,
                estimate=True,
                method=f"retrofit on the existing plant: capture plant only, {per_t:.0f} EUR per t CO2/yr x {captured:.4f} t captured per unit output ({'Mt/PJ = t/GJ' if unit.startswith('MEUR') else 't/t'})",
                route=r.label,
            )
        else:
            t.add(
                "capex",
                cx[0],
                cx[1],
                cx[2],
                figure_year=cx[7],
                estimate=cx[3],
                method=cx[4],
                low=cx[5],
                high=cx[6],
                route=r.label,
            )
    # fixed O&M
    fo = r.fixed_om
    if fo is not None:
        if fo[0] == "pct":
            cap_val, cap_unit = _capex_value(r)
            if cap_val is not None and cap_val > 0:
                own_share = r.label in FOM_SHARE_FROM_ROUTE_SOURCE
                t.add(
                    "fixed_om",
                    round(cap_val * fo[1], 5),
                    cap_unit + "/yr",
                    r.source if own_share else S_MIDDEN_FOM,
                    figure_year=_capex_year(r),
                    estimate=True,
                    method=f"{fo[1] * 100:.3g} % of capex per year"
                    + (
                        " (the share the route's source gives)"
                        if own_share
                        else " (MIDDEN's convention for plant without an O&M figure)"
                    ),
                    route=r.label,
                )
        elif fo[0] == "pct_of":
            t.add(
                "fixed_om",
                round(100 * MEUR_PER_PJYR_PER_EUR_PER_KW * 0.02, 5),
                "MEUR/(PJ/yr)/yr",
                S_MIDDEN_BOILERS + "; " + S_MIDDEN_FOM,
                figure_year=2023,
                estimate=True,
                method="same fixed O&M as the gas boiler/furnace it replaces: 2 % of the gas-boiler capex "
                "EUR 100/kW (MIDDEN boilers escalated)",
                route=r.label,
            )
        else:
            t.add(
                "fixed_om",
                fo[0],
                fo[1],
                fo[2],
                figure_year=fo[7],
                estimate=fo[3],
                method=fo[4],
                low=fo[5],
                high=fo[6],
                route=r.label,
            )
    vc = r.variable_cost
    if vc is not None:
        if vc[0] == "years":
            for y, c in vc[1].items():
                t.add(
                    "variable_cost",
                    c[0],
                    c[1],
                    c[2],
                    figure_year=c[7],
                    estimate=c[3],
                    method=c[4],
                    low=c[5],
                    high=c[6],
                    route=r.label,
                    year=y,
                )
        else:
            t.add(
                "variable_cost",
                vc[0],
                vc[1],
                vc[2],
                figure_year=vc[7],
                estimate=vc[3],
                method=vc[4],
                low=vc[5],
                high=vc[6],
                route=r.label,
            )


def _timing_rows(t: Table, r) -> None:
    """lifetime, first_year, availability and trl of a route."""
    life_source, life_estimate, life_method = HYDROGEN_LIFETIME.get(
        r.label,
        (
            r.source if r.rclass not in ("reference", "import") else _life_source(r),
            r.rclass in ("reference", "import"),
            _life_method(r) if r.rclass in ("reference", "import") else "",
        ),
    )
    t.add(
        "lifetime",
        r.lifetime,
        "yr",
        life_source,
        estimate=life_estimate,
        method=life_method,
        route=r.label,
    )
    trl, trl_src, trl_est, trl_meth, trl_note = _trl(r)
    first_year = max(r.first_year, TRL_EARLIEST_BUILD.get(trl, 2025))
    fy_est = first_year != 2025
    fy_method = "" if not fy_est else _fy_method(r)
    if first_year > r.first_year:
        fy_method += (
            f"; TRL {trl}: earliest commercial build {first_year} (a demonstration "
            "first, then 4-6 yr to a first commercial unit)"
        )
    t.add(
        "first_year",
        first_year,
        "calendar year",
        r.source if not fy_est else _fy_source(r),
        estimate=fy_est,
        method=fy_method,
        note=r.note,
        route=r.label,
    )
    t.add(
        "availability",
        r.availability,
        "1",
        _availability_source(r),
        estimate=True,
        method=_availability_method(r),
        route=r.label,
    )
    t.add(
        "trl",
        trl,
        "1",
        trl_src,
        estimate=trl_est,
        method=trl_meth,
        note=trl_note,
        route=r.label,
    )


def _operation_rows(t: Table, r) -> None:
    """full_load_hours, capture, process and embedded emissions, a non-firm contract."""
    u = r.unit
    if r.inputs.get("electricity", 0) > 0:
        t.add(
            "full_load_hours",
            r.flh,
            "h",
            S_MIDDEN_PCD
            if r.flh == 8000
            else (S_HYEU if r.flh == 5000 else (S_TDTR if r.flh == HYBRID_FLH else S_POSTED_EAF)),
            estimate=True,
            method={
                8000: "continuous process: MIDDEN's median capacity utilisation 0.90 x 8,760 h = 7,884 h, "
                "rounded to 8,000",
                7000: "batch electric arc furnace: assumed 7,000 h, below a continuous plant's 8,000 h for "
                "tap-to-tap and maintenance stops (Vogl et al. 2018 in POSTED assume 8,760 h; not adopted)",
                5000: "grid-connected electrolysis avoiding peak prices: 5,000 h assumed, above the 4,000 h of "
                "Hydrogen Europe's Clean Hydrogen Monitor 2022 as base-load industrial offtake favours more hours",
                HYBRID_FLH: f"hours on electricity of a flexible e-boiler: 8,760 h x {HYBRID_ELECTRIC_SHARE} "
                f"(hours a time-bound transport right guarantees) x availability {HYBRID_AVAILABILITY}, so "
                "that yearly electricity over these hours is the e-boiler's electric capacity",
            }[r.flh],
            route=r.label,
        )
    if r.capture > 0:
        t.add(
            "capture_rate",
            r.capture,
            "1",
            r.source,
            estimate=r.label in ("steel_bf_bof_ccs", "ammonia_smr_ccs"),
            method="see route source/inputs method"
            if r.label in ("steel_bf_bof_ccs", "ammonia_smr_ccs")
            else "",
            route=r.label,
        )
    t.add(
        "process_emissions",
        r.process,
        "t/t" if u == "Mt" else "Mt/PJ",
        f"{S_MIDDEN_EM}; {S_NEA24}",
        estimate=True,
        method="0 by construction: the verified emissions the demand is calibrated on include process CO2 "
        "(calcination, anodes, reductant), so carrier inputs x emission factors already reproduce it",
        route=r.label,
    )
    if r.embedded is not None:
        e = r.embedded
        t.add(
            "embedded_emissions",
            e[0],
            e[1],
            e[2],
            estimate=e[3],
            method=e[4],
            low=e[5],
            high=e[6],
            route=r.label,
        )
    if r.label.endswith("_hybrid_e_boiler"):
        hybrid_contract_rows(t, r)


def _potential_rows(t: Table, r) -> None:
    """The largest share of its service a route may serve, per cluster."""
    for c, p in r.potential.items():
        if p is None:
            continue
        meth = ""
        if r.label in HYDROGEN_POTENTIAL:
            meth = HYDROGEN_POTENTIAL[r.label][1]
        elif r.label.endswith("_heat_pump"):
            meth = HP_METHOD[r.service]
        elif r.label.endswith("_electric_furnace"):
            meth = (
                "assumption per sector: glass, ceramics, non-ferrous 0.5 (HORN: all-electric melting commercial "
                "below about 200 t/d, hybrid 20-80 % electric next), chemicals and cement 0.3, refining 0.2 "
                "(IRENA: electric heating of large fired heaters at pilot scale)"
            )
        elif c == "cluster6":
            meth = (
                "0: Porthos and Aramis take CO2 by pipeline in Rotterdam and by ship from ports; the dispersed "
                "cluster-6 sites have no connection"
            )
        elif c in ("chemelot", "noord_nederland"):
            meth = (
                "no CO2 pipeline; Aramis accepts ship delivery, so part of the CO2 can go by ship/rail "
                "(assumed 50 %)"
            )
        elif r.label == "steel_scrap_eaf":
            meth = "extra scrap of Tata's Green Steel stage 1: scrap share 17 % -> 30 % by 2030, so 0.13 of output can move to a scrap charge in the new EAF; the 17 % already used in the BOF stays in the bf_bof route"
        t.add(
            "potential",
            p,
            "1",
            _potential_source(r, c),
            estimate=True,
            method=meth,
            cluster=c,
            route=r.label,
        )


def _input_rows(t: Table, r) -> None:
    """Carrier inputs per unit of output."""
    u = r.unit
    for c, v in r.inputs.items():
        if v <= 0:
            continue
        t.add(
            "input",
            round(v, 5),
            "GJ/t" if u == "Mt" else "PJ/PJ",
            r.inputs_src,
            estimate=r.inputs_est,
            method=r.inputs_method if r.inputs_est or r.inputs_method else "",
            route=r.label,
            carrier=c,
        )


def write(out: Path) -> dict[str, int]:
    """Write routes_techno_economic.csv and route_inputs.csv."""
    t = Table("routes_techno_economic")
    inputs = Table("route_inputs")
    for r in ROUTES:
        _money_rows(t, r)
        _timing_rows(t, r)
        _operation_rows(t, r)
        _potential_rows(t, r)
        _input_rows(inputs, r)
    return {"routes_techno_economic": t.write(out), "route_inputs": inputs.write(out)}
