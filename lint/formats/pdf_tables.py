"""Tables in a PDF's lines: where a table starts and ends, its rows and their cells, as Word has them.

A row with cells far apart starts a table; the table's row is its lines at the
normal line distance (cells wrapped), rows being set apart by more, and each
cell's lines are joined in the column it starts at. Mandates tables need more:
citations run into their title without a cell's gap, a symbol run into the
next column, a row broken over a column or page. A list item whose narrow
label stands a cell's gap from its text is no table (:func:`items_unsplit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from .pdf_lines import Line
from .pdf_text import ITEM_START, LINE_PITCH, SIZE_TOLERANCE, Labels, join, markers, plain

#: A table cell's text wraps over at most this many lines.
_CELL_LINES = 8
#: A table row of one cell follows the row above at most this many text sizes below.
_ROW_GAP = 2.2
#: ... and the first row under a table's header at most this many.
_HEADER_GAP = 3.0
#: A list item's label has at most this many characters...
_LABEL_WIDTH = 5
#: ... and its neighbours, at most this many lines away, show the list's hanging indent.
_ITEM_NEIGHBOURS = 3
#: A cell run into the next column holds at most this many words before it (a symbol or citations).
_RUN_ON_WORDS = 5
#: A word starting this close (points) to where a table column starts begins that column's cell.
_COLUMN_ALIGNED = 1.0
# A line that is nothing but resolution or decision numbers: a row of a mandates table whose
# title cell is empty (``2419 (2018)``, ``66/253 A; 66/253 B``); Word gives it as a table row.
# A session in Roman numerals (``364 (IV)``, ``671 A (XXV)``) is the older resolutions' number.
_CITATION = r"(?:\d{1,4}/\d{1,4}(?: [A-Z](?![\p{L}]))?|\d{3,4} \((?:19|20)\d\d\)|\d{1,4}(?: [A-H])? \([IVXL]{1,7}\))"
CITATIONS_ONLY = regex.compile(rf"{_CITATION}(?:\s*[;,]\s*{_CITATION})*")
# Atomic: ``66/253 B; 71/130`` is citations only, not ``66/253`` and a title ``B; 71/130``.
_LEADING_CITATIONS = regex.compile(rf"((?>{_CITATION}(?:\s*[;,]\s*{_CITATION})*))\s+(\p{{Lu}}.*)")


def items_unsplit(body: list[Line]) -> list[Line]:
    """The lines, a list item whose narrow label stands a cell's gap from its text read as one cell.

    A list item's label is followed by a tab to the item's hanging indent; a
    narrow label (``©`` typed for ``(c)``) leaves a gap as wide as between two
    table cells. The item is a list item when a neighbouring line starts at the
    same place and its text after its own label starts at the same indent.
    """
    out = list(body)
    for index, line in enumerate(body):
        if (len(line.cells) == 2 and len(line.cells[0]) <= _LABEL_WIDTH and " " not in line.cells[0]
                and any(_same_hanging_indent(line, other)
                        for other in body[max(0, index - _ITEM_NEIGHBOURS):index + _ITEM_NEIGHBOURS + 1])):
            out[index] = replace(line, cells=[" ".join(line.cells)], starts=line.starts[:1], words=[])
    return out


def _same_hanging_indent(line: Line, other: Line) -> bool:
    words = other.words[0] if other.words else []
    return (other is not line and len(other.cells) == 1 and other.page == line.page
            and abs(other.x0 - line.x0) <= _COLUMN_ALIGNED and bool(words)
            and abs(words[0][1] - line.starts[1]) <= _COLUMN_ALIGNED
            and bool(ITEM_START.match(plain(other.cells[0]))))


def mandate_row(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is a mandates-table row whose citations column ran into its title
    (``48/218 B; 60/254 Review of ...``): the row after it (past the lines its title wraps onto)
    is a row of that table, starting where it starts."""
    line = body[index]
    if len(line.cells) != 1 or not _LEADING_CITATIONS.fullmatch(plain(line.text)):
        return False
    ahead = index + 1
    while (ahead < len(body) and ahead < index + _CELL_LINES and len(body[ahead].cells) == 1
           and body[ahead].page == line.page
           and 0 < body[ahead - 1].baseline - body[ahead].baseline <= LINE_PITCH * line.size):
        ahead += 1
    if ahead >= len(body):
        return False
    row = body[ahead]
    return (len(row.cells) > 1 and row.page == line.page and abs(row.size - line.size) <= SIZE_TOLERANCE
            and abs(row.x0 - line.x0) <= 2 and bool(_LEADING_CITATIONS.match(f"{plain(row.cells[0])} Title"))
            and 0 < body[ahead - 1].baseline - row.baseline <= _ROW_GAP * line.size)


def between_rows(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is a row of the table around it (a group's title row): rows of a
    table stand right above and below it, at most a row's distance away."""
    if index == 0 or index + 1 >= len(body):
        return False
    above, line, below = body[index - 1], body[index], body[index + 1]
    return (
        len(line.cells) == 1 and len(above.cells) > 1 and (len(below.cells) > 1 or wraps_into_row(body, index + 1))
        and above.page == line.page == below.page and abs(below.size - line.size) <= SIZE_TOLERANCE
        and 0 < above.baseline - line.baseline <= _HEADER_GAP * max(above.size, line.size)
        and 0 < line.baseline - below.baseline <= _ROW_GAP * line.size
    )


def wraps_into_row(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is the first part of a table cell: its lines lead to the row's line."""
    line = body[index]
    for ahead in range(index + 1, min(len(body), index + _CELL_LINES)):
        above, below = body[ahead - 1], body[ahead]
        if (len(above.cells) > 1 or below.page != line.page or abs(below.size - line.size) > SIZE_TOLERANCE
                or not 0 < above.baseline - below.baseline <= LINE_PITCH * line.size):
            return False
        if len(below.cells) > 1:
            return True
    return False


def table_end(body: Sequence[Line], start: int) -> int:
    """The end of the table that starts at ``start``: its rows, and the lines their cells wrap onto."""
    end = start + 1
    # Where the rows start: the table's left edge, in the column of text the table has reached.
    rows_start = body[start].x0
    while end < len(body):
        line, above = body[end], body[end - 1]
        if line.page != above.page or abs(line.size - body[start].size) > SIZE_TOLERANCE:
            break
        gap = above.baseline - line.baseline
        if len(line.cells) == 1 and not 0 < gap <= LINE_PITCH * line.size and not (
                0 < gap <= _ROW_GAP * line.size and abs(line.x0 - rows_start) <= 2):
            break
        if len(line.cells) > 1:
            rows_start = line.x0
        end += 1
    return end


def table_cells(lines: Sequence[Line], labels: Labels) -> list[list[str]]:
    """The table's rows, each as its cells (an empty string where a column has none).

    A row's lines follow each other at the normal line distance (its cells
    wrapped); rows are set apart by more. A cell belongs to the column whose
    left edge it starts at.
    """
    columns = _column_starts(lines)
    rows: list[list[str]] = []
    previous: Line | None = None
    for line in lines:
        if previous is None or not 0 < previous.baseline - line.baseline <= LINE_PITCH * line.size:
            rows.append([""] * len(columns))
        for cell, start in _cells(line, columns):
            column = max((i for i, left in enumerate(columns) if left <= start + 1), default=0)
            rows[-1][column] = _join_in_cell(rows[-1][column], markers(cell, line.page, labels))
        previous = line
    return rows


def row_text(cells: Sequence[str]) -> str:
    return "\t".join(cell for cell in cells if cell)


def merged(row: Sequence[str], more: Sequence[str]) -> list[str]:
    """A table row with the rest of its cells, carried over a column or page break."""
    cells = list(row) + [""] * max(0, len(more) - len(row))
    for column, text in enumerate(more):
        cells[column] = join(cells[column], text)
    return cells


def carries_cell(body: Sequence[Line], index: int) -> bool:
    """Whether a line at the top of a column or page goes on with the cell of a table row above it.

    Word breaks a row over a column or page: the rest of its cell stands at the
    top, in that cell's column, over the table's next row. Here the line is
    after a break, a row of several cells follows within a row's distance,
    and the line starts at one of that row's later cells, not at its first.
    """
    line = body[index]
    if index == 0 or len(line.cells) != 1:
        return False
    above = body[index - 1]
    if above.page == line.page and above.baseline >= line.baseline:
        return False
    for ahead in range(index + 1, min(len(body), index + _CELL_LINES)):
        upper, lower = body[ahead - 1], body[ahead]
        if (lower.page != line.page or abs(lower.size - line.size) > SIZE_TOLERANCE
                or not 0 < upper.baseline - lower.baseline <= _ROW_GAP * line.size):
            return False
        if len(lower.cells) > 1:
            return line.x0 > lower.x0 + line.size and any(abs(line.x0 - start) <= 2 for start in lower.starts[1:])
    return False


def _cells(line: Line, columns: Sequence[float]) -> list[tuple[str, float]]:
    """A line's cells and where they start.

    A cell whose text runs on into the next column without a wide gap (a long
    symbol, ``ECE/AC.21/2021/ Report of ...``) is split at the word that starts
    where that column starts; citations run into a title are two cells.
    """
    cells = [part for index in range(len(line.cells)) for part in _split_at_columns(line, index, columns)]
    found = _LEADING_CITATIONS.fullmatch(cells[0][0]) if len(cells) == 1 and len(columns) > 1 else None
    if found:
        return [(found[1], line.starts[0]), (found[2], columns[1])]
    return cells


def _split_at_columns(line: Line, index: int, columns: Sequence[float]) -> list[tuple[str, float]]:
    text, start = line.cells[index], line.starts[index]
    words = line.words[index] if index < len(line.words) else []
    for offset, x in words:
        head = text[:offset].strip()
        if len(head.split()) > _RUN_ON_WORDS:
            # A cell of prose across the table (a group's title) is no symbol run into its title.
            break
        if any(abs(x - column) <= _COLUMN_ALIGNED for column in columns if column > start + 1):
            return [(head, start), (text[offset:].strip(), x)]
    return [(text, start)]


def _column_starts(lines: Sequence[Line]) -> list[float]:
    """The left edges of the table's columns: where cells after a row's first start (close ones as one).

    The first column starts at the table's left edge; a wrapped or indented
    line of a first cell starts further right but left of the second column.
    """
    starts = sorted([min(line.x0 for line in lines)]
                    + [start for line in lines if len(line.cells) > 1 for start in line.starts[1:]])
    columns: list[float] = []
    for start in starts:
        if not columns or start - columns[-1] > lines[0].size:
            columns.append(start)
    return columns


def _join_in_cell(left: str, right: str) -> str:
    """Two lines of a table cell: a document symbol broken after a dot goes on without a space.

    A symbol column wraps a long symbol where it can (``ECE/BATUMI.`` over
    ``CONF/2016/2/Add.2``); both halves hold a slash. A paragraph's lines are
    joined by :func:`join` alone, where a sentence may end with a symbol.
    """
    if left.endswith(".") and "/" in left.rsplit(" ", 1)[-1] and "/" in right.split(" ", 1)[0]:
        return left + right
    return join(left, right)
