"""Issue 16, item 7: configuration of the wrong type is one line naming the key, exit 2.

Through the real CLI (CliRunner), in a folder holding the configuration and a
real document, as a user runs ``unlint check`` there.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from unlint.cli import main

from .conftest import CORPUS


def _check(folder, *args: str):
    (folder / "a.zh.txt").write_bytes(CORPUS[0].read_bytes())
    return CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", str(folder / "a.zh.txt"), *args])


def _one_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("unlint: error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


@pytest.mark.parametrize(
    ("pyproject", "names"),
    [
        (b"[project]\nname = \"\xe9t\xe9\"\n", "not UTF-8"),
        (b"tool = 1\n", "tool must be a table"),
        (b"tool = \"unlint\"\n", "tool must be a table"),
        (b"[tool]\nunlint = 5\n", "tool.unlint must be a table"),
        (b"[tool]\nunlint = [\"select\"]\n", "tool.unlint must be a table"),
    ],
    ids=["latin-1", "tool-int", "tool-string", "unlint-int", "unlint-array"],
)
def test_a_pyproject_of_the_wrong_shape_is_one_line(tmp_path, pyproject, names):
    # Even without [tool.unlint]: the walk up reads every pyproject.toml it meets.
    (tmp_path / "pyproject.toml").write_bytes(pyproject)
    line = _one_error(_check(tmp_path))
    assert "pyproject.toml" in line and names in line


def test_a_pyproject_without_unlint_settings_is_not_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.black]\nline-length = 100\n")
    assert _check(tmp_path).exit_code == 1  # the document's findings


@pytest.mark.parametrize(
    ("entry", "names"),
    [
        ('zh = "某组织"\nabbreviations = 5\n', "'abbreviations' must be an array"),
        ('zh = "某组织"\nvariants = [1]\n', "'variants' must be a list of non-empty strings"),
        ('zh = "某组织"\nformer = [1]\n', "former name"),
        ('zh = "某组织"\nformer = [{zh = "旧组织", until = "someday"}]\n', "is not a date"),
        ('zh = "某组织"\nbounded = ["别的"]\n', "'bounded' names '别的'"),
        ('zh = 7\n', "needs a Chinese name in 'zh'"),
    ],
    ids=["list-int", "list-of-int", "former-int", "former-date", "bounded", "zh-int"],
)
def test_an_invalid_organizations_entry_is_one_line(tmp_path, entry, names):
    (tmp_path / "unlint.toml").write_text(f"[[organizations]]\n{entry}", encoding="utf-8")
    line = _one_error(_check(tmp_path))
    assert "organizations" in line and names in line


def test_two_configured_organizations_claiming_one_form_is_one_line(tmp_path):
    (tmp_path / "unlint.toml").write_text(
        '[[organizations]]\nzh = "某组织"\n[[organizations]]\nzh = "另组织"\nvariants = ["某组织"]\n', encoding="utf-8")
    assert "claimed by two organizations" in _one_error(_check(tmp_path))


def test_a_valid_organizations_entry_is_still_accepted(tmp_path):
    (tmp_path / "unlint.toml").write_text('[[organizations]]\nzh = "某某组织"\nabbreviations = ["某组"]\n',
                                          encoding="utf-8")
    result = _check(tmp_path)
    assert result.exit_code == 1 and "UNL001" not in result.stdout


@pytest.mark.parametrize("value", ["1e10", "1e-300", "1e400", "-1", "nan", "ten"])
def test_a_rule_timeout_out_of_range_is_one_line_on_the_command_line(tmp_path, value):
    line = _one_error(_check(tmp_path, "--rule-timeout", value))
    assert "--rule-timeout" in line and value in line


@pytest.mark.parametrize("value", ["1e10", "1e-300", "true"])
def test_a_rule_timeout_out_of_range_is_one_line_in_the_file(tmp_path, value):
    (tmp_path / "unlint.toml").write_text(f"rule-timeout = {value}\n", encoding="utf-8")
    line = _one_error(_check(tmp_path))
    assert "rule-timeout" in line and "unlint.toml" in line


@pytest.mark.parametrize("value", ["0", "0.5", "86400"])
def test_a_rule_timeout_in_range_runs_every_rule(tmp_path, value):
    result = _check(tmp_path, "--rule-timeout", value)
    assert result.exit_code == 1 and "UNL00" not in result.stdout


@pytest.mark.parametrize(
    ("setting", "names"),
    [
        ("select = 5", "select must be a list of strings"),
        ("per-file-ignores = 3", "per-file-ignores must be a table"),
        ("severity = [1]", "severity must be a table"),
        ('fail-on = "loud"', "fail-on"),
        ("document-date = 12", "document-date"),
        ("organizations = 1", "organizations must be an array of tables"),
    ],
)
def test_other_settings_of_the_wrong_type_are_one_line(tmp_path, setting, names):
    (tmp_path / "unlint.toml").write_text(setting + "\n", encoding="utf-8")
    assert names in _one_error(_check(tmp_path))
