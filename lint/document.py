"""The document model: text, positions and structure, built once per file.

Every rule reads the same :class:`Document`. Each structure property is
parsed once, on first use, and kept (see structure/parsed.py): outside the
time limit of the rule that asked and under a limit of its own; a parser that
fails is reported once while the rules that need its structure are skipped.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .diagnostics import Position
from .inputs import BUILTIN, RunInputs
from .layout import EMPTY, Layout
from .structure.certainty import NotChecked
from .structure.scan import char_positions
from .references import References, find_references
from .structure.footnotes import Footnotes, parse_footnotes
from .structure.furniture import FurnitureLine, parse_furniture
from .structure.header import Header, parse_header
from .structure.headings import Heading, parse_headings
from .structure.paragraphs import PARAGRAPH_DOUBT_CODES, ParagraphStructure, parse_paragraphs
from .structure.parsed import StructureFailure, structure, structure_names
from .structure.toc import TOC_DOUBT_CODES, TableOfContents, parse_toc

# The parsers of structures that only some rules read are imported by the property that parses them, on
# first use: `unlint compare` reads none of them, and their modules (mostly their patterns) were a tenth
# of its start-up. The ones above are read by most runs of either command.
if TYPE_CHECKING:
    from .rules.registry import Mention, Registry
    from .structure.agenda import AgendaBlock
    from .structure.blocks import TextBlock
    from .structure.crossrefs import InternalReference
    from .structure.footnote_matching import FootnoteMatch
    from .structure.names import NameTable
    from .structure.pairing import Pairing
    from .structure.sublists import LetteredItem

_NEXT = (1).__add__


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text; ``start`` and ``end`` are offsets, ``end`` before the newline."""

    number: int
    start: int
    end: int
    text: str


@dataclass(eq=False)
class Document:
    """A decoded document. ``text`` has ``\\n`` line ends only.

    ``document_date`` overrides the masthead's date (the ``document-date``
    setting), for documents without a masthead or with a wrong one.
    ``layout`` is what a Word or PDF reader knows about the lines (tables, pages).
    ``inputs`` is what the run shares (see :mod:`unlint.inputs`).
    """

    text: str
    path: str = "<text>"
    document_date: dt.date | None = None
    layout: Layout = EMPTY
    #: What the run's settings and plugins give every document (the organization registry).
    inputs: RunInputs = field(default=BUILTIN, repr=False)
    #: Seconds one structure may take to parse (the engine passes ``rule-timeout``); None: no limit.
    parse_limit: float | None = field(default=None, repr=False)
    _line_starts: list[int] = field(init=False, repr=False)
    #: Structures whose parse failed, by property name (see structure/parsed.py).
    _failures: dict[str, StructureFailure] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        # One scan in C: a str.find per line cost a Python loop step per line of every document,
        # and a match object per line cost more than the scan (scan.char_positions).
        self._line_starts = [0, *map(_NEXT, char_positions(self.text, "\n"))]

    # -- positions ---------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self._line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """1-based line and column (in characters) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = self.line_index(offset)
        return Position(index + 1, offset - self._line_starts[index] + 1)

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1

    def line(self, number: int) -> Line:
        """The 1-based line ``number``."""
        start = self._line_starts[number - 1]
        end = self._line_starts[number] - 1 if number < len(self._line_starts) else len(self.text)
        return Line(number, start, end, self.text[start:end])

    @cached_property  # not a structure: splitting cannot fail
    def lines(self) -> tuple[str, ...]:
        """The text of every line, without line ends (index 0 is line 1)."""
        return tuple(self.text.split("\n"))

    # -- structure ------------------------------------------------------------

    @structure
    def header(self) -> Header:
        return parse_header(self.lines, self.text)

    @property
    def date(self) -> dt.date | None:
        """The date that date-dependent checks use: the override, else the masthead's."""
        return self.document_date or self.header.date

    @structure
    def furniture(self) -> tuple[FurnitureLine, ...]:
        return parse_furniture(self.lines, self.header.symbol_parts, self.text, self._line_starts)

    @structure
    def furniture_lines(self) -> frozenset[int]:
        """1-based numbers of the lines that are page furniture."""
        return frozenset(f.line for f in self.furniture)

    @cached_property
    def furniture_spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) offsets of the furniture lines, in order (end: the next line's start)."""
        starts, size = self._line_starts, len(self.text)
        return tuple((starts[line - 1], starts[line] if line < len(starts) else size)
                     for line in sorted(self.furniture_lines))

    def is_furniture(self, offset: int) -> bool:
        return self.line_index(offset) + 1 in self.furniture_lines

    @cached_property
    def layout_skip(self) -> frozenset[int]:
        """Lines no paragraph, heading, sub-list or contents is read from: furniture and table lines."""
        return self.furniture_lines | self.layout.table_lines

    @structure
    def paragraph_structure(self) -> ParagraphStructure:
        return parse_paragraphs(self.lines, self.layout_skip, self.text, self._line_starts)

    @property
    def paragraphs(self):
        return self.paragraph_structure.paragraphs

    @structure
    def text_blocks(self) -> tuple[TextBlock, ...]:
        """Paragraphs of running text across layout line breaks (see structure/blocks.py)."""
        from .structure.blocks import parse_blocks

        return parse_blocks(self.lines, self.furniture_lines, self.paragraph_structure)

    @structure
    def agenda(self) -> AgendaBlock | None:
        """The agenda line with lettered sub-items, their titles and the body's headings."""
        from .structure.agenda import parse_agenda

        paragraphs = self.paragraph_structure.paragraphs
        masthead_end = self.offset(paragraphs[0].line, 1) if paragraphs else None
        return parse_agenda(self.text, self.lines, self.furniture_lines, masthead_end, self._line_starts)

    @structure
    def references(self) -> References:
        """Every document symbol and resolution reference outside the page furniture, parsed once."""
        return find_references(self.text, self.furniture_lines, lambda offset: self.line_index(offset) + 1)

    @structure
    def footnotes(self) -> Footnotes:
        return parse_footnotes(self.lines, self._line_starts, self.furniture_lines, self.text)

    @structure
    def footnote_match(self) -> FootnoteMatch:
        from .structure.footnote_matching import match_footnotes

        # A masthead (its symbol or its date) says the text is a whole document, not an excerpt.
        masthead = self.header.symbol is not None or self.header.date is not None
        return match_footnotes(self.footnotes, whole_document=masthead)

    @structure
    def toc(self) -> TableOfContents | None:
        """The table of contents (``目录``), if the document has one."""
        return parse_toc(self.lines, self.layout_skip)

    @structure
    def headings(self) -> tuple[Heading, ...]:
        """Chapter and lettered section headings (not the contents' entries)."""
        toc_lines = self.toc.lines if self.toc else frozenset()
        return parse_headings(self.lines, self.layout_skip | toc_lines, self.text, self._line_starts)

    @structure
    def internal_references(self) -> tuple[InternalReference, ...]:
        """References to this document's own paragraphs, chapters, sections and annexes."""
        from .structure.crossrefs import parse_references
        from .structure.scan import literal_positions

        skip = self.furniture_lines | self.footnotes.text_lines
        skip |= {self.line_index(offset) + 1 for offset in literal_positions(self.text, " | ")}
        return parse_references(self.text, lambda offset: self.line_index(offset) + 1 in skip)

    @structure
    def lettered_items(self) -> tuple[LetteredItem, ...]:
        """Sub-paragraphs ``(a)``, ``(b)`` ... at the start of lines, in order."""
        from .structure.sublists import parse_lettered_items

        return parse_lettered_items(self.lines, self.layout_skip | self.footnotes.text_lines,
                                    self.layout.table_lines, self.text, self._line_starts)

    # -- structure that needs the run's inputs or other structures ---------------

    @property
    def organization_registry(self) -> Registry:
        """The run's organization registry (built-in data, configuration and plugins; see inputs.py)."""
        return self.inputs.organization_registry

    @structure
    def organization_mentions(self) -> tuple[Mention, ...]:
        """Registered organization names in the body, outside furniture and quoted titles."""
        from .structure.mentions import parse_mentions

        return parse_mentions(self.text, self.organization_registry, self.furniture_spans)

    @structure
    def names(self) -> NameTable:
        """The document's own name table: its ``全称(简称)`` / ``Full Name (ABBR)`` definitions."""
        from .structure.names import parse_document_names

        return parse_document_names(self.text, self.organization_mentions, self.is_furniture)

    @structure
    def bracket_pairing(self) -> Pairing:
        """Brackets and quotation marks paired block by block, resolution citations left out."""
        from .structure.pairing import pair_brackets, resolution_spans

        return pair_brackets(self.text, self.text_blocks, self._line_starts,
                             resolution_spans(self.text, self.references))

    # -- failures ---------------------------------------------------------------

    def structure_failure(self, name: str) -> StructureFailure | None:
        """Why the structure ``name`` could not be parsed, or None."""
        return self._failures.get(name)

    @property
    def structure_failures(self) -> tuple[StructureFailure, ...]:
        """Every structure that could not be parsed so far, in the order the properties are defined."""
        return tuple(f for name in structure_names(type(self)) if (f := self._failures.get(name)) is not None)

    # -- what was not checked -----------------------------------------------------

    @cached_property
    def not_checked(self) -> tuple[NotChecked, ...]:
        """What rules leave unchecked because a structure they need is unsure (see structure/certainty.py)."""
        return self.not_checked_by(None)

    def not_checked_by(self, enabled: frozenset[str] | None) -> tuple[NotChecked, ...]:
        """The doubts that silence one of the ``enabled`` rules (None: all), parsing only what they need.

        Reports show them beside the findings, so that silence is not taken for a clean text.
        """
        from .structure.blocks import BLOCK_DOUBT_CODES, block_doubts
        from .structure.footnote_matching import FOOTNOTE_DOUBT_CODES

        sources: tuple[tuple[frozenset[str], Callable[[], tuple[NotChecked, ...]]], ...] = (
            (PARAGRAPH_DOUBT_CODES, lambda: self.paragraph_structure.doubts),
            (FOOTNOTE_DOUBT_CODES, lambda: self.footnote_match.doubts),
            (TOC_DOUBT_CODES, lambda: self.toc.doubts if self.toc is not None else ()),
            (BLOCK_DOUBT_CODES, lambda: block_doubts(self.text_blocks)),
        )
        doubts = [d for codes, found in sources if enabled is None or codes & enabled for d in found()]
        if enabled is not None:
            doubts = [d for d in doubts if d.applies_to(enabled)]
        return tuple(sorted(doubts, key=lambda d: (d.line or 0, d.codes)))


#: Every structure property, in definition order: each comes after those it reads.
STRUCTURES: tuple[str, ...] = structure_names(Document)
