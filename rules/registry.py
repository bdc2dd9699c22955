"""The organization registry: names, short forms, variants and renames.

Built from ``data/organizations.toml`` plus entries from configuration
(``[[tool.unlint.organizations]]``) and plugins (``unlint_organizations``),
which the engine merges once per run (``unlint.inputs.RunInputs``) and hands the
rules as ``Document.organization_registry``. Every form is matched
exactly and longest-first in one pass of an Aho-Corasick automaton, whose cost
per character does not grow with the registry, so a name inside a longer
registered name (欧洲委员会 in 欧洲联盟委员会) is never a hit.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

import ahocorasick_rs
from unlint.packagedata import load_parsed
from unlint.structure.names import _BOUNDARY_STRING
from unlint.structure.names import after_zh_boundary as after_boundary
from unlint.structure.names import trie_pattern  # noqa: F401  (re-exported: tests and the bench use it)

try:  # the optional native scans (lint/_scan.c); the package works without them
    from unlint._scan import registry_find as _native_find
    from unlint._scan import word_trie
except ImportError:  # pragma: no cover - a build without a compiler
    _native_find = word_trie = None

DATA_FILE = "organizations.toml"



class RegistryError(ValueError):
    """The registry data is malformed, or two organizations claim one form."""


class FormKind(enum.Enum):
    """What a written form is to its organization."""

    OFFICIAL = "official"
    ABBREVIATION = "abbreviation"
    VARIANT = "variant"
    ERROR = "error"
    FORMER = "former"


@dataclass(frozen=True, slots=True)
class FormerName:
    zh: str
    until: dt.date
    en: str = ""
    abbreviations: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    zh: str
    en: str = ""
    abbreviations: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()
    bounded: frozenset[str] = frozenset()
    source: str = ""
    #: Which form is official is not settled; fixes towards ``zh`` are then unsafe.
    unverified: bool = False
    #: English UN abbreviations (UNDP): data for the document's own name table, not matched in Chinese text.
    en_abbreviations: tuple[str, ...] = ()

    def forms(self) -> Iterator[tuple[str, FormKind, FormerName | None]]:
        yield self.zh, FormKind.OFFICIAL, None
        for form in self.abbreviations:
            yield form, FormKind.ABBREVIATION, None
        for form in self.variants:
            yield form, FormKind.VARIANT, None
        for form in self.errors:
            yield form, FormKind.ERROR, None
        for name in self.former:
            for form in (name.zh, *name.variants, *name.abbreviations):
                yield form, FormKind.FORMER, name


@dataclass(frozen=True, slots=True)
class Form:
    """One written form and the organization it names."""

    text: str
    organization: Organization
    kind: FormKind
    former: FormerName | None = None


class Mention(NamedTuple):
    """A registered form found in a text, at ``text[start:end]``.

    A named tuple rather than a frozen dataclass: a document has thousands, and a
    frozen dataclass costs three times as much to make.
    """

    start: int
    end: int
    form: Form

    @property
    def organization(self) -> Organization:
        return self.form.organization


@dataclass(frozen=True, eq=False)
class Registry:
    organizations: tuple[Organization, ...]
    forms: Mapping[str, Form]
    #: Words that start like a form but are no name (维持和平部队, troops, not 维持和平部):
    #: matched so that they hide the form inside them, then dropped.
    not_names: frozenset[str] = frozenset()

    def get(self, organization_id: str) -> Organization | None:
        return next((o for o in self.organizations if o.id == organization_id), None)

    def form(self, text: str) -> Form | None:
        return self.forms.get(text)

    @cached_property
    def _matcher(self) -> _Matcher:
        return _Matcher([*self.forms, *self.not_names])

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every registered form in ``text[start:end]``, leftmost-longest, not overlapping.

        Where the optional ``unlint._scan`` was built, its scan of a trie of the words does
        all of this in C (:meth:`_find_native`); otherwise :meth:`find_python`.
        """
        if _native_find is None:
            return self.find_python(text, start, end)
        return self._find_native(text, start, len(text) if end is None else end)

    def _find_native(self, text: str, start: int, end: int) -> list[Mention]:
        trie, forms, bounded = self._native_tables
        return _native_find(trie, text, start, end, forms, bounded, _BOUNDARY_STRING, Mention)

    @cached_property
    def _native_tables(self) -> tuple[object, tuple[Form | None, ...], bytes]:
        """The trie of the matcher's words, their forms, and which are bounded: built once per registry."""
        forms = self._forms_by_index
        bounded = bytes(form is not None and form.text in self._bounded for form in forms)
        return word_trie([*self.forms, *self.not_names]), forms, bounded

    def find_python(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """:meth:`find` in Python.

        One pass of an Aho-Corasick automaton of every form (:class:`_Matcher`), whose
        cost per character does not grow with the registry. A bounded form inside a
        word is refused, and the scan goes on from its second character: where the
        automaton's pass, which went on after the refused form, may have missed a
        form starting inside it, the text is searched again from there until a match
        is one the pass found too (from a common match on, both go the same way).
        """
        end = len(text) if end is None else end
        forms, bounded = self._forms_by_index, self._bounded
        listed = self._matcher.all(text, start, end)
        found: list[Mention] = []
        starts: dict[int, int] | None = None  # where each listed match starts: made at the first refusal
        index, count = 0, len(listed)
        while index < count:
            which, at, stop = listed[index]
            index += 1
            form = forms[which]
            if form is None:
                continue  # a word listed as no name: it hides the forms inside it
            if form.text in bounded and not after_boundary(text, at):
                if starts is None:
                    starts = {match[1]: k for k, match in enumerate(listed)}
                index = self._search_again(text, at + 1, end, starts, found)
                if index is None:
                    break
            else:
                found.append(_mention(Mention, (at, stop, form)))
        return found

    def _search_again(self, text: str, position: int, end: int, starts: Mapping[int, int],
                      found: list[Mention]) -> int | None:
        """Forms from ``position`` on, one at a time, until one is the pass's: the index of that one in
        the pass's matches (``starts`` maps their starts to it), or None at the end of the text."""
        forms, bounded = self._forms_by_index, self._bounded
        while (match := self._matcher.first(text, position, end)) is not None:
            which, at, stop = match
            if at in starts:
                return starts[at]  # a match at a place is the longest form there, whatever came before
            form = forms[which]
            if form is not None and form.text in bounded and not after_boundary(text, at):
                position = at + 1
                continue
            if form is not None:
                found.append(Mention(at, stop, form))
            position = stop
        return None

    @cached_property
    def _forms_by_index(self) -> tuple[Form | None, ...]:
        """The form of each of the matcher's words (None for a not-name)."""
        return (*self.forms.values(), *(None for _ in self.not_names))

    @cached_property
    def _bounded(self) -> frozenset[str]:
        """Forms matched only where a name may start (see ``Organization.bounded``)."""
        return frozenset(text for text, form in self.forms.items() if text in form.organization.bounded)

    def __getstate__(self) -> dict[str, Any]:
        # The automaton cannot be pickled; it is rebuilt where it is needed.
        return {key: value for key, value in self.__dict__.items() if not key.startswith("_")}


#: Characters given to the automaton at a time (see :meth:`_Matcher.all`).
_PIECE = 1 << 16

#: Makes a Mention without the Python-level ``__new__`` of a named tuple (a document has thousands).
_mention = tuple.__new__


class _Matcher:
    """Leftmost-longest matching of many words at a cost per character independent of their number.

    An Aho-Corasick automaton (``ahocorasick_rs``, built in about a millisecond per
    hundred words, once per registry and process). A regex trie of the same words
    costs more per character as they grow: at each place one of its first characters
    stands, the regex engine tries its first-character branches one after another.
    """

    def __init__(self, words: list[str]) -> None:
        self._automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if words else None
        self._longest = max(map(len, words), default=0)

    def all(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(word index, start, end)`` of every match in ``text[start:end]``, in order, not overlapping.

        The automaton is given the text in pieces of about :data:`_PIECE` characters: for the
        string it is given it holds a UTF-8 copy and an index from bytes to characters, about
        25 bytes per character, which for a whole 50 MB document was more than a gigabyte. A
        piece runs a word's length past its share, so that every match starting in the share
        is whole; the next piece starts where the last match kept ended, or at the share's end,
        as the scan of the whole text would go on from there.
        """
        if self._automaton is None or start >= end:
            return []
        find, longest = self._automaton.find_matches_as_indexes, self._longest
        found: list[tuple[int, int, int]] = []
        position = start
        while True:
            share_end = position + _PIECE
            stop = min(end, share_end + longest)
            matches = find(text[position:stop])
            if stop == end:
                if not position:
                    return matches  # the whole text at once (most documents): the matches' own offsets
                found += [(which, at + position, to + position) for which, at, to in matches]
                return found
            resume = share_end
            for which, at, to in matches:
                if at + position >= share_end:
                    break
                found.append((which, at + position, to + position))
                resume = max(resume, to + position)
            position = resume

    def first(self, text: str, start: int, end: int) -> tuple[int, int, int] | None:
        """The leftmost-longest match in ``text[start:end]``, searched in a window that grows until it is sure.

        A match found in a window is the text's when it starts at least a word's length
        before the window's end: every place up to it was then seen with all the text a
        word there could take. Windows of a few words' length settle nearly every case.
        """
        width = 4 * self._longest
        while start < end:
            stop = min(end, start + width)
            matches = self.all(text, start, stop)
            if matches and (stop == end or matches[0][1] + self._longest <= stop):
                return matches[0]
            if stop == end:
                return None
            if matches:
                width *= 2  # a match, but a longer or earlier one may run past the window
            else:
                start = max(start + 1, stop - self._longest + 1)  # no word fits in the text before that
        return None


# -- loading --------------------------------------------------------------------


_KEYS = frozenset({"id", "zh", "en", "abbreviations", "en_abbreviations", "variants", "errors", "former", "bounded",
                   "source", "verified", "unverified"})
_FORMER_KEYS = frozenset({"zh", "en", "abbreviations", "variants", "until"})


def parse_organization(entry: Mapping[str, Any], where: str) -> Organization:
    """One registry entry (a TOML table or a plugin's dict), checked."""
    if not isinstance(entry, Mapping):
        raise RegistryError(f"{where}: an organization must be a table of keys, not {type(entry).__name__}")
    zh = entry.get("zh")
    if not isinstance(zh, str) or not zh.strip():
        raise RegistryError(f"{where}: an organization needs a Chinese name in 'zh'")
    _check_keys(entry, _KEYS, f"{where} ({zh})")
    for key in ("id", "en", "source"):
        if key in entry and not isinstance(entry[key], str):
            raise RegistryError(f"{where} ({zh}): '{key}' must be a string")
    for key in ("verified", "unverified"):
        if key in entry and not isinstance(entry[key], bool):
            raise RegistryError(f"{where} ({zh}): '{key}' must be true or false")
    formers = entry.get("former", ())
    if not isinstance(formers, list | tuple):
        raise RegistryError(f"{where} ({zh}): 'former' must be an array of tables ([[...former]])")
    former = tuple(_former(f, f"{where} ({zh})") for f in formers)
    organization = Organization(
        id=str(entry.get("id") or zh),
        zh=zh.strip(),
        en=str(entry.get("en", "")),
        abbreviations=_strings(entry, "abbreviations", where),
        variants=_strings(entry, "variants", where),
        errors=_strings(entry, "errors", where),
        former=former,
        bounded=frozenset(_strings(entry, "bounded", where)),
        source=str(entry.get("source", "")),
        unverified=bool(entry.get("unverified", False)) or entry.get("verified") is False,
        en_abbreviations=_strings(entry, "en_abbreviations", where),
    )
    unknown = organization.bounded - {form for form, _, _ in organization.forms()}
    if unknown:
        raise RegistryError(f"{where} ({zh}): 'bounded' names {sorted(unknown)[0]!r}, which is not one of its forms")
    return organization


def _check_keys(entry: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    # A misspelt key ('abbreviation') would silently drop forms: refuse it.
    unknown = sorted(str(key) for key in entry if key not in known)
    if unknown:
        raise RegistryError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")


def _strings(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _former(entry: Mapping[str, Any], where: str) -> FormerName:
    if not isinstance(entry, Mapping):
        raise RegistryError(f"{where}: a former name of the wrong type ({type(entry).__name__}): "
                            "it must be a table with 'zh' and 'until'")
    _check_keys(entry, _FORMER_KEYS, f"{where}: former name")
    until = entry.get("until")
    if isinstance(until, str):
        try:
            until = dt.date.fromisoformat(until)
        except ValueError:
            raise RegistryError(f"{where}: former name 'until' {until!r} is not a date like 2011-06-28") from None
    if not isinstance(until, dt.date) or not isinstance(entry.get("zh"), str):
        raise RegistryError(f"{where}: a former name needs 'zh' and the date of the rename in 'until'")
    return FormerName(entry["zh"].strip(), until, str(entry.get("en", "")), _strings(entry, "abbreviations", where),
                      _strings(entry, "variants", where))


def build_registry(organizations: Iterable[Organization], not_names: Iterable[str] = ()) -> Registry:
    """Index every form; two organizations claiming one form is an error naming both."""
    forms: dict[str, Form] = {}
    kept: list[Organization] = []
    for organization in organizations:
        kept.append(organization)
        for text, kind, former in organization.forms():
            claimed = forms.get(text)
            if claimed is not None and claimed.organization.id != organization.id:
                first = claimed.organization
                raise RegistryError(
                    f"the form {text!r} is claimed by two organizations: "
                    f"{first.id!r} ({first.zh}) and {organization.id!r} ({organization.zh})"
                )
            if claimed is None:
                forms[text] = Form(text, organization, kind, former)
    _check_english(kept)
    hidden = frozenset(not_names)
    if hidden & forms.keys():
        raise RegistryError(f"{sorted(hidden & forms.keys())[0]!r} is both a name and listed in not-names")
    return Registry(tuple(kept), forms, hidden)


def _check_english(organizations: Iterable[Organization]) -> None:
    """No English name or abbreviation may name two bodies either (compared case-sensitively, as written)."""
    claimed: dict[str, Organization] = {}
    for organization in organizations:
        for text in {organization.en, *organization.en_abbreviations} - {""}:
            first = claimed.setdefault(text, organization)
            if first.id != organization.id:
                raise RegistryError(
                    f"the English form {text!r} is claimed by two organizations: "
                    f"{first.id!r} ({first.zh}) and {organization.id!r} ({organization.zh})"
                )


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    return load_parsed("unlint.rules", "data", DATA_FILE)  # through the compiled cache: a tenth of the time


@lru_cache(maxsize=1)
def builtin_organizations() -> tuple[Organization, ...]:
    entries = _builtin_data()["organization"]
    return tuple(parse_organization(e, f"{DATA_FILE} entry {i + 1}") for i, e in enumerate(entries))


def builtin_not_names() -> tuple[str, ...]:
    return tuple(_builtin_data().get("not-names", ()))


def load_registry(extra: Iterable[Mapping[str, Any]] = ()) -> Registry:
    """The built-in registry plus ``extra`` entries (configuration, plugins); cached per set of entries."""
    return _cached_registry(json.dumps(list(extra), ensure_ascii=False, sort_keys=True, default=str))


@lru_cache(maxsize=16)
def _cached_registry(extra_json: str) -> Registry:
    extra = [parse_organization(e, f"user organization {i + 1}") for i, e in enumerate(json.loads(extra_json))]
    return build_registry(_merge(builtin_organizations(), extra), builtin_not_names())


def _merge(builtin: tuple[Organization, ...], extra: list[Organization]) -> list[Organization]:
    # A user entry with a built-in id replaces that entry, so that a house
    # style can correct the registry rather than fight it.
    replaced = {o.id for o in extra}
    return [o for o in builtin if o.id not in replaced] + extra
