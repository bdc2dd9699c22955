"""The library API: lint_text, lint_paths, containment of failing rules, text reports."""

from __future__ import annotations

import types

from unlint import Config, Finding, Fix, hookimpl, lint_paths, lint_text, rule
from unlint.diagnostics import Diagnostic, Position, Severity
from unlint.plugins import load_rules
from unlint.reports import ReportContext, render

from .conftest import EXAMPLES


def ruleset(*rules):
    module = types.ModuleType("test_rules")
    module.unlint_rules = hookimpl(lambda: list(rules))
    return load_rules(entry_point_plugins=False, extra=[module])


@rule("TST101", "find-undp", "Finds the abbreviation 开发署", severity="error", fix="safe")
def find_undp(document, config):
    """Finds 开发署 (a test rule)."""
    start = document.text.find("开发署")
    while start != -1:
        yield Finding(start, start + 3, "found 开发署", fix=Fix.replace(start, start + 3, "开发计划署"))
        start = document.text.find("开发署", start + 1)


@rule("TST102", "explodes", "Always raises")
def explodes(document, config):
    """Raises (a test rule)."""
    raise RuntimeError("boom")


@rule("TST103", "garbage", "Returns a span outside the text")
def garbage(document, config):
    """Returns invalid findings (a test rule)."""
    return [Finding(0, 10**9, "too far"), "not a finding"]


def test_lint_text_positions_and_fix_positions():
    text = "第一行\r\n联合国开发计划署(开发署)支持。\r\n"
    (diagnostic,) = lint_text(text, path="x.txt", rules=ruleset(find_undp))
    assert (diagnostic.path, diagnostic.code, diagnostic.severity) == ("x.txt", "TST101", Severity.ERROR)
    assert diagnostic.start == Position(2, 10) and diagnostic.end == Position(2, 13)
    assert diagnostic.span_text == "开发署"
    edit = diagnostic.fix.edits[0]
    assert (edit.start_position, edit.end_position) == (Position(2, 10), Position(2, 13))


def test_failing_rule_becomes_one_internal_error_and_others_still_run():
    diagnostics = lint_text("开发署", rules=ruleset(find_undp, explodes, garbage))
    codes = sorted(d.code for d in diagnostics)
    assert codes == ["TST101", "UNL001", "UNL001"]
    messages = " ".join(d.message for d in diagnostics if d.code == "UNL001")
    assert "TST102 (explodes) failed: RuntimeError: boom" in messages
    assert "TST103 (garbage) returned an invalid finding" in messages


def test_config_selection_and_severity_override():
    rules = ruleset(find_undp, explodes)
    assert lint_text("开发署", config=Config(ignore=("TST102",)), rules=rules)[0].code == "TST101"
    quiet = lint_text("开发署", config=Config(select=("TST101",), severity={"TST101": Severity.INFO}), rules=rules)
    assert [d.severity for d in quiet] == [Severity.INFO]
    assert lint_text("开发署", path="a/b.txt", config=Config(per_file_ignores={"b.txt": ("TST",)}), rules=rules) == []


def test_lint_paths_walks_examples_in_order():
    results = lint_paths([EXAMPLES], rules=ruleset(find_undp))
    paths = [r.path for r in results]
    assert paths == sorted(paths) and len(paths) == 8
    assert all(r.error is None for r in results)
    assert any(d.code == "TST101" for r in results for d in r.diagnostics)


def test_text_report_with_source_and_wide_characters():
    diagnostic = Diagnostic("a.txt", "TST101", "find-undp", Severity.ERROR, "found 开发署",
                            Position(1, 10), Position(1, 13), source_line="联合国开发计划署(开发署)支持。")
    output = render("text", [diagnostic], ReportContext(ruleset(), show_source=True))
    first, source, caret = output.rstrip("\n").split("\n")
    assert first == "a.txt:1:10: TST101 found 开发署"
    assert source == "    联合国开发计划署(开发署)支持。"
    # Nine characters before the span: eight wide ones and "(", so 17 cells; three wide ones under the caret.
    assert caret == "    " + " " * 17 + "^" * 6
