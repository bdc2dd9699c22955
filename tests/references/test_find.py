"""Finding candidates in text: what is proposed, what is skipped, what is reported as unparsed."""

from __future__ import annotations

from unlint.document import Document
from unlint.references import find_references


def _symbols(text: str) -> list[str]:
    return [s.text for s in find_references(text).symbols]


def _citations(text: str) -> list[str]:
    return [c.text for c in find_references(text).citations]


def test_symbols_in_brackets_and_lists():
    text = "年度报告(S/2016/780、S/2017/744 和 S/2018/678)中所述"
    assert _symbols(text) == ["S/2016/780", "S/2017/744", "S/2018/678"]


def test_joint_symbol_is_one_reference():
    assert _symbols("报告（A/50/60-S/1995/1），重") == ["A/50/60-S/1995/1"]


def test_english_full_stop_after_a_symbol_is_not_part_of_it():
    assert _symbols("see A/81/50. The plan") == ["A/81/50"]


def test_words_with_a_slash_and_no_digit_are_not_candidates():
    references = find_references("ATMIS/AUSSOM personnel; UNSOM/UNTMIS; Request/recommendation")
    assert references.symbols == () and references.unparsed == ()


def test_a_symbol_inside_a_link_is_not_a_citation():
    assert _symbols("https://undocs.org/zh/S/2020/30 and S/2020/31") == ["S/2020/31"]


def test_resolution_year_is_taken_only_after_a_resolution_symbol():
    assert _symbols("S/RES/2553 (2020) and A/81/6 (2025)") == ["S/RES/2553 (2020)", "A/81/6"]


def test_a_candidate_that_does_not_parse_is_kept_as_unparsed():
    (unparsed,) = find_references("见 S/2O17/744。").unparsed
    assert (unparsed.kind, unparsed.text, unparsed.start) == ("symbol", "S/2O17/744", 2)


def test_unparsed_resolution_reference():
    (unparsed,) = find_references("安全理事会第 1325（2O00）号决议").unparsed
    assert unparsed.kind == "resolution"


def test_generic_mentions_of_resolutions_are_not_references():
    text = "通过一项决议。在若干决议中，大会…第 120 届大会通过的决议；该决议草案"
    assert _citations(text) == []


def test_draft_resolutions_are_not_resolutions():
    assert _citations("第 12 号决议草案") == []


def test_reference_across_a_line_break():
    assert _citations("坚决拥护安理会第\n\n2532(2020)号决议。") == ["安理会第\n\n2532(2020)号决议"]


def test_english_list_stops_before_prose():
    assert _citations("resolution 350 (1974) and was renewed") == ["resolution 350 (1974)"]


def test_furniture_lines_are_skipped():
    text = "联 合 国   A/60/341–S/2005/567\nDistr.: General\n8 September 2005\n\nbody (A/59/565)\nA/60/341\nS/2005/567\n"
    document = Document(text)
    assert [s.text for s in document.references.symbols] == ["A/60/341–S/2005/567", "A/59/565"]


def test_link_lines_are_furniture():
    document = Document("正文 S/2020/30。\nhttps://undocs.org/S/2020/31\n")
    assert [s.text for s in document.references.symbols] == ["S/2020/30"]


def test_document_parses_references_once():
    document = Document("S/2020/30")
    assert document.references is document.references
