"""The fence around a rule: every failure of a rule is contained, a user's Ctrl-C is not.

A rule may raise anything, ``GeneratorExit`` and ``KeyboardInterrupt``
included, and may hand back objects whose ``repr`` or ``str`` raises in turn.
The runner reports such a rule once (UNL001) and goes on. To tell the user's
Ctrl-C from a rule raising ``KeyboardInterrupt`` itself, the interrupt signal
raises :class:`UserInterrupt` while a rule runs, which the fence lets through.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .timelimit import raw_getsignal, raw_signal


class UserInterrupt(KeyboardInterrupt):
    """Ctrl-C pressed while a rule ran: the run stops, as the user asked."""


def _interrupted(signum, frame) -> None:
    raise UserInterrupt


@contextmanager
def user_interrupts() -> Iterator[None]:
    """While the body runs, Ctrl-C raises :class:`UserInterrupt` instead of a bare ``KeyboardInterrupt``.

    Only in the main thread and only where Python's own handler is installed:
    a host program that handles the signal its own way keeps it.
    """
    if threading.current_thread() is not threading.main_thread() or \
            raw_getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    raw_signal(signal.SIGINT, _interrupted)
    try:
        yield
    finally:
        raw_signal(signal.SIGINT, signal.default_int_handler)


def describe(value: object, limit: int = 200) -> str:
    """``repr(value)`` cut to ``limit`` characters, or a placeholder when its ``repr`` raises."""
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - a rule's object may fail in any way
        text = f"<{type(value).__name__} object whose repr() failed>"
    return text[:limit]


def reason(error: BaseException, limit: int = 500) -> str:
    """``Type: message`` of a rule's exception, safe when its ``str`` raises."""
    try:
        message = str(error)
    except BaseException:  # noqa: BLE001
        message = "<str() of the exception failed>"
    return f"{type(error).__name__}: {message}"[:limit]
