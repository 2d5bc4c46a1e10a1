"""Turn a solution into one labelled xarray Dataset: inputs, results and duals.

Results use the dimension names of the inputs. The yearly cost is the LP's own cost terms
evaluated on the solution (:meth:`elektra.model.lp.LinearProgram.evaluate_costs`), so the
reported cost and the objective cannot disagree. Duals are reported in money of their
own year (the discounting of the objective is taken out) and with the sign a modeller
reads, as each constraint's :class:`elektra.model.lp.DualSpec` says: ``dual_demand`` is the
marginal cost of a service, the duals of limits (grid, storage, budgets, caps) are what
one more unit of the limit is worth (>= 0 when binding). Every variable is declared as a
:class:`elektra.model.resultspec.ResultSpec` (here for the core, in its module for a policy);
``docs/results.md`` is generated from them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import xarray as xr

from elektra import __version__
from elektra.inputs.config import Scenario
from elektra.inputs.data import Data
from elektra.inputs.parameters import PARAMETERS
from elektra.model import business_case
from elektra.model.hydrogen import RESULTS as HYDROGEN_RESULTS
from elektra.model.hydrogen import add_hydrogen_results
from elektra.model.lp import UNREPORTED_COMPONENTS, DualSpec, LinearProgram
from elektra.model.resultspec import CostComponent, ResultSpec, to_array
from elektra.model.solve import Solution
from elektra.model.structure import Core
from elektra.policies import Policy

#: The core's cost components (each policy declares its own: ``Policy.costs``).
CORE_COSTS = (
    CostComponent("investment", False, "Capex annuity of new capacity", "Investment"),
    CostComponent("fixed_om", False, "Fixed operation and maintenance", "Fixed O&M"),
    CostComponent("energy", False, "Carriers bought: commodity price and network tariff", "Energy"),
    CostComponent("energy_tax", True, "Energy tax and surcharges on carriers bought", "Energy Tax"),
    CostComponent("variable", False, "Non-energy variable cost; imported products", "Variable"),
    CostComponent(
        "co2_transport_storage",
        False,
        "Tariff for CO2 transport and storage",
        "CO2 Transport and Storage",
    ),
)


def _cost_components() -> tuple[CostComponent, ...]:
    """The core's cost components, then each policy's in the order of the policies (a
    component two policies share, such as investment grants, once)."""
    from elektra.policies import POLICIES

    merged: dict[str, CostComponent] = {c.name: c for c in CORE_COSTS}
    for policy in POLICIES:
        for component in policy.costs:
            if merged.setdefault(component.name, component) != component:
                raise ValueError(
                    f"cost component {component.name!r} of policy {policy.name!r} differs "
                    "from its earlier declaration"
                )
    return tuple(merged.values())


#: Every cost component, in the order tables and figures show them.
COST_COMPONENTS = _cost_components()

RESULTS = (
    ResultSpec(
        "activity",
        ("sector", "cluster", "route", "year"),
        "output_unit/yr",
        "Yearly output of each route (units: the route's output_unit)",
    ),
    ResultSpec(
        "capacity",
        ("sector", "cluster", "route", "year"),
        "output_unit/yr",
        "Nameplate capacity alive: existing stock plus new vintages",
    ),
    ResultSpec(
        "new_capacity",
        ("sector", "cluster", "route", "year"),
        "output_unit/yr",
        "Capacity built in the year",
    ),
    ResultSpec(
        "emissions", ("sector", "cluster", "year"), "Mt/yr", "Direct CO2 emissions after capture"
    ),
    ResultSpec(
        "process_emissions",
        ("sector", "cluster", "year"),
        "Mt/yr",
        "The process part of direct CO2 emissions after capture (calcination, reduction)",
    ),
    ResultSpec(
        "captured_co2",
        ("sector", "cluster", "year"),
        "Mt/yr",
        "CO2 captured for transport and storage",
    ),
    ResultSpec(
        "energy_use_by_sector",
        ("sector", "cluster", "year", "carrier"),
        "PJ/yr",
        "Carrier use (fuel, feedstock and electricity) per sector",
    ),
    ResultSpec("energy_use", ("carrier", "cluster", "year"), "PJ/yr", "Carrier use per cluster"),
    ResultSpec(
        "cost",
        ("cost_component", "year"),
        "MEUR/yr",
        "Net cost to industry per component (undiscounted): the LP's cost terms on the solution",
    ),
    ResultSpec(
        "route_mix",
        ("sector_service", "mix_class", "year"),
        "1",
        "Share of each route class (dimension mix_class) in the output of a sector's service "
        "(NaN: no output)",
    ),
    ResultSpec("hydrogen_marginal_cost", ("year",), "EUR/GJ", "Marginal cost of hydrogen"),
    ResultSpec(
        "public_outlay",
        ("outlay", "year"),
        "MEUR/yr",
        "Public spending per instrument and IKC-ETS",
    ),
    ResultSpec(
        "social_cost",
        ("year",),
        "MEUR/yr",
        "Cost to society: the cost components that are not transfers (no ETS payments, "
        "free allocation, CBAM, subsidies, IKC, levy or energy tax)",
    ),
)
RESULT = {spec.name: spec for spec in RESULTS}


def _labels(core: Core) -> dict[str, Sequence]:
    return {**core.labels, "year": core.years}


def dual_array(spec: DualSpec, lp: LinearProgram, solution: Solution, core: Core) -> xr.DataArray:
    """The dual of one constraint as reported: signed, scaled, undiscounted to its year."""
    position = spec.dims.index("year")
    values = {
        key: spec.sign * spec.scale * value / core.discount[key[position]]
        for key, value in solution.duals(spec.constraint).items()
    }
    labels = _labels(core)
    if spec.only_rows:
        block = lp.rows.get(spec.constraint)
        keys = block.keys if block is not None else []
        labels = {
            **labels,
            **{d: list(dict.fromkeys(k[i] for k in keys)) for i, d in enumerate(spec.dims)},
        }
    result = ResultSpec(spec.name, spec.dims, spec.units, spec.description)
    return to_array(result, values, labels, fill=np.nan)


def _flows(core: Core, activity: Mapping[tuple, float]) -> dict[str, dict]:
    """Emissions, process emissions, captured CO2 and carrier use from activity."""
    flows: dict[str, dict] = {
        name: defaultdict(float) for name in ("net", "process", "captured", "use")
    }
    for (s, c, r, y), level in activity.items():
        flows["net"][(s, c, y)] += core.net_emission_factor[(r, y)] * level
        flows["process"][(s, c, y)] += (
            core.process_emission_factor[r] * (1 - core.capture_rate[r]) * level
        )
        flows["captured"][(s, c, y)] += core.captured_factor[(r, y)] * level
        for k, use in core.inputs[(r, y)].items():
            flows["use"][(s, c, y, k)] += use * level
    return flows


def route_mix(core: Core, activity: Mapping[tuple, float]) -> dict[tuple, float]:
    """Share of each route class in the output of each sector's service, per year.

    Keys ``(sector_service, mix_class, year)`` with ``sector_service`` as ``"sector:
    service"`` (outputs of different services are in different units and are not added);
    a service without output in a year has no shares that year.
    """
    output: dict[tuple, float] = defaultdict(float)
    for (s, _c, r, y), level in activity.items():
        output[(f"{s}: {core.route_service[r]}", core.route_class[r], y)] += level
    total: dict[tuple, float] = defaultdict(float)
    for (service, _route_class, y), level in output.items():
        total[(service, y)] += level
    return {
        key: level / total[(key[0], key[2])]
        for key, level in output.items()
        if total[(key[0], key[2])] > 0
    }


def mix_labels(core: Core) -> dict[str, list]:
    """The labels of :func:`route_mix`'s dimensions."""
    routes = [r for r in core.labels["route"] if r in core.route_sector]
    return {
        "sector_service": list(
            dict.fromkeys(f"{core.route_sector[r]}: {core.route_service[r]}" for r in routes)
        ),
        "mix_class": list(dict.fromkeys(core.route_class[r] for r in routes)),
        "year": list(core.years),
    }


#: Dimensions of the duals a study keeps per variant: limits and prices of the policies
#: (budgets, grid, storage, caps, supply, hydrogen), not one per route or cell.
MAIN_DUAL_DIMS = frozenset({"year", "cluster", "instrument", "carrier"})


def main_duals(lp: LinearProgram) -> list[str]:
    """The names of the reported duals whose dimensions are among :data:`MAIN_DUAL_DIMS`."""
    return [
        block.dual.name
        for block in lp.rows.values()
        if block.dual is not None and set(block.dual.dims) <= MAIN_DUAL_DIMS
    ]


def build_results(
    data: Data,
    scenario: Scenario,
    core: Core,
    policies: Sequence[Policy],
    coefficients: Mapping[str, Any],
    solution: Solution,
    extra: Mapping[str, Any] | None = None,
    notes: Sequence[str] = (),
    select: Collection[str] | None = None,
) -> xr.Dataset:
    """Assemble the results Dataset of a solved scenario.

    ``select`` names the variables wanted (a study keeps a few per variant): each is made
    by the same code as in a full Dataset, the others are not made. The attributes
    (objective, scenario, notes) are always there.
    """

    def wanted(*names: str) -> bool:
        return select is None or any(name in select for name in names)

    lp = solution.lp
    labels = _labels(core)
    ds = xr.Dataset()
    activity = solution.values("activity")
    if wanted("activity"):
        ds["activity"] = to_array(RESULT["activity"], activity, labels)
    if wanted("capacity", "new_capacity"):
        new = solution.values("new_capacity")
        capacity = {
            key: core.existing[key] + sum(new[(*key[:3], v)] for v in core.vintages[key])
            for key in core.activity_index
        }
        ds["capacity"] = to_array(RESULT["capacity"], capacity, labels)
        ds["new_capacity"] = to_array(RESULT["new_capacity"], new, labels)
    if wanted("route_mix"):
        ds["route_mix"] = to_array(
            RESULT["route_mix"], route_mix(core, activity), mix_labels(core), fill=np.nan
        )
    flow_names = (
        "emissions",
        "process_emissions",
        "captured_co2",
        "energy_use_by_sector",
        "energy_use",
    )
    if wanted(*flow_names):
        flows = _flows(core, activity)
        ds["emissions"] = to_array(RESULT["emissions"], flows["net"], labels)
        ds["process_emissions"] = to_array(RESULT["process_emissions"], flows["process"], labels)
        ds["captured_co2"] = to_array(RESULT["captured_co2"], flows["captured"], labels)
        ds["energy_use_by_sector"] = to_array(RESULT["energy_use_by_sector"], flows["use"], labels)
        ds["energy_use"] = (
            ds["energy_use_by_sector"].sum("sector").transpose("carrier", "cluster", "year")
        )
        ds["energy_use"].attrs = _attrs(RESULT["energy_use"])

    costs = lp.evaluate_costs(solution.x)
    unknown = {component for component, _ in costs} - {c.name for c in COST_COMPONENTS}
    unknown -= set(UNREPORTED_COMPONENTS)
    if unknown:
        raise ValueError(f"cost components without a CostComponent entry: {sorted(unknown)}")
    components = [c.name for c in COST_COMPONENTS]
    ds["cost"] = to_array(
        RESULT["cost"],
        {key: value for key, value in costs.items() if key[0] in components},
        {"cost_component": components, "year": core.years},
    )

    # duals -----------------------------------------------------------------------------
    for block in lp.rows.values():
        if block.dual is None:
            continue
        hydrogen_dual = block.dual.name == "dual_carrier_balance" and wanted(
            "hydrogen_marginal_cost"
        )
        if wanted(block.dual.name) or hydrogen_dual:
            ds[block.dual.name] = dual_array(block.dual, lp, solution, core)
    hydrogen = core.carrier_role.get("hydrogen")
    if "dual_carrier_balance" in ds and hydrogen in ds["dual_carrier_balance"].carrier.values:
        ds["hydrogen_marginal_cost"] = ds["dual_carrier_balance"].sel(carrier=hydrogen, drop=True)
        ds["hydrogen_marginal_cost"].attrs = _attrs(RESULT["hydrogen_marginal_cost"])

    if wanted(*(spec.name for spec in HYDROGEN_RESULTS)):
        add_hydrogen_results(ds, data, core, coefficients, activity)

    # policies -----------------------------------------------------------------------------
    outlays = wanted("public_outlay", "social_cost")
    for policy in policies:
        if outlays or wanted(*(spec.name for spec in policy.results)):
            policy.report(ds, core, coefficients[policy.name], solution, extra)
    if outlays:
        _public_and_social(ds, policies, core)
    if wanted(*(spec.name for spec in business_case.RESULTS)):
        embedded = data.table("embedded_emissions")
        business_case.report(ds, core, lp, solution.x, activity, embedded)

    # inputs ------------------------------------------------------------------------------
    inputs = {}
    for name, array in data.values.items():
        if not wanted(f"input_{name}"):
            continue
        inputs[f"input_{name}"] = array.rename(f"input_{name}")
        inputs[f"input_{name}"].attrs = {
            "units": PARAMETERS[name].unit or "1",
            "description": PARAMETERS[name].description,
        }
    ds.update(inputs)  # one alignment for all inputs, not one per input
    if select is not None:
        ds = ds[[name for name in ds.data_vars if name in select]]
    if "route" in ds.dims:
        routes = data.routes.reindex(list(core.labels["route"]))
        ds = ds.assign_coords(
            route_class=("route", routes["route_class"].to_numpy().astype(str)),
            route_sector=("route", routes["sector"].to_numpy().astype(str)),
            route_service=("route", routes["service"].to_numpy().astype(str)),
            output_unit=("route", routes["output_unit"].to_numpy().astype(str)),
        )
    discounted = sum(core.discount[y] * v for (c, y), v in costs.items() if c in components)
    ds.attrs.update(
        objective=float(discounted),
        objective_lp=float(solution.objective),
        objective_units=f"million {data.currency} (discounted to base_year, without the "
        "tie-break penalty)",
        currency=data.currency,
        termination_condition=solution.termination,
        scenario=scenario.text,
        scenario_hash=scenario.hash,
        scenario_name=scenario.name,
        dataset=scenario.dataset,
        base_year=scenario.base_year,
        elektra_version=__version__,
        notes="\n".join(notes),
        carrier_roles=json.dumps(dict(core.carrier_role), sort_keys=True),
    )
    return ds


def _attrs(spec: ResultSpec) -> dict[str, str]:
    return {"units": spec.units, "description": spec.description}


def _public_and_social(ds: xr.Dataset, policies: Sequence[Policy], core: Core) -> None:
    """Public outlays per instrument (from the policies), and the social cost."""
    outlays: dict[str, xr.DataArray] = {}
    for policy in policies:
        outlays.update(policy.outlays(ds))
    values = {
        (label, int(y)): float(array.sel(year=y))
        for label, array in outlays.items()
        for y in core.years
    }
    ds["public_outlay"] = to_array(
        RESULT["public_outlay"], values, {"outlay": list(outlays), "year": core.years}
    )
    resource = [c.name for c in COST_COMPONENTS if not c.transfer]
    ds["social_cost"] = ds["cost"].sel(cost_component=resource).sum("cost_component")
    ds["social_cost"].attrs = _attrs(RESULT["social_cost"])


def result_specs() -> list[ResultSpec]:
    """Every result variable: the core's, then each policy's (for the docs)."""
    from elektra.policies import POLICIES

    return [
        *RESULTS,
        *HYDROGEN_RESULTS,
        *business_case.RESULTS,
        *(spec for policy in POLICIES for spec in policy.results),
    ]


def dual_specs() -> list[DualSpec]:
    """Every reported dual: the core's, then each policy's (for the docs)."""
    from elektra.model.core import DUALS
    from elektra.policies import POLICIES

    return [*DUALS, *(spec for policy in POLICIES for spec in policy.duals)]
