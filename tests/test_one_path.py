"""Issue 20: one run path for the library API and the CLI, one funnel, one exit-code decision,
structure parsed once before the rules with a failing parser reported once."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from click.testing import CliRunner

import unlint.document as document_module
from unlint import Config, Document, Finding, hookimpl, lint_paths, lint_text, rule
from unlint.cli import main
from unlint.diagnostics import Position, Severity
from unlint.funnel import Policy, funnel
from unlint.outcome import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Outcome, exit_code
from unlint.plugins import load_rules
from unlint.structure.parsed import StructureUnavailable

from .corpus import A_61_204, EXAMPLES
from .format_builders import build_docx, build_pdf, drawable, pdf_layout_pages, word_from_pages

A61_TEXT = (EXAMPLES / A_61_204).read_text(encoding="utf-8")


def _cli_json(path) -> list[tuple]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--document-date", "2006-06-01",
                                       str(path)])
    assert result.exit_code in (0, 1), result.output
    return [(d["code"], d["line"], d["message"]) for d in json.loads(result.output)]


def _api(path) -> list[tuple]:
    [result] = lint_paths([path], config=Config(document_date=dt.date(2006, 6, 1)))
    assert result.error is None
    return [(d.code, d.start.line, d.message) for d in result.diagnostics]


def _encoded(tmp_path, encoding: str, bom: bytes = b""):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(bom + A61_TEXT.encode(encoding))
    return path


def _docx(tmp_path):
    pytest.importorskip("docx")
    return build_docx(word_from_pages(pdf_layout_pages(A61_TEXT)), tmp_path / "a61.docx")


def _pdf(tmp_path):
    pytest.importorskip("pdfminer")
    pytest.importorskip("reportlab")
    return build_pdf(drawable(pdf_layout_pages(A61_TEXT)), tmp_path / "a61.pdf")


@pytest.mark.parametrize("make", [
    lambda tmp: _encoded(tmp, "gb18030"),
    lambda tmp: _encoded(tmp, "utf-16-le", b"\xff\xfe"),
    _docx,
    _pdf,
], ids=["gb18030", "utf-16", "docx", "pdf"])
def test_the_library_api_gets_what_the_cli_reports(tmp_path, make):
    path = make(tmp_path)
    found = _api(path)
    assert found, "the document must have findings for the comparison to mean something"
    assert found == _cli_json(path)


# -- structure parsed once, a failing parser reported once ------------------------------

def _failing_footnotes(*args, **kwargs):
    raise RuntimeError("parser bug")


def test_a_structure_parser_that_raises_is_reported_once_and_its_rules_are_skipped(monkeypatch):
    monkeypatch.setattr(document_module, "parse_footnotes", _failing_footnotes)
    found = lint_text(A61_TEXT, config=Config(document_date=dt.date(2006, 6, 1)))
    errors = [d for d in found if d.code == "UNL003"]
    assert len(errors) == 1
    assert errors[0].message.startswith("the footnotes structure could not be parsed: RuntimeError: parser bug")
    assert "FTN001" in errors[0].message and "XRF" in errors[0].message  # FTN and XRF read footnotes
    assert not [d for d in found if d.code in ("UNL001", "UNL002")]
    assert not [d for d in found if d.code.startswith("FTN")]
    assert [d for d in found if d.code.startswith("SYM") or d.code.startswith("RES")], "other rules still ran"


def test_a_structure_parser_that_overruns_is_reported_once_not_blamed_on_a_rule(monkeypatch):
    def endless(*args, **kwargs):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(document_module, "parse_toc", endless)
    found = lint_text(A61_TEXT, config=Config(rule_timeout=0.3))
    errors = [d for d in found if d.code == "UNL003"]
    assert len(errors) == 1 and "the toc structure could not be parsed: took longer than 0.3 s" in errors[0].message
    assert not [d for d in found if d.code in ("UNL001", "UNL002")]


def test_each_structure_is_parsed_once_per_document(monkeypatch):
    calls = []
    real = document_module.parse_footnotes
    monkeypatch.setattr(document_module, "parse_footnotes", lambda *a: calls.append(1) or real(*a))
    lint_text(A61_TEXT)
    assert calls == [1]


def test_a_failed_structure_is_not_parsed_again_for_each_rule(monkeypatch):
    calls = []

    def failing(*args):
        calls.append(1)
        raise ValueError("no")

    monkeypatch.setattr(document_module, "parse_footnotes", failing)
    lint_text(A61_TEXT)
    assert calls == [1]


def test_a_structure_built_on_a_failed_one_is_unavailable_without_a_second_report(monkeypatch):
    monkeypatch.setattr(document_module, "parse_header", _failing_footnotes)
    found = lint_text(A61_TEXT)
    errors = [d for d in found if d.code == "UNL003"]
    # The header is read by nearly every structure: one report, naming the header.
    assert len(errors) == 1 and "the header structure" in errors[0].message


def test_a_plain_document_parses_lazily_and_raises_the_failure_to_its_reader(monkeypatch):
    monkeypatch.setattr(document_module, "parse_toc", _failing_footnotes)
    document = Document("1. 正文。\n")
    with pytest.raises(StructureUnavailable):
        document.toc
    assert document.structure_failure("toc").reason == "RuntimeError: parser bug"
    assert document.header is not None  # the others are unaffected


# -- the funnel ------------------------------------------------------------------

def _diagnostic(code: str, severity: Severity = Severity.WARNING, span: str = "x", path: str = "a.txt"):
    from unlint.diagnostics import Diagnostic

    return Diagnostic(path, code, "name", severity, "message", Position(1, 1), Position(1, 2), span_text=span)


def test_the_funnel_keeps_engine_codes_when_one_family_is_selected_and_drops_them_when_ignored():
    found = [_diagnostic("UNL001", Severity.ERROR), _diagnostic("SYM001"), _diagnostic("RES001")]
    selected = funnel(found, Policy(Config(select=("SYM",))))
    assert [d.code for d in selected] == ["UNL001", "SYM001"]
    assert [d.code for d in funnel(found, Policy(Config(ignore=("UNL",))))] == ["SYM001", "RES001"]


def test_the_funnel_applies_severity_overrides_and_the_baseline():
    from collections import Counter
    from pathlib import Path

    from unlint.baseline import Baseline

    found = [_diagnostic("SYM001"), _diagnostic("SYM001"), _diagnostic("RES001")]
    config = Config(severity={"RES001": Severity.INFO})
    assert [d.severity for d in funnel(found, Policy(config))] == [Severity.WARNING] * 2 + [Severity.INFO]
    baseline = Baseline(Counter({("a.txt", "SYM001", "message", "x"): 1}), Path.cwd())
    assert [d.code for d in funnel(found, Policy(config, baseline))] == ["SYM001", "RES001"]


def test_engine_codes_can_be_ignored_through_the_cli(tmp_path):
    plugin = _RaisingPlugin()
    rules = load_rules(entry_point_plugins=False, builtin=False, extra=[plugin])
    assert [d.code for d in lint_text("1. 文字。\n", rules=rules)] == ["UNL001"]
    assert lint_text("1. 文字。\n", rules=rules, config=Config(ignore=("UNL001",))) == []


class _RaisingPlugin:
    @staticmethod
    @hookimpl
    def unlint_rules():
        @rule("TST201", "raises", "Always raises")
        def raises(document, config):
            """## What it does
            Raises."""
            raise RuntimeError("boom")
            yield Finding(0, 0, "never")

        return [raises]


# -- the exit code ----------------------------------------------------------------

@pytest.mark.parametrize(("outcome", "code"), [
    (Outcome([], False, Severity.WARNING), EXIT_OK),
    (Outcome([_diagnostic("SYM001")], False, Severity.WARNING), EXIT_FINDINGS),
    (Outcome([_diagnostic("SYM001")], False, Severity.ERROR), EXIT_OK),
    (Outcome([_diagnostic("SYM001")], False, Severity.WARNING, exit_zero=True), EXIT_OK),
    (Outcome([_diagnostic("SYM001")], True, Severity.WARNING, exit_zero=True), EXIT_ERROR),
    (Outcome([], False, Severity.WARNING, diff_nonempty=True), EXIT_FINDINGS),
    (Outcome([_diagnostic("SYM001")], False, Severity.WARNING, diff_nonempty=False), EXIT_OK),
    (Outcome([_diagnostic("SYM001")], False, Severity.WARNING, wrote_baseline=True), EXIT_OK),
])
def test_one_function_decides_the_exit_code(outcome, code):
    assert exit_code(outcome) == code
