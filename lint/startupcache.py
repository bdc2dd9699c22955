"""Start-up work kept between runs of the command, as Python keeps bytecode (issue 18).

Two things a new ``unlint`` process computes again on every start depend only on
the code, not on the documents: the methods :mod:`dataclasses` writes as source
text and compiles for each of the model's classes (about 500 small compiles, the
largest part of start-up's own work), and the patterns a check compiles with
``regex`` (each parsed and optimised in Python). Both have an exact, version-bound
saved form: a compiled code object (``marshal``, as in a ``.pyc``) and a compiled
``regex`` pattern's pickle, which holds its compiled program and is loaded without
parsing the pattern again.

The cache is one file in the package's ``__pycache__`` folder, written under the
same policy as bytecode (not when ``sys.dont_write_bytecode`` is set, and a folder
that cannot be written is no error), and trusted as bytecode is. Entries are keyed
by their whole input (the generated source; the pattern and its flags), and the
file by the interpreter's and ``regex``'s versions, so an entry can only ever give
what compiling its key again would give. A file that does not load is ignored.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import pickle
import sys
from pathlib import Path
from types import CodeType
from typing import Any

import regex

#: Entries kept when the file is rewritten and has grown past this (stale entries of edited code).
MAX_ENTRIES = 4000


def default_path() -> Path:
    return Path(__file__).parent / "__pycache__" / f"startup.{sys.implementation.cache_tag}.bin"


def _versions() -> str:
    return f"{sys.version}|regex {regex.__version__}|{regex.DEFAULT_VERSION}"


class StartUpCache:
    """Compiled dataclass methods and ``regex`` patterns, loaded from and saved to one file."""

    def __init__(self, path: Path | None, saved: dict[Any, bytes] | None = None) -> None:
        self.path = path
        self._saved = saved or {}
        self._used: dict[Any, bytes] = {}
        self._new = False

    @classmethod
    def load(cls, path: Path | None = None) -> StartUpCache:
        """The cache saved at ``path`` (the package's own by default), or an empty one."""
        path = path or default_path()
        try:
            versions, saved = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return cls(path)
        return cls(path, saved if versions == _versions() and isinstance(saved, dict) else None)

    def code(self, source: str) -> CodeType:
        """``source`` compiled as ``exec(source)`` compiles it in a module without ``__future__`` imports."""
        key = ("code", source)
        data = self._entry(key)
        if data is not None:
            with contextlib.suppress(Exception):  # a damaged entry is compiled again, as a bad .pyc is
                return marshal.loads(data)
        # dont_inherit: this module's ``from __future__`` flags must not reach the compiled code
        code = compile(source, "<string>", "exec", dont_inherit=True)
        self._add(key, marshal.dumps(code))
        return code

    def pattern(self, pattern: str, flags: int = 0) -> Any:
        """``regex.compile(pattern, flags)``."""
        key = ("regex", pattern, int(flags))  # a flag enum is an int to regex, not to marshal
        data = self._entry(key)
        if data is not None:
            with contextlib.suppress(Exception):
                return pickle.loads(data)
        compiled = regex.compile(pattern, flags)
        self._add(key, pickle.dumps(compiled))
        return compiled

    def exec(self, source: Any, globals: dict | None = None, locals: dict | None = None) -> None:
        """``exec(source, globals, locals)``, source text compiled through the cache: the form
        :mod:`dataclasses` uses (it always names its namespaces)."""
        if globals is None:  # exec's default namespaces are its caller's, which a wrapper cannot stand for
            caller = sys._getframe(1)
            exec(source, caller.f_globals, caller.f_locals if locals is None else locals)
            return
        exec(self.code(source) if isinstance(source, str) else source, globals, locals)

    def save(self) -> None:
        """Write the file if this run compiled something it did not hold; never raises for the folder."""
        if not self._new or self.path is None or sys.dont_write_bytecode:
            return
        entries = {**self._saved, **self._used}
        if len(entries) > MAX_ENTRIES:
            entries = self._used
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(exist_ok=True)
            temporary.write_bytes(marshal.dumps((_versions(), entries)))
            os.replace(temporary, self.path)  # whole or not at all, even with several processes writing
        except (OSError, ValueError):  # ValueError: an entry marshal cannot write; the run goes on
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return
        self._saved, self._new = entries, False

    def _entry(self, key: Any) -> bytes | None:
        data = self._saved.get(key)
        if data is not None:
            self._used[key] = data
        return data

    def _add(self, key: Any, data: bytes) -> None:
        self._used[key] = data
        self._new = True
