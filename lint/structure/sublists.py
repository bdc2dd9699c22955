"""Lettered sub-paragraphs: ``(a) ...``, ``(b) ...`` at the start of a line.

UN text numbers sub-paragraphs (a), (b), ... under a paragraph, and (i), (ii)
under those (UN Editorial Manual, "Paragraphs and subparagraphs"). A list
starts again at (a); a single ``(i)`` (or ``(v)``, ``(x)``) that does not follow
(h) (or (u), (w)) is a roman sub-item, not a letter. ``(f)、(g)、`` on a cover
page lists agenda sub-items and is not a sub-paragraph.

An item far below the one before it (more than ``_LIST_GAP_LINES`` lines) or
with a table line between them does not continue that list: lettered rows
of two different tables, or a list whose start the text does not hold. Such
an item has ``continues`` false, and a list that does not start at (a)
there is not sure to be broken.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from .scan import lines_matching

_ITEM = compiled_on_use(regex.compile, r"(?P<indent>\s*)[（(](?P<letter>[a-z])[)）](?![、，,(（])\s*\S")


# Necessary for _ITEM to match a line.
_GATE = compiled_on_use(re.compile, r"\n[^\S\n]*+[（(][a-z][)）]")
#: Sub-paragraphs of one list follow each other within a few wrapped paragraphs.
_LIST_GAP_LINES = 40


@dataclass(frozen=True, slots=True)
class LetteredItem:
    letter: str
    line: int
    #: 1-based column of the opening bracket.
    column: int
    #: Close enough to the item before it, with no table between, to continue its list.
    continues: bool = True


def parse_lettered_items(lines: Sequence[str], skip: frozenset[int] = frozenset(),
                         tables: frozenset[int] = frozenset(), text: str | None = None,
                         line_starts: Sequence[int] | None = None) -> tuple[LetteredItem, ...]:
    """The items at line starts, outside ``skip``; ``tables`` are table lines (they break a list).

    ``text`` and ``line_starts``: the lines joined by ``\\n`` and the offset where each starts,
    when the caller has them (the Document does: a join copies the whole text).
    """
    items: list[LetteredItem] = []
    previous = ""
    table_lines = sorted(tables)
    for index in lines_matching(lines, _GATE, text, line_starts):  # no other line starts an item
        line_text = lines[index]
        if index + 1 in skip or " | " in line_text or not (match := _ITEM.match(line_text)):
            continue
        letter = match["letter"]
        if letter in "ivx" and previous != chr(ord(letter) - 1):
            continue  # a roman sub-item under the current letter
        line = index + 1
        continues = bool(items) and line - items[-1].line <= _LIST_GAP_LINES and not _between(
            table_lines, items[-1].line, line)
        items.append(LetteredItem(letter, line, len(match["indent"]) + 1, continues))
        previous = letter
    return tuple(items)


def _between(sorted_lines: list[int], first: int, last: int) -> bool:
    index = bisect.bisect_right(sorted_lines, first)
    return index < len(sorted_lines) and sorted_lines[index] < last
