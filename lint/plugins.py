"""Finding and loading rule plugins: the built-in families and entry points.

Built-in families are ordinary plugins: the modules listed in
``unlint.rules.BUILTIN``, registered exactly as an entry point would be.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import pluggy

from . import hookspecs
from .entrypoints import EntryPointError, entry_points
from .rule import Rule

#: The entry-point group third-party rule packages register under.
ENTRY_POINT_GROUP = "unlint.rules"


class PluginError(Exception):
    """A plugin could not be loaded, or its rules clash with another's."""


@dataclass(frozen=True)
class RuleSet:
    """Every known rule by code, with the plugin that gave it."""

    rules: dict[str, Rule]
    origins: dict[str, str] = field(default_factory=dict)
    organizations: tuple[dict, ...] = ()

    def get(self, code_or_name: str) -> Rule | None:
        """Look a rule up by code (any case) or kebab-case name."""
        found = self.rules.get(code_or_name.upper())
        return found or next((r for r in self.rules.values() if r.name == code_or_name), None)

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)


def make_plugin_manager(*, entry_point_plugins: bool = True, extra: Iterable[object] = (),
                        builtin: bool = True, families: Iterable[str] | None = None) -> pluggy.PluginManager:
    """A plugin manager with the built-in families, entry points and ``extra`` plugins.

    ``families`` names the built-in modules to register (default: all of ``unlint.rules.BUILTIN``);
    the others are not even imported.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    builtins = importlib.import_module("unlint.rules").BUILTIN if builtin else ()
    families = builtins if families is None else [name for name in builtins if name in set(families)]
    for module_name in families:
        manager.register(importlib.import_module(f"unlint.rules.{module_name}"), name=f"unlint.rules.{module_name}")
    if entry_point_plugins:
        _load_entry_points(manager)
    for plugin in extra:
        manager.register(plugin)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as err:
        raise PluginError(f"plugin {err.plugin!r} implements an unknown hook: {err}") from None
    return manager


def _load_entry_points(manager: pluggy.PluginManager) -> None:
    # One by one rather than pluggy's load_setuptools_entrypoints, so that a
    # broken package is reported by name instead of as a bare traceback.
    try:
        found = entry_points(ENTRY_POINT_GROUP)
    except EntryPointError as err:
        raise PluginError(f"cannot list installed plugins: {err}") from None
    for entry_point in found:
        if manager.get_plugin(entry_point.name) is not None:
            continue
        try:
            plugin = entry_point.load()
        except Exception as err:  # noqa: BLE001 - any failure of third-party code
            raise PluginError(
                f"cannot load plugin {entry_point.name!r} ({entry_point.value}) "
                f"from package {entry_point.dist_name!r}: "
                f"{type(err).__name__}: {err}"
            ) from None
        try:
            manager.register(plugin, name=entry_point.name)
        except ValueError as err:
            raise PluginError(f"cannot register plugin {entry_point.name!r}: {err}") from None


def collect_rules(manager: pluggy.PluginManager) -> RuleSet:
    """Gather every plugin's rules; two rules with one code is an error."""
    rules: dict[str, Rule] = {}
    origins: dict[str, str] = {}
    names: dict[str, str] = {}
    for impl in manager.hook.unlint_rules.get_hookimpls():
        plugin_name = manager.get_name(impl.plugin) or repr(impl.plugin)
        try:
            provided = impl.function()
        except Exception as err:  # noqa: BLE001
            raise PluginError(f"plugin {plugin_name!r} failed to list its rules: {type(err).__name__}: {err}") from None
        for rule in provided or ():
            if not isinstance(rule, Rule):
                raise PluginError(f"plugin {plugin_name!r} returned {rule!r}, not a unlint.Rule")
            if rule.code in rules:
                raise PluginError(
                    f"rule code {rule.code} is claimed twice: by {origins[rule.code]!r} "
                    f"({rules[rule.code].name}) and by {plugin_name!r} ({rule.name})"
                )
            if rule.name in names:
                raise PluginError(f"rule name {rule.name!r} is claimed twice: by {names[rule.name]} and {rule.code}")
            rules[rule.code] = rule
            origins[rule.code] = plugin_name
            names[rule.name] = rule.code
    organizations = tuple(org for batch in manager.hook.unlint_organizations() for org in batch or ())
    return RuleSet(rules, origins, organizations)


def load_rules(*, entry_point_plugins: bool = True, extra: Iterable[object] = (), builtin: bool = True,
               families: Iterable[str] | None = None) -> RuleSet:
    """All rules: built-ins (unless ``builtin`` is false; only ``families`` of them if given), installed
    plugins and ``extra`` plugin objects."""
    return collect_rules(make_plugin_manager(entry_point_plugins=entry_point_plugins, extra=extra, builtin=builtin,
                                             families=families))
