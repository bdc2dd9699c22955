"""The last line of a text report: how many findings, how bad, and how many ``--fix`` would mend."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from . import formats
from .diagnostics import Diagnostic, Severity
from .fixes import FixMode, applicable


def fixable(diagnostic: Diagnostic, mode: FixMode) -> bool:
    """Whether ``--fix`` (or ``--unsafe-fixes``, by ``mode``) would apply this finding's fix.

    Never for a Word or PDF document: its text is a reading of the file, and nothing is written back.
    """
    return applicable(diagnostic.fix, mode) and not _read_only(diagnostic.path)


@lru_cache(maxsize=4096)
def _read_only(path: str) -> bool:
    # Asked for every finding of a report, up to three times: a path is parsed once.
    return formats.handles(Path(path).suffix)


def summary_line(diagnostics: Sequence[Diagnostic], mode: FixMode = FixMode.SAFE) -> str:
    """``Found 49 findings (3 errors, 46 warnings); 12 fixable with --fix.``; empty when there are none."""
    if not diagnostics:
        return ""
    counts = Counter(d.severity for d in diagnostics)
    parts = [_plural(counts[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    line = f"Found {_plural(len(diagnostics), 'finding')} ({', '.join(parts)})"
    safe = sum(fixable(d, FixMode.SAFE) for d in diagnostics)
    unsafe = sum(fixable(d, FixMode.UNSAFE) for d in diagnostics) - safe
    if mode is FixMode.UNSAFE and safe + unsafe:
        line += f"; {safe + unsafe} fixable with --unsafe-fixes"
    elif safe:
        line += f"; {safe} fixable with --fix" + (f" ({unsafe} more with --unsafe-fixes)" if unsafe else "")
    elif unsafe:
        line += f"; {unsafe} fixable with --unsafe-fixes"
    return line + ".\n"


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'s' if count != 1 else ''}"
