"""Units: the paragraphs of a document that alignment pairs with the other version's.

A unit is a text block (:mod:`unlint.structure.blocks`): a numbered paragraph,
a heading, a footnote's text or a paragraph of running text. Some units carry
a *key* that names them the same way in both languages: the paragraph number
(``("p", part, 12)``), the chapter and section of a heading (``一.`` and
``I.`` are both chapter 1), the footnote label. Keys are the sure anchors of
the alignment.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Document
from ..structure.headings import label_value
from ..structure.paragraphs import NumberedParagraph

#: A line that is only a chapter or section label: ``I.``, ``一.``, ``二、``, ``A.``.
_LABEL_LINE = regex.compile(r"\s*(?P<label>[IVXLC]+|[一二三四五六七八九十]+|[A-Z])\s*[.．、]?\s*")
#: Where a heading with its title on the same line starts: ``II. Mandates``, ``三. 结论``, ``A. 导言``.
_LABELLED_HEADING = regex.compile(r"\s*(?P<label>[IVXLC]+|[一二三四五六七八九十]+|[A-Z])\s*[.．、]\s*\S")


#: Longer lines are no headings.
_HEADING_MAX = 120


@dataclass(frozen=True, slots=True)
class Unit:
    """Lines ``first_line..last_line`` (1-based) of a document, ``text[start:end]``."""

    index: int
    first_line: int
    last_line: int
    start: int
    end: int
    #: Names the unit in both languages, or ``None``.
    key: tuple | None = None

    @property
    def is_footnote(self) -> bool:
        return self.key is not None and self.key[0] == "fn"


def document_units(document: Document) -> tuple[Unit, ...]:
    """The document's paragraphs as units, in text order, keyed where the structure names them."""
    keys: dict[int, tuple] = {p.line: paragraph_key(document, p) for p in document.paragraphs}
    keys.update({note.line: ("fn", note.label) for note in document.footnotes.texts})
    units: list[Unit] = []
    chapter = 0
    lines, tables = document.lines, document.layout.table_lines
    for first, last in _line_runs(document, keys):
        text = lines[first - 1]
        key = keys.get(first)
        if key is None and first not in tables and len(text) <= _HEADING_MAX:
            heading = _heading_key(text.strip(), chapter)
            if heading is not None:
                chapter = heading[1]
                key = heading
        start = document.offset(first, 1) + len(text) - len(text.lstrip())
        units.append(Unit(len(units), first, last, start, document.offset(last, 1) + len(lines[last - 1]), key))
    return tuple(_unique_keys(units))


def _line_runs(document: Document, starts: dict[int, tuple]) -> list[tuple[int, int]]:
    """``(first, last)`` lines of each paragraph.

    A Word or text file holds a paragraph per line. A PDF reading wraps
    paragraphs: there a paragraph runs on until a blank line, a line after a
    sentence end, or a line that starts a numbered paragraph or footnote.
    """
    wrapped = bool(document.layout.pages)
    skip = document.furniture_lines
    runs: list[tuple[int, int]] = []
    open_run: list[int] = []
    for number, text in enumerate(document.lines, start=1):
        bare = text.strip()
        if not bare or number in skip:
            if open_run:
                runs.append((open_run[0], open_run[-1]))
                open_run = []
            continue
        if open_run and (not wrapped or number in starts or document.lines[open_run[-1] - 1].rstrip()[-1:] in _ENDS):
            runs.append((open_run[0], open_run[-1]))
            open_run = []
        open_run.append(number)
    if open_run:
        runs.append((open_run[0], open_run[-1]))
    return runs


_ENDS = frozenset(".。:：;；!！?？")


def paragraph_key(document: Document, paragraph: NumberedParagraph) -> tuple:
    """``("p", part, number)``; the part is its rank (0 the body, 1 the first annex): labels differ by language."""
    labels = [part.label for part in document.paragraph_structure.parts]
    return ("p", labels.index(paragraph.part) if paragraph.part in labels else 0, paragraph.number)


def _heading_key(line: str, chapter: int) -> tuple | None:
    """``("h", chapter, section)`` for a chapter or section heading line; ``None`` otherwise."""
    match = _LABEL_LINE.fullmatch(line) or _LABELLED_HEADING.match(line)
    if match is None:
        return None
    label = match["label"]
    if len(label) == 1 and "A" <= label <= "Z":
        # I, V, X, L, C are chapters only where the next chapter is due; else section letters.
        roman = label_value(label) if label in "IVXLC" else 0
        if roman != chapter + 1:
            return ("h", chapter, ord(label) - ord("A") + 1)
    value = label_value(label)
    return ("h", value, 0) if value else None


def _unique_keys(units: list[Unit]) -> list[Unit]:
    """Drop a key that names two units: it cannot anchor anything."""
    seen: dict[tuple, int] = {}
    for unit in units:
        if unit.key is not None:
            seen[unit.key] = seen.get(unit.key, 0) + 1
    return [u if u.key is None or seen[u.key] == 1 else Unit(u.index, u.first_line, u.last_line, u.start, u.end)
            for u in units]
