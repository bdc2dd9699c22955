"""FTN and XRF on the real corpus documents with one real-looking edit each.

Each edit is what an editor's slip would do to the real text; the rule must
then report exactly that slip, at the right line, and nothing else.
"""

from unlint import Config, lint_text
from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2010, REPORT_2018, EXAMPLES

RULES = Config(select=("FTN", "XRF"))


def read(name):
    return (EXAMPLES / name).read_text(encoding="utf-8")


def findings(text):
    return [(d.code, d.start.line, d.message) for d in lint_text(text, config=RULES)]


def edited(name, old, new):
    text = read(name)
    assert text.count(old) == 1, old
    return text.replace(old, new)


def without_line(name, number):
    lines = read(name).split("\n")
    del lines[number - 1]
    return "\n".join(lines)


# Line numbers below are those of the documents as they are in examples/.
A_61_204_KNOWN = ("FTN005", 26)


def test_a_61_204_with_its_agenda_note_restored_is_silent():
    text = edited(A_61_204, " 由于技术原因重新印发。 \n", " 由于技术原因重新印发。 \n \n**\n A/61/150。\n")
    assert findings(text) == []


def test_a_61_204_footnote_text_deleted():
    lines = read(A_61_204).split("\n")
    assert lines[296] == "9" and lines[297].strip() == "S/PRST/2001/5。"
    del lines[296:298]
    found = [f for f in findings("\n".join(lines)) if f[:2] != A_61_204_KNOWN]
    assert found == [("FTN001", 246, "footnote 9 has no text; the footnote texts on this page are 7, 8, 10, 11")]


def test_repertoire_marker_deleted():
    text = edited(REPERTOIRE, "调一致等问题。961 ", "调一致等问题。")
    assert [f[:2] for f in findings(text)] == [("FTN002", 218)]


def test_repertoire_ibid_after_a_list_of_countries():
    text = edited(REPERTOIRE, " 972 S/PRST/2020/11，第六、十五段。", " 972 南非、尼日尔、突尼斯。")
    assert findings(text) == [
        ("FTN004", 452, "footnote 973 reads 同上/Ibid. but footnote 972 before it cites no source")
    ]


def test_2018_agenda_note_deleted():
    assert [f[:2] for f in findings(without_line(REPORT_2018, 55))] == [("FTN005", 9)]


def test_2010_contents_corrected_is_silent():
    assert findings(edited(REPORT_2010, "一. 导言\t4", "一. 引言\t4")) == []


def test_2010_paragraph_deleted():
    lines = read(REPORT_2010).split("\n")
    assert lines[256].startswith("57. ")
    del lines[256]
    found = [f for f in findings("\n".join(lines)) if f[0] != "XRF004"]
    assert found == [("XRF001", 258, "paragraph 58 follows paragraph 56; expected 57")]


def test_a_60_341_reference_past_the_last_paragraph():
    text = edited(A_60_341, "列于第 11 段", "列于第 12 段")
    assert findings(text) == [("XRF002", 86, "paragraph 12 does not exist; the paragraphs of 附件一 are 1-11")]


def test_a_61_204_reference_to_a_missing_section():
    text = edited(A_61_204, "本报告第二节D部分", "本报告第二节F部分")
    found = [f for f in findings(text) if f[:2] != A_61_204_KNOWN]
    assert found == [("XRF003", 1113, "chapter 二 has no section F; its sections are A, B, C, D, E")]


def test_a_61_204_reference_to_missing_paragraphs():
    text = edited(A_61_204, "参见上文第 20 至 26 段", "参见上文第 20 至 26 段和第 102 段")
    found = [f for f in findings(text) if f[:2] != A_61_204_KNOWN]
    assert found == [("XRF002", 1144, "paragraph 102 does not exist; the paragraphs of this document are 1-101")]


def test_a_61_204_lettered_item_skipped():
    text = edited(A_61_204, " (c) 应按照已提出的建议", " (d) 应按照已提出的建议")
    found = [f for f in findings(text) if f[:2] != A_61_204_KNOWN]
    assert [f[:2] for f in found] == [("XRF006", 1162), ("XRF006", 1166)]
