"""Rows of a page into lines: superscript labels marked, table cells set apart.

A row's characters are read left to right (pdf_rows builds the rows,
pdf_columns puts two columns of text in reading order). Superscript labels
(a digit or asterisk smaller than the line's text and raised above its
baseline) are kept in the line's text between two private-use marks
(:data:`OPEN` label :data:`CLOSE`), so the page analysis can later decide
what each one is: a footnote reference, or a digit that stays text (``m2``).
A wide horizontal gap separates table cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_columns import Grid, in_reading_order
from .pdf_glyphs import Glyph
from .pdf_rows import SUPERSCRIPT_SIZE, Row, is_label, page_rows

OPEN, CLOSE = "\ue000", "\ue001"

#: A superscript is raised at least this fraction of its line's text size above the line's baseline.
_LOW_RISE = 0.12
#: PDFium marks the spaces of the text; a gap wider than this fraction of the text size is one too...
_WORD_GAP = 0.6
#: ... and one wider than this separates two table cells.
_CELL_GAP = 1.6


@dataclass
class Line:
    """One row of a page: its cells (superscript labels marked), where it is and its text size."""

    cells: list[str]
    baseline: float
    size: float
    x0: float
    x1: float
    page: int
    #: Whether the row starts with a superscript label (a footnote's number).
    leading_label: bool = False
    #: Where each cell starts.
    starts: list[float] = field(default_factory=list)
    #: Per cell, where its words after the first start: (offset in the cell's text, x).
    words: list[list[tuple[int, float]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


def page_lines(glyphs: Sequence[Glyph], page: int, width: float = 0.0, grids: Sequence[Grid] = ()) -> list[Line]:
    """The page's lines, top to bottom; the left column before the right one where text runs in two.

    ``grids`` are the column grids the document's other pages show (pdf_columns).
    """
    return lines_of(page_rows(glyphs), page, width, grids)


def lines_of(rows: Sequence[Row], page: int, width: float = 0.0, grids: Sequence[Grid] = ()) -> list[Line]:
    """The lines of a page's rows (see :func:`page_lines`)."""
    ordered = in_reading_order(rows, width / 2, grids) if width else list(rows)
    return [line for row in ordered if (line := _line(row, page)) is not None]


def _line(row: Row, page: int) -> Line | None:
    size = row.main_size()
    base = min((g.baseline for g in row.glyphs if g.size == size), default=row.baseline)
    tagged = [(g, _is_superscript(g, size, base)) for g in row.glyphs] + [(g, is_label(g)) for g in row.raised]
    tagged.sort(key=lambda pair: pair[0].x0)
    if not tagged:
        return None
    cells: list[str] = []
    words: list[list[tuple[int, float]]] = []
    starts: list[float] = [tagged[0][0].x0]
    current: list[str] = []
    current_words: list[tuple[int, float]] = []
    previous: Glyph | None = None
    in_label = False

    def end_cell() -> None:
        raw = "".join(current)
        lead = len(raw) - len(raw.lstrip())
        cells.append(raw.strip())
        words.append([(offset - lead, x) for offset, x in current_words])

    for glyph, superscript in tagged:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if gap > _CELL_GAP * size:
                if in_label:
                    current.append(CLOSE)
                    in_label = False
                end_cell()
                starts.append(glyph.x0)
                current, current_words = [], []
            elif (previous.space_after or gap > _WORD_GAP * size) and not superscript:
                if in_label:
                    current.append(CLOSE)
                    in_label = False
                current.append(" ")
                current_words.append((sum(map(len, current)), glyph.x0))
        if superscript and not in_label:
            current.append(OPEN)
            in_label = True
        elif not superscript and in_label:
            current.append(CLOSE)
            in_label = False
        current.append(glyph.text)
        previous = glyph
    if in_label:
        current.append(CLOSE)
    end_cell()
    kept = [(cell, start, found) for cell, start, found in zip(cells, starts, words) if cell]
    if not kept:
        return None
    first = tagged[0]
    return Line([cell for cell, _, _ in kept], base, size, first[0].x0, max(g.x1 for g, _ in tagged), page,
                leading_label=first[1], starts=[start for _, start, _ in kept], words=[found for _, _, found in kept])


def _is_superscript(glyph: Glyph, size: float, base: float) -> bool:
    return (
        is_label(glyph)
        and glyph.size <= SUPERSCRIPT_SIZE * size
        and glyph.baseline - base >= _LOW_RISE * size
    )
