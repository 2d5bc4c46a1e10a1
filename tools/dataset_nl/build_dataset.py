"""Build the default Dutch dataset (data/nl/*.csv) from the figures gathered in
/work/shared/reference (MIDDEN, NEa, CBS, ETM, EU law, policy letter 2026).

Run:  .venv/bin/python tools/dataset_nl/build_dataset.py
Then: .venv/bin/python tools/dataset_nl/check_dataset.py

Every number below carries its source; numbers derived here carry estimate=true and a
method. The calibration logic (section "DEMAND") back-calculates service demand from the
published base-year emissions per (sector, cluster), so that the reference routes
reproduce them; see data/nl/README.md.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "nl"
REF = Path("/work/shared/reference")

# ----------------------------------------------------------------------------- sources
S_MIDDEN_TC = (
    "PBL/TNO MIDDEN database v0.3, technology table tc.json (github.com/pbl-nl/MIDDEN, "
    "commit e404e16, 2022-01-17)"
)
S_MIDDEN_EM = (
    "PBL/TNO MIDDEN database v0.3, midden.json field 2020_nea_emissions_[tCO2e] (NEa 2020 "
    "verified emissions per installation) aggregated per cluster x sector "
    "(reference/midden_cluster_sector_emissions_2020.csv)"
)
S_MIDDEN_EN = (
    "PBL/TNO MIDDEN database v0.3 base configurations (pcd.json x tc.json), derived energy/steam "
    "inputs (reference/midden_derived_energy_indicative.csv)"
)
S_NEA22 = "NEa emissiecijfers 2022 (Apr 2023) via telegraaf.nl 2023-04-14: ETS industry 38.6 Mt"
S_NEA23 = (
    "NEa emissiecijfers 2023 (Apr 2024) via duurzaam-ondernemen.nl and nieuws.nl 2024-04-15: ETS "
    "-9.36 Mt of which energy sector -6.7 Mt; total 58.9 Mt; Tata Steel 4.5 Mt"
)
S_NEA24 = (
    "NEa emissiecijfers 2024 (Apr 2025) via duurzaam-ondernemen.nl: industry +1.2 Mt vs 2023; "
    "Tata Steel IJmuiden 5.9 Mt"
)
S_CBS = (
    "CBS (2024) Uitstoot broeikasgassen 6 procent lager in 2023, cbs.nl/nl-nl/nieuws/2024/11 "
    "(table per klimaatakkoordsector)"
)
S_ETM = (
    "Quintel ETM etsource datasets/nl2023/energy_balance.open_access.csv (IEA format, TJ), "
    "commit 54775b3d37"
)
S_ETM_CAR = "Quintel ETM etsource datasets/nl2023/carriers.csv (cost_per_mj), commit 54775b3d37"
S_ETM_NODE = "Quintel ETM etsource graphs/energy/nodes (node .ad files), commit 54775b3d37"
S_IPCC = "IPCC (2006) Guidelines for National GHG Inventories, Vol. 2 Energy, ch. 1 Table 1.4 default CO2 emission factors"
S_NLFUEL = (
    "RVO/TNO Nederlandse lijst van energiedragers en standaard CO2-emissiefactoren (Netherlands "
    "list of fuels); TNO 2006-A-R0079/B (Heslinga & Van Harmelen) on the NL natural-gas factor"
)
S_BM = (
    "Commission Implementing Regulation (EU) 2021/447 of 12 March 2021, benchmark values 2021-2025 "
    "(Annex); update method of Art. 10a(2) Directive 2003/87/EC (0.2-1.6 %/yr over 15 yr)"
)
S_CBAM = (
    "Directive (EU) 2023/959 Art. 10a(1a) and Regulation (EU) 2023/956 Art. 36 (CBAM factor), "
    "European Parliament press release Dec 2022"
)
S_VEYT = "Veyt (2024) EUA price forecast: carbon to double by 2026 (veyt.com)"
S_CP = "Carbon Pulse (2 May 2024) EU carbon prices to triple by 2035, analysts predict"
S_PZEM = "PZEM market updates (pzem.nl, Jan 2024 and Nov 2024)"
S_ENGIE = "ENGIE Belgium indexation parameters TTF (Dec 2024), business.engie.be"
S_EBRIDGE = (
    "E-Bridge (2024) industrial electricity costs NL/DE/FR/BE for EZK, via consultancy.nl and "
    "kst-32813-1372 (3 Apr 2024)"
)
S_FME = "FME (13 Feb 2026) via metaalkrant.nl, citing research: large industrial users NL EUR 88/MWh (2025)"
S_TENNET = (
    "TenneT tariff communications via nieuws.nl 2023-04-26 and cfo.nl: after 2025-26 about +5 %/yr "
    "to 2035 (HV +4.7 %, EHV +4.3 % real)"
)
S_SDE_GG = (
    "PBL Eindadvies basisbedragen SDE++ 2023 (groen gas, kleinschalige mestvergisting) via "
    "balksternieuws.nl 2023-03-14: EUR 1.92/Nm3; GvO about EUR 0.50/m3"
)
S_RABO = "Rabobank (2023) Nederlandse groengasambitie stuit op veel barrieres: 2 bcm/yr target 2030, 0.23 bcm in 2022"
S_KB = (
    "Kamerbrief energie-intensieve industrie en kabinetsreactie WKR-advies 'Kiezen of verliezen' "
    "(Minister en Staatssecretaris KGG, 2026)"
)
S_IKC = "RVO/KGG IKC-ETS budgets 2025-2027 via accountancyvanmorgen.nl 2025-07-07; RTL/ANP 12-9-2025 (2028 extension)"
S_EU_SA = (
    "Communication from the Commission, Guidelines on certain State aid measures in the context of "
    "the system for greenhouse gas emission allowance trading post-2021 (2020/C 317/04), aid intensity "
    "75 % and Annex III maximum regional CO2 emission factors (Central West Europe 0.72 tCO2/MWh)"
)
S_PORTHOS = (
    "Porthos FID Oct 2023 (schuttevaer.nl 2023-10-18); NEa permit: 2.5 Mt/yr for 15 yr from 2026; "
    "Aramis: 5 Mt/yr initially (5-14 Mt in 2030 per PBL), FID 2026, first CO2 2030 (ewmagazine.nl 2025-01)"
)
S_SDE24 = (
    "Kamerbrief Openstelling SDE++ 2024 (kst-31239-387, 1 Mar 2024) via accountancyvanmorgen.nl: "
    "EUR 11.5bn, hekjes EUR 1bn each for LT heat, HT heat, molecules; SDE++ 2023 EUR 8bn, max EUR 400/t in hekjes, 300 outside"
)
S_NIKI = "European Commission IP/25/1250 (EUR 1.2bn NIKI scheme approved) via openrijk.nl; " + S_KB
S_VEKI = "VEKI budget increase 2021 (amsterdamlogistics.nl; agro-chemie.nl): EUR 28M -> 82M, max 15M/project"
S_DEI = "NLSI budget overview DEI+ 2021 (EUR 126.6M); Rijksfinancien suppletoire begroting KGG 2025 (DEI+ cash EUR 93.7M)"
S_GRID = (
    "TenneT/Stedin/Enexis/provinces grid-congestion notes per cluster, collected in "
    "reference/README_data_nl.md section 6 (nt.nl 2022-11-22; deltalimburg.nl 2025-04-18; nieuws.nl "
    "2024-06-10; oogtv.nl 2023-12/2025-04; noordzeekanaalgebied.nl MIEK)"
)
S_DISC = "Rapport Werkgroep discontovoet 2020 (Ministerie van Financien): standard real discount rate 2.25 % for social CBA"
S_TATA_PROD = (
    "NH Nieuws (Jul 2023) 'Van auto's tot wasmachines': Tata Steel IJmuiden produces about 7 Mt steel "
    "per year; tatasteelconstruction.com: IJmuiden capable of about 7.5 Mt/yr coil"
)
S_NRC_YARA = "NRC (25 Aug 2022) Yara legt kunstmestfabriek in Sluiskil stil: Sluiskil uses 2 bcm natural gas per year"
S_WS = (
    "worldsteel CO2 data collection / IEA Iron & Steel Tracker 2023 (BF-BOF 1.8-2.5 tCO2/t), as summarised "
    "in the dpp-rules crate docs (docs.rs/crate/dpp-rules, metals/steel.rs)"
)
S_IEA_NH3 = "IEA (2021) Ammonia Technology Roadmap: global average direct emission intensity about 2.4 tCO2/t NH3"
S_TNO_EL = "TNO (2024) LCOH water electrolysis in NL (100 and 200 MW), summarised by chrysalix.com 2024-08-27"
S_HYEU = "Hydrogen Europe Clean Hydrogen Monitor 2022 (grid electrolysis 3.0-9.7 EUR/kg at 4000 h) via hyjack.tech"
S_EC_H2 = "European Commission (2020) Hydrogen strategy cost figures via h2-tech.com (green 2.5-5.5, blue ~2, grey ~1.5 EUR/kg)"
S_FRIEDEN = (
    "Frieden & Leker (2024) Future costs of hydrogen: a quantitative review, Sustainable Energy & Fuels "
    "(pubs.rsc.org/en/content/articlehtml/2024/se/d4se00137k): electrolysis hydrogen EUR 5.3/kg (2020) to "
    "4.4/kg (2030)"
)
S_TTF_NETWORK = (
    "assumption (no public figure retrieved): Gasunie Transport Services charges exit capacity per kWh/h/yr; "
    "the per-MWh equivalent for a large industrial exit point was not found"
)
S_FIRST_YEAR = (
    "PBL/TNO MIDDEN database v0.3, tc.json trl_value per technology; announced dates of the projects the route "
    "needs (hydrogen pipeline per cluster, Aramis FID 2026 and first CO2 2030, HH1 end 2026)"
)
S_DEFINITION = (
    "elektra definition (no figure to source): import routes hold no domestic asset; refinery hydrotreating "
    "takes pool hydrogen one for one"
)
S_OWE = (
    "Dutch OWE renewable-hydrogen tender 2024 (EUR 1bn, cap EUR 9/kg) via chrysalix.com 2024-08-27"
)
S_OWN = "elektra dataset compiler (estimate)"
S_MIDDEN_PCD = (
    "PBL/TNO MIDDEN database v0.3, pcd.json (github.com/pbl-nl/MIDDEN, commit e404e16): base configurations "
    "of the Dutch plants, i.e. the technologies in operation, with their capacity utilisation (median 0.90 over "
    "473 units with a value; 160 at 0.90)"
)
S_MIDDEN_LIFE = (
    "PBL/TNO MIDDEN database v0.3, tc.json technical lifetimes: natural-gas boilers TC0098 and TC0440 25 yr "
    "(TC0108 20 yr); EDC cracking furnaces TC0049/TC0050 30 yr; blast furnace, BOF, coke and sinter plants "
    "TC0019-TC0024 20 yr; IEAGHG (2017) SMR 25 yr (POSTED, Methane Reforming.csv); Spallina et al. 2017 naphtha "
    "cracker 25 yr (POSTED, Naphtha Steam Cracking.csv)"
)
S_MIDDEN_FOM = (
    "PBL/TNO MIDDEN database v0.3, tc.json fixed O&M conventions: '2% of CAPEX assumed' (TC0046, TC0049, "
    "TC0050 process furnaces; TC0461-3 boilers per DNV GL 2018) and '3% of CAPEX assumed' (TC0001 glass furnace; "
    "TC0039 H-DR reactor); Vogl et al. 2018 EAF 3 % (POSTED)"
)
S_MIDDEN_BOILERS = (
    "PBL/TNO MIDDEN database v0.3, tc.json natural-gas boilers: TC0098 EUR2017 60,000/MWth, TC0108 EUR2017 "
    "75,000/MWth, TC0440 EUR2017 79,000/MWth"
)
S_MIDDEN_FURNACES = (
    "PBL/TNO MIDDEN database v0.3, tc.json: TC0001 regenerative glass furnace (typical energy efficiency 70 %, "
    "EUR2017 0.15M per kt glass/yr at 3,950 GJ gas/kt); TC0046 gas-fired EDC cracking furnace (EUR2017 1.2M/MWth); "
    "TC0446 gas boiler (92.4 %)"
)
S_MIDDEN_EFURNACE = (
    "PBL/TNO MIDDEN database v0.3, tc.json TC0477 electric furnace: 0.035 PJ electricity per 0.0315 PJ heat "
    "(90 %), EUR2019 2.85M/MWth, 15 yr"
)
S_POSTED_EAF = (
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Electric Arc Furnace.csv): EAF capex "
    "Jacobasch et al. 2021 EUR2020 479.89M per 2 Mt/yr; Woertler et al. 2013 EUR2010 184/(t/yr); Agora "
    "Energiewende 2022 EUR2010 331/(t/yr) incl. integration"
)
S_POSTED_NH3 = (
    "POSTED database (github.com/PhilippVerpoort/posted): Haber-Bosch with Reforming.csv (Bazzanella & Ausfelder "
    "2017, DECHEMA, Table 35: EUR 670 per t NH3/yr); Haber-Bosch with ASU.csv (Arnaiz del Pozo 2022 EUR 643/kW "
    "NH3 LHV; Ikaheimo 2018 EUR 870/kW and 0.64 MWh/t; Morgan 2014 0.40 MWh/t synthesis + 108 kWh ASU per "
    "1.19 t NH3; Grinberg Dana 2016 0.44 MWh/t synthesis + 61 kWh ASU per 1.19 t NH3)"
)
S_POSTED_CRACKER = (
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Naphtha Steam Cracking.csv): Spallina et al. "
    "2017, EUR2017 967.24M per Mt/yr ethylene; 31.86 kg/s ethylene, 13.01 propylene, 17.48 BTX from 97.22 kg/s naphtha"
)
S_SLAB = (
    "steelprices.com (Apr 2025, citing Eurometal) 'European slab prices declined in the second half of April': "
    "EU slab offers USD 500/t CIF, USD 520-540 earlier in the month; Japan USD 470/t FOB"
)
S_NH3_PRICE = (
    "fertilizerpricing.com (2024) weekly ammonia reports: Northwest Europe USD 460-470/t CFR (June-July 2024) and "
    "USD 550-560/t CFR (September 2024)"
)
S_ICIS_OLEFINS = (
    "ICIS European contract prices FD NWE via icis.com and polymers.com.ua: ethylene EUR 1,150/t and propylene "
    "EUR 1,032/t (June 2018); ethylene EUR 775/t (Oct 2020), propylene EUR 840-870/t (late 2020)"
)
S_COKING_COAL = (
    "Australian Office of the Chief Economist forecast via azovpromstal.com: premium hard coking coal USD 242/t "
    "(2024 average), 187 (2025); IPCC 2006 Vol. 2 Table 1.2 net calorific value of coking coal 28.2 GJ/t"
)
S_BRENT = "EIA (Jan 2025) via enerknol.com: Brent crude futures averaged USD 80/b in 2024"
S_ECB_FX_2024 = "ECB euro foreign exchange reference rates, 2024 annual average USD 1.0824 per EUR"
S_CALIBRATION = "derived from the calibration: " + S_MIDDEN_EM + "; " + S_NEA24
S_BP2026_LEVY = (
    "Belastingplan 2026, memorie van toelichting par. 5.20 'Aanpassingen CO2-heffing industrie' "
    "(rijksfinancien.nl): rate for ETS1 and N2O installations lowered to EUR 78.67/t, reduction factor "
    "raised in 2026 and held constant after; PwC (16 Sep 2025) 'Klimaat-, energie- en automaatregelen "
    "Belastingplan 2026': from EUR 87.90/t in 2025 to EUR 78.67/t from 2026 up to and including 2030; "
    "Wet CO2-heffing industrie (Wbm ch. VI-B)"
)
S_NEA_DPR = (
    "NEa (15 Jun 2022) 'Aanpassing reductiefactor CO2-heffing aangekondigd': reduction factor 1.213 in 2023, "
    "falling by 0.078 a year (enacted in Belastingplan 2023); " + S_BP2026_LEVY
)
S_ZEESTRAAT = (
    "netopzee.eu (TenneT, 21 Dec 2021) 'Met klantaansluiting krijgt Tata Steel straks twee eigen groepen in "
    "de grote schakelkast van TenneT': customer connection at the new 380 kV Zeestraat station built for "
    "Hollandse Kust (noord), (west Alpha), (west Beta); ocean-energyresources.com (19 Dec 2024): onshore work "
    "for these three connections completed; netopzee.eu IJmuiden Ver Beta: landing at the Maasvlakte; "
    "deltalinqs.nl: IJmuiden Ver Alpha to Borssele; nwea.nl: IJmuiden Ver Beta end 2029"
)
S_DRI_H2 = (
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Iron Direct Reduction.csv), "
    "hydrogen input of H2 shaft furnaces per t DRI: Holling et al. 2017 635 Nm3; Otto et al. 2017 "
    "58.17 kg per 1.03 t; Rechberger et al. 2020 (steel research int. 91) 504.5 Nm3 reduction + 242 Nm3 "
    "heating; Sasiain et al. 2020 503.5 + 242 Nm3; Jacobasch et al. 2021 115.7 kt H2 per 1.74 Mt DRI"
)
S_ARPAGAUS = (
    "Arpagaus, Bless, Uhlmann, Schiffmann & Bertsch (2018) High temperature heat pumps: market "
    "overview, state of the art, research status, refrigerants, and application potentials, Energy "
    "152, 985-1010: market HTHPs with sinks of 90-160 °C reach COPs of 2.4-5.8 at lifts of 95-40 K; "
    "research units 2.2-2.8 at a 70 K lift to a 120 °C sink"
)
S_NETL_H2 = (
    "Lewis et al. (2022) Comparison of commercial, state-of-the-art, fossil-based hydrogen production "
    "technologies, DOE/NETL-2022/3241, Exhibit 5-7 case 3 (ATR with CCS, 94.5 % capture: total as-spent "
    "cost USD2018 1,467 per kg H2/day; fixed O&M USD2018 24.7M/yr for 660 t H2/day), as tabulated in the "
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Methane Reforming.csv)"
)
S_ECB_FX = "ECB euro foreign exchange reference rates, 2018 annual average USD 1.181 per EUR"
S_CEPCI = (
    "Chemical Engineering Plant Cost Index annual averages 2017 567.5, 2018 603.1, 2019 607.5, "
    "2023 797.9 (chemengonline.com, annual-average announcements)"
)
S_EB_GAS = (
    "Energy tax on natural gas 2025 per m3 by yearly use per connection (Wet belastingen op "
    "milieugrondslag art. 59, Belastingplan 2025) via rendement.nl 'Verlaging van de energiebelasting "
    "op aardgas': 0-170,000 m3 EUR 0.5782; 170,000-1M EUR 0.3157; 1M-10M EUR 0.2035; > 10M EUR 0.0539; "
    "exemptions for gas used for electricity generation and for metallurgical and mineralogical "
    "processes (Wbm art. 64, lid 1 and 4)"
)
S_EB_EL = (
    "Energy tax on electricity per kWh by yearly use per connection (Wbm art. 59) via pzem.nl "
    "'Tarieven energiebelasting' (2024: > 10 million kWh business use EUR 0.00188; 50,000-10M kWh "
    "EUR 0.03943) and engie.nl (2025 indicative: 50,000-10M kWh EUR 0.03814); electricity for "
    "chemical reduction, electrolytic and metallurgical processes exempt (Wbm art. 64 lid 4)"
)
S_MIDDEN_SITES = (
    "PBL/TNO MIDDEN database v0.3, midden.json (github.com/pbl-nl/MIDDEN, commit e404e16): NEa 2020 "
    "verified emissions, NACE code and cluster of each installation"
)
S_HH1 = (
    "Shell Venster 2025 'Het kloppend hart achter de grootste groene waterstoffabriek van Europa' (shell.nl): "
    "Holland Hydrogen 1, 10 x 20 MW electrolysers on Maasvlakte 2, opening planned end 2026, up to 60 t H2/day; "
    "FID July 2022 (nd.nl 2022-07, rechargenews.com)"
)
S_ELYGATOR = (
    "Air Liquide FID ELYgator, 200 MW electrolyser Maasvlakte, operational end 2027, 23 kt H2/yr, mainly for "
    "TotalEnergies (duurzaam-ondernemen.nl 2025-07; power-to-x.de: TotalEnergies takes 130 MW for its Antwerp refinery)"
)
S_YARA_NL = (
    "Northern Lights / Yara binding agreement (norlights.com, Nov 2023): 800 kt CO2/yr from Yara Sluiskil ammonia "
    "production, liquefied and shipped to Norway; duurzaam-ondernemen.nl 2025-03: liquefaction unit under construction, "
    "ship calls twice a week from 2026"
)
S_TATA_GS = (
    "Tata Steel Nederland Green Steel plan (steeltimesint.com / eurometal.net, May 2024: stage 1 = 1 DRP + 1 EAF "
    "replacing BF7 and coke & gas plant 2 'as soon as 2030', -40 % CO2, scrap 17 % -> 30 %; EAF about 3 Mt/yr per "
    "market participants (Fastmarkets); stage 2 closes BF6 2030-2045); JLoI with State and Province Sep 2025"
)
S_ARAMIS = (
    "Aramis: State (EBN/Gasunie) takes over the trunkline investment, FID 2026, construction completed by 2030 "
    "(businessinsider.nl; evrimagaci.org 2025, EUR 639M state commitment); aramis-ccs.com: 22 Mt/yr ultimate, ship "
    "delivery possible (Zeeland, Antwerp)"
)
S_PACE = (
    "derived from the Routekaart Elektrificatie in de Industrie (TKI E&I, DNV, TNO 2021): >= 30 TWh extra industrial "
    "electricity by 2030, about 3.4 GW at 8,760 h; the SDE++ 2024 hekje of EUR 1bn for high-temperature heat "
    "(e-boilers) (kst-31239-387); shared over cells by base-year demand (MIDDEN NEa-2020 emissions scaled to NEa "
    "2024) x potential"
)

# technology readiness (trl rows; informational, not in the LP)
S_TRL_COMM = (
    "PBL/TNO MIDDEN database v0.3, pcd.json base configurations: the reference technologies in operation at the "
    "Dutch plants; imports are commodities traded today (TRL 9 = actual system proven in operational environment, "
    "EU Horizon 2020 TRL scale)"
)
S_IRENA_P2H = (
    "IRENA (2019) Innovation landscape for smart electrification, 'High-temperature electricity-based applications "
    "for industry' (irena.org): e-crackers in pilot phase; plasma-heated cement kilns at proof-of-concept stage"
)
S_HORN_GLASS = (
    "HORN Glass Industries 'Developments in all-electric glass melting' (hornglass.com): all-electric furnaces are "
    "established for specialty glass; for container glass limited to a pull below about 200 t/d; hybrid "
    "20-80 % electric concepts as next step"
)
S_H2GLASS = (
    "H2GLASS project (enlit.world, 12 Dec 2025): 100 % hydrogen combustion being demonstrated at five industrial "
    "glass furnaces and one aluminium replicability demonstrator"
)
S_NH3_HIST = (
    "Rouwenhorst, Travis & Lefferts (2022) 1921-2021: A Century of Renewable Ammonia Synthesis, Sustainable "
    "Chemistry 3(2) 149-171: Haber-Bosch plants fed by electrolytic hydrogen operated commercially from 1921"
)
S_GLOBALCEMENT_EL = (
    "Global Cement (2022) Update on electric cement kilns (globalcement.com): Coolbrook RotoDynamic Heater "
    "pilot, industrial pilots planned with Cemex and UltraTech"
)

# Sources of the policy levers of issue 9 (IKC-ETS as the scheme works, the electricity-cost
# envelope, Flex-e, NIKI, SDE++ domains, RFNBO, energy tax by user, steel materials).
S_EU_SA_2026 = (
    "Communication from the Commission amending the Guidelines on certain State aid measures in the "
    "context of the system for greenhouse gas emission allowance trading post-2021 (C/2026/196, OJ C "
    "5.1.2026): 20 new sectors and 2 subsectors eligible (among them organic chemicals and certain "
    "ceramics, glass and battery activities), aid intensity 75 -> 80 % for the sectors eligible before, "
    "emission factors updated for 2026-2030 (summaries: lexisnexis.co.uk, eutoday.net, miragenews.com)"
)
S_VNCI_IKC = (
    "VNCI (2025) Europese Commissie verruimt spelregels IKC (vnci.nl): 'organische chemie' and "
    "'kunstmeststoffen' newly on the list, 75 -> 80 % for sectors already listed, applicable from "
    "consumption year 2025"
)
S_KB_IKC = (
    S_KB
    + ": IKC-ETS extended with 22 extra (sub)sectors; the next two openings paid a few months later "
    "(2026 opening in Q1 2027, 2027 opening in Q1 2028); support for EII electricity costs rising to "
    "EUR 1 bn a year from 2029, IKC extension first, a separate envelope for the rest"
)
S_FME_NEIGHBOURS = (
    "FME (13 Feb 2026) via metaalkrant.nl, citing research: all-in electricity price of large industrial "
    "users 2025 NL EUR 88, DE 62, BE 75 per MWh"
)
S_TDTR = (
    "TenneT (Energy Booster, March 2026) Meer aansluitmogelijkheden door slim gebruik daluren: the "
    "time-bound transport right (TDTR) guarantees transport in at least 85 % of the hours of a year; "
    "ACM code decision of 16 July 2024 (Stcrt. 2024, 23594): firm, fully variable, time-bound and "
    "time-block transport rights from 1 April 2025"
)
S_ACM_TARIFF = (
    "ACM tariff code decision of 9 July 2024 (Stcrt. 2024, 23593): the transport-dependent tariff of "
    "large users is recovered 50 % on contracted kW and 50 % on the monthly kW peak"
)
S_FLEXE = (
    "Stcrt. 2025, 6499 (Flex-e regulation: subsidy for flexibility measures of grid users >= 1 kV)"
)
S_NIKI_R1 = (
    S_KB + ": first NIKI opening (2025) EUR 211M available, EUR 364M requested; Reju (textile to "
    "polyester, Chemelot) positively decided for EUR 135M"
)
S_SDE_HEKJES = (
    "Rijksoverheid (1 Mar 2024) Subsidieregeling voor duurzame energie en verlagen CO2-uitstoot vanaf "
    "september geopend: SDE++ 2024 opening budget EUR 11.5bn, hekjes of EUR 1bn each for the domains "
    "low-temperature heat, high-temperature heat (open industrial heat pumps, electric boilers) and "
    "molecules (green gas, renewable fuels); Rijksoverheid (17 Feb 2023): maximum EUR 400/t inside the "
    "hekjes, 300 outside"
)
S_SDE_2022 = (
    "Rijksoverheid (26 Apr 2023) 12 miljard euro toegekend aan duurzame projecten: SDE++ 2022 awards "
    "EUR 12bn, of which CCS 6.7bn (8 Aramis-linked projects), heat over 3bn, renewable electricity 1bn"
)
S_SDE_CCS_CAP = (
    "nhnieuws.nl (Sep 2021): Klimaatakkoord ceiling of 7.2 Mt subsidised CO2 storage, raised by 2.5 Mt; "
    "executivefinance.nl (Feb 2023): the SDE++ ceilings for renewable electricity and CCS lapse from the "
    "2023 round with the introduction of the hekjes"
)
S_GREEN_GAS_SDE = (
    "PBL Eindadvies basisbedragen SDE++ 2023 (groen gas, kleinschalige mestvergisting) via "
    "balksternieuws.nl 2023-03-14: SDE++ green-gas categories pay the producers of biomethane"
)
S_RED3 = (
    "Directive (EU) 2018/2001 as amended by Directive (EU) 2023/2413 (RED III), Article 22a: RFNBOs at "
    "least 42 % of the hydrogen used for final energy and non-energy purposes in industry by 2030 and 60 % "
    "by 2035 (argusmedia.com 2023-10-09; hydrogeninsight.com); Commission guidance C/2025/2983 on the scope "
    "of Article 22a"
)
S_WBM64 = (
    "Wet belastingen op milieugrondslag art. 64 lid 4: exemption for natural gas used for metallurgical "
    "and mineralogical processes and for electricity used for chemical reduction and electrolytic and "
    "metallurgical processes (explore.law; Hoge Raad conclusion ECLI:NL:PHR:2022:1129); Energy Taxation "
    "Directive 2003/96/EC art. 2(4)(b): dual use and non-fuel (feedstock) use of energy products outside its "
    "scope"
)
S_IRON_ORE = (
    "S&P Global Commodity Insights (11 Mar 2025) Asian iron ore market 2024 review: Platts 62 % Fe IODEX "
    "averaged USD 109.44/dmt in 2024; Kallanish (31 Dec 2024): KORE 62 % Fe USD 104.83 and 65 % Fe USD "
    "119.23/dmt cfr Qingdao; ECB euro reference rate 2024 USD 1.0824 per EUR"
)
S_WORLDSTEEL_RAW = (
    "worldsteel fact sheet Steel and raw materials (2019/2021): the BF-BOF route uses 1,370 kg iron ore, "
    "780 kg metallurgical coal, 270 kg limestone and 125 kg recycled steel per t crude steel; the 2016 fact "
    "sheet: the recycled-steel EAF route uses 880 kg recycled steel plus other metallics per t"
)
S_SCRAP = (
    "CRU Recycled Metals Update (Feb 2024) European scrap prices mostly stable: European scrap EUR "
    "355-385/t depending on grade and country"
)

EST = True

# ------------------------------------------------------------------------ constants
YEARS = [2025, 2035]
BASE = 2025
LHV_H2 = 120.0  # MJ/kg, GJ/t
EF = {  # t CO2 / TJ
    "natural_gas": 56.4,
    "coal": 94.6,
    "oil": 60.0,
    "electricity": 0.0,
    "hydrogen": 0.0,
    "biomethane": 0.0,
}
# Energy tax on natural gas [EUR per m3, 2025], by tier of yearly use per connection (S_EB_GAS)
GAS_TAX_TIER = {"0-170k": 0.5782, "170k-1M": 0.3157, "1M-10M": 0.2035, ">10M": 0.0539}
GAS_MWH_LHV_PER_M3 = 31.65 / 3600  # the tax's m3 holds 35.17 MJ GCV = 31.65 MJ LHV
# Share of the taxable gas use of each cluster at sites whose marginal m3 falls in each tier,
# from MIDDEN's installations (tools/dataset_nl/midden_gas_tiers.py on midden.json) [estimate]
GAS_TIER_SHARE = {
    "chemelot": {">10M": 1.0},
    "noord_nederland": {"1M-10M": 0.032, ">10M": 0.968},
    "noordzeekanaalgebied": {">10M": 1.0},
    "cluster6": {"1M-10M": 0.143, ">10M": 0.857},
    "rotterdam_moerdijk": {"1M-10M": 0.005, ">10M": 0.995},
    "zeeland_west_brabant": {"1M-10M": 0.001, ">10M": 0.999},
}
# Sectors whose fuel gas pays energy tax: the rest use it for metallurgical or mineralogical
# processes (steel, non-ferrous, glass, ceramics, cement/lime) or as feedstock (ammonia and
# hydrogen reformers), which Wbm art. 64 exempts or leaves untaxed
GAS_TAXED_SECTORS = (
    "refining",
    "petrochemicals",
    "other_chemicals",
    "food",
    "paper",
    "other_industry",
)
GAS_BOILER = 0.0341 / 0.0315  # PJ gas per PJ steam (MIDDEN TC0446) = 1.0825
FURNACE_ETA = 0.80  # estimate: useful heat per fuel of a fired furnace

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
    "cement_lime": ("Cement, lime, mineral wool and other non-metallic minerals", True),
    "non_ferrous": ("Non-ferrous metals (aluminium, zinc, anodes)", True),
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


# ------------------------------------------------------------------------ emissions target
def read_midden():
    out = defaultdict(float)
    with open(REF / "midden_cluster_sector_emissions_2020.csv") as f:
        for r in csv.DictReader(f):
            out[(r["sector"], MIDDEN_CLUSTER[r["cluster"]])] += float(r["tCO2e_2020"]) / 1e6
    return out


M = read_midden()
M_TOTAL = sum(M.values())
M_STEEL = sum(v for (s, c), v in M.items() if s == "steel")
M_VATT = sum(v for (s, c), v in M.items() if s.startswith("steel (Vattenfall"))
NEA_IND_2022 = 38.6
NEA_IND_2023 = NEA_IND_2022 - (9.36 - 6.7)  # derived
NEA_IND_2024 = NEA_IND_2023 + 1.2  # derived
TATA_2024 = 5.9
TATA_2020 = 5.712
SCALE = (NEA_IND_2024 - TATA_2024) / (M_TOTAL - M_STEEL - M_VATT)  # non-steel scaling 2020 -> 2024
VATT_2024 = M_VATT * TATA_2024 / TATA_2020

# Petrochemical sites inside MIDDEN "chemicals (other)" (reference notes 1c, largest sites)
PETRO_2020 = {"zeeland_west_brabant": 3.896, "chemelot": 2.444, "rotterdam_moerdijk": 2.295}

SECTOR_MAP = {
    "cement/lime/other minerals": "cement_lime",
    "ceramics/bricks": "ceramics",
    "chemicals (other)": "other_chemicals",
    "electricity/CHP (other)": "other_chemicals",  # steam-supplying CHPs in Botlek/Pernis
    "fertiliser/ammonia": "ammonia",
    "food & beverages": "food",
    "glass": "glass",
    "industrial gases (H2/SMR etc.)": "hydrogen",
    "non-ferrous metals": "non_ferrous",
    "other": "other_industry",
    "paper": "paper",
    "refining": "refining",
    "steel": "steel",
    "oil & gas extraction / mining": None,  # outside the model
}


def targets_2024():
    """Published base-year emissions per (sector, cluster), Mt CO2 (2024 level)."""
    t = defaultdict(float)
    for (ms, c), v in M.items():
        if v <= 0:
            continue
        if ms.startswith("steel (Vattenfall"):
            t[("steel", c)] += v * TATA_2024 / TATA_2020
            continue
        if ms == "steel":
            if c == "noordzeekanaalgebied":
                t[("steel", c)] += TATA_2024
            else:
                t[("other_industry", c)] += v * SCALE
            continue
        s = SECTOR_MAP[ms]
        if s is None:
            continue
        if ms == "chemicals (other)" and c in PETRO_2020:
            t[("petrochemicals", c)] += PETRO_2020[c] * SCALE
            t[("other_chemicals", c)] += (v - PETRO_2020[c]) * SCALE
        else:
            t[(s, c)] += v * SCALE
    return dict(t)


TARGET = targets_2024()

# ------------------------------------------------------------------------ services
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

# Share of a (sector, cluster)'s base-year emissions per service [estimate]
SPLIT = {
    "steel": {"crude_steel": 1.0},
    "refining": {"heat_high": 0.74, "heat_medium": 0.26},
    "ammonia": {"ammonia": 1.0},
    "petrochemicals": {"hvc": 0.80, "heat_medium": 0.20},
    "other_chemicals": {"heat_low": 0.10, "heat_medium": 0.60, "heat_high": 0.30},
    "food": {"heat_low": 0.35, "heat_medium": 0.65},
    "paper": {"heat_low": 0.15, "heat_medium": 0.85},
    "glass": {"heat_high": 1.0},
    "ceramics": {"heat_low": 0.20, "heat_high": 0.80},
    "cement_lime": {"heat_high": 1.0},
    "non_ferrous": {"heat_high": 1.0},
    "other_industry": {"heat_medium": 1.0},
    "hydrogen": {"hydrogen": 1.0},
}
SPLIT_METHOD = {
    "refining": "steam share from MIDDEN refining steam demand (HP 33.1 + MP 9.2 + VHP 1.6 PJ) x 1.0825 PJ gas/PJ steam x 56.4 t/TJ = 2.7 of 10.2 Mt (26 %); rest furnaces",
    "petrochemicals": "assumed 80 % cracker furnaces, 20 % site steam/CHP (ELSTA, Swentibold) - no split published",
    "other_chemicals": "MIDDEN chemicals steam by pressure (LP 14.3, MP 3.3, HP 52.6, VHP 22.9 PJ) -> steam dominant; assumed 10/60/30 low/medium/high",
    "food": "MIDDEN food steam LP 7.4 + MP 13.8 PJ (>100 °C); assumed 35 % of fuel for hot water/drying < 100 °C",
    "paper": "MIDDEN paper steam LP 5.1 + MP 7.2 PJ for drying; assumed 15 % < 100 °C",
    "ceramics": "assumed 20 % dryers < 100 °C, 80 % kilns",
}


# ------------------------------------------------------------------------ rows
class Table:
    def __init__(self, name):
        self.name = name
        self.rows = []

    def add(
        self,
        parameter,
        value,
        unit,
        source,
        figure_year=None,
        estimate=False,
        method="",
        low=None,
        high=None,
        note="",
        **dims,
    ):
        r = {
            "parameter": parameter,
            **dims,
            "value": value,
            "unit": unit,
            "source": source,
            "figure_year": figure_year if figure_year is not None else "",
            "estimate": "true" if estimate else "false",
            "method": method,
            "low": "" if low is None else low,
            "high": "" if high is None else high,
            "note": note,
        }
        self.rows.append(r)

    def write(self):
        dims = [
            d
            for d in ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
            if any(d in r for r in self.rows)
        ]
        cols = [
            "parameter",
            *dims,
            "value",
            "unit",
            "source",
            "figure_year",
            "estimate",
            "method",
            "low",
            "high",
            "note",
        ]
        with open(OUT / f"{self.name}.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for r in self.rows:
                w.writerow({k: _fmt(r.get(k, "")) for k in cols})
        return len(self.rows)


def _fmt(v):
    if isinstance(v, float):
        return f"{v:.6g}"
    return v


def write_set(name, cols, rows):
    with open(OUT / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
    return len(rows)


# ------------------------------------------------------------------------ routes
class Route:
    def __init__(
        self,
        label,
        sector,
        service,
        rclass,
        name,
        source,
        inputs,
        *,
        capex=None,
        fixed_om=None,
        variable_cost=None,
        lifetime=25,
        first_year=2025,
        availability=0.9,
        flh=8000,
        capture=0.0,
        process=0.0,
        embedded=None,
        potential=None,
        inputs_src=None,
        inputs_est=True,
        inputs_method="",
        note="",
    ):
        self.note = note
        self.label, self.sector, self.service, self.rclass, self.name = (
            label,
            sector,
            service,
            rclass,
            name,
        )
        self.source = source
        self.inputs = inputs  # carrier -> (value per output unit in GJ/t or PJ/PJ)
        self.capex = capex  # (value, unit, source, est, method, low, high)
        self.fixed_om = fixed_om
        self.variable_cost = variable_cost
        self.lifetime = lifetime  # (value, source, est) or int
        self.first_year = first_year
        self.availability = availability
        self.flh = flh
        self.capture = capture
        self.process = process
        self.embedded = embedded
        self.potential = potential or {}  # cluster or "" -> value
        self.inputs_src = inputs_src or source
        self.inputs_est = inputs_est
        self.inputs_method = inputs_method

    @property
    def unit(self):
        return SERVICES[(self.sector, self.service)][0]

    def gross_emissions(self):
        """Mt CO2 per output unit (Mt/Mt or Mt/PJ) before capture."""
        return sum(v * EF[c] / 1000.0 for c, v in self.inputs.items()) + self.process

    def net_emissions(self):
        return self.gross_emissions() * (1 - self.capture)


ROUTES: list[Route] = []

# capture (MIDDEN TC0478, post-combustion, gaseous transport)
CCS_CAPEX = 257.0  # EUR per t CO2/yr capacity
CCS_EL = 175 * 3.6 / 1000  # GJ electricity per t CO2 captured (0.63)
CCS_HEAT = 1028 * 3.6 / 1000  # GJ heat per t CO2 captured (3.70)
CCS_RATE = 0.9


def with_post_combustion(inputs, process=0.0):
    """Inputs of a route with post-combustion capture: capture heat from a gas boiler."""
    e0 = sum(v * EF[c] / 1000.0 for c, v in inputs.items()) + process  # t/GJ-out or t/t
    gas_per_t = CCS_HEAT * GAS_BOILER  # GJ gas per t captured
    k = gas_per_t * EF["natural_gas"] / 1000.0  # t CO2 per t captured
    gross = e0 / (1 - CCS_RATE * k)
    captured = CCS_RATE * gross
    new = dict(inputs)
    new["natural_gas"] = new.get("natural_gas", 0.0) + gas_per_t * captured
    new["electricity"] = new.get("electricity", 0.0) + CCS_EL * captured
    return new, captured


# Heat-pump COP per band: (COP, source, method)
HP_COP = {
    "heat_low": (
        3.5,
        S_MIDDEN_TC + " TC0471 (COP 3.5; PBL 2021 conceptadvies SDE++ grootschalige warmtepompen)",
        "",
    ),
    "heat_medium": (
        2.2,
        S_ARPAGAUS,
        "COP 2.2 for steam of 100-400 °C (the potential holds only the LP and MP steam classes, "
        "100-210 °C): Arpagaus et al. report COPs of 2.2-2.8 at a 70 K lift to a 120 °C sink and "
        "about 2.4 at a 95 K lift for market units with sinks of 90-160 °C; steam above 120 °C "
        "needs the larger lifts, so the low end. MIDDEN's COP 3.5 (TC0471-2) is kept below 100 °C",
    ),
}
MEUR_PER_PJYR_PER_EUR_PER_KW = 0.0316881  # 1 EUR/kW = 0.03169 MEUR/(PJ/yr)


# Flexible (hybrid) e-boilers on a non-firm grid contract, gas boiler kept as back-up: they
# run on electricity in the hours a time-bound transport right guarantees (at least 85 %)
HYBRID_ELECTRIC_SHARE = 0.85
HYBRID_AVAILABILITY = 0.9
HYBRID_FLH = round(8760 * HYBRID_ELECTRIC_SHARE * HYBRID_AVAILABILITY)  # 6,701 h on electricity
HYBRID_METHOD = (
    f"heat from electricity in the {HYBRID_ELECTRIC_SHARE:.0%} of the hours a time-bound transport right "
    "guarantees (TenneT TDTR), at the e-boiler's 99 % (MIDDEN TC0461-3); the rest from the gas boiler kept "
    "as back-up, at the reference route's inputs"
)


def hybrid_e_boiler(pre, sector, band, ref_inputs):
    """A flexible e-boiler beside the gas boiler it keeps, on a non-firm contract."""
    inputs = {k: (1 - HYBRID_ELECTRIC_SHARE) * v for k, v in ref_inputs.items()}
    inputs["electricity"] = inputs.get("electricity", 0.0) + HYBRID_ELECTRIC_SHARE / 0.99
    return Route(
        f"{pre}_hybrid_e_boiler",
        sector,
        band,
        "electrification",
        "Flexible (hybrid) e-boiler on a non-firm contract, gas boiler kept as back-up",
        S_MIDDEN_TC + " TC0461-3 (Lensink 2020 SDE++ eindadvies; DEA 2020); " + S_TDTR,
        inputs,
        capex=(
            115,
            "EUR/kW",
            S_MIDDEN_TC + " TC0461-3",
            True,
            "the e-boiler sized for the full heat load; the gas boiler it keeps as back-up is existing stock",
            80,
            250,
            2019,
        ),
        fixed_om=(2.3, "kEUR/MW/yr", S_MIDDEN_TC + " TC0461", False, "", 1.6, 5.0, 2019),
        lifetime=15,
        availability=HYBRID_AVAILABILITY,
        flh=HYBRID_FLH,
        inputs_src=S_MIDDEN_TC + " TC0461-3 and TC0446; " + S_TDTR,
        inputs_est=True,
        inputs_method=HYBRID_METHOD,
    )


def heat_routes(
    sector,
    band,
    ref_inputs,
    ref_name,
    ref_capex,
    hp_potential=None,
    ef_potential=None,
    lifetime_ref=25,
    flh_el=8000,
):
    """The generic set of heat routes of one (sector, band)."""
    pre = f"{sector}_{band}"
    out = []
    kind = "furnace" if band == "heat_high" else "boiler"
    ref_label = f"{pre}_{ref_name}"
    out.append(
        Route(
            ref_label,
            sector,
            band,
            "reference",
            f"{'Fired furnace' if kind == 'furnace' else 'Gas boiler/CHP steam'} ({', '.join(ref_inputs)})",
            S_MIDDEN_TC if kind == "boiler" else S_MIDDEN_FURNACES,
            ref_inputs,
            capex=ref_capex,
            fixed_om=("pct", 0.02),
            lifetime=lifetime_ref,
            inputs_src=(S_MIDDEN_TC + " TC0446: 0.0341 PJ gas per 0.0315 PJ steam (92.4 %)")
            if kind == "boiler"
            else S_MIDDEN_FURNACES,
            inputs_est=(kind == "furnace"),
            inputs_method=(
                ""
                if kind == "boiler"
                else f"useful heat / fuel = {FURNACE_ETA}, between MIDDEN's glass furnace (70 %, TC0001) and gas "
                "boiler (92.4 %, TC0446); the fuel mix is the sector's calibrated mix"
            ),
        )
    )
    if band in ("heat_low", "heat_medium"):
        out.append(
            Route(
                f"{pre}_e_boiler",
                sector,
                band,
                "electrification",
                "Electric (electrode) boiler",
                S_MIDDEN_TC + " TC0461-3 (Lensink 2020 SDE++ eindadvies; DEA 2020)",
                {"electricity": 1 / 0.99},
                capex=(115, "EUR/kW", S_MIDDEN_TC + " TC0461-3", False, "", 80, 250, 2019),
                fixed_om=(2.3, "kEUR/MW/yr", S_MIDDEN_TC + " TC0461", False, "", 1.6, 5.0, 2019),
                lifetime=15,
                flh=flh_el,
                inputs_est=False,
            )
        )
        out.append(hybrid_e_boiler(pre, sector, band, ref_inputs))
        out.append(
            Route(
                f"{pre}_heat_pump",
                sector,
                band,
                "electrification",
                "Industrial heat pump (closed cycle / MVR)",
                S_MIDDEN_TC + " TC0471-2 (PBL 2021 conceptadvies SDE++ grootschalige warmtepompen)",
                {"electricity": 1 / HP_COP[band][0]},
                capex=(976, "EUR/kW", S_MIDDEN_TC + " TC0471-2", False, "", 488, 1950, 2020),
                fixed_om=(20, "kEUR/MW/yr", S_MIDDEN_TC + " TC0471-2", False, "", None, None, 2020),
                lifetime=12,
                flh=flh_el,
                potential={"": hp_potential},
                inputs_src=HP_COP[band][1],
                inputs_est=band != "heat_low",
                inputs_method=HP_COP[band][2],
            )
        )
        out.append(
            Route(
                f"{pre}_biomethane_boiler",
                sector,
                band,
                "biogas",
                "Boiler fired with biomethane",
                S_MIDDEN_TC + " TC0446 (green-gas boiler = natural-gas boiler, no extra capex)",
                {"biomethane": GAS_BOILER},
                capex=(
                    0.0,
                    "EUR/kW",
                    S_MIDDEN_TC + " TC0446: no extra capex over the gas boiler it replaces",
                    False,
                    "",
                    None,
                    None,
                    2020,
                ),
                fixed_om=("pct_of", 100.0),
                lifetime=25,
                inputs_est=False,
            )
        )
        out.append(
            Route(
                f"{pre}_h2_boiler",
                sector,
                band,
                "hydrogen",
                "Hydrogen-fired boiler (retrofit)",
                S_MIDDEN_TC + " TC0474-6 (Navigant 2019)",
                {"hydrogen": 1 / 0.90},
                capex=(140, "EUR/kW", S_MIDDEN_TC + " TC0474-6", False, "", 120, 160, 2019),
                fixed_om=(
                    17.5,
                    "kEUR/MW/yr",
                    S_MIDDEN_TC + " TC0474-6",
                    False,
                    "",
                    None,
                    None,
                    2019,
                ),
                lifetime=25,
                inputs_est=False,
            )
        )
    else:
        out.append(
            Route(
                f"{pre}_electric_furnace",
                sector,
                band,
                "electrification",
                "Electric furnace/kiln (resistance, induction or electric melting)",
                S_MIDDEN_EFURNACE,
                {"electricity": 0.035 / 0.0315},
                capex=(
                    600,
                    "EUR/kW",
                    S_MIDDEN_TC
                    + " TC0264 note: Navigant (2019) 0.6-4.5 MEUR/MWth for electric cracking furnaces",
                    True,
                    "lower end of the Navigant (2019) range for electric furnaces (0.6-4.5 MEUR/MWth) as cited in MIDDEN TC0264; no NL figure for other electric furnaces",
                    300,
                    4500,
                    2019,
                ),
                fixed_om=("pct", 0.02),
                lifetime=20,
                first_year=2027,
                flh=flh_el,
                potential={"": ef_potential},
                inputs_src=S_MIDDEN_EFURNACE,
                inputs_est=False,
            )
        )
        out.append(
            Route(
                f"{pre}_h2_furnace",
                sector,
                band,
                "hydrogen",
                "Hydrogen-fired furnace (burner retrofit)",
                S_MIDDEN_TC
                + " TC0474-6 (H2 boiler capex used as burner-retrofit proxy); ETM H2 burner EUR 60/kW as low",
                {"hydrogen": 1 / FURNACE_ETA},
                capex=(
                    140,
                    "EUR/kW",
                    S_MIDDEN_TC
                    + " TC0474-6 (proxy); low: "
                    + S_ETM_NODE
                    + " H2 burner 100 MW EUR 6M; high: market consultation 500",
                    True,
                    "MIDDEN H2-boiler retrofit cost applied to furnace burners",
                    60,
                    500,
                    2019,
                ),
                fixed_om=(
                    17.5,
                    "kEUR/MW/yr",
                    S_MIDDEN_TC + " TC0474-6 (proxy)",
                    True,
                    "H2-boiler O&M applied to furnaces",
                    None,
                    None,
                    2019,
                ),
                lifetime=25,
                first_year=2027,
                inputs_method=f"same thermal efficiency ({FURNACE_ETA}) as the fired furnace it replaces",
            )
        )
        out.append(
            Route(
                f"{pre}_biomethane_furnace",
                sector,
                band,
                "biogas",
                "Furnace fired with biomethane",
                S_MIDDEN_TC + " TC0446 (green gas = natural gas, no extra capex)",
                {"biomethane": 1 / FURNACE_ETA},
                capex=(
                    0.0,
                    "EUR/kW",
                    S_MIDDEN_TC + " TC0446 analogy: no extra capex for burning green gas",
                    True,
                    "green gas burns in the existing gas equipment",
                    None,
                    None,
                    2020,
                ),
                fixed_om=("pct_of", 100.0),
                lifetime=25,
                inputs_method=f"same thermal efficiency ({FURNACE_ETA}) as the fired furnace",
            )
        )
    if band in ("heat_medium", "heat_high"):
        ccs_in, captured = with_post_combustion(ref_inputs)
        out.append(
            Route(
                f"{ref_label}_ccs",
                sector,
                band,
                "ccs",
                f"{'Furnace' if kind == 'furnace' else 'Gas boiler/CHP'} with post-combustion CO2 capture",
                S_MIDDEN_TC + " TC0478 (Lensink & Schoots 2021 SDE++ eindadvies; DEA 2020)",
                ccs_in,
                capex=("ccs", (0.0, ref_capex[1]), captured),
                fixed_om=("pct", 0.02),
                lifetime=25,
                first_year=2031,
                capture=CCS_RATE,
                potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
                inputs_src=S_MIDDEN_TC
                + " TC0478: 175 kWh_e + 1028 kWh_heat per t CO2 captured, 90 % capture",
                inputs_method="reference inputs plus capture energy; capture heat from a gas boiler (1.0825 PJ/PJ) whose CO2 is captured too",
            )
        )
    return out


GAS_BOILER_CAPEX = (
    100,
    "EUR/kW",
    S_MIDDEN_BOILERS + "; " + S_CEPCI,
    True,
    "mean of MIDDEN's natural-gas boilers (60, 75, 79 EUR2017/kW = 71.3) x CEPCI 2023/2017 (797.9/567.5) = 100 "
    "EUR2023/kW; range: the lowest and highest of them, escalated (84-111), widened",
    60,
    150,
    2023,
)
FURNACE_CAPEX = (
    200,
    "EUR/kW",
    S_MIDDEN_FURNACES,
    True,
    "assumption: re-building (relining, burners) a fired furnace on its existing site. The new-build figures "
    "in MIDDEN are far higher: TC0046 EDC cracking furnace EUR2017 1,200/kW, TC0001 glass furnace about "
    "EUR2017 1,200/kW of fuel input (0.15M per kt/yr at 3,950 GJ/kt); not adopted, flagged for review",
    100,
    400,
    2020,
)

HEAT = {
    # sector: {band: (ref inputs, ref name, capex, hp potential, e-furnace potential)}
    "refining": {
        "heat_high": ({"oil": 1.15, "natural_gas": 0.10}, "fuel_furnace", FURNACE_CAPEX, None, 0.2),
        "heat_medium": (
            {"oil": 0.75 * GAS_BOILER, "natural_gas": 0.25 * GAS_BOILER},
            "fuel_boiler",
            GAS_BOILER_CAPEX,
            0.2,
            None,
        ),
    },
    "petrochemicals": {
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.2, None),
    },
    "other_chemicals": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.2, None),
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.3),
    },
    "food": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.5, None),
    },
    "paper": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.5, None),
    },
    "glass": {
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5)
    },
    "ceramics": {
        "heat_low": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.8, None),
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5),
    },
    "cement_lime": {
        "heat_high": (
            {"coal": 0.5 / FURNACE_ETA, "natural_gas": 0.5 / FURNACE_ETA},
            "fuel_furnace",
            FURNACE_CAPEX,
            None,
            0.3,
        )
    },
    "non_ferrous": {
        "heat_high": ({"natural_gas": 1 / FURNACE_ETA}, "gas_furnace", FURNACE_CAPEX, None, 0.5)
    },
    "other_industry": {
        "heat_medium": ({"natural_gas": GAS_BOILER}, "gas_boiler", GAS_BOILER_CAPEX, 0.3, None)
    },
}
HP_METHOD = {
    "heat_low": "assumption: 80 % of the band reachable by heat pumps with a waste-heat source (below 100 °C the "
    "lift is small: Arpagaus et al. 2018 list market units up to 90-160 °C); 20 % kept for sites without one",
    "heat_medium": "MIDDEN heat pumps (TC0471-2) serve LP/MP steam only; potential = share of LP+MP steam in the sector's MIDDEN steam demand (chemicals 19 %, refining 21 %, food/paper about 100 % but capped at 50 % for temperature lift)",
}
for sector, bands in HEAT.items():
    for band, (ref_in, ref_name, capex, hp, ef) in bands.items():
        ROUTES.extend(
            heat_routes(
                sector,
                band,
                ref_in,
                ref_name,
                capex,
                hp_potential=hp,
                ef_potential=ef,
                lifetime_ref=30 if band == "heat_high" else 25,
            )
        )

# ---- steel (Tata Steel IJmuiden incl. process gases burnt in the Velsen/IJmond power plants)
STEEL_PROD = 7.0  # Mt/yr
ST_GAS = 7.6 / STEEL_PROD  # GJ/t : ETM 2023 iron&steel 7.1 + BF own use 0.5 PJ
ST_EL = 7.6 / STEEL_PROD  # GJ/t : ETM 2023 6.9 + 0.4 + 0.3 PJ
ST_TARGET = TARGET[("steel", "noordzeekanaalgebied")]
ST_COAL = (ST_TARGET / STEEL_PROD - ST_GAS * EF["natural_gas"] / 1000) / (EF["coal"] / 1000)
BF_BOF_IN = {"coal": ST_COAL, "natural_gas": ST_GAS, "electricity": ST_EL}
ROUTES.append(
    Route(
        "steel_bf_bof",
        "steel",
        "crude_steel",
        "reference",
        "Blast furnace + basic oxygen furnace (coke ovens, sinter, pellets; process gases burnt in power plants)",
        S_ETM + "; " + S_NEA24,
        BF_BOF_IN,
        capex=(
            500,
            "EUR/(t/yr)",
            S_MIDDEN_TC
            + " TC0030 (TGR blast furnace + CCS, EUR2017 758M per Mt/yr); "
            + S_POSTED_EAF,
            True,
            "assumption: reline/rebuild of blast-furnace capacity, below MIDDEN's new TGR blast furnace with capture "
            "(758/t) and above a new EAF (321/t, Jacobasch 2021 escalated); MIDDEN gives no capex for the existing "
            "blast furnace (TC0023)",
            300,
            800,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=20,
        availability=0.9,
        flh=8000,
        inputs_est=True,
        inputs_method=(
            f"gas and electricity: ETM 2023 iron&steel + blast-furnace/coke-oven own use (7.6 PJ each) / {STEEL_PROD} Mt; "
            f"coal: solved so that {STEEL_PROD} Mt x intensity = Tata 2024 (5.9 Mt) + Vattenfall plants on Tata gases (scaled, {VATT_2024:.2f} Mt); "
            f"check: {ST_COAL * STEEL_PROD:.0f} PJ coal vs ETM 2023 99.2 PJ (BF reline year)"
        ),
    )
)
ccs_in, cap = with_post_combustion(BF_BOF_IN)
ROUTES.append(
    Route(
        "steel_bf_bof_ccs",
        "steel",
        "crude_steel",
        "ccs",
        "Top-gas-recycling blast furnace with CO2 capture (HIsarna/TGR-type)",
        S_MIDDEN_TC + " TC0030 (TGR-BF + CCS: EUR 758M per Mt pig iron/yr, 0.786 t CO2 captured/t)",
        dict(BF_BOF_IN, electricity=ST_EL + CCS_EL * 0.786),
        capex=(
            758,
            "EUR/(t/yr)",
            S_MIDDEN_TC + " TC0030",
            True,
            "per t pig iron applied per t crude steel",
            None,
            None,
            2017,
        ),
        fixed_om=(
            22.7,
            "EUR/(t/yr)/yr",
            S_MIDDEN_TC + " TC0030 (EUR 22.7M/yr per Mt)",
            True,
            "per t pig iron applied per t crude steel",
            None,
            None,
            2017,
        ),
        lifetime=20,
        first_year=2030,
        capture=round(0.786 / (ST_TARGET / STEEL_PROD), 3),
        potential={"cluster6": 0.0},
        inputs_method="BF-BOF inputs plus capture electricity (175 kWh/t CO2, MIDDEN TC0478) for 0.786 t captured; capture_rate = 0.786 / gross intensity",
    )
)
# Hydrogen for reduction and heating in an H2 shaft furnace, kg H2 per t DRI, from the studies
# in POSTED that count both (S_DRI_H2); Nm3 at 0.0899 kg/Nm3
H2_NM3 = 0.0899
DRI_H2_STUDIES = {
    "Holling 2017": 635 * H2_NM3,
    "Otto 2017": 58.17 / 1.03,
    "Rechberger 2020": (504.5 + 242) * H2_NM3,
    "Sasiain 2020": (503.5 + 242) * H2_NM3,
    "Jacobasch 2021": 115742.31 / 1744694.39 * 1000,
}
DRI_PER_STEEL = 0.98  # t DRI per t crude steel (MIDDEN TC0037)
H2_DRI_KG = sum(DRI_H2_STUDIES.values()) / len(DRI_H2_STUDIES) * DRI_PER_STEEL  # kg H2/t steel
H2_DRI = H2_DRI_KG / 1000 * LHV_H2  # GJ H2 / t steel
CEPCI_2010, CEPCI_2020 = 550.8, 596.2
EAF_CAPEX = 479.89 / 2 * 797.9 / CEPCI_2020  # EUR2023 per t/yr (Jacobasch 2021)
EAF_CAPEX_LOW = 184 * 797.9 / CEPCI_2010  # Woertler 2013
EAF_CAPEX_HIGH = 331.2 * 797.9 / CEPCI_2010  # Agora Energiewende 2022
EAF_METHOD = (
    f"EAF for a DRI/scrap charge: Jacobasch et al. 2021 EUR2020 479.89M / 2 Mt/yr = 240 x CEPCI 2023/2020 "
    f"(797.9/{CEPCI_2020}) = {EAF_CAPEX:.0f} EUR2023/(t/yr); range Woertler 2013 (184 EUR2010, {EAF_CAPEX_LOW:.0f}) "
    f"to Agora 2022 with integration (331 EUR2010, {EAF_CAPEX_HIGH:.0f}); CEPCI 2010 {CEPCI_2010}, 2020 {CEPCI_2020}"
)
H2_DRI_METHOD = (
    "hydrogen for reduction and for heating the shaft-furnace gas (no separate heater in the "
    "route): mean of the studies that count both, kg H2 per t DRI: "
    + ", ".join(f"{k} {v:.1f}" for k, v in DRI_H2_STUDIES.items())
    + f" = {sum(DRI_H2_STUDIES.values()) / len(DRI_H2_STUDIES):.1f} x {DRI_PER_STEEL} t DRI/t steel "
    f"= {H2_DRI_KG:.1f} kg/t steel x 120 GJ/t = {H2_DRI:.2f} GJ/t (range "
    f"{min(DRI_H2_STUDIES.values()) * DRI_PER_STEEL:.0f}-{max(DRI_H2_STUDIES.values()) * DRI_PER_STEEL:.0f} kg/t). "
    "MIDDEN TC0039's 44.2 kt H2/Mt DRI (43 kg/t steel) lies below the stoichiometric need of "
    "about 50 kg/t; EAF electricity, gas and coal from MIDDEN TC0037"
)
ROUTES.append(
    Route(
        "steel_h2_dri_eaf",
        "steel",
        "crude_steel",
        "hydrogen",
        "Hydrogen direct reduction (shaft furnace) + electric arc furnace",
        S_MIDDEN_TC
        + " TC0039 (H-DR reactor: EUR 905M per Mt DRI/yr) and TC0037 (EAF: 2.07 PJ elec, 0.78 PJ gas, 0.76 PJ coal per Mt steel; 0.98 t DRI/t)",
        {"hydrogen": H2_DRI, "electricity": 2.07, "natural_gas": 0.78, "coal": 0.76},
        capex=(
            round(905 * 0.98 + EAF_CAPEX),
            "EUR/(t/yr)",
            S_MIDDEN_TC
            + " TC0039 (DRI 905 EUR/t DRI x 0.98) + EAF: "
            + S_POSTED_EAF
            + "; "
            + S_CEPCI,
            True,
            f"DRI from MIDDEN TC0039 (range 673-1140, EUR2017) x 0.98 t DRI/t + EAF {EAF_CAPEX:.0f} EUR/(t/yr) "
            f"({EAF_METHOD})",
            round(673 * 0.98 + EAF_CAPEX_LOW),
            round(1140 * 0.98 + EAF_CAPEX_HIGH),
            2017,
        ),
        fixed_om=("pct", 0.03),
        lifetime=20,
        first_year=2031,
        flh=7000,
        inputs_src=S_DRI_H2 + "; " + S_MIDDEN_TC + " TC0037 (EAF)",
        inputs_est=True,
        inputs_method=H2_DRI_METHOD,
    )
)
ROUTES.append(
    Route(
        "steel_scrap_eaf",
        "steel",
        "crude_steel",
        "electrification",
        "Scrap-based electric arc furnace",
        S_MIDDEN_TC + " TC0037 (EAF energy use, used for a scrap charge)",
        {"electricity": 2.07, "natural_gas": 0.78, "coal": 0.76},
        capex=(
            round(EAF_CAPEX),
            "EUR/(t/yr)",
            S_POSTED_EAF + "; " + S_CEPCI,
            True,
            EAF_METHOD,
            round(EAF_CAPEX_LOW),
            round(EAF_CAPEX_HIGH),
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2031,
        flh=7000,
        potential={"": 0.13},
        inputs_est=True,
        inputs_method="MIDDEN DRI-EAF energy use applied to a scrap charge (upper bound)",
    )
)
ROUTES.append(
    Route(
        "steel_import",
        "steel",
        "crude_steel",
        "import",
        "Import of crude steel/slab",
        S_SLAB + "; " + S_WS,
        {},
        variable_cost=(
            480,
            "EUR/t",
            S_SLAB + "; " + S_ECB_FX_2024,
            True,
            "EU slab import offers USD 500-540/t CIF (April 2025), midpoint USD 520 / 1.0824 USD per EUR = EUR 480/t; "
            "low: Japanese slab USD 470 FOB (EUR 434); high: the 2022 price spike, widened",
            434,
            700,
            2025,
        ),
        embedded=(1.9, "t/t", S_WS, False, "", 1.8, 2.5),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)

# ---- ammonia
NH3_H2 = 3 * 1.008 / 17.031  # t H2 / t NH3 (stoichiometric)
# GJ electricity per t NH3 for ASU and loop, mean of three studies in POSTED (S_POSTED_NH3)
NH3_H2_ELEC = round(3.6 * (0.64 + (0.40 + 0.108 / 1.19) + (0.44 + 0.061 / 1.19)) / 3, 2)
NH3_GAS = 182 / 1000 * NH3_H2 * 1000  # GJ gas/t NH3 from MIDDEN SMR (182 TJ/kt H2)
ROUTES.append(
    Route(
        "ammonia_smr",
        "ammonia",
        "ammonia",
        "reference",
        "Natural-gas steam reforming + Haber-Bosch (grey ammonia)",
        S_MIDDEN_TC + " TC0352 (SMR 182 TJ gas per kt H2, fuel + feed)",
        {"natural_gas": NH3_GAS, "electricity": 0.5},
        capex=(
            942,
            "EUR/(t/yr)",
            S_POSTED_NH3 + "; " + S_CEPCI,
            True,
            "new reformer-based ammonia plant: Bazzanella & Ausfelder 2017 EUR 670 per t NH3/yr (EUR2017) x CEPCI "
            "2023/2017 (797.9/567.5) = EUR2023 942",
            700,
            1500,
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        inputs_method=f"MIDDEN SMR gas use (182 GJ/t H2) x stoichiometric H2 need {NH3_H2:.4f} t/t NH3 = {NH3_GAS:.1f} GJ/t; electricity 0.5 GJ/t assumed (MIDDEN fertiliser: 1.5 PJ elec vs 93.5 PJ gas)",
    )
)
nh3_gross = NH3_GAS * EF["natural_gas"] / 1000
nh3_cap = 0.65
ROUTES.append(
    Route(
        "ammonia_smr_ccs",
        "ammonia",
        "ammonia",
        "blue_hydrogen",
        "Grey ammonia with capture of the process CO2 stream (pre-combustion, blue ammonia)",
        S_MIDDEN_TC
        + " TC0354 (pre-combustion capture on SMR: EUR 193 per t CO2/yr; 175 kWh_e + 313 kWh_heat per t)",
        {
            "natural_gas": NH3_GAS + nh3_cap * nh3_gross * (313 * 3.6 / 1000) * GAS_BOILER,
            "electricity": 0.5 + nh3_cap * nh3_gross * CCS_EL,
        },
        capex=("ccs193", (0.0, "EUR/(t/yr)"), nh3_cap * nh3_gross),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2026,
        capture=nh3_cap,
        potential={"cluster6": 0.0, "chemelot": 0.5},
        inputs_method="reference inputs plus capture energy (MIDDEN TC0354) for the captured process CO2; capture_rate 0.65 = share of feed carbon (about 22 of 32 GJ gas/t) in total CO2 [estimate]",
    )
)
ROUTES.append(
    Route(
        "ammonia_h2",
        "ammonia",
        "ammonia",
        "hydrogen",
        "Ammonia synthesis from pool hydrogen (air separation + Haber-Bosch loop)",
        S_POSTED_NH3,
        {"hydrogen": NH3_H2 * LHV_H2, "electricity": NH3_H2_ELEC},
        capex=(
            300,
            "EUR/(t/yr)",
            S_POSTED_NH3,
            True,
            "assumption: air separation unit + adaptation of the existing loop when the reformer is replaced by "
            "external hydrogen, below a new Haber-Bosch loop with ASU (Arnaiz del Pozo 2022 EUR 643/kW and "
            "Ikaheimo 2018 EUR 870/kW of NH3 at 18.6 GJ/t = EUR 379-513 per t/yr), since the loop is reused",
            150,
            600,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2030,
        inputs_method=f"stoichiometric hydrogen ({NH3_H2 * LHV_H2:.1f} GJ H2/t NH3); electricity for ASU and "
        f"compression: mean of Ikaheimo 2018 (0.64 MWh/t), Morgan 2014 (0.40 + 0.108 / 1.19) and Grinberg Dana 2016 "
        f"(0.44 + 0.061 / 1.19 MWh/t) x 3.6 = {NH3_H2_ELEC:.2f} GJ/t",
    )
)
ROUTES.append(
    Route(
        "ammonia_import",
        "ammonia",
        "ammonia",
        "import",
        "Import of ammonia",
        S_NH3_PRICE + "; " + S_IEA_NH3,
        {},
        variable_cost=(
            471,
            "EUR/t",
            S_NH3_PRICE + "; " + S_ECB_FX_2024,
            True,
            "Northwest Europe CFR 2024: mean of USD 465 (June-July) and USD 555 (September) = USD 510 / 1.0824 USD per "
            "EUR = EUR 471/t; range from the 2023-2024 lows to the gas-price peak, widened",
            350,
            800,
            2024,
        ),
        embedded=(2.4, "t/t", S_IEA_NH3, False, "", None, None),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)

# ---- HVC
HVC_IN = {"oil": 12.0, "natural_gas": 2.0, "electricity": 0.59}
ROUTES.append(
    Route(
        "petrochemicals_cracker",
        "petrochemicals",
        "hvc",
        "reference",
        "Naphtha/gas-oil steam cracker (furnaces fired with cracker fuel gas)",
        S_MIDDEN_TC + " TC0264 (existing cracker electricity 0.59 TJ/kt HVC); " + S_ETM,
        HVC_IN,
        capex=(
            1500,
            "EUR/(t/yr)",
            S_POSTED_CRACKER + "; " + S_CEPCI,
            True,
            "assumption: new-build cracker per t HVC incl. its share of site utilities. Spallina et al. 2017 give "
            "EUR2017 967 per t ethylene/yr = 494 per t HVC/yr (ethylene + propylene + BTX = 1.96 t per t ethylene) "
            "= EUR2023 695 x CEPCI; not adopted, flagged for review",
            1000,
            2000,
            2020,
        ),
        fixed_om=("pct", 0.03),
        lifetime=30,
        inputs_method="fuel 14 GJ/t HVC assumed (cracker off-gas counted as oil 12 + natural gas 2), so that HVC output x fuel is of the order of the ETM 2023 chemical-sector oil-products use (104 PJ); naphtha feedstock is not an input (its carbon stays in the products)",
    )
)
cin, ccap = with_post_combustion(HVC_IN)
ROUTES.append(
    Route(
        "petrochemicals_cracker_ccs",
        "petrochemicals",
        "hvc",
        "ccs",
        "Steam cracker with post-combustion capture on furnace flue gas",
        S_MIDDEN_TC + " TC0478",
        cin,
        capex=("ccs", (0.0, "EUR/(t/yr)"), ccap),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2031,
        capture=CCS_RATE,
        potential={"cluster6": 0.0, "chemelot": 0.5},
        inputs_src=S_MIDDEN_TC + " TC0478: 175 kWh_e + 1028 kWh_heat per t CO2, 90 %",
        inputs_method="reference inputs plus capture energy; capture heat from a gas boiler",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_e_cracker",
        "petrochemicals",
        "hvc",
        "electrification",
        "Electrically heated steam cracker",
        S_MIDDEN_TC + " TC0264 (Navigant 2019; VNPI/DNV GL 2018)",
        {"electricity": 8.08},
        capex=(680, "EUR/(t/yr)", S_MIDDEN_TC + " TC0264", False, "", 140, 1210, 2019),
        fixed_om=("pct", 0.0125),
        lifetime=18,
        first_year=2040,
        inputs_est=False,
        note="TRL 3; MIDDEN gives 2040 as first year, so the route cannot be built within 2025-2035",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_h2_cracker",
        "petrochemicals",
        "hvc",
        "hydrogen",
        "Steam cracker with hydrogen-fired furnaces",
        S_MIDDEN_TC + " TC0263 (VNPI 2018)",
        {"hydrogen": 8.28, "electricity": 0.59},
        capex=(435, "EUR/(t/yr)", S_MIDDEN_TC + " TC0263", False, "", 220, 650, 2018),
        fixed_om=("pct", 0.01),
        lifetime=30,
        first_year=2032,
        inputs_est=False,
        note="TRL 5: first_year 2032 [estimate]; methane-rich off-gas no longer burnt is not credited",
    )
)
ROUTES.append(
    Route(
        "petrochemicals_import",
        "petrochemicals",
        "hvc",
        "import",
        "Import of high-value chemicals",
        S_ICIS_OLEFINS,
        {},
        variable_cost=(
            900,
            "EUR/t",
            S_ICIS_OLEFINS,
            True,
            "assumption: an HVC basket price within the ICIS NWE contract prices of ethylene (775-1,150) and "
            "propylene (840-1,032 EUR/t) of 2018-2020; no 2024 series retrieved",
            700,
            1200,
            2024,
        ),
        embedded=(
            0.0,
            "t/t",
            "Regulation (EU) 2023/956 Annex I (organic chemicals are not CBAM goods)",
            False,
            "",
            None,
            None,
        ),
        capex=(0.0, "EUR/(t/yr)", S_DEFINITION, False, "", None, None, 2024),
        lifetime=30,
        availability=1.0,
    )
)

# ---- refinery hydrogen use
ROUTES.append(
    Route(
        "refining_hydrotreating_h2",
        "refining",
        "hydrotreating",
        "reference",
        "Hydrotreating/hydrocracking with hydrogen from the pool",
        S_DEFINITION,
        {"hydrogen": 1.0},
        capex=(
            0.0,
            "EUR/kW",
            S_DEFINITION,
            True,
            "existing units; hydrogen cost is carried by the hydrogen routes",
            None,
            None,
            2024,
        ),
        lifetime=40,
        availability=1.0,
        inputs_est=False,
        inputs_src="definition (1 PJ H2 per PJ H2)",
    )
)

# ---- hydrogen
SMR_GAS = 182 / LHV_H2  # PJ gas per PJ H2
ROUTES.append(
    Route(
        "hydrogen_smr",
        "hydrogen",
        "hydrogen",
        "reference",
        "Steam methane reforming (grey hydrogen)",
        S_MIDDEN_TC + " TC0352 (IEAGHG 2017: 182 TJ gas per kt H2, 9.0 t CO2/t H2)",
        {"natural_gas": SMR_GAS},
        capex=(
            741,
            "EUR/kW",
            S_ETM_NODE + " SMR+CCS node: EUR 222M for 402 MW gas input at 74.5 % (SMR part only)",
            True,
            "222 MEUR / (402 MW x 0.745) per kW H2",
            None,
            None,
            2023,
        ),
        fixed_om=("pct", 0.03),
        lifetime=25,
        inputs_est=False,
        note="input-based CO2 is 10.3 t/t H2 vs 9.0 in MIDDEN (steam export credit not modelled)",
    )
)
smr_cap = 0.669
smr_gross = SMR_GAS * EF["natural_gas"] / 1000
ROUTES.append(
    Route(
        "hydrogen_smr_ccs",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "SMR with pre-combustion capture (Porthos-type retrofit)",
        S_MIDDEN_TC
        + " TC0354 (EUR 193 per t CO2/yr; 175 kWh_e + 313 kWh_heat per t); capture share: "
        + S_ETM_NODE
        + " (SMR+CCS 66.9 %)",
        {
            "natural_gas": SMR_GAS + smr_cap * smr_gross * (313 * 3.6 / 1000) * GAS_BOILER,
            "electricity": smr_cap * smr_gross * CCS_EL,
        },
        capex=("ccs193", (0.0, "EUR/kW"), smr_cap * smr_gross),
        fixed_om=("pct", 0.03),
        lifetime=25,
        first_year=2026,
        capture=smr_cap,
        potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
        inputs_method="SMR inputs plus capture energy of MIDDEN TC0354",
    )
)
# Chemical Engineering Plant Cost Index, annual averages (S_CEPCI)
CEPCI = {2017: 567.5, 2018: 603.1, 2019: 607.5, 2023: 797.9}
# ATR + CCS capex, EUR2023 per kW H2 (LHV): NETL 2022 case 3, converted and escalated
KW_PER_KG_H2_DAY = LHV_H2 * 1000 / 86400  # 1 kg H2/day = 1.3889 kW (LHV)
ATR_CCS_CAPEX = 1467 / KW_PER_KG_H2_DAY / 1.181 * CEPCI[2023] / CEPCI[2018]
ROUTES.append(
    Route(
        "hydrogen_atr_ccs",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "Autothermal reforming with CO2 capture (H-Vision type)",
        S_MIDDEN_TC
        + " TC0425 (H-Vision 2019 p.51: 3.13 GW gas -> 2.4 GW H2, 53 MWe/GW H2, O&M 2.5 %/yr); capex "
        + S_NETL_H2,
        {"natural_gas": 3.13 / 2.4, "electricity": 0.053},
        capex=(
            round(ATR_CCS_CAPEX),
            "MEUR/GW",
            f"{S_NETL_H2}; {S_ECB_FX}; {S_CEPCI}; low: {S_MIDDEN_TC} TC0425 (H-Vision 2019, EUR 380M/GW H2)",
            True,
            f"NETL ATR + CCS (94.5 % capture) total as-spent cost USD2018 1,467 per kg H2/day / 1.3889 kW "
            f"(LHV) per kg/day = USD2018 1,056/kW / 1.181 USD per EUR = EUR2018 894/kW x CEPCI 2023/2018 "
            f"(797.9/603.1) = EUR2023 {ATR_CCS_CAPEX:.0f}/kW; low: the H-Vision pre-FEED figure "
            f"MIDDEN uses (EUR2019 380/kW) x CEPCI 2023/2019 (797.9/607.5) = {380 * CEPCI[2023] / CEPCI[2019]:.0f}; "
            "high: NETL's +25 % estimate accuracy. H-Vision's unescalated 2019 figure gave blue "
            "hydrogen at about EUR 2.2/kg",
            round(380 * CEPCI[2023] / CEPCI[2019]),
            round(ATR_CCS_CAPEX * 1.25),
            2023,
        ),
        fixed_om=("pct", 0.025),
        lifetime=25,
        first_year=2031,
        capture=0.96,
        potential={"cluster6": 0.0, "chemelot": 0.5, "noord_nederland": 0.5},
        inputs_est=False,
        note="capture 0.96 (ETM ATR+CCS); MIDDEN gives 498 of 504 t/h (0.99); first_year 2031 [estimate, see method]",
    )
)
EL_CAPEX_2025 = 2063 / 0.62
ROUTES.append(
    Route(
        "hydrogen_electrolysis",
        "hydrogen",
        "hydrogen",
        "hydrogen",
        "Grid-connected water electrolysis (alkaline)",
        S_MIDDEN_TC
        + " TC0361 (AEL 53.6 kWh/kg, 62 % LHV; O&M EUR 0.14M/MW_H2/yr; 30 yr); capex "
        + S_TNO_EL,
        {"electricity": 53.6 * 3.6 / LHV_H2},
        capex=(
            "years",
            {
                2025: (
                    round(EL_CAPEX_2025),
                    "EUR/kW",
                    S_TNO_EL + " (200 MW: EUR 2,063/kWe / 0.62)",
                    True,
                    "per kW H2 output = per kWe / 0.62",
                    1000,
                    round(3050 / 0.62),
                    2024,
                ),
                2030: (
                    2300,
                    "EUR/kW",
                    S_MIDDEN_TC + " TC0361 range 1.0-3.6 MEUR/MW_H2",
                    True,
                    "midpoint of MIDDEN range used for 2030 onward",
                    1000,
                    3600,
                    2020,
                ),
            },
        ),
        fixed_om=(0.14, "MEUR/MW/yr", S_MIDDEN_TC + " TC0361", False, "", None, None, 2020),
        lifetime=30,
        first_year=2025,
        availability=0.57,
        flh=5000,
        inputs_est=False,
        note="availability 0.57 = 5000 h/yr assumed (grid-connected, avoiding peak prices; Hydrogen Europe 2022 uses 4000 h)",
    )
)
ROUTES.append(
    Route(
        "hydrogen_import",
        "hydrogen",
        "hydrogen",
        "import",
        "Import of low-carbon hydrogen by pipeline",
        f"{S_ETM_CAR}; {S_OWE}; {S_FRIEDEN}",
        {},
        variable_cost=(
            "years",
            {
                2025: (
                    180,
                    "EUR/MWh",
                    f"{S_ETM_CAR}; {S_OWE}",
                    True,
                    "EUR 6/kg (120 MJ/kg) assumed for 2025-2030 imports; range ETM 2023 carrier EUR 3.58/kg to OWE cap EUR 9/kg",
                    107,
                    270,
                    2024,
                ),
                2035: (
                    150,
                    "EUR/MWh",
                    S_FRIEDEN,
                    True,
                    "EUR 5/kg assumed by 2035 (Frieden & Leker 2024 trajectory 5.3 -> 4.4 EUR/kg 2020-2030 plus transport)",
                    107,
                    270,
                    2024,
                ),
            },
        ),
        capex=(
            0.0,
            "EUR/kW",
            S_DEFINITION,
            True,
            "no domestic asset (terminal costs in the price)",
            None,
            None,
            2024,
        ),
        lifetime=30,
        first_year=2030,
        availability=1.0,
    )
)

# ---- hydrogen techniques of the MCA (issue 10): methane pyrolysis, electrolysis on a
# dedicated offshore wind farm, import as ammonia cracked in Rotterdam. Each figure is
# defined once here; tools/dataset_nl/build_mca_criteria.py reads the written CSVs.
S_PYRO_BASF = (
    "Reuters (17 Nov 2025) via tradingkey.com: BASF and ExxonMobil to build a methane pyrolysis "
    "demonstration plant at Baytown (up to 2,000 t H2 and 6,000 t solid carbon a year); the process "
    "needs about five times less electricity than water electrolysis; BASF test plant in Ludwigshafen "
    "since 2021 (BASF Report 2021)"
)
S_PYRO_STOICH = (
    "stoichiometry CH4 -> C + 2 H2: 4 kg CH4 (200 MJ LHV, 50 MJ/kg) and 3 kg solid carbon per kg H2; "
    "Lotfollahzade Moghaddam et al. (2025) Methane pyrolysis for hydrogen production, Energy Environ. "
    "Sci., doi:10.1039/D4EE06191H"
)
S_MONOLITH = (
    "US DOE Loan Programs Office (23 Dec 2021) conditional loan guarantee of USD 1.04bn to Monolith "
    "Nebraska for Olive Creek 2 (about 194,000 t/yr carbon black; its hydrogen for about 275,000 t/yr "
    "ammonia), via h2bulletin.com, spglobal.com and hpj.com"
)
S_HE_PATHWAYS = (
    "Hydrogen Europe (2024) Clean Hydrogen Production Pathways Report, via kallanish.com (2024-07): "
    "turquoise hydrogen EUR 2.3/kg at February 2024 gas prices, grey EUR 3.3/kg"
)
S_PYRO_CARBON = (
    "Keipi, Tolvanen & Konttinen (2018) Economic analysis of hydrogen production by methane thermal "
    "decomposition, Energy Convers. Manag. 159:264-273 (competitive with SMR at a carbon value of "
    "280-310 EUR/t); Shokrollahi et al. (2024) Int. J. Hydrogen Energy, doi:10.1016/j.ijhydene.2024.04.056 "
    "(carbon black at USD 200/t in the base case; above USD 500/t cheaper than SMR without CCS)"
)
S_DEA_OFFWIND = (
    "Danish Energy Agency, Technology Data for Generation of Electricity and District Heating, sheet 21 "
    "Offshore turbines, and Technology Data for Energy Transport (July 2025), sheet 1.8 el substations, as "
    "compiled in PyPSA technology-data outputs/costs_2035.csv (github.com/PyPSA/technology-data, commit "
    "634cdc1): turbines EUR2020 2,040/kW_e without grid connection, fixed O&M 2.25 %/yr, 30 yr; offshore and "
    "onshore AC station EUR 820/kW_e, 1.5 %/yr"
)
S_OFFSHORE_H2 = (
    "Dutch government (20 Mar 2023): 500 MW offshore electrolysis in the Ten noorden van de Waddeneilanden "
    "wind area, operating about 2031, hydrogen landed by a reused gas pipeline, after a 50-100 MW pilot "
    "(rechargenews.com, windpowernl.com, reccessary.com: tender 2026 or 2027); RVO (7 May 2025) results of "
    "the survey of interest: first offshore hydrogen demonstration of 30-50 MW, EUR 380M from the Climate Fund"
)
S_WIND_CF = (
    "Recharge (2014): the alpha ventus offshore wind farm (German North Sea) averaged 253 GWh/yr over "
    "2011-2013, a capacity factor of 48.1 %"
)
S_CRACKER = (
    "Ishimoto et al. (2020) Int. J. Hydrogen Energy, doi:10.1016/j.ijhydene.2020.09.017, tables 6-7 "
    "(cracker EUR2015 1,062 per kW H2 at 200 t NH3/d, 528 at 2,500 t/d; fixed O&M 4.3 %/yr; 25 yr; "
    "ammonia LHV 5.167 MWh/t) and ENGIE et al. (2020) Ammonia to Green Hydrogen Feasibility Study, fig. 10 "
    "(1.46 MWh NH3 per MWh H2, the cracker's heat and power from ammonia), as compiled in PyPSA "
    "technology-data inputs/manual_input.csv (github.com/PyPSA/technology-data, commit 634cdc1); CATF "
    "(2023) Techno-economic Realities of Long-Distance Hydrogen Transport (KBR): cracking imported ammonia "
    "back to hydrogen adds about 50 % to its delivered cost"
)
S_H2GLOBAL = (
    "H2Global pilot auction (S&P Global, 11 Jul 2024): Fertiglobe renewable ammonia delivered to North-West "
    "Europe via Rotterdam at EUR 1,000/t from 2027 (Platts: green ammonia USD 1,004/t, grey USD 490/t); "
    "ammoniaenergy.org (6 Aug 2025): SECI India auctions USD 591-641/t, H2Global gross delivery price "
    "EUR 1,153/t"
)
S_POR_IMPORT = (
    "Port of Rotterdam and 17 companies (2022): study of a central ammonia cracker for about 1 Mt H2/yr of "
    "imports (deltaoiltanking.com, h2eg.com); ACE Terminal (Gasunie, HES, Vopak) ammonia import terminal at "
    "Maasvlakte (europoortkringen.nl, 2023); Air Products and Gunvor import terminal plan (Reuters, 2023)"
)
NH3_LHV = 18.6  # GJ/t = 5.167 MWh/t (Ishimoto et al. 2020)
NH3_PER_H2 = 1.46  # GJ NH3 per GJ H2, cracker fired with ammonia (ENGIE et al. 2020)
PYRO_GAS = 200 / LHV_H2  # PJ gas per PJ H2 (stoichiometric, unconverted methane recycled)
PYRO_KWH = 53.6 / 5  # kWh/kg H2: a fifth of the dataset's AEL electrolyser (BASF)
PYRO_CARBON = 3 / LHV_H2  # t solid carbon per GJ H2 (0.025)
CARBON_VALUE = (150.0, 500.0, -50.0)  # EUR/t: central, high value, disposal cost
PYRO_CAPEX = (2000, 1000, 3500)  # EUR per kW H2
OFFWIND_CAPEX, OFFWIND_FOM = 2040, 0.0225  # EUR2020/kW_e, share/yr (DEA)
STATION_CAPEX, STATION_FOM = 820, 0.015  # EUR/kW_e, share/yr (DEA), proxy for the platform
EL_EFF = 0.62  # kWh H2 (LHV) per kWh_e, the dataset's AEL (MIDDEN TC0361)
EL_CAPEX_H2, EL_FOM_H2 = (
    2300,
    0.14,
)  # EUR/kW H2 and MEUR/MW_H2/yr, the dataset's electrolyser from 2030
OFFSHORE_CAPEX = round((OFFWIND_CAPEX + STATION_CAPEX) / EL_EFF + EL_CAPEX_H2)
OFFSHORE_FOM = (
    OFFWIND_CAPEX * OFFWIND_FOM + STATION_CAPEX * STATION_FOM
) / EL_EFF / 1000 + EL_FOM_H2
OFFSHORE_AVAILABILITY = (
    0.47  # wind capacity factor 0.48 x electrolyser availability 0.97 (estimate)
)
AMMONIA_PRICE = {2030: (1000, 600, 1153), 2035: (800, 600, 1153)}  # EUR/t delivered Rotterdam


def ammonia_cost(price):
    """EUR per GJ H2 of the ammonia a cracker takes: price / LHV x 1.46 GJ NH3 per GJ H2."""
    return round(price / NH3_LHV * NH3_PER_H2, 3)


ROUTES.append(
    Route(
        "hydrogen_pyrolysis",
        "hydrogen",
        "hydrogen",
        "blue_hydrogen",
        "Methane pyrolysis, electrically heated (solid carbon by-product)",
        f"{S_PYRO_BASF}; {S_PYRO_STOICH}; {S_MONOLITH}",
        {"natural_gas": PYRO_GAS, "electricity": PYRO_KWH * 3.6 / LHV_H2},
        capex=(
            PYRO_CAPEX[0],
            "EUR/kW",
            f"{S_MONOLITH}; {S_HE_PATHWAYS}",
            True,
            "no published capex of a hydrogen-scale plant: Monolith's first of a kind (USD 1.04bn loan "
            "guarantee for about 65 kt H2/yr, 7.8 PJ/yr, including a 275 kt/yr ammonia plant of roughly "
            "EUR 0.3bn) implies about EUR 2,500-3,000 per kW H2; a 2030s plant assumed at EUR 2,000/kW "
            "(learning, no carbon-black finishing); low: an SMR+CCS-like nth plant (EUR 1,000/kW, in line "
            "with Hydrogen Europe's EUR 2.3/kg turquoise LCOH); high: first of a kind (3,500)",
            PYRO_CAPEX[1],
            PYRO_CAPEX[2],
            2024,
        ),
        fixed_om=("pct", 0.03),
        variable_cost=(
            round(-CARBON_VALUE[0] * PYRO_CARBON, 4),
            "EUR/GJ",
            f"{S_PYRO_CARBON}; {S_PYRO_STOICH}",
            True,
            f"by-product revenue of the solid carbon: 3 kg C per kg H2 = {PYRO_CARBON:.3f} t per GJ H2 "
            f"x EUR {CARBON_VALUE[0]:.0f}/t (assumed: bulk carbon far beyond the carbon-black market, "
            "below Keipi's 280-310 and Shokrollahi's USD 200/t carbon black); low (more revenue): "
            f"EUR {CARBON_VALUE[1]:.0f}/t; high: a disposal cost of EUR {-CARBON_VALUE[2]:.0f}/t",
            round(-CARBON_VALUE[1] * PYRO_CARBON, 4),
            round(-CARBON_VALUE[2] * PYRO_CARBON, 4),
            2024,
        ),
        lifetime=25,
        first_year=2031,
        availability=0.9,
        flh=8000,
        potential={"cluster6": 0.0},
        inputs_est=True,
        inputs_method=(
            f"natural gas {PYRO_GAS:.4f} PJ/PJ: 4 kg CH4 per kg H2 at 50 MJ/kg (stoichiometric, unconverted "
            f"methane recycled); electricity {PYRO_KWH:.2f} kWh/kg = a fifth of the dataset's 53.6 kWh/kg "
            "AEL (BASF: about five times less than electrolysis; range 6-15 kWh/kg, reaction enthalpy 5.2 "
            "kWh/kg minimum); carbon leaves as a solid (solid_carbon_share 1)"
        ),
        note="no SDE++ category for pyrolysis (not eligible); TRL 6: BASF pilot, Baytown demonstration",
    )
)
ROUTES.append(
    Route(
        "hydrogen_offshore_electrolysis",
        "hydrogen",
        "hydrogen",
        "hydrogen",
        "Electrolysis on a dedicated offshore wind farm (hydrogen landed by pipeline, no grid load)",
        f"{S_DEA_OFFWIND}; {S_OFFSHORE_H2}",
        {},
        capex=(
            OFFSHORE_CAPEX,
            "EUR/kW",
            f"{S_DEA_OFFWIND}; {S_MIDDEN_TC} TC0361 (AEL 62 % LHV, EUR 1.0-3.6M per MW H2)",
            True,
            f"wind farm and electrolyser in one route, per kW of hydrogen: (turbines {OFFWIND_CAPEX} + "
            f"offshore platform {STATION_CAPEX}, taken as a DEA AC substation) EUR/kW_e / {EL_EFF} kW H2 "
            f"per kW_e + the dataset's electrolyser {EL_CAPEX_H2} EUR/kW H2 = {OFFSHORE_CAPEX}; the "
            "hydrogen pipeline to shore (a reused gas pipeline) is left out (about 1 % at EUR 201/MW/km x "
            "100 km, PyPSA); low: -20 % on wind and platform, electrolyser 1,000; high: +25 %, 3,600",
            round((OFFWIND_CAPEX + STATION_CAPEX) * 0.8 / EL_EFF + 1000),
            round((OFFWIND_CAPEX + STATION_CAPEX) * 1.25 / EL_EFF + 3600),
            2020,
        ),
        fixed_om=(
            round(OFFSHORE_FOM, 5),
            "MEUR/MW/yr",
            f"{S_DEA_OFFWIND}; {S_MIDDEN_TC} TC0361",
            True,
            f"(turbines {OFFWIND_FOM:.2%} x {OFFWIND_CAPEX} + platform {STATION_FOM:.1%} x {STATION_CAPEX}) "
            f"EUR/kW_e/yr / {EL_EFF} + electrolyser {EL_FOM_H2} MEUR/MW H2/yr",
            None,
            None,
            2020,
        ),
        lifetime=25,
        first_year=2030,
        availability=OFFSHORE_AVAILABILITY,
        potential={c: 0.0 for c in CLUSTERS if c != "noord_nederland"},
        inputs_est=True,
        note=(
            "the wind electricity is part of the route (its own capex, capacity factor as availability), not "
            "a carrier: the farm feeds only its electrolyser, so it adds no grid load and buys no "
            "electricity; TRL 6 (PosHYdon pilot)"
        ),
    )
)
ROUTES.append(
    Route(
        "hydrogen_import_ammonia",
        "hydrogen",
        "hydrogen",
        "import",
        "Import of renewable ammonia, cracked to hydrogen in Rotterdam",
        f"{S_CRACKER}; {S_H2GLOBAL}; {S_POR_IMPORT}",
        {},
        capex=(
            1062,
            "EUR/kW",
            S_CRACKER,
            True,
            "the cracker at the import terminal (EUR2015 as published, not escalated): 200 t NH3/d plant; "
            "low: 2,500 t/d (scale); high: +50 % for a first large unit",
            528,
            1593,
            2015,
        ),
        fixed_om=("pct", 0.043),
        variable_cost=(
            "years",
            {
                y: (
                    ammonia_cost(p[0]),
                    "EUR/GJ",
                    f"{S_H2GLOBAL}; {S_CRACKER}",
                    True,
                    f"renewable ammonia delivered EUR {p[0]}/t / {NH3_LHV} GJ/t x {NH3_PER_H2} GJ NH3 per GJ "
                    "H2 (the cracker's heat from ammonia); "
                    + (
                        "the H2Global pilot price for deliveries from 2027"
                        if y == 2030
                        else "assumed between H2Global (EUR 1,000) and the 2025 Indian auctions (USD 600)"
                    )
                    + f"; low EUR {p[1]}/t (SECI India 2025), high EUR {p[2]}/t (H2Global gross price)",
                    ammonia_cost(p[1]),
                    ammonia_cost(p[2]),
                    2024,
                )
                for y, p in AMMONIA_PRICE.items()
            },
        ),
        lifetime=25,
        first_year=2030,
        availability=0.9,
        potential={c: 0.0 for c in CLUSTERS if c != "rotterdam_moerdijk"},
        note="the cracker is the domestic asset; the ammonia's price carries production and shipping",
    )
)
#: Rows of the generic route loop that the new hydrogen routes write differently:
#: lifetime (source, estimate, method), availability (source, method), potential (source,
#: method), TRL (value, source, estimate, method, note), first_year method.
HYDROGEN_LIFETIME = {
    "hydrogen_pyrolysis": (
        S_PYRO_STOICH,
        True,
        "assumed as a reformer plant (IEAGHG 2017 SMR: 25 yr); no pyrolysis plant has run that long",
    ),
    "hydrogen_offshore_electrolysis": (
        S_DEA_OFFWIND,
        True,
        "the shorter of the wind turbines (30 yr, DEA) and the electrolyser (25 yr, DEA AEC 100 MW)",
    ),
    "hydrogen_import_ammonia": (S_CRACKER, False, ""),
}
HYDROGEN_AVAILABILITY = {
    "hydrogen_offshore_electrolysis": (
        f"{S_WIND_CF}; {S_OFFSHORE_H2}",
        "the electrolyser follows its wind farm: capacity factor 0.48 (alpha ventus 48.1 %; newer, larger "
        "turbines at the Dutch far-offshore sites are expected at or above it) x 0.97 electrolyser "
        "availability (assumed) = 0.47; range 0.42-0.52",
    ),
}
HYDROGEN_POTENTIAL = {
    "hydrogen_pyrolysis": (
        S_PYRO_BASF,
        "0 in cluster 6: dispersed sites without a hydrogen network before 2033 and no site for handling "
        "3 kg solid carbon per kg H2; elsewhere up to the cluster's whole production",
    ),
    "hydrogen_offshore_electrolysis": (
        S_OFFSHORE_H2,
        "only Noord-Nederland: the Ten noorden van de Waddeneilanden hydrogen lands at Eemshaven through a "
        "reused gas pipeline",
    ),
    "hydrogen_import_ammonia": (
        S_POR_IMPORT,
        "only Rotterdam-Moerdijk: the ammonia import terminals and the planned central cracker are there",
    ),
}
HYDROGEN_TRL = {
    "hydrogen_pyrolysis": (
        6,
        f"{S_PYRO_BASF}; {S_MONOLITH}",
        True,
        "hydrogen-scale methane pyrolysis: BASF test plant (2021), demonstration at Baytown announced "
        "2025; Monolith runs plasma pyrolysis commercially for carbon black (Olive Creek 1, 14 kt/yr)",
        "",
    ),
    "hydrogen_offshore_electrolysis": (
        6,
        S_OFFSHORE_H2,
        True,
        "offshore electrolysis: PosHYdon pilot (about 1 MW on a North Sea platform); the first 30-50 MW "
        "demonstration is being tendered",
        "",
    ),
    "hydrogen_import_ammonia": (
        6,
        f"{S_POR_IMPORT}; {S_CRACKER}",
        True,
        "ammonia shipping is commercial (TRL 9); cracking back to hydrogen at a few hundred t/d is at "
        "demonstration scale; the large central crackers are at study stage",
        "route TRL = the lower of shipping (9) and large-scale cracking (6)",
    ),
}
HYDROGEN_FIRST_YEAR = {
    "hydrogen_pyrolysis": (
        "TRL 6: BASF/ExxonMobil demonstration at Baytown (announced Nov 2025, a few years to build) plus "
        "4-6 yr to a first commercial plant: 2031"
    ),
    "hydrogen_offshore_electrolysis": (
        "the 30-50 MW demonstration (EUR 380M, RVO 2025) about 2030; the 500 MW project about 2031-2032"
    ),
    "hydrogen_import_ammonia": (
        "first renewable ammonia deliveries to Rotterdam 2027 (H2Global); terminal and cracker about 2030"
    ),
}
#: Routes left out of the SDE++ rates the builder derives for low-carbon routes.
NO_SDE = {"hydrogen_pyrolysis": "no SDE++ category for methane pyrolysis"}

ROUTE_BY = {r.label: r for r in ROUTES}


# Non-energy materials of domestic steel, which the import price of a slab includes: iron ore
# (fines for the sinter/pellet mix of a blast furnace, DR-grade ore for a shaft furnace) and scrap
USD_PER_EUR_2024 = 1.0824
IRON_ORE_62 = 109.44 / USD_PER_EUR_2024  # EUR/t, Platts 62 % Fe 2024 average
IRON_ORE_65 = IRON_ORE_62 * 119.23 / 104.83  # EUR/t, 65 % Fe premium of 31 Dec 2024
SCRAP_EUR = 370.0  # EUR/t, midpoint of CRU's EUR 355-385/t (Feb 2024)
STEEL_MATERIALS = {
    "steel_bf_bof": (
        1.370 * IRON_ORE_62 + 0.125 * SCRAP_EUR,
        f"1,370 kg iron ore x EUR {IRON_ORE_62:.1f}/t (62 % Fe 2024) + 125 kg scrap x EUR {SCRAP_EUR:.0f}/t "
        "per t crude steel (worldsteel BF-BOF averages)",
    ),
    "steel_bf_bof_ccs": (
        1.370 * IRON_ORE_62 + 0.125 * SCRAP_EUR,
        "as the blast furnace it captures from: 1,370 kg iron ore (62 % Fe) + 125 kg scrap per t",
    ),
    "steel_h2_dri_eaf": (
        1.43 * DRI_PER_STEEL * IRON_ORE_65,
        f"1.43 t pellets per t DRI (MIDDEN TC0039) x {DRI_PER_STEEL} t DRI per t steel x EUR "
        f"{IRON_ORE_65:.1f}/t: the 65 % Fe price as a floor for DR-grade pellets (their premium and the "
        "pelletising cost were not retrieved)",
    ),
    "steel_scrap_eaf": (
        1.1 * SCRAP_EUR,
        f"1.1 t scrap per t steel x EUR {SCRAP_EUR:.0f}/t: worldsteel's 880 kg recycled steel plus other "
        "metallics per t of EAF steel, taken as a pure scrap charge at about 90 % metallic yield",
    ),
}
for _label, (_value, _method) in STEEL_MATERIALS.items():
    ROUTE_BY[_label].variable_cost = (
        round(_value, 1),
        "EUR/t",
        f"{S_IRON_ORE}; {S_WORLDSTEEL_RAW}; {S_SCRAP}"
        + ("; " + S_MIDDEN_TC + " TC0039" if _label == "steel_h2_dri_eaf" else ""),
        True,
        "non-energy materials the import price of a slab includes: " + _method,
        None,
        None,
        2024,
    )


# ------------------------------------------------------------------------ demand
def ref_route(sector, service):
    for r in ROUTES:
        if r.sector == sector and r.service == service and r.rclass == "reference":
            return r
    raise KeyError((sector, service))


DEMAND = {}  # (sector, cluster, service) -> value (output unit per yr)
DEM_METHOD = {}
H2_CLUSTER = {}
for (s, c), e in sorted(TARGET.items()):
    if s == "hydrogen":
        r = ROUTE_BY["hydrogen_smr"]
        H2_CLUSTER[c] = e / r.net_emissions()
        continue
    if s == "steel":
        DEMAND[(s, c, "crude_steel")] = STEEL_PROD
        DEM_METHOD[(s, c, "crude_steel")] = ("source", S_TATA_PROD)
        continue
    for svc, share in SPLIT[s].items():
        r = ref_route(s, svc)
        DEMAND[(s, c, svc)] = e * share / r.net_emissions()
        sm = f" (share: {SPLIT_METHOD[s]})" if s in SPLIT_METHOD and share < 1 else ""
        DEM_METHOD[(s, c, svc)] = (
            "est",
            f"base-year emissions {e:.3f} Mt ({s}, {c}; MIDDEN NEa-2020 split scaled to NEa 2024) x service share {share}{sm} / reference-route intensity {r.net_emissions():.4f} Mt per {r.unit}",
        )
# refinery hydrotreating = merchant hydrogen produced by the SMRs, in the clusters that hold them
for c, h in H2_CLUSTER.items():
    DEMAND[("refining", c, "hydrotreating")] = h
    DEM_METHOD[("refining", c, "hydrotreating")] = (
        "est",
        f"hydrogen made by the merchant SMRs of the cluster: industrial-gases emissions {TARGET[('hydrogen', c)]:.3f} Mt / {ROUTE_BY['hydrogen_smr'].net_emissions():.4f} Mt/PJ H2; assumed sold to refineries of the same cluster",
    )


def gas_tax_per_cluster():
    """EUR/MWh (LHV) of energy tax on the marginal m3 of a cluster's taxable gas users."""
    return {
        c: sum(GAS_TAX_TIER[t] * share for t, share in tiers.items()) / GAS_MWH_LHV_PER_M3
        for c, tiers in GAS_TIER_SHARE.items()
    }


def taxed_gas_use():
    """PJ/yr of natural gas burnt by the reference routes of the taxed sectors, per cluster."""
    use = defaultdict(float)
    for (s, c, svc), d in DEMAND.items():
        if s in GAS_TAXED_SECTORS:
            use[c] += d * ref_route(s, svc).inputs.get("natural_gas", 0.0)
    return dict(use)


def gas_energy_tax():
    """One national energy-tax rate on natural gas: the clusters' marginal rates weighted by
    their taxed base-year gas use. Returns (EUR/MWh, method)."""
    rate, use = gas_tax_per_cluster(), taxed_gas_use()
    value = sum(rate[c] * use[c] for c in use) / sum(use.values())
    per_cluster = ", ".join(f"{c} {rate[c]:.2f} ({use[c]:.0f} PJ)" for c in sorted(use))
    method = (
        f"marginal tier of the taxed sites, weighted by taxed gas use: per cluster the 2025 tier rates "
        f"(EUR/m3 / {GAS_MWH_LHV_PER_M3 * 1000:.4f} MWh LHV per 1000 m3: > 10M m3 "
        f"{GAS_TAX_TIER['>10M'] / GAS_MWH_LHV_PER_M3:.2f}, 1M-10M "
        f"{GAS_TAX_TIER['1M-10M'] / GAS_MWH_LHV_PER_M3:.2f} EUR/MWh) x the share of the cluster's taxable gas "
        f"at sites in that tier (MIDDEN installations, gas = CO2 x 560 m3/t, tools/dataset_nl/midden_gas_tiers.py), "
        f"then weighted by the base-year gas use of the taxed sectors ({', '.join(GAS_TAXED_SECTORS)}): "
        f"{per_cluster}. One figure per carrier (the parameter has no cluster or sector dimension): it "
        f"understates cluster 6 (14 % of its taxable gas at sites below 10M m3) and overstates the exempt "
        f"uses (metallurgical/mineralogical processes, reformer feedstock), which pay 0"
    )
    return value, method


# National CO2 levy on industry (ETS1 installations): rate per year, EUR/t
LEVY_RATE = (
    (
        2025,
        87.90,
        S_BP2026_LEVY,
        False,
        "",
    ),
    (
        2026,
        78.67,
        S_BP2026_LEVY,
        False,
        "",
    ),
    (
        2030,
        78.67,
        S_BP2026_LEVY,
        True,
        "EUR 78.67 from 2026 up to and including 2030 (Belastingplan 2026); held after 2030 (no later rate set)",
    ),
)
# Reduction factor of the dispensation rights: 1.213 in 2023 less 0.078 a year (Belastingplan 2023),
# raised in 2026 and held constant after (Belastingplan 2026; the new value was not retrieved)
LEVY_DISPENSATION_FACTOR = (
    (2025, 1.213 - 2 * 0.078, "1.213 (2023) - 2 x 0.078"),
    (
        2026,
        1.213 - 2 * 0.078,
        "raised in 2026 above the old path's 0.979 and held constant after; the new value was not "
        "retrieved, so the 2025 factor 1.057 is held",
    ),
    (2030, 1.213 - 2 * 0.078, "held constant after 2026 (Belastingplan 2026)"),
)


# electricity price components of a large user (EUR/MWh) the hybrid discount is made from,
# the carriers_prices rows below: commodity price and network tariff per year
HYBRID_PRICE_PARTS = {2025: (71.1, 15.0), 2030: (65.0, 18.7), 2035: (60.0, 23.3)}


def hybrid_contract_rows(t, route):
    """Non-firm contract of a flexible e-boiler: outside the firm peak, cheaper electricity."""
    t.add(
        "firm_share",
        0.0,
        "1",
        S_TDTR,
        estimate=True,
        method="the e-boiler draws only on a time-bound (non-firm) transport right, in the room the grid "
        "has outside its peak hours, so none of its load adds to the firm peak",
        route=route.label,
    )
    for y, (commodity, network) in HYBRID_PRICE_PARTS.items():
        value = 0.5 * network
        t.add(
            "electricity_discount",
            round(value, 3),
            "EUR/MWh",
            f"{S_ACM_TARIFF}; {S_TDTR}; {S_FME}; {S_TENNET}",
            figure_year=2025,
            estimate=True,
            method=f"assumption: half the network tariff ({network} EUR/MWh): the contracted-kW half of the "
            "transport tariff, which a non-firm right does not buy at the firm rate; no published discount for "
            "time-bound rights was retrieved. The commodity price is taken as the baseload price: running in 85 % "
            f"of the hours avoids few of the dearest (high: the whole tariff plus 10 % of the {commodity} "
            "EUR/MWh commodity price)",
            low=0.0,
            high=round(network + 0.1 * commodity, 3),
            route=route.label,
            year=y,
        )


def main():
    n = {}
    # --------------------------------------------------------------- set files
    n["clusters"] = write_set(
        "clusters",
        ["cluster", "name", "source"],
        [
            [
                k,
                v[0],
                "Cluster Energiestrategieen (CES) clusters as used by PBL/TNO MIDDEN (cluster_name) and the Kamerbrief EII 2026; cluster 6 = MIDDEN 'Other'",
            ]
            for k, v in CLUSTERS.items()
        ],
    )
    n["sectors"] = write_set(
        "sectors",
        ["sector", "name", "cbam", "source"],
        [
            [
                k,
                v[0],
                "true" if v[1] else "false",
                (
                    "MIDDEN NACE mapping (reference notes 1c); CBAM goods per Regulation (EU) 2023/956 Annex I"
                    if v[1]
                    else "MIDDEN NACE mapping (reference notes 1c); not a CBAM good (Regulation (EU) 2023/956 Annex I)"
                ),
            ]
            for k, v in SECTORS.items()
        ],
    )
    n["services"] = write_set(
        "services",
        ["sector", "service", "output_unit", "name", "source"],
        [
            [
                s,
                v,
                u,
                nm,
                "elektra service definition; temperature bands: heat_low < 100 °C, heat_medium 100-400 °C (steam), heat_high > 400 °C (furnaces); MIDDEN steam pressure classes mapped to bands (reference notes 2c)",
            ]
            for (s, v), (u, nm) in SERVICES.items()
        ],
    )
    roles = {
        "electricity": "grid_electricity",
        "hydrogen": "hydrogen",
        "natural_gas": "fossil_methane",
        "biomethane": "biomethane",
    }
    n["carriers"] = write_set(
        "carriers",
        ["carrier", "role", "name", "source"],
        [
            [
                k,
                roles.get(k, ""),
                v,
                "elektra carrier definition; ETM/IEA energy-balance carrier groups (reference notes 2a)",
            ]
            for k, v in CARRIERS.items()
        ],
    )
    n["routes"] = write_set(
        "routes",
        ["route", "sector", "service", "route_class", "name", "source"],
        [[r.label, r.sector, r.service, r.rclass, r.name, r.source] for r in ROUTES],
    )
    INSTR = {
        "sde_pp": (
            "operating",
            "SDE++ (Stimulering Duurzame Energieproductie en Klimaattransitie): operating subsidy per unit of avoided CO2/output",
            S_SDE24,
        ),
        "niki": (
            "investment",
            "NIKI (Nationale Investeringsregeling Klimaatprojecten Industrie): capex grant for innovative industrial decarbonisation",
            S_NIKI,
        ),
        "veki": (
            "investment",
            "VEKI (Versnelde Klimaatinvesteringen Industrie): capex grant for proven technology",
            S_VEKI,
        ),
        "dei_plus": (
            "investment",
            "DEI+ (Demonstratie Energie- en Klimaatinnovatie): grant for pilots and demonstrations",
            S_DEI,
        ),
        "sde_pp_ht_heat": (
            "operating",
            "SDE++ domain high-temperature heat (hekje): budget reserved for electric boilers and "
            "industrial heat pumps, at most EUR 400/t",
            S_SDE_HEKJES,
        ),
    }
    n["instruments"] = write_set(
        "instruments",
        ["instrument", "kind", "name", "source"],
        [[k, v[0], v[1], v[2]] for k, v in INSTR.items()],
    )

    # --------------------------------------------------------------- demand
    t = Table("demand")
    for (s, c, svc), v in sorted(DEMAND.items()):
        u = SERVICES[(s, svc)][0] + "/yr"
        kind, m = DEM_METHOD[(s, c, svc)]
        for y in YEARS:
            if kind == "source":
                t.add(
                    "demand",
                    round(v, 6),
                    u,
                    m,
                    figure_year=2023,
                    estimate=(y != BASE),
                    method=""
                    if y == BASE
                    else "held constant at the base-year level (no published outlook per product)",
                    sector=s,
                    cluster=c,
                    service=svc,
                    year=y,
                )
            else:
                t.add(
                    "demand",
                    round(v, 6),
                    u,
                    S_MIDDEN_EM + "; " + S_NEA24,
                    figure_year=2024,
                    estimate=True,
                    method=m + ("" if y == BASE else "; held constant to 2035"),
                    sector=s,
                    cluster=c,
                    service=svc,
                    year=y,
                )
    n["demand"] = t.write()

    # --------------------------------------------------------------- existing capacity
    t = Table("existing_capacity")
    for (s, c, svc), v in sorted(DEMAND.items()):
        r = ref_route(s, svc)
        cap = v / r.availability
        life = r.lifetime if isinstance(r.lifetime, (int, float)) else 25
        keep = max(0.0, 1 - 10 / life)
        u = r.unit + "/yr"
        t.add(
            "existing_capacity",
            round(cap, 6),
            u,
            S_MIDDEN_EM + "; " + S_NEA24,
            figure_year=2024,
            estimate=True,
            method=f"base-year demand / availability {r.availability} so that the base year is met without investment",
            sector=s,
            cluster=c,
            route=r.label,
            year=2025,
        )
        if r.label == "refining_hydrotreating_h2":
            keep = 1.0
        t.add(
            "existing_capacity",
            round(cap * keep, 6),
            u,
            S_MIDDEN_LIFE + "; " + S_MIDDEN_EM,
            figure_year=2035,
            estimate=True,
            method=f"2025 capacity x (1 - 10 yr / {life}-yr life) = {keep:.2f} of 2025 left in 2035: linear retirement "
            "of a uniformly aged stock (ages not published); the life is the route's lifetime row",
            sector=s,
            cluster=c,
            route=r.label,
            year=2035,
        )
    for c, h in sorted(H2_CLUSTER.items()):
        r = ROUTE_BY["hydrogen_smr"]
        cap = h / r.availability
        t.add(
            "existing_capacity",
            round(cap, 6),
            "PJ/yr",
            S_MIDDEN_EM + " (industrial gases: Air Liquide, Air Products Botlek SMRs) ; " + S_NEA24,
            figure_year=2024,
            estimate=True,
            method=f"merchant SMR hydrogen = industrial-gases emissions {TARGET[('hydrogen', c)]:.3f} Mt / {r.net_emissions():.4f} Mt/PJ, / availability {r.availability}",
            sector="hydrogen",
            cluster=c,
            route=r.label,
            year=2025,
        )
        t.add(
            "existing_capacity",
            round(cap * 0.6, 4),
            "PJ/yr",
            S_MIDDEN_LIFE + "; " + S_MIDDEN_EM,
            figure_year=2035,
            estimate=True,
            method="2025 capacity x (1 - 10 yr / 25-yr SMR life, IEAGHG 2017) = 0.6 of 2025 left in 2035: linear "
            "retirement of a uniformly aged stock (ages not published)",
            sector="hydrogen",
            cluster=c,
            route=r.label,
            year=2035,
        )
    # Porthos capture at the ExxonMobil and Shell refinery hydrogen units (FID Oct 2023, SDE++ 2020, start 2026):
    # committed projects, so they enter as capacity standing from 2026 rather than as a model choice
    r = ROUTE_BY["refining_heat_high_fuel_furnace_ccs"]
    smr = ROUTE_BY["hydrogen_smr_ccs"]
    smr_capt = H2_CLUSTER["rotterdam_moerdijk"] * smr.gross_emissions() * smr.capture
    ref_capt = 2.5 - smr_capt
    cpu = r.gross_emissions() * r.capture
    cap = ref_capt / cpu / r.availability
    m = (
        f"Porthos 2.5 Mt/yr less the capture at the merchant SMRs of Air Liquide and Air Products ({smr_capt:.2f} Mt at "
        f"base-year output, modelled by hydrogen_smr_ccs) = {ref_capt:.2f} Mt/yr for the ExxonMobil and Shell refinery "
        f"hydrogen units; these units are inside refinery fuel in this dataset, so the capture is represented as "
        f"refinery-furnace capture: / {cpu:.4f} Mt captured per PJ / availability {r.availability}"
    )
    t.add(
        "existing_capacity",
        0.0,
        "PJ/yr",
        S_PORTHOS,
        figure_year=2025,
        estimate=True,
        method="Porthos not yet in operation",
        sector="refining",
        cluster="rotterdam_moerdijk",
        route=r.label,
        year=2025,
    )
    for y in (2026, 2035):
        t.add(
            "existing_capacity",
            round(cap, 4),
            "PJ/yr",
            S_PORTHOS,
            figure_year=2026,
            estimate=True,
            method=m + ("" if y == 2026 else "; no retirement within 15-yr Porthos contracts"),
            sector="refining",
            cluster="rotterdam_moerdijk",
            route=r.label,
            year=y,
        )
    n["existing_capacity"] = t.write()

    # --------------------------------------------------------------- techno-economics
    t = Table("routes_techno_economic")
    ti = Table("route_inputs")
    for r in ROUTES:
        u = r.unit
        # capex
        cx = r.capex
        if cx is not None:
            if cx[0] == "years":
                for y, c in cx[1].items():
                    t.add(
                        "capex",
                        c[0],
                        c[1],
                        c[2],
                        figure_year=c[7],
                        estimate=c[3],
                        method=c[4],
                        low=c[5],
                        high=c[6],
                        route=r.label,
                        year=y,
                    )
            elif cx[0] in ("ccs", "ccs193"):
                per_t = CCS_CAPEX if cx[0] == "ccs" else 193.0
                base = cx[1]
                captured = cx[2]  # Mt CO2 per output unit (or t/t)
                if base[1] == "EUR/kW":
                    base_meur = base[0] * MEUR_PER_PJYR_PER_EUR_PER_KW
                    val = base_meur + per_t * captured  # MEUR/(PJ/yr)
                    unit = "MEUR/(PJ/yr)"
                else:
                    val = base[0] + per_t * captured  # EUR/(t/yr) with captured in t/t
                    unit = "EUR/(t/yr)"
                srcx = S_MIDDEN_TC + (
                    " TC0478 (EUR 257 per t CO2/yr, range 142-327)"
                    if cx[0] == "ccs"
                    else " TC0354 (EUR 193 per t CO2/yr)"
                )
                t.add(
                    "capex",
                    round(val, 4),
                    unit,
                    srcx,
                    figure_year=2021,
                    estimate=True,
                    method=f"retrofit on the existing plant: capture plant only, {per_t:.0f} EUR per t CO2/yr x {captured:.4f} t captured per unit output ({'Mt/PJ = t/GJ' if unit.startswith('MEUR') else 't/t'})",
                    route=r.label,
                )
            else:
                t.add(
                    "capex",
                    cx[0],
                    cx[1],
                    cx[2],
                    figure_year=cx[7],
                    estimate=cx[3],
                    method=cx[4],
                    low=cx[5],
                    high=cx[6],
                    route=r.label,
                )
        # fixed O&M
        fo = r.fixed_om
        if fo is not None:
            if fo[0] == "pct":
                cap_val, cap_unit = _capex_value(r)
                if cap_val is not None and cap_val > 0:
                    own_share = r.label in FOM_SHARE_FROM_ROUTE_SOURCE
                    t.add(
                        "fixed_om",
                        round(cap_val * fo[1], 5),
                        cap_unit + "/yr",
                        r.source if own_share else S_MIDDEN_FOM,
                        estimate=True,
                        method=f"{fo[1] * 100:.3g} % of capex per year"
                        + (
                            " (the share the route's source gives)"
                            if own_share
                            else " (MIDDEN's convention for plant without an O&M figure)"
                        ),
                        route=r.label,
                    )
            elif fo[0] == "pct_of":
                t.add(
                    "fixed_om",
                    round(100 * MEUR_PER_PJYR_PER_EUR_PER_KW * 0.02, 5),
                    "MEUR/(PJ/yr)/yr",
                    S_MIDDEN_BOILERS + "; " + S_MIDDEN_FOM,
                    estimate=True,
                    method="same fixed O&M as the gas boiler/furnace it replaces: 2 % of the gas-boiler capex "
                    "EUR 100/kW (MIDDEN boilers escalated)",
                    route=r.label,
                )
            else:
                t.add(
                    "fixed_om",
                    fo[0],
                    fo[1],
                    fo[2],
                    figure_year=fo[7],
                    estimate=fo[3],
                    method=fo[4],
                    low=fo[5],
                    high=fo[6],
                    route=r.label,
                )
        vc = r.variable_cost
        if vc is not None:
            if vc[0] == "years":
                for y, c in vc[1].items():
                    t.add(
                        "variable_cost",
                        c[0],
                        c[1],
                        c[2],
                        figure_year=c[7],
                        estimate=c[3],
                        method=c[4],
                        low=c[5],
                        high=c[6],
                        route=r.label,
                        year=y,
                    )
            else:
                t.add(
                    "variable_cost",
                    vc[0],
                    vc[1],
                    vc[2],
                    figure_year=vc[7],
                    estimate=vc[3],
                    method=vc[4],
                    low=vc[5],
                    high=vc[6],
                    route=r.label,
                )
        life_source, life_estimate, life_method = HYDROGEN_LIFETIME.get(
            r.label,
            (
                r.source if r.rclass not in ("reference", "import") else _life_source(r),
                r.rclass in ("reference", "import"),
                _life_method(r) if r.rclass in ("reference", "import") else "",
            ),
        )
        t.add(
            "lifetime",
            r.lifetime,
            "yr",
            life_source,
            estimate=life_estimate,
            method=life_method,
            route=r.label,
        )
        trl, trl_src, trl_est, trl_meth, trl_note = _trl(r)
        first_year = max(r.first_year, TRL_EARLIEST_BUILD.get(trl, 2025))
        fy_est = first_year != 2025
        fy_method = "" if not fy_est else _fy_method(r)
        if first_year > r.first_year:
            fy_method += (
                f"; TRL {trl}: earliest commercial build {first_year} (a demonstration "
                "first, then 4-6 yr to a first commercial unit)"
            )
        t.add(
            "first_year",
            first_year,
            "calendar year",
            r.source if not fy_est else _fy_source(r),
            estimate=fy_est,
            method=fy_method,
            note=r.note,
            route=r.label,
        )
        t.add(
            "availability",
            r.availability,
            "1",
            _availability_source(r),
            estimate=True,
            method=_availability_method(r),
            route=r.label,
        )
        t.add(
            "trl",
            trl,
            "1",
            trl_src,
            estimate=trl_est,
            method=trl_meth,
            note=trl_note,
            route=r.label,
        )
        if r.inputs.get("electricity", 0) > 0:
            t.add(
                "full_load_hours",
                r.flh,
                "h",
                S_MIDDEN_PCD
                if r.flh == 8000
                else (
                    S_HYEU if r.flh == 5000 else (S_TDTR if r.flh == HYBRID_FLH else S_POSTED_EAF)
                ),
                estimate=True,
                method={
                    8000: "continuous process: MIDDEN's median capacity utilisation 0.90 x 8,760 h = 7,884 h, "
                    "rounded to 8,000",
                    7000: "batch electric arc furnace: assumed 7,000 h, below a continuous plant's 8,000 h for "
                    "tap-to-tap and maintenance stops (Vogl et al. 2018 in POSTED assume 8,760 h; not adopted)",
                    5000: "grid-connected electrolysis avoiding peak prices: 5,000 h assumed, above the 4,000 h of "
                    "Hydrogen Europe's Clean Hydrogen Monitor 2022 as base-load industrial offtake favours more hours",
                    HYBRID_FLH: f"hours on electricity of a flexible e-boiler: 8,760 h x {HYBRID_ELECTRIC_SHARE} "
                    f"(hours a time-bound transport right guarantees) x availability {HYBRID_AVAILABILITY}, so "
                    "that yearly electricity over these hours is the e-boiler's electric capacity",
                }[r.flh],
                route=r.label,
            )
        if r.capture > 0:
            t.add(
                "capture_rate",
                r.capture,
                "1",
                r.source,
                estimate=r.label in ("steel_bf_bof_ccs", "ammonia_smr_ccs"),
                method="see route source/inputs method"
                if r.label in ("steel_bf_bof_ccs", "ammonia_smr_ccs")
                else "",
                route=r.label,
            )
        t.add(
            "process_emissions",
            r.process,
            "t/t" if u == "Mt" else "Mt/PJ",
            S_CALIBRATION,
            estimate=True,
            method="0 by construction: the verified emissions the demand is calibrated on include process CO2 "
            "(calcination, anodes, reductant), so carrier inputs x emission factors already reproduce it",
            route=r.label,
        )
        if r.embedded is not None:
            e = r.embedded
            t.add(
                "embedded_emissions",
                e[0],
                e[1],
                e[2],
                estimate=e[3],
                method=e[4],
                low=e[5],
                high=e[6],
                route=r.label,
            )
        if r.label.endswith("_hybrid_e_boiler"):
            hybrid_contract_rows(t, r)
        for c, p in r.potential.items():
            if p is None:
                continue
            meth = ""
            if r.label in HYDROGEN_POTENTIAL:
                meth = HYDROGEN_POTENTIAL[r.label][1]
            elif r.label.endswith("_heat_pump"):
                meth = HP_METHOD[r.service]
            elif r.label.endswith("_electric_furnace"):
                meth = (
                    "assumption per sector: glass, ceramics, non-ferrous 0.5 (HORN: all-electric melting commercial "
                    "below about 200 t/d, hybrid 20-80 % electric next), chemicals and cement 0.3, refining 0.2 "
                    "(IRENA: electric heating of large fired heaters at pilot scale)"
                )
            elif c == "cluster6":
                meth = (
                    "0: Porthos and Aramis take CO2 by pipeline in Rotterdam and by ship from ports; the dispersed "
                    "cluster-6 sites have no connection"
                )
            elif c in ("chemelot", "noord_nederland"):
                meth = (
                    "no CO2 pipeline; Aramis accepts ship delivery, so part of the CO2 can go by ship/rail "
                    "(assumed 50 %)"
                )
            elif r.label == "steel_scrap_eaf":
                meth = "extra scrap of Tata's Green Steel stage 1: scrap share 17 % -> 30 % by 2030, so 0.13 of output can move to a scrap charge in the new EAF; the 17 % already used in the BOF stays in the bf_bof route"
            t.add(
                "potential",
                p,
                "1",
                _potential_source(r, c),
                estimate=True,
                method=meth,
                cluster=c,
                route=r.label,
            )
        for c, v in r.inputs.items():
            if v <= 0:
                continue
            ti.add(
                "input",
                round(v, 5),
                "GJ/t" if u == "Mt" else "PJ/PJ",
                r.inputs_src,
                estimate=r.inputs_est,
                method=r.inputs_method if r.inputs_est or r.inputs_method else "",
                route=r.label,
                carrier=c,
            )
    n["routes_techno_economic"] = t.write()
    n["route_inputs"] = ti.write()
    n["build_limits"] = write_build_limits()
    n["policy_levers"] = write_levers()

    # --------------------------------------------------------------- carriers & prices
    t = Table("carriers_prices")
    t.add(
        "emission_factor",
        EF["natural_gas"],
        "t/TJ",
        S_NLFUEL,
        figure_year=2024,
        estimate=True,
        low=56.1,
        high=56.6,
        method="NL list of fuels value for natural gas as used 2022-2024 (56.4-56.6 kg/GJ); the TNO 2006 report in the corpus documents the replaced 56.1; exact current value not retrieved",
        carrier="natural_gas",
    )
    t.add(
        "emission_factor",
        EF["coal"],
        "t/TJ",
        S_IPCC + " (coking coal 94.6)",
        figure_year=2006,
        note="applied to the coking coal/PCI input of the steelworks, so the process gases burnt in power plants are counted in full",
        carrier="coal",
    )
    t.add(
        "emission_factor",
        EF["oil"],
        "t/TJ",
        S_IPCC + " (refinery gas 57.6, residual fuel oil 77.4)",
        figure_year=2006,
        estimate=True,
        low=57.6,
        high=77.4,
        method="weighted mix dominated by refinery/cracker fuel gas (about 85 % at 57.6) with residues/fuel oil (about 15 % at 77.4)",
        carrier="oil",
    )
    for c, src in (
        ("electricity", "ETS scope: no direct emissions on site"),
        ("hydrogen", "no direct CO2 on combustion"),
        ("biomethane", "biogenic CO2 counts as zero in ETS (MRR 2018/2066 Art. 38)"),
    ):
        t.add("emission_factor", 0.0, "t/TJ", src, carrier=c)

    # prices
    def price(carrier, par, y, v, unit, src, est, meth, lo=None, hi=None, fy=None, note=""):
        t.add(
            par,
            v,
            unit,
            src,
            figure_year=fy,
            estimate=est,
            method=meth,
            low=lo,
            high=hi,
            note=note,
            carrier=carrier,
            year=y,
        )

    price(
        "natural_gas",
        "price",
        2025,
        40,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}",
        True,
        "2024 TTF observations 34.6-46.7 EUR/MWh rounded to 40 for 2025",
        30,
        55,
        2024,
    )
    price(
        "natural_gas",
        "price",
        2030,
        30,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}; {S_ETM_CAR} (natural gas EUR 53.2/MWh in the nl2023 dataset)",
        True,
        "assumption: 25 % below the 2024 TTF observations (34.6-46.7, PZEM/ENGIE) for the LNG supply growth "
        "expected by 2030; no KEV or forward path retrieved; high 50 near ETM's 2023 value",
        20,
        50,
        2024,
    )
    price(
        "natural_gas",
        "price",
        2035,
        30,
        "EUR/MWh",
        f"{S_PZEM}; {S_ENGIE}",
        True,
        "held at the 2030 level (see the 2030 row)",
        20,
        50,
        2024,
    )
    price(
        "natural_gas",
        "network_tariff",
        2025,
        1.5,
        "EUR/MWh",
        S_TTF_NETWORK,
        True,
        "assumption: exit and transport charges of a large industrial connection to the Gasunie grid, of the "
        "order of EUR 1-2/MWh; no tariff table retrieved",
        1.0,
        3.0,
        2024,
    )
    gas_tax, gas_tax_method = gas_energy_tax()
    price(
        "natural_gas",
        "energy_tax",
        2025,
        round(gas_tax, 2),
        "EUR/MWh",
        f"{S_EB_GAS}; {S_MIDDEN_SITES}",
        True,
        gas_tax_method,
        0.0,
        round(GAS_TAX_TIER["1M-10M"] / GAS_MWH_LHV_PER_M3, 2),
        2025,
        note="low: exempt uses; high: a site using 1-10 million m3/yr. Held after 2025; the tiers below "
        "10M m3 rise again in 2026 (Belastingplan 2026, engie.nl), not retrieved",
    )
    price(
        "electricity",
        "price",
        2025,
        71.1,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "FME 2025 all-in EUR 88/MWh minus network tariff (15) and energy tax (1.88), rounded",
        60,
        90,
        2025,
    )
    price(
        "electricity",
        "price",
        2030,
        65,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "assumption: the 2025 commodity price (71.1, FME 2025 less network and tax) falling about 10 % with the "
        "offshore-wind build-out to 2030; no KEV path retrieved",
        50,
        90,
        2025,
    )
    price(
        "electricity",
        "price",
        2035,
        60,
        "EUR/MWh",
        f"{S_FME}; {S_EBRIDGE}",
        True,
        "assumption: a further 8 % below 2030 (see the 2030 row); no KEV path retrieved",
        45,
        90,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2025,
        15,
        "EUR/MWh",
        S_EBRIDGE + "; " + S_TENNET,
        True,
        "assumed share of TenneT HV/EHV tariffs in the all-in large-user price after the 2023-2024 increases",
        10,
        20,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2030,
        18.7,
        "EUR/MWh",
        S_TENNET,
        True,
        "2025 value +4.5 %/yr real",
        None,
        None,
        2025,
    )
    price(
        "electricity",
        "network_tariff",
        2035,
        23.3,
        "EUR/MWh",
        S_TENNET,
        True,
        "2025 value +4.5 %/yr real",
        None,
        None,
        2025,
    )
    price(
        "electricity",
        "energy_tax",
        2025,
        1.88,
        "EUR/MWh",
        S_EB_EL,
        True,
        "the > 10 million kWh business-use tier (2024, EUR 0.00188/kWh): ETS sites use more than 10 GWh/yr "
        "per connection, so their marginal MWh pays this tier; 2025 value not retrieved, 2024 held",
        0.0,
        38.14,
        2024,
        note="low: exempt electrolytic and metallurgical use; high: a site below 10 GWh/yr (2025 tier "
        "50,000-10M kWh, EUR 0.03814/kWh)",
    )
    energy_tax_by_user(t, gas_tax)
    price(
        "biomethane",
        "price",
        2025,
        95,
        "EUR/MWh",
        f"{S_SDE_GG}; {S_ETM_CAR} (greengas EUR 63.6/MWh)",
        True,
        "TTF (40) + GvO value EUR 0.50/m3 (31.65 MJ/m3 -> EUR 57/MWh)",
        63.6,
        190,
        2024,
        note="high = SDE++ 2023 base amount EUR 1.92/Nm3 converted at 35.17 MJ/Nm3",
    )
    price(
        "biomethane",
        "price",
        2035,
        85,
        "EUR/MWh",
        f"{S_SDE_GG}; {S_ETM_CAR} (greengas EUR 63.6/MWh)",
        True,
        "assumption: the 2025 derivation (TTF + GvO) with TTF 30 (the 2035 gas row) and a lower GvO premium",
        60,
        190,
        2024,
    )
    price(
        "coal",
        "price",
        2025,
        7.0,
        "EUR/GJ",
        f"{S_COKING_COAL}; {S_ECB_FX_2024}",
        True,
        "premium hard coking coal, mean of 2024 (USD 242/t) and 2025 (187) = USD 214.5/t / 1.0824 = EUR 198/t "
        "/ 28.2 GJ/t = EUR 7.0/GJ; PCI coal is cheaper, freight is not added",
        5,
        10,
        2024,
    )
    price(
        "oil",
        "price",
        2025,
        40,
        "EUR/MWh",
        f"{S_BRENT}; {S_PZEM}; {S_ECB_FX_2024}",
        True,
        "assumption: opportunity value of refinery/cracker fuel gas and fuel oil, between TTF 2024 (34.6-46.7 "
        "EUR/MWh) and Brent 2024 (USD 80/b / 1.0824 / 1.70 MWh per barrel = EUR 43/MWh)",
        30,
        55,
        2024,
    )
    n["carriers_prices"] = t.write()

    # --------------------------------------------------------------- ETS
    t = Table("ets")
    for y, v, lo, hi, src, est, m in (
        (
            2025,
            75,
            65,
            95,
            f"{S_PZEM}; {S_VEYT}",
            True,
            "base: 2023-24 observed EUA 66-77 EUR/t; high: Veyt forecast 2025 (95)",
        ),
        (
            2027,
            100,
            70,
            160,
            S_VEYT,
            True,
            "base: assumed rise with MSR/cap tightening; high: Veyt 2027 (160)",
        ),
        (
            2030,
            130,
            80,
            160,
            S_VEYT,
            True,
            "base: midway between 2024 level and Veyt 2030 (160); high: Veyt",
        ),
        (
            2035,
            180,
            100,
            200,
            f"{S_VEYT}; {S_CP}",
            True,
            "base: below analysts' EUR 200 (Carbon Pulse 2024); high: Carbon Pulse 2035",
        ),
    ):
        t.add(
            "ets_price",
            v,
            "EUR/t",
            src,
            figure_year=2024,
            estimate=est,
            method=m,
            low=lo,
            high=hi,
            year=y,
        )
    cb = {
        2025: 0.0,
        2026: 0.025,
        2027: 0.05,
        2028: 0.10,
        2029: 0.225,
        2030: 0.485,
        2031: 0.61,
        2032: 0.735,
        2033: 0.86,
        2034: 1.0,
    }
    for y, v in cb.items():
        t.add("cbam_phase_out", v, "1", S_CBAM, figure_year=y, year=y)
    for y, v, m in (
        (
            2025,
            1.0,
            "2021-2025 benchmarks applied in full (no cross-sectoral correction applied 2021-2025)",
        ),
        (
            2026,
            0.92,
            "2026-2030 benchmark update: Directive 2023/959 allows 0.3-2.5 %/yr cuts for 5 more years; about 8 % assumed",
        ),
        (2030, 0.92, "held"),
        (2031, 0.85, "assumed further benchmark update for 2031-2035"),
        (2035, 0.85, "held"),
    ):
        t.add(
            "free_allocation_factor", v, "1", S_CBAM + "; " + S_BM, estimate=True, method=m, year=y
        )
    BM = [
        (
            "steel",
            "crude_steel",
            1.41,
            "t/t",
            True,
            "hot metal 1.288 t/t (=1.328 x 0.97) x 0.9 t hot metal/t steel + coke 0.217 x 0.35 t/t + sinter 0.157 x 1.1 t/t (shares assumed)",
        ),
        (
            "ammonia",
            "ammonia",
            1.570,
            "t/t",
            True,
            "phase-3 value 1.619 x 0.97 (minimum update cut, named for ammonia in the draft-regulation analysis)",
        ),
        (
            "petrochemicals",
            "hvc",
            0.681,
            "t/t",
            True,
            "phase-3 steam-cracking value 0.702 x 0.97 (minimum update cut)",
        ),
        (
            "hydrogen",
            "hydrogen",
            6.84 / LHV_H2,
            "t/GJ",
            True,
            "6.84 t CO2/t H2 (2021-2025 value as recalled; phase-3 8.85) / 120 GJ/t",
        ),
        ("refining", "hydrotreating", 0.0, "t/GJ", False, ""),
    ]
    for s, svc, v, u, est, m in BM:
        t.add(
            "free_allocation_benchmark",
            round(v, 5),
            u,
            S_BM,
            figure_year=2021,
            estimate=est,
            method=m,
            sector=s,
            service=svc,
        )
    for (s, svc), (ou, _) in SERVICES.items():
        if ou != "PJ" or s in ("hydrogen",) or svc == "hydrotreating":
            continue
        if svc == "heat_high":
            t.add(
                "free_allocation_benchmark",
                round(42.6 / FURNACE_ETA, 2),
                "t/TJ",
                S_BM + " (fuel benchmark 42.6 t/TJ fuel = 56.1 x 0.76)",
                figure_year=2021,
                estimate=True,
                method="fuel benchmark per TJ fuel / furnace efficiency 0.8 -> per TJ useful heat; product benchmarks (glass, bricks, lime, CWT) not mapped",
                sector=s,
                service=svc,
            )
        else:
            t.add(
                "free_allocation_benchmark",
                47.3,
                "t/TJ",
                S_BM + " (heat benchmark 47.3 t/TJ = 62.3 x 0.76)",
                figure_year=2021,
                estimate=True,
                method="heat benchmark applied per TJ of useful heat; product benchmarks (e.g. refinery CWT, paper) not mapped",
                sector=s,
                service=svc,
            )
    n["ets"] = t.write()

    # --------------------------------------------------------------- economics
    t = Table("economics")
    t.add(
        "discount_rate",
        0.08,
        "1/yr",
        S_DISC,
        estimate=True,
        low=0.0225,
        high=0.10,
        method="industrial (private) real WACC/hurdle rate assumed for investment decisions; low = social discount rate 2.25 % ("
        + S_DISC
        + ")",
    )
    t.add(
        "price_base_year",
        2024,
        "calendar year",
        "price year of the dataset's energy prices and ETS price (carriers_prices.csv, ets.csv: "
        "2024-2025 figures); CBS (2023) Inflatie 10 procent in 2022, cbs.nl/nl-nl/nieuws/2023/02/"
        "inflatie-10-procent-in-2022 (CPI +2.7 % in 2021, +10.0 % in 2022)",
        figure_year=2024,
        estimate=True,
        method="money figures are taken as published, in euros of their figure_year, without "
        "deflating: energy prices, tariffs, taxes and the ETS price are 2024-2025 figures, "
        "budgets nominal euros of their rounds, capex and fixed O&M mostly MIDDEN figures in "
        "2019-2021 euros; the dataset declares 2024, the year of its prices, as its price base "
        "year. The technology costs are therefore understated by the consumer-price rise since "
        "their figure year (CBS CPI: +2.7 % in 2021, +10.0 % in 2022)",
        note="an assumption about the whole dataset, not a figure of one source",
    )
    n["economics"] = t.write()

    # --------------------------------------------------------------- grid
    t = Table("grid")
    base_mw = base_grid_load()
    # Headroom for new modelled load before the cluster's reinforcement [estimate, see method]
    HEADROOM = {
        "rotterdam_moerdijk": (
            500,
            "Maasvlakte is outside the congestion area (ANP Dec 2024: almost all of Zuid-Holland congested, "
            "Maasvlakte, Westland and Alblasserdam excepted) and hosts the 200 MW Holland Hydrogen 1 and "
            "ELYgator electrolysers with their own high-voltage connections (400 MW); about 100 MW more "
            "assumed for the rest of the port through non-firm/time-bound transport contracts, against 570 MW "
            "of current port capacity and > 1,800 MW of requests",
        ),
        "noordzeekanaalgebied": (
            100,
            "assumed: NZKG is congested; about 100 MW of new industrial load possible through non-firm "
            "contracts before Tata's own 380 kV connection (order of one large e-boiler project)",
        ),
        "zeeland_west_brabant": (
            425,
            "425 of the 715 MW waitlist connectable (TenneT/Stedin, Jun 2024)",
        ),
        "noord_nederland": (
            50,
            "Delfzijl: about 300 MW available against 665 MW of demand (CES Noord-Nederland), Groningen 110 kV "
            "full since end 2023; about 50 MW assumed through non-firm contracts and congestion management",
        ),
        "chemelot": (
            50,
            "June 2022 connection stop for Brabant and Limburg (800 MW of requests); about 50 MW assumed through "
            "congestion management and non-firm contracts before the Graetheide 380 kV station",
        ),
        "cluster6": (
            100,
            "congestion in nearly all provinces; dispersed sites connect to the distribution grid; about 100 MW "
            "assumed connectable nationwide, growing with the DSOs' reinforcements (see 2030/2035 rows)",
        ),
    }
    REINF = {
        "rotterdam_moerdijk": [
            (
                2029,
                1800,
                "3 Simonshaven transformers 2027-2029; Stedin: room around Rotterdam from 2029; the 1,800 MW of 2022 requests assumed connectable from 2029",
            )
        ],
        "chemelot": [
            (
                2033,
                500,
                "new 380 kV Graetheide station, delivery 2031-2034 (mid 2033); 500 MW of the 800 MW Brabant+Limburg requests assumed for Chemelot",
            )
        ],
        "zeeland_west_brabant": [
            (
                2032,
                1500,
                "TenneT > EUR 1bn, full relief 2029-2035; 1,500 MW of the 3.5 GW requests assumed from 2032",
            )
        ],
        "noord_nederland": [
            (2032, 365, "new connections from 2032: Delfzijl demand 665 MW vs 300 MW available"),
            (2034, 500, "full expansion 2034; 500 MW assumed"),
        ],
        "noordzeekanaalgebied": [
            (
                2029,
                1000,
                "Tata Steel's own 380 kV customer connection (two bays) at TenneT's Zeestraat station in "
                "Wijk aan Zee, the landing of Net op zee Hollandse Kust (noord), (west Alpha) and (west Beta), "
                "onshore works completed Dec 2024 (the IJmuiden Ver links land elsewhere: Alpha at Borssele, "
                "Beta at the Maasvlakte); 1,000 MW and 2029, ahead of the stage-1 DRP/EAF, assumed",
                S_ZEESTRAAT,
            )
        ],
        "cluster6": [
            (
                2030,
                100,
                "distribution-grid reinforcements (Landelijk Actieprogramma Netcongestie): +100 MW assumed by 2030",
            ),
            (2035, 200, "+200 MW more assumed by 2035"),
        ],
    }
    for c, mw in base_mw.items():
        head, hmeth = HEADROOM[c]
        cum = mw + head
        t.add(
            "grid_capacity",
            round(cum, 1),
            "MW",
            S_GRID,
            figure_year=2025,
            estimate=True,
            method=f"base-year electricity use of the dataset's reference routes ({mw:.0f} MW = PJ/yr / full-load hours) "
            f"+ {head} MW of headroom for new load before reinforcement: {hmeth}",
            cluster=c,
            year=2025,
        )
        for y, add, note, *extra in REINF[c]:
            source = "; ".join([S_GRID, *extra])
            t.add(
                "grid_capacity",
                round(cum, 1),
                "MW",
                S_GRID,
                estimate=True,
                method="held until the reinforcement year",
                cluster=c,
                year=y - 1,
            )
            cum += add
            t.add(
                "grid_capacity",
                round(cum, 1),
                "MW",
                source,
                figure_year=y,
                estimate=True,
                method=f"+{add} MW: {note}",
                cluster=c,
                year=y,
            )
    for c in CLUSTERS:
        cost = 1.0 if c == "cluster6" else 0.5
        t.add(
            "grid_expansion_cost",
            cost,
            "MEUR/MW",
            S_KB + " (cluster 6: high connection costs, far from substations)"
            if c == "cluster6"
            else S_GRID,
            estimate=True,
            method="assumed connection + reinforcement cost charged to industry; cluster 6 doubled for distance to substations",
            low=0.3,
            high=1.5,
            cluster=c,
        )
        lt = {
            "rotterdam_moerdijk": 5,
            "noordzeekanaalgebied": 5,
            "zeeland_west_brabant": 7,
            "noord_nederland": 7,
            "chemelot": 8,
            "cluster6": 4,
        }[c]
        t.add(
            "grid_expansion_lead_time",
            lt,
            "yr",
            S_GRID,
            estimate=True,
            method="assumed years before a paid extra connection is in service, from the cluster's reinforcement timeline (cluster 6: distribution-grid connections, shorter)",
            cluster=c,
        )
    t.add(
        "grid_expansion_lifetime",
        40,
        "yr",
        S_GRID,
        estimate=True,
        method="assumption: lifetime of high-voltage connections and substations (40 yr); no TenneT figure retrieved",
    )
    n["grid"] = t.write()

    # --------------------------------------------------------------- subsidies
    t = Table("subsidies")
    write_sde_rounds(t)
    t.add(
        "subsidy_budget",
        211,
        "MEUR",
        S_KB + " (first NIKI opening: EUR 211M available, EUR 364M requested)",
        figure_year=2025,
        instrument="niki",
        year=2025,
    )
    for y in range(2026, 2031):
        t.add(
            "subsidy_budget",
            round((1200 - 211) / 5, 1),
            "MEUR",
            S_NIKI,
            estimate=True,
            method="remaining EUR 989M of the EUR 1.2bn approved scheme spread over 2026-2030",
            instrument="niki",
            year=y,
        )
    t.add(
        "subsidy_budget",
        0,
        "MEUR",
        S_NIKI,
        estimate=True,
        method="no budget known after the approved scheme",
        instrument="niki",
        year=2031,
    )
    write_niki_rounds(t)
    t.add(
        "subsidy_budget",
        82,
        "MEUR",
        S_VEKI,
        figure_year=2021,
        estimate=True,
        method="2021 budget held constant",
        instrument="veki",
        year=2025,
    )
    t.add(
        "subsidy_budget",
        93.7,
        "MEUR",
        S_DEI,
        figure_year=2025,
        estimate=True,
        method="2025 cash line held constant",
        instrument="dei_plus",
        year=2025,
    )
    # SDE++ operating rates: avoided CO2 x EUR 300/t ceiling
    for r in ROUTES:
        if (
            r.rclass in ("electrification", "ccs", "biogas", "blue_hydrogen")
            or r.label == "hydrogen_electrolysis"
        ):
            if r.first_year > 2035 or r.label.startswith("steel_scrap") or r.label in NO_SDE:
                continue
            if "_hybrid_" in r.label or r.rclass == "biogas":
                continue  # flexible e-boilers are Flex-e's; green gas is paid to its producers
            ref = (
                ref_route(r.sector, r.service)
                if r.sector != "hydrogen"
                else ROUTE_BY["hydrogen_smr"]
            )
            avoided = ref.net_emissions() - r.net_emissions()
            if avoided <= 0:
                continue
            unit = "EUR/t" if r.unit == "Mt" else "EUR/GJ"
            val = avoided * 300  # t/t x EUR/t = EUR/t ; Mt/PJ = t/GJ, x EUR/t = EUR/GJ
            t.add(
                "operating_subsidy_rate",
                round(val, 3),
                unit,
                S_SDE24,
                estimate=True,
                method=f"avoided CO2 vs reference ({avoided:.4f} t per {'t' if r.unit == 'Mt' else 'GJ'}) x EUR 300/t (SDE++ 2023 maximum outside the hekjes); SDE++ 2025 base amounts not retrieved",
                instrument="sde_pp",
                route=r.label,
            )
            if r.label.endswith(("_e_boiler", "_heat_pump")) and "_hybrid_" not in r.label:
                t.add(
                    "operating_subsidy_rate",
                    round(avoided * 400, 3),
                    unit,
                    S_SDE_HEKJES,
                    estimate=True,
                    method=f"avoided CO2 vs reference ({avoided:.4f} t per {'t' if r.unit == 'Mt' else 'GJ'}) "
                    "x EUR 400/t (maximum inside the hekjes since 2023); electric boilers and industrial "
                    "heat pumps are the high-temperature-heat domain's categories",
                    instrument="sde_pp_ht_heat",
                    route=r.label,
                )
    for ins in ("sde_pp", "sde_pp_ht_heat"):
        t.add(
            "subsidy_duration",
            15,
            "yr",
            S_SDE24 + " (SDE++ contracts 12-15 yr; CCS and industrial heat 15 yr)",
            estimate=True,
            method="15 yr used for all categories",
            instrument=ins,
        )
    GRANTS = {
        "niki": (
            0.4,
            [
                "steel_h2_dri_eaf",
                "steel_bf_bof_ccs",
                "petrochemicals_h2_cracker",
                "ammonia_h2",
                "hydrogen_atr_ccs",
            ]
            + [
                r.label
                for r in ROUTES
                if r.label.endswith("_electric_furnace") or r.label.endswith("_h2_furnace")
            ],
        ),
        "veki": (
            0.3,
            [
                r.label
                for r in ROUTES
                if r.label.endswith("_heat_pump")
                or (r.label.endswith("_e_boiler") and "_hybrid_" not in r.label)
                or r.label.endswith("_h2_boiler")
            ]
            + ["steel_scrap_eaf"],
        ),
        "dei_plus": (
            0.25,
            [
                r.label
                for r in ROUTES
                if r.label.endswith("_electric_furnace") or r.label.endswith("_h2_furnace")
            ]
            + ["petrochemicals_h2_cracker"],
        ),
    }
    GRANT_SRC = {
        "niki": S_NIKI,
        "veki": S_VEKI,
        "dei_plus": S_DEI,
    }
    for ins, (share, routes) in GRANTS.items():
        for rl in routes:
            t.add(
                "grant_share",
                share,
                "1",
                GRANT_SRC[ins],
                estimate=True,
                method="assumed aid intensity (EU GBER/CEEAG ranges 25-50 %); eligibility by technology maturity",
                instrument=ins,
                route=rl,
            )
    for y, v, src, est, m in (
        (2025, 167.4, S_IKC, False, ""),
        (2026, 129.2, S_IKC, False, ""),
        (2027, 200, S_IKC, False, ""),
        (2028, 150, S_IKC + " (one extra year, about EUR 150M)", False, ""),
        (
            2029,
            150,
            S_IKC + "; " + S_KB,
            True,
            "IKC held at the last budgeted level (EUR 150M, 2028). The policy letter reserves resources for EII "
            "electricity costs 'oplopend tot 1 miljard per jaar vanaf 2029', of which the IKC extension to 22 "
            "(sub)sectors is only a first step; the rest is a separate envelope whose spending options are not "
            "decided: it is electricity_rebate_budget (policy electricity_rebate, off in base)",
        ),
        (
            2035,
            150,
            S_IKC + "; " + S_KB,
            True,
            "held to 2035; the rest of the EUR 1 bn/yr (850) is electricity_rebate_budget",
        ),
    ):
        t.add("ikc_budget", v, "MEUR", src, figure_year=y, estimate=est, method=m, year=y)
    for y in (2025, 2035):
        t.add(
            "ikc_emission_factor",
            0.72,
            "t/MWh",
            S_EU_SA,
            figure_year=2021,
            note="the amendment C/2026/196 updates the factors for 2026-2030; the new NL value was not "
            "retrieved, so the 2021-2025 factor is held"
            if y == 2035
            else "",
            year=y,
        )
    write_ikc_eligibility(t)
    n["subsidies"] = t.write()

    # --------------------------------------------------------------- CO2
    t = Table("co2")
    for y, v, est, m in (
        (2025, 0.0, False, "no storage in operation"),
        (
            2026,
            3.3,
            True,
            "Porthos 2.5 Mt/yr from 2026 (fully contracted to Air Liquide, Air Products, ExxonMobil, Shell) + 0.8 Mt/yr Yara Sluiskil by ship to Northern Lights (Norway)",
        ),
        (2029, 3.3, True, "held"),
        (
            2030,
            5.8,
            True,
            "Porthos 2.5 + Northern Lights 0.8 + Aramis 2.5: Aramis construction completes in 2030 (FID 2026), so half of its initial 5 Mt/yr is assumed for the start-up year",
        ),
        (2031, 8.3, True, "Porthos 2.5 + Northern Lights 0.8 + Aramis initial 5 Mt/yr"),
        (
            2035,
            17.3,
            True,
            "Porthos 2.5 + Northern Lights 0.8 + Aramis 14 Mt/yr (upper end of PBL's 5-14 Mt in 2030, reached by 2035)",
        ),
    ):
        t.add(
            "co2_storage_capacity",
            v,
            "Mt/yr",
            S_PORTHOS + "; " + S_ARAMIS + "; " + S_YARA_NL,
            figure_year=y,
            estimate=est,
            method=m if est else "",
            note="" if est else m,
            year=y,
        )
    t.add(
        "co2_transport_storage_tariff",
        54.8,
        "EUR/t",
        S_MIDDEN_TC
        + " TC0478: O&M incl. transport & storage at the Porthos tariff EUR 54.8/t (51.4-56.9)",
        figure_year=2020,
        estimate=True,
        low=51.4,
        high=56.9,
        method="MIDDEN's capture O&M incl. T&S used as one tariff; the official Porthos tariff was not found; CCS routes carry only 2-3 % capex as fixed O&M",
        year=2025,
    )
    for y, v, src, est, m in LEVY_RATE:
        t.add(
            "co2_levy_rate",
            v,
            "EUR/t",
            src,
            figure_year=y,
            estimate=est,
            method=m,
            note="ETS firms pay the rate less the EUA price; the base ETS path (EUR 87.5 in 2026, 130 in 2030) "
            "stays above EUR 78.67 from 2026, so the levy bites only in 2025 unless the ETS price is lower. "
            "The Kamerbrief EII 2026 abolishes the levy (the base scenario switches it off)",
            year=y,
        )
    for (s, c), e in sorted(TARGET.items()):
        for y, f, m in LEVY_DISPENSATION_FACTOR:
            t.add(
                "co2_levy_dispensation",
                round(e * f, 4),
                "Mt",
                S_NEA_DPR,
                figure_year=y,
                estimate=True,
                method=f"base-year emissions x reduction factor {f:.3f} ({m}); the law applies the factor to "
                "benchmark-based allocation, approximated here by base-year emissions",
                sector=s,
                cluster=c,
                year=y,
            )
    n["co2"] = t.write()

    # --------------------------------------------------------------- supply
    t = Table("supply")
    for y, v, m in (
        (
            2025,
            2.0,
            "0.23 bcm national production (2022) = 7 PJ; assumed 2 PJ reachable by industry (blending obligation goes to the built environment)",
        ),
        (2030, 15.0, "2 bcm target (63 PJ at 31.65 MJ/m3) x about 25 % for industry"),
        (2035, 25.0, "assumed growth beyond the 2030 target"),
    ):
        t.add(
            "supply_limit",
            v,
            "PJ/yr",
            S_RABO,
            figure_year=y,
            estimate=True,
            method=m,
            carrier="biomethane",
            year=y,
        )
    for route, source, points in (
        (
            "hydrogen_import",
            f"{S_KB}; {S_ARAMIS}",
            (
                (2029, 0.0, "no import pipeline before 2030"),
                (2030, 5.0, "assumed first pipeline volumes (about 0.04 Mt H2)"),
                (
                    2035,
                    30.0,
                    "assumed (about 0.25 Mt H2/yr by pipeline); with hydrogen_import_ammonia the 60 PJ "
                    "(0.5 Mt H2/yr) of imports assumed before the two import routes were split",
                ),
            ),
        ),
        (
            "hydrogen_import_ammonia",
            f"{S_POR_IMPORT}; {S_H2GLOBAL}",
            (
                (
                    2029,
                    0.0,
                    "no cracker before 2030 (first ammonia deliveries 2027 are used as ammonia)",
                ),
                (2030, 5.0, "assumed first cracked volumes (about 0.04 Mt H2, 0.33 Mt NH3)"),
                (
                    2035,
                    30.0,
                    "assumed 0.25 Mt H2/yr for Dutch users: a quarter of the port's central-cracker "
                    "study (1 Mt H2/yr), the rest going on to Germany and Belgium",
                ),
            ),
        ),
    ):
        for y, v, m in points:
            t.add(
                "route_activity_limit",
                v,
                "PJ/yr",
                source,
                figure_year=y,
                estimate=True,
                method=m,
                route=route,
                year=y,
            )
    # Committed projects that run under contract or obligation [estimate: capacity x availability]
    committed = (
        (
            "refining_heat_high_fuel_furnace_ccs",
            ((2025, 0.0), (2026, 19.2824 * 0.9)),
            S_PORTHOS,
            "Porthos capture at the ExxonMobil and Shell refineries (existing_capacity 19.28 PJ/yr of "
            "furnace heat from 2026) runs at its availability 0.9 under its SDE++ 2020 contract (15 yr)",
        ),
        (
            "hydrogen_smr_ccs",
            ((2025, 0.0), (2026, 19.2417 * 0.9)),
            S_PORTHOS,
            "Porthos capture on the Air Liquide and Air Products SMRs (19.24 PJ/yr H2, build_limit 2026) "
            "runs at its availability 0.9 under its SDE++ 2020 contract (15 yr)",
        ),
        (
            "hydrogen_electrolysis",
            ((2026, 0.0), (2027, 3.91314 * 0.57), (2028, (3.91314 + 1.3696) * 0.57)),
            S_HH1 + "; " + S_ELYGATOR,
            "Holland Hydrogen 1 (200 MW, 3.91 PJ/yr H2 nameplate, from 2027) and the Dutch-user part of "
            "ELYgator (1.37 PJ/yr, from 2028) run at the route's availability 0.57",
        ),
    )
    for route, points, source, method in committed:
        for y, v in points:
            # rounded down: a minimum above what the capacity can give would be infeasible
            t.add(
                "route_activity_minimum",
                math.floor(v * 1e4) / 1e4,
                "PJ/yr",
                source,
                figure_year=y,
                estimate=True,
                method=method,
                route=route,
                year=y,
            )
    n["supply"] = t.write()
    n["life_cycle"] = write_life_cycle()
    return n


# ------------------------------------------------------------------------ life cycle
S_DELEGATED_ACT = (
    "Commission Delegated Regulation (EU) 2025/2359 of 8 July 2025 (C(2025) 4674), GHG methodology for "
    "low-carbon fuels: fossil comparator 94 g CO2e/MJ, low-carbon threshold 70 % below it (28.2 g CO2e/MJ = "
    "3.38 kg CO2e/kg H2); default upstream CO2 of natural gas 4.9 g CO2/MJ (as reported by Agence Europe "
    "bulletin 13677/21, 2025-07-09, and White & Case, 2025)"
)
S_METHANE = (
    "methane leakage: low end the Delegated Act's lowered default methane intensity (0.19 g CO2e/MJ, about "
    "0.04 % leakage; Agence Europe 13677/21, 2025); high end the IEA Methane Tracker global average of 3.2 % "
    "cited by EDF Europe et al. open letter (2025-02-06)"
)
S_GWP = "IPCC AR6 WG1 (2021) Table 7.15: GWP100 of fossil methane 29.8"
S_GRID_NL = (
    "CE Delft (2022) Ketenemissies elektriciteit, actualisatie elektriciteitsmix 2021, for CO2emissiefactoren.nl "
    "(ce.nl): Dutch electricity 300 g CO2/kWh at generation in 2021 (374 with chain emissions)"
)
S_RFNBO = (
    "Commission Delegated Regulation (EU) 2023/1185 (RFNBO GHG methodology): renewable hydrogen and its "
    "derivatives must save 70 % against 94 g CO2e/MJ (at most 28.2 g CO2e/MJ, 3.38 kg CO2e/kg H2), imports "
    "included; electricity from a directly connected renewable installation counts as zero and emissions "
    "from the manufacture of machinery and equipment are not taken into account"
)
S_DECHEMA = (
    "DECHEMA (2017) Low carbon energy and feedstock for the European chemical industry, as compiled in PyPSA "
    "technology-data inputs/manual_input.csv (commit 634cdc1): Haber-Bosch 1.1484 MWh H2 and 0.2473 MWh_e "
    "per MWh NH3; Danish Energy Agency, Technology Data for Energy Transport (2021), H2 140 bar pipeline "
    "0.0185 MW_e per 1000 km per MW H2 (same compilation)"
)


def import_life_cycle():
    """kg CO2e per kg H2 of the two import routes (central, low, high) with how they are made.

    As the EU methodology prescribes, electricity from renewable plants connected directly to
    the electrolyser counts as zero and the manufacture of equipment is not counted (the
    same holds for hydrogen_offshore_electrolysis, which therefore has no upstream row).
    """
    compression = 2 * 0.0185 * LHV_H2 / 3.6  # kWh_e/kg over 2,000 km of pipeline
    ceiling = 0.3 * 94 * LHV_H2 / 1000  # kg CO2e/kg H2 at the 70 % saving
    to_kg = NH3_PER_H2 * LHV_H2 / 1000  # kg CO2e per GJ NH3 -> per kg H2 at the cracker
    return {
        "hydrogen_import": (
            (compression * 0.3, compression * 0.1, ceiling),
            f"{S_RFNBO}; {S_DECHEMA}",
            f"renewable hydrogen made abroad counts zero (directly connected renewable electricity, "
            f"equipment not counted); compression over 2,000 km of pipeline ({compression:.2f} kWh_e/kg) "
            "at 0.3 kg CO2/kWh (assumed, the transit countries' grids); low at 0.1 kg/kWh; high: the "
            "RFNBO ceiling (70 % saving) that imports must meet",
        ),
        "hydrogen_import_ammonia": (
            (1.5 * to_kg, 0.0, ceiling * NH3_PER_H2),
            f"{S_RFNBO}; {S_CRACKER}",
            "renewable ammonia made abroad counts zero for its hydrogen and synthesis power (as above); "
            "shipping 1.5 kg CO2 per GJ NH3 on fuel oil (assumed: about 12,000 km, a few percent of the "
            f"cargo's energy) x {NH3_PER_H2} GJ NH3 per GJ H2 at the cracker (its heat from ammonia, no "
            "CO2); low: ammonia-fuelled ships; high: ammonia at the RFNBO ceiling of 28.2 g CO2e/MJ",
        ),
    }


def write_life_cycle():
    """life_cycle.csv: upstream emission factors, methane leakage, the EU threshold, import
    life-cycle emissions and the solid carbon of pyrolysis (for the life-cycle intensity of
    hydrogen and the upstream_emissions switch)."""
    t = Table("life_cycle")
    for y in (2025, 2035):
        t.add(
            "upstream_emission_factor",
            4.9,
            "g/MJ",
            S_DELEGATED_ACT,
            figure_year=2025,
            estimate=y != 2025,
            method="" if y == 2025 else "the Delegated Act's default held to 2035",
            carrier="natural_gas",
            year=y,
        )
    for y, v, low, high, m in (
        (
            2025,
            0.25,
            0.2,
            0.3,
            "CE Delft's 0.30 kg/kWh of 2021 lowered for the growth of wind and solar since",
        ),
        (2030, 0.15, 0.08, 0.25, "coal exit by 2029 and about 21 GW offshore wind by 2032"),
        (
            2035,
            0.10,
            0.05,
            0.2,
            "gas plants at the margin in fewer hours; no published 2035 figure used",
        ),
    ):
        t.add(
            "upstream_emission_factor",
            v,
            "kg/kWh",
            S_GRID_NL,
            figure_year=2021,
            estimate=True,
            method=f"CO2 at generation of Dutch grid electricity, estimate: {m}; used for the life-cycle "
            "intensity of grid electrolysis (under the EU ETS, so the upstream switch never counts it)",
            low=low,
            high=high,
            carrier="electricity",
            year=y,
        )
    t.add(
        "methane_leakage_rate",
        0.01,
        "1",
        f"{S_METHANE}; {S_DELEGATED_ACT}",
        figure_year=2025,
        estimate=True,
        method="central 1 % of the methane produced (assumed): between Norwegian pipeline gas (below 0.1 %) "
        "and LNG from shale gas with leaks of a few percent; low and high the two published ends",
        low=0.0004,
        high=0.032,
    )
    t.add("methane_gwp", 29.8, "1", S_GWP, figure_year=2021)
    t.add("fossil_comparator", 94, "g/MJ", S_DELEGATED_ACT, figure_year=2025)
    t.add("low_carbon_saving", 0.7, "1", S_DELEGATED_ACT, figure_year=2025)
    for route, (values, source, method) in import_life_cycle().items():
        t.add(
            "import_life_cycle_emissions",
            round(values[0] / (LHV_H2 / 1000), 4),
            "kg/GJ",
            source,
            estimate=True,
            method=f"{method}; kg CO2e/kg H2 {values[0]:.2f} (low {values[1]:.2f}, high {values[2]:.2f}) "
            "/ 0.12 GJ/kg",
            low=round(values[1] / (LHV_H2 / 1000), 4),
            high=round(values[2] / (LHV_H2 / 1000), 4),
            route=route,
        )
    t.add(
        "solid_carbon_share",
        1.0,
        "1",
        S_PYRO_STOICH,
        estimate=True,
        method="electrically heated reactor: all the methane's carbon leaves as solid carbon, unconverted "
        "methane is recycled; a reactor fired with part of the gas or hydrogen would emit some CO2",
        route="hydrogen_pyrolysis",
    )
    return t.write()


# Energy tax by user: exempt processes (Wbm art. 64 lid 4), reformer feedstock outside the tax,
# cluster 6's higher tier
GAS_EXEMPT_SECTORS = {
    "steel": "metallurgical processes",
    "non_ferrous": "metallurgical processes",
    "glass": "mineralogical processes (glass melting)",
    "ceramics": "mineralogical processes (ceramic kilns and dryers)",
    "cement_lime": "mineralogical processes (cement and lime kilns)",
}
ELECTRICITY_EXEMPT_SECTORS = {
    "steel": "metallurgical processes (electric arc furnaces, rolling)",
    "non_ferrous": "electrolytic and metallurgical processes (aluminium and zinc electrolysis)",
    "hydrogen": "electrolytic processes (water electrolysis)",
}
# stoichiometric reformer feed: CH4 + 2 H2O -> CO2 + 4 H2 needs 802.3 / (4 x 241.8) GJ of gas per GJ
# of hydrogen (LHV); the rest of the reformer's gas (182 TJ per kt H2, MIDDEN TC0352) is fuel
REFORMER_FEED = 802.3 / (4 * 241.8)


def energy_tax_by_user(t, gas_tax):
    """The gas and electricity tax rows per sector and cluster (blank = all)."""
    cluster6 = gas_tax_per_cluster()["cluster6"]
    t.add(
        "energy_tax",
        round(cluster6, 2),
        "EUR/MWh",
        f"{S_EB_GAS}; {S_MIDDEN_SITES}",
        figure_year=2025,
        estimate=True,
        method=f"the marginal tier of cluster 6's taxed sites: 14.3 % of its taxable gas is used at sites "
        f"of 1-10 million m3 (EUR {GAS_TAX_TIER['1M-10M']}/m3), the rest above 10 million m3 (EUR "
        f"{GAS_TAX_TIER['>10M']}/m3), per MWh LHV (MIDDEN installations, tools/dataset_nl/midden_gas_tiers.py)",
        carrier="natural_gas",
        cluster="cluster6",
        year=2025,
    )
    fuel_share = 1 - REFORMER_FEED / (182 / LHV_H2)
    for sector in ("ammonia", "hydrogen"):
        t.add(
            "energy_tax",
            round(gas_tax * fuel_share, 2),
            "EUR/MWh",
            f"{S_WBM64}; {S_EB_GAS}; "
            + S_MIDDEN_TC
            + " TC0352 (SMR 182 TJ gas per kt H2, fuel + feed)",
            figure_year=2025,
            estimate=True,
            method=f"the gas a reformer uses as feedstock is not taxed as fuel: the tax ({gas_tax:.2f} "
            f"EUR/MWh) on the fuel share only, 1 - stoichiometric feed {REFORMER_FEED:.3f} GJ gas per GJ H2 / "
            f"182 TJ per kt H2 ({182 / LHV_H2:.3f} GJ/GJ) = {fuel_share:.2f} (an upper bound: real reformers "
            "burn less than the stoichiometric rest)",
            low=0.0,
            high=round(gas_tax, 2),
            carrier="natural_gas",
            sector=sector,
            year=2025,
        )
    clusters_of = defaultdict(set)
    for s, c, _svc in DEMAND:
        clusters_of[s].add(c)
    for sector, process in GAS_EXEMPT_SECTORS.items():
        # the sector row, and one per cluster 6 so that it wins over the cluster-6 tier
        for cluster in ["", *sorted(c for c in clusters_of[sector] if c == "cluster6")]:
            t.add(
                "energy_tax",
                0.0,
                "EUR/MWh",
                S_WBM64,
                note=f"exempt: natural gas used for {process}",
                carrier="natural_gas",
                sector=sector,
                **({"cluster": cluster} if cluster else {}),
                year=2025,
            )
    for sector, process in ELECTRICITY_EXEMPT_SECTORS.items():
        t.add(
            "energy_tax",
            0.0,
            "EUR/MWh",
            S_WBM64,
            note=f"exempt: electricity used for {process}",
            carrier="electricity",
            sector=sector,
            year=2025,
        )


# ------------------------------------------------------------------------ policy levers
# SDE++ rounds: opening budget per round, the three hekjes of EUR 1 bn (2024), and the share of
# the general pool the modelled routes compete for (CCS: 6.7 of the 12 bn awarded in 2022)
SDE_OPENING = {2023: 8000.0, 2024: 11500.0}
SDE_HEKJE = 1000.0
SDE_CCS_SHARE_2022 = 6.7 / 12.0


def write_sde_rounds(t):
    """SDE++ per round and domain: the general pool and the high-temperature-heat hekje."""
    pool = (SDE_OPENING[2024] - 3 * SDE_HEKJE) * SDE_CCS_SHARE_2022
    for y in range(2025, 2036):
        t.add(
            "subsidy_budget",
            round(pool, 1),
            "MEUR",
            f"{S_SDE_HEKJES}; {S_SDE_2022}",
            figure_year=2024,
            estimate=True,
            method=f"general pool of a round for the modelled routes: (opening budget 2024 EUR "
            f"{SDE_OPENING[2024]:,.0f}M - three hekjes of {SDE_HEKJE:,.0f}M) x {SDE_CCS_SHARE_2022:.3f}, the "
            "share of the SDE++ 2022 awards that went to CCS (the modelled routes that compete in the pool; "
            "renewable electricity and geothermal heat, not modelled, take the rest); the 2025 opening budget "
            "was not retrieved, so the 2024 round is held",
            instrument="sde_pp",
            year=y,
        )
        t.add(
            "subsidy_budget",
            SDE_HEKJE,
            "MEUR",
            S_SDE_HEKJES,
            figure_year=2024,
            estimate=y != 2025,
            method="the 2024 hekje held for later rounds" if y != 2025 else "",
            note="the 2024 hekje (the 2025 round's was not retrieved)" if y == 2025 else "",
            instrument="sde_pp_ht_heat",
            year=y,
        )


def write_niki_rounds(t):
    """NIKI round 1: Reju as a committed draw; the lead time from award to commissioning."""
    t.add(
        "subsidy_awarded",
        135,
        "MEUR",
        S_NIKI_R1,
        figure_year=2026,
        note="Reju Regeneration Hub One (textile recycling to polyester feedstock) is not a modelled route",
        instrument="niki",
        year=2025,
    )
    t.add(
        "subsidy_awarded",
        0,
        "MEUR",
        S_NIKI_R1,
        note="later rounds: no award outside the modelled routes known",
        instrument="niki",
        year=2026,
    )
    t.add(
        "subsidy_lead_time",
        3,
        "yr",
        S_NIKI + "; " + S_NIKI_R1,
        estimate=True,
        method="assumption: a round's award (round 1: opened 2025, decided 2026) funds a commercial-scale "
        "plant commissioned about three years after the opening; the scheme's realisation period was not "
        "retrieved",
        low=2,
        high=5,
        instrument="niki",
    )


# IKC-ETS eligibility: (eligible, aid intensity, how the sector maps to the EU list)
IKC_SECTORS = {
    "steel": (1, 0.80, "NACE 24.10 basic iron and steel: on the 2020 list"),
    "non_ferrous": (1, 0.80, "NACE 24.42-24.44 aluminium, lead/zinc/tin, copper: on the 2020 list"),
    "paper": (1, 0.80, "NACE 17.11/17.12 pulp, paper and paperboard: on the 2020 list"),
    "other_chemicals": (
        1,
        0.80,
        "NACE 20.13 inorganic basic chemicals and 20.16 plastics in primary forms (on the 2020 list); "
        "its organic part (20.14) added in 2026 at 0.75 is not split out",
    ),
    "hydrogen": (1, 0.80, "industrial gases (hydrogen): on the 2020 list"),
    "petrochemicals": (
        1,
        0.75,
        "steam crackers are NACE 20.14 organic basic chemicals, added by the amendment ('organische chemie')",
    ),
    "ammonia": (1, 0.75, "NACE 20.15 fertilisers, added by the amendment ('kunstmeststoffen')"),
    "glass": (1, 0.75, "NACE 23.1x glass activities, added by the amendment"),
    "ceramics": (1, 0.75, "NACE 23.2-23.3x ceramics activities, added by the amendment"),
    "refining": (
        0,
        0.0,
        "NACE 19.20 refined petroleum products: not mapped as eligible (the 2020 list's treatment of "
        "refining was not verified)",
    ),
    "food": (0, 0.0, "food and beverages: not on the list"),
    "cement_lime": (0, 0.0, "cement, lime: not on the list (covered by CBAM)"),
    "other_industry": (0, 0.0, "rest of ETS industry: no single NACE code to map"),
}


def write_ikc_eligibility(t):
    """IKC-ETS eligibility and aid intensity per sector, from consumption year 2025 (C/2026/196)."""
    for sector, (eligible, aid, mapping) in IKC_SECTORS.items():
        source = f"{S_EU_SA} Annex I; {S_EU_SA_2026}; {S_VNCI_IKC}; {S_KB_IKC}"
        t.add(
            "ikc_eligible",
            eligible,
            "1",
            source,
            estimate=True,
            method=f"sector mapped to the EU list: {mapping}; the amendment applies from consumption year "
            "2025 (VNCI), which the 2026 opening pays",
            sector=sector,
        )
        if eligible:
            t.add(
                "ikc_aid_intensity",
                aid,
                "1",
                f"{S_EU_SA_2026}; {S_VNCI_IKC}",
                estimate=True,
                method="0.80 for the sectors eligible before the amendment, 0.75 for the ones it adds",
                low=0.75,
                high=0.80,
                sector=sector,
            )


# The electricity-cost envelope: EUR 1 bn/yr of support from 2029 less the IKC budget
IKC_BUDGET_PAID = {2026: 129.2, 2027: 200.0, 2028: 150.0, 2029: 150.0}
REBATE_NEIGHBOURS = (62.0, 75.0)  # DE, BE all-in EUR/MWh 2025 (FME)
NL_ALL_IN = 88.0


def write_levers():
    """Rows of the policy levers without a file of their own: the electricity-cost envelope,
    Flex-e and the RFNBO obligation."""
    t = Table("policy_levers")
    gap = NL_ALL_IN - sum(REBATE_NEIGHBOURS) / len(REBATE_NEIGHBOURS)
    t.add(
        "electricity_rebate_rate",
        round(gap, 2),
        "EUR/MWh",
        S_FME_NEIGHBOURS + "; " + S_KB_IKC,
        figure_year=2025,
        estimate=True,
        method=f"the letter's aim is a level playing field: the rebate closes the gap between the Dutch "
        f"all-in price ({NL_ALL_IN}) and the mean of the German and Belgian ones "
        f"({sum(REBATE_NEIGHBOURS) / 2:.1f}); the spending option is not decided",
        low=NL_ALL_IN - REBATE_NEIGHBOURS[1],
        high=NL_ALL_IN - REBATE_NEIGHBOURS[0],
    )
    total_2026 = IKC_BUDGET_PAID[2026]
    for y in range(2026, 2036):
        if y <= 2028:
            total = total_2026 + (1000.0 - total_2026) * (y - 2026) / 3
            value = max(0.0, total - IKC_BUDGET_PAID[y])
            method = (
                f"the letter reserves support 'oplopend tot 1 miljard per jaar vanaf 2029' without the path "
                f"before: assumed rising linearly from the 2026 IKC budget ({total_2026}) to 1,000 in 2029, "
                f"less the IKC budget of the year ({IKC_BUDGET_PAID[y]}); 0 in 2026 (spending options still "
                "being worked out, the Kamer informed by Prinsjesdag 2026)"
            )
        else:
            value = 1000.0 - IKC_BUDGET_PAID[2029]
            method = "EUR 1 bn/yr from 2029 less the IKC budget (150, held from 2028)"
        t.add(
            "electricity_rebate_budget",
            round(value, 1),
            "MEUR",
            S_KB_IKC,
            figure_year=2026,
            estimate=True,
            method=method,
            year=y,
        )
    for sector, (eligible, _aid, mapping) in IKC_SECTORS.items():
        t.add(
            "electricity_rebate_eligible",
            eligible,
            "1",
            S_KB_IKC,
            estimate=True,
            method="assumed the sectors eligible for IKC-ETS after its extension (the letter names the "
            f"extension the first step of the same support): {mapping}",
            sector=sector,
        )
    # Flex-e: EUR 198.9 M for 2027-2030, a grant on flexible e-boilers
    t.add(
        "flex_e_budget",
        0,
        "MEUR",
        S_KB,
        figure_year=2026,
        note="no budget assigned for continuation before 2027",
        year=2026,
    )
    for y in range(2027, 2031):
        t.add(
            "flex_e_budget",
            round(198.9 / 4, 3),
            "MEUR",
            S_KB + ": EUR 198.9M needed 2027-2030 (reservation in the Klimaatfonds)",
            figure_year=2026,
            estimate=True,
            method="EUR 198.9M spread evenly over 2027-2030",
            year=y,
        )
    t.add(
        "flex_e_budget",
        0,
        "MEUR",
        S_KB,
        estimate=True,
        method="nothing reserved after 2030",
        year=2031,
    )
    for r in ROUTES:
        if r.label.endswith("_hybrid_e_boiler"):
            t.add(
                "flex_e_grant_share",
                0.5,
                "1",
                f"{S_FLEXE}; {S_KB}",
                estimate=True,
                method="assumed aid intensity of the XL part for the EII (the letter: 'hogere steunbedragen'; "
                "GBER/CEEAG investment aid ranges 25-50 %, the upper end taken)",
                low=0.3,
                high=0.6,
                route=r.label,
            )
    # RFNBO obligation (RED III art. 22a): 0 before 2030, 42 % in 2030, 60 % in 2035
    for y, v, est, method in (
        (2029, 0.0, False, ""),
        (2030, 0.42, False, ""),
        (
            2035,
            0.60,
            True,
            "60 % by 2035; the years 2031-2034 follow the straight path from 42 % in 2030 (the directive "
            "sets the two end points only)",
        ),
    ):
        t.add("rfnbo_obligation", v, "1", S_RED3, estimate=est, method=method, year=y)
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        S_RED3 + "; " + S_ELYGATOR,
        estimate=True,
        method="assumed electrolysis on renewable electricity under the RFNBO rules (PPAs, additionality)",
        route="hydrogen_electrolysis",
    )
    t.add(
        "rfnbo_route_share",
        1.0,
        "1",
        S_RED3 + "; " + S_OWE,
        estimate=True,
        method="assumed renewable imports: the import price (EUR 5-6/kg) is that of renewable hydrogen",
        route="hydrogen_import",
    )
    t.add(
        "rfnbo_counted",
        0,
        "1",
        S_RED3,
        note="hydrogen used as an intermediate product for conventional transport fuels (refining) is "
        "outside the industry target",
        sector="refining",
    )
    return t.write()


# ------------------------------------------------------------------------ build limits
MW_PJ = 1 / (1000 * MEUR_PER_PJYR_PER_EUR_PER_KW)  # PJ/yr per MW of continuous output = 0.031557

# National pace of new capacity per heat technology, MW of useful heat per year [estimate].
# Allocated to (cluster, route) in proportion to demand x potential of the route's cell.
HEAT_PACE = {
    "e_boiler": (
        {2025: 150, 2027: 300, 2030: 600, 2035: 800},
        "national e-boiler pace assumed 150 MW/yr (2025) rising to 600 (2030) and 800 (2035): the "
        "Routekaart's >= 30 TWh extra industrial electricity by 2030 would mean about 3.4 GW, i.e. 400-700 MW/yr "
        "if spread over 2025-2035; the early years are held lower for connection queues and the SDE++ round cycle",
    ),
    "hybrid_e_boiler": (
        {2025: 150, 2027: 300, 2030: 600, 2035: 800},
        "national pace of flexible (hybrid) e-boilers on non-firm contracts assumed equal to the e-boiler "
        "pace (150 MW/yr in 2025 rising to 600 in 2030 and 800 in 2035): the same installers build both, and "
        "a time-bound transport right is granted from the room the grid has outside its peak (TenneT TDTR), "
        "not from the queue for firm capacity; no published pace of non-firm industrial connections was "
        "retrieved",
    ),
    "heat_pump": (
        {2025: 50, 2027: 100, 2030: 200, 2035: 300},
        "national pace of large industrial heat pumps (MVR/closed cycle) assumed 50 MW_th/yr (2025) rising to "
        "200 (2030) and 300 (2035): typical projects are 1-20 MW_th and need site-specific integration; the "
        "SDE++ 'grootschalige warmtepompen' category is young (PBL conceptadvies 2021)",
    ),
    "electric_furnace": (
        {2027: 20, 2030: 60, 2035: 150},
        "national pace of electric furnaces/kilns (hybrid glass melters, electric kilns, electric process "
        "heaters) assumed 20 MW_th/yr (2027) rising to 60 (2030) and 150 (2035): first-of-a-kind units "
        "in most sectors (Navigant 2019 via MIDDEN TC0264)",
    ),
    "h2_boiler": (
        {2027: 50, 2030: 150, 2035: 300},
        "national pace of hydrogen boiler retrofits assumed 50 MW_th/yr (2027), 150 (2030), 300 (2035), only "
        "in clusters with hydrogen pipeline access (see H2_ACCESS)",
    ),
    "h2_furnace": (
        {2027: 50, 2030: 150, 2035: 300},
        "national pace of hydrogen burner retrofits on furnaces assumed 50 MW_th/yr (2027), 150 (2030), "
        "300 (2035), only in clusters with hydrogen pipeline access (see H2_ACCESS)",
    ),
}
# First year with hydrogen by pipeline per cluster [estimate]
H2_ACCESS = {
    "rotterdam_moerdijk": 2027,
    "noord_nederland": 2030,
    "zeeland_west_brabant": 2031,
    "noordzeekanaalgebied": 2031,
    "chemelot": 2033,
    "cluster6": 2033,
}
H2_ACCESS_METHOD = (
    "hydrogen by pipeline assumed from: Rotterdam 2027 (port pipeline HyTransPort with Holland "
    "Hydrogen 1, end 2026), Noord-Nederland 2030 (first backbone section with Eemshaven/Delfzijl), "
    "Zeeland and NZKG 2031, Chemelot and cluster 6 2033 (completion of the national backbone, "
    "delayed to about 2033; exact section dates not retrieved)"
)
# New post-combustion capture per year, Mt CO2/yr of capture capacity, national [estimate]
CCS_PACE = (
    {2031: 1.5, 2035: 2.0},
    "national pace of new post-combustion capture (heat routes and crackers) assumed 1.5 Mt CO2/yr of capture "
    "capacity per year from 2031, 2.0 by 2035: Aramis (ready 2030) is filled in phases of a few capture "
    "projects of 0.3-1 Mt each (8 Aramis-linked projects got SDE++ in 2022, together about 4.6 Mt/yr of all "
    "SDE++ 2022 reductions); allocated over clusters with CO2 transport (Rotterdam, Zeeland by ship, NZKG, "
    "Chemelot/Noord-Nederland by ship or rail within their 0.5 potential)",
)
HEAT_YEARS = [2025, 2027, 2030, 2035]


def _interp(points, y):
    ks = sorted(points)
    if y <= ks[0]:
        return points[ks[0]]
    if y >= ks[-1]:
        return points[ks[-1]]
    for a, b in zip(ks, ks[1:]):
        if a <= y <= b:
            return points[a] + (points[b] - points[a]) * (y - a) / (b - a)


def _cells(route):
    """(cluster, weight) of a route: base-year demand of its cell x its potential."""
    out = {}
    for (s, c, svc), d in DEMAND.items():
        if s == route.sector and svc == route.service:
            pot = route.potential.get(c, route.potential.get("", 1.0))
            pot = 1.0 if pot is None else pot
            if d * pot > 0:
                out[c] = d * pot
    return out


def write_build_limits():
    t = Table("build_limits")

    def add(route, cluster, year, value, unit, source, method, figure_year=None, est=True, note=""):
        t.add(
            "build_limit",
            round(value, 5),
            unit,
            source,
            figure_year=figure_year,
            estimate=est,
            method=method,
            note=note,
            cluster=cluster,
            route=route,
            year=year,
        )

    # ---- heat technologies: national pace shared by demand x potential
    for tech, (pace, meth) in HEAT_PACE.items():
        routes = [
            r
            for r in ROUTES
            if r.label.endswith("_" + tech) and not (tech == "e_boiler" and "_hybrid_" in r.label)
        ]
        cells = [(r, c, w) for r in routes for c, w in _cells(r).items()]
        total = sum(w for _, _, w in cells)
        for r, c, w in cells:
            share = w / total
            start = max(r.first_year, H2_ACCESS[c] if tech.startswith("h2_") else r.first_year)
            years = sorted({y for y in HEAT_YEARS + list(pace) if y >= start} | {start})
            m = (
                f"{meth}; share of this cell {share:.4f} = its base-year demand x potential over all {tech} cells; "
                f"MW x {MW_PJ:.5f} PJ/yr per MW"
            )
            if tech.startswith("h2_"):
                m += "; " + H2_ACCESS_METHOD
                if start > r.first_year:
                    add(r.label, c, start - 1, 0.0, "PJ/yr", S_PACE, m)
            for y in years:
                add(r.label, c, y, _interp(pace, y) * share * MW_PJ, "PJ/yr", S_PACE, m)

    # ---- post-combustion capture (heat routes and crackers), national pace in Mt CO2 captured
    ccs_routes = [r for r in ROUTES if r.rclass == "ccs" and r.sector not in ("steel",)]
    cells = []
    for r in ccs_routes:
        cap_per_unit = r.gross_emissions() * r.capture  # Mt CO2 (or t/t) captured per output unit
        for c, w in _cells(r).items():
            if c == "cluster6":
                continue
            cells.append((r, c, w * cap_per_unit, cap_per_unit))
    total = sum(w for _, _, w, _ in cells)
    pace, meth = CCS_PACE
    for r, c, w, cpu in cells:
        share = w / total
        m = f"{meth}; share of this cell {share:.4f} = captured CO2 if fully converted; / {cpu:.4f} Mt CO2 captured per {r.unit}"
        for y in (2031, 2035):
            add(
                r.label,
                c,
                y,
                _interp(pace, y) * share / cpu,
                r.unit + "/yr",
                S_ARAMIS + "; " + S_SDE24.split(";")[0],
                m,
            )

    # ---- hydrogen-fired crackers: furnace conversion pace
    for c, _w in _cells(ROUTE_BY["petrochemicals_h2_cracker"]).items():
        add(
            "petrochemicals_h2_cracker",
            c,
            2032,
            0.3,
            "Mt/yr",
            S_MIDDEN_TC + " TC0263 (TRL 5)",
            "conversion of at most 0.3 Mt HVC/yr of furnace capacity per cluster per year (about a third of the furnaces of a "
            "world-scale cracker), furnace by furnace during turnarounds, after a first demonstration",
        )

    # ---- steel (Tata Steel IJmuiden)
    nz = "noordzeekanaalgebied"
    add(
        "steel_h2_dri_eaf",
        nz,
        2031,
        3.0,
        "Mt/yr",
        S_TATA_GS,
        "Green Steel stage 1: one DRP + one EAF replacing BF7, EAF about 3 Mt/yr (Fastmarkets market estimate)",
        figure_year=2030,
    )
    add(
        "steel_h2_dri_eaf",
        nz,
        2032,
        0.0,
        "Mt/yr",
        S_TATA_GS,
        "stage 2 (closure of BF6) is planned between 2030 and 2045 without a date; no second DRP/EAF assumed before 2036",
    )
    add(
        "steel_h2_dri_eaf", nz, 2035, 0.0, "Mt/yr", S_TATA_GS, "held at 0 (stage 2 not before 2036)"
    )
    for y in (2030, 2035):
        add(
            "steel_bf_bof_ccs",
            nz,
            y,
            0.0,
            "Mt/yr",
            S_TATA_GS,
            "Tata's chosen route is DRI-EAF; no top-gas-recycling/CCS blast-furnace project is planned",
        )

    # ---- ammonia
    zwb, chem = "zeeland_west_brabant", "chemelot"
    nh3_cap_t = ROUTE_BY["ammonia_smr_ccs"].gross_emissions() * ROUTE_BY["ammonia_smr_ccs"].capture
    add(
        "ammonia_smr_ccs",
        zwb,
        2026,
        0.8 / nh3_cap_t,
        "Mt/yr",
        S_YARA_NL,
        f"800 kt CO2/yr captured at Yara Sluiskil / {nh3_cap_t:.3f} t CO2 captured per t NH3 in the route",
        figure_year=2026,
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2027,
        0.0,
        "Mt/yr",
        S_YARA_NL,
        "no further capture project announced before Aramis",
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2030,
        0.0,
        "Mt/yr",
        S_YARA_NL,
        "no further capture project announced before Aramis",
    )
    add(
        "ammonia_smr_ccs",
        zwb,
        2031,
        0.3,
        "Mt/yr",
        S_ARAMIS,
        "a second capture/liquefaction train by ship to Aramis assumed possible from 2031: 0.3 Mt NH3/yr per year (about 0.35 Mt CO2)",
    )
    for y in (2026, 2035):
        add(
            "ammonia_smr_ccs",
            chem,
            y,
            0.0,
            "Mt/yr",
            S_ARAMIS,
            "no CO2 transport from Chemelot before 2036: Aramis takes CO2 by pipeline in Rotterdam and by ship; the "
            "Delta Rhine Corridor CO2 pipeline is not decided",
        )
    for c in (zwb, chem):
        add(
            "ammonia_h2",
            c,
            2030,
            0.1,
            "Mt/yr",
            S_HH1 + "; " + S_ELYGATOR,
            "one electrolyser-fed ammonia line per cluster per year at most: 0.1 Mt NH3/yr = 17.8 kt H2/yr, "
            "about 150-250 MW of electrolysis, the size of the first 200 MW projects (Holland Hydrogen 1, ELYgator)",
        )

    # ---- hydrogen production
    rm = "rotterdam_moerdijk"
    smr_rm = H2_CLUSTER[rm] / ROUTE_BY["hydrogen_smr"].availability
    add(
        "hydrogen_smr_ccs",
        rm,
        2026,
        smr_rm,
        "PJ/yr",
        S_PORTHOS,
        f"Porthos capture at the Air Liquide and Air Products SMRs: at most the whole merchant SMR capacity of the cluster "
        f"({smr_rm:.1f} PJ/yr), retrofitted for the 2026 start",
        figure_year=2026,
    )
    add(
        "hydrogen_smr_ccs",
        rm,
        2027,
        0.0,
        "PJ/yr",
        S_PORTHOS,
        "Porthos is fully contracted; new blue hydrogen after 2027 is ATR+CCS (Aramis)",
    )
    add("hydrogen_smr_ccs", rm, 2035, 0.0, "PJ/yr", S_PORTHOS, "held at 0")
    for c in CLUSTERS:
        if c != rm:
            add(
                "hydrogen_smr_ccs",
                c,
                2026,
                0.0,
                "PJ/yr",
                S_PORTHOS,
                "no Porthos contract outside Rotterdam",
            )
            add(
                "hydrogen_smr_ccs",
                c,
                2035,
                0.0,
                "PJ/yr",
                S_PORTHOS,
                "no Porthos contract outside Rotterdam",
            )
    # grey SMR: like-for-like replacement of the retiring merchant stock only
    for c in CLUSTERS:
        cap = H2_CLUSTER.get(c, 0.0) / ROUTE_BY["hydrogen_smr"].availability
        rate = cap * 0.4 / 10
        m = (
            f"no new grey hydrogen plant is announced (ETS + CBAM on hydrogen); new SMR capacity only replaces the retiring "
            f"merchant stock: 40 % of {cap:.2f} PJ/yr over 10 yr = {rate:.3f} PJ/yr per year"
        )
        for y in (2025, 2035):
            add("hydrogen_smr", c, y, rate, "PJ/yr", S_MIDDEN_EM, m)
    atr_pj = 0.5 * 1000 * MW_PJ
    for c in CLUSTERS:
        if c == rm:
            add(
                "hydrogen_atr_ccs",
                c,
                2031,
                atr_pj,
                "PJ/yr",
                S_MIDDEN_TC + " TC0425 (H-Vision 2.4 GW H2); " + S_ARAMIS,
                f"at most 0.5 GW H2 of ATR+CCS per year ({atr_pj:.2f} PJ/yr), i.e. the 2.4 GW H-Vision design built in "
                "phases over about five years; only Rotterdam has Aramis pipeline access",
            )
        else:
            add(
                "hydrogen_atr_ccs",
                c,
                2031,
                0.0,
                "PJ/yr",
                S_ARAMIS,
                "no CO2 pipeline for a large ATR outside Rotterdam",
            )
    el = 1000 * MW_PJ * 0.62  # PJ/yr H2 per GW electrolyser input (62 % LHV)
    add(
        "hydrogen_electrolysis",
        rm,
        2025,
        0.0,
        "PJ/yr",
        S_HH1,
        "Holland Hydrogen 1 not yet in operation",
    )
    add(
        "hydrogen_electrolysis",
        rm,
        2026,
        0.2 * el,
        "PJ/yr",
        S_HH1,
        f"Holland Hydrogen 1, 200 MW_e x 0.62 = {0.2 * el:.2f} PJ/yr H2",
        figure_year=2026,
    )
    add(
        "hydrogen_electrolysis",
        rm,
        2027,
        0.07 * el,
        "PJ/yr",
        S_ELYGATOR,
        "ELYgator 200 MW_e, of which 130 MW is contracted for TotalEnergies Antwerp (outside NL): 70 MW for NL users",
        figure_year=2027,
    )
    add(
        "hydrogen_electrolysis",
        rm,
        2028,
        0.0,
        "PJ/yr",
        S_HH1 + "; " + S_ELYGATOR,
        "no further FID as of 2025 (HH1 and ELYgator are the projects with FID); 2-3 yr construction",
    )
    for c, mw in (
        ("rotterdam_moerdijk", 250),
        ("noord_nederland", 100),
        ("zeeland_west_brabant", 100),
        ("noordzeekanaalgebied", 50),
        ("chemelot", 0),
        ("cluster6", 0),
    ):
        if c != rm:
            add(
                "hydrogen_electrolysis",
                c,
                2025,
                0.0,
                "PJ/yr",
                S_HH1 + "; " + S_ELYGATOR,
                "no electrolyser above 20 MW with FID in the cluster as of 2025 (the FIDs are HH1 and ELYgator, "
                "both in Rotterdam)",
            )
            add(
                "hydrogen_electrolysis",
                c,
                2028,
                0.0,
                "PJ/yr",
                S_HH1 + "; " + S_ELYGATOR,
                "no electrolyser above 20 MW with FID in the cluster as of 2025 (the FIDs are HH1 and ELYgator, "
                "both in Rotterdam)",
            )
        add(
            "hydrogen_electrolysis",
            c,
            2029,
            mw * el / 1000,
            "PJ/yr",
            "Kamerbrief kst-32813-1143 (3-4 GW electrolysis target 2030); " + S_HH1,
            f"{mw} MW_e per year from 2029 (decisions from 2026 on; national 500 MW/yr, well below the 3-4 GW 2030 target, "
            "which no current FID pipeline supports); Chemelot and cluster 6 have no hydrogen network before 2033",
        )
    _hydrogen_technique_limits(add)
    return t.write()


def _hydrogen_technique_limits(add):
    """Build limits of methane pyrolysis and offshore-wind electrolysis [estimates]."""
    pace = (
        "first commercial plant of about 100 MW H2 (the size of Monolith's Olive Creek 2, about 250 MW, "
        "halved for a first Dutch unit) in Rotterdam in 2031, none in 2032 while it runs in, then at most "
        "100 MW H2 a year per cluster with a hydrogen network"
    )
    pj = 100 * MW_PJ
    for c in CLUSTERS:
        if c == "cluster6":
            continue
        first = 2031 if c == "rotterdam_moerdijk" else 2033
        points = {2031: pj if first == 2031 else 0.0, 2032: 0.0, 2033: pj, 2035: pj}
        for y, v in points.items():
            add(
                "hydrogen_pyrolysis",
                c,
                y,
                v,
                "PJ/yr",
                f"{S_PYRO_BASF}; {S_MONOLITH}",
                f"{pace}; {v / MW_PJ:.0f} MW x {MW_PJ:.5f} PJ/yr per MW; {H2_ACCESS_METHOD}",
            )
    nn = "noord_nederland"
    for y, mw, m in (
        (2030, 40, "the first offshore demonstration, 30-50 MW_e (RVO 2025)"),
        (2031, 0, "none while the demonstration runs in"),
        (
            2032,
            500,
            "the 500 MW_e project in Ten noorden van de Waddeneilanden (planned about 2031)",
        ),
        (2033, 0, "no further offshore hydrogen decided"),
        (2034, 500, "assumed: one further 500 MW_e tender a year from 2034 (no decision yet)"),
        (2035, 500, "assumed: one further 500 MW_e tender a year from 2034 (no decision yet)"),
    ):
        add(
            "hydrogen_offshore_electrolysis",
            nn,
            y,
            mw * EL_EFF * MW_PJ,
            "PJ/yr",
            S_OFFSHORE_H2,
            f"{m}: {mw} MW_e x {EL_EFF} MW H2 per MW_e x {MW_PJ:.5f} PJ/yr per MW",
        )


# Routes whose fixed O&M share of capex comes from the route's own source (MIDDEN TC0263/4, TC0425)
FOM_SHARE_FROM_ROUTE_SOURCE = {
    "petrochemicals_e_cracker",
    "petrochemicals_h2_cracker",
    "hydrogen_atr_ccs",
    "hydrogen_import_ammonia",
}


def _life_source(r):
    """Source of the lifetime of a reference or import route."""
    if r.rclass == "import" or r.label == "refining_hydrotreating_h2":
        return S_DEFINITION
    return S_MIDDEN_LIFE


def _life_method(r):
    """How the lifetime of a reference or import route is made."""
    if r.rclass == "import":
        return "no domestic asset: the lifetime has no effect"
    if r.label == "refining_hydrotreating_h2":
        return "existing units kept through the horizon (no retirement)"
    if r.label in ("ammonia_smr", "hydrogen_smr"):
        return "reformer plant: IEAGHG (2017) SMR 25 yr"
    if r.label == "steel_bf_bof":
        return "MIDDEN blast furnace and BOF (TC0023, TC0024): 20 yr"
    if r.label == "petrochemicals_cracker":
        return "cracking furnaces as MIDDEN's process furnaces (TC0049/TC0050, 30 yr); Spallina 2017 give 25 yr for a whole cracker"
    if r.service == "heat_high":
        return "fired process furnace: MIDDEN's process furnaces TC0049/TC0050, 30 yr"
    return "gas boiler/CHP: MIDDEN's natural-gas boilers TC0098 and TC0440, 25 yr"


def _availability_source(r):
    if r.label in HYDROGEN_AVAILABILITY:
        return HYDROGEN_AVAILABILITY[r.label][0]
    if r.availability == 1.0:
        return S_DEFINITION
    if r.label == "hydrogen_electrolysis":
        return S_HYEU
    return S_MIDDEN_PCD


def _availability_method(r):
    if r.label in HYDROGEN_AVAILABILITY:
        return HYDROGEN_AVAILABILITY[r.label][1]
    if r.availability == 1.0:
        return "no domestic capacity constraint (import, or existing units sized to what they take)"
    if r.label == "hydrogen_electrolysis":
        return "5,000 full-load hours / 8,760 h (see full_load_hours)"
    return "median capacity utilisation of MIDDEN's base configurations (0.90; maintenance, redundancy)"


def _potential_source(r, cluster):
    """Source of a potential row."""
    if r.label in HYDROGEN_POTENTIAL:
        return HYDROGEN_POTENTIAL[r.label][0]
    if r.label == "steel_scrap_eaf":
        return S_TATA_GS
    if r.label.endswith("_heat_pump"):
        return S_MIDDEN_EN if r.service == "heat_medium" else S_ARPAGAUS
    if r.label.endswith("_electric_furnace"):
        return f"{S_HORN_GLASS}; {S_IRENA_P2H}; {S_MIDDEN_EFURNACE}"
    return f"{S_PORTHOS}; {S_ARAMIS}"


def _capex_value(r):
    cx = r.capex
    if cx is None:
        return None, None
    if cx[0] == "years":
        c = cx[1][min(cx[1])]
        v, u = c[0], c[1]
    elif cx[0] in ("ccs", "ccs193"):
        per_t = CCS_CAPEX if cx[0] == "ccs" else 193.0
        base, captured = cx[1], cx[2]
        if base[1] == "EUR/kW":
            return base[0] * MEUR_PER_PJYR_PER_EUR_PER_KW + per_t * captured, "MEUR/(PJ/yr)"
        return base[0] + per_t * captured, "EUR/(t/yr)"
    else:
        v, u = cx[0], cx[1]
    if u == "EUR/kW":
        return v * MEUR_PER_PJYR_PER_EUR_PER_KW, "MEUR/(PJ/yr)"
    if u == "MEUR/GW":
        return v * MEUR_PER_PJYR_PER_EUR_PER_KW, "MEUR/(PJ/yr)"  # 1 MEUR/GW = 1 EUR/kW
    return v, u


def _fy_source(r):
    if r.label in HYDROGEN_POTENTIAL:
        return HYDROGEN_POTENTIAL[r.label][0]
    if r.rclass == "ccs" and r.sector not in ("steel",):
        return S_PORTHOS + "; " + S_ARAMIS
    return {
        "steel_h2_dri_eaf": S_TATA_GS,
        "steel_scrap_eaf": S_TATA_GS,
        "ammonia_smr_ccs": S_YARA_NL,
        "hydrogen_atr_ccs": S_MIDDEN_TC + " TC0425 (TRL 9); " + S_ARAMIS,
        "ammonia_h2": S_HH1 + "; " + S_ELYGATOR + " (lead times of the first large electrolysers)",
    }.get(r.label, S_FIRST_YEAR)


# TRL of the heat routes not covered by MIDDEN, per sector: (value, source, method)
TRL_E_FURNACE = {
    "refining": (
        5,
        S_IRENA_P2H,
        "electric heating of large refinery fired heaters (crude/vacuum, reformer) is at pilot "
        "scale, like the e-cracker furnaces IRENA reports in pilot phase",
    ),
    "other_chemicals": (
        6,
        S_IRENA_P2H,
        "electric process-gas heaters are commercial below about 600 C; MW-scale electric "
        "furnaces for higher temperatures are in pilot/demonstration (IRENA: e-cracker pilots)",
    ),
    "glass": (
        8,
        S_HORN_GLASS,
        "all-electric melting is commercial (TRL 9) for specialty glass and pulls below about "
        "200 t/d; the large container/float furnaces in NL need hybrid or scaled-up designs, first commercial units",
    ),
    "ceramics": (
        7,
        S_MIDDEN_TC
        + " TC0060 (stone wool by immersed electric arc, TRL 7) and TC0069 (electric glass-wool furnace, TRL 7)",
        "electric kilns are commercial for small/technical ceramics; large brick/tile tunnel kilns "
        "are at first industrial demonstration",
    ),
    "cement_lime": (
        4,
        S_IRENA_P2H + "; " + S_GLOBALCEMENT_EL,
        "plasma/electric clinker kilns at proof-of-concept (IRENA) to pilot (Coolbrook) stage",
    ),
    "non_ferrous": (
        9,
        S_MIDDEN_EFURNACE + " (TRL 3 for high-temperature process furnaces)",
        "assumption: induction and resistance melting/holding furnaces are commercial in aluminium, zinc and "
        "copper (re)melting; MIDDEN's TRL 3 (TC0477) is for high-temperature process furnaces, not remelting; "
        "no public TRL for remelting retrieved",
    ),
}
TRL_H2_FURNACE = {
    "refining": (
        7,
        S_MIDDEN_TC + " TC0474-6 (H2 boiler, TRL 7)",
        "H2-boiler TRL applied to fired heaters; refinery "
        "heaters already burn hydrogen-rich fuel gas",
    ),
    "other_chemicals": (
        7,
        S_MIDDEN_TC + " TC0474-6 (H2 boiler, TRL 7)",
        "H2-boiler TRL applied to fired process furnaces",
    ),
    "glass": (
        6,
        S_H2GLASS,
        "100 % hydrogen firing in industrial demonstration at glass furnaces (product quality, NOx "
        "and refractory questions open)",
    ),
    "ceramics": (
        6,
        S_H2GLASS,
        "as glass: hydrogen kiln firing at industrial-trial stage (refractory and product-quality "
        "questions open)",
    ),
    "cement_lime": (
        5,
        S_MIDDEN_TC
        + " TC0062 (stone wool with hydrogen instead of natural gas, TRL 6) and TC0321 (hydrogen dryer for "
        "blast-furnace slag, TRL 4)",
        "hydrogen only as a partial fuel in full-scale kiln trials; 100 % hydrogen kiln firing "
        "not demonstrated (flame radiation, heat transfer)",
    ),
    "non_ferrous": (
        6,
        S_H2GLASS,
        "aluminium is the replicability demonstrator of H2GLASS; hydrogen-fired melting at "
        "industrial-trial stage",
    ),
}


# Earliest year of a first commercial unit by TRL [estimate]: below TRL 7 a technology
# still needs a demonstration, then 4-6 years to a commercial unit.
TRL_EARLIEST_BUILD = {6: 2029, 5: 2031, 4: 2033, 3: 2036, 2: 2038, 1: 2040}


def _trl(r):
    """(value, source, estimate, method, note) of the trl row of a route."""
    lab, tc = r.label, S_MIDDEN_TC
    if lab in HYDROGEN_TRL:
        return HYDROGEN_TRL[lab]
    if r.rclass == "reference":
        return (
            9,
            S_TRL_COMM,
            EST,
            "reference (fossil) route: commercial technology in operation in NL",
            "",
        )
    if r.rclass == "import":
        note = (
            (
                "pipeline imports are commercial (first_year 2030 carries the timing of the cross-border "
                "pipelines); import as ammonia is the route hydrogen_import_ammonia"
            )
            if lab == "hydrogen_import"
            else ""
        )
        return (
            9,
            S_TRL_COMM,
            EST,
            "import of a commercially traded commodity (commercial); no domestic technology",
            note,
        )
    if lab.endswith("_e_boiler"):
        return (9, tc + " TC0461-3 (electric boiler LP/MP/HP steam, TRL 9)", False, "", "")
    if lab.endswith("_heat_pump"):
        return (9, tc + " TC0471-2 (industrial heat pump LP/MP steam, TRL 9)", False, "", "")
    if lab.endswith("_h2_boiler"):
        return (7, tc + " TC0474-6 (H2 boiler retrofit, TRL 7)", False, "", "")
    if lab.endswith("_biomethane_boiler"):
        return (
            9,
            tc + " TC0446 (green-gas boiler, TRL 9)",
            False,
            "",
            "commercial: biomethane is grid-quality gas",
        )
    if lab.endswith("_biomethane_furnace"):
        return (
            9,
            tc + " TC0446 (green-gas boiler, TRL 9)",
            EST,
            "commercial: biomethane is grid-quality gas burnt in the existing gas furnace (TC0446 analogy)",
            "",
        )
    if lab.endswith("_electric_furnace"):
        v, src, m = TRL_E_FURNACE[r.sector]
        return (v, src, EST, m, "")
    if lab.endswith("_h2_furnace"):
        v, src, m = TRL_H2_FURNACE[r.sector]
        return (v, src, EST, m, "")
    if r.rclass == "ccs" and r.service.startswith("heat_") or lab == "petrochemicals_cracker_ccs":
        src = tc + " TC0478 (post-combustion capture, TRL 9)"
        if "_boiler_ccs" in lab:
            return (9, src, False, "", "")
        return (9, src, EST, "post-combustion capture TRL (TC0478) applied to furnace flue gas", "")
    return {
        "steel_bf_bof_ccs": (5, tc + " TC0030 (TGR blast furnace + CCS, TRL 5)", False, "", ""),
        "steel_h2_dri_eaf": (
            5,
            tc + " TC0039 (H2-DRI shaft furnace, TRL 5) and TC0037 (EAF fed with DRI, TRL 9)",
            False,
            "",
            "route TRL = the lower of its two units (shaft furnace 5, EAF 9)",
        ),
        "steel_scrap_eaf": (
            9,
            tc + " TC0037 (EAF fed with DRI, TRL 9)",
            EST,
            "EAF TRL (TC0037) applied to a scrap charge; the scrap EAF is the commercial mainstream EAF route",
            "",
        ),
        "ammonia_smr_ccs": (
            9,
            tc + " TC0354 (pre-combustion capture on SMR, TRL 9)",
            EST,
            "TC0354 applied to the reformer process-CO2 stream of an ammonia plant",
            "",
        ),
        "ammonia_h2": (
            9,
            S_NH3_HIST,
            EST,
            "Haber-Bosch loop and air separation are commercial and electrolytic-hydrogen "
            "ammonia ran commercially for decades; the retrofit of a reformer-based plant adds no new unit",
            "",
        ),
        "petrochemicals_e_cracker": (
            3,
            tc + " TC0264 (electric steam cracker, TRL 3)",
            False,
            "",
            "MIDDEN value; IRENA (2019) already reports e-cracker furnaces in pilot phase, so the present TRL is likely higher",
        ),
        "petrochemicals_h2_cracker": (
            5,
            tc + " TC0263 (H2-fired cracker furnaces, TRL 5)",
            False,
            "",
            "",
        ),
        "hydrogen_smr_ccs": (
            9,
            tc + " TC0354 (pre-combustion capture on SMR, TRL 9)",
            False,
            "",
            "",
        ),
        "hydrogen_atr_ccs": (9, tc + " TC0425 (ATR + CCS, H-Vision 2019, TRL 9)", False, "", ""),
        "hydrogen_electrolysis": (
            9,
            tc + " TC0361 (AEL, TRL 9)",
            False,
            "",
            "PEM (TC0362) is TRL 8",
        ),
    }[lab]


def _fy_method(r):
    if r.label in HYDROGEN_FIRST_YEAR:
        return HYDROGEN_FIRST_YEAR[r.label]
    if r.rclass == "ccs" and r.sector not in ("steel", "petrochemicals"):
        return (
            "Porthos (2026) is fully contracted (Air Liquide, Air Products, ExxonMobil, Shell); new post-combustion "
            "capture needs Aramis: FID 2026, construction completed by 2030, so first full year of a capture unit 2031"
        )
    return {
        "steel_h2_dri_eaf": (
            "Tata Green Steel stage 1 (1 DRP + 1 EAF replacing BF7) 'as soon as 2030'; JLoI Sep 2025, "
            "maatwerk agreement and FID not before 2026; commissioning at the end of 2030 at the earliest, "
            "so 2031 is the first full model year"
        ),
        "steel_scrap_eaf": "the extra scrap (17 % -> 30 %) is charged in the stage-1 EAF, so it comes with the DRP/EAF (2031)",
        "steel_bf_bof_ccs": "TRL 5 in MIDDEN; needs Aramis-scale storage (2030); no project (see build_limit: 0)",
        "petrochemicals_e_cracker": "TRL 3, MIDDEN year 2040",
        "petrochemicals_h2_cracker": (
            "TRL 5 (MIDDEN TC0263); no NL demonstration announced; a demonstration in the late "
            "2020s plus 4-6 yr to a commercial furnace conversion: 2032"
        ),
        "petrochemicals_cracker_ccs": "post-combustion capture on cracker flue gas needs Aramis (FID 2026, ready 2030): 2031",
        "ammonia_smr_ccs": "Yara Sluiskil CO2 liquefaction for Northern Lights under construction, shipments from 2026",
        "ammonia_h2": (
            "ammonia from external hydrogen needs large electrolysers or the hydrogen backbone; no FID at an NL "
            "ammonia plant as of 2025; 4-5 yr lead time after a 2025-26 decision: 2030"
        ),
        "hydrogen_atr_ccs": (
            "TRL 9 (H-Vision design) but no NL FID as of 2025; needs Aramis (ready 2030); a 2026-27 FID plus "
            "4-5 yr construction gives 2031"
        ),
        "hydrogen_smr_ccs": "Porthos operational 2026",
        "hydrogen_import": "import terminals/pipelines about 2030",
    }.get(
        r.label, "assumed: two years for permits and construction (TRL >= 7) or CO2 infrastructure"
    )


def base_grid_load():
    """MW per cluster: electricity use of reference routes in the base year / their FLH."""
    mw = defaultdict(float)
    for (s, c, svc), v in DEMAND.items():
        r = ref_route(s, svc)
        el = r.inputs.get("electricity", 0.0) * v  # PJ/yr
        mw[c] += el * 277777.8 / r.flh  # PJ -> MWh / h = MW
    for c in CLUSTERS:
        mw.setdefault(c, 0.0)
    # the dataset's reference routes carry little electricity (motors, electrolysis and lighting
    # are outside the model), so the base load is small; see README
    return dict(mw)


def write_validation():
    vd = OUT / "validation"
    vd.mkdir(exist_ok=True)
    cols = [
        "item",
        "cluster",
        "sector",
        "year",
        "value",
        "unit",
        "source",
        "estimate",
        "method",
        "note",
    ]

    def w(name, rows):
        with open(vd / f"{name}.csv", "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            wr.writeheader()
            for r in rows:
                wr.writerow({k: _fmt(r.get(k, "")) for k in cols})
        return len(rows)

    rows = []

    def add(**k):
        return rows.append(k)

    # national published figures
    add(
        item="ets_industry",
        cluster="total",
        year=2022,
        value=38.6,
        unit="Mt CO2e",
        source=S_NEA22,
        estimate="false",
    )
    add(
        item="ets_industry",
        cluster="total",
        year=2023,
        value=round(NEA_IND_2023, 2),
        unit="Mt CO2e",
        source=S_NEA23,
        estimate="true",
        method="38.6 (2022) - (9.36 total ETS decrease - 6.7 energy-sector decrease)",
    )
    add(
        item="ets_industry",
        cluster="total",
        year=2024,
        value=round(NEA_IND_2024, 2),
        unit="Mt CO2e",
        source=S_NEA24,
        estimate="true",
        method="2023 derived value + 1.2 Mt",
    )
    add(
        item="ets_all_stationary",
        cluster="total",
        year=2023,
        value=58.9,
        unit="Mt CO2e",
        source=S_NEA23,
        estimate="false",
    )
    add(
        item="cbs_industry_co2",
        cluster="total",
        year=2023,
        value=42.5,
        unit="Mt CO2",
        source=S_CBS,
        estimate="false",
        note="Klimaatakkoord sector Industrie incl. non-ETS industry; GHG 47.8 Mt CO2e",
    )
    add(
        item="cbs_industry_co2",
        cluster="total",
        year=2022,
        value=43.7,
        unit="Mt CO2",
        source=S_CBS,
        estimate="false",
    )
    for y, v in ((2022, 5.8), (2023, 4.5), (2024, 5.9)):
        add(
            item="tata_steel_ijmuiden",
            cluster="noordzeekanaalgebied",
            sector="steel",
            year=y,
            value=v,
            unit="Mt CO2",
            source=S_NEA24 if y == 2024 else (S_NEA23 if y == 2023 else S_NEA22),
            estimate="false",
        )
    add(
        item="vattenfall_plants_on_tata_gases",
        cluster="noordzeekanaalgebied",
        sector="steel",
        year=2020,
        value=round(M_VATT, 3),
        unit="Mt CO2e",
        source=S_MIDDEN_EM,
        estimate="false",
        note="Velsen 24/25 3.42 + IJmond 1 1.73; NEa energy sector",
    )
    # MIDDEN 2020 per cluster x sector as mapped
    t20 = defaultdict(float)
    for (ms, c), v in M.items():
        t20[(ms, c)] += v
    for (ms, c), v in sorted(t20.items()):
        if v > 0:
            add(
                item="midden_nea_2020",
                cluster=c,
                sector=ms,
                year=2020,
                value=round(v, 4),
                unit="Mt CO2e",
                source=S_MIDDEN_EM,
                estimate="false",
            )
    # calibration targets (2024 level)
    bycl = defaultdict(float)
    for (sct, c), v in TARGET.items():
        bycl[c] += v
        add(
            item="calibration_target_sector",
            cluster=c,
            sector=sct,
            year=2024,
            value=round(v, 4),
            unit="Mt CO2",
            source=f"{S_MIDDEN_EM}; {S_NEA24}",
            estimate="true",
            method=_target_method(sct),
        )
    for c, v in sorted(bycl.items()):
        add(
            item="calibration_target",
            cluster=c,
            year=2024,
            value=round(v, 4),
            unit="Mt CO2",
            source=f"{S_MIDDEN_EM}; {S_NEA24}",
            estimate="true",
            method="sum of calibration_target_sector",
        )
    add(
        item="calibration_target",
        cluster="total",
        year=2024,
        value=round(sum(bycl.values()), 4),
        unit="Mt CO2",
        source=f"{S_MIDDEN_EM}; {S_NEA24}",
        estimate="true",
        method=f"NEa ETS industry 2024 ({NEA_IND_2024:.2f}) - MIDDEN oil & gas extraction (scaled) + Vattenfall plants on Tata gases ({VATT_2024:.2f})",
    )
    n_e = w("emissions", rows)

    rows = []

    def add(**k):
        return rows.append(k)

    ETMROWS = [
        (
            "industry_final_energetic",
            {
                "natural_gas": 160.0,
                "electricity": 115.2,
                "heat": 60.3,
                "coal": 15.2,
                "oil": 104.5,
                "biomass_waste": 5.6,
            },
        ),
        (
            "iron_steel_final",
            {"natural_gas": 7.1, "electricity": 6.9, "heat": 0.3, "coal": 14.2, "oil": 0.1},
        ),
        (
            "chemical_petrochemical_final",
            {
                "natural_gas": 57.0,
                "electricity": 43.2,
                "heat": 52.7,
                "oil": 104.2,
                "biomass_waste": 0.6,
            },
        ),
        ("non_ferrous_final", {"natural_gas": 1.8, "electricity": 3.8}),
        ("non_metallic_minerals_final", {"natural_gas": 16.5, "electricity": 3.9, "coal": 0.7}),
        (
            "food_tobacco_final",
            {
                "natural_gas": 48.3,
                "electricity": 24.2,
                "heat": 3.6,
                "coal": 0.3,
                "biomass_waste": 1.3,
            },
        ),
        (
            "paper_pulp_print_final",
            {"natural_gas": 9.8, "electricity": 5.9, "heat": 0.9, "biomass_waste": 0.6},
        ),
        (
            "oil_refineries_own_use",
            {"natural_gas": 17.1, "electricity": 9.6, "heat": 8.7, "oil": 104.0},
        ),
        ("blast_furnaces_own_use", {"natural_gas": 0.5, "electricity": 0.4, "coal": 5.9}),
        ("coke_ovens_own_use", {"electricity": 0.3, "heat": 0.9, "coal": 6.9}),
        ("non_energy_use", {"natural_gas": 67.0, "coal": 1.3, "oil": 375.6}),
        (
            "autoproducer_chp_input",
            {"natural_gas": 143.6, "coal": 2.5, "oil": 13.6, "biomass_waste": 19.9},
        ),
        ("autoproducer_chp_output", {"electricity": 65.8, "heat": 76.4}),
        ("coke_ovens_coking_coal_input", {"coal": 70.9}),
        ("blast_furnaces_coking_coal_input", {"coal": 28.3}),
    ]
    for item, d in ETMROWS:
        for k, v in d.items():
            add(
                item=item,
                cluster="total",
                sector=k,
                year=2023,
                value=v,
                unit="PJ",
                source=S_ETM,
                estimate="false",
                note="'sector' column holds the carrier group here",
            )
    add(
        item="yara_sluiskil_gas_use",
        cluster="zeeland_west_brabant",
        sector="natural_gas",
        year=2022,
        value=2.0,
        unit="bcm/yr",
        source=S_NRC_YARA,
        estimate="false",
    )
    add(
        item="tata_steel_production",
        cluster="noordzeekanaalgebied",
        sector="steel",
        year=2023,
        value=7.0,
        unit="Mt/yr",
        source=S_TATA_PROD,
        estimate="false",
    )
    n_b = w("energy_balance", rows)

    rows = []

    def add(**k):
        return rows.append(k)

    PBL = "PBL/TNO/RVO (Dec 2024) Reflectie op Cluster Energiestrategieen (CES 3.0), via duurzaam-ondernemen.nl and ANP"
    add(
        item="kev2024_industry_2030_low",
        cluster="total",
        year=2030,
        value=33.3,
        unit="Mt CO2e",
        source=PBL,
        estimate="false",
        note="KEV 2024 range 33.3-42.5",
    )
    add(
        item="kev2024_industry_2030_high",
        cluster="total",
        year=2030,
        value=42.5,
        unit="Mt CO2e",
        source=PBL,
        estimate="false",
    )
    add(
        item="pbl_ces3_expected_industry_2030",
        cluster="total",
        year=2030,
        value=38.5,
        unit="Mt CO2e",
        source=PBL,
        estimate="false",
    )
    add(
        item="industry_indicative_target_2030",
        cluster="total",
        year=2030,
        value=PBL_TARGET_2030,
        unit="Mt CO2e",
        source=PBL,
        estimate="false",
    )
    add(
        item="klimaatakkoord_industry_target_2030",
        cluster="total",
        year=2030,
        value=35.7,
        unit="Mt CO2e",
        source="Klimaatakkoord targets quoted in telegraaf.nl (Apr 2023)",
        estimate="false",
        note="NWEA 2021 cites 37.7",
    )
    add(
        item="ces3_planned_ccs_2030",
        cluster="total",
        year=2030,
        value=21,
        unit="Mt CO2/yr",
        source=PBL,
        estimate="false",
        note="industry + power; exceeds Porthos 2.5 + Aramis 5-14",
    )
    add(
        item="pbl_levy_abolition_effect_2030",
        cluster="total",
        year=2030,
        value=1.5,
        unit="Mt CO2",
        source="PBL via ANP 12-9-2025 (abolition of the CO2 levy adds 1-2 Mt in 2030)",
        estimate="true",
        method="midpoint of 1-2 Mt",
    )
    shift, shift_method = pbl_boundary_shift_2030()
    add(
        item="pbl_industry_minus_elektra_boundary_2030",
        cluster="total",
        year=2030,
        value=round(shift, 2),
        unit="Mt CO2e",
        source=f"{S_CBS}; {S_MIDDEN_EM}; {S_NEA24}",
        estimate="true",
        method=shift_method,
        note="subtract from a PBL industry figure for 2030 to put it on elektra's boundary",
    )
    add(
        item="industry_indicative_target_2030_elektra_boundary",
        cluster="total",
        year=2030,
        value=round(PBL_TARGET_2030 - shift, 1),
        unit="Mt CO2e",
        source=f"{PBL}; {S_CBS}; {S_MIDDEN_EM}",
        estimate="true",
        method=f"indicative 2030 target for industry {PBL_TARGET_2030} Mt - boundary shift {shift:.2f} Mt "
        "(pbl_industry_minus_elektra_boundary_2030); the cap of scenarios/target_2030.yaml",
    )
    n_p = w("projections", rows)
    return {
        "validation/emissions": n_e,
        "validation/energy_balance": n_b,
        "validation/projections": n_p,
    }


PBL_TARGET_2030 = 29.1  # Mt CO2e, indicative residual target for industry (PBL CES 3.0 reflection)
CBS_INDUSTRY_GHG_2023 = 47.8  # Mt CO2e, Klimaatakkoord sector industry (S_CBS)
UNMODELLED_FALL_2023_2030 = 1.0  # Mt, assumed fall of the unmodelled part by 2030 [estimate]


def pbl_boundary_shift_2030():
    """PBL industry minus elektra's boundary in 2030, Mt CO2e, and how it is made."""
    modelled = sum(TARGET.values())
    unmodelled_2023 = CBS_INDUSTRY_GHG_2023 - (modelled - VATT_2024)
    unmodelled_2030 = unmodelled_2023 - UNMODELLED_FALL_2023_2030
    shift = unmodelled_2030 - VATT_2024
    method = (
        f"PBL industry (Klimaatakkoord sector) holds non-ETS and non-CO2 emissions that elektra does not "
        f"model and leaves out the Vattenfall plants on Tata's gases that elektra counts: not modelled in "
        f"2023 = CBS industry GHG {CBS_INDUSTRY_GHG_2023} - (elektra base year {modelled:.2f} - Vattenfall "
        f"{VATT_2024:.2f}) = {unmodelled_2023:.2f} Mt, assumed {UNMODELLED_FALL_2023_2030:.0f} Mt lower by "
        f"2030 (slow non-CO2 and non-ETS measures) = {unmodelled_2030:.2f} Mt; shift = {unmodelled_2030:.2f} - "
        f"{VATT_2024:.2f} (Vattenfall plants held while both blast furnaces run) = {shift:.2f} Mt"
    )
    return shift, method


def _target_method(sct):
    if sct == "steel":
        return f"Tata Steel 2024 (NEa, 5.9) + Vattenfall Velsen/IJmond plants on Tata gases (MIDDEN 2020 {M_VATT:.2f} x 5.9/5.712)"
    return (
        f"MIDDEN NEa-2020 emissions of the sector in the cluster x {SCALE:.4f} = (NEa ETS industry 2024 {NEA_IND_2024:.2f} - Tata 5.9) / "
        f"(MIDDEN 2020 total excl. steel and Vattenfall, incl. oil & gas extraction {M_TOTAL - M_STEEL - M_VATT:.2f})"
    )


if __name__ == "__main__":
    counts = main()
    counts.update(write_validation())
    for k, v in counts.items():
        print(f"{k:25s} {v:5d}")
