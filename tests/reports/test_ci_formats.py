"""The CI formats: SARIF against the official schema, GitHub annotations line by line, JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from unlint import Config
from unlint.diagnostics import Diagnostic, Position, Severity
from unlint.plugins import load_rules
from unlint.reports import FORMATS, ReportContext, find_repository_root, render
from unlint.reports.github import annotation, escape_data, escape_property
from unlint.runner import ENGINE_CODES, lint_paths

from ..conftest import EXAMPLES, REPO

SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_run(monkeypatch_module):
    """Every document in examples/ with the built-in rules and the example plugin (EXD001)."""
    monkeypatch_module.syspath_prepend(str(EXAMPLES / "plugin"))
    monkeypatch_module.chdir(REPO)
    import unlint_date_style

    rules = load_rules(entry_point_plugins=False, extra=[unlint_date_style])
    results = lint_paths(["examples/"], Config(), rules)
    diagnostics = [d for r in results for d in r.diagnostics]
    assert any(d.code == "EXD001" for d in diagnostics)
    context = ReportContext(rules, checked=tuple(r.path for r in results), root=REPO)
    return diagnostics, context


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def validate_sarif(document: dict) -> None:
    # The official schema's own "language" pattern uses an inline flag Python's
    # re rejects where it stands, so the schema itself is not meta-validated.
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def diagnostic(message="msg", path="docs/a.txt", severity=Severity.ERROR, code="SYM001", span="(甲)"):
    return Diagnostic(path, code, "some-rule", severity, message, Position(3, 5), Position(3, 8), 20, 23,
                      span_text=span)


# -- SARIF ------------------------------------------------------------------------

def test_sarif_of_the_whole_corpus_validates_against_the_schema(corpus_run):
    diagnostics, context = corpus_run
    sarif = json.loads(render("sarif", diagnostics, context))
    validate_sarif(sarif)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(diagnostics) > 0


def test_sarif_driver_describes_every_rule(corpus_run):
    diagnostics, context = corpus_run
    driver = json.loads(render("sarif", diagnostics, context))["runs"][0]["tool"]["driver"]
    listed = {r["id"]: r for r in driver["rules"]}
    assert set(listed) == {*context.rules.rules, *ENGINE_CODES}
    for descriptor in driver["rules"]:
        assert descriptor["name"] and descriptor["shortDescription"]["text"]
        assert descriptor["fullDescription"]["text"] and descriptor["help"]["text"]
    exd = listed["EXD001"]
    assert exd["name"] == "mixed-date-spacing"
    assert exd["fullDescription"]["text"].startswith("Finds Chinese dates")
    assert "## Why is this bad?" in exd["help"]["markdown"]


def test_sarif_results_have_rule_level_message_and_a_full_region(corpus_run):
    diagnostics, context = corpus_run
    run = json.loads(render("sarif", diagnostics, context))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    first = diagnostics[0]
    result = run["results"][0]
    assert result["ruleId"] == first.code
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == first.code
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert result["level"] == levels[str(first.severity)] and result["message"]["text"] == first.message
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": first.path, "uriBaseId": "%SRCROOT%"}
    assert first.path.startswith("examples/")
    assert location["region"] == {"startLine": first.start.line, "startColumn": first.start.column,
                                  "endLine": first.end.line, "endColumn": first.end.column}


def test_sarif_paths_are_relative_to_the_repository_whatever_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    context = ReportContext(load_rules(entry_point_plugins=False), root=find_repository_root(Path.cwd()))
    sarif = json.loads(render("sarif", [diagnostic(path="a b.txt")], context))
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a%20b.txt"


def test_sarif_fingerprints_survive_moving_lines_and_tell_repeats_apart():
    context = ReportContext(load_rules(entry_point_plugins=False))
    moved = Diagnostic("a.txt", "SYM001", "r", Severity.ERROR, "msg", Position(9, 1), Position(9, 4), span_text="(甲)")
    one = json.loads(render("sarif", [diagnostic(path="a.txt")], context))["runs"][0]["results"]
    two = json.loads(render("sarif", [moved, diagnostic(path="a.txt")], context))["runs"][0]["results"]
    assert one[0]["partialFingerprints"] == two[0]["partialFingerprints"]
    assert two[0]["partialFingerprints"] != two[1]["partialFingerprints"]


def test_sarif_levels():
    context = ReportContext(load_rules(entry_point_plugins=False))
    levels = [r["level"] for r in json.loads(render("sarif", [diagnostic(severity=s) for s in Severity], context))[
        "runs"][0]["results"]]
    assert levels == ["note", "warning", "error"]


# -- GitHub -------------------------------------------------------------------------

def test_github_format_line_by_line(corpus_run):
    diagnostics, context = corpus_run
    lines = render("github", diagnostics, context).splitlines()
    assert len(lines) == len(diagnostics)
    for line, d in zip(lines, diagnostics, strict=True):
        command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[d.severity]
        assert line == (
            f"::{command} file={escape_property(d.path)},line={d.start.line},"
            f"col={d.start.column},endLine={d.end.line},endColumn={d.end.column},title={d.code}::"
            f"{escape_data(d.message)}"
        )


def test_github_escapes_data_and_properties():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    line = annotation(diagnostic(message="50% done,\nsee: x", severity=Severity.INFO), "dir,1/a:b.txt")
    assert line == ("::notice file=dir%2C1/a%3Ab.txt,line=3,col=5,endLine=3,endColumn=8,title=SYM001"
                    "::50%25 done,%0Asee: x\n")


# -- JUnit ---------------------------------------------------------------------------

def test_junit_has_a_suite_per_document_and_a_failure_per_finding(corpus_run):
    diagnostics, context = corpus_run
    root = ET.fromstring(render("junit", diagnostics, context))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(context.checked)
    assert root.get("failures") == str(len(diagnostics)) == str(len(root.findall(".//failure")))
    first_finding = diagnostics[0]
    suite = next(s for s in suites if s.get("name") == first_finding.path)
    first = suite.find("testcase")
    assert first.get("name") == f"{first_finding.code} {first_finding.start.line}:{first_finding.start.column}"
    assert first.find("failure").get("message") == first_finding.message
    clean = [s for s in suites if s.get("failures") == "0"]
    assert clean and all(len(s.findall("testcase")) == 1 and s.find(".//failure") is None for s in clean)


def test_junit_survives_characters_xml_cannot_hold():
    context = ReportContext(load_rules(entry_point_plugins=False), checked=("docs/a.txt",))
    root = ET.fromstring(render("junit", [diagnostic(message="bad \x0b char & <tag>")], context))
    assert root.find(".//failure").get("message") == "bad \ufffd char & <tag>"


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders_an_empty_run(name):
    context = ReportContext(load_rules(entry_point_plugins=False), checked=("a.txt",))
    render(name, [], context)
