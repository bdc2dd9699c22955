"""Reference data the SYM and RES rules read, loaded once from rules/data/.

Immutable values behind ``lru_cache``: the Security Council's resolution
numbers by year of adoption, and the document-symbol series the registry
knows.
"""

from __future__ import annotations

import bisect
import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from unlint.packagedata import read_text


def _read_csv(name: str) -> list[dict[str, str]]:
    text = read_text("unlint.rules", "data", name)
    return list(csv.DictReader(io.StringIO(text)))


@dataclass(frozen=True)
class AdoptionTable:
    """First (and, when known, last) Security Council resolution number of each year."""

    years: tuple[int, ...]
    firsts: tuple[int, ...]
    #: The last number whose year the table knows: every later one is of the last year or after.
    last_known: int

    def year_of(self, number: int) -> int | None:
        """The year resolution ``number`` was adopted; ``None`` beyond the table."""
        if number < 1 or number > self.last_known:
            return None
        return self.years[bisect.bisect_right(self.firsts, number) - 1]

    def earliest_year_of(self, number: int) -> int:
        """The earliest year resolution ``number`` can have been adopted in."""
        return self.years[bisect.bisect_right(self.firsts, number) - 1]

    def last_number_by(self, year: int) -> int | None:
        """The last resolution adopted in ``year`` or before, when the table knows it."""
        index = bisect.bisect_right(self.years, year)
        if index >= len(self.years):
            return None
        return self.firsts[index] - 1


@lru_cache(maxsize=1)
def sc_adoption_table() -> AdoptionTable:
    rows = sorted(_read_csv("sc-resolutions-by-year.csv"), key=lambda row: int(row["year"]))
    last_known = max(int(row["last"]) for row in rows if row["last"].isdigit())
    return AdoptionTable(
        tuple(int(row["year"]) for row in rows), tuple(int(row["first"]) for row in rows), last_known,
    )


@lru_cache(maxsize=1)
def known_series() -> frozenset[str]:
    return frozenset(row["series"] for row in _read_csv("symbol-series.csv"))
