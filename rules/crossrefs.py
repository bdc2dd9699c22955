"""XRF: numbered paragraphs, references to them, the table of contents, sub-paragraph letters."""

from __future__ import annotations

import bisect

from unlint import Finding, hookimpl, rule
from unlint.structure.headings import label_value
from unlint.structure.paragraphs import BODY
from unlint.structure.crossrefs import InternalReference, ReferenceKind
from unlint.structure.toc import normalize


def _span(document, line: int, column: int = 1, length: int | None = None) -> tuple[int, int]:
    found = document.line(line)
    start = found.start + column - 1
    return start, (start + length if length is not None else found.end)


def _ranges(numbers: list[int]) -> str:
    """``1-11, 13`` for a sorted list of numbers."""
    runs: list[str] = []
    start = previous = None
    for number in numbers + [None]:
        if start is not None and number != previous + 1:
            runs.append(f"{start}-{previous}" if previous != start else f"{start}")
            start = None
        if start is None:
            start = number
        previous = number
    return ", ".join(runs)


@rule("XRF001", "paragraph-numbering", "Numbered paragraphs that skip or repeat a number", severity="error")
def paragraph_numbering(document, config):
    """## What it does
    Follows the numbered paragraphs (`10.`, `10．`) of the body and of each
    annex and appendix, where numbering restarts at 1, and reports a paragraph
    whose number is not one more than the paragraph before. Numbered
    sub-headings (`1. 自然灾害救灾工作`) are not paragraphs.

    ## Why is this bad?
    Paragraph numbers are how every language version, resolution and later
    report cites the text. A gap or a repeat means a paragraph was deleted or
    inserted without renumbering, and every reference after it may be wrong.

    ## Example
    `11.` followed by `13.`: paragraph 12 is missing.

    ## Fix
    Renumber the paragraphs, then check the references to them. No automatic
    fix: references elsewhere must change too.
    """
    structure = document.paragraph_structure
    for part in structure.parts:
        previous = None
        seen: dict[int, int] = {}
        for paragraph in structure.in_part(part.label):
            expected = previous.number + 1 if previous else 1
            if paragraph.number != expected:
                where = "" if part.label == BODY else f" of {part.label}"
                if paragraph.number in seen:
                    message = (f"paragraph {paragraph.number}{where} repeats the number of line "
                               f"{seen[paragraph.number]}; expected {expected}")
                elif previous is None and part.label == BODY and structure.starts_inside:
                    # The text may start inside a document (Document.not_checked says so).
                    seen[paragraph.number], previous = paragraph.line, paragraph
                    continue
                elif previous is None:
                    message = f"the first numbered paragraph{where} is {paragraph.number}; expected 1"
                else:
                    message = (f"paragraph {paragraph.number}{where} follows paragraph {previous.number}; "
                               f"expected {expected}")
                yield Finding(*_span(document, paragraph.line, paragraph.column, len(str(paragraph.number))),
                              message)
            seen.setdefault(paragraph.number, paragraph.line)
            previous = paragraph


def _part_finder(document):
    """``offset -> label`` of the part (body, annex...) holding an offset: the last part starting at or before it.

    The parts are in line order; a bisection instead of a scan per reference keeps the rule linear.
    """
    parts = document.paragraph_structure.parts
    starts = [part.line for part in parts]

    def part_of(offset: int) -> str:
        index = bisect.bisect_right(starts, document.line_index(offset) + 1) - 1
        return parts[index].label if index >= 0 else BODY

    return part_of


@rule("XRF002", "dangling-paragraph-reference", "A reference to a paragraph of this document that does not exist",
      severity="error")
def dangling_paragraph_reference(document, config):
    """## What it does
    Resolves references to the document's own paragraphs (`参见上文第 20 至 26
    段`, `列于第 11 段`, `paragraph 12 above`) against the numbered paragraphs
    of the part (body, annex, appendix) the reference is in, and reports a
    number that is not there, or one said to be above (上文) that is below.
    A paragraph of a resolution or of another document (`第 1631（2005）号决议
    第 3 段`, `A/47/277，第 64 段`) is not checked.

    ## Why is this bad?
    "Internal cross-references should be carefully checked in the final draft,
    as the paragraph numbers may have changed" (UN instructions for the
    preparation of documents). A dangling reference sends the reader nowhere.

    ## Example
    `参见上文第 120 段` in a report whose paragraphs run 1-101.

    ## Fix
    Point the reference at the paragraph meant. No automatic fix.
    """
    structure = document.paragraph_structure
    part_of = _part_finder(document)
    tables: dict[str, dict] = {}  # each part's paragraphs by number, built once, not per reference
    for reference in document.internal_references:
        if reference.kind is not ReferenceKind.PARAGRAPH:
            continue
        part = part_of(reference.start)
        if part not in tables:
            tables[part] = {p.number: p for p in structure.in_part(part)}
        paragraphs = tables[part]
        if not paragraphs:
            continue
        first = min(paragraphs)
        if part == BODY and structure.starts_inside:
            # Paragraphs before the first one of the text may exist in the part the text lacks.
            targets = [n for n in map(int, reference.targets) if n >= first]
        else:
            targets = list(map(int, reference.targets))
        missing = [n for n in targets if n not in paragraphs]
        where = "this document" if part == BODY else part
        if missing:
            yield Finding(reference.start, reference.end,
                          f"paragraph {_ranges(missing)} does not exist; the paragraphs of {where} are "
                          f"{_ranges(sorted(paragraphs))}")
            continue
        if message := _direction_problem(document, reference, paragraphs):
            yield Finding(reference.start, reference.end, message)


def _direction_problem(document, reference: InternalReference, paragraphs) -> str | None:
    line = document.line_index(reference.start) + 1
    for number in (n for n in map(int, reference.targets) if n in paragraphs):
        target = paragraphs[number].line
        if reference.direction == "above" and target > line:
            return f"paragraph {number} is said to be above but is below (line {target})"
        if reference.direction == "below" and target < line:
            return f"paragraph {number} is said to be below but is above (line {target})"
    return None


@rule("XRF003", "dangling-section-reference",
      "A reference to a chapter, section, annex or appendix of this document that does not exist", severity="error")
def dangling_section_reference(document, config):
    """## What it does
    Resolves `本报告第二节D部分`, `上文第二和第三节`, `本报告 E 节`, `见附件一`,
    `(附件二)`, `section IV of the present report` and `annex II to the
    present report` against the document's chapter headings (`二. ...`),
    lettered section headings (`D. ...`) and annex and appendix headings.

    ## Why is this bad?
    A reference to a chapter or annex that is not there usually survives from
    an earlier draft that had one more chapter, or the annexes were renumbered.

    ## Example
    `见附件三` in a letter with annexes 一 and 二.

    ## Fix
    Point the reference at the part meant. No automatic fix.
    """
    chapters = {h.label for h in document.headings if h.level == 1}
    sections = {(h.chapter, h.label) for h in document.headings if h.level == 2}
    parts = [p.label for p in document.paragraph_structure.parts if p.label != BODY]
    for reference in document.internal_references:
        message = None
        if reference.kind is ReferenceKind.CHAPTER and chapters:
            missing = [c for c in reference.targets if c not in chapters]
            if missing:
                message = f"chapter {'、'.join(missing)} does not exist; the chapters are {'、'.join(_ordered(chapters))}"
        elif reference.kind is ReferenceKind.SECTION and sections:
            message = _section_problem(reference, sections)
        elif reference.kind is ReferenceKind.ANNEX:
            label = reference.targets[0]
            if not any(p == label or (p.startswith(label) and label in {"附件", "附录", "Annex", "Appendix"})
                       for p in parts):
                known = "、".join(parts) if parts else "none"
                message = f"{label} does not exist; the annexes and appendices of this document are {known}"
        if message:
            yield Finding(reference.start, reference.end, message)


def _ordered(labels) -> list[str]:
    return sorted(labels, key=label_value)


def _section_problem(reference: InternalReference, sections: set[tuple[str, str]]) -> str | None:
    letter = reference.targets[0]
    if reference.chapter:
        if (reference.chapter, letter) in sections:
            return None
        inside = sorted(s for c, s in sections if c == reference.chapter)
        return (f"chapter {reference.chapter} has no section {letter}; its sections are "
                f"{', '.join(inside) if inside else 'none'}")
    if any(s == letter for _, s in sections):
        return None
    return f"no section {letter} exists; the sections are {', '.join(sorted({s for _, s in sections}))}"


@rule("XRF004", "toc-entry-without-heading", "A table-of-contents entry that matches no heading", severity="warning")
def toc_entry_without_heading(document, config):
    """## What it does
    Matches each entry of the table of contents (`目录`, `Contents`) with a
    heading after it, comparing the words (numbering, page numbers, spaces,
    punctuation and footnote markers aside), and reports an entry that matches
    none, naming the heading with the same number when there is one. A
    contents without page numbers whose end is not sure is not checked, and
    the run says so (UNL004).

    ## Why is this bad?
    The contents is how readers find their way; an entry whose heading was
    retitled or removed misleads them, and shows the contents was not
    regenerated after the last edit.

    ## Example
    Contents `一. 导言` while the chapter is headed `一. 引言`.

    ## Fix
    Regenerate the contents, or make the entry and the heading agree. No
    automatic fix: which of the two is right is an editor's decision.
    """
    toc = document.toc
    if toc is None or not toc.sure:
        return  # an unsure contents block: Document.not_checked says so
    chapters = {h.label: h for h in document.headings if h.level == 1}
    for entry in toc.entries:
        if entry.target is not None:
            continue
        shown = f"{entry.label}. {entry.title}" if entry.label else entry.title
        heading = chapters.get(entry.label or "")
        detail = (f"; chapter {heading.label} is headed '{heading.label}. {heading.title}' (line {heading.line})"
                  if heading else "")
        yield Finding(*_span(document, entry.line), f"contents entry '{shown}' matches no heading{detail}")


@rule("XRF005", "heading-missing-from-toc", "A chapter heading that the table of contents leaves out",
      severity="warning")
def heading_missing_from_toc(document, config):
    """## What it does
    Reports a chapter heading (`三. ...`, `III. ...`) of a document that has
    a table of contents when no entry of the contents names it, either by its
    words or by its chapter number. Chapters after the first annex or appendix
    heading are left alone: an annex numbers its own chapters, and the main
    contents names the annex, not its chapters.

    ## Why is this bad?
    A chapter added after the contents was made is invisible to a reader who
    navigates by the contents.

    ## Example
    Contents listing chapters 一, 二 and 四 while the text also has `三. ...`.

    ## Fix
    Regenerate the contents. No automatic fix.
    """
    toc = document.toc
    if toc is None or not toc.sure:
        return  # an unsure contents block: Document.not_checked says so
    titles = {normalize(e.title) for e in toc.entries}
    labels = {e.label for e in toc.entries if e.label}
    annexes_from = _first_annex_line(document)
    for heading in document.headings:
        if heading.level != 1 or heading.label in labels or normalize(heading.title) in titles:
            continue
        if heading.line > annexes_from:
            # An annex numbers its own chapters; the contents names the annex, not its chapters.
            continue
        yield Finding(*_span(document, heading.line),
                      f"chapter '{heading.label}. {heading.title}' is not in the table of contents (line {toc.line})")


def _first_annex_line(document) -> float:
    """The line of the first annex or appendix heading; infinity when the document has none."""
    parts = document.paragraph_structure.parts
    return next((part.line for part in parts if part.label != BODY), float("inf"))


@rule("XRF006", "subparagraph-letters", "Lettered sub-paragraphs (a), (b), ... that skip or repeat a letter",
      severity="error")
def subparagraph_letters(document, config):
    """## What it does
    Follows the lettered sub-paragraphs `(a)`, `(b)`, ... at the start of
    lines; a list starts again at `(a)`. Reports a letter that is not the one
    after the previous item: a skipped or repeated letter. An item more than
    40 lines below the one before, or past a table, is not compared: lettered
    rows of different tables, or a list whose start is not in the text.

    ## Why is this bad?
    Sub-paragraphs are cited as "paragraph 94 (c)"; a gap or a repeat makes
    such citations ambiguous, and usually means an item was deleted or added.

    ## Example
    `(a) ... (b) ... (d) ...`: (c) is missing.

    ## Fix
    Re-letter the list. No automatic fix: citations of the items may change.
    """
    previous = None
    for item in document.lettered_items:
        if not item.continues:
            # Far from the item before, or past a table: another list, whose start may not be
            # in this text (a table's rows, a text that starts mid-list). Not compared.
            previous = item
            continue
        if item.letter != "a" and previous is not None and ord(item.letter) != ord(previous.letter) + 1:
            expected = chr(ord(previous.letter) + 1)
            problem = "repeats" if item.letter == previous.letter else "follows"
            yield Finding(*_span(document, item.line, item.column, 3),
                          f"sub-paragraph ({item.letter}) {problem} ({previous.letter}) at line {previous.line}; "
                          f"expected ({expected})")
        previous = item


@hookimpl
def unlint_rules():
    return [
        paragraph_numbering,
        dangling_paragraph_reference,
        dangling_section_reference,
        toc_entry_without_heading,
        heading_missing_from_toc,
        subparagraph_letters,
    ]
