"""Structure both versions must share: numbered paragraphs and agenda sub-items.

Each missing paragraph is one finding, placed where the translation should
have it; the comparisons of what it cites are left to the aligned units, which
skip units without a counterpart. A side whose structure was not read (too few
numbered paragraphs) is not compared. Footnotes: :mod:`.footnotes`.
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
