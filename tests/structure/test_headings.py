"""Chapter and section headings of the corpus documents, as read in the documents."""

import pytest

from unlint.structure.headings import label_value, parse_headings
from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2010, REPORT_2018, corpus_document


def outline(name):
    return [(h.label, h.line) for h in corpus_document(name).headings]


def test_2018_report_chapters():
    assert outline(REPORT_2018) == [("一", 78), ("二", 84), ("三", 328), ("四", 334)]
    assert corpus_document(REPORT_2018).headings[0].title == "引言"


def test_2010_report_chapters_and_sections_not_the_contents():
    headings = corpus_document(REPORT_2010).headings
    assert [(h.label, h.line) for h in headings if h.level == 1] == [("一", 123), ("二", 128), ("三", 445), ("四", 581)]
    assert [(h.label, h.chapter) for h in headings if h.level == 2] == [(c, "三") for c in "ABCDEFGH"]


def test_a_61_204_outline():
    assert outline(A_61_204) == [
        ("一", 74), ("二", 111), ("A", 120), ("B", 168), ("C", 228), ("D", 273), ("E", 655),
        ("三", 850), ("A", 861), ("B", 1018), ("四", 1043), ("A", 1085), ("B", 1110), ("五", 1133),
    ]
    assert corpus_document(A_61_204).headings[6].chapter == "二"


@pytest.mark.parametrize("name", [A_60_341, REPERTOIRE])
def test_documents_without_chapters(name):
    assert outline(name) == []


def test_chapter_out_of_sequence_is_not_a_heading():
    lines = ["I.\tMandate", "I.\tGovernment-provided personnel", "II.\tFinancial resources"]
    assert [(h.label, h.line) for h in parse_headings(lines)] == [("I", 1), ("II", 3)]


@pytest.mark.parametrize(("label", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("IV", 4), ("C", 3)])
def test_label_values(label, value):
    assert label_value(label) == value
