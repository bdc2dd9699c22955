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


_PART = regex.compile(r"\s*(?P<kind>Annex|Appendix|附件|附录)\s*(?P<number>[IVXLC]+|[一二三四五六七八九十]+)?")
#: A document with this many numbered paragraphs is aligned paragraph by paragraph.
_NUMBERED = 3
#: Longer lines are no headings.
_HEADING_MAX = 300


# Not frozen only because thousands are made per pair of documents: a frozen dataclass sets each field
# through object.__setattr__, which made building them a tenth of the comparison. Nothing changes one.
@dataclass(slots=True)
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
    numbered = len(document.paragraphs) >= _NUMBERED
    toc = document.toc
    contents = (toc.line, toc.end) if toc is not None else (0, -1)
    for first, last in _line_runs(document, keys):
        if first in tables or contents[0] <= first <= contents[1]:
            # Two readings of one table (Word, PDF) split its cells differently, and the contents' page
            # numbers differ between language versions: neither is compared.
            continue
        text = lines[first - 1]
        key = keys.get(first)
        if key is None and len(text) <= _HEADING_MAX:
            heading = _heading_key(text.strip(), chapter)
            if heading is not None:
                chapter = heading[1]
                key = heading
        end = document.offset(last, 1) + len(lines[last - 1])
        if key is None and numbered and units and units[-1].key is not None and units[-1].key[0] == "p":
            # In a document of numbered paragraphs, what follows a paragraph up to the next numbered
            # paragraph, heading or note is part of it (its sub-items, its rest after a page break).
            previous = units[-1]
            units[-1] = Unit(previous.index, previous.first_line, last, previous.start, end, previous.key)
            continue
        start = document.offset(first, 1) + len(text) - len(text.lstrip())
        units.append(Unit(len(units), first, last, start, end, key))
    return tuple(_unique_keys(units))


def _line_runs(document: Document, starts: dict[int, tuple]) -> list[tuple[int, int]]:
    """``(first, last)`` lines of each paragraph.

    A Word or text file holds a paragraph per line. A PDF reading wraps
    paragraphs: there a paragraph runs on until a blank line, a line after a
    sentence end, or a line that starts a numbered paragraph or footnote.
    """
    wrapped = bool(document.layout.pages)
    skip, tables = document.furniture_lines, document.layout.table_lines
    runs: list[tuple[int, int]] = []
    open_run: list[int] = []
    for number, text in enumerate(document.lines, start=1):
        bare = text.strip()
        if not bare or number in skip:
            if open_run:
                runs.append((open_run[0], open_run[-1]))
                open_run = []
            continue
        if open_run and (not wrapped or number in starts or number in tables or open_run[-1] in tables
                         or document.lines[open_run[-1] - 1].rstrip()[-1:] in _ENDS or _OPENING.match(text)):
            runs.append((open_run[0], open_run[-1]))
            open_run = []
        open_run.append(number)
    if open_run:
        runs.append((open_run[0], open_run[-1]))
    return runs


#: A line that opens a paragraph of its own in wrapped text: ``10.13 Text``, ``(a) Text``, ``V. Title``.
_OPENING = regex.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\(?[a-z]{1,2}\)|[IVXLC]+\.)\s")
_ENDS = frozenset(".。:：;；!！?？")


def paragraph_key(document: Document, paragraph: NumberedParagraph) -> tuple:
    """``("p", part, number)``: the part as both languages name it (``Annex II`` and ``附件二`` are
    ``("annex", 2)``), so that a part one reading misses does not shift the others."""
    return ("p", part_key(paragraph.part), paragraph.number)


def part_key(label: str) -> tuple:
    match = _PART.match(label)
    if match is None:
        return ("body", 0)
    kind = "appendix" if match["kind"] in ("Appendix", "附录") else "annex"
    return (kind, label_value(match["number"]) if match["number"] else 1)


#: What a heading's label starts with (both patterns above, on a stripped line): most lines start otherwise,
#: and are settled without running the patterns.
_LABEL_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ一二三四五六七八九十")
#: What may follow a label's first character: more of a Roman or Chinese numeral, or the label's stop
#: (white space, which may too, is told by ``str.isspace``, which holds every character ``\s`` matches).
_LABEL_NEXT = frozenset("IVXLC一二三四五六七八九十.．、")


def _heading_key(line: str, chapter: int) -> tuple | None:
    """``("h", chapter, section)`` for a chapter or section heading line (stripped); ``None`` otherwise."""
    if line[:1] not in _LABEL_FIRST:
        return None
    # After a one-letter label, only a label character, a space or the label's stop can follow ("The" is
    # no heading): most English lines are settled here too.
    second = line[1:2]
    if second and second not in _LABEL_NEXT and not second.isspace():
        return None
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
