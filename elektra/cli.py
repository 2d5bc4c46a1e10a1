"""The ``elektra`` command line: parse the flags, check them, call the study, print.

Each command reads its flags, checks everything it can before anything is solved (the
scenario, the flags, the folder it would write), calls one function of the study layers
and prints what that returns. The work lives elsewhere: the tables a run prints in
:mod:`elektra.outputs.summary`, the progress display in :mod:`elektra.outputs.progress`,
the ``--vary`` parser in :mod:`elektra.studies.sweep`, worker processes and Dask in
:mod:`elektra.studies.workers`.

One spelling for one meaning across commands: ``--out DIR`` and ``--force`` wherever a
folder is written, ``--processes N`` wherever work is spread over processes, ``--samples
N`` and ``--seed S`` wherever something is drawn at random.

Importing this module costs typer and nothing else: each command imports pandas, xarray,
pint, Pyomo or matplotlib when it runs, so ``elektra --help`` and ``--version`` answer at
once. Every error a user can cause ends in one line (an infeasible scenario: one per
conflict) that names what to fix, and in one of the exit codes of :data:`EXIT_CODES`;
``elektra --debug ...`` adds the Python traceback. ``NO_COLOR`` turns colour off.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer
from typer.core import TyperCommand

from elektra import __version__

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_SOLVER = 4
EXIT_WRITE = 5
EXIT_CLUSTER = 6
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
#: Every exit code of the command line and what it means (README and ``--help``).
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "success",
    EXIT_INTERNAL: "internal error: a bug in elektra (run again with --debug and report it)",
    EXIT_INPUT: "bad input: scenario, dataset, command-line flags, or an --out refused",
    EXIT_INFEASIBLE: "the scenario is infeasible (the conflicting limits are listed)",
    EXIT_SOLVER: "the solver stopped without an optimum (time limit, numerical trouble)",
    EXIT_WRITE: "a file could not be written (disk full, permissions); the path is named",
    EXIT_CLUSTER: "the Dask scheduler did not answer, or is not a Dask scheduler",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_TERMINATED: "terminated (SIGTERM)",
}
#: Infeasibility reasons printed before "... and N more".
MAX_REASONS = 20
MODEL_SUFFIXES = (".mps", ".lp")
#: The largest --seed: every random generator elektra uses takes a 32-bit seed.
MAX_SEED = 2**32 - 1
MAX_SAMPLES = 1_000_000

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
    """``kind message`` on stderr; ``kind`` coloured unless NO_COLOR is set."""
    prefix = kind if os.environ.get("NO_COLOR") else typer.style(kind, fg=colour, bold=True)
    typer.echo(f"{prefix} {message}".rstrip(), err=True)


def _warn(message: str) -> None:
    _say("warning:", message, "yellow")


def _loaded(module: str, name: str) -> tuple[type, ...]:
    """The class ``module.name`` if that module was imported (else nothing raised it)."""
    found = getattr(sys.modules.get(module), name, None)
    return (found,) if isinstance(found, type) else ()


def _infeasible_lines(error) -> list[str]:
    """The reasons of an InfeasibleScenario, one line per constraint (its years
    together), at most MAX_REASONS."""
    from elektra.outputs.summary import grouped_reasons

    items = grouped_reasons([str(reason) for reason in error.reasons])
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
        *_loaded("elektra.outputs.summary", "FilterError"),
        *_loaded("elektra.studies.compare", "CompareError"),
        *_loaded("elektra.studies.mca", "McaError"),
        *_loaded("elektra.studies.sweep", "SweepError"),
        *_loaded("elektra.studies.questions", "QuestionError"),
        *_loaded("elektra.studies.workers", "AddressError"),
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
    if isinstance(error, _loaded("elektra.studies.workers", "ClusterError")):
        return EXIT_CLUSTER, str(error)
    if isinstance(error, OSError):
        from elektra.outputs.output import write_failure

        return EXIT_WRITE, str(write_failure(error.filename or "a file", error))
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


def _results_in(target: Path) -> str:
    from elektra.outputs.output import shown

    return f"results in {shown(target)}/"


# --------------------------------------------------------------------------- checks


def _load(scenario: Path, allow_out_of_range: bool, allow_outside_project: bool = False):
    from elektra.inputs.config import load_scenario

    parsed = load_scenario(scenario, allow_outside_project=allow_outside_project)
    if allow_out_of_range:
        parsed = parsed.model_copy(update={"allow_out_of_range": True})
    return parsed


def _inputs(parsed) -> list:
    """What a results folder of ``parsed`` may never hold: its files and its dataset."""
    return [*parsed.files, parsed.dataset_path]


def _results_folder_holding(path: Path) -> Path | None:
    """The elektra results folder that holds ``path``, if one does."""
    from elektra.outputs.output import read_manifest

    for folder in Path(os.path.abspath(path)).parents:
        if read_manifest(folder) is not None:
            return folder
    return None


def _model_place(write_model: Path | None, target: Path) -> str | None:
    """Check --write-model before any solving; return its name inside the run's own
    folder if it goes there (it is then written with the folder and listed in the
    manifest), else None."""
    if write_model is None:
        return None
    if write_model.suffix.lower() not in MODEL_SUFFIXES:
        raise _Refused(
            f"--write-model {write_model}: unknown suffix {write_model.suffix or '(none)'!r}; "
            f"use {' or '.join(MODEL_SUFFIXES)}"
        )
    if write_model.is_dir():
        raise _Refused(f"--write-model {write_model}: is a folder, not a file name")
    model = Path(os.path.realpath(write_model))
    own = Path(os.path.realpath(target))
    if own in model.parents:
        return model.relative_to(own).as_posix()
    folder = write_model.absolute().parent
    if not folder.is_dir():
        raise _Refused(f"--write-model {write_model}: folder {folder} does not exist")
    other = _results_folder_holding(write_model)
    if other is not None:
        raise _Refused(
            f"--write-model {write_model}: inside {other}, the results folder of another "
            "run, which that run replaces whole; write the model elsewhere, or into this "
            f"run's own folder ({target}/)"
        )
    return None


def _preflight(parsed, target: Path, force: bool, write_model: Path | None) -> str | None:
    """What a run would refuse, checked before any solving; the model's name in the run
    folder, if it goes there."""
    from elektra.outputs.output import check_target, check_writable

    check_target(target, force, _inputs(parsed))
    check_writable(target)
    return _model_place(write_model, target)


def _check_model_written(path: Path | None, shown_as: Path | None) -> None:
    if path is None:
        return
    if not path.is_file() or path.stat().st_size == 0:
        from elektra.outputs.output import OutputError

        raise OutputError(f"the solver did not write the model to {shown_as}")


# --------------------------------------------------------------------------- options


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
    "not write, unless --force; never one holding the project or the current folder.",
)
FORCE = typer.Option(
    False,
    "--force",
    help="Replace --out even if it holds files elektra did not write (never a folder "
    "holding the project, the scenario, your home or the current folder).",
)
WRITE_MODEL = typer.Option(
    None,
    "--write-model",
    metavar="FILE",
    help="Also write the settled LP, as FILE.mps or FILE.lp (inside --out: kept with the run)",
)
ALLOW_OUT_OF_RANGE = typer.Option(
    False,
    "--allow-out-of-range",
    help="Keep values outside a parameter's plausible range, with a warning each (for "
    "deliberate stress tests); the manifest records it.",
)
ALLOW_OUTSIDE = typer.Option(
    False,
    "--allow-outside-project",
    help="Let 'extends:' and 'dataset:' lead outside the scenario's project and folder.",
)


def _seed(help_text: str = "Seed of the random draws"):
    return typer.Option(None, "--seed", min=0, max=MAX_SEED, metavar="S", help=help_text)


def _samples(minimum: int, help_text: str):
    return typer.Option(
        None, "--samples", min=minimum, max=MAX_SAMPLES, metavar="N", help=help_text
    )


def _processes(default: int):
    return typer.Option(
        default,
        "--processes",
        min=0,
        max=1024,
        metavar="N",
        help="Worker processes (0: one per core)",
    )


def _cores(processes: int) -> int:
    return processes or os.cpu_count() or 1


# --------------------------------------------------------------------------- commands


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
    allow_outside_project: bool = ALLOW_OUTSIDE,
) -> None:
    """Solve a scenario and write its results folder."""
    state = _RunState(run_id=uuid.uuid4().hex)
    with _sigterm_as_exception(), _reported(state), tempfile.TemporaryDirectory() as scratch:
        parsed = _load(scenario, allow_out_of_range, allow_outside_project)
        target = out or Path("results") / parsed.name
        inside = _preflight(parsed, target, force, write_model)
        model_file = Path(scratch) / f"model{write_model.suffix}" if inside else write_model
        from elektra.model.pipeline import run as run_scenario
        from elektra.outputs.output import write_run

        result = run_scenario(parsed, write_model=model_file, sensitivity=sensitivity)
        _check_model_written(model_file, write_model)
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
            attach={inside: model_file} if inside else None,
            protect=[parsed.dataset_path],
        )
        _print_summary(result, target, notes, write_model)


def _print_summary(result, target: Path, notes: list[str], write_model: Path | None) -> None:
    from rich.console import Console

    from elektra.outputs.summary import summary_tables

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
    typer.echo(_results_in(target))


@app.command(cls=_Command)
def validate(
    scenario: Path = SCENARIO,
    out: Path | None = OUT,
    force: bool = FORCE,
    write_model: Path | None = WRITE_MODEL,
    allow_out_of_range: bool = ALLOW_OUT_OF_RANGE,
    allow_outside_project: bool = ALLOW_OUTSIDE,
) -> None:
    """Check a scenario, its dataset and --out as `run` would, without solving."""
    with _reported():
        parsed = _load(scenario, allow_out_of_range, allow_outside_project)
        target = out or Path("results") / parsed.name
        _preflight(parsed, target, force, write_model)
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
    allow_outside_project: bool = ALLOW_OUTSIDE,
) -> None:
    """List every figure of a dataset with its unit and source."""
    with _reported():
        from elektra.inputs.data import load_data
        from elektra.outputs.summary import data_table, filtered_rows, sources_table

        loaded = load_data(_load(scenario, False, allow_outside_project))
        rows = filtered_rows(loaded, parameter, sector, cluster, route)
    from rich.console import Console

    Console().print(data_table(loaded, rows))
    if rows.empty:
        typer.echo("no figure matches these filters")
    sources = sources_table(loaded, rows)
    if sources is not None:
        Console().print(sources)


@app.command(cls=_Command)
def docs(
    out: Path = typer.Option(Path("docs"), metavar="DIR", help="Folder for the generated docs"),
) -> None:
    """Generate docs/math.md, parameters.md, data.md and results.md from the code and data."""
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
        None,
        "--out",
        metavar="DIR",
        help="Folder for the comparison (default results/compare_<a>_vs_<b>)",
    ),
    force: bool = FORCE,
) -> None:
    """Compare results folders: what differs in the inputs, then the results side by side."""
    with _reported():
        from rich.console import Console

        from elektra.outputs.output import check_target, check_writable
        from elektra.studies.compare import compare as compare_runs
        from elektra.studies.compare import (
            default_folder,
            load_runs,
            terminal_tables,
            write_comparison,
        )

        runs = load_runs(folders)
        target = out or default_folder(folders)
        check_target(target, force, folders)
        check_writable(target)
        comparison = compare_runs(runs)
        write_comparison(comparison, target, force=force)
        for warning in comparison.warnings:
            _warn(warning)
        console = Console()
        for part in terminal_tables(comparison):
            console.print(part, highlight=False)
        typer.echo(f"comparison of {', '.join(comparison.labels)}")
        typer.echo(_results_in(target))


@app.command(cls=_Command)
def mca(
    spec: Path = typer.Argument(
        ..., metavar="SPEC", help="MCA spec YAML file (e.g. scenarios/mca_hydrogen.yaml)"
    ),
    out: Path | None = OUT,
    force: bool = FORCE,
    samples: int | None = _samples(10, "Monte Carlo draws of the rank acceptability"),
    seed: int | None = _seed("Seed of the Monte Carlo draws"),
) -> None:
    """Rank options (hydrogen techniques) by weighted sum, TOPSIS and PROMETHEE II."""
    with _reported():
        from rich.console import Console

        from elektra.outputs.mca_output import terminal_tables, write_mca
        from elektra.outputs.output import check_target, check_writable
        from elektra.outputs.progress import progress_display
        from elektra.studies.mca import load_spec, run_mca

        parsed = load_spec(spec)
        target = out or Path("results") / parsed.name
        check_target(target, force, [spec])
        check_writable(target)
        with progress_display() as display:
            ds = run_mca(parsed, samples=samples, seed=seed, progress=display)
        write_mca(ds, target, force=force, protect=[spec])
        console = Console()
        for table in terminal_tables(ds):
            console.print(table)
        typer.echo(
            f"weights normalised to sum 1; rank acceptability from {ds.attrs['samples']} draws "
            f"(seed {ds.attrs['seed']})"
        )
        typer.echo(_results_in(target))


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
    samples: int | None = _samples(1, "Monte Carlo samples"),
    seed: int | None = _seed("Seed of the samples"),
    sobol: bool = typer.Option(
        False, "--sobol", help="Saltelli sampling and Sobol indices (N x (factors + 2) runs)"
    ),
    processes: int = _processes(1),
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
        None,
        "--part-size",
        min=1,
        max=MAX_SAMPLES,
        metavar="N",
        help="Keep finished variants every N (default 200 or 30 s)",
    ),
    allow_out_of_range: bool = ALLOW_OUT_OF_RANGE,
    allow_outside_project: bool = ALLOW_OUTSIDE,
) -> None:
    """Solve many variants of a scenario: grids, Monte Carlo, Sobol; resumes if interrupted."""
    with _sigterm_as_exception(), _reported():
        from elektra.studies.sweep import command_line_spec
        from elektra.studies.workers import check_address

        if dask not in (None, "local"):
            raise _Refused(
                f"--dask {dask!r}: the only value is 'local' (or use --scheduler ADDRESS)"
            )
        if dask is not None and scheduler is not None:
            raise _Refused("give --dask local or --scheduler ADDRESS, not both")
        if scheduler is not None:
            check_address(scheduler)
        parsed = _load(scenario, allow_out_of_range, allow_outside_project)
        spec = command_line_spec(parsed.sweep, vary or [], samples, seed, sobol)
        target = out or Path("results") / (spec.name or f"{parsed.name}_sweep")
        from elektra.outputs.output import check_target, check_writable

        check_target(target, force, _inputs(parsed))
        check_writable(target)
        from elektra.outputs.sweep_output import plan_sweep, work_folder

        origin = "--vary" if vary else ""
        planned = plan_sweep(parsed, spec, origin)
        try:
            result = _solve_sweep(
                parsed,
                spec,
                target,
                planned,
                origin=origin,
                processes=processes,
                local=dask == "local",
                scheduler=scheduler,
                part_size=part_size,
                force=force,
                extras=extras,
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
    from elektra.outputs.summary import sweep_lines

    for line in sweep_lines(result):
        typer.echo(line)
    typer.echo(_results_in(result.target))


def _solve_sweep(parsed, spec, target, planned, *, origin, processes, local, scheduler, **options):
    """Start the workers (a pool or Dask) and solve the planned sweep with a progress bar;
    ``options``: part_size, force, extras of :func:`run_sweep`."""
    from elektra.outputs.progress import progress_display
    from elektra.outputs.sweep_output import run_sweep
    from elektra.studies.workers import dask_client

    workers = _cores(processes)
    with (
        dask_client(local, scheduler, workers) as client,
        progress_display() as display,
    ):

        def started(total: int, resumed: int) -> None:
            if resumed:
                typer.echo(f"resuming: {resumed} variants finished before, {total} to solve")
            display.start("solving", total, "variants")

        return run_sweep(
            parsed,
            spec,
            target,
            processes=1 if client is not None else workers,
            client=client,
            origin=origin,
            on_start=started,
            on_outcome=lambda outcome: display.advance(),
            planned=planned,
            **options,
        )


@app.command(cls=_Command)
def questions(
    folder: Path = typer.Argument(
        Path("scenarios/questions"),
        metavar="FOLDER",
        help="Folder of the question files (or one question file)",
    ),
    out: Path = typer.Option(
        Path("results/questions"), "--out", metavar="DIR", help="Folder for the answers"
    ),
    force: bool = typer.Option(
        False, "--force", help="Write into --out even if it holds files that are not answers"
    ),
    only: list[int] = typer.Option(
        [], "--only", metavar="ID", help="Answer only these questions (repeat)"
    ),
    samples: int | None = typer.Option(
        None,
        "--samples",
        min=0,
        max=MAX_SAMPLES,
        metavar="N",
        help="Monte Carlo draws per question (0: central values only)",
    ),
    seed: int | None = _seed("Seed of every question's draws (default: each file's own)"),
    processes: int = _processes(0),
) -> None:
    """Answer the policy letter's questions: runs, ranges, answers.csv and report.html."""
    with _sigterm_as_exception(), _reported():
        from elektra.outputs.progress import progress_display
        from elektra.studies.questions import (
            answer_questions,
            check_output,
            load_questions,
            write_answers,
        )

        specs = load_questions(folder, only or None)
        check_output(out, force, [folder])
        typer.echo(f"{len(specs)} questions; solving what is not up to date in {out}/runs ...")
        notes: list[str] = []
        with progress_display() as display:
            answered = answer_questions(
                specs,
                out,
                samples=samples,
                workers=processes,
                seed=seed,
                display=display,
                notes=notes,
            )
        target = write_answers(answered, out)
        for item in answered:
            typer.echo(f"Q{item.spec.id} {item.spec.title}: {item.answers[0].text()}")
        for note in notes:
            typer.echo(f"note: {note}")
        typer.echo(f"{_results_in(target)} (answers.csv, report.html)")


if __name__ == "__main__":  # pragma: no cover
    app()
