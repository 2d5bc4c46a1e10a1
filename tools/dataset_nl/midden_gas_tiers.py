"""Which natural-gas energy-tax tier the sites of each cluster pay at the margin.

Reads MIDDEN's per-installation file (midden.json of github.com/pbl-nl/MIDDEN, commit e404e16:
NEa 2020 verified emissions per installation, NACE code, cluster) and prints, per cluster,
the share of the gas-equivalent use of taxable installations that sits at sites in each tier
of the energy tax on natural gas (Wet belastingen op milieugrondslag art. 59). The shares are
copied into ``GAS_TIER_SHARE`` of build_dataset.py, which turns them into the energy_tax row.

Method (an estimate): gas use of a site = its CO2 / 56.4 t/TJ / 31.65 MJ per m3 (LHV of
the 35.17 MJ/m3 GCV the tax is defined on) = 560 m3 per t CO2, i.e. every site is treated as
burning natural gas only. A site's marginal m3 is taxed at the tier its yearly use falls in.
Taxable installations leave out what Wbm art. 64 exempts or the model does not hold:
non-metallic minerals (mineralogical processes), basic metals (metallurgical processes),
electricity production (gas for electricity generation), oil and gas extraction (not
modelled), and the ammonia and industrial-gas plants (NACE 20.15, 20.11: feedstock).

Run: .venv/bin/python tools/dataset_nl/midden_gas_tiers.py path/to/midden.json
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

M3_PER_T_CO2 = 1e6 / 56.4 / 31.65  # m3 natural gas (31.65 MJ LHV) per t CO2 at 56.4 t/TJ
#: Upper bounds of the tiers, m3 per year and connection (Wbm art. 59).
TIER_BOUNDS = {"0-170k": 170e3, "170k-1M": 1e6, "1M-10M": 10e6, ">10M": float("inf")}
EXEMPT_MAIN_SECTORS = (
    "Manufacture of other non-metallic mineral products",
    "Manufacture of basic metals",
    "Electricity, gas, steam and air conditioning supply",
    "Extraction of crude petroleum and natural gas",
)
FEEDSTOCK_NACE = (20.11, 20.15)


def tier(m3_per_year: float) -> str:
    """The tier whose band holds a site's last m3 of the year."""
    return next(name for name, upper in TIER_BOUNDS.items() if m3_per_year <= upper)


def taxable(site: dict) -> bool:
    """A site whose fuel gas pays energy tax (see the module docstring)."""
    main = site["NACE_mainsector"]
    return not main.startswith(EXEMPT_MAIN_SECTORS) and site["NACE"] not in FEEDSTOCK_NACE


def shares(sites: list[dict]) -> dict[str, dict[str, float]]:
    """Per cluster: share of taxable gas-equivalent use per marginal tier."""
    use: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for site in sites:
        try:
            co2 = float(site["2020_nea_emissions_[tCO2e]"])
        except (TypeError, ValueError):
            continue
        if co2 <= 0 or not taxable(site):
            continue
        m3 = co2 * M3_PER_T_CO2
        use[site["cluster_name"]][tier(m3)] += m3
    return {
        cluster: {name: by_tier.get(name, 0.0) / sum(by_tier.values()) for name in TIER_BOUNDS}
        for cluster, by_tier in sorted(use.items())
    }


def main(path: str) -> None:
    with open(path) as f:
        sites = json.load(f)
    print(f"{'cluster':22s} " + " ".join(f"{name:>8s}" for name in TIER_BOUNDS))
    for cluster, by_tier in shares(sites).items():
        print(f"{cluster:22s} " + " ".join(f"{by_tier[n]:8.3f}" for n in TIER_BOUNDS))


if __name__ == "__main__":
    main(sys.argv[1])
