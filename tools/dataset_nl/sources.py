"""The sources of the Dutch dataset: every citation once, with its link and access date.

Each ``S_*`` name below is a source id (the string written in a row's ``source`` column);
``source()`` registers it with its citation. A row names one or more ids separated by
``; `` (``f"{S_A}; {S_B}"``); :func:`checked` turns such a cell into the ids it names,
refuses an id that is not registered and records it as used, and ``write`` writes the
used ones into ``sources.csv``. The citation says which figures elektra takes from the
source, so a row need not repeat them; what a row does with a figure is its ``method``.

``accessed`` is the date a source was read for elektra where it is known; the sources
gathered for the reference notes (``reference/README_data_nl.md``, 2026) carry no date.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

#: The date sources read in this revision were accessed.
TODAY = "2026-12-03"


@dataclass(frozen=True)
class Source:
    """One entry of sources.csv."""

    id: str
    citation: str
    link: str = ""
    accessed: str = ""


SOURCES: dict[str, Source] = {}
USED: set[str] = set()


def source(id: str, citation: str, link: str = "", accessed: str = "") -> str:
    """Register a source and return its id (the value a row's ``source`` cell holds)."""
    if id in SOURCES:
        raise ValueError(f"source id {id!r} registered twice")
    SOURCES[id] = Source(id, " ".join(citation.split()), link, accessed)
    return id


def checked(cell: str) -> str:
    """A ``source`` cell as ``id; id`` (each id once, in order), every id registered."""
    ids = list(dict.fromkeys(part.strip() for part in cell.split(";") if part.strip()))
    unknown = [i for i in ids if i not in SOURCES]
    if unknown or not ids:
        raise ValueError(f"source cell {cell!r}: unknown source id(s) {unknown}")
    USED.update(ids)
    return "; ".join(ids)


def write(out: Path) -> int:
    """Write ``out``/sources.csv: the sources the written files cite, in registry order."""
    rows = [s for s in SOURCES.values() if s.id in USED]
    with open(out / "sources.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "citation", "link", "accessed"])
        writer.writerows([s.id, s.citation, s.link, s.accessed] for s in rows)
    return len(rows)


MIDDEN = "https://github.com/pbl-nl/MIDDEN"
POSTED = "https://github.com/PhilippVerpoort/posted"
PYPSA_TECHNOLOGY_DATA = "https://github.com/PyPSA/technology-data"
ETSOURCE = "https://github.com/quintel/etsource"


def eur_lex(celex: str) -> str:
    return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"


# ----------------------------------------------------------------------------- sources
S_MIDDEN_EM = source(
    "midden_em",
    "PBL/TNO MIDDEN database v0.3, midden.json field 2020_nea_emissions_[tCO2e] (NEa 2020 "
    "verified emissions per installation) aggregated per cluster x sector "
    "(tools/dataset_nl/reference/midden_cluster_sector_emissions_2020.csv)",
    MIDDEN,
)
S_MIDDEN_EN = source(
    "midden_en",
    "PBL/TNO MIDDEN database v0.3 base configurations (pcd.json x tc.json), derived "
    "energy/steam inputs (tools/dataset_nl/reference/midden_derived_energy_indicative.csv)",
    MIDDEN,
)
S_NEA22 = source(
    "nea_2022",
    "NEa emissiecijfers 2022 (Apr 2023) via telegraaf.nl 2023-04-14: ETS industry 38.6 Mt",
)
S_NEA23 = source(
    "nea_2023",
    "NEa emissiecijfers 2023 (Apr 2024) via duurzaam-ondernemen.nl and nieuws.nl "
    "2024-04-15: ETS -9.36 Mt of which energy sector -6.7 Mt; total 58.9 Mt; Tata Steel 4.5"
    " Mt",
)
S_NEA24 = source(
    "nea_2024",
    "NEa emissiecijfers 2024 (Apr 2025) via duurzaam-ondernemen.nl: industry +1.2 Mt vs "
    "2023; Tata Steel IJmuiden 5.9 Mt",
)
S_CBS = source(
    "cbs",
    "CBS (2024) Uitstoot broeikasgassen 6 procent lager in 2023, "
    "cbs.nl/nl-nl/nieuws/2024/11 (table per klimaatakkoordsector)",
    "https://www.cbs.nl/nl-nl/nieuws/2024/11/uitstoot-broeikasgassen-6-procent-lager-in-2023",
)
S_ETM = source(
    "etm",
    "Quintel ETM etsource datasets/nl2023/energy_balance.open_access.csv (IEA format, TJ), "
    "commit 54775b3d37",
    ETSOURCE,
)
S_ETM_CAR = source(
    "etm_car",
    "Quintel ETM etsource datasets/nl2023/carriers.csv (cost_per_mj), commit 54775b3d37",
    ETSOURCE,
)
S_ETM_NODE = source(
    "etm_node",
    "Quintel ETM etsource graphs/energy/nodes (node .ad files), commit 54775b3d37: SMR+CCS "
    "node EUR 222M for 402 MW gas input at 74.5 % (SMR part only), capture share 66.9 %; "
    "hydrogen burner 100 MW EUR 6M",
    ETSOURCE,
)
S_IPCC = source(
    "ipcc",
    "IPCC (2006) Guidelines for National GHG Inventories, Vol. 2 Energy, ch. 1 Table 1.4 "
    "default CO2 emission factors: coking coal 94.6, refinery gas 57.6, residual fuel oil "
    "77.4 t CO2/TJ",
)
S_NLFUEL = source(
    "nlfuel",
    "RVO/TNO Nederlandse lijst van energiedragers en standaard CO2-emissiefactoren "
    "(Netherlands list of fuels); TNO 2006-A-R0079/B (Heslinga & Van Harmelen) on the NL "
    "natural-gas factor",
)
S_BM = source(
    "eu_benchmarks_2021",
    "Commission Implementing Regulation (EU) 2021/447 of 12 March 2021, benchmark values "
    "2021-2025 (Annex): heat benchmark 47.3 t/TJ (= 62.3 x 0.76), fuel benchmark 42.6 t/TJ "
    "(= 56.1 x 0.76); update method of Art. 10a(2) Directive 2003/87/EC (0.2-1.6 %/yr over "
    "15 yr)",
    eur_lex("32021R0447"),
)
S_CBAM = source(
    "eu_cbam_phase_out",
    "Directive (EU) 2023/959 Art. 10a(1a) and Regulation (EU) 2023/956 Art. 36 (CBAM "
    "factor), European Parliament press release Dec 2022",
    eur_lex("32023L0959"),
)
S_VEYT = source(
    "veyt",
    "Veyt (2024) EUA price forecast: carbon to double by 2026 (veyt.com)",
)
S_CP = source(
    "cp",
    "Carbon Pulse (2 May 2024) EU carbon prices to triple by 2035, analysts predict",
)
S_PZEM = source(
    "pzem",
    "PZEM market updates (pzem.nl, Jan 2024 and Nov 2024)",
)
S_ENGIE = source(
    "engie",
    "ENGIE Belgium indexation parameters TTF (Dec 2024), business.engie.be",
)
S_EBRIDGE = source(
    "ebridge",
    "E-Bridge (2024) industrial electricity costs NL/DE/FR/BE for EZK, via consultancy.nl "
    "and kst-32813-1372 (3 Apr 2024)",
)
S_FME = source(
    "fme",
    "FME (13 Feb 2026) via metaalkrant.nl, citing research: large industrial users NL EUR "
    "88/MWh (2025)",
)
S_TENNET = source(
    "tennet",
    "TenneT tariff communications via nieuws.nl 2023-04-26 and cfo.nl: after 2025-26 about "
    "+5 %/yr to 2035 (HV +4.7 %, EHV +4.3 % real)",
)
S_SDE_GG = source(
    "sde_gg",
    "PBL Eindadvies basisbedragen SDE++ 2023 (groen gas, kleinschalige mestvergisting) via "
    "balksternieuws.nl 2023-03-14: EUR 1.92/Nm3; GvO about EUR 0.50/m3",
)
S_RABO = source(
    "rabo",
    "Rabobank (2023) Nederlandse groengasambitie stuit op veel barrieres: 2 bcm/yr target "
    "2030, 0.23 bcm in 2022",
)
S_KB = source(
    "kamerbrief_eii_2026",
    "Kamerbrief energie-intensieve industrie en kabinetsreactie WKR-advies 'Kiezen of "
    "verliezen' (Minister en Staatssecretaris KGG, 2026), text in "
    "tools/dataset_nl/reference/kamerbrief_eii_2026.txt: the national CO2 levy abolished; "
    "'vanaf 2026 tot en met 2035 significante middelen gereserveerd, oplopend tot 1 miljard"
    " per jaar vanaf 2029' for EII electricity costs, the IKC-ETS extension to 22 extra "
    "(sub)sectors as a first step and a separate envelope for electricity costs whose "
    "spending options are being worked out; the next two IKC openings paid a few months "
    "later; first NIKI opening (2025) EUR 211M available against EUR 364M requested, Reju "
    "(Chemelot) decided for EUR 135M; Flex-e continuation and an XL part need EUR 198.9M "
    "for 2027-2030 (reserved in the Klimaatfonds); cluster 6 faces high connection costs",
)
S_IKC = source(
    "ikc_budgets",
    "RVO/KGG IKC-ETS budgets 2025-2027 via accountancyvanmorgen.nl 2025-07-07 (2025 EUR "
    "167.4M, 2026 EUR 129.2M, 2027 EUR 200M); RTL/ANP 12-9-2025: the scheme extended one "
    "more year (2028) for about EUR 150M",
)
S_EU_SA = source(
    "eu_ets_state_aid_2020",
    "Communication from the Commission, Guidelines on certain State aid measures in the "
    "context of the system for greenhouse gas emission allowance trading post-2021 (2020/C "
    "317/04): aid intensity 75 %, Annex I eligible sectors, Annex III maximum regional CO2 "
    "emission factors (Central West Europe 0.72 tCO2/MWh)",
    eur_lex("52020XC0925(01)"),
)
S_PORTHOS = source(
    "porthos",
    "Porthos FID Oct 2023 (schuttevaer.nl 2023-10-18); NEa permit: 2.5 Mt/yr for 15 yr from"
    " 2026; Aramis: 5 Mt/yr initially (5-14 Mt in 2030 per PBL), FID 2026, first CO2 2030 "
    "(ewmagazine.nl 2025-01)",
)
S_SDE24 = source(
    "sde_2024_opening",
    "Kamerbrief Openstelling SDE++ 2024 (kst-31239-387, 1 Mar 2024) via "
    "accountancyvanmorgen.nl: EUR 11.5bn, hekjes EUR 1bn each for LT heat, HT heat, "
    "molecules; SDE++ 2023 EUR 8bn, max EUR 400/t in hekjes, 300 outside; SDE++ contracts "
    "run 12-15 yr (CCS and industrial heat 15 yr)",
)
S_VEKI = source(
    "veki",
    "VEKI budget increase 2021 (amsterdamlogistics.nl; agro-chemie.nl): EUR 28M -> 82M, max"
    " 15M/project",
)
S_DEI = source(
    "dei",
    "NLSI budget overview DEI+ 2021 (EUR 126.6M); Rijksfinancien suppletoire begroting KGG "
    "2025 (DEI+ cash EUR 93.7M)",
)
S_GRID = source(
    "grid",
    "TenneT/Stedin/Enexis/provinces grid-congestion notes per cluster, collected in "
    "tools/dataset_nl/reference/README_data_nl.md section 6 (nt.nl 2022-11-22; "
    "deltalimburg.nl 2025-04-18; nieuws.nl 2024-06-10; oogtv.nl 2023-12/2025-04; "
    "noordzeekanaalgebied.nl MIEK)",
)
S_DISC = source(
    "discount_rate_2020",
    "Rapport Werkgroep discontovoet 2020 (Ministerie van Financien): standard real discount"
    " rate 2.25 % for social CBA",
)
S_TATA_PROD = source(
    "tata_prod",
    "NH Nieuws (Jul 2023) 'Van auto's tot wasmachines': Tata Steel IJmuiden produces about "
    "7 Mt steel per year; tatasteelconstruction.com: IJmuiden capable of about 7.5 Mt/yr "
    "coil",
)
S_NRC_YARA = source(
    "nrc_yara",
    "NRC (25 Aug 2022) Yara legt kunstmestfabriek in Sluiskil stil: Sluiskil uses 2 bcm "
    "natural gas per year",
)
S_WS = source(
    "ws",
    "worldsteel CO2 data collection / IEA Iron & Steel Tracker 2023 (BF-BOF 1.8-2.5 "
    "tCO2/t), as summarised in the dpp-rules crate docs (docs.rs/crate/dpp-rules, "
    "metals/steel.rs)",
)
S_IEA_NH3 = source(
    "iea_nh3",
    "IEA (2021) Ammonia Technology Roadmap: global average direct emission intensity about "
    "2.4 tCO2/t NH3",
)
S_TNO_EL = source(
    "tno_el",
    "TNO (2024) LCOH water electrolysis in NL (100 and 200 MW), summarised by chrysalix.com"
    " 2024-08-27: 200 MW system EUR 2,063/kWe",
)
S_HYEU = source(
    "hyeu",
    "Hydrogen Europe Clean Hydrogen Monitor 2022 (grid electrolysis 3.0-9.7 EUR/kg at 4000 "
    "h) via hyjack.tech",
)
S_FRIEDEN = source(
    "frieden",
    "Frieden & Leker (2024) Future costs of hydrogen: a quantitative review, Sustainable "
    "Energy & Fuels (pubs.rsc.org/en/content/articlehtml/2024/se/d4se00137k): electrolysis "
    "hydrogen EUR 5.3/kg (2020) to 4.4/kg (2030)",
)
S_TTF_NETWORK = source(
    "ttf_network",
    "assumption (no public figure retrieved): Gasunie Transport Services charges exit "
    "capacity per kWh/h/yr; the per-MWh equivalent for a large industrial exit point was "
    "not found",
)
S_FIRST_YEAR = source(
    "first_year",
    "PBL/TNO MIDDEN database v0.3, tc.json trl_value per technology; announced dates of the"
    " projects the route needs (hydrogen pipeline per cluster, Aramis FID 2026 and first "
    "CO2 2030, HH1 end 2026)",
    MIDDEN,
)
S_DEFINITION = source(
    "elektra_definition",
    "elektra definition (no figure to source): import routes hold no domestic asset; "
    "refinery hydrotreating takes pool hydrogen one for one",
)
S_OWE = source(
    "owe",
    "Dutch OWE renewable-hydrogen tender 2024 (EUR 1bn, cap EUR 9/kg) via chrysalix.com 2024-08-27",
)
S_MIDDEN_PCD = source(
    "midden_pcd",
    "PBL/TNO MIDDEN database v0.3, pcd.json (github.com/pbl-nl/MIDDEN, commit e404e16): "
    "base configurations of the Dutch plants, i.e. the technologies in operation, with "
    "their capacity utilisation (median 0.90 over 473 units with a value; 160 at 0.90)",
    MIDDEN,
)
S_MIDDEN_LIFE = source(
    "midden_life",
    "PBL/TNO MIDDEN database v0.3, tc.json technical lifetimes: natural-gas boilers TC0098 "
    "and TC0440 25 yr (TC0108 20 yr); EDC cracking furnaces TC0049/TC0050 30 yr; blast "
    "furnace, BOF, coke and sinter plants TC0019-TC0024 20 yr; IEAGHG (2017) SMR 25 yr "
    "(POSTED, Methane Reforming.csv); Spallina et al. 2017 naphtha cracker 25 yr (POSTED, "
    "Naphtha Steam Cracking.csv)",
    MIDDEN,
)
S_MIDDEN_FOM = source(
    "midden_fom",
    "PBL/TNO MIDDEN database v0.3, tc.json fixed O&M conventions: '2% of CAPEX assumed' "
    "(TC0046, TC0049, TC0050 process furnaces; TC0461-3 boilers per DNV GL 2018) and '3% of"
    " CAPEX assumed' (TC0001 glass furnace; TC0039 H-DR reactor); Vogl et al. 2018 EAF 3 % "
    "(POSTED)",
    MIDDEN,
)
S_MIDDEN_BOILERS = source(
    "midden_boilers",
    "PBL/TNO MIDDEN database v0.3, tc.json natural-gas boilers: TC0098 EUR2017 60,000/MWth,"
    " TC0108 EUR2017 75,000/MWth, TC0440 EUR2017 79,000/MWth",
    MIDDEN,
)
S_MIDDEN_FURNACES = source(
    "midden_furnaces",
    "PBL/TNO MIDDEN database v0.3, tc.json: TC0001 regenerative glass furnace (typical "
    "energy efficiency 70 %, EUR2017 0.15M per kt glass/yr at 3,950 GJ gas/kt); TC0046 "
    "gas-fired EDC cracking furnace (EUR2017 1.2M/MWth); TC0446 gas boiler (92.4 %)",
    MIDDEN,
)
S_MIDDEN_EFURNACE = source(
    "midden_efurnace",
    "PBL/TNO MIDDEN database v0.3, tc.json TC0477 electric furnace: 0.035 PJ electricity "
    "per 0.0315 PJ heat (90 %), EUR2019 2.85M/MWth, 15 yr",
    MIDDEN,
)
S_POSTED_EAF = source(
    "posted_eaf",
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Electric Arc "
    "Furnace.csv): EAF capex Jacobasch et al. 2021 EUR2020 479.89M per 2 Mt/yr; Woertler et"
    " al. 2013 EUR2010 184/(t/yr); Agora Energiewende 2022 EUR2010 331/(t/yr) incl. "
    "integration",
    POSTED,
)
S_POSTED_NH3 = source(
    "posted_nh3",
    "POSTED database (github.com/PhilippVerpoort/posted): Haber-Bosch with Reforming.csv "
    "(Bazzanella & Ausfelder 2017, DECHEMA, Table 35: EUR 670 per t NH3/yr); Haber-Bosch "
    "with ASU.csv (Arnaiz del Pozo 2022 EUR 643/kW NH3 LHV; Ikaheimo 2018 EUR 870/kW and "
    "0.64 MWh/t; Morgan 2014 0.40 MWh/t synthesis + 108 kWh ASU per 1.19 t NH3; Grinberg "
    "Dana 2016 0.44 MWh/t synthesis + 61 kWh ASU per 1.19 t NH3)",
    POSTED,
)
S_POSTED_CRACKER = source(
    "posted_cracker",
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Naphtha Steam "
    "Cracking.csv): Spallina et al. 2017, EUR2017 967.24M per Mt/yr ethylene; 31.86 kg/s "
    "ethylene, 13.01 propylene, 17.48 BTX from 97.22 kg/s naphtha",
    POSTED,
)
S_SLAB = source(
    "slab",
    "steelprices.com (Apr 2025, citing Eurometal) 'European slab prices declined in the "
    "second half of April': EU slab offers USD 500/t CIF, USD 520-540 earlier in the month;"
    " Japan USD 470/t FOB",
)
S_NH3_PRICE = source(
    "nh3_price",
    "fertilizerpricing.com (2024) weekly ammonia reports: Northwest Europe USD 460-470/t "
    "CFR (June-July 2024) and USD 550-560/t CFR (September 2024)",
)
S_ICIS_OLEFINS = source(
    "icis_olefins",
    "ICIS European contract prices FD NWE via icis.com and polymers.com.ua: ethylene EUR "
    "1,150/t and propylene EUR 1,032/t (June 2018); ethylene EUR 775/t (Oct 2020), "
    "propylene EUR 840-870/t (late 2020)",
)
S_COKING_COAL = source(
    "coking_coal",
    "Australian Office of the Chief Economist forecast via azovpromstal.com: premium hard "
    "coking coal USD 242/t (2024 average), 187 (2025); IPCC 2006 Vol. 2 Table 1.2 net "
    "calorific value of coking coal 28.2 GJ/t",
)
S_BRENT = source(
    "brent",
    "EIA (Jan 2025) via enerknol.com: Brent crude futures averaged USD 80/b in 2024",
)
S_ECB_FX_2024 = source(
    "ecb_fx_2024",
    "ECB euro foreign exchange reference rates, 2024 annual average USD 1.0824 per EUR",
)
S_BP2026_LEVY = source(
    "bp2026_levy",
    "Belastingplan 2026, memorie van toelichting par. 5.20 'Aanpassingen CO2-heffing "
    "industrie' (rijksfinancien.nl): rate for ETS1 and N2O installations lowered to EUR "
    "78.67/t, reduction factor raised in 2026 and held constant after; PwC (16 Sep 2025) "
    "'Klimaat-, energie- en automaatregelen Belastingplan 2026': from EUR 87.90/t in 2025 "
    "to EUR 78.67/t from 2026 up to and including 2030; Wet CO2-heffing industrie (Wbm ch. "
    "VI-B)",
)
S_ZEESTRAAT = source(
    "zeestraat",
    "netopzee.eu (TenneT, 21 Dec 2021) 'Met klantaansluiting krijgt Tata Steel straks twee "
    "eigen groepen in de grote schakelkast van TenneT': customer connection at the new 380 "
    "kV Zeestraat station built for Hollandse Kust (noord), (west Alpha), (west Beta); "
    "ocean-energyresources.com (19 Dec 2024): onshore work for these three connections "
    "completed; netopzee.eu IJmuiden Ver Beta: landing at the Maasvlakte; deltalinqs.nl: "
    "IJmuiden Ver Alpha to Borssele; nwea.nl: IJmuiden Ver Beta end 2029",
)
S_DRI_H2 = source(
    "dri_h2",
    "POSTED database (github.com/PhilippVerpoort/posted, tedfs/Tech/Iron Direct "
    "Reduction.csv), hydrogen input of H2 shaft furnaces per t DRI: Holling et al. 2017 635"
    " Nm3; Otto et al. 2017 58.17 kg per 1.03 t; Rechberger et al. 2020 (steel research "
    "int. 91) 504.5 Nm3 reduction + 242 Nm3 heating; Sasiain et al. 2020 503.5 + 242 Nm3; "
    "Jacobasch et al. 2021 115.7 kt H2 per 1.74 Mt DRI",
    POSTED,
)
S_ARPAGAUS = source(
    "arpagaus",
    "Arpagaus, Bless, Uhlmann, Schiffmann & Bertsch (2018) High temperature heat pumps: "
    "market overview, state of the art, research status, refrigerants, and application "
    "potentials, Energy 152, 985-1010: market HTHPs with sinks of 90-160 °C reach COPs of "
    "2.4-5.8 at lifts of 95-40 K; research units 2.2-2.8 at a 70 K lift to a 120 °C sink",
)
S_NETL_H2 = source(
    "netl_h2",
    "Lewis et al. (2022) Comparison of commercial, state-of-the-art, fossil-based hydrogen "
    "production technologies, DOE/NETL-2022/3241, Exhibit 5-7 case 3 (ATR with CCS, 94.5 % "
    "capture: total as-spent cost USD2018 1,467 per kg H2/day; fixed O&M USD2018 24.7M/yr "
    "for 660 t H2/day), as tabulated in the POSTED database "
    "(github.com/PhilippVerpoort/posted, tedfs/Tech/Methane Reforming.csv)",
    POSTED,
)
S_ECB_FX = source(
    "ecb_fx",
    "ECB euro foreign exchange reference rates, 2018 annual average USD 1.181 per EUR",
)
S_CEPCI = source(
    "cepci",
    "Chemical Engineering Plant Cost Index annual averages 2017 567.5, 2018 603.1, 2019 "
    "607.5, 2023 797.9 (chemengonline.com, annual-average announcements)",
)
S_EB_GAS = source(
    "energy_tax_gas_2025",
    "Energy tax on natural gas 2025 per m3 by yearly use per connection (Wet belastingen op"
    " milieugrondslag art. 59, Belastingplan 2025) via rendement.nl 'Verlaging van de "
    "energiebelasting op aardgas': 0-170,000 m3 EUR 0.5782; 170,000-1M EUR 0.3157; 1M-10M "
    "EUR 0.2035; > 10M EUR 0.0539; exemptions for gas used for electricity generation and "
    "for metallurgical and mineralogical processes (Wbm art. 64, lid 1 and 4)",
)
S_EB_EL = source(
    "energy_tax_electricity",
    "Energy tax on electricity per kWh by yearly use per connection (Wbm art. 59) via "
    "pzem.nl 'Tarieven energiebelasting' (2024: > 10 million kWh business use EUR 0.00188; "
    "50,000-10M kWh EUR 0.03943) and engie.nl (2025 indicative: 50,000-10M kWh EUR "
    "0.03814); electricity for chemical reduction, electrolytic and metallurgical processes"
    " exempt (Wbm art. 64 lid 4)",
)
S_MIDDEN_SITES = source(
    "midden_sites",
    "PBL/TNO MIDDEN database v0.3, midden.json (github.com/pbl-nl/MIDDEN, commit e404e16): "
    "NEa 2020 verified emissions, NACE code and cluster of each installation",
    MIDDEN,
)
S_HH1 = source(
    "hh1",
    "Shell Venster 2025 'Het kloppend hart achter de grootste groene waterstoffabriek van "
    "Europa' (shell.nl): Holland Hydrogen 1, 10 x 20 MW electrolysers on Maasvlakte 2, "
    "opening planned end 2026, up to 60 t H2/day; FID July 2022 (nd.nl 2022-07, "
    "rechargenews.com)",
)
S_ELYGATOR = source(
    "elygator",
    "Air Liquide FID ELYgator, 200 MW electrolyser Maasvlakte, operational end 2027, 23 kt "
    "H2/yr, mainly for TotalEnergies (duurzaam-ondernemen.nl 2025-07; power-to-x.de: "
    "TotalEnergies takes 130 MW for its Antwerp refinery)",
)
S_YARA_NL = source(
    "yara_nl",
    "Northern Lights / Yara binding agreement (norlights.com, Nov 2023): 800 kt CO2/yr from"
    " Yara Sluiskil ammonia production, liquefied and shipped to Norway; "
    "duurzaam-ondernemen.nl 2025-03: liquefaction unit under construction, ship calls twice"
    " a week from 2026",
)
S_TATA_GS = source(
    "tata_gs",
    "Tata Steel Nederland Green Steel plan (steeltimesint.com / eurometal.net, May 2024: "
    "stage 1 = 1 DRP + 1 EAF replacing BF7 and coke & gas plant 2 'as soon as 2030', -40 % "
    "CO2, scrap 17 % -> 30 %; EAF about 3 Mt/yr per market participants (Fastmarkets); "
    "stage 2 closes BF6 2030-2045); JLoI with State and Province Sep 2025",
)
S_ARAMIS = source(
    "aramis",
    "Aramis: State (EBN/Gasunie) takes over the trunkline investment, FID 2026, "
    "construction completed by 2030 (businessinsider.nl; evrimagaci.org 2025, EUR 639M "
    "state commitment); aramis-ccs.com: 22 Mt/yr ultimate, ship delivery possible (Zeeland,"
    " Antwerp)",
)
S_PACE = source(
    "routekaart_elektrificatie",
    "Routekaart Elektrificatie in de Industrie (TKI Energie en Industrie, DNV, TNO 2021): at least 30 TWh "
    "of extra industrial electricity by 2030 (about 3.4 GW at 8,760 h), a total that gives no pace per "
    "technology or year",
)
S_TRL_COMM = source(
    "trl_comm",
    "PBL/TNO MIDDEN database v0.3, pcd.json base configurations: the reference technologies"
    " in operation at the Dutch plants; imports are commodities traded today (TRL 9 = "
    "actual system proven in operational environment, EU Horizon 2020 TRL scale)",
    MIDDEN,
)
S_IRENA_P2H = source(
    "irena_p2h",
    "IRENA (2019) Innovation landscape for smart electrification, 'High-temperature "
    "electricity-based applications for industry' (irena.org): e-crackers in pilot phase; "
    "plasma-heated cement kilns at proof-of-concept stage",
)
S_HORN_GLASS = source(
    "horn_glass",
    "HORN Glass Industries 'Developments in all-electric glass melting' (hornglass.com): "
    "all-electric furnaces are established for specialty glass; for container glass limited"
    " to a pull below about 200 t/d; hybrid 20-80 % electric concepts as next step",
)
S_H2GLASS = source(
    "h2glass",
    "H2GLASS project (enlit.world, 12 Dec 2025): 100 % hydrogen combustion being "
    "demonstrated at five industrial glass furnaces and one aluminium replicability "
    "demonstrator",
)
S_NH3_HIST = source(
    "nh3_hist",
    "Rouwenhorst, Travis & Lefferts (2022) 1921-2021: A Century of Renewable Ammonia "
    "Synthesis, Sustainable Chemistry 3(2) 149-171: Haber-Bosch plants fed by electrolytic "
    "hydrogen operated commercially from 1921",
)
S_GLOBALCEMENT_EL = source(
    "globalcement_el",
    "Global Cement (2022) Update on electric cement kilns (globalcement.com): Coolbrook "
    "RotoDynamic Heater pilot, industrial pilots planned with Cemex and UltraTech",
)
S_EU_SA_2026 = source(
    "eu_ets_state_aid_2026",
    "Communication from the Commission amending the Guidelines on certain State aid "
    "measures in the context of the system for greenhouse gas emission allowance trading "
    "post-2021 (C/2026/196, OJ C 5.1.2026): 20 new sectors and 2 subsectors eligible (among"
    " them organic chemicals and certain ceramics, glass and battery activities), aid "
    "intensity 75 -> 80 % for the sectors eligible before, emission factors updated for "
    "2026-2030 (summaries: lexisnexis.co.uk, eutoday.net, miragenews.com)",
)
S_VNCI_IKC = source(
    "vnci_ikc",
    "VNCI (2025) Europese Commissie verruimt spelregels IKC (vnci.nl): 'organische chemie' "
    "and 'kunstmeststoffen' newly on the list, 75 -> 80 % for sectors already listed, "
    "applicable from consumption year 2025",
)
S_FME_NEIGHBOURS = source(
    "fme_neighbours",
    "FME (13 Feb 2026) via metaalkrant.nl, citing research: all-in electricity price of "
    "large industrial users 2025 NL EUR 88, DE 62, BE 75 per MWh",
)
S_TDTR = source(
    "tdtr",
    "TenneT (Energy Booster, March 2026) Meer aansluitmogelijkheden door slim gebruik "
    "daluren: the time-bound transport right (TDTR) guarantees transport in at least 85 % "
    "of the hours of a year; ACM code decision of 16 July 2024 (Stcrt. 2024, 23594): firm, "
    "fully variable, time-bound and time-block transport rights from 1 April 2025",
)
S_ACM_TARIFF = source(
    "acm_tariff",
    "ACM tariff code decision of 9 July 2024 (Stcrt. 2024, 23593): the transport-dependent "
    "tariff of large users is recovered 50 % on contracted kW and 50 % on the monthly kW "
    "peak",
)
S_FLEXE = source(
    "flexe",
    "Stcrt. 2025, 6499 (Flex-e regulation: subsidy for flexibility measures of grid users >= 1 kV)",
    "https://zoek.officielebekendmakingen.nl/stcrt-2025-6499.html",
)
S_SDE_HEKJES = source(
    "sde_hekjes",
    "Rijksoverheid (1 Mar 2024) Subsidieregeling voor duurzame energie en verlagen "
    "CO2-uitstoot vanaf september geopend: SDE++ 2024 opening budget EUR 11.5bn, hekjes of "
    "EUR 1bn each for the domains low-temperature heat, high-temperature heat (open "
    "industrial heat pumps, electric boilers) and molecules (green gas, renewable fuels); "
    "Rijksoverheid (17 Feb 2023): maximum EUR 400/t inside the hekjes, 300 outside",
)
S_SDE_2022 = source(
    "sde_2022",
    "Rijksoverheid (26 Apr 2023) 12 miljard euro toegekend aan duurzame projecten: SDE++ "
    "2022 awards EUR 12bn, of which CCS 6.7bn (8 Aramis-linked projects), heat over 3bn, "
    "renewable electricity 1bn",
)
S_RED3 = source(
    "red3_art22a",
    "Directive (EU) 2018/2001 as amended by Directive (EU) 2023/2413 (RED III), Article "
    "22a: RFNBOs at least 42 % of the hydrogen used for final energy and non-energy "
    "purposes in industry by 2030 and 60 % by 2035 (argusmedia.com 2023-10-09; "
    "hydrogeninsight.com); Commission guidance C/2025/2983 on the scope of Article 22a",
    eur_lex("32023L2413"),
)
S_WBM64 = source(
    "wbm_art64",
    "Wet belastingen op milieugrondslag art. 64 lid 4: exemption for natural gas used for "
    "metallurgical and mineralogical processes and for electricity used for chemical "
    "reduction and electrolytic and metallurgical processes (explore.law; Hoge Raad "
    "conclusion ECLI:NL:PHR:2022:1129); Energy Taxation Directive 2003/96/EC art. 2(4)(b): "
    "dual use and non-fuel (feedstock) use of energy products outside its scope",
)
S_IRON_ORE = source(
    "iron_ore",
    "S&P Global Commodity Insights (11 Mar 2025) Asian iron ore market 2024 review: Platts "
    "62 % Fe IODEX averaged USD 109.44/dmt in 2024; Kallanish (31 Dec 2024): KORE 62 % Fe "
    "USD 104.83 and 65 % Fe USD 119.23/dmt cfr Qingdao; ECB euro reference rate 2024 USD "
    "1.0824 per EUR",
)
S_WORLDSTEEL_RAW = source(
    "worldsteel_raw",
    "worldsteel fact sheet Steel and raw materials (2019/2021): the BF-BOF route uses 1,370"
    " kg iron ore, 780 kg metallurgical coal, 270 kg limestone and 125 kg recycled steel "
    "per t crude steel; the 2016 fact sheet: the recycled-steel EAF route uses 880 kg "
    "recycled steel plus other metallics per t",
)
S_SCRAP = source(
    "scrap",
    "CRU Recycled Metals Update (Feb 2024) European scrap prices mostly stable: European "
    "scrap EUR 355-385/t depending on grade and country",
)
S_PYRO_BASF = source(
    "pyro_basf",
    "Reuters (17 Nov 2025) via tradingkey.com: BASF and ExxonMobil to build a methane "
    "pyrolysis demonstration plant at Baytown (up to 2,000 t H2 and 6,000 t solid carbon a "
    "year); the process needs about five times less electricity than water electrolysis; "
    "BASF test plant in Ludwigshafen since 2021 (BASF Report 2021)",
)
S_PYRO_STOICH = source(
    "pyro_stoich",
    "stoichiometry CH4 -> C + 2 H2: 4 kg CH4 (200 MJ LHV, 50 MJ/kg) and 3 kg solid carbon "
    "per kg H2, reaction enthalpy 74.8 kJ/mol CH4 = 5.2 kWh per kg H2 at least, no process water; "
    "Lotfollahzade Moghaddam et al. (2025) Methane pyrolysis for hydrogen "
    "production, Energy Environ. Sci., doi:10.1039/D4EE06191H",
    "https://doi.org/10.1039/D4EE06191H",
)
S_MONOLITH = source(
    "monolith",
    "US DOE Loan Programs Office (23 Dec 2021) conditional loan guarantee of USD 1.04bn to "
    "Monolith Nebraska for Olive Creek 2 (about 194,000 t/yr carbon black; its hydrogen for"
    " about 275,000 t/yr ammonia), via h2bulletin.com, spglobal.com and hpj.com",
)
S_HE_PATHWAYS = source(
    "he_pathways",
    "Hydrogen Europe (2024) Clean Hydrogen Production Pathways Report, via kallanish.com "
    "(2024-07): turquoise hydrogen EUR 2.3/kg at February 2024 gas prices, grey EUR 3.3/kg",
)
S_PYRO_CARBON = source(
    "pyro_carbon",
    "Keipi, Tolvanen & Konttinen (2018) Economic analysis of hydrogen production by methane"
    " thermal decomposition, Energy Convers. Manag. 159:264-273 (competitive with SMR at a "
    "carbon value of 280-310 EUR/t); Shokrollahi et al. (2024) Int. J. Hydrogen Energy, "
    "doi:10.1016/j.ijhydene.2024.04.056 (carbon black at USD 200/t in the base case; above "
    "USD 500/t cheaper than SMR without CCS)",
)
S_DEA_OFFWIND = source(
    "dea_offwind",
    "Danish Energy Agency, Technology Data for Generation of Electricity and District "
    "Heating, sheet 21 Offshore turbines, and Technology Data for Energy Transport (July "
    "2025), sheet 1.8 el substations, as compiled in PyPSA technology-data "
    "outputs/costs_2035.csv (github.com/PyPSA/technology-data, commit 634cdc1): turbines "
    "EUR2020 2,040/kW_e without grid connection, fixed O&M 2.25 %/yr, 30 yr; offshore and "
    "onshore AC station EUR 820/kW_e, 1.5 %/yr",
    PYPSA_TECHNOLOGY_DATA,
)
S_OFFSHORE_H2 = source(
    "offshore_h2",
    "Dutch government (20 Mar 2023): 500 MW offshore electrolysis in the Ten noorden van de"
    " Waddeneilanden wind area, operating about 2031, hydrogen landed by a reused gas "
    "pipeline, after a 50-100 MW pilot (rechargenews.com, windpowernl.com, reccessary.com: "
    "tender 2026 or 2027); RVO (7 May 2025) results of the survey of interest: first "
    "offshore hydrogen demonstration of 30-50 MW, EUR 380M from the Climate Fund",
)
S_CRACKER = source(
    "cracker",
    "Ishimoto et al. (2020) Int. J. Hydrogen Energy, doi:10.1016/j.ijhydene.2020.09.017, "
    "tables 6-7 (cracker EUR2015 1,062 per kW H2 at 200 t NH3/d, 528 at 2,500 t/d; fixed "
    "O&M 4.3 %/yr; 25 yr; ammonia LHV 5.167 MWh/t) and ENGIE et al. (2020) Ammonia to Green"
    " Hydrogen Feasibility Study, fig. 10 (1.46 MWh NH3 per MWh H2, the cracker's heat and "
    "power from ammonia), as compiled in PyPSA technology-data inputs/manual_input.csv "
    "(github.com/PyPSA/technology-data, commit 634cdc1); CATF (2023) Techno-economic "
    "Realities of Long-Distance Hydrogen Transport (KBR): cracking imported ammonia back to"
    " hydrogen adds about 50 % to its delivered cost",
    PYPSA_TECHNOLOGY_DATA,
)
S_H2GLOBAL = source(
    "h2global",
    "H2Global pilot auction (S&P Global, 11 Jul 2024): Fertiglobe renewable ammonia "
    "delivered to North-West Europe via Rotterdam at EUR 1,000/t from 2027 (Platts: green "
    "ammonia USD 1,004/t, grey USD 490/t); ammoniaenergy.org (6 Aug 2025): SECI India "
    "auctions USD 591-641/t, H2Global gross delivery price EUR 1,153/t",
)
S_POR_IMPORT = source(
    "por_import",
    "Port of Rotterdam and 17 companies (2022): study of a central ammonia cracker for "
    "about 1 Mt H2/yr of imports (deltaoiltanking.com, h2eg.com); ACE Terminal (Gasunie, "
    "HES, Vopak) ammonia import terminal at Maasvlakte (europoortkringen.nl, 2023); Air "
    "Products and Gunvor import terminal plan (Reuters, 2023)",
)
S_DELEGATED_ACT = source(
    "eu_low_carbon_fuels_da",
    "Commission Delegated Regulation (EU) 2025/2359 of 8 July 2025 (C(2025) 4674), GHG "
    "methodology for low-carbon fuels: fossil comparator 94 g CO2e/MJ, low-carbon threshold"
    " 70 % below it (28.2 g CO2e/MJ = 3.38 kg CO2e/kg H2); default upstream CO2 of natural "
    "gas 4.9 g CO2/MJ (as reported by Agence Europe bulletin 13677/21, 2025-07-09, and "
    "White & Case, 2025)",
)
S_METHANE = source(
    "methane",
    "methane leakage: low end the Delegated Act's lowered default methane intensity (0.19 g"
    " CO2e/MJ, about 0.04 % leakage; Agence Europe 13677/21, 2025); high end the IEA "
    "Methane Tracker global average of 3.2 % cited by EDF Europe et al. open letter "
    "(2025-02-06)",
)
S_GWP = source(
    "gwp",
    "IPCC AR6 WG1 (2021) Table 7.15: GWP100 of fossil methane 29.8",
)
S_GRID_NL = source(
    "grid_nl",
    "CE Delft (2022) Ketenemissies elektriciteit, actualisatie elektriciteitsmix 2021, for "
    "CO2emissiefactoren.nl (ce.nl): Dutch electricity 300 g CO2/kWh at generation in 2021 "
    "(374 with chain emissions)",
)
S_RFNBO = source(
    "eu_rfnbo_ghg",
    "Commission Delegated Regulation (EU) 2023/1185 (RFNBO GHG methodology): renewable "
    "hydrogen and its derivatives must save 70 % against 94 g CO2e/MJ (at most 28.2 g "
    "CO2e/MJ, 3.38 kg CO2e/kg H2), imports included; electricity from a directly connected "
    "renewable installation counts as zero and emissions from the manufacture of machinery "
    "and equipment are not taken into account",
    eur_lex("32023R1185"),
)
S_DECHEMA = source(
    "dechema",
    "DECHEMA (2017) Low carbon energy and feedstock for the European chemical industry, as "
    "compiled in PyPSA technology-data inputs/manual_input.csv (commit 634cdc1): "
    "Haber-Bosch 1.1484 MWh H2 and 0.2473 MWh_e per MWh NH3; Danish Energy Agency, "
    "Technology Data for Energy Transport (2021), H2 140 bar pipeline 0.0185 MW_e per 1000 "
    "km per MW H2 (same compilation)",
    PYPSA_TECHNOLOGY_DATA,
)


# ---- MIDDEN technologies (tc.json), one entry per technology elektra takes figures from
def _midden(code: str, text: str) -> str:
    return source(
        f"midden_tc{code}",
        f"PBL/TNO MIDDEN database v0.3, technology table tc.json (commit e404e16): {text}",
        MIDDEN,
    )


S_MIDDEN_TC0030 = _midden(
    "0030",
    "TC0030 top-gas-recycling blast furnace with CO2 capture: EUR2017 758M per Mt pig iron/yr, fixed "
    "O&M EUR 22.7M/yr per Mt, 0.786 t CO2 captured per t, TRL 5",
)
S_MIDDEN_TC0037 = _midden(
    "0037",
    "TC0037 electric arc furnace fed with DRI: 2.07 PJ electricity, 0.78 PJ gas and 0.76 PJ coal per "
    "Mt steel, 0.98 t DRI per t steel, TRL 9",
)
S_MIDDEN_TC0039 = _midden(
    "0039",
    "TC0039 hydrogen direct-reduction shaft furnace (H-DR reactor): EUR2017 905M per Mt DRI/yr (range "
    "673-1,140), 44.2 kt H2 per Mt DRI, 1.43 t pellets per t DRI, fixed O&M 3 % of capex, TRL 5",
)
S_MIDDEN_TC0060 = _midden(
    "0060",
    "TC0060 stone wool by immersed electric arc and TC0069 electric glass-wool furnace, both TRL 7",
)
S_MIDDEN_TC0062 = _midden(
    "0062",
    "TC0062 stone wool with hydrogen instead of natural gas (TRL 6) and TC0321 hydrogen dryer for "
    "blast-furnace slag (TRL 4)",
)
S_MIDDEN_TC0263 = _midden(
    "0263",
    "TC0263 steam cracker with hydrogen-fired furnaces (VNPI 2018): EUR2018 435 per t HVC/yr (220-650), "
    "8.28 GJ hydrogen and 0.59 GJ electricity per t HVC, TRL 5",
)
S_MIDDEN_TC0264 = _midden(
    "0264",
    "TC0264 electrically heated steam cracker (Navigant 2019; VNPI/DNV GL 2018): EUR2019 680 per t "
    "HVC/yr (140-1,210), 8.08 GJ electricity per t HVC, the existing cracker's 0.59 TJ electricity per kt "
    "HVC, TRL 3, first year 2040; its note cites Navigant (2019): 0.6-4.5 MEUR/MWth for electric cracking "
    "furnaces",
)
S_MIDDEN_TC0352 = _midden(
    "0352",
    "TC0352 steam methane reforming (IEAGHG 2017): 182 TJ natural gas (fuel and feed) per kt H2, 9.0 t "
    "CO2 per t H2",
)
S_MIDDEN_TC0354 = _midden(
    "0354",
    "TC0354 pre-combustion CO2 capture on an SMR: EUR 193 per t CO2/yr, 175 kWh electricity and 313 kWh "
    "heat per t CO2, TRL 9",
)
S_MIDDEN_TC0361 = _midden(
    "0361",
    "TC0361 alkaline electrolysis (AEL): 53.6 kWh per kg H2 (62 % LHV), EUR 1.0-3.6M per MW H2, fixed "
    "O&M EUR 0.14M per MW H2 per yr, 30 yr, TRL 9 (PEM, TC0362: TRL 8)",
)
S_MIDDEN_TC0425 = _midden(
    "0425",
    "TC0425 autothermal reforming with CO2 capture (H-Vision 2019, p. 51): 3.13 GW gas to 2.4 GW H2, 53 "
    "MWe per GW H2, EUR2019 380M per GW H2, O&M 2.5 %/yr, TRL 9",
)
S_MIDDEN_TC0446 = _midden(
    "0446",
    "TC0446 natural-gas boiler: 0.0341 PJ gas per 0.0315 PJ steam (92.4 %), TRL 9; a boiler burning "
    "green gas is the same boiler",
)
S_MIDDEN_TC0461 = _midden(
    "0461",
    "TC0461-TC0463 electric (electrode) boilers for LP, MP and HP steam (Lensink 2020 SDE++ eindadvies; "
    "DEA 2020): EUR2019 115/kW (80-250), fixed O&M 2.3 kEUR/MW/yr (1.6-5.0), 99 %, TRL 9",
)
S_MIDDEN_TC0471 = _midden(
    "0471",
    "TC0471-TC0472 industrial heat pumps for LP and MP steam (PBL 2021 conceptadvies SDE++ "
    "grootschalige warmtepompen): EUR2020 976/kW (488-1,950), fixed O&M 20 kEUR/MW/yr, COP 3.5, TRL 9",
)
S_MIDDEN_TC0474 = _midden(
    "0474",
    "TC0474-TC0476 hydrogen boilers, retrofit (Navigant 2019): EUR2019 140/kW (120-160), fixed O&M "
    "17.5 kEUR/MW/yr, 90 %, TRL 7",
)
S_MIDDEN_TC0478 = _midden(
    "0478",
    "TC0478 post-combustion CO2 capture (Lensink & Schoots 2021 SDE++ eindadvies; DEA 2020): EUR 257 "
    "per t CO2/yr (142-327), 175 kWh electricity and 1,028 kWh heat per t CO2, 90 % capture, O&M "
    "including transport and storage at the Porthos tariff EUR 54.8/t (51.4-56.9), TRL 9",
)

# ---- composites and definitions
S_EC_NIKI = source(
    "ec_niki",
    "European Commission IP/25/1250 (EUR 1.2bn NIKI scheme approved) via openrijk.nl",
)
S_NIKI = f"{S_EC_NIKI}; {S_KB}"
S_NEA_DPR_2022 = source(
    "nea_levy_reduction_factor",
    "NEa (15 Jun 2022) 'Aanpassing reductiefactor CO2-heffing aangekondigd': reduction factor 1.213 in "
    "2023, falling by 0.078 a year (enacted in Belastingplan 2023)",
)
S_NEA_DPR = f"{S_NEA_DPR_2022}; {S_BP2026_LEVY}"
S_ZERO_DIRECT = source(
    "elektra_definition_zero_direct",
    "elektra definition (no figure to source): electricity and hydrogen emit no CO2 where they are "
    "used; the ETS counts a fuel's CO2 at the installation that burns it (Directive 2003/87/EC Annex I)",
)
S_MRR = source(
    "eu_mrr_biomass",
    "Commission Implementing Regulation (EU) 2018/2066 (monitoring and reporting of greenhouse gas "
    "emissions), Art. 38: the emission factor of biomass is zero",
    eur_lex("32018R2066"),
)
S_CBAM_GOODS = source(
    "eu_cbam_goods",
    "Regulation (EU) 2023/956 (CBAM), Annex I: the goods covered are cement, electricity, fertilisers, "
    "iron and steel, aluminium and hydrogen",
    eur_lex("32023R0956"),
)
S_KST_ELECTROLYSIS = source(
    "kst_32813_1143",
    "Kamerbrief kst-32813-1143: target of 3-4 GW electrolysis in 2030",
)
S_MIDDEN_NACE = source(
    "midden_nace_mapping",
    "PBL/TNO MIDDEN database v0.3, midden.json NACE codes of the installations, mapped to elektra's "
    "sectors in the reference notes (tools/dataset_nl/reference/README_data_nl.md section 1c)",
    MIDDEN,
)
S_CLUSTERS = source(
    "ces_clusters",
    "Cluster Energiestrategieen (CES): the five industrial clusters and cluster 6, as used by PBL/TNO "
    "MIDDEN (field cluster_name; cluster 6 = MIDDEN 'Other') and the Kamerbrief EII 2026",
    MIDDEN,
)
S_SERVICES = source(
    "elektra_definition_services",
    "elektra service definition: temperature bands heat_low < 100 °C, heat_medium 100-400 °C (steam), "
    "heat_high > 400 °C (furnaces); MIDDEN steam pressure classes mapped to bands (reference notes 2c)",
)
S_CARRIERS = source(
    "elektra_definition_carriers",
    "elektra carrier definition: the ETM/IEA energy-balance carrier groups (reference notes 2a)",
)
S_PBL_CES3 = source(
    "pbl_ces3_reflection",
    "PBL/TNO/RVO (Dec 2024) Reflectie op Cluster Energiestrategieen (CES 3.0), via duurzaam-ondernemen.nl "
    "and ANP: KEV 2024 industry 2030 range 33.3-42.5 Mt CO2e, expected 38.5, indicative residual target "
    "29.1 Mt, planned CCS 21 Mt/yr in 2030",
)
S_KLIMAATAKKOORD = source(
    "klimaatakkoord_industry_target",
    "Klimaatakkoord targets quoted in telegraaf.nl (Apr 2023): industry 35.7 Mt CO2e in 2030 (NWEA 2021 "
    "cites 37.7)",
)
S_PBL_LEVY = source(
    "pbl_levy_abolition",
    "PBL via ANP 12-9-2025: abolishing the national CO2 levy adds 1-2 Mt CO2 in 2030",
)
S_CBS_INFLATION = source(
    "cbs_inflation_2022",
    "CBS (2023) Inflatie 10 procent in 2022, cbs.nl/nl-nl/nieuws/2023/02/inflatie-10-procent-in-2022: "
    "CPI +2.7 % in 2021, +10.0 % in 2022",
)

# ---- the hydrogen MCA's own sources (mca_criteria.py)
S_ELEKTRA_DATASET = source(
    "elektra_dataset_nl",
    "elektra dataset data/nl: the LP's own figures of each option's plant (route_inputs.csv, "
    "routes_techno_economic.csv, carriers_prices.csv, life_cycle.csv), each with its sources",
)
S_IRENA_WATER = source(
    "irena_water_hydrogen",
    "IRENA & Bluerisk (2023) Water for hydrogen production (figures as summarised by synerhy.com "
    "2024-03-07: alkaline 22.3, PEM 17.5, SMR 17.5, SMR with capture 32.1 L/kg H2; hydrogeninsight.com "
    "2023-12: electrolysis 9 L/kg stoichiometric plus cooling)",
)
S_ASSUMPTION = source(
    "elektra_assumption",
    "Assumption of the elektra dataset where no public figure was found: the row's method says what it "
    "rests on, its low and high give the range assumed",
)
S_IKC_REGULATION = source(
    "ikc_regulation_2022",
    "Regeling van de Minister van Economische Zaken en Klimaat van 30 augustus 2022, nr. WJZ/21185084 "
    "(Stcrt. 2022, 23127): titel 4.4 Indirecte emissiekosten ETS of the Regeling nationale EZK- en "
    "LNV-subsidies, art. 4.4.1: CO2-emissiefactor 0,45 tCO2/MWh",
    "https://zoek.officielebekendmakingen.nl/stcrt-2022-23127.html",
    TODAY,
)
S_IKC_BUDGETS_2025 = source(
    "ikc_budgets_2025_2027",
    "klimaatweb.nl, 'Komende jaren toch vergoeding voor hoge elektriciteitskosten industrie': IKC-ETS "
    "extended by three years as part of the Pakket voor Groene Groei, EUR 167.4M available in 2025, "
    "EUR 129.2M reserved for 2026 and EUR 200M for 2027",
    "https://klimaatweb.nl/nieuws/komende-jaren-toch-vergoeding-voor-hoge-elektriciteitskosten-industrie",
    TODAY,
)
S_FME_IKC = source(
    "fme_ikc_ask_2026",
    "FME (Feb 2026), as noted in tools/dataset_nl/reference/README_data_nl.md section 5: FME asks EUR "
    "505M a year for IKC-ETS to 2035, with EUR 330M a year for a VCR alternative",
)
S_RFNBO_DA = source(
    "eu_rfnbo_da_2023_1184",
    "Commission Delegated Regulation (EU) 2023/1184 (RFNBO production rules): hydrogen from the "
    "electricity of a renewable installation directly connected to the electrolyser counts as fully "
    "renewable",
    eur_lex("32023R1184"),
    TODAY,
)
S_RFNBO_GUIDANCE = source(
    "eu_rfnbo_guidance_2025",
    "Communication from the Commission C/2025/2983 (OJ C, 27.5.2025): guidance on the RFNBO targets "
    "of Articles 22a, 22b and 25 of Directive (EU) 2018/2001: the hydrogen used for final energy and "
    "non-energy purposes in industry counts whether bought or made on site (the reformer of an ammonia "
    "plant); hydrogen used for conventional transport fuels in refineries does not",
    "https://eur-lex.europa.eu/eli/C/2025/2983/oj",
    TODAY,
)
S_ARAMIS_DELAY = source(
    "aramis_delay_2025",
    "energeia.nl, minister Hermans to the Tweede Kamer (2025): higher charges on waste incineration make "
    "CO2 capture investments uncertain, which worsens Aramis' business case and makes an investment "
    "decision in 2026 unlikely; the project will then not be operational before the end of 2030",
    "https://energeia.nl/genre/nieuws/page/35",
    TODAY,
)
S_TENNET_ZEELAND_STOP = source(
    "tennet_zeeland_stop",
    "TenneT, as reported by nu.nl and de Volkskrant (July 2023) and tweakers.net: the Zeeland "
    "high-voltage grid is at its maximum (requests of 3.5 GW for electrolysers, batteries and the "
    "electrification of industry, about eight times the province's use): a temporary stop on new and "
    "heavier connections of large users; more than EUR 1bn invested over ten years, complete between "
    "2033 and 2035",
    "https://tweakers.net/nieuws/211884/stroomnet-zeeland-is-vol-netbeheerder-stopt-nieuwe-aanvragen-grootverbruikers.html",
    TODAY,
)
S_TENNET_BRABANT_2025 = source(
    "tennet_brabant_2025",
    "TenneT (2 Dec 2025) via duurzaam-ondernemen.nl and Omroep Brabant: 805 MW of offtake capacity freed "
    "in Noord-Brabant over two years; about 200 MW in part of West-Brabant at once for customers on the "
    "waiting list (80 MW of it to Enexis); an extra transformer at Geertruidenberg in 2026 (200 MW for "
    "West-Brabant)",
    "https://www.duurzaam-ondernemen.nl/doorbraak-in-problematiek-vol-stroomnet-in-brabant/",
    TODAY,
)
S_EUA_FUTURES = source(
    "eua_futures_2026_03",
    "HEG Daily Energy Market Report, 4 March 2026 (heg.ie): ICE EUA futures settlements Dec-26 EUR "
    "70.76/t, Dec-27 72.83, Dec-28 75.09, Dec-29 77.70",
    "https://www.heg.ie/reports/files/basic-html/page32.html",
    TODAY,
)
S_BNEF_ETS = source(
    "bnef_eua_outlook_2025",
    "BloombergNEF (Nov 2025) EU carbon price outlook under current policy, as reported by "
    "solarbeglobal.com: EUA EUR 75/t at the end of 2025, 142 in 2030, 185 in 2035",
    "https://www.solarbeglobal.com/eu-carbon-allowance-prices-could-rise-90-within-five-years",
    TODAY,
)
S_ANALYSTS_2025 = source(
    "reuters_eua_poll_2025_07",
    "Reuters (16 Jul 2025) analysts' EU carbon price forecasts: ten analysts' average for 2025 EUR "
    "75.15/t; the benchmark contract at 71.30, down from the year's intra-day peak of 84.50",
    "https://squidsite02.com/2025/07/16/analysts-eu-carbon-price",
    TODAY,
)
S_BP2026_ENERGY_TAX = source(
    "engie_belastingplan_2026",
    "ENGIE Zakelijk, 'Wijzigingen energiebelasting' (2025): with Belastingplan 2026 and earlier plans the "
    "energy tax on natural gas rises in 2026 for the tiers up to 10 million m3, the tax on electricity falls",
    "https://www.engie.nl/zakelijk/klantenservice/energiebelasting/wijzigingen",
    TODAY,
)
S_CBAM_SECTORS = source(
    "elektra_cbam_sector_flags",
    "elektra's CBAM flag per sector, from the Dutch installations in MIDDEN (NEa 2020 emissions, "
    "tools/dataset_nl/reference/README_data_nl.md section 1c): true where most of a sector's emissions "
    "make CBAM goods (iron and steel, ammonia, hydrogen); false for cement_lime (lime, mineral wool and "
    "other minerals: the only cement site, ENCI IJmuiden, grinds clinker, 0.012 of 0.19 Mt) and "
    "non_ferrous (carbon anodes of Aluchemie, Century Vlissingen, zinc of Nyrstar Budel and E-MAX: 0.20 "
    "of 0.37 Mt; aluminium of Aldel and Zalco 0.17 Mt)",
    MIDDEN,
)
S_FLEXE_MODULE = source(
    "flexe_module_2025",
    "Mondaq (9 Apr 2025) 'New subsidy module Flexible electricity consumption for organisations': from 1 "
    "April 2025, for connections of at least 1 kV with at least 100 kW contracted in a congestion area: a "
    "flexibility scan (50 % of the cost, at most EUR 10,000) and a feasibility study (50 %, EUR "
    "10,000-125,000)",
    "https://www.mondaq.com/oil-gas-electricity/1608262/new-subsidy-module-flexible-electricity-consumption-for-organisations",
    TODAY,
)
S_SDE_2025_LETTER = source(
    "kamerbrief_sde_2025",
    "Kamerbrief Openstelling SDE++ 2025 (2025D07786, 21 Feb 2025, minister Hermans), with the PBL/TNO "
    "advice on the base amounts of the 2025 round attached (the amounts themselves not retrieved here)",
    "https://berthub.eu/tkconv/document.html?nummer=2025D07786",
    TODAY,
)
S_GEMINI = source(
    "gemini_wind_farm",
    "Gemini offshore wind farm (Northland Power, Siemens, Van Oord, HVC), 85 km north of Groningen, opened "
    "2017: 600 MW, 2.6 TWh of electricity a year (as published by the project, via dutchledprojects.nl and "
    "NOS 2017-05)",
    "https://dutchledprojects.nl/nl/blog/gemini-windmolenpark-op-de-noordzee",
    TODAY,
)

# ---- the price index (deflator.py)
S_CBS_CPI_2019 = source(
    "cbs_cpi_2016_2019",
    "CBS (Jan 2020) via NOS and Nederlands Dagblad: consumer prices +2.6 % in 2019, +1.7 % in 2018, "
    "+1.4 % in 2017, +0.3 % in 2016 (CPI, yearly average)",
    "https://www.nd.nl/nieuws/economie/947625/prijzen-flink-omhoog-toch-meer-koopkracht",
    TODAY,
)
S_CBS_CPI_2020 = source(
    "cbs_cpi_2020",
    "CBS CPI, yearly inflation 2020: 1.3 % (as tabulated by hoeveelinflatie.nl from CBS's monthly CPI)",
    "https://hoeveelinflatie.nl/nl/2020",
    TODAY,
)
S_CBS_CPI_2024 = source(
    "cbs_cpi_2024",
    "CBS (Jan 2025) Inflatie 3,3 procent in 2024: CPI +3.3 % in 2024, +3.8 % in 2023 (HICP +3.2 % and "
    "+4.1 %)",
    "https://www.cbs.nl/nl-nl/nieuws/2025/03/inflatie-3-3-procent-in-2024",
    TODAY,
)
S_CBS_CPI_2025 = source(
    "cbs_cpi_2025",
    "CBS (13 Jan 2026) via accountancyvanmorgen.nl: consumer prices +3.3 % in 2025, as in 2024 (CPI)",
    "https://www.accountancyvanmorgen.nl/2026/01/13/inflatie-in-nederland-in-2025-blijft-op-33-procent/",
    TODAY,
)
S_ECB_TARGET = source(
    "ecb_inflation_target",
    "European Central Bank, monetary policy strategy (2021): a symmetric 2 % inflation target over the "
    "medium term",
    "https://www.ecb.europa.eu/mopo/strategy/html/index.en.html",
    TODAY,
)

# ---- projection: lead times, committed projects, hurdle rates (foresight.py, committed.py)
S_AIR_PRODUCTS_FID = source(
    "ccs_europe_fid_2023",
    "CCS Europe (Dec 2023) 'How many CCS projects are definite?': the FIDs in the EU known by then are "
    "Kalundborg and the Porthos transport and storage project; Air Products announced in November 2023 that "
    "it will build capture at its Rotterdam hydrogen plant connected to Porthos, which the company confirms "
    "is a final investment decision",
    "https://www.ccs-europe.eu/how_many_ccs_projects_are_definite",
    TODAY,
)
S_PORTHOS_TIMELINE = source(
    "porthos_timeline",
    "Porthos (porthosco2.nl FAQ, 2021): FID expected in the second half of 2022 and operation from "
    "2024/2025; Upstream (16 Aug 2023): after the Council of State's ruling on nitrogen, FID in 2023 and "
    "operation by 2026; offshore-energy.biz (Oct 2023): FID taken, construction from 2024, operational "
    "2026",
    "https://www.offshore-energy.biz/with-fid-in-place-first-dutch-co2-storage-project-cleared-for-take-off/",
    TODAY,
)
S_SDE_FINANCE_2021 = source(
    "pbl_sde_2021_financing",
    "PBL (2020) Eindadvies basisbedragen SDE++ 2021, section 3.2 Rendement op eigen vermogen: 11 % "
    "nominal for projects with average risk; 15 % for categories with a markedly higher operational or "
    "policy risk, among them heat pumps and electric boilers, residual heat, hydrogen, CO2 capture and "
    "storage and the new industry options (via 5dok.net)",
    "https://5dok.net/article/rendement-op-eigen-vermogen-reducerende-opties.lq5mo7jy",
    TODAY,
)
S_PAYBACK_RULE = source(
    "activiteitenbesluit_payback",
    "Regeling van 8 juli 2019, nr. WJZ/19142134 (Stcrt. 2019, 38941), toelichting: under article 2.15 of "
    "the Activiteitenbesluit milieubeheer every energy-saving measure with a payback time of five years or "
    "less must be taken (the obligation treats a five-year payback as the line of profitability); "
    "Telegraaf (Sep 2018), citing Agentschap NL: more than half of the companies limit themselves to "
    "investments with a payback of three years",
    "https://zoek.officielebekendmakingen.nl/stcrt-2019-38941.html",
    TODAY,
)

# ---- hindcast: realised prices 2022-2024 (ets.py, carriers_prices.py)
S_EUA_DAILY = source(
    "euets_info_eua_prices",
    "euets.info EUA price series (J. Abrell, github.com/jabrell/euetsinfo, "
    "data/source/manual/ETS_prices.csv): daily EUA spot prices; the mean of the 258 trading days of 2022 "
    "with a futures quote is EUR 80.82/t",
    "https://github.com/jabrell/euetsinfo",
    TODAY,
)
S_EUA_AUCTIONS_2024 = source(
    "argus_eua_auctions_2024",
    "Argus (Dec 2024) 'EU ETS auction revenue decreases in 2024': the primary auctions cleared at an "
    "average EUR 64.76/t CO2e in 2024 against EUR 83.60 in 2023; Veyt (2025) 2024 year in review: average "
    "allowance price EUR 67/t, 22 % below 2023",
    "https://argusmedia.com/de/news-and-insights/latest-market-news/2641480-eu-ets-auction-revenue-decreases-in-2024",
    TODAY,
)
S_CBS_PRICES_2022 = source(
    "cbs_81309_2022",
    "CBS StatLine 81309NED Aardgas en elektriciteit, gemiddelde prijzen eindverbruikers 2007-2022, year "
    "2022, excluding VAT and taxes: natural gas for non-households of 1,000 TJ and more, supply price EUR "
    "25.124/GJ, network price EUR 0.539/GJ; electricity for non-households of 150,000 MWh and more, supply "
    "price EUR 0.150/kWh, network price EUR 0.018/kWh",
    "https://www.cbs.nl/nl-nl/cijfers/detail/81309NED",
    TODAY,
)
S_TTF_2023 = source(
    "ttf_2023_observations",
    "TTF front-month observations in 2023: about EUR 70-73/MWh on 2 January (De Standaard), below EUR 43 "
    "in March (nu.nl), EUR 29.4 in June (Tubantia), week average EUR 45.6 late November (PZEM)",
    "https://www.nu.nl/economie/6254181/europese-gasprijs-naar-laagste-niveau-sinds-zomer-2021.html",
    TODAY,
)

# ---- validation: sector emissions and free allocation (validation.py)
S_CBS_EMISSION_ACCOUNTS = source(
    "cbs_83300",
    "CBS StatLine 83300NED/83300ENG Emissies naar lucht door de Nederlandse economie; nationale rekeningen, "
    "CO2 in mln kg by NACE activity: 2020* (C 43,821; 19 coke and petroleum 10,272; 20 chemicals 18,706; "
    "24 basic metals 6,062; 23 building materials 1,192; 17 paper 889; 10-12 food 4,147), 2022* (C 41,281; "
    "19: 10,495; 20: 15,843; 24: 6,106; 23: 1,431; 17: 893; 10-12: 4,073), 2023* (C 39,038; 19: 10,288; 20: "
    "15,898; 24: 4,780; 23: 1,223; 17: 693; 10-12: 3,893)",
    "https://cbs.nl/en-gb/figures/detail/83300ENG",
    TODAY,
)
S_NEA_ALLOCATION = source(
    "nea_free_allocation",
    "NEa news: 40.5 million free allowances paid out to 346 companies for 2020 (26 Feb 2020), 38.8 "
    "million to 290 companies for 2022 (22 Feb 2022), 33.6 million to 279 companies for 2024, 8 % below "
    "the year before, mainly from lower production in 2023 (2 Jul 2024)",
    "https://www.emissieautoriteit.nl/actueel/nieuws/2024/07/02/nederlandse-emissieautoriteit-keert-336-miljoen-emissierechten-uit-aan-nederlandse-bedrijven",
    TODAY,
)
S_NEA_2022_SITES = source(
    "nea_2022_sites",
    "nu.nl (14 Apr 2023), reporting NEa's 2022 emission figures: ETS industry -8.3 %; Chemelot 3.9 Mt "
    "(-14 %), Dow -11 %, Yara -14 %, the fall mainly from lower production at high gas prices",
    "https://www.nu.nl/klimaat/6259336/industrie-stoot-veel-minder-co2-uit-door-hoge-gasprijs.html",
    TODAY,
)
S_KEV_2025 = source(
    "pbl_kev2025",
    "PBL (Sep 2025) Klimaat- en Energieverkenning 2025: with the policy of 1 January 2025 national "
    "emissions fall 45-53 % by 2030 against 1990 (47-55 % with supplementary policy); few concrete plans "
    "for reductions after 2030 (as summarised by openrijk.nl and duurzaam-ondernemen.nl); the industry "
    "sector's own 2030 and 2035 figures were not retrieved",
    "https://openrijk.nl/en/rijksinstellingen/planbureau-voor-de-leefomgeving/artikel/klimaat-en-energieverkenning-2025/climate-and-energy-outlook-2025",
    TODAY,
)
