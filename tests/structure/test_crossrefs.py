"""Internal references in the corpus, as read in the documents; external ones stay out."""

from unlint.document import Document
from unlint.structure.crossrefs import ReferenceKind
from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2010, REPORT_2018, corpus_document


def found(document):
    return [(document.position(r.start).line, r.kind, r.targets) for r in document.internal_references]


def test_a_61_204_references():
    document = corpus_document(A_61_204)
    refs = found(document)
    assert refs[:3] == [
        (271, ReferenceKind.SECTION, ("E",)),
        (1113, ReferenceKind.SECTION, ("D",)),
        (1127, ReferenceKind.CHAPTER, ("二", "三")),
    ]
    paragraphs = [(line, targets) for line, kind, targets in refs if kind is ReferenceKind.PARAGRAPH]
    assert [line for line, _ in paragraphs] == [1144, 1180, 1193, 1206, 1212, 1237, 1250, 1265]
    assert paragraphs[2][1] == tuple(map(str, [*range(33, 39), *range(54, 60)]))
    assert paragraphs[4][1] == ("42", "43", "44", "45", "46", "60")
    assert paragraphs[7][1] == ("78", "84", "89", "90")
    assert document.internal_references[1].chapter == "二"


def test_a_60_341_references():
    assert found(corpus_document(A_60_341)) == [
        (57, ReferenceKind.ANNEX, ("附件一",)),
        (57, ReferenceKind.ANNEX, ("附件二",)),
        (86, ReferenceKind.PARAGRAPH, ("11",)),
    ]


def test_2010_reference_to_own_chapter():
    assert found(corpus_document(REPORT_2010)) == [(125, ReferenceKind.CHAPTER, ("二",))]


def test_repertoire_and_2018_have_none():
    # The Repertoire's "见第二部分，第二节" names parts of the Repertoire volume, not of this page.
    assert found(corpus_document(REPERTOIRE)) == []
    assert found(corpus_document(REPORT_2018)) == []


def test_paragraph_of_a_resolution_is_not_internal():
    document = Document("54. 决议第1段邀请区域组织。安全理事会第 1631（2005）号决议第 6 段敦促所有组织。见第 2 段。\n")
    assert found(document) == [(1, ReferenceKind.PARAGRAPH, ("2",))]


def test_english_references():
    document = Document("See paragraphs 15–17 above and para. 43 below; section IV of the present report.\n")
    assert [(r.kind, r.targets, r.direction) for r in document.internal_references] == [
        (ReferenceKind.PARAGRAPH, ("15", "16", "17"), "above"),
        (ReferenceKind.PARAGRAPH, ("43",), "below"),
        (ReferenceKind.CHAPTER, ("IV",), None),
    ]
