"""Issue 17: a Word comment ``unlint: ignore CODE`` on a span silences findings there (real .docx, real CLI).

The file is a real UN report (tests/data/realdocs/word/A-80-604-Add.1.docx),
which already holds one comment of the UN's own (the ODS job number). Each
test edits its XML as Word would save it: a symbol with a year after the
masthead date planted in paragraph 15 (SYM002), and a comment added to the
comments part with its range marks around a span of the body.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from unlint.cli import main
from unlint.formats import read_document
from unlint.funnel import Policy, funnel
from unlint.config import Config
from unlint.layout import Comment, Layout
from unlint.suppress_comments import comment_suppressions

from ..conftest import unlint_process

pytest.importorskip("docx")

ADD1 = Path(__file__).resolve().parents[1] / "data" / "realdocs" / "word" / "A-80-604-Add.1.docx"
SENTENCE = "In his report, the Secretary-General indicates efficiency gains"
PLANTED = " (see S/2027/15)"


def _plant(text: str) -> str:
    assert text.count(SENTENCE) == 1
    return text.replace(SENTENCE, SENTENCE + PLANTED)


def _comment_on(span: str, comment: str, comment_id: str = "90"):
    """An edit that puts ``comment`` on the one occurrence of ``span`` inside a run's text."""
    def edit(text: str) -> str:
        assert text.count(span) == 1, span
        marks = (f'</w:t></w:r><w:commentRangeStart w:id="{comment_id}"/><w:r><w:t xml:space="preserve">{span}'
                 f'</w:t></w:r><w:commentRangeEnd w:id="{comment_id}"/><w:r><w:commentReference w:id="{comment_id}"/>'
                 '</w:r><w:r><w:t xml:space="preserve">')
        return text.replace(span, marks)
    return edit, (comment_id, comment)


def _docx(tmp_path: Path, *, body=(), notes=(), comments=(), name: str = "commented.docx") -> Path:
    """A copy of the real file with the body and footnote edits applied and the comments added."""
    out = tmp_path / name
    with zipfile.ZipFile(ADD1) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            edits = {"word/document.xml": body, "word/footnotes.xml": notes}.get(item.filename, ())
            if edits or (item.filename == "word/comments.xml" and comments):
                text = data.decode("utf-8")
                for edit in edits:
                    text = edit(text)
                if item.filename == "word/comments.xml":
                    added = "".join(f'<w:comment w:id="{i}" w:author="Editor"><w:p><w:r><w:annotationRef/></w:r>'
                                    f'<w:r><w:t xml:space="preserve">{words}</w:t></w:r></w:p></w:comment>'
                                    for i, words in comments)
                    text = text.replace("</w:comments>", added + "</w:comments>")
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out


def _check(path: Path, *args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args, str(path)],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout or "[]")


def _codes(found: list[dict]) -> list[tuple[str, str]]:
    return [(d["code"], d["quote"]) for d in found]


def _planted_and_commented(tmp_path: Path, span: str, words: str, name: str = "commented.docx") -> Path:
    edit, comment = _comment_on(span, words)
    return _docx(tmp_path, body=(_plant, edit), comments=(comment,), name=name)


# -- through the CLI -----------------------------------------------------------------


def test_the_planted_symbol_is_found_without_a_comment(tmp_path):
    code, found = _check(_docx(tmp_path, body=(_plant,)))
    assert code == 1 and _codes(found) == [("SYM002", "S/2027/15")]


@pytest.mark.parametrize("words", [
    "unlint: ignore SYM002",
    "Unlint: ignore SYM002 \u2013 the year is as the Council will number it",  # Word's capital and dash
    "Checked against the original. unlint: ignore RES003, sym002 -- as printed",
    "unlint: ignore ORG003 SYM002",
])
def test_a_comment_naming_the_code_on_the_span_silences_the_finding(tmp_path, words):
    code, found = _check(_planted_and_commented(tmp_path, "S/2027/15", words))
    assert (code, found) == (0, [])


def test_a_comment_on_a_wider_span_holding_the_finding_silences_it(tmp_path):
    code, found = _check(_planted_and_commented(tmp_path, "efficiency gains" + PLANTED, "unlint: ignore SYM002"))
    assert (code, found) == (0, [])


def test_a_comment_naming_another_code_does_not_silence_it(tmp_path):
    code, found = _check(_planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore RES003"))
    assert code == 1 and _codes(found) == [("SYM002", "S/2027/15")]


def test_a_comment_on_another_span_does_not_silence_it(tmp_path):
    # The words just before the finding, in the same paragraph: the spans touch nowhere.
    code, found = _check(_planted_and_commented(tmp_path, "indicates efficiency", "unlint: ignore SYM002"))
    assert code == 1 and _codes(found) == [("SYM002", "S/2027/15")]


def test_a_comment_without_a_code_or_of_another_kind_silences_nothing(tmp_path):
    for words in ("unlint: ignore", "please ignore SYM002 here", "unlint: ignore this one"):
        code, found = _check(_planted_and_commented(tmp_path, "S/2027/15", words))
        assert _codes(found) == [("SYM002", "S/2027/15")], words


def test_an_unused_comment_is_reported_by_unl005_only_when_selected(tmp_path):
    path = _planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore RES003 -- checked")
    assert "UNL005" not in [d["code"] for d in _check(path)[1]]
    code, found = _check(path, "--extend-select", "UNL005")
    [unused] = [d for d in found if d["code"] == "UNL005"]
    assert code == 1 and unused["quote"] == "S/2027/15" and unused["page"] == 4
    assert 'Word comment "unlint: ignore RES003"' in unused["message"]
    # Placed on the commented span, which is where the finding is too.
    [finding] = [d for d in found if d["code"] == "SYM002"]
    assert (unused["line"], unused["column"], unused["end_column"]) == \
        (finding["line"], finding["column"], finding["end_column"])


def test_a_used_comment_is_not_reported_by_unl005(tmp_path):
    path = _planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore SYM002")
    assert _check(path, "--extend-select", "UNL005") == (0, [])


def test_a_comment_naming_no_code_is_reported_as_such_when_unl005_is_selected(tmp_path):
    path = _planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore")
    [unused] = [d for d in _check(path, "--select", "UNL005")[1]]
    assert "names no rule code" in unused["message"]


def test_the_real_cli_in_a_process_honours_the_comment(tmp_path):
    silenced = _planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore SYM002")
    result = unlint_process("check", "--no-cache", "--format", "json", str(silenced))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout or b"[]") == []
    other = _planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore RES003", name="other.docx")
    result = unlint_process("check", "--no-cache", "--extend-select", "UNL005", "--format", "json", str(other))
    assert result.returncode == 1, result.stderr
    assert sorted(d["code"] for d in json.loads(result.stdout)) == ["SYM002", "UNL005"]


# -- the reading: where the comment is, and that it stays out of the text -------------


def _reading(path: Path):
    return read_document(".docx", path.read_bytes())


def test_comments_stay_out_of_the_text_and_cover_their_span(tmp_path):
    plain = _reading(_docx(tmp_path, body=(_plant,), name="plain.docx"))
    commented = _reading(_planted_and_commented(tmp_path, "S/2027/15", "unlint: ignore SYM002"))
    assert commented.text == plain.text
    assert "unlint" not in commented.text and "ODS JOB" not in commented.text
    # The UN's own comment (an empty paragraph of the cover) and the editor's, in document order.
    ods, editor = commented.layout.comments
    assert ods.text.startswith("<<ODS JOB NO>>") and ods.start == ods.end
    assert editor.text == "unlint: ignore SYM002"
    assert commented.text[editor.start:editor.end] == editor.quoted == "S/2027/15"
    line = commented.text.split("\n")[editor.line - 1]
    assert line.startswith("15.") and line[editor.column - 1:editor.end_column - 1] == "S/2027/15"


def test_a_comment_in_a_table_cell_covers_the_cell_text_in_the_row_line(tmp_path):
    edit, comment = _comment_on("Gross requirements", "unlint: ignore RES003")
    reading = _reading(_docx(tmp_path, body=(edit,), comments=(comment,)))
    [cell] = [c for c in reading.layout.comments if c.text.startswith("unlint")]
    assert cell.quoted == "Gross requirements"
    assert cell.line in reading.layout.table_lines
    assert reading.text == _reading(ADD1).text


def test_a_comment_in_a_footnote_covers_the_note_text(tmp_path):
    edit, comment = _comment_on("one-time requirements", "unlint: ignore RES003")
    reading = _reading(_docx(tmp_path, notes=(edit,), comments=(comment,)))
    [note] = [c for c in reading.layout.comments if c.text.startswith("unlint")]
    line = reading.text.split("\n")[note.line - 1]
    assert note.quoted == "one-time requirements" and line.startswith("[^")
    assert reading.text == _reading(ADD1).text


def test_a_comment_over_two_paragraphs_spans_from_one_to_the_other(tmp_path):
    def edit(text: str) -> str:
        # The range opens between the paragraphs before "15." and closes inside paragraph 15.
        start = text.index(SENTENCE)
        paragraph = text.rindex("<w:p ", 0, start)
        previous = text.rindex("<w:p ", 0, paragraph)
        text = text[:previous] + '<w:commentRangeStart w:id="91"/>' + text[previous:]
        return text.replace(SENTENCE, SENTENCE + '</w:t></w:r><w:commentRangeEnd w:id="91"/>'
                            '<w:r><w:t xml:space="preserve">')
    reading = _reading(_docx(tmp_path, body=(edit,), comments=(("91", "unlint: ignore XRF001"),)))
    [span] = [c for c in reading.layout.comments if c.text.startswith("unlint")]
    assert span.column == 1 and span.end_line > span.line
    assert span.quoted.endswith(SENTENCE) and "\n" in span.quoted


# -- the directive and the funnel, on synthetic spans ---------------------------------


def _suppressions(words: str):
    comment = Comment(words, 10, 20, 1, 11, 1, 21, "x" * 10)
    return comment_suppressions("doc.docx", Layout(comments=(comment,)))


@pytest.mark.parametrize(("words", "codes", "reason"), [
    ("unlint: ignore RES003", ("RES003",), ""),
    ("unlint:ignore res003,SYM002", ("RES003", "SYM002"), ""),
    ("UNLINT: IGNORE RES003 SYM002 -- quoted as published", ("RES003", "SYM002"), "quoted as published"),
    ("unlint: ignore RES003; ORG003 \u2014 the name of the time", ("RES003", "ORG003"), "the name of the time"),
    ("unlint: ignore RES003 as printed", ("RES003",), "as printed"),
    ("unlint: ignore", (), ""),
    ("unlint: ignore all of it", (), "all of it"),
])
def test_the_directive_names_codes_and_a_reason(words, codes, reason):
    [found] = _suppressions(words)
    assert (found.codes, found.reason) == (codes, reason)


@pytest.mark.parametrize("words", ["", "ignore RES003", "unlint ignore RES003", "myunlint: ignore RES003",
                                   "unlint: ignored RES003"])
def test_other_comments_are_not_directives(words):
    assert _suppressions(words) == ()


def _diagnostic(start: int, end: int, code: str = "RES003"):
    from unlint.diagnostics import Diagnostic, Position, Severity

    return Diagnostic("doc.docx", code, "x", Severity.WARNING, "m", Position(1, start + 1), Position(1, end + 1),
                      start, end)


@pytest.mark.parametrize(("start", "end", "silenced"), [
    (10, 20, True), (5, 11, True), (19, 25, True), (12, 14, True), (15, 15, True), (20, 20, True),
    (0, 10, False), (20, 30, False), (21, 21, False), (0, 5, False),
])
def test_a_finding_is_silenced_when_its_span_overlaps_the_comment(start, end, silenced):
    policy = Policy(Config()).for_document("doc.docx", Layout(comments=(
        Comment("unlint: ignore RES003", 10, 20, 1, 11, 1, 21, "x" * 10),)))
    assert funnel([_diagnostic(start, end)], policy).reported == ([] if silenced else [_diagnostic(start, end)])
    assert funnel([_diagnostic(12, 14, "SYM002")], policy).reported == [_diagnostic(12, 14, "SYM002")]


def test_marks_move_with_their_characters_when_the_reader_rewrites_a_line():
    from unlint.formats.docx import _LEADING_MARK, _WRAPPED_SYMBOL
    from unlint.formats.docx_comments import END, START, Anchor, Marked

    # A cover note's mark respaced: "Text" moves one column left.
    note = Marked("*   Text", (Anchor("1", START, 4), Anchor("1", END, 8))).sub(_LEADING_MARK, r"\1 ")
    assert note.text == "* Text" and [a.column for a in note.anchors] == [2, 6]
    # A symbol wrapped in a narrow cell is joined again: marks after the dropped space move back.
    cell = Marked("see ECE/AC.23/ 2002/2 and", (Anchor("2", START, 4), Anchor("2", END, 21)))
    joined = cell.sub(_WRAPPED_SYMBOL, lambda m: m[1] or m[2])
    assert joined.text == "see ECE/AC.23/2002/2 and"
    assert joined.text[joined.anchors[0].column:joined.anchors[1].column] == "ECE/AC.23/2002/2"
    # Stripping and joining keep marks on their characters.
    both = Marked("a ") + Marked("  b c ", (Anchor("3", START, 2),)).strip()
    assert both.text == "a b c" and both.text[both.anchors[0].column:] == "b c"
