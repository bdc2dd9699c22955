"""A misbehaving rule or plugin is contained: one UNL diagnostic, and the run goes on.

Third-party rules raise, loop, call ``sys.exit`` or return garbage; a plugin
package fails to import. None of it may end a run with a traceback or hang a
pre-commit hook.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import unlint.cli
from unlint import Config, Edit, Finding, Fix, hookimpl, lint_text, rule
from unlint.plugins import load_rules
from unlint.timelimit import RuleClock, RuleTimeout, own_limit, time_limit
from .plugin_wheel import install_plugin

TEXT = "第一段。\n第二段。\n"


@rule("TST001", "marks-first-char", "Flags the first character of every document")
def marks_first_char(document, config):
    """## What it does
    Test rule: a well-behaved rule whose finding must survive its neighbours' failures.
    """
    if document.text:
        yield Finding(0, 1, "first character")


@rule("TST002", "raises", "Raises on every document")
def raises(document, config):
    """## What it does
    Test rule: raises.
    """
    yield Finding(0, 1, "a finding before the failure")
    raise KeyError("boom")


@rule("TST003", "exits", "Calls sys.exit")
def exits(document, config):
    """## What it does
    Test rule: calls sys.exit, as a careless plugin might.
    """
    sys.exit(3)


@rule("TST004", "loops", "Never returns, and swallows ordinary exceptions")
def loops(document, config):
    """## What it does
    Test rule: loops for ever and catches Exception, so only a BaseException stops it.
    """
    while True:
        try:
            time.sleep(0.01)
        except Exception:  # noqa: BLE001 - the point of the test
            pass


@rule("TST005", "backtracks", "A regular expression with catastrophic backtracking")
def backtracks(document, config):
    """## What it does
    Test rule: ``(a+)+b`` against a run of ``a`` takes exponential time in ``re``.
    """
    if re.search(r"(a+)+b", "a" * 64 + document.text):
        yield Finding(0, 0, "never reached")


def _garbage_rule(code: str, name: str, produce):
    def check(document, config):
        """## What it does
        Test rule: returns an invalid finding.
        """
        yield Finding(0, 1, "valid finding kept")
        yield produce(len(document.text))

    return rule(code, name, f"Returns garbage: {name}")(check)


GARBAGE = {
    "not-a-finding": lambda n: "a string",
    "past-the-end": lambda n: Finding(0, n + 1, "past the end"),
    "negative": lambda n: Finding(-1, 0, "negative"),
    "reversed": lambda n: Finding(2, 1, "reversed"),
    "bool-offsets": lambda n: Finding(False, True, "bools"),
    "float-offsets": lambda n: Finding(0.0, 1.0, "floats"),
    "message-not-text": lambda n: Finding(0, 1, None),
    "bad-severity": lambda n: Finding(0, 1, "severity", severity="high"),
    "fix-not-a-fix": lambda n: Finding(0, 1, "fix", fix="replace it"),
    "fix-out-of-range": lambda n: Finding(0, 1, "fix", fix=Fix.replace(0, n + 5, "x")),
    "fix-overlapping": lambda n: Finding(0, 1, "fix", fix=Fix((Edit(0, 2, "x"), Edit(1, 3, "y")))),
}


class _Plugin:
    def __init__(self, *rules):
        self._rules = list(rules)

    @hookimpl
    def unlint_rules(self):
        return self._rules


def _rules(*extra_rules):
    return load_rules(entry_point_plugins=False, extra=[_Plugin(marks_first_char, *extra_rules)])


def _codes(diagnostics):
    return [d.code for d in diagnostics]


def test_a_raising_rule_gives_one_unl001_and_drops_its_partial_findings():
    diagnostics = lint_text(TEXT, rules=_rules(raises), config=Config(select=("TST",)))
    assert _codes(diagnostics) == ["TST001", "UNL001"]
    assert "TST002 (raises) failed: KeyError" in diagnostics[1].message


def test_sys_exit_in_a_rule_does_not_end_the_run():
    diagnostics = lint_text(TEXT, rules=_rules(exits), config=Config(select=("TST",)))
    assert _codes(diagnostics) == ["TST001", "UNL001"]
    assert "SystemExit" in diagnostics[1].message


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_an_invalid_finding_gives_unl001_and_keeps_the_valid_ones(kind):
    bad = _garbage_rule("TST009", "garbage", GARBAGE[kind])
    diagnostics = lint_text(TEXT, rules=_rules(bad), config=Config(select=("TST",)))
    assert sorted(_codes(diagnostics)) == ["TST001", "TST009", "UNL001"]
    assert "returned an invalid finding" in next(d for d in diagnostics if d.code == "UNL001").message


def test_a_valid_fix_passes_validation():
    good = _garbage_rule("TST009", "fine", lambda n: Finding(1, 2, "ok", fix=Fix((Edit(1, 2, "x"), Edit(2, 3, "y")))))
    diagnostics = lint_text(TEXT, rules=_rules(good), config=Config(select=("TST",)))
    assert sorted(_codes(diagnostics)) == ["TST001", "TST009", "TST009"]


@pytest.mark.parametrize("looping", [loops, backtracks], ids=["loop", "backtracking"])
def test_a_rule_past_its_time_limit_gives_unl002_and_the_run_goes_on(looping):
    diagnostics = lint_text(TEXT, rules=_rules(looping), config=Config(select=("TST",), rule_timeout=0.3))
    assert _codes(diagnostics) == ["TST001", "UNL002"]
    assert f"rule {looping.code} ({looping.name}) took longer than 0.3 s" in diagnostics[1].message


_LOOPING_PLUGIN = '''
import time

from unlint import hookimpl, rule


@rule("TST004", "loops", "Never returns, and swallows ordinary exceptions")
def loops(document, config):
    """## What it does
    Test rule: loops for ever.
    """
    while True:
        try:
            time.sleep(0.01)
        except Exception:
            pass


@hookimpl
def unlint_rules():
    return [loops]
'''


def _jobs_options() -> list[list[str]]:
    help_text = subprocess.run([sys.executable, "-m", "unlint", "check", "--help"], capture_output=True,
                               text=True).stdout
    return [[], ["--jobs", "2"]] if "--jobs" in help_text else [[]]


@pytest.mark.slow
def test_the_cli_stops_a_looping_plugin_rule_in_every_process(tmp_path_factory, tmp_path):
    site = install_plugin(tmp_path_factory.mktemp("looping"), "unlint_looping", _LOOPING_PLUGIN,
                                         "looping")
    paths = []
    for index in range(4):
        paths.append(tmp_path / f"doc{index}.txt")
        paths[-1].write_text(TEXT, encoding="utf-8")
    for jobs in _jobs_options():  # in parallel runs the limit holds in each worker process
        result = subprocess.run(
            [sys.executable, "-m", "unlint", "check", "--rule-timeout", "0.3", "--select", "TST,UNL", *jobs,
             *map(str, paths)],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(site), "UNLINT_CACHE_DIR": str(tmp_path / "cache")},
        )
        assert result.returncode == 1 and result.stderr == "", (jobs, result.stderr)
        assert result.stdout.count("UNL002") == 4, (jobs, result.stdout)


@pytest.mark.parametrize("value", ["abc", "-1", "inf", "nan"])
def test_a_bad_rule_timeout_is_one_usage_error(tmp_path, value):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(unlint.cli.main, ["check", "--rule-timeout", value, str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "--rule-timeout" in result.output and "Traceback" not in result.output


def test_rule_timeout_is_read_from_the_configuration_file(tmp_path):
    from unlint.config import ConfigError, load_config

    (tmp_path / "unlint.toml").write_text("rule-timeout = 2.5\n", encoding="utf-8")
    assert load_config(tmp_path / "unlint.toml").rule_timeout == 2.5
    (tmp_path / "unlint.toml").write_text("rule-timeout = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rule-timeout"):
        load_config(tmp_path / "unlint.toml")


# Outside a limit of ours, own_limit is time_limit.
@pytest.mark.parametrize("limit", [time_limit, own_limit], ids=["time_limit", "own_limit_outside_a_limit"])
def test_time_limit_raises_in_the_body_and_restores_the_handler(limit):
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(RuleTimeout):
        with limit(0.05):
            while True:
                pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_a_rule_clock_times_each_rule_alone_and_restores_the_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with RuleClock(0.05) as clock:
        with clock.limit():
            pass  # a rule that finishes leaves no timer running
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        with pytest.raises(RuleTimeout):
            with clock.limit():
                while True:
                    pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_own_limit_stops_the_rule_clock_and_gives_it_back_its_remaining_time():
    import signal

    with RuleClock(0.2) as clock, clock.limit():
        with own_limit(5):
            time.sleep(0.3)  # longer than the rule's limit: not charged to the rule
            assert signal.getitimer(signal.ITIMER_REAL)[0] > 4  # the body's own clock runs
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0 < remaining <= 0.2  # the rule's clock resumed with what it had left
        with pytest.raises(RuleTimeout):
            while True:
                pass  # and still stops the rule


def test_own_limit_raises_in_its_body_and_resumes_the_rule_clock():
    import signal

    with RuleClock(5) as clock, clock.limit():
        with pytest.raises(RuleTimeout):
            with own_limit(0.05):
                while True:
                    pass
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5


@pytest.mark.parametrize("seconds", [None, 0])
def test_own_limit_without_seconds_runs_unlimited_and_resumes_the_rule_clock(seconds):
    import signal

    with RuleClock(5) as clock, clock.limit():
        with own_limit(seconds):
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0


def test_a_rule_clock_stands_aside_for_a_timer_of_the_host():
    import signal

    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with RuleClock(0.01) as clock, clock.limit():
            time.sleep(0.03)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the host's timer is left running
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def test_time_limit_stands_aside_off_the_main_thread():
    finished = []

    def body():
        with time_limit(0.01):
            time.sleep(0.05)
        finished.append(True)

    worker = threading.Thread(target=body)
    worker.start()
    worker.join()
    assert finished == [True]


def test_time_limit_does_not_clobber_a_timer_the_host_armed():
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with time_limit(0.01):
            time.sleep(0.05)  # not interrupted: the host's timer is left alone
        assert not fired
        time.sleep(0.3)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- a broken plugin package, installed for real ------------------------------

_PLUGIN_MODULE = '''
import os

from unlint import Finding, hookimpl, rule

if os.environ.get("BREAK") == "import":
    import a_module_that_does_not_exist  # noqa: F401


@rule("BRK001", "broken-example", "A plugin rule used to test start-up failures")
def broken_example(document, config):
    """## What it does
    Flags nothing; exists so that the plugin has a rule.
    """
    return []


@hookimpl
def unlint_rules():
    if os.environ.get("BREAK") == "hook":
        raise RuntimeError("cannot list rules")
    if os.environ.get("BREAK") == "not-a-rule":
        return ["BRK002"]
    return [broken_example]
'''



@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory) -> Path:
    """A real package with an ``unlint.rules`` entry point, pip-installed into a folder."""
    return install_plugin(tmp_path_factory.mktemp("plugin"), "unlint_broken", _PLUGIN_MODULE, "broken")


def _check_with_plugin(site: Path, tmp_path: Path, breakage: str) -> subprocess.CompletedProcess:
    document = tmp_path / "doc.txt"
    document.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "BREAK": breakage}
    return subprocess.run([sys.executable, "-m", "unlint", "check", str(document)], env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_a_working_plugin_package_loads(installed_plugin, tmp_path):
    result = _check_with_plugin(installed_plugin, tmp_path, "")
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    listed = subprocess.run([sys.executable, "-m", "unlint", "rules"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(installed_plugin)}, timeout=60)
    assert "BRK001" in listed.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("import", "cannot load plugin 'broken' (unlint_broken) from package 'unlint-broken': ModuleNotFoundError"),
        ("hook", "plugin 'broken' failed to list its rules: RuntimeError: cannot list rules"),
        ("not-a-rule", "plugin 'broken' returned 'BRK002', not a unlint.Rule"),
    ],
)
def test_a_broken_plugin_package_is_named_in_one_line_with_exit_2(installed_plugin, tmp_path, breakage, expected):
    result = _check_with_plugin(installed_plugin, tmp_path, breakage)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
