"""RES: resolution references (``安全理事会第 1809(2008)号决议``, ``resolution 58/316``).

Every rule reads ``document.references.citations``: the references are
found and parsed once, by the grammar in grammars/resolution.lark.
"""

from __future__ import annotations

from collections.abc import Iterator

from unlint import Finding, Fix, hookimpl, rule
from unlint.diagnostics import Severity
from unlint.references import IssueKind, Organ, ResolutionReference

from .dating import latest_session_with_resolutions
from .refdata import sc_adoption_table


@rule("RES001", "malformed-resolution-reference", "A resolution reference that does not parse or lacks 第",
      severity=Severity.ERROR)
def malformed_resolution_reference(document, config) -> Iterator[Finding]:
    """## What it does
    Reports text that looks like a resolution or decision reference but does
    not parse (`第 1325（2O00）号决议`, `resolution 1325 (200)`), and Chinese
    references whose first number is not introduced by `第`
    (`安理会在其 1631（2005）号决议`). A special-session number needs no `第`
    (`大会S-30/1号决议` is written so in edited documents), and a number after
    a dot belongs to another body (`第62.14号决议`: WHA62.14) and is not read.

    ## Why is this bad?
    A reference the reader cannot parse cannot be looked up; UN Chinese
    style writes every resolution number as `第…号`.

    ## Example
    ```text
    安理会在其 1631（2005）号决议中表示决心
    ```
    Use instead:
    ```text
    安理会在其第 1631（2005）号决议中表示决心
    ```

    ## Fix
    None offered: a reference that does not parse needs a person to read it.
    """
    references = document.references
    for unparsed in references.unparsed:
        if unparsed.kind == "resolution":
            yield Finding(unparsed.start, unparsed.end, f"malformed resolution reference {unparsed.text!r}")
    for citation in references.citations:
        for issue in citation.issues:
            if issue.kind is IssueKind.MISSING_DI:
                # A style slip, not an unreadable reference.
                yield Finding(citation.start, citation.end, issue.message, severity=Severity.WARNING)


def _issue_findings(document, kind: IssueKind) -> Iterator[Finding]:
    for citation in document.references.citations:
        for issue in citation.issues:
            if issue.kind is kind:
                fix = Fix.replace(issue.start, issue.end, issue.replacement, safe=issue.safe)
                yield Finding(_slip_line_start(document.text, citation.start, issue.start), citation.end,
                              issue.message, fix)


def _slip_line_start(text: str, start: int, slip: int) -> int:
    """Where a finding on a slip starts: the citation's start, or the start of the slip's
    line when the citation runs over a line break (the finding is on the slip's line)."""
    return max(start, text.rfind("\n", start, slip) + 1)


@rule("RES002", "resolution-bracket-mismatch", "A fullwidth bracket closed by a halfwidth one, or the reverse",
      fix="safe")
def resolution_bracket_mismatch(document, config) -> Iterator[Finding]:
    """## What it does
    Reports the year or session bracket of a resolution number that opens
    with one width and closes with the other: `第 1325（2000)号决议`.

    ## Why is this bad?
    A mixed pair is a typing slip; it looks unbalanced in print and breaks
    searches for the reference.

    ## Example
    ```text
    安全理事会第 1373（2001)号决议
    ```
    Use instead:
    ```text
    安全理事会第 1373（2001）号决议
    ```

    ## Fix
    Safe: the closing bracket is replaced by the one matching the opening bracket.
    """
    yield from _issue_findings(document, IssueKind.BRACKET_MISMATCH)


@rule("RES003", "resolution-missing-hao", "A Chinese resolution or decision number without 号", fix="safe")
def resolution_missing_hao(document, config) -> Iterator[Finding]:
    """## What it does
    Reports a resolution or decision number in a Chinese reference that
    should close with `号` and does not. One `第` and one `号` may cover a
    whole list (`第70/291、71/291和72/284号决议`); each `第` opens such a run
    and the run closes with `号`. So a number lacks its `号` when it ends a
    run: before `决议`/`决定` (`安全理事会第 1631（2005）决议`), or before an item
    with its own `第` (`第 1540（2004）和第 1673（2006）号决议`). Every item
    written the same way gets the same finding.

    ## Why is this bad?
    UN Chinese style writes a resolution number as `第…号`; where `第` is
    repeated for each item, `号` is too (`第 1540（2004）号和第 1673（2006）号决议`).

    ## Example
    ```text
    安全理事会第 1631（2005）决议第 4段
    ```
    Use instead:
    ```text
    安全理事会第 1631（2005）号决议第 4段
    ```

    ## Fix
    Safe before `决议`/`决定`: `号` is inserted after the number. Inside a
    list the fix (inserting `号`) is unsafe: dropping the next item's `第`
    mends the slip as well.
    """
    yield from _issue_findings(document, IssueKind.MISSING_HAO)


def _security_council_years(document) -> Iterator[tuple[int, int, int, int]]:
    """``(start, end, number, year)`` of every Security Council resolution cited with its year."""
    for reference in document.references.resolutions:
        if reference.organ is Organ.SECURITY_COUNCIL and reference.year is not None:
            yield reference.start, reference.end, reference.number, reference.year
    for symbol in document.references.symbols:
        for part in symbol.parts:
            if part.series == "S" and part.kind == "RES" and part.number and part.resolution_year:
                yield symbol.start, symbol.end, part.number, part.resolution_year


@rule("RES004", "resolution-year-mismatch", "A Security Council resolution cited with the wrong year",
      severity=Severity.ERROR)
def resolution_year_mismatch(document, config) -> Iterator[Finding]:
    """## What it does
    Checks the year written after a Security Council resolution number
    against the year the Council adopted it, from an adoption table shipped
    with unlint (rules/data/sc-resolutions-by-year.csv: first and last number
    of every year since 1946). `1809(2008)` is right; `1809(2006)` is wrong.
    Numbers beyond the table are checked only against the first year they
    can belong to.

    ## Why is this bad?
    Number and year together identify the resolution; when they disagree the
    reader cannot tell which resolution is meant.

    ## Example
    ```text
    安全理事会第 1809(2006)号决议
    ```
    Use instead:
    ```text
    安全理事会第 1809(2008)号决议
    ```

    ## Fix
    None: the number may be the wrong half.
    """
    table = sc_adoption_table()
    for start, end, number, year in _security_council_years(document):
        adopted = table.year_of(number)
        if adopted is not None and adopted != year:
            yield Finding(start, end, f"Security Council resolution {number} was adopted in {adopted}, not {year}")
        elif adopted is None and year < table.earliest_year_of(number):
            yield Finding(start, end, f"Security Council resolution {number} was adopted in "
                                      f"{table.earliest_year_of(number)} or later, not {year}")


@rule("RES005", "resolution-after-document-date", "A resolution later than the document's date")
def resolution_after_document_date(document, config) -> Iterator[Finding]:
    """## What it does
    Reports a resolution or decision that cannot have been adopted by the document's
    date: a Security Council or Economic and Social Council year later than
    the date's year, a Security Council number beyond the last one adopted
    by then, or a General Assembly session that had not opened. Silent when
    the document's date is unknown.

    ## Why is this bad?
    A document cannot cite a resolution adopted after it was written: the
    number or the year is mistyped.

    ## Example
    In a report dated 17 August 2018:
    ```text
    大会第 75/316 号决议
    ```
    Use instead the resolution meant, e.g. `大会第 58/316 号决议`.

    ## Fix
    None: the right resolution has to be looked up.

    ## Options
    - `document-date` (`--document-date YYYY-MM-DD`): the date to check against when the
      masthead gives none, or a wrong one.
    """
    date = document.date
    if date is None:
        return
    last_session = latest_session_with_resolutions(date)
    last_number = sc_adoption_table().last_number_by(date.year)
    for citation in document.references.citations:
        for reference in citation.items:
            message = _future_reference(reference, citation.kind, date, last_session, last_number)
            if message:
                yield Finding(reference.start, reference.end, message)


def _future_reference(reference: ResolutionReference, kind: str, date, last_session: int,
                      last_number: int | None) -> str | None:
    when = date.isoformat()
    if reference.year is not None and reference.year > date.year:
        return f"{kind} {reference.text}: the year {reference.year} is later than the document's date ({when})"
    if (reference.organ is Organ.SECURITY_COUNCIL and last_number is not None
            and reference.number > last_number):
        return (f"Security Council resolution {reference.number} had not been adopted by the document's date "
                f"({when}; the last by then was {last_number})")
    if (reference.organ is Organ.GENERAL_ASSEMBLY and isinstance(reference.session, int)
            and reference.session > last_session):
        return (f"General Assembly {kind} {reference.session}/{reference.number}: session {reference.session} "
                f"had not opened by the document's date ({when})")
    return None


@rule("RES006", "inconsistent-resolution-year", "One resolution cited with two different years or sessions")
def inconsistent_resolution_year(document, config) -> Iterator[Finding]:
    """## What it does
    Reports a Security Council resolution cited in one document with two
    different years (`1631（2005）` in one place, `1631（2006）` in another),
    or an early General Assembly resolution with two different sessions
    (`1514 (XV)` and `1514 (XVI)`), at each citation that differs from the first.

    ## Why is this bad?
    At most one of the two can be right; the reader cannot tell which
    resolution is meant.

    ## Example
    ```text
    安全理事会第 1631（2005）号决议 ... 安全理事会第 1631（2006）号决议
    ```
    Use one year, the year of adoption, everywhere.

    ## Fix
    None: which citation is right has to be looked up.
    """
    first_cited: dict[tuple, tuple[object, int]] = {}
    for start, end, key, written in sorted(_dated_citations(document), key=lambda c: c[0]):
        if key not in first_cited:
            first_cited[key] = (written, start)
        elif first_cited[key][0] != written:
            earlier, where = first_cited[key]
            yield Finding(start, end, f"resolution {key[1]} is cited here with {written} and on line "
                                      f"{document.position(where).line} with {earlier}")


def _dated_citations(document) -> Iterator[tuple[int, int, tuple, object]]:
    """``(start, end, (organ, number), year or session)`` of each resolution whose number alone identifies it."""
    for start, end, number, year in _security_council_years(document):
        yield start, end, (Organ.SECURITY_COUNCIL, number), year
    for reference in document.references.resolutions:
        # Until the 30th session, General Assembly resolutions were numbered
        # consecutively, the session in roman numerals after the number: 1514 (XV).
        # The organ is often not named (ECOSOC numbered so too): the number and the form identify it.
        if reference.roman_session and reference.organ in (Organ.GENERAL_ASSEMBLY, None):
            yield reference.start, reference.end, ("roman", reference.number), reference.roman_session


@hookimpl
def unlint_rules():
    return [
        malformed_resolution_reference, resolution_bracket_mismatch, resolution_missing_hao,
        resolution_year_mismatch, resolution_after_document_date, inconsistent_resolution_year,
    ]
