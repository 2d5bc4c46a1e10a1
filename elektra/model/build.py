"""From a scenario's data to its LP, and from one LP to a variant's, rebuilding only what
the variant's change reaches.

The stages and what each declares it reads:

- the core (:func:`elektra.model.structure.build_core`) reads the parameters in
  :data:`elektra.model.structure.CORE_READS`;
- each policy's coefficients read the parameters in ``Policy.reads``, the fields of the
  core in ``Policy.core_fields`` and the coefficients of the policies named in
  ``Policy.requires``;
- each part of the LP (the core's constraints, each policy's variables, constraints and
  costs, the core costs, the tie-break) reads the fields of the core it declares
  (:data:`CORE_PARTS`, ``Policy.core_fields``) and, for a policy, its own coefficients.

Every build goes through :func:`assemble`. Given the previous build of the same scenario
(:class:`Built`), a stage whose declared inputs did not change is not run again: its
result is the previous one (a deterministic function of the same values). A policy that
reads a parameter it did not declare fails with :class:`UndeclaredRead` at once; a test
checks the fields of the core each part reads against its declaration. A variant's LP is
therefore the one a fresh build gives, array for array (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from elektra.model.core import (
    CONSTRAINT_FIELDS,
    COST_FIELDS,
    TIE_BREAK_FIELDS,
    add_core,
    core_costs,
    tie_break_cost,
)
from elektra.model.lp import Builder, LinearProgram, Part, ShapeChanged, Variables
from elektra.model.structure import CORE_READS, Core, build_core
from elektra.policies import Policy, ordered_policies

if TYPE_CHECKING:
    from elektra.inputs.config import Scenario
    from elektra.inputs.data import Data


class UndeclaredRead(RuntimeError):
    """A stage read a parameter it does not declare: a bug in elektra, named exactly."""


class DeclaredData:
    """A Data that gives a stage only the parameters it declares it reads."""

    __slots__ = ("_data", "_reads", "_stage")

    def __init__(self, data: Data, reads: Collection[str], stage: str):
        self._data = data
        self._reads = frozenset(reads)
        self._stage = stage

    def _check(self, name: str) -> None:
        if name not in self._reads:
            raise UndeclaredRead(
                f"{self._stage} reads parameter {name!r} but does not declare it; add it to "
                "its declared reads"
            )

    def table(self, name: str):
        self._check(name)
        return self._data.table(name)

    def __getitem__(self, name: str):
        self._check(name)
        return self._data[name]

    def __getattr__(self, name: str) -> Any:
        if name == "values":
            raise UndeclaredRead(f"{self._stage} reads every parameter (data.values)")
        return getattr(self._data, name)


#: The parts of the core's LP: name, the function that declares it, the core fields it reads.
CORE_PARTS: tuple[tuple[str, Callable, frozenset[str]], ...] = (
    ("core", add_core, CONSTRAINT_FIELDS),
    ("core_costs", core_costs, COST_FIELDS),
    ("tie_break", tie_break_cost, TIE_BREAK_FIELDS),
)

CORE_FIELDS = tuple(f.name for f in fields(Core))


def same(a: Any, b: Any) -> bool:
    """Whether two values a stage read are equal (arrays element by element)."""
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


def changed_parameters(old: Data, new: Data) -> frozenset[str]:
    """The parameters whose values differ between two Data of the same dataset."""
    if old is new:
        return frozenset()
    return frozenset(
        name
        for name, array in new.values.items()
        if array is not old.values.get(name)
        and not np.array_equal(array.to_numpy(), old.values[name].to_numpy(), equal_nan=True)
    )


def changed_fields(old: Core, new: Core) -> frozenset[str]:
    """The fields of the core whose values differ."""
    if old is new:
        return frozenset()
    return frozenset(f for f in CORE_FIELDS if not same(getattr(old, f), getattr(new, f)))


@dataclass
class Built:
    """A scenario's LP and everything it was built from."""

    scenario: Scenario
    data: Data
    core: Core
    #: the active policies, each after the policies it requires
    policies: tuple[Policy, ...]
    #: each policy's coefficients as computed from the data (before any fixed point)
    initial: dict[str, Any]
    #: the coefficients the LP was built from (the fixed point's, where it moved them)
    coefficients: dict[str, Any]
    lp: LinearProgram
    parts: dict[str, Part]
    elastic: tuple[str, ...] = ()


def policy_coefficients(
    data: Data,
    scenario: Scenario,
    core: Core,
    policies: Sequence[Policy],
    previous: Built | None = None,
    parameters: Collection[str] = (),
    core_changes: Collection[str] = (),
) -> dict[str, Any]:
    """Each policy's coefficients from the data, in the order of their requirements.

    With ``previous``, a policy none of whose declared inputs changed (``parameters`` and
    ``core_changes`` say what did) keeps the previous coefficients.
    """
    coefficients: dict[str, Any] = {}
    recomputed: set[str] = set()
    for policy in policies:
        required = {n: coefficients[n] for n in policy.requires if n in coefficients}
        if (
            previous is not None
            and policy.name in previous.initial
            and not set(policy.reads) & set(parameters)
            and not set(policy.core_fields) & set(core_changes)
            and not recomputed & set(policy.requires)
        ):
            coefficients[policy.name] = previous.initial[policy.name]
            continue
        view = DeclaredData(data, policy.reads, f"policy {policy.name!r}")
        coefficients[policy.name] = policy.coefficients(view, scenario, core, required)
        recomputed.add(policy.name)
    return coefficients


def assemble(
    core: Core,
    policies: Sequence[Policy],
    coefficients: Mapping[str, Any],
    elastic: Sequence[str] = (),
    previous: Built | None = None,
    core_changes: Collection[str] = (),
) -> tuple[LinearProgram, dict[str, Part]]:
    """The LP of the core and the policies, part by part.

    With ``previous`` (a build of the same scenario, same elastic groups), a part whose
    inputs did not change is taken from it: a core part when none of its declared core
    fields changed, a policy's part when also its coefficients are the same object.
    """
    reusable = previous is not None and previous.elastic == tuple(elastic)
    changes = set(core_changes)

    def keep(name: str, reads: Collection[str], coefficient: Any = None) -> Part | None:
        if not reusable or name not in previous.parts or changes & set(reads):
            return None
        if coefficient is not None and previous.coefficients.get(name[7:]) is not coefficient:
            return None
        return previous.parts[name]

    try:
        b = Builder(core.discount, elastic)
        x = Variables()
        for name, declare, reads in CORE_PARTS[:1]:
            kept = keep(name, reads)
            if kept is not None:
                b.reuse(kept, x)
            else:
                with b.part(name):
                    x = declare(b, core)
        for policy in policies:
            name = f"policy:{policy.name}"
            kept = keep(name, policy.core_fields, coefficients[policy.name])
            if kept is not None:
                b.reuse(kept, x)
            else:
                earlier = previous.parts.get(name) if reusable else None
                with b.part(name, earlier, changes):
                    policy.define(b, x, core, coefficients[policy.name])
        for name, declare, reads in CORE_PARTS[1:]:
            kept = keep(name, reads)
            if kept is not None:
                b.reuse(kept, x)
            else:
                with b.part(name):
                    declare(b, x, core)
        lp = b.finish()
        if reusable and not lp.same_shape(previous.lp):
            # a block or part of the earlier build cannot stand in an LP of another shape
            raise ShapeChanged("the variant's LP has another shape")
        return lp, b.parts
    except ShapeChanged:
        return assemble(core, policies, coefficients, elastic)


def build(scenario: Scenario, data: Data | None = None, elastic: Sequence[str] = ()) -> Built:
    """Load the data (unless given), compute the core and the policies' coefficients, and
    assemble the LP."""
    from elektra.inputs.data import load_data

    data = load_data(scenario) if data is None else data
    core = build_core(DeclaredData(data, CORE_READS, "the core"), scenario)
    policies = ordered_policies(scenario)
    initial = policy_coefficients(data, scenario, core, policies)
    lp, parts = assemble(core, policies, initial, elastic)
    return Built(scenario, data, core, policies, initial, dict(initial), lp, parts, tuple(elastic))


def with_data(previous: Built, data: Data) -> Built:
    """The build of the same scenario on other data (a variant): only the stages whose
    declared inputs changed are run again."""
    parameters = changed_parameters(previous.data, data)
    if set(CORE_READS) & parameters:
        core = build_core(DeclaredData(data, CORE_READS, "the core"), previous.scenario)
    else:
        core = previous.core
    core_changes = changed_fields(previous.core, core)
    initial = policy_coefficients(
        data,
        previous.scenario,
        core,
        previous.policies,
        previous,
        parameters,
        core_changes,
    )
    # parts compare coefficients with the ones the previous LP was built from: a policy
    # whose coefficients the previous fixed point moved is rebuilt from its initial ones
    lp, parts = assemble(core, previous.policies, initial, previous.elastic, previous, core_changes)
    return Built(
        previous.scenario,
        data,
        core,
        previous.policies,
        initial,
        dict(initial),
        lp,
        parts,
        previous.elastic,
    )


def with_coefficients(previous: Built, updates: Mapping[str, Any]) -> Built:
    """The build with some policies' coefficients replaced (a fixed-point step, a
    sensitivity): only those policies' parts are rebuilt."""
    coefficients = {**previous.coefficients, **updates}
    lp, parts = assemble(previous.core, previous.policies, coefficients, previous.elastic, previous)
    return Built(
        previous.scenario,
        previous.data,
        previous.core,
        previous.policies,
        previous.initial,
        coefficients,
        lp,
        parts,
        previous.elastic,
    )
