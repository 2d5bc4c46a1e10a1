"""Read a dataset folder of tidy CSVs into labelled arrays in canonical units.

This stage and :mod:`elektra.config` are the only ones that read input files. Every value
is converted with pint to the unit the registry declares; a label, unit or value that does
not fit raises a :class:`DataError` naming the file, the line and what was expected.
Scenario overrides are applied here too, so the model sees one finished set of inputs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

from elektra.config import Override, Scenario
from elektra.parameters import DIMENSIONS, PARAMETERS, Parameter
from elektra.units import UnitError, conversion_factor, parse_quantity

ROUTE_CLASSES = (
    "reference",
    "electrification",
    "hydrogen",
    "blue_hydrogen",
    "biogas",
    "ccs",
    "import",
)
INSTRUMENT_KINDS = ("operating", "investment")

#: Columns a parameter file may hold besides the dimensions.
VALUE_COLUMNS = ("parameter", "value", "unit", "source")
META_COLUMNS = ("figure_year", "estimate", "method", "low", "high", "note")

SET_FILES: dict[str, tuple[str, ...]] = {
    "clusters.csv": ("cluster", "name", "source"),
    "sectors.csv": ("sector", "name", "cbam", "source"),
    "services.csv": ("sector", "service", "output_unit", "name", "source"),
    "carriers.csv": ("carrier", "name", "source"),
    "routes.csv": ("route", "sector", "service", "route_class", "name", "source"),
    "instruments.csv": ("instrument", "kind", "name", "source"),
}
OPTIONAL_SET_FILES = ("instruments.csv",)


class DataError(ValueError):
    """Input data that cannot be used: the message names file, line and expectation."""


@dataclass
class Data:
    """A dataset in canonical units, with the scenario's overrides applied."""

    name: str
    path: Path
    years: list[int]
    clusters: pd.DataFrame
    sectors: pd.DataFrame
    services: pd.DataFrame
    carriers: pd.DataFrame
    routes: pd.DataFrame
    instruments: pd.DataFrame
    #: parameter name -> DataArray over the parameter's dims (years = model years);
    #: NaN where a parameter without default has no value.
    values: dict[str, xr.DataArray] = field(default_factory=dict)
    #: every parameter row as read, with its file and line, for provenance.
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    _tables: dict = field(default_factory=dict, repr=False)

    def labels(self, dim: str) -> list:
        """The labels of a dimension."""
        return {
            "sector": list(self.sectors.index),
            "cluster": list(self.clusters.index),
            "service": sorted(set(self.services.index.get_level_values("service"))),
            "route": list(self.routes.index),
            "year": list(self.years),
            "carrier": list(self.carriers.index),
            "instrument": list(self.instruments.index),
        }[dim]

    def __getitem__(self, name: str) -> xr.DataArray:
        return self.values[name]

    def table(self, name: str):
        """A parameter as a plain dict (label or label tuple -> float), for fast lookups.

        A parameter without dimensions is returned as its float value.
        """
        if name not in self._tables:
            self._tables[name] = as_table(self.values[name])
        return self._tables[name]

    @property
    def produced_carriers(self) -> list[str]:
        """Carriers made inside the model: a service with the carrier's name."""
        services = set(self.services.index.get_level_values("service"))
        return [k for k in self.carriers.index if k in services]

    def output_unit_of_route(self) -> pd.Series:
        return self.routes["output_unit"]


def as_table(array: xr.DataArray):
    """A DataArray as a dict: label (one dimension) or label tuple -> float."""
    if array.ndim == 0:
        return float(array)
    values = array.to_numpy().ravel().tolist()
    labels = [array.coords[d].values.tolist() for d in array.dims]
    if array.ndim == 1:
        return dict(zip(labels[0], values))
    return dict(zip(itertools.product(*labels), values))


# --------------------------------------------------------------------------- set files


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except Exception as error:  # pandas raises many types for a broken file
        raise DataError(f"{path}: cannot read as CSV: {error}") from None
    frame.columns = [c.strip() for c in frame.columns]
    return frame.apply(lambda column: column.str.strip())


def _require_columns(path: Path, frame: pd.DataFrame, required: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(
            f"{path}: missing column(s) {', '.join(missing)}; expected at least "
            f"{', '.join(required)}"
        )


def _require_values(path: Path, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    for column in columns:
        empty = frame.index[frame[column] == ""]
        if len(empty):
            raise DataError(f"{path}, line {empty[0] + 2}: column '{column}' is empty")


def _read_set(folder: Path, filename: str) -> pd.DataFrame:
    path = folder / filename
    required = SET_FILES[filename]
    if not path.is_file():
        if filename in OPTIONAL_SET_FILES:
            return pd.DataFrame(columns=list(required)).set_index(required[0])
        raise DataError(f"{path}: set file missing (columns {', '.join(required)})")
    frame = _read_csv(path)
    _require_columns(path, frame, required)
    _require_values(path, frame, required)
    keys = ["sector", "service"] if filename == "services.csv" else [required[0]]
    duplicated = frame.duplicated(keys, keep=False)
    if duplicated.any():
        line = frame.index[duplicated][0] + 2
        raise DataError(
            f"{path}, line {line}: label {frame.loc[duplicated, keys].iloc[0].tolist()} repeated"
        )
    return frame.set_index(keys)


def _read_sets(folder: Path) -> dict[str, pd.DataFrame]:
    sets = {name.removesuffix(".csv"): _read_set(folder, name) for name in SET_FILES}
    sectors, services, routes = sets["sectors"], sets["services"], sets["routes"]
    sectors["cbam"] = sectors["cbam"].str.lower().map({"true": True, "false": False})
    if sectors["cbam"].isna().any():
        raise DataError(f"{folder / 'sectors.csv'}: column 'cbam' must be true or false")
    for (sector, service), unit in services["output_unit"].items():
        if sector not in sectors.index:
            raise DataError(f"{folder / 'services.csv'}: unknown sector {sector!r}")
        try:
            conversion_factor(unit, unit)
        except UnitError as error:
            raise DataError(f"{folder / 'services.csv'}: service {service!r}: {error}") from None
    path = folder / "routes.csv"
    for route, row in routes.iterrows():
        if row["route_class"] not in ROUTE_CLASSES:
            raise DataError(
                f"{path}: route {route!r}: route_class {row['route_class']!r} is not one of "
                f"{', '.join(ROUTE_CLASSES)}"
            )
        if (row["sector"], row["service"]) not in services.index:
            raise DataError(
                f"{path}: route {route!r}: sector/service ({row['sector']}, {row['service']}) "
                f"is not in services.csv"
            )
    routes["output_unit"] = [
        services.loc[(s, v), "output_unit"] for s, v in zip(routes["sector"], routes["service"])
    ]
    instruments = sets["instruments"]
    bad = ~instruments["kind"].isin(INSTRUMENT_KINDS)
    if bad.any():
        raise DataError(
            f"{folder / 'instruments.csv'}: instrument {instruments.index[bad][0]!r}: kind must "
            f"be one of {', '.join(INSTRUMENT_KINDS)}"
        )
    return sets


# --------------------------------------------------------------------------- parameters


def _read_parameter_rows(folder: Path, labels: dict[str, set]) -> pd.DataFrame:
    """All parameter rows of the folder, checked, with their file and line."""
    frames = []
    for path in sorted(folder.glob("*.csv")):
        if path.name in SET_FILES:
            continue
        frame = _read_csv(path)
        _require_columns(path, frame, VALUE_COLUMNS)
        unknown = [c for c in frame.columns if c not in VALUE_COLUMNS + META_COLUMNS + DIMENSIONS]
        if unknown:
            raise DataError(
                f"{path}: unknown column(s) {', '.join(unknown)}; allowed are "
                f"{', '.join(VALUE_COLUMNS + DIMENSIONS + META_COLUMNS)}"
            )
        frame["file"] = str(path)
        frame["line"] = frame.index + 2
        frames.append(frame)
    if not frames:
        raise DataError(f"{folder}: no parameter files")
    rows = pd.concat(frames, ignore_index=True).fillna("")
    for column in DIMENSIONS + META_COLUMNS:
        if column not in rows.columns:
            rows[column] = ""
    for row in rows.itertuples(index=False):
        where = f"{row.file}, line {row.line}"
        if row.parameter not in PARAMETERS:
            raise DataError(f"{where}: unknown parameter {row.parameter!r}")
        if row.source == "":
            raise DataError(f"{where}: parameter {row.parameter!r} has no source")
        spec = PARAMETERS[row.parameter]
        for dim in DIMENSIONS:
            label = getattr(row, dim)
            if label == "":
                continue
            if dim not in spec.dims:
                raise DataError(
                    f"{where}: parameter {row.parameter!r} has no dimension '{dim}' "
                    f"(its dimensions: {', '.join(spec.dims) or 'none'})"
                )
            if dim == "year":
                if not label.isdigit():
                    raise DataError(f"{where}: year {label!r} is not a whole number")
            elif label not in labels[dim]:
                raise DataError(f"{where}: unknown {dim} {label!r} for parameter {row.parameter!r}")
        try:
            float(row.value)
        except ValueError:
            raise DataError(f"{where}: value {row.value!r} is not a number") from None
    rows["value"] = rows["value"].astype(float)
    return rows


def _output_units(
    data_sets: dict[str, pd.DataFrame], spec: Parameter, coords: dict
) -> xr.DataArray | None:
    """The output unit of each cell along the dimension that fixes ``{output}``."""
    if spec.output_from is None:
        return None
    if spec.output_from == "route":
        units = data_sets["routes"]["output_unit"]
        return xr.DataArray(
            units.reindex(coords["route"]).to_numpy(),
            dims=["route"],
            coords={"route": coords["route"]},
        )
    services = data_sets["services"]["output_unit"]
    table = np.array(
        [[services.get((s, v), "") for v in coords["service"]] for s in coords["sector"]],
        dtype=object,
    )
    return xr.DataArray(
        table,
        dims=["sector", "service"],
        coords={"sector": coords["sector"], "service": coords["service"]},
    )


def _factor_array(
    spec: Parameter, unit: str, output_units: xr.DataArray | None, where: str
) -> xr.DataArray | float:
    """Conversion factor from ``unit`` to the canonical unit, per output unit if needed."""
    if output_units is None:
        try:
            return conversion_factor(unit, spec.unit)
        except UnitError as error:
            raise DataError(f"{where}: parameter {spec.name!r}: {error}") from None
    factors = np.full(output_units.shape, np.nan)
    flat_units = output_units.to_numpy().ravel()
    flat = factors.ravel()
    for index, output in enumerate(flat_units):
        if output == "":
            continue
        try:
            flat[index] = conversion_factor(unit, spec.unit.format(output=output))
        except UnitError as error:
            raise DataError(
                f"{where}: parameter {spec.name!r} for output unit {output!r}: {error}"
            ) from None
    return xr.DataArray(factors, dims=output_units.dims, coords=output_units.coords)


def _interpolate(knots: dict[int, float], years: list[int]) -> np.ndarray:
    known = sorted(knots)
    return np.interp(years, known, [knots[y] for y in known])


def _build_parameter(
    spec: Parameter, rows: pd.DataFrame, coords: dict, data_sets: dict[str, pd.DataFrame]
) -> xr.DataArray:
    """Dense array of one parameter: general rows first, specific rows override."""
    shape = [len(coords[d]) for d in spec.dims]
    default = np.nan if spec.default is None else spec.default
    array = xr.DataArray(
        np.full(shape, default, dtype=float),
        dims=list(spec.dims),
        coords={d: coords[d] for d in spec.dims},
    )
    output_units = _output_units(data_sets, spec, coords)
    other_dims = [d for d in spec.dims if d != "year"]
    groups: dict[tuple, dict] = {}
    for row in rows.itertuples(index=False):
        key = tuple(getattr(row, d) for d in other_dims)
        where = f"{row.file}, line {row.line}"
        group = groups.setdefault(
            key, {"knots": {}, "constant": None, "unit": row.unit, "where": where}
        )
        if row.unit != group["unit"]:
            raise DataError(
                f"{where}: parameter {spec.name!r} uses unit {row.unit!r} where an earlier row "
                f"for the same labels uses {group['unit']!r}; use one unit per labels"
            )
        if "year" in spec.dims and row.year != "":
            group["knots"][int(row.year)] = row.value
        else:
            group["constant"] = row.value
    # Fewer named labels = more general; apply general first so specific rows win.
    ordered = sorted(groups.items(), key=lambda item: sum(label != "" for label in item[0]))
    values = array.values  # filled in place, cell blocks at a time
    positions = {d: {label: i for i, label in enumerate(coords[d])} for d in spec.dims}
    for key, group in ordered:
        selection = {d: label for d, label in zip(other_dims, key) if label != ""}
        if group["knots"] and group["constant"] is not None:
            raise DataError(
                f"{group['where']}: parameter {spec.name!r} has rows with and without a "
                f"year for the same labels {selection}"
            )
        # outer index of the block the row group covers, one axis per dimension
        axes = [
            [positions[d][selection[d]]] if d in selection else range(len(coords[d]))
            for d in spec.dims
        ]
        block_index = np.ix_(*axes) if axes else ()
        block_shape = tuple(len(axis) for axis in axes)
        if group["knots"]:
            series = _interpolate(group["knots"], coords["year"])
            shape = [len(coords["year"]) if d == "year" else 1 for d in spec.dims]
            block = series.reshape(shape)
        else:
            block = np.asarray(group["constant"], dtype=float)
        block = block * _block_factor(spec, group["unit"], output_units, selection, group["where"])
        block = np.broadcast_to(block, block_shape)
        old = values[block_index]
        # Cells whose output unit is unknown (no such sector/service) stay as they were.
        block = np.where(np.isnan(block), old, block) if output_units is not None else block
        _check_block_range(block, spec, axes, coords, group["where"])
        values[block_index] = block
    return array


def _block_factor(
    spec: Parameter, unit: str, output_units: xr.DataArray | None, selection: dict, where: str
) -> np.ndarray | float:
    """Conversion factor for a block, shaped to broadcast over the parameter's axes."""
    if output_units is None:
        return _factor_array(spec, unit, None, where)
    units_here = output_units.loc[{d: v for d, v in selection.items() if d in output_units.dims}]
    factor = _factor_array(spec, unit, units_here, where)
    # put the factor's own axes where they sit among the parameter's dimensions
    shape = (
        [factor.sizes[d] if d in factor.dims else 1 for d in spec.dims]
        if isinstance(factor, xr.DataArray)
        else []
    )
    values = factor.transpose(*[d for d in spec.dims if d in factor.dims]).values
    return values.reshape(shape)


def _check_block_range(
    block: np.ndarray, spec: Parameter, axes: list, coords: dict, where: str
) -> None:
    for test in (
        (block < spec.minimum) if spec.minimum is not None else None,
        (block > spec.maximum) if spec.maximum is not None else None,
    ):
        if test is None or not test.any():
            continue
        index = tuple(np.argwhere(test)[0])
        labels = {d: coords[d][axis[i]] for d, axis, i in zip(spec.dims, axes, index)}
        raise DataError(
            f"{where}: parameter {spec.name!r} at {labels} is {block[index]:g} "
            f"{spec.unit or '(share)'}; expected between {spec.minimum} and {spec.maximum}"
        )


def _range_end(
    spec: Parameter, rows: pd.DataFrame, end: str, coords: dict, data_sets: dict[str, pd.DataFrame]
) -> xr.DataArray:
    """The parameter built from the rows' ``low`` or ``high`` column (``value`` where empty)."""
    ends = rows.copy()
    given = ends[end] != ""
    try:
        ends.loc[given, "value"] = ends.loc[given, end].astype(float)
    except ValueError:
        bad = ends.loc[given, end][
            ~ends.loc[given, end].str.replace(".", "", regex=False).str.lstrip("-").str.isdigit()
        ]
        row = ends.loc[bad.index[0]]
        raise DataError(
            f"{row.file}, line {row.line}: {end} {row[end]!r} is not a number"
        ) from None
    return _build_parameter(spec, ends, coords, data_sets)


def _apply_override(
    array: xr.DataArray,
    spec: Parameter,
    override: Override,
    coords: dict,
    data_sets: dict[str, pd.DataFrame],
    rows: pd.DataFrame | None = None,
) -> xr.DataArray:
    where = f"{override.origin or 'scenario'}: key 'parameters.{spec.name}'"
    selection = {}
    for dim, labels in override.where.items():
        if dim not in spec.dims:
            raise DataError(
                f"{where}: parameter {spec.name!r} has no dimension {dim!r} (its dimensions: "
                f"{', '.join(spec.dims) or 'none'})"
            )
        wanted = labels if isinstance(labels, list) else [labels]
        wanted = [int(x) if dim == "year" else str(x) for x in wanted]
        unknown = [x for x in wanted if x not in coords[dim]]
        if unknown:
            raise DataError(
                f"{where}: unknown {dim} {unknown[0]!r}; expected one of "
                f"{', '.join(map(str, coords[dim]))}"
            )
        selection[dim] = wanted
    target = array.loc[selection]
    if override.use is not None:
        ends = _range_end(spec, rows, override.use, coords, data_sets)
        array.loc[selection] = ends.loc[selection].to_numpy()
        return array
    if override.scale is not None:
        array.loc[selection] = (target * override.scale).to_numpy()
        return array
    if isinstance(override.value, str):
        output_units = _output_units(data_sets, spec, coords)
        if output_units is None:
            try:
                value = parse_quantity(override.value, spec.unit)
            except UnitError as error:
                raise DataError(f"{where}: {error}") from None
            array.loc[selection] = value
        else:
            magnitude, unit = override.value.strip().split(" ", 1)
            units_here = output_units.loc[
                {d: v for d, v in selection.items() if d in output_units.dims}
            ]
            factor = _factor_array(spec, unit, units_here, where)
            converted = (float(magnitude) * factor).broadcast_like(target).transpose(*target.dims)
            array.loc[selection] = converted.to_numpy()
    else:
        array.loc[selection] = override.value
    return array


def _check_range(array: xr.DataArray, spec: Parameter, origin: str) -> None:
    values = array.to_numpy()
    for bound, test in (
        (spec.minimum, values < (spec.minimum or 0)),
        (spec.maximum, values > (spec.maximum or 0)),
    ):
        if bound is None:
            continue
        bad = np.argwhere(np.nan_to_num(test, nan=False))
        if len(bad):
            index = tuple(bad[0])
            labels = {d: array.coords[d].values[i].item() for d, i in zip(array.dims, index)}
            raise DataError(
                f"{origin}: parameter {spec.name!r} at {labels} is {values[index]:g} "
                f"{spec.unit or '(share)'}; "
                f"expected between {spec.minimum} and {spec.maximum}"
            )


def load_data(scenario: Scenario) -> Data:
    """Load the scenario's dataset, restricted to its years, with its overrides applied."""
    folder = scenario.dataset_path
    sets = _read_sets(folder)
    years = scenario.year_list
    coords = {
        "sector": list(sets["sectors"].index),
        "cluster": list(sets["clusters"].index),
        "service": sorted(set(sets["services"].index.get_level_values("service"))),
        "route": list(sets["routes"].index),
        "year": years,
        "carrier": list(sets["carriers"].index),
        "instrument": list(sets["instruments"].index),
    }
    labels = {dim: set(values) for dim, values in coords.items()}
    rows = _read_parameter_rows(folder, labels)
    values: dict[str, xr.DataArray] = {}
    for name, spec in PARAMETERS.items():
        own = rows[rows["parameter"] == name]
        array = _build_parameter(spec, own, coords, sets)
        _check_range(array, spec, f"{folder} (parameter {name})")
        for override in scenario.parameters.get(name, ()):
            array = _apply_override(array, spec, override, coords, sets, own)
            _check_range(array, spec, f"{override.origin}: key 'parameters.{name}'")
        array.attrs.update(units=spec.unit, description=spec.description)
        values[name] = array
    return Data(
        name=scenario.dataset,
        path=folder,
        years=years,
        clusters=sets["clusters"],
        sectors=sets["sectors"],
        services=sets["services"],
        carriers=sets["carriers"],
        routes=sets["routes"],
        instruments=sets["instruments"],
        values=values,
        rows=rows,
    )
