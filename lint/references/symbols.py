"""Parsing one document symbol into a :class:`DocumentSymbol`.

The grammar (grammars/symbol.lark) fixes the order of the components; this
module gives them their meaning: whether a leading number is a session or a
year depends on the series (``A/73/150`` is the 73rd session, ``S/2016/621``
the year 2016), and some parses are still wrong for their series
(``S/95/12``: Security Council symbols carry four-digit years).
"""

from __future__ import annotations

import re

import regex

from ..patterns import compiled_on_use
from .grammar import load_parser
from .lalr import LalrSyntaxError, Lexeme
from .models import DocumentSymbol, SymbolPart

#: Series whose dated documents carry a four-digit year rather than a session.
YEAR_SERIES = frozenset({"S", "E", "ST"})
#: Special components whose dated documents carry a four-digit year.
YEAR_KINDS = frozenset({"PRST"})
FIRST_YEAR, LAST_YEAR = 1946, 2100
_JOINT_DASH = compiled_on_use(regex.compile, r"\s*[-–]\s*(?=[A-Z]{1,8}/)")
#: A space after a slash inside a symbol, where a table cell let it wrap (ECE/EX/2024/ L.1).
_WRAP_SPACE = compiled_on_use(regex.compile, r"(?<=/)[ ]+")

#: The commonest shapes of one symbol, read without the parser: a series, bodies, one special
#: component, a number or a record after at most one leading number, suffixes (``A/73/150``,
#: ``E/ICEF/2023/9``, ``S/PRST/2020/15``, ``S/PV.8711``, ``A/C.3/78/L.60/Rev.1``). ASCII digits
#: only, no spaces but in the joiner. A body whose word the grammar may read as another component
#: (``L.5``, ``NGO``, ``Rev.1``, ``RES``) is left to the parser (``_RESERVED``).
#: tests/references/test_symbol_plain.py checks that every text this reads gives the parser's values.
_PLAIN_PART = compiled_on_use(re.compile,
    r"([A-Z]{1,8})((?:/[A-Z][A-Za-z]*(?:\.[A-Za-z0-9]+)*)*?)(?:/(RES|PRST|INF|Agenda))?"
    r"(?:/([0-9]+))?/(?:([0-9]+)|((?:L|PV|SR|CRP|WP|R)\.[0-9]+))"
    r"((?:/(?:(?:Add|Corr|Rev|Amend)\.[0-9]+|Summary))*)")
_PLAIN_JOINER = compiled_on_use(re.compile, r"[ \t]*[-–][ \t]*")
#: Words that start a component the grammar reads as something other than a body.
_RESERVED = frozenset({"RES", "PRST", "INF", "Agenda", "NGO", "L", "PV", "SR", "CRP", "WP", "R",
                       "Add", "Corr", "Rev", "Amend", "Summary"})


class SymbolSyntaxError(ValueError):
    """The text is not a document symbol; the message says where it breaks."""


class _ToParts:
    """Turns each rule's children into the fields of :class:`SymbolPart` (Lark calls it as the parse goes)."""

    def start(self, children):
        reissued = bool(children) and getattr(children[-1], "type", None) == "ASTERISK"
        parts = [c for c in children if isinstance(c, dict)]
        return parts, reissued

    def symbol(self, children):
        fields: dict = {"series": str(children[0]), "bodies": [], "suffixes": []}
        for child in children[1:]:
            name, value = child
            if name in ("bodies", "suffixes"):
                fields[name].append(value)
            elif name == "designation":
                fields.update(value)
            else:
                fields[name] = value
        return fields

    def body(self, children):
        return "bodies", _component(children[0])

    def kind(self, children):
        return "kind", _component(children[0])

    def suffix(self, children):
        return "suffixes", _component(children[0])

    def resolution_year(self, children):
        return "resolution_year", int(children[0])

    def session(self, children):
        return _component(children[0])

    def numbered(self, children):
        return "designation", {"number": int(_component(children[0]))}

    def session_numbered(self, children):
        return "designation", {"leading": children[0], "number": int(_component(children[1]))}

    def session_record(self, children):
        return "designation", {"leading": children[0], "record": _component(children[1])}

    def session_kind_numbered(self, children):
        leading, kind, number = children
        return "designation", {"leading": leading, "late_kind": _component(kind), "number": int(_component(number))}

    def session_body_numbered(self, children):
        leading, body, number = children
        return "designation", {"leading": leading, "late_body": _component(body), "number": int(_component(number))}

    def record(self, children):
        return "designation", {"record": _component(children[0])}


def _component(token: Lexeme) -> str:
    """A component without the slash its terminal starts with."""
    return str(token)[1:]


def symbol_parser():
    """The symbol parser, built on first use (a benchmark may build it ahead)."""
    return load_parser("symbol", _ToParts)


def parse_symbol(text: str, start: int = 0) -> DocumentSymbol:
    """Parse ``text`` (a whole symbol, joint symbols included) found at offset ``start``.

    Raises :class:`SymbolSyntaxError` when it does not parse.
    """
    joined = _WRAP_SPACE.sub("", text) if "/ " in text else text
    plain = _plain_symbol(joined)
    if plain is None:
        try:
            fields, reissued = symbol_parser().parse(joined)
        except LalrSyntaxError as err:
            raise SymbolSyntaxError(_describe(joined, err.position)) from None
        parts = tuple(_make_part(t, f) for t, f in zip(_part_texts(joined), fields))
    else:
        parts, reissued = plain
    return DocumentSymbol(start, start + len(text), text, parts, reissued)


def _plain_symbol(text: str) -> tuple[tuple[SymbolPart, ...], bool] | None:
    """The parts :func:`parse_symbol` makes of a symbol of the commonest shapes, else None.

    What :func:`_plain_parse` then :func:`_make_part` give, made from each part's match
    without the fields' dictionary (the parts' texts are the pieces between the joiners:
    no space or dash stands inside a plain part).
    """
    reissued = text.endswith("*")
    parts = []
    for part in _PLAIN_JOINER.split(text[:-1] if reissued else text):
        match = _PLAIN_PART.fullmatch(part)
        if match is None:
            return None
        series, bodies, kind, leading, number, record, suffixes = match.groups()
        body_tuple = tuple(bodies.split("/")[1:]) if bodies else ()
        if body_tuple and any(body.partition(".")[0] in _RESERVED for body in body_tuple):
            return None
        parts.append(_plain_part(part, series, body_tuple, kind, leading, number, record,
                                 tuple(suffixes.split("/")[1:]) if suffixes else ()))
    return tuple(parts), reissued


def _plain_part(text: str, series: str, bodies: tuple[str, ...], kind: str | None, leading: str | None,
                number: str | None, record: str | None, suffixes: tuple[str, ...]) -> SymbolPart:
    """:func:`_make_part` for a plain part, whose leading number is ASCII digits and which has
    no late kind, late body or resolution year."""
    session = year = None
    problems: tuple[str, ...] = ()
    if leading is not None:
        value = int(leading)
        year_series = series in YEAR_SERIES and not (series == "E" and bodies)
        if year_series or kind in YEAR_KINDS or value >= FIRST_YEAR:
            year = value
            if not FIRST_YEAR <= value <= LAST_YEAR:
                what = f"{series}/{kind}/" if kind in YEAR_KINDS else f"{series}/"
                problems = (f"{what} symbols put a four-digit year here, not {leading}",)
        else:
            session = value
    numbered = None if number is None else int(number)
    if kind in YEAR_KINDS and year is None and numbered is not None:
        problems += (f"{series}/{kind}/ symbols need a year and a number ({series}/{kind}/YEAR/N)",)
    return SymbolPart(text, series, bodies, kind, session, year, numbered, record, suffixes, None, problems)


def _plain_parse(text: str) -> tuple[list[dict], bool] | None:
    """What the parser gives for a symbol of the commonest shapes (``_PLAIN_PART``), else None.

    References are many and most are plain; the parser spends a Python step per
    token and per reduction on them, this one match per part.
    """
    reissued = text.endswith("*")
    parts = []
    for part in _PLAIN_JOINER.split(text[:-1] if reissued else text):
        match = _PLAIN_PART.fullmatch(part)
        if match is None:
            return None
        series, bodies, kind, leading, number, record, suffixes = match.groups()
        body_list = bodies.split("/")[1:] if bodies else []
        if any(body.partition(".")[0] in _RESERVED for body in body_list):
            return None
        fields: dict = {"series": series, "bodies": body_list, "suffixes": suffixes.split("/")[1:] if suffixes else []}
        if kind:
            fields["kind"] = kind
        if leading is not None:
            fields["leading"] = leading
        if number is not None:
            fields["number"] = int(number)
        else:
            fields["record"] = record
        parts.append(fields)
    return parts, reissued


def _describe(text: str, position: int) -> str:
    if position >= len(text):
        return f"{text!r} ends too early"
    return f"{text!r} breaks at {text[position:position + 6]!r}"


def _part_texts(text: str) -> list[str]:
    whole = text.rstrip("*").strip()
    if "-" not in whole and "–" not in whole:
        return [whole]  # what the split gives: it splits only at a dash
    return [p.strip() for p in _JOINT_DASH.split(whole)]


def _make_part(text: str, fields: dict) -> SymbolPart:
    series, kind = fields["series"], fields.get("kind") or fields.get("late_kind")
    written = fields.get("leading")
    leading = int(written) if written and written.isdigit() else written
    session = year = None
    problems: list[str] = []
    # With a subsidiary body an E/ symbol may carry the body's session: E/ECA/COE/44/23.
    year_series = series in YEAR_SERIES and not (series == "E" and fields["bodies"])
    if isinstance(leading, int) and (year_series or kind in YEAR_KINDS or leading >= FIRST_YEAR):
        year = leading
        if not FIRST_YEAR <= leading <= LAST_YEAR:
            what = f"{series}/{kind}/" if kind in YEAR_KINDS else f"{series}/"
            problems.append(f"{what} symbols put a four-digit year here, not {written}")
    else:
        session = leading
    if kind in YEAR_KINDS and year is None and fields.get("number") is not None:
        problems.append(f"{series}/{kind}/ symbols need a year and a number ({series}/{kind}/YEAR/N)")
    if fields.get("resolution_year") is not None and not FIRST_YEAR <= fields["resolution_year"] <= LAST_YEAR:
        problems.append(f"{fields['resolution_year']} is not a year of adoption")
    bodies = tuple(fields["bodies"]) + ((fields["late_body"],) if "late_body" in fields else ())
    return SymbolPart(
        text, series, bodies, kind, session, year, fields.get("number"), fields.get("record"),
        tuple(fields["suffixes"]), fields.get("resolution_year"), tuple(problems),
    )
