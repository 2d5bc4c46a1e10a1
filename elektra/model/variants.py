"""Solve variants of one scenario on one live HiGHS instance, updated in place.

:class:`VariantSolver` builds the base scenario once (:class:`elektra.model.incremental.Base`) and
solves it. For each variant it computes the variant's Data in memory, its core, policy
coefficients and LP (reusing what the variant did not change), and, when the LP has the
base's shape, hands HiGHS only what differs from the LP it holds (costs, row bounds,
column bounds, matrix entries) and re-solves from the last basis. A variant whose LP
has another shape (a potential set to 1 removes its rows, a limit given where there was
none adds some) is solved on a new HiGHS instance and counted as rebuilt.

What comes back per variant (:class:`Outcome`) is small: the key results of
:class:`Layout` (emissions, cost, route mix, the main duals, the objective) and, for a
variant without an optimum, its termination and the reason.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np
import scipy.sparse as sp

from elektra.inputs.config import Scenario
from elektra.inputs.data import Data, load_data
from elektra.model.core import active_policies, build_lp
from elektra.model.diagnose import explain_infeasibility
from elektra.model.incremental import Base, same
from elektra.model.lp import LinearProgram
from elektra.model.pipeline import MAX_FIXED_POINT_ITERATIONS
from elektra.model.results import COST_COMPONENTS
from elektra.model.solve import INFEASIBLE, OPTIMAL, Solution, _termination, highs_lp, new_highs
from elektra.model.structure import Core

#: Dimensions a dual may have to be kept per variant: the policies' limits and prices
#: (budgets, grid, storage, caps, supply, hydrogen), not one per route or cell.
MAIN_DUAL_DIMS = frozenset({"year", "cluster", "instrument", "carrier"})


@dataclass
class Outcome:
    """What one variant gave: key results, or why it has none."""

    key: str
    termination: str
    reason: str = ""
    rebuilt: bool = False
    seconds: float = 0.0
    iterations: int = 0
    #: key results by name (arrays in the layout's dimensions); empty without an optimum
    values: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def optimal(self) -> bool:
        return self.termination == OPTIMAL


@dataclass(frozen=True)
class Layout:
    """The dimensions and labels of the key results kept per variant."""

    dims: dict[str, tuple[str, ...]]
    coords: dict[str, list]
    units: dict[str, str]
    descriptions: dict[str, str]

    @classmethod
    def of(cls, core: Core, lp: LinearProgram, ets_price: bool = True) -> Layout:
        routes = core.labels["route"]
        services = list(
            dict.fromkeys(
                f"{core.route_sector[r]}: {core.route_service[r]}"
                for r in routes
                if r in core.route_sector
            )
        )
        coords = {
            "sector": list(core.labels["sector"]),
            "cluster": list(core.labels["cluster"]),
            "year": list(core.years),
            "cost_component": [c.name for c in COST_COMPONENTS],
            "sector_service": services,
            "route_class": list(dict.fromkeys(core.route_class[r] for r in routes)),
            "instrument": list(core.labels["instrument"]),
            "carrier": list(core.labels["carrier"]),
        }
        dims = {
            "objective": (),
            "objective_lp": (),
            "emissions": ("sector", "cluster", "year"),
            "process_emissions": ("sector", "cluster", "year"),
            "captured_co2": ("sector", "cluster", "year"),
            "cost": ("cost_component", "year"),
            "route_mix": ("sector_service", "route_class", "year"),
        }
        units = {
            "objective": "MEUR",
            "objective_lp": "MEUR",
            "emissions": "Mt/yr",
            "process_emissions": "Mt/yr",
            "captured_co2": "Mt/yr",
            "cost": "MEUR/yr",
            "route_mix": "1",
        }
        descriptions = {
            "objective": "Discounted net cost to industry without the tie-break penalty "
            "(the results' objective attribute)",
            "objective_lp": "The LP's objective (with the tie-break penalty)",
            "emissions": "Direct CO2 emissions after capture",
            "process_emissions": "The process part of direct CO2 emissions after capture",
            "captured_co2": "CO2 captured for transport and storage",
            "cost": "Net cost to industry per component (undiscounted)",
            "route_mix": "Share of each route class in a service's output (NaN: no output)",
        }
        for block in lp.rows.values():
            spec = block.dual
            if spec is None or not set(spec.dims) <= MAIN_DUAL_DIMS:
                continue
            dims[spec.name] = spec.dims
            units[spec.name] = spec.units
            descriptions[spec.name] = spec.description
        if ets_price:
            dims["input_ets_price"] = ("year",)
            units["input_ets_price"] = "MEUR/Mt"
            descriptions["input_ets_price"] = "EU-ETS price of the variant"
        return cls(dims, coords, units, descriptions)

    def shape(self, name: str) -> tuple[int, ...]:
        return tuple(len(self.coords[d]) for d in self.dims[name])


class _Flows:
    """Sparse maps from an LP's activity columns to emissions, process emissions and
    captured CO2 per (sector, cluster, year), and to output per (service, class, year).

    Rebuilt only when the factors they hold change (a variant of the emission factors)."""

    def __init__(self, core: Core, lp: LinearProgram, layout: Layout):
        self.core = core
        self.keys = lp.columns["activity"].keys
        self.start = lp.columns["activity"].start
        sectors = {s: i for i, s in enumerate(layout.coords["sector"])}
        clusters = {c: i for i, c in enumerate(layout.coords["cluster"])}
        years = {y: i for i, y in enumerate(layout.coords["year"])}
        services = {s: i for i, s in enumerate(layout.coords["sector_service"])}
        classes = {c: i for i, c in enumerate(layout.coords["route_class"])}
        n_s, n_c, n_y = len(sectors), len(clusters), len(years)
        cell = np.array(
            [(sectors[s] * n_c + clusters[c]) * n_y + years[y] for s, c, _r, y in self.keys],
            dtype=np.int64,
        )
        net, process, captured = [], [], []
        for _s, _c, r, y in self.keys:
            net.append(core.net_emission_factor[(r, y)])
            process.append(core.process_emission_factor[r] * (1 - core.capture_rate[r]))
            captured.append(core.captured_factor[(r, y)])
        columns = np.arange(len(self.keys))
        shape = (n_s * n_c * n_y, len(self.keys))
        self.maps = {
            name: sp.csr_matrix((np.asarray(values, float), (cell, columns)), shape=shape)
            for name, values in (
                ("emissions", net),
                ("process_emissions", process),
                ("captured_co2", captured),
            )
        }
        n_classes = len(classes)
        output = np.array(
            [
                (
                    services[f"{s}: {core.route_service[r]}"] * n_classes
                    + classes[core.route_class[r]]
                )
                * n_y
                + years[y]
                for s, _c, r, y in self.keys
            ],
            dtype=np.int64,
        )
        self.output = sp.csr_matrix(
            (np.ones(len(self.keys)), (output, columns)),
            shape=(len(services) * n_classes * n_y, len(self.keys)),
        )
        self.shapes = {name: (n_s, n_c, n_y) for name in self.maps}
        self.mix_shape = (len(services), n_classes, n_y)

    def fits(self, core: Core, lp: LinearProgram) -> bool:
        block = lp.columns["activity"]
        return (
            (block.keys is self.keys or block.keys == self.keys)
            and block.start == self.start
            and all(
                same(getattr(core, name), getattr(self.core, name))
                for name in (
                    "net_emission_factor",
                    "process_emission_factor",
                    "capture_rate",
                    "captured_factor",
                )
            )
        )

    def values(self, x: np.ndarray) -> dict[str, np.ndarray]:
        activity = x[self.start : self.start + len(self.keys)]
        out = {name: (m @ activity).reshape(self.shapes[name]) for name, m in self.maps.items()}
        output = (self.output @ activity).reshape(self.mix_shape)
        total = output.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["route_mix"] = np.where(total > 0, output / np.where(total > 0, total, 1), np.nan)
        return out


def key_results(
    layout: Layout,
    flows: _Flows,
    core: Core,
    lp: LinearProgram,
    x: np.ndarray,
    row_dual: np.ndarray,
    objective_lp: float,
    ets_price: Mapping[int, float] | None,
) -> dict[str, np.ndarray]:
    """The key results of a solution, in the layout's dimensions."""
    values = flows.values(x)
    costs = lp.evaluate_costs(x)
    components = {c: i for i, c in enumerate(layout.coords["cost_component"])}
    years = {y: i for i, y in enumerate(layout.coords["year"])}
    cost = np.zeros(layout.shape("cost"))
    objective = 0.0
    for (component, year), value in costs.items():
        if component in components:
            cost[components[component], years[year]] = value
            objective += core.discount[year] * value
    values["cost"] = cost
    values["objective"] = np.array(objective)
    values["objective_lp"] = np.array(objective_lp)
    for block in lp.rows.values():
        spec = block.dual
        if spec is None or spec.name not in layout.dims:
            continue
        array = np.full(layout.shape(spec.name), np.nan)
        positions = [{label: i for i, label in enumerate(layout.coords[d])} for d in spec.dims]
        at_year = spec.dims.index("year")
        duals = row_dual[block.start : block.stop]
        for key, dual in zip(block.keys, duals.tolist()):
            index = tuple(p[k] for p, k in zip(positions, key))
            array[index] = spec.sign * spec.scale * dual / core.discount[key[at_year]]
        values[spec.name] = array
    if "input_ets_price" in layout.dims:
        values["input_ets_price"] = np.array(
            [ets_price[y] if ets_price else np.nan for y in layout.coords["year"]]
        )
    return values


@dataclass
class _Loaded:
    """The numbers the live HiGHS instance holds, to diff a variant's LP against."""

    cost: np.ndarray
    offset: float
    col_lower: np.ndarray
    col_upper: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    matrix: sp.csc_matrix

    @classmethod
    def of(cls, lp: LinearProgram) -> _Loaded:
        return cls(
            lp.cost, lp.offset, lp.col_lower, lp.col_upper, lp.row_lower, lp.row_upper, lp.matrix
        )


def _highs_bounds(lower: np.ndarray, upper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    inf = highspy.kHighsInf
    return np.where(np.isinf(lower), -inf, lower), np.where(np.isinf(upper), inf, upper)


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


def apply_changes(highs: highspy.Highs, loaded: _Loaded, lp: LinearProgram) -> dict[str, int]:
    """Hand HiGHS what differs between the LP it holds and ``lp``; return the counts."""
    counts = {}
    changed = np.nonzero(loaded.cost != lp.cost)[0]
    if len(changed):
        highs.changeColsCost(len(changed), changed.astype(np.int32), lp.cost[changed])
    counts["costs"] = len(changed)
    if loaded.offset != lp.offset:
        highs.changeObjectiveOffset(lp.offset)
    changed = np.nonzero((loaded.row_lower != lp.row_lower) | (loaded.row_upper != lp.row_upper))[0]
    if len(changed):
        lower, upper = _highs_bounds(lp.row_lower[changed], lp.row_upper[changed])
        highs.changeRowsBounds(len(changed), changed.astype(np.int32), lower, upper)
    counts["row_bounds"] = len(changed)
    changed = np.nonzero((loaded.col_lower != lp.col_lower) | (loaded.col_upper != lp.col_upper))[0]
    if len(changed):
        lower, upper = _highs_bounds(lp.col_lower[changed], lp.col_upper[changed])
        highs.changeColsBounds(len(changed), changed.astype(np.int32), lower, upper)
    counts["column_bounds"] = len(changed)
    rows, columns, values = changed_entries(loaded.matrix, lp.matrix)
    for row, column, value in zip(rows.tolist(), columns.tolist(), values.tolist()):
        highs.changeCoeff(row, column, value)
    counts["coefficients"] = len(rows)
    return counts


class VariantSolver:
    """The base scenario built and solved once; variants solved on it in place."""

    def __init__(self, scenario: Scenario, data: Data | None = None):
        self.scenario = scenario
        data = data if data is not None else load_data(scenario)
        self.base = Base.build(scenario, data, active_policies(scenario))
        self.layout = Layout.of(self.base.core, self.base.lp, "ets" in self.base.coefficients)
        self.flows = _Flows(self.base.core, self.base.lp, self.layout)
        self.shape = self.base.lp.shape_key()
        self.highs = new_highs(scenario.solver)
        self.highs.passModel(highs_lp(self.base.lp))
        self.loaded = _Loaded.of(self.base.lp)
        self.rebuilt = 0
        self.reference = self._solve(
            self.highs,
            "",
            self.base.core,
            dict(self.base.coefficients),
            self.base.lp,
            set(),
            live=True,
        )
        self.basis = self.highs.getBasis() if self.reference.optimal else None

    @property
    def data(self) -> Data:
        return self.base.data

    def solve(self, key: str, data: Data) -> Outcome:
        """Solve the variant whose Data is ``data`` (the base's with its changes)."""
        start = time.perf_counter()
        core, coefficients, changed = self.base.prepare(data)
        lp = self.base.build_lp(core, coefficients, changed)
        if lp.shape_key() == self.shape:
            apply_changes(self.highs, self.loaded, lp)
            self.loaded = _Loaded.of(lp)
            outcome = self._solve(self.highs, key, core, coefficients, lp, changed, live=True)
            if not outcome.optimal and self.basis is not None:
                self.highs.setBasis(self.basis)  # start the next variant from the base's
        else:
            self.rebuilt += 1
            lp = build_lp(core, self.base.policies, coefficients)
            highs = new_highs(self.scenario.solver)
            highs.passModel(highs_lp(lp))
            outcome = self._solve(highs, key, core, coefficients, lp, changed, live=False)
            outcome.rebuilt = True
        outcome.seconds = time.perf_counter() - start
        return outcome

    def _failure(self, highs, key: str, core: Core, coefficients: dict[str, Any]) -> Outcome:
        termination = _termination(highs)
        reason = highs.modelStatusToString(highs.getModelStatus())
        if termination == INFEASIBLE:
            reasons = explain_infeasibility(core, self.base.policies, coefficients, self.scenario)
            reason = "; ".join(reasons) or reason
        return Outcome(key, termination, reason, iterations=highs.getInfo().simplex_iteration_count)

    def _solve(
        self,
        highs,
        key: str,
        core: Core,
        coefficients: dict[str, Any],
        lp: LinearProgram,
        changed: set[str],
        live: bool,
    ) -> Outcome:
        """Solve, then re-solve warm until the policies' coefficients agree with the
        solution (as :func:`elektra.model.pipeline.solve_to_fixed_point` does)."""
        highs.run()
        if _termination(highs) != OPTIMAL:
            return self._failure(highs, key, core, coefficients)
        iterations = highs.getInfo().simplex_iteration_count
        solution = _solution(highs, lp)
        reason = ""
        # the fixed point changes only the updated policies' coefficients: a record of this
        # variant's build per part lets each step rebuild just their parts
        declared: Base | None = None
        for count in range(MAX_FIXED_POINT_ITERATIONS + 1):
            updates = {}
            for policy in self.base.policies:
                new = policy.fixed_point(core, coefficients[policy.name], solution)
                if new is not None:
                    updates[policy.name] = new
            if not updates:
                break
            if count == MAX_FIXED_POINT_ITERATIONS:
                reason = (
                    f"fixed point of {', '.join(updates)} not reached after {count} warm "
                    "re-solves: the last rates are used"
                )
                break
            if declared is None:
                declared = Base.declared(
                    self.scenario, self.base.data, core, self.base.policies, coefficients
                )
            coefficients = {**coefficients, **updates}
            following = declared.build_lp(core, coefficients, set())
            if following.shape_key() != lp.shape_key():
                raise ValueError("a policy's fixed-point update changed the LP's shape")
            apply_changes(highs, _Loaded.of(lp), following)
            lp = following
            if live:
                self.loaded = _Loaded.of(lp)
            highs.run()
            iterations += highs.getInfo().simplex_iteration_count
            if _termination(highs) != OPTIMAL:
                return self._failure(highs, key, core, coefficients)
            solution = _solution(highs, lp)
        flows = self.flows
        if not flows.fits(core, lp):
            flows = _Flows(core, lp, self.layout)
            if lp.shape_key() == self.shape:
                self.flows = flows
        ets = coefficients.get("ets")
        values = key_results(
            self.layout,
            flows,
            core,
            lp,
            solution.x,
            solution.row_dual,
            solution.objective,
            ets.price if ets is not None else None,
        )
        return Outcome(key, OPTIMAL, reason, values=values, iterations=iterations)


def _solution(highs, lp: LinearProgram) -> Solution:
    solved = highs.getSolution()
    return Solution(
        lp=lp,
        termination=OPTIMAL,
        objective=highs.getInfo().objective_function_value,
        x=np.asarray(solved.col_value),
        row_dual=np.asarray(solved.row_dual),
        highs=highs,
    )
