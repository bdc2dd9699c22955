"""The agenda block of a document issued under agenda sub-items, and the section headings after it.

A document answering sub-items of an agenda item carries, under the
masthead, ``议程项目 129(a)、(b)、……(y)和(z)`` (wrapping over lines), or in
English ``Agenda item 70 (b)`` / ``Item 68 (a) and (b) of the provisional
agenda``, then the item's title. The sub-item titles follow in one of three
shapes: one line per sub-item in the cooperation reports
(``联合国同非洲联盟的合作``), one line per sub-item led by its letter
(``(a) 执行《21世纪议程》``), or, for a single sub-item, the item's title and
the sub-item's on one line (``社会和人权问题：社会发展``). In the body come the
section headings. This module finds those pieces; which organization a title
or heading names is for the rules to decide (through the registry).
"""

from __future__ import annotations

import bisect
import itertools
from itertools import compress, count
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from ..text import AGENDA_HEADING_MAX_CHARS
_AGENDA_START = compiled_on_use(regex.compile,
    r"议程项目\s*(?P<item>\d{1,3})\s*(?=[(（][a-z]{1,2}[)）])"
    # English: the whole line, at its start (in the body, "under agenda item 19 (b)" is a citation).
    r"|(?m:^)[ \t]*(?:(?i:agenda)[ \t]+items?|Items?)[ \t]+(?P<item>\d{1,3})[ \t]*(?=\([a-z]{1,2}\))"
)
# Where an _AGENDA_START match can start (a gate, see structure/scan.py): the Chinese words (found
# by a string search), or the start of a line whose first word is "agenda" or "Item", found from the
# line break before it (run over "\n" + text). Two literal-led searches: one alternation with a
# (?m:^) branch was tried at every character, and cost more than the rest of the agenda parse.
_AGENDA_WORDS = "议程项目"
_EN_AGENDA_GATE = compiled_on_use(re.compile, r"\n[ \t]*+(?:(?i:agenda)|Item)")
_SUB_ITEM = compiled_on_use(regex.compile, r"[(（](?P<letter>[a-z]{1,2})[)）]")
# What may stand between two sub-items: an enumeration comma, a conjunction, an ellipsis.
_SEPARATOR = compiled_on_use(regex.compile, r"(?:\s|、|,|，|和|及|以及|至|到|…|-|—|–|and\b|to\b)*")
# What may end an English agenda line after its sub-items.
_EN_LINE_END = compiled_on_use(regex.compile,
    r"[ \t]*(?:of[ \t]+the[ \t]+(?:provisional[ \t]+|preliminary[ \t]+)?agenda)?[ \t]*\**[ \t]*$",
    regex.M)
_LETTERED_TITLE = compiled_on_use(regex.compile, r"\s*[(（](?P<letter>[a-z]{1,2})[)）]\s*(?P<title>\S.*?)\s*")
# "社会和人权问题：社会发展", "Social and human rights questions: social development".
_INLINE_TITLE = compiled_on_use(regex.compile, r"\s*(?P<item>[^:：。.;；]{2,80}?)\s*[:：]\s*(?P<title>[^:：。;；]{2,120}?)\s*")
_ITEM_TITLE = compiled_on_use(regex.compile, r"\s*(?P<title>联合国同.+?的合作)\s*[:：]\s*")
_SUB_ITEM_TITLE = compiled_on_use(regex.compile, r"\s*(?P<title>联合国(?:同|与|和|、).+?(?:之间)?的合作)\s*\**\s*")
_TITLE_OPENING = compiled_on_use(regex.compile, r"\s*联合国(?:同|与|和|、)")
_CHAPTER_NUMERALS = "一二三四五六七八九十"
#: What a _CHAPTER line's first character after white space is: a numeral or a capital.
_CHAPTER_FIRST = frozenset(_CHAPTER_NUMERALS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CHAPTER = compiled_on_use(regex.compile, rf"\s*(?P<number>[{_CHAPTER_NUMERALS}]+|[A-Z])\s*[.．、]\s*(?P<title>\S.*?)\s*")
_TOC_ENTRY = compiled_on_use(regex.compile, r".*\t\s*(?:\d+|页次)\s*|.*\.{4,}\s*\d+\s*|\s*(?:页次|目录)\s*")
_PARAGRAPH_NUMBER = compiled_on_use(regex.compile, r"\s*\d{1,3}\s*[.．]")


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
    """A sub-item title; one wrapped over two lines has its parts joined in ``text``.

    ``letter`` is the sub-item's letter when the title line gives it (``(a) 执行……``).
    """

    text: str
    line: int
    start: int
    end: int
    letter: str = ""


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
    text: str, lines: Sequence[str], skip: frozenset[int] = frozenset(), masthead_end: int | None = None,
    line_starts: Sequence[int] | None = None,
) -> AgendaBlock | None:
    """The agenda line with lettered sub-items, its titles and the body's headings; ``None`` if none.

    ``skip`` holds the 1-based numbers of furniture lines. The agenda line is
    looked for only before offset ``masthead_end`` (the first numbered
    paragraph): in the body, ``议程项目 68(a)和(c)`` cites sub-items, it does
    not list them. ``line_starts``: the offset of each line in ``text``, when the caller has them.
    """
    match = _agenda_line(text, len(text) if masthead_end is None else masthead_end)
    if match is None:
        return None
    sub_items, end = _sub_items(text, match.end())
    if not sub_items:
        return None
    starts = _line_starts(lines) if line_starts is None else line_starts
    first_line = _line_of(starts, end) + 1
    item_title, titles, after = _titles(lines, starts, first_line + 1, skip)
    if not titles:
        item_title, titles, after = _lettered_titles(lines, starts, first_line + 1, skip, len(sub_items))
    headings = _headings(lines, starts, after, skip) if titles else ()
    return AgendaBlock(int(match["item"]), match.start(), end, sub_items, item_title, titles, headings)


def _agenda_line(text: str, end: int) -> regex.Match[str] | None:
    """The first agenda line before ``end``; an English one must hold nothing but the item and its sub-items."""
    for match in _agenda_starts(text, end):
        if match.group().lstrip().startswith("议程项目"):
            return match
        _, after = _sub_items(text, match.end())
        if after > match.end() and _EN_LINE_END.match(text, after):
            return match
    return None


def _agenda_starts(text: str, end: int) -> Iterator[regex.Match[str]]:
    """``_AGENDA_START.finditer(text, 0, end)``, trying the pattern only where the gate says a match can start."""
    resume = 0  # as finditer: no match starts inside the one before
    for candidate in _agenda_candidates(text, end):
        if candidate < resume:
            continue
        if (match := _AGENDA_START.match(text, candidate, end)) is not None:
            resume = match.end()
            yield match


def _agenda_candidates(text: str, end: int) -> list[int]:
    """Ascending offsets before ``end`` where the gate opens: each 议程项目 and each such line start."""
    # In "\n" + text the line break before a line sits at the offset the line has in ``text``.
    found = [match.start() for match in _EN_AGENDA_GATE.finditer("\n" + text, 0, end + 1)]
    position = text.find(_AGENDA_WORDS, 0, end)
    while position != -1:
        found.append(position)
        position = text.find(_AGENDA_WORDS, position + 1, end)
    return sorted(found)


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


def _lettered_titles(
    lines: Sequence[str], starts: list[int], first: int, skip: frozenset[int], count: int
) -> tuple[str, tuple[SubItemTitle, ...], int]:
    """The item title, then either lines led by the sub-item letters or, for one sub-item, ``item: sub-item``.

    Anything else after the agenda line leaves the titles unknown (empty): the
    rules then say nothing about them.
    """
    numbers = [n for n in range(first, min(len(lines), first + 3 + count * 2) + 1)
               if lines[n - 1].strip() and n not in skip and not lines[n - 1].strip().startswith("*")]
    if not numbers:
        return "", (), first
    head = lines[numbers[0] - 1]
    inline = _INLINE_TITLE.fullmatch(head)
    if count == 1 and inline is not None:
        start = starts[numbers[0] - 1] + inline.start("title")
        title = SubItemTitle(inline["title"], numbers[0], start, start + len(inline["title"]))
        return inline["item"], (title,), numbers[0] + 1
    titles: list[SubItemTitle] = []
    item_title = ""
    for index, number in enumerate(numbers):
        found = _LETTERED_TITLE.fullmatch(lines[number - 1])
        if found is None:
            if index == 0 and not titles:
                item_title = lines[number - 1].strip().rstrip(":：")
                continue
            break
        start = starts[number - 1] + found.start("title")
        titles.append(SubItemTitle(found["title"], number, start, start + len(found["title"]), found["letter"]))
    if len(titles) < 2 and count > 1:
        return "", (), first
    return item_title, tuple(titles), (titles[-1].line + 1 if titles else first)


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


def _headings(lines: Sequence[str], starts: Sequence[int], first: int, skip: frozenset[int]) -> tuple[SectionHeading, ...]:
    headings: list[SectionHeading] = []
    # The lines _is_heading's length test passes, found by C-level maps rather than a Python step per
    # line (most lines after the titles are running text, longer than a heading).
    stripped_lines = list(map(str.strip, lines[first - 1:]))
    for number in compress(count(first), map(_HEADING_LENGTHS.__contains__, map(len, stripped_lines))):
        raw = lines[number - 1]
        stripped = stripped_lines[number - first]
        if number in skip or not _is_heading(raw, stripped):
            continue
        # The numbering's first character is the line's first one after white space (the test spares
        # most headings the regex call; regex's \s takes no character str.strip keeps).
        chapter = _CHAPTER.fullmatch(raw) if stripped[0] in _CHAPTER_FIRST else None
        title, label = (chapter["title"], chapter["number"]) if chapter else (stripped, "")
        offset = starts[number - 1] + raw.index(title)
        headings.append(SectionHeading(title, number, offset, offset + len(title), label))
    return tuple(headings)


#: The lengths of a heading line, stripped (_is_heading's first two tests).
_HEADING_LENGTHS = range(1, AGENDA_HEADING_MAX_CHARS + 1)


def _is_heading(raw: str, stripped: str) -> bool:
    return (
        bool(stripped)
        and len(stripped) <= AGENDA_HEADING_MAX_CHARS
        and not _holds_stop(stripped)
        and not (_may_be_toc_entry(raw) and _TOC_ENTRY.fullmatch(raw))
        and not (_may_be_paragraph_number(stripped) and _PARAGRAPH_NUMBER.match(raw))
    )


def _holds_stop(stripped: str) -> bool:
    """``NOT_IN_AGENDA_HEADING.search(stripped)``, by substring tests: a ``re`` call costs about three
    times the seven tests on the short lines this is asked about (a test holds the two equal)."""
    return ("。" in stripped or "，" in stripped or "," in stripped or "！" in stripped or "？" in stripped
            or "!" in stripped or "?" in stripped)


def _may_be_paragraph_number(stripped: str) -> bool:
    """Whether a ``_PARAGRAPH_NUMBER`` line may start so: with a digit (str's, or any character beyond the
    BMP, where the digits regex knows from newer Unicode versions are), since regex's ``\\s`` takes no
    character str.strip keeps."""
    first = stripped[:1]
    return first.isdecimal() or first > "\uffff"


def _may_be_toc_entry(raw: str) -> bool:
    """What every ``_TOC_ENTRY`` line holds (a tab, a leader of dots, 页次 or 目录): the substring
    tests spare most lines after the agenda the regex call."""
    return "\t" in raw or "...." in raw or "页次" in raw or "目录" in raw


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    starts.pop()  # the offset after the last line
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    """0-based index of the line holding ``offset``."""
    return bisect.bisect_right(starts, offset) - 1
