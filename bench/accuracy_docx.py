"""Accuracy of unlint on the UN's own Word files: findings, unverified ones, masthead, CPU time.

    python bench/accuracy_docx.py [FOLDER]

FOLDER defaults to ../shared/realdocs/word-pdf-en (the .docx files of 2025-2026
UN reports; the benchmark says so and stops when it is absent). For each file
it prints the symbol and date read from the masthead, checked against the
symbol in the file name (``A-81-6-Sect.10.docx`` is ``A/81/6 (Sect. 10)``) and
the date on the first page of the PDF beside it; then every finding not in
bench/verified/word-pdf-en-docx.toml, and the totals: findings per document
and unverified findings per document (the target is at most 0.5), and the CPU
time of checking all files (reading included) beside the first-round code's.

The CPU comparison (issue 13: no slower than the first-round code, commit
1f83eda) runs the same measurement in fresh processes, this code's and the
first-round code's in turn, ``CPU_RUNS`` times each, and compares the minimum
of each (the least disturbed by other work on a shared machine). The
first-round code is whatever Python ``UNLINT_BASELINE_PYTHON`` names (default
/tmp/venv-old/bin/python, a virtual environment with commit 1f83eda installed);
without it, the benchmark prints the figure recorded below.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from unlint import lint_paths
from unlint.document import Document
from unlint.formats import read_document
from unlint.structure.header import parse_date

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT.parent / "shared" / "realdocs" / "word-pdf-en"
VERIFIED = ROOT / "bench" / "verified" / "word-pdf-en-docx.toml"
TARGET_PER_DOCUMENT = 0.5
CPU_RUNS = 3
BASELINE_COMMIT = "1f83eda"
BASELINE_PYTHON = Path(os.environ.get("UNLINT_BASELINE_PYTHON", "/tmp/venv-old/bin/python"))
#: The first-round code's CPU time, printed when no baseline environment is at hand: min of 3 runs
#: interleaved with this code's, on the shared 2-core development machine (this code: 5.81 s then).
RECORDED_BASELINE = (6.36, "2026-12-02")
#: The measurement, run in a fresh process by each Python: CPU seconds of lint_paths on the files.
_MEASURE = """
import sys, time
from unlint import lint_paths
files = sys.argv[1:]
began = time.process_time()
lint_paths(files)
print(time.process_time() - began)
"""


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    code: str
    text: str
    kind: str  # "error" or "artifact"


def load_verified(path: Path = VERIFIED) -> list[Entry]:
    """The verified real errors (and artifacts) of the set, matched by file, code and quoted text."""
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Entry(e["file"], e["code"], e["text"], kind) for kind in ("error", "artifact") for e in data.get(kind, [])]


def symbol_from_name(name: str) -> str:
    """``A-81-6-Sect.10`` -> ``A/81/6 (Sect. 10)``; ``A-80-604-Add.1`` -> ``A/80/604/Add.1``."""
    stem, _, section = name.partition("-Sect.")
    symbol = stem.replace("-", "/")
    return f"{symbol} (Sect. {section})" if section else symbol


def pdf_date(pdf: Path) -> str:
    """The date under ``Distr.`` on the PDF's first page, or why there is none."""
    if not pdf.exists():
        return "no PDF"
    try:
        import pypdfium2  # the pdf extra's library, read directly: not through unlint's own PDF reader
    except ImportError:
        return "pypdfium2 not installed"
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page_text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if "Distr." in line:  # pdfium may put the organ name before it on one line
            for candidate in lines[index:index + 4]:
                if (date := parse_date(candidate)) is not None:
                    return date.isoformat()
    return "no date on page 1"


def masthead_rows(files: Iterable[Path]) -> int:
    """Print each file's masthead symbol and date; return how many are wrong."""
    wrong = 0
    for path in files:
        decoded = read_document(".docx", path.read_bytes())
        header = Document(decoded.text, str(path), layout=decoded.layout).header
        symbol = (header.symbol or "").rstrip("*")
        date = header.date.isoformat() if header.date else "-"
        expected_date = pdf_date(path.with_suffix(".pdf"))
        symbol_ok = symbol == symbol_from_name(path.stem) or symbol.startswith(symbol_from_name(path.stem) + "/")
        date_ok = date == expected_date
        wrong += not (symbol_ok and date_ok)
        mark = "ok " if symbol_ok and date_ok else "BAD"
        print(f"{mark} {path.name:28s} {symbol or '-':28s} {date:10s}  (PDF page 1: {expected_date})")
    return wrong


def main(folder: Path = DEFAULT_FOLDER) -> int:
    files = sorted(folder.glob("*.docx"))
    if not files:
        print(f"no .docx files in {folder}: nothing to measure")
        return 0
    print(f"Masthead of {len(files)} Word files (symbol and date read; date on the PDF's first page):")
    wrong = masthead_rows(files)
    verified = load_verified()
    began = time.process_time()
    results = lint_paths(files)
    cpu = time.process_time() - began
    total = unverified = real = 0
    print("\nFindings not in", VERIFIED.relative_to(ROOT), ":")
    for result in results:
        name = Path(result.path).name
        if result.error is not None:
            print(f"  {name}: ERROR {result.error}")
            continue
        for d in result.diagnostics:
            total += 1
            match = next((e for e in verified if (e.file, e.code, _norm(e.text)) == (name, d.code, _norm(d.span_text))), None)
            if match is None:
                unverified += 1
                print(f"  {name}:{d.start.line}:{d.start.column}: {d.code} {_short(d.message)} [{_short(d.span_text)}]")
            elif match.kind == "error":
                real += 1
    count = len(files)
    print(f"\n{count} documents, {total} findings ({total / count:.2f} per document), "
          f"{real} verified real errors, {unverified} not verified ({unverified / count:.2f} per document; "
          f"target <= {TARGET_PER_DOCUMENT})")
    print(f"masthead symbol and date right for {count - wrong} of {count}")
    print(f"CPU time to check all {count} (in this process, reading included): {cpu:.2f} s")
    cpu_comparison(files)
    return 0


def cpu_comparison(files: list[Path], runs: int = CPU_RUNS) -> None:
    """Print the CPU time of this code and of the first-round code on ``files``: min of interleaved runs."""
    pythons = {"this code": Path(sys.executable)}
    if BASELINE_PYTHON.exists():
        pythons[f"first-round code ({BASELINE_COMMIT})"] = BASELINE_PYTHON
    times: dict[str, list[float]] = {name: [] for name in pythons}
    for _ in range(runs):
        for name, python in pythons.items():
            times[name].append(_cpu_in_fresh_process(python, files))
    print(f"\nCPU time to check all {len(files)}, fresh process each, min of {runs} interleaved runs:")
    for name, measured in times.items():
        print(f"  {name:34s} {min(measured):6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in measured)})")
    if len(pythons) == 1:
        seconds, date = RECORDED_BASELINE
        print(f"  {'first-round code (' + BASELINE_COMMIT + ')':34s} {seconds:6.2f} s   (recorded {date}; "
              f"set UNLINT_BASELINE_PYTHON to a Python with {BASELINE_COMMIT} installed to measure it here)")
    else:
        ours, theirs = (min(measured) for measured in times.values())
        verdict = "no slower" if ours <= theirs else "SLOWER"
        print(f"  this code / first-round code: {ours / theirs:.2f} ({verdict}; target <= 1.00)")


def _cpu_in_fresh_process(python: Path, files: list[Path]) -> float:
    # Run from outside the repository, so that each Python imports its own installed unlint.
    result = subprocess.run([str(python), "-c", _MEASURE, *map(str, files)], capture_output=True, text=True,
                            cwd=Path(files[0]).parent, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def _norm(text: str) -> str:
    """A quoted span with its white space (tabs of a table or contents line) as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str, limit: int = 110) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER))
