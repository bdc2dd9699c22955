"""Organization mentions: where the body of a document names a registered organization.

Several ORG rules and the AGD rules read the same mentions, so they are found
once per document (``Document.organization_mentions``). A mention is a form
the run's organization registry knows (see :mod:`unlint.inputs`), found
leftmost-longest by :meth:`Registry.find`, kept only outside the page
furniture and outside titles quoted in ``《》``: a quoted title names a
document or resolution, which keeps the name it was given.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from ..patterns import compiled_on_use

if TYPE_CHECKING:
    from ..rules.registry import Mention, Registry

#: A title in ``《》`` on one line.
QUOTED_TITLE = compiled_on_use(regex.compile, r"《[^《》\n]*》")


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of every ``《...》`` title, in order."""
    return [(m.start(), m.end()) for m in QUOTED_TITLE.finditer(text)]


def overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``taken``, which are sorted and do not overlap each other."""
    start, end = span
    index = bisect.bisect_left(taken, (end, end))
    return index > 0 and taken[index - 1][1] > start


def parse_mentions(text: str, registry: Registry, furniture: Sequence[tuple[int, int]]) -> tuple[Mention, ...]:
    """Registered forms in ``text``, outside quoted titles and the ``furniture`` lines, in order.

    ``furniture`` holds the (start, end) offsets of the furniture lines, sorted: a mention
    whose start is on one of them is furniture.
    """
    found = registry.find(text)
    if not found:
        return ()
    # Mentions are sorted and do not overlap, so their starts and their ends are both ascending:
    # the few titles and furniture lines each drop a run of them, found by bisection, rather
    # than each of the thousands of mentions being tested in turn.
    starts = list(map(_START, found))
    ends = list(map(_END, found))
    dropped = [(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end))
               for start, end in quoted_titles(text)]  # the mentions that overlap the title
    dropped += [(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
                for start, end in furniture]  # the mentions that start on the line
    if not dropped:
        return tuple(found)
    kept: list[Mention] = []
    position = 0
    for first, last in sorted(dropped):
        if first >= last:
            continue  # no mention there
        if first > position:
            kept += found[position:first]
        position = max(position, last)
    kept += found[position:]
    return tuple(kept)


_START = operator.itemgetter(0)
_END = operator.itemgetter(1)
