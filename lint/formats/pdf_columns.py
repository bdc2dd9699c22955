"""Two columns of text side by side on a page, read left column first as Word lays them out.

UN documents set long lists (legislative mandates) in Word section columns:
the text runs down the left column, then down the right one, each column
holding its own small table of symbols and titles. The rows of the page
interleave both columns; here runs of rows are split back into their columns.

A run is a stretch of rows none of which crosses the middle of the page, in
one type size, without a gap wider than between rows (a heading between
runs is set apart by its size or by space). A run is two columns when the
geometry shows it:

- rows with text on one side only occur on both sides, or a line of one side
  stands between two lines of one paragraph or cell of the other (each column
  keeps its own line grid; a table's rows are bands across the whole table);
- or the right half repeats the left half's indents one column further;
- or, for a short run the above cannot decide, its two halves start where the
  columns of a run the above decided start (the document's column grid).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .pdf_rows import SAME_BASELINE, Row

#: Half the width of the gap between two columns of text, around the middle of the page.
_GUTTER = 3.0
#: Two columns show at least this many rows with text on the left only, and as many on the right only.
_COLUMN_ROWS = 2
#: Columns end at a gap of this many text sizes across the page.
_COLUMN_BREAK = 2.2
#: Rows of one run of columns have text sizes at most this far apart (a heading's differs).
_SAME_SIZE = 0.6
#: Lines of one paragraph or cell are at most this many text sizes apart.
_LINE_PITCH = 1.4
#: Two column starts closer than this (points) are the same.
_SAME_START = 2.0


@dataclass(frozen=True)
class Grid:
    """Where the text of the left column and of the right column starts."""

    left: float
    right: float


@dataclass
class _Run:
    start: int
    end: int


def grids(rows: Sequence[Row], middle: float) -> set[Grid]:
    """The column grids that the page's runs show by their geometry alone."""
    found: set[Grid] = set()
    for run in _runs(rows, middle):
        part = rows[run.start:run.end]
        if _columns_by_geometry(part, middle):
            grid = _grid(part, middle)
            if grid is not None:
                found.add(grid)
    return found


def in_reading_order(rows: Sequence[Row], middle: float, known: Sequence[Grid] = ()) -> list[Row]:
    """The page's rows, each run of two columns read as its left halves, then its right halves."""
    out: list[Row] = []
    done = 0
    for run in _runs(rows, middle):
        out += rows[done:run.start]
        part = rows[run.start:run.end]
        if _columns_by_geometry(part, middle) or _on_known_grid(part, middle, known):
            halves = [_split_row(row, middle) for row in part]
            out += [left for left, _ in halves if left is not None]
            out += [right for _, right in halves if right is not None]
        else:
            out += part
        done = run.end
    return out + list(rows[done:])


def _runs(rows: Sequence[Row], middle: float) -> list[_Run]:
    """Stretches of rows that do not cross the middle, in one type size, without a wide gap."""
    kinds = [_side(row, middle) for row in rows]
    # The size of most of a row's text: a stray character in a larger size does not make a heading.
    sizes = [row.main_size() for row in rows]
    runs: list[_Run] = []
    index = 0
    while index < len(rows):
        if kinds[index] == "crossing":
            index += 1
            continue
        end = index + 1
        # Balanced columns end together; a heading starts new ones after a wide gap, or is in another
        # type size than the columns' text (a heading that stays left of the middle).
        while (end < len(rows) and kinds[end] != "crossing"
               and abs(sizes[end] - sizes[index]) <= _SAME_SIZE
               and rows[end - 1].baseline - rows[end].baseline <= _COLUMN_BREAK * min(sizes[end], sizes[end - 1])):
            end += 1
        runs.append(_Run(index, end))
        index = end
    return runs


def _columns_by_geometry(rows: Sequence[Row], middle: float) -> bool:
    kinds = [_side(row, middle) for row in rows]
    return ((kinds.count("left") >= _COLUMN_ROWS and kinds.count("right") >= _COLUMN_ROWS)
            or _mirrored(rows, middle) or _interleaved(rows, middle))


def _grid(rows: Sequence[Row], middle: float) -> Grid | None:
    left = [g.x0 for row in rows for g in row.glyphs if g.x0 < middle]
    right = [g.x0 for row in rows for g in row.glyphs if g.x0 >= middle]
    return Grid(round(min(left), 1), round(min(right), 1)) if left and right else None


def _on_known_grid(rows: Sequence[Row], middle: float, known: Sequence[Grid]) -> bool:
    """Whether both halves of a run start where the columns of the document's column runs start."""
    grid = _grid(rows, middle)
    return grid is not None and any(
        abs(grid.left - other.left) <= _SAME_START and abs(grid.right - other.right) <= _SAME_START
        for other in known)


def _mirrored(rows: Sequence[Row], middle: float) -> bool:
    """Whether the lines of the right half start where those of the left half do, shifted by one width."""
    left = {round(min(g.x0 for g in row.glyphs if g.x0 < middle)) for row in rows if any(g.x0 < middle for g in row.glyphs)}
    right = {round(min(g.x0 for g in row.glyphs if g.x0 >= middle)) for row in rows if any(g.x0 >= middle for g in row.glyphs)}
    if len(left) < 2 or len(right) < 2 or len(rows) < 2 * _COLUMN_ROWS:
        return False
    shift = min(right) - min(left)
    return all(any(abs(start - shift - other) <= 2 for other in left) for start in right)


def _interleaved(rows: Sequence[Row], middle: float) -> bool:
    """Whether one half has a line between two lines of one paragraph or cell of the other half.

    A table's rows are bands across it: a row's cells start together, under
    the whole row above. Text in two columns runs on its own line grid in each
    column, so a line of one column can stand between two lines of the other.
    """
    for this, other in ((False, True), (True, False)):
        here = [(row.baseline, row.size) for row in rows if _on_side(row, middle, this)]
        there = [row.baseline for row in rows if _on_side(row, middle, other)]
        for above, below in zip(there, there[1:]):
            for baseline, size in here:
                if (above - below <= _LINE_PITCH * size and above - baseline > SAME_BASELINE * size
                        and baseline - below > SAME_BASELINE * size):
                    return True
    return False


def _on_side(row: Row, middle: float, right: bool) -> bool:
    return any((g.x0 >= middle) == right for g in row.glyphs)


def _side(row: Row, middle: float) -> str:
    glyphs = row.glyphs + row.raised
    if any(g.x0 < middle + _GUTTER and g.x1 > middle - _GUTTER for g in glyphs):
        return "crossing"
    left = any(g.x1 <= middle for g in glyphs)
    right = any(g.x0 >= middle for g in glyphs)
    return "both" if left and right else "left" if left else "right"


def _split_row(row: Row, middle: float) -> tuple[Row | None, Row | None]:
    def part(side: bool) -> Row | None:
        glyphs = [g for g in row.glyphs if (g.x0 >= middle) == side]
        if not glyphs:
            return None
        return Row(glyphs, row.baseline, max(g.size for g in glyphs), [g for g in row.raised if (g.x0 >= middle) == side])

    return part(False), part(True)
