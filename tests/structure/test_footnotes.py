"""The footnote parser on the five corpus documents and on each layout.

The expected (label, line) pairs were written by reading the documents.
"""

import pytest

from unlint.document import Document
from unlint.structure.footnotes import FootnoteLayout
from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2010, REPORT_2018, corpus_document


def pairs(notes):
    return [(n.label, n.line) for n in notes]


A_61_204_MARKERS = [
    ("*", 2), ("**", 26), ("1", 130), ("2", 143), ("3", 151), ("4", 155), ("5", 159), ("6", 190), ("7", 225),
    ("8", 236), ("9", 246), ("10", 258), ("11", 266), ("12", 535), ("13", 731), ("14", 796), ("15", 898),
    ("16", 932), ("17", 982), ("18", 988), ("19", 1011), ("20", 1028),
]
A_61_204_TEXTS = [
    ("*", 72), ("1", 140), ("2", 204), ("3", 208), ("4", 212), ("5", 216), ("6", 220), ("7", 289), ("8", 293),
    ("9", 297), ("10", 301), ("11", 305), ("12", 574), ("13", 776), ("14", 848), ("15", 921), ("16", 994),
    ("17", 998), ("18", 1002), ("19", 1075), ("20", 1079),
]
REPERTOIRE_MARKERS = [
    ("957", 54), ("958", 56), ("959", 64), ("960", 66), ("961", 161), ("962", 167), ("963", 183), ("964", 226),
    ("965", 230), ("966", 234), ("967", 234), ("968", 323), ("969", 327), ("970", 394), ("971", 398),
    ("972", 410), ("973", 416), ("974", 426), ("975", 430), ("976", 440), ("977", 468), ("978", 479),
    ("a", 522),  # the table note letter in table 1
]
REPERTOIRE_TEXTS = [
    ("957", 81), ("958", 83), ("959", 87), ("960", 91), ("961", 218), ("962", 220), ("963", 222), ("964", 292),
    ("965", 294), ("966", 297), ("967", 300), ("968", 378), ("969", 382), ("970", 445), ("971", 448),
    ("972", 450), ("973", 452), ("974", 454), ("975", 456), ("976", 458), ("977", 475), ("978", 483),
    ("a", 536),
]


@pytest.mark.parametrize(
    ("name", "markers", "texts"),
    [
        (REPORT_2018, [("*", 9)], [("*", 55)]),
        (REPORT_2010, [("*", 79)], [("*", 93)]),
        (A_60_341, [("*", 26)], [("*", 70)]),
        (A_61_204, A_61_204_MARKERS, A_61_204_TEXTS),
        (REPERTOIRE, REPERTOIRE_MARKERS, REPERTOIRE_TEXTS),
    ],
)
def test_corpus_markers_and_texts(name, markers, texts):
    footnotes = corpus_document(name).footnotes
    assert pairs(footnotes.markers) == markers
    assert pairs(footnotes.texts) == texts


def test_pdf_note_text_is_the_line_after_its_number():
    texts = {t.label: t for t in corpus_document(A_61_204).footnotes.texts}
    assert texts["1"].content == "S/23500。"
    assert texts["1"].content_line == 141
    assert texts["20"].content.startswith("能力调查")
    assert texts["*"].content == "由于技术原因重新印发。"


def test_word_export_asterisk_note_content():
    (text,) = corpus_document(REPORT_2018).footnotes.texts
    assert text.content == "A/73/150。"
    assert text.layout is FootnoteLayout.SYMBOL


def test_repertoire_ibid_notes():
    texts = corpus_document(REPERTOIRE).footnotes.texts
    assert [t.label for t in texts if t.is_ibid] == ["973", "974", "975", "977", "978"]


def test_repertoire_notes_sit_in_their_separator_blocks():
    footnotes = corpus_document(REPERTOIRE).footnotes
    assert footnotes.separators == (79, 216, 290, 376, 443, 473, 481)
    assert [t.label for t in footnotes.texts_in_block(4)] == ["970", "971", "972", "973", "974", "975", "976"]


def test_page_number_alone_on_a_line_is_not_a_footnote():
    # A/60/341 line 280 holds the page number "6" between blank lines.
    footnotes = corpus_document(A_60_341).footnotes
    assert 280 not in {n.line for n in (*footnotes.markers, *footnotes.texts)}


def test_bar_code_asterisks_are_not_markers():
    assert 19 not in {m.line for m in corpus_document(A_61_204).footnotes.markers}


def test_markdown_layout():
    document = Document("First claim.[^1] Second claim.[^2]\n\n[^1]: A/80/1.\n[^2]: A/80/2.\n")
    assert pairs(document.footnotes.markers) == [("1", 1), ("2", 1)]
    assert pairs(document.footnotes.texts) == [("1", 3), ("2", 4)]
    assert {m.layout for m in document.footnotes.markers} == {FootnoteLayout.MARKDOWN}


def test_inline_markers_skip_dates_counts_and_symbols():
    text = (
        "安理会 1 月 30 日举行了 1 次会议。12 另见 S/PV.8711 和第 2532(2020)号决议。13\n"
        "__________________\n"
        " 12 见 S/PV.8711。\n"
        " 13 见 S/2020/30。\n"
    )
    footnotes = Document(text).footnotes
    assert pairs(footnotes.markers) == [("12", 1), ("13", 1)]
    assert pairs(footnotes.texts) == [("12", 3), ("13", 4)]


def test_table_note_letters_only_where_the_document_has_table_notes():
    with_note = Document("| 发言者 |\n秘书长、a 受邀者\n\n a 比利时、中国。\n")
    assert pairs(with_note.footnotes.markers) == [("a", 2)]
    assert pairs(with_note.footnotes.texts) == [("a", 4)]
    assert Document("亚太经社会、a 开发署合作。\n").footnotes.markers == ()


def test_page_numbers_are_not_pdf_markers():
    # Right after the text, but above the running header: a page number.
    with_header = Document(" 联 合 国   A/60/341\n\nDistr.: General\n\n1. 正文。\n2\nA/60/341\n")
    assert with_header.footnotes.markers == ()
    # No separator line anywhere: the document has no PDF notes to point to.
    assert Document("1. 正文。\n2\n\n3. 正文。\n").footnotes.markers == ()


def test_a_skip_is_covered_only_when_every_skipped_number_has_a_text_reported():
    from unlint.structure.footnote_matching import _all_textless

    assert _all_textless(3, 6, {3, 4, 5})
    assert _all_textless(3, 6, {1, 3, 4, 5, 9})
    assert not _all_textless(3, 6, {3, 5, 9})  # 4 is missing
    assert not _all_textless(3, 10_000_003, {3, 4, 5})  # longer than the set: answered without the range
    assert _all_textless(3, 3, set())  # nothing skipped
