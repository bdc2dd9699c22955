"""Issue 16, item 6: the fence around a rule holds for everything a rule can raise or return.

A plugin installed for real raises ``GeneratorExit`` and ``KeyboardInterrupt``,
returns an object whose ``repr`` raises and an exception whose ``str`` raises;
each is one UNL001 for the file and every other rule still reports. The
user's own Ctrl-C still stops the run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS
from .plugin_wheel import install_plugin

HOSTILE = """
import time

from unlint import Finding, hookimpl, rule


class Unprintable:
    def __repr__(self):
        raise RuntimeError("no repr")


class Unsayable(Exception):
    def __str__(self):
        raise RuntimeError("no str")


def _rule(code, name, body):
    def check(document, config):
        body()
        yield Finding(0, 1, "unreachable")
    check.__doc__ = "## What it does\\n    Test rule.\\n    "
    check.__name__ = name.replace("-", "_")
    return rule(code, name, "A hostile test rule")(check)


def _raise(error):
    def body():
        raise error
    return body


def _bad_finding(document, config):
    \"\"\"## What it does
    Test rule: yields an object that is no finding and cannot be shown.
    \"\"\"
    yield Unprintable()


def _sleep():
    if __import__("os").environ.get("TST_SLEEP"):
        time.sleep(120)


RULES = [
    _rule("TST401", "generator-exit", _raise(GeneratorExit())),
    _rule("TST402", "keyboard-interrupt", _raise(KeyboardInterrupt())),
    _rule("TST403", "unsayable", _raise(Unsayable())),
    rule("TST404", "bad-finding", "A hostile test rule")(_bad_finding),
    _rule("TST405", "sleeper", _sleep),
]


@hookimpl
def unlint_rules():
    return RULES
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return install_plugin(tmp_path_factory.mktemp("hostile"), "unlint_hostile", HOSTILE, "hostile")


def _env(site: Path, **extra: str) -> dict:
    return {**os.environ, "PYTHONPATH": str(site), **extra}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_failure_of_a_rule_is_one_unl001_and_the_run_goes_on(tmp_path, hostile_site, jobs):
    for name in ("a.zh.txt", "b.zh.txt"):
        (tmp_path / name).write_bytes(CORPUS[1].read_bytes())
    result = subprocess.run([sys.executable, "-m", "unlint", "check", "--no-cache", "-j", jobs, "--format", "json",
                             "a.zh.txt", "b.zh.txt"], cwd=tmp_path, env=_env(hostile_site), capture_output=True,
                            text=True, timeout=300)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    for path in ("a.zh.txt", "b.zh.txt"):
        internal = sorted(d["message"] for d in report if d["path"] == path and d["code"] == "UNL001")
        assert internal == [
            "rule TST401 (generator-exit) failed: GeneratorExit: ",
            "rule TST402 (keyboard-interrupt) failed: KeyboardInterrupt: ",
            "rule TST403 (unsayable) failed: Unsayable: <str() of the exception failed>",
            "rule TST404 (bad-finding) returned an invalid finding: <Unprintable object whose repr() failed>",
        ]
        assert any(d["path"] == path and d["code"] == "TYP001" for d in report)


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_the_users_ctrl_c_still_stops_the_run(tmp_path, hostile_site):
    (tmp_path / "a.zh.txt").write_bytes(CORPUS[1].read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "unlint", "check", "--no-cache", "-j", "1", "--select", "TST405",
                                "a.zh.txt"], cwd=tmp_path, env=_env(hostile_site, TST_SLEEP="1"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # enough to start and reach the sleeping rule; the rule sleeps far longer
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "UNL001" not in stdout and "TST405" not in stdout  # stopped, not reported as a rule failure
