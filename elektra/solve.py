"""Hand the Pyomo model to HiGHS and bring back primal values and duals by name.

This is the only module that knows HiGHS. The model is compiled to sparse matrices with
Pyomo's standard-form compiler and passed to HiGHS through highspy in one call, which is
about twice as fast as Pyomo's row-by-row hand-off (``make bench`` prints both). Every
column and row keeps its Pyomo component, so values and duals come back under the names
of the variables and constraints in :mod:`elektra.model`.

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
import pyomo.environ as pyo
from pyomo.repn.plugins.standard_form import LinearStandardFormCompiler

from elektra.config import SolverOptions

OPTIMAL = "optimal"
INFEASIBLE = "infeasible"


class SolveError(RuntimeError):
    """HiGHS did not find an optimal solution."""

    def __init__(self, message: str, termination: str):
        super().__init__(message)
        self.termination = termination


@dataclass
class Solution:
    """What a solve returns: values and duals per component name, and the timings."""

    termination: str
    objective: float
    values: dict[str, dict[tuple, float]]
    duals: dict[str, dict[tuple, float]]
    timings: dict[str, float] = field(default_factory=dict)
    #: The solved HiGHS instance and the compiled LP, kept for quick re-solves.
    highs: highspy.Highs | None = field(default=None, repr=False)
    compiled: CompiledModel | None = field(default=None, repr=False)


@dataclass
class CompiledModel:
    """The LP as HiGHS sees it, with the Pyomo component behind every column and row."""

    lp: highspy.HighsLp
    columns: list
    rows: list
    offset: float


def compile_model(model: pyo.ConcreteModel, names: bool = False) -> CompiledModel:
    """Compile the Pyomo model into a ``HighsLp`` (CSC matrix, bounds, costs)."""
    info = LinearStandardFormCompiler().write(model, mixed_form=True)
    matrix = info.A.tocsc()
    lp = highspy.HighsLp()
    lp.num_col_ = matrix.shape[1]
    lp.num_row_ = matrix.shape[0]
    lp.col_cost_ = np.asarray(
        info.c.toarray()[0] if info.c.shape[0] else np.zeros(matrix.shape[1]), dtype=float
    )
    lower = np.array(
        [v.lb if v.lb is not None else -highspy.kHighsInf for v in info.columns], dtype=float
    )
    upper = np.array(
        [v.ub if v.ub is not None else highspy.kHighsInf for v in info.columns], dtype=float
    )
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    rhs = np.asarray(info.rhs, dtype=float)
    kinds = np.array([row.bound_type for row in info.rows], dtype=int)
    lp.row_lower_ = np.where(kinds <= 0, rhs, -highspy.kHighsInf)
    lp.row_upper_ = np.where(kinds >= 0, rhs, highspy.kHighsInf)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = matrix.data.astype(float)
    lp.a_matrix_.num_col_ = matrix.shape[1]
    lp.a_matrix_.num_row_ = matrix.shape[0]
    if names:
        lp.col_names_ = [_lp_name(v.name) for v in info.columns]
        lp.row_names_ = [_lp_name(row.constraint.name) for row in info.rows]
    return CompiledModel(
        lp=lp,
        columns=info.columns,
        rows=[r.constraint for r in info.rows],
        offset=float(info.c_offset[0]) if len(info.c_offset) else 0.0,
    )


def _lp_name(name: str) -> str:
    """A name LP and MPS readers accept: ``demand_balance(steel,port,steel,2025)``.

    The CPLEX LP format allows parentheses and commas but not square brackets or spaces.
    """
    return name.replace(" ", "_").replace("[", "(").replace("]", ")")


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


def _highs(options: SolverOptions) -> highspy.Highs:
    with _quiet_stdout():
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("solver", options.method)
    highs.setOptionValue("threads", options.threads)
    highs.setOptionValue("time_limit", options.time_limit)
    return highs


def _by_component(objects: list, numbers: np.ndarray) -> dict[str, dict[tuple, float]]:
    grouped: dict[str, dict[tuple, float]] = {}
    for obj, number in zip(objects, numbers):
        index = obj.index()
        key = index if isinstance(index, tuple) else (index,)
        grouped.setdefault(obj.parent_component().local_name, {})[key] = float(number)
    return grouped


def solve_model(
    model: pyo.ConcreteModel,
    options: SolverOptions | None = None,
    write_model: str | Path | None = None,
) -> Solution:
    """Solve the model with HiGHS; raise :class:`SolveError` unless it is optimal."""
    options = options or SolverOptions()
    timings = {}
    start = time.perf_counter()
    compiled = compile_model(model, names=write_model is not None)
    highs = _highs(options)
    highs.passModel(compiled.lp)
    timings["hand_off"] = time.perf_counter() - start
    if write_model is not None:
        highs.writeModel(str(write_model))
    start = time.perf_counter()
    highs.run()
    timings["solve"] = time.perf_counter() - start
    status = highs.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        text = highs.modelStatusToString(status)
        termination = INFEASIBLE if "nfeasible" in text else text.lower().replace(" ", "_")
        raise SolveError(f"HiGHS ended with status '{text}'", termination)
    start = time.perf_counter()
    solution = highs.getSolution()
    values = _by_component(compiled.columns, np.asarray(solution.col_value))
    duals = _by_component(compiled.rows, np.asarray(solution.row_dual))
    timings["extract"] = time.perf_counter() - start
    objective = highs.getInfo().objective_function_value + compiled.offset
    return Solution(
        termination=OPTIMAL,
        objective=objective,
        values=values,
        duals=duals,
        timings=timings,
        highs=highs,
        compiled=compiled,
    )


def resolve_with_rhs_change(
    solution: Solution, constraint: str, index: tuple, delta: float
) -> dict[str, dict[tuple, float]] | None:
    """Values after moving one constraint's right-hand side by ``delta`` (warm start).

    The change is undone afterwards. Returns None if the changed LP is not optimal.
    """
    highs, compiled = solution.highs, solution.compiled
    position = next(
        (
            row
            for row, con in enumerate(compiled.rows)
            if con.parent_component().local_name == constraint
            and (con.index() if isinstance(con.index(), tuple) else (con.index(),)) == index
        ),
        None,
    )
    if position is None:
        raise KeyError(f"no row {constraint}{list(index)} in the model")
    lower = float(compiled.lp.row_lower_[position])
    upper = float(compiled.lp.row_upper_[position])
    shift = lambda bound: bound + delta if np.isfinite(bound) else bound  # noqa: E731
    highs.changeRowBounds(position, shift(lower), shift(upper))
    highs.run()
    optimal = highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    values = _by_component(compiled.columns, np.asarray(highs.getSolution().col_value))
    highs.changeRowBounds(position, lower, upper)
    return values if optimal else None
