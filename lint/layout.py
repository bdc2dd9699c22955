"""What a Word or PDF reader knows about its text beyond the characters.

A reader turns a file into text in the layout the structure parsers read
(docs/formats.md). Some facts do not survive that flattening: which lines are
table rows or cells, on which page a line stands. The reader records them
here, by 1-based line of the text it returns, and the :class:`Document`
carries them to the structure parsers and the reports. Plain text input has
an empty layout: what it does not know, the parsers infer from the text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer's comment on a span of the reading: what it says and which characters it covers."""

    #: The comment's own text, its paragraphs joined by newlines.
    text: str
    #: Character offsets of the commented span in the reading's text (``end`` exclusive; equal for a point).
    start: int
    end: int
    #: The same span as 1-based lines and columns (columns in characters, the end exclusive).
    line: int
    column: int
    end_line: int
    end_column: int
    #: The commented characters of the text.
    quoted: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span ``start:end`` shares a character with this one; an empty span counts when it touches."""
        if start == end or self.start == self.end:
            return self.start <= end and start <= self.end
        return start < self.end and self.start < end


@dataclass(frozen=True, slots=True)
class Layout:
    """Facts about the lines of a reading, each by 1-based line number."""

    #: Lines that are table rows or cells (a row is not a paragraph, a row label is not a chapter).
    table_lines: frozenset[int] = frozenset()
    #: The page of each line (index 0 is line 1); empty when the reader does not know pages.
    pages: tuple[int, ...] = ()
    #: Comments on spans of the text, in document order (Word comments; never in the text itself).
    comments: tuple[Comment, ...] = ()

    def page(self, line: int) -> int | None:
        """The 1-based page of a 1-based line, or None when unknown."""
        if 1 <= line <= len(self.pages):
            return self.pages[line - 1]
        return None


#: The layout of plain text: nothing known beyond the characters.
EMPTY = Layout()


@dataclass(frozen=True, slots=True)
class Reading:
    """What a Word or PDF reader returns: the text and what it knows about its lines."""

    text: str
    layout: Layout = EMPTY
