"""The letter's questions answered by one command: scenario pairs, Monte Carlo ranges, a report.

A question is a small YAML file in ``scenarios/questions/`` (:class:`QuestionSpec`): the
question in one sentence, a reference scenario and one or more variants, the answers as
named indicators (:data:`INDICATORS`, pure functions of the results Datasets), an
uncertainty block (inputs that drive the answer and how far they may move), the figure,
the mechanism in the modeller's words and the caveats. :func:`answer_questions` runs every
scenario the questions need (in parallel, reusing a stored run whose scenario and data hash
are unchanged), draws the Monte Carlo variants, computes each answer with its range, finds
which constraints bind and which duals moved, and :func:`write_answers` writes
``answers.csv`` and a self-contained ``report.html`` (key messages first, a section per
question, a provenance appendix).

Nothing here re-models anything: every number is read from a results Dataset.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from elektra.outputs.output import NETCDF_ENGINE
from elektra.outputs.progress import SILENT, Progress

#: Where the question files and their scenarios live, and where answers go.
QUESTIONS = Path("scenarios") / "questions"
OUTPUT = Path("results") / "questions"
#: A dual below this absolute value does not bind.
ZERO = 1e-9


class QuestionError(ValueError):
    """A question file that cannot be used: the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerSpec(_Strict):
    """One number a question asks for: an indicator on the reference and a variant."""

    label: str
    indicator: str
    args: dict[str, Any] = Field(default_factory=dict)
    #: the run it reads (the first variant when not given) and the run it is compared with
    #: (the reference when not given); either may be any variant's label or "reference"
    variant: str | None = None
    reference: str | None = None
    unit: str
    digits: int = Field(default=2, ge=0, le=6)

    @field_validator("indicator")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in INDICATORS:
            raise ValueError(
                f"unknown indicator {name!r}; expected one of {', '.join(sorted(INDICATORS))}"
            )
        return name


class Varied(_Strict):
    """An input the answer depends on, drawn uniformly between ``low`` and ``high`` times
    its scenario value (a scale factor), with the reason for that range."""

    parameter: str
    where: dict[str, str | int | list[str | int]] = Field(default_factory=dict)
    low: float = Field(gt=0)
    high: float = Field(gt=0)
    reason: str


class Uncertainty(_Strict):
    """The Monte Carlo over the inputs that drive the answer (Latin hypercube, seeded)."""

    vary: list[Varied]
    samples: int = Field(default=8, ge=2, le=500)
    seed: int = 2026


class FigureSpec(_Strict):
    kind: str
    args: dict[str, Any] = Field(default_factory=dict)

    @field_validator("kind")
    @classmethod
    def _known(cls, kind: str) -> str:
        if kind not in FIGURES:
            raise ValueError(f"unknown figure {kind!r}; expected one of {', '.join(FIGURES)}")
        return kind


class QuestionSpec(_Strict):
    """One question of the letter, answered by comparing scenarios."""

    id: int = Field(ge=1)
    title: str
    question: str
    reference: str
    variants: dict[str, str]
    answers: list[AnswerSpec] = Field(min_length=1)
    uncertainty: Uncertainty | None = None
    figure: FigureSpec
    mechanism: str
    caveats: list[str] = Field(min_length=1)
    #: the key message in one line; ``{0}``, ``{1}``, ... stand for the answers' central
    #: values with their units
    message: str | None = None
    #: an MCA spec (path relative to the question file) whose results the ``mca_*``
    #: indicators read, and the Monte Carlo draws of its rank acceptability
    mca: str | None = None
    mca_samples: int = Field(default=1000, ge=10)
    #: solve the runs with the budget sensitivity (CO2 avoided per extra MEUR of budget)
    sensitivity: bool = False
    #: the file it was read from (filled in by the loader)
    path: str = ""

    @field_validator("variants")
    @classmethod
    def _some(cls, variants: dict[str, str]) -> dict[str, str]:
        if not variants:
            raise ValueError("give at least one variant scenario")
        return variants


def load_question(path: Path) -> QuestionSpec:
    """Read and validate one question file; scenario paths are resolved beside it."""
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError) as error:
        raise QuestionError(f"{path}: cannot read the question file: {error}") from None
    if not isinstance(content, dict):
        raise QuestionError(f"{path}: expected a mapping of keys at the top level")
    try:
        spec = QuestionSpec.model_validate({**content, "path": str(path)})
    except ValidationError as error:
        lines = [
            f"{path}: key '{'.'.join(str(p) for p in problem['loc'])}': {problem['msg']}"
            for problem in error.errors()
        ]
        raise QuestionError("\n".join(lines)) from None
    for answer in spec.answers:
        for role in ("variant", "reference"):
            label = getattr(answer, role)
            if label is not None and label not in {"reference", *spec.variants}:
                raise QuestionError(
                    f"{path}: key 'answers' ({answer.label}): {role} {label!r} is not one of "
                    f"the variants {', '.join(spec.variants)}"
                )
    if spec.message is not None:
        try:
            spec.message.format(*["x"] * len(spec.answers))
        except (IndexError, KeyError, ValueError) as error:
            raise QuestionError(
                f"{path}: key 'message': {error}; use {{0}} to {{{len(spec.answers) - 1}}} for "
                "the answers"
            ) from None
    if spec.mca is None and any(a.indicator in MCA_INDICATORS for a in spec.answers):
        raise QuestionError(f"{path}: key 'mca': an mca_* answer needs the MCA spec it reads")
    if spec.mca is not None and not scenario_path(spec, spec.mca).is_file():
        raise QuestionError(f"{path}: key 'mca': {spec.mca!r} not found beside the question file")
    for name in [spec.reference, *spec.variants.values()]:
        if not scenario_path(spec, name).is_file():
            raise QuestionError(f"{path}: scenario {name!r} not found beside the question file")
    return spec


def scenario_path(spec: QuestionSpec, name: str) -> Path:
    """A scenario named in a question: a path relative to the question file."""
    candidate = Path(name)
    if not candidate.suffix:
        candidate = candidate.with_suffix(".yaml")
    return (Path(spec.path).parent / candidate).resolve()


def load_questions(
    folder: Path = QUESTIONS, only: Sequence[int] | None = None
) -> list[QuestionSpec]:
    """Every question file ``q*.yaml`` of a folder (or the one file ``folder``), in order
    of id. A folder that does not exist or holds no question is an error: an empty set
    of questions would answer nothing and replace earlier answers with empty ones."""
    folder = Path(folder)
    if folder.is_file():
        files = [folder]
    elif folder.is_dir():
        files = sorted(folder.glob("q*.yaml"))
        if not files:
            raise QuestionError(
                f"{folder}: no question files (q*.yaml) in this folder; give the folder of "
                f"the question files, e.g. {QUESTIONS}"
            )
    else:
        raise QuestionError(f"{folder}: no such folder of question files")
    specs = [load_question(p) for p in files]
    ids = [s.id for s in specs]
    if len(ids) != len(set(ids)):
        raise QuestionError(f"{folder}: two question files share an id")
    if only:
        unknown = sorted(set(only) - set(ids))
        if unknown:
            raise QuestionError(f"no question {unknown[0]}; the questions are {ids}")
        specs = [s for s in specs if s.id in only]
    return sorted(specs, key=lambda s: s.id)


# ------------------------------------------------------------------------------ indicators


def _national(da: xr.DataArray, year: int, **sel) -> float:
    picked = da.sel(year=year)
    for dim, labels in sel.items():
        if labels is not None:
            picked = picked.sel({dim: labels})
    return float(picked.sum())


def _emissions(ds: xr.Dataset, year: int, sector=None, cluster=None) -> float:
    return _national(ds["emissions"], year, sector=sector, cluster=cluster)


def _electricity(ds: xr.Dataset, year: int, sector=None, cluster=None) -> float:
    carrier = _carrier_with_role(ds, "grid_electricity")
    use = ds["energy_use_by_sector"].sel(carrier=carrier)
    return _national(use, year, sector=sector, cluster=cluster)


def _carrier_with_role(ds: xr.Dataset, role: str) -> str:
    roles = json.loads(ds.attrs.get("carrier_roles", "{}"))
    if role in roles:
        return roles[role]
    raise KeyError(f"the results name no carrier with role {role!r}")


def _class_output(ds: xr.Dataset, year: int, route_class: str, unit: str = "PJ") -> float:
    routes = ds.route.values[
        (ds.route_class == route_class).values & (ds.output_unit == unit).values
    ]
    return float(ds["activity"].sel(route=routes, year=year).sum())


def _class_share(
    ds: xr.Dataset, year: int, route_class: str, cluster: str | None = None, unit: str = "PJ"
) -> float:
    """Share (%) of a route class in the output of the services in ``unit`` (heat and
    feedstock in PJ), in a cluster or nationally."""
    same_unit = (ds.output_unit == unit).values
    activity = ds["activity"].sel(year=year, route=ds.route.values[same_unit])
    if cluster is not None:
        activity = activity.sel(cluster=cluster)
    total = float(activity.sum())
    own = activity.sel(
        route=[r for r in activity.route.values if ds.route_class.sel(route=r) == route_class]
    )
    return 100 * float(own.sum()) / total if total > 0 else 0.0


def _value(ds: xr.Dataset, name: str, year: int, reduce: str = "sum", **sel) -> float:
    """A result variable in a year, selected by labels and reduced (sum, max or min)."""
    if name not in ds:
        return 0.0
    da = ds[name].sel(year=year)
    for dim, labels in sel.items():
        da = da.sel({dim: labels})
    da = da.fillna(0.0) if reduce == "sum" else da
    return float(getattr(da, reduce)())


def _dual(ds: xr.Dataset, name: str, year: int, reduce: str = "max", **sel) -> float:
    if name not in ds:
        return 0.0
    da = ds[name].sel(year=year)
    for dim, labels in sel.items():
        da = da.sel({dim: labels})
    values = da.fillna(0.0)
    return float(values.max() if reduce == "max" else values.sum())


def _objective(ds: xr.Dataset) -> float:
    return float(ds.attrs["objective"])


def _budget_use(ds: xr.Dataset, instrument: str, years: list[int]) -> float:
    """Share (%) of an instrument's budget in the years that its rounds committed."""
    committed = float(ds["subsidy_committed"].sel(instrument=instrument, year=years).sum())
    budget = float(ds["subsidy_budget"].sel(instrument=instrument, year=years).sum())
    return 100 * committed / budget if budget > 0 else 0.0


def _difference(measure: Callable[..., float]) -> Callable[..., float]:
    def indicator(reference: xr.Dataset, variant: xr.Dataset, **args) -> float:
        return measure(variant, **args) - measure(reference, **args)

    indicator.__doc__ = f"variant minus reference of {measure.__name__.strip('_')}"
    return indicator


def _level(measure: Callable[..., float]) -> Callable[..., float]:
    def indicator(reference: xr.Dataset, variant: xr.Dataset, **args) -> float:
        return measure(variant, **args)

    indicator.__doc__ = f"{measure.__name__.strip('_')} in the variant"
    return indicator


def _relative(measure: Callable[..., float]) -> Callable[..., float]:
    def indicator(reference: xr.Dataset, variant: xr.Dataset, **args) -> float:
        base = measure(reference, **args)
        return (measure(variant, **args) - base) / abs(base) * 100 if base else float("nan")

    indicator.__doc__ = f"relative change (%) of {measure.__name__.strip('_')}"
    return indicator


def _mca_first(mca: xr.Dataset, option: str, case: str, method: str) -> float:
    """Share of the MCA's draws (in %) in which ``option`` ranks first."""
    value = mca["rank_acceptability"].sel(case=case, mca_method=method, option=option, place=1)
    return float(value) * 100


def _mca_rank(mca: xr.Dataset, option: str, weighting: str, method: str) -> float:
    """The rank of ``option`` under a weighting and method (1 is best)."""
    return float(mca["ranking"].sel(weighting=weighting, mca_method=method, option=option))


#: Indicators that read the question's MCA results: name -> f(mca, **args) -> float.
MCA_INDICATORS: dict[str, Callable[..., float]] = {
    "mca_first_probability": _mca_first,
    "mca_rank": _mca_rank,
}

#: Indicators a question may ask for: name -> f(reference, variant, **args) -> float.
INDICATORS: dict[str, Callable[..., float]] = {
    "emissions_change": _difference(_emissions),
    "emissions": _level(_emissions),
    "electricity_use_change": _difference(_electricity),
    "electricity_use_change_percent": _relative(_electricity),
    "route_class_output_change": _difference(_class_output),
    "objective_change": _difference(lambda ds: _objective(ds)),
    "dual": _level(_dual),
    "dual_change": _difference(_dual),
    "budget_use": _level(_budget_use),
    "route_class_share": _level(_class_share),
    "route_class_share_change": _difference(_class_share),
    "value": _level(_value),
    "value_change": _difference(_value),
    **MCA_INDICATORS,
}


# ------------------------------------------------------------------------------ runs


@dataclass(frozen=True)
class Job:
    """One scenario to solve: its file, overrides added for a Monte Carlo draw, and where
    its results are stored."""

    scenario: str
    folder: str
    #: JSON of {parameter: [override, ...]} added after the scenario's own overrides
    extra: str = ""
    sensitivity: bool = False


def _scenario_with(job: Job):
    from elektra.inputs.config import Override, load_scenario

    scenario = load_scenario(job.scenario)
    if not job.extra:
        return scenario
    extra = json.loads(job.extra)
    parameters = dict(scenario.parameters)
    for name, overrides in extra.items():
        added = tuple(Override(**o, origin="questions Monte Carlo") for o in overrides)
        parameters[name] = (*parameters.get(name, ()), *added)
    text = scenario.text + yaml.safe_dump({"monte_carlo": extra}, sort_keys=True)
    return scenario.model_copy(update={"parameters": parameters, "text": text})


def _fingerprint(job: Job) -> str:
    """What decides a stored run is up to date: the resolved scenario and the data."""
    from elektra.inputs.data import dataset_hash

    scenario = _scenario_with(job)
    return hashlib.sha256(
        f"{scenario.hash}:{dataset_hash(scenario.dataset_path)}:{job.sensitivity}".encode()
    ).hexdigest()


def _solve(job: Job) -> str:
    """Solve one job and write its results folder (in a worker process)."""
    from elektra.model.pipeline import run
    from elektra.outputs.output import write_run

    result = run(_scenario_with(job), sensitivity=job.sensitivity)
    ds = result.results.assign_attrs(fingerprint=_fingerprint(job))
    write_run(
        ds,
        Path(job.folder),
        result.timings,
        result.scenario.files,
        extras=False,
        force=True,
        dataset_hash=result.data.hash,
        notes=result.notes,
    )
    return job.folder


def _up_to_date(job: Job, notes: list[str]) -> bool:
    """Whether the stored run of ``job`` is readable and of the same scenario and data; a
    stored run that cannot be read (truncated, say) is named in ``notes``."""
    path = Path(job.folder) / "results.nc"
    if not path.is_file():
        return False
    try:
        with xr.open_dataset(path, engine=NETCDF_ENGINE) as stored:
            return stored.attrs.get("fingerprint") == _fingerprint(job)
    except (OSError, ValueError, RuntimeError) as error:
        notes.append(f"stored run {path} could not be read ({error}); it was solved again")
        return False


def solve_all(
    jobs: Sequence[Job],
    workers: int = 0,
    progress: Callable | None = None,
    display: Progress = SILENT,
    notes: list[str] | None = None,
) -> dict:
    """Solve the jobs that are not up to date (in parallel), then load every result.

    Returns job -> results Dataset. ``workers`` 0 means one process per core;
    ``progress(folder)`` is called as each job is solved, ``display`` shows the count;
    a stored run that cannot be read is solved again and named in ``notes``.
    """
    from elektra.studies.workers import process_pool, unordered

    notes = [] if notes is None else notes
    todo = [job for job in dict.fromkeys(jobs) if not _up_to_date(job, notes)]
    workers = workers or min(len(todo), os.cpu_count() or 1)
    display.start("solving runs", len(todo), "runs")
    if todo and workers > 1:
        with process_pool(workers) as pool:
            for job, _folder in unordered(pool, _solve, todo, 2 * workers):
                display.advance()
                if progress:
                    progress(job.folder)
    else:
        for job in todo:
            _solve(job)
            display.advance()
            if progress:
                progress(job.folder)
    from elektra.outputs import netcdf

    return {job: netcdf.read(Path(job.folder) / "results.nc") for job in dict.fromkeys(jobs)}


def _folder(output: Path, scenario: Path, draw: int | None = None) -> str:
    name = scenario.stem if draw is None else f"{scenario.stem}__mc{draw:03d}"
    return str(output / "runs" / name)


def _draws(uncertainty: Uncertainty) -> list[str]:
    """The Monte Carlo draws: a Latin hypercube of scale factors, one per varied input."""
    from scipy.stats import qmc

    sampler = qmc.LatinHypercube(d=len(uncertainty.vary), seed=uncertainty.seed)
    unit = sampler.random(uncertainty.samples)
    draws = []
    for row in unit:
        extra: dict[str, list[dict]] = {}
        for varied, u in zip(uncertainty.vary, row):
            factor = varied.low + u * (varied.high - varied.low)
            extra.setdefault(varied.parameter, []).append(
                {"where": dict(varied.where), "scale": round(float(factor), 6)}
            )
        draws.append(json.dumps(extra, sort_keys=True))
    return draws


def jobs_of(
    spec: QuestionSpec, output: Path, samples: int | None = None, seed: int | None = None
) -> dict:
    """The jobs of a question: 'central' -> {label: Job}, and one such dict per draw.

    ``samples`` and ``seed`` replace the question file's own (``uncertainty``). A run
    with the budget sensitivity is stored apart from the same scenario without it.
    """
    scenarios = {"reference": spec.reference, **spec.variants}
    suffix = "__sensitivity" if spec.sensitivity else ""

    def job(name: str, folder: Path, draw: int | None = None, extra: str = "") -> Job:
        path = scenario_path(spec, name)
        return Job(
            str(path), _folder(folder, path, draw) + suffix, extra, sensitivity=spec.sensitivity
        )

    central = {label: job(name, output) for label, name in scenarios.items()}
    draws = []
    if spec.uncertainty is not None and samples != 0:
        uncertainty = spec.uncertainty
        if samples:
            uncertainty = uncertainty.model_copy(update={"samples": samples})
        if seed is not None:
            uncertainty = uncertainty.model_copy(update={"seed": seed})
        for number, extra in enumerate(_draws(uncertainty)):
            folder = output / f"q{spec.id:02d}"
            draws.append(
                {label: job(name, folder, number, extra) for label, name in scenarios.items()}
            )
    return {"central": central, "draws": draws}


# ------------------------------------------------------------------------------ answers


def _plain(value: float, digits: int) -> str:
    """A number as the report writes it: thousands separated, no minus on a rounded zero."""
    text = f"{value:,.{digits}f}"
    return text[1:] if text.startswith("-") and float(text.replace(",", "")) == 0 else text


@dataclass
class Answer:
    """One number a question asks for, with its range over the Monte Carlo."""

    label: str
    value: float
    unit: str
    digits: int
    low: float = float("nan")
    high: float = float("nan")
    samples: int = 0

    def central(self) -> str:
        """The central value with its unit."""
        return f"{_plain(self.value, self.digits)} {self.unit}"

    def text(self) -> str:
        number = self.central()
        if self.samples:
            number += (
                f" (range {_plain(self.low, self.digits)} to {_plain(self.high, self.digits)}, "
                f"5th-95th percentile of {self.samples} draws"
            )
            outside = self.value < self.low or self.value > self.high
            number += "; the central value lies outside: a knife edge)" if outside else ")"
        return number


@dataclass
class Answered:
    """A question with its answers, the runs behind them and what moved."""

    def message(self) -> str:
        """The key message: the question file's template filled with the answers."""
        if self.spec.message is None:
            return f"{self.answers[0].label}: {self.answers[0].central()}"
        return self.spec.message.format(*[a.central() for a in self.answers])

    spec: QuestionSpec
    answers: list[Answer]
    runs: dict[str, xr.Dataset]
    inputs: list[str]
    mechanism: list[str]
    draws: list[dict[str, float]] = field(default_factory=list)
    figure_caption: str = ""
    mca: xr.Dataset | None = None


def compute_answer(
    spec: AnswerSpec,
    runs: Mapping[str, xr.Dataset],
    first_variant: str,
    mca: xr.Dataset | None = None,
) -> float:
    """The value of one answer on one set of runs (reference and variants), or on the
    question's MCA results for an ``mca_*`` indicator."""
    if spec.indicator in MCA_INDICATORS:
        return float(MCA_INDICATORS[spec.indicator](mca, **spec.args))
    variant = runs[spec.variant or first_variant]
    reference = runs[spec.reference or "reference"]
    return float(INDICATORS[spec.indicator](reference, variant, **spec.args))


def _policies(ds: xr.Dataset) -> dict:
    return (yaml.safe_load(ds.attrs.get("scenario", "")) or {}).get("policies", {})


def differing_inputs(reference: xr.Dataset, variant: xr.Dataset) -> list[str]:
    """Which policy switches and inputs differ between two runs (inputs with their
    differing cells, at most 4 each)."""
    from elektra.studies.compare import Run, input_differences

    lines = []
    old, new = _policies(reference), _policies(variant)
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            lines.append(
                f"policy {name}: {'on' if old.get(name) else 'off'} -> "
                f"{'on' if new.get(name) else 'off'}"
            )
    found = input_differences(
        Run("reference", Path("."), reference, {}), Run("variant", Path("."), variant, {})
    )
    for difference in found:
        cells = difference.cells
        shown = []
        for row in cells.head(4).itertuples(index=False):
            values = row._asdict()
            labels = ", ".join(str(v) for k, v in values.items() if k not in ("old", "new"))
            shown.append(f"{labels}: {values['old']:.4g} -> {values['new']:.4g}")
        more = f" and {len(cells) - 4} more cells" if len(cells) > 4 else ""
        name = difference.name.removeprefix("input_")
        lines.append(f"{name} ({difference.units}): {'; '.join(shown)}{more}")
    return lines


def moved_duals(reference: xr.Dataset, variant: xr.Dataset, limit: int = 3) -> list[str]:
    """The duals that moved most between two runs and how many cells bind, in words; the
    run notes of the variant (a policy that never binds or cannot bite) after them."""
    moved, binding_only = [], []
    names = {str(n) for n in [*reference.data_vars, *variant.data_vars]}
    for name in sorted(n for n in names if n.startswith("dual_")):
        if name in ("dual_capacity_limit", "dual_demand"):
            continue
        present = variant[name] if name in variant else reference[name]
        if present.size == 0:
            continue
        units = present.attrs.get("units", "")
        new = variant[name].fillna(0.0) if name in variant else xr.zeros_like(present.fillna(0))
        old = reference[name].fillna(0.0) if name in reference else xr.zeros_like(new)
        old, new = xr.align(old, new, join="outer", fill_value=0.0)
        binding = int((abs(new) > ZERO).sum())
        change = float(abs(new - old).sum())
        record = (change, name, binding, float(abs(old).max()), float(abs(new).max()), units)
        if change > ZERO + 0.01 * float(abs(old).sum()):
            moved.append(record)
        elif binding:
            binding_only.append(record)
    moved.sort(reverse=True)
    lines = [
        f"{name} moved: {binding} binding cells, largest {old_max:,.3g} -> {new_max:,.3g} {units}"
        for _c, name, binding, old_max, new_max, units in moved[:limit]
    ]
    if not moved:
        unchanged = ", ".join(f"{name} ({binding} cells)" for _c, name, binding, *_ in binding_only)
        lines.append(f"no dual moved; binding in both runs: {unchanged or 'none'}")
    notes = [n for n in str(variant.attrs.get("notes", "")).splitlines() if "polic" in n]
    return lines + [f"run note: {n}" for n in notes]


def _mca_results(
    spec: QuestionSpec, seed: int | None = None, display: Progress = SILENT
) -> xr.Dataset | None:
    """The question's MCA, run (it solves its own base and exclusion LPs)."""
    if spec.mca is None:
        return None
    from elektra.studies.mca import load_spec, run_mca

    return run_mca(
        load_spec(scenario_path(spec, spec.mca)),
        samples=spec.mca_samples,
        seed=2026 if seed is None else seed,
        progress=display,
    )


def _summarise(values: list[float]) -> tuple[float, float]:
    finite = [v for v in values if np.isfinite(v)]
    if not finite:
        return float("nan"), float("nan")
    return float(np.percentile(finite, 5)), float(np.percentile(finite, 95))


def answer_questions(
    specs: Sequence[QuestionSpec],
    output: Path = OUTPUT,
    samples: int | None = None,
    workers: int = 0,
    progress: Callable | None = None,
    *,
    seed: int | None = None,
    display: Progress = SILENT,
    notes: list[str] | None = None,
) -> list[Answered]:
    """Run every scenario the questions need and answer them.

    ``samples`` and ``seed`` replace each question's own Monte Carlo settings (and the
    seed that of its MCA); ``display`` shows what is being solved; ``notes`` collects
    what the user should know (a stored run that could not be read and was solved again).
    """
    if not specs:
        raise QuestionError("no questions to answer")
    plans = {spec.id: jobs_of(spec, output, samples, seed) for spec in specs}
    every = [
        job
        for plan in plans.values()
        for group in [plan["central"], *plan["draws"]]
        for job in group.values()
    ]
    solved = solve_all(every, workers=workers, progress=progress, display=display, notes=notes)
    answered = []
    for spec in specs:
        plan = plans[spec.id]
        first = next(iter(spec.variants))
        runs = {label: solved[job] for label, job in plan["central"].items()}
        draw_runs = [
            {label: solved[job] for label, job in group.items()} for group in plan["draws"]
        ]
        mca = _mca_results(spec, seed, display)
        answers, draws = [], [{} for _ in draw_runs]
        for answer_spec in spec.answers:
            value = compute_answer(answer_spec, runs, first, mca)
            if answer_spec.indicator in MCA_INDICATORS:
                spread = []  # the MCA's own Monte Carlo is the answer's robustness
            else:
                spread = [compute_answer(answer_spec, r, first) for r in draw_runs]
            for record, number in zip(draws, spread):
                record[answer_spec.label] = number
            low, high = _summarise(spread)
            answers.append(
                Answer(
                    answer_spec.label,
                    value,
                    answer_spec.unit,
                    answer_spec.digits,
                    low,
                    high,
                    len(spread),
                )
            )
        inputs, mechanism = [], []
        for label in spec.variants:
            inputs += [
                f"{label}: {line}" for line in differing_inputs(runs["reference"], runs[label])
            ]
            mechanism += [
                f"{label}: {line}" for line in moved_duals(runs["reference"], runs[label])
            ]
        answered.append(Answered(spec, answers, runs, inputs, mechanism, draws=draws, mca=mca))
    return answered


# ------------------------------------------------------------------------------ figures


def _emission_paths(item: Answered, **args):
    """National emissions per year, reference and variants."""
    from matplotlib.figure import Figure

    from elektra.outputs.figures import SIZE, _years

    figure = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = figure.add_subplot()
    for label, ds in item.runs.items():
        total = ds["emissions"].sum(["sector", "cluster"])
        ax.plot(total.year.values, total.values, marker="o", markersize=3, label=label)
    ax.set_ylabel("direct CO2 emissions (Mt/yr)")
    ax.set_title("National industrial emissions")
    ax.grid(alpha=0.3)
    _years(ax, item.runs["reference"].year.values)
    ax.legend(frameon=False, fontsize="small")
    return figure


def _route_class_bars(item: Answered, year: int = 2030, unit: str = "PJ", **args):
    """Output per route class in a year, reference and variants side by side."""
    from matplotlib.figure import Figure

    from elektra.outputs.figures import ROUTE_CLASS_COLOURS, SIZE

    figure = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = figure.add_subplot()
    labels = list(item.runs)
    classes = list(ROUTE_CLASS_COLOURS)
    bottom = np.zeros(len(labels))
    for route_class in classes:
        values = np.array([_class_output(ds, year, route_class, unit) for ds in item.runs.values()])
        if not values.any():
            continue
        ax.bar(
            labels, values, bottom=bottom, color=ROUTE_CLASS_COLOURS[route_class], label=route_class
        )
        bottom += values
    ax.set_ylabel(f"output of {unit} services ({unit}/yr), {year}")
    ax.set_title(f"Route mix of heat and feedstock services, {year}")
    ax.legend(
        frameon=False,
        fontsize="small",
        title="route class",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    return figure


def _dual_by_cluster(item: Answered, name: str = "dual_grid", **args):
    """A dual per cluster and year in the reference and the first variant."""
    from matplotlib.figure import Figure

    from elektra.outputs.figures import SIZE, _years

    figure = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = figure.add_subplot()
    for style, (label, ds) in zip(("-", "--", ":"), item.runs.items()):
        if name not in ds:
            continue
        for cluster in ds.cluster.values:
            values = ds[name].sel(cluster=cluster).fillna(0.0)
            if float(abs(values).max()) > ZERO:
                ax.plot(values.year.values, values.values, style, label=f"{cluster} ({label})")
    units = next((ds[name].attrs.get("units", "") for ds in item.runs.values() if name in ds), "")
    ax.set_ylabel(f"{name} ({units})")
    ax.set_title("Shadow price per cluster")
    ax.grid(alpha=0.3)
    _years(ax, item.runs["reference"].year.values)
    ax.legend(frameon=False, fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure


def _answer_range(item: Answered, **args):
    """The headline answer in each Monte Carlo draw, against the central value."""
    from matplotlib.figure import Figure

    from elektra.outputs.figures import SIZE

    figure = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = figure.add_subplot()
    answer = item.answers[0]
    values = [d[answer.label] for d in item.draws]
    if values:
        ax.hist(values, bins=min(12, max(3, len(values) // 2)), color="#9ecae1")
    ax.axvline(answer.value, color="black", label="central")
    ax.set_xlabel(f"{answer.label} ({answer.unit})")
    ax.set_ylabel("draws")
    ax.set_title("Range of the answer over the Monte Carlo")
    ax.legend(frameon=False)
    return figure


def _mca_acceptability(
    item: Answered, case: str = "uniform_weights", method: str = "topsis", **args
):
    """Rank acceptability of each option in the MCA: the share of draws (weights uniform on
    the simplex, criterion values within their ranges) in which it takes each place."""
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    from elektra.outputs.figures import SIZE

    figure = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = figure.add_subplot()
    table = item.mca["rank_acceptability"].sel(case=case, mca_method=method)
    options = [str(o) for o in table.option.values]
    left = np.zeros(len(options))
    palette = colormaps["viridis"]
    places = table.place.values
    for index, place in enumerate(places):
        values = 100 * table.sel(place=place).values
        ax.barh(
            options,
            values,
            left=left,
            color=palette(index / max(1, len(places) - 1)),
            label=f"{place}",
        )
        left += values
    ax.set_xlabel("share of draws (%)")
    ax.set_xlim(0, 100)
    ax.set_title(f"Rank acceptability, {method}, {case.replace('_', ' ')}")
    ax.legend(
        title="rank", frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1)
    )
    return figure


FIGURES: dict[str, Callable] = {
    "mca_acceptability": _mca_acceptability,
    "emission_paths": _emission_paths,
    "route_class_bars": _route_class_bars,
    "dual_by_cluster": _dual_by_cluster,
    "answer_range": _answer_range,
}


# ------------------------------------------------------------------------------ writing


def answers_table(answered: Sequence[Answered]) -> pd.DataFrame:
    """One row per answer: question, number, unit, range, scenarios."""
    rows = []
    for item in answered:
        for answer in item.answers:
            rows.append(
                {
                    "question": item.spec.id,
                    "title": item.spec.title,
                    "answer": answer.label,
                    "value": answer.value,
                    "unit": answer.unit,
                    "low": answer.low,
                    "high": answer.high,
                    "samples": answer.samples,
                    "reference": item.spec.reference,
                    "variants": "; ".join(f"{k}={v}" for k, v in item.spec.variants.items()),
                }
            )
    return pd.DataFrame(rows)


def data_sources(answered: Sequence[Answered]) -> dict[str, list[str]]:
    """The sources of every input the answers depend on: the inputs that differ between
    the scenarios compared and those the Monte Carlo varies."""
    from elektra.inputs.config import load_scenario
    from elektra.inputs.data import load_data

    wanted: dict[str, set[str]] = {}
    for item in answered:
        names = {line.split(": ", 1)[1].split(" (", 1)[0] for line in item.inputs}
        if item.spec.uncertainty is not None:
            names |= {v.parameter for v in item.spec.uncertainty.vary}
        reference = str(scenario_path(item.spec, item.spec.reference))
        wanted.setdefault(reference, set()).update(names)
    sources: dict[str, list[str]] = {}
    for reference, names in wanted.items():
        rows = load_data(load_scenario(reference)).rows
        for name in sorted(names):
            found = rows.loc[rows["parameter"] == name, "citation"].drop_duplicates().tolist()
            sources.setdefault(name, [])
            sources[name] += [s for s in found if s not in sources[name]]
            if not found:
                sources[name] = sources[name] or ["set in the scenario files (no data row)"]
    return sources


def check_output(output: Path, force: bool = False, protect: Sequence[str | Path] = ()) -> None:
    """Refuse an ``output`` folder that holds files but no earlier answers (no answers.csv,
    no runs/), unless ``force``; never one holding the project or the working directory
    (:func:`elektra.outputs.output.check_protected`). Answers never delete a file."""
    from elektra.outputs.output import OutputRefused, check_protected, shown

    output = Path(output)
    check_protected(output, protect)
    if not output.exists():
        return
    if not output.is_dir():
        raise OutputRefused(f"{shown(output)} exists and is not a folder; choose another --out")
    if force or not any(output.iterdir()):
        return
    if not ((output / "answers.csv").is_file() or (output / "runs").is_dir()):
        raise OutputRefused(
            f"{shown(output)} holds files but no earlier answers (no answers.csv or runs/); "
            "choose another --out, or add --force to write the answers beside those files"
        )


def write_answers(answered: Sequence[Answered], output: Path = OUTPUT) -> Path:
    """Write answers.csv, the figures and report.html into ``output``, whole or not at all.

    A failed write (a full disk) is an OutputError naming ``output``; nothing of the
    earlier answers is replaced then."""
    from elektra.outputs.output import writing
    from elektra.outputs.questions_report import page

    if not answered:
        raise QuestionError("no questions were answered; nothing is written")
    output = Path(output)
    with writing(output):
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".answers.", dir=output))
    try:
        with writing(output, staging):
            answers_table(answered).to_csv(staging / "answers.csv", index=False)
        figures = {}
        for item in answered:
            draw = FIGURES[item.spec.figure.kind]
            figure = draw(item, **item.spec.figure.args)
            item.figure_caption = " ".join((draw.__doc__ or "").split())
            path = staging / f"q{item.spec.id:02d}.png"
            with writing(output, staging):
                figure.savefig(path, dpi=110, format="png")
            figures[item.spec.id] = path
        text = page(answered, figures, data_sources(answered))
        with writing(output, staging):
            (staging / "report.html").write_text(text, encoding="utf-8")
            for name in ("answers.csv", "report.html"):
                os.replace(staging / name, output / name)
            figure_folder = output / "figures"
            figure_folder.mkdir(exist_ok=True)
            for path in figures.values():
                os.replace(path, figure_folder / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output
