"""Parsing one resolution citation into a :class:`ResolutionCitation`.

The grammar (grammars/resolution.lark) accepts the slips real documents make;
this module turns the tree into typed references and records each slip
(a missing 号, a bracket of the wrong width) with its span and mending text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns import compiled_on_use
from .grammar import load_parser
from .lalr import LalrSyntaxError, Lexeme
from .models import IssueKind, Organ, ReferenceIssue, ResolutionCitation, ResolutionReference

ORGANS = {
    "大会": Organ.GENERAL_ASSEMBLY, "General Assembly": Organ.GENERAL_ASSEMBLY, "Assembly": Organ.GENERAL_ASSEMBLY,
    "安全理事会": Organ.SECURITY_COUNCIL, "安理会": Organ.SECURITY_COUNCIL, "Security Council": Organ.SECURITY_COUNCIL,
    "人权理事会": Organ.HUMAN_RIGHTS_COUNCIL, "Human Rights Council": Organ.HUMAN_RIGHTS_COUNCIL,
    "经济及社会理事会": Organ.ECONOMIC_AND_SOCIAL_COUNCIL, "经社理事会": Organ.ECONOMIC_AND_SOCIAL_COUNCIL,
    "Economic and Social Council": Organ.ECONOMIC_AND_SOCIAL_COUNCIL,
    # The Executive Boards of the funds and programmes number their decisions year/number too.
    "Executive Board": Organ.OTHER,
}
_MATCHING_CLOSE = {"(": ")", "（": "）"}
FIRST_ECOSOC_YEAR = 1978
#: The General Assembly numbered its resolutions session/number from its 31st session (1976);
#: a lower session before the slash is another body's number (a Commission's ``42/1`` aside).
FIRST_NUMBERED_SESSION = 31


class ResolutionSyntaxError(ValueError):
    """The text looks like a resolution reference but does not parse."""


# Not frozen, as none of these internal values is: a frozen dataclass costs five times as much to
# make (each field set through object.__setattr__), and a citation makes several.
@dataclass(slots=True)
class _Identifier:
    """An identifier as parsed, with the tokens the issues need."""

    first: Lexeme
    last: Lexeme
    number: int
    session: int | str | None = None
    year: int | None = None
    roman_session: str | None = None
    letter: str | None = None
    open_bracket: Lexeme | None = None
    close_bracket: Lexeme | None = None


@dataclass(slots=True)
class _Item:
    identifier: _Identifier
    has_di: bool
    has_hao: bool
    #: A date written before the item (2008年6月19日第1820(2008)号): such an item always takes 第.
    has_date: bool = False


@dataclass(slots=True)
class _LetterItem:
    """``B`` in ``第62/238 A和B号决议``: the previous item's number with another letter."""

    letter: Lexeme
    has_hao: bool


class _ToCitation:
    """Turns each rule's children into citation values (Lark calls it as the parse goes)."""

    def start(self, children):
        return children[0]

    def zh_citation(self, children):
        organ = children[0] if isinstance(children[0], str) else None
        items = _with_letters([c for c in children if isinstance(c, (_Item, _LetterItem))])
        pinpoints = next((c for c in children if isinstance(c, tuple)), ())
        jueyi = next(c for c in children if getattr(c, "type", None) == "JUEYI")
        return "zh", organ, items, pinpoints, "decision" if str(jueyi).endswith("定") else "resolution"

    def zh_organ(self, children):
        return str(children[0])

    def zh_item(self, children):
        identifier = next(c for c in children if isinstance(c, _Identifier))
        types = {getattr(c, "type", None) for c in children}
        return _Item(identifier, "DI" in types, "HAO" in types, "ZH_DATE" in types)

    def zh_letter_item(self, children):
        return _LetterItem(children[0], len(children) > 1)

    def zh_pinpoints(self, children):
        return tuple(children)

    def annex(self, children):
        return _span(children[-1:])

    def paragraphs(self, children):
        # The comma or 、 that joins a pinpoint to what precedes it is not part of it.
        return _span([c for c in _tokens(children) if c.type not in ("COMMA", "DUNHAO")][:1] + _tokens(children)[-1:])

    def zh_paragraphs(self, children):
        return _tokens(children)

    def zh_joiner(self, children):
        return children

    def paragraph(self, children):
        return children

    def en_citation(self, children):
        organ = str(children[0]) if children[0].type == "ORGAN_EN" else None
        word = next(c for c in children if getattr(c, "type", None) == "RESOLUTION")
        items = [_Item(c, True, True) for c in children if isinstance(c, _Identifier)]
        return "en", organ, items, (), "decision" if word.lower().startswith("decision") else "resolution"

    def en_item(self, children):
        # The date of adoption ("of 22 December 2017") is not kept: the number says which.
        return children[0]

    def bare_citation(self, children):
        return "bare", None, [_Item(children[0], True, True)], (), "resolution"

    def session_number(self, children):
        session, number, *letter = children
        return _Identifier(session, children[-1], int(number), session=int(session), letter=_letter(letter))

    def special_session_number(self, children):
        session, number, *letter = children
        return _Identifier(session, children[-1], int(number), session=str(session), letter=_letter(letter))

    def number_year(self, children):
        number, *letter, opening, year, closing = children
        return _Identifier(number, closing, int(number), year=int(year), letter=_letter(letter),
                           open_bracket=opening, close_bracket=closing)

    def number_roman(self, children):
        number, *letter, opening, roman, closing = children
        return _Identifier(number, closing, int(number), roman_session=str(roman), letter=_letter(letter),
                           open_bracket=opening, close_bracket=closing)

    def bare_number(self, children):
        return _Identifier(children[0], children[0], int(children[0]))


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _tokens(children) -> list[Lexeme]:
    flat: list[Lexeme] = []
    for child in children:
        flat.extend(_tokens(child) if isinstance(child, list) else [child])
    return flat


def _span(tokens: list[Lexeme]) -> tuple[int, int]:
    return tokens[0].start_pos, tokens[-1].end_pos


def _letter(tokens: list) -> str | None:
    return str(tokens[0]) if tokens else None


def _with_letters(items: list) -> list[_Item]:
    """Letter-only items made whole: ``62/238 A和B`` is 62/238 A and 62/238 B."""
    whole: list[_Item] = []
    for item in items:
        if isinstance(item, _LetterItem):
            if not whole:
                raise ResolutionSyntaxError("a letter with no number before it")
            previous = whole[-1].identifier
            identifier = _Identifier(item.letter, item.letter, previous.number, previous.session, previous.year,
                                     previous.roman_session, str(item.letter))
            item = _Item(identifier, False, item.has_hao)
        whole.append(item)
    return whole


# -- the commonest shapes, read without the parser --------------------------------------
#
# Citations of numbered resolutions (``安全理事会第 1801(2008)号和第 1820(2008)号决议，第 3(a)段``,
# ``General Assembly resolutions 72/242 of 22 December 2017 and 73/17``, a bare ``1325 (2000)``)
# are read a token group at a time by ``re`` and made into the values the parser's callbacks
# make, tokens and spans included. ASCII digits only; anything else (lettered items, roman
# sessions, a text that does not parse) goes to the parser. The white space between tokens is
# the grammar's ignored ``\s`` (both are ``re``'s). tests/references/test_resolution_plain.py
# checks that every text read here gives the parser's values.

_PLAIN_ID = (r"\s*(?:(?P<session>[0-9]+|E?S-[0-9]+)\s*/\s*(?P<number>[0-9]+)"
             r"|(?P<counted>[0-9]+)\s*(?P<open>[(（])\s*(?P<year>[0-9]{4})\s*(?P<close>[)）]))")
_PLAIN_ZH_ORGAN = compiled_on_use(re.compile,
    r"\s*(?:(?P<organ>经济及社会理事会|安全理事会|人权理事会|经社理事会|安理会|大会)\s*(?:在其|在|其)?)?")
_PLAIN_ZH_ITEM = compiled_on_use(re.compile,
    rf"\s*(?P<date>[0-9]{{4}}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日)?\s*(?P<di>第)?{_PLAIN_ID}\s*(?P<hao>号)?")
_ZH_JOINER = r"\s*(?:(?:以及|和|及|、|…+)\s*)+"
_PLAIN_ZH_JOINER = compiled_on_use(re.compile, _ZH_JOINER)
_PLAIN_JUEYI = compiled_on_use(re.compile, r"\s*(?P<jueyi>决\s*[议定])")
#: One pinpoint after 决议: ``，附件``, ``，第 59 段``, ``第 3(a)、4 和第 5 段(b)``, ``附件二``.
_SUBDIVISION = r"\s*[(（]\s*(?:[a-z]|[ivx]+|[IVX]+|[0-9]{1,2})\s*[)）]"
_PLAIN_PINPOINT = compiled_on_use(re.compile,
    r"\s*(?:[，,]\s*)?(?P<annex>附件[一二三四五六七八九十]*)"
    rf"|\s*(?:[，,]\s*|、\s*)?(?P<paragraphs>第\s*[0-9]+(?:{_SUBDIVISION})?"
    rf"(?:{_ZH_JOINER}(?:第\s*)?[0-9]+(?:{_SUBDIVISION})?)*\s*段(?:{_SUBDIVISION})?)")
_PLAIN_EN_WORD = compiled_on_use(re.compile,
    r"\s*(?:(?P<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council"
    r"|Executive Board|Assembly|Council)\s*)?(?P<word>[Rr]esolutions?|[Dd]ecisions?)")
_PLAIN_EN_ITEM = compiled_on_use(re.compile,
    rf"(?:{_PLAIN_ID}|\s*(?P<bare>[0-9]+))"
    r"(?:\s*of\s+[0-9]{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+[0-9]{4})?")
_PLAIN_EN_JOINER = compiled_on_use(re.compile, r"\s*(?:,\s*and|,|and)")
_PLAIN_BARE = compiled_on_use(re.compile, rf"{_PLAIN_ID}\s*")
_SPACE = compiled_on_use(re.compile, r"\s*")


def _plain_parse(text: str) -> tuple | None:
    """What the parser gives for a citation of one of the commonest shapes, else None.

    Each text is tried on the one form whose literal it holds (决, "esolution" or
    "ecision", neither for a bare citation).
    """
    if "决" in text:
        return _plain_chinese(text)
    if "esolution" in text or "ecision" in text:
        return _plain_english(text)
    match = _PLAIN_BARE.fullmatch(text)
    return None if match is None else ("bare", None, [_Item(_plain_identifier(match), True, True)], (), "resolution")


def _plain_chinese(text: str) -> tuple | None:
    organ = _PLAIN_ZH_ORGAN.match(text)
    items, position = [], organ.end()
    while True:
        item = _PLAIN_ZH_ITEM.match(text, position)
        if item is None:
            return None
        items.append(_Item(_plain_identifier(item), item["di"] is not None, item["hao"] is not None,
                           item["date"] is not None))
        if jueyi := _PLAIN_JUEYI.match(text, item.end()):
            break
        joiner = _PLAIN_ZH_JOINER.match(text, item.end())
        if joiner is None:
            return None
        position = joiner.end()
    pinpoints = _plain_pinpoints(text, jueyi.end())
    if pinpoints is None:
        return None
    kind = "decision" if jueyi["jueyi"].endswith("定") else "resolution"
    return "zh", organ["organ"], items, pinpoints, kind


def _plain_pinpoints(text: str, position: int) -> tuple[tuple[int, int], ...] | None:
    """The spans of the pinpoints from ``position`` to the end, or None if the rest is not all pinpoints."""
    spans = []
    while position < len(text):
        match = _PLAIN_PINPOINT.match(text, position)
        if match is None:
            return None
        spans.append(match.span(match.lastindex))
        position = match.end()
    return tuple(spans)


def _plain_english(text: str) -> tuple | None:
    word = _PLAIN_EN_WORD.match(text)
    if word is None:
        return None
    items, position = [], word.end()
    while True:
        item = _PLAIN_EN_ITEM.match(text, position)
        if item is None:
            return None
        items.append(_Item(_plain_identifier(item) if item["bare"] is None else _plain_number(item), True, True))
        joiner = _PLAIN_EN_JOINER.match(text, item.end())
        if joiner is None:
            break
        position = joiner.end()
    if _SPACE.match(text, item.end()).end() != len(text):
        return None
    kind = "decision" if word["word"].lower().startswith("decision") else "resolution"
    return "en", word["organ"], items, (), kind


def _lexeme(match: re.Match, group: str, kind: str) -> Lexeme:
    return Lexeme(match[group], kind, *match.span(group))


def _plain_identifier(match: re.Match) -> _Identifier:
    if match["session"] is not None:
        number = _lexeme(match, "number", "NUMBER")
        if match["session"][0].isdigit():
            return _Identifier(_lexeme(match, "session", "NUMBER"), number, int(number), session=int(match["session"]))
        return _Identifier(_lexeme(match, "session", "SPECIAL_SESSION"), number, int(number), session=match["session"])
    counted, opening = _lexeme(match, "counted", "NUMBER"), _lexeme(match, "open", "OPEN")
    closing = _lexeme(match, "close", "CLOSE")
    return _Identifier(counted, closing, int(counted), year=int(match["year"]), open_bracket=opening,
                       close_bracket=closing)


def _plain_number(match: re.Match) -> _Identifier:
    number = _lexeme(match, "bare", "NUMBER")
    return _Identifier(number, number, int(number))


def resolution_parser():
    """The resolution parser, built on first use (a benchmark may build it ahead)."""
    return load_parser("resolution", _ToCitation)


def parse_resolution(text: str, start: int = 0, organ_before: Organ | None = None) -> ResolutionCitation:
    """Parse one citation ``text`` found at offset ``start``; raise :class:`ResolutionSyntaxError` if it does not.

    ``organ_before``: the organ the text names just before the citation, outside its span
    (``the Council, in its resolution 2719 (2023)``, ``执行局第 2022/6 号决定``).
    """
    try:
        language, organ_name, items, pinpoints, kind = _plain_parse(text) or resolution_parser().parse(text)
    except LalrSyntaxError as err:
        raise ResolutionSyntaxError(f"{text!r} does not parse as a {_kind_word(text)} reference") from err
    organ = (ORGANS.get(organ_name) if organ_name else None) or organ_before
    references = tuple(_reference(text, start, item.identifier, organ) for item in items)
    issues = tuple(_issues(text, start, items, language))
    pinpoint_texts = tuple("".join(text[begin:end].split()) for begin, end in pinpoints)
    return ResolutionCitation(
        start, start + len(text), text, "en" if language == "bare" else language, references, pinpoint_texts,
        issues, kind,
    )


def _kind_word(text: str) -> str:
    return "decision" if "决定" in text or "ecision" in text else "resolution"


def _reference(text: str, start: int, ident: _Identifier, organ: Organ | None) -> ResolutionReference:
    begin, end = ident.first.start_pos, ident.last.end_pos
    inferred = organ or _organ_from_form(ident)
    session = ident.session
    year = ident.year
    if inferred is not Organ.SECURITY_COUNCIL and isinstance(session, int) and session >= FIRST_ECOSOC_YEAR:
        # ECOSOC (and the Executive Boards) number their resolutions and decisions year/number: 2008/12.
        year, session = session, None
        inferred = organ or Organ.ECONOMIC_AND_SOCIAL_COUNCIL
    elif organ is None and isinstance(session, int) and session < FIRST_NUMBERED_SESSION:
        inferred = None
    return ResolutionReference(
        start + begin, start + end, text[begin:end], inferred, ident.number, session, year,
        ident.roman_session, ident.letter, organ_stated=organ is not None,
    )


def _organ_from_form(ident: _Identifier) -> Organ | None:
    # A roman session is not enough: the General Assembly and ECOSOC both numbered so (1514 (XV), 11 (II)).
    if ident.year is not None:
        return Organ.SECURITY_COUNCIL
    if ident.session is not None:
        return Organ.GENERAL_ASSEMBLY
    return None


def _takes_di(ident: _Identifier) -> bool:
    """Whether UN Chinese writes 第 before this identifier.

    Not before a special-session number (大会S-30/1号决议 is written so in edited
    documents, as is 第S-26/2号), nor before a letter that continues the previous item.
    """
    return not isinstance(ident.session, str) and ident.first.type != "LETTER"


def _issues(text: str, start: int, items: list[_Item], language: str):
    # One 第 and one 号 may cover a run of items (第70/291、71/291和72/284号决议); each 第
    # opens such a run, and the run ends in 号 (第 1540（2004）号和第 1673（2006）号决议,
    # 第70/132号以及第70/213和70/219号决议). So an item needs 号 when it ends its run.
    for index, item in enumerate(items):
        ident = item.identifier
        if ident.open_bracket is not None and _MATCHING_CLOSE[str(ident.open_bracket)] != str(ident.close_bracket):
            wanted = _MATCHING_CLOSE[str(ident.open_bracket)]
            closing = ident.close_bracket
            yield ReferenceIssue(
                IssueKind.BRACKET_MISMATCH, start + closing.start_pos, start + closing.end_pos, wanted,
                f"'{ident.open_bracket}' is closed by '{closing}'; use '{wanted}'",
            )
        if language != "zh":
            continue
        last = index == len(items) - 1
        ends_run = last or items[index + 1].has_di
        if not item.has_hao and ends_run:
            # After the spaces that follow the number: "第 58/316 决议" becomes "第 58/316 号决议".
            # Before 决议 the 号 is wanted whatever the list; inside a list, dropping the
            # next item's 第 mends it as well, so the fix is not safe there.
            after = start + _skip_spaces(text, ident.last.end_pos)
            yield ReferenceIssue(IssueKind.MISSING_HAO, after, after, "号",
                                 f"'第 {text[ident.first.start_pos:ident.last.end_pos]}' lacks '号'", safe=last)
        if (index == 0 or item.has_date) and not item.has_di and _takes_di(ident):
            before = start + ident.first.start_pos
            yield ReferenceIssue(IssueKind.MISSING_DI, before, before, None,
                                 f"'{text[ident.first.start_pos:ident.last.end_pos]}号' lacks '第' before the number")
