"""Mandates lists, tables and notes on pages of the UN's own PDFs, read as the Word reader reads them.

Each test reads a page or two copied from ../shared/realdocs/word-pdf-en (see
tests/data/realdocs/word-pdf-en/SOURCES.md) and checks what the .docx of the same
document gives there: rows in the order of the Word columns, each row one line,
the citations ``unlint refs`` reads, the notes and the findings.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from unlint import lint_paths
from unlint.document import Document
from unlint.layout import Reading
from unlint.references.listing import reference_rows

pytest.importorskip("pypdfium2")

from unlint.formats.pdf import read_pdf  # noqa: E402

REAL = Path(__file__).parent.parent / "data" / "realdocs" / "word-pdf-en"


@functools.cache
def reading(name: str) -> Reading:
    return read_pdf((REAL / name).read_bytes())


def lines(name: str) -> list[str]:
    return reading(name).text.split("\n")


def starting(name: str, start: str) -> int:
    """The index of the one line starting with ``start``."""
    [found] = [index for index, line in enumerate(lines(name)) if line.startswith(start)]
    return found


def is_table_line(name: str, index: int) -> bool:
    return index + 1 in reading(name).layout.table_lines


def refs(name: str) -> list[str]:
    read = reading(name)
    return [row["text"] for row in reference_rows(Document(read.text, name, layout=read.layout))]


# -- two columns of text (Word section columns) --------------------------------------------


def test_a_heading_in_another_type_size_ends_the_columns_above_it():
    # The italic heading stays left of the page's middle and follows the columns at a row's distance.
    name = "A-81-6-Sect.16-p14.pdf"
    heading = starting(name, "Economic and Social Council resolutions and decisions")
    assert starting(name, "80/226\t") < heading < starting(name, "1984/47\t")
    assert starting(name, "74/174\t") == starting(name, "72/193\t") + 1
    assert starting(name, "1999/26\t") == starting(name, "1999/25\t") + 1


def test_the_citations_under_a_heading_after_columns_are_all_read():
    texts = refs("A-81-6-Sect.16-p14.pdf")
    assert {"1984/50", "1996/15", "1989/57", "2000/15", "1999/25", "2011/33"} <= set(texts)


def test_a_line_between_two_lines_of_the_other_column_shows_two_columns():
    # A short run: one row starts the right column while the left title still wraps.
    name = "A-81-6-Sect.30-p3.pdf"
    first = starting(name, "59/287\t")
    assert lines(name)[first].endswith("on strengthening the investigation functions in the United Nations")
    assert lines(name)[first + 1] == "62/247\tStrengthening investigations"
    assert lines(name)[first + 2] == "77/278\tHuman resources management"


def test_a_short_run_on_the_column_grid_of_the_page_is_read_as_two_columns():
    # One row on each side: its halves start where the page's other runs of columns start.
    name = "A-81-6-Sect.18-p8.pdf"
    assert lines(name)[starting(name, "68/261\t")] == "68/261\tFundamental Principles of Official Statistics"
    assert starting(name, "69/282\tWorld Statistics Day") == starting(name, "68/261\t") + 1
    assert starting(name, "2025/19\t") == starting(name, "2025/18\t") + 1
    assert starting(name, "Subprogramme 3") < starting(name, "76/294\t") < starting(name, "80/173\t")


def test_the_headings_of_a_page_of_short_lists_keep_their_place():
    name = "A-81-6-Sect.18-p8.pdf"
    order = ["Subprogramme 2", "80/124\t", "847 (XL)\t", "891 (XLV)\t", "Subprogramme 3", "Subprogramme 4",
             "68/261\t", "2013/21\t", "2025/26\t", "758 (XXVIII)\t", "2023/2\t"]
    found = [starting(name, start) for start in order]
    assert found == sorted(found)


def test_a_row_broken_over_the_columns_goes_on_in_its_cell():
    name = "A-81-6-Sect.6-p7-8.pdf"
    row = starting(name, "73/6\t")
    assert lines(name)[row] == ("73/6\tFiftieth anniversary of the first United Nations Conference on the "
                                "Exploration and Peaceful Uses of Outer Space: space as a driver of sustainable "
                                "development")
    assert is_table_line(name, row)
    assert not any(line.startswith("Peaceful Uses of Outer Space") for line in lines(name))


# -- cells of a mandates table ------------------------------------------------------------------


def test_a_symbol_running_into_its_title_is_split_where_the_title_column_starts():
    name = "A-81-6-Sect.20-p7-13.pdf"
    assert lines(name)[starting(name, "ECE/AC.21/2021/")].startswith(
        "ECE/AC.21/2021/2-EUCHP2018924/4.3.2\tReport of the High-level Meeting on Transport")
    assert lines(name)[starting(name, "ECE/MP.EIA/34")].startswith(
        "ECE/MP.EIA/34-ECE/MP.EIA/SEA/15 and Add.1, Add.2 and Add.3\tReport of the Meeting of the Parties")
    assert lines(name)[starting(name, "ECE/BATUMI.")].startswith("ECE/BATUMI.CONF/2016/2/Add.2\tBatumi")


def test_symbols_broken_over_cell_lines_give_no_malformed_symbol():
    [result] = lint_paths([REAL / "A-81-6-Sect.20-p7-13.pdf"])
    assert [d for d in result.diagnostics if d.code.startswith("SYM")] == []


def test_resolutions_with_a_session_in_roman_numerals_start_a_row():
    name = "A-81-6-Sect.8-p8.pdf"
    row = starting(name, "364 (IV); 482 (V)")
    assert lines(name)[row] == "364 (IV); 482 (V)\tRegistration and publication of treaties and international agreements"
    assert is_table_line(name, row)
    assert {"364 (IV)", "482 (V)", "33/141", "51/158"} <= set(refs(name))


def test_citations_wrapped_in_their_cell_are_not_a_title():
    name = "A-81-6-Sect.3-p6.pdf"
    assert "66/253 A; 66/253 B; 71/130\tThe situation in the Syrian Arab Republic" in lines(name)


def test_a_character_in_a_larger_size_does_not_end_the_columns():
    name = "A-81-6-Sect.3-p6.pdf"
    row = starting(name, "73/267; 77/17; 79/12\t")
    assert lines(name)[row] == ("73/267; 77/17; 79/12\tCooperation between the United Nations and the League of "
                                "Arab States")
    assert lines(name)[row + 1].startswith("79/1\t")
    assert starting(name, "80/242\t") > row


def test_rows_in_the_right_column_go_on_after_a_row_gap():
    name = "A-81-6-Sect.29A-p6-45.pdf"
    row = starting(name, "75/245 A; 77/256")
    assert lines(name)[row] == "75/245 A; 77/256\tUnited Nations common system"
    assert is_table_line(name, row) and is_table_line(name, row - 1) and is_table_line(name, row + 1)


# -- lists, tables over pages, notes, contents ------------------------------------------------


def test_a_narrow_list_label_before_its_hanging_indent_is_a_list_item_not_a_table():
    # The label typed (c) became '©' (as in the .docx); the gap to the text is a cell's.
    name = "A-81-6-Sect.29A-p6-45.pdf"
    item = starting(name, "© Promote advocacy")
    assert not is_table_line(name, item)
    assert lines(name)[item + 1].startswith("(d) Strengthen accountability")
    [result] = lint_paths([REAL / name])
    assert [(d.code, d.span_text) for d in result.diagnostics] == [("XRF006", "(d)"), ("XRF006", "(f)")]


def test_a_table_over_a_page_break_goes_on_without_its_repeated_header():
    name = "A-80-624-p33-34.pdf"
    all_lines = lines(name)
    assert all_lines.count("Grade Level\tTitle\tRedeployed from") == 1
    pages = reading(name).layout.pages
    last_of_first = max(index for index, line in enumerate(all_lines) if line and pages[index] == 1)
    assert is_table_line(name, last_of_first) and is_table_line(name, last_of_first + 1)
    assert pages[last_of_first + 1] == 2


def test_an_annex_numbering_its_notes_from_1_continues_the_series():
    name = "A-81-6-Sect.4-p2-29.pdf"
    assert lines(name)[starting(name, "A.1 ")].endswith("presented under result 1.[^2]")
    notes = [line for line in lines(name) if line.startswith("[^")]
    assert [note[:5] for note in notes] == ["[^1]:", "[^2]:"]
    assert notes[1].startswith("[^2]: As outlined in paragraph 4.4 above")
    assert len(Document(reading(name).text).footnotes.texts) == 2


def test_a_contents_entry_with_its_page_on_the_first_line_takes_the_next_line():
    name = "A-81-6-Sect.3-p1-3.pdf"
    assert ("III. United Nations Register of Damage Caused by the Construction of the Wall in the Occupied "
            "Palestinian Territory\t51") in lines(name)
    assert not any(line.startswith("Occupied Palestinian Territory") for line in lines(name))
