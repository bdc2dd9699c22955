"""Small Word packages written part by part, for Word structures python-docx cannot write."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def package(body: str, *, numbering: str = "", styles: str = "", header: str = "", section: str = "",
            extra: dict[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx whose body is ``body``; numbering/styles/header are the inner XML of those parts.

    ``header`` becomes the first-page header of a title-page section; ``section``
    replaces the body's section properties.
    """
    rels = []
    parts: dict[str, bytes] = {}
    overrides = [("/word/document.xml", f"{_MAIN}.document.main+xml")]
    if numbering:
        parts["word/numbering.xml"] = f"<w:numbering {_NS}>{numbering}</w:numbering>".encode()
        rels.append(("rIdN", "numbering", "numbering.xml"))
        overrides.append(("/word/numbering.xml", f"{_MAIN}.numbering+xml"))
    if styles:
        parts["word/styles.xml"] = f"<w:styles {_NS}>{styles}</w:styles>".encode()
        rels.append(("rIdS", "styles", "styles.xml"))
        overrides.append(("/word/styles.xml", f"{_MAIN}.styles+xml"))
    if header:
        parts["word/header1.xml"] = f"<w:hdr {_NS}>{header}</w:hdr>".encode()
        rels.append(("rIdH", "header", "header1.xml"))
        overrides.append(("/word/header1.xml", f"{_MAIN}.header+xml"))
        section = section or '<w:sectPr><w:headerReference w:type="first" r:id="rIdH"/><w:titlePg/></w:sectPr>'
    document = f"<w:document {_NS}><w:body>{body}{section or '<w:sectPr/>'}</w:body></w:document>"
    parts["word/document.xml"] = document.encode()
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{_REL}/{t}" Target="{target}"/>' for i, t, target in rels)
        + "</Relationships>"
    ).encode()
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    ).encode()
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides)
        + "</Types>"
    ).encode()
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def paragraph(text: str, *, num: tuple[str, int] | None = None, style: str | None = None) -> str:
    """A body paragraph, numbered with (numId, ilvl) and/or in a style."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        properties += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')
