"""Issue 16, item 8: control characters in file names and document text never reach the output raw.

A newline in a file name must not start a line of its own in the text report
(GitHub Actions would run ``::error ...`` as a workflow command), and ESC/OSC
sequences must not reach the terminal, with or without ``--show-source``.
Through the real CLI, on real files named so.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from unlint.printable import printable

from .conftest import CORPUS

INJECTED = "x\n::error file=x::INJECTED\n.txt"
#: OSC 0 (set the window title) and a colour change, as a hostile name or text carries them.
ESCAPES = "\x1b]0;pwned\x07\x1b[31mred\x9b2J"
#: A real line with a finding (TYP001 at column 35 of line 312).
SOURCE, LINE = CORPUS[1], 312


def _run(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unlint", "check", "--no-cache", *args], cwd=folder,
                          capture_output=True, timeout=300)


def _raw_controls(output: bytes) -> set[str]:
    return {ch for ch in output.decode() if ord(ch) < 0x20 and ch != "\n" or 0x7f <= ord(ch) <= 0x9f}


@pytest.mark.parametrize("name", [INJECTED, f"a{ESCAPES}.txt", "tab\there.txt", "bidi\u202egnp.txt"],
                         ids=["newline", "escape", "tab", "bidi"])
def test_a_hostile_file_name_is_escaped_in_the_text_report(tmp_path, name):
    (tmp_path / name).write_bytes(SOURCE.read_bytes())
    result = _run(tmp_path, name)
    assert result.returncode == 1, result.stderr
    *lines, summary = result.stdout.decode().splitlines()
    assert lines and all(line.startswith(printable(name) + ":") for line in lines)
    assert summary.startswith("Found ")
    assert not any(line.startswith("::") for line in lines)
    assert _raw_controls(result.stdout) == set()
    assert "\u202e" not in result.stdout.decode()


def test_a_hostile_file_name_is_escaped_in_an_error_line(tmp_path):
    (tmp_path / INJECTED).write_bytes(b"x\0y")
    result = _run(tmp_path, INJECTED)
    assert result.returncode == 2
    assert result.stderr.decode() == f"unlint: error: {printable(INJECTED)}: binary file (contains NUL bytes)\n"


def test_a_hostile_missing_path_is_escaped_in_an_error_line(tmp_path):
    result = _run(tmp_path, f"gone{ESCAPES}.txt")
    assert result.returncode == 2 and _raw_controls(result.stderr) == set()
    assert "\\x1b]0;pwned\\x07" in result.stderr.decode()


def test_escapes_in_the_document_are_escaped_under_show_source(tmp_path):
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    lines[LINE - 1] = ESCAPES + lines[LINE - 1]
    (tmp_path / "doc.txt").write_text("\n".join(lines), encoding="utf-8")
    result = _run(tmp_path, "--show-source", "--select", "TYP001", "doc.txt")
    assert result.returncode == 1, result.stderr
    assert _raw_controls(result.stdout) == set()
    out = result.stdout.decode().splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith(f"doc.txt:{LINE}:"))
    source, caret = out[at + 1], out[at + 2]
    assert source.startswith("    " + printable(ESCAPES))
    # The caret still stands under the finding's span: after the escapes as printed.
    column = int(out[at].split(":")[2])
    shown_before = printable(lines[LINE - 1][: column - 1])
    assert shown_before.startswith(printable(ESCAPES))
    assert caret.index("^") - 4 == sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in shown_before)


def test_printable_keeps_ordinary_text_and_escapes_every_control():
    assert printable("联合国 A/RES/60/1（2005年）") == "联合国 A/RES/60/1（2005年）"
    assert printable("a\nb\rc\x1bd\x9be\u2028f") == "a\\x0ab\\x0dc\\x1bd\\x9be\\u2028f"


def test_every_character_printable_escapes_is_one_python_calls_unprintable():
    # printable() returns text that str.isprintable() accepts without searching it:
    # that is right only while no character it escapes counts as printable.
    from unlint.printable import _UNPRINTABLE

    escaped = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and _UNPRINTABLE.match(chr(c))]
    assert len(escaped) > 60
    assert [c for c in escaped if c.isprintable()] == []
    assert printable("中文\u3000text\u202e") == "中文\u3000text\\u202e"  # an ideographic space is kept
