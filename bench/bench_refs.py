"""Benchmark the reference parser: references parsed per second, time per document.

    python bench/bench_refs.py [FILES...]   (default: examples/*.zh.txt and examples/en/*.en.txt)

For each document, reports the number of references, the median CPU time
of ``find_references`` (candidate regexes plus grammar parses) over several
runs, the part of it spent parsing (the grammars), and references per
second. CPU time (``process_time``), not wall time, so that other processes
on a busy machine do not count. The grammars are built once before timing
(as in a real run, where the first document pays for it; that cost is
reported separately).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from unlint.document import Document
from unlint.references import find as find_module
from unlint.references import find_references
from unlint.references.resolutions import resolution_parser
from unlint.references.symbols import symbol_parser

ROOT = Path(__file__).resolve().parents[1]
RUNS = 30


def measure(text: str) -> tuple[int, float, float]:
    """``(references, median seconds in find_references, median seconds in the grammars)``."""
    document = Document(text)
    skip = document.furniture_lines

    def line_of(offset: int) -> int:
        return document.line_index(offset) + 1

    totals, in_grammar = [], []
    count = 0
    for _ in range(RUNS):
        spent = [0.0]
        parse_symbol, parse_resolution = find_module.parse_symbol, find_module.parse_resolution

        def timed(parse, spent=spent):
            def wrapper(*args):
                begin = time.process_time()
                try:
                    return parse(*args)
                finally:
                    spent[0] += time.process_time() - begin
            return wrapper

        find_module.parse_symbol, find_module.parse_resolution = timed(parse_symbol), timed(parse_resolution)
        try:
            begin = time.process_time()
            references = find_references(text, skip, line_of)
            totals.append(time.process_time() - begin)
        finally:
            find_module.parse_symbol, find_module.parse_resolution = parse_symbol, parse_resolution
        in_grammar.append(spent[0])
        count = len(references.symbols) + len(references.citations) + len(references.unparsed)
    return count, statistics.median(totals), statistics.median(in_grammar)


def bench_documents(paths: list[Path]) -> list[dict]:
    """One row of figures per document (for this script and the main bench runner)."""
    rows = []
    for path in paths:
        count, total, parsing = measure(path.read_text(encoding="utf-8"))
        rows.append({
            "document": path.name, "references": count, "total_ms": 1000 * total, "parser_ms": 1000 * parsing,
            "references_per_second": count / total if total else float("inf"),
        })
    return rows


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or sorted(ROOT.glob("examples/*.zh.txt")) + sorted(ROOT.glob("examples/en/*.en.txt"))
    begin = time.process_time()
    symbol_parser(), resolution_parser()
    print(f"grammars built in {1000 * (time.process_time() - begin):.1f} ms (once per process)")
    print(f"{'document':45} {'refs':>5} {'total ms':>9} {'parser ms':>10} {'refs/s':>9}")
    rows = bench_documents(files)
    for row in rows:
        print(f"{row['document']:45} {row['references']:5d} {row['total_ms']:9.2f} {row['parser_ms']:10.2f} "
              f"{row['references_per_second']:9.0f}")
    references, total_ms = sum(r["references"] for r in rows), sum(r["total_ms"] for r in rows)
    print(f"{'all':45} {references:5d} {total_ms:9.2f} {'':>10} {1000 * references / total_ms:9.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
