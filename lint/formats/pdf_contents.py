"""The contents of a PDF: entries with dot leaders and page numbers read ``Title<TAB>12``, as Word has them."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .pdf_lines import Line
from .pdf_text import LINE_PITCH, Labels, Out, join, line_text, markers

#: A contents entry (its title wrapped) takes at most this many lines.
_TITLE_LINES = 4
#: A wrapped contents title fills its line to at least this fraction of the contents' width.
_WRAPPED_TITLE = 0.7
_LEADER = regex.compile(r"\s*(?:\.\s*){3,}$")
# Dot leaders and the page: three dots or more, or one set apart when the title fills the line.
_LEADER_AND_PAGE = regex.compile(r"(.*?)(?:(?:\s*\.\s*){3,}|\s+\.\s*)\s*(\d{1,4})")
_CONTENTS_PAGE = regex.compile(r"(?:Page|页次)")
_PAGE_NUMBER = regex.compile(r"\d{1,4}")


def write_contents(body: Sequence[Line], index: int, labels: Labels, out: Out) -> int:
    """The contents entries from ``index``, each ``title<TAB>page``; a blank line ends them.

    A title wrapped over up to three lines is joined to the line that ends with the page.
    """
    pending: list[str] = []
    wrote = False
    right = max(line.x1 for line in body[index:index + 60]) if index < len(body) else 0.0
    while index < len(body):
        line = body[index]
        text = line_text(line, labels)
        if _CONTENTS_PAGE.fullmatch(text):
            out.add(text, line.page)
        else:
            title, page = _entry(line, labels)
            if page is None and wrote and not pending and _LEADER.search(title) and _close_below(body, index):
                # The rest of the entry above, whose page number stands on its first line: its leaders
                # end here.
                above, number = out.lines[-1].rsplit("\t", 1)
                out.lines[-1] = f"{join(above, _LEADER.sub('', title).strip())}\t{number}"
            elif page is None:
                if len(pending) >= _TITLE_LINES - 1 or not _entry_follows(body, index + 1, labels, len(pending)):
                    break
                if line.x1 < _WRAPPED_TITLE * right:
                    # A short line among the entries is a title of its own (``Annexes``), not a wrap.
                    out.add(_join_all([*pending, title]), line.page)
                    pending = []
                else:
                    pending.append(title)
            else:
                out.add(f"{_join_all([*pending, title])}\t{page}", line.page)
                pending, wrote = [], True
        index += 1
    if wrote:
        out.add("", out.pages[-1])
    return index


def _close_below(body: Sequence[Line], index: int) -> bool:
    """Whether a line follows the line above it at a wrapped line's distance (not a new entry's)."""
    above, line = body[index - 1], body[index]
    return above.page == line.page and 0 < above.baseline - line.baseline <= LINE_PITCH * max(above.size, line.size)


def _entry_follows(body: Sequence[Line], index: int, labels: Labels, pending: int) -> bool:
    """Whether a contents entry (a line ending with its page) comes within the lines a title may wrap over."""
    for ahead in range(index, min(len(body), index + _TITLE_LINES - 1 - pending)):
        if _entry(body[ahead], dict(labels))[1] is not None:
            return True
    return False


def _join_all(parts: Sequence[str]) -> str:
    text = ""
    for part in parts:
        text = join(text, part)
    return text


def _entry(line: Line, labels: Labels) -> tuple[str, str | None]:
    cells = [markers(cell, line.page, labels) for cell in line.cells]
    last = cells[-1].strip()
    if len(cells) > 1 and _PAGE_NUMBER.fullmatch(last):
        return _LEADER.sub("", " ".join(cells[:-1])).strip(), last
    found = _LEADER_AND_PAGE.fullmatch(cells[0]) if len(cells) == 1 else None
    if found:
        return found[1].strip(), found[2]
    return " ".join(cells), None
