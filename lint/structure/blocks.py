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

import regex

from .paragraphs import ParagraphStructure

_SUBPARAGRAPH = regex.compile(r"\s*\(?[a-z]{1,2}\)\s*\S")
_FOOTNOTE_RULE = regex.compile(r"\s*_{5,}\s*")
# A footnote's number: alone on its line ("1", "*") or before the note ("957 关于...").
_FOOTNOTE_MARKER = regex.compile(r"\s*(?:\d{1,4}|\*{1,3})(?:\s*$|[ \t]+(?!年|月|日)\S)")
_SENTENCE_END = "。；：！？"
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
    splitter = _Splitter(
        _structural_starts(structure),
        blank_ends_block=not _double_spaced(lines, furniture),
        line_is_paragraph=not _wrapped(lines, furniture),
    )
    for index, text in enumerate(lines):
        if index + 1 not in furniture:
            splitter.feed(index + 1, text)
    return splitter.finish()


class _Splitter:
    """Reads lines in order; keeps the paragraph a footnote area interrupts open under it."""

    def __init__(self, starts: frozenset[int], *, blank_ends_block: bool, line_is_paragraph: bool) -> None:
        self.starts = starts
        self.blank_ends_block = blank_ends_block
        self.line_is_paragraph = line_is_paragraph
        self.blocks: list[TextBlock] = []
        self.current: list[int] = []
        self.previous_text = ""
        #: The text paragraph a footnote rule interrupted, while its footnotes are read.
        self.suspended: tuple[list[int], str] | None = None

    def feed(self, number: int, text: str) -> None:
        if not text.strip():
            if self.blank_ends_block and self.suspended is None:
                self.close()
        elif _FOOTNOTE_RULE.fullmatch(text):
            self.suspend()
        elif self.suspended is not None:
            self.feed_footnote(number, text)
        else:
            if _starts_paragraph(text, number, self.starts, self.previous_text, self.line_is_paragraph):
                self.close()
            self.append(number, text)

    def feed_footnote(self, number: int, text: str) -> None:
        if _FOOTNOTE_MARKER.match(text):
            self.close()
        elif number in self.starts or self.previous_text.rstrip()[-1:] in _SENTENCE_END:
            # The footnotes have ended: the interrupted paragraph goes on (or a new one starts).
            self.close()
            self.current, self.previous_text = self.suspended
            self.suspended = None
            self.feed(number, text)
            return
        self.append(number, text)

    def suspend(self) -> None:
        if self.suspended is None:
            self.suspended = (self.current, self.previous_text)
        else:
            self.close()
        self.current, self.previous_text = [], ""

    def append(self, number: int, text: str) -> None:
        self.current.append(number)
        self.previous_text = text

    def close(self) -> None:
        if self.current:
            self.blocks.append(TextBlock(tuple(self.current)))
        self.current = []

    def finish(self) -> tuple[TextBlock, ...]:
        self.close()
        if self.suspended is not None:
            self.current = self.suspended[0]
            self.close()
        return tuple(sorted(self.blocks, key=lambda b: b.first_line))


def _structural_starts(structure: ParagraphStructure) -> frozenset[int]:
    numbered = {p.line for p in structure.paragraphs} | {h.line for h in structure.numbered_headings}
    return frozenset(numbered | {p.line for p in structure.parts if p.line > 1})


def _starts_paragraph(
    text: str, number: int, starts: frozenset[int], previous_text: str, line_is_paragraph: bool
) -> bool:
    if number in starts or _SUBPARAGRAPH.match(text):
        return True
    after_sentence = previous_text.rstrip()[-1:] in _SENTENCE_END
    return after_sentence and (line_is_paragraph or text[:1].isspace())


def _wrapped(lines: Sequence[str], furniture: frozenset[int]) -> bool:
    lengths = sorted(len(text.strip()) for n, text in enumerate(lines, 1) if n not in furniture and text.strip())
    return not lengths or lengths[len(lengths) // 2] <= _WRAPPED_LINE_MAX


def _double_spaced(lines: Sequence[str], furniture: frozenset[int]) -> bool:
    text_lines = followed_by_blank = 0
    for index in range(len(lines) - 1):
        if index + 1 in furniture or not lines[index].strip():
            continue
        text_lines += 1
        followed_by_blank += not lines[index + 1].strip()
    return text_lines > 0 and followed_by_blank / text_lines > _DOUBLE_SPACED
