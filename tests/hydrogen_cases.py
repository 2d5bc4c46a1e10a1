"""A hydrogen toy: one cluster, one year, a refinery that needs 10 PJ of hydrogen.

Shared by tests/test_hydrogen.py and tests/test_mca.py. Every number is round so that the
cases are solved by hand in the tests' docstrings. Money in EUR/GJ = MEUR/PJ; the discount
rate is 0 and the year is the base year, so costs are undiscounted and an annuity is
capex / lifetime. The tie-break penalty is 0 unless a test asks for it, so duals are exact.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_dataset, write_scenario

YEAR = 2030
CLUSTER = "port"

#: route -> (sector, service, class, carrier inputs per PJ of output)
ROUTES = {
    "hydrotreating": ("refining", "hydrotreating", "reference", {"hydrogen": 1.0}),
    "smr": ("hydrogen", "hydrogen", "reference", {"natural_gas": 1.5}),
    "smr_ccs": ("hydrogen", "hydrogen", "blue_hydrogen", {"natural_gas": 1.5}),
    "pyrolysis": (
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        {"natural_gas": 1.6, "electricity": 0.3},
    ),
    "electrolysis": ("hydrogen", "hydrogen", "hydrogen", {"electricity": 1.5}),
    "offshore": ("hydrogen", "hydrogen", "hydrogen", {}),
}


def _row(parameter: str, value: float, unit: str, **labels) -> dict:
    return {"parameter": parameter, "value": value, "unit": unit, **labels}


def hydrogen_case(
    folder: Path,
    enabled: tuple[str, ...],
    rows: tuple[dict, ...] = (),
    name: str = "case",
    **scenario,
) -> Path:
    """Write the dataset with the routes in ``enabled`` (others get potential 0) and a
    scenario over it; ``rows`` add or override parameter rows (by parameter and labels).

    Figures: demand 10 PJ H2 through hydrotreating (1 PJ H2 per PJ); gas and electricity
    10 EUR/GJ; gas 0.05 Mt CO2/PJ; ETS 100 EUR/t; CO2 transport and storage 20 EUR/t.
    SMR: 1.5 PJ gas, 10 PJ/yr existing. SMR+CCS: capture 0.5, capex 50. Pyrolysis: 1.6 PJ
    gas + 0.3 PJ electricity, all carbon solid, carbon credit -2 EUR/GJ, capex 10, build
    limit 4 PJ/yr. Electrolysis: 1.5 PJ electricity, capex 5, 5,000 full-load hours.
    Offshore: no inputs, capex 100, availability 0.5, build limit 8 PJ/yr. Lifetimes 10 yr.
    Upstream (reported only, unless the switch is on): gas 0.005 and electricity 0.05 Mt
    CO2e/PJ; EU comparator 94 g/MJ, saving 0.7.
    """
    base = [
        _row("demand", 10, "PJ/yr", sector="refining", cluster=CLUSTER, service="hydrotreating"),
        _row(
            "existing_capacity",
            10,
            "PJ/yr",
            sector="refining",
            cluster=CLUSTER,
            route="hydrotreating",
        ),
        _row("existing_capacity", 10, "PJ/yr", sector="hydrogen", cluster=CLUSTER, route="smr"),
        _row("discount_rate", 0, "1/yr"),
        _row("ets_price", 100, "EUR/t"),
        _row("co2_transport_storage_tariff", 20, "EUR/t"),
        _row("emission_factor", 50, "t/TJ", carrier="natural_gas"),
        _row("price", 10, "EUR/GJ", carrier="natural_gas"),
        _row("price", 10, "EUR/GJ", carrier="electricity"),
        _row("capex", 20, "MEUR/(PJ/yr)", route="smr"),
        _row("capex", 50, "MEUR/(PJ/yr)", route="smr_ccs"),
        _row("capture_rate", 0.5, "1", route="smr_ccs"),
        _row("capex", 10, "MEUR/(PJ/yr)", route="pyrolysis"),
        _row("solid_carbon_share", 1, "1", route="pyrolysis"),
        _row("variable_cost", -2, "EUR/GJ", route="pyrolysis"),
        _row("build_limit", 4, "PJ/yr", cluster=CLUSTER, route="pyrolysis", year=YEAR),
        _row("full_load_hours", 8000, "h", route="pyrolysis"),
        _row("capex", 5, "MEUR/(PJ/yr)", route="electrolysis"),
        _row("full_load_hours", 5000, "h", route="electrolysis"),
        _row("capex", 100, "MEUR/(PJ/yr)", route="offshore"),
        _row("availability", 0.5, "1", route="offshore"),
        _row("build_limit", 8, "PJ/yr", cluster=CLUSTER, route="offshore", year=YEAR),
        _row("upstream_emission_factor", 5, "g/MJ", carrier="natural_gas"),
        _row("upstream_emission_factor", 50, "g/MJ", carrier="electricity"),
        _row("fossil_comparator", 94, "g/MJ"),
        _row("low_carbon_saving", 0.7, "1"),
    ]
    for route, (_s, _v, _c, inputs) in ROUTES.items():
        base.append(_row("lifetime", 40 if route == "hydrotreating" else 10, "yr", route=route))
        base += [_row("input", v, "PJ/PJ", route=route, carrier=k) for k, v in inputs.items()]
        if route not in enabled and route != "hydrotreating":
            base.append(_row("potential", 0, "1", cluster=CLUSTER, route=route))
    keys = {_key(row) for row in rows}
    data = [row for row in base if _key(row) not in keys] + list(rows)
    write_dataset(
        folder / "data",
        clusters=[CLUSTER],
        services=[("refining", "hydrotreating", "PJ"), ("hydrogen", "hydrogen", "PJ")],
        carriers=["natural_gas", "electricity", "hydrogen"],
        routes=[(r, s, v, c) for r, (s, v, c, _) in ROUTES.items()],
        rows=data,
    )
    scenario.setdefault("tie_break_emission_penalty", 0)
    policies = {"grid": False, "subsidies": False, "ikc": False, **scenario.pop("policies", {})}
    return write_scenario(
        folder, name=name, dataset="data", years=[YEAR, YEAR], policies=policies, **scenario
    )


def _key(row: dict) -> tuple:
    return tuple(sorted((k, v) for k, v in row.items() if k not in ("value", "unit")))
