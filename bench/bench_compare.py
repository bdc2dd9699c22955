"""Benchmark ``unlint compare`` against checking both documents.

    python bench/bench_compare.py [ORIGINAL TRANSLATION]
    (default: the five ecosoc-2023 runs of ../shared/realdocs, or $UNLINT_REALDOCS, joined into one English and one Chinese
    document of about 250 pages each, and the largest run alone, about 100 pages)

For each pair, reports the median CPU time (so that other processes on a busy
machine do not count) over several runs of

- *check both*: reading each document and running every rule on it, as
  ``unlint check --no-cache -j1 ORIGINAL TRANSLATION`` does;
- *compare*: reading both and running the CMP rules on the translation, as
  ``unlint compare ORIGINAL TRANSLATION`` does;

twice: *in process* (warm: rules loaded, grammars built; ``process_time``) and
*command* (the real command in a new process, start-up included, as a user
runs it; user and system time of the child).

The issue's target: comparing two 100-page documents takes less than checking both.
Pages are counted as 3 000 characters of English (the UN's page is about 500 words).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from unlint.compare.pairs import SourcePair
from unlint.compare.run import compare_pair
from unlint.config import Config
from unlint.document import Document
from unlint.files import Source, read_source
from unlint.runner import default_rules, lint_document

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = Path(os.environ.get("UNLINT_REALDOCS", Path(__file__).resolve().parents[2] / "shared" / "realdocs")) / "ecosoc-2023"
RUNS = 3
PAGE = 3000


def _check_both(pair: SourcePair, config: Config) -> int:
    rules = default_rules()
    found = 0
    for source in (pair.original, pair.translation):
        decoded = read_source(source)
        document = Document(decoded.text, source.display, config.document_date, decoded.layout)
        found += len(lint_document(document, config, rules))
    return found


def _compare(pair: SourcePair, config: Config) -> int:
    return len(compare_pair(pair, config, default_rules()).diagnostics)


def _median_seconds(run, pair: SourcePair, config: Config) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(RUNS):
        start = time.process_time()
        found = run(pair, config)
        times.append(time.process_time() - start)
    return statistics.median(times), found


def _command_seconds(args: list[str]) -> float:
    """Median user+system CPU time of ``python -m unlint ARGS`` in a new process."""
    times = []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "unlint", *args], capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def _pairs(args: list[str], folder: Path) -> list[tuple[str, SourcePair]]:
    if len(args) == 2:
        return [("given", SourcePair(Source(args[0], Path(args[0])), Source(args[1], Path(args[1]))))]
    if not REALDOCS.is_dir():
        sys.exit(f"bench_compare: {REALDOCS} not found; give ORIGINAL TRANSLATION")
    runs = sorted(REALDOCS.glob("*.zh.txt"))
    largest = max(runs, key=lambda p: p.stat().st_size)
    joined = {}
    for language in ("en", "zh"):
        text = "\n".join(p.with_name(p.name.replace(".zh.", f".{language}.")).read_text(encoding="utf-8")
                         for p in runs)
        joined[language] = folder / f"joined.{language}.txt"
        joined[language].write_text(text, encoding="utf-8")
    english = largest.with_name(largest.name.replace(".zh.", ".en."))
    return [
        (largest.name.replace(".zh.txt", ""), SourcePair(Source(str(english), english), Source(str(largest), largest))),
        ("all five runs joined", SourcePair(Source("joined.en.txt", joined["en"]), Source("joined.zh.txt", joined["zh"]))),
    ]


def main(args: list[str]) -> None:
    config = Config()
    default_rules()  # load the rules (and build the grammars) before timing, as a warm run would
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'pair':28} {'pages':>5} | in process: {'check both':>10} {'compare':>8} {'ratio':>5} | "
              f"command: {'check both':>10} {'compare':>8} {'ratio':>5} | {'findings':>8}")
        for name, pair in _pairs(args, Path(folder)):
            pages = len(read_source(pair.original).text) // PAGE
            _compare(pair, config)  # warm caches (grammars, compiled patterns) for both measurements
            checked, _ = _median_seconds(_check_both, pair, config)
            compared, found = _median_seconds(_compare, pair, config)
            paths = [str(pair.original.path), str(pair.translation.path)]
            check_command = _command_seconds(["check", "--no-cache", "-j1", *paths])
            compare_command = _command_seconds(["compare", *paths])
            print(f"{name:28} {pages:5d} | {'':12}{checked:9.2f}s {compared:7.2f}s {compared / checked:5.2f} | "
                  f"{'':9}{check_command:9.2f}s {compare_command:7.2f}s {compare_command / check_command:5.2f} | "
                  f"{found:8d}")

if __name__ == "__main__":
    main(sys.argv[1:])
