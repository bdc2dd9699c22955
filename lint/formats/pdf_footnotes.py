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
    #: The note's number in the document's one series of notes (or its asterisks).
    label: str
    page: int
    lines: list[str] = field(default_factory=list)
    #: The number printed, when the numbering starts again at 1 (an annex) and so differs from ``label``.
    mark: str = ""


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
    if not ruled and not _referenced(lines[start], lines[:start]):
        # Without a rule, small type at the foot starting with a number may be a table or a chart:
        # it is a note only when its number is raised or stands raised in the page's text.
        return PageNotes([], set(), [])
    notes: list[Note] = []
    continuation: list[str] = []
    taken: set[int] = set()
    for line in lines[start:]:
        label, rest = _note_start(line, True)
        if label is not None and (_follows(label, line, expected) or _restarts(label, line, expected, lines[:start])):
            number = str(expected) if label.isdigit() and expected is not None and int(label) != expected else label
            notes.append(Note(number, line.page, [rest], mark=label if number != label else ""))
            expected = int(number) + 1 if number.isdigit() else expected
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


def _referenced(line: Line, above: Sequence[Line]) -> bool:
    """Whether the first note of an unruled foot is a note: a raised number, an asterisk, or a number
    the text above it raises."""
    label = _note_start(line)[0]
    if label is None or line.leading_label or label.startswith("*"):
        return label is not None
    return _marked(label, above)


def _marked(label: str, above: Sequence[Line]) -> bool:
    """Whether the text above raises this label (a note's marker)."""
    marker = regex.compile(rf"{OPEN}(?:[^{CLOSE}]*,)?{label}(?:,[^{CLOSE}]*)?{CLOSE}")
    return any(marker.search(other.text) for other in above)


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


def _restarts(label: str, line: Line, expected: int | None, above: Sequence[Line]) -> bool:
    """Whether a raised note 1 starts the numbering again (an annex that numbers its own notes), its
    marker raised in the page's text: Word numbers the notes in one series, and so does the reading."""
    return label == "1" and expected is not None and expected > 1 and line.leading_label and _marked(label, above)


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
