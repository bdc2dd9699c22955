"""Suppressions by content: ``[[tool.unlint.suppress]]`` silences one false alarm, wherever it moves.

A UN document has no comment syntax for ``noqa``, so a suppression names what
it silences: a rule ``code``, the exact ``text`` of the span (or a ``regex`` the
span must match whole), optionally a ``path`` glob, and the ``reason``::

    [[tool.unlint.suppress]]
    code = "RES003"
    text = "第 1373（2001）"
    path = "reports/*.txt"
    reason = "quoted from the original as published"

No line numbers: editing the document elsewhere does not revive the finding
nor make the suppression stale. The funnel applies them; an entry that
silenced nothing in a whole run is reported as ``UNL005`` when selected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .diagnostics import Diagnostic

_KEYS = {"code", "text", "regex", "path", "reason"}


class SuppressionError(ValueError):
    """A ``[[tool.unlint.suppress]]`` entry is malformed; ``str()`` names the entry and the key."""


@dataclass(frozen=True)
class Suppression:
    """One entry: which findings it silences, and why."""

    code: str
    reason: str
    #: The exact text of the span.
    text: str | None = None
    #: A pattern the whole span text must match (when ``text`` is not given).
    regex: str | None = None
    #: A glob the document's path must match, as in ``per-file-ignores``.
    path: str | None = None

    def matches(self, diagnostic: Diagnostic) -> bool:
        if diagnostic.code != self.code:
            return False
        if self.path is not None:
            from .config import _path_matches  # here: config imports this module for the key's parser

            if not _path_matches(Path(diagnostic.path).as_posix(), self.path):
                return False
        if self.text is not None:
            return diagnostic.span_text == self.text
        return regex.fullmatch(self.regex, diagnostic.span_text) is not None

    def describe(self) -> str:
        """``RES003 "第 1373（2001）"`` (with ``in reports/*.txt`` when limited to a path)."""
        what = f'"{self.text}"' if self.text is not None else f"regex {self.regex!r}"
        where = f" in {self.path}" if self.path is not None else ""
        return f"{self.code} {what}{where}"


def parse_suppressions(value: Any, where: str = "") -> tuple[Suppression, ...]:
    """The entries of ``[[tool.unlint.suppress]]``, each checked; raise :class:`SuppressionError`."""
    if not isinstance(value, list):
        raise SuppressionError(f"{where}suppress must be an array of tables ([[tool.unlint.suppress]])")
    return tuple(_entry(item, f"{where}suppress entry {number}") for number, item in enumerate(value, start=1))


def _entry(item: Any, what: str) -> Suppression:
    if not isinstance(item, Mapping):
        raise SuppressionError(f"{what}: must be a table with code, text or regex, and reason")
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise SuppressionError(f"{what}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    for key in _KEYS & set(item):
        if not isinstance(item[key], str) or not item[key].strip():
            raise SuppressionError(f"{what}: {key} must be a non-empty string")
    if "code" not in item or "reason" not in item:
        raise SuppressionError(f"{what}: needs a code and a reason")
    if ("text" in item) == ("regex" in item):
        raise SuppressionError(f"{what}: give the span's exact text or a regex, one of the two")
    if "regex" in item:
        try:
            regex.compile(item["regex"])
        except regex.error as err:
            raise SuppressionError(f"{what}: regex {item['regex']!r} is invalid: {err}") from None
    return Suppression(item["code"].strip().upper(), item["reason"], item.get("text"), item.get("regex"),
                       item.get("path"))

