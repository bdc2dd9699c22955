"""The codes the engine itself reports; they are not rules a plugin provides."""

from __future__ import annotations

#: Code: (name, summary). Listed by ``unlint rules`` with the rules.
ENGINE_CODES: dict[str, tuple[str, str]] = {
    "UNL001": ("internal-error", "A rule raised an exception or returned an invalid finding on this file"),
    "UNL002": ("rule-timeout", "A rule ran longer than the per-rule time limit (rule-timeout) on this file"),
    "UNL003": ("structure-error",
               "A structure parser failed or ran past the time limit on this file; rules that need it were skipped"),
    "UNL004": ("not-checked", "A check left out because the structure it needs was not read with certainty"),
    "UNL005": ("unused-suppression",
               "A [[tool.unlint.suppress]] entry (in the whole run) or an `unlint: ignore` Word comment "
               "(on its span) silenced no finding (off unless selected)"),
}

#: Engine codes whose findings are not errors: what the run left unchecked is information.
ENGINE_SEVERITIES: dict[str, str] = {"UNL004": "info", "UNL005": "warning"}

#: Engine codes reported only when selected by name or prefix (``--extend-select UNL005``), as ruff's RUF100.
OFF_BY_DEFAULT: frozenset[str] = frozenset({"UNL005"})
