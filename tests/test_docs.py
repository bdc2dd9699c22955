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


