"""ORG: organization names, checked against the organization registry."""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex
from unlint import Applicability, Finding, Fix, hookimpl, rule
from unlint.config import Config
from unlint.diagnostics import Edit
from unlint.document import Document
from unlint.structure.mentions import quoted_titles
from unlint.structure.names import UN_PREFIX, near_variants
from unlint.structure.scan import char_positions
from unlint.text import edit_distance

from .registry import FormKind, Mention, Organization

_LONG_KINDS = (FormKind.OFFICIAL, FormKind.VARIANT)
_DEFINITION = regex.compile(r"[(（](?P<short>[^()（）\s]{2,15})[)）]")
_OPENING_BRACKETS = ("(", "（")
_DEFINED_KINDS = (*_LONG_KINDS, FormKind.ERROR)
#: Words that mark a sentence as history, where a former name is right.
_HISTORY = regex.compile(r"前身|原称|原名|旧称|曾经|先是|当时|更名|改名|改称|取代|改为|以前|之前")


def body_mentions(document: Document) -> list[Mention]:
    """Registered forms in the text, outside page furniture and quoted titles (lint/structure/mentions.py)."""
    return list(document.organization_mentions)


def _where(document: Document, mention: Mention) -> str:
    return f"line {document.position(mention.start).line}"


def _label(organization: Organization) -> str:
    return f"{organization.zh} ({organization.en})" if organization.en else organization.zh


def _replace_all(mentions: Iterable[Mention], replacement: str, *, safe: bool) -> Fix:
    edits = tuple(Edit(m.start, m.end, replacement) for m in mentions)
    return Fix(edits, Applicability.SAFE if safe else Applicability.UNSAFE)


def _by_form(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.form.text, []).append(mention)
    return grouped


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    return quoted_titles(text)


# -- ORG001 ---------------------------------------------------------------------------


@rule("ORG001", "organization-name-variant", "One organization named in two different ways in one document",
      fix="safe")
def organization_name_variant(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Finds an organization whose full name is written in two different ways in
    one document: two forms the organization registry knows
    (`中非国家经济共同体` and `中部非洲国家经济共同体`, `拯救咸海国际基金` and
    `拯救咸海国际基金会`), or a near-miss of a name the document uses elsewhere
    (a character or two inserted, dropped or changed inside it:
    `反恐主义办公室` beside `联合国反恐怖主义办公室`). Names that are themselves registered
    organizations (`欧洲联盟委员会` beside `欧洲委员会`) are never near-misses.

    ## Why is this bad?
    A reader cannot tell whether two spellings mean one body or two, and a
    translation memory learns both. UN editors fix one form per document.

    ## Example
    ```text
    联合国同中非国家经济共同体的合作
    ...
    中部非洲国家经济共同体
    ```

    ## Fix
    For a registered variant, replace every occurrence with the registry's
    official form: safe, except in the sub-item titles of the agenda block
    (they quote the General Assembly's agenda, which may keep an older form)
    and for entries whose official form the registry marks unverified. A
    near-miss gets no fix: only a person knows which spelling is meant.
    """
    mentions = body_mentions(document)
    yield from _registered_variants(document, mentions)
    yield from _near_misses(document, mentions)


def _registered_variants(document: Document, mentions: list[Mention]) -> Iterator[Finding]:
    by_organization: dict[str, list[Mention]] = {}
    for mention in mentions:
        form = mention.form
        if form.kind in _LONG_KINDS:
            by_organization.setdefault(form.organization.id, []).append(mention)
    for group in by_organization.values():
        forms = _by_form(group)
        if len({text.removeprefix(UN_PREFIX) for text in forms}) < 2:
            continue  # 裁军审议委员会 and 联合国裁军审议委员会: the UN writes its bodies with or without the prefix
        organization = group[0].organization
        reference = forms.get(organization.zh) or group[0:1]
        for text, uses in forms.items():
            if text.removeprefix(UN_PREFIX) == reference[0].form.text.removeprefix(UN_PREFIX):
                continue
            first_other = next(m for m in group
                               if m.form.text.removeprefix(UN_PREFIX) != text.removeprefix(UN_PREFIX))
            # Sub-item titles quote the General Assembly's agenda, which may keep an older form.
            safe = not organization.unverified and not any(_in_agenda_titles(document, m) for m in uses)
            yield Finding(
                uses[0].start, uses[0].end,
                f"`{text}` and `{first_other.form.text}` ({_where(document, first_other)}) name the same "
                f"organization, {_label(organization)}; use one form"
                + (f" ({len(uses)} uses of `{text}`)" if len(uses) > 1 else ""),
                fix=_replace_all(uses, organization.zh, safe=safe),
            )


def _in_agenda_titles(document: Document, mention: Mention) -> bool:
    agenda = document.agenda
    return agenda is not None and any(t.start <= mention.start < t.end for t in agenda.titles)


def _near_misses(document: Document, mentions: list[Mention]) -> Iterator[Finding]:
    """Near variants of a name the document uses (a registry match) or defines (``全称(简称)``)."""
    table = document.names
    used = _first_of_each_form(mentions, FormKind.ERROR)
    names = {name: mention.start for name, mention in used.items()}
    renamed = table.renamed()
    defined = {name: d for name, d in table.first_definition().items() if name not in renamed}
    for name, definition in defined.items():
        names.setdefault(name, definition.start)
    # Known names are no variants; a short form inside a slip (技术库 in 最不发达国家的技术库) does not hide it.
    abbreviation = FormKind.ABBREVIATION
    taken = [(m.start, m.end) for m in mentions if m.form.kind is not abbreviation]
    # Every defined form, full or short, is a name in its own right (中亚经济体方案 abbreviates
    # 联合国中亚经济体特别方案; it is not a slip for it).
    accept = {*defined, *(d.short for d in table.definitions)}
    for variant in near_variants(document.text, names, taken, table.quoted, accept=accept, reorder=defined):
        if document.is_furniture(variant.start):
            continue
        known = used.get(variant.name)
        where = known.start if known is not None else defined[variant.name].start
        if known is None and variant.start < where:
            continue  # before the definition: perhaps another document of a compilation
        line = document.position(where).line
        if known is not None:
            whose = f"which names {_label(known.organization)} (line {line})"
        else:
            definition = defined[variant.name]
            space = " " if definition.english else ""
            whose = f"defined on line {line} as `{definition.full}{space}({definition.short})`"
        yield Finding(
            variant.start, variant.end,
            f"`{variant.text}` looks like a misspelling of `{variant.target}` ({variant.how}), {whose}",
        )


def _first_of_each_form(mentions: Sequence[Mention], but: FormKind) -> dict[str, Mention]:
    """The first mention of each form not of kind ``but``, in the order of those first mentions."""
    first = {m.form.text: m for m in reversed(mentions) if m.form.kind is not but}  # the first one wins
    return dict(sorted(first.items(), key=lambda item: item[1].start))


# -- ORG002 ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Definition:
    organization: Organization
    short: str
    start: int
    end: int


@rule("ORG002", "abbreviation-mismatch",
      "An organization's abbreviation is defined, then a different abbreviation is used", fix="unsafe")
def abbreviation_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Finds an organization whose abbreviation is defined after its full name,
    `联合国儿童基金会(儿童基金会)` or `联合国儿童基金会（儿童基金会）`, and that is
    later called by a different abbreviation the registry knows for it
    (`儿基会`).

    ## Why is this bad?
    The definition tells the reader what to look for; a different short form
    reads as a different body.

    ## Example
    ```text
    与联合国儿童基金会(儿童基金会)密切合作。……儿基会欧洲和中亚区域主任
    ```

    ## Fix
    Replace the other abbreviation with the defined one. Unsafe: the
    definition may be the form to change.
    """
    mentions = body_mentions(document)
    definitions = _definitions(document.text, mentions)
    abbreviations: dict[str, list[Mention]] = {}
    if definitions:
        for mention in _of_kind(mentions, FormKind.ABBREVIATION):
            if (organization_id := mention.form.organization.id) in definitions:
                abbreviations.setdefault(organization_id, []).append(mention)
    reported: set[int] = set()
    for definition in definitions.values():
        later = [
            m for m in abbreviations.get(definition.organization.id, ())
            if m.start > definition.end and m.form.text != definition.short
        ]
        for text, uses in _by_form(later).items():
            reported.update(m.start for m in uses)
            yield Finding(
                uses[0].start, uses[0].end,
                f"`{text}` abbreviates {_label(definition.organization)}, whose abbreviation was defined as "
                f"`{definition.short}` (line {document.position(definition.start).line})"
                + (f" ({len(uses)} uses)" if len(uses) > 1 else ""),
                fix=_replace_all(uses, definition.short, safe=False),
            )
    for first, later in document.names.redefinitions():
        if later.short_start in reported:
            continue
        end = later.short_start + len(later.short)
        yield Finding(
            later.short_start, end,
            f"`{later.full}` is given the abbreviation `{later.short}` here and `{first.short}` on line "
            f"{document.position(first.start).line}; keep one",
            fix=Fix.replace(later.short_start, end, first.short, safe=False),
        )


def _definitions(text: str, mentions: list[Mention]) -> dict[str, _Definition]:
    """The first abbreviation defined for each organization: a full name followed by ``(short)``."""
    found: dict[str, _Definition] = {}
    # What _DEFINITION starts with: most mentions are not followed by one. The brackets' offsets
    # are found by string searches and each mention's end looked up among them: slicing the
    # character after every mention (a new string each) cost three times as much.
    brackets = _opening_brackets(text)
    for mention in [m for m in mentions if m.end in brackets]:
        if mention.form.kind not in _DEFINED_KINDS or mention.form.organization.id in found:
            continue
        match = _DEFINITION.match(text, mention.end)
        if match is None:
            continue
        short = match["short"]
        known = _mention_at(mentions, match.start("short"))
        if known is not None and known.organization.id != mention.organization.id:
            continue
        if known is None and not _looks_like_abbreviation(short, mention.form.text):
            continue
        found[mention.organization.id] = _Definition(mention.organization, short, match.start("short"),
                                                      match.end("short"))
    return found


def _opening_brackets(text: str) -> set[int]:
    """The offsets of every opening bracket (``(``, ``（``) in ``text``."""
    return set(char_positions(text, "".join(_OPENING_BRACKETS)))


def _mention_at(mentions: Sequence[Mention], start: int) -> Mention | None:
    """The mention starting at ``start`` (mentions are in order): a look-up for the few definitions."""
    index = bisect.bisect_left(mentions, start, key=_START)
    return mentions[index] if index < len(mentions) and mentions[index].start == start else None


_START = operator.itemgetter(0)  # Mention.start, as a C function for bisect's key


def _looks_like_abbreviation(short: str, full: str) -> bool:
    """``(儿童基金会)`` after 联合国儿童基金会 is an abbreviation; ``(2015年)`` or ``(见下文)`` is not."""
    return (
        len(short) < len(full)
        and all("\u4e00" <= char <= "\u9fff" for char in short)
        and len(set(short) & set(full)) >= 2
    )


# -- ORG003 ---------------------------------------------------------------------------


@rule("ORG003", "former-organization-name",
      "An organization's former name used after the organization was renamed", fix="unsafe")
def former_organization_name(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Finds an organization's former name (`伊斯兰会议组织`, `非洲统一组织`,
    `欧洲安全和合作会议`, `裁军事务部`, ...) in a document dated on or after the
    day the organization took its new name. The date is the masthead's (or
    the `document-date` setting); when it is unknown the rule stays silent, and
    a former name in a document older than the rename is correct
    (`伊斯兰会议组织` in a 2010 report).

    ## Why is this bad?
    Naming a body by a name it no longer bears reads as a dated or careless
    text; it may also be history, which is why this is a warning.

    ## Example
    ```text
    2018 年 7 月，伊斯兰会议组织秘书长……
    ```

    ## Fix
    Replace it with the current name. Unsafe: a sentence about the past may
    rightly use the old name.

    ## Options
    - `document-date` (`--document-date YYYY-MM-DD`): the date to check against when the
      masthead gives none, or a wrong one.
    - `[[tool.unlint.organizations]]`: entries that extend or correct the registry (plugins add
      more through the `unlint_organizations` hook); a `former` name carries its `until` date.
    """
    date = document.date
    if date is None:
        return
    mentions = body_mentions(document)
    first_uses = _FirstUses(mentions)
    for mention in _of_kind(mentions, FormKind.FORMER):
        former = mention.form.former
        if former is None or date < former.until:
            continue
        organization = mention.form.organization
        if _is_history(document.text, mention, mentions):
            continue
        current = _current_form(organization, mention.form.text in former.abbreviations)
        yield Finding(
            mention.start, mention.end,
            f"`{mention.form.text}` is the former name of {_label(organization)}, renamed on "
            f"{former.until.isoformat()}; this document is dated {date.isoformat()}: write `{current}`"
            + _used_at(document, first_uses, current),
            fix=Fix.replace(mention.start, mention.end, current, safe=False),
        )


def _is_history(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether the sentence around ``mention`` tells history or also gives the current name."""
    stop = text.rfind("。", 0, mention.start)
    # A blank line counts only after the last stop: looking no further back keeps this bounded
    # by the sentence, not by the document (a text without blank lines would be read back to its start).
    start = max(stop, text.rfind("\n\n", max(stop, 0), mention.start)) + 1
    end = text.find("。", mention.end)
    end = len(text) if end == -1 else end
    if _HISTORY.search(text, start, end):
        return True
    first = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, end, key=lambda m: m.start)
    return any(m.organization.id == mention.organization.id and m.form.kind is not FormKind.FORMER
               for m in mentions[first:last])


def _current_form(organization: Organization, short: bool) -> str:
    return organization.abbreviations[0] if short and organization.abbreviations else organization.zh


def _used_at(document: Document, first_uses: _FirstUses, form: str) -> str:
    """Where the document itself writes ``form``, the form a message recommends."""
    used = first_uses.get(form)
    return f" (as on {_where(document, used)})" if used else ""


class _FirstUses:
    """The first mention of each form, made on the first look-up: most documents need none.

    Looked up once per finding, so not searched for each (that was quadratic).
    """

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = mentions
        self._first: dict[str, Mention] | None = None

    def get(self, form: str) -> Mention | None:
        if self._first is None:
            # Built backwards, so that the first mention of a form is the one kept.
            self._first = {mention.form.text: mention for mention in reversed(self._mentions)}
        return self._first.get(form)


def _of_kind(mentions: Iterable[Mention], kind: FormKind) -> list[Mention]:
    """The mentions of one form kind, in order (one filtering pass: a document has thousands)."""
    return [mention for mention in mentions if mention.form.kind is kind]


# -- ORG004 ---------------------------------------------------------------------------


@rule("ORG004", "wrong-organization-name", "A known wrong rendering of an organization's name", fix="safe")
def wrong_organization_name(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Finds renderings of an organization's name that the registry lists as
    wrong in UN text: regional renderings (`东协` for `东盟`,
    `经济合作暨发展组织` for `经济合作与发展组织`), slips such as
    `联合国粮食与农业组织` for `联合国粮食及农业组织`, and
    near-misses met in real documents (`联合国儿童基金` for `联合国儿童基金会`,
    `加共同体` for `加共体`, `维持和平部` for `维持和平行动部`).

    ## Why is this bad?
    UN Chinese text uses one official form for each body; other renderings
    are errors a reader or a terminology check will catch.

    ## Example
    ```text
    与联合国粮食与农业组织(粮农组织)密切合作
    ```

    ## Fix
    Replace it with the closest registered form, the official name or its
    abbreviation (safe).
    """
    mentions = body_mentions(document)
    first_uses = _FirstUses(mentions)
    for mention in _of_kind(mentions, FormKind.ERROR):
        organization = mention.form.organization
        right = _closest_form(mention.form.text, organization)
        yield Finding(
            mention.start, mention.end,
            f"`{mention.form.text}` is not a UN form of {_label(organization)}: write `{right}`"
            + _used_at(document, first_uses, right),
            fix=Fix.replace(mention.start, mention.end, right),
        )


def _closest_form(wrong: str, organization: Organization) -> str:
    return _closest(wrong, (organization.zh, *organization.abbreviations))


@functools.lru_cache(maxsize=1024)
def _closest(wrong: str, candidates: tuple[str, ...]) -> str:
    """The candidate nearest ``wrong`` (the first of the nearest). Remembered per process: the
    answer depends on registry forms only, and a document repeats its wrong forms (the edit
    distances were most of the rule)."""
    return min(candidates, key=lambda form: (edit_distance(wrong, form), candidates.index(form)))


@hookimpl
def unlint_rules():
    return [organization_name_variant, abbreviation_mismatch, former_organization_name, wrong_organization_name]
