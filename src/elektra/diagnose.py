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


def explain_infeasibility(st: Structure, scenario: Scenario, data: Data) -> list[str]:
    """Re-solve with penalised slack and describe every slack that is used."""
    model = build_model(st, elastic=True)
    try:
        solution = solve_model(model, scenario.solver)
    except SolveError as error:
        return [f"even with every policy limit relaxed the LP is {error.termination}: "
                "check the data (negative demand, a demand without a route in some year)"]
    unit_of_service = {
        (s, v): u for (s, v), u in data.services["output_unit"].items()
    }
    values = solution.values
    reasons: list[tuple[float, str]] = []

    def used(name: str):
        return ((k, v) for k, v in values.get(name, {}).items() if v > TOLERANCE)

    for (s, c, v, y), amount in used("unserved"):
        unit = unit_of_service[(s, v)]
        reasons.append((amount, f"{y}: demand for {s}/{v} in {c} cannot be met: short by "
                                f"{amount:.3g} {unit}/yr of {st.demand[(s, c, v, y)]:.3g}"))
    for (y,), amount in used("cap_excess"):
        cap = st.policy["cap"]["limit"][y]
        reasons.append((amount, f"{y}: emission cap of {cap:.3g} Mt short by {amount:.3g} Mt"))
    for (c, y), amount in used("grid_excess"):
        limit = st.policy["grid"]["limit"][(c, y)]
        reasons.append((amount, f"{y}: {c} grid limit of {limit:.0f} MW binding, "
                                f"{amount:.0f} MW short"))
    for (y,), amount in used("storage_excess"):
        limit = st.policy["storage"]["limit"][y]
        reasons.append((amount, f"{y}: CO2 storage of {limit:.3g} Mt short by {amount:.3g} Mt"))
    for (k, y), amount in used("supply_excess"):
        limit = st.policy["supply"]["carrier_limit"][(k, y)]
        reasons.append((amount, f"{y}: {k} supply limit of {limit:.3g} PJ short by {amount:.3g} PJ"))
    for (r, y), amount in used("route_excess"):
        limit = st.policy["supply"]["route_limit"][(r, y)]
        reasons.append((amount, f"{y}: activity limit of {r} ({limit:.3g}) short by {amount:.3g}"))
    for (c, r, y), amount in used("build_excess"):
        limit = st.build_limit[(c, r, y)]
        reasons.append((amount, f"{y}: build limit of {r} in {c} ({limit:.3g}) short by "
                                f"{amount:.3g}"))
    if not reasons:
        return ["the LP is infeasible but no single policy limit explains it (numerical trouble?)"]
    reasons.sort(key=lambda item: (item[1][:4], -item[0]))
    return [text for _, text in reasons]
