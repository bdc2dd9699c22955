"""``unlint compare``: a translation against its original.

Both versions are read into :class:`~unlint.document.Document` objects; their
units (paragraphs, headings, footnotes) are aligned (:mod:`.align`), and what
each aligned pair cites and counts is compared (:mod:`.compare`). The CMP
rules report the differences on the translation.
"""

from .compare import Comparison, Difference, Topic, compare
from .paired import PairedDocument, comparison_of

__all__ = ["Comparison", "Difference", "PairedDocument", "Topic", "compare", "comparison_of"]
