"""TYP: typography of Chinese text.

Small slips that translated UN text carries and editors catch before
publication: brackets of mixed width or left open, a stray English word, a
character typed twice, a traditional character, a fullwidth paragraph stop.
Every rule stays silent on documents whose masthead or text is not Chinese.
"""

from __future__ import annotations

from unlint import hookimpl

from .brackets import mixed_bracket_width, unbalanced_bracket
from .doubled import doubled_character
from .latin import latin_word_in_chinese
from .stops import fullwidth_paragraph_stop
from .traditional import traditional_character


@hookimpl
def unlint_rules():
    return [
        mixed_bracket_width,
        unbalanced_bracket,
        latin_word_in_chinese,
        doubled_character,
        traditional_character,
        fullwidth_paragraph_stop,
    ]
