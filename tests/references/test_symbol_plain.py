"""The plain-symbol reader gives the parser's values for every text it reads.

``symbols._plain_parse`` reads the commonest shapes without the LALR driver; any text
it accepts must parse to exactly what the driver gives (the same parts, the same
reissue flag). Texts are drawn from its own pattern and from components chosen to
sit at the grammar's edges: words the grammar reads as special components, records,
suffixes or late kinds, and near misses of them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.references import symbols
from unlint.references.lalr import LalrSyntaxError


def _driver(text: str):
    try:
        return symbols.symbol_parser().parse(text)
    except LalrSyntaxError:
        return "error"


def _agrees(text: str) -> bool:
    """Whether the plain reader, if it reads ``text``, gives what the driver gives; and the
    parts ``_plain_symbol`` makes are those the driver's fields make."""
    plain = symbols._plain_parse(text)
    parts = symbols._plain_symbol(text)
    assert (plain is None) == (parts is None), text
    if plain is not None:
        fields, reissued = _driver(text)
        assert plain == (fields, reissued), text
        made = tuple(symbols._make_part(t, f) for t, f in zip(symbols._part_texts(text), fields))
        assert parts == (made, reissued), text
    return plain is not None


COMMON = ["A/73/150", "S/2016/621", "S/24111", "S/PRST/2020/15", "A/RES/58/316", "E/ICEF/2023/9",
          "A/C.3/78/20/Add.1", "A/HRC/36/12", "E/CN.4/Sub.2/1998/13", "A/59/573/Rev.1/Corr.2",
          "A/61/204-S/2006/590", "A/71/168–S/2016/629*", "A/47/277 - S/24111", "S/Agenda/8979",
          "ST/SGB/2002/11", "A/51/Summary", "S/PV.8711", "A/61/L.26", "A/C.3/78/L.60/Rev.1", "E/CN.4/2005/CRP.1"]


@pytest.mark.parametrize("text", COMMON)
def test_common_symbols_are_read_plainly_and_alike(text):
    assert _agrees(text)


EDGES = ["A/RES/PRST/1/2", "A/NGO/5", "A/L.5/1", "A/WP.7/2015/22", "A/R/1", "A/Rev.1/2", "A/Add/1",
         "A/RESA/1", "A/INFO/1", "A/AgendaX/1", "A/REST.1/2", "A/1/2/3", "A/1*-S/2", "*", "A/1**", "-A/1",
         "A/1-", "A/01/007", "S/95/12", "S/PRST/12", "S/PRST/0095/3", "E/ICEF/44/23", "E/44/23",
         "A/2500/1", "S/RES/1999/5", "A/INF/1945/2-S/95/12*", "ST/1/2", "A/Agenda/12", "A/PRST/19/2", "A/1/Summary/Add.2", "ABCDEFGHI/1", "A//1", "A/1/Add.1x", "A/C./1", "A/1/NGO/2"]


@pytest.mark.parametrize("text", EDGES)
def test_edges_agree(text):
    _agrees(text)


@settings(max_examples=400, deadline=None)
@given(text=st.from_regex(symbols._PLAIN_PART.pattern, fullmatch=True))
def test_texts_of_the_plain_pattern_agree(text):
    _agrees(text)


#: Words at the grammar's edges in each place of the plain shape, plain ones most often.
_BODIES = ["HRC", "C.3", "CN.4", "ICEF", "EB.AIR", "SER.A", "RESA", "Addx", "Rx", "Sub.2",
           "RES", "PRST", "INF", "Agenda", "NGO", "L.5", "PV.1", "SR.3", "CRP.1", "WP.7", "R.1", "R", "L",
           "Add.1", "Rev.2", "Summary", "ES-1", "S-2", "C."]
_KINDS = [None, None, "RES", "PRST", "INF", "Agenda", "NGO", "Agendas"]
_NUMBERS = ["1", "73", "2016", "007", "S-17", "L.5", "PV.8711", "WP.2", "R.1", "SR.3", "L", "L.5x", "CRP.", "Add.1"]
_SUFFIXES = ["Add.1", "Corr.12", "Rev.2", "Amend.3", "Summary", "Add", "Rev.1x", "NGO", "L.4", "SR.1", "HRC"]
_PART = st.builds(
    lambda series, bodies, kind, numbers, suffixes: "/".join(
        [series, *bodies, *([kind] if kind else []), *numbers, *suffixes]),
    st.sampled_from(["A", "S", "E", "ST", "UNICEF"]),
    st.lists(st.sampled_from(_BODIES), max_size=2),
    st.sampled_from(_KINDS),
    st.lists(st.sampled_from(_NUMBERS), min_size=1, max_size=3),
    st.lists(st.sampled_from(_SUFFIXES), max_size=2),
)


@settings(max_examples=800, deadline=None)
@given(parts=st.lists(_PART, min_size=1, max_size=3), joiner=st.sampled_from(["-", "–", " - ", "\t–"]),
       star=st.booleans())
def test_composed_symbols_agree(parts, joiner, star):
    _agrees(joiner.join(parts) + ("*" if star else ""))
