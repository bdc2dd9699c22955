"""Pairing the units of the original with those of the translation.

First the keyed units (numbered paragraphs, headings, footnotes) that both
versions have once each, kept in an order both agree on; they are sure. The
stretches between two anchors are then paired:

- the same number of units on both sides, and the numbers they cite mostly
  agree: one to one, sure;
- otherwise a dynamic-programming alignment on what the units cite and on
  their lengths; a pair counts as sure only when it shares most of what the
  two units cite. Pairs that are not sure are compared for nothing, so that an
  unsure stretch says less rather than something wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .anchors import UnitAnchors
from .units import Unit

#: Between anchors, a stretch this many units longer on one side than the other is not aligned at all.
_MAX_SKEW = 40
_GAP = -0.4
#: A pair found by the dynamic alignment is sure when it shares this much of what it cites...
_SURE_SIMILARITY = 0.75
#: ... or this many values (a date shares its year and month with any date of that month).
_SURE_SHARED = 3
#: A pair of the one-to-one pairing with nothing in common is still sure when its lengths fit this well
#: (absolute log of the length ratio against the documents' ratio).
_SURE_SHAPE = 0.45


@dataclass(frozen=True, slots=True)
class Pair:
    """Unit ``original`` (an index) matched with unit ``translation``; ``None`` on the side that has none."""

    original: int | None
    translation: int | None
    sure: bool


@dataclass(frozen=True)
class _Side:
    units: Sequence[Unit]
    anchors: Sequence[UnitAnchors]
    tokens: list[set[tuple]]
    lengths: list[int]


def align(original: Sequence[Unit], original_anchors: Sequence[UnitAnchors],
          translation: Sequence[Unit], translation_anchors: Sequence[UnitAnchors]) -> list[Pair]:
    """Every unit of both versions, once, in a pair; in text order."""
    left = _side(original, original_anchors)
    right = _side(translation, translation_anchors)
    ratio = (sum(right.lengths) or 1) / (sum(left.lengths) or 1)
    pairs: list[Pair] = []
    previous = (-1, -1)
    for i, j in _anchor_pairs(original, translation) + [(len(original), len(translation))]:
        pairs.extend(_stretch(left, right, range(previous[0] + 1, i), range(previous[1] + 1, j), ratio))
        if i < len(original):
            pairs.append(Pair(i, j, True))
        previous = (i, j)
    return pairs


def _side(units: Sequence[Unit], anchors: Sequence[UnitAnchors]) -> _Side:
    return _Side(units, anchors, [a.tokens for a in anchors], [u.end - u.start for u in units])


def _anchor_pairs(original: Sequence[Unit], translation: Sequence[Unit]) -> list[tuple[int, int]]:
    """Keyed units present in both, reduced to the longest run that is in order on both sides."""
    where = {u.key: u.index for u in translation if u.key is not None}
    candidates = [(u.index, where[u.key]) for u in original if u.key is not None and u.key in where]
    return _longest_increasing(candidates)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by the first index) increasing in the second."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[position] = j
            tail_index[position] = k
        parent[k] = tail_index[position - 1] if position else -1
    chain: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def _stretch(left: _Side, right: _Side, rows: range, columns: range, ratio: float) -> list[Pair]:
    if not rows or not columns or abs(len(rows) - len(columns)) > _MAX_SKEW:
        return [Pair(i, None, False) for i in rows] + [Pair(None, j, False) for j in columns]
    if len(rows) == len(columns) and _agrees(left, right, rows, columns):
        return [Pair(i, j, _sure_one_to_one(left, right, i, j, ratio)) for i, j in zip(rows, columns)]
    return _dynamic(left, right, rows, columns, ratio)


def _similarity(a: set[tuple], b: set[tuple]) -> float | None:
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def _agrees(left: _Side, right: _Side, rows: range, columns: range) -> bool:
    """One to one holds unless many pairs that both cite numbers share none."""
    cited = disjoint = 0
    for i, j in zip(rows, columns):
        a, b = left.tokens[i], right.tokens[j]
        if a and b:
            cited += 1
            disjoint += not (a & b)
        elif bool(a) != bool(b) and len(a | b) >= 2:
            cited += 1
            disjoint += 1
    return disjoint * 10 <= cited * 3


#: Units shorter than this (characters) are not paired on their length alone.
_SHORT = 30


def _shape(left: _Side, right: _Side, i: int, j: int, ratio: float) -> float:
    """How far the pair's length ratio is from the documents' (0: just as expected)."""
    return abs(math.log((right.lengths[j] + 1) / ((left.lengths[i] + 1) * ratio)))


def _common(token: tuple) -> bool:
    """A year or a month: values that neighbouring units share by chance."""
    kind = getattr(token[0], "value", token[0])
    return kind == "month" or (kind == "number" and 1900 <= token[1] <= 2100 and token[1] == int(token[1]))


def _strong(a: set[tuple], b: set[tuple]) -> bool:
    shared = len(a & b)
    return shared >= _SURE_SHARED or (shared > 0 and 2 * shared / (len(a) + len(b)) >= _SURE_SIMILARITY)


def _sure_one_to_one(left: _Side, right: _Side, i: int, j: int, ratio: float) -> bool:
    a, b = left.tokens[i], right.tokens[j]
    if a & b:
        # A year or a month in common says little: many neighbouring sentences share one.
        return any(not _common(token) for token in a & b) or _strong(a, b)
    if len(a) + len(b) > 2 or (len(a) + len(b) == 2 and not (a and b)):
        return False  # several numbers and none shared: a shifted pair, not a slip
    if len(a) + len(b) == 1 and _common(next(iter(a | b))):
        return False  # a lone year or month on one side: as likely a neighbour's
    # Lengths tell little about short units (a date, a heading).
    return min(left.lengths[i], right.lengths[j]) >= _SHORT and _shape(left, right, i, j, ratio) <= _SURE_SHAPE


def _score(left: _Side, right: _Side, i: int, j: int, ratio: float) -> float:
    length_score = max(0.0, 1.0 - _shape(left, right, i, j, ratio))
    similarity = _similarity(left.tokens[i], right.tokens[j])
    if similarity is None:
        return length_score - 0.6
    return 2.0 * similarity + 0.5 * length_score - 1.0


def _dynamic(left: _Side, right: _Side, rows: range, columns: range, ratio: float) -> list[Pair]:
    n, m = len(rows), len(columns)
    band = abs(n - m) + 8
    best = {(0, 0): (0.0, None)}
    for a in range(n + 1):
        centre = a * m // n if n else 0
        for b in range(max(0, centre - band), min(m, centre + band) + 1):
            if a == 0 and b == 0:
                continue
            options = []
            if a and b and (a - 1, b - 1) in best:
                options.append((best[(a - 1, b - 1)][0] + _score(left, right, rows[a - 1], columns[b - 1], ratio),
                                (a - 1, b - 1)))
            if a and (a - 1, b) in best:
                options.append((best[(a - 1, b)][0] + _GAP, (a - 1, b)))
            if b and (a, b - 1) in best:
                options.append((best[(a, b - 1)][0] + _GAP, (a, b - 1)))
            if options:
                best[(a, b)] = max(options, key=lambda option: option[0])
    if (n, m) not in best:
        return [Pair(i, None, False) for i in rows] + [Pair(None, j, False) for j in columns]
    return _trace(best, left, right, rows, columns)


def _trace(best: dict, left: _Side, right: _Side, rows: range, columns: range) -> list[Pair]:
    pairs: list[Pair] = []
    cell = (len(rows), len(columns))
    while cell != (0, 0):
        previous = best[cell][1]
        a, b = cell
        if previous == (a - 1, b - 1):
            i, j = rows[a - 1], columns[b - 1]
            pairs.append(Pair(i, j, _strong(left.tokens[i], right.tokens[j])))
        elif previous == (a - 1, b):
            pairs.append(Pair(rows[a - 1], None, False))
        else:
            pairs.append(Pair(None, columns[b - 1], False))
        cell = previous
    return pairs[::-1]
