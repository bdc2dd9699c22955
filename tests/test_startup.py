"""What a plain `unlint check` of a text document loads: only what it uses.

Start-up is measured by bench/run.py, not here; these tests guard the
structural causes of a slow start, which are stable: modules that a check of
a text document never needs must not be imported by it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS

#: Modules (and packages, with their submodules) a check of a text document does without.
NOT_NEEDED = (
    "importlib.metadata",  # the version and plugins are read from the metadata files directly
    "importlib.resources",  # package data is read through the package's loader
    "tempfile",  # only fixes and cache misses write files
    "email",  # pulled in by importlib.metadata
    "zipfile",
    "unlint.compare",  # only `unlint compare` pairs documents
    "unlint.formats.docx",  # Word and PDF readers, for their own files only
    "unlint.formats.pdf",
    "lark",  # the parse tables are shipped built
)

_SCRIPT = """
import json, sys
from unlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", _SCRIPT, *args], capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout.splitlines()[-1])


def _offending(loaded: list[str]) -> list[str]:
    return [m for m in loaded if any(m == name or m.startswith(f"{name}.") for name in NOT_NEEDED)]


def test_checking_a_text_document_loads_only_what_it_uses():
    loaded = _loaded("check", "--quiet", "--no-cache", str(CORPUS[0]))
    assert "unlint.rules.organizations" in loaded  # the rules did run
    assert _offending(loaded) == []
    # Asked for by options only: --no-cache, and no --baseline.
    assert "unlint.cache" not in loaded and "unlint.baseline" not in loaded


def test_a_cached_rerun_loads_no_more(tmp_path):
    first = _loaded("check", "--quiet", "--cache-dir", str(tmp_path), str(CORPUS[0]))
    assert "tempfile" in first  # the first run wrote the cache
    assert _offending(_loaded("check", "--quiet", "--cache-dir", str(tmp_path), str(CORPUS[0]))) == []


def test_the_guard_sees_a_module_that_is_imported(tmp_path):
    # `unlint compare` does need the comparison machinery: the list above is not vacuous.
    english = sorted((CORPUS[0].parent / "en").glob("*.en.txt"))
    loaded = _loaded("compare", str(english[0]), str(CORPUS[0])) if english else []
    assert any(m.startswith("unlint.compare") for m in loaded)


def _collector_after(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    return result.stdout.strip().splitlines()[-1]


def test_importing_the_library_leaves_the_cycle_collector_alone():
    # Only the command turns the collector off for its start-up (unlint.startup), never a library import.
    code = "import gc, unlint; unlint.lint_text('大会第60/1号决议。'); print(gc.isenabled(), gc.get_freeze_count())"
    assert _collector_after(code) == "True 0"
    assert _collector_after("import gc; gc.disable(); import unlint.cli; print(gc.isenabled())") == "False"


_AT_EXIT = "import atexit, gc; atexit.register(lambda: print(gc.isenabled(), gc.get_freeze_count() > 0))\n"


@pytest.mark.parametrize("command", [["check", "--quiet", "--no-cache"], ["refs"]])
def test_the_command_turns_the_cycle_collector_back_on_after_start_up(tmp_path, command):
    document = tmp_path / "a.txt"
    document.write_text("大会第60/1号决议。\n", encoding="utf-8")
    code = f"{_AT_EXIT}import sys; sys.argv = ['unlint', *{[*command, str(document)]!r}]\nfrom unlint.__main__ import run\nrun()"
    assert _collector_after(code) == "True True"  # on again, and what start-up built frozen


def test_the_command_run_in_a_callers_process_leaves_the_cycle_collector_alone(tmp_path):
    document = tmp_path / "a.txt"
    document.write_text("大会第60/1号决议。\n", encoding="utf-8")
    code = (f"{_AT_EXIT}from click.testing import CliRunner\nfrom unlint.cli import main\n"
            f"CliRunner().invoke(main, ['check', '--quiet', '--no-cache', {str(document)!r}])")
    assert _collector_after(code) == "True False"
