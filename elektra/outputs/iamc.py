"""The results Dataset in the IAMC long format, for pyam and the scenario databases.

One row per ``model, scenario, region, variable, unit, year, value``. Regions are the
clusters and ``Netherlands`` (the national total: the sum over clusters for quantities,
the national value for prices). Every figure is of the modelled industry only.

Names and units follow the IAMC community's common definitions
(github.com/IAMconsortium/common-definitions); the part elektra writes is vendored in
``elektra/iamc_codelist/common_definitions.yaml``. Names the common definitions lack are
elektra's own, each listed with its reason in ``elektra/iamc_codelist/extensions.yaml``;
the tests check every name and unit against the two lists. Conventions a reader should know:

- Units are those of the common definitions: energy in ``EJ/yr``, CO2 in ``Mt CO2/yr``,
  products in ``Mt/yr``. Money is in euro of the dataset's price base year
  (``price_base_year``, e.g. ``million EUR_2024/yr``): the common definitions' USD_2010
  would need an exchange rate and a deflator the dataset does not carry, so every money
  variable is an elektra extension.
- Hydrogen production and oil refining convert energy: in the common definitions they are
  energy supply, not industry (``SUPPLY_SECTORS``). Their direct CO2 is
  ``Emissions|CO2|Energy|Supply|Hydrogen`` (``|Liquids``), their capture
  ``Carbon Capture|Energy|Supply|...``, and their carrier inputs are not final energy: they
  are ``Energy Supply Input|<output>|<carrier>`` (an extension), natural gas into hydrogen
  also ``Primary Energy|Gas|Hydrogen``. So ``Final Energy|Industry|Gases`` holds no gas
  turned into hydrogen while ``Final Energy|Industry|Hydrogen`` holds the hydrogen industry
  uses, and ``Secondary Energy|Hydrogen`` (split by source and CCS) what the model makes.
- Direct CO2 after capture of everything modelled is ``Emissions|CO2|Energy and Industrial
  Processes``. Where the results carry ``process_emissions`` (the process part of direct
  emissions after capture, per sector), the industry's CO2 is split into
  ``Emissions|CO2|Energy|Demand|Industry`` (emissions less process emissions) and
  ``Emissions|CO2|Industrial Processes``; where they do not, the industry's CO2 is written
  unsplit as ``Emissions|CO2|Energy and Industrial Processes|Industry`` (an extension).
- Captured CO2 of industry routes is ``Carbon Capture|Industry`` (an extension): a route
  captures a share of its whole direct CO2, and the results do not split what is captured
  into energy and process CO2 as the common definitions do.
- A sector or carrier name with ``|`` also adds up into its parents (``Chemicals|Ammonia``
  into ``Chemicals``, ``Gases|Fossil`` into ``Gases``). Sectors the common definitions do not
  name go to ``Other Sector``; sectors the dataset does not split (cement and lime, all
  non-ferrous metals) are written at the parent level only.
- ``Production|...`` counts domestic routes only: import routes supply a product but do
  not produce it.
- ``Price|Carbon|EU-ETS`` is the EU ETS price of the scenario, kept apart from the
  community's ``Price|Carbon`` (USD_2010/t CO2). ``Marginal Cost|Secondary Energy|Hydrogen``
  is the dual of hydrogen's national balance, a shadow price rather than a market price.

Series that are zero (or NaN) in every year are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr
import yaml

from elektra.inputs.units import conversion_factor

COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]
NATIONAL = "Netherlands"

#: Below this absolute value in every year a series counts as zero and is dropped.
ZERO = 1e-9

#: The vendored codelist and elektra's extensions to it.
CODELIST_FOLDER = Path(__file__).parent / "iamc_codelist"

#: Carrier labels to IAMC carrier names (the codelist's secondary fuels); other carriers
#: are title-cased.
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

#: Industry sector labels to the codelist's industry sectors. A name with ``|`` also adds
#: up into its parents. A label not listed here is written as ``Other Sector``.
SECTOR_NAMES = {
    "steel": "Iron and Steel",
    "iron_and_steel": "Iron and Steel",
    "ammonia": "Chemicals|Ammonia",
    "methanol": "Chemicals|Methanol",
    "petrochemicals": "Chemicals|High-Value Chemicals",
    "other_chemicals": "Chemicals|Other Sector",
    "chemicals": "Chemicals",
    "cement": "Non-Metallic Minerals|Cement",
    # cement grinding, lime and mineral wool together: not split, so the parent only
    "cement_lime": "Non-Metallic Minerals",
    "glass": "Non-Metallic Minerals",
    "ceramics": "Non-Metallic Minerals",
    "aluminium": "Non-Ferrous Metals",
    "non_ferrous": "Non-Ferrous Metals",
    "non_ferrous_metals": "Non-Ferrous Metals",
    "paper": "Pulp and Paper",
    "pulp_and_paper": "Pulp and Paper",
    "food": "Other Sector",
    "other_industry": "Other Sector",
}
OTHER_SECTOR = "Other Sector"

#: Sectors that convert energy (energy supply in the codelist), label -> the secondary
#: carrier they make.
SUPPLY_SECTORS = {"hydrogen": "Hydrogen", "refining": "Liquids"}

#: Carriers whose use to make a secondary carrier the codelist names as primary energy.
PRIMARY_INPUTS = {"natural_gas": "Gas", "coal": "Coal", "coke": "Coal", "oil": "Oil"}

#: The source of a secondary carrier by its route's main input, as the codelist names it.
SOURCE_NAMES = {
    "natural_gas": "Gas",
    "coal": "Coal",
    "coke": "Coal",
    "oil": "Oil",
    "biomethane": "Biomass",
    "green_gas": "Biomass",
    "biomass": "Biomass",
    "electricity": "Electricity",
}
#: Sources that split further into with and without CCS.
CCS_SOURCES = {"Gas", "Coal", "Oil", "Biomass"}

#: Products (service labels, with output unit Mt) to IAMC production variables.
PRODUCT_NAMES = {
    "steel": "Production|Iron and Steel",
    "crude_steel": "Production|Iron and Steel",
    "ammonia": "Production|Chemicals|Ammonia",
    "methanol": "Production|Chemicals|Methanol",
    "hvc": "Production|Chemicals|High-Value Chemicals",
    "high_value_chemicals": "Production|Chemicals|High-Value Chemicals",
    "cement": "Production|Non-Metallic Minerals|Cement",
    "clinker": "Production|Non-Metallic Minerals|Cement Clinker",
    "glass": "Production|Non-Metallic Minerals|Glass",
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
    "electricity_rebate": "Electricity Rebate",
    "co2_levy": "CO2 Levy",
    "grid_expansion": "Grid Expansion",
}

TOTAL_EMISSIONS = "Emissions|CO2|Energy and Industrial Processes"
INDUSTRY_EMISSIONS = "Emissions|CO2|Energy and Industrial Processes|Industry"
ENERGY_EMISSIONS = "Emissions|CO2|Energy|Demand|Industry"
PROCESS_EMISSIONS = "Emissions|CO2|Industrial Processes"
SUPPLY_EMISSIONS = "Emissions|CO2|Energy|Supply"
CAPTURE = "Carbon Capture"
INDUSTRY_CAPTURE = "Carbon Capture|Industry"
SUPPLY_CAPTURE = "Carbon Capture|Energy|Supply"
FINAL_ENERGY = "Final Energy|Industry"
SUPPLY_INPUT = "Energy Supply Input"
PRIMARY_ENERGY = "Primary Energy"
SECONDARY_ENERGY = "Secondary Energy"
CAPACITY = "Capacity|Route"
COST = "Cost|Industry"
PRICE_CARBON = "Price|Carbon|EU-ETS"
MARGINAL_COST = "Marginal Cost|Secondary Energy"

EMISSION_UNIT = "Mt CO2/yr"
ENERGY_UNIT = "EJ/yr"
PRODUCT_UNIT = "Mt/yr"
#: Per unit of a route's output_unit: the IAMC unit and the factor to it.
OUTPUT_UNITS = {"PJ": ("EJ/yr", 1e-3), "Mt": ("Mt/yr", 1.0)}

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
    """The codelist's industry sector of a sector label (``Other Sector`` if none)."""
    return SECTOR_NAMES.get(str(sector), OTHER_SECTOR)


def price_base_year(ds: xr.Dataset) -> int:
    """The year of the euros the dataset's money is in (``price_base_year``).

    Read from the results variable ``price_base_year`` or the input
    ``input_price_base_year``; a dataset without one cannot say what its euros are worth.
    """
    for name in ("price_base_year", "input_price_base_year"):
        if name in ds and np.isfinite(float(ds[name])):
            return int(round(float(ds[name])))
    raise ValueError(
        f"dataset {ds.attrs.get('dataset', '?')!r} declares no price_base_year: add a row "
        "'price_base_year,<year>,calendar year,<source>' to its economics table (the year "
        "of the euros its money figures are in); IAMC money units need it"
    )


def money_units(ds: xr.Dataset) -> dict[str, str]:
    """The money units of the IAMC file, in euro of the dataset's price base year."""
    euro = f"EUR_{price_base_year(ds)}"
    return {
        "cost": f"million {euro}/yr",
        "carbon_price": f"{euro}/t CO2",
        "energy_price": f"{euro}/GJ",
    }


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


def _industry(ds: xr.Dataset) -> list[str]:
    return [str(s) for s in ds.sector.values if str(s) not in SUPPLY_SECTORS]


def _supply(ds: xr.Dataset) -> dict[str, str]:
    labels = {str(s) for s in ds.sector.values}
    return {s: output for s, output in SUPPLY_SECTORS.items() if s in labels}


def _by_sector(da: xr.DataArray, root: str, unit: str, sectors: list[str]) -> list[pd.DataFrame]:
    """The total of the given sectors under ``root`` and each sector name under it."""
    own = da.sel(sector=sectors)
    frames = [_rows(own.sum("sector"), root, unit)]
    for name, members in _with_parents({s: sector_name(s) for s in sectors}).items():
        frames.append(_rows(own.sel(sector=members).sum("sector"), f"{root}|{name}", unit))
    return frames


def _emissions(ds: xr.Dataset) -> list[pd.DataFrame]:
    """Direct CO2 after capture: all, energy supply, and industry (split where possible)."""
    if "emissions" not in ds:
        return []
    emissions = ds["emissions"]
    frames = [_rows(emissions.sum("sector"), TOTAL_EMISSIONS, EMISSION_UNIT)]
    supply = _supply(ds)
    if supply:
        own = emissions.sel(sector=list(supply))
        frames.append(_rows(own.sum("sector"), SUPPLY_EMISSIONS, EMISSION_UNIT))
        for sector, output in supply.items():
            frames.append(
                _rows(own.sel(sector=sector), f"{SUPPLY_EMISSIONS}|{output}", EMISSION_UNIT)
            )
    industry = _industry(ds)
    if "process_emissions" in ds:
        process = ds["process_emissions"].sel(sector=industry)
        energy = emissions.sel(sector=industry) - process
        frames += _by_sector(energy, ENERGY_EMISSIONS, EMISSION_UNIT, industry)
        frames += _by_sector(process, PROCESS_EMISSIONS, EMISSION_UNIT, industry)
    else:
        frames += _by_sector(emissions, INDUSTRY_EMISSIONS, EMISSION_UNIT, industry)
    return frames


def _capture(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "captured_co2" not in ds:
        return []
    captured = ds["captured_co2"]
    frames = [_rows(captured.sum("sector"), CAPTURE, EMISSION_UNIT)]
    for sector, output in _supply(ds).items():
        frames.append(
            _rows(captured.sel(sector=sector), f"{SUPPLY_CAPTURE}|{output}", EMISSION_UNIT)
        )
    return frames + _by_sector(captured, INDUSTRY_CAPTURE, EMISSION_UNIT, _industry(ds))


def _in_ej(da: xr.DataArray) -> xr.DataArray:
    return da * conversion_factor(str(da.attrs.get("units", "PJ/yr")), ENERGY_UNIT)


def _final_energy(ds: xr.Dataset) -> list[pd.DataFrame]:
    """Carrier use of the industry sectors (energy supply sectors left out)."""
    if "energy_use_by_sector" not in ds:
        return []
    industry = _industry(ds)
    use = _in_ej(ds["energy_use_by_sector"]).sel(sector=industry)
    carriers = _with_parents({str(k): carrier_name(k) for k in use.carrier.values})
    frames = _by_sector(use.sum("carrier"), FINAL_ENERGY, ENERGY_UNIT, industry)
    for name, members in carriers.items():
        by_carrier = use.sel(carrier=members).sum("carrier")
        frames += [
            frame.assign(variable=frame["variable"] + f"|{name}")
            for frame in _by_sector(by_carrier, FINAL_ENERGY, ENERGY_UNIT, industry)
        ]
    return frames


def _supply_inputs(ds: xr.Dataset) -> list[pd.DataFrame]:
    """Carrier use of the energy supply sectors: an input to conversion, not final energy."""
    if "energy_use_by_sector" not in ds:
        return []
    use = _in_ej(ds["energy_use_by_sector"])
    frames = []
    for sector, output in _supply(ds).items():
        for carrier in use.carrier.values:
            amount = use.sel(sector=sector, carrier=carrier)
            name = f"{SUPPLY_INPUT}|{output}|{carrier_name(carrier)}"
            frames.append(_rows(amount, name, ENERGY_UNIT))
            if output == "Hydrogen" and str(carrier) in PRIMARY_INPUTS:
                fuel = PRIMARY_INPUTS[str(carrier)]
                frames.append(_rows(amount, f"{PRIMARY_ENERGY}|{fuel}|{output}", ENERGY_UNIT))
    return frames


def _route_output(ds: xr.Dataset, routes: np.ndarray) -> xr.DataArray:
    """Activity of the given routes, summed over routes and sectors: (cluster, year)."""
    return ds["activity"].sel(route=routes).sum(["sector", "route"])


def _source(ds: xr.Dataset, route: str) -> str | None:
    """The codelist source of a route's secondary carrier (its largest input), with CCS."""
    if "input_input" not in ds:
        return None
    inputs = ds["input_input"].sel(route=route).fillna(0.0).sum("year")
    if float(inputs.max()) <= 0:
        return None
    source = SOURCE_NAMES.get(str(inputs.idxmax("carrier").item()), "Other")
    if source in CCS_SOURCES and "input_capture_rate" in ds:
        captured = float(ds["input_capture_rate"].sel(route=route).fillna(0.0)) > 0
        source += "|w/ CCS" if captured else "|w/o CCS"
    return source


def _secondary_energy(ds: xr.Dataset, domestic: xr.DataArray) -> list[pd.DataFrame]:
    """Carriers made in the model (hydrogen), in total and by source."""
    route = ds.route
    carriers = {str(k) for k in ds.carrier.values} if "carrier" in ds.coords else set()
    frames = []
    for carrier in sorted(carriers & {str(v) for v in route.route_service.values}):
        chosen = route.values[(domestic & (route.route_service == carrier)).values]
        scale = OUTPUT_UNITS["PJ"][1]
        root = f"{SECONDARY_ENERGY}|{carrier_name(carrier)}"
        frames.append(_rows(_route_output(ds, chosen) * scale, root, ENERGY_UNIT))
        sources = {r: _source(ds, str(r)) for r in chosen}
        by_source = _with_parents({r: s for r, s in sources.items() if s is not None})
        for name, members in by_source.items():
            amount = _route_output(ds, np.array(members)) * scale
            frames.append(_rows(amount, f"{root}|{name}", ENERGY_UNIT))
    return frames


def _production(ds: xr.Dataset) -> list[pd.DataFrame]:
    """Production of Mt products and of carriers made in the model, domestic routes only."""
    if "activity" not in ds:
        return []
    route = ds.route
    domestic = route.route_class != "import"
    frames = []
    for sector in ds.sector.values:
        own = domestic & (route.route_sector == sector)
        made = (own & (route.output_unit == "Mt")).values
        for service in sorted({str(v) for v in route.route_service.values[made]}):
            variable = PRODUCT_NAMES.get(service) or f"Production|{sector_name(sector)}"
            chosen = route.values[(own & (route.route_service == service)).values]
            frames.append(_rows(_route_output(ds, chosen), variable, PRODUCT_UNIT))
    return frames + _secondary_energy(ds, domestic)


def _capacity(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "capacity" not in ds:
        return []
    frames = []
    for route in ds.route.values:
        sector = str(ds.route_sector.sel(route=route).item())
        unit, scale = OUTPUT_UNITS.get(
            str(ds.output_unit.sel(route=route).item()),
            (f"{ds.output_unit.sel(route=route).item()}/yr", 1.0),
        )
        frames.append(
            _rows(
                ds["capacity"].sel(sector=sector, route=route) * scale, f"{CAPACITY}|{route}", unit
            )
        )
    return frames


def _cost(ds: xr.Dataset) -> list[pd.DataFrame]:
    if "cost" not in ds:
        return []
    unit = money_units(ds)["cost"]
    cost = ds["cost"]
    frames = [_rows(cost.sum("cost_component"), COST, unit)]
    for component in cost.cost_component.values:
        name = COST_NAMES.get(str(component), title(component))
        frames.append(_rows(cost.sel(cost_component=component), f"{COST}|{name}", unit))
    return frames


def _prices(ds: xr.Dataset) -> list[pd.DataFrame]:
    frames = []
    if "input_ets_price" in ds:  # MEUR/Mt = EUR/t
        unit = money_units(ds)["carbon_price"]
        frames.append(_rows(ds["input_ets_price"], PRICE_CARBON, unit))
    if "dual_carrier_balance" in ds:  # MEUR/PJ = EUR/GJ
        unit = money_units(ds)["energy_price"]
        for carrier in ds["dual_carrier_balance"].carrier.values:
            frames.append(
                _rows(
                    ds["dual_carrier_balance"].sel(carrier=carrier),
                    f"{MARGINAL_COST}|{carrier_name(carrier)}",
                    unit,
                )
            )
    return frames


def to_iamc(ds: xr.Dataset, scenario: str | None = None, model: str | None = None) -> pd.DataFrame:
    """The results of a run as an IAMC long table (columns :data:`COLUMNS`).

    ``scenario`` overrides the scenario name (a sweep writes ``<name>|<variant>``);
    ``model`` overrides ``elektra <version>``.
    """
    frames = [
        *_emissions(ds),
        *_capture(ds),
        *_final_energy(ds),
        *_supply_inputs(ds),
        *_production(ds),
        *_capacity(ds),
        *_cost(ds),
        *_prices(ds),
    ]
    table = pd.concat(frames, ignore_index=True).dropna(subset=["value"])
    prices = table[table["variable"].str.startswith(("Price|", "Marginal Cost|"))]
    if prices.duplicated(["region", "variable", "year"]).any():
        raise ValueError("two labels map to one IAMC price variable; see CARRIER_NAMES")
    # two labels that map to one name (coal and coke -> Solids|Coal) add up
    keys = ["region", "variable", "unit", "year"]
    table = table.groupby(keys, sort=False, as_index=False)["value"].sum(min_count=1)
    size = table["value"].abs().groupby([table["region"], table["variable"]]).transform("max")
    table = table[size > ZERO]
    table["model"] = model or f"elektra {ds.attrs['elektra_version']}"
    table["scenario"] = scenario or str(ds.attrs["scenario_name"])
    table["year"] = table["year"].astype(int)
    table["value"] = table["value"].astype(float)
    return table[COLUMNS].reset_index(drop=True)


# the codelist -------------------------------------------------------------------------


@dataclass(frozen=True)
class Extension:
    """A name elektra writes that the common definitions lack, with its unit and reason."""

    name: str
    units: tuple[str, ...]
    reason: str

    def matches(self, variable: str, unit: str) -> bool:
        return bool(_pattern(self.name).match(variable)) and any(
            _pattern(u).match(unit) for u in self.units
        )


#: Placeholders of extension names and units, and what they stand for.
PLACEHOLDERS = {"{route}": r"[A-Za-z0-9_.\-]+", "{year}": r"\d{4}"}


@lru_cache(maxsize=256)
def _pattern(text: str) -> re.Pattern:
    pattern = re.escape(text)
    for placeholder, regex in PLACEHOLDERS.items():
        pattern = pattern.replace(re.escape(placeholder), regex)
    return re.compile(f"^{pattern}$")


@lru_cache(maxsize=1)
def common_definitions() -> dict[str, str]:
    """The vendored codelist: variable -> unit."""
    path = CODELIST_FOLDER / "common_definitions.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: attrs["unit"] for entry in entries for name, attrs in entry.items()}


@lru_cache(maxsize=1)
def extensions() -> tuple[Extension, ...]:
    """elektra's own names, from ``iamc_codelist/extensions.yaml``."""
    path = CODELIST_FOLDER / "extensions.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for entry in entries:
        for name, attrs in entry.items():
            unit = attrs["unit"]
            units = tuple(unit) if isinstance(unit, list) else (unit,)
            found.append(Extension(name, units, str(attrs["reason"]).strip()))
    return tuple(found)


def unlisted_variables(table: pd.DataFrame) -> list[str]:
    """Variables (with unit) of an IAMC table in neither the codelist nor the extensions."""
    codelist = common_definitions()
    problems = []
    for variable, unit in table[["variable", "unit"]].drop_duplicates().itertuples(index=False):
        if variable in codelist:
            if codelist[variable] != unit:
                problems.append(
                    f"{variable}: unit {unit!r}, the codelist says {codelist[variable]!r}"
                )
        elif not any(e.matches(variable, unit) for e in extensions()):
            problems.append(f"{variable} [{unit}]: in neither the codelist nor the extensions")
    return problems
