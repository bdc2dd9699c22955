"""The document model on the five real documents and on small synthetic texts.

Expectations come from reading the documents: the mastheads, the paragraph
numbers, the page furniture lines.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unlint.document import Document
from unlint.structure.furniture import FurnitureKind

from .conftest import EXAMPLES


def load(name: str) -> Document:
    path = EXAMPLES / name
    return Document(path.read_text(encoding="utf-8"), str(path))


def numbers(document: Document, part: str) -> list[int]:
    return [p.number for p in document.paragraph_structure.in_part(part)]


# -- positions ----------------------------------------------------------------

def test_positions_count_characters_not_bytes():
    document = Document("联合国\n第 58/316 号决议\n")
    offset = document.text.index("58")
    assert document.position(offset).line == 2
    assert document.position(offset).column == 3
    assert document.offset(2, 3) == offset


def test_position_of_end_of_text_and_empty_text():
    assert Document("").position(0) == Document("").position(5)
    document = Document("a\nb")
    assert (document.position(3).line, document.position(3).column) == (2, 2)


def test_line_gives_offsets_without_newline():
    document = Document("first\nsecond\n")
    line = document.line(2)
    assert (line.text, document.text[line.start:line.end]) == ("second", "second")
    assert document.line_count == 3


# -- header -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "symbol", "parts", "date"),
    [
        ("A-61-204-S-2006-590.zh.txt", "A/61/204–S/2006/590*", ("A/61/204", "S/2006/590"), dt.date(2006, 7, 28)),
        ("A-60-341-S-2005-567.zh.txt", "A/60/341–S/2005/567", ("A/60/341", "S/2005/567"), dt.date(2005, 9, 8)),
        ("sg-report-2018-08-17-cooperation.zh.txt", None, (), dt.date(2018, 8, 17)),
        ("sg-report-2010-09-20-cooperation.zh.txt", None, (), dt.date(2010, 9, 20)),
        ("repertoire-2020-item-36.zh.txt", None, (), None),
        ("en/A-80-628.en.txt", "A/80/628", ("A/80/628",), dt.date(2026, 2, 9)),
    ],
)
def test_header_of_corpus_documents(name, symbol, parts, date):
    header = load(name).header
    assert (header.symbol, header.symbol_parts, header.date) == (symbol, parts, date)


def test_header_language_and_reissue():
    assert load("A-61-204-S-2006-590.zh.txt").header.reissued
    assert not load("A-60-341-S-2005-567.zh.txt").header.reissued
    assert load("sg-report-2018-08-17-cooperation.zh.txt").header.language == "zh"
    assert load("en/A-80-628.en.txt").header.language == "en"


def test_document_date_override_wins():
    document = Document("Distr.: General\n17 August 2018\n", document_date=dt.date(2020, 1, 1))
    assert document.header.date == dt.date(2018, 8, 17)
    assert document.date == dt.date(2020, 1, 1)


def test_chinese_masthead_date():
    assert Document("Distr.: General\n2018 年 8 月 17 日\n").header.date == dt.date(2018, 8, 17)


def test_date_in_the_body_is_not_the_documents_date():
    assert Document("1. 2013 年 8 月 6 日主席声明。\n").header.date is None


# -- numbered paragraphs ------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("sg-report-2018-08-17-cooperation.zh.txt", 101),
        ("sg-report-2010-09-20-cooperation.zh.txt", 191),
        ("A-61-204-S-2006-590.zh.txt", 101),
    ],
)
def test_body_paragraphs_run_from_one(name, last):
    assert numbers(load(name), "body") == list(range(1, last + 1))


def test_annex_and_appendix_restart_numbering():
    document = load("A-60-341-S-2005-567.zh.txt")
    assert numbers(document, "body") == []
    assert numbers(document, "附件一") == list(range(1, 12))
    assert numbers(document, "附录") == [1, 2, 3, 4]
    tenth = document.paragraph_structure.in_part("附件一")[9]
    assert tenth.fullwidth_stop and tenth.line == 183


def test_sub_heading_is_not_a_paragraph():
    document = load("A-61-204-S-2006-590.zh.txt")
    headings = document.paragraph_structure.numbered_headings
    assert [(h.number, h.line, h.title) for h in headings] == [(1, 627, "自然灾害救灾工作")]


def test_repertoire_item_title_is_not_a_paragraph():
    assert load("repertoire-2020-item-36.zh.txt").paragraphs == ()


def test_contents_entry_annex_does_not_open_the_annex():
    document = load("en/A-80-628.en.txt")
    assert numbers(document, "body") == list(range(1, 101))


def test_decimal_and_budget_numbering_are_not_paragraphs():
    document = Document("3.I.1 The Department.\n0.2% of the tax.\n2.5 million\n")
    assert document.paragraphs == ()


# -- page furniture -------------------------------------------------------------------

def test_furniture_of_pdf_layout():
    document = load("A-61-204-S-2006-590.zh.txt")
    kinds = {f.line: f.kind for f in document.furniture}
    assert kinds == {18: FurnitureKind.JOB_NUMBER, 19: FurnitureKind.BARCODE}


def test_running_header_with_own_symbol():
    document = load("A-60-341-S-2005-567.zh.txt")
    kinds = {f.line: f.kind for f in document.furniture}
    assert kinds[283] == kinds[284] == FurnitureKind.RUNNING_HEADER
    # The same symbol cited inside a sentence is text, not furniture.
    cited = document.text.index("A/60/150")
    assert not document.is_furniture(cited)


def test_furniture_of_2010_report_and_repertoire_links():
    report = load("sg-report-2010-09-20-cooperation.zh.txt")
    assert {f.line: f.kind for f in report.furniture} == {65: FurnitureKind.JOB_NUMBER, 69: FurnitureKind.RECYCLE}
    repertoire = load("repertoire-2020-item-36.zh.txt")
    links = [f.line for f in repertoire.furniture if f.kind is FurnitureKind.LINK]
    assert links[:3] == [139, 140, 141] and len(links) >= 10


def test_no_furniture_in_clean_prose():
    assert Document("1. 联合国同非洲联盟的合作。\n2. 10-54243 不是单独一行的工作编号。\n").furniture == ()


@given(st.text(alphabet="a中\n\r𠀀", max_size=40))
def test_line_starts_are_the_offsets_after_each_line_feed(text):
    import re

    from unlint.document import Document

    document = Document(text, "t.txt")
    assert document._line_starts == [0] + [m.end() for m in re.finditer("\n", text)]
