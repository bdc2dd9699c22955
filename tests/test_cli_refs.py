"""``unlint refs``: what unlint understood, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from unlint.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args):
    return CliRunner().invoke(main, ["refs", *args])


def test_json_lists_symbols_and_resolutions_with_spans_and_fields(tmp_path):
    document = tmp_path / "doc.txt"
    document.write_text("见 S/2020/30。\n安全理事会第 1809(2008)号决议\n", encoding="utf-8")
    result = run("--format", "json", str(document))
    assert result.exit_code == 0
    symbol, resolution = json.loads(result.output)
    assert symbol["kind"] == "symbol" and symbol["text"] == "S/2020/30"
    assert (symbol["line"], symbol["column"]) == (1, 3)
    assert symbol["fields"]["parts"] == [{"series": "S", "year": 2020, "number": 30}]
    assert resolution["kind"] == "resolution" and (resolution["line"], resolution["column"]) == (2, 1)
    assert resolution["fields"]["resolutions"] == [
        {"organ": "SC", "organ_stated": True, "number": 1809, "year": 2008},
    ]
    assert set(symbol) >= {"path", "line", "column", "text", "kind", "fields"}


def test_unparsed_candidates_are_listed_with_the_reason(tmp_path):
    document = tmp_path / "doc.txt"
    document.write_text("见 S/2O17/744。\n", encoding="utf-8")
    (row,) = json.loads(run("--format", "json", str(document)).output)
    assert row["parsed"] is False and row["fields"] is None and "O17" in row["error"]


def test_text_output_one_line_per_reference():
    result = run(str(EXAMPLES / "repertoire-2020-item-36.zh.txt"))
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert len(lines) == 26  # 24 symbols and 2 resolution references
    assert any("resolution 安理会第 2532(2020)号决议" in line for line in lines)


def test_every_english_reference_parses():
    rows = json.loads(run("--format", "json", str(EXAMPLES / "en")).output)
    assert rows and all(row["parsed"] for row in rows)


def test_missing_path_is_an_error():
    result = run("no/such/file.txt")
    assert result.exit_code == 2


def test_text_rows_show_control_characters_of_a_file_name_as_escapes(tmp_path):
    # an ESC in a file name must not reach the terminal (or a CI log) as a live escape sequence
    document = tmp_path / "doc\x1b]0;title\x07.txt"
    document.write_text("见 S/2020/30。\n", encoding="utf-8")
    result = run(str(document))
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "doc\\x1b]0;title\\x07.txt:1:3: symbol S/2020/30" in result.output
