"""Finding the documents to check and reading them into text."""

from __future__ import annotations

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
            yield InputError(given, "no such file or directory" if not path.is_symlink() else "broken symbolic link")
        elif path.is_dir():
            yield from _walk(given, path, config)
        else:
            yield Source(given, path)


def _walk(given: str, root: Path, config: Config) -> Iterator[Source | InputError]:
    found = False
    seen_dirs: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=None):
        stat = os.stat(folder)
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
            yield Source(_display(given, root, candidate), candidate)
    if not found:
        yield InputError(given, f"no documents ({', '.join('*' + s for s in DOCUMENT_SUFFIXES)}) in this directory")


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
    data = read_bytes(source, stdin)
    try:
        return decode(data)
    except DecodeError as err:
        raise InputError(source.display, str(err)) from None
