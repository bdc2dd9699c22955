"""Finding the few lines a line-based parser must look at, with one scan of the text.

A parser that runs its regexes on every line pays Python's per-call cost
tens of thousands of times per megabyte, though most lines cannot match. A
*gate* pattern states a necessary condition for a line to matter: what it
must start with, after a leading ``\\n``. One ``finditer`` over the joined
text finds the lines that meet it, and the parser's own, exact checks run on
those lines only. The literal ``\\n`` lets the engine jump from line end to
line end, about twice as fast as ``(?m)^``.

Gates are compiled with the standard ``re``, which scans several times
faster than ``regex``. They must accept every line the parser's ``regex``
patterns accept: ``re``'s ``\\s`` is ``str.isspace``, which holds every
character that ``regex``'s ``\\s`` matches, so ``[^\\S\\n]*`` skips at least
as much indentation; a digit in a gate is written ``\\S`` (no digit is white
space), because ``regex`` knows digits of newer Unicode versions than ``re``.

A gate tried at every line start pays for each step it backtracks, so a
repeat is possessive (``*+``, ``{1,3}+``) where giving a character back can
never let the rest match: what follows the repeat cannot be a character it
takes (white space before a word, a label before its stop). That cut the
paragraph gate's scan by about a third; ``tests/structure/test_scan.py``
compares each gate with its backtracking form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import repeat

import regex

from ..patterns import compiled_on_use

try:  # the optional native scans (lint/_scan.c); the package works without them
    from .._scan import char_positions as _native_char_positions
    from .._scan import repeat_runs as _native_repeat_runs
except ImportError:  # pragma: no cover - a build without a compiler
    _native_char_positions = _native_repeat_runs = None


def lines_matching(lines: Sequence[str], gate: re.Pattern, text: str | None = None,
                   line_starts: Sequence[int] | None = None) -> list[int]:
    """0-based indices, ascending, of the lines whose start ``gate`` matches.

    ``gate`` starts with ``\\n`` and runs over ``"\\n"`` followed by the lines
    joined by ``\\n``; it must not match across the next line end (write
    ``[^\\S\\n]`` where a per-line pattern has ``\\s``). ``text`` is that
    joined text, when the caller has made it already (a join copies the whole text),
    and ``line_starts`` the offset in it where each line starts (the Document's index).
    """
    if not lines:
        return []
    # The first line alone, then the others in the text as joined (each after its "\n"): a "\n"
    # put before the joined text would copy the whole text again.
    indices = [0] if gate.match("\n" + lines[0]) else []
    if text is None:
        text = "\n".join(lines)
    if line_starts is not None:
        # A bisect per match: counting the line breaks in between reads the whole text again.
        # The match starts at the "\n" that ends the line before the one it gates.
        indices += map(bisect_right, repeat(line_starts), map(re.Match.start, gate.finditer(text)))
        return indices
    line, position = 0, 0
    for match in gate.finditer(text):
        start = match.start()  # the \n before the line
        line += text.count("\n", position, start + 1)
        position = start + 1
        indices.append(line)
    return indices


def lines_containing(lines: Sequence[str], literals: Sequence[str], text: str | None = None) -> list[int]:
    """0-based indices, ascending and distinct, of the lines that hold one of ``literals``.

    ``str.find`` rather than a pattern: the literals are the document's own (its symbols),
    and compiling a pattern per document costs more than the search. ``text``: the lines
    joined by ``\\n``, when the caller has made it already.
    """
    if text is None:
        text = "\n".join(lines)
    offsets: list[int] = []
    for literal in literals:
        if not literal or "\n" in literal:
            continue  # an empty literal is in every line, and none that spans lines is in one
        offset = text.find(literal)
        while offset != -1:
            offsets.append(offset)
            offset = text.find(literal, offset + 1)
    indices: list[int] = []
    line, position = 0, 0
    for offset in sorted(offsets):
        line += text.count("\n", position, offset)
        position = offset
        if not indices or indices[-1] != line:
            indices.append(line)
    return indices


def literal_positions(text: str, *literals: str) -> list[int]:
    """Ascending offsets of every occurrence of each of ``literals`` in ``text``.

    One ``str.find`` search per literal (occurrences of one literal do not overlap, as
    ``re.finditer`` gives them): an alternation of literals runs at the speed of a
    per-character scan, and ``str.find`` finds one literal about twice as fast as ``re``.
    """
    positions: list[int] = []
    for literal in literals:
        find, step = text.find, len(literal) or 1  # an empty literal: every offset, as re gives it
        position = find(literal)
        while position != -1:
            positions.append(position)
            position = find(literal, position + step)
    positions.sort()
    return positions


def finditer_at(pattern: regex.Pattern | re.Pattern, text: str, starts: Sequence[int]) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, found by trying only the offsets ``starts`` (ascending).

    For a pattern that can match only where one of a few literals starts (the opening
    brackets or quotation marks of an alternation), found by :func:`literal_positions`: both
    engines scan for a set of non-ASCII first characters at about 65 instructions a character,
    ``str.find`` at a few. (A pattern with one literal first character gains nothing: ``regex``
    searches for that literal itself.) The contract, which makes the result the same as
    ``finditer``'s: every match starts at one of ``starts``, and none is empty.
    """
    tried = 0  # no match starts before this offset, other than those already given
    match_at = pattern.match
    for start in starts:
        if start >= tried and (match := match_at(text, start)):
            yield match
            tried = match.end()


def char_positions(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """Ascending offsets of every character of ``text[start:end]`` that is one of ``chars``.

    What ``[chars]``'s ``finditer`` gives, without its scan: both engines test a class of
    non-ASCII characters at every position at about 65 instructions a character. The native
    loop of ``unlint._scan`` (a bit per character) where it was built, else one ``str.find``
    search per character.
    """
    if _native_char_positions is not None:
        return _native_char_positions(text, chars, start, len(text) if end is None else end)
    return char_positions_python(text, chars, start, end)


def char_positions_python(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """:func:`char_positions` in Python: :func:`literal_positions` of each character, in the slice."""
    first = slice(start, end).indices(len(text))[0]
    return [first + position for position in literal_positions(text[start:end], *set(chars))]


def repeat_runs(text: str, chars: str) -> list[tuple[int, int]]:
    """(start, end) of every run of one of ``chars`` written two or more times in a row, in order.

    What ``re.finditer("([chars])\\1+", text)`` gives. That scan tries a match at each of
    the characters (a tenth of a Chinese text, for TYP004's few dozen) at about 800
    instructions each; the native loop of ``unlint._scan`` compares neighbours.
    """
    if _native_repeat_runs is not None:
        return _native_repeat_runs(text, chars)
    return repeat_runs_python(text, chars)


def repeat_runs_python(text: str, chars: str) -> list[tuple[int, int]]:
    """:func:`repeat_runs` in Python (a class-and-backreference scan)."""
    if not chars:
        return []
    return [match.span() for match in re.finditer("([" + re.escape(chars) + r"])\1+", text)]


_SPACE = compiled_on_use(regex.compile, r"\s")


def finditer_near(pattern: regex.Pattern, text: str, anchors: Sequence[int],
                  lead_words: Sequence[str] = (), lead: int = 0) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, found by trying only the positions near ``anchors``.

    ``pattern`` is slow to scan for (it starts with optional words or white
    space); ``anchors`` (ascending offsets) are where a cheap search found
    what every match must contain. The contract, which makes the result the
    same as ``finditer``'s: matches are never empty, and the text from a
    match's start to the first anchor at or after it is white space
    (``regex``'s ``\\s``), after one of ``lead_words`` or after at most
    ``lead`` other characters.
    """
    tried = 0  # no match starts before this offset, other than those already given
    for anchor in anchors:
        if anchor < tried:
            continue
        start = anchor
        # isspace first: it is cheap and holds every character \s matches.
        while start > tried and text[start - 1].isspace() and _SPACE.match(text, start - 1):
            start -= 1
        positions = list(range(max(tried, start - lead), anchor + 1))
        if lead_words and text.endswith(tuple(lead_words), tried, start):
            positions += [start - len(word) for word in lead_words if text.endswith(word, tried, start)]
            positions = sorted(set(positions))
        for position in positions:
            if match := pattern.match(text, position):
                yield match
                tried = match.end()
                break
        else:
            tried = anchor + 1
