"""Check data/nl: CSVs parse, labels exist, units convert to the registry's canonical unit,
and the base-year (2025) emissions and energy use implied by the reference routes match the
published figures. Prints the calibration tables used in data/nl/README.md.

Run: .venv/bin/python -m tools.dataset_nl.check [FOLDER]   (default data/nl)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pint

from elektra.inputs.parameters import PARAMETERS
from elektra.inputs.units import conversion_factor

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "nl"

U = pint.UnitRegistry()
U.define("EUR = [currency]")
U.define("MEUR = 1e6 EUR")
U.define("kEUR = 1e3 EUR")

SETS = {
    "clusters": "cluster",
    "sectors": "sector",
    "carriers": "carrier",
    "routes": "route",
    "instruments": "instrument",
}
errors = []


def read(name):
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


labels = {dim: set(read(f)[dim]) for f, dim in SETS.items()}
services = read("services")
labels["service"] = set(services["service"])
svc_unit = {(r.sector, r.service): r.output_unit for r in services.itertuples()}
routes = read("routes")
route_unit = {r.route: svc_unit[(r.sector, r.service)] for r in routes.itertuples()}
route_info = {r.route: r for r in routes.itertuples()}
for r in routes.itertuples():
    if (r.sector, r.service) not in svc_unit:
        errors.append(f"route {r.route}: unknown (sector, service)")
    if r.sector not in labels["sector"]:
        errors.append(f"route {r.route}: unknown sector")
assert len(labels["cluster"]) == 6

set_files = {f"{f}" for f in SETS} | {"services", "sources", "deflator"}
param_files = sorted(p.stem for p in DATA.glob("*.csv") if p.stem not in set_files)
P = {}
nrows = 0
for f in param_files:
    df = read(f)
    for col in ("parameter", "value", "unit", "source"):
        if col not in df.columns:
            errors.append(f"{f}: missing column {col}")
    for i, r in df.iterrows():
        nrows += 1
        name = r["parameter"]
        if name not in PARAMETERS:
            errors.append(f"{f}:{i}: unknown parameter {name}")
            continue
        par = PARAMETERS[name]
        if not r["source"].strip():
            errors.append(f"{f}:{i}: no source")
        for d in par.dims:
            if d == "year":
                continue
            v = r.get(d, "")
            if v and v not in labels[d]:
                errors.append(f"{f}:{i}: unknown {d} label {v!r}")
        for d in ("sector", "cluster", "service", "route", "year", "carrier", "instrument"):
            if d in df.columns and r[d] and d not in par.dims:
                errors.append(f"{f}:{i}: {name} has no dimension {d}")
        canon = par.unit
        if "{output}" in canon:
            if par.output_from == "route":
                out = route_unit.get(r["route"])
            else:
                out = svc_unit.get((r["sector"], r["service"]))
            if out is None:
                errors.append(f"{f}:{i}: cannot resolve {{output}} for {name}")
                continue
            canon = canon.replace("{output}", out)
        try:
            factor = conversion_factor(r["unit"], canon)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{f}:{i}: unit {r['unit']!r} -> {canon!r}: {exc}")
            continue
        val = float(r["value"]) * factor
        for b in ("low", "high"):
            if b in df.columns and r[b] != "":
                float(r[b])
        if par.minimum is not None and val < par.minimum - 1e-12:
            errors.append(f"{f}:{i}: {name} below minimum")
        if par.maximum is not None and val > par.maximum + 1e-9:
            errors.append(f"{f}:{i}: {name} above maximum")
        key = tuple(r.get(d, "") for d in par.dims)
        P.setdefault(name, {})[key] = val
        if r.get("estimate", "") == "true" and not r.get("method", "").strip():
            errors.append(f"{f}:{i}: estimate without method")

print(f"parameter files: {len(param_files)}, rows: {nrows}, errors: {len(errors)}")
for e in errors[:40]:
    print("  ", e)

# ------------------------------------------------------------------ calibration (2025)
EF = {k[0]: v for k, v in P["emission_factor"].items()}  # Mt/PJ
INP = defaultdict(dict)
for (route, _year, carrier), v in P["input"].items():
    INP[route][carrier] = v
CAP = {k[0]: v for k, v in P.get("capture_rate", {}).items()}
PROC = {k[0]: v for k, v in P.get("process_emissions", {}).items()}
AVAIL = {k[0]: v for k, v in P["availability"].items()}

existing = defaultdict(float)  # (cluster, route) -> capacity 2025
for (_s, c, rt, y), v in P["existing_capacity"].items():
    if y == "2025":
        existing[(c, rt)] += v

emis = defaultdict(float)
emis_sector = defaultdict(float)
energy = defaultdict(float)
energy_cluster = defaultdict(lambda: defaultdict(float))
h2_use = 0.0
for (s, c, svc, y), d in P["demand"].items():
    if y != "2025":
        continue
    ref = [
        r
        for r in route_info.values()
        if r.sector == s and r.service == svc and r.route_class == "reference"
    ][0].route
    assert existing[(c, ref)] * AVAIL[ref] >= d * (1 - 1e-5), (s, c, svc)
    gross = sum(q * EF[k] for k, q in INP[ref].items()) + PROC.get(ref, 0.0)
    e = d * gross * (1 - CAP.get(ref, 0.0))
    emis[c] += e
    emis_sector[s] += e
    for k, q in INP[ref].items():
        energy[k] += d * q
        energy_cluster[c][k] += d * q
    h2_use += d * INP[ref].get("hydrogen", 0.0)
# hydrogen production = use, split over the clusters with existing SMR capacity
smr = {c: v for (c, rt), v in existing.items() if rt == "hydrogen_smr"}
tot = sum(smr.values())
for c, v in smr.items():
    prod = h2_use * v / tot
    g = sum(q * EF[k] for k, q in INP["hydrogen_smr"].items())
    emis[c] += prod * g
    emis_sector["hydrogen"] += prod * g
    for k, q in INP["hydrogen_smr"].items():
        energy[k] += prod * q
        energy_cluster[c][k] += prod * q
energy["hydrogen"] -= h2_use  # net: produced and used inside

# published targets
val = read("validation/emissions")
pub = {}
for r in val.itertuples():
    if r.item == "calibration_target" and r.year == "2024":
        pub[r.cluster] = float(r.value)

print("\nBase-year direct CO2 (Mt): modelled 2025 vs published (2024 level)")
print(f"{'cluster':24s} {'model':>8s} {'published':>10s} {'diff %':>8s}")
for c in sorted(pub):
    if c == "total":
        continue
    m = emis.get(c, 0.0)
    print(f"{c:24s} {m:8.2f} {pub[c]:10.2f} {100 * (m / pub[c] - 1):8.1f}")
mt = sum(emis.values())
print(f"{'total':24s} {mt:8.2f} {pub['total']:10.2f} {100 * (mt / pub['total'] - 1):8.1f}")
print("\nby sector:", {k: round(v, 2) for k, v in sorted(emis_sector.items())})
print("\nBase-year energy use by carrier (PJ):", {k: round(v, 1) for k, v in energy.items()})
print("hydrogen produced and used (PJ):", round(h2_use, 1))
print("\nby cluster:")
for c, d in energy_cluster.items():
    print(" ", c, {k: round(v, 1) for k, v in d.items()})

# grid: base load vs capacity
print("\ngrid capacity 2025 (MW) vs modelled base load")
FLH = {k[0]: v for k, v in P.get("full_load_hours", {}).items()}
for c in sorted(labels["cluster"]):
    cap = P["grid_capacity"].get((c, "2025"))
    load = 0.0
    for (s, cc, svc, y), d in P["demand"].items():
        if cc != c or y != "2025":
            continue
        ref = [
            r
            for r in route_info.values()
            if r.sector == s and r.service == svc and r.route_class == "reference"
        ][0].route
        load += d * INP[ref].get("electricity", 0.0) * 277777.8 / FLH.get(ref, 8000)
    print(f"  {c:22s} capacity {cap:8.1f}  load {load:8.1f}")
sys.exit(1 if errors else 0)
