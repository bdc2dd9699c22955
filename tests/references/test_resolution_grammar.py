"""The resolution-reference grammar: Chinese and English forms, lists, pinpoints, slips."""

from __future__ import annotations

import pytest

from unlint.references import IssueKind, ResolutionSyntaxError, parse_resolution

from .describe import describe_citation

FORMS = [
    # Chinese, one resolution
    ("大会第 58/316 号决议", "GA s=58 n=316"),
    ("大会第58/316号决议", "GA s=58 n=316"),
    ("安全理事会第 1809(2008)号决议", "SC y=2008 n=1809"),
    ("安全理事会第 1809（2008）号决议", "SC y=2008 n=1809"),
    ("安全理事会第 1809 (2008) 号决议", "SC y=2008 n=1809"),
    ("安理会第 2532(2020)号决议", "SC y=2020 n=2532"),
    ("安理会第\n\n2532(2020)号决议", "SC y=2020 n=2532"),
    ("安全理事会在其第 1809(2008)号决议", "SC y=2008 n=1809"),
    ("大会在第 70/296 号决议", "GA s=70 n=296"),
    ("人权理事会第 12/15 号决议", "HRC s=12 n=15"),
    ("经济及社会理事会第 2008/12 号决议", "ECOSOC y=2008 n=12"),
    ("经社理事会第 1982/112 号决议", "ECOSOC y=1982 n=112"),
    ("经济及社会理事会第2008(LX)号决议", "ECOSOC r=LX n=2008"),
    ("第 1631（2005）号决议", "SC y=2005 n=1631"),
    ("第 72/273 号决议", "GA s=72 n=273"),
    ("大会第3281(XXIX)号决议", "GA r=XXIX n=3281"),
    ("大会第 47/120 B 号决议", "GA s=47 n=120 l=B"),
    ("大会第 ES-10/17 号决议", "GA s=ES-10 n=17"),
    ("第 1540（2004）号和第 1673（2006）号决\n\n议", "SC y=2004 n=1540 ; SC y=2006 n=1673"),
    # Chinese lists
    ("第 1325(2000)号和1820(2008)号决议", "SC y=2000 n=1325 ; SC y=2008 n=1820"),
    ("第 1540（2004）号和第 1673（2006）号决议", "SC y=2004 n=1540 ; SC y=2006 n=1673"),
    ("第1261(1999)号、第1265(1999)号、第1296(2000)号和第1314(2000)号决议",
     "SC y=1999 n=1261 ; SC y=1999 n=1265 ; SC y=2000 n=1296 ; SC y=2000 n=1314"),
    ("第37/4号、第38/4号和第51/18号决议", "GA s=37 n=4 ; GA s=38 n=4 ; GA s=51 n=18"),
    ("大会第 48/213 号及第 49/88 号决议", "GA s=48 n=213 ; GA s=49 n=88"),
    # English
    ("resolution 58/316", "GA s=58 n=316"),
    ("General Assembly resolution 1514 (XV)", "GA r=XV n=1514"),
    ("General Assembly resolution 3363 (XXX)", "GA r=XXX n=3363"),
    ("Security Council resolution 1809 (2008)", "SC y=2008 n=1809"),
    ("Security Council resolution 1809(2008)", "SC y=2008 n=1809"),
    ("resolutions 1325 (2000) and 1820 (2008)", "SC y=2000 n=1325 ; SC y=2008 n=1820"),
    ("Human Rights Council resolution 12/15", "HRC s=12 n=15"),
    ("Economic and Social Council resolution 2025/32", "ECOSOC y=2025 n=32"),
    ("resolutions 2748 (2024), 2767 (2024) and 2776 (2025)", "SC y=2024 n=2748 ; SC y=2024 n=2767 ; SC y=2025 n=2776"),
    ("resolutions 2033 (2012), 2167 (2014), and 2320 (2016)", "SC y=2012 n=2033 ; SC y=2014 n=2167 ; SC y=2016 n=2320"),
    ("Assembly resolutions 48/213 and 49/88", "GA s=48 n=213 ; GA s=49 n=88"),
    ("resolution 72/262 C", "GA s=72 n=262 l=C"),
    ("resolution ES-10/17", "GA s=ES-10 n=17"),
    ("resolution S-8/1", "GA s=S-8 n=1"),
    ("Council resolution 2767 (2024)", "SC y=2024 n=2767"),
    ("Resolution 76/274", "GA s=76 n=274"),
]

PINPOINTS = [
    ("大会第 63/303 号决议，附件，第 59 段", ("附件", "第59段")),
    ("大会第 60/180 号决议，第 7 段(e)、第 11 和 19 段", ("第7段(e)", "第11和19段")),
    ("大会第 57/337 号决议附件第 37 段", ("附件", "第37段")),
    ("大会第 60/1 号决议，第 170(c)段", ("第170(c)段",)),
    ("大会第 58/316 号决议附件第 4(I) 段", ("附件", "第4(I)段")),
    ("安全理事会第 1631（2005）号决议第 3\n\n段", ("第3段",)),
    ("大会第 55/283 号决议，附件", ("附件",)),
    ("大会第 49/57 号决议，附件一，第 5段", ("附件一", "第5段")),
]

MALFORMED = [
    "第 1325（2O00）号决议",   # letter O in the year
    "第 1325(200)号决议",      # three-digit year
    "第 1325（2000号决议",     # unclosed bracket
    "第号决议",
    "大会第 58/ 号决议",
    "resolution 1325 (200)",
    "resolution 1325 (2000",
    "resolution /316",
    "resolutions 1325 (2000) and",
    "第 1325(2000)号和号决议",
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_form_parses_into_its_fields(text, expected):
    citation = parse_resolution(text)
    assert describe_citation(citation) == expected
    assert citation.issues == ()


@pytest.mark.parametrize(("text", "pinpoints"), PINPOINTS)
def test_pinpoints_are_kept(text, pinpoints):
    assert parse_resolution(text).pinpoints == pinpoints


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_reference_does_not_parse(text):
    with pytest.raises(ResolutionSyntaxError):
        parse_resolution(text)


def test_organ_stated_or_inferred():
    stated = parse_resolution("安全理事会第 1809(2008)号决议").items[0]
    inferred = parse_resolution("第 1809(2008)号决议").items[0]
    assert stated.organ_stated and not inferred.organ_stated
    assert stated.organ is inferred.organ


def test_item_spans_are_document_offsets():
    citation = parse_resolution("第 1325(2000)号和1820(2008)号决议", start=10)
    assert [(i.start, i.end, i.text) for i in citation.items] == [(12, 22, "1325(2000)"), (24, 34, "1820(2008)")]


def test_bracket_mismatch_is_recorded_with_its_mending():
    (issue,) = parse_resolution("第 1325（2000)号决议", start=5).issues
    assert issue.kind is IssueKind.BRACKET_MISMATCH
    assert (issue.start, issue.end, issue.replacement) == (5 + 11, 5 + 12, "）")


def test_halfwidth_opened_fullwidth_closed_is_a_mismatch_too():
    (issue,) = parse_resolution("第 1325(2000）号决议").issues
    assert issue.replacement == ")"


def test_missing_hao_is_recorded_after_the_number():
    text = "安全理事会第 1631（2005）决议"
    (issue,) = parse_resolution(text).issues
    assert issue.kind is IssueKind.MISSING_HAO
    assert text[:issue.start] + issue.replacement + text[issue.end:] == "安全理事会第 1631（2005）号决议"


def test_list_item_missing_hao_and_bracket():
    text = "安全理事会第 1540（2004)和第 1673（2006）号决议"
    kinds = [issue.kind for issue in parse_resolution(text).issues]
    assert kinds == [IssueKind.BRACKET_MISMATCH, IssueKind.MISSING_HAO]


def test_missing_di_is_recorded_only_for_the_first_item():
    assert [i.kind for i in parse_resolution("安理会在其 1631（2005）号决议").issues] == [IssueKind.MISSING_DI]
    assert parse_resolution("第 1325(2000)号和1820(2008)号决议").issues == ()


def test_english_references_have_no_chinese_issues():
    assert parse_resolution("resolution 1325 (2000)").issues == ()
