"""The document's own name table: definitions and near variants (lint/structure/names.py)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from unlint.structure.names import near_variants, parse_names


def definitions(text: str, known: dict[int, int] | None = None) -> list[tuple[str, str]]:
    return [(d.full, d.short) for d in parse_names(text, known).definitions]


def variants(text: str, names: dict[str, int] | None = None, taken=(), accept=()) -> list[tuple[str, str]]:
    table = parse_names(text)
    if names is None:
        names = {d.full: d.start for d in table.definitions}
    return [(v.text, v.how) for v in near_variants(text, names, list(taken), table.quoted, accept, reorder=names)]


# -- definitions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("与南部非洲区域电力联营组织(南非电联)合作", [("南部非洲区域电力联营组织", "南非电联")]),
        ("根据经济合作与发展组织（经合组织）的数据", [("经济合作与发展组织", "经合组织")]),
        # the words before the name stay out; the UN prefix comes in
        ("在六个国家，联合国儿童基金会(儿基会)和世卫组织", [("联合国儿童基金会", "儿基会")]),
        # an item of a list is a name from the comma on
        ("粮农组织、国际农业发展基金(农发基金)、", [("国际农业发展基金", "农发基金")]),
        ("the United Nations Population Fund (UNFPA) said", [("United Nations Population Fund", "UNFPA")]),
        ("the Joint United Nations Programme on HIV/AIDS (UNAIDS)", [("United Nations Programme on HIV/AIDS", "UNAIDS")]),
    ],
)
def test_a_definition_is_a_full_name_and_its_short_form(text, expected):
    assert definitions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "理事会副主席葆拉·纳瓦埃斯(智利)",  # a country, not a short form
        "这主要是由服务价格上涨(例如住房、保险和运输)",  # an aside
        "财务信息(预算和支出)",  # no institution word, no abbreviation
        "《西非国家经济共同体条约》(《条约》)",  # a title
        "《关于设立南部非洲区域电力联营组织(南非电联)的协定》",  # inside a quoted title
        "“Report of the United Nations Evaluation Group (UNEG)”",  # inside a quotation
        "gross domestic product (GDP)",  # no capitalized name
        "the figure (see annex)",
    ],
)
def test_what_is_not_a_definition(text):
    assert definitions(text) == []


def test_a_known_name_before_the_parenthesis_is_taken_whole():
    text = "联合国促进性别平等和增强妇女权能署(妇女署)"
    end = text.index("(")
    assert definitions(text, {end: 0}) == [("联合国促进性别平等和增强妇女权能署", "妇女署")]


def test_a_full_name_given_a_second_abbreviation_is_a_redefinition():
    table = parse_names("1. 南部非洲区域电力联营组织(南非电联)\n2. 南部非洲区域电力联营组织(南部电联)\n")
    [(first, later)] = table.redefinitions()
    assert (first.short, later.short) == ("南非电联", "南部电联")


def test_one_short_form_for_two_spellings_marks_the_later_spelling():
    text = ("the Global Evaluation Reports Oversight System (GEROS) ratings; "
            "the Global Evaluation Report Oversight System (GEROS) reports")
    assert parse_names(text).renamed() == {"Global Evaluation Report Oversight System"}


# -- near variants -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("later", "how"),
    [
        ("西非经济共同体", "characters dropped, added or changed"),  # a two-character word dropped
        ("西非国家经济联合体", "institution word swapped"),
        ("经济共同体西非国家", "parts reordered"),
        ("西非国家经济共同休", None),  # the last character is kept exact: no variant
    ],
)
def test_near_variants_of_a_defined_name(later, how):
    text = f"1. 西非国家经济共同体(西非经共体)举行会议。\n2. {later}的代表出席。\n"
    expected = [(later, how)] if how else []
    assert variants(text) == expected


def test_synonymous_institution_words_only():
    text = "1. 伊斯兰合作组织(伊合组织)开会。\n2. 伊斯兰合作机构的代表。\n3. 非洲开发银行(非行)与非洲开发基金合作。\n"
    # 组织/机构 is a slip; 银行/基金 names another body
    assert variants(text) == [("伊斯兰合作机构", "institution word swapped")]


def test_a_name_inside_or_around_a_defined_name_is_no_variant():
    text = "1. 西非国家经济共同体(西非经共体)。\n2. 西非国家的代表和西非国家经济共同体委员会。\n"
    assert variants(text) == []


def test_known_names_and_accepted_forms_are_no_variants():
    text = "1. 欧洲联盟委员会(欧盟委员会)与欧洲委员会合作。\n"
    start = text.index("欧洲委员会")
    # 欧洲委员会 is two characters short of the defined name, but a registry knows it as another body
    assert variants(text, taken=[(start, start + 5)]) == []
    assert variants(text, accept={"欧洲委员会"}) == []


def test_a_chinese_name_broken_by_a_line_break_is_the_same_name():
    text = "1. 西非国家经济共同体(西非经共体)。\n2. 西非国家经济\n共同体的代表。\n"
    assert variants(text) == []


def test_english_variants_end_at_a_word_end_and_ignore_typography():
    text = ("1. The United Nations Population Fund (UNFPA) and the United Nations Children's Fund (UNICEF).\n"
            "2. The United Nations Populations Fund said.\n"
            "3. The United Nations Children’s Fund and the United Nations Population Funds.\n")
    assert variants(text) == [("United Nations Populations Fund", "characters dropped, added or changed")]


def test_quoted_titles_hold_no_variants():
    text = "1. 西非国家经济共同体(西非经共体)。\n2. 见《西非经济共同体条约》。\n"
    assert variants(text) == []


@given(text=st.text(alphabet="中国、/-—\na（）b ", max_size=90), data=st.data())
def test_the_backward_run_search_finds_what_a_forward_search_finds(text, data):
    """The full name before a bracket is searched backwards for speed; it must be the forward match."""
    import regex
    from unlint.structure import names

    forward = regex.compile(names._ZH_RUN.pattern.removeprefix("(?r)"))
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(max(0, end - 60), end))
    found, expected = names._ZH_RUN.search(text, start, end), forward.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@given(prefixes=st.sets(st.text(alphabet="和平国际a1", min_size=2, max_size=2), min_size=1, max_size=8),
       text=st.text(alphabet="和平国际的共a1 ，", max_size=80), boundaries=st.booleans())
# 和平 inside 共和平 is no start, but 平国 after it is (和 is a boundary): a scan that took 和平 first
# and only then tested the boundary skipped 平国
@example(prefixes={"和平", "平国"}, text="共和平国", boundaries=True)
@example(prefixes={"a1", "1a"}, text="aa1a1", boundaries=True)
def test_prefix_starts_are_every_place_a_prefix_starts_where_a_name_may_start(prefixes, text, boundaries):
    """Overlapping places too (和平 then 平国 in 和平国际), and with ``boundaries`` only after a boundary:
    the pattern's look-behind, not a Python test, decides that."""
    from unlint.structure.names import _may_start, _prefix_starts, _prefix_starts_python

    expected = [start for start in range(len(text) - 1)
                if text[start:start + 2] in prefixes and (not boundaries or _may_start(text, start))]
    assert _prefix_starts(text, frozenset(prefixes), boundaries) == expected
    assert _prefix_starts_python(text, frozenset(prefixes), boundaries) == expected


@given(prefixes=st.sets(st.text(alphabet="和平国际a1", min_size=2, max_size=2), min_size=1, max_size=8),
       text=st.text(alphabet="和平国际的共a1 ，", max_size=40), piece=st.integers(1, 6))
def test_prefix_starts_are_the_same_in_pieces(prefixes, text, piece):
    """The automaton is given the text in pieces: a prefix across the end of a piece is found once."""
    from unlint.structure import names

    whole = names._prefix_starts_python(text, frozenset(prefixes), True)
    saved, names._PIECE = names._PIECE, piece
    try:
        assert names._prefix_starts_python(text, frozenset(prefixes), True) == whole
    finally:
        names._PIECE = saved


def _matches_one_by_one(text, start, following, targets):
    """What :func:`_matches_at` answers, each target tried in turn (the check its index by last character replaces)."""
    from unlint.structure import names

    matched = []
    for target in targets:
        if target.stem and following.startswith(target.stem):
            swapped = next((form for form in target.swaps if following.startswith(form)), None)
            if swapped is not None:
                matched.append((target.name, len(swapped), names._SWAPPED))
                continue
        size = target.size
        if target.last not in following[target.lowest:size + 2]:
            continue
        if following.startswith(target.name):
            matched.append((target.name, size, names._EDITED))
        elif len(target.middle.intersection(following[2:size + 1])) >= target.kept:
            match = names._fuzzy(target.name).match(text, start)
            if match is not None:
                matched.append((target.name, match.end() - start, names._EDITED))
    return matched


_MIDDLES = st.text(alphabet="非国家经济共同体组织机构办事处公室会", min_size=3, max_size=9)


@given(middles=st.lists(_MIDDLES, min_size=1, max_size=6, unique=True),
       text=st.text(alphabet="西非国家经济共同体组织机构办事处公室会，", max_size=30))
@settings(max_examples=300)
# a swapped institution word; the stem there without a swapped form, then read as an edit
@example(middles=["国家合作组织", "国家经济共同体"], text="国家合作机构，")
@example(middles=["国家合作组织"], text="国家合作组")
@example(middles=["经济共同体", "国家经济共同体"], text="国家经济联合体")
# several targets matching at one place: listed in the group's order, whatever the order of their last characters
@example(middles=["国家委员会", "国家委员会执行局"], text="国家委员构会执行局")
@example(middles=["国家经济共同体组", "国家经", "国家经济共同", "国家经济", "国家经济共同体", "国家经济共"], text="国家经济共同体组织")
def test_matches_by_last_character_are_the_matches_of_each_target(middles, text):
    """Targets sharing a prefix, found by the last characters in reach, match as each tried in turn would."""
    from unlint.structure import names

    targets = [names._Target.of("西非" + middle) for middle in middles]
    group = names._Group.of(targets)
    text = "西非" + text
    following = text[:group.high]
    expected = _matches_one_by_one(text, 0, following, targets)
    assert names._matches_at(text, 0, following, group) == expected  # in order: it orders the findings
    # scan_targets passes over a place without calling _matches_at when this holds: then nothing matches there
    if not following.startswith(group.stems) and not names._may_match(following, group):
        assert expected == []
    # and the native scan passes over the same places
    from unlint.structure.names import _native_window_starts

    if _native_window_starts is not None:
        kept = _native_window_starts(text, {"西非": group.window}, group.high, [], None)
        assert (0 in kept) == (following.startswith(group.stems) or names._may_match(following, group))


def _reordered_plainly(text, names):
    """The reordered parts, searched from every seam a regex of the seams finds, with no test first."""
    import re

    from unlint.structure.names import _common_prefix, _common_suffix, trie_pattern

    by_seam = {}
    for name in names:
        if len(name) >= 6:
            by_seam.setdefault(name[-1] + name[0], []).append(name)
    if not by_seam:
        return []
    found = []
    for match in re.finditer(trie_pattern(by_seam), text):
        seam = match.start()
        for name in by_seam[match.group()]:
            size = len(name)
            after = _common_prefix(text, seam + 1, name, size - 2)
            before = _common_suffix(text, seam + 1, name, size - 2)
            for cut in range(max(2, size - before), min(size - 2, after) + 1):
                start = seam - (size - cut - 1)
                if name[cut:] + name[:cut] != name:
                    found.append((name, start, start + size, "parts reordered"))
    return found


@given(names=st.lists(st.text(alphabet="西非国家体经济", min_size=6, max_size=8), min_size=1, max_size=4),
       text=st.text(alphabet="西非国家体经济，", max_size=40))
@settings(max_examples=300)
@example(names=["西非国家经济体"], text="经济体西非国家")
@example(names=["西非国家经济体"], text="体西非国家经济体西非国家")
@example(names=["体西体西体西"], text="体西体西体西体西")
def test_reordered_parts_are_found_as_from_every_seam(names, text):
    """Seams found without a regex, and most of them passed over on their first two characters each side."""
    from unlint.structure.names import _reordered

    assert list(_reordered(text, names)) == _reordered_plainly(text, names)
