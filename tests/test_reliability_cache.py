"""Issue 16, item 9: a bad cache entry is a miss, never a crash or a silent pass.

Each test runs the real CLI twice with one cache folder: once to fill the
cache, then after the entry (or a plugin's helper module) was changed on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS
from .plugin_wheel import build_wheel

DOCUMENT = CORPUS[1]


def _run(folder: Path, cache: Path, *args: str, site: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNLINT_CACHE_DIR": str(cache)}
    if site is not None:
        env["PYTHONPATH"] = str(site)
    result = subprocess.run([sys.executable, "-m", "unlint", "check", "-j", "1", *args], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


@pytest.fixture
def filled(tmp_path) -> tuple[Path, Path, str]:
    """A folder with a real document, a cache holding its entry, and the report it gives."""
    (tmp_path / "doc.txt").write_bytes(DOCUMENT.read_bytes())
    cache = tmp_path / "cache"
    first = _run(tmp_path, cache, "doc.txt")
    assert first.returncode == 1 and first.stdout
    assert len(_entries(cache)) == 1
    return tmp_path, cache, first.stdout


def _plant(cache: Path, text: str) -> None:
    (entry,) = _entries(cache)
    entry.write_text(text, encoding="utf-8")


def test_a_planted_empty_list_does_not_hide_the_findings(filled):
    folder, cache, report = filled
    _plant(cache, "[]")
    again = _run(folder, cache, "doc.txt")
    assert again.returncode == 1 and again.stdout == report


def test_an_entry_nested_200000_deep_is_a_miss(filled):
    folder, cache, report = filled
    _plant(cache, "[" * 200_000 + "]" * 200_000)
    again = _run(folder, cache, "doc.txt")
    assert again.returncode == 1 and again.stdout == report


#: Where a field is in a cached finding (a list of the fields, lint/cache.py:_to_json).
_FIELD_INDEX = {"code": 0, "severity": 2, "message": 3, "start line": 4, "end column": 7, "offset": 8,
                "where": 12, "fix": 13}


def _retyped(cache: Path, field: str, value: object) -> None:
    (entry,) = _entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0][_FIELD_INDEX[field]] = value
    entry.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(("field", "value", "output_format"), [
    ("code", 5, "junit"), ("message", ["x"], "sarif"), ("severity", 3, "junit"), ("start line", "1:1", "sarif"),
    ("end column", None, "json"), ("offset", True, "text"), ("where", [1, 2, 3], "sarif"),
    ("fix", ["safe", 1], "sarif"), ("fix", {"applicability": "safe", "edits": []}, "sarif"),
])
def test_an_entry_with_a_field_of_the_wrong_type_is_a_miss(filled, field, value, output_format):
    folder, cache, _ = filled
    fresh = _run(folder, folder / "other-cache", "--format", output_format, "doc.txt")
    _retyped(cache, field, value)
    again = _run(folder, cache, "--format", output_format, "doc.txt")
    assert again.returncode == 1 and again.stderr == ""
    assert again.stdout == fresh.stdout


PLUGIN = """
from unlint import Finding, hookimpl, rule

from {helpers} import MESSAGE


@rule("TST301", "first-line", "Flags the first character")
def first_line(document, config):
    \"\"\"## What it does
    Test rule: one finding whose message a helper module holds.
    \"\"\"
    if document.text:
        yield Finding(0, 1, MESSAGE)


@hookimpl
def unlint_rules():
    return [first_line]
"""


def _install(folder: Path, files: dict[str, str], module: str) -> Path:
    info = f"{module}-0.1.dist-info"
    wheel = build_wheel(folder, module, {
        **files,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 0.1\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": f"[unlint.rules]\nhelper = {module}\n",
    })
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    return site


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["package", "single-module"])
def test_a_changed_helper_module_of_a_plugin_is_not_served_from_the_cache(tmp_path, layout):
    if layout == "package":
        helper = "tst_helper_pkg/helpers.py"
        files = {"tst_helper_pkg/__init__.py": PLUGIN.format(helpers=".helpers"), helper: 'MESSAGE = "old"\n'}
        module = "tst_helper_pkg"
    else:
        helper = "tst_helper_values.py"
        files = {"tst_helper_single.py": PLUGIN.format(helpers="tst_helper_values"), helper: 'MESSAGE = "old"\n'}
        module = "tst_helper_single"
    site = _install(tmp_path, files, module)
    (tmp_path / "doc.txt").write_text("第一段。\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert "TST301 old" in _run(tmp_path, cache, "--select", "TST", "doc.txt", site=site).stdout
    (site / helper).write_text('MESSAGE = "a new message"\n', encoding="utf-8")
    assert "TST301 a new message" in _run(tmp_path, cache, "--select", "TST", "doc.txt", site=site).stdout
