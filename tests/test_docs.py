"""The generated docs are what the code says, and every constraint documents itself."""

from __future__ import annotations

import inspect

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


def test_every_parameter_in_the_symbol_table_exists():
    """The symbol table names registry parameters (or says the symbol is derived)."""
    from elektra.inputs.parameters import PARAMETERS
    from elektra.outputs.notation import PARAMETERS as SYMBOLS

    for symbol, (name, _meaning) in SYMBOLS.items():
        assert name in PARAMETERS or name.startswith("("), (symbol, name)


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
