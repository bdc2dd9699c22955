"""The footnotes at the foot of each PDF page, and the markers in the page's text.

A page's notes are in a smaller type at its foot, under a short rule (a
stroke, or a ``____`` line of text). A note starts with its label: a number,
or one to three asterisks, usually raised. Numbered notes run on through the
document, so a note is only taken when its number follows the previous one;
the lines under it that start no note continue it. A page whose foot does
not clearly hold notes keeps all its lines as text.

A superscript number in the text is a footnote reference only when a note
with that number stands at the foot of the same page, as a reader pairs them;
any other raised number (``m2``) stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from .pdf_lines import CLOSE, OPEN, Line

_SEPARATOR = regex.compile(r"_{5,}")
_LABEL = regex.compile(rf"{OPEN}?(?P<label>\d{{1,4}}|\*{{1,3}}){CLOSE}?\s*(?P<rest>.*)", regex.DOTALL)
_PLAIN_LABEL = regex.compile(r"(?P<label>\d{1,4}|\*{1,3})\s+(?P<rest>\S.*)", regex.DOTALL)
#: The notes' type is at most this fraction of the body text size.
_SMALLER = 0.95


@dataclass
class Note:
    label: str
    page: int
    lines: list[str] = field(default_factory=list)


@dataclass
class PageNotes:
    """The notes that start on one page, and the lines of the page that are notes (by ``id()``)."""

    notes: list[Note]
    note_lines: set[int]
    #: Lines that continue the previous page's last note.
    continuation: list[str]


def page_notes(lines: Sequence[Line], body_size: float, expected: int | None) -> PageNotes:
    """The notes at the foot of a page whose text lines (furniture removed) are ``lines``.

    ``expected`` is the number the next numbered note must have (None before the first).
    """
    start, ruled = _area_start(lines, body_size, expected)
    if start is None:
        return PageNotes([], set(), [])
    notes: list[Note] = []
    continuation: list[str] = []
    taken: set[int] = set()
    for line in lines[start:]:
        label, rest = _note_start(line, True)
        if label is not None and _follows(label, line, expected):
            notes.append(Note(label, line.page, [rest]))
            expected = int(label) + 1 if label.isdigit() else expected
        elif notes:
            notes[-1].lines.append(line.text)
        elif ruled:
            continuation.append(line.text)
        else:
            return PageNotes([], set(), [])
        taken.add(id(line))
    if not notes and not continuation:
        return PageNotes([], set(), [])
    if ruled:
        taken.add(id(lines[start - 1]))
    return PageNotes(notes, taken, continuation)


def _follows(label: str, line: Line, expected: int | None) -> bool:
    """Whether a note with this label may come next: asterisks always, a number only in its turn.

    The first numbered note of a document is 1, unless its number is raised (a
    document continuing another's numbering).
    """
    if label.startswith("*"):
        return True
    if expected is None:
        return line.leading_label or int(label) == 1
    return int(label) == expected


def _area_start(lines: Sequence[Line], body_size: float, expected: int | None) -> tuple[int | None, bool]:
    """Where the notes start: after a ``____`` line, else at the first note of the small type at the foot."""
    for index in range(len(lines) - 1, -1, -1):
        if _SEPARATOR.fullmatch(lines[index].text):
            return (index + 1 if index + 1 < len(lines) else None), True
    start = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.size > _SMALLER * body_size or len(line.cells) > 1:
            break
        label = _note_start(line, True)[0]
        if label is not None and _follows(label, line, expected):
            start = index
    return start, False


def _note_start(line: Line, lenient: bool = True) -> tuple[str | None, str]:
    """The label and the rest of a line that starts a note, or (None, text)."""
    if len(line.cells) > 1:
        return None, line.text
    text = line.cells[0]
    if line.leading_label:
        found = _LABEL.fullmatch(text)
        if found and found["rest"]:
            return found["label"], _plain(found["rest"])
    found = _PLAIN_LABEL.fullmatch(text)
    if found and (lenient or found["label"].startswith("*")):
        return found["label"], _plain(found["rest"])
    return None, text


def _plain(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")
