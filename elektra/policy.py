"""Coefficients of the policy constraints and cost terms, from the data and the switches.

Each policy (grid congestion, subsidy instruments, IKC-ETS, the national CO2 levy, CO2
storage, supply limits, the emission cap) reads its parameters here and returns the index
sets and coefficients its constraints need. A policy that is switched off, or has no data,
returns empty sets: the model then simply has no such constraint.
"""

from __future__ import annotations

from elektra.config import Scenario
from elektra.data import Data
from elektra.structure import MWH_PER_PJ, Structure, annuity_factor, finite


def grid_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """Peak-load coefficients (MW per unit of activity) and limits per cluster and year."""
    if not scenario.policies.grid:
        return {"index": [], "limit": {}, "peak": {}, "expansion_index": [], "expansion_cost": {}}
    capacity = data.table("grid_capacity")
    hours = data["full_load_hours"].to_series().to_dict()
    peak = {}
    for s, c, r, y in st.activity_index:
        electricity = st.inputs[(r, y)].get("electricity", 0.0)
        if electricity:
            peak[(s, c, r, y)] = electricity * MWH_PER_PJ / hours[r]
    limit = {
        (c, y): capacity[c, y]
        for c in data.labels("cluster")
        for y in st.years
        if finite(capacity[c, y])
    }
    expansion_index, expansion_cost = [], {}
    if scenario.policies.grid_expansion:
        rate = float(data["discount_rate"])
        lifetime = float(data["grid_expansion_lifetime"])
        cost = data.table("grid_expansion_cost")
        lead = data.table("grid_expansion_lead_time")
        for c in data.labels("cluster"):
            if not finite(cost[c]):
                continue
            for v in st.years:
                if v < st.years[0] + lead[c]:
                    continue
                alive = [y for y in st.years if v <= y < v + lifetime]
                expansion_index.append((c, v))
                expansion_cost[(c, v)] = sum(
                    st.discount[y] * cost[c] * annuity_factor(rate, lifetime) for y in alive
                )
    return {
        "index": sorted(limit),
        "limit": limit,
        "peak": peak,
        "expansion_index": expansion_index,
        "expansion_cost": expansion_cost,
    }


def levelised_cost(data: Data, st: Structure, route: str, year: int) -> float:
    """Cost per unit of output of new capacity of ``route`` in ``year`` (MEUR per unit).

    Annuity of capex and fixed O&M spread over the output at full availability, plus the
    running cost and the ETS cost of the route's net emissions at that year's prices: the
    way an operating subsidy's unprofitable gap is computed against the reference route.
    """
    rate = float(data["discount_rate"])
    lifetime = data.table("lifetime")[route]
    availability = st.availability[route]
    capital = (
        data.table("capex")[route, year] * annuity_factor(rate, lifetime)
        + data.table("fixed_om")[route, year]
    ) / availability
    emissions = st.gross_emission_factor[(route, year)] * (1 - st.capture_rate[route])
    return capital + st.running_cost[(route, year)] + st.ets_price[year] * emissions


def subsidy_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """Eligible (instrument, cell, year) tuples, their rates and the budgets."""
    empty = {
        "grant_index": [],
        "grant_share": {},
        "operating_index": [],
        "operating_rate": {},
        "operating_value": {},
        "output_index": [],
        "operating_commitment": {},
        "duration": {},
        "budget": {},
        "budget_index": [],
        "gap": {},
        "operating_cover": {},
    }
    if not scenario.policies.subsidies or data.instruments.empty:
        return empty
    budget_array = data.table("subsidy_budget")
    budget = {
        (i, y): budget_array[i, y]
        for i in data.labels("instrument")
        for y in st.years
        if finite(budget_array[i, y])
    }
    kind = data.instruments["kind"].to_dict()
    share = data.table("grant_share")
    rate_array = data.table("operating_subsidy_rate")
    duration = data["subsidy_duration"].to_series().to_dict()
    capex = data.table("capex")
    lifetime = data["lifetime"].to_series().to_dict()
    rate = float(data["discount_rate"])
    routes = data.routes

    # the unprofitable gap of each route against the cheapest reference route of its service
    reference = {}
    for r in {cell[2] for cell in st.route_cells}:
        same = routes[
            (routes["sector"] == st.route_sector[r])
            & (routes["service"] == st.route_service[r])
            & (routes["route_class"] == "reference")
        ].index
        reference[r] = [x for x in same if x in st.availability]
    gap = {}
    grant_index, grant_share = [], {}
    operating_index, operating_rate, operating_value, commitment = [], {}, {}, {}
    build = set(st.build_index)
    for i in data.labels("instrument"):
        for s, c, r, v in st.build_index:
            if (i, v) not in budget:
                continue
            if kind[i] == "investment":
                value = share[i, r]
                if finite(value) and value > 0 and capex[r, v] > 0:
                    grant_index.append((i, s, c, r, v))
                    # share of capex, in MEUR per unit of capacity
                    grant_share[(i, s, c, r, v)] = value * capex[r, v]
            else:
                value = rate_array[i, r, v]
                if not (finite(value) and value > 0):
                    continue
                if (r, v) not in gap:
                    own = levelised_cost(data, st, r, v)
                    refs = [levelised_cost(data, st, x, v) for x in reference[r] if x != r]
                    gap[(r, v)] = max(0.0, own - min(refs)) if refs else value
                paid = min(value, gap[(r, v)])
                if paid <= 0 or (s, c, r, v) not in build:
                    continue
                years_paid = duration[i]
                availability = st.availability[r]
                operating_index.append((i, s, c, r, v))
                operating_rate[(i, s, c, r, v)] = paid
                # what the budget commits: the rate on full-availability output for the
                # whole duration, inside the horizon or not
                commitment[(i, s, c, r, v)] = paid * availability * years_paid
    # output of subsidised vintage v is paid in the years of its duration inside the horizon
    output_index = [
        (i, s, c, r, v, y)
        for (i, s, c, r, v) in operating_index
        for y in st.years
        if v <= y < v + min(duration[i], lifetime[r])
    ]
    for key in output_index:
        operating_value[key] = st.discount[key[5]] * operating_rate[key[:5]]
    cover: dict = {}
    for i, s, c, r, v, y in output_index:
        cover.setdefault((s, c, r, y), []).append((i, v))
    # annualise grants like the capex they pay for: only the part inside the horizon counts
    grant_value = {}
    for key in grant_index:
        i, s, c, r, v = key
        alive = [y for y in st.years if v <= y < v + lifetime[r]]
        grant_value[key] = sum(st.discount[y] * annuity_factor(rate, lifetime[r]) for y in alive)
    used_budgets = sorted({(k[0], k[4]) for k in grant_index + operating_index})
    return {
        "grant_index": grant_index,
        "grant_share": grant_share,
        "grant_value": grant_value,
        "operating_index": operating_index,
        "operating_rate": operating_rate,
        "operating_value": operating_value,
        "output_index": output_index,
        "operating_commitment": commitment,
        "operating_cover": cover,
        "duration": duration,
        "budget": budget,
        "budget_index": used_budgets,
        "gap": gap,
    }


def ikc_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """IKC-ETS: compensation per PJ of electricity for eligible sectors, and the budget."""
    if not scenario.policies.ikc:
        return {"index": [], "rate": {}, "budget": {}}
    eligible = data["ikc_eligible"].to_series().to_dict()
    aid = float(data["ikc_aid_intensity"])
    factor = data.table("ikc_emission_factor")
    budget_array = data.table("ikc_budget")
    rate = {}
    for s, c in st.emission_cells:
        if eligible.get(s, 0) <= 0:
            continue
        for y in st.years:
            value = aid * factor[y] * st.ets_price[y]
            if finite(value) and value > 0:
                rate[(s, c, y)] = value
    budget = {y: budget_array[y] for y in st.years if finite(budget_array[y])}
    return {"index": sorted(rate), "rate": rate, "budget": budget}


def levy_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """National CO2 levy: the rate above the ETS price and the dispensation rights."""
    if not scenario.policies.co2_levy:
        return {"index": [], "rate": {}, "dispensation": {}}
    levy = data.table("co2_levy_rate")
    dispensation = data.table("co2_levy_dispensation")
    rate, exempt = {}, {}
    for s, c in st.emission_cells:
        for y in st.years:
            excess = levy[y] - st.ets_price[y]
            if excess > 0:
                rate[(s, c, y)] = excess
                exempt[(s, c, y)] = dispensation[s, c, y]
    return {"index": sorted(rate), "rate": rate, "dispensation": exempt}


def storage_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """CO2 storage capacity per year and the transport and storage tariff."""
    tariff = {y: data.table("co2_transport_storage_tariff")[y] for y in st.years}
    if not scenario.policies.co2_storage:
        return {"index": [], "limit": {}, "tariff": tariff}
    capacity = data.table("co2_storage_capacity")
    limit = {y: capacity[y] for y in st.years if finite(capacity[y])}
    return {"index": sorted(limit), "limit": limit, "tariff": tariff}


def supply_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """National supply limits per carrier and activity limits per route."""
    if not scenario.policies.supply_limits:
        return {
            "carrier_index": [],
            "carrier_limit": {},
            "route_index": [],
            "route_limit": {},
            "minimum_index": [],
            "route_minimum": {},
        }
    supply = data.table("supply_limit")
    carrier_limit = {
        (k, y): supply[k, y]
        for k in data.labels("carrier")
        for y in st.years
        if finite(supply[k, y])
    }
    activity = data.table("route_activity_limit")
    used = {r for (_, _, r) in st.route_cells}
    route_limit = {
        (r, y): activity[r, y] for r in sorted(used) for y in st.years if finite(activity[r, y])
    }
    minimum_array = data.table("route_activity_minimum")
    route_minimum = {
        (r, y): minimum_array[r, y]
        for r in sorted(used)
        for y in st.years
        if finite(minimum_array[r, y]) and minimum_array[r, y] > 0
    }
    return {
        "carrier_index": sorted(carrier_limit),
        "carrier_limit": carrier_limit,
        "route_index": sorted(route_limit),
        "route_limit": route_limit,
        "minimum_index": sorted(route_minimum),
        "route_minimum": route_minimum,
    }


def cap_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """The optional cap on direct emissions, in the years it has a value."""
    if not scenario.policies.emission_cap:
        return {"index": [], "limit": {}}
    cap = data.table("emission_cap")
    limit = {y: cap[y] for y in st.years if finite(cap[y])}
    return {"index": sorted(limit), "limit": limit}


def build_policy_structure(data: Data, scenario: Scenario, st: Structure) -> dict:
    """All policy coefficients, keyed by policy."""
    return {
        "grid": grid_structure(data, scenario, st),
        "subsidy": subsidy_structure(data, scenario, st),
        "ikc": ikc_structure(data, scenario, st),
        "levy": levy_structure(data, scenario, st),
        "storage": storage_structure(data, scenario, st),
        "supply": supply_structure(data, scenario, st),
        "cap": cap_structure(data, scenario, st),
    }
