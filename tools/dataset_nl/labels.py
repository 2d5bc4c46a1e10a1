"""The labels of the dataset: clusters, sectors, services, carriers."""

CLUSTERS = {
    "rotterdam_moerdijk": (
        "Rotterdam-Moerdijk (port of Rotterdam, Botlek, Pernis, Maasvlakte, Moerdijk)",
        "Rotterdam-Moerdijk",
    ),
    "noordzeekanaalgebied": (
        "Noordzeekanaalgebied (IJmuiden/Velsen, Amsterdam port)",
        "Noordzeekanaalgebied",
    ),
    "noord_nederland": ("Noord-Nederland (Eemshaven, Delfzijl, Emmen)", "Noord-Nederland"),
    "zeeland_west_brabant": (
        "Zeeland-West-Brabant / Smart Delta (Terneuzen, Sluiskil, Vlissingen, Bergen op Zoom)",
        "Zeeland-West-Brabant",
    ),
    "chemelot": ("Chemelot (Geleen, Limburg)", "Chemelot"),
    "cluster6": ("Cluster 6: industry outside the five clusters", "Other"),
}
MIDDEN_CLUSTER = {v[1]: k for k, v in CLUSTERS.items()}

SECTORS = {
    # label: (name, cbam)
    "steel": ("Iron and steel (integrated steelworks incl. combustion of its process gases)", True),
    "refining": ("Oil refining", False),
    "ammonia": ("Ammonia and fertilisers", True),
    "petrochemicals": (
        "Petrochemicals: steam crackers (high-value chemicals, HVC) and their utilities",
        False,
    ),
    "other_chemicals": (
        "Other chemicals (basic and speciality chemicals, incl. site utilities/CHP)",
        False,
    ),
    "hydrogen": (
        "Hydrogen production (industrial gases: merchant SMR, future blue/green/import)",
        True,
    ),
    "food": ("Food and beverages", False),
    "paper": ("Paper and board", False),
    "glass": ("Glass (container, flat, fibre)", False),
    "ceramics": ("Ceramics and bricks", False),
    "cement_lime": ("Cement, lime, mineral wool and other non-metallic minerals", False),
    "non_ferrous": ("Non-ferrous metals (aluminium, zinc, anodes)", False),
    "other_industry": ("Rest of ETS industry (small installations not assigned above)", False),
}

CARRIERS = {
    "natural_gas": "Natural gas (fuel and feedstock)",
    "electricity": "Electricity (grid)",
    "hydrogen": "Hydrogen (produced in the model by the hydrogen sector, balanced nationally)",
    "biomethane": "Biomethane (green gas, upgraded to grid quality)",
    "coal": "Coal, coke and steel-plant gases (coking coal and PCI input of the steelworks)",
    "oil": "Oil products and refinery/cracker fuel gas",
}


# (sector, service): output unit, name
SERVICES = {
    ("steel", "crude_steel"): ("Mt", "Crude steel"),
    ("refining", "heat_high"): ("PJ", "Refinery furnace heat above 400 °C (useful heat)"),
    ("refining", "heat_medium"): ("PJ", "Refinery steam 100-400 °C (useful heat)"),
    ("refining", "hydrotreating"): (
        "PJ",
        "Hydrogen for hydrotreating/hydrocracking bought from the hydrogen pool (PJ H2, LHV)",
    ),
    ("ammonia", "ammonia"): ("Mt", "Ammonia (NH3)"),
    ("petrochemicals", "hvc"): (
        "Mt",
        "High-value chemicals from steam cracking (ethylene, propylene, butadiene, aromatics)",
    ),
    ("petrochemicals", "heat_medium"): ("PJ", "Steam for cracker sites 100-400 °C (useful heat)"),
    ("other_chemicals", "heat_low"): ("PJ", "Heat below 100 °C (useful heat)"),
    ("other_chemicals", "heat_medium"): ("PJ", "Steam 100-400 °C (useful heat)"),
    ("other_chemicals", "heat_high"): ("PJ", "Furnace heat above 400 °C (useful heat)"),
    ("hydrogen", "hydrogen"): ("PJ", "Hydrogen (LHV) for the national hydrogen balance"),
    ("food", "heat_low"): ("PJ", "Heat below 100 °C (useful heat)"),
    ("food", "heat_medium"): ("PJ", "Steam 100-400 °C (useful heat)"),
    ("paper", "heat_low"): ("PJ", "Heat below 100 °C (useful heat)"),
    ("paper", "heat_medium"): ("PJ", "Steam 100-400 °C for drying (useful heat)"),
    ("glass", "heat_high"): ("PJ", "Melting furnace heat above 400 °C (useful heat)"),
    ("ceramics", "heat_low"): ("PJ", "Drying heat below 100 °C (useful heat)"),
    ("ceramics", "heat_high"): ("PJ", "Kiln heat above 400 °C (useful heat)"),
    ("cement_lime", "heat_high"): ("PJ", "Kiln/cupola heat above 400 °C (useful heat)"),
    ("non_ferrous", "heat_high"): (
        "PJ",
        "Furnace heat above 400 °C (anode baking, remelting) (useful heat)",
    ),
    ("other_industry", "heat_medium"): ("PJ", "Steam 100-400 °C (useful heat)"),
}
