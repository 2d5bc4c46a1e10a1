"""The one way through: scenario -> data -> structure -> LP -> solve with the policies'
fixed point -> results.

Every study goes this way. :func:`run` builds a scenario (:mod:`elektra.model.build`),
settles it (:func:`settle`: solve, then re-solve warm until the policies' coefficients
agree with the solution) and makes its results Dataset. :class:`Variants` does the same
for many variants of one scenario: a sweep variant, an MCA exclusion is a variant's data,
built by the same assembly (only the parts the change reaches are rebuilt, the LP array for
array a fresh build's), settled by the same :func:`settle` from a cold first solve, and
reported by the same results builder, so it gives exactly what ``elektra run`` of the same
inputs gives, on any worker and in any order (tested on one and two processes). A budget
sensitivity is the settled run with a policy's coefficients moved, re-settled warm.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import xarray as xr

from elektra.inputs.config import Scenario, load_scenario
from elektra.inputs.data import Data
from elektra.model.build import Built, build, with_coefficients, with_data
from elektra.model.diagnose import explain_infeasibility
from elektra.model.lp import LinearProgram
from elektra.model.results import build_results
from elektra.model.solve import INFEASIBLE, LiveLP, Solution, SolveError, write_lp


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


#: Most warm re-solves of a fixed point before the run gives up and says so.
MAX_FIXED_POINT_ITERATIONS = 60


@dataclass
class FixedPoint:
    """How the solution-dependent coefficients of the policies were settled."""

    #: warm re-solves after the first solve
    iterations: int = 0
    converged: bool = True
    #: the policies whose coefficients were updated, in order of first update
    policies: tuple[str, ...] = ()
    #: the policies still moving when the iterations ran out
    unsettled: tuple[str, ...] = ()

    def notes(self) -> list[str]:
        if not self.policies:
            return []
        names = ", ".join(self.policies)
        if not self.converged:
            return [
                f"fixed point of {', '.join(self.unsettled)} NOT reached after "
                f"{self.iterations} warm re-solves: the last rates are used and the "
                "results do not satisfy the budget rules exactly (see each policy's note)"
            ]
        plural = "s" if self.iterations != 1 else ""
        return [f"fixed point of {names}: {self.iterations} warm re-solve{plural}"]


@dataclass
class Settled:
    """A build solved to its fixed point."""

    built: Built
    solution: Solution
    fixed_point: FixedPoint
    timings: dict[str, float] = field(default_factory=dict)


def settle(
    built: Built,
    live: LiveLP,
    basis=None,
    max_iterations: int = MAX_FIXED_POINT_ITERATIONS,
    view: Callable[[LinearProgram], LinearProgram] | None = None,
) -> Settled:
    """Solve ``built`` on ``live`` and re-solve until the policies' coefficients agree.

    The LP is loaded into ``live`` (only what differs from the LP it holds) and solved, from
    ``basis`` when given. Then each iteration asks every policy for coefficients updated
    from the solution (:meth:`Policy.fixed_point`: a pro-rata rate from the claims the
    solution makes, say), rebuilds the parts of the policies that answered, and re-solves
    warm. It stops when no policy has an update; after ``max_iterations`` re-solves it
    stops with ``converged`` False and the policies still moving named. Raises
    :class:`SolveError` when a solve is not optimal. ``view`` turns each LP into the one
    solved (a myopic step's window, :mod:`elektra.model.foresight`).
    """

    def load(lp: LinearProgram) -> dict[str, float]:
        return live.load(view(lp) if view is not None else lp)

    timings = dict(load(built.lp))
    if basis is not None:
        live.set_basis(basis)
    solution = live.solve()
    for name, seconds in solution.timings.items():
        timings[name] = timings.get(name, 0.0) + seconds
    record = FixedPoint()
    updated_by: list[str] = []
    start = time.perf_counter()
    while True:
        updates = {}
        for policy in built.policies:
            new = policy.fixed_point(built.core, built.coefficients[policy.name], solution)
            if new is not None:
                updates[policy.name] = new
        if not updates:
            break
        if record.iterations >= max_iterations:
            record.converged = False
            record.unsettled = tuple(updates)
            break
        updated_by += [name for name in updates if name not in updated_by]
        built = with_coefficients(built, updates)
        load(built.lp)
        solution = live.solve()
        record.iterations += 1
    record.policies = tuple(updated_by)
    if record.iterations:
        timings["fixed_point"] = time.perf_counter() - start
    return Settled(built, solution, record, timings)


@dataclass
class Run:
    """A solved scenario: its inputs, structure, settled LP, solution and results."""

    built: Built
    solution: Solution
    results: xr.Dataset
    notes: list[str]
    timings: dict[str, float] = field(default_factory=dict)
    fixed_point: FixedPoint = field(default_factory=FixedPoint)

    @property
    def scenario(self) -> Scenario:
        return self.built.scenario

    @property
    def data(self) -> Data:
        return self.built.data

    @property
    def core(self):
        return self.built.core

    @property
    def policies(self):
        return self.built.policies

    @property
    def coefficients(self) -> dict[str, Any]:
        """The coefficients the settled LP was built from."""
        return self.built.coefficients

    @property
    def lp(self):
        """The settled LP: the one whose solution the results report."""
        return self.built.lp

    @cached_property
    def model(self):
        """The settled LP as a Pyomo model (built on first use)."""
        from elektra.model.core import to_pyomo

        return to_pyomo(self.lp)


def solve_scenario(built: Built, live: LiveLP, basis=None) -> Settled:
    """Settle a build as its scenario's foresight says: at once (perfect foresight, from
    ``basis`` when given) or year by year (myopic, :mod:`elektra.model.foresight`)."""
    if built.scenario.foresight.mode == "myopic":
        from elektra.model.foresight import settle_myopic

        return settle_myopic(built, live)
    return settle(built, live, basis)


def _explained(built: Built) -> InfeasibleScenario:
    reasons = explain_infeasibility(built.core, built.policies, built.initial, built.scenario)
    return InfeasibleScenario(built.scenario.name, reasons)


def _results(
    settled: Settled,
    extra: Mapping[str, Any] | None = None,
    select: Collection[str] | None = None,
) -> tuple[xr.Dataset, list[str]]:
    built, solution = settled.built, settled.solution
    notes = settled.fixed_point.notes()
    foresight = built.scenario.foresight
    if foresight.mode == "myopic":
        notes.append(
            f"myopic foresight: solved year by year, each year seeing {foresight.window} "
            "year(s) ahead at its own prices and costs; a projection, not a cost-optimal plan"
        )
    notes += [
        n for p in built.policies for n in p.notes(built.core, built.coefficients[p.name], solution)
    ]
    results = build_results(
        built.data,
        built.scenario,
        built.core,
        built.policies,
        built.coefficients,
        solution,
        extra,
        notes,
        select=select,
    )
    results.attrs["fixed_point_iterations"] = settled.fixed_point.iterations
    results.attrs["fixed_point_converged"] = int(settled.fixed_point.converged)
    foresight = built.scenario.foresight
    results.attrs["foresight"] = foresight.mode
    results.attrs["reading"] = "projection" if foresight.mode == "myopic" else "plan"
    if foresight.mode == "myopic":
        results.attrs["foresight_window"] = foresight.window
    return results, notes


def _sensitivities(settled: Settled, live: LiveLP, basis) -> dict[str, Any]:
    """Each policy's sensitivities: each a re-settle of the settled build with some of
    its coefficients moved, through :func:`settle`."""
    built = settled.built

    def resettle(updates: Mapping[str, Any]) -> Solution | None:
        try:
            return settle(with_coefficients(built, updates), live, basis).solution
        except SolveError:
            return None

    extra: dict[str, Any] = {}
    for policy in built.policies:
        measure = getattr(policy, "sensitivity", None)
        if measure is not None:
            extra.update(
                measure(built.core, built.coefficients[policy.name], settled.solution, resettle)
            )
    return extra


def run(
    scenario: Scenario | str | Path,
    write_model: str | Path | None = None,
    sensitivity: bool = False,
    data: Data | None = None,
) -> Run:
    """Solve a scenario and return its results; raise InfeasibleScenario with reasons.

    ``write_model`` writes the settled LP (the one the results report, the fixed point's
    coefficients in it; with myopic foresight, the scenario's LP with every decision fixed)
    to an ``.mps`` or ``.lp`` file. ``sensitivity`` adds each policy's
    sensitivities (for subsidies: the CO2 avoided per extra MEUR of each binding budget),
    each one re-settled through the same fixed point. ``data``: the scenario's Data
    already in memory (e.g. a sweep variant's), instead of loading the dataset.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    if data is None:
        from elektra.inputs.data import load_data

        data = load_data(scenario)
        timings["data"] = time.perf_counter() - start
        start = time.perf_counter()
    built = build(scenario, data)
    timings["build"] = time.perf_counter() - start
    live = LiveLP(scenario.solver)
    try:
        settled = solve_scenario(built, live)
    except SolveError as error:
        if error.termination != INFEASIBLE:
            raise
        raise _explained(built) from None
    timings.update(settled.timings)
    if write_model is not None:
        write_lp(settled.solution.lp, write_model)
    extra: dict[str, Any] = {}
    if sensitivity:
        start = time.perf_counter()
        extra = _sensitivities(settled, live, live.basis())
        timings["sensitivity"] = time.perf_counter() - start
    start = time.perf_counter()
    results, notes = _results(settled, extra)
    timings["results"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    results.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    return Run(
        built=settled.built,
        solution=settled.solution,
        results=results,
        notes=notes,
        timings=timings,
        fixed_point=settled.fixed_point,
    )


@dataclass
class Outcome:
    """What one variant gave: its results (a selection of the run's), or why none."""

    termination: str
    reason: str = ""
    results: xr.Dataset | None = None
    seconds: float = 0.0
    #: warm re-solves of the variant's fixed point
    iterations: int = 0
    #: the variant's LP has another shape than the reference's (other columns or rows)
    rebuilt: bool = False
    #: the caller's label of the variant
    key: str = ""

    @property
    def optimal(self) -> bool:
        return self.results is not None


class Variants:
    """A scenario built and settled once (the reference), and variants of it solved on
    the same HiGHS instance through the same build, :func:`settle` and results.

    A variant is other data (:meth:`solve`): only the stages and parts of the LP whose
    declared inputs changed are rebuilt (the LP is the one a fresh build gives, array for
    array), its first solve is cold and its fixed point starts where a run's does (the
    coefficients from the data), so a variant gives exactly what ``elektra run`` of the same
    inputs gives, whatever was solved before it and wherever it is solved.
    """

    def __init__(self, scenario: Scenario, data: Data | None = None):
        self.scenario = scenario
        self.live = LiveLP(scenario.solver)
        built = build(scenario, data)
        try:
            self.reference = solve_scenario(built, self.live)
        except SolveError as error:
            if error.termination != INFEASIBLE:
                raise
            raise _explained(built) from None

    @property
    def data(self) -> Data:
        return self.reference.built.data

    def reference_results(self, select: Collection[str] | None = None) -> xr.Dataset:
        return _results(self.reference, select=select)[0]

    def solve(
        self,
        data: Data | None = None,
        select: Collection[str] | None = None,
        explain: bool = True,
    ) -> Outcome:
        """Solve the variant whose data is ``data``; its results limited to ``select``."""
        start = time.perf_counter()
        built = with_data(self.reference.built, data) if data is not None else None
        built = built or self.reference.built
        rebuilt = not built.lp.same_shape(self.reference.built.lp)
        try:
            settled = self._settle(built)
        except SolveError as error:
            reason = str(error)
            if error.termination == INFEASIBLE and explain:
                reason = "; ".join(_explained(built).reasons) or reason
            return Outcome(
                error.termination,
                reason,
                seconds=time.perf_counter() - start,
                rebuilt=rebuilt,
            )
        results, _ = _results(settled, select=select)
        reason = "" if settled.fixed_point.converged else settled.fixed_point.notes()[0]
        return Outcome(
            "optimal",
            reason,
            results,
            seconds=time.perf_counter() - start,
            iterations=settled.fixed_point.iterations,
            rebuilt=rebuilt,
        )

    def settled(self, data: Data) -> Settled:
        """The variant settled (for a caller that needs its build and solution)."""
        return self._settle(with_data(self.reference.built, data))

    def _settle(self, built: Built) -> Settled:
        """Settle a variant exactly as ``elektra run`` settles it: its first solve cold, on
        a new HiGHS instance (an LP with several equally cheap optima would otherwise land
        on another of them from another start), then the fixed point warm from there. The
        instance is kept only to spare making a new one."""
        self.live.reset()
        return solve_scenario(built, self.live)


def solve_variant_with(
    variants: Variants, make: Callable[[], Data], select: Collection[str] | None = None
) -> Outcome:
    """Solve the variant ``make()`` returns; an error while making it is its outcome."""
    try:
        data = make()
    except Exception as error:  # a variant's failure is recorded, the study goes on
        return Outcome("error", f"{type(error).__name__}: {error}")
    return variants.solve(data, select)
