"""The set files: clusters, sectors, services, carriers, routes, instruments."""

from __future__ import annotations

from pathlib import Path

from .common import write_set
from .labels import CARRIERS, CLUSTERS, SECTORS, SERVICES
from .routes import ROUTES
from .sources import (
    S_CARRIERS,
    S_CBAM_GOODS,
    S_CBAM_SECTORS,
    S_CLUSTERS,
    S_DEI,
    S_MIDDEN_NACE,
    S_NIKI,
    S_SDE24,
    S_SDE_HEKJES,
    S_SERVICES,
    S_VEKI,
)


def write(out: Path) -> dict[str, int]:
    """Write the set files."""
    n = {}
    # --------------------------------------------------------------- set files
    n["clusters"] = write_set(
        out,
        "clusters",
        ["cluster", "name", "source"],
        [
            [
                k,
                v[0],
                S_CLUSTERS,
            ]
            for k, v in CLUSTERS.items()
        ],
    )
    n["sectors"] = write_set(
        out,
        "sectors",
        ["sector", "name", "cbam", "source"],
        [
            [
                k,
                v[0],
                "true" if v[1] else "false",
                f"{S_MIDDEN_NACE}; {S_CBAM_GOODS}; {S_CBAM_SECTORS}",
            ]
            for k, v in SECTORS.items()
        ],
    )
    n["services"] = write_set(
        out,
        "services",
        ["sector", "service", "output_unit", "name", "source"],
        [
            [
                s,
                v,
                u,
                nm,
                S_SERVICES,
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
        out,
        "carriers",
        ["carrier", "role", "name", "source"],
        [
            [
                k,
                roles.get(k, ""),
                v,
                S_CARRIERS,
            ]
            for k, v in CARRIERS.items()
        ],
    )
    n["routes"] = write_set(
        out,
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
        out,
        "instruments",
        ["instrument", "kind", "name", "source"],
        [[k, v[0], v[1], v[2]] for k, v in INSTR.items()],
    )
    return n
