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
#: Half the width of the gap between two columns of text, around the middle of the page.
_GUTTER = 3.0
#: Two columns show at least this many rows with text on the left only, and as many on the right only.
_COLUMN_ROWS = 2
#: Columns end at a gap of this many text sizes across the page.
_COLUMN_BREAK = 2.2
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
    #: Where each cell starts.
    starts: list[float] = field(default_factory=list)

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


def page_lines(glyphs: Sequence[Glyph], page: int, width: float = 0.0) -> list[Line]:
    """The page's rows, top to bottom; the left column before the right one where text runs in two."""
    rows = _columns(_rows(glyphs), width / 2) if width else _rows(glyphs)
    return [line for row in rows if (line := _line(row, page)) is not None]


def _columns(rows: list[_Row], middle: float) -> list[_Row]:
    """Rows reordered where the page holds two columns of text side by side.

    Two columns are a run of rows none of which crosses the middle of the page,
    among them rows with text on one side only on both sides (the two columns'
    lines do not share baselines, as a table's cells do), or whose right half
    repeats the left half's indents one column further. Such a run is read as
    its left halves, then its right halves.
    """
    kinds = [_side(row, middle) for row in rows]
    out: list[_Row] = []
    index = 0
    while index < len(rows):
        if kinds[index] == "crossing":
            out.append(rows[index])
            index += 1
            continue
        end = index + 1
        # Balanced columns end together; a heading across the page starts new ones after a wide gap.
        while (end < len(rows) and kinds[end] != "crossing"
               and rows[end - 1].baseline - rows[end].baseline <= _COLUMN_BREAK * rows[end].size):
            end += 1
        run = kinds[index:end]
        if (run.count("left") >= _COLUMN_ROWS and run.count("right") >= _COLUMN_ROWS) or _mirrored(rows[index:end], middle):
            halves = [_split_row(row, middle) for row in rows[index:end]]
            out += [left for left, _ in halves if left is not None]
            out += [right for _, right in halves if right is not None]
        else:
            out += rows[index:end]
        index = end
    return out


def _mirrored(rows: list[_Row], middle: float) -> bool:
    """Whether the lines of the right half start where those of the left half do, shifted by one width."""
    left = {round(min(g.x0 for g in row.glyphs if g.x0 < middle)) for row in rows if any(g.x0 < middle for g in row.glyphs)}
    right = {round(min(g.x0 for g in row.glyphs if g.x0 >= middle)) for row in rows if any(g.x0 >= middle for g in row.glyphs)}
    if len(left) < 2 or len(right) < 2 or len(rows) < 2 * _COLUMN_ROWS:
        return False
    shift = min(right) - min(left)
    return all(any(abs(start - shift - other) <= 2 for other in left) for start in right)


def _side(row: _Row, middle: float) -> str:
    glyphs = row.glyphs + row.raised
    if any(g.x0 < middle + _GUTTER and g.x1 > middle - _GUTTER for g in glyphs):
        return "crossing"
    left = any(g.x1 <= middle for g in glyphs)
    right = any(g.x0 >= middle for g in glyphs)
    return "both" if left and right else "left" if left else "right"


def _split_row(row: _Row, middle: float) -> tuple[_Row | None, _Row | None]:
    def part(side: bool) -> _Row | None:
        glyphs = [g for g in row.glyphs if (g.x0 >= middle) == side]
        if not glyphs:
            return None
        return _Row(glyphs, row.baseline, max(g.size for g in glyphs), [g for g in row.raised if (g.x0 >= middle) == side])

    return part(False), part(True)


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
    starts: list[float] = [tagged[0][0].x0]
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
                starts.append(glyph.x0)
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
    kept = [(cell, start) for cell, start in zip(cells, starts) if cell]
    if not kept:
        return None
    first = tagged[0]
    return Line([cell for cell, _ in kept], base, size, first[0].x0, max(g.x1 for g, _ in tagged), page,
                leading_label=first[1], starts=[start for _, start in kept])


def _is_label(glyph: Glyph) -> bool:
    return all(char in _LABEL_CHARS or char in _LABEL_SEPARATORS for char in glyph.text)


def _is_superscript(glyph: Glyph, size: float, base: float) -> bool:
    return (
        _is_label(glyph)
        and glyph.size <= _SUPERSCRIPT_SIZE * size
        and glyph.baseline - base >= _LOW_RISE * size
    )
