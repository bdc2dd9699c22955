"""Benchmark: the ORG family at two document sizes and two registry sizes, against a baseline.

Run: python bench/bench_org.py [--sizes 1 4] [--baseline PYTHON]

Issue 15 asks that the ORG family be "linear in the document and in the
registry: no more per MB than today with a registry three times larger".
This script times, in CPU seconds per MB, what the ORG family (and the AGD
family beside it) adds to a run: ``lint_document`` with only that family
selected, minus the same run with no rule (the engine and the Document), so
the structure the family parses (mentions, name table, agenda) counts.

- Documents of about N MB are built from the corpus's cooperation reports
  and, when ``../shared/realdocs/ecosoc-2023`` is there, its Chinese text
  (which names many more bodies and defines many short forms).
- Registries: the built-in one, and one three times larger, each body
  copied twice under names built like real ones: the first character taken
  from another body's name, or the name's own third character moved to the
  front. Their first characters and prefixes are as common in UN text as the
  real names', so the larger registry costs what a real one would (copies
  under a rare prefix would cost nothing and prove nothing).
- ``--baseline PYTHON``: the Python of another checkout's venv (the first
  round's code, "today" in issue 15) runs the same measurement on the same
  text with its own built-in registry, in the same session, so that the
  machine's load affects both alike. Each figure of this checkout is then
  compared with the baseline's at the same size: PASS when it costs no more.

Timings are the best of a few runs; the machine is shared, so compare
figures of one run, not across runs. Speed is measured here, never in tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
REALDOCS = REPO.parent / "shared" / "realdocs" / "ecosoc-2023"
SOURCES = ("sg-report-2018-08-17-cooperation.zh.txt", "sg-report-2010-09-20-cooperation.zh.txt")
FAMILIES = ("ORG", "AGD")

#: The measurement, run here and by the baseline's Python: it uses only what both versions have
#: (``Document(text, path)``, ``lint_document``, ``Config(select=...)``), and the registry's extra
#: entries only where the code knows them.
MEASURE = r'''
import json, sys, time
from unlint import Config
from unlint.document import Document
from unlint.runner import default_rules, lint_document

def measure(text, families, extra, repeats):
    rules = default_rules()
    make = lambda: Document(text, "bench.txt")
    if extra:
        from unlint.inputs import RunInputs
        inputs = RunInputs(tuple(extra))
        _ = inputs.organization_registry
        make = lambda: Document(text, "bench.txt", inputs=inputs)

    def best(select):
        config = Config(select=select)
        times = []
        for _ in range(repeats):
            document = make()
            start = time.process_time()
            lint_document(document, config, rules)
            times.append(time.process_time() - start)
        return min(times)

    best(("ORG",))  # warm: compiled patterns, caches of the registry
    engine = best(("UNL001",))
    return {family: best((family,)) - engine for family in families}

if __name__ == "__main__":
    request = json.loads(sys.stdin.read())
    text = open(request["text"], encoding="utf-8").read()
    print(json.dumps(measure(text, request["families"], request.get("extra", []), request["repeats"])))
'''


def source_text() -> str:
    parts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in SOURCES]
    if REALDOCS.is_dir():
        parts += [path.read_text(encoding="utf-8") for path in sorted(REALDOCS.glob("*.zh.txt"))]
    return "\n".join(parts)


def build_text(source: str, megabytes: float) -> str:
    target = int(megabytes * 1_000_000)
    size = len(source.encode("utf-8"))
    return "\n".join([source] * max(1, round(target / size)))


def larger_registry() -> list[Mapping[str, Any]]:
    """Two more bodies per built-in one, named like real ones (see the module's docstring)."""
    from unlint.rules.registry import builtin_organizations, load_registry

    organizations = builtin_organizations()
    taken = set(load_registry().forms)
    entries = []

    def renamed(name: str, copy: int, index: int) -> str:
        if copy == 1:
            return organizations[(index + 7) % len(organizations)].zh[0] + name[1:]
        return (name[2] if len(name) > 3 else name[-1]) + name[1:]

    for copy in (1, 2):
        for index, organization in enumerate(organizations):
            zh = renamed(organization.zh, copy, index)
            abbreviations = [renamed(a, copy, index) for a in organization.abbreviations if len(a) > 2]
            variants = [renamed(v, copy, index) for v in organization.variants]
            forms = [zh, *abbreviations, *variants]
            if taken.intersection(forms) or len(set(forms)) < len(forms):
                continue  # a form another body has: the registry would refuse it
            taken.update(forms)
            entries.append({"id": f"{organization.id}-copy-{copy}", "zh": zh, "abbreviations": abbreviations,
                            "variants": variants})
    return entries


def run_measure(python: str, text_file: Path, extra: list[Mapping[str, Any]], repeats: int) -> dict[str, float]:
    request = {"text": str(text_file), "families": FAMILIES, "extra": extra, "repeats": repeats}
    result = subprocess.run([python, "-c", MEASURE], input=json.dumps(request, ensure_ascii=False),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"bench_org: the measurement failed under {python}:\n{result.stderr.strip()}")
    return json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0], help="document sizes in MB")
    parser.add_argument("--baseline", metavar="PYTHON", help="the Python of a baseline checkout's venv")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    registries = {"built-in": [], "3x": larger_registry()}
    from unlint.inputs import RunInputs

    for name, extra in registries.items():
        registry = RunInputs(tuple(extra)).organization_registry
        print(f"registry {name}: {len(registry.organizations)} organizations, {len(registry.forms)} forms, "
              f"{len({form[0] for form in registry.forms})} first characters")
    missed = 0
    print(f"{'MB':>5} {'code':>9} {'registry':>9} " + " ".join(f"{f:>8}" for f in FAMILIES) + "  (CPU ms/MB)")
    with tempfile.TemporaryDirectory(prefix="bench-org-") as folder:
        for megabytes in args.sizes:
            text = build_text(source_text(), megabytes)
            size = len(text.encode("utf-8")) / 1_000_000
            text_file = Path(folder) / "text.txt"
            text_file.write_text(text, encoding="utf-8")
            baseline = run_measure(args.baseline, text_file, [], args.repeats) if args.baseline else None
            if baseline is not None:
                print(f"{size:5.2f} {'baseline':>9} {'its own':>9} "
                      + " ".join(f"{baseline[f] * 1000 / size:8.1f}" for f in FAMILIES))
            for name, extra in registries.items():
                figures = run_measure(sys.executable, text_file, extra, args.repeats)
                verdict = ""
                if baseline is not None:
                    ok = figures["ORG"] <= baseline["ORG"]
                    missed += not ok
                    verdict = f"  ORG {figures['ORG'] / baseline['ORG']:.2f} x baseline: {'PASS' if ok else 'MISS'}"
                print(f"{size:5.2f} {'this':>9} {name:>9} "
                      + " ".join(f"{figures[f] * 1000 / size:8.1f}" for f in FAMILIES) + verdict)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
