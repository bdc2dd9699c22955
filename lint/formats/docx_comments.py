"""Word comments: what each says, and which characters of the reader's text it covers.

A Word comment never enters the document's text: its words are in the
comments part (``word/comments.xml``), and the body marks the commented span
with ``commentRangeStart`` and ``commentRangeEnd`` and the comment's mark with
``commentReference``, each carrying the comment's id. The reader records these
marks as :class:`Anchor` objects, by column of the line it is building, carries
them through its own rewriting of lines (:class:`Marked`: cells joined, notes'
marks spaced) and, once the text is whole, :func:`place_comments` turns them
into :class:`Comment` spans of that text (the reading's ``Layout.comments``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..layout import Comment

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
START, END, REFERENCE = (_W + n for n in ("commentRangeStart", "commentRangeEnd", "commentReference"))
#: The elements that mark a comment's place in the body.
TAGS = frozenset({START, END, REFERENCE})


@dataclass(frozen=True, slots=True)
class Anchor:
    """A comment mark (``START``, ``END`` or ``REFERENCE``) at a 0-based column of a line being built."""

    id: str
    mark: str
    column: int


def anchor(element, column: int) -> Anchor:
    """The anchor of a comment mark element found at ``column``."""
    return Anchor(element.get(_W + "id", ""), element.tag, column)


def placed(anchors: Iterable[Anchor], column: int) -> tuple[Anchor, ...]:
    """The anchors moved to one column (those of a piece of text that is dropped, kept where it stood)."""
    return tuple(replace(a, column=column) for a in anchors)


@dataclass(frozen=True, slots=True)
class Marked:
    """A piece of a line and the comment anchors in it; rewriting it moves each anchor with its character."""

    text: str
    anchors: tuple[Anchor, ...] = ()

    def __add__(self, other: Marked) -> Marked:
        moved = tuple(replace(a, column=a.column + len(self.text)) for a in other.anchors)
        return Marked(self.text + other.text, self.anchors + moved)

    def strip(self) -> Marked:
        text = self.text.strip()
        lead = len(self.text) - len(self.text.lstrip())
        return Marked(text, tuple(replace(a, column=min(max(a.column - lead, 0), len(text))) for a in self.anchors))

    def sub(self, pattern, replacement: str | Callable, count: int = 0) -> Marked:
        """``pattern.sub(replacement, text)``; an anchor inside a replaced match goes to the same place in its replacement."""
        if not self.anchors:
            return Marked(pattern.sub(replacement, self.text, count=count))
        edits: list[tuple[int, int, int]] = []

        def record(match) -> str:
            new = match.expand(replacement) if isinstance(replacement, str) else replacement(match)
            edits.append((match.start(), match.end(), len(new)))
            return new

        text = pattern.sub(record, self.text, count=count)
        return Marked(text, tuple(replace(a, column=_moved(a.column, edits)) for a in self.anchors))


def _moved(column: int, edits: list[tuple[int, int, int]]) -> int:
    shift = 0
    for start, end, length in edits:
        if end <= column:
            shift += length - (end - start)
        elif start < column:
            return start + shift + min(column - start, length)
        else:
            break
    return column + shift


def comment_texts(root) -> dict[str, str]:
    """Each comment's text by id, from the comments part's XML root (None: no comments)."""
    if root is None:
        return {}
    texts = {}
    for comment in root.iterchildren(_W + "comment"):
        paragraphs = ("".join(t.text or "" for t in p.iter(_W + "t")) for p in comment.iter(_W + "p"))
        texts[comment.get(_W + "id", "")] = "\n".join(paragraphs)
    return texts


def place_comments(lines: Sequence[str], anchors: Iterable[tuple[int, Anchor]],
                   texts: dict[str, str]) -> tuple[Comment, ...]:
    """The comments as spans of the text whose lines are ``lines`` (joined by newlines).

    ``anchors`` are (0-based line index, anchor). A comment spans from its
    range start to its range end; with only one of the two, to the end or
    from the start of that line; with neither, the point of its mark.
    Comments the comments part does not hold are dropped.
    """
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks: dict[str, dict[str, int]] = {}
    for index, found in anchors:
        offset = starts[index] + min(max(found.column, 0), len(lines[index]))
        known = marks.setdefault(found.id, {})
        # A comment marked twice (a malformed file): the widest span.
        known[found.mark] = min(known.get(found.mark, offset), offset) if found.mark == START else \
            max(known.get(found.mark, offset), offset)
    comments = []
    text = "\n".join(lines)
    for comment_id, known in marks.items():
        if comment_id not in texts:
            continue
        start, end = _span(known, lines, starts)
        (line, column), (end_line, end_column) = _position(start, starts), _position(end, starts)
        comments.append(Comment(texts[comment_id], start, end, line, column, end_line, end_column, text[start:end]))
    return tuple(sorted(comments, key=lambda c: (c.start, c.end)))


def _span(known: dict[str, int], lines: Sequence[str], starts: list[int]) -> tuple[int, int]:
    start, end = known.get(START), known.get(END)
    if start is None and end is None:
        point = known[REFERENCE]
        return point, point
    if start is None:
        assert end is not None
        start = starts[bisect.bisect_right(starts, end) - 1]
    if end is None:
        index = bisect.bisect_right(starts, start) - 1
        end = starts[index] + len(lines[min(index, len(lines) - 1)])
    return (start, end) if start <= end else (end, start)


def _position(offset: int, starts: list[int]) -> tuple[int, int]:
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1
