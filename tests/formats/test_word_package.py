"""Bad Word packages: zip bombs refused from the directory, lying directories, missing parts."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import zipfile

import pytest

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
