"""AGD: the agenda block of a consolidated report, its sub-item titles and sections."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from unlint import Finding, hookimpl, rule
from unlint.config import Config
from unlint.document import Document
from unlint.structure.agenda import AgendaBlock, SectionHeading, SubItemTitle
from unlint.text import edit_distance

from .registry import FormKind, Mention, Registry

_CONJUNCTIONS = ("和", "及", "以及", "and")
_ELLIPSES = ("……", "…", "至", "到", "-", "—", "–", "to")
#: AGD003 runs only when most titles have a section of their own.
_SECTION_COVERAGE = 0.5
#: Forms compared between a title and its heading; an abbreviation beside a full name is no variant.
_FULL_KINDS = (FormKind.OFFICIAL, FormKind.VARIANT, FormKind.ERROR, FormKind.FORMER)


def letter_sequence(count: int) -> list[str]:
    """``a``..``z``, then ``aa``, ``bb``, ... as the UN continues sub-item letters."""
    singles = [chr(ord("a") + i) for i in range(26)]
    return [singles[i] if i < 26 else singles[i % 26] * (i // 26 + 1) for i in range(count)]


@rule("AGD001", "agenda-sub-item-sequence",
      "Agenda sub-item letters skip, repeat or run out of order, or the last lacks its conjunction")
def agenda_sub_item_sequence(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Reads the agenda line of a report (`议程项目 129(a)、(b)、……(y)和(z)`,
    `Item 68 (a) and (b) of the provisional agenda`) and
    checks that its sub-item letters run `(a)`, `(b)`, ... `(z)`, then `(aa)`,
    `(bb)`, ... without a repeat or a step back, and that the last one is
    joined by `和` (or `及`; `and` in English). A gap is reported where a title is listed for
    each sub-item (a consolidated report); a document issued under only some
    sub-items (`议程项目 20(a)和(c)`) may skip letters. An ellipsis (`……`) or a
    range (`至`) between two letters stands for the letters between them.

    ## Why is this bad?
    The agenda line tells the General Assembly which sub-items the report
    answers; a skipped or doubled letter points at the wrong sub-item.

    ## Example
    ```text
    议程项目 122(a)、(b)、(d)和(e)
    ```

    ## Fix
    None: only the author knows which sub-item was meant.
    """
    agenda = document.agenda
    if agenda is None:
        return
    # A document may answer only some sub-items (议程项目 20(a)和(c)); a gap is an
    # error only where a title follows for every letter, as in a consolidated report.
    # Titles that carry their letters (or a single one) say which sub-items the document answers.
    check_gaps = len(agenda.titles) > 1 and not any(t.letter for t in agenda.titles)
    expected = letter_sequence(len(agenda.sub_items) + 52)
    index = 0
    seen: set[str] = set()
    for sub_item in agenda.sub_items:
        letter = sub_item.letter
        where = f"sub-item ({letter}) of agenda item {agenda.item}"
        place = expected.index(letter) if letter in expected else -1
        if place < 0:
            yield Finding(sub_item.start, sub_item.end,
                          f"{where} is no sub-item letter: after (z) come (aa), (bb), (cc), ...")
            continue
        if letter in seen:
            yield Finding(sub_item.start, sub_item.end, f"{where} is listed twice")
        elif place < index:
            yield Finding(sub_item.start, sub_item.end, f"{where} is out of order: it follows ({expected[index - 1]})")
        elif place > index and check_gaps and not _is_ellipsis(sub_item.separator):
            yield Finding(sub_item.start, sub_item.end, f"{where} comes where ({expected[index]}) is expected")
        seen.add(letter)
        index = max(index, place + 1)
    last = agenda.sub_items[-1]
    if len(agenda.sub_items) > 1 and not _joins_last(last.separator):
        conjunction = "and" if document.text[agenda.start:agenda.start + 1].isascii() else "和"
        yield Finding(last.start, last.end, f"the last sub-item ({last.letter}) of agenda item {agenda.item} "
                      f"should follow `{conjunction}`, not `{last.separator or 'nothing'}`")


def sub_item_count(agenda: AgendaBlock) -> int:
    """How many sub-items the agenda line stands for: ``(a)、……(z)`` and ``(a)至(z)`` are 26."""
    sequence = letter_sequence(len(agenda.sub_items) + 52)
    count = 0
    previous: str | None = None
    for sub_item in agenda.sub_items:
        letter = sub_item.letter
        spans_gap = previous in sequence and letter in sequence and _is_ellipsis(sub_item.separator)
        count += max(1, sequence.index(letter) - sequence.index(previous)) if spans_gap else 1
        previous = letter
    return count


def _is_ellipsis(separator: str) -> bool:
    return any(mark in separator for mark in _ELLIPSES)


def _joins_last(separator: str) -> bool:
    """``和`` before the last sub-item, or a range (``(a)至(w)``), which needs none."""
    return separator.endswith(_CONJUNCTIONS) or separator in _RANGES


_RANGES = ("至", "到", "-", "—", "–", "to")


@rule("AGD002", "agenda-title-count", "The number of agenda sub-items differs from the number of their titles")
def agenda_title_count(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Counts the sub-items of the agenda line and the titles listed under the
    item's title (`联合国同非洲联盟的合作`, one per sub-item) and reports a
    difference. Where each title line gives its letter (`(a) 执行……`), it
    reports a title whose letter the agenda line does not list, and a listed
    sub-item without a title.

    ## Why is this bad?
    Each sub-item has one title; a missing or extra title means the list and
    the agenda line disagree about what the report covers.

    ## Example
    ```text
    议程项目 122(a)、(b)和(c)
    联合国同各区域组织及其他组织的合作：
    联合国同非洲联盟的合作
    联合国同东南亚国家联盟的合作
    ```

    ## Fix
    None: add the missing title or correct the agenda line.
    """
    agenda = document.agenda
    if agenda is None or not agenda.titles:
        return
    listed = [s.letter for s in agenda.sub_items]
    lettered = [t for t in agenda.titles if t.letter]
    if lettered and not any(_is_ellipsis(s.separator) for s in agenda.sub_items):
        for title in lettered:
            if title.letter not in listed:
                yield Finding(title.start, title.end,
                              f"the title of sub-item ({title.letter}) follows agenda item {agenda.item}, "
                              f"whose line lists ({'), ('.join(listed)})")
        if [t.letter for t in lettered] != listed and all(t.letter in listed for t in lettered):
            missing = [letter for letter in listed if letter not in {t.letter for t in lettered}]
            if missing:
                yield Finding(agenda.start, agenda.end,
                              f"agenda item {agenda.item} lists sub-item ({'), ('.join(missing)}) but no title "
                              f"for it follows (lines {agenda.titles[0].line}-{agenda.titles[-1].line})")
        return
    letters, titles = sub_item_count(agenda), len(agenda.titles)
    if letters != titles:
        yield Finding(agenda.start, agenda.end,
                      f"agenda item {agenda.item} lists {letters} sub-items but {titles} titles follow it "
                      f"(lines {agenda.titles[0].line}-{agenda.titles[-1].line})")


@dataclass(frozen=True, slots=True)
class _Named:
    """A title or heading with the organizations the registry finds in it."""

    line: int
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    #: The ids of the organizations it names (kept: titles and headings are compared many times).
    organizations: frozenset[str]


def _named(registry: Registry, item: SubItemTitle | SectionHeading, mentions: list[Mention] | None = None) -> _Named:
    """``item`` with the organizations it names; ``mentions``: ``registry.find(item.text)``, if already found."""
    if mentions is None:
        mentions = registry.find(item.text)
    shifted = tuple(Mention(m.start + item.start, m.end + item.start, m.form) for m in mentions)
    return _Named(item.line, item.start, item.end, item.text, shifted, frozenset(m.organization.id for m in mentions))


@rule("AGD003", "agenda-section-mismatch",
      "A sub-item's organization has no section, or a section's organization no sub-item")
def agenda_section_mismatch(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    In a report with one section per agenda sub-item, matches each sub-item
    title's organization with the section headings, through the organization
    registry (titles that name no organization are matched with headings that
    repeat them word for word), and reports:

    - a title whose organization has no section heading;
    - a section heading naming an organization that no sub-item title names;
    - a title and its section that name the organization in two different
      forms (a variant is reported as a variant, not as missing).

    ## Why is this bad?
    The sections are the report's answer to the sub-items: a section under a
    different organization's name usually means a wrong heading (a report on
    the Latin American and Caribbean Economic System under the heading of the
    Community of Latin American and Caribbean States).

    ## Example
    ```text
    联合国同拉丁美洲和加勒比经济体系的合作
    ...
    拉丁美洲和加勒比国家共同体
    63. 拉丁美洲和加勒比经济体系与拉加经委会……
    ```

    ## Fix
    None: correct the heading or the title.
    """
    agenda = document.agenda
    if agenda is None or not agenda.titles:
        return
    registry = document.organization_registry
    titles = [_named(registry, t) for t in agenda.titles]
    if not any(t.organizations for t in titles):
        yield from _sections_by_title(agenda)
        return
    # Only the headings naming an organization are kept (every mention names one): the others are
    # not made into _Named at all.
    headings = [_named(registry, h, mentions) for h in agenda.headings if (mentions := registry.find(h.text))]
    by_title = _headings_by_title(titles, headings)
    if sum(1 for found in by_title.values() if found) < _SECTION_COVERAGE * len(titles):
        return
    for i, title in enumerate(titles):
        if not title.organizations:
            continue
        if not by_title[i]:
            yield Finding(title.start, title.end,
                          f"sub-item title `{title.text}` names an organization that has no section in the report")
            continue
        yield from _form_differences(document, title, by_title[i][0])
    named = set().union(*(t.organizations for t in titles))
    for heading in headings:
        if not heading.organizations & named:
            yield Finding(heading.start, heading.end,
                          f"section heading `{heading.text}` names an organization that no sub-item title names "
                          f"(titles on lines {titles[0].line}-{titles[-1].line})")


def _headings_by_title(titles: list[_Named], headings: list[_Named]) -> dict[int, list[_Named]]:
    """For each title (by index), the headings that name one of its organizations, in order.

    Looked up by organization: a long report has hundreds of headings, and comparing
    every title with every heading would grow with the square of its length.
    """
    by_organization: dict[str, list[int]] = {}
    for index, heading in enumerate(headings):
        for organization in heading.organizations:
            by_organization.setdefault(organization, []).append(index)
    return {i: [headings[j] for j in sorted({j for o in title.organizations for j in by_organization.get(o, ())})]
            for i, title in enumerate(titles)}


def _sections_by_title(agenda: AgendaBlock) -> Iterator[Finding]:
    """Sub-item titles that name no organization, compared with the headings that repeat them.

    Only where most titles (two at least) have a heading written exactly like
    them is the document taken to be organized by sub-item; then a title
    without such a heading is reported, as a variant when a heading is within
    a few characters of it.
    """
    if len(agenda.titles) < 2:
        return
    headings = {_normal(h.text): h for h in agenda.headings}
    matched = [t for t in agenda.titles if _normal(t.text) in headings]
    if len(matched) < max(2, _SECTION_COVERAGE * len(agenda.titles)):
        return
    for title in agenda.titles:
        if title in matched or any(_normal(title.text) in key or key in _normal(title.text) for key in headings):
            continue  # a heading that shortens or extends the title is its section
        near = min(agenda.headings, key=lambda h: edit_distance(_normal(h.text), _normal(title.text)))
        distance = edit_distance(_normal(near.text), _normal(title.text))
        if distance <= max(1, len(_normal(title.text)) // 10) and near.line > title.line:
            yield Finding(near.start, near.end,
                          f"section heading `{near.text}` is written differently from the sub-item title "
                          f"`{title.text}` (line {title.line})")
        else:
            yield Finding(title.start, title.end,
                          f"sub-item title `{title.text}` has no section, where the other sub-items have one")


def _normal(text: str) -> str:
    return "".join(text.split()).rstrip("。.:：").casefold()


def _form_differences(document: Document, title: _Named, heading: _Named) -> Iterator[Finding]:
    for mention in heading.mentions:
        in_title = next((m for m in title.mentions if m.organization.id == mention.organization.id), None)
        if in_title is None or in_title.form.text == mention.form.text:
            continue
        if in_title.form.kind not in _FULL_KINDS or mention.form.kind not in _FULL_KINDS:
            continue
        yield Finding(mention.start, mention.end,
                      f"section heading writes `{mention.form.text}` but the sub-item title on line {title.line} "
                      f"writes `{in_title.form.text}`; both name {mention.organization.zh}")


@rule("AGD004", "agenda-title-repeated", "A sub-item title is listed twice")
def agenda_title_repeated(document: Document, config: Config) -> Iterator[Finding]:
    """## What it does
    Finds a sub-item title listed twice under an agenda line.

    ## Why is this bad?
    Each sub-item has its own title; a repeated title stands where another
    sub-item's title is missing.

    ## Example
    ```text
    联合国同非洲联盟的合作
    联合国同非洲联盟的合作
    ```

    ## Fix
    None: replace the repeat with the missing title.
    """
    agenda = document.agenda
    if agenda is None:
        return
    first: dict[str, SubItemTitle] = {}
    for title in agenda.titles:
        if title.text in first:
            yield Finding(title.start, title.end,
                          f"sub-item title `{title.text}` is listed twice (first on line {first[title.text].line})")
        else:
            first[title.text] = title


@hookimpl
def unlint_rules():
    return [agenda_sub_item_sequence, agenda_title_count, agenda_section_mismatch, agenda_title_repeated]


__all__ = ["AgendaBlock", "letter_sequence"]
