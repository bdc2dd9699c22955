"""Running rules over documents: the library API behind the CLI.

Data flows one way: bytes -> text -> :class:`Document` -> rules ->
:class:`Diagnostic` list. A rule that raises becomes one ``UNL001``
diagnostic for that file and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .config import Config, ConfigError, find_config_file, load_config, validate_codes
from .diagnostics import Diagnostic, Edit, Finding, Fix, Severity
from .document import Document
from .files import InputError, Source, discover, read_source
from .fixes import FixOutcome
from .inputs import RunInputs
from .plugins import RuleSet, load_rules
from .reading import DecodedText
from .rule import Rule
from .timelimit import RuleTimeout, time_limit

#: Codes the engine itself reports; they are not rules a plugin provides.
ENGINE_CODES = {
    "UNL001": ("internal-error", "A rule raised an exception or returned an invalid finding on this file"),
    "UNL002": ("rule-timeout", "A rule ran longer than the per-rule time limit (rule-timeout) on this file"),
    "UNL003": ("not-checked", "A check left out because the structure it needs was not read with certainty"),
}
#: Default severities of the engine codes that are not errors.
ENGINE_SEVERITIES = {"UNL003": Severity.INFO}


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """Built-in rules and every installed plugin, loaded once per process."""
    return load_rules()


def resolve_config(paths: Sequence[str], config: Config | None) -> Config:
    """``config`` if given, else the configuration file nearest the first path."""
    if config is not None:
        return config
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    found = find_config_file(start if start.exists() else Path.cwd())
    return load_config(found) if found else Config()


def check_config(config: Config, rules: RuleSet) -> None:
    """Raise :class:`ConfigError` if the settings name a code no rule has."""
    validate_codes(config, [*rules.rules, *ENGINE_CODES])


def lint_document(document: Document, config: Config, rules: RuleSet) -> list[Diagnostic]:
    """Run every enabled rule on ``document``; diagnostics sorted by position."""
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        if not config.is_enabled(rule.code, document.path):
            continue
        diagnostics.extend(_run_rule(rule, document, config))
    diagnostics.extend(_not_checked(document, config, rules))
    diagnostics.sort(key=lambda d: d.sort_key)
    return diagnostics


def _not_checked(document: Document, config: Config, rules: RuleSet) -> list[Diagnostic]:
    """One info ``UNL003`` per check an enabled rule left out (``Document.not_checked_by``).

    Silence on an unsure structure must not read as a clean text. Shown unless
    UNL003 is ignored; selecting rules does not hide what those rules left out.
    """
    everything = replace(config, select=("ALL",), extend_select=())
    if not everything.is_enabled("UNL003", document.path):
        return []
    enabled = frozenset(code for code in rules.rules if config.is_enabled(code, document.path))
    severity = config.severity_of("UNL003", ENGINE_SEVERITIES["UNL003"])
    notes = []
    for doubt in document.not_checked_by(enabled):
        offset = document.offset(doubt.line, 1) if doubt.line else 0
        position = document.position(offset)
        notes.append(Diagnostic(document.path, "UNL003", ENGINE_CODES["UNL003"][0], severity, doubt.message,
                                position, position, offset, offset))
    return notes


def _run_rule(rule: Rule, document: Document, config: Config) -> list[Diagnostic]:
    try:
        with time_limit(config.rule_timeout):
            findings = list(rule.check(document, config))
    except RuleTimeout:
        return [_internal(document, config, f"rule {rule.code} ({rule.name}) took longer than "
                          f"{config.rule_timeout:g} s (rule-timeout); its findings on this file are dropped",
                          code="UNL002")]
    # SystemExit too: a plugin calling sys.exit() must not end the whole run.
    except (Exception, SystemExit) as err:  # noqa: BLE001 - contain any failure of a rule
        return [_internal(document, config, f"rule {rule.code} ({rule.name}) failed: {type(err).__name__}: {err}")]
    valid = [f for f in findings if _valid(f, document)]
    diagnostics = [_diagnostic(rule, f, document, config) for f in valid]
    if len(valid) < len(findings):
        bad = next(f for f in findings if not _valid(f, document))
        diagnostics.append(
            _internal(document, config, f"rule {rule.code} ({rule.name}) returned an invalid finding: {bad!r:.200}")
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


def _diagnostic(rule: Rule, finding: Finding, document: Document, config: Config) -> Diagnostic:
    severity = config.severity_of(rule.code, finding.severity or rule.severity)
    return Diagnostic(
        path=document.path,
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=finding.message,
        start=document.position(finding.start),
        end=document.position(finding.end),
        offset=finding.start,
        end_offset=finding.end,
        fix=_placed(finding.fix, document),
        span_text=document.text[finding.start:finding.end],
        source_line=_source_line(document, finding.start),
    )


#: Longer lines are not kept for ``--show-source``: a one-line 5 MB document with
#: thousands of findings would otherwise carry (and cache) the line with each.
MAX_SOURCE_LINE = 2000


def _source_line(document: Document, offset: int) -> str:
    line = document.lines[document.line_index(offset)]
    return line if len(line) <= MAX_SOURCE_LINE else ""


def _placed(fix: Fix | None, document: Document) -> Fix | None:
    if fix is None:
        return None
    edits = tuple(
        replace(e, start_position=document.position(e.start), end_position=document.position(e.end)) for e in fix.edits
    )
    return replace(fix, edits=edits)


def _internal(document: Document, config: Config, message: str, code: str = "UNL001") -> Diagnostic:
    position = document.position(0)
    name = ENGINE_CODES[code][0]
    return Diagnostic(document.path, code, name, config.severity_of(code, Severity.ERROR), message,
                      position, position)


def lint_text(text: str, path: str | None = None, config: Config | None = None,
              rules: RuleSet | None = None) -> list[Diagnostic]:
    """Check ``text`` as one document and return its diagnostics.

    ``path`` names the document in diagnostics and for ``per-file-ignores``.
    Line ends may be ``\\r\\n`` or ``\\r``; they are read as ``\\n``.
    """
    config = config or Config()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rules = rules or default_rules()
    document = Document(text, path or "<text>", config.document_date, inputs=RunInputs.of(config, rules))
    return lint_document(document, config, rules)


@dataclass
class FileResult:
    """The outcome for one document: its diagnostics, or why it could not be checked."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: InputError | None = None
    decoded: DecodedText | None = None
    #: What ``--fix``/``--diff`` did to the document, when a fix applied.
    fix: FixOutcome | None = None


def lint_sources(sources: Iterable[Source | InputError], config: Config, rules: RuleSet,
                 stdin: bytes | None = None) -> Iterator[FileResult]:
    """Check each source in turn; unreadable ones yield a result with ``error`` set."""
    inputs = RunInputs.of(config, rules)
    for source in sources:
        if isinstance(source, InputError):
            yield FileResult(source.path, error=source)
            continue
        try:
            decoded = read_source(source, stdin)
        except InputError as err:
            yield FileResult(source.display, error=err)
            continue
        document = Document(decoded.text, source.display, config.document_date, decoded.layout, inputs)
        yield FileResult(source.display, lint_document(document, config, rules), decoded=decoded)


def lint_paths(paths: Sequence[str | Path], config: Config | None = None,
               rules: RuleSet | None = None) -> list[FileResult]:
    """Check files and directories (walked for documents); one result per document or bad path.

    Raises :class:`~unlint.config.ConfigError` if the configuration is invalid.
    """
    given = [str(p) for p in paths]
    config = resolve_config(given, config)
    rules = rules or default_rules()
    check_config(config, rules)
    return list(lint_sources(discover(given, config), config, rules))


__all__ = [
    "ConfigError",
    "FileResult",
    "default_rules",
    "lint_document",
    "lint_paths",
    "lint_text",
]
