"""The engine fills in a fix's positions by making its edits directly, not through dataclasses.replace."""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import given
from hypothesis import strategies as st

from unlint import Document
from unlint.diagnostics import Applicability, Edit, Fix
from unlint.engine import _placed

_TEXT = "第一行\n\nsecond line\n第三行，第 1325（2000）号决议\n"


def _by_replace(fix: Fix, document: Document) -> Fix:
    """What the engine did before: each edit and the fix copied by dataclasses.replace."""
    edits = tuple(replace(e, start_position=document.position(e.start), end_position=document.position(e.end))
                  for e in fix.edits)
    return replace(fix, edits=edits)


_offsets = st.integers(0, len(_TEXT))


@given(st.lists(st.tuples(_offsets, _offsets, st.text(max_size=3)), min_size=1, max_size=4),
       st.sampled_from(list(Applicability)), st.dictionaries(_offsets, st.just(None), max_size=3))
def test_placed_fixes_are_those_replace_makes(spans, applicability, known):
    document = Document(_TEXT)
    fix = Fix(tuple(Edit(min(a, b), max(a, b), text) for a, b, text in spans), applicability)
    positions = {offset: document.position(offset) for offset in known}
    placed = _placed(fix, document, positions)
    expected = _by_replace(fix, document)
    assert placed == expected and type(placed) is Fix
    assert [(e.start_position, e.end_position) for e in placed.edits] == \
           [(e.start_position, e.end_position) for e in expected.edits]  # compare=False fields


@dataclass(frozen=True, slots=True)
class _PluginEdit(Edit):
    note: str = ""


def test_a_plugin_edit_keeps_its_type_and_fields():
    document = Document(_TEXT)
    fix = Fix((_PluginEdit(1, 2, "x", note="kept"),), Applicability.UNSAFE)
    placed = _placed(fix, document)
    assert placed == _by_replace(fix, document) and type(placed.edits[0]) is _PluginEdit
    assert placed.edits[0].note == "kept" and placed.edits[0].start_position == document.position(1)
