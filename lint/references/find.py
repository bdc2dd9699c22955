"""Finding references in a document: a regex proposes spans, the grammars decide.

The candidate patterns are deliberately looser than the grammars (a bracket
may hold anything short, a symbol component may be empty) so that a slip
such as ``S/2O17/744`` or ``第 1325（2O00）号决议`` is still proposed and then,
failing to parse, reported instead of silently skipped.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterator

import regex

from ..patterns import compiled_on_use
from ..structure.scan import finditer_near, literal_positions
from .models import DocumentSymbol, Organ, References, ResolutionCitation, Unparsed, shift
from .resolutions import ResolutionSyntaxError, parse_resolution
from .symbols import SymbolSyntaxError, parse_symbol

_SINGLE_SYMBOL = r"""
    [A-Z]{1,8}
    (?:/(?:[ ](?=[A-Z0-9]))?                               # a space after a slash: a narrow table cell
                                                          # let the symbol wrap (ECE/EX/2024/ L.1)
       (?:E?S-\d+|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)?)+    # components; an empty one is a slip to report
    (?:(?<=RES/\d+)[ ]?\(\d{4}\))?                        # S/RES/2553(2020)
"""
# Not after a Latin letter, digit or symbol character; right after a Chinese one it is
# a symbol (UN Chinese writes no space there: 见A/76/214).
# A joint partner that lost its series (A/76/871-2022/493 for A/76/871-S/2022/493) is
# proposed too, so that it fails to parse and is reported.
SYMBOL_CANDIDATE = compiled_on_use(regex.compile,
    rf"(?<![A-Za-z0-9_/.\-]){_SINGLE_SYMBOL}(?:[ \t]*[-–][ \t]*(?:{_SINGLE_SYMBOL}|(?:19|20)\d\d/\d+(?![\d/])))*\*?",
    regex.VERBOSE,
)

_ZH_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# A number right after a dot (WHA62.14, 1/CP.21, even across a line break) belongs to another
# body's numbering, not a UN resolution's.
_ZH_IDENTIFIER = (r"(?:E?S-)?(?=\d)(?<![\d.．]\s{0,3})\d+(?:\s*/\s*\d+)?(?:\s*[A-H](?![A-Za-z]))?"
                  r"(?:\s*[(（]\s*[^()（）\s]{1,6}\s*[)）])?")
_ZH_ITEM = rf"(?:{_ZH_DATE}\s*)?(?:第\s*)?{_ZH_IDENTIFIER}\s*号?"
_ZH_LETTER_ITEM = r"[A-H](?![A-Za-z])\s*号?"
_ZH_JOINER = r"\s*(?:以及|和|及|、|…+)+\s*"
_ZH_PARAGRAPH = r"\d+\s*(?:[(（][a-zA-Z\d]{1,4}[)）])?"
_ZH_PARAGRAPHS = rf"第\s*{_ZH_PARAGRAPH}(?:\s*(?:和|及|、)\s*(?:第\s*)?{_ZH_PARAGRAPH})*\s*段(?:\s*[(（][a-z][)）])?"
ZH_RESOLUTION_CANDIDATE = compiled_on_use(regex.compile,
    rf"""
    (?:(?:大会|安全理事会|安理会|人权理事会|经济及社会理事会|经社理事会)\s*(?:在其|在|其)?\s*)?
    {_ZH_ITEM}(?:{_ZH_JOINER}(?:{_ZH_ITEM}|{_ZH_LETTER_ITEM}))*
    \s*决\s*[议定](?!草案)
    (?:\s*[，,]?\s*附件[一二三四五六七八九十]*|\s*[，,、]?\s*{_ZH_PARAGRAPHS})*
    """,
    regex.VERBOSE,
)
#: A body named right before a Chinese citation that is not one of the organs the grammar
#: knows: 社会发展委员会2004年2月13日第42/1号决议, 执行局第2022/6号决定.
ZH_OTHER_BODY_BEFORE = compiled_on_use(regex.compile, r"(?:委员会|执行局|执行委员会|董事会)\s*(?:在其|在|其)?\s*$")

_EN_DATE = (r"of\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November"
            r"|December)\s+\d{4}")
# Not a number that goes on with a slash or a dot: decision 1/CP.21, resolution 62.14 (other bodies).
_EN_IDENTIFIER = rf"(?:E?S-)?\d+(?:/\d+)?(?![\d/]|\.\d)(?:[ ][A-H](?![A-Za-z]))?(?:[ ]?\([^()\s]{{1,6}}\))?(?:\s+{_EN_DATE})?"
# Starts with the word "resolution" or "decision" so that the regex engine can skip to it;
# the organ before it is picked up separately (EN_ORGAN_BEFORE).
EN_RESOLUTION_CANDIDATE = compiled_on_use(regex.compile,
    rf"\b(?:[Rr]esolution|[Dd]ecision)s?[ \t]+{_EN_IDENTIFIER}"
    rf"(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){_EN_IDENTIFIER})*"
)
EN_ORGAN_BEFORE = compiled_on_use(regex.compile,
    r"(?:General Assembly|Security Council|Human Rights Council|Economic and Social Council|Executive Board"
    r"|Assembly|Council)\s+$"
)
#: An organ named before "in its resolution": "the Security Council, in its resolution 2809 (2025)",
#: "the Commission for Social Development, in its resolution 42/1" (another body).
EN_ORGAN_IN_ITS = compiled_on_use(regex.compile,
    r"(?P<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council"
    r"|(?:Commission|Committee|Executive Board|Conference)(?:\s+(?:on|for|of|the|[A-Z][a-z]+)){0,6})"
    r",?\s+(?:in|by|through)\s+its\s+$"
)
_EN_ORGANS = {"General Assembly": Organ.GENERAL_ASSEMBLY, "Security Council": Organ.SECURITY_COUNCIL,
              "Human Rights Council": Organ.HUMAN_RIGHTS_COUNCIL,
              "Economic and Social Council": Organ.ECONOMIC_AND_SOCIAL_COUNCIL}
#: A line that is only a bare citation (``1325 (2000)``, ``66/253 A``, ``1514 (XV)``), or a table row
#: starting with one.
#: Word keeps an editor's no-break space (U+00A0) inside such a citation (``66/253``, no-break space, ``B``)
#: where a PDF shows an ordinary space: both are read.
_BARE_ID = (r"(?:(?:E?S-)?\d{1,4}/\d{1,4}(?:[ \u00a0][A-H](?![A-Za-z]))?"
            r"|\d{1,4}(?:[ \u00a0][A-H])?[ \u00a0]?[(（](?:\d{4}|[IVXL]+)[)）])")
BARE_LINE = compiled_on_use(regex.compile,
    rf"^[ \t\u00a0]*{_BARE_ID}(?:[ \t\u00a0]*[;,；，][ \t\u00a0]*{_BARE_ID})*(?=[ \t\u00a0]*(?:\||\t|$))")
BARE_ID = compiled_on_use(regex.compile, _BARE_ID)
#: What may stand between such a line and its heading: blank lines, other bare citations, symbols.
_LIST_LINE = compiled_on_use(regex.compile, r"[ \t]*(?:[A-Z]{1,8}/\S+)?[ \t]*(?:[|\t].*)?")
#: A heading is a short line, or a line ending in a colon; prose that mentions
#: "Security Council resolutions" opens no list.
_HEADING_MAX = 100
_EN_HEADING_ORGANS = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council")
_ZH_HEADING_ORGANS = ("大会", "安全理事会", "安理会", "经济及社会理事会", "人权理事会")
RESOLUTIONS_HEADING = compiled_on_use(regex.compile,
    rf"(?P<organ>{'|'.join(_EN_HEADING_ORGANS)}) (?:resolutions?|decisions?)\b"
    rf"|(?P<organ>{'|'.join(_ZH_HEADING_ORGANS)})(?:的)?决[议定]"
)
#: What every match of RESOLUTIONS_HEADING holds, what may come right before it there, and
#: the last characters of those.
_HEADING_ANCHORS = tuple(
    (word, leads, frozenset(lead[-1] for lead in leads)) for word, leads in (
        *((word, _EN_HEADING_ORGANS) for word in (" resolution", " decision")),
        *((word, (*_ZH_HEADING_ORGANS, *(organ + "的" for organ in _ZH_HEADING_ORGANS))) for word in ("决议", "决定")),
    )
)
_HEADING_ORGANS = {"大会": "General Assembly", "安全理事会": "Security Council", "安理会": "Security Council",
                   "经济及社会理事会": "Economic and Social Council", "人权理事会": "Human Rights Council"}
_EN_ORGAN_LOOKBACK = 40
_HAS_DIGIT = compiled_on_use(regex.compile, r"\d")
_JOINT = compiled_on_use(regex.compile, r"[A-Za-z0-9][ \t]*[-–][ \t]*[A-Z]")
_SINGLE_COMPONENT = compiled_on_use(regex.compile, r"\d+|[A-Z]+\.\d+")
_ZH_MARKER = compiled_on_use(regex.compile, r"[第号/(（]")


_JUEYI = compiled_on_use(regex.compile, r"决\s*[议定]")
#: How far before "决议" a Chinese reference may start, and after it its pinpoints may run.
_ZH_LOOKBACK, _ZH_LOOKAHEAD = 600, 80


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
    for kind, start, end, language, hint in _all_candidates(text, skip_lines, line_of):
        if kind == "resolution" and hint is None:
            hint = organ_before(text, start, language)
        key = (kind, text[start:end], hint)
        first = parsed.get(key)
        if first is None:
            # Parsed in place, where it first occurs; only a repeat is moved (most texts occur once).
            result = parsed[key] = _parse(kind, key[1], hint, start)
        else:
            result = _moved(first, start - first.start)
        if isinstance(result, Unparsed):
            unparsed.append(result)
        elif kind == "symbol":
            symbols.append(result)
        else:
            citations.append(result)
    citations.sort(key=lambda c: c.start)
    unparsed.sort(key=lambda u: u.start)
    return References(tuple(symbols), tuple(citations), tuple(unparsed))


def _parse(kind: str, text: str, hint: Organ | None, start: int):
    try:
        return parse_symbol(text, start) if kind == "symbol" else parse_resolution(text, start, organ_before=hint)
    except (SymbolSyntaxError, ResolutionSyntaxError) as err:
        return Unparsed(start, start + len(text), text, kind, str(err))


def _all_candidates(text: str, skip_lines: Collection[int], line_of) -> Iterator[tuple]:
    """``(kind, start, end, language, organ named by a heading)`` of every candidate outside ``skip_lines``."""
    found = [("symbol", m.start(), m.end(), "", None) for m in SYMBOL_CANDIDATE.finditer(text)
             if _HAS_DIGIT.search(m.group()) and _symbol_shaped(m.group())]
    found += [("resolution", m.start(), m.end(), "zh", None) for m in _zh_candidates(text)
              if _ZH_MARKER.search(m.group())]
    found += [("resolution", _with_organ(text, m.start()), m.end(), "en", None) for m in _en_candidates(text)]
    found += [("resolution", start, end, "en", organ) for start, end, organ in _bare_candidates(text)]
    for candidate in found:
        if not (skip_lines and line_of(candidate[1]) in skip_lines):
            yield candidate


def _en_candidates(text: str) -> Iterator[regex.Match]:
    """``EN_RESOLUTION_CANDIDATE.finditer(text)``, tried only at the letter before each ``esolution``
    and ``ecision`` (a string search): the pattern, which opens with ``\\b`` and a class, is
    otherwise tried at every character."""
    return finditer_near(EN_RESOLUTION_CANDIDATE, text, literal_positions(text, "esolution", "ecision"), lead=1)


def _symbol_shaped(candidate: str) -> bool:
    """Whether a slashed span has the shape of a document symbol, not of a name with a slash.

    Joint symbols and symbols of two or more components are (``A/73/150``, ``CRC/C/15``);
    so is one component that is a number or a record (``S/24111``, ``CONCLU/131``: whether
    the series is known is SYM005's question). One other component is a symbol only
    after a one- or two-letter series (``S/2O17``, a slip to report): ``AFC/M23`` is a name.
    """
    if _JOINT.search(candidate):
        return True
    series, *components = candidate.rstrip("*").split("/")
    if len(components) != 1:
        return True
    return bool(_SINGLE_COMPONENT.fullmatch(components[0])) or len(series) <= 2


def _bare_candidates(text: str) -> Iterator[tuple[int, int, Organ | None]]:
    """Bare citations on their own line (or starting a table row) in a list under a resolutions heading.

    A heading (``Security Council resolutions``) opens the list and names the
    organ; blank lines, bare citations and symbols keep it open; any other line
    closes it. Only the lines from each heading to where its list closes are
    read: the headings are found by one search of the whole text (a heading
    never spans lines), most documents having none.
    """
    found = _heading_starts(text)
    if not found:
        return
    lines = text.splitlines(keepends=True)
    starts = list(itertools.accumulate(map(len, lines), initial=0))
    openers = sorted({bisect.bisect_right(starts, offset) - 1 for offset in found})
    index = 0
    for opener in openers:
        if opener < index:
            continue  # read already, in the list of an earlier heading
        index = opener
        organ: Organ | None = None
        open_list = False
        while index < len(lines):
            body = lines[index].rstrip("\r\n")
            bare = BARE_LINE.match(body)
            heading = None if bare else RESOLUTIONS_HEADING.search(body)
            if bare and open_list:
                position = starts[index]
                for item in BARE_ID.finditer(body, 0, bare.end()):
                    yield position + item.start(), position + item.end(), organ
            elif heading and _introduces_list(body):
                open_list = True
                organ = _EN_ORGANS[_HEADING_ORGANS.get(heading["organ"], heading["organ"])]
            elif not bare and not _LIST_LINE.fullmatch(body):
                open_list = False
            index += 1
            if not open_list:
                break  # closed (or never opened): nothing is read until the next heading


def _heading_starts(text: str) -> list[int]:
    """Offsets where RESOLUTIONS_HEADING matches: at least one on each line that holds a match.

    Found from the words every match holds (``resolution``, ``决议``) and the organ
    right before them, with a string search, rather than by trying the pattern at
    every character: that scan cost more than the rest of the bare-list search.
    A match holds no line break, so the lines are those a ``finditer`` finds.
    """
    starts = []
    for anchor, leads, last_chars in _HEADING_ANCHORS:
        position = text.find(anchor)
        while position != -1:
            # Most anchors follow no organ (第1325(2000)号决议): one look at the character
            # before the anchor passes them over, instead of a test per organ.
            if position == 0 or text[position - 1] not in last_chars:
                position = text.find(anchor, position + 1)
                continue
            for lead in leads:
                start = position - len(lead)
                if start >= 0 and text.startswith(lead, start) and RESOLUTIONS_HEADING.match(text, start):
                    starts.append(start)
            position = text.find(anchor, position + 1)
    return starts


def _introduces_list(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _HEADING_MAX or stripped.endswith((":", "："))


def organ_before(text: str, start: int, language: str) -> Organ | None:
    """The organ named just before a citation starting at ``start``, outside its span."""
    window = max(0, start - _EN_ORGAN_LOOKBACK * 2)
    if language == "zh":
        return Organ.OTHER if ZH_OTHER_BODY_BEFORE.search(text, window, start) else None
    match = EN_ORGAN_IN_ITS.search(text, window, start)
    if match is None:
        return None
    return _EN_ORGANS.get(match["organ"], Organ.OTHER)


def _with_organ(text: str, start: int) -> int:
    """Where an English reference starts: at the organ named before "resolution", if any."""
    organ = EN_ORGAN_BEFORE.search(text, max(0, start - _EN_ORGAN_LOOKBACK), start)
    return organ.start() if organ else start


def _zh_candidates(text: str) -> Iterator[regex.Match]:
    # Every Chinese reference ends in "决议": search only the stretch before each
    # one, instead of trying the pattern at every digit of the document; and of
    # that stretch only the part a reference reaching the anchor can start in.
    searched_to = 0
    for anchor in _JUEYI.finditer(text):
        window = max(searched_to, anchor.start() - _ZH_LOOKBACK)
        if _ends_no_candidate(text, anchor.start(), anchor.end(), window):
            continue  # 会议决定, 决议草案: most anchors that end no reference are passed over here
        window = _earliest_start(text, anchor.start(), window)
        end = min(len(text), anchor.end() + _ZH_LOOKAHEAD)
        # Searched again from each match's end, as finditer goes on (a match is never empty).
        match = ZH_RESOLUTION_CANDIDATE.search(text, window, end)
        while match is not None and match.start() <= anchor.start():
            if anchor.start() < match.end():
                searched_to = match.end()
                yield match
                break
            match = ZH_RESOLUTION_CANDIDATE.search(text, match.end(), end)


#: Every character ZH_RESOLUTION_CANDIDATE can match outside a bracket's contents, besides
#: digits and white space: the organs' names, 在其, dates, 第, 号, ``ES-``, ``/``, letters A-H,
#: the joiners and the brackets.
_ZH_CANDIDATE_CHARS = frozenset("大会安全理事人权经济及社在其年月日第号/ES-ABCDEFGH以和、…()（）")
#: Characters the walk of _earliest_start passes over, as a `re` run: the candidate characters,
#: ASCII digits and the commonest spaces (all of them pass its test).
_PASSED_OVER = compiled_on_use(re.compile, "[" + re.escape("".join(sorted(_ZH_CANDIDATE_CHARS))) + "0-9 \t\n\u3000]*")
_OPENING, _BRACKETS = "(（", "()（）"
#: The longest bracket content the pattern takes (``[^()（）\s]{1,6}``).
_ZH_BRACKET_CONTENT = 6


#: What the last item of a citation ends with, before the white space and 决议 (``号``, a letter,
#: a closing bracket; a digit is tested apart).
_ITEM_ENDS = frozenset("号ABCDEFGH)）")


def _ends_no_candidate(text: str, anchor: int, anchor_end: int, floor: int) -> bool:
    r"""Whether no candidate starting at ``floor`` or later can hold the 决议 at ``anchor``.

    A candidate holds it either as its own 决议, which follows an item's last character
    (号, a digit, a letter, a closing bracket) and white space and is not followed by
    草案, or inside a bracket of one of its items (``第60/1（决议草案）号决议``). Such
    anchors (``会议决定``, ``决议草案``) were searched up to 80 characters on, the
    pattern tried at each. Generous where unsure: any space in Python's sense (a
    superset of ``regex``'s ``\s``) is passed over, and any numeral or character
    Python's Unicode tables do not know may be a digit.
    """
    if _content_opening(text, anchor, floor) is not None:
        return False
    if text.startswith("草案", anchor_end):
        return True
    position = anchor - 1
    while position >= floor and text[position].isspace():
        position -= 1
    if position < floor:
        return True  # no item fits before it
    char = text[position]
    return not (char in _ITEM_ENDS or char.isnumeric() or unicodedata.category(char) == "Cn")


def _earliest_start(text: str, anchor: int, floor: int) -> int:
    r"""An offset (at least ``floor``) before which no candidate holding ``anchor`` can start.

    Walks back from the anchor over characters a candidate can hold; the first
    one it cannot hold ends every candidate reaching the anchor. Searching
    from there finds the same candidate as searching from ``floor``: a match
    starting before it ends before it, without the anchor. Generous where
    unsure: any digit or space in Python's sense (supersets of ``regex``'s
    ``\d`` and ``\s``), characters Python's Unicode tables do not know, and
    anything that may be a bracket's content.
    """
    # The stretch read backwards, so that one `re` run passes over the commonest of those
    # characters (a Python step per character cost more than the pattern's search).
    backwards = text[floor:anchor][::-1]
    position = anchor
    while position > floor:
        position = anchor - _PASSED_OVER.match(backwards, anchor - position).end()
        if position == floor:
            break
        char = text[position - 1]
        if char in _ZH_CANDIDATE_CHARS or char.isspace() or char.isnumeric() or unicodedata.category(char) == "Cn":
            position -= 1
            continue
        opening = _content_opening(text, position - 1, floor)
        if opening is None:
            return position
        position = opening
    return floor


def _content_opening(text: str, index: int, floor: int) -> int | None:
    """The opening bracket whose contents the character at ``index`` may be part of, or None."""
    seen = 0
    while index >= floor:
        char = text[index]
        if char in _BRACKETS:
            return index if char in _OPENING else None
        if not char.isspace():
            seen += 1
            if seen > _ZH_BRACKET_CONTENT:
                return None
        index -= 1
    return None


def _moved(value, offset: int):
    """``value`` moved ``offset`` characters on in the document."""
    return shift(value, offset) if offset else value


def _line_counter(text: str):
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return lambda offset: bisect.bisect_right(starts, offset)
