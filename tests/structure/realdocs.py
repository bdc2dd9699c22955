"""The real excerpts under tests/data/realdocs/ (see the SOURCES.md beside them)."""

from __future__ import annotations

from pathlib import Path

from unlint import Document

REALDOCS = Path(__file__).resolve().parents[1] / "data" / "realdocs"


def realdoc_text(name: str, folder: str = "ecosoc-2023") -> str:
    return (REALDOCS / folder / name).read_text(encoding="utf-8")


def realdoc(name: str, folder: str = "ecosoc-2023") -> Document:
    return Document(realdoc_text(name, folder), name)
