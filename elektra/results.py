"""Turn a solution into one labelled xarray Dataset: inputs, results and duals.

Results use the dimension names of the inputs. Duals are reported in money of their own
year (the discounting of the objective is taken out) and with the sign a modeller reads:
``dual_demand`` is the marginal cost of a service, the duals of limits (grid, storage,
budgets, caps) are what one more unit of the limit is worth (>= 0 when binding).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import xarray as xr

from elektra import __version__
from elektra.config import Scenario
from elektra.data import Data
from elektra.parameters import PARAMETERS
from elektra.solve import Solution
from elektra.structure import Structure, annuity_factor

COST_COMPONENTS = (
    "investment",
    "fixed_om",
    "energy_and_variable",
    "ets",
    "free_allocation",
    "co2_transport_storage",
    "investment_grants",
    "operating_subsidies",
    "ikc_compensation",
    "co2_levy",
    "grid_expansion",
)


def _array(
    values: dict[tuple, float],
    coords: dict[str, list],
    name: str,
    units: str,
    description: str,
    fill: float = 0.0,
) -> xr.DataArray:
    dims = list(coords)
    shape = [len(coords[d]) for d in dims]
    positions = [{label: i for i, label in enumerate(coords[d])} for d in dims]
    data = np.full(shape, fill, dtype=float)
    for key, value in values.items():
        data[tuple(p[k] for p, k in zip(positions, key))] = value
    return xr.DataArray(
        data,
        dims=dims,
        coords=coords,
        name=name,
        attrs={"units": units, "description": description},
    )


def _yearly_costs(data: Data, st: Structure, solution: Solution) -> dict[tuple[str, int], float]:
    """Undiscounted cost per component and year (MEUR/yr), from the solution values."""
    cost: dict[tuple[str, int], float] = defaultdict(float)
    activity = solution.values.get("activity", {})
    new = solution.values.get("new_capacity", {})
    rate = float(data["discount_rate"])
    lifetime = data["lifetime"].to_series().to_dict()
    capex, fixed_om = data.table("capex"), data.table("fixed_om")
    for (_s, _c, r, v), amount in new.items():
        annuity = capex[r, v] * annuity_factor(rate, lifetime[r]) * amount
        for y in st.years:
            if v <= y < v + lifetime[r]:
                cost[("investment", y)] += annuity
                cost[("fixed_om", y)] += fixed_om[r, y] * amount
    for (s, c, r, y), level in activity.items():
        cost[("fixed_om", y)] += fixed_om[r, y] * st.existing[(s, c, r, y)]
        cost[("energy_and_variable", y)] += st.running_cost[(r, y)] * level
        gross = st.gross_emission_factor[(r, y)]
        cost[("ets", y)] += st.ets_price[y] * gross * (1 - st.capture_rate[r]) * level
        if st.domestic[r]:
            allocation = st.free_allocation[(s, st.route_service[r], y)]
            cost[("free_allocation", y)] -= st.ets_price[y] * allocation * level
        tariff = st.policy["storage"]["tariff"][y]
        cost[("co2_transport_storage", y)] += tariff * gross * st.capture_rate[r] * level
    sub = st.policy["subsidy"]
    for key, amount in solution.values.get("grant", {}).items():
        i, s, c, r, v = key
        for y in st.years:
            if v <= y < v + lifetime[r]:
                cost[("investment_grants", y)] -= amount * annuity_factor(rate, lifetime[r])
    for key, amount in solution.values.get("subsidised_output", {}).items():
        cost[("operating_subsidies", key[5])] -= sub["operating_rate"][key[:5]] * amount
    for (_s, _c, y), amount in solution.values.get("ikc_paid", {}).items():
        cost[("ikc_compensation", y)] -= amount
    levy = st.policy["levy"]
    for key, amount in solution.values.get("levied", {}).items():
        cost[("co2_levy", key[2])] += levy["rate"][key] * amount
    lifetime_grid = float(data["grid_expansion_lifetime"])
    for (c, v), amount in solution.values.get("grid_expansion", {}).items():
        yearly = data.table("grid_expansion_cost")[c] * annuity_factor(rate, lifetime_grid)
        for y in st.years:
            if v <= y < v + lifetime_grid:
                cost[("grid_expansion", y)] += yearly * amount
    return cost


def _dual(
    solution: Solution, name: str, st: Structure, year_position: int, sign: float = 1.0
) -> dict[tuple, float]:
    """Duals of a constraint, undiscounted to money of their year, with a sign applied."""
    return {
        key: sign * value / st.discount[key[year_position]]
        for key, value in solution.duals.get(name, {}).items()
    }


def _grid_results(ds: xr.Dataset, data: Data, st: Structure, solution: Solution) -> None:
    grid = st.policy["grid"]
    activity = solution.values.get("activity", {})
    peak: dict[tuple, float] = defaultdict(float)
    for (s, c, r, y), coefficient in grid["peak"].items():
        peak[(c, y)] += coefficient * activity.get((s, c, r, y), 0.0)
    expansion = solution.values.get("grid_expansion", {})
    built: dict[tuple, float] = defaultdict(float)
    for (c, v), amount in expansion.items():
        for y in st.years:
            if y >= v:
                built[(c, y)] += amount
    coords = {"cluster": data.labels("cluster"), "year": st.years}
    limit = {key: value + built[key] for key, value in grid["limit"].items()}
    ds["grid_peak"] = _array(
        dict(peak), coords, "grid_peak", "MW", "Peak electricity load of the modelled industry"
    )
    ds["grid_limit"] = _array(
        limit,
        coords,
        "grid_limit",
        "MW",
        "Grid connection capacity, paid expansion included",
        fill=np.nan,
    )
    ds["grid_expansion"] = _array(
        dict(built), coords, "grid_expansion", "MW", "Paid grid expansion in service"
    )


def _subsidy_results(
    ds: xr.Dataset, data: Data, st: Structure, solution: Solution, avoided: dict[tuple, float]
) -> None:
    sub = st.policy["subsidy"]
    instruments = data.labels("instrument")
    coords = {"instrument": instruments, "year": st.years}
    paid: dict[tuple, float] = defaultdict(float)
    committed: dict[tuple, float] = defaultdict(float)
    for (i, _s, _c, _r, v), amount in solution.values.get("grant", {}).items():
        paid[(i, v)] += amount  # a grant is paid out when the capacity is built
        committed[(i, v)] += amount
    for key, amount in solution.values.get("subsidised_capacity", {}).items():
        committed[(key[0], key[4])] += sub["operating_commitment"][key] * amount
    for key, amount in solution.values.get("subsidised_output", {}).items():
        paid[(key[0], key[5])] += sub["operating_rate"][key[:5]] * amount
    ds["subsidy_paid"] = _array(
        dict(paid),
        coords,
        "subsidy_paid",
        "MEUR/yr",
        "Subsidy paid out in the year (public outlay)",
    )
    ds["subsidy_committed"] = _array(
        dict(committed),
        coords,
        "subsidy_committed",
        "MEUR",
        "Subsidy committed to the projects of the year's round",
    )
    ds["subsidy_budget"] = _array(
        sub["budget"],
        coords,
        "subsidy_budget",
        "MEUR",
        "Budget of the instrument's round",
        fill=np.nan,
    )
    ds["co2_avoided_per_budget"] = _array(
        avoided,
        coords,
        "co2_avoided_per_budget",
        "t/MEUR",
        "CO2 avoided over the horizon per extra million euro of a binding budget",
        fill=np.nan,
    )


def _other_policy_results(ds: xr.Dataset, data: Data, st: Structure, solution: Solution) -> None:
    years = {"year": st.years}
    storage = st.policy["storage"]
    ds["co2_stored"] = ds["captured_co2"].sum(["sector", "cluster"])
    ds["co2_stored"].attrs = {"units": "Mt/yr", "description": "CO2 sent to storage"}
    ds["co2_storage_capacity"] = _array(
        {(y,): v for y, v in storage["limit"].items()},
        years,
        "co2_storage_capacity",
        "Mt/yr",
        "CO2 storage injection capacity",
        fill=np.nan,
    )
    # IKC-ETS: the LP pays min(claims, budget); split it pro rata over the claims
    ikc = st.policy["ikc"]
    activity = solution.values.get("activity", {})
    claims: dict[tuple, float] = defaultdict(float)
    for (s, c, r, y), level in activity.items():
        if (s, c, y) in ikc["rate"]:
            claims[(s, c, y)] += (
                ikc["rate"][(s, c, y)] * st.inputs[(r, y)].get("electricity", 0) * level
            )
    total_paid: dict[int, float] = defaultdict(float)
    for (_s, _c, y), amount in solution.values.get("ikc_paid", {}).items():
        total_paid[y] += amount
    total_claims: dict[int, float] = defaultdict(float)
    for (_s, _c, y), amount in claims.items():
        total_claims[y] += amount
    pro_rata = {
        key: amount * total_paid[key[2]] / total_claims[key[2]]
        for key, amount in claims.items()
        if total_claims[key[2]] > 0
    }
    ds["ikc_compensation"] = _array(
        pro_rata,
        {"sector": data.labels("sector"), "cluster": data.labels("cluster"), **years},
        "ikc_compensation",
        "MEUR/yr",
        "IKC-ETS compensation, the budget split pro rata over the claims",
    )


@dataclass(frozen=True)
class DualSpec:
    """How the dual of one constraint is reported in the results Dataset."""

    name: str
    dims: tuple[str, ...]
    units: str
    description: str
    #: +1 for balances and commitments (a marginal cost), -1 for limits (what one more
    #: unit of the limit is worth, >= 0 when binding)
    sign: float = -1.0
    scale: float = 1.0


#: Every constraint's dual, in money of its own year. The duals of the per-project
#: stacking and paid-output limits stay in the solution only: they are the budget's dual
#: spread over projects, already in ``dual_subsidy_budget``.
DUALS = {
    "demand_balance": DualSpec(
        "dual_demand",
        ("sector", "cluster", "service", "year"),
        "MEUR/output_unit",
        "Marginal cost of a service (per unit of the service's output_unit)",
        sign=1.0,
    ),
    "capacity_limit": DualSpec(
        "dual_capacity_limit",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of available capacity",
    ),
    "potential_limit": DualSpec(
        "dual_potential_limit",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of technical potential",
    ),
    "carrier_balance": DualSpec(
        "dual_carrier_balance",
        ("carrier", "year"),
        "MEUR/PJ",
        "Marginal cost of a carrier produced in the model (hydrogen), EUR/GJ",
        sign=1.0,
    ),
    "grid_limit": DualSpec(
        "dual_grid",
        ("cluster", "year"),
        "EUR/MW/yr",
        "Value of one more MW of connection capacity in the cluster and year",
        scale=1e6,
    ),
    "subsidy_budget": DualSpec(
        "dual_subsidy_budget",
        ("instrument", "year"),
        "MEUR/MEUR",
        "Cost saved for industry by one more euro of budget",
    ),
    "co2_storage_limit": DualSpec(
        "dual_co2_storage", ("year",), "EUR/t", "Value of one more tonne of CO2 storage in the year"
    ),
    "emission_cap": DualSpec(
        "dual_emission_cap",
        ("year",),
        "EUR/t",
        "CO2 price the emission target implies on top of the ETS",
    ),
    "supply_limit": DualSpec(
        "dual_supply_limit",
        ("carrier", "year"),
        "MEUR/PJ",
        "Value of one more PJ of a limited carrier",
    ),
    "ikc_budget": DualSpec(
        "dual_ikc_budget",
        ("year",),
        "MEUR/MEUR",
        "Value to industry of one more euro of IKC budget",
    ),
    "build_limit": DualSpec(
        "dual_build_limit",
        ("cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of new capacity allowed in the year",
    ),
    "route_activity_limit": DualSpec(
        "dual_route_activity_limit",
        ("route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of national activity of the route",
    ),
    "route_activity_minimum": DualSpec(
        "dual_route_activity_minimum",
        ("route", "year"),
        "MEUR/output_unit",
        "What one more unit of committed activity of the route costs",
        sign=1.0,
    ),
    "operating_subsidy_output": DualSpec(
        "dual_operating_subsidy_output",
        ("sector", "cluster", "route", "year"),
        "MEUR/output_unit",
        "Value of one more unit of output allowed to subsidised capacity",
    ),
    "ikc_limit": DualSpec(
        "dual_ikc_limit",
        ("sector", "cluster", "year"),
        "MEUR/MEUR",
        "Value of one more euro of IKC compensation claimable",
    ),
    "levy_base": DualSpec(
        "dual_levy_base",
        ("sector", "cluster", "year"),
        "EUR/t",
        "Levy paid at the margin per tonne above the dispensation rights",
        sign=1.0,
    ),
}
PER_PROJECT_DUALS = ("subsidy_stacking", "subsidised_output_limit")


def _duals(ds: xr.Dataset, data: Data, st: Structure, solution: Solution) -> None:
    """Every constraint's dual as a Dataset variable, per :data:`DUALS`."""
    for constraint, spec in DUALS.items():
        coords = {
            d: st.years
            if d == "year"
            else data.produced_carriers
            if constraint == "carrier_balance" and d == "carrier"
            else data.labels(d)
            for d in spec.dims
        }
        values = _dual(solution, constraint, st, spec.dims.index("year"), sign=spec.sign)
        scaled = {key: spec.scale * value for key, value in values.items()}
        ds[spec.name] = _array(scaled, coords, spec.name, spec.units, spec.description, fill=np.nan)


def _public_and_social(ds: xr.Dataset, data: Data, st: Structure, solution: Solution) -> None:
    """Public outlays per instrument, and the social cost (industry cost less transfers)."""
    years = st.years
    outlay_rows: dict[tuple, float] = {}
    labels = list(data.labels("instrument")) + ["ikc_ets"]
    for y in years:
        for i in data.labels("instrument"):
            outlay_rows[(i, y)] = (
                float(ds["subsidy_paid"].sel(instrument=i, year=y)) if "subsidy_paid" in ds else 0.0
            )
        outlay_rows[("ikc_ets", y)] = float(ds["ikc_compensation"].sel(year=y).sum())
    ds["public_outlay"] = _array(
        outlay_rows,
        {"outlay": labels, "year": years},
        "public_outlay",
        "MEUR/yr",
        "Public spending per instrument and IKC-ETS",
    )
    tax = data.table("energy_tax")
    paid_tax: dict[int, float] = defaultdict(float)
    for (_s, _c, r, y), level in solution.values.get("activity", {}).items():
        for k, use in st.inputs[(r, y)].items():
            if k not in st.produced_carriers:
                paid_tax[y] += use * tax[k, y] * level
    real = [
        "investment",
        "fixed_om",
        "energy_and_variable",
        "co2_transport_storage",
        "grid_expansion",
    ]
    social = ds["cost"].sel(cost_component=real).sum("cost_component") - xr.DataArray(
        [paid_tax[y] for y in years], dims=["year"], coords={"year": years}
    )
    ds["social_cost"] = social
    ds["social_cost"].attrs = {
        "units": "MEUR/yr",
        "description": "Cost to society: industry cost without ETS payments, free allocation, "
        "subsidies, IKC, the CO2 levy and energy tax (transfers)",
    }


def build_results(
    data: Data,
    scenario: Scenario,
    st: Structure,
    solution: Solution,
    timings: dict[str, float] | None = None,
    avoided: dict[tuple, float] | None = None,
) -> xr.Dataset:
    """Assemble the results Dataset of a solved scenario."""
    routes = data.routes
    coords4 = {
        "sector": data.labels("sector"),
        "cluster": data.labels("cluster"),
        "route": data.labels("route"),
        "year": st.years,
    }
    activity = solution.values.get("activity", {})
    new = solution.values.get("new_capacity", {})
    capacity = {
        key: st.existing[key] + sum(new.get((*key[:3], v), 0.0) for v in st.vintages[key])
        for key in st.activity_index
    }
    flow = "output_unit/yr"
    ds = xr.Dataset()
    ds["activity"] = _array(
        activity,
        coords4,
        "activity",
        flow,
        "Yearly output of each route (units: the route's output_unit)",
    )
    ds["capacity"] = _array(
        capacity,
        coords4,
        "capacity",
        flow,
        "Nameplate capacity alive: existing stock plus new vintages",
    )
    ds["new_capacity"] = _array(new, coords4, "new_capacity", flow, "Capacity built in the year")
    emissions, captured = defaultdict(float), defaultdict(float)
    by_sector = defaultdict(float)
    for (s, c, r, y), level in activity.items():
        gross = st.gross_emission_factor[(r, y)] * level
        emissions[(s, c, y)] += gross * (1 - st.capture_rate[r])
        captured[(s, c, y)] += gross * st.capture_rate[r]
        for k, use in st.inputs[(r, y)].items():
            by_sector[(s, c, y, k)] += use * level
    coords3 = {"sector": coords4["sector"], "cluster": coords4["cluster"], "year": st.years}
    ds["emissions"] = _array(
        dict(emissions), coords3, "emissions", "Mt/yr", "Direct CO2 emissions after capture"
    )
    ds["captured_co2"] = _array(
        dict(captured), coords3, "captured_co2", "Mt/yr", "CO2 captured for transport and storage"
    )
    carriers = data.labels("carrier")
    ds["energy_use_by_sector"] = _array(
        dict(by_sector),
        {**coords3, "carrier": carriers},
        "energy_use_by_sector",
        "PJ/yr",
        "Carrier use (fuel, feedstock and electricity) per sector",
    )
    ds["energy_use"] = (
        ds["energy_use_by_sector"].sum("sector").transpose("carrier", "cluster", "year")
    )
    ds["energy_use"].attrs = {"units": "PJ/yr", "description": "Carrier use per cluster"}

    costs = _yearly_costs(data, st, solution)
    ds["cost"] = _array(
        costs,
        {"cost_component": list(COST_COMPONENTS), "year": st.years},
        "cost",
        "MEUR/yr",
        "Net cost to industry per component (undiscounted)",
    )

    # duals -----------------------------------------------------------------------------
    _duals(ds, data, st, solution)
    if "hydrogen" in data.produced_carriers:
        ds["hydrogen_marginal_cost"] = ds["dual_carrier_balance"].sel(carrier="hydrogen", drop=True)
        ds["hydrogen_marginal_cost"].attrs = {
            "units": "EUR/GJ",
            "description": "Marginal cost of hydrogen",
        }
    _grid_results(ds, data, st, solution)
    _subsidy_results(ds, data, st, solution, avoided or {})
    _other_policy_results(ds, data, st, solution)
    _public_and_social(ds, data, st, solution)

    # inputs ------------------------------------------------------------------------------
    for name, array in data.values.items():
        ds[f"input_{name}"] = array.rename(f"input_{name}")
        ds[f"input_{name}"].attrs = {
            "units": PARAMETERS[name].unit,
            "description": PARAMETERS[name].description,
        }
    ds = ds.assign_coords(
        route_class=(
            "route",
            routes["route_class"].reindex(coords4["route"]).to_numpy().astype(str),
        ),
        route_sector=("route", routes["sector"].reindex(coords4["route"]).to_numpy().astype(str)),
        route_service=("route", routes["service"].reindex(coords4["route"]).to_numpy().astype(str)),
        output_unit=(
            "route",
            routes["output_unit"].reindex(coords4["route"]).to_numpy().astype(str),
        ),
    )
    discounted = sum(st.discount[y] * v for (_, y), v in costs.items())
    ds.attrs.update(
        objective=float(discounted),
        objective_lp=float(solution.objective),
        objective_units="MEUR (discounted to base_year, without the tie-break penalty)",
        termination_condition=solution.termination,
        scenario=scenario.text,
        scenario_hash=scenario.hash,
        scenario_name=scenario.name,
        dataset=scenario.dataset,
        base_year=scenario.base_year,
        elektra_version=__version__,
    )
    if timings:
        ds.attrs["timings"] = ", ".join(f"{k}={v:.3f}s" for k, v in timings.items())
    return ds
