"""Output formats. Each module renders a list of diagnostics to text.

A format is a function ``render(diagnostics, context) -> str``; the CLI
picks one by name from :data:`FORMATS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..fixes import FixMode
from ..plugins import RuleSet


@dataclass(frozen=True)
class ReportContext:
    """What a format may need beyond the diagnostics."""

    rules: RuleSet
    show_source: bool = False
    color: bool = False
    #: Every path that was checked, including those without findings (junit).
    checked: tuple[str, ...] = ()
    #: The repository root CI formats give paths relative to (``None``: the current folder).
    root: Path | None = None
    #: Which fixes the run's ``--fix`` applies: ``[*]`` marks only those.
    fix_mode: FixMode = FixMode.SAFE
    #: Paths that could not be checked, with why (SARIF notifications, JUnit errors).
    unreadable: tuple[tuple[str, str], ...] = ()

    def repository_path(self, path: str) -> str:
        """``path`` relative to :attr:`root`, with ``/``; absolute when outside it."""
        if path.startswith("<"):  # <stdin>
            return path
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, os.path.abspath(self.root or Path.cwd()))
        return Path(absolute).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def find_repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder or a worktree's file)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


Render = Callable[[Sequence[Diagnostic], ReportContext], str]


def _formats() -> dict[str, Render]:
    from . import github, json_format, junit, sarif, text

    return {"text": text.render, "json": json_format.render, "sarif": sarif.render, "github": github.render,
            "junit": junit.render}


FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "junit")


def render(name: str, diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return _formats()[name](diagnostics, context)
