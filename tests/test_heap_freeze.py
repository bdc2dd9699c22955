"""The CLI freezes the heap once, after a process's first document; the library API leaves the caller's heap alone.

Each case runs in a fresh interpreter: freezing is a property of the whole process.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import EXAMPLES

_CLI = """
import gc, sys
from unlint.cli import main
try:
    main(["check", "--no-cache", "--exit-zero", "-j", "1", "--quiet", *sys.argv[1:]])
except SystemExit:
    pass
print(gc.get_freeze_count())
"""

_LIBRARY = """
import gc, sys
from unlint import lint_paths
lint_paths(sys.argv[1:])
print(gc.get_freeze_count())
"""


def _frozen_after(script: str, *paths: str) -> int:
    done = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, timeout=300,
                          check=True)
    return int(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def two_documents() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.zh.txt"))[:2]]


def test_the_cli_freezes_what_its_first_document_loaded(two_documents):
    assert _frozen_after(_CLI, *two_documents) > 0


def test_the_library_api_does_not_freeze_the_callers_heap(two_documents):
    assert _frozen_after(_LIBRARY, *two_documents) == 0


@pytest.mark.parametrize("host_froze", [False, True])
def test_freezing_happens_once_and_not_over_a_hosts_own_freeze(host_froze):
    script = f"""
import gc
from unlint.pipeline import freeze_long_lived
if {host_froze}:
    gc.freeze()
before = gc.get_freeze_count()
more = [[] for _ in range(1000)]
freeze_long_lived(); first = gc.get_freeze_count()
still_more = [[] for _ in range(1000)]
freeze_long_lived()
print(first == before if {host_froze} else first > before, gc.get_freeze_count() == first)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True True"
