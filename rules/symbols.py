"""SYM: document symbols (``A/73/150``, ``S/2016/621``, ``A/61/204–S/2006/590*``).

Every rule reads ``document.references.symbols``: the symbols are found and
parsed once, by the grammar in grammars/symbol.lark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from unlint import Finding, hookimpl, rule
from unlint.diagnostics import Severity, shorten
from unlint.patterns import compiled_on_use
from unlint.references import DocumentSymbol, SymbolPart
from unlint.text import EN_DATE, ZH_DATE

from .dating import latest_session_with_documents
from .refdata import known_series

#: General Assembly bodies whose symbols carry the Assembly's own session (A/C.3/78/L.60).
_ASSEMBLY_SESSION_BODIES = compiled_on_use(regex.compile, r"C\.\d|BUR|INF")


@rule("SYM001", "malformed-symbol", "A document symbol that does not parse or is wrong for its series",
      severity=Severity.ERROR)
def malformed_symbol(document, config) -> Iterator[Finding]:
    """## What it does
    Reports text that looks like a document symbol but does not parse
    (`A/60//341`, `S/2O17/744`), and symbols that parse but break the rules
    of their series: Security Council symbols since 1994 and presidential
    statements carry a four-digit year (`S/95/12`, `S/PRST/13/12`).

    ## Why is this bad?
    A malformed symbol cannot be looked up: the reader is sent nowhere, or to
    another document.

    ## Example
    ```text
    见 A/47/277-S/24/16，第 62 段。
    ```
    Use instead:
    ```text
    见 A/47/277-S/24111，第 62 段。
    ```

    ## Fix
    None: the right symbol has to be looked up.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    references = document.references
    for unparsed in references.unparsed:
        if unparsed.kind == "symbol":
            yield Finding(unparsed.start, unparsed.end, f"malformed document symbol: {unparsed.reason}")
    for symbol in references.symbols:
        # One finding per distinct problem: a chain of like parts has the same problem many times.
        for problem in dict.fromkeys(symbol.problems):
            yield Finding(symbol.start, symbol.end, f"malformed document symbol {shorten(symbol.text)!r}: {problem}")


@rule("SYM002", "symbol-after-document-date", "A symbol's year or session is later than the document's date")
def symbol_after_document_date(document, config) -> Iterator[Finding]:
    """## What it does
    Reports a symbol whose year (`S/2026/780`) is later than the year of the
    document's date, or whose General Assembly session (`A/79/160`) cannot
    have had documents yet: a document may cite the coming session's papers
    (preliminary lists are issued months ahead), not later ones. Silent when
    the document's date is unknown (no masthead date and no `document-date`).

    ## Why is this bad?
    A document cannot cite what did not exist when it was written: the
    symbol is mistyped.

    ## Example
    In a report dated 17 August 2018:
    ```text
    年度报告(S/2016/780、S/2017/744 和 S/2028/678)
    ```
    Use instead `S/2018/678`.

    ## Fix
    None: the right symbol has to be looked up.

    ## Options
    - `document-date` (`--document-date YYYY-MM-DD`): the date to check against when the
      masthead gives none, or a wrong one.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    date = document.date
    if date is None:
        return
    for symbol in document.references.symbols:
        for part in symbol.parts:
            message = _future_part(part, date)
            if message:
                yield Finding(symbol.start, symbol.end, message)


def _future_part(part: SymbolPart, date: dt.date) -> str | None:
    for year in (part.year, part.resolution_year):
        if year is not None and not part.problems and year > date.year:
            return f"{part.text}: year {year} is later than the document's date ({date.isoformat()})"
    if (part.series == "A" and isinstance(part.session, int)
            and all(_ASSEMBLY_SESSION_BODIES.fullmatch(body) for body in part.bodies)
            and part.session > latest_session_with_documents(date)):
        return (f"{part.text}: General Assembly session {part.session} had no documents "
                f"by the document's date ({date.isoformat()})")
    return None


#: A date, then words ending in the paper's name, then the symbol's bracket:
#: "2020 年 1 月 9 日的信(", "2013 年 8 月 6 日主席声明(", "letter dated 9 January 2020 (".
#: A date that ends a period ("截至 2019 年 6 月 30 日的期间(") is not the paper's date.
_ZH_PAPER = r"[^\d\s()（）。，,;；：:]{0,10}?(?:信|函|照会|报告|说明|声明|备忘录)"
_EN_PAPER = r"(?:[Ll]etter|[Nn]ote|[Rr]eport|[Ss]tatement|[Mm]emorandum)s?\s+(?:dated|of)\s+"
DATE_BEFORE_SYMBOL = compiled_on_use(regex.compile, rf"(?:{ZH_DATE}{_ZH_PAPER}|{_EN_PAPER}{EN_DATE})\s*[(（]\s*$")
_LOOKBACK = 60


@rule("SYM003", "symbol-year-disagrees-with-date", "A symbol's year disagrees with the date written beside it")
def symbol_year_disagrees_with_date(document, config) -> Iterator[Finding]:
    """## What it does
    Where a dated paper is cited with its symbol in brackets right after the
    date (`2020 年 1 月 9 日的信(S/2020/30)`, `2013 年 8 月 6 日主席声明(S/PRST/2013/12)`),
    checks that the year in the symbol is the year of the date. A paper dated
    in December may carry the next year's symbol, so that one case is allowed.

    ## Why is this bad?
    The date and the symbol point at two different papers; one of them is
    mistyped.

    ## Example
    ```text
    安理会面前有 2020 年 1 月 9 日的信(S/2019/30)所附的概念说明。
    ```
    Use instead `(S/2020/30)` (or correct the date).

    ## Fix
    None: which of the two is wrong has to be looked up.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    text = document.text
    for symbol in document.references.symbols:
        dated = [part for part in symbol.parts if part.year is not None and not part.problems]
        if not dated:
            continue
        match = DATE_BEFORE_SYMBOL.search(text, max(0, symbol.start - _LOOKBACK), symbol.start)
        if match is None:
            continue
        written = int(match["year"])
        for part in dated:
            if not _year_fits_date(part.year, written, match["month"]):
                yield Finding(symbol.start, symbol.end,
                              f"{part.text} has the year {part.year} but is cited beside the date "
                              f"{' '.join(match.group().split()).rstrip('(（ ')}")


def _year_fits_date(symbol_year: int, written_year: int, month: str) -> bool:
    if symbol_year == written_year:
        return True
    # A paper dated in December is often issued, and numbered, in January.
    return symbol_year == written_year + 1 and month in ("12", "December")


@rule("SYM004", "conflicting-joint-symbols", "One document cited under two different joint symbols")
def conflicting_joint_symbols(document, config) -> Iterator[Finding]:
    """## What it does
    A document submitted to two organs carries a joint symbol
    (`A/50/60-S/1995/1`). Reports a joint symbol that pairs one of its parts
    with a different partner than an earlier citation of the same document
    (`A/50/60-S/1995/1` in one place, `A/50/60-S/1995/7` in another).

    ## Why is this bad?
    One document has one symbol; two versions means one of them is
    mistyped and sends the reader to another document.

    ## Example
    ```text
    A/47/277-S/24111，第 64 段。
    ...
    A/47/277-S/24/16，第 62 段。
    ```
    Use `A/47/277-S/24111` in both places.

    ## Fix
    None: which citation is right has to be looked up.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    first_seen: dict[str, DocumentSymbol] = {}
    for symbol in document.references.symbols:
        if len(symbol.parts) < 2:
            continue
        for part in symbol.parts:
            earlier = first_seen.get(part.text)
            if earlier is None:
                first_seen[part.text] = symbol
            elif _partners(earlier, part.text) != _partners(symbol, part.text):
                line = document.position(earlier.start).line
                yield Finding(symbol.start, symbol.end,
                              f"{shorten(symbol.canonical)} cites {part.text} with another partner than "
                              f"{shorten(earlier.canonical)} on line {line}")
                break


def _partners(symbol: DocumentSymbol, part_text: str) -> frozenset[str]:
    return frozenset(part.text for part in symbol.parts if part.text != part_text)


@rule("SYM005", "unknown-symbol-series", "A document symbol in a series the registry does not know")
def unknown_symbol_series(document, config) -> Iterator[Finding]:
    """## What it does
    Reports a symbol whose first component (`A`, `S`, `CRC`, `UNEP`...) is
    not a series in unlint's registry (rules/data/symbol-series.csv) nor in
    the `known-series` setting, when the rest of it says it is a symbol: a
    subsidiary body, a session or year, a special component, a suffix, or a
    joint partner. A series and a bare number (`CONCLU/131`, `SEA/15`) may be
    a code of something else and is left alone, and so are the cells of a
    Word or PDF table (they list other bodies' numbers beside symbols).

    ## Why is this bad?
    An unknown series is most often a typo (`SS/2016/621`) or a component
    lost at a line break.

    ## Example
    ```text
    (见 SS/2016/621)
    ```
    Use instead `S/2016/621`. For a series your documents really cite, add it:
    ```toml
    [tool.unlint]
    known-series = ["WFP"]
    ```

    ## Fix
    None.

    ## Options
    - `known-series`: further symbol series (`ABC/`) your documents cite, beside the built-in list.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    known = known_series() | frozenset(config.known_series)
    table_lines = document.layout.table_lines
    for symbol in document.references.symbols:
        if table_lines and document.position(symbol.start).line in table_lines:
            # Tables of mandates list other bodies' numbers too (a President's statement OS/19/1):
            # whether a cell holds a symbol is not sure enough there.
            continue
        for part in symbol.parts:
            if part.series not in known and (len(symbol.parts) > 1 or _more_than_a_number(part)):
                yield Finding(symbol.start, symbol.end, f"{part.text}: unknown document series '{part.series}/'")


def _more_than_a_number(part: SymbolPart) -> bool:
    """Whether the part has more than a series and a number (``CONCLU/131``, ``SEA/15``).

    A series and a number alone may be a code of anything (a conclusion, a route);
    with a body, a session or year, a special component or a suffix it is a symbol
    of a series the registry does not know.
    """
    return bool(part.bodies or part.session is not None or part.year is not None or part.kind
                or part.record or part.suffixes)


@hookimpl
def unlint_rules():
    return [
        malformed_symbol, symbol_after_document_date, symbol_year_disagrees_with_date,
        conflicting_joint_symbols, unknown_symbol_series,
    ]
