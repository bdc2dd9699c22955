"""Document symbols and resolution references: found, parsed by Lark grammars, typed.

``Document.references`` holds the result for a document, parsed once and
shared by the SYM and RES rules and by ``unlint refs``.
"""

from .find import find_references
from .models import (
    DocumentSymbol,
    IssueKind,
    Organ,
    ReferenceIssue,
    References,
    ResolutionCitation,
    ResolutionReference,
    SymbolPart,
    Unparsed,
)
from .resolutions import ResolutionSyntaxError, parse_resolution
from .symbols import SymbolSyntaxError, parse_symbol

__all__ = [
    "DocumentSymbol", "IssueKind", "Organ", "ReferenceIssue", "References", "ResolutionCitation",
    "ResolutionReference", "ResolutionSyntaxError", "SymbolPart", "SymbolSyntaxError", "Unparsed",
    "find_references", "parse_resolution", "parse_symbol",
]
