"""Glyphs into the rows of a page: characters on one baseline, and the superscripts raised over them.

Characters whose baselines are close form one row. A footnote marker is a
superscript: a digit or asterisk smaller than its line's text and raised
above its baseline; raised far, it makes a row of its own, which then joins
the row below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_glyphs import Glyph

#: A superscript is at most this fraction of its line's text size...
SUPERSCRIPT_SIZE = 0.8
#: ... and at most this fraction of it above the line's baseline (a row of its own when raised more
#: than the baseline tolerance).
_HIGH_RISE = 0.9
#: Characters on baselines closer than this fraction of their size share a row.
SAME_BASELINE = 0.3
_LABEL_CHARS = frozenset("0123456789*")
_LABEL_SEPARATORS = frozenset(",")


@dataclass
class Row:
    glyphs: list[Glyph]
    baseline: float
    #: The largest size on the row.
    size: float
    raised: list[Glyph] = field(default_factory=list)
    _main_size: float | None = field(default=None, repr=False, compare=False)

    def main_size(self) -> float:
        """The size of most of the row's text (:func:`text_size`), worked out once."""
        if self._main_size is None:
            self._main_size = text_size(self.glyphs)
        return self._main_size


def page_rows(glyphs: Sequence[Glyph]) -> list[Row]:
    """The page's rows, top to bottom."""
    rows: list[Row] = []
    for glyph in sorted(glyphs, key=lambda g: -g.baseline):
        if rows and rows[-1].baseline - glyph.baseline <= SAME_BASELINE * max(glyph.size, rows[-1].size):
            rows[-1].glyphs.append(glyph)
            if glyph.size > rows[-1].size:
                rows[-1].size = glyph.size
        else:
            rows.append(Row([glyph], glyph.baseline, glyph.size))
    kept: list[Row] = []
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and _raised_over(row, below):
            below.raised += row.glyphs
        else:
            kept.append(row)
    return kept


def _raised_over(row: Row, below: Row) -> bool:
    """Whether a row is only superscript labels of the row below it."""
    size = text_size(below.glyphs)
    # A table note's letter (``a``) is raised like a footnote number.
    letter = len(row.glyphs) == 1 and len(row.glyphs[0].text) == 1 and row.glyphs[0].text.islower()
    return (
        (letter or all(is_label(g) for g in row.glyphs))
        and row.size <= SUPERSCRIPT_SIZE * size
        and row.baseline - below.baseline <= _HIGH_RISE * size
    )


def text_size(glyphs: Sequence[Glyph]) -> float:
    """The size most of the row's characters have (a raised label or a big initial aside)."""
    counts: dict[float, int] = {}
    for glyph in glyphs:
        counts[glyph.size] = counts.get(glyph.size, 0) + len(glyph.text)
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def is_label(glyph: Glyph) -> bool:
    return all(char in _LABEL_CHARS or char in _LABEL_SEPARATORS for char in glyph.text)
