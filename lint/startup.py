"""Start-up without the cycle collector (issue 18).

Importing unlint and loading its rules builds tens of thousands of objects
(modules, classes, functions, patterns, the organization registry) that live
as long as the process, and no garbage cycles worth finding. Python's cycle
collector still runs every 700 allocations and walks them: about 15 ms of a
small check's start-up, measured. So the collector is paused while the package
is imported and, in the command line, while the rules are loaded.

This module is the only place unlint touches the collector at start-up; what
it does while documents are checked is the engine's business.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block; on again after it if it was on before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_start_up() -> None:
    """Move what start-up built out of the collector's sight, for the rest of the process.

    Only a command owns its process: a library caller's own objects would be frozen too.
    """
    gc.freeze()
