"""The plugin contract: the hooks a rule plugin implements.

Built-in rule families and third-party plugins implement exactly these hooks;
the engine has no other path for built-ins. A third-party package registers
its module under the entry-point group ``unlint.rules``::

    [project.entry-points."unlint.rules"]
    my_rules = "my_package.rules"

and marks its hook functions with :data:`unlint.hookimpl`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .rule import Rule

#: The project name that ties specs and implementations together.
PROJECT = "unlint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def unlint_rules() -> list[Rule]:
    """Return the rules this plugin provides.

    Each is a :class:`unlint.Rule`, usually made with the :func:`unlint.rule`
    decorator. Codes must be unique across all plugins: a family prefix of three
    capital letters and three digits (``SYM001``). Two plugins claiming one
    code stop unlint at start-up with an error naming both.
    """


@hookspec
def unlint_organizations() -> list[dict]:
    """Return extra organizations for the organization registry.

    Each is a mapping with the keys of the registry's data file (``id``,
    ``zh``, ``en``, ``abbreviations``, ``variants``, ...). Use it for bodies
    a house style knows and the built-in registry does not.
    """
