"""Committed documentation that is generated must match what generates it."""

from __future__ import annotations

from click.testing import CliRunner

from unlint.cli import main

from .conftest import REPO


def test_docs_rules_md_is_up_to_date():
    generated = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert generated.exit_code == 0, generated.output
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == generated.output, "docs/rules.md is out of date: run 'unlint rules --format markdown > docs/rules.md'"




# -- rule docs: Markdown with ruff's sections ----------------------------------------

_SECTIONS = ["What it does", "Why is this bad?", "Example", "Fix", "Options", "References"]


def _rules():
    from unlint.runner import default_rules

    return list(default_rules())


def test_rule_docs_are_markdown_not_restructuredtext():
    import re

    for rule in _rules():
        assert not re.search(r"(?<!`)``(?!`)", rule.docs), f"{rule.code}: use `code`, not ``code``"
        assert not re.search(r":(?:func|class|data|meth|ref):`|^\.\. \w+::", rule.docs, re.M), rule.code


def test_rule_docs_use_ruffs_sections_in_ruffs_order():
    import re

    for rule in _rules():
        headings = re.findall(r"^## (.+)$", rule.docs, re.M)
        assert headings[:2] == _SECTIONS[:2], rule.code
        assert all(h in _SECTIONS for h in headings), (rule.code, headings)
        assert headings == sorted(headings, key=_SECTIONS.index), (rule.code, headings)


def test_a_rule_that_reads_a_setting_documents_it_under_options():
    import inspect

    for rule in _rules():
        source = inspect.getsource(rule.check)
        if "document.date" in source or "config." in source:
            assert "## Options" in rule.docs, f"{rule.code} reads a setting but has no ## Options"


def test_the_readme_lists_exactly_the_accepted_setting_keys():
    import re

    from unlint.config import _KNOWN_KEYS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sentence = readme[readme.index("The accepted keys"):].split(";")[0]
    assert set(re.findall(r"`([a-z-]+)`", sentence)) == _KNOWN_KEYS
