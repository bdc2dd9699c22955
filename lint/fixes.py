"""Applying the fixes rules attach to their findings.

Fixes are applied in rounds, as ruff does: each round applies every chosen fix
whose edits do not overlap an edit already taken, then the text is checked
again, because a fix may make another finding go away or a skipped fix may
apply cleanly to the new text. Rounds stop when nothing more applies, so that
running ``--fix`` a second time changes nothing.
"""

from __future__ import annotations

import enum
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Applicability, Diagnostic, Edit, Fix
from .reading import DecodedText, encode

#: Rounds of fix-and-recheck before giving up on a rule whose fix never settles.
MAX_ROUNDS = 20


class FixMode(enum.StrEnum):
    """Which fixes a run applies: safe ones (``--fix``) or all (``--unsafe-fixes``)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class WriteRefused(Exception):
    """A fixed file was not written; ``str()`` says why, for the user."""


@dataclass(frozen=True)
class FixOutcome:
    """What fixing one document did: its text before and after, and how many fixes went in."""

    original: str
    fixed: str
    applied: int
    #: False when the rounds stopped at :data:`MAX_ROUNDS` with fixes still pending.
    settled: bool = True
    #: True once the fixed text is in the file.
    written: bool = False
    #: Why the fixed text was not written, when it was not.
    refused: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def applicable(fix: Fix | None, mode: FixMode) -> bool:
    """Whether ``fix`` may be applied in ``mode``."""
    if fix is None or not fix.edits:
        return False
    return fix.applicability is Applicability.SAFE or mode == FixMode.UNSAFE


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply the fixes whose edits overlap no other taken edit; return the text and how many applied.

    Fixes are taken in order of their first edit; a fix is all or nothing. Two
    insertions at one offset count as overlapping, since their order would be
    arbitrary.
    """
    taken: list[Edit] = []
    count = 0
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits)):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if _overlapping(edits) or any(_overlaps(edit, other) for edit in edits for other in taken):
            continue
        if all(text[e.start:e.end] == e.replacement for e in edits):
            continue  # a no-op fix must not count as a change
        taken.extend(edits)
        count += 1
    return _spliced(text, sorted(taken, key=lambda e: e.start)), count


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end or a.start == b.start


def _overlapping(edits: Sequence[Edit]) -> bool:
    return any(_overlaps(a, b) for a, b in zip(edits, edits[1:]))


def _spliced(text: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position:edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def fix_text(text: str, diagnostics: Sequence[Diagnostic], mode: FixMode,
             recheck: Callable[[str], list[Diagnostic]]) -> tuple[FixOutcome, list[Diagnostic]]:
    """Fix ``text`` in rounds; return the outcome and the diagnostics of the final text.

    ``diagnostics`` are those of ``text``; ``recheck`` lints a new text.
    """
    current, applied = text, 0
    for _ in range(MAX_ROUNDS):
        fixes = [d.fix for d in diagnostics if applicable(d.fix, mode)]
        if not fixes:
            return FixOutcome(text, current, applied), diagnostics
        new_text, count = apply_fixes(current, fixes)
        if count == 0:
            return FixOutcome(text, current, applied), diagnostics
        current, applied = new_text, applied + count
        diagnostics = recheck(current)
    settled = not any(applicable(d.fix, mode) for d in diagnostics)
    return FixOutcome(text, current, applied, settled), diagnostics


def unified_diff(path: str, outcome: FixOutcome) -> str:
    """A unified diff of the fix (``patch -p0`` applies it), or ``""`` when nothing changed."""
    if not outcome.changed:
        return ""
    import difflib  # only --diff needs it

    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def digest(data: bytes) -> str:
    """The content hash files are compared and cached by."""
    return hashlib.sha256(data).hexdigest()


def write_fixed(path: Path, text: str, decoded: DecodedText, original_digest: str) -> None:
    """Replace ``path`` with ``text`` atomically, in the file's own encoding, BOM and line ends.

    Raises :class:`WriteRefused` when the encoding was a guess or the file changed
    on disk since it was read (its hash is no longer ``original_digest``).
    """
    if not decoded.certain:
        raise WriteRefused(f"not fixed: its encoding ({decoded.encoding}) was inferred, not certain")
    try:
        data = encode(text, decoded)
    except UnicodeEncodeError as err:
        raise WriteRefused(f"not fixed: the fix cannot be written in {decoded.encoding}: {err.reason}") from None
    _ensure_unchanged(path, original_digest)
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".unlint-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        # Checked again just before the rename: the window in which an editor's
        # save could be lost is as small as it can be without locking.
        _ensure_unchanged(path, original_digest)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _ensure_unchanged(path: Path, original_digest: str) -> None:
    try:
        current = path.read_bytes()
    except OSError as err:
        raise WriteRefused(f"not fixed: cannot read it again before writing: {err.strerror or err}") from None
    if digest(current) != original_digest:
        raise WriteRefused("not fixed: the file changed on disk while unlint ran")


def fix_notes(results: Iterable[Any]) -> list[str]:
    """Lines for standard error about the fixes of a run's results (each with ``path`` and ``fix``)."""
    notes: list[str] = []
    fixed = files = 0
    for result in results:
        outcome: FixOutcome | None = result.fix
        if outcome is None:
            continue
        if outcome.refused:
            notes.append(f"warning: {result.path}: {outcome.refused}")
        if not outcome.settled:
            notes.append(f"warning: {result.path}: fixes did not settle after {MAX_ROUNDS} rounds "
                         "(a rule's fix brings its own finding back)")
        if outcome.written:
            fixed, files = fixed + outcome.applied, files + 1
    if files:
        notes.append(f"fixed {fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return notes
