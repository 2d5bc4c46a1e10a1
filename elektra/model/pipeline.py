"""The one way through: scenario -> data -> structure -> LP -> solve -> results.

Each stage is a function of the previous stage's value; :func:`run` strings them
together, times them, and explains an infeasible scenario instead of only reporting it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import xarray as xr

from elektra.inputs.config import Scenario, load_scenario
from elektra.inputs.data import Data, load_data
from elektra.model.core import active_policies, build_lp, policy_coefficients, to_pyomo
from elektra.model.diagnose import explain_infeasibility
from elektra.model.incremental import Base
from elektra.model.lp import LinearProgram
from elektra.model.results import build_results
from elektra.model.solve import INFEASIBLE, Solution, SolveError, resolve_in_place, solve_lp
from elektra.model.structure import Core, build_core
from elektra.policies import Policy


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
class FixedPoint:
    """How the solution-dependent coefficients of the policies were settled."""

    #: warm re-solves after the first solve
    iterations: int = 0
    converged: bool = True
    #: the policies whose coefficients were updated, in order of first update
    policies: tuple[str, ...] = ()


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
    fixed_point: FixedPoint = field(default_factory=FixedPoint)

    @cached_property
    def model(self):
        """The LP as a Pyomo model (built on first use)."""
        return to_pyomo(self.lp)


#: Most warm re-solves of a fixed-point iteration before the run gives up and says so.
MAX_FIXED_POINT_ITERATIONS = 60


def solve_to_fixed_point(
    core: Core,
    policies: tuple[Policy, ...],
    coefficients: dict[str, Any],
    lp: LinearProgram,
    solution: Solution,
    max_iterations: int = MAX_FIXED_POINT_ITERATIONS,
    rebuild: Callable[[dict[str, Any]], LinearProgram] | None = None,
) -> tuple[LinearProgram, Solution, FixedPoint]:
    """Re-solve until every policy's coefficients agree with the solution.

    Each iteration asks every policy for coefficients updated from the last solution
    (:meth:`Policy.fixed_point`: a pro-rata rate from the claims the solution makes, say),
    rebuilds the LP from them, checks that its shape did not change, and re-solves it warm
    on the live HiGHS instance with only the changed numbers pushed in
    (:func:`elektra.model.solve.resolve_in_place`). It stops when no policy has an update, or
    after ``max_iterations`` re-solves (then ``converged`` is False). ``coefficients`` is
    updated in place.
    """
    record = FixedPoint()
    updated_by: list[str] = []
    while True:
        updates = {}
        for policy in policies:
            new = policy.fixed_point(core, coefficients[policy.name], solution)
            if new is not None:
                updates[policy.name] = new
        if not updates:
            break
        if record.iterations >= max_iterations:
            record.converged = False
            break
        coefficients.update(updates)
        updated_by += [name for name in updates if name not in updated_by]
        lp = rebuild(coefficients) if rebuild else build_lp(core, policies, coefficients)
        solution = resolve_in_place(solution, lp)
        record.iterations += 1
    record.policies = tuple(updated_by)
    return lp, solution, record


def _fixed_point_note(record: FixedPoint) -> list[str]:
    if not record.policies:
        return []
    names = ", ".join(record.policies)
    if not record.converged:
        return [
            f"fixed point of {names} not reached after {record.iterations} warm re-solves: "
            "the last rates are used (see each policy's note)"
        ]
    plural = "s" if record.iterations != 1 else ""
    return [f"fixed point of {names}: {record.iterations} warm re-solve{plural}"]


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
    # recorded per part, so that a fixed point rebuilds only the parts of the policies
    # whose coefficients it changed (the same LP as build_lp gives, array for array)
    base = Base.declared(scenario, prepared.data, core, policies, coefficients)
    lp = base.lp
    timings["build"] = time.perf_counter() - start
    try:
        solution = solve_lp(lp, scenario.solver, write_model=write_model)
    except SolveError as error:
        if error.termination != INFEASIBLE:
            raise
        reasons = explain_infeasibility(core, policies, coefficients, scenario)
        raise InfeasibleScenario(scenario.name, reasons) from None
    timings.update(solution.timings)
    start = time.perf_counter()
    lp, solution, fixed_point = solve_to_fixed_point(
        core,
        policies,
        coefficients,
        lp,
        solution,
        rebuild=lambda changed: base.build_lp(core, changed, set()),
    )
    if fixed_point.iterations:
        timings["fixed_point"] = time.perf_counter() - start
    extra: dict[str, Any] = {}
    if sensitivity:
        start = time.perf_counter()
        for policy in policies:
            measure = getattr(policy, "sensitivity", None)
            if measure is not None:
                extra.update(measure(core, coefficients[policy.name], solution))
        timings["sensitivity"] = time.perf_counter() - start
    notes = _fixed_point_note(fixed_point)
    notes += [n for p in policies for n in p.notes(core, coefficients[p.name], solution)]
    start = time.perf_counter()
    results = build_results(
        prepared.data, scenario, core, policies, coefficients, solution, extra, notes
    )
    timings["results"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    results.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    results.attrs["fixed_point_iterations"] = fixed_point.iterations
    results.attrs["fixed_point_converged"] = int(fixed_point.converged)
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
        fixed_point=fixed_point,
    )
