"""AGD rules: synthetic agenda blocks and the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from unlint import Config, Document
from unlint.rules.agenda import (
    agenda_section_mismatch,
    agenda_sub_item_sequence,
    agenda_title_count,
    agenda_title_repeated,
    letter_sequence,
)

EXAMPLES = Path(__file__).parents[2] / "examples"
ORGS = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "上海合作组织"]


def report(letters: str, titles: list[str] | None = None, headings: list[str] | None = None) -> str:
    titles = ORGS if titles is None else titles
    headings = ORGS if headings is None else headings
    lines = ["大会", f"议程项目 129{letters}", "", "联合国同各区域组织及其他组织的合作：", ""]
    lines += [f"联合国同{t}的合作" for t in titles]
    lines += ["", "联合国同各区域组织及其他组织的合作", "", "一. 引言", "", "1. 本报告。", ""]
    for number, heading in enumerate(headings, 2):
        lines += [heading, "", f"{number}. 联合国同{heading}开展了合作。", ""]
    return "\n".join(lines)


def run(rule, text):
    document = Document(text, "t.txt")
    return [(document.text[f.start:f.end], f.message) for f in rule.check(document, Config())]


def test_letter_sequence_continues_with_double_letters():
    assert letter_sequence(28)[-3:] == ["z", "aa", "bb"]


# -- AGD001 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "letters",
    [
        "(a)、(b)、(c)和(d)", "(a)、(b)、……(c)和(d)", "（a）、（b）、（c）和（d）", "(a)和(b)",
        "(a)、(b)、……(y)和(z)", "(a)至(d)", "(a)、(b)、\n(c)及(d)",
    ],
)
def test_a_good_sequence_is_silent(letters):
    assert run(agenda_sub_item_sequence, report(letters)) == []


@pytest.mark.parametrize(
    ("letters", "span", "words"),
    [
        ("(a)、(b)、(d)和(e)", "(d)", "(c) is expected"),
        ("(a)、(b)、(b)和(c)", "(b)", "twice"),
        ("(a)、(c)、(b)和(d)", "(c)", "(b) is expected"),
        ("(a)、(b)、(c)、(d)", "(d)", "和"),
        ("（a）、（b）、（d）和（e）", "（d）", "(c) is expected"),
    ],
)
def test_a_broken_sequence_is_reported(letters, span, words):
    found = run(agenda_sub_item_sequence, report(letters))
    assert any(s == span and words in m for s, m in found), found


def test_a_masthead_without_titles_may_skip_but_not_step_back():
    assert run(agenda_sub_item_sequence, "大会\n议程项目 20(a)和(c)\n\n1. 正文。\n") == []
    [(span, message)] = run(agenda_sub_item_sequence, "大会\n议程项目 20(c)和(a)\n\n1. 正文。\n")
    assert span == "(a)" and "out of order" in message


def test_after_z_comes_aa():
    letters = "(a)、(b)、……(z)、(aa)和(bb)"
    assert run(agenda_sub_item_sequence, report(letters)) == []
    found = run(agenda_sub_item_sequence, report("(a)、……(z)、(ab)和(bb)"))
    assert any(span == "(ab)" and "(aa), (bb)" in message for span, message in found)


# -- AGD002 -----------------------------------------------------------------------


def test_as_many_titles_as_sub_items_is_silent():
    assert run(agenda_title_count, report("(a)、(b)、(c)和(d)")) == []


@pytest.mark.parametrize("letters", ["(a)至(d)", "(a)、……(d)", "(a)、(b)、……(c)和(d)"])
def test_a_range_counts_every_sub_item_it_stands_for(letters):
    assert run(agenda_title_count, report(letters)) == []


def test_a_missing_title_is_reported():
    [(span, message)] = run(agenda_title_count, report("(a)、(b)、(c)和(d)", titles=ORGS[:3]))
    assert "4 sub-items but 3 titles" in message
    assert span.startswith("议程项目 129")


# -- AGD003 -----------------------------------------------------------------------


def test_one_section_per_title_is_silent():
    assert run(agenda_section_mismatch, report("(a)、(b)、(c)和(d)")) == []


def test_a_title_without_a_section_and_a_section_without_a_title():
    headings = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "集体安全条约组织"]
    found = run(agenda_section_mismatch, report("(a)、(b)、(c)和(d)", headings=headings))
    assert [s for s, _ in found] == ["联合国同上海合作组织的合作", "集体安全条约组织"]


def test_a_variant_in_the_heading_is_reported_as_a_variant_not_as_missing():
    titles = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "中非国家经济共同体"]
    headings = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "中部非洲国家经济共同体"]
    [(span, message)] = run(agenda_section_mismatch, report("(a)、(b)、(c)和(d)", titles, headings))
    assert span == "中部非洲国家经济共同体"
    assert "中非国家经济共同体" in message


def test_an_abbreviation_in_a_title_is_no_variant():
    titles = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "国际刑事警察组织(国际刑警组织)"]
    headings = ["非洲联盟", "东南亚国家联盟", "欧洲委员会", "国际刑事警察组织"]
    assert run(agenda_section_mismatch, report("(a)、(b)、(c)和(d)", titles, headings)) == []


def test_a_report_without_one_section_per_title_is_left_alone():
    assert run(agenda_section_mismatch, report("(a)、(b)、(c)和(d)", headings=["上海合作组织"])) == []


# -- AGD004 -----------------------------------------------------------------------


def test_a_repeated_title_is_reported_with_the_first_line():
    titles = ["非洲联盟", "东南亚国家联盟", "非洲联盟", "上海合作组织"]
    [(span, message)] = run(agenda_title_repeated, report("(a)、(b)、(c)和(d)", titles=titles))
    assert span == "联合国同非洲联盟的合作" and "line 6" in message


def test_distinct_titles_are_silent():
    assert run(agenda_title_repeated, report("(a)、(b)、(c)和(d)")) == []


# -- the corpus ------------------------------------------------------------------------------

ALL_AGD = (agenda_sub_item_sequence, agenda_title_count, agenda_section_mismatch, agenda_title_repeated)


def corpus_findings(name):
    document = Document((EXAMPLES / name).read_text(encoding="utf-8"), name)
    return sorted(
        (rule.code, document.position(f.start).line, document.text[f.start:f.end])
        for rule in ALL_AGD
        for f in rule.check(document, Config())
    )


def test_2018_report():
    assert corpus_findings("sg-report-2018-08-17-cooperation.zh.txt") == [
        ("AGD003", 23, "联合国同拉丁美洲和加勒比经济体系的合作"),
        ("AGD003", 196, "中部非洲国家经济共同体"),
        ("AGD003", 244, "拉丁美洲和加勒比国家共同体"),
    ]


def test_2010_report():
    assert corpus_findings("sg-report-2010-09-20-cooperation.zh.txt") == [
        ("AGD003", 323, "拉丁美洲和加勒比经济体系"),
    ]


@pytest.mark.parametrize(
    "name",
    ["A-60-341-S-2005-567.zh.txt", "A-61-204-S-2006-590.zh.txt", "repertoire-2020-item-36.zh.txt"],
)
def test_other_corpus_documents_are_silent(name):
    assert corpus_findings(name) == []


# -- any agenda item, any sub-item titles ---------------------------------------------------

LETTERED = (
    "大会\n议程项目19(a)、(b)和(c)\n可持续发展：\n(a) 执行《21世纪议程》\n(b) 小岛屿发展中国家\n(c) 减少灾害风险\n\n"
    "秘书长的报告\n一. 导言\n二. 执行《21世纪议程》\n三. 小岛屿发展中国家\n四. 减少灾害风险\n1. 正文。\n"
)


def all_agd(text: str) -> list[tuple[str, str]]:
    document = Document(text)
    return [(r.code, text[f.start:f.end]) for r in ALL_AGD for f in r.check(document, Config())]


def test_lettered_titles_of_any_item_with_one_section_each_are_silent():
    assert all_agd(LETTERED) == []


def test_a_lettered_title_whose_letter_the_agenda_line_does_not_list():
    text = LETTERED.replace("(c) 减少灾害风险\n\n", "(d) 减少灾害风险\n\n")
    assert ("AGD002", "减少灾害风险") in all_agd(text)


def test_a_listed_sub_item_without_its_title():
    text = LETTERED.replace("(b) 小岛屿发展中国家\n", "")
    assert ("AGD002", "议程项目19(a)、(b)和(c)"[4:]) not in all_agd(text)
    assert [code for code, _ in all_agd(text)] == ["AGD002"]


def test_a_heading_written_differently_from_its_sub_item_title():
    text = LETTERED.replace("四. 减少灾害风险", "四. 减少灾难风险")
    assert all_agd(text) == [("AGD003", "减少灾难风险")]


def test_a_heading_that_extends_the_title_is_its_section():
    assert all_agd(LETTERED.replace("三. 小岛屿发展中国家", "三. 小岛屿发展中国家问题")) == []


def test_a_title_without_a_section_where_the_others_have_one():
    text = LETTERED.replace("四. 减少灾害风险\n", "四. 结论\n")
    assert all_agd(text) == [("AGD003", "减少灾害风险")]


def test_headings_that_do_not_repeat_the_titles_leave_the_sections_alone():
    text = LETTERED.replace("二. 执行《21世纪议程》", "二. 进展").replace("三. 小岛屿发展中国家", "三. 挑战")
    assert all_agd(text) == []


ENGLISH = (
    "Item 68 (a) and (b) of the provisional agenda*\nPromotion and protection of the rights of children\n"
    "(a) Promotion and protection of the rights of children\n(b) Follow-up to the outcome of the special session on "
    "children\n\nReport of the Secretary-General\nI. Introduction\n1. Text.\n"
)


def test_an_english_agenda_line_and_its_lettered_titles():
    document = Document(ENGLISH)
    agenda = document.agenda
    assert (agenda.item, [s.letter for s in agenda.sub_items]) == (68, ["a", "b"])
    assert [t.letter for t in agenda.titles] == ["a", "b"]
    assert all_agd(ENGLISH) == []


def test_an_english_last_sub_item_without_and():
    text = ENGLISH.replace("Item 68 (a) and (b)", "Item 68 (a), (b)")
    assert all_agd(text) == [("AGD001", "(b)")]


@pytest.mark.parametrize(
    "text",
    [
        "1. Under agenda item 70 (b), the Assembly took note.\n",  # a citation in the body
        "Agenda item 70 (b) was discussed at length\n",  # a sentence, not the agenda line
        "议程项目19(b)\n社会和人权问题：社会发展\n2023年6月7日经济及社会理事会决议\n",  # one sub-item, inline title
        "Agenda item 19 (b)\nSocial and human rights questions: social development\nResolution adopted\n",
    ],
)
def test_single_sub_items_and_citations_are_silent(text):
    assert all_agd(text) == []


def test_a_single_sub_item_with_its_title_on_the_item_line():
    agenda = Document("Agenda item 19 (b)\nSocial and human rights questions: social development\n").agenda
    assert (agenda.item_title, [t.text for t in agenda.titles]) == ("Social and human rights questions",
                                                                    ["social development"])


def test_each_title_gets_the_headings_naming_one_of_its_organizations_in_order():
    from unlint.rules.agenda import _headings_by_title, _Named

    def named(line: int, *ids: str) -> _Named:
        return _Named(line, 0, 0, "", (), frozenset(ids))

    titles = [named(1, "a"), named(2, "b"), named(3, "c"), named(4, "a", "b")]
    headings = [named(10, "b"), named(11, "a", "b"), named(12, "a"), named(13, "d")]
    found = {i: [h.line for h in hs] for i, hs in _headings_by_title(titles, headings).items()}
    assert found == {0: [11, 12], 1: [10, 11], 2: [], 3: [10, 11, 12]}
