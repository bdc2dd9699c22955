"""XRF rules: on the corpus, and on small cases that must fire, must not, and between."""

import pytest

from unlint import Config, lint_text
from tests.corpus import corpus_findings
from tests.structure.realdocs import realdoc_text

XRF = Config(select=("XRF",))


def xrf(text):
    return [(d.code, d.start.line, d.message) for d in lint_text(text, config=XRF)]


def codes_and_lines(text):
    return [(code, line) for code, line, _ in xrf(text)]


def test_corpus_findings_are_the_real_errors():
    found = corpus_findings(XRF)
    # The 2010 report's contents calls chapter 一 "导言"; the chapter is headed "引言".
    assert found == [("sg-report-2010-09-20-cooperation.zh.txt", "XRF004", 98)]


def numbered(*numbers, extra=()):
    return "\n\n".join([*(f"{n}. 安全理事会讨论了这一问题。" for n in numbers), *extra]) + "\n"


# -- XRF001 paragraph numbering ---------------------------------------------


def test_consecutive_paragraphs_are_silent():
    assert xrf(numbered(1, 2, 3)) == []


def test_skipped_paragraph():
    assert xrf(numbered(1, 2, 4)) == [("XRF001", 5, "paragraph 4 follows paragraph 2; expected 3")]


def test_repeated_paragraph_is_reported_at_the_repeat():
    found = codes_and_lines(numbered(1, 2, 2, 3))
    assert found[0] == ("XRF001", 5)


def test_annex_restarts_at_one():
    text = numbered(1, 2) + "\n附件一\n\n" + numbered(1, 2, 3)
    assert xrf(text) == []


def test_annex_numbering_continuing_from_the_body():
    text = numbered(1, 2) + "\n附件一\n\n" + numbered(3, 4)
    assert [(c, m) for c, _, m in xrf(text)] == [("XRF001", "the first numbered paragraph of 附件一 is 3; expected 1")]


def test_fullwidth_stop_and_sub_heading():
    text = "1. 第一段。\n\n2．第二段。\n\n 1. 自然灾害救灾工作\n\n3. 第三段。\n"
    assert xrf(text) == []


# -- XRF002 references to paragraphs ----------------------------------------


def test_reference_to_existing_paragraphs_is_silent():
    assert xrf(numbered(1, 2, 3, extra=["4. 建议(参见上文第 1 至 3 段)。"])) == []


def test_reference_to_missing_paragraph():
    text = numbered(1, 2, 3, extra=["4. 建议(参见上文第 2 至 6 段)。"])
    assert xrf(text) == [("XRF002", 7, "paragraph 5-6 does not exist; the paragraphs of this document are 1-4")]


def test_above_pointing_below():
    text = numbered(1, extra=["2. 见上文第 3 段。", "3. 第三段。"])
    assert xrf(text) == [("XRF002", 3, "paragraph 3 is said to be above but is below (line 5)")]


def test_bare_paragraph_reference_in_an_annex():
    text = "附件一\n\n1. 与会组织名单列于第 3 段。\n\n2. 第二段。\n"
    assert codes_and_lines(text) == [("XRF002", 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "3. 安全理事会第 1631（2005）号决议第 7 段敦促各组织。",
        "3. 在同一项决议第 10 段中，安理会请我提交报告。",
        "3. 这是对大会第 57/337 号决议附件第 37 段的回应。",
        "3. 如 A/47/277-S/24111，第 64 段所述。",
    ],
)
def test_paragraph_of_another_document_is_not_checked(sentence):
    assert xrf(numbered(1, 2, extra=[sentence])) == []


def test_english_paragraph_reference():
    text = "1.\tThe Committee met, and agreed.\n2.\tThe Committee recalls, see paragraph 12 above.\n"
    assert xrf(text) == [("XRF002", 2, "paragraph 12 does not exist; the paragraphs of this document are 1-2")]


def test_quoted_table_row_is_not_checked():
    assert xrf("1.\tFirst.\nThe Committee requests (see para. 27 below). | Action taken\n") == []


# -- XRF003 chapters, sections, annexes --------------------------------------

REPORT = "一. 导言\n\n1. 本报告第二节B部分说明合作。\n\n二. 合作\n\nA. 早期步骤\n\n2. 正文。\n\nB. 会议\n\n3. 正文。\n"


def test_existing_section_is_silent():
    assert xrf(REPORT) == []


def test_missing_section():
    text = REPORT.replace("第二节B部分", "第二节C部分")
    assert xrf(text) == [("XRF003", 3, "chapter 二 has no section C; its sections are A, B")]


def test_missing_chapter():
    text = REPORT.replace("本报告第二节B部分", "上文第二和第三节")
    assert xrf(text) == [("XRF003", 3, "chapter 三 does not exist; the chapters are 一、二")]


def test_annex_references():
    letter = "谨转交会议结论(见附件一)和开幕词(附件三)。\n\n附件一\n\n1. 结论。\n\n附件二\n\n开幕词。\n"
    assert xrf(letter) == [("XRF003", 1, "附件三 does not exist; the annexes and appendices of this document are 附件一、附件二")]


def test_annex_of_a_resolution_is_not_checked():
    assert xrf("大会第 55/283 号决议，附件第四条。\n\n1. 正文。\n") == []


# -- XRF004 / XRF005 table of contents ---------------------------------------

CONTENTS = "目录\n\n\t页次\n一. 导言\t3\n二. 合作\t4\n\n一. 导言\n\n1. 正文。\n\n二. 合作\n\n2. 正文。\n"


def test_matching_contents_is_silent():
    assert xrf(CONTENTS) == []


def test_retitled_chapter():
    text = CONTENTS.replace("\n一. 导言\n\n1.", "\n一. 引言\n\n1.")
    assert xrf(text) == [
        ("XRF004", 4, "contents entry '一. 导言' matches no heading; chapter 一 is headed '一. 引言' (line 7)")
    ]


def test_chapter_missing_from_contents():
    text = CONTENTS + "\n三. 结论\n\n3. 正文。\n"
    assert xrf(text) == [("XRF005", 15, "chapter '三. 结论' is not in the table of contents (line 1)")]


def test_chapters_an_annex_numbers_itself_are_not_asked_of_the_main_contents():
    annex = "\n附件\n\n三. 顾问的意见\n\n1. 正文。\n\n四. 建议\n\n2. 正文。\n"
    assert xrf(CONTENTS + annex) == []


def test_a_body_chapter_before_the_annex_is_still_asked_of_the_contents():
    annex = "\n附件\n\n四. 建议\n\n1. 正文。\n"
    text = CONTENTS + "\n三. 结论\n\n3. 正文。\n" + annex
    assert xrf(text) == [("XRF005", 15, "chapter '三. 结论' is not in the table of contents (line 1)")]


def test_an_english_annex_with_its_own_chapters():
    text = ("Contents\n| Page\nI. Introduction | 3\nII. Findings | 4\n\nI. Introduction\n\n1. Text.\n\n"
            "II. Findings\n\n2. Text.\n\nAnnex\n\nIII. Observations of the consultant\n\n1. Text.\n")
    assert xrf(text) == []
    assert xrf(text.replace("\nAnnex\n", "\n")) == [
        ("XRF005", 15, "chapter 'III. Observations of the consultant' is not in the table of contents (line 1)")]


def test_contents_entry_split_over_two_heading_lines():
    text = "Contents\n| Page\nSubprogramme 1. Prevention of conflicts | 11\n\nSubprogramme 1\nPrevention of conflicts\n"
    assert xrf(text) == []


# -- XRF006 lettered sub-paragraphs ------------------------------------------


def test_lettered_lists_are_silent():
    assert xrf("1. 主要内容如下：\n (a) 甲；\n (b) 乙；\n (c) 丙。\n2. 建议：\n (a) 甲；\n (b) 乙。\n") == []


def test_skipped_letter():
    assert xrf("1. 主要内容如下：\n (a) 甲；\n (b) 乙；\n (d) 丁。\n") == [
        ("XRF006", 4, "sub-paragraph (d) follows (b) at line 3; expected (c)")
    ]


def test_repeated_letter():
    assert codes_and_lines("1. 如下：\n (a) 甲；\n (b) 乙；\n (b) 丙。\n") == [("XRF006", 4)]


def test_roman_sub_items_and_agenda_sub_items():
    text = "议程项目 129(a)、(b)、\n(c)、(d)和(e)\n\n1. 如下：\n(a) 甲：\n(i) 子项；\n(ii) 子项；\n(b) 乙。\n"
    assert xrf(text) == []


# -- unsure structure: silent, and said so (UNL004) ----------------------------------


def test_text_starting_inside_a_document_is_not_checked_real_excerpt():
    text = realdoc_text("starts-inside.zh.txt")
    assert codes_and_lines(text) == [("UNL004", text.split("\n").index(next(
        line for line in text.split("\n") if line.startswith("110."))) + 1)]


def test_a_gap_after_a_mid_document_start_still_fires():
    text = "110. 第一段，内容。\n111. 第二段，内容。\n113. 第三段，内容。\n见上文第 12 段。\n"
    assert codes_and_lines(text) == [("UNL004", 1), ("XRF001", 3)]


def test_reference_past_the_end_fires_even_when_the_text_starts_inside():
    text = "110. 第一段，内容。\n111. 第二段，见上文第 150 段。\n"
    assert [c for c, _ in codes_and_lines(text)] == ["UNL004", "XRF002"]


def test_numbered_outputs_of_tables_are_not_paragraphs():
    # Each table numbers its outputs from 1; the paragraphs around them go on.
    table = ["1. 出版物：年度报告一份，供大会审议。", "2. 技术材料：数据库一个，供会员国使用。"]
    text = "\n".join(["1. 第一段，内容。", "2. 第二段，内容。", "3. 第三段，内容。", *table, "4. 第四段，内容。",
                      *table, "5. 第五段，内容。"]) + "\n"
    assert xrf(text) == []
    assert codes_and_lines(text.replace("5. 第五段", "6. 第五段")) == [("XRF001", 9)]


def test_a_table_row_label_with_figures_is_not_a_chapter_missing_from_the_contents():
    text = ("Contents\nI. Overview | 3\nII. Mandate | 4\n\nI. Overview\n1. Text of the overview here.\n"
            "II. Mandate\n2. Text of the mandate here.\nIII.\tOperational costs\t1 234.5\t1 100.0\n")
    assert xrf(text) == []
    assert codes_and_lines(text.replace("\t1 234.5\t1 100.0", "")) == [("XRF005", 9)]


def test_summary_record_contents_without_page_numbers_ends_at_the_body():
    text = ("Contents\nOpening of the session\nAdoption of the agenda\n"
            "Opening of the session\n1. The meeting was called to order at 10 a.m. by the Chair.\n"
            "Adoption of the agenda\n2. The agenda was adopted.\n")
    assert xrf(text) == []
    assert codes_and_lines(text.replace("Adoption of the agenda\n2.", "Agenda\n2.")) == [("XRF004", 3)]


def test_unsure_contents_is_not_checked():
    # No page numbers, no blank line, no repeated heading: where the entries end is unknown.
    text = ("Contents\nOpening of the session\nOther matters\n"
            "1. The meeting was called to order at 10 a.m. by the Chair.\n2. The agenda was adopted.\n")
    assert codes_and_lines(text) == [("UNL004", 1)]


def test_lettered_rows_of_two_tables_are_not_one_list():
    filler = ["正文。"] * 45
    text = "\n".join(["(a) 员额", "(b) 非员额", *filler, "(b) 非员额", "(c) 其他"]) + "\n"
    assert xrf(text) == []
    assert codes_and_lines("(a) 一\n(b) 二\n(d) 四\n") == [("XRF006", 3)]
