"""What the TYP rules share: which documents are Chinese, which spans to leave alone."""

from __future__ import annotations

import regex

from unlint import Document

HAN = regex.compile(r"\p{Han}")

# A resolution number whose closing bracket was lost (``第 1373（2001号``): the
# reference parser does not take it for a citation, yet the slip is RES's, not TYP's.
_NUMBER_WITHOUT_CLOSING_BRACKET = regex.compile(r"第\s*\d{1,4}\s*[（(]\s*(?:19|20)\d\d\s*(?=号)")


def is_chinese(document: Document) -> bool:
    return document.header.language == "zh"


def resolution_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of every resolution citation, parsed or not: the RES family owns
    bracket slips there (``第 1373（2001)号``), so TYP does not report them twice."""
    references = document.references
    spans = [(c.start, c.end) for c in references.citations]
    spans += [(u.start, u.end) for u in references.unparsed if u.kind == "resolution"]
    spans += [m.span() for m in _NUMBER_WITHOUT_CLOSING_BRACKET.finditer(document.text)]
    return spans


def in_text_line(document: Document, offset: int) -> bool:
    """Whether ``offset`` lies on a line that is not page furniture.

    Rules scan the whole text with one pattern and test only the matches
    here, rather than running the pattern line by line."""
    return document.line_index(offset) + 1 not in document.furniture_lines
