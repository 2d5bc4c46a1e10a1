"""Benchmark: where the time of a run goes, against HiGHS alone on the same LP.

``make bench`` prints, for a scenario (default: base), the LP's size and the median over a
few repeats of each stage (data, structure, LP assembly, hand-off to HiGHS, HiGHS solve,
extraction, results), then the same LP written to MPS and solved by highspy straight from
the file, and the ratio of elektra's model stages (assembly + hand-off + solve +
extraction) to that raw solve. It also times what elektra does not do on the default
path, so the choice stays measured: building the Pyomo model of the same LP
(:func:`elektra.model.core.to_pyomo`) and solving it with Pyomo's own HiGHS interface. Last,
the time ``elektra --help`` takes in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import highspy

from elektra.inputs.config import load_scenario
from elektra.model.core import build_lp, to_pyomo
from elektra.model.pipeline import prepare
from elektra.model.results import build_results
from elektra.model.solve import solve_lp

ROOT = Path(__file__).resolve().parent.parent


def _raw_highs(path: Path) -> tuple[float, float, int, int]:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.readModel(str(path))
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    lp = highs.getLp()
    return seconds, highs.getInfo().objective_function_value, lp.num_col_, lp.num_row_


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
    pyomo_build: list[float] = []
    pyomo_solve: list[float] = []
    size = (0, 0, 0)
    with tempfile.TemporaryDirectory() as folder:
        mps = Path(folder) / "model.mps"
        for repeat in range(args.repeats):
            prepared = prepare(scenario)
            timings = dict(prepared.timings)
            start = time.perf_counter()
            lp = build_lp(prepared.core, prepared.policies, prepared.coefficients)
            timings["build"] = time.perf_counter() - start
            solution = solve_lp(lp, scenario.solver, write_model=mps if repeat == 0 else None)
            timings.update(solution.timings)
            start = time.perf_counter()
            build_results(
                prepared.data,
                scenario,
                prepared.core,
                prepared.policies,
                prepared.coefficients,
                solution,
            )
            timings["results"] = time.perf_counter() - start
            for stage, seconds in timings.items():
                stages.setdefault(stage, []).append(seconds)
            seconds, objective, columns, rows = _raw_highs(mps)
            raw.append(seconds)
            size = (columns, rows, lp.matrix.nnz)
            assert abs(objective - solution.objective) <= 1e-6 * max(1.0, abs(objective))
            built, solved = _pyomo_path(lp)
            pyomo_build.append(built)
            pyomo_solve.append(solved)

    median = {stage: statistics.median(values) for stage, values in stages.items()}
    raw_solve = statistics.median(raw)
    model_time = sum(median[s] for s in ("build", "hand_off", "solve", "extract"))
    total = sum(median.values())
    print(
        f"scenario {args.scenario}: {size[0]:,} columns, {size[1]:,} rows, {size[2]:,} nonzeros; "
        f"median of {args.repeats} runs, 1 thread"
    )
    print(f"{'stage':<44}{'seconds':>10}")
    labels = {
        "data": "data (CSV -> arrays, pint)",
        "structure": "structure (core index sets, policy coefficients)",
        "build": "LP assembly (core + policy rules -> arrays)",
        "hand_off": "hand-off to HiGHS (arrays)",
        "solve": "HiGHS solve",
        "extract": "result extraction (values, duals)",
        "results": "results Dataset",
    }
    for stage, label in labels.items():
        print(f"{label:<44}{median[stage]:>10.3f}")
    print(f"{'total':<44}{total:>10.3f}")
    print(f"{'raw HiGHS on the written MPS':<44}{raw_solve:>10.3f}")
    print(
        f"{'ratio model stages / raw solve':<44}{model_time / raw_solve:>10.2f}"
        "   (assembly + hand-off + solve + extraction; goal <= 2.5)"
    )
    print(f"{'ratio whole run / raw solve':<44}{total / raw_solve:>10.2f}")
    print(f"{'Pyomo model of the same LP (to_pyomo)':<44}{statistics.median(pyomo_build):>10.3f}")
    print(f"{'Pyomo highs interface: hand-off + solve':<44}{statistics.median(pyomo_solve):>10.3f}")
    print(f"{'elektra --help (fresh interpreter)':<44}{_help_seconds():>10.3f}")


if __name__ == "__main__":
    main()
