"""Building the parse tables the LALR driver runs, with Lark, from the .lark grammars.

The .lark files define the languages; Lark turns each into LALR(1) tables, a
contextual lexer per parser state and the shape of each rule's children, and
this module writes those down as JSON (grammars/<name>.tables.json, shipped
as package data) for lint/references/lalr.py to run. Only this module and the
tests import Lark; linting never does. After editing a grammar, regenerate::

    python -m unlint.references.lalr_tables

tests/references/test_parse_tables.py fails while the shipped tables differ
from what Lark builds from the grammars.

States, rules and lexers are numbered in the order a walk from the start
state meets them, taking symbols in sorted order, so that the file does not
depend on the order in which Lark happened to build them.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path

from .grammar import tables_file

GRAMMARS = ("symbol", "resolution")
#: The options the driver reproduces; the tables are built with these.
LARK_OPTIONS = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}


def build_lark(name: str):
    """Lark's own parser for ``grammars/<name>.lark`` (for building tables and for tests)."""
    from lark import Lark

    return Lark.open_from_package("unlint.grammars", f"{name}.lark", **LARK_OPTIONS)


def tables_from_lark(lark, start: str = "start") -> dict:
    """The tables of ``lark`` (built with :data:`LARK_OPTIONS`) as plain JSON data."""
    from lark.parsers.lalr_analysis import Shift

    if lark.options.lexer_callbacks or lark.options.postlex:
        raise ValueError("the LALR driver supports neither lexer callbacks nor a post-lexer")
    frontend = lark.parser
    table = frontend.parser.parser.parse_table
    states = _walk(table, table.start_states[start])
    state_ids = {state: index for index, state in enumerate(states)}
    rule_ids: dict = {}
    lexer_ids: dict = {}
    state_rows = []
    for state in states:
        actions = {}
        for symbol in sorted(table.states[state]):
            action, argument = table.states[state][symbol]
            if action is Shift:
                actions[symbol] = ["shift", state_ids[argument]]
            else:
                actions[symbol] = ["reduce", rule_ids.setdefault(argument, len(rule_ids))]
        lexer = frontend.lexer.lexers[state]
        state_rows.append({"lexer": lexer_ids.setdefault(id(lexer), len(lexer_ids)), "actions": actions})
    lexers = {id(lexer): lexer for lexer in frontend.lexer.lexers.values()}
    return {
        "start_state": state_ids[table.start_states[start]],
        "end_state": state_ids[table.end_states[start]],
        "rules": [_rule(rule) for rule in rule_ids],
        "lexers": [_lexer(lexers[key]) for key in lexer_ids],
        "states": state_rows,
    }


def _walk(table, start_state) -> list:
    """The states in the order a breadth-first walk over sorted symbols meets them."""
    from lark.parsers.lalr_analysis import Shift

    order, seen = [start_state], {start_state}
    for state in order:
        for symbol in sorted(table.states[state]):
            action, target = table.states[state][symbol]
            if action is Shift and target not in seen:
                seen.add(target)
                order.append(target)
    return order


def _rule(rule) -> dict:
    """A rule's reduction as Lark's parse-tree builder shapes it (see lark/parse_tree_builder.py)."""
    keep_all = rule.options.keep_all_tokens
    keep = [[index, not symbol.is_term and symbol.name.startswith("_")]
            for index, symbol in enumerate(rule.expansion)
            if keep_all or not (symbol.is_term and symbol.filter_out)]
    filtered = len(keep) < len(rule.expansion) or any(inline for _, inline in keep)
    return {
        "origin": rule.origin.name,
        "callback": rule.alias or rule.options.template_source or rule.origin.name,
        "expansion": [symbol.name for symbol in rule.expansion],
        "keep": keep if filtered else None,
        "expand1": bool(rule.options.expand1 and not rule.alias),
    }


def _lexer(lexer) -> dict:
    """One contextual lexer: its terminals in the order Lark's scanner tries them."""
    scanner = lexer.scanner  # builds Lark's scanner and its retyping callbacks
    return {
        "terminals": [[t.name, t.pattern.to_regexp()] for t in scanner.terminals],
        "ignore": sorted(lexer.ignore_types),
        "retype": {kind: [[t.name, t.pattern.to_regexp()] for t in callback.scanner.terminals]
                   for kind, callback in sorted(lexer.callback.items())},
    }


def build_tables(name: str) -> dict:
    return tables_from_lark(build_lark(name))


def render(tables: dict) -> str:
    """The file's text: one state or rule per line, so that a diff after a grammar change reads well."""
    def rows(items: list) -> str:
        return "[\n" + ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items) + "\n  ]"

    fields = [f'  "start_state": {tables["start_state"]}', f'  "end_state": {tables["end_state"]}']
    fields += [f'  "{key}": {rows(tables[key])}' for key in ("rules", "lexers", "states")]
    return "{\n" + ",\n".join(fields) + "\n}\n"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(str(files("unlint.grammars")))
    for name in GRAMMARS:
        path = folder / tables_file(name)
        path.write_text(render(build_tables(name)), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
