"""Matching the numbers of two aligned units.

Numbers in digits must find their equal on the other side; one written as a
word on either side answers a number in digits of the same value (``three``
and ``3``, ``三`` and ``3``) but is never missed by itself. An amount answers
the bare number of the same value (a currency named in one language and only
implied in the other). What is left over is a difference; one left on each
side of the same kind reads as a change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .numbers import Kind, Quantity


@dataclass(frozen=True, slots=True)
class Mismatch:
    """``original`` has no match (missing), ``translation`` has none (added), or both (changed)."""

    original: Quantity | None
    translation: Quantity | None


#: Counts up to this are not reported when only one side states them.
_SMALL = 10


def unmatched(original: Sequence[Quantity], translation: Sequence[Quantity],
              hidden: tuple[set[float], set[float]] = (set(), set())) -> list[Mismatch]:
    """The differences between the numbers of two aligned units.

    ``hidden`` holds, for each side, the values of numbers inside its references: a number of one side
    equal to one of those of the other is no difference.
    """
    if {q.key for q in original} == {q.key for q in translation}:
        return []
    # A number said twice on one side ("60岁或60岁以上" for "60 or over") is one number.
    left, right = _distinct(original), _distinct(translation)
    for same in (_exact, _loose):
        _pair_off(left, right, same)
    # A value left over but written elsewhere in the other unit was said there already (a range, a repeat).
    missing = [q for q in left if not q.word and not any(_loose(q, b) for b in translation)
               and q.value not in hidden[1]]
    added = [q for q in right if not q.word and not any(_loose(a, q) for a in original) and q.value not in hidden[0]]
    changes = _changes(missing, added)
    # A small count said on one side only ("这7个国家" before a list of seven) is how translators write,
    # not a slip; changed small counts are still reported.
    missing = [q for q in missing if not _small_count(q)]
    added = [q for q in added if not _small_count(q)]
    return changes + [Mismatch(q, None) for q in missing] + [Mismatch(None, q) for q in added]


def _small_count(quantity: Quantity) -> bool:
    return quantity.kind is Kind.NUMBER and quantity.value == int(quantity.value) and quantity.value <= _SMALL


def _distinct(quantities: Sequence[Quantity]) -> list[Quantity]:
    seen: set[tuple] = set()
    kept = []
    for quantity in sorted(quantities, key=lambda q: q.word):
        if (quantity.key, quantity.word) not in seen and (quantity.key, False) not in seen:
            seen.add((quantity.key, quantity.word))
            kept.append(quantity)
    return sorted(kept, key=lambda q: q.start)


def _exact(a: Quantity, b: Quantity) -> bool:
    return a.key == b.key


def _loose(a: Quantity, b: Quantity) -> bool:
    # Values are rounded to six places when a Quantity is made (Quantity.__post_init__).
    if a.value != b.value:
        return False
    kinds = {a.kind, b.kind}
    # A currency or a percent sign written once for a range ("80 to 95 per cent") or implied.
    return a.kind is b.kind or kinds in ({Kind.MONEY, Kind.NUMBER}, {Kind.PERCENT, Kind.NUMBER})


def _pair_off(left: list[Quantity], right: list[Quantity], same) -> None:
    """Remove, from both lists, pairs that ``same`` matches; numbers in digits are served first."""
    for a in sorted(left, key=lambda q: q.word):
        match = next((b for b in sorted(right, key=lambda q: q.word) if same(a, b) and not (a.word and b.word)),
                     None)
        if match is not None:
            left.remove(a)
            right.remove(match)


def _changes(missing: list[Quantity], added: list[Quantity]) -> list[Mismatch]:
    """One missing and one added number of the same kind is one change, reported once."""
    changes: list[Mismatch] = []
    for kind in Kind:
        gone = [q for q in missing if q.kind is kind]
        new = [q for q in added if q.kind is kind]
        if len(gone) == 1 and len(new) == 1:
            changes.append(Mismatch(gone[0], new[0]))
            missing.remove(gone[0])
            added.remove(new[0])
    return changes
