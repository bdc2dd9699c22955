"""RES rules: synthetic cases that must fire, must not, and the edges; then the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from unlint import Applicability, Config, lint_paths, lint_text
from unlint.document import Document
from unlint.rules.resolutions import (
    inconsistent_resolution_year,
    malformed_resolution_reference,
    resolution_after_document_date,
    resolution_bracket_mismatch,
    resolution_missing_hao,
    resolution_year_mismatch,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AUGUST_2018 = dt.date(2018, 8, 17)


def findings(rule, text, date=None):
    document = Document(text, document_date=date)
    return [(text[f.start:f.end], f.message) for f in rule.check(document, Config())]


def apply_fixes(code, text, applicability=Applicability.SAFE):
    diagnostics = lint_text(text, config=Config(select=(code,)))
    for diagnostic in sorted(diagnostics, key=lambda d: -d.offset):
        assert diagnostic.fix.applicability is applicability
        for edit in sorted(diagnostic.fix.edits, key=lambda e: -e.start):
            text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


# -- RES001 malformed-resolution-reference ----------------------------------------------

@pytest.mark.parametrize("text", ["安全理事会第 1325（2O00）号决议", "resolution 1325 (200)", "安理会在其 1631（2005）号决议中"])
def test_res001_fires(text):
    assert len(findings(malformed_resolution_reference, text)) == 1


@pytest.mark.parametrize("text", [
    "安全理事会第 1325(2000)号决议", "第 1325(2000)号和1820(2008)号决议", "resolution 1514 (XV)",
    "通过一项决议", "第 120 届大会通过的决议",
])
def test_res001_silent(text):
    assert findings(malformed_resolution_reference, text) == []


# -- RES002 resolution-bracket-mismatch ------------------------------------------------

def test_res002_fires_and_fixes_safely():
    text = "监测安全理事会第 1373（2001)号决议的执行情况"
    assert len(findings(resolution_bracket_mismatch, text)) == 1
    assert apply_fixes("RES002", text) == "监测安全理事会第 1373（2001）号决议的执行情况"


@pytest.mark.parametrize("text", ["第 1373（2001）号决议", "第 1373(2001)号决议", "resolution 1373 (2001)"])
def test_res002_silent_on_matching_brackets(text):
    assert findings(resolution_bracket_mismatch, text) == []


# -- RES003 resolution-missing-hao -------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("安全理事会第 1631（2005）决议第 4段", "安全理事会第 1631（2005）号决议第 4段"),
    ("大会第 58/316 决议", "大会第 58/316 号决议"),
    ("第70/291、71/291和72/284决议", "第70/291、71/291和72/284号决议"),
])
def test_res003_fires_and_inserts_hao_safely_before_juei(text, fixed):
    assert len(findings(resolution_missing_hao, text)) == 1
    assert apply_fixes("RES003", text) == fixed


def test_res003_fix_inside_a_list_with_repeated_di_is_not_safe():
    # 第 repeated for each item wants 号 for each, but dropping the second 第 mends it as well.
    text = "第 1540（2004）和第 1673（2006）号决议"
    assert len(findings(resolution_missing_hao, text)) == 1
    assert apply_fixes("RES003", text, Applicability.UNSAFE) == "第 1540（2004）号和第 1673（2006）号决议"


@pytest.mark.parametrize("text", [
    "第70/291、71/291、72/284和73/305号决议",
    "安全理事会第1373 (2001)、1540 (2004)……和2396 (2017)号决议",
    "2000年10月31日第1325(2000)号、2008年6月19日第1820(2008)号……和2019年4月23日第2467(2019)号决议",
    "第62/238 A和B号决议",
    "第 64/243 A 号决议",
])
def test_res003_silent_when_one_hao_covers_the_list(text):
    assert findings(resolution_missing_hao, text) == []


def test_res003_same_slip_same_finding_in_every_item():
    text = "第 1540(2004)和第 1673(2006)和第 1810(2008)号决议"
    assert len(findings(resolution_missing_hao, text)) == 2


def test_res003_silent_on_english_and_on_complete_lists():
    assert findings(resolution_missing_hao, "resolutions 1325 (2000) and 1820 (2008)") == []
    assert findings(resolution_missing_hao, "第 1325(2000)号和1820(2008)号决议") == []


# -- RES004 resolution-year-mismatch -------------------------------------------------------

@pytest.mark.parametrize(("text", "adopted"), [
    ("安全理事会第 1809(2006)号决议", "2008"),
    ("Security Council resolution 2699 (2022)", "2023"),   # the mis-citation of press release SC/15295
    ("resolution 2642 (2023)", "2022"),
    ("resolution 1284 (2000)", "1999"),                    # the last of 1999
    ("见 S/RES/1325(2001)。", "2000"),
])
def test_res004_fires_on_a_wrong_year(text, adopted):
    ((_, message),) = findings(resolution_year_mismatch, text)
    assert f"adopted in {adopted}" in message


@pytest.mark.parametrize("text", [
    "安全理事会第 1809(2008)号决议", "resolution 1285 (2000)", "resolution 1 (1946)", "resolution 2767 (2024)",
    "resolution 2811 (2025)",   # beyond the table's last known number, in the year that follows it
    "resolution 9999 (2031)",   # beyond the table: not this rule's business
    "大会第 58/316 号决议",
])
def test_res004_silent_on_right_years_and_beyond_the_table(text):
    assert findings(resolution_year_mismatch, text) == []


def test_res004_a_number_beyond_the_table_cannot_be_older_than_the_table():
    ((_, message),) = findings(resolution_year_mismatch, "resolution 2811 (2023)")
    assert "2025 or later" in message


# -- RES005 resolution-after-document-date ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "安全理事会第 2532(2020)号决议",       # a year after the date
    "Security Council resolution 2460",   # no year, but adopted after the date (2019)
    "大会第 73/1 号决议",                 # the 73rd session opened in September 2018
    "经济及社会理事会第 2019/1 号决议",
])
def test_res005_fires(text):
    assert len(findings(resolution_after_document_date, text, AUGUST_2018)) == 1


@pytest.mark.parametrize("text", [
    "安全理事会第 2430(2018)号决议", "大会第 72/273 号决议", "人权理事会第 38/1 号决议", "第 1809(2008)号决议",
])
def test_res005_silent_on_what_existed(text):
    assert findings(resolution_after_document_date, text, AUGUST_2018) == []


def test_res005_session_opens_in_september():
    assert findings(resolution_after_document_date, "大会第 73/1 号决议", dt.date(2018, 9, 20)) == []


def test_res005_silent_without_a_date():
    assert findings(resolution_after_document_date, "安全理事会第 2999(2030)号决议") == []


# -- RES006 inconsistent-resolution-year -------------------------------------------------------

def test_res006_fires_on_the_second_year():
    text = "安全理事会第 1631（2005）号决议。\n安全理事会第 1631（2006）号决议"
    ((span, message),) = findings(inconsistent_resolution_year, text)
    assert span == "1631（2006）" and "line 1 with 2005" in message


def test_res006_fires_on_a_roman_session_cited_two_ways():
    text = "General Assembly resolution 1514 (XV) ... resolution 1514 (XVI)"
    ((span, message),) = findings(inconsistent_resolution_year, text)
    assert span == "1514 (XVI)" and "with XV" in message


def test_res006_silent_on_consistent_citations_and_different_resolutions():
    text = "第 1631（2005）号决议 ... resolution 1631 (2005) ... 第 1325(2000)号决议 ... 1514 (XV) ... resolution 1514 (XV)"
    assert findings(inconsistent_resolution_year, text) == []


# -- the corpus ------------------------------------------------------------------------------------

def test_corpus_findings_are_exactly_the_real_errors():
    results = lint_paths([EXAMPLES], Config(select=("RES",)))
    found = sorted((Path(r.path).name, d.start.line, d.code) for r in results for d in r.diagnostics)
    assert found == [
        ("A-61-204-S-2006-590.zh.txt", 658, "RES001"),   # 安理会在其 1631（2005）号决议: no 第
        ("A-61-204-S-2006-590.zh.txt", 720, "RES003"),   # 第 1631（2005）决议: no 号
        ("A-61-204-S-2006-590.zh.txt", 741, "RES002"),   # 第 1373（2001)号
        ("A-61-204-S-2006-590.zh.txt", 1231, "RES002"),  # 第 1540（2004)和...
        ("A-61-204-S-2006-590.zh.txt", 1231, "RES003"),  # ...第 1540（2004)和: no 号
    ]


def test_english_corpus_is_silent():
    results = lint_paths([EXAMPLES / "en"], Config(select=("RES", "SYM")))
    assert [d for r in results for d in r.diagnostics] == []


# -- issue 12: lists, decisions, other bodies ----------------------------------------------

def test_res003_silent_on_a_run_that_one_hao_closes_after_a_dated_item():
    # Each 第 opens a run closed by one 号: 第70/213和70/219号 is one run.
    text = "大会2015年12月17日第70/132号以及2015年12月22日第70/213和70/219号决议"
    assert findings(resolution_missing_hao, text) == []
    assert findings(malformed_resolution_reference, text) == []


def test_res003_fires_on_the_dated_item_that_lacks_its_hao_before_juei():
    text = "2019年12月19日第74/229号和2021年12月17日第76/213决议"
    assert [message for _, message in findings(resolution_missing_hao, text)] == ["'第 76/213' lacks '号'"]
    assert apply_fixes("RES003", text) == "2019年12月19日第74/229号和2021年12月17日第76/213号决议"


def test_res001_missing_di_only_for_the_first_item():
    assert len(findings(malformed_resolution_reference, "安理会在其 1631（2005）号决议中")) == 1
    assert findings(malformed_resolution_reference, "第1325(2000)号、1820(2008)号和1888(2009)号决议") == []


@pytest.mark.parametrize("text", ["大会S-30/1号决议，附件。", "大会S-23/2号决议，附件；S-23/3号决议，附件。",
                                  "大会第ES-11/1号和ES-11/4号决议"])
def test_res001_silent_on_special_session_numbers_without_di(text):
    # Edited UN Chinese writes both 大会S-30/1号决议 and 第S-26/2号: no 第 is no slip, in any item.
    assert findings(malformed_resolution_reference, text) == []


@pytest.mark.parametrize("text", ["世界卫生大会第62.14号决议", "第1/CP.\n21号决定，附件", "第3/CP.25号决议"])
def test_numbers_of_other_bodies_are_silent(text):
    for rule in (malformed_resolution_reference, resolution_missing_hao, resolution_after_document_date):
        assert findings(rule, text, AUGUST_2018) == []


@pytest.mark.parametrize("text", ["大会第 80/506 号决定", "General Assembly decision 80/506",
                                  "经济及社会理事会第2019/201号决定"])
def test_res005_checks_decisions_too(text):
    assert len(findings(resolution_after_document_date, text, AUGUST_2018)) == 1


@pytest.mark.parametrize("text", ["大会第 72/555 号决定", "Economic and Social Council decision 2018/201"])
def test_res005_silent_on_decisions_that_existed(text):
    assert findings(resolution_after_document_date, text, AUGUST_2018) == []


def test_res005_on_another_body_checks_only_the_year():
    # A Commission's 42/1 is not the General Assembly's 42nd session; a year after the date still is wrong.
    assert findings(resolution_after_document_date, "the Commission, in its resolution 75/1", AUGUST_2018) == []
    assert len(findings(resolution_after_document_date, "执行局第2019/6号决定", AUGUST_2018)) == 1


def test_res004_checks_bare_list_items():
    text = "Security Council resolutions\n\n1325 (2000)\n1820 (2006)\n"
    assert [span for span, _ in findings(resolution_year_mismatch, text)] == ["1820 (2006)"]


def test_res006_roman_session_without_organ():
    text = "Recalling its resolution 1514 (XV) and its resolution 1514 (XVI)"
    assert len(findings(inconsistent_resolution_year, text)) == 1
