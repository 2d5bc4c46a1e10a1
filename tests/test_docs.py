"""The generated docs are what the code says, and every constraint documents itself."""

from __future__ import annotations

import inspect
import re

import pytest

from elektra.model import core as model
from elektra.outputs.docs import (
    data_page,
    default_data,
    default_scenario,
    math_page,
    parameters_page,
    results_page,
)
from elektra.policies import POLICIES
from tests.conftest import ROOT


def test_committed_docs_match_the_code():
    """Run `elektra docs` after changing a constraint docstring or the registry."""
    assert (ROOT / "docs" / "math.md").read_text() == math_page()
    assert (ROOT / "docs" / "parameters.md").read_text() == parameters_page()
    assert (ROOT / "docs" / "data.md").read_text() == data_page(default_data(), default_scenario())
    assert (ROOT / "docs" / "results.md").read_text() == results_page()


def test_every_constraint_and_cost_has_a_formula_and_units():
    functions = [*model.CONSTRAINTS, model.core_costs, model.tie_break_cost]
    for policy in POLICIES:
        functions += [*policy.constraints, *policy.cost_functions]
    for function in functions:
        doc = inspect.getdoc(function) or ""
        assert ".. math::" in doc, function.__name__
        assert "Units:" in doc, function.__name__


def test_the_math_page_is_markdown_that_github_renders():
    """No reST left (roles, ``.. math::``, double-backtick literals), math as GitHub and
    GitLab render it untouched (fenced ``math`` blocks, inline ``$`...`$`` after a space or
    an opening bracket, never after a letter or digit), no doubled backslash, headings in
    one piece, every link to a section of the page pointing at an anchor that exists."""
    page = math_page()
    for rest in (":func:", ":mod:", ":class:", ":meth:", ":math:", ":data:"):
        assert rest not in page, rest
    assert not re.search(r"^\s*\.\. math::", page, flags=re.M)
    assert "$$" not in page
    assert "\\\\" not in page  # a doubled backslash
    prose = re.sub(r"```math\n.*?\n```", "", page, flags=re.S)
    assert "``" not in prose.replace("```", "")
    for match in re.finditer(r"\$`", prose):
        before = prose[match.start() - 1]
        assert not before.isalnum(), prose[match.start() - 30 : match.start() + 10]
    assert prose.count("$`") == prose.count("`$")
    for heading in re.findall(r"^#+ (.*)$", page, flags=re.M):
        assert heading[0].isupper(), heading
        assert heading.count("(") == heading.count(")"), heading
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page)) | {"the-elektra-model"}
    for target in re.findall(r"\]\(#([^)]+)\)", page):
        assert target in anchors, target


def test_functions_two_policies_share_are_printed_once():
    page = math_page()
    assert page.count("Code: `elektra.policies.prorata.support_claims`") == 1
    assert page.count("Code: `elektra.policies.prorata.support_costs`") == 1
    shared = page.index("## Shared by IKC-ETS (indirect cost compensation) and Electricity-cost")
    assert page.index("## Policy: Electricity-cost envelope") < shared


def test_results_page_lists_every_dual_of_the_model(toy_run):
    """docs/results.md lists every dual the model reports."""
    page = results_page()
    for block in toy_run.lp.rows.values():
        if block.dual is not None:
            assert f"`{block.dual.name}`" in page, block.name


def test_no_merge_markers_in_the_docs():
    """No file a reader opens holds a conflict marker left from a merge."""
    for path in [ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").glob("*.md")]:
        for line in path.read_text().splitlines():
            assert not line.startswith(("<<<<<<< ", ">>>>>>> ")), path


def test_the_reference_base_year_summary_worked_by_hand(tmp_path):
    """Chemicals in clusters a (2 Mt/yr) and b (1 Mt/yr), made by a furnace burning 2 PJ of
    gas per Mt (0.056 Mt CO2/PJ), using 1 PJ of hydrogen per Mt, with 0.5 Mt/Mt of process
    CO2 and 20 % capture: (2 x 0.056 + 0.5) x 0.8 = 0.4896 Mt per Mt. The 3 PJ of hydrogen
    are made by an SMR (1.25 PJ gas per PJ, 40 % of the carbon left solid: 1.25 x 0.056 x
    0.6 = 0.042 Mt/PJ) where its stock is, 3 : 1 in a and b: 2.25 and 0.75 PJ.
    Cluster a: 2 x 0.4896 + 2.25 x 0.042 = 1.0737 Mt; b: 0.4896 + 0.75 x 0.042 = 0.5211.
    Gas bought: 3 x 2 + 3 x 1.25 = 9.75 PJ; hydrogen bought: none."""
    from elektra.inputs.config import load_scenario
    from elektra.inputs.data import load_data
    from elektra.outputs.docs import reference_base_year
    from tests.conftest import write_dataset, write_scenario

    rows = [
        {"parameter": "discount_rate", "value": 0, "unit": "1/yr"},
        {"parameter": "ets_price", "value": 0, "unit": "EUR/t"},
        {"parameter": "emission_factor", "carrier": "natural_gas", "value": 56, "unit": "t/TJ"},
        {"parameter": "input", "route": "furnace", "carrier": "natural_gas", "value": 2, "unit": "PJ/Mt"},
        {"parameter": "input", "route": "furnace", "carrier": "hydrogen", "value": 1, "unit": "PJ/Mt"},
        {"parameter": "process_emissions", "route": "furnace", "value": 0.5, "unit": "Mt/Mt"},
        {"parameter": "capture_rate", "route": "furnace", "value": 0.2, "unit": "1"},
        {"parameter": "input", "route": "smr", "carrier": "natural_gas", "value": 1.25, "unit": "PJ/PJ"},
        {"parameter": "solid_carbon_share", "route": "smr", "value": 0.4, "unit": "1"},
    ]  # fmt: skip
    for route in ("furnace", "smr"):
        rows.append({"parameter": "lifetime", "route": route, "value": 20, "unit": "yr"})
    for cluster, demand, stock in (("a", 2, 3), ("b", 1, 1)):
        rows += [
            {"parameter": "demand", "sector": "chemicals", "cluster": cluster,
             "service": "product", "value": demand, "unit": "Mt/yr"},
            {"parameter": "existing_capacity", "sector": "chemicals", "cluster": cluster,
             "route": "furnace", "value": 10, "unit": "Mt/yr"},
            {"parameter": "existing_capacity", "sector": "gases", "cluster": cluster,
             "route": "smr", "value": stock, "unit": "PJ/yr"},
        ]  # fmt: skip
    write_dataset(
        tmp_path / "data",
        clusters=["a", "b"],
        services=[("chemicals", "product", "Mt"), ("gases", "hydrogen", "PJ")],
        carriers=["natural_gas", "hydrogen"],
        routes=[
            ("furnace", "chemicals", "product", "reference"),
            ("smr", "gases", "hydrogen", "reference"),
        ],
        rows=rows,
    )
    scenario = load_scenario(write_scenario(tmp_path, dataset="data", years=[2030, 2030]))
    energy, emissions, made = reference_base_year(load_data(scenario), scenario)
    assert emissions == pytest.approx({"a": 1.0737, "b": 0.5211}, abs=1e-9)
    assert energy == pytest.approx({"natural_gas": 9.75, "hydrogen": 0.0}, abs=1e-9)
    assert made == pytest.approx({"hydrogen": 3.0})
