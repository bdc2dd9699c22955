"""The workflow options of ``unlint check``, through the real command."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from .conftest import DATED, EXAMPLES

CLEAN = EXAMPLES / "A-60-341-S-2005-567.zh.txt"  # EXD001 is silent on it


@pytest.fixture
def run_unlint(run_unlint):
    """These tests are about the workflow options, not the rules: only the example plugin's EXD001 runs."""

    def run(*args: str, **kwargs):
        if args[:1] == ("check",) and "--select" not in args:
            args = ("check", "--select", "EXD", *args[1:])
        return run_unlint(*args, **kwargs)

    return run


@pytest.fixture
def dated(tmp_path) -> Path:
    copy = tmp_path / "docs" / DATED.name
    copy.parent.mkdir()
    shutil.copyfile(DATED, copy)
    return copy


def text_of(result) -> str:
    return result.stdout.decode("utf-8")


# -- exit codes and output ------------------------------------------------------------

def test_findings_exit_1_and_a_clean_document_exits_0(run_unlint):
    assert run_unlint("check", "--select", "EXD", str(DATED)).returncode == 1
    clean = run_unlint("check", "--select", "EXD", str(CLEAN))
    assert (clean.returncode, clean.stdout) == (0, b"")


def test_exit_zero(run_unlint):
    result = run_unlint("check", "--exit-zero", str(DATED))
    assert result.returncode == 0 and b"EXD001" in result.stdout


@pytest.mark.parametrize(("fail_on", "severity", "code"), [
    ("warning", "warning", 1), ("error", "warning", 0), ("error", "error", 1),
    ("info", "info", 1), ("warning", "info", 0),
])
def test_fail_on_decides_which_severities_fail(run_unlint, fail_on, severity, code):
    result = run_unlint("check", "--select", "EXD", "--fail-on", fail_on, "--severity", f"EXD001={severity}",
                        str(DATED))
    assert result.returncode == code
    assert f"[{severity}]".encode() in run_unlint("check", "--format", "junit", "--severity",
                                                   f"EXD001={severity}", str(DATED)).stdout


def test_warnings_fail_by_default(run_unlint):
    assert run_unlint("check", str(DATED)).returncode == 1  # EXD001 is a warning


def test_quiet_prints_nothing_but_keeps_the_exit_code(run_unlint):
    result = run_unlint("check", "--quiet", str(DATED))
    assert (result.returncode, result.stdout, result.stderr) == (1, b"", b"")


def test_output_file_gets_the_report_and_the_exit_code_still_tells(run_unlint, tmp_path):
    out = tmp_path / "report.sarif"
    result = run_unlint("check", "--format", "sarif", "--output-file", str(out), str(DATED))
    assert result.returncode == 1 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    quiet = run_unlint("check", "--quiet", "-o", str(out), "--format", "json", str(DATED))
    assert quiet.returncode == 1 and len(json.loads(out.read_text(encoding="utf-8"))) == 49


def test_ci_formats_from_the_command(run_unlint):
    github = text_of(run_unlint("check", "--format", "github", str(EXAMPLES))).splitlines()
    assert len(github) == 49 and all(line.startswith("::warning file=examples/") for line in github)
    junit = run_unlint("check", "--format", "junit", str(EXAMPLES))
    assert junit.returncode == 1 and junit.stdout.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_unlint, tmp_path):
    for i in range(25):
        shutil.copyfile(CLEAN, tmp_path / f"d{i}.txt")
    result = run_unlint("check", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, b"")


# -- baseline -------------------------------------------------------------------------

def test_baseline_round_trip_survives_an_edit_above(run_unlint, dated, tmp_path):
    baseline = tmp_path / "baseline.json"
    written = run_unlint("check", "--write-baseline", str(baseline), str(dated))
    assert written.returncode == 0 and b"recorded 49 findings" in written.stderr
    assert run_unlint("check", "--baseline", str(baseline), str(dated)).returncode == 0
    text = dated.read_text(encoding="utf-8")
    dated.write_text("编者按：新增一段。\n\n" + text.replace("2018年4月24日", "2018年5月3日"), encoding="utf-8")
    result = run_unlint("check", "--baseline", str(baseline), str(dated))
    assert result.returncode == 1
    *lines, summary = text_of(result).splitlines()
    assert len(lines) == 1 and "2018年5月3日" in lines[0] and ":110:" in lines[0]
    assert summary.startswith("Found 1 finding ")


def test_a_bad_baseline_is_a_usage_error(run_unlint, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[]")
    result = run_unlint("check", "--baseline", str(bad), str(DATED))
    assert result.returncode == 2 and b"not a unlint baseline" in result.stderr


# -- fixes ----------------------------------------------------------------------------

def test_diff_prints_a_patch_and_writes_nothing(run_unlint, dated):
    before = dated.read_bytes()
    result = run_unlint("check", "--diff", str(dated))
    assert result.returncode == 1 and dated.read_bytes() == before
    diff = text_of(result)
    assert diff.startswith(f"--- {dated}\n+++ {dated}\n@@ ")
    assert "+13. 联合国继续支持非洲联盟在人权方面的努力。2018 年 4 月 24 日" in diff


def test_diff_applies_with_patch_to_what_fix_writes(run_unlint, dated, tmp_path):
    diff = run_unlint("check", "--diff", dated.name, cwd=dated.parent).stdout
    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copyfile(dated, twin / dated.name)
    patch = shutil.which("patch")
    if patch is None:
        pytest.skip("no patch command")
    import subprocess

    subprocess.run([patch, "-p0", "--quiet"], input=diff, cwd=twin, check=True)
    assert run_unlint("check", "--fix", str(dated)).returncode == 0
    assert (twin / dated.name).read_bytes() == dated.read_bytes()


def test_fix_writes_in_place_then_a_second_fix_changes_nothing(run_unlint, dated):
    dated.chmod(0o600)
    result = run_unlint("check", "--fix", str(dated))
    assert result.returncode == 0 and result.stdout == b""
    assert b"fixed 49 findings in 1 file" in result.stderr
    fixed = dated.read_bytes()
    assert "2018 年 4 月 24 日，在非洲联盟总部".encode() in fixed
    assert stat.S_IMODE(dated.stat().st_mode) == 0o600
    again = run_unlint("check", "--fix", str(dated))
    assert (again.returncode, again.stdout, again.stderr) == (0, b"", b"")
    assert dated.read_bytes() == fixed
    assert run_unlint("check", "--diff", str(dated)).stdout == b""


def test_fix_keeps_crlf_line_ends_and_a_bom(run_unlint, dated):
    dated.write_bytes(b"\xef\xbb\xbf" + DATED.read_bytes().replace(b"\n", b"\r\n"))
    assert run_unlint("check", "--fix", str(dated)).returncode == 0
    data = dated.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == DATED.read_bytes().count(b"\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_fix_then_reports_only_what_remains(run_unlint, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("2017 年 4 月 19 日，2018 年 1 月，2018年4月24日\n", encoding="utf-8")
    result = run_unlint("check", "--fix", "--format", "json", str(doc))
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert doc.read_text(encoding="utf-8") == "2017 年 4 月 19 日，2018 年 1 月，2018 年 4 月 24 日\n"


def test_fix_on_standard_input_prints_the_fixed_text_and_reports_on_stderr(run_unlint, tmp_path):
    # As ruff does for editors: the fixed text on standard output, what remains on standard error.
    result = run_unlint("check", "--fix", "-", stdin=DATED.read_bytes())
    assert result.stdout != DATED.read_bytes() and result.stdout.decode("utf-8")
    copy = tmp_path / "dated.txt"
    copy.write_bytes(DATED.read_bytes())
    run_unlint("check", "--fix", str(copy))
    assert result.stdout == copy.read_bytes()  # the same fixes as on a file
    again = run_unlint("check", "--fix", "-", stdin=result.stdout)
    assert again.stdout == result.stdout and again.returncode == 0


def test_fix_refuses_an_uncertain_encoding(run_unlint, tmp_path):
    doc = tmp_path / "doc.txt"
    raw = "2017 年 4 月 19 日和2018年4月24日，2018 年 1 月".encode("gb18030")
    doc.write_bytes(raw)
    result = run_unlint("check", "--fix", str(doc))
    assert result.returncode == 1 and b"not fixed: its encoding (gb18030) was inferred" in result.stderr
    assert doc.read_bytes() == raw


# -- jobs and cache -------------------------------------------------------------------

@pytest.fixture
def many(tmp_path) -> Path:
    folder = tmp_path / "many"
    for i in range(6):
        for document in sorted(EXAMPLES.glob("*.zh.txt")):
            (folder / f"s{i}").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(document, folder / f"s{i}" / document.name)
    return folder


def test_jobs_give_the_same_report_in_the_same_order(run_unlint, many):
    one = run_unlint("check", "--no-cache", "-j", "1", "--format", "json", str(many))
    three = run_unlint("check", "--no-cache", "-j", "3", "--format", "json", str(many))
    assert one.returncode == three.returncode == 1
    assert three.stdout == one.stdout and len(json.loads(one.stdout)) == 6 * 49


def test_cache_lives_in_xdg_cache_home_and_no_cache_bypasses_it(run_unlint, isolated_cache, tmp_path):
    assert run_unlint("check", "--no-cache", str(DATED)).returncode == 1
    assert not isolated_cache.exists()
    first = run_unlint("check", str(DATED))
    assert (isolated_cache / "CACHEDIR.TAG").is_file() and list(isolated_cache.rglob("*.json"))
    assert run_unlint("check", str(DATED)).stdout == first.stdout
    elsewhere = tmp_path / "my-cache"
    run_unlint("check", "--cache-dir", str(elsewhere), str(DATED))
    assert list(elsewhere.rglob("*.json"))
