"""Time each TYP rule on the example corpus: ``python bench/bench_typography.py [ROUNDS]``.

Each round parses every document afresh, so the figure includes the share of
the document model (blocks, paragraphs, furniture) that the rule asks for.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from unlint import Config, Document
from unlint.rules.typography import unlint_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main(rounds: int = 10) -> None:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.rglob("*.txt")) if p.name != "SOURCES.md"]
    config = Config()
    for rule in unlint_rules():
        started = time.perf_counter()
        for _ in range(rounds):
            for name, text in texts:
                list(rule.check(Document(text, name), config))
        per_document = (time.perf_counter() - started) / (rounds * len(texts)) * 1000
        print(f"{rule.code} {rule.name:<26} {per_document:6.1f} ms per document")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
