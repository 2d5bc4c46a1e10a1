"""Policies: one module each, found in this package (:data:`POLICIES`).

A policy module holds everything of one policy and declares everything it owns: its
switches (the scenario's ``policies:`` schema is built from them), its input parameters
(merged into the registry), its typed coefficients (computed from the data and the
scenario, with the parameters, core fields and other policies it reads declared), its
variables and constraints (each a small function whose docstring carries the formula and
units), its cost terms and their cost components (with transfer flag and IAMC name), its
result variables, the specification of its duals, the slack that lets its constraints give
way when an infeasible scenario is explained, and the notes it adds to a run. The core
model (:mod:`elektra.model.core`) knows no policy by name.

Adding a policy is copying :mod:`elektra.policies.storage` to a new module of this
package, renaming and filling it in, and writing its data and its tests: nothing else
changes. The module's :class:`Policy` subclass (one with a ``name``) is found here; the
docs (``elektra docs``), the parameter registry, the scenario schema, the results, the
cost components and the IAMC codelist (``tools/iamc_codelist/generate.py``) follow from its
declarations.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from elektra.model.lp import Variables
from elektra.policies.base import Policy, Switch

#: Modules of this package that hold shared parts, not a policy of their own.
_SHARED = frozenset({"base", "prorata"})


def _discovered() -> tuple[Policy, ...]:
    """One instance of each policy class defined in a module of this package, ordered by
    the class's ``position`` and then its name."""
    found: dict[str, Policy] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name in _SHARED:
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Policy) and cls.__module__ == module.__name__ and cls.name:
                if cls.name in found:
                    raise ValueError(f"two policies are named {cls.name!r}")
                found[cls.name] = cls()
    return tuple(sorted(found.values(), key=lambda p: (p.position, p.name)))


#: Every policy. The order is the order of their parts in the LP and of the docs
#: (``Policy.position``); each policy's coefficients are computed after those of the
#: policies it ``requires`` (:func:`ordered_policies`).
POLICIES: tuple[Policy, ...] = _discovered()


def ordered_policies(scenario) -> tuple[Policy, ...]:
    """The policies switched on in the scenario, each after the ones it requires (by name),
    otherwise in the order of :data:`POLICIES`."""
    active = [policy for policy in POLICIES if policy.active(scenario)]
    names = {policy.name for policy in POLICIES}
    placed: list[Policy] = []
    done: set[str] = set()
    pending = list(active)
    while pending:
        for policy in pending:
            unknown = set(policy.requires) - names
            if unknown:
                raise ValueError(f"policy {policy.name!r} requires unknown {sorted(unknown)}")
            waiting = {n for n in policy.requires if n not in done} & {p.name for p in pending}
            if not waiting:
                placed.append(policy)
                done.add(policy.name)
                pending.remove(policy)
                break
        else:
            raise ValueError(f"policies require each other: {[p.name for p in pending]}")
    return tuple(placed)


__all__ = ["POLICIES", "Policy", "Switch", "Variables", "ordered_policies"]
