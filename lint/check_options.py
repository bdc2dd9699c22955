"""The options of ``unlint check``, typed, in one object built from the command line."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .fixes import FixMode


@dataclass(frozen=True)
class CheckOptions:
    """What ``unlint check`` was asked to do. Field names are the click parameter names."""

    select: str | None = None
    extend_select: str | None = None
    ignore: str | None = None
    per_file_ignores: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    document_date: str | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    output_format: str = "text"
    output_file: str | None = None
    show_source: bool | None = None
    statistics: bool = False
    quiet: bool = False
    stdin_filename: str | None = None
    rule_timeout: str | None = None
    config_file: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int | None = None
    no_cache: bool = False
    cache_dir: str | None = None

    @classmethod
    def from_click(cls, values: dict[str, Any]) -> CheckOptions:
        """From click's keyword arguments; an option this class does not know is a programming error."""
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise TypeError(f"CheckOptions lacks fields for {sorted(unknown)}")
        return cls(**values)

    @property
    def fix_mode(self) -> FixMode | None:
        """Which fixes the run applies (or shows, with ``--diff``); None for none."""
        if not (self.fix or self.unsafe_fixes or self.diff):
            return None
        return FixMode.UNSAFE if self.unsafe_fixes else FixMode.SAFE

    @property
    def machine_output(self) -> bool:
        """Whether standard output is for a program (no progress bar)."""
        return self.output_format != "text" or self.diff
