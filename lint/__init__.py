"""unlint: a citation and reference-checking linter for United Nations documents.

The library API::

    import unlint
    diagnostics = unlint.lint_text(text, path="report.txt")
    results = unlint.lint_paths(["examples/"])

Rule plugins use :data:`hookimpl`, :func:`rule`, :class:`Finding` and
:class:`Fix`; see ``examples/plugin`` and the README.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# The names are imported on first use (PEP 562): `import unlint` costs nothing until one is used, and
# the command can turn the cycle collector off before any of its modules load (unlint.startup).
if TYPE_CHECKING:
    from .config import Config, ConfigError
    from .diagnostics import Applicability, Diagnostic, Edit, Finding, Fix, Position, Severity
    from .document import Document
    from .hookspecs import hookimpl
    from .runner import FileResult, lint_paths, lint_text

# Imported now: the function `rule` shares its name with its module, and importing the module
# later (the plugin loader does) would bind `unlint.rule` to the module instead of the function.
from .rule import Rule, rule  # noqa: E402

#: Each public name and the module that defines it.
_HOMES = {
    "Config": "config", "ConfigError": "config",
    "Applicability": "diagnostics", "Diagnostic": "diagnostics", "Edit": "diagnostics", "Finding": "diagnostics",
    "Fix": "diagnostics", "Position": "diagnostics", "Severity": "diagnostics",
    "Document": "document",
    "hookimpl": "hookspecs",
    "FileResult": "runner", "lint_paths": "runner", "lint_text": "runner",
}

__all__ = [
    "Applicability",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "FileResult",
    "Finding",
    "Fix",
    "Position",
    "Rule",
    "Severity",
    "__version__",
    "hookimpl",
    "lint_paths",
    "lint_text",
    "rule",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(import_module(f".{home}", __name__), name)
        globals()[name] = value  # looked up here once; later uses find it as a plain attribute
        return value
    # The version is looked up on first use, from the installed metadata read
    # directly (importlib.metadata alone costs a tenth of a start-up).
    if name == "__version__":
        from .entrypoints import distribution_version

        return distribution_version("unlint") or "0.0.0"  # "0.0.0": an uninstalled tree
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
