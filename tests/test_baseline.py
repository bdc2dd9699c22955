"""Baselines match findings by file, code, message and span text, counting repeats."""

from __future__ import annotations

import json

import pytest

from unlint import Config, Finding, hookimpl, rule
from unlint.baseline import BaselineError, load_baseline, write_baseline
from unlint.plugins import load_rules
from unlint.runner import lint_text


@rule("TST010", "ascii-parenthesis-word", "A word in ASCII parentheses")
def parenthesised(document, config):
    """## What it does
    Test rule: finds ``(word)``.
    """
    import re

    for match in re.finditer(r"\(\w+\)", document.text):
        yield Finding(match.start(), match.end(), f"ASCII parentheses around {match[0][1:-1]!r}")


class Plugin:
    @staticmethod
    @hookimpl
    def unlint_rules():
        return [parenthesised]


RULES = load_rules(entry_point_plugins=False, builtin=False, extra=[Plugin])


def lint(text, path):
    return lint_text(text, path=str(path), config=Config(), rules=RULES)


@pytest.fixture
def baseline_file(tmp_path):
    return tmp_path / "unlint-baseline.json"


def test_edits_above_do_not_revive_old_findings(tmp_path, baseline_file):
    doc = tmp_path / "doc.txt"
    write_baseline(baseline_file, lint("第一段。\n见(甲)。\n", doc))
    edited = "新加的一段，\n又一行。\n第一段，改过了。\n见(甲)。\n"
    assert load_baseline(baseline_file).new_findings(lint(edited, doc)) == []


def test_a_new_finding_is_reported(tmp_path, baseline_file):
    doc = tmp_path / "doc.txt"
    write_baseline(baseline_file, lint("见(甲)。\n", doc))
    new = load_baseline(baseline_file).new_findings(lint("见(甲)。\n见(乙)。\n", doc))
    assert [(d.start.line, d.span_text) for d in new] == [(2, "(乙)")]


def test_matching_counts_repeats(tmp_path, baseline_file):
    doc = tmp_path / "doc.txt"
    write_baseline(baseline_file, lint("(甲)(甲)\n", doc))
    baseline = load_baseline(baseline_file)
    assert baseline.new_findings(lint("(甲)\n(甲)\n", doc)) == []
    third = baseline.new_findings(lint("(甲)\n(甲)\n(甲)\n", doc))
    assert [d.start.line for d in third] == [3]


def test_the_same_finding_in_another_file_is_new(tmp_path, baseline_file):
    write_baseline(baseline_file, lint("(甲)\n", tmp_path / "a.txt"))
    assert len(load_baseline(baseline_file).new_findings(lint("(甲)\n", tmp_path / "b.txt"))) == 1


def test_paths_are_relative_to_the_baseline_so_the_working_folder_does_not_matter(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    file = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    write_baseline(file, lint("(甲)\n", "docs/a.txt"))
    assert json.loads(file.read_text())["findings"][0]["path"] == "docs/a.txt"
    monkeypatch.chdir(tmp_path / "docs")
    assert load_baseline(file).new_findings(lint("(甲)\n", "a.txt")) == []


def test_the_file_is_stable_json(tmp_path, baseline_file):
    write_baseline(baseline_file, lint("(乙)(甲)\n", tmp_path / "d.txt"))
    data = json.loads(baseline_file.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [f["span"] for f in data["findings"]] == ["(乙)", "(甲)"]  # sorted, whatever the order found
    assert set(data["findings"][0]) == {"path", "code", "message", "span"}


@pytest.mark.parametrize("content", ["not json", "[]", '{"version": 99, "findings": []}', '{"version": 1, "findings": [{}]}'])
def test_a_malformed_baseline_is_an_error(baseline_file, content):
    baseline_file.write_text(content)
    with pytest.raises(BaselineError, match=str(baseline_file.name)):
        load_baseline(baseline_file)


def test_a_missing_baseline_is_an_error(tmp_path):
    with pytest.raises(BaselineError, match="cannot read"):
        load_baseline(tmp_path / "nope.json")
