"""Finding references in a document: a regex proposes spans, the grammars decide.

The candidate patterns are deliberately looser than the grammars (a bracket
may hold anything short, a symbol component may be empty) so that a slip
such as ``S/2O17/744`` or ``第 1325（2O00）号决议`` is still proposed and then,
failing to parse, reported instead of silently skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

import regex

from .models import DocumentSymbol, References, ResolutionCitation, Unparsed
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
EN_RESOLUTION_CANDIDATE = regex.compile(
    rf"""
    (?:(?:General[ ]Assembly|Security[ ]Council|Human[ ]Rights[ ]Council|Economic[ ]and[ ]Social[ ]Council
        |Assembly|Council)\s+)?
    \b[Rr]esolutions?\s+{_EN_IDENTIFIER}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){_EN_IDENTIFIER})*
    """,
    regex.VERBOSE,
)
_HAS_DIGIT = regex.compile(r"\d")
_ZH_MARKER = regex.compile(r"[第号/(（]")


def find_references(text: str, skip_lines: Collection[int] = (), line_of=None) -> References:
    """Every symbol and resolution citation in ``text``, skipping the 1-based ``skip_lines``.

    ``line_of(offset)`` gives the 1-based line of an offset (the document's
    own index); without it, lines are counted here.
    """
    line_of = line_of or _line_counter(text)
    symbols: list[DocumentSymbol] = []
    citations: list[ResolutionCitation] = []
    unparsed: list[Unparsed] = []
    for match in _candidates(text, SYMBOL_CANDIDATE, skip_lines, line_of):
        if not _HAS_DIGIT.search(match.group()):
            continue
        try:
            symbols.append(parse_symbol(match.group(), match.start()))
        except SymbolSyntaxError as err:
            unparsed.append(Unparsed(match.start(), match.end(), match.group(), "symbol", str(err)))
    for pattern in (ZH_RESOLUTION_CANDIDATE, EN_RESOLUTION_CANDIDATE):
        for match in _candidates(text, pattern, skip_lines, line_of):
            if pattern is ZH_RESOLUTION_CANDIDATE and not _ZH_MARKER.search(match.group()):
                continue
            try:
                citations.append(parse_resolution(match.group(), match.start()))
            except ResolutionSyntaxError as err:
                unparsed.append(Unparsed(match.start(), match.end(), match.group(), "resolution", str(err)))
    citations.sort(key=lambda c: c.start)
    unparsed.sort(key=lambda u: u.start)
    return References(tuple(symbols), tuple(citations), tuple(unparsed))


def _candidates(text: str, pattern: regex.Pattern, skip_lines: Collection[int], line_of) -> Iterator[regex.Match]:
    for match in pattern.finditer(text):
        if skip_lines and line_of(match.start()) in skip_lines:
            continue
        yield match


def _line_counter(text: str):
    import bisect

    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return lambda offset: bisect.bisect_right(starts, offset)
