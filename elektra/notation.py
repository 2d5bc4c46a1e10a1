"""The symbol table of the math docs: every letter in a formula, once.

``docs/math.md`` prints it below the equations; a test checks that every symbol a
formula uses in the generated page is listed here (indices, parameters, variables).
"""

from __future__ import annotations

#: Index letters: symbol -> meaning.
INDICES = {
    "s": "sector",
    "c": "cluster",
    "r": "route",
    "y": "year",
    "v": "vintage (the year capacity was built)",
    "j": "service of a sector (a product, a heat band, a feedstock)",
    "k": "carrier",
    "i": "subsidy instrument",
}

#: Parameters: symbol -> (parameter name in the registry or the derived coefficient, meaning).
PARAMETERS = {
    r"D_{s,c,j,y}": ("demand", "demand for a service"),
    r"K^0_{s,c,r,y}": ("existing_capacity", "existing stock still alive"),
    r"C_{r,v}": ("capex", "overnight investment cost of vintage v"),
    r"F_{r,y}": ("fixed_om", "fixed O&M per unit of capacity"),
    r"c^{var}_{r,y}": ("variable_cost", "non-energy variable cost per unit"),
    r"L_r": ("lifetime", "lifetime of new capacity"),
    r"\alpha_r": ("availability", "largest activity per unit of capacity"),
    r"\pi_{c,r}": ("potential", "technical share of a service (or of a carrier's production)"),
    r"B_{c,r,y}": ("build_limit", "largest new capacity in a year"),
    r"\phi_{r,y,k}": ("input", "carrier input per unit of output"),
    r"p_r": ("process_emissions", "process CO2 per unit of output"),
    r"\kappa_r": ("capture_rate", "share of gross CO2 captured"),
    r"\gamma_r": ("solid_carbon_share", "share of the inputs' carbon left as solid carbon"),
    r"h_r": ("full_load_hours", "full-load hours of electricity use"),
    r"f_k": ("emission_factor", "CO2 per unit of carrier burnt"),
    r"P_{k,y}": ("price", "commodity price of a carrier"),
    r"N_{k,y}": ("network_tariff", "network tariff of a carrier"),
    r"T_{k,y}": ("energy_tax", "energy tax of a carrier"),
    r"P^{ETS}_y": ("ets_price", "EU-ETS allowance price"),
    r"b_{s,j}": ("free_allocation_benchmark", "free allocation per unit of domestic output"),
    r"\lambda_y": ("free_allocation_factor", "share of the benchmark allocated for free"),
    r"\chi_{s,y}": ("cbam_phase_out", "share of free allocation withdrawn (CBAM sectors)"),
    r"m_r": ("embedded_emissions", "CO2 embedded in an imported product"),
    r"G_{c,y}": ("grid_capacity", "grid connection capacity"),
    r"X_c": ("grid_expansion_cost", "overnight cost of one MW of paid grid expansion"),
    r"L^G": ("grid_expansion_lifetime", "lifetime of paid grid expansion"),
    r"S_{i,y}": ("subsidy_budget", "budget of an instrument's round"),
    r"\sigma_{i,r}": ("grant_share", "aid intensity of an investment grant (share of capex)"),
    r"\rho_{i,r,y}": ("operating_subsidy_rate", "largest operating subsidy per unit of output"),
    r"H_i": ("subsidy_duration", "years an operating subsidy pays"),
    r"S^{IKC}_y": ("ikc_budget", "IKC-ETS budget"),
    r"\beta": ("ikc_aid_intensity", "IKC-ETS aid intensity"),
    r"\varepsilon_y": ("ikc_emission_factor", "electricity CO2 factor used by IKC-ETS"),
    r"\tau_y": ("co2_levy_rate", "national CO2 levy rate"),
    r"R_{s,c,y}": ("co2_levy_dispensation", "emissions exempt from the levy"),
    r"Z_y": ("co2_storage_capacity", "CO2 storage injection capacity"),
    r"\theta_y": ("co2_transport_storage_tariff", "CO2 transport and storage tariff"),
    r"\bar U_{k,y}": ("supply_limit", "largest national use of a carrier"),
    r"\bar A_{r,y}": ("route_activity_limit", "largest national activity of a route"),
    r"\underline{A}_{r,y}": ("route_activity_minimum", "committed national activity of a route"),
    r"\bar E_y": ("emission_cap", "cap on direct emissions (plus upstream where counted)"),
    r"g_{k,y}": ("upstream_emission_factor", "upstream emissions per unit of a carrier"),
    r"\omega": ("methane_leakage_rate", "share of the methane produced that leaks"),
    r"\mathrm{GWP}": ("methane_gwp", "warming potential of methane, 100 years"),
    r"l_r": ("import_life_cycle_emissions", "life-cycle emissions of an imported product"),
    r"H": ("(constant)", "lower heating value of methane, 50 PJ/Mt"),
    r"u_{r,y}": ("(derived)", "counted upstream emissions per unit of output"),
    r"\rho": ("discount_rate", "discount rate"),
    r"\epsilon": ("(scenario key tie_break_emission_penalty)", "tie-break CO2 penalty, EUR/t"),
    r"\delta_y": ("(derived)", "discount factor (1 + rho)^-(y - y0)"),
    r"\mathrm{crf}_r": ("(derived)", "capital recovery factor of the route's lifetime"),
    r"\mu": ("(constant)", "MWh per PJ, 277 777.8"),
    r"e_{r,y}": ("(derived)", "net CO2 per unit after capture"),
    r"q_{r,y}": ("(derived)", "CO2 captured per unit"),
    r"\Delta_{r,y}": ("(derived)", "unprofitable gap against the cheapest reference route"),
    r"M": ("(constant)", "penalty per unit of elastic slack, 1e5"),
}

#: Variables: symbol -> (variable name in the LP, meaning).
VARIABLES = {
    r"a_{s,c,r,y}": ("activity", "yearly output of a route"),
    r"n_{s,c,r,v}": ("new_capacity", "capacity built in year v"),
    r"x_{c,v}": ("grid_expansion", "paid grid expansion built in year v"),
    r"w^G_{i,s,c,r,v}": ("grant_capacity", "new capacity funded by a grant"),
    r"w^O_{i,s,c,r,v}": ("subsidised_capacity", "new capacity funded by an operating subsidy"),
    r"o_{i,s,c,r,v,y}": ("subsidised_output", "paid output of subsidised capacity"),
    r"z_{s,c,y}": ("ikc_paid", "IKC-ETS compensation"),
    r"\ell_{s,c,y}": ("levied", "emissions paying the national levy"),
    r"E_{s,c,y}, E_y": ("(expression)", "direct CO2 after capture"),
    r"Q_y": ("(expression)", "CO2 captured"),
    r"E^{up}_y": ("(expression)", "counted upstream emissions (upstream_emissions switch)"),
    r"U_{k,y}": ("(expression)", "national use of a carrier"),
    r"A_{r,y}": ("(expression)", "national activity of a route"),
}
