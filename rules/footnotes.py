"""FTN: footnotes. Markers without texts, texts without markers, numbering, ibid."""

from __future__ import annotations

import bisect

import regex

from unlint import Finding, hookimpl, rule
from unlint.patterns import compiled_on_use
from unlint.structure.footnotes import FootnoteMarker, FootnoteText

# What a footnote that "cites something" holds: a document symbol, a resolution,
# a record, a title in book-title marks, or a page/paragraph pointer.
_CITATION = compiled_on_use(regex.compile,
    r"[A-Z]{1,4}/[A-Z0-9.]+(?:/\S+)?|号决议|决定|《|第\s*\S+\s*[段条款页章节]|resolution|para\.|https?://"
)
_COVER_CONTEXT = compiled_on_use(regex.compile, r"临时议程|议程|provisional agenda|preliminary list|[A-Z]/\d")


#: How many numbers or ranges a message lists before it skips to the last ones.
_MAX_RUNS = 10


def _numbers(notes) -> str:
    # Runs are written as ranges and the list is cut short: 2,000 unmatched
    # markers must not each carry the list of every footnote.
    labels = sorted({n.number for n in notes if n.number is not None})
    if not labels:
        return "none"
    runs: list[str] = []
    start = previous = labels[0]
    for number in [*labels[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        runs.extend(map(str, range(start, previous + 1)) if previous - start < 2 else [f"{start}–{previous}"])
        if number is not None:
            start = previous = number
    if len(runs) > _MAX_RUNS:
        runs = [*runs[:_MAX_RUNS - 2], "…", *runs[-2:]]
        return f"{', '.join(runs)} ({len(labels)} texts)"
    return ", ".join(runs)


@rule("FTN001", "footnote-without-text", "A numbered footnote or table-note marker whose text is missing",
      severity="error")
def footnote_without_text(document, config):
    """## What it does
    Finds a numbered footnote marker (`情况通报会。957`, a line holding only
    `12` in PDF text, `[^3]`) for which the document holds no footnote text
    with that number, and a table-note letter (`成员、a 受邀者`) with no
    `a ...` note in a document that has table notes.

    ## Why is this bad?
    The reader follows the marker to the foot of the page and finds nothing: the
    source the sentence relies on is lost. It usually means a footnote was
    deleted in editing, or a marker was renumbered and its text was not.

    ## Example
    A marker `14` whose page has footnote texts 12, 13 and 15 only.

    ## Fix
    Restore the missing footnote text, or remove the marker. No automatic fix.
    """
    footnotes = document.footnotes
    if document.footnote_match.notes_left_out:
        return  # no footnote area in a text without masthead: Document.not_checked says so
    listed: dict[int | None, str] = {}  # the numbers of each block's texts, listed once, not per marker
    by_block: dict[int | None, list[FootnoteText]] = {}  # the numbered texts grouped in one pass, not per block
    for text in footnotes.texts:
        if text.number is not None:
            by_block.setdefault(text.block, []).append(text)
    for marker in document.footnote_match.unmatched_markers:
        if marker.label.isalpha():
            yield Finding(marker.start, marker.end, f"table note {marker.label} has no text under the table")
            continue
        if marker.number is None:
            continue
        block = _block_after(footnotes, marker)
        where = "on this page" if block is not None else "in this document"
        if block not in listed:
            listed[block] = _numbers(by_block.get(block, ()) if block is not None else footnotes.numbered_texts)
        yield Finding(
            marker.start,
            marker.end,
            f"footnote {marker.label} has no text; the footnote texts {where} are {listed[block]}",
        )


def _block_after(footnotes, marker: FootnoteMarker) -> int | None:
    """The separator block where the marker's page puts its notes: the first one after it.

    The separators are in line order: a bisection, not a scan per marker.
    """
    index = bisect.bisect_right(footnotes.separators, marker.line)
    return index if index < len(footnotes.separators) else None


@rule("FTN002", "footnote-text-without-marker", "A footnote text that no marker in the text points to",
      severity="error")
def footnote_text_without_marker(document, config):
    """## What it does
    Finds a footnote text (`957 关于会议形式……` after a separator line,
    `* A/73/150。`, `[^2]: ...`) whose number or asterisk appears nowhere in
    the running text as a marker. When numbered texts exist and not one
    numbered marker, the markers were lost with the text's conversion, not
    deleted: that is not checked, and the run says so (UNL004).

    ## Why is this bad?
    The note documents nothing: the sentence it belonged to lost its marker, so
    the reader cannot tell which statement the source supports.

    ## Example
    Footnote texts 957 and 958 with only the marker `957` in the text.

    ## Fix
    Put the marker back after the sentence the note supports, or delete the
    note. No automatic fix.
    """
    markers = document.footnotes.numbered_markers  # in text order, so in line order
    marker_lines = [m.line for m in markers]
    lost = document.footnote_match.markers_left_out  # Document.not_checked says so
    for text in document.footnote_match.unmatched_texts:
        if lost and text.number is not None:
            continue
        before = bisect.bisect_right(marker_lines, text.line)
        nearby = markers[max(0, before - 3):before]
        context = f"; the markers before it are {_numbers(nearby)}" if nearby else ""
        yield Finding(text.start, text.end, f"footnote text {text.label} has no marker in the text{context}")


@rule("FTN003", "footnote-numbering", "Footnote markers that skip, repeat or run backwards", severity="error")
def footnote_numbering(document, config):
    """## What it does
    Follows the numbered footnote markers in reading order and reports the first
    marker where the sequence breaks: a number skipped, a number used twice, a
    number lower than the one before, or one footnote renumbered out of line
    with its neighbours. Numbering may start anywhere (the Repertoire continues
    the volume's numbering, from 957 say).

    ## Why is this bad?
    The UN Editorial Manual asks editors to "check all indicator numbers against
    the footnotes to ensure that they correspond and that no numbers have been
    repeated incorrectly or skipped". A break means a note was added, removed
    or moved without renumbering the rest.

    ## Example
    Markers `1 2 5 4`: footnote 5 stands where 3 belongs.

    ## Fix
    Renumber the markers and their texts in order. No automatic fix: the texts
    must move with their markers.
    """
    for found in document.footnote_match.breaks:
        marker = found.marker
        if found.kind == "repeat" and found.earlier is not None:
            message = (f"footnote number {marker.label} is used again (first at line {found.earlier.line}); "
                       f"expected {found.expected}")
        elif found.kind == "backwards":
            message = f"footnote {marker.label} runs backwards; expected {found.expected}"
        elif found.kind == "out-of-sequence":
            message = f"footnote {marker.label} is out of sequence; expected {found.expected}"
        else:
            missing = f"{found.expected}" if int(marker.label) == found.expected + 1 else (
                f"{found.expected}-{int(marker.label) - 1}")
            message = f"footnote numbering skips from {found.expected - 1} to {marker.label}; {missing} missing"
        yield Finding(marker.start, marker.end, message)


@rule("FTN004", "ibid-without-antecedent", "同上/Ibid. with no earlier footnote that cites a source",
      severity="error")
def ibid_without_antecedent(document, config):
    """## What it does
    Finds a footnote reading `同上` or `Ibid.` whose preceding footnote
    cites no source: there is no note before it, or the one before is a list of
    speakers or an explanation. A run of `同上` is reported once, at its first note.

    ## Why is this bad?
    `同上` means "the same source as the note above". When the note above
    cites nothing, typically because notes were reordered or one was deleted,
    the reference is lost.

    ## Example
    `970 南非、尼日尔、突尼斯。` followed by `971 同上，第五段。`

    ## Fix
    Replace `同上` with the full reference. No automatic fix.
    """
    previous: FootnoteText | None = None
    source: FootnoteText | None = None
    for text in document.footnotes.numbered_texts:
        if text.is_ibid:
            continues_run = previous is not None and previous.is_ibid
            if not continues_run and (source is None or not _CITATION.search(source.content)):
                before = f"footnote {previous.label} before it cites no source" if previous else "no footnote before it"
                yield Finding(text.start, text.end, f"footnote {text.label} reads 同上/Ibid. but {before}")
        else:
            source = text
        previous = text


@rule("FTN005", "asterisk-without-note", "A cover-page or title asterisk with no asterisk note",
      severity="error")
def asterisk_without_note(document, config):
    """## What it does
    Finds an asterisk marker, such as `临时议程*` or `临时议程` with `**` on the
    next line, a reissued symbol `A/61/204–S/2006/590*` or a title ending in
    ` *`, for which the document has no note starting with the same asterisks.

    ## Why is this bad?
    The provisional agenda's asterisk must lead to the note giving the agenda's
    symbol (`* A/73/150。`); a symbol's asterisk to the reissue note. Without
    the note the reader cannot find the agenda the document is issued under.

    ## Example
    `临时议程` followed by a line `**` and no `**` note on the cover page.

    ## Fix
    Add the note, e.g. `** A/61/150。` for a provisional agenda. No automatic fix.
    """
    if document.footnote_match.notes_left_out:
        return  # no footnote area in a text without masthead: Document.not_checked says so
    notes = sorted({t.label for t in document.footnotes.texts if t.label.startswith("*")})
    for marker in document.footnote_match.unmatched_markers:
        if not marker.label.startswith("*"):
            continue
        context = document.line(marker.line).text
        if marker.line > 1:
            context = document.line(marker.line - 1).text + context
        what = "the provisional agenda's" if _COVER_CONTEXT.search(context) and "议程" in context else "the"
        existing = f"; the asterisk notes in this document are {', '.join(notes)}" if notes else "; the document has no asterisk notes"
        yield Finding(marker.start, marker.end, f"{what} {marker.label} marker has no {marker.label} note{existing}")


@hookimpl
def unlint_rules():
    return [
        footnote_without_text,
        footnote_text_without_marker,
        footnote_numbering,
        ibid_without_antecedent,
        asterisk_without_note,
    ]
