"""Structure both versions must share: numbered paragraphs, footnotes, agenda sub-items.

Each missing paragraph or footnote is one finding, placed where the
translation should have it; the comparisons of what it cites are left to the
aligned units, which skip units without a counterpart. A side whose structure
was not read (no numbered paragraphs, no footnote texts) is not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import regex

from .align import Pair
from .units import paragraph_key

if TYPE_CHECKING:
    from .compare import Difference, Version

#: Fewer numbered paragraphs than this on either side: the numbering is not the document's structure.
_MIN_PARAGRAPHS = 3
#: The masthead's agenda line: ``Agenda item 19 (e)``, ``Items 68 (a) and (c)``, ``议程项目19(e)``.
_AGENDA = regex.compile(
    r"(?:\b[Aa]genda items?|\bItems?|议程项目)\s*(?P<body>\d{1,3}(?:\s*[(（][a-z]{1,2}[)）]|\s*(?:,|and|、|和|及|至|to)"
    r"\s*(?=[\d(（])|\s+(?=[(（]))*)"
)
_AGENDA_PART = regex.compile(r"(?P<item>\d{1,3})|[(（](?P<letter>[a-z]{1,2})[)）]")
_MASTHEAD_LINES = 40


def structure_differences(left: Version, right: Version, pairs: Sequence[Pair]) -> Iterator[Difference]:
    yield from _paragraphs(left, right)
    yield from _footnotes(left, right, pairs)
    yield from _agenda(left, right)


def _line_span(version: Version, line: int) -> tuple[int, int]:
    found = version.document.line(line)
    return found.start + len(found.text) - len(found.text.lstrip()), found.end


def _paragraphs(left: Version, right: Version) -> Iterator[Difference]:
    from .compare import Difference, Topic

    before = {paragraph_key(left.document, p): p for p in left.document.paragraphs}
    after = {paragraph_key(right.document, p): p for p in right.document.paragraphs}
    if min(len(before), len(after)) < _MIN_PARAGRAPHS:
        return
    missing = [key for key in before if key not in after]
    if len(missing) * 2 > len(before):
        return  # most of the numbering differs: the numbering was not read the same way
    ordered = sorted(after)
    for key in missing:
        line = before[key].line
        following = next((k for k in ordered if k[1] == key[1] and k[2] > key[2]), None)
        where = after[following].line if following else after[max(k for k in ordered if k <= key)].line \
            if any(k <= key for k in ordered) else 1
        yield Difference(Topic.PARAGRAPH, *_line_span(right, where),
                         f"paragraph {key[2]} of the original (line {line}) is missing before this line")
    for key in after:
        if key not in before:
            yield Difference(Topic.PARAGRAPH, *_line_span(right, after[key].line),
                             f"paragraph {key[2]} is not in the original")


def _footnotes(left: Version, right: Version, pairs: Sequence[Pair]) -> Iterator[Difference]:
    from .compare import Difference, Topic

    before = {t.label: t for t in left.document.footnotes.numbered_texts}
    after = {t.label: t for t in right.document.footnotes.numbered_texts}
    if not before or not after:
        return
    markers = {m.label: m for m in left.document.footnotes.numbered_markers}
    partner = {p.original: p.translation for p in pairs if p.sure and p.original is not None}
    starts = [u.start for u in left.units]
    for label, note in before.items():
        if label in after:
            continue
        where = _line_span(right, _next_note_line(after, label))
        marker = markers.get(label)
        if marker is not None:
            import bisect

            unit = bisect.bisect_right(starts, marker.start) - 1
            if partner.get(unit) is not None:
                translated = right.units[partner[unit]]
                where = _line_span(right, translated.first_line)
        yield Difference(Topic.FOOTNOTE, *where,
                         f"footnote {label} of the original (line {note.line}) is missing from the translation")
    for label, note in after.items():
        if label not in before:
            yield Difference(Topic.FOOTNOTE, note.start, note.end, f"footnote {label} is not in the original")


def _next_note_line(notes: dict, label: str) -> int:
    later = sorted((int(k), t.line) for k, t in notes.items() if int(k) > int(label))
    if later:
        return later[0][1]
    return max(t.line for t in notes.values())


def _agenda(left: Version, right: Version) -> Iterator[Difference]:
    from .compare import Difference, Topic

    before, after = _agenda_items(left), _agenda_items(right)
    if before is None or after is None or before[0] == after[0]:
        return
    items, _, line = before
    found, where, _ = after
    missing = sorted(set(items) - set(found), key=str)
    added = sorted(set(found) - set(items), key=str)
    described = "; ".join([*(f"{_item(i)} is missing" for i in missing), *(f"{_item(i)} is not in the original"
                                                                          for i in added)])
    yield Difference(Topic.AGENDA, where[0], where[1], f"agenda items differ from the original's (line {line}): "
                     f"{described}")


def _item(item: tuple) -> str:
    return f"{item[0]} ({item[1]})" if item[1] else str(item[0])


def _agenda_items(version: Version) -> tuple | None:
    """``(items, span, line)`` of the masthead's agenda line: items are ``(19, "e")`` or ``(138, "")``."""
    document = version.document
    first_paragraph = document.paragraphs[0].line if document.paragraphs else _MASTHEAD_LINES
    for number in range(1, min(first_paragraph, _MASTHEAD_LINES, document.line_count) + 1):
        line = document.line(number)
        match = _AGENDA.search(line.text)
        if match is None:
            continue
        items: list[tuple] = []
        for part in _AGENDA_PART.finditer(match["body"]):
            if part["item"]:
                items.append((int(part["item"]), ""))
            elif items:
                items.append((items[-1][0], part["letter"]))
        lettered = {i[0] for i in items if i[1]}
        kept = frozenset(i for i in items if i[1] or i[0] not in lettered)
        return (kept, (line.start + match.start(), line.start + match.end()), number)
    return None
