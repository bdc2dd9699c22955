"""The default format: ``path:line:col: CODE message``, optionally with the source line."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import click

from ..diagnostics import Diagnostic, Severity
from ..printable import printable
from ..summary import fixable
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
    # Only what --fix (or --unsafe-fixes, when given) would really apply; never on Word or PDF input.
    mark = " [*]" if fixable(diagnostic, context.fix_mode) else ""
    # A Word or PDF finding also says where it is in the document's own terms (page, paragraph).
    where = f" [{printable(diagnostic.where.describe(diagnostic.span_text))}]" if diagnostic.where else ""
    line = f"{location} {code}{mark} {printable(diagnostic.message)}{where}\n"
    if context.show_source and diagnostic.source_line:
        line += _source_excerpt(diagnostic)
    return line


#: Terminal cells of context kept on each side of the span when a source line is too long to show whole.
CONTEXT_CELLS = 40
#: Longer lines (a Word paragraph is one line) are cut around the span.
MAX_EXCERPT_CELLS = 2 * CONTEXT_CELLS + 40


def _source_excerpt(diagnostic: Diagnostic) -> str:
    source = diagnostic.source_line.rstrip()
    before = source[: diagnostic.start.column - 1]
    if diagnostic.end.line == diagnostic.start.line:
        span = source[diagnostic.start.column - 1 : diagnostic.end.column - 1]
    else:
        span = source[diagnostic.start.column - 1 :]
    after = source[len(before) + len(span):]
    # Wide (CJK) characters take two terminal cells, an escape several: pad and underline to match.
    before, span, after = printable(before), printable(span), printable(after)
    if _width(before) + _width(span) + _width(after) > MAX_EXCERPT_CELLS:
        before, after = _cut_before(before), _cut_after(after)
    caret = " " * _width(before) + "^" * max(1, _width(span))
    return f"    {before}{span}{after}\n    {caret}\n"


def _cut_before(text: str) -> str:
    """The last :data:`CONTEXT_CELLS` cells of ``text``, after an ellipsis when cut."""
    kept = ""
    for char in reversed(text):
        if _width(kept) + _width(char) > CONTEXT_CELLS:
            return "..." + kept
        kept = char + kept
    return kept


def _cut_after(text: str) -> str:
    """The first :data:`CONTEXT_CELLS` cells of ``text``, then an ellipsis when cut."""
    kept = ""
    for char in text:
        if _width(kept) + _width(char) > CONTEXT_CELLS:
            return kept + "..."
        kept += char
    return kept


def _width(text: str) -> int:
    # East Asian "ambiguous" characters (“ ” …) count one cell, as terminals outside CJK locales draw
    # them; ASCII "..." marks a cut so that the marker itself never depends on the locale.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
