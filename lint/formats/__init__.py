"""Word and PDF documents as input: each reader turns a file's bytes into text.

A reader gives the text in a layout the structure parsers already read (see
docs/formats.md), so rules see a ``.docx`` or ``.pdf`` exactly as they see the
text exported from it. The libraries they need are optional extras, imported
only when such a file is read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..layout import Reading
from ..reading import DecodedText


class FormatError(Exception):
    """A document could not be read; ``str()`` is the reason shown to the user."""


#: File name endings with a reader: (module in this package, function, what to call the file).
_READERS: dict[str, tuple[str, str]] = {
    ".docx": ("docx", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
}

#: The endings a directory walk picks up besides plain text.
SUFFIXES: tuple[str, ...] = tuple(_READERS)

#: Endings of formats that look close but cannot be read, and what to do instead.
_UNSUPPORTED: dict[str, str] = {
    ".doc": "old Word .doc files cannot be read; save the document as .docx",
    ".rtf": "RTF files cannot be read; save the document as .docx",
    ".odt": "OpenDocument files cannot be read; save the document as .docx",
}


def handles(suffix: str) -> bool:
    """Whether a file with this ending is read here rather than decoded as text."""
    return suffix.lower() in _READERS or suffix.lower() in _UNSUPPORTED


def reader_for(suffix: str) -> Callable[[bytes], str | Reading] | None:
    """The reader for a file name ending (``".docx"``), or None for text files."""
    found = _READERS.get(suffix.lower())
    if found is None:
        return None
    module, function = found
    return getattr(importlib.import_module(f".{module}", __name__), function)


def read_document(suffix: str, data: bytes) -> DecodedText:
    """Read a Word or PDF file into text; raise :class:`FormatError` saying why not."""
    if suffix.lower() in _UNSUPPORTED:
        raise FormatError(_UNSUPPORTED[suffix.lower()])
    reader = reader_for(suffix)
    if reader is None:
        raise ValueError(f"no reader for {suffix!r} files")
    reading = reader(data)
    if isinstance(reading, str):
        reading = Reading(reading)
    # certain=False makes any writer that checks it refuse too; ``format`` says why.
    return DecodedText(reading.text, encoding="", bom=b"", newline="\n", certain=False,
                       format=suffix.lower().lstrip("."), layout=reading.layout)


def fix_refusal(decoded: DecodedText) -> str | None:
    """Why fixes must not be applied to this document (nor shown as a diff), or None when they may.

    The text of a Word or PDF file is a reading of it, not its content: writing
    it back would destroy the file, and a diff of it applies to nothing.
    """
    if decoded.format == "text":
        return None
    name = {"docx": "a Word document", "pdf": "a PDF"}.get(decoded.format, f"a .{decoded.format} file")
    return f"fixes apply to text files only and this is {name}; make the changes in its editor"


def missing_extra(extra: str, package: str, what: str) -> FormatError:
    """The error for a reader whose optional library is not installed."""
    return FormatError(f"reading {what} needs {package}: pip install 'unlint[{extra}]'")
