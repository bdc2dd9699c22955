"""The Word reader on real UN .docx files (tests/data/realdocs/word, see SOURCES.md there).

Each file is as the UN published it (A/80/604/Add.1) or cut to its first pages
with tests/formats/trim_docx.py (A/81/6 (Sect. 3)). The edited copies change
one thing in the real file, as an author would.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from unlint import lint_paths
from unlint.document import Document
from unlint.formats import read_document

from ..conftest import unlint_process

pytest.importorskip("docx")

DATA = Path(__file__).resolve().parents[1] / "data" / "realdocs" / "word"
ADD1 = DATA / "A-80-604-Add.1.docx"
SECT3 = DATA / "A-81-6-Sect.3-start.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W


def _document(path: Path) -> Document:
    decoded = read_document(".docx", path.read_bytes())
    return Document(decoded.text, str(path), layout=decoded.layout)


def _edited(path: Path, tmp_path: Path, edit, name: str | None = None) -> Path:
    """A copy of ``path`` whose parts go through ``edit(name, bytes) -> bytes``."""
    out = tmp_path / (name or path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, edit(item.filename, source.read(item.filename)))
    return out


def _replace_in_body(old: str, new: str):
    def edit(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        text = data.decode("utf-8")
        assert text.count(old) == 1, old
        return text.replace(old, new).encode("utf-8")
    return edit


def _codes(path: Path) -> list[str]:
    [result] = lint_paths([path])
    assert result.error is None
    return [d.code for d in result.diagnostics]


# -- masthead --------------------------------------------------------------------


@pytest.mark.parametrize(("path", "symbol", "date"), [
    (ADD1, "A/80/604/Add.1", dt.date(2026, 4, 7)),
    (SECT3, "A/81/6 (Sect. 3)/Part A*", dt.date(2026, 4, 9)),
])
def test_the_masthead_in_the_first_page_header_gives_symbol_and_date(path, symbol, date):
    document = _document(path)
    assert document.header.symbol == symbol
    assert document.header.date == date
    lines = document.lines
    # The masthead table's rows open the text; the running headers (the symbol alone) are not read.
    assert lines[0].split() == ["United", "Nations", *symbol.split()]
    assert lines[1].split()[:4] == ["General", "Assembly", "Distr.:", "General"]
    assert not any(line.strip() == symbol.rstrip("*") for line in lines)


def test_footers_and_running_headers_stay_out_of_the_text():
    text = _document(ADD1).text
    with zipfile.ZipFile(ADD1) as package:
        footer_text = {t for name in package.namelist() if re.fullmatch(r"word/footer\d+\.xml", name)
                       for t in etree.fromstring(package.read(name)).itertext() if t.strip()}
    job_numbers = [t for t in footer_text if re.fullmatch(r"\d{2}-\d{5}", t.strip())]
    assert job_numbers and not any(job in text for job in job_numbers)


# -- automatic numbering ------------------------------------------------------------


def test_contents_entries_get_the_numbers_word_shows():
    lines = _document(SECT3).lines
    numbered = [line.split("\t")[0] for line in lines if re.match(r"(?:[IVX]+|[A-Z])\.\t", line)]
    # I. and A. from Word's list numbering; A. restarts under each chapter.
    assert numbered[:10] == ["I.", "A.", "II.", "A.", "III.", "A.", "IV.", "A.", "V.", "A."]
    assert "II.\tOffice of the United Nations Special Coordinator for the Middle East Peace Process\t\t43" in lines


def _numbered_automatically(name: str, data: bytes) -> bytes:
    """Turn the typed paragraph numbers ("5." and a tab) into Word numbering that shows the same."""
    if name not in ("word/numbering.xml", "word/document.xml"):
        return data
    root = etree.fromstring(data)
    if name == "word/numbering.xml":
        abstract = etree.fromstring(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="990"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
        first_num = root.find(_W + "num")
        first_num.addprevious(abstract)
        for num_id, restart in (("991", None), ("992", 1)):
            override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
                        if restart else "")
            root.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{num_id}">'
                                         f'<w:abstractNumId w:val="990"/>{override}</w:num>'))
    elif name == "word/document.xml":
        body = root.find(_W + "body")
        seen_one = False
        for paragraph in body.iterchildren(_W + "p"):
            runs = paragraph.findall(_W + "r")
            first = runs[0].find(_W + "t") if runs else None
            if first is None or not re.fullmatch(r"\d+\.", first.text or "") or len(runs) < 2:
                continue
            tab = runs[1].find(_W + "tab")
            if tab is None:
                continue
            restart = first.text == "1." and seen_one
            seen_one = seen_one or first.text == "1."
            paragraph.remove(runs[0])
            runs[1].remove(tab)
            numpr = etree.SubElement(paragraph.find(_W + "pPr"), _W + "numPr")
            etree.SubElement(numpr, _W + "ilvl").set(_W + "val", "0")
            etree.SubElement(numpr, _W + "numId").set(_W + "val", "992" if restart else "991")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_paragraphs_numbered_by_word_read_as_the_typed_numbers(tmp_path):
    automatic = _edited(ADD1, tmp_path, _numbered_automatically)
    with zipfile.ZipFile(automatic) as package:
        assert package.read("word/document.xml").count(b'<w:numId w:val="991"/>') > 40
    typed, numbered = _document(ADD1), _document(automatic)
    assert numbered.text == typed.text
    assert [p.number for p in numbered.paragraphs] == [p.number for p in typed.paragraphs]


# -- tables ---------------------------------------------------------------------------


def test_table_rows_are_table_lines_and_their_citations_are_still_read():
    document = _document(SECT3)
    lines, table_lines = document.lines, document.layout.table_lines
    row = next(n for n, line in enumerate(lines, 1) if line.startswith("1325 (2000)"))
    assert row in table_lines
    # The list under "Security Council resolutions" is read as one citation running through the rows.
    assert any(document.line_index(c.start) + 1 <= row <= document.line_index(c.end - 1) + 1
               and "1325 (2000)" in c.text for c in document.references.citations)
    # The contents is a Word table too, but it is the contents: not table content.
    contents = next(n for n, line in enumerate(lines, 1) if line.startswith("I.\tDepartment"))
    assert contents not in table_lines and document.toc is not None
    paragraph = next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith("3.I.1\t"))
    assert paragraph not in table_lines


def test_a_financial_table_row_is_one_table_line():
    document = _document(ADD1)
    row = next(n for n, line in enumerate(document.lines, 1) if line.startswith("Appropriation for 2024/25\t"))
    assert document.lines[row - 1] == "Appropriation for 2024/25\t$68,743,800"
    assert row in document.layout.table_lines
    five = next(n for n, line in enumerate(document.lines, 1) if line.startswith("5.\tThe unencumbered balance"))
    assert five not in document.layout.table_lines


# -- notes ---------------------------------------------------------------------------


def test_cover_page_notes_in_frames_join_the_notes_and_keep_their_marks():
    document = _document(SECT3)
    lines = document.lines
    notes = [line for line in lines if line.startswith("*")]
    assert [n.split(" ")[0] for n in notes] == ["*", "**", "***"]
    assert notes[1] == "** A/81/50."
    # After the body: the frame stands on page 1 of the PDF, at its foot, not in the contents.
    assert lines.index(notes[0]) > lines.index(next(line for line in lines if line.lstrip().startswith("3.I.1\t")))
    [result] = lint_paths([SECT3])
    assert not [d for d in result.diagnostics if d.code == "FTN002"]


# -- planted errors: one edit to a real file -----------------------------------------------


def test_a_symbol_later_than_the_masthead_date_is_found(tmp_path):
    assert "SYM002" not in _codes(ADD1)
    sentence = "In his report, the Secretary-General indicates efficiency gains"
    edited = _edited(ADD1, tmp_path, _replace_in_body(sentence, sentence + " (see S/2027/15)"))
    [result] = lint_paths([edited])
    found = [d for d in result.diagnostics if d.code == "SYM002"]
    assert [d.span_text for d in found] == ["S/2027/15"]


@pytest.mark.parametrize("automatic", [False, True], ids=["typed", "word-numbered"])
def test_a_reference_past_the_last_paragraph_is_found(tmp_path, automatic):
    source = _edited(ADD1, tmp_path, _numbered_automatically, "auto.docx") if automatic else ADD1
    assert "XRF002" not in _codes(source)
    last = _document(source).paragraphs[-1].number
    sentence = "In his report, the Secretary-General indicates efficiency gains"
    edited = _edited(source, tmp_path, _replace_in_body(sentence, f"{sentence} (see para. {last + 20} below)"),
                     "edited.docx")
    [result] = lint_paths([edited])
    assert [d.span_text for d in result.diagnostics if d.code == "XRF002"] == [f"para. {last + 20} below"]


def test_the_cli_reads_a_real_word_file(tmp_path):
    result = unlint_process("check", "--select", "SYM002", "--format", "json", str(ADD1))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in (b"[]", b"")
