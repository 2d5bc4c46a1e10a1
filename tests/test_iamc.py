"""IAMC output by the community's rules: names and units of the common definitions and the
shipped codelist, process CO2 apart from energy CO2, feedstock apart from final energy,
hydrogen production outside final energy, euros of a base year.

A small results Dataset built by hand carries routes of every kind (a blast furnace, a kiln
with and without capture, hydrogen made from gas and from electricity); its numbers are
worked out in each test's docstring. The shipped scenarios are written and checked against
the codelist, and validated with nomenclature where the ``iamc`` extra is installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from elektra.outputs import iamc
from elektra.outputs.iamc import NATIONAL, to_iamc

ROOT = Path(__file__).resolve().parent.parent
YEARS = [2030, 2035]
CLUSTERS = ["a", "b"]
SECTORS = ["steel", "cement_lime", "hydrogen"]
CARRIERS = ["coal", "natural_gas", "electricity", "hydrogen"]
#: carrier: CO2 per PJ burnt (Mt/PJ)
FACTORS = {"coal": 0.1, "natural_gas": 0.05, "electricity": 0.0, "hydrogen": 0.0}
#: route: (sector, service, class, output unit, {carrier: input per unit}, process CO2 per
#: unit, capture rate, level in cluster a in every year)
ROUTES = {
    "steel_bf_bof": (
        "steel",
        "crude_steel",
        "reference",
        "Mt",
        {"coal": 16.0, "natural_gas": 1.0},
        0.0,
        0.0,
        2.0,
    ),
    "steel_dri": ("steel", "crude_steel", "hydrogen", "Mt", {"hydrogen": 10.0}, 0.0, 0.0, 0.5),
    "kiln": ("cement_lime", "heat_high", "reference", "PJ", {"natural_gas": 1.0}, 0.02, 0.0, 10.0),
    "kiln_ccs": ("cement_lime", "heat_high", "ccs", "PJ", {"natural_gas": 1.0}, 0.02, 0.5, 10.0),
    "smr": ("hydrogen", "hydrogen", "reference", "PJ", {"natural_gas": 1.25}, 0.0, 0.0, 16.0),
    "electrolysis": (
        "hydrogen",
        "hydrogen",
        "hydrogen",
        "PJ",
        {"electricity": 1.25},
        0.0,
        0.0,
        8.0,
    ),
    "h2_import": ("hydrogen", "hydrogen", "import", "PJ", {}, 0.0, 0.0, 5.0),
}
#: The non-energy use the hand case is worked out with (the shipped table has its own).
SHARES = {("steel", "coal"): 1.0, ("steel", "hydrogen"): 0.5}


@pytest.fixture
def hand_shares(monkeypatch):
    """The hand case's non-energy use in place of the shipped table."""
    table = {
        key: iamc.NonEnergyUse(*key, share, "feedstock", "test", False, "")
        for key, share in SHARES.items()
    }
    monkeypatch.setattr(iamc, "non_energy_use", lambda: table)


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


def hand_results(price_base_year: float | None = 2024.0, routes: bool = True) -> xr.Dataset:
    """Cluster a, every year (cluster b empty), as the model would report it:

    - steel: 2.0 Mt by blast furnace (32 PJ coal, 2 PJ gas: CO2 2 x (1.6 + 0.05) = 3.3 Mt)
      and 0.5 Mt by hydrogen DRI (5 PJ hydrogen, no CO2);
    - cement_lime: 10 PJ heat from a kiln (10 PJ gas, CO2 0.5 + 0.2 process = 0.7 Mt) and
      10 PJ from a kiln capturing half (0.35 Mt emitted, 0.35 Mt captured);
    - hydrogen: SMR makes 16 PJ from 20 PJ gas (1.0 Mt CO2), electrolysis 8 PJ from 10 PJ
      electricity, 5 PJ imported.

    ``routes=False``: the results as a sweep keeps them, without the routes' activity.
    """
    activity, use, emissions, captured = {}, {}, {}, {}
    for year in YEARS:
        for route, (sector, *_rest, level) in ROUTES.items():
            activity[(sector, "a", route, year)] = level
            inputs, process, capture = ROUTES[route][4], ROUTES[route][5], ROUTES[route][6]
            for carrier, amount in inputs.items():
                key = (sector, "a", year, carrier)
                use[key] = use.get(key, 0.0) + amount * level
            gross = (sum(a * FACTORS[k] for k, a in inputs.items()) + process) * level
            cell = (sector, "a", year)
            emissions[cell] = emissions.get(cell, 0.0) + gross * (1 - capture)
            captured[cell] = captured.get(cell, 0.0) + gross * capture
    route_coords = {"route": list(ROUTES)}
    ds = xr.Dataset(
        {
            "activity": _array(("sector", "cluster", "route", "year"), activity),
            "capacity": _array(("sector", "cluster", "route", "year"), activity),
            "emissions": _array(("sector", "cluster", "year"), emissions),
            "process_emissions": _array(("sector", "cluster", "year"), {}),
            "captured_co2": _array(("sector", "cluster", "year"), captured),
            "energy_use_by_sector": _array(
                ("sector", "cluster", "year", "carrier"), use
            ).assign_attrs(units="PJ/yr"),
            "input_input": _array(
                ("route", "year", "carrier"),
                {
                    (route, year, carrier): amount
                    for route, spec in ROUTES.items()
                    for carrier, amount in spec[4].items()
                    for year in YEARS
                },
            ),
            "input_emission_factor": xr.DataArray(
                [FACTORS[k] for k in CARRIERS], dims="carrier", coords={"carrier": CARRIERS}
            ),
            "input_process_emissions": xr.DataArray(
                [spec[5] for spec in ROUTES.values()], dims="route", coords=route_coords
            ),
            "input_capture_rate": xr.DataArray(
                [spec[6] for spec in ROUTES.values()], dims="route", coords=route_coords
            ),
        },
        attrs={"elektra_version": "test", "scenario_name": "hand", "dataset": "hand"},
    )
    if price_base_year is not None:
        ds["input_price_base_year"] = xr.DataArray(price_base_year)
        ds["cost"] = xr.DataArray(
            [[100.0, 120.0]],
            dims=("cost_component", "year"),
            coords={"cost_component": ["investment"], "year": YEARS},
        )
    ds = ds.assign_coords(
        route_sector=("route", [s[0] for s in ROUTES.values()]),
        route_service=("route", [s[1] for s in ROUTES.values()]),
        route_class=("route", [s[2] for s in ROUTES.values()]),
        output_unit=("route", [s[3] for s in ROUTES.values()]),
    )
    if not routes:
        ds = ds.drop_vars(["activity", "capacity", "input_input"])
    return ds


def national(table: pd.DataFrame, year: int = 2030) -> pd.Series:
    rows = table[(table["region"] == NATIONAL) & (table["year"] == year)]
    return rows.set_index("variable")["value"]


@pytest.fixture
def hand_table(hand_shares) -> pd.DataFrame:
    return to_iamc(hand_results())


# process CO2 -----------------------------------------------------------------------------


def test_process_co2_is_industrial_processes_not_energy_demand(hand_table):
    """Process CO2: the blast furnace's coal is reductant, 32 PJ x 0.1 = 3.2 Mt; the kilns'
    own process CO2 10 x 0.02 = 0.2 Mt and 10 x 0.02 x 0.5 = 0.1 Mt after capture: 3.5 Mt.
    Energy CO2 of industry: steel 3.3 - 3.2 = 0.1 (its gas), cement 1.05 - 0.3 = 0.75.
    The SMR's 1.0 Mt is energy supply. Together 5.35 Mt, all direct CO2."""
    values = national(hand_table)
    assert values["Emissions|CO2|Industrial Processes"] == pytest.approx(3.5)
    assert values["Emissions|CO2|Industrial Processes|Iron and Steel"] == pytest.approx(3.2)
    assert values["Emissions|CO2|Industrial Processes|Non-Metallic Minerals"] == pytest.approx(0.3)
    assert values["Emissions|CO2|Energy|Demand|Industry"] == pytest.approx(0.85)
    assert values["Emissions|CO2|Energy|Demand|Industry|Iron and Steel"] == pytest.approx(0.1)
    assert values["Emissions|CO2|Energy|Supply|Hydrogen"] == pytest.approx(1.0)
    assert values["Emissions|CO2|Energy and Industrial Processes"] == pytest.approx(5.35)
    assert "Emissions|CO2|Energy and Industrial Processes|Industry" not in values


def test_captured_co2_splits_like_the_emissions(hand_table):
    """The capturing kiln's gross CO2 is 10 x 0.05 = 0.5 from gas and 0.2 process; half of
    each is captured: 0.25 Mt under energy demand, 0.1 Mt under industrial processes."""
    values = national(hand_table)
    assert values["Carbon Capture"] == pytest.approx(0.35)
    assert values["Carbon Capture|Energy|Demand|Industry|Non-Metallic Minerals"] == pytest.approx(
        0.25
    )
    assert values["Carbon Capture|Industrial Processes|Non-Metallic Minerals"] == pytest.approx(0.1)
    assert "Carbon Capture|Industry" not in values


def test_without_the_routes_activity_industry_co2_is_written_unsplit(hand_shares):
    """A sweep keeps sector totals only: no split is invented; industry CO2 is
    3.3 + 1.05 = 4.35 Mt under elektra's unsplit name, its capture 0.35 Mt likewise."""
    values = national(to_iamc(hand_results(routes=False)))
    assert values["Emissions|CO2|Energy and Industrial Processes|Industry"] == pytest.approx(4.35)
    assert values["Carbon Capture|Industry"] == pytest.approx(0.35)
    assert not any(v.startswith("Emissions|CO2|Industrial Processes") for v in values.index)
    assert not any(v.startswith("Emissions|CO2|Energy|Demand") for v in values.index)


# energy ----------------------------------------------------------------------------------


def test_feedstock_and_reductant_are_non_energy_use_not_final_energy(hand_table):
    """Steel's 32 PJ coal (share 1) and half its 5 PJ hydrogen are non-energy use: 34.5 PJ.
    Final energy of industry: steel's 2 PJ gas and 2.5 PJ hydrogen, cement's 20 PJ gas =
    24.5 PJ. Energy statistics in EJ."""
    values = national(hand_table)
    assert values["Final Energy|Non-Energy Use"] == pytest.approx(0.0345)
    assert values["Final Energy|Non-Energy Use|Iron and Steel|Solids|Coal"] == pytest.approx(0.032)
    assert values["Final Energy|Non-Energy Use|Hydrogen"] == pytest.approx(0.0025)
    assert values["Final Energy|Industry"] == pytest.approx(0.0245)
    assert values["Final Energy|Industry|Iron and Steel|Hydrogen"] == pytest.approx(0.0025)
    assert "Final Energy|Industry|Solids" not in values
    assert values["Final Energy|Industry|Gases"] == pytest.approx(0.022)


def test_gas_turned_into_hydrogen_is_primary_energy_once_and_not_final_energy(hand_table):
    """The SMR's 20 PJ gas is Primary Energy|Gas|Hydrogen and nothing else; the
    electrolysers' 10 PJ power an input to hydrogen supply; hydrogen made: 16 PJ from gas
    without CCS and 8 PJ from electricity (the 5 PJ imported are not production)."""
    values = national(hand_table)
    assert values["Primary Energy|Gas|Hydrogen"] == pytest.approx(0.020)
    assert not any(v.startswith("Energy Supply Input|Hydrogen|Gases") for v in values.index)
    assert values["Energy Supply Input|Hydrogen|Electricity"] == pytest.approx(0.010)
    assert values["Secondary Energy|Hydrogen"] == pytest.approx(0.024)
    assert values["Secondary Energy|Hydrogen|Gas|w/o CCS"] == pytest.approx(0.016)
    assert values["Secondary Energy|Hydrogen|Electricity"] == pytest.approx(0.008)


def test_every_pj_is_reported_once(hand_table):
    """Final energy + non-energy use + supply inputs + primary energy into hydrogen =
    all carrier use: 24.5 + 34.5 + 10 + 20 = 89 PJ."""
    values = national(hand_table)
    once = (
        values["Final Energy|Industry"]
        + values["Final Energy|Non-Energy Use"]
        + values[values.index.str.match(r"^Energy Supply Input\|")].sum()
        + values[values.index.str.match(r"^Primary Energy\|[^|]+\|Hydrogen$")].sum()
    )
    assert once == pytest.approx(0.089)


def test_base_reports_every_pj_once_and_the_steelworks_coal_as_process(base_iamc):
    """On base, 2030: the same identity over every carrier the routes use, and the
    steelworks' CO2 is nearly all industrial processes (coal is its reductant, gas its
    fuel)."""
    ds, table = base_iamc
    values = national(table, 2030)
    once = (
        values["Final Energy|Industry"]
        + values["Final Energy|Non-Energy Use"]
        + values[values.index.str.match(r"^Energy Supply Input\|")].sum()
        + values[values.index.str.match(r"^Primary Energy\|[^|]+\|Hydrogen$")].sum()
    )
    used = float(ds["energy_use_by_sector"].sel(year=2030).sum()) / 1000
    assert once == pytest.approx(used, rel=1e-9)
    steel = float(ds["emissions"].sel(sector="steel", year=2030).sum())
    process = values["Emissions|CO2|Industrial Processes|Iron and Steel"]
    assert 0.9 * steel < process < steel
    parts = ("Industrial Processes", "Energy|Demand|Industry", "Energy|Supply")
    assert sum(values[f"Emissions|CO2|{part}"] for part in parts) == pytest.approx(
        values["Emissions|CO2|Energy and Industrial Processes"]
    )


# names, money ----------------------------------------------------------------------------


def test_routes_are_named_in_the_iamc_style(hand_table):
    """2.0 Mt/yr of blast furnace under Capacity|Industry|Steel|BF BOF; the kiln's 10 PJ =
    0.01 EJ/yr with its heat band; the SMR under energy supply."""
    values = national(hand_table)
    assert values["Capacity|Industry|Steel|BF BOF"] == pytest.approx(2.0)
    assert values["Capacity|Industry|Cement and Lime|High-Temperature Heat|Kiln w/ CCS"] == (
        pytest.approx(0.01)
    )
    assert values["Capacity|Energy Supply|Hydrogen|SMR"] == pytest.approx(0.016)
    assert not any(v.startswith("Capacity|Route") for v in values.index)


def test_two_routes_with_one_iamc_name_are_refused():
    routes = pd.DataFrame(
        {"sector": ["steel", "steel"], "service": ["crude_steel"] * 2, "output_unit": ["Mt"] * 2},
        index=["steel_h2_dri", "h2_dri"],
    )
    assert iamc.route_names(routes.iloc[:1]) == {
        "steel_h2_dri": "Capacity|Industry|Steel|Hydrogen DRI"
    }
    with pytest.raises(ValueError, match="'steel_h2_dri' and 'h2_dri' get one IAMC name"):
        iamc.route_names(routes)


def test_money_carries_the_price_base_year_of_the_dataset(hand_shares):
    table = to_iamc(hand_results(price_base_year=2021))
    assert set(table.loc[table["variable"] == "Cost|Industry", "unit"]) == {"million EUR_2021/yr"}
    assert national(table)["Cost|Industry|Investment"] == pytest.approx(100.0)


def test_a_dataset_without_a_price_base_year_is_refused_with_its_name(hand_shares):
    with pytest.raises(ValueError, match="price_base_year"):
        to_iamc(hand_results(price_base_year=None).assign(cost=hand_results()["cost"]))


def test_a_cost_component_without_an_iamc_name_is_refused_by_name(hand_shares):
    ds = hand_results()
    cost = ds["cost"].assign_coords(cost_component=["new_levy"])
    ds = ds.drop_dims("cost_component").assign(cost=cost)
    with pytest.raises(ValueError, match="'new_levy' has no declaration"):
        to_iamc(ds)


def test_the_scenario_name_can_be_overridden_for_a_sweep_variant(hand_table):
    table = to_iamc(hand_results(), scenario="hand|ets_price=0.8")
    assert set(table["scenario"]) == {"hand|ets_price=0.8"}
    assert table.drop(columns="scenario").equals(hand_table.drop(columns="scenario"))


# the codelist ---------------------------------------------------------------------------


#: Shipped scenarios whose point is that they cannot be met (their run explains which
#: limits conflict): the 2030 target on the footprint, imports' embedded CO2 counted.
INFEASIBLE_BY_DESIGN = ("target_2030_footprint",)


def shipped_scenarios(solvable: bool = False) -> list[Path]:
    """The scenario files ``elektra run`` solves (not the MCA spec); ``solvable``: without
    the ones that are infeasible by design."""
    import yaml

    return [
        path
        for path in sorted((ROOT / "scenarios").glob("*.yaml"))
        if "options" not in yaml.safe_load(path.read_text(encoding="utf-8"))
        and not (solvable and path.stem in INFEASIBLE_BY_DESIGN)
    ]


def test_the_scenarios_infeasible_by_design_are_and_say_why():
    from elektra.model.pipeline import InfeasibleScenario, run

    for name in INFEASIBLE_BY_DESIGN:
        with pytest.raises(InfeasibleScenario, match="2030"):
            run(ROOT / "scenarios" / f"{name}.yaml")


def test_the_generated_codelist_is_up_to_date():
    registry = iamc.registry_of(shipped_scenarios())
    for path, text in iamc.codelist_files(registry).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run .venv/bin/python tools/iamc_codelist/generate.py"
        )


def test_every_cost_component_has_an_iamc_name_in_the_codelist():
    """The shipped electricity_support scenario writes the electricity rebate: every
    component the results declare is in the codelist, with its money unit."""
    codelist = iamc.codelist()
    for entry in iamc.cost_registry():
        assert "million EUR_2024/yr" in codelist[iamc.cost_name(entry.name)], entry.name


def test_the_vendored_codelist_names_its_source_commit_and_licence():
    header = iamc.COMMON_FILE.read_text(encoding="utf-8")[:800]
    assert "https://github.com/IAMconsortium/common-definitions" in header
    assert re.search(r"commit [0-9a-f]{40} \(\d{4}-\d{2}-\d{2}\)", header)
    assert "CC0-1.0" in header
    # the community's units, as an IAMC user expects them
    assert iamc.common_definitions()["Final Energy|Industry|Hydrogen"] == "EJ/yr"
    assert iamc.common_definitions()["Emissions|CO2|Industrial Processes"] == "Mt CO2/yr"
    assert not set(iamc.common_definitions()) & {
        name for entry in iamc.own_variables(iamc.Registry(iamc.cost_registry())) for name in entry
    }


def test_the_non_energy_table_gives_a_source_and_says_which_shares_are_estimates():
    table = iamc.non_energy_use()
    assert table[("steel", "coal")].share == 1.0
    for entry in table.values():
        assert len(entry.source) > 40, entry
        assert not entry.estimate or len(entry.method) > 40, entry


@pytest.fixture(scope="module")
def shipped_tables(toy_run, base_run) -> dict[str, pd.DataFrame]:
    """iamc.csv of every shipped scenario (toy and base from the session's runs, the others
    solved once for this module)."""
    from elektra.model.pipeline import run

    solved = {"toy": toy_run, "base": base_run}
    return {
        path.stem: to_iamc((solved.get(path.stem) or run(path)).results)
        for path in shipped_scenarios(solvable=True)
    }


def test_every_variable_and_region_of_every_shipped_scenario_is_in_the_codelist(shipped_tables):
    codelist, regions = iamc.codelist(), iamc.region_names()
    for name, table in shipped_tables.items():
        pairs = table[["variable", "unit"]].drop_duplicates().itertuples(index=False)
        missing = [(v, u) for v, u in pairs if u not in codelist.get(v, ())]
        assert missing == [], name
        assert set(table["region"]) <= regions, name
    assert "Cost|Industry|Electricity Rebate" in set(
        shipped_tables["electricity_support"]["variable"]
    )


# pyam 4.0 calls pandas APIs that pandas 3 deprecates; the warnings are pyam's, not ours
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_nomenclature_validates_the_iamc_csv_of_every_shipped_scenario(shipped_tables, tmp_path):
    nomenclature = pytest.importorskip(
        "nomenclature",
        reason="nomenclature-iamc is in the optional iamc extra: make setup-iamc",
    )
    import pyam

    definition = nomenclature.DataStructureDefinition(iamc.DEFINITIONS)
    for name, table in shipped_tables.items():
        path = tmp_path / f"{name}.csv"
        table.to_csv(path, index=False)
        definition.validate(pyam.IamDataFrame(path))  # raises on any unknown name or unit
    # and it does refuse what is not in the codelist
    wrong = shipped_tables["toy"].assign(unit="GW")
    with pytest.raises(nomenclature.exceptions.NomenclatureValidationError) as refused:
        definition.validate(pyam.IamDataFrame(wrong))
    assert "GW" in " ".join(map(str, refused.value.exceptions))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_iamc_csv_round_trips_through_pyam(tmp_path, hand_table):
    pyam = pytest.importorskip(
        "pyam", reason="pyam-iamc is in the optional iamc extra: make setup-iamc"
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


@pytest.fixture(scope="module")
def base_iamc(base_and_ets_high) -> tuple[xr.Dataset, pd.DataFrame]:
    from elektra.outputs import netcdf

    ds = netcdf.read(base_and_ets_high[0] / "results.nc")
    return ds, to_iamc(ds)


# sweeps: pyam meta -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def toy_monte_carlo(tmp_path_factory):
    """A Monte Carlo of the toy over its demand (x 0.8 to 1.2, 9 samples): reference,
    the factor at its low and high end one at a time, and the samples."""
    from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario
    from elektra.outputs.sweep_output import run_sweep

    scenario = load_scenario(ROOT / "scenarios" / "toy.yaml")
    spec = SweepSpec(vary=[SweepFactor(parameter="demand", scale=(0.8, 1.2))], samples=9)
    target = tmp_path_factory.mktemp("sweep") / "toy_mc"
    return run_sweep(scenario, spec, target).ds, target


def test_sweep_meta_names_each_variants_kind_sample_and_factors(toy_monte_carlo):
    ds, folder = toy_monte_carlo
    meta = pd.read_csv(folder / "iamc_meta.csv")
    data = pd.read_csv(folder / "iamc.csv")
    assert set(meta["scenario"]) == set(data["scenario"])
    codelist = iamc.codelist()
    for variable, unit in data[["variable", "unit"]].drop_duplicates().itertuples(index=False):
        assert unit in codelist.get(variable, ()), variable
    assert not meta.duplicated(["model", "scenario"]).any()
    assert meta["kind"].value_counts().to_dict() == {
        "Monte Carlo": 9,
        "one-at-a-time": 2,
        "reference": 1,
    }
    samples = meta[meta["kind"] == "Monte Carlo"]
    assert sorted(samples["sample"]) == list(range(1, 10))
    assert meta.loc[meta["kind"] != "Monte Carlo", "sample"].isna().all()
    # the setting of each variant, as sweep.nc has it (the reference: nominal)
    settings = ds["setting"].sel(factor="demand").to_series()
    for row in meta.itertuples():
        expected = settings[row.variant]
        assert row.demand == pytest.approx(expected, rel=1e-12, nan_ok=True)
    low, high = meta.set_index("variant").loc[["low:demand", "high:demand"], "demand"]
    assert (low, high) == (0.8, 1.2)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_pyam_quantiles_over_the_monte_carlo_leave_out_reference_and_one_at_a_time(
    toy_monte_carlo,
):
    """pyam's quantiles (wquantiles with equal weights: numpy's "hazen" method) over the
    variants meta marks as Monte Carlo equal those of the 9 samples' national emissions
    in sweep.nc, and differ from the quantiles over every variant."""
    pyam = pytest.importorskip(
        "pyam", reason="pyam-iamc is in the optional iamc extra: make setup-iamc"
    )
    ds, folder = toy_monte_carlo
    frame = pyam.IamDataFrame(
        folder / "iamc.csv", meta=pd.read_csv(folder / "iamc_meta.csv").drop(columns="variant")
    )
    emissions = frame.filter(
        region=NATIONAL, variable="Emissions|CO2|Energy and Industrial Processes"
    )
    quantiles = (0.05, 0.5, 0.95)
    sampled = emissions.filter(kind="Monte Carlo")
    assert len(sampled.scenario) == 9
    got = sampled.compute.quantiles(quantiles).timeseries()
    values = ds["national_emissions"].isel(variant=ds["kind"].values == "sample")
    for q in quantiles:
        expected = np.quantile(values.values, q, axis=0, method="hazen")
        row = got.xs(str(q), level="scenario").iloc[0]
        assert row.to_numpy() == pytest.approx(expected), q
    everything = emissions.compute.quantiles(quantiles).timeseries()
    assert not np.allclose(everything.to_numpy(), got.to_numpy())
