"""The command's start-up, without the cycle collector (issue 18).

Starting ``unlint`` builds tens of thousands of objects (modules, classes,
functions, patterns, rules) that live as long as the process, and no garbage
cycles worth finding. Python's cycle collector still runs every 700
allocations and walks them, again and again as they age: a quarter of the
time of the collections in a small check, measured with ``gc.callbacks``.
So the command's entry point (:mod:`unlint.__main__`) turns the collector
off before any of unlint's modules load, and the ``check`` command, once its
rules are loaded, freezes what start-up built (later collections skip it)
and turns the collector back on (:func:`end_start_up`). Only the command
does this: it owns its process. ``import unlint`` in a caller's program
leaves the collector alone.

This module is the only place unlint touches the collector at start-up; what
the collector does while documents are checked is the engine's business.

The command's process also keeps its start-up work between runs (see
:mod:`unlint.startupcache`): from :func:`begin_start_up` the methods
:mod:`dataclasses` generates are compiled through the cache until
:func:`end_start_up`, patterns made with :func:`unlint.patterns.compiled_on_use`
are compiled through it for the whole run, and :func:`finish` saves what was new.
"""

from __future__ import annotations

import dataclasses
import gc
from typing import Any

from regex import compile as regex_compile

from .startupcache import StartUpCache


class _StartUp:
    """Whether the collector is off for start-up, and the command's start-up cache (None in a caller's program)."""

    paused = False
    cache: StartUpCache | None = None


def begin_start_up(cache: StartUpCache | None = None) -> None:
    """Turn the cycle collector off until :func:`end_start_up` (nothing if it is off already),
    and compile dataclass methods and patterns through ``cache`` (the package's own by default)."""
    if gc.isenabled():
        gc.disable()
        _StartUp.paused = True
    _StartUp.cache = cache or StartUpCache.load()
    # dataclasses looks ``exec`` up in its module's globals before the builtins: this is the
    # one name it needs to compile through the cache, and it is taken back at end_start_up.
    dataclasses.exec = _StartUp.cache.exec  # type: ignore[attr-defined]


def compile_pattern(compile: Any, pattern: str, flags: int, options: dict[str, Any]) -> Any:
    """``compile(pattern, flags, **options)``, through the start-up cache when the command has one."""
    cache = _StartUp.cache
    if cache is not None and compile is regex_compile and not options:
        return cache.pattern(pattern, flags)
    return compile(pattern, flags, **options)


def finish() -> None:
    """Save what this run added to the start-up cache, and stop using it."""
    cache, _StartUp.cache = _StartUp.cache, None
    _restore_exec()
    if cache is not None:
        cache.save()


def _restore_exec() -> None:
    if "exec" in vars(dataclasses):
        del dataclasses.exec  # type: ignore[attr-defined]


def end_start_up() -> bool:
    """Freeze what start-up built and turn the collector back on, if :func:`begin_start_up` turned it off.

    Whether it did: the process is the command's own, whose heap the engine may freeze again
    after the first document (``RunOptions.freeze_heap``).
    """
    _restore_exec()  # classes made from here on are a caller's or rare: compiled as usual
    if not _StartUp.paused:
        return False
    _StartUp.paused = False
    gc.freeze()
    gc.enable()
    return True
