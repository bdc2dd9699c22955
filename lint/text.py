"""Text knowledge several modules share: Chinese characters, dates, the footnote rule, stops, limits.

One definition each, so that a parser and a rule never disagree on what they
mean by the same word. Where two modules need different sets on purpose (what
ends a paragraph is not what ends a heading), both are here, named for their
purpose, with the reason.
"""

from __future__ import annotations

import re

import regex

from .patterns import compiled_on_use

#: One Chinese (Han) character, by the Unicode script property: also the
#: extension blocks, which ``[\u4e00-\u9fff]`` misses.
HAN = compiled_on_use(regex.compile, r"\p{Han}")
#: A gate for :data:`HAN` (see structure/scan.py): the Unicode 1.1 CJK Unified Ideographs, Han
#: in every Unicode version, found by the stdlib engine (a call costs about a third of a ``regex``
#: call). A search that finds one needs no ``HAN`` search; one that does not must still ask ``HAN``.
COMMON_HAN = compiled_on_use(re.compile, "[\u4e00-\u9fa5]")

# -- dates ------------------------------------------------------------------------

#: English month names and their numbers.
EN_MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        "January February March April May June July August September October November December".split(), start=1
    )
}

#: ``2020 年 1 月 9 日`` (groups ``year``, ``month``, ``day``); a pattern string, to be embedded.
ZH_DATE = r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月\s*(?P<day>[0-3]?\d)\s*日"

#: ``9 January 2020`` (groups ``day``, ``month``, ``year``); a pattern string, to be embedded.
EN_DATE = r"(?P<day>[0-3]?\d)\s+(?P<month>" + "|".join(EN_MONTHS) + r")\s+(?P<year>(?:19|20)\d\d)"

# -- footnotes --------------------------------------------------------------------

#: The rule above a page's footnotes, a line of its own: ``__________________``.
FOOTNOTE_RULE = compiled_on_use(regex.compile, r"\s*_{5,}\s*")

# -- stops ------------------------------------------------------------------------

#: Chinese marks that end a sentence.
SENTENCE_STOPS = "。！？"
#: Chinese marks that end a clause; a paragraph may break after them in a PDF layout.
CLAUSE_STOPS = "；："
#: Latin marks that end a sentence or clause, in English text and in Chinese text set with them.
LATIN_STOPS = ".;:!?"
#: What a line of running text ends with when its paragraph ends there (structure/blocks.py).
PARAGRAPH_END_STOPS = SENTENCE_STOPS + CLAUSE_STOPS + LATIN_STOPS
#: Punctuation a paragraph-level heading never contains (structure/paragraphs.py): any stop or comma.
#: (These two are classes of plain characters, which both engines read alike: the stdlib's call costs a
#: third of regex's, and they are searched on every short line.)
NOT_IN_SHORT_HEADING = compiled_on_use(re.compile, r"[。，；：！？,;:!?]")
#: Punctuation an agenda section heading never contains (structure/agenda.py): a heading there
#: may hold a colon or semicolon (``联合国同某组织的合作：...``), never a sentence's stop or comma.
NOT_IN_AGENDA_HEADING = compiled_on_use(re.compile, r"[。，！？,!?]")
#: How a chapter or section title that is really a sentence ends (structure/headings.py): titles
#: may end with ``？`` or ``！`` (a question as title), never with a full stop or a semicolon.
SENTENCE_ENDING_TITLE = compiled_on_use(regex.compile, r"[。；;]\s*$")

# -- length limits ----------------------------------------------------------------

#: A line between numbered paragraphs longer than this is text, not a heading (structure/paragraphs.py).
SHORT_HEADING_MAX_CHARS = 40
#: An agenda section heading names one organization's cooperation; longer is a paragraph (structure/agenda.py).
AGENDA_HEADING_MAX_CHARS = 60
#: A chapter or section title (``三. 结论和建议``) may run long in English; longer is running text
#: (structure/headings.py).
TITLE_MAX_CHARS = 120


# -- contents ---------------------------------------------------------------------

#: The title line of a table of contents, as the Word and PDF readers recognise it (``fullmatch``).
CONTENTS_TITLE = compiled_on_use(regex.compile, r"\s*(?:Contents|目\s*录)\s*")

# -- near-miss spellings ----------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: how many characters to drop, add or change to turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]
