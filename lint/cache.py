"""A cache of findings, so that unchanged documents are not checked again.

An entry is keyed by the document's content hash and its display path (which
``per-file-ignores`` and the diagnostics depend on) under a fingerprint of
everything else the findings depend on: unlint's version, the effective
configuration, and the rules with the files that define them (so that editing
a rule in a development install does not serve stale findings). Entries are
small JSON files, written atomically, in the user's cache directory.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity, Where
from .plugins import RuleSet

#: Bumped when the entry format changes; old entries are then never read.
FORMAT = 3

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache directory created by unlint.\n"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/unlint`` (``~/.cache/unlint``), or the platform's own place."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "unlint" / "Cache"
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return Path.home() / "Library" / "Caches" / "unlint"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    # The XDG spec says a relative value is invalid and must be ignored.
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "unlint"


def fingerprint(config: Config, rules: RuleSet) -> str:
    """A hash of what findings depend on besides the document itself."""
    from . import __version__  # looked up only when the cache is used

    settings = {f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name != "source"}
    parts = {
        "format": FORMAT,
        "unlint": __version__,
        "config": settings,
        "rules": [(r.code, r.name, str(r.severity), rules.origins.get(r.code, "")) for r in rules],
        "organizations": rules.organizations,
        "sources": [_stamp(path) for path in _code_files(rules)],
    }
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


_CODE_SUFFIXES = {".py", ".lark", ".csv", ".toml", ".json"}


def _code_files(rules: RuleSet) -> list[str]:
    # The engine, the built-in families with their data, the grammars, and
    # every file of the package or distribution a plugin's rule comes from
    # (a rule's message may be built by a helper module beside it).
    files: set[str] = set()
    for package in ("unlint", "unlint.rules", "unlint.grammars"):
        files.update(_package_files(package))
    modules = {rule.check.__module__ for rule in rules}
    for name in sorted(modules):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None):
            files.add(module.__file__)
            files.update(_package_data(module))
            files.update(_plugin_files(name))
    return sorted(files)


def _package_files(package: str) -> set[str]:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return set()
    files: set[str] = set()
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        files.update(str(p) for p in Path(folder).rglob("*") if p.suffix in _CODE_SUFFIXES)
    return files


def _plugin_files(module_name: str) -> set[str]:
    top = module_name.partition(".")[0]
    if top == "unlint":
        return set()
    found = _package_files(top)  # a package: every module and data file in it
    return found or _distribution_files(top)


def _distribution_files(top: str) -> set[str]:
    # A plugin that is a single top-level module: the files its distribution
    # installed (its helper modules among them), found through the plugin's
    # entry point, which names both the module and the distribution.
    import importlib.metadata

    files: set[str] = set()
    for entry_point in importlib.metadata.entry_points(group="unlint.rules"):
        if entry_point.module.partition(".")[0] != top or entry_point.dist is None:
            continue
        for file in entry_point.dist.files or ():
            if file.suffix in _CODE_SUFFIXES and not file.parts[0].endswith(".dist-info"):
                files.add(str(file.locate()))
    return files


def _package_data(module: Any) -> Iterable[str]:
    # A plugin reads data files beside it, as the built-in families do (data/*.csv).
    # Not what is derived from them in __pycache__ (unlint's compiled data, written on a
    # first run): the findings do not change when a compiled form is written.
    data = Path(module.__file__).parent / "data"
    if not data.is_dir():
        return ()
    return (str(p) for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.relative_to(data).parts)


def _stamp(path: str) -> tuple[str, int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, stat.st_size, stat.st_mtime_ns)


class FindingsCache:
    """Diagnostics by document, stored under ``folder``; a miss returns ``None``."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, path: str, content_digest: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{path}\0{content_digest}".encode()).hexdigest()

    def _entry(self, key: str) -> str:
        # A string, not a Path: a cached run builds one per document.
        return os.path.join(self.folder, f"v{FORMAT}", key[:2], f"{key}.json")

    def get(self, path: str, content_digest: str) -> list[Diagnostic] | None:
        key = self.key(path, content_digest)
        try:
            # Bytes decoded here, not by a text stream or by json (which checks the encoding):
            # a cached run reads an entry per document.
            with open(self._entry(key), "rb") as stream:
                entry = json.loads(stream.read().decode("utf-8"))
            if not _is_entry(entry, key):
                return None
            return [_from_json(item, path) for item in entry["findings"]]
        # Anything wrong in an entry (missing, damaged, nested too deep, fields of
        # the wrong type, planted by hand) is a miss: the document is checked again.
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, path: str, content_digest: str, diagnostics: Sequence[Diagnostic]) -> None:
        key = self.key(path, content_digest)
        entry = Path(self._entry(key))
        data = json.dumps({"key": key, "findings": [_to_json(d) for d in diagnostics]}, ensure_ascii=False)
        import tempfile  # only a miss writes: a fully cached run does not pay for the import

        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(data)
            os.replace(temporary, entry)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _prepare(self) -> None:
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            tag.write_text(_TAG, encoding="utf-8")
            # A cache placed inside a repository (--cache-dir .unlint_cache) ignores itself.
            (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")


def _to_json(d: Diagnostic) -> list:
    # A finding is a list of its fields in this order, not an object keyed by their names: a
    # cached run decodes every finding of every document, and a list decodes faster.
    return [
        d.code, d.rule, d.severity.name, d.message, d.start.line, d.start.column, d.end.line, d.end.column,
        d.offset, d.end_offset, d.span_text, d.source_line,
        None if d.where is None else [d.where.page, d.where.paragraph, d.where.heading],
        None if d.fix is None else [
            d.fix.applicability.value,
            [[e.start, e.end, e.replacement, _pair(e.start_position), _pair(e.end_position)] for e in d.fix.edits],
        ],
    ]


def _pair(position: Position | None) -> list[int] | None:
    return None if position is None else [position.line, position.column]


def _is_entry(entry: object, key: str) -> bool:
    # An entry names its own key, so that a stray or planted file (``[]``, one
    # copied from another document) never passes for a document's findings.
    return isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("findings"), list)


def _position(pair: object) -> Position | None:
    return None if pair is None else _place(pair)


# A cached run decodes every finding of every document: the checks below are
# written out rather than through a helper per field, which cost a Python call
# (and a generator for each pair) per value: about a fifth of a cached run's CPU time.

def _place(pair: object) -> Position:
    if type(pair) is list and len(pair) == 2:  # noqa: E721
        line, column = pair
        if type(line) is int and type(column) is int:  # noqa: E721 - bool is not an int here
            return Position(line, column)
    raise TypeError("expected a list of two integers")


def _typed(value: object, kind: type) -> Any:
    if type(value) is not kind:  # noqa: E721 - bool is not an int here
        raise TypeError(f"expected {kind.__name__}")
    return value


def _from_json(item: list, path: str) -> Diagnostic:
    # Every field is checked: a report (junit, sarif) must never meet a wrong type.
    if type(item) is not list:  # noqa: E721
        raise TypeError("expected a list")
    (code, rule, severity, message, line, column, end_line, end_column, offset, end_offset, span, source, where,
     fix) = item
    if not (type(code) is str and type(rule) is str and type(severity) is str and type(message) is str  # noqa: E721
            and type(line) is int and type(column) is int and type(end_line) is int  # noqa: E721
            and type(end_column) is int and type(offset) is int and type(end_offset) is int  # noqa: E721
            and type(span) is str and type(source) is str):  # noqa: E721
        raise TypeError("a finding's field has the wrong type")
    return Diagnostic(
        path, code, rule, Severity[severity], message, Position(line, column), Position(end_line, end_column),
        offset, end_offset, None if fix is None else _fix(fix), span, source, _where(where),
    )


def _where(value: object) -> Where | None:
    if value is None:
        return None
    page, paragraph, heading = _typed(value, list)
    if not (page is None or type(page) is int) or not all(v is None or type(v) is str for v in (paragraph, heading)):  # noqa: E721
        raise TypeError("expected a page and two strings")
    return Where(page, paragraph, heading)


def _fix(fix: object) -> Fix:
    applicability, edits = _typed(fix, list)
    made = []
    for edit in _typed(edits, list):
        start, end, replacement, start_position, end_position = _typed(edit, list)
        if not (type(start) is int and type(end) is int and type(replacement) is str):  # noqa: E721
            raise TypeError("an edit's field has the wrong type")
        made.append(Edit(start, end, replacement, _position(start_position), _position(end_position)))
    return Fix(tuple(made), Applicability(applicability))
