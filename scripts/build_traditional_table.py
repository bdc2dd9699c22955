"""Build rules/data/traditional-characters.json from OpenCC's dictionaries.

Usage::

    python scripts/build_traditional_table.py TSCharacters.txt STCharacters.txt LICENSE VERSION

The inputs are OpenCC's text dictionaries (from the OpenCC source tree, or
dumped from a wheel's ``.ocd2`` files with ``opencc_dict -f ocd2 -t text``).
A traditional character is kept only when no reading of it is itself a
standard simplified character: OpenCC lists ``乾 -> 干 乾`` and ``著`` is a
key of STCharacters, and both are correct in simplified text (乾隆, 著名).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "traditional-characters.json"


def read_dictionary(path: Path) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        entries[key] = values.split()
    return entries


def traditional_only(ts: dict[str, list[str]], st: dict[str, list[str]]) -> dict[str, list[str]]:
    return {
        char: targets
        for char, targets in sorted(ts.items())
        if len(char) == 1 and char not in targets and char not in st
    }


def main(ts_path: str, st_path: str, license_path: str, version: str) -> None:
    table = traditional_only(read_dictionary(Path(ts_path)), read_dictionary(Path(st_path)))
    document = {
        "source": f"OpenCC {version}: TSCharacters, less every character that OpenCC's STCharacters "
        "lists as simplified or that TSCharacters maps to itself; built by scripts/build_traditional_table.py",
        "copyright": "Copyright (c) 2010-2023 Carbo Kuo and OpenCC contributors",
        "license": "Apache-2.0",
        "license_text": Path(license_path).read_text(encoding="utf-8"),
        "characters": table,
    }
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table)} characters -> {OUTPUT}")


if __name__ == "__main__":
    main(*sys.argv[1:])
