"""Record what elektra hands HiGHS, and replay it with highspy alone.

:func:`recording` wraps :class:`elektra.model.solve.LiveLP` so that every LP passed whole,
every set of changes pushed, every basis set and every solve is noted, in order. The
changes are noted as the arrays highspy takes (computed outside the timed part).
:func:`replay` then does exactly those highspy calls on a fresh instance and times the
solves and the calls that change the LP: the floor any wrapper of HiGHS has for the same
sequence of warm solves.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import highspy
import numpy as np

import elektra.model.solve as solve_module


def _changes(old, new) -> tuple:
    """The highspy arguments that turn ``old`` into ``new`` (same shape)."""
    bound = solve_module._highs_bound
    costs = np.flatnonzero(old.cost != new.cost).astype(np.int32)
    columns = np.flatnonzero(
        (old.col_lower != new.col_lower) | (old.col_upper != new.col_upper)
    ).astype(np.int32)
    rows = np.flatnonzero(
        (old.row_lower != new.row_lower) | (old.row_upper != new.row_upper)
    ).astype(np.int32)
    entries = solve_module.changed_entries(old.matrix, new.matrix)
    return (
        costs,
        new.cost[costs],
        new.offset,
        columns,
        bound(new.col_lower[columns]),
        bound(new.col_upper[columns]),
        rows,
        bound(new.row_lower[rows]),
        bound(new.row_upper[rows]),
        [(int(r), int(c), float(v)) for r, c, v in zip(*entries)],
    )


@contextmanager
def recording():
    """Note every call elektra makes on its live HiGHS instances (a list of events)."""
    events: list[tuple] = []
    originals = {
        name: getattr(solve_module.LiveLP, name) for name in ("load", "set_basis", "solve")
    }

    def load(self, lp):
        if self.lp is not None and self.lp.same_shape(lp):
            if self.lp is not lp:
                events.append(("change", id(self), _changes(self.lp, lp)))
        else:
            events.append(("pass", id(self), solve_module.highs_lp(lp)))
        return originals["load"](self, lp)

    def set_basis(self, basis):
        events.append(("basis", id(self), basis))
        return originals["set_basis"](self, basis)

    def solve(self):
        events.append(("solve", id(self), None))
        return originals["solve"](self)

    solve_module.LiveLP.load = load
    solve_module.LiveLP.set_basis = set_basis
    solve_module.LiveLP.solve = solve
    try:
        yield events
    finally:
        for name, method in originals.items():
            setattr(solve_module.LiveLP, name, method)


def _apply(highs: highspy.Highs, change: tuple) -> None:
    costs, values, offset, columns, col_lower, col_upper, rows, lower, upper, entries = change
    if len(costs):
        highs.changeColsCost(len(costs), costs, values)
    highs.changeObjectiveOffset(offset)
    if len(columns):
        highs.changeColsBounds(len(columns), columns, col_lower, col_upper)
    if len(rows):
        highs.changeRowsBounds(len(rows), rows, lower, upper)
    for row, column, value in entries:
        highs.changeCoeff(row, column, value)


def replay(events: list[tuple]) -> dict[str, float]:
    """Do the recorded calls with highspy alone; seconds of solves and of changes, and the
    number of solves. Passing a whole LP is not timed (a raw user reads a file once)."""
    instances: dict[int, highspy.Highs] = {}
    seconds = {"solve": 0.0, "change": 0.0, "solves": 0}
    for kind, owner, payload in events:
        if kind == "pass" or owner not in instances:
            if owner not in instances:
                highs = highspy.Highs()
                highs.setOptionValue("output_flag", False)
                highs.setOptionValue("threads", 1)
                instances[owner] = highs
            if kind == "pass":
                instances[owner].passModel(payload)
                continue
        highs = instances[owner]
        start = time.perf_counter()
        if kind == "change":
            _apply(highs, payload)
            seconds["change"] += time.perf_counter() - start
        elif kind == "basis":
            highs.setBasis(payload)
            seconds["change"] += time.perf_counter() - start
        else:
            highs.run()
            seconds["solve"] += time.perf_counter() - start
            seconds["solves"] += 1
    return seconds
