"""The table of contents of the 2010 report, as read in the document."""

import pytest

from unlint.structure.toc import normalize
from tests.corpus import A_60_341, A_61_204, REPERTOIRE, REPORT_2018, REPORT_2010, corpus_document


def test_2010_contents_block():
    toc = corpus_document(REPORT_2010).toc
    assert (toc.line, toc.end) == (95, 121)
    assert len(toc.entries) == 24
    first, second, africa = toc.entries[:3]
    assert (first.label, first.title, first.page, first.line) == ("一", "导言", 4, 98)
    assert (second.label, second.page, second.target) == ("二", 4, 128)
    assert (africa.label, africa.title, africa.target) == (None, "非洲联盟", 130)
    assert (toc.entries[-1].label, toc.entries[-1].page, toc.entries[-1].target) == ("四", 28, 581)


def test_retitled_chapter_has_no_target():
    # The contents says 导言, the chapter says 引言.
    assert corpus_document(REPORT_2010).toc.entries[0].target is None


@pytest.mark.parametrize("name", [REPORT_2018, A_61_204, A_60_341, REPERTOIRE])
def test_documents_without_contents(name):
    assert corpus_document(name).toc is None


def test_normalize_drops_numbering_spaces_and_markers():
    assert normalize("四. 联合国同禁止化学武器组织的合作；条约组织 筹备委员会") == normalize(
        "联合国同禁止化学武器组织的合作；条约组织筹备委员会"
    )
    assert normalize("E.\tHuman resources[^4]") == "humanresources"
    assert normalize("Proposed plan in 2025***") == "proposedplanin2025"
