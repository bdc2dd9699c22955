"""The agenda-block parser behind Document.agenda."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlint import Document
from unlint.structure.agenda import parse_agenda

EXAMPLES = Path(__file__).parents[2] / "examples"

REPORT = """大会
第七十三届会议
议程项目 129(a)、(b)、
(c)和(d)

联合国同各区域组织及其他组织的合作：

联合国同非洲联盟的合作

联合国同东南亚国家联盟的合作
* A/73/150。

联合国同欧洲委员会的合作
联合国同国际刑事警察组织(国际刑警组织)的合作

联合国同各区域组织及其他组织的合作

一. 引言

1. 本报告……。

二. 联合国同各区域组织及其他组织的合作

非洲联盟

2. 联合国同非洲联盟加强了合作。
目录\t页次
东南亚国家联盟\t4
"""


def test_a_wrapped_agenda_line_its_titles_and_headings():
    agenda = Document(REPORT).agenda
    assert agenda.item == 129
    assert [s.letter for s in agenda.sub_items] == ["a", "b", "c", "d"]
    assert [s.separator for s in agenda.sub_items] == ["", "、", "、", "和"]
    assert agenda.item_title == "联合国同各区域组织及其他组织的合作"
    assert [t.text for t in agenda.titles] == [
        "联合国同非洲联盟的合作",
        "联合国同东南亚国家联盟的合作",
        "联合国同欧洲委员会的合作",
        "联合国同国际刑事警察组织(国际刑警组织)的合作",
    ]
    assert [(h.chapter, h.text) for h in agenda.headings][-3:] == [
        ("一", "引言"), ("二", "联合国同各区域组织及其他组织的合作"), ("", "非洲联盟"),
    ]


def test_offsets_point_at_the_text():
    document = Document(REPORT)
    agenda = document.agenda
    assert document.text[agenda.sub_items[-1].start:agenda.sub_items[-1].end] == "(d)"
    title = agenda.titles[1]
    assert document.text[title.start:title.end] == title.text
    heading = agenda.headings[-1]
    assert document.text[heading.start:heading.end] == "非洲联盟"


def test_fullwidth_brackets_and_double_letters():
    agenda = parse_agenda("议程项目 12（y）、（z）和（aa）\n", ["议程项目 12（y）、（z）和（aa）", ""])
    assert [s.letter for s in agenda.sub_items] == ["y", "z", "aa"]


def test_an_agenda_reference_in_the_body_is_not_the_agenda_block():
    text = "大会\n\n1. 大会在议程项目 68(a)和(c)下审议了报告。\n"
    assert Document(text).agenda is None


def test_items_without_letters_have_no_agenda_block():
    assert corpus("A-61-204-S-2006-590.zh.txt").agenda is None


def corpus(name):
    return Document((EXAMPLES / name).read_text(encoding="utf-8"))


def test_the_2010_report_across_a_page_break():
    agenda = corpus("sg-report-2010-09-20-cooperation.zh.txt").agenda
    assert agenda.item == 122
    assert len(agenda.sub_items) == len(agenda.titles) == 23
    assert agenda.titles[-1].text == "联合国同南部非洲发展共同体的合作"
    # the table of contents is not a list of headings
    assert [h.line for h in agenda.headings if h.text == "非洲联盟"] == [130]


def test_the_2018_report():
    agenda = corpus("sg-report-2018-08-17-cooperation.zh.txt").agenda
    assert (agenda.item, len(agenda.sub_items), len(agenda.titles)) == (129, 26, 26)
    assert agenda.sub_items[-1].letter == "z"


def test_a_title_wrapped_over_two_lines_is_one_title():
    text = (
        "议程项目 129(a)和(b)\n联合国同各区域组织及其他组织的合作：\n联合国同非洲联盟的合作\n"
        "联合国同全面禁止核试验条约组织\n筹备委员会的合作\n\n1. 正文。\n"
    )
    document = Document(text)
    titles = document.agenda.titles
    assert [t.text for t in titles] == ["联合国同非洲联盟的合作", "联合国同全面禁止核试验条约组织筹备委员会的合作"]
    assert document.text[titles[1].start:titles[1].end] == "联合国同全面禁止核试验条约组织\n筹备委员会的合作"


@pytest.mark.parametrize("text", [
    "Agenda item 12 (a)\n",
    "  agenda ITEMS 12 (a) and (b) of the provisional agenda\n",
    "Items 3 (a) and (b)\n",
    "前言\n临时议程项目 68(a)和(c)\n",
    "Under agenda item 19 (b) the Assembly.\nItem 4 (c)\n",
    "Itemized list 4 (c)\nAgenda\titem 7 (b)\n",
])
def test_the_gated_search_finds_what_the_full_scan_finds(text):
    from unlint.structure.agenda import _AGENDA_START, _agenda_starts

    for end in (len(text), len(text) // 2):
        found = [(m.start(), m.end()) for m in _agenda_starts(text, end)]
        assert found == [(m.start(), m.end()) for m in _AGENDA_START.finditer(text, 0, end)]


# -- the gate: two literal-led searches find where the one alternation found -------------------------

import random  # noqa: E402
import re  # noqa: E402
from unlint.structure import agenda as agenda_module  # noqa: E402

#: The gate as one alternation, as it was written before it became two searches.
_PLAIN_GATE = re.compile(r"议程项目|(?m:^)[ \t]*(?:(?i:agenda)|Item)")
_GATE_PIECES = ["议程项目", "议程项", "agenda", "AGENDA", "Agenda item", "Item", "item", "Items", " ", "\t", "\u3000",
                "\n", "\r\n", "\r", "x", "4 (a)", "临时"]


def _plain_candidates(text: str, end: int) -> list[int]:
    return [match.start() for match in _PLAIN_GATE.finditer(text, 0, end)]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")) + sorted((EXAMPLES / "en").glob("*.txt")),
                         ids=lambda p: p.name)
def test_agenda_gate_agrees_with_the_alternation_on_the_corpus(path):
    text = path.read_text(encoding="utf-8")
    for end in (0, 1, len(text) // 7, len(text)):
        assert agenda_module._agenda_candidates(text, end) == _plain_candidates(text, end)


def test_agenda_gate_agrees_with_the_alternation_on_random_text():
    rng = random.Random(18)
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(_GATE_PIECES) for _ in range(rng.randint(0, 30)))
        end = rng.randint(0, len(text))
        expected = _plain_candidates(text, end)
        assert agenda_module._agenda_candidates(text, end) == expected, (text, end)
        found += len(expected)
    assert found > 1000
