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
from .numbers import Kind
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


# Not frozen only because thousands are made per pair of documents: a frozen dataclass sets each field
# through object.__setattr__, which made building them a tenth of the comparison. Nothing changes one.
@dataclass(slots=True)
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
    """Every unit of both versions, once, in a pair; in text order. Pairs hold positions in the sequences."""
    left = _side(original, original_anchors)
    right = _side(translation, translation_anchors)
    ratio = (sum(right.lengths) or 1) / (sum(left.lengths) or 1)
    pairs: list[Pair] = []
    previous = (-1, -1)
    anchors = _longest_increasing(sorted(set(_anchor_pairs(original, translation))
                                         | set(_signature_pairs(left.tokens, right.tokens))))
    for i, j in anchors + [(len(original), len(translation))]:
        pairs.extend(_stretch(left, right, range(previous[0] + 1, i), range(previous[1] + 1, j), ratio))
        if i < len(original):
            pairs.append(Pair(i, j, True))
        previous = (i, j)
    return pairs


def _side(units: Sequence[Unit], anchors: Sequence[UnitAnchors]) -> _Side:
    return _Side(units, anchors, [a.tokens for a in anchors], [u.end - u.start for u in units])


def _anchor_pairs(original: Sequence[Unit], translation: Sequence[Unit]) -> list[tuple[int, int]]:
    """Keyed units present in both, reduced to the longest run that is in order on both sides."""
    where = {u.key: position for position, u in enumerate(translation) if u.key is not None}
    return [(position, where[u.key]) for position, u in enumerate(original) if u.key is not None and u.key in where]


def _signature_pairs(left: list[set[tuple]], right: list[set[tuple]]) -> list[tuple[int, int]]:
    """Units citing the very same values, found once in each version, not only years and months.

    They anchor documents without numbered paragraphs and cut the stretches the slower alignment must
    search into short ones.
    """
    def unique(tokens: list[set[tuple]]) -> dict[frozenset, int]:
        seen: dict[frozenset, int] = {}
        for position, found in enumerate(tokens):
            if found and not all(_common(token) for token in found):
                key = frozenset(found)
                seen[key] = -1 if key in seen else position
        return {key: position for key, position in seen.items() if position >= 0}

    theirs = unique(right)
    return [(position, theirs[key]) for key, position in unique(left).items() if key in theirs]


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
        return _one_to_one(left, right, rows, columns, ratio)
    return _dynamic(left, right, rows, columns, ratio)


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
    # One disagreement is what a slip looks like; many say the pairing is shifted.
    return disjoint <= max(1, cited * 3 // 10)


#: Units shorter than this (characters) are not paired on their length alone.
_SHORT = 30


def _shape(left: _Side, right: _Side, i: int, j: int, ratio: float) -> float:
    """How far the pair's length ratio is from the documents' (0: just as expected)."""
    return abs(math.log((right.lengths[j] + 1) / ((left.lengths[i] + 1) * ratio)))


def _common(token: tuple) -> bool:
    """A year or a month: values that neighbouring units share by chance."""
    # A token is a quantity's key (a Kind first) or a reference's ("s" or "r" first).
    kind = token[0]
    return kind is Kind.MONTH or (kind is Kind.NUMBER and 1900 <= token[1] <= 2100 and token[1] == int(token[1]))


def _telling(a: set[tuple], b: set[tuple]) -> bool:
    """The two units agree: they share something more telling than one year or month, or cite the same."""
    shared = a & b
    return any(not _common(token) for token in shared) or len(shared) >= 2 or (bool(a) and a == b)


def _strong(a: set[tuple], b: set[tuple]) -> bool:
    shared = len(a & b)
    return shared >= _SURE_SHARED or (shared > 0 and 2 * shared / (len(a) + len(b)) >= _SURE_SIMILARITY)


def _one_to_one(left: _Side, right: _Side, rows: range, columns: range, ratio: float) -> list[Pair]:
    """Pairs in order; one that shares nothing is sure only if the nearest pairs citing numbers share some.

    A slip changes one sentence; a stretch where the two versions drift apart changes every sentence around.
    """
    matched = list(zip(rows, columns))
    shares = [_telling(left.tokens[i], right.tokens[j]) for i, j in matched]
    cites = [bool(left.tokens[i] or right.tokens[j]) for i, j in matched]
    pairs = []
    for k, (i, j) in enumerate(matched):
        sure = _sure_one_to_one(left, right, i, j, ratio)
        if sure and not shares[k]:
            before = next((shares[n] for n in range(k - 1, -1, -1) if cites[n]), True)
            after = next((shares[n] for n in range(k + 1, len(matched)) if cites[n]), True)
            sure = before and after
        pairs.append(Pair(i, j, sure))
    return pairs


def _sure_one_to_one(left: _Side, right: _Side, i: int, j: int, ratio: float) -> bool:
    a, b = left.tokens[i], right.tokens[j]
    shared = a & b
    if shared:
        # A year or a month in common says little: many neighbouring sentences share one.
        # Sharing only those, the pair stands on its length, and on differing by one change at most.
        return (any(not _common(token) for token in shared) or _strong(a, b)
                or (_fits(left, right, i, j, ratio) and len(a ^ b) <= 2))
    if len(a) + len(b) > 2 or (len(a) + len(b) == 2 and not (a and b)):
        return False  # several numbers and none shared: a shifted pair, not a slip
    if len(a) + len(b) == 1 and _common(next(iter(a | b))):
        return False  # a lone year or month on one side: as likely a neighbour's
    # Lengths tell little about short units (a date, a heading).
    return _fits(left, right, i, j, ratio)


def _fits(left: _Side, right: _Side, i: int, j: int, ratio: float) -> bool:
    """Both units long enough to be told by their lengths, and those fit the documents' ratio."""
    return min(left.lengths[i], right.lengths[j]) >= _SHORT and _shape(left, right, i, j, ratio) <= _SURE_SHAPE


def _dynamic(left: _Side, right: _Side, rows: range, columns: range, ratio: float) -> list[Pair]:
    """Needleman-Wunsch in a band around the diagonal: a row of scores per unit of ``rows``, moves kept for
    the trace. Cells outside the band hold ``-inf``; rows are lists, not dicts, since the loop over the
    band's cells is the alignment's hot spot."""
    n, m = len(rows), len(columns)
    band = abs(n - m) + 8
    shift = math.log(ratio)
    left_logs = [math.log(left.lengths[i] + 1) for i in rows]
    right_logs = [math.log(right.lengths[j] + 1) for j in columns]
    left_tokens = [left.tokens[i] for i in rows]
    right_tokens = [right.tokens[j] for j in columns]
    outside = -math.inf

    previous = [outside] * (m + 1)
    moves: list[bytearray] = []
    for a in range(n + 1):
        centre = a * m // n if n else 0
        current = [outside] * (m + 1)
        row_moves = bytearray(m + 1)
        # The row's side of the pair score, looked up once per row (the score is inlined: a call per cell
        # cost a third of the loop).
        x = left_tokens[a - 1] if a else set()
        left_log = left_logs[a - 1] if a else 0.0
        for b in range(max(0, centre - band), min(m, centre + band) + 1):
            if a == 0 and b == 0:
                current[0], row_moves[0] = 0.0, _START
                continue
            best, move = outside, _NONE
            if a and b and previous[b - 1] != outside:
                # The score of pairing row a - 1 with column b - 1: lengths, then what both cite.
                fit = 1.0 - abs(right_logs[b - 1] - left_log - shift)
                length_score = fit if fit > 0.0 else 0.0
                y = right_tokens[b - 1]
                if not x and not y:
                    score = length_score - 0.6
                else:
                    similarity = 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
                    score = 2.0 * similarity + 0.5 * length_score - 1.0
                best, move = previous[b - 1] + score, _PAIR
            if a and previous[b] != outside and previous[b] + _GAP > best:
                best, move = previous[b] + _GAP, _SKIP_ORIGINAL
            if b and current[b - 1] != outside and current[b - 1] + _GAP > best:
                best, move = current[b - 1] + _GAP, _SKIP_TRANSLATION
            if move != _NONE:
                current[b], row_moves[b] = best, move
        moves.append(row_moves)
        previous = current
    if previous[m] == outside:
        return [Pair(i, None, False) for i in rows] + [Pair(None, j, False) for j in columns]
    return _trace(moves, left, right, rows, columns)


#: The moves of the dynamic alignment, as kept per cell.
_NONE, _PAIR, _SKIP_ORIGINAL, _SKIP_TRANSLATION, _START = range(5)


def _trace(moves: list[bytearray], left: _Side, right: _Side, rows: range, columns: range) -> list[Pair]:
    pairs: list[Pair] = []
    a, b = len(rows), len(columns)
    while (a, b) != (0, 0):
        move = moves[a][b]
        if move == _PAIR:
            i, j = rows[a - 1], columns[b - 1]
            pairs.append(Pair(i, j, _strong(left.tokens[i], right.tokens[j])))
            a, b = a - 1, b - 1
        elif move == _SKIP_ORIGINAL:
            pairs.append(Pair(rows[a - 1], None, False))
            a -= 1
        else:
            pairs.append(Pair(None, columns[b - 1], False))
            b -= 1
    return pairs[::-1]
