"""Read a dataset folder of tidy CSVs into labelled arrays in canonical units.

This stage and :mod:`elektra.inputs.config` are the only ones that read input files. Every value
is converted with pint to the unit the registry declares; a label, unit or value that does
not fit raises a :class:`DataError` naming the file, the line and what was expected.
Scenario overrides are applied here too, so the model sees one finished set of inputs.

A dataset with a ``sources.csv`` (columns ``id, citation, link, accessed``) keeps each
citation once: the ``source`` cell of every row names source ids, separated by ``;``, and
an id that is not in the table is an error naming the file, the line and the id. A dataset
without one (the toy, a test fixture) writes its citation in the cell itself.

A dataset with a ``deflator.csv`` (columns ``year, index, source``: a price index per year)
states its money in the euros of one year, its ``price_base_year``: every row of a money
parameter (``Parameter.money``) gives the year of its euros in ``figure_year`` and is
deflated on load, value x index(base year) / index(figure year); ``low`` and ``high`` too.
A money row without a price year is an error naming the file and line. Scenario overrides
are taken as base-year euros.

Beyond units and labels, every figure is checked for what a careful reader would catch:
a key given twice, NaN or infinity, and a value outside the parameter's plausible range
(``Parameter.plausible`` in the registry, with its reason): an error naming the file and
line, or the scenario file and key, and the range; a warning instead where the scenario
allows out-of-range values (``--allow-out-of-range``, for deliberate stress tests).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

from elektra.inputs.config import Override, Scenario, expand_years
from elektra.inputs.parameters import DIMENSIONS, PARAMETERS, Parameter
from elektra.inputs.units import UnitError, conversion_factor, split_quantity

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

#: The table of a dataset's sources, each cited by its id from the rows' ``source`` column.
SOURCES_FILE = "sources.csv"
SOURCE_COLUMNS = ("id", "citation", "link", "accessed")
#: A dataset's price index per year, to deflate money to its price base year.
DEFLATOR_FILE = "deflator.csv"
DEFLATOR_COLUMNS = ("year", "index", "source")
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
ACCESS_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


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
    #: every parameter row as read, with its file and line, for provenance; ``citation``
    #: is its ``source`` cell with the ids of ``sources`` written out.
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: the dataset's sources.csv by id (columns citation, link, accessed); empty when the
    #: dataset writes its citations in the rows.
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: the dataset's price index by year (deflator.csv); empty when it deflates nothing.
    deflator: dict[int, float] = field(default_factory=dict)
    #: sha256 of the dataset's files (:func:`dataset_hash`): two runs on different data
    #: never carry the same hash.
    hash: str = ""
    #: What the user should know but that does not stop a run: values outside their
    #: plausible range that the scenario allowed, years beyond the data held flat.
    warnings: list[str] = field(default_factory=list)
    _tables: dict = field(default_factory=dict, repr=False)
    _labels: dict = field(default_factory=dict, repr=False)

    @property
    def currency(self) -> str:
        """The unit label of the dataset's money: ``EUR_<price_base_year>``, or ``EUR``."""
        base = self.values.get("price_base_year")
        if base is None or not math.isfinite(float(base)):
            return "EUR"
        return f"EUR_{int(float(base))}"

    def labels(self, dim: str) -> list:
        """The labels of a dimension (a new list each call; computed once per Data)."""
        if not self._labels:
            self._labels.update(
                sector=list(self.sectors.index),
                cluster=list(self.clusters.index),
                service=sorted(set(self.services.index.get_level_values("service"))),
                route=list(self.routes.index),
                year=list(self.years),
                carrier=list(self.carriers.index),
                instrument=list(self.instruments.index),
            )
        return list(self._labels[dim])

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


def dataset_hash(folder: Path) -> str:
    """sha256 over the dataset's CSV files: each file's name and bytes, in name order."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*.csv")):
        content = path.read_bytes()
        digest.update(f"{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"{path}: cannot read the file: {error.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); save the "
            "file as UTF-8"
        ) from None


def _read_csv(path: Path) -> pd.DataFrame:
    text = _read_text(path)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, comment=None)
    except Exception as error:  # pandas raises many types for a broken file
        message = " ".join(str(error).split())
        raise DataError(f"{path}: cannot read as CSV: {message}") from None
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


# --------------------------------------------------------------------------- sources


def read_sources(folder: Path) -> pd.DataFrame:
    """The dataset's sources.csv, indexed by id; empty (no rows) when there is none.

    Every id is unique and written in lower case, letters, digits and ``_``; every
    citation is given; ``accessed`` is empty or a date (YYYY-MM or YYYY-MM-DD).
    """
    path = Path(folder) / SOURCES_FILE
    if not path.is_file():
        return pd.DataFrame(columns=list(SOURCE_COLUMNS[1:]), index=pd.Index([], name="id"))
    frame = _read_csv(path)
    _require_columns(path, frame, SOURCE_COLUMNS)
    _require_values(path, frame, ("id", "citation"))
    for line, row in zip(frame.index + 2, frame.itertuples(index=False)):
        if not SOURCE_ID.fullmatch(row.id):
            raise DataError(
                f"{path}, line {line}: source id {row.id!r} must be lower case letters, digits "
                "and '_'"
            )
        if row.accessed and not ACCESS_DATE.fullmatch(row.accessed):
            raise DataError(
                f"{path}, line {line}: accessed {row.accessed!r} is not a date (YYYY-MM-DD or "
                "YYYY-MM)"
            )
    repeated = frame.duplicated("id", keep="first")
    if repeated.any():
        raise DataError(
            f"{path}, line {frame.index[repeated][0] + 2}: source id "
            f"{frame.loc[repeated, 'id'].iloc[0]!r} repeated"
        )
    return frame.set_index("id")[list(SOURCE_COLUMNS[1:])]


def sources_of_file(path: Path) -> pd.DataFrame:
    """The sources table a dataset file cites: sources.csv beside it, or in the folder above
    (``validation/`` and ``mca/`` are subfolders of their dataset); empty if neither has one."""
    path = Path(path)
    for folder in (path.parent, path.parent.parent):
        if (folder / SOURCES_FILE).is_file():
            return read_sources(folder)
    return read_sources(path.parent)


def source_ids(cell: str) -> list[str]:
    """The source ids a ``source`` cell names (separated by ``;``)."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def citation(cell: str, sources: pd.DataFrame) -> str:
    """A ``source`` cell written out: its ids' citations, or the cell itself when the
    dataset has no sources table."""
    if sources.empty:
        return cell
    return "; ".join(sources.at[source_id, "citation"] for source_id in source_ids(cell))


def check_source_cells(path: Path, cells: pd.Series, lines, sources: pd.DataFrame) -> None:
    """Every id a ``source`` cell names is in the sources table, else a DataError naming the
    file, line and id. Nothing to check when the dataset has no sources table."""
    if sources.empty:
        return
    known = set(sources.index)
    for cell, line in zip(cells, lines):
        unknown = [source_id for source_id in source_ids(cell) if source_id not in known]
        if unknown:
            raise DataError(
                f"{path}, line {line}: unknown source id {unknown[0]!r}; every id in the "
                f"'source' column must be in {SOURCES_FILE} of the dataset (column 'id')"
            )


# --------------------------------------------------------------------------- money


def read_deflator(folder: Path, sources: pd.DataFrame) -> dict[int, float]:
    """The dataset's price index by year (deflator.csv); empty when there is none."""
    path = Path(folder) / DEFLATOR_FILE
    if not path.is_file():
        return {}
    frame = _read_csv(path)
    _require_columns(path, frame, DEFLATOR_COLUMNS)
    _require_values(path, frame, DEFLATOR_COLUMNS)
    check_source_cells(path, frame["source"], frame.index + 2, sources)
    index: dict[int, float] = {}
    for line, row in zip(frame.index + 2, frame.itertuples(index=False)):
        where = f"{path}, line {line}"
        if not row.year.isdigit():
            raise DataError(f"{where}: year {row.year!r} is not a whole number")
        value = _number(row.index, "index", where)
        if value <= 0:
            raise DataError(f"{where}: index {row.index!r} must be positive")
        if int(row.year) in index:
            raise DataError(f"{where}: year {row.year} repeated")
        index[int(row.year)] = value
    return index


def _deflate(rows: pd.DataFrame, deflator: dict[int, float], folder: Path) -> None:
    """Money rows in euros of the price base year: value, low and high x index(base) /
    index(figure year), in place. The value as written stays in ``value_as_written``."""
    rows["value_as_written"] = rows["value"]
    base_rows = rows[rows["parameter"] == "price_base_year"]
    if base_rows.empty:
        raise DataError(
            f"{folder / DEFLATOR_FILE}: the dataset deflates its money but gives no "
            "price_base_year (a row 'price_base_year' in its economics table)"
        )
    base = int(base_rows["value"].iloc[0])
    if base not in deflator:
        raise DataError(
            f"{folder / DEFLATOR_FILE}: no index for the price base year {base}; the table "
            f"covers {min(deflator)}-{max(deflator)}"
        )
    money = [PARAMETERS[name].money for name in rows["parameter"]]
    for position in rows.index[money]:
        row = rows.loc[position]
        where = f"{row['file']}, line {row['line']}"
        year = row["figure_year"]
        if year == "":
            raise DataError(
                f"{where}: parameter {row['parameter']!r} is money: give the year of its euros "
                f"in column 'figure_year' (the dataset deflates money to EUR_{base})"
            )
        if not year.isdigit() or int(year) not in deflator:
            raise DataError(
                f"{where}: figure_year {year!r} has no price index in {DEFLATOR_FILE} (it covers "
                f"{min(deflator)}-{max(deflator)})"
            )
        factor = deflator[base] / deflator[int(year)]
        rows.at[position, "value"] = row["value"] * factor
        for end in ("low", "high"):
            if row[end] != "":
                rows.at[position, end] = repr(float(row[end]) * factor)


# --------------------------------------------------------------------------- parameters


def _read_parameter_rows(folder: Path, labels: dict[str, set]) -> pd.DataFrame:
    """All parameter rows of the folder, checked, with their file and line."""
    frames = []
    for path in sorted(folder.glob("*.csv")):
        if path.name in SET_FILES or path.name in (SOURCES_FILE, DEFLATOR_FILE):
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
        value = _number(row.value, "value", where)
        low = _number(row.low, "low", where) if row.low != "" else -math.inf
        high = _number(row.high, "high", where) if row.high != "" else math.inf
        if not low <= value <= high:
            raise DataError(
                f"{where}: parameter {row.parameter!r}: the range low {row.low or '-'}, high "
                f"{row.high or '-'} does not hold the value {row.value}"
            )
    rows["year"] = [str(int(y)) if y != "" else "" for y in rows["year"]]
    _check_repeated_keys(rows)
    rows["value"] = rows["value"].astype(float)
    return rows


def _number(text: str, column: str, where: str) -> float:
    """A finite number from a CSV cell, or a DataError naming the cell."""
    try:
        number = float(text)
    except ValueError:
        raise DataError(f"{where}: {column} {text!r} is not a number") from None
    if not math.isfinite(number):
        raise DataError(f"{where}: {column} {text!r} is not a finite number")
    return number


def _check_repeated_keys(rows: pd.DataFrame) -> None:
    """Two rows for the same parameter and labels: the loader would keep only one."""
    keys = ["parameter", *DIMENSIONS]
    repeated = rows.duplicated(keys, keep="first")
    if not repeated.any():
        return
    second = rows[repeated].iloc[0]
    first = rows[(rows[keys] == second[keys]).all(axis=1)].iloc[0]
    labels = ", ".join(f"{d} {second[d]}" for d in DIMENSIONS if second[d] != "")
    raise DataError(
        f"{second['file']}, line {second['line']}: parameter {second['parameter']!r} "
        f"({labels or 'no labels'}) is given again (first in {first['file']}, line "
        f"{first['line']}); keep one row"
    )


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


@dataclass
class RangeCheck:
    """Checks values against a parameter's hard limits and plausible range.

    A value outside ``minimum``/``maximum`` is always an error. A value outside the
    plausible range is an error too, unless ``allow_out_of_range``: then it is kept and
    the message goes to ``warnings``.
    """

    allow_out_of_range: bool = False
    warnings: list[str] = field(default_factory=list)

    def __call__(
        self,
        spec: Parameter,
        values: np.ndarray,
        bounds: Bounds,
        where: str,
        given: str,
        labels: list[dict] | None = None,
    ) -> None:
        """Check ``values`` (canonical unit) that came from ``given`` (text for messages).

        ``labels`` optionally names the cells (flat order) for a message about one cell.
        """
        values, low, high, units = np.broadcast_arrays(
            np.asarray(values, dtype=float), bounds.low, bounds.high, bounds.units
        )
        with np.errstate(invalid="ignore"):
            hard = np.zeros(values.shape, dtype=bool)
            if spec.minimum is not None:
                hard |= values < spec.minimum
            if spec.maximum is not None:
                hard |= values > spec.maximum
            implausible = (values < low) | (values > high)
        if hard.any():
            index = tuple(np.argwhere(hard)[0])
            raise DataError(
                f"{where}: parameter {spec.name!r} {given}{self._at(labels, index, values)} "
                f"is {values[index]:g} {_unit_text(spec, units[index])}; expected "
                f"{_limits(spec.minimum, spec.maximum)}"
            )
        if not implausible.any():
            return
        index = tuple(np.argwhere(implausible)[0])
        unit = _unit_text(spec, units[index])
        message = (
            f"{where}: parameter {spec.name!r} {given}{self._at(labels, index, values)} is "
            f"{values[index]:g} {unit}, outside the plausible range {low[index]:g} to "
            f"{high[index]:g} {unit} ({spec.plausible_reason})"
        )
        if not self.allow_out_of_range:
            raise DataError(f"{message}; if this is deliberate, run with --allow-out-of-range")
        self.warnings.append(f"{message}; kept (--allow-out-of-range)")

    @staticmethod
    def _at(labels: list[dict] | None, index: tuple, values: np.ndarray) -> str:
        if not labels:
            return ""
        cell = labels[int(np.ravel_multi_index(index, values.shape))]
        return " at " + ", ".join(f"{d} {v}" for d, v in cell.items()) if cell else ""


@dataclass
class Bounds:
    """Plausible bounds (canonical unit) and output units, broadcastable over cells."""

    low: np.ndarray | float = np.nan
    high: np.ndarray | float = np.nan
    units: np.ndarray | str = ""


def _unit_text(spec: Parameter, output_unit: str) -> str:
    unit = spec.unit.format(output=output_unit) if spec.output_from else spec.unit
    return "(share)" if unit == "1" else unit


def _limits(minimum: float | None, maximum: float | None) -> str:
    """A parameter's hard limits in words: "at least 0", "between 0 and 1"."""
    if maximum is None:
        return f"at least {minimum:g}"
    if minimum is None:
        return f"at most {maximum:g}"
    return f"between {minimum:g} and {maximum:g}"


def _bounds(spec: Parameter, output_units: xr.DataArray | None) -> xr.DataArray | Bounds:
    """Plausible bounds per cell of ``output_units`` (as DataArrays), or one pair."""
    if output_units is None:
        low, high = spec.plausible_range() or (np.nan, np.nan)
        return Bounds(low, high, "")
    ranges = {unit: spec.plausible_range(unit) for unit in np.unique(output_units) if unit}
    low = np.full(output_units.shape, np.nan)
    high = np.full(output_units.shape, np.nan)
    for index, unit in np.ndenumerate(output_units.to_numpy()):
        if ranges.get(unit):
            low[index], high[index] = ranges[unit]
    return Bounds(
        xr.DataArray(low, dims=output_units.dims, coords=output_units.coords),
        xr.DataArray(high, dims=output_units.dims, coords=output_units.coords),
        output_units,
    )


def _build_parameter(
    spec: Parameter,
    rows: pd.DataFrame,
    coords: dict,
    data_sets: dict[str, pd.DataFrame],
    check: RangeCheck | None = None,
) -> xr.DataArray:
    """Dense array of one parameter: general rows first, specific rows override.

    With ``check``, every row's value (and its ``low`` and ``high``, where given) is
    checked in the canonical unit, naming the row's file and line.
    """
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
            key, {"knots": {}, "constant": None, "unit": row.unit, "where": where, "rows": []}
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
        group["rows"].append((where, row.value, row.low, row.high))
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
        factor, bounds = _block_conversion(
            spec, group["unit"], output_units, selection, group, positions
        )
        if check is not None:
            _check_rows(spec, group, factor, bounds, check)
        block = np.broadcast_to(block * factor, block_shape)
        old = values[block_index]
        # Cells whose output unit is unknown (no such sector/service) stay as they were.
        block = np.where(np.isnan(block), old, block) if output_units is not None else block
        values[block_index] = block
    return array


def _check_rows(
    spec: Parameter, group: dict, factor: np.ndarray | float, bounds: Bounds, check: RangeCheck
) -> None:
    """Check each row of a group (value, low, high) in the canonical unit."""
    for where, value, low, high in group["rows"]:
        for column, number in (("value", value), ("low", low), ("high", high)):
            if number == "":
                continue
            given = f"{column} {float(number):g} {group['unit']}"
            check(spec, float(number) * np.asarray(factor), bounds, where, given)


def _block_conversion(
    spec: Parameter,
    unit: str,
    output_units: xr.DataArray | None,
    selection: dict,
    group: dict,
    positions: dict,
) -> tuple[np.ndarray | float, Bounds]:
    """Conversion factor and plausible bounds for a block, shaped to broadcast over the
    parameter's axes (plain numpy: this runs once per row group)."""
    if output_units is None:
        return _factor_array(spec, unit, None, group["where"]), _bounds(spec, None)
    axes = [
        [positions[d][selection[d]]] if d in selection else range(output_units.sizes[d])
        for d in output_units.dims
    ]
    cells = output_units.to_numpy()[np.ix_(*axes)]
    order = [d for d in spec.dims if d in output_units.dims]
    cells = np.transpose(cells, [output_units.dims.index(d) for d in order])
    # put the output unit's axes where they sit among the parameter's dimensions
    cells = cells.reshape([cells.shape[order.index(d)] if d in order else 1 for d in spec.dims])
    factor = np.full(cells.shape, np.nan)
    low = np.full(cells.shape, np.nan)
    high = np.full(cells.shape, np.nan)
    for index, output in np.ndenumerate(cells):
        if output == "":
            continue
        try:
            factor[index] = conversion_factor(unit, spec.unit.format(output=output))
        except UnitError as error:
            raise DataError(
                f"{group['where']}: parameter {spec.name!r} for output unit {output!r}: {error}"
            ) from None
        low[index], high[index] = _plausible_for(spec, output)
    return factor, Bounds(low, high, cells)


@lru_cache(maxsize=1024)
def _plausible_for(spec: Parameter, output_unit: str) -> tuple[float, float]:
    return spec.plausible_range(output_unit) or (np.nan, np.nan)


def _range_end(
    spec: Parameter, rows: pd.DataFrame, end: str, coords: dict, data_sets: dict[str, pd.DataFrame]
) -> xr.DataArray:
    """The parameter built from the rows' ``low`` or ``high`` column (``value`` where empty).

    The loader checked both columns (numbers, finite, in range) when it read them.
    """
    ends = rows.copy()
    given = ends[end] != ""
    ends.loc[given, "value"] = ends.loc[given, end].astype(float)
    return _build_parameter(spec, ends, coords, data_sets)


def _selection(override: Override, spec: Parameter, coords: dict, where: str) -> dict:
    """The labels an override's ``where`` picks, checked against the dataset."""
    selection = {}
    for dim, labels in override.where.items():
        if dim not in spec.dims:
            raise DataError(
                f"{where}: parameter {spec.name!r} has no dimension {dim!r} (its dimensions: "
                f"{', '.join(spec.dims) or 'none'})"
            )
        wanted = labels if isinstance(labels, list) else [labels]
        try:
            if dim == "year":
                wanted = [int(x) for x in expand_years(wanted)]
            else:
                wanted = [str(x) for x in wanted]
        except ValueError:
            raise DataError(
                f"{where}: 'where.year' {labels!r} is not a year or a range such as 2030..2035"
            ) from None
        unknown = [x for x in wanted if x not in coords[dim]]
        if unknown:
            raise DataError(
                f"{where}: unknown {dim} {unknown[0]!r}; expected one of "
                f"{', '.join(map(str, coords[dim]))}"
            )
        selection[dim] = wanted
    return selection


def _apply_override(
    array: xr.DataArray,
    spec: Parameter,
    override: Override,
    coords: dict,
    data_sets: dict[str, pd.DataFrame],
    rows: pd.DataFrame | None = None,
    check: RangeCheck | None = None,
) -> xr.DataArray:
    where = f"{override.origin or 'scenario'}: key '{override.key or 'parameters.' + spec.name}'"
    selection = _selection(override, spec, coords, where)
    target = array.loc[selection]
    output_units = _output_units(data_sets, spec, coords)
    if override.shift is not None:
        array.loc[selection] = _shifted(
            array.loc[selection], spec, override.shift, where, coords["year"][0]
        )
        given = f"shift {override.shift}"
    elif override.use is not None:
        ends = _range_end(spec, rows, override.use, coords, data_sets)
        array.loc[selection] = ends.loc[selection].to_numpy()
        given = f"use {override.use}"
    elif override.scale is not None:
        array.loc[selection] = (target * override.scale).to_numpy()
        given = f"scale {override.scale:g}"
    elif isinstance(override.value, str):
        array.loc[selection] = _converted(
            override.value, spec, output_units, selection, target, where
        )
        given = f"value {override.value!r}"
    else:
        array.loc[selection] = override.value
        given = f"value {override.value:g}"
    if override.interpolate:
        rest = {d: v for d, v in selection.items() if d != "year"}
        knots = _data_knot_years(rows, coords["year"])
        array.loc[rest] = _interpolated(array.loc[rest], selection["year"], knots)
        selection = rest
    if check is not None:
        _check_override(array.loc[selection], spec, output_units, where, given, check)
    return array


def _shifted(
    values: xr.DataArray, spec: Parameter, years: int, where: str, first_model_year: int
) -> np.ndarray:
    """A path moved ``years`` later: each year takes the value of ``years`` before (held at
    the first or last model year beyond them); a ``first_year`` moves by ``years`` (one
    before the model starts counts as the first model year)."""
    if spec.name == "first_year":
        return np.maximum(values.to_numpy(), first_model_year) + years
    if "year" not in spec.dims:
        raise DataError(
            f"{where}: 'shift' moves a path over years or a first year; parameter {spec.name!r} "
            f"has no year dimension (its dimensions: {', '.join(spec.dims) or 'none'})"
        )
    axis = values.dims.index("year")
    count = values.sizes["year"]
    source = np.clip(np.arange(count) - years, 0, count - 1)
    return np.take(values.to_numpy(), source, axis=axis)


def _data_knot_years(rows: pd.DataFrame | None, years: list[int]) -> list[int]:
    """The model years at which the dataset gives a figure of the parameter."""
    if rows is None or rows.empty:
        return []
    given = {int(y) for y in rows["year"] if y != ""}
    return sorted(given & set(years))


def _interpolated(values: xr.DataArray, set_years: list[int], data_knots: list[int]) -> np.ndarray:
    """The path through the years just set and the dataset's own knots, linear between them
    and held flat beyond the first and last knot."""
    years = [int(y) for y in values.coords["year"].values]
    knots = sorted(set(set_years) | (set(data_knots) - set(set_years)))
    at = [years.index(y) for y in knots]
    moved = np.moveaxis(values.to_numpy(), values.dims.index("year"), -1).copy()
    flat = moved.reshape(-1, len(years))
    for row in flat:
        row[:] = np.interp(years, knots, row[at])
    return np.moveaxis(flat.reshape(moved.shape), -1, values.dims.index("year"))


def _converted(
    text: str,
    spec: Parameter,
    output_units: xr.DataArray | None,
    selection: dict,
    target: xr.DataArray,
    where: str,
) -> np.ndarray | float:
    """A quantity such as ``'150 EUR/t'`` in the canonical unit, per output unit if needed."""
    try:
        magnitude, unit = split_quantity(text)
    except UnitError as error:
        raise DataError(f"{where}: {error}") from None
    if not math.isfinite(magnitude):
        raise DataError(f"{where}: value {text!r} is not a finite number")
    if output_units is None:
        return magnitude * _factor_array(spec, unit, None, where)
    units_here = output_units.loc[{d: v for d, v in selection.items() if d in output_units.dims}]
    factor = _factor_array(spec, unit, units_here, where)
    converted = (magnitude * factor).broadcast_like(target).transpose(*target.dims)
    return converted.to_numpy()


def _check_override(
    values: xr.DataArray,
    spec: Parameter,
    output_units: xr.DataArray | None,
    where: str,
    given: str,
    check: RangeCheck,
) -> None:
    """Check the cells an override set, naming the scenario file, key and the cell."""
    bounds = _bounds(spec, output_units)
    if output_units is not None:
        picked = {d: values.coords[d] for d in output_units.dims}

        def aligned(array: xr.DataArray) -> np.ndarray:
            return array.sel(picked).broadcast_like(values).transpose(*values.dims).to_numpy()

        bounds = Bounds(aligned(bounds.low), aligned(bounds.high), aligned(bounds.units))
    labels = [
        dict(zip(values.dims, cell))
        for cell in itertools.product(*(values.coords[d].values.tolist() for d in values.dims))
    ]
    check(spec, values.to_numpy(), bounds, where, given, labels)


def _data_years(rows: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year any figure of the dataset is given for."""
    years = rows.loc[rows["year"] != "", "year"].astype(int)
    return (int(years.min()), int(years.max())) if len(years) else None


def _check_horizon(scenario: Scenario, rows: pd.DataFrame, warnings: list[str]) -> None:
    """The model years must not start before the data; after its last year, say so."""
    span = _data_years(rows)
    if span is None:
        return
    first, last = span
    source = scenario.key_files.get("years") or (scenario.files[-1] if scenario.files else "")
    where = f"{source or 'scenario'}: key 'years'"
    if scenario.years[0] < first:
        raise DataError(
            f"{where}: the model years start in {scenario.years[0]}, before the dataset "
            f"{scenario.dataset!r} has figures (it covers {first}-{last}); start in {first} "
            "or later"
        )
    if scenario.years[1] > last:
        warnings.append(
            f"{where}: the dataset {scenario.dataset!r} has figures up to {last}; the years "
            f"{last + 1}-{scenario.years[1]} hold each figure at its last given value"
        )


def load_data(scenario: Scenario) -> Data:
    """Load the scenario's dataset, restricted to its years, with its overrides applied."""
    folder = scenario.dataset_path
    sets = _read_sets(folder)
    sources = read_sources(folder)
    for filename in SET_FILES:
        frame = sets[filename.removesuffix(".csv")]
        check_source_cells(folder / filename, frame["source"], range(2, len(frame) + 2), sources)
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
    for file, own in rows.groupby("file", sort=False):
        check_source_cells(Path(file), own["source"], own["line"], sources)
    rows["citation"] = [citation(cell, sources) for cell in rows["source"]]
    deflator = read_deflator(folder, sources)
    if deflator:
        _deflate(rows, deflator, folder)
    else:
        rows["value_as_written"] = rows["value"]
    check = RangeCheck(allow_out_of_range=scenario.allow_out_of_range)
    _check_horizon(scenario, rows, check.warnings)
    values: dict[str, xr.DataArray] = {}
    for name, spec in PARAMETERS.items():
        own = rows[rows["parameter"] == name]
        array = _build_parameter(spec, own, coords, sets, check)
        for override in scenario.parameters.get(name, ()):
            array = _apply_override(array, spec, override, coords, sets, own, check)
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
        sources=sources,
        deflator=deflator,
        hash=dataset_hash(folder),
        warnings=check.warnings,
    )


# --------------------------------------------------------------------------- variants


def _coords(data: Data) -> dict[str, list]:
    return {dim: data.labels(dim) for dim in DIMENSIONS}


def _sets(data: Data) -> dict[str, pd.DataFrame]:
    return {"routes": data.routes, "services": data.services}


def with_values(data: Data, arrays: dict[str, xr.DataArray]) -> Data:
    """A copy of ``data`` with some parameters' arrays replaced, in memory.

    The arrays of the other parameters, their cached tables and the dataset's rows are
    shared with ``data`` (nothing is re-read); each new array must have its parameter's
    dimensions and labels.
    """
    values = dict(data.values)
    for name, array in arrays.items():
        old = data.values[name]
        if array.dims != old.dims or array.shape != old.shape:
            raise DataError(
                f"parameter {name!r}: new values over {array.dims} {array.shape}, expected "
                f"{old.dims} {old.shape}"
            )
        values[name] = array.assign_attrs(old.attrs)
    tables = {k: v for k, v in data._tables.items() if k not in arrays}
    return replace(data, values=values, _tables=tables, _labels=data._labels)


def with_overrides(
    data: Data,
    overrides: dict[str, tuple[Override, ...] | list[Override]],
    allow_out_of_range: bool = False,
) -> Data:
    """``data`` with more scenario overrides applied, in memory (the CSVs are not re-read).

    The same as loading the dataset for a scenario whose overrides of each parameter end
    with ``overrides[name]``: each override acts on the values as they stand, is checked
    like a scenario's (labels, units, plausible range) and names its ``origin`` and
    ``key`` in an error.
    """
    coords, sets = _coords(data), _sets(data)
    check = RangeCheck(allow_out_of_range=allow_out_of_range)
    arrays = {}
    for name, items in overrides.items():
        if name not in PARAMETERS:
            raise DataError(
                f"unknown parameter {name!r}; expected one of {', '.join(sorted(PARAMETERS))}"
            )
        spec = PARAMETERS[name]
        own = data.rows[data.rows["parameter"] == name]
        array = data.values[name].copy()
        for override in items:
            array = _apply_override(array, spec, override, coords, sets, own, check)
        arrays[name] = array
    variant = with_values(data, arrays)
    variant.warnings = [*data.warnings, *check.warnings]
    return variant


def ranged_parameters(data: Data) -> list[str]:
    """The parameters with a ``low`` or ``high`` given on at least one row, in registry order."""
    rows = data.rows
    given = rows[(rows["low"] != "") | (rows["high"] != "")]
    named = set(given["parameter"])
    return [name for name in PARAMETERS if name in named]


def parameter_range(
    data: Data, name: str, overrides: tuple[Override, ...] = ()
) -> tuple[xr.DataArray, xr.DataArray]:
    """The low and high ends of a parameter's range, built from the rows' ``low``/``high``
    columns (``value`` where a row gives none), with ``overrides`` (the scenario's) applied
    to both ends as a scenario applies them to the value: an override that sets a value
    pins both ends to it, a scale scales both."""
    spec = PARAMETERS[name]
    coords, sets = _coords(data), _sets(data)
    own = data.rows[data.rows["parameter"] == name]
    ends = []
    for end in ("low", "high"):
        array = _range_end(spec, own, end, coords, sets)
        for override in overrides:
            array = _apply_override(array, spec, override, coords, sets, own)
        ends.append(array.assign_attrs(data.values[name].attrs))
    return ends[0], ends[1]


#: The published 2030 target for the modelled industry on elektra's boundary, in a
#: dataset's validation/projections.csv (see scenarios/target_2030.yaml).
INDICATIVE_TARGET_ITEM = "industry_indicative_target_2030_elektra_boundary"


def indicative_target(folder: Path) -> tuple[int, float, str] | None:
    """(year, Mt/yr, source) of the dataset's indicative industry target, if it has one.

    Read from ``validation/projections.csv`` (row :data:`INDICATIVE_TARGET_ITEM`, in Mt CO2e);
    None when the dataset has no such file or row.
    """
    path = Path(folder) / "validation" / "projections.csv"
    if not path.is_file():
        return None
    table = _read_csv(path)
    rows = table[table.get("item", pd.Series(dtype=str)) == INDICATIVE_TARGET_ITEM]
    if rows.empty:
        return None
    row = rows.iloc[0]
    where = f"{path}, line {rows.index[0] + 2}"
    value = _number(row["value"], "value", where) * conversion_factor(
        row["unit"].replace("CO2e", "").strip() or "Mt", "Mt"
    )
    cell = str(row.get("source", ""))
    sources = sources_of_file(path)
    check_source_cells(path, [cell], [rows.index[0] + 2], sources)
    return int(row["year"]), value, citation(cell, sources)
