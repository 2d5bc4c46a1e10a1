"""policy_levers.csv: the electricity-cost envelope, Flex-e and the RFNBO obligation."""

from __future__ import annotations

from pathlib import Path

from .common import LHV_H2, Table
from .routes import ROUTES
from .routes_ammonia import NH3_H2
from .sources import (
    S_ELYGATOR,
    S_FLEXE,
    S_FLEXE_MODULE,
    S_FME_IKC,
    S_FME_NEIGHBOURS,
    S_H2GLOBAL,
    S_KB,
    S_OFFSHORE_H2,
    S_OWE,
    S_RED3,
    S_RFNBO_DA,
    S_RFNBO_GUIDANCE,
)
from .subsidies import IKC_SECTORS

#: The letter's reserve for EII electricity costs: MEUR a year from RESERVE_FULL_YEAR on
RESERVE_PER_YEAR, RESERVE_FULL_YEAR = 1000.0, 2029
#: The share of the reserve that funds IKC-ETS (the rest funds the envelope) [assumption]
IKC_RESERVE_SHARE = 0.5
REBATE_NEIGHBOURS = (62.0, 75.0)  # DE, BE all-in EUR/MWh 2025 (FME)
NL_ALL_IN = 88.0


def write(out: Path) -> int:
    """Rows of the policy levers without a file of their own: the electricity-cost envelope,
    Flex-e and the RFNBO obligation."""
    t = Table("policy_levers")
    gap = NL_ALL_IN - sum(REBATE_NEIGHBOURS) / len(REBATE_NEIGHBOURS)
    t.add(
        "electricity_rebate_rate",
        round(gap, 2),
        "EUR/MWh",
        S_FME_NEIGHBOURS + "; " + S_KB,
        figure_year=2025,
        estimate=True,
        method=f"the letter's aim is a level playing field: the rebate closes the gap between the Dutch "
        f"all-in price ({NL_ALL_IN}) and the mean of the German and Belgian ones "
        f"({sum(REBATE_NEIGHBOURS) / 2:.1f}); the spending option is not decided",
        low=NL_ALL_IN - REBATE_NEIGHBOURS[1],
        high=NL_ALL_IN - REBATE_NEIGHBOURS[0],
    )
    # The letter's reserve for EII electricity costs, and its split between IKC-ETS and the envelope
    for y in range(2026, 2036):
        ramp = y < RESERVE_FULL_YEAR
        t.add(
            "electricity_support_reserve",
            RESERVE_PER_YEAR * min(1.0, (y - 2025) / (RESERVE_FULL_YEAR - 2025)),
            "MEUR",
            S_KB,
            figure_year=y,
            estimate=ramp,
            method=(
                "the letter reserves means 'vanaf 2026 tot en met 2035 ..., oplopend tot 1 miljard per "
                "jaar vanaf 2029' without the path before 2029: assumed rising in equal steps from 0 "
                "in 2025 to 1,000 in 2029; low: nothing before 2029, high: 1,000 from 2026"
                if ramp
                else ""
            ),
            low=0.0 if ramp else None,
            high=RESERVE_PER_YEAR if ramp else None,
            year=y,
        )
    t.add(
        "ikc_reserve_share",
        IKC_RESERVE_SHARE,
        "1",
        f"{S_KB}; {S_FME_IKC}",
        figure_year=2026,
        estimate=True,
        method="assumption, a scenario lever: the letter funds the IKC-ETS extension ('als eerste "
        "stap') and a separate envelope for electricity costs from the same reserve without a split; "
        "an even split assumed (EUR 500M a year for IKC-ETS from 2029, close to the EUR 505M a year "
        "FME asks for IKC-ETS to 2035); low: IKC-ETS at its last own budget (150 of 1,000), high: all "
        "of it",
        low=0.15,
        high=1.0,
    )
    t.add(
        "electricity_rebate_budget",
        0.0,
        "MEUR",
        S_KB,
        figure_year=2026,
        note="the envelope has no budget line of its own: its money is the part of "
        "electricity_support_reserve that ikc_reserve_share does not give to IKC-ETS",
    )
    for sector, (eligible, _aid, mapping) in IKC_SECTORS.items():
        t.add(
            "electricity_rebate_eligible",
            eligible,
            "1",
            S_KB,
            estimate=True,
            method="assumed the sectors eligible for IKC-ETS after its extension (the letter names the "
            f"extension the first step of the same support): {mapping}",
            sector=sector,
        )
    # Flex-e: EUR 198.9 M for 2027-2030, a grant on flexible e-boilers
    t.add(
        "flex_e_budget",
        0,
        "MEUR",
        S_KB,
        figure_year=2026,
        note="no budget assigned for continuation before 2027",
        year=2026,
    )
    for y in range(2027, 2031):
        t.add(
            "flex_e_budget",
            round(198.9 / 4, 3),
            "MEUR",
            S_KB,
            figure_year=2026,
            estimate=True,
            method="EUR 198.9M spread evenly over 2027-2030",
            year=y,
        )
    t.add(
        "flex_e_budget",
        0,
        "MEUR",
        S_KB,
        estimate=True,
        figure_year=2031,
        method="nothing reserved after 2030",
        year=2031,
    )
    for r in ROUTES:
        if r.label.endswith("_hybrid_e_boiler"):
            t.add(
                "flex_e_grant_share",
                0.3,
                "1",
                f"{S_FLEXE}; {S_FLEXE_MODULE}; {S_KB}",
                estimate=True,
                method="assumption: the module in force (Stcrt. 2025, 6499) pays 50 % of a flexibility scan "
                "and a feasibility study only, not the investment; the letter's continuation with an XL "
                "part for the EII ('hogere steunbedragen', EUR 198.9M for 2027-2030) sets no rate. A grant "
                "of 30 % of the flexible e-boiler's capex assumed, the low end of the 25-50 % of EU "
                "investment aid; low: 0 (studies only, as today), high: 0.5 (the value used before)",
                low=0.0,
                high=0.5,
                route=r.label,
            )
    # RFNBO obligation (RED III art. 22a): 0 before 2030, 42 % in 2030, 60 % in 2035
    for y, v, est, method in (
        (2029, 0.0, False, ""),
        (2030, 0.42, False, ""),
        (
            2035,
            0.60,
            True,
            "60 % by 2035; the years 2031-2034 follow the straight path from 42 % in 2030 (the directive "
            "sets the two end points only)",
        ),
    ):
        t.add("rfnbo_obligation", v, "1", S_RED3, estimate=est, method=method, year=y)
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        S_RED3 + "; " + S_ELYGATOR,
        estimate=True,
        method="assumed electrolysis on renewable electricity under the RFNBO rules (PPAs, additionality)",
        route="hydrogen_electrolysis",
    )
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        S_RED3 + "; " + S_OWE,
        estimate=True,
        method="assumed renewable imports: the import price (EUR 5-6/kg) is that of renewable hydrogen",
        route="hydrogen_import",
    )
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        f"{S_RED3}; {S_RFNBO_DA}; {S_OFFSHORE_H2}",
        estimate=True,
        method="electrolysis fed only by its own offshore wind farm: electricity from a directly "
        "connected renewable installation makes the hydrogen fully renewable (RFNBO)",
        route="hydrogen_offshore_electrolysis",
    )
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        f"{S_RED3}; {S_RFNBO_DA}; {S_H2GLOBAL}",
        estimate=True,
        method="the ammonia is renewable (H2Global's tender buys RFNBO ammonia), so the hydrogen "
        "cracked from it is RFNBO; the cracker's own heat comes from ammonia",
        route="hydrogen_import_ammonia",
    )
    # Article 22a counts all hydrogen industry uses, also what a plant makes for itself
    for route in ("ammonia_smr", "ammonia_smr_ccs"):
        t.add(
            "captive_hydrogen",
            round(NH3_H2 * LHV_H2, 3),
            "GJ/t",
            f"{S_RFNBO_GUIDANCE}; {S_RED3}",
            estimate=True,
            method=f"hydrogen the plant's own reformer makes for the ammonia: 3 x 1.008 / 17.031 = "
            f"{NH3_H2:.4f} t H2 per t NH3 (stoichiometric) x 120 GJ/t, the same hydrogen "
            "ammonia_h2 buys from the pool",
            route=route,
        )
    t.add(
        "rfnbo_counted",
        0,
        "1",
        S_RED3,
        note="hydrogen used as an intermediate product for conventional transport fuels (refining) is "
        "outside the industry target",
        sector="refining",
    )
    return t.write(out)
