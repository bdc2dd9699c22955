"""The exit code of ``unlint check``, decided in one place.

0: nothing at or above the failing severity (or ``--exit-zero``); 1: findings
(with ``--diff``: something to fix); 2: a usage, configuration or input error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .diagnostics import Diagnostic, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Outcome:
    """What a check run ended with, as far as the exit code cares."""

    #: The reported diagnostics (after the funnel).
    diagnostics: Sequence[Diagnostic]
    #: Whether some path could not be read or checked.
    input_errors: bool
    fail_on: Severity
    exit_zero: bool = False
    #: ``--diff``: whether the diff is non-empty; None when no diff was asked for.
    diff_nonempty: bool | None = None
    #: ``--write-baseline``: the run recorded findings rather than judged them.
    wrote_baseline: bool = False


def exit_code(outcome: Outcome) -> int:
    """The one decision of the exit code."""
    if outcome.input_errors:
        return EXIT_ERROR
    if outcome.exit_zero or outcome.wrote_baseline:
        return EXIT_OK
    if outcome.diff_nonempty is not None:
        return EXIT_FINDINGS if outcome.diff_nonempty else EXIT_OK
    failing = any(d.severity >= outcome.fail_on for d in outcome.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK
