"""The generated docs are what the code says, and every constraint documents itself."""

from __future__ import annotations

import inspect

from elektra import model
from elektra.docs import data_page, default_data, math_page, parameters_page
from tests.conftest import ROOT


def test_committed_docs_match_the_code():
    """Run `elektra docs` after changing a constraint docstring or the registry."""
    assert (ROOT / "docs" / "math.md").read_text() == math_page()
    assert (ROOT / "docs" / "parameters.md").read_text() == parameters_page()
    assert (ROOT / "docs" / "data.md").read_text() == data_page(default_data())


def test_every_constraint_has_a_formula_and_units():
    for add in model.CONSTRAINTS:
        doc = inspect.getdoc(add) or ""
        assert ".. math::" in doc, add.__name__
        assert "Units:" in doc, add.__name__
