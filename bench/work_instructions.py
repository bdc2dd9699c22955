"""Instructions of the throughput workload, counted by valgrind: the figure a loaded machine does not move.

    python bench/work_instructions.py 3          # decode + Document + every rule on 3 MB of the distinct corpus

It runs ``run.check_bytes`` (as the throughput section does) on ``run.distinct_documents`` in a
process of its own under cachegrind, with ``PYTHONHASHSEED=0``, and subtracts a run that stops
after the set-up (rules loaded, patterns warmed on one document, the documents built): what is
left is the work on the documents. The same code and input give the same count to about 0.1 %.
docs/performance.md gives the counts of each round.
"""

from __future__ import annotations

import sys

import instructions  # bench/ is the script's folder, first on sys.path


def _workload(size_mb: float, setup_only: bool) -> None:
    import run as bench
    from unlint import Config

    rules = bench.default_rules()
    config = Config(rule_timeout=0)
    bench.check_bytes(bench.distinct_documents(50_000)[:1], config, rules)  # patterns and tables built on first use
    documents = bench.distinct_documents(int(size_mb * bench.MB))
    if not setup_only:
        bench.check_bytes(documents, config, rules)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        _workload(float(argv[1]), argv[2:] == ["--setup"])
        return 0
    if not instructions.available():
        print("valgrind is not installed", file=sys.stderr)
        return 2
    size = argv[0] if argv else "3"
    command = [sys.executable, __file__, "--child", size]
    work = instructions.count(command) - instructions.count([*command, "--setup"])
    print(f"throughput workload, {size} MB of the distinct corpus: {work / 1e6:,.1f} M instructions "
          f"({work / 1e6 / float(size):,.0f} M per MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
