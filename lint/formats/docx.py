"""Word (``.docx``) documents: masthead, paragraphs with their numbers, tables and footnotes.

The package is opened with zipfile and lxml (:mod:`.docx_package`, which first
refuses a zip bomb from the archive's directory); only the parts read here are
parsed: the body, footnotes, numbering, styles, settings and one header (and the comments, only
when the body marks any: :mod:`.docx_comments`). The text is, in order (docs/formats.md):

- the masthead: the header shown on the first page (:mod:`.docx_masthead`),
  a line per paragraph or table row as in the body, then a blank line;
  running headers and footers are not read;
- one line per body paragraph, starting with the number Word shows for an
  automatically numbered paragraph (:mod:`.docx_numbering`), and one line per
  table row, its cells joined by tabs as in Word's text export (the
  :class:`Layout` lists these lines as table lines); text boxes follow the
  paragraph that anchors them;
- a blank line and the notes: a framed paragraph of the first page opening
  with ``*`` (the cover-page note of the symbol or the title), then one line
  per footnote, ``[^3]: text`` (``[^3]`` stands where the reference does),
  or ``* text`` for a footnote with a custom mark.

Footnote numbers are what Word shows: notes are numbered in the order of the
footnotes part (the order of their references in any file Word saved), from
the document's ``numStart``. A note no reference points to keeps its place in
that order, so it is the footnote text that has no marker.

Pages come from the page breaks Word recorded when it last laid the document
out (``lastRenderedPageBreak``), trusted only when they make the page count
Word stored with the file (``docProps/app.xml``); else the pages are unknown.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import regex

from ..layout import Layout, Reading
from ..text import CONTENTS_TITLE
from . import FormatError, missing_extra
from .docx_comments import TAGS as _COMMENT_MARKS
from .docx_comments import Anchor, Marked, anchor, comment_texts, place_comments, placed
from .docx_masthead import masthead_part_id
from .docx_numbering import NO_NUMBERING, Counter, Numbering, parse_numbering
from .docx_package import check_package, open_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FOOTNOTES_REL = _RELS + "footnotes"
_NUMBERING_REL = _RELS + "numbering"
_STYLES_REL = _RELS + "styles"
_SETTINGS_REL = _RELS + "settings"
_APP_REL = _RELS + "extended-properties"
_COMMENTS_REL = _RELS + "comments"
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

# Subtrees that hold no visible text of this paragraph: properties, tracked
# deletions, field codes, the VML copy of a text box, and text boxes (whose
# paragraphs are lines of their own).
_SKIPPED = frozenset(
    _W + name for name in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "txbxContent", "footnoteRef")
) | {_FALLBACK}
# Tags compared once per element read: built once here, not by concatenation at each comparison.
_P, _TBL, _TR, _TC, _T, _TAB = (_W + n for n in ("p", "tbl", "tr", "tc", "t", "tab"))
_TXBX = _W + "txbxContent"
_BLOCK_CONTAINERS = frozenset(_W + n for n in ("sdt", "sdtContent", "customXml"))
_BREAKS = frozenset({_W + "br", _W + "cr"})
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_TRUE = frozenset({"1", "true", "on"})
_LINE_BREAKS = regex.compile(r"[\r\n\v\f\u2028\u2029]")
_LEADING_MARK = regex.compile(r"^\s*(\*{1,3})\s*")
#: A framed paragraph that is a cover-page note: its mark, then its text.
_COVER_NOTE = regex.compile(r"^\s*\*{1,3}\s+\S")
#: The space in a symbol typed to let a narrow table column wrap it after a slash.
_WRAPPED_SYMBOL = regex.compile(
    # after a slash (ECE/AC.23/ 2002/2/Rev.6), or after a body's name ending in a stop when the
    # symbol goes on with slashes (ECE/BATUMI. CONF/2016/2/Add.2; not "A/80/600. The ...")
    r"(?<![\w/.])([A-Z][A-Z0-9.]*+(?:/[A-Za-z0-9.\-]+)*+/) (?=[A-Z0-9])"
    r"|(?<![\w/.])([A-Z][A-Z0-9.]*+(?:/[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*)*?/[A-Z]+\.) (?=[A-Z][A-Z0-9.]*+/)"
)
_PAGE_HEAD = regex.compile(r"(?:Contents\s+)?(?:Page|页次)")


@dataclass(frozen=True, slots=True)
class _Note:
    id: str
    text: str
    #: True for a custom mark (``*``): Word gives it no number.
    custom: bool
    #: Comment marks in the note's text.
    anchors: tuple[Anchor, ...] = ()


def read_docx(data: bytes) -> Reading:
    """The text and layout of a ``.docx`` file, or :class:`FormatError` saying why it cannot be read."""
    try:
        # The extra is python-docx; what reads the parts is lxml, which it brings.
        import docx  # noqa: F401
        from lxml import etree
    except ImportError:
        raise missing_extra("docx", "python-docx", "Word documents") from None
    check_package(data)
    try:
        package = open_package(data, etree)
        document = package.main_root()
        body = document.find(_W + "body")
        if body is None:
            raise ValueError("the main part has no document body: not a Word document")
        notes = _footnotes(package.related(_FOOTNOTES_REL))
        numbering = parse_numbering(package.related(_NUMBERING_REL), package.related(_STYLES_REL))
        rel_id = masthead_part_id(body)
        masthead = package.by_id(rel_id) if rel_id else None
        start = _number_start(body, package.related(_SETTINGS_REL))
        reader = _Reader(_numbers(notes, start), Counter(numbering))
        reading = reader.read(body, masthead, notes, _page_count(package.package_related(_APP_REL)))
        return _with_comments(reading, reader.anchored, package) if reader.anchored else reading
    except (zipfile.BadZipFile, KeyError) as err:
        raise FormatError(
            f"not a readable .docx package ({_reason(err)}): a damaged file, or an old .doc or encrypted document "
            "(save it as an unprotected .docx)"
        ) from None
    except (ValueError, EOFError, OSError, zlib.error, etree.XMLSyntaxError) as err:
        raise FormatError(f"damaged Word document ({type(err).__name__}: {err})") from None


def _reason(err: Exception) -> str:
    return str(err).strip("'\"") or type(err).__name__


def _with_comments(reading: Reading, anchored: list[tuple[int, Anchor]], package) -> Reading:
    """The reading with the comments whose marks it met, placed on its text (the comments part is read only then)."""
    comments = place_comments(reading.text.split("\n"), anchored, comment_texts(package.related(_COMMENTS_REL)))
    return Reading(reading.text, replace(reading.layout, comments=comments))


def _footnotes(root) -> list[_Note]:
    if root is None:
        return []
    notes = []
    plain = _Reader({}, Counter(NO_NUMBERING))
    for note in root.iterchildren(_W + "footnote"):
        if note.get(_W + "type") in _SEPARATOR_NOTES:
            continue
        custom = next(note.iter(_W + "footnoteRef"), None) is None
        paragraphs = [(plain.paragraph_text(p), plain.take_marks()) for p in note.iter(_W + "p")]
        if any(marks for _, marks in paragraphs):
            text, anchors = _joined_note(paragraphs)
        else:
            text, anchors = " ".join(t for raw, _ in paragraphs if (t := raw.strip())), ()
        notes.append(_Note(note.get(_W + "id", ""), text, custom, anchors))
    return notes


def _joined_note(paragraphs: list[tuple[str, tuple[Anchor, ...]]]) -> tuple[str, tuple[Anchor, ...]]:
    """A note's paragraphs on one line, as ``_footnotes`` joins them, with their comment marks."""
    joined = Marked("")
    for raw, marks in paragraphs:
        piece = Marked(raw, marks).strip()
        if not piece.text:
            joined = Marked(joined.text, joined.anchors + placed(marks, len(joined.text)))
            continue
        joined = (joined + Marked(" ") + piece) if joined.text else joined + piece
    return joined.text, joined.anchors


def _page_count(app) -> int | None:
    """The page count Word stored when it saved the file (``docProps/app.xml``), or None."""
    pages = None if app is None else app.find(_APP + "Pages")
    text = (pages.text or "").strip() if pages is not None else ""
    return int(text) if text.isdigit() else None


def _number_start(body, settings) -> int:
    for element in (body, settings):
        if element is None:
            continue
        for start in element.iter(_W + "numStart"):
            if start.getparent().tag == _W + "footnotePr" and (value := start.get(_W + "val", "")).isdigit():
                return int(value)
    return 1


def _numbers(notes: list[_Note], start: int) -> dict[str, int]:
    automatic = [note for note in notes if not note.custom]
    return {note.id: start + rank for rank, note in enumerate(automatic)}


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    page: int
    table: bool = False
    #: Comment marks on this line (rare: most lines have none).
    anchors: tuple[Anchor, ...] = ()


@dataclass(slots=True)
class _Reader:
    """One pass over the document in reading order: numbering and pages are counted as it goes."""

    numbers: dict[str, int]
    counter: Counter
    #: Page breaks Word recorded so far (0 when it recorded none: pages unknown).
    breaks: int = 0
    #: The page the paragraph being read starts on.
    line_page: int = 1
    #: Footnote id -> page of its reference.
    note_pages: dict[str, int] = field(default_factory=dict)
    cover_notes: list[_Line] = field(default_factory=list)
    #: The last body line with text so far (what a table follows).
    last_text: str = ""
    #: Comment marks in the paragraph being read, by column of its text.
    marks: list[Anchor] = field(default_factory=list)
    #: Comment marks between paragraphs: they belong at the start of the next line.
    pending: list[Anchor] = field(default_factory=list)
    #: (0-based line index, mark) of every comment mark of the text, once read.
    anchored: list[tuple[int, Anchor]] = field(default_factory=list)
    #: The paragraphs that hold a text box somewhere inside (None: not known, look in each).
    boxed: frozenset | None = None

    @property
    def page(self) -> int:
        return self.breaks + 1

    def read(self, body, masthead, notes: list[_Note], page_count: int | None = None) -> Reading:
        lines: list[_Line] = []
        if masthead is not None:
            # In the layout of text exports: a table row on a line, "United Nations<tab>A/80/628".
            plain = _Reader({}, Counter(NO_NUMBERING), boxed=_boxed(masthead))
            heading = [_Line(line.text, 1) for line in plain._lines(masthead, table=False) if line.text.strip()]
            if heading:
                lines += [*heading, _Line("", 1)]
        self.boxed = _boxed(body)
        lines += list(self._lines(body, table=False))
        if self.pending and lines:  # marks after the last paragraph: at the end of the body
            last = lines[-1]
            lines[-1] = replace(last, anchors=last.anchors + placed(self.pending, len(last.text)))
        after = [*self.cover_notes, *(self._note_line(note) for note in notes)]
        if after:
            lines += [_Line("", lines[-1].page if lines else 1), *after]
        self.anchored = [(index, mark) for index, line in enumerate(lines) for mark in line.anchors]
        text = "\n".join(line.text for line in lines) + "\n"
        table_lines = frozenset(number for number, line in enumerate(lines, start=1) if line.table)
        # The final newline starts one more (empty) line: it is on the last page.
        # Word leaves its page break marks out of many files, or keeps stale ones: the pages are
        # known only when the marks make exactly the page count Word stored when it saved the file.
        known = self.breaks and page_count == self.breaks + 1
        pages = tuple(line.page for line in lines) + ((lines[-1].page,) if lines else ()) if known else ()
        return Reading(text, Layout(table_lines=table_lines, pages=pages))

    def _lines(self, container, *, table: bool) -> Iterator[_Line]:
        """One line per paragraph, and per table row (its cells joined by tabs), in document order."""
        for child in container:
            tag = child.tag
            if tag == _P:
                self.line_page = self.page
                label = self.counter.label(child)
                text = label + self.paragraph_text(child)
                line = _Line(text, self.line_page, table, self._line_marks(len(label)))
                if not table and _is_cover_note(child, text):
                    note = Marked(text, line.anchors).sub(_LEADING_MARK, r"\1 ")
                    self.cover_notes.append(_Line(note.text, line.page, anchors=note.anchors))
                else:
                    if text.strip() and not table:
                        self.last_text = text
                    yield line
                if self.boxed is None or child in self.boxed:
                    for box in _text_boxes(child):
                        yield from self._lines(box, table=table)
            elif tag == _TBL:
                rows = list(self._table(child))
                # A contents laid out as a table (entry, page number) is the contents, not table content.
                contents = not table and _is_contents(rows, self.last_text)
                for row in rows:
                    yield _Line(row.text, row.page, row.table and not contents, row.anchors)
                self.last_text = next((row.text for row in reversed(rows) if row.text.strip()), self.last_text)
                continue
            elif tag in _BLOCK_CONTAINERS:
                yield from self._lines(child, table=table)
            elif tag in _COMMENT_MARKS:
                self.pending.append(anchor(child, 0))

    def _line_marks(self, label: int) -> tuple[Anchor, ...]:
        """The comment marks of the paragraph just read (after its ``label``), and those waiting before it."""
        if not self.marks and not self.pending:
            return ()
        marks = (*self.pending, *(replace(a, column=a.column + label) for a in self.take_marks()))
        self.pending = []
        return marks

    def take_marks(self) -> tuple[Anchor, ...]:
        """The comment marks of the paragraph just read, by column of its text; forgotten here."""
        marks, self.marks = tuple(self.marks), []
        return marks

    def _table(self, table) -> Iterator[_Line]:
        for row in table.iter(_TR):
            if next(row.iterancestors(_TBL)) is not table:
                continue
            page = self.page
            cells = [list(self._lines(cell, table=True)) for cell in row.iterchildren(_TC)]
            if any(line.anchors for cell in cells for line in cell):
                joined = _marked_row(cells)
                yield _Line(joined.text, page, table=True, anchors=joined.anchors)
                continue
            yield _Line("\t".join(_join_cell([line.text for line in cell if line.text.strip()]) for cell in cells),
                        page, table=True)

    def _note_line(self, note: _Note) -> _Line:
        page = self.note_pages.get(note.id, self.page)
        if note.custom:
            text = Marked(note.text, note.anchors).sub(_LEADING_MARK, r"\1 ")
        else:
            text = Marked(f"[^{self.numbers[note.id]}]: ") + Marked(note.text, note.anchors)
        return _Line(text.text, page, anchors=text.anchors)

    def paragraph_text(self, paragraph) -> str:
        parts: list[str] = []
        self._collect(paragraph, parts)
        # One line per paragraph: a manual line break inside it reads as a space.
        return _LINE_BREAKS.sub(" ", "".join(parts))

    def _collect(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in _BREAKS:
                parts.append("" if child.get(_W + "type") in ("page", "column") or _ends_open(parts) else " ")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "footnoteReference":
                parts.append(self._reference(child))
            elif tag == _W + "lastRenderedPageBreak":
                self.breaks += 1
                if not "".join(parts).strip():
                    self.line_page = self.page  # the paragraph starts on the new page
            elif tag in _COMMENT_MARKS:
                self.marks.append(anchor(child, sum(map(len, parts))))
            else:
                self._collect(child, parts)

    def _reference(self, reference) -> str:
        note_id = reference.get(_W + "id", "")
        self.note_pages.setdefault(note_id, self.line_page)
        if reference.get(_W + "customMarkFollows", "").lower() in _TRUE:
            return ""  # the mark itself is the text run that follows
        number = self.numbers.get(note_id)
        return f"[^{number}]" if number is not None else ""


def _is_contents(rows: list[_Line], before: str) -> bool:
    """Whether a table is the contents: it follows the ``Contents`` title or opens with the ``Page`` column head."""
    first = next((row.text.strip() for row in rows if row.text.strip()), "")
    return CONTENTS_TITLE.fullmatch(before) is not None or _PAGE_HEAD.fullmatch(first) is not None


def _ends_open(parts: list[str]) -> bool:
    """Whether the text so far ends inside a symbol broken to fit a narrow cell (``ECE/EX/2023/``, break, ``L.1``)."""
    return bool(parts) and parts[-1].endswith("/")


def _marked_row(cells: list[list[_Line]]) -> Marked:
    """A row's cells joined by tabs, as ``_table`` joins them, carrying the comment marks in them."""
    row = Marked("")
    for number, cell in enumerate(cells):
        row = row + Marked("\t") + _marked_cell(cell) if number else row + _marked_cell(cell)
    return row


def _marked_cell(lines: list[_Line]) -> Marked:
    """A cell's lines joined as ``_join_cell`` joins them, carrying their comment marks."""
    joined = Marked("")
    for line in lines:
        if not line.text.strip():  # dropped: its marks stay where it stood
            joined = Marked(joined.text, joined.anchors + placed(line.anchors, len(joined.text)))
            continue
        piece = Marked(line.text, line.anchors)
        joined = joined + Marked(" ") + piece if joined.text and not joined.text.endswith("/") else joined + piece
    if "/ " in joined.text or ". " in joined.text:
        joined = joined.sub(_WRAPPED_SYMBOL, lambda m: m[1] or m[2])
    return joined


def _join_cell(paragraphs: list[str]) -> str:
    """A cell's paragraphs on one line: a space between them, none after a symbol's ``/``.

    In a narrow column a symbol is broken after a slash by a line break, a new
    paragraph or a typed space (``ECE/AC.23/ 2002/2/Rev.6``, ``ECE/BATUMI. CONF/2016/2``);
    the page shows one symbol wrapped, and so does the text here.
    """
    text = ""
    for paragraph in paragraphs:
        text += paragraph if not text or text.endswith("/") else " " + paragraph
    return _WRAPPED_SYMBOL.sub(lambda m: m[1] or m[2], text) if "/ " in text or ". " in text else text


def _is_cover_note(paragraph, text: str) -> bool:
    """A framed paragraph (placed on the page, not in the flow) that opens with a ``*`` mark."""
    return _COVER_NOTE.match(text) is not None and paragraph.find(f"{_W}pPr/{_W}framePr") is not None


def _boxed(root) -> frozenset:
    """Every paragraph under ``root`` that holds a text box at some depth (most paragraphs hold none)."""
    return frozenset(ancestor for box in root.iter(_TXBX) for ancestor in box.iterancestors(_P))


def _text_boxes(paragraph) -> Iterator:
    """The paragraph's own text boxes: not their copies for old readers, not boxes inside boxes."""
    # Most paragraphs hold no drawing at all: one C-level search spares the walk below.
    if paragraph.find(f".//{_W}txbxContent") is None:
        return
    for box in paragraph.iter(_W + "txbxContent"):
        between = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            between.append(ancestor.tag)
        if _FALLBACK not in between and _W + "txbxContent" not in between:
            yield box
