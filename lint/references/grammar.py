"""Loading the Lark grammars: once per process, LALR, from package data."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .lalr import LalrDriver

if TYPE_CHECKING:
    from lark import Lark


@cache
def load_grammar(name: str, transformer: type | None = None) -> Lark:
    """The LALR parser of ``grammars/<name>.lark``, built on first use.

    Built lazily so that ``unlint rules`` and runs that select no SYM or RES
    rule never pay for it; the contextual lexer lets one terminal (``L.5``)
    mean different things in different places. With ``transformer`` (a
    stateless class with a method per rule), parsing yields its values
    instead of a tree. Lark is imported here, not at start-up, so that
    commands that parse nothing do not pay for importing it.
    """
    from lark import Lark

    return Lark.open_from_package(
        "unlint.grammars", f"{name}.lark", parser="lalr", lexer="contextual", maybe_placeholders=False,
        transformer=transformer() if transformer else None,
    )


@cache
def load_parser(name: str, transformer: type) -> LalrDriver:
    """A fast driver over the tables of :func:`load_grammar` (see lint/references/lalr.py)."""
    return LalrDriver(load_grammar(name, transformer))
