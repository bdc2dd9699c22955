"""Real .docx and .pdf files built from corpus text, for the Word and PDF reader tests.

The corpus text in the PDF layout (markers on lines of their own, notes after
a ``____`` line) is read into pages of body lines and notes; from those pages
the builders write a Word document with real footnotes (footnotes part,
relationship, content type) and a PDF with superscript indicators and a
footnote rule, and ``*_layout`` gives the text each reader should produce.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

_SEPARATOR = regex.compile(r"_{5,}")
_LABEL = regex.compile(r"\d{1,3}|\*{1,3}")
PDF_SEPARATOR = "__________________"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class BodyLine:
    text: str
    markers: list[str] = field(default_factory=list)


@dataclass
class Note:
    label: str
    content: str


@dataclass
class Page:
    lines: list[BodyLine] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def pdf_layout_pages(text: str) -> list[Page]:
    """Read corpus text in the PDF layout into pages (a page ends after its notes)."""
    raw = text.split("\n")
    pages = [Page()]
    in_notes = after_blank = after_note = False
    index = 0
    while index < len(raw):
        line = raw[index].strip()
        index += 1
        page = pages[-1]
        if not line:
            after_blank = True
            continue
        following = raw[index].strip() if index < len(raw) else ""
        if _SEPARATOR.fullmatch(line):
            in_notes, after_blank, after_note = True, True, False
        elif _LABEL.fullmatch(line) and not after_blank and page.lines and not after_note:
            page.lines[-1].markers.append(line)
        elif (_LABEL.fullmatch(line) and after_blank and following and not _LABEL.fullmatch(following)
              and (in_notes or line.startswith("*"))):
            page.notes.append(Note(line, following))
            in_notes, after_blank, after_note = True, False, True
            index += 1
        else:
            if in_notes and page.notes:
                pages.append(Page())
                in_notes = False
            pages[-1].lines.append(BodyLine(line))
            after_blank = after_note = False
    return [page for page in pages if page.lines or page.notes]


#: Characters the fixture font (STSong-Light through UniGB-UCS2-H) cannot show, and stand-ins;
#: a PDF has no tab character (a tab is a gap), so tabs are drawn as spaces.
_NOT_IN_FONT = str.maketrans({"•": "-", "·": "-", "\t": "    "})


def drawable(pages: list[Page]) -> list[Page]:
    """``pages`` with the characters the fixture font lacks replaced, so the PDF holds all the text."""
    return [
        Page([BodyLine(line.text.translate(_NOT_IN_FONT), line.markers) for line in page.lines],
             [Note(note.label, note.content.translate(_NOT_IN_FONT)) for note in page.notes])
        for page in pages
    ]


def pdf_layout(pages: list[Page]) -> str:
    """The text the PDF reader should give for a PDF built from ``pages``."""
    texts = []
    for page in pages:
        # A full-size number on a line of its own (a page number) comes after a blank line.
        lines = [part for line in page.lines
                 for part in ([""] if _LABEL.fullmatch(line.text) else []) + [line.text, *line.markers]]
        if page.notes:
            lines.append(PDF_SEPARATOR)
            lines += [part for note in page.notes for part in ("", note.label, note.content)]
        texts.append("\n".join(lines))
    return "\n\n".join(texts) + "\n"


# -- PDF ----------------------------------------------------------------------

FONT = "STSong-Light"
BODY_SIZE, NOTE_SIZE, LABEL_SIZE = 10.5, 9.0, 6.0
MARGIN, LEADING = 40.0, 14.0


def build_pdf(pages: list[Page], path: Path) -> Path:
    """A PDF with the pages' Chinese text in reportlab's built-in CID font, notes under a rule."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width = max(pdfmetrics.stringWidth(line.text, FONT, BODY_SIZE) for page in pages for line in page.lines) + 120
    pdf = canvas.Canvas(str(path))
    for page in pages:
        height = 2 * MARGIN + LEADING * (len(page.lines) + len(page.notes) + 2)
        pdf.setPageSize((width, height))
        y = height - MARGIN
        for line in page.lines:
            _draw(pdf, MARGIN, y, line.text, BODY_SIZE, pdfmetrics)
            x = MARGIN + pdfmetrics.stringWidth(line.text, FONT, BODY_SIZE)
            x = _superscripts(pdf, x, y + 4, line.markers, pdfmetrics)
            y -= LEADING
        if page.notes:
            y -= LEADING
            pdf.line(MARGIN, y + NOTE_SIZE + 4, MARGIN + 144, y + NOTE_SIZE + 4)
            for note in page.notes:
                _superscripts(pdf, MARGIN, y + 3.5, [note.label], pdfmetrics)
                _draw(pdf, MARGIN + 14, y, note.content, NOTE_SIZE, pdfmetrics)
                y -= LEADING - 1
        pdf.showPage()
    pdf.save()
    return path


def _draw(pdf, x: float, y: float, text: str, size: float, pdfmetrics) -> None:
    pdf.setFont(FONT, size)
    pdf.drawString(x, y, text)


def _superscripts(pdf, x: float, y: float, labels: list[str], pdfmetrics) -> float:
    for number, label in enumerate(labels):
        text = ("," if number else "") + label
        _draw(pdf, x, y, text, LABEL_SIZE, pdfmetrics)
        x += pdfmetrics.stringWidth(text, FONT, LABEL_SIZE)
    return x


# -- Word ---------------------------------------------------------------------


@dataclass
class WordNote:
    """A footnote of the built document: ``number`` is None for a custom mark (``*``)."""

    content: str
    mark: str | None = None
    referenced: bool = True


@dataclass
class WordDocument:
    """Paragraphs as runs of text and footnote references (index into ``notes``)."""

    paragraphs: list[list[str | int]]
    notes: list[WordNote]


def word_from_pages(pages: list[Page], drop_reference: str | None = None) -> WordDocument:
    """Body lines become paragraphs, notes footnotes; markers refer to the note with their label.

    ``drop_reference``: the label of one numbered note whose reference is left
    out, so that its footnote has no reference.
    """
    notes = [WordNote(n.content, None if n.label.isdigit() else n.label) for page in pages for n in page.notes]
    labels = [n.label for page in pages for n in page.notes]
    used: set[int] = set()
    paragraphs: list[list[str | int]] = []
    for line in (line for page in pages for line in page.lines):
        if _LABEL.fullmatch(line.text) and not line.markers:
            continue  # a page number: Word keeps it in the page footer, which is not read
        runs: list[str | int] = [line.text]
        for marker in line.markers:
            target = next((i for i, label in enumerate(labels) if label == marker and i not in used), None)
            if target is None:
                if not marker.isdigit():
                    runs.append(marker)  # a typed asterisk with no note
                continue  # Word has no reference without a footnote
            used.add(target)
            if marker == drop_reference:
                notes[target].referenced = False
                continue
            runs.append(target)
        paragraphs.append(runs)
    for index, note in enumerate(notes):
        note.referenced = note.referenced and index in used
    return WordDocument(paragraphs, notes)


def word_from_markdown(text: str) -> WordDocument:
    """A Word export in the Markdown layout: ``[^3]`` references, ``[^3]: text`` notes at the end."""
    note_line = regex.compile(r"\[\^(\d+)\]:\s*(.*)")
    lines = text.rstrip("\n").split("\n")
    first_note = next(i for i, line in enumerate(lines) if note_line.fullmatch(line))
    order = {m[1]: i for i, line in enumerate(lines[first_note:]) if (m := note_line.fullmatch(line))}
    notes = [WordNote(note_line.fullmatch(line)[2]) for line in lines[first_note:]]
    paragraphs: list[list[str | int]] = []
    for line in lines[:first_note]:
        runs: list[str | int] = []
        for number, piece in enumerate(regex.split(r"\[\^(\d+)\]", line)):
            runs.append(order[piece] if number % 2 else piece)
        paragraphs.append(runs)
    while paragraphs and paragraphs[-1] == [""]:
        paragraphs.pop()
    return WordDocument(paragraphs, notes)


def word_layout(document: WordDocument) -> str:
    """The text the Word reader should give for ``build_docx(document)``."""
    numbers: dict[int, int] = {}
    for index, note in enumerate(document.notes):
        if note.mark is None:
            numbers[index] = len(numbers) + 1

    def run_text(run: str | int) -> str:
        if isinstance(run, str):
            return run
        note = document.notes[run]
        return note.mark if note.mark is not None else f"[^{numbers[run]}]"

    body = ["".join(run_text(r) for r in paragraph) for paragraph in document.paragraphs]
    notes = [f"{n.mark} {n.content}" if n.mark else f"[^{numbers[i]}]: {n.content}"
             for i, n in enumerate(document.notes)]
    return "\n".join(body) + ("\n\n" + "\n".join(notes) if notes else "") + "\n"


def build_docx(document: WordDocument, path: Path) -> Path:
    """A .docx with real footnotes: references in the runs, notes in word/footnotes.xml."""
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    word = docx.Document()
    for paragraph_runs in document.paragraphs:
        paragraph = word.add_paragraph()
        for run in paragraph_runs:
            if isinstance(run, str):
                paragraph.add_run(run)
            else:
                paragraph._p.append(parse_xml(_reference_xml(run + 1, document.notes[run].mark)))
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, _footnotes_xml(document.notes),
                word.part.package)
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    word.save(str(path))
    return path


def _reference_xml(note_id: int, mark: str | None) -> str:
    custom = f' w:customMarkFollows="1"' if mark else ""
    text = f"<w:t>{mark}</w:t>" if mark else ""
    return (f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference{custom} w:id="{note_id}"/>{text}</w:r>')


def _footnotes_xml(notes: list[WordNote]) -> bytes:
    from xml.sax.saxutils import escape

    parts = [
        f'<w:footnotes xmlns:w="{W_NS}">',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:footnote>',
    ]
    for index, note in enumerate(notes):
        mark = (f"<w:r><w:t>{escape(note.mark)}</w:t></w:r><w:r><w:tab/></w:r>" if note.mark
                else '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     '<w:r><w:t xml:space="preserve"> </w:t></w:r>')
        parts.append(f'<w:footnote w:id="{index + 1}"><w:p>{mark}'
                     f'<w:r><w:t xml:space="preserve">{escape(note.content)}</w:t></w:r></w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")
