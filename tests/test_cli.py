"""The real CLI, through subprocesses and click's CliRunner: exit codes, JSON, bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from unlint.cli import main

from .conftest import EXAMPLES, unlint_process

REPORT_2018 = EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt"
JSON_FIELDS = {"path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "fix"}


def json_findings(result) -> list[dict]:
    return json.loads(result.stdout.decode("utf-8"))


def test_exit_code_1_and_json_contract(plugin_env):
    result = unlint_process("check", "--format", "json", "--select", "EXD", str(REPORT_2018), env=plugin_env)
    assert result.returncode == 1, result.stderr
    findings = json_findings(result)
    assert findings, "the 2018 report mixes date styles"
    for item in findings:
        assert JSON_FIELDS <= set(item)
        assert item["code"] == "EXD001" and item["severity"] == "warning"
        assert item["line"] >= 1 and item["column"] >= 1
        assert (item["end_line"], item["end_column"]) > (item["line"], item["column"])
        edit = item["fix"]["edits"][0]
        assert item["fix"]["applicability"] == "safe"
        assert {"line", "column", "end_line", "end_column", "replacement"} <= set(edit)
    first = findings[0]
    line = REPORT_2018.read_text(encoding="utf-8").split("\n")[first["line"] - 1]
    assert line[first["column"] - 1:first["end_column"] - 1] == "2018年4月24日"


def test_exit_code_0_on_clean_document(plugin_env):
    result = unlint_process("check", "--select", "EXD", str(EXAMPLES / "A-60-341-S-2005-567.zh.txt"), env=plugin_env)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_json_of_whole_examples_folder_is_an_array():
    result = unlint_process("check", "--format", "json", "examples/")
    assert result.returncode in (0, 1), result.stderr
    findings = json_findings(result)
    assert isinstance(findings, list)
    assert all(JSON_FIELDS <= set(item) for item in findings)


def test_exit_code_2_on_missing_path_others_still_checked(plugin_env):
    result = unlint_process("check", "--select", "EXD", "no/such/file.txt", str(REPORT_2018), env=plugin_env)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "unlint: error: no/such/file.txt: no such file or directory"
    assert b"EXD001" in result.stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(0x80, 0x100)), "not valid UTF-8"),
    ],
)
def test_bad_file_among_good_ones(tmp_path, plugin_env, content, reason):
    shutil.copy(REPORT_2018, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(content)
    result = unlint_process("check", "--select", "EXD", str(tmp_path), env=plugin_env)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().split("\n")
    assert len(errors) == 1 and errors[0].startswith(f"unlint: error: {tmp_path}/bad.txt: {reason}")
    assert b"good.txt:" in result.stdout
    assert b"Traceback" not in result.stderr


def test_directory_without_documents(tmp_path):
    (tmp_path / "notes.md").write_text("# not a document", encoding="utf-8")
    result = unlint_process("check", str(tmp_path))
    assert result.returncode == 2
    assert b"no documents (*.txt, *.docx, *.pdf) in this directory" in result.stderr


def test_hidden_folders_and_excluded_files_are_skipped(tmp_path, plugin_env):
    for folder in (".git", "drafts", "final"):
        (tmp_path / folder).mkdir()
        shutil.copy(REPORT_2018, tmp_path / folder / "r.txt")
    result = unlint_process("check", "--select", "EXD", "--exclude", "drafts", str(tmp_path), env=plugin_env)
    paths = {line.split(":")[0] for line in result.stdout.decode().splitlines() if not line.startswith("Found ")}
    assert paths == {f"{tmp_path}/final/r.txt"}


def test_empty_and_large_files_are_checked(tmp_path, plugin_env):
    (tmp_path / "empty.txt").write_bytes(b"")
    text = REPORT_2018.read_text(encoding="utf-8")
    large = (text * (20_000_000 // len(text.encode("utf-8")) + 1)).encode("utf-8")
    (tmp_path / "large.txt").write_bytes(large)
    assert len(large) > 20_000_000
    result = unlint_process("check", "--format", "json", "--select", "EXD", str(tmp_path), env=plugin_env)
    assert result.returncode == 1, result.stderr
    findings = json_findings(result)
    assert {f["path"] for f in findings} == {f"{tmp_path}/large.txt"}
    single = len(json_findings(unlint_process("check", "--format", "json", "--select", "EXD", str(REPORT_2018),
                                          env=plugin_env)))
    assert len(findings) > 100 * single


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_other_encodings_give_the_same_findings(tmp_path, plugin_env, encoding):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(REPORT_2018.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    original = unlint_process("check", "--format", "json", str(REPORT_2018), env=plugin_env)
    converted = unlint_process("check", "--format", "json", str(copy), env=plugin_env)
    strip = lambda items: [{k: v for k, v in item.items() if k != "path"} for item in items]  # noqa: E731
    assert strip(json_findings(converted)) == strip(json_findings(original))
    assert original.returncode == converted.returncode


def test_stdin_with_filename(plugin_env):
    result = unlint_process("check", "--select", "EXD", "--stdin-filename", "report.txt", "-",
                        input=REPORT_2018.read_bytes(), env=plugin_env)
    assert result.returncode == 1
    assert result.stdout.decode().startswith("report.txt:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "no paths given"),
        (["check", "--select", "QQQ999", "examples/"], "unknown rule code or prefix 'QQQ999'"),
        (["check", "--document-date", "yesterday", "examples/"], "not a date"),
        (["check", "--severity", "UNL001", "examples/"], "expected CODE=LEVEL"),
        (["rule", "NOPE01"], "unknown rule 'NOPE01'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, message):
    result = unlint_process(*args)
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert message in stderr and "\n" not in stderr and "Traceback" not in stderr


def test_bad_config_file_exits_2(tmp_path):
    (tmp_path / "unlint.toml").write_text("selct = ['SYM']\n", encoding="utf-8")
    shutil.copy(REPORT_2018, tmp_path / "r.txt")
    result = unlint_process("check", str(tmp_path / "r.txt"))
    assert result.returncode == 2
    assert b"unknown setting 'selct'" in result.stderr


def test_config_file_applies(tmp_path, plugin_env):
    shutil.copy(REPORT_2018, tmp_path / "r.txt")
    (tmp_path / "unlint.toml").write_text('select = ["EXD"]\n[severity]\nEXD001 = "info"\n', encoding="utf-8")
    result = unlint_process("check", str(tmp_path / "r.txt"), env=plugin_env)
    assert result.returncode == 0  # info does not fail by default
    assert b"EXD001" in result.stdout
    assert unlint_process("check", "--fail-on", "info", str(tmp_path / "r.txt"), env=plugin_env).returncode == 1


def test_output_file_statistics_and_exit_zero(tmp_path, plugin_env):
    out = tmp_path / "report.txt"
    result = unlint_process("check", "--select", "EXD", "--statistics", "--exit-zero", "-o", str(out),
                        str(REPORT_2018), env=plugin_env)
    assert result.returncode == 0 and result.stdout == b""
    report = out.read_text(encoding="utf-8")
    assert "EXD001  mixed-date-spacing" in report and report.splitlines()[-1].startswith("Found ")


def test_quiet_prints_nothing_but_exit_code_tells(plugin_env):
    result = unlint_process("check", "--quiet", "--select", "EXD", str(REPORT_2018), env=plugin_env)
    assert (result.returncode, result.stdout) == (1, b"")


def test_version_and_rules_through_clirunner():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("unlint, version ")
    listed = runner.invoke(main, ["rules"])
    assert listed.exit_code == 0 and "UNL001" in listed.output
    as_json = runner.invoke(main, ["rules", "--format", "json"])
    assert isinstance(json.loads(as_json.output), list)


def test_module_help_runs():
    result = unlint_process("--help")
    assert result.returncode == 0 and b"check" in result.stdout
