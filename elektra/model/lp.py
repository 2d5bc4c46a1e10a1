"""A linear programme as blocks of columns and rows, assembled without a modelling library.

The model (:mod:`elektra.model.core` and the policy modules in :mod:`elektra.policies`) declares
its variables and constraints through a :class:`Builder`. A constraint rule is a small
function from one index key to a :class:`Row`: the column numbers it touches, their
coefficients and its bounds. Costs are declared per component and year, undiscounted,
so that the objective and the reported cost are the same expression (the objective
discounts it, :meth:`LinearProgram.evaluate_costs` evaluates it on a solution).

What comes out, :class:`LinearProgram`, is plain numpy/scipy arrays with the name and index
key of every column and row. HiGHS takes it directly (:mod:`elektra.model.solve`), Pyomo gets
the same LP with named components (:func:`elektra.model.core.to_pyomo`), and a sweep that
rebuilds a variant compares two LinearPrograms of the same shape and changes only the
numbers that differ in the HiGHS instance it already solved.

Nothing here knows the energy system; nothing here imports Pyomo or HiGHS.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import numpy as np
import scipy.sparse as sp

INF = float("inf")

#: Penalty per unit of slack in elastic mode (MEUR per unit): large against every real
#: cost, small enough to keep the LP well scaled.
ELASTIC_PENALTY = 1e5

#: Cost components that enter the objective but not the reported cost to industry.
UNREPORTED_COMPONENTS = ("tie_break", "elastic_penalty")


class Row(NamedTuple):
    """One linear row: ``lower <= sum(coefficients * x[columns]) <= upper``."""

    columns: list[int]
    coefficients: list[float]
    lower: float
    upper: float


Pairs = Iterable[tuple[float, int]]


def _split(pairs: Pairs) -> tuple[list[int], list[float]]:
    pairs = list(pairs)
    if not pairs:
        return [], []
    coefficients, columns = zip(*pairs)
    return list(columns), list(coefficients)


def at_most(pairs: Pairs, upper: float) -> Row:
    """The row ``sum(pairs) <= upper``."""
    return Row(*_split(pairs), -INF, float(upper))


def at_least(pairs: Pairs, lower: float) -> Row:
    """The row ``sum(pairs) >= lower``."""
    return Row(*_split(pairs), float(lower), INF)


def equal_to(pairs: Pairs, value: float) -> Row:
    """The row ``sum(pairs) == value``."""
    return Row(*_split(pairs), float(value), float(value))


@dataclass(frozen=True)
class DualSpec:
    """How the dual of one constraint is reported in the results Dataset.

    Duals are reported in money of their own year (the discounting of the objective is
    taken out) and with the sign a modeller reads.
    """

    #: The constraint (row block) whose dual this is.
    constraint: str
    #: The name of the variable in the results Dataset.
    name: str
    dims: tuple[str, ...]
    units: str
    description: str
    #: +1 for balances and commitments (a marginal cost), -1 for limits (what one more
    #: unit of the limit is worth, >= 0 when binding).
    sign: float = -1.0
    scale: float = 1.0
    #: Report only the labels that have a row (e.g. the carriers made in the model)
    #: instead of every label of each dimension.
    only_rows: bool = False


@dataclass(frozen=True)
class Elastic:
    """A constraint that may give way, at a penalty, when an infeasible scenario is
    explained (:mod:`elektra.model.diagnose`).

    ``group`` is ``"targets"`` (what must be reached: demand, caps, commitments) or
    ``"limits"`` (what restricts: grid, storage, supply, build rates). ``sign`` is +1 when
    the slack adds to the row's left-hand side (a shortfall of a target), -1 when it
    subtracts (an excess over a limit). ``explain(key, amount, row)`` says in a
    modeller's words what the slack means.
    """

    group: Literal["targets", "limits"]
    sign: float
    explain: Callable[[tuple, float, Row], str]


@dataclass
class ColumnBlock:
    """An indexed variable: one column per key, numbered from ``start``."""

    name: str
    keys: list[tuple]
    dims: tuple[str, ...]
    start: int
    units: str = ""
    description: str = ""
    position: dict[tuple, int] = field(default_factory=dict, repr=False)
    #: New capacity keyed by the year it comes online: decided its route's lead time
    #: before that year (myopic foresight decides it then).
    ahead: bool = False

    def __post_init__(self) -> None:
        if not self.position:
            self.position = {key: i for i, key in enumerate(self.keys)}
        if len(self.position) != len(self.keys):
            raise ValueError(f"variable {self.name!r} has duplicate index keys")

    def __getitem__(self, key: tuple) -> int:
        return self.start + self.position[key]

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.position

    @property
    def stop(self) -> int:
        return self.start + len(self.keys)


@dataclass
class RowBlock:
    """An indexed constraint: one row per key, numbered from ``start``."""

    name: str
    keys: list[tuple]
    dims: tuple[str, ...]
    start: int
    rows: list[Row]
    #: The function that made each row: its docstring holds the formula.
    rule: Callable | None = None
    elastic: Elastic | None = None
    dual: DualSpec | None = None
    #: Why a constraint without a DualSpec reports no dual.
    dual_note: str = ""
    position: dict[tuple, int] = field(default_factory=dict, repr=False)

    #: The rows as arrays (row lengths, columns, coefficients, lower, upper), made once.
    _arrays: tuple[np.ndarray, ...] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.position:
            self.position = {key: i for i, key in enumerate(self.keys)}

    def __getitem__(self, key: tuple) -> int:
        return self.start + self.position[key]

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def stop(self) -> int:
        return self.start + len(self.keys)

    def arrays(self) -> tuple[np.ndarray, ...]:
        """The rows as arrays: length of each row, the columns and coefficients of all
        rows one after the other, and the lower and upper bounds (computed once)."""
        if self._arrays is None:
            rows = self.rows
            lengths = np.fromiter((len(r.columns) for r in rows), dtype=np.int64, count=len(rows))
            total = int(lengths.sum())
            columns = np.fromiter((c for r in rows for c in r.columns), np.int64, count=total)
            values = np.fromiter((v for r in rows for v in r.coefficients), float, count=total)
            lower = np.fromiter((r.lower for r in rows), dtype=float, count=len(rows))
            upper = np.fromiter((r.upper for r in rows), dtype=float, count=len(rows))
            self._arrays = (lengths, columns, values, lower, upper)
        return self._arrays

    def moved(self, start: int) -> RowBlock:
        """The same block numbered from ``start`` (its rows and arrays shared)."""
        if start == self.start:
            return self
        return RowBlock(
            self.name,
            self.keys,
            self.dims,
            start,
            self.rows,
            rule=self.rule,
            elastic=self.elastic,
            dual=self.dual,
            dual_note=self.dual_note,
            position=self.position,
            _arrays=self._arrays,
        )


@dataclass(frozen=True)
class CostTerm:
    """The undiscounted cost of one component in one year: ``coefficients @ x[columns]``."""

    component: str
    year: int
    columns: np.ndarray
    coefficients: np.ndarray


@dataclass
class LinearProgram:
    """A minimisation LP as arrays, with the name and key of every column and row."""

    columns: dict[str, ColumnBlock]
    rows: dict[str, RowBlock]
    col_lower: np.ndarray
    col_upper: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    #: Constraint matrix, compressed sparse columns.
    matrix: sp.csc_matrix
    #: Objective coefficient of each column: the discounted cost terms.
    cost: np.ndarray
    #: The objective's constant: discounted constant costs.
    offset: float
    terms: list[CostTerm]
    #: Constant cost per (component, year), undiscounted (fixed O&M of standing stock).
    constants: dict[tuple[str, int], float]
    discount: Mapping[int, float]
    #: The elastic groups switched on when the LP was built.
    elastic: tuple[str, ...] = ()

    @property
    def num_columns(self) -> int:
        return len(self.col_lower)

    @property
    def num_rows(self) -> int:
        return len(self.row_lower)

    def same_shape(self, other: LinearProgram) -> bool:
        """Whether ``other`` has the same blocks with the same keys in the same order (the
        same columns and rows), so that only its numbers may differ."""

        def same(mine: Mapping, theirs: Mapping) -> bool:
            return list(mine) == list(theirs) and all(
                a.start == b.start and (a.keys is b.keys or a.keys == b.keys)
                for a, b in zip(mine.values(), theirs.values())
            )

        return same(self.columns, other.columns) and same(self.rows, other.rows)

    def shape_key(self) -> tuple:
        """What decides the LP's shape: every block's name and index keys, in order."""
        return (
            tuple((name, tuple(block.keys)) for name, block in self.columns.items()),
            tuple((name, tuple(block.keys)) for name, block in self.rows.items()),
        )

    def evaluate_costs(self, x: np.ndarray) -> dict[tuple[str, int], float]:
        """Undiscounted cost per (component, year) of the solution ``x`` (MEUR/yr)."""
        costs: dict[tuple[str, int], float] = dict(self.constants)
        for term in self.terms:
            key = (term.component, term.year)
            costs[key] = costs.get(key, 0.0) + float(term.coefficients @ x[term.columns])
        return costs

    def column_names(self) -> list[str]:
        """Names such as ``activity(steel,port,steel_bf_bof,2030)``, LP-format safe."""
        return [_name(b.name, key) for b in self.columns.values() for key in b.keys]

    def row_names(self) -> list[str]:
        return [_name(b.name, key) for b in self.rows.values() for key in b.keys]


class Variables:
    """The model's variables by name: ``x.activity[key]`` is the column of that key."""

    def __init__(self) -> None:
        self._blocks: dict[str, ColumnBlock] = {}

    def add(self, block: ColumnBlock) -> ColumnBlock:
        self._blocks[block.name] = block
        self.__dict__[block.name] = block  # plain attribute: rules read it very often
        return block

    def __getattr__(self, name: str) -> ColumnBlock:
        try:
            return self.__dict__["_blocks"][name]
        except KeyError:
            raise AttributeError(f"no variable {name!r} in the model") from None


def _name(block: str, key: tuple) -> str:
    """A name LP and MPS readers accept: no spaces or square brackets."""
    return f"{block}({','.join(str(k) for k in key)})".replace(" ", "_")


class ShapeChanged(ValueError):
    """A part of an earlier build cannot be reused: the columns before it moved."""


@dataclass
class Part:
    """What one part of the assembly declared (the core's constraints, one policy, the
    core costs): its variables, constraints, cost terms and constants.

    A later build of the same LP may reuse a part whose inputs did not change
    (:meth:`Builder.reuse`) instead of running it again."""

    name: str
    columns: list[ColumnBlock] = field(default_factory=list)
    rows: list[RowBlock] = field(default_factory=list)
    terms: list[tuple[str, int | None, np.ndarray, np.ndarray]] = field(default_factory=list)
    constants: list[tuple[str, int, float]] = field(default_factory=list)


class Builder:
    """Collects column blocks, row blocks and cost terms, then assembles the LP.

    ``elastic`` names the groups of constraints (``"targets"``, ``"limits"``) that get a
    penalised slack column per row, for explaining an infeasible scenario. What is declared
    inside ``with builder.part(name):`` is recorded as that part (:attr:`parts`), so that a
    later build of the same LP can reuse it (:meth:`reuse`).
    """

    def __init__(self, discount: Mapping[int, float], elastic: Sequence[str] = ()):
        self.discount = discount
        self.elastic = tuple(elastic)
        self.columns: dict[str, ColumnBlock] = {}
        self.rows: dict[str, RowBlock] = {}
        self._terms: list[tuple[str, int | None, np.ndarray, np.ndarray]] = []
        self.constants: dict[tuple[str, int], float] = {}
        self.parts: dict[str, Part] = {}
        self._part: Part | None = None
        self._previous: dict[str, RowBlock] = {}
        self._changed: frozenset[str] = frozenset()
        #: constraint blocks taken from an earlier build (:meth:`part`)
        self.kept_blocks = 0
        self._next_column = 0
        self._next_row = 0

    @contextmanager
    def part(self, name: str, previous: Part | None = None, changed: Collection[str] = ()):
        """Record what is declared inside the block as the part ``name``.

        ``previous``: the part of an earlier build of the same LP; a constraint block of it
        that declares the only core fields its rows read (``constraints(..., fields=)``) and
        none of which are in ``changed`` is taken from it instead of built again.
        """
        if name in self.parts:
            raise ValueError(f"part {name!r} built twice")
        self._part = self.parts[name] = Part(name)
        self._previous = {block.name: block for block in previous.rows} if previous else {}
        self._changed = frozenset(changed)
        try:
            yield self._part
        finally:
            self._part = None
            self._previous = {}

    def reuse(self, part: Part, x: Variables | None = None) -> None:
        """Add a part of an earlier build of this LP as it was.

        Its variables must land on the same column numbers (the parts before it have the
        same shape), else :class:`ShapeChanged`. Its variables are added to ``x``.
        """
        if part.name in self.parts:
            raise ValueError(f"part {part.name!r} built twice")
        for block in part.columns:
            if block.start != self._next_column:
                raise ShapeChanged(f"variable {block.name!r} of part {part.name!r} moved")
            self.columns[block.name] = block
            self._next_column = block.stop
            if x is not None:
                x.add(block)
        rows = []
        for block in part.rows:
            moved = block.moved(self._next_row)
            self.rows[moved.name] = moved
            self._next_row = moved.stop
            rows.append(moved)
        self._terms.extend(part.terms)
        for component, year, value in part.constants:
            self._add_constant(component, year, value)
        self.parts[part.name] = Part(part.name, part.columns, rows, part.terms, part.constants)

    def variables(
        self,
        name: str,
        keys: Sequence[tuple],
        dims: Sequence[str],
        *,
        units: str = "",
        description: str = "",
        ahead: bool = False,
    ) -> ColumnBlock:
        """Declare a non-negative variable with one column per key (``ahead``: new
        capacity, decided its route's lead time before the year of its key)."""
        if name in self.columns:
            raise ValueError(f"variable {name!r} declared twice")
        block = ColumnBlock(
            name, list(keys), tuple(dims), self._next_column, units, description, ahead=ahead
        )
        self.columns[name] = block
        self._next_column = block.stop
        if self._part is not None:
            self._part.columns.append(block)
        return block

    def constraints(
        self,
        name: str,
        keys: Sequence[tuple],
        dims: Sequence[str],
        rule: Callable[[tuple], Row],
        *,
        elastic: Elastic | None = None,
        dual: DualSpec | None = None,
        dual_note: str = "",
        doc: Callable | None = None,
        fields: frozenset[str] | None = None,
    ) -> RowBlock:
        """Declare a constraint: ``rule(key)`` makes the row of each key.

        ``doc`` is the function whose docstring holds the constraint's formula (the rule
        itself by default). ``fields``: the core fields the rows read, where that is all
        they read besides the variables (no policy coefficient): the block is then taken
        from the earlier build of its part while none of them changed.
        """
        if name in self.rows:
            raise ValueError(f"constraint {name!r} declared twice")
        if dual is None and not dual_note:
            raise ValueError(f"constraint {name!r}: give its DualSpec or say why it has none")
        keys = list(keys)
        earlier = self._previous.get(name)
        if (
            fields is not None
            and earlier is not None
            and not (elastic is not None and elastic.group in self.elastic)
            and not fields & self._changed
            and (earlier.keys is keys or earlier.keys == keys)
        ):
            block = earlier.moved(self._next_row)
            self.rows[name] = block
            self._next_row = block.stop
            self.kept_blocks += 1
            if self._part is not None:
                self._part.rows.append(block)
            return block
        rows = [rule(key) for key in keys]
        if elastic is not None and elastic.group in self.elastic and keys:
            slack = self.variables(f"{name}_slack", keys, dims, description="elastic slack")
            rows = [
                Row([*row.columns, slack.start + i], [*row.coefficients, elastic.sign], *row[2:])
                for i, row in enumerate(rows)
            ]
            self.cost("elastic_penalty", None, [(ELASTIC_PENALTY, c) for c in range(*_span(slack))])
        block = RowBlock(
            name,
            keys,
            tuple(dims),
            self._next_row,
            rows,
            rule=doc or getattr(rule, "func", rule),
            elastic=elastic,
            dual=dual,
            dual_note=dual_note,
        )
        self.rows[name] = block
        self._next_row = block.stop
        if self._part is not None:
            self._part.rows.append(block)
        return block

    def cost(self, component: str, year: int | None, pairs: Pairs) -> None:
        """Add undiscounted cost terms of a component in a year (MEUR/yr per unit).

        ``year=None`` is for penalties that are not discounted and not reported.
        """
        columns, coefficients = _split(pairs)
        if columns:
            term = (
                component,
                year,
                np.asarray(columns, dtype=np.int64),
                np.asarray(coefficients, dtype=float),
            )
            self._terms.append(term)
            if self._part is not None:
                self._part.terms.append(term)

    def constant(self, component: str, year: int, value: float) -> None:
        """Add a cost that no decision changes (MEUR/yr)."""
        self._add_constant(component, year, value)
        if self._part is not None:
            self._part.constants.append((component, year, float(value)))

    def _add_constant(self, component: str, year: int, value: float) -> None:
        key = (component, year)
        self.constants[key] = self.constants.get(key, 0.0) + float(value)

    def objective(self, num_columns: int) -> tuple[np.ndarray, list[CostTerm], float]:
        """The objective's coefficients (the discounted cost terms), the cost terms as
        arrays, and the objective's constant (the discounted constant costs)."""
        terms = [
            CostTerm(c, y, columns, values)
            for c, y, columns, values in self._terms
            if y is not None
        ]
        if self._terms:
            columns = np.concatenate([term[2] for term in self._terms])
            weighted = np.concatenate(
                [
                    (1.0 if year is None else self.discount[year]) * values
                    for _, year, _, values in self._terms
                ]
            )
            cost = np.bincount(columns, weights=weighted, minlength=num_columns)
        else:
            cost = np.zeros(num_columns)
        offset = sum(self.discount[y] * value for (_, y), value in self.constants.items())
        return cost, terms, offset

    def finish(self) -> LinearProgram:
        """Assemble the arrays of the LP (each block's rows as arrays, made once)."""
        num_columns, num_rows = self._next_column, self._next_row
        row_parts, column_parts, value_parts = [], [], []
        row_lower = np.empty(num_rows)
        row_upper = np.empty(num_rows)
        for block in self.rows.values():
            lengths, columns, values, lower, upper = block.arrays()
            numbers = np.arange(block.start, block.stop, dtype=np.int64)
            row_parts.append(np.repeat(numbers, lengths))
            column_parts.append(columns)
            value_parts.append(values)
            row_lower[block.start : block.stop] = lower
            row_upper[block.start : block.stop] = upper

        def joined(parts: list[np.ndarray], dtype) -> np.ndarray:
            return np.concatenate(parts) if parts else np.empty(0, dtype)

        matrix = sp.csc_matrix(
            (
                joined(value_parts, float),
                (joined(row_parts, np.int64), joined(column_parts, np.int64)),
            ),
            shape=(num_rows, num_columns),
        )
        matrix.sum_duplicates()
        cost, terms, offset = self.objective(num_columns)
        return LinearProgram(
            columns=self.columns,
            rows=self.rows,
            col_lower=np.zeros(num_columns),
            col_upper=np.full(num_columns, INF),
            row_lower=row_lower,
            row_upper=row_upper,
            matrix=matrix,
            cost=cost,
            offset=offset,
            terms=terms,
            constants=dict(self.constants),
            discount=self.discount,
            elastic=self.elastic,
        )


def _span(block: ColumnBlock) -> tuple[int, int]:
    return block.start, block.stop


def by_block(block: ColumnBlock | RowBlock, numbers: np.ndarray) -> dict[tuple, float]:
    """The values of one block's columns (or rows) keyed by index key."""
    return dict(zip(block.keys, numbers[block.start : block.stop].tolist()))
