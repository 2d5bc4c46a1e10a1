"""What every policy module provides: :class:`Policy`, and the :class:`Variables` it uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from elektra.inputs.parameters import Parameter
from elektra.model.lp import Builder, DualSpec, Variables
from elektra.model.resultspec import CostComponent, ResultSpec, Symbol
from elektra.model.structure import Core

if TYPE_CHECKING:
    import xarray as xr

    from elektra.inputs.config import Scenario
    from elektra.inputs.data import Data
    from elektra.model.solve import Solution

#: A dual below this absolute value counts as zero (the constraint does not bind).
ZERO_DUAL = 1e-9


@dataclass(frozen=True)
class Switch:
    """A field of the scenario's ``policies:`` block that a policy reads."""

    name: str
    default: bool
    description: str


def merged_symbols(*groups: Mapping[str, Mapping[str, Symbol]]) -> dict[str, dict[str, Symbol]]:
    """Symbol tables of several declarations in one (a policy that shares a module's)."""
    merged: dict[str, dict[str, Symbol]] = {}
    for group in groups:
        for table, entries in group.items():
            merged.setdefault(table, {}).update(entries)
    return merged


class Policy:
    """One policy. Subclasses set the class attributes and override what they need."""

    #: Short name, used in notes and the docs.
    name: str = ""
    #: A title for the docs.
    title: str = ""
    #: Where its part goes in the LP and its section in the docs (lower first); a new
    #: policy may keep the default and is then placed after the others, by name.
    position: int = 100
    #: The fields of the scenario's ``policies:`` block this policy reads (the schema,
    #: :class:`elektra.inputs.config.Policies`, is built from them); it is active when the
    #: first is on.
    switches: tuple[Switch, ...] = ()
    #: The parameters its coefficients read (only these are given to it:
    #: :class:`elektra.model.build.DeclaredData`); a variant that changes none of them, of
    #: the core fields below or of the required policies' coefficients keeps its coefficients.
    reads: tuple[str, ...] = ()
    #: The fields of the core its coefficients and its part of the LP read (a test checks
    #: them against what they do read).
    core_fields: frozenset[str] = frozenset()
    #: The policies whose coefficients it reads, by name; it is computed after them.
    requires: tuple[str, ...] = ()
    #: The cost components of its cost terms (with transfer flag and IAMC name), merged into
    #: :data:`elektra.model.results.COST_COMPONENTS` and the IAMC codelist.
    costs: tuple[CostComponent, ...] = ()
    #: The symbols of its formulas, by table of the math docs' symbol table (merged into
    #: :data:`elektra.outputs.notation.TABLES`; a test checks every symbol is used).
    symbols: Mapping[str, Mapping[str, Symbol]] = {}
    #: The input parameters it owns (reads and no other part of the model does), merged
    #: into the registry :data:`elektra.inputs.parameters.PARAMETERS`.
    parameters: tuple[Parameter, ...] = ()
    #: The constraint rule functions, in the order they are added (their docstrings are
    #: the policy's math in ``docs/math.md``).
    constraints: tuple[Callable, ...] = ()
    #: The functions that define its cost terms (their docstrings go to the docs too).
    cost_functions: tuple[Callable, ...] = ()
    duals: tuple[DualSpec, ...] = ()
    results: tuple[ResultSpec, ...] = ()

    def active(self, scenario: Scenario) -> bool:
        return bool(getattr(scenario.policies, self.switches[0].name))

    def coefficients(
        self, data: Data, scenario: Scenario, core: Core, required: Mapping[str, Any]
    ) -> Any:
        """The policy's typed coefficients (a frozen dataclass), from data and scenario.

        ``required`` holds the coefficients of the policies named in :attr:`requires` that
        are active (a policy that is off is missing).
        """
        raise NotImplementedError

    def define(self, b: Builder, x: Variables, core: Core, coef: Any) -> None:
        """Add the policy's variables, constraints and cost terms to the LP."""

    def report(
        self, ds: xr.Dataset, core: Core, coef: Any, solution: Solution, extra: Any = None
    ) -> None:
        """Add the policy's result variables to the results Dataset."""

    def outlays(self, ds: xr.Dataset) -> dict[str, xr.DataArray]:
        """Public spending per year (MEUR/yr) by label, from the results Dataset."""
        return {}

    def fixed_point(self, core: Core, coef: Any, solution: Solution) -> Any | None:
        """Coefficients that agree better with ``solution``, or None when they agree.

        A policy whose coefficients depend on the solution (a rate cut pro rata when a
        budget is short) returns updated coefficients; the pipeline rebuilds the LP, which
        must keep its shape, and re-solves it warm (:func:`elektra.model.pipeline.settle`)
        until every policy returns None. By default a policy has no such coefficients.
        """
        return None

    def notes(self, core: Core, coef: Any, solution: Solution) -> list[str]:
        """What a user should know about the policy in this run.

        By default: a policy with constraints none of which binds in any year says so.
        """
        names = [spec.constraint for spec in self.duals]
        if not names:
            return []
        duals = [solution.duals(name) for name in names if name in solution.lp.rows]
        if not any(duals):
            return [f"policy '{self.name}' is on but has no constraint in this scenario"]
        if all(abs(v) <= ZERO_DUAL for block in duals for v in block.values()):
            return [f"policy '{self.name}' is on but none of its constraints binds in any year"]
        return []
