"""The lean LALR driver, on the shipped tables, accepts exactly what Lark accepts, with the same values."""

from __future__ import annotations

import pytest
from lark import Lark, UnexpectedInput

from unlint.references.grammar import load_parser
from unlint.references.lalr import LalrSyntaxError
from unlint.references.lalr_tables import LARK_OPTIONS
from unlint.references.resolutions import _ToCitation
from unlint.references.symbols import _ToParts

from . import test_resolution_grammar as resolutions
from . import test_symbol_grammar as symbols


def _lark(name, transformer):
    return Lark.open_from_package("unlint.grammars", f"{name}.lark", transformer=transformer(), **LARK_OPTIONS)


def _outcome(parse, text):
    try:
        return "ok", parse(text)
    except (UnexpectedInput, LalrSyntaxError):
        return "error", None


SYMBOL_TEXTS = [text for text, _ in symbols.FORMS] + symbols.MALFORMED + ["S/95/12", "A/47/277-S/24/16"]
RESOLUTION_TEXTS = [text for text, _ in resolutions.FORMS] + [t for t, _ in resolutions.PINPOINTS] + resolutions.MALFORMED


def _comparable(value):
    # Lexemes and Lark Tokens are both str subclasses; compare their text and span.
    if isinstance(value, (list, tuple)):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, str):
        return (str(value), getattr(value, "type", None), getattr(value, "start_pos", None))
    if hasattr(value, "__dataclass_fields__"):
        return {k: _comparable(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


@pytest.mark.parametrize("text", SYMBOL_TEXTS)
def test_symbol_driver_agrees_with_lark(text):
    lark_outcome = _outcome(_lark("symbol", _ToParts).parse, text)
    driver_outcome = _outcome(load_parser("symbol", _ToParts).parse, text)
    assert _comparable(driver_outcome) == _comparable(lark_outcome)


@pytest.mark.parametrize("text", RESOLUTION_TEXTS)
def test_resolution_driver_agrees_with_lark(text):
    lark_outcome = _outcome(_lark("resolution", _ToCitation).parse, text)
    driver_outcome = _outcome(load_parser("resolution", _ToCitation).parse, text)
    assert _comparable(driver_outcome) == _comparable(lark_outcome)


def test_syntax_error_reports_where_it_broke():
    with pytest.raises(LalrSyntaxError) as caught:
        load_parser("symbol", _ToParts).parse("A/60//341")
    assert caught.value.position == 4
