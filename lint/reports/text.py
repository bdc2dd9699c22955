"""The default format: ``path:line:col: CODE message``, optionally with the source line."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import click

from ..diagnostics import Diagnostic, Severity
from ..printable import printable
from . import ReportContext

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return "".join(_one(d, context) for d in diagnostics)


def _one(diagnostic: Diagnostic, context: ReportContext) -> str:
    # Paths, messages and source lines come from the user's files: control characters are escaped.
    location = f"{printable(diagnostic.path)}:{diagnostic.start.line}:{diagnostic.start.column}:"
    code = diagnostic.code
    if context.color:
        location = click.style(location, bold=True)
        code = click.style(code, fg=_COLORS[diagnostic.severity], bold=True)
    fixable = " [*]" if diagnostic.fix is not None else ""
    # A Word or PDF finding also says where it is in the document's own terms (page, paragraph).
    where = f" [{printable(diagnostic.where.describe(diagnostic.span_text))}]" if diagnostic.where else ""
    line = f"{location} {code}{fixable} {printable(diagnostic.message)}{where}\n"
    if context.show_source and diagnostic.source_line:
        line += _source_excerpt(diagnostic)
    return line


def _source_excerpt(diagnostic: Diagnostic) -> str:
    source = diagnostic.source_line.rstrip()
    before = source[: diagnostic.start.column - 1]
    if diagnostic.end.line == diagnostic.start.line:
        span = source[diagnostic.start.column - 1 : diagnostic.end.column - 1]
    else:
        span = source[diagnostic.start.column - 1 :]
    # Wide (CJK) characters take two terminal cells, an escape several: pad and underline to match.
    before, span = printable(before), printable(span)
    caret = " " * _width(before) + "^" * max(1, _width(span))
    return f"    {printable(source)}\n    {caret}\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
