"""The ``elektra`` command line: run, validate, data, docs."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from elektra.config import ScenarioError, load_scenario
from elektra.data import DataError
from elektra.indicators import route_mix_shares
from elektra.structure import StructureError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="elektra: decarbonisation routes of Dutch energy-intensive industry.",
)
console = Console()
errors = Console(stderr=True)

INPUT_ERRORS = (ScenarioError, DataError, StructureError)
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


def _fail(message: str, code: int = 2) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def summary_tables(ds) -> list[Table]:
    """Emissions per cluster, route mix and cost of a results Dataset, as rich tables."""
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


@app.command()
def run(
    scenario: Path = typer.Argument(..., help="Scenario YAML file"),
    out: Path | None = typer.Option(None, "--out", help="Results folder (default results/<name>)"),
    write_model: Path | None = typer.Option(
        None, "--write-model", help="Also write the LP solved, as .mps or .lp"
    ),
    extras: bool = typer.Option(True, help="Write iamc.csv, figures and report.html too"),
    sensitivity: bool = typer.Option(
        False, help="Also measure CO2 avoided per extra MEUR of each binding budget"
    ),
) -> None:
    """Solve a scenario and write its results folder."""
    from elektra.output import write_run
    from elektra.pipeline import InfeasibleScenario
    from elektra.pipeline import run as run_scenario

    try:
        result = run_scenario(scenario, write_model=write_model, sensitivity=sensitivity)
    except INPUT_ERRORS as error:
        _fail(str(error))
    except InfeasibleScenario as error:
        _fail(str(error), code=3)
    target = out or Path("results") / result.scenario.name
    write_run(result.results, target, result.timings, result.scenario.files, extras=extras)
    for table in summary_tables(result.results):
        console.print(table)
    console.print(
        f"objective {result.results.attrs['objective']:,.0f} MEUR (discounted to "
        f"{result.scenario.base_year}); solved in {result.timings['total']:.2f} s; "
        f"results in {target}/"
    )
    if write_model:
        console.print(f"model written to {write_model}")


@app.command()
def validate(scenario: Path = typer.Argument(..., help="Scenario YAML file")) -> None:
    """Check a scenario and its dataset without solving."""
    from elektra.pipeline import prepare

    try:
        parsed = load_scenario(scenario)
        prepared = prepare(parsed)
    except INPUT_ERRORS as error:
        _fail(str(error))
    core = prepared.core
    console.print(
        f"{scenario}: valid. dataset {parsed.dataset} ({len(prepared.data.rows)} figures), years "
        f"{parsed.years[0]}-{parsed.years[1]}, {len(core.cells)} route cells, "
        f"{len(core.activity_index) + len(core.build_index)} core variables."
    )


@app.command()
def data(
    scenario: Path = typer.Argument(
        Path("scenarios/base.yaml"), help="Scenario whose dataset to list"
    ),
    parameter: str | None = typer.Option(None, help="Only this parameter"),
    sector: str | None = typer.Option(None, help="Only rows of this sector"),
    cluster: str | None = typer.Option(None, help="Only rows of this cluster"),
    route: str | None = typer.Option(None, help="Only rows of this route"),
) -> None:
    """List every figure of a dataset with its unit and source."""
    from elektra.data import load_data

    try:
        loaded = load_data(load_scenario(scenario))
    except INPUT_ERRORS as error:
        _fail(str(error))
    rows = loaded.rows
    for column, wanted in (
        ("parameter", parameter),
        ("sector", sector),
        ("cluster", cluster),
        ("route", route),
    ):
        if wanted:
            rows = rows[rows[column] == wanted]
    table = Table(title=f"dataset {loaded.name}: {len(rows)} figures")
    for column in ("parameter", "labels", "value", "unit", "estimate", "source"):
        table.add_column(column, overflow="fold")
    dims = ("sector", "cluster", "service", "route", "year", "carrier", "instrument")
    for row in rows.itertuples(index=False):
        labels = " ".join(str(getattr(row, d)) for d in dims if getattr(row, d) != "")
        table.add_row(row.parameter, labels, f"{row.value:g}", row.unit, row.estimate, row.source)
    console.print(table)


@app.command()
def docs(out: Path = typer.Option(Path("docs"), help="Folder for the generated docs")) -> None:
    """Generate docs/math.md and docs/parameters.md from the code."""
    from elektra.docs import write_docs

    for path in write_docs(out):
        console.print(f"wrote {path}")


@app.command()
def compare(
    folders: list[Path] = typer.Argument(
        ..., metavar="RUN_DIR...", help="Results folders of elektra run; the first is the reference"
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Folder for the comparison (default results/compare_<a>_vs_<b>)"
    ),
) -> None:
    """Compare results folders: what differs in the inputs, then the results side by side."""
    from elektra.compare import (
        CompareError,
        default_folder,
        load_runs,
        terminal_tables,
        write_comparison,
    )
    from elektra.compare import compare as compare_runs

    try:
        comparison = compare_runs(load_runs(folders))
    except CompareError as error:
        _fail(str(error))
    target = write_comparison(comparison, out or default_folder(folders))
    for warning in comparison.warnings:
        errors.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    for part in terminal_tables(comparison):
        console.print(part, highlight=False)
    console.print(f"comparison of {', '.join(comparison.labels)} in {target}/")


@app.command()
def mca(
    spec: Path = typer.Argument(..., help="MCA spec YAML file (e.g. scenarios/mca_hydrogen.yaml)"),
    out: Path | None = typer.Option(None, "--out", help="Results folder (default results/<name>)"),
    samples: int | None = typer.Option(None, "--samples", min=10, help="Monte Carlo draws"),
    seed: int | None = typer.Option(None, "--seed", help="Seed of the Monte Carlo draws"),
) -> None:
    """Rank options (hydrogen techniques) by weighted sum, TOPSIS and PROMETHEE II."""
    from elektra.mca import McaError, load_spec, run_mca
    from elektra.mca_output import terminal_tables, write_mca
    from elektra.pipeline import InfeasibleScenario

    try:
        parsed = load_spec(spec)
        ds = run_mca(parsed, samples=samples, seed=seed)
    except (McaError, *INPUT_ERRORS) as error:
        _fail(str(error))
    except InfeasibleScenario as error:
        _fail(str(error), code=3)
    target = out or Path("results") / parsed.name
    write_mca(ds, target)
    for table in terminal_tables(ds):
        console.print(table)
    console.print(
        f"weights normalised to sum 1; rank acceptability from {ds.attrs['samples']} draws "
        f"(seed {ds.attrs['seed']}); results in {target}/"
    )


if __name__ == "__main__":  # pragma: no cover
    app()
