"""The built-in rule families, one module per family.

Each module is a pluggy plugin implementing ``unlint_rules()``, the same hook
a third-party package implements. Families:

- ``SYM``: document symbols; ``RES``: resolution references;
- ``FTN``: footnotes; ``XRF``: paragraphs, cross-references, contents;
- ``ORG``: organization names; ``AGD``: agenda lists;
- ``TYP``: typography of Chinese text;
- ``CMP``: a translation against its original (``unlint compare``).
"""

#: Modules of this package registered as plugins, in this order.
BUILTIN: tuple[str, ...] = (
    "symbols",
    "resolutions",
    "footnotes",
    "crossrefs",
    "organizations",
    "agenda",
    "typography",
    "compare",
)
