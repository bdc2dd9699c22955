"""TYP006 fullwidth-paragraph-stop."""

from __future__ import annotations

import regex

from unlint import Document, Finding, Fix, rule
from unlint.patterns import compiled_on_use

from ._text import is_chinese

_STOP = compiled_on_use(regex.compile, r"\s*\d{1,3}\s*(．)")


@rule(
    "TYP006",
    "fullwidth-paragraph-stop",
    "A paragraph number with a fullwidth stop where the document uses a halfwidth one",
    fix="safe",
)
def fullwidth_paragraph_stop(document: Document, config):
    """## What it does
    Finds a paragraph number written with the fullwidth stop `12．` in a
    document whose other paragraph numbers use the halfwidth stop `10.`.
    A document that numbers most of its paragraphs with `．` is left alone:
    the majority is its house style.

    ## Why is this bad?
    The fullwidth stop is wider and misaligns the paragraph with its
    neighbours; it comes from a passage keyed with a Chinese input method
    while the rest was converted from the English original.

    ## Example
    ```
    9. 与会者同意每年举行会议……
    10．第六次高级别会议的详细记录……
    ```
    Use instead `10. 第六次高级别会议的详细记录……`.

    ## Fix
    Safe: `．` is replaced by `.` followed by a space, as in the other
    numbers.
    """
    if not is_chinese(document):
        return
    paragraphs = document.paragraphs
    fullwidth = [p for p in paragraphs if p.fullwidth_stop]
    if not fullwidth or len(fullwidth) * 2 >= len(paragraphs):
        return
    halfwidth = len(paragraphs) - len(fullwidth)
    for paragraph in fullwidth:
        line = document.line(paragraph.line)
        match = _STOP.match(line.text, paragraph.column - 1)
        if match is None:
            continue
        start = line.start + match.start(1)
        end = start + 1
        replacement = ". " if line.text[match.end(1) : match.end(1) + 1] not in (" ", "\u3000") else "."
        yield Finding(
            start,
            end,
            f"paragraph {paragraph.number} is numbered with a fullwidth stop '．'; "
            f"{halfwidth} other paragraphs use '.'",
            fix=Fix.replace(start, end, replacement),
        )
