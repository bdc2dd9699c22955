"""Text blocks: the paragraphs of running text, whatever the export did to the lines.

A PDF export wraps every paragraph into short lines, often with a blank line
after each, and drops page furniture and footnotes in between. A block is the
run of lines from one paragraph start to the next, where a paragraph starts at

- a numbered paragraph or numbered heading (``12.``), or an annex heading;
- a sub-paragraph marker (``(a)``, ``a)``);
- a footnote rule (``__________``), which also ends the text above it;
- an indented line after a line that ends a sentence (``。；：！？``): in a
  wrapped PDF text the continuation lines start flush left;
- a blank line, in a text that is not double-spaced (one paragraph per
  blank-line-separated block);
- any line after a line that ends a sentence, in a text whose lines are
  whole paragraphs rather than wraps (a Word export: the median line is
  longer than a PDF column holds).

A text is wrapped (a PDF export) when its lines are short and most of them
stop mid-sentence; a text of short lines that mostly end a sentence (a corpus
with one sentence per line) has lines that are paragraphs or sentences.

A block of more lines than any paragraph has (``MAX_PARAGRAPH_LINES``) is not
sure to be one paragraph: the layout was not understood. Rules that need a
paragraph read such a block line by line and say so (``block_doubts``).

Furniture lines and footnote rules belong to no block. Rules that need "the
same paragraph" (bracket balance) use these blocks rather than lines, since a
quotation or a parenthesis often runs over a wrap.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

import regex

from ..patterns import compiled_on_use
from ..text import FOOTNOTE_RULE, PARAGRAPH_END_STOPS
from .certainty import NotChecked
from .paragraphs import ParagraphStructure

_SUBPARAGRAPH = compiled_on_use(regex.compile, r"\s*\(?[a-z]{1,2}\)\s*\S")
# A footnote's number: alone on its line ("1", "*") or before the note ("957 关于...").
_FOOTNOTE_MARKER = compiled_on_use(regex.compile, r"\s*(?:\d{1,4}|\*{1,3})(?:\s*$|[ \t]+(?!年|月|日)\S)")
_SENTENCE_END_SET = frozenset(PARAGRAPH_END_STOPS)
# A sentence that ends inside a quotation or a bracket: "。”", "。）".
_CLOSING = "”’）)」』"
#: Share of text lines followed by a blank line above which a text counts as double-spaced.
_DOUBLE_SPACED = 0.6
#: A PDF column of Chinese text holds about 40 characters; Word exports keep a paragraph on one line.
_WRAPPED_LINE_MAX = 60
# A wrap falls after a clause's end by chance only; a text of sentences or clauses ends most lines there.
_CLAUSE_END = PARAGRAPH_END_STOPS + "，,"
#: Share of text lines ending a sentence above which short lines are sentences, not wraps.
_SENTENCE_LINES = 0.5
_SENTENCE_LINES_MIN = 20
#: A paragraph wrapped into 40-character lines runs to some 40 lines; 100 is past any paragraph.
MAX_PARAGRAPH_LINES = 100
#: The rules a doubt about a paragraph block silences.
BLOCK_DOUBT_CODES = frozenset({"TYP002"})


class TextBlock(NamedTuple):
    """A paragraph of running text: 1-based line numbers, furniture left out.

    A named tuple rather than a frozen dataclass: a document has thousands of blocks, and a
    frozen dataclass's ``__init__`` (an ``object.__setattr__`` call per field) cost four times
    what making the tuple costs (``parse_blocks`` makes them with ``tuple.__new__``, in C).
    """

    lines: tuple[int, ...]
    #: The block starts only because the line before ended a sentence, in a text of whole lines
    #: (no blank line, number, marker or indent says a paragraph starts): it may go on a paragraph.
    soft_start: bool = False

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]

    @property
    def sure(self) -> bool:
        """Whether the block is short enough to be one paragraph (see the module docstring)."""
        return len(self.lines) <= MAX_PARAGRAPH_LINES


def block_doubts(blocks: Sequence[TextBlock]) -> tuple[NotChecked, ...]:
    """One doubt per block too long to be a paragraph: TYP002 reads it line by line and may miss a slip."""
    return tuple(
        NotChecked(tuple(sorted(BLOCK_DOUBT_CODES)), "paragraphs",
                   f"lines {b.first_line}-{b.last_line} read as one block of {len(b.lines)} lines, more than a "
                   f"paragraph has: brackets and quotation marks left open there are not reported", b.first_line)
        for b in blocks if not b.sure
    )


def parse_blocks(
    lines: Sequence[str], furniture: frozenset[int], structure: ParagraphStructure,
) -> tuple[TextBlock, ...]:
    """Split ``lines`` into paragraph blocks (see the module docstring)."""
    # Every test reads the stripped line, by 1-based line number (index 0 is no line). These
    # passes run once per line of every document: map, compress and filter run no Python per
    # line (even so, each costs some 300 instructions a line: they are few).
    stripped = ["", *map(str.strip, lines)]
    texts = stripped.copy()  # the text lines' stripped text, furniture blanked (a copy costs ~10 a line)
    for number in furniture:
        if number < len(texts):
            texts[number] = ""
    text_lines = list(compress(range(len(texts)), texts))
    bare = list(filter(None, texts))
    soft: set[int] = set()
    blocks = _split(
        text_lines,
        bare,
        lines,
        _structural_starts(structure),
        furniture,
        blank_ends_block=not _double_spaced(text_lines, stripped),
        line_is_paragraph=not _wrapped(bare),
        soft=soft,
    )
    # Each line is in one block, so lists compare by their first lines: sort() orders them as
    # sorted(key=first line) did. The blocks are made in C (no __init__ per block).
    blocks.sort()
    firsts_soft = map(soft.__contains__, map(itemgetter(0), blocks))
    return tuple(map(tuple.__new__, repeat(TextBlock), zip(map(tuple, blocks), firsts_soft)))


def _split(
    text_lines: list[int],
    bare: list[str],
    lines: Sequence[str],
    starts: frozenset[int],
    furniture: frozenset[int],
    *,
    blank_ends_block: bool,
    line_is_paragraph: bool,
    soft: set[int],
) -> list[list[int]]:
    """Read the lines ``text_lines`` (``bare``: each stripped) in order into blocks of line numbers.

    Blank lines are not in ``text_lines``: when ``blank_ends_block``, a gap before a line that
    holds a line other than furniture (a blank line) ends the block. A footnote rule suspends
    the paragraph it interrupts; the paragraph takes up again at the first line after the
    footnotes. One loop over local variables, since this runs once per line of every document.
    """
    blocks: list[list[int]] = []
    current: list[int] = []
    # The last line read ends a sentence; so does "no line yet" (a block's first line).
    after_sentence = True
    # The paragraph a footnote rule interrupted, and its after_sentence, while its footnotes are read.
    suspended: tuple[list[int], bool] | None = None
    previous = 0  # the text line before
    ends, closing = _SENTENCE_END_SET, _CLOSING
    for number, line in zip(text_lines, bare):
        if (blank_ends_block and number - previous > 1 and suspended is None and current
                and not all(map(furniture.__contains__, range(previous + 1, number)))):
            blocks.append(current)  # a blank line in between
            current = []
        previous = number
        text = lines[number - 1]
        # The substring tests spare a regex call on the many lines that cannot match.
        if "_____" in line and FOOTNOTE_RULE.fullmatch(text):
            if suspended is None:
                suspended = (current, after_sentence)
            elif current:
                blocks.append(current)
            current, after_sentence = [], True
            continue
        if suspended is not None:
            if _FOOTNOTE_MARKER.match(text):
                # A footnote of its own.
                if current:
                    blocks.append(current)
                current = []
            elif number in starts or after_sentence:
                # The footnotes have ended: the interrupted paragraph goes on (or a new one starts).
                if current:
                    blocks.append(current)
                current, after_sentence = suspended
                suspended = None
        if suspended is None and (
            number in starts
            or (")" in text and _SUBPARAGRAPH.match(text))
            or (after_sentence and (line_is_paragraph or text[:1].isspace()))
        ):
            if current:
                blocks.append(current)
                if number not in starts and not text[:1].isspace() and not _SUBPARAGRAPH.match(text):
                    soft.add(number)
            current = []
        current.append(number)
        last = line[-1]
        after_sentence = last in ends or (last in closing and line[-2:-1] in ends)
    if current:
        blocks.append(current)
    if suspended is not None and suspended[0]:
        blocks.append(suspended[0])
    return blocks


def _structural_starts(structure: ParagraphStructure) -> frozenset[int]:
    numbered = {p.line for p in (*structure.paragraphs, *structure.side_items)}
    numbered |= {h.line for h in structure.numbered_headings}
    return frozenset(numbered | {p.line for p in structure.parts if p.line > 1})


def _wrapped(bare: list[str]) -> bool:
    """Whether the text lines (``bare``: each stripped) are wraps of paragraphs (see the module docstring)."""
    # The median length is over _WRAPPED_LINE_MAX when at most half the lines (rounded down) are
    # not: a count (sorting the lengths cost a comparison per line and step). It needs more than
    # half the lines over the length, so a total below that settles it without the count.
    half = len(bare) // 2
    if len("".join(bare)) > (_WRAPPED_LINE_MAX + 1) * (len(bare) - half) - 1:
        if bare and len(bare) - sum(map(_WRAPPED_LINE_MAX.__lt__, map(len, bare))) <= half:
            return False
    if len(bare) < _SENTENCE_LINES_MIN:
        return True  # too few lines to tell sentences from wraps
    last_characters = "".join(map(itemgetter(-1), bare))
    ends = sum(map(last_characters.count, set(_CLAUSE_END)))
    return ends <= _SENTENCE_LINES * len(bare)


def _double_spaced(text_lines: list[int], stripped: list[str]) -> bool:
    # Whether the line after each text line (the last line of the text aside) is blank;
    # following[number] is the line after line ``number`` (stripped[0] is no line).
    following = stripped[1:]
    if text_lines and text_lines[-1] == len(following):
        text_lines = text_lines[:-1]
    if not text_lines:
        return False
    blank = list(map(following.__getitem__, text_lines)).count("")
    return blank / len(text_lines) > _DOUBLE_SPACED
