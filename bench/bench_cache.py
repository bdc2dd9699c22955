"""Time a first and a second (cached) ``unlint check`` over 1,000 corpus-derived documents.

Usage: python bench/bench_cache.py [--documents 1000] [--jobs N] [--example-plugin]

The documents are the corpus in examples/ (Chinese and English) copied over and
over, each copy made distinct by a numbered line, in folders of 100. The first
run starts from an empty cache; the second finds every document unchanged.
With --example-plugin the example rule plugin (EXD001) is installed for the
runs, so there are rules to run even on a branch without built-in families.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_documents(folder: Path, count: int) -> int:
    corpus = sorted((REPO / "examples").glob("*.zh.txt")) + sorted((REPO / "examples" / "en").glob("*.en.txt"))
    texts = [path.read_text(encoding="utf-8") for path in corpus]
    size = 0
    for i in range(count):
        target = folder / f"batch{i // 100:02d}" / f"doc{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)] + f"\n（副本 {i}）\n"
        target.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def timed_run(folder: Path, cache: Path, jobs: int | None, env: dict) -> tuple[float, int]:
    # The text report: the JSON report's indented encoding would add the same
    # second or so to both runs and hide what the cache saves.
    command = [sys.executable, "-m", "unlint", "check", "--exit-zero", "--cache-dir", str(cache), str(folder)]
    if jobs:
        command[4:4] = ["-j", str(jobs)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, check=True)
    return time.perf_counter() - start, result.stdout.count(b"\n")


def install_example_plugin(into: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(into),
                    str(REPO / "examples" / "plugin")], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="-j for unlint (default: unlint's default)")
    parser.add_argument("--example-plugin", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unlint-bench-") as tmp:
        root = Path(tmp)
        size = make_documents(root / "docs", args.documents)
        env = dict(os.environ)
        if args.example_plugin:
            install_example_plugin(root / "site")
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "site"), env.get("PYTHONPATH")]))
        first, findings = timed_run(root / "docs", root / "cache", args.jobs, env)
        second, cached_findings = timed_run(root / "docs", root / "cache", args.jobs, env)
        uncached, _ = timed_run(root / "docs", root / "cache-off", 1, env)
        assert findings == cached_findings, "the cached run reported other findings"
        print(f"{args.documents} documents, {size / 1e6:.1f} MB, {findings} findings, jobs={args.jobs or 'default'}")
        print(f"first run (empty cache):  {first:7.2f} s")
        print(f"second run (all cached):  {second:7.2f} s  ({first / second:.1f}x faster)")
        print(f"first run with -j 1:      {uncached:7.2f} s")


if __name__ == "__main__":
    main()
