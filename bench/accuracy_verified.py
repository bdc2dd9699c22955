"""The lists of verified real errors and artifacts, ``bench/verified/<set>.toml``.

Each file holds ``[[error]]`` and ``[[artifact]]`` entries with the keys
``file`` (the document's file name), ``code``, ``text`` (the quoted span as the
finding gives it) and ``reason`` (what is wrong, on what authority). A finding
is verified when an entry of the same file, code and text exists; matching
ignores line numbers, so the lists survive edits that move text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

KINDS = ("error", "artifact")
KEYS = frozenset({"file", "code", "text", "reason"})
CODE = re.compile(r"[A-Z]{3}\d{3}")


class VerifiedListError(Exception):
    """A verified list that cannot be read: one line saying where and why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One verified finding: a real error or an artifact of how the text was obtained."""

    kind: str
    file: str
    code: str
    text: str
    reason: str
    source: str  # the list file, for reporting stale entries

    @property
    def key(self) -> tuple[str, str, str]:
        return self.file, self.code, self.text


def load_verified(folder: Path) -> dict[tuple[str, str, str], Entry]:
    """Every entry of every ``*.toml`` in ``folder``, keyed by (file, code, text)."""
    entries: dict[tuple[str, str, str], Entry] = {}
    for path in sorted(folder.glob("*.toml")):
        for entry in _read(path):
            if entry.key in entries:
                raise VerifiedListError(f"{path.name}: {entry.file} {entry.code} {entry.text!r} is listed twice "
                                        f"(also in {entries[entry.key].source})")
            entries[entry.key] = entry
    return entries


def _read(path: Path) -> Iterable[Entry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise VerifiedListError(f"{path.name}: {err}") from None
    unknown = set(data) - set(KINDS)
    if unknown:
        raise VerifiedListError(f"{path.name}: unknown table(s) {sorted(unknown)}; use [[error]] or [[artifact]]")
    for kind in KINDS:
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise VerifiedListError(f"{path.name}: '{kind}' must be an array of tables ([[{kind}]])")
        for number, item in enumerate(items, 1):
            yield _entry(path, kind, number, item)


def _entry(path: Path, kind: str, number: int, item: object) -> Entry:
    where = f"{path.name}: [[{kind}]] #{number}"
    if not isinstance(item, dict):
        raise VerifiedListError(f"{where}: not a table")
    if set(item) != KEYS:
        missing, extra = KEYS - set(item), set(item) - KEYS
        raise VerifiedListError(f"{where}: missing {sorted(missing)}, unknown {sorted(extra)}")
    if not all(isinstance(item[key], str) and item[key].strip() for key in KEYS):
        raise VerifiedListError(f"{where}: every key must be a non-empty string")
    if not CODE.fullmatch(item["code"]):
        raise VerifiedListError(f"{where}: '{item['code']}' is not a rule code")
    return Entry(kind, item["file"], item["code"], item["text"], item["reason"].strip(), path.name)
