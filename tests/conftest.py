"""Shared fixtures: the real example documents, the real CLI, the example plugin, an isolated cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: on a shared two-core CI runner one example can take longer than Hypothesis's
# default 200 ms under load, and a deadline then fails a property that holds. Speed is the benchmarks'
# business (bench/), never a test's.
settings.register_profile("unlint", deadline=None)
settings.load_profile("unlint")

ROOT = REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = sorted(EXAMPLES.glob("*.zh.txt"))
ENGLISH = sorted((EXAMPLES / "en").glob("*.en.txt"))
DATED = EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt"


def corpus_file(name: str) -> Path:
    return EXAMPLES / name


def unlint_process(*args: str, cwd: Path | None = None, env: dict | None = None,
                   input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the real ``unlint`` command in a fresh process (no plugin unless ``env`` adds one)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "unlint", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=input,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own user cache directory, never the real one."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("UNLINT_CACHE_DIR", raising=False)
    return folder / "unlint"


@pytest.fixture(scope="session")
def date_plugin_dir(tmp_path_factory) -> Path:
    """The example plugin (EXD001) installed into a folder to put on PYTHONPATH."""
    target = tmp_path_factory.mktemp("plugin-site")
    # Built from a copy: a build leaves egg-info beside the sources, and egg-info
    # in examples/plugin would make the plugin an entry point for every test.
    source = tmp_path_factory.mktemp("plugin-source") / "plugin"
    shutil.copytree(EXAMPLES / "plugin", source)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(source)],
        check=True, capture_output=True,
    )
    return target


@pytest.fixture
def run_unlint(date_plugin_dir, isolated_cache):
    """Run the real ``unlint`` command in a subprocess, with the example plugin installed."""

    def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None):
        environment = {**os.environ, "PYTHONPATH": str(date_plugin_dir), **(env or {})}
        return subprocess.run([sys.executable, "-m", "unlint", *args], cwd=cwd or REPO, input=stdin,
                              capture_output=True, env=environment)

    return run


@pytest.fixture
def date_plugin(monkeypatch):
    """The example plugin's module, importable by name (also in worker processes)."""
    monkeypatch.syspath_prepend(str(EXAMPLES / "plugin"))
    import unlint_date_style

    return unlint_date_style


@pytest.fixture(scope="session")
def example_plugin_path(date_plugin_dir) -> Path:
    """The example plugin in examples/plugin, really installed (pip --target) into a temp folder."""
    return date_plugin_dir


@pytest.fixture(scope="session")
def plugin_env(example_plugin_path) -> dict:
    """Environment for a subprocess in which the example plugin is installed."""
    existing = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": os.pathsep.join(p for p in (str(example_plugin_path), existing) if p)}
