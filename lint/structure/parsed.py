"""Parsed once: the descriptor behind the structure properties of :class:`~unlint.Document`.

A structure (the header, the footnotes, the references...) is parsed on first
use and kept, so a run that selects one family parses only what that family
reads. The parse runs outside the time limit of the rule that asked (its clock
is suspended) and under a limit of its own (``Document.parse_limit``, the
``rule-timeout``), so that a parser that fails or overruns is blamed once, as
itself. A failed structure is remembered: asking for it again, or for a
structure built on it, raises :class:`StructureUnavailable` at once instead of
parsing again, and the engine skips the rule that asked and reports the
failure once per document (``UNL003``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from ..timelimit import RuleTimeout, own_limit

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StructureFailure:
    """Why a structure of one document could not be parsed."""

    #: The Document property, e.g. ``"footnotes"``.
    name: str
    #: What went wrong, one line.
    reason: str
    #: The structure this one is built on whose failure made it fail, if that is why.
    cause: StructureFailure | None = None

    @property
    def root(self) -> StructureFailure:
        """The failure that started it: a parser that raised or overran itself."""
        return self if self.cause is None else self.cause.root


class StructureUnavailable(Exception):
    """Raised to a rule that reads a structure whose parse failed; the engine skips that rule."""

    def __init__(self, failure: StructureFailure) -> None:
        super().__init__(f"the {failure.name} structure could not be parsed: {failure.reason}")
        self.failure = failure


class structure(Generic[T]):  # noqa: N801 - a decorator, read like cached_property
    """A property parsed once per document, whose failure is remembered (see the module's docs).

    The document keeps values in its ``__dict__`` (like ``cached_property``)
    and failures in ``_failures``, a dict by property name.
    """

    def __init__(self, parse: Callable[[Any], T]) -> None:
        self.parse = parse
        self.name = parse.__name__
        self.__doc__ = parse.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, document: Any, owner: type | None = None) -> T:
        if document is None:
            return self  # type: ignore[return-value] - the descriptor itself, on the class
        values = document.__dict__
        if self.name in values:
            return values[self.name]
        failure = document._failures.get(self.name)
        if failure is not None:
            raise StructureUnavailable(failure)
        try:
            with own_limit(document.parse_limit):
                value = self.parse(document)
        except RuleTimeout:
            failure = StructureFailure(self.name, f"took longer than {document.parse_limit:g} s (rule-timeout)")
            document._failures[self.name] = failure
            raise StructureUnavailable(failure) from None
        except StructureUnavailable as err:
            # Built on a structure that failed: this one fails too, for that reason.
            failure = StructureFailure(self.name, f"needs {err.failure.name}", err.failure)
            document._failures[self.name] = failure
            raise StructureUnavailable(failure) from None
        except Exception as err:  # noqa: BLE001 - a parser bug must not end the run
            failure = StructureFailure(self.name, f"{type(err).__name__}: {err}"[:300])
            document._failures[self.name] = failure
            raise StructureUnavailable(failure) from err
        values[self.name] = value
        return value


@lru_cache(maxsize=None)
def structure_names(cls: type) -> tuple[str, ...]:
    """The structure properties of ``cls``, in the order they are defined (dependencies first);
    a subclass's own structures come after those it inherits."""
    names: dict[str, None] = {}
    for klass in reversed(cls.__mro__):
        names.update((name, None) for name, value in vars(klass).items() if isinstance(value, structure))
    return tuple(names)
