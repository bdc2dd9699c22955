"""Numbered paragraphs of the corpus documents, as read in the documents."""

import pytest

from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2010, REPORT_2018, corpus_document


@pytest.mark.parametrize(
    ("name", "count", "first_line", "last_line"),
    [(REPORT_2018, 101, 80, 344), (REPORT_2010, 191, 125, 585), (A_61_204, 101, 77, 1268)],
)
def test_body_paragraphs_run_from_one(name, count, first_line, last_line):
    paragraphs = corpus_document(name).paragraph_structure.in_part("body")
    assert [p.number for p in paragraphs] == list(range(1, count + 1))
    assert (paragraphs[0].line, paragraphs[-1].line) == (first_line, last_line)


def test_annex_and_appendix_restart_at_one():
    structure = corpus_document(A_60_341).paragraph_structure
    assert [(p.label, p.line) for p in structure.parts] == [("body", 1), ("附件一", 72), ("附录", 227), ("附件二", 286)]
    assert [p.number for p in structure.in_part("附件一")] == list(range(1, 12))
    assert [p.line for p in structure.in_part("附录")] == [234, 244, 256, 262]
    assert structure.in_part("body") == ()


def test_fullwidth_stop_paragraph():
    paragraph_10 = corpus_document(A_60_341).paragraph_structure.in_part("附件一")[9]
    assert (paragraph_10.number, paragraph_10.line, paragraph_10.fullwidth_stop) == (10, 183, True)


def test_numbered_sub_heading_is_not_a_paragraph():
    structure = corpus_document(A_61_204).paragraph_structure
    assert [(h.number, h.line, h.title) for h in structure.numbered_headings] == [(1, 627, "自然灾害救灾工作")]


def test_repertoire_has_no_numbered_paragraphs():
    assert corpus_document(REPERTOIRE).paragraph_structure.paragraphs == ()
