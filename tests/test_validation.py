"""The projection reading and the validation page (issue 17).

- docs/validation.md is what the model gives: the page regenerated from fresh runs of base,
  projection and hindcast equals the committed one (run `elektra validation` after a change
  that moves them);
- the hindcast's error per sector group does not grow: each group's mean error may move
  within one percentage point of its stored value (tests/regression/hindcast_errors.json,
  re-recorded by `make regression` with a reason) or shrink, never grow beyond that;
- the projection keeps what its data say: nothing with a lead time comes online before the
  lead time has passed unless it was decided (committed_build), and the committed projects
  are built; its results and report say it is a projection.
"""

from __future__ import annotations

import json

import pytest

from elektra.outputs.indicators import reading
from elektra.outputs.report import write_report
from elektra.outputs.validation import (
    PAGE,
    SCORED,
    Published,
    hindcast_errors,
    validation_figures,
    validation_page,
)
from tests.conftest import ROOT
from tests.regression_store import HINDCAST_ERRORS

#: How far a group's mean hindcast error may move before the test fails: a data change that
#: moves the base year by a few tenths of a Mt moves a group's error by well under this.
MARGIN = 0.01


@pytest.fixture(scope="module")
def published():
    return Published.read(ROOT / "data" / "nl")


def test_committed_validation_page_is_what_the_model_gives(
    base_run, projection_run, hindcast_run, published
):
    figures = validation_figures(
        base_run.results, projection_run.results, hindcast_run.results, published
    )
    assert PAGE.read_text() == validation_page(figures), "run `elektra validation`"


def test_hindcast_error_per_sector_does_not_grow(hindcast_run, published):
    stored = json.loads(HINDCAST_ERRORS.read_text())
    current = hindcast_errors(hindcast_run.results, published)
    assert tuple(current) == tuple(stored) == SCORED
    for group, error in current.items():
        assert abs(error) <= abs(stored[group]) + MARGIN, (group, error, stored[group])


def test_hindcast_runs_2022_to_2024_on_realised_prices(hindcast_run):
    """The hindcast's ETS price is the realised one, deflated to 2024 euros: 2024's 64.76
    EUR/t is already in 2024 euros; 2022's 80.82 is worth 80.82 x 1.038 x 1.033 (CBS CPI
    2023 and 2024) = 86.66 in 2024 euros."""
    ds = hindcast_run.results
    assert [int(y) for y in ds.year.values] == [2022, 2023, 2024]
    price = ds["input_ets_price"]
    assert float(price.sel(year=2024)) == pytest.approx(64.76, rel=1e-6)
    assert float(price.sel(year=2022)) == pytest.approx(80.82 * 1.038 * 1.033, rel=2e-3)
    assert ds.attrs["reading"] == "projection"


def test_projection_builds_nothing_before_its_lead_time_but_the_committed(projection_run):
    """For every route and cluster, new capacity in a year before the first year plus the
    route's lead time is at most what the data commit; Holland Hydrogen 1 (3.91 PJ/yr in
    2026) and Porthos capture at the Rotterdam SMRs (19.24 PJ/yr in 2026) are built."""
    ds = projection_run.results
    lead = ds["input_lead_time"]
    committed = ds["input_committed_build"]
    built = ds["new_capacity"].sum("sector")
    for route in ds.route.values:
        years = [y for y in ds.year.values if y < 2025 + float(lead.sel(route=route))]
        if not years:
            continue
        early = built.sel(route=route, year=years)
        allowed = committed.sel(route=route, year=years)
        assert bool((early <= allowed + 1e-6).all()), route
    rm = "rotterdam_moerdijk"
    assert float(built.sel(route="hydrogen_electrolysis", cluster=rm, year=2026)) == pytest.approx(
        3.91314, rel=1e-4
    )
    assert float(built.sel(route="hydrogen_smr_ccs", cluster=rm, year=2026)) == pytest.approx(
        19.2417, rel=1e-4
    )


def test_the_run_says_which_reading_its_numbers_are(base_run, projection_run, tmp_path):
    assert reading(base_run.results.attrs).startswith("reading: plan - ")
    text = reading(projection_run.results.attrs)
    assert text.startswith("reading: projection - myopic foresight")
    assert "5 years ahead" in text and "lead times" in text and "hurdle rates" in text
    page = tmp_path / "report.html"
    write_report(projection_run.results, page, [])
    assert "Reading: projection - myopic foresight" in page.read_text()
