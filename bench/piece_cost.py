"""One piece of a check, run alone so that valgrind can count its instructions (bench/run.py uses it).

    python bench/piece_cost.py [--setup] scaled structure NAME MB     # one structure's parse
    python bench/piece_cost.py [--setup] scaled rule CODE MB          # one rule's check
    python bench/piece_cost.py [--setup] pathological CODE UNIT CHARS # one rule on a repeated unit

The document is built, the rules loaded and warmed on a small document, and what the piece reads
(the structures before a structure, every structure before a rule) parsed first; with ``--setup``
the script stops there. The piece's own cost is the count of a run less that of its ``--setup`` run.
"""

from __future__ import annotations

import sys

import run as bench  # bench/ is the script's folder, first on sys.path
from unlint import Config
from unlint.document import STRUCTURES, Document
from unlint.engine import make_document
from unlint.inputs import RunInputs
from unlint.reading import decode
from unlint.runner import default_rules


def _document(data: bytes, config: Config, inputs: RunInputs) -> Document:
    decoded = decode(data)
    return make_document(decoded.text, "bench.txt", config, inputs, decoded.layout)


def main(argv: list[str]) -> None:
    setup_only = argv[:1] == ["--setup"]
    what, *args = argv[1:] if setup_only else argv
    rules = default_rules()
    config = Config(rule_timeout=0)
    inputs = RunInputs.of(config, rules)
    warm = _document(bench.distinct_documents(50_000)[0], config, inputs)
    for rule in rules:  # patterns and tables built on first use are not the piece's
        list(rule.check(warm, config))
    if what == "pathological":
        code, unit, chars = args
        data = bench._sized(bench.PATHOLOGICAL[unit](), int(chars))
        if not setup_only:
            bench.check_bytes([data], Config(select=(code,), rule_timeout=0), rules)
        return
    kind, name, size_mb = args
    document = _document(bench.one_document(int(float(size_mb) * bench.MB)), config, inputs)
    before = list(STRUCTURES)[:list(STRUCTURES).index(name)] if kind == "structure" else list(STRUCTURES)
    for structure in before:
        getattr(document, structure)
    if setup_only:
        return
    if kind == "structure":
        getattr(document, name)
    else:
        rule = next(r for r in rules if r.code == name)
        list(rule.check(document, config))


if __name__ == "__main__":
    main(sys.argv[1:])
