"""The ``unlint`` command's entry point: the console script and ``python -m unlint``."""

from __future__ import annotations

from .startup import begin_start_up


def run() -> None:
    """Run the command line, with the cycle collector off while it starts (see :mod:`unlint.startup`)."""
    begin_start_up()
    from .cli import main

    main()


if __name__ == "__main__":
    run()
