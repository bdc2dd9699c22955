"""FTN rules: on the corpus, and on each layout with one footnote broken."""

import pytest

from unlint import Config, Document, lint_text
from tests.corpus import corpus_findings
from tests.structure.realdocs import realdoc_text
from tests.rules.footnote_layouts import inline_layout, line_of, markdown_layout, pdf_layout, word_cover

FTN = Config(select=("FTN",))


def ftn(text):
    return [(d.code, d.start.line, d.message) for d in lint_text(text, config=FTN)]


def codes_and_lines(text):
    return [(code, line) for code, line, _ in ftn(text)]


# -- the corpus -------------------------------------------------------------


def test_corpus_findings_are_the_real_errors():
    found = corpus_findings(FTN)
    # A/61/204: the provisional agenda's ** on the cover page has no ** note (the A/61/150 note is missing).
    assert found == [("A-61-204-S-2006-590.zh.txt", "FTN005", 26)]


# -- every layout: silent when matched, one finding per break ---------------

LAYOUTS = {
    "pdf": (pdf_layout, 1),
    "inline": (inline_layout, 957),
    "markdown": (markdown_layout, 1),
}


def marker_line(layout, text, number):
    if layout == "pdf":
        return line_of(text, str(number))
    if layout == "inline":
        return next(n for n, line in enumerate(text.split("\n"), 1) if line.rstrip().endswith(f"。{number}"))
    return next(n for n, line in enumerate(text.split("\n"), 1) if f"[^{number}]" in line and ":" not in line)


def text_line(layout, text, number):
    if layout == "pdf":
        return max(n for n, line in enumerate(text.split("\n"), 1) if line.strip() == str(number))
    if layout == "inline":
        return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(f" {number} "))
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(f"[^{number}]:"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_all_matched_is_silent(layout):
    build, _ = LAYOUTS[layout]
    assert ftn(build()) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_removed_text_gives_one_finding_at_the_marker(layout):
    build, first = LAYOUTS[layout]
    number = first + 1
    text = build(drop_text=number)
    assert codes_and_lines(text) == [("FTN001", marker_line(layout, text, number))]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_removed_marker_gives_one_finding_at_the_text(layout):
    build, first = LAYOUTS[layout]
    number = first + 2
    text = build(drop_marker=number)
    assert codes_and_lines(text) == [("FTN002", text_line(layout, text, number))]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_renumbered_footnote_gives_one_finding_at_its_marker(layout):
    build, first = LAYOUTS[layout]
    text = build(renumber={first + 1: first + 9})
    assert codes_and_lines(text) == [("FTN003", marker_line(layout, text, first + 9))]


def test_missing_text_message_names_the_page_texts():
    text = pdf_layout(count=6, per_page=3, drop_text=5)
    ((code, _, message),) = ftn(text)
    assert message == "footnote 5 has no text; the footnote texts on this page are 4, 6"


def test_missing_last_text_in_inline_layout():
    text = inline_layout(count=4, per_page=4, drop_text=960)
    assert codes_and_lines(text) == [("FTN001", marker_line("inline", text, 960))]


def test_numbering_may_start_anywhere():
    assert ftn(pdf_layout(first=40)) == []


def test_repeated_number_is_reported_once():
    text = markdown_layout(count=4, renumber={3: 2})
    found = ftn(text)
    assert [(c, l) for c, l, _ in found] == [("FTN003", marker_line("markdown", text, 2) + 1)]
    assert "used again" in found[0][2]


def test_skipped_number():
    text = markdown_layout(count=3, renumber={3: 5})
    ((code, _, message),) = ftn(text)
    assert (code, message) == ("FTN003", "footnote numbering skips from 2 to 5; 3-4 missing")


# -- asterisk notes -----------------------------------------------------------


def test_cover_asterisk_with_note_is_silent():
    assert ftn(word_cover()) == []


def test_cover_asterisk_without_note():
    # The text has a footnote area (a numbered note), so the asterisk note's absence is a slip.
    text = word_cover(note=None) + "2. 见报告。[^1]\n\n[^1]: A/73/150。\n"
    found = ftn(text)
    assert [(c, l) for c, l, _ in found] == [("FTN005", 3)]
    assert found[0][2].startswith("the provisional agenda's * marker has no * note")


def test_text_without_any_note_is_not_checked():
    # No footnote text of any kind and no masthead: the notes were left out of this text (a corpus
    # strips them). With a masthead the text is a whole document: see test_2018_agenda_note_deleted.
    text = word_cover(note=None)
    ((code, line, message),) = ftn(text)  # the rule is silent; the run says what it left out
    assert (code, line) == ("UNL004", 3) and message.startswith("FTN001/FTN005 not checked: footnote area")
    (doubt,) = Document(text).not_checked
    assert doubt.codes == ("FTN001", "FTN005") and doubt.line == 3
    assert "no footnote text at all" in str(doubt)


def test_markers_without_any_note_are_not_checked():
    text = "1. 见报告。[^1] 另见[^2]。\n2. 结束。\n"
    assert [code for code, _, _ in ftn(text)] == ["UNL004"]
    assert lint_text(text, config=Config(select=("FTN",), ignore=("UNL004",))) == []
    assert [d.codes for d in Document(text).not_checked] == [("FTN001", "FTN005")]


def test_asterisk_note_without_marker():
    assert codes_and_lines(word_cover(marker="")) == [("FTN002", 7)]


def test_pdf_asterisk_on_its_own_line_needs_a_note():
    text = " 联 合 国   A/61/204*\n\n大  会\n\n临时议程\n**\n 项目 11\n\n*\n 由于技术原因重新印发。\n"
    assert codes_and_lines(text) == [("FTN005", 6)]


def test_repeated_asterisk_markers_share_one_note():
    text = "Contents\nPlan for 2027*** | 3\nOffice | 43\nPlan for 2027*** | 43\n\n***\tSubmitted through the CPC.\n"
    assert ftn(text) == []


# -- ibid -------------------------------------------------------------------


def repertoire_notes(*contents):
    body = "".join(f"会议。{957 + i} " for i in range(len(contents)))
    notes = "\n".join(f" {957 + i} {c}" for i, c in enumerate(contents))
    return f" 安理会举行了{body}\n__________________\n{notes}\n"


def test_ibid_after_a_citation_is_silent():
    assert ftn(repertoire_notes("S/PRST/2020/11，第六段。", "同上，第五段。", "同上，第十段。")) == []


def test_ibid_after_a_list_of_speakers():
    found = ftn(repertoire_notes("南非、尼日尔、突尼斯。", "同上，第五段。"))
    assert [(c, l) for c, l, _ in found] == [("FTN004", 4)]
    assert found[0][2] == "footnote 958 reads 同上/Ibid. but footnote 957 before it cites no source"


def test_ibid_as_first_footnote():
    found = ftn(repertoire_notes("同上，第五段。"))
    assert [(c, l) for c, l, _ in found] == [("FTN004", 3)]


def test_table_note_without_text():
    text = "表 1\n秘书长、a 受邀者、b 其他\n\n a 比利时、中国。\n"
    assert ftn(text) == [("FTN001", 2, "table note b has no text under the table")]


def test_run_of_ibid_is_reported_once():
    found = ftn(repertoire_notes("南非、尼日尔。", "同上，第五段。", "同上，第六段。"))
    assert [(c, l) for c, l, _ in found] == [("FTN004", 4)]


def test_title_asterisks_whose_notes_the_corpus_removed_real_excerpt():
    text = realdoc_text("cover-asterisks.zh.txt")
    assert [code for code, _, _ in ftn(text)] == ["UNL004"]
    # The same text with its note is checked, and silent.
    assert ftn(text + "\n* 本报告迟交。\n") == []


def test_numbered_notes_without_a_single_marker_are_not_checked():
    # A conversion that drops superscripts loses every marker at once; the notes stay.
    text = markdown_layout(count=3)
    for number in (1, 2, 3):
        text = text.replace(f"[^{number}]", "", 1)
    assert [code for code, _, _ in ftn(text)] == ["UNL004"]
    assert "FTN002 not checked: footnote markers" in ftn(text)[0][2]


def test_one_marker_dropped_among_others_still_fires():
    text = markdown_layout(count=3).replace("[^2]", "", 1)
    assert [code for code, _, _ in ftn(text)] == ["FTN002"]
