"""Ammonia routes."""

from __future__ import annotations

from .common import EF, LHV_H2
from .route import CCS_EL, GAS_BOILER, Route
from .sources import (
    S_CEPCI,
    S_DEFINITION,
    S_ECB_FX_2024,
    S_IEA_NH3,
    S_MIDDEN_TC0352,
    S_MIDDEN_TC0354,
    S_NH3_PRICE,
    S_POSTED_NH3,
)

ROUTES: list[Route] = []

NH3_H2 = 3 * 1.008 / 17.031  # t H2 / t NH3 (stoichiometric)
# GJ electricity per t NH3 for ASU and loop, mean of three studies in POSTED (S_POSTED_NH3)
NH3_H2_ELEC = round(3.6 * (0.64 + (0.40 + 0.108 / 1.19) + (0.44 + 0.061 / 1.19)) / 3, 2)
NH3_GAS = 182 / 1000 * NH3_H2 * 1000  # GJ gas/t NH3 from MIDDEN SMR (182 TJ/kt H2)
ROUTES.append(
    Route(
        "ammonia_smr",
        "ammonia",
        "ammonia",
        "reference",
        "Natural-gas steam reforming + Haber-Bosch (grey ammonia)",
        S_MIDDEN_TC0352,
        {"natural_gas": NH3_GAS, "electricity": 0.5},
        capex=(
            942,
            "EUR/(t/yr)",
            S_POSTED_NH3 + "; " + S_CEPCI,
            True,
            "new reformer-based ammonia plant: Bazzanella & Ausfelder 2017 EUR 670 per t NH3/yr (EUR2017) x CEPCI "
            "2023/2017 (797.9/567.5) = EUR2023 942",
            700,
            1500,
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        inputs_method=f"MIDDEN SMR gas use (182 GJ/t H2) x stoichiometric H2 need {NH3_H2:.4f} t/t NH3 = {NH3_GAS:.1f} GJ/t; electricity 0.5 GJ/t assumed (MIDDEN fertiliser: 1.5 PJ elec vs 93.5 PJ gas)",
    )
)
nh3_gross = NH3_GAS * EF["natural_gas"] / 1000
nh3_cap = 0.65
ROUTES.append(
    Route(
        "ammonia_smr_ccs",
        "ammonia",
        "ammonia",
        "blue_hydrogen",
        "Grey ammonia with capture of the process CO2 stream (pre-combustion, blue ammonia)",
        S_MIDDEN_TC0354,
        {
            "natural_gas": NH3_GAS + nh3_cap * nh3_gross * (313 * 3.6 / 1000) * GAS_BOILER,
            "electricity": 0.5 + nh3_cap * nh3_gross * CCS_EL,
        },
        capex=("ccs193", (0.0, "EUR/(t/yr)"), nh3_cap * nh3_gross),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2026,
        capture=nh3_cap,
        potential={"cluster6": 0.0, "chemelot": 0.5},
        inputs_method="reference inputs plus capture energy (MIDDEN TC0354) for the captured process CO2; capture_rate 0.65 = share of feed carbon (about 22 of 32 GJ gas/t) in total CO2 [estimate]",
    )
)
ROUTES.append(
    Route(
        "ammonia_h2",
        "ammonia",
        "ammonia",
        "hydrogen",
        "Ammonia synthesis from pool hydrogen (air separation + Haber-Bosch loop)",
        S_POSTED_NH3,
        {"hydrogen": NH3_H2 * LHV_H2, "electricity": NH3_H2_ELEC},
        capex=(
            300,
            "EUR/(t/yr)",
            S_POSTED_NH3,
            True,
            "assumption: air separation unit + adaptation of the existing loop when the reformer is replaced by "
            "external hydrogen, below a new Haber-Bosch loop with ASU (Arnaiz del Pozo 2022 EUR 643/kW and "
            "Ikaheimo 2018 EUR 870/kW of NH3 at 18.6 GJ/t = EUR 379-513 per t/yr), since the loop is reused",
            150,
            600,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2030,
        inputs_method=f"stoichiometric hydrogen ({NH3_H2 * LHV_H2:.1f} GJ H2/t NH3); electricity for ASU and "
        f"compression: mean of Ikaheimo 2018 (0.64 MWh/t), Morgan 2014 (0.40 + 0.108 / 1.19) and Grinberg Dana 2016 "
        f"(0.44 + 0.061 / 1.19 MWh/t) x 3.6 = {NH3_H2_ELEC:.2f} GJ/t",
    )
)
ROUTES.append(
    Route(
        "ammonia_import",
        "ammonia",
        "ammonia",
        "import",
        "Import of ammonia",
        S_NH3_PRICE + "; " + S_IEA_NH3,
        {},
        variable_cost=(
            471,
            "EUR/t",
            S_NH3_PRICE + "; " + S_ECB_FX_2024,
            True,
            "Northwest Europe CFR 2024: mean of USD 465 (June-July) and USD 555 (September) = USD 510 / 1.0824 USD per "
            "EUR = EUR 471/t; range from the 2023-2024 lows to the gas-price peak, widened",
            350,
            800,
            2024,
        ),
        embedded=(2.4, "t/t", S_IEA_NH3, False, "", None, None),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)
