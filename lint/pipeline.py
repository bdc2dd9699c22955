"""A whole check run over many documents: read, look up the cache, lint, fix, write.

Each document is read once, here, in the main process: its bytes give the
content hash the cache is keyed by, and on a miss the same bytes go to a
worker, which decodes, lints and (with ``--fix``) fixes them. Writing fixed
files and the cache happens back here, in input order, so output does not
depend on the number of jobs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .diagnostics import Diagnostic
from .engine import check_document, make_document
from .files import InputError, Source, decode_source, read_bytes
from .fixes import FixMode, FixOutcome, WriteFailed, WriteRefused, applicable, digest, fix_text, write_fixed
from .formats import fix_refusal
from .funnel import Funneled, Policy
from .inputs import RunInputs
from .parallel import Ready, RuleLoader, ordered_map
from .plugins import RuleSet
from .reading import encode
from .results import FileResult

if TYPE_CHECKING:
    import multiprocessing.context

    from .baseline import Baseline
    from .cache import FindingsCache


@dataclass(frozen=True)
class RunOptions:
    """How to run: the settings, the rules, fixing, jobs and cache."""

    config: Config
    rules: RuleSet
    #: How worker processes load the same rules; ``None`` checks everything in this process.
    loader: RuleLoader | None = None
    #: Which fixes to apply; ``None`` applies none.
    fix_mode: FixMode | None = None
    #: Write fixed files back (``--fix``); False only computes them (``--diff``).
    write: bool = True
    jobs: int = 1
    cache: FindingsCache | None = None
    #: ``"spawn"``, ``"fork"``...; ``None`` for the platform's default.
    start_method: str | None = None
    #: Known findings the funnel absorbs (``--baseline``).
    baseline: Baseline | None = None
    #: Keep each document's decoded text on its result (the library API does; the CLI does not,
    #: so that a big tree never sits in memory at once).
    keep_text: bool = False
    #: Freeze the heap after a process's first document (:func:`freeze_long_lived`): the CLI does;
    #: a library caller's own objects would be frozen with unlint's, so it does not by default.
    freeze_heap: bool = False

    @cached_property
    def inputs(self) -> RunInputs:
        """What every document of the run shares, derived once from the settings and the plugins."""
        return RunInputs.of(self.config, self.rules)

    @property
    def policy(self) -> Policy:
        return Policy(self.config, self.baseline)


@dataclass(frozen=True)
class _Task:
    """One document's bytes and what to do with them; sent to a worker."""

    source: Source
    data: bytes
    digest: str
    policy: Policy
    loader: RuleLoader | None
    fix_mode: FixMode | None
    inputs: RunInputs
    keep_text: bool = False
    freeze_heap: bool = False


@dataclass(frozen=True)
class _Checked:
    """A worker's answer: the result, and the first diagnostics for the cache."""

    result: FileResult
    digest: str
    source: Source | None = None
    original: tuple[Diagnostic, ...] = ()
    from_cache: bool = False


def check_sources(sources: Iterable[Source | InputError], options: RunOptions,
                  stdin: bytes | None = None) -> Iterator[FileResult]:
    """Check each source; results come in the order of ``sources`` whatever ``options.jobs``.

    A result keeps its ``decoded`` text only when a fix changed it (``fix`` is
    set) or ``options.keep_text`` asks, so that a large run does not hold every
    document in memory.
    """
    items = (_prepare(source, options, stdin) for source in sources)
    context = _context(options.start_method)
    jobs = options.jobs if options.loader is not None else 1
    here = partial(_check, rules=options.rules)
    for checked in ordered_map(_check, items, jobs, context, here, weight=_weight):
        yield _finish(checked, options)


def _weight(task: _Task) -> int:
    """How much checking a task is, for batching small documents: its size."""
    return len(task.data)


def _context(start_method: str | None) -> multiprocessing.context.BaseContext | None:
    if start_method is None:
        return None
    import multiprocessing

    return multiprocessing.get_context(start_method)


def _prepare(source: Source | InputError, options: RunOptions, stdin: bytes | None) -> _Task | Ready[_Checked]:
    if isinstance(source, InputError):
        return Ready(_Checked(FileResult(source.path, error=source), ""))
    try:
        data = read_bytes(source, stdin)
    except InputError as err:
        return Ready(_Checked(FileResult(source.display, error=err), ""))
    content_digest = digest(data)
    if options.cache is not None:
        cached = options.cache.get(source.display, content_digest)
        wants_fixing = options.fix_mode and any(applicable(d.fix, options.fix_mode) for d in cached or ())
        if cached is not None and not wants_fixing:
            return Ready(_Checked(FileResult(source.display, cached), content_digest, source, from_cache=True))
    return _Task(source, data, content_digest, options.policy, options.loader, options.fix_mode, options.inputs,
                 options.keep_text, options.freeze_heap)


def _check(task: _Task, rules: RuleSet | None = None) -> _Checked:
    """Decode, lint and maybe fix one document; a worker process loads ``rules`` itself."""
    display = task.source.display
    try:
        decoded = decode_source(task.source, task.data)
    except InputError as err:
        return _Checked(FileResult(display, error=err), task.digest)
    finally:
        # Only the digest is needed from here on: a 50 MB file must not sit in memory
        # as bytes beside its text while it is checked (the caller still holds the task).
        object.__setattr__(task, "data", b"")
    if rules is None:
        assert task.loader is not None
        rules = task.loader.load()
    config = task.policy.config
    policy = task.policy

    def check(text: str) -> Funneled:
        document = make_document(text, display, config, task.inputs, decoded.layout)
        return check_document(document, config, rules, policy)

    first = check(decoded.text)
    if task.freeze_heap:
        freeze_long_lived()
    diagnostics, used = first.reported, first.used_suppressions
    # The text goes back to the main process only when a fix must be written there.
    result = FileResult(display, diagnostics, decoded=decoded if task.keep_text else None, used_suppressions=used)
    if task.fix_mode and (reason := fix_refusal(decoded)) is not None:
        # Word and PDF text is a reading of the file: there is nothing to write back.
        unchanged = FixOutcome(decoded.text, decoded.text, 0, refused=f"not fixed: {reason}")
        result = replace(result, decoded=decoded, fix=unchanged)
    elif task.fix_mode:
        outcome, remaining = fix_text(decoded.text, diagnostics, task.fix_mode, lambda text: check(text).reported)
        if outcome.changed:
            result = replace(result, diagnostics=remaining, decoded=decoded, fix=outcome)
    return _Checked(result, task.digest, task.source, tuple(diagnostics))


@lru_cache(maxsize=1)
def freeze_long_lived() -> None:
    """Once per process, after its first document: keep what later documents reuse out of collections.

    The first document loads what the process keeps to its end: the organization registry and its
    automaton, the parse tables, the patterns compiled on first use (start-up, :mod:`unlint.startup`,
    froze what was built before it). Every full collection of the cyclic garbage collector traversed
    all of it again. ``gc.freeze`` moves the objects alive now to a generation no collection scans
    (reference counting still frees them). Only a process unlint owns does this (the CLI and its
    workers, ``RunOptions.freeze_heap``). Once: ``lru_cache`` makes later calls free.

    The youngest generation is also collected less often (every 20,000 allocations rather than
    700): a check makes hundreds of thousands of short-lived objects that reference counting
    frees, and few cycles; the collections it triggered cost about 3 % of a check.
    """
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(_YOUNG_THRESHOLD, middle, oldest)


#: Allocations between two collections of the youngest generation in a process unlint owns.
_YOUNG_THRESHOLD = 20_000


def _finish(checked: _Checked, options: RunOptions) -> FileResult:
    result = checked.result
    if result.error is not None or checked.source is None:
        return result
    if options.cache is not None and not checked.from_cache:
        options.cache.put(result.path, checked.digest, checked.original)
    if result.fix is None or result.fix.refused:
        return result
    if not options.write:  # --diff: the file keeps its text, and so its findings
        return replace(result, diagnostics=list(checked.original))
    return _write(result, checked, options)


def _write(result: FileResult, checked: _Checked, options: RunOptions) -> FileResult:
    outcome, decoded, path = result.fix, result.decoded, checked.source.path
    assert outcome is not None and decoded is not None
    if path is None:
        # Standard input has no file to write: the fixed text stays on the result, for the
        # caller to print (``unlint check --fix -``, as an editor integration expects).
        return result
    try:
        note = write_fixed(Path(path), outcome.fixed, decoded, checked.digest)
    except WriteFailed as err:  # an error for this file; the run goes on
        return FileResult(result.path, list(checked.original), error=InputError(result.path, str(err)),
                          decoded=decoded, fix=replace(outcome, refused=None))
    except WriteRefused as err:
        return replace(result, diagnostics=list(checked.original), fix=replace(outcome, refused=str(err)))
    if options.cache is not None:
        options.cache.put(result.path, digest(encode(outcome.fixed, decoded)), result.diagnostics)
    return replace(result, fix=replace(outcome, written=True, note=note))


__all__ = ["FileResult", "FixOutcome", "RunOptions", "check_sources"]
