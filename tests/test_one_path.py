"""One assembly, one solve path, one results path: a study gives what a run gives.

- the written model is the settled LP (the one the results report);
- a long-lived HiGHS instance gives every solve its own time limit;
- a variant's results do not depend on the order, the process or the number of processes;
- a fixed point that runs out of re-solves says so, and one that converged pays every
  budget to its tolerance;
- each stage reads only what it declares (the parameters of the data, the fields of the
  core, the coefficients of the policies it requires).
"""

from __future__ import annotations

import glob

import highspy
import numpy as np
import pytest
import xarray as xr

from elektra.inputs.config import Override, SolverOptions, SweepFactor, SweepSpec, load_scenario
from elektra.inputs.data import load_data, with_overrides
from elektra.model.build import CORE_PARTS, DeclaredData, UndeclaredRead, build
from elektra.model.pipeline import Variants, run, settle
from elektra.model.solve import LiveLP
from elektra.model.structure import CORE_READS, build_core
from elektra.outputs.sweep_output import run_sweep
from elektra.policies import POLICIES, ordered_policies
from elektra.policies.prorata import TOLERANCE
from tests.conftest import ROOT
from tests.test_levers import ikc_case
from tests.tracing import TracingData, TracingMapping, TracingObject

TOY = ROOT / "scenarios" / "toy.yaml"


def test_the_written_model_is_the_settled_lp(base_written):
    """Base's IKC is cut pro rata in every year: the LP before the fixed point pays the full
    rate and costs thousands of MEUR less. The written model re-solves to the objective the
    results report, so it is the settled LP."""
    result, path = base_written
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.readModel(str(path))
    highs.run()
    assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    objective = highs.getInfo().objective_function_value
    assert objective == pytest.approx(result.results.attrs["objective_lp"], rel=1e-9)
    assert result.fixed_point.iterations > 0


def test_every_solve_of_a_long_lived_instance_gets_the_whole_time_limit():
    """HiGHS's run clock counts over every run of an instance. With a limit of 20 ms and
    more than 60 ms of solves on one instance, each solve must still be optimal."""
    scenario = load_scenario(TOY)
    lp = build(scenario).lp
    live = LiveLP(SolverOptions(time_limit=0.02))
    live.load(lp)
    solves = 0
    while live.highs.getRunTime() < 0.06 or solves < 5:
        live.load(lp)
        live.set_basis(highspy.HighsBasis())  # a cold start each time
        live.highs.clearSolver()
        assert live.solve().termination == "optimal"
        solves += 1
    assert live.highs.getRunTime() > 3 * 0.02


def _ikc_toy(tmp_path):
    """The IKC case of tests/test_levers.py with a budget at a threshold (a fixed point of
    several re-solves), over two years."""
    return load_scenario(ikc_case(tmp_path, 20, years=[2029, 2030]))


def test_a_variants_results_do_not_depend_on_what_was_solved_before(tmp_path):
    scenario = _ikc_toy(tmp_path)
    data = load_data(scenario)
    cheap = with_overrides(data, {"ets_price": [Override(scale=0.7)]})
    dear = with_overrides(data, {"ets_price": [Override(scale=1.4)]})
    first = Variants(scenario, data)
    alone = first.solve(dear).results
    second = Variants(scenario, data)
    second.solve(cheap)
    after = second.solve(dear).results
    assert alone.attrs["fixed_point_iterations"] >= 1
    xr.testing.assert_identical(alone, after)


def test_a_sweep_gives_the_same_arrays_on_one_and_two_processes(tmp_path):
    """A Monte Carlo with a fixed point in every variant: every array of sweep.nc but the
    seconds is equal, bit for bit, on one process and on two."""
    scenario = _ikc_toy(tmp_path)
    spec = SweepSpec(
        vary=[
            SweepFactor(parameter="ets_price", scale=(0.6, 1.6)),
            SweepFactor(parameter="ikc_budget", scale=(0.5, 1.5)),
        ],
        samples=10,
        seed=3,
    )
    one = run_sweep(scenario, spec, tmp_path / "one", extras=False).ds
    two = run_sweep(scenario, spec, tmp_path / "two", processes=2, extras=False).ds
    assert int(one["iterations"].max()) > 1
    compared = [name for name in one.data_vars if name != "seconds"]
    assert set(compared) == {name for name in two.data_vars if name != "seconds"}
    for name in compared:
        values = one[name].values
        equal_nan = values.dtype.kind == "f"
        assert np.array_equal(values, two[name].values, equal_nan=equal_nan), name


def test_a_fixed_point_that_runs_out_says_so(tmp_path):
    scenario = load_scenario(ikc_case(tmp_path, 20))
    live = LiveLP(scenario.solver)
    settled = settle(build(scenario), live, max_iterations=1)
    assert not settled.fixed_point.converged
    assert settled.fixed_point.unsettled == ("ikc",)
    assert "NOT reached" in settled.fixed_point.notes()[0]
    result = run(scenario)
    assert result.fixed_point.converged
    assert result.results.attrs["fixed_point_converged"] == 1


def test_a_settled_base_pays_each_cut_budget_to_the_tolerance(base_run):
    """Where IKC is cut pro rata the budget is paid to 0.1 % (not 99.4 % of it)."""
    ds = base_run.results
    factors = ds["ikc_pro_rata"]
    paid = ds["ikc_compensation"].sum(["sector", "cluster"])
    claims = ds["ikc_claims"]
    cut = factors < 1
    assert bool(cut.any())
    budget = base_run.coefficients["ikc"].budget
    for year in ds.year.values[cut.values]:
        y = int(year)
        assert float(paid.sel(year=y)) == pytest.approx(budget[y], rel=TOLERANCE)
        assert float(claims.sel(year=y) * factors.sel(year=y)) == pytest.approx(
            budget[y], rel=TOLERANCE
        )


# --------------------------------------------------------------------- declared reads


def _scenarios():
    """Every shipped scenario, and base and toy with every switch on."""
    found = []
    for path in sorted(glob.glob(str(ROOT / "scenarios" / "*.yaml"))):
        try:
            found.append(load_scenario(path))
        except Exception:  # sweep or MCA specs, not scenarios
            continue
    switches = {switch.name: True for policy in POLICIES for switch in policy.switches}
    for path in (ROOT / "scenarios" / "base.yaml", TOY):
        scenario = load_scenario(path)
        policies = scenario.policies.model_copy(update=switches)
        found.append(scenario.model_copy(update={"policies": policies}))
    return found


@pytest.fixture(scope="module")
def traced():
    """What each stage read, over every scenario: the core's parameters, each core part's
    fields, each policy's parameters, core fields and required policies."""
    from elektra.model.lp import Builder
    from elektra.policies import Variables

    seen: dict[str, set] = {"core:parameters": set()}
    for scenario in _scenarios():
        data = load_data(scenario)
        reading = TracingData(data)
        core = build_core(reading, scenario)
        seen["core:parameters"] |= reading.seen
        coefficients: dict = {}
        builder = Builder(core.discount)
        x = Variables()
        for policy in ordered_policies(scenario):
            reading, fields = TracingData(data), TracingObject(core)
            required = TracingMapping(coefficients)
            coefficients[policy.name] = policy.coefficients(reading, scenario, fields, required)
            seen.setdefault(f"{policy.name}:reads", set()).update(reading.seen)
            seen.setdefault(f"{policy.name}:fields", set()).update(fields.seen)
            seen.setdefault(f"{policy.name}:requires", set()).update(required.seen)
        for name, declare, _ in CORE_PARTS[:1]:
            fields = TracingObject(core)
            x = declare(builder, fields)
            seen.setdefault(name, set()).update(fields.seen)
        for policy in ordered_policies(scenario):
            fields = TracingObject(core)
            policy.define(builder, x, fields, coefficients[policy.name])
            seen[f"{policy.name}:fields"] |= fields.seen
        for name, declare, _ in CORE_PARTS[1:]:
            fields = TracingObject(core)
            declare(builder, x, fields)
            seen.setdefault(name, set()).update(fields.seen)
    return seen


def test_the_core_reads_only_its_declared_parameters(traced):
    assert traced["core:parameters"] <= set(CORE_READS)


@pytest.mark.parametrize("part", [name for name, _, _ in CORE_PARTS])
def test_each_core_part_reads_only_its_declared_fields(traced, part):
    declared = {name: fields for name, _, fields in CORE_PARTS}[part]
    assert traced[part] <= declared, traced[part] - declared


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.name)
def test_each_policy_reads_only_what_it_declares(traced, policy):
    assert traced.get(f"{policy.name}:reads", set()) <= set(policy.reads)
    fields = traced.get(f"{policy.name}:fields", set())
    assert fields <= policy.core_fields, fields - policy.core_fields
    assert traced.get(f"{policy.name}:requires", set()) <= set(policy.requires)


def test_an_undeclared_read_is_refused_by_name():
    data = load_data(load_scenario(TOY))
    view = DeclaredData(data, ("ets_price",), "policy 'x'")
    view.table("ets_price")
    with pytest.raises(UndeclaredRead, match="policy 'x' reads parameter 'capex'"):
        view.table("capex")


def test_policies_are_computed_after_the_ones_they_require():
    scenario = load_scenario(ROOT / "scenarios" / "base.yaml")
    order = [policy.name for policy in ordered_policies(scenario)]
    for policy in ordered_policies(scenario):
        for name in policy.requires:
            if name in order:
                assert order.index(name) < order.index(policy.name)


def test_a_block_declaring_its_core_fields_reads_only_those(base_run):
    """subsidised_output_limit is reused across variants while `availability` is unchanged:
    its rule must read no other field of the core."""
    from elektra.policies.subsidies import subsidised_output_limit

    core = TracingObject(base_run.core)
    block = base_run.lp.rows["subsidised_output_limit"]
    x = type("X", (), {})()
    x.subsidised_output = base_run.lp.columns["subsidised_output"]
    x.subsidised_capacity = base_run.lp.columns["subsidised_capacity"]
    for key in block.keys[:200]:
        subsidised_output_limit(x, core, key)
    assert core.seen == {"availability"}


def test_a_capex_and_ets_variant_of_base_is_the_fresh_build_array_for_array(base_run):
    data = with_overrides(
        base_run.data, {"ets_price": [Override(scale=1.3)], "capex": [Override(scale=0.8)]}
    )
    from elektra.model.build import with_data

    variant = with_data(base_run.built, data)
    fresh = build(base_run.scenario, data).lp
    lp = variant.lp
    assert lp.same_shape(fresh)
    assert np.array_equal(lp.cost, fresh.cost) and lp.offset == fresh.offset
    assert np.array_equal(lp.row_lower, fresh.row_lower)
    assert np.array_equal(lp.row_upper, fresh.row_upper)
    assert (lp.matrix != fresh.matrix).nnz == 0
