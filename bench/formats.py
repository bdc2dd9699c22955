"""Time reading Word and PDF files built from the corpus (python bench/formats.py).

Builds each corpus document as .docx and .pdf with the test builders, then
reads each one several times and prints the best time per file and per page.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from format_builders import build_docx, build_pdf, drawable, pdf_layout_pages, word_from_pages  # noqa: E402

from unlint.formats.docx import read_docx  # noqa: E402
from unlint.formats.pdf import read_pdf  # noqa: E402

REPEAT = 3


def best(reader, data: bytes) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        reader(data)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted((ROOT / "examples").glob("*.zh.txt")):
            pages = pdf_layout_pages(path.read_text(encoding="utf-8"))
            pdf = build_pdf(drawable(pages), Path(folder) / "doc.pdf").read_bytes()
            docx = build_docx(word_from_pages(pages), Path(folder) / "doc.docx").read_bytes()
            pdf_time, docx_time = best(read_pdf, pdf), best(read_docx, docx)
            print(f"{path.name:45} pdf {len(pages):3d} pages {pdf_time * 1000:7.0f} ms "
                  f"({pdf_time * 1000 / len(pages):5.0f} ms/page)   docx {docx_time * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
