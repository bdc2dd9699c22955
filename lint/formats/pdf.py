"""PDF documents: text page by page, in the layout of the PDF-extracted corpus.

pdfminer.six decodes each page's characters (fonts, CID maps, encryption).
Lines are rebuilt here from the characters' baselines, because a footnote
indicator is a superscript: a smaller, raised digit or asterisk on a baseline
of its own, which a layout engine may place on a line of its own or on the
wrong line. A superscript joins the line just below it, and then:

- in the running text each indicator becomes a line holding only its label,
  right after the line it stands in;
- under the page's footnote rule (a short horizontal stroke) a
  ``__________________`` line starts the notes, each given as a blank line, its
  label on a line of its own, and its text (wrapped lines joined) on one line.

That is the layout of the corpus documents extracted from UN PDFs, so the same
structure parsers apply, and page furniture (job numbers, running headers)
stays on lines of its own where ``structure/furniture.py`` recognises it.
Pages are separated by a blank line. Text is read top to bottom; characters on
one baseline form one line, so side-by-side columns are read across.
"""

from __future__ import annotations

import functools
import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import FormatError, missing_extra

SEPARATOR = "__________________"

#: A superscript is at most this fraction of the text size of its line...
_SUPERSCRIPT_SIZE = 0.8
#: ... and its baseline at most this fraction of that size above the line's.
_SUPERSCRIPT_RISE = 0.8
#: The least rise of a superscript that shares its line's baseline tolerance.
_LOW_RISE = 0.12
#: Characters on baselines closer than this fraction of their size share a line.
_SAME_BASELINE = 0.3
#: A gap wider than this fraction of the text size between two characters is a space.
_WORD_GAP = 0.25
#: A note's text wraps onto lines at most this many text sizes apart.
_WRAP_DISTANCE = 1.6
_LABEL_CHARS = frozenset("0123456789*")
_LABEL_SEPARATOR = ","
_LONE_LABEL = re.compile(r"\d{1,3}|\*{1,3}")


@dataclass(frozen=True, slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float


@dataclass
class _Row:
    """The glyphs on one baseline (the first glyph's), and the superscripts raised above it."""

    glyphs: list[_Glyph]
    baseline: float
    #: The largest text size on the row.
    size: float
    superscripts: list[_Glyph] = field(default_factory=list)

    def add(self, glyph: _Glyph) -> None:
        self.glyphs.append(glyph)
        self.size = max(self.size, glyph.size)


@dataclass
class _Line:
    text: str
    #: Labels before any other text (a footnote's number), and those after.
    leading: list[str]
    trailing: list[str]
    baseline: float
    size: float


def read_pdf(data: bytes) -> str:
    """The text of a PDF file, or :class:`FormatError` saying why it cannot be read."""
    try:
        import pdfminer  # noqa: F401 - only to say which extra is missing
    except ImportError:
        raise missing_extra("pdf", "pdfminer.six", "PDF documents") from None
    _quiet_pdfminer()
    pages = ["\n".join(_page_text(page)) for page in _layouts(data)]
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise FormatError("the PDF has no text layer (a scanned image?); unlint checks text only")
    return text + "\n"


@functools.cache
def _quiet_pdfminer() -> None:
    # pdfminer logs its repairs of imperfect files ("Cannot set gray non-stroke
    # color") as warnings, which Python prints on stderr unless the program
    # configured logging; unlint's stderr is for its own one-line errors.
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def _layouts(data: bytes) -> Iterator:
    """Each page's characters and strokes, without pdfminer's layout analysis (lines are rebuilt here).

    Any failure of pdfminer becomes a :class:`FormatError`: it raises many
    undocumented exception types on damaged files.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    try:
        for page in PDFPage.get_pages(io.BytesIO(data)):
            interpreter.process_page(page)
            yield device.get_result()
    except PDFEncryptionError:
        raise FormatError("the PDF is protected by a password; unlint cannot open it") from None
    except Exception as err:  # noqa: BLE001 - see above
        raise FormatError(f"damaged or unreadable PDF ({type(err).__name__}: {err or 'no detail'})") from None


def _page_text(page) -> Iterator[str]:
    lines = [_split(row) for row in _rows(list(_glyphs(page)))]
    rule = _footnote_rule(_strokes(page), lines)
    for line in (line for line in lines if rule is None or line.baseline > rule):
        yield from line.leading
        if _LONE_LABEL.fullmatch(line.text) and not line.leading:
            # A page number in full-size type, not an indicator: the blank line
            # keeps the footnote parser from reading it as one.
            yield ""
        if line.text:
            yield line.text
        yield from line.trailing
    notes = [line for line in lines if rule is not None and line.baseline < rule]
    if notes:
        yield SEPARATOR
        yield from _notes(notes)


# -- characters into lines -------------------------------------------------------


def _glyphs(container) -> Iterator[_Glyph]:
    from pdfminer.layout import LTChar, LTContainer

    for item in container:
        if isinstance(item, LTChar) and item.upright:  # rotated text (margin notes, stamps) is left out
            yield _Glyph(item.get_text(), item.x0, item.x1, item.matrix[5], item.size)
        elif isinstance(item, LTContainer):
            yield from _glyphs(item)


def _rows(glyphs: list[_Glyph]) -> list[_Row]:
    """Glyphs grouped by baseline, top to bottom; superscripts joined to the line below them."""
    rows: list[_Row] = []
    for glyph in sorted(glyphs, key=lambda g: -g.baseline):
        if rows and rows[-1].baseline - glyph.baseline <= _SAME_BASELINE * max(glyph.size, rows[-1].size):
            rows[-1].add(glyph)
        else:
            rows.append(_Row([glyph], glyph.baseline, glyph.size))
    kept: list[_Row] = []
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and _superscript_of(row, below):
            below.superscripts += row.glyphs
        else:
            kept.append(row)
    return kept


def _superscript_of(row: _Row, below: _Row) -> bool:
    return (
        all(_is_label(g) or not g.text.strip() for g in row.glyphs)
        and row.size <= _SUPERSCRIPT_SIZE * below.size
        and row.baseline - below.baseline <= _SUPERSCRIPT_RISE * below.size
    )


def _split(row: _Row) -> _Line:
    """The row's words, and its superscript labels before and after them."""
    words: list[str] = []
    leading: list[str] = []
    trailing: list[str] = []
    label, last_right = "", None
    for glyph, superscript in sorted(_tagged(row), key=lambda pair: pair[0].x0):
        if superscript and glyph.text != _LABEL_SEPARATOR:
            label += glyph.text
        elif label:
            (trailing if "".join(words).strip() else leading).append(label)
            label = ""
        if not superscript:
            # The gap a superscript filled is not a space between words.
            if last_right is not None and glyph.x0 - last_right > _WORD_GAP * row.size and glyph.text.strip():
                words.append(" ")
            words.append(glyph.text)
        last_right = glyph.x1
    if label:
        (trailing if "".join(words).strip() else leading).append(label)
    return _Line("".join(words).strip(), leading, trailing, row.baseline, row.size)


def _tagged(row: _Row) -> Iterable[tuple[_Glyph, bool]]:
    """Every glyph of the row, and whether it is a superscript.

    A superscript raised less than the baseline tolerance sits among the row's
    own glyphs; it is told apart by its size and rise above the full-size text.
    """
    base = min(g.baseline for g in row.glyphs if g.size == row.size)
    return [
        *((g, _is_label(g) and g.size <= _SUPERSCRIPT_SIZE * row.size
           and g.baseline - base >= _LOW_RISE * row.size) for g in row.glyphs),
        *((g, True) for g in row.superscripts if g.text.strip()),
    ]


def _is_label(glyph: _Glyph) -> bool:
    return glyph.text in _LABEL_CHARS or glyph.text == _LABEL_SEPARATOR


# -- the footnote area -----------------------------------------------------------


def _strokes(page) -> list[tuple[float, float]]:
    """Short horizontal strokes (footnote rules): their height and width."""
    from pdfminer.layout import LTLine, LTRect

    return [
        (item.y0, item.width)
        for item in page
        if isinstance(item, (LTLine, LTRect)) and item.height <= 2 and 20 <= item.width <= 0.6 * page.width
    ]


def _footnote_rule(strokes: list[tuple[float, float]], lines: list[_Line]) -> float | None:
    """The height of the page's footnote rule: the highest stroke with a note right under it."""
    for height, _width in sorted(strokes, reverse=True):
        below = [line for line in lines if line.baseline < height]
        if below and below[0].leading:
            return height
    return None


def _notes(lines: list[_Line]) -> Iterator[str]:
    """Each note as a blank line, its label and its text joined onto one line."""
    current: _Line | None = None
    for line in lines:
        if line.leading:
            if current is not None:
                yield current.text
            for label in line.leading:
                yield ""
                yield label
            current = line
        elif current is not None and current.baseline - line.baseline <= _WRAP_DISTANCE * current.size:
            current.text = _join(current.text, line.text)
            current.baseline = line.baseline
        else:
            if current is not None:
                yield current.text
                current = None
            yield line.text
    if current is not None:
        yield current.text


def _join(left: str, right: str) -> str:
    # Chinese wraps without a space; Latin words need one back.
    if left and right and left[-1].isascii() and right[0].isascii():
        return f"{left} {right}"
    return left + right
