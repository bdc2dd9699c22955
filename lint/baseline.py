"""Baselines: record today's findings, then report only new ones.

A finding is matched by its file, code, message and the exact text of its
span, never by line number, so that editing a paragraph above an old finding
does not bring it back. Matching counts: a baseline holding a finding twice
absorbs two such findings, and a third is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic

#: The ``version`` key of the file; a baseline of another version is refused.
FORMAT = 1

Key = tuple[str, str, str, str]


class BaselineError(Exception):
    """The baseline file is missing or malformed; ``str()`` names it."""


@dataclass(frozen=True)
class Baseline:
    """Known findings, counted by (path, code, message, span text)."""

    counts: Counter[Key]
    #: Paths are stored relative to this folder (the baseline file's).
    root: Path

    def new_findings(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics the baseline does not absorb, in their order."""
        left = Counter(self.counts)
        fresh = []
        for diagnostic in diagnostics:
            key = _key(diagnostic, self.root)
            if left[key] > 0:
                left[key] -= 1
            else:
                fresh.append(diagnostic)
        return fresh


def _key(diagnostic: Diagnostic, root: Path) -> Key:
    return (_relative(diagnostic.path, root), diagnostic.code, diagnostic.message, diagnostic.span_text)


def _relative(path: str, root: Path) -> str:
    # Display paths depend on where unlint was run from; the baseline must not.
    if path.startswith("<"):  # <stdin>, <text>
        return path
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return Path(relative).as_posix()


def write_baseline(file: Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Record ``diagnostics`` in ``file``; return how many were recorded."""
    root = file.parent
    findings = [
        {"path": path, "code": code, "message": message, "span": span}
        for path, code, message, span in sorted(_key(d, root) for d in diagnostics)
    ]
    from . import __version__  # looked up only when a baseline is written

    data = {"version": FORMAT, "unlint": __version__, "findings": findings}
    try:
        file.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as err:
        raise BaselineError(f"{file}: cannot write the baseline: {err.strerror or err}") from None
    return len(findings)


def load_baseline(file: Path) -> Baseline:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as err:
        raise BaselineError(f"{file}: cannot read the baseline: {err.strerror or err}") from None
    except ValueError as err:
        raise BaselineError(f"{file}: not a unlint baseline (invalid JSON: {err})") from None
    except RecursionError:
        raise BaselineError(f"{file}: not a unlint baseline (JSON nested too deep)") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a unlint baseline of format {FORMAT} (write it again with --write-baseline)")
    try:
        counts = Counter((f["path"], f["code"], f["message"], f["span"]) for f in data["findings"])
    except (KeyError, TypeError):
        raise BaselineError(f"{file}: a finding lacks path, code, message or span") from None
    if not all(isinstance(part, str) for key in counts for part in key):
        raise BaselineError(f"{file}: a finding's path, code, message or span is not a string")
    return Baseline(counts, file.parent)
