"""Structure and alignment: agenda items, numbered paragraphs, and saying less where alignment is unsure."""

from __future__ import annotations

import pytest

from unlint.compare import Topic

from .helpers import drop_line, excerpt, found, numbered

EN_MASTHEAD = "2023 session\nAgenda item 19 (e)\nSocial and human rights questions: refugees\n"
ZH_MASTHEAD = "2023年届会\n议程项目19 (e)\n社会与人权问题：难民\n"


def test_same_agenda_item_is_silent():
    assert found(EN_MASTHEAD, ZH_MASTHEAD) == []


def test_a_changed_sub_item_letter_is_found_on_the_agenda_line():
    [(topic, line, message)] = found(EN_MASTHEAD, ZH_MASTHEAD.replace("(e)", "(c)"))
    assert (topic, line) == (Topic.AGENDA, 2)
    assert "19 (e) is missing" in message and "19 (c) is not in the original" in message


def test_several_items_and_letters():
    english = "Items 68 (a) and (c) and 72 of the provisional agenda\n"
    assert found(english, "议程项目68(a)和(c)及72\n") == []
    [(topic, _, message)] = found(english, "议程项目68(a)及72\n")
    assert topic is Topic.AGENDA and "68 (c) is missing" in message


def test_a_translation_without_agenda_line_is_not_compared():
    assert found(EN_MASTHEAD, "2023年届会\n社会与人权问题：难民\n") == []


def test_paragraph_numbers_are_compared_only_where_both_versions_number_paragraphs():
    english, chinese = excerpt("disarmament")
    # The translation without numbers: its numbering was not read, there is nothing to compare.
    assert [t for t, _, _ in found(numbered(english), chinese) if t is Topic.PARAGRAPH] == []


def test_an_added_paragraph_number_is_found_on_it():
    english, chinese = (numbered(text) for text in excerpt("disarmament"))
    lines = chinese.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("51. "))
    lines.insert(index + 1, "52. 工作组将继续审议这一问题。")
    findings = found(english, "\n".join(lines))
    assert [(t, line) for t, line, _ in findings] == [(Topic.PARAGRAPH, index + 2)]


@pytest.mark.parametrize("name", ["disarmament", "unicef-funding", "ecosoc-preamble"])
@pytest.mark.parametrize("line", [4, 10, 20])
def test_a_dropped_unnumbered_sentence_gives_no_cascade(name, line):
    # Without numbers to anchor on, the pairing around a lost sentence is not sure: say nothing rather than
    # compare shifted sentences.
    english, chinese = excerpt(name)
    assert found(english, drop_line(chinese, line)) == []
