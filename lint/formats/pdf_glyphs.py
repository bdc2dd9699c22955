"""PDF pages as glyphs: each character with its position and size, read with PDFium.

pypdfium2 binds PDFium, which decodes fonts, CID maps and encryption in C.
Per character it gives the Unicode value (read for a whole page at once), the
origin (left end of the baseline), the glyph box and the font size; these are
all the line, superscript and footnote analysis needs. Characters PDFium
generates itself (the spaces and line breaks of its own text flow) are left
out: lines and spaces are rebuilt from the positions, which also sees
superscripts and table columns.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

from . import FormatError

#: PDFium's mark for a hyphen it found at the end of a line (a hyphenated compound broken there).
_LINE_END_HYPHEN = "\ufffe"
_SKIPPED = frozenset("\r\n\x00\ufeff")
#: The width of a character as a fraction of its size, for the gaps between characters
#: (PDFium's own spaces mark the words; only wide gaps, table columns, are measured).
_ADVANCE = 0.5
#: A character this close (in sizes) after the previous one's estimated end continues its word.
_JOINED = 0.4


@dataclass(frozen=True, slots=True)
class Glyph:
    #: A character, or a run of them on one baseline in one size (a word, a number).
    text: str
    x0: float
    x1: float
    #: The baseline's height above the bottom of the page.
    baseline: float
    size: float
    #: Whether the page text has a space (or line end) right after this character.
    space_after: bool = False


@dataclass(frozen=True, slots=True)
class PageGlyphs:
    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]


def open_document(data: bytes, pdfium):
    """The PDFium document, or :class:`FormatError` saying why it cannot be opened."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise FormatError("the PDF is protected by a password; unlint cannot open it") from None
        raise FormatError(f"damaged or unreadable PDF ({message})") from None


def pages(document, raw) -> Iterator[PageGlyphs]:
    """Every page's glyphs, in page order."""
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                glyphs = tuple(_glyphs(textpage, raw))
            finally:
                textpage.close()
        finally:
            page.close()
        yield PageGlyphs(index + 1, width, height, glyphs)


def _glyphs(textpage, raw) -> list[Glyph]:
    """The page's characters, a word's letters read as one glyph."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        # Characters outside the BMP: the page text no longer lines up with the indices.
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    reader = _Reader(textpage.raw, raw)
    found: list[Glyph] = []
    run: list[str] = []
    x0 = x1 = baseline = size = 0.0
    last = count - 1
    inside = False
    for index, char in enumerate(text):
        if char in _SKIPPED or char.isspace():
            continue
        following = text[index + 1] if index < last else " "
        if run and char.isalpha() and run[-1].isalpha() and following.isalpha():
            # A letter inside a word has the baseline and size of the letter before: PDFium is
            # asked about the first and last letters of a word and every other character.
            run.append(char)
            inside = True
            continue
        x, y = reader.origin(index)
        char_size = reader.size(index)
        if run and y == baseline and char_size == size and (inside or x - x1 < _JOINED * size):
            run.append(char)
        else:
            if run:
                found.append(Glyph("".join(run), x0, x1, baseline, size, False))
            run, x0, baseline, size = [char], x, y, char_size
        x1 = x + _ADVANCE * char_size
        inside = False
        if following.isspace() or following in _SKIPPED:
            found.append(Glyph("".join(run), x0, x1, baseline, size, True))
            run = []
    if run:
        found.append(Glyph("".join(run), x0, x1, baseline, size, False))
    return _upright([g if _LINE_END_HYPHEN not in g.text else _hyphen(g) for g in found if g.size > 0])


def _hyphen(glyph: Glyph) -> Glyph:
    return Glyph(glyph.text.replace(_LINE_END_HYPHEN, "-"), glyph.x0, glyph.x1, glyph.baseline, glyph.size,
                 glyph.space_after)


class _Reader:
    """PDFium's per-character calls, with their output buffers made once."""

    def __init__(self, handle, raw) -> None:
        self._handle = handle
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._refs = ctypes.byref(self._x), ctypes.byref(self._y)
        self._get_origin, self._get_size = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize

    def origin(self, index: int) -> tuple[float, float]:
        self._get_origin(self._handle, index, *self._refs)
        return self._x.value, self._y.value

    def size(self, index: int) -> float:
        return self._get_size(self._handle, index)


def _upright(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs without rotated text (a chart's axis title, a stamp): there the next glyph of
    the text stands above or below the previous one instead of after it."""
    rotated: set[int] = set()
    for index in range(len(glyphs) - 1):
        one, two = glyphs[index], glyphs[index + 1]
        if abs(two.x0 - one.x0) < 0.1 * one.size and 0.3 * one.size < abs(two.baseline - one.baseline) < 1.5 * one.size:
            if not one.space_after:
                rotated.update((index, index + 1))
    return [glyph for index, glyph in enumerate(glyphs) if index not in rotated] if rotated else glyphs
