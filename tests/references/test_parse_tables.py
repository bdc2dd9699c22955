"""The shipped parse tables: current with the grammars, run as Lark runs them, loaded without Lark."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import pytest
from lark import Lark, Tree, UnexpectedInput

from unlint.references.grammar import load_tables, tables_file
from unlint.references.lalr import LalrDriver, LalrSyntaxError
from unlint.references.lalr_tables import GRAMMARS, LARK_OPTIONS, build_tables, render, tables_from_lark


@pytest.mark.parametrize("name", GRAMMARS)
def test_shipped_tables_are_what_lark_builds_from_the_grammar(name):
    shipped = files("unlint.grammars").joinpath(tables_file(name)).read_text(encoding="utf-8")
    assert shipped == render(build_tables(name)), (
        f"grammars/{tables_file(name)} is out of date with grammars/{name}.lark: "
        "run `python -m unlint.references.lalr_tables`"
    )


@pytest.mark.parametrize("name", GRAMMARS)
def test_rendered_tables_are_the_json_they_render(name):
    tables = build_tables(name)
    assert json.loads(render(tables)) == tables == load_tables(name)


def test_linting_never_imports_lark():
    code = (
        "import sys\n"
        "from unlint.runner import lint_text\n"
        "found = lint_text('见大会第 58/316 号决议和安全理事会第1540（2004）号决议（A/60/341-S/2005/567）。')\n"
        "assert found is not None\n"
        "print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('lark.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# A grammar with what the corpus grammars lack but the tables must carry: a keyword
# that the NAME regex also matches (Lark's lexer retypes it), inlined ``_rules``,
# ``?rules`` that collapse to their single child, ``!rules`` that keep every token,
# and a rule the transformer has no method for (a Tree, as Lark makes).
FEATURES = r"""
start: statement (";" statement)*
statement: "let" NAME "=" _expr     -> let
         | "print" sum              -> show
         | NAME "=" sum             -> assign
?sum: atom ("+" atom)*
!atom: NAME | NUMBER | "(" sum ")"
_expr: sum | call
call: NAME "(" NAME ")"
NAME: /[a-z]+/
NUMBER: /\d+/
%ignore " "
"""


class _Values:
    def start(self, children):
        return children

    def let(self, children):
        return ("let", [_plain(c) for c in children])

    def show(self, children):
        return ("show", _plain(children[0]))

    def assign(self, children):
        return ("assign", [_plain(c) for c in children])

    def atom(self, children):
        return [_plain(c) for c in children]


def _plain(value):
    if isinstance(value, Tree) or type(value).__name__ == "Tree":
        return (value.data, [_plain(c) for c in value.children])
    if isinstance(value, list):
        return [_plain(c) for c in value]
    if isinstance(value, str):
        return (str(value), value.type)
    return value


@pytest.mark.parametrize("text", [
    "let x = a + 2", "print (a + b) + c; let y = f(z)", "print print", "let let = 1", "print a +",
    "print a + + b", "let x = f(1)", "print 12;print 3", "print letter", "print a ;; print b", "",
    "letter = 1", "let = 1", "printer = let", "x = 1; print x",
])
def test_driver_runs_tables_as_lark_parses(text):
    lark = Lark(FEATURES, transformer=_Values(), **LARK_OPTIONS)
    driver = LalrDriver(tables_from_lark(Lark(FEATURES, **LARK_OPTIONS)), _Values())
    try:
        expected = ("ok", _plain(lark.parse(text)))
    except UnexpectedInput:
        expected = ("error", None)
    try:
        outcome = ("ok", _plain(driver.parse(text)))
    except LalrSyntaxError:
        outcome = ("error", None)
    assert outcome == expected


def test_keyword_is_not_a_name_where_both_may_come():
    tables = tables_from_lark(Lark(FEATURES, **LARK_OPTIONS))
    assert any(lexer["retype"] for lexer in tables["lexers"])
    driver = LalrDriver(tables, _Values())
    assert driver.parse("letter = 1") == [("assign", [("letter", "NAME"), [("1", "NUMBER")]])]
    with pytest.raises(LalrSyntaxError):
        driver.parse("let = 1")


def test_terminal_callbacks_are_refused():
    class WithTerminalMethod(_Values):
        def NAME(self, token):  # noqa: N802 - Lark calls methods named after terminals
            return token

    with pytest.raises(TypeError, match="NAME"):
        LalrDriver(tables_from_lark(Lark(FEATURES, **LARK_OPTIONS)), WithTerminalMethod())
