"""Page furniture: the lines a PDF or Word export adds that are not the text.

Job numbers (``10-54243 (C) 151010 191010``), bar codes (``*0644982*``),
``请回收`` recycling notes, running headers that repeat the document's own
symbol, and the ``https://undocs.org/...`` link lists of Repertoire pages.
Rules skip these lines: a job number is not a document symbol, and a link
list is not a citation in the text.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from .scan import lines_containing, lines_matching


class FurnitureKind(enum.Enum):
    JOB_NUMBER = "job-number"
    BARCODE = "barcode"
    RECYCLE = "recycle"
    RUNNING_HEADER = "running-header"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    line: int
    kind: FurnitureKind


_PATTERNS = (
    # 06-44982 * (C)    010906    010906 ; 10-54243 (C) 151010 191010
    (FurnitureKind.JOB_NUMBER, compiled_on_use(regex.compile,
        r"\s*\d{2}-\d{5}\s*(?:\*\s*)?\([A-Z]\)(?:\s+\d{6}){0,2}\s*")),
    (FurnitureKind.BARCODE, compiled_on_use(regex.compile, r"\s*\*\d{7}\*\s*")),
    (FurnitureKind.RECYCLE, compiled_on_use(regex.compile, r"\s*请回收.*")),
    (FurnitureKind.LINK, compiled_on_use(regex.compile, r"\s*https?://undocs\.org/\S*\s*")),
)


def parse_furniture(lines: Sequence[str], own_symbols: Sequence[str] = (), text: str | None = None,
                    line_starts: Sequence[int] | None = None) -> tuple[FurnitureLine, ...]:
    """Return the furniture lines among ``lines`` (1-based line numbers).

    ``own_symbols`` are the parts of the document's own symbol
    (``A/60/341``, ``S/2005/567``); a line holding nothing else, apart from a
    page number, is a running header. ``text`` and ``line_starts``: the lines joined by ``\\n``
    and the offset where each starts, when the caller has them (the Document does).
    """
    is_header = _running_header_test(own_symbols)
    # No other line can be furniture: one starting as the fixed patterns do, or holding an own symbol.
    if text is None:
        text = "\n".join(lines)  # once, for both searches
    candidates = lines_matching(lines, _GATE, text, line_starts)
    if own_symbols:
        candidates = sorted(set(candidates).union(lines_containing(lines, own_symbols, text)))
    found = []
    for index in candidates:
        kind = _kind_of(lines[index], is_header)
        if kind is not None:
            found.append(FurnitureLine(index + 1, kind))
    return tuple(found)


def _kind_of(text: str, is_header: Callable[[str], bool]) -> FurnitureKind | None:
    if not text.strip():
        return None
    for kind, pattern in _PATTERNS:
        if pattern.fullmatch(text):
            return kind
    if is_header(text):
        return FurnitureKind.RUNNING_HEADER
    return None


#: What a furniture line of _PATTERNS must start with (a ``re`` gate, see structure/scan.py:
#: ``\S`` stands for ``regex``'s ``\d``). Running headers are found by their symbols instead.
_GATE = compiled_on_use(re.compile, r"\n[^\S\n]*+(?:\S\S-|\*|请回收|https?://undocs\.org/)")

#: Stands for one own symbol in a line (a private-use character, which no symbol holds), so that one
#: pattern, compiled once, checks every document's running headers: ``regex`` compiles a pattern
#: in Python, and compiling one per document from its symbols cost more than finding its furniture.
_OWN = "\ue000"
_OWN_SYMBOLS_LINE = compiled_on_use(regex.compile, rf"\s*(?:\d{{1,3}}\s+)?{_OWN}(?:\s*[-–]?\s*{_OWN})*\*?(?:\s+\d{{1,3}})?\s*")
#: What a running header holds besides its symbols.
_HEADER_FILLER = compiled_on_use(regex.compile, r"[\s\d\-–*]*")


def _running_header_test(own_symbols: Sequence[str]) -> Callable[[str], bool]:
    """Whether a line is a running header: what :func:`_running_header_pattern` fully matches.

    Each own symbol in the line is replaced by ``_OWN`` and the line checked with
    ``_OWN_SYMBOLS_LINE``. That gives the same answer when no two occurrences of
    the symbols can overlap and no symbol can hide in a header's page number and
    spaces: then the replaced occurrences are exactly the symbols a match of the
    exact pattern reads. Other symbols, and lines holding ``_OWN``, get the exact
    pattern, compiled when first needed.
    """
    if not own_symbols:
        return lambda line: False
    exact = functools.cache(lambda: _running_header_pattern(own_symbols))
    symbols = sorted(own_symbols, key=len, reverse=True)
    if not _replaceable(symbols):
        return lambda line: exact().fullmatch(line) is not None

    def is_header(line: str) -> bool:
        if _OWN in line:
            return exact().fullmatch(line) is not None
        for symbol in symbols:
            line = line.replace(symbol, _OWN)
        return _OWN_SYMBOLS_LINE.fullmatch(line) is not None

    return is_header


def _replaceable(symbols: Sequence[str]) -> bool:
    """No symbol is empty, holds ``_OWN`` or only header filler, and no two occurrences can overlap."""
    for symbol in symbols:
        if not symbol or _OWN in symbol or _HEADER_FILLER.fullmatch(symbol):
            return False
        for other in symbols:
            if other != symbol and symbol in other:
                return False
            # A proper end of one that begins another: "A/1/B" and "B/2" could share "B".
            if any(other.startswith(symbol[cut:]) for cut in range(1, len(symbol))):
                return False
    return True


def _running_header_pattern(own_symbols: Sequence[str]) -> regex.Pattern | None:
    if not own_symbols:
        return None
    alternatives = "|".join(regex.escape(s) for s in sorted(own_symbols, key=len, reverse=True))
    # "A/60/341", "S/2005/567", "A/61/204 S/2006/590", "12 A/61/204", each with an optional page number.
    return regex.compile(
        rf"\s*(?:\d{{1,3}}\s+)?(?:{alternatives})(?:\s*[-–]?\s*(?:{alternatives}))*\*?(?:\s+\d{{1,3}})?\s*"
    )
