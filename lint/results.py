"""The outcome of checking one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .files import InputError
from .fixes import FixOutcome
from .reading import DecodedText


@dataclass(frozen=True)
class FileResult:
    """The outcome for one document: its diagnostics, or why it could not be checked."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: InputError | None = None
    decoded: DecodedText | None = None
    #: What ``--fix``/``--diff`` did to the document, when a fix applied.
    fix: FixOutcome | None = None
