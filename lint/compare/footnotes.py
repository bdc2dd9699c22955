"""Footnotes, paired through their markers in aligned paragraphs.

Word renumbers footnotes when one is lost, so labels are no key: the k-th
marker of a paragraph of the original goes with the k-th marker of the
translation's aligned paragraph, and their notes are then compared like any
aligned pair. A paragraph with fewer markers than the original's is one
finding there; with more, one finding at each extra marker. Versions where
either side has no numbered marker are not compared (the markers were not
read, or the text lost them).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..structure.footnotes import FootnoteMarker
from .align import Pair

if TYPE_CHECKING:
    from .compare import Difference, Version


@dataclass(frozen=True)
class FootnotePairs:
    pairs: list[Pair]
    differences: list[Difference]


def footnote_pairs(left: Version, right: Version, body: Sequence[Pair]) -> FootnotePairs:
    from .compare import Difference, Topic

    before, after = _markers_by_unit(left), _markers_by_unit(right)
    if not before or not after:
        return FootnotePairs([], [])
    notes_before, notes_after = _note_units(left), _note_units(right)
    pairs: list[Pair] = []
    found: list[Difference] = []
    for pair in body:
        if not pair.sure or pair.original is None or pair.translation is None:
            continue
        was, now = before.get(pair.original, []), after.get(pair.translation, [])
        line = left.units[pair.original].first_line
        for old, new in zip(was, now):
            if old.label in notes_before and new.label in notes_after:
                pairs.append(Pair(notes_before[old.label], notes_after[new.label], True))
        if len(was) > len(now):
            unit = right.units[pair.translation]
            labels = ", ".join(m.label for m in was[len(now):])
            found.append(Difference(Topic.FOOTNOTE, unit.start, right.document.line(unit.first_line).end,
                                    f"footnote {labels} of the original (line {line}) has no marker in this "
                                    "paragraph"))
        for extra in now[len(was):]:
            found.append(Difference(Topic.FOOTNOTE, extra.start, extra.end,
                                    f"footnote marker {extra.label} is not in the original's paragraph (line {line})"))
    return FootnotePairs(pairs, found)


def _markers_by_unit(version: Version) -> dict[int, list[FootnoteMarker]]:
    starts = [u.start for u in version.units]
    by_unit: dict[int, list[FootnoteMarker]] = {}
    for marker in version.document.footnotes.numbered_markers:
        index = bisect.bisect_right(starts, marker.start) - 1
        if index >= 0 and not version.units[index].is_footnote:
            by_unit.setdefault(index, []).append(marker)
    return by_unit


def _note_units(version: Version) -> dict[str, int]:
    return {u.key[1]: u.index for u in version.units if u.is_footnote and u.key is not None}
