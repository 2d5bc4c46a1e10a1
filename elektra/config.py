"""Scenario files: read YAML, resolve ``extends``, validate against the schema.

A scenario is a small named diff over its parent. Everything a user can write is declared
here; an unknown key, a wrong type or a value out of range is a :class:`ScenarioError`
that names the file, the key and what was expected.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from elektra.parameters import DIMENSIONS, PARAMETERS


class ScenarioError(ValueError):
    """A scenario that cannot be read: the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Override(_Strict):
    """Set or scale the values of one parameter, for all labels or those in ``where``."""

    where: dict[str, str | int | list[str | int]] = Field(default_factory=dict)
    value: float | str | None = None
    scale: float | None = Field(default=None, ge=0)
    #: take the low or high end of the range the data source gives (columns low, high)
    use: Literal["low", "high"] | None = None
    #: The scenario file the override was written in (filled in by the loader).
    origin: str = ""

    @model_validator(mode="after")
    def _one_action(self) -> Override:
        actions = [a for a in (self.value, self.scale, self.use) if a is not None]
        if len(actions) != 1:
            raise ValueError(
                "give exactly one of 'value' (set), 'scale' (multiply) or 'use' (low/high)"
            )
        return self

    @field_validator("where")
    @classmethod
    def _known_dimensions(cls, where: dict) -> dict:
        for key in where:
            if key not in DIMENSIONS:
                raise ValueError(
                    f"unknown dimension {key!r} in 'where'; expected one of {', '.join(DIMENSIONS)}"
                )
        return where


class SolverOptions(_Strict):
    """Options handed to HiGHS."""

    method: Literal["simplex", "ipm", "choose"] = "choose"
    threads: int = Field(default=1, ge=1)
    time_limit: float = Field(default=600.0, gt=0)


class Policies(_Strict):
    """Switches for the policy constraints and cost terms."""

    ets: bool = True
    cbam: bool = True
    grid: bool = True
    grid_expansion: bool = False
    subsidies: bool = True
    ikc: bool = True
    co2_levy: bool = False
    co2_storage: bool = True
    supply_limits: bool = True
    emission_cap: bool = False


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
        description="EUR per tonne CO2 added to the objective so that ties break toward "
        "lower emissions; the reported cost excludes it.",
    )
    solver: SolverOptions = SolverOptions()
    #: The resolved scenario as YAML text, and the files it came from.
    text: str = ""
    files: tuple[str, ...] = ()

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
    tie_break_emission_penalty: float | None = Field(default=None, ge=0)
    solver: dict[str, Any] | None = None

    @field_validator("parameters")
    @classmethod
    def _known_parameters(cls, parameters: dict | None) -> dict | None:
        for name in parameters or {}:
            if name not in PARAMETERS:
                raise ValueError(
                    f"unknown parameter {name!r}; expected one of {', '.join(sorted(PARAMETERS))}"
                )
        return parameters

    @field_validator("years")
    @classmethod
    def _ordered_years(cls, years: tuple[int, int] | None) -> tuple[int, int] | None:
        if years is not None and not (2000 <= years[0] <= years[1] <= 2100):
            raise ValueError("years must be [first, last] with 2000 <= first <= last <= 2100")
        return years


def _read_yaml(path: Path) -> dict:
    if not path.is_file():
        raise ScenarioError(f"{path}: scenario file not found")
    try:
        content = yaml.safe_load(path.read_text())
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
            lines.append(f"{path}: key '{key}': {problem['msg']}")
        raise ScenarioError("\n".join(lines)) from None


def _resolve_parent(path: Path, extends: str) -> Path:
    candidate = Path(extends)
    if not candidate.suffix:
        candidate = candidate.with_suffix(".yaml")
    if not candidate.is_absolute():
        candidate = path.parent / candidate
    return candidate


def _chain(path: Path) -> list[tuple[Path, _ScenarioFile]]:
    """The scenario files from the root ancestor down to ``path``."""
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
        current = _resolve_parent(current, parsed.extends) if parsed.extends else None
    return list(reversed(chain))


def _dataset_path(scenario_path: Path, dataset: str) -> Path:
    candidates = [
        scenario_path.parent / dataset,
        scenario_path.parent.parent / "data" / dataset,
        Path.cwd() / "data" / dataset,
        Path(dataset),
    ]
    for candidate in candidates:
        if (candidate / "routes.csv").is_file():
            return candidate.resolve()
    raise ScenarioError(
        f"{scenario_path}: key 'dataset': no dataset {dataset!r} found (looked for routes.csv "
        f"in {', '.join(str(c) for c in candidates)})"
    )


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file, resolve its ``extends`` chain and validate the result."""
    path = Path(path)
    merged: dict[str, Any] = {"policies": {}, "parameters": {}, "solver": {}}
    files = []
    for file_path, parsed in _chain(path):
        files.append(str(file_path))
        for key, value in parsed.model_dump(exclude_none=True).items():
            if key in ("policies", "solver"):
                merged[key].update(value)
            elif key == "parameters":
                for name, overrides in value.items():
                    stamped = [{**o, "origin": str(file_path)} for o in overrides]
                    merged["parameters"].setdefault(name, []).extend(stamped)
            elif key != "extends":
                merged[key] = value
    merged.setdefault("name", path.stem)
    for key in ("dataset", "years"):
        if key not in merged:
            raise ScenarioError(f"{path}: key '{key}' is missing (and no parent sets it)")
    merged.setdefault("base_year", merged["years"][0])
    try:
        policies = Policies(**merged["policies"])
        solver = SolverOptions(**merged["solver"])
    except ValidationError as error:
        problem = error.errors()[0]
        raise ScenarioError(
            f"{path}: key '{'.'.join(str(p) for p in problem['loc'])}': {problem['msg']}"
        ) from None
    # The resolved text leaves out where each override came from, so that the hash of
    # a scenario does not depend on the folder it was read from.
    printable = {k: v for k, v in merged.items() if v not in ({}, None)}
    if "parameters" in printable:
        printable["parameters"] = {
            name: [{k: v for k, v in o.items() if k != "origin"} for o in overrides]
            for name, overrides in printable["parameters"].items()
        }
    text = yaml.safe_dump(printable, sort_keys=True)
    return Scenario(
        name=merged["name"],
        description=merged.get("description", ""),
        dataset=merged["dataset"],
        dataset_path=_dataset_path(path, merged["dataset"]),
        years=tuple(merged["years"]),
        base_year=merged["base_year"],
        policies=policies,
        parameters={
            name: tuple(Override(**o) for o in overrides)
            for name, overrides in merged["parameters"].items()
        },
        tie_break_emission_penalty=merged.get("tie_break_emission_penalty", 0.01),
        solver=solver,
        text=text,
        files=tuple(files),
    )
