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


def ordered_map(work: Callable[[T], R], items: Iterable[T | Ready[R]], jobs: int,
                context: multiprocessing.context.BaseContext | None = None,
                here: Callable[[T], R] | None = None) -> Iterator[R]:
    """``work(item)`` for each item, in input order, in up to ``jobs`` processes.

    ``here`` does the work of items run in this process (default: ``work``);
    ``work`` must be picklable. Items are consumed lazily and at most a few per
    worker are in flight, so a large run holds little in memory. The pool
    starts only when the second item that needs work arrives: a run with
    nothing to do never pays for it.
    """
    here = here or work
    if jobs <= 1:
        for item in items:
            yield item.result if isinstance(item, Ready) else here(item)
        return
    pool: concurrent.futures.Executor | None = None
    pending: deque = deque()
    first: T | None = None
    try:
        for item in items:
            if isinstance(item, Ready):
                pending.append(item)
            elif pool is None and first is None:
                first = item
                pending.append(_Deferred(item))
            else:
                pool = pool or _start_pool(jobs, context)
                pool, future = _submit(pool, work, item, jobs, context)
                pending.append(_Submitted(item, future))
            while len(pending) > 4 * jobs:
                yield _result(pending.popleft(), here)
        while pending:
            yield _result(pending.popleft(), here)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _submit(pool: concurrent.futures.Executor, work: Callable, item: object, jobs: int,
            context: multiprocessing.context.BaseContext | None) -> tuple[concurrent.futures.Executor, object]:
    # A pool whose worker died (killed, out of memory) takes no more work: the
    # rest of the run goes to a fresh one.
    from concurrent.futures import BrokenExecutor

    try:
        return pool, pool.submit(work, item)
    except BrokenExecutor:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _start_pool(jobs, context)
        return pool, pool.submit(work, item)


def _start_pool(jobs: int, context: multiprocessing.context.BaseContext | None) -> concurrent.futures.Executor:
    # Imported here: a run that never starts a pool does not pay for the import.
    import concurrent.futures

    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context)


@dataclass(frozen=True)
class _Deferred(Generic[T]):
    # The first item needing work runs here, in this process, when its turn
    # comes, so that a single miss does not start a pool.
    item: T


@dataclass(frozen=True)
class _Submitted(Generic[T]):
    item: T
    future: concurrent.futures.Future


def _result(entry: object, work: Callable) -> object:
    if isinstance(entry, Ready):
        return entry.result
    if isinstance(entry, _Deferred):
        return work(entry.item)
    assert isinstance(entry, _Submitted)
    try:
        return entry.future.result()
    except Exception:  # noqa: BLE001 - the worker, not the work, failed
        # A result that could not cross back (an unpicklable value) or a worker
        # that died: the item is checked again here, as ``-j 1`` would, so that
        # one file's trouble never costs the findings of the others.
        return work(entry.item)
