"""Instructions a command executes, counted by valgrind's cachegrind: the measure that does not move.

CPU time on the shared 2-core machine moves by half between runs of the same code;
instruction counts with a fixed hash seed repeat to 0.1 % (the way iai and CodSpeed
measure). They do not see what a cache miss or a page fault costs, so the benchmarks
report them beside CPU time, not instead of it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(command: list[str]) -> int:
    """Instructions ``command`` executes, in its own process."""
    return count_processes(command)[0]


def count_processes(command: list[str]) -> list[int]:
    """Instructions of ``command``'s process, then of each process it forked (valgrind follows forks).

    A forked child starts from a copy of its parent's counter: its count includes what
    the parent had executed when it forked.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode compiled once, as an installed package has it
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *command], capture_output=True, text=True, env=env, check=False)
    counted = {int(pid): int(refs.replace(",", ""))
               for pid, refs in re.findall(r"==(\d+)==\s+I\s+refs:\s+([\d,]+)", done.stderr)}
    if not counted:
        raise RuntimeError(f"valgrind counted nothing: {done.stderr[-300:]}")
    return [counted[pid] for pid in sorted(counted)]  # the command first: it started before its children
