"""Output formats. Each module renders a list of diagnostics to text.

A format is a function ``render(diagnostics, context) -> str``; the CLI
picks one by name from :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..plugins import RuleSet


@dataclass(frozen=True)
class ReportContext:
    """What a format may need beyond the diagnostics."""

    rules: RuleSet
    show_source: bool = False
    color: bool = False
    #: Every path that was checked, including those without findings (junit).
    checked: tuple[str, ...] = ()


Render = Callable[[Sequence[Diagnostic], ReportContext], str]


def _formats() -> dict[str, Render]:
    from . import json_format, text

    return {"text": text.render, "json": json_format.render}


FORMATS: tuple[str, ...] = ("text", "json")


def render(name: str, diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return _formats()[name](diagnostics, context)
