"""The progress bar: only for many documents, on a terminal, beside a text report."""

from __future__ import annotations

import io

import pytest

from unlint import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("total", "machine", "quiet", "tty", "shown"), [
    (100, False, False, True, True),
    (progress.MIN_DOCUMENTS - 1, False, False, True, False),
    (100, True, False, True, False),
    (100, False, True, True, False),
    (100, False, False, False, False),
])
def test_wants_progress(monkeypatch, total, machine, quiet, tty, shown):
    monkeypatch.setattr("sys.stderr", Terminal() if tty else io.StringIO())
    assert progress.wants_progress(total, machine, quiet) is shown


def test_the_bar_goes_to_stderr_and_passes_items_through(monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert list(progress.with_progress(iter(range(30)), 30, enabled=True)) == list(range(30))
    assert "Checking" in terminal.getvalue()
    assert capsys.readouterr().out == ""
