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
from collections.abc import Callable, Sequence
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


def parse_mentions(text: str, registry: Registry, is_furniture: Callable[[int], bool]) -> tuple[Mention, ...]:
    """Registered forms in ``text``, outside page furniture and quoted titles, in order."""
    quoted = quoted_titles(text)
    titles = len(quoted)
    # Mentions and titles both come in order and do not overlap among themselves, so one pass
    # over each decides what :func:`overlaps` would for every mention.
    kept = []
    title = -1  # the last title that starts before the mention's end
    # Whether a line is furniture is asked once per line: the mentions come in order, and one
    # before the end of the last one's line is on that line.
    line_end, furniture = -1, False
    for mention in registry.find(text):
        start = mention.start
        while title + 1 < titles and quoted[title + 1][0] < mention.end:
            title += 1
        if title >= 0 and quoted[title][1] > start:
            continue
        if start >= line_end:
            line_end = text.find("\n", start)
            if line_end == -1:
                line_end = len(text)
            furniture = is_furniture(start)
        if not furniture:
            kept.append(mention)
    return tuple(kept)
