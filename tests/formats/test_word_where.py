"""Where a finding is in a Word file: page, paragraph number or heading, and the quoted span, in every report."""

from __future__ import annotations

import json

import jsonschema
import pytest

from unlint import lint_paths, lint_text
from unlint.diagnostics import Where

from ..conftest import unlint_process
from ..reports.test_ci_formats import SCHEMA
from .test_word_real import ADD1, _edited, _replace_in_body

pytest.importorskip("docx")

SENTENCE = "In his report, the Secretary-General indicates efficiency gains"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A/80/604/Add.1 citing a symbol of 2027 in its paragraph 15 (page 4 of the PDF)."""
    return _edited(ADD1, tmp_path_factory.mktemp("where"), _replace_in_body(SENTENCE, SENTENCE + " (see S/2027/15)"))


def test_a_finding_in_a_word_file_knows_its_page_and_paragraph(planted):
    [result] = lint_paths([planted])
    [found] = [d for d in result.diagnostics if d.code == "SYM002"]
    assert found.where == Where(page=4, paragraph="15", heading=None)
    assert found.span_text == "S/2027/15"


def test_text_report_json_and_sarif_carry_the_place(planted, tmp_path):
    text = unlint_process("check", "--select", "SYM002", "--no-cache", str(planted)).stdout.decode()
    # The finding's line (the summary line follows it).
    assert text.splitlines()[0].endswith('[page 4, paragraph 15: "S/2027/15"]')
    [item] = json.loads(unlint_process("check", "--select", "SYM002", "--format", "json", str(planted)).stdout)
    assert (item["page"], item["paragraph"], item["heading"], item["quote"]) == (4, "15", None, "S/2027/15")
    sarif = json.loads(unlint_process("check", "--select", "SYM002", "--format", "sarif", str(planted)).stdout)
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(sarif)
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"] == {"text": "S/2027/15"}
    assert result["properties"] == {"page": 4, "paragraph": "15"}


def test_the_place_survives_the_cache(planted, tmp_path):
    args = ("check", "--select", "SYM002", "--format", "json", "--cache-dir", str(tmp_path / "cache"), str(planted))
    first, second = unlint_process(*args), unlint_process(*args)
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert json.loads(second.stdout)[0]["paragraph"] == "15"


def test_plain_text_findings_have_no_place_and_keep_their_json_fields():
    [finding] = [d for d in lint_text("Distr.: General\n7 April 2026\n\n1. See S/2027/15.\n") if d.code == "SYM002"]
    assert finding.where is None


@pytest.mark.parametrize(("where", "quote", "shown"), [
    (Where(4, "15", None), "S/2027/15", 'page 4, paragraph 15: "S/2027/15"'),
    (Where(None, None, "II. Financial resources"), "para. 9", "under 'II. Financial resources': \"para. 9\""),
    (Where(None, None, None), "x" * 80, '"' + "x" * 59 + '…"'),
    (Where(2, None, None), "", "page 2"),
])
def test_describe(where, quote, shown):
    assert where.describe(quote) == shown
