"""The generated docs are what the code says, and every constraint documents itself."""

from __future__ import annotations

import inspect
import re

from elektra.model import core as model
from elektra.outputs.docs import data_page, default_data, math_page, parameters_page, results_page
from elektra.policies import POLICIES
from tests.conftest import ROOT


def test_committed_docs_match_the_code():
    """Run `elektra docs` after changing a constraint docstring or the registry."""
    assert (ROOT / "docs" / "math.md").read_text() == math_page()
    assert (ROOT / "docs" / "parameters.md").read_text() == parameters_page()
    assert (ROOT / "docs" / "data.md").read_text() == data_page(default_data())
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
