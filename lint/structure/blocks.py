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
from dataclasses import dataclass
from itertools import compress, filterfalse

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


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph of running text: 1-based line numbers, furniture left out."""

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
    lines: Sequence[str], furniture: frozenset[int], structure: ParagraphStructure
) -> tuple[TextBlock, ...]:
    """Split ``lines`` into paragraph blocks (see the module docstring)."""
    # Every test below reads the stripped line: strip each line once. These run once per line of
    # every document, so they are written with map and compress, which run no Python per line.
    stripped = list(map(str.strip, lines))
    all_numbers = range(1, len(lines) + 1)
    text_lines = list(filterfalse(furniture.__contains__, compress(all_numbers, stripped)))
    blank_ends_block = not _double_spaced(text_lines, stripped)
    # In a double-spaced text blank lines are layout, not paragraph ends: read only the text lines.
    numbers = list(filterfalse(furniture.__contains__, all_numbers)) if blank_ends_block else text_lines
    soft: set[int] = set()
    blocks = _split(
        numbers,
        lines,
        stripped,
        _structural_starts(structure),
        blank_ends_block=blank_ends_block,
        line_is_paragraph=not _wrapped(text_lines, stripped),
        soft=soft,
    )
    return tuple(TextBlock(tuple(block), block[0] in soft) for block in sorted(blocks, key=lambda block: block[0]))


def _split(
    numbers: Sequence[int],
    lines: Sequence[str],
    stripped: Sequence[str],
    starts: frozenset[int],
    *,
    blank_ends_block: bool,
    line_is_paragraph: bool,
    soft: set[int],
) -> list[list[int]]:
    """Read the lines ``numbers`` in order into blocks of line numbers.

    A footnote rule suspends the paragraph it interrupts; the paragraph takes
    up again at the first line after the footnotes. One loop over local
    variables, since this runs once per line of every document.
    """
    blocks: list[list[int]] = []
    current: list[int] = []
    # The last line read ends a sentence; so does "no line yet" (a block's first line).
    after_sentence = True
    # The paragraph a footnote rule interrupted, and its after_sentence, while its footnotes are read.
    suspended: tuple[list[int], bool] | None = None
    for number in numbers:
        bare = stripped[number - 1]
        if not bare:
            if blank_ends_block and suspended is None and current:
                blocks.append(current)
                current = []
            continue
        text = lines[number - 1]
        # The substring tests spare a regex call on the many lines that cannot match.
        if "_____" in bare and FOOTNOTE_RULE.fullmatch(text):
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
        after_sentence = bare[-1] in PARAGRAPH_END_STOPS or (bare[-1] in _CLOSING and bare[-2:-1] in _SENTENCE_END_SET)
    if current:
        blocks.append(current)
    if suspended is not None and suspended[0]:
        blocks.append(suspended[0])
    return blocks


def _structural_starts(structure: ParagraphStructure) -> frozenset[int]:
    numbered = {p.line for p in (*structure.paragraphs, *structure.side_items)}
    numbered |= {h.line for h in structure.numbered_headings}
    return frozenset(numbered | {p.line for p in structure.parts if p.line > 1})


def _wrapped(text_lines: Sequence[int], stripped: Sequence[str]) -> bool:
    lengths = sorted([len(stripped[number - 1]) for number in text_lines])
    if lengths and lengths[len(lengths) // 2] > _WRAPPED_LINE_MAX:
        return False
    if len(text_lines) < _SENTENCE_LINES_MIN:
        return True  # too few lines to tell sentences from wraps
    ends = sum(stripped[number - 1][-1] in _CLAUSE_END for number in text_lines)
    return ends <= _SENTENCE_LINES * len(text_lines)


def _double_spaced(text_lines: Sequence[int], stripped: Sequence[str]) -> bool:
    # Whether the line after each text line (the last line of the text aside) is blank;
    # stripped[number] is the line after line ``number``.
    next_is_blank = [not stripped[number] for number in text_lines if number < len(stripped)]
    return bool(next_is_blank) and sum(next_is_blank) / len(next_is_blank) > _DOUBLE_SPACED
