"""Parallel runs give the output of one process; the cache spares unchanged documents."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from unlint import Config, Finding, __version__, hookimpl, rule
from unlint import pipeline as pipeline_module
from unlint.cache import FindingsCache, default_cache_dir, fingerprint
from unlint.files import discover
from unlint.parallel import Ready, RuleLoader, ordered_map
from unlint.pipeline import RunOptions, check_sources
from unlint.plugins import load_rules

from .conftest import EXAMPLES

# The example plugin alone: these tests are about the machinery, not the rules.
LOADER = RuleLoader(entry_point_plugins=False, extra_modules=("unlint_date_style",), builtin=False)
BUILTIN_LOADER = RuleLoader(entry_point_plugins=False)


@pytest.fixture
def corpus_copies(tmp_path) -> Path:
    """Every corpus document four times over, 20 documents in all."""
    folder = tmp_path / "corpus"
    for copy in range(4):
        for document in sorted(EXAMPLES.glob("*.zh.txt")):
            target = folder / f"set{copy}" / document.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(document, target)
    return folder


def run(folder: Path, loader: RuleLoader = LOADER, **options) -> list:
    config = Config()
    sources = discover([str(folder)], config)
    return list(check_sources(sources, RunOptions(config, loader.load(), loader, **options)))


def flat(results) -> list:
    return [(r.path, d.code, d.start, d.end, d.message) for r in results for d in r.diagnostics]


@pytest.mark.parametrize("start_method", [None, "spawn"])
def test_parallel_output_equals_one_process_in_the_same_order(date_plugin, corpus_copies, start_method):
    one = run(corpus_copies, jobs=1)
    many = run(corpus_copies, jobs=3, start_method=start_method)
    assert [r.path for r in many] == [r.path for r in one]
    assert flat(many) == flat(one)
    assert sum(d[1] == "EXD001" for d in flat(one)) == 4 * 49  # the plugin ran in the workers too


def test_parallel_output_with_the_built_in_rules_equals_one_process(corpus_copies):
    one = run(corpus_copies, BUILTIN_LOADER, jobs=1)
    many = run(corpus_copies, BUILTIN_LOADER, jobs=2)
    assert flat(many) == flat(one)
    assert {d[1][:3] for d in flat(one)} >= {"SYM", "RES", "FTN", "XRF", "ORG", "AGD", "TYP"}


def test_ordered_map_keeps_order_and_passes_ready_items_through():
    items = [Ready(-1), -3, Ready(-2), -1, -2, Ready(-3), *range(-10, -40, -1)]
    expected = [i.result if isinstance(i, Ready) else abs(i) for i in items]
    assert list(ordered_map(abs, items, jobs=3)) == expected


def test_ordered_map_starts_no_pool_for_a_single_item(monkeypatch):
    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert list(ordered_map(abs, [Ready(1), -5, Ready(2)], jobs=4)) == [1, 5, 2]


def _pid_and_value(item: int) -> tuple[int, int]:
    import os

    return os.getpid(), abs(item)


def test_ordered_map_batches_by_weight_in_order_with_ready_items_between(monkeypatch):
    from unlint import parallel

    submitted: list[int] = []
    real_submit = parallel._submit

    def submit(pool, work, arguments, jobs, context):
        submitted.append(len(arguments[1]))
        return real_submit(pool, work, arguments, jobs, context)

    monkeypatch.setattr(parallel, "_submit", submit)
    monkeypatch.setattr(parallel, "BATCH_WEIGHT", 10)
    items = [-1, *range(-2, -30, -1), Ready(99), -30, -31, *[-7] * 3]
    results = list(ordered_map(_pid_and_value, items, jobs=2, weight=lambda item: abs(item)))
    assert [value for _, value in results[:29]] == list(range(1, 30))
    assert results[29] == 99 and [value for _, value in results[30:]] == [30, 31, 7, 7, 7]
    # The first item is done here. Then weights 2+3+4+5, 6+7 and 8+9 reach 10 in batches of
    # 4, 2 and 2; items of 10 or more go alone; the Ready item ends a batch; 7+7 reach 10
    # and the last 7 goes when the items run out.
    assert submitted == [4, 2, 2, *[1] * 20, 1, 1, 2, 1]


def test_ordered_map_does_the_first_item_here_before_the_pool_starts(monkeypatch):
    import os

    from unlint import parallel

    events: list[str] = []
    real_start = parallel._start_pool

    def start(jobs, context):
        events.append("pool")
        return real_start(jobs, context)

    def here(item):
        events.append(f"here {item}")
        return os.getpid(), abs(item)

    monkeypatch.setattr(parallel, "_start_pool", start)
    results = list(ordered_map(_pid_and_value, [-1, -2, -3], jobs=2, here=here))
    assert events == ["here -1", "pool"]  # warm before forking, then only workers
    assert [value for _, value in results] == [1, 2, 3]
    assert results[0][0] == os.getpid() and results[1][0] != os.getpid()


def _fails_on_three(item: int) -> int:
    if item == 3:
        raise MemoryError("as if the worker ran out")
    return item * 10


def test_a_failed_batch_is_done_again_here_item_by_item():
    # 1 is done here first; 2, 3 and 4 go to a worker as one batch, which fails on 3:
    # the whole batch is done again here, as -j 1 would.
    results = list(ordered_map(_fails_on_three, [1, 2, 3, 4], jobs=2, here=lambda item: -item))
    assert results == [-1, -2, -3, -4]


# -- cache -----------------------------------------------------------------------

@pytest.fixture
def counted(monkeypatch, date_plugin):
    """Counts of document reads (by path) and of checks run (by path)."""
    reads: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    real_read, real_check = pipeline_module.read_bytes, pipeline_module._check

    def read(source, stdin=None):
        reads[source.display] += 1
        return real_read(source, stdin)

    def check(task, **kwargs):
        checks[task.source.display] += 1
        return real_check(task, **kwargs)

    monkeypatch.setattr(pipeline_module, "read_bytes", read)
    monkeypatch.setattr(pipeline_module, "_check", check)
    return reads, checks


def cache_for(folder: Path, config: Config = Config()) -> FindingsCache:
    return FindingsCache(folder, fingerprint(config, LOADER.load()))


def test_a_second_run_reads_each_document_once_and_checks_none(tmp_path, corpus_copies, counted):
    reads, checks = counted
    cache = cache_for(tmp_path / "cache")
    first = run(corpus_copies, cache=cache)
    assert set(reads.values()) == {1} and set(checks.values()) == {1} and len(reads) == 20
    reads.clear(), checks.clear()
    second = run(corpus_copies, cache=cache)
    assert set(reads.values()) == {1} and len(reads) == 20
    assert not checks
    assert flat(second) == flat(first)


def test_a_changed_document_is_checked_again(tmp_path, corpus_copies, counted):
    reads, checks = counted
    cache = cache_for(tmp_path / "cache")
    run(corpus_copies, cache=cache)
    changed = next(corpus_copies.rglob("*2018-08-17*"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("2018年4月24日", "2018 年 4 月 24 日"), encoding="utf-8")
    checks.clear()
    results = run(corpus_copies, cache=cache)
    assert list(checks) == [str(changed)]
    assert sum(d.code == "EXD001" for r in results if r.path == str(changed) for d in r.diagnostics) == 48


def test_the_fingerprint_follows_configuration_version_and_rules(date_plugin, monkeypatch):
    rules = LOADER.load()
    base = fingerprint(Config(), rules)
    assert fingerprint(Config(), rules) == base
    assert fingerprint(Config(ignore=("EXD001",)), rules) != base
    assert fingerprint(Config(), RuleLoader(entry_point_plugins=False).load()) != base
    monkeypatch.setattr("unlint.__version__", __version__ + ".post1")  # read when the fingerprint is made
    assert fingerprint(Config(), rules) != base


def test_the_fingerprint_follows_the_rule_sources(tmp_path, monkeypatch):
    module = tmp_path / "tst_cache_rules.py"
    module.write_text(
        "from unlint import Finding, hookimpl, rule\n"
        "@rule('TST020', 'any-x', 'An x')\n"
        "def any_x(document, config):\n    '''## What it does\n    Finds x.\n    '''\n    return []\n"
        "@hookimpl\ndef unlint_rules():\n    return [any_x]\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    rules = RuleLoader(entry_point_plugins=False, extra_modules=("tst_cache_rules",)).load()
    before = fingerprint(Config(), rules)
    module.write_text(module.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert fingerprint(Config(), rules) != before


def test_cache_entries_round_trip_fixes_and_positions(tmp_path, date_plugin):
    results = run(EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt")
    diagnostics = results[0].diagnostics
    cache = cache_for(tmp_path)
    path = results[0].path
    cache.put(path, "abc", diagnostics)
    loaded = cache.get(path, "abc")
    assert loaded == diagnostics
    assert [d.fix for d in loaded] == [d.fix for d in diagnostics]
    assert [(e.start_position, e.end_position) for d in loaded for e in d.fix.edits] == [
        (e.start_position, e.end_position) for d in diagnostics for e in d.fix.edits]
    assert [d.span_text for d in loaded] == [d.span_text for d in diagnostics]
    assert cache.get("other.txt", "abc") is None and cache.get(path, "abd") is None
    assert (tmp_path / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = cache_for(tmp_path)
    cache.put("doc.txt", "abc", [])
    entry = next(tmp_path.rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get("doc.txt", "abc") is None


def test_default_cache_dir_respects_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "unlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert default_cache_dir() == Path.home() / ".cache" / "unlint"


# -- rules a worker cannot load ----------------------------------------------------

@rule("TST030", "letter-x", "A letter x")
def letter_x(document, config):
    """## What it does
    Test rule: finds ``x``.
    """
    yield from (Finding(i, i + 1, "an x") for i, char in enumerate(document.text) if char == "x")


class LocalPlugin:
    """Defined here, in a test module no worker process could import by name."""

    @staticmethod
    @hookimpl
    def unlint_rules():
        return [letter_x]


def test_rules_without_a_loader_are_run_in_this_process_whatever_the_jobs(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x y x\n", encoding="utf-8")
    rules = load_rules(entry_point_plugins=False, builtin=False, extra=[LocalPlugin])
    options = RunOptions(Config(), rules, loader=None, jobs=4)
    results = list(check_sources(discover([str(tmp_path)], Config()), options))
    assert [len(r.diagnostics) for r in results] == [2, 2, 2]


def test_the_cli_keeps_rules_it_was_given_in_process(tmp_path, monkeypatch):
    import unlint.cli
    from click.testing import CliRunner

    rules = load_rules(entry_point_plugins=False, builtin=False, extra=[LocalPlugin])
    monkeypatch.setattr(unlint.cli, "default_rules", lambda: rules)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(unlint.cli.main, ["check", "-j", "2", "--no-cache", str(tmp_path)])
    assert result.exit_code == 1 and result.output.count("TST030") == 3


def test_fixing_in_workers_then_the_fixed_files_are_cache_hits(tmp_path, corpus_copies, date_plugin, monkeypatch):
    cache = cache_for(tmp_path / "cache")
    real_check = pipeline_module._check
    fixed = run(corpus_copies, jobs=3, fix_mode="safe", cache=cache)
    written = [r for r in fixed if r.fix is not None]
    assert len(written) == 4 and all(r.fix.written and r.fix.applied == 49 for r in written)
    assert not any(d.code == "EXD001" for r in fixed for d in r.diagnostics)
    checked = []
    monkeypatch.setattr(pipeline_module, "_check", lambda task, **kw: checked.append(task) or real_check(task, **kw))
    again = run(corpus_copies, cache=cache)
    assert checked == []  # every document, the fixed ones too, came from the cache
    assert not any(d.code == "EXD001" for r in again for d in r.diagnostics)


def test_computing_fixes_without_writing_keeps_the_file_and_its_findings(tmp_path, date_plugin):
    document = tmp_path / "doc.txt"
    shutil.copyfile(EXAMPLES / "sg-report-2018-08-17-cooperation.zh.txt", document)
    before = document.read_bytes()
    (result,) = run(document, fix_mode="safe", write=False)
    assert document.read_bytes() == before
    assert result.fix.changed and not result.fix.written and result.fix.applied == 49
    assert sum(d.code == "EXD001" for d in result.diagnostics) == 49


def test_a_diagnostic_crosses_between_processes_whole():
    import pickle

    from unlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity, Where

    edit = Edit(3, 5, "（", Position(1, 4), Position(1, 6))
    diagnostic = Diagnostic("a.docx", "TYP001", "some-rule", Severity.ERROR, "message", Position(1, 4),
                            Position(1, 6), 3, 5, Fix((edit,), Applicability.UNSAFE), span_text="((",
                            source_line="ab((cd", where=Where(page=2, paragraph="12"))
    copy = pickle.loads(pickle.dumps(diagnostic))
    assert copy == diagnostic and copy is not diagnostic
    # The fields equality ignores travel too.
    assert (copy.span_text, copy.source_line, copy.where) == ("((", "ab((cd", Where(page=2, paragraph="12"))
    assert copy.fix.edits[0].start_position == Position(1, 4) and copy.severity is Severity.ERROR
