"""The native pair scan (lint/_scan.c) against the pure-Python path it replaces and the rule they both follow.

The extension is optional (a build without a compiler has none), so these tests skip where it
was not built; CI builds it, with `pip install -e .`.
"""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from unlint.structure import names
from unlint.structure.names import _BOUNDARY_CHARS, _BOUNDARY_STRING, _may_start, _prefix_starts_python

scan = pytest.importorskip("unlint._scan")

# ASCII letters and digits, Latin-1 (1-byte strings), Chinese with boundary characters (2-byte),
# characters beyond the BMP (4-byte strings; U+24E20 and 丠 U+4E20 share the low 16 bits that the
# table's first-character filter reads), the ends of the Chinese block, and separators.
_ALPHABET = "aZ1é和平国际的与共联合一龥\u4dff\ua000𠀀\U00024e20丠 ，(\n"
_PAIRS = st.sets(st.text(alphabet=_ALPHABET, min_size=2, max_size=2), min_size=1, max_size=12)


def _by_definition(text, pairs, boundaries):
    return [start for start in range(len(text) - 1)
            if text[start:start + 2] in pairs and (not boundaries or _may_start(text, start))]


@given(pairs=_PAIRS, text=st.text(alphabet=_ALPHABET, max_size=120), boundaries=st.booleans())
@example(pairs={"和平", "平国"}, text="共和平国", boundaries=True)
@example(pairs={"UN"}, text="aUN xUN (UN", boundaries=True)
@example(pairs={"\U00024e20国"}, text="丠国\U00024e20国", boundaries=False)  # same low 16 bits, one pair
@example(pairs={"联合"}, text="一联合龥联合\u4dff联合\ua000联合", boundaries=True)  # the block's ends
def test_native_scan_equals_the_python_path_and_the_definition(pairs, text, boundaries):
    expected = _by_definition(text, pairs, boundaries)
    assert scan.pair_starts(text, frozenset(pairs), _BOUNDARY_STRING if boundaries else None) == expected
    assert _prefix_starts_python(text, frozenset(pairs), boundaries) == expected


def test_names_uses_the_native_scan_when_it_is_built():
    assert names._pair_starts is scan.pair_starts


def test_the_boundary_string_holds_the_boundary_characters():
    assert set(_BOUNDARY_STRING) == _BOUNDARY_CHARS


@pytest.mark.parametrize("pairs", [["联"], ["联合国"], [1], ["\0\0"]])
def test_a_pair_that_is_not_two_characters_is_refused(pairs):
    with pytest.raises((ValueError, TypeError)):
        scan.pair_starts("联合国", pairs)


@pytest.mark.parametrize("arguments", [(), ("text",), (b"text", ["ab"]), ("text", ["ab"], 3), ("t", ["ab"], None, 1)])
def test_bad_arguments_are_refused(arguments):
    with pytest.raises(TypeError):
        scan.pair_starts(*arguments)


def test_a_long_text_with_many_pairs():
    text = ("联合国开发计划署与联合国环境规划署" * 2000) + "𠀀"
    pairs = {text[i:i + 2] for i in range(0, 40, 3)}
    assert scan.pair_starts(text, pairs, _BOUNDARY_STRING) == _by_definition(text, pairs, True)


_NAME_ALPHABET = "和平国际联合组织委员会署a1"


@given(targets=st.lists(st.text(alphabet=_NAME_ALPHABET, min_size=5, max_size=10), min_size=1, max_size=6),
       text=st.text(alphabet=_NAME_ALPHABET + "的与共一\U00024e20 ，\n", max_size=150),
       known=st.sets(st.integers(0, 150), max_size=10), boundaries=st.booleans(), extra_reach=st.integers(0, 3))
@example(targets=["和平国际组织"], text="和平国际机构", known=set(), boundaries=True, extra_reach=0)  # a swap stem
def test_native_window_starts_equal_the_python_path(targets, text, known, boundaries, extra_reach):
    """The places scan_targets reads: not a known start, a last character within reach or a swap stem."""
    groups = names._groups(targets)
    reach = max(group.high for group in groups.values()) + extra_reach
    expected = names._window_starts_python(text, groups, reach, frozenset(known), boundaries)
    assert names._window_starts(text, groups, reach, frozenset(known), boundaries) == expected
    windows = {prefix: group.window for prefix, group in groups.items()}
    assert scan.window_starts(text, windows, reach, sorted(known), _BOUNDARY_STRING if boundaries else None) == expected


_TARGETS = (("abcde", 3, "cd", 1),)


@pytest.mark.parametrize("group", [("c", 0, 3), ("c", 3, 1, (), _TARGETS), ("c", -1, 3, (), _TARGETS),
                                   (1, 0, 3, (), _TARGETS), ("c", 0, 3, ("x", 1), _TARGETS), ("c", 0, 3, (), ()) + ("x",),
                                   ("c", 0, 3, (), (("abcde", 3, "cd"),)), ("c", 0, 3, (), (("", 0, "", 0),)),
                                   ("c", 0, 3, (), (("abcde", -1, "cd", 1),)), ["c", 0, 3, (), _TARGETS]])
def test_a_malformed_group_is_refused(group):
    with pytest.raises((ValueError, TypeError)):
        scan.make_window(group)


def test_window_starts_takes_only_windows_and_two_character_pairs():
    window = scan.make_window(("e", 3, 7, (), _TARGETS))
    assert scan.window_starts("abcde", {"ab": window}, 7, []) == [0]
    for groups in ({"ab": ("e", 3, 7, (), _TARGETS)}, {"abc": window}):
        with pytest.raises((ValueError, TypeError)):
            scan.window_starts("abcde", groups, 7, [])


def test_names_uses_the_native_window_scan_when_it_is_built():
    assert names._native_window_starts is scan.window_starts


def _findings(paths):
    from unlint import Config, lint_paths

    return [(d.path, d.code, d.offset, d.end_offset, d.message)
            for result in lint_paths(paths, Config(rule_timeout=0)) for d in result.diagnostics]


def test_the_whole_check_finds_the_same_without_the_native_scans(monkeypatch):
    """The corpus and the real excerpts, checked with and without unlint._scan: the same findings."""
    from pathlib import Path

    from unlint.rules import registry

    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "examples").glob("*.zh.txt")) + sorted((root / "tests/data/realdocs/ecosoc-2023").glob("*.txt"))
    native = _findings(paths)
    monkeypatch.setattr(names, "_pair_starts", None)
    monkeypatch.setattr(names, "_native_window_starts", None)
    monkeypatch.setattr(registry, "_native_find", None)
    from unlint.structure import scan as scan_module

    monkeypatch.setattr(scan_module, "_native_char_positions", None)
    monkeypatch.setattr(scan_module, "_native_repeat_runs", None)
    assert {"ORG", "TYP"} <= {code[:3] for _, code, *_ in native}
    assert _findings(paths) == native


@given(text=st.text(alphabet=_ALPHABET + "()（）", max_size=120), chars=st.text(alphabet=_ALPHABET + "()（）", max_size=6),
       start=st.integers(-130, 130), end=st.integers(-130, 130))
@example(text="丠\U00024e20", chars="\U00024e20", start=0, end=2)  # beyond the BMP, low bits shared with 丠
def test_char_positions_are_the_offsets_of_the_characters(text, chars, start, end):
    import re

    from unlint.structure.scan import char_positions, char_positions_python

    everywhere = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)] if chars else []
    inside = range(len(text))[start:end]
    expected = [offset for offset in everywhere if offset in inside]
    assert scan.char_positions(text, chars, start, end) == expected
    assert char_positions_python(text, chars, start, end) == expected
    assert char_positions(text, chars) == everywhere


@given(text=st.text(alphabet="的的和a\n𠀀\U00024e20丠", max_size=80), chars=st.text(alphabet="的和a\n𠀀丠", max_size=4))
@example(text="的的的和和a和", chars="的和")
@example(text="丠丠\U00024e20\U00024e20", chars="丠")  # low 16 bits shared: only the set's character counts
def test_repeat_runs_are_the_class_and_backreference_scan(text, chars):
    import re

    from unlint.structure.scan import repeat_runs, repeat_runs_python

    expected = [m.span() for m in re.finditer("([" + re.escape(chars) + r"])\1+", text)] if chars else []
    assert scan.repeat_runs(text, chars) == expected
    assert repeat_runs_python(text, chars) == expected
    assert repeat_runs(text, chars) == expected
