"""Finding the documents to check and reading them into text."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .reading import DecodedText, DecodeError, decode

#: File name endings a directory walk picks up.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt",)


class InputError(Exception):
    """A path could not be checked; ``str()`` is the one line shown to the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Source:
    """A document to check: its display path and where to read it from."""

    display: str
    path: Path | None  # None for standard input


def discover(paths: Sequence[str], config: Config) -> Iterator[Source | InputError]:
    """Yield each document under ``paths`` in a stable order, or an error for a bad path.

    Directories are walked lazily (never all held at once), skipping hidden
    folders and what ``exclude`` names. A path given explicitly is checked
    whatever its ending.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError(given, _missing_reason(path))
        elif path.is_dir():
            yield from _walk(given, path, config)
        else:
            yield Source(given, path)


def _missing_reason(path: Path) -> str:
    if not path.is_symlink():
        return "no such file or directory"
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _walk(given: str, root: Path, config: Config) -> Iterator[Source | InputError]:
    found = False
    seen_dirs: set[tuple[int, int]] = set()
    unlisted: list[OSError] = []  # filled by os.walk's onerror hook
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=unlisted.append):
        for error in _folder_errors(given, root, unlisted):
            found = True
            yield error
        try:
            stat = os.stat(folder)
        except OSError:  # removed while we walk
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen_dirs:  # a symlink loop
            dirs[:] = []
            continue
        seen_dirs.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not config.is_excluded(Path(folder, d)))
        for name in sorted(files):
            candidate = Path(folder, name)
            if name.startswith(".") or not name.lower().endswith(DOCUMENT_SUFFIXES) or config.is_excluded(candidate):
                continue
            found = True
            if candidate.exists() and not candidate.is_file():  # a FIFO would block the run, a device never end
                yield InputError(_display(given, root, candidate), "not a regular file")
            else:
                yield Source(_display(given, root, candidate), candidate)
    for error in _folder_errors(given, root, unlisted):
        found = True
        yield error
    if not found:
        yield InputError(given, f"no documents ({', '.join('*' + s for s in DOCUMENT_SUFFIXES)}) in this directory")


def _folder_errors(given: str, root: Path, errors: list[OSError]) -> list[InputError]:
    # A folder that vanished since its parent was listed is no error; one we may not read is.
    reported = []
    for err in errors:
        if isinstance(err, FileNotFoundError) or err.filename is None:
            continue
        folder = Path(err.filename)
        where = given if folder == root else _display(given, root, folder)
        reason = "permission denied" if isinstance(err, PermissionError) else f"cannot list: {err.strerror or err}"
        reported.append(InputError(where, f"{reason} (folder not checked)"))
    errors.clear()
    return reported


def _display(given: str, root: Path, candidate: Path) -> str:
    relative = candidate.relative_to(root).as_posix()
    return relative if given in {".", "./"} else f"{given.rstrip('/')}/{relative}"


def read_source(source: Source, stdin: bytes | None = None) -> DecodedText:
    """Read and decode one document, or raise :class:`InputError`."""
    try:
        data = stdin if source.path is None else source.path.read_bytes()
    except IsADirectoryError:
        raise InputError(source.display, "is a directory") from None
    except PermissionError:
        raise InputError(source.display, "permission denied") from None
    except FileNotFoundError:
        raise InputError(source.display, "no such file (removed while unlint ran?)") from None
    except OSError as err:
        raise InputError(source.display, f"cannot read: {err.strerror or err}") from None
    try:
        return decode(data or b"")
    except DecodeError as err:
        raise InputError(source.display, str(err)) from None
