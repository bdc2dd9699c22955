"""Issue 16, item 1: one unreadable file among others in a parallel run.

The error of a bad file is made in a worker process and must reach the parent
intact; the other files keep every finding, and the exit code is 2 (an input
error), never 1 with a traceback. Checked through the real CLI in a separate
process with two jobs, so that a worker pool really runs.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unlint.files import InputError

from .conftest import CORPUS, EXAMPLES, unlint_process
from .test_precommit import checked_repository, git, hook_repository, try_repo  # noqa: F401 - fixtures

#: Bytes no reader accepts, one per kind of unreadable file the issue names.
BAD = {
    "binary.txt": b"x\0y",
    "undecodable.txt": b"abc \xff\xfe\x80 def\n",
    "damaged.docx": b"PK\x03\x04 not really a zip",
    "encrypted.pdf": b"%PDF-1.7\n1 0 obj << /Encrypt 2 0 R >> endobj\ntrailer << /Encrypt 2 0 R >>\n%%EOF\n",
}


def test_an_input_error_survives_the_trip_between_processes():
    again = pickle.loads(pickle.dumps(InputError("c.txt", "why")))
    assert (again.path, again.reason, str(again)) == ("c.txt", "why", "c.txt: why")


def _findings(result: subprocess.CompletedProcess) -> list[tuple]:
    return sorted((d["path"], d["line"], d["column"], d["code"]) for d in json.loads(result.stdout))


@pytest.fixture
def folder(tmp_path) -> Path:
    # Two real documents with findings, and the bad file checked after the first one.
    (tmp_path / "a.zh.txt").write_bytes(CORPUS[1].read_bytes())
    (tmp_path / "z.zh.txt").write_bytes(CORPUS[4].read_bytes())
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_in_a_parallel_run_is_one_error_line_and_the_others_are_reported(folder, name):
    alone = unlint_process("check", "--no-cache", "-j", "2", "--format", "json", ".", cwd=folder)
    assert alone.returncode == 1 and _findings(alone)
    (folder / f"m-{name}").write_bytes(BAD[name])
    together = unlint_process("check", "--no-cache", "-j", "2", "--format", "json", ".", cwd=folder)
    stderr = together.stderr.decode()
    assert together.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.startswith("unlint: error:")] == [
        line for line in stderr.splitlines() if line
    ]
    assert len(stderr.splitlines()) == 1 and f"m-{name}:" in stderr
    assert _findings(together) == _findings(alone)


def test_fix_in_a_parallel_run_fixes_every_good_file_around_a_bad_one(tmp_path):
    names = ["a.zh.txt", "m.txt", "z.zh.txt"]
    (tmp_path / "a.zh.txt").write_bytes(CORPUS[1].read_bytes())
    (tmp_path / "m.txt").write_bytes(b"x\0y")
    (tmp_path / "z.zh.txt").write_bytes(CORPUS[0].read_bytes())
    result = unlint_process("check", "--no-cache", "-j", "2", "--fix", *names, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    assert "unlint: error: m.txt: binary file" in stderr
    assert (tmp_path / "a.zh.txt").read_bytes() != CORPUS[1].read_bytes()
    assert (tmp_path / "z.zh.txt").read_bytes() != CORPUS[0].read_bytes()
    assert "in 2 files" in stderr
    again = unlint_process("check", "--no-cache", "-j", "2", "--diff", "a.zh.txt", "z.zh.txt", cwd=tmp_path)
    assert again.stdout == b""  # both were fixed to the end


@pytest.mark.slow
def test_the_pre_commit_hook_with_a_staged_damaged_docx(try_repo, checked_repository):  # noqa: F811
    (checked_repository / "minutes.docx").write_bytes(BAD["damaged.docx"])
    shutil.copyfile(EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt", checked_repository / "z.zh.txt")
    git("add", "minutes.docx", "z.zh.txt", cwd=checked_repository)
    try:
        result = try_repo("report.zh.txt", "minutes.docx", "z.zh.txt")
    finally:
        git("rm", "-q", "--cached", "minutes.docx", "z.zh.txt", cwd=checked_repository)
        (checked_repository / "minutes.docx").unlink()
        (checked_repository / "z.zh.txt").unlink()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Failed" in output
    assert "exit code: 2" in output
    assert "Traceback" not in output and "BrokenProcessPool" not in output
    assert "minutes.docx:" in output
    # The findings of the readable files are all there.
    assert "report.zh.txt:108:25: EXD001" in output and "z.zh.txt:108:25: EXD001" in output
