"""Lettered sub-paragraphs: ``(a) ...``, ``(b) ...`` at the start of a line.

UN text numbers sub-paragraphs (a), (b), ... under a paragraph, and (i), (ii)
under those (UN Editorial Manual, "Paragraphs and subparagraphs"). A list
starts again at (a); a single ``(i)`` (or ``(v)``, ``(x)``) that does not follow
(h) (or (u), (w)) is a roman sub-item, not a letter. ``(f)、(g)、`` on a cover
page lists agenda sub-items and is not a sub-paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .scan import lines_matching

_ITEM = regex.compile(r"(?P<indent>\s*)[（(](?P<letter>[a-z])[)）](?![、，,(（])\s*\S")


# Necessary for _ITEM to match a line.
_GATE = re.compile(r"\n[^\S\n]*[（(][a-z][)）]")


@dataclass(frozen=True, slots=True)
class LetteredItem:
    letter: str
    line: int
    #: 1-based column of the opening bracket.
    column: int


def parse_lettered_items(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> tuple[LetteredItem, ...]:
    items: list[LetteredItem] = []
    previous = ""
    for index in lines_matching(lines, _GATE):  # no other line starts an item
        text = lines[index]
        if index + 1 in skip or " | " in text or not (match := _ITEM.match(text)):
            continue
        letter = match["letter"]
        if letter in "ivx" and previous != chr(ord(letter) - 1):
            continue  # a roman sub-item under the current letter
        items.append(LetteredItem(letter, index + 1, len(match["indent"]) + 1))
        previous = letter
    return tuple(items)
