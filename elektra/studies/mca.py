"""Multi-criteria analysis (MCA) of options, e.g. the hydrogen production techniques.

One way through, each stage a function of the previous one::

    MCA spec (YAML) ─► performance table (data file + LP criteria) ─► scores and ranks per
    method and weighting ─► rank acceptability (Monte Carlo) and weight sensitivity
    ─► one xarray Dataset (written by :mod:`elektra.outputs.mca_output`)

The aggregation methods are pymcdm's (weighted sum, TOPSIS, PROMETHEE II); this module
only prepares their input, states the choices they need (normalisation, preference
function, thresholds) and collects what they return. Criteria that the LP computes
(levelised cost, and the change in system cost and emissions when an option is excluded)
come through one hook, :data:`LPCriteria`: a callable from the spec to a mapping
option -> criterion -> value. :func:`lp_criteria_from_scenario` is the real one; it runs
the scenario through :mod:`elektra.model.pipeline`, which is imported only when it is called, so
that this module never imports Pyomo.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import xarray as xr
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from elektra.inputs.data import DataError, check_source_cells, citation, sources_of_file
from elektra.outputs.progress import SILENT, Progress

#: The criteria the LP computes, with the unit the spec must declare for them.
LP_CRITERIA_UNITS = {
    "levelised_cost": "EUR/kg H2",
    "system_cost_if_excluded": "MEUR",
    "emissions_2035_if_excluded": "Mt CO2/yr",
}

#: The methods, by the name a spec uses, with a one-line statement for the output.
METHOD_NAMES = {
    "weighted_sum": "weighted sum (pymcdm WSM)",
    "topsis": "TOPSIS (pymcdm)",
    "promethee_ii": "PROMETHEE II net flow (pymcdm)",
}

#: Columns of a criteria data file.
DATA_COLUMNS = (
    "option",
    "criterion",
    "value",
    "unit",
    "low",
    "high",
    "source",
    "estimate",
    "method",
)


class McaError(ValueError):
    """An MCA spec or data file that cannot be used: the message names the file and key."""


# --------------------------------------------------------------------------------------
# The spec
# --------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One option: a label, a readable name and the LP routes that implement it."""

    name: str
    description: str = ""
    #: LP routes of the option; empty when the LP does not have it (yet).
    routes: tuple[str, ...] = ()


class Criterion(_Strict):
    """One criterion: what it measures, in which unit, and whether more is better."""

    description: str = ""
    unit: str
    direction: Literal["benefit", "cost"]
    source: str = ""
    #: Monte Carlo draws one quantile for all options (a common cause, such as the
    #: methane leakage rate behind every gas route) instead of one per option.
    correlated: bool = False
    #: A threshold the output reports each option against (not used in the ranking).
    threshold: float | None = None
    threshold_label: str = ""


class WeightedSum(_Strict):
    normalisation: Literal["minmax", "max", "sum", "vector"] = "minmax"


class Topsis(_Strict):
    normalisation: Literal["minmax", "max", "sum", "vector"] = "vector"


class Thresholds(_Strict):
    """PROMETHEE thresholds of one criterion, in the criterion's unit."""

    indifference: float = Field(default=0.0, ge=0)
    preference: float = Field(gt=0)


class Promethee(_Strict):
    """PROMETHEE II: one preference function for all criteria, thresholds per criterion.

    Criteria without thresholds get indifference 0 and preference equal to the spread
    (max - min) of their values over the options.
    """

    preference_function: Literal["usual", "ushape", "vshape", "level", "vshape_2"] = "vshape_2"
    thresholds: dict[str, Thresholds] = Field(default_factory=dict)


class Methods(_Strict):
    weighted_sum: WeightedSum | None = None
    topsis: Topsis | None = None
    promethee_ii: Promethee | None = None


class Robustness(_Strict):
    samples: int = Field(default=1000, ge=10)
    seed: int = 20261201
    #: Points on the weight axis of the sensitivity analysis (0 to 1).
    sensitivity_steps: int = Field(default=101, ge=11)


class Exclusion(_Strict):
    """How the LP excludes an option: its routes' national activity is 0 from this year."""

    from_year: int


class _SpecFile(_Strict):
    name: str | None = None
    description: str = ""
    data: str | None = None
    scenario: str | None = None
    year: int = 2035
    options: dict[str, Option]
    criteria: dict[str, Criterion]
    lp_criteria: tuple[str, ...] = ()
    exclusion: Exclusion | None = None
    weightings: dict[str, dict[str, float]]
    methods: Methods = Methods(
        weighted_sum=WeightedSum(), topsis=Topsis(), promethee_ii=Promethee()
    )
    robustness: Robustness = Robustness()

    @field_validator("options", "criteria", "weightings")
    @classmethod
    def _not_empty(cls, value: dict) -> dict:
        if not value:
            raise ValueError("give at least one entry")
        return value


@dataclass(frozen=True)
class McaSpec:
    """A validated MCA spec: the file's content with paths resolved and weights normalised."""

    name: str
    description: str
    path: Path
    text: str
    data_path: Path | None
    scenario_path: Path | None
    year: int
    options: dict[str, Option]
    criteria: dict[str, Criterion]
    lp_criteria: tuple[str, ...]
    exclusion: Exclusion | None
    #: weighting -> criterion -> weight, normalised to sum 1.
    weightings: dict[str, dict[str, float]]
    #: weighting -> criterion -> weight as written in the file.
    given_weights: dict[str, dict[str, float]]
    methods: Methods
    robustness: Robustness

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    @property
    def method_names(self) -> list[str]:
        return [name for name in METHOD_NAMES if getattr(self.methods, name) is not None]


def _format_validation(path: Path, error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"])
        message = problem["msg"]
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        elif problem["type"] == "literal_error":
            message = f"{message} (got {problem['input']!r})"
        lines.append(f"{path}: key '{key}': {message}")
    return "\n".join(lines)


def normalise_weights(path: Path, weighting: str, weights: Mapping[str, float]) -> dict:
    """Weights divided by their sum; negative weights or a zero sum are errors.

    .. math:: w_j = \\frac{v_j}{\\sum_k v_k}, \\quad v_j \\ge 0, \\ \\sum_k v_k > 0
    """
    for criterion, value in weights.items():
        if not np.isfinite(value) or value < 0:
            raise McaError(
                f"{path}: key 'weightings.{weighting}.{criterion}': weight {value} is "
                f"negative or not a number; weights must be >= 0 (they are normalised to sum 1)"
            )
    total = sum(weights.values())
    if total <= 0:
        raise McaError(
            f"{path}: key 'weightings.{weighting}': all weights are zero; give at least one "
            f"positive weight (weights are normalised to sum 1)"
        )
    return {criterion: value / total for criterion, value in weights.items()}


def _check_names(path: Path, parsed: _SpecFile) -> None:
    """Every name a spec uses refers to a declared option, criterion or LP criterion."""
    criteria = set(parsed.criteria)
    expected = ", ".join(parsed.criteria)
    for name in parsed.lp_criteria:
        if name not in LP_CRITERIA_UNITS:
            raise McaError(
                f"{path}: key 'lp_criteria': unknown LP criterion {name!r}; expected one of "
                f"{', '.join(LP_CRITERIA_UNITS)}"
            )
        if name not in criteria:
            raise McaError(
                f"{path}: key 'lp_criteria': {name!r} is not declared under 'criteria' "
                f"(give its unit {LP_CRITERIA_UNITS[name]!r} and direction there)"
            )
        if parsed.criteria[name].unit != LP_CRITERIA_UNITS[name]:
            raise McaError(
                f"{path}: key 'criteria.{name}.unit': the LP gives {name} in "
                f"{LP_CRITERIA_UNITS[name]!r}, not {parsed.criteria[name].unit!r}"
            )
    for weighting, weights in parsed.weightings.items():
        for criterion in weights:
            if criterion not in criteria:
                raise McaError(
                    f"{path}: key 'weightings.{weighting}.{criterion}': unknown criterion; "
                    f"expected one of {expected}"
                )
        for criterion in parsed.criteria:
            if criterion not in weights:
                raise McaError(
                    f"{path}: key 'weightings.{weighting}': no weight for criterion "
                    f"{criterion!r} (give 0 to leave it out)"
                )
    if parsed.methods.promethee_ii is not None:
        for criterion in parsed.methods.promethee_ii.thresholds:
            if criterion not in criteria:
                raise McaError(
                    f"{path}: key 'methods.promethee_ii.thresholds.{criterion}': unknown "
                    f"criterion; expected one of {expected}"
                )
    if not any(getattr(parsed.methods, m) is not None for m in METHOD_NAMES):
        raise McaError(f"{path}: key 'methods': give at least one of {', '.join(METHOD_NAMES)}")
    if parsed.lp_criteria and parsed.scenario is None:
        raise McaError(
            f"{path}: key 'scenario': LP criteria are asked for but no scenario is named"
        )
    excluding = {"system_cost_if_excluded", "emissions_2035_if_excluded"} & set(parsed.lp_criteria)
    if excluding and parsed.exclusion is None:
        raise McaError(
            f"{path}: key 'exclusion': {', '.join(sorted(excluding))} need 'exclusion: "
            f"{{from_year: Y}}' (the first year an excluded option may not run)"
        )


def _relative(path: Path, value: str | None) -> Path | None:
    if value is None:
        return None
    candidate = Path(value)
    return candidate if candidate.is_absolute() else (path.parent / candidate).resolve()


def load_spec(path: str | Path) -> McaSpec:
    """Read and validate an MCA spec; unknown keys and names are errors naming the key."""
    path = Path(path)
    if not path.is_file():
        raise McaError(f"{path}: MCA spec not found")
    text = path.read_text()
    try:
        content = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise McaError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise McaError(f"{path}: expected a mapping of keys at the top level")
    if isinstance(content.get("methods"), dict):
        for method in content["methods"]:
            if method not in METHOD_NAMES:
                raise McaError(
                    f"{path}: key 'methods.{method}': unknown method; expected one of "
                    f"{', '.join(METHOD_NAMES)}"
                )
        # a method listed without settings (``topsis:``) takes its defaults
        content["methods"] = {
            k: (v if v is not None else {}) for k, v in content["methods"].items()
        }
    try:
        parsed = _SpecFile.model_validate(content)
    except ValidationError as error:
        raise McaError(_format_validation(path, error)) from None
    _check_names(path, parsed)
    weightings = {
        name: normalise_weights(path, name, weights) for name, weights in parsed.weightings.items()
    }
    return McaSpec(
        name=parsed.name or path.stem,
        description=parsed.description,
        path=path.resolve(),
        text=text,
        data_path=_relative(path, parsed.data),
        scenario_path=_relative(path, parsed.scenario),
        year=parsed.year,
        options=dict(parsed.options),
        criteria=dict(parsed.criteria),
        lp_criteria=tuple(parsed.lp_criteria),
        exclusion=parsed.exclusion,
        weightings=weightings,
        given_weights={k: dict(v) for k, v in parsed.weightings.items()},
        methods=parsed.methods,
        robustness=parsed.robustness,
    )


# --------------------------------------------------------------------------------------
# The performance table
# --------------------------------------------------------------------------------------


def read_criteria_data(path: Path) -> pd.DataFrame:
    """Read a tidy criteria file (one row per option and criterion) and check each row."""
    if not path.is_file():
        raise McaError(f"{path}: criteria data file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in DATA_COLUMNS if c not in frame.columns]
    if missing:
        raise McaError(f"{path}: missing column(s) {', '.join(missing)}")
    extra = [c for c in frame.columns if c not in DATA_COLUMNS]
    if extra:
        raise McaError(
            f"{path}: unknown column(s) {', '.join(extra)}; expected {', '.join(DATA_COLUMNS)}"
        )
    rows = []
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        where = f"{path}: row {number} ({row.option}, {row.criterion})"
        rows.append(_checked_row(where, row))
    data = pd.DataFrame(rows, columns=list(DATA_COLUMNS))
    sources = sources_of_file(path)
    try:
        check_source_cells(path, data["source"], data.index + 2, sources)
    except DataError as error:
        raise McaError(str(error)) from None
    data["source"] = [citation(cell, sources) for cell in data["source"]]
    duplicated = data.duplicated(["option", "criterion"], keep=False)
    if duplicated.any():
        first = data[duplicated].iloc[0]
        raise McaError(
            f"{path}: option {first.option!r} has more than one row for criterion "
            f"{first.criterion!r}"
        )
    return data


def _number(where: str, column: str, text: str, required: bool) -> float:
    if text.strip() == "":
        if required:
            raise McaError(f"{where}: column '{column}' is empty")
        return float("nan")
    try:
        return float(text)
    except ValueError:
        raise McaError(f"{where}: column '{column}': {text!r} is not a number") from None


def _checked_row(where: str, row) -> tuple:
    value = _number(where, "value", row.value, required=True)
    low = _number(where, "low", row.low, required=False)
    high = _number(where, "high", row.high, required=False)
    if np.isnan(low) != np.isnan(high):
        raise McaError(f"{where}: give both 'low' and 'high' or neither")
    if not np.isnan(low) and not (low <= value <= high):
        raise McaError(f"{where}: expected low <= value <= high, got {low}, {value}, {high}")
    for column in ("option", "criterion", "unit", "source"):
        if getattr(row, column).strip() == "":
            raise McaError(f"{where}: column '{column}' is empty")
    estimate = row.estimate.strip().lower()
    if estimate not in ("true", "false"):
        raise McaError(f"{where}: column 'estimate': expected true or false, got {row.estimate!r}")
    if estimate == "true" and row.method.strip() == "":
        raise McaError(f"{where}: an estimate must say how it was made (column 'method')")
    return (
        row.option.strip(),
        row.criterion.strip(),
        value,
        row.unit.strip(),
        low,
        high,
        row.source.strip(),
        estimate == "true",
        row.method.strip(),
    )


@dataclass(frozen=True)
class Performance:
    """Options x criteria values with their ranges and where each value came from."""

    value: xr.DataArray
    low: xr.DataArray
    high: xr.DataArray
    source: xr.DataArray


#: A source of LP criteria: spec -> option -> criterion -> value.
LPCriteria = Callable[[McaSpec], Mapping[str, Mapping[str, float]]]


def performance_table(
    spec: McaSpec,
    data: pd.DataFrame | None,
    lp_values: Mapping[str, Mapping[str, float]] | None = None,
) -> Performance:
    """Assemble the performance table: an LP value where the option has one, else the data.

    For each option and criterion exactly one value is used: the LP's when the criterion
    is an LP criterion and the LP gave a value for the option (options with routes), the
    data file's otherwise. A cell with neither is an error naming both places.
    """
    options, criteria = list(spec.options), list(spec.criteria)
    shape = (len(options), len(criteria))
    value, low, high = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
    source = np.full(shape, "", dtype=object)
    rows = {}
    if data is not None:
        rows = {(r.option, r.criterion): r for r in data.itertuples(index=False)}
    lp_values = lp_values or {}
    for i, option in enumerate(options):
        for j, criterion in enumerate(criteria):
            lp = lp_values.get(option, {}).get(criterion) if criterion in spec.lp_criteria else None
            if lp is not None:
                value[i, j], source[i, j] = lp, "LP"
                continue
            row = rows.get((option, criterion))
            if row is None:
                raise McaError(_missing_value(spec, option, criterion))
            if row.unit != spec.criteria[criterion].unit:
                raise McaError(
                    f"{spec.data_path}: option {option!r}, criterion {criterion!r}: unit "
                    f"{row.unit!r} differs from {spec.criteria[criterion].unit!r} declared in "
                    f"{spec.path} (key 'criteria.{criterion}.unit')"
                )
            value[i, j], low[i, j], high[i, j] = row.value, row.low, row.high
            source[i, j] = row.source
    coords = {"option": options, "criterion": criteria}
    dims = ("option", "criterion")
    return Performance(
        value=xr.DataArray(value, coords, dims),
        low=xr.DataArray(low, coords, dims),
        high=xr.DataArray(high, coords, dims),
        source=xr.DataArray(source.astype(str), coords, dims),
    )


def _missing_value(spec: McaSpec, option: str, criterion: str) -> str:
    where = f"{spec.path}: option {option!r}, criterion {criterion!r}: no value"
    if criterion in spec.lp_criteria:
        if not spec.options[option].routes:
            return (
                f"{where}: it is an LP criterion but the option has no LP routes "
                f"(key 'options.{option}.routes') and {spec.data_path} has no row for it"
            )
        return f"{where}: the LP gave none and {spec.data_path} has no row for it"
    return f"{where} in the data file {spec.data_path}"


# --------------------------------------------------------------------------------------
# Methods
# --------------------------------------------------------------------------------------


def _normalisation(name: str):
    from pymcdm import normalizations

    return {
        "minmax": normalizations.minmax_normalization,
        "max": normalizations.max_normalization,
        "sum": normalizations.sum_normalization,
        "vector": normalizations.vector_normalization,
    }[name]


def promethee_thresholds(spec: McaSpec, values: xr.DataArray) -> tuple[np.ndarray, np.ndarray]:
    """Indifference q and preference p per criterion: the spec's, else 0 and the spread.

    The spread is max - min of the criterion over the options (1 where all are equal, so
    that no division by zero happens; every difference is then 0).
    """
    settings = spec.methods.promethee_ii or Promethee()
    q, p = [], []
    for criterion in values.criterion.values:
        given = settings.thresholds.get(str(criterion))
        column = values.sel(criterion=criterion).values
        spread = float(column.max() - column.min())
        q.append(given.indifference if given else 0.0)
        p.append(given.preference if given else (spread if spread > 0 else 1.0))
    return np.array(q), np.array(p)


def method_scores(
    method: str,
    spec: McaSpec,
    matrix: np.ndarray,
    weights: np.ndarray,
    types: np.ndarray,
    thresholds: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """Scores of the options (higher is better) by one method, computed by pymcdm.

    pymcdm's own validation is off: it warns on weights of zero (which the sensitivity
    analysis visits on purpose) and on dominated options; the spec is checked here.
    """
    from pymcdm.methods import PROMETHEE_II, TOPSIS, WSM

    if method == "weighted_sum":
        body = WSM(_normalisation(spec.methods.weighted_sum.normalisation))
    elif method == "topsis":
        body = TOPSIS(_normalisation(spec.methods.topsis.normalisation))
    else:
        q, p = thresholds
        # a new object per call: pymcdm keeps the thresholds in a one-shot generator
        body = PROMETHEE_II(spec.methods.promethee_ii.preference_function, p=list(p), q=list(q))
    return np.asarray(body(matrix, weights, types, validation=False), dtype=float)


def ranks_of(scores: np.ndarray) -> np.ndarray:
    """Rank 1 for the highest score; tied options share the mean of their places."""
    from pymcdm.helpers import rrankdata

    return rrankdata(scores)


def method_statement(spec: McaSpec, method: str, thresholds) -> str:
    """The choices a method made, in words, for the output."""
    if method == "weighted_sum":
        return (
            f"weighted sum of {spec.methods.weighted_sum.normalisation}-normalised values "
            f"(cost criteria reversed), pymcdm WSM"
        )
    if method == "topsis":
        return (
            f"TOPSIS on {spec.methods.topsis.normalisation}-normalised values, relative "
            f"closeness to the ideal, pymcdm TOPSIS"
        )
    q, p = thresholds
    pairs = ", ".join(
        f"{c}: q={qv:g}, p={pv:g}" for c, qv, pv in zip(spec.criteria, q, p, strict=True)
    )
    return (
        f"PROMETHEE II net flow, preference function "
        f"'{spec.methods.promethee_ii.preference_function}' for every criterion, thresholds "
        f"(criterion unit) {pairs}; pymcdm PROMETHEE_II"
    )


def _types(spec: McaSpec) -> np.ndarray:
    return np.array([1 if c.direction == "benefit" else -1 for c in spec.criteria.values()])


def score_all(spec: McaSpec, performance: Performance) -> tuple[xr.DataArray, xr.DataArray]:
    """Scores and ranks per weighting, method and option."""
    matrix = performance.value.values
    types = _types(spec)
    thresholds = promethee_thresholds(spec, performance.value)
    methods, weightings, options = spec.method_names, list(spec.weightings), list(spec.options)
    scores = np.zeros((len(weightings), len(methods), len(options)))
    ranks = np.zeros_like(scores)
    for a, weighting in enumerate(weightings):
        weights = np.array([spec.weightings[weighting][c] for c in spec.criteria])
        for b, method in enumerate(methods):
            scores[a, b] = method_scores(method, spec, matrix, weights, types, thresholds)
            ranks[a, b] = ranks_of(scores[a, b])
    coords = {"weighting": weightings, "mca_method": methods, "option": options}
    dims = ("weighting", "mca_method", "option")
    return xr.DataArray(scores, coords, dims), xr.DataArray(ranks, coords, dims)


# --------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------


def rank_positions(scores: np.ndarray, tolerance: float = 1e-12) -> np.ndarray:
    """Options x places matrix of one draw: 1 at each option's place, ties shared.

    An option with ``b`` options strictly better and ``e`` options equal (itself
    included) holds places ``b+1 .. b+e`` with ``1/e`` each, so rows and columns sum to 1.
    """
    n = len(scores)
    scale = tolerance * max(1.0, float(np.max(np.abs(scores))))
    positions = np.zeros((n, n))
    for i, score in enumerate(scores):
        better = int(np.sum(scores > score + scale))
        equal = int(np.sum(np.abs(scores - score) <= scale))
        positions[i, better : better + equal] = 1.0 / equal
    return positions


def sample_values(performance: Performance, spec: McaSpec, rng: np.random.Generator) -> np.ndarray:
    """One draw of the performance table: uniform within each cell's low-high range.

    Cells without a range keep their value. A criterion marked ``correlated`` draws one
    quantile for all its options.
    """
    value = performance.value.values
    low, high = performance.low.values, performance.high.values
    uncertain = ~np.isnan(low)
    quantile = rng.random(value.shape)
    for j, criterion in enumerate(spec.criteria.values()):
        if criterion.correlated:
            quantile[:, j] = quantile[0, j]
    drawn = np.where(uncertain, low + quantile * (high - low), value)
    return drawn


def rank_acceptability(
    spec: McaSpec, performance: Performance, samples: int, seed: int, progress: Progress = SILENT
) -> xr.DataArray:
    """Share of Monte Carlo draws in which each option takes each place (SMAA-2).

    Case ``uniform_weights``: weights uniform on the simplex (Dirichlet(1, ..., 1)) and
    values uniform within their ranges, as in SMAA-2 (Lahdelma & Salminen 2001). Each
    named weighting: its weights fixed, values drawn the same way. PROMETHEE thresholds
    stay those of the central table.
    """
    rng = np.random.default_rng(seed)
    types = _types(spec)
    thresholds = promethee_thresholds(spec, performance.value)
    methods, options = spec.method_names, list(spec.options)
    cases = ["uniform_weights", *spec.weightings]
    n = len(options)
    counts = np.zeros((len(cases), len(methods), n, n))
    fixed = {w: np.array([spec.weightings[w][c] for c in spec.criteria]) for w in spec.weightings}
    progress.start("MCA: rank acceptability", samples, "draws")
    for _ in range(samples):
        progress.advance()
        matrix = sample_values(performance, spec, rng)
        uniform = rng.dirichlet(np.ones(len(spec.criteria)))
        for a, case in enumerate(cases):
            weights = uniform if case == "uniform_weights" else fixed[case]
            for b, method in enumerate(methods):
                scores = method_scores(method, spec, matrix, weights, types, thresholds)
                counts[a, b] += rank_positions(scores)
    coords = {"case": cases, "mca_method": methods, "option": options, "place": np.arange(1, n + 1)}
    return xr.DataArray(counts / samples, coords, ("case", "mca_method", "option", "place"))


def shifted_weights(weights: np.ndarray, index: int, weight: float) -> np.ndarray:
    """Weights with criterion ``index`` set to ``weight`` and the others scaled to fill 1.

    .. math:: w'_j = t, \\quad w'_k = w_k \\frac{1 - t}{1 - w_j} \\ (k \\ne j)

    When the others are all zero they share ``1 - t`` equally.
    """
    others = np.delete(np.arange(len(weights)), index)
    rest = weights[others].sum()
    out = np.empty_like(weights, dtype=float)
    out[index] = weight
    if rest > 0:
        out[others] = weights[others] * (1.0 - weight) / rest
    else:
        out[others] = (1.0 - weight) / len(others)
    return out


@dataclass(frozen=True)
class Sensitivity:
    """Top-ranked option along each criterion's weight axis, and where it changes."""

    top: xr.DataArray  # (weighting, method, criterion, step) option label
    grid: np.ndarray  # weights visited, 0..1
    switches: pd.DataFrame  # weighting, method, criterion, weight, from_option, to_option
    stable_from: xr.DataArray  # (weighting, method, criterion)
    stable_to: xr.DataArray


def weight_sensitivity(spec: McaSpec, performance: Performance) -> Sensitivity:
    """Vary each criterion's weight from 0 to 1 (others scaled) and find where the top changes.

    The weight axis is scanned on ``robustness.sensitivity_steps`` points; each change of
    the top-ranked option between two points is located by bisection to 1e-4.
    """
    matrix = performance.value.values
    types = _types(spec)
    thresholds = promethee_thresholds(spec, performance.value)
    options, criteria, methods = list(spec.options), list(spec.criteria), spec.method_names
    grid = np.linspace(0.0, 1.0, spec.robustness.sensitivity_steps)
    top = np.empty((len(spec.weightings), len(methods), len(criteria), len(grid)), dtype=object)
    stable_from = np.zeros(top.shape[:3])
    stable_to = np.ones(top.shape[:3])
    switches = []
    for a, weighting in enumerate(spec.weightings):
        base = np.array([spec.weightings[weighting][c] for c in criteria])
        for b, method in enumerate(methods):
            for j, criterion in enumerate(criteria):

                def leader(t: float, j: int = j, method: str = method, base=base) -> int:
                    weights = shifted_weights(base, j, t)
                    scores = method_scores(method, spec, matrix, weights, types, thresholds)
                    return int(np.argmax(scores))

                leaders = [leader(t) for t in grid]
                top[a, b, j] = [options[k] for k in leaders]
                for step in range(1, len(grid)):
                    if leaders[step] == leaders[step - 1]:
                        continue
                    at = _bisect(leader, grid[step - 1], grid[step], leaders[step - 1])
                    switches.append(
                        (
                            weighting,
                            method,
                            criterion,
                            at,
                            options[leaders[step - 1]],
                            options[leaders[step]],
                        )
                    )
                    current = base[j]
                    if at <= current:
                        stable_from[a, b, j] = max(stable_from[a, b, j], at)
                    else:
                        stable_to[a, b, j] = min(stable_to[a, b, j], at)
    coords = {"weighting": list(spec.weightings), "mca_method": methods, "criterion": criteria}
    dims3 = ("weighting", "mca_method", "criterion")
    return Sensitivity(
        top=xr.DataArray(
            top.astype(str), {**coords, "step": np.arange(len(grid))}, (*dims3, "step")
        ),
        grid=grid,
        switches=pd.DataFrame(
            switches,
            columns=["weighting", "method", "criterion", "weight", "from_option", "to_option"],
        ),
        stable_from=xr.DataArray(stable_from, coords, dims3),
        stable_to=xr.DataArray(stable_to, coords, dims3),
    )


def _bisect(leader: Callable[[float], int], low: float, high: float, left: int) -> float:
    """The weight in [low, high] where the leader stops being ``left``, to 1e-4."""
    while high - low > 1e-4:
        middle = 0.5 * (low + high)
        if leader(middle) == left:
            low = middle
        else:
            high = middle
    return round(0.5 * (low + high), 4)


# --------------------------------------------------------------------------------------
# LP criteria
# --------------------------------------------------------------------------------------


def levelised_cost(ds: xr.Dataset, year: int) -> xr.DataArray:
    """Levelised cost of each hydrogen-making route in ``year``, read from a results Dataset.

    The LP reports it as ``hydrogen_levelised_cost_per_kg`` (:mod:`elektra.model.hydrogen`: capex
    annuity and fixed O&M at full availability, energy with network tariff and energy
    tax, variable cost, ETS on net direct CO2 and the CO2 transport-and-storage tariff,
    before free allocation and subsidies): one definition, read here, never recomputed.
    Units: EUR/kg H2 (LHV 120 MJ/kg).
    """
    if "hydrogen_levelised_cost_per_kg" not in ds:
        raise McaError(
            "the results have no 'hydrogen_levelised_cost_per_kg': the scenario's dataset "
            "has no carrier with the role 'hydrogen' made by its routes"
        )
    if year not in [int(y) for y in ds.year.values]:
        raise McaError(f"year {year} is not a year of the results")
    cost = ds["hydrogen_levelised_cost_per_kg"].sel(year=year, drop=True).dropna("route")
    out = cost.copy()
    out.attrs = {"units": "EUR/kg H2", "description": f"Levelised cost of hydrogen, {year}"}
    return out


def exclusion_overrides(routes: tuple[str, ...], years: list[int]) -> dict[str, tuple]:
    """Scenario overrides that take an option's routes out of the LP in ``years``.

    Their national activity limit is 0 and their activity minimum (committed projects)
    is lifted: the option is not there at all. The LP keeps its shape (row bounds only).
    """
    from elektra.inputs.config import Override

    where = {"route": list(routes), "year": list(years)}
    zero = Override(where=where, value=0.0, origin="mca exclusion")
    return {"route_activity_limit": (zero,), "route_activity_minimum": (zero,)}


def lp_criteria_from_scenario(
    spec: McaSpec, progress: Progress = SILENT
) -> dict[str, dict[str, float]]:
    """The LP criteria of every option with routes: the scenario settled once, then each
    exclusion as a variant of it.

    - ``levelised_cost``: the scenario's ``hydrogen_levelised_cost_per_kg`` in
      ``spec.year`` (:func:`levelised_cost`); an option with several routes takes the
      cheapest.
    - ``system_cost_if_excluded``: objective (discounted net cost to industry, MEUR) of
      the scenario with the option excluded from ``exclusion.from_year`` on, minus the
      scenario's objective. Positive: the option saves money.
    - ``emissions_2035_if_excluded``: emissions in ``spec.year`` with the option excluded,
      minus the scenario's (Mt/yr): direct CO2, or ``accounted_emissions`` (direct plus
      upstream) where the scenario switches ``upstream_emissions`` on. Positive: the
      option cuts emissions.

    An exclusion is the scenario with :func:`exclusion_overrides` added, solved as a
    variant (:class:`elektra.model.pipeline.Variants`): the run's own build, solve and
    fixed point, so its objective is exactly what ``elektra run`` of that scenario gives.
    """
    from elektra.inputs.config import load_scenario
    from elektra.model.pipeline import Variants

    if not spec.lp_criteria:
        return {}
    scenario = load_scenario(spec.scenario_path)
    routed = [option for option, definition in spec.options.items() if definition.routes]
    progress.start("MCA: the scenario, then each option excluded", 1 + len(routed), "runs")
    variants = Variants(scenario)
    progress.advance()
    base = variants.reference_results()
    if spec.year not in [int(y) for y in base.year.values]:
        raise McaError(
            f"{spec.path}: key 'year': {spec.year} is not a year of scenario {scenario.name!r}"
        )
    known = {str(r) for r in base.route.values}
    values: dict[str, dict[str, float]] = {}
    cost = levelised_cost(base, spec.year) if "levelised_cost" in spec.lp_criteria else None
    for option, definition in spec.options.items():
        if not definition.routes:
            continue
        for route in definition.routes:
            if route not in known:
                raise McaError(
                    f"{spec.path}: key 'options.{option}.routes': unknown route {route!r} in "
                    f"scenario {scenario.name!r}"
                )
        found: dict[str, float] = {}
        if cost is not None:
            hydrogen = [r for r in definition.routes if r in cost.route.values]
            if not hydrogen:
                raise McaError(
                    f"{spec.path}: key 'options.{option}.routes': none of {list(definition.routes)} "
                    f"produces hydrogen, so it has no levelised cost"
                )
            found["levelised_cost"] = float(cost.sel(route=hydrogen).min())
        if {"system_cost_if_excluded", "emissions_2035_if_excluded"} & set(spec.lp_criteria):
            excluded = _excluded(spec, variants, option, definition.routes)
            cost_change = excluded.attrs["objective"] - base.attrs["objective"]
            emitted = _emissions(excluded, spec.year) - _emissions(base, spec.year)
            found["system_cost_if_excluded"] = _snap(cost_change)
            found["emissions_2035_if_excluded"] = _snap(emitted)
        values[option] = {k: v for k, v in found.items() if k in spec.lp_criteria}
        progress.advance()
    return values


def _snap(value: float, tolerance: float = 1e-6) -> float:
    """0 for a difference within the solver's tolerance (an option the LP does not use)."""
    return 0.0 if abs(value) < tolerance else value


def _emissions(ds: xr.Dataset, year: int) -> float:
    """National emissions in a year: accounted (direct plus upstream) where counted."""
    name = "accounted_emissions" if "accounted_emissions" in ds else "emissions"
    return float(ds[name].sel(year=year).sum())


def _excluded(spec: McaSpec, variants, option: str, routes: tuple[str, ...]) -> xr.Dataset:
    """The results with an option excluded (a variant of the scenario), or an explained
    failure."""
    from elektra.inputs.data import with_overrides

    scenario = variants.scenario
    years = [y for y in scenario.year_list if y >= spec.exclusion.from_year]
    data = with_overrides(variants.data, exclusion_overrides(routes, years))
    outcome = variants.solve(data, select=("emissions", "accounted_emissions"))
    if outcome.results is None:
        raise McaError(
            f"{spec.path}: option {option!r} cannot be excluded from "
            f"{spec.exclusion.from_year} (key 'exclusion.from_year'): the scenario "
            f"becomes infeasible: {outcome.reason}"
        )
    return outcome.results


# --------------------------------------------------------------------------------------
# The whole analysis
# --------------------------------------------------------------------------------------


def run_mca(
    spec: McaSpec | str | Path,
    lp_criteria: LPCriteria | None = lp_criteria_from_scenario,
    samples: int | None = None,
    seed: int | None = None,
    progress: Progress = SILENT,
) -> xr.Dataset:
    """Run the MCA of a spec and return everything as one Dataset.

    ``lp_criteria`` gives the LP-derived criteria (``None``: the data file must give
    them); ``samples`` and ``seed`` override the spec's robustness settings; ``progress``
    hears of each run and draw.
    """
    if not isinstance(spec, McaSpec):
        spec = load_spec(spec)
    samples = spec.robustness.samples if samples is None else samples
    seed = spec.robustness.seed if seed is None else seed
    data = read_criteria_data(spec.data_path) if spec.data_path is not None else None
    if lp_criteria is None or not spec.lp_criteria:
        lp_values = {}
    elif lp_criteria is lp_criteria_from_scenario:
        lp_values = lp_criteria_from_scenario(spec, progress)
    else:
        lp_values = lp_criteria(spec)
    performance = performance_table(spec, data, lp_values)
    scores, ranks = score_all(spec, performance)
    acceptability = rank_acceptability(spec, performance, samples, seed, progress)
    sensitivity = weight_sensitivity(spec, performance)
    return mca_dataset(spec, performance, scores, ranks, acceptability, sensitivity, samples, seed)


def mca_dataset(
    spec: McaSpec,
    performance: Performance,
    scores: xr.DataArray,
    ranks: xr.DataArray,
    acceptability: xr.DataArray,
    sensitivity: Sensitivity,
    samples: int,
    seed: int,
) -> xr.Dataset:
    """Collect the results in one Dataset, every variable with units and a description."""
    criteria = list(spec.criteria)
    thresholds = promethee_thresholds(spec, performance.value)
    ds = xr.Dataset(
        {
            "performance": performance.value.assign_attrs(
                units="{criterion_unit}", description="Value of each option on each criterion"
            ),
            "performance_low": performance.low.assign_attrs(
                units="{criterion_unit}", description="Low end of the value's range (Monte Carlo)"
            ),
            "performance_high": performance.high.assign_attrs(
                units="{criterion_unit}",
                description="High end of the value's range (Monte Carlo)",
            ),
            "value_source": performance.source.assign_attrs(
                description="Where each value comes from: 'LP' or the data file's source"
            ),
            "weight": xr.DataArray(
                [[spec.weightings[w][c] for c in criteria] for w in spec.weightings],
                {"weighting": list(spec.weightings), "criterion": criteria},
                ("weighting", "criterion"),
                attrs={
                    "units": "1",
                    "description": "Criterion weights, normalised to sum 1 per weighting",
                },
            ),
            "weight_given": xr.DataArray(
                [[spec.given_weights[w][c] for c in criteria] for w in spec.weightings],
                {"weighting": list(spec.weightings), "criterion": criteria},
                ("weighting", "criterion"),
                attrs={"units": "1", "description": "Criterion weights as written in the spec"},
            ),
            "score": scores.assign_attrs(
                units="1",
                description="Score per method (higher is better; scales differ by method)",
            ),
            "ranking": ranks.assign_attrs(
                units="1", description="Rank (1 best; ties share the mean place)"
            ),
            "rank_acceptability": acceptability.assign_attrs(
                units="1",
                description="Share of Monte Carlo draws in which an option takes a place (SMAA-2)",
            ),
            "promethee_indifference": xr.DataArray(
                thresholds[0],
                {"criterion": criteria},
                ("criterion",),
                attrs={
                    "units": "{criterion_unit}",
                    "description": "PROMETHEE indifference threshold q",
                },
            ),
            "promethee_preference": xr.DataArray(
                thresholds[1],
                {"criterion": criteria},
                ("criterion",),
                attrs={
                    "units": "{criterion_unit}",
                    "description": "PROMETHEE preference threshold p",
                },
            ),
            "sensitivity_top": sensitivity.top.assign_attrs(
                description="Top-ranked option when the criterion's weight is sensitivity_weight"
            ),
            "sensitivity_weight": xr.DataArray(
                sensitivity.grid,
                {"step": sensitivity.top.step.values},
                ("step",),
                attrs={
                    "units": "1",
                    "description": "Weight of the varied criterion (others scaled)",
                },
            ),
            "stable_from": sensitivity.stable_from.assign_attrs(
                units="1", description="Lowest weight of the criterion with the same top option"
            ),
            "stable_to": sensitivity.stable_to.assign_attrs(
                units="1", description="Highest weight of the criterion with the same top option"
            ),
        }
    )
    switches = sensitivity.switches
    ds = ds.assign(
        {
            f"switch_{column}": xr.DataArray(
                switches[column].to_numpy(dtype=float if column == "weight" else str),
                dims=("switch",),
                attrs={
                    "description": f"Weight sensitivity: {column} at each change of the top option",
                    **({"units": "1"} if column == "weight" else {}),
                },
            )
            for column in switches.columns
        }
    )
    ds = ds.assign_coords(
        option_name=("option", [spec.options[o].name for o in spec.options]),
        criterion_unit=("criterion", [spec.criteria[c].unit for c in criteria]),
        criterion_direction=("criterion", [spec.criteria[c].direction for c in criteria]),
        criterion_source=("criterion", [spec.criteria[c].source for c in criteria]),
        method_statement=(
            "mca_method",
            [method_statement(spec, m, thresholds) for m in spec.method_names],
        ),
    )
    ds["criterion_threshold"] = xr.DataArray(
        [
            np.nan if spec.criteria[c].threshold is None else spec.criteria[c].threshold
            for c in criteria
        ],
        dims="criterion",
        attrs={
            "units": "{criterion_unit}",
            "description": "Threshold an option must meet on the criterion (NaN: none)",
        },
    )
    ds.attrs = {
        "mca_name": spec.name,
        "description": spec.description,
        "spec": spec.text,
        "spec_hash": spec.hash,
        "spec_file": str(spec.path),
        "data_file": str(spec.data_path or ""),
        "scenario_file": str(spec.scenario_path or ""),
        "year": spec.year,
        "lp_criteria": ", ".join(spec.lp_criteria),
        "exclusion_from_year": spec.exclusion.from_year if spec.exclusion else "",
        "samples": samples,
        "seed": seed,
        "weights_note": "weights are normalised to sum 1 per weighting",
        "monte_carlo": "weights Dirichlet(1,...,1) (uniform on the simplex) for case "
        "uniform_weights, fixed for each named weighting; values uniform within low-high; "
        "correlated criteria draw one quantile for all options",
    }
    return ds
