"""A lean driver for a Lark LALR parser: Lark's own tables, fewer steps per token.

Lark builds the LALR(1) tables, the per-state (contextual) terminal sets and
the rule callbacks from the .lark grammar; this driver runs those same
tables. It exists because references are short and many: Lark's general
machinery (lexer threads, parser states, ``Token`` objects with line
bookkeeping) costs more than the parse itself, and a document with fifty
references should spend a few milliseconds, not tens, in the parser.
Terminals are tried in Lark's own order (priority, then width), so the two
drivers accept the same language; tests/references check that they agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from lark import Lark

END = "$END"


class Lexeme(str):
    """A matched terminal: its text, its terminal name and its span in the parsed text."""

    __slots__ = ("end_pos", "start_pos", "type")

    def __new__(cls, value: str, type_: str, start: int, end: int) -> Self:
        lexeme = super().__new__(cls, value)
        lexeme.type, lexeme.start_pos, lexeme.end_pos = type_, start, end
        return lexeme


class LalrSyntaxError(ValueError):
    """The text does not parse; ``position`` is where it broke (``len(text)``: it ended too early)."""

    def __init__(self, text: str, position: int, expected: frozenset[str]) -> None:
        super().__init__(f"{text!r}: unexpected input at {position}")
        self.text, self.position, self.expected = text, position, expected


@dataclass(frozen=True)
class _Scanner:
    pattern: re.Pattern
    ignore: frozenset[str]


class LalrDriver:
    """Parses with the tables of ``lark`` (built with ``parser="lalr"``, ``lexer="contextual"``).

    Build ``lark`` with the transformer the values should go through
    (``Lark(..., transformer=...)``): the driver calls Lark's rule callbacks.
    """

    def __init__(self, lark: Lark, start: str = "start") -> None:
        from lark.parsers.lalr_analysis import Shift

        frontend = lark.parser
        parser = frontend.parser.parser
        table = parser.parse_table
        # Each action as (True, next state) for a shift, or (False, (size, callback,
        # nonterminal)) for a reduction, so that the loop does no attribute lookups.
        self._actions = {
            state: {
                symbol: (True, argument) if action is Shift
                else (False, (len(argument.expansion), parser.callbacks[argument], argument.origin.name))
                for symbol, (action, argument) in actions.items()
            }
            for state, actions in table.states.items()
        }
        self._start_state = table.start_states[start]
        self._end_state = table.end_states[start]
        by_lexer: dict[int, _Scanner] = {}
        self._scanners = {
            state: by_lexer.setdefault(id(lexer), _scanner(lexer)) for state, lexer in frontend.lexer.lexers.items()
        }

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


def _scanner(lexer) -> _Scanner:
    # ``lexer.terminals`` is already in Lark's matching order; a regex
    # alternation tries its branches in that order, as Lark's scanner does.
    alternatives = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in lexer.terminals)
    return _Scanner(re.compile(alternatives), frozenset(lexer.ignore_types))
