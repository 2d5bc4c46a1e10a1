"""policy_levers.csv: the electricity-cost envelope, Flex-e and the RFNBO obligation."""

from __future__ import annotations

from pathlib import Path

from .common import Table
from .routes import ROUTES
from .sources import S_ELYGATOR, S_FLEXE, S_FME_NEIGHBOURS, S_KB, S_OWE, S_RED3
from .subsidies import IKC_SECTORS

IKC_BUDGET_PAID = {2026: 129.2, 2027: 200.0, 2028: 150.0, 2029: 150.0}
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
    total_2026 = IKC_BUDGET_PAID[2026]
    for y in range(2026, 2036):
        if y <= 2028:
            total = total_2026 + (1000.0 - total_2026) * (y - 2026) / 3
            value = max(0.0, total - IKC_BUDGET_PAID[y])
            method = (
                f"the letter reserves support 'oplopend tot 1 miljard per jaar vanaf 2029' without the path "
                f"before: assumed rising linearly from the 2026 IKC budget ({total_2026}) to 1,000 in 2029, "
                f"less the IKC budget of the year ({IKC_BUDGET_PAID[y]}); 0 in 2026 (spending options still "
                "being worked out, the Kamer informed by Prinsjesdag 2026)"
            )
        else:
            value = 1000.0 - IKC_BUDGET_PAID[2029]
            method = "EUR 1 bn/yr from 2029 less the IKC budget (150, held from 2028)"
        t.add(
            "electricity_rebate_budget",
            round(value, 1),
            "MEUR",
            S_KB,
            figure_year=2026,
            estimate=True,
            method=method,
            year=y,
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
        method="nothing reserved after 2030",
        year=2031,
    )
    for r in ROUTES:
        if r.label.endswith("_hybrid_e_boiler"):
            t.add(
                "flex_e_grant_share",
                0.5,
                "1",
                f"{S_FLEXE}; {S_KB}",
                estimate=True,
                method="assumed aid intensity of the XL part for the EII (the letter: 'hogere steunbedragen'; "
                "GBER/CEEAG investment aid ranges 25-50 %, the upper end taken)",
                low=0.3,
                high=0.6,
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
        "rfnbo_counted",
        0,
        "1",
        S_RED3,
        note="hydrogen used as an intermediate product for conventional transport fuels (refining) is "
        "outside the industry target",
        sector="refining",
    )
    return t.write(out)
