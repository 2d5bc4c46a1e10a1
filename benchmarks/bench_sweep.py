"""Benchmark: seconds per variant of a Monte Carlo sweep of base, four ways side by side.

200 Latin-hypercube variants (``--samples``) of the base scenario varying the ETS price and
capex over the dataset's low/high ranges (triangular) and the subsidy budgets by a scale
of 0.5-1.5 (uniform), solved

(a) by rebuilding each variant: ``pipeline.run`` of the variant (data, structure, LP, cold
    solve, results Dataset), timed on the first ``--rebuild`` variants;
(b) in place on one process: :class:`elektra.studies.sweep_run.Worker` (the variant's Data in
    memory, only what changed rebuilt, the changes handed to the live HiGHS instance,
    warm re-solve, key results);
(c) in place on two processes (:func:`elektra.studies.sweep_run.run_variants`), wall time;
(d) raw highspy: the base's written MPS read into HiGHS, and for each variant exactly the
    changes (b) handed over, applied with the same highspy calls and re-solved warm.

The goals of issue 11: (b) within 1.5x of (d); 1,000 variants within 3 minutes on two
cores (extrapolated from (c) unless ``--samples 1000``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import highspy
import numpy as np

from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario
from elektra.inputs.data import load_data
from elektra.model.pipeline import run
from elektra.model.variants import _highs_bounds, changed_entries
from elektra.studies.sweep import base_identity, make_plan, resolve_factors
from elektra.studies.sweep_run import Parts, Setup, Worker, run_variants

ROOT = Path(__file__).resolve().parent.parent


def _rebuild_seconds(setup: Setup, worker: Worker, variants) -> list[float]:
    """pipeline.run of each variant from its Data (made in memory, not timed)."""
    times = []
    for variant in variants:
        data = worker.make_data(variant)
        start = time.perf_counter()
        run(setup.scenario, data=data)
        times.append(time.perf_counter() - start)
    return times


def _record(setup: Setup, variants) -> tuple[list[tuple], list[list[tuple]]]:
    """Every set of changes (b) hands to HiGHS before a re-solve, on a fresh worker solving
    the same variants in the same order: first the base's own fixed-point steps, then per
    variant its LP against the one loaded and each fixed-point step."""
    import elektra.model.variants as variants_module

    original = variants_module.apply_changes
    steps: list[tuple] = []

    def recording(highs, loaded, lp):
        costs = np.nonzero(loaded.cost != lp.cost)[0]
        rows = np.nonzero((loaded.row_lower != lp.row_lower) | (loaded.row_upper != lp.row_upper))[
            0
        ]
        steps.append(
            (
                costs.astype(np.int32),
                lp.cost[costs],
                lp.offset,
                rows.astype(np.int32),
                *_highs_bounds(lp.row_lower[rows], lp.row_upper[rows]),
                changed_entries(loaded.matrix, lp.matrix),
            )
        )
        return original(highs, loaded, lp)

    variants_module.apply_changes = recording
    try:
        worker = Worker(setup)
        base_steps, per_variant = list(steps), []
        for variant in variants:
            steps.clear()
            worker.solve(variant)
            per_variant.append(list(steps))
    finally:
        variants_module.apply_changes = original
    return base_steps, per_variant


def _apply(highs, step) -> None:
    costs, values, offset, rows, lower, upper, (r, c, v) = step
    if len(costs):
        highs.changeColsCost(len(costs), costs, values)
    highs.changeObjectiveOffset(offset)
    if len(rows):
        highs.changeRowsBounds(len(rows), rows, lower, upper)
    for row, column, value in zip(r.tolist(), c.tolist(), v.tolist()):
        highs.changeCoeff(row, column, value)


def _raw_seconds(mps: Path, base_steps: list[tuple], recorded: list[list[tuple]]) -> list[float]:
    """Per variant: its recorded changes applied with highspy, each followed by a warm
    re-solve, on the base read from the written MPS (brought to the base's fixed point by
    its own recorded steps first, untimed)."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.readModel(str(mps))
    highs.run()
    for step in base_steps:
        _apply(highs, step)
        highs.run()
    times = []
    for steps in recorded:
        start = time.perf_counter()
        for step in steps:
            _apply(highs, step)
            highs.run()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--rebuild", type=int, default=20, help="variants timed for (a)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--without", type=int, default=60, help="variants timed without a fixed point"
    )
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / "base.yaml")
    data = load_data(scenario)
    spec = SweepSpec(
        vary=[
            SweepFactor(parameter="ets_price"),
            SweepFactor(parameter="capex"),
            SweepFactor(parameter="subsidy_budget", scale=(0.5, 1.5)),
        ],
        samples=args.samples,
        seed=args.seed,
    )
    factors = resolve_factors(spec, data, "benchmark")
    plan = make_plan(spec, factors, base_identity(scenario, data))
    variants = [v for v in plan.variants if v.kind == "sample"]
    setup = Setup(scenario, data, factors)
    start = time.perf_counter()
    worker = Worker(setup)
    base_seconds = time.perf_counter() - start

    # (b) in place, one process
    in_place, rebuilt, stages = [], 0, []
    for variant in variants:
        outcome = worker.solve(variant)
        in_place.append(outcome.seconds)
        rebuilt += int(outcome.rebuilt)
    # (a) rebuild each
    rebuild = _rebuild_seconds(setup, worker, variants[: args.rebuild])
    # (c) two processes
    with tempfile.TemporaryDirectory() as folder:
        parts = Parts(Path(folder) / "parts", worker.solver.layout, part_size=10_000)
        stamps: list[float] = []
        start = time.perf_counter()
        run_variants(
            setup,
            variants,
            parts,
            processes=2,
            progress=lambda o: stamps.append(time.perf_counter()),
        )
        two = (time.perf_counter() - start) / len(variants)
        # steady state: from the first variant back to the last (the workers' start-up,
        # importing elektra and building the base in each, left out)
        two_solve_only = (stamps[-1] - stamps[0]) / (len(stamps) - 1)
        # (d) raw highspy on the written MPS with the same changes
        mps = Path(folder) / "base.mps"
        from elektra.model.solve import solve_lp

        solve_lp(worker.solver.base.lp, scenario.solver, write_model=mps)
        base_steps, recorded = _record(setup, variants)
        raw = _raw_seconds(mps, base_steps, recorded)
        steps = statistics.median(len(r) for r in recorded)
    # where (b)'s time goes, on a fresh worker: prepare, LP, apply + solve
    probe = Worker(setup)
    for variant in variants[:30]:
        base = probe.solver.base
        t0 = time.perf_counter()
        data_v = probe.make_data(variant)
        t1 = time.perf_counter()
        core, coefficients, changed = base.prepare(data_v)
        t2 = time.perf_counter()
        base.build_lp(core, coefficients, changed)
        t3 = time.perf_counter()
        stages.append((t1 - t0, t2 - t1, t3 - t2))

    median = statistics.median
    b, d = median(in_place), median(raw)
    print(
        f"base: {worker.solver.base.lp.num_columns:,} columns; {len(variants)} Monte Carlo "
        f"variants (LHS, seed {args.seed}) varying ETS price and capex over their data ranges "
        f"and subsidy budgets x0.5-1.5; base built and solved once in {base_seconds:.2f} s"
    )
    print(f"{'way':<58}{'s/variant':>10}")
    print(
        f"{'(a) rebuild: pipeline.run of each (first ' + str(len(rebuild)) + ')':<58}{median(rebuild):>10.3f}"
    )
    print(f"{'(b) in place, 1 process (median)':<58}{b:>10.3f}")
    print(f"{'    of it: variant Data':<58}{median(s[0] for s in stages):>10.3f}")
    print(
        f"{'    of it: core + policy coefficients (what changed)':<58}{median(s[1] for s in stages):>10.3f}"
    )
    print(
        f"{'    of it: LP (parts and blocks that changed)':<58}{median(s[2] for s in stages):>10.3f}"
    )
    print(f"{'(c) in place, 2 processes (wall / variant, with start-up)':<58}{two:>10.3f}")
    print(f"{'    steady state (first to last variant)':<58}{two_solve_only:>10.3f}")
    print(f"{'(d) raw highspy warm re-solve of the same changes (median)':<58}{d:>10.3f}")
    print(f"{'ratio (b) / (d)   (goal <= 1.5)':<58}{b / d:>10.2f}")
    print(f"{'re-solves per variant (1 + fixed-point steps, median)':<58}{steps:>10.0f}")
    print(f"{'variants rebuilt (LP of another shape) in (b)':<58}{rebuilt:>10d}")
    print(
        f"{'1,000 variants on 2 processes (extrapolated from (c))':<58}"
        f"{1000 * two_solve_only / 60:>9.1f} min   (goal <= 3 min)"
    )

    # the same variants where no policy needs a fixed point (IKC-ETS off): one solve each
    without = scenario.model_copy(
        update={"policies": scenario.policies.model_copy(update={"ikc": False})}
    )
    count = min(len(variants), args.without)
    plain = Setup(without, data, factors)
    worker = Worker(plain)
    single = [worker.solve(variant).seconds for variant in variants[:count]]
    with tempfile.TemporaryDirectory() as folder:
        parts = Parts(Path(folder) / "parts", worker.solver.layout, part_size=10_000)
        stamps = []
        run_variants(
            plain,
            variants[:count],
            parts,
            processes=2,
            progress=lambda o: stamps.append(time.perf_counter()),
        )
    steady = (stamps[-1] - stamps[0]) / (len(stamps) - 1)
    print(f"without a fixed point (IKC-ETS off), first {count} of the variants:")
    print(f"{'(b) in place, 1 process (median)':<58}{median(single):>10.3f}")
    print(f"{'(c) in place, 2 processes, steady state':<58}{steady:>10.3f}")
    print(
        f"{'1,000 variants on 2 processes (extrapolated from (c))':<58}"
        f"{1000 * steady / 60:>9.1f} min   (goal <= 3 min)"
    )


if __name__ == "__main__":
    main()
