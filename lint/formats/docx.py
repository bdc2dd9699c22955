"""Word (``.docx``) documents: paragraphs in order, and their real footnotes.

python-docx opens the package. It does not expose footnotes, so the footnotes
part (``word/footnotes.xml``, reached through the main part's relationship)
is read here. The text has one line per Word paragraph (and per table row, its
cells joined by tabs, as in Word's text export; text boxes follow the
paragraph that anchors them), then a blank line and one line per footnote,
in the layout the footnote parser reads for Word exports: ``[^3]`` where the
reference stands, ``[^3]: text`` for the note. A footnote with a custom mark
(the ``*`` of a cover page) keeps its mark in the running text and reads
``* text``, the layout of symbol notes.

Footnote numbers are what Word shows: notes are numbered in the order of the
footnotes part (the order of their references in any file Word saved), from
the document's ``numStart``. A note no reference points to keeps its place in
that order, so it is the footnote text that has no marker.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from . import FormatError, missing_extra

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

# Subtrees that hold no visible text of this paragraph: properties, tracked
# deletions, field codes, the VML copy of a text box, and text boxes (whose
# paragraphs are lines of their own).
_SKIPPED = frozenset(
    _W + name for name in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "txbxContent", "footnoteRef")
) | {_FALLBACK}
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_TRUE = frozenset({"1", "true", "on"})
_LINE_BREAKS = regex.compile(r"[\r\n\v\f\u2028\u2029]")
_LEADING_MARK = regex.compile(r"^(\*{1,3})\s*")


@dataclass(frozen=True, slots=True)
class _Note:
    id: str
    text: str
    #: True for a custom mark (``*``): Word gives it no number.
    custom: bool


def read_docx(data: bytes) -> str:
    """The text of a ``.docx`` file, or :class:`FormatError` saying why it cannot be read."""
    try:
        import docx
        from docx.opc.exceptions import OpcError
        from lxml import etree
    except ImportError:
        raise missing_extra("docx", "python-docx", "Word documents") from None
    try:
        document = docx.Document(io.BytesIO(data))
        notes = _footnotes(document.part, etree)
        start = _number_start(document)
        return _render(document.element.body, notes, start)
    except (zipfile.BadZipFile, OpcError) as err:
        raise FormatError(
            f"not a readable .docx package ({err}): a damaged file, or an old .doc or encrypted document "
            "(save it as an unprotected .docx)"
        ) from None
    except (KeyError, ValueError, EOFError, zlib.error, etree.XMLSyntaxError) as err:
        raise FormatError(f"damaged Word document ({type(err).__name__}: {err})") from None


def _footnotes(main_part, etree) -> list[_Note]:
    part = next(
        (rel.target_part for rel in main_part.rels.values() if rel.reltype == _FOOTNOTES_REL and not rel.is_external),
        None,
    )
    if part is None:
        return []
    root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    notes = []
    for note in root.iterchildren(_W + "footnote"):
        if note.get(_W + "type") in _SEPARATOR_NOTES:
            continue
        text = " ".join(t for p in note.iter(_W + "p") if (t := _paragraph_text(p, {}).strip()))
        notes.append(_Note(note.get(_W + "id", ""), text, custom=next(note.iter(_W + "footnoteRef"), None) is None))
    return notes


def _number_start(document) -> int:
    for element in (document.element.body, document.settings.element):
        for start in element.iter(_W + "numStart"):
            if start.getparent().tag == _W + "footnotePr" and (value := start.get(_W + "val", "")).isdigit():
                return int(value)
    return 1


def _render(body, notes: list[_Note], start: int) -> str:
    numbers = _numbers(notes, start)
    lines = list(_lines(body, numbers))
    note_lines = [_note_line(note, numbers) for note in notes]
    text = "\n".join(lines)
    if note_lines:
        text += "\n\n" + "\n".join(note_lines)
    return text + "\n"


def _lines(container, numbers: dict[str, int]) -> Iterator[str]:
    """One line per paragraph, and per table row (its cells joined by tabs), in document order."""
    for child in container:
        if child.tag == _W + "p":
            yield _paragraph_text(child, numbers)
            for box in _text_boxes(child):
                yield from _lines(box, numbers)
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                if next(row.iterancestors(_W + "tbl")) is child:
                    yield "\t".join(_cell_text(cell, numbers) for cell in row.iterchildren(_W + "tc"))
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _lines(child, numbers)


def _cell_text(cell, numbers: dict[str, int]) -> str:
    return " ".join(line for line in _lines(cell, numbers) if line.strip())


def _text_boxes(paragraph) -> Iterator:
    """The paragraph's own text boxes: not their copies for old readers, not boxes inside boxes."""
    for box in paragraph.iter(_W + "txbxContent"):
        between = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            between.append(ancestor.tag)
        if _FALLBACK not in between and _W + "txbxContent" not in between:
            yield box


def _numbers(notes: list[_Note], start: int) -> dict[str, int]:
    automatic = [note for note in notes if not note.custom]
    return {note.id: start + rank for rank, note in enumerate(automatic)}


def _note_line(note: _Note, numbers: dict[str, int]) -> str:
    if note.custom:
        return _LEADING_MARK.sub(r"\1 ", note.text)
    return f"[^{numbers[note.id]}]: {note.text}"


def _paragraph_text(paragraph, numbers: dict[str, int]) -> str:
    parts: list[str] = []
    _collect(paragraph, numbers, parts)
    # One line per paragraph: a manual line break inside it reads as a space.
    return _LINE_BREAKS.sub(" ", "".join(parts))


def _collect(element, numbers: dict[str, int], parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("" if child.get(_W + "type") in ("page", "column") else " ")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "footnoteReference":
            parts.append(_reference(child, numbers))
        else:
            _collect(child, numbers, parts)


def _reference(reference, numbers: dict[str, int]) -> str:
    if reference.get(_W + "customMarkFollows", "").lower() in _TRUE:
        return ""  # the mark itself is the text run that follows
    number = numbers.get(reference.get(_W + "id", ""))
    return f"[^{number}]" if number is not None else ""
