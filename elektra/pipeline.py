"""The one way through: scenario -> data -> structure -> model -> solve -> results.

Each stage is a function of the previous stage's value; :func:`run` strings them
together, times them, and explains an infeasible scenario instead of only reporting it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import xarray as xr

from elektra.config import Scenario, load_scenario
from elektra.data import Data, load_data
from elektra.diagnose import explain_infeasibility
from elektra.model import build_model
from elektra.policy import build_policy_structure
from elektra.results import build_results
from elektra.solve import INFEASIBLE, Solution, SolveError, resolve_with_rhs_change, solve_model
from elektra.structure import Structure, build_structure


class InfeasibleScenario(RuntimeError):
    """A scenario whose constraints conflict; the message says which, where, how much.

    ``reasons`` holds one line per conflicting constraint, for a caller that formats them.
    """

    def __init__(self, name: str, reasons: list[str]):
        super().__init__(
            f"scenario {name!r} is infeasible:\n" + "\n".join(f"  - {r}" for r in reasons)
        )
        self.name = name
        self.reasons = list(reasons)


@dataclass
class Run:
    """A solved scenario: its inputs, structure and results Dataset, and the timings."""

    scenario: Scenario
    data: Data
    structure: Structure
    results: xr.Dataset
    timings: dict[str, float] = field(default_factory=dict)


def prepare(scenario: Scenario) -> tuple[Data, Structure, dict[str, float]]:
    """Load the data and compute the LP structure of a scenario."""
    timings = {}
    start = time.perf_counter()
    data = load_data(scenario)
    timings["data"] = time.perf_counter() - start
    start = time.perf_counter()
    structure = build_structure(data, scenario)
    structure.policy = build_policy_structure(data, scenario, structure)
    timings["structure"] = time.perf_counter() - start
    return data, structure, timings


def total_emissions(st: Structure, values: dict[str, dict[tuple, float]]) -> float:
    """Direct CO2 over the horizon (Mt) of a set of activity values."""
    return sum(
        st.gross_emission_factor[(r, y)] * (1 - st.capture_rate[r]) * level
        for (s, c, r, y), level in values.get("activity", {}).items()
    )


def budget_sensitivity(st: Structure, solution: Solution) -> dict[tuple, float]:
    """CO2 avoided (t) per extra MEUR of each binding subsidy budget, by a warm re-solve.

    The budget is raised by 1 % (at least 1 MEUR); the change in horizon emissions over
    the change in budget is reported. Budgets whose dual is zero avoid nothing.
    """
    avoided = {}
    base = total_emissions(st, solution.values)
    for (instrument, year), dual in solution.duals.get("subsidy_budget", {}).items():
        if dual > -1e-9:
            avoided[(instrument, year)] = 0.0
            continue
        delta = max(1.0, 0.01 * st.policy["subsidy"]["budget"][(instrument, year)])
        values = resolve_with_rhs_change(solution, "subsidy_budget", (instrument, year), delta)
        if values is not None:
            avoided[(instrument, year)] = (base - total_emissions(st, values)) * 1e6 / delta
    return avoided


def run(
    scenario: Scenario | str | Path,
    write_model: str | Path | None = None,
    sensitivity: bool = False,
) -> Run:
    """Solve a scenario and return its results; raise InfeasibleScenario with reasons.

    ``sensitivity`` adds the CO2 avoided per extra MEUR of each binding subsidy budget
    (one warm re-solve per binding budget).
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    data, structure, timings = prepare(scenario)
    start = time.perf_counter()
    model = build_model(structure)
    timings["build"] = time.perf_counter() - start
    try:
        solution = solve_model(model, scenario.solver, write_model=write_model)
    except SolveError as error:
        if error.termination != INFEASIBLE:
            raise
        reasons = explain_infeasibility(structure, scenario, data)
        raise InfeasibleScenario(scenario.name, reasons) from None
    timings.update(solution.timings)
    avoided = None
    if sensitivity:
        start = time.perf_counter()
        avoided = budget_sensitivity(structure, solution)
        timings["sensitivity"] = time.perf_counter() - start
    start = time.perf_counter()
    results = build_results(data, scenario, structure, solution, avoided=avoided)
    timings["results"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    results.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    return Run(scenario=scenario, data=data, structure=structure, results=results, timings=timings)
