"""The table of contents (``目录`` / ``Contents``) and the lines its entries name.

The contents is the block of lines after the ``目录`` line: ``一. 导言<TAB>4``
or ``Mandate | 6``. It ends where the contents end, whichever comes first:

- a blank line;
- page numbers stopping: in a contents whose entries carry page numbers, two
  lines in a row without one (a title may wrap onto a second line);
- a line that repeats an entry: the body's first heading;
- the body's first numbered paragraph, or a line of running text (longer
  than any contents entry).

A contents without page numbers that ends only at a numbered paragraph,
running text or the end of the text (a summary record's list of items, with
the body right after it) is not sure: its rules stay silent and
``doubts`` says why. Each entry is matched with
the first later line whose words are the entry's words (numbering, page
numbers, footnote markers, spaces and punctuation aside); a title broken over
two lines (``Subprogramme 1`` / ``Prevention, ...``) also matches, and so does
an entry naming a lettered sub-item under its parent (``Subprogramme 1 (a).
Title``): the line ``(a) Title`` below the line ``Subprogramme 1``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from .certainty import NotChecked
from .headings import CHINESE_NUMERALS

_TOC_TITLE = compiled_on_use(regex.compile, r"\s*(?:目\s*录|Contents)\s*")
_PAGE_HEADER = compiled_on_use(regex.compile, r"\s*(?:\|\s*)?(?:页次|Page)\s*")
_ENTRY = compiled_on_use(regex.compile,
    rf"\s*(?:(?P<label>[{CHINESE_NUMERALS}]{{1,3}}|[IVX]{{1,5}}|[A-Z])\s*[.．、]\s*)?"
    r"(?P<title>.*?)(?:\s*(?:\t|\|)\s*(?P<page>\d{1,4}))?\s*"
)
_MARKUP = compiled_on_use(regex.compile, r"\[\^\d+\]|\*+")
#: A contents entry naming a lettered sub-item under its parent heading: ``Subprogramme 1 (a). Title``.
_SUB_ITEM_ENTRY = compiled_on_use(regex.compile,
    r"\s*(?P<parent>\S.*?)\s*\((?P<letter>[a-z])\)\s*[.:]?\s+(?P<rest>\S.*?)\s*")
_NUMBERING = compiled_on_use(regex.compile,
    rf"\s*(?:[{CHINESE_NUMERALS}]{{1,3}}|[IVX]{{1,5}}|[A-Z]|\d{{1,3}})\s*[.．、]\s*")
_NUMERAL_SET = frozenset(CHINESE_NUMERALS)
# The characters str.isalnum rejects: re's \w is str.isalnum or "_" (both ask Py_UNICODE_ISALNUM).
_NOT_ALNUM = compiled_on_use(re.compile, r"[\W_]+")
#: How far from the top a contents may start.
_TOC_SEARCH_LINES = 200
# A body paragraph: "12. text ..." ending a sentence (a contents entry is a title: no full stop).
_PARAGRAPH = compiled_on_use(regex.compile, r"\s*\d{1,3}\s*[.．]\s*\S.{20,}[。；;.]\s*")
#: A contents entry is a title: a line longer than this is running text.
_ENTRY_MAX_CHARS = 160
#: The rules a doubt about the contents silences.
TOC_DOUBT_CODES = frozenset({"XRF004", "XRF005"})
#: How the block ended (``TableOfContents.ending``); the first three are sure ends.
SURE_ENDINGS = frozenset({"blank line", "page numbers stop", "heading repeats an entry"})


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
    #: What ended the block: one of SURE_ENDINGS, "numbered paragraph", "running text" or "end of text".
    ending: str = "blank line"

    @property
    def sure(self) -> bool:
        """Whether the block is known to end where the contents end (see the module docstring)."""
        return self.ending in SURE_ENDINGS or any(e.page is not None for e in self.entries)

    @property
    def doubts(self) -> tuple[NotChecked, ...]:
        if self.sure:
            return ()
        return (NotChecked(tuple(sorted(TOC_DOUBT_CODES)), "table of contents",
                           f"a contents without page numbers that ends only at the {self.ending}: where the "
                           "entries end is not sure", self.line),)

    @property
    def lines(self) -> frozenset[int]:
        return frozenset(range(self.line, self.end + 1))


def normalize(title: str) -> str:
    """The words of a title: no numbering, markers, spaces or punctuation; case-folded."""
    if "*" in title or "[^" in title:
        title = _MARKUP.sub("", title)
    if _may_be_numbered(title) and (numbering := _NUMBERING.match(title)):
        title = title[numbering.end():]
    # re's \W (not regex's Unicode classes) is the test str.isalnum makes, run in C: a quarter
    # faster than filtering with str.isalnum, which calls it per character.
    return _NOT_ALNUM.sub("", title).casefold()


def _may_be_numbered(title: str) -> bool:
    """Whether ``title`` may start with a ``_NUMBERING``: its first character after white space is a
    numeral, a capital or a digit. A gate: the contents' targets are every short line of the body,
    and most start with a word, which this tells without a ``regex`` call."""
    first = title[:1]
    if first.isspace():
        first = title.lstrip()[:1]
    # regex knows digits of newer Unicode versions than str: a character Python's tables lack may be one.
    return first in _NUMERAL_SET or "A" <= first <= "Z" or first.isdecimal() or not first.isprintable()


def parse_toc(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> TableOfContents | None:
    # The substring tests spare the regex call on the lines that cannot be the title (nearly all).
    start = next((i for i, t in enumerate(lines[:_TOC_SEARCH_LINES])
                  if ("目" in t or "Contents" in t) and _TOC_TITLE.fullmatch(t)), None)
    if start is None:
        return None
    index = start + 1
    while index < len(lines) and (not lines[index].strip() or _PAGE_HEADER.fullmatch(lines[index])):
        index += 1
    raw, index, ending = _block(lines, index, skip)
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
    return TableOfContents(start + 1, end, entries, ending)


def _block(lines: Sequence[str], index: int, skip: frozenset[int]) -> tuple[list[tuple[int, regex.Match]], int, str]:
    """The entries from line ``index`` on, the index after the block and what ended it."""
    raw: list[tuple[int, regex.Match]] = []
    seen: set[str] = set()
    paged = unpaged_run = 0
    while index < len(lines):
        text = lines[index]
        if not text.strip():
            return raw, index, "blank line"
        if index + 1 in skip:
            index += 1
            continue
        if len(text) > _ENTRY_MAX_CHARS:
            return raw, index, "running text"
        if _PARAGRAPH.fullmatch(text):
            return raw, index, "numbered paragraph"
        match = _ENTRY.fullmatch(text)
        if match and match["title"]:
            words = normalize(match["title"])
            if words and words in seen and not match["page"]:  # a paged entry may repeat a title
                return raw, index, "heading repeats an entry"
            unpaged_run = 0 if match["page"] else unpaged_run + 1
            if paged and unpaged_run == 2:
                # The previous line was no wrapped title either: the contents ended before it.
                return raw[:-1], raw[-1][0], "page numbers stop"
            paged += bool(match["page"])
            seen.add(words)
            raw.append((index, match))
        index += 1
    return raw, index, "end of text"


class _Targets:
    """Normalized text of every line after the contents, and of each line joined with the next."""

    def __init__(self, lines: Sequence[str], after: int, skip: frozenset[int], longest: int) -> None:
        # A blank line normalizes to nothing, and is dropped with the other lines without words: the
        # isspace test spares it the normalizing (every other line is blank in much PDF text).
        body = [
            (i + 1, words)
            for i in range(after, len(lines))
            if len(text := lines[i]) <= longest and text and not text.isspace() and i + 1 not in skip
            and (words := normalize(text))
        ]
        self.single: dict[str, int] = {}
        self.joined: dict[str, int] = {}
        for position, (number, words) in enumerate(body):
            self.single.setdefault(words, number)
            if position + 1 < len(body):
                self.joined.setdefault(words + body[position + 1][1], number)

    def find(self, title: str) -> int | None:
        words = normalize(title)
        return self.single.get(words) or self.joined.get(words) or self._sub_item(title)

    def _sub_item(self, title: str) -> int | None:
        """``Subprogramme 1 (a). Title`` names the heading ``(a) Title`` below the heading ``Subprogramme 1``."""
        sub = _SUB_ITEM_ENTRY.fullmatch(title)
        if sub is None:
            return None
        parent = self.single.get(normalize(sub["parent"]))
        line = self.single.get(sub["letter"].casefold() + normalize(sub["rest"]))
        return line if parent is not None and line is not None and parent < line else None
