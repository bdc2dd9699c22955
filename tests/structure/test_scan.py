"""The line gates: every line a parser's exact pattern accepts must pass its gate."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from unlint.structure import furniture, headings, paragraphs, sublists
from unlint.structure.scan import lines_containing, lines_matching

OWN_SYMBOLS = ("A/60/341", "S/2005/567")
FURNITURE_HEADER = furniture._running_header_pattern(OWN_SYMBOLS)


def _gated(gate):
    return lambda lines: lines_matching(lines, gate)


def _furniture_candidates(lines: list[str]) -> list[int]:
    """The lines parse_furniture looks at: the gate's and those holding an own symbol."""
    return sorted(set(lines_matching(lines, furniture._GATE)) | set(lines_containing(lines, OWN_SYMBOLS)))


# (the lines a parser looks at, exact per-line check) for each gated parser.
GATES = {
    "paragraphs": (_gated(paragraphs._GATE),
                   lambda line: bool(paragraphs._NUMBERED.match(line) or paragraphs._PART.fullmatch(line))),
    "headings": (_gated(headings._GATE),
                 lambda line: bool(headings._CHAPTER.fullmatch(line) or headings._SECTION.fullmatch(line))),
    "sublists": (_gated(sublists._GATE), lambda line: bool(sublists._ITEM.match(line))),
    "furniture": (_furniture_candidates,
                  lambda line: furniture._kind_of(line, lambda text: bool(FURNITURE_HEADER.fullmatch(text))) is not None),
}

# White space that regex's \s knows, digits of several scripts (U+10D40 is newer than
# Python's own Unicode tables), stops, brackets and the words the parsers look for.
ALPHABET = st.sampled_from(
    list(" \t\u3000\u00a0\u2028\x1c\x0b\r") + ["1", "9", "１", "٣", "\U00010d40"]
    + list(".．、()（）*-") + list("aivAIVX一二十附件录请回收") + ["Annex", "A/60/341", "https://undocs.org/x"]
)


def test_lines_matching_gives_line_indices_in_order():
    lines = ["x", "1. a", "", "  2. b", "3. c"]
    assert lines_matching(lines, paragraphs._GATE) == [1, 3, 4]


def test_lines_matching_finds_the_first_line_and_no_match_across_lines():
    assert lines_matching(["(a) x", "b"], sublists._GATE) == [0]
    assert lines_matching(["", "(a) x"], sublists._GATE) == [1]
    assert lines_matching([" ", "(a) x"], sublists._GATE) == [1]


@pytest.mark.parametrize("name", GATES)
@pytest.mark.parametrize("line", [
    "\u300012. 文本", "\x1c3．文本", "\u00a0\u2028(b) 文本", "１. text", "\U00010d40. x", "٣． 文本",
    "  附件二", "Appendix IV", "IV. Title", "\u3000十一、 标题", "D . 标题", "06-44982 * (C) 010906",
    "*0644982*", "请回收", "12 A/60/341", "A/60/341 S/2005/567*  3", "https://undocs.org/A/60/341",
])
def test_gate_passes_the_tricky_lines_its_parser_accepts(name, line):
    gate, exact = GATES[name]
    if exact(line):
        assert 1 in gate(["x", line, "y"])


@pytest.mark.parametrize("name", GATES)
@settings(max_examples=200, deadline=None)
@given(words=st.lists(ALPHABET, max_size=8))
def test_gate_passes_every_line_its_parser_accepts(name, words):
    gate, exact = GATES[name]
    line = "".join(words).replace("\n", "")
    if exact(line):
        assert gate([line]) == [0]


# -- finditer_near: the same matches as finditer, from anchors ------------------

from pathlib import Path  # noqa: E402

from unlint.structure import crossrefs as references  # noqa: E402
from unlint.structure.scan import finditer_near, literal_positions  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _near(name: str, text: str):
    """The anchored search crossrefs.py runs for the pattern ``name``."""
    if name == "_ZH_PARAGRAPHS":
        anchors = [m.start() for m in references._NUMBER_AFTER_DI.finditer(text)]
        return finditer_near(references._ZH_PARAGRAPHS, text, anchors, lead_words=references._ZH_OWN)
    if name == "_ZH_ANNEX":
        anchors = literal_positions(text, "附件", "附录")
        return finditer_near(references._ZH_ANNEX, text, anchors, lead_words=references._ZH_ANNEX_LEADS, lead=1)
    if name == "_ZH_PARTS":
        anchors = literal_positions(text, "上文", "下文", "本报告", "本文件")
        return finditer_near(references._ZH_PARTS, text, anchors)
    if name == "_EN_SECTION":
        return finditer_near(references._EN_SECTION, text, literal_positions(text, "section", "chapter"))
    anchors = [m.start() for m in references._EN_ANNEX_LABEL.finditer(text)]
    return finditer_near(references._EN_ANNEX, text, anchors, lead=4)


PATTERNS = ("_ZH_PARAGRAPHS", "_ZH_ANNEX", "_ZH_PARTS", "_EN_SECTION", "_EN_ANNEX")


def _spans(matches):
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize("name", PATTERNS)
def test_finditer_near_equals_finditer_on_the_corpus(name):
    paths = sorted(EXAMPLES.glob("*.zh.txt")) + sorted(EXAMPLES.glob("en/*.en.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    expected = _spans(getattr(references, name).finditer(text))
    assert _spans(_near(name, text)) == expected
    assert expected or name in ("_EN_SECTION", "_EN_ANNEX")  # the corpus has none of these two


REFERENCE_PIECES = st.sampled_from(
    ["第", "第 ", "段", "段落", "12", "3", "至", "、", "和", " ", "\u3000", "\n", "上文", "下文", "本报告", "本文件",
     "本说明", "本信", "见", "参见", "列于", "载于", "（", "(", ")", "。", "附件", "附录", "一", "二", "节", "部分", "D",
     "section ", "chapter ", "II", ".B", " above", " below", "(see ", "in ", "Annex", "appendix ", "IV", "決議", "x"]
)


@pytest.mark.parametrize("name", PATTERNS)
@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(REFERENCE_PIECES, max_size=14))
def test_finditer_near_equals_finditer_on_random_text(name, pieces):
    text = "".join(pieces)
    assert _spans(_near(name, text)) == _spans(getattr(references, name).finditer(text))


# -- running headers: one pattern for every document, the same answers as the document's own --------

HEADER_ALPHABET = st.sampled_from(
    [" ", "\u3000", "\t", "1", "12", "٣", "-", "–", "*", "x", "A", "/", "\ue000"]
    + ["A/60/341", "S/2005/567", "A/60/3", "A/1/B", "B/2", "A/81/6 (Sect. 29A)"]
)
SYMBOL_SETS = [("A/60/341", "S/2005/567"), ("A/60/341",), ("A/60/3", "A/60/341"), ("A/1/B", "B/2"),
               ("A/81/6 (Sect. 29A)",), ("12",), ("A/1", "A/1")]


@pytest.mark.parametrize("symbols", SYMBOL_SETS)
@settings(max_examples=300, deadline=None)
@given(words=st.lists(HEADER_ALPHABET, max_size=7))
def test_running_header_test_agrees_with_the_documents_own_pattern(symbols, words):
    line = "".join(words)
    exact = furniture._running_header_pattern(symbols)
    assert furniture._running_header_test(symbols)(line) == bool(exact.fullmatch(line))


@pytest.mark.parametrize(("symbols", "replaceable"), [
    (("A/60/341", "S/2005/567"), True), (("A/60/3", "A/60/341"), False), (("A/1/B", "B/2"), False),
    (("12",), False), (("",), False), (("A/1/A",), False),
])
def test_symbols_are_replaced_only_when_no_two_occurrences_can_overlap(symbols, replaceable):
    assert furniture._replaceable(symbols) is replaceable


def test_lines_containing_finds_each_line_once_and_skips_empty_literals():
    lines = ["A/60/341 x A/60/341", "y", "S/2005/567", "", "A/60/341"]
    assert lines_containing(lines, ("A/60/341", "S/2005/567", "")) == [0, 2, 4]
    assert lines_containing(lines, ()) == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="_a*[^附件 ", max_size=30),
       literals=st.lists(st.sampled_from(["_____", "__", "a", "aa", "*", "[^", "附件", ""]), max_size=3))
def test_literal_positions_are_those_re_finds(text, literals):
    import re

    expected = sorted(m.start() for literal in literals for m in re.finditer(re.escape(literal), text))
    assert literal_positions(text, *literals) == expected


# -- possessive repeats: the gates find what their backtracking forms find ------

import re  # noqa: E402

from unlint.structure import agenda  # noqa: E402

POSSESSIVE_GATES = {
    "paragraphs": paragraphs._GATE, "headings": headings._GATE, "sublists": sublists._GATE,
    "furniture": furniture._GATE, "agenda": agenda._EN_AGENDA_GATE,
}


def _backtracking(gate: re.Pattern) -> re.Pattern:
    """The gate with every possessive repeat made greedy again (the plain form it stands for)."""
    plain = gate.pattern.replace("*+", "*").replace("}+", "}")
    assert plain != gate.pattern, "the gate has no possessive repeat left to check"
    return re.compile(plain, gate.flags)


def _gate_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize("name", POSSESSIVE_GATES)
@pytest.mark.parametrize("text", [
    "\n\u3000 12. 文本", "\n一二三四、x", "\n  ABCDEF. x", "\nABCDE . x", "\n1234. x", "\n \t(a) x",
    "\n  Agenda item", "\n\tItem 3", "\n  附件二", "\n 12 -x", "\nA/60/341 *", "\n  请回收",
    "\n12\u3000．x", "\n十一 、x", "\nX\n. x",
])
def test_possessive_gate_on_edges(name, text):
    gate = POSSESSIVE_GATES[name]
    assert _gate_spans(gate, text) == _gate_spans(_backtracking(gate), text)


@pytest.mark.parametrize("name", POSSESSIVE_GATES)
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(ALPHABET, st.sampled_from(["\n", "Item", "agenda", "AGENDA", "-"])), max_size=12))
def test_possessive_gate_on_random_text(name, words):
    gate = POSSESSIVE_GATES[name]
    text = "\n" + "".join(words)
    assert _gate_spans(gate, text) == _gate_spans(_backtracking(gate), text)


_OPENED = st.text(alphabet="《》“”\"(（)）联合国署a \n、", max_size=80)


@given(text=_OPENED)
@example(text="《《甲》》")  # a title inside a title: the first 《 fails, the second matches
@example(text='"甲"乙"')  # a closing quotation mark is also an opening one: tried after the match ends
def test_finditer_at_the_openers_is_finditer_for_the_quotation_and_bracket_patterns(text):
    """The patterns read at their openers only (names._QUOTED and _ZH_SHORT)."""
    from unlint.structure import names
    from unlint.structure.scan import finditer_at, literal_positions

    cases = [(names._QUOTED, names._QUOTES), (names._ZH_SHORT, ("(", "（"))]
    for pattern, openers in cases:
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        found = [(m.start(), m.end()) for m in finditer_at(pattern, text, literal_positions(text, *openers))]
        assert found == expected
