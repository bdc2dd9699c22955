"""Bad Word packages: zip bombs refused from the directory, lying directories, missing parts."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from unlint.formats import FormatError
from unlint.formats.docx import read_docx
from unlint.formats.docx_package import PART_LIMIT, RATIO_FLOOR, RATIO_LIMIT

from .word_package import package, paragraph

pytest.importorskip("docx")

#: The zip bomb of the issue: 17 million empty paragraphs, about 190 KB packed.
EMPTY_PARAGRAPHS = 17_000_000


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = package("<w:p/>" * EMPTY_PARAGRAPHS)
    assert len(data) < 300_000
    return data


def test_a_zip_bomb_is_refused_naming_the_limit(bomb):
    with pytest.raises(FormatError) as caught:
        read_docx(bomb)
    message = str(caught.value)
    assert "\n" not in message
    assert message == ("refused, a possible zip bomb: word/document.xml unpacks to 97.3 MB, "
                       "more than the limit of 64.0 MB per part")


def test_a_part_that_unpacks_to_far_more_than_it_packs_is_refused_under_the_size_limit():
    data = package("<w:p/>" * 2_000_000)  # 11 MB of empty paragraphs in a few KB
    with pytest.raises(FormatError) as caught:
        read_docx(data)
    assert f"more than {RATIO_LIMIT} times its packed size (the limit for parts over 8.0 MB)" in str(caught.value)


def test_a_part_over_the_size_limit_is_refused_even_when_it_packs_poorly():
    # Stored, not deflated: no ratio to see, only the size.
    big = package(paragraph("x"), extra={"word/media/image1.png": b"\0" * (PART_LIMIT + 1)},
                  compression=zipfile.ZIP_STORED)
    with pytest.raises(FormatError, match=r"word/media/image1.png unpacks to 64.0 MB, more than the limit of 64.0 MB"):
        read_docx(big)


def test_a_real_sized_document_that_packs_well_is_read():
    # 2 MB of body text packs well but stays under the floor where the ratio counts.
    body = paragraph("The Advisory Committee recommends approval. " * 40) * 1000
    assert len(body) < RATIO_FLOOR
    assert read_docx(package(body)).text.count("\n") == 1000


def _lying(data: bytes, part: str, stated: int) -> bytes:
    """The package with the central directory stating ``stated`` as ``part``'s unpacked size."""
    name = part.encode()
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + length] == name:
            return data[:at + 24] + struct.pack("<I", stated) + data[at + 28:]
        at += 4


def test_a_directory_that_understates_a_part_cannot_make_it_inflate(bomb):
    lying = _lying(bomb, "word/document.xml", 1000)
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    with pytest.raises(FormatError) as caught:
        read_docx(lying)
    # zipfile inflates no more than the stated size, then the checksum fails: a damaged file.
    assert "not a readable .docx package" in str(caught.value) or "damaged" in str(caught.value)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_the_cli_refuses_a_bomb_in_bounded_memory_and_checks_the_other_files(bomb, tmp_path):
    (tmp_path / "bomb.docx").write_bytes(bomb)
    (tmp_path / "note.txt").write_text("见 S/2006/590。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "unlint", "check", "-j", "1", "--no-cache", "--format", "json", "bomb.docx", "note.txt"],
        cwd=tmp_path, capture_output=True, timeout=300, preexec_fn=_limit_memory,
    )
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.count("\n") == 1
    assert stderr.startswith("unlint: error: bomb.docx: refused, a possible zip bomb: word/document.xml unpacks to")
    assert b"note.txt" in result.stdout or result.stdout.strip() == b"[]"


def test_a_header_relationship_to_a_missing_part_reads_as_no_masthead():
    data = package(paragraph("Body."), section='<w:sectPr><w:headerReference w:type="default" r:id="rIdX"/></w:sectPr>')
    assert read_docx(data).text == "Body.\n"


def test_a_package_without_a_main_document_is_one_error_line():
    data = package(paragraph("x"), extra={"_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'})
    with pytest.raises(FormatError, match="not a readable .docx package .*no main document part"):
        read_docx(data)


# -- the lean main part: markup no reader looks at, cut before parsing ------------------------

_LEAN_BODY = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              b'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>'
              b'<w:r><w:rPr><w:i/></w:rPr><w:t>A</w:t></w:r><w:r><w:tab/><w:t>B</w:t></w:r></w:p>'
              b'<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="10"/></w:tcPr><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>'
              b'</w:tbl></w:body></w:document>')


def test_lean_cuts_run_formatting_tab_stops_and_cell_formatting_only():
    from unlint.formats.docx_package import lean

    cut = lean(_LEAN_BODY)
    for gone in (b"<w:tabs>", b"<w:rPr>", b"<w:tcPr>", b"<w:i/>", b'w:pos="720"'):
        assert gone not in cut
    # The run's own tab and the text stay, and the part still parses.
    assert b"<w:r><w:tab/><w:t>B</w:t>" in cut and b"<w:t>A</w:t>" in cut and b"<w:t>C</w:t>" in cut
    etree.fromstring(cut)


@pytest.mark.parametrize("extra", [
    b"<!-- <w:rPr> -->",
    b"<?pi <w:tabs> ?>",
    b"<w:r><w:rPr><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>D</w:t></w:r>",
])
def test_lean_leaves_a_part_it_cannot_cut_exactly_unchanged(extra):
    from unlint.formats.docx_package import lean

    xml = _LEAN_BODY.replace(b"<w:body>", b"<w:body><w:p>" + extra + b"</w:p>")
    kept = lean(xml)
    assert (kept == xml) if b"rPrChange" not in extra else (b"<w:rPrChange><w:rPr><w:b/></w:rPr>" in kept)
    etree.fromstring(kept)


@pytest.mark.parametrize("name", ["A-80-604-Add.1.docx", "A-81-6-Sect.3-start.docx"])
def test_real_files_read_the_same_with_and_without_the_cut(name, monkeypatch):
    import unlint.formats.docx_package as package
    from unlint.formats import read_document

    data = (Path(__file__).resolve().parents[1] / "data" / "realdocs" / "word" / name).read_bytes()
    lean = read_document(".docx", data)
    monkeypatch.setattr(package, "lean", lambda xml: xml)
    whole = read_document(".docx", data)
    assert (lean.text, lean.layout) == (whole.text, whole.layout)
