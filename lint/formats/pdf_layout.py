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
  each cell's lines are joined in the column it starts at (cells by tabs;
  pdf_tables); a table Word breaks over pages goes on without its repeated
  header;
- a wider space than between paragraphs (an empty paragraph in Word) and the
  ends of a table are blank lines;
- contents entries (``Title ..... 12``) read ``Title<TAB>12``, the contents
  block ending with a blank line (pdf_contents);
- the notes at each page's foot (pdf_footnotes) go after the body, the raised
  numbers paired with them become ``[^N]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..layout import Layout, Reading
from ..text import CONTENTS_TITLE
from .pdf_contents import write_contents
from .pdf_footnotes import Note, page_notes
from .pdf_furniture import furniture
from .pdf_lines import Line
from .pdf_tables import (
    CITATIONS_ONLY,
    between_rows,
    carries_cell,
    items_unsplit,
    mandate_row,
    merged,
    row_text,
    table_cells,
    table_end,
    wraps_into_row,
)
from .pdf_text import ITEM_START, LINE_PITCH, SIZE_TOLERANCE, Labels, Out, join, line_text, plain

#: A line reaching within this many text sizes of the page's right text edge is full (the paragraph goes on).
_FULL_LINE = 2.5
#: A gap of this many text sizes between two lines is an empty line (Word writes them around headings and tables).
_BLANK_GAP = 2.3
_ITEM_LETTER = regex.compile(r"\(([a-z])\)\s")
_INLINE_ITEMS = regex.compile(r"(?<=\S\s)\(([a-z])\)\s")


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
    out = Out([], [], set())
    _write_body(items_unsplit(body), labels, out)
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


def _write_body(body: list[Line], labels: Labels, out: Out) -> None:
    right = _right_edges(body)
    index = 0
    last: _LastRow | None = None
    while index < len(body):
        line = body[index]
        if index and _set_apart(body[index - 1], line) and out.lines and out.lines[-1]:
            out.add("", line.page)
        if CONTENTS_TITLE.fullmatch(line.text):
            out.add(line_text(line, labels), line.page)
            index = write_contents(body, index + 1, labels, out)
            continue
        after = last if last is not None and last.body_end == index else None
        carried = after is not None and carries_cell(body, index)
        if (len(line.cells) > 1 or wraps_into_row(body, index) or between_rows(body, index) or carried
                or CITATIONS_ONLY.fullmatch(plain(line.text)) or mandate_row(body, index)):
            index, last = _write_table(body, index, labels, out, after, carried)
            continue
        text = line_text(line, labels)
        while index + 1 < len(body) and len(body[index + 1].cells) == 1 and (
                _continues(line, body[index + 1], right) or _next_inline_item(text, line, body[index + 1])):
            index += 1
            line = body[index]
            text = join(text, line_text(line, labels))
        out.add(text, body[index].page)
        index += 1


def _write_table(body: Sequence[Line], index: int, labels: Labels, out: Out,
                 after: _LastRow | None, carried: bool) -> tuple[int, _LastRow | None]:
    """Write the table rows from ``index``; ``after`` is the table written right before them, if any.

    Rows on the next page of a table Word breaks over pages go on without a
    blank line, the header row Word repeats at the top of the page left out.
    """
    end = table_end(body, index)
    rows = table_cells(body[index:end], labels)
    if carried and after is not None and rows and not rows[0][0]:
        # The row the last table ended with goes on here, at the top of the next column or page.
        after.cells = merged(after.cells, rows.pop(0))
        out.lines[after.out_index] = row_text(after.cells)
    repeated = (after is not None and rows and row_text(rows[0]) == after.header
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
        out.add(row_text(cells), body[index].page, table=True)
    # Rows right after a table's rows (nothing between) are more rows of that table.
    header = after.header if after is not None else row_text(rows[0])
    out.add("", body[end - 1].page)
    return end, _LastRow(end, len(out.lines) - 2, rows[-1], header)


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
    if len(above.cells) > 1 or len(below.cells) > 1 or abs(above.size - below.size) > SIZE_TOLERANCE:
        return False
    if below.leading_label:
        return False
    close = above.page == below.page and 0 < above.baseline - below.baseline <= LINE_PITCH * above.size
    first = plain(below.text)[:1]
    if close and first.islower():
        # A heading or a ragged line wrapped: a line never starts in lower case otherwise.
        return True
    # UN text is justified: a paragraph's lines but its last reach the right edge.
    if above.x1 < right[above.page] - _FULL_LINE * above.size:
        return False
    if ITEM_START.match(plain(below.text)) and not _mid_sentence(plain(above.text)):
        return False
    if above.page == below.page:
        return close
    # Across a page break: the paragraph goes on at the top of the next page.
    return (below.page == above.page + 1 and not ITEM_START.match(plain(below.text))
            and not plain(above.text).rstrip().endswith((".", ":", ";")))


def _next_inline_item(text: str, above: Line, below: Line) -> bool:
    """Whether ``below`` wraps a list run inside the paragraph: its ``(c)`` follows a ``(b)`` in the text."""
    found = _ITEM_LETTER.match(plain(below.text))
    inline = _INLINE_ITEMS.findall(text)
    return (found is not None and bool(inline) and ord(found[1]) == ord(inline[-1]) + 1
            and above.page == below.page and abs(above.size - below.size) <= SIZE_TOLERANCE
            and 0 < above.baseline - below.baseline <= LINE_PITCH * above.size)


def _mid_sentence(text: str) -> bool:
    """Whether a line stops inside a sentence (a word or a comma, not a list's ``; and``)."""
    text = text.rstrip()
    return bool(text) and (text[-1].isalpha() or text[-1] == ",") and not text.endswith((" and", " or"))


def _note_line(note: Note) -> str:
    text = ""
    for part in note.lines:
        text = join(text, plain(part).strip())
    text = regex.sub(r"[ ]{2,}", " ", text).strip()
    if note.label.isdigit():
        return f"[^{note.label}]: {text}"
    return f"{note.label} {text}"
