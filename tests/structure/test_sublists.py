"""Lettered sub-paragraphs of A/61/204, as read in the document."""

from unlint.structure.sublists import parse_lettered_items
from tests.corpus import A_61_204, REPORT_2018, corpus_document


def test_a_61_204_lists():
    items = corpus_document(A_61_204).lettered_items
    assert "".join(i.letter for i in items) == "abcdef" + "abcde" + "abcdefg" + "ab" + "ab" + "abc" + "abc"
    assert [i.line for i in items[:6]] == [177, 179, 181, 183, 185, 193]
    # (e） with a fullwidth closing bracket in paragraph 94.
    assert items[15].line == 1170 and items[15].letter == "e"


def test_cover_page_agenda_sub_items_are_not_sub_paragraphs():
    assert corpus_document(REPORT_2018).lettered_items == ()


def test_roman_sub_items_are_skipped():
    lines = ["(a) one;", "(i) first;", "(ii) second;", "(b) two;", "(h) eight;", "(i) nine."]
    assert [i.letter for i in parse_lettered_items(lines)] == ["a", "b", "h", "i"]
