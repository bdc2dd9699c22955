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
from contextlib import contextmanager


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


@contextmanager
def suspended() -> Iterator[None]:
    """Stop the clock of the enclosing :func:`time_limit` while the body runs; it then resumes
    with the time it had left. The engine parses a structure this way, on a rule's first use
    of it, so that the parse is not charged to the rule. Does nothing outside a limit of ours.
    """
    if not limit_supported() or signal.getsignal(signal.SIGALRM) is not _raise_timeout:
        yield
        return
    remaining, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if remaining > 0:
            signal.setitimer(signal.ITIMER_REAL, remaining)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RuleTimeout` in the body if it runs longer than ``seconds``.

    ``None`` or ``0`` means no limit, as does an unsupported platform or thread.
    """
    if not seconds or seconds <= 0 or not limit_supported() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
