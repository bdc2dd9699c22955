"""Which translation goes with which original: pairs from two folders or from a list file.

Files of two folders are paired by name, once language tags are taken off
(``A-80-605.en.docx`` and ``A-80-605.zh.docx``, ``report_E.pdf`` and
``report_C.pdf``), then, for the files left, by the document symbol of their
masthead. A file left without a counterpart is an input error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from ..config import Config
from ..document import Document
from ..files import InputError, Source, discover, read_source

#: A language tag at the end of a file name's stem: ``.en``, ``-zh``, ``_C``, ``.english``.
_LANGUAGE_TAG = regex.compile(r"[._\- ](?:en|zh|e|c|ch|cn|eng|chi|english|chinese)$",
                              regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourcePair:
    original: Source
    translation: Source


def name_key(path: str) -> str:
    """The file name without folder, endings and a final language tag, lower-cased."""
    stem = Path(path).name
    while Path(stem).suffix.lower() in {".txt", ".docx", ".pdf", ".md"}:
        stem = Path(stem).stem
    return _LANGUAGE_TAG.sub("", stem).lower()


def pairs_from_folders(originals: str, translations: str, config: Config) -> Iterator[SourcePair | InputError]:
    """Pair the documents of two folders (see the module docstring); errors for what stays unpaired."""
    left = [s for s in discover([originals], config)]
    right = [s for s in discover([translations], config)]
    for side in (left, right):
        yield from (s for s in side if isinstance(s, InputError))
    left_sources = [s for s in left if isinstance(s, Source)]
    right_sources = [s for s in right if isinstance(s, Source)]
    by_name = {}
    for source in right_sources:
        by_name.setdefault(name_key(source.display), []).append(source)
    unpaired: list[Source] = []
    used: set[str] = set()
    for source in left_sources:
        found = by_name.get(name_key(source.display), [])
        if len(found) == 1:
            used.add(found[0].display)
            yield SourcePair(source, found[0])
        else:
            unpaired.append(source)
    rest = [s for s in right_sources if s.display not in used]
    yield from _pairs_by_symbol(unpaired, rest, config)


def _pairs_by_symbol(left: list[Source], right: list[Source], config: Config) -> Iterator[SourcePair | InputError]:
    if not left:
        return
    symbols = {}
    for source in right:
        symbol = _symbol(source, config)
        if symbol:
            symbols.setdefault(symbol, []).append(source)
    for source in left:
        found = symbols.get(_symbol(source, config) or "", [])
        if len(found) == 1:
            yield SourcePair(source, found[0])
        else:
            yield InputError(source.display, "no translation of the same name or symbol in the other folder")


def _symbol(source: Source, config: Config) -> str | None:
    try:
        decoded = read_source(source)
    except InputError:
        return None
    return Document(decoded.text, source.display, config.document_date, decoded.layout).header.symbol


def pairs_from_list(list_file: str) -> Iterator[SourcePair | InputError]:
    """Pairs named in a list file: one ``ORIGINAL<tab>TRANSLATION`` (or two paths without spaces) a line.

    Relative paths are read from the list file's folder; ``#`` starts a comment.
    """
    path = Path(list_file)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        yield InputError(list_file, f"cannot read the list of pairs: {getattr(err, 'strerror', None) or err}")
        return
    for number, line in enumerate(lines, start=1):
        bare = line.split("#", 1)[0].strip()
        if not bare:
            continue
        names = bare.split("\t") if "\t" in bare else bare.split()
        names = [n.strip() for n in names if n.strip()]
        if len(names) != 2:
            yield InputError(f"{list_file}:{number}", "expected two paths: ORIGINAL and TRANSLATION")
            continue
        sources = [_source(name, path.parent) for name in names]
        yield SourcePair(sources[0], sources[1])


def _source(name: str, folder: Path) -> Source:
    given = Path(name)
    return Source(name, given if given.is_absolute() else folder / given)
