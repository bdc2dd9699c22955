"""Real aligned text, one change planted per test: found on the right line of the translation, alone."""

from __future__ import annotations

import pytest

from unlint.compare import Topic

from .helpers import drop_line, excerpt, found, numbered, plant, with_footnotes

CLEAN = ["disarmament", "economy", "unicef-funding", "ecosoc-preamble", "ageing-sources"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_real_pairs_are_silent(name):
    english, chinese = excerpt(name)
    assert found(english, chinese) == []


def test_the_real_slip_in_a_source_list_is_found():
    # The Chinese cites A/76/871-2022/493 for A/76/871–S/2022/493: the S/ of the joint symbol is lost.
    english, chinese = excerpt("unicef-sources")
    assert [(topic, line) for topic, line, _ in found(english, chinese)] == [(Topic.SYMBOL, 11)]


def test_a_dropped_symbol():
    english, chinese = excerpt("ageing-sources")
    chinese = plant(chinese, 3, "和E/CN.5/2023/6/Corr.1", "")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.SYMBOL, 3)
    assert "E/CN.5/2023/6/Corr.1" in message and "line 3" in message


def test_a_mistyped_symbol_is_one_change():
    english, chinese = excerpt("ageing-sources")
    chinese = plant(chinese, 1, "A/77/53/Add.1", "A/77/35/Add.1")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.SYMBOL, 1)
    assert "`A/77/35/Add.1` where the original has `A/77/53/Add.1`" in message


def test_a_changed_resolution_number():
    english, chinese = excerpt("disarmament")
    chinese = plant(chinese, 34, "第984(1995)号", "第948(1995)号")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.RESOLUTION, 34)
    assert "984 (1995)" in message


def test_a_changed_year():
    english, chinese = excerpt("disarmament")
    chinese = plant(chinese, 6, "2022年和", "2021年和")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.NUMBER, 6)
    assert "`2021`" in message and "`2022`" in message


def test_a_changed_day_of_a_date():
    english, chinese = excerpt("disarmament")
    chinese = plant(chinese, 7, "2022年4月6日", "2022年4月16日")
    assert [(t, line) for t, line, _ in found(english, chinese)] == [(Topic.NUMBER, 7)]


def test_a_changed_paragraph_reference():
    english, chinese = excerpt("disarmament")
    chinese = plant(chinese, 10, "第34段", "第43段")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.NUMBER, 10) and "`43`" in message


def test_a_changed_amount():
    english, chinese = excerpt("unicef-funding")
    chinese = plant(chinese, 1, "94亿美元", "49亿美元")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.NUMBER, 1)
    assert "4,900,000,000 USD" in message and "$9.4 billion" in message


def test_a_wrong_scale_is_a_changed_amount():
    english, chinese = excerpt("unicef-funding")
    chinese = plant(chinese, 4, "42.5亿美元", "42.5万美元")
    assert [(t, line) for t, line, _ in found(english, chinese)] == [(Topic.NUMBER, 4)]


def test_a_changed_percentage():
    english, chinese = excerpt("economy")
    chinese = plant(chinese, 7, "放缓至2.3%", "放缓至2.8%")
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.NUMBER, 7) and "2.8%" in message


def test_a_dropped_amount():
    english, chinese = excerpt("unicef-funding")
    chinese = plant(chinese, 4, "，比通过2021年呼吁收到的29.6亿美元增加了43%", "")
    findings = found(english, chinese)
    assert {(t, line) for t, line, _ in findings} == {(Topic.NUMBER, 4)}
    assert any("$2.96 billion" in message for _, _, message in findings)


def test_a_dropped_numbered_paragraph_is_one_finding():
    english, chinese = (numbered(text) for text in excerpt("disarmament"))
    lines = chinese.split("\n")
    dropped = next(i for i, line in enumerate(lines, start=1) if line.startswith("20. "))
    chinese = drop_line(chinese, dropped)
    [(topic, line, message)] = found(english, chinese)
    assert topic is Topic.PARAGRAPH
    assert line == dropped  # where paragraph 21 now starts
    assert chinese.split("\n")[line - 1].startswith("21. ")
    assert message.startswith("paragraph 20 of the original")


def _footnoted() -> tuple[str, str]:
    english, chinese = (numbered(text) for text in excerpt("disarmament"))
    notes_en, notes_zh = (text.split("\n")[:4] for text in excerpt("ageing-sources"))
    lines = [8, 12, 20, 34]
    return with_footnotes(english, notes_en, lines), with_footnotes(chinese, notes_zh, lines)


def test_numbered_and_footnoted_real_pair_is_silent():
    assert found(*_footnoted()) == []


def test_a_dropped_footnote_is_one_finding_where_its_marker_was():
    english, chinese = _footnoted()
    # Word renumbers what follows a deleted footnote: the notes after it move up one number.
    chinese = plant(chinese, 12, "[^2]", "")
    chinese = plant(chinese, 20, "[^3]", "[^2]")
    chinese = plant(chinese, 34, "[^4]", "[^3]")
    lines = chinese.split("\n")
    start = lines.index("[^1]: " + excerpt("ageing-sources")[1].split("\n")[0])
    notes = lines[start:start + 4]
    del notes[1]
    notes = [f"[^{k}]: {note.split(': ', 1)[1]}" for k, note in enumerate(notes, start=1)]
    chinese = "\n".join(lines[:start] + notes + lines[start + 4:])
    [(topic, line, message)] = found(english, chinese)
    assert (topic, line) == (Topic.FOOTNOTE, 12)
    assert message.startswith("footnote 2 of the original (line 12)")


def test_a_symbol_changed_inside_a_footnote_is_found_on_the_note():
    english, chinese = _footnoted()
    lines = chinese.split("\n")
    note = next(i for i, line in enumerate(lines, start=1) if line.startswith("[^2]: "))
    chinese = plant(chinese, note, "E/2004/26", "E/2004/62")
    assert [(t, line) for t, line, _ in found(english, chinese)] == [(Topic.SYMBOL, note)]


@pytest.mark.parametrize(("name", "expected"), [
    # The UNEG Norms and Standards were revised in 2016; the Chinese says 2006.
    ("unicef-peer-review", [(Topic.NUMBER, 4, "`2006` (2,006) where the original has `2016`")]),
    # "7–10 February 2023" became "2023月7日至10日": the month is lost.
    ("unicef-board-masthead", [(Topic.NUMBER, 3, "`February` (month 2) of the original")]),
])
def test_real_slips_of_published_translations(name, expected):
    english, chinese = excerpt(name)
    findings = found(english, chinese)
    assert [(t, line) for t, line, _ in findings] == [(t, line) for t, line, _ in expected]
    assert all(message.startswith(start) for (_, _, message), (_, _, start) in zip(findings, expected))
