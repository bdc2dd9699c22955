"""Running headers and footers of a PDF: the lines that repeat in the page margins.

UN pages carry, above and below the text, the section title or symbol, the
job number (``26-01035``) and the page number (``35/71``). A line in the top
or bottom margin band is furniture when its shape (digits aside) comes back
in that band on another page, or when it is a page number, a job number or a
bar code. Text in the band that is neither (the masthead, the last lines of
a long footnote) stays text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from .pdf_lines import Line

#: The top band: lines whose baseline is in the top this fraction of the page...
_TOP_BAND = 0.1
#: ... and the bottom band.
_BOTTOM_BAND = 0.07
_DIGITS = regex.compile(r"\d+")
_ALWAYS = regex.compile(
    r"(?:\d{1,4}\s*/\s*\d{1,4}|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}|\*\d{7}\*|\d{1,4}|Please recycle)"
)


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[int]:
    """``id()`` of each furniture line."""
    banded: list[tuple[Line, str]] = []
    for lines, height in zip(pages, heights):
        for line in lines:
            band = _band(line, height)
            if band:
                banded.append((line, band + _shape(line)))
    counts = Counter(key for _, key in banded)
    return {
        id(line)
        for line, key in banded
        if counts[key] >= 2 or all(_ALWAYS.fullmatch(cell.strip()) for cell in line.cells)
    }


def _band(line: Line, height: float) -> str:
    if line.baseline >= height * (1 - _TOP_BAND):
        return "top:"
    if line.baseline <= height * _BOTTOM_BAND:
        return "bottom:"
    return ""


def _shape(line: Line) -> str:
    return _DIGITS.sub("#", line.text)
