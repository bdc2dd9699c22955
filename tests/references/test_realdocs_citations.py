"""Real excerpts of 2023 UN documents (tests/data/realdocs/refs): every citation read, only the real slips reported.

Run through the real CLI, as a user would: ``unlint check`` with the document date the corpus lost,
and ``unlint refs``.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from unlint.cli import main

EXCERPTS = Path(__file__).resolve().parents[1] / "data" / "realdocs" / "refs"


def _check(name):
    result = CliRunner().invoke(main, ["check", "--select", "SYM,RES", "--document-date", "2023-07-31",
                                       "--format", "json", "--exit-zero", str(EXCERPTS / name)])
    assert result.exit_code == 0, result.output
    lines = (EXCERPTS / name).read_text(encoding="utf-8").splitlines()
    return sorted((d["code"], d["line"], lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1])
                  for d in json.loads(result.output))


def _refs(name):
    result = CliRunner().invoke(main, ["refs", "--format", "json", str(EXCERPTS / name)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_chinese_excerpt_reports_only_the_real_slips():
    assert _check("ecosoc-2023-citations.zh.txt") == [
        # 第74/229号和…第76/213决议: the item with its own 第 lacks its 号 before 决议.
        ("RES003", 1, "2019年12月19日第74/229号和2021年12月17日第76/213决议"),
        # The text as given (the corpus split "Add.1" after the dot).
        ("SYM001", 4, "FCCC/CP/2015/10/Add"),
        # The joint symbol lost the series of its second part (English: A/76/871–S/2022/493).
        ("SYM001", 19, "A/76/871-2022/493"),
    ]


def test_english_excerpt_reports_only_the_corpus_artifacts():
    assert _check("ecosoc-2023-citations.en.txt") == [
        ("SYM001", 3, "FCCC/CP/2015/10/Add"),
        ("SYM005", 6, "WP/PPP/2022/4"),
    ]


def _items(rows, kind):
    return [(item.get("organ"), item.get("session") or item.get("year"), item["number"])
            for row in rows if row["kind"] == kind for item in row["fields"]["resolutions"]]


def test_chinese_excerpt_reads_every_list_item_and_decision():
    rows = _refs("ecosoc-2023-citations.zh.txt")
    resolutions, decisions = _items(rows, "resolution"), _items(rows, "decision")
    # The twelve-item dated ECOSOC list (first item included) and the nine-item one.
    line_3 = next(row for row in rows if row["line"] == 3)["fields"]["resolutions"]
    assert [(item["year"], item["number"]) for item in line_3] == [
        (2011, 6), (2012, 24), (2013, 16), (2014, 2), (2015, 12), (2016, 2), (2017, 9), (2018, 7), (2019, 2),
        (2020, 9), (2021, 7), (2022, 18)]
    assert sum(1 for r in resolutions if r[0] == "ECOSOC" and 2011 <= r[1] <= 2022) == 21
    assert ("GA", 70, 213) in resolutions and ("GA", 70, 219) in resolutions
    assert ("other", 42, 1) in resolutions and ("HRC", 21, 11) in resolutions
    assert sorted(decisions) == sorted([
        ("ECOSOC", 2021, 254), ("other", 2022, 6), ("ECOSOC", 2022, 355), ("other", 2022, 6), ("GA", 73, 546),
        ("ECOSOC", 2022, 328),
    ])
    # UNFCCC decisions (1/CP.21, 1/CP.27) are not read as UN resolutions.
    assert [row for row in rows if row["kind"] != "symbol" and row["line"] in (5, 6, 7)] == []


def test_english_excerpt_reads_dated_lists_and_other_bodies():
    rows = _refs("ecosoc-2023-citations.en.txt")
    resolutions, decisions = _items(rows, "resolution"), _items(rows, "decision")
    assert [r for r in resolutions if r[0] == "GA"][:2] == [("GA", 74, 229), ("GA", 76, 213)]
    assert ("other", 42, 1) in resolutions
    assert ("ECOSOC", 2021, 254) in decisions and ("GA", 73, 546) in decisions
    assert [row["text"] for row in rows if row["kind"] == "symbol" and row["parsed"]][-1] == "ST/CS/SER.A/29/Rev.1"
