"""Issue 16, items 2 and 3: messages and parsing that do not grow with the input.

Sizes here are small enough for the test suite; bench/bench_robustness.py
measures the issue's full sizes and times. Through the real CLI (CliRunner).
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from unlint.cli import main


def _check(tmp_path, text: str, *args: str):
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", "--format", "json", *args,
                                     str(tmp_path / "doc.txt")])


def test_a_chain_of_malformed_joint_symbols_is_one_short_finding(tmp_path):
    chain = "–".join(f"S/95/{i}" for i in range(1, 2001))
    result = _check(tmp_path, f"见{chain}号文件。\n", "--select", "SYM001")
    report = json.loads(result.stdout)
    assert [d["code"] for d in report] == ["SYM001"]
    message = report[0]["message"]
    assert len(message) < 200 and "S/95/1–" in message and "S/95/2000" in message and "four-digit year" in message


def test_distinct_problems_of_a_joint_symbol_are_each_reported(tmp_path):
    result = _check(tmp_path, "见S/95/1–S/96/2号文件。\n", "--select", "SYM001")
    assert len(json.loads(result.stdout)) == 2


def test_many_markers_without_texts_give_bounded_messages(tmp_path):
    count = 2000
    body = [f"{k}.\tThe Committee was informed of item {k}.[^{k}]" for k in range(1, count + 1)]
    notes = [f"[^{k}]: See A/80/{k}." for k in range(1, count + 1) if k % 2]
    result = _check(tmp_path, "\n".join(body) + "\n\n" + "\n".join(notes) + "\n", "--select", "FTN001")
    report = json.loads(result.stdout)
    assert len(report) == count // 2
    assert max(len(d["message"]) for d in report) < 200
    assert report[0]["message"].endswith("1, 3, 5, 7, 9, 11, 13, 15, …, 1997, 1999 (1000 texts)")


def test_consecutive_footnote_numbers_are_written_as_ranges(tmp_path):
    body = [f"{k}.\tThe Committee was informed of item {k}.[^{k}]" for k in range(1, 8)]
    notes = [f"[^{k}]: See A/80/{k}." for k in (1, 2, 3, 4, 6, 7)]
    result = _check(tmp_path, "\n".join(body) + "\n\n" + "\n".join(notes) + "\n", "--select", "FTN001")
    (finding,) = json.loads(result.stdout)
    assert finding["message"] == "footnote 5 has no text; the footnote texts in this document are 1–4, 6, 7"


def test_a_long_run_of_a_slashes_is_parsed_once_and_in_time(tmp_path):
    # 40,000 'A/' used to take minutes (each x* step copied the list so far);
    # now a few seconds at most, so no rule reaches the time limit.
    result = _check(tmp_path, "A/" * 40_000 + "1\n", "--rule-timeout", "120")
    assert result.exit_code in (0, 1), result.output
    assert not [d for d in json.loads(result.stdout) if d["code"].startswith("UNL")]


def test_deeply_nested_brackets_are_paired_without_a_search_per_pair(tmp_path):
    depth = 40_000
    nested = "（" * depth + "文" + "）" * depth + "\n"
    result = _check(tmp_path, nested, "--select", "TYP001", "--rule-timeout", "120")
    assert json.loads(result.stdout) == []
    mixed = "（" * 3 + "文" + "）" * 2 + ")" + "。（中文)\n"
    report = json.loads(_check(tmp_path, mixed, "--select", "TYP001").stdout)
    assert [(d["column"], d["code"]) for d in report] == [(7, "TYP001"), (12, "TYP001")]

