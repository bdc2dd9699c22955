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
"""

from __future__ import annotations

import gc


class _StartUp:
    """Whether the collector is off for start-up (the one fact this module keeps, as gc keeps its own)."""

    paused = False


def begin_start_up() -> None:
    """Turn the cycle collector off until :func:`end_start_up`; nothing if it is off already."""
    if gc.isenabled():
        gc.disable()
        _StartUp.paused = True


def end_start_up() -> bool:
    """Freeze what start-up built and turn the collector back on, if :func:`begin_start_up` turned it off.

    Whether it did: the process is the command's own, whose heap the engine may freeze again
    after the first document (``RunOptions.freeze_heap``).
    """
    if not _StartUp.paused:
        return False
    _StartUp.paused = False
    gc.freeze()
    gc.enable()
    return True
