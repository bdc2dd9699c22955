"""Configuration files, selection by prefix, per-file ignores and validation."""

from __future__ import annotations

import datetime as dt

import pytest

from unlint.config import Config, ConfigError, config_from_mapping, find_config_file, load_config, validate_codes
from unlint.diagnostics import Severity

CODES = ["SYM001", "SYM002", "RES001", "FTN001", "UNL001"]


def test_defaults_enable_everything():
    assert all(Config().is_enabled(code) for code in CODES)


def test_select_and_ignore_most_specific_prefix_wins():
    config = Config(select=("SYM",), ignore=("SYM002",))
    assert config.is_enabled("SYM001")
    assert not config.is_enabled("SYM002")
    assert not config.is_enabled("RES001")
    assert Config(select=("SYM002",), ignore=("SYM",)).is_enabled("SYM002")


def test_extend_select_adds_to_select():
    config = Config(select=("SYM",), extend_select=("RES001",))
    assert config.is_enabled("RES001") and not config.is_enabled("FTN001")


def test_per_file_ignores_match_globs():
    config = Config(per_file_ignores={"annexes/*.txt": ("FTN",), "draft.txt": ("SYM001",)})
    assert not config.is_enabled("FTN001", "docs/annexes/one.txt")
    assert config.is_enabled("FTN001", "docs/body/one.txt")
    assert not config.is_enabled("SYM001", "a/b/draft.txt")
    assert config.is_enabled("SYM002", "a/b/draft.txt")


def test_pyproject_table_is_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.unlint]\nselect = ["SYM"]\ndocument-date = 2018-08-17\nfail-on = "error"\n'
        '[tool.unlint.severity]\nSYM001 = "info"\n',
        encoding="utf-8",
    )
    nested = tmp_path / "docs" / "zh"
    nested.mkdir(parents=True)
    found = find_config_file(nested)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.select == ("SYM",)
    assert config.document_date == dt.date(2018, 8, 17)
    assert config.fail_on is Severity.ERROR
    assert config.severity_of("SYM001", Severity.ERROR) is Severity.INFO


def test_pyproject_without_our_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path).parent != tmp_path


def test_unlint_toml_wins_over_pyproject_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.unlint]\nselect = ["SYM"]\n', encoding="utf-8")
    (tmp_path / "unlint.toml").write_text('select = ["RES"]\n', encoding="utf-8")
    assert load_config(find_config_file(tmp_path)).select == ("RES",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["SYM"]}, "unknown setting 'selct'"),
        ({"select": "SYM"}, None),
        ({"select": [1]}, "list of strings"),
        ({"document-date": "17 August"}, "not a date"),
        ({"fail-on": "fatal"}, "unknown severity"),
        ({"severity": {"SYM001": "loud"}}, "unknown severity"),
        ({"organizations": [{"en": "x"}]}, "Chinese name"),
    ],
)
def test_bad_settings_are_named(table, message):
    if message is None:
        assert config_from_mapping(table).select == ("SYM",)
        return
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(table)


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "unlint.toml"
    path.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="unlint.toml: invalid TOML"):
        load_config(path)


def test_unknown_codes_are_refused():
    validate_codes(Config(select=("SYM", "RES001"), ignore=("UNL",)), CODES)
    with pytest.raises(ConfigError, match="'SYM999'"):
        validate_codes(Config(ignore=("SYM999",)), CODES)
    with pytest.raises(ConfigError, match="'QQQ'"):
        validate_codes(Config(per_file_ignores={"*.txt": ("QQQ",)}), CODES)


def test_exclude_patterns(tmp_path):
    config = Config(exclude=("drafts", "*.old.txt"), source=tmp_path / "unlint.toml")
    assert config.is_excluded(tmp_path / "drafts" / "a.txt")
    assert config.is_excluded(tmp_path / "x" / "b.old.txt")
    assert not config.is_excluded(tmp_path / "final" / "a.txt")
