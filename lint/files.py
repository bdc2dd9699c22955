"""Finding the documents to check and reading them into text."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import formats
from .config import Config
from .fixes import is_temporary
from .reading import DecodedText, DecodeError, decode

#: File name endings a directory walk picks up.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", *formats.SUFFIXES)

#: Folders a walk never enters (build litter and environments), besides hidden ones.
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "build", "dist", "venv", "site-packages"})



class InputError(Exception):
    """A path could not be checked; ``str()`` is the one line shown to the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple:
        # Exception pickles as ``cls(*self.args)``, and args holds the one joined
        # message: a worker's error could not be rebuilt in the parent process.
        return (type(self), (self.path, self.reason))


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
        elif is_temporary(path):
            continue  # litter of a --fix killed mid-write (a hook may pass it along): never a document
        elif _is_special_path(path):
            yield InputError(given, "not a regular file (a pipe or a device; use - for standard input)")
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
    # Display paths are the given folder's, then the names below it joined with "/".
    prefix = "" if given in {".", "./"} else f"{given.rstrip('/')}/"
    for item in _walk_folder(given, root, root, prefix, config, set()):
        found = found or isinstance(item, Source)
        yield item
    if not found:
        yield InputError(given, f"no documents ({', '.join('*' + s for s in DOCUMENT_SUFFIXES)}) in this directory")


def _walk_folder(given: str, root: Path, folder: Path, prefix: str, config: Config,
                 seen: set[tuple[int, int]]) -> Iterator[Source | InputError]:
    # Depth first, files and folders together in name order, so that output is
    # sorted by path; a folder reached again through a symbolic link loop is skipped.
    # ``prefix`` is the folder's display path and a "/" (built along the walk: a
    # relative_to per file was nearly half the cost of the walk).
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield InputError(_display(given, root, folder), f"cannot read directory: {err.strerror or err}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or config.is_excluded(path):
            continue
        if _is_dir(entry):
            if entry.name in SKIPPED_FOLDERS or entry.name.endswith(".egg-info"):
                continue
            yield from _walk_folder(given, root, path, f"{prefix}{entry.name}/", config, seen)
        elif entry.name.lower().endswith(DOCUMENT_SUFFIXES):
            if _is_special(entry):  # reading a FIFO would block the run, a device might never end
                yield InputError(f"{prefix}{entry.name}", "not a regular file")
            else:
                yield Source(f"{prefix}{entry.name}", path)


def _is_special_path(path: Path) -> bool:
    # A FIFO given by name would block forever on reading; a device might never end.
    try:
        mode = path.stat().st_mode
    except OSError:  # reading it reports why
        return False
    return not stat.S_ISREG(mode)


def _is_special(entry: os.DirEntry) -> bool:
    try:
        return not stat.S_ISREG(entry.stat().st_mode)
    except OSError:  # a broken link or a loop: reading it reports why
        return False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _display(given: str, root: Path, candidate: Path) -> str:
    relative = candidate.relative_to(root).as_posix()
    return relative if given in {".", "./"} else f"{given.rstrip('/')}/{relative}"


def read_bytes(source: Source, stdin: bytes | None = None) -> bytes:
    """Read one document's bytes, or raise :class:`InputError`."""
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
    return data or b""


def read_source(source: Source, stdin: bytes | None = None) -> DecodedText:
    """Read and decode one document, or raise :class:`InputError`."""
    return decode_source(source, read_bytes(source, stdin))


def decode_source(source: Source, data: bytes) -> DecodedText:
    """Turn a document's bytes into text: Word and PDF by their ending, the rest decoded as text.

    Standard input goes by the ending of its display name (``--stdin-filename``).
    """
    suffix = (source.path or Path(source.display)).suffix.lower()
    try:
        return formats.read_document(suffix, data) if formats.handles(suffix) else decode(data)
    except (DecodeError, formats.FormatError) as err:
        raise InputError(source.display, str(err)) from None
