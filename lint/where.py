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
    return Locator(document).place(offset)


class Locator:
    """Places the offsets of one document: :func:`where` for each finding, with the tables it reads
    (paragraph lines, heading lines) built once per document rather than once per finding, which made
    a Word or PDF document with many findings cost their number times its paragraphs.

    A structure that failed to parse raises ``StructureUnavailable`` on each use, as it did per call.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._paragraphs: tuple[list, list[int]] | None = None
        self._headings: tuple[list, list[int] | None, frozenset[int]] | None = None

    def place(self, offset: int) -> Where | None:
        document = self.document
        if document.layout is EMPTY:  # a Word or PDF reader always gives a layout of its own
            return None
        line = document.line_index(offset) + 1
        paragraph = self._paragraph(line)
        heading = None if paragraph is not None else self._heading(line)
        return Where(document.layout.page(line), paragraph, heading)

    def _paragraph(self, line: int) -> str | None:
        """The number of the numbered paragraph holding ``line``, or None.

        A Word paragraph is one line; a PDF paragraph runs on over the lines
        after it, up to a blank line, a table, a heading or another number.
        """
        if self._paragraphs is None:
            tables = self.document.layout.table_lines
            paragraphs = [p for p in self.document.paragraphs if p.line not in tables]
            self._paragraphs = paragraphs, [p.line for p in paragraphs]
        paragraphs, lines = self._paragraphs
        index = bisect.bisect_right(lines, line) - 1
        if index < 0:
            return None
        found = paragraphs[index]
        if found.line != line and not self._runs_on(found.line, line):
            return None
        return str(found.number) if found.part == BODY else f"{found.part}, {found.number}"

    def _heading_table(self) -> tuple[list, list[int] | None, frozenset[int]]:
        if self._headings is None:
            headings = list(self.document.headings)
            lines = [h.line for h in headings]
            ordered = all(a <= b for a, b in zip(lines, lines[1:]))
            self._headings = headings, lines if ordered else None, frozenset(lines)
        return self._headings

    def _runs_on(self, first: int, line: int) -> bool:
        document, heading_lines = self.document, self._heading_table()[2]
        for number in range(first + 1, line + 1):
            text = document.lines[number - 1]
            if (not text.strip() or number in document.layout.table_lines or number in heading_lines
                    or _OTHER_NUMBER.match(text)):
                return False
        return True

    def _heading(self, line: int) -> str | None:
        headings, lines, _ = self._heading_table()
        if lines is not None:  # in line order (as parsed): the last one at or before the line
            index = bisect.bisect_right(lines, line) - 1
            before = headings[index] if index >= 0 else None
        else:
            before = next((h for h in reversed(headings) if h.line <= line), None)
        return None if before is None else f"{before.label}. {before.title}".strip()
