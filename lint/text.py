"""Text knowledge several modules share: what a Chinese character is, and the like.

One definition each, so that a parser and a rule never disagree on what they
mean by the same word.
"""

from __future__ import annotations

import regex

#: One Chinese (Han) character, by the Unicode script property: also the
#: extension blocks, which ``[\u4e00-\u9fff]`` misses.
HAN = regex.compile(r"\p{Han}")
