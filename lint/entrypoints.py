"""Entry points of one group, and a distribution's version, found without importing ``importlib.metadata``.

Importing ``importlib.metadata`` (email, zipfile, csv, ...) costs more than a
third of unlint's start-up over its dependencies' floor, and a pre-commit hook
pays it on every commit. Plugins only need the ``entry_points.txt`` of each
installed distribution, which this module reads directly from the folders on
``sys.path``, with the same rule as ``importlib.metadata``: the first
distribution of a name on the path wins.

A zip archive or an unreadable folder on the path makes :func:`entry_points`
fall back to ``importlib.metadata``; a malformed ``entry_points.txt`` raises
:class:`EntryPointError` naming the file.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """``name = module:attribute`` from a distribution's ``entry_points.txt``."""

    name: str
    value: str
    group: str
    #: The distribution's ``*.dist-info`` or ``*.egg-info`` folder.
    metadata_dir: str
    #: The distribution's name when already known (from ``importlib.metadata``).
    known_dist_name: str | None = None

    @property
    def dist_name(self) -> str:
        """The distribution's name from its metadata, for messages."""
        if self.known_dist_name is not None:
            return self.known_dist_name
        found = _metadata_field(self.metadata_dir, "Name")
        return found or os.path.basename(self.metadata_dir).rpartition(".")[0].split("-")[0]

    def load(self) -> object:
        module_name, _, attributes = self.value.partition(":")
        target = importlib.import_module(module_name.strip())
        for attribute in filter(None, attributes.strip().split(".")):
            target = getattr(target, attribute)
        return target


class EntryPointError(Exception):
    """An installed distribution's ``entry_points.txt`` cannot be read."""


class _Unusual(Exception):
    """The path holds something only ``importlib.metadata`` knows how to read."""


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of ``group`` among the distributions on ``sys.path``."""
    try:
        return list(_scan(group))
    except _Unusual:
        return _from_importlib_metadata(group)


def distribution_version(name: str) -> str | None:
    """The version of the first installed distribution called ``name`` on ``sys.path``, or None."""
    try:
        metadata_dir = next((d for n, d in _first_distributions() if n == _normalised(name)), None)
    except _Unusual:
        return _version_from_importlib_metadata(name)
    return None if metadata_dir is None else _metadata_field(metadata_dir, "Version")


def _scan(group: str) -> Iterator[EntryPoint]:
    for _, metadata_dir in _first_distributions():
        yield from _read_group(metadata_dir, group)


def _first_distributions() -> Iterator[tuple[str, str]]:
    """(normalised name, metadata folder) of each distribution, the first on the path of each name."""
    seen: set[str] = set()
    for folder in sys.path:
        for dist_name, metadata_dir in _distributions(folder or "."):
            normalised = _normalised(dist_name)
            if normalised in seen:
                continue
            seen.add(normalised)
            yield normalised, metadata_dir


def _normalised(dist_name: str) -> str:
    return re.sub(r"[-_.]+", "_", dist_name).lower()


def _distributions(folder: str) -> Iterator[tuple[str, str]]:
    if not os.path.isdir(folder):
        if os.path.exists(folder):  # a zip archive on the path
            raise _Unusual(folder)
        return
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        raise _Unusual(folder) from err
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix in ("dist-info", "egg-info"):
            yield stem.split("-")[0], os.path.join(folder, name)


def _read_group(metadata_dir: str, group: str) -> Iterator[EntryPoint]:
    path = os.path.join(metadata_dir, "entry_points.txt")
    if not os.path.isfile(path):
        return
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as err:
        raise EntryPointError(f"{path}: malformed: {err}") from None
    except OSError:
        return  # as ConfigParser.read, which skips a file it cannot open
    # Most distributions do not provide the group: a header the text does not
    # contain needs no parsing (nor the configparser module).
    if f"[{group}]" not in text:
        return
    import configparser

    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # entry-point names are case-sensitive
    try:
        parser.read_string(text, source=path)
    except configparser.Error as err:
        raise EntryPointError(f"{path}: malformed: {str(err).splitlines()[0]}") from None
    if parser.has_section(group):
        for name, value in parser.items(group):
            yield EntryPoint(name, value, group, metadata_dir)


def _metadata_field(metadata_dir: str, field: str) -> str | None:
    """A header field (``Name``, ``Version``) of a distribution's ``METADATA`` or ``PKG-INFO``."""
    prefix = f"{field}:"
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(metadata_dir, file_name), encoding="utf-8") as metadata:
                for line in metadata:
                    if line.startswith(prefix):
                        return line[len(prefix):].strip()
                    if not line.strip():  # the headers end at the first blank line
                        break
        except (OSError, UnicodeDecodeError):
            continue
    return None


def _version_from_importlib_metadata(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _from_importlib_metadata(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as metadata_entry_points

    return [
        EntryPoint(ep.name, ep.value, group, str(getattr(ep.dist, "_path", "")), ep.dist.name if ep.dist else "?")
        for ep in metadata_entry_points(group=group)
    ]
