"""The masthead: the document's own symbol, its date and its language.

UN mastheads put the symbol top right (``联 合 国   A/61/204–S/2006/590*``,
``United Nations  A/80/628``) and the date under ``Distr.: General``. Only
the masthead is read: a date in the body is a date the text talks about, not
the document's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from ..text import EN_DATE, EN_MONTHS, ZH_DATE

#: How many lines from the top the masthead may take.
MASTHEAD_LINES = 40


# Possessive: no symbol ever needs a segment given back, and backtracking into
# the repeat made a long line of "1/1/1/..." in the masthead take quadratic time.
# A budget section's symbol names its section in brackets and may go on with
# parts: ``A/81/6 (Sect. 29A)/Part A``.
_SECTION = r"\s?\((?:Sect|Part|Chap)\.?\s?\d+[A-Z]?\)(?:/(?:Part\s[A-Z]\b|[A-Za-z0-9.\-]+))*+"
_SYMBOL_PART = rf"[A-Z][A-Z0-9.]*+(?:/[A-Za-z0-9.\-]+)++(?:{_SECTION})?"
_MASTHEAD_SYMBOL = compiled_on_use(regex.compile,
    rf"(?:联\s*合\s*国|United Nations)?\s*(?P<symbol>{_SYMBOL_PART}(?:\s*[-–]\s*{_SYMBOL_PART})*\*?)\s*$"
)
_EN_DATE = compiled_on_use(regex.compile, rf"(?<!\d){EN_DATE}(?!\d)")
_ZH_DATE = compiled_on_use(regex.compile, ZH_DATE)
_DISTR = compiled_on_use(regex.compile, r"Distr\.\s*:\s*\w+")
_JOINT_DASH = compiled_on_use(regex.compile, r"\s*([-–])\s*(?=[A-Z])")
_JOINT_SPLIT = compiled_on_use(regex.compile, r"\s*[-–]\s*(?=[A-Z])")
_SPACES = compiled_on_use(regex.compile, r"\s+")
# Runs, not single characters: counting the characters of a few long runs is five times faster
# than one match per character (the language test may read 20,000 characters per document).
_HAN_RUN = compiled_on_use(regex.compile, r"\p{Han}+")


@dataclass(frozen=True, slots=True)
class Header:
    """What the masthead says about the document itself."""

    symbol: str | None = None
    #: The symbol split at the joining dash: ``("A/61/204", "S/2006/590")``.
    symbol_parts: tuple[str, ...] = ()
    #: 1-based line of the symbol in the masthead, if found.
    symbol_line: int | None = None
    reissued: bool = False
    date: dt.date | None = None
    date_line: int | None = None
    #: ``"zh"`` or ``"en"``: from the masthead's language line, else from the text.
    language: str = "zh"


def parse_header(lines: Sequence[str], text: str) -> Header:
    top = list(lines[:MASTHEAD_LINES])
    symbol, symbol_line = _find_symbol(top)
    parts: tuple[str, ...] = ()
    reissued = False
    if symbol:
        reissued = symbol.endswith("*")
        parts = tuple(p.strip() for p in _JOINT_SPLIT.split(symbol.rstrip("*")))
    date, date_line = _find_date(top)
    return Header(symbol, parts, symbol_line, reissued, date, date_line, _language(top, text))


def _find_symbol(top: Sequence[str]) -> tuple[str | None, int | None]:
    for number, line in enumerate(top, start=1):
        stripped = line.strip()
        # Every symbol has a "/": the substring test spares the other lines the regex call.
        if not stripped or "undocs.org" in stripped or "/" not in stripped:
            continue
        match = _MASTHEAD_SYMBOL.fullmatch(stripped)
        if match and (stripped != match["symbol"] or _near_masthead(top, number)):
            return _normal_symbol(match["symbol"]), number
    return None, None


def _normal_symbol(symbol: str) -> str:
    # Spaces around the dash joining two symbols go; the one in "(Sect. 10)" stays.
    return _JOINT_DASH.sub(r"\1", _SPACES.sub(" ", symbol))


def _near_masthead(top: Sequence[str], number: int) -> bool:
    # A bare symbol line counts only if the masthead's "Distr." follows soon,
    # so that a symbol cited in a table near the top is not taken for ours.
    return any("Distr" in line and _DISTR.search(line) for line in top[number:number + 12])


def _find_date(top: Sequence[str]) -> tuple[dt.date | None, int | None]:
    for number, line in enumerate(top, start=1):
        if "Distr" not in line or not _DISTR.search(line):
            continue
        for offset, candidate in enumerate(top[number - 1:number + 3]):
            if (date := _parse_date(candidate)) is not None:
                return date, number + offset
    return None, None


def _parse_date(line: str) -> dt.date | None:
    # An English date names its month: a line naming none (a Chinese masthead) need not compile the pattern.
    if any(month in line for month in EN_MONTHS) and (match := _EN_DATE.search(line)):
        day, month, year = int(match["day"]), EN_MONTHS[match["month"]], int(match["year"])
    elif match := _ZH_DATE.search(line):
        day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _language(top: Sequence[str], text: str) -> str:
    for line in top:
        stripped = line.strip()
        if stripped in {"Chinese", "中文"}:
            return "zh"
        if stripped == "English":
            return "en"
    return "zh" if _mostly_han(text[:20_000]) else "en"


#: Every byte but the ASCII letters', and every byte but the UTF-8 lead bytes of U+5000 to U+9FFF
#: (0xE5 to 0xE9, never a continuation byte): ideographs in every Unicode version regex >= 2023 knows.
_NOT_LETTER_BYTES = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))
_NOT_IDEOGRAPH_LEADS = bytes(b for b in range(256) if not 0xE5 <= b <= 0xE9)


def _mostly_han(sample: str) -> bool:
    """Whether ``sample`` holds at least a quarter as many Chinese characters as Latin letters.

    Counted in its UTF-8 bytes first (in C, without a match per run): the ASCII letters exactly, the
    Chinese characters from below by the common ideographs' lead bytes; only when that lower bound
    falls short are the Chinese characters counted by the Han pattern.
    """
    encoded = sample.encode("utf-8", "surrogatepass")
    latin = len(encoded.translate(None, _NOT_LETTER_BYTES))
    if len(encoded.translate(None, _NOT_IDEOGRAPH_LEADS)) >= latin / 4:
        return True
    return sum(map(len, _HAN_RUN.findall(sample))) >= latin / 4


def parse_date(line: str) -> dt.date | None:
    """Parse ``28 July 2006`` or ``2006 年 7 月 28 日``; ``None`` if neither."""
    return _parse_date(line)
