"""Plugins: built-ins and third parties through the same hook; clashes are loud."""

from __future__ import annotations

import types

import pytest

from unlint import Finding, hookimpl, rule
from unlint.plugins import PluginError, load_rules
from unlint.rule import RuleDefinitionError

from .conftest import unlint_process


def make_plugin(name: str, *rules) -> types.SimpleNamespace:
    module = types.ModuleType(name)

    @hookimpl
    def unlint_rules():
        return list(rules)

    module.unlint_rules = unlint_rules
    return module


@rule("TST001", "always-first-char", "Reports the first character")
def first_char(document, config):
    """Reports the first character of every document (a test rule)."""
    if document.text:
        yield Finding(0, 1, "first character")


@rule("TST001", "another-first-char", "Claims the same code")
def clashing(document, config):
    """A second rule with the code TST001."""
    return ()


def test_extra_plugin_rules_are_collected():
    rules = load_rules(entry_point_plugins=False, extra=[make_plugin("one", first_char)])
    assert rules.get("TST001") is first_char
    assert rules.get("always-first-char") is first_char
    assert rules.origins["TST001"]


def test_duplicate_code_is_refused_naming_both():
    with pytest.raises(PluginError, match="TST001 is claimed twice.*always-first-char.*another-first-char"):
        load_rules(entry_point_plugins=False, extra=[make_plugin("one", first_char), make_plugin("two", clashing)])


def test_plugin_returning_garbage_is_refused():
    with pytest.raises(PluginError, match="not a unlint.Rule"):
        load_rules(entry_point_plugins=False, extra=[make_plugin("bad", "SYM001")])


@pytest.mark.parametrize(
    ("code", "name", "message"),
    [("SYM01", "x", "three capital"), ("sym001", "x", "three capital"), ("SYM001", "Bad_Name", "kebab-case")],
)
def test_rule_identity_is_validated(code, name, message):
    with pytest.raises(RuleDefinitionError, match=message):
        rule(code, name, "summary")(first_char.check)


def test_rule_without_docstring_is_refused():
    def undocumented(document, config):
        return ()

    with pytest.raises(RuleDefinitionError, match="no docstring"):
        rule("TST002", "undocumented", "summary")(undocumented)


def test_example_plugin_is_installed_listed_and_fires(plugin_env):
    listed = unlint_process("rules", env=plugin_env)
    assert listed.returncode == 0
    assert b"EXD001" in listed.stdout and b"mixed-date-spacing" in listed.stdout
    result = unlint_process("check", "--select", "EXD001", "examples/sg-report-2018-08-17-cooperation.zh.txt",
                        env=plugin_env)
    assert result.returncode == 1, result.stderr
    assert b"EXD001" in result.stdout
    page = unlint_process("rule", "EXD001", env=plugin_env)
    assert b"Provided by plugin: date_style" in page.stdout


def test_example_plugin_is_silent_on_consistent_documents(plugin_env):
    result = unlint_process("check", "--select", "EXD", "examples/A-61-204-S-2006-590.zh.txt", env=plugin_env)
    assert (result.returncode, result.stdout) == (0, b"")


def test_broken_plugin_package_is_reported_by_name(tmp_path):
    site = tmp_path / "site"
    dist = site / "broken_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[unlint.rules]\nbroken = broken_plugin_module\n", encoding="utf-8")
    (site / "broken_plugin_module.py").write_text("raise ImportError('missing dependency foo')\n", encoding="utf-8")
    result = unlint_process("rules", env={"PYTHONPATH": str(site)})
    assert result.returncode == 2
    assert b"broken-plugin" in result.stderr and b"missing dependency foo" in result.stderr
    assert b"Traceback" not in result.stderr
