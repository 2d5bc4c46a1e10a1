"""What a sweep varies and which variants it solves: grids, Monte Carlo, Sobol.

A sweep varies *factors*: a parameter, or the labels of it picked by ``where``, moved

- on a grid of scale factors (``--vary ets_price=0.6:1.4:9``) or of values;
- by Monte Carlo: over a scale range (``--vary subsidy_budget=0.5:1.5 --samples N``) or
  over the range the dataset gives for the parameter (its rows' ``low``/``high``), with a
  uniform or triangular distribution (mode at the data's value), sampled by Latin hypercube
  (default) or plainly at random, or with Saltelli's scheme for Sobol indices (``--sobol``).

One factor on a data range moves every cell of the parameter (in ``where``) to the same
quantile of its own range: 0 is every row's ``low``, 1 every row's ``high``.

Every plan also holds the *reference* (every factor at its nominal: scale 1, the data's
value) and, per factor, the *one-at-a-time* variants at its low and high end (the tornado
chart). Each variant has a key: a hash of the base scenario, the dataset and what the
variant changes, so that a finished variant is never solved again (resume) and two
variants that are the same are solved once.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xarray as xr

from elektra import __version__
from elektra.inputs.config import Override, Scenario, SweepFactor, SweepSpec
from elektra.inputs.data import (
    Data,
    DataError,
    _selection,
    parameter_range,
    ranged_parameters,
    with_overrides,
    with_values,
)
from elektra.inputs.parameters import PARAMETERS


class SweepError(ValueError):
    """A sweep that cannot be run as asked: the message says which factor and why."""


#: Kinds of factor.
SCALE_GRID, VALUE_GRID, SCALE, RANGE = "scale_grid", "value_grid", "scale", "range"
#: Kinds of variant.
REFERENCE, ONE_AT_A_TIME, GRID, SAMPLE, NAMED = (
    "reference",
    "one_at_a_time",
    "grid",
    "sample",
    "named",
)


def factor_label(parameter: str, where: dict) -> str:
    """``capex[route=steel_h2_dri_eaf]``: the parameter and the labels it is varied at."""
    if not where:
        return parameter
    parts = []
    for dim, labels in where.items():
        shown = labels if isinstance(labels, list) else [labels]
        parts.append(f"{dim}={'|'.join(str(x) for x in shown)}")
    return f"{parameter}[{','.join(parts)}]"


@dataclass(frozen=True)
class Factor:
    """One varied input, resolved: what it moves, and its grid or distribution."""

    label: str
    parameter: str
    where: dict
    kind: str
    grid: tuple = ()
    low: float = math.nan
    high: float = math.nan
    distribution: str = "uniform"
    mode: float = 1.0
    #: where the factor was asked for, for messages (``--vary`` or the scenario file)
    origin: str = ""
    key: str = ""

    @property
    def meaning(self) -> str:
        """What the factor's setting of a variant is."""
        if self.kind in (SCALE_GRID, SCALE):
            return "scale factor on the parameter's values (1 = as in the scenario)"
        if self.kind == RANGE:
            return "quantile of the data's range (0 = every row's low, 1 = every row's high)"
        unit = PARAMETERS[self.parameter].unit
        return f"value set (a number is in the canonical unit {unit})"

    def extremes(self) -> tuple[Any, Any]:
        """The settings of the one-at-a-time variants: the low and the high end."""
        if self.kind == RANGE:
            return 0.0, 1.0
        if self.kind == SCALE:
            return self.low, self.high
        if self.kind == SCALE_GRID:
            return min(self.grid), max(self.grid)
        return self.grid[0], self.grid[-1]

    def from_unit(self, u: np.ndarray) -> np.ndarray:
        """Settings for points ``u`` of [0, 1] (Monte Carlo): a quantile, or a scale."""
        if self.kind == RANGE:
            return np.asarray(u, dtype=float)
        return inverse_cdf(np.asarray(u, float), self.low, self.mode, self.high, self.distribution)

    def override(self, setting: Any) -> Override:
        """The scenario override that puts this factor at ``setting`` (not for RANGE)."""
        common = {"where": self.where, "origin": self.origin, "key": self.key}
        if self.kind in (SCALE_GRID, SCALE):
            return Override(scale=float(setting), **common)
        return Override(value=setting, **common)

    def describe(self) -> dict:
        """What the factor is, for the variant keys (not its grid or distribution)."""
        return {"parameter": self.parameter, "where": self.where, "kind": self.kind}


def inverse_cdf(u: np.ndarray, low: Any, mode: Any, high: Any, distribution: str) -> np.ndarray:
    """Values at quantiles ``u`` of a uniform or triangular distribution on [low, high]
    (mode ``mode``); elementwise over arrays of ends, a point where low == high."""
    low, mode, high = (np.asarray(v, dtype=float) for v in (low, mode, high))
    width = high - low
    if distribution == "uniform":
        return low + u * width
    with np.errstate(invalid="ignore", divide="ignore"):
        corner = np.where(width > 0, (mode - low) / np.where(width > 0, width, 1.0), 0.0)
        left = low + np.sqrt(np.clip(u * width * (mode - low), 0.0, None))
        right = high - np.sqrt(np.clip((1.0 - u) * width * (high - mode), 0.0, None))
    return np.where(width > 0, np.where(u < corner, left, right), low)


def _resolve(item: SweepFactor, index: int, origin: str) -> Factor:
    label = factor_label(item.parameter, item.where)
    common = {
        "label": label,
        "parameter": item.parameter,
        "where": dict(item.where),
        "origin": origin,
        "key": f"sweep.vary.{index}" if origin != "--vary" else label,
    }
    if item.points is not None:
        low, high = item.scale
        return Factor(kind=SCALE_GRID, grid=tuple(np.linspace(low, high, item.points)), **common)
    if item.scales is not None:
        return Factor(kind=SCALE_GRID, grid=tuple(float(s) for s in item.scales), **common)
    if item.values is not None:
        return Factor(kind=VALUE_GRID, grid=tuple(item.values), **common)
    if item.scale is not None:
        low, high = item.scale
        mode = 1.0 if item.mode is None else item.mode
        distribution = item.distribution or "uniform"
        if distribution == "triangular" and not low <= mode <= high:
            raise SweepError(
                f"{origin}: key '{common['key']}': mode {mode:g} is outside the scale range "
                f"[{low:g}, {high:g}]"
            )
        return Factor(
            kind=SCALE, low=low, high=high, mode=mode, distribution=distribution, **common
        )
    return Factor(kind=RANGE, distribution=item.distribution or "triangular", **common)


def resolve_factors(spec: SweepSpec, data: Data, origin: str) -> list[Factor]:
    """The factors of a sweep; without any named, every parameter the data gives a range."""
    items = list(spec.vary)
    if not items and spec.samples is not None:
        items = [SweepFactor(parameter=name) for name in ranged_parameters(data)]
        origin = f"{origin} (every parameter with a low/high range in the dataset)"
        if not items:
            raise SweepError(
                f"dataset {data.name!r} gives no parameter a low/high range: name the factors "
                "with --vary PARAM=LOW:HIGH (a scale range)"
            )
    factors = [_resolve(item, i, origin) for i, item in enumerate(items)]
    labels = [f.label for f in factors]
    repeated = {label for label in labels if labels.count(label) > 1}
    if repeated:
        raise SweepError(f"{origin}: factor {sorted(repeated)[0]!r} is given twice")
    ranged = set(ranged_parameters(data))
    for factor in factors:
        if factor.kind == RANGE and factor.parameter not in ranged:
            raise SweepError(
                f"{factor.origin}: key '{factor.key}': the dataset gives parameter "
                f"{factor.parameter!r} no low/high range; give a scale range instead (e.g. "
                f"--vary {factor.label}=0.8:1.2)"
            )
    return factors


# --------------------------------------------------------------------------- command line

#: ``--vary PARAM[dim=label|label,...]=LOW:HIGH[:N]``
VARY = re.compile(r"(?P<parameter>[A-Za-z0-9_]+)(\[(?P<where>[^\]]*)\])?(=(?P<range>.*))?")
#: The command-line flag that sets each field of a sweep spec (for messages).
FLAGS = {"vary": "--vary", "samples": "--samples", "seed": "--seed", "sobol": "--sobol"}


def _first_problem(error: Any) -> tuple[str, str]:
    """The field and message of a pydantic ValidationError's first problem."""
    problem = error.errors()[0]
    field_name = str(problem["loc"][0]) if problem["loc"] else ""
    return field_name, problem["msg"].removeprefix("Value error, ")


def parse_vary(text: str) -> SweepFactor:
    """One ``--vary`` as a SweepFactor: ``PARAM`` (the data's range), ``PARAM=LOW:HIGH``
    (a scale range for Monte Carlo), ``PARAM=LOW:HIGH:N`` (a grid of N scale factors),
    with ``[dim=label|label,...]`` after PARAM to vary those labels only."""
    from pydantic import ValidationError

    match = VARY.fullmatch(text.strip())
    if match is None:
        raise SweepError(
            f"--vary {text!r}: expected PARAM, PARAM=LOW:HIGH (a scale range), "
            "PARAM=LOW:HIGH:N (a grid of N scale factors) or PARAM[dim=label,...]=..."
        )
    where: dict = {}
    for item in filter(None, (match["where"] or "").split(",")):
        dim, _, labels = item.partition("=")
        if not labels:
            raise SweepError(f"--vary {text!r}: selection {item!r} is not dim=label")
        chosen = labels.split("|")
        where[dim.strip()] = chosen if len(chosen) > 1 else chosen[0]
    fields: dict = {"parameter": match["parameter"], "where": where}
    if match["range"]:
        numbers = match["range"].split(":")
        try:
            values = [float(n) for n in numbers]
        except ValueError:
            raise SweepError(f"--vary {text!r}: {match['range']!r} is not LOW:HIGH[:N]") from None
        if len(values) not in (2, 3) or (len(values) == 3 and not values[2].is_integer()):
            raise SweepError(f"--vary {text!r}: expected LOW:HIGH or LOW:HIGH:N (N whole)")
        fields["scale"] = (values[0], values[1])
        if len(values) == 3:
            fields["points"] = int(values[2])
    try:
        return SweepFactor(**fields)
    except ValidationError as error:
        raise SweepError(f"--vary {text!r}: {_first_problem(error)[1]}") from None


def command_line_spec(
    spec: SweepSpec | None,
    vary: Sequence[str] = (),
    samples: int | None = None,
    seed: int | None = None,
    sobol: bool = False,
) -> SweepSpec:
    """The scenario's ``sweep:`` block (``spec``) with the command line's choices on top;
    a problem names the flag that caused it."""
    from pydantic import ValidationError

    fields = (spec or SweepSpec()).model_dump(exclude_none=True)
    given: dict[str, Any] = {}
    if vary:
        given["vary"] = [parse_vary(item) for item in vary]
    if samples is not None:
        given["samples"] = samples
    if seed is not None:
        given["seed"] = seed
    if sobol:
        given["sobol"] = True
    try:
        spec = SweepSpec(**{**fields, **given})
    except ValidationError as error:
        name, message = _first_problem(error)
        flag = FLAGS.get(name) if name in given else None
        where = flag or ("the scenario's 'sweep:' block" + (f", key {name!r}" if name else ""))
        raise SweepError(f"{where}: {message}") from None
    if not spec.vary and spec.samples is None and not spec.variants:
        raise SweepError(
            "nothing to sweep: give --vary PARAM=LOW:HIGH:N (a grid), --samples N (Monte Carlo "
            "over the dataset's ranges), or a 'sweep:' block in the scenario"
        )
    return spec


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Variant:
    """One variant: its label, kind, the setting of each factor (None: nominal), the
    named overrides it adds, and its key."""

    label: str
    kind: str
    settings: tuple
    moved: str = ""
    overrides: tuple = ()
    key: str = ""


def base_identity(scenario: Scenario, data: Data) -> str:
    """What every variant key starts from: scenario, dataset and elektra version."""
    return f"{scenario.hash}:{data.hash}:{__version__}"


def _key(base: str, factors: Sequence[Factor], settings: tuple, overrides: tuple) -> str:
    moved = [
        [factor.describe(), _plain(setting)]
        for factor, setting in zip(factors, settings)
        if setting is not None
    ]
    named = [
        [name, [o.model_dump(exclude={"origin", "key"}) for o in items]]
        for name, items in overrides
    ]
    text = json.dumps([base, sorted(moved, key=json.dumps), named], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _plain(setting: Any) -> Any:
    return float(setting) if isinstance(setting, int | float | np.floating) else setting


@dataclass
class Plan:
    """Every variant of a sweep, in order, and how they were drawn."""

    factors: list[Factor]
    variants: list[Variant]
    kind: str
    samples: int | None = None
    seed: int | None = None
    sampling: str = ""
    sobol: bool = False
    #: the unit-cube points of the samples (rows of the SALib matrix with --sobol)
    unit: np.ndarray = field(default_factory=lambda: np.empty((0, 0)))


def unit_samples(dimensions: int, samples: int, seed: int, sampling: str) -> np.ndarray:
    """``samples`` points of the unit cube: Latin hypercube (``lhs``) or plain random."""
    if sampling == "lhs":
        from scipy.stats import qmc

        return qmc.LatinHypercube(d=dimensions, seed=seed).random(samples)
    return np.random.default_rng(seed).random((samples, dimensions))


def sobol_problem(names: Sequence[str]) -> dict:
    return {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}


def sobol_samples(names: Sequence[str], samples: int, seed: int) -> np.ndarray:
    """Saltelli's points for first-order and total Sobol indices: N x (D + 2) rows of the
    unit cube (SALib). N a power of two keeps the Sobol sequence balanced."""
    from SALib.sample import sobol as sobol_sample

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SALib warns when N is not a power of two
        return sobol_sample.sample(
            sobol_problem(names), samples, calc_second_order=False, seed=seed
        )


def sobol_indices(
    names: Sequence[str], outputs: np.ndarray, seed: int = 0, resamples: int = 200
) -> dict[str, np.ndarray]:
    """First-order and total Sobol indices with their 95 % confidence half-widths.

    ``outputs`` are the model outputs at the points of :func:`sobol_samples`, in order.
    Groups of D + 2 rows with a missing output (a failed variant) are left out; with
    fewer than two whole groups every index is NaN. Returns arrays ``first``,
    ``first_conf``, ``total``, ``total_conf`` (one entry per name) and ``groups`` used.
    """
    from SALib.analyze import sobol as sobol_analyze

    size = len(names) + 2
    outputs = np.asarray(outputs, dtype=float).reshape(-1, size)
    whole = outputs[np.all(np.isfinite(outputs), axis=1)]
    nan = np.full(len(names), np.nan)
    result = {"first": nan, "first_conf": nan, "total": nan, "total_conf": nan}
    if len(whole) >= 2 and np.ptp(whole) > 0:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            found = sobol_analyze.analyze(
                sobol_problem(names),
                whole.ravel(),
                calc_second_order=False,
                num_resamples=resamples,
                conf_level=0.95,
                seed=seed,
            )
        result = {
            "first": np.asarray(found["S1"]),
            "first_conf": np.asarray(found["S1_conf"]),
            "total": np.asarray(found["ST"]),
            "total_conf": np.asarray(found["ST_conf"]),
        }
    elif len(whole) >= 2:
        zeros = np.zeros(len(names))
        result = {"first": zeros, "first_conf": zeros, "total": zeros, "total_conf": zeros}
    return {**result, "groups": np.array(len(whole))}


def make_plan(spec: SweepSpec, factors: list[Factor], base: str) -> Plan:
    """The variants: the reference, one-at-a-time ends, then the grid or the samples,
    then the named variants."""
    nominal = (None,) * len(factors)
    variants = [Variant("reference", REFERENCE, nominal)]
    for i, factor in enumerate(factors):
        for end, setting in zip(("low", "high"), factor.extremes()):
            settings = tuple(setting if j == i else None for j in range(len(factors)))
            variants.append(Variant(f"{end}:{factor.label}", ONE_AT_A_TIME, settings, factor.label))
    plan = Plan(factors, [], "one_at_a_time")
    grid = [f for f in factors if f.kind in (SCALE_GRID, VALUE_GRID)]
    if grid:
        import itertools

        plan.kind = "grid"
        points = list(itertools.product(*(f.grid for f in factors)))
        width = len(str(len(points)))
        for n, point in enumerate(points, 1):
            variants.append(Variant(f"g{n:0{width}d}", GRID, tuple(point)))
    elif spec.samples is not None:
        plan.kind = "sobol" if spec.sobol else "monte_carlo"
        plan.samples, plan.seed, plan.sampling, plan.sobol = (
            spec.samples,
            spec.seed,
            "saltelli" if spec.sobol else spec.sampling,
            spec.sobol,
        )
        names = [f.label for f in factors]
        unit = (
            sobol_samples(names, spec.samples, spec.seed)
            if spec.sobol
            else unit_samples(len(factors), spec.samples, spec.seed, spec.sampling)
        )
        plan.unit = unit
        settings = np.column_stack([f.from_unit(unit[:, i]) for i, f in enumerate(factors)])
        width = len(str(len(unit)))
        for n, row in enumerate(settings, 1):
            variants.append(Variant(f"s{n:0{width}d}", SAMPLE, tuple(float(v) for v in row)))
    for label, overrides in spec.variants.items():
        items = tuple((name, tuple(items)) for name, items in overrides.items())
        variants.append(Variant(label, NAMED, nominal, overrides=items))
    plan.variants = [
        Variant(
            v.label,
            v.kind,
            v.settings,
            v.moved,
            v.overrides,
            _key(base, factors, v.settings, v.overrides),
        )
        for v in variants
    ]
    labels = [v.label for v in plan.variants]
    if len(set(labels)) != len(labels):
        raise SweepError("a named variant repeats the label of another variant")
    return plan


# --------------------------------------------------------------------------- variant data


class VariantData:
    """Turns a variant into its Data, from the base Data in memory (one per process)."""

    def __init__(
        self,
        data: Data,
        factors: Sequence[Factor],
        scenario_overrides: dict[str, tuple[Override, ...]],
        allow_out_of_range: bool = False,
    ):
        self.data = data
        self.factors = list(factors)
        self.allow = allow_out_of_range
        self.ranges: dict[str, tuple[xr.DataArray, ...]] = {}
        for factor in self.factors:
            if factor.kind == RANGE:
                low, high = parameter_range(
                    data, factor.parameter, scenario_overrides.get(factor.parameter, ())
                )
                mask = _mask(data, factor)
                self.ranges[factor.label] = (low, data.values[factor.parameter], high, mask)

    def __call__(self, variant: Variant) -> Data:
        arrays: dict[str, xr.DataArray] = {}
        overrides: dict[str, list[Override]] = {}
        for factor, setting in zip(self.factors, variant.settings):
            if setting is None:
                continue
            if factor.kind == RANGE:
                low, mode, high, mask = self.ranges[factor.label]
                current = arrays.get(factor.parameter, self.data.values[factor.parameter])
                drawn = inverse_cdf(
                    np.asarray(setting, float),
                    low.values,
                    mode.values,
                    high.values,
                    factor.distribution,
                )
                values = np.where(mask, drawn, current.values)
                arrays[factor.parameter] = current.copy(data=values)
            else:
                overrides.setdefault(factor.parameter, []).append(factor.override(setting))
        for name, items in variant.overrides:
            overrides.setdefault(name, []).extend(items)
        data = with_values(self.data, arrays) if arrays else self.data
        if overrides:
            data = with_overrides(data, overrides, allow_out_of_range=self.allow)
        return data


def _mask(data: Data, factor: Factor) -> np.ndarray:
    """The cells of a parameter a factor's ``where`` picks (all cells without one)."""
    spec = PARAMETERS[factor.parameter]
    array = data.values[factor.parameter]
    if not factor.where:
        return np.ones(array.shape, dtype=bool)
    where = f"{factor.origin}: key '{factor.key}'"
    coords = {dim: data.labels(dim) for dim in spec.dims}
    selection = _selection(Override(where=factor.where, scale=1.0), spec, coords, where)
    mask = xr.zeros_like(array, dtype=bool)
    mask.loc[selection] = True
    return mask.values


def check_plan(plan: Plan, make_data: VariantData) -> None:
    """Build the Data of every variant that sets values (one-at-a-time ends, grid points,
    named variants): a label, unit or plausible range that does not fit is an error now,
    not a failed variant later. Samples lie between the one-at-a-time ends."""
    for variant in plan.variants:
        if variant.kind in (ONE_AT_A_TIME, GRID, NAMED):
            try:
                make_data(variant)
            except DataError as error:
                # a factor's message names the factor already; a named variant's, not
                prefix = f"variant {variant.label}: " if variant.kind == NAMED else ""
                raise SweepError(f"{prefix}{error}") from None
