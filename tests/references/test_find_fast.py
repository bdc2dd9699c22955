"""The fast candidate searches give what the plain searches give.

``_zh_candidates`` searches only the part of the stretch before each 决议 that a
reference reaching it can start in, ``_bare_candidates`` reads only the
lines after resolutions headings (found from the words they hold), and
``_en_candidates`` tries its pattern only before each ``esolution`` and ``ecision``. Each is compared here with the plain search
it replaces, on the corpus and on seeded random text built from the pieces
the patterns care about (brackets, joiners, spaces Python and ``regex`` count
differently, digits of other scripts).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from unlint.references import find

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples" / "en").glob("*.txt"))

_ZH_PIECES = ["大会", "安全理事会", "安理会", "人权理事会", "经济及社会理事会", "经社理事会", "在其", "在", "其", "第", "号",
              "决议", "决定", "决 议", "草案", "1325", "(2000)", "（2000）", "（", "）", "(", ")", "/", "60/1", "ES-10/1",
              "S-17/1", "A", "B", "H", "I", " ", "\u3000", "\x1c", "\n", "以及", "和", "及", "、", "…", "的", "根据",
              "附件一", "第5段", "，", "2005年9月20日", "１２", "٣", "．", "执行局", "决议（决议）", "(abcdefg)", "(ab cd)",
              "\u0378", "号决议草案", "会议", "（决议", "决议）", "决定，", "草"]
_EN_PIECES = ["Security Council resolutions", "General Assembly resolutions:", "大会决议", "安全理事会决议：", "1325 (2000)",
              "66/253 A", "1514 (XV); 60/1", "", "  ", "S/2005/567 | x", "Some prose that runs on " * 5, "| 1325 (2000) | x",
              "\t2334 (2016)", "Human Rights Council decisions", "x\x0cSecurity Council resolutions", "\u2028 1325 (2000)"]


def _plain_zh(text: str) -> list[tuple[int, int]]:
    found, searched_to = [], 0
    for anchor in find._JUEYI.finditer(text):
        window = max(searched_to, anchor.start() - find._ZH_LOOKBACK)
        for match in find.ZH_RESOLUTION_CANDIDATE.finditer(text, window, min(len(text), anchor.end() + find._ZH_LOOKAHEAD)):
            if match.start() <= anchor.start() < match.end():
                searched_to = match.end()
                found.append(match.span())
                break
    return found


def _plain_bare(text: str) -> list[tuple]:
    found, organ, open_list, position = [], None, False, 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        bare = find.BARE_LINE.match(body)
        heading = None if bare else find.RESOLUTIONS_HEADING.search(body)
        if bare and open_list:
            found += [(position + item.start(), position + item.end(), organ)
                      for item in find.BARE_ID.finditer(body, 0, bare.end())]
        elif heading and find._introduces_list(body):
            open_list = True
            organ = find._EN_ORGANS[find._HEADING_ORGANS.get(heading["organ"], heading["organ"])]
        elif not bare and not find._LIST_LINE.fullmatch(body):
            open_list = False
        position += len(line)
    return found


def _random_texts(pieces: list[str], seed: int, count: int, joiner: str = "") -> list[str]:
    rng = random.Random(seed)
    return [joiner.join(rng.choice(pieces) for _ in range(rng.randint(1, 50))) for _ in range(count)]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_fast_searches_agree_with_the_plain_ones_on_the_corpus(path):
    text = path.read_text(encoding="utf-8")
    assert [m.span() for m in find._zh_candidates(text)] == _plain_zh(text)
    assert list(find._bare_candidates(text)) == _plain_bare(text)
    assert [m.span() for m in find._en_candidates(text)] == [m.span() for m in find.EN_RESOLUTION_CANDIDATE.finditer(text)]


def test_the_fast_chinese_search_agrees_with_the_plain_one_on_random_text():
    texts = _random_texts(_ZH_PIECES, seed=18, count=3000)
    found = 0
    for text in texts:
        fast = [m.span() for m in find._zh_candidates(text)]
        assert fast == _plain_zh(text), text
        found += len(fast)
    assert found > 500  # the pieces do make references


def test_the_fast_list_search_agrees_with_the_plain_one_on_random_lines():
    texts = _random_texts(_EN_PIECES, seed=18, count=500, joiner="\n")
    found = 0
    for text in texts:
        fast = list(find._bare_candidates(text))
        assert fast == _plain_bare(text), text
        found += len(fast)
    assert found > 100


_EN_CITATION_PIECES = ["resolution ", "Resolution ", "decision\t", "resolution", "Resolution", "resolutions", "decision", "Decisions", "esolution", "ecision",
                       "xresolution", "_decision", "1325 (2000)", "60/1", "ES-10/1", "S-17/1", " ", "\t", "\n", ", and ",
                       " and ", ",", "of 22 December 2017", "B", "(XV)", "62.14", "1/CP.21", "Security Council ",
                       "é", "\u00a0", "٣"]


def test_the_fast_english_search_agrees_with_the_plain_one_on_random_text():
    found = 0
    for text in _random_texts(_EN_CITATION_PIECES, seed=18, count=3000):
        fast = [m.span() for m in find._en_candidates(text)]
        assert fast == [m.span() for m in find.EN_RESOLUTION_CANDIDATE.finditer(text)], text
        found += len(fast)
    assert found > 300  # the pieces do make citations


def test_resolutions_headings_are_found_on_every_line_that_holds_one():
    texts = _random_texts(_EN_PIECES + ["大会的决议", "安全理事会决定", "Security Council decisionsx", "General Assembly"],
                          seed=7, count=1000, joiner="\n")
    for text in texts:
        lines = {text.count("\n", 0, m.start()) for m in find.RESOLUTIONS_HEADING.finditer(text)}
        assert {text.count("\n", 0, start) for start in find._heading_starts(text)} == lines, text


def test_a_reference_is_found_across_a_bracket_whose_contents_are_not_reference_characters():
    # 决议 inside the brackets and a character no reference holds outside them.
    text = "根据大会第60/1（决议草案）号决议"
    assert [text[slice(*m.span())] for m in find._zh_candidates(text)] == ["大会第60/1（决议草案）号决议"]


def test_the_characters_the_backward_run_passes_over_are_all_passed_over_by_the_walk():
    # _earliest_start lets one `re` run pass over these, then goes on a character at a time:
    # the run must take only characters the per-character test takes.
    import unicodedata

    taken = [chr(code) for code in range(0x110000) if find._PASSED_OVER.fullmatch(chr(code))]
    assert len(taken) == len(find._ZH_CANDIDATE_CHARS) + 10 + 4
    for char in taken:
        assert (char in find._ZH_CANDIDATE_CHARS or char.isspace() or char.isnumeric()
                or unicodedata.category(char) == "Cn")
