"""Hand the LP to HiGHS and bring back primal values and duals by name.

This is the only module that knows HiGHS. The LP's arrays (:class:`elektra.model.lp.LinearProgram`)
go to HiGHS through highspy in one call; values and duals come back per variable and
constraint block, keyed by the same index tuples the model uses. The HiGHS instance is
kept, so that a re-solve after a change of bounds, costs or coefficients starts warm from
the last basis (budget sensitivities, sweeps).

Duals follow HiGHS: the change of the objective per unit increase of the constraint's
right-hand side (so a binding upper limit has a dual <= 0 in a minimisation).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import highspy
import numpy as np

from elektra.inputs.config import SolverOptions
from elektra.model.lp import LinearProgram, by_block

OPTIMAL = "optimal"
INFEASIBLE = "infeasible"


class SolveError(RuntimeError):
    """HiGHS did not find an optimal solution."""

    def __init__(self, message: str, termination: str):
        super().__init__(message)
        self.termination = termination


def highs_lp(lp: LinearProgram, names: bool = False) -> highspy.HighsLp:
    """The LP as a ``HighsLp`` (column-wise matrix, bounds, costs, objective constant)."""
    inf = highspy.kHighsInf
    model = highspy.HighsLp()
    model.num_col_ = lp.num_columns
    model.num_row_ = lp.num_rows
    model.col_cost_ = lp.cost
    model.col_lower_ = lp.col_lower
    model.col_upper_ = np.where(np.isinf(lp.col_upper), inf, lp.col_upper)
    model.row_lower_ = np.where(np.isinf(lp.row_lower), -inf, lp.row_lower)
    model.row_upper_ = np.where(np.isinf(lp.row_upper), inf, lp.row_upper)
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
    highs.setOptionValue("time_limit", options.time_limit)
    return highs


def _termination(highs: highspy.Highs) -> str:
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
    #: the solved HiGHS instance, kept for warm re-solves
    highs: highspy.Highs | None = field(default=None, repr=False)

    def values(self, name: str) -> dict[tuple, float]:
        """Values of a variable block by key ({} when the model has no such variable)."""
        block = self.lp.columns.get(name)
        return by_block(block, self.x) if block is not None else {}

    def duals(self, name: str) -> dict[tuple, float]:
        """Duals of a constraint block by key ({} when the model has no such constraint)."""
        block = self.lp.rows.get(name)
        return by_block(block, self.row_dual) if block is not None else {}

    def resolve_with_rhs_change(
        self, constraint: str, key: tuple, delta: float
    ) -> np.ndarray | None:
        """Column values after moving one row's bounds by ``delta`` (warm start).

        The change is undone afterwards. Returns None if the changed LP is not optimal.
        """
        row = self.lp.rows[constraint][key]
        lower, upper = float(self.lp.row_lower[row]), float(self.lp.row_upper[row])
        inf = highspy.kHighsInf

        def shift(bound: float, infinite: float) -> float:
            return bound + delta if np.isfinite(bound) else infinite

        self.highs.changeRowBounds(row, shift(lower, -inf), shift(upper, inf))
        self.highs.run()
        optimal = _termination(self.highs) == OPTIMAL
        x = np.asarray(self.highs.getSolution().col_value)
        self.highs.changeRowBounds(
            row, lower if np.isfinite(lower) else -inf, upper if np.isfinite(upper) else inf
        )
        return x if optimal else None

    def resolve_with_bounds(
        self,
        columns: Mapping[int, tuple[float, float]],
        rows: Mapping[int, tuple[float, float]] | None = None,
    ) -> Solution | None:
        """The solution after changing some column and row bounds (warm start).

        ``columns`` and ``rows`` map a column or row number to its new (lower, upper)
        bounds (infinite for none). The bounds are put back afterwards; the basis stays,
        so the next re-solve starts warm too. Returns None if the changed LP is not
        optimal.
        """
        inf = highspy.kHighsInf
        rows = rows or {}

        def finite(bound: float) -> float:
            return bound if np.isfinite(bound) else (inf if bound > 0 else -inf)

        def change(kind: str, bounds: Mapping[int, tuple[float, float]], lower, upper) -> None:
            if not bounds:
                return
            index = np.fromiter(bounds, dtype=np.int32)
            low = np.array([finite(lower(i)) for i in index])
            high = np.array([finite(upper(i)) for i in index])
            method = self.highs.changeColsBounds if kind == "col" else self.highs.changeRowsBounds
            method(len(index), index, low, high)

        change("col", columns, lambda i: columns[i][0], lambda i: columns[i][1])
        change("row", rows, lambda i: rows[i][0], lambda i: rows[i][1])
        start = time.perf_counter()
        self.highs.run()
        elapsed = time.perf_counter() - start
        optimal = _termination(self.highs) == OPTIMAL
        result = None
        if optimal:
            solution = self.highs.getSolution()
            result = Solution(
                lp=self.lp,
                termination=OPTIMAL,
                objective=self.highs.getInfo().objective_function_value,
                x=np.asarray(solution.col_value),
                row_dual=np.asarray(solution.row_dual),
                timings={"solve": elapsed},
            )
        change("col", columns, lambda i: self.lp.col_lower[i], lambda i: self.lp.col_upper[i])
        change("row", rows, lambda i: self.lp.row_lower[i], lambda i: self.lp.row_upper[i])
        return result


def _highs_bound(values: np.ndarray) -> np.ndarray:
    inf = highspy.kHighsInf
    return np.where(np.isposinf(values), inf, np.where(np.isneginf(values), -inf, values))


def resolve_in_place(solution: Solution, lp: LinearProgram) -> Solution:
    """Solve ``lp`` warm on the HiGHS instance that solved ``solution``.

    ``lp`` must have the shape of ``solution.lp`` (the same blocks and index keys, so the
    same columns and rows); only the numbers may differ. The costs, bounds, matrix values
    and objective constant that differ are changed in place and HiGHS re-solves from the
    last basis. Raises :class:`SolveError` unless the result is optimal.
    """
    old = solution.lp
    if lp.shape_key() != old.shape_key():
        raise ValueError("resolve_in_place needs an LP of the same shape (blocks and keys)")
    highs = solution.highs
    timings: dict[str, float] = {}
    start = time.perf_counter()
    changed = np.flatnonzero(lp.cost != old.cost)
    if len(changed):
        highs.changeColsCost(len(changed), changed.astype(np.int32), lp.cost[changed])
    bounds = np.flatnonzero((lp.col_lower != old.col_lower) | (lp.col_upper != old.col_upper))
    if len(bounds):
        highs.changeColsBounds(
            len(bounds),
            bounds.astype(np.int32),
            _highs_bound(lp.col_lower[bounds]),
            _highs_bound(lp.col_upper[bounds]),
        )
    rows = np.flatnonzero((lp.row_lower != old.row_lower) | (lp.row_upper != old.row_upper))
    if len(rows):
        highs.changeRowsBounds(
            len(rows),
            rows.astype(np.int32),
            _highs_bound(lp.row_lower[rows]),
            _highs_bound(lp.row_upper[rows]),
        )
    difference = (lp.matrix - old.matrix).tocoo()
    new_values = lp.matrix.tocsr()
    for row, column, delta in zip(difference.row, difference.col, difference.data):
        if delta != 0:
            highs.changeCoeff(int(row), int(column), float(new_values[row, column]))
    if lp.offset != old.offset:
        highs.changeObjectiveOffset(lp.offset)
    timings["hand_off"] = time.perf_counter() - start
    start = time.perf_counter()
    highs.run()
    timings["solve"] = time.perf_counter() - start
    termination = _termination(highs)
    if termination != OPTIMAL:
        raise SolveError(
            f"HiGHS ended with status '{highs.modelStatusToString(highs.getModelStatus())}' "
            "on a warm re-solve",
            termination,
        )
    values = highs.getSolution()
    return Solution(
        lp=lp,
        termination=OPTIMAL,
        objective=highs.getInfo().objective_function_value,
        x=np.asarray(values.col_value),
        row_dual=np.asarray(values.row_dual),
        timings=timings,
        highs=highs,
    )


def solve_lp(
    lp: LinearProgram,
    options: SolverOptions | None = None,
    write_model: str | Path | None = None,
) -> Solution:
    """Solve the LP with HiGHS; raise :class:`SolveError` unless it is optimal."""
    options = options or SolverOptions()
    timings = {}
    start = time.perf_counter()
    highs = new_highs(options)
    highs.passModel(highs_lp(lp, names=write_model is not None))
    timings["hand_off"] = time.perf_counter() - start
    if write_model is not None:
        highs.writeModel(str(write_model))
    start = time.perf_counter()
    highs.run()
    timings["solve"] = time.perf_counter() - start
    termination = _termination(highs)
    if termination != OPTIMAL:
        raise SolveError(
            f"HiGHS ended with status '{highs.modelStatusToString(highs.getModelStatus())}'",
            termination,
        )
    start = time.perf_counter()
    solution = highs.getSolution()
    x = np.asarray(solution.col_value)
    row_dual = np.asarray(solution.row_dual)
    timings["extract"] = time.perf_counter() - start
    return Solution(
        lp=lp,
        termination=OPTIMAL,
        objective=highs.getInfo().objective_function_value,
        x=x,
        row_dual=row_dual,
        timings=timings,
        highs=highs,
    )
