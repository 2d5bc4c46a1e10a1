"""The notation of the model: every symbol a formula uses is in the symbol table, with one
meaning, and every entry of the table is used.

The formulas are read from the docstrings themselves (``.. math::`` blocks and ``:math:``
roles of every function, class and module of the core, its derived quantities and the
policies) with a small LaTeX reader written here, independent of the docs generator. A
symbol is its letter (or command) with its accent and superscript; its subscripts are
indices, read in turn: :math:`P^{ETS}_y` is the symbol ``P^{ETS}`` with the index ``y``.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re

import pytest

from elektra.inputs.config import Policies, Scenario
from elektra.inputs.parameters import PARAMETERS
from elektra.outputs import notation
from elektra.outputs.docs import math_page, resolve

GREEK = set(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu "
    "nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma "
    "Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell".split()
)
#: Commands that are operators, relations, delimiters or spacing: no symbol.
STRUCTURE = set(
    "sum min max frac le ge leq geq lt gt ne neq quad qquad in notin cup cap setminus Big big "
    "Bigl Bigr bigl bigr left right cdot times leftarrow to ldots dots cdots approx infty "
    "mid lvert rvert".split()
)
ACCENTS = {"bar", "hat", "tilde", "underline", "overline"}
FONTS = {"mathrm", "mathcal"}
SKIPPED = {"text"}
INDICES = set(notation.INDICES)
MODULES = ("elektra.model.core", "elektra.model.expressions")


def _group(text: str, start: int) -> tuple[str, int]:
    """The content of the braced group opening at ``start`` and the index after it."""
    depth = 0
    for position in range(start, len(text)):
        if text[position] == "{" and text[position - 1] != "\\":
            depth += 1
        elif text[position] == "}" and text[position - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : position], position + 1
    raise ValueError(f"unbalanced braces in {text!r}")


def _argument(text: str, start: int) -> tuple[str, int]:
    """One argument of a command or script: a braced group, a command or one character."""
    while start < len(text) and text[start] == " ":
        start += 1
    if text[start] == "{":
        return _group(text, start)
    command = re.match(r"\\[A-Za-z]+", text[start:])
    if command:
        return command.group(0), start + len(command.group(0))
    return text[start], start + 1


def uses(formula: str) -> list[tuple[str, str | None]]:
    """Every symbol of a LaTeX formula, index letters included, with its subscript."""
    found: list[tuple[str, str | None]] = []
    position = 0
    while position < len(formula):
        char = formula[position]
        base = None
        if char == "\\":
            command = re.match(r"\\([A-Za-z]+)", formula[position:])
            if command is None:  # \, \; \{ \} \! : spacing and escaped delimiters
                position += 2
                continue
            name = command.group(1)
            position += len(command.group(0))
            if name in SKIPPED:
                _text, position = _argument(formula, position)
                continue
            if name in FONTS:
                content, position = _argument(formula, position)
                base = f"\\{name}{{{content}}}"
            elif name in ACCENTS:
                content, position = _argument(formula, position)
                ((inner, _),) = uses(content)
                base = f"\\{name}{{{inner}}}"
            elif name in GREEK:
                base = f"\\{name}"
            elif name in STRUCTURE:
                continue
            else:
                raise ValueError(f"unknown LaTeX command \\{name} in {formula!r}")
        elif char.isalpha():
            base = char
            position += 1
        elif char == "{":
            content, position = _group(formula, position)
            found += uses(content)
            continue
        elif char in "_^":  # a script on a bracket or a number: read its symbols
            content, position = _argument(formula, position + 1)
            found += uses(content)
            continue
        else:
            position += 1
            continue
        superscript, subscript = "", None
        while position < len(formula) and formula[position] in "'_^":
            mark = formula[position]
            if mark == "'":
                position += 1
                continue
            content, position = _argument(formula, position + 1)
            if mark == "_":
                found += uses(content)
                subscript = content
            else:
                superscript = content.replace(" ", "")
        found.append((f"{base}^{{{superscript}}}" if superscript else base, subscript))
    return found


def symbols(formula: str) -> list[str]:
    """Every symbol of a LaTeX formula, index letters included."""
    return [symbol for symbol, _ in uses(formula)]


def _components(subscript: str) -> list[str]:
    """A subscript split at its top-level commas."""
    parts, depth, current = [], 0, ""
    for char in subscript:
        depth += char in "({"
        depth -= char in ")}"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def signature(subscript: str) -> tuple[str, ...]:
    """What a subscript indexes: its index letters, ``year`` for any year-like index
    (:math:`y`, :math:`v`, :math:`t`, :math:`y'`, :math:`t + d_i`), ``label`` for a carrier
    named by its role, the index of a function form (:math:`j(r)` is a :math:`j`)."""
    kinds = []
    for part in _components(subscript):
        part = part.strip().replace("'", "")
        if re.fullmatch(r"[yvt]|[yvt]\s*[+-].*", part):
            kinds.append("year")
        elif part.startswith("\\mathrm{"):
            kinds.append("label")
        elif re.fullmatch(r"[a-z]\(.*\)", part):
            kinds.append(part[0])
        else:
            kinds.append(part)
    return tuple(kinds)


def _agrees(used: tuple[str, ...], declared: tuple[str, ...]) -> bool:
    return len(used) == len(declared) and all(
        u == d or (u == "label" and d == "k") for u, d in zip(used, declared)
    )


def _entries() -> dict[str, tuple[str, list[tuple[str, ...]]]]:
    """Every symbol of the tables: its parsed form -> (its key, the index signatures of
    its forms; none for a symbol indexed like the row it is in, such as the slack)."""
    entries: dict[str, tuple[str, list[tuple[str, ...]]]] = {}
    for table in notation.TABLES.values():
        for key in table:
            parsed = [(s, sub) for s, sub in uses(key) if s not in INDICES]
            assert len({s for s, _ in parsed}) == 1, (key, parsed)
            symbol = parsed[0][0]
            assert symbol not in entries, f"{key}: {symbol} is in the table twice"
            forms = [signature(sub) for _, sub in parsed if sub is not None]
            entries[symbol] = (key, forms)
    return entries


def _docstrings():
    """(where, docstring) of every module, class, function and method of the model."""
    names = list(MODULES)
    import elektra.policies

    names += [m.name for m in pkgutil.iter_modules(elektra.policies.__path__, "elektra.policies.")]
    for name in names:
        module = importlib.import_module(name)
        yield name, module.__doc__ or ""
        for attribute, value in vars(module).items():
            if getattr(value, "__module__", None) != name:
                continue
            if inspect.isfunction(value) or inspect.isclass(value):
                yield f"{name}.{attribute}", value.__doc__ or ""
            if inspect.isclass(value):
                for member, function in vars(value).items():
                    if inspect.isfunction(function) and function.__doc__:
                        yield f"{name}.{attribute}.{member}", function.__doc__


def _formulas(docstring: str) -> list[str]:
    text = inspect.cleandoc(docstring)
    found = [" ".join(m.group(1).split()) for m in re.finditer(r":math:`([^`]*)`", text)]
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip().startswith(".. math::"):
            indent = len(line) - len(line.lstrip())
            block = [line.strip().removeprefix(".. math::")]
            for following in lines[index + 1 :]:
                if following.strip() and len(following) - len(following.lstrip()) <= indent:
                    break
                block.append(following)
            found.append(" ".join(" ".join(block).split()))
    return found


def _page_formulas() -> list[str]:
    """The formulas of the generated page above its symbol tables (the objective is made
    there from the cost terms)."""
    page = math_page().split("\n## Symbols\n")[0]
    blocks = re.findall(r"```math\n(.*?)\n```", page, re.S)
    return blocks + re.findall(r"\$`(.*?)`\$", page)


def test_the_reader_reads_symbols_and_their_indices():
    def read(formula):
        return sorted(symbols(formula))

    assert read(r"P^{ETS}_y\, b_{s,j(r)}") == sorted(["P^{ETS}", "y", "s", "j", "r", "b"])
    assert read(r"\bar Q_{i,y} + \hat\zeta_y") == sorted(
        ["i", "y", r"\bar{Q}", "y", r"\hat{\zeta}"]
    )
    assert read(r"\sum_{(s',r') \in \mathcal{M}_{k(r),c}} a_{s',c,r',y}") == sorted(
        ["s", "r", r"\mathcal{M}", "k", "r", "c", "s", "c", "r", "y", "a"]
    )
    assert read(r"(1+\rho)^{-d^{pay}} \text{for } \phi_{r,y,\mathrm{el}}") == sorted(
        [r"\rho", "d^{pay}", "r", "y", r"\mathrm{el}", r"\phi"]
    )
    with pytest.raises(ValueError, match="unknown LaTeX command"):
        symbols(r"\operatorname{x}")


def test_every_symbol_of_a_formula_is_in_the_table_and_every_entry_is_used():
    entries = _entries()
    known = INDICES | set(entries)
    used: set[str] = set()
    unknown: dict[str, set[str]] = {}
    other_indices: dict[str, set[str]] = {}
    sources = list(_docstrings()) + [("docs/math.md", "")]
    for where, docstring in sources:
        formulas = _page_formulas() if where == "docs/math.md" else _formulas(docstring)
        for formula in formulas:
            for symbol, subscript in uses(formula):
                used.add(symbol)
                if symbol not in known:
                    unknown.setdefault(symbol, set()).add(where)
                    continue
                if symbol in INDICES or subscript is None or not entries[symbol][1]:
                    continue
                key, forms = entries[symbol]
                if not any(_agrees(signature(subscript), form) for form in forms):
                    other_indices.setdefault(f"{symbol}_{{{subscript}}} (table: {key})", set()).add(
                        where
                    )
    assert not unknown, f"symbols without an entry in notation.py or a policy's symbols: {unknown}"
    assert not other_indices, f"a letter used with other indices than its entry's: {other_indices}"
    unused = sorted(set(entries) - used)
    assert not unused, f"entries of the symbol table no formula uses: {unused}"
    assert INDICES <= used


def test_no_letter_has_two_meanings():
    """The letters the model once gave two meanings each have one now (and a test would
    fail on a second table entry of the same symbol)."""
    entries = _entries()
    for symbol in (r"\gamma", r"\omega", r"\rho", "H", r"\ell", "g", "b", "q", "f", "R", "M"):
        assert symbol in entries
    for look_alike in (r"\varphi", r"\epsilon"):  # beside \phi and \varepsilon
        assert look_alike not in entries


def _resolves(path: str) -> bool:
    parts = f"elektra.{path}".split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            if dataclasses.is_dataclass(obj) and attribute in {
                f.name for f in dataclasses.fields(obj)
            }:
                obj = None
                continue
            if not hasattr(obj, attribute):
                return False
            obj = getattr(obj, attribute)
        return True
    return False


def test_every_entry_names_what_holds_it_in_the_code():
    """A registry parameter, a scenario key or switch, a variable of the LP, or a dotted
    path under elektra that exists."""
    source = "\n".join(
        inspect.getsource(importlib.import_module(name))
        for name in (
            *MODULES,
            *(f"elektra.policies.{m}" for m in ("flex_e", "grid", "levy", "subsidies")),
        )
    )
    variables = set(re.findall(r"b\.variables\(\s*\"(\w+)\"", source))
    for table_name, table in notation.TABLES.items():
        for symbol, entry in table.items():
            code = entry.code
            if table is notation.VARIABLE_SYMBOLS and "." not in code:
                assert code in variables, (symbol, code)
            elif code.startswith("Scenario."):
                assert code.removeprefix("Scenario.") in Scenario.model_fields, (symbol, code)
            elif code.startswith("Policies."):
                assert code.removeprefix("Policies.") in Policies.model_fields, (symbol, code)
            elif "." in code:
                assert _resolves(code), (table_name, symbol, code)
            else:
                assert code in PARAMETERS, (table_name, symbol, code)


def test_every_reference_in_a_docstring_of_the_model_names_something():
    """``:func:``, ``:class:``, ``:mod:`` and the like, read where they are written: a
    renamed function leaves no stale reference behind."""
    role = re.compile(r":(?:func|meth|mod|class|data|attr|obj):`~?([^`]+)`")
    for where, docstring in _docstrings():
        context = where.rsplit(".", 1)[0] if where.count(".") > 2 else where
        for target in role.findall(docstring):
            resolve(target, context)
