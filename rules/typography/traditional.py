"""TYP005 traditional-character."""

from __future__ import annotations

import regex

from unlint import Document, Finding, Fix, rule

from ._text import is_chinese, text_lines
from .data import traditional_characters


@rule("TYP005", "traditional-character", "A traditional character in simplified Chinese text", fix="safe")
def traditional_character(document: Document, config):
    """## What it does
    Finds a traditional (or old variant) character in simplified Chinese
    text: ``會議``, ``問題``, ``爲``. The table is OpenCC's traditional to
    simplified character dictionary (``rules/data/traditional-characters.json``,
    Apache-2.0), less every character that is also a standard simplified
    character in some use (``乾`` in ``乾隆``, ``著`` in ``显著``, ``於`` as a
    surname, ``覆`` in ``覆盖``), so the rule only reports a character whose
    simplified form differs in every use.

    ## Why is this bad?
    UN Chinese documents are set in simplified characters. A traditional one
    comes from pasting text from another source or from an input method
    setting, and looks out of place in print.

    ## Example
    ```
    解决区域和平与安全問題
    ```
    Use instead:
    ```
    解决区域和平与安全问题
    ```

    ## Fix
    Safe where the character has a single simplified form (``問 -> 问``).
    Unsafe where OpenCC gives several (``餘 -> 余`` or ``馀``; ``麼 -> 么`` or
    ``麽``): the first is offered and the editor chooses. No fix writes a
    character outside the Basic Multilingual Plane, which common fonts lack.
    """
    if not is_chinese(document):
        return
    table = traditional_characters()
    # Most documents hold none: a set intersection says so at once, and a
    # pattern of only the characters present is fast where one of all 3,198 is not.
    present = table.keys() & set(document.text)
    if not present:
        return
    pattern = regex.compile("[" + "".join(sorted(present)) + "]")
    for start, line in text_lines(document):
        for match in pattern.finditer(line):
            yield _finding(start + match.start(), match[0], table[match[0]])


def _finding(offset: int, char: str, targets: tuple[str, ...]) -> Finding:
    choice = " or ".join(repr(t) for t in targets)
    # Forms outside the Basic Multilingual Plane (頫 -> 𫖯, for a name) are
    # missing from common fonts: never written by a fix.
    writable = [t for t in targets if ord(t) <= 0xFFFF]
    fix = Fix.replace(offset, offset + 1, writable[0], safe=len(targets) == 1) if writable else None
    return Finding(offset, offset + 1, f"traditional character {char!r} in simplified text; write {choice}", fix=fix)
