"""Running headers and footers of a PDF: the lines in the page margins.

UN pages carry, above and below the text, the section title or the symbol,
the job number (``26-01035``) and the page number (``35/71``), in the top and
bottom margins: on the UN's letter-size pages the header's baseline is 59
points under the top edge and the text starts 83 points under it; the footer
stands 38 points above the bottom edge and the text ends 59 points above it.
From page 2 on, a line in the margin bands is furniture. On page 1 the top
margin holds the masthead, which is text; its bottom margin holds the job
number and the bar code, furniture when they look like them or come back on
other pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from .pdf_lines import Line

#: The top margin band: this many points under the top edge of the page...
_TOP_BAND = 72.0
#: ... and the bottom one, above the bottom edge.
_BOTTOM_BAND = 50.0
_DIGITS = regex.compile(r"\d+")
_FURNITURE = regex.compile(
    r"(?:\d{1,4}\s*/\s*\d{1,4}|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}|\*\d{7}\*|\d{1,4}|Please recycle)"
)


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[int]:
    """``id()`` of each furniture line."""
    found: set[int] = set()
    first_page: list[tuple[Line, str]] = []
    shapes: Counter[str] = Counter()
    for lines, height in zip(pages, heights):
        for line in lines:
            band = _band(line, height)
            if not band:
                continue
            shapes[band + _shape(line)] += 1
            if line.page == 1:
                first_page.append((line, band))
            else:
                found.add(id(line))
    for line, band in first_page:
        if band == "bottom:" and (shapes[band + _shape(line)] >= 2
                                  or all(_FURNITURE.fullmatch(cell.strip()) for cell in line.cells)):
            found.add(id(line))
    return found


def _band(line: Line, height: float) -> str:
    if line.baseline >= height - _TOP_BAND:
        return "top:"
    if line.baseline <= _BOTTOM_BAND:
        return "bottom:"
    return ""


def _shape(line: Line) -> str:
    return _DIGITS.sub("#", line.text)
