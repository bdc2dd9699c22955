"""Applying fixes: non-overlapping edits, rounds until settled, atomic writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unlint import Config, Finding, Fix, hookimpl, rule
from unlint.diagnostics import Applicability, Edit
from unlint.document import Document
from unlint.fixes import (
    FixMode,
    FixOutcome,
    WriteRefused,
    applicable,
    apply_fixes,
    digest,
    fix_notes,
    fix_text,
    unified_diff,
    write_fixed,
)
from unlint.plugins import load_rules
from unlint.reading import decode, encode
from unlint.runner import lint_document

from .conftest import DATED, EXAMPLES


def replace(start, end, text, safe=True):
    return Fix.replace(start, end, text, safe=safe)


# -- apply_fixes ------------------------------------------------------------

def test_apply_fixes_splices_every_non_overlapping_edit():
    text, count = apply_fixes("ab(1)cd(2)", [replace(2, 3, "（"), replace(4, 5, "）"), replace(7, 8, "（")])
    assert (text, count) == ("ab（1）cd（2)", 3)


def test_apply_fixes_skips_a_fix_overlapping_one_already_taken():
    text, count = apply_fixes("abcdef", [replace(1, 4, "X"), replace(3, 5, "Y")])
    assert (text, count) == ("aXef", 1)


def test_adjacent_edits_do_not_overlap():
    assert apply_fixes("abcd", [replace(0, 2, "X"), replace(2, 4, "Y")]) == ("XY", 2)


def test_two_insertions_at_one_offset_overlap():
    assert apply_fixes("ab", [replace(1, 1, "X"), replace(1, 1, "Y")]) == ("aXb", 1)


def test_a_fix_is_all_or_nothing():
    both = Fix((Edit(1, 2, "B"), Edit(4, 5, "E")))
    # The single edit comes first and wins; neither of the pair's edits may apply alone.
    assert apply_fixes("abcde", [replace(0, 2, "Z"), both]) == ("Zcde", 1)
    assert apply_fixes("abcde", [replace(3, 5, "Z"), both]) == ("aBcdE", 1)


def test_a_fix_that_changes_nothing_does_not_count():
    assert apply_fixes("abc", [replace(0, 1, "a")]) == ("abc", 0)


def test_unsafe_fixes_apply_only_in_unsafe_mode():
    unsafe = replace(0, 1, "x", safe=False)
    assert not applicable(unsafe, FixMode.SAFE)
    assert applicable(unsafe, FixMode.UNSAFE)
    assert applicable(replace(0, 1, "x"), FixMode.SAFE)
    assert not applicable(None, FixMode.UNSAFE)
    assert unsafe.applicability is Applicability.UNSAFE


# -- rounds -------------------------------------------------------------------

@rule("TST001", "ascii-parenthesis", "An ASCII parenthesis in Chinese text", fix="safe")
def ascii_parenthesis(document, config):
    """## What it does
    Test rule: finds ``(`` and offers ``（``.
    """
    for index, char in enumerate(document.text):
        if char == "(":
            yield Finding(index, index + 1, "ASCII parenthesis", fix=Fix.replace(index, index + 1, "（"))


@rule("TST002", "ascii-parenthesis-pair", "An ASCII pair of parentheses", fix="unsafe")
def ascii_pair(document, config):
    """## What it does
    Test rule: finds ``(...)`` or ``（...)`` and offers ``（...）``, overlapping TST001's fix.
    """
    import re

    for match in re.finditer(r"[(（]([^()（）]*)\)", document.text):
        fix = Fix.replace(match.start(), match.end(), f"（{match[1]}）", safe=False)
        yield Finding(match.start(), match.end(), "ASCII pair", fix=fix)


class TestPlugin:
    @staticmethod
    @hookimpl
    def unlint_rules():
        return [ascii_parenthesis, ascii_pair]


@pytest.fixture(scope="module")
def test_rules():
    return load_rules(entry_point_plugins=False, builtin=False, extra=[TestPlugin])


def lint_with(rules):
    def lint(text):
        return lint_document(Document(text), Config(), rules)
    return lint


def test_overlapping_fixes_apply_over_several_rounds(test_rules):
    lint = lint_with(test_rules)
    text = "见(a)和(b)。"
    outcome, remaining = fix_text(text, lint(text), FixMode.UNSAFE, lint)
    assert outcome.fixed == "见（a）和（b）。"
    assert outcome.settled and remaining == []


def test_safe_mode_leaves_what_only_an_unsafe_fix_mends(test_rules):
    lint = lint_with(test_rules)
    outcome, remaining = fix_text("见(a)。", lint("见(a)。"), FixMode.SAFE, lint)
    assert outcome.fixed == "见（a)。"
    assert [d.code for d in remaining] == ["TST002"]


def test_a_fix_that_never_settles_stops_and_says_so():
    @rule("TST003", "always-more", "A fix that brings its own finding back", fix="safe")
    def always_more(document, config):
        """## What it does
        Test rule: always asks to add one more character.
        """
        yield Finding(0, 0, "more", fix=Fix.replace(0, 0, "x"))

    class Plugin:
        @staticmethod
        @hookimpl
        def unlint_rules():
            return [always_more]

    lint = lint_with(load_rules(entry_point_plugins=False, builtin=False, extra=[Plugin]))
    outcome, remaining = fix_text("a", lint("a"), FixMode.SAFE, lint)
    assert not outcome.settled and remaining
    notes = fix_notes([type("R", (), {"path": "a.txt", "fix": outcome})()])
    assert any("did not settle" in note for note in notes)


def _date_module():
    import sys

    sys.path.insert(0, str(EXAMPLES / "plugin"))
    try:
        import unlint_date_style
    finally:
        sys.path.remove(str(EXAMPLES / "plugin"))
    return unlint_date_style


@pytest.fixture(scope="module")
def date_rules():
    return load_rules(entry_point_plugins=False, builtin=False, extra=[_date_module(), TestPlugin])


def test_fixing_the_corpus_document_leaves_no_fixable_finding():
    lint = lint_with(load_rules(entry_point_plugins=False, builtin=False, extra=[_date_module()]))
    text = decode(DATED.read_bytes()).text
    before = lint(text)
    outcome, remaining = fix_text(text, before, FixMode.SAFE, lint)
    assert sum(d.code == "EXD001" for d in before) == outcome.applied == 49
    assert "2018 年 4 月 24 日，在非洲联盟总部" in outcome.fixed
    assert not [d for d in remaining if d.code == "EXD001"]


_CORPUS = [decode(p.read_bytes()).text for p in sorted(EXAMPLES.glob("*.zh.txt"))]


@st.composite
def corpus_excerpts(draw):
    """A window of corpus lines, with dates and parentheses respaced at random."""
    lines = draw(st.sampled_from(_CORPUS)).split("\n")
    start = draw(st.integers(0, len(lines) - 1))
    excerpt = "\n".join(lines[start:start + draw(st.integers(1, 40))])
    mutations = draw(st.lists(st.tuples(st.integers(0, max(0, len(excerpt))), st.sampled_from(["(", ")", " ", "年", "（"])),
                              max_size=6))
    for position, insert in sorted(mutations, reverse=True):
        excerpt = excerpt[:position] + insert + excerpt[position:]
    return excerpt


@pytest.fixture(scope="module", params=["example-plugin", "built-in-rules"])
def fixing_rules(request, date_rules):
    """The example plugin's date fixes, and every built-in family's fixes together."""
    return date_rules if request.param == "example-plugin" else load_rules(entry_point_plugins=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=corpus_excerpts(), mode=st.sampled_from([FixMode.SAFE, FixMode.UNSAFE]))
def test_fixing_twice_changes_nothing_the_second_time(fixing_rules, text, mode):
    lint = lint_with(fixing_rules)
    first, remaining = fix_text(text, lint(text), mode, lint)
    second, _ = fix_text(first.fixed, remaining, mode, lint)
    assert first.settled
    assert second.fixed == first.fixed and second.applied == 0


# -- diff ------------------------------------------------------------------------

def test_unified_diff_shows_the_changed_line_and_is_empty_without_changes():
    outcome = FixOutcome("a\nb(1)\nc\n", "a\nb（1)\nc\n", 1)
    diff = unified_diff("doc.txt", outcome).decode()
    assert diff.splitlines()[:2] == ["--- doc.txt", "+++ doc.txt"]
    assert "-b(1)\n+b（1)\n" in diff
    assert unified_diff("doc.txt", FixOutcome("a", "a", 0)) == b""


def test_unified_diff_marks_a_missing_final_newline():
    diff = unified_diff("d.txt", FixOutcome("x(", "x（", 1)).decode()
    assert diff.endswith("+x（\n\\ No newline at end of file\n")


# -- writing --------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw",
    [
        "第一行(1)\r\n第二行\r\n".encode("utf-8"),
        b"\xef\xbb\xbf" + "有BOM(1)\n".encode("utf-8"),
        "\ufeffUTF-16(1)\r\n联合国".encode("utf-16-le"),
        ("联合国安全理事会第1325(2000)号决议" * 3 + "\n").encode("gb18030"),
    ],
    ids=["utf8-crlf", "utf8-bom", "utf16-bom", "gb18030"],
)
def test_write_keeps_encoding_bom_line_ends_and_permissions(tmp_path, raw):
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    os.chmod(path, 0o640)
    decoded = decode(raw)
    fixed = decoded.text.replace("(1", "（1", 1)
    write_fixed(path, fixed, decoded, digest(raw))
    written = path.read_bytes()
    assert written == encode(fixed, decoded)
    assert written.startswith(decoded.bom)
    again = decode(written)
    assert (again.encoding, again.newline, again.text) == (decoded.encoding, decoded.newline, fixed)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]  # no temporary file left


def test_write_refuses_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"before(1)\n")
    decoded = decode(b"before(1)\n")
    path.write_bytes(b"an editor saved this meanwhile\n")
    with pytest.raises(WriteRefused, match="changed on disk"):
        write_fixed(path, "before（1)\n", decoded, digest(b"before(1)\n"))
    assert path.read_bytes() == b"an editor saved this meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_write_refuses_an_uncertain_encoding(tmp_path):
    raw = "短文(1)".encode("gb18030")
    decoded = decode(raw)
    assert not decoded.certain
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    with pytest.raises(WriteRefused, match="inferred"):
        write_fixed(path, "短文（1)", decoded, digest(raw))
    assert path.read_bytes() == raw


def test_write_is_a_rename_not_an_overwrite(tmp_path):
    # A reader holding the old file keeps the old content: proof the file was replaced whole.
    path = tmp_path / "doc.txt"
    raw = b"old(1)\n"
    path.write_bytes(raw)
    before = path.stat().st_ino
    with path.open("rb") as held:
        write_fixed(path, "new（1)\n", decode(raw), digest(raw))
        assert held.read() == raw
    assert path.stat().st_ino != before
    assert path.read_bytes() == "new（1)\n".encode()


def test_write_follows_the_real_file_not_a_stale_temporary(tmp_path):
    path = tmp_path / "doc.txt"
    raw = b"x(1)\n"
    path.write_bytes(raw)
    write_fixed(Path(path), "x（1)\n", decode(raw), digest(raw))
    with pytest.raises(WriteRefused):  # the digest is of the old content now
        write_fixed(Path(path), "y\n", decode(raw), digest(raw))
