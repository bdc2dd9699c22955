"""Regular expressions compiled the first time they are used, not when their module is imported.

Every ``unlint`` process imports the structure parsers and the rules, and a
module-level ``regex.compile`` runs at import: about 125 patterns, compiled in
Python by ``regex`` and ``re``, on every start, although a given document uses
about half of them (a document without an agenda never runs the agenda's
patterns). :func:`compiled_on_use` defers the compile to the first use.

The stand-in it returns compiles on its first attribute lookup and then keeps
the compiled pattern's methods and attributes as its own, so that later uses
(``PATTERN.finditer(text)`` in a rule's loop) are an attribute lookup and a
call of the compiled pattern's method, as with the compiled pattern itself: no
Python function runs per use. Compiling is a pure function of the arguments,
so a stand-in's one change of state (compiled or not) is a per-process cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .startup import compile_pattern

P = TypeVar("P")

#: What callers use of a compiled ``regex`` or ``re`` pattern; copied onto the stand-in on first use.
_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "pattern", "flags", "groups", "groupindex")


class _OnUse:
    """A pattern not compiled yet; see :func:`compiled_on_use`."""

    def __init__(self, compile: Callable[..., Any], pattern: str, flags: int, options: dict[str, Any]) -> None:
        self._recipe = (compile, pattern, flags, options)

    def __getattr__(self, name: str) -> Any:
        # Python calls this only for a name the instance does not have yet: the first use,
        # or a name that is not forwarded (looked up on the compiled pattern each time).
        if name.startswith("__") or name == "_recipe":
            raise AttributeError(name)  # copy and pickle probe the instance before it has a recipe
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if this is its first use)."""
        found = vars(self).get("_compiled")
        if found is None:
            compile, pattern, flags, options = self._recipe
            found = compile_pattern(compile, pattern, flags, options)
            attributes = vars(self)
            attributes.update((name, getattr(found, name)) for name in _FORWARDED if hasattr(found, name))
            attributes["_compiled"] = found
        return found

    def __reduce__(self) -> tuple:
        # Sent to a worker as the recipe, compiled there on use.
        return (_OnUse, self._recipe)

    def __repr__(self) -> str:
        return f"compiled_on_use({self._recipe[1]!r})"


def compiled_on_use(compile: Callable[..., P], pattern: str, flags: int = 0, **options: Any) -> P:
    """``compile(pattern, flags, **options)``, done the first time the result is used.

    ``compile`` is ``regex.compile`` or ``re.compile``; the result stands for the
    compiled pattern (its methods and ``pattern``, ``flags``, ``groups``,
    ``groupindex``), but is not an instance of the pattern type.
    """
    return _OnUse(compile, pattern, flags, options)  # type: ignore[return-value]
