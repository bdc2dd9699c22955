"""compiled_on_use: a pattern compiled on its first use stands for the compiled pattern."""

from __future__ import annotations

import copy
import pickle
import re

import regex

from unlint.patterns import compiled_on_use


def _counting(compile):
    calls = []

    def counted(pattern, flags=0, **options):
        calls.append(pattern)
        return compile(pattern, flags, **options)

    return counted, calls


def test_nothing_is_compiled_until_the_first_use():
    compile, calls = _counting(regex.compile)
    pattern = compiled_on_use(compile, r"(?P<year>\d{4})年")
    assert calls == []
    assert pattern.search("2005年9月").group("year") == "2005"
    assert pattern.finditer("1999年 2000年") is not None
    assert calls == [r"(?P<year>\d{4})年"]  # once, however often it is used


def test_it_answers_as_the_compiled_pattern_does():
    for module in (regex, re):
        source, flags = r"(?P<word>[a-z]+)\s*(?P<n>\d+)", module.IGNORECASE
        compiled, lazy = module.compile(source, flags), compiled_on_use(module.compile, source, flags)
        text = "Item 12, item 3 and ITEM 45"
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.sub(r"\g<n>", text) == compiled.sub(r"\g<n>", text)
        assert lazy.split(text) == compiled.split(text)
        assert lazy.match(text).span() == compiled.match(text).span()
        assert lazy.fullmatch("item 1") is not None and lazy.fullmatch("item") is None
        assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        assert lazy.compiled() is lazy.compiled()


def test_regex_options_are_passed_through():
    lazy = compiled_on_use(regex.compile, r"\L<organ>", organ=["大会", "安理会"])
    assert [m.group() for m in lazy.finditer("大会和安理会")] == ["大会", "安理会"]


def test_a_bad_pattern_fails_when_used_as_it_would_when_compiled():
    lazy = compiled_on_use(regex.compile, r"(unclosed")
    try:
        lazy.search("x")
    except regex.error:
        pass
    else:
        raise AssertionError("the bad pattern compiled")


def test_copies_and_pickles_compile_on_their_own_first_use():
    for lazy in (compiled_on_use(regex.compile, r"a+"), compiled_on_use(re.compile, r"b+")):
        for twin in (pickle.loads(pickle.dumps(lazy)), copy.copy(lazy), copy.deepcopy(lazy)):
            assert "_compiled" not in vars(twin)
            assert twin.search("caabb").group() in {"aa", "bb"}
    used = compiled_on_use(regex.compile, r"\d+")
    used.search("1")
    assert pickle.loads(pickle.dumps(used)).search("x 42").group() == "42"


def test_an_unknown_attribute_is_an_attribute_error():
    lazy = compiled_on_use(regex.compile, r"x")
    assert not hasattr(lazy, "no_such_method")
    assert "compiled_on_use('x')" == repr(lazy)
