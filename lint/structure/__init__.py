"""The structure parsers: each reads a :class:`~unlint.document.Document` once.

One module per concern (page furniture, header, numbered paragraphs, ...),
each with its own typed dataclasses and one ``parse_*`` function. The
Document calls them lazily and caches the result, so a rule that never asks
for footnotes never pays for them.
"""
