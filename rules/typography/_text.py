"""What the TYP rules share: which documents are Chinese, which spans to leave alone."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from unlint import Document

HAN = regex.compile(r"\p{Han}")

# A resolution reference, ``第 1373（2001）号`` and the later members of a list
# (``第 1540（2004)和第 1673（2006）号``), also with its closing bracket lost
# (``第 1373（2001号``): the RES family reports a bracket slip there, so TYP
# leaves the span alone. Narrow on purpose; to be replaced by the reference
# parser's spans (document.references) once that lands.
_RESOLUTION_NUMBER = regex.compile(
    r"(?:第|、|和|及|至)\s*\d{1,4}\s*[（(]\s*(?:19|20)\d\d\s*(?:[)）]|(?=号))"
)


def is_chinese(document: Document) -> bool:
    return document.header.language == "zh"


def resolution_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) offsets of resolution numbers with their year in brackets."""
    return [m.span() for m in _RESOLUTION_NUMBER.finditer(document.text)]


def text_lines(document: Document) -> Iterator[tuple[int, str]]:
    """(start offset, text) of every line that is not page furniture."""
    skip = document.furniture_lines
    for number in range(1, document.line_count + 1):
        if number not in skip:
            line = document.line(number)
            yield line.start, line.text
