"""The unlint benchmark: every figure of issue 7 with its target, PASS or MISS.

    python bench/run.py            # everything, a few minutes on 2 cores
    python bench/run.py --quick    # smaller inputs, fewer repeats: a smoke run

Run it from the repository with the venv that has unlint installed. It
benchmarks whatever rules are installed: families are found from the loaded
rule set by code prefix. Timings are the best of a few runs (in-process) or
the median (start-up, separate processes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MB = 1_000_000

import instructions  # noqa: E402 - bench/ is the script's folder, first on sys.path
from unlint import Config  # noqa: E402 - after the constants the docstring names
from unlint.document import STRUCTURES, Document  # noqa: E402
from unlint.engine import make_document  # noqa: E402
from unlint.files import Source, decode_source  # noqa: E402
from unlint.inputs import RunInputs  # noqa: E402
from unlint.pipeline import freeze_long_lived  # noqa: E402
from unlint.plugins import RuleSet  # noqa: E402
from unlint.reading import DecodedText, decode  # noqa: E402
from unlint.rules.refdata import sc_adoption_table  # noqa: E402
from unlint.runner import default_rules, lint_document  # noqa: E402

#: The real documents of ../shared (as CI and the sessions lay it out), or $UNLINT_REALDOCS, or --realdocs.
REALDOCS = Path(os.environ.get("UNLINT_REALDOCS", ROOT.parent / "shared" / "realdocs"))


@dataclass(frozen=True)
class Figure:
    name: str
    measured: str
    target: str
    verdict: str  # "PASS", "MISS" or "INFO"/"SKIP"


def corpus_bytes() -> list[bytes]:
    return [p.read_bytes() for p in sorted(EXAMPLES.glob("*.zh.txt"))]


#: Serial numbers of citations: a resolution number before its year (``1325 (2000)``,
#: ``第1325(2000)号``, ``S/RES/1325 (2000)``) and the last component of a symbol (``A/60/341``,
#: ``A/RES/60/1``, ``第60/1号``). Years, sessions, dates and paragraph numbers are left alone,
#: so the structures still parse.
_SERIAL = re.compile(r"(?<!\d)(?P<resolution>\d{3,4})(?P<bracket>\s?[(（])(?P<year>(?:19|20)\d\d)(?=[)）])"
                     r"|(?<=/)\d+(?![\d/])")


def shifted(data: bytes, round_: int) -> bytes:
    """The document with every citation serial number moved by ``round_``: a distinct copy whose
    references do not repeat those of other rounds, so that no cache of repeated text flatters
    a figure (issue 18). Round 0 is the document itself.

    Symbol serials go up. A Security Council resolution number goes down, to an earlier
    resolution, with the year the adoption table gives it (plus whatever the original was off
    by): raised numbers or unchanged years would cite resolutions with wrong years or after the
    document's date, more of them the more rounds, and the findings would grow faster than the input.
    """
    if not round_:
        return data
    table = sc_adoption_table()

    def raised(match: re.Match) -> str:
        if match["resolution"] is None:
            return str(int(match.group()) + round_)
        number, year = int(match["resolution"]), int(match["year"])
        was, now = table.year_of(number), table.year_of(number - round_)
        if was is None or now is None:
            return match.group()  # beyond the table: left as it is
        return f"{number - round_}{match['bracket']}{year + now - was}"

    return _SERIAL.sub(raised, data.decode("utf-8")).encode("utf-8")


def distinct_documents(size: int) -> list[bytes]:
    """Corpus documents until ``size`` bytes, each round of copies shifted (see :func:`shifted`)."""
    documents, total, corpus = [], 0, corpus_bytes()
    while total < size:
        round_, index = divmod(len(documents), len(corpus))
        documents.append(shifted(corpus[index], round_))
        total += len(documents[-1])
    return documents


def one_document(size: int) -> bytes:
    """The distinct copies concatenated into one document, cut to ``size`` bytes on a character boundary."""
    data = b"\n".join(distinct_documents(size))[:size]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def repeated(size: int) -> bytes:
    """The corpus, one document after another, cut to ``size`` bytes on a character boundary."""
    whole = b"\n".join(corpus_bytes())
    data = (whole * (size // len(whole) + 1))[:size]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def best_time(run: Callable[[], object], repeats: int) -> float:
    """The best CPU time of ``repeats`` runs; a run over 2 s is not repeated (noise matters less than time)."""
    times: list[float] = []
    while len(times) < repeats and not (times and times[-1] > 2.0):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def cpu_times(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Min and median CPU time of ``repeats`` runs (CPU time: the shared machine disturbs it less than wall time)."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times), statistics.median(times)


def check_bytes(documents: list[bytes], config: Config, rules: RuleSet, date=None) -> int:
    """The single-process pipeline: decode, build the Document as the CLI does, run the rules."""
    found = 0
    inputs = RunInputs.of(config, rules)
    for data in documents:
        decoded = decode(data)
        found += check_decoded(decoded, config, rules, inputs)
        freeze_long_lived()  # as the CLI does after a process's first document
    return found


def check_decoded(decoded: DecodedText, config: Config, rules: RuleSet, inputs: RunInputs | None = None) -> int:
    document = make_document(decoded.text, "bench.txt", config, inputs or RunInputs.of(config, rules), decoded.layout)
    return len(lint_document(document, config, rules))


def documents_to(size: int) -> list[bytes]:
    """Corpus documents, repeated as separate documents, until ``size`` bytes."""
    documents, total, corpus = [], 0, corpus_bytes()
    while total < size:
        documents.append(corpus[len(documents) % len(corpus)])
        total += len(documents[-1])
    return documents


# -- throughput ------------------------------------------------------------------

def throughput(args, rules: RuleSet) -> list[Figure]:
    """All rules on the corpus made distinct (min and median CPU time), then the engine and each family."""
    documents = distinct_documents(args.size_mb * MB)
    size = sum(map(len, documents)) / MB
    config = Config(rule_timeout=0)
    low, middle = cpu_times(lambda: check_bytes(documents, config, rules), args.repeats)
    figures = [_rate_figure(f"throughput, all {len(rules)} rules, {size:.0f} MB distinct (min)", size, low, 10.0),
               _rate_figure(f"  the same, median of {args.repeats} runs", size, middle, None)]
    same = documents_to(args.size_mb * MB)
    repeated_copies = best_time(lambda: check_bytes(same, config, rules), 1)
    figures.append(_rate_figure("  the same on identical copies (what caches of repeats gain)", size,
                                repeated_copies, None))
    no_rules = Config(select=("UNL001",), rule_timeout=0)  # the engine alone: decoding and the Document
    engine = best_time(lambda: check_bytes(documents, no_rules, rules), 1)
    figures.append(_rate_figure("  engine only (decode + Document)", size, engine, None))
    for family in sorted({r.family for r in rules}):
        family_config = Config(select=(family,), rule_timeout=0)
        count = sum(1 for r in rules if r.family == family)
        seconds = best_time(lambda: check_bytes(documents, family_config, rules), 1)
        figures.append(_rate_figure(f"  family {family} alone ({count} rules)", size, seconds, None))
    if not rules:
        figures.append(Figure("  rule families", "none installed", "-", "INFO"))
    return figures + slowest_rules(rules)


def slowest_rules(rules: RuleSet, shown: int = 5) -> list[Figure]:
    """Each rule alone on the distinct corpus (about 1 MB), shared parses included: where the time goes."""
    documents = distinct_documents(MB)
    size = sum(map(len, documents)) / MB
    timed = []
    for rule in rules:
        config = Config(select=(rule.code,), rule_timeout=0)
        timed.append((best_time(lambda: check_bytes(documents, config, rules), 1), rule.code, rule.name))
    timed.sort(reverse=True)
    return [_rate_figure(f"  slowest rule alone: {code} {name}", size, seconds, None)
            for seconds, code, name in timed[:shown]]


# -- real documents ----------------------------------------------------------------

def _read_all(paths: list[Path]) -> tuple[list[DecodedText], float]:
    """Each file read as the CLI reads it (Word and PDF by their ending); the CPU time reading took."""
    start = time.process_time()
    decoded = [decode_source(Source(p.name, p), p.read_bytes()) for p in paths]
    return decoded, time.process_time() - start


def real_documents(args, rules: RuleSet) -> list[Figure]:
    """All rules on the real document sets, in one process: lighter than the corpus, or English."""
    sets = [
        ("ecosoc-2023 (date 2023-07-31)", sorted((args.realdocs / "ecosoc-2023").glob("*.txt")), dt.date(2023, 7, 31)),
        ("English reports, examples/en", sorted((EXAMPLES / "en").glob("*.txt")), None),
        ("English reports, word-pdf-en .docx", sorted((args.realdocs / "word-pdf-en").glob("*.docx")), None),
    ]
    figures = []
    for name, paths, date in sets:
        if not paths:
            figures.append(Figure(f"{name}", "not present", "-", "SKIP"))
            continue
        texts, reading = _read_all(paths)
        config = Config(document_date=date, rule_timeout=0)
        inputs = RunInputs.of(config, rules)
        size = sum(len(t.text.encode("utf-8")) for t in texts) / MB
        # Small sets are checked several times per timed run, so that a run lasts long enough to time.
        rounds = max(1, round(args.size_mb / 4 / size))
        low, middle = cpu_times(lambda: [check_decoded(t, config, rules, inputs) for _ in range(rounds) for t in texts],
                                args.repeats)
        figures.append(_rate_figure(f"{name}: {len(paths)} files, {size:.2f} MB x {rounds} (min)",
                                    size * rounds, low, None))
        figures.append(_rate_figure(f"  median of {args.repeats} runs", size * rounds, middle, None))
        if paths[0].suffix != ".txt":
            figures.append(_rate_figure("  reading the files into text (once)", size, reading, None))
    return figures


def _rate_figure(name: str, size_mb: float, seconds: float, target: float | None) -> Figure:
    rate = size_mb / seconds
    if target is None:
        return Figure(name, f"{rate:8.1f} MB/s", "-", "INFO")
    return Figure(name, f"{rate:8.1f} MB/s", f">= {target:g} MB/s", "PASS" if rate >= target else "MISS")


# -- scaling in one document ---------------------------------------------------------

def scaling(args, rules: RuleSet) -> list[Figure]:
    """One document of the distinct corpus at a small and a large size (4x): per-MB cost must stay flat.

    Then the same two documents timed piece by piece: each structure parsed alone (in the order
    they are defined, so each after those it reads), then each rule alone on the parsed Document;
    a piece whose cost grows more than 1.5 times faster than the input is flagged.
    """
    small_mb, large_mb = (1, 4) if args.quick else (5, 20)
    config = Config(rule_timeout=0)
    small, large = [one_document(small_mb * MB)], [one_document(large_mb * MB)]
    check_bytes(documents_to(1), config, rules)  # warm up: the first document loads the registry and tables
    repeats = max(1, args.repeats - 1)
    small_time = cpu_times(lambda: check_bytes(small, config, rules), repeats)[0]
    large_time = cpu_times(lambda: check_bytes(large, config, rules), repeats)[0]
    ratio = (large_time / large_mb) / (small_time / small_mb)
    figures = [
        Figure(f"linearity: time per MB at {large_mb} MB / at {small_mb} MB, one document", f"{ratio:8.2f} x",
               "<= 1.3 x (linear)", "PASS" if ratio <= 1.3 else "MISS"),
        Figure(f"  one document of {small_mb} MB, all rules (min of {repeats})", f"{small_time:8.3f} s", "-", "INFO"),
        Figure(f"  one document of {large_mb} MB, all rules (min of {repeats})", f"{large_time:8.3f} s", "-", "INFO"),
    ]
    return figures + piece_growth(small[0], large[0], large_mb / small_mb, rules)


def piece_times(data: bytes, rules: RuleSet) -> dict[str, float]:
    """CPU seconds of each structure's parse and each rule's check on one document.

    The garbage collector is held off meanwhile: a full collection would land on whichever piece
    happened to be running and make it look super-linear.
    """
    config = Config(rule_timeout=0)
    document = make_document(decode(data).text, "bench.txt", config, RunInputs.of(config, rules))
    gc.collect()
    gc.disable()
    try:
        return _timed_pieces(document, config, rules)
    finally:
        gc.enable()


def _timed_pieces(document: Document, config: Config, rules: RuleSet) -> dict[str, float]:
    times: dict[str, float] = {}
    for name in STRUCTURES:
        start = time.process_time()
        try:
            getattr(document, name)
        except Exception:  # noqa: BLE001 - a failed structure is the engine's business (UNL003)
            pass
        times[f"structure {name}"] = time.process_time() - start
    for rule in rules:
        start = time.process_time()
        try:
            list(rule.check(document, config))
        except Exception:  # noqa: BLE001 - a failing rule is the engine's business (UNL001)
            pass
        times[f"rule {rule.code} {rule.name}"] = time.process_time() - start
    return times


def _least(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    return {name: min(seconds, second[name]) for name, seconds in first.items()}


def piece_growth(small: bytes, large: bytes, factor: float, rules: RuleSet) -> list[Figure]:
    """Each structure and rule at two sizes: flag growth over 1.5 times the input's (``factor``)."""
    # The least of three passes per piece, the sizes taking turns: with fewer, a busy moment of the
    # shared machine, or its speed drifting between the two sizes' passes, flagged 4x pieces at 7.5x.
    before, after = piece_times(small, rules), piece_times(large, rules)
    for _ in range(2):
        before, after = _least(before, piece_times(small, rules)), _least(after, piece_times(large, rules))
    figures, flagged = [], []
    for name, seconds in after.items():
        growth = seconds / max(before[name], 1e-4)
        # Below 20 ms at the large size the timer's noise decides the ratio; such a piece is cheap anyway.
        if seconds > 0.02 and growth > 1.5 * factor:
            kind, code = name.split()[:2]
            flagged.append(_confirmed(f"super-linear: {name}", growth, f"{before[name]:.3f} -> {seconds:.3f} s",
                                      1.5 * factor, ["scaled", kind, code], 1, factor))
    worst = max(after, key=lambda n: after[n] / max(before[n], 1e-4) if after[n] > 0.02 else 0.0)
    growth = after[worst] / max(before[worst], 1e-4)
    missed = any(f.verdict == "MISS" for f in flagged)
    figures.append(Figure(f"each structure and rule alone, growth for {factor:g}x the input", f"{growth:8.1f} x",
                          f"<= {1.5 * factor:g} x", "MISS" if missed else "PASS"))
    figures.append(Figure(f"  the worst: {worst}", "", "", "INFO"))
    total = sum(after.values())
    for name in sorted(after, key=after.get, reverse=True)[:8]:
        figures.append(Figure(f"  costliest at {factor:g}x: {name}", f"{after[name]:8.3f} s",
                              f"{after[name] / total:.0%}, 1x {before[name]:.3f} s", "INFO"))
    return figures + flagged


# -- pathological input, each rule alone -------------------------------------------

def _corpus_line() -> str:
    return " ".join(b.decode("utf-8") for b in corpus_bytes()).replace("\n", " ")


#: Units repeated to a size: the runs patterns repeat, and real text with no line breaks.
PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "(a)、": lambda: "(a)、",
    "（一）、": lambda: "（一）、",
    "digits": lambda: "1",
    "1/": lambda: "1/",
    "(": lambda: "(",
    "（": lambda: "（",
    "“": lambda: "“",
    "numbered lines": lambda: "1. 段\n",
    "resolution": lambda: "安全理事会第1325(2000)号决议",
    "symbol list": lambda: "S/RES/1325 (2000)、",
    "corpus as one line": _corpus_line,
}
#: Real text shows a quadratic term only at larger sizes (a per-match scan of the line so far).
SCALE = {"corpus as one line": 8}


def _sized(unit: str, chars: int) -> bytes:
    return (unit * (chars // len(unit) + 1))[:chars].encode("utf-8")


def pathological(args, rules: RuleSet) -> list[Figure]:
    """Each rule alone on a run of n and 4n characters: time must grow about 4 times, not 16."""
    chars = 10_000 if args.quick else 30_000
    worst: tuple[float, str, str] = (0.0, "-", "-")
    slow: list[str] = []
    for name, make_unit in PATHOLOGICAL.items():
        size = chars * SCALE.get(name, 1)
        small_input, large_input = [_sized(make_unit(), size)], [_sized(make_unit(), 4 * size)]
        for rule in rules:
            config = Config(select=(rule.code,), rule_timeout=60)
            small = best_time(lambda: check_bytes(small_input, config, rules), 2)
            large = best_time(lambda: check_bytes(large_input, config, rules), 1)
            growth = large / max(small, 1e-3)
            if large > 0.02 and growth > worst[0]:
                worst = (growth, rule.code, name)
            if large > 0.02 and growth > 8:
                slow.append(_confirmed(f"super-linear: {rule.code} on {name!r}", growth,
                                       f"{small:.3f} -> {large:.3f} s", 8, ["pathological", rule.code, name], size, 4))
    if not rules:
        return [Figure("pathological input, each rule", "no rules installed", "-", "INFO")]
    missed = any(f.verdict == "MISS" for f in slow)
    figure = Figure(f"worst growth for 4x input: {worst[1]} on {worst[2]!r}", f"{worst[0]:8.1f} x",
                    "<= 8 x (linear: 4)", "MISS" if missed else "PASS")
    return [figure, *slow]


def _confirmed(name: str, growth: float, times: str, limit: float, piece: list[str], size: float,
               factor: float) -> Figure:
    """A piece whose CPU time grew past ``limit``, counted again in instructions when valgrind is there.

    CPU time on this machine moves by half between runs, and a large document's structures
    outgrow the processor's caches: a linear piece has measured 6x for 4x the input. The
    instructions it executes at ``size`` and ``factor`` times ``size`` do not move, so they decide.
    """
    if not instructions.available():
        return Figure(f"  {name}", f"{growth:8.1f} x", times, "MISS")
    counted = _piece_instructions([*piece, f"{size * factor:g}"]) / max(_piece_instructions([*piece, f"{size:g}"]), 1)
    verdict = "MISS" if counted > limit else "INFO"
    note = "" if verdict == "MISS" else ": linear in instructions, the machine's noise"
    return Figure(f"  {name}{note}", f"{counted:8.1f} x", f"CPU {growth:.1f} x ({times})", verdict)


def _piece_instructions(piece: list[str]) -> int:
    """Instructions of one piece alone (bench/piece_cost.py): a run less its set-up run."""
    script = [sys.executable, str(Path(__file__).with_name("piece_cost.py"))]
    return instructions.count([*script, *piece]) - instructions.count([*script, "--setup", *piece])


# -- separate processes: start-up, jobs, memory ---------------------------------------

def unlint_command() -> list[str]:
    script = Path(sys.executable).with_name("unlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "unlint"]


@dataclass(frozen=True)
class Timed:
    """The median wall time and the median CPU time (the process and everything it waited for) of a command."""

    wall: float
    cpu: float


def median_runs(commands: list[list[str]], runs: int, env: dict[str, str] | None = None) -> list[Timed]:
    """Median wall and CPU time of each command; runs interleaved so that a busy machine skews all alike.

    CPU time is the ``RUSAGE_CHILDREN`` difference across the run: the command's
    own process and the worker processes it waited for. A shared machine stretches
    wall time far more than CPU time.
    """
    for command in commands:
        subprocess.run(command, capture_output=True, env=env)  # warm the file cache; not counted
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, env=env)
            walls[index].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[index].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [Timed(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]


def startup(args) -> list[Figure]:
    runs = 5 if args.quick else 15
    document = sorted(EXAMPLES.glob("*.zh.txt"))[0]
    command = [*unlint_command(), "check", "--quiet", *no_cache(), str(document)]
    # pip compiles an installed wheel's modules to bytecode, as it compiled the
    # dependencies; with PYTHONDONTWRITEBYTECODE set, an editable install would
    # instead compile unlint's sources on every run and the floor would not.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    floor, ours = median_runs([[sys.executable, "-c", "import lark, regex, pluggy, click"], command], runs, env)
    ratio = ours.wall / floor.wall
    shown = " ".join(["unlint", *command[len(unlint_command()):-1], document.name])
    return [
        Figure("start-up: `unlint check` on one document / import floor", f"{ratio:8.2f} x", "<= 1.5 x",
               "PASS" if ratio <= 1.5 else "MISS"),
        Figure(f"  {shown}", f"{ours.wall * 1000:8.0f} ms", "-", "INFO"),
        Figure("  python -c 'import lark, regex, pluggy, click'", f"{floor.wall * 1000:8.0f} ms", "-", "INFO"),
        Figure("  the same in CPU time: unlint / floor", f"{ours.cpu / floor.cpu:8.2f} x", "-", "INFO"),
        Figure(f"  CPU: unlint {ours.cpu * 1000:.0f} ms, floor {floor.cpu * 1000:.0f} ms", "", "", "INFO"),
        *_startup_instructions(command, env),
    ]


def _startup_instructions(command: list[str], env: dict[str, str]) -> list[Figure]:
    """The same two commands in instructions (valgrind), which the machine's load does not move."""
    if not instructions.available():
        return [Figure("  instructions: valgrind is not installed", "", "", "SKIP")]
    subprocess.run(command, capture_output=True, env=env)  # the start-up cache written, as after any first run
    floor, ours = instructions.count([sys.executable, "-c", "import lark, regex, pluggy, click"]), \
        instructions.count(command)
    return [Figure("  the same in instructions: unlint / floor", f"{ours / floor:8.2f} x", "-", "INFO"),
            Figure(f"  instructions: unlint {ours / 1e6:,.0f} M, floor {floor / 1e6:,.0f} M", "", "", "INFO")]


def check_help() -> str:
    return subprocess.run([*unlint_command(), "check", "--help"], capture_output=True, text=True).stdout


def no_cache() -> list[str]:
    """``--no-cache`` if the CLI has a findings cache: every timed run must really check."""
    return ["--no-cache"] if "--no-cache" in check_help() else []


def jobs_option() -> str | None:
    help_text = check_help()
    if "--jobs" in help_text:
        return "--jobs"
    return "-j" if "-j," in help_text or "-j " in help_text else None


def parallel(args, workdir: Path) -> list[Figure]:
    option = jobs_option()
    if option is None:
        return [Figure("-j 2 vs -j 1 on 200 files", "skipped", "<= 1.1 x CPU", "SKIP"),
                Figure("  (the installed CLI has no --jobs option yet)", "", "", "SKIP")]
    tree = workdir / "tree"
    tree.mkdir()
    corpus = sorted(EXAMPLES.glob("*.zh.txt"))
    for index in range(200):
        shutil.copyfile(corpus[index % len(corpus)], tree / f"doc{index:03d}.txt")
    runs = 2 if args.quick else 3
    command = [*unlint_command(), "check", "--quiet", *no_cache(), option]
    one, two = median_runs([[*command, jobs, str(tree)] for jobs in "12"], runs)
    overhead = two.cpu / one.cpu
    speedup = one.wall / two.wall
    return [Figure("-j 2 vs -j 1 on 200 files: CPU time (parent and workers)", f"{overhead:8.2f} x",
                   "<= 1.1 x", "PASS" if overhead <= 1.1 else "MISS"),
            Figure(f"  CPU -j 1: {one.cpu:.2f} s, -j 2: {two.cpu:.2f} s", "", "", "INFO"),
            Figure("  wall speed-up (2 cores shared with whatever else runs)", f"{speedup:8.2f} x", "-", "INFO"),
            Figure(f"  wall -j 1: {one.wall:.2f} s, -j 2: {two.wall:.2f} s", "", "", "INFO"),
            *(_jobs_instructions(command, tree, workdir) if args.instructions else [])]


def _jobs_instructions(command: list[str], tree: Path, workdir: Path) -> list[Figure]:
    """-j 2 against -j 1 in instructions (valgrind): the parent's and each worker's own work.

    A worker forked after the parent checked its first document starts from the parent's
    counter then; that share, estimated by ``-j 1`` on the first document alone, is taken off
    each worker.
    """
    if not instructions.available():
        return [Figure("  instructions: valgrind is not installed", "", "", "SKIP")]
    first = workdir / "first"
    first.mkdir()
    shutil.copyfile(sorted(tree.iterdir())[0], first / "doc000.txt")
    at_fork = instructions.count([*command, "1", str(first)])
    one = instructions.count([*command, "1", str(tree)])
    parent, *workers = instructions.count_processes([*command, "2", str(tree)])
    two = parent + sum(worker - at_fork for worker in workers)
    return [Figure("  the same in instructions: -j 2 / -j 1", f"{two / one:8.2f} x", "-", "INFO"),
            Figure(f"  instructions -j 1: {one / 1e6:,.0f} M; -j 2: parent {parent / 1e6:,.0f} M, "
                   f"{len(workers)} workers {sum(workers) / 1e6:,.0f} M less {at_fork / 1e6:,.0f} M each at fork",
                   "", "", "INFO")]


_PEAK_SCRIPT = textwrap.dedent("""
    import resource, sys
    from unlint.cli import main
    try:
        main(["check", "--quiet", *sys.argv[1:]])
    except SystemExit:
        pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024))
""")


def memory(args, workdir: Path) -> list[Figure]:
    size = args.memory_mb * MB
    big = workdir / "big.txt"
    big.write_bytes(repeated(size))
    result = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT, *no_cache(), str(big)], capture_output=True,
                            text=True)
    peak = int(result.stdout.split()[-1])
    ratio = peak / big.stat().st_size
    return [Figure(f"peak memory, one {size // MB} MB file / its size", f"{ratio:8.2f} x", "< 10 x",
                   "PASS" if ratio < 10 else "MISS"),
            Figure(f"  peak resident memory {peak / MB:.0f} MB", "", "", "INFO")]


# -- report ----------------------------------------------------------------------------

def print_figures(title: str, figures: list[Figure]) -> None:
    print(f"\n{title}")
    for f in figures:
        print(f"  {f.name:<66} {f.measured:>14}  {f.target:<20} {f.verdict}")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    parser.add_argument("--only", choices=["throughput", "realdocs", "scaling", "pathological", "startup", "jobs",
                                           "memory"], action="append", help="run only these sections (repeatable)")
    parser.add_argument("--realdocs", type=Path, default=REALDOCS, help="the folder of real documents "
                        "(default: ../shared/realdocs or $UNLINT_REALDOCS)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count -j 2 against -j 1 in instructions (valgrind; a few minutes more)")
    parser.add_argument("--memory-mb", type=int, default=None, help="size of the peak-memory file (default 50)")
    args = parser.parse_args()
    args.memory_mb = args.memory_mb or (10 if args.quick else 50)
    args.size_mb = 2 if args.quick else 10
    args.repeats = 2 if args.quick else 3
    rules = default_rules()
    print(f"unlint benchmark: {len(rules)} rules, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"command: {sys.executable} bench/run.py {' '.join(sys.argv[1:])}".rstrip())
    wanted = set(args.only or ["throughput", "realdocs", "scaling", "pathological", "startup", "jobs", "memory"])
    missed = 0
    with tempfile.TemporaryDirectory(prefix="unlint-bench-") as tmp:
        workdir = Path(tmp)
        sections = [
            ("throughput", "Throughput (single process)", lambda: throughput(args, rules)),
            ("realdocs", "Real documents (single process, CPU time)", lambda: real_documents(args, rules)),
            ("scaling", "Scaling with document size (distinct corpus, CPU time)", lambda: scaling(args, rules)),
            ("pathological", "Pathological input: each rule alone on n and 4n characters",
             lambda: pathological(args, rules)),
            ("startup", "Start-up (separate processes, median)", lambda: startup(args)),
            ("jobs", "Parallel runs", lambda: parallel(args, workdir)),
            ("memory", "Peak memory", lambda: memory(args, workdir)),
        ]
        for key, title, run in sections:
            if key in wanted:
                figures = run()
                print_figures(title, figures)
                missed += sum(f.verdict == "MISS" for f in figures if not f.name.startswith("  "))
    print(f"\n{'all targets met' if not missed else f'{missed} target(s) missed'}")
    print(f"(peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
