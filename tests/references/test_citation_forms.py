"""Every citation form of issue 12, read with its fields: dated lists, decisions, letters, bare list items."""

from __future__ import annotations

import pytest

from unlint.references import Organ, find_references, parse_resolution

from .describe import describe_citation


def _citations(text):
    return [(c.kind, " ".join(c.text.split()), describe_citation(c)) for c in find_references(text).citations]


@pytest.mark.parametrize(("text", "expected"), [
    # Dated lists: a date before each item, one 决议 for all (the preambular form).
    ("2000年10月31日第1325(2000)号、2008年6月19日第1820(2008)号……和2019年4月23日第2467(2019)号决议",
     "SC y=2000 n=1325 ; SC y=2008 n=1820 ; SC y=2019 n=2467"),
    ("经济及社会理事会2005年7月22日第2005/30号、……第2021/9号决议", "ECOSOC y=2005 n=30 ; ECOSOC y=2021 n=9"),
    # One 第 and one 号 for a whole list.
    ("第70/291、71/291、72/284和73/305号决议", "GA s=70 n=291 ; GA s=71 n=291 ; GA s=72 n=284 ; GA s=73 n=305"),
    ("安全理事会第1373 (2001)、1540 (2004)……和2396 (2017)号决议", "SC y=2001 n=1373 ; SC y=2004 n=1540 ; SC y=2017 n=2396"),
    # Lettered resolutions, and a letter continuing the previous number.
    ("第62/238 A和B号决议", "GA s=62 n=238 l=A ; GA s=62 n=238 l=B"),
    ("第 64/243 A 号决议", "GA s=64 n=243 l=A"),
])
def test_chinese_lists_are_read_item_by_item(text, expected):
    [(kind, _, described)] = _citations(text)
    assert (kind, described) == ("resolution", expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("第 75/569 号决定", "GA s=75 n=569"),
    ("经济及社会理事会第2019/201号决定", "ECOSOC y=2019 n=201"),
    ("1985 年 5 月 28 日第 1985/112 号决定", "ECOSOC y=1985 n=112"),
    ("General Assembly decision 77/555", "GA s=77 n=555"),
    ("Economic and Social Council decisions 2021/254 and 2022/328", "ECOSOC y=2021 n=254 ; ECOSOC y=2022 n=328"),
])
def test_decisions_are_their_own_kind(text, expected):
    [(kind, _, described)] = _citations(text)
    assert (kind, described) == ("decision", expected)


def test_a_verb_decide_is_not_a_decision_reference():
    assert _citations("大会决定将该项目列入议程。") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("resolutions 1325 (2000) and 1820 (2008)", "SC y=2000 n=1325 ; SC y=2008 n=1820"),
    ("General Assembly resolution 78/123", "GA s=78 n=123"),
    ("Council resolution 2719 (2023)", "SC y=2023 n=2719"),
    ("resolutions 72/242 of 22 December 2017, 73/17 of 26 November 2018 and 75/316 of 17 August 2021",
     "GA s=72 n=242 ; GA s=73 n=17 ; GA s=75 n=316"),
    ("the Security Council, in its resolution 2809 (2025),", "SC y=2025 n=2809"),
    ("the Human Rights Council in its resolution 21/11 of 27 September 2012", "HRC s=21 n=11"),
])
def test_english_forms(text, expected):
    [(_, _, described)] = _citations(text)
    assert described == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A body that is not one of the four organs: its own numbering, organ "other".
    ("the Commission for Social Development, in its resolution 42/1 of 13 February 2004", "other s=42 n=1"),
    ("铭记社会发展委员会2004年2月13日第42/1号决议", "other s=42 n=1"),
    ("本报告是根据执行局第2022/6号决定提交的", "other y=2022 n=6"),
    ("pursuant to Executive Board decision 2022/6", "other y=2022 n=6"),
    # The form alone does not name the organ: a roman session (GA or ECOSOC), a session below 31.
    ("Recalling its resolution 11 (II) of 21 June 1946", "? r=II n=11"),
    ("annex II, resolution 14/221.", "? s=14 n=221"),
])
def test_organ_only_when_the_text_or_the_form_says_it(text, expected):
    [(_, _, described)] = _citations(text)
    assert described == expected


@pytest.mark.parametrize("text", [
    "第62.14号决议",             # World Health Assembly resolution WHA62.14
    "第1/CP.\n21号决定",         # a Conference of the Parties decision split across lines
    "第1/CP.27号决议",
])
def test_numbers_of_other_bodies_are_not_un_resolutions(text):
    assert _citations(text) == []


SC_LIST = """Security Council resolutions

1325 (2000)
1820 (2008)\tWomen and peace and security
S/PRST/2020/1
2719 (2023)

Programme of work
1234 (2000)
"""


def test_bare_citations_under_a_resolutions_heading():
    found = _citations(SC_LIST)
    assert [text for _, text, _ in found] == ["1325 (2000)", "1820 (2008)", "2719 (2023)"]
    assert [described for _, _, described in found] == ["SC y=2000 n=1325", "SC y=2008 n=1820", "SC y=2023 n=2719"]


def test_bare_general_assembly_items_take_the_heading_organ():
    text = "General Assembly resolutions\n\n66/253 A; 66/253 B; 71/130 | The situation\n1514 (XV) | Declaration\n"
    assert [d for _, _, d in _citations(text)] == [
        "GA s=66 n=253 l=A", "GA s=66 n=253 l=B", "GA s=71 n=130", "GA r=XV n=1514",
    ]


def test_a_no_break_space_inside_a_bare_citation_is_read_like_a_space():
    # Word files keep the editor's no-break space ("66/253", U+00A0, "B") that the PDF shows as a space.
    text = "General Assembly resolutions\n\n66/253\u00a0B;\u00a071/130 | The situation\n1514\u00a0(XV) | Declaration\n"
    assert [d for _, _, d in _citations(text)] == ["GA s=66 n=253 l=B", "GA s=71 n=130", "GA r=XV n=1514"]


def test_a_number_and_year_in_prose_is_not_a_bare_citation():
    assert _citations("In 2019 (2020 figures) the Council met 1325 (2000) times.\n1325 (2000)\n") == []


def test_a_prose_line_naming_security_council_resolutions_opens_no_list():
    text = ("The mission works under Security Council resolutions adopted since 2000, and reports every year to "
            "the Council on the progress made.\n1325 (2000)\n")
    assert _citations(text) == []


def test_organ_before_is_part_of_the_cache_key():
    # The same text cited once after a Commission and once alone parses to two organs.
    text = "the Commission, in its resolution 42/1; and resolution 42/1"
    organs = [c.items[0].organ for c in find_references(text).citations]
    assert organs == [Organ.OTHER, Organ.GENERAL_ASSEMBLY]


def test_parse_resolution_takes_the_organ_named_before():
    citation = parse_resolution("第2022/6号决定", organ_before=Organ.OTHER)
    assert citation.kind == "decision" and citation.items[0].organ is Organ.OTHER


@pytest.mark.parametrize("text", [
    "FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex",   # a COP decision
    "decision 12/CP.5",
    "resolution 62.14 of the World Health Assembly",     # WHA62.14
])
def test_english_numbers_of_other_bodies_are_not_read(text):
    assert _citations(text) == []


def test_an_english_list_stops_before_another_body_number():
    assert [(text, d) for _, text, d in _citations("decisions 2022/6 and 1/CP.21")] == [
        ("decisions 2022/6", "ECOSOC y=2022 n=6")]
