"""Organization mentions (lint/structure/mentions.py): the registry's matches outside furniture and quoted titles."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from unlint.rules.registry import build_registry, parse_organization
from unlint.structure.mentions import overlaps, parse_mentions, quoted_titles

_WORDS = ["甲乙", "乙丙丁", "丙丁"]
_REGISTRY = build_registry([parse_organization({"id": w, "zh": w}, "test") for w in _WORDS])


@given(text=st.text(alphabet="甲乙丙丁《》\n", max_size=60), furniture=st.sets(st.integers(0, 12)))
@example(text="甲乙丙丁\n甲乙\n甲乙甲乙", furniture={1})  # several mentions on a furniture line and on the last line
@example(text="《甲乙》甲乙\n\n甲乙", furniture={2})
@example(text="甲乙《甲乙丙丁》\n甲乙\n甲乙", furniture={0, 1})  # a title on a furniture line: runs that overlap
@example(text="《丁》甲乙\n《丁》甲乙\n甲乙", furniture={1})  # titles holding no mention, then a dropped run
def test_mentions_are_the_matches_outside_furniture_and_titles(text, furniture):
    """Titles and furniture lines drop runs of mentions: what testing each mention gives."""

    def is_furniture(offset: int) -> bool:
        return text.count("\n", 0, offset) in furniture

    titles = quoted_titles(text)
    expected = [m for m in _REGISTRY.find(text)
                if not overlaps((m.start, m.end), titles) and not is_furniture(m.start)]
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    spans = [(line_starts[line], line_starts[line + 1] if line + 1 < len(line_starts) else len(text))
             for line in sorted(furniture) if line < len(line_starts)]
    assert list(parse_mentions(text, _REGISTRY, spans)) == expected
