"""Shared fixtures: the real example documents, the real CLI, the example plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = sorted(EXAMPLES.glob("*.zh.txt"))
ENGLISH = sorted((EXAMPLES / "en").glob("*.en.txt"))


def corpus_file(name: str) -> Path:
    return EXAMPLES / name


def run_unlint(*args: str, cwd: Path | None = None, env: dict | None = None,
               input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the real ``unlint`` command in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "unlint", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=input,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def example_plugin_path(tmp_path_factory) -> Path:
    """The example plugin in examples/plugin, really installed (pip --target) into a temp folder."""
    target = tmp_path_factory.mktemp("plugin-site")
    # Build from a copy: a build may leave build/ or *.egg-info beside the sources.
    source = shutil.copytree(EXAMPLES / "plugin", tmp_path_factory.mktemp("plugin-src") / "plugin")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    return target


@pytest.fixture(scope="session")
def plugin_env(example_plugin_path) -> dict:
    """Environment for a subprocess in which the example plugin is installed."""
    existing = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": os.pathsep.join(p for p in (str(example_plugin_path), existing) if p)}
