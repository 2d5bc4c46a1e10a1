"""The letter's questions: every scenario validates, answers are recomputed independently,
the report renders in a browser and shows the numbers of answers.csv."""

from __future__ import annotations

import re
import shutil

import highspy
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from elektra.inputs.config import load_scenario
from elektra.model.pipeline import run
from elektra.outputs import netcdf
from elektra.studies.questions import (
    QuestionError,
    answer_questions,
    load_question,
    load_questions,
    scenario_path,
    write_answers,
)
from tests.chromium import chromium, render
from tests.conftest import ROOT

FOLDER = ROOT / "scenarios" / "questions"
#: Questions answered in full here (central values); others are validated only.
ANSWERED = (3, 9, 11, 12)


@pytest.fixture(scope="module")
def answered(tmp_path_factory):
    output = tmp_path_factory.mktemp("questions")
    specs = load_questions(FOLDER, ANSWERED)
    items = answer_questions(specs, output, samples=0, workers=1)
    write_answers(items, output)
    return output, items


def _scenario_paths(ids=None) -> set:
    return {
        scenario_path(spec, name)
        for spec in load_questions(FOLDER, ids)
        for name in [spec.reference, *spec.variants.values()]
    }


#: Scenarios of the questions not answered in full here (those are solved by `answered`).
SOLVED_HERE = sorted(_scenario_paths() - _scenario_paths(ANSWERED))


def test_every_question_names_scenarios_that_exist():
    specs = load_questions(FOLDER)
    assert len(specs) == 12
    for path in _scenario_paths():
        assert path.is_file(), path


@pytest.mark.parametrize("path", SOLVED_HERE, ids=lambda p: p.stem)
def test_every_question_scenario_solves_on_the_bundled_data(path):
    """Each scenario a question names (beyond those answered in full below) loads its
    data, builds and solves to optimality on the bundled dataset."""
    results = run(load_scenario(path)).results
    assert results.attrs["termination_condition"] == "optimal", path
    emissions = results["emissions"].sum(["sector", "cluster"])
    assert np.isfinite(emissions).all() and float(emissions.min()) > 0, path


def _stored(output, name):
    """The results of one stored run, read straight from its NetCDF file."""
    return netcdf.read(output / "runs" / name / "results.nc")


def _national_emissions(ds: xr.Dataset) -> xr.DataArray:
    """Direct CO2 after capture per year, worked out from the activity and the inputs the
    results file holds (docs/math.md: e = ((1 - solid carbon) sum_k input x factor +
    process) x (1 - capture)), not read from the results' own emissions."""
    burnt = (ds["input_input"] * ds["input_emission_factor"]).sum("carrier")
    gross = burnt * (1 - ds["input_solid_carbon_share"]) + ds["input_process_emissions"]
    net = gross * (1 - ds["input_capture_rate"])
    return (ds["activity"] * net).sum(["sector", "cluster", "route"])


def _brackets(model_path, rows, step: float) -> dict[str, tuple[float, float]]:
    """The marginal value of one more unit of each limit row (<=) of a settled LP,
    bracketed by finite differences on the written model, in discounted MEUR per unit:
    relaxing the limit by ``step`` saves at most the dual, tightening it costs at least
    the dual."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.readModel(str(model_path))
    highs.run()
    base = highs.getInfo().objective_function_value
    found = {}
    for row in rows:
        _status, index = highs.getRowByName(row)
        lower, upper = highs.getLp().row_lower_[index], highs.getLp().row_upper_[index]
        moved = []
        for delta in (step, -step):
            highs.changeRowBounds(index, lower, upper + delta)
            highs.run()
            assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal, row
            moved.append(highs.getInfo().objective_function_value)
        highs.changeRowBounds(index, lower, upper)
        found[row] = ((base - moved[0]) / step, (moved[1] - base) / step)
    return found


def _within(value: float, bracket: tuple[float, float]) -> bool:
    low, high = bracket
    slack = 1e-6 * max(1.0, abs(high))
    return low - slack <= value <= high + slack


def test_answers_are_recomputed_independently(answered, base_written, tmp_path):
    """Answers recomputed from the runs' NetCDF files with plain xarray arithmetic (the
    emissions from activity and inputs), and the duals an answer quotes checked against
    finite differences on the written settled LP: raising the limit by a small step saves
    at most the dual, lowering it costs at least the dual (in money of the year, the
    objective's discounting taken out)."""
    output, items = answered
    by_id = {item.spec.id: item for item in items}
    base_run, base_model = base_written
    base = base_run.results
    rate = float(base["input_discount_rate"])
    discount = {y: (1 + rate) ** -(y - base_run.scenario.base_year) for y in (2030, 2031)}
    stored_base = _stored(output, "base")
    assert stored_base.attrs["objective"] == pytest.approx(base.attrs["objective"], rel=1e-9)

    chemelot = _stored(output, "chemelot_380kv_2034")
    q3 = {a.label: a.value for a in by_id[3].answers}
    assert q3["cost of the one-year slip of Chemelot's station (discounted, 2025-2035)"] == (
        pytest.approx(chemelot.attrs["objective"] - base.attrs["objective"], abs=1e-6)
    )
    mw = q3["highest value of one more MW of connection, any cluster, 2030 (base)"]
    grid = _brackets(base_model, [f"grid_limit({c},2030)" for c in base.cluster.values], 1.0)
    per_mw = {row: (low * 1e6 / discount[2030], high * 1e6 / discount[2030])  # EUR/MW/yr
              for row, (low, high) in grid.items()}  # fmt: skip
    assert any(_within(mw, bracket) for bracket in per_mw.values()), (mw, per_mw)
    assert all(low <= mw * (1 + 1e-6) for low, _high in per_mw.values())  # none worth more
    assert mw > 1e4

    steep = _stored(output, "ets_steep")
    q9 = {a.label: a.value for a in by_id[9].answers}
    assert q9["2035 emissions, steep minus base price path"] == pytest.approx(
        float(_national_emissions(steep).sel(year=2035) - _national_emissions(base).sel(year=2035)),
        abs=1e-6,
    )

    q11 = {a.label: a.value for a in by_id[11].answers}
    late, late_model = _written(by_id[11].spec, "aramis_late", tmp_path)
    assert late.attrs["objective"] == pytest.approx(
        _stored(output, "aramis_slips").attrs["objective"], rel=1e-9
    )
    for label, model in (
        ("value of one more tonne of storage in 2031, Aramis two years late", late_model),
        ("value of one more tonne of storage in 2031, Aramis on time", base_model),
    ):
        ((low, high),) = _brackets(model, ["co2_storage_limit(2031)"], 0.01).values()
        assert _within(q11[label], (low / discount[2031], high / discount[2031])), label
    # (on the audited data Aramis starts in 2031 and storage may not bind then: the value is
    # what the bracket says, zero included)
    assert q11["value of one more tonne of storage in 2031, Aramis two years late"] >= 0.0
    assert q11["2031 emissions, Aramis late minus on time"] == pytest.approx(
        float(_national_emissions(late).sel(year=2031) - _national_emissions(base).sel(year=2031)),
        abs=1e-6,
    )

    q12 = {a.label: a.value for a in by_id[12].answers}
    target, target_model = _written(by_id[12].spec, "target", tmp_path)
    ((low, high),) = _brackets(target_model, ["emission_cap(2030)"], 0.01).values()
    price = q12["CO2 price the 2030 target implies on top of the ETS"]
    assert _within(price, (low / discount[2030], high / discount[2030])) and price > 1.0
    mt_imports = [
        r
        for r, c, u in zip(
            target.route.values, target.route_class.values, target.output_unit.values
        )
        if c == "import" and u == "Mt"
    ]
    extra = float(
        target["activity"].sel(route=mt_imports, year=2030).sum()
        - base["activity"].sel(route=mt_imports, year=2030).sum()
    )
    label = "extra imports of products (Mt/yr of imported steel, ammonia, HVC), 2030"
    assert q12[label] == pytest.approx(extra, abs=1e-9)


def _written(spec, variant: str, folder):
    """A question's variant solved again with its settled LP written: results and model."""
    model = folder / f"{variant}.mps"
    result = run(load_scenario(scenario_path(spec, spec.variants[variant])), write_model=model)
    return result.results, model


def test_answers_csv_has_every_answer_with_unit(answered):
    output, items = answered
    table = pd.read_csv(output / "answers.csv")
    assert set(table["question"]) == set(ANSWERED)
    assert len(table) == sum(len(item.answers) for item in items)
    assert table["unit"].notna().all()


def test_report_shows_the_numbers_of_answers_csv(answered):
    output, items = answered
    page = (output / "report.html").read_text(encoding="utf-8")
    assert 'id="key-messages"' in page
    assert "http://" not in page and "https://" not in page  # self-contained
    for item in items:
        assert f'id="q{item.spec.id}"' in page
        for answer in item.answers:
            assert answer.text() in page, answer.label
    table = pd.read_csv(output / "answers.csv")
    for row in table.itertuples():
        shown = f"{row.value:,.0f}"  # the integer part appears whatever the digits
        assert shown.lstrip("-") in page


@pytest.mark.skipif(chromium() is None, reason="headless Chromium is not installed here")
@pytest.mark.parametrize("width", [1280, 1000])
def test_report_renders_in_headless_chromium_with_the_key_messages_visible(
    answered, tmp_path, width
):
    """Chromium renders the page without console errors and no table is wider than the
    page; in the screenshot the key-messages table (its light blue background, #f7fbff)
    fills a band near the top of the page."""
    from matplotlib.image import imread

    output, _items = answered
    rendered = render(output / "report.html", tmp_path, width=width)
    assert not [c for c in rendered.console if re.search(r"error|uncaught", c, re.I)]
    assert rendered.scroll <= rendered.page
    assert rendered.too_wide() == []
    image = imread(rendered.screenshot)[:, :, :3]
    target = np.array([0xF7, 0xFB, 0xFF]) / 255
    matches = np.all(np.abs(image - target) < 2 / 255, axis=2)
    rows = np.nonzero(matches.sum(axis=1) > 0.5 * image.shape[1] * 0.5)[0]
    assert rows.size > 20, "the key-messages table is not visible in the first screen"
    assert rows.min() < 700


def test_stored_runs_are_reused_when_scenario_and_data_are_unchanged(answered):
    output, _items = answered
    solved = []
    answer_questions(
        load_questions(FOLDER, ANSWERED), output, samples=0, workers=1, progress=solved.append
    )
    assert solved == []


TOY_QUESTION = """
id: 1
title: The toy's ETS price
question: How much does the toy emit less in 2027 when heat pumps may serve 80 % of heat?
reference: {toy}
variants:
  higher: higher.yaml
answers:
  - label: 2027 emissions, 80 % minus 60 % heat-pump potential
    indicator: emissions_change
    args: {{year: 2027}}
    unit: Mt/yr
uncertainty:
  samples: 4
  vary:
    - parameter: price
      where: {{carrier: electricity}}
      low: 0.5
      high: 3.0
      reason: a test range
figure:
  kind: answer_range
mechanism: a test
caveats: [a test]
"""


def test_a_monte_carlo_gives_a_range_around_the_central_value(tmp_path):
    """Four Latin-hypercube draws of a toy question: the range is the 5th to 95th
    percentile of the draws, and the draws differ. Heat pumps cost 7.5 f + 4 MEUR/PJ at
    electricity price factor f against 22 for gas in 2027: above f = 2.4 none is built,
    so the extra 20 % of potential saves 3 PJ x 0.055 = 0.165 Mt per cluster-year or
    nothing, depending on the draw."""
    toy = ROOT / "scenarios" / "toy.yaml"
    (tmp_path / "q01.yaml").write_text(TOY_QUESTION.format(toy=toy))
    (tmp_path / "higher.yaml").write_text(
        f"name: higher\nextends: {toy}\nparameters:\n  potential:\n"
        "    - where: {route: food_heat_pump}\n      value: 0.8\n"
    )
    spec = load_question(tmp_path / "q01.yaml")
    (item,) = answer_questions([spec], tmp_path / "out", workers=1)
    answer = item.answers[0]
    values = [draw[answer.label] for draw in item.draws]
    assert answer.samples == 4 and len(values) == 4
    assert answer.low == pytest.approx(np.percentile(values, 5))
    assert answer.high == pytest.approx(np.percentile(values, 95))
    assert min(values) <= answer.low <= answer.high <= max(values)
    assert len({round(v, 9) for v in values}) > 1
    write_answers([item], tmp_path / "out")
    assert (tmp_path / "out" / "figures" / "q01.png").is_file()


def test_bad_question_files_name_file_and_key(tmp_path):
    good = (FOLDER / "q11_co2_storage.yaml").read_text()
    folder = tmp_path / "questions"
    shutil.copytree(FOLDER / "scenarios", folder / "scenarios")
    shutil.copy(ROOT / "scenarios" / "base.yaml", tmp_path / "base.yaml")
    cases = {
        "indicator: dual\n": ("indicator: no_such_thing\n", "unknown indicator 'no_such_thing'"),
        "reference: ../base.yaml": (
            "reference: ../missing.yaml",
            "scenario '../missing.yaml' not found",
        ),
        "title: CO2 storage": ("titel: CO2 storage", "titel"),
    }
    for old, (new, expected) in cases.items():
        path = folder / "q99.yaml"
        path.write_text(good.replace(old, new, 1))
        with pytest.raises(QuestionError) as error:
            load_question(path)
        assert "q99.yaml" in str(error.value) and expected in str(error.value)
