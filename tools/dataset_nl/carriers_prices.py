"""carriers_prices.csv: emission factors, prices, network tariffs and energy taxes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .common import EF, LHV_H2, Table
from .demand import DEMAND
from .routes import ref_route
from .sources import (
    S_BP2026_ENERGY_TAX,
    S_BRENT,
    S_CBS_PRICES_2022,
    S_COKING_COAL,
    S_EB_EL,
    S_EB_GAS,
    S_EBRIDGE,
    S_ECB_FX_2024,
    S_ENGIE,
    S_ETM_CAR,
    S_FME,
    S_IPCC,
    S_MIDDEN_SITES,
    S_MIDDEN_TC0352,
    S_MRR,
    S_NLFUEL,
    S_PZEM,
    S_SDE_GG,
    S_TENNET,
    S_TTF_2023,
    S_TTF_NETWORK,
    S_WBM64,
    S_ZERO_DIRECT,
)

GAS_TAX_TIER = {"0-170k": 0.5782, "170k-1M": 0.3157, "1M-10M": 0.2035, ">10M": 0.0539}
#: Nominal growth a year of each tier's rate after 2025 [assumption]: Belastingplan 2026 raises
#: the rates up to 10 million m3 (the 2025 step was +58 % on 1-10M, +41 % on 170k-1M); the
#: top tier is indexed with inflation (+10 % in 2025: assumed +2 % a year)
GAS_TAX_GROWTH = {"0-170k": 1.02, "170k-1M": 1.08, "1M-10M": 1.08, ">10M": 1.02}
GAS_TAX_YEARS = (2025, 2030)


def gas_tax_tiers(year: int) -> dict[str, float]:
    """EUR per m3 of each tier in ``year`` (2025 as enacted, later years escalated)."""
    return {t: rate * GAS_TAX_GROWTH[t] ** (year - 2025) for t, rate in GAS_TAX_TIER.items()}


GAS_TAX_PATH_METHOD = (
    "2030: each tier escalated from 2025 [assumption]: the tiers up to 10 million m3 +8 % a year "
    "(Belastingplan 2026 raises them again; its 2026 rates were not retrieved; in 2025 the 1-10M "
    "tier rose 58 % and the 170k-1M tier 41 %), the top tier +2 % a year (inflation indexing); held "
    "after 2030"
)
GAS_MWH_LHV_PER_M3 = 31.65 / 3600  # the tax's m3 holds 35.17 MJ GCV = 31.65 MJ LHV
# Share of the taxable gas use of each cluster at sites whose marginal m3 falls in each tier,
# from MIDDEN's installations (tools/dataset_nl/midden_gas_tiers.py on midden.json) [estimate]
GAS_TIER_SHARE = {
    "chemelot": {">10M": 1.0},
    "noord_nederland": {"1M-10M": 0.032, ">10M": 0.968},
    "noordzeekanaalgebied": {">10M": 1.0},
    "cluster6": {"1M-10M": 0.143, ">10M": 0.857},
    "rotterdam_moerdijk": {"1M-10M": 0.005, ">10M": 0.995},
    "zeeland_west_brabant": {"1M-10M": 0.001, ">10M": 0.999},
}
# Sectors whose fuel gas pays energy tax: the rest use it for metallurgical or mineralogical
# processes (steel, non-ferrous, glass, ceramics, cement/lime) or as feedstock (ammonia and
# hydrogen reformers), which Wbm art. 64 exempts or leaves untaxed
GAS_TAXED_SECTORS = (
    "refining",
    "petrochemicals",
    "other_chemicals",
    "food",
    "paper",
    "other_industry",
)


def gas_tax_per_cluster(year: int = 2025):
    """EUR/MWh (LHV) of energy tax on the marginal m3 of a cluster's taxable gas users."""
    rates = gas_tax_tiers(year)
    return {
        c: sum(rates[t] * share for t, share in tiers.items()) / GAS_MWH_LHV_PER_M3
        for c, tiers in GAS_TIER_SHARE.items()
    }


def taxed_gas_use():
    """PJ/yr of natural gas burnt by the reference routes of the taxed sectors, per cluster."""
    use = defaultdict(float)
    for (s, c, svc), d in DEMAND.items():
        if s in GAS_TAXED_SECTORS:
            use[c] += d * ref_route(s, svc).inputs.get("natural_gas", 0.0)
    return dict(use)


def gas_energy_tax(year: int = 2025):
    """One national energy-tax rate on natural gas: the clusters' marginal rates weighted by
    their taxed base-year gas use. Returns (EUR/MWh, method)."""
    rate, use = gas_tax_per_cluster(year), taxed_gas_use()
    value = sum(rate[c] * use[c] for c in use) / sum(use.values())
    per_cluster = ", ".join(f"{c} {rate[c]:.2f} ({use[c]:.0f} PJ)" for c in sorted(use))
    method = (
        f"marginal tier of the taxed sites, weighted by taxed gas use: per cluster the 2025 tier rates "
        f"(EUR/m3 / {GAS_MWH_LHV_PER_M3 * 1000:.4f} MWh LHV per 1000 m3: > 10M m3 "
        f"{GAS_TAX_TIER['>10M'] / GAS_MWH_LHV_PER_M3:.2f}, 1M-10M "
        f"{GAS_TAX_TIER['1M-10M'] / GAS_MWH_LHV_PER_M3:.2f} EUR/MWh) x the share of the cluster's taxable gas "
        f"at sites in that tier (MIDDEN installations, gas = CO2 x 560 m3/t, tools/dataset_nl/midden_gas_tiers.py), "
        f"then weighted by the base-year gas use of the taxed sectors ({', '.join(GAS_TAXED_SECTORS)}): "
        f"{per_cluster}. The national figure; cluster 6's own tier, the exempt uses "
        f"(metallurgical and mineralogical processes) and the reformers' feedstock have rows of "
        f"their own" + (f". {GAS_TAX_PATH_METHOD}" if year > 2025 else "")
    )
    return value, method


GAS_EXEMPT_SECTORS = {
    "steel": "metallurgical processes",
    "non_ferrous": "metallurgical processes",
    "glass": "mineralogical processes (glass melting)",
    "ceramics": "mineralogical processes (ceramic kilns and dryers)",
    "cement_lime": "mineralogical processes (cement and lime kilns)",
}
ELECTRICITY_EXEMPT_SECTORS = {
    "steel": "metallurgical processes (electric arc furnaces, rolling)",
    "non_ferrous": "electrolytic and metallurgical processes (aluminium and zinc electrolysis)",
    "hydrogen": "electrolytic processes (water electrolysis)",
}
# stoichiometric reformer feed: CH4 + 2 H2O -> CO2 + 4 H2 needs 802.3 / (4 x 241.8) GJ of gas per GJ
# of hydrogen (LHV); the rest of the reformer's gas (182 TJ per kt H2, MIDDEN TC0352) is fuel
REFORMER_FEED = 802.3 / (4 * 241.8)


def energy_tax_by_user(t):
    """The gas and electricity tax rows per sector and cluster (blank = all)."""
    for year in GAS_TAX_YEARS:
        _gas_tax_rows_by_user(t, year)
    _exemption_rows(t)


def _gas_tax_rows_by_user(t, year: int) -> None:
    """Cluster 6's tier and the reformers' fuel share, in ``year``."""
    gas_tax = gas_energy_tax(year)[0]
    tiers = gas_tax_tiers(year)
    cluster6 = gas_tax_per_cluster(year)["cluster6"]
    path = f". {GAS_TAX_PATH_METHOD}" if year > 2025 else ""
    t.add(
        "energy_tax",
        round(cluster6, 2),
        "EUR/MWh",
        f"{S_EB_GAS}; {S_MIDDEN_SITES}",
        figure_year=year,
        estimate=True,
        method=f"the marginal tier of cluster 6's taxed sites: 14.3 % of its taxable gas is used at sites "
        f"of 1-10 million m3 (EUR {tiers['1M-10M']:.4f}/m3), the rest above 10 million m3 (EUR "
        f"{tiers['>10M']:.4f}/m3), per MWh LHV (MIDDEN installations, "
        f"tools/dataset_nl/midden_gas_tiers.py){path}",
        carrier="natural_gas",
        cluster="cluster6",
        year=year,
    )
    fuel_share = 1 - REFORMER_FEED / (182 / LHV_H2)
    for sector in ("ammonia", "hydrogen"):
        t.add(
            "energy_tax",
            round(gas_tax * fuel_share, 2),
            "EUR/MWh",
            f"{S_WBM64}; {S_EB_GAS}; {S_MIDDEN_TC0352}",
            figure_year=year,
            estimate=True,
            method=f"the gas a reformer uses as feedstock is not taxed as fuel: the tax ({gas_tax:.2f} "
            f"EUR/MWh) on the fuel share only, 1 - stoichiometric feed {REFORMER_FEED:.3f} GJ gas per GJ H2 / "
            f"182 TJ per kt H2 ({182 / LHV_H2:.3f} GJ/GJ) = {fuel_share:.2f} (an upper bound: real reformers "
            f"burn less than the stoichiometric rest){path}",
            low=0.0,
            high=round(gas_tax, 2),
            carrier="natural_gas",
            sector=sector,
            year=year,
        )


def _exemption_rows(t) -> None:
    """The processes the energy tax exempts (Wbm art. 64 lid 4)."""
    clusters_of = defaultdict(set)
    for s, c, _svc in DEMAND:
        clusters_of[s].add(c)
    for sector, process in GAS_EXEMPT_SECTORS.items():
        # the sector row, and one per cluster 6 so that it wins over the cluster-6 tier
        for cluster in ["", *sorted(c for c in clusters_of[sector] if c == "cluster6")]:
            t.add(
                "energy_tax",
                0.0,
                "EUR/MWh",
                S_WBM64,
                figure_year=2025,
                note=f"exempt: natural gas used for {process}",
                carrier="natural_gas",
                sector=sector,
                **({"cluster": cluster} if cluster else {}),
                year=2025,
            )
    for sector, process in ELECTRICITY_EXEMPT_SECTORS.items():
        t.add(
            "energy_tax",
            0.0,
            "EUR/MWh",
            S_WBM64,
            figure_year=2025,
            note=f"exempt: electricity used for {process}",
            carrier="electricity",
            sector=sector,
            year=2025,
        )


def write(out: Path) -> int:
    """Write carriers_prices.csv."""
    t = Table("carriers_prices")
    t.add(
        "emission_factor",
        EF["natural_gas"],
        "t/TJ",
        S_NLFUEL,
        figure_year=2024,
        estimate=True,
        low=56.1,
        high=56.6,
        method="NL list of fuels value for natural gas as used 2022-2024 (56.4-56.6 kg/GJ); the TNO 2006 report in the corpus documents the replaced 56.1; exact current value not retrieved",
        carrier="natural_gas",
    )
    t.add(
        "emission_factor",
        EF["coal"],
        "t/TJ",
        S_IPCC,
        figure_year=2006,
        note="applied to the coking coal/PCI input of the steelworks, so the process gases burnt in power plants are counted in full",
        carrier="coal",
    )
    t.add(
        "emission_factor",
        EF["oil"],
        "t/TJ",
        S_IPCC,
        figure_year=2006,
        estimate=True,
        low=57.6,
        high=77.4,
        method="weighted mix dominated by refinery/cracker fuel gas (about 85 % at 57.6) with residues/fuel oil (about 15 % at 77.4)",
        carrier="oil",
    )
    for c, src in (
        ("electricity", S_ZERO_DIRECT),
        ("hydrogen", S_ZERO_DIRECT),
        ("biomethane", S_MRR),
    ):
        t.add("emission_factor", 0.0, "t/TJ", src, carrier=c)

    # prices
    def price(carrier, par, y, v, unit, src, est, meth, lo=None, hi=None, fy=None, note=""):
        t.add(
            par,
            v,
            unit,
            src,
            figure_year=fy,
            estimate=est,
            method=meth,
            low=lo,
            high=hi,
            note=note,
            carrier=carrier,
            year=y,
        )

    _realised_prices(price)
    price(
        "natural_gas",
        "price",
        2025,
        40,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}",
        True,
        "2024 TTF observations 34.6-46.7 EUR/MWh rounded to 40 for 2025",
        30,
        55,
        2024,
    )
    price(
        "natural_gas",
        "price",
        2030,
        30,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}; {S_ETM_CAR}",
        True,
        "assumption: 25 % below the 2024 TTF observations (34.6-46.7, PZEM/ENGIE) for the LNG supply growth "
        "expected by 2030; no KEV or forward path retrieved; high 50 near ETM's 2023 value",
        20,
        50,
        2024,
    )
    price(
        "natural_gas",
        "price",
        2035,
        30,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}",
        True,
        "held at the 2030 level (see the 2030 row)",
        20,
        50,
        2024,
    )
    price(
        "natural_gas",
        "network_tariff",
        2025,
        1.5,
        "EUR/MWh",
        S_TTF_NETWORK,
        True,
        "assumption: exit and transport charges of a large industrial connection to the Gasunie grid, of the "
        "order of EUR 1-2/MWh; no tariff table retrieved",
        1.0,
        3.0,
        2024,
    )
    for year in GAS_TAX_YEARS:
        gas_tax, gas_tax_method = gas_energy_tax(year)
        price(
            "natural_gas",
            "energy_tax",
            year,
            round(gas_tax, 2),
            "EUR/MWh",
            f"{S_EB_GAS}; {S_MIDDEN_SITES}" + (f"; {S_BP2026_ENERGY_TAX}" if year > 2025 else ""),
            True,
            gas_tax_method,
            round(gas_energy_tax(2025)[0], 2) if year > 2025 else 0.0,
            round(gas_tax_tiers(year)["1M-10M"] / GAS_MWH_LHV_PER_M3, 2),
            year,
            note="low: exempt uses (2025), the 2025 rate held (2030); high: a site using 1-10 million "
            "m3/yr. Nominal euros of the year",
        )
    price(
        "electricity",
        "price",
        2025,
        71.1,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "FME 2025 all-in EUR 88/MWh minus network tariff (15) and energy tax (1.88), rounded",
        60,
        90,
        2025,
    )
    price(
        "electricity",
        "price",
        2030,
        65,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "assumption: the 2025 commodity price (71.1, FME 2025 less network and tax) falling about 10 % with the "
        "offshore-wind build-out to 2030; no KEV path retrieved",
        50,
        90,
        2025,
    )
    price(
        "electricity",
        "price",
        2035,
        60,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "assumption: a further 8 % below 2030 (see the 2030 row); no KEV path retrieved",
        45,
        90,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2025,
        15,
        "EUR/MWh",
        S_EBRIDGE + "; " + S_TENNET,
        True,
        "assumed share of TenneT HV/EHV tariffs in the all-in large-user price after the 2023-2024 increases",
        10,
        20,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2030,
        18.7,
        "EUR/MWh",
        S_TENNET,
        True,
        "2025 value +4.5 %/yr real",
        None,
        None,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2035,
        23.3,
        "EUR/MWh",
        S_TENNET,
        True,
        "2025 value +4.5 %/yr real",
        None,
        None,
        2025,
    )
    price(
        "electricity",
        "energy_tax",
        2025,
        1.88,
        "EUR/MWh",
        S_EB_EL,
        True,
        "the > 10 million kWh business-use tier (2024, EUR 0.00188/kWh): ETS sites use more than 10 GWh/yr "
        "per connection, so their marginal MWh pays this tier; 2025 value not retrieved, 2024 held",
        0.0,
        38.14,
        2024,
        note="low: exempt electrolytic and metallurgical use; high: a site below 10 GWh/yr (2025 tier "
        "50,000-10M kWh, EUR 0.03814/kWh)",
    )
    energy_tax_by_user(t)
    price(
        "biomethane",
        "price",
        2025,
        95,
        "EUR/MWh",
        f"{S_SDE_GG}; {S_ETM_CAR}",
        True,
        "TTF (40) + GvO value EUR 0.50/m3 (31.65 MJ/m3 -> EUR 57/MWh)",
        63.6,
        190,
        2024,
        note="high = SDE++ 2023 base amount EUR 1.92/Nm3 converted at 35.17 MJ/Nm3",
    )
    price(
        "biomethane",
        "price",
        2035,
        85,
        "EUR/MWh",
        f"{S_SDE_GG}; {S_ETM_CAR}",
        True,
        "assumption: the 2025 derivation (TTF + GvO) with TTF 30 (the 2035 gas row) and a lower GvO premium",
        60,
        190,
        2024,
    )
    price(
        "coal",
        "price",
        2025,
        7.0,
        "EUR/GJ",
        f"{S_COKING_COAL}; {S_ECB_FX_2024}",
        True,
        "premium hard coking coal, mean of 2024 (USD 242/t) and 2025 (187) = USD 214.5/t / 1.0824 = EUR 198/t "
        "/ 28.2 GJ/t = EUR 7.0/GJ; PCI coal is cheaper, freight is not added",
        5,
        10,
        2024,
    )
    price(
        "oil",
        "price",
        2025,
        40,
        "EUR/MWh",
        f"{S_BRENT}; {S_PZEM}; {S_ECB_FX_2024}",
        True,
        "assumption: opportunity value of refinery/cracker fuel gas and fuel oil, between TTF 2024 (34.6-46.7 "
        "EUR/MWh) and Brent 2024 (USD 80/b / 1.0824 / 1.70 MWh per barrel = EUR 43/MWh)",
        30,
        55,
        2024,
    )
    return t.write(out)


#: Realised prices 2022-2024 for the hindcast (scenarios/hindcast.yaml), EUR/MWh, nominal
#: euros of the year. 2022: what the largest users paid (CBS, supply price without taxes and
#: network); 2024: the market observations the 2025 rows start from; 2023: no figure of what
#: large users paid was retrieved, so the midpoint (contracts bought in 2022 kept prices above
#: the 2023 TTF of 30-70).
GAS_2022 = round(25.124 * 3.6, 2)  # EUR/GJ -> EUR/MWh
ELECTRICITY_2022 = 150.0  # EUR 0.150/kWh
ELECTRICITY_2024 = round(95 - 15 - 1.88, 1)  # E-Bridge all-in less network tariff and energy tax
GAS_2024 = 40.0


def _realised_prices(price) -> None:
    """Price rows of 2022-2024, before the shipped scenarios' first year (the hindcast's)."""
    note = "realised, nominal euros of the year; for the hindcast (scenarios/hindcast.yaml)"
    price(
        "natural_gas",
        "price",
        2022,
        GAS_2022,
        "EUR/MWh",
        S_CBS_PRICES_2022,
        False,
        "CBS: non-households using 1,000 TJ and more, supply price without VAT and taxes, EUR 25.124/GJ "
        "x 3.6 (TTF averaged well above this in 2022: large users had bought ahead)",
        fy=2022,
        note=note,
    )
    price(
        "natural_gas",
        "price",
        2023,
        round((GAS_2022 + GAS_2024) / 2, 2),
        "EUR/MWh",
        f"{S_CBS_PRICES_2022}; {S_TTF_2023}; {S_PZEM}",
        True,
        f"midpoint of 2022 ({GAS_2022}) and 2024 ({GAS_2024}): no 2023 figure of what large users paid was "
        "retrieved; TTF fell from about 70 in January to 29-46 later in the year, and contracts bought "
        "in 2022 kept large users' prices above it",
        lo=35,
        hi=GAS_2022,
        fy=2023,
        note=note,
    )
    price(
        "natural_gas",
        "price",
        2024,
        GAS_2024,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}",
        True,
        "2024 TTF observations 34.6-46.7 EUR/MWh (as the 2025 row)",
        lo=34.6,
        hi=46.7,
        fy=2024,
        note=note,
    )
    price(
        "electricity",
        "price",
        2022,
        ELECTRICITY_2022,
        "EUR/MWh",
        S_CBS_PRICES_2022,
        False,
        "CBS: non-households using 150,000 MWh and more, supply price without VAT and taxes, EUR "
        "0.150/kWh",
        fy=2022,
        note=note,
    )
    price(
        "electricity",
        "price",
        2023,
        round((ELECTRICITY_2022 + ELECTRICITY_2024) / 2, 1),
        "EUR/MWh",
        f"{S_CBS_PRICES_2022}; {S_EBRIDGE}",
        True,
        f"midpoint of 2022 ({ELECTRICITY_2022:.0f}) and 2024 ({ELECTRICITY_2024}): no 2023 figure of what "
        "large users paid was retrieved",
        lo=ELECTRICITY_2024,
        hi=ELECTRICITY_2022,
        fy=2023,
        note=note,
    )
    price(
        "electricity",
        "price",
        2024,
        ELECTRICITY_2024,
        "EUR/MWh",
        S_EBRIDGE,
        True,
        "E-Bridge (2024): effective all-in price of a large Dutch industrial user about EUR 95/MWh, less the "
        "network tariff (15) and energy tax (1.88) of the 2025 rows",
        lo=71.1,
        hi=95,
        fy=2024,
        note=note,
    )
