"""The plain-citation reader gives the parser's values for every text it reads.

``resolutions._plain_parse`` reads citations of one resolution without the LALR driver;
any text it accepts must give exactly what the driver gives: the same values, tokens of
the same type at the same spans (the issues are placed from them), and so the same
``ResolutionCitation``. Texts are drawn from its own patterns and composed from pieces at
the grammar's edges (dates, 在其, special sessions, brackets of both widths, pinpoints,
letters, lists, odd white space).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unlint.references import resolutions
from unlint.references.lalr import LalrSyntaxError
from unlint.references.models import Organ


def _exact(value):
    """``value`` with every token's text, type and span, so that equal means the same parse."""
    if isinstance(value, (list, tuple)):
        return [_exact(v) for v in value]
    if isinstance(value, str):
        return (str(value), getattr(value, "type", None), getattr(value, "start_pos", None),
                getattr(value, "end_pos", None))
    if hasattr(value, "__dataclass_fields__"):
        return {k: _exact(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def _driver(text: str):
    try:
        return resolutions.resolution_parser().parse(text)
    except LalrSyntaxError:
        return "error"


def _agrees(text: str) -> bool:
    """Whether the plain reader, if it reads ``text``, gives what the driver gives."""
    plain = resolutions._plain_parse(text)
    if plain is not None:
        assert _exact(plain) == _exact(_driver(text)), text
    return plain is not None


COMMON = ["安全理事会第 1801(2008)号决议", "安全理事会第1540（2004）号决议", "安理会在其 1630（2005）号决议",
          "大会第 60/2 号决议，第 93 段", "大会第 60/2 号决议，附件，第 9段", "第 67/111 号决议", "第 75/569 号决定",
          "2000年10月31日第1325(2000)号决议", "大会S-26/2号决议，附件二", "安全理事会第 1325（2000)号决议",
          "第 1631（2005）决议", "大会 58/316 号决议", "安全理事会第 1325（2000）号决\n\n议第 9 段",
          "General Assembly resolution 72/242 of 22 December 2017", "Security Council resolution 1325 (2000)",
          "resolution 2719", "resolutions 1820 (2008)", "Executive Board decision 2023/5", "resolution ES-10/17",
          "1325 (2000)", "66/253", "1325（2000）", "1325 (2000) ",
          "安全理事会第 1540（2004）号和第 1673（2006）号决议", "第70/291、71/291和72/284号决议", "第70/132号以及第70/213和70/219号决议",
          "2000年10月31日第1325(2000)号、……和2019年4月23日第2467(2019)号决议", "大会第 60/2 号决议，第 170(c)段",
          "大会第 60/2 号决议，第 9 段(e)、第 10 和 11 段", "大会在第 1/2 号决议附件第 3(ii) 段", "第 1/2 号决定，第3、4和5段",
          "resolutions 72/242 of 22 December 2017, 73/17 of 26 November 2018 and 75/316",
          "General Assembly resolutions 1/2, 3/4 and 5/6", "resolutions 1 and 2", "resolutions 1325 (2000), and 1820 (2008)"]


@pytest.mark.parametrize("text", COMMON)
def test_common_citations_are_read_plainly_and_alike(text):
    assert _agrees(text)


@pytest.mark.parametrize("text", COMMON)
def test_the_citation_is_the_same(text, monkeypatch):
    plain = resolutions.parse_resolution(text, 40, organ_before=Organ.OTHER)
    monkeypatch.setattr(resolutions, "_plain_parse", lambda text: None)
    assert plain == resolutions.parse_resolution(text, 40, organ_before=Organ.OTHER)


EDGES = ["大会在 其第 1/2 号决议", "第 2008年1月1日号决议", "第 1325(20001)号决议", "第 1325(200)号决议",
         "第 62/238 A 号决议", "第 1/2 号决议，", "第 1/2 号决议 ", "第 1/2 号决议附件1", "第 1/2 号决议第 3(a)段",
         "第 1/2 号决议、第 3 段", "第 1/2 号和第 3/4 号决议", "第1/2号决议草案", "resolution 1325 (2000) of 1 May 2001",
         "resolution 1 of 1 May 20011", "resolution 1 of 1 Mai 2001", "resolution 1/2 A", "resolutions 1 and 2",
         "Council decision 1", "resolution 1325(XV)", "resolution S-1", "1 (2000)(2001)", "12３/4", "第12３/4号决议",
         "大会第 1/2 号决议附件第 3 段", "大会第 1/2 号决议，附件一，第 3 段，第 4 段", "resolution 1/2 ", " resolution 1/2",
         "resolution\u30001/2", "第 1/2 号\u3000决议", "1/2/3", "ES-1/2", "S-1/2号决议"]


@pytest.mark.parametrize("text", EDGES)
def test_edges_agree(text):
    _agrees(text)


def _pattern(name: str, **kwargs):
    return st.from_regex(getattr(resolutions, name).pattern, fullmatch=True, **kwargs)


def _joined(items: list[str], joiners: list[str]) -> str:
    return items[0] + "".join(joiner + item for joiner, item in zip(joiners, items[1:]))


@settings(max_examples=300, deadline=None)
@given(_pattern("_PLAIN_ZH_ORGAN"), st.lists(_pattern("_PLAIN_ZH_ITEM"), min_size=1, max_size=3),
       st.lists(_pattern("_PLAIN_ZH_JOINER"), min_size=2, max_size=2), _pattern("_PLAIN_JUEYI"),
       st.lists(_pattern("_PLAIN_PINPOINT"), max_size=3))
def test_texts_of_the_chinese_patterns_agree(organ, items, joiners, jueyi, pinpoints):
    _agrees(organ + _joined(items, joiners) + jueyi + "".join(pinpoints))


@settings(max_examples=300, deadline=None)
@given(_pattern("_PLAIN_EN_WORD"), st.lists(_pattern("_PLAIN_EN_ITEM"), min_size=1, max_size=3),
       st.lists(_pattern("_PLAIN_EN_JOINER"), min_size=2, max_size=2), _pattern("_SPACE"))
def test_texts_of_the_english_patterns_agree(word, items, joiners, space):
    _agrees(word + _joined(items, joiners) + space)


@settings(max_examples=200, deadline=None)
@given(_pattern("_PLAIN_BARE"))
def test_texts_of_the_bare_pattern_agree(text):
    _agrees(text)


def _mostly(plain: list[str], edges: list[str]):
    """One of ``plain`` far more often than one of ``edges``."""
    return st.sampled_from(plain * (11 * len(edges)) + edges * len(plain))


_SPACE = _mostly(["", "", " ", "\n", "\u3000", "\xa0"], ["\x1c", "\u2028", "\t\r"])
_ZH_PIECES = [
    _mostly(["", "大会", "安全理事会", "安理会", "经社理事会", "经济及社会理事会", "人权理事会"], ["执行局", "大会大会"]),
    _mostly(["", "", "在其", "在", "其"], ["在 其", "其在"]),
    _mostly(["", "", "2000年10月31日", "2000 年 1 月 1 日"], ["20001年1月1日", "2000年1月", "2000年1月111日"]),
    _mostly(["第", "第", ""], ["第第", "第 第"]),
    _mostly(["1325(2000)", "1325（2000）", "1325（2000)", "1325 (2000）", "60/2", "S-26/2", "ES-10/17", "007/1"],
            ["62/238 A", "1514 (XV)", "1325(200)", "12３/4", "1", "1/", "S-1", "1(2000)(2001)"]),
    _mostly(["号", "号", ""], ["号号", "号 和"]),
    _mostly(["", "", "和第 1820(2008)号", "、71/291", "号以及第70/213", "、……和2019年4月23日第2467(2019)号", "和 3/4 号"],
            ["和B", "和 A 号", "和第", "、、", "和 1514 (XV)", "和第 62/238 A"]),
    _mostly(["决议", "决定", "决\n议", "决 定"], ["决议草案", "决", "决议决议"]),
    st.lists(_mostly(["，附件", "附件二", "，第 93 段", "第 9段", ",附件", "附件十一", "、第 3 段", "第 3(a)段",
                      "第 3 和 4 段", "，第 9 段(e)", "第 3(ii)、第 4（b）和 5 段", "第 1、……2 段"],
                     ["，", " ", "附件1", "第 3(aa)段", "第 3(ab)段", "第 3 段(100)", "第 段", "、附件", "第 3、段"]),
             max_size=3).map("".join),
]


@settings(max_examples=1000, deadline=None)
@given(st.tuples(*_ZH_PIECES), st.lists(_SPACE, min_size=len(_ZH_PIECES), max_size=len(_ZH_PIECES)))
def test_composed_chinese_citations_agree(pieces, spaces):
    _agrees("".join(space + piece for piece, space in zip(pieces, spaces)).lstrip())


_EN_PIECES = [
    st.sampled_from(["", "", "General Assembly", "Security Council", "Assembly", "Council", "Commission"]),
    st.sampled_from(["resolution", "resolutions", "Resolution", "decision", "Decisions"]),
    st.sampled_from(["1325 (2000)", "1325(2000)", "72/242", "ES-10/17", "S-1", "2719", "1/2 A", "1514 (XV)", "1 (20001)"]),
    st.sampled_from(["", "", "of 22 December 2017", "of 1 Mai 2001", "of 1 May 20011", "and 2", ", 3/4", ", and 5 (2001)",
                     "and 1/2 of 1 May 2001, 3", ",", "and", "andrew 2", ", and and 3"]),
]


@settings(max_examples=600, deadline=None)
@given(st.tuples(*_EN_PIECES), st.lists(st.sampled_from(["", " ", "  ", "\n"]), min_size=4, max_size=4))
def test_composed_english_citations_agree(pieces, spaces):
    _agrees("".join(piece + space for piece, space in zip(pieces, spaces)))
