"""Comparing a translation with its original: every difference, computed once per pair.

The CMP rules each report one topic of the :class:`Comparison`. Positions are
in the translation; the original's line is in the message.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import Document
from .align import Pair, align
from .anchors import Cited, UnitAnchors, language_of, unit_anchors
from .numbers import find_words
from .quantities import unmatched
from .footnotes import footnote_pairs
from .structure import structure_differences
from .units import Unit, document_units


#: More differences than this in one aligned pair are not reported (see ``compare``).
_MAX_PER_PAIR = 3


class Topic(enum.Enum):
    SYMBOL = "symbol"
    RESOLUTION = "resolution"
    NUMBER = "number"
    PARAGRAPH = "paragraph"
    FOOTNOTE = "footnote"
    AGENDA = "agenda"


@dataclass(frozen=True, slots=True)
class Difference:
    """A difference at ``start:end`` of the translation's text."""

    topic: Topic
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Version:
    """One side of the comparison: the document, its units and what each unit cites."""

    document: Document
    language: str
    units: tuple[Unit, ...]
    anchors: list[UnitAnchors]


def read_version(document: Document) -> Version:
    language = language_of(document)
    units = document_units(document)
    return Version(document, language, units, unit_anchors(document, units, language))


@dataclass(frozen=True)
class Comparison:
    differences: tuple[Difference, ...]

    def of(self, topic: Topic) -> Iterator[Difference]:
        return (d for d in self.differences if d.topic is topic)


def compare(original: Document, translation: Document) -> Comparison:
    left, right = read_version(original), read_version(translation)
    body = _aligned_body(left, right)
    notes = footnote_pairs(left, right, body)
    pairs = body + notes.pairs
    found: list[Difference] = list(notes.differences)
    for pair in pairs:
        if pair.sure and pair.original is not None and pair.translation is not None:
            differences = list(_pair_differences(left, right, pair))
            # Many differences in one paragraph say that the two units are not the same text (a table one
            # reading kept in the paragraph, a pairing gone wrong) more often than that it was mistranslated.
            if len(differences) <= _MAX_PER_PAIR:
                found.extend(differences)
    found.extend(_unknown_symbols(left, right, pairs))
    found.extend(structure_differences(left, right, pairs))
    return Comparison(tuple(found))


def _aligned_body(left: Version, right: Version) -> list[Pair]:
    """The alignment of the units that are not footnote texts (footnotes are paired by their markers)."""
    body_left = [u.index for u in left.units if not u.is_footnote]
    body_right = [u.index for u in right.units if not u.is_footnote]
    pairs = align([left.units[i] for i in body_left], [left.anchors[i] for i in body_left],
                  [right.units[i] for i in body_right], [right.anchors[i] for i in body_right])
    return [Pair(None if p.original is None else body_left[p.original],
                 None if p.translation is None else body_right[p.translation], p.sure) for p in pairs]


def _pair_differences(left: Version, right: Version, pair: Pair) -> Iterator[Difference]:
    assert pair.original is not None and pair.translation is not None
    before, after = left.anchors[pair.original], right.anchors[pair.translation]
    if not (before.symbols or after.symbols or before.resolutions or after.resolutions
            or before.quantities or after.quantities):
        return  # most pairs of a long document: nothing to compare, and nothing to prepare for it
    line = left.units[pair.original].first_line
    head = _head(right, pair.translation)
    texts = _LazyTexts(left, right, pair)
    yield from _cited(Topic.SYMBOL, before.symbols, after.symbols, line, head, texts, multiset=True)
    yield from _cited(Topic.RESOLUTION, before.resolutions, after.resolutions, line, head, texts, multiset=False)
    for mismatch in _number_mismatches(left, right, pair, before, after):
        was, now = mismatch.original, mismatch.translation
        if was is not None and now is not None:
            yield Difference(Topic.NUMBER, now.start, now.end,
                             f"`{now.text}` ({now.describe()}) where the original has `{was.text}` "
                             f"({was.describe()}, original line {line})")
        elif was is not None:
            yield Difference(Topic.NUMBER, *head, f"`{was.text}` ({was.describe()}) of the original "
                             f"(line {line}) is not in this paragraph")
        elif now is not None:
            yield Difference(Topic.NUMBER, now.start, now.end,
                             f"`{now.text}` ({now.describe()}) is not in the original's paragraph (line {line})")


def _number_mismatches(left: Version, right: Version, pair: Pair, before: UnitAnchors,
                       after: UnitAnchors) -> list:
    """Numbers in digits first; numbers in words are read only where digits are left without a match."""
    found = unmatched(before.quantities, after.quantities)
    if not found:
        return found
    hidden = (before.hidden(left.document.text), after.hidden(right.document.text))
    return unmatched(before.quantities + _words(left, pair.original), after.quantities + _words(right, pair.translation),
                     hidden)


def _words(version: Version, index: int) -> list:
    unit = version.units[index]
    return find_words(version.document.text, version.language, unit.start, unit.end)


class _LazyTexts:
    """The two units' texts without spaces, made only when a reference differs."""

    def __init__(self, left: Version, right: Version, pair: Pair) -> None:
        self._sides = ((left, pair.original), (right, pair.translation))
        self._texts: dict[int, str] = {}

    def __getitem__(self, side: int) -> str:
        if side not in self._texts:
            self._texts[side] = _bare(*self._sides[side])
        return self._texts[side]


def _head(version: Version, index: int) -> tuple[int, int]:
    """The span reported for something missing from a unit: its first line."""
    unit = version.units[index]
    line = version.document.line(unit.first_line)
    return unit.start, max(unit.start, line.end)


_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u3000\t")
_BRACKETS = str.maketrans("（）", "()")


def _bare(version: Version, index: int) -> str:
    """A unit's text without spaces, to see whether a reference is written there though not parsed."""
    unit = version.units[index]
    return version.document.text[unit.start:unit.end].translate(_SPACES).translate(_BRACKETS)


def _written(cited: Cited, text: str) -> bool:
    return cited.text.translate(_SPACES).translate(_BRACKETS) in text


def _cited(topic: Topic, before: Sequence[Cited], after: Sequence[Cited], line: int,
           head: tuple[int, int], texts: _LazyTexts, *, multiset: bool) -> Iterator[Difference]:
    if not before and not after or Counter(c.value for c in before) == Counter(c.value for c in after):
        return
    # A reference the parser read on one side only, but written on the other too, is the parser's gap.
    before = [c for c in before if not (c.value not in {a.value for a in after} and _written(c, texts[1]))]
    after = [c for c in after if not (c.value not in {b.value for b in before} and _written(c, texts[0]))]
    counted_before = Counter(c.value for c in before)
    counted_after = Counter(c.value for c in after)
    if not multiset:
        counted_before = Counter(set(counted_before))
        counted_after = Counter(set(counted_after))
    missing = counted_before - counted_after
    added = counted_after - counted_before
    gone = [c for c in before if missing[c.value] and _take(missing, c.value)]
    new = [c for c in after if added[c.value] and _take(added, c.value)]
    if len(gone) == 1 and len(new) == 1:
        yield Difference(topic, new[0].start, new[0].end,
                         f"{new[0].noun} `{new[0].text}` where the original has `{gone[0].text}` "
                         f"(original line {line})")
        return
    for cited in gone:
        yield Difference(topic, *head, f"{cited.noun} `{cited.text}` of the original (line {line}) is not in "
                         "this paragraph")
    for cited in new:
        yield Difference(topic, cited.start, cited.end,
                         f"{cited.noun} `{cited.text}` is not in the original's paragraph (line {line})")


def _take(counter: Counter, value: tuple) -> bool:
    counter[value] -= 1
    return True


def _unknown_symbols(left: Version, right: Version, pairs: Sequence[Pair]) -> Iterator[Difference]:
    """A symbol the original never cites, in a part of the translation not surely aligned."""
    everywhere = {c.value for a in left.anchors for c in a.symbols}
    compared = {p.translation for p in pairs if p.sure and p.original is not None}
    for index, anchors in enumerate(right.anchors):
        if index in compared:
            continue
        for cited in anchors.symbols:
            if cited.value not in everywhere:
                yield Difference(Topic.SYMBOL, cited.start, cited.end,
                                 f"symbol `{cited.text}` is nowhere in the original")
