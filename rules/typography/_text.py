"""What the TYP rules share: which documents are Chinese, which lines are text."""

from __future__ import annotations

from unlint import Document
from unlint.text import HAN

__all__ = ["HAN", "in_text_line", "is_chinese"]


def is_chinese(document: Document) -> bool:
    return document.header.language == "zh"


def in_text_line(document: Document, offset: int) -> bool:
    """Whether ``offset`` lies on a line that is not page furniture.

    Rules scan the whole text with one pattern and test only the matches
    here, rather than running the pattern line by line."""
    return document.line_index(offset) + 1 not in document.furniture_lines
