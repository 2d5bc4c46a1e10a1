r"""The symbol table of the math docs: every symbol a formula uses, once, with one meaning.

``docs/math.md`` prints these tables below the equations. ``tests/test_notation.py`` parses
the LaTeX of every docstring formula of the model (the core, its derived quantities and
every policy module) and checks both ways: every symbol a formula uses is in a table here,
and every entry here is used by some formula.

A symbol is its letter with its accent and its superscript: :math:`P_{k,y}` and
:math:`P^{ETS}_y` are two symbols, :math:`\gamma_r` and :math:`\gamma_s` would be one letter
with two meanings (not allowed). Subscripts are indices. A superscript names a member of a
family (``P`` prices, ``S`` budgets, ``C^x`` cost terms, ``L`` lifetimes).

Each entry says what the symbol is in the code: a parameter of the registry
(:mod:`elektra.inputs.parameters`, with the unit from there), a scenario key, or the
attribute, function or constant that holds it (a dotted path under ``elektra``).
"""

from __future__ import annotations

from elektra.model.resultspec import Symbol

#: Index letters: symbol -> meaning. Primes (:math:`s'`) are further members of the same set.
INDICES = {
    "s": "sector",
    "c": "cluster",
    "r": "route",
    "y": "year; :math:`y_0` the base year (the scenario's ``base_year``)",
    "v": "vintage (the year capacity was built)",
    "j": "service of a sector (a product, a heat band, a feedstock); :math:`j(r)` that of route :math:`r`",
    "k": "carrier; :math:`k(r)` the carrier route :math:`r` makes",
    "i": "subsidy instrument",
    "t": "round of a subsidy instrument (the year of its award)",
}

#: Carriers named by their role (carriers.csv, column ``role``).
LABELS = {
    r"\mathrm{el}": Symbol(
        "model.structure.Core.carrier_role", "the carrier with role grid_electricity"
    ),
    r"\mathrm{H_2}": Symbol("model.structure.Core.carrier_role", "the carrier with role hydrogen"),
    r"\mathrm{CH_4}": Symbol(
        "model.structure.Core.carrier_role", "the carrier with role fossil_methane"
    ),
}

#: Sets of routes, carriers and sectors.
SETS = {
    r"\mathcal{R}_{s,j}": Symbol("model.structure.Core.demand_routes", "routes of a service"),
    r"\mathcal{R}^{dom}": Symbol(
        "model.structure.Core.domestic", "routes that make their product at home (not import)"
    ),
    r"\mathcal{R}^{imp}": Symbol(
        "model.structure.Core.domestic", "routes that import their product (route class import)"
    ),
    r"\mathcal{M}_k, \mathcal{M}_{k,c}": Symbol(
        "model.structure.Core.producers", "routes making carrier k (in cluster c)"
    ),
    r"\mathcal{K}^{made}": Symbol(
        "model.structure.Core.produced_carriers", "carriers made in the model (hydrogen)"
    ),
}

#: Input parameters of the registry (the unit is the registry's) and scenario keys.
PARAMETERS = {
    r"D_{s,c,j,y}": Symbol("demand", "demand for a service"),
    r"K^0_{s,c,r,y}": Symbol("existing_capacity", "existing stock still alive"),
    r"C_{r,v}": Symbol("capex", "overnight investment cost of vintage v"),
    r"F_{r,y}": Symbol("fixed_om", "fixed O&M per unit of capacity"),
    r"c^{var}_{r,y}": Symbol("variable_cost", "non-energy variable cost per unit"),
    r"L_r": Symbol("lifetime", "lifetime of new capacity"),
    r"\alpha_r": Symbol("availability", "largest activity per unit of capacity"),
    r"\pi_{c,r}": Symbol(
        "potential", "technical share of a service (or of a carrier's production)"
    ),
    r"B_{c,r,y}": Symbol("build_limit", "largest new capacity in a year"),
    r"\phi_{r,y,k}": Symbol("input", "carrier input per unit of output"),
    r"p_r": Symbol("process_emissions", "process CO2 per unit of output"),
    r"\kappa_r": Symbol("capture_rate", "share of gross CO2 captured"),
    r"\gamma_r": Symbol("solid_carbon_share", "share of the inputs' carbon left as solid carbon"),
    r"f_k": Symbol("emission_factor", "CO2 per unit of carrier burnt"),
    r"P_{k,y}": Symbol("price", "commodity price of a carrier"),
    r"N_{k,y}": Symbol("network_tariff", "network tariff of a carrier"),
    r"T_{s,c,k,y}": Symbol(
        "energy_tax", "energy tax of a carrier, by the sector and cluster using it"
    ),
    r"\Theta_{r,y}": Symbol(
        "electricity_discount", "discount on electricity bought in the hours a route may run"
    ),
    r"h_r": Symbol("full_load_hours", "full-load hours of electricity use"),
    r"\theta_y": Symbol("co2_transport_storage_tariff", "CO2 transport and storage tariff"),
    r"\rho": Symbol("discount_rate", "discount rate"),
    r"m_r": Symbol("embedded_emissions", "CO2 embedded in an imported product"),
    r"N^{0}_{c,r,v}": Symbol(
        "committed_build", "new capacity already decided before the first model year"
    ),
    r"d^{lead}_r": Symbol("lead_time", "years from the investment decision to operation"),
    r"P^{tie}": Symbol(
        "Scenario.tie_break_emission_penalty",
        "tie-break CO2 price (0.01 by default): equally cheap solutions go to lower emissions",
        "EUR/t",
    ),
}

#: Coefficients the model derives from the parameters, and constants.
COEFFICIENTS = {
    r"\delta_y": Symbol(
        "model.structure.Core.discount", r"discount factor :math:`(1 + \rho)^{-(y - y_0)}`", "1"
    ),
    r"\mathrm{crf}_r": Symbol(
        "model.structure.annuity_factor",
        "capital recovery factor of the route's lifetime at the discount rate",
        "1/yr",
    ),
    r"\mathrm{crf}^G": Symbol(
        "model.structure.annuity_factor",
        r"capital recovery factor of paid grid expansion (lifetime :math:`L^G`)",
        "1/yr",
    ),
    r"e_{r,y}": Symbol(
        "model.structure.Core.net_emission_factor",
        "direct CO2 per unit after capture",
        "Mt/{output}",
    ),
    r"q_{r,y}": Symbol(
        "model.structure.Core.captured_factor", "CO2 captured per unit", "Mt/{output}"
    ),
    r"c^{en}_{r,y}": Symbol(
        "model.structure.Core.energy_cost",
        "energy bought per unit: price and network tariff, less the flexible discount",
        "MEUR/{output}",
    ),
    r"c^{tax}_{s,c,r,y}": Symbol(
        "model.structure.Core.energy_tax", "energy tax per unit", "MEUR/{output}"
    ),
    r"\mu": Symbol("model.structure.MWH_PER_PJ", "MWh per PJ, 277 777.8", "MWh/PJ"),
    r"M": Symbol(
        "model.lp.ELASTIC_PENALTY", "penalty in the objective per unit of elastic slack, 1e5 MEUR"
    ),
}

#: Variables of the LP: symbol -> (its name in the LP and the results).
VARIABLES = {
    r"a_{s,c,r,y}": Symbol("activity", "yearly output of a route", "{output}/yr"),
    r"n_{s,c,r,v}": Symbol("new_capacity", "capacity built in year v", "{output}/yr"),
    r"\xi": Symbol(
        "model.lp.Elastic",
        "elastic slack: how far a row gives way, in the row's unit, when an infeasible "
        "scenario is explained (present only then)",
    ),
}

#: Expressions: sums of variables the formulas name.
EXPRESSIONS = {
    r"E_{s,c,y}, E_y": Symbol(
        "model.expressions.emission_pairs", "direct CO2 after capture", "Mt/yr"
    ),
    r"Q_y": Symbol("model.expressions.captured_pairs", "CO2 captured", "Mt/yr"),
    r"U_{k,y}": Symbol("model.expressions.carrier_use_pairs", "national use of a carrier", "PJ/yr"),
    r"A_{r,y}": Symbol(
        "model.expressions.route_activity_pairs", "national activity of a route", "{output}/yr"
    ),
}

#: Cost terms of the objective, each the function that adds it.
COST_TERMS = {
    r"C^{core}_y": Symbol("model.core.core_costs", "the core's cost to industry", "MEUR/yr"),
    r"C^{tie}_y": Symbol("model.core.tie_break_cost", "tie-break CO2 penalty", "MEUR/yr"),
}

#: The core's tables of symbols (not the indices), in the order the docs print them; each
#: policy declares its own symbols (``Policy.symbols``), merged in :data:`TABLES`.
CORE_TABLES = {
    "Carriers by role": LABELS,
    "Sets": SETS,
    "Parameters and scenario keys": PARAMETERS,
    "Derived coefficients and constants": COEFFICIENTS,
    "Variables": VARIABLES,
    "Expressions": EXPRESSIONS,
    "Cost terms": COST_TERMS,
}


def _merged() -> dict[str, dict[str, Symbol]]:
    """The core's tables with every policy's symbols added (a symbol two policies share,
    such as those of the pro-rata supports, once)."""
    from elektra.policies import POLICIES

    tables = {name: dict(table) for name, table in CORE_TABLES.items()}
    for policy in POLICIES:
        for name, table in policy.symbols.items():
            for symbol, entry in table.items():
                if tables[name].setdefault(symbol, entry) != entry:
                    raise ValueError(f"symbol {symbol} of policy {policy.name!r} means two things")
    return tables


#: Every table of symbols (not the indices), in the order the docs print them.
TABLES = _merged()
PARAMETER_SYMBOLS = TABLES["Parameters and scenario keys"]
VARIABLE_SYMBOLS = TABLES["Variables"]
