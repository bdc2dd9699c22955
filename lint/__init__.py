"""unlint: a citation and reference-checking linter for United Nations documents.

The library API::

    import unlint
    diagnostics = unlint.lint_text(text, path="report.txt")
    results = unlint.lint_paths(["examples/"])

Rule plugins use :data:`hookimpl`, :func:`rule`, :class:`Finding` and
:class:`Fix`; see ``examples/plugin`` and the README.
"""

from .startup import collector_paused

# The package's modules make many objects and no garbage: the cycle collector would only walk them.
with collector_paused():
    from .config import Config, ConfigError
    from .diagnostics import Applicability, Diagnostic, Edit, Finding, Fix, Position, Severity
    from .document import Document
    from .hookspecs import hookimpl
    from .rule import Rule, rule
    from .runner import FileResult, lint_paths, lint_text

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


def __getattr__(name: str) -> str:
    # The version is looked up on first use, from the installed metadata read
    # directly (importlib.metadata alone costs a tenth of a start-up).
    if name == "__version__":
        from .entrypoints import distribution_version

        return distribution_version("unlint") or "0.0.0"  # "0.0.0": an uninstalled tree
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
