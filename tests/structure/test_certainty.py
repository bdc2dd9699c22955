"""How sure each structure parser is, and what it records when it is not (Document.not_checked)."""

from __future__ import annotations

from unlint import Document
from unlint.layout import Layout
from unlint.structure.blocks import MAX_PARAGRAPH_LINES
from unlint.structure.headings import parse_headings
from unlint.structure.paragraphs import parse_paragraphs
from unlint.structure.sublists import parse_lettered_items
from unlint.structure.toc import parse_toc

from tests.structure.realdocs import realdoc

# -- contents -------------------------------------------------------------------------

# A summary record lists its items under "Contents" with no page numbers; the body follows.
RECORD = [
    "Contents",
    "Opening of the session",
    "Adoption of the agenda",
    "Election of officers",
    "Opening of the session",
    "1. The meeting was called to order at 10 a.m. by the Chair, who welcomed the delegations.",
    "Adoption of the agenda",
    "2. The agenda was adopted.",
]


def test_contents_without_page_numbers_ends_at_the_first_heading_that_repeats_an_entry():
    toc = parse_toc(RECORD)
    assert (toc.line, toc.end, toc.ending, toc.sure) == (1, 4, "heading repeats an entry", True)
    assert [e.target for e in toc.entries] == [5, 7, None]


def test_contents_ending_only_at_a_numbered_paragraph_is_not_sure():
    lines = ["Contents", "Opening of the session", "Adoption of the agenda",
             "1. The meeting was called to order at 10 a.m. by the Chair, who welcomed the delegations.",
             "Some text about the opening of the session that runs on."]
    toc = parse_toc(lines)
    assert (toc.end, toc.ending, toc.sure) == (3, "numbered paragraph", False)
    (doubt,) = toc.doubts
    assert doubt.codes == ("XRF004", "XRF005") and doubt.line == 1


def test_contents_running_to_the_end_of_the_text_is_not_sure():
    toc = parse_toc(["目录", "开幕", "通过议程", "选举主席团成员"])
    assert (toc.ending, toc.sure) == ("end of text", False)


def test_contents_with_page_numbers_ends_where_they_stop():
    lines = ["Contents", "I. Introduction | 3", "II. Mandate | 4", "Subprogramme 1", "Prevention | 5",
             "Annex", "Some line without a page", "I. Introduction"]
    toc = parse_toc(lines)
    assert (toc.end, toc.ending, toc.sure) == (5, "page numbers stop", True)
    assert [e.title for e in toc.entries] == ["Introduction", "Mandate", "Subprogramme 1", "Prevention"]


def test_contents_ending_at_a_blank_line_is_sure_and_a_paged_entry_may_repeat_a_title():
    lines = ["Contents", "Office A | 3", "Programme of work | 3", "Office B | 9", "Programme of work | 9", ""]
    toc = parse_toc(lines)
    assert (toc.end, toc.ending, len(toc.entries)) == (5, "blank line", 4)


# -- paragraphs ---------------------------------------------------------------------


def test_numbered_items_restarting_at_one_are_a_side_sequence():
    # Outputs numbered 1-3 in a table between paragraphs 12 and 13.
    lines = ["12. 第一段文字，内容。", "1. 出版物：报告一份，供大会审议。", "2. 技术材料：数据库一个，供会员国使用。",
             "3. 会议服务：为委员会提供实质性服务。", "13. 第二段文字，内容。"]
    structure = parse_paragraphs(lines)
    assert [p.number for p in structure.paragraphs] == [12, 13]
    assert [p.number for p in structure.side_items] == [1, 2, 3]


def test_a_paragraph_skipped_after_a_side_sequence_is_still_a_gap():
    lines = ["1. 第一段，内容。", "2. 第二段，内容。", "3. 第三段，内容。", "1. 表中项目一，内容。", "2. 表中项目二，内容。",
             "5. 第五段，内容。"]
    structure = parse_paragraphs(lines)
    assert [p.number for p in structure.paragraphs] == [1, 2, 3, 5]


def test_a_text_starting_inside_a_document_is_a_doubt_not_an_error():
    document = realdoc("starts-inside.zh.txt")
    structure = document.paragraph_structure
    assert structure.starts_inside and structure.first_number("body") == 110
    assert [d.codes for d in structure.doubts] == [("XRF001", "XRF002")]


def test_table_lines_of_the_layout_are_not_paragraphs_headings_or_items():
    text = "1. 第一段，内容。\nII.\t员额\n1. 表中一行，内容。\n(b) 表中子项\n2. 第二段，内容。\n"
    document = Document(text, layout=Layout(table_lines=frozenset({2, 3, 4})))
    assert [p.line for p in document.paragraphs] == [1, 5]
    assert document.lettered_items == ()
    plain = Document(text)  # without the layout the table's numbered row reads as a paragraph
    assert [p.line for p in plain.paragraphs] == [1, 3, 5]


# -- headings and sub-lists --------------------------------------------------------------


def test_a_table_row_with_figures_is_not_a_chapter():
    lines = ["I.\tOverview", "text", "II.\tPosts\t1 234.5\t(12.0)", "II.\tMandate"]
    assert [(h.label, h.line) for h in parse_headings(lines)] == [("I", 1), ("II", 4)]


def test_items_far_apart_or_across_a_table_do_not_continue_a_list():
    lines = ["(a) 一", "(b) 二", *["正文。"] * 45, "(b) 另一表格的行", "(c) 三"]
    items = parse_lettered_items(lines)
    assert [(i.letter, i.continues) for i in items] == [("a", False), ("b", True), ("b", False), ("c", True)]
    across = parse_lettered_items(["(a) 一", "表格", "(b) 二"], tables=frozenset({2}))
    assert [i.continues for i in across] == [False, False]


# -- paragraph blocks ---------------------------------------------------------------------


def test_a_text_of_one_sentence_per_line_is_not_one_block():
    document = realdoc("quotation-paragraphs.zh.txt")
    assert len(document.text_blocks) > 10
    assert all(block.sure for block in document.text_blocks)
    assert document.not_checked == ()


def test_a_block_longer_than_any_paragraph_is_not_sure():
    # Wrapped lines that never end a sentence: the layout gives no paragraph end.
    text = "\n".join(["这是一行没有句号的文字"] * (MAX_PARAGRAPH_LINES + 5)) + "\n"
    document = Document(text)
    (block,) = document.text_blocks
    assert not block.sure
    (doubt,) = document.not_checked
    assert doubt.codes == ("TYP002",) and doubt.line == 1


# -- footnote area -------------------------------------------------------------------------


def test_markers_in_a_text_without_notes_or_masthead_are_a_doubt():
    document = realdoc("cover-asterisks.zh.txt")
    assert document.footnote_match.notes_left_out
    assert [d.codes for d in document.not_checked] == [("FTN001", "FTN005")]


def test_a_whole_document_without_notes_is_sure():
    text = "United Nations  A/78/1\nGeneral Assembly  Distr.: General 1 July 2023\n\n临时议程*\n1. 正文。\n"
    document = Document(text)
    assert document.footnote_match.no_notes and not document.footnote_match.notes_left_out
    assert document.not_checked == ()
