"""What ``unlint refs`` prints: every reference of a document as a row."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..document import Document
from ..printable import printable


def reference_rows(document: Document) -> Iterator[dict]:
    """One row per symbol, resolution or decision citation and unparsed candidate, in text order."""
    references = document.references
    rows = [(s.start, s.end, s.text, "symbol", s.fields(), None) for s in references.symbols]
    rows += [(c.start, c.end, c.text, c.kind, c.fields(), None) for c in references.citations]
    rows += [(u.start, u.end, u.text, u.kind, None, u.reason) for u in references.unparsed]
    for start, end, text, kind, fields, error in sorted(rows, key=lambda row: (row[0], row[3])):
        position, end_position = document.position(start), document.position(end)
        row = {
            "path": document.path, "line": position.line, "column": position.column,
            "end_line": end_position.line, "end_column": end_position.column,
            "text": text, "kind": kind, "parsed": error is None, "fields": fields,
        }
        if error is not None:
            row["error"] = error
        yield row


def render_rows_text(rows: Iterable[dict]) -> str:
    lines = []
    for row in rows:
        shown = " ".join(row["text"].split())
        detail = json.dumps(row["fields"], ensure_ascii=False) if row["parsed"] else f"UNPARSED: {row['error']}"
        # path and text come from the user's files: a control character must not drive the terminal
        lines.append(printable(f"{row['path']}:{row['line']}:{row['column']}: {row['kind']} {shown}  {detail}"))
    return "".join(line + "\n" for line in lines)


def render_rows_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
