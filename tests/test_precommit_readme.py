"""Issue 17: the README's pre-commit snippet works as written, with the real pre-commit, against a clone
of unlint tagged the way a release is tagged (``v`` and the package version)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from .conftest import REPO
from .test_precommit import checked_repository, git, hook_repository  # noqa: F401 - fixtures


def _readme_snippet() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In pre-commit and CI"):]
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))


def test_the_readme_names_the_tag_of_this_version():
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    [repo] = _readme_snippet()["repos"]
    assert repo["rev"] == f"v{version}" and [h["id"] for h in repo["hooks"]] == ["unlint"]


@pytest.mark.slow
def test_the_readme_snippet_runs_against_a_tagged_clone(hook_repository, checked_repository,  # noqa: F811
                                                         tmp_path_factory):
    snippet = _readme_snippet()
    [repo] = snippet["repos"]
    git("tag", "-f", repo["rev"], cwd=hook_repository)  # as the release is tagged
    clone = tmp_path_factory.mktemp("clone") / "unlint"
    git("clone", "-q", str(hook_repository), str(clone), cwd=clone.parent)
    repo["repo"] = str(clone)  # the one line a reader changes: where they get unlint from
    (checked_repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(snippet), encoding="utf-8")
    git("add", ".pre-commit-config.yaml", cwd=checked_repository)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("home")),
                   "PRE_COMMIT_COLOR": "never"}
    environment.pop("PYTHONPATH", None)

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files],
                              cwd=checked_repository, capture_output=True, text=True, env=environment, timeout=900)

    failing = run("report.zh.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "report.zh.txt:108:25: EXD001" in failing.stdout
    passing = run("letter.zh.txt")
    assert passing.returncode == 0 and "Passed" in passing.stdout, passing.stdout + passing.stderr
