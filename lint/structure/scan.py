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
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def lines_matching(lines: Sequence[str], gate: re.Pattern) -> list[int]:
    """0-based indices, ascending, of the lines whose start ``gate`` matches.

    ``gate`` starts with ``\\n`` and runs over ``"\\n"`` followed by the lines
    joined by ``\\n``; it must not match across the next line end (write
    ``[^\\S\\n]`` where a per-line pattern has ``\\s``).
    """
    text = "\n" + "\n".join(lines)
    indices: list[int] = []
    line, position = -1, 0
    for match in gate.finditer(text):
        start = match.start()  # the \n before the line
        line += text.count("\n", position, start + 1)
        position = start + 1
        indices.append(line)
    return indices
