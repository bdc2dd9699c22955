"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``;
warnings and infos use ``::warning`` and ``::notice``. Values are escaped as
the Actions toolkit does: ``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and
``,`` also in properties, where they would end a value.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Diagnostic, Severity
from . import ReportContext

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return "".join(annotation(d, context.repository_path(d.path)) for d in diagnostics)


def annotation(diagnostic: Diagnostic, path: str) -> str:
    properties = {
        "file": path,
        "line": diagnostic.start.line,
        "col": diagnostic.start.column,
        "endLine": diagnostic.end.line,
        "endColumn": diagnostic.end.column,
        "title": diagnostic.code,
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMANDS[diagnostic.severity]} {listed}::{escape_data(diagnostic.message)}\n"
