"""References to the document's own paragraphs, chapters, sections and annexes.

Only references that are certainly internal are collected: ``参见上文第 20 至
26 段``, ``本报告第二节D部分``, ``见附件一``, ``paragraph 12 above``, and a bare
``列于第 11 段`` whose sentence names no other document. ``第 7 段`` after a
resolution or a document symbol (``第 1631（2005）号决议第 3 段``,
``A/47/277-S/24111，第 64 段``) is that document's paragraph, not ours.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from .headings import CHINESE_NUMERALS
from .scan import finditer_near, literal_positions


class ReferenceKind(enum.Enum):
    PARAGRAPH = "paragraph"
    CHAPTER = "chapter"
    SECTION = "section"
    ANNEX = "annex"


@dataclass(frozen=True, slots=True)
class InternalReference:
    kind: ReferenceKind
    #: Paragraph numbers, chapter labels (``"二"``, ``"II"``), a section letter or an annex label.
    targets: tuple[str, ...]
    start: int
    end: int
    #: ``"above"``, ``"below"`` or ``None`` when the text does not say.
    direction: str | None = None
    #: For a section: the chapter it is said to be in (``第二节D部分``).
    chapter: str | None = None


_N = r"\d{1,3}"
_ZH_RANGE = rf"{_N}(?:\s*(?:至|到|-|–)\s*{_N})?"
_ZH_LIST = rf"{_ZH_RANGE}(?:\s*段?\s*(?:、|，|和|及|以及)\s*(?:第\s*)?{_ZH_RANGE})*"
# The words that may precede "第" in _ZH_PARAGRAPHS and "附件" in _ZH_ANNEX (besides
# "见" or a bracket), for the search that starts from those (see finditer_near).
_ZH_OWN = ("上文", "下文", "本报告", "本文件", "本说明", "本信")
_ZH_ANNEX_LEADS = ("参见", "载于", "列于")
_ZH_PARAGRAPHS = compiled_on_use(regex.compile,
    rf"(?P<own>{'|'.join(_ZH_OWN)})?\s*第\s*(?P<list>{_ZH_LIST})\s*段(?!落)"
)
_ZH_POINTING = compiled_on_use(regex.compile, r"(?:列于|载于|见|参见|参看|如)\s*$")
# Words that, earlier in the same sentence, make "第 N 段" another text's paragraph.
_ELSEWHERE = compiled_on_use(regex.compile, r"决议|号|决定|文件|报告|公约|宪章|协定|议定书|声明|记录|附件|[A-Z]{1,3}/\d|条")
_ZH_C = rf"[{CHINESE_NUMERALS}]{{1,3}}"
_ZH_PARTS = compiled_on_use(regex.compile,
    rf"(?P<own>上文|下文|本报告|本文件)\s*(?:第\s*(?P<chapters>{_ZH_C}(?:\s*(?:、|和|及|至)\s*(?:第\s*)?{_ZH_C})*)"
    r"\s*(?:节|章|部分))?\s*(?:(?P<section>[A-Z])\s*(?:节|部分|分节))?"
)
# Most matches are a bare "上文" or "本报告": read them cheaply (regex resolves a
# group name on every access, which costs more than the match).
_ZH_PARTS_GROUPS = tuple(_ZH_PARTS.groupindex[name] for name in ("own", "chapters", "section"))
_ZH_C_PATTERN = compiled_on_use(regex.compile, _ZH_C)
# The "第" of a paragraph reference: a number follows (the anchors of finditer_near).
_NUMBER_AFTER_DI = compiled_on_use(regex.compile, r"第(?=\s*\d)")
_ZH_ANNEX = compiled_on_use(regex.compile,
    rf"(?:(?:见|参见|载于|列于)\s*|[（(]\s*)(?P<label>(?:附件|附录){_ZH_C}?)(?=\s*[)）。，；]|\s*$)"
)
_EN_LIST = rf"{_N}(?:\s*(?:-|–|to|and|,)\s*{_N})*"
_EN_PARAGRAPHS = compiled_on_use(regex.compile,
    rf"\b(?:paragraphs?|paras?\.)\s+(?P<list>{_EN_LIST})"
    r"(?:\s+(?P<dir>above|below)|\s+of\s+the\s+present\s+(?:report|document|note))"
)
_EN_SECTION = compiled_on_use(regex.compile,
    r"\b(?:section|chapter)\s+(?P<chapter>[IVX]{1,5})(?:\.(?P<section>[A-Z]))?"
    r"(?:\s+(?P<dir>above|below)|\s+of\s+the\s+present\s+(?:report|document))"
)
_EN_ANNEX = compiled_on_use(regex.compile,
    r"(?:\(see\s+|\bin\s+)(?P<label>annex|appendix)\s+(?P<number>[IVX]{1,5})?"
    r"(?=\s+to\s+the\s+present\s+(?:report|document)|\))",
    regex.IGNORECASE,
)
_EN_ANNEX_LABEL = compiled_on_use(regex.compile, r"annex|appendix", regex.IGNORECASE)
# Where the sentence holding a bare "第 N 段" began: a full stop, or a new numbered paragraph.
_SENTENCE_START = compiled_on_use(regex.compile, r"[。；;!?！？]|\n\s*\d{1,3}\s*[.．]")
_WINDOW = 60


def parse_references(text: str, ignored_offset) -> tuple[InternalReference, ...]:
    """All internal references in ``text``; ``ignored_offset(o)`` is true inside notes and furniture.

    Table rows are ignored too (by the caller): a follow-up table quotes another
    body's report, whose "para. 27 below" is that report's paragraph.
    """
    found = [ref for ref in _all(text) if not ignored_offset(ref.start)]
    return tuple(sorted(found, key=lambda r: r.start))


def _all(text: str) -> Iterator[InternalReference]:
    yield from _zh_paragraphs(text)
    yield from _zh_parts(text)
    annexes = literal_positions(text, "附件", "附录")
    for match in finditer_near(_ZH_ANNEX, text, annexes, lead_words=_ZH_ANNEX_LEADS, lead=1):
        yield InternalReference(ReferenceKind.ANNEX, (match["label"],), match.start("label"), match.end("label"))
    yield from _english(text)


def _zh_paragraphs(text: str) -> Iterator[InternalReference]:
    numbered = [match.start() for match in _NUMBER_AFTER_DI.finditer(text)]
    for match in finditer_near(_ZH_PARAGRAPHS, text, numbered, lead_words=_ZH_OWN):
        own = match["own"]
        if not own:
            before = text[max(0, match.start() - _WINDOW):match.start()]
            sentence = _SENTENCE_START.split(before)[-1]
            if not _ZH_POINTING.search(sentence) or _ELSEWHERE.search(sentence):
                continue
        direction = {"上文": "above", "下文": "below"}.get(own or "")
        yield InternalReference(ReferenceKind.PARAGRAPH, _expand(match["list"]), match.start(), match.end(), direction)


def _zh_parts(text: str) -> Iterator[InternalReference]:
    for match in finditer_near(_ZH_PARTS, text, literal_positions(text, "上文", "下文", "本报告", "本文件"), lead=0):
        own, chapter_list, section = match.group(*_ZH_PARTS_GROUPS)
        chapters = _ZH_C_PATTERN.findall(chapter_list) if chapter_list else []
        direction = {"上文": "above", "下文": "below"}.get(own)
        if section:
            chapter = chapters[-1] if chapters else None
            yield InternalReference(ReferenceKind.SECTION, (section,), match.start(), match.end(), direction, chapter)
        elif chapters:
            yield InternalReference(ReferenceKind.CHAPTER, tuple(chapters), match.start(), match.end(), direction)


def _english(text: str) -> Iterator[InternalReference]:
    # The pattern needs a lower-case "para": a text without one (most Chinese ones) need not compile it.
    for match in _EN_PARAGRAPHS.finditer(text) if "para" in text else ():
        yield InternalReference(ReferenceKind.PARAGRAPH, _expand(match["list"]), match.start(), match.end(),
                                match["dir"])
    for match in finditer_near(_EN_SECTION, text, literal_positions(text, "section", "chapter"), lead=0):
        if match["section"]:
            yield InternalReference(ReferenceKind.SECTION, (match["section"],), match.start(), match.end(),
                                    match["dir"], match["chapter"])
        else:
            yield InternalReference(ReferenceKind.CHAPTER, (match["chapter"],), match.start(), match.end(),
                                    match["dir"])
    # "(see" (four characters) and white space may come before the label the search finds.
    for match in finditer_near(_EN_ANNEX, text, _annex_label_starts(text), lead=4):
        label = match["label"].capitalize() + (f" {match['number']}" if match["number"] else "")
        yield InternalReference(ReferenceKind.ANNEX, (label,), match.start(), match.end())


def _annex_label_starts(text: str) -> list[int]:
    """Where ``annex`` or ``appendix`` starts, in any case.

    Both end in "x", which ignoring case matches only "x" and "X": a text without either
    (most Chinese ones) is not searched, since the case-blind search is slow.
    """
    if "x" not in text and "X" not in text:
        return []
    return [label.start() for label in _EN_ANNEX_LABEL.finditer(text)]


_NUMBER_RANGE = compiled_on_use(regex.compile, rf"({_N})(?:\s*(?:至|到|-|–|to)\s*({_N}))?")


def _expand(numbers: str) -> tuple[str, ...]:
    """``20 至 26`` -> 20..26; ``78、84、89 和 90`` -> each."""
    result: list[int] = []
    for start, stop in _NUMBER_RANGE.findall(numbers):
        low = int(start)
        high = int(stop) if stop else low
        result.extend(range(low, high + 1) if 0 <= high - low <= 200 else (low, high))
    return tuple(str(n) for n in result)
