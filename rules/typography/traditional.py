"""TYP005 traditional-character."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from unlint import Document, Finding, Fix, rule

from ._text import in_text_line, is_chinese
from .data import traditional_characters


@rule("TYP005", "traditional-character", "A traditional character in simplified Chinese text", fix="safe")
def traditional_character(document: Document, config):
    """## What it does
    Finds a traditional (or old variant) character in simplified Chinese
    text: `會議`, `問題`, `爲`. The table is OpenCC's traditional to
    simplified character dictionary (`rules/data/traditional-characters.json`,
    Apache-2.0), less every character that is also a standard simplified
    character in some use (`乾` in `乾隆`, `著` in `显著`, `於` as a
    surname, `覆` in `覆盖`), so the rule only reports a character whose
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
    Safe where the character has a single simplified form (`問 -> 问`).
    Unsafe where OpenCC gives several (`餘 -> 余` or `馀`; `麼 -> 么` or
    `麽`): the first is offered and the editor chooses. No fix writes a
    character outside the Basic Multilingual Plane, which common fonts lack.
    """
    if not is_chinese(document):
        return
    table = traditional_characters()
    text = document.text
    for offset in _candidates(text):
        char = text[offset]
        if char in table and in_text_line(document, offset):
            yield _finding(offset, char, table[char])


def _candidates(text: str) -> Iterator[int]:
    """Offsets of every character of ``text`` that may be in the table, in order.

    GB 2312 is the simplified character set, so nearly every traditional
    character is outside it. The codec marks each character outside it with
    a "?" in C, and one scan for the few table characters GB 2312 does hold
    finds the rest: far faster than a pattern of all 3,198 table characters,
    or a set of the text's characters. The marks are found in the encoded
    bytes, where a character takes one byte if ASCII and two otherwise: a
    mark's offset in the text is its offset in the bytes less the two-byte
    characters before it (decoding the bytes back to find them cost twice
    what the rest of the rule does).
    """
    encoded = text.encode("gb2312", "replace")
    marks, characters = _marks(encoded)
    if characters != len(text):
        yield from range(len(text))  # not one character each way: scan everything
        return
    inside = [match.start() for match in _inside_pattern().finditer(text)]
    yield from sorted(marks + inside) if marks and inside else (marks or inside)


def _marks(encoded: bytes) -> tuple[list[int], int]:
    """Text offsets of the "?" in ``encoded`` (the characters outside GB 2312 and the text's own "?"),
    and how many characters the bytes encode."""
    offsets: list[int] = []
    two_byte = previous = 0
    position = encoded.find(b"?")
    while position != -1:
        two_byte += _two_byte_characters(encoded, previous, position)
        offsets.append(position - two_byte)
        previous = position
        position = encoded.find(b"?", position + 1)
    two_byte += _two_byte_characters(encoded, previous, len(encoded))
    return offsets, len(encoded) - two_byte


def _two_byte_characters(encoded: bytes, start: int, stop: int) -> int:
    """How many characters of GB 2312 bytes ``encoded[start:stop]`` took two bytes (each byte >= 0x80)."""
    piece = encoded[start:stop]
    return (len(piece) - len(piece.translate(None, _HIGH_BYTES))) // 2


_HIGH_BYTES = bytes(range(0x80, 0x100))


@lru_cache(maxsize=1)
def _inside_pattern() -> re.Pattern[str]:
    """A table character inside GB 2312 (``後``): the codec does not mark it."""
    return re.compile("[" + re.escape("".join(sorted(_in_gb2312(traditional_characters())))) + "]")


def _in_gb2312(chars: Iterable[str]) -> list[str]:
    """The ``chars`` that GB 2312 holds, found as :func:`_candidates` finds them: one encoding of all,
    where each one outside becomes "?" (3,198 encodings one by one, most of them failing, cost 10 ms)."""
    chars = list(chars)
    joined = "".join(chars)
    marked = joined.encode("gb2312", "replace").decode("gb2312")
    if len(marked) != len(joined):  # not one character each way: ask each one
        return [char for char in chars if char.encode("gb2312", "replace").decode("gb2312") == char]
    return [char for char, kept in zip(chars, marked) if kept == char]


def _finding(offset: int, char: str, targets: tuple[str, ...]) -> Finding:
    choice = " or ".join(repr(t) for t in targets)
    # Forms outside the Basic Multilingual Plane (頫 -> 𫖯, for a name) are
    # missing from common fonts: never written by a fix.
    writable = [t for t in targets if ord(t) <= 0xFFFF]
    fix = Fix.replace(offset, offset + 1, writable[0], safe=len(targets) == 1) if writable else None
    return Finding(offset, offset + 1, f"traditional character {char!r} in simplified text; write {choice}", fix=fix)
