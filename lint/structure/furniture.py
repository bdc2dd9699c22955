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
from .scan import lines_matching


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


def parse_furniture(lines: Sequence[str], own_symbols: Sequence[str] = ()) -> tuple[FurnitureLine, ...]:
    """Return the furniture lines among ``lines`` (1-based line numbers).

    ``own_symbols`` are the parts of the document's own symbol
    (``A/60/341``, ``S/2005/567``); a line holding nothing else, apart from a
    page number, is a running header.
    """
    # Compiled only for a line that could be a running header: a Word or PDF reading has none.
    header = functools.cache(lambda: _running_header_pattern(own_symbols))
    found = []
    for index in lines_matching(lines, _gate(own_symbols)):  # no other line can be furniture
        kind = _kind_of(lines[index], header)
        if kind is not None:
            found.append(FurnitureLine(index + 1, kind))
    return tuple(found)


def _kind_of(text: str, header: Callable[[], regex.Pattern | None]) -> FurnitureKind | None:
    if not text.strip():
        return None
    for kind, pattern in _PATTERNS:
        if pattern.fullmatch(text):
            return kind
    if (pattern := header()) is not None and pattern.fullmatch(text):
        return FurnitureKind.RUNNING_HEADER
    return None


def _gate(own_symbols: Sequence[str]) -> re.Pattern:
    r"""What a furniture line must start with: the beginnings of _PATTERNS and the running header.

    A ``re`` gate (see structure/scan.py): ``\S`` stands for ``regex``'s ``\d``.
    """
    prefixes = [r"\S\S-", r"\*", "请回收", r"https?://undocs\.org/"]
    if own_symbols:
        alternatives = "|".join(re.escape(s) for s in sorted(own_symbols, key=len, reverse=True))
        prefixes.append(rf"(?:\S{{1,3}}[^\S\n]+)?(?:{alternatives})")
    return re.compile(rf"\n[^\S\n]*(?:{'|'.join(prefixes)})")


def _running_header_pattern(own_symbols: Sequence[str]) -> regex.Pattern | None:
    if not own_symbols:
        return None
    alternatives = "|".join(regex.escape(s) for s in sorted(own_symbols, key=len, reverse=True))
    # "A/60/341", "S/2005/567", "A/61/204 S/2006/590", "12 A/61/204", each with an optional page number.
    return regex.compile(
        rf"\s*(?:\d{{1,3}}\s+)?(?:{alternatives})(?:\s*[-–]?\s*(?:{alternatives}))*\*?(?:\s+\d{{1,3}})?\s*"
    )
