"""What rules report: findings, fixes and the diagnostics built from them.

A rule yields :class:`Finding` objects in character offsets of the document's
text; the runner turns each into a :class:`Diagnostic`, which also knows the
rule's code, name and severity and the 1-based line and column of the span.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``>=`` means "at least as bad"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.Enum):
    """Whether a fix may be applied without a person reading it (ruff's fix safety)."""

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


def _by_fields(self) -> tuple:
    # Diagnostics cross back from worker processes in pickles. A frozen slotted
    # dataclass pickles through dataclasses' __getstate__, which looks its fields
    # up on every call; the constructor and the field values in order make the
    # same object at a third of the cost. (Every field of these classes is an
    # ``__init__`` argument, in ``__match_args__`` order.)
    return (type(self), tuple(getattr(self, name) for name in self.__match_args__))


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column; columns count characters, not bytes."""

    __reduce__ = _by_fields

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets)."""

    __reduce__ = _by_fields

    start: int
    end: int
    replacement: str
    #: Filled in by the runner: 1-based positions of ``start`` and ``end``.
    start_position: Position | None = field(default=None, compare=False)
    end_position: Position | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits that together mend a finding."""

    __reduce__ = _by_fields

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, *, safe: bool = True) -> Fix:
        applicability = Applicability.SAFE if safe else Applicability.UNSAFE
        return cls((Edit(start, end, replacement),), applicability)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule's check yields: a span of the text, a message, maybe a fix.

    ``severity`` overrides the rule's default for this one finding (a rule that
    reports both certain errors and likely ones, for example).
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Where:
    """Where a finding is in a Word or PDF document, in its reader's terms rather than lines of text."""

    __reduce__ = _by_fields

    #: The 1-based page, when the reader knows pages.
    page: int | None = None
    #: The number of the numbered paragraph the finding is in (``"12"``, ``"annex I, 3"``).
    paragraph: str | None = None
    #: Else the chapter or section heading it falls under (``"II. Financial resources"``).
    heading: str | None = None

    def describe(self, quote: str, limit: int = 60) -> str:
        """``page 3, paragraph 12: "S/2027/15"``: the place in words, then the quoted span (shortened)."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        elif self.heading is not None:
            parts.append(f"under {_shorten(self.heading, limit)!r}")
        quoted = f'"{_shorten(quote, limit)}"' if quote.strip() else ""
        place = ", ".join(parts)
        return f"{place}: {quoted}" if place and quoted else place or quoted


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in a file, ready for a report."""

    __reduce__ = _by_fields

    path: str
    code: str
    rule: str
    severity: Severity
    message: str
    start: Position
    end: Position
    offset: int = 0
    end_offset: int = 0
    fix: Fix | None = None
    # The exact text of the span; baselines match on it so that edits elsewhere
    # in the file do not revive old findings.
    span_text: str = field(default="", compare=False)
    #: The whole line the span starts on, for ``--show-source``.
    source_line: str = field(default="", compare=False)
    #: For Word and PDF input: page, paragraph or heading (None for plain text).
    where: Where | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start.line, self.start.column, self.code, self.message)


def shorten(text: str, limit: int = 80) -> str:
    """``text``, or its start and end around an ellipsis when longer than ``limit`` characters.

    Messages quote the input (a joint symbol, a list of footnote numbers):
    quoted in full, a message would grow with the input, and so would the
    report, the cache and the memory holding them.
    """
    if len(text) <= limit:
        return text
    keep = max(1, (limit - 1) // 2)
    return f"{text[:keep]}…{text[-keep:]}"
