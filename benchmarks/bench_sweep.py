"""Benchmark: seconds per variant of a Monte Carlo sweep of base, on the path users run.

Latin-hypercube variants (``--samples``) of the base scenario varying the ETS price and
capex over the dataset's low/high ranges (triangular) and the subsidy budgets by a scale
of 0.5-1.5 (uniform), every variant settled through the IKC-ETS fixed point, solved

(a) by a fresh run of each variant: ``pipeline.run`` of the variant's data (build, cold
    solve, fixed point, full results), timed on the first ``--rebuild`` variants;
(b) in place on one process: :class:`elektra.studies.sweep_run.Worker` (the variant's data
    in memory, only the stages and parts its change reaches rebuilt, the differences
    handed to the live HiGHS instance, the reference's basis set, the fixed point, the
    sweep's selection of the run's results);
(c) in place on two processes (:func:`elektra.studies.sweep_run.run_variants`), wall time;
(d) highspy alone: exactly the calls (b) made on HiGHS (changes, basis, solves), replayed
    (:mod:`benchmarks.replay`).

Goals (issue 16): (b) within 1.5x of (d); 1,000 variants within 5 minutes on two
processes (extrapolated from the steady state of (c) unless ``--samples 1000``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay import recording, replay  # noqa: E402

from elektra.inputs.config import SweepFactor, SweepSpec, load_scenario  # noqa: E402
from elektra.inputs.data import load_data  # noqa: E402
from elektra.model.pipeline import run  # noqa: E402
from elektra.studies.sweep import base_identity, make_plan, resolve_factors  # noqa: E402
from elektra.studies.sweep_run import Parts, Setup, Worker, run_variants  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _in_place(setup: Setup, variants) -> tuple[Worker, list[float], list[float], list[int]]:
    """(b) and (d): per variant elektra's seconds, highspy's seconds, and the solves."""
    start = time.perf_counter()
    worker = Worker(setup)
    worker.started = time.perf_counter() - start
    ours, raw, solves = [], [], []
    for variant in variants:
        with recording() as events:
            outcome = worker.solve(variant)
        ours.append(outcome.seconds)
        # the replay needs the LP the instance held before: pass it first, untimed
        held = [("pass", 0, _held(worker))] if events else []
        replayed = replay(held + [(k, 0, p) for k, _, p in events])
        raw.append(replayed["solve"] + replayed["change"])
        solves.append(int(replayed["solves"]))
    return worker, ours, raw, solves


_LAST: dict[int, object] = {}


def _held(worker: Worker):
    """The LP the worker's instance held before the variant, as highspy takes it."""
    from elektra.model.solve import highs_lp

    lp = _LAST.get(id(worker), worker.variants.reference.built.lp)
    _LAST[id(worker)] = worker.variants.live.lp
    return highs_lp(lp)


def _two_processes(setup: Setup, variants) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        template = Worker(setup).template
        parts = Parts(Path(folder) / "parts", template, part_size=10_000)
        stamps: list[float] = []
        start = time.perf_counter()
        run_variants(
            setup,
            variants,
            parts,
            processes=2,
            progress=lambda o: stamps.append(time.perf_counter()),
        )
        wall = (time.perf_counter() - start) / len(variants)
    steady = (stamps[-1] - stamps[0]) / max(1, len(stamps) - 1)
    return wall, steady


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--rebuild", type=int, default=10, help="variants timed for (a)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--without", type=int, default=40, help="variants timed without a fixed point"
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

    worker, ours, raw, solves = _in_place(setup, variants)
    started = worker.started
    fresh = []
    for variant in variants[: args.rebuild]:
        variant_data = worker.make_data(variant)
        start = time.perf_counter()
        run(scenario, data=variant_data)
        fresh.append(time.perf_counter() - start)
    two, steady = _two_processes(setup, variants)

    median = statistics.median
    b, d = median(ours), median(raw)
    print(
        f"base: {worker.variants.reference.built.lp.num_columns:,} columns; {len(variants)} "
        f"Monte Carlo variants (LHS, seed {args.seed}) varying ETS price and capex over their "
        f"data ranges and subsidy budgets x0.5-1.5; base built and settled once in "
        f"{started:.2f} s"
    )
    print(f"{'way':<60}{'s/variant':>10}")
    print(f"{'(a) fresh run of each (first ' + str(len(fresh)) + ')':<60}{median(fresh):>10.3f}")
    print(f"{'(b) in place, 1 process (median)':<60}{b:>10.3f}")
    print(f"{'    mean':<60}{statistics.fmean(ours):>10.3f}")
    print(f"{'(c) in place, 2 processes (wall / variant, with start-up)':<60}{two:>10.3f}")
    print(f"{'    steady state (first to last variant)':<60}{steady:>10.3f}")
    print(f"{'(d) highspy alone, the same changes and solves (median)':<60}{d:>10.3f}")
    print(f"{'ratio (b) / (d) of the medians   (goal <= 1.5)':<60}{b / d:>10.2f}")
    print(f"{'ratio of the totals':<60}{sum(ours) / sum(raw):>10.2f}")
    print(f"{'solves per variant (1 + fixed-point steps, median)':<60}{median(solves):>10.0f}")
    print(
        f"{'1,000 variants on 2 processes (extrapolated from (c))':<60}"
        f"{1000 * steady / 60:>9.1f} min   (goal <= 5 min)"
    )

    without = scenario.model_copy(
        update={"policies": scenario.policies.model_copy(update={"ikc": False})}
    )
    plain = Setup(without, data, factors)
    count = min(len(variants), args.without)
    _, single, raw_single, _ = _in_place(plain, variants[:count])
    _, steady = _two_processes(plain, variants[:count])
    print(f"without a fixed point (IKC-ETS off), first {count} of the variants:")
    print(f"{'(b) in place, 1 process (median)':<60}{median(single):>10.3f}")
    print(f"{'(d) highspy alone (median)':<60}{median(raw_single):>10.3f}")
    print(f"{'(c) in place, 2 processes, steady state':<60}{steady:>10.3f}")
    print(
        f"{'1,000 variants on 2 processes (extrapolated from (c))':<60}"
        f"{1000 * steady / 60:>9.1f} min"
    )


if __name__ == "__main__":
    main()
