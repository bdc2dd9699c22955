"""A wall-clock limit on one rule's run over one document.

A third-party rule that loops (or a pattern that backtracks without end) must
not hang a pre-commit hook. The limit uses ``SIGALRM`` through
``signal.setitimer``, which interrupts Python code and the ``re``/``regex``
matchers between steps. Limits of the design, by choice:

- POSIX only, and only in a process's main thread (a worker of a process pool
  runs its tasks in its main thread, so parallel runs are covered). Elsewhere
  the rule runs without a limit.
- If the host program has its own ``ITIMER_REAL`` timer armed (pytest-timeout,
  for one), the limit stands aside rather than clobber that timer.
- Code that blocks in C without checking for signals cannot be interrupted.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

try:
    # The C functions under ``signal``. ``signal.signal`` and ``signal.getsignal`` turn the handler they
    # return into a ``Handlers`` enum member when they can; for a Python function that lookup fails through
    # Enum's slow path (about 10-15 us a call), and the engine asks for handlers around every structure
    # parse of every document: a third of its per-document overhead. Handlers are compared by identity here,
    # which the raw values allow. Outside CPython the public functions do the same job, more slowly.
    from _signal import getsignal as raw_getsignal
    from _signal import signal as raw_signal
except ImportError:  # pragma: no cover - CPython has _signal
    raw_getsignal, raw_signal = signal.getsignal, signal.signal


class RuleTimeout(BaseException):
    """Raised inside a rule whose time is up.

    A ``BaseException`` so that a rule's own ``except Exception`` cannot
    swallow it and run on.
    """


def limit_supported() -> bool:
    """Whether :func:`time_limit` can enforce a limit in the calling thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum, frame) -> None:
    raise RuleTimeout


def own_limit(seconds: float | None) -> _OwnLimit:
    """A context whose body runs under a limit of its own, ``seconds``, with the clock of the enclosing
    limit of ours stopped meanwhile; that clock then resumes with the time it had left. The engine parses
    a structure this way, on a rule's first use of it, so that the parse is not charged to the rule.
    Outside a limit of ours it is :func:`time_limit`.
    """
    return _OwnLimit(seconds)


class _OwnLimit:
    """See :func:`own_limit`. Inside a limit of ours the handler is already installed: one
    ``setitimer`` swaps the rule's clock for the parser's and hands back the rule's remaining time,
    another swaps it back (a parse of a structure is an engine step of every document: installing
    and restoring the handler around it cost more than many parses)."""

    __slots__ = ("seconds", "_previous", "_outside")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._previous = 0.0
        self._outside: AbstractContextManager[None] | None = None

    def __enter__(self) -> None:
        if not limit_supported() or raw_getsignal(signal.SIGALRM) is not _raise_timeout:
            if self.seconds:  # no limit asked and no clock of ours to stop: nothing to do
                self._outside = time_limit(self.seconds)
                self._outside.__enter__()
            return
        self._previous, _ = signal.setitimer(signal.ITIMER_REAL, self.seconds or 0)

    def __exit__(self, *exc) -> None:
        if self._outside is not None:
            self._outside.__exit__(*exc)
        else:
            signal.setitimer(signal.ITIMER_REAL, self._previous)


class RuleClock:
    """The limits of a run of rules over one document: the handler installed once, each rule timed alone.

    Installing a signal handler costs more than most rules take on a short
    document, so the engine installs it once per document (``with RuleClock(s)
    as clock``) and arms the timer around each rule (``with clock.limit()``),
    instead of a :func:`time_limit` per rule. Same guarantees: no limit for
    ``None`` or ``0``, off the main thread, or when the host has its own timer armed.
    """

    __slots__ = ("seconds", "_previous", "_active")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._active = False
        self._previous = None

    def __enter__(self) -> RuleClock:
        seconds = self.seconds
        self._active = bool(seconds and seconds > 0 and limit_supported()
                            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
        if self._active:
            self._previous = raw_signal(signal.SIGALRM, _raise_timeout)
        return self

    def __exit__(self, *exc) -> None:
        if self._active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            raw_signal(signal.SIGALRM, self._previous)
            self._active = False

    def limit(self) -> _Armed:
        """A context that raises :class:`RuleTimeout` in its body after the clock's seconds."""
        return _Armed(self.seconds if self._active else None)


class _Armed:
    """The timer of one rule; stands aside when another timer is running (the host's)."""

    __slots__ = ("seconds", "_armed")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._armed = False

    def __enter__(self) -> None:
        if self.seconds and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._armed = True

    def __exit__(self, *exc) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RuleTimeout` in the body if it runs longer than ``seconds``.

    ``None`` or ``0`` means no limit, as does an unsupported platform or thread.
    """
    with RuleClock(seconds) as clock, clock.limit():
        yield
