"""Hostile input of a size tests should not carry: time, peak memory and report size of ``unlint check``.

Usage: python bench/bench_robustness.py [--only NAME ...]

Each case writes its file to a temporary folder and runs the real CLI in a
fresh process (``-j 1 --no-cache``), measuring wall time, the process's peak
resident memory (``wait4``) and the size of the report. The targets are those
of issue 16:

- ``slashes``: 160 KB of ``A/A/A/…/1`` under 2 s;
- ``resolutions``: a list of 20,000 resolutions under 2 s;
- ``joint``: a chain of 10,000 joint symbols, report under 1 MB, memory under 300 MB;
- ``brackets``: TYP001 on 160,000 nested brackets (no target in the issue; reported);
- ``word-bomb``: a 1 MB .docx that unpacks to 1 GB, refused (exit 2) under 1 GB of memory.

Startup (importing unlint and loading the rules) is part of each time, as a user sees it; the
``startup`` case measures it alone, and each line also shows the time beyond it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    file_name: str
    make: Callable[[Path], None]
    max_seconds: float | None = None
    max_report_bytes: int | None = None
    max_memory_mb: float | None = None
    exit_codes: tuple[int, ...] = (0, 1)


def _text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _word_bomb(path: Path, unpacked: int = 1 << 30) -> None:
    # Streamed into the archive, so that building the bomb does not need the gigabyte.
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    chunk = b"<w:p/>" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f"<w:document {namespace}><w:body>".encode())
            written = 0
            while written < unpacked:
                part.write(chunk)
                written += len(chunk)
            part.write(b"<w:sectPr/></w:body></w:document>")


CASES = [
    # A one-line document: what starting unlint costs on this machine, for reading the times below.
    Case("startup", "tiny.txt", _text("第一段。\n")),
    Case("slashes", "slashes.txt", _text("A/" * 80_000 + "1\n"), max_seconds=2.0),
    Case("resolutions", "resolutions.txt",
         _text("大会第" + "、".join(f"{60 + i % 20}/{i % 300 + 1}" for i in range(20_000)) + "号决议。\n"),
         max_seconds=2.0),
    Case("joint", "joint.txt", _text("见" + "–".join(f"S/95/{i}" for i in range(1, 10_001)) + "号文件。\n"),
         max_report_bytes=1_000_000, max_memory_mb=300),
    Case("brackets", "brackets.txt", _text("（" * 80_000 + "文" + "）" * 80_000 + "\n")),
    Case("word-bomb", "bomb.docx", _word_bomb, max_memory_mb=1024, exit_codes=(2,)),
]


@dataclass(frozen=True)
class Measure:
    seconds: float
    memory_mb: float
    report_bytes: int
    exit_code: int
    engine_lines: int


def measure(path: Path) -> Measure:
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "unlint", "check", "-j", "1", "--no-cache", str(path)],
                                   stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        report = out.read()
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    memory_mb = usage.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    engine = sum(1 for line in report.splitlines() if b" UNL00" in line)
    return Measure(seconds, memory_mb, len(report), process.returncode, engine)


def verdict(case: Case, found: Measure) -> list[str]:
    failures = []
    if case.max_seconds is not None and found.seconds >= case.max_seconds:
        failures.append(f"time {found.seconds:.2f} s >= {case.max_seconds} s")
    if case.max_report_bytes is not None and found.report_bytes >= case.max_report_bytes:
        failures.append(f"report {found.report_bytes} bytes >= {case.max_report_bytes}")
    if case.max_memory_mb is not None and found.memory_mb >= case.max_memory_mb:
        failures.append(f"memory {found.memory_mb:.0f} MB >= {case.max_memory_mb} MB")
    if found.exit_code not in case.exit_codes:
        failures.append(f"exit code {found.exit_code}, expected {case.exit_codes}")
    if found.engine_lines:
        failures.append(f"{found.engine_lines} UNL00x lines (a rule failed or timed out)")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=[case.name for case in CASES])
    args = parser.parse_args()
    failed = 0
    startup = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            if args.only and case.name not in args.only:
                continue
            path = Path(folder) / case.file_name
            case.make(path)
            found = measure(path)
            failures = verdict(case, found)
            failed += bool(failures)
            startup = found.seconds if case.name == "startup" else startup
            print(f"{case.name:12} {path.stat().st_size / 1000:8.0f} KB  {found.seconds:7.2f} s "
                  f"(+{max(0.0, found.seconds - startup):5.2f} s)  "
                  f"{found.memory_mb:6.0f} MB  report {found.report_bytes:>9} B  exit {found.exit_code}  "
                  f"{'FAIL: ' + '; '.join(failures) if failures else 'ok'}", flush=True)
            path.unlink()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
