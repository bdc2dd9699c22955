"""Which header part holds a Word document's masthead.

A UN Word file keeps its masthead (``United Nations``, the symbol, ``Distr.:
General``, the date, ``Original: English``) in the header of its first page,
usually a table there, sometimes frames or text boxes. The first section's
properties name its headers by type: ``first`` (shown on page 1 when the
section has a title page, ``titlePg``), ``default`` and ``even`` (the running
headers of later pages, only the document's symbol). Page 1 shows the
``first`` header when ``titlePg`` is set and the ``default`` one otherwise, so
that one header is the masthead; the running headers are not read at all.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TRUE = frozenset({"1", "true", "on"})


def first_section(body):
    """The properties (``sectPr``) of the body's first section, or None."""
    # A section ends at a paragraph whose properties hold a sectPr; the last one is the body's own.
    for child in body.iterchildren(_W + "p", _W + "sectPr"):
        if child.tag == _W + "sectPr":
            return child
        properties = child[0] if len(child) and child[0].tag == _W + "pPr" else None
        if properties is not None and (section := properties.find(_W + "sectPr")) is not None:
            return section
    return None


def masthead_part_id(body) -> str | None:
    """The relationship id of the header shown on the first page, or None when it has none."""
    section = first_section(body)
    if section is None:
        return None
    title_page = section.find(_W + "titlePg")
    wanted = "first" if title_page is not None and title_page.get(_W + "val", "true").lower() in _TRUE else "default"
    for reference in section.iterchildren(_W + "headerReference"):
        if reference.get(_W + "type", "default") == wanted:
            return reference.get(_R + "id")
    return None
