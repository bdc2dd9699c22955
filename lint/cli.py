"""The ``unlint`` command: a thin layer over :mod:`unlint.runner`.

Exit codes: 0 no findings at or above the failing severity; 1 findings;
2 a usage, configuration or input error (one line on stderr, no traceback).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from .config import Config, ConfigError, load_config, parse_document_date, parse_rule_timeout
from .diagnostics import Diagnostic, Severity
from .files import Source, discover
from .plugins import PluginError, RuleSet
from .reports import FORMATS, ReportContext, render
from .runner import ENGINE_CODES, FileResult, check_config, default_rules, lint_sources, resolve_config

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageFailure(click.ClickException):
    """A one-line error and exit code 2, for bad configuration or plugins."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"unlint: error: {self.format_message()}", err=True)


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def _load_rules() -> RuleSet:
    try:
        return default_rules()
    except PluginError as err:
        raise UsageFailure(str(err)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "--version", package_name="unlint", prog_name="unlint")  # looked up only when asked
def main() -> None:
    """unlint: check citations and references in United Nations documents."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--select", help="Comma-separated rule codes or prefixes to enable (default: all).")
@click.option("--extend-select", help="Codes or prefixes to enable on top of the selection.")
@click.option("--ignore", help="Codes or prefixes to disable.")
@click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES",
              help="Disable codes for files matching GLOB, e.g. 'annexes/*.txt:FTN,XRF001'. Repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files and folders matching GLOB. Repeatable.")
@click.option("--severity", "severities", multiple=True, metavar="CODE=LEVEL",
              help="Override a rule's severity (error, warning, info). Repeatable.")
@click.option("--document-date", metavar="YYYY-MM-DD", help="The date date-dependent checks use.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="The lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line and a caret under each finding (default: when stdout is a terminal).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule after the report.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code tells.")
@click.option("--stdin-filename", help="The name of the document read from '-' (standard input).")
@click.option("--rule-timeout", metavar="SECONDS",
              help="Stop a rule that runs longer than this on one document (UNL002); 0: no limit (default: 60).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Read settings from this file instead of searching for one.")
def check(paths: tuple[str, ...], **options) -> None:
    """Check the documents in PATHS (files or directories; '-' for standard input)."""
    if not paths:
        raise UsageFailure("no paths given (try 'unlint check examples/')")
    rules = _load_rules()
    config = _effective_config(paths, options)
    try:
        check_config(config, rules)
    except ConfigError as err:
        raise UsageFailure(str(err)) from None
    results = _run(paths, config, rules, options.get("stdin_filename"))
    _report(results, config, rules, options)


def _effective_config(paths: Sequence[str], options: dict) -> Config:
    try:
        if options["config_file"]:
            base = load_config(Path(options["config_file"]))
        else:
            base = resolve_config(list(paths), None)
        return base.merged(
            select=_codes(options["select"]),
            extend_select=_codes(options["extend_select"]),
            ignore=_codes(options["ignore"]),
            per_file_ignores=_per_file_ignores(options["per_file_ignores"], base),
            exclude=(*base.exclude, *options["exclude"]) if options["exclude"] else None,
            severity=_severities(options["severities"], base),
            document_date=parse_document_date(options["document_date"], "--document-date")
            if options["document_date"] else None,
            fail_on=Severity.parse(options["fail_on"]) if options["fail_on"] else None,
            rule_timeout=parse_rule_timeout(options["rule_timeout"], "--rule-timeout")
            if options["rule_timeout"] is not None else None,
        )
    except ConfigError as err:
        raise UsageFailure(str(err)) from None


def _per_file_ignores(values: tuple[str, ...], base: Config) -> dict | None:
    if not values:
        return None
    merged = dict(base.per_file_ignores)
    for value in values:
        glob, sep, codes = value.rpartition(":")
        if not sep or not glob:
            raise ConfigError(f"--per-file-ignores {value!r}: expected GLOB:CODES")
        merged[glob] = _codes(codes) or ()
    return merged


def _severities(values: tuple[str, ...], base: Config) -> dict | None:
    if not values:
        return None
    merged = dict(base.severity)
    for value in values:
        code, sep, level = value.partition("=")
        if not sep:
            raise ConfigError(f"--severity {value!r}: expected CODE=LEVEL")
        try:
            merged[code.strip().upper()] = Severity.parse(level)
        except ValueError as err:
            raise ConfigError(f"--severity {value!r}: {err}") from None
    return merged


def _run(paths: Sequence[str], config: Config, rules: RuleSet, stdin_filename: str | None) -> list[FileResult]:
    stdin = None
    sources: list = []
    for given in paths:
        if given == "-":
            stdin = click.get_binary_stream("stdin").read()
            sources.append(Source(stdin_filename or "<stdin>", None))
        else:
            sources.extend(discover([given], config))
    # Drop each file's text once it is checked, so that a big tree never sits in memory at once.
    return [_without_text(result) for result in lint_sources(sources, config, rules, stdin)]


def _without_text(result: FileResult) -> FileResult:
    result.decoded = None
    return result


def _report(results: list[FileResult], config: Config, rules: RuleSet, options: dict) -> None:
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    errors = [r.error for r in results if r.error is not None]
    for error in errors:
        click.echo(f"unlint: error: {error}", err=True)
    if not options["quiet"]:
        _write_report(diagnostics, rules, options, tuple(r.path for r in results if r.error is None))
    if errors:
        sys.exit(EXIT_ERROR)
    failing = any(d.severity >= config.fail_on for d in diagnostics)
    sys.exit(EXIT_FINDINGS if failing and not options["exit_zero"] else EXIT_OK)


def _write_report(diagnostics: list[Diagnostic], rules: RuleSet, options: dict, checked: tuple[str, ...]) -> None:
    output_file = options["output_file"]
    to_terminal = output_file is None and sys.stdout.isatty()
    show_source = options["show_source"] if options["show_source"] is not None else to_terminal
    context = ReportContext(rules, show_source=show_source, color=to_terminal, checked=checked)
    report = render(options["output_format"], diagnostics, context)
    if options["statistics"] and options["output_format"] == "text":
        report += _statistics(diagnostics)
    if output_file:
        Path(output_file).write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)


def _statistics(diagnostics: Sequence[Diagnostic]) -> str:
    counts = Counter((d.code, d.rule) for d in diagnostics)
    lines = [f"{count:6d}  {code}  {name}" for (code, name), count in sorted(counts.items())]
    lines.append(f"Found {len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}.")
    return "\n".join(lines) + "\n"


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule, built-in and from plugins."""
    from .ruledocs import rules_json, rules_markdown, rules_table

    rules = _load_rules()
    render_rules = {"text": rules_table, "json": rules_json, "markdown": rules_markdown}[output_format]
    click.echo(render_rules(rules, ENGINE_CODES), nl=False)


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Show the full documentation of rule CODE (a code or a kebab-case name)."""
    from .ruledocs import rule_page

    rules = _load_rules()
    found = rules.get(code)
    if found is None:
        raise UsageFailure(f"unknown rule {code!r} (see 'unlint rules')")
    click.echo(rule_page(found, rules.origins.get(found.code, "")), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
