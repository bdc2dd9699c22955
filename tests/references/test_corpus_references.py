"""Every symbol and resolution reference of the corpus parses, with the right fields.

The expectations were written down by reading each reference in the corpus
documents (examples/*.zh.txt and examples/en/*.en.txt); a reference found
there and not listed here, or listed and not found, fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unlint.document import Document

from .describe import describe_citation, describe_symbol

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

EXPECTED = {
    "A-60-341-S-2005-567.zh.txt": {
        "symbols": {
            'A/60/341–S/2005/567': 'A s=60 n=341 + S y=2005 n=567',
            'A/59/565': 'A s=59 n=565',
            'A/59/2005': 'A s=59 n=2005',
            'A/60/150': 'A s=60 n=150',
        },
        "resolutions": {
        },
    },
    "A-61-204-S-2006-590.zh.txt": {
        "symbols": {
            'A/61/204–S/2006/590*': 'A s=61 n=204 + S y=2006 n=590 *',
            'S/23500': 'S n=23500',
            'A/47/277-S/24111': 'A s=47 n=277 + S n=24111',
            'S/25184': 'S n=25184',
            'A/59/565': 'A s=59 n=565',
            'A/50/60-S/1995/1': 'A s=50 n=60 + S y=1995 n=1',
            'A/60/341-S/2005/567': 'A s=60 n=341 + S y=2005 n=567',
            'S/PRST/1995/9': 'S k=PRST y=1995 n=9',
            'S/PRST/2001/5': 'S k=PRST y=2001 n=5',
            'S/PV.4739': 'S r=PV.4739',
            'S/PRST/2004/27': 'S k=PRST y=2004 n=27',
            'A/47/277-S/24/16': 'A s=47 n=277 + S y=24 n=16',
            'A/60/1': 'A s=60 n=1',
        },
        "resolutions": {
            '安全理事会在第 1631（2005）号决议': 'SC y=2005 n=1631',
            '安全理事会第 1631（2005）号决议': 'SC y=2005 n=1631',
            '大会第 57/337 号决议附件第 37 段': 'GA s=57 n=337',
            '大会第 48/42 号决议，第 63 段': 'GA s=48 n=42',
            '大会第 49/57 号决议，附件，第 5段': 'GA s=49 n=57',
            '第 1631（2005）号决议': 'SC y=2005 n=1631',
            '第 57/337 号决议附件第 37 段': 'GA s=57 n=337',
            '大会第 60/180 号决议，第 7 段(e)、第 11 和 19 段': 'GA s=60 n=180',
            '安全理事会第 1540（2004）号和第 1673（2006）号决 议': 'SC y=2004 n=1540 ; SC y=2006 n=1673',
            '安理会在其 1631（2005）号决议': 'SC y=2005 n=1631',
            '安全理事会第 1631（2005）号决议第 3 段': 'SC y=2005 n=1631',
            '安全理事会第 1631（2005）决议第 4段': 'SC y=2005 n=1631',
            '安全理事会第 1631（2005）号决议第 6 段': 'SC y=2005 n=1631',
            '安全理事会第 1373（2001)号决议': 'SC y=2001 n=1373',
            '大会第 56/24 号决议': 'GA s=56 n=24',
            '安全理事会第 1631（2005）号决议第 2 段': 'SC y=2005 n=1631',
            '大会第 60/1 号决议，第 93 段': 'GA s=60 n=1',
            '大会第 60/1 号决议，第 170(c)段': 'GA s=60 n=1',
            '大会第 60/1 号决议，第 170(a)段': 'GA s=60 n=1',
            '大会第 49/57 号决议，附件，第 2段': 'GA s=49 n=57',
            '安全理事会第 1540（2004)和第 1673（2006）号决议': 'SC y=2004 n=1540 ; SC y=2006 n=1673',
        },
    },
    "en/A-80-604-Add.1.en.txt": {
        "symbols": {
            'A/80/604/Add.1': 'A s=80 n=604 x=Add.1',
            'A/80/596': 'A s=80 n=596',
            'A/80/604': 'A s=80 n=604',
            'A/80/633': 'A s=80 n=633',
            'A/80/5': 'A s=80 n=5',
            'A/80/604/Add.4': 'A s=80 n=604 x=Add.4',
        },
        "resolutions": {
            'resolution 79/307': 'GA s=79 n=307',
            'resolution 350 (1974)': 'SC y=1974 n=350',
            'resolution 2811 (2025)': 'SC y=2025 n=2811',
        },
    },
    "en/A-80-628.en.txt": {
        "symbols": {
            'A/80/628': 'A s=80 n=628',
            'A/78/734': 'A s=78 n=734',
            'A/79/755': 'A s=79 n=755',
            'A/78/744/Add.8': 'A s=78 n=744 x=Add.8',
            'A/79/724/Add.10': 'A s=79 n=724 x=Add.10',
            'A/RES/78/309': 'A k=RES s=78 n=309',
            'A/RES/79/312': 'A k=RES s=79 n=312',
        },
        "resolutions": {
            'Security Council resolution 1863 (2009)': 'SC y=2009 n=1863',
            'resolutions 76/274 and 79/312': 'GA s=76 n=274 ; GA s=79 n=312',
            'Security Council resolution 2809 (2025)': 'SC y=2025 n=2809',
            'resolutions 2748 (2024)': 'SC y=2024 n=2748',
            'resolution 1863 (2009)': 'SC y=2009 n=1863',
            'resolutions 2748 (2024), 2767 (2024) and 2776 (2025)': 'SC y=2024 n=2748 ; SC y=2024 n=2767 ; SC y=2025 n=2776',
            'resolution 2809 (2025)': 'SC y=2025 n=2809',
            'resolution 2753 (2024)': 'SC y=2024 n=2753',
            'Security Council resolution 2767 (2024)': 'SC y=2024 n=2767',
            'Resolution 76/274': 'GA s=76 n=274',
            'General Assembly resolution 79/312': 'GA s=79 n=312',
            'General Assembly resolution 76/274': 'GA s=76 n=274',
            'resolution 2124 (2013)': 'SC y=2013 n=2124',
        },
    },
    "en/A-81-6-Sect.3-PartA.en.txt": {
        "symbols": {
            'A/81/6': 'A s=81 n=6',
            'A/81/50': 'A s=81 n=50',
            'S/PRST/2011/15': 'S k=PRST y=2011 n=15',
            'S/PRST/2011/18': 'S k=PRST y=2011 n=18',
            'S/PRST/2013/4': 'S k=PRST y=2013 n=4',
            'S/PRST/2013/12': 'S k=PRST y=2013 n=12',
            'S/PRST/2013/13': 'S k=PRST y=2013 n=13',
            'S/PRST/2020/1': 'S k=PRST y=2020 n=1',
            'S/PRST/2022/3': 'S k=PRST y=2022 n=3',
            'S/2024/507': 'S y=2024 n=507',
            'S/2025/848': 'S y=2025 n=848',
            'A/80/6': 'A s=80 n=6',
            'A/77/5': 'A s=77 n=5',
        },
        "resolutions": {
            'General Assembly resolution 77/267': 'GA s=77 n=267',
            'resolution 46/232': 'GA s=46 n=232',
            'resolution 72/262 C': 'GA s=72 n=262 l=C',
            'Assembly resolution 79/1': 'GA s=79 n=1',
            'Assembly resolution 80/242': 'GA s=80 n=242',
            'General Assembly resolutions 46/232': 'GA s=46 n=232',
            'Security Council resolutions 1325 (2000)': 'SC y=2000 n=1325',
            'resolution 66/253 A': 'GA s=66 n=253 l=A',
            'General Assembly resolution 78/208': 'GA s=78 n=208',
            'General Assembly resolutions 686 (VII)': 'GA r=VII n=686',
            'General Assembly resolutions 1514 (XV)': 'GA r=XV n=1514',
            'Economic and Social Council resolution 2025/32': 'ECOSOC y=2025 n=32',
            'General Assembly resolutions 3376 (XXX)': 'GA r=XXX n=3376',
            'General Assembly resolutions 60/180': 'GA s=60 n=180',
            'Security Council resolutions 2282 (2016)': 'SC y=2016 n=2282',
            'General Assembly resolution 79/1': 'GA s=79 n=1',
            'Security Council resolution 2240 (2015)': 'SC y=2015 n=2240',
            'resolution 1514 (XV)': 'GA r=XV n=1514',
            'resolution 80/106': 'GA s=80 n=106',
            'General Assembly resolution 79/82': 'GA s=79 n=82',
            'resolution 79/1': 'GA s=79 n=1',
            'General Assembly resolution 78/257': 'GA s=78 n=257',
            'Assembly resolutions 48/213 and 49/88': 'GA s=48 n=213 ; GA s=49 n=88',
            'Security Council resolutions 1860 (2009) and 2334 (2016)': 'SC y=2009 n=1860 ; SC y=2016 n=2334',
            'Security Council resolution 2803 (2025)': 'SC y=2025 n=2803',
            'resolution 2334 (2016)': 'SC y=2016 n=2334',
            'Security Council resolution 2334 (2016)': 'SC y=2016 n=2334',
            'Security Council resolution 2720 (2023)': 'SC y=2023 n=2720',
            'Security Council resolution 1325 (2000)': 'SC y=2000 n=1325',
            'resolution 2803 (2025)': 'SC y=2025 n=2803',
            'General Assembly resolutions 48/213': 'GA s=48 n=213',
            'Security Council resolutions 1860 (2009)': 'SC y=2009 n=1860',
            'resolution ES-10/17': 'GA s=ES-10 n=17',
            'General Assembly resolution ES-10/17': 'GA s=ES-10 n=17',
            'General Assembly resolution 64/288': 'GA s=64 n=288',
            'resolutions 2033 (2012), 2167 (2014), 2320 (2016), 2378 (2017) and 2457 (2019)': 'SC y=2012 n=2033 ; SC y=2014 n=2167 ; SC y=2016 n=2320 ; SC y=2017 n=2378 ; SC y=2019 n=2457',
            'Security Council resolution 2719 (2023)': 'SC y=2023 n=2719',
            'Security Council resolution 2767 (2024)': 'SC y=2024 n=2767',
            'Security Council resolution 2628 (2022)': 'SC y=2022 n=2628',
            'resolution 2767 (2024)': 'SC y=2024 n=2767',
            'resolution 2809 (2025)': 'SC y=2025 n=2809',
            'General Assembly resolutions 52/220': 'GA s=52 n=220',
            'General Assembly resolution 71/291': 'GA s=71 n=291',
            'resolution 77/298': 'GA s=77 n=298',
            'General Assembly resolution 60/288': 'GA s=60 n=288',
            'Security Council resolution 2810 (2025)': 'SC y=2025 n=2810',
            'resolution 73/305': 'GA s=73 n=305',
            'General Assembly resolutions 60/288': 'GA s=60 n=288',
            'Security Council resolutions 1373 (2001)': 'SC y=2001 n=1373',
            'resolution 1373 (2001)': 'SC y=2001 n=1373',
        },
    },
    "repertoire-2020-item-36.zh.txt": {
        "symbols": {
            'S/2020/751': 'S y=2020 n=751',
            'S/2020/897': 'S y=2020 n=897',
            'S/2020/929': 'S y=2020 n=929',
            'S/2020/953': 'S y=2020 n=953',
            'S/2020/1037': 'S y=2020 n=1037',
            'S/2020/1176': 'S y=2020 n=1176',
            'S/2020/1167': 'S y=2020 n=1167',
            'S/2020/30': 'S y=2020 n=30',
            'S/PV.8711': 'S r=PV.8711',
            'S/2020/489': 'S y=2020 n=489',
            'S/2020/880': 'S y=2020 n=880',
            'S/2020/893': 'S y=2020 n=893',
            'S/2020/1179': 'S y=2020 n=1179',
            'S/PRST/2020/12': 'S k=PRST y=2020 n=12',
            'S/PRST/2020/11': 'S k=PRST y=2020 n=11',
        },
        "resolutions": {
            '第 2553(2020)号决议': 'SC y=2020 n=2553',
            '安理会第 2532(2020)号决议': 'SC y=2020 n=2532',
        },
    },
    "sg-report-2010-09-20-cooperation.zh.txt": {
        "symbols": {
            'A/63/228-S/2008/531': 'A s=63 n=228 + S y=2008 n=531',
            'A/63/666-S/2008/813': 'A s=63 n=666 + S y=2008 n=813',
            'A/64/359-S/2009/470': 'A s=64 n=359 + S y=2009 n=470',
            'A/64/156': 'A s=64 n=156',
            'A/64/155': 'A s=64 n=155',
        },
        "resolutions": {
            '大会在第 58/316 号决议附件第 4(1) 段': 'GA s=58 n=316',
            '安全理事会第 1809(2008) 号决议': 'SC y=2008 n=1809',
            '安全理事会第 1809(2008)号决议': 'SC y=2008 n=1809',
            '安全理事会第1540(2004)号决议': 'SC y=2004 n=1540',
            '安全理事会第 1540(2004)号决议': 'SC y=2004 n=1540',
            '第 1325(2000)号决议': 'SC y=2000 n=1325',
            '人权理事会第 12/15 号决议': 'HRC s=12 n=15',
            '安全理事会第 1325(2000)号决议': 'SC y=2000 n=1325',
            '大会第 63/303 号决议，附件，第 59 段': 'GA s=63 n=303',
            '大会第 63/239 号决议，附件，第 46 段': 'GA s=63 n=239',
            '安全理事会第1325(2000)号和1820(2008)号决议': 'SC y=2000 n=1325 ; SC y=2008 n=1820',
            '大会第 55/283 号决议，附件': 'GA s=55 n=283',
            '大会第 54/280 号决议，附件': 'GA s=54 n=280',
        },
    },
    "sg-report-2018-08-17-cooperation.zh.txt": {
        "symbols": {
            'A/73/150': 'A s=73 n=150',
            'S/PRST/2013/12': 'S k=PRST y=2013 n=12',
            'A/71/160-S/2016/621': 'A s=71 n=160 + S y=2016 n=621',
            'S/2016/780': 'S y=2016 n=780',
            'S/2017/744': 'S y=2017 n=744',
            'S/2018/678': 'S y=2018 n=678',
        },
        "resolutions": {
            '大会第 58/316 号决议附件第 4(I) 段': 'GA s=58 n=316',
            '安全理事会第 1809(2008)号决议': 'SC y=2008 n=1809',
            '安全理事会在其第 1809(2008)号决议': 'SC y=2008 n=1809',
            '大会第 58/316 号决议附件第 4(I)段': 'GA s=58 n=316',
            '安全理事会第1540(2004)号决议': 'SC y=2004 n=1540',
            '第 72/273 号决议': 'GA s=72 n=273',
            '大会在第 70/296 号决议': 'GA s=70 n=296',
            '第 67/104 号决议': 'GA s=67 n=104',
        },
    },
}


def _document(name: str) -> Document:
    return Document((EXAMPLES / name).read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_corpus_symbol_parses_with_its_fields(name):
    references = _document(name).references
    found = {symbol.text: describe_symbol(symbol) for symbol in references.symbols}
    assert found == EXPECTED[name]["symbols"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_corpus_resolution_reference_parses_with_its_fields(name):
    references = _document(name).references
    found = {" ".join(c.text.split()): describe_citation(c) for c in references.citations}
    assert found == EXPECTED[name]["resolutions"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_in_the_corpus_fails_to_parse(name):
    assert _document(name).references.unparsed == ()


def test_the_corpus_is_all_covered():
    on_disk = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("*.zh.txt")}
    on_disk |= {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("en/*.en.txt")}
    assert on_disk == set(EXPECTED)
