"""The footnote scanner's gates find every line its plain per-line checks would read.

``_ATTENTION_GATE`` replaced a strip of every line (a bare label) and the letter gate's own scan;
``_next_digit_led`` lets the scanner skip, inside a notes block, the lines no digit leads, which
``_read_line`` had read one by one. Each is compared with the check it replaces on edge cases and
random text, and the whole parse with the line-by-line reading it replaced.
"""

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.structure import footnotes
from unlint.structure.scan import lines_matching

ALPHABET = "a z1２ \t\u3000\x1c\u2028*_[^.中\U00016130\n"


def _plain_attention(lines: list[str]) -> list[int]:
    """The per-line checks the gate replaces: a bare label's length, or a lower-case letter first or second."""
    return [index for index, text in enumerate(lines)
            if 0 < len(text.strip()) <= footnotes._MAX_BARE_LABEL or footnotes._may_start_with_letter(text)]


EDGES = ["", " ", "12", " 12 ", "  1 2  ", "1234", " 123 \t", "a", " a", "  a", "中a", "\u3000***\u3000",
         "\x1c1\x1c", "1\u2028", "\U00016130", "abcd", "    x    ", "中文中文", "\t\t\t\t"]


def test_attention_gate_on_edges():
    for first in EDGES:
        lines = [first, *EDGES, first]
        assert lines_matching(lines, footnotes._ATTENTION_GATE) == _plain_attention(lines), first


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_attention_gate_on_random_text(text):
    lines = text.split("\n")
    assert lines_matching(lines, footnotes._ATTENTION_GATE, text) == _plain_attention(lines)


def test_digit_gate_holds_every_digit_regex_knows():
    """``_DIGIT_LED`` names re's digits and the astral planes: every character regex's \\d matches is in it."""
    digit = regex.compile(r"\d")
    gate_class = footnotes._DIGIT_LED.pattern[len("\\n[^\\S\\n]*+"):]
    gate = regex.compile(gate_class)
    missed = [hex(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
              and digit.match(chr(code)) and not gate.match(chr(code))]
    assert not missed


def _digit_led_lines(lines: list[str]) -> list[int]:
    scanner = footnotes._NoteScanner(lines, _starts(lines), frozenset())
    found, index = [], 0
    while (index := scanner._next_digit_led(index)) < len(lines):
        found.append(index)
        index += 1
    return found


def _starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_digit_gate_holds_every_inline_note_line(text):
    """Every line the inline note pattern matches is one ``_next_digit_led`` stops at."""
    lines = text.split("\n")
    found = set(_digit_led_lines(lines))
    assert {i for i, line in enumerate(lines) if footnotes._INLINE_TEXT.match(line)} <= found
    # and it stops exactly at the lines the gate accepts
    assert sorted(found) == [i for i, line in enumerate(lines) if footnotes._DIGIT_LED.match("\n" + line)]


def _parse_line_by_line(lines: list[str]) -> footnotes.Footnotes:
    """The parse with every line of a notes block read by ``_read_line``, as before the digit gate."""
    scanner = footnotes._NoteScanner(lines, _starts(lines), frozenset())
    scanner._next_digit_led = lambda index: index
    scanner.scan()
    return footnotes.Footnotes(tuple(sorted(scanner.markers, key=lambda m: m.start)),
                               tuple(sorted(scanner.texts, key=lambda t: t.start)), tuple(scanner.separators))


NOTE_PIECES = ["__________________", " 957 关于会议形式。", "958 见第二部分。", "情况通报会。957", "安理会举行会议。958",
               "12", "", " ", "a 比利时、中国", "成员、a 受邀者", "* 重新印发。", "临时议程*", "[^3]: text", "正文[^3]。",
               "running text 2020 年", "undocs.org/S/1", "  3  ", "续文", "１２ 全角"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(NOTE_PIECES), max_size=30))
def test_skipping_plain_lines_in_notes_blocks_changes_nothing(pieces):
    lines = list(pieces) or [""]
    scanner_result = footnotes.parse_footnotes(lines, _starts(lines), frozenset())
    assert scanner_result == _parse_line_by_line(lines)


# -- the agenda's section headings ----------------------------------------------------------------

from unlint.structure import agenda  # noqa: E402
from unlint.text import NOT_IN_AGENDA_HEADING  # noqa: E402

HEADING_ALPHABET = "一二十AZaz19１ .．、。，！？,!?\t\u3000\x1c中\U00016130"


@settings(max_examples=500, deadline=None)
@given(line=st.text(alphabet=HEADING_ALPHABET, max_size=12))
def test_heading_tests_give_the_patterns_answers(line):
    stripped = line.strip()
    assert agenda._holds_stop(stripped) == bool(NOT_IN_AGENDA_HEADING.search(stripped))
    if agenda._PARAGRAPH_NUMBER.match(line):
        assert agenda._may_be_paragraph_number(stripped)
    if agenda._CHAPTER.fullmatch(line):
        assert stripped[0] in agenda._CHAPTER_FIRST


def test_paragraph_number_gate_holds_every_digit_regex_knows():
    digit = regex.compile(r"\d")
    missed = [hex(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
              and digit.match(chr(code)) and not agenda._may_be_paragraph_number(chr(code))]
    assert not missed


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.text(alphabet=HEADING_ALPHABET, max_size=70), min_size=1, max_size=12),
       first=st.integers(min_value=1, max_value=12))
def test_headings_read_every_line_the_plain_loop_reads(lines, first):
    starts = _starts(lines)
    plain = []
    for number in range(first, len(lines) + 1):
        raw = lines[number - 1]
        if agenda._is_heading(raw, raw.strip()):
            plain.append(number)
    assert [h.line for h in agenda._headings(lines, starts, first, frozenset())] == plain


# -- the contents' targets ------------------------------------------------------------------------

from unlint.structure import toc  # noqa: E402


def test_a_blank_line_normalizes_to_nothing():
    """The contents' targets drop blank lines before normalizing: each would normalize to nothing."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert all(toc.normalize(space * 3) == "" for space in spaces)
    assert toc.normalize("".join(spaces)) == ""
