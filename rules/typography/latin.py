"""TYP003 latin-word-in-chinese."""

from __future__ import annotations

import regex

from unlint import Document, Finding, Fix, rule
from unlint.patterns import compiled_on_use

from ._text import in_text_line, is_chinese

# Lower-case Latin words only: symbols, abbreviations (COVID-19, E8, I-24/7),
# names and English titles carry capitals, digits or punctuation, and URLs and
# e-mail addresses dots, so the look-arounds keep all of them out.
_LOWERCASE_RUN = compiled_on_use(regex.compile, r"(?<![\w./@:\-'’&])[a-z]{2,}(?:[ \t]+[a-z]{2,})*(?![\w./@:\-'’&])")
_CHINESE_MARK = compiled_on_use(regex.compile, r"[\p{Han}，、；：“（《]")
_GAP = " \t\u3000"
_HAN_AFTER = compiled_on_use(regex.compile, r"[ \t\u3000]*\p{Han}")
#: Units and lower-case abbreviations that Chinese UN text writes in Latin letters.
_UNITS = frozenset(
    "km kg mg ml cm mm nm ha kw kwh mw mwh gw gwh tw hz khz mhz ghz db ppm ppb kbps mbps gbps kb mb gb tb "
    "pm am rad ug ng".split()
)
_CHINESE_FOR = {"and": "和", "or": "或"}


@rule("TYP003", "latin-word-in-chinese", "An English word in Chinese prose where a Chinese word belongs")
def latin_word_in_chinese(document: Document, config):
    """## What it does
    Finds a lower-case English word (or words) standing between Chinese words
    in running Chinese text: `中小型企业 and 私营部门`, `经济 and 社会`.
    It stays silent on Latin content that belongs in Chinese text: document
    symbols (`S/2020/751`), URLs and e-mail addresses, names and titles in
    Latin letters (they carry capitals), abbreviations (`COVID-19`, `E8`,
    `I-24/7`), units (`km`, `ha`), list letters (`(a)`, footnote
    `a`), the English masthead (`Distr.: General`, dates) and page
    furniture.

    ## Why is this bad?
    An English function word left in the Chinese text is an untranslated
    remnant of the original: the Chinese reader meets a word in another
    language in the middle of a sentence.

    ## Example
    ```
    包括中小型企业 and 私营部门
    ```
    Use instead:
    ```
    包括中小型企业和私营部门
    ```

    ## Fix
    Unsafe, and offered only for `and` (`和`) and `or` (`或`), where
    the Chinese word is nearly always the one meant; other words need a
    translator.
    """
    if not is_chinese(document):
        return
    # No match spans a line break (the pattern takes no newline and its
    # look-arounds see one as they see a line's end), so one scan of the text
    # finds what a scan of each line would.
    text = document.text
    for match in _LOWERCASE_RUN.finditer(text):
        if match[0] in _UNITS or not _between_chinese(text, match.start(), match.end()):
            continue
        if in_text_line(document, match.start()):
            yield _finding(text, match)


def _between_chinese(text: str, start: int, end: int) -> bool:
    # Step back over the gap by hand: a pattern anchored at the match would
    # rescan the text from its start for every word (quadratic). A newline
    # stops the step as a line's start would.
    before = start - 1
    while before >= 0 and text[before] in _GAP:
        before -= 1
    return before >= 0 and bool(_CHINESE_MARK.match(text[before])) and bool(_HAN_AFTER.match(text, end))


def _finding(text: str, match: regex.Match) -> Finding:
    word = match[0]
    message = f"English {word!r} in Chinese text"
    fix = None
    if word in _CHINESE_FOR:
        # Take the spaces that set the Latin word apart along with it (never past the line's ends).
        start, end = match.start(), match.end()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        while end < len(text) and text[end] in " \t":
            end += 1
        fix = Fix.replace(start, end, _CHINESE_FOR[word], safe=False)
        message += f"; write {_CHINESE_FOR[word]!r}"
    return Finding(match.start(), match.end(), message, fix=fix)
