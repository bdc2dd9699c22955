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
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity
from .plugins import RuleSet

#: Bumped when the entry format changes; old entries are then never read.
FORMAT = 1

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
    # every module a plugin's rule is defined in.
    files: set[str] = set()
    for package in ("unlint", "unlint.rules", "unlint.grammars"):
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or ()) if spec else ():
            files.update(str(p) for p in Path(folder).rglob("*") if p.suffix in _CODE_SUFFIXES)
    for rule in rules:
        module = sys.modules.get(rule.check.__module__)
        if module is not None and getattr(module, "__file__", None):
            files.add(module.__file__)
            files.update(_package_data(module))
    return sorted(files)


def _package_data(module: Any) -> Iterable[str]:
    # A plugin reads data files beside it, as the built-in families do (data/*.csv).
    data = Path(module.__file__).parent / "data"
    return (str(p) for p in data.rglob("*") if p.is_file()) if data.is_dir() else ()


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

    def _entry(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, path: str, content_digest: str) -> list[Diagnostic] | None:
        try:
            raw = self._entry(self.key(path, content_digest)).read_text(encoding="utf-8")
            return [_from_json(item, path) for item in json.loads(raw)]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: check the document again

    def put(self, path: str, content_digest: str, diagnostics: Sequence[Diagnostic]) -> None:
        entry = self._entry(self.key(path, content_digest))
        data = json.dumps([_to_json(d) for d in diagnostics], ensure_ascii=False)
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


def _to_json(d: Diagnostic) -> dict:
    return {
        "code": d.code, "rule": d.rule, "severity": d.severity.name, "message": d.message,
        "start": [d.start.line, d.start.column], "end": [d.end.line, d.end.column],
        "offset": d.offset, "end_offset": d.end_offset, "span": d.span_text, "source": d.source_line,
        "fix": None if d.fix is None else {
            "applicability": d.fix.applicability.value,
            "edits": [[e.start, e.end, e.replacement, _pair(e.start_position), _pair(e.end_position)]
                      for e in d.fix.edits],
        },
    }


def _pair(position: Position | None) -> list[int] | None:
    return None if position is None else [position.line, position.column]


def _position(pair: list[int] | None) -> Position | None:
    return None if pair is None else Position(*pair)


def _from_json(item: dict, path: str) -> Diagnostic:
    fix = item["fix"]
    return Diagnostic(
        path=path, code=item["code"], rule=item["rule"], severity=Severity[item["severity"]],
        message=item["message"], start=Position(*item["start"]), end=Position(*item["end"]),
        offset=item["offset"], end_offset=item["end_offset"],
        fix=None if fix is None else Fix(
            tuple(Edit(s, e, r, _position(sp), _position(ep)) for s, e, r, sp, ep in fix["edits"]),
            Applicability(fix["applicability"]),
        ),
        span_text=item["span"], source_line=item["source"],
    )
