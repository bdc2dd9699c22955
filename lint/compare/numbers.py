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

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex


class Kind(enum.Enum):
    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found at ``text[start:end]``."""

    kind: Kind
    value: float
    start: int
    end: int
    text: str
    #: ISO code for money (``"USD"``); empty otherwise.
    currency: str = ""
    #: Written in words, not digits.
    word: bool = False

    @property
    def key(self) -> tuple:
        return (self.kind, round(self.value, 6), self.currency)

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
_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")

# 1,234,567.5 | 1 234 567 (space or no-break/thin space groups) | 1234.5
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
# Digits glued to Latin letters are names (COVID-19, G20, H5N1), not numbers; an
# ordinal ending (1st, 72nd) is allowed.
_LEFT = r"(?<![A-Za-z][\-\u2010\u2011]?|[\d.,/])"
_RIGHT_EN = r"(?:st|nd|rd|th|(?-i:[A-Z]))?(?![A-Za-z\d])"

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
_EN_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                  "hundred": 100, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 50})

_EN_PATTERN = regex.compile(
    r"(?P<cur>US\$|\$|€|£|\b(?:USD|EUR|CHF|GBP)\b)?\s?"
    + _LEFT + r"(?P<num>" + _NUMBER + r")" + _RIGHT_EN
    + r"(?:[\s\-](?P<scale>thousand|million|billion|trillion)\b)?"
    + r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b)"
    + r"|\s(?P<curword>United States dollars|US dollars|dollars|euros?|Swiss francs|pounds sterling)\b)?"
    # Month names only capitalized; "May" only where no sentence starts (mid-May, in May, May 2023).
    + r"|(?-i:(?P<month>\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    + r"|(?<=[a-z,\d][\s\-]|\d\s)May\b|\bMay(?=\s+\d)))"
    + r"|(?P<word>\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
    + r"seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    + r"fifteen|sixteen|seventeen|eighteen|nineteen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    + r"tenth|half)\b)(?:\s(?P<wpct>per\s?cent\b|percent\b))?",
    regex.IGNORECASE,
)

_ZH_CURRENCY = {"美元": "USD", "欧元": "EUR", "瑞士法郎": "CHF", "英镑": "GBP"}
_ZH_SCALE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4,
             "千": 1e3}
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMERAL = "零〇一二两三四五六七八九十百千"

_ZH_PATTERN = regex.compile(
    r"(?V1)(?P<cur>US\$|\$|€|£)?\s?"
    + _LEFT + r"(?P<num>" + _NUMBER + r")(?![A-Za-z\d])"
    # 多/余 ("more than") may stand between the number and its scale: 1 500多万 is 15 million.
    + r"(?:[多余]?(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|万(?!分)|千(?![克米瓦])))?"
    # A year-like number glued to a name (2019冠状病毒病) is part of the name; a year takes 年.
    + r"(?P<glued>(?<=(?<!\d)(?:19|20)\d\d)(?=[\p{Han}--[年月日万亿千百多余个项名次届]]))?"
    + r"(?:\s?(?P<pct>%|个百分点)|(?P<month>月)(?!度)|\s?(?P<curword>美元|欧元|瑞士法郎|英镑))?"
    + r"|百分之(?P<wpct>[" + _ZH_NUMERAL + r"点]+)"
    + r"|(?P<word>[" + _ZH_NUMERAL + r"]+)(?P<wscale>万亿|亿|万)?"
)


def find_quantities(text: str, language: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Every quantity in ``text[start:end]``; ``language`` is ``"en"`` or ``"zh"``."""
    end = len(text) if end is None else end
    plain = text.translate(_FULLWIDTH)
    if language == "zh":
        yield from _zh_quantities(plain, text, start, end)
    else:
        yield from _en_quantities(plain, text, start, end)


def _en_quantities(plain: str, text: str, start: int, end: int) -> Iterator[Quantity]:
    for match in _EN_PATTERN.finditer(plain, start, end):
        span = text[match.start():match.end()].strip()
        first = match.start() + (len(text[match.start():match.end()]) - len(text[match.start():match.end()].lstrip()))
        if match["month"]:
            yield Quantity(Kind.MONTH, _MONTHS.index(match["month"].lower()) + 1, first, match.end(), span)
        elif match["word"]:
            value = _en_word_value(match["word"].lower())
            kind = Kind.PERCENT if match["wpct"] else Kind.NUMBER
            yield Quantity(kind, value, first, match.end(), span, word=True)
        elif match["num"]:
            yield _en_number(match, first, span)


def _en_word_value(word: str) -> float:
    if "-" in word:
        tens, units = word.split("-")
        return _EN_WORDS[tens] + _EN_WORDS[units]
    return _EN_WORDS[word]


def _en_number(match: regex.Match, first: int, span: str) -> Quantity:
    value = _digits(match["num"]) * _EN_SCALE.get((match["scale"] or "").lower(), 1)
    if match["pct"]:
        return Quantity(Kind.PERCENT, value, first, match.end(), span)
    currency = _EN_CURRENCY_PREFIX.get((match["cur"] or "").upper() if match["cur"] and match["cur"][0].isalpha()
                                       else (match["cur"] or ""), "")
    if match["curword"]:
        currency = currency or _EN_CURRENCY_WORD.get(match["curword"].lower(), "")
    if currency:
        return Quantity(Kind.MONEY, value, first, match.end(), span, currency)
    # The currency sign was not part of this number: start at the digits.
    return Quantity(Kind.NUMBER, value, match.start("num"), match.end(), span.lstrip("$€£ "))


def _zh_quantities(plain: str, text: str, start: int, end: int) -> Iterator[Quantity]:
    for match in _ZH_PATTERN.finditer(plain, start, end):
        span = text[match.start():match.end()].strip()
        first = match.start() + (len(text[match.start():match.end()]) - len(text[match.start():match.end()].lstrip()))
        if match["num"]:
            yield _zh_number(match, first, span)
        elif match["wpct"] is not None:
            value = _zh_word_value(match["wpct"])
            if value is not None:
                yield Quantity(Kind.PERCENT, value, first, match.end(), span, word=True)
        elif match["word"]:
            value = _zh_word_value(match["word"])
            if value is not None:
                value *= _ZH_SCALE.get(match["wscale"] or "", 1)
                yield Quantity(Kind.NUMBER, value, first, match.end(), span, word=True)


def _zh_number(match: regex.Match, first: int, span: str) -> Quantity:
    value = _digits(match["num"]) * _ZH_SCALE.get(match["scale"] or "", 1)
    if match["pct"]:
        return Quantity(Kind.PERCENT, value, first, match.end(), span)
    if match["month"] and not match["scale"] and 1 <= value <= 12 and value == int(value):
        return Quantity(Kind.MONTH, value, first, match.end(), span)
    if match["glued"] is not None:
        return Quantity(Kind.NUMBER, value, match.start("num"), match.end(), span, word=True)
    currency = _ZH_CURRENCY.get(match["curword"] or "", "") or _EN_CURRENCY_PREFIX.get(match["cur"] or "", "")
    if currency:
        return Quantity(Kind.MONEY, value, first, match.end(), span, currency)
    return Quantity(Kind.NUMBER, value, match.start("num"), match.end(), span.lstrip("$€£ "))


def _digits(written: str) -> float:
    return float(regex.sub(r"[,\s\u00a0\u202f\u2009]", "", written))


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
    import bisect

    starts = [s for s, _ in spans]
    kept = []
    for quantity in quantities:
        index = bisect.bisect_right(starts, quantity.start) - 1
        if index >= 0 and spans[index][0] <= quantity.start < spans[index][1]:
            continue
        kept.append(quantity)
    return kept
