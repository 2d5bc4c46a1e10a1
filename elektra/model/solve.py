"""Hand the LP to HiGHS and bring back primal values and duals by name.

This is the only module that knows HiGHS. :class:`LiveLP` holds one HiGHS instance and the
numbers of the LP loaded into it: loading another LP of the same shape (a fixed-point
step, a sweep variant) hands HiGHS only the costs, bounds and matrix entries that differ
(:func:`push_changes`), and the next solve starts warm from the last basis, or from a
basis the caller sets (a sweep starts every variant from its reference's basis, so that a
variant's result does not depend on which variants the instance solved before).

Duals follow HiGHS: the change of the objective per unit increase of the constraint's
right-hand side (so a binding upper limit has a dual <= 0 in a minimisation).
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import highspy
import numpy as np
import scipy.sparse as sp

from elektra.inputs.config import SolverOptions
from elektra.model.lp import LinearProgram, by_block

OPTIMAL = "optimal"
INFEASIBLE = "infeasible"


class SolveError(RuntimeError):
    """HiGHS did not find an optimal solution."""

    def __init__(self, message: str, termination: str):
        super().__init__(message)
        self.termination = termination


def _highs_bound(values: np.ndarray) -> np.ndarray:
    inf = highspy.kHighsInf
    return np.where(np.isposinf(values), inf, np.where(np.isneginf(values), -inf, values))


def highs_lp(lp: LinearProgram, names: bool = False) -> highspy.HighsLp:
    """The LP as a ``HighsLp`` (column-wise matrix, bounds, costs, objective constant)."""
    model = highspy.HighsLp()
    model.num_col_ = lp.num_columns
    model.num_row_ = lp.num_rows
    model.col_cost_ = lp.cost
    model.col_lower_ = _highs_bound(lp.col_lower)
    model.col_upper_ = _highs_bound(lp.col_upper)
    model.row_lower_ = _highs_bound(lp.row_lower)
    model.row_upper_ = _highs_bound(lp.row_upper)
    model.offset_ = lp.offset
    matrix = lp.matrix
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_ = matrix.indptr.astype(np.int32)
    model.a_matrix_.index_ = matrix.indices.astype(np.int32)
    model.a_matrix_.value_ = matrix.data.astype(float)
    model.a_matrix_.num_col_ = lp.num_columns
    model.a_matrix_.num_row_ = lp.num_rows
    if names:
        model.col_names_ = lp.column_names()
        model.row_names_ = lp.row_names()
    return model


@contextmanager
def _quiet_stdout():
    """Silence the C-level stdout: HiGHS prints its banner when constructed."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def new_highs(options: SolverOptions) -> highspy.Highs:
    """A silent HiGHS instance with the scenario's solver options."""
    with _quiet_stdout():
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("solver", options.method)
    highs.setOptionValue("threads", options.threads)
    return highs


def run_highs(highs: highspy.Highs, options: SolverOptions) -> float:
    """Run HiGHS with ``options.time_limit`` seconds for this run; return the seconds.

    HiGHS's run clock keeps counting over every ``run()`` of an instance, and its
    ``time_limit`` is compared with that clock: a limit set once would stop a long-lived
    instance (a sweep worker's) after its first ``time_limit`` seconds in all. The limit
    is therefore set from the clock before every run.
    """
    highs.setOptionValue("time_limit", highs.getRunTime() + options.time_limit)
    start = time.perf_counter()
    highs.run()
    return time.perf_counter() - start


def termination(highs: highspy.Highs) -> str:
    """``optimal``, ``infeasible`` or HiGHS's model status in snake case."""
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return OPTIMAL
    text = highs.modelStatusToString(status)
    return INFEASIBLE if "nfeasible" in text else text.lower().replace(" ", "_")


@dataclass
class Solution:
    """An optimal solution: column values and row duals, by block and key."""

    lp: LinearProgram
    termination: str
    #: the LP objective, constant included (MEUR, discounted)
    objective: float
    x: np.ndarray
    row_dual: np.ndarray
    timings: dict[str, float] = field(default_factory=dict)
    #: simplex iterations HiGHS needed
    iterations: int = 0

    def values(self, name: str) -> dict[tuple, float]:
        """Values of a variable block by key ({} when the model has no such variable)."""
        block = self.lp.columns.get(name)
        return by_block(block, self.x) if block is not None else {}

    def duals(self, name: str) -> dict[tuple, float]:
        """Duals of a constraint block by key ({} when the model has no such constraint)."""
        block = self.lp.rows.get(name)
        return by_block(block, self.row_dual) if block is not None else {}


def changed_entries(old: sp.csc_matrix, new: sp.csc_matrix) -> tuple[np.ndarray, ...]:
    """(rows, columns, new values) of the matrix entries that differ (sparse compare)."""
    if np.array_equal(old.indptr, new.indptr) and np.array_equal(old.indices, new.indices):
        where = np.nonzero(old.data != new.data)[0]
        columns = np.searchsorted(new.indptr, where, side="right") - 1
        return new.indices[where], columns, new.data[where]
    differ = (old != new).tocoo()
    rows, columns = differ.row, differ.col
    values = np.asarray(new.tocsr()[rows, columns]).ravel() if len(rows) else np.empty(0)
    return rows, columns, values


def push_changes(highs: highspy.Highs, old: LinearProgram, new: LinearProgram) -> dict[str, int]:
    """Hand HiGHS, which holds ``old``, what differs in ``new`` (same shape); the counts."""
    counts = {}
    changed = np.flatnonzero(old.cost != new.cost)
    if len(changed):
        highs.changeColsCost(len(changed), changed.astype(np.int32), new.cost[changed])
    counts["costs"] = len(changed)
    if old.offset != new.offset:
        highs.changeObjectiveOffset(new.offset)
    changed = np.flatnonzero((old.col_lower != new.col_lower) | (old.col_upper != new.col_upper))
    if len(changed):
        highs.changeColsBounds(
            len(changed),
            changed.astype(np.int32),
            _highs_bound(new.col_lower[changed]),
            _highs_bound(new.col_upper[changed]),
        )
    counts["column_bounds"] = len(changed)
    changed = np.flatnonzero((old.row_lower != new.row_lower) | (old.row_upper != new.row_upper))
    if len(changed):
        highs.changeRowsBounds(
            len(changed),
            changed.astype(np.int32),
            _highs_bound(new.row_lower[changed]),
            _highs_bound(new.row_upper[changed]),
        )
    counts["row_bounds"] = len(changed)
    rows, columns, values = changed_entries(old.matrix, new.matrix)
    for row, column, value in zip(rows.tolist(), columns.tolist(), values.tolist()):
        highs.changeCoeff(row, column, value)
    counts["coefficients"] = len(rows)
    return counts


class LiveLP:
    """One HiGHS instance and the LP it holds, kept for warm re-solves."""

    def __init__(self, options: SolverOptions | None = None):
        self.options = options or SolverOptions()
        self.highs: highspy.Highs | None = None
        self.lp: LinearProgram | None = None
        #: LPs passed whole (the first, and any of another shape)
        self.passed = 0

    def load(self, lp: LinearProgram) -> dict[str, float]:
        """Hold ``lp``: its differences only, where it has the shape of the LP held."""
        start = time.perf_counter()
        if self.lp is not None and self.lp.same_shape(lp):
            if self.lp is not lp:
                push_changes(self.highs, self.lp, lp)
        else:
            if self.highs is None:
                self.highs = new_highs(self.options)
            self.highs.passModel(highs_lp(lp))
            self.passed += 1
        self.lp = lp
        return {"hand_off": time.perf_counter() - start}

    def reset(self) -> None:
        """Forget the LP and the instance: the next load starts a new, cold instance."""
        self.highs = None
        self.lp = None

    def basis(self) -> highspy.HighsBasis:
        return self.highs.getBasis()

    def set_basis(self, basis: highspy.HighsBasis) -> None:
        """Start the next solve from ``basis`` (of an LP of the same shape)."""
        self.highs.setBasis(basis)

    def solve(self) -> Solution:
        """Solve the LP held; raise :class:`SolveError` unless it is optimal."""
        timings = {"solve": run_highs(self.highs, self.options)}
        ended = termination(self.highs)
        if ended != OPTIMAL:
            raise SolveError(
                "HiGHS ended with status "
                f"'{self.highs.modelStatusToString(self.highs.getModelStatus())}'",
                ended,
            )
        start = time.perf_counter()
        values = self.highs.getSolution()
        x = np.asarray(values.col_value)
        row_dual = np.asarray(values.row_dual)
        timings["extract"] = time.perf_counter() - start
        info = self.highs.getInfo()
        return Solution(
            lp=self.lp,
            termination=OPTIMAL,
            objective=info.objective_function_value,
            x=x,
            row_dual=row_dual,
            timings=timings,
            iterations=info.simplex_iteration_count,
        )


def solve_lp(lp: LinearProgram, options: SolverOptions | None = None) -> Solution:
    """Solve an LP once, cold, on a new HiGHS instance."""
    live = LiveLP(options)
    timings = live.load(lp)
    solution = live.solve()
    solution.timings = {**timings, **solution.timings}
    return solution


def write_lp(lp: LinearProgram, path: str | Path) -> None:
    """Write the LP with named columns and rows (``.mps`` or ``.lp`` by its suffix)."""
    with _quiet_stdout():
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.passModel(highs_lp(lp, names=True))
    highs.writeModel(str(path))
