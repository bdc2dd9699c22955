"""Running work on many documents in processes, with results in input order.

Rules cannot be sent to another process (a rule's check function is replaced
in its module by the :class:`~unlint.Rule` the decorator makes, so pickle
cannot find it). Each worker therefore loads the rules itself, from a
:class:`RuleLoader`: a small, picklable description of where the rules come
from, loaded once per worker.
"""

from __future__ import annotations

import importlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, TypeVar

from .plugins import RuleSet, load_rules

if TYPE_CHECKING:
    import concurrent.futures
    import multiprocessing.context

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class RuleLoader:
    """Where a run's rules come from: built-ins, entry points, and plugin modules by name."""

    entry_point_plugins: bool = True
    extra_modules: tuple[str, ...] = ()
    builtin: bool = True

    def load(self) -> RuleSet:
        if self == RuleLoader():
            # What `unlint check` uses: the process's one default rule set.
            from .runner import default_rules

            return default_rules()
        return _load(self)


@lru_cache(maxsize=4)
def _load(loader: RuleLoader) -> RuleSet:
    extra = [importlib.import_module(name) for name in loader.extra_modules]
    return load_rules(entry_point_plugins=loader.entry_point_plugins, extra=extra, builtin=loader.builtin)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Ready(Generic[R]):
    """An item whose result is known without running the work (a cache hit, an unreadable file)."""

    result: R


#: Small items go to a worker in batches of about this weight (for documents: bytes, a
#: few hundredths of a second of checking), so that what each task costs besides the
#: work (pickling, the pipe, waking the pool's threads) is paid per batch, not per file.
BATCH_WEIGHT = 256_000
#: ... and of at most this many items, so that the last batches still share out evenly.
BATCH_ITEMS = 16


def ordered_map(work: Callable[[T], R], items: Iterable[T | Ready[R]], jobs: int,
                context: multiprocessing.context.BaseContext | None = None,
                here: Callable[[T], R] | None = None, weight: Callable[[T], int] | None = None) -> Iterator[R]:
    """``work(item)`` for each item, in input order, in up to ``jobs`` processes.

    ``here`` does the work of items run in this process (default: ``work``);
    ``work`` must be picklable. Items are consumed lazily and at most a few
    batches per worker are in flight, so a large run holds little in memory.
    Consecutive items go to a worker together up to :data:`BATCH_WEIGHT`
    (``weight`` gives an item's; default 1 each) and :data:`BATCH_ITEMS`.

    The pool starts only when the second item that needs work arrives: a run
    with nothing to do, or one thing, never pays for it. The first item is then
    done here, before the pool starts, so that workers forked from this process
    inherit what it loaded and built on the way (the rules' lazy tables and
    patterns) instead of each building them again.
    """
    here = here or work
    if jobs <= 1:
        for item in items:
            yield item.result if isinstance(item, Ready) else here(item)
        return
    batches = _Batches(weight or (lambda item: 1), BATCH_WEIGHT if weight else BATCH_ITEMS)
    pool: concurrent.futures.Executor | None = None
    pending: deque = deque()
    first: _Deferred | None = None
    try:
        for item in items:
            if isinstance(item, Ready):
                pool = _flush(batches, pool, pending, work, jobs, context)
                pending.append(item)
            elif pool is None and first is None:
                first = _Deferred(item)
                pending.append(first)
            else:
                if pool is None:
                    assert first is not None
                    _settle(pending, first, here)
                    pool = _start_pool(jobs, context)
                if batches.add(item):
                    pool = _flush(batches, pool, pending, work, jobs, context)
            while len(pending) > 4 * jobs:
                yield from _results(pending.popleft(), here)
        pool = _flush(batches, pool, pending, work, jobs, context)
        while pending:
            yield from _results(pending.popleft(), here)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _settle(pending: deque, deferred: _Deferred, here: Callable) -> None:
    """Do the deferred item's work now, in its place."""
    for index, entry in enumerate(pending):
        if entry is deferred:
            pending[index] = Ready(here(deferred.item))
            return


class _Batches(Generic[T]):
    """The items gathered for the next task, until they weigh enough."""

    def __init__(self, weight: Callable[[T], int], limit: int) -> None:
        self.weight, self.limit = weight, limit
        self.items: list[T] = []
        self.total = 0

    def add(self, item: T) -> bool:
        """Gather ``item``; True when the batch is full."""
        self.items.append(item)
        self.total += self.weight(item)
        return self.total >= self.limit or len(self.items) >= BATCH_ITEMS

    def take(self) -> list[T]:
        items, self.items, self.total = self.items, [], 0
        return items


def _flush(batches: _Batches, pool: concurrent.futures.Executor | None, pending: deque, work: Callable,
           jobs: int, context: multiprocessing.context.BaseContext | None) -> concurrent.futures.Executor | None:
    """Submit the gathered items, if any, as one task; the pool (a fresh one if it broke)."""
    if not batches.items:
        return pool
    assert pool is not None
    items = batches.take()
    pool, future = _submit(pool, _run_batch, (work, items), jobs, context)
    pending.append(_Submitted(items, future))
    return pool


def _run_batch(work: Callable[[T], R], items: list[T]) -> list[R]:
    """In a worker: the work of a batch, in order."""
    return [work(item) for item in items]


def _submit(pool: concurrent.futures.Executor, work: Callable, arguments: tuple, jobs: int,
            context: multiprocessing.context.BaseContext | None) -> tuple[concurrent.futures.Executor, object]:
    # A pool whose worker died (killed, out of memory) takes no more work: the
    # rest of the run goes to a fresh one.
    from concurrent.futures import BrokenExecutor

    try:
        return pool, pool.submit(work, *arguments)
    except BrokenExecutor:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _start_pool(jobs, context)
        return pool, pool.submit(work, *arguments)


def _start_pool(jobs: int, context: multiprocessing.context.BaseContext | None) -> concurrent.futures.Executor:
    # Imported here: a run that never starts a pool does not pay for the import.
    import concurrent.futures

    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context)


@dataclass(frozen=True)
class _Deferred(Generic[T]):
    # The first item needing work, done here when its turn comes if no second
    # one arrives, so that a single miss does not start a pool.
    item: T


@dataclass(frozen=True)
class _Submitted(Generic[T]):
    items: list[T]
    future: concurrent.futures.Future


def _results(entry: object, work: Callable) -> list:
    if isinstance(entry, Ready):
        return [entry.result]
    if isinstance(entry, _Deferred):
        return [work(entry.item)]
    assert isinstance(entry, _Submitted)
    try:
        return entry.future.result()
    except Exception:  # noqa: BLE001 - the worker, not the work, failed
        # A result that could not cross back (an unpicklable value) or a worker
        # that died: the batch is checked again here, as ``-j 1`` would, so that
        # one file's trouble never costs the findings of the others.
        return [work(item) for item in entry.items]
