"""Loaders for the TYP reference data in ``unlint.rules/data`` (read once, never changed)."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Mapping


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


def _data(name: str):
    return files("unlint.rules").joinpath("data", name)


@lru_cache(maxsize=1)
def doubling_table() -> DoublingTable:
    raw = tomllib.loads(_data("doubled-characters.toml").read_text(encoding="utf-8"))
    characters = {
        char: DoubledCharacter(tuple(entry.get("before", ())), tuple(entry.get("after", ())))
        for char, entry in raw["characters"].items()
    }
    return DoublingTable(MappingProxyType(characters), tuple(raw["reduplicated"]))


@lru_cache(maxsize=1)
def traditional_characters() -> Mapping[str, tuple[str, ...]]:
    """Traditional character -> its simplified forms, most usual first (from OpenCC)."""
    raw = json.loads(_data("traditional-characters.json").read_text(encoding="utf-8"))
    return MappingProxyType({char: tuple(targets) for char, targets in raw["characters"].items()})
