"""Benchmark issue 19's target: comparing two 100-page documents takes less than checking both.

    python bench/bench_compare.py                        # the real pairs below, when ../shared/realdocs is there
    python bench/bench_compare.py ORIGINAL TRANSLATION   # one pair of your own (both orders)
    python bench/bench_compare.py --runs 5               # more runs per figure (default 3)

Real documents (../shared/realdocs, or $UNLINT_REALDOCS):

- ``word-pdf-en``: the two largest English reports there as both Word and PDF (79 and 71 pages as
  printed), the Word file compared with the PDF: every difference is a reader's, and each has
  tables, footnotes and a contents;
- ``ecosoc-2023``: Chinese and English runs joined, largest first, to about 100 pages of English
  (a page: 3 000 characters, the UN's 500 words; a run that would make it over 110 pages is left out).

Each pair is timed in both orders (ORIGINAL TRANSLATION, then the other way round), since the
larger or the Chinese side may be either. For each it reports the CPU time (user + system, so that
other processes on a busy machine count less than in wall time), the minimum of several runs, of

- ``unlint check --no-cache -j1 A B`` (every default rule on both documents, in one process, as a
  first run: a cached check costs nothing) against ``unlint compare A B``, each in a new process:
  start-up and reading included, as a user runs them;
- the same work warm in one process (rules loaded, grammars built): reading both and linting both,
  against reading both and comparing.

A row PASSES when compare costs less than check both, as a command and warm. The script exits 1
when a row misses.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
class Row:
    name: str
    pages: int
    check_command: float
    compare_command: float
    check_warm: float
    compare_warm: float
    findings: int

    @property
    def passed(self) -> bool:
        return self.compare_command < self.check_command and self.compare_warm < self.check_warm


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


def _warm_seconds(run: Callable[[SourcePair, Config], int], pair: SourcePair, config: Config,
                  runs: int) -> tuple[float, int]:
    """Least CPU time of ``runs`` calls in this process, and what the last call returned."""
    times, found = [], 0
    for _ in range(runs):
        start = time.process_time()
        found = run(pair, config)
        times.append(time.process_time() - start)
    return min(times), found


def _command_seconds(args: list[str], runs: int) -> float:
    """Least user + system CPU time of ``python -m unlint ARGS`` in a new process (its children included)."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "unlint", *args], capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


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


def measure(name: str, pair: SourcePair, config: Config, runs: int) -> Row:
    _compare(pair, config)  # warm caches (grammars, compiled patterns) for both measurements
    check_warm, _ = _warm_seconds(_check_both, pair, config, runs)
    compare_warm, found = _warm_seconds(_compare, pair, config, runs)
    paths = [str(pair.original.path), str(pair.translation.path)]
    check_command = _command_seconds(["check", "--no-cache", "-j1", "--quiet", "--exit-zero", *paths], runs)
    compare_command = _command_seconds(["compare", "--quiet", "--exit-zero", *paths], runs)
    return Row(name, _pages(pair), check_command, compare_command, check_warm, compare_warm, found)


def _print(row: Row) -> None:
    print(f"{row.name:38} {row.pages:5d} | {row.check_command:18.2f}s {row.compare_command:8.2f}s "
          f"{row.compare_command / row.check_command:5.2f} | {row.check_warm:15.2f}s {row.compare_warm:8.2f}s "
          f"{row.compare_warm / row.check_warm:5.2f} | {row.findings:8d}  {'PASS' if row.passed else 'MISS'}",
          flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", metavar="ORIGINAL TRANSLATION")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.paths and len(args.paths) != 2:
        parser.error("give two paths, ORIGINAL and TRANSLATION, or none")
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
        print(f"CPU seconds, least of {args.runs} runs; target: compare < check both (issue 19)")
        print(f"{'pair (ORIGINAL TRANSLATION)':38} {'pages':>5} | {'command: check both':>19} {'compare':>8} "
              f"{'ratio':>5} | {'warm: check both':>16} {'compare':>8} {'ratio':>5} | {'findings':>8}")
        rows = []
        for name, pair in _both_orders(pairs):
            rows.append(measure(name, pair, config, args.runs))
            _print(rows[-1])
    missed = [row.name for row in rows if not row.passed]
    print("PASS: comparing costs less than checking both on every pair" if not missed
          else f"MISS: comparing costs more than checking both on {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
