"""Paragraph blocks across PDF wraps, furniture and footnote areas."""

from __future__ import annotations

from unlint import Document


def block_lines(text: str) -> list[tuple[int, ...]]:
    return [b.lines for b in Document(text).text_blocks]


def test_wrapped_double_spaced_paragraphs_split_at_numbers_and_indents():
    text = "1. 第一段的开头\n\n继续第一段。\n\n 没有编号的第二段\n\n继续。\n\n2. 第三段。\n"
    assert block_lines(text) == [(1, 3), (5, 7), (9,)]


def test_a_flush_left_line_after_a_full_stop_continues_the_paragraph():
    # A sentence can end exactly at a wrap; only an indent marks a new paragraph.
    assert block_lines("1. 第一句。\n\n第二句。\n\n 新段落。\n") == [(1, 3), (5,)]


def test_subparagraph_markers_start_blocks():
    assert block_lines(" (a) 第一项；\n\n (b) 第二项\n\n继续；\n") == [(1,), (3, 5)]


def test_footnotes_are_blocks_of_their_own_and_the_paragraph_resumes_after_them():
    text = (
        "8. 应这一要求，秘书长指出\n\n__________________ \n\n1\n\n S/23500。 \n\n"
        "2\n\n A/47/277，第 64 段。 \n\n 助于区域行动者参与。\n\n9. 下一段。\n"
    )
    assert block_lines(text) == [(1, 13), (5, 7), (9, 11), (15,)]


def test_furniture_belongs_to_no_block():
    text = "1. 第一段\n\n06-44982 (C)    010906    010906 \n\n继续。\n"
    assert block_lines(text) == [(1, 5)]


def test_single_spaced_text_splits_at_blank_lines():
    text = "第一段第一行\n第一段第二行\n第一段第三行。\n\n第二段第一行\n第二段第二行。\n"
    assert block_lines(text) == [(1, 2, 3), (5, 6)]


def test_in_a_word_export_each_finished_line_is_a_paragraph():
    sentence = "联合国与各区域组织在维护国际和平与安全方面的合作取得了进展，" * 3
    text = f"{sentence}第一段。\n\n{sentence}第二段。\n\n{sentence}\n\n第三段的续行。\n"
    assert block_lines(text) == [(1,), (3,), (5, 7)]


def test_a_footnote_marker_right_after_the_rule_starts_the_first_footnote():
    text = "1. 第一段的开头\n\n__________\n\n1 S/23500。\n\n2 A/47/277。\n\n继续第一段。\n"
    assert block_lines(text) == [(1, 9), (5,), (7,)]


def test_blank_lines_with_other_whitespace_end_blocks_in_single_spaced_text():
    text = "第一段第一行\n第一段第二行。\n \u3000\t\n第二段第一行\n第二段第二行。\n"
    assert block_lines(text) == [(1, 2), (4, 5)]
