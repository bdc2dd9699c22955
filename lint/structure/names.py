"""The document's own name table: the names it defines, and later forms that slip from them.

A UN document introduces a body once with its short form, ``南部非洲区域电力联营组织(南非电联)``
or ``United Nations Development Programme (UNDP)``, and then keeps to those
forms. This module reads those definitions (outside quoted titles: ``《…》``
and quotation marks name other documents) and finds the *near variants* of a
name: the same name with characters dropped, added or replaced inside it
(``西非经济共同体`` for ``西非国家经济共同体``), its institution word swapped
for a synonym (``伊斯兰合作机构`` for ``伊斯兰合作组织``), or its parts
reordered (``经济共同体西非国家``). No registry is needed: the document's
definition is the reference. Which names are known bodies (and so never a
variant of another) is the caller's to say.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick_rs
import regex

from ..patterns import compiled_on_use
from .mentions import overlaps
from .scan import finditer_at, literal_positions

try:  # the optional native scans (lint/_scan.c); the package works without them
    from .._scan import make_window as _native_make_window
    from .._scan import pair_starts as _pair_starts
    from .._scan import window_starts as _native_window_starts
except ImportError:  # pragma: no cover - a build without a compiler
    _pair_starts = _native_window_starts = _native_make_window = None


def _make_window(spec: tuple) -> object:
    return None if _native_make_window is None else _native_make_window(spec)

if TYPE_CHECKING:
    from ..rules.registry import Mention

# A Chinese name ends with the word for what kind of body it is.
_ZH_INSTITUTION_ENDINGS = (
    "组织", "机构", "联盟", "共同体", "联合体", "委员会", "理事会", "基金会", "基金", "中心", "银行", "法院",
    "法庭", "论坛", "协会", "学会", "研究所", "研究院", "大学", "集团", "会议", "方案", "特派团", "稳定团",
    "援助团", "部队", "机制", "平台", "联合会", "议会", "公司", "小组", "网络", "伙伴关系", "体系", "市场",
    "署", "局", "厅", "部", "处", "司", "室", "所", "院", "团", "盟", "会", "社", "组",
)
#: Institution words a writer swaps by mistake; a swap *outside* these groups (银行/基金:
#: 非洲开发银行, 非洲开发基金) usually names another body, so only these count.
_SYNONYM_ENDINGS = (("组织", "机构"), ("办事处", "办公室"), ("共同体", "联合体"), ("规划署", "计划署"))
_HAN = r"\u4e00-\u9fff"
# The short form in its brackets is found first; the full name is then read backwards from it,
# so that each bracket costs a bounded look back and the scan stays linear.
_ZH_SHORT = compiled_on_use(regex.compile, rf"[(（](?P<short>[{_HAN}\-—]{{2,12}})[)）]")
# Searched backwards from the bracket (``(?r)``): the same match as a forward search (the longest
# run ending there), found in the run's length rather than trying every start in the window.
_ZH_RUN = compiled_on_use(regex.compile, rf"(?r)[{_HAN}、/\-—]{{3,60}}$")
_EN_SHORT = compiled_on_use(regex.compile, r"[ \t]?\((?P<short>[A-Z][A-Za-z&\-]{1,14})\)")
_EN_RUN = compiled_on_use(regex.compile, r"[A-Z][\w'’/&.\-]*(?:[ \t]+[\w'’/&.\-]+){1,15}[ \t]*$")
_LOOK_BACK = 200
_EN_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "against", "with", "de", "la", "du", "des", "&"})
_QUOTED = compiled_on_use(regex.compile, r"《[^《》\n]*》|“[^“”\n]*”|\"[^\"\n]*\"")
#: What every match of _QUOTED starts with, and every match of _ZH_SHORT (the brackets): their
#: places are found by str.find (see scan.finditer_at).
_QUOTES = ("《", "“", '"')
#: The UN writes many of its own bodies with or without this prefix; it does not make a variant.
UN_PREFIX = "联合国"
_MIN_ZH_CHARS = 5
_MIN_EN_CHARS = 12


@dataclass(frozen=True, slots=True)
class NameDefinition:
    """``full(short)`` in the text: the full name at ``start``..``end``, the short form at ``short_start``."""

    full: str
    short: str
    start: int
    end: int
    short_start: int
    english: bool


@dataclass(frozen=True, slots=True)
class NameVariant:
    """A form at ``start``..``end`` that is a near variant of ``target``, which is ``name`` or ``name``
    without its ``联合国`` prefix (``name`` is the form defined or used elsewhere)."""

    text: str
    start: int
    end: int
    target: str
    name: str
    how: str


@dataclass(frozen=True, slots=True)
class NameTable:
    definitions: tuple[NameDefinition, ...]
    #: Spans of ``《…》`` titles and quotations, sorted: what they contain is another document's wording.
    quoted: tuple[tuple[int, int], ...]

    def first_definition(self) -> dict[str, NameDefinition]:
        """The first definition of each full name."""
        first: dict[str, NameDefinition] = {}
        for definition in self.definitions:
            first.setdefault(definition.full, definition)
        return first

    def redefinitions(self) -> list[tuple[NameDefinition, NameDefinition]]:
        """(first, later) pairs where a full name is defined again with another short form."""
        first = self.first_definition()
        return [(first[d.full], d) for d in self.definitions if d.short != first[d.full].short]

    def renamed(self) -> set[str]:
        """Full names defined with a short form an earlier definition gave another full name.

        ``Global Evaluation Reports Oversight System (GEROS)`` then ``Global Evaluation
        Report Oversight System (GEROS)``: the second is the first written another way.
        """
        first_full: dict[str, str] = {}
        renamed = set()
        for definition in self.definitions:
            full = first_full.setdefault(definition.short, definition.full)
            if full != definition.full:
                renamed.add(definition.full)
        return renamed

    def is_quoted(self, start: int, end: int) -> bool:
        return overlaps((start, end), self.quoted)


def parse_names(text: str, known: Mapping[int, int] | None = None, skip: Sequence[tuple[int, int]] = ()) -> NameTable:
    """The name table of ``text``.

    ``known`` maps the end offset of a known name (a registry match) to its
    start: a definition whose full name ends there takes that name whole.
    ``skip`` are spans (page furniture, tables) where no definition is read.
    """
    quoted = tuple((m.start(), m.end()) for m in finditer_at(_QUOTED, text, literal_positions(text, *_QUOTES)))
    known = known or {}
    definitions = []
    for short in finditer_at(_ZH_SHORT, text, literal_positions(text, "(", "（")):
        run = _ZH_RUN.search(text, max(0, short.start() - 60), short.start())
        if run is not None and (definition := _zh_definition(text, run, short, known)) is not None:
            definitions.append(definition)
    for short in _EN_SHORT.finditer(text):
        run = _EN_RUN.search(text, max(0, short.start() - _LOOK_BACK), short.start())
        if run is not None and (definition := _en_definition(text, run, short)) is not None:
            definitions.append(definition)
    definitions.sort(key=lambda d: d.start)
    kept = tuple(d for d in definitions
                 if not overlaps((d.start, d.short_start), quoted) and not overlaps((d.start, d.end), skip))
    return NameTable(kept, quoted)


def parse_document_names(text: str, mentions: Sequence[Mention], is_furniture: Callable[[int], bool]) -> NameTable:
    """The name table of a document, given its organization mentions (registry matches)."""
    # A registered name just before the parenthesis is the defined name, whole.
    from ..rules.registry import FormKind  # at run time only: the registry module imports this one

    abbreviation = FormKind.ABBREVIATION
    known = {m.end: m.start for m in mentions if m.form.kind is not abbreviation}
    table = parse_names(text, known)
    return NameTable(tuple(d for d in table.definitions if not is_furniture(d.start)), table.quoted)


def _zh_definition(text: str, run: regex.Match[str], bracket: regex.Match[str],
                   known: Mapping[int, int]) -> NameDefinition | None:
    short, run_end = bracket["short"], run.end()
    start = known.get(run_end)
    if start is not None and start >= run.start():
        full = text[start:run_end]
    else:
        full = _zh_full_name(run.group(), short)
        if full is None:
            return None
        start = run_end - len(full)
        if text[max(0, start - len(UN_PREFIX)):start] == UN_PREFIX:
            start -= len(UN_PREFIX)
            full = UN_PREFIX + full
    if len(full) <= len(short) or short in full and len(short) >= len(full) - 1:
        return None
    return NameDefinition(full, short, start, run_end, bracket.start("short"), english=False)


def _zh_full_name(run: str, short: str) -> str | None:
    """The end of ``run`` that ``short`` abbreviates, or None when ``short`` is no abbreviation of it.

    The full name starts at the latest occurrence of the short form's first
    character from which the short form's characters still follow in order
    (the latest, so that words before the name stay out), and ends with an
    institution word. After a list comma the whole item is the name.
    """
    listed = "、" in run
    run = run.rsplit("、", 1)[-1]
    if not run.endswith(_ZH_INSTITUTION_ENDINGS) or not 2 <= len(short) < len(run) + 1:
        return None
    if listed and _is_subsequence(short, run):
        return run  # an item of a list of bodies is a name from the comma on
    for start in range(len(run) - 1, -1, -1):
        if run[start] == short[0] and _is_subsequence(short, run[start:]):
            full = run[start:]
            return full if len(full) > len(short) else None
    return None


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(char in chars for char in short)


def _en_definition(text: str, run: regex.Match[str], bracket: regex.Match[str]) -> NameDefinition | None:
    short = bracket["short"]
    if sum(char.isupper() for char in short) < 2:
        return None
    words = list(re.finditer(r"\S+", run.group().rstrip()))
    # The full name: the longest run of capitalized words (and connectors inside it) before the
    # parenthesis that starts with the short form's first letter.
    best = None
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group()
        if not (word[0].isupper() or word in _EN_CONNECTORS):
            break
        if word[0].isupper() and word[0].lower() == short[0].lower():
            best = index
    if best is None or len(words) - best < 2:
        return None
    start = run.start() + words[best].start()
    end = run.start() + words[-1].end()
    full = text[start:end]
    if full.split()[-1] in _EN_CONNECTORS:
        return None
    return NameDefinition(full, short, start, end, bracket.start("short"), english=True)


# -- near variants -----------------------------------------------------------------------------


def near_variants(text: str, names: Mapping[str, int], taken: Sequence[tuple[int, int]],
                  skip: Sequence[tuple[int, int]], accept: Collection[str] = (),
                  reorder: Collection[str] = ()) -> list[NameVariant]:
    """Forms in ``text`` that are near variants of one of ``names`` (name -> offset of its first use).

    ``taken`` are spans of known names (never a variant), ``skip`` spans to
    ignore (quotations, page furniture), both sorted and not overlapping;
    ``accept`` are forms that are names in their own right (other
    definitions). A form inside or around one of the names is no variant.
    Reordered parts are looked for only for the names in ``reorder`` (the
    document's own definitions: a long list of names would make that search
    the costliest part).
    """
    targets = _targets(names)
    found: list[NameVariant] = []
    seen: set[str] = set()
    for name, start, end, how in _candidates(text, targets, reorder, taken):
        candidate = text[start:end]
        if candidate in seen or candidate in names or candidate in accept or _contains_or_inside(candidate, targets):
            continue
        if _is_english(name) and _typographic(candidate) == _typographic(name):
            continue  # a line break, a no-break space or a curly apostrophe changes no name
        if any(char.isspace() for char in candidate) and not _is_english(name):
            continue  # a Chinese name broken by a line break is the same name
        if overlaps((start, end), taken) or overlaps((start, end), skip) or not _starts_a_name(text, start, name):
            continue
        if not _ends_a_name(text, end, name):
            continue
        seen.add(candidate)
        found.append(NameVariant(candidate, start, end, name, targets[name], how))
    found.sort(key=lambda v: v.start)
    return found


def _targets(names: Mapping[str, int]) -> dict[str, str]:
    """Strings to search near variants of, each mapped to the name it stands for."""
    targets: dict[str, str] = {}
    for name in names:
        for target in _name_targets(name):
            targets.setdefault(target, name)
    return targets


@lru_cache(maxsize=8192)
def _name_targets(name: str) -> tuple[str, ...]:
    # Names recur from document to document (the registry's, the UN's own bodies).
    minimum = _MIN_EN_CHARS if _is_english(name) else _MIN_ZH_CHARS
    return tuple(target for target in (name, name.removeprefix(UN_PREFIX)) if len(target) >= minimum)


def _candidates(text: str, targets: Mapping[str, str], reorder: Collection[str],
                taken: Sequence[tuple[int, int]]) -> Iterable[tuple[str, int, int, str]]:
    known = frozenset(start for start, _ in taken)
    for name, spans in scan_targets(text, list(targets), known, boundaries=True).items():
        for start, end, how in spans:
            yield name, start, end, how
    yield from _reordered(text, [t for t in targets if not _is_english(t) and targets[t] in reorder])


def _reordered(text: str, names: Iterable[str]) -> Iterable[tuple[str, int, int, str]]:
    """``经济共同体西非国家`` for ``西非国家经济共同体``: the name's two parts in the other order.

    Where the parts meet, the name's last character stands before its first
    (``体西``): a rare pair, so only the places it occurs are looked at.
    """
    by_seam: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 6:
            by_seam.setdefault(name[-1] + name[0], []).append(name)
    if not by_seam:
        return
    for seam in _seams(text, frozenset(by_seam)):  # the name's last character; its first follows
        for name in by_seam[text[seam:seam + 2]]:
            # The form name[cut:] + name[:cut] is written here when the text after the seam
            # starts with name[:cut] and the text up to it ends with name[cut:], both at least
            # two characters long (cut runs from 2 to size - 2): tested first, most seams are not.
            if not (seam and text.startswith(name[:2], seam + 1) and text.startswith(name[-2:], seam - 1)):
                continue
            size = len(name)
            after = _common_prefix(text, seam + 1, name, size - 2)
            before = _common_suffix(text, seam + 1, name, size - 2)
            for cut in range(max(2, size - before), min(size - 2, after) + 1):
                start = seam - (size - cut - 1)
                form = name[cut:] + name[:cut]
                if form != name:
                    yield name, start, start + size, "parts reordered"


def _seams(text: str, seams: frozenset[str]) -> list[int]:
    """Where the two-character ``seams`` occur, each search going on after the last one found.

    What a regex of the seams' alternation finds (``finditer``): of every occurrence,
    the first, then the first that starts after it ends, and so on. The occurrences are
    found by :func:`_prefix_starts`, so that no pattern is compiled per document.
    """
    found, end = [], 0
    for start in _prefix_starts(text, seams):
        if start >= end:
            found.append(start)
            end = start + 2
    return found


def _common_prefix(text: str, offset: int, name: str, limit: int) -> int:
    """How many of ``name``'s first characters (at most ``limit``) ``text`` has from ``offset`` on."""
    count = 0
    while count < limit and offset + count < len(text) and text[offset + count] == name[count]:
        count += 1
    return count


def _common_suffix(text: str, end: int, name: str, limit: int) -> int:
    """How many of ``name``'s last characters (at most ``limit``) ``text`` has just before ``end``."""
    count = 0
    while count < limit and end - count - 1 >= 0 and text[end - count - 1] == name[-1 - count]:
        count += 1
    return count


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-"})


def _typographic(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split())


def _contains_or_inside(candidate: str, names: Iterable[str]) -> bool:
    # 西非国家 inside 西非国家经济共同体, or 西非国家经济共同体委员会 around it: other words, not slips.
    return any(candidate in name or name in candidate for name in names)


def _is_english(name: str) -> bool:
    return name[:1].isascii()


def _may_start(text: str, start: int) -> bool:
    """Whether a name may start at ``start``: after a boundary (Chinese) or a non-letter (English)."""
    if start == 0:
        return True
    if text[start].isascii():
        return not text[start - 1].isalnum()
    return after_zh_boundary(text, start)


def _starts_a_name(text: str, start: int, name: str) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    if _is_english(name):
        return not before.isalnum()
    # Glued to the word before, it may be part of another name (伊比利亚美洲教育、科学和文化组织).
    return after_zh_boundary(text, start)


def _ends_a_name(text: str, end: int, name: str) -> bool:
    # An English name ends at a word's end; a Chinese one may run into the next word.
    return not _is_english(name) or end >= len(text) or not text[end].isalnum()


# Characters after which a Chinese name may start: anything not a Chinese character, and the
# function words that end a phrase before a name.
_BOUNDARY_CHARS = frozenset("的与和同及在向对由为是从以将把被给至或并等了各该其这即如于而但经跟请让使"
                            "据到持过助括入")  # 根据 认识到 支持 通过 协助 包括 加入
_BOUNDARY_STRING = "".join(sorted(_BOUNDARY_CHARS))


def after_zh_boundary(text: str, offset: int) -> bool:
    """Whether a Chinese name may start at ``offset``: not in the middle of a longer run of name characters."""
    if offset == 0:
        return True
    before = text[offset - 1]
    return not ("\u4e00" <= before <= "\u9fff") or before in _BOUNDARY_CHARS


# -- fuzzy matching ----------------------------------------------------------------------------

#: Two edits only for names this long; with two, 欧洲委员会 would "match" 欧洲议会.
_TWO_EDIT_MIN_CHARS = 8


_EDITED = "characters dropped, added or changed"
_SWAPPED = "institution word swapped"


def fuzzy_spans(text: str, targets: list[str]) -> dict[str, list[tuple[int, int]]]:
    """For each target, the non-overlapping spans where it is written with a few edits inside it."""
    return {name: [(start, end) for start, end, how in spans if how == _EDITED]
            for name, spans in scan_targets(text, targets).items()}


def scan_targets(text: str, targets: list[str], known: Collection[int] = (),
                 boundaries: bool = False) -> dict[str, list[tuple[int, int, str]]]:
    """For each target, the places it is written with a few edits inside it, or with a synonymous ending.

    ``known`` are offsets where a known name starts: no variant starts there
    (it would overlap the name), so they are not looked at; with
    ``boundaries``, neither are places inside a word, where no name starts.

    A match starts with the target's first two characters, so one scan for
    those prefixes finds every place any target may start (:func:`_window_starts`). What follows such a
    place decides the matches there, so it is looked at once per distinct text
    (names recur) for all targets sharing the prefix; the costly fuzzy engine
    runs only where a target is not written exactly but could be near.
    """
    groups = _groups(targets)
    if not groups:
        return {}
    # What a place matches depends on the text that follows it, up to two characters past
    # the longest target (the most a match can take), and on nothing else: it is decided
    # once per distinct following text (names recur), at the place where that text first occurs.
    reach = max(group.high for group in groups.values())
    starts = _window_starts(text, groups, reach, known, boundaries)
    followings = [text[start:start + reach] for start in starts]
    first = dict(zip(reversed(followings), reversed(starts)))
    matched = {}
    for following, start in first.items():
        if found := _matches_at(text, start, following, groups[following[:2]]):
            matched[following] = found
    places: dict[str, list[int]] = {}
    for start, following in zip(starts, followings):
        if following in matched:
            places.setdefault(following, []).append(start)
    hits: dict[str, list[tuple[int, int, str]]] = {}
    for following, at in sorted(places.items(), key=lambda place: place[1][0]):
        for name, size, how in matched[following]:
            hits.setdefault(name, []).extend((start, start + size, how) for start in at)
    return {name: _not_overlapping(sorted(found)) for name, found in hits.items()}


def _window_starts(text: str, groups: Mapping[str, _Group], reach: int, known: Collection[int],
                   boundaries: bool) -> list[int]:
    """The places where a group's prefix starts that are worth :func:`_matches_at`'s look.

    Not the starts of ``known`` names, and only where one of the group's last characters
    stands within reach or a swap stem starts: elsewhere no target matches (see
    :func:`_matches_at`). Most places are passed over here, by the native loop of
    ``unlint._scan`` where it was built, else by :func:`_window_starts_python`. The native
    loop also makes :func:`_matches_at`'s cheap tests of each target (last character, exact
    name, middle characters kept), so that it passes over the places where they all fail and
    :func:`_matches_at` would find nothing.
    """
    if _native_window_starts is None:
        return _window_starts_python(text, groups, reach, known, boundaries)
    windows = {prefix: group.window for prefix, group in groups.items()}
    return _native_window_starts(text, windows, reach, sorted(known), _BOUNDARY_STRING if boundaries else None)


def _window_starts_python(text: str, groups: Mapping[str, _Group], reach: int, known: Collection[int],
                          boundaries: bool) -> list[int]:
    """:func:`_window_starts` in Python."""
    starts = []
    for start in _prefix_starts(text, frozenset(groups), boundaries):
        if start in known:
            continue
        following = text[start:start + reach]
        group = groups[following[:2]]
        if following.startswith(group.stems) or _may_match(following, group):
            starts.append(start)
    return starts


def _may_match(following: str, group: _Group) -> bool:
    """Whether a target of ``group`` passes :func:`_matches_at`'s cheap tests on ``following``."""
    if group.lasts.isdisjoint(following[group.low:group.high]):
        return False
    for target in group.rank_order:
        if target.last not in following[target.lowest:target.size + 2]:
            continue
        if following.startswith(target.name) or _kept(target.middle, following[2:target.size + 1]) >= target.kept:
            return True
    return False


def _groups(targets: Iterable[str]) -> dict[str, _Group]:
    """The targets grouped by their two-character prefix."""
    by_key: dict[str, list[str]] = {}
    for name in targets:
        by_key.setdefault(name[:2], []).append(name)
    return {key: _group(tuple(names)) for key, names in by_key.items()}


@dataclass(frozen=True, slots=True)
class _Target:
    """A name to search, with what the cheap tests of :func:`_matches_at` need, computed once."""

    name: str
    size: int
    last: str
    #: Where its last character may stand in a near match: ``edits`` dropped or two added.
    lowest: int
    #: The distinct characters between the first two and the last, and how many a match must keep.
    middle: frozenset[str]
    kept: int
    #: The name with its institution word swapped for a synonym (伊斯兰合作机构 for 伊斯兰合作组织),
    #: and what those forms share (empty when there are none).
    swaps: tuple[str, ...]
    stem: str

    @classmethod
    def of(cls, name: str) -> _Target:
        """Prefer :func:`_target`, which computes this once per name."""
        edits = _edits(name)
        middle = frozenset(name[2:-1])
        swaps = _swaps(name)
        stem = os.path.commonprefix([name, *swaps]) if swaps else ""
        return cls(name, len(name), name[-1], len(name) - 1 - edits, middle, len(middle) - edits, swaps, stem)


@lru_cache(maxsize=8192)
def _target(name: str) -> _Target:
    # Names recur from document to document (the registry's, the UN's own bodies).
    return _Target.of(name)


def _swaps(name: str) -> tuple[str, ...]:
    if _is_english(name):
        return ()
    forms = []
    for group in _SYNONYM_ENDINGS:
        ending = next((e for e in sorted(group, key=len, reverse=True) if name.endswith(e)), None)
        if ending is not None and len(name) - len(ending) >= 4:
            forms += [name[: -len(ending)] + other for other in group if other != ending]
    return tuple(forms)


def _prefix_starts(text: str, prefixes: frozenset[str], boundaries: bool = False) -> list[int]:
    """Every offset where one of the two-character ``prefixes`` starts, in order, overlapping ones too.

    With ``boundaries``, only offsets where a name may start (:func:`_may_start`).
    The native loop of ``unlint._scan`` (lint/_scan.c) does this at a few instructions per
    character; where it was not built, :func:`_prefix_starts_python`.
    """
    if not prefixes:
        return []
    if _pair_starts is not None:
        return _pair_starts(text, prefixes, _BOUNDARY_STRING if boundaries else None)
    return _prefix_starts_python(text, prefixes, boundaries)


def _prefix_starts_python(text: str, prefixes: frozenset[str], boundaries: bool = False) -> list[int]:
    """:func:`_prefix_starts` in Python.

    An Aho-Corasick automaton of the document's prefixes finds them: it is built in
    a fraction of a millisecond, where a regex of them (with a look-behind for the boundary, whose
    Chinese class spans twenty thousand characters) cost 18 M instructions to compile,
    more than the whole search of a document, and each document has its own prefixes.
    A third of the places are inside a word; they are dropped in Python, by :func:`_name_starts`'s test.
    """
    if not prefixes:
        return []
    find = _automaton(prefixes).find_matches_as_indexes
    starts: list[int] = []
    # In pieces, as the registry's automaton is given text (see rules/registry.py): for the string
    # it is given, the automaton keeps a UTF-8 copy and an index from bytes to characters.
    for piece in range(0, len(text), _PIECE):
        # One character more than the piece, so that a prefix starting on its last character is whole.
        starts += [piece + at for _, at, _ in find(text[piece:piece + _PIECE + 1], overlapping=True) if at < _PIECE]
    starts.sort()  # in the order the prefixes end, which for two-character prefixes is their order
    if not boundaries:
        return starts
    if any(prefix[0].isascii() for prefix in prefixes):
        return _name_starts(text, starts)
    # Prefixes that start with a non-ASCII character only (most documents): the test of _name_starts
    # for them, in one comprehension.
    return [start for start in starts
            if not start or not ("\u4e00" <= (before := text[start - 1]) <= "\u9fff") or before in _BOUNDARY_CHARS]


_PIECE = 1 << 16


@lru_cache(maxsize=256)
def _automaton(prefixes: frozenset[str]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(sorted(prefixes), matchkind=ahocorasick_rs.MatchKind.Standard)


def _name_starts(text: str, offsets: list[int]) -> list[int]:
    """The ``offsets`` where a name may start (:func:`_may_start`), tested in one loop: there are many."""
    kept = []
    for offset in offsets:
        if offset:
            before = text[offset - 1]
            if text[offset].isascii():
                if before.isalnum():
                    continue
            elif "\u4e00" <= before <= "\u9fff" and before not in _BOUNDARY_CHARS:
                continue
        kept.append(offset)
    return kept


@dataclass(frozen=True, slots=True, eq=False)
class _Group:
    """The targets sharing a prefix, indexed for :func:`_matches_at`, computed once per process.

    A target matches only where its swap stem starts the text, or where its last
    character stands within reach (see :func:`_matches_at`): the targets are found
    by the last characters in the union of those reaches, not tried one by one
    (the group of ``联合``, the UN's own bodies, holds dozens).
    """

    #: The targets with a swap stem, and their stems.
    stemmed: tuple[_Target, ...]
    stems: tuple[str, ...]
    #: The targets by their last character, in the group's order.
    by_last: Mapping[str, tuple[_Target, ...]]
    lasts: frozenset[str]
    low: int
    high: int
    #: Each target's place in the group: matches are listed in this order (see :func:`_matches_at`).
    rank: Mapping[str, int]
    rank_order: tuple[_Target, ...]
    #: What the native scan reads of the group (see :func:`_window_starts`), made once per group: lasts,
    #: low, high, stems, and each target's name, lowest, middle characters and kept count. None
    #: without the native module.
    window: object

    @classmethod
    def of(cls, targets: Sequence[_Target]) -> _Group:
        by_last: dict[str, list[_Target]] = {}
        for target in targets:
            by_last.setdefault(target.last, []).append(target)
        stemmed = tuple(t for t in targets if t.stem)
        stems = tuple(t.stem for t in stemmed)
        low, high = min(t.lowest for t in targets), max(t.size for t in targets) + 2
        return cls(stemmed, stems, {last: tuple(group) for last, group in by_last.items()}, frozenset(by_last),
                   low, high, {t.name: index for index, t in enumerate(targets)}, tuple(targets),
                   _make_window(("".join(by_last), low, high, stems,
                                 tuple((t.name, t.lowest, "".join(t.middle), t.kept) for t in targets))))


@lru_cache(maxsize=4096)
def _group(names: tuple[str, ...]) -> _Group:
    # The same names share a prefix in document after document (the registry's).
    return _Group.of([_target(name) for name in names])


def _matches_at(text: str, start: int, following: str, group: _Group) -> list[tuple[str, int, str]]:
    """Which of the ``group``'s targets match at ``start``, how long the match is, and how.

    A target whose swap stem starts ``following`` matches with a swapped institution word
    when one of its swapped forms is there. Otherwise, where the name is written exactly
    the fuzzy pattern matches it exactly; elsewhere a match ends with the name's last
    character within reach of the name's length and keeps all but ``edits`` of its middle
    characters (each edit loses at most one of them): cheap tests that spare the fuzzy
    engine most places. The matches are listed in the group's order of targets, as trying each in
    turn lists them: where two names match at one place, that order is the order of their findings.
    """
    # Each of the group's few last characters looked for in the window (str.find), rather than
    # the window's characters looked up in the set: that made a string of each, 8,000
    # instructions a call. The order of ``present`` does not matter: matches are ranked below.
    window = following[group.low:group.high]
    present = [last for last in group.lasts if last in window]
    swapped: list[tuple[str, int, str]] = []
    if group.stems and following.startswith(group.stems):
        for target in group.stemmed:
            if following.startswith(target.stem):
                form = next((form for form in target.swaps if following.startswith(form)), None)
                if form is not None:
                    swapped.append((target.name, len(form), _SWAPPED))
    elif not present:
        return []  # most places: no target's last character within reach
    matched = swapped
    done = {name for name, _, _ in swapped}
    for last in present:
        for target in group.by_last[last]:
            size = target.size
            if target.name in done or last not in following[target.lowest:size + 2]:
                continue
            if following.startswith(target.name):
                matched.append((target.name, size, _EDITED))
            elif _kept(target.middle, following[2:size + 1]) >= target.kept:
                match = _fuzzy(target.name).match(text, start)
                if match is not None:
                    matched.append((target.name, match.end() - start, _EDITED))
    if len(matched) > 1:
        matched.sort(key=lambda entry: group.rank[entry[0]])
    return matched


def _kept(middle: frozenset[str], text: str) -> int:
    """How many of the characters ``middle`` ``text`` holds: ``len(middle & set(text))``, by str.find."""
    return sum(char in text for char in middle)


def _not_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept, position = [], 0
    for span in spans:
        if span[0] >= position:
            kept.append(span)
            position = span[1]
    return kept


@lru_cache(maxsize=4096)
def _fuzzy(name: str) -> regex.Pattern[str]:
    # The first two and the last characters must match exactly: edits at the
    # ends would turn "东南亚国家联盟成员" into a near-miss of the union's name.
    # A long name may lose a two-character word (西非经济共同体 for 西非国家经济共同体).
    middle = regex.escape(name[2:-1])
    edits = _edits(name)
    return regex.compile(
        f"{regex.escape(name[:2])}(?:{middle}){{i<=2,d<={edits},s<=1,e<={edits}}}{regex.escape(name[-1])}"
    )


def _edits(name: str) -> int:
    if _is_english(name):
        return 1 if len(name) < 20 else 2
    return 1 if len(name) < _TWO_EDIT_MIN_CHARS else 2


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by prefix so that each position costs a few steps.

    At every node the longer continuations come before ending there, so the
    match at a given start is the longest word.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie) or "(?!)"


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
