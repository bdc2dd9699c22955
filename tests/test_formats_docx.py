"""The Word reader on real .docx files with real footnotes, built from corpus text."""

from __future__ import annotations

import io
import zipfile

import pytest

from unlint import lint_paths, lint_text
from unlint.formats import FormatError
from unlint.formats.docx import read_docx
from unlint.runner import default_rules

from .conftest import CORPUS, EXAMPLES, unlint_process
from .format_builders import (
    WordDocument,
    WordNote,
    build_docx,
    pdf_layout_pages,
    word_from_markdown,
    word_from_pages,
    word_layout,
)

pytest.importorskip("docx")

A61 = EXAMPLES / "A-61-204-S-2006-590.zh.txt"
REPORT_2018 = EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt"
ENGLISH = EXAMPLES / "en" / "A-80-628.en.txt"


@pytest.fixture(scope="module")
def a61_word():
    """A-61-204 as Word: 20 numbered footnotes and an asterisk note; footnote 3 loses its reference."""
    return word_from_pages(pdf_layout_pages(A61.read_text(encoding="utf-8")), drop_reference="3")


@pytest.fixture(scope="module")
def a61_docx(a61_word, tmp_path_factory):
    return build_docx(a61_word, tmp_path_factory.mktemp("docx") / "A-61-204.docx")


def test_a61_has_real_footnotes_and_one_without_reference(a61_word, a61_docx):
    with zipfile.ZipFile(a61_docx) as package:
        footnotes = package.read("word/footnotes.xml").decode("utf-8")
        document = package.read("word/document.xml").decode("utf-8")
        assert "footnotes+xml" in package.read("[Content_Types].xml").decode("utf-8")
    assert footnotes.count("<w:footnote ") == len(a61_word.notes) + 2  # and the two separators
    assert 'w:id="4"' in footnotes and 'w:footnoteReference w:id="4"' not in document
    assert document.count("<w:footnoteReference") == sum(n.referenced for n in a61_word.notes)


def test_text_of_a_docx_is_its_paragraphs_then_its_footnotes(a61_word, a61_docx):
    text = read_docx(a61_docx.read_bytes()).text
    assert text == word_layout(a61_word)
    lines = text.split("\n")
    # One line per paragraph (line n is paragraph n), a blank line, one line per footnote.
    assert lines.index("", len(a61_word.paragraphs) - 1) == len(a61_word.paragraphs)
    assert len(lines) == len(a61_word.paragraphs) + 1 + len(a61_word.notes) + 1
    assert lines[lines.index("方面做出贡献。[^1]") + 1].startswith("8. ")
    assert "[^3]: S/25184。" in lines and "[^3]" not in text.replace("[^3]:", "")
    assert "[^2]: A/47/277-S/24111，第 64 段。" in lines
    assert "临时议程**" in lines
    assert "* 由于技术原因重新印发。" in lines


def test_docx_gives_the_same_findings_as_its_source_text(a61_word, a61_docx):
    [result] = lint_paths([a61_docx])
    assert result.error is None
    expected = lint_text(word_layout(a61_word), path=str(a61_docx))
    assert [(d.code, d.message, d.start, d.end) for d in result.diagnostics] == [
        (d.code, d.message, d.start, d.end) for d in expected
    ]


def test_footnote_without_reference_is_reported_by_ftn002_when_installed(a61_docx):
    if "FTN002" not in default_rules().rules:
        pytest.skip("the FTN rules are not installed in this build")
    [result] = lint_paths([a61_docx])
    found = [d.source_line for d in result.diagnostics if d.code == "FTN002"]
    assert found == ["[^3]: S/25184。"]


@pytest.mark.parametrize("path", [*CORPUS, *sorted((EXAMPLES / "en").glob("*.en.txt"))], ids=lambda p: p.name)
def test_corpus_documents_round_trip_through_word(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    word = word_from_markdown(text) if "[^1]" in text else word_from_pages(pdf_layout_pages(text))
    built = build_docx(word, tmp_path / "doc.docx")
    assert read_docx(built.read_bytes()).text == word_layout(word)


def test_english_word_export_reads_back_as_the_corpus_text(tmp_path):
    # The corpus text came from Word as paragraphs and [^n] notes: reading the
    # .docx made from it gives the body unchanged, line for line.
    text = ENGLISH.read_text(encoding="utf-8")
    word = word_from_markdown(text)
    read = read_docx(build_docx(word, tmp_path / "en.docx").read_bytes()).text
    body = text[: text.index("\n[^1]:")].rstrip("\n")
    assert read.startswith(body + "\n\n[^1]: The United Nations Guard Unit")


def _docx_with_body(tmp_path, body_xml: str) -> bytes:
    """A .docx whose document.xml body is ``body_xml`` (to try Word structures python-docx cannot write)."""
    import docx

    word = docx.Document()
    word.add_paragraph("placeholder")
    word.save(str(tmp_path / "base.docx"))
    out = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "base.docx") as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                head, _, rest = data.decode("utf-8").partition("<w:body>")
                tail = rest[rest.index("<w:sectPr"):]
                data = (head + "<w:body>" + body_xml + tail).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def test_tables_tracked_changes_fields_and_breaks(tmp_path):
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>大  会</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>A/61/204</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        "<w:r><w:t>1.</w:t></w:r><w:r><w:tab/></w:r><w:ins><w:r><w:t>安全理事会</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>大会</w:delText></w:r></w:del>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:r><w:br/><w:t>第二行</w:t><w:noBreakHyphen/><w:t>续</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:p><w:hyperlink><w:r><w:t>S/2006/590</w:t></w:r></w:hyperlink></w:p>"
    )
    text = read_docx(_docx_with_body(tmp_path, body)).text
    # A table row is one line, its cells joined by tabs, as in Word's text export.
    assert text == "大  会\tA/61/204\n1.\t安全理事会3 第二行-续\n\nS/2006/590\n"


def test_text_boxes_follow_their_paragraph_once(tmp_path):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f'<w:p xmlns:mc="{mc}"><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>'
        f"<mc:Choice Requires=\"wps\"><w:drawing>{box.format('方框')}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box.format('方框')}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>下一段</w:t></w:r></w:p>"
    )
    assert read_docx(_docx_with_body(tmp_path, body)).text == "正文续\n方框\n下一段\n"


def test_footnote_numbering_follows_the_footnotes_part_and_num_start(tmp_path):
    word = WordDocument([["情况通报会。", 0], ["另一句。", 1]], [WordNote("关于会议形式。"), WordNote("同上。")])
    built = build_docx(word, tmp_path / "r.docx")
    assert read_docx(built.read_bytes()).text.endswith("情况通报会。[^1]\n另一句。[^2]\n\n[^1]: 关于会议形式。\n[^2]: 同上。\n")
    # The Repertoire continues its volume's numbering: numStart 957.
    data = io.BytesIO()
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(data, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/settings.xml":
                content = content.replace(b"</w:settings>",
                                          b'<w:footnotePr><w:numStart w:val="957"/></w:footnotePr></w:settings>')
            target.writestr(item, content)
    assert "情况通报会。[^957]\n另一句。[^958]\n\n[^957]: 关于会议形式。" in read_docx(data.getvalue()).text


@pytest.mark.parametrize("damage", ["garbage", "truncated", "no-main-part", "bad-xml", "empty"])
def test_a_corrupt_docx_is_a_one_line_error(damage, a61_docx):
    data = a61_docx.read_bytes()
    if damage == "garbage":
        data = b"PK\x03\x04 this is not a zip"
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                if damage == "no-main-part" and item.filename == "word/document.xml":
                    continue
                content = source.read(item.filename)
                if damage == "bad-xml" and item.filename == "word/footnotes.xml":
                    content = content[:-20]
                target.writestr(item, content)
        data = out.getvalue()
    with pytest.raises(FormatError) as caught:
        read_docx(data)
    assert "\n" not in str(caught.value)


def test_a_corrupt_docx_gives_one_error_line_and_exit_code_2(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this was never a Word document")
    result = unlint_process("check", str(broken))
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert stderr.count("\n") == 1 and stderr.startswith(f"unlint: error: {broken}: not a readable .docx package")
