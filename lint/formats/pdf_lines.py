"""Glyphs into the lines of a page: baselines, superscripts and table cells.

Characters whose baselines are close form one row, read left to right. A
footnote marker is a superscript: a digit or asterisk smaller than its line's
text and raised above its baseline (a row of its own when raised far, which
then joins the row below). Superscript labels are kept in the line's text
between two private-use marks (:data:`OPEN` label :data:`CLOSE`), so the page
analysis can later decide what each one is: a footnote reference, or a digit
that stays text (``m2``). A wide horizontal gap separates table cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_glyphs import Glyph

OPEN, CLOSE = "\ue000", "\ue001"

#: A superscript is at most this fraction of its line's text size...
_SUPERSCRIPT_SIZE = 0.8
#: ... raised at least this fraction of it above the line's baseline...
_LOW_RISE = 0.12
#: ... and at most this fraction (a row of its own when raised more than the baseline tolerance).
_HIGH_RISE = 0.9
#: Characters on baselines closer than this fraction of their size share a row.
_SAME_BASELINE = 0.3
#: PDFium marks the spaces of the text; a gap wider than this fraction of the text size is one too...
_WORD_GAP = 0.6
#: ... and one wider than this separates two table cells.
_CELL_GAP = 1.6
_LABEL_CHARS = frozenset("0123456789*")
_LABEL_SEPARATORS = frozenset(",")


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

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


@dataclass
class _Row:
    glyphs: list[Glyph]
    baseline: float
    #: The largest size on the row.
    size: float
    raised: list[Glyph] = field(default_factory=list)


def page_lines(glyphs: Sequence[Glyph], page: int) -> list[Line]:
    """The page's rows, top to bottom."""
    return [line for row in _rows(glyphs) if (line := _line(row, page)) is not None]


def _rows(glyphs: Sequence[Glyph]) -> list[_Row]:
    rows: list[_Row] = []
    for glyph in sorted(glyphs, key=lambda g: -g.baseline):
        if rows and rows[-1].baseline - glyph.baseline <= _SAME_BASELINE * max(glyph.size, rows[-1].size):
            rows[-1].glyphs.append(glyph)
            if glyph.size > rows[-1].size:
                rows[-1].size = glyph.size
        else:
            rows.append(_Row([glyph], glyph.baseline, glyph.size))
    kept: list[_Row] = []
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and _raised_over(row, below):
            below.raised += row.glyphs
        else:
            kept.append(row)
    return kept


def _raised_over(row: _Row, below: _Row) -> bool:
    """Whether a row is only superscript labels of the row below it."""
    size = _text_size(below.glyphs)
    # A table note's letter (``a``) is raised like a footnote number.
    letter = len(row.glyphs) == 1 and len(row.glyphs[0].text) == 1 and row.glyphs[0].text.islower()
    return (
        (letter or all(_is_label(g) for g in row.glyphs))
        and row.size <= _SUPERSCRIPT_SIZE * size
        and row.baseline - below.baseline <= _HIGH_RISE * size
    )


def _text_size(glyphs: Sequence[Glyph]) -> float:
    """The size most of the row's characters have (a raised label or a big initial aside)."""
    counts: dict[float, int] = {}
    for glyph in glyphs:
        counts[glyph.size] = counts.get(glyph.size, 0) + len(glyph.text)
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def _line(row: _Row, page: int) -> Line | None:
    size = _text_size(row.glyphs)
    base = min((g.baseline for g in row.glyphs if g.size == size), default=row.baseline)
    tagged = [(g, _is_superscript(g, size, base)) for g in row.glyphs] + [(g, _is_label(g)) for g in row.raised]
    tagged.sort(key=lambda pair: pair[0].x0)
    if not tagged:
        return None
    cells: list[str] = []
    current: list[str] = []
    previous: Glyph | None = None
    in_label = False
    for glyph, superscript in tagged:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if gap > _CELL_GAP * size:
                if in_label:
                    current.append(CLOSE)
                    in_label = False
                cells.append("".join(current).strip())
                current = []
            elif (previous.space_after or gap > _WORD_GAP * size) and not superscript:
                if in_label:
                    current.append(CLOSE)
                    in_label = False
                current.append(" ")
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
    cells.append("".join(current).strip())
    cells = [cell for cell in cells if cell]
    if not cells:
        return None
    first = tagged[0]
    return Line(cells, base, size, first[0].x0, max(g.x1 for g, _ in tagged), page,
                leading_label=first[1])


def _is_label(glyph: Glyph) -> bool:
    return all(char in _LABEL_CHARS or char in _LABEL_SEPARATORS for char in glyph.text)


def _is_superscript(glyph: Glyph, size: float, base: float) -> bool:
    return (
        _is_label(glyph)
        and glyph.size <= _SUPERSCRIPT_SIZE * size
        and glyph.baseline - base >= _LOW_RISE * size
    )
