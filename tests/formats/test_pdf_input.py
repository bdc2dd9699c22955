"""Bad PDF input: one clear line and exit code 2, and decompression bombs refused in bounded memory."""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from unlint.formats import FormatError
from unlint.formats.pdf import read_pdf
from unlint.formats.pdf_guard import STREAM_LIMIT, check_streams

from ..conftest import unlint_process

pytest.importorskip("pypdfium2")

REAL = Path(__file__).parent.parent / "data" / "realdocs" / "word-pdf-en" / "A-80-605-p35.pdf"


def one_error_line(path: Path) -> str:
    result = unlint_process("check", str(path))
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    [line] = stderr.strip().split("\n")
    assert line.startswith(f"unlint: error: {path}: ")
    return line


HELVETICA = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def minimal_pdf(content: bytes, filters: str = "", resources: bytes = b"") -> bytes:
    """A one-page PDF whose page has this content stream (already encoded with ``filters``)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R %s >>" % resources,
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zeros_deflated(megabytes: int) -> bytes:
    """A zlib stream that inflates to this many MB of zeros, built without compressing them all:
    a fully flushed deflate block of 1 MB of zeros is self-contained, so it can be repeated."""
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    one_mb = block.compress(bytes(1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    adler = ((megabytes * (1 << 20)) % 65521) << 16 | 1  # the Adler-32 of that many zeros
    return b"\x78\xda" + one_mb * megabytes + end + adler.to_bytes(4, "big")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF",
    b"not a pdf at all",
    b"",
], ids=["broken-objects", "garbage", "empty"])
def test_a_corrupt_pdf_is_a_one_line_error(data):
    with pytest.raises(FormatError) as caught:
        read_pdf(data)
    assert "\n" not in str(caught.value)


def test_a_truncated_real_pdf_gives_one_error_line_and_exit_code_2(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(REAL.read_bytes()[:3000])
    line = one_error_line(broken)
    assert "PDF" in line


def test_a_pdf_without_text_says_it_may_be_a_scan(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(minimal_pdf(b"0 0 0 rg 50 50 200 200 re f"))
    assert one_error_line(scan).endswith(
        ": the PDF has no text layer (a scanned image?); unlint checks text only")


def test_a_password_protected_pdf_says_so(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(locked), encrypt=StandardEncryption("secret", canPrint=0))
    pdf.drawString(40, 250, "A/61/204")
    pdf.showPage()
    pdf.save()
    assert one_error_line(locked).endswith(": the PDF is protected by a password; unlint cannot open it")


def test_a_small_text_pdf_is_read(tmp_path):
    page = minimal_pdf(b"BT /F1 10 Tf 72 700 Td (See resolution 75/1.) Tj ET", resources=HELVETICA)
    assert read_pdf(page).text == "See resolution 75/1.\n"


def test_a_stream_bomb_is_refused_before_it_is_inflated():
    bomb = minimal_pdf(zeros_deflated(STREAM_LIMIT // (1 << 20) + 1), "/Filter /FlateDecode ")
    with pytest.raises(FormatError, match="inflates to more than 64 MB"):
        check_streams(bomb)


def test_a_stream_under_the_limit_passes_the_guard():
    check_streams(minimal_pdf(zeros_deflated(2), "/Filter /FlateDecode "))


@pytest.mark.slow
def test_a_1_mb_pdf_that_inflates_to_1_gb_is_one_error_line_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(minimal_pdf(zeros_deflated(1024), "/Filter /FlateDecode "))
    assert bomb.stat().st_size < 1_200_000
    line = one_error_line(bomb)
    assert "decompression bomb" in line
    # The peak memory of a process reading it, in a fresh interpreter.
    script = ("import resource, sys\nfrom unlint.formats.pdf import read_pdf\n"
              "try:\n    read_pdf(open(sys.argv[1], 'rb').read())\nexcept Exception as err:\n    print(err)\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", script, str(bomb)], capture_output=True, timeout=300, check=True)
    message, peak_kb = result.stdout.decode().strip().split("\n")
    assert "decompression bomb" in message
    assert int(peak_kb) < 300_000, f"peak RSS {int(peak_kb) // 1024} MB"
