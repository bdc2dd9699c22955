"""Loaders for the TYP reference data in ``unlint.rules/data`` (read once, never changed)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from unlint.packagedata import load_parsed


@dataclass(frozen=True, slots=True)
class DoubledCharacter:
    """A checked character and the words around which its doubling is natural."""

    #: Words ending in the character: the first of the two belongs to them.
    before: tuple[str, ...]
    #: Words starting with the character: the second of the two begins them.
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DoublingTable:
    characters: Mapping[str, DoubledCharacter]
    #: Words and idioms made of a doubled character (常常, 的的确确).
    reduplicated: tuple[str, ...]
    #: Length of the longest word above: how far TYP004 looks to either side of a pair.
    longest_word: int


@lru_cache(maxsize=1)
def doubling_table() -> DoublingTable:
    raw = load_parsed("unlint.rules", "data", "doubled-characters.toml")
    characters = {
        char: DoubledCharacter(tuple(entry.get("before", ())), tuple(entry.get("after", ())))
        for char, entry in raw["characters"].items()
    }
    reduplicated = tuple(raw["reduplicated"])
    # Once per process, not per document: the words are the same for every one.
    words = [*reduplicated, *(w for entry in characters.values() for w in (*entry.before, *entry.after))]
    return DoublingTable(MappingProxyType(characters), reduplicated, max(map(len, words)))


@lru_cache(maxsize=1)
def traditional_characters() -> Mapping[str, tuple[str, ...]]:
    """Traditional character -> its simplified forms, most usual first (from OpenCC)."""
    raw = load_parsed("unlint.rules", "data", "traditional-characters.json")
    return MappingProxyType({char: tuple(targets) for char, targets in raw["characters"].items()})
