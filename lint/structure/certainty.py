"""What the structure parsers are not sure of, and which checks that silences.

A rule that depends on a structure (the contents block, the paragraph
sequence, the footnote area, a sub-list) reports nothing where the parser is
not sure it read that structure right: a false alarm costs more trust than a
missed slip. But silence must not look like a clean bill, so each doubt is
recorded as a :class:`NotChecked`, which the Document collects
(``Document.not_checked``) and the reports show beside the findings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NotChecked:
    """A check left out: the rule ``codes`` said nothing about ``structure`` because of ``reason``."""

    codes: tuple[str, ...]
    structure: str
    reason: str
    #: 1-based line the doubt is about, when there is one.
    line: int | None = None

    @property
    def message(self) -> str:
        return f"{'/'.join(self.codes)} not checked: {self.structure}: {self.reason}"

    def __str__(self) -> str:
        return self.message + (f" (line {self.line})" if self.line else "")

    def applies_to(self, enabled: set[str] | frozenset[str]) -> bool:
        """Whether one of the silenced rules is among the ``enabled`` codes."""
        return any(code in enabled for code in self.codes)
