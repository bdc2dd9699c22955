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
    """A fixed file was not written on purpose; ``str()`` says why, for the user (a warning)."""


class WriteFailed(WriteRefused):
    """A fixed file could not be written (no room for the name, read-only folder, full disk): an error."""


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
    #: How it was written, when not simply replaced (through a symbolic link, in place).
    note: str | None = None

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


def unified_diff(path: str, outcome: FixOutcome, decoded: DecodedText | None = None) -> bytes:
    """A unified diff of the fix, or ``b""`` when nothing changed.

    The diff is made of the file's own bytes (its encoding, BOM and line ends,
    lines split at the byte ``\\n`` as ``patch`` splits them), so that
    ``patch -p0`` applies it to CRLF, GB18030 and UTF-16 files alike. Without
    ``decoded`` the texts are taken as UTF-8 with ``\\n`` line ends.
    """
    if not outcome.changed:
        return b""
    import difflib  # only --diff needs it

    if decoded is None:
        before, after = outcome.original.encode(), outcome.fixed.encode()
    else:
        before, after = encode(outcome.original, decoded), encode(outcome.fixed, decoded)
    name = path.encode("utf-8", "surrogateescape")
    lines = difflib.diff_bytes(difflib.unified_diff, _byte_lines(before), _byte_lines(after), name, name)
    return b"".join(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n" for line in lines)


def _byte_lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n")
    return [line + b"\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def digest(data: bytes) -> str:
    """The content hash files are compared and cached by."""
    return hashlib.sha256(data).hexdigest()


#: Temporary files older than this, left beside a document by a killed run, are removed.
STALE_TEMPORARY_SECONDS = 600
_TEMPORARY_SUFFIX = ".unlint-tmp"


def write_fixed(path: Path, text: str, decoded: DecodedText, original_digest: str) -> str | None:
    """Write ``text`` over ``path``, in the file's own encoding, BOM and line ends; say how, if unusual.

    The file is replaced atomically (a temporary file renamed over it), except
    that a symbolic link is written through to its target and a file with
    several hard links is written in place, so that the links keep pointing at
    the fixed text, as ruff does. Raises :class:`WriteRefused` when the encoding
    was a guess, the file is read-only or it changed on disk since it was read
    (its hash is no longer ``original_digest``), and :class:`WriteFailed` when
    writing fails.
    """
    if not decoded.certain:
        raise WriteRefused(f"not fixed: its encoding ({decoded.encoding}) was inferred, not certain")
    try:
        data = encode(text, decoded)
    except UnicodeEncodeError as err:
        raise WriteRefused(f"not fixed: the fix cannot be written in {decoded.encoding}: {err.reason}") from None
    target = path.resolve() if path.is_symlink() else path
    note = f"written through the symbolic link to {target}" if target != path else None
    _ensure_unchanged(target, original_digest)
    info = target.stat()
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteRefused("not fixed: the file is read-only")
    try:
        if info.st_nlink > 1:
            _write_in_place(target, data, original_digest)
            note = f"written in place, to keep its {info.st_nlink} hard links"
        else:
            _replace(target, data, info.st_mode & 0o7777, original_digest)
    except OSError as err:
        raise WriteFailed(f"not fixed: cannot write it: {err.strerror or err}") from None
    _remove_stale_temporaries(target)
    return note


def _temporary_prefix(path: Path) -> str:
    # Short enough that the temporary name fits where the file's own name did.
    return f".{path.name[:100]}."


def _replace(path: Path, data: bytes, mode: int, original_digest: str) -> None:
    import tempfile  # only a fix writes: a plain check does not pay for the import

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=_temporary_prefix(path), suffix=_TEMPORARY_SUFFIX)
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


def _write_in_place(path: Path, data: bytes, original_digest: str) -> None:
    _ensure_unchanged(path, original_digest)
    with path.open("r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _remove_stale_temporaries(path: Path) -> None:
    # A run killed between writing and renaming leaves its temporary file; a
    # later fix of the same file removes it once it is clearly not in use.
    import time

    prefix = _temporary_prefix(path)
    try:
        for entry in os.scandir(path.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(_TEMPORARY_SUFFIX) and entry.is_file():
                if time.time() - entry.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                    os.unlink(entry.path)
    except OSError:
        pass  # litter that cannot be removed does no harm: walks skip hidden files


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is a temporary file of a ``--fix`` (never a document)."""
    return path.name.startswith(".") and path.name.endswith(_TEMPORARY_SUFFIX)


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
        if outcome.note and outcome.written:
            notes.append(f"{result.path}: {outcome.note}")
        if not outcome.settled:
            notes.append(f"warning: {result.path}: fixes did not settle after {MAX_ROUNDS} rounds "
                         "(a rule's fix brings its own finding back)")
        if outcome.written:
            fixed, files = fixed + outcome.applied, files + 1
    if files:
        notes.append(f"fixed {fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return notes
