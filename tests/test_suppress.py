"""Issue 17: suppressing one false alarm by content ([[tool.unlint.suppress]]), through the real CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from unlint.cli import main

TEXT = "1. 会议在在纽约举行。\n2. 安全理事会第 1540（2004)号决议。\n3. 大会在在日内瓦开会。\n"


def _check(folder, *args: str, text: str = TEXT, settings: str = "", name: str = "doc.txt"):
    (folder / "unlint.toml").write_text(settings, encoding="utf-8")
    document = folder / name
    if not document.exists():
        document.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args, str(document)],
                                catch_exceptions=False)
    return result, (json.loads(result.stdout) if result.exit_code in (0, 1) else None)


def _codes(found) -> list[tuple[str, str]]:
    return [(d["code"], d["line"]) for d in found]


RES002_BY_TEXT = '''
[[suppress]]
code = "RES002"
text = "安全理事会第 1540（2004)号决议"
reason = "quoted as the original printed it"
'''


def test_without_suppressions_all_three_findings_are_reported(tmp_path):
    result, found = _check(tmp_path)
    assert _codes(found) == [("TYP004", 1), ("RES002", 2), ("TYP004", 3)]


def test_an_entry_with_the_exact_text_silences_that_finding_only(tmp_path):
    result, found = _check(tmp_path, settings=RES002_BY_TEXT)
    assert _codes(found) == [("TYP004", 1), ("TYP004", 3)]


def test_the_entry_still_holds_when_lines_move(tmp_path):
    moved = "前言。\n\n" + TEXT
    result, found = _check(tmp_path, text=moved, settings=RES002_BY_TEXT)
    assert _codes(found) == [("TYP004", 3), ("TYP004", 5)]


def test_a_regex_must_match_the_whole_span(tmp_path):
    settings = '[[suppress]]\ncode = "TYP004"\nregex = "在在"\nreason = "x"\n'
    assert _codes(_check(tmp_path, settings=settings)[1]) == [("RES002", 2)]
    partial = '[[suppress]]\ncode = "TYP004"\nregex = "在"\nreason = "x"\n'
    assert len(_check(tmp_path, settings=partial)[1]) == 3


def test_a_path_glob_limits_the_entry(tmp_path):
    settings = RES002_BY_TEXT + 'path = "annexes/*.txt"\n'
    assert ("RES002", 2) in _codes(_check(tmp_path, settings=settings)[1])
    (tmp_path / "annexes").mkdir()
    (tmp_path / "annexes" / "a.txt").write_text(TEXT, encoding="utf-8")
    assert ("RES002", 2) not in _codes(_check(tmp_path, settings=settings, name="annexes/a.txt")[1])


def test_a_suppressed_finding_is_not_fixed(tmp_path):
    result, _ = _check(tmp_path, "--fix", settings=RES002_BY_TEXT)
    fixed = (tmp_path / "doc.txt").read_text(encoding="utf-8")
    assert "会议在纽约" in fixed and "1540（2004)" in fixed


def test_unused_suppressions_are_off_by_default_and_reported_when_selected(tmp_path):
    settings = RES002_BY_TEXT + '\n[[suppress]]\ncode = "SYM001"\ntext = "S/2000/1"\nreason = "old"\n'
    assert not [d for d in _check(tmp_path, settings=settings)[1] if d["code"] == "UNL005"]
    result, found = _check(tmp_path, "--extend-select", "UNL005", settings=settings)
    unused = [d for d in found if d["code"] == "UNL005"]
    assert len(unused) == 1 and 'suppression 2 (SYM001 "S/2000/1")' in unused[0]["message"]
    assert unused[0]["path"].endswith("unlint.toml") and result.exit_code == 1


@pytest.mark.parametrize(("entry", "says"), [
    ('code = "RES002"\ntext = "x"\n', "needs a code and a reason"),
    ('code = "RES002"\nreason = "r"\n', "one of the two"),
    ('code = "RES002"\ntext = "x"\nregex = "x"\nreason = "r"\n', "one of the two"),
    ('code = "RES002"\nregex = "(("\nreason = "r"\n', "is invalid"),
    ('code = "RES002"\ntext = "x"\nreason = "r"\nline = 3\n', "unknown key 'line'"),
    ('code = "XYZ999"\ntext = "x"\nreason = "r"\n', "XYZ999"),
])
def test_a_malformed_entry_is_one_line_and_exit_code_2(tmp_path, entry, says):
    result, _ = _check(tmp_path, settings="[[suppress]]\n" + entry)
    assert result.exit_code == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
