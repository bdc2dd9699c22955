"""The PDF reader on pages of the UN's own PDFs (tests/data/realdocs/word-pdf-en, see SOURCES.md)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from unlint import lint_paths
from unlint.document import Document
from unlint.formats import FormatError
from unlint.formats.pdf import read_pdf

from .conftest import unlint_process

pytest.importorskip("pypdfium2")

REAL = Path(__file__).parent / "data" / "realdocs" / "word-pdf-en"
SECT10 = REAL / "A-81-6-Sect.10-p1-3.pdf"
A605 = REAL / "A-80-605-p35.pdf"
SECT20 = REAL / "A-81-6-Sect.20-p7-13.pdf"


@functools.cache
def reading(path: Path):
    return read_pdf(path.read_bytes())


def lines(path: Path) -> list[str]:
    return reading(path).text.split("\n")


def line_starting(all_lines: list[str], start: str) -> str:
    [found] = [line for line in all_lines if line.startswith(start)]
    return found


# -- the masthead, running headers and footers -------------------------------------


def test_the_masthead_of_page_1_gives_the_symbol_and_the_date():
    header = Document(reading(SECT10).text).header
    assert header.symbol == "A/81/6 (Sect. 10)/Part A*"
    assert header.date == dt.date(2026, 2, 19)


def test_running_headers_footers_job_numbers_and_bar_codes_are_left_out():
    text = reading(SECT10).text
    # Page 1's footer (job number, bar code), the running headers and page numbers of pages 2 and 3.
    for furniture in ("26-02021", "*2602021*", "2/24", "3/24", "Part IV\tInternational cooperation"):
        assert furniture not in text


def test_a_paragraph_that_goes_on_over_a_page_break_is_one_line():
    paragraph = line_starting(lines(SECT10), "10.5 ")
    assert "through the Small Island Developing States Global Business Network, utilization" in paragraph
    assert paragraph.endswith("special needs of these States.")


def test_paragraphs_headings_and_list_items_are_lines_of_their_own():
    all_lines = lines(SECT10)
    assert "Strategy and external factors for 2027" in all_lines
    assert line_starting(all_lines, "(a) ").endswith("conducive to the implementation of the three programmes of action;")
    assert line_starting(all_lines, "(b) ").startswith("(b) Continued international support measures")


def test_each_line_knows_its_page():
    read = reading(SECT10)
    all_lines = read.text.split("\n")
    assert read.layout.page(all_lines.index("Original: English") + 1) == 1
    assert read.layout.page(all_lines.index("Mandates and background") + 1) == 2
    assert read.layout.page(all_lines.index(line_starting(all_lines, "10.6 ")) + 1) == 3


# -- contents --------------------------------------------------------------------------


def test_contents_entries_with_dot_leaders_read_title_tab_page_and_end_with_a_blank_line():
    all_lines = lines(SECT10)
    start = all_lines.index("Contents")
    assert all_lines[start + 1] == "Page"
    assert all_lines[start + 3] == "Overall orientation\t2"
    assert all_lines[start + 8] == "Subprogramme 4. Advocacy, outreach and analysis\t21"
    assert all_lines[start + 9] == ""
    toc = Document(reading(SECT10).text).toc
    assert toc is not None and [entry.page for entry in toc.entries][:3] == [2, 2, 6]


# -- footnotes -------------------------------------------------------------------------


def test_the_cover_page_asterisk_notes_read_as_symbol_notes_after_the_body():
    all_lines = lines(SECT10)
    assert "Items 138 and 139 of the preliminary list**" in all_lines
    assert "** A/81/50." in all_lines
    note = line_starting(all_lines, "* The present document")
    assert note.endswith("once part B is issued.")
    # Notes come after the body and a blank line, as the Word reader writes them.
    assert all_lines.index(note) > all_lines.index(line_starting(all_lines, "10.12 "))


def test_a_superscript_marker_and_its_note_on_the_same_page_are_paired():
    read = reading(A605)
    all_lines = read.text.split("\n")
    assert "G. Results-based budgeting frameworks[^1]" in all_lines
    note = line_starting(all_lines, "[^1]: ")
    assert note == ("[^1]: The results-based budgeting outputs are available for consultation on the Umoja "
                    "Analytics platform as part of efforts to streamline the volume of information presented "
                    "in the new combined budget and performance report.")
    footnotes = Document(read.text).footnotes
    assert [m.label for m in footnotes.markers] == ["1"] and [t.label for t in footnotes.texts] == ["1"]


def test_figures_years_and_paragraph_numbers_stay_text():
    all_lines = lines(A605)
    assert "Net change\t1" in all_lines
    assert any("(2022/23: not applicable; 2023/24: not applicable;" in line for line in all_lines)
    assert not any("[^" in line for line in all_lines if not line.startswith("[^1]") and "frameworks" not in line)


# -- tables and columns ------------------------------------------------------------------


def test_a_table_row_is_one_line_with_its_wrapped_cells_joined_and_is_a_table_line():
    read = reading(SECT20)
    all_lines = read.text.split("\n")
    row = ("2. Regional Forum on Sustainable Development for the region of the Economic Commission for Europe"
           "\t2\t2\t2\t2")
    assert row in all_lines
    assert all_lines.index(row) + 1 in read.layout.table_lines
    assert "8. The Fifth Committee\t1\t1\t1\t1" in all_lines
    evaluation = line_starting(all_lines, "20.17 ")
    assert all_lines.index(evaluation) + 1 not in read.layout.table_lines


def test_two_columns_are_read_left_then_right_and_each_entry_keeps_its_symbol_and_title():
    all_lines = lines(SECT20)
    first = line_starting(all_lines, "2023/21\t")
    assert first.endswith("Justice in Environmental Matters (Aarhus Convention)")
    second = line_starting(all_lines, "2025/27\t")
    assert all_lines.index(second) == all_lines.index(first) + 1
    # As the .docx reads it: the symbol broken after its dot goes on without a space.
    assert ("ECE/BATUMI.CONF/2016/2/Add.2\tBatumi Ministerial Statement on Education for Sustainable "
            "Development adopted by the High-level Meeting of Education and Environment Ministries of the "
            "region of ECE") in all_lines


def test_the_citations_in_table_cells_are_read():
    from unlint.references.listing import reference_rows

    texts = {row["text"] for row in reference_rows(Document(reading(SECT20).text))}
    assert {"A/80/6 (Sect. 20)"} <= texts or any("A/80/6" in text for text in texts)


# -- the whole pipeline ----------------------------------------------------------------------


def test_a_real_page_with_a_footnote_and_tables_gives_no_finding():
    [result] = lint_paths([A605])
    assert result.error is None
    assert [(d.code, d.message) for d in result.diagnostics] == []


def test_the_command_line_checks_a_real_pdf():
    result = unlint_process("check", str(A605))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == b"" and result.stderr == b""
