"""elektra sweep: variants solved in place equal separate runs; resume; Dask; Sobol.

All on the toy scenario (three years, two sectors, a dozen columns) or on plain functions,
so the file adds seconds to the suite. The in-place path is checked against fresh runs of
each variant's scenario (`pipeline.run`), one variant of each kind of change:

- a cost (ETS price x 1.3: objective coefficients only),
- a matrix coefficient (availability x 0.9: the -alpha of new capacity in the capacity
  limit, and its right-hand side alpha x existing stock),
- a bound (demand x 1.1: right-hand sides of the demand balance and the potential limit),
- a shape change (the heat pump's potential set to 1: its potential-limit rows go, so the
  LP is rebuilt and counted as such).
"""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from typer.testing import CliRunner

from elektra.cli import app
from elektra.inputs.config import Override, SweepFactor, SweepSpec, load_scenario
from elektra.inputs.data import load_data, parameter_range, with_overrides
from elektra.model.build import build, with_data
from elektra.model.pipeline import run
from elektra.model.results import main_duals
from elektra.outputs.output import NETCDF_ENGINE
from elektra.outputs.sweep_output import run_sweep, work_folder
from elektra.studies.sweep import (
    Factor,
    Variant,
    VariantData,
    sobol_indices,
    sobol_samples,
)
from tests.conftest import ROOT

TOY = ROOT / "scenarios" / "toy.yaml"

KINDS = {
    "cost": {"ets_price": [Override(scale=1.3)]},
    "coefficient": {"availability": [Override(scale=0.9)]},
    "bound": {"demand": [Override(scale=1.1)]},
    "shape": {"potential": [Override(where={"route": "food_heat_pump"}, value=1.0)]},
}


def _variant_scenario(scenario, overrides):
    parameters = {k: tuple(v) for k, v in scenario.parameters.items()}
    for name, items in overrides.items():
        parameters[name] = parameters.get(name, ()) + tuple(items)
    return scenario.model_copy(update={"parameters": parameters})


def _same_lp(a, b) -> None:
    assert a.same_shape(b)
    assert np.array_equal(a.cost, b.cost) and a.offset == b.offset
    assert np.array_equal(a.row_lower, b.row_lower)
    assert np.array_equal(a.row_upper, b.row_upper)
    assert (a.matrix != b.matrix).nnz == 0


@pytest.fixture(scope="module")
def toy_sweep(tmp_path_factory):
    scenario = load_scenario(TOY)
    spec = SweepSpec(variants=KINDS)
    target = tmp_path_factory.mktemp("sweep") / "toy_kinds"
    return scenario, run_sweep(scenario, spec, target, extras=False)


def test_a_variants_lp_is_the_fresh_lp_array_for_array():
    """The LP of a variant built from the base (only the stages and parts whose declared
    inputs changed run again) equals a fresh build's for each kind of change, and each
    kind changes what it says: costs, matrix entries, bounds, the shape."""
    scenario = load_scenario(TOY)
    data = load_data(scenario)
    base = build(scenario, data)
    for kind, overrides in KINDS.items():
        variant = with_overrides(data, overrides)
        lp = with_data(base, variant).lp
        fresh = build(scenario, variant).lp
        _same_lp(lp, fresh)
        if kind == "shape":
            assert not lp.same_shape(base.lp)
            continue
        assert lp.same_shape(base.lp)
        cost_moved = not np.array_equal(lp.cost, base.lp.cost)
        matrix_moved = (lp.matrix != base.lp.matrix).nnz > 0
        bounds_moved = not np.array_equal(lp.row_upper, base.lp.row_upper) or not np.array_equal(
            lp.row_lower, base.lp.row_lower
        )
        assert (cost_moved, matrix_moved, bounds_moved) == {
            "cost": (True, False, False),
            "coefficient": (False, True, True),
            "bound": (False, False, True),
        }[kind]


def test_a_variant_rebuilds_only_the_parts_its_change_reaches():
    """An ETS price variant reruns the ETS and the policies that require it (their parts
    are new objects) and keeps the core's parts and the others as they were."""
    scenario = load_scenario(TOY)
    data = load_data(scenario)
    base = build(scenario, data)
    variant = with_data(base, with_overrides(data, KINDS["cost"]))
    kept = {
        name
        for name, part in variant.parts.items()
        if all(a.rows is b.rows for a, b in zip(part.rows, base.parts[name].rows))
        and part.terms is base.parts[name].terms
    }
    assert {"core", "policy:grid", "policy:co2_storage"} <= kept
    assert "policy:ets" not in kept and "policy:subsidies" not in kept
    assert variant.core is base.core


def test_sweep_equals_separate_runs(toy_sweep):
    """Objective, emissions and duals of every variant equal a fresh run of its scenario;
    only the shape-changing variant is rebuilt."""
    scenario, result = toy_sweep
    ds = result.ds
    for label, overrides in KINDS.items():
        fresh = run(_variant_scenario(scenario, overrides)).results
        one = ds.sel(variant=label)
        assert one["termination"].item() == "optimal"
        assert bool(one["rebuilt"]) == (label == "shape")
        assert float(one["objective"]) == pytest.approx(fresh.attrs["objective"], rel=1e-9)
        emissions = fresh["emissions"].transpose("sector", "cluster", "year")
        np.testing.assert_allclose(one["emissions"].values, emissions.values, atol=1e-9)
        for name in [n for n in ds.data_vars if n.startswith("dual_")]:
            ours = one[name].sel({d: fresh[name][d].values for d in fresh[name].dims})
            np.testing.assert_allclose(
                ours.transpose(*fresh[name].dims).values, fresh[name].values, atol=1e-7
            )
    assert result.execution.rebuilt == 1
    assert int(ds["rebuilt"].sum()) == 1


def test_failed_variant_is_recorded_and_the_rest_finish(tmp_path):
    """No new gas boilers before 2030: inland food heat (5 PJ/yr in 2027, its boilers
    retired) can only come from heat pumps, at most 60 % of it: infeasible. The variant
    is kept with its reason; the grid around it solves."""
    scenario = load_scenario(TOY)
    spec = SweepSpec(
        vary=[SweepFactor(parameter="ets_price", scales=[0.8, 1.2])],
        variants={
            "no_boilers": {"first_year": [Override(where={"route": "food_gas_boiler"}, value=2030)]}
        },
    )
    ds = run_sweep(scenario, spec, tmp_path / "failing", extras=False).ds
    failed = ds.sel(variant="no_boilers")
    assert failed["termination"].item() == "infeasible"
    assert "heat_low" in failed["reason"].item() and "inland" in failed["reason"].item()
    assert np.isnan(float(failed["objective"]))
    others = ds.sel(variant=ds.variant.values[ds.variant.values != "no_boilers"])
    assert (others["termination"].values == "optimal").all()


def test_resume_skips_finished_variants(tmp_path):
    """Interrupt after three variants (each kept in its own part file), run again: the
    three are not solved again, and the result holds every variant once."""
    scenario = load_scenario(TOY)
    spec = SweepSpec(vary=[SweepFactor(parameter="ets_price", scale=(0.5, 1.5), points=6)])
    target = tmp_path / "resumed"
    first: list[str] = []

    def stop_after_three(outcome):
        first.append(outcome.key)
        if len(first) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_sweep(scenario, spec, target, part_size=1, extras=False, on_outcome=stop_after_three)
    assert len(list(work_folder(target).glob("part-*.nc"))) == 3
    assert not target.exists()
    second: list[str] = []
    result = run_sweep(
        scenario, spec, target, extras=False, on_outcome=lambda o: second.append(o.key)
    )
    assert not set(first) & set(second)
    assert result.resumed == 3
    keys = set(result.ds["key"].values)
    assert keys == set(first) | set(second)
    assert not work_folder(target).exists()
    # a third run of the same sweep solves nothing: every variant is in sweep.nc
    third: list[str] = []
    again = run_sweep(
        scenario, spec, target, extras=False, on_outcome=lambda o: third.append(o.key)
    )
    assert third == []
    xr.testing.assert_equal(again.ds["objective"], result.ds["objective"])


def test_dask_local_cluster_equals_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    scenario = load_scenario(TOY)
    spec = SweepSpec(vary=[SweepFactor(parameter="capex", scale=(0.5, 1.5), points=3)])
    local = run_sweep(scenario, spec, tmp_path / "local", extras=False).ds
    try:
        cluster = distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        )
    except Exception as error:  # pragma: no cover - depends on the machine
        pytest.skip(f"dask cannot start a LocalCluster here: {error}")
    with cluster, distributed.Client(cluster) as client:
        remote = run_sweep(scenario, spec, tmp_path / "dask", client=client, extras=False)
    assert remote.execution.workers.startswith("Dask")
    for name in ("objective", "emissions", "cost"):
        xr.testing.assert_allclose(remote.ds[name], local[name])


def test_process_pool_equals_local_run(tmp_path):
    scenario = load_scenario(TOY)
    spec = SweepSpec(vary=[SweepFactor(parameter="ets_price", scale=(0.5, 1.5))], samples=6)
    local = run_sweep(scenario, spec, tmp_path / "local", extras=False).ds
    pooled = run_sweep(scenario, spec, tmp_path / "pool", processes=2, extras=False)
    assert pooled.execution.workers == "2 processes"
    xr.testing.assert_allclose(pooled.ds["objective"], local["objective"])
    xr.testing.assert_allclose(pooled.ds["national_emissions"], local["national_emissions"])


@pytest.mark.parametrize("a", [(1.0, 2.0), (3.0, 1.0), (1.0, 1.0)])
def test_sobol_indices_of_a_linear_function(a):
    """Y = a1 X1 + a2 X2, X uniform on [0, 1]: Var(a X) = a^2 / 12, no interaction, so
    S_i = ST_i = a_i^2 / (a1^2 + a2^2)."""
    names = ["x1", "x2"]
    points = sobol_samples(names, 1024, seed=3)
    outputs = points @ np.array(a)
    found = sobol_indices(names, outputs, seed=3)
    expected = np.array(a) ** 2 / np.sum(np.array(a) ** 2)
    np.testing.assert_allclose(found["first"], expected, atol=0.05)
    np.testing.assert_allclose(found["total"], expected, atol=0.05)
    assert np.all(found["first_conf"] < 0.1)


def test_sobol_leaves_out_groups_with_a_failed_run():
    names = ["x1", "x2"]
    points = sobol_samples(names, 256, seed=1)
    outputs = points @ np.array([2.0, 1.0])
    outputs[5] = np.nan  # a failed variant: its group of D + 2 = 4 rows is left out
    found = sobol_indices(names, outputs, seed=1)
    assert int(found["groups"]) == 255
    np.testing.assert_allclose(found["first"], [0.8, 0.2], atol=0.06)


def test_data_range_quantiles_reach_each_rows_low_and_high():
    """A factor on a data range puts every cell at the same quantile of its own range:
    0 gives the rows' low, 1 their high, and a triangular median lies between."""
    scenario = load_scenario(ROOT / "scenarios" / "base.yaml")
    data = load_data(scenario)
    factor = Factor("ets_price", "ets_price", {}, "range", distribution="triangular")
    make = VariantData(data, [factor], dict(scenario.parameters))
    low, high = parameter_range(data, "ets_price")
    assert (low.values < high.values).any()
    at = {q: make(Variant("v", "sample", (q,)))["ets_price"].values for q in (0.0, 0.5, 1.0)}
    np.testing.assert_allclose(at[0.0], low.values)
    np.testing.assert_allclose(at[1.0], high.values)
    assert np.all(at[0.0] <= at[0.5]) and np.all(at[0.5] <= at[1.0])


def test_cli_sweep_writes_its_folder(tmp_path):
    out = tmp_path / "grid"
    result = CliRunner().invoke(
        app, ["sweep", str(TOY), "--vary", "ets_price=0.5:1.5:3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "6 variants (grid)" in result.output
    assert "solved 4 in" in result.output  # g1, g2, g3 equal low, reference, high: solved once
    for name in ("sweep.nc", "iamc.csv", "sweep.html", "manifest.json", "figures/fan_chart.png"):
        assert (out / name).is_file(), name
    iamc = (out / "iamc.csv").read_text()
    assert "toy|g1" in iamc and "toy|reference" in iamc


@pytest.mark.parametrize(
    ("vary", "expected"),
    [
        ("ets_prise=0.5:1.5:3", "unknown parameter 'ets_prise'"),
        ("capex[route=boiler]=0.5:1.5:3", "unknown route 'boiler'"),
        ("ets_price=a:b", "is not LOW:HIGH"),
    ],
)
def test_cli_sweep_refuses_bad_factors_naming_them(tmp_path, vary, expected):
    result = CliRunner().invoke(
        app, ["sweep", str(TOY), "--vary", vary, "--out", str(tmp_path / "x")]
    )
    assert result.exit_code == 2
    assert expected in result.output


def test_a_sweep_keeps_only_the_main_duals():
    scenario = load_scenario(TOY)
    duals = main_duals(build(scenario).lp)
    assert "dual_demand" not in duals and "dual_capacity_limit" not in duals
    assert "dual_grid" in duals


def test_sweep_block_in_the_scenario_runs_its_grid_and_named_variants(tmp_path):
    import yaml

    path = tmp_path / "toy_sweep_block.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "extends": str(TOY),
                "name": "toy_block",
                "sweep": {
                    "name": "block",
                    "vary": [{"parameter": "ets_price", "scales": [0.5, 2.0]}],
                    "variants": {
                        "dear_gas": {"price": [{"where": {"carrier": "natural_gas"}, "scale": 2}]}
                    },
                },
            }
        )
    )
    result = CliRunner().invoke(
        app, ["sweep", str(path), "--out", str(tmp_path / "block"), "--no-extras"]
    )
    assert result.exit_code == 0, result.output
    ds = xr.load_dataset(tmp_path / "block" / "sweep.nc", engine=NETCDF_ENGINE)
    assert list(ds.variant.values) == [
        "reference",
        "low:ets_price",
        "high:ets_price",
        "g1",
        "g2",
        "dear_gas",
    ]
    np.testing.assert_allclose(ds["setting"].sel(variant="g2").values, [2.0])
    # a dearer ETS price never raises emissions (the tie-break goes to lower emissions)
    assert (
        float(ds["national_emissions"].sel(variant="g2").sum())
        <= float(ds["national_emissions"].sel(variant="g1").sum()) + 1e-9
    )


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            {"vary": [{"parameter": "ets_prise"}]},
            "key 'sweep.vary.0.parameter': unknown parameter 'ets_prise'",
        ),
        ({"vary": [{"parameter": "ets_price", "colour": 1}]}, "key 'sweep.vary.0.colour'"),
        ({"sobol": True}, "'sobol' needs 'samples'"),
        (
            {"vary": [{"parameter": "ets_price", "points": 3}]},
            "'points' needs 'scale: [low, high]'",
        ),
    ],
)
def test_sweep_block_errors_name_the_key(tmp_path, block, expected):
    import yaml

    from elektra.inputs.config import ScenarioError

    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"extends": str(TOY), "name": "bad", "sweep": block}))
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert expected in str(error.value) and str(path) in str(error.value)


def test_a_variant_of_base_equals_its_fresh_run_fixed_point_included():
    """On base (every policy on, pro-rata supports settled by warm re-solves to a fixed
    point) a variant solved in a sweep gives exactly what a fresh run of its scenario gives:
    every result it keeps, bit for bit, the split of ties over clusters included."""
    from elektra.studies.sweep_run import Setup, Worker

    scenario = load_scenario(ROOT / "scenarios" / "base.yaml")
    data = load_data(scenario)
    factor = Factor("ets_price", "ets_price", {}, "scale_grid", grid=(1.2,))
    worker = Worker(Setup(scenario, data, [factor]))
    outcome = worker.solve(Variant("g1", "grid", (1.2,), key="k"))
    fresh = run(_variant_scenario(scenario, {"ets_price": [Override(scale=1.2)]})).results
    assert outcome.optimal
    assert outcome.results.attrs["objective"] == fresh.attrs["objective"]
    assert outcome.results.attrs["fixed_point_iterations"] > 1
    for name, array in outcome.results.data_vars.items():
        xr.testing.assert_identical(array, fresh[name].transpose(*array.dims))
