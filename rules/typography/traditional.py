"""TYP005 traditional-character."""

from __future__ import annotations

import codecs
import threading
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
    character is outside it. The codec hands each character outside it to an
    error handler with its offset in the text (:func:`_outside_gb2312`), and a
    search for each of the few table characters GB 2312 does hold finds the
    rest: far faster than a pattern of all 3,198 table characters, or a set of
    the text's characters. (The codec's own "?" marks, found in the encoded
    bytes, needed the two-byte characters before each counted; a pattern of the
    eight characters inside, tried at every character, cost more than the
    encoding.)
    """
    outside = _outside_gb2312(text)
    inside = _inside_offsets(text)
    yield from sorted(outside + inside) if outside and inside else (outside or inside)


def _outside_gb2312(text: str) -> list[int]:
    """Offsets of the characters of ``text`` that GB 2312 does not hold, in order."""
    _recorded.offsets = offsets = []
    try:
        text.encode("gb2312", _RECORD_OFFSETS)
    finally:
        del _recorded.offsets
    return offsets


def _record_offsets(error: UnicodeError) -> tuple[str, int]:
    """The error handler of :func:`_outside_gb2312`: notes the characters' offsets, writes nothing."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _recorded.offsets.extend(range(error.start, error.end))
    return "", error.end


#: Where the handler puts its offsets: per thread, since the handler is registered once per process.
_recorded = threading.local()
_RECORD_OFFSETS = "unlint-typ005-offsets"
codecs.register_error(_RECORD_OFFSETS, _record_offsets)


def _inside_offsets(text: str) -> list[int]:
    """Offsets of the table characters GB 2312 holds (``後``), in order: a string search for each
    (eight of them, most documents holding none)."""
    offsets: list[int] = []
    for char in _inside_characters():
        position = text.find(char)
        while position != -1:
            offsets.append(position)
            position = text.find(char, position + 1)
    return sorted(offsets) if offsets else offsets


@lru_cache(maxsize=1)
def _inside_characters() -> tuple[str, ...]:
    """The table characters inside GB 2312 (``後``): the codec lets them through."""
    return tuple(sorted(_in_gb2312(traditional_characters())))


def _in_gb2312(chars: Iterable[str]) -> list[str]:
    """The ``chars`` that GB 2312 holds, found as the codec finds them: one encoding of all,
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
