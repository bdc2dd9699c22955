"""Issue 16, item 12: --diff in the file's own bytes, FIFOs, stale temporaries, UTF-16 without a BOM.

Through the real CLI in a separate process, and the real ``patch``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS

#: A real document with safe fixes (TYP001).
TEXT = CORPUS[1].read_text(encoding="utf-8")


def _run(folder: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "unlint", "check", "--no-cache", "-j", "1", *args], cwd=folder,
                            capture_output=True, timeout=timeout)
    assert b"Traceback" not in result.stderr, result.stderr
    return result


def _mixed(text: str) -> bytes:
    lines = text.split("\n")
    return "".join(line + ("\n" if i % 5 == 2 else "\r\n") for i, line in enumerate(lines[:-1])).encode() + \
        lines[-1].encode()


FORMS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda text: text.encode("utf-16-le"),
    "utf-16-be-crlf-no-bom": lambda text: text.replace("\n", "\r\n").encode("utf-16-be"),
    "utf-8-bom-mixed": lambda text: b"\xef\xbb\xbf" + _mixed(text),
}


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program")
@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_diff_applies_with_patch_and_gives_what_fix_writes(tmp_path, form):
    data = FORMS[form](TEXT)
    for folder in ("fixed", "patched"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_bytes(data)
    diff = _run(tmp_path / "patched", "--diff", "doc.txt")
    assert diff.returncode == 1 and diff.stdout.startswith(b"--- doc.txt\n+++ doc.txt\n@@ ")
    _run(tmp_path / "fixed", "--fix", "doc.txt")
    fixed = (tmp_path / "fixed" / "doc.txt").read_bytes()
    assert fixed != data
    subprocess.run(["patch", "-p0", "--quiet"], input=diff.stdout, cwd=tmp_path / "patched", check=True,
                   capture_output=True, timeout=60)
    assert (tmp_path / "patched" / "doc.txt").read_bytes() == fixed


def test_the_diff_into_a_file_is_the_same_bytes(tmp_path):
    (tmp_path / "doc.txt").write_bytes(TEXT.encode("gb18030"))
    printed = _run(tmp_path, "--diff", "doc.txt").stdout
    _run(tmp_path, "--diff", "-o", "fix.diff", "doc.txt")
    assert (tmp_path / "fix.diff").read_bytes() == printed and "（".encode("gb18030") in printed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_on_the_command_line_is_an_error_not_a_wait(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = _run(tmp_path, "pipe.txt", "doc.txt", timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("unlint: error: pipe.txt: not a regular file")
    assert b"doc.txt:" in result.stdout


def test_stale_fix_temporaries_are_neither_read_nor_kept(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    stale = tmp_path / ".doc.txt.abc123.unlint-tmp"
    stale.write_text(TEXT[:100], encoding="utf-8")
    fresh = tmp_path / ".doc.txt.def456.unlint-tmp"  # maybe another run's, being written now
    fresh.write_text(TEXT[:100], encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    # Named explicitly (a hook passing every changed file): skipped, not checked as a document.
    named = _run(tmp_path, "--format", "json", str(stale.name), "doc.txt")
    assert {d["path"] for d in json.loads(named.stdout)} == {"doc.txt"} and named.stderr == b""
    _run(tmp_path, "--fix", "doc.txt")
    assert not stale.exists() and fresh.exists()


def test_utf16_without_a_bom_is_read_and_checked_like_utf8(tmp_path):
    (tmp_path / "utf8.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(TEXT.encode("utf-16-le"))
    (tmp_path / "utf16be.txt").write_bytes(TEXT.encode("utf-16-be"))
    result = _run(tmp_path, "--format", "json", ".")
    assert result.returncode == 1 and result.stderr == b""
    by_file: dict[str, list] = {}
    for d in json.loads(result.stdout):
        by_file.setdefault(d["path"], []).append((d["line"], d["column"], d["code"], d["message"]))
    assert by_file["utf16.txt"] == by_file["utf16be.txt"] == by_file["utf8.txt"] != []


@pytest.mark.parametrize("data", [b"x\0y", b"\x7fELF\x02\x01\x01" + bytes(200), bytes(range(256)) * 40],
                         ids=["nul", "elf", "all-bytes"])
def test_binary_data_is_still_refused(tmp_path, data):
    (tmp_path / "bin.txt").write_bytes(data)
    result = _run(tmp_path, "bin.txt")
    assert result.returncode == 2 and b"binary file" in result.stderr


@pytest.mark.parametrize(("given", "prefix"), [(".", ""), ("./", ""), ("tree", "tree/"), ("tree/", "tree/"),
                                               ("./tree//", "./tree/")])
def test_a_walk_names_each_document_by_the_given_folder_and_the_names_below_it(tmp_path, monkeypatch, given,
                                                                               prefix):
    from unlint.config import Config
    from unlint.files import Source, discover

    root = tmp_path if prefix == "" else tmp_path / "tree"
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a/.hidden/x.txt", "a/skip.md", "c.docx"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("联合国", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(discover([given], Config()))
    assert all(isinstance(item, Source) for item in found)
    expected = ("a/b/c.txt", "a/z.txt", "b.txt", "c.docx")  # name order, depth first; hidden and .md left out
    assert [item.display for item in found] == [f"{prefix}{name}" for name in expected]
    assert all(item.path == Path(given) / item.display[len(prefix):] for item in found)
