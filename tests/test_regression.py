"""Stored figures of the shipped scenarios must not drift silently.

If a change moves them on purpose, run `make regression`, say why in the commit message
and add a line to CHANGELOG.md under "Changes that move results".
"""

from __future__ import annotations

import json

import pytest

from tests.regression_store import SCENARIOS, STORE, figures

# HiGHS stops at a relative optimality gap of about 1e-7; objectives agree far closer,
# emissions can move between equally cheap solutions only by the tie-break's resolution.
TOLERANCE = 1e-5


@pytest.mark.parametrize("name", SCENARIOS)
def test_shipped_scenario_matches_its_stored_figures(name, request):
    stored = json.loads((STORE / f"{name}.json").read_text())
    solved = request.getfixturevalue(f"{name}_run")  # toy_run, base_run: solved once a session
    current = figures(name, solved.results)
    assert current["objective_MEUR"] == pytest.approx(stored["objective_MEUR"], rel=TOLERANCE)
    for key in ("emissions_Mt_by_year", "emissions_Mt_by_cluster_last_year"):
        assert current[key].keys() == stored[key].keys()
        for label, value in stored[key].items():
            assert current[key][label] == pytest.approx(value, rel=TOLERANCE, abs=1e-6), (
                key,
                label,
            )
