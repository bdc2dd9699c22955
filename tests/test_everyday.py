"""Issue 17: the summary line, the [*] mark, colour control; through the real CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from unlint.check_options import wants_color
from unlint.cli import main

from .corpus import A_61_204, EXAMPLES
from .format_builders import build_docx, pdf_layout_pages, word_from_pages

# TYP004 (safe fix) twice, RES002 (safe fix), and TYP003 (an English word in Chinese: unsafe fix).
TEXT = "1. 会议在在纽约举行。\n2. 安全理事会第 1540（2004)号决议。\n3. 大会在在日内瓦开会。\n"


def _run(tmp_path, *args: str, text: str = TEXT, env: dict | None = None, name: str = "doc.txt"):
    path = tmp_path / name
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return CliRunner(env=env).invoke(main, ["check", "--no-cache", *args, str(path)], catch_exceptions=False)


def test_the_text_report_ends_with_a_summary_line(tmp_path):
    result = _run(tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Found 3 findings (3 warnings); 3 fixable with --fix."


def test_no_summary_when_there_is_nothing_to_report(tmp_path):
    result = _run(tmp_path, text="1. 会议在纽约举行。\n")
    assert (result.exit_code, result.output) == (0, "")


def test_only_unsafe_fixes_are_counted_for_unsafe_fixes_and_not_marked(tmp_path):
    # TYP003 (a Latin word between Chinese ones) offers only an unsafe fix.
    text = "1. 加强中小型企业 and 私营部门的合作。\n"
    result = _run(tmp_path, "--select", "TYP003", text=text)
    lines = result.output.splitlines()
    assert "[*]" not in lines[0]
    assert lines[-1] == "Found 1 finding (1 warning); 1 fixable with --unsafe-fixes."
    marked = _run(tmp_path, "--select", "TYP003", "--unsafe-fixes", "--diff")
    assert marked.exit_code == 1  # the diff exists: the unsafe fix applies


def test_word_findings_are_never_marked_fixable(tmp_path):
    pytest.importorskip("docx")
    text = (EXAMPLES / A_61_204).read_text(encoding="utf-8")
    path = build_docx(word_from_pages(pdf_layout_pages(text)), tmp_path / "a61.docx")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(path)])
    assert result.exit_code == 1 and "[*]" not in result.output
    assert "fixable" not in result.output.splitlines()[-1]


@pytest.mark.parametrize(("args", "env", "colored"), [
    ((), {}, False),                                   # not a terminal
    (("--color", "always"), {}, True),
    (("--color", "always"), {"NO_COLOR": "1"}, True),  # the option wins
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
])
def test_colour_control(tmp_path, args, env, colored):
    result = _run(tmp_path, *args, env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert ("\x1b[" in result.output) is colored


def test_auto_colour_follows_the_terminal():
    assert wants_color("auto", True, {}) is True
    assert wants_color("auto", True, {"NO_COLOR": "1"}) is False
    assert wants_color("auto", True, {"NO_COLOR": ""}) is True  # set but empty: not set


def test_refs_reads_standard_input():
    text = "安全理事会第 1540（2004）号决议和 S/2020/30。\n"
    result = CliRunner().invoke(main, ["refs", "--format", "json", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)
    assert [r["text"] for r in rows] == ["安全理事会第 1540（2004）号决议", "S/2020/30"]
    assert {r["path"] for r in rows} == {"<stdin>"}


def test_check_fix_on_standard_input_keeps_the_input_encoding():
    text = "1. 会议在在纽约举行。\n"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "-"], input="\ufeff".encode() + text.encode())
    assert result.stdout_bytes == "\ufeff1. 会议在纽约举行。\n".encode()
    assert result.exit_code == 0


def test_unreadable_files_appear_in_sarif_and_junit(tmp_path):
    import json
    import xml.etree.ElementTree as ET

    from .reports.test_ci_formats import validate_sarif

    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"x\0y")
    args = ["check", "--no-cache", str(tmp_path / "good.txt"), str(tmp_path / "binary.txt")]
    sarif = CliRunner().invoke(main, [*args, "--format", "sarif"])
    assert sarif.exit_code == 2
    document = json.loads(sarif.stdout)
    validate_sarif(document)
    [invocation] = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "binary file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("binary.txt")
    junit = ET.fromstring(CliRunner().invoke(main, [*args, "--format", "junit"]).stdout)
    assert junit.get("errors") == "1"
    [error] = junit.iter("error")
    assert "binary file" in error.get("message")


def test_a_clean_run_is_a_successful_sarif_invocation(tmp_path):
    import json

    (tmp_path / "good.txt").write_text("1. 会议在纽约举行。\n", encoding="utf-8")
    sarif = CliRunner().invoke(main, ["check", "--no-cache", "--format", "sarif", str(tmp_path / "good.txt")])
    invocation = json.loads(sarif.stdout)["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_a_long_line_is_cut_around_the_span_with_the_caret_under_it(tmp_path):
    from unlint.reports.text import MAX_EXCERPT_CELLS, _width

    line = "1. " + "这是一个很长的段落，" * 30 + "会议在在纽约举行，" + "后面还有很多文字。" * 30
    result = _run(tmp_path, "--show-source", "--select", "TYP004", text=line + "\n")
    finding, source, caret, summary = result.output.splitlines()
    assert source.startswith("    ...") and source.endswith("...")
    assert _width(source) <= 4 + MAX_EXCERPT_CELLS + 6
    start = _width(caret) - len(caret.lstrip())  # cells before the caret
    assert caret.strip() == "^^^^"
    # The caret stands under "在在" as the terminal draws the line (wide characters two cells).
    shown = source[: next(i for i in range(len(source)) if _width(source[:i]) == start)]
    assert source[len(shown):len(shown) + 2] == "在在"
