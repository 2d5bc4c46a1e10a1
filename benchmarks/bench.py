"""Benchmark: where the time of a base run goes, against HiGHS alone on the same LP.

``make bench`` prints, for a scenario (default: base), the median over a few repeats of
each stage (data, structure, Pyomo build, hand-off to HiGHS, HiGHS solve, extraction,
results), then the same LP written to MPS and solved by highspy straight from the file,
and the ratio of elektra's model time (build + hand-off + solve + extraction) and of its
whole run to that raw solve. It also times Pyomo's own persistent HiGHS interface for the
same model, the hand-off elektra does not use, so the choice stays measured.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import highspy

from elektra.config import load_scenario
from elektra.model import build_model
from elektra.pipeline import budget_sensitivity, prepare
from elektra.results import build_results
from elektra.solve import solve_model

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


def _pyomo_persistent(model) -> float:
    from pyomo.contrib.solver.common.factory import SolverFactory

    solver = SolverFactory("highs")
    start = time.perf_counter()
    solver.solve(model, solver_options={"threads": 1})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="base")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")

    stages: dict[str, list[float]] = {}
    raw: list[float] = []
    persistent: list[float] = []
    size = (0, 0)
    with tempfile.TemporaryDirectory() as folder:
        mps = Path(folder) / "model.mps"
        for repeat in range(args.repeats):
            data, structure, timings = prepare(scenario)
            start = time.perf_counter()
            model = build_model(structure)
            timings["build"] = time.perf_counter() - start
            solution = solve_model(model, scenario.solver, write_model=mps if repeat == 0 else None)
            timings.update(solution.timings)
            start = time.perf_counter()
            avoided = budget_sensitivity(structure, solution)
            timings["sensitivity"] = time.perf_counter() - start
            start = time.perf_counter()
            build_results(data, scenario, structure, solution, avoided=avoided)
            timings["results"] = time.perf_counter() - start
            for stage, seconds in timings.items():
                stages.setdefault(stage, []).append(seconds)
            seconds, objective, columns, rows = _raw_highs(mps)
            raw.append(seconds)
            size = (columns, rows)
            assert abs(objective - solution.objective) <= 1e-6 * max(1.0, abs(objective))
            persistent.append(_pyomo_persistent(build_model(structure)))

    median = {stage: statistics.median(values) for stage, values in stages.items()}
    raw_solve = statistics.median(raw)
    model_time = sum(median[s] for s in ("build", "hand_off", "solve", "extract"))
    total = sum(median.values())
    print(
        f"scenario {args.scenario}: {size[0]:,} columns, {size[1]:,} rows; "
        f"median of {args.repeats} runs, 1 thread"
    )
    print(f"{'stage':<34}{'seconds':>10}")
    labels = {
        "data": "data (CSV -> arrays, pint)",
        "structure": "structure (index sets, coefficients)",
        "build": "model build (Pyomo)",
        "hand_off": "hand-off to HiGHS (standard form)",
        "solve": "HiGHS solve",
        "extract": "result extraction (values, duals)",
        "sensitivity": "budget sensitivity (warm re-solves)",
        "results": "results Dataset",
    }
    for stage, label in labels.items():
        print(f"{label:<34}{median[stage]:>10.3f}")
    print(f"{'total':<34}{total:>10.3f}")
    print(f"{'raw HiGHS on the written MPS':<34}{raw_solve:>10.3f}")
    print(
        f"{'Pyomo persistent highs (hand-off + solve)':<34}{statistics.median(persistent):>10.3f}"
        f"   vs elektra hand-off + solve {median['hand_off'] + median['solve']:.3f}"
    )
    print(
        f"ratio model time / raw solve      {model_time / raw_solve:10.2f}  "
        "(build + hand-off + solve + extraction)"
    )
    print(f"ratio whole run / raw solve       {total / raw_solve:10.2f}")


if __name__ == "__main__":
    main()
