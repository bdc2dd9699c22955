"""Planted errors for the recall figures of bench/accuracy.py.

Each kind finds the places where its slip can be made by a pattern of its own,
independent of unlint's parsers (a resolution reference written ``第 X 号决议``,
a bracketed phrase, an organization's name used twice ...), and makes the slip
at one of them, chosen by a seeded random generator. Nothing here knows a
document: the same patterns run on any text. A plant never adds or removes a
line break, so the lines of the copy are the lines of the original.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HAN = "\u4e00-\u9fff"


@dataclass(frozen=True, slots=True)
class Plant:
    """One slip: replace ``text[start:end]`` with ``replacement``; expect ``code`` on one of ``lines``."""

    kind: str
    code: str
    start: int
    end: int
    replacement: str
    lines: tuple[int, ...]

    def apply(self, text: str) -> str:
        return text[:self.start] + self.replacement + text[self.end:]


@dataclass(frozen=True, slots=True)
class Target:
    """What a planter sees: the text, its date (None when unknown) and whether it is Chinese."""

    text: str
    date: dt.date | None
    chinese: bool

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


Planter = Callable[[Target], Iterator[Plant]]


def _is_chinese(text: str) -> bool:
    han = len(re.findall(f"[{HAN}]", text[:20000]))
    return han > 200


def target(text: str, date: dt.date | None) -> Target:
    return Target(text, date, _is_chinese(text))


# -- the kinds ------------------------------------------------------------------

_SYMBOL_YEAR = re.compile(r"(?<![\w/])(?:A|S|E|ST|UNW|DP|ECE|E/CN\.\d+|E/ICEF|A/HRC|S/PRST)(?:/[A-Z][A-Za-z0-9.]*)*"
                          r"/((?:19|20)\d\d)/\d+")


def symbol_year(t: Target) -> Iterator[Plant]:
    """A document symbol's year moved after the document's date."""
    if t.date is None:
        return
    for match in _SYMBOL_YEAR.finditer(t.text):
        if int(match.group(1)) <= t.date.year:
            yield Plant("symbol year after the date", "SYM002", match.start(1), match.end(1),
                        str(t.date.year + 2), (t.line_of(match.start()),))


_SC = re.compile(r"(?<![\d/.])([1-9]\d{1,3}) ?([(（])((?:19|20)\d\d)([)）])")
_SC_CONTEXT = re.compile(r"决议|resolution", re.IGNORECASE)


def sc_year(t: Target) -> Iterator[Plant]:
    """A Security Council resolution's year changed to one that is not its adoption year."""
    for match in _SC.finditer(t.text):
        year = int(match.group(3))
        before, after = t.text[max(0, match.start() - 80):match.start()], t.text[match.end():match.end() + 40]
        if not (_SC_CONTEXT.search(after) or "resolution" in before.lower() or "决议" in before):
            continue
        if year < 1947 or (t.date and year > t.date.year):
            continue
        yield Plant("Security Council year", "RES004", match.start(3), match.end(3), str(year - 1),
                    (t.line_of(match.start()),))


_SINGLE_RES = re.compile(rf"第 ?(\d{{1,4}}/\d{{1,4}}|[1-9]\d{{1,3}} ?[(（]\d{{4}}[)）]) ?号(?=决议)")


def dropped_hao(t: Target) -> Iterator[Plant]:
    """``第 X 号决议`` with its ``号`` dropped."""
    for match in _SINGLE_RES.finditer(t.text):
        hao = match.end() - 1
        yield Plant("dropped 号", "RES003", hao, hao + 1, "", (t.line_of(match.start()),))


def dropped_di(t: Target) -> Iterator[Plant]:
    """``第 X 号决议`` with its ``第`` dropped."""
    for match in _SINGLE_RES.finditer(t.text):
        yield Plant("dropped 第", "RES001", match.start(), match.start() + 1, "", (t.line_of(match.start()),))


_RES_BRACKETS = re.compile(r"(?<![\d/])[1-9]\d{1,3} ?([(（])\d{4}([)）]) ?号")
_SWAP = {"(": "（", "（": "(", ")": "）", "）": ")"}
_OPENING = str.maketrans(")）", "(（")


def resolution_bracket(t: Target) -> Iterator[Plant]:
    """One bracket of ``1325(2000)号`` turned to the other width."""
    if not t.chinese:
        return
    for match in _RES_BRACKETS.finditer(t.text):
        if _SWAP[match.group(1)] == match.group(2).translate(_OPENING):
            continue  # already mixed: planting would mend it
        group = 2  # the closing bracket, the one a typist more often leaves in the wrong width
        yield Plant("mixed bracket (resolution)", "RES002", match.start(group), match.end(group),
                    _SWAP[match.group(group)], (t.line_of(match.start()),))


_PROSE_BRACKETS = re.compile(rf"（([{HAN}、，]{{2,20}})）")


def prose_bracket(t: Target) -> Iterator[Plant]:
    """A fullwidth bracket pair around Chinese words closed with a halfwidth bracket."""
    if not t.chinese:
        return
    for match in _PROSE_BRACKETS.finditer(t.text):
        yield Plant("mixed bracket (prose)", "TYP001", match.end() - 1, match.end(), ")",
                    (t.line_of(match.start()),))


@lru_cache(maxsize=1)
def _organization_names() -> tuple[str, ...]:
    data = tomllib.loads((ROOT / "rules/data/organizations.toml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for entry in data["organization"]:
        names.add(entry["zh"])
        names.update(entry.get("variants", ()))
    return tuple(sorted((n for n in names if len(n) >= 6), key=len, reverse=True))


@lru_cache(maxsize=1)
def _all_forms() -> frozenset[str]:
    data = tomllib.loads((ROOT / "rules/data/organizations.toml").read_text(encoding="utf-8"))
    forms: set[str] = set()
    for entry in data["organization"]:
        for record in (entry, *entry.get("former", ())):
            for key in ("zh", "abbreviations", "variants", "errors"):
                value = record.get(key, ())
                forms.update([value] if isinstance(value, str) else value)
    return frozenset(forms)


def organization_variant(t: Target) -> Iterator[Plant]:
    """A later use of an organization's name with one inner character dropped."""
    if not t.chinese:
        return
    names = _organization_names()
    pattern = re.compile("|".join(map(re.escape, names)))  # longest first: the longest name wins
    seen: set[str] = set()
    for match in pattern.finditer(t.text):
        name = match.group()
        if name not in seen:
            seen.add(name)  # the first use defines the name
            continue
        for index in range(len(name) // 2, len(name) - 2):
            variant = name[:index] + name[index + 1:]
            if name[index] != name[index - 1] and variant not in _all_forms():
                yield Plant("organization name variant", "ORG001", match.start(), match.end(), variant,
                            (t.line_of(match.start()),))
                break


_NUMBERED = re.compile(r"^(\d{1,3})[.．]\s", re.MULTILINE)
_PARA_REFS = (
    re.compile(r"(?:上文|下文|本报告)第 ?(\d{1,3}) ?(?:段|和|至)"),
    re.compile(r"\bparagraphs? (\d{1,3}) (?:above|below)\b"),
    re.compile(r"\bparas?\. (\d{1,3}) (?:above|below)\b"),
)


def paragraph_past_end(t: Target) -> Iterator[Plant]:
    """A reference to one of the document's paragraphs moved past the last one."""
    numbers = [int(m.group(1)) for m in _NUMBERED.finditer(t.text)]
    if len(numbers) < 10:
        return
    past = max(numbers) + 10
    for pattern in _PARA_REFS:
        for match in pattern.finditer(t.text):
            yield Plant("paragraph past the end", "XRF002", match.start(1), match.end(1), str(past),
                        (t.line_of(match.start()),))


_MARKDOWN_MARKER = re.compile(r"\[\^(\d+)\](?!:)")
# A note number after a sentence's end, before a space or the line's end (Repertoire style).
_INLINE_MARKER = re.compile(r"(?<=[。；”）])(\d{1,4})(?=[ \t]|$)", re.MULTILINE)


def dropped_marker(t: Target) -> Iterator[Plant]:
    """A numbered footnote marker removed from the body; its note is left without one."""
    for pattern, note in ((_MARKDOWN_MARKER, r"^\[\^{}\]:"), (_INLINE_MARKER, r"^{}\s")):
        for match in pattern.finditer(t.text):
            text_at = re.search(note.format(re.escape(match.group(1))), t.text, re.MULTILINE)
            if text_at is None or text_at.start() < match.start():
                continue
            yield Plant("footnote marker dropped", "FTN002", match.start(), match.end(), "",
                        (t.line_of(match.start()), t.line_of(text_at.start())))


_FUNCTION = re.compile(rf"(?<=[{HAN}])([的在和])(?=[{HAN}])")
_WORDS_AFTER = {"的": "确", "和": "平谐", "在": "于"}


def doubled_character(t: Target) -> Iterator[Plant]:
    """A function word typed twice."""
    if not t.chinese:
        return
    for match in _FUNCTION.finditer(t.text):
        char = match.group()
        if t.text[match.end()] in _WORDS_AFTER[char] or t.text[match.start() - 1] == char:
            continue
        yield Plant("doubled character", "TYP004", match.start(), match.end(), char * 2,
                    (t.line_of(match.start()),))


KINDS: tuple[Planter, ...] = (symbol_year, sc_year, dropped_hao, dropped_di, resolution_bracket, prose_bracket,
                              organization_variant, paragraph_past_end, dropped_marker, doubled_character)


def choose(planter: Planter, t: Target, rng: random.Random, count: int) -> list[Plant]:
    """Up to ``count`` places for ``planter`` in ``t``, chosen at random, on different lines far apart."""
    places = list(planter(t))
    rng.shuffle(places)
    chosen: list[Plant] = []
    for plant in places:
        if all(abs(plant.lines[0] - other.lines[0]) > 3 for other in chosen):
            chosen.append(plant)
        if len(chosen) == count:
            break
    return chosen
