"""Property: a symbol assembled from the grammar's parts parses back into those parts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.references import parse_symbol
from unlint.rules.refdata import known_series

from .describe import describe_symbol

BODIES = st.sampled_from(["C.1", "C.6", "CN.4", "Sub.2", "AC.25", "HRC", "SGB", "CONF.199", "BUR", "GC", "B"])
RECORDS = st.builds(lambda kind, n: f"{kind}.{n}", st.sampled_from(["L", "PV", "SR", "CRP", "WP", "R"]),
                    st.integers(1, 9999))
SUFFIXES = st.one_of(
    st.builds(lambda kind, n: f"{kind}.{n}", st.sampled_from(["Add", "Corr", "Rev", "Amend"]), st.integers(1, 99)),
    st.just("Summary"),
)
SESSIONS = st.integers(1, 99)
YEARS = st.integers(1946, 2030)
NUMBERS = st.integers(1, 99999)


@st.composite
def symbol_parts(draw):
    """``(text, description)`` of one symbol, built the way the grammar composes it."""
    series = draw(st.sampled_from(sorted(known_series())))
    bodies = draw(st.lists(BODIES, max_size=2))
    shape = draw(st.sampled_from(["session-number", "year-number", "number", "record", "session-record", "res"]))
    text, fields = [series, *bodies], [series] + ([f"b={','.join(bodies)}"] if bodies else [])
    if shape == "session-number" and series not in ("S", "E", "ST"):
        session, number = draw(SESSIONS), draw(NUMBERS)
        text += [str(session), str(number)]
        fields += [f"s={session}", f"n={number}"]
    elif shape in ("year-number", "session-number"):
        year, number = draw(YEARS), draw(NUMBERS)
        text += [str(year), str(number)]
        fields += [f"y={year}", f"n={number}"]
    elif shape == "number":
        number = draw(NUMBERS)
        text.append(str(number))
        fields.append(f"n={number}")
    elif shape == "record":
        record = draw(RECORDS)
        text.append(record)
        fields.append(f"r={record}")
    elif shape == "session-record" and series not in ("S", "E", "ST"):
        session, record = draw(SESSIONS), draw(RECORDS)
        text += [str(session), record]
        fields += [f"s={session}", f"r={record}"]
    else:
        year, number = draw(YEARS), draw(NUMBERS)
        text += ["RES", str(number)]
        fields += ["k=RES", f"n={number}"]
        suffix_text = f"({year})"
        return "/".join(text) + suffix_text, " ".join(fields + [f"ry={year}"])
    suffixes = draw(st.lists(SUFFIXES, max_size=2))
    if suffixes:
        text += suffixes
        fields.append("x=" + ",".join(suffixes))
    return "/".join(text), " ".join(fields)


@settings(max_examples=300, deadline=None)
@given(symbol_parts())
def test_generated_symbol_round_trips(part):
    text, description = part
    symbol = parse_symbol(text)
    assert describe_symbol(symbol) == description
    assert symbol.parts[0].text == text


@settings(max_examples=150, deadline=None)
@given(st.lists(symbol_parts(), min_size=2, max_size=3), st.sampled_from(["-", "–", " - ", " – "]),
       st.booleans())
def test_generated_joint_symbol_round_trips(parts, joiner, reissued):
    text = joiner.join(p[0] for p in parts) + ("*" if reissued else "")
    symbol = parse_symbol(text)
    assert describe_symbol(symbol) == " + ".join(p[1] for p in parts) + (" *" if reissued else "")
    assert [p.text for p in symbol.parts] == [p[0] for p in parts]
