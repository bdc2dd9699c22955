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
indent in between is a sure paragraph end. A block longer than a paragraph
(``TextBlock.sure`` is false) is paired line by line for the width check, and
nothing left open in it is reported.

Brackets inside resolution citations are left out (``第 1373（2001)号``: the
RES family owns slips there). Parsed once per document
(``Document.bracket_pairing``); TYP001 and TYP002 read it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import filterfalse
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import regex

from ..patterns import compiled_on_use
from ..text import COMMON_HAN, HAN
from .blocks import TextBlock
from .scan import char_positions

if TYPE_CHECKING:
    from ..references import References

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
# Every bracket and quotation mark, found by scan.char_positions: both engines test a class of
# non-ASCII characters at every position, at about 65 instructions a character.
_BRACKET_CHARS = "".join(_OPENERS) + "".join(_CLOSERS)
# "a) text", "ii) text" at the start of a line: a list marker whose opening bracket the style leaves out.
_BARE_MARKER = compiled_on_use(regex.compile, r"\s*(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)")
# An apostrophe, not a closing quotation mark: "Secretary-General’s", "d’Ivoire" (matched from the
# letter before: a look-behind first would be tried at every position).
_APOSTROPHE = compiled_on_use(re.compile, r"[A-Za-z]’(?=[A-Za-z])")
# Every Han character is outside ASCII: a stretch without such a character holds no Han.
_NON_ASCII = compiled_on_use(re.compile, r"[^\x00-\x7f]")


# A resolution number whose closing bracket was lost (``第 1373（2001号``): the
# reference parser does not take it for a citation, yet the slip is RES's, not TYP's.
_NUMBER_WITHOUT_CLOSING_BRACKET = compiled_on_use(regex.compile, r"第\s*\d{1,4}\s*[（(]\s*(?:19|20)\d\d\s*(?=号)")


def resolution_spans(text: str, references: References) -> list[tuple[int, int]]:
    """(start, end) of every resolution citation, parsed or not: the RES family owns
    bracket slips there (``第 1373（2001)号``), so TYP does not report them twice."""
    spans = [(c.start, c.end) for c in references.citations]
    spans += [(u.start, u.end) for u in references.unparsed if u.kind == "resolution"]
    spans += [m.span() for m in _NUMBER_WITHOUT_CLOSING_BRACKET.finditer(text)]
    return spans


_QUOTES = {"“": "”", "‘": "’"}
#: The marks that may pair across blocks: a quotation's opening and closing marks.
_QUOTE_MARKS = frozenset("“”‘’")
#: How many lines a quotation may run over paragraph or sentence breaks.
_QUOTATION_SPAN_LINES = 40


@dataclass(frozen=True, slots=True)
class Pair:
    family: str
    opener: int
    closer: int
    #: The text between the brackets contains Chinese characters.
    han_content: bool


@dataclass(frozen=True, slots=True)
class Unmatched:
    offset: int
    #: True for an opener never closed, False for a closer that closes nothing.
    opener: bool
    #: 1-based first and last lines of the paragraph block.
    block_lines: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pairing:
    #: Pairs of the families that come in two widths whose two brackets differ in width, in pairing order.
    mixed_pairs: tuple[Pair, ...]
    #: How many pairs of those families have brackets of one width: by (holds Chinese, width of both),
    #: the width ``"fullwidth"`` or ``"halfwidth"``. Counts, not pairs: TYP001 only weighs them.
    width_counts: Mapping[tuple[bool, str], int]
    unmatched: tuple[Unmatched, ...]


def pair_brackets(text: str, blocks: Sequence[TextBlock], line_starts: Sequence[int],
                  masked_spans: Iterable[tuple[int, int]]) -> Pairing:
    """Pair brackets block by block, skipping those inside ``masked_spans`` (resolution citations).

    ``line_starts[i]`` is the offset where the 0-based line ``i`` starts (the Document's own index).
    """
    mixed: list[Pair] = []
    counts: dict[tuple[bool, str], int] = {}
    unmatched: list[Unmatched] = []
    brackets = _brackets_by_block(text, blocks, line_starts, _masked_offsets(text, masked_spans))
    for index, block in enumerate(blocks):
        if index not in brackets:
            continue
        if block.sure:
            _pair_block(text, brackets[index], (block.first_line, block.last_line), mixed, counts, unmatched)
        else:
            # Longer than a paragraph: where the paragraph ends is unknown (Document.not_checked says so).
            for line, offsets in _by_line(line_starts, brackets[index]).items():
                _pair_block(text, offsets, (line, line), mixed, counts, [])
    return Pairing(tuple(mixed), MappingProxyType(counts), tuple(_across_blocks(text, blocks, line_starts, unmatched)))


def _by_line(line_starts: Sequence[int], offsets: list[int]) -> dict[int, list[int]]:
    lines: dict[int, list[int]] = {}
    for offset in offsets:
        lines.setdefault(bisect.bisect_right(line_starts, offset), []).append(offset)
    return lines


def _across_blocks(text: str, blocks: Sequence[TextBlock], line_starts: Sequence[int],
                   unmatched: list[Unmatched]) -> list[Unmatched]:
    """Drop the quotation marks that pair across blocks (see the module docstring)."""
    if not any(text[item.offset] in _QUOTE_MARKS for item in unmatched):
        return sorted(unmatched, key=lambda u: u.offset)  # only quotation marks pair across blocks
    block_starts = sorted(_first_offset(text, line_starts, block.first_line) for block in blocks)
    starting = frozenset(block_starts)
    hard_starts = [block.first_line for block in blocks if not block.soft_start]
    kept: list[Unmatched] = []
    open_quotes: dict[str, list[Unmatched]] = {}
    for item in sorted(unmatched, key=lambda u: u.offset):
        char = text[item.offset]
        if item.opener and char in _QUOTES:
            if item.offset in starting and _next_block_starts_with(text, block_starts, item.offset, char):
                continue  # a paragraph of a quotation that goes on in the next paragraph
            open_quotes.setdefault(_QUOTES[char], []).append(item)
            continue
        waiting = open_quotes.get(char)
        if not item.opener and waiting:
            line = bisect.bisect_right(line_starts, item.offset)
            opened = bisect.bisect_right(line_starts, waiting[-1].offset)
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


def _first_offset(text: str, line_starts: Sequence[int], line: int) -> int:
    """Offset of the first character of 1-based ``line`` that is not white space."""
    offset = line_starts[line - 1]
    while offset < len(text) and text[offset] in " \t\u3000":
        offset += 1
    return offset


def _next_block_starts_with(text: str, starts: list[int], offset: int, char: str) -> bool:
    index = bisect.bisect_right(starts, offset)
    return index < len(starts) and text[starts[index]] == char


def _pair_block(text: str, brackets: list[int], span: tuple[int, int], mixed: list[Pair],
                counts: dict[tuple[bool, str], int], unmatched: list[Unmatched]) -> None:
    # Whether a pair holds Chinese is known without searching inside it: the
    # text between consecutive brackets is searched once, and a count of the
    # stretches holding Chinese is kept with each opener; nested brackets
    # 160,000 deep then cost one pass, not one search per pair. The common
    # characters' gate answers most searches; HAN only those it does not.
    stacks: dict[str, list[tuple[int, int]]] = {}
    chinese_stretches, previous = 0, -1
    common_han, han, openers, closers = COMMON_HAN.search, HAN.search, _OPENERS, _CLOSERS
    non_ascii = _NON_ASCII.search
    for offset in brackets:
        # An empty stretch holds nothing, and one without a character outside ASCII no Han
        # (brackets side by side, "(A/60/341)"): the regex HAN is asked only after both tests.
        if previous >= 0 and offset > previous + 1 and (common_han(text, previous + 1, offset) or (
                non_ascii(text, previous + 1, offset) and han(text, previous + 1, offset))):
            chinese_stretches += 1
        previous = offset
        char = text[offset]
        if (family := openers.get(char)) is not None:
            if (stack := stacks.get(family)) is None:
                stacks[family] = [(offset, chinese_stretches)]
            else:
                stack.append((offset, chinese_stretches))
            continue
        family = closers[char]
        stack = stacks.get(family)
        if not stack:
            unmatched.append(Unmatched(offset, False, span))
            continue
        opener, seen = stack.pop()
        if family in WIDTH_FAMILIES:
            fullwidth = text[opener] in _FULLWIDTH
            if fullwidth != (char in _FULLWIDTH):
                mixed.append(Pair(family, opener, offset, chinese_stretches > seen))
            else:
                key = (chinese_stretches > seen, "fullwidth" if fullwidth else "halfwidth")
                counts[key] = counts.get(key, 0) + 1
    unmatched.extend(Unmatched(offset, True, span) for stack in stacks.values() for offset, _ in stack)


def _brackets_by_block(text: str, blocks: Sequence[TextBlock], line_starts: Sequence[int],
                       masked: frozenset[int]) -> dict[int, list[int]]:
    """Offsets of the brackets that count, in text order, by index of their block in ``blocks``.

    One scan of the whole text finds the candidates (few in Chinese prose), and
    one search finds the apostrophes (a rare character); the line of each is found
    in C (a bisect per offset), and only the brackets in a block are looked at in
    Python: a list marker's closer (``a) text``) is told there.
    """
    offsets = char_positions(text, _BRACKET_CHARS)
    skipped = masked | _apostrophes(text)
    if skipped:
        offsets = list(filterfalse(skipped.__contains__, offsets))
    block_of = _block_index_by_line(blocks, len(line_starts))
    by_block: dict[int, list[int]] = {}
    # The line of each offset, by counting the line breaks since the one before: together one pass
    # over the text, where a bisect into the line starts cost some 14 comparisons an offset.
    count, number, counted = text.count, 1, 0
    for offset in offsets:
        number += count("\n", counted, offset)
        counted = offset
        if (block := block_of[number]) < 0:
            continue
        if text[offset] == ")" and _closes_bare_marker(text, line_starts[number - 1], offset):
            continue
        if (found := by_block.get(block)) is None:
            by_block[block] = [offset]
        else:
            found.append(offset)
    return by_block


def _block_index_by_line(blocks: Sequence[TextBlock], line_count: int) -> list[int]:
    """For each 1-based line number, the index of its block in ``blocks``, or -1."""
    block_of = [-1] * (line_count + 1)
    for index, block in enumerate(blocks):
        for number in block.lines:
            block_of[number] = index
    return block_of


def _apostrophes(text: str) -> set[int]:
    """Offsets of the ``’`` between two Latin letters (``Secretary-General’s``): apostrophes, not quotation marks."""
    return {m.start() + 1 for m in _APOSTROPHE.finditer(text)} if "’" in text else set()


def _closes_bare_marker(text: str, start: int, offset: int) -> bool:
    """Whether the ``)`` at ``offset`` closes a list marker that starts its line (``a) text``, ``ii) text``;
    ``start``: the line's offset): no bracket opened it."""
    # A marker has at most four characters: a ")" further in follows white space or is no marker's.
    return (offset - start <= 4 or text[start].isspace()) and _BARE_MARKER.fullmatch(text, start, offset + 1) is not None


def _masked_offsets(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The bracket offsets inside ``spans``."""
    return frozenset(offset for start, end in spans for offset in char_positions(text, _BRACKET_CHARS, start, end))
