"""Linting one document: parse its structure once, run the rules, pass every finding through the funnel.

Data flows one way: :class:`Document` -> structure (each parsed once, on a
rule's first use, outside that rule's time limit) -> rules (read-only) ->
:class:`Diagnostic` -> :func:`funnel`.
Failures are contained per document: a rule that raises or returns an invalid
finding becomes one ``UNL001``, one that overruns ``rule-timeout`` one
``UNL002``, and a structure parser that fails one ``UNL003`` while the rules
that read that structure are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .codes import ENGINE_CODES, ENGINE_SEVERITIES
from .config import Config
from .diagnostics import Diagnostic, Edit, Finding, Fix, Position, Severity, Where
from .document import Document
from .funnel import Funneled, Policy, funnel
from .inputs import RunInputs
from .layout import EMPTY, Layout
from .plugins import RuleSet
from .rule import Rule
from .structure.parsed import StructureFailure, StructureUnavailable
from .fence import UserInterrupt, describe, reason, user_interrupts
from .timelimit import RuleClock, RuleTimeout
from .where import Locator

#: Longer lines are not kept for ``--show-source``: a one-line 5 MB document with
#: thousands of findings would otherwise carry (and cache) the line with each.
MAX_SOURCE_LINE = 2000


def make_document(text: str, path: str, config: Config, inputs: RunInputs, layout: Layout = EMPTY) -> Document:
    """The Document of one decoded text, with the run's settings and inputs.

    Each structure gets ``rule-timeout`` seconds to parse, like a rule.
    """
    return Document(text, path, config.document_date, layout, inputs, config.rule_timeout)


def lint_document(document: Document, config: Config, rules: RuleSet, policy: Policy | None = None) -> list[Diagnostic]:
    """Run every enabled rule on ``document``; the funnel's diagnostics, sorted by position."""
    return check_document(document, config, rules, policy).reported


def check_document(document: Document, config: Config, rules: RuleSet, policy: Policy | None = None) -> Funneled:
    """Run every enabled rule on ``document`` and pass the diagnostics through the funnel.

    Structures are parsed as the rules first ask for them, each once (see structure/parsed.py).
    """
    skipped = _Skipped()
    raw: list[Diagnostic] = []
    locator = Locator(document)  # where each finding is in a Word or PDF document, its tables built once
    # The signal handlers (Ctrl-C, the time limit) are installed once per document, not per rule:
    # on a short document installing them cost more than the rules.
    enabled = [rule for rule in rules if config.is_enabled(rule.code, document.path)]
    with user_interrupts(), RuleClock(config.rule_timeout) as clock:
        for rule in enabled:
            raw.extend(_run_rule(rule, document, config, skipped, clock, locator))
    raw.extend(_structure_errors(document, skipped))
    raw.extend(_not_checked(document, frozenset(rule.code for rule in enabled)))
    raw.sort(key=lambda d: d.sort_key)
    # Suppressions a reviewer wrote in comments on the document's spans (Word) join the run's own,
    # here rather than in the pipeline, so that lint_document and lint_text callers get them too.
    return funnel(raw, (policy or Policy(config)).for_document(document.path, document.layout))


@dataclass
class _Skipped:
    """Rules skipped on one document, by the root structure failure that made them skip."""

    by_failure: dict[StructureFailure, list[str]] = field(default_factory=dict)

    def add(self, failure: StructureFailure, rule: Rule) -> None:
        self.by_failure.setdefault(failure.root, []).append(rule.code)


def _structure_errors(document: Document, skipped: _Skipped) -> list[Diagnostic]:
    roots = dict.fromkeys(f.root for f in document.structure_failures)
    diagnostics = []
    for failure in roots:
        codes = skipped.by_failure.get(failure, [])
        skipped_text = f"; rules skipped: {', '.join(codes)}" if codes else "; no rule that ran needed it"
        diagnostics.append(_engine(document, f"the {failure.name} structure could not be parsed: "
                                             f"{failure.reason}{skipped_text}", "UNL003"))
    return diagnostics


_INFO = Severity.parse(ENGINE_SEVERITIES["UNL004"])


def _not_checked(document: Document, enabled: frozenset[str]) -> list[Diagnostic]:
    """One info ``UNL004`` per check an enabled rule left out (``Document.not_checked_by``).

    Silence on an unsure structure must not read as a clean text; the funnel
    shows these unless UNL004 is ignored by code.
    """
    try:
        doubts = document.not_checked_by(enabled)
    except StructureUnavailable:
        return []  # the structure failed outright: UNL003 says so
    notes = []
    for doubt in doubts:
        offset = document.offset(doubt.line, 1) if doubt.line else 0
        position = document.position(offset)
        notes.append(Diagnostic(document.path, "UNL004", ENGINE_CODES["UNL004"][0], _INFO, doubt.message,
                                position, position, offset, offset))
    return notes


def _run_rule(rule: Rule, document: Document, config: Config, skipped: _Skipped,
              clock: RuleClock, locator: Locator) -> list[Diagnostic]:
    try:
        with clock.limit():
            findings = list(rule.check(document, config))
            valid = [f for f in findings if _valid(f, document)]
    except StructureUnavailable as err:
        skipped.add(err.failure, rule)
        return []
    except RuleTimeout:
        return [_engine(document, f"rule {rule.code} ({rule.name}) took longer than "
                        f"{config.rule_timeout:g} s (rule-timeout); its findings on this file are dropped", "UNL002")]
    except UserInterrupt:
        raise  # the user's Ctrl-C stops the run
    # Anything else a rule raises, SystemExit, GeneratorExit and its own KeyboardInterrupt
    # included, must not end the whole run.
    except BaseException as err:  # noqa: BLE001 - contain any failure of a rule
        return [_engine(document, f"rule {rule.code} ({rule.name}) failed: {reason(err)}")]
    diagnostics = [_diagnostic(rule, f, document, locator) for f in valid]
    if len(valid) < len(findings):
        kept = {id(f) for f in valid}
        bad = next(f for f in findings if id(f) not in kept)
        diagnostics.append(
            _engine(document, f"rule {rule.code} ({rule.name}) returned an invalid finding: {describe(bad)}")
        )
    return diagnostics


def _valid(finding: object, document: Document) -> bool:
    return (
        isinstance(finding, Finding)
        and _valid_span(finding.start, finding.end, document)
        and isinstance(finding.message, str)
        and (finding.severity is None or isinstance(finding.severity, Severity))
        and (finding.fix is None or _valid_fix(finding.fix, document))
    )


def _valid_span(start: object, end: object, document: Document) -> bool:
    return (
        type(start) is int  # noqa: E721 - bool and int subclasses are not offsets
        and type(end) is int  # noqa: E721
        and 0 <= start <= end <= len(document.text)
    )


def _valid_fix(fix: object, document: Document) -> bool:
    # A fix is applied to the user's file: its edits must lie in the text and not overlap.
    if not isinstance(fix, Fix) or not isinstance(fix.edits, tuple):
        return False
    if not all(isinstance(e, Edit) and _valid_span(e.start, e.end, document) and isinstance(e.replacement, str)
               for e in fix.edits):
        return False
    ordered = sorted(fix.edits, key=lambda e: (e.start, e.end))
    return all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))


def _diagnostic(rule: Rule, finding: Finding, document: Document, locator: Locator) -> Diagnostic:
    # The severity is the finding's own or the rule's; the funnel applies the configured override.
    # Positions are values: one offset's is computed once, for the finding and its fix's edits.
    positions = {finding.start: document.position(finding.start)}
    if finding.end not in positions:
        positions[finding.end] = document.position(finding.end)
    return Diagnostic(
        path=document.path,
        code=rule.code,
        rule=rule.name,
        severity=finding.severity or rule.severity,
        message=finding.message,
        start=positions[finding.start],
        end=positions[finding.end],
        offset=finding.start,
        end_offset=finding.end,
        fix=_placed(finding.fix, document, positions),
        span_text=document.text[finding.start:finding.end],
        source_line=_source_line(document, finding.start),
        where=_where(locator, finding.start),
    )


def _where(locator: Locator, offset: int) -> Where | None:
    # Paragraphs and headings place a Word/PDF finding; when they failed to parse (UNL003), it has no place.
    try:
        return locator.place(offset)
    except StructureUnavailable:
        return None


def _source_line(document: Document, offset: int) -> str:
    line = document.lines[document.line_index(offset)]
    return line if len(line) <= MAX_SOURCE_LINE else ""


def _placed(fix: Fix | None, document: Document, positions: dict[int, Position] | None = None) -> Fix | None:
    """``fix`` with each edit's positions filled in (``positions``: those known already, by offset)."""
    if fix is None:
        return None
    known = {} if positions is None else positions
    for edit in fix.edits:
        for offset in (edit.start, edit.end):
            if offset not in known:
                known[offset] = document.position(offset)
    if type(fix) is Fix and all(type(edit) is Edit for edit in fix.edits):
        # Made directly: dataclasses.replace looks the fields up and checks them for each copy,
        # which cost more than the copy (a plugin's subclass still goes through it, keeping its type).
        return Fix(tuple(Edit(e.start, e.end, e.replacement, known[e.start], known[e.end]) for e in fix.edits),
                   fix.applicability)
    edits = tuple(replace(e, start_position=known[e.start], end_position=known[e.end]) for e in fix.edits)
    return replace(fix, edits=edits)


def _engine(document: Document, message: str, code: str = "UNL001") -> Diagnostic:
    position = document.position(0)
    return Diagnostic(document.path, code, ENGINE_CODES[code][0], Severity.ERROR, message, position, position)


__all__ = ["ENGINE_CODES", "MAX_SOURCE_LINE", "check_document", "lint_document", "make_document"]
