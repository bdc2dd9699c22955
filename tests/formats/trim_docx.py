"""Cut a real .docx down to its first body elements, keeping it a valid Word package.

    python -m tests.formats.trim_docx SOURCE TARGET COUNT

Keeps the first COUNT elements of the body (paragraphs and tables) and the
body's own section properties, then drops every part no relationship reaches
any more (images, charts and their embedded workbooks of the cut pages), with
their content-type overrides, and the footnotes whose references were cut.
The parts kept are byte for byte the source's,
except document.xml, footnotes.xml, their relationships and [Content_Types].xml. Used to make the
test files of tests/data/realdocs/word (see SOURCES.md there).
"""

from __future__ import annotations

import posixpath
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def trim(source: Path, target: Path, count: int) -> None:
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(_W + "body")
    for index, child in enumerate(list(body)):
        if index >= count and child.tag != _W + "sectPr":
            body.remove(child)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    _drop_unreferenced_notes(parts, document)
    used = {value for element in document.iter() for key, value in element.attrib.items() if key.startswith("{" + _R)}
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(parts[rels_name])
    for rel in list(rels):
        # Parts every document has stay; what only the cut pages pointed to goes.
        if rel.get("Id") not in used and re.search(r"/(image|chart|oleObject|package|diagram\w*|hyperlink)$",
                                                    rel.get("Type", "")):
            rels.remove(rel)
    parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    reachable = _reachable(parts)
    kept = {name: data for name, data in parts.items() if name in reachable or name.endswith(".rels")
            and _rels_source(name) in reachable or name in ("[Content_Types].xml", "_rels/.rels")}
    kept["[Content_Types].xml"] = _content_types(kept["[Content_Types].xml"], kept)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in kept.items():
            out.writestr(name, data)


def _drop_unreferenced_notes(parts: dict[str, bytes], document) -> None:
    """Footnotes whose reference was cut go too (separators stay): else they read as notes without a marker."""
    name = "word/footnotes.xml"
    if name not in parts:
        return
    kept = {ref.get(_W + "id") for ref in document.iter(_W + "footnoteReference")}
    notes = etree.fromstring(parts[name])
    for note in list(notes):
        if note.get(_W + "type") is None and note.get(_W + "id") not in kept:
            notes.remove(note)
    parts[name] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_source(rels_name: str) -> str:
    folder, _, base = rels_name.rpartition("/_rels/")
    return posixpath.join(folder, base[: -len(".rels")]) if folder else base[: -len(".rels")]


def _reachable(parts: dict[str, bytes]) -> set[str]:
    seen: set[str] = set()
    pending = ["_rels/.rels"]
    while pending:
        rels_name = pending.pop()
        folder = posixpath.dirname(_rels_source(rels_name)) if rels_name != "_rels/.rels" else ""
        for rel in etree.fromstring(parts[rels_name]).iter(_REL):
            if rel.get("TargetMode") == "External":
                continue
            name = posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/")
            if name in parts and name not in seen:
                seen.add(name)
                own = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
                if own in parts:
                    pending.append(own)
    return seen


def _content_types(data: bytes, kept: dict[str, bytes]) -> bytes:
    root = etree.fromstring(data)
    for override in list(root):
        name = override.get("PartName")
        if name is not None and name.lstrip("/") not in kept:
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    trim(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
