"""Decoding: UTF-8 with and without BOM, UTF-16 with BOM, GB18030, line ends, binary."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unlint.reading import DecodeError, decode, encode

from .conftest import CORPUS

SAMPLE = "联合国开发计划署(开发署)为非洲联盟提供了支持。\n第二行\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_decodes_each_supported_encoding(data, encoding):
    decoded = decode(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_are_normalised_and_remembered(newline):
    decoded = decode(SAMPLE.replace("\n", newline).encode("utf-8"))
    assert decoded.text == SAMPLE
    assert decoded.newline == newline


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_round_trip_preserves_bytes(path):
    for encoding in ("utf-8", "gb18030", "utf-16"):
        data = path.read_text(encoding="utf-8").encode(encoding)
        decoded = decode(data)
        assert encode(decoded.text, decoded) == data


def test_binary_file_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_random_high_bytes_are_not_taken_for_gb18030():
    with pytest.raises(DecodeError, match="UTF-8"):
        decode(bytes(range(0x80, 0x100)) * 4)


def test_latin1_text_is_not_taken_for_gb18030():
    with pytest.raises(DecodeError):
        decode("Résolution adoptée à l'unanimité, élaborée".encode("latin-1"))


def test_invalid_utf16_after_bom_names_the_byte():
    with pytest.raises(DecodeError, match="utf-16-le"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")


def test_empty_file_is_empty_text():
    assert decode(b"").text == ""


@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(0x20)] + ["\x7f", "\x80", "a", "中", "\U00024e20"]),
               max_size=60))
def test_the_control_characters_counted_are_the_class_the_check_names(text):
    """_looks_like_text counts them with char_positions; the class is U+0000-0008, U+000B, U+000E-001F, U+007F."""
    import re

    from unlint.reading import _CONTROL_CHARS
    from unlint.structure.scan import char_positions

    assert char_positions(text, _CONTROL_CHARS) == [m.start() for m in re.finditer(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)]
