"""Run-wide inputs: what the settings and the plugins give every document of one run.

Some structure needs more than the text: the organization mentions need the
organization registry, which the built-in data, the configuration's
``[[tool.unlint.organizations]]`` and the plugins' ``unlint_organizations``
hook build together. The engine makes one :class:`RunInputs` per run (and per
worker process) and hands it to every :class:`~unlint.Document`; rules read
the registry there and never rebuild it from :class:`~unlint.Config`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config
    from .plugins import RuleSet
    from .rules.registry import Registry


@dataclass(frozen=True)
class RunInputs:
    """The inputs one run shares; built lazily, so that a run without ORG/AGD rules never builds the registry."""

    #: Registry entries beyond the built-in data: the configuration's, then the plugins'.
    organization_entries: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def of(cls, config: Config, rules: RuleSet | None = None) -> RunInputs:
        plugin_entries = rules.organizations if rules is not None else ()
        return cls((*config.organizations, *plugin_entries))

    @cached_property
    def organization_registry(self) -> Registry:
        """The organization registry: built-in entries, replaced or extended by the run's."""
        # Imported here: the registry (and its data file) is loaded only by runs that use it.
        from .rules.registry import load_registry

        return load_registry(self.organization_entries)

    def __getstate__(self) -> dict[str, Any]:
        # Sent to worker processes without the built registry: each builds its own once
        # (load_registry is cached per process) rather than unpickle one per document.
        return {"organization_entries": self.organization_entries}


#: The inputs of a document checked outside a run: built-in data only.
BUILTIN = RunInputs()
