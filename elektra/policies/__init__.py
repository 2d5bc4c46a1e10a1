"""Policies: one module each, registered in :data:`POLICIES`.

A policy module holds everything of one policy: its typed coefficients (computed from the
data and the scenario), its variables and constraints (each a small function whose
docstring carries the formula and units), its cost terms, its result variables, the
specification of its duals, the slack that lets its constraints give way when an
infeasible scenario is explained, and the notes it adds to a run (e.g. "switched on but
never binds"). The core model (:mod:`elektra.model.core`) knows no policy by name.

Adding a policy = adding one module with a subclass of :class:`Policy`, listing it in
:data:`POLICIES`, a switch in :class:`elektra.inputs.config.Policies`, its parameters in
:mod:`elektra.inputs.parameters`, its data and its tests.
"""

from __future__ import annotations

from elektra.model.lp import Variables
from elektra.policies.base import Policy, Switch
from elektra.policies.electricity_rebate import ElectricityRebate
from elektra.policies.emission_cap import EmissionCap
from elektra.policies.ets import Ets
from elektra.policies.flex_e import FlexE
from elektra.policies.grid import Grid
from elektra.policies.ikc import Ikc
from elektra.policies.levy import Levy
from elektra.policies.rfnbo import Rfnbo
from elektra.policies.storage import Storage
from elektra.policies.subsidies import Subsidies
from elektra.policies.supply import Supply
from elektra.policies.upstream import Upstream

#: Every policy. The order is the order of their parts in the LP and of the docs; each
#: policy's coefficients are computed after those of the policies it ``requires``
#: (:func:`ordered_policies`).
POLICIES: tuple[Policy, ...] = (
    Ets(),
    Grid(),
    Subsidies(),
    FlexE(),
    Ikc(),
    ElectricityRebate(),
    Levy(),
    Storage(),
    Supply(),
    Rfnbo(),
    Upstream(),
    EmissionCap(),
)


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
