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

Furniture lines and footnote rules belong to no block. Rules that need "the
same paragraph" (bracket balance) use these blocks rather than lines, since a
quotation or a parenthesis often runs over a wrap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count

import regex

from ..text import FOOTNOTE_RULE, PARAGRAPH_END_STOPS
from .paragraphs import ParagraphStructure

_SUBPARAGRAPH = regex.compile(r"\s*\(?[a-z]{1,2}\)\s*\S")
# A footnote's number: alone on its line ("1", "*") or before the note ("957 关于...").
_FOOTNOTE_MARKER = regex.compile(r"\s*(?:\d{1,4}|\*{1,3})(?:\s*$|[ \t]+(?!年|月|日)\S)")
#: Share of text lines followed by a blank line above which a text counts as double-spaced.
_DOUBLE_SPACED = 0.6
#: A PDF column of Chinese text holds about 40 characters; Word exports keep a paragraph on one line.
_WRAPPED_LINE_MAX = 60


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph of running text: 1-based line numbers, furniture left out."""

    lines: tuple[int, ...]

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]


def parse_blocks(
    lines: Sequence[str], furniture: frozenset[int], structure: ParagraphStructure
) -> tuple[TextBlock, ...]:
    """Split ``lines`` into paragraph blocks (see the module docstring)."""
    # Every test below reads the stripped line: strip each line once.
    stripped = [text.strip() for text in lines]
    text_lines = [number for number, bare in zip(count(1), stripped) if bare and number not in furniture]
    blank_ends_block = not _double_spaced(text_lines, stripped)
    # In a double-spaced text blank lines are layout, not paragraph ends: read only the text lines.
    numbers = [n for n in range(1, len(lines) + 1) if n not in furniture] if blank_ends_block else text_lines
    blocks = _split(
        numbers,
        lines,
        stripped,
        _structural_starts(structure),
        blank_ends_block=blank_ends_block,
        line_is_paragraph=not _wrapped(text_lines, stripped),
    )
    return tuple(TextBlock(tuple(block)) for block in sorted(blocks, key=lambda block: block[0]))


def _split(
    numbers: Sequence[int],
    lines: Sequence[str],
    stripped: Sequence[str],
    starts: frozenset[int],
    *,
    blank_ends_block: bool,
    line_is_paragraph: bool,
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
            current = []
        current.append(number)
        after_sentence = bare[-1] in PARAGRAPH_END_STOPS
    if current:
        blocks.append(current)
    if suspended is not None and suspended[0]:
        blocks.append(suspended[0])
    return blocks


def _structural_starts(structure: ParagraphStructure) -> frozenset[int]:
    numbered = {p.line for p in structure.paragraphs} | {h.line for h in structure.numbered_headings}
    return frozenset(numbered | {p.line for p in structure.parts if p.line > 1})


def _wrapped(text_lines: Sequence[int], stripped: Sequence[str]) -> bool:
    lengths = sorted([len(stripped[number - 1]) for number in text_lines])
    return not lengths or lengths[len(lengths) // 2] <= _WRAPPED_LINE_MAX


def _double_spaced(text_lines: Sequence[int], stripped: Sequence[str]) -> bool:
    # Whether the line after each text line (the last line of the text aside) is blank;
    # stripped[number] is the line after line ``number``.
    next_is_blank = [not stripped[number] for number in text_lines if number < len(stripped)]
    return bool(next_is_blank) and sum(next_is_blank) / len(next_is_blank) > _DOUBLE_SPACED
