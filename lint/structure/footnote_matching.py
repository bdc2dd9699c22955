"""Pairing footnote markers with footnote texts, and the numbering between them.

The parse (:mod:`.footnotes`) only finds markers and texts; this module says
which of them have no partner and where the numbering of the markers breaks.
Several FTN rules read one :class:`FootnoteMatch`, built once per document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .certainty import NotChecked
from .footnotes import FootnoteMarker, Footnotes, FootnoteText


#: The rules a doubt about the footnote area silences.
FOOTNOTE_DOUBT_CODES = frozenset({"FTN001", "FTN002", "FTN005"})


#: Fewer numbered texts without any marker may be slips; this many is a text that lost its markers.
_LOST_MARKERS_MIN = 2


@dataclass(frozen=True, slots=True)
class NumberingBreak:
    """A numbered marker where the sequence of markers goes wrong."""

    marker: FootnoteMarker
    #: The number that should have come here.
    expected: int
    #: ``"skip"``, ``"repeat"``, ``"backwards"`` or ``"out-of-sequence"``.
    kind: str
    #: For a repeat: the earlier marker with the same number.
    earlier: FootnoteMarker | None = None


@dataclass(frozen=True, slots=True)
class FootnoteMatch:
    unmatched_markers: tuple[FootnoteMarker, ...]
    unmatched_texts: tuple[FootnoteText, ...]
    breaks: tuple[NumberingBreak, ...]
    #: The document holds no footnote text of any kind.
    no_notes: bool = False
    #: The text begins with its masthead (symbol, Distr.): a whole document, not an excerpt.
    whole_document: bool = True
    #: Numbered footnote texts and not one numbered marker: the markers were lost (superscripts
    #: dropped by a conversion, a corpus that strips them), not deleted one by one.
    markers_left_out: bool = False

    @property
    def notes_left_out(self) -> bool:
        """No note at all in a text that is not sure to be a whole document: its notes were
        probably left out (a corpus that strips them, a copy of the body), so a marker
        without a text says nothing about the document."""
        return self.no_notes and not self.whole_document

    @property
    def doubts(self) -> tuple[NotChecked, ...]:
        doubts = []
        if self.notes_left_out and self.unmatched_markers:
            first = self.unmatched_markers[0]
            doubts.append(NotChecked(("FTN001", "FTN005"), "footnote area",
                                     f"{len(self.unmatched_markers)} footnote marker(s) and no footnote text at all: "
                                     "the notes may have been left out of this text", first.line))
        if self.markers_left_out:
            first = next(t for t in self.unmatched_texts if t.number is not None)
            count = sum(t.number is not None for t in self.unmatched_texts)
            doubts.append(NotChecked(("FTN002",), "footnote markers",
                                     f"{count} numbered footnote texts and not one numbered marker in the text: the "
                                     "markers may have been lost in conversion", first.line))
        return tuple(doubts)


def match_footnotes(footnotes: Footnotes, whole_document: bool = True) -> FootnoteMatch:
    """Pair markers and texts; ``whole_document``: the text has its masthead (see ``notes_left_out``)."""
    unmatched_markers, unmatched_texts = _pair(footnotes)
    textless = {t.number for t in unmatched_texts if t.number is not None}
    breaks = _numbering_breaks(footnotes.numbered_markers, textless)
    lost = len(textless) >= _LOST_MARKERS_MIN and not footnotes.numbered_markers
    return FootnoteMatch(unmatched_markers, unmatched_texts, breaks, no_notes=not footnotes.texts,
                         whole_document=whole_document, markers_left_out=lost)


def _pair(footnotes: Footnotes) -> tuple[tuple[FootnoteMarker, ...], tuple[FootnoteText, ...]]:
    """Numbered notes pair one to one, in order; asterisk and letter notes serve every marker with their label."""
    markers: dict[str, list[FootnoteMarker]] = defaultdict(list)
    texts: dict[str, list[FootnoteText]] = defaultdict(list)
    for marker in footnotes.markers:
        markers[marker.label].append(marker)
    for text in footnotes.texts:
        texts[text.label].append(text)
    lone_markers: list[FootnoteMarker] = []
    lone_texts: list[FootnoteText] = []
    for label in markers.keys() | texts.keys():
        found, written = markers.get(label, []), texts.get(label, [])
        if not label.isdigit():
            # An asterisk or table-note letter may mark several places; one note serves them all.
            lone_markers += found if not written else []
            lone_texts += written if not found else []
        else:
            lone_markers += found[len(written):]
            lone_texts += written[len(found):]
    return (
        tuple(sorted(lone_markers, key=lambda m: m.start)),
        tuple(sorted(lone_texts, key=lambda t: t.start)),
    )


def _numbering_breaks(markers: tuple[FootnoteMarker, ...], textless: set[int]) -> tuple[NumberingBreak, ...]:
    """Walk the numbered markers in order; ``textless`` numbers are texts already reported."""
    if not markers:
        return ()
    breaks: list[NumberingBreak] = []
    seen: dict[int, FootnoteMarker] = {}
    expected = markers[0].number or 0
    for position, marker in enumerate(markers):
        number = marker.number or 0
        following = markers[position + 1].number if position + 1 < len(markers) else None
        if number == expected:
            expected += 1
        elif number < expected:
            kind = "repeat" if number in seen else "backwards"
            breaks.append(NumberingBreak(marker, expected, kind, seen.get(number)))
            if following == expected + 1:
                expected += 1  # it stands in the place of the expected number
        elif following == expected or (following == expected + 1 != number) or following == number == expected + 1:
            # One footnote renumbered: its neighbours carry on the old sequence.
            breaks.append(NumberingBreak(marker, expected, "out-of-sequence"))
            expected += 1
        else:
            if not _all_textless(expected, number, textless):
                breaks.append(NumberingBreak(marker, expected, "skip"))
            expected = number + 1
        seen.setdefault(number, marker)
    return tuple(breaks)


def _all_textless(first: int, stop: int, textless: set[int]) -> bool:
    """Whether every number from ``first`` up to ``stop`` is in ``textless``.

    Without building the range as a set: in a long text the numbering may jump
    far, and a range longer than ``textless`` cannot be in it.
    """
    return stop - first <= len(textless) and all(number in textless for number in range(first, stop))
