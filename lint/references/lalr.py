"""A lean LALR(1) driver that runs parse tables Lark built, without importing Lark.

Lark builds the LALR(1) tables, the per-state (contextual) terminal sets and
the shape of each rule's children from the .lark grammar;
lint/references/lalr_tables.py writes them to grammars/<name>.tables.json and
this driver runs them. It exists for two reasons. Start-up: building the
tables with Lark costs a cold process about a fifth of a second, loading them
a millisecond. Speed: references are short and many, and Lark's general
machinery (lexer threads, parser states, ``Token`` objects with line
bookkeeping) costs more than the parse itself. Terminals are tried in Lark's
own order (priority, then width), so the two accept the same language;
tests/references check that they agree and that the shipped tables are the
ones Lark builds from the grammars today.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from collections.abc import Callable

END = "$END"


class Lexeme(str):
    """A matched terminal: its text, its terminal name and its span in the parsed text."""

    __slots__ = ("end_pos", "start_pos", "type")

    def __new__(cls, value: str, type_: str, start: int, end: int) -> Self:
        lexeme = super().__new__(cls, value)
        lexeme.type, lexeme.start_pos, lexeme.end_pos = type_, start, end
        return lexeme


class Tree:
    """What a rule yields when the transformer has no method for it (as Lark's ``Tree``: data, children)."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list) -> None:
        self.data, self.children = data, children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


class LalrSyntaxError(ValueError):
    """The text does not parse; ``position`` is where it broke (``len(text)``: it ended too early)."""

    def __init__(self, text: str, position: int, expected: frozenset[str]) -> None:
        super().__init__(f"{text!r}: unexpected input at {position}")
        self.text, self.position, self.expected = text, position, expected


class _StateLexer:
    """The terminals one parser state accepts, as one alternation tried in Lark's order.

    A plain class, not a dataclass: it is defined at import, on the start-up path.
    """

    def __init__(self, alternatives: str, ignore: frozenset[str], retype: dict[str, re.Pattern]) -> None:
        self.alternatives, self.ignore = alternatives, ignore
        # A regex terminal that also matches a string terminal whole (a keyword
        # inside a name) yields the string terminal for that text, as in Lark.
        self.retype = retype

    @cached_property
    def pattern(self) -> re.Pattern:
        # Compiled when a parse first reaches a state that uses it: most
        # documents reach few of them, and compiling all costs a cold start.
        return re.compile(self.alternatives)


def _alternation(terminals: list[list[str]]) -> str:
    return "|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals)


def _scanner(lexer: dict) -> _StateLexer:
    retype = {kind: re.compile(_alternation(strings)) for kind, strings in lexer["retype"].items()}
    return _StateLexer(_alternation(lexer["terminals"]), frozenset(lexer["ignore"]), retype)


def _rule_callback(rule: dict, transformer: object) -> Callable[[list], Any]:
    """What a reduction of ``rule`` calls on its children, shaped as Lark's parse-tree builder shapes it."""
    name = rule["callback"]
    method = getattr(transformer, name, None)
    build = method if method is not None else (lambda children: Tree(name, children))
    if rule["expand1"]:
        build = _expand_single_child(build)
    if rule["keep"] is not None:
        build = _child_filter(rule["keep"], build)
    return build


def _expand_single_child(build: Callable[[list], Any]) -> Callable[[list], Any]:
    return lambda children: children[0] if len(children) == 1 else build(children)


def _child_filter(keep: list[list], build: Callable[[list], Any]) -> Callable[[list], Any]:
    # Drops anonymous tokens ("/", "(") and splices in the children of inlined
    # rules (the ``__x_star_0`` rules Lark makes for ``x*``).
    def filtered(children: list) -> Any:
        kept: list = []
        for index, inline in keep:
            if inline:
                kept += children[index].children
            else:
                kept.append(children[index])
        return build(kept)

    return filtered


class LalrDriver:
    """Parses with the shipped tables of one grammar (see :func:`unlint.references.grammar.load_parser`).

    ``transformer`` has a method per rule (named by the rule's alias, else the
    rule) taking the list of children; parsing returns what the start rule's
    method returns. It must not have methods named after terminals: Lark would
    call those on each token, and this driver does not.
    """

    def __init__(self, tables: dict, transformer: object) -> None:
        terminal_methods = {name for lexer in tables["lexers"] for name, _ in lexer["terminals"]
                            if hasattr(transformer, name)}
        if terminal_methods:
            raise TypeError(f"terminal callbacks are not supported: {sorted(terminal_methods)}")
        reductions = [
            (len(rule["expansion"]), _rule_callback(rule, transformer), rule["origin"]) for rule in tables["rules"]
        ]
        # Each action as (True, next state) for a shift, or (False, (size, callback,
        # nonterminal)) for a reduction, so that the loop does no lookups by name.
        self._actions = [
            {symbol: (True, argument) if kind == "shift" else (False, reductions[argument])
             for symbol, (kind, argument) in state["actions"].items()}
            for state in tables["states"]
        ]
        scanners = [_scanner(lexer) for lexer in tables["lexers"]]
        self._scanners = [scanners[state["lexer"]] for state in tables["states"]]
        self._start_state, self._end_state = tables["start_state"], tables["end_state"]

    def parse(self, text: str):
        all_actions, scanners, end_state = self._actions, self._scanners, self._end_state
        state_stack, value_stack = [self._start_state], []
        position, length = 0, len(text)
        while True:
            if position < length:
                scanner = scanners[state_stack[-1]]
                match = scanner.pattern.match(text, position)
                if match is None:
                    raise LalrSyntaxError(text, position, frozenset(all_actions[state_stack[-1]]))
                kind, end = match.lastgroup, match.end()
                if kind in scanner.ignore:
                    position = end
                    continue
                if kind in scanner.retype:
                    string = scanner.retype[kind].fullmatch(match.group())
                    kind = string.lastgroup if string else kind
                token = Lexeme(match.group(), kind, position, end)
                position = end
            else:
                token = Lexeme("", END, length, length)
            kind = token.type
            while True:
                actions = all_actions[state_stack[-1]]
                if kind not in actions:
                    raise LalrSyntaxError(text, token.start_pos, frozenset(actions))
                shift, argument = actions[kind]
                if shift:
                    state_stack.append(argument)
                    value_stack.append(token)
                    break
                size, callback, nonterminal = argument
                if size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    children = []
                value_stack.append(callback(children))
                state_stack.append(all_actions[state_stack[-1]][nonterminal][1])
                if kind == END and state_stack[-1] == end_state:
                    return value_stack[-1]
