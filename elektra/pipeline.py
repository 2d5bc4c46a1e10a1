"""The one way through: scenario -> data -> structure -> LP -> solve -> results.

Each stage is a function of the previous stage's value; :func:`run` strings them
together, times them, and explains an infeasible scenario instead of only reporting it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import xarray as xr

from elektra.config import Scenario, load_scenario
from elektra.data import Data, load_data
from elektra.diagnose import explain_infeasibility
from elektra.lp import LinearProgram
from elektra.model import active_policies, build_lp, policy_coefficients, to_pyomo
from elektra.policies import Policy
from elektra.results import build_results
from elektra.solve import INFEASIBLE, Solution, SolveError, solve_lp
from elektra.structure import Core, build_core


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
class Prepared:
    """A scenario ready to be built: its data, core structure and policy coefficients."""

    scenario: Scenario
    data: Data
    core: Core
    policies: tuple[Policy, ...]
    coefficients: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Run:
    """A solved scenario: its inputs, structure, LP, solution and results Dataset."""

    scenario: Scenario
    data: Data
    core: Core
    policies: tuple[Policy, ...]
    coefficients: dict[str, Any]
    lp: LinearProgram
    solution: Solution
    results: xr.Dataset
    notes: list[str]
    timings: dict[str, float] = field(default_factory=dict)

    @cached_property
    def model(self):
        """The LP as a Pyomo model (built on first use)."""
        return to_pyomo(self.lp)


def prepare(scenario: Scenario, data: Data | None = None) -> Prepared:
    """Load the data and compute the core structure and the policies' coefficients.

    ``data`` given (a sweep's variant, made in memory) is used instead of loading it.
    """
    timings = {}
    start = time.perf_counter()
    data = load_data(scenario) if data is None else data
    timings["data"] = time.perf_counter() - start
    start = time.perf_counter()
    core = build_core(data, scenario)
    coefficients = policy_coefficients(data, scenario, core)
    timings["structure"] = time.perf_counter() - start
    return Prepared(scenario, data, core, active_policies(scenario), coefficients, timings)


def run(
    scenario: Scenario | str | Path,
    write_model: str | Path | None = None,
    sensitivity: bool = False,
    data: Data | None = None,
) -> Run:
    """Solve a scenario and return its results; raise InfeasibleScenario with reasons.

    ``sensitivity`` adds each policy's warm re-solve sensitivities (for subsidies: the
    CO2 avoided per extra MEUR of each binding budget). ``data``: the scenario's Data
    already in memory (e.g. a sweep variant's), instead of loading the dataset.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    prepared = prepare(scenario, data)
    core, policies, coefficients = prepared.core, prepared.policies, prepared.coefficients
    timings = prepared.timings
    start = time.perf_counter()
    lp = build_lp(core, policies, coefficients)
    timings["build"] = time.perf_counter() - start
    try:
        solution = solve_lp(lp, scenario.solver, write_model=write_model)
    except SolveError as error:
        if error.termination != INFEASIBLE:
            raise
        reasons = explain_infeasibility(core, policies, coefficients, scenario)
        raise InfeasibleScenario(scenario.name, reasons) from None
    timings.update(solution.timings)
    extra: dict[str, Any] = {}
    if sensitivity:
        start = time.perf_counter()
        for policy in policies:
            measure = getattr(policy, "sensitivity", None)
            if measure is not None:
                extra.update(measure(core, coefficients[policy.name], solution))
        timings["sensitivity"] = time.perf_counter() - start
    notes = [n for p in policies for n in p.notes(core, coefficients[p.name], solution)]
    start = time.perf_counter()
    results = build_results(
        prepared.data, scenario, core, policies, coefficients, solution, extra, notes
    )
    timings["results"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    results.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    return Run(
        scenario=scenario,
        data=prepared.data,
        core=core,
        policies=policies,
        coefficients=coefficients,
        lp=lp,
        solution=solution,
        results=results,
        notes=notes,
        timings=timings,
    )
