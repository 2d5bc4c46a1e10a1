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
from elektra.policies.base import Policy
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

#: Every policy, in the order their coefficients are computed (a policy may read the
#: coefficients of the ones before it: subsidies, Flex-e, IKC and the levy read the ETS
#: price; Flex-e reads what the subsidies fund, so that instruments do not stack).
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

__all__ = ["POLICIES", "Policy", "Variables"]
