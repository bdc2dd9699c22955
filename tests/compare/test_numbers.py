"""Numbers read the same way in English and Chinese: small synthetic cases, and the edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlint.compare.numbers import Kind, find_quantities
from unlint.compare.quantities import unmatched


def keys(text: str, language: str) -> set[tuple]:
    return {q.key for q in find_quantities(text, language) if not q.word}


@pytest.mark.parametrize(("english", "chinese"), [
    ("$2 billion", "20亿美元"),
    ("US$ 3.5 million", "350万美元"),
    ("1,234 people", "1 234人"),
    ("25 per cent", "25%"),
    ("0.4 percentage points", "0.4个百分点"),
    ("17 August 2018", "2018年8月17日"),
    ("paragraph 12", "第12段"),
    ("over $15 million", "1 500多万美元"),
    ("$119.8 million", "1.198亿美元"),
    ("in mid-May 2023", "2023年5月中旬"),
    ("Supplement No. 53A", "补编第53A号"),
])
def test_the_same_quantity_in_both_languages(english, chinese):
    assert keys(english, "en") == keys(chinese, "zh") != set()


@pytest.mark.parametrize(("english", "chinese"), [
    ("$2 billion", "25亿美元"),
    ("US$ 3.5 million", "350亿美元"),
    ("25 per cent", "52%"),
    ("17 August 2018", "2018年7月17日"),
])
def test_different_quantities_differ(english, chinese):
    assert keys(english, "en") != keys(chinese, "zh")


@pytest.mark.parametrize(("text", "language"), [
    ("the COVID-19 pandemic", "en"),
    ("G20 members", "en"),
    ("States may decide", "en"),
    ("May the Council decide", "en"),
    ("2019冠状病毒病", "zh"),
])
def test_names_and_words_are_no_numbers(text, language):
    assert keys(text, language) == set()


def test_may_is_a_month_only_where_no_sentence_starts():
    assert keys("in early May", "en") == {(Kind.MONTH, 5, "")}
    assert keys("on 3 May 2023", "en") == {(Kind.NUMBER, 3, ""), (Kind.MONTH, 5, ""), (Kind.NUMBER, 2023, "")}


def test_chinese_numerals_are_read_as_words():
    found = list(find_quantities("第七十二届会议有一百零三个", "zh"))
    assert [(q.value, q.word) for q in found] == [(72, True), (103, True)]
    assert [(q.kind, q.value) for q in find_quantities("百分之二十五", "zh")] == [(Kind.PERCENT, 25)]


def _mismatches(english: str, chinese: str):
    return unmatched(list(find_quantities(english, "en")), list(find_quantities(chinese, "zh")))


def test_a_count_in_words_answers_digits_either_way():
    assert _mismatches("three sessions in 2022", "2022年的3届会议") == []
    assert _mismatches("3 sessions", "三届会议") == []


def test_a_word_is_never_reported_by_itself():
    assert _mismatches("one of the reports", "这些报告") == []


def test_a_number_repeated_in_translation_is_no_difference():
    assert _mismatches("persons aged 60 years or over", "60岁或60岁以上的人") == []


def test_a_range_with_one_percent_sign_matches():
    assert _mismatches("between 80 and 95 per cent", "80%至95%") == []


def test_one_missing_and_one_added_is_one_change():
    [change] = _mismatches("$2 billion in 2023", "2023年25亿美元")
    assert change.original.text == "$2 billion" and change.translation.text == "25亿美元"


def test_a_dropped_number_is_reported_missing():
    [missing] = _mismatches("about 30 countries and 25 projects", "约30个国家")
    assert missing.original.value == 25 and missing.translation is None


def test_an_added_number_is_reported_added():
    [added] = _mismatches("about 30 countries", "约30个国家和25个项目")
    assert added.original is None and added.translation.value == 25


def test_a_decade_is_never_compared():
    assert keys("the remainder of the 2020s", "en") == set()
    assert keys("本世纪20年代的剩余时间，1980年代后期", "zh") == set()


def test_half_a_million_in_words_answers_digits():
    assert _mismatches("half a million litres", "50万升水") == []


def test_a_year_range_written_short():
    assert _mismatches("the plan (2022–24)", "计划(2022-2024年)") == []
    # A serial number is no range, and the day of a date range is no year.
    assert _mismatches("Working Paper No. 2013-26", "工作文件第2013-26号") == []
    assert _mismatches("25 July 2022–26 July 2023", "2022年7月25日至2023年7月26日") == []


def test_a_small_count_said_on_one_side_only_is_no_difference():
    assert _mismatches("Afghanistan, Nigeria, Ukraine and Yemen", "这4个国家是阿富汗、尼日利亚、乌克兰和也门") == []
    [change] = _mismatches("the 4 countries", "这5个国家")
    assert change.original.value == 4 and change.translation.value == 5


def _starts_inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


@pytest.mark.parametrize("name", ["economy.en.txt", "economy.zh.txt", "disarmament.en.txt", "disarmament.zh.txt"])
def test_numbers_within_spans_are_those_of_the_whole_text_that_start_there(name):
    text = (Path(__file__).parents[1] / "data/realdocs/compare" / name).read_text(encoding="utf-8")
    language = name.split(".")[1]
    # Every other line, and spans cut across numbers, currencies and scale words.
    lines = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^\n]+", text)]
    for spans in (lines[::2], [(s + 3, e - 2) for s, e in lines if e - s > 6], [(0, len(text) // 2)]):
        whole = [q for q in find_quantities(text, language) if _starts_inside(q.start, spans)]
        assert whole, spans[:3]
        within = list(find_quantities(text, language, within=spans))
        assert [(q.key, q.start, q.end, q.word) for q in within] == [(q.key, q.start, q.end, q.word) for q in whole]


@pytest.mark.parametrize("language,text", [
    ("en", "1 234 567\nmillion were paid, 45\n% of it to US$ 5\nUS$ 30 million and 2 500 000\n12 per\ncent\n"
           "3 4 5 6\n7 8 2023-24\n(a) 3,5 and 1,234.5 on 25 July 2023"),
    ("zh", "1 234 567\n万美元，其中45\n%付给US$ 5\n2019\n冠状病毒病 12\n月\n3 4 5 6\n7 8 2023-24年\n2023年7月25日"),
])
def test_numbers_of_every_choice_of_lines_are_those_of_the_whole_text(language, text):
    # Numbers and their scale, per cent or currency split across line ends, lines of bare numbers (a table)
    # between the spans, spans that open inside a number or close between a currency and its digits: the
    # scan of the spans' lines only finds what the scan of the whole text finds there.
    import itertools
    import re

    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for mask in itertools.product((False, True), repeat=len(lines)):
        spans = [span for span, kept in zip(lines, mask) if kept]
        cuts = [[(s + k, e) for s, e in spans if e - s > k] for k in (0, 2)]
        cuts += [[(s, e - k) for s, e in spans if e - s > k] for k in (1, 2)]
        for cut in cuts:
            whole = [(q.key, q.start, q.end) for q in find_quantities(text, language) if _starts_inside(q.start, cut)]
            assert [(q.key, q.start, q.end) for q in find_quantities(text, language, within=cut)] == whole, cut


def test_an_amount_whose_currency_starts_the_span_is_kept_and_one_before_it_is_not():
    text = "Table 7 rows\nUS$ 30 million was paid\n$ 5 million"
    second = text.index("US$")
    third = text.index("$ 5")
    found = list(find_quantities(text, "en", within=[(second, third - 1)]))
    assert [(q.kind, q.value, q.text) for q in found] == [(Kind.MONEY, 30e6, "US$ 30 million")]
    # The span starting at the digits, after the currency: the amount starts before it, outside;
    # the span ending before the digits, after the currency: the amount starts inside it.
    digits = text.index("30")
    assert [q.text for q in find_quantities(text, "en", within=[(second, digits)])] == ["US$ 30 million"]
    assert list(find_quantities(text, "en", within=[(digits, third - 1)])) == []


@pytest.mark.parametrize("text", [
    "In May 2023, the Mayor met on 1 June; AugustJuly, Marches, (March), May.",
    "mid-May and May 5 but not Mayo or inMay; December",
    (Path(__file__).parents[1] / "data/realdocs/compare/economy.en.txt").read_text(encoding="utf-8"),
])
def test_month_names_found_by_literal_search_are_those_the_pattern_scans_for(text):
    from unlint.compare import numbers

    for start, end in ((0, len(text)), (3, len(text) - 2)):
        expected = [m.span() for m in numbers._EN_MONTH.finditer(text, start, end)]
        assert [m.span() for m in numbers._en_months(text, start, end)] == expected
