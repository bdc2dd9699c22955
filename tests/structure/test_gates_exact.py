"""The shortcuts of the bracket pairing and the contents' normalizing give the plain checks' answers.

Each shortcut (a skip set found by searching for a rare character, a test of a line's first
character before a ``regex`` call) must accept every case the plain check accepts; these tests
compare the two on the cases at their edges and on random text.
"""

import bisect
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.structure import pairing, toc


def _line_starts(text: str) -> list[int]:
    return [0, *(index + 1 for index, char in enumerate(text) if char == "\n")]


def _plain_bare_marker_closers(text: str) -> set[int]:
    """The check the skip set replaces: each ")" tried against its line's start."""
    starts = _line_starts(text)
    return {offset for offset, char in enumerate(text) if char == ")"
            and pairing._BARE_MARKER.fullmatch(text, starts[bisect.bisect_right(starts, offset) - 1], offset + 1)}


def _bare_marker_closers(text: str) -> set[int]:
    """What pairing skips: each ")" told by _closes_bare_marker (its length test first)."""
    starts = _line_starts(text)
    return {offset for offset, char in enumerate(text) if char == ")"
            and pairing._closes_bare_marker(text, starts[bisect.bisect_right(starts, offset) - 1], offset)}


def _plain_apostrophes(text: str) -> set[int]:
    return {offset for offset, char in enumerate(text)
            if char == "’" and pairing._APOSTROPHE.match(text, offset - 1 if offset else 0)}


EDGES = [
    "a) 第一项\n  ii) second (x)\n(b) 第二项\n12) twelve\n\u3000c) 全角空格后\nxx a) not at the start",
    ")a) starts with a closer\n      iv) far in after spaces\nabcde) five letters",
    "d’Ivoire’s ‘x’ 中’文 a’’b ’a a’",
    "",
]


def test_skip_sets_on_edges():
    for text in EDGES:
        assert _bare_marker_closers(text) == _plain_bare_marker_closers(text), text
        assert pairing._apostrophes(text) == _plain_apostrophes(text), text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="aivx1２ )(（）’A\n\t\u3000中", max_size=40))
def test_skip_sets_on_random_text(text):
    assert _bare_marker_closers(text) == _plain_bare_marker_closers(text)
    assert pairing._apostrophes(text) == _plain_apostrophes(text)


def _plain_normalize(title: str) -> str:
    """``toc.normalize`` without the first-character test."""
    if "*" in title or "[^" in title:
        title = toc._MARKUP.sub("", title)
    if numbering := toc._NUMBERING.match(title):
        title = title[numbering.end():]
    return "".join(filter(str.isalnum, title)).casefold()


TITLES = ["一、导言", "  IV. Title", "A. 节", "１. 全角数字", "\u3000\u3000十二．标题", "\x1c1. after a separator",
          "\U00016130. a digit newer than Python's tables", "word. not numbered", "", "   ", "12、十", "a. lower"]


def test_normalize_gate_on_edges():
    for title in TITLES:
        assert toc.normalize(title) == _plain_normalize(title), title


@settings(max_examples=300, deadline=None)
@given(title=st.text(alphabet="一十IVXAa1１ .．、\u3000\t中*", max_size=12))
def test_normalize_gate_on_random_text(title):
    assert toc.normalize(title) == _plain_normalize(title)


def test_normalize_keeps_exactly_what_str_isalnum_keeps():
    """The pattern that drops the non-alphanumerics, against str.isalnum on every code point."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert toc._NOT_ALNUM.sub("", every) == "".join(filter(str.isalnum, every))


def test_agenda_toc_entry_gate_holds_every_entry():
    from unlint.structure import agenda

    lines = ["第一章\t4", "导言....... 12", "页次", " 目录 ", "联合国同非洲联盟的合作", "a\tb", "...", "……12"]
    for line in lines:
        if agenda._TOC_ENTRY.fullmatch(line):
            assert agenda._may_be_toc_entry(line), line


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet="页次目录.\t 12合作", max_size=14))
def test_agenda_toc_entry_gate_on_random_text(line):
    from unlint.structure import agenda

    assert agenda._may_be_toc_entry(line) or not agenda._TOC_ENTRY.fullmatch(line)


def _plain_mostly_han(sample: str) -> bool:
    """The header's language test as first written: the Chinese and Latin runs counted by pattern."""
    import re

    from unlint.structure import header

    han = sum(map(len, header._HAN_RUN.findall(sample)))
    return han >= sum(map(len, re.findall(r"[A-Za-z]+", sample))) / 4


LANGUAGE_SAMPLES = ["中文文本 with some English words", "An English report 附 一 个", "", "abcd一", "abcde一",
                    "\u4dc0\u4dc0 abcdefgh", "\u3400\u3400 abcdefgh", "\U00020000 abcd", "\ud800 lone surrogate",
                    "𠀀𠀀 abcdefgh", "ＡＢＣ full-width letters 中"]


def test_language_count_on_edges():
    from unlint.structure import header

    for sample in LANGUAGE_SAMPLES:
        assert header._mostly_han(sample) == _plain_mostly_han(sample), sample


@settings(max_examples=300, deadline=None)
@given(sample=st.text(alphabet="ab Z中文\u3400\u4dc0\u9fa6\U00020000é１", max_size=30))
def test_language_count_on_random_text(sample):
    from unlint.structure import header

    assert header._mostly_han(sample) == _plain_mostly_han(sample)


# -- the annex label search skips texts without an "x" -------------------------

from unlint.structure import crossrefs  # noqa: E402


def _plain_annex_label_starts(text: str) -> list[int]:
    return [label.start() for label in crossrefs._EN_ANNEX_LABEL.finditer(text)]


def test_annex_label_last_letter_is_only_x_ignoring_case():
    """The gate's premise: in the case-blind search only "x" and "X" end a label."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for stem in ("anne", "appendi"):
        # Each character after the stem, then a space: a label found ends in that character.
        text = " ".join(stem + char for char in every)
        ends = {match.group()[-1] for match in crossrefs._EN_ANNEX_LABEL.finditer(text)}
        assert ends == {"x", "X"}
    for text in ("ANNEX ii Appendix", "ANNEX", "(see APPENDIX", "annex", "附件 Annexe", "无"):
        assert crossrefs._annex_label_starts(text) == _plain_annex_label_starts(text), text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="anexpdiANEXPDI\u0130 附件(see)", max_size=30))
def test_annex_label_gate_on_random_text(text):
    assert crossrefs._annex_label_starts(text) == _plain_annex_label_starts(text)


# -- paragraphs._PLAIN_NUMBERED: where it matches, _NUMBERED matches with the same groups -----------

_NUMBERED_ALPHABET = "0123456789١٣３ .．．\t\u3000\xa0\x0b\x1c\u2003a题。A|"


def _plain_agrees(line: str) -> None:
    from unlint.structure import paragraphs

    plain = paragraphs._PLAIN_NUMBERED.match(line)
    if plain is None:
        return
    exact = paragraphs._NUMBERED.match(line)
    assert exact is not None, line
    assert (plain.span(1), plain.span(2), plain.span(3)) == (
        exact.span(paragraphs._INDENT), exact.span(paragraphs._NUMBER), exact.span(paragraphs._REST)), line


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_NUMBERED_ALPHABET, max_size=12))
def test_plain_numbered_pattern_agrees_with_the_regex_one(line):
    _plain_agrees(line)


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(r"\A[ \t\u3000\xa0]{0,2}[0-9١３]{1,4}[ \t\u3000\xa0]{0,2}[.．][ \t\u3000\xa0\x0b\x1c]{0,2}.{0,4}\Z"))
def test_plain_numbered_pattern_agrees_on_numbered_shapes(line):
    _plain_agrees(line)


def test_plain_numbered_pattern_takes_the_common_lines():
    from unlint.structure import paragraphs

    for line in ("1. 第一段", " 12．全角", "  3.\u3000文字", "999. x"):
        assert paragraphs._PLAIN_NUMBERED.match(line), line
        _plain_agrees(line)


def test_no_ascii_character_is_han():
    """pairing asks HAN about a stretch between brackets only when _NON_ASCII finds a character in it."""
    from unlint.text import HAN

    assert not any(HAN.match(chr(code)) for code in range(128))
    assert all(pairing._NON_ASCII.match(chr(code)) for code in range(128, 0x30000, 97))
