"""Footnote markers and footnote texts, in the four layouts UN text reaches us in.

- *Symbol* notes: ``临时议程*``, a title ending in `` *``, a masthead symbol
  ``A/61/204–S/2006/590*``; the note is a later line starting with the same
  asterisks (``* A/73/150。``), or, in PDF text, a line holding only the
  asterisks followed by the note's text.
- *PDF* numbered notes: the marker is a line holding only ``12`` right after
  the line it belongs to; the texts follow a ``____`` separator, each a number
  on a line of its own (after a blank line) and then the text.
- *Inline* numbered notes (the Repertoire): ``情况通报会。957`` in the text
  and ``957 关于会议形式……`` after a separator.
- *Markdown* notes (Word exports): ``[^3]`` in the text, ``[^3]: text`` at the end.
- *Table* notes: a lower-case letter after a cell's words (``成员、a 受邀者``) and
  a line ``a 比利时、中国……`` under the table.

Markers and texts are only found here; matching them is the rules' job.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled_on_use
from ..text import FOOTNOTE_RULE
from .scan import lines_matching, literal_positions


class FootnoteLayout(enum.Enum):
    SYMBOL = "symbol"
    PDF = "pdf"
    INLINE = "inline"
    MARKDOWN = "markdown"
    #: Table notes: ``成员、a 受邀者`` in a table, ``a 比利时、中国……`` below it.
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class FootnoteMarker:
    """A footnote indicator in the text: ``label`` is ``"12"`` or ``"**"``."""

    label: str
    line: int
    #: Character offsets of the indicator in ``Document.text``.
    start: int
    end: int
    layout: FootnoteLayout

    @property
    def number(self) -> int | None:
        return int(self.label) if self.label.isdigit() else None


@dataclass(frozen=True, slots=True)
class FootnoteText:
    """A footnote's own text; ``line`` is the line of its label."""

    label: str
    line: int
    start: int
    end: int
    layout: FootnoteLayout
    #: The note's words, without the label.
    content: str
    #: Index of the separator block it sits in (``None`` outside any block).
    block: int | None = None
    #: 1-based line of ``content`` (the label's own line, or the next one in PDF text).
    content_line: int = 0

    @property
    def number(self) -> int | None:
        return int(self.label) if self.label.isdigit() else None

    @property
    def is_ibid(self) -> bool:
        return bool(_IBID.match(self.content))


@dataclass(frozen=True, slots=True)
class Footnotes:
    markers: tuple[FootnoteMarker, ...]
    texts: tuple[FootnoteText, ...]
    #: 1-based lines of the ``____`` separators.
    separators: tuple[int, ...]

    @property
    def numbered_markers(self) -> tuple[FootnoteMarker, ...]:
        return tuple(m for m in self.markers if m.number is not None)

    @property
    def numbered_texts(self) -> tuple[FootnoteText, ...]:
        return tuple(t for t in self.texts if t.number is not None)

    def texts_in_block(self, block: int | None) -> tuple[FootnoteText, ...]:
        return tuple(t for t in self.texts if t.block == block and t.number is not None)

    @property
    def text_lines(self) -> frozenset[int]:
        """Lines holding footnote labels or footnote texts (not the running text)."""
        return frozenset(n for note in self.texts for n in (note.line, note.content_line))


_BARE_LABEL = compiled_on_use(regex.compile, r"\s*(?P<label>\d{1,3}|\*{1,3})\s*")
_SYMBOL_TEXT = compiled_on_use(regex.compile, r"\s*(?P<label>\*{1,3})[ \t\u3000]+(?P<content>\S.*)")
# An asterisk right after a word, a closing bracket or a symbol, or after " " at
# the end of a title; not a bar code (*0644982*) or a bullet at line start.
_SYMBOL_MARKER = compiled_on_use(regex.compile,
    r"(?<=[\p{Han}\p{L}\p{N})）」》”\]])\s?(?P<label>\*{1,3})(?=\s|$|[\p{Han}|])")
_MARKDOWN_MARKER = compiled_on_use(regex.compile, r"\[\^(?P<label>\d{1,4})\](?!:)")
_MARKDOWN_TEXT = compiled_on_use(regex.compile, r"\[\^(?P<label>\d{1,4})\]:\s*(?P<content>.*)")
_INLINE_TEXT = compiled_on_use(regex.compile, r"\s*(?P<label>\d{1,4})[ \t\u3000]+(?![年月日个项次名])(?P<content>\S.*)")
# A number standing alone in running text: not part of a symbol, date, amount or count.
# Run over the whole text at once, so ``[^\S\n]`` keeps each match on one line.
_INLINE_CANDIDATE = compiled_on_use(regex.compile,
    r"(?<![\d./\-:A-Za-z第])(?P<label>\d{1,4})(?![\d./\-%,(（A-Za-z])(?![^\S\n]*[年月日个项次名段条款号届国%])"
)
# regex looks a group's name up on every access (~3 µs, more than the match);
# the loops over the candidates of the whole text use the number.
_INLINE_LABEL = _INLINE_CANDIDATE.groupindex["label"]
#: How far an inline note's number may stray from the note before it.
_INLINE_STRAY = 20
_TABLE_TEXT = compiled_on_use(regex.compile, r"\s?(?P<label>[a-z])[ \t\u3000]+(?P<content>\p{Han}.*)")
# The look-behind comes after the scan finds a letter: checking it first, at every
# position, made this the slowest pattern of the parse.
_TABLE_MARKER = compiled_on_use(regex.compile, r"(?m)(?<=[\p{Han}、，][^\S\n]?)(?P<label>[a-z])(?=\s|$)")
_TABLE_LABEL = _TABLE_MARKER.groupindex["label"]
_IBID = compiled_on_use(regex.compile, r"\s*(?:同上|Ibid\.?|ibid\.?)")


def parse_footnotes(lines: Sequence[str], line_starts: Sequence[int], skip: frozenset[int],
                    text: str | None = None) -> Footnotes:
    """Find footnote markers and texts; ``skip`` holds the 1-based furniture lines, ``text`` the lines
    joined by ``\n`` when the caller has it (a join copies the whole text)."""
    scanner = _NoteScanner(lines, line_starts, skip, text)
    scanner.scan()
    markers = sorted(scanner.markers, key=lambda m: m.start)
    texts = sorted(scanner.texts, key=lambda t: t.start)
    return Footnotes(tuple(markers), tuple(texts), tuple(scanner.separators))


class _NoteScanner:
    """One pass over the lines; keeps the state of the current separator block."""

    def __init__(self, lines: Sequence[str], line_starts: Sequence[int], skip: frozenset[int],
                 text: str | None = None) -> None:
        self.lines = lines
        #: The lines joined, made once: every whole-text search below reads it.
        self.text = "\n".join(lines) if text is None else text
        self.starts = line_starts
        self.skip = skip
        self.markers: list[FootnoteMarker] = []
        self.texts: list[FootnoteText] = []
        self.separators: list[int] = []
        self.body_lines: list[int] = []
        #: Runs (start, stop) of lines skipped as blank or plain running text: their running lines are
        #: body lines too, listed only if a search needs them (most documents have no inline or table notes).
        self.plain_runs: list[tuple[int, int]] = []
        #: Numbers of the inline notes read so far, in order (kept as they come: no rescans).
        self.inline_numbers: list[int] = []
        self.inline_number_set: set[int] = set()
        #: Inside the notes under a separator (until the running text resumes).
        self.open_block = False
        #: The last thing read was a PDF note (its label line and its text line).
        self.after_pdf_note = False
        #: The line ``_next_digit_led`` found last (-1: none asked yet).
        self.digit_led = -1

    def scan(self) -> None:
        attention = self._lines_needing_attention()
        index = 0
        while index < len(self.lines):
            # Up to the next line that may matter, every line is blank or plain running text; inside a
            # notes block a line led by a digit may be an inline note too.
            following = attention[bisect.bisect_left(attention, index)]
            if self.open_block and following > index:
                following = min(following, self._next_digit_led(index))
            if following > index:
                self._read_plain_lines(index, following)
                index = following
                continue
            index += self._read_line(index)
        self._inline_number_markers()
        self._table_markers()
        if not self.separators:
            # Without a separator there are no PDF notes: a lone number is a page number.
            self.markers = [m for m in self.markers if m.layout is not FootnoteLayout.PDF]

    def _lines_needing_attention(self) -> list[int]:
        """Ascending indices of the lines that are neither blank nor plain running text, then ``len(lines)``.

        A superset of what ``_plain_running_text`` rejects, found by one scan of the text
        (``_ATTENTION_GATE``) and literal searches rather than tests on each line.
        """
        found = {line - 1 for line in self.skip}
        found.update(lines_matching(self.lines, _ATTENTION_GATE, self.text))
        found.update(bisect.bisect_right(self.starts, offset) - 1
                     for offset in literal_positions(self.text, "*", "[^", "_____"))
        return sorted(found) + [len(self.lines)]

    def _next_digit_led(self, index: int) -> int:
        """The first line from ``index`` on that a digit may lead (after white space), else ``len(lines)``.

        Only notes blocks ask (a line there may be an inline note, ``957 关于……``): one search from
        ``index`` on, kept until the scan passes the line it found.
        """
        if self.digit_led < index:
            if index == 0 and _DIGIT_LED.match("\n" + self.lines[0]):
                self.digit_led = 0
            elif max(index, 1) >= len(self.lines):
                self.digit_led = len(self.lines)  # past the end, or the first line (not led by one) alone
            else:
                # From the "\n" before line ``index`` (line 0 has none: the search starts at line 1).
                found = _DIGIT_LED.search(self.text, self.starts[max(index, 1)] - 1)
                self.digit_led = len(self.lines) if found is None else bisect.bisect_right(self.starts, found.start())
        return self.digit_led

    def _read_plain_lines(self, start: int, stop: int) -> None:
        """What ``_read_line`` does, line by line, to blank lines and plain running text (in a notes block
        too: a line that may start a note is never plain)."""
        lines = self.lines
        # The first running line settles the state (most runs start with one); the rest wait for a search.
        if any((text := lines[index]) and not text.isspace() for index in range(start, stop)):
            if self.open_block and self.after_pdf_note and self._pdf_block():
                self.open_block = False  # the page's notes end where the running text goes on
            self.plain_runs.append((start, stop))
            self.after_pdf_note = False

    def _read_line(self, index: int) -> int:
        """Read the line at ``index`` (and maybe the next); return how many lines were used."""
        text = self.lines[index]
        if index + 1 in self.skip:
            if _is_link(text):
                self.open_block = False  # a Repertoire page's link list closes its notes
            return 1
        if not text or text.isspace():
            return 1  # nothing can start on a blank line, and it changes no state
        if not self.open_block and _plain_running_text(text):
            # Most lines: no note can start here, so skip the regexes below.
            self.after_pdf_note = False
            self.body_lines.append(index)
            return 1
        if "_____" in text and FOOTNOTE_RULE.fullmatch(text):
            self.separators.append(index + 1)
            self.open_block, self.after_pdf_note = True, False
            return 1
        if consumed := self._bare_label(index, self.block):
            self.after_pdf_note = consumed == 2
            return consumed
        if self._note_on_its_line(index):
            return 1
        if text and not text.isspace():
            if self.open_block and self.after_pdf_note and self._pdf_block():
                self.open_block = False  # the page's notes end where the running text goes on
            self.after_pdf_note = False
            self.body_lines.append(index)
            self._inline_symbol_markers(index)
        return 1

    @property
    def block(self) -> int | None:
        """Index of the open separator block, if any."""
        return len(self.separators) - 1 if self.open_block else None

    def _note_on_its_line(self, index: int) -> bool:
        """A note whose label and text share one line: markdown, inline, table or asterisk."""
        text = self.lines[index]
        if text.startswith("[^") and (found := _MARKDOWN_TEXT.match(text)):
            layout, column, block = FootnoteLayout.MARKDOWN, found.start("label") - 2, None
        elif self.open_block and (found := _INLINE_TEXT.match(text)) and self._inline_block_text(found):
            layout, column, block = FootnoteLayout.INLINE, found.start("label"), self.block
        elif _may_start_with_letter(text) and (found := _TABLE_TEXT.fullmatch(text)):
            layout, column, block = FootnoteLayout.TABLE, found.start("label"), None
        elif "*" in text and (found := _SYMBOL_TEXT.match(text)):
            layout, column, block = FootnoteLayout.SYMBOL, found.start("label"), self.block
        else:
            return False
        self._add_text(found["label"], index, column, layout, found["content"], block)
        return True

    # -- labels on lines of their own (PDF) ---------------------------------

    def _bare_label(self, index: int, block: int | None) -> int:
        """Handle a line holding only a label; return how many lines it used (0: not one)."""
        text = self.lines[index]
        match = _BARE_LABEL.fullmatch(text) if _short_when_stripped(text) else None
        if not match:
            return 0
        label = match["label"]
        if label.isdigit() and self._before_furniture(index):
            return 0  # a page number above the running header or job number
        previous = self.lines[index - 1] if index else ""
        follows_text = bool(previous.strip()) and index not in self.skip and not FOOTNOTE_RULE.fullmatch(previous)
        if follows_text and not _BARE_LABEL.fullmatch(previous):
            layout = FootnoteLayout.SYMBOL if label.startswith("*") else FootnoteLayout.PDF
            self.markers.append(self._marker(label, index, match.start("label"), layout))
            return 1
        content_index = self._next_content(index)
        if content_index is None or (label.isdigit() and block is None):
            return 0  # a page number, not a note
        layout = FootnoteLayout.SYMBOL if label.startswith("*") else FootnoteLayout.PDF
        self._add_text(label, index, match.start("label"), layout, self.lines[content_index], block, content_index)
        return 2

    def _before_furniture(self, index: int) -> bool:
        for following in range(index + 1, min(index + 4, len(self.lines))):
            if following + 1 in self.skip:
                return True
            if self.lines[following].strip():
                return False
        return False

    def _next_content(self, index: int) -> int | None:
        following = index + 1
        if following < len(self.lines) and self.lines[following].strip() and not _BARE_LABEL.fullmatch(
            self.lines[following]
        ):
            return following
        return None

    def _pdf_block(self) -> bool:
        # Inline (Repertoire) notes run on over several lines; PDF and symbol notes take one.
        return bool(self.texts) and self.texts[-1].layout is not FootnoteLayout.INLINE

    # -- inline markers ----------------------------------------------------

    def _inline_block_text(self, match: regex.Match) -> bool:
        label = int(match["label"])
        if not self.inline_numbers:
            return True
        # Near the notes before it (a renumbered note may stray a little), never a
        # number already used: a line of running text that starts with a count is not a note.
        return label not in self.inline_number_set and abs(label - self.inline_numbers[-1]) <= _INLINE_STRAY

    def _inline_symbol_markers(self, index: int) -> None:
        text = self.lines[index]
        # The substring tests spare most lines the (slower) regex scans.
        for match in _SYMBOL_MARKER.finditer(text) if "*" in text else ():
            self.markers.append(self._marker(match["label"], index, match.start("label"), FootnoteLayout.SYMBOL))
        for match in _MARKDOWN_MARKER.finditer(text) if "[^" in text else ():
            self.markers.append(self._marker(match["label"], index, match.start(), FootnoteLayout.MARKDOWN,
                                             end=match.end()))

    def _inline_number_markers(self) -> None:
        numbers = sorted(self.inline_numbers)
        if not numbers:
            return
        wanted = set(numbers)
        low, high = numbers[0] - 3, numbers[-1] + 3
        last = low - 1
        note_lines = {t.line - 1 for t in self.texts}
        for index, match in self._matches_on_running_lines(_INLINE_CANDIDATE, note_lines):
            value = int(label := match[_INLINE_LABEL])
            if not low <= value <= high:
                continue
            # A number some note carries, or the next one or two in sequence
            # (so that a marker whose note is missing is still found).
            if value in wanted or last < value <= last + 2:
                self.markers.append(self._marker(label, index, match.start(_INLINE_LABEL) - self.starts[index],
                                                 FootnoteLayout.INLINE))
                last = max(last, value)

    def _table_markers(self) -> None:
        # Only where the document has table notes: elsewhere a lone Latin
        # letter after Chinese text is a word, not a note.
        if not any(t.layout is FootnoteLayout.TABLE for t in self.texts):
            return
        for index, match in self._matches_on_running_lines(_TABLE_MARKER, set()):
            self.markers.append(self._marker(match[_TABLE_LABEL], index, match.start(_TABLE_LABEL) - self.starts[index],
                                             FootnoteLayout.TABLE))

    def _matches_on_running_lines(self, pattern: regex.Pattern, excluded: set[int]):
        """``(line index, match)`` for the matches of a line-bounded ``pattern`` on the running text's lines
        (``body_lines`` and the non-blank lines of ``plain_runs``) but not on ``excluded``, in order.

        One scan of the whole text costs far less than a scan per line. Each pattern's match holds a
        character that is not white space, so its line is never blank: a line in a plain run is
        running text, told by bisecting the runs rather than by listing their lines.
        """
        body = set(self.body_lines)
        runs = self.plain_runs
        run_starts = [start for start, _ in runs]
        for match in pattern.finditer(self.text):
            index = bisect.bisect_right(self.starts, match.start()) - 1
            if index in excluded:
                continue
            if index in body or ((run := bisect.bisect_right(run_starts, index) - 1) >= 0 and index < runs[run][1]):
                yield index, match

    # -- construction ------------------------------------------------------

    def _marker(self, label: str, index: int, column: int, layout: FootnoteLayout,
                end: int | None = None) -> FootnoteMarker:
        start = self.starts[index] + column
        stop = self.starts[index] + end if end is not None else start + len(label)
        return FootnoteMarker(label, index + 1, start, stop, layout)

    def _add_text(self, label: str, index: int, column: int, layout: FootnoteLayout, content: str,
                  block: int | None, content_index: int | None = None) -> None:
        start = self.starts[index] + max(column, 0)
        if layout is FootnoteLayout.INLINE and label.isdigit():
            self.inline_numbers.append(int(label))
            self.inline_number_set.add(int(label))
        content_line = (content_index if content_index is not None else index) + 1
        self.texts.append(
            FootnoteText(label, index + 1, start, start + len(label), layout, content.strip(), block, content_line)
        )


#: A bare label (``12``, ``***``) has at most three characters besides white space.
_MAX_BARE_LABEL = 3


# The lines the scanner must read (a gate: see structure/scan.py), after the "\n" before each: one that
# _may_start_with_letter, or one whose stripped text is 1 to _MAX_BARE_LABEL characters long (white
# space skipped possessively: the label then starts with a character that is not white space, and the
# line is short exactly when the white space after at most three characters reaches the line's end).
# One scan of the text: a strip per line and the letter gate's own scan cost 22 M instructions per MB,
# this 13 M (the letter branches first, without a backtracking "?": fewer steps at each line start).
_ATTENTION_GATE = compiled_on_use(re.compile, r"\n(?:[a-z]|[^\n][a-z]|[^\S\n]*+[^\n]{1,3}+[^\S\n]*+(?![^\n]))")
# A line _INLINE_TEXT may match: a digit after white space (re's \d, or any character beyond the BMP:
# the digits regex knows from newer Unicode versions are all there).
_DIGIT_LED = compiled_on_use(re.compile, r"\n[^\S\n]*+[\d\U00010000-\U0010ffff]")


def _short_when_stripped(text: str) -> bool:
    # str.strip removes every character that the regexes' \s matches (and a few more).
    return len(text) <= _MAX_BARE_LABEL or len(text.strip()) <= _MAX_BARE_LABEL


def _may_start_with_letter(text: str) -> bool:
    """Whether a table note (``a 比利时……``, maybe after one space) could start the line."""
    return "a" <= text[:1] <= "z" or "a" <= text[1:2] <= "z"


def _plain_running_text(text: str) -> bool:
    """A line outside a notes block that cannot hold a note text, a separator or a marker."""
    return (
        "*" not in text
        and "[^" not in text
        and "_____" not in text
        and not _may_start_with_letter(text)
        and not _short_when_stripped(text)
    )


def _is_link(text: str) -> bool:
    return "undocs.org" in text
