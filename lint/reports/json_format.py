"""``--format json``: one array of objects; the contract other tools read.

Each object: ``path``, ``line``, ``column``, ``end_line``, ``end_column``
(1-based, columns in characters, the end exclusive), ``code``, ``rule``,
``severity``, ``message``, ``fix`` (``null`` or ``{"applicability", "edits"}``,
each edit with ``line``, ``column``, ``end_line``, ``end_column``,
``replacement``). For Word and PDF input, also ``page`` (or null),
``paragraph`` (the number of the paragraph the finding is in, or null),
``heading`` (else the heading it falls under, or null) and ``quote`` (the
text of the span).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..diagnostics import Diagnostic, Edit, Fix
from . import ReportContext


def diagnostic_to_dict(diagnostic: Diagnostic) -> dict:
    return {
        "path": diagnostic.path,
        "line": diagnostic.start.line,
        "column": diagnostic.start.column,
        "end_line": diagnostic.end.line,
        "end_column": diagnostic.end.column,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": str(diagnostic.severity),
        "message": diagnostic.message,
        "fix": _fix_to_dict(diagnostic.fix) if diagnostic.fix else None,
        **(_where_to_dict(diagnostic) if diagnostic.where else {}),
    }


def _where_to_dict(diagnostic: Diagnostic) -> dict:
    where = diagnostic.where
    return {"page": where.page, "paragraph": where.paragraph, "heading": where.heading,
            "quote": diagnostic.span_text}


def _fix_to_dict(fix: Fix) -> dict:
    return {"applicability": str(fix.applicability), "edits": [_edit_to_dict(edit) for edit in fix.edits]}


def _edit_to_dict(edit: Edit) -> dict:
    start, end = edit.start_position, edit.end_position
    return {
        "line": start.line if start else None,
        "column": start.column if start else None,
        "end_line": end.line if end else None,
        "end_column": end.column if end else None,
        "replacement": edit.replacement,
    }


def render(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return json.dumps([diagnostic_to_dict(d) for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
