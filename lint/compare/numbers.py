"""Numbers that matter, read the same way in English and Chinese text.

A :class:`Quantity` is a value with its kind: a plain number (a count, a year,
a day, a paragraph number), a percentage, an amount of money in a currency, or
a month. Scale words are applied (``$2 billion`` and ``20亿美元`` are both
2 000 000 000 USD; ``US$ 3.5 million`` and ``350万美元`` both 3 500 000 USD),
digit grouping is read (``1,234`` = ``1 234``), and a date is its parts
(``17 August 2018`` and ``2018年8月17日`` both give 17, month 8 and 2018).

Numbers written as words (``three``, ``三``, ``百分之五``) are read too, but
marked ``word``: translators freely write a count as a word in one language
and as digits in the other, so a word only ever answers a number of the other
side and is never reported by itself.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex


class Kind(enum.Enum):
    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    MONTH = "month"

    # Members are singletons compared by identity: hash them by identity too, in C. Enum's own __hash__
    # is Python code, run for every quantity's key in every set the alignment and matching build.
    __hash__ = object.__hash__


@dataclass(slots=True)
class Quantity:
    """A number found at ``text[start:end]``; not frozen only because thousands are made per document."""

    kind: Kind
    value: float
    start: int
    end: int
    text: str
    #: ISO code for money (``"USD"``); empty otherwise.
    currency: str = ""
    #: Written in words, not digits.
    word: bool = False

    def __post_init__(self) -> None:
        # Scales multiply floats (1.908 * 1e8): round once so that equal amounts compare equal. A whole
        # value is its own rounding, and most are whole: round() is the dearest step of reading a number.
        value = self.value
        if type(value) is not int and not value.is_integer():
            self.value = round(value, 6)

    @property
    def key(self) -> tuple:
        return (self.kind, self.value, self.currency)

    def describe(self) -> str:
        if self.kind is Kind.MONTH:
            return f"month {int(self.value)}"
        value = f"{self.value:,.6f}".rstrip("0").rstrip(".")
        if self.kind is Kind.PERCENT:
            return f"{value}%"
        if self.kind is Kind.MONEY:
            return f"{value} {self.currency}"
        return value


# Fullwidth digits and signs read as ASCII; same length, so offsets hold.
_FULLWIDTH_CHARACTERS = "０１２３４５６７８９％"
_FULLWIDTH = str.maketrans(_FULLWIDTH_CHARACTERS, "0123456789%")


def _has_fullwidth(text: str, start: int, end: int) -> bool:
    # One str.find per character: many times faster than a regex scan for the class, and mostly none is there.
    return any(text.find(character, start, end) != -1 for character in _FULLWIDTH_CHARACTERS)


# 1,234,567.5 | 1 234 567 (space or no-break/thin space groups) | 1234.5
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
# Digits glued to Latin letters are names (COVID-19, G20, H5N1), not numbers; an
# ordinal ending (1st, 72nd) is allowed.
_LEFT = r"(?:(?<=\b(?:mid|pre|post)[\-\u2010\u2011])|(?<![A-Za-z][\-\u2010\u2011]?|[\d.,/]))"
_RIGHT_EN = r"(?:st|nd|rd|th|(?-i:[A-Z])|(?-i:(?P<decade>(?<=\d0)s)))?(?![A-Za-z\d])"

_EN_CURRENCY_PREFIX = {
    "US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "CHF": "CHF", "£": "GBP", "GBP": "GBP",
}
_EN_CURRENCY_WORD = {
    "united states dollars": "USD", "dollars": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "swiss francs": "CHF", "pounds sterling": "GBP",
}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NUMBERS = {name.capitalize(): number for number, name in enumerate(_MONTHS, start=1)}
_EN_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                  "hundred": 100, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 50})

# Each pattern starts at what it needs (a digit, a capital, a letter), so that the scan skips the rest fast.
_EN_NUMBER = regex.compile(
    r"(?=\d)" + _LEFT + r"(?P<num>" + _NUMBER + r")" + _RIGHT_EN
    + r"(?:[\s\-](?P<scale>thousand|million|billion|trillion)\b)?"
    + r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b)"
    + r"|\s(?P<curword>United States dollars|US dollars|dollars|euros?|Swiss francs|pounds sterling)\b)?",
    regex.IGNORECASE,
)
_RANGE_START = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[\-\u2013]$")
#: A currency written before the number: ``$``, ``US$ ``, ``EUR ``.
_EN_CURRENCY_BEFORE = regex.compile(r"(?:US\$|\$|€|£|\b(?:USD|EUR|CHF|GBP))\s?$")
# Month names only capitalized; "May" only where no sentence starts (mid-May, in May, May 2023).
_EN_MONTH = regex.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
#: Where a month name may be: the standard ``re`` finds literals several times faster than ``regex`` scans
#: for ``_EN_MONTH``, which then only checks the word boundaries there.
_EN_MONTH_NAMES = re.compile("|".join(_MONTH_NUMBERS))
_MAY_MONTH = regex.compile(r"(?<=[a-z,\d][\s\-]|\d\s)May|May(?=\s+\d)")
_EN_WORD = regex.compile(
    r"\b(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
    r"seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?|zero|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half)\b(?:\s(?P<wpct>per\s?cent\b|"
    r"percent\b)|\s(?:a\s)?(?P<wscale>thousand|million|billion)\b)?",
    regex.IGNORECASE,
)

_ZH_CURRENCY = {"美元": "USD", "欧元": "EUR", "瑞士法郎": "CHF", "英镑": "GBP"}
_ZH_SCALE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4,
             "千": 1e3}
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMERAL = "零〇一二两三四五六七八九十百千"

_ZH_NUMBER = regex.compile(
    r"(?V1)(?=\d)" + _LEFT + r"(?P<num>" + _NUMBER + r")(?:[A-Z](?![A-Za-z\d]))?(?![A-Za-z\d])"
    # 多/余 ("more than") may stand between the number and its scale: 1 500多万 is 15 million.
    + r"(?:[多余]?(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|万(?!分)|千(?![克米瓦])))?"
    # A year-like number glued to a name (2019冠状病毒病) is part of the name; a year takes 年.
    + r"(?P<glued>(?<=(?<!\d)(?:19|20)\d\d)(?=[\p{Han}--[年月日万亿千百多余个项名次届]]))?"
    + r"(?:\s?(?P<pct>%|个百分点)|(?P<month>月)(?!度)|\s?(?P<curword>美元|欧元|瑞士法郎|英镑)|(?P<decade>(?=年代)))?"
)
_EN_GROUPS = tuple(_EN_NUMBER.groupindex[name] for name in ("num", "scale", "pct", "curword", "decade"))
_ZH_GROUPS = tuple(_ZH_NUMBER.groupindex[name] for name in ("num", "scale", "glued", "pct", "month", "curword",
                                                             "decade"))
_ZH_CURRENCY_BEFORE = regex.compile(r"(?:US\$|\$|€|£)\s?$")
_ZH_WORD = regex.compile(r"百分之(?P<wpct>[" + _ZH_NUMERAL + r"点]+)|(?P<word>[" + _ZH_NUMERAL + r"]+)(?P<wscale>万亿|亿|万)?")


def find_quantities(text: str, language: str, start: int = 0, end: int | None = None, *,
                    words: bool = True, within: Sequence[tuple[int, int]] | None = None) -> Iterator[Quantity]:
    """Every quantity in ``text[start:end]``; ``language`` is ``"en"`` or ``"zh"``.

    ``words=False`` leaves out numbers written in words (the comparison reads them only where digits
    are left without a match). ``within``, sorted spans that do not overlap, keeps only the quantities
    that start inside one of them; the numbers of the rest are found by the same scan but not read
    (the comparison skips tables, whose numbers are most of a budget report's).
    """
    end = len(text) if end is None else end
    plain = text.translate(_FULLWIDTH) if _has_fullwidth(text, start, end) else text
    wanted = _Within(within) if within is not None else None
    if language == "zh":
        yield from _zh_quantities(plain, text, start, end, words, wanted)
    else:
        yield from _en_quantities(plain, text, start, end, words, wanted)


#: How far before its digits a quantity may start: a currency written before them (``US$ ``).
_BEFORE_DIGITS = 5


class _Within:
    """Whether a quantity starts inside the spans; whether digits found at an offset may start one there."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def near(self, digits: int) -> bool:
        """A span meets ``digits - _BEFORE_DIGITS .. digits``, where the quantity of those digits starts."""
        index = bisect.bisect_right(self.starts, digits) - 1
        return index >= 0 and self.ends[index] > digits - _BEFORE_DIGITS

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Where digits that ``near`` accepts may be: from the start of each span's first line to
        ``_BEFORE_DIGITS`` past its end, overlapping windows joined."""
        found: list[tuple[int, int]] = []
        for start, end in zip(self.starts, self.ends):
            first = text.rfind("\n", 0, start) + 1
            if found and first <= found[-1][1]:
                found[-1] = (found[-1][0], max(found[-1][1], end + _BEFORE_DIGITS))
            else:
                found.append((first, end + _BEFORE_DIGITS))
        return found


def _matches(pattern: regex.Pattern, plain: str, start: int, end: int, wanted: _Within | None) -> Iterator[regex.Match]:
    """``pattern.finditer(plain, start, end)``, or only those of its matches that start in ``wanted``'s windows.

    A budget report's tables hold most of its numbers, and no unit holds a table: scanning only the
    windows skips them. The result is that of the whole scan: a window opens at a line start, and no
    match runs across a line end into digits (a number's groups are split by spaces, never by a line
    end; past one only a scale, a per cent or a currency word can follow), so the scan of the whole
    text finds no match that holds a window's opening and then a digit after it.
    """
    if wanted is None:
        yield from pattern.finditer(plain, start, end)
        return
    resume = start
    for opening, closing in wanted.windows(plain):
        if closing <= resume:
            continue
        for match in pattern.finditer(plain, max(opening, resume), end):
            if match.start() >= closing:
                break
            yield match
            resume = match.end()


def _read(matches: Iterator[regex.Match], read: Callable[[regex.Match, str, str], Quantity], plain: str, text: str,
          wanted: _Within | None) -> list[Quantity]:
    """The quantities of ``matches``, each read by ``read``; only those that start in ``wanted``."""
    if wanted is None:
        return [read(match, plain, text) for match in matches]
    near, holds = wanted.near, wanted.holds
    found = [read(match, plain, text) for match in matches if near(match.start())]
    return [q for q in found if holds(q.start)]


def find_words(text: str, language: str, start: int, end: int) -> list[Quantity]:
    """Only the numbers written in words in ``text[start:end]``."""
    if language == "zh":
        return _zh_words(text, start, end)
    return _en_words(text, start, end)


def _en_quantities(plain: str, text: str, start: int, end: int, words: bool,
                   wanted: _Within | None) -> Iterator[Quantity]:
    found = _read(_matches(_EN_NUMBER, plain, start, end, wanted), _en_number, plain, text, wanted)
    for match in _en_months(plain, start, end):
        name = match[0]
        if name == "May" and not _MAY_MONTH.match(plain, match.start()):
            continue
        if wanted is not None and not wanted.holds(match.start()):
            continue
        found.append(Quantity(Kind.MONTH, _MONTH_NUMBERS[name], match.start(), match.end(), name))
    if words:
        found.extend(q for q in _en_words(text, start, end) if wanted is None or wanted.holds(q.start))
    return iter(sorted(found, key=lambda q: q.start))


def _en_months(plain: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_EN_MONTH.finditer(plain, start, end)``, trying only where a month's name is written."""
    for name in _EN_MONTH_NAMES.finditer(plain, start, end):
        # Names do not overlap, so no match can start inside a name found (or inside one matched).
        if (match := _EN_MONTH.match(plain, name.start(), end)) is not None:
            yield match


def _en_words(text: str, start: int, end: int) -> list[Quantity]:
    found = []
    for match in _EN_WORD.finditer(text, start, end):
        kind = Kind.PERCENT if match["wpct"] else Kind.NUMBER
        value = _en_word_value(match["word"].lower())
        if match["wscale"]:
            # "half a million": the half of the scale, not 50.
            value = (0.5 if match["word"].lower() == "half" else value) * _EN_SCALE[match["wscale"].lower()]
        found.append(Quantity(kind, value, match.start(), match.end(), text[match.start():match.end()], word=True))
    return found


def _en_word_value(word: str) -> float:
    if "-" in word:
        tens, units = word.split("-")
        return _EN_WORDS[tens] + _EN_WORDS[units]
    return _EN_WORDS[word]


def _currency_before(pattern: regex.Pattern, plain: str, position: int) -> regex.Match | None:
    if position == 0 or plain[position - 1] not in _BEFORE_AMOUNT:
        return None
    return pattern.search(plain, max(0, position - 5), position)


#: What the character before an amount's digits is when a currency precedes them.
_BEFORE_AMOUNT = frozenset("$€£ \u00a0DRFP")


def _en_number(match: regex.Match, plain: str, text: str) -> Quantity:
    # Groups by position: the regex module looks a name up on every access, dearer than the match.
    number, scale, pct, curword, decade = match.group(*_EN_GROUPS)
    value = _digits(number) * _EN_SCALE.get((scale or "").lower(), 1)
    start, end = match.start(), match.end()
    if pct:
        return Quantity(Kind.PERCENT, value, start, end, text[start:end])
    before = _currency_before(_EN_CURRENCY_BEFORE, plain, start)
    currency = _EN_CURRENCY_PREFIX.get(before[0].strip().upper(), "") if before else ""
    if curword and not currency:
        currency = _EN_CURRENCY_WORD.get(curword.lower(), "")
    if currency:
        first = before.start() if before else start
        return Quantity(Kind.MONEY, value, first, end, text[first:end], currency)
    if decade:
        # "the 2020s" is "本世纪20年代" or "2020年代": a decade is written too many ways to compare.
        return Quantity(Kind.NUMBER, value, start, end, text[start:end], word=True)
    # "2022–24": the second year of a range written short.
    if (short := _short_year(value, plain, start, end)) is not None:
        return short
    return Quantity(Kind.NUMBER, value, start, end, text[start:end])


def _short_year(value: float, plain: str, start: int, end: int) -> Quantity | None:
    """``24`` in ``2022–24``, read as 2024; weak, since ``No. 2013-26`` is a serial number, not a range."""
    if not 10 <= value < 100 or plain[start - 1:start] not in ("-", "\u2013") or _EN_MONTH.match(plain, end + 1):
        return None  # "2022–26 July 2023": 26 is a day
    year = _RANGE_START.search(plain, max(0, start - 5), start)
    if year is None:
        return None
    full = int(year["year"]) // 100 * 100 + value
    return Quantity(Kind.NUMBER, full, start, end, plain[start:end], word=True) if full > int(year["year"]) else None


def _zh_quantities(plain: str, text: str, start: int, end: int, words: bool,
                   wanted: _Within | None) -> Iterator[Quantity]:
    found = _read(_matches(_ZH_NUMBER, plain, start, end, wanted), _zh_number, plain, text, wanted)
    if words:
        found.extend(q for q in _zh_words(text, start, end) if wanted is None or wanted.holds(q.start))
    return iter(sorted(found, key=lambda q: q.start))


def _zh_words(text: str, start: int, end: int) -> list[Quantity]:
    found = []
    for match in _ZH_WORD.finditer(text, start, end):
        written = match["wpct"] if match["wpct"] is not None else match["word"]
        value = _zh_word_value(written)
        if value is None:
            continue
        span = text[match.start():match.end()]
        if match["wpct"] is not None:
            found.append(Quantity(Kind.PERCENT, value, match.start(), match.end(), span, word=True))
        else:
            value *= _ZH_SCALE.get(match["wscale"] or "", 1)
            found.append(Quantity(Kind.NUMBER, value, match.start(), match.end(), span, word=True))
    return found


def _zh_number(match: regex.Match, plain: str, text: str) -> Quantity:
    number, scale, glued, pct, month, curword, decade = match.group(*_ZH_GROUPS)
    value = _digits(number) * _ZH_SCALE.get(scale or "", 1)
    start, end = match.start(), match.end()
    span = text[start:end]
    if pct:
        return Quantity(Kind.PERCENT, value, start, end, span)
    if month and not scale and 1 <= value <= 12 and value == int(value):
        return Quantity(Kind.MONTH, value, start, end, span)
    if glued is not None or decade is not None:
        return Quantity(Kind.NUMBER, value, start, end, span, word=True)
    if not curword and not scale and (short := _short_year(value, plain, start, end)) is not None:
        return short
    before = _currency_before(_ZH_CURRENCY_BEFORE, plain, start)
    currency = _ZH_CURRENCY.get(curword or "", "") or (_EN_CURRENCY_PREFIX.get(before[0].strip(), "")
                                                       if before else "")
    if currency:
        first = before.start() if before and not curword else start
        return Quantity(Kind.MONEY, value, first, end, text[first:end], currency)
    return Quantity(Kind.NUMBER, value, start, end, span)


_GROUPING = str.maketrans("", "", ", \u00a0\u202f\u2009")


def _digits(written: str) -> float:
    return float(written.translate(_GROUPING))


def _zh_word_value(word: str) -> float | None:
    """二十五 -> 25, 一百零三 -> 103, 三点五 -> 3.5; ``None`` for what is no number (a lone 千)."""
    whole, _, decimals = word.partition("点")
    value = _zh_integer(whole)
    if value is None:
        return None
    if decimals:
        if not all(c in _ZH_DIGITS for c in decimals):
            return None
        value += float("0." + "".join(str(_ZH_DIGITS[c]) for c in decimals))
    return value


def _zh_integer(word: str) -> int | None:
    if not word:
        return None
    if all(c in _ZH_DIGITS for c in word):
        # 二〇二三 (a year written digit by digit) or a single digit.
        return int("".join(str(_ZH_DIGITS[c]) for c in word))
    total, pending = 0, None
    for char in word:
        if char in _ZH_DIGITS:
            pending = _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            total += (1 if pending is None else pending) * _ZH_UNITS[char]
            pending = None
    return total + (pending or 0)


def masked(quantities: Sequence[Quantity], spans: Sequence[tuple[int, int]]) -> list[Quantity]:
    """The quantities that do not start inside any of ``spans`` (sorted ``(start, end)`` pairs)."""
    starts = [s for s, _ in spans]
    kept = []
    for quantity in quantities:
        index = bisect.bisect_right(starts, quantity.start) - 1
        if index >= 0 and spans[index][0] <= quantity.start < spans[index][1]:
            continue
        kept.append(quantity)
    return kept
