"""Time the footnote, heading, contents and reference parsers and the FTN/XRF rules.

    python bench/structure_ftn_xrf.py [ROUNDS]

Each round builds fresh Documents for the corpus (examples/ and examples/en/),
so every parse is paid again, as when unlint checks a new file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from unlint import Config, lint_text
from unlint.document import Document

ROOT = Path(__file__).resolve().parents[1]
PARSERS = ("footnotes", "footnote_match", "toc", "headings", "internal_references", "lettered_items")


def main(rounds: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("examples/**/*.txt")) if p.name != "SOURCES.md"]
    chars = sum(map(len, texts))
    spent = dict.fromkeys(PARSERS, 0.0)
    for _ in range(rounds):
        for text in texts:
            document = Document(text)
            _ = document.furniture_lines, document.paragraph_structure  # shared inputs, timed elsewhere
            for name in PARSERS:
                began = time.perf_counter()
                getattr(document, name)
                spent[name] += time.perf_counter() - began
    for name, seconds in spent.items():
        print(f"{name:22s} {seconds / rounds * 1000:8.1f} ms per corpus pass")
    config = Config(select=("FTN", "XRF"))
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            lint_text(text, config=config)
    elapsed = (time.perf_counter() - start) / rounds
    print(f"FTN+XRF end to end     {elapsed * 1000:8.1f} ms per pass, {chars / elapsed / 1e6:.2f} M chars/s, {len(texts)} files")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
