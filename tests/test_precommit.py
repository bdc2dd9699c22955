"""The pre-commit hook, through the real ``pre-commit try-repo``.

try-repo installs the hook from a git commit, so the test commits a copy of
this working tree in a temporary repository (a fresh CI clone and a working
tree with uncommitted changes behave alike) and tries that.

The copy registers the example plugin's rule (EXD001) as one more built-in
family, because try-repo cannot add dependencies to a hook and this must not
depend on which rule families are merged; the hook, its installation and its
run are the real ones. The checked repository selects EXD so the verdicts
stay the same when more families arrive.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from unlint.files import DOCUMENT_SUFFIXES

from .conftest import DATED, EXAMPLES, REPO

CLEAN = EXAMPLES / "A-60-341-S-2005-567.zh.txt"

_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", ".hypothesis", "out",
)


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=unlint tests", "-c", "user.email=tests@example.invalid",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("hook-repo") / "unlint"
    shutil.copytree(REPO, copy, ignore=_NOT_SOURCE)
    shutil.copyfile(EXAMPLES / "plugin" / "unlint_date_style" / "__init__.py", copy / "rules" / "date_style.py")
    with (copy / "rules" / "__init__.py").open("a", encoding="utf-8") as rules:
        rules.write('\nBUILTIN = (*BUILTIN, "date_style")\n')
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "unlint under test", cwd=copy)
    return copy


@pytest.fixture(scope="module")
def checked_repository(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("checked-repo")
    shutil.copyfile(DATED, target / "report.zh.txt")
    shutil.copyfile(CLEAN, target / "letter.zh.txt")
    (target / "unlint.toml").write_text('select = ["EXD"]\n', encoding="utf-8")
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    return target


@pytest.fixture(scope="module")
def try_repo(hook_repository, checked_repository, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")

    def run(*files: str) -> subprocess.CompletedProcess:
        environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
        environment.pop("PYTHONPATH", None)
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repository), "unlint", "--files", *files],
            cwd=checked_repository, capture_output=True, text=True, env=environment, timeout=900,
        )

    return run


@pytest.mark.slow
def test_hook_fails_on_a_document_with_findings(try_repo):
    result = try_repo("report.zh.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "unlint" in result.stdout and "Failed" in result.stdout
    assert "report.zh.txt:108:25: EXD001" in result.stdout


@pytest.mark.slow
def test_hook_passes_on_a_clean_document(try_repo):
    result = try_repo("letter.zh.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


@pytest.mark.slow
def test_hook_skips_files_unlint_does_not_read(try_repo, checked_repository):
    (checked_repository / "notes.md").write_text("2018年4月24日 和 2018 年 4 月 25 日\n", encoding="utf-8")
    result = try_repo("notes.md")
    assert result.returncode == 0 and "no files to check" in result.stdout.lower()


def test_hook_definition_covers_the_documents_unlint_reads():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["entry"]) == ("unlint", "python", "unlint check")
    files = re.compile(hook["files"])
    assert all(files.search(f"dir/report{suffix}") and files.search(f"R{suffix.upper()}") for suffix in DOCUMENT_SUFFIXES)
    assert not files.search("notes.md") and not files.search("a.txt.bak")


def test_the_documented_pre_commit_configurations_use_the_hook():
    docs = (REPO / "docs" / "workflow.md").read_text(encoding="utf-8")
    configs = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", docs, re.S)]
    hooks = [hook for config in configs for repo in config["repos"] for hook in repo["hooks"]]
    assert len(hooks) == 2 and all(hook["id"] == "unlint" for hook in hooks)
    local = next(hook for hook in hooks if "entry" in hook)
    assert local["files"] == yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]["files"]


def test_the_example_workflow_runs_the_ci_formats():
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("--format github" in c for c in commands) and any("--format sarif" in c for c in commands)
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
