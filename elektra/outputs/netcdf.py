"""NetCDF files as xarray, cf_xarray, Panoply and ncview users expect them.

Every file elektra writes (``results.nc``, ``sweep.nc``, ``mca.nc``, ``comparison.nc``)
goes through :func:`write`: CF conventions (``Conventions``, ``title``, ``history``,
``source``; ``long_name`` and ``units`` on variables and numeric coordinates), compression,
and one unit per variable that elektra's pint registry (:mod:`elektra.inputs.units`) parses.

An array whose unit depends on a label cannot carry one ``units`` attribute: a route's
activity is Mt of steel or PJ of heat. elektra holds such an array whole in memory, with the
unit per label in a coordinate (``output_unit`` over ``route``); the file splits it into one
variable per unit, ``activity_Mt`` and ``activity_PJ`` (each NaN on the labels of the other
unit), so that ``ds.activity_PJ.sum("route")`` adds like with like and pint-xarray can
quantify every variable. :func:`read` merges them back; ``elektra.open_results`` uses it.

A variable declares the split in its ``units``: ``{output}`` or ``output_unit`` stands for
the output unit of the route (or of the service, or of a sector's imported product),
``{<coordinate>}`` for the value of a coordinate over one of its dimensions.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import xarray as xr

from elektra import __version__

CONVENTIONS = "CF-1.10"
ENGINE = "netcdf4"
#: zlib level 4: results.nc of base shrinks several-fold at a few percent of the write time
COMPRESSION = {"zlib": True, "complevel": 4}

#: Attributes a split part carries to be merged back.
MERGED_NAME = "elektra_split_of"
MERGED_UNITS = "elektra_units_per_label"
MERGED_BY = "elektra_unit_coordinate"

#: How the output-unit placeholders are written.
OUTPUT_PLACEHOLDER = re.compile(r"\{output\}|output_unit")
COORDINATE_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: Coordinates by name: what they are and their unit (numeric ones need a unit).
COORDINATE_ATTRS = {
    "year": {"long_name": "calendar year", "units": "1"},
    "sector": {"long_name": "industry sector"},
    "cluster": {"long_name": "industrial cluster"},
    "service": {"long_name": "service of a sector (product, heat band or feedstock)"},
    "route": {"long_name": "route (technology serving a service)"},
    "carrier": {"long_name": "energy carrier"},
    "instrument": {"long_name": "policy instrument"},
    "cost_component": {"long_name": "component of the net cost to industry"},
    "route_class": {"long_name": "class of the route"},
    "route_sector": {"long_name": "sector of the route"},
    "route_service": {"long_name": "service the route serves"},
    "output_unit": {"long_name": "unit of the route's output (per year for flows)"},
    "variant": {"long_name": "sweep variant"},
    "factor": {"long_name": "sweep factor"},
    "percentile": {"long_name": "percentile", "units": "percent"},
    "quantile": {"long_name": "quantile", "units": "1"},
    "run": {"long_name": "compared run"},
}


def _safe(unit: str) -> str:
    """``MEUR/Mt`` -> ``MEUR_per_Mt``: a unit as part of a variable name."""
    text = unit.replace("/", "_per_").replace(" ", "_")
    return re.sub(r"[^A-Za-z0-9_]", "", text) or "1"


def _coordinate_map(ds: xr.Dataset, name: str) -> dict[str, str] | None:
    if name not in ds.coords or ds[name].ndim != 1:
        return None
    dim = ds[name].dims[0]
    return dict(zip(ds[dim].values.astype(str), ds[name].values.astype(str)))


def output_units(source: xr.Dataset) -> dict[str, dict[str, str]]:
    """Output unit per label of ``route``, of ``service`` and of ``sector`` (the unit of
    the sector's imported product, else of all its routes where they share one), from the
    route coordinates of a results Dataset."""
    routes = _coordinate_map(source, "output_unit")
    if routes is None or "route" not in source["output_unit"].dims:
        return {}
    found: dict[str, dict[str, str]] = {"route": routes}
    labels = source.route.values.astype(str)
    imported = (
        source["route_class"].values.astype(str) == "import"
        if "route_class" in source.coords
        else np.zeros(len(labels), bool)
    )
    for dim, coordinate in (("service", "route_service"), ("sector", "route_sector")):
        if coordinate not in source.coords:
            continue
        units: dict[str, set[str]] = {}
        products: dict[str, set[str]] = {}
        for route, label, imports in zip(labels, source[coordinate].values.astype(str), imported):
            units.setdefault(label, set()).add(routes[route])
            if imports:
                products.setdefault(label, set()).add(routes[route])
        if dim == "sector":
            units = {**units, **products}
        found[dim] = {label: min(unit) for label, unit in units.items() if len(unit) == 1}
    return found


def _unit_labels(da: xr.DataArray, ds: xr.Dataset, maps: dict) -> tuple[str, dict[str, str]]:
    """The dimension a split variable's unit depends on, and the unit per label."""
    units = str(da.attrs.get("units", ""))
    named = COORDINATE_PLACEHOLDER.findall(units)
    named = [n for n in named if n != "output"]
    if named:
        mapping = _coordinate_map(ds, named[0])
        if mapping is not None and ds[named[0]].dims[0] in da.dims:
            return ds[named[0]].dims[0], mapping
    for dim in ("route", "service", "sector"):
        if dim in da.dims and dim in maps:
            labels = set(da[dim].values.astype(str))
            if labels <= set(maps[dim]):
                return dim, maps[dim]
    raise ValueError(
        f"variable {da.name!r} has units {units!r} that depend on a label, but no unit is "
        "known for each label of its dimensions"
    )


def unit_labels(da: xr.DataArray, source: xr.Dataset) -> tuple[str, dict[str, str]]:
    """The dimension the unit of ``da`` depends on and the unit per label (ValueError if
    its unit depends on none or the labels' units are unknown)."""
    units = str(da.attrs.get("units", ""))
    if not (OUTPUT_PLACEHOLDER.search(units) or COORDINATE_PLACEHOLDER.search(units)):
        raise ValueError(f"{da.name!r} has one unit, {units!r}")
    return _unit_labels(da, source, output_units(source))


def resolved(units: str, unit: str) -> str:
    """``output_unit/yr`` with ``Mt`` -> ``Mt/yr``."""
    return _resolved(units, unit)


def unit_text(da: xr.DataArray, source: xr.Dataset) -> str:
    """The unit of an array as a reader wants it: ``MEUR/yr``, or for an array whose unit
    depends on a label, each unit with its labels (``Mt/yr: steel, ammonia; PJ/yr:
    hydrogen``), from the route coordinates of ``source`` (a results Dataset)."""
    units = str(da.attrs.get("units", ""))
    if not (OUTPUT_PLACEHOLDER.search(units) or COORDINATE_PLACEHOLDER.search(units)):
        return units
    try:
        dim, mapping = _unit_labels(da, source, output_units(source))
    except ValueError:
        return units.replace("{output}", "output unit").replace("output_unit", "output unit")
    others = [d for d in da.dims if d != dim]
    shown = (da.fillna(0) != 0).any(others).values if da.size else np.zeros(0, bool)
    groups: dict[str, list[str]] = {}
    for label, nonzero in zip(da[dim].values.astype(str), shown):
        if nonzero:  # the labels with a value: a unit for labels never shown says nothing
            groups.setdefault(_resolved(units, mapping[label]), []).append(label)
    if not groups:
        return units.replace("{output}", "output unit").replace("output_unit", "output unit")
    if len(groups) == 1:
        return next(iter(groups))
    return "; ".join(f"{unit}: {', '.join(labels)}" for unit, labels in groups.items())


def _resolved(units: str, unit: str) -> str:
    text = OUTPUT_PLACEHOLDER.sub(unit, units)
    return COORDINATE_PLACEHOLDER.sub(unit, text)


def _split(ds: xr.Dataset, maps: dict) -> xr.Dataset:
    """Each variable with a per-label unit -> one variable per unit (NaN elsewhere)."""
    out = ds.copy()
    for name in list(ds.data_vars):
        da = ds[name]
        units = str(da.attrs.get("units", ""))
        if not (OUTPUT_PLACEHOLDER.search(units) or COORDINATE_PLACEHOLDER.search(units)):
            continue
        dim, mapping = _unit_labels(da, ds, maps)
        per_label = np.array([mapping[label] for label in da[dim].values.astype(str)])
        if len(set(per_label)) <= 1:  # one unit after all: say which
            unit = per_label[0] if len(per_label) else "1"
            out[name].attrs = {
                **da.attrs,
                "units": _resolved(units, str(unit)),
                MERGED_UNITS: units,
            }
            continue
        del out[name]
        for unit in sorted(set(per_label)):
            mask = xr.DataArray(per_label == unit, dims=dim, coords={dim: da[dim]})
            part = da.where(mask)
            part.attrs = {
                **da.attrs,
                "units": _resolved(units, unit),
                "long_name": f"{_long_name(name, da)} ({dim}s whose unit is {unit}; NaN on others)",
                MERGED_NAME: name,
                MERGED_UNITS: units,
                MERGED_BY: dim,
            }
            out[f"{name}_{_safe(unit)}"] = part
    return out


def _merge(ds: xr.Dataset) -> xr.Dataset:
    """The inverse of :func:`_split`: the parts of each split variable as one variable."""
    parts: dict[str, list[str]] = {}
    for name in ds.data_vars:
        if MERGED_NAME in ds[name].attrs:
            parts.setdefault(str(ds[name].attrs[MERGED_NAME]), []).append(name)
    if not parts:
        return ds
    out = ds.copy()
    for name, names in parts.items():
        merged = ds[names[0]]
        for other in names[1:]:
            merged = merged.combine_first(ds[other])
        attrs = {
            k: v
            for k, v in ds[names[0]].attrs.items()
            if k not in (MERGED_NAME, MERGED_UNITS, MERGED_BY, "long_name")
        }
        attrs["units"] = ds[names[0]].attrs[MERGED_UNITS]
        out = out.drop_vars(names)
        merged = merged.transpose(*ds[names[0]].dims)
        merged.attrs = attrs
        out[name] = merged
    return out


def _long_name(name: str, da: xr.DataArray) -> str:
    text = str(da.attrs.get("description") or da.attrs.get("long_name") or "")
    return text.split(". ")[0].rstrip(".") if text else name.replace("_", " ")


def _title(ds: xr.Dataset, path: Path) -> str:
    for key, what in (
        ("sweep_name", "elektra sweep"),
        ("mca_name", "elektra MCA"),
        ("runs", "elektra comparison of"),
        ("scenario_name", "elektra results of scenario"),
    ):
        if key in ds.attrs:
            return f"{what} {ds.attrs[key]}"
    return f"elektra {Path(path).stem}"


def cf_dataset(ds: xr.Dataset, path: Path, units_from: xr.Dataset | None = None) -> xr.Dataset:
    """``ds`` as it is written to ``path``: split per-label units, CF attributes."""
    maps = output_units(units_from if units_from is not None else ds)
    out = _split(ds, maps)
    for name in out.data_vars:
        attrs = dict(out[name].attrs)
        attrs.setdefault("long_name", _long_name(str(name), out[name]))
        if "description" in attrs and attrs["description"] != attrs["long_name"]:
            attrs.setdefault("comment", attrs["description"])
        out[name].attrs = attrs
    for name in out.coords:
        attrs = {**COORDINATE_ATTRS.get(str(name), {}), **out[name].attrs}
        attrs.setdefault("long_name", str(name).replace("_", " "))
        if out[name].dtype.kind in "iuf" and "units" not in attrs:
            attrs["units"] = "1"
        out[name].attrs = attrs
    money = _currency(units_from if units_from is not None else ds)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    history = str(ds.attrs.get("history", ""))
    out.attrs = {
        **ds.attrs,
        "Conventions": CONVENTIONS,
        "title": _title(ds, path),
        "institution": "elektra (open-source scenario simulator of Dutch industry)",
        "source": f"elektra {ds.attrs.get('elektra_version', __version__)}",
        "history": "\n".join(
            line for line in (history, f"{stamp}: written by elektra {__version__}") if line
        ),
        "references": "docs/results.md of elektra (every variable, its unit and meaning)",
        **({"currency": f"{money}: EUR and MEUR in units are euro of that year"} if money else {}),
    }
    return out


def _currency(ds: xr.Dataset) -> str:
    """``EUR_2024`` where the Dataset says its price base year, else empty."""
    from elektra.outputs.iamc import currency

    try:
        return currency(ds)
    except ValueError:
        return ""


def _encoding(ds: xr.Dataset) -> dict[str, dict]:
    return {
        name: dict(COMPRESSION)
        for name in ds.variables
        if ds[name].dtype.kind in "iufb" and ds[name].ndim > 0
    }


def write(ds: xr.Dataset, path: Path, units_from: xr.Dataset | None = None) -> None:
    """Write ``ds`` to ``path`` as CF NetCDF (see the module's docstring)."""
    out = cf_dataset(ds, Path(path), units_from)
    out.to_netcdf(path, engine=ENGINE, encoding=_encoding(out))


def read(path: Path) -> xr.Dataset:
    """Load a NetCDF file elektra wrote, split variables merged back (in memory)."""
    return merge(xr.load_dataset(path, engine=ENGINE))


def merge(ds: xr.Dataset) -> xr.Dataset:
    """An opened file elektra wrote as elektra holds it: split variables merged back and
    the attributes the writer added left out."""
    out = _merge(ds)
    for name in out.data_vars:  # one unit after all: the per-label unit it was declared with
        if MERGED_UNITS in out[name].attrs:
            attrs = dict(out[name].attrs)
            attrs["units"] = attrs.pop(MERGED_UNITS)
            out[name].attrs = attrs
    for name in out.coords:
        defaults = {**COORDINATE_ATTRS.get(str(name), {})}
        defaults.setdefault("long_name", str(name).replace("_", " "))
        attrs = {k: v for k, v in out[name].attrs.items() if defaults.get(k) != v}
        if attrs.get("units") == "1" and out[name].dtype.kind in "iuf":
            attrs.pop("units")
        out[name].attrs = attrs
    for name in out.data_vars:
        attrs = dict(out[name].attrs)
        if "comment" in attrs and attrs["comment"] == attrs.get("description"):
            attrs.pop("comment")
        if "description" in attrs or attrs.get("long_name") == _long_name(str(name), out[name]):
            attrs.pop("long_name", None)
        out[name].attrs = attrs
    return out
