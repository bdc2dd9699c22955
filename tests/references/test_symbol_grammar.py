"""The document-symbol grammar: forms the UN uses parse into the right fields; slips do not."""

from __future__ import annotations

import pytest

from unlint.references import SymbolSyntaxError, parse_symbol

from .describe import describe_symbol

FORMS = [
    # principal organs, session- and year-based
    ("A/73/150", "A s=73 n=150"),
    ("A/47/277", "A s=47 n=277"),
    ("A/31/1", "A s=31 n=1"),
    ("A/59/2005", "A s=59 n=2005"),
    ("S/2016/621", "S y=2016 n=621"),
    ("S/1994/32", "S y=1994 n=32"),
    ("E/2008/15", "E y=2008 n=15"),
    ("E/1985/114", "E y=1985 n=114"),
    ("T/1760", "T n=1760"),
    # pre-1994 running numbers of the Security Council, and GA running numbers
    ("S/24111", "S n=24111"),
    ("S/26015", "S n=26015"),
    ("A/520/Rev.15", "A n=520 x=Rev.15"),
    # subsidiary bodies
    ("A/C.1/73/L.5", "A b=C.1 s=73 r=L.5"),
    ("A/C.6/72/L.12", "A b=C.6 s=72 r=L.12"),
    ("A/C.3/78/L.60/Rev.1", "A b=C.3 s=78 r=L.60 x=Rev.1"),
    ("A/C.5/79/20", "A b=C.5 s=79 n=20"),
    ("E/CN.4/2005/135", "E b=CN.4 y=2005 n=135"),
    ("E/CN.4/Sub.2/1998/13", "E b=CN.4,Sub.2 y=1998 n=13"),
    ("E/CN.6/2010/11", "E b=CN.6 y=2010 n=11"),
    ("S/AC.25/1", "S b=AC.25 n=1"),
    ("S/AC.51/2007/17", "S b=AC.51 y=2007 n=17"),
    ("A/HRC/6/22", "A b=HRC s=6 n=22"),
    ("A/HRC/22/L.13", "A b=HRC s=22 r=L.13"),
    ("A/HRC/S-17/2", "A b=HRC s=S-17 n=2"),
    ("A/BUR/53/1", "A b=BUR s=53 n=1"),
    ("A/CONF.199/20", "A b=CONF.199 n=20"),
    ("A/AC.109/2000/SR.3", "A b=AC.109 y=2000 r=SR.3"),
    ("A/CN.10/2019/1", "A b=CN.10 y=2019 n=1"),
    # other series
    ("ST/SGB/2002/11", "ST b=SGB y=2002 n=11"),
    ("ST/AI/189/Add.3/Rev.2", "ST b=AI n=189 x=Add.3,Rev.2"),
    ("ST/ESCAP/1005", "ST b=ESCAP n=1005"),
    ("CRC/C/GC/12", "CRC b=C,GC n=12"),
    ("CCPR/C/GC/36", "CCPR b=C,GC n=36"),
    ("CAT/C/SR.209", "CAT b=C r=SR.209"),
    ("TD/B/64/2", "TD b=B s=64 n=2"),
    ("UNEP/EA.5/1", "UNEP b=EA.5 n=1"),
    ("DP/2020/1", "DP y=2020 n=1"),
    ("DP/FPA/2020/1", "DP b=FPA y=2020 n=1"),
    # A component after the year: meeting documents of treaty bodies and Executive Boards.
    ("TPNW/MSP/2022/INF/1", "TPNW b=MSP,INF y=2022 n=1"),
    ("UNICEF/2022/EB/9", "UNICEF b=EB y=2022 n=9"),
    # special components
    ("S/RES/2553(2020)", "S k=RES n=2553 ry=2020"),
    ("S/RES/1325 (2000)", "S k=RES n=1325 ry=2000"),
    ("A/RES/58/316", "A k=RES s=58 n=316"),
    ("A/RES/ES-10/17", "A k=RES s=ES-10 n=17"),
    ("A/RES/S-13/2", "A k=RES s=S-13 n=2"),
    ("A/HRC/RES/33/10", "A b=HRC k=RES s=33 n=10"),
    ("S/PRST/2020/12", "S k=PRST y=2020 n=12"),
    ("S/PRST/1994/22", "S k=PRST y=1994 n=22"),
    ("S/PV.8711", "S r=PV.8711"),
    ("S/PV.3326", "S r=PV.3326"),
    ("A/61/PV.65", "A s=61 r=PV.65"),
    ("A/BUR/54/SR.1", "A b=BUR s=54 r=SR.1"),
    ("A/54/L.74/Add.1", "A s=54 r=L.74 x=Add.1"),
    ("A/61/L.26", "A s=61 r=L.26"),
    ("E/1985/L.45", "E y=1985 r=L.45"),
    ("S/INF/63", "S k=INF n=63"),
    ("S/Agenda/8979", "S k=Agenda n=8979"),
    ("E/2008/NGO/5", "E k=NGO y=2008 n=5"),
    ("A/HRC/36/NGO/12", "A b=HRC k=NGO s=36 n=12"),
    ("E/CN.4/2005/CRP.1", "E b=CN.4 y=2005 r=CRP.1"),
    ("E/CN.4/2005/WP.2", "E b=CN.4 y=2005 r=WP.2"),
    # suffixes, stacked
    ("A/80/604/Add.1", "A s=80 n=604 x=Add.1"),
    ("S/2000/40/Add.47", "S y=2000 n=40 x=Add.47"),
    ("A/73/367/Rev.1", "A s=73 n=367 x=Rev.1"),
    ("A/64/2/Corr.2", "A s=64 n=2 x=Corr.2"),
    ("A/520/Rev.15/Amend.1", "A n=520 x=Rev.15,Amend.1"),
    ("A/62/1/Rev.1/Add.2", "A s=62 n=1 x=Rev.1,Add.2"),
    ("E/2019/9/Summary", "E y=2019 n=9 x=Summary"),
    # joint symbols and reissue asterisks
    ("A/71/160-S/2016/621", "A s=71 n=160 + S y=2016 n=621"),
    ("A/61/204–S/2006/590*", "A s=61 n=204 + S y=2006 n=590 *"),
    ("A/47/277 - S/24111", "A s=47 n=277 + S n=24111"),
    ("A/40/353-E/1985/115", "A s=40 n=353 + E y=1985 n=115"),
    ("E/2010/27-E/CN.6/2010/11", "E y=2010 n=27 + E b=CN.6 y=2010 n=11"),
    ("A/76/100*", "A s=76 n=100 *"),
]

MALFORMED = [
    "A/60//341",      # empty component
    "S/2O17/744",     # letter O for zero
    "A/73/",          # trailing slash
    "/73/150",        # no series
    "a/73/150",       # lower-case series
    "A/73/150-",      # joint symbol cut short
    "S/RES/2553(20)",  # two-digit adoption year
    "S/RES/2553(2020",  # unclosed bracket
    "A/73/150/Add",   # suffix without number
    "A/73/150/Add.1.2",
    "S/2016/621**",
    "S/PRST",         # no number
    "A/73/L.",        # record without number
]


@pytest.mark.parametrize(("text", "expected"), [f for f in FORMS if f[1] is not None])
def test_form_parses_into_its_fields(text, expected):
    symbol = parse_symbol(text)
    assert describe_symbol(symbol) == expected
    assert symbol.problems == ()
    assert (symbol.start, symbol.end, symbol.text) == (0, len(text), text)


def test_a_component_after_the_year_needs_a_number_after_it():
    # UNICEF/2022/EB/9 and TPNW/MSP/2022/INF/1 are symbols; a body after the year with nothing after is not.
    with pytest.raises(SymbolSyntaxError):
        parse_symbol("UNICEF/2022/EB")


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_symbol_does_not_parse(text):
    with pytest.raises(SymbolSyntaxError):
        parse_symbol(text)


@pytest.mark.parametrize(("text", "problem"), [
    ("S/95/12", "S/ symbols put a four-digit year here, not 95"),
    ("S/24/16", "S/ symbols put a four-digit year here, not 24"),
    ("S/PRST/13/12", "S/PRST/ symbols put a four-digit year here, not 13"),
    ("S/PRST/12", "S/PRST/ symbols need a year and a number (S/PRST/YEAR/N)"),
    ("E/08/15", "E/ symbols put a four-digit year here, not 08"),
])
def test_symbol_wrong_for_its_series_parses_with_a_problem(text, problem):
    assert parse_symbol(text).problems == (problem,)


def test_offsets_are_those_of_the_document():
    symbol = parse_symbol("S/2020/30", start=100)
    assert (symbol.start, symbol.end) == (100, 109)


def test_canonical_joins_parts_with_a_hyphen_and_drops_the_asterisk():
    assert parse_symbol("A/61/204 – S/2006/590*").canonical == "A/61/204-S/2006/590"


def test_error_message_says_where_it_breaks():
    with pytest.raises(SymbolSyntaxError, match="breaks at '//341'"):
        parse_symbol("A/60//341")
