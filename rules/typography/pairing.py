"""Pair the brackets and quotation marks of each paragraph block.

One pass per block with a stack per family: round, square and curly brackets
close with a bracket of either width (``（`` with ``）`` or ``)``: a pair of
mixed width is a slip of its own), and ``“”``, ``‘’``, ``《》``, ``〈〉``,
``【】``, ``「」`` close only with their mate.
What is left on a stack at the end of the block was never closed; a closer
that finds its stack empty opened nothing.

Quotations run over paragraph ends, and the UN writes a quotation of several
paragraphs with an opening mark at the start of each paragraph and one closing
mark at the end of the last (UN Editorial Manual, "Quotations"). So, after the
blocks are paired, a quotation mark left open at the start of a block whose
next block starts with the same mark is that convention, not a slip; and an
opening mark left open is paired with a closing mark that closes nothing a few
lines later when only sentence ends separate them (a text with one sentence
per line splits a quoted paragraph); a blank line, a number, a marker or an
indent in between is a sure paragraph end.
"""

from __future__ import annotations

import bisect
import re
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
# Every bracket and quotation mark. The stdlib engine: its search for a plain
# character class runs about twice as fast as regex's.
_BRACKET = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSERS)) + "]")
# "a) text", "ii) text" at the start of a line: a list marker whose opening bracket the style leaves out.
_BARE_MARKER = regex.compile(r"\s*(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)")
# An apostrophe, not a closing quotation mark: "Secretary-General’s", "d’Ivoire" (matched from the letter before).
_APOSTROPHE = regex.compile(r"[A-Za-z]’[A-Za-z]")
_PAIRING_KEY = ("typography", "pairing")
_QUOTES = {"“": "”", "‘": "’"}
#: How many lines a quotation may run over paragraph or sentence breaks.
_QUOTATION_SPAN_LINES = 40


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
    """Pair brackets block by block, leaving resolution numbers to the RES family.

    Computed once per document: TYP001 and TYP002 share it."""
    return document.shared(_PAIRING_KEY, lambda: _pair_document(document))


def _pair_document(document: Document) -> Pairing:
    pairs: list[Pair] = []
    unmatched: list[Unmatched] = []
    brackets = _brackets_by_block(document)
    for index, block in enumerate(document.text_blocks):
        if index not in brackets:
            continue
        if block.sure:
            _pair_block(document.text, brackets[index], (block.first_line, block.last_line), pairs, unmatched)
        else:
            # Longer than a paragraph: pair line by line for the width check and report nothing
            # left open, since where the paragraph ends is unknown (Document.not_checked says so).
            for line, offsets in _by_line(document, brackets[index]).items():
                _pair_block(document.text, offsets, (line, line), pairs, [])
    return Pairing(tuple(pairs), tuple(_across_blocks(document, unmatched)))


def _across_blocks(document: Document, unmatched: list[Unmatched]) -> list[Unmatched]:
    """Drop the quotation marks that pair across blocks (see the module docstring)."""
    text = document.text
    block_starts = {_first_offset(document, block.first_line): i for i, block in enumerate(document.text_blocks)}
    starts = sorted(block_starts)
    hard_starts = [block.first_line for block in document.text_blocks if not block.soft_start]
    kept: list[Unmatched] = []
    open_quotes: dict[str, list[Unmatched]] = {}
    for item in sorted(unmatched, key=lambda u: u.offset):
        char = text[item.offset]
        if item.opener and char in _QUOTES:
            if item.offset in block_starts and _next_block_starts_with(text, starts, item.offset, char):
                continue  # a paragraph of a quotation that goes on in the next paragraph
            open_quotes.setdefault(_QUOTES[char], []).append(item)
            continue
        waiting = open_quotes.get(char)
        if not item.opener and waiting:
            line = document.line_index(item.offset) + 1
            opened = document.line_index(waiting[-1].offset) + 1
            # A sure paragraph start in between (not one a sentence end guessed): the marks are two slips.
            if line - opened <= _QUOTATION_SPAN_LINES and not _starts_between(hard_starts, opened, line):
                waiting.pop()  # the quotation closes a few sentences or paragraphs later
                continue
        kept.append(item)
    kept.extend(item for items in open_quotes.values() for item in items)
    return sorted(kept, key=lambda u: u.offset)


def _starts_between(starts: list[int], first: int, last: int) -> bool:
    """Whether one of the sorted block ``starts`` is a line after ``first`` up to ``last``."""
    index = bisect.bisect_right(starts, first)
    return index < len(starts) and starts[index] <= last


def _first_offset(document: Document, line: int) -> int:
    found = document.line(line)
    return found.start + len(found.text) - len(found.text.lstrip())


def _next_block_starts_with(text: str, starts: list[int], offset: int, char: str) -> bool:
    index = bisect.bisect_right(starts, offset)
    return index < len(starts) and text[starts[index]] == char


def _by_line(document: Document, offsets: list[int]) -> dict[int, list[int]]:
    lines: dict[int, list[int]] = {}
    for offset in offsets:
        lines.setdefault(document.line_index(offset), []).append(offset)
    return lines


def _pair_block(
    text: str, brackets: list[int], span: tuple[int, int], pairs: list[Pair], unmatched: list[Unmatched]
) -> None:
    stacks: dict[str, list[int]] = {}
    for offset in brackets:
        char = text[offset]
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


def _brackets_by_block(document: Document) -> dict[int, list[int]]:
    """Offsets of the brackets that count, in text order, by index of their block in ``text_blocks``.

    One scan of the whole text finds the candidates (few in Chinese prose);
    only those are looked up by line, rather than every character of every line.
    """
    text = document.text
    block_of = _block_index_by_line(document)
    masked = _masked_offsets(document)
    by_block: dict[int, list[int]] = {}
    line_index = previous = 0
    for match in _BRACKET.finditer(text):
        offset = match.start()
        # The brackets come in text order: count the line breaks passed since the last one.
        line_index += text.count("\n", previous, offset)
        previous = offset
        block = block_of[line_index]
        if block < 0 or offset in masked:
            continue
        char = text[offset]
        if char == "’" and _APOSTROPHE.match(text, offset - 1 if offset else 0):
            continue
        if char == ")" and _BARE_MARKER.fullmatch(text, document.offset(line_index + 1, 1), offset + 1):
            continue
        by_block.setdefault(block, []).append(offset)
    return by_block


def _block_index_by_line(document: Document) -> list[int]:
    """For each 0-based line index, the index of its block in ``text_blocks``, or -1."""
    block_of = [-1] * document.line_count
    for index, block in enumerate(document.text_blocks):
        for number in block.lines:
            block_of[number - 1] = index
    return block_of


def _masked_offsets(document: Document) -> frozenset[int]:
    """The bracket offsets inside resolution citations."""
    text = document.text
    return frozenset(m.start() for start, end in resolution_spans(document) for m in _BRACKET.finditer(text, start, end))
