"""parse_blocks against the plain per-line reading it replaced (blank lines read one by one,
the median by sorting, a frozen dataclass per block), on generated and corpus texts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from unlint import Document
from unlint.structure import blocks
from unlint.text import FOOTNOTE_RULE, PARAGRAPH_END_STOPS


def _reference(lines, furniture, structure):
    stripped = [line.strip() for line in lines]
    text_lines = [n for n in range(1, len(lines) + 1) if stripped[n - 1] and n not in furniture]
    after = [not stripped[n] for n in text_lines if n < len(stripped)]
    blank_ends_block = not (bool(after) and sum(after) / len(after) > blocks._DOUBLE_SPACED)
    lengths = sorted(len(stripped[n - 1]) for n in text_lines)
    if lengths and lengths[len(lengths) // 2] > blocks._WRAPPED_LINE_MAX:
        wrapped = False
    elif len(text_lines) < blocks._SENTENCE_LINES_MIN:
        wrapped = True
    else:
        ends = sum(stripped[n - 1][-1] in blocks._CLAUSE_END for n in text_lines)
        wrapped = ends <= blocks._SENTENCE_LINES * len(text_lines)
    numbers = [n for n in range(1, len(lines) + 1) if n not in furniture] if blank_ends_block else text_lines
    starts = blocks._structural_starts(structure)
    found, current, after_sentence, suspended, soft = [], [], True, None, set()
    for number in numbers:
        bare, text = stripped[number - 1], lines[number - 1]
        if not bare:
            if blank_ends_block and suspended is None and current:
                found.append(current)
                current = []
            continue
        if "_____" in bare and FOOTNOTE_RULE.fullmatch(text):
            if suspended is None:
                suspended = (current, after_sentence)
            elif current:
                found.append(current)
            current, after_sentence = [], True
            continue
        if suspended is not None:
            if blocks._FOOTNOTE_MARKER.match(text):
                if current:
                    found.append(current)
                current = []
            elif number in starts or after_sentence:
                if current:
                    found.append(current)
                current, after_sentence = suspended
                suspended = None
        if suspended is None and (number in starts or blocks._SUBPARAGRAPH.match(text)
                                  or (after_sentence and (not wrapped or text[:1].isspace()))):
            if current:
                found.append(current)
                if number not in starts and not text[:1].isspace() and not blocks._SUBPARAGRAPH.match(text):
                    soft.add(number)
            current = []
        current.append(number)
        after_sentence = bare[-1] in PARAGRAPH_END_STOPS or (bare[-1] in blocks._CLOSING and bare[-2:-1] in set(PARAGRAPH_END_STOPS))
    if current:
        found.append(current)
    if suspended is not None and suspended[0]:
        found.append(suspended[0])
    return [(tuple(b), b[0] in soft) for b in sorted(found, key=lambda b: b[0])]


def _same(text: str) -> None:
    document = Document(text)
    got = [(b.lines, b.soft_start) for b in document.text_blocks]
    assert got == _reference(document.lines, document.furniture_lines, document.paragraph_structure)


_PIECES = ["", " ", "\u3000", "1. 第一段的开头", " 2. 第二段。", "10．全角。", "(a) 第一项；", " b) 第二项", "a) x",
           "__________________ ", "1", "2 A/47/277。", "* 注", "继续第一段", "继续。", "继续”", "继续。”", "“引文",
           " 缩进的新段落", "\t缩进", "附件一", "Annex", "06-44982 (C)    010906    010906", "联合国" * 25 + "。",
           "联合国" * 25, "word, word", "Sentence.", "第一句；第二句：", "A/60/341"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_generated_texts(pieces):
    _same("\n".join(pieces))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=20, max_size=80), st.integers(0, 3))
def test_generated_double_spaced_texts(pieces, spacing):
    _same(("\n" * (spacing + 1)).join(pieces))


def test_corpus_and_examples():
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "examples").rglob("*.txt"))
    assert files
    for path in files:
        _same(path.read_text(encoding="utf-8", errors="replace"))
