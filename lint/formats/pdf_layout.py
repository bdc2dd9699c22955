"""A PDF's lines into the text the Word reader gives: paragraphs, table rows, contents, footnotes.

The Word reader gives one line per paragraph, a table row as its cells joined
by tabs, ``[^N]`` at a footnote reference and ``[^N]: text`` notes after the
body (docs/formats.md). The same document as PDF gives the same text here:

- running headers and footers are left out (pdf_furniture);
- the lines of one paragraph are joined: UN text is justified, so a line
  that reaches the right edge goes on in the next line when that one follows
  at the normal line distance in the same type (paragraphs, headings and list
  items are set apart by extra space or start with their own number), or is
  the first line of the next page;
- a row with cells far apart starts a table; the table's row is its lines at
  the normal line distance (cells wrapped), rows being set apart by more, and
  each cell's lines are joined in the column it starts at (cells by tabs);
- a wider space than between paragraphs (an empty paragraph in Word) and the
  ends of a table are blank lines;
- contents entries (``Title ..... 12``) read ``Title<TAB>12``, the contents
  block ending with a blank line;
- the notes at each page's foot (pdf_footnotes) go after the body, the raised
  numbers paired with them become ``[^N]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ..layout import Layout, Reading
from ..text import CONTENTS_TITLE
from .pdf_footnotes import Note, page_notes
from .pdf_furniture import furniture
from .pdf_lines import CLOSE, OPEN, Line

#: Lines of one paragraph are at most this many text sizes apart.
_LINE_PITCH = 1.4
#: A line reaching within this many text sizes of the page's right text edge is full (the paragraph goes on).
_FULL_LINE = 2.5
_SIZE_TOLERANCE = 0.6
#: A contents entry (its title wrapped) takes at most this many lines.
_TITLE_LINES = 4
#: A table cell's text wraps over at most this many lines.
_CELL_LINES = 8
#: A wrapped contents title fills its line to at least this fraction of the contents' width.
_WRAPPED_TITLE = 0.7
#: A gap of this many text sizes between two lines is an empty line (Word writes them around headings and tables).
_BLANK_GAP = 2.3
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
_ITEM_START = regex.compile(
    r"(?:\d{1,3}\.(?:\d{1,3}\.?)*|\([a-z]{1,4}\)|\([ivxlc]{1,6}\)|\(\d{1,3}\)|[A-Z]\.|[IVXL]{1,5}\.|[•●▪◦\-–—])\s"
)
_ITEM_LETTER = regex.compile(r"\(([a-z])\)\s")
_INLINE_ITEMS = regex.compile(r"(?<=\S\s)\(([a-z])\)\s")
_MARKER = regex.compile(rf"{OPEN}([^{CLOSE}]*){CLOSE}")
_LEADER = regex.compile(r"\s*(?:\.\s*){3,}$")
# Dot leaders and the page: three dots or more, or one set apart when the title fills the line.
_LEADER_AND_PAGE = regex.compile(r"(.*?)(?:(?:\s*\.\s*){3,}|\s+\.\s*)\s*(\d{1,4})")
_CONTENTS_PAGE = regex.compile(r"(?:Page|页次)")
_PAGE_NUMBER = regex.compile(r"\d{1,4}")
# A line that is nothing but resolution or decision numbers: a row of a mandates table whose
# title cell is empty (``2419 (2018)``, ``66/253 A; 66/253 B``); Word gives it as a table row.
# A session in Roman numerals (``364 (IV)``, ``671 A (XXV)``) is the older resolutions' number.
_CITATION = r"(?:\d{1,4}/\d{1,4}(?: [A-Z](?![\p{L}]))?|\d{3,4} \((?:19|20)\d\d\)|\d{1,4}(?: [A-H])? \([IVXL]{1,7}\))"
_CITATIONS_ONLY = regex.compile(rf"{_CITATION}(?:\s*[;,]\s*{_CITATION})*")
# Atomic: ``66/253 B; 71/130`` is citations only, not ``66/253`` and a title ``B; 71/130``.
_LEADING_CITATIONS = regex.compile(rf"((?>{_CITATION}(?:\s*[;,]\s*{_CITATION})*))\s+(\p{{Lu}}.*)")
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


#: The notes' printed labels by page, and the number each note has in the document's one series.
Labels = dict[tuple[int, str], str]


@dataclass
class _Out:
    """The text lines being written, with their pages and which are table rows."""

    lines: list[str]
    pages: list[int]
    tables: set[int]

    def add(self, text: str, page: int, table: bool = False) -> None:
        self.lines.append(text)
        self.pages.append(page)
        if table:
            self.tables.add(len(self.lines))


def compose(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> Reading:
    """The reading of a PDF whose pages have these lines (top to bottom)."""
    skipped = furniture(pages, heights)
    body_size = _body_size(pages)
    notes: list[Note] = []
    body: list[Line] = []
    expected: int | None = None
    for lines in pages:
        kept = [line for line in lines if id(line) not in skipped]
        found = page_notes(kept, body_size, expected)
        if found.continuation and notes:
            notes[-1].lines += found.continuation
        notes += found.notes
        numbered = [int(n.label) for n in notes if n.label.isdigit()]
        expected = numbered[-1] + 1 if numbered else expected
        body += [line for line in kept if id(line) not in found.note_lines]
    labels = {(note.page, note.mark or note.label): note.label for note in notes if note.label.isdigit()}
    out = _Out([], [], set())
    _write_body(_items_unsplit(body), labels, out)
    if notes:
        out.add("", out.pages[-1] if out.pages else 1)
        for note in notes:
            out.add(_note_line(note), note.page)
    return Reading("\n".join(out.lines) + "\n", Layout(frozenset(out.tables), tuple(out.pages)))


def _body_size(pages: Sequence[Sequence[Line]]) -> float:
    counts: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            counts[line.size] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 10.0


@dataclass
class _LastRow:
    """The last row of the table just written: where it ends in the body, its line in the output, its cells."""

    body_end: int
    out_index: int
    cells: list[str]
    #: The first row of the table (its header, which Word repeats at the top of each page).
    header: str
    #: Whether the table's rows written last were only that header repeated (its rows follow).
    header_only: bool = False


def _write_body(body: list[Line], labels: Labels, out: _Out) -> None:
    right = _right_edges(body)
    index = 0
    last: _LastRow | None = None
    while index < len(body):
        line = body[index]
        if index and _set_apart(body[index - 1], line) and out.lines and out.lines[-1]:
            out.add("", line.page)
        if CONTENTS_TITLE.fullmatch(line.text):
            out.add(_text(line, labels), line.page)
            index = _write_contents(body, index + 1, labels, out)
            continue
        after = last if last is not None and last.body_end == index else None
        carried = after is not None and _carries_cell(body, index)
        if (len(line.cells) > 1 or _wraps_into_row(body, index) or _between_rows(body, index) or carried
                or _CITATIONS_ONLY.fullmatch(_plain(line.text)) or _mandate_row(body, index)):
            index, last = _write_table(body, index, labels, out, after, carried)
            continue
        text = _text(line, labels)
        while index + 1 < len(body) and len(body[index + 1].cells) == 1 and (
                _continues(line, body[index + 1], right) or _next_inline_item(text, line, body[index + 1])):
            index += 1
            line = body[index]
            text = _join(text, _text(line, labels))
        out.add(text, body[index].page)
        index += 1


def _write_table(body: Sequence[Line], index: int, labels: Labels, out: _Out,
                 after: _LastRow | None, carried: bool) -> tuple[int, _LastRow | None]:
    """Write the table rows from ``index``; ``after`` is the table written right before them, if any.

    Rows on the next page of a table Word breaks over pages go on without a
    blank line, the header row Word repeats at the top of the page left out.
    """
    end = _table_end(body, index)
    rows = _table_cells(body[index:end], labels)
    if carried and after is not None and rows and not rows[0][0]:
        # The row the last table ended with goes on here, at the top of the next column or page.
        after.cells = _merged(after.cells, rows.pop(0))
        out.lines[after.out_index] = _row_text(after.cells)
    repeated = (after is not None and rows and _row_text(rows[0]) == after.header
                and body[index].page == body[index - 1].page + 1)
    glued = after is not None and (repeated or after.header_only)
    if repeated:
        rows.pop(0)
    if not rows:
        if after is not None:
            after.body_end, after.header_only = end, repeated
        return end, after
    if glued:
        while out.lines and not out.lines[-1]:
            out.lines.pop()
            out.pages.pop()
    elif out.lines and out.lines[-1]:
        out.add("", body[index].page)
    for cells in rows:
        out.add(_row_text(cells), body[index].page, table=True)
    # Rows right after a table's rows (nothing between) are more rows of that table.
    header = after.header if after is not None else _row_text(rows[0])
    out.add("", body[end - 1].page)
    return end, _LastRow(end, len(out.lines) - 2, rows[-1], header)


def _items_unsplit(body: list[Line]) -> list[Line]:
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
            and bool(_ITEM_START.match(_plain(other.cells[0]))))


def _set_apart(above: Line, below: Line) -> bool:
    """Whether a wider space than between paragraphs stands between two lines (Word's empty paragraph)."""
    return above.page == below.page and above.baseline - below.baseline > _BLANK_GAP * below.size


def _right_edges(body: Sequence[Line]) -> dict[int, float]:
    """Each page's right text edge: where most full lines end."""
    ends: dict[int, list[float]] = {}
    for line in body:
        ends.setdefault(line.page, []).append(line.x1)
    return {page: sorted(values)[int(0.9 * (len(values) - 1))] for page, values in ends.items()}


def _continues(above: Line, below: Line, right: dict[int, float]) -> bool:
    """Whether ``below`` is the next line of the paragraph ``above`` ends with."""
    if len(above.cells) > 1 or len(below.cells) > 1 or abs(above.size - below.size) > _SIZE_TOLERANCE:
        return False
    if below.leading_label:
        return False
    close = above.page == below.page and 0 < above.baseline - below.baseline <= _LINE_PITCH * above.size
    first = _plain(below.text)[:1]
    if close and first.islower():
        # A heading or a ragged line wrapped: a line never starts in lower case otherwise.
        return True
    # UN text is justified: a paragraph's lines but its last reach the right edge.
    if above.x1 < right[above.page] - _FULL_LINE * above.size:
        return False
    if _ITEM_START.match(_plain(below.text)) and not _mid_sentence(_plain(above.text)):
        return False
    if above.page == below.page:
        return close
    # Across a page break: the paragraph goes on at the top of the next page.
    return (below.page == above.page + 1 and not _ITEM_START.match(_plain(below.text))
            and not _plain(above.text).rstrip().endswith((".", ":", ";")))


def _next_inline_item(text: str, above: Line, below: Line) -> bool:
    """Whether ``below`` wraps a list run inside the paragraph: its ``(c)`` follows a ``(b)`` in the text."""
    found = _ITEM_LETTER.match(_plain(below.text))
    inline = _INLINE_ITEMS.findall(text)
    return (found is not None and bool(inline) and ord(found[1]) == ord(inline[-1]) + 1
            and above.page == below.page and abs(above.size - below.size) <= _SIZE_TOLERANCE
            and 0 < above.baseline - below.baseline <= _LINE_PITCH * above.size)


def _mandate_row(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is a mandates-table row whose citations column ran into its title
    (``48/218 B; 60/254 Review of ...``): the row after it (past the lines its title wraps onto)
    is a row of that table, starting where it starts."""
    line = body[index]
    if len(line.cells) != 1 or not _LEADING_CITATIONS.fullmatch(_plain(line.text)):
        return False
    ahead = index + 1
    while (ahead < len(body) and ahead < index + _CELL_LINES and len(body[ahead].cells) == 1
           and body[ahead].page == line.page
           and 0 < body[ahead - 1].baseline - body[ahead].baseline <= _LINE_PITCH * line.size):
        ahead += 1
    if ahead >= len(body):
        return False
    row = body[ahead]
    return (len(row.cells) > 1 and row.page == line.page and abs(row.size - line.size) <= _SIZE_TOLERANCE
            and abs(row.x0 - line.x0) <= 2 and bool(_LEADING_CITATIONS.match(f"{_plain(row.cells[0])} Title"))
            and 0 < body[ahead - 1].baseline - row.baseline <= _ROW_GAP * line.size)


def _between_rows(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is a row of the table around it (a group's title row): rows of a
    table stand right above and below it, at most a row's distance away."""
    if index == 0 or index + 1 >= len(body):
        return False
    above, line, below = body[index - 1], body[index], body[index + 1]
    return (
        len(line.cells) == 1 and len(above.cells) > 1 and (len(below.cells) > 1 or _wraps_into_row(body, index + 1))
        and above.page == line.page == below.page and abs(below.size - line.size) <= _SIZE_TOLERANCE
        and 0 < above.baseline - line.baseline <= _HEADER_GAP * max(above.size, line.size)
        and 0 < line.baseline - below.baseline <= _ROW_GAP * line.size
    )


def _mid_sentence(text: str) -> bool:
    """Whether a line stops inside a sentence (a word or a comma, not a list's ``; and``)."""
    text = text.rstrip()
    return bool(text) and (text[-1].isalpha() or text[-1] == ",") and not text.endswith((" and", " or"))


def _wraps_into_row(body: Sequence[Line], index: int) -> bool:
    """Whether a one-cell line is the first part of a table cell: its lines lead to the row's line."""
    line = body[index]
    for ahead in range(index + 1, min(len(body), index + _CELL_LINES)):
        above, below = body[ahead - 1], body[ahead]
        if (len(above.cells) > 1 or below.page != line.page or abs(below.size - line.size) > _SIZE_TOLERANCE
                or not 0 < above.baseline - below.baseline <= _LINE_PITCH * line.size):
            return False
        if len(below.cells) > 1:
            return True
    return False


def _table_end(body: Sequence[Line], start: int) -> int:
    """The end of the table that starts at ``start``: its rows, and the lines their cells wrap onto."""
    end = start + 1
    # Where the rows start: the table's left edge, in the column of text the table has reached.
    rows_start = body[start].x0
    while end < len(body):
        line, above = body[end], body[end - 1]
        if line.page != above.page or abs(line.size - body[start].size) > _SIZE_TOLERANCE:
            break
        gap = above.baseline - line.baseline
        if len(line.cells) == 1 and not 0 < gap <= _LINE_PITCH * line.size and not (
                0 < gap <= _ROW_GAP * line.size and abs(line.x0 - rows_start) <= 2):
            break
        if len(line.cells) > 1:
            rows_start = line.x0
        end += 1
    return end


def _table_cells(lines: Sequence[Line], labels: Labels) -> list[list[str]]:
    """The table's rows, each as its cells (an empty string where a column has none).

    A row's lines follow each other at the normal line distance (its cells
    wrapped); rows are set apart by more. A cell belongs to the column whose
    left edge it starts at.
    """
    columns = _column_starts(lines)
    rows: list[list[str]] = []
    previous: Line | None = None
    for line in lines:
        if previous is None or not 0 < previous.baseline - line.baseline <= _LINE_PITCH * line.size:
            rows.append([""] * len(columns))
        for cell, start in _cells(line, columns):
            column = max((i for i, left in enumerate(columns) if left <= start + 1), default=0)
            rows[-1][column] = _join_in_cell(rows[-1][column], _markers(cell, line.page, labels))
        previous = line
    return rows


def _row_text(cells: Sequence[str]) -> str:
    return "\t".join(cell for cell in cells if cell)


def _merged(row: Sequence[str], more: Sequence[str]) -> list[str]:
    """A table row with the rest of its cells, carried over a column or page break."""
    cells = list(row) + [""] * max(0, len(more) - len(row))
    for column, text in enumerate(more):
        cells[column] = _join(cells[column], text)
    return cells


def _carries_cell(body: Sequence[Line], index: int) -> bool:
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
        if (lower.page != line.page or abs(lower.size - line.size) > _SIZE_TOLERANCE
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


def _write_contents(body: Sequence[Line], index: int, labels: Labels, out: _Out) -> int:
    """The contents entries from ``index``, each ``title<TAB>page``; a blank line ends them.

    A title wrapped over up to three lines is joined to the line that ends with the page.
    """
    pending: list[str] = []
    wrote = False
    right = max(line.x1 for line in body[index:index + 60]) if index < len(body) else 0.0
    while index < len(body):
        line = body[index]
        text = _text(line, labels)
        if _CONTENTS_PAGE.fullmatch(text):
            out.add(text, line.page)
        else:
            title, page = _entry(line, labels)
            if page is None and wrote and not pending and _LEADER.search(title) and _close_below(body, index):
                # The rest of the entry above, whose page number stands on its first line: its leaders
                # end here.
                above, number = out.lines[-1].rsplit("\t", 1)
                out.lines[-1] = f"{_join(above, _LEADER.sub('', title).strip())}\t{number}"
            elif page is None:
                if len(pending) >= _TITLE_LINES - 1 or not _entry_follows(body, index + 1, labels, len(pending)):
                    break
                if line.x1 < _WRAPPED_TITLE * right:
                    # A short line among the entries is a title of its own (``Annexes``), not a wrap.
                    out.add(_join_all([*pending, title]), line.page)
                    pending = []
                else:
                    pending.append(title)
            else:
                out.add(f"{_join_all([*pending, title])}\t{page}", line.page)
                pending, wrote = [], True
        index += 1
    if wrote:
        out.add("", out.pages[-1])
    return index


def _close_below(body: Sequence[Line], index: int) -> bool:
    """Whether a line follows the line above it at a wrapped line's distance (not a new entry's)."""
    above, line = body[index - 1], body[index]
    return above.page == line.page and 0 < above.baseline - line.baseline <= _LINE_PITCH * max(above.size, line.size)


def _entry_follows(body: Sequence[Line], index: int, labels: Labels, pending: int) -> bool:
    """Whether a contents entry (a line ending with its page) comes within the lines a title may wrap over."""
    for ahead in range(index, min(len(body), index + _TITLE_LINES - 1 - pending)):
        if _entry(body[ahead], dict(labels))[1] is not None:
            return True
    return False


def _join_all(parts: Sequence[str]) -> str:
    text = ""
    for part in parts:
        text = _join(text, part)
    return text


def _entry(line: Line, labels: Labels) -> tuple[str, str | None]:
    cells = [_markers(cell, line.page, labels) for cell in line.cells]
    last = cells[-1].strip()
    if len(cells) > 1 and _PAGE_NUMBER.fullmatch(last):
        return _LEADER.sub("", " ".join(cells[:-1])).strip(), last
    found = _LEADER_AND_PAGE.fullmatch(cells[0]) if len(cells) == 1 else None
    if found:
        return found[1].strip(), found[2]
    return " ".join(cells), None


def _text(line: Line, labels: Labels) -> str:
    return "\t".join(_markers(cell, line.page, labels) for cell in line.cells)


def _markers(text: str, page: int, labels: Labels) -> str:
    """Raised labels that name a note of the page as ``[^N]``; any other raised text as it is.

    A note is referenced once (the pair is taken out of ``labels``): the same
    raised number again is Word's cross-reference to the note, which the
    Word reader reads as the plain number.
    """

    def replace(found: regex.Match) -> str:
        parts = [part for part in found[1].split(",") if part]
        if parts and all((page, part) in labels for part in parts):
            return "".join(f"[^{labels.pop((page, part))}]" for part in parts)
        return found[1]

    return _MARKER.sub(replace, text)


def _plain(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph: Latin words need a space back, Chinese and a broken hyphenation do not."""
    if not left or not right:
        return left + right
    if _CJK.match(left[-1]) and _CJK.match(right[0]):
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalnum() and right[0].isalnum():
        return left + right
    if left.endswith("/") and right[0].isalnum():
        # A document symbol broken after a slash (``ECE/EX/2023/`` ``L.1``): Word breaks it there without a space.
        return left + right
    return f"{left} {right}"


def _join_in_cell(left: str, right: str) -> str:
    """Two lines of a table cell: a document symbol broken after a dot goes on without a space.

    A symbol column wraps a long symbol where it can (``ECE/BATUMI.`` over
    ``CONF/2016/2/Add.2``); both halves hold a slash. A paragraph's lines are
    joined by :func:`_join` alone, where a sentence may end with a symbol.
    """
    if left.endswith(".") and "/" in left.rsplit(" ", 1)[-1] and "/" in right.split(" ", 1)[0]:
        return left + right
    return _join(left, right)


def _note_line(note: Note) -> str:
    text = ""
    for part in note.lines:
        text = _join(text, _plain(part).strip())
    text = regex.sub(r"[ ]{2,}", " ", text).strip()
    if note.label.isdigit():
        return f"[^{note.label}]: {text}"
    return f"{note.label} {text}"
