"""The PDF reader on real UN PDFs, and against the Word files of the same documents.

    python bench/accuracy_pdf.py [FOLDER]      (default: ../shared/realdocs/word-pdf-en)

For each ``.pdf``: its findings, and those not listed as verified in
bench/verified/word-pdf-en-pdf.toml (matched by file, code and quoted text).
For each ``.pdf`` with a ``.docx`` twin, whether the two agree on the five
points of issue 14: the findings (code and message, as a multiset; a line
number a message names is left out, as the two readings number lines apart), the
masthead symbol and date, the number of numbered paragraphs, the number of
footnotes, and the citations ``unlint refs`` reads (at least 95% in common; for
a pair that differs on them, the citations one side reads more often).
Last, the CPU time spent checking all the PDFs against all the Word files.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from unlint import lint_paths
from unlint.document import Document
from unlint.references.listing import reference_rows

ROOT = Path(__file__).resolve().parent.parent
#: ``../shared`` beside the repository, as CI and the sessions lay it out.
DEFAULT = ROOT.parent / "shared" / "realdocs" / "word-pdf-en"
VERIFIED = ROOT / "bench" / "verified" / "word-pdf-en-pdf.toml"
#: Share of citations the two readings must have in common.
REFS_IN_COMMON = 0.95


@dataclass
class Facts:
    findings: list[tuple[str, str, str, int]]
    masthead: tuple[str | None, str | None]
    paragraphs: int
    footnotes: int
    refs: Counter
    cpu: float
    error: str | None = None


def facts(path: Path) -> Facts:
    start = time.process_time()
    [result] = lint_paths([path])
    cpu = time.process_time() - start
    if result.error is not None or result.decoded is None:
        return Facts([], (None, None), 0, 0, Counter(), cpu, error=str(result.error))
    decoded = result.decoded
    document = Document(decoded.text, str(path), layout=decoded.layout)
    header = document.header
    return Facts(
        findings=[(d.code, d.message, d.span_text or "", d.start.line) for d in result.diagnostics],
        masthead=(header.symbol, header.date.isoformat() if header.date else None),
        paragraphs=len(document.paragraph_structure.paragraphs),
        footnotes=len(document.footnotes.texts),
        refs=Counter(row["text"] for row in reference_rows(document)),
        cpu=cpu,
    )


def verified() -> set[tuple[str, str, str]]:
    if not VERIFIED.exists():
        return set()
    data = tomllib.loads(VERIFIED.read_text(encoding="utf-8"))
    return {(e["file"], e["code"], e["text"]) for kind in ("error", "artifact") for e in data.get(kind, [])}


def refs_agree(one: Counter, two: Counter) -> bool:
    total = max(sum(one.values()), sum(two.values()))
    return total == 0 or sum((one & two).values()) >= REFS_IN_COMMON * total


#: Line numbers in a message (``(line 17)``) count lines of the reading, which differ between a .pdf and a .docx.
_LINE_NUMBERS = re.compile(r"\blines? \d+(?:-\d+)?")


def comparable(findings: list[tuple[str, str, str, int]]) -> Counter:
    return Counter((code, _LINE_NUMBERS.sub("line #", message)) for code, message, _, _ in findings)


def compare(pdf: Facts, docx: Facts) -> dict[str, bool]:
    return {
        "findings": comparable(pdf.findings) == comparable(docx.findings),
        "masthead": pdf.masthead == docx.masthead and pdf.masthead[0] is not None,
        "paragraphs": pdf.paragraphs == docx.paragraphs,
        "footnotes": pdf.footnotes == docx.footnotes,
        "refs": refs_agree(pdf.refs, docx.refs),
    }


#: How many citations read on one side only are shown for a pair that differs on them.
_SHOWN = 12


def print_refs_difference(pdf: Counter, docx: Counter) -> None:
    """The citations one reading has more often than the other (the first few of each side)."""
    common = sum((pdf & docx).values())
    print(f"    refs in common: {common} of {max(sum(pdf.values()), sum(docx.values()))}")
    for side, more in (("pdf", pdf - docx), ("docx", docx - pdf)):
        shown = sorted(more.elements())
        if shown:
            rest = f" (+{len(shown) - _SHOWN} more)" if len(shown) > _SHOWN else ""
            print(f"    refs .{side} only: {', '.join(repr(text) for text in shown[:_SHOWN])}{rest}")


def main(folder: Path = DEFAULT) -> int:
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        print(f"no PDF files in {folder}", file=sys.stderr)
        return 2
    known = verified()
    pdf_cpu = docx_cpu = 0.0
    unverified_total = 0
    agreement: Counter = Counter()
    pairs = 0
    for path in pdfs:
        pdf = facts(path)
        pdf_cpu += pdf.cpu
        if pdf.error:
            print(f"{path.name}: ERROR {pdf.error}")
            continue
        open_findings = [f for f in pdf.findings if (path.name, f[0], f[2]) not in known]
        unverified_total += len(open_findings)
        line = (f"{path.name}: {len(pdf.findings)} findings, {len(open_findings)} not verified; "
                f"masthead {pdf.masthead[0]} {pdf.masthead[1]}; {pdf.paragraphs} paragraphs; "
                f"{pdf.footnotes} notes; {sum(pdf.refs.values())} refs; {pdf.cpu:.2f} s")
        twin = path.with_suffix(".docx")
        if twin.exists():
            docx = facts(twin)
            docx_cpu += docx.cpu
            pairs += 1
            agrees = compare(pdf, docx)
            agreement.update(key for key, value in agrees.items() if value)
            agreement["all five"] += all(agrees.values())
            differ = [key for key, value in agrees.items() if not value]
            line += f"; vs .docx: {'agree' if not differ else 'differ on ' + ', '.join(differ)}"
            if "masthead" in differ:
                line += f" (docx masthead {docx.masthead[0]} {docx.masthead[1]})"
            if "paragraphs" in differ or "footnotes" in differ:
                line += f" (docx {docx.paragraphs} paragraphs, {docx.footnotes} notes)"
        print(line)
        for code, message, text, number in open_findings:
            print(f"    {number}: {code} {message} [{text[:60]}]")
        if twin.exists():
            only_docx = comparable(docx.findings) - comparable(pdf.findings)
            for code, message in sorted(only_docx.elements()):
                print(f"    .docx only: {code} {message}")
            if not agrees["refs"]:
                print_refs_difference(pdf.refs, docx.refs)
    print()
    print(f"{len(pdfs)} PDFs: {unverified_total} findings not verified "
          f"({unverified_total / len(pdfs):.2f} per PDF; target <= 0.5)")
    if pairs:
        for key in ("findings", "masthead", "paragraphs", "footnotes", "refs", "all five"):
            print(f"  pairs agreeing on {key}: {agreement[key]}/{pairs} ({100 * agreement[key] / pairs:.0f}%)")
    ratio = pdf_cpu / docx_cpu if docx_cpu else float("nan")
    print(f"CPU: {len(pdfs)} PDFs {pdf_cpu:.1f} s, {pairs} .docx {docx_cpu:.1f} s, ratio {ratio:.1f} (target <= 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
