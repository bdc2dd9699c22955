"""The ``unlint`` command's entry point: the console script and ``python -m unlint``."""

from __future__ import annotations

from .startup import begin_start_up, finish


def run() -> None:
    """Run the command line, with the cycle collector off while it starts and its start-up cache (see :mod:`unlint.startup`)."""
    begin_start_up()
    try:
        from .cli import main

        main()
    finally:
        finish()


if __name__ == "__main__":
    run()
