"""IAMC output by the community's rules: names and units of the common definitions, process
CO2 apart from energy CO2, hydrogen production outside final energy, euros of a base year.

A small results Dataset built by hand carries what the shipped datasets do not show yet
(``process_emissions``, hydrogen made from gas and electricity); its numbers are worked out
in each test's docstring.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from elektra.outputs.iamc import (
    CODELIST_FOLDER,
    NATIONAL,
    common_definitions,
    extensions,
    to_iamc,
    unlisted_variables,
)
from elektra.outputs.output import NETCDF_ENGINE

YEARS = [2030, 2035]
CLUSTERS = ["a", "b"]
SECTORS = ["steel", "cement_lime", "hydrogen"]
CARRIERS = ["natural_gas", "electricity", "hydrogen"]
#: route: (sector, service, class, output unit, {carrier: input per unit}, capture rate)
ROUTES = {
    "steel_dri": ("steel", "crude_steel", "hydrogen", "Mt", {"hydrogen": 10.0}, 0.0),
    "kiln": ("cement_lime", "heat_high", "reference", "PJ", {"natural_gas": 1.0}, 0.0),
    "smr": ("hydrogen", "hydrogen", "reference", "PJ", {"natural_gas": 1.25}, 0.0),
    "electrolysis": ("hydrogen", "hydrogen", "hydrogen", "PJ", {"electricity": 1.25}, 0.0),
    "h2_import": ("hydrogen", "hydrogen", "import", "PJ", {}, 0.0),
}


def _array(dims: tuple[str, ...], cells: dict[tuple, float]) -> xr.DataArray:
    coords = {
        "sector": SECTORS,
        "cluster": CLUSTERS,
        "route": list(ROUTES),
        "year": YEARS,
        "carrier": CARRIERS,
    }
    array = xr.DataArray(
        np.zeros([len(coords[d]) for d in dims]), dims=dims, coords={d: coords[d] for d in dims}
    )
    for key, value in cells.items():
        array.loc[dict(zip(dims, key))] = value
    return array


def hand_results(price_base_year: float | None = 2024.0, process: bool = True) -> xr.Dataset:
    """Cluster a, 2030 (everything else zero, and 2035 the same as 2030):

    - steel: 2.4 Mt by hydrogen DRI using 24 PJ hydrogen, direct CO2 5.0 Mt of which 2.0
      process; cement_lime: 20 PJ gas, CO2 1.0 Mt of which 0.6 process;
    - hydrogen: SMR makes 16 PJ from 20 PJ gas (CO2 3.0 Mt, 1.0 of it process),
      electrolysis 8 PJ from 10 PJ electricity, 5 PJ imported.
    """
    activity = {("steel", "a", "steel_dri"), ("cement_lime", "a", "kiln")}
    levels = {"steel_dri": 2.4, "kiln": 20.0, "smr": 16.0, "electrolysis": 8.0, "h2_import": 5.0}
    cells = {}
    for year in YEARS:
        for route, level in levels.items():
            sector = ROUTES[route][0]
            if (sector, "a", route) in activity or sector == "hydrogen":
                cells[(sector, "a", route, year)] = level
    use = {}
    for year in YEARS:
        use |= {
            ("steel", "a", year, "hydrogen"): 24.0,
            ("cement_lime", "a", year, "natural_gas"): 20.0,
            ("hydrogen", "a", year, "natural_gas"): 20.0,
            ("hydrogen", "a", year, "electricity"): 10.0,
        }
    emissions, process_part = {}, {}
    for year in YEARS:
        emissions |= {
            ("steel", "a", year): 5.0,
            ("cement_lime", "a", year): 1.0,
            ("hydrogen", "a", year): 3.0,
        }
        process_part |= {
            ("steel", "a", year): 2.0,
            ("cement_lime", "a", year): 0.6,
            ("hydrogen", "a", year): 1.0,
        }
    inputs = {
        (route, year, carrier): amount
        for route, spec in ROUTES.items()
        for carrier, amount in spec[4].items()
        for year in YEARS
    }
    ds = xr.Dataset(
        {
            "activity": _array(("sector", "cluster", "route", "year"), cells),
            "emissions": _array(("sector", "cluster", "year"), emissions),
            "energy_use_by_sector": _array(
                ("sector", "cluster", "year", "carrier"), use
            ).assign_attrs(units="PJ/yr"),
            "input_input": _array(("route", "year", "carrier"), inputs),
            "input_capture_rate": xr.DataArray(
                [spec[5] for spec in ROUTES.values()], dims="route", coords={"route": list(ROUTES)}
            ),
        },
        attrs={"elektra_version": "test", "scenario_name": "hand", "dataset": "hand"},
    )
    if process:
        ds["process_emissions"] = _array(("sector", "cluster", "year"), process_part)
    if price_base_year is not None:
        ds["input_price_base_year"] = xr.DataArray(price_base_year)
        ds["cost"] = xr.DataArray(
            [[100.0, 120.0]],
            dims=("cost_component", "year"),
            coords={"cost_component": ["investment"], "year": YEARS},
        )
    return ds.assign_coords(
        route_sector=("route", [s[0] for s in ROUTES.values()]),
        route_service=("route", [s[1] for s in ROUTES.values()]),
        route_class=("route", [s[2] for s in ROUTES.values()]),
        output_unit=("route", [s[3] for s in ROUTES.values()]),
    )


def national(table: pd.DataFrame, year: int = 2030) -> pd.Series:
    rows = table[(table["region"] == NATIONAL) & (table["year"] == year)]
    return rows.set_index("variable")["value"]


@pytest.fixture(scope="module")
def hand_table() -> pd.DataFrame:
    return to_iamc(hand_results())


@pytest.fixture(scope="module")
def base_iamc(base_and_ets_high) -> tuple[xr.Dataset, pd.DataFrame]:
    with xr.open_dataset(base_and_ets_high[0] / "results.nc", engine=NETCDF_ENGINE) as ds:
        ds = ds.load()
    return ds, to_iamc(ds)


# codelist --------------------------------------------------------------------------------


def test_the_toy_writes_only_codelist_names_or_listed_extensions(toy_run):
    assert unlisted_variables(to_iamc(toy_run.results)) == []


def test_the_hand_case_writes_only_codelist_names_or_listed_extensions(hand_table):
    assert unlisted_variables(hand_table) == []
    assert unlisted_variables(to_iamc(hand_results(process=False))) == []


def test_base_writes_only_codelist_names_or_listed_extensions(base_iamc):
    table = base_iamc[1]
    assert unlisted_variables(table) == []
    # the base dataset exercises the codelist, not only elektra's own names
    written = set(table["variable"])
    assert len(written & set(common_definitions())) > 50


def test_a_typo_or_a_wrong_unit_is_not_taken_for_an_extension():
    table = pd.DataFrame(
        {
            "variable": [
                "Final Energy|Industry|Gasses",
                "Final Energy|Industry|Gases",
                "Cost|Industry",
                "Capacity|Route|steel_dri",
                "Capacity|Route|steel_dri",
            ],
            "unit": ["EJ/yr", "PJ/yr", "million EUR/yr", "Mt/yr", "GW"],
        }
    )
    problems = unlisted_variables(table)
    assert len(problems) == 4
    assert "Final Energy|Industry|Gasses [EJ/yr]" in problems[0]
    assert "the codelist says 'EJ/yr'" in problems[1]
    assert "Cost|Industry [million EUR/yr]" in problems[2]  # money needs its base year
    assert "Capacity|Route|steel_dri [GW]" in problems[3]


def test_extensions_are_not_in_the_codelist_and_each_has_a_reason():
    codelist = common_definitions()
    for extension in extensions():
        assert extension.name not in codelist, extension.name
        assert len(extension.reason) > 20, extension.name


def test_the_vendored_codelist_names_its_source_commit_and_licence():
    header = (CODELIST_FOLDER / "common_definitions.yaml").read_text(encoding="utf-8")[:800]
    assert "https://github.com/IAMconsortium/common-definitions" in header
    assert re.search(r"commit [0-9a-f]{40} \(\d{4}-\d{2}-\d{2}\)", header)
    assert "CC0-1.0" in header
    # the community's units, as an IAMC user expects them
    assert common_definitions()["Final Energy|Industry|Hydrogen"] == "EJ/yr"
    assert common_definitions()["Emissions|CO2|Industrial Processes"] == "Mt CO2/yr"


# process CO2 -----------------------------------------------------------------------------


def test_process_co2_is_industrial_processes_not_energy_demand(hand_table):
    """2030, national: industry process CO2 2.0 + 0.6 = 2.6 Mt; industry energy CO2
    (5.0 - 2.0) + (1.0 - 0.6) = 3.4 Mt; the SMR's 3.0 Mt (process part included) is energy
    supply. Together 9.0 Mt, all direct CO2."""
    values = national(hand_table)
    assert values["Emissions|CO2|Industrial Processes"] == pytest.approx(2.6)
    assert values["Emissions|CO2|Industrial Processes|Iron and Steel"] == pytest.approx(2.0)
    assert values["Emissions|CO2|Industrial Processes|Non-Metallic Minerals"] == pytest.approx(0.6)
    assert values["Emissions|CO2|Energy|Demand|Industry"] == pytest.approx(3.4)
    assert values["Emissions|CO2|Energy|Demand|Industry|Iron and Steel"] == pytest.approx(3.0)
    assert values["Emissions|CO2|Energy|Supply|Hydrogen"] == pytest.approx(3.0)
    assert values["Emissions|CO2|Energy and Industrial Processes"] == pytest.approx(9.0)
    assert "Emissions|CO2|Energy and Industrial Processes|Industry" not in values


def test_without_process_emissions_industry_co2_is_written_unsplit():
    """The results without ``process_emissions``: no split is invented; industry CO2 is
    5.0 + 1.0 = 6.0 Mt under elektra's unsplit name."""
    values = national(to_iamc(hand_results(process=False)))
    assert values["Emissions|CO2|Energy and Industrial Processes|Industry"] == pytest.approx(6.0)
    assert not any(v.startswith("Emissions|CO2|Industrial Processes") for v in values.index)
    assert not any(v.startswith("Emissions|CO2|Energy|Demand") for v in values.index)


# hydrogen --------------------------------------------------------------------------------


def test_gas_turned_into_hydrogen_is_not_final_energy(hand_table):
    """Final energy of industry: cement_lime's 20 PJ gas and steel's 24 PJ hydrogen = 44 PJ.
    The SMR's 20 PJ gas and the electrolysers' 10 PJ power are inputs to hydrogen supply;
    hydrogen made: 16 PJ from gas without CCS and 8 PJ from electricity (the 5 PJ imported
    are not production)."""
    values = national(hand_table)
    assert values["Final Energy|Industry|Gases"] == pytest.approx(0.020)
    assert values["Final Energy|Industry|Hydrogen"] == pytest.approx(0.024)
    assert values["Final Energy|Industry"] == pytest.approx(0.044)
    assert "Final Energy|Industry|Electricity" not in values
    assert values["Primary Energy|Gas|Hydrogen"] == pytest.approx(0.020)
    assert values["Energy Supply Input|Hydrogen|Electricity"] == pytest.approx(0.010)
    assert values["Secondary Energy|Hydrogen"] == pytest.approx(0.024)
    assert values["Secondary Energy|Hydrogen|Gas|w/o CCS"] == pytest.approx(0.016)
    assert values["Secondary Energy|Hydrogen|Electricity"] == pytest.approx(0.008)


def test_final_energy_and_supply_inputs_add_up_to_all_carrier_use_once(base_iamc):
    """Every PJ a route uses is reported once: as industry final energy or as an input to
    energy supply (hydrogen, refining), never both."""
    ds, table = base_iamc
    values = national(table, 2030)
    supply = values[values.index.str.match(r"^Energy Supply Input\|")].sum()
    used = float(ds["energy_use_by_sector"].sel(year=2030).sum()) / 1000
    assert values["Final Energy|Industry"] + supply == pytest.approx(used, rel=1e-9)
    assert (
        values["Final Energy|Industry|Gases"]
        < float(
            ds["energy_use_by_sector"].sel(year=2030, carrier=["natural_gas", "biomethane"]).sum()
        )
        / 1000
    )


# money and names -------------------------------------------------------------------------


def test_money_carries_the_price_base_year_of_the_dataset():
    table = to_iamc(hand_results(price_base_year=2021))
    assert set(table.loc[table["variable"] == "Cost|Industry", "unit"]) == {"million EUR_2021/yr"}
    assert national(table)["Cost|Industry|Investment"] == pytest.approx(100.0)


def test_a_dataset_without_a_price_base_year_is_refused_with_its_name():
    with pytest.raises(ValueError, match="price_base_year"):
        to_iamc(hand_results(price_base_year=None).assign(cost=hand_results()["cost"]))


def test_the_scenario_name_can_be_overridden_for_a_sweep_variant(hand_table):
    table = to_iamc(hand_results(), scenario="hand|ets_price=0.8")
    assert set(table["scenario"]) == {"hand|ets_price=0.8"}
    assert table.drop(columns="scenario").equals(hand_table.drop(columns="scenario"))


# pyam ------------------------------------------------------------------------------------


# pyam 4.0 calls pandas APIs that pandas 3.1 deprecates; the warnings are pyam's, not ours
@pytest.mark.filterwarnings("ignore::DeprecationWarning:pyam")
def test_iamc_csv_round_trips_through_pyam(tmp_path, hand_table):
    pyam = pytest.importorskip(
        "pyam", reason="pyam-iamc is an optional extra: pip install 'elektra[iamc]'"
    )
    path = tmp_path / "iamc.csv"
    hand_table.to_csv(path, index=False)
    frame = pyam.IamDataFrame(path)
    back = frame.as_pandas()[list(hand_table.columns)]
    keys = ["region", "variable", "year"]
    expected = hand_table.sort_values(keys).reset_index(drop=True)
    back = back.sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert frame.unit_mapping["Emissions|CO2|Industrial Processes"] == "Mt CO2/yr"
