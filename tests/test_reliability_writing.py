"""Issue 16, items 5 and 11: how ``--fix`` writes files, through the real CLI.

A file that cannot be written is one error line and the run goes on; bytes
outside a fix never change (each line keeps its own ending); a symbolic link
is written through to its target, hard links are kept, read-only files are
left alone with a warning.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile

import pytest
from click.testing import CliRunner

from unlint.cli import main

from .conftest import CORPUS

#: A real document whose fixes are safe (TYP001 brackets on lines 312 and 314).
FIXABLE = CORPUS[1]


def _fix(folder, *names: str, args: tuple[str, ...] = ()):
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", "--fix", *args, *names],
                                catch_exceptions=False)
    return result


@pytest.fixture
def inside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fixed_bytes(inside, data: bytes) -> bytes:
    """What --fix makes of ``data`` in an ordinary file."""
    (inside / "plain.txt").write_bytes(data)
    _fix(inside, "plain.txt")
    return (inside / "plain.txt").read_bytes()


def test_a_name_with_no_room_for_the_temporary_file_is_fixed(inside):
    name = "文" * 60 + "a" * 60 + ".txt"  # 244 bytes: the old temporary name went past 255
    (inside / name).write_bytes(FIXABLE.read_bytes())
    result = _fix(inside, name)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (inside / name).read_bytes() != FIXABLE.read_bytes()
    assert sorted(p.name for p in inside.iterdir()) == [name]


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EACCES, errno.ENAMETOOLONG], ids=["full", "denied", "long"])
def test_a_write_that_fails_is_one_error_line_and_the_later_files_are_fixed(inside, monkeypatch, failure):
    for name in ("a.txt", "b.txt", "c.txt"):
        (inside / name).write_bytes(FIXABLE.read_bytes())
    real = tempfile.mkstemp

    def failing(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(".b.txt."):
            raise OSError(failure, os.strerror(failure))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", failing)
    result = _fix(inside, "a.txt", "b.txt", "c.txt")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("unlint: error:")]
    assert errors == [f"unlint: error: b.txt: not fixed: cannot write it: {os.strerror(failure)}"]
    assert "findings in 2 files" in result.stderr
    assert (inside / "b.txt").read_bytes() == FIXABLE.read_bytes()
    assert (inside / "a.txt").read_bytes() == (inside / "c.txt").read_bytes() != FIXABLE.read_bytes()
    assert "b.txt:312:" in result.stdout  # its findings are still reported


@pytest.mark.parametrize("breaks", [("\r\n", "\n"), ("\n", "\r\n"), ("\r", "\n"), ("\r\n", "\r")],
                         ids=["crlf-some-lf", "lf-some-crlf", "cr-some-lf", "crlf-some-cr"])
def test_each_line_keeps_its_own_ending(inside, breaks):
    usual, odd = breaks
    lines = FIXABLE.read_text(encoding="utf-8").split("\n")
    ends = [odd if i % 7 == 3 else usual for i in range(len(lines) - 1)]
    data = "".join(line + end for line, end in zip(lines, [*ends, ""])).encode()
    fixed = _fixed_bytes(inside, data)
    assert fixed != data
    assert fixed.count(b"\r\n") == data.count(b"\r\n") and fixed.count(b"\r") == data.count(b"\r")
    # Only the fixed characters differ: the same lines as --fix makes of the LF file, each with its old ending.
    expected = _fixed_bytes(inside, re.sub(rb"\r\n|\r", b"\n", data)).split(b"\n")
    assert re.split(rb"\r\n|\r|\n", fixed) == expected
    assert re.findall(rb"\r\n|\r|\n", fixed) == re.findall(rb"\r\n|\r|\n", data)


def test_a_symbolic_link_is_written_through_to_its_target(inside):
    (inside / "real.txt").write_bytes(FIXABLE.read_bytes())
    (inside / "link.txt").symlink_to("real.txt")
    result = _fix(inside, "link.txt")
    assert (inside / "link.txt").is_symlink()
    assert (inside / "real.txt").read_bytes() == _fixed_bytes(inside, FIXABLE.read_bytes())
    assert f"unlint: link.txt: written through the symbolic link to {inside / 'real.txt'}" in result.stderr


def test_hard_links_are_kept(inside):
    (inside / "one.txt").write_bytes(FIXABLE.read_bytes())
    os.link(inside / "one.txt", inside / "two.txt")
    result = _fix(inside, "one.txt")
    assert os.stat(inside / "one.txt").st_ino == os.stat(inside / "two.txt").st_ino
    assert (inside / "two.txt").read_bytes() == _fixed_bytes(inside, FIXABLE.read_bytes())
    assert "unlint: one.txt: written in place, to keep its 2 hard links" in result.stderr


def test_a_read_only_file_is_not_rewritten(inside):
    path = inside / "locked.txt"
    path.write_bytes(FIXABLE.read_bytes())
    path.chmod(0o444)
    result = _fix(inside, "locked.txt")
    assert path.read_bytes() == FIXABLE.read_bytes() and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert "unlint: warning: locked.txt: not fixed: the file is read-only" in result.stderr
    assert result.exit_code == 1  # its findings remain


def test_a_permission_kept_by_an_ordinary_fix(inside):
    path = inside / "shared.txt"
    path.write_bytes(FIXABLE.read_bytes())
    path.chmod(0o640)
    _fix(inside, "shared.txt")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_bytes() != FIXABLE.read_bytes()
