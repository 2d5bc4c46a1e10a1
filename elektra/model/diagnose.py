"""Explain an infeasible scenario in the modeller's terms.

The scenario is solved again with a penalised slack on every constraint that a scenario
can make infeasible: the constraints declared with an :class:`elektra.model.lp.Elastic` (in the
core: demand and build limits; in the policies: grid, CO2 storage, supply limits,
commitments, the emission cap). The slacks that the cheapest repair needs name the
constraints that conflict, where, and by how much, in the words each constraint's module
gives them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from elektra.inputs.config import Scenario
from elektra.model.build import assemble
from elektra.model.solve import SolveError, solve_lp
from elektra.model.structure import Core
from elektra.policies import Policy

#: Slacks below this are solver noise, not a conflict.
TOLERANCE = 1e-6


def _slacks(
    core: Core,
    policies: Sequence[Policy],
    coefficients: Mapping[str, Any],
    scenario: Scenario,
    relax: str,
) -> list[str] | None:
    """Solve with the ``relax`` group ("targets" or "limits") elastic; describe the slack."""
    lp, _ = assemble(core, policies, coefficients, elastic=(relax,))
    try:
        solution = solve_lp(lp, scenario.solver)
    except SolveError:
        return None
    reasons: list[tuple[int, str]] = []
    for block in lp.rows.values():
        if block.elastic is None or block.elastic.group != relax:
            continue
        for key, amount in solution.values(f"{block.name}_slack").items():
            if amount > TOLERANCE:
                row = block.rows[block.position[key]]
                year = key[block.dims.index("year")] if "year" in block.dims else 0
                reasons.append((year, block.elastic.explain(key, amount, row)))
    return [text for _, text in sorted(reasons)]


def explain_infeasibility(
    core: Core,
    policies: Sequence[Policy],
    coefficients: Mapping[str, Any],
    scenario: Scenario,
) -> list[str]:
    """Say how far the targets miss within the limits, and what the limits lack.

    Two elastic re-solves: one keeps the limits (grid, storage, supply, build rates) and
    lets the targets (demand, emission cap, commitments) miss; the other keeps the targets
    and lets the limits give way. Together they name the constraints that conflict and by
    how much. One line per conflict.
    """
    within_limits = _slacks(core, policies, coefficients, scenario, "targets")
    to_meet_targets = _slacks(core, policies, coefficients, scenario, "limits")
    lines = []
    if within_limits is None:
        lines.append(
            "even with demand and the emission cap relaxed the limits conflict: "
            "check grid, storage and supply limits against existing stock"
        )
    else:
        lines += [f"within the limits as set: {reason}" for reason in within_limits]
    if to_meet_targets is None:
        lines.append(
            "no relaxation of grid, storage, supply or build limits meets the targets "
            "(potentials, first years or retirements stand in the way)"
        )
    else:
        lines += [
            f"to meet the targets these limits would have to give: {reason}"
            for reason in to_meet_targets
        ]
    return lines or ["the LP is infeasible but no target or limit explains it (numerics?)"]
