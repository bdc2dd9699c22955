"""Benchmark issue 19's target: comparing two 100-page documents takes less than checking both.

    python bench/bench_compare.py                        # the real pairs below, when ../shared/realdocs is there
    python bench/bench_compare.py ORIGINAL TRANSLATION   # one pair of your own (both orders)
    python bench/bench_compare.py --runs 9               # more runs per figure (default 5)

Real documents (../shared/realdocs, or $UNLINT_REALDOCS):

- ``word-pdf-en``: the two largest English reports there as both Word and PDF (79 and 71 pages as
  printed), the Word file compared with the PDF: every difference is a reader's, and each has
  tables, footnotes and a contents;
- ``ecosoc-2023``: Chinese and English runs joined, largest first, to about 100 pages of English
  (a page: 3 000 characters, the UN's 500 words; a run that would make it over 110 pages is left out).

Each pair is timed in both orders (ORIGINAL TRANSLATION, then the other way round), since the
larger or the Chinese side may be either. For each it reports the CPU time (user + system, so that
other processes on a busy machine count less than in wall time) over several runs, check and compare
taking turns so that a change in the machine's load falls on both alike, of

- ``unlint check --no-cache -j1 A B`` (every default rule on both documents, in one process, as a
  first run: a cached check costs nothing) against ``unlint compare A B``, each in a new process:
  start-up and reading included, as a user runs them;
- the same work warm in one process (rules loaded, grammars built): reading both and linting both,
  against reading both and comparing.

Each figure is the least of the runs; the ratios are given at the least and at the median, and a
row PASSES when compare costs less than check both at both, as a command and warm. The script exits 1
when a row misses.

    python bench/bench_compare.py --instructions         # the verdict on instruction counts (valgrind)

On the English Word/PDF pairs both commands spend nine tenths of their time reading the two files,
the same work, so compare is cheaper by a few per cent: less than the run-to-run noise of CPU time
on a shared two-core machine, which then puts the ratio on either side of 1 from one run to the next.
``--instructions`` counts, once per command, the instructions each executes under valgrind's
cachegrind (with a fixed hash seed, as deterministic as a measure gets: the way iai and CodSpeed
measure in CI) and bases the verdict on those counts, as a command; the CPU columns are still shown.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import instructions  # noqa: E402 - bench/ is the script's folder, first on sys.path
from unlint.compare.pairs import SourcePair
from unlint.compare.run import compare_pair
from unlint.config import Config
from unlint.document import Document
from unlint.files import Source, read_source
from unlint.runner import default_rules, lint_document

REALDOCS = Path(os.environ.get("UNLINT_REALDOCS", Path(__file__).resolve().parents[2] / "shared" / "realdocs"))
#: Characters of English text to a page.
PAGE = 3000
#: The issue's size.
PAGES = 100
#: The largest documents of word-pdf-en that are there as both Word and PDF.
WORD_PDF = ("A-81-6-Sect.18", "A-80-605")


@dataclass(frozen=True)
class Times:
    """CPU seconds of each run of check both and of compare, in the order they ran."""

    check: tuple[float, ...]
    compare: tuple[float, ...]

    @property
    def least(self) -> tuple[float, float]:
        return min(self.check), min(self.compare)

    @property
    def ratios(self) -> tuple[float, float]:
        """compare / check at the least and at the median of the runs."""
        return (min(self.compare) / min(self.check),
                statistics.median(self.compare) / statistics.median(self.check))


@dataclass(frozen=True)
class Row:
    name: str
    pages: int
    command: Times
    warm: Times
    findings: int
    #: Instructions of check both and of compare, as commands, when counted.
    instructions: tuple[int, int] | None = None

    @property
    def passed(self) -> bool:
        if self.instructions is not None:
            check, compare = self.instructions
            return compare < check
        return all(ratio < 1 for ratio in (*self.command.ratios, *self.warm.ratios))


def _source(path: Path) -> Source:
    return Source(str(path), path)


def _check_both(pair: SourcePair, config: Config) -> int:
    """What ``unlint check`` does with the two files: read each, run every default rule on it."""
    rules = default_rules()
    found = 0
    for source in (pair.original, pair.translation):
        decoded = read_source(source)
        document = Document(decoded.text, source.display, config.document_date, decoded.layout)
        found += len(lint_document(document, config, rules))
    return found


def _compare(pair: SourcePair, config: Config) -> int:
    return len(compare_pair(pair, config, default_rules()).diagnostics)


def _warm_seconds(run: Callable[[SourcePair, Config], int], pair: SourcePair, config: Config) -> tuple[float, int]:
    """CPU time of one call in this process, a collection after it included, and what it returned.

    Each run starts from a collected heap, so that the cycle collector's counts stand where they stood
    for the other command's run: a full collection falls due after so many allocations, whoever makes
    them, and costs in proportion to all that is alive. (unlint leaves no cyclic garbage: the collection
    after the call finds none, and costs both commands alike.)
    """
    gc.collect()
    start = time.process_time()
    found = run(pair, config)
    gc.collect()
    return time.process_time() - start, found


def _command_seconds(args: list[str]) -> float:
    """User + system CPU time of ``python -m unlint ARGS`` in a new process (its children included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "unlint", *args], capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _instructions(args: list[str]) -> int:
    """Instructions ``python -m unlint ARGS`` executes, counted by valgrind's cachegrind."""
    return instructions.count([sys.executable, "-m", "unlint", *args])


def count_instructions(pair: SourcePair) -> tuple[int, int]:
    """Instructions of ``unlint check`` on both files and of ``unlint compare``, one run each."""
    paths = [str(pair.original.path), str(pair.translation.path)]
    for args in (["check", "--no-cache", "-j1", "--quiet", "--exit-zero", *paths],
                 ["compare", "--quiet", "--exit-zero", *paths]):
        subprocess.run([sys.executable, "-m", "unlint", *args], capture_output=True, check=False)  # compile, cache
    return (_instructions(["check", "--no-cache", "-j1", "--quiet", "--exit-zero", *paths]),
            _instructions(["compare", "--quiet", "--exit-zero", *paths]))


def _pages(pair: SourcePair) -> int:
    """Pages of the pair's larger side, counting a Chinese character as three English ones."""
    def pages(source: Source) -> int:
        text = read_source(source).text
        chinese = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        return (len(text) + 2 * chinese) // PAGE
    return max(pages(pair.original), pages(pair.translation))


def _real_pairs(folder: Path) -> list[tuple[str, SourcePair]]:
    pairs = []
    word_pdf = REALDOCS / "word-pdf-en"
    for name in WORD_PDF:
        word, pdf = word_pdf / f"{name}.docx", word_pdf / f"{name}.pdf"
        if word.is_file() and pdf.is_file():
            pairs.append((f"{name} docx-pdf", SourcePair(_source(word), _source(pdf))))
    ecosoc = REALDOCS / "ecosoc-2023"
    runs = sorted(ecosoc.glob("*.zh.txt"), key=lambda p: p.stat().st_size, reverse=True)
    if runs:
        texts: dict[str, list[str]] = {"en": [], "zh": []}
        for run in runs:
            english = run.with_name(run.name.replace(".zh.", ".en.")).read_text(encoding="utf-8")
            size = sum(len(t) for t in texts["en"])
            if size >= PAGES * PAGE or size + len(english) > PAGES * PAGE * 1.1:
                continue  # enough, or too much with this run: a smaller one may fit
            texts["en"].append(english)
            texts["zh"].append(run.read_text(encoding="utf-8"))
        joined = {}
        for language, parts in texts.items():
            joined[language] = folder / f"ecosoc-2023-joined.{language}.txt"
            joined[language].write_text("\n".join(parts), encoding="utf-8")
        pairs.append((f"ecosoc-2023 ({len(texts['en'])} runs) en-zh",
                      SourcePair(_source(joined["en"]), _source(joined["zh"]))))
    return pairs


def _both_orders(pairs: list[tuple[str, SourcePair]]) -> list[tuple[str, SourcePair]]:
    found = []
    for name, pair in pairs:
        found.append((name, pair))
        found.append((f"{name} (reversed)", SourcePair(pair.translation, pair.original)))
    return found


def measure(name: str, pair: SourcePair, config: Config, runs: int, instructions: bool = False) -> Row:
    _compare(pair, config)  # warm caches (grammars, compiled patterns) for both measurements
    warm: dict[str, list[float]] = {"check": [], "compare": []}
    found = 0
    for _ in range(runs):
        warm["check"].append(_warm_seconds(_check_both, pair, config)[0])
        seconds, found = _warm_seconds(_compare, pair, config)
        warm["compare"].append(seconds)
    paths = [str(pair.original.path), str(pair.translation.path)]
    command: dict[str, list[float]] = {"check": [], "compare": []}
    for _ in range(runs):
        command["check"].append(_command_seconds(["check", "--no-cache", "-j1", "--quiet", "--exit-zero", *paths]))
        command["compare"].append(_command_seconds(["compare", "--quiet", "--exit-zero", *paths]))
    return Row(name, _pages(pair), Times(tuple(command["check"]), tuple(command["compare"])),
               Times(tuple(warm["check"]), tuple(warm["compare"])), found,
               count_instructions(pair) if instructions else None)


def _columns(times: Times) -> str:
    check, compare = times.least
    at_least, at_median = times.ratios
    return f"{check:6.2f}s {compare:7.2f}s {at_least:5.2f} {at_median:6.2f}"


def _print(row: Row) -> None:
    counted = ""
    if row.instructions is not None:
        check, compare = row.instructions
        counted = f"{check / 1e9:6.2f}G {compare / 1e9:7.2f}G {compare / check:5.3f} | "
    print(f"{row.name:38} {row.pages:5d} | {_columns(row.command)} | {_columns(row.warm)} | {counted}"
          f"{row.findings:8d}  {'PASS' if row.passed else 'MISS'}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", metavar="ORIGINAL TRANSLATION")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions with valgrind, and judge by those")
    args = parser.parse_args(argv)
    if args.paths and len(args.paths) != 2:
        parser.error("give two paths, ORIGINAL and TRANSLATION, or none")
    if args.instructions and not instructions.available():
        parser.error("--instructions needs valgrind (apt install valgrind)")
    config = Config()
    default_rules()  # load the rules (and build the grammars) before timing, as a warm run would
    with tempfile.TemporaryDirectory() as folder:
        if args.paths:
            pairs = [("given", SourcePair(*(_source(Path(p)) for p in args.paths)))]
        else:
            pairs = _real_pairs(Path(folder))
            if not pairs:
                print(f"bench_compare: no real documents under {REALDOCS}; give ORIGINAL TRANSLATION",
                      file=sys.stderr)
                return 2
        print(f"CPU seconds, least of {args.runs} interleaved runs; ratio compare / check both at the least (min) "
              "and at the median (med); target: both under 1 (issue 19)")
        counted = f" {'instructions (command)':^27} |" if args.instructions else ""
        print(f"{'':44} | {'command':^29} | {'warm (one process)':^29} |{counted}")
        counted = f" {'check':>7} {'compare':>8} {'ratio':>5} |" if args.instructions else ""
        print(f"{'pair (ORIGINAL TRANSLATION)':38} {'pages':>5} | {'check':>7} {'compare':>8} {'min':>5} {'med':>6} | "
              f"{'check':>7} {'compare':>8} {'min':>5} {'med':>6} |{counted} {'findings':>8}")
        rows = []
        for name, pair in _both_orders(pairs):
            rows.append(measure(name, pair, config, args.runs, args.instructions))
            _print(rows[-1])
    missed = [row.name for row in rows if not row.passed]
    measure_used = "in instructions, as commands" if args.instructions else "at the least and the median"
    print(f"PASS: comparing costs less than checking both on every pair ({measure_used})" if not missed
          else f"MISS: comparing costs as much as checking both or more ({measure_used}) on {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
