"""Making untrusted text safe to print on a terminal or in a CI log.

File names and document text reach the human-readable output. A newline in a
file name would start a line of its own (GitHub Actions runs a line such as
``::error ...`` as a workflow command), and ESC, CSI or OSC sequences would
drive the terminal (retitle it, hide text, fake a link). Every control
character, and the invisible characters that reorder or split lines, is shown
as a visible escape instead.
"""

from __future__ import annotations

import regex

from .patterns import compiled_on_use

# C0 controls (tab included: it would misalign the caret under --show-source),
# DEL, C1 controls (U+009B is a one-character CSI), the line and paragraph
# separators, and the bidirectional overrides and isolates.
_UNPRINTABLE = compiled_on_use(regex.compile, r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(match: regex.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control or line-reordering character written as ``\\xNN`` or ``\\uNNNN``."""
    # Every character escaped here is one Python does not call printable (a control, format or
    # line separator character), so printable text, most text, is returned without a search,
    # which costs several times as much: a report prints paths and messages by the thousand.
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escaped, text)
