"""SYM rules: synthetic cases that must fire, must not, and the edges; then the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from unlint import Config, lint_paths
from unlint.document import Document
from unlint.rules.symbols import (
    conflicting_joint_symbols,
    malformed_symbol,
    symbol_after_document_date,
    symbol_year_disagrees_with_date,
    unknown_symbol_series,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AUGUST_2018 = dt.date(2018, 8, 17)


def findings(rule, text, date=None, config=None):
    document = Document(text, document_date=date)
    return [(text[f.start:f.end], f.message) for f in rule.check(document, config or Config())]


# -- SYM001 malformed-symbol ----------------------------------------------------

@pytest.mark.parametrize("text", ["见 A/60//341。", "见 S/2O17/744。"])
def test_sym001_fires_on_a_symbol_that_does_not_parse(text):
    assert len(findings(malformed_symbol, text)) == 1


@pytest.mark.parametrize(("text", "span"), [
    ("见 S/95/12。", "S/95/12"),
    ("见 S/PRST/13/12。", "S/PRST/13/12"),
    ("A/47/277-S/24/16，第 62 段。", "A/47/277-S/24/16"),
])
def test_sym001_fires_on_a_symbol_wrong_for_its_series(text, span):
    ((found, message),) = findings(malformed_symbol, text)
    assert found == span and "four-digit year" in message


@pytest.mark.parametrize("text", ["S/24111", "A/59/2005", "S/PRST/2013/12", "A/61/204–S/2006/590*", "E/CN.4/1998/13"])
def test_sym001_silent_on_correct_symbols(text):
    assert findings(malformed_symbol, text) == []


# -- SYM002 symbol-after-document-date --------------------------------------------

@pytest.mark.parametrize("text", [
    "年度报告(S/2026/780)", "(A/79/160)", "(S/PRST/2019/1)", "(A/71/160-S/2019/621)", "(S/RES/2460(2019))",
])
def test_sym002_fires_on_a_later_year_or_session(text):
    assert len(findings(symbol_after_document_date, text, AUGUST_2018)) == 1


@pytest.mark.parametrize("text", [
    "(S/2018/678)",    # same year
    "* A/73/150。",    # the coming session's preliminary list is issued before it opens
    "(A/72/1)",
    "(A/HRC/99/1)",    # Human Rights Council sessions are not the Assembly's
    "(S/24111)",
])
def test_sym002_silent_on_symbols_that_existed(text):
    assert findings(symbol_after_document_date, text, AUGUST_2018) == []


def test_sym002_silent_without_a_document_date():
    assert findings(symbol_after_document_date, "(S/2026/780)") == []


def test_sym002_uses_the_masthead_date():
    text = "联合国   A/73/1\nDistr.: General\n17 August 2018\n\n见 S/2019/1。"
    assert len(findings(symbol_after_document_date, text)) == 1


# -- SYM003 symbol-year-disagrees-with-date -----------------------------------------

def test_sym003_fires_when_the_year_beside_differs():
    ((span, message),) = findings(symbol_year_disagrees_with_date, "安理会面前有 2020 年 1 月 9 日的信(S/2019/30)所附")
    assert span == "S/2019/30" and "2020 年 1 月 9 日的信" in message


@pytest.mark.parametrize("text", [
    "安理会面前有 2020 年 1 月 9 日的信(S/2020/30)所附",
    "2013 年 8 月 6 日主席声明(S/PRST/2013/12)",
    "2019 年 12 月 30 日的信(S/2020/1)",          # December papers are often numbered in January
    "2020 年 7 月 24 日 S/2020/751 2020 年 7 月 28 日",  # a table column, not a date beside the symbol
    "2016 年 7 月 15 日发布上一份报告(A/71/160-S/2016/621)",
    "2019 年 1 月 9 日的报告(A/73/150)",             # session-based symbols carry no year
    "letter dated 9 January 2020 (S/2020/30)",
    "截至 2019 年 6 月 30 日的期间(S/2020/100)",        # a period's end is not the paper's date
    "on 9 January 2020 (S/2021/30)",                  # a date, but not the paper's
])
def test_sym003_silent_when_year_and_date_agree_or_no_date_is_beside(text):
    assert findings(symbol_year_disagrees_with_date, text) == []


@pytest.mark.parametrize("text", [
    "letter dated 9 January 2020 (S/2021/30)",
    "report of 15 July 2016 (A/71/160-S/2017/621)",
    "2016 年 7 月 15 日发布上一份报告(A/71/160-S/2017/621)",
])
def test_sym003_other_forms_of_a_dated_paper(text):
    assert len(findings(symbol_year_disagrees_with_date, text)) == 1


def test_sym003_the_next_year_outside_december_is_wrong():
    assert len(findings(symbol_year_disagrees_with_date, "2019 年 11 月 30 日的信(S/2020/1)")) == 1


# -- SYM004 conflicting-joint-symbols ------------------------------------------------

def test_sym004_fires_on_the_later_different_partner():
    text = "报告(A/50/60-S/1995/1)。\n另见 A/50/60-S/1995/7。"
    ((span, message),) = findings(conflicting_joint_symbols, text)
    assert span == "A/50/60-S/1995/7" and "line 1" in message


@pytest.mark.parametrize("text", [
    "(A/50/60-S/1995/1) ... (A/50/60–S/1995/1)",   # hyphen or en dash: the same symbol
    "(A/50/60-S/1995/1) ... (A/50/60)",            # one half alone is fine
    "(A/50/60-S/1995/1) ... (A/50/61-S/1995/2)",
])
def test_sym004_silent_on_consistent_citations(text):
    assert findings(conflicting_joint_symbols, text) == []


# -- SYM005 unknown-symbol-series ----------------------------------------------------

def test_sym005_fires_on_an_unknown_series():
    ((span, message),) = findings(unknown_symbol_series, "(见 SS/2016/621)")
    assert span == "SS/2016/621" and "'SS/'" in message


def test_sym005_silent_on_known_series_and_configured_ones():
    assert findings(unknown_symbol_series, "A/73/150 S/2016/621 CRC/C/GC/12 UNEP/EA.5/1") == []
    assert findings(unknown_symbol_series, "WFP/EB.1/2020/1", config=Config(known_series=("WFP",))) == []
    assert len(findings(unknown_symbol_series, "WFP/EB.1/2020/1")) == 1


# -- the corpus ------------------------------------------------------------------------

def test_corpus_findings_are_exactly_the_real_errors():
    results = lint_paths([EXAMPLES], Config(select=("SYM",)))
    found = sorted((Path(r.path).name, d.start.line, d.code) for r in results for d in r.diagnostics)
    assert found == [
        # "A/47/277-S/24/16": An Agenda for Peace is A/47/277-S/24111 (cited so on line 205)
        ("A-61-204-S-2006-590.zh.txt", 999, "SYM001"),
        ("A-61-204-S-2006-590.zh.txt", 999, "SYM004"),
    ]


# -- issue 12: symbols right after Chinese, names with a slash ------------------------------

def test_a_symbol_right_after_a_chinese_character_is_read():
    document = Document("见A/76/214和A/76/214/Corr.1，以及见A/50/60-S/1995/1。")
    assert [s.text for s in document.references.symbols] == ["A/76/214", "A/76/214/Corr.1", "A/50/60-S/1995/1"]


@pytest.mark.parametrize("text", [
    "AFC/M23 armed group", "刚果河联盟/M23 (AFC/M23)", "see CONCLU/131", "route SEA/15", "(XYZ/12)",
])
def test_names_with_a_slash_are_not_symbols_to_report(text):
    for rule in (malformed_symbol, unknown_symbol_series):
        assert findings(rule, text) == []


@pytest.mark.parametrize("text", ["(见 SS/2016/621)", "见 XYZ/C.2/15", "UNFOO/2020/EB/3"])
def test_sym005_fires_on_an_unknown_series_with_a_symbol_shape(text):
    assert len(findings(unknown_symbol_series, text)) == 1


@pytest.mark.parametrize("text", ["UNICEF/2022/EB/9", "ECE/EB.AIR/2022/3", "ST/CS/SER.A/29/Rev.1",
                                  "UNCTAD/DTL/STICT/2019/4", "S/24111"])
def test_real_symbol_shapes_parse_and_are_known(text):
    for rule in (malformed_symbol, unknown_symbol_series):
        assert findings(rule, text) == []


def test_sym001_fires_on_a_joint_partner_that_lost_its_series():
    assert [span for span, _ in findings(malformed_symbol, "报告，A/76/871-2022/493，联合国")] == ["A/76/871-2022/493"]
