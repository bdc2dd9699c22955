"""Property: a citation assembled from the grammar's parts parses back into those parts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.references import parse_resolution

from .describe import describe_citation

SPACE = st.sampled_from(["", " ", "\n\n"])
BRACKETS = st.sampled_from([("(", ")"), ("（", "）")])


@st.composite
def identifiers(draw):
    """``(text, description)`` of one resolution number, as the grammar writes it."""
    shape = draw(st.sampled_from(["session", "year", "roman"]))
    number = draw(st.integers(1, 2999))
    if shape == "session":
        # Below the 31st session the General Assembly did not number session/number: no organ then.
        session = draw(st.integers(1, 80))
        return f"{session}/{number}", "GA" if session >= 31 else "?", f"s={session} n={number}"
    opening, closing = draw(BRACKETS)
    if shape == "year":
        year = draw(st.integers(1946, 2030))
        return f"{number}{draw(SPACE)}{opening}{year}{closing}", "SC", f"y={year} n={number}"
    roman = draw(st.sampled_from(["I", "V", "XV", "XXIX", "XXX"]))
    # A roman session: the General Assembly's or ECOSOC's, the form alone does not say.
    return f"{number}{opening}{roman}{closing}", "?", f"r={roman} n={number}"


@settings(max_examples=200, deadline=None)
@given(st.lists(identifiers(), min_size=1, max_size=4), SPACE, st.sampled_from(["和", "、", "及"]))
def test_generated_chinese_citation_round_trips(items, space, joiner):
    body = joiner.join(f"第{space}{text}{space}号" for text, _, _ in items)
    citation = parse_resolution(f"{body}决议")
    assert describe_citation(citation) == " ; ".join(f"{organ} {fields}" for _, organ, fields in items)
    assert citation.issues == ()
    assert [item.text for item in citation.items] == [text for text, _, _ in items]


@settings(max_examples=200, deadline=None)
@given(st.lists(identifiers(), min_size=1, max_size=4))
def test_generated_english_citation_round_trips(items):
    texts = [text.replace("\n", " ") for text, _, _ in items]
    listed = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
    citation = parse_resolution(f"resolution{'s' if len(texts) > 1 else ''} {listed}")
    assert describe_citation(citation) == " ; ".join(f"{organ} {fields}" for _, organ, fields in items)
