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
from unlint.references.grammar import load_grammar

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


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or sorted(ROOT.glob("examples/*.zh.txt")) + sorted(ROOT.glob("examples/en/*.en.txt"))
    begin = time.process_time()
    load_grammar("symbol"), load_grammar("resolution")
    print(f"grammars built in {1000 * (time.process_time() - begin):.1f} ms (once per process)")
    print(f"{'document':45} {'refs':>5} {'total ms':>9} {'parser ms':>10} {'refs/s':>9}")
    all_refs, all_time = 0, 0.0
    for path in files:
        count, total, parsing = measure(path.read_text(encoding="utf-8"))
        all_refs, all_time = all_refs + count, all_time + total
        rate = count / total if total else float("inf")
        print(f"{path.name:45} {count:5d} {1000 * total:9.2f} {1000 * parsing:10.2f} {rate:9.0f}")
    print(f"{'all':45} {all_refs:5d} {1000 * all_time:9.2f} {'':>10} {all_refs / all_time:9.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
