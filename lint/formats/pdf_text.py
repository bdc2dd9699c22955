"""The text of a PDF reading: lines written with their pages, note markers, lines joined as Word has them.

Shared by the writers of paragraphs (pdf_layout), tables (pdf_tables) and the
contents (pdf_contents).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .pdf_lines import CLOSE, OPEN, Line

#: Lines of one paragraph are at most this many text sizes apart.
LINE_PITCH = 1.4
SIZE_TOLERANCE = 0.6
ITEM_START = regex.compile(
    r"(?:\d{1,3}\.(?:\d{1,3}\.?)*|\([a-z]{1,4}\)|\([ivxlc]{1,6}\)|\(\d{1,3}\)|[A-Z]\.|[IVXL]{1,5}\.|[•●▪◦\-–—])\s"
)
_MARKER = regex.compile(rf"{OPEN}([^{CLOSE}]*){CLOSE}")
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


#: The notes' printed labels by page, and the number each note has in the document's one series.
Labels = dict[tuple[int, str], str]


@dataclass
class Out:
    """The text lines being written, with their pages and which are table rows."""

    lines: list[str]
    pages: list[int]
    tables: set[int]

    def add(self, text: str, page: int, table: bool = False) -> None:
        self.lines.append(text)
        self.pages.append(page)
        if table:
            self.tables.add(len(self.lines))


def line_text(line: Line, labels: Labels) -> str:
    return "\t".join(markers(cell, line.page, labels) for cell in line.cells)


def markers(text: str, page: int, labels: Labels) -> str:
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


def plain(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def join(left: str, right: str) -> str:
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
