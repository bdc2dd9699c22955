"""The corpus documents in examples/, loaded once per test session."""

from functools import lru_cache
from pathlib import Path

from unlint import lint_text
from unlint.document import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

REPORT_2018 = "sg-report-2018-08-17-cooperation.zh.txt"
REPORT_2010 = "sg-report-2010-09-20-cooperation.zh.txt"
A_61_204 = "A-61-204-S-2006-590.zh.txt"
A_60_341 = "A-60-341-S-2005-567.zh.txt"
REPERTOIRE = "repertoire-2020-item-36.zh.txt"


@lru_cache(maxsize=None)
def corpus_document(name: str) -> Document:
    path = EXAMPLES / name
    return Document(path.read_text(encoding="utf-8"), str(path))


def corpus_findings(config) -> list[tuple[str, str, int]]:
    """(file name, code, line) of every finding on examples/ and examples/en/."""
    paths = sorted(EXAMPLES.glob("*.zh.txt")) + sorted((EXAMPLES / "en").glob("*.en.txt"))
    return [
        (path.name, d.code, d.start.line)
        for path in paths
        for d in lint_text(path.read_text(encoding="utf-8"), config=config)
    ]
