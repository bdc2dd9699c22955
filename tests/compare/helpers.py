"""Real aligned excerpts (tests/data/realdocs/compare) and the changes the tests plant in them."""

from __future__ import annotations

from pathlib import Path

import regex

from unlint.compare import Comparison, Topic, compare
from unlint.document import Document

DATA = Path(__file__).resolve().parent.parent / "data" / "realdocs" / "compare"
#: A line that is only a chapter label (一. / I.): it and the title after it get no paragraph number.
_LABEL = regex.compile(r"[IVX]+\.|[一二三四五六七八九十]+\.")


def excerpt(name: str) -> tuple[str, str]:
    """``(english, chinese)`` text of one excerpt."""
    return ((DATA / f"{name}.en.txt").read_text(encoding="utf-8"),
            (DATA / f"{name}.zh.txt").read_text(encoding="utf-8"))


def plant(text: str, line: int, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` on (1-based) ``line``; ``old`` must be there once."""
    lines = text.split("\n")
    assert lines[line - 1].count(old) == 1, (line, old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines)


def drop_line(text: str, line: int) -> str:
    lines = text.split("\n")
    del lines[line - 1]
    return "\n".join(lines)


def numbered(text: str, masthead: int = 3) -> str:
    """The excerpt with its paragraph numbers restored (the corpus removed them): ``1. ``, ``2. `` ...

    The first ``masthead`` lines, chapter labels and the title after each label stay unnumbered, in both
    languages alike, so that paragraph N is the same paragraph in both.
    """
    lines = text.rstrip("\n").split("\n")
    out, number, title_next = [], 0, False
    for index, line in enumerate(lines):
        if index < masthead or title_next or _LABEL.fullmatch(line.strip()):
            title_next = bool(_LABEL.fullmatch(line.strip()))
            out.append(line)
            continue
        number += 1
        out.append(f"{number}. {line}")
    return "\n".join(out) + "\n"


def with_footnotes(text: str, notes: list[str], lines: list[int]) -> str:
    """``text`` with a Markdown footnote marker ``[^k]`` at the end of each of ``lines`` and the notes after."""
    body = text.rstrip("\n").split("\n")
    for k, line in enumerate(lines, start=1):
        body[line - 1] += f"[^{k}]"
    return "\n".join(body) + "\n\n" + "\n".join(f"[^{k}]: {note}" for k, note in enumerate(notes, start=1)) + "\n"


def differences(english: str, chinese: str) -> Comparison:
    return compare(Document(english, "original.en.txt"), Document(chinese, "translation.zh.txt"))


def found(english: str, chinese: str, topic: Topic | None = None) -> list[tuple[Topic, int, str]]:
    """``(topic, line in the translation, message)`` of every difference (of ``topic``)."""
    translation = Document(chinese, "translation.zh.txt")
    result = compare(Document(english, "original.en.txt"), translation)
    return [(d.topic, translation.position(d.start).line, d.message) for d in result.differences
            if topic is None or d.topic is topic]
