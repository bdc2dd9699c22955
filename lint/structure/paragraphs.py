"""Numbered paragraphs and the parts (body, annexes, appendices) they live in.

UN documents number their paragraphs ``1.``, ``2.``, ... (Chinese text also
``10．`` with a fullwidth stop), restarting at 1 in each annex and appendix.
A numbered line that reads like a heading (``1. 自然灾害救灾工作``: short, no
sentence punctuation, out of sequence or followed at once by another numbered
line) is a sub-heading, not a paragraph.

Numbered items that restart at 1 inside a part (the outputs of a table, a
numbered list in a box) have a numbering of their own: they are kept apart as
``side_items`` and do not break the paragraph sequence around them. A body
whose first numbered paragraph is not 1 may be a text that starts inside a
document; the parser records that doubt rather than an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..patterns import compiled_on_use
from ..text import NOT_IN_SHORT_HEADING, SHORT_HEADING_MAX_CHARS
from .certainty import NotChecked
from .scan import lines_matching

# "12. text", "10．text"; not "3.1", "3.I.1" (budget fascicle numbering) or "0.2%".
_NUMBERED = compiled_on_use(regex.compile,
    r"(?P<indent>\s*)(?P<number>\d{1,3})\s*[.．](?=\s|[^\x00-\x7f])\s*(?P<rest>\S.*)?")
# regex looks a group's name up on every access (~3 µs, more than the match);
# the loop over numbered lines uses the numbers.
_INDENT, _NUMBER, _REST = (_NUMBERED.groupindex[name] for name in ("indent", "number", "rest"))
_PART = compiled_on_use(regex.compile,
    r"\s*(?P<label>(?:附件|附录)[一二三四五六七八九十]*|(?:Annex|Appendix)(?:\s+[IVXLC]+)?)\s*"
)
# A sufficient form of _NUMBERED in the stdlib engine, whose call costs a fraction of regex's: its
# indent, spaces and digits are characters both engines read alike, and the rest must start with a
# character that is white space to neither (re's \S is narrower than regex's). Where it matches,
# _NUMBERED matches with the same groups; where it does not, parse_paragraphs asks _NUMBERED.
_PLAIN_NUMBERED = compiled_on_use(re.compile,
    r"([ \t\u3000]*)([0-9]{1,3})[ \t\u3000]*[.．](?=[ \t]|[^\x00-\x7f])[ \t\u3000]*(\S.*)")
# Necessary for _NUMBERED or _PART to match a line: what the line starts with.
_GATE = compiled_on_use(re.compile, r"\n[^\S\n]*+(?:[^\s.．]{1,3}+[^\S\n]*+[.．]|附件|附录|Annex|Appendix)")

#: The rules a doubt about the paragraph sequence silences.
PARAGRAPH_DOUBT_CODES = frozenset({"XRF001", "XRF002"})
#: The label of the main body, before any annex.
BODY = "body"


@dataclass(frozen=True, slots=True)
class Part:
    """The main body or an annex or appendix: where paragraph numbering restarts."""

    label: str
    #: 1-based line of the part's heading (1 for the body).
    line: int


class NumberedParagraph(NamedTuple):
    """A numbered paragraph.

    A named tuple rather than a frozen dataclass: a document has thousands, and a frozen
    dataclass's ``__init__`` (an ``object.__setattr__`` call per field) cost four times what
    making the tuple costs (``parse_paragraphs`` makes them with ``tuple.__new__``).
    """

    number: int
    #: 1-based line on which the paragraph starts.
    line: int
    #: 1-based column of the number.
    column: int
    #: The ``Part.label`` it belongs to.
    part: str
    #: True for ``10．`` (fullwidth stop) rather than ``10.``.
    fullwidth_stop: bool = False


@dataclass(frozen=True, slots=True)
class NumberedHeading:
    """A numbered line that is a sub-heading, not a paragraph."""

    number: int
    line: int
    title: str
    part: str


@dataclass(frozen=True, slots=True)
class ParagraphStructure:
    parts: tuple[Part, ...]
    paragraphs: tuple[NumberedParagraph, ...]
    numbered_headings: tuple[NumberedHeading, ...]
    #: Numbered items of a sequence of their own (restarting at 1 inside a part): not paragraphs.
    side_items: tuple[NumberedParagraph, ...] = ()

    def first_number(self, label: str) -> int | None:
        """The number of the first paragraph of part ``label``, None when it has none."""
        return next((p.number for p in self.paragraphs if p.part == label), None)

    @property
    def starts_inside(self) -> bool:
        """Whether the body's numbering starts above 1: the text may begin inside a document."""
        first = self.first_number(BODY)
        return first is not None and first > 1

    @property
    def doubts(self) -> tuple[NotChecked, ...]:
        if not self.starts_inside:
            return ()
        first = next(p for p in self.paragraphs if p.part == BODY)
        return (NotChecked(tuple(sorted(PARAGRAPH_DOUBT_CODES)), "paragraph numbering",
                           f"the first numbered paragraph is {first.number}, so the text may start inside a "
                           f"document; its start and references to paragraphs before {first.number} are not checked",
                           first.line),)

    def in_part(self, label: str) -> tuple[NumberedParagraph, ...]:
        return tuple(p for p in self.paragraphs if p.part == label)


def parse_paragraphs(lines: Sequence[str], skip: frozenset[int] = frozenset(), text: str | None = None,
                     line_starts: Sequence[int] | None = None) -> ParagraphStructure:
    """Find numbered paragraphs in ``lines``; line numbers in ``skip`` are furniture.

    ``text`` and ``line_starts``: the lines joined by ``\\n`` and the offset where each starts,
    when the caller has them (the Document does).
    """
    parts = [Part(BODY, 1)]
    paragraphs: list[NumberedParagraph] = []
    headings: list[NumberedHeading] = []
    side: list[NumberedParagraph] = []
    side_next = 0  # the number the current side sequence expects next; 0: none open
    candidates = lines_matching(lines, _GATE, text, line_starts)
    part_lines = _real_parts(lines, skip, candidates)
    expected = 1
    new_tuple, plain = tuple.__new__, _PLAIN_NUMBERED.match
    for index in candidates:  # other lines are neither parts nor numbered
        line = lines[index]
        number = index + 1
        if number in skip:
            continue
        if number in part_lines:
            parts.append(Part(part_lines[number], number))
            expected, side_next = 1, 0
            continue
        if match := plain(line):
            indent, digits, rest_group = 1, 2, 3
        elif match := _NUMBERED.match(line):
            indent, digits, rest_group = _INDENT, _NUMBER, _REST
        else:
            continue
        if (rest := match[rest_group]) is None or " | " in line:  # " | ": a flattened table row
            continue
        value = int(match[digits])
        # The look at the next lines comes last: most numbered lines are paragraphs.
        if _title_like(rest) and (value != expected or _next_starts_numbered(lines, index, skip)):
            headings.append(NumberedHeading(value, number, rest.strip(), parts[-1].label))
            continue
        # Between the number and the text: white space and the stop (no copy of the long rest).
        fullwidth = "．" in line[match.end(digits):match.start(rest_group)]
        paragraph = new_tuple(NumberedParagraph, (value, number, match.end(indent) + 1, parts[-1].label, fullwidth))
        if value != expected and (value == side_next or (value == 1 and expected > 2)):
            side.append(paragraph)  # a list numbered on its own, inside the part
            side_next = value + 1
            continue
        side_next = 0
        paragraphs.append(paragraph)
        expected = value + 1
    return ParagraphStructure(tuple(parts), tuple(paragraphs), tuple(headings), tuple(side))


def _real_parts(lines: Sequence[str], skip: frozenset[int], candidates: Sequence[int]) -> dict[int, str]:
    """Line -> label of each part heading; a label seen twice was first a contents entry."""
    last: dict[str, int] = {}
    for index in candidates:
        text = lines[index]
        # Every label holds "附" or "A": the substring tests spare most numbered lines the regex call.
        if ("附" in text or "A" in text) and index + 1 not in skip and (match := _PART.fullmatch(text)):
            last[match["label"]] = index + 1
    return {line: label for label, line in last.items()}


def _title_like(rest: str) -> bool:
    title = rest.strip()
    return len(title) <= SHORT_HEADING_MAX_CHARS and not NOT_IN_SHORT_HEADING.search(title)


def _next_starts_numbered(lines: Sequence[str], index: int, skip: frozenset[int]) -> bool:
    for later in range(index + 1, min(len(lines), index + 6)):
        if later + 1 in skip or not lines[later].strip():
            continue
        return bool(_NUMBERED.match(lines[later]))
    return False
