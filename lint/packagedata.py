"""Package data files, read through the package's loader and parsed through a compiled cache.

Parsing the organization registry's TOML takes a fresh process longer than
everything else it loads from disk; unpickling the same values takes a tenth
of that. So a parsed file is kept beside the data, in the package's
``__pycache__`` folder, as Python keeps a module's bytecode beside its source:

- the entry's header holds a key, the hash of the file's bytes, the format and
  the Python version (whose standard library parses it), and a hash of the
  pickled values; an entry whose key differs is stale and is rebuilt, one
  whose hash does not match its values is corrupt and is rebuilt;
- only standard-library parsers (``tomllib``, ``json``) are cached, so that
  what a given file parses to depends on nothing but the key;
- it is written only when bytecode may be written (not with
  ``PYTHONDONTWRITEBYTECODE``), atomically, and a folder that cannot be
  written only means parsing every time.

Files are read with :func:`pkgutil.get_data` rather than
``importlib.resources``, which would import ``zipfile`` and ``tempfile``.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pickle
import pkgutil
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Bumped when the entry layout changes; older entries are then stale.
FORMAT = 1
_MAGIC = b"unlint-data\n"
_HASH_SIZE = 32  # bytes of a SHA-256 digest

_PARSERS: dict[str, Callable[[str], Any]] = {"toml": tomllib.loads, "json": json.loads}


def read_bytes(package: str, *parts: str) -> bytes:
    """The bytes of the data file ``parts`` (relative to the package's folder) of ``package``."""
    data = pkgutil.get_data(package, "/".join(parts))
    if data is None:  # a loader that cannot read data: none of ours
        raise FileNotFoundError(f"{package}: {'/'.join(parts)}")
    return data


def read_text(package: str, *parts: str) -> str:
    """The UTF-8 text of a data file of ``package``."""
    return read_bytes(package, *parts).decode("utf-8")


def load_parsed(package: str, *parts: str, write: bool | None = None, folder: Path | None = None) -> Any:
    """The parsed contents of a ``.toml`` or ``.json`` data file of ``package``, through the compiled cache.

    ``write`` defaults to whether Python may write bytecode; ``folder`` to the
    ``__pycache__`` folder beside the data file (tests give their own).
    """
    name = parts[-1]
    parse = _PARSERS[name.rpartition(".")[2]]
    raw = read_bytes(package, *parts)
    entry = (folder or _cache_folder(package, parts)) / f"{name}.{sys.implementation.cache_tag}.pickle"
    key = _key(name, raw)
    found = _read_entry(entry, key)
    if found is not None:
        try:
            return pickle.loads(found)
        except Exception:  # noqa: BLE001 - whatever the entry holds, parsing the file is the answer
            pass
    value = parse(raw.decode("utf-8"))
    if write if write is not None else not sys.dont_write_bytecode:
        _write_entry(entry, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _key(name: str, raw: bytes) -> bytes:
    header = f"{FORMAT}\0{name}\0{sys.version}\0".encode()
    return hashlib.sha256(header + raw).digest()


def _cache_folder(package: str, parts: tuple[str, ...]) -> Path:
    module = importlib.import_module(package)
    return Path(module.__file__).parent.joinpath(*parts[:-1], "__pycache__")


def _read_entry(entry: Path, key: bytes) -> bytes | None:
    """The pickled values of ``entry`` if it holds ``key`` and is whole, else None."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    start = len(_MAGIC) + 2 * _HASH_SIZE
    if data[:len(_MAGIC)] != _MAGIC or data[len(_MAGIC):len(_MAGIC) + _HASH_SIZE] != key:
        return None  # missing, of another format, or stale
    payload = data[start:]
    if hashlib.sha256(payload).digest() != data[start - _HASH_SIZE:start]:
        return None  # corrupt: truncated or overwritten
    return payload


def _write_entry(entry: Path, key: bytes, payload: bytes) -> None:
    # Written under a name of this process, then renamed: another process reads
    # the old entry or the new one, never half of one.
    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_MAGIC + key + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, entry)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass  # a folder that cannot be written only costs time
