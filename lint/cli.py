"""The ``unlint`` command: a thin layer over :mod:`unlint.pipeline`, the path the library API takes too.

Exit codes (decided in :mod:`unlint.outcome`): 0 no findings at or above the
failing severity; 1 findings; 2 a usage, configuration or input error (one
line on stderr, no traceback).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .config import Config, ConfigError, load_config, parse_document_date, parse_rule_timeout
from .diagnostics import Diagnostic, Severity
from .check_options import CheckOptions, wants_color
from .files import InputError, Source, discover
from .fixes import FixMode, fix_notes, unified_diff
from .funnel import Policy, reports_unused_suppressions, unused_suppressions
from .outcome import EXIT_ERROR, EXIT_OK, Outcome, exit_code
from .parallel import RuleLoader, default_jobs
from .pipeline import RunOptions, check_sources
from .plugins import PluginError, RuleSet
from .printable import printable
from .progress import wants_progress, with_progress
from .reports import FORMATS, ReportContext, find_repository_root, render
from .reading import encode
from .results import FileResult
from .summary import summary_line
from .runner import ENGINE_CODES, check_config, default_rules, resolve_config
from .startup import end_start_up

# The baseline and the findings cache are imported where an option asks for them: a check with
# --no-cache and no baseline (a hook, a benchmark) does without both modules.
if TYPE_CHECKING:
    from .baseline import Baseline


class UsageFailure(click.ClickException):
    """A one-line error and exit code 2, for bad configuration or plugins."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"unlint: error: {printable(self.format_message())}", err=True)


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def _load_rules(load: Callable[[], RuleSet] | None = None) -> RuleSet:
    # default_rules is looked up when called, not bound at import, so that a caller (or a test)
    # that replaces unlint.cli.default_rules is heard
    try:
        return (load or default_rules)()
    except PluginError as err:
        raise UsageFailure(str(err)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "--version", package_name="unlint", prog_name="unlint")  # looked up only when asked
@click.pass_context
def main(context: click.Context) -> None:
    """unlint: check citations and references in United Nations documents."""
    if context.invoked_subcommand != "check":
        end_start_up()  # `check` ends it once its rules are loaded


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
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="sarif: GitHub code scanning; github: Actions annotations; junit: CI test reports.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here instead of standard output.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report; auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it).")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line and a caret under each finding (default: when stdout is a terminal).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule after the report.")
@click.option("--quiet", "-q", is_flag=True,
              help="Print no report on standard output (--output-file is still written); the exit code tells.")
@click.option("--stdin-filename", help="The name of the document read from '-' (standard input).")
@click.option("--rule-timeout", metavar="SECONDS",
              help="Stop a rule that runs longer than this on one document (UNL002); 0: no limit (default: 60).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Read settings from this file instead of searching for one.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place; report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (implies --fix unless --diff).")
@click.option("--diff", is_flag=True,
              help="Print the fixes as a unified diff and write nothing; exit 1 when there is something to fix.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings in this file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Check in this many processes (default: cores).")
@click.option("--no-cache", is_flag=True, help="Check every document again, without reading or writing the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="UNLINT_CACHE_DIR",
              help="Where to keep the cache (default: the user cache directory; env UNLINT_CACHE_DIR).")
def check(paths: tuple[str, ...], **values) -> None:
    """Check the documents in PATHS (files or directories; '-' for standard input)."""
    options = CheckOptions.from_click(values)
    if not paths:
        raise UsageFailure("no paths given (try 'unlint check examples/')")
    rules = _load_rules()
    # The modules and rules live as long as the process: later collections need not walk them.
    owns_process = end_start_up()
    config = _effective_config(paths, options)
    try:
        check_config(config, rules)
    except ConfigError as err:
        raise UsageFailure(str(err)) from None
    results, fixed_stdin = _run(paths, _run_options(config, rules, options, owns_process), options)
    if fixed_stdin is not None:
        # `--fix -`: the fixed text goes to standard output, so the report goes to standard error.
        sys.stdout.buffer.write(fixed_stdin)
        sys.stdout.flush()
        options = replace(options, report_to_stderr=True)
    sys.exit(exit_code(_report(_with_unused_suppressions(results, config), config, rules, options)))


def _effective_config(paths: Sequence[str], options: CheckOptions) -> Config:
    try:
        base = load_config(Path(options.config_file)) if options.config_file else resolve_config(list(paths), None)
        return base.merged(
            select=_codes(options.select),
            extend_select=_codes(options.extend_select),
            ignore=_codes(options.ignore),
            per_file_ignores=_per_file_ignores(options.per_file_ignores, base),
            exclude=(*base.exclude, *options.exclude) if options.exclude else None,
            severity=_severities(options.severities, base),
            document_date=parse_document_date(options.document_date, "--document-date")
            if options.document_date else None,
            fail_on=Severity.parse(options.fail_on) if options.fail_on else None,
            rule_timeout=parse_rule_timeout(options.rule_timeout, "--rule-timeout")
            if options.rule_timeout is not None else None,
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


def _run_options(config: Config, rules: RuleSet, options: CheckOptions, owns_process: bool = False) -> RunOptions:
    baseline = _baseline_of(options)
    # A cached result does not say which suppressions it used: finding unused ones needs every document read.
    if options.no_cache or reports_unused_suppressions(config):
        cache = None
    else:
        from .cache import FindingsCache, default_cache_dir, fingerprint

        folder = Path(options.cache_dir) if options.cache_dir else default_cache_dir()
        cache = FindingsCache(folder, _cache_key(fingerprint(config, rules), baseline))
    # Workers load their own rules; only rules they can load the same way may leave this process.
    loader = RuleLoader()
    return RunOptions(
        config=config,
        rules=rules,
        loader=loader if rules is loader.load() else None,
        fix_mode=options.fix_mode,
        write=not options.diff,
        jobs=options.jobs or default_jobs(),
        cache=cache,
        baseline=baseline,
        freeze_heap=owns_process,  # only the command's own process: not a caller's (CliRunner)
    )


def _with_unused_suppressions(results: list[FileResult], config: Config) -> list[FileResult]:
    if not reports_unused_suppressions(config):
        return results
    used = frozenset().union(*(r.used_suppressions for r in results))
    unused = unused_suppressions(config, used)
    return [*results, FileResult(unused[0].path, unused)] if unused else results


def _cache_key(settings: str, baseline: Baseline | None) -> str:
    # The funnel applies the baseline before results are cached: another baseline, another cache.
    if baseline is None:
        return settings
    recorded = json.dumps([str(baseline.root.resolve()), sorted(baseline.counts.items())], ensure_ascii=False)
    return hashlib.sha256(f"{settings}:{recorded}".encode()).hexdigest()[:32]


def _baseline_of(options: CheckOptions) -> Baseline | None:
    """The baseline the funnel applies; none with --write-baseline, which records every finding."""
    if not options.baseline or options.write_baseline:
        return None
    from .baseline import BaselineError, load_baseline

    try:
        return load_baseline(Path(options.baseline))
    except BaselineError as err:
        raise UsageFailure(str(err)) from None


def _run(paths: Sequence[str], run: RunOptions, options: CheckOptions) -> tuple[list[FileResult], bytes | None]:
    """The results in input order, and with ``--fix -`` the bytes of the fixed standard input."""
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    sources = list(_sources(paths, run.config, options.stdin_filename))
    show = wants_progress(len(sources), options.machine_output, options.quiet)
    # Drop each file's text once it is checked, so that a big tree never sits in memory at once.
    checked = with_progress(check_sources(sources, run, stdin), len(sources), show)
    results, fixed_stdin = [], None
    for result in checked:
        if stdin is not None and run.write and run.fix_mode and result.path == (options.stdin_filename or "<stdin>"):
            fixed_stdin = _fixed_bytes(result, stdin)
        # A fix's diff is written in the file's own encoding: a fixed result keeps its decoding.
        results.append(replace(result, decoded=None) if result.decoded is not None and result.fix is None else result)
    return results, fixed_stdin


def _fixed_bytes(result: FileResult, original: bytes) -> bytes:
    """Standard input after ``--fix``: the fixed text in the input's own encoding, else the input unchanged."""
    outcome = result.fix
    if outcome is None or outcome.refused or not outcome.changed or result.decoded is None:
        return original
    return encode(outcome.fixed, result.decoded)


def _report(results: list[FileResult], config: Config, rules: RuleSet, options: CheckOptions) -> Outcome:
    """Write the report (and the diff or the baseline); return what the exit code depends on."""
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    errors = [r.error for r in results if r.error is not None]
    for error in errors:
        click.echo(f"unlint: error: {printable(str(error))}", err=True)
    for note in fix_notes(results):
        click.echo(f"unlint: {printable(note)}", err=True)
    outcome = Outcome(diagnostics, bool(errors), config.fail_on, options.exit_zero)
    if options.diff:
        diff = b"".join(unified_diff(r.path, r.fix, r.decoded) for r in results if r.fix is not None)
        _emit(diff, options)
        return replace(outcome, diff_nonempty=bool(diff))
    if options.write_baseline:
        from .baseline import BaselineError, write_baseline

        try:
            count = write_baseline(Path(options.write_baseline), diagnostics)
        except BaselineError as err:
            raise UsageFailure(str(err)) from None
        click.echo(f"unlint: recorded {count} finding{'s' if count != 1 else ''} in {options.write_baseline}",
                   err=True)
        return replace(outcome, wrote_baseline=True)
    if not options.quiet or options.output_file:
        unreadable = tuple((r.path, r.error.reason) for r in results if r.error is not None)
        _write_report(diagnostics, rules, options, tuple(r.path for r in results if r.error is None), unreadable)
    return outcome


def _write_report(diagnostics: list[Diagnostic], rules: RuleSet, options: CheckOptions,
                  checked: tuple[str, ...], unreadable: tuple[tuple[str, str], ...] = ()) -> None:
    to_terminal = options.output_file is None and sys.stdout.isatty()
    show_source = options.show_source if options.show_source is not None else to_terminal
    color = wants_color(options.color, to_terminal, os.environ)
    context = ReportContext(rules, show_source=show_source, color=color, checked=checked,
                            root=find_repository_root(Path.cwd()),
                            fix_mode=FixMode.UNSAFE if options.unsafe_fixes else FixMode.SAFE, unreadable=unreadable)
    report = render(options.output_format, diagnostics, context)
    if options.output_format == "text":
        report += (_statistics(diagnostics) if options.statistics else "") + summary_line(diagnostics, context.fix_mode)
    _emit(report, options, color)


def _emit(report: str | bytes, options: CheckOptions, color: bool = False) -> None:
    """Write to ``--output-file`` if given, else to standard output unless ``--quiet``."""
    if options.output_file:
        data = report if isinstance(report, bytes) else report.encode("utf-8")
        try:
            Path(options.output_file).write_bytes(data)
        except OSError as err:
            raise UsageFailure(f"{options.output_file}: cannot write the report: {err.strerror or err}") from None
    elif not options.quiet:
        click.echo(report, nl=False, color=color, err=options.report_to_stderr)


def _statistics(diagnostics: Sequence[Diagnostic]) -> str:
    counts = Counter((d.code, d.rule) for d in diagnostics)
    # The total is the summary line's, which follows.
    return "".join(f"{count:6d}  {code}  {name}\n" for (code, name), count in sorted(counts.items()))


#: ``check`` options that ``compare`` shares: selection, settings, report, exit code and baseline.
_COMPARE_OPTIONS = ("select", "extend_select", "ignore", "per_file_ignores", "severities", "document_date",
                    "fail_on", "exit_zero", "output_format", "output_file", "show_source", "statistics", "quiet",
                    "config_file", "baseline", "write_baseline", "color")
#: The other ``check`` options, as compare runs: no fixes, no cache, no time limit of its own.
_COMPARE_FIXED = {"exclude": (), "rule_timeout": None, "fix": False, "unsafe_fixes": False, "diff": False,
                  "jobs": 1, "no_cache": True, "cache_dir": None, "stdin_filename": None}


@main.command("compare")
@click.argument("paths", nargs=-1, type=str)
@click.option("--pairs", "pair_folders", nargs=2, metavar="DIR_A DIR_B",
              help="Compare each document of DIR_A with its translation in DIR_B (same name or symbol).")
@click.option("--pairs-file", type=click.Path(dir_okay=False),
              help="Compare the pairs listed in this file: ORIGINAL<tab>TRANSLATION, one pair a line.")
def compare(paths: tuple[str, ...], pair_folders: tuple[str, str] | None, pairs_file: str | None, **values) -> None:
    """Compare a TRANSLATION with its ORIGINAL (CMP rules); findings are on the translation."""
    from .compare.pairs import SourcePair, pairs_from_folders, pairs_from_list
    from .compare.run import compare_pairs, load_compare_rules

    given = sum(bool(x) for x in (paths, pair_folders, pairs_file))
    if given != 1 or (paths and len(paths) != 2):
        raise UsageFailure("give ORIGINAL TRANSLATION, or --pairs DIR_A DIR_B, or --pairs-file FILE")
    if paths and any(Path(p).is_dir() for p in paths):
        raise UsageFailure("ORIGINAL and TRANSLATION are files; compare folders with --pairs DIR_A DIR_B")
    options = CheckOptions.from_click({**values, **_COMPARE_FIXED})
    rules = _load_rules(load_compare_rules)
    config = _effective_config(list(paths or pair_folders or (pairs_file,)), options)
    _check_compare_config(config, rules)
    if pair_folders:
        pairs = pairs_from_folders(*pair_folders, config)
    elif pairs_file:
        pairs = pairs_from_list(pairs_file)
    else:
        pairs = discover(list(paths), config)
        found = list(pairs)
        errors = [s for s in found if isinstance(s, InputError)]
        pairs = errors or [SourcePair(found[0], found[1])]
    policy = Policy(config, _baseline_of(options))
    results = list(compare_pairs(pairs, config, rules, policy))
    # A SARIF report describes every rule the tool has, as under `unlint check`.
    sys.exit(exit_code(_report(results, config, _load_rules() if options.output_format == "sarif" else rules,
                               options)))


def _check_compare_config(config: Config, rules: RuleSet) -> None:
    """The settings name known codes; a code of another family is known too (a configuration shared with
    ``unlint check``), though the other families are loaded only to confirm it."""
    try:
        check_config(config, rules)
    except ConfigError:
        try:
            check_config(config, _load_rules())
        except ConfigError as err:
            raise UsageFailure(str(err)) from None


compare.params.extend(p for p in check.params if p.name in _COMPARE_OPTIONS)


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


@main.command("refs")
@click.argument("paths", nargs=-1, type=str, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Read settings (exclude) from this file instead of searching for one.")
@click.option("--stdin-filename", help="The name of the document read from '-' (standard input).")
def list_references(paths: tuple[str, ...], output_format: str, config_file: str | None,
                    stdin_filename: str | None) -> None:
    """List every document symbol and resolution reference in PATHS ('-' for standard input), as unlint parsed them."""
    from .document import Document
    from .files import InputError, read_source
    from .references.listing import reference_rows, render_rows_json, render_rows_text

    try:
        config = load_config(Path(config_file)) if config_file else resolve_config(list(paths), None)
    except ConfigError as err:
        raise UsageFailure(str(err)) from None
    rows: list[dict] = []
    failed = False
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    for source in _sources(paths, config, stdin_filename):
        try:
            if isinstance(source, InputError):
                raise source
            decoded = read_source(source, stdin)
        except InputError as err:
            click.echo(f"unlint: error: {printable(str(err))}", err=True)
            failed = True
            continue
        rows.extend(reference_rows(Document(decoded.text, source.display, config.document_date, decoded.layout)))
    click.echo((render_rows_json if output_format == "json" else render_rows_text)(rows), nl=False)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


def _sources(paths: Sequence[str], config: Config, stdin_filename: str | None) -> Iterator[Source | InputError]:
    """The documents PATHS name, in order; ``-`` is standard input (read once, by the caller)."""
    for given in paths:
        if given == "-":
            yield Source(stdin_filename or "<stdin>", None)
        else:
            yield from discover([given], config)


if __name__ == "__main__":  # pragma: no cover
    main()
