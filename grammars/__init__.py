"""The Lark grammars, shipped as package data.

This file must exist: without it ``unlint.grammars`` is not importable from an
editable install, and ``Lark.open_from_package`` cannot find the grammars.
"""
