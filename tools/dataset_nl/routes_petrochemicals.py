"""Steam-cracker (HVC) routes and refinery hydrotreating."""

from __future__ import annotations

from .common import EF
from .route import CCS_RATE, Route, with_post_combustion
from .sources import (
    S_BM,
    S_CEPCI,
    S_DEFINITION,
    S_ETM,
    S_ICIS_OLEFINS,
    S_MIDDEN_TC0263,
    S_MIDDEN_TC0264,
    S_MIDDEN_TC0478,
    S_POSTED_CRACKER,
)

ROUTES: list[Route] = []

HVC_IN = {"oil": 12.0, "natural_gas": 2.0, "electricity": 0.59}
#: t CO2 per t HVC the cracker emits (fuel x emission factors)
HVC_DIRECT = sum(v * EF[c] / 1000 for c, v in HVC_IN.items())
ROUTES.append(
    Route(
        "petrochemicals_cracker",
        "petrochemicals",
        "hvc",
        "reference",
        "Naphtha/gas-oil steam cracker (furnaces fired with cracker fuel gas)",
        f"{S_MIDDEN_TC0264}; {S_ETM}",
        HVC_IN,
        capex=(
            1500,
            "EUR/(t/yr)",
            S_POSTED_CRACKER + "; " + S_CEPCI,
            True,
            "assumption: new-build cracker per t HVC incl. its share of site utilities. Spallina et al. 2017 give "
            "EUR2017 967 per t ethylene/yr = 494 per t HVC/yr (ethylene + propylene + BTX = 1.96 t per t ethylene) "
            "= EUR2023 695 x CEPCI; not adopted, flagged for review",
            1000,
            2000,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=30,
        inputs_method="fuel 14 GJ/t HVC assumed (cracker off-gas counted as oil 12 + natural gas 2), so that HVC output x fuel is of the order of the ETM 2023 chemical-sector oil-products use (104 PJ); naphtha feedstock is not an input (its carbon stays in the products)",
    )
)
cin, ccap = with_post_combustion(HVC_IN)
ROUTES.append(
    Route(
        "petrochemicals_cracker_ccs",
        "petrochemicals",
        "hvc",
        "ccs",
        "Steam cracker with post-combustion capture on furnace flue gas",
        S_MIDDEN_TC0478,
        cin,
        capex=("ccs", (0.0, "EUR/(t/yr)"), ccap),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2031,
        capture=CCS_RATE,
        potential={"cluster6": 0.0, "chemelot": 0.5},
        inputs_src=S_MIDDEN_TC0478,
        inputs_method="reference inputs plus capture energy; capture heat from a gas boiler",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_e_cracker",
        "petrochemicals",
        "hvc",
        "electrification",
        "Electrically heated steam cracker",
        S_MIDDEN_TC0264,
        {"electricity": 8.08},
        capex=(680, "EUR/(t/yr)", S_MIDDEN_TC0264, False, "", 140, 1210, 2019),
        fixed_om=("pct", 0.0125),
        lifetime=18,
        first_year=2040,
        inputs_est=False,
        note="TRL 3; MIDDEN gives 2040 as first year, so the route cannot be built within 2025-2035",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_h2_cracker",
        "petrochemicals",
        "hvc",
        "hydrogen",
        "Steam cracker with hydrogen-fired furnaces",
        S_MIDDEN_TC0263,
        {"hydrogen": 8.28, "electricity": 0.59},
        capex=(435, "EUR/(t/yr)", S_MIDDEN_TC0263, False, "", 220, 650, 2018),
        fixed_om=("pct", 0.01),
        lifetime=30,
        first_year=2032,
        inputs_est=False,
        note="TRL 5: first_year 2032 [estimate]; methane-rich off-gas no longer burnt is not credited",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_import",
        "petrochemicals",
        "hvc",
        "import",
        "Import of high-value chemicals",
        S_ICIS_OLEFINS,
        {},
        variable_cost=(
            900,
            "EUR/t",
            S_ICIS_OLEFINS,
            True,
            "assumption: an HVC basket price within the ICIS NWE contract prices of ethylene (775-1,150) and "
            "propylene (840-1,032 EUR/t) of 2018-2020; no 2024 series retrieved",
            700,
            1200,
            2024,
        ),
        embedded=(
            round(HVC_DIRECT, 3),
            "t/t",
            f"{S_MIDDEN_TC0264}; {S_ETM}; {S_BM}",
            True,
            f"the CO2 a cracker abroad emits making the HVC: the dataset's own cracker, {HVC_DIRECT:.3f} "
            "t/t (14 GJ of cracker fuel per t). Physical, whether or not CBAM prices it (organic "
            "chemicals are not CBAM goods, so no CBAM cost is charged on it); low: the EU steam-cracking "
            "benchmark 0.702 t/t (the best 10 % of EU plants), high: +25 % for older plants abroad "
            "(assumption)",
            0.702,
            round(HVC_DIRECT * 1.25, 3),
        ),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)

# ---- refinery hydrogen use
ROUTES.append(
    Route(
        "refining_hydrotreating_h2",
        "refining",
        "hydrotreating",
        "reference",
        "Hydrotreating/hydrocracking with hydrogen from the pool",
        S_DEFINITION,
        {"hydrogen": 1.0},
        capex=(
            0.0,
            "EUR/kW",
            S_DEFINITION,
            True,
            "existing units; hydrogen cost is carried by the hydrogen routes",
            None,
            None,
            2024,
        ),
        lifetime=40,
        availability=1.0,
        inputs_est=False,
        inputs_src=S_DEFINITION,
    )
)
