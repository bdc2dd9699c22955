"""Where a finding is, in the terms of a Word or PDF document: page, paragraph number or heading.

A line number of the text a reader extracted means nothing to someone
looking at the Word file or the PDF. For those inputs a finding also says the
page (when the reader knows it), the number of the paragraph it is in, or,
outside numbered paragraphs, the heading it falls under. Plain text has none:
its lines are the user's own.
"""

from __future__ import annotations

import bisect

import regex

from .diagnostics import Where
from .document import Document
from .layout import EMPTY
from .patterns import compiled_on_use
from .structure.paragraphs import BODY

# A line that opens with a number of its own ("26.19", "3.I.1"): another paragraph.
_OTHER_NUMBER = compiled_on_use(regex.compile, r"\s*\d+(?:\.[0-9A-Z]+)+\.?\s")


def where(document: Document, offset: int) -> Where | None:
    """The place of ``offset``, or None for plain text input (which has the shared empty layout)."""
    if document.layout is EMPTY:  # a Word or PDF reader always gives a layout of its own
        return None
    line = document.line_index(offset) + 1
    paragraph = _paragraph(document, line)
    heading = None if paragraph is not None else _heading(document, line)
    return Where(document.layout.page(line), paragraph, heading)


def _paragraph(document: Document, line: int) -> str | None:
    """The number of the numbered paragraph holding ``line``, or None.

    A Word paragraph is one line; a PDF paragraph runs on over the lines
    after it, up to a blank line, a table, a heading or another number.
    """
    tables = document.layout.table_lines
    paragraphs = [p for p in document.paragraphs if p.line not in tables]
    index = bisect.bisect_right([p.line for p in paragraphs], line) - 1
    if index < 0:
        return None
    found = paragraphs[index]
    if found.line != line and not _runs_on(document, found.line, line):
        return None
    return str(found.number) if found.part == BODY else f"{found.part}, {found.number}"


def _runs_on(document: Document, first: int, line: int) -> bool:
    headings = {h.line for h in document.headings}
    for number in range(first + 1, line + 1):
        text = document.lines[number - 1]
        if (not text.strip() or number in document.layout.table_lines or number in headings
                or _OTHER_NUMBER.match(text)):
            return False
    return True


def _heading(document: Document, line: int) -> str | None:
    before = [h for h in document.headings if h.line <= line]
    if not before:
        return None
    last = before[-1]
    return f"{last.label}. {last.title}".strip()
