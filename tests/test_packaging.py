"""The built wheel: the folder mapping ships grammars and rule data, and works installed.

Editable installs hide packaging mistakes (a missing ``grammars/__init__.py``,
data files not listed as package data), so this builds the real wheel,
installs it into a folder of its own and runs it from there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT, unlint_process

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (built,) = out.glob("unlint-*.whl")
    return built


def test_wheel_ships_every_grammar_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"unlint/grammars/{p.name}" for p in (ROOT / "grammars").glob("*.lark")}
    expected |= {f"unlint/grammars/{p.name}" for p in (ROOT / "grammars").glob("*.tables.json")}
    expected |= {f"unlint/rules/data/{p.name}" for p in (ROOT / "rules" / "data").glob("*") if p.is_file()}
    expected |= {"unlint/grammars/__init__.py", "unlint/rules/__init__.py", "unlint/cli.py"}
    expected |= {"unlint/formats/__init__.py", "unlint/formats/docx.py", "unlint/formats/pdf.py"}
    assert expected <= names
    assert not any(name.startswith(("lint/", "rules/", "grammars/", "tests/", "examples/")) for name in names)


@pytest.mark.skipif(not (shutil.which("cc") or shutil.which("gcc")), reason="no C compiler: the wheel is pure Python")
def test_wheel_ships_the_native_scans_where_a_compiler_is_present(wheel, tmp_path):
    names = zipfile.ZipFile(wheel).namelist()
    assert any(name.startswith("unlint/_scan.") and name.endswith((".so", ".pyd")) for name in names)
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    code = "import unlint.structure.names as n, unlint.rules.registry as r; print(n._pair_starts is not None, r._native_find is not None)"
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                           capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["True", "True"]


def test_installed_wheel_runs(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    env = {"PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import unlint; print(unlint.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(site))
    result = unlint_process("check", "--format", "json", str(ROOT / "examples"), cwd=tmp_path, env=env)
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr
