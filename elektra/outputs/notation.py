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

from typing import NamedTuple


class Symbol(NamedTuple):
    """What a symbol is in the code and what it means."""

    #: a parameter of the registry, ``Scenario.<key>``/``Policies.<switch>``, a variable of
    #: the LP (for :data:`VARIABLES`), or a dotted path under ``elektra``
    code: str
    meaning: str
    #: the unit, for symbols that are not registry parameters (those carry theirs)
    unit: str = ""


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
    r"\mathcal{R}^{ref}_{s,j}": Symbol(
        "policies.subsidies._references", "reference (fossil) routes of a service"
    ),
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
    r"\mathcal{S}^{RFNBO}": Symbol(
        "rfnbo_counted", "sectors whose hydrogen use the RFNBO obligation counts"
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
    r"f^{up}_{k,y}": Symbol("upstream_emission_factor", "upstream emissions per unit of a carrier"),
    r"P_{k,y}": Symbol("price", "commodity price of a carrier"),
    r"N_{k,y}": Symbol("network_tariff", "network tariff of a carrier"),
    r"T_{s,c,k,y}": Symbol(
        "energy_tax", "energy tax of a carrier, by the sector and cluster using it"
    ),
    r"\Theta_{r,y}": Symbol(
        "electricity_discount", "discount on electricity bought in the hours a route may run"
    ),
    r"h_r": Symbol("full_load_hours", "full-load hours of electricity use"),
    r"\eta_r": Symbol("firm_share", "share of a route's electricity on a firm connection"),
    r"\theta_y": Symbol("co2_transport_storage_tariff", "CO2 transport and storage tariff"),
    r"\rho": Symbol("discount_rate", "discount rate"),
    r"P^{ETS}_y": Symbol("ets_price", "EU-ETS allowance price"),
    r"b_{s,j}": Symbol("free_allocation_benchmark", "free allocation per unit of domestic output"),
    r"\lambda_y": Symbol("free_allocation_factor", "share of the benchmark allocated for free"),
    r"\chi_{s,y}": Symbol("cbam_phase_out", "share of free allocation withdrawn (CBAM sectors)"),
    r"m_r": Symbol("embedded_emissions", "CO2 embedded in an imported product"),
    r"m^{lc}_r": Symbol(
        "import_life_cycle_emissions", "life-cycle emissions of an imported product"
    ),
    r"G_{c,y}": Symbol("grid_capacity", "grid connection capacity"),
    r"X_c": Symbol("grid_expansion_cost", "overnight cost of one MW of paid grid expansion"),
    r"L^G": Symbol("grid_expansion_lifetime", "lifetime of paid grid expansion"),
    r"S_{i,t}": Symbol("subsidy_budget", "budget of an instrument's round"),
    r"W_{i,t}": Symbol("subsidy_awarded", "budget of a round already awarded (committed draws)"),
    r"\sigma_{i,r}": Symbol("grant_share", "aid intensity of an investment grant (share of capex)"),
    r"R^{op}_{i,r,v}": Symbol(
        "operating_subsidy_rate", "largest operating subsidy per unit of output"
    ),
    r"H_i": Symbol("subsidy_duration", "years an operating subsidy pays"),
    r"d_i": Symbol("subsidy_lead_time", "years from a round's award to commissioning"),
    r"\bar Q_{i,y}": Symbol("subsidy_ccs_cap", "CO2 capture an instrument may fund in a year"),
    r"S^F_y": Symbol("flex_e_budget", "Flex-e budget"),
    r"\sigma^F_r": Symbol("flex_e_grant_share", "aid intensity of Flex-e (share of capex)"),
    r"\beta_{s,y}": Symbol("ikc_aid_intensity", "IKC-ETS aid intensity"),
    r"\varepsilon_y": Symbol("ikc_emission_factor", "electricity CO2 factor used by IKC-ETS"),
    r"R^{el}_y": Symbol(
        "electricity_rebate_rate", "full rebate per unit of electricity (the envelope)"
    ),
    r"\tau_y": Symbol("co2_levy_rate", "national CO2 levy rate"),
    r"V_{s,c,y}": Symbol("co2_levy_dispensation", "emissions exempt from the levy"),
    r"Z_y": Symbol("co2_storage_capacity", "CO2 storage injection capacity"),
    r"\bar U_{k,y}": Symbol("supply_limit", "largest national use of a carrier"),
    r"\bar A_{r,y}": Symbol("route_activity_limit", "largest national activity of a route"),
    r"\underline{A}_{r,y}": Symbol(
        "route_activity_minimum", "committed national activity of a route"
    ),
    r"\Omega_y": Symbol("rfnbo_obligation", "RFNBO share of industrial hydrogen use"),
    r"\psi_r": Symbol("rfnbo_route_share", "share of a hydrogen route's output that is RFNBO"),
    r"N^{0}_{c,r,v}": Symbol(
        "committed_build", "new capacity already decided before the first model year"
    ),
    r"d^{lead}_r": Symbol("lead_time", "years from the investment decision to operation"),
    r"\phi^{cap}_r": Symbol(
        "captive_hydrogen", "hydrogen a route makes and uses inside itself, per unit of output"
    ),
    r"\omega": Symbol("methane_leakage_rate", "share of the methane produced that leaks"),
    r"\mathrm{GWP}": Symbol("methane_gwp", "warming potential of methane, 100 years"),
    r"\bar E_y": Symbol("emission_cap", "cap on direct emissions (plus upstream where counted)"),
    r"P^{tie}": Symbol(
        "Scenario.tie_break_emission_penalty",
        "tie-break CO2 price (0.01 by default): equally cheap solutions go to lower emissions",
        "EUR/t",
    ),
    r"z^{imp}": Symbol(
        "Policies.cap_counts_imports", "1 where the emission cap counts imports, else 0", "1"
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
    r"c^{run}_{s,c,r,y}": Symbol(
        "policies.subsidies.route_margins",
        "running and CO2 cost per unit: energy, tax, variable cost, ETS and CBAM",
        "MEUR/{output}",
    ),
    r"c^{CBAM}_{r,y}": Symbol(
        "policies.ets.EtsCoefficients.cbam_charge",
        "CBAM charge per unit of an imported product",
        "MEUR/{output}",
    ),
    r"\Pi_{s,c,r,y}": Symbol(
        "policies.subsidies.route_margins",
        "margin of a route over the cheapest reference route of its cell: what a unit saves",
        "MEUR/{output}",
    ),
    r"\Delta_{s,c,r,y}": Symbol(
        "policies.subsidies.SubsidyCoefficients.gap",
        "unprofitable gap per unit of output at year y's prices (the SDE++ gap)",
        "MEUR/{output}",
    ),
    r"\Gamma_{s,c,r,v}": Symbol(
        "policies.subsidies.SubsidyCoefficients.funding_gap",
        "funding gap: capex less the present value of the margins",
        "MEUR/({output}/yr)",
    ),
    r"\tilde C_{s,c,r,v}": Symbol(
        "policies.subsidies.funding_gaps",
        "capex of the new reference plant that new capacity replacing retiring stock avoids",
        "MEUR/({output}/yr)",
    ),
    r"\tilde F_{s,c,r,y}": Symbol(
        "policies.subsidies.funding_gaps",
        "fixed O&M of that avoided reference plant",
        "MEUR/({output}/yr)/yr",
    ),
    r"g_{i,s,c,r,v}": Symbol(
        "policies.subsidies.SubsidyCoefficients.grant_per_unit",
        "grant per unit of capacity: min(share x capex, funding gap)",
        "MEUR/({output}/yr)",
    ),
    r"g^F_{s,c,r,v}": Symbol(
        "policies.flex_e.FlexECoefficients.grant_per_unit",
        "Flex-e grant per unit of capacity: min(share x capex, funding gap)",
        "MEUR/({output}/yr)",
    ),
    r"u_{r,y}": Symbol(
        "policies.upstream.UpstreamCoefficients.factor",
        "counted upstream emissions per unit of output",
        "Mt/{output}",
    ),
    r"R_{s,c,y}": Symbol(
        "policies.prorata.SupportCoefficients.rate",
        "full rate of an electricity-cost support",
        "MEUR/PJ",
    ),
    r"S^{el}_y": Symbol(
        "policies.prorata.SupportCoefficients.budget",
        "budget paying a year's electricity-cost claims (ikc_budget of the next year, "
        "electricity_rebate_budget of the year)",
        "MEUR",
    ),
    r"\zeta_y": Symbol(
        "policies.prorata.ProRata.factor",
        "pro-rata factor: share of the full rate paid (settled as a fixed point)",
        "1",
    ),
    r"\hat\zeta_y": Symbol(
        "policies.prorata.implied_factor",
        r"the factor a solution's claims imply, :math:`\min(1, S^{el}_y / K_y)`",
        "1",
    ),
    r"\Lambda_y": Symbol(
        "policies.prorata.ElectricitySupport.fixed_point",
        "dual of the claims limit, as a share of the full rate",
        "1",
    ),
    r"\nu": Symbol(
        "policies.prorata.SupportCoefficients.value_factor",
        r"value in the year of use of a payment made :math:`d^{pay}` years later, :math:`(1 + \rho)^{-d^{pay}}`",
        "1",
    ),
    r"d^{pay}": Symbol(
        "policies.prorata.ElectricitySupport.payment_lag",
        "years between the use of electricity and the payment of its support",
        "yr",
    ),
    r"\mu": Symbol("model.structure.MWH_PER_PJ", "MWh per PJ, 277 777.8", "MWh/PJ"),
    r"\mathrm{LHV}": Symbol(
        "policies.upstream.METHANE_LHV", "lower heating value of methane, 50", "PJ/Mt"
    ),
    r"M": Symbol(
        "model.lp.ELASTIC_PENALTY", "penalty in the objective per unit of elastic slack, 1e5 MEUR"
    ),
}

#: Variables of the LP: symbol -> (its name in the LP and the results).
VARIABLES = {
    r"a_{s,c,r,y}": Symbol("activity", "yearly output of a route", "{output}/yr"),
    r"n_{s,c,r,v}": Symbol("new_capacity", "capacity built in year v", "{output}/yr"),
    r"x_{c,v}": Symbol("grid_expansion", "paid grid expansion built in year v", "MW"),
    r"w^G_{i,s,c,r,v}": Symbol("grant_capacity", "new capacity funded by a grant", "{output}/yr"),
    r"w^O_{i,s,c,r,v}": Symbol(
        "subsidised_capacity", "new capacity funded by an operating subsidy", "{output}/yr"
    ),
    r"o_{i,s,c,r,v,y}": Symbol(
        "subsidised_output", "paid output of subsidised capacity", "{output}/yr"
    ),
    r"w^F_{s,c,r,v}": Symbol(
        "flex_e_capacity", "new flexible capacity funded by Flex-e", "{output}/yr"
    ),
    r"\ell_{s,c,y}": Symbol("levied", "emissions paying the national levy", "Mt/yr"),
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
    r"E^{up}_y": Symbol(
        "policies.upstream.upstream_emission_pairs",
        "counted upstream emissions (switch upstream_emissions)",
        "Mt/yr",
    ),
    r"Q_y": Symbol("model.expressions.captured_pairs", "CO2 captured", "Mt/yr"),
    r"U_{k,y}": Symbol("model.expressions.carrier_use_pairs", "national use of a carrier", "PJ/yr"),
    r"A_{r,y}": Symbol(
        "model.expressions.route_activity_pairs", "national activity of a route", "{output}/yr"
    ),
    r"K_y": Symbol(
        "policies.prorata.ElectricitySupport.claims",
        "claims of an electricity-cost support at the full rate",
        "MEUR/yr",
    ),
}

#: Cost terms of the objective, each the function that adds it.
COST_TERMS = {
    r"C^{core}_y": Symbol("model.core.core_costs", "the core's cost to industry", "MEUR/yr"),
    r"C^{tie}_y": Symbol("model.core.tie_break_cost", "tie-break CO2 penalty", "MEUR/yr"),
    r"C^{ETS}_y": Symbol("policies.ets.ets_costs", "ETS, free allocation and CBAM", "MEUR/yr"),
    r"C^{grid}_y": Symbol("policies.grid.grid_expansion_cost", "paid grid expansion", "MEUR/yr"),
    r"C^{sub}_y": Symbol("policies.subsidies.subsidy_costs", "subsidies received", "MEUR/yr"),
    r"C^{F}_y": Symbol("policies.flex_e.flex_e_costs", "Flex-e grants received", "MEUR/yr"),
    r"C^{sup}_y": Symbol(
        "policies.prorata.support_costs",
        "electricity-cost support received (each of IKC-ETS and the envelope)",
        "MEUR/yr",
    ),
    r"C^{levy}_y": Symbol("policies.levy.levy_costs", "national CO2 levy paid", "MEUR/yr"),
}

#: Every table of symbols (not the indices), in the order the docs print them.
TABLES = {
    "Carriers by role": LABELS,
    "Sets": SETS,
    "Parameters and scenario keys": PARAMETERS,
    "Derived coefficients and constants": COEFFICIENTS,
    "Variables": VARIABLES,
    "Expressions": EXPRESSIONS,
    "Cost terms": COST_TERMS,
}
