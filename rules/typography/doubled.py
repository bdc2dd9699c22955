"""TYP004 doubled-character."""

from __future__ import annotations

from functools import lru_cache

from unlint import Document, Finding, Fix, rule
from unlint.structure.scan import repeat_runs

from ._text import HAN, in_text_line, is_chinese
from .data import DoublingTable, doubling_table


@rule("TYP004", "doubled-character", "A Chinese function word typed twice", fix="safe")
def doubled_character(document: Document, config):
    """## What it does
    Finds a grammatical character typed twice in a row: `在在`, `是是`,
    `将将`, `和和`, `的的`. Only particles, prepositions, conjunctions
    and similar function words are checked; they are not reduplicated in
    standard Chinese. The check stays silent on

    - words that double by nature: `常常`, `人人`, `大大`, `一一`,
      `谢谢`, `的的确确`, `不了了之` ...;
    - a doubling across a word boundary: `旨在` + `在全球`, `安全和` +
      `和平`, `可以` + `以色列` (the word lists are in
      `rules/data/doubled-characters.toml`);
    - content characters, which double across word boundaries all the time
      (`委员会会议`, `艾滋病病毒`, `吉尔吉斯斯坦`);
    - a pair split by a line break: the two halves sit on different lines of
      the export, and a break there is layout, not text the translator typed.

    ## Why is this bad?
    A doubled function word is a keying slip that a reader trips over and a
    spell checker for Chinese does not flag.

    ## Example
    ```
    在伙伴组织和和联合国全系统之间
    ```
    Use instead:
    ```
    在伙伴组织和联合国全系统之间
    ```

    ## Fix
    Safe: the repeated character is removed.
    """
    if not is_chinese(document):
        return
    table = doubling_table()
    # A run of one character never crosses a line break, so one scan of the
    # text finds the runs a scan of each line would; only those are looked up by line.
    text = document.text
    reach = table.longest_word
    for start, end in repeat_runs(text, _checked_han(tuple(table.characters))):
        if not in_text_line(document, start):
            continue
        # _natural looks at most one word to either side of the pair, within
        # its line: give it that window, not a copy of the whole line (quadratic
        # on one long line full of pairs).
        line = document.line_index(start) + 1
        left = max(document.offset(line, 1), start - reach)
        line_end = document.offset(line + 1, 1) - 1 if line < document.line_count else len(text)
        right = min(line_end, end + reach)
        if not _natural(text[left:right], start - left, end - left, table):
            char = text[start]
            yield Finding(
                start,
                end,
                f"{char!r} is written {end - start} times in a row",
                fix=Fix.replace(start, end, char),
            )


@lru_cache(maxsize=4)
def _checked_han(characters: tuple[str, ...]) -> str:
    """The checked characters that are Chinese, whose runs scan.repeat_runs finds.

    Only the checked characters, not every Chinese one: a run of any other
    character was skipped anyway.
    """
    return "".join(char for char in characters if HAN.fullmatch(char))


def _natural(line: str, start: int, end: int, table: DoublingTable) -> bool:
    """Whether the pair ``line[start:end]`` is part of a word or sits on a word boundary."""
    if end - start != 2:
        return False
    char = line[start]
    if any(char * 2 in word and _covered_by(line, word, start) for word in table.reduplicated):
        return True
    entry = table.characters[char]
    ends_word = any(start + 1 >= len(w) and line.startswith(w, start + 1 - len(w)) for w in entry.before)
    return ends_word or any(line.startswith(w, start + 1) for w in entry.after)


def _covered_by(line: str, word: str, start: int) -> bool:
    """Whether an occurrence of ``word`` in ``line`` covers the pair at ``start``."""
    position = line.find(word, max(0, start + 2 - len(word)))
    return position != -1 and position <= start
