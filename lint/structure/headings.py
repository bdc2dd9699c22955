"""Section headings: ``一. 引言``, ``II. Financial resources``, ``D. 当前的业务合作``.

Chapters carry Chinese or Roman numerals, their sections capital letters
(UN Editorial Manual, "Headings"). A chapter heading is accepted only in
sequence (一, 二, 三 ...), so that a numbered table row or a list item that
happens to start with ``I.`` is not taken for a chapter; nor is a line
whose title is followed by figures in cells (a financial table's row label),
nor a line the reader marked as a table line. Lettered section
headings belong to the chapter above them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from ..text import SENTENCE_ENDING_TITLE, TITLE_MAX_CHARS
from .scan import lines_matching

CHINESE_NUMERALS = "一二三四五六七八九十"
_CHAPTER = compiled_on_use(regex.compile,
    rf"\s*(?P<label>[{CHINESE_NUMERALS}]{{1,3}}|[IVX]{{1,5}})\s*[.．、]\s*(?P<title>\S.*?)\s*"
)
_SECTION = compiled_on_use(regex.compile, r"\s*(?P<label>[A-Z])\s*[.．]\s*(?P<title>\S.*?)\s*")
# Necessary for _CHAPTER or _SECTION to match a line: a label and its stop.
_GATE = compiled_on_use(re.compile, rf"\n[^\S\n]*+(?:[{CHINESE_NUMERALS}]{{1,3}}+|[A-Z]{{1,5}}+)[^\S\n]*+[.．、]")
# A row of a table read as text: a label and title, then figures in cells ("II.\tPosts\t1 234.5\t(12.0)").
#: Footnote markers and trailing asterisks, taken off a heading's title.
_MARKS = compiled_on_use(regex.compile, r"\[\^\d+\]|\*+$")
_FIGURE_CELLS = compiled_on_use(regex.compile, r"(?:\t| {2,})[-–(]?\d[\d\s,.()%–-]*$")
_ROMAN = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True, slots=True)
class Heading:
    #: ``"一"``, ``"II"`` (chapters) or ``"D"`` (sections).
    label: str
    title: str
    line: int
    #: 1 for a chapter, 2 for a lettered section.
    level: int
    #: For a section, the label of the chapter it belongs to ("" before any chapter).
    chapter: str = ""

    @property
    def ordinal(self) -> int:
        return label_value(self.label)


def label_value(label: str) -> int:
    """1 for ``一``, ``I`` or ``A``; 0 if not a heading label."""
    if label and all(c in CHINESE_NUMERALS for c in label):
        return _chinese_value(label)
    if label and all(c in _ROMAN for c in label):
        return _roman_value(label)
    if len(label) == 1 and "A" <= label <= "Z":
        return ord(label) - ord("A") + 1
    return 0


def _chinese_value(label: str) -> int:
    digits = {c: i for i, c in enumerate(CHINESE_NUMERALS, start=1)}
    if label == "十":
        return 10
    if label.startswith("十"):
        return 10 + digits[label[1]]
    if label.endswith("十"):
        return digits[label[0]] * 10
    if "十" in label:
        return digits[label[0]] * 10 + digits[label[2]]
    return digits[label[0]]


def _roman_value(label: str) -> int:
    total = 0
    for current, following in zip(label, label[1:] + " "):
        value = _ROMAN[current]
        total += -value if following in _ROMAN and _ROMAN[following] > value else value
    return total


def parse_headings(lines: Sequence[str], skip: frozenset[int] = frozenset(), text: str | None = None,
                   line_starts: Sequence[int] | None = None) -> tuple[Heading, ...]:
    """Chapter and section headings after ``skip`` (furniture and contents lines).

    ``text`` and ``line_starts``: the lines joined by ``\\n`` and the offset where each starts,
    when the caller has them (the Document does: a join copies the whole text).
    """
    headings: list[Heading] = []
    chapter = ""
    next_chapter = 1
    for index in lines_matching(lines, _GATE, text, line_starts):  # no other line is a heading
        line = lines[index]
        number = index + 1
        if number in skip or " | " in line or not line.strip():
            continue
        if (match := _CHAPTER.fullmatch(line)) and _title_like(match["title"]):
            if label_value(match["label"]) == next_chapter:
                chapter = match["label"]
                next_chapter += 1
                headings.append(Heading(chapter, _clean(match["title"]), number, 1))
            continue
        if (match := _SECTION.fullmatch(line)) and _title_like(match["title"]) and chapter:
            headings.append(Heading(match["label"], _clean(match["title"]), number, 2, chapter))
    return tuple(headings)


def _title_like(title: str) -> bool:
    return len(title) <= TITLE_MAX_CHARS and not SENTENCE_ENDING_TITLE.search(title) and not _FIGURE_CELLS.search(title)


def _clean(title: str) -> str:
    return _MARKS.sub("", title).strip()
