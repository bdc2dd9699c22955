"""Issue 16, item 10: a bad baseline or an output path that cannot be written is one line, exit 2.

Through the real CLI (CliRunner) on a real document with findings.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from unlint.cli import main

from .conftest import CORPUS


def _check(folder, *args: str):
    (folder / "a.zh.txt").write_bytes(CORPUS[1].read_bytes())
    return CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", str(folder / "a.zh.txt"), *args])


def _one_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("unlint: error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
        ('{"version": 1, "findings": [1]}', "lacks path"),
        ('{"version": 1, "findings": [{"path": "a", "code": 1, "message": 2, "span": 3}]}', "not a string"),
        ('{"version": 1, "findings": {}}', "not a unlint baseline"),
        ("\xff", "not a unlint baseline"),
    ],
    ids=["nested", "not-a-table", "not-strings", "findings-table", "not-json"],
)
def test_a_bad_baseline_is_one_line(tmp_path, content, names):
    (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    line = _one_error(_check(tmp_path, "--baseline", str(tmp_path / "baseline.json")))
    assert "baseline.json" in line and names in line


def test_a_baseline_into_a_missing_folder_is_one_line(tmp_path):
    target = tmp_path / "missing" / "baseline.json"
    line = _one_error(_check(tmp_path, "--write-baseline", str(target)))
    assert str(target) in line and "cannot write the baseline" in line


@pytest.mark.parametrize("output_format", ["text", "sarif"])
def test_a_report_into_a_missing_folder_is_one_line(tmp_path, output_format):
    target = tmp_path / "missing" / "report.out"
    line = _one_error(_check(tmp_path, "--format", output_format, "-o", str(target)))
    assert str(target) in line and "cannot write the report" in line


def test_a_diff_into_a_missing_folder_is_one_line(tmp_path):
    target = tmp_path / "missing" / "fix.diff"
    assert "cannot write the report" in _one_error(_check(tmp_path, "--diff", "-o", str(target)))


def test_a_written_baseline_still_absorbs_the_findings(tmp_path):
    assert _check(tmp_path, "--write-baseline", str(tmp_path / "b.json")).exit_code == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    result = _check(tmp_path, "--baseline", str(tmp_path / "b.json"))
    assert result.exit_code == 0 and result.stdout == ""
