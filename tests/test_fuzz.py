"""Property tests over the whole pipeline, with whatever rules are installed.

For any text, any bytes and any mangling of the corpus: no exception escapes
and no rule fails (no UNL001/UNL002), every span lies inside the document,
and the output is deterministic. Example counts are bounded so that the file
runs in well under a minute; raise them locally with
``UNLINT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py``.

Besides the installed rules, a probe rule reads the Document's shared parses
(masthead, furniture, numbered paragraphs) and reports spans computed from
them, so the engine's structure code is fuzzed whatever families exist.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unlint.cli
from unlint import Config, Document, Finding, Fix, hookimpl, lint_text, rule
from unlint.files import Source
from unlint.plugins import load_rules
from unlint.runner import lint_sources

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = tuple(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.zh.txt")))
ENGLISH = tuple(p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "en").glob("*.en.txt")))

EXAMPLES_PER_TEST = int(os.environ.get("UNLINT_FUZZ_EXAMPLES", "60"))
# A decorator per test rather than a loaded profile: other test files keep their own settings.
fuzz = settings(max_examples=EXAMPLES_PER_TEST, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@rule("TST201", "structure-probe", "Flags what the Document's shared parses found")
def structure_probe(document, config):
    """## What it does
    Test rule: a finding on the masthead symbol line, each furniture line and each numbered paragraph.
    """
    header = document.header
    if header.symbol_line is not None:
        line = document.line(header.symbol_line)
        yield Finding(line.start, line.end, f"symbol {header.symbol}")
    for furniture in document.furniture:
        line = document.line(furniture.line)
        yield Finding(line.start, line.end, furniture.kind.value)
    for paragraph in document.paragraphs:
        start = document.offset(paragraph.line, paragraph.column)
        yield Finding(start, start + len(str(paragraph.number)), f"paragraph {paragraph.number}",
                      fix=Fix.replace(start, start, ""))


class _Probe:
    @hookimpl
    def unlint_rules(self):
        return [structure_probe]


RULES = load_rules(extra=[_Probe()])

#: The pieces citations are built from: symbols, numbers, brackets, Chinese punctuation.
FRAGMENTS = (
    "A/", "S/", "E/", "RES/", "S/RES/", "A/RES/", "/Add.", "/Rev.", "/Corr.", "第", "号", "决议", "段", "条",
    "附件", "脚注", "见", "(", ")", "（", "）", "[", "]", "《", "》", "、", "，", "。", "；", "：", "“", "”",
    "1", "12", "2005", "567", "60/", "．", ". ", "\n", "\n\n", " ", "\u3000", "*", "-", "–", "联合国", "秘书长",
    "安全理事会", "大会", "年", "月", "日", "Distr.: General", "\t", "\ufeff", "\u200b", "\r",
)

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=120).map("".join),
)


@st.composite
def mangled_corpus(draw) -> str:
    """A corpus document (or a window of one) with random cuts, duplications and insertions."""
    source = draw(st.sampled_from(CORPUS + ENGLISH))
    start = draw(st.integers(0, max(0, len(source) - 1)))
    text = source[start:start + draw(st.integers(0, 6000))]
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 300)))
        action = draw(st.sampled_from(("cut", "duplicate", "insert")))
        if action == "cut":
            text = text[:a] + text[b:]
        elif action == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        else:
            text = text[:a] + draw(texts) + text[a:]
    return text


def _lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_properties(text: str) -> None:
    diagnostics = lint_text(text, path="fuzz.txt", rules=RULES)
    again = lint_text(text, path="fuzz.txt", rules=RULES)
    assert diagnostics == again, "output differs between two runs on the same text"
    failures = [d.message for d in diagnostics if d.code in ("UNL001", "UNL002")]
    assert not failures, failures
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    document = Document(normalised, "fuzz.txt")
    lines = _lines_of(text)
    for d in diagnostics:
        assert 0 <= d.offset <= d.end_offset <= len(normalised), d
        assert (d.start, d.end) == (document.position(d.offset), document.position(d.end_offset)), d
        assert 1 <= d.start.line <= len(lines) and 1 <= d.start.column <= len(lines[d.start.line - 1]) + 1, d
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(normalised), d


@fuzz
@given(texts)
def test_any_text(text):
    check_properties(text)


@fuzz
@given(mangled_corpus())
def test_mangled_corpus_text(text):
    check_properties(text)


@fuzz
@given(st.binary(max_size=2000) | mangled_corpus().map(lambda t: t.encode("gb18030", errors="replace")))
def test_any_bytes_through_decoding(data):
    (result,) = lint_sources([Source("<stdin>", None)], Config(), RULES, stdin=data)
    if result.error is None:
        assert result.decoded is not None
        assert "\r" not in result.decoded.text
        assert not [d for d in result.diagnostics if d.code in ("UNL001", "UNL002")]
    else:
        assert "\n" not in str(result.error)


@fuzz
@given(texts)
def test_document_structure_parsers_accept_any_text(text):
    # Rules share these parses; they must hold for text no rule has seen yet.
    document = Document(text.replace("\r", "\n"), "fuzz.txt")
    document.header, document.furniture, document.paragraph_structure  # noqa: B018
    for offset in (0, len(document.text) // 2, len(document.text)):
        position = document.position(offset)
        assert document.offset(position.line, position.column) == offset


@settings(max_examples=max(10, EXAMPLES_PER_TEST // 3), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=3000) | mangled_corpus().map(str.encode))
def test_the_cli_on_any_file(tmp_path, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(unlint.cli.main, ["check", "--format", "json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    again = CliRunner().invoke(unlint.cli.main, ["check", "--format", "json", str(path)])
    assert (again.exit_code, again.output) == (result.exit_code, result.output)


# -- pathological inputs: each rule alone, on long runs of what patterns repeat --

PATHOLOGICAL = {
    "enumeration": "(a)、" * 10_000,
    "fullwidth-enumeration": "（一）、" * 10_000,
    "digits": "1" * 50_000,
    "digits-and-slashes": "A/" + "1/" * 200_000,  # was quadratic in the masthead parser
    "open-brackets": "(" * 30_000 + "（" * 30_000,
    "nested-brackets": "(" * 10_000 + "a" + ")" * 10_000,
    "quotes": "“" * 20_000,
    "numbered-lines": "".join(f"{n % 999 + 1}. 段\n" for n in range(20_000)),
    "one-long-line": "安全理事会第1325(2000)号决议" * 3_000,
    "spaces": " " * 50_000 + "\u3000" * 50_000,
    "symbols": "S/RES/1325 (2000)、" * 5_000,
}

#: A hang detector, not a speed test: linear rules take milliseconds on these
#: inputs, a backtracking one takes forever. Speed is measured in bench/.
HANG_LIMIT_SECONDS = 20


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_no_rule_hangs_on_pathological_input(name):
    config = Config(rule_timeout=HANG_LIMIT_SECONDS)
    diagnostics = lint_text(PATHOLOGICAL[name], path=f"{name}.txt", config=config, rules=RULES)
    stuck = [d.message for d in diagnostics if d.code in ("UNL001", "UNL002")]
    assert not stuck, stuck


def test_output_does_not_depend_on_hash_seed(tmp_path):
    # Within one process a set iterates the same way twice; across processes it need not.
    outputs = set()
    for seed in ("1", "2", "3"):
        # A cache folder per run: a findings cache must not answer for the second run.
        env = {**os.environ, "PYTHONHASHSEED": seed, "UNLINT_CACHE_DIR": str(tmp_path / seed)}
        result = subprocess.run([sys.executable, "-m", "unlint", "check", "--format", "json", str(EXAMPLES)],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode in (0, 1), result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
