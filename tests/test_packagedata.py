"""The compiled cache of package data: the same values as parsing, rebuilt when stale or corrupt."""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import tomllib

import pytest

from unlint import packagedata
from unlint.packagedata import load_parsed, read_bytes

FILES = [("unlint.rules", "data", "organizations.toml"), ("unlint.rules", "data", "doubled-characters.toml"),
         ("unlint.rules", "data", "traditional-characters.json")]


def _parsed(package: str, *parts: str):
    raw = read_bytes(package, *parts).decode("utf-8")
    return tomllib.loads(raw) if parts[-1].endswith(".toml") else json.loads(raw)


def _entry(folder, name):
    (entry,) = folder.glob(f"{name}.*.pickle")
    return entry


@pytest.mark.parametrize("parts", FILES, ids=lambda p: p[-1])
def test_the_cached_load_equals_parsing_the_file(parts, tmp_path):
    first = load_parsed(*parts, write=True, folder=tmp_path)
    assert _entry(tmp_path, parts[-1]).is_file()
    second = load_parsed(*parts, write=True, folder=tmp_path)
    assert first == second == _parsed(*parts)


def test_the_second_load_reads_the_entry_not_the_parser(tmp_path, monkeypatch):
    parts = FILES[0]
    load_parsed(*parts, write=True, folder=tmp_path)
    monkeypatch.setitem(packagedata._PARSERS, "toml", lambda text: pytest.fail("parsed again"))
    assert load_parsed(*parts, write=True, folder=tmp_path) == _parsed(*parts)


def test_a_stale_entry_is_rebuilt(tmp_path, monkeypatch):
    parts = FILES[1]
    load_parsed(*parts, write=True, folder=tmp_path)
    entry = _entry(tmp_path, parts[-1])
    # The data file changes (here: its bytes as read); the old entry must not be served.
    changed = read_bytes(*parts) + b'\n[added]\nkey = "value"\n'
    monkeypatch.setattr(packagedata, "read_bytes", lambda *args: changed)
    value = load_parsed(*parts, write=True, folder=tmp_path)
    assert value["added"] == {"key": "value"}
    assert value == tomllib.loads(changed.decode("utf-8"))
    monkeypatch.undo()
    assert load_parsed(*parts, write=True, folder=tmp_path) == _parsed(*parts)
    assert entry.is_file()


def test_an_entry_of_another_python_is_stale(tmp_path, monkeypatch):
    parts = FILES[1]
    load_parsed(*parts, write=True, folder=tmp_path)
    before = _entry(tmp_path, parts[-1]).read_bytes()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert load_parsed(*parts, write=True, folder=tmp_path) == _parsed(*parts)
    assert _entry(tmp_path, parts[-1]).read_bytes() != before  # rewritten under the new key


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "garbage", "other values"])
def test_a_corrupt_entry_falls_back_to_parsing_and_is_rewritten(damage, tmp_path):
    parts = FILES[0]
    load_parsed(*parts, write=True, folder=tmp_path)
    entry = _entry(tmp_path, parts[-1])
    data = entry.read_bytes()
    header = len(b"unlint-data\n") + 32
    if damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        middle = len(data) * 3 // 4
        entry.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "garbage":
        entry.write_bytes(b"\x00" * 500)
    else:  # right key, a pickle of something else, without the matching hash
        entry.write_bytes(data[:header] + data[header:header + 32] + pickle.dumps({"organization": []}))
    assert load_parsed(*parts, write=True, folder=tmp_path) == _parsed(*parts)
    assert entry.read_bytes() == data  # rebuilt whole


def test_an_entry_that_does_not_unpickle_falls_back(tmp_path):
    parts = FILES[1]
    load_parsed(*parts, write=True, folder=tmp_path)
    entry = _entry(tmp_path, parts[-1])
    data = entry.read_bytes()
    start = len(b"unlint-data\n") + 64
    payload = b"not a pickle"
    entry.write_bytes(data[:start - 32] + hashlib.sha256(payload).digest() + payload)
    assert load_parsed(*parts, write=True, folder=tmp_path) == _parsed(*parts)


def test_nothing_is_written_when_bytecode_may_not_be(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert load_parsed(*FILES[1], folder=tmp_path) == _parsed(*FILES[1])
    assert not list(tmp_path.iterdir())


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    assert load_parsed(*FILES[1], write=True, folder=blocked / "cache") == _parsed(*FILES[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_the_default_folder_is_the_package_pycache():
    folder = packagedata._cache_folder("unlint.rules", ("data", "organizations.toml"))
    assert folder.parts[-2:] == ("data", "__pycache__")
    assert (folder.parent / "organizations.toml").is_file()
