"""The CLI freezes the heap after a process's first document; the library API leaves the caller's heap alone.

Each case runs in a fresh interpreter: freezing is a property of the whole process.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import EXAMPLES

def _cli(entry: str) -> str:
    """A script that runs ``check`` through ``entry`` and prints how often the pipeline asked to freeze,
    and whether anything was frozen beyond what was frozen at the first ask."""
    return f"""
import gc, sys
from unlint import pipeline
frozen = []
def recorded():
    frozen.append(gc.get_freeze_count())
    gc.freeze()
pipeline.freeze_long_lived = recorded
sys.argv = ["unlint", "check", "--no-cache", "--exit-zero", "-j", "1", "--quiet", *sys.argv[1:]]
try:
    {entry}
except SystemExit:
    pass
print(len(frozen), gc.get_freeze_count() > (frozen[0] if frozen else 0))
"""


_LIBRARY = """
import gc, sys
from unlint import lint_paths
lint_paths(sys.argv[1:])
print(gc.get_freeze_count())
"""


def _last_line(script: str, *paths: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, timeout=300,
                          check=True)
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def two_documents() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.zh.txt"))[:2]]


def test_the_command_freezes_what_its_first_document_loaded(two_documents):
    # The pipeline asks after each of the two documents (the real function freezes the first time only),
    # and what was alive then is frozen on top of what start-up froze.
    assert _last_line(_cli("from unlint.__main__ import run; run()"), *two_documents) == "2 True"


def test_the_command_run_in_a_callers_process_does_not_freeze_it(two_documents):
    assert _last_line(_cli("from unlint.cli import main; main()"), *two_documents) == "0 False"


def test_the_library_api_does_not_freeze_the_callers_heap(two_documents):
    assert _last_line(_LIBRARY, *two_documents) == "0"


def test_freezing_happens_once_per_process():
    script = """
import gc
from unlint.pipeline import freeze_long_lived
before = gc.get_freeze_count()
freeze_long_lived(); first = gc.get_freeze_count()
more = [[] for _ in range(1000)]
freeze_long_lived()
print(first > before, gc.get_freeze_count() == first)
"""
    assert _last_line(script) == "True True"


def test_the_command_collects_its_youngest_objects_less_often_and_the_library_leaves_it(two_documents):
    command = """
import gc, sys
sys.argv = ["unlint", "check", "--no-cache", "--exit-zero", "-j", "1", "--quiet", *sys.argv[1:]]
from unlint.__main__ import run
from unlint.pipeline import _YOUNG_THRESHOLD
try:
    run()
except SystemExit:
    pass
print(gc.get_threshold()[0] == _YOUNG_THRESHOLD, gc.get_threshold()[1:] == (10, 10))
"""
    assert _last_line(command, *two_documents) == "True True"
    library = """
import gc, sys
from unlint import lint_paths
lint_paths(sys.argv[1:])
print(gc.get_threshold())
"""
    assert _last_line(library, *two_documents) == "(700, 10, 10)"
