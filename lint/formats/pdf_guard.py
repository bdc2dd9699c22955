"""Refuse a PDF whose compressed streams inflate far beyond any real document.

PDFium inflates a page's content stream whole before reading it, so a 1 MB
file whose stream inflates to 1 GB would take that much memory. Before the
file reaches PDFium, every Flate stream is inflated here in small pieces that
are counted and thrown away: memory stays bounded, and a file with a stream
above the limit is refused. The limit is far above what text pages need (the
largest content stream of a 70-page UN report inflates to a few hundred KB)
and above large scanned images. Image streams are not inflated to read text,
so they are not counted (nor inflated here).
"""

from __future__ import annotations

import re
import zlib

from . import FormatError

#: The most any one stream may inflate to.
STREAM_LIMIT = 64 * 1024 * 1024
#: The most all streams together may inflate to.
TOTAL_LIMIT = 256 * 1024 * 1024
#: Inflated bytes are counted this many at a time...
_CHUNK = 1 << 20
#: ... from this many compressed bytes at a time (most streams are a few KB).
_READ = 1 << 16
_STREAM = re.compile(rb"stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")


def check_streams(data: bytes, stream_limit: int = STREAM_LIMIT, total_limit: int = TOTAL_LIMIT) -> None:
    """Raise :class:`FormatError` when a Flate stream of ``data`` inflates beyond the limits."""
    total = 0
    view = memoryview(data)
    for found in _STREAM.finditer(data):
        if _is_image(data, found.start()):
            continue
        size = _inflated_size(view, found.end(), stream_limit + 1)
        total += size
        if size > stream_limit:
            raise FormatError(
                f"a compressed stream inflates to more than {stream_limit // (1024 * 1024)} MB "
                "(a decompression bomb?); unlint does not read it"
            )
        if total > total_limit:
            raise FormatError(
                f"the compressed streams inflate to more than {total_limit // (1024 * 1024)} MB "
                "(a decompression bomb?); unlint does not read it"
            )


def _is_image(data: bytes, start: int) -> bool:
    """Whether the stream starting here is an image, which text extraction never inflates."""
    head = data[max(0, start - 2048):start]
    head = head[head.rfind(b" obj") + 1:]
    return _IMAGE.search(head) is not None


def _inflated_size(data: memoryview, start: int, cap: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to (at most ``cap``); 0 if it is not zlib."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    pending: bytes | memoryview = b""
    try:
        while size < cap and not inflater.eof:
            if not pending:
                if position >= len(data):
                    break
                pending = data[position:position + _READ]
                position += _READ
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return size
    return size
