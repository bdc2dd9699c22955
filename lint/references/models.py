"""The typed values the reference parser yields: symbols and resolution references.

Every value carries its span (character offsets into the document's text)
so that rules can report it and ``unlint refs`` can show it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from functools import cache


class Organ(enum.Enum):
    """The body that adopted a resolution."""

    GENERAL_ASSEMBLY = "GA"
    SECURITY_COUNCIL = "SC"
    HUMAN_RIGHTS_COUNCIL = "HRC"
    ECONOMIC_AND_SOCIAL_COUNCIL = "ECOSOC"
    #: A body the text names that is none of the above (an Executive Board, a functional
    #: commission): its numbers follow its own series, so the organ checks do not apply.
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class SymbolPart:
    """One symbol of a (possibly joint) document symbol: ``S/2016/621``.

    ``session`` is a General Assembly or Council session (``73``, ``"S-17"``);
    ``year`` a four-digit year component (``S/2016/621``, ``S/PRST/2013/12``);
    a symbol has at most one of the two. ``number`` is the running number
    within the series, session or year; ``record`` a numbered special
    component standing in its place (``PV.8711``, ``L.5``).
    """

    text: str
    series: str
    bodies: tuple[str, ...] = ()
    #: Special component before the number: ``RES``, ``PRST``, ``INF``, ``NGO``, ``Agenda``.
    kind: str | None = None
    session: int | str | None = None
    year: int | None = None
    number: int | None = None
    record: str | None = None
    suffixes: tuple[str, ...] = ()
    #: The adoption year written after a resolution symbol: ``S/RES/2553(2020)``.
    resolution_year: int | None = None
    #: What is wrong with the symbol although it parsed (``S/95/12``).
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentSymbol:
    """A document symbol as cited: one part, or several joined by a dash."""

    start: int
    end: int
    text: str
    parts: tuple[SymbolPart, ...]
    reissued: bool = False

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(problem for part in self.parts for problem in part.problems)

    @property
    def canonical(self) -> str:
        """The symbol with a plain hyphen between parts and no reissue mark."""
        return "-".join(part.text for part in self.parts)

    def fields(self) -> dict:
        return {"reissued": self.reissued, "parts": [_part_fields(p) for p in self.parts]}


def _part_fields(part: SymbolPart) -> dict:
    values = {
        "series": part.series, "bodies": list(part.bodies), "kind": part.kind, "session": part.session,
        "year": part.year, "number": part.number, "record": part.record, "suffixes": list(part.suffixes),
        "resolution_year": part.resolution_year,
    }
    return {key: value for key, value in values.items() if value not in (None, [])}


class IssueKind(enum.Enum):
    """Slips the resolution grammar tolerates and the model records."""

    MISSING_HAO = "missing-hao"
    MISSING_DI = "missing-di"
    BRACKET_MISMATCH = "bracket-mismatch"


@dataclass(frozen=True, slots=True)
class ReferenceIssue:
    """A slip at ``start:end``; ``replacement`` mends it (``None`` when no mechanical fix).

    ``safe``: the mending cannot be wrong (``第 1631（2005）决议`` needs its ``号``);
    not safe when another mending is as likely (``第 1540（2004）和第 1673（2006）号决议``
    may lack a ``号`` or have one ``第`` too many).
    """

    kind: IssueKind
    start: int
    end: int
    replacement: str | None
    message: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class ResolutionReference:
    """One resolution of a citation: ``1809(2008)`` in ``安全理事会第 1809(2008)号决议``.

    ``organ_stated`` tells whether the text names the organ or the organ was
    inferred from the form (a bracketed year is the Security Council's).
    """

    start: int
    end: int
    text: str
    organ: Organ | None
    number: int
    session: int | str | None = None
    year: int | None = None
    roman_session: str | None = None
    letter: str | None = None
    organ_stated: bool = False

    @property
    def key(self) -> tuple:
        """What identifies the resolution whatever its cited year."""
        return (self.organ, self.session, self.number, self.letter)

    def fields(self) -> dict:
        values = {
            "organ": str(self.organ) if self.organ else None, "organ_stated": self.organ_stated,
            "number": self.number, "session": self.session, "year": self.year,
            "roman_session": self.roman_session, "letter": self.letter,
        }
        return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True, slots=True)
class ResolutionCitation:
    """A whole citation: its organ, one or more resolutions (or decisions), its pinpoints and slips."""

    start: int
    end: int
    text: str
    language: str
    items: tuple[ResolutionReference, ...]
    #: ``("附件", "第 59 段")``: where in the resolution the text points.
    pinpoints: tuple[str, ...] = ()
    issues: tuple[ReferenceIssue, ...] = ()
    #: ``"resolution"`` or ``"decision"`` (``第 75/569 号决定``, ``decision 77/555``).
    kind: str = "resolution"

    def fields(self) -> dict:
        return {
            "language": self.language,
            "resolutions": [item.fields() for item in self.items],
            "pinpoints": list(self.pinpoints),
            "issues": [issue.kind.value for issue in self.issues],
        }


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A span that looks like a reference but does not parse."""

    start: int
    end: int
    text: str
    kind: str  # "symbol" or "resolution"
    reason: str


@dataclass(frozen=True)
class References:
    """Everything the reference parser found in a document, in text order."""

    symbols: tuple[DocumentSymbol, ...] = ()
    citations: tuple[ResolutionCitation, ...] = ()
    unparsed: tuple[Unparsed, ...] = ()

    @property
    def resolutions(self) -> tuple[ResolutionReference, ...]:
        """Every resolution of every citation, in text order."""
        return tuple(item for citation in self.citations for item in citation.items)


def shift(value, offset: int):
    """A copy of a parsed value (and of the spans inside it) moved ``offset`` characters on.

    What ``dataclasses.replace`` does, without its checks per field: every cited
    reference is moved to its place, and ``replace`` was a third of the parse.
    """
    moved = {name: getattr(value, name) for name in _init_fields(type(value))}
    moved["start"] += offset
    moved["end"] += offset
    if isinstance(value, ResolutionCitation):
        moved["items"] = tuple(shift(item, offset) for item in value.items)
        moved["issues"] = tuple(shift(issue, offset) for issue in value.issues)
    return type(value)(**moved)


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.init)
