"""Accuracy of unlint on real UN documents: false alarms, coverage and recall.

    python bench/accuracy.py                    # every section
    python bench/accuracy.py --no-recall        # findings only
    python bench/accuracy.py --copies 5 --seed 7

Document sets: ``ecosoc-2023`` (``../shared/realdocs`` or ``--realdocs``,
when present; run with document date 2023-07-31, as the corpus lost its
mastheads), ``examples-en`` (``examples/en``), ``corpus`` (``examples/*.zh.txt``)
and ``regression`` (the real excerpts under ``tests/data/realdocs``).

Findings: per document and per rule family, the number of findings, the
number per 100 KB of UTF-8 text, and the findings that no entry of
``bench/verified/*.toml`` lists (format in ``accuracy_verified.py``); real
errors and artifacts are counted apart, and entries that no finding matches
any more are reported as stale.

Coverage: the sections ``bench/citations.py`` (citation coverage),
``bench/accuracy_docx.py`` and ``bench/accuracy_pdf.py`` (Word and PDF
readers) run when those files exist; each is called as ``section(sets)`` with
the list of :class:`DocSet` when it has one, else as ``main([])`` or ``main()``
(its own default inputs).

Recall: errors of each kind (``accuracy_planting.py``) planted into copies of
the real documents, one per copy, and looked for at their line by the rule
that should find them; found/planted per kind and overall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import inspect
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unlint import Config, Diagnostic, Document
from unlint.runner import default_rules, lint_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_planting import KINDS, Plant, choose, target  # noqa: E402
from accuracy_verified import Entry, VerifiedListError, load_verified  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
KB100 = 100 * 1024
NOT_CHECKED = "UNL004"


@dataclass(frozen=True)
class DocSet:
    """A named set of documents, checked with one document date (None: the masthead's)."""

    name: str
    files: tuple[Path, ...]
    date: dt.date | None = None
    planted: bool = True  # whether recall plants errors into copies of these documents


@dataclass
class DocResult:
    path: Path
    size: int
    findings: list[Diagnostic]
    verified: dict[int, Entry] = field(default_factory=dict)  # index of finding -> its entry
    not_checked: tuple[str, ...] = ()

    @property
    def unverified(self) -> list[Diagnostic]:
        return [d for i, d in enumerate(self.findings) if i not in self.verified]

    def count(self, kind: str) -> int:
        return sum(entry.kind == kind for entry in self.verified.values())


def document_sets(realdocs: Path) -> list[DocSet]:
    sets = []
    ecosoc = realdocs / "ecosoc-2023"
    if ecosoc.is_dir():
        sets.append(DocSet("ecosoc-2023", tuple(sorted(ecosoc.glob("*.txt"))), dt.date(2023, 7, 31)))
    sets.append(DocSet("examples-en", tuple(sorted((ROOT / "examples/en").glob("*.txt")))))
    sets.append(DocSet("corpus", tuple(sorted((ROOT / "examples").glob("*.zh.txt")))))
    dates = {s.name: s.date for s in sets} | {"ecosoc-2023": dt.date(2023, 7, 31)}
    regression = ROOT / "tests/data/realdocs"
    for folder in sorted(p for p in regression.glob("*") if p.is_dir()):
        files = tuple(sorted(folder.rglob("*.txt")))
        if files:
            sets.append(DocSet(f"regression/{folder.name}", files, dates.get(folder.name), planted=False))
    return sets


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def lint(text: str, name: str, date: dt.date | None, select: tuple[str, ...] = ("ALL",)) -> tuple[list[Diagnostic], Document]:
    document = Document(text, name, date)
    return lint_document(document, Config(select=select, document_date=date), default_rules()), document


# -- findings ---------------------------------------------------------------------


def check_set(docset: DocSet, verified: dict[tuple[str, str, str], Entry]) -> list[DocResult]:
    results = []
    for path in docset.files:
        text = read(path)
        everything, _ = lint(text, path.name, docset.date)
        # UNL004 says what was not checked: not a finding, listed apart.
        findings = [d for d in everything if d.code != NOT_CHECKED]
        notes = tuple(f"line {d.start.line}: {d.message}" for d in everything if d.code == NOT_CHECKED)
        result = DocResult(path, len(text.encode("utf-8")), findings, not_checked=notes)
        for index, finding in enumerate(findings):
            entry = verified.get((path.name, finding.code, finding.span_text))
            if entry is not None:
                result.verified[index] = entry
        results.append(result)
    return results


def per100(count: int, size: int) -> str:
    return f"{count * KB100 / size:6.2f}" if size else "   -  "


def print_findings(docset: DocSet, results: list[DocResult]) -> None:
    print(f"\n## {docset.name}" + (f" (document date {docset.date})" if docset.date else ""))
    print(f"{'document':42s} {'KB':>6s} {'found':>5s} {'/100KB':>6s} {'real':>4s} {'artif':>5s} "
          f"{'unver':>5s} {'/100KB':>6s}  families (unverified)")
    for r in results:
        families = Counter(d.code[:3] for d in r.findings)
        loose = Counter(d.code[:3] for d in r.unverified)
        fam = " ".join(f"{f} {n}({loose[f]})" for f, n in sorted(families.items()))
        print(f"{r.path.name:42s} {r.size / 1024:6.0f} {len(r.findings):5d} {per100(len(r.findings), r.size)} "
              f"{r.count('error'):4d} {r.count('artifact'):5d} {len(r.unverified):5d} "
              f"{per100(len(r.unverified), r.size)}  {fam}")
    size = sum(r.size for r in results)
    total = sum(len(r.findings) for r in results)
    loose_total = sum(len(r.unverified) for r in results)
    print(f"{'TOTAL':42s} {size / 1024:6.0f} {total:5d} {per100(total, size)} "
          f"{sum(r.count('error') for r in results):4d} {sum(r.count('artifact') for r in results):5d} "
          f"{loose_total:5d} {per100(loose_total, size)}")
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for i, d in enumerate(r.findings):
            by_family[d.code[:3]][0] += 1
            by_family[d.code[:3]][1] += i not in r.verified
    if by_family:
        print("per family: " + ", ".join(f"{f} {n} ({u} unverified, {per100(u, size).strip()}/100KB)"
                                         for f, (n, u) in sorted(by_family.items())))
    for r in results:
        for d in r.unverified:
            print(f"  UNVERIFIED {r.path.name}:{d.start.line}:{d.start.column}: {d.code} "
                  f"[{d.span_text[:40]}] {d.message[:140]}")
        for reason in r.not_checked:
            print(f"  NOT CHECKED {r.path.name}: {reason}")
    for r in results:
        for i, d in enumerate(r.findings):
            entry = r.verified.get(i)
            if entry is not None and entry.kind == "artifact":
                print(f"  artifact {r.path.name}:{d.start.line}: {d.code} [{d.span_text[:30]}] {entry.reason[:90]}")


def stale_entries(verified: dict[tuple[str, str, str], Entry], results: Iterable[DocResult]) -> list[Entry]:
    results = list(results)
    checked = {r.path.name for r in results}
    used = {entry.key for r in results for entry in r.verified.values()}
    return [e for key, e in verified.items() if e.file in checked and key not in used]


# -- optional sections by other modules ------------------------------------------------


def optional_section(name: str, sets: list[DocSet]) -> None:
    path = ROOT / "bench" / f"{name}.py"
    if not path.exists():
        print(f"\n## {name}: bench/{name}.py is not there yet; skipped")
        return
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the module runs
    print(f"\n## {name}")
    try:
        spec.loader.exec_module(module)
        if hasattr(module, "section"):
            module.section(sets)
        elif hasattr(module, "main"):
            # main(), main(argv) or main(folder=default): no arguments means the module's own default inputs.
            parameters = list(inspect.signature(module.main).parameters.values())
            needs_argument = parameters and parameters[0].default is inspect.Parameter.empty
            module.main(*([[]] if needs_argument else []))
        else:
            print(f"bench/{name}.py has neither section(sets) nor main(); skipped")
    except SystemExit:
        pass
    except Exception as err:  # noqa: BLE001 - one failing section must not hide the others
        print(f"section {name} failed: {type(err).__name__}: {err}")


# -- recall ------------------------------------------------------------------------


@dataclass
class Tally:
    code: str = ""
    found: int = 0
    planted: int = 0
    missed: list[str] = field(default_factory=list)


def recall(sets: list[DocSet], copies: int, seed: int, show_missed: int) -> None:
    print(f"\n## Recall on planted errors ({copies} copies per document and kind, one error per copy, seed {seed})")
    tallies: dict[str, Tally] = defaultdict(Tally)
    for docset in sets:
        if not docset.planted:
            continue
        for path in docset.files:
            text = read(path)
            base_date = docset.date or Document(text).date
            place = target(text, base_date)
            baselines: dict[str, Counter[int]] = {}
            for planter in KINDS:
                rng = random.Random(f"{seed}:{path.name}:{planter.__name__}")
                for plant in choose(planter, place, rng, copies):
                    if plant.code not in baselines:
                        found, _ = lint(text, path.name, docset.date, (plant.code,))
                        baselines[plant.code] = Counter(d.start.line for d in found)
                    tally = tallies[plant.kind]
                    tally.code = plant.code
                    tally.planted += 1
                    if _found(plant, text, path.name, docset.date, baselines[plant.code]):
                        tally.found += 1
                    else:
                        context = text[max(0, plant.start - 12):plant.end + 12].replace("\n", " ")
                        tally.missed.append(f"{path.name}:{plant.lines[0]} {plant.code} "
                                            f"{text[plant.start:plant.end]!r}->{plant.replacement!r} in …{context}…")
    found = sum(t.found for t in tallies.values())
    planted = sum(t.planted for t in tallies.values())
    print(f"{'kind':30s} {'code':7s} {'found':>5s} {'planted':>7s} {'recall':>7s}")
    for kind, tally in tallies.items():
        print(f"{kind:30s} {tally.code:7s} {tally.found:5d} {tally.planted:7d} {tally.found / tally.planted:7.0%}")
    if planted:
        print(f"{'OVERALL':30s} {'':7s} {found:5d} {planted:7d} {found / planted:7.0%}")
    for kind, tally in tallies.items():
        for line in tally.missed[:show_missed]:
            print(f"  MISSED {kind}: {line}")


def _found(plant: Plant, text: str, name: str, date: dt.date | None, baseline: Counter[int]) -> bool:
    """Whether the copy has more findings of the plant's code on one of its lines than the original."""
    findings, _ = lint(plant.apply(text), name, date, (plant.code,))
    after = Counter(d.start.line for d in findings if d.code == plant.code)
    return any(after[line] > baseline[line] for line in plant.lines)


# -- main ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdocs", type=Path, default=REALDOCS, help="folder holding ecosoc-2023/ (optional)")
    parser.add_argument("--copies", type=int, default=3, help="planted copies per document and kind")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-recall", action="store_true")
    parser.add_argument("--no-sections", action="store_true", help="skip citations, docx and pdf sections")
    parser.add_argument("--show-missed", type=int, default=5, help="missed plants listed per kind")
    args = parser.parse_args(argv)
    try:
        verified = load_verified(ROOT / "bench/verified")
    except VerifiedListError as err:
        print(f"bench/verified: {err}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    sets = document_sets(args.realdocs)
    everything: list[DocResult] = []
    print("# unlint accuracy on real documents")
    for docset in sets:
        results = check_set(docset, verified)
        print_findings(docset, results)
        everything.extend(results)
    stale = stale_entries(verified, everything)
    print(f"\nverified lists: {len(verified)} entries, {len(stale)} stale")
    for entry in stale:
        print(f"  STALE {entry.source}: {entry.file} {entry.code} {entry.text!r} (no finding matches)")
    if not args.no_sections:
        for name in ("citations", "accuracy_docx", "accuracy_pdf"):
            optional_section(name, sets)
    if not args.no_recall:
        recall(sets, args.copies, args.seed, args.show_missed)
    print(f"\n({time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
