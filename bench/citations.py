"""Citation coverage: how many of the citations in real text does ``unlint refs`` read, and read right?

    python bench/citations.py [--list-missed] [FILES...]

Default files: ``../shared/realdocs/ecosoc-2023/*.txt`` (when present),
``examples/en/*.txt`` and the Word files of ``../shared/realdocs/word-pdf-en/``.

Two measures:

1. **Coverage.** The candidate patterns below find citations without the
   parser (they were written before the parser was changed for issue 12, and
   do not import it): document symbols, resolution and decision numbers in
   Chinese (``第…号决议``, ``第…号决定``, lists with one ``第``/``号``, dates
   between the items) and English (``resolution(s) …``, ``decision(s) …``),
   and bare Security Council citations (``1325 (2000)``). A candidate counts
   as read when a parsed row of ``unlint refs --format json`` (the real CLI)
   covers it and, for a resolution or decision, holds its number.
2. **Sample.** ``bench/citations-sample.toml`` lists hand-checked citations
   (source file, a quote to find them, the cited text and the expected fields:
   kind, organ, number, session or year, letter). A citation counts only when
   ``unlint refs`` gives exactly these fields; a wrong parse is a miss. The
   sample is checked on the files that are present.

Exit status 0; the figures are for reading, not a test (tests/references hold the tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
SAMPLE = ROOT / "bench" / "citations-sample.toml"

# -- candidate patterns (independent of lint/references) --------------------

#: A resolution or decision identifier: 58/316, S-24/2, 1325 (2000), 2200 A (XXI), 62/238 A.
_ID = r"(?:E?S-)?\d+(?:\s*/\s*\d+)?(?:\s*[A-H](?![A-Za-z]))?(?:\s*[(（]\s*(?:\d{4}|[IVXL]+)\s*[)）])?"
ID = regex.compile(rf"(?<![\d/.])({_ID})")
#: What a Chinese list of identifiers is made of, read backwards from 号决议/号决定: numbers,
#: brackets, 第, 号, list joiners, and dates (年月日) between the items.
ZH_ZONE = regex.compile(r"(?:[0-9/()（）\s A-HS\-第号、和及年月日]|以及|…)+$")
ZH_ANCHOR = regex.compile(r"号\s*决\s*([议定])")
_EN_DATE = r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}"
_EN_ITEM = rf"(?:E?S-)?\d+(?:/\d+)?(?:\s[A-H](?![A-Za-z]))?(?:\s?\((?:\d{{4}}|[IVXL]+)\))?(?:\s+of\s+{_EN_DATE})?"
EN_LIST = regex.compile(
    rf"\b([Rr]esolution|[Dd]ecision)s?[ \t]+({_EN_ITEM}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){_EN_ITEM})*)"
)
EN_ID = regex.compile(r"(?<![\d/.])(?:E?S-)?\d+(?:/\d+)?(?:\s[A-H](?![A-Za-z]))?(?:\s?\((?:\d{4}|[IVXL]+)\))?")
#: A bare Security Council citation: number and year of adoption, outside a "resolution" phrase.
BARE_SC = regex.compile(r"(?<![\w/.])(\d{3,4})\s?[(（](19[4-9]\d|20[0-4]\d)[)）](?!\s*号)")
#: A document symbol: an upper-case series, slash components, one of them a session, year or number.
SYMBOL = regex.compile(r"(?<![\w/.\-])[A-Z]{1,8}(?:\.[A-Z0-9]+)?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+")
#: Series a UN document symbol starts with, for the bench's own judgement of what is a symbol.
_SERIES = {"A", "S", "E", "ST", "T", "CCPR", "CERD", "CEDAW", "CRC", "CAT", "CRPD", "CMW", "DP", "ECE", "ESCAP",
           "FCCC", "HRI", "ICCD", "TD", "UNEP", "UNICEF", "UNW", "DPI", "SG", "ISBA", "ITLOS", "CD", "DP",
           "UNCTAD", "WFP", "ECA", "ECLAC", "ESCWA", "UNODC", "UNDP", "UNFPA", "HSP", "IDB", "JIU", "SPLOS"}


@dataclass(frozen=True)
class Candidate:
    path: str
    start: int
    end: int
    text: str
    kind: str  # symbol, resolution, decision, bare-sc
    number: int | None = None


def _is_symbol(text: str) -> bool:
    series = text.split("/")[0].split(".")[0]
    components = text.split("/")[1:]
    dated = any(regex.fullmatch(r"\d{2,4}", c) for c in components)
    return series in _SERIES and (dated or any(c.isdigit() for c in components))


def _number(identifier: str) -> int:
    return int(regex.findall(r"\d+", identifier.split("(")[0].split("（")[0])[-1])


def candidates(path: str, text: str) -> list[Candidate]:
    """Every citation the patterns find in ``text``."""
    found: list[Candidate] = []
    for match in SYMBOL.finditer(text):
        if _is_symbol(match.group()):
            found.append(Candidate(path, match.start(), match.end(), match.group(), "symbol"))
    for anchor in ZH_ANCHOR.finditer(text):
        kind = "resolution" if anchor.group(1) == "议" else "decision"
        window_start = max(0, anchor.start() - 400)
        zone = ZH_ZONE.search(text[window_start:anchor.start()])
        if zone is None:
            continue
        for ident in ID.finditer(text, window_start + zone.start(), window_start + zone.end()):
            value = ident.group(1)
            after = text[ident.end():ident.end() + 2].lstrip()
            if after[:1] in ("年", "月", "日") or not regex.search(r"[/(（]", value):
                continue
            found.append(Candidate(path, ident.start(1), ident.end(1), value, kind, _number(value)))
    in_lists: set[int] = set()
    for match in EN_LIST.finditer(text):
        kind = match.group(1).lower()
        for ident in EN_ID.finditer(text, match.start(2), match.end(2)):
            value = ident.group()
            if "/" not in value and "(" not in value:
                continue
            in_lists.update(range(ident.start(), ident.end()))
            found.append(Candidate(path, ident.start(), ident.end(), value, kind, _number(value)))
    zh_taken = {c.start for c in found}
    for match in BARE_SC.finditer(text):
        if match.start() not in in_lists and match.start() not in zh_taken:
            found.append(Candidate(path, match.start(), match.end(), match.group(), "bare-sc", int(match.group(1))))
    return found


# -- what unlint refs reads ----------------------------------------------------

def _offsets(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts


def refs_rows(paths: list[Path]) -> dict[str, list[dict]]:
    """``unlint refs --format json`` on ``paths``, rows by path, each with ``start``/``end`` offsets added."""
    result = subprocess.run([sys.executable, "-m", "unlint", "refs", "--format", "json", *map(str, paths)],
                            capture_output=True, text=True, check=False)
    rows: dict[str, list[dict]] = {}
    for row in json.loads(result.stdout or "[]"):
        rows.setdefault(row["path"], []).append(row)
    return rows


def _place(rows: list[dict], text: str) -> None:
    starts = _offsets(text)
    for row in rows:
        row["start"] = starts[row["line"] - 1] + row["column"] - 1
        row["end"] = starts[row["end_line"] - 1] + row["end_column"] - 1


def _resolutions(row: dict) -> list[dict]:
    fields = row.get("fields") or {}
    return fields.get("resolutions") or fields.get("decisions") or []


def is_read(candidate: Candidate, rows: list[dict]) -> bool:
    for row in rows:
        if not row["parsed"] or row["start"] > candidate.start or row["end"] < candidate.end:
            continue
        if candidate.kind == "symbol":
            if row["kind"] == "symbol":
                return True
        elif row["kind"] in ("resolution", "decision"):
            if any(item.get("number") == candidate.number for item in _resolutions(row)):
                return True
    return False


def document_text(path: Path) -> str:
    """The text unlint reads from ``path`` (a Word file through unlint's own reader)."""
    if path.suffix in (".docx", ".pdf"):
        from unlint.formats import read_document

        return read_document(path.suffix, path.read_bytes()).text
    return path.read_text(encoding="utf-8")


# -- the hand-checked sample ---------------------------------------------------

_FIELDS = ("kind", "organ", "number", "session", "year", "roman_session", "letter", "series", "suffixes")


def check_sample(texts: dict[str, str], rows: dict[str, list[dict]]) -> tuple[int, int, list[str]]:
    """``(checked, right, problems)`` for the sample entries whose file is present."""
    entries = tomllib.loads(SAMPLE.read_text(encoding="utf-8"))["citation"] if SAMPLE.exists() else []
    by_name = {Path(p).name: p for p in texts}
    checked = right = 0
    problems = []
    for entry in entries:
        path = by_name.get(entry["file"])
        if path is None:
            continue
        checked += 1
        got = _parse_of(entry, texts[path], rows.get(path, []))
        expected = {k: entry[k] for k in _FIELDS if k in entry}
        if got == expected:
            right += 1
        else:
            problems.append(f"{entry['file']}: {entry['text']!r}: expected {expected}, got {got}")
    return checked, right, problems


def _parse_of(entry: dict, text: str, rows: list[dict]) -> dict | None:
    quote_at = text.find(entry["quote"])
    if quote_at < 0:
        return {"error": "quote not found"}
    start = quote_at + entry["quote"].index(entry["text"])
    end = start + len(entry["text"])
    for row in rows:
        if not row["parsed"] or row["start"] > start or row["end"] < end:
            continue
        if entry["kind"] == "symbol" and row["kind"] == "symbol":
            part = _symbol_part(row, entry["text"])
            if part is not None:
                return {**{k: part[k] for k in _FIELDS if k in part and k != "kind"}, "kind": "symbol"}
        elif entry["kind"] != "symbol" and row["kind"] in ("resolution", "decision"):
            items = [item for item in _resolutions(row) if item.get("number") == entry["number"]]
            # Several items with this number (2017/9 and 2020/9): the one whose session or year is in the text.
            written = [item for item in items if str(item.get("session") or item.get("year") or "") in entry["text"]]
            for item in (written or items)[:1]:
                return {"kind": row["kind"], **{k: item[k] for k in _FIELDS if k in item}}
    return None


def _symbol_part(row: dict, text: str) -> dict | None:
    for part in row["fields"]["parts"]:
        if regex.sub(r"\s", "", text).startswith(part.get("series", "")):
            return part
    return None


# -- report --------------------------------------------------------------------

def default_files() -> list[Path]:
    files = sorted((REALDOCS / "ecosoc-2023").glob("*.txt")) if REALDOCS.exists() else []
    files += sorted((ROOT / "examples" / "en").glob("*.txt"))
    files += sorted((REALDOCS / "word-pdf-en").glob("*.docx")) if REALDOCS.exists() else []
    return files


def main(argv: list[str] | None = None) -> int:
    """Print the figures; ``argv`` as on the command line (bench/accuracy.py calls it without)."""
    argv = argv or []
    list_missed = "--list-missed" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or default_files()
    texts = {str(p): document_text(p) for p in paths}
    rows = refs_rows(paths)
    for path, text in texts.items():
        _place(rows.get(path, []), text)
    totals: Counter = Counter()
    print(f"{'document':42} {'kind':11} {'candidates':>10} {'read':>6} {'%':>6}")
    for path, text in texts.items():
        per_kind: Counter = Counter()
        read_kind: Counter = Counter()
        for candidate in candidates(path, text):
            per_kind[candidate.kind] += 1
            if is_read(candidate, rows.get(path, [])):
                read_kind[candidate.kind] += 1
            elif list_missed:
                line = text.count("\n", 0, candidate.start) + 1
                print(f"  MISSED {Path(path).name}:{line}: {candidate.kind} {candidate.text!r}")
        for kind in sorted(per_kind):
            group = "ecosoc-2023" if "ecosoc-2023" in path else ("docx" if path.endswith(".docx") else "examples-en")
            totals[(group, kind, "all")] += per_kind[kind]
            totals[(group, kind, "read")] += read_kind[kind]
            print(f"{Path(path).name[:42]:42} {kind:11} {per_kind[kind]:>10} {read_kind[kind]:>6} "
                  f"{100 * read_kind[kind] / per_kind[kind]:>5.1f}%")
    print()
    for group in sorted({g for g, _, _ in totals}):
        cands = sum(v for (g, _, w), v in totals.items() if g == group and w == "all")
        read = sum(v for (g, _, w), v in totals.items() if g == group and w == "read")
        kinds = ", ".join(f"{k} {totals[(group, k, 'read')]}/{totals[(group, k, 'all')]}"
                          for k in sorted({k for g, k, _ in totals if g == group}))
        print(f"{group}: {read}/{cands} read ({100 * read / max(cands, 1):.1f}%)  [{kinds}]")
    checked, right, problems = check_sample(texts, rows)
    print(f"sample: {right}/{checked} parsed with the expected fields")
    for problem in problems:
        print("  WRONG", problem)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
