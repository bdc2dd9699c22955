"""The fast entry-point reader agrees with importlib.metadata, and falls back to it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points as metadata_entry_points

import pytest

from unlint import entrypoints


@pytest.mark.parametrize("group", ["console_scripts", "pytest11", "hypothesis", "unlint.rules"])
def test_same_entry_points_as_importlib_metadata(group):
    fast = sorted((e.name, e.value, e.dist_name) for e in entrypoints.entry_points(group))
    reference = sorted((e.name, e.value, e.dist.name) for e in metadata_entry_points(group=group))
    assert fast == reference


def test_console_scripts_include_unlint_itself():
    found = {e.name: e for e in entrypoints.entry_points("console_scripts")}
    assert found["unlint"].value == "unlint.__main__:run"
    from unlint.__main__ import run

    assert found["unlint"].load() is run


def test_the_first_distribution_of_a_name_on_the_path_wins(tmp_path, monkeypatch):
    for folder, target in (("first", "pkg_a:hook"), ("second", "pkg_b:hook")):
        info = tmp_path / folder / "example_plugin-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: Example-Plugin\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[unlint.test]\nExample = {target}\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "first"), str(tmp_path / "second")])
    (found,) = entrypoints.entry_points("unlint.test")
    assert (found.name, found.value, found.dist_name) == ("Example", "pkg_a:hook", "Example-Plugin")


def test_a_zip_on_the_path_falls_back_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("zipped_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped-plugin\n")
        handle.writestr("zipped_plugin-1.0.dist-info/entry_points.txt", "[unlint.test]\nzipped = zp:hook\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    (found,) = entrypoints.entry_points("unlint.test")
    assert (found.name, found.value, found.dist_name) == ("zipped", "zp:hook", "zipped-plugin")


def test_a_malformed_entry_points_file_is_named(tmp_path, monkeypatch):
    info = tmp_path / "broken_meta-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-meta\n")
    (info / "entry_points.txt").write_text("[unlint.rules]\nno delimiter here\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    with pytest.raises(entrypoints.EntryPointError, match="broken_meta-1.0.dist-info/entry_points.txt: malformed"):
        entrypoints.entry_points("unlint.rules")


def test_the_cli_reports_a_malformed_entry_points_file_in_one_line(tmp_path):
    info = tmp_path / "site" / "broken_meta-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text("[unlint.rules]\nno delimiter here\n")
    (tmp_path / "doc.txt").write_text("第一段。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run([sys.executable, "-m", "unlint", "check", str(tmp_path / "doc.txt")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("unlint: error: cannot list installed plugins: ")
    assert result.stderr.count("\n") == 1 and "entry_points.txt: malformed" in result.stderr
