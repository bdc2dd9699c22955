"""Hostile input through the real CLI: findings or one clear error line per bad file.

Exit code 2 only when some file could not be checked; never a traceback;
memory bounded. Runs whatever rules are installed, in a separate process as a
user would; where positions are compared, a probe plugin (installed for real,
so that worker processes load it too) fires on every line, so that the
comparison never passes for want of findings.
"""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import unlint.cli
from unlint import Config
from unlint.files import InputError, Source, discover

from .plugin_wheel import install_plugin

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = sorted(EXAMPLES.glob("*.zh.txt"))


def corpus_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in CORPUS)


PROBE_MODULE = """
from unlint import Finding, hookimpl, rule


@rule("TST101", "line-end-probe", "Flags the last character of every non-empty line")
def line_end_probe(document, config):
    \"\"\"## What it does
    Test rule: one finding per non-empty line, on its last character.
    \"\"\"
    for number, text in enumerate(document.lines, start=1):
        if text:
            end = document.offset(number, len(text) + 1)
            yield Finding(end - 1, end, "line end")


@rule("TST102", "document-probe", "Flags the first character of every non-empty document")
def document_probe(document, config):
    \"\"\"## What it does
    Test rule: one finding per document, to count the documents checked.
    \"\"\"
    if document.text:
        yield Finding(0, 1, "checked")


@hookimpl
def unlint_rules():
    return [line_end_probe, document_probe]
"""



@pytest.fixture(scope="module")
def probe_site(tmp_path_factory) -> Path:
    """A probe rule installed as a real plugin: positions are compared even where built-in rules find nothing."""
    return install_plugin(tmp_path_factory.mktemp("probe"), "unlint_probe", PROBE_MODULE, "probe")


def run_cli(*args: str, site: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)} if site else None
    result = subprocess.run([sys.executable, "-m", "unlint", "check", *args], capture_output=True, text=True,
                            timeout=timeout, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line]


@pytest.fixture
def cli(probe_site):
    """``unlint check --format json`` in a subprocess, with the installed rules and the probe."""
    return lambda *args: run_cli("--format", "json", *args, site=probe_site)


def findings(result) -> list[tuple]:
    return [(d["line"], d["column"], d["end_line"], d["end_column"], d["code"]) for d in json.loads(result.stdout)]


# -- the matrix -----------------------------------------------------------------

def test_empty_file_is_checked_without_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli(str(tmp_path / "empty.txt"))
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes(range(256)) * 40, "binary file"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "binary file"),
        ("第一段。\x00第二段。\n".encode(), "binary file (contains NUL bytes)"),
        (b"abc \xff\xfe\x80 def\n", "not valid UTF-8"),
        ("联合国文件。".encode() * 20 + "联合国文件。".encode("gb18030") * 20, "mixed encodings"),
        ("联合国文件。".encode("gb18030") * 20 + "联合国文件。".encode() * 20, "mixed encodings"),
        (b"\xef\xbb\xbfabc\xff\n", "invalid utf-8-sig after its byte-order mark"),
    ],
    ids=["binary", "elf", "nul", "undecodable", "utf8-then-gb", "gb-then-utf8", "bad-after-bom"],
)
def test_a_file_that_cannot_be_decoded_is_one_error_line_and_exit_2(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("第一段。\n", encoding="utf-8")
    result = run_cli(str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"))
    assert result.returncode == 2
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"unlint: error: {tmp_path / 'bad.txt'}: ")
    assert reason in lines[0]


def test_a_bad_file_does_not_stop_the_others_being_checked(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(corpus_text()[:5000], encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    alone = cli(str(good))
    together = cli(str(tmp_path / "bad.txt"), str(good))
    assert together.returncode == 2
    assert findings(together) == findings(alone) != []


def test_gb18030_text_is_decoded_and_checked_like_its_utf8_twin(cli, tmp_path):
    text = CORPUS[0].read_text(encoding="utf-8")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gb.txt").write_text(text, encoding="gb18030")
    assert findings(cli(str(tmp_path / "gb.txt"))) == findings(cli(str(tmp_path / "utf8.txt")))


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_give_the_same_positions_as_lf(cli, tmp_path, newline):
    text = corpus_text()[:20000]
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="\n")
    (tmp_path / "other.txt").write_bytes(text.replace("\n", newline).encode("utf-8"))
    expected = findings(cli(str(tmp_path / "lf.txt")))
    result = cli(str(tmp_path / "other.txt"))
    assert result.returncode != 2
    assert findings(result) == expected != []


def test_mixed_line_ends_in_one_file(cli, tmp_path):
    (tmp_path / "mixed.txt").write_bytes(b"one\r\ntwo\rthree\nfour")
    probe = [f[:2] for f in findings(cli(str(tmp_path / "mixed.txt"))) if f[4] == "TST101"]
    assert probe == [(1, 3), (2, 3), (3, 5), (4, 4)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"], ids=["utf8-bom", "utf16-bom"])
def test_a_bom_does_not_shift_columns(cli, tmp_path, encoding):
    text = corpus_text()[:20000]
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bom.txt").write_text(text, encoding=encoding)
    assert findings(cli(str(tmp_path / "bom.txt"))) == findings(cli(str(tmp_path / "plain.txt"))) != []


def _peak_memory_of_check(path: Path, *args: str) -> tuple[int, int, list[dict]]:
    """Exit code, peak resident memory (bytes) and JSON report of ``unlint check`` in a fresh process."""
    script = textwrap.dedent("""
        import resource, sys
        from unlint.cli import main
        try:
            main(["check", "--format", "json", *sys.argv[1:]])
        except SystemExit as exit:
            code = exit.code
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(code, peak * (1 if sys.platform == "darwin" else 1024), file=sys.stderr)
    """)
    # A fresh cache folder: a findings cache must neither answer for this run nor swell it.
    scratch = Path(tempfile.mkdtemp(prefix="unlint-peak-"))
    report = scratch / "report.json"
    env = {**os.environ, "UNLINT_CACHE_DIR": str(scratch / "cache")}
    result = subprocess.run([sys.executable, "-c", script, "--output-file", str(report), *args, str(path)],
                            capture_output=True, text=True, timeout=900, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    code, peak = result.stderr.split()[-2:]
    return int(code), int(peak), json.loads(report.read_text(encoding="utf-8"))


def _rule_failures(report: list[dict]) -> list[str]:
    return [d["message"] for d in report if d["code"] in ("UNL001", "UNL002")]


def _repeat_to(text: str, size: int) -> str:
    data = text.encode("utf-8")
    return (data * (size // len(data) + 1))[:size].decode("utf-8", errors="ignore")


@pytest.mark.slow
def test_a_50_mb_file_is_checked_in_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(_repeat_to(corpus_text(), 50_000_000), encoding="utf-8")
    code, peak, report = _peak_memory_of_check(big)
    assert code in (0, 1)
    assert not _rule_failures(report)
    assert peak < 10 * big.stat().st_size  # the target in issue 7


@pytest.mark.slow
def test_a_single_5_mb_line(tmp_path):
    line = tmp_path / "line.txt"
    line.write_text(_repeat_to(corpus_text().replace("\n", " "), 5_000_000), encoding="utf-8")
    result = run_cli("--format", "json", str(line))
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    assert not _rule_failures(json.loads(result.stdout))  # no rule timed out on the long line


def test_a_symlink_loop_given_by_name(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = run_cli(str(tmp_path / "a.txt"))
    assert result.returncode == 2
    assert error_lines(result) == [f"unlint: error: {tmp_path / 'a.txt'}: symbolic link loop"]


def test_symlink_loops_inside_a_tree_end_and_are_reported(tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "doc.txt").write_text("第一段。\n", encoding="utf-8")
    (tree / "sub" / "up").symlink_to(tree)  # a folder loop
    (tree / "sub" / "self").symlink_to(tree / "sub")
    (tree / "x.txt").symlink_to(tree / "y.txt")  # a file loop
    (tree / "y.txt").symlink_to(tree / "x.txt")
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    result = run_cli(str(tree), timeout=60)
    assert result.returncode == 2
    assert sorted(error_lines(result)) == sorted([
        f"unlint: error: {tree}/gone.txt: no such file (removed while unlint ran?)",
        f"unlint: error: {tree}/x.txt: cannot read: Too many levels of symbolic links",
        f"unlint: error: {tree}/y.txt: cannot read: Too many levels of symbolic links",
    ])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; see the simulated test")
def test_an_unreadable_file_and_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("第一段。\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "doc.txt").write_text("第一段。\n", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        result = run_cli(str(tmp_path))
    finally:
        (tmp_path / "locked").chmod(stat.S_IRWXU)
    assert result.returncode == 2
    assert sorted(error_lines(result)) == [
        f"unlint: error: {tmp_path}/locked: cannot read directory: Permission denied",
        f"unlint: error: {tmp_path}/secret.txt: permission denied",
    ]


def test_an_unreadable_file_simulated(tmp_path, monkeypatch):
    # CI runs as root, where mode 000 does not stop a read: make the read itself fail.
    secret = tmp_path / "secret.txt"
    secret.write_text("第一段。\n", encoding="utf-8")
    (tmp_path / "open.txt").write_text("第一段。\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(unlint.cli.main, ["check", str(tmp_path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if line.startswith("unlint: error:")] == [
        f"unlint: error: {secret}: permission denied"
    ]


def test_a_fifo_in_a_tree_is_reported_not_waited_on(tmp_path):
    (tmp_path / "doc.txt").write_text("第一段。\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_cli(str(tmp_path), timeout=60)
    assert result.returncode == 2
    assert error_lines(result) == [f"unlint: error: {tmp_path}/pipe.txt: not a regular file"]


def test_a_file_vanishing_mid_run(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("第一段。\n", encoding="utf-8")
    real_discover = unlint.cli.discover

    def discover_then_delete(*args, **kwargs):
        # Found by the walk, gone before it is read: what a concurrent `git checkout` does.
        yield from real_discover(*args, **kwargs)
        (tmp_path / "b.txt").unlink()

    monkeypatch.setattr(unlint.cli, "discover", discover_then_delete)
    result = CliRunner().invoke(unlint.cli.main, ["check", str(tmp_path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if line.startswith("unlint: error:")] == [
        f"unlint: error: {tmp_path}/b.txt: no such file (removed while unlint ran?)"
    ]


def test_a_folder_vanishing_while_it_is_walked(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_text("x\n", encoding="utf-8")
    found = []
    for item in discover([str(tmp_path)], Config()):
        found.append(item)
        if len(found) == 1:
            (tmp_path / "b" / "doc.txt").unlink()
            (tmp_path / "b").rmdir()
    assert [item.display for item in found if isinstance(item, Source)] == [f"{tmp_path}/a/doc.txt",
                                                                           f"{tmp_path}/c/doc.txt"]
    # Its documents were not checked: at most one error line says so.
    assert [str(item) for item in found if isinstance(item, InputError)] in (
        [], [f"{tmp_path}/b: cannot read directory: No such file or directory"])


def test_a_directory_without_documents_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert result.returncode == 2
    assert error_lines(result) == [f"unlint: error: {tmp_path}: no documents (*.txt, *.docx, *.pdf) in this directory"]


def test_a_missing_path_is_an_error(tmp_path):
    result = run_cli(str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert error_lines(result) == [f"unlint: error: {tmp_path / 'missing.txt'}: no such file or directory"]


@pytest.mark.slow
def test_a_tree_of_10000_files_is_streamed(tmp_path, probe_site):
    text = corpus_text()
    piece = len(text) // 10
    tree = tmp_path / "tree"
    total = 0
    for index in range(10_000):
        folder = tree / f"d{index // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        start = (index * 997) % (len(text) - piece)
        data = text[start:start + piece].encode("utf-8")
        (folder / f"doc{index:05d}.txt").write_bytes(data)
        total += len(data)
    # Without rules (UNL001 selects only the engine's code): what is measured is the
    # reading pipeline, which must not keep every file's text. All rules on 200 MB
    # would take minutes; the rules' own speed and memory are the benchmark's.
    code, peak, _ = _peak_memory_of_check(tree, "--select", "UNL001")
    small_code, floor, _ = _peak_memory_of_check(CORPUS[0], "--select", "UNL001")
    assert code == 0 and small_code == 0
    assert peak - floor < total / 4, (peak, floor, total)
    # Every document is checked: the probe counts them.
    result = run_cli("--select", "TST102", "--statistics", str(tree), site=probe_site, timeout=900)
    assert result.returncode == 1 and result.stderr == ""
    assert " 10000  TST102  document-probe" in result.stdout


def test_resource_module_reports_bytes_as_assumed():
    # ru_maxrss is KiB on Linux and bytes on macOS: the helper above relies on this.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
