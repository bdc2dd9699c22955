"""Finding references in a document: a regex proposes spans, the grammars decide.

The candidate patterns are deliberately looser than the grammars (a bracket
may hold anything short, a symbol component may be empty) so that a slip
such as ``S/2O17/744`` or ``第 1325（2O00）号决议`` is still proposed and then,
failing to parse, reported instead of silently skipped.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator

import regex

from .models import DocumentSymbol, References, ResolutionCitation, Unparsed, shift
from .resolutions import ResolutionSyntaxError, parse_resolution
from .symbols import SymbolSyntaxError, parse_symbol

_SINGLE_SYMBOL = r"""
    [A-Z]{1,8}
    (?:/(?:E?S-\d+|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)?)+    # components; an empty one is a slip to report
    (?:(?<=RES/\d+)[ ]?\(\d{4}\))?                        # S/RES/2553(2020)
"""
SYMBOL_CANDIDATE = regex.compile(
    rf"(?<![\w/.\-]){_SINGLE_SYMBOL}(?:[ \t]*[-–][ \t]*{_SINGLE_SYMBOL})*\*?", regex.VERBOSE
)

_ZH_IDENTIFIER = r"(?:E?S-)?\d+(?:\s*/\s*\d+)?(?:\s*[A-H](?![A-Za-z]))?(?:\s*[(（]\s*[^()（）\s]{1,6}\s*[)）])?"
_ZH_ITEM = rf"(?:第\s*)?{_ZH_IDENTIFIER}\s*号?"
_ZH_PARAGRAPH = r"\d+\s*(?:[(（][a-zA-Z\d]{1,4}[)）])?"
_ZH_PARAGRAPHS = rf"第\s*{_ZH_PARAGRAPH}(?:\s*(?:和|及|、)\s*(?:第\s*)?{_ZH_PARAGRAPH})*\s*段(?:\s*[(（][a-z][)）])?"
ZH_RESOLUTION_CANDIDATE = regex.compile(
    rf"""
    (?:(?:大会|安全理事会|安理会|人权理事会|经济及社会理事会|经社理事会)\s*(?:在其|在|其)?\s*)?
    {_ZH_ITEM}(?:\s*(?:以及|和|及|、)\s*{_ZH_ITEM})*
    \s*决\s*议(?!草案)
    (?:\s*[，,]?\s*附件[一二三四五六七八九十]*|\s*[，,、]?\s*{_ZH_PARAGRAPHS})*
    """,
    regex.VERBOSE,
)

_EN_IDENTIFIER = r"(?:E?S-)?\d+(?:/\d+)?(?:[ ][A-H](?![A-Za-z]))?(?:[ ]?\([^()\s]{1,6}\))?"
# Starts with the word "resolution" so that the regex engine can skip to it;
# the organ before it is picked up separately (EN_ORGAN_BEFORE).
EN_RESOLUTION_CANDIDATE = regex.compile(
    rf"\b[Rr]esolutions?\s+{_EN_IDENTIFIER}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){_EN_IDENTIFIER})*"
)
EN_ORGAN_BEFORE = regex.compile(
    r"(?:General Assembly|Security Council|Human Rights Council|Economic and Social Council|Assembly|Council)\s+$"
)
_EN_ORGAN_LOOKBACK = 40
_HAS_DIGIT = regex.compile(r"\d")
_ZH_MARKER = regex.compile(r"[第号/(（]")


_JUEYI = regex.compile(r"决\s*议")
#: How far before "决议" a Chinese reference may start, and after it its pinpoints may run.
_ZH_LOOKBACK, _ZH_LOOKAHEAD = 200, 80


def find_references(text: str, skip_lines: Collection[int] = (), line_of=None) -> References:
    """Every symbol and resolution citation in ``text``, skipping the 1-based ``skip_lines``.

    ``line_of(offset)`` gives the 1-based line of an offset (the document's
    own index); without it, lines are counted here. A text cited several
    times is parsed once: the parse is a pure function of the text, moved to
    each place it occurs.
    """
    line_of = line_of or _line_counter(text)
    symbols: list[DocumentSymbol] = []
    citations: list[ResolutionCitation] = []
    unparsed: list[Unparsed] = []
    parsed: dict[tuple[str, str], object] = {}
    for kind, start, end in _all_candidates(text, skip_lines, line_of):
        key = (kind, text[start:end])
        if key not in parsed:
            parsed[key] = _parse(kind, text[start:end])
        result = parsed[key]
        if isinstance(result, Unparsed):
            unparsed.append(_moved(result, start))
        elif kind == "symbol":
            symbols.append(_moved(result, start))
        else:
            citations.append(_moved(result, start))
    citations.sort(key=lambda c: c.start)
    unparsed.sort(key=lambda u: u.start)
    return References(tuple(symbols), tuple(citations), tuple(unparsed))


def _parse(kind: str, text: str):
    try:
        return parse_symbol(text) if kind == "symbol" else parse_resolution(text)
    except (SymbolSyntaxError, ResolutionSyntaxError) as err:
        return Unparsed(0, len(text), text, kind, str(err))


def _all_candidates(text: str, skip_lines: Collection[int], line_of) -> Iterator[tuple[str, int, int]]:
    """``(kind, start, end)`` of every candidate outside ``skip_lines``."""
    found = [("symbol", m.start(), m.end()) for m in SYMBOL_CANDIDATE.finditer(text) if _HAS_DIGIT.search(m.group())]
    found += [("resolution", m.start(), m.end()) for m in _zh_candidates(text) if _ZH_MARKER.search(m.group())]
    found += [("resolution", _with_organ(text, m.start()), m.end()) for m in EN_RESOLUTION_CANDIDATE.finditer(text)]
    for kind, start, end in found:
        if not (skip_lines and line_of(start) in skip_lines):
            yield kind, start, end


def _with_organ(text: str, start: int) -> int:
    """Where an English reference starts: at the organ named before "resolution", if any."""
    organ = EN_ORGAN_BEFORE.search(text, max(0, start - _EN_ORGAN_LOOKBACK), start)
    return organ.start() if organ else start


def _zh_candidates(text: str) -> Iterator[regex.Match]:
    # Every Chinese reference ends in "决议": search only the stretch before each
    # one, instead of trying the pattern at every digit of the document.
    searched_to = 0
    for anchor in _JUEYI.finditer(text):
        window = max(searched_to, anchor.start() - _ZH_LOOKBACK)
        for match in ZH_RESOLUTION_CANDIDATE.finditer(text, window, min(len(text), anchor.end() + _ZH_LOOKAHEAD)):
            if match.start() <= anchor.start() < match.end():
                searched_to = match.end()
                yield match
                break


def _moved(value, offset: int):
    """``value`` (parsed at offset 0) placed at ``offset`` in the document."""
    return shift(value, offset) if offset else value


def _line_counter(text: str):
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return lambda offset: bisect.bisect_right(starts, offset)
