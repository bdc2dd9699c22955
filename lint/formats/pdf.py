"""PDF documents, read with PDFium (pypdfium2) into the layout of the Word reader.

The work is split by job: pdf_guard refuses decompression bombs before the
library sees the file, pdf_glyphs reads each character's position and size,
pdf_rows and pdf_lines build the rows and lines of a page (superscripts,
table cells), pdf_columns reads two columns of text in their order, pdf_furniture
drops running headers and footers, pdf_footnotes finds the notes at each
page's foot, and pdf_layout writes paragraphs, tables (pdf_tables), contents
(pdf_contents) and notes as the Word reader does, so that the ``.pdf`` and ``.docx`` of one document give
the same findings. docs/formats.md says why PDFium and not pdfminer.six.
"""

from __future__ import annotations

from ..layout import Reading
from . import FormatError, missing_extra
from .pdf_glyphs import open_document, pages
from .pdf_guard import check_streams
from .pdf_layout import compose
from .pdf_columns import grids
from .pdf_lines import lines_of
from .pdf_rows import page_rows


def read_pdf(data: bytes) -> Reading:
    """The reading of a PDF file, or :class:`FormatError` saying why it cannot be read."""
    try:
        import pypdfium2
        import pypdfium2.raw as raw
    except ImportError:
        raise missing_extra("pdf", "pypdfium2", "PDF documents") from None
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FormatError("damaged or unreadable PDF (it does not start with %PDF)")
    check_streams(data)
    document = open_document(data, pypdfium2)
    try:
        read = [(page, page_rows(page.glyphs)) for page in pages(document, raw)]
    except pypdfium2.PdfiumError as err:
        raise FormatError(f"damaged or unreadable PDF ({err})") from None
    finally:
        document.close()
    # Columns are recognized on the pages where their geometry is clear, then found by
    # where they start on the others (a short list in two columns after a heading).
    known = sorted(set().union(*(grids(rows, page.width / 2) for page, rows in read)), key=lambda g: (g.left, g.right))
    lines = [lines_of(rows, page.number, page.width, known) for page, rows in read]
    heights = [page.height for page, _ in read]
    if not any(lines):
        raise FormatError("the PDF has no text layer (a scanned image?); unlint checks text only")
    return compose(lines, heights)
