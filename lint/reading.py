"""Bytes to text: decoding that detects rather than guesses.

UN text reaches us as UTF-8 (with or without a byte-order mark), as UTF-16
with a BOM from Word's "Unicode text" export, and as GB18030/GBK from older
Chinese tools. Each decoding is tried strictly, in an order where a wrong
success is unlikely, and a result is accepted only if it looks like text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from .layout import EMPTY, Layout
from .patterns import compiled_on_use
from .structure.scan import char_positions
from .text import HAN

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than tab, newline, carriage return and form feed
# do not occur in documents; a decoding that yields many is wrong.
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]))
# Six Chinese characters or punctuation marks in a row that decode as UTF-8: about
# a 1e-13 chance per position in GB18030 text (3-byte UTF-8 sequences are rare
# there), so proof of UTF-8.
_UTF8_HAN_RUN = compiled_on_use(regex.compile, r"[\p{Han}\u3000-\u303f\uff00-\uffef]{6}")


class DecodeError(Exception):
    """The bytes are not a text document unlint can read."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A decoded file: its text with ``\\n`` line ends, and how to write it back."""

    text: str
    encoding: str
    bom: bytes
    newline: str
    #: False when the encoding was inferred from weak evidence; --fix refuses such files.
    certain: bool = True
    #: ``"text"``, or the format the text was read from (``"docx"``, ``"pdf"``): never written back.
    format: str = "text"
    #: What a Word or PDF reader knows about the lines (tables, pages); empty for text.
    layout: Layout = EMPTY
    #: Each line break of a file that mixes ``\r\n``, ``\r`` and ``\n``, in order; empty when
    #: every break is ``newline``. ``--fix`` gives each line back its own ending.
    line_ends: tuple[str, ...] = ()


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= max(cr, lf) and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:1_000_000]
    # char_positions, not a class pattern's findall: that scan cost about 30 instructions a
    # character, three per cent of a whole check.
    return len(char_positions(sample, _CONTROL_CHARS)) * 1000 <= len(sample)


def decode(data: bytes) -> DecodedText:
    """Decode a file's bytes, or raise :class:`DecodeError` saying why not."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as err:
                raise DecodeError(f"invalid {encoding} after its byte-order mark at byte {err.start + len(bom)}") from None
            return _decoded(text, encoding, bom, certain=True)
    if b"\x00" in data:
        without_bom = _decode_utf16_without_bom(data)
        if without_bom is None:
            raise DecodeError("binary file (contains NUL bytes)")
        return without_bom
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    else:
        if not _looks_like_text(text):
            raise DecodeError("binary file (control characters)")
        return _decoded(text, "utf-8", b"", certain=True)
    if _UTF8_HAN_RUN.search(data.decode("utf-8", errors="replace")):
        # Runs of Chinese that are valid UTF-8 almost never occur in GB18030 text by
        # chance: this is UTF-8 with foreign or damaged bytes, which GB18030 would
        # silently turn into plausible-looking nonsense.
        raise DecodeError(
            f"mixed encodings: UTF-8 text with bytes that are not UTF-8 (first at byte {utf8_error.start})"
        )
    return _decode_gb18030(data, utf8_error)


# What UN text in UTF-16 is made of: ASCII, Latin letters, Han and CJK punctuation.
_DOCUMENT_CHAR = compiled_on_use(regex.compile,
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\p{Han}\u3000-\u303f\uff00-\uffef]")


def _decode_utf16_without_bom(data: bytes) -> DecodedText | None:
    # Some tools write UTF-16 without a byte-order mark. Its ASCII characters
    # (spaces, digits, line ends) put a NUL in every other byte, nearly all on
    # one side (odd offsets in little-endian, even in big-endian; a few Han
    # characters such as U+4E00 put one on the other): binary data does not
    # look like that, and the text must then read as a document.
    if len(data) % 2:
        return None
    sample = data[:1_000_000]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    for encoding, nul_side, other_side in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_side < 4 * other_side or nul_side == 0:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        head = text[:500_000]
        if _looks_like_text(text) and len(_DOCUMENT_CHAR.findall(head)) >= 0.98 * len(head):
            return _decoded(text, encoding, b"", certain=True)
    return None


def _decode_gb18030(data: bytes, utf8_error: UnicodeDecodeError) -> DecodedText:
    # GB18030 decodes almost any byte string, so a strict success proves little:
    # accept it only when the result reads as Chinese text.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError(f"not valid UTF-8 (byte {utf8_error.start}) nor GB18030") from None
    sample = text[:1_000_000]
    han = len(HAN.findall(sample))
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if not _looks_like_text(text) or non_ascii == 0 or han < 0.6 * non_ascii:
        raise DecodeError(f"not valid UTF-8 (byte {utf8_error.start}) and does not read as GB18030 Chinese text")
    return _decoded(text, "gb18030", b"", certain=han >= 20)


def _decoded(raw: str, encoding: str, bom: bytes, *, certain: bool) -> DecodedText:
    return DecodedText(_normalise_newlines(raw), encoding, bom, _newline_style(raw), certain,
                       line_ends=_mixed_line_ends(raw))


_LINE_END = compiled_on_use(regex.compile, r"\r\n|\r|\n")


def _mixed_line_ends(raw: str) -> tuple[str, ...]:
    crlf = raw.count("\r\n")  # counted, not replaced: a big file is not copied
    kinds = (crlf > 0) + (raw.count("\r") > crlf) + (raw.count("\n") > crlf)
    return tuple(m.group() for m in _LINE_END.finditer(raw)) if kinds > 1 else ()


def encode(text: str, decoded: DecodedText) -> bytes:
    """Encode ``text`` (``\\n`` line ends) back into the file's original form."""
    if decoded.line_ends:
        text = _with_line_ends(text, decoded)
    elif decoded.newline != "\n":
        text = text.replace("\n", decoded.newline)
    encoding = decoded.encoding.replace("-sig", "")
    return decoded.bom + text.encode(encoding)


def _with_line_ends(text: str, decoded: DecodedText) -> str:
    # Lines before the first and after the last changed line keep their own
    # breaks; a line a fix added takes the file's usual one.
    lines, ends = text.split("\n"), decoded.line_ends
    breaks = len(lines) - 1
    if breaks == len(ends):
        chosen = list(ends)
    else:
        original = decoded.text.split("\n")
        head = 0
        while head < min(breaks, len(ends)) and lines[head] == original[head]:
            head += 1
        tail = 0
        while tail < min(breaks, len(ends)) - head and lines[-1 - tail] == original[-1 - tail]:
            tail += 1
        chosen = [*ends[:head], *[decoded.newline] * (breaks - head - tail), *ends[len(ends) - tail:]]
    return "".join(line + end for line, end in zip(lines, [*chosen, ""]))
