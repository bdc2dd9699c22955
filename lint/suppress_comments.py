"""Suppressions a reviewer writes in the document itself: a Word comment saying ``unlint: ignore RES003``.

Editors already annotate Word files with comments, so a comment on a span can
silence findings on it: the comment holds ``unlint: ignore`` and one or more
rule codes (separated by commas or spaces), then optionally the reason, after
``--`` or a dash (Word turns a typed ``--`` into one)::

    unlint: ignore RES003, SYM002 -- quoted as the original printed it

Case does not matter (Word capitalizes a comment's first letter). Only the
findings of those codes whose span overlaps the commented span are silenced
(a comment without a span, only a mark, covers the point of its mark). A
comment whose ``unlint: ignore`` names no code silences nothing. The reader
gives the comments (``Layout.comments``); the funnel applies them, and reports
one that silenced nothing as ``UNL005`` when that code is selected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .diagnostics import Diagnostic, shorten
from .layout import Comment, Layout
from .patterns import compiled_on_use

#: ``unlint: ignore`` then the codes; what follows the codes is the reason.
_DIRECTIVE = compiled_on_use(regex.compile,
    r"(?<![\w-])unlint\s*:\s*ignore(?![\w-])[^\S\n]*"
    r"(?P<codes>[A-Za-z]+[0-9]+(?:[^\S\n]*[,;]?[^\S\n]*[A-Za-z]+[0-9]+)*+(?![\w-]))?"
    r"[^\S\n]*(?P<rest>[^\n]*)",
    regex.IGNORECASE,
)
_CODE = compiled_on_use(regex.compile, r"[A-Za-z]+[0-9]+")
#: What may stand between the codes and the reason.
_SEPARATOR = compiled_on_use(regex.compile, r"(?:--|[\u2013\u2014:])\s*")


@dataclass(frozen=True)
class CommentSuppression:
    """One ``unlint: ignore`` in a comment: the codes it silences on the commented span, and why."""

    #: The document the comment is in.
    path: str
    #: Upper-case rule codes; empty when the comment names none (it then silences nothing).
    codes: tuple[str, ...]
    reason: str
    comment: Comment
    #: The page of the comment's span, when the reader knows pages.
    page: int | None = None

    def matches(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.code in self.codes and self.comment.overlaps(diagnostic.offset, diagnostic.end_offset)

    def describe(self) -> str:
        """``Word comment "unlint: ignore RES003"``."""
        codes = ", ".join(self.codes) if self.codes else "(no rule code)"
        return f'Word comment "unlint: ignore {codes}"'


def comment_suppressions(path: str, layout: Layout) -> tuple[CommentSuppression, ...]:
    """The ``unlint: ignore`` directives of a document's comments, in document order."""
    return tuple(found for comment in layout.comments for found in _directives(path, comment, layout))


def _directives(path: str, comment: Comment, layout: Layout) -> Iterable[CommentSuppression]:
    for match in _DIRECTIVE.finditer(comment.text):
        codes = tuple(dict.fromkeys(code.upper() for code in _CODE.findall(match["codes"] or "")))
        reason = _SEPARATOR.sub("", match["rest"], count=1).strip() if _SEPARATOR.match(match["rest"]) \
            else match["rest"].strip()
        yield CommentSuppression(path, codes, reason, comment, layout.page(comment.line))


def unused_message(suppression: CommentSuppression) -> str:
    """What ``UNL005`` says of a comment that silenced nothing."""
    if not suppression.codes:
        return (f'a Word comment says "unlint: ignore" but names no rule code, so it silences nothing: '
                'write the codes after it ("unlint: ignore RES003")')
    span = suppression.comment.quoted
    where = f' on "{shorten(span, 60)}"' if span.strip() else ""
    return (f"{suppression.describe()}{where} silenced no finding: remove it, or correct its codes "
            "or the span it comments on")
