"""Myopic foresight: the scenario solved year by year, each step knowing only its year.

A cost-optimal path with perfect foresight is a plan: it knows every future price. A
projection asks what firms would do knowing only today's prices and the capacity already
there (as PyPSA-Eur's myopic pathway and TIMES's time-stepped mode do). With
``foresight: myopic`` each model year :math:`t` is a step:

- the data seen are the scenario's, with prices and costs (:data:`EXPECTED`) held at their
  year-:math:`t` values in later years (static expectations); demand, budgets and every
  other policy follow the scenario (announced policy is known);
- the step's LP is the scenario's LP (the same build, the same policies) over the window
  :math:`t \\ldots t + W - 1`: what was decided in earlier steps is fixed, what lies beyond
  the window is not there (its columns at 0, its rows free, its costs out of the
  objective);
- the step settles (:func:`elektra.model.pipeline.settle`: solve and the policies' fixed
  point) warm from the previous step, and commits what is decided in year :math:`t`: the
  year's operation, and new capacity that comes online ``lead_time`` years later (a plant
  running from :math:`v` is decided in :math:`v - T_r`; the first step decides everything
  whose decision year is the first model year or earlier).

After the last step the scenario's own LP, every column fixed at what the steps decided,
is settled once more on the scenario's data: the reported costs are at the prices that
came, the pro-rata supports pay the claims that were made. Each year's duals are those of
the step that decided the year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from elektra.model.build import Built, with_data
from elektra.model.lp import LinearProgram
from elektra.model.solve import LiveLP

#: Parameters a myopic step sees held at the step year's value in later years: prices and
#: costs. Demand, budgets, caps and the other policy parameters follow the scenario.
EXPECTED = (
    "ets_price",
    "price",
    "network_tariff",
    "energy_tax",
    "capex",
    "fixed_om",
    "variable_cost",
    "co2_transport_storage_tariff",
    "grid_expansion_cost",
)


def expectations(data, year: int):
    """The data a decision in ``year`` sees: :data:`EXPECTED` held at ``year`` after it."""
    from elektra.inputs.data import with_values

    arrays = {}
    for name in EXPECTED:
        array = data.values.get(name)
        if array is None or "year" not in array.dims or year not in array["year"].values:
            continue
        held = array.sel(year=year)
        arrays[name] = array.where(array["year"] <= year, held).transpose(*array.dims)
    return with_values(data, arrays)


@dataclass(frozen=True)
class Timing:
    """When each column is decided and each row applies, for one LP shape."""

    #: the year each column is decided in (capacity: its year less its route's lead time)
    decided: np.ndarray
    #: the year each column belongs to (its operation, or the year capacity comes online)
    column_year: np.ndarray
    #: the year of each row (a very large number where a row has no year: never freed)
    row_year: np.ndarray

    @classmethod
    def of(cls, lp: LinearProgram, lead_time) -> Timing:
        decided = np.empty(lp.num_columns, dtype=np.int64)
        column_year = np.empty(lp.num_columns, dtype=np.int64)
        for block in lp.columns.values():
            if not len(block):
                continue
            at = block.dims.index("year")
            years = np.fromiter((k[at] for k in block.keys), np.int64, len(block))
            column_year[block.start : block.stop] = years
            if block.ahead:
                route = block.dims.index("route")
                leads = np.fromiter((lead_time[k[route]] for k in block.keys), np.int64)
                decided[block.start : block.stop] = years - leads
            else:
                decided[block.start : block.stop] = years
        row_year = np.full(lp.num_rows, np.iinfo(np.int64).max, dtype=np.int64)
        for block in lp.rows.values():
            if len(block) and "year" in block.dims:
                at = block.dims.index("year")
                row_year[block.start : block.stop] = [k[at] for k in block.keys]
        return cls(decided, column_year, row_year)


def window_view(
    timing: Timing, year: int, end: int, fixed: np.ndarray, first: bool = False
) -> Callable[[LinearProgram], LinearProgram]:
    """The step's LP from the scenario's: decisions before ``year`` fixed at ``fixed``,
    nothing beyond ``end``, the objective over the years up to ``end``. The ``first`` step
    fixes nothing: it also takes the decisions due before the model starts (capacity that
    comes online within its lead time of the first year)."""
    before = timing.decided < year if not first else np.zeros_like(timing.decided, dtype=bool)
    beyond = timing.column_year > end
    free_rows = timing.row_year > end

    def view(lp: LinearProgram) -> LinearProgram:
        col_lower = np.where(before, fixed, lp.col_lower)
        col_upper = np.where(before, fixed, lp.col_upper)
        col_lower[beyond & ~before] = 0.0
        col_upper[beyond & ~before] = 0.0
        row_lower = np.where(free_rows, -np.inf, lp.row_lower)
        row_upper = np.where(free_rows, np.inf, lp.row_upper)
        weights = {y: (w if y <= end else 0.0) for y, w in lp.discount.items()}
        cost = np.zeros(lp.num_columns)
        for term in lp.terms:
            np.add.at(cost, term.columns, weights[term.year] * term.coefficients)
        # penalties without a year (elastic slacks) keep their weight
        cost += lp.cost - _discounted(lp)
        offset = sum(weights[y] * value for (_, y), value in lp.constants.items())
        return replace(
            lp,
            col_lower=col_lower,
            col_upper=col_upper,
            row_lower=row_lower,
            row_upper=row_upper,
            cost=cost,
            offset=offset,
        )

    return view


def _discounted(lp: LinearProgram) -> np.ndarray:
    cost = np.zeros(lp.num_columns)
    for term in lp.terms:
        np.add.at(cost, term.columns, lp.discount[term.year] * term.coefficients)
    return cost


def fixed_view(fixed: np.ndarray) -> Callable[[LinearProgram], LinearProgram]:
    """The LP with every column fixed at ``fixed``."""

    def view(lp: LinearProgram) -> LinearProgram:
        return replace(lp, col_lower=fixed.copy(), col_upper=fixed.copy())

    return view


def settle_myopic(built: Built, live: LiveLP):
    """Solve ``built`` year by year with myopic foresight; the settled scenario LP with
    every decision fixed, its duals those of the step that decided each year."""
    from elektra.model.pipeline import FixedPoint, Settled, settle

    years = list(built.core.years)
    window = built.scenario.foresight.window
    timing = Timing.of(built.lp, built.core.lead_time)
    fixed = np.zeros(built.lp.num_columns)
    duals = np.zeros(built.lp.num_rows)
    iterations = 0
    timings: dict[str, float] = {}
    for position, year in enumerate(years):
        end = years[min(position + window - 1, len(years) - 1)]
        step = with_data(built, expectations(built.data, year))
        if not step.lp.same_shape(built.lp):
            raise ValueError("a myopic step's LP has another shape than the scenario's")
        view = window_view(timing, year, end, fixed, first=position == 0)
        settled = settle(step, live, view=view)
        iterations += settled.fixed_point.iterations
        for name, seconds in settled.timings.items():
            timings[name] = timings.get(name, 0.0) + seconds
        x = settled.solution.x
        now = timing.decided <= year if position == 0 else timing.decided == year
        fixed[now] = np.maximum(x[now], 0.0)
        rows = timing.row_year == year
        duals[rows] = settled.solution.row_dual[rows]
    final = settle(built, live, view=fixed_view(fixed))
    fixed_point = FixedPoint(
        iterations=iterations + final.fixed_point.iterations,
        converged=final.fixed_point.converged,
        policies=final.fixed_point.policies,
        unsettled=final.fixed_point.unsettled,
    )
    solution = replace(final.solution, row_dual=duals)
    for name, seconds in final.timings.items():
        timings[name] = timings.get(name, 0.0) + seconds
    return Settled(final.built, solution, fixed_point, timings)
