"""Rules: a code, a name, a summary, documentation and a check function."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .diagnostics import Finding, Severity
from .patterns import compiled_on_use

if TYPE_CHECKING:
    from .config import Config
    from .document import Document

#: ``SYM001``: a family prefix of three capital letters, then three digits.
CODE_PATTERN = compiled_on_use(regex.compile, r"[A-Z]{3}\d{3}")
_NAME_PATTERN = compiled_on_use(regex.compile, r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

Check = Callable[["Document", "Config"], Iterable[Finding]]


class RuleDefinitionError(ValueError):
    """A rule is malformed: bad code, bad name, missing docs."""


@dataclass(frozen=True)
class Rule:
    """A check with its identity and documentation.

    The check receives the document and the effective configuration and
    yields :class:`~unlint.Finding` objects; it must not modify either.
    """

    code: str
    name: str
    summary: str
    check: Check = field(repr=False, compare=False)
    severity: Severity = Severity.WARNING
    #: Markdown: what it finds, why it matters, an example, the fix.
    docs: str = field(default="", repr=False, compare=False)
    #: ``"safe"``, ``"unsafe"`` or ``None`` when the rule never offers a fix.
    fix: str | None = None

    def __post_init__(self) -> None:
        if not CODE_PATTERN.fullmatch(self.code):
            raise RuleDefinitionError(f"rule code {self.code!r} is not three capital letters and three digits")
        if not _NAME_PATTERN.fullmatch(self.name):
            raise RuleDefinitionError(f"rule name {self.name!r} ({self.code}) is not kebab-case")
        if not self.summary.strip():
            raise RuleDefinitionError(f"rule {self.code} has no summary")

    @property
    def family(self) -> str:
        return self.code[:3]


def rule(
    code: str,
    name: str,
    summary: str,
    *,
    severity: Severity | str = Severity.WARNING,
    fix: str | None = None,
) -> Callable[[Check], Rule]:
    """Make a :class:`Rule` from a check function; its docstring is the rule's docs.

    ::

        @rule("XYZ001", "doubled-word", "A word written twice")
        def doubled_word(document, config):
            '''## What it does ...'''
            yield Finding(start, end, "...")
    """
    level = Severity.parse(severity) if isinstance(severity, str) else severity

    def decorate(check: Check) -> Rule:
        docs = inspect.cleandoc(check.__doc__ or "")
        if not docs:
            raise RuleDefinitionError(f"rule {code} ({check.__qualname__}) has no docstring")
        return Rule(code, name, summary, check, level, docs, fix)

    return decorate
