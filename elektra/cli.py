"""The ``elektra`` command line: run, validate, data, docs.

Importing this module costs typer and nothing else: each command imports pandas, xarray,
pint, Pyomo or matplotlib when it runs, so ``elektra --help`` and ``--version`` answer at
once. Every error a user can cause ends in one or a few lines that name what to fix, and
in one of the exit codes of :data:`EXIT_CODES`; ``elektra --debug ...`` adds the Python
traceback.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from typer.core import TyperCommand

from elektra import __version__

if TYPE_CHECKING:
    from rich.table import Table

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_SOLVER = 4
EXIT_WRITE = 5
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
#: Every exit code of the command line and what it means (README and ``--help``).
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "success",
    EXIT_INTERNAL: "internal error: a bug in elektra (run again with --debug and report it)",
    EXIT_INPUT: "bad input: scenario file, dataset or command-line arguments",
    EXIT_INFEASIBLE: "the scenario is infeasible (the conflicting limits are listed)",
    EXIT_SOLVER: "the solver stopped without an optimum (time limit, numerical trouble)",
    EXIT_WRITE: "a results folder or model file could not be written (permissions, disk)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_TERMINATED: "terminated (SIGTERM)",
}
#: Infeasibility reasons printed before "... and N more".
MAX_REASONS = 20
MODEL_SUFFIXES = (".mps", ".lp")

EPILOG = "\b\nExit codes:\n" + "\n".join(
    f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items()
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="elektra: decarbonisation routes of Dutch energy-intensive industry.",
    epilog=EPILOG,
)
_debug = {"on": False}

#: Column headers of the route-mix table, short enough for an 80-column terminal.
SHORT_CLASS = {
    "reference": "ref",
    "electrification": "elec",
    "hydrogen": "H2",
    "blue_hydrogen": "blue",
    "biogas": "bio",
    "ccs": "CCS",
    "import": "imp",
}


class _Command(TyperCommand):
    """A command whose usage line shows arguments as a user types them: ``SCENARIO``."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if getattr(param, "param_type_name", "") == "argument":
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that every cleanup runs."""


class _Refused(Exception):
    """A command-line request elektra will not carry out (exit code 2)."""


# --------------------------------------------------------------------------- messages


def _say(kind: str, message: str, colour: str) -> None:
    typer.echo(f"{typer.style(kind, fg=colour, bold=True)} {message}", err=True)


def _warn(message: str) -> None:
    _say("warning:", message, "yellow")


def _loaded(module: str, name: str) -> tuple[type, ...]:
    """The class ``module.name`` if that module was imported (else nothing raised it)."""
    found = getattr(sys.modules.get(module), name, None)
    return (found,) if isinstance(found, type) else ()


def _infeasible_lines(error) -> list[str]:
    """The reasons of an InfeasibleScenario, one per line, at most MAX_REASONS."""
    items = [str(reason) for reason in error.reasons]
    lines = [f"scenario {error.name!r} is infeasible:"]
    lines += [f"  - {item}" for item in items[:MAX_REASONS]]
    if len(items) > MAX_REASONS:
        lines.append(f"  ... and {len(items) - MAX_REASONS} more")
    return lines


def _explain(error: BaseException) -> tuple[int, str]:
    """The exit code and message for an error raised by a command."""
    input_errors = (
        _Refused,
        *_loaded("elektra.inputs.config", "ScenarioError"),
        *_loaded("elektra.inputs.data", "DataError"),
        *_loaded("elektra.model.structure", "StructureError"),
        *_loaded("elektra.inputs.units", "UnitError"),
        *_loaded("elektra.outputs.output", "OutputRefused"),
        *_loaded("elektra.studies.compare", "CompareError"),
        *_loaded("elektra.studies.mca", "McaError"),
        *_loaded("elektra.studies.sweep", "SweepError"),
        *_loaded("elektra.studies.questions", "QuestionError"),
    )
    if isinstance(error, input_errors):
        return EXIT_INPUT, str(error)
    if isinstance(error, _loaded("elektra.model.pipeline", "InfeasibleScenario")):
        return EXIT_INFEASIBLE, "\n".join(_infeasible_lines(error))
    if isinstance(error, _loaded("elektra.model.solve", "SolveError")):
        termination = getattr(error, "termination", "")
        hint = (
            "; raise 'solver: {time_limit: SECONDS}' in the scenario"
            if "time" in termination
            else "; try 'solver: {method: ipm}' or check the scenario's figures"
        )
        return EXIT_SOLVER, f"the solver stopped without an optimal solution: {error}{hint}"
    if isinstance(error, _loaded("elektra.outputs.output", "OutputError")):
        return EXIT_WRITE, str(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return EXIT_WRITE, f"cannot write {where}{error.strerror or error}"
    if isinstance(error, UnicodeError):
        return EXIT_INPUT, f"a file is not UTF-8 text: {error}"
    return EXIT_INTERNAL, (
        f"internal error ({type(error).__name__}: {error}); this is a bug in elektra: run "
        "again as 'elektra --debug ...' and report the traceback"
    )


@dataclass
class _RunState:
    """What an interrupted command needs to say where it stood."""

    target: Path | None = None
    run_id: str = ""


def _finished(state: _RunState) -> bool:
    """Whether ``state.target`` holds this very run, complete."""
    if state.target is None or not state.run_id:
        return False
    from elektra.outputs.output import read_manifest

    info = read_manifest(state.target)
    return info is not None and info.get("run_id") == state.run_id


@contextmanager
def _reported(state: _RunState | None = None) -> Iterator[None]:
    """Turn any error into its message and exit code; tracebacks only with --debug."""
    try:
        yield
    except typer.Exit:
        raise
    except (KeyboardInterrupt, Terminated) as error:
        code = EXIT_TERMINATED if isinstance(error, Terminated) else EXIT_INTERRUPTED
        what = "terminated" if code == EXIT_TERMINATED else "interrupted"
        if state is not None and _finished(state):
            _say(f"{what}:", f"the run had finished; results in {state.target}/", "yellow")
        elif state is not None and state.run_id:
            _say(f"{what}:", "the run stopped; no results folder was written or changed", "red")
        else:
            _say(f"{what}.", "", "red")
        raise typer.Exit(code) from None
    except Exception as error:
        code, message = _explain(error)
        if _debug["on"]:
            traceback.print_exc()
        _say("error:", message, "red")
        raise typer.Exit(code) from None


@contextmanager
def _sigterm_as_exception() -> Iterator[None]:
    """Let SIGTERM unwind like Ctrl-C (staging folders are removed on the way out)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --------------------------------------------------------------------------- checks


def _load(scenario: Path, allow_out_of_range: bool):
    from elektra.inputs.config import load_scenario

    parsed = load_scenario(scenario)
    if allow_out_of_range:
        parsed = parsed.model_copy(update={"allow_out_of_range": True})
    return parsed


def _check_model_path(write_model: Path | None) -> None:
    """--write-model: a suffix HiGHS writes and a folder that exists."""
    if write_model is None:
        return
    if write_model.suffix.lower() not in MODEL_SUFFIXES:
        raise _Refused(
            f"--write-model {write_model}: unknown suffix {write_model.suffix or '(none)'!r}; "
            f"use {' or '.join(MODEL_SUFFIXES)}"
        )
    folder = write_model.absolute().parent
    if not folder.is_dir():
        raise _Refused(f"--write-model {write_model}: folder {folder} does not exist")
    if write_model.is_dir():
        raise _Refused(f"--write-model {write_model}: is a folder, not a file name")


def _preflight(target: Path, force: bool, write_model: Path | None) -> None:
    """What a run would refuse, checked before any solving."""
    from elektra.outputs.output import check_target, check_writable

    check_target(target, force)
    check_writable(target)
    _check_model_path(write_model)


def _check_model_written(write_model: Path | None) -> None:
    if write_model is None:
        return
    if not write_model.is_file() or write_model.stat().st_size == 0:
        from elektra.outputs.output import OutputError

        raise OutputError(f"the solver did not write the model to {write_model}")


# --------------------------------------------------------------------------- summary


def summary_tables(ds) -> list[Table]:
    """Emissions per cluster, route mix and cost of a results Dataset, as rich tables."""
    from rich.table import Table

    from elektra.outputs.indicators import route_mix_shares

    years = [int(y) for y in ds.year.values]
    shown = sorted({years[0], years[-1], *[y for y in (2030,) if y in years]})
    emissions = Table(title="Direct CO2 emissions (Mt/yr)")
    emissions.add_column("cluster")
    for y in shown:
        emissions.add_column(str(y), justify="right")
    by_cluster = ds["emissions"].sum("sector")
    for cluster in ds.cluster.values:
        emissions.add_row(
            str(cluster), *[f"{float(by_cluster.sel(cluster=cluster, year=y)):.2f}" for y in shown]
        )
    emissions.add_row(
        "total", *[f"{float(by_cluster.sel(year=y).sum()):.2f}" for y in shown], style="bold"
    )

    mix = Table(
        title=f"Route mix: share of output by route class, {shown[-1]}",
        caption="ref reference, elec electrification, H2 green hydrogen, blue blue "
        "hydrogen, bio biomethane, imp import",
    )
    shares = route_mix_shares(ds, shown[-1])
    mix.add_column("sector: service", no_wrap=True)
    for route_class in shares.columns:
        mix.add_column(SHORT_CLASS.get(route_class, route_class), justify="right", no_wrap=True)
    for label, row in shares.iterrows():
        mix.add_row(label, *[f"{100 * v:.0f}%" if v > 0.0005 else "-" for v in row])

    cost = Table(title="Net cost to industry (MEUR/yr, undiscounted)")
    cost.add_column("component")
    for y in shown:
        cost.add_column(str(y), justify="right")
    for component in ds.cost_component.values:
        row = ds["cost"].sel(cost_component=component)
        if float(abs(row).sum()) < 1e-9:
            continue
        cost.add_row(str(component), *[f"{float(row.sel(year=y)):,.0f}" for y in shown])
    cost.add_row(
        "total", *[f"{float(ds['cost'].sel(year=y).sum()):,.0f}" for y in shown], style="bold"
    )
    return [emissions, mix, cost]


def _print_summary(result, target: Path, notes: list[str], write_model: Path | None) -> None:
    from rich.console import Console

    console = Console()
    for table in summary_tables(result.results):
        console.print(table)
    for note in notes:
        typer.echo(f"note: {note}")
    if write_model:
        typer.echo(f"model written to {write_model}")
    from elektra.outputs.indicators import reading

    typer.echo(reading(result.results.attrs))
    typer.echo(
        f"objective {result.results.attrs['objective']:,.0f} MEUR (discounted to "
        f"{result.scenario.base_year}); solved in {result.timings['total']:.2f} s"
    )
    typer.echo(f"results in {target}/")


# --------------------------------------------------------------------------- commands


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"elektra {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=_show_version,
        help="Print elektra's version and exit.",
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Show the Python traceback of an error (for a bug report)."
    ),
) -> None:
    """elektra: decarbonisation routes of Dutch energy-intensive industry."""
    _debug["on"] = debug


SCENARIO = typer.Argument(..., metavar="SCENARIO", help="Scenario YAML file")
OUT = typer.Option(
    None,
    "--out",
    metavar="DIR",
    help="Results folder (default results/<name>). Refused if it holds files elektra did "
    "not write, unless --force.",
)
FORCE = typer.Option(
    False, "--force", help="Replace --out even if it holds files elektra did not write."
)
WRITE_MODEL = typer.Option(
    None, "--write-model", metavar="FILE", help="Also write the LP solved, as FILE.mps or FILE.lp"
)
ALLOW_OUT_OF_RANGE = typer.Option(
    False,
    "--allow-out-of-range",
    help="Keep values outside a parameter's plausible range, with a warning each (for "
    "deliberate stress tests); the manifest records it.",
)


@app.command(cls=_Command)
def run(
    scenario: Path = SCENARIO,
    out: Path | None = OUT,
    force: bool = FORCE,
    write_model: Path | None = WRITE_MODEL,
    extras: bool = typer.Option(True, help="Write iamc.csv, figures and report.html too"),
    sensitivity: bool = typer.Option(
        False, help="Also measure CO2 avoided per extra MEUR of each binding budget"
    ),
    allow_out_of_range: bool = ALLOW_OUT_OF_RANGE,
) -> None:
    """Solve a scenario and write its results folder."""
    state = _RunState(run_id=uuid.uuid4().hex)
    with _sigterm_as_exception(), _reported(state):
        parsed = _load(scenario, allow_out_of_range)
        target = out or Path("results") / parsed.name
        _preflight(target, force, write_model)
        from elektra.model.pipeline import run as run_scenario
        from elektra.outputs.output import write_run

        result = run_scenario(parsed, write_model=write_model, sensitivity=sensitivity)
        _check_model_written(write_model)
        for warning in result.data.warnings:
            _warn(warning)
        notes = list(getattr(result, "notes", []))  # the run's own, e.g. a policy never binds
        state.target = target
        write_run(
            result.results,
            target,
            result.timings,
            parsed.files,
            extras=extras,
            force=force,
            dataset_hash=result.data.hash,
            notes=[*result.data.warnings, *notes],
            run_id=state.run_id,
            allow_out_of_range=allow_out_of_range,
        )
        _print_summary(result, target, notes, write_model)


@app.command(cls=_Command)
def validate(
    scenario: Path = SCENARIO,
    out: Path | None = OUT,
    force: bool = FORCE,
    write_model: Path | None = WRITE_MODEL,
    allow_out_of_range: bool = ALLOW_OUT_OF_RANGE,
) -> None:
    """Check a scenario, its dataset and --out as `run` would, without solving."""
    with _reported():
        parsed = _load(scenario, allow_out_of_range)
        target = out or Path("results") / parsed.name
        _preflight(target, force, write_model)
        from elektra.model.build import build

        prepared = build(parsed)
    data, core = prepared.data, prepared.core
    for note in data.warnings:
        _warn(note)
    typer.echo(
        f"{scenario}: valid. scenario {parsed.name}, dataset {parsed.dataset} "
        f"({len(data.rows)} figures, sha256 {data.hash[:12]}), years "
        f"{parsed.years[0]}-{parsed.years[1]}, {len(core.cells)} route cells, "
        f"policies on: {', '.join(p.name for p in prepared.policies) or 'none'}; "
        f"results would go to {target}/"
    )


def _filtered_rows(loaded, parameter, sector, cluster, route):
    """The dataset's rows that apply to the filters; unknown filter values are refused.

    A row applies to a label when it names it, or leaves the dimension empty (then it
    holds for every label); a row applies to a sector through its route, too.
    """
    from elektra.inputs.parameters import PARAMETERS

    if parameter is not None and parameter not in PARAMETERS:
        raise _Refused(
            f"--parameter: unknown parameter {parameter!r}; expected one of "
            f"{', '.join(sorted(PARAMETERS))}"
        )
    rows = loaded.rows if parameter is None else loaded.rows[loaded.rows.parameter == parameter]
    route_sector = loaded.routes["sector"].to_dict()
    filters = (("sector", sector, ("sector", "route")), ("cluster", cluster, ("cluster",)))
    for dim, wanted, dims in (*filters, ("route", route, ("route",))):
        if wanted is None:
            continue
        labels = loaded.labels(dim)
        if wanted not in labels:
            raise _Refused(
                f"--{dim}: unknown {dim} {wanted!r} in dataset {loaded.name}; expected one of "
                f"{', '.join(map(str, labels))}"
            )
        if parameter is not None and not set(dims) & set(PARAMETERS[parameter].dims):
            raise _Refused(
                f"--{dim}: parameter {parameter!r} does not vary by {dim} (its dimensions: "
                f"{', '.join(PARAMETERS[parameter].dims) or 'none'})"
            )
        applies = [
            _applies(row, dim, wanted, route_sector, PARAMETERS[row.parameter].dims)
            for row in rows.itertuples(index=False)
        ]
        rows = rows[applies]
    return rows


def _applies(row, dim: str, wanted: str, route_sector: dict, dims: tuple[str, ...]) -> bool:
    if dim == "sector" and "sector" not in dims:
        dim, wanted_routes = "route", {r for r, s in route_sector.items() if s == wanted}
        return row.route in wanted_routes or (row.route == "" and "route" in dims)
    if dim not in dims:
        return False
    label = getattr(row, dim)
    return label == wanted or label == ""


@app.command(cls=_Command)
def data(
    scenario: Path = typer.Argument(
        Path("scenarios/base.yaml"), metavar="SCENARIO", help="Scenario whose dataset to list"
    ),
    parameter: str | None = typer.Option(None, metavar="NAME", help="Only this parameter"),
    sector: str | None = typer.Option(
        None, metavar="LABEL", help="Only figures for this sector (directly or via its routes)"
    ),
    cluster: str | None = typer.Option(None, metavar="LABEL", help="Only this cluster's figures"),
    route: str | None = typer.Option(None, metavar="LABEL", help="Only this route's figures"),
) -> None:
    """List every figure of a dataset with its unit and source."""
    with _reported():
        from elektra.inputs.data import load_data

        loaded = load_data(_load(scenario, allow_out_of_range=False))
        rows = _filtered_rows(loaded, parameter, sector, cluster, route)
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"dataset {loaded.name}: {len(rows)} figures")
    for column in ("parameter", "labels", "value", "unit", "estimate", "source"):
        table.add_column(column, overflow="fold")
    dims = ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
    for row in rows.itertuples(index=False):
        labels = " ".join(str(getattr(row, d)) for d in dims if getattr(row, d) != "")
        table.add_row(
            row.parameter,
            labels or "all",
            f"{row.value_as_written:g}",
            row.unit,
            row.estimate,
            row.source,
        )
    Console().print(table)
    if rows.empty:
        typer.echo("no figure matches these filters")
    elif not loaded.sources.empty:
        from elektra.inputs.data import source_ids

        cited = dict.fromkeys(i for cell in rows["source"] for i in source_ids(cell))
        sources = Table(title=f"sources ({loaded.path / 'sources.csv'})")
        for column in ("id", "citation", "link", "accessed"):
            sources.add_column(column, overflow="fold")
        for source_id in cited:
            entry = loaded.sources.loc[source_id]
            sources.add_row(source_id, entry.citation, entry.link, entry.accessed)
        Console().print(sources)


@app.command(cls=_Command)
def docs(
    out: Path = typer.Option(Path("docs"), metavar="DIR", help="Folder for the generated docs"),
) -> None:
    """Generate docs/math.md and docs/parameters.md from the code."""
    with _reported():
        from elektra.outputs.docs import write_docs

        for path in write_docs(out):
            typer.echo(f"wrote {path}")


@app.command(cls=_Command)
def validation(
    out: Path = typer.Option(
        Path("docs/validation.md"), metavar="FILE", help="Where to write the validation page"
    ),
) -> None:
    """Solve base, projection and hindcast and write docs/validation.md from them."""
    with _reported():
        from elektra.outputs.validation import write_validation

        typer.echo(f"wrote {write_validation(out)}")


@app.command(cls=_Command)
def compare(
    folders: list[Path] = typer.Argument(
        ..., metavar="RUN_DIR...", help="Results folders of elektra run; the first is the reference"
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Folder for the comparison (default results/compare_<a>_vs_<b>)"
    ),
) -> None:
    """Compare results folders: what differs in the inputs, then the results side by side."""
    with _reported():
        from rich.console import Console

        from elektra.studies.compare import compare as compare_runs
        from elektra.studies.compare import (
            default_folder,
            load_runs,
            terminal_tables,
            write_comparison,
        )

        comparison = compare_runs(load_runs(folders))
        target = out or default_folder(folders)
        write_comparison(comparison, target)
        for warning in comparison.warnings:
            _warn(warning)
        console = Console()
        for part in terminal_tables(comparison):
            console.print(part, highlight=False)
        typer.echo(f"comparison of {', '.join(comparison.labels)}")
        typer.echo(f"results in {target}/")


@app.command(cls=_Command)
def mca(
    spec: Path = typer.Argument(
        ..., metavar="SPEC", help="MCA spec YAML file (e.g. scenarios/mca_hydrogen.yaml)"
    ),
    out: Path | None = typer.Option(None, "--out", help="Results folder (default results/<name>)"),
    samples: int | None = typer.Option(None, "--samples", min=10, help="Monte Carlo draws"),
    seed: int | None = typer.Option(None, "--seed", help="Seed of the Monte Carlo draws"),
) -> None:
    """Rank options (hydrogen techniques) by weighted sum, TOPSIS and PROMETHEE II."""
    with _reported():
        from rich.console import Console

        from elektra.outputs.mca_output import terminal_tables, write_mca
        from elektra.studies.mca import load_spec, run_mca

        parsed = load_spec(spec)
        ds = run_mca(parsed, samples=samples, seed=seed)
        target = out or Path("results") / parsed.name
        write_mca(ds, target)
        console = Console()
        for table in terminal_tables(ds):
            console.print(table)
        typer.echo(
            f"weights normalised to sum 1; rank acceptability from {ds.attrs['samples']} draws "
            f"(seed {ds.attrs['seed']})"
        )
        typer.echo(f"results in {target}/")


VARY = re.compile(r"(?P<parameter>[A-Za-z0-9_]+)(\[(?P<where>[^\]]*)\])?(=(?P<range>.*))?")


def _factor(text: str):
    """``--vary PARAM[dim=label|label,...]=LOW:HIGH[:N]`` as a SweepFactor."""
    from pydantic import ValidationError

    from elektra.inputs.config import SweepFactor

    match = VARY.fullmatch(text.strip())
    if match is None:
        raise _Refused(
            f"--vary {text!r}: expected PARAM, PARAM=LOW:HIGH (a scale range), "
            "PARAM=LOW:HIGH:N (a grid of N scale factors) or PARAM[dim=label,...]=..."
        )
    where: dict = {}
    for item in filter(None, (match["where"] or "").split(",")):
        dim, _, labels = item.partition("=")
        if not labels:
            raise _Refused(f"--vary {text!r}: selection {item!r} is not dim=label")
        chosen = labels.split("|")
        where[dim.strip()] = chosen if len(chosen) > 1 else chosen[0]
    fields: dict = {"parameter": match["parameter"], "where": where}
    if match["range"]:
        numbers = match["range"].split(":")
        try:
            values = [float(n) for n in numbers]
        except ValueError:
            raise _Refused(f"--vary {text!r}: {match['range']!r} is not LOW:HIGH[:N]") from None
        if len(values) not in (2, 3) or (len(values) == 3 and not values[2].is_integer()):
            raise _Refused(f"--vary {text!r}: expected LOW:HIGH or LOW:HIGH:N (N whole)")
        fields["scale"] = (values[0], values[1])
        if len(values) == 3:
            fields["points"] = int(values[2])
    try:
        return SweepFactor(**fields)
    except ValidationError as error:
        message = error.errors()[0]["msg"].removeprefix("Value error, ")
        raise _Refused(f"--vary {text!r}: {message}") from None


def _sweep_spec(parsed, vary: list[str], samples, seed, sobol: bool):
    """The scenario's ``sweep:`` block with the command line's choices on top."""
    from pydantic import ValidationError

    from elektra.inputs.config import SweepSpec

    spec = parsed.sweep or SweepSpec()
    fields = spec.model_dump(exclude_none=True)
    if vary:
        fields["vary"] = [_factor(item) for item in vary]
    if samples is not None:
        fields["samples"] = samples
    if seed is not None:
        fields["seed"] = seed
    if sobol:
        fields["sobol"] = True
    try:
        spec = SweepSpec(**fields)
    except ValidationError as error:
        message = error.errors()[0]["msg"].removeprefix("Value error, ")
        raise _Refused(f"sweep: {message}") from None
    if not spec.vary and spec.samples is None and not spec.variants:
        raise _Refused(
            "nothing to sweep: give --vary PARAM=LOW:HIGH:N (a grid), --samples N (Monte Carlo "
            "over the dataset's ranges), or a 'sweep:' block in the scenario"
        )
    return spec


@contextmanager
def _dask_client(dask: str | None, scheduler: str | None, processes: int):
    """A Dask client: a LocalCluster (``--dask local``) or an existing scheduler."""
    if dask is None and scheduler is None:
        yield None
        return
    if dask not in (None, "local"):
        raise _Refused(f"--dask {dask!r}: the only value is 'local' (or use --scheduler ADDRESS)")
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler, timeout="20s") as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=max(1, processes),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@app.command(cls=_Command)
def sweep(
    scenario: Path = SCENARIO,
    vary: list[str] = typer.Option(
        None,
        "--vary",
        metavar="PARAM=LOW:HIGH:N",
        help="Vary a parameter: LOW:HIGH:N a grid of scale factors, LOW:HIGH a scale range "
        "for Monte Carlo, PARAM alone its data range; PARAM[route=x,year=2030]=... varies "
        "those labels only. Repeat for more factors (a grid is their product).",
    ),
    samples: int | None = typer.Option(None, "--samples", min=1, help="Monte Carlo samples"),
    seed: int | None = typer.Option(None, "--seed", min=0, help="Seed of the samples"),
    sobol: bool = typer.Option(
        False, "--sobol", help="Saltelli sampling and Sobol indices (N x (factors + 2) runs)"
    ),
    processes: int = typer.Option(1, "--processes", min=1, help="Worker processes"),
    dask: str | None = typer.Option(
        None, "--dask", metavar="local", help="Run on a local Dask cluster (--processes workers)"
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="Run on an existing Dask scheduler"
    ),
    out: Path | None = typer.Option(
        None, "--out", metavar="DIR", help="Results folder (default results/<name>_sweep)"
    ),
    force: bool = FORCE,
    extras: bool = typer.Option(True, help="Write iamc.csv, figures and sweep.html too"),
    part_size: int | None = typer.Option(
        None, "--part-size", min=1, help="Keep finished variants every N (default 200 or 30 s)"
    ),
    allow_out_of_range: bool = ALLOW_OUT_OF_RANGE,
) -> None:
    """Solve many variants of a scenario: grids, Monte Carlo, Sobol; resumes if interrupted."""
    with _sigterm_as_exception(), _reported():
        parsed = _load(scenario, allow_out_of_range)
        spec = _sweep_spec(parsed, vary or [], samples, seed, sobol)
        target = out or Path("results") / (spec.name or f"{parsed.name}_sweep")
        if dask is not None and scheduler is not None:
            raise _Refused("give --dask local or --scheduler ADDRESS, not both")
        from elektra.outputs.output import check_target, check_writable

        check_target(target, force)
        check_writable(target)
        from elektra.outputs.sweep_output import run_sweep, work_folder

        try:
            with _dask_client(dask, scheduler, processes) as client, _progress() as bar:
                result = run_sweep(
                    parsed,
                    spec,
                    target,
                    processes=1 if client is not None else processes,
                    client=client,
                    part_size=part_size,
                    force=force,
                    extras=extras,
                    origin="--vary" if vary else "",
                    on_start=bar.start,
                    on_outcome=bar.advance,
                )
        except (KeyboardInterrupt, Terminated):
            kept = len(list(work_folder(target).glob("part-*.nc")))
            _say(
                "interrupted:",
                f"finished variants kept in {work_folder(target)}/ ({kept} part files); run "
                "the same command again to resume",
                "yellow",
            )
            raise
    _print_sweep(result)


class _Bar:
    """A rich progress bar of solved variants, with variants per second and an ETA."""

    def __init__(self, progress) -> None:
        self.progress = progress
        self.task = None

    def start(self, total: int, resumed: int) -> None:
        if resumed:
            typer.echo(f"resuming: {resumed} variants finished before, {total} to solve")
        self.task = self.progress.add_task("variants", total=total)

    def advance(self, outcome) -> None:
        self.progress.advance(self.task)


@contextmanager
def _progress() -> Iterator[_Bar]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class Rate(TextColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return f"{speed:.1f} variants/s" if speed else "- variants/s"

    with Progress(
        TextColumn("solving"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(""),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield _Bar(progress)


def _print_sweep(result) -> None:
    from elektra.outputs.sweep_output import percentiles, samples, sobol_outputs, target_probability

    ds, execution = result.ds, result.execution
    plan = result.plan
    rate = execution.solved / execution.seconds if execution.seconds > 0 else 0.0
    typer.echo(
        f"sweep {ds.attrs['sweep_name']}: {ds.sizes['variant']} variants ({plan.kind}), "
        f"{len(plan.factors)} factors: {', '.join(f.label for f in plan.factors) or 'none'}"
    )
    typer.echo(
        f"solved {execution.solved} in {execution.seconds:.1f} s on {execution.workers} "
        f"({rate:.1f} variants/s); {execution.rebuilt} rebuilt (LP of another shape), "
        f"{execution.failed} without an optimum; {result.resumed} taken from before"
    )
    chosen = samples(ds)
    if chosen.sizes["variant"]:
        for name, output in sobol_outputs(chosen).items():
            bands = percentiles(output)
            units = "MEUR" if name == "objective" else "Mt/yr"
            shown = ", ".join(
                f"P{int(p)} {float(bands.sel(percentile=p)):,.2f}" for p in (5, 50, 95)
            )
            typer.echo(f"{name} ({units}): {shown}")
    probability = target_probability(ds)
    if probability is not None:
        typer.echo(
            f"probability of meeting the {ds.attrs['target_year']} target "
            f"({ds.attrs['target']:g} Mt/yr, nationally): {100 * probability:.0f} %"
        )
    if "sobol_total" in ds:
        for output in ds.output.values:
            total = ds["sobol_total"].sel(output=output).to_series().sort_values(ascending=False)
            shown = ", ".join(f"{k} {v:.2f}" for k, v in total.items())
            typer.echo(f"Sobol total of {output}: {shown}")
    for note in result.notes:
        typer.echo(f"note: {note}")
    typer.echo(f"results in {result.target}/")


@app.command(cls=_Command)
def questions(
    folder: Path = typer.Argument(
        Path("scenarios/questions"), metavar="FOLDER", help="Folder of the question files"
    ),
    out: Path = typer.Option(Path("results/questions"), "--out", help="Folder for the answers"),
    only: list[int] = typer.Option([], "--only", help="Answer only these questions (repeat)"),
    samples: int | None = typer.Option(
        None, "--samples", min=0, help="Monte Carlo draws per question (0: central values only)"
    ),
    workers: int = typer.Option(0, "--workers", min=0, help="Processes (0: one per core)"),
) -> None:
    """Answer the policy letter's questions: runs, ranges, answers.csv and report.html."""
    with _reported():
        from elektra.studies.questions import answer_questions, load_questions, write_answers

        specs = load_questions(folder, only or None)
        typer.echo(f"{len(specs)} questions; solving what is not up to date in {out}/runs ...")
        answered = answer_questions(specs, out, samples=samples, workers=workers)
        target = write_answers(answered, out)
        for item in answered:
            typer.echo(f"Q{item.spec.id} {item.spec.title}: {item.answers[0].text()}")
        typer.echo(f"results in {target}/ (answers.csv, report.html)")


if __name__ == "__main__":  # pragma: no cover
    app()
