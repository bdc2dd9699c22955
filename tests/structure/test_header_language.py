"""The document's language when the masthead does not say it: Han characters against Latin letters."""

from __future__ import annotations

import pytest

from unlint.structure.header import _language


@pytest.mark.parametrize(("text", "language"), [
    ("The Security Council adopted resolution 2719 (2023).", "en"),
    ("安全理事会通过了第2719(2023)号决议。", "zh"),
    # Full-width punctuation and kana are wide but not Han: the Han count decides.
    ("，。、《》「」ぁあ" * 10 + "abcd", "en"),
    # One Han character for four Latin letters is Chinese; one fewer letter's worth is not.
    ("安" + "abcd", "zh"),
    ("安" + "abcde", "en"),
    ("", "zh"),
])
def test_language_from_the_text(text, language):
    assert _language((), text) == language


def test_the_masthead_line_wins():
    assert _language(("English",), "安全理事会") == "en"
