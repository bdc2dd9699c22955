"""Pair the brackets and quotation marks of each paragraph block.

One pass per block with a stack per family: round, square and curly brackets
close with a bracket of either width (``（`` with ``）`` or ``)``: a pair of
mixed width is a slip of its own), and ``“”``, ``‘’``, ``《》``, ``〈〉``,
``【】``, ``「」`` close only with their mate.
What is left on a stack at the end of the block was never closed; a closer
that finds its stack empty opened nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from unlint import Document

from ._text import HAN, resolution_spans

_OPENERS = {
    **dict.fromkeys("（(", "round"), **dict.fromkeys("［[", "square"), **dict.fromkeys("｛{", "curly"),
    "“": "double", "‘": "single", "《": "title", "〈": "inner-title", "【": "lenticular", "「": "corner",
}
_CLOSERS = {
    **dict.fromkeys("）)", "round"), **dict.fromkeys("］]", "square"), **dict.fromkeys("｝}", "curly"),
    "”": "double", "’": "single", "》": "title", "〉": "inner-title", "】": "lenticular", "」": "corner",
}
#: The families whose brackets come in two widths, and their fullwidth members.
WIDTH_FAMILIES = frozenset({"round", "square", "curly"})
_FULLWIDTH = frozenset("（）［］｛｝")
# "a) text", "ii) text": a list marker whose opening bracket the style leaves out.
_BARE_MARKER = regex.compile(r"\s*(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)")
# An apostrophe, not a closing quotation mark: "Secretary-General’s", "d’Ivoire".
_APOSTROPHE = regex.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class Pair:
    family: str
    opener: int
    closer: int
    #: The text between the brackets contains Chinese characters.
    han_content: bool

    def mixed(self, text: str) -> bool:
        return (text[self.opener] in _FULLWIDTH) != (text[self.closer] in _FULLWIDTH)


@dataclass(frozen=True, slots=True)
class Unmatched:
    offset: int
    #: True for an opener never closed, False for a closer that closes nothing.
    opener: bool
    #: 1-based first and last lines of the paragraph block.
    block_lines: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pairing:
    #: Pairs of the families that come in two widths.
    width_pairs: tuple[Pair, ...]
    unmatched: tuple[Unmatched, ...]


def pair_brackets(document: Document) -> Pairing:
    """Pair brackets block by block, leaving resolution numbers to the RES family."""
    masked = _masked_offsets(document)
    pairs: list[Pair] = []
    unmatched: list[Unmatched] = []
    for block in document.text_blocks:
        _pair_block(document, block.lines, masked, pairs, unmatched)
    return Pairing(tuple(pairs), tuple(unmatched))


def _pair_block(
    document: Document, lines: Sequence[int], masked: frozenset[int], pairs: list[Pair], unmatched: list[Unmatched]
) -> None:
    text = document.text
    span = (lines[0], lines[-1])
    stacks: dict[str, list[int]] = {}
    for offset, char in _bracket_characters(document, lines, masked):
        if char in _OPENERS:
            stacks.setdefault(_OPENERS[char], []).append(offset)
            continue
        stack = stacks.get(_CLOSERS[char])
        if not stack:
            unmatched.append(Unmatched(offset, False, span))
            continue
        opener = stack.pop()
        if (family := _CLOSERS[char]) in WIDTH_FAMILIES:
            pairs.append(Pair(family, opener, offset, bool(HAN.search(text, opener + 1, offset))))
    unmatched.extend(Unmatched(offset, True, span) for stack in stacks.values() for offset in stack)


def _bracket_characters(document: Document, lines: Sequence[int], masked: frozenset[int]) -> Iterator[tuple[int, str]]:
    for number in lines:
        line = document.line(number)
        skip_to = marker.end() if (marker := _BARE_MARKER.match(line.text)) else 0
        apostrophes = {m.start() for m in _APOSTROPHE.finditer(line.text)}
        for column, char in enumerate(line.text):
            if (char in _OPENERS or char in _CLOSERS) and column >= skip_to and column not in apostrophes:
                if line.start + column not in masked:
                    yield line.start + column, char


def _masked_offsets(document: Document) -> frozenset[int]:
    return frozenset(offset for start, end in resolution_spans(document) for offset in range(start, end))
