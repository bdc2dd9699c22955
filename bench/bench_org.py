"""Benchmark: organization matching and the ORG/AGD rules on a large document.

Run: python bench/bench_org.py [megabytes]

Builds a document of about N MB (default 1) from the corpus's cooperation
reports and times (1) matching the whole registry over it and (2) each ORG
and AGD rule on it. Speed is measured here, never in tests.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from unlint import Config, Document
from unlint.rules import agenda, organizations
from unlint.rules.registry import load_registry

EXAMPLES = Path(__file__).parents[1] / "examples"
SOURCES = ("sg-report-2018-08-17-cooperation.zh.txt", "sg-report-2010-09-20-cooperation.zh.txt")


def build_text(megabytes: float) -> str:
    corpus = "\n".join((EXAMPLES / name).read_text(encoding="utf-8") for name in SOURCES)
    target = int(megabytes * 1_000_000)
    encoded = 0
    parts: list[str] = []
    while encoded < target:
        parts.append(corpus)
        encoded += len(corpus.encode("utf-8"))
    return "\n".join(parts)


def best_of(repeats: int, action) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    text = build_text(megabytes)
    size = len(text.encode("utf-8")) / 1_000_000
    registry = load_registry()
    print(f"document: {size:.2f} MB UTF-8, {len(text):,} characters; registry: "
          f"{len(registry.organizations)} organizations, {len(registry.forms)} forms")
    seconds, mentions = best_of(5, lambda: registry.find(text))
    print(f"registry match: {seconds * 1000:8.1f} ms  ({len(mentions):,} mentions)")
    config = Config()
    rules = (*organizations.unlint_rules(), *agenda.unlint_rules())
    seconds, _ = best_of(3, lambda: Document(text, "bench.txt").agenda)
    print(f"document model and agenda parse: {seconds * 1000:8.1f} ms")
    # Each rule on a document whose structure and registry scan are already built,
    # as in a run where the rules share one Document.
    document = Document(text, "bench.txt")
    total = 0.0
    for rule in rules:
        seconds, findings = best_of(3, lambda rule=rule: list(rule.check(document, config)))
        total += seconds
        print(f"{rule.code} {rule.name:<28} {seconds * 1000:8.1f} ms  ({len(findings)} findings)")
    print(f"all ORG and AGD rules on a parsed document: {total * 1000:8.1f} ms")

if __name__ == "__main__":
    main()
