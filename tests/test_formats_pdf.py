"""The PDF reader on real PDFs with Chinese text, built with reportlab from the corpus."""

from __future__ import annotations

import pytest

from unlint import lint_paths, lint_text
from unlint.document import Document
from unlint.formats import FormatError
from unlint.formats.pdf import read_pdf
from unlint.structure.furniture import FurnitureKind

from .conftest import CORPUS, EXAMPLES, unlint_process
from .format_builders import Page, BodyLine, Note, build_pdf, drawable, pdf_layout, pdf_layout_pages

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

A61 = EXAMPLES / "A-61-204-S-2006-590.zh.txt"


def corpus_pages(path) -> list[Page]:
    return drawable(pdf_layout_pages(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def a61_pdf(tmp_path_factory):
    pages = corpus_pages(A61)
    return build_pdf(pages, tmp_path_factory.mktemp("pdf") / "A-61-204.pdf"), pdf_layout(pages)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_text_of_a_pdf_built_from_corpus_text_is_that_text(path, tmp_path):
    pages = corpus_pages(path)
    built = build_pdf(pages, tmp_path / "doc.pdf")
    assert read_pdf(built.read_bytes()) == pdf_layout(pages)


def test_footnote_markers_and_texts_take_the_corpus_pdf_layout(a61_pdf):
    lines = read_pdf(a61_pdf[0].read_bytes()).split("\n")
    # Marker 1 is a line of its own right after the line it stands in.
    contributed = lines.index("方面做出贡献。")
    assert lines[contributed + 1] == "1"
    # Its text: after the rule, a blank line, the label, then the text.
    note = lines.index("S/23500。")
    assert lines[note - 3:note] == ["__________________", "", "1"]
    # The cover page's asterisk notes and markers.
    assert lines[lines.index("临时议程") + 1] == "**"
    assert "由于技术原因重新印发。" in lines


def test_page_furniture_of_a_pdf_is_recognised(a61_pdf):
    document = Document(read_pdf(a61_pdf[0].read_bytes()))
    kinds = {f.kind: document.lines[f.line - 1] for f in document.furniture}
    assert kinds[FurnitureKind.JOB_NUMBER].startswith("06-44982")
    assert kinds[FurnitureKind.BARCODE] == "*0644982*"


def test_pdf_gives_the_same_findings_as_its_source_text(a61_pdf):
    path, source = a61_pdf
    [result] = lint_paths([path])
    assert result.error is None
    expected = lint_text(source, path=str(path))
    assert [d.sort_key for d in result.diagnostics] == [d.sort_key for d in expected]
    assert [(d.code, d.message, d.span_text) for d in result.diagnostics] == [
        (d.code, d.message, d.span_text) for d in expected
    ]


def test_several_markers_on_one_line(tmp_path):
    pages = [Page([BodyLine("大会第 60/1 号决议。", ["3", "4"]), BodyLine("第二行。")],
                  [Note("3", "S/2005/567。"), Note("4", "A/60/341。")])]
    text = read_pdf(build_pdf(pages, tmp_path / "x.pdf").read_bytes())
    assert text.split("\n")[:4] == ["大会第 60/1 号决议。", "3", "4", "第二行。"]


def test_a_line_that_is_only_a_normal_size_number_is_not_a_superscript(tmp_path):
    pages = [Page([BodyLine("第一行。"), BodyLine("12"), BodyLine("第三行。")])]
    assert read_pdf(build_pdf(pages, tmp_path / "x.pdf").read_bytes()) == "第一行。\n\n12\n第三行。\n"


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF",
    b"not a pdf at all",
    b"",
], ids=["broken-objects", "garbage", "empty"])
def test_a_corrupt_pdf_is_a_one_line_error(data):
    with pytest.raises(FormatError) as caught:
        read_pdf(data)
    assert "\n" not in str(caught.value)


def test_a_truncated_pdf_gives_one_error_line_and_exit_code_2(a61_pdf, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(a61_pdf[0].read_bytes()[:3000])
    result = unlint_process("check", str(broken))
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8").strip().split("\n")
    assert len(stderr) == 1 and stderr[0].startswith(f"unlint: error: {broken}: ")
    assert "Traceback" not in result.stderr.decode("utf-8")


def test_a_pdf_without_text_is_reported_not_passed(tmp_path):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(FormatError, match="no text layer"):
        read_pdf((tmp_path / "scan.pdf").read_bytes())


def draw(path, texts: list[tuple[float, float, float, str]], rules: list[tuple[float, float, float]] = (),
         filled: bool = False) -> bytes:
    """A one-page PDF with ``(size, x, y, text)`` strings and ``(x0, x1, y)`` rules (lines, or filled
    rectangles half a point high); its bytes."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=(300, 300))
    for size, x, y, text in texts:
        pdf.setFont("STSong-Light", size)
        pdf.drawString(x, y, text)
    for x0, x1, y in rules:
        if filled:
            pdf.rect(x0, y, x1 - x0, 0.5, stroke=0, fill=1)
        else:
            pdf.line(x0, y, x1, y)
    pdf.showPage()
    pdf.save()
    return path.read_bytes()


def test_a_note_wrapped_over_two_lines_reads_as_one_line(tmp_path):
    data = draw(tmp_path / "wrap.pdf", [
        (10.5, 40, 250, "正文。"), (6, 72, 254, "5"),
        (6, 40, 107, "5"), (9, 52, 104, "大会第 60/180 号决议，"), (9, 52, 92, "第 7 段。"),
        (9, 40, 40, "06-44982 (C) 010906 010906"),
    ], rules=[(40, 184, 120)])
    assert read_pdf(data) == ("正文。\n5\n__________________\n\n5\n大会第 60/180 号决议，第 7 段。\n"
                              "06-44982 (C) 010906 010906\n")


def test_a_superscript_raised_only_a_little_is_still_an_indicator(tmp_path):
    # 2 points up: within the line's baseline tolerance; the text goes on right after it.
    data = draw(tmp_path / "low.pdf", [(10, 40, 250, "情况通报会。"), (6, 100, 252, "957"), (10, 109, 250, "其后")])
    assert read_pdf(data) == "情况通报会。其后\n957\n"


def test_rotated_text_is_left_out(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(tmp_path / "r.pdf"), pagesize=(300, 300))
    pdf.setFont("STSong-Light", 10)
    pdf.drawString(40, 250, "正文。")
    pdf.rotate(90)
    pdf.drawString(50, -20, "请回收")
    pdf.showPage()
    pdf.save()
    assert read_pdf((tmp_path / "r.pdf").read_bytes()) == "正文。\n"


def test_a_footnote_rule_drawn_as_a_filled_rectangle(tmp_path):
    # Word draws its footnote separator as a thin filled rectangle.
    data = draw(tmp_path / "rect.pdf", [(10, 40, 250, "正文。"), (6, 40, 107, "1"), (9, 46, 104, "S/23500。")],
                rules=[(40, 184, 120)], filled=True)
    assert read_pdf(data) == "正文。\n__________________\n\n1\nS/23500。\n"


def test_a_password_protected_pdf_says_so(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt=StandardEncryption("secret", canPrint=0))
    pdf.drawString(40, 250, "A/61/204")
    pdf.showPage()
    pdf.save()
    with pytest.raises(FormatError, match="^the PDF is protected by a password; unlint cannot open it$"):
        read_pdf((tmp_path / "locked.pdf").read_bytes())


def test_pdfminer_warnings_do_not_reach_stderr(a61_pdf):
    # In a fresh process: pytest's own log capture would hide a leak here.
    import subprocess
    import sys

    script = ("import logging, sys; from unlint.formats.pdf import read_pdf; "
              "read_pdf(open(sys.argv[1], 'rb').read()); "
              "logging.getLogger('pdfminer.pdfinterp').warning('Cannot set gray non-stroke color')")
    result = subprocess.run([sys.executable, "-c", script, str(a61_pdf[0])], capture_output=True, timeout=120)
    assert result.returncode == 0 and result.stderr == b""
