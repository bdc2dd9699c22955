"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning reads it.

The driver lists every rule (with its summary, documentation and default
level), so that an alert can be read without unlint at hand. Paths are
relative to the repository root (``%SRCROOT%``), columns count Unicode code
points, and each result carries a fingerprint made of its file, code,
message and span text, the same identity baselines use, so an alert survives
edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

from ..diagnostics import Diagnostic, Severity
from ..ruledocs import family_name
from ..runner import ENGINE_CODES
from . import ReportContext

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    from .. import __version__

    descriptors = _rules(context)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    run = {
        "tool": {
            "driver": {
                "name": "unlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root."}}},
        "columnKind": "unicodeCodePoints",
        "results": _results(diagnostics, index, context),
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rules(context: ReportContext) -> list[dict]:
    descriptors = []
    for rule in context.rules:
        docs = rule.docs.strip() or rule.summary
        descriptors.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": _first_section(docs) or rule.summary},
            "help": {"text": docs, "markdown": docs},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {"tags": [family_name(rule.family)], "fix": rule.fix or "none"},
        })
    for code, (name, summary) in ENGINE_CODES.items():
        descriptors.append({
            "id": code,
            "name": name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": summary},
            "help": {"text": summary, "markdown": summary},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": [family_name(code[:3])]},
        })
    return descriptors


def _first_section(docs: str) -> str:
    """The text under the first heading (``## What it does``), joined into one paragraph."""
    lines = docs.splitlines()
    body: list[str] = []
    for line in lines[1:] if lines and lines[0].startswith("#") else lines:
        if line.startswith("#"):
            break
        body.append(line.strip())
    return " ".join(part for part in body if part)


def _results(diagnostics: Sequence[Diagnostic], index: dict[str, int], context: ReportContext) -> list[dict]:
    seen: Counter[str] = Counter()
    results = []
    for d in diagnostics:
        path = context.repository_path(d.path)
        identity = "\0".join((path, d.code, d.message, d.span_text))
        seen[identity] += 1
        result = {
            "ruleId": d.code,
            "level": _LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": _artifact(path),
                    "region": {
                        "startLine": d.start.line,
                        "startColumn": d.start.column,
                        "endLine": d.end.line,
                        "endColumn": d.end.column,
                    },
                }
            }],
            # The n-th identical finding in a file keeps its own identity.
            "partialFingerprints": {"unlintFinding/v1": _hash(f"{identity}\0{seen[identity]}")},
        }
        if d.where is not None:
            # Word/PDF: the quoted span as the region's snippet, the page and paragraph as properties.
            result["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": d.span_text}
            result["properties"] = {key: value for key, value in (
                ("page", d.where.page), ("paragraph", d.where.paragraph), ("heading", d.where.heading)
            ) if value is not None}
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    return results


def _artifact(path: str) -> dict:
    if PurePosixPath(path).is_absolute():  # outside the repository
        return {"uri": PurePosixPath(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]
