"""Word automatic numbering read as the text Word shows (synthetic packages, one structure each)."""

from __future__ import annotations

import pytest

from unlint.formats.docx import read_docx
from unlint.formats.docx_numbering import format_number

from .word_package import level, package, paragraph

pytest.importorskip("docx")

# A UN report's outline: chapters I., sections A., paragraphs 1., sub-paragraphs (a).
OUTLINE = (
    '<w:abstractNum w:abstractNumId="1">'
    + level(0, "upperRoman", "%1.")
    + level(1, "upperLetter", "%2.")
    + level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>')
    + level(3, "lowerLetter", "(%4)")
    + level(4, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
)


def _lines(body: str, **parts) -> list[str]:
    return read_docx(package(body, **parts)).text.split("\n")


@pytest.mark.parametrize(("value", "kind", "shown"), [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (1999, "upperRoman", "MCMXCIX"),
    (1, "upperLetter", "A"), (26, "lowerLetter", "z"), (27, "upperLetter", "AA"), (53, "lowerLetter", "aaa"),
    (7, "decimal", "7"), (7, "decimalZero", "07"), (7, "ordinalText", "7"),
])
def test_number_formats(value, kind, shown):
    assert format_number(value, kind) == shown


def test_an_outline_reads_as_word_shows_it():
    body = "".join([
        paragraph("Introduction", num=("5", 0)),
        paragraph("Mandate", num=("5", 1)),
        paragraph("The mandate was set.", num=("5", 2)),
        paragraph("first;", num=("5", 3)),
        paragraph("second.", num=("5", 3)),
        paragraph("a bullet", num=("5", 4)),
        paragraph("Not numbered."),
        paragraph("Budget", num=("5", 1)),
        paragraph("The budget.", num=("5", 2)),
        paragraph("only item.", num=("5", 3)),
        paragraph("Financial resources", num=("5", 0)),
        paragraph("Overall", num=("5", 1)),
        paragraph("Paragraphs run on across chapters.", num=("5", 2)),
    ])
    assert _lines(body, numbering=OUTLINE)[:13] == [
        "I.\tIntroduction",
        "A.\tMandate",
        "1.\tThe mandate was set.",
        "(a)\tfirst;",
        "(b)\tsecond.",
        "a bullet",  # a bullet's glyph is no number
        "Not numbered.",
        "B.\tBudget",
        "2.\tThe budget.",
        "(a)\tonly item.",  # restarts after a higher level
        "II.\tFinancial resources",
        "A.\tOverall",
        "3.\tParagraphs run on across chapters.",  # lvlRestart 0: never restarts
    ]


def test_a_style_carries_numbering_through_based_on():
    styles = (
        '<w:style w:type="paragraph" w:styleId="ParaNum"><w:pPr><w:numPr><w:ilvl w:val="2"/>'
        '<w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ParaNumBold"><w:basedOn w:val="ParaNum"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Plain"/>'
    )
    body = "".join([
        paragraph("one", style="ParaNum"),
        paragraph("two", style="ParaNumBold"),
        paragraph("plain", style="Plain"),
        paragraph("switched off", style="ParaNum", num=("0", 0)),
        paragraph("three", style="ParaNumBold"),
    ])
    assert _lines(body, numbering=OUTLINE, styles=styles)[:5] == [
        "1.\tone", "2.\ttwo", "plain", "switched off", "3.\tthree",
    ]


def test_an_instance_with_a_start_override_restarts_the_count():
    numbering = OUTLINE + (
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
    )
    body = "".join([
        paragraph("a", num=("5", 2)),
        paragraph("b", num=("5", 2)),
        paragraph("annex paragraph", num=("6", 2)),
        paragraph("next", num=("6", 2)),
        paragraph("Chapter four", num=("7", 0)),
    ])
    assert _lines(body, numbering=numbering)[:5] == ["1.\ta", "2.\tb", "1.\tannex paragraph", "2.\tnext",
                                                    "IV.\tChapter four"]


def test_multilevel_text_legal_numbering_and_suffixes():
    numbering = (
        '<w:abstractNum w:abstractNumId="2">'
        + level(0, "upperRoman", "%1.", extra='<w:suff w:val="space"/>')
        + level(1, "decimal", "%1.%2", extra='<w:isLgl/><w:suff w:val="nothing"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    )
    body = paragraph("Chapter", num=("3", 0)) + paragraph(" Sub", num=("3", 1)) + paragraph(" Sub", num=("3", 1))
    assert _lines(body, numbering=numbering)[:3] == ["I. Chapter", "1.1 Sub", "1.2 Sub"]


def test_a_level_that_starts_at_zero_and_unknown_numbering_are_shown_as_word_does():
    numbering = (
        '<w:abstractNum w:abstractNumId="4">' + level(0, "decimal", "%1.", start=0) + "</w:abstractNum>"
        '<w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>'
    )
    body = paragraph("zero", num=("8", 0)) + paragraph("one", num=("8", 0)) + paragraph("dangling", num=("99", 0))
    assert _lines(body, numbering=numbering)[:3] == ["0.\tzero", "1.\tone", "dangling"]


def test_numbering_without_a_numbering_part_is_ignored():
    assert _lines(paragraph("text", num=("5", 0)))[:1] == ["text"]
