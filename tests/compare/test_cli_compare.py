"""``unlint compare`` through the real CLI: formats, selection, baseline, pairs, Word and PDF, usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from unlint import lint_text
from unlint.cli import main

from ..conftest import unlint_process
from ..format_builders import build_docx, build_pdf, pdf_layout_pages, word_from_markdown
from .helpers import excerpt, plant
from .test_planted import _footnoted


def run(*args: str):
    return CliRunner().invoke(main, ["compare", *args])


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The real excerpt: original, its faithful translation, and a translation with one amount changed."""
    english, chinese = excerpt("unicef-funding")
    original = tmp_path / "funding.en.txt"
    original.write_text(english, encoding="utf-8")
    clean = tmp_path / "funding.zh.txt"
    clean.write_text(chinese, encoding="utf-8")
    changed = tmp_path / "changed.zh.txt"
    changed.write_text(plant(chinese, 1, "94亿美元", "49亿美元"), encoding="utf-8")
    return original, clean, changed


def test_a_faithful_translation_exits_0(pair):
    original, clean, _ = pair
    result = run(str(original), str(clean))
    assert (result.exit_code, result.output) == (0, "")


def test_a_changed_amount_is_reported_on_the_translation(pair):
    original, _, changed = pair
    result = run(str(original), str(changed))
    assert result.exit_code == 1
    assert result.output.startswith(f"{changed}:1:")
    assert " CMP003 `49亿美元` (4,900,000,000 USD) where the original has `$9.4 billion`" in result.output


def test_json_report(pair):
    original, _, changed = pair
    [finding] = json.loads(run(str(original), str(changed), "--format", "json").output)
    assert (finding["code"], finding["line"], finding["path"]) == ("CMP003", 1, str(changed))


def test_selection_severity_and_exit_code(pair):
    original, _, changed = pair
    assert run(str(original), str(changed), "--select", "CMP001").exit_code == 0
    assert run(str(original), str(changed), "--ignore", "CMP").exit_code == 0
    quiet = run(str(original), str(changed), "--severity", "CMP003=info")
    assert quiet.exit_code == 0 and "CMP003" in quiet.output
    assert run(str(original), str(changed), "--exit-zero").exit_code == 0


def test_settings_naming_other_families_are_valid_and_unknown_codes_are_not(pair, tmp_path):
    # compare loads only the CMP rules; a configuration shared with `unlint check` still names the others.
    original, _, changed = pair
    shared = tmp_path / "shared.toml"
    shared.write_text('ignore = ["SYM", "TYP002"]\n', encoding="utf-8")
    result = run(str(original), str(changed), "--config", str(shared))
    assert result.exit_code == 1 and "CMP003" in result.output
    assert run(str(original), str(changed), "--select", "CMP003,ORG").exit_code == 1
    unknown = run(str(original), str(changed), "--ignore", "ZZZ9")
    assert unknown.exit_code == 2 and unknown.output == "unlint: error: unknown rule code or prefix 'ZZZ9'\n"


def test_sarif_describes_every_rule_as_check_does(pair):
    original, _, changed = pair
    driver = json.loads(run(str(original), str(changed), "--format", "sarif").output)["runs"][0]["tool"]["driver"]
    described = {rule["id"] for rule in driver["rules"]}
    assert {"CMP003", "SYM001", "TYP001", "UNL001"} <= described


def test_compare_imports_no_other_rule_family_nor_its_structures(pair):
    # The other families' modules (and what they import) are a tenth of compare's start-up; it runs none.
    original, _, changed = pair
    script = ("import json, sys\nfrom unlint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
              "    pass\nprint(json.dumps(sorted(sys.modules)))")
    process = subprocess.run([sys.executable, "-c", script, "compare", "--quiet", str(original), str(changed)],
                             capture_output=True, text=True, timeout=300)
    loaded = json.loads(process.stdout.splitlines()[-1])
    assert "unlint.rules.compare" in loaded and "unlint.compare.compare" in loaded
    assert [m for m in loaded if m.startswith("unlint.rules.") and m != "unlint.rules.compare"] == []
    # Nor the parsers of structures only those families read.
    unread = ("agenda", "crossrefs", "mentions", "names", "pairing", "sublists")
    assert [m for m in loaded if m.removeprefix("unlint.structure.") in unread] == []


def test_baseline(pair, tmp_path):
    original, _, changed = pair
    baseline = tmp_path / "baseline.json"
    assert run(str(original), str(changed), "--write-baseline", str(baseline)).exit_code == 0
    assert run(str(original), str(changed), "--baseline", str(baseline)).output == ""


def test_pairs_of_folders_matched_by_name(tmp_path):
    originals, translations = tmp_path / "en", tmp_path / "zh"
    originals.mkdir()
    translations.mkdir()
    for name in ("economy", "ageing-sources"):
        english, chinese = excerpt(name)
        (originals / f"{name}.en.txt").write_text(english, encoding="utf-8")
        (translations / f"{name}_zh.txt").write_text(chinese, encoding="utf-8")
    assert run("--pairs", str(originals), str(translations)).exit_code == 0
    english, chinese = excerpt("economy")
    (translations / "economy_zh.txt").write_text(plant(chinese, 7, "放缓至2.3%", "放缓至2.8%"), encoding="utf-8")
    result = run("--pairs", str(originals), str(translations))
    assert result.exit_code == 1 and result.output.startswith(f"{translations / 'economy_zh.txt'}:7:")
    (originals / "orphan.en.txt").write_text("Agenda item 4\n", encoding="utf-8")
    orphan = run("--pairs", str(originals), str(translations))
    assert orphan.exit_code == 2 and "orphan.en.txt: no translation of the same name or symbol" in orphan.output


def test_a_list_file_of_pairs(pair, tmp_path):
    original, clean, changed = pair
    listing = tmp_path / "pairs.txt"
    listing.write_text(f"# original\ttranslation\n{original.name}\t{clean.name}\n{original.name} {changed.name}\n",
                       encoding="utf-8")
    result = run("--pairs-file", str(listing))
    assert result.exit_code == 1 and result.output.count("CMP003") == 1


@pytest.mark.parametrize("args", [
    ["one.txt"],
    [],
    ["a.txt", "b.txt", "--pairs", "x", "y"],
])
def test_usage_errors_are_one_line_and_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("unlint: error: ")


def test_a_folder_as_original_is_a_usage_error(tmp_path, pair):
    result = run(str(tmp_path), str(pair[1]))
    assert result.exit_code == 2 and "--pairs" in result.output


def test_a_missing_file_exits_2(pair):
    result = run(str(pair[0]), "missing.zh.txt")
    assert result.exit_code == 2 and "missing.zh.txt: no such file" in result.output


def test_word_and_pdf_inputs_through_the_real_command(tmp_path):
    english, chinese = _footnoted()
    changed = plant(chinese, 7, "2022年4月6日", "2022年4月16日")
    build_docx(word_from_markdown(english), tmp_path / "report.en.docx")
    build_docx(word_from_markdown(changed), tmp_path / "report.zh.docx")
    build_pdf(pdf_layout_pages(english), tmp_path / "report.en.pdf")
    build_pdf(pdf_layout_pages(changed), tmp_path / "report.zh.pdf")
    for original, translation in (("report.en.docx", "report.zh.docx"), ("report.en.pdf", "report.zh.pdf"),
                                  ("report.en.docx", "report.zh.pdf")):
        process = unlint_process("compare", original, translation, cwd=tmp_path)
        assert process.returncode == 1, process.stderr
        assert process.stdout.decode().startswith(f"{translation}:7:29: CMP003 `16` (16) where the original has `6`")


def test_check_runs_no_comparison():
    english, chinese = excerpt("ageing-sources")
    assert [d for d in lint_text(chinese) if d.code.startswith("CMP")] == []


def test_rule_pages():
    for code in ("CMP001", "CMP002", "CMP003", "CMP004", "CMP005", "CMP006"):
        page = CliRunner().invoke(main, ["rule", code])
        assert page.exit_code == 0 and "## What it does" in page.output and "unlint compare" in page.output
