"""The results Dataset in the IAMC long format, for pyam and the scenario databases.

One row per ``model, scenario, region, variable, unit, year, value``. Regions are the
clusters and ``Netherlands`` (the national total: the sum over clusters for quantities,
the national value for prices). Variable names follow the community templates (IAMC,
NAVIGATE, ECEMF) where a name exists; every name elektra writes is built from the tables
below, so a name is changed in one place.

Conventions a reader of the file should know:

- ``Emissions|CO2|Energy|Demand|Industry`` is the Dataset's ``emissions``: direct CO2
  after capture, process emissions included (the Dataset does not split energy and
  process CO2), of every sector in the model, the hydrogen producers included.
- ``Final Energy|Industry|<carrier>`` is the carrier use of every route (fuel, feedstock,
  electricity), the electricity of electrolysers included.
- A carrier or sector name with ``|`` also adds up into its parents, as the templates
  expect: ``Gases|Fossil`` and ``Gases|Biomass`` into ``Gases``, ``Chemicals|Ammonia`` into
  ``Chemicals``.
- ``Production|...`` counts domestic routes only: import routes supply a product but do
  not produce it.
- ``Price|Carbon|EU-ETS`` is the EU ETS price in EUR per tonne of CO2 of the scenario's
  money, kept apart from the community ``Price|Carbon`` (US$2010/t CO2).
- ``Price|Secondary Energy|Hydrogen`` is the marginal cost of hydrogen from the dual of its
  national balance (EUR/GJ = MEUR/PJ).

Series that are zero (or NaN) in every year are left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]
NATIONAL = "Netherlands"

#: Below this absolute value in every year a series counts as zero and is dropped.
ZERO = 1e-9

#: Carrier labels to IAMC carrier names; other carriers are title-cased.
CARRIER_NAMES = {
    "natural_gas": "Gases|Fossil",
    "biomethane": "Gases|Biomass",
    "green_gas": "Gases|Biomass",
    "electricity": "Electricity",
    "hydrogen": "Hydrogen",
    "coal": "Solids|Coal",
    "coke": "Solids|Coal",
    "biomass": "Solids|Biomass",
    "oil": "Liquids|Oil",
    "naphtha": "Liquids|Oil",
    "heat": "Heat",
}

#: Sector labels to IAMC industry subsector names; other sectors are title-cased. A name
#: with ``|`` also adds up into its parents (ammonia and HVC into ``Chemicals``). The
#: hydrogen makers are not ``Hydrogen``, which under ``Final Energy`` names the carrier.
SECTOR_NAMES = {
    "steel": "Iron and Steel",
    "iron_and_steel": "Iron and Steel",
    "ammonia": "Chemicals|Ammonia",
    "petrochemicals": "Chemicals|High Value Chemicals",
    "other_chemicals": "Chemicals|Other",
    "chemicals": "Chemicals",
    "hydrogen": "Hydrogen Production",
    "refining": "Refining",
    "cement": "Non-Metallic Minerals|Cement",
    "cement_lime": "Non-Metallic Minerals|Cement and Lime",
    "glass": "Non-Metallic Minerals|Glass",
    "ceramics": "Non-Metallic Minerals|Ceramics",
    "aluminium": "Non-Ferrous Metals",
    "non_ferrous": "Non-Ferrous Metals",
    "non_ferrous_metals": "Non-Ferrous Metals",
    "paper": "Pulp and Paper",
    "pulp_and_paper": "Pulp and Paper",
    "food": "Food and Tobacco",
    "other_industry": "Other",
}

#: Products (service labels, with output unit Mt) to IAMC production variables.
PRODUCT_NAMES = {
    "steel": "Production|Iron and Steel",
    "crude_steel": "Production|Iron and Steel",
    "ammonia": "Production|Chemicals|Ammonia",
    "methanol": "Production|Chemicals|Methanol",
    "hvc": "Production|Chemicals|High Value Chemicals",
    "high_value_chemicals": "Production|Chemicals|High Value Chemicals",
    "cement": "Production|Non-Metallic Minerals|Cement",
    "clinker": "Production|Non-Metallic Minerals|Clinker",
}

#: Cost components of the Dataset to names under ``Cost|Industry``.
COST_NAMES = {
    "investment": "Investment",
    "fixed_om": "Fixed O&M",
    "energy": "Energy",
    "energy_tax": "Energy Tax",
    "variable": "Variable",
    "cbam": "CBAM",
    "ets": "EU-ETS",
    "free_allocation": "EU-ETS Free Allocation",
    "co2_transport_storage": "CO2 Transport and Storage",
    "investment_grants": "Investment Grants",
    "operating_subsidies": "Operating Subsidies",
    "ikc_compensation": "IKC Compensation",
    "co2_levy": "CO2 Levy",
    "grid_expansion": "Grid Expansion",
}

EMISSIONS = "Emissions|CO2|Energy|Demand|Industry"
CAPTURE = "Carbon Capture|Industry"
FINAL_ENERGY = "Final Energy|Industry"
CAPACITY = "Capacity|Industry"
COST = "Cost|Industry"
SECONDARY_ENERGY = "Secondary Energy"
PRICE_CARBON = "Price|Carbon|EU-ETS"
PRICE_SECONDARY = "Price|Secondary Energy"

UNITS = {
    "emissions": "Mt CO2/yr",
    "energy": "PJ/yr",
    "product": "Mt/yr",
    "cost": "million EUR/yr",
    "carbon_price": "EUR/t CO2",
    "energy_price": "EUR/GJ",
}

SMALL_WORDS = {"and", "of", "or", "for", "in"}


def title(label: str) -> str:
    """``pulp_and_paper`` -> ``Pulp and Paper``: a label as a variable name part."""
    words = str(label).replace("_", " ").split()
    return " ".join(
        w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def carrier_name(carrier: str) -> str:
    return CARRIER_NAMES.get(str(carrier), title(carrier))


def sector_name(sector: str) -> str:
    return SECTOR_NAMES.get(str(sector), title(sector))


def _rows(da: xr.DataArray, variable: str, unit: str) -> pd.DataFrame:
    """Rows of one variable from an array over (cluster, year) or (year,).

    Over clusters, the national row is the sum of the clusters; without a cluster
    dimension the array is national already.
    """
    if "cluster" in da.dims:
        national = da.sum("cluster")
        regional = da.transpose("cluster", "year").to_pandas()
        frames = [national.to_pandas().rename(NATIONAL).to_frame().T, regional]
        table = pd.concat(frames)
    else:
        table = da.transpose("year").to_pandas().rename(NATIONAL).to_frame().T
    long = table.rename_axis(index="region", columns="year").stack().rename("value")
    long = long.reset_index()
    long["region"] = long["region"].astype(str)
    long["variable"] = variable
    long["unit"] = unit
    return long


def _with_parents(names: dict[str, str]) -> dict[str, list[str]]:
    """Each IAMC name and each of its ``|`` parents -> the labels that add up into it."""
    members: dict[str, list[str]] = {}
    for label, name in names.items():
        parts = name.split("|")
        for depth in range(1, len(parts) + 1):
            members.setdefault("|".join(parts[:depth]), []).append(label)
    return members


def _sectors(ds: xr.Dataset) -> dict[str, list[str]]:
    """Each sector name and parent -> its sector labels."""
    return _with_parents({str(s): sector_name(s) for s in ds.sector.values})


def _emissions(ds: xr.Dataset) -> list[pd.DataFrame]:
    frames = []
    for source, variable in (("emissions", EMISSIONS), ("captured_co2", CAPTURE)):
        if source not in ds:
            continue
        frames.append(_rows(ds[source].sum("sector"), variable, UNITS["emissions"]))
        for name, sectors in _sectors(ds).items():
            frames.append(
                _rows(
                    ds[source].sel(sector=sectors).sum("sector"),
                    f"{variable}|{name}",
                    UNITS["emissions"],
                )
            )
    return frames


def _final_energy(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "energy_use_by_sector" not in ds:
        return []
    use = ds["energy_use_by_sector"]
    carriers = _with_parents({str(k): carrier_name(k) for k in use.carrier.values})
    frames = []
    for name, members in carriers.items():
        by_carrier = use.sel(carrier=members).sum("carrier")
        frames.append(_rows(by_carrier.sum("sector"), f"{FINAL_ENERGY}|{name}", UNITS["energy"]))
        for sector, sectors in _sectors(ds).items():
            frames.append(
                _rows(
                    by_carrier.sel(sector=sectors).sum("sector"),
                    f"{FINAL_ENERGY}|{sector}|{name}",
                    UNITS["energy"],
                )
            )
    return frames


def _route_output(ds: xr.Dataset, routes: np.ndarray) -> xr.DataArray:
    """Activity of the given routes, summed over routes and sectors: (cluster, year)."""
    return ds["activity"].sel(route=routes).sum(["sector", "route"])


def _production(ds: xr.Dataset) -> list[pd.DataFrame]:
    """Production of Mt products and of carriers made in the model, domestic routes only."""
    if "activity" not in ds:
        return []
    route = ds.route
    domestic = route.route_class != "import"
    carriers = {str(k) for k in ds.carrier.values} if "carrier" in ds.coords else set()
    frames = []
    for sector in ds.sector.values:
        own = domestic & (route.route_sector == sector)
        made = (own & (route.output_unit == "Mt")).values
        products = sorted({str(v) for v in route.route_service.values[made]})
        for service in products:
            variable = PRODUCT_NAMES.get(service) or (
                f"Production|{sector_name(sector)}"
                if len(products) == 1
                else f"Production|{sector_name(sector)}|{title(service)}"
            )
            chosen = route.values[(own & (route.route_service == service)).values]
            frames.append(_rows(_route_output(ds, chosen), variable, UNITS["product"]))
    for carrier in sorted(carriers & {str(v) for v in route.route_service.values}):
        chosen = route.values[(domestic & (route.route_service == carrier)).values]
        frames.append(
            _rows(
                _route_output(ds, chosen),
                f"{SECONDARY_ENERGY}|{carrier_name(carrier)}",
                UNITS["energy"],
            )
        )
    return frames


def _capacity(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "capacity" not in ds:
        return []
    frames = []
    for route in ds.route.values:
        sector = str(ds.route_sector.sel(route=route).item())
        unit = f"{ds.output_unit.sel(route=route).item()}/yr"
        frames.append(
            _rows(
                ds["capacity"].sel(sector=sector, route=route),
                f"{CAPACITY}|{sector_name(sector)}|{route}",
                unit,
            )
        )
    return frames


def _cost(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "cost" not in ds:
        return []
    cost = ds["cost"]
    frames = [_rows(cost.sum("cost_component"), COST, UNITS["cost"])]
    for component in cost.cost_component.values:
        name = COST_NAMES.get(str(component), title(component))
        frames.append(_rows(cost.sel(cost_component=component), f"{COST}|{name}", UNITS["cost"]))
    return frames


def _prices(ds: xr.Dataset) -> list[pd.DataFrame]:
    frames = []
    if "input_ets_price" in ds:  # MEUR/Mt = EUR/t
        frames.append(_rows(ds["input_ets_price"], PRICE_CARBON, UNITS["carbon_price"]))
    if "dual_carrier_balance" in ds:  # MEUR/PJ = EUR/GJ
        for carrier in ds["dual_carrier_balance"].carrier.values:
            frames.append(
                _rows(
                    ds["dual_carrier_balance"].sel(carrier=carrier),
                    f"{PRICE_SECONDARY}|{carrier_name(carrier)}",
                    UNITS["energy_price"],
                )
            )
    return frames


def to_iamc(ds: xr.Dataset) -> pd.DataFrame:
    """The results of a run as an IAMC long table (columns :data:`COLUMNS`)."""
    frames = [
        *_emissions(ds),
        *_final_energy(ds),
        *_production(ds),
        *_capacity(ds),
        *_cost(ds),
        *_prices(ds),
    ]
    table = pd.concat(frames, ignore_index=True).dropna(subset=["value"])
    prices = table[table["variable"].str.startswith("Price|")]
    if prices.duplicated(["region", "variable", "year"]).any():
        raise ValueError("two labels map to one IAMC price variable; see CARRIER_NAMES")
    # two labels that map to one name (coal and coke -> Solids|Coal) add up
    keys = ["region", "variable", "unit", "year"]
    table = table.groupby(keys, sort=False, as_index=False)["value"].sum(min_count=1)
    size = table["value"].abs().groupby([table["region"], table["variable"]]).transform("max")
    table = table[size > ZERO]
    table["model"] = f"elektra {ds.attrs['elektra_version']}"
    table["scenario"] = str(ds.attrs["scenario_name"])
    table["year"] = table["year"].astype(int)
    table["value"] = table["value"].astype(float)
    return table[COLUMNS].reset_index(drop=True)
