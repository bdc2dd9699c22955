"""A translation that knows its original: what the CMP rules read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from .compare import Comparison, compare


@dataclass(eq=False)
class PairedDocument(Document):
    """The translation, checked against ``original``; the comparison is computed once, on first use."""

    original: Document | None = field(default=None, kw_only=True)

    def comparison(self) -> Comparison | None:
        if self.original is None:
            return None
        original = self.original
        return self.shared("compare", lambda: compare(original, self))


def comparison_of(document: Document) -> Comparison | None:
    """The comparison with the original when ``document`` is a translation under ``unlint compare``."""
    return document.comparison() if isinstance(document, PairedDocument) else None
