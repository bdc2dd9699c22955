"""Word automatic numbering: the label Word shows before a numbered paragraph.

Chapters (``I.``), sections (``A.``), paragraphs (``12.``) and sub-paragraphs
(``(a)``) of a Word file are often list numbering, not text: the paragraph (or
its style, or a style it is based on) names a numbering instance (``numId``)
and a level (``ilvl``) of ``word/numbering.xml``. The instance points to an
abstract numbering whose level gives the start value, the number format and
the text (``lvlText``, ``%1.%2``) with the counters of its levels. Word counts
per abstract numbering, restarts a level after any higher level (unless
``lvlRestart`` says otherwise), and an instance's ``startOverride`` restarts a
level when that instance is first used.

:class:`Numbering` holds the definitions (read once); :class:`Counter` is the
running state of one pass over the document, in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_PPR, _PSTYLE, _NUMPR, _NUMID, _ILVL, _VAL = (_W + n for n in ("pPr", "pStyle", "numPr", "numId", "ilvl", "val"))
#: How Word separates the label from the text (``suff``); a tab when not said.
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True, slots=True)
class Level:
    """One level of an abstract numbering."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    suffix: str = "\t"
    #: The highest level (1-based) whose use restarts this one; 0: never. None: any higher level.
    restart: int | None = None
    #: ``isLgl``: every counter in the label shown as a decimal number.
    legal: bool = False


@dataclass(frozen=True, slots=True)
class Instance:
    """A numbering instance (``w:num``): its abstract numbering and per-level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Numbering:
    """The numbering definitions of a document and which styles carry numbering."""

    abstracts: dict[str, dict[int, Level]]
    instances: dict[str, Instance]
    #: style id -> (numId, ilvl) the style gives, after ``basedOn`` inheritance.
    styles: dict[str, tuple[str, int]]

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        if ilvl in instance.levels:
            return instance.levels[ilvl]
        return self.abstracts.get(instance.abstract, {}).get(ilvl)


NO_NUMBERING = Numbering({}, {}, {})


def parse_numbering(numbering_root, styles_root) -> Numbering:
    """The definitions from the numbering and styles parts' XML roots (either may be None)."""
    abstracts: dict[str, dict[int, Level]] = {}
    links: dict[str, str] = {}  # abstract id -> numbering style it takes its definition from
    instances: dict[str, Instance] = {}
    if numbering_root is not None:
        for abstract in numbering_root.iterchildren(_W + "abstractNum"):
            key = abstract.get(_W + "abstractNumId", "")
            abstracts[key] = {
                int(lvl.get(_W + "ilvl", "0")): _level(lvl) for lvl in abstract.iterchildren(_W + "lvl")
                if lvl.get(_W + "ilvl", "0").isdigit()
            }
            if (link := _val(abstract, "numStyleLink")) is not None:
                links[key] = link
        for num in numbering_root.iterchildren(_W + "num"):
            instances[num.get(_W + "numId", "")] = _instance(num)
    styles = _style_numbering(styles_root)
    # An abstract numbering that only links to a numbering style uses the
    # definition of the numbering that style carries.
    for key, style in links.items():
        target = styles.get(style)
        if target and (instance := instances.get(target[0])) and abstracts.get(instance.abstract):
            abstracts[key] = abstracts[instance.abstract]
    return Numbering(abstracts, instances, styles)


def _val(element, name: str) -> str | None:
    child = element.find(_W + name)
    return None if child is None else child.get(_W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    restart = _val(lvl, "lvlRestart")
    legal = lvl.find(_W + "isLgl")
    return Level(
        start=_int(_val(lvl, "start"), 0),
        format=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        suffix=_SUFFIXES.get(_val(lvl, "suff") or "tab", "\t"),
        restart=None if restart is None else _int(restart, 0),
        legal=legal is not None and legal.get(_W + "val", "true") not in ("0", "false", "off"),
    )


def _instance(num) -> Instance:
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}
    for override in num.iterchildren(_W + "lvlOverride"):
        ilvl = _int(override.get(_W + "ilvl"), 0)
        if (start := _val(override, "startOverride")) is not None:
            starts[ilvl] = _int(start, 0)
        if (lvl := override.find(_W + "lvl")) is not None:
            levels[ilvl] = _level(lvl)
    return Instance(_val(num, "abstractNumId") or "", starts, levels)


def _style_numbering(styles_root) -> dict[str, tuple[str, int]]:
    """Each paragraph style's numbering, its own or the nearest ``basedOn`` ancestor's."""
    if styles_root is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    parents: dict[str, str] = {}
    for style in styles_root.iterchildren(_W + "style"):
        key = style.get(_W + "styleId", "")
        if (based := _val(style, "basedOn")) is not None:
            parents[key] = based
        numpr = style.find(f"{_W}pPr/{_W}numPr")
        if numpr is not None:
            ilvl = _val(numpr, "ilvl")
            own[key] = (_val(numpr, "numId"), None if ilvl is None else _int(ilvl, 0))
    resolved: dict[str, tuple[str, int]] = {}
    for key in set(own) | set(parents):
        num_id, ilvl = None, None
        seen: set[str] = set()
        current: str | None = key
        while current is not None and current not in seen and (num_id is None or ilvl is None):
            seen.add(current)
            found_id, found_level = own.get(current, (None, None))
            num_id = num_id if num_id is not None else found_id
            ilvl = ilvl if ilvl is not None else found_level
            current = parents.get(current)
        if num_id is not None and num_id != "0":
            resolved[key] = (num_id, ilvl or 0)
    return resolved


def paragraph_numbering(paragraph, numbering: Numbering) -> tuple[str, int] | None:
    """The (numId, ilvl) a paragraph is numbered with, or None: direct numbering first, then its style's."""
    # pPr is the paragraph's first child when present; one pass over its children (this runs per paragraph).
    ppr = paragraph[0] if len(paragraph) and paragraph[0].tag == _PPR else None
    if ppr is None:
        return None
    style = numpr = None
    for child in ppr:
        if child.tag == _PSTYLE:
            style = child.get(_VAL)
        elif child.tag == _NUMPR:
            numpr = child
    style_num = numbering.styles.get(style) if style else None
    if numpr is None:
        return style_num
    num_id = ilvl = None
    for child in numpr:
        if child.tag == _NUMID:
            num_id = child.get(_VAL)
        elif child.tag == _ILVL:
            ilvl = child.get(_VAL)
    if num_id == "0":
        return None  # numbering switched off for this paragraph
    if num_id is not None:
        return num_id, _int(ilvl, style_num[1] if style_num else 0)
    if style_num is not None and ilvl is not None:
        return style_num[0], _int(ilvl, 0)
    return style_num


@dataclass(slots=True)
class Counter:
    """The counters of one reading of the document, advanced paragraph by paragraph."""

    numbering: Numbering
    _values: dict[str, list[int | None]] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    def label(self, paragraph) -> str:
        """The label Word shows before this paragraph (``"12.\\t"``), advancing the counters; "" if none."""
        if not self.numbering.instances:  # a document without numbering: nothing to look up
            return ""
        found = paragraph_numbering(paragraph, self.numbering)
        if found is None:
            return ""
        num_id, ilvl = found
        level = self.numbering.level(num_id, ilvl)
        instance = self.numbering.instances.get(num_id)
        if level is None or instance is None or not 0 <= ilvl < _LEVELS:
            return ""
        values = self._values.setdefault(instance.abstract, [None] * _LEVELS)
        if num_id not in self._used:
            # An instance's startOverride restarts its level when the instance is first used.
            self._used.add(num_id)
            for overridden in instance.starts:
                if 0 <= overridden < _LEVELS:
                    values[overridden] = None
        current = values[ilvl]
        values[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            deeper_level = self.numbering.level(num_id, deeper)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart and restart > ilvl):
                values[deeper] = None
        if level.format == "bullet" or level.format == "none":
            return ""  # a bullet's glyph carries no number any check reads
        return self._render(num_id, level, values) + level.suffix

    def _start(self, num_id: str, ilvl: int) -> int:
        instance = self.numbering.instances[num_id]
        if ilvl in instance.starts:
            return instance.starts[ilvl]
        level = self.numbering.level(num_id, ilvl)
        return level.start if level else 1

    def _render(self, num_id: str, level: Level, values: list[int | None]) -> str:
        text = level.text
        for index in range(_LEVELS - 1, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            shown = self.numbering.level(num_id, index)
            value = values[index]
            if value is None:
                value = self._start(num_id, index)
            kind = "decimal" if level.legal or shown is None else shown.format
            text = text.replace(placeholder, format_number(value, kind))
        return text


def format_number(value: int, kind: str) -> str:
    """``value`` in a Word number format (``upperRoman`` 4 -> ``IV``); decimal for formats not known here."""
    if kind == "upperRoman":
        return _roman(value)
    if kind == "lowerRoman":
        return _roman(value).lower()
    if kind == "upperLetter":
        return _letters(value)
    if kind == "lowerLetter":
        return _letters(value).lower()
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    parts = []
    for number, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        parts.append(digits * count)
    return "".join(parts)


def _letters(value: int) -> str:
    # Word's letter numbering: A..Z, then AA..ZZ, then AAA..: the letter repeated.
    if value <= 0:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)
