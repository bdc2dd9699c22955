"""The funnel: the one place every finding of a document passes on its way to a report.

As flake8's ``StyleGuide.handle_error``: whatever produced a diagnostic (a
rule, the engine), :func:`funnel` alone decides whether it is reported and
how. For each diagnostic of one document, in order:

1. selection: ``select``, ``ignore`` and ``per-file-ignores`` (rules that are
   not selected do not even run, but engine codes are held to the same choice);
2. severity: a configured ``severity`` override wins over the finding's own;
3. baseline: a finding the baseline records is absorbed (counted: a baseline
   holding a finding twice absorbs two).

It runs where the document was linted, before fixes are chosen, so that what
``--fix`` applies is exactly what the report shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .codes import ENGINE_CODES
from .config import Config
from .diagnostics import Diagnostic

if TYPE_CHECKING:
    from .baseline import Baseline


@dataclass(frozen=True)
class Policy:
    """What the funnel needs: the run's settings and, with ``--baseline``, the known findings."""

    config: Config
    baseline: Baseline | None = None


def funnel(diagnostics: Iterable[Diagnostic], policy: Policy) -> list[Diagnostic]:
    """The diagnostics of one document that are reported, with their final severity, in order."""
    config = policy.config
    reported = [_with_severity(d, config) for d in diagnostics if _selected(d, config)]
    if policy.baseline is not None:
        reported = policy.baseline.new_findings(reported)
    return reported


def _selected(diagnostic: Diagnostic, config: Config) -> bool:
    if diagnostic.code in ENGINE_CODES:
        # The engine's codes are reported unless ignored by name: selecting one rule
        # family must not hide that a rule crashed or a parser failed.
        config = replace(config, select=("ALL",), extend_select=())
    return config.is_enabled(diagnostic.code, diagnostic.path)


def _with_severity(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    severity = config.severity_of(diagnostic.code, diagnostic.severity)
    return diagnostic if severity is diagnostic.severity else replace(diagnostic, severity=severity)
