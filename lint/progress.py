"""A progress bar on standard error, for long runs in a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")

#: Fewer documents than this finish before a bar would be worth reading.
MIN_DOCUMENTS = 20


def wants_progress(total: int, machine_format: bool, quiet: bool) -> bool:
    """A bar only for many documents, on a terminal, and never beside machine-read output."""
    return total >= MIN_DOCUMENTS and not machine_format and not quiet and sys.stderr.isatty()


def with_progress(items: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
    if not enabled:
        yield from items
        return
    with click.progressbar(length=total, label="Checking", file=sys.stderr) as bar:
        for item in items:
            yield item
            bar.update(1)
