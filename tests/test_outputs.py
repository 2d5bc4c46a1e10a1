"""The outputs of a run: IAMC table, figures and report, on the toy results.

They are pure functions of the results Dataset: the tests check what a reader of each file
relies on (totals that add up, no duplicates, units everywhere, a page that stands alone
and shows the numbers of this run) and that none of them changes the Dataset.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from elektra.outputs import netcdf
from elektra.outputs.figures import make_figures
from elektra.outputs.iamc import NATIONAL, to_iamc
from elektra.outputs.report import emissions_text, write_report
from tests.chromium import chromium, render

ROOT = Path(__file__).resolve().parent.parent
EMISSIONS = "Emissions|CO2|Energy and Industrial Processes"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def results() -> xr.Dataset:
    from elektra.model.pipeline import run

    return run(ROOT / "scenarios" / "toy.yaml").results


@pytest.fixture(scope="module")
def iamc(results):
    return to_iamc(results)


def with_hydrogen_and_grid(ds: xr.Dataset) -> xr.Dataset:
    """The toy results plus what a larger model has: hydrogen made in the model, its
    marginal cost, and a binding grid limit."""
    years = ds.year.values
    clusters = ds.cluster.values
    ds = ds.reindex(carrier=[*ds.carrier.values, "hydrogen"], fill_value=0.0)
    dual = xr.full_like(ds["energy_use"].isel(cluster=0, drop=True), np.nan)
    dual.loc[{"carrier": "hydrogen"}] = np.linspace(3.0, 2.0, len(years))
    shape = (len(clusters), len(years))
    grid = {"dims": ("cluster", "year"), "coords": {"cluster": clusters, "year": years}}
    return ds.assign(
        dual_carrier_balance=dual.assign_attrs(
            units="MEUR/PJ", description="Marginal cost of hydrogen"
        ),
        grid_peak=xr.DataArray(
            np.full(shape, 80.0), **grid, attrs={"units": "MW", "description": "Peak demand"}
        ),
        grid_limit=xr.DataArray(
            np.full(shape, 100.0), **grid, attrs={"units": "MW", "description": "Grid limit"}
        ),
        dual_grid=xr.DataArray(
            np.eye(*shape) * 0.25, **grid, attrs={"units": "EUR/MW/yr", "description": "Grid dual"}
        ),
    )


# IAMC ------------------------------------------------------------------------------------


def test_iamc_has_exactly_the_iamc_columns(iamc, results):
    assert list(iamc.columns) == [
        "model",
        "scenario",
        "region",
        "variable",
        "unit",
        "year",
        "value",
    ]
    assert set(iamc["model"]) == {f"elektra {results.attrs['elektra_version']}"}
    assert set(iamc["scenario"]) == {"toy"}
    assert set(iamc["region"]) == {NATIONAL, *map(str, results.cluster.values)}


def test_iamc_emissions_are_the_toys_hand_worked_figures(iamc):
    """tests/test_toy.py works them out: national 4.625, 4.13, 4.13 Mt; per cluster in 2025
    port 2 x 1.9 + 10 x 0.055 = 4.35 and inland 5 x 0.055 = 0.275, in 2026 port 3.8 + 4 x
    0.055 = 4.02 and inland 2 x 0.055 = 0.11 (the heat pumps serve 6 and 3 PJ)."""
    rows = iamc[iamc["variable"] == EMISSIONS].set_index(["region", "year"])
    expected = {
        (NATIONAL, 2025): 4.625,
        (NATIONAL, 2026): 4.13,
        (NATIONAL, 2027): 4.13,
        ("port", 2025): 4.35,
        ("inland", 2025): 0.275,
        ("port", 2026): 4.02,
        ("inland", 2026): 0.11,
    }
    for key, value in expected.items():
        assert rows.loc[key, "value"] == pytest.approx(value, abs=1e-9), key
        assert rows.loc[key, "unit"] == "Mt CO2/yr"


def test_iamc_has_no_duplicate_rows_and_a_unit_on_every_row(iamc):
    assert not iamc.duplicated(["region", "variable", "year"]).any()
    assert iamc["unit"].notna().all()
    assert (iamc["unit"].str.strip() != "").all()
    assert iamc["value"].notna().all()


def test_iamc_drops_series_that_are_zero_in_every_year(iamc):
    variables = set(iamc["variable"])
    assert "Cost|Industry|Grid Expansion" not in variables  # no grid expansion in the toy
    assert not any(v.startswith("Carbon Capture|") for v in variables)  # no capture in the toy
    # the heat pump has no capacity in 2025 but some later: its series is kept whole
    pump = iamc[
        (iamc["variable"] == "Capacity|Industry|Food|Low-Temperature Heat|Heat Pump")
        & (iamc["region"] == NATIONAL)
    ]
    assert sorted(pump["year"]) == [2025, 2026, 2027]
    assert pump.set_index("year").loc[2025, "value"] == 0.0
    series = iamc.groupby(["region", "variable"])["value"].apply(lambda v: v.abs().max())
    assert (series > 0).all()


def test_iamc_names_carriers_and_products_as_the_templates(iamc, results):
    national = iamc[iamc["region"] == NATIONAL].set_index(["variable", "year"])
    use = results["energy_use"].sum("cluster")
    for variable, carrier in (
        ("Final Energy|Industry|Gases", "natural_gas"),
        ("Final Energy|Industry|Gases|Fossil", "natural_gas"),
        # the blast furnace's coal is its reductant (iamc_codelist/non_energy_use.csv)
        ("Final Energy|Non-Energy Use|Iron and Steel|Solids|Coal", "coal"),
        ("Final Energy|Industry|Electricity", "electricity"),
    ):
        assert national.loc[(variable, 2027), "value"] == pytest.approx(
            float(use.sel(carrier=carrier, year=2027)) / 1000  # PJ -> EJ
        )
        assert national.loc[(variable, 2027), "unit"] == "EJ/yr"
    steel = float(results["activity"].sel(route="steel_bf_bof", year=2026).sum())
    assert national.loc[("Production|Iron and Steel", 2026), "value"] == pytest.approx(steel)
    assert national.loc[("Production|Iron and Steel", 2026), "unit"] == "Mt/yr"
    assert national.loc[("Price|Carbon|EU-ETS", 2027), "value"] == pytest.approx(200.0)
    assert national.loc[("Price|Carbon|EU-ETS", 2027), "unit"] == "EUR_2024/t CO2"
    assert not any(v.startswith("Marginal Cost|") for v in iamc["variable"])


def test_iamc_reports_the_marginal_cost_of_hydrogen_when_the_dual_exists(results):
    table = to_iamc(with_hydrogen_and_grid(results))
    price = table[table["variable"] == "Marginal Cost|Secondary Energy|Hydrogen"]
    assert set(price["region"]) == {NATIONAL}
    assert set(price["unit"]) == {"EUR_2024/GJ"}
    assert price.set_index("year").loc[2025, "value"] == pytest.approx(3.0)


def test_iamc_is_the_same_from_the_written_netcdf(results, iamc, tmp_path):
    from elektra.outputs.output import write_netcdf

    write_netcdf(results, tmp_path / "results.nc")
    assert to_iamc(netcdf.read(tmp_path / "results.nc")).equals(iamc)


# figures ---------------------------------------------------------------------------------


def test_make_figures_writes_png_files_and_returns_their_paths(results, tmp_path):
    paths = make_figures(results, tmp_path / "figures")
    assert paths, "no figure written"
    assert sorted(paths) == sorted((tmp_path / "figures").glob("*.png"))
    for path in paths:
        content = path.read_bytes()
        assert content.startswith(PNG_MAGIC), path
        assert len(content) > 1000, path
    names = {p.stem for p in paths}
    assert {
        "emissions_by_cluster",
        "emissions_by_sector",
        "route_mix",
        "energy_by_carrier",
        "cost_by_component",
    } <= names
    # the toy makes no hydrogen: that figure is skipped, not drawn empty
    assert "hydrogen_marginal_cost" not in names
    assert ("grid" in names) == ("grid_peak" in results)


def test_make_figures_draws_hydrogen_and_grid_when_present(results, tmp_path):
    paths = make_figures(with_hydrogen_and_grid(results), tmp_path)
    assert {"hydrogen_marginal_cost", "grid"} <= {p.stem for p in paths}


def test_make_figures_skips_a_figure_whose_variable_is_absent(results, tmp_path):
    paths = make_figures(results.drop_vars("cost"), tmp_path)
    assert "cost_by_component" not in {p.stem for p in paths}
    assert paths


# report ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(results, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    figures = make_figures(results, folder / "figures")
    write_report(results, folder / "report.html", figures)
    return folder / "report.html", figures


def test_report_is_one_self_contained_file(report):
    path, figures = report
    assert [p.name for p in path.parent.iterdir() if p.is_file()] == ["report.html"]
    page = path.read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', page)
    assert sources, "no figure embedded"
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    assert "http" not in " ".join(sources)
    assert "<script" not in page
    for figure in figures:
        assert base64.b64encode(figure.read_bytes()).decode("ascii") in page, figure


def test_report_carries_the_provenance(report, results):
    page = report[0].read_text(encoding="utf-8")
    assert results.attrs["scenario_hash"] in page
    assert results.attrs["termination_condition"] in page
    assert "name: toy" in page  # the resolved scenario YAML


def test_report_shows_the_numbers_of_this_run(results, tmp_path):
    last = results.year.values[-1]
    emissions = results["emissions"].sum(["sector", "cluster"]).sel(year=last)
    write_report(results, tmp_path / "report.html", [])
    assert emissions_text(float(emissions)) in (tmp_path / "report.html").read_text()

    doubled = results.copy()
    doubled["emissions"] = results["emissions"] * 3.7
    write_report(doubled, tmp_path / "changed.html", [])
    assert emissions_text(3.7 * float(emissions)) in (tmp_path / "changed.html").read_text()


def test_report_escapes_text_from_the_data(results, tmp_path):
    hostile = results.copy()
    hostile.attrs = {**results.attrs, "scenario_name": "<b>bold</b> & co"}
    write_report(hostile, tmp_path / "report.html", [])
    page = (tmp_path / "report.html").read_text()
    assert "<b>bold</b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page


def test_report_lists_binding_duals_and_the_hydrogen_cost(results, tmp_path):
    write_report(with_hydrogen_and_grid(results), tmp_path / "report.html", [])
    page = (tmp_path / "report.html").read_text()
    assert "dual_grid" in page
    assert "dual_potential_limit" in page  # the heat pump potential binds in the toy
    assert "3.00" in page  # hydrogen marginal cost in the first year, EUR/GJ


# purity ----------------------------------------------------------------------------------


def test_outputs_do_not_modify_the_dataset(results, tmp_path):
    for ds in (results, with_hydrogen_and_grid(results)):
        before = ds.copy(deep=True)
        to_iamc(ds)
        figures = make_figures(ds, tmp_path / "figures")
        write_report(ds, tmp_path / "report.html", figures)
        assert ds.identical(before)
        assert ds.attrs == before.attrs


# NetCDF: CF conventions and units --------------------------------------------------------


@pytest.fixture(scope="module")
def studies(tmp_path_factory, toy_run, base_and_ets_high) -> dict[str, Path]:
    """A folder of every kind elektra writes, pages included: runs (toy, and base with
    its extras), a comparison, a Monte Carlo sweep with Sobol indices and one with a value
    factor, the shipped hydrogen MCA."""
    from typer.testing import CliRunner

    from elektra.cli import app
    from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario
    from elektra.outputs.output import write_run
    from elektra.outputs.sweep_output import run_sweep

    folder = tmp_path_factory.mktemp("studies")
    toy = write_run(toy_run.results, folder / "toy", {}, toy_run.scenario.files, extras=False)
    base, ets_high = base_and_ets_high
    with_pages = write_run(netcdf.read(base / "results.nc"), folder / "base", {}, [], extras=True)
    runner = CliRunner()
    compared = runner.invoke(
        app, ["compare", str(base), str(ets_high), "--out", str(folder / "cmp")]
    )
    assert compared.exit_code == 0, compared.output
    scenario = load_scenario(ROOT / "scenarios" / "toy.yaml")
    values = SweepSpec(vary=[SweepFactor(parameter="ets_price", values=[100.0, 200.0])])
    run_sweep(scenario, values, folder / "values", extras=False)
    sobol = SweepSpec(
        vary=[
            SweepFactor(parameter="demand", scale=(0.8, 1.2)),
            SweepFactor(parameter="ets_price", scale=(0.5, 1.5)),
        ],
        samples=8,
        sobol=True,
    )
    run_sweep(scenario, sobol, folder / "sobol")
    spec = ROOT / "scenarios" / "mca_hydrogen.yaml"
    mca = runner.invoke(app, ["mca", str(spec), "--out", str(folder / "mca"), "--samples", "50"])
    assert mca.exit_code == 0, mca.output
    return {
        "toy": toy,
        "base": with_pages,
        "cmp": folder / "cmp",
        "values": folder / "values",
        "sobol": folder / "sobol",
        "mca": folder / "mca",
    }


@pytest.fixture(scope="module")
def written_files(studies) -> dict[str, Path]:
    return {
        "toy results.nc": studies["toy"] / "results.nc",
        "base results.nc": studies["base"] / "results.nc",
        "comparison.nc": studies["cmp"] / "comparison.nc",
        "sweep.nc": studies["values"] / "sweep.nc",
        "Sobol sweep.nc": studies["sobol"] / "sweep.nc",
        "mca.nc": studies["mca"] / "mca.nc",
    }


@pytest.mark.parametrize(
    "kind",
    ["toy results.nc", "base results.nc", "comparison.nc", "sweep.nc", "Sobol sweep.nc", "mca.nc"],
)
def test_every_units_attribute_of_every_written_file_parses_with_elektras_registry(
    written_files, kind
):
    """Opened as any xarray user opens it: every numeric variable and coordinate has a unit
    pint reads with elektra's registry, every variable a long_name; the file says it follows
    CF and where it comes from, and its arrays are compressed."""
    from elektra.inputs.units import UnitError, conversion_factor

    with xr.open_dataset(written_files[kind], engine="netcdf4") as ds:
        assert ds.attrs["Conventions"] == "CF-1.10"
        for key in ("title", "history", "source", "institution"):
            assert ds.attrs[key], key
        assert "elektra" in ds.attrs["history"]
        problems = []
        for name in ds.variables:
            attrs = ds[name].attrs
            if ds[name].dtype.kind in "iufb" and "units" not in attrs:
                problems.append(f"{name}: no units")
            if "units" in attrs:
                try:
                    conversion_factor(attrs["units"], attrs["units"])
                except UnitError as error:
                    problems.append(f"{name}: {error}")
            if not attrs.get("long_name"):
                problems.append(f"{name}: no long_name")
        assert problems == []
        arrays = [n for n in ds.data_vars if ds[n].ndim and ds[n].dtype.kind == "f"]
        assert arrays and all(ds[n].encoding.get("zlib") for n in arrays)


def test_arrays_whose_unit_depends_on_the_route_are_split_in_the_file_and_merged_back(
    written_files, toy_run
):
    """The toy's steel route makes Mt, its heat routes PJ: activity_Mt holds the steel route
    (NaN on the others), activity_PJ the heat routes; elektra reads the file back whole."""
    with xr.open_dataset(written_files["toy results.nc"], engine="netcdf4") as raw:
        assert "activity" not in raw
        assert raw["activity_Mt"].attrs["units"] == "Mt/yr"
        assert raw["activity_PJ"].attrs["units"] == "PJ/yr"
        assert raw["input_capex_PJ"].attrs["units"] == "MEUR/(PJ/yr)"
        steel = raw["activity_Mt"].sel(route="steel_bf_bof", sector="steel")
        assert float(steel.sum()) > 0
        assert raw["activity_Mt"].sel(route="food_heat_pump").isnull().all()
        assert float(raw["activity_PJ"].sum()) == pytest.approx(
            float(
                toy_run.results["activity"].sel(route=["food_gas_boiler", "food_heat_pump"]).sum()
            )
        )
    back = netcdf.read(written_files["toy results.nc"])
    for name in toy_run.results.data_vars:
        assert back[name].identical(toy_run.results[name]), name


# pages in a browser -------------------------------------------------------------------


@pytest.mark.skipif(chromium() is None, reason="headless Chromium is not installed here")
@pytest.mark.parametrize(
    ("kind", "page"),
    [
        ("base", "report.html"),
        ("cmp", "comparison.html"),
        ("sobol", "sweep.html"),
        ("mca", "report.html"),
    ],
)
@pytest.mark.parametrize("width", [1280, 1000])
def test_every_page_renders_in_chromium_with_no_table_wider_than_the_page(
    studies, kind, page, width, tmp_path
):
    """Each page renders without console errors, nothing scrolls sideways, and every table
    stays within the page's text column (the MCA's criteria and the dual tables were the
    ones that ran off)."""
    from matplotlib.image import imread

    rendered = render(studies[kind] / page, tmp_path, width=width)
    assert not [c for c in rendered.console if re.search(r"error|uncaught", c, re.I)]
    assert rendered.scroll <= rendered.page
    assert rendered.tables, "no table measured"
    assert rendered.too_wide() == []
    image = imread(rendered.screenshot)[:, :, :3]
    assert image.shape[1] == width
    assert (image < 0.5).any(axis=2).mean() > 0.002, "the first screen shows no text"


def test_pages_name_what_they_show_not_the_variables(studies):
    """Headings say what a number is; the variable name stays beside it for the modeller;
    no unit is a placeholder."""
    run = (studies["base"] / "report.html").read_text(encoding="utf-8")
    assert "<h4>Value of one more MW of connection capacity" in run
    assert "<code>dual_grid</code>" in run
    compared = (studies["cmp"] / "comparison.html").read_text(encoding="utf-8")
    assert "EU-ETS allowance price <code>input_ets_price</code>" in compared
    sweep = (studies["sobol"] / "sweep.html").read_text(encoding="utf-8")
    assert "discounted cost to industry (MEUR)" in sweep
    mca = (studies["mca"] / "report.html").read_text(encoding="utf-8")
    assert "system cost if excluded" in mca and ">system_cost_if_excluded<" not in mca
    for page in (run, compared, sweep, mca):
        assert "output_unit" not in page and "{output}" not in page
    assert "money is in euro of 2024 (EUR_2024)" in run
