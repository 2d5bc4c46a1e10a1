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
from elektra.solve import INFEASIBLE, SolveError, solve_model
from elektra.structure import Structure, build_structure


class InfeasibleScenario(RuntimeError):
    """A scenario whose constraints conflict; the message says which, where, how much."""


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


def run(scenario: Scenario | str | Path, write_model: str | Path | None = None) -> Run:
    """Solve a scenario and return its results; raise InfeasibleScenario with reasons."""
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
        raise InfeasibleScenario(
            f"scenario {scenario.name!r} is infeasible:\n" + "\n".join(f"  - {r}" for r in reasons)
        ) from None
    timings.update(solution.timings)
    start = time.perf_counter()
    results = build_results(data, scenario, structure, solution)
    timings["results"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    results.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    return Run(scenario=scenario, data=data, structure=structure, results=results,
               timings=timings)
