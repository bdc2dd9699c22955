"""Configuration: ``[tool.unlint]`` in ``pyproject.toml`` or an ``unlint.toml``.

Found by walking up from the checked files; an ``unlint.toml`` wins over a
``pyproject.toml`` in the same folder. The keys are the CLI's long options
(``select``, ``ignore``, ...); CLI options override the file.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .diagnostics import Severity
from .suppress import Suppression, SuppressionError, parse_suppressions


#: Generous on purpose: the limit is there to stop a rule that hangs, not one that is slow on a big file.
DEFAULT_RULE_TIMEOUT = 60.0


class ConfigError(Exception):
    """The configuration is malformed; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """The effective settings of a run. Immutable: rules may read, never write."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    document_date: dt.date | None = None
    fail_on: Severity = Severity.WARNING
    #: Extra document-symbol series a user's documents cite (SYM rules).
    known_series: tuple[str, ...] = ()
    #: Extra organization entries for the registry (ORG and AGD rules).
    organizations: tuple[Mapping[str, Any], ...] = ()
    #: Findings silenced by content (``[[tool.unlint.suppress]]``, see suppress.py).
    suppress: tuple[Suppression, ...] = ()
    #: Seconds one rule may take on one document before it is stopped (UNL002); 0 or None: no limit.
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT
    #: Where the settings came from, for messages; ``None`` for defaults.
    source: Path | None = None

    def merged(self, **overrides: Any) -> Config:
        """A copy with every override that is not ``None`` applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def selectors(self) -> Iterable[str]:
        yield from self.select
        yield from self.extend_select
        yield from self.ignore
        for codes in self.per_file_ignores.values():
            yield from codes
        yield from self.severity
        yield from (s.code for s in self.suppress)

    def is_enabled(self, code: str, path: str | None = None) -> bool:
        """Whether rule ``code`` runs; the most specific matching prefix decides (ruff's rule)."""
        chosen = _longest_prefix(code, (*self.select, *self.extend_select))
        ignored = _longest_prefix(code, self.ignore)
        if chosen < 0 or ignored >= chosen and ignored >= 0:
            return False
        return not (path is not None and self.per_file_ignores and self._ignored_in_file(code, path))

    def _ignored_in_file(self, code: str, path: str) -> bool:
        posix = Path(path).as_posix()
        for pattern, codes in self.per_file_ignores.items():
            if _path_matches(posix, pattern) and _longest_prefix(code, codes) >= 0:
                return True
        return False

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def is_excluded(self, path: Path, root: Path | None = None) -> bool:
        """Whether ``path`` matches an ``exclude`` pattern (gitignore-like globs)."""
        if not self.exclude:
            return False
        base = root or (self.source.parent if self.source else Path.cwd())
        try:
            relative = path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return any(_path_matches(relative, pattern) for pattern in self.exclude)


def _longest_prefix(code: str, selectors: Iterable[str]) -> int:
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def _path_matches(relative: str, pattern: str) -> bool:
    pattern = pattern.strip("/") if not pattern.startswith("**") else pattern
    parts = relative.split("/")
    # "name" matches any path component, "dir/*.txt" the path or any suffix of it.
    return any(fnmatch.fnmatchcase("/".join(parts[i:]), pattern) for i in range(len(parts))) or any(
        fnmatch.fnmatchcase(part, pattern) for part in parts
    )


# -- reading files --------------------------------------------------------

_LIST_KEYS = {"select", "extend-select", "ignore", "exclude", "known-series"}
_KNOWN_KEYS = _LIST_KEYS | {"per-file-ignores", "severity", "document-date", "fail-on", "organizations", "rule-timeout",
                            "suppress"}


def find_config_file(start: Path) -> Path | None:
    """The nearest ``unlint.toml``, or ``pyproject.toml`` with ``[tool.unlint]``, at or above ``start``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "unlint.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and _unlint_table(project) is not None:
            return project
    return None


def load_config(path: Path) -> Config:
    """Read the settings in ``path`` (an ``unlint.toml`` or a ``pyproject.toml``)."""
    table = (_unlint_table(path) or {}) if path.name == "pyproject.toml" else _read_toml(path)
    return config_from_mapping(table, source=path)


def _unlint_table(pyproject: Path) -> dict[str, Any] | None:
    """``[tool.unlint]`` of a ``pyproject.toml``, ``None`` when absent; a table of the wrong type is an error."""
    tool = _read_toml(pyproject).get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{pyproject}: tool must be a table ([tool]), not {_type_name(tool)}")
    table = tool.get("unlint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: tool.unlint must be a table ([tool.unlint]), not {_type_name(table)}")
    return table


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array"}.get(
        type(value), type(value).__name__)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror}") from None


def config_from_mapping(table: Mapping[str, Any], source: Path | None = None) -> Config:
    """Build a :class:`Config` from ``[tool.unlint]``-style keys, checking each."""
    where = f"{source}: " if source else ""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}the settings must be a table, not {_type_name(table)}")
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}unknown setting {unknown[0]!r} (known: {', '.join(sorted(_KNOWN_KEYS))})")
    values: dict[str, Any] = {"source": source}
    for key in _LIST_KEYS & set(table):
        values[key.replace("-", "_")] = _string_list(table[key], f"{where}{key}")
    if "per-file-ignores" in table:
        values["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], where)
    if "severity" in table:
        values["severity"] = _severity_table(table["severity"], where)
    if "document-date" in table:
        values["document_date"] = parse_document_date(table["document-date"], f"{where}document-date")
    if "fail-on" in table:
        values["fail_on"] = _severity(table["fail-on"], f"{where}fail-on")
    if "organizations" in table:
        values["organizations"] = _organizations(table["organizations"], where)
    if "rule-timeout" in table:
        values["rule_timeout"] = parse_rule_timeout(table["rule-timeout"], f"{where}rule-timeout")
    if "suppress" in table:
        try:
            values["suppress"] = parse_suppressions(table["suppress"], where)
        except SuppressionError as err:
            raise ConfigError(str(err)) from None
    return Config(**values)


def _string_list(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{what} must be a list of strings")
    return tuple(v.strip() for v in value)


def _per_file_ignores(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}per-file-ignores must be a table of glob = [codes]")
    return {glob: _string_list(codes, f"{where}per-file-ignores.{glob}") for glob, codes in value.items()}


def _severity_table(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}severity must be a table of CODE = \"error\"|\"warning\"|\"info\"")
    return {code.upper(): _severity(level, f"{where}severity.{code}") for code, level in value.items()}


def _severity(value: Any, what: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as err:
        raise ConfigError(f"{what}: {err}") from None


def parse_document_date(value: Any, what: str = "document-date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{what}: {value!r} is not a date like 2018-08-17") from None


#: The range a rule time limit may take: below it every rule would time out, above
#: it the system timer overflows (and a day is no limit on one document anyway).
MIN_RULE_TIMEOUT, MAX_RULE_TIMEOUT = 0.001, 86_400.0


def parse_rule_timeout(value: Any, what: str = "rule-timeout") -> float:
    """Seconds as a number in the accepted range; 0 turns the limit off."""
    try:
        seconds = float(value)
    except (TypeError, ValueError, OverflowError):
        seconds = -1.0
    if isinstance(value, bool) or not seconds >= 0 or seconds == float("inf"):
        raise ConfigError(f"{what}: {value!r} is not a number of seconds (0 for no limit)")
    if seconds and not MIN_RULE_TIMEOUT <= seconds <= MAX_RULE_TIMEOUT:
        raise ConfigError(f"{what}: {value!r} is out of range: 0 (no limit) or {MIN_RULE_TIMEOUT:g} to "
                          f"{MAX_RULE_TIMEOUT:g} seconds")
    return seconds


def _organizations(value: Any, where: str) -> tuple[Mapping[str, Any], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}organizations must be an array of tables ([[tool.unlint.organizations]])")
    for entry in value:
        if not isinstance(entry.get("zh"), str):
            raise ConfigError(f"{where}organizations: every entry needs a Chinese name in 'zh'")
    _check_registry(value, where)
    return tuple(value)


#: The keys of an organization entry that hold lists (a single string is accepted too).
_ORGANIZATION_LISTS = ("abbreviations", "variants", "errors", "bounded", "former")


def _check_registry(entries: list[dict[str, Any]], where: str) -> None:
    # Built here once, as the ORG and AGD rules will build it, so that a bad entry
    # is one line now rather than a rule failure in every file.
    from unlint.rules.registry import load_registry  # the rule family the key is for

    for number, entry in enumerate(entries, start=1):
        name = f"{where}organizations entry {number} ({entry['zh']})"
        for key in _ORGANIZATION_LISTS:
            if key in entry and not isinstance(entry[key], (list, str)):
                raise ConfigError(f"{name}: '{key}' must be an array, not {_type_name(entry[key])}")
        try:
            load_registry([entry])
        except (TypeError, AttributeError, KeyError) as err:
            raise ConfigError(f"{name}: a value of the wrong type ({err})") from None
        except ValueError as err:  # a RegistryError
            raise ConfigError(f"{name}: {err}") from None
    try:
        load_registry(entries)
    except (ValueError, TypeError, AttributeError, KeyError) as err:
        raise ConfigError(f"{where}organizations: {err}") from None


def validate_codes(config: Config, known_codes: Iterable[str]) -> None:
    """Every code or prefix the settings name must match a known rule."""
    known = tuple(known_codes)
    for selector in config.selectors():
        if selector == "ALL":
            continue
        if not any(code.startswith(selector.upper()) for code in known) or selector != selector.upper():
            where = f"{config.source}: " if config.source else ""
            raise ConfigError(f"{where}unknown rule code or prefix {selector!r}")
