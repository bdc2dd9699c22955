"""What each unit cites and counts: symbols, resolutions, quantities.

Read once per document from what the :class:`Document` already parsed (its
references, footnote markers, paragraph numbers) plus one scan for numbers,
then shared out among the units by position.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..document import Document
from ..references import ResolutionReference
from ..structure.scan import finditer_near, literal_positions
from .numbers import Quantity, find_quantities, masked
from .units import Unit

#: Runs of Chinese characters: counted by their lengths, not one match per character.
_CJK = regex.compile(r"\p{Han}+")
_LINK = regex.compile(r"(?:https?://|www\.)[^\s\p{Han}，。；）)]+")
_DIGITS = regex.compile(r"\d+")
#: What a symbol-like token (E/CN.5/2023/6, 70/213, S/RES/2553(2020)) is made of.
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./-()")
#: The number that opens a numbered paragraph or footnote (``12.``, ``3)``, ``12 Text``): structure,
#: compared as such.
_KEYED_NUMBER = regex.compile(r"\s*(?:\[\^\d{1,4}\]:?|\(?\d{1,3}[.．)]|\d{1,3}(?=\s))")
#: The list number that opens any other unit (``1.``, ``(3)``, a budget section's ``10.13``); ``25 July``
#: opens with a day.
_LIST_NUMBER = regex.compile(r"\s*(?:\(?\d{1,3}[.．)](?=\s|[^\x00-\x7f])|\d{1,3}(?:\.\d{1,3})+\.?(?=\s))")


@dataclass(frozen=True, slots=True)
class Cited:
    """A symbol or resolution as compared: ``value`` identifies it in both languages."""

    value: tuple
    start: int
    end: int
    text: str
    #: What it is, for messages: ``"symbol"``, ``"resolution"``, ``"decision"``.
    noun: str = "symbol"


@dataclass(slots=True)
class UnitAnchors:
    """Everything comparable in one unit."""

    symbols: list[Cited] = field(default_factory=list)
    resolutions: list[Cited] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    #: Spans of references and symbols in the unit, whose numbers are not compared as numbers.
    masks: list[tuple[int, int]] = field(default_factory=list)
    _tokens: set[tuple] | None = field(default=None, repr=False)

    def hidden(self, text: str) -> set[float]:
        """The values of the numbers inside the masks: the other language may write one of them outside
        any reference it parses (``resolution 1`` / ``决议1``)."""
        return {float(d) for start, end in self.masks for d in _DIGITS.findall(text, start, end)}

    @property
    def tokens(self) -> set[tuple]:
        """What alignment compares: values of symbols, resolutions and numbers in digits."""
        if self._tokens is None:
            if not (self.symbols or self.resolutions or self.quantities):
                self._tokens = set()  # most units of a long document: nothing to build from
            else:
                found = {("s", *c.value) for c in self.symbols} | {("r", *c.value) for c in self.resolutions}
                self._tokens = found | {q.key for q in self.quantities if not q.word}
        return self._tokens


def language_of(document: Document) -> str:
    """``"zh"`` when Chinese characters make up a fair share of the text, else ``"en"``."""
    sample = document.text[:20000]
    return "zh" if sum(map(len, _CJK.findall(sample))) * 5 > len(sample.strip()) else "en"


def resolution_value(item: ResolutionReference) -> tuple:
    """A resolution as both languages write it; the organ is left out (one text may infer it, one state it)."""
    return (item.session, item.number, item.letter)


def unit_anchors(document: Document, units: Sequence[Unit], language: str) -> list[UnitAnchors]:
    """One :class:`UnitAnchors` per unit, in the order of ``units``."""
    anchors = [UnitAnchors() for _ in units]
    starts = [u.start for u in units]

    def owner(offset: int) -> UnitAnchors | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0 or offset >= units[index].end:
            return None
        return anchors[index]

    references = document.references
    spans: list[tuple[int, int]] = []
    for symbol in references.symbols:
        spans.append((symbol.start, symbol.end))
        if (found := owner(symbol.start)) is not None:
            found.symbols.append(Cited((symbol.canonical,), symbol.start, symbol.end, symbol.text))
    for citation in references.citations:
        for item in citation.items:
            spans.append((item.start, item.end))
            if (found := owner(item.start)) is not None:
                kind = getattr(citation, "kind", "resolution")
                found.resolutions.append(Cited((kind, *resolution_value(item)), item.start, item.end, item.text,
                                               kind))
    # Numbers inside what looks like a symbol or a resolution number (E/2023/31, 70/213) are not counts or
    # amounts, whether or not the reference parser read them in this language.
    spans.extend(_slashed(document.text))
    # A link starts with one of two literals: found by str search, then matched there (see structure/scan.py).
    links = finditer_near(_LINK, document.text, literal_positions(document.text, "http", "www."))
    spans.extend(m.span() for m in links)
    spans.extend((m.start, m.end) for m in document.footnotes.markers)
    for unit in units:
        keyed = unit.key is not None and unit.key[0] in ("p", "fn")
        opening = (_KEYED_NUMBER if keyed else _LIST_NUMBER).match(document.text, unit.start, unit.end)
        if opening is not None:
            spans.append((opening.start(), opening.end()))
    spans.sort()
    for start, end in spans:
        if (found := owner(start)) is not None:
            found.masks.append((start, end))
    # Only the units' numbers: those of tables, the contents and page furniture are not compared.
    within = [(u.start, u.end) for u in units]
    for quantity in masked(list(find_quantities(document.text, language, words=False, within=within)),
                           _merged(spans)):
        if (found := owner(quantity.start)) is not None:
            found.quantities.append(quantity)
    return anchors


def _slashed(text: str) -> list[tuple[int, int]]:
    """Spans of the tokens around each slash; found from the slashes, which are few, not by a scan."""
    spans: list[tuple[int, int]] = []
    position = text.find("/")
    while position != -1:
        start, end = position, position + 1
        while start > 0 and text[start - 1] in _TOKEN_CHARS:
            start -= 1
        while end < len(text) and text[end] in _TOKEN_CHARS:
            end += 1
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
        position = text.find("/", end)
    return spans


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps joined, so that one lookup tells whether an offset is inside any."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
