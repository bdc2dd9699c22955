"""The agenda block of a consolidated report and the section headings after it.

A General Assembly report answering several sub-items carries, under the
masthead, ``议程项目 129(a)、(b)、……(y)和(z)`` (wrapping over lines), the
item's title ending in a colon, one title per sub-item
(``联合国同非洲联盟的合作``), and then, in the body, one short heading per
organization. This module finds those pieces; which organization a title or
heading names is for the rules to decide (through the registry).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..text import AGENDA_HEADING_MAX_CHARS, NOT_IN_AGENDA_HEADING
_AGENDA_START = regex.compile(r"议程项目\s*(?P<item>\d{1,3})\s*(?=[(（][a-z]{1,2}[)）])")
_SUB_ITEM = regex.compile(r"[(（](?P<letter>[a-z]{1,2})[)）]")
# What may stand between two sub-items: an enumeration comma, a conjunction, an ellipsis.
_SEPARATOR = regex.compile(r"(?:\s|、|,|，|和|及|以及|至|到|…|-|—|–)*")
_ITEM_TITLE = regex.compile(r"\s*(?P<title>联合国同.+?的合作)\s*[:：]\s*")
_SUB_ITEM_TITLE = regex.compile(r"\s*(?P<title>联合国(?:同|与|和|、).+?(?:之间)?的合作)\s*\**\s*")
_TITLE_OPENING = regex.compile(r"\s*联合国(?:同|与|和|、)")
_CHAPTER = regex.compile(r"\s*(?P<number>[一二三四五六七八九十]+|[A-Z])\s*[.．、]\s*(?P<title>\S.*?)\s*")
_TOC_ENTRY = regex.compile(r".*\t\s*(?:\d+|页次)\s*|.*\.{4,}\s*\d+\s*|\s*(?:页次|目录)\s*")
_PARAGRAPH_NUMBER = regex.compile(r"\s*\d{1,3}\s*[.．]")


@dataclass(frozen=True, slots=True)
class SubItem:
    """One ``(a)`` of the agenda line; ``start``/``end`` are offsets of the whole ``(a)``."""

    letter: str
    start: int
    end: int
    #: What separates it from the sub-item before, spaces removed: ``、``, ``和``, ``、……`` or ``""``.
    separator: str


@dataclass(frozen=True, slots=True)
class SubItemTitle:
    """A sub-item title; one wrapped over two lines has its parts joined in ``text``."""

    text: str
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SectionHeading:
    """A short heading line in the body; ``chapter`` is its ``三.`` / ``A.`` number, if any."""

    text: str
    line: int
    start: int
    end: int
    chapter: str = ""


@dataclass(frozen=True, slots=True)
class AgendaBlock:
    item: int
    #: The offset of ``议程项目`` and the end of the last sub-item.
    start: int
    end: int
    sub_items: tuple[SubItem, ...]
    #: The item's own title (``联合国同各区域组织及其他组织的合作``), if found.
    item_title: str
    titles: tuple[SubItemTitle, ...]
    headings: tuple[SectionHeading, ...]

    @property
    def line(self) -> int:
        return self.titles[0].line if self.titles else 0


def parse_agenda(
    text: str, lines: Sequence[str], skip: frozenset[int] = frozenset(), masthead_end: int | None = None
) -> AgendaBlock | None:
    """The agenda line with lettered sub-items, its titles and the body's headings; ``None`` if none.

    ``skip`` holds the 1-based numbers of furniture lines. The agenda line is
    looked for only before offset ``masthead_end`` (the first numbered
    paragraph): in the body, ``议程项目 68(a)和(c)`` cites sub-items, it does
    not list them.
    """
    match = _AGENDA_START.search(text, 0, len(text) if masthead_end is None else masthead_end)
    if match is None:
        return None
    sub_items, end = _sub_items(text, match.end())
    if not sub_items:
        return None
    starts = _line_starts(lines)
    first_line = _line_of(starts, end) + 1
    item_title, titles, after = _titles(lines, starts, first_line + 1, skip)
    headings = _headings(lines, starts, after, skip) if titles else ()
    return AgendaBlock(int(match["item"]), match.start(), end, sub_items, item_title, titles, headings)


def _sub_items(text: str, position: int) -> tuple[tuple[SubItem, ...], int]:
    found: list[SubItem] = []
    separator = ""
    end = position
    while True:
        item = _SUB_ITEM.match(text, position)
        if item is None:
            break
        found.append(SubItem(item["letter"], item.start(), item.end(), separator))
        end = item.end()
        gap = _SEPARATOR.match(text, end)
        separator = "".join(gap.group().split())
        position = gap.end()
    return tuple(found), end


def _titles(
    lines: Sequence[str], starts: list[int], first: int, skip: frozenset[int]
) -> tuple[str, tuple[SubItemTitle, ...], int]:
    """Walk the lines after the agenda line: the item title, then the sub-item titles."""
    item_title = ""
    titles: list[SubItemTitle] = []
    number = first
    while number <= len(lines):
        raw = lines[number - 1]
        stripped = raw.strip()
        if not stripped or number in skip or stripped.startswith("*"):
            number += 1
            continue
        heading = _ITEM_TITLE.fullmatch(raw)
        if heading and not item_title and not titles:
            item_title = heading["title"]
            number += 1
            continue
        found = _title_at(lines, starts, number)
        if found is None or found[0].text == item_title:
            break
        titles.append(found[0])
        number += found[1]
    return item_title, tuple(titles), number


def _title_at(lines: Sequence[str], starts: list[int], number: int) -> tuple[SubItemTitle, int] | None:
    """The sub-item title on line ``number``, or wrapped onto the next line; with the number of lines it takes."""
    raw = lines[number - 1]
    title = _SUB_ITEM_TITLE.fullmatch(raw)
    if title is not None:
        start = starts[number - 1] + title.start("title")
        return SubItemTitle(title["title"], number, start, start + len(title["title"])), 1
    if number >= len(lines) or not _TITLE_OPENING.match(raw):
        return None
    tail = lines[number].strip()
    title = _SUB_ITEM_TITLE.fullmatch(raw.strip() + tail)
    if title is None or not tail:
        return None
    start = starts[number - 1] + raw.index(raw.strip())
    end = starts[number] + lines[number].index(tail) + len(tail)
    return SubItemTitle(title["title"], number, start, end), 2


def _headings(lines: Sequence[str], starts: list[int], first: int, skip: frozenset[int]) -> tuple[SectionHeading, ...]:
    headings: list[SectionHeading] = []
    for number in range(first, len(lines) + 1):
        raw = lines[number - 1]
        stripped = raw.strip()
        if not _is_heading(raw, stripped) or number in skip:
            continue
        chapter = _CHAPTER.fullmatch(raw)
        title, label = (chapter["title"], chapter["number"]) if chapter else (stripped, "")
        offset = starts[number - 1] + raw.index(title)
        headings.append(SectionHeading(title, number, offset, offset + len(title), label))
    return tuple(headings)


def _is_heading(raw: str, stripped: str) -> bool:
    return (
        bool(stripped)
        and len(stripped) <= AGENDA_HEADING_MAX_CHARS
        and not NOT_IN_AGENDA_HEADING.search(stripped)
        and not _TOC_ENTRY.fullmatch(raw)
        and not _PARAGRAPH_NUMBER.match(raw)
    )


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    """0-based index of the line holding ``offset``."""
    return bisect.bisect_right(starts, offset) - 1
