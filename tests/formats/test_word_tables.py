"""Word tables: rows as table lines, the contents as a table, symbols wrapped in narrow columns."""

from __future__ import annotations

import pytest

from unlint.formats.docx import read_docx

from .word_package import package, paragraph

pytest.importorskip("docx")


def _lines(body: str) -> list[str]:
    return read_docx(package(body)).text.split("\n")


def _table_lines(body: str) -> list[int]:
    return sorted(read_docx(package(body)).layout.table_lines)


def _rows(*rows: tuple[str, ...]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                               for row in rows) + "</w:tbl>"


def test_table_rows_are_table_lines_and_paragraphs_are_not():
    body = paragraph("1.\tText.") + _rows(("Category", "2026"), ("Posts", "12")) + paragraph("2.\tMore.")
    assert _lines(body)[:4] == ["1.\tText.", "Category\t2026", "Posts\t12", "2.\tMore."]
    assert _table_lines(body) == [2, 3]


@pytest.mark.parametrize("before", ["Contents", "目录"])
def test_a_table_after_the_contents_title_is_the_contents(before):
    body = paragraph(before) + _rows(("", "Page"), ("I.\tMandate", "3"), ("II.\tBudget", "7"))
    assert _table_lines(body) == []


def test_a_table_opening_with_the_page_column_head_is_the_contents():
    assert _table_lines(_rows(("", "", "Page"), ("I.\tMandate", "", "3"))) == []


def test_a_table_of_numbers_after_other_text_is_table_content():
    body = paragraph("Contents of the report are below.") + _rows(("I.\tMandate", "3"), ("II.\tBudget", "7"))
    assert _table_lines(body) == [2, 3]


# -- symbols wrapped in narrow table columns ------------------------------------------


def _cell_row(*cells: str) -> str:
    return "<w:tbl><w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in cells) + "</w:tr></w:tbl>"


@pytest.mark.parametrize(("cell", "read"), [
    (paragraph("ECE/AC.23/ 2002/2/Rev.6"), "ECE/AC.23/2002/2/Rev.6"),  # a typed space after the slash
    ('<w:p><w:r><w:t>ECE/EX/2023/</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>L.1</w:t></w:r></w:p>', "ECE/EX/2023/L.1"),
    (paragraph("ECE/MP.EIA/34-ECE/MP.EIA/") + paragraph("SEA/15 and Add.1"), "ECE/MP.EIA/34-ECE/MP.EIA/SEA/15 and Add.1"),
    (paragraph("ECE/BATUMI. CONF/2016/2/ Add.2"), "ECE/BATUMI.CONF/2016/2/Add.2"),
    # not symbols broken to fit: left as typed
    (paragraph("A/80/600. The Committee"), "A/80/600. The Committee"),
    (paragraph("A/80/600. S/2026/1"), "A/80/600. S/2026/1"),
    (paragraph("and/ or") + paragraph("2024/ 25"), "and/ or 2024/ 25"),
    (paragraph("Reports") + paragraph("A/80/5"), "Reports A/80/5"),
])
def test_a_symbol_wrapped_in_a_narrow_cell_reads_as_one(cell, read):
    assert _lines(_cell_row(paragraph("1."), cell))[0] == f"1.\t{read}"


def test_a_line_break_after_a_slash_in_running_text_joins_too():
    body = '<w:p><w:r><w:t>see A/80/</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>604 and more</w:t></w:r></w:p>'
    assert _lines(body)[0] == "see A/80/604 and more"
