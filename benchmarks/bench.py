"""Benchmark: where the time of a run goes, against HiGHS alone on the same solves.

``make bench`` prints, for a scenario (default: base), the LP's size and the median over a
few repeats of each stage of ``elektra run`` as users run it (data, build, hand-off, HiGHS
solve, the policies' fixed point of warm re-solves, results). Then the same sequence of
solves done with highspy alone (:mod:`benchmarks.replay`: the first LP passed once, each
fixed-point step's changes applied with highspy's calls and re-solved warm), and the ratio
of elektra's model stages (build + hand-off + solve + fixed point) to it. It also times what
elektra does not do on the default path, so the choice stays measured: building the Pyomo
model of the same LP (:func:`elektra.model.core.to_pyomo`) and solving it with Pyomo's own
HiGHS interface. Last, the time ``elektra --help`` takes in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay import recording, replay  # noqa: E402

from elektra.inputs.config import load_scenario  # noqa: E402
from elektra.model.core import to_pyomo  # noqa: E402
from elektra.model.pipeline import run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _pyomo_path(lp) -> tuple[float, float]:
    """Seconds to build the Pyomo model of the LP, and to solve it with Pyomo's HiGHS."""
    from pyomo.contrib.solver.common.factory import SolverFactory

    start = time.perf_counter()
    model = to_pyomo(lp)
    built = time.perf_counter() - start
    solver = SolverFactory("highs")
    start = time.perf_counter()
    solver.solve(model, solver_options={"threads": 1})
    return built, time.perf_counter() - start


def _help_seconds(repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "elektra", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="base")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")

    stages: dict[str, list[float]] = {}
    raw: list[float] = []
    solves: list[int] = []
    pyomo_build: list[float] = []
    pyomo_solve: list[float] = []
    for _ in range(args.repeats):
        with recording() as events:
            result = run(scenario)
        for stage, seconds in result.timings.items():
            stages.setdefault(stage, []).append(seconds)
        replayed = replay(events)
        raw.append(replayed["solve"] + replayed["change"])
        solves.append(int(replayed["solves"]))
        built, solved = _pyomo_path(result.lp)
        pyomo_build.append(built)
        pyomo_solve.append(solved)
    lp = result.lp
    median = {stage: statistics.median(values) for stage, values in stages.items()}
    median.setdefault("fixed_point", 0.0)
    raw_solve = statistics.median(raw)
    model_time = sum(median[s] for s in ("build", "hand_off", "solve", "extract", "fixed_point"))
    print(
        f"scenario {args.scenario}: {lp.num_columns:,} columns, {lp.num_rows:,} rows, "
        f"{lp.matrix.nnz:,} nonzeros; median of {args.repeats} runs, 1 thread; "
        f"{statistics.median(solves)} solves (1 + the fixed point's warm re-solves)"
    )
    print(f"{'stage of elektra run':<52}{'seconds':>10}")
    labels = {
        "data": "data (CSV -> arrays, pint)",
        "build": "build (core, policy coefficients, LP assembly)",
        "hand_off": "hand-off to HiGHS (arrays, then changes)",
        "solve": "HiGHS first solve",
        "extract": "solution extraction (values, duals)",
        "fixed_point": "fixed point (rebuild parts, push, warm re-solves)",
        "results": "results Dataset",
    }
    for stage, label in labels.items():
        print(f"{label:<52}{median.get(stage, 0.0):>10.3f}")
    print(f"{'total':<52}{median['total']:>10.3f}")
    print(f"{'highspy alone, the same solves and changes':<52}{raw_solve:>10.3f}")
    print(
        f"{'ratio model stages / highspy alone':<52}{model_time / raw_solve:>10.2f}"
        "   (build + hand-off + solves + fixed point; goal <= 2.5)"
    )
    print(f"{'ratio whole run / highspy alone':<52}{median['total'] / raw_solve:>10.2f}")
    print(f"{'Pyomo model of the same LP (to_pyomo)':<52}{statistics.median(pyomo_build):>10.3f}")
    print(f"{'Pyomo highs interface: hand-off + solve':<52}{statistics.median(pyomo_solve):>10.3f}")
    print(f"{'elektra --help (fresh interpreter)':<52}{_help_seconds():>10.3f}")


if __name__ == "__main__":
    main()
