"""Benchmark: the ORG and AGD families at two document sizes and two registry sizes.

Run: python bench/bench_org.py [megabytes ...]   (default: 1 4)

Builds documents of about N MB from the corpus's cooperation reports (and,
when ``../shared/realdocs/ecosoc-2023`` is there, its Chinese text, which
names many more bodies and defines many short forms) and times, per MB:
matching the registry, the name table, and the ORG and AGD rules on a
document whose structure is built, with the built-in registry and with one
three times larger (each body copied twice under names that differ from it).
The cost is linear when the ms/MB figures agree across sizes, and the
registry's size does not matter when they agree across registries. Speed is
measured here, never in tests.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from unlint import Config, Document
from unlint.inputs import RunInputs
from unlint.rules import agenda, organizations
from unlint.rules.registry import builtin_organizations

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
REALDOCS = REPO.parent / "shared" / "realdocs" / "ecosoc-2023"
SOURCES = ("sg-report-2018-08-17-cooperation.zh.txt", "sg-report-2010-09-20-cooperation.zh.txt")


def source_text() -> str:
    parts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in SOURCES]
    if REALDOCS.is_dir():
        parts += [path.read_text(encoding="utf-8") for path in sorted(REALDOCS.glob("*.zh.txt"))]
    return "\n".join(parts)


def build_text(source: str, megabytes: float) -> str:
    target = int(megabytes * 1_000_000)
    size = len(source.encode("utf-8"))
    return "\n".join([source] * max(1, round(target / size)))


def larger_registry(copies: int) -> tuple[Mapping[str, Any], ...]:
    """``copies`` more bodies per built-in one, under names no text here uses (a prefix of their own)."""
    entries = []
    for copy in range(1, copies + 1):
        prefix = "甲乙丙丁"[copy - 1] + "方"
        for organization in builtin_organizations():
            entries.append({
                "id": f"{organization.id}-copy-{copy}",
                "zh": prefix + organization.zh,
                "abbreviations": [prefix + a for a in organization.abbreviations],
                "variants": [prefix + v for v in organization.variants],
            })
    return tuple(entries)


def best_of(repeats: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measure(text: str, inputs: RunInputs) -> dict[str, float]:
    config = Config()
    org_rules = organizations.unlint_rules()
    agd_rules = agenda.unlint_rules()
    registry = inputs.organization_registry

    def fresh() -> Document:
        document = Document(text, "bench.txt", inputs=inputs)
        _ = document.agenda, document.paragraph_structure  # structure other families share
        return document

    def run(rules) -> None:
        document = fresh()
        for rule in rules:
            list(rule.check(document, config))

    base = best_of(2, fresh)
    return {
        "registry match": best_of(3, lambda: registry.find(text)),
        "name table": best_of(3, lambda: fresh().names) - base,
        "ORG family": best_of(2, lambda: run(org_rules)) - base,
        "AGD family": best_of(2, lambda: run(agd_rules)) - base,
    }


def main() -> None:
    sizes = [float(arg) for arg in sys.argv[1:]] or [1.0, 4.0]
    source = source_text()
    registries = {"built-in": RunInputs(), "3x": RunInputs(larger_registry(2))}
    for name, inputs in registries.items():
        registry = inputs.organization_registry
        print(f"registry {name}: {len(registry.organizations)} organizations, {len(registry.forms)} forms")
    print(f"{'MB':>5} {'registry':>9} " + " ".join(f"{k:>15}" for k in ("registry match", "name table",
                                                                            "ORG family", "AGD family")) + "  (ms/MB)")
    for megabytes in sizes:
        text = build_text(source, megabytes)
        size = len(text.encode("utf-8")) / 1_000_000
        for name, inputs in registries.items():
            figures = measure(text, inputs)
            print(f"{size:5.2f} {name:>9} " + " ".join(f"{seconds * 1000 / size:15.1f}"
                                                       for seconds in figures.values()))


if __name__ == "__main__":
    main()
