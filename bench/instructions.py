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
    """Instructions ``command`` executes (its own process; a forked child counts what it inherited too)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode compiled once, as an installed package has it
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *command], capture_output=True, text=True, env=env, check=False)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if counted is None:
        raise RuntimeError(f"valgrind counted nothing: {done.stderr[-300:]}")
    return int(counted[1].replace(",", ""))
