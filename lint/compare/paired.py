"""A translation that knows its original: what the CMP rules read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..structure.parsed import structure
from .compare import Comparison, compare


@dataclass(eq=False)
class PairedDocument(Document):
    """The translation, checked against ``original``.

    The comparison is a structure of the translation: parsed once, before the rules, under the
    run's time limit; if it fails, the engine reports it once (UNL003) and skips the CMP rules.
    """

    original: Document | None = field(default=None, kw_only=True)

    @structure
    def comparison(self) -> Comparison | None:
        return None if self.original is None else compare(self.original, self)


def comparison_of(document: Document) -> Comparison | None:
    """The comparison with the original when ``document`` is a translation under ``unlint compare``."""
    return document.comparison if isinstance(document, PairedDocument) else None
