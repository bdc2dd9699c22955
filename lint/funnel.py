"""The funnel: the one place every finding of a document passes on its way to a report.

As flake8's ``StyleGuide.handle_error``: whatever produced a diagnostic (a
rule, the engine), :func:`funnel` alone decides whether it is reported and
how. For each diagnostic of one document, in order:

1. selection: ``select``, ``ignore`` and ``per-file-ignores`` (rules that are
   not selected do not even run, but engine codes are held to the same choice);
2. severity: a configured ``severity`` override wins over the finding's own;
3. suppression: a Word comment ``unlint: ignore CODE`` on the finding's span
   silences it (see suppress_comments.py; the policy carries the document's
   comments), and so does the first ``[[tool.unlint.suppress]]`` entry that
   matches the finding's code, span text and path (see suppress.py); a comment
   that silenced nothing is reported on its span as ``UNL005`` when selected;
4. baseline: a finding the baseline records is absorbed (counted: a baseline
   holding a finding twice absorbs two).

It runs where the document was linted, before fixes are chosen, so that what
``--fix`` applies is exactly what the report shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .codes import ENGINE_CODES, OFF_BY_DEFAULT
from .config import Config
from .diagnostics import Diagnostic, Position, Severity, Where
from .layout import Layout
from .suppress_comments import CommentSuppression, comment_suppressions, unused_message

if TYPE_CHECKING:
    from .baseline import Baseline


@dataclass(frozen=True)
class Policy:
    """What the funnel needs: the run's settings and, with ``--baseline``, the known findings."""

    config: Config
    baseline: Baseline | None = None
    #: The ``unlint: ignore`` comments of the document being funneled (see :meth:`for_document`).
    comments: tuple[CommentSuppression, ...] = ()

    def for_document(self, path: str, layout: Layout) -> Policy:
        """This policy with the suppressions written in comments on the spans of one document."""
        found = comment_suppressions(path, layout) if layout.comments else ()
        return replace(self, comments=found) if found or self.comments else self


@dataclass(frozen=True)
class Funneled:
    """What passed the funnel, and which suppressions were used on the way."""

    reported: list[Diagnostic]
    #: Indices (in ``Config.suppress``) of the entries that silenced a finding.
    used_suppressions: frozenset[int] = frozenset()


def funnel(diagnostics: Iterable[Diagnostic], policy: Policy) -> Funneled:
    """The diagnostics of one document that are reported, with their final severity, in order."""
    config = policy.config
    selected = [_with_severity(d, config) for d in diagnostics if _selected(d, config)]
    reported, used = _unsuppressed(_uncommented(selected, policy), config)
    if policy.baseline is not None:
        reported = policy.baseline.new_findings(reported)
    return Funneled(reported, frozenset(used))


def _uncommented(diagnostics: list[Diagnostic], policy: Policy) -> list[Diagnostic]:
    """The diagnostics no ``unlint: ignore`` comment silences, and a ``UNL005`` for each comment that silenced none."""
    if not policy.comments:
        return diagnostics
    kept: list[Diagnostic] = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        silencing = {i for i, comment in enumerate(policy.comments) if comment.matches(diagnostic)}
        if silencing:
            used |= silencing
        else:
            kept.append(diagnostic)
    unused = [_unused_comment(c) for i, c in enumerate(policy.comments) if i not in used]
    unused = [_with_severity(d, policy.config) for d in unused if _selected(d, policy.config)]
    return sorted([*kept, *unused], key=lambda d: d.sort_key) if unused else kept


def _unused_comment(suppression: CommentSuppression) -> Diagnostic:
    comment = suppression.comment
    return Diagnostic(suppression.path, "UNL005", ENGINE_CODES["UNL005"][0], Severity.WARNING,
                      unused_message(suppression), Position(comment.line, comment.column),
                      Position(comment.end_line, comment.end_column), comment.start, comment.end,
                      span_text=comment.quoted, where=Where(page=suppression.page))


def _unsuppressed(diagnostics: list[Diagnostic], config: Config) -> tuple[list[Diagnostic], set[int]]:
    if not config.suppress:
        return diagnostics, set()
    kept: list[Diagnostic] = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        entry = next((i for i, s in enumerate(config.suppress) if s.matches(diagnostic)), None)
        if entry is None:
            kept.append(diagnostic)
        else:
            used.add(entry)
    return kept, used


def reports_unused_suppressions(config: Config) -> bool:
    """Whether the run must report suppressions that silenced nothing (``UNL005`` selected by name)."""
    return bool(config.suppress) and _explicitly_selected("UNL005", config, None)


def unused_suppressions(config: Config, used: Iterable[int]) -> list[Diagnostic]:
    """One ``UNL005`` per suppression that silenced nothing in the run, placed on the settings file.

    They pass the funnel too (selection and severity apply; they are off unless selected).
    """
    taken = set(used)
    path = str(config.source) if config.source is not None else "<settings>"
    start = Position(1, 1)
    unused = [
        Diagnostic(path, "UNL005", ENGINE_CODES["UNL005"][0], Severity.WARNING,
                   f"suppression {number} ({entry.describe()}) silenced no finding in this run: "
                   "remove it, or correct its code, text or path", start, start)
        for number, entry in enumerate(config.suppress, start=1) if number - 1 not in taken
    ]
    return funnel(unused, Policy(config)).reported


def _explicitly_selected(code: str, config: Config, path: str | None) -> bool:
    return replace(config, select=tuple(s for s in config.select if s != "ALL")).is_enabled(code, path)


def _selected(diagnostic: Diagnostic, config: Config) -> bool:
    if diagnostic.code in OFF_BY_DEFAULT:
        return _explicitly_selected(diagnostic.code, config, diagnostic.path)
    if diagnostic.code in ENGINE_CODES:
        # The engine's codes are reported unless ignored by name: selecting one rule
        # family must not hide that a rule crashed or a parser failed.
        config = replace(config, select=("ALL",), extend_select=())
    return config.is_enabled(diagnostic.code, diagnostic.path)


def _with_severity(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    severity = config.severity_of(diagnostic.code, diagnostic.severity)
    return diagnostic if severity is diagnostic.severity else replace(diagnostic, severity=severity)
