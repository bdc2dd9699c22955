"""Loading the parsers of the Lark grammars: pre-built tables from package data, once per process."""

from __future__ import annotations

import json
import pkgutil
from functools import cache

from .lalr import LalrDriver


def tables_file(name: str) -> str:
    """The package-data file (in ``unlint.grammars``) of the tables built from ``<name>.lark``."""
    return f"{name}.tables.json"


@cache
def load_tables(name: str) -> dict:
    """The LALR tables Lark built from ``grammars/<name>.lark``, as shipped in ``<name>.tables.json``.

    Loading them takes a millisecond where building them with Lark takes a
    cold process a fifth of a second, and Lark is not imported at all
    (lint/references/lalr_tables.py builds the file; a test checks it is current).
    """
    # pkgutil rather than importlib.resources: the same package data, read through
    # the package's loader, without importing zipfile and the resource readers.
    return json.loads(pkgutil.get_data("unlint.grammars", tables_file(name)))


@cache
def load_parser(name: str, transformer: type) -> LalrDriver:
    """The parser of ``grammars/<name>.lark``, its values made by ``transformer`` (a stateless class).

    Built lazily so that ``unlint rules`` and runs that select no SYM or RES
    rule never pay for it; the contextual lexer lets one terminal (``L.5``)
    mean different things in different places. ``transformer`` has a method
    per rule, which the parse calls with the rule's children.
    """
    return LalrDriver(load_tables(name), transformer())
