"""A translation that knows its original: what the CMP rules read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..structure.parsed import structure
from .compare import Comparison, compare


@dataclass(eq=False)
class PairedDocument(Document):
    """The translation, checked against ``original``; the comparison is computed once, on first use."""

    original: Document | None = field(default=None, kw_only=True)

    @structure
    def comparison(self) -> Comparison | None:
        """The alignment of this translation with its original, parsed once like any structure."""
        return None if self.original is None else compare(self.original, self)


def comparison_of(document: Document) -> Comparison | None:
    """The comparison with the original when ``document`` is a translation under ``unlint compare``."""
    return document.comparison if isinstance(document, PairedDocument) else None
