"""``--format junit``: JUnit XML, which most CI systems show as a test report.

One test suite per checked document; each finding is a failed test case
named after its code and position, and a document without findings has one
passing case, so that the report counts clean documents too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

import regex

from ..diagnostics import Diagnostic
from ..patterns import compiled_on_use
from . import ReportContext

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = compiled_on_use(regex.compile, r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\uFFFD", text)


def render(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in context.checked}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    root = ET.Element("testsuites", name="unlint")
    for path, found in by_path.items():
        root.append(_suite(path, found))
    for path, reason in context.unreadable:
        root.append(_error_suite(path, reason))
    root.set("tests", str(sum(max(1, len(found)) for found in by_path.values()) + len(context.unreadable)))
    root.set("failures", str(len(diagnostics)))
    root.set("errors", str(len(context.unreadable)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _error_suite(path: str, reason: str) -> ET.Element:
    """A document that could not be checked: one test case in error, as a test that could not run."""
    suite = ET.Element("testsuite", name=_clean(path), tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", name="unlint", classname=_clean(path), file=_clean(path))
    error = ET.SubElement(case, "error", message=_clean(reason), type="unreadable")
    error.text = _clean(f"{path}: {reason}")
    return suite


def _suite(path: str, found: list[Diagnostic]) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(path), tests=str(max(1, len(found))), failures=str(len(found)),
                       errors="0", skipped="0")
    if not found:
        ET.SubElement(suite, "testcase", name="unlint", classname=_clean(path))
    for d in found:
        case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.start.line}:{d.start.column}",
                             classname=_clean(path), file=_clean(path), line=str(d.start.line))
        failure = ET.SubElement(case, "failure", message=_clean(d.message), type=d.code)
        failure.text = _clean(f"{d.path}:{d.start.line}:{d.start.column}: {d.code} [{d.severity}] {d.message}")
    return suite
