"""The library API: ``lint_text`` and ``lint_paths``, on the same path as the ``unlint check`` command.

``lint_paths`` reads, decodes and lints through :func:`unlint.pipeline.check_sources`,
exactly as the CLI does (one process, no cache, no fixes); ``lint_text`` lints
a string through :func:`unlint.engine.lint_document`, which both use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from .codes import ENGINE_CODES
from .config import Config, ConfigError, find_config_file, load_config, validate_codes
from .diagnostics import Diagnostic
from .engine import lint_document, make_document
from .files import InputError, Source, discover
from .inputs import RunInputs
from .pipeline import RunOptions, check_sources
from .plugins import RuleSet, load_rules
from .results import FileResult


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


def lint_text(text: str, path: str | None = None, config: Config | None = None,
              rules: RuleSet | None = None) -> list[Diagnostic]:
    """Check ``text`` as one document and return its diagnostics.

    ``path`` names the document in diagnostics and for ``per-file-ignores``.
    Line ends may be ``\\r\\n`` or ``\\r``; they are read as ``\\n``.
    """
    config = config or Config()
    rules = rules or default_rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document = make_document(text, path or "<text>", config, RunInputs.of(config, rules))
    return lint_document(document, config, rules)


def lint_sources(sources: Iterable[Source | InputError], config: Config, rules: RuleSet,
                 stdin: bytes | None = None) -> Iterator[FileResult]:
    """Check each source in turn; unreadable ones yield a result with ``error`` set."""
    return check_sources(sources, RunOptions(config, rules, keep_text=True), stdin)


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
    "ENGINE_CODES",
    "ConfigError",
    "FileResult",
    "default_rules",
    "lint_document",
    "lint_paths",
    "lint_sources",
    "lint_text",
]
