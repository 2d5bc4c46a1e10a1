"""Scenario files: read YAML, resolve ``extends``, validate against the schema.

A scenario is a small named diff over its parent. Everything a user can write is declared
here; an unknown key, a wrong type or a value out of range is a :class:`ScenarioError`
that names the file, the key and what was expected.

The files a scenario names (``extends:``, ``dataset:``) stay inside its project, its own
folder, or elektra's shipped ``scenarios/`` and ``data/`` (:func:`allowed_roots`): a path
that leads elsewhere on the machine is refused unless the caller allows it
(``--allow-outside-project``), so that a scenario received from someone else reads no
file outside what it came with.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from elektra.inputs.parameters import DIMENSIONS, PARAMETERS


class ScenarioError(ValueError):
    """A scenario that cannot be read: the message names the file and the key."""


#: A scenario name becomes a folder name: a plain label, never a path.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
NAME_RULE = (
    "a plain label of letters, digits, '_', '-' and '.', starting with a letter or digit, "
    "at most 100 characters (it names the results folder)"
)


def check_name(name: str) -> str:
    """Return ``name`` if it is a safe results-folder name, else raise ValueError."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ValueError(f"name {name!r} is not {NAME_RULE}")
    return name


def _finite_number(value: Any, what: str) -> Any:
    """Reject true/false and NaN/inf where a number is meant (YAML reads both as numbers)."""
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, not {str(value).lower()}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: A range of years in ``where.year``: ``"2030..2035"`` (both ends included).
YEAR_RANGE = re.compile(r"\s*(\d{4})\s*\.\.\s*(\d{4})\s*")


def expand_years(labels: Any) -> list:
    """The years a ``where.year`` names: single years and ranges ``"2030..2035"``."""
    years: list = []
    for label in labels if isinstance(labels, list) else [labels]:
        match = YEAR_RANGE.fullmatch(label) if isinstance(label, str) else None
        if match:
            first, last = int(match.group(1)), int(match.group(2))
            if first > last:
                raise ValueError(f"year range {label!r} runs backwards; write first..last")
            years += list(range(first, last + 1))
        else:
            years.append(label)
    return years


class Override(_Strict):
    """Set, scale or shift the values of one parameter, for all labels or those in
    ``where``.

    ``where.year`` takes years and ranges (``2030..2035``). ``interpolate: true`` makes the
    years set knots of the path: the years around them are interpolated linearly between
    the set years and the dataset's own knots, instead of a one-year step. ``shift: N``
    moves a path N years later (earlier when negative): a parameter over years takes the
    value it had N years before (the first year's value before the data), and
    ``first_year`` moves by N.
    """

    where: dict[str, str | int | list[str | int]] = Field(default_factory=dict)
    value: float | str | None = None
    scale: float | None = Field(default=None, ge=0)
    #: take the low or high end of the range the data source gives (columns low, high)
    use: Literal["low", "high"] | None = None
    #: move the path by this many years (later when positive)
    shift: int | None = None
    #: the set years are knots: interpolate the years around them
    interpolate: bool = False
    #: The scenario file the override was written in (filled in by the loader).
    origin: str = ""

    #: The override's key in that file, e.g. ``parameters.ets_price.0`` (filled in too).
    key: str = ""

    @field_validator("value", mode="before")
    @classmethod
    def _value_is_a_number_or_quantity(cls, value: Any) -> Any:
        return _finite_number(value, "value")

    @field_validator("scale", mode="before")
    @classmethod
    def _scale_is_a_number(cls, value: Any) -> Any:
        return _finite_number(value, "scale")

    @field_validator("shift", mode="before")
    @classmethod
    def _shift_is_whole_years(cls, shift: Any) -> Any:
        if isinstance(shift, bool) or (isinstance(shift, float) and not shift.is_integer()):
            raise ValueError(f"shift must be a whole number of years, not {shift!r}")
        return shift

    @model_validator(mode="after")
    def _one_action(self) -> Override:
        actions = [a for a in (self.value, self.scale, self.use, self.shift) if a is not None]
        if len(actions) != 1:
            raise ValueError(
                "give exactly one of 'value' (set), 'scale' (multiply), 'use' (low/high) or "
                "'shift' (move by years)"
            )
        if self.interpolate and "year" not in self.where:
            raise ValueError("'interpolate: true' needs the years to set in 'where.year'")
        if self.interpolate and self.shift is not None:
            raise ValueError("'interpolate' goes with 'value' or 'scale', not with 'shift'")
        if self.shift is not None and "year" in self.where:
            raise ValueError(
                "'shift' moves a whole path; leave 'where.year' out (select routes, clusters, "
                "... instead)"
            )
        return self

    @field_validator("where")
    @classmethod
    def _known_dimensions(cls, where: dict) -> dict:
        return check_where(where)


def check_where(where: dict) -> dict:
    """A ``where`` selection names known dimensions and gives labels (not true/false,
    not a backwards year range)."""
    for key, labels in where.items():
        if key not in DIMENSIONS:
            raise ValueError(
                f"unknown dimension {key!r} in 'where'; expected one of {', '.join(DIMENSIONS)}"
            )
        for label in labels if isinstance(labels, list) else [labels]:
            if isinstance(label, bool):
                raise ValueError(f"'where.{key}': a label, not {str(label).lower()}")
        if key == "year":
            expand_years(labels)  # a backwards range is an error here
    return where


class SolverOptions(_Strict):
    """Options handed to HiGHS."""

    method: Literal["simplex", "ipm", "choose"] = "choose"
    threads: int = Field(default=1, ge=1)
    time_limit: float = Field(default=600.0, gt=0)


class Foresight(_Strict):
    """How far ahead the investment decisions see: the plan or the projection.

    ``perfect`` (the default) solves every year at once: a cost-optimal plan that knows every
    future price. ``myopic`` solves year by year: each step decides the year's operation
    and the capacity that comes online ``lead_time`` years later, seeing ``window`` years
    ahead at that year's prices and costs held flat (static expectations), with the capacity
    already decided carried forward. ``lead_times`` lets new capacity of a route run no
    earlier than its ``lead_time`` after the first model year, except the build the data
    give as ``committed_build`` (projects already decided); ``hurdle_rates`` annuitises each
    sector's investments at its ``hurdle_rate`` instead of the social ``discount_rate``.
    """

    mode: Literal["perfect", "myopic"] = "perfect"
    window: int = Field(default=5, ge=1, le=50)
    lead_times: bool = False
    hurdle_rates: bool = False


def _policies_schema() -> type[_Strict]:
    """The ``policies:`` block: one switch per field the policy modules declare
    (``Policy.switches``), with its default and meaning."""
    from pydantic import create_model

    from elektra.policies import POLICIES

    fields = {
        switch.name: (bool, Field(default=switch.default, description=switch.description))
        for policy in POLICIES
        for switch in policy.switches
    }
    return create_model(
        "Policies",
        __base__=_Strict,
        __doc__="Switches for the policies (built from the policy modules).",
        __module__=__name__,
        **fields,
    )


Policies = _policies_schema()


class SweepFactor(_Strict):
    """One input a sweep varies: a parameter (or the labels in ``where``) and how.

    - ``points`` with ``scale: [low, high]``, or a list ``scales``: a grid of scale factors;
    - ``values``: a grid of values (numbers in the canonical unit, or quantities such as
      ``"150 EUR/t"``);
    - ``scale: [low, high]`` without ``points``: Monte Carlo over a scale factor;
    - none of these: Monte Carlo over the range the data gives (its ``low``/``high``).

    ``distribution`` applies to Monte Carlo: ``uniform`` or ``triangular`` (mode at the
    data's value, or at ``mode`` for a scale factor; default 1). Defaults: triangular on
    the data's range, uniform on a scale range.
    """

    parameter: str
    where: dict[str, str | int | list[str | int]] = Field(default_factory=dict)
    scale: tuple[float, float] | None = None
    points: int | None = Field(default=None, ge=2, le=10_000)
    scales: list[float] | None = None
    values: list[float | str] | None = None
    distribution: Literal["uniform", "triangular"] | None = None
    mode: float | None = None

    @field_validator("parameter")
    @classmethod
    def _known_parameter(cls, name: str) -> str:
        if name not in PARAMETERS:
            raise ValueError(
                f"unknown parameter {name!r}; expected one of {', '.join(sorted(PARAMETERS))}"
            )
        return name

    @field_validator("where")
    @classmethod
    def _known_dimensions(cls, where: dict) -> dict:
        return check_where(where)

    @field_validator("scale", "scales", "values", "mode", mode="before")
    @classmethod
    def _finite(cls, value: Any) -> Any:
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if not isinstance(item, str):
                _finite_number(item, "a sweep value")
        return value

    @model_validator(mode="after")
    def _one_way(self) -> SweepFactor:
        if self.scale is not None:
            low, high = self.scale
            if not 0 <= low <= high:
                raise ValueError(f"scale [{low}, {high}]: expected 0 <= low <= high")
        ways = [self.scales is not None, self.values is not None, self.points is not None]
        if sum(ways) > 1:
            raise ValueError("give one of 'points' (with 'scale'), 'scales' or 'values'")
        if self.points is not None and self.scale is None:
            raise ValueError("'points' needs 'scale: [low, high]'")
        if (self.scales or self.values) is not None and self.scale is not None:
            raise ValueError("'scale' is for a range; with 'scales' or 'values' leave it out")
        if self.scales is not None and any(s < 0 for s in self.scales):
            raise ValueError("scale factors must be >= 0")
        if self.distribution is not None and self.grid:
            raise ValueError("'distribution' is for Monte Carlo; a grid has no distribution")
        return self

    @property
    def grid(self) -> bool:
        return self.points is not None or self.scales is not None or self.values is not None


class SweepSpec(_Strict):
    """What a sweep varies and how many variants it solves (``sweep:`` in a scenario)."""

    #: the sweep's results folder name (default ``<scenario>_sweep``)
    name: str | None = None
    vary: list[SweepFactor] = Field(default_factory=list)
    samples: int | None = Field(default=None, ge=1, le=1_000_000)
    seed: int = Field(default=0, ge=0, le=2**32 - 1)
    sampling: Literal["lhs", "random"] = "lhs"
    sobol: bool = False
    #: named variants, each a set of parameter overrides like a scenario's
    variants: dict[str, dict[str, list[Override]]] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _safe_name(cls, name: str | None) -> str | None:
        return None if name is None else check_name(name)

    @field_validator("variants")
    @classmethod
    def _known(cls, variants: dict) -> dict:
        for label, overrides in variants.items():
            check_name(label)
            for name in overrides:
                if name not in PARAMETERS:
                    raise ValueError(
                        f"variant {label!r}: unknown parameter {name!r}; expected one of "
                        f"{', '.join(sorted(PARAMETERS))}"
                    )
        return variants

    @model_validator(mode="after")
    def _consistent(self) -> SweepSpec:
        grid = [f for f in self.vary if f.grid]
        if grid and len(grid) != len(self.vary):
            raise ValueError(
                "mix of grid factors (points, scales, values) and Monte Carlo factors; a sweep "
                "is a grid or a Monte Carlo"
            )
        if grid and (self.samples is not None or self.sobol):
            raise ValueError("'samples' and 'sobol' are for Monte Carlo, not for a grid")
        if self.sobol and self.samples is None:
            raise ValueError("'sobol' needs 'samples' (base samples N: N x (factors + 2) runs)")
        return self


class Scenario(_Strict):
    """A validated scenario, ``extends`` already resolved."""

    name: str
    description: str = ""
    dataset: str
    dataset_path: Path
    years: tuple[int, int]
    base_year: int
    policies: Policies = Policies()
    parameters: dict[str, tuple[Override, ...]] = Field(default_factory=dict)
    tie_break_emission_penalty: float = Field(
        default=0.01,
        ge=0,
        allow_inf_nan=False,
        description="EUR per tonne CO2 added to the objective so that ties break toward "
        "lower emissions; the reported cost excludes it.",
    )
    solver: SolverOptions = SolverOptions()
    foresight: Foresight = Foresight()
    #: What ``elektra sweep`` varies, if the scenario says (its ``sweep:`` block).
    sweep: SweepSpec | None = None
    #: The resolved scenario as YAML text, and the files it came from (root ancestor first).
    text: str = ""
    files: tuple[str, ...] = ()
    #: The file that set each top-level key, for messages about a key's value.
    key_files: dict[str, str] = Field(default_factory=dict)
    #: Run option, not part of the scenario text or hash: values outside a parameter's
    #: plausible range are warnings instead of errors (``--allow-out-of-range``).
    allow_out_of_range: bool = False

    @property
    def year_list(self) -> list[int]:
        return list(range(self.years[0], self.years[1] + 1))

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


class _ScenarioFile(_Strict):
    """What one YAML file may contain (every key optional but checked)."""

    name: str | None = None
    description: str | None = None
    extends: str | None = None
    dataset: str | None = None
    years: tuple[int, int] | None = None
    base_year: int | None = None
    policies: dict[str, bool] | None = None
    parameters: dict[str, list[Override]] | None = None
    tie_break_emission_penalty: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    solver: dict[str, Any] | None = None
    #: ``perfect``, ``myopic``, or the mapping of :class:`Foresight`
    foresight: dict[str, Any] | None = None
    sweep: SweepSpec | None = None

    @field_validator("foresight", mode="before")
    @classmethod
    def _foresight_shorthand(cls, value: Any) -> Any:
        return {"mode": value} if isinstance(value, str) else value

    @field_validator("name")
    @classmethod
    def _safe_name(cls, name: str | None) -> str | None:
        return None if name is None else check_name(name)

    @field_validator("parameters")
    @classmethod
    def _known_parameters(cls, parameters: dict | None) -> dict | None:
        for name in parameters or {}:
            if name not in PARAMETERS:
                raise ValueError(
                    f"unknown parameter {name!r}; expected one of {', '.join(sorted(PARAMETERS))}"
                )
        return parameters

    @field_validator("years", mode="before")
    @classmethod
    def _years_are_whole_numbers(cls, years: Any) -> Any:
        if isinstance(years, list | tuple) and any(isinstance(y, bool) for y in years):
            raise ValueError("years must be two whole numbers [first, last], not true/false")
        return years

    @field_validator("years")
    @classmethod
    def _ordered_years(cls, years: tuple[int, int] | None) -> tuple[int, int] | None:
        if years is None:
            return years
        first, last = years
        if first > last:
            raise ValueError(f"first year {first} is after last year {last}; write [first, last]")
        if not (2000 <= first and last <= 2100):
            raise ValueError(f"years [{first}, {last}] must lie within 2000-2100")
        return years

    @field_validator("base_year", mode="before")
    @classmethod
    def _base_year_is_a_year(cls, year: Any) -> Any:
        if isinstance(year, bool) or (isinstance(year, int | float) and not 2000 <= year <= 2100):
            raise ValueError(f"base_year must be a year within 2000-2100, not {year!r}")
        return year


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key given twice in one mapping is an error.

    Plain YAML lets the second silently win, so a repeated ``parameters:`` block would
    drop the first without a word.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"key {key!r} appears twice (first on line {seen[key] + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> dict:
    if not path.is_file():
        raise ScenarioError(f"{path}: scenario file not found")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ScenarioError(f"{path}: cannot read the file: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ScenarioError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); save the "
            "file as UTF-8"
        ) from None
    try:
        content = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{path}, line {mark.line + 1}, column {mark.column + 1}" if mark else str(path)
        raise ScenarioError(f"{where}: not valid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise ScenarioError(f"{path}: not valid YAML: {error}") from None
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise ScenarioError(f"{path}: expected a mapping of keys at the top level")
    return content


def _validate_file(path: Path, content: dict) -> _ScenarioFile:
    try:
        return _ScenarioFile.model_validate(content)
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"])
            message = problem["msg"].removeprefix("Value error, ")
            lines.append(f"{path}: key '{key}': {message}")
        raise ScenarioError("\n".join(lines)) from None


#: The source checkout elektra runs from (its shipped scenarios and data), if it is one.
SHIPPED = Path(__file__).resolve().parents[2]


def project_root(scenario_file: Path) -> Path:
    """The project a scenario belongs to: the nearest folder above it holding ``.git`` or
    ``pyproject.toml``, or ``scenarios/`` beside ``data/``; else the scenario's folder."""
    folder = Path(scenario_file).resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists() or (candidate / "pyproject.toml").is_file():
            return candidate
        if (candidate / "scenarios").is_dir() and (candidate / "data").is_dir():
            return candidate
    return folder


def allowed_roots(scenario_file: Path) -> dict[Path, str]:
    """The folders a scenario's ``extends`` and ``dataset`` may lead into, each with what
    it is: the scenario's project, its folder, and elektra's shipped scenarios and data."""
    leaf = Path(scenario_file).absolute()
    roots = {
        project_root(leaf): "the project",
        leaf.parent: "the scenario's folder",
    }
    for shipped in ("scenarios", "data"):
        if (SHIPPED / shipped).is_dir() and (SHIPPED / "pyproject.toml").is_file():
            roots.setdefault(SHIPPED / shipped, f"elektra's shipped {shipped}")
    return roots


def _inside(path: Path, roots: dict[Path, str]) -> bool:
    """Whether ``path`` lies in one of ``roots``, as written (a link the user made inside
    a root counts as inside) or once every link is followed."""
    lexical = Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    for root in roots:
        for candidate, base in ((lexical, Path(os.path.abspath(root))), (real, root.resolve())):
            if candidate == base or base in candidate.parents:
                return True
    return False


def check_inside(path: Path, roots: dict[Path, str] | None, where: str, given: str) -> None:
    """Raise ScenarioError if ``path`` (named ``given`` at ``where``) leaves ``roots``;
    ``roots`` None allows any path."""
    if roots is None or _inside(path, roots):
        return
    listed = ", ".join(f"{what} {root}" for root, what in roots.items())
    raise ScenarioError(
        f"{where}: {given!r} leads to {Path(os.path.realpath(path))}, outside {listed}; "
        "move it inside, or run with --allow-outside-project to read it anyway"
    )


def _resolve_parent(path: Path, extends: str) -> Path:
    candidate = Path(extends)
    if not candidate.suffix:
        candidate = candidate.with_suffix(".yaml")
    if not candidate.is_absolute():
        candidate = path.parent / candidate
    return candidate


def _chain(path: Path, roots: dict[Path, str] | None) -> list[tuple[Path, _ScenarioFile]]:
    """The scenario files from the root ancestor down to ``path``; each parent must lie
    within ``roots`` (None: anywhere)."""
    chain: list[tuple[Path, _ScenarioFile]] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        current = current.resolve()
        if current in seen:
            raise ScenarioError(f"{path}: 'extends' forms a cycle through {current}")
        seen.add(current)
        parsed = _validate_file(current, _read_yaml(current))
        chain.append((current, parsed))
        if parsed.extends:
            parent = _resolve_parent(current, parsed.extends)
            check_inside(parent, roots, f"{current}: key 'extends'", parsed.extends)
            current = parent
        else:
            current = None
    return list(reversed(chain))


def _dataset_path(
    scenario_path: Path, dataset: str, declared_in: Path, roots: dict[Path, str] | None
) -> Path:
    """The dataset folder: beside the file that names it first, then as before; it must
    lie within ``roots`` (None: anywhere)."""
    candidates = []
    for base in dict.fromkeys([declared_in.parent, scenario_path.parent]):
        candidates += [base / dataset, base.parent / "data" / dataset]
    candidates += [Path.cwd() / "data" / dataset, Path(dataset)]
    for candidate in candidates:
        if (candidate / "routes.csv").is_file():
            check_inside(candidate, roots, f"{declared_in}: key 'dataset'", dataset)
            return candidate.resolve()
    raise ScenarioError(
        f"{declared_in}: key 'dataset': no dataset {dataset!r} found (looked for routes.csv "
        f"in {', '.join(str(c) for c in dict.fromkeys(candidates))})"
    )


def _own_name(path: Path, parsed: _ScenarioFile) -> str:
    """A scenario's name: its own ``name``, never its parent's; else its file's stem."""
    if parsed.name is not None:
        return parsed.name
    try:
        return check_name(path.stem)
    except ValueError:
        raise ScenarioError(
            f"{path}: key 'name' is missing and the file name {path.stem!r} is not "
            f"{NAME_RULE}: add a 'name:'"
        ) from None


def _section(schema: type[_Strict], section: str, merged: dict, key_files: dict, path: Path):
    """Validate a merged section (``policies``, ``solver``, ``foresight``), naming the file
    that set it."""
    try:
        return schema(**merged[section])
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(str(p) for p in (section, *problem["loc"]))
        message = problem["msg"].removeprefix("Value error, ")
        raise ScenarioError(f"{key_files.get(section, path)}: key '{key}': {message}") from None


def load_scenario(path: str | Path, *, allow_outside_project: bool = False) -> Scenario:
    """Read a scenario file, resolve its ``extends`` chain and validate the result.

    Every key is inherited from the parent except ``name``: a scenario without ``name``
    takes its file's stem, so a child never writes over its parent's results. The files
    ``extends`` and ``dataset`` lead to stay within :func:`allowed_roots` unless
    ``allow_outside_project``.
    """
    path = Path(path)
    roots = None if allow_outside_project else allowed_roots(path)
    merged: dict[str, Any] = {"policies": {}, "parameters": {}, "solver": {}, "foresight": {}}
    key_files: dict[str, str] = {}
    files = []
    chain = _chain(path, roots)
    for file_path, parsed in chain:
        files.append(str(file_path))
        for key, value in parsed.model_dump(exclude_none=True).items():
            key_files[key] = str(file_path)
            if key in ("policies", "solver", "foresight"):
                merged[key].update(value)
            elif key == "parameters":
                for name, overrides in value.items():
                    stamped = [
                        {**o, "origin": str(file_path), "key": f"parameters.{name}.{index}"}
                        for index, o in enumerate(overrides)
                    ]
                    merged["parameters"].setdefault(name, []).extend(stamped)
            elif key not in ("extends", "name"):
                merged[key] = value
    leaf_path, leaf = chain[-1]
    merged["name"] = _own_name(leaf_path, leaf)
    key_files["name"] = str(leaf_path)
    for key in ("dataset", "years"):
        if key not in merged:
            raise ScenarioError(f"{path}: key '{key}' is missing (and no parent sets it)")
    merged.setdefault("base_year", merged["years"][0])
    if merged["base_year"] > merged["years"][1]:
        raise ScenarioError(
            f"{key_files.get('base_year', path)}: key 'base_year': {merged['base_year']} is "
            f"after the last model year {merged['years'][1]}; costs are discounted to the base "
            f"year, usually the first model year ({merged['years'][0]})"
        )
    policies = _section(Policies, "policies", merged, key_files, path)
    solver = _section(SolverOptions, "solver", merged, key_files, path)
    foresight = _section(Foresight, "foresight", merged, key_files, path)
    # The resolved text leaves out where each override came from, so that the hash of
    # a scenario does not depend on the folder it was read from.
    printable = {k: v for k, v in merged.items() if v not in ({}, None)}
    if "parameters" in printable:
        printable["parameters"] = {
            name: [
                {
                    k: v
                    for k, v in o.items()
                    if k not in ("origin", "key") and not (k == "interpolate" and v is False)
                }
                for o in overrides
            ]
            for name, overrides in printable["parameters"].items()
        }
    text = yaml.safe_dump(printable, sort_keys=True)
    return Scenario(
        name=merged["name"],
        description=merged.get("description", ""),
        dataset=merged["dataset"],
        dataset_path=_dataset_path(
            path, merged["dataset"], Path(key_files.get("dataset", str(path))), roots
        ),
        years=tuple(merged["years"]),
        base_year=merged["base_year"],
        policies=policies,
        parameters={
            name: tuple(Override(**o) for o in overrides)
            for name, overrides in merged["parameters"].items()
        },
        tie_break_emission_penalty=merged.get("tie_break_emission_penalty", 0.01),
        solver=solver,
        foresight=foresight,
        sweep=merged.get("sweep"),
        text=text,
        files=tuple(files),
        key_files=key_files,
    )
