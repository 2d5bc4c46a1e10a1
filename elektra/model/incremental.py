"""Build a variant's LP from its base's without redoing what the variant did not change.

A sweep solves many variants of one scenario that differ in a few parameters. Most of the
work of :func:`elektra.model.pipeline.prepare` and :func:`elektra.model.core.build_lp` does not depend
on those parameters: the core index sets, the rows of a capacity limit when only a price
moved. This module records, while it builds the base, what every stage read:

- the core (:func:`elektra.model.structure.build_core`) and each policy's coefficients: which
  parameters of the Data (``data.table(name)``, ``data[name]``), which attributes of the
  core and of earlier policies' coefficients;
- each part of the LP assembly (the core's variables and constraints, each policy's
  ``define``, the core costs, the tie-break): which attributes of the core and of its
  coefficients, and, inside it, what each constraint's rule read.

For a variant, a stage whose reads all equal the base's gives the base's result without
running (a deterministic function that reads the same values does the same thing); a
constraint block whose rule read only unchanged values and whose keys are the same keeps
the base's rows. Everything else runs as in :func:`elektra.model.core.build_lp`, so the variant's
LP is the one a fresh build gives, array for array (tested).

The reads are noted through thin proxies of the Data, the core and the coefficients,
only while the base is built; a variant runs on the plain objects.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse as sp

from elektra.inputs.config import Scenario
from elektra.inputs.data import Data
from elektra.model.core import add_core, core_costs, tie_break_cost
from elektra.model.lp import Builder, LinearProgram, RowBlock, Variables
from elektra.model.structure import Core, build_core
from elektra.policies import Policy

Read = tuple[str, str]
#: The name of a declared read of a whole object (see :meth:`Base.declared`).
WHOLE = "*"

# --------------------------------------------------------------------------- noting reads


class _Reads:
    """A stack of sets: every read goes into each open frame."""

    def __init__(self) -> None:
        self.frames: list[set[Read]] = []

    def note(self, read: Read) -> None:
        for frame in self.frames:
            frame.add(read)

    @contextmanager
    def frame(self):
        reads: set[Read] = set()
        self.frames.append(reads)
        try:
            yield reads
        finally:
            self.frames.pop()


class _Tracked:
    """A read-noting view of a frozen dataclass (the core, a policy's coefficients).

    Instance attributes are noted as ``(owner, name)``; methods and properties run with
    ``self`` bound to the view, so what they read is noted too.
    """

    __slots__ = ("_target", "_owner", "_reads")

    def __init__(self, target: Any, owner: str, reads: _Reads):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_owner", owner)
        object.__setattr__(self, "_reads", reads)

    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        own = getattr(target, "__dict__", {})
        if name in own:
            object.__getattribute__(self, "_reads").note(
                (object.__getattribute__(self, "_owner"), name)
            )
            return own[name]
        attribute = inspect.getattr_static(type(target), name)
        if isinstance(attribute, staticmethod):
            return attribute.__func__
        if isinstance(attribute, classmethod):
            return attribute.__func__.__get__(type(target))
        if isinstance(attribute, property):
            return attribute.fget(self)
        if isinstance(attribute, cached_property):
            return attribute.func(self)
        if inspect.isfunction(attribute):
            return attribute.__get__(self)
        object.__getattribute__(self, "_reads").note(
            (object.__getattribute__(self, "_owner"), name)
        )
        return getattr(target, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{name!r}: read-only view")


class _TrackedData(_Tracked):
    """A read-noting view of a Data: parameters read are noted as ``("parameter", name)``.

    The labels, sets and rows of a dataset are the same for every variant of a sweep
    (variants change values only), so only parameter reads are noted.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        if name == "values":
            raise AttributeError("read parameters through data.table(name) or data[name]")
        return getattr(target, name)

    def table(self, name: str):
        object.__getattribute__(self, "_reads").note(("parameter", name))
        return object.__getattribute__(self, "_target").table(name)

    def __getitem__(self, name: str):
        object.__getattribute__(self, "_reads").note(("parameter", name))
        return object.__getattribute__(self, "_target")[name]


def same(a: Any, b: Any) -> bool:
    """Whether two values a stage read are equal (arrays compared element by element)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------- the base's record


@dataclass
class _BlockRecord:
    block: RowBlock
    #: what the rule read, and what its part had read before it was declared
    reads: set[Read]
    before: set[Read]


@dataclass
class _PartRecord:
    """One part of the LP assembly: what it read and the builder calls it made."""

    name: str
    reads: set[Read] = field(default_factory=set)
    calls: list[tuple] = field(default_factory=list)
    #: variable blocks the part added to the model's Variables
    added: list[str] = field(default_factory=list)
    blocks: dict[str, _BlockRecord] = field(default_factory=dict)


@dataclass
class _StageRecord:
    """The core or one policy's coefficients: what it read."""

    reads: set[Read]


class _Changes:
    """What differs between a variant and the base, decided once per read.

    ``coefficients`` may still be filling (policies in order): a read of a policy's
    coefficients is looked up when it is first asked about.
    """

    def __init__(self, base: Base, changed: set[str], core: Core, coefficients: Mapping):
        self.base = base
        self.changed = changed
        self.core = core
        self.coefficients = coefficients
        self._memo: dict[Read, bool] = {}

    def _objects(self, owner: str) -> tuple[Any, Any]:
        if owner == "core":
            return self.base.core, self.core
        name = owner.removeprefix("coef:")
        return self.base.coefficients.get(name), self.coefficients.get(name)

    def differs(self, read: Read) -> bool:
        owner, name = read
        if owner == "parameter":
            return name in self.changed
        if read not in self._memo:
            old, new = self._objects(owner)
            if old is None or new is None:
                return True
            if name == WHOLE:  # a declared read of the whole object: any new object differs
                self._memo[read] = old is not new
                return self._memo[read]
            self._memo[read] = old is not new and not same(getattr(old, name), getattr(new, name))
        return self._memo[read]

    def any(self, reads: set[Read]) -> bool:
        return any(self.differs(read) for read in reads)


# --------------------------------------------------------------------------- the builder


class _Assembly(Builder):
    """A Builder that records (for the base) or reuses (for a variant) parts and blocks."""

    def __init__(
        self,
        discount: Mapping[int, float],
        reads: _Reads | None = None,
        base: Mapping[str, _PartRecord] | None = None,
        changes: _Changes | None = None,
    ):
        super().__init__(discount)
        self.reads = reads
        self.base = base or {}
        self.changes = changes
        self.part: _PartRecord | None = None
        self.part_outside: set[Read] | None = None
        #: (rows object, its arrays): the COO arrays of each block's rows, computed once
        self.arrays: dict[int, tuple] = {}

    # -- parts
    def run_part(self, name: str, x: Variables | None, function: Callable[[], Any]) -> Any:
        """Run one part of the assembly (or replay the base's), recording for the base."""
        if self.changes is not None:
            record = self.base[name]
            if not self.changes.any(record.reads):
                return self._replay(record, x)
            self.part = record
            try:
                return function()
            finally:
                self.part = None
        record = _PartRecord(name)
        before = set(x._blocks) if x is not None else set()
        self.part = record
        with self.reads.frame() as reads, self.reads.frame() as outside:
            self.part_outside = outside
            result = function()
        self.part, self.part_outside = None, None
        record.reads = reads
        variables = result if isinstance(result, Variables) else x
        if variables is not None:
            record.added = [n for n in variables._blocks if n not in before]
        self.base = {**self.base, name: record}
        return result

    def _replay(self, record: _PartRecord, x: Variables | None) -> Any:
        made = Variables() if x is None else x
        for call in record.calls:
            kind = call[0]
            if kind == "variables":
                block = self._reuse_columns(call[1])
                if block.name in record.added:
                    made.add(block)
            elif kind == "constraints":
                self._reuse_rows(call[1])
            elif kind == "cost":
                self._terms.append(call[1])
            else:
                _, component, year, value = call
                super().constant(component, year, value)
        return made

    # -- builder calls
    def variables(self, name, keys, dims, *, units="", description=""):
        base = self.base_part_call("variables", name)
        if base is not None and list(keys) == base.keys:
            block = self._reuse_columns(base)
        else:
            block = super().variables(name, keys, dims, units=units, description=description)
        self._record(("variables", block))
        return block

    def _reuse_columns(self, base):
        if base.start == self._next_column:
            block = base
        else:
            block = type(base)(
                base.name,
                base.keys,
                base.dims,
                self._next_column,
                base.units,
                base.description,
                base.position,
            )
        self.columns[block.name] = block
        self._next_column = block.stop
        return block

    def constraints(self, name, keys, dims, rule, **options):
        keys = list(keys)
        if self.changes is not None and self.part is not None:
            record = self.part.blocks.get(name)
            if (
                record is not None
                and not options.get("elastic")
                and not self.changes.any(record.before)
                and not self.changes.any(record.reads)
                and keys == record.block.keys
            ):
                block = self._reuse_rows(record.block)
                return block
            return super().constraints(name, keys, dims, rule, **options)
        if self.reads is None or self.part is None:
            return super().constraints(name, keys, dims, rule, **options)
        # what the part read outside its blocks so far may feed this rule's closure
        before = set(self.part_outside)
        outside = self.reads.frames.pop()
        try:
            with self.reads.frame() as reads:
                block = super().constraints(name, keys, dims, rule, **options)
        finally:
            self.reads.frames.append(outside)
        self.part.blocks[name] = _BlockRecord(block, reads, before)
        self._record(("constraints", block))
        return block

    def _reuse_rows(self, base: RowBlock) -> RowBlock:
        block = RowBlock(
            base.name,
            base.keys,
            base.dims,
            self._next_row,
            base.rows,
            rule=base.rule,
            elastic=base.elastic,
            dual=base.dual,
            dual_note=base.dual_note,
            position=base.position,
        )
        self.rows[block.name] = block
        self._next_row = block.stop
        return block

    def cost(self, component, year, pairs):
        count = len(self._terms)
        super().cost(component, year, pairs)
        if len(self._terms) > count:
            self._record(("cost", self._terms[-1]))

    def constant(self, component, year, value):
        super().constant(component, year, value)
        self._record(("constant", component, year, float(value)))

    def base_part_call(self, kind: str, name: str):
        if self.changes is None or self.part is None:
            return None
        for call in self.part.calls:
            if call[0] == kind and call[1].name == name:
                return call[1]
        return None

    def _record(self, call: tuple) -> None:
        if self.changes is None and self.part is not None:
            self.part.calls.append(call)

    # -- assembly
    def _block_arrays(self, rows: list) -> tuple:
        key = id(rows)
        if key not in self.arrays:
            lengths = np.fromiter((len(r.columns) for r in rows), dtype=np.int64, count=len(rows))
            total = int(lengths.sum())
            columns = np.fromiter((c for r in rows for c in r.columns), dtype=np.int64, count=total)
            values = np.fromiter(
                (v for r in rows for v in r.coefficients), dtype=float, count=total
            )
            lower = np.fromiter((r.lower for r in rows), dtype=float, count=len(rows))
            upper = np.fromiter((r.upper for r in rows), dtype=float, count=len(rows))
            self.arrays[key] = (rows, lengths, columns, values, lower, upper)
        return self.arrays[key][1:]

    def finish(self) -> LinearProgram:
        """The same arrays as :meth:`Builder.finish`, from each block's cached arrays."""
        num_columns, num_rows = self._next_column, self._next_row
        row_parts, column_parts, value_parts = [], [], []
        row_lower = np.empty(num_rows)
        row_upper = np.empty(num_rows)
        for block in self.rows.values():
            lengths, columns, values, lower, upper = self._block_arrays(block.rows)
            numbers = np.arange(block.start, block.stop, dtype=np.int64)
            row_parts.append(np.repeat(numbers, lengths))
            column_parts.append(columns)
            value_parts.append(values)
            row_lower[block.start : block.stop] = lower
            row_upper[block.start : block.stop] = upper
        concat = np.concatenate
        matrix = sp.csc_matrix(
            (
                concat(value_parts) if value_parts else np.empty(0),
                (
                    concat(row_parts) if row_parts else np.empty(0, np.int64),
                    concat(column_parts) if column_parts else np.empty(0, np.int64),
                ),
            ),
            shape=(num_rows, num_columns),
        )
        matrix.sum_duplicates()
        cost, terms, offset = self.objective(num_columns)
        return LinearProgram(
            columns=self.columns,
            rows=self.rows,
            col_lower=np.zeros(num_columns),
            col_upper=np.full(num_columns, np.inf),
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


# --------------------------------------------------------------------------- the base


def _assemble(b: _Assembly, core, policies: Sequence[Policy], coefficients: Mapping) -> None:
    """The parts of :func:`elektra.model.core.build_lp`, in its order."""
    x = b.run_part("core", None, lambda: add_core(b, core))
    for policy in policies:
        b.run_part(
            f"policy:{policy.name}",
            x,
            lambda policy=policy: policy.define(b, x, core, coefficients[policy.name]),
        )
    b.run_part("core_costs", x, lambda: core_costs(b, x, core))
    b.run_part("tie_break", x, lambda: tie_break_cost(b, x, core))


@dataclass
class Base:
    """A scenario built once with the reads of every stage noted, ready for variants."""

    scenario: Scenario
    data: Data
    core: Core
    policies: tuple[Policy, ...]
    coefficients: dict[str, Any]
    lp: LinearProgram
    stages: dict[str, _StageRecord]
    parts: dict[str, _PartRecord]
    arrays: dict[int, tuple]

    @classmethod
    def build(cls, scenario: Scenario, data: Data, policies: Sequence[Policy]) -> Base:
        reads = _Reads()
        with reads.frame() as core_reads:
            core = build_core(_TrackedData(data, "data", reads), scenario)
        stages = {"core": _StageRecord(core_reads)}
        coefficients: dict[str, Any] = {}
        tracked_core = _Tracked(core, "core", reads)
        for policy in policies:
            earlier = {n: _Tracked(c, f"coef:{n}", reads) for n, c in coefficients.items()}
            with reads.frame() as policy_reads:
                coefficients[policy.name] = policy.coefficients(
                    _TrackedData(data, "data", reads), scenario, tracked_core, earlier
                )
            stages[policy.name] = _StageRecord(policy_reads)
        b = _Assembly(core.discount, reads=reads)
        tracked_coefficients = {n: _Tracked(c, f"coef:{n}", reads) for n, c in coefficients.items()}
        _assemble(b, tracked_core, policies, tracked_coefficients)
        lp = b.finish()
        return cls(
            scenario, data, core, tuple(policies), coefficients, lp, stages, b.base, b.arrays
        )

    @classmethod
    def declared(
        cls,
        scenario: Scenario,
        data: Data,
        core: Core,
        policies: Sequence[Policy],
        coefficients: Mapping[str, Any],
    ) -> Base:
        """A base recorded without noting reads, each part declared to read the whole core
        and its own policy's coefficients (a policy's ``define`` sees nothing else).

        Cheap to record (no proxies), and enough where only policies' coefficients change
        between builds, as in a fixed point of pro-rata rates: a build then re-runs the
        parts of the policies whose coefficients are new objects and reuses the rest.
        Not for variants of the data (:meth:`build` notes what each stage reads).
        """
        b = _Assembly(core.discount, reads=_Reads())
        _assemble(b, core, policies, coefficients)
        lp = b.finish()
        for name, record in b.base.items():
            owner = name.removeprefix("policy:")
            declared = {("core", WHOLE)}
            if name.startswith("policy:"):
                declared.add((f"coef:{owner}", WHOLE))
            record.reads = set(declared)
            for block in record.blocks.values():
                block.reads, block.before = set(declared), set()
        return cls(
            scenario, data, core, tuple(policies), dict(coefficients), lp, {}, b.base, b.arrays
        )

    def changed_parameters(self, data: Data) -> set[str]:
        """Parameters whose values differ between ``data`` and the base's."""
        return {
            name
            for name, array in data.values.items()
            if array is not self.data.values[name]
            and not np.array_equal(
                array.to_numpy(), self.data.values[name].to_numpy(), equal_nan=True
            )
        }

    def prepare(self, data: Data) -> tuple[Core, dict[str, Any], set[str]]:
        """The variant's core and policy coefficients, reusing the base's where they read
        nothing that changed; also the set of changed parameters."""
        changed = self.changed_parameters(data)
        changes = _Changes(self, changed, self.core, self.coefficients)
        if changes.any(self.stages["core"].reads):
            core = build_core(data, self.scenario)
        else:
            core = self.core
        coefficients: dict[str, Any] = {}
        changes = _Changes(self, changed, core, coefficients)
        for policy in self.policies:
            if changes.any(self.stages[policy.name].reads):
                coefficients[policy.name] = policy.coefficients(
                    data, self.scenario, core, coefficients
                )
            else:
                coefficients[policy.name] = self.coefficients[policy.name]
        return core, coefficients, changed

    def build_lp(self, core: Core, coefficients: Mapping[str, Any], changed: set[str]):
        """The variant's LP: the base's parts and blocks where they read nothing that
        changed, the rest built as :func:`elektra.model.core.build_lp` builds it."""
        changes = _Changes(self, changed, core, coefficients)
        b = _Assembly(core.discount, base=self.parts, changes=changes)
        b.arrays = self.arrays
        _assemble(b, core, self.policies, coefficients)
        lp = b.finish()
        # blocks rebuilt for this variant are not kept: the cache holds the base's only
        for key in [k for k, v in self.arrays.items() if k not in self._base_rows]:
            del self.arrays[key]
        return lp

    @cached_property
    def _base_rows(self) -> set[int]:
        return {id(block.rows) for block in self.lp.rows.values()}
