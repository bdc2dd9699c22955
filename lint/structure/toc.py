"""The table of contents (``目录`` / ``Contents``) and the lines its entries name.

The contents is the block of lines after the ``目录`` line, up to the first
blank line: ``一. 导言<TAB>4`` or ``Mandate | 6``. Each entry is matched with
the first later line whose words are the entry's words (numbering, page
numbers, footnote markers, spaces and punctuation aside); a title broken over
two lines (``Subprogramme 1`` / ``Prevention, ...``) also matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .headings import CHINESE_NUMERALS

_TOC_TITLE = regex.compile(r"\s*(?:目\s*录|Contents)\s*")
_PAGE_HEADER = regex.compile(r"\s*(?:\|\s*)?(?:页次|Page)\s*")
_ENTRY = regex.compile(
    rf"\s*(?:(?P<label>[{CHINESE_NUMERALS}]{{1,3}}|[IVX]{{1,5}}|[A-Z])\s*[.．、]\s*)?"
    r"(?P<title>.*?)(?:\s*(?:\t|\|)\s*(?P<page>\d{1,4}))?\s*"
)
_MARKUP = regex.compile(r"\[\^\d+\]|\*+")
_NUMBERING = regex.compile(rf"\s*(?:[{CHINESE_NUMERALS}]{{1,3}}|[IVX]{{1,5}}|[A-Z]|\d{{1,3}})\s*[.．、]\s*")
#: How far from the top a contents may start.
_TOC_SEARCH_LINES = 200


@dataclass(frozen=True, slots=True)
class TocEntry:
    #: The entry's own numbering (``"一"``, ``"II"``), if it has one.
    label: str | None
    title: str
    page: int | None
    line: int
    #: 1-based line of the heading it names, ``None`` if no line matches.
    target: int | None


@dataclass(frozen=True, slots=True)
class TableOfContents:
    #: 1-based line of ``目录`` / ``Contents``.
    line: int
    #: The last line of the contents block.
    end: int
    entries: tuple[TocEntry, ...]

    @property
    def lines(self) -> frozenset[int]:
        return frozenset(range(self.line, self.end + 1))


def normalize(title: str) -> str:
    """The words of a title: no numbering, markers, spaces or punctuation; case-folded."""
    if "*" in title or "[^" in title:
        title = _MARKUP.sub("", title)
    if numbering := _NUMBERING.match(title):
        title = title[numbering.end():]
    # str.isalnum is many times faster than a Unicode regex class on long lines.
    return "".join(filter(str.isalnum, title)).casefold()


def parse_toc(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> TableOfContents | None:
    start = next((i for i, t in enumerate(lines[:_TOC_SEARCH_LINES]) if _TOC_TITLE.fullmatch(t)), None)
    if start is None:
        return None
    index = start + 1
    while index < len(lines) and (not lines[index].strip() or _PAGE_HEADER.fullmatch(lines[index])):
        index += 1
    raw: list[tuple[int, regex.Match]] = []
    while index < len(lines) and lines[index].strip():
        if index + 1 not in skip and (match := _ENTRY.fullmatch(lines[index])) and match["title"]:
            raw.append((index, match))
        index += 1
    if not raw:
        return None
    end = index
    # A heading an entry names is about as long as the entry: longer lines are running text.
    longest = 2 * max(len(m["title"]) for _, m in raw) + 20
    targets = _Targets(lines, end, skip, longest)
    entries = tuple(
        TocEntry(m["label"], m["title"].strip(), int(m["page"]) if m["page"] else None, i + 1,
                 targets.find(m["title"]))
        for i, m in raw
    )
    return TableOfContents(start + 1, end, entries)


class _Targets:
    """Normalized text of every line after the contents, and of each line joined with the next."""

    def __init__(self, lines: Sequence[str], after: int, skip: frozenset[int], longest: int) -> None:
        body = [
            (i + 1, normalize(lines[i]))
            for i in range(after, len(lines))
            if i + 1 not in skip and len(lines[i]) <= longest
        ]
        body = [(n, words) for n, words in body if words]
        self.single: dict[str, int] = {}
        self.joined: dict[str, int] = {}
        for position, (number, words) in enumerate(body):
            self.single.setdefault(words, number)
            if position + 1 < len(body):
                self.joined.setdefault(words + body[position + 1][1], number)

    def find(self, title: str) -> int | None:
        words = normalize(title)
        return self.single.get(words) or self.joined.get(words)
