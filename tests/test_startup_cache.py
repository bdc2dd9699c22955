"""The start-up cache (unlint.startupcache): what it gives back is what compiling again gives.

Its speed is bench/run.py's business (`--only startup`); these tests hold it to
being exact, bound to the versions it was made with, and harmless when its file
is missing, damaged or cannot be written.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from tests.conftest import CORPUS
from unlint import patterns
from unlint.startupcache import StartUpCache


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch):
    # The cache is written under bytecode's policy; the suite may run with PYTHONDONTWRITEBYTECODE set.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _model(cache: StartUpCache | None) -> type:
    # A frozen dataclass with defaults and a default factory: every method dataclasses writes.
    namespace = {"__annotations__": {"code": "str", "line": "int", "notes": "tuple[str, ...]"}, "__module__": __name__,
                 "line": 1, "notes": dataclasses.field(default_factory=tuple)}
    cls = type("Finding", (), namespace)
    if cache is None:
        return dataclasses.dataclass(frozen=True, order=True)(cls)
    dataclasses.exec = cache.exec  # as unlint.startup installs it
    try:
        return dataclasses.dataclass(frozen=True, order=True)(cls)
    finally:
        del dataclasses.exec


def _methods(cls: type) -> dict[str, tuple]:
    shown = {}
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__lt__", "__setattr__", "__delattr__"):
        function = getattr(cls, name)
        function = getattr(function, "__wrapped__", function)  # __repr__ is wrapped against recursion
        code = function.__code__
        shown[name] = (function.__module__, code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_flags,
                       {k: str(v) for k, v in function.__annotations__.items()})
    return shown


def test_dataclass_methods_compiled_through_the_cache_are_those_compiled_without_it(tmp_path):
    plain = _model(None)
    first = StartUpCache.load(tmp_path / "c.bin")
    made = _model(first)  # compiled, then saved
    first.save()
    again = StartUpCache.load(tmp_path / "c.bin")
    loaded = _model(again)
    assert not again._new  # every method came from the file
    assert _methods(made) == _methods(plain) == _methods(loaded)
    # The annotations are objects, not strings: the cache's own `from __future__` did not leak.
    assert plain.__init__.__annotations__["return"] is None is loaded.__init__.__annotations__["return"]
    one = loaded("ORG001", 3)
    assert one == loaded("ORG001", 3) and hash(one) == hash(loaded("ORG001", 3)) and one < loaded("ORG002")
    assert repr(one) == "Finding(code='ORG001', line=3, notes=())"
    try:
        one.line = 4
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a frozen class from the cache must stay frozen")


def _our_patterns() -> list[patterns._OnUse]:
    import unlint.cli  # noqa: F401 - loads every module whose patterns a check uses
    from unlint.runner import default_rules

    default_rules()
    found = {}
    for module in list(sys.modules.values()):
        if (getattr(module, "__name__", "") or "").startswith("unlint"):
            for value in vars(module).values():
                if isinstance(value, patterns._OnUse) and value._recipe[0] is regex.compile:
                    found[id(value)] = value
    return list(found.values())


def test_every_regex_pattern_of_unlint_from_the_cache_finds_what_it_compiled_finds(tmp_path):
    text = "\n".join(p.read_text(encoding="utf-8")[:20000] for p in CORPUS[:3])
    recipes = [stand_in._recipe for stand_in in _our_patterns()]
    assert len(recipes) > 30  # the walk found the modules' patterns
    writer = StartUpCache.load(tmp_path / "c.bin")
    for _, pattern, flags, _ in recipes:
        writer.pattern(pattern, flags)
    writer.save()
    reader = StartUpCache.load(tmp_path / "c.bin")
    for _, pattern, flags, options in recipes:
        fresh, cached = regex.compile(pattern, flags, **options), reader.pattern(pattern, flags)
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern
    assert not reader._new  # every one came from the file


def test_a_run_that_compiles_nothing_new_does_not_write(tmp_path):
    path = tmp_path / "c.bin"
    cache = StartUpCache.load(path)
    cache.pattern(r"\d+/\d+")
    cache.save()
    os.utime(path, (0, 0))
    again = StartUpCache.load(path)
    assert again.pattern(r"\d+/\d+").search("第60/1号").group() == "60/1"
    again.save()
    assert path.stat().st_mtime == 0
    again.pattern(r"S/\d+")  # a new pattern: the file is written, holding both
    again.save()
    assert path.stat().st_mtime > 0
    assert not StartUpCache.load(path)._new and len(StartUpCache.load(path)._saved) == 2


def test_a_file_of_other_versions_or_damaged_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "c.bin"
    cache = StartUpCache.load(path)
    cache.pattern(r"A/\d+")
    cache.save()
    monkeypatch.setattr(regex, "__version__", "0.0.0")  # another regex: its compiled programs may differ
    assert StartUpCache.load(path)._saved == {}
    monkeypatch.undo()
    assert len(StartUpCache.load(path)._saved) == 1
    for damaged in (b"", b"\x00garbage", path.read_bytes()[:-7]):
        path.write_bytes(damaged)
        assert StartUpCache.load(path).pattern(r"A/\d+").match("A/60")


def test_a_damaged_entry_is_compiled_again(tmp_path):
    cache = StartUpCache(tmp_path / "c.bin", {("regex", r"A/\d+", 0): b"not a pickle", ("code", "x = 1\n"): b"??"})
    assert cache.pattern(r"A/\d+").match("A/60")
    namespace: dict = {}
    cache.exec("x = 1\n", {}, namespace)
    assert namespace == {"x": 1}


def test_exec_without_namespaces_runs_in_its_callers_as_exec_does():
    y = 0
    StartUpCache(None).exec("y = 1\nglobal _set_by_exec\n_set_by_exec = __name__\n")
    assert globals()["_set_by_exec"] == __name__ and y == 0  # a function's locals are a snapshot, as with exec


def test_nothing_is_written_where_bytecode_would_not_be(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = StartUpCache.load(tmp_path / "c.bin")
    cache.pattern(r"A/\d+")
    cache.save()
    assert not (tmp_path / "c.bin").exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "file"
    blocked.write_text("")
    unwritable = StartUpCache.load(blocked / "c.bin")  # its folder is a file: no error, no file
    unwritable.pattern(r"A/\d+")
    unwritable.save()
    assert list(tmp_path.iterdir()) == [blocked]


def _command(cache_file: Path, document: Path) -> subprocess.CompletedProcess:
    code = ("import sys\nfrom pathlib import Path\nfrom unlint.startup import begin_start_up, finish\n"
            "from unlint.startupcache import StartUpCache\n"
            f"begin_start_up(StartUpCache.load(Path({str(cache_file)!r})))\n"
            "try:\n    from unlint.cli import main\n"
            f"    main(['check', '--no-cache', '--format', 'json', {str(document)!r}])\n"
            "finally:\n    finish()\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)


def test_the_command_gives_the_same_report_from_a_cold_and_a_warm_cache(tmp_path):
    cache_file = tmp_path / "c.bin"
    cold = _command(cache_file, CORPUS[0])
    assert cache_file.exists()
    os.utime(cache_file, (0, 0))
    warm = _command(cache_file, CORPUS[0])
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert cold.returncode == 1 and '"code"' in cold.stdout  # it found something
    assert cache_file.stat().st_mtime == 0  # the warm run compiled nothing new


def test_a_library_caller_compiles_as_usual():
    code = ("import dataclasses, unlint\nfrom unlint.startup import _StartUp\n"
            "unlint.lint_text('大会第60/1号决议。')\nprint('exec' in vars(dataclasses), _StartUp.cache)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["False", "None"]
