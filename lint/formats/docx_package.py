"""Opening a .docx package safely: refuse a zip bomb before anything is inflated.

A Word file is a zip archive. Its central directory states each part's packed
and unpacked size, so an archive that would unpack to far more than a real
document is refused from the directory alone, before one byte is inflated.
A directory that lies (states a small size for a part that inflates to much
more) cannot get past either: Python's zipfile stops inflating a part at its
stated size and then fails the part's checksum, which reads as a damaged file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from . import FormatError

#: The most one part may unpack to. The body of a 600-page report is about 30 MB of XML.
PART_LIMIT = 64 * 1024 * 1024
#: The most all parts together may unpack to (images included).
TOTAL_LIMIT = 256 * 1024 * 1024
#: Real XML packs about 5 to 30 times; a part over RATIO_FLOOR that packs more
#: than RATIO_LIMIT times is repetition built to blow up (17 million empty paragraphs).
RATIO_LIMIT = 200
RATIO_FLOOR = 8 * 1024 * 1024


def check_package(data: bytes) -> None:
    """Raise :class:`FormatError` naming the limit when the package would unpack to too much.

    A file that is not a zip archive passes: the reader reports it as damaged.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            items = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    total = 0
    for item in items:
        size = item.file_size
        total += size
        if size > PART_LIMIT:
            raise _refusal(f"{item.filename} unpacks to {_mb(size)}, more than the limit of {_mb(PART_LIMIT)} per part")
        if size > RATIO_FLOOR and size > RATIO_LIMIT * max(item.compress_size, 1):
            raise _refusal(
                f"{item.filename} unpacks to {_mb(size)} from {_mb(item.compress_size)}, more than "
                f"{RATIO_LIMIT} times its packed size (the limit for parts over {_mb(RATIO_FLOOR)})"
            )
    if total > TOTAL_LIMIT:
        raise _refusal(f"the package unpacks to {_mb(total)}, more than the limit of {_mb(TOTAL_LIMIT)}")


def _refusal(reason: str) -> FormatError:
    return FormatError(f"refused, a possible zip bomb: {reason}")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True, slots=True)
class Package:
    """The parts of a Word package, each parsed only when asked for."""

    archive: zipfile.ZipFile
    main: str
    #: Relationship id of the main part -> (type, target part name), internal targets only.
    relations: dict[str, tuple[str, str]]
    etree: Any
    #: The package's own relationships (main part, properties), as ``relations``.
    package_relations: dict[str, tuple[str, str]] = field(default_factory=dict)

    def root(self, name: str):
        """The XML root of part ``name``; KeyError when the package has no such part."""
        parser = self.etree.XMLParser(resolve_entities=False, no_network=True)
        return self.etree.fromstring(self.archive.read(name), parser)

    def main_root(self):
        """The main part's XML root, without the markup no reader here looks at (see :func:`lean`)."""
        parser = self.etree.XMLParser(resolve_entities=False, no_network=True)
        return self.etree.fromstring(lean(self.archive.read(self.main)), parser)

    def related(self, reltype: str):
        """The XML root of the main part's first relationship of this type, or None."""
        name = next((target for kind, target in self.relations.values() if kind == reltype), None)
        return None if name is None else self._optional_root(name)

    def package_related(self, reltype: str):
        """The XML root of the package's part of this relationship type (``docProps/app.xml``), or None."""
        name = next((target for kind, target in self.package_relations.values() if kind == reltype), None)
        return None if name is None else self._optional_root(name)

    def by_id(self, rel_id: str):
        found = self.relations.get(rel_id)
        return None if found is None else self._optional_root(found[1])

    def _optional_root(self, name: str):
        try:
            return self.root(name)
        except KeyError:  # a relationship to a part the package lacks: Word shows nothing for it
            return None


#: Elements of the main part that hold nothing the reader reads (run formatting, tab stops, cell
#: formatting) but half its bytes and elements: cut before parsing, which halves the parse.
_UNREAD = ((b"<w:rPr>", b"</w:rPr>"), (b"<w:tabs>", b"</w:tabs>"), (b"<w:tcPr>", b"</w:tcPr>"))


def lean(xml: bytes) -> bytes:
    """The XML without the ``_UNREAD`` elements, or unchanged where cutting them could be wrong.

    Cut by their literal tags, which is exact only in plain markup: when the part
    holds a comment, CDATA or a processing instruction (where such text need not
    be a tag; Word writes none of them) nothing is cut, and an element nested in
    one of its own name (a tracked formatting change) keeps the tag whole.
    """
    if b"<!--" in xml or b"<![CDATA[" in xml or xml.find(b"<?", 4) != -1:  # 4: past a BOM and the declaration's "<?"
        return xml
    for opening, closing in _UNREAD:
        xml = _without(xml, opening, closing)
    return xml


def _without(xml: bytes, opening: bytes, closing: bytes) -> bytes:
    pieces = xml.split(opening)
    kept = [pieces[0]]
    for piece in pieces[1:]:
        end = piece.find(closing)
        if end == -1:  # nested: another element of this name opens before this one closes
            return xml
        kept.append(piece[end + len(closing):])
    return b"".join(kept)


def open_package(data: bytes, etree) -> Package:
    """Open a checked package; zipfile.BadZipFile or KeyError when it is not a Word package."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    package_rels = _relations(archive, _PACKAGE_RELS, "", etree)
    main = next((target for kind, target in package_rels.values() if kind == _OFFICE_DOCUMENT), None)
    if main is None:
        raise KeyError("the package has no main document part")
    folder, _, base = main.rpartition("/")
    rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    relations = _relations(archive, rels_name, folder, etree) if rels_name in archive.namelist() else {}
    return Package(archive, main, relations, etree, package_rels)


def _relations(archive: zipfile.ZipFile, name: str, folder: str, etree) -> dict[str, tuple[str, str]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(archive.read(name), parser)
    found = {}
    for rel in root.iter(_REL):
        if rel.get("TargetMode") == "External":
            continue
        found[rel.get("Id", "")] = (rel.get("Type", ""), _resolve(folder, rel.get("Target", "")))
    return found


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source part's folder, or absolute."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)
