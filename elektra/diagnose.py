"""Explain an infeasible scenario in the modeller's terms.

The scenario is solved again with a penalised slack on every constraint a scenario can
make infeasible (demand, build limits, grid, CO2 storage, supply limits, the emission
cap). The slacks that the cheapest repair needs name the constraints that conflict,
where, and by how much.
"""

from __future__ import annotations

from elektra.config import Scenario
from elektra.data import Data
from elektra.model import build_model
from elektra.solve import SolveError, solve_model
from elektra.structure import Structure

#: Slacks below this are solver noise, not a conflict.
TOLERANCE = 1e-6


def _slacks(st: Structure, scenario: Scenario, data: Data, relax: str) -> list[str] | None:
    """Solve with the ``relax`` group ("targets" or "limits") elastic; describe the slack."""
    model = build_model(st, elastic=(relax,))
    try:
        solution = solve_model(model, scenario.solver)
    except SolveError:
        return None
    unit_of_service = dict(data.services["output_unit"].items())
    values = solution.values
    reasons: list[tuple[float, str]] = []

    def used(name: str):
        return ((k, v) for k, v in values.get(name, {}).items() if v > TOLERANCE)

    for (s, c, v, y), amount in used("unserved"):
        unit = unit_of_service[(s, v)]
        reasons.append(
            (
                y,
                f"{y}: demand for {s}/{v} in {c} cannot be met: short by "
                f"{amount:.3g} {unit}/yr of {st.demand[(s, c, v, y)]:.3g}",
            )
        )
    for (y,), amount in used("cap_excess"):
        cap = st.policy["cap"]["limit"][y]
        reasons.append((y, f"{y}: emission cap of {cap:.3g} Mt short by {amount:.3g} Mt"))
    for (r, y), amount in used("route_shortfall"):
        minimum = st.policy["supply"]["route_minimum"][(r, y)]
        reasons.append((y, f"{y}: committed activity of {r} ({minimum:.3g}) short by {amount:.3g}"))
    for (c, y), amount in used("grid_excess"):
        limit = st.policy["grid"]["limit"][(c, y)]
        reasons.append((y, f"{y}: {c} grid limit of {limit:.0f} MW binding, {amount:.0f} MW short"))
    for (y,), amount in used("storage_excess"):
        limit = st.policy["storage"]["limit"][y]
        reasons.append((y, f"{y}: CO2 storage of {limit:.3g} Mt binding, {amount:.3g} Mt short"))
    for (k, y), amount in used("supply_excess"):
        limit = st.policy["supply"]["carrier_limit"][(k, y)]
        reasons.append(
            (y, f"{y}: {k} supply limit of {limit:.3g} PJ binding, {amount:.3g} PJ short")
        )
    for (r, y), amount in used("route_excess"):
        limit = st.policy["supply"]["route_limit"][(r, y)]
        reasons.append((y, f"{y}: activity limit of {r} ({limit:.3g}) binding, {amount:.3g} short"))
    for (c, r, y), amount in used("build_excess"):
        limit = st.build_limit[(c, r, y)]
        reasons.append(
            (y, f"{y}: build limit of {r} in {c} ({limit:.3g}) binding, {amount:.3g} short")
        )
    return [text for _, text in sorted(reasons)]


def explain_infeasibility(st: Structure, scenario: Scenario, data: Data) -> list[str]:
    """Say how far the targets miss within the limits, and what the limits lack.

    Two elastic re-solves: one keeps the limits (grid, storage, supply, build rates) and
    lets the targets (demand, emission cap) miss; the other keeps the targets and lets
    the limits give way. Together they name the constraints that conflict and by how much.
    """
    within_limits = _slacks(st, scenario, data, "targets")
    to_meet_targets = _slacks(st, scenario, data, "limits")
    lines = []
    if within_limits is None:
        lines.append(
            "even with demand and the emission cap relaxed the limits conflict: "
            "check grid, storage and supply limits against existing stock"
        )
    elif within_limits:
        lines.append("within the limits as set: " + "; ".join(within_limits))
    if to_meet_targets is None:
        lines.append(
            "no relaxation of grid, storage, supply or build limits meets the targets "
            "(potentials, first years or retirements stand in the way)"
        )
    elif to_meet_targets:
        lines.append(
            "to meet the targets these limits would have to give: " + "; ".join(to_meet_targets)
        )
    return lines or ["the LP is infeasible but no target or limit explains it (numerics?)"]
