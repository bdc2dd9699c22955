"""Loading the Lark grammars: once per process, LALR, from package data."""

from __future__ import annotations

from functools import lru_cache

from lark import Lark, Transformer

from .lalr import LalrDriver


@lru_cache(maxsize=None)
def load_grammar(name: str, transformer: type[Transformer] | None = None) -> Lark:
    """The LALR parser of ``grammars/<name>.lark``, built on first use.

    Built lazily so that ``unlint rules`` and runs that select no SYM or RES
    rule never pay for it; the contextual lexer lets one terminal (``L.5``)
    mean different things in different places. With ``transformer`` (a
    stateless class), parsing yields its values instead of a tree.
    """
    return Lark.open_from_package(
        "unlint.grammars", f"{name}.lark", parser="lalr", lexer="contextual", maybe_placeholders=False,
        transformer=transformer() if transformer else None,
    )


@lru_cache(maxsize=None)
def load_parser(name: str, transformer: type[Transformer]) -> LalrDriver:
    """A fast driver over the tables of :func:`load_grammar` (see lint/references/lalr.py)."""
    return LalrDriver(load_grammar(name, transformer))
