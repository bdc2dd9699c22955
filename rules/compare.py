"""CMP: a translation against its original (``unlint compare ORIGINAL TRANSLATION``).

These rules read the comparison that :mod:`unlint.compare` computes once per
pair of documents; under ``unlint check`` a document has no original and the
rules have nothing to compare.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from unlint import Finding, hookimpl, rule
from unlint.config import Config
from unlint.document import Document


def _differences(document: Document, topic: str) -> Iterator[Finding]:
    """The differences of one :class:`unlint.compare.Topic` (given by its value)."""
    # Only `unlint compare` makes the paired documents these rules read, and it
    # imports the comparison machinery to do so. Under `unlint check` that
    # module was never imported, no document can be paired, and the machinery
    # (its modules and patterns) stays unloaded: a tenth of the start-up time.
    paired = sys.modules.get("unlint.compare.paired")
    comparison = paired.comparison_of(document) if paired is not None else None
    if comparison is None:
        return
    from unlint.compare import Topic  # already imported: the comparison came from it

    for difference in comparison.of(Topic(topic)):
        yield Finding(difference.start, difference.end, difference.message)


@rule("CMP001", "translation-symbol-mismatch",
      "A document symbol of the original is missing from the translation, or the translation cites another")
def translation_symbol_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare ORIGINAL TRANSLATION`. After aligning the two
    versions paragraph by paragraph, checks that each paragraph of the
    translation cites the same document symbols as the original's, the same
    number of times (a symbol may move within its paragraph). A symbol of the
    translation that the original cites nowhere is reported wherever it is.
    Paragraphs whose alignment is not sure are not compared.

    ## Why is this bad?
    A symbol dropped or mistyped in translation sends the reader of one
    language version to another document, or to none.

    ## Example
    ```text
    original:     ... (A/76/871–S/2022/493).
    translation:  ……(A/76/871-2022/493)。
    ```

    ## Fix
    Copy the symbol from the original.

    ## References
    - [United Nations document symbols](https://research.un.org/en/docs/symbols)
    """
    return _differences(document, "symbol")


@rule("CMP002", "translation-resolution-mismatch",
      "A resolution the original cites is missing from the translation's paragraph, or another is cited")
def translation_resolution_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare`. Compares, in each aligned paragraph, the
    resolutions cited as parsed values (session, number, letter):
    `resolution 1325 (2000)` equals `第1325(2000)号决议`, and
    `resolutions 65/1 and 71/243` equals `第65/1号和第71/243号决议`. A number
    written on the other side but not read as a reference there is taken as
    present.

    ## Why is this bad?
    A resolution number changed in translation (`第60/7号` where the original
    cites `60/1`) cites a different decision of the organ.

    ## Example
    ```text
    original:     Recalling its resolution 60/1,
    translation:  回顾其第60/7号决议，
    ```

    ## Fix
    Cite the resolution the original cites.
    """
    return _differences(document, "resolution")


@rule("CMP003", "translation-number-mismatch",
      "An amount, percentage, date, year, count or paragraph reference differs from the original's")
def translation_number_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare`. Reads the numbers of each aligned paragraph
    in both languages, with their scale and unit: `$2 billion` = `20亿美元`,
    `US$ 3.5 million` = `350万美元`, `1,234` = `1 234`, `25 per cent` = `25%`,
    `17 August 2018` = `2018年8月17日`, `paragraph 12` = `第12段`. A number in
    digits must have its equal on the other side; a count written in words on
    one side (`three`, `三`) answers digits on the other. One number missing and
    one added of the same kind is reported once, as a change, at the
    translation's number.

    Numbers inside symbols, resolution numbers, links and list numbers are not
    compared here. Paragraphs whose alignment is not sure are not compared.

    ## Why is this bad?
    An amount, a percentage or a date that differs between language versions
    is a factual error in one of them; member States read and vote on both.

    ## Example
    ```text
    original:     pledged $2 billion in 2023
    translation:  2023年认捐了25亿美元
    ```

    ## Fix
    Correct the translation's number, or query the original's.
    """
    return _differences(document, "number")


@rule("CMP004", "translation-paragraph-missing",
      "A numbered paragraph of the original is missing from the translation, or the translation adds one")
def translation_paragraph_missing(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare`. Compares the numbered paragraphs of each part
    (body, each annex) of both versions. A missing paragraph is reported once,
    at the translation's next paragraph, and what it cites is not reported
    again by the other CMP rules. Documents with fewer than three numbered
    paragraphs on either side, or whose numbering mostly differs (not read the
    same way), are not compared.

    ## Why is this bad?
    A paragraph lost in translation loses its content; paragraph numbers are
    cited across language versions, so every later reference shifts.

    ## Example
    ```text
    original:     11. ...  12. ...  13. ...
    translation:  11．……  13．……
    ```

    ## Fix
    Translate the missing paragraph.
    """
    return _differences(document, "paragraph")


@rule("CMP005", "translation-footnote-missing",
      "A numbered footnote of the original is missing from the translation, or the translation adds one")
def translation_footnote_missing(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare`. Compares the numbered footnotes of both
    versions. A missing footnote is reported at the translation's paragraph
    that corresponds to the one carrying the original's marker (or at the next
    footnote). The symbols, resolutions and numbers inside each footnote are
    compared by CMP001-CMP003, footnote by footnote. A version without any
    footnote text that unlint can read is not compared.

    ## Why is this bad?
    Footnotes carry the sources; a footnote lost in translation leaves a
    statement without its authority.

    ## Example
    ```text
    original:     ... as requested.3      3 A/78/123.
    translation:  ……根据要求。
    ```

    ## Fix
    Restore the footnote and its marker.
    """
    return _differences(document, "footnote")


@rule("CMP006", "translation-agenda-item-mismatch",
      "The masthead's agenda items and sub-item letters differ from the original's")
def translation_agenda_item_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Runs under `unlint compare`. Reads the agenda line of the masthead
    (`Agenda item 19 (e)`, `Items 68 (a) and (c)`, `议程项目19(e)`) in both
    versions and compares the item numbers and sub-item letters.

    ## Why is this bad?
    The agenda line files the document under its item; a wrong letter files
    one language version under another sub-item.

    ## Example
    ```text
    original:     Agenda item 19 (e)
    translation:  议程项目19(c)
    ```

    ## Fix
    Copy the item and letters from the original.
    """
    return _differences(document, "agenda")


@hookimpl
def unlint_rules():
    return [translation_symbol_mismatch, translation_resolution_mismatch, translation_number_mismatch,
            translation_paragraph_missing, translation_footnote_missing, translation_agenda_item_mismatch]
