"""Compact descriptions of parsed references, so expectations fit on one line.

``A s=61 n=204 + S y=2006 n=590 *`` is the joint symbol ``A/61/204–S/2006/590*``;
``SC y=2005 n=1631`` is Security Council resolution 1631 (2005).
"""

from __future__ import annotations

from unlint.references import DocumentSymbol, ResolutionCitation, ResolutionReference, SymbolPart


def describe_part(part: SymbolPart) -> str:
    out = [part.series]
    if part.bodies:
        out.append("b=" + ",".join(part.bodies))
    if part.kind:
        out.append("k=" + part.kind)
    if part.session is not None:
        out.append(f"s={part.session}")
    if part.year is not None:
        out.append(f"y={part.year}")
    if part.number is not None:
        out.append(f"n={part.number}")
    if part.record:
        out.append("r=" + part.record)
    if part.suffixes:
        out.append("x=" + ",".join(part.suffixes))
    if part.resolution_year:
        out.append(f"ry={part.resolution_year}")
    return " ".join(out)


def describe_symbol(symbol: DocumentSymbol) -> str:
    return " + ".join(describe_part(p) for p in symbol.parts) + (" *" if symbol.reissued else "")


def describe_reference(item: ResolutionReference) -> str:
    out = [item.organ.value if item.organ else "?"]
    if item.session is not None:
        out.append(f"s={item.session}")
    if item.year is not None:
        out.append(f"y={item.year}")
    if item.roman_session:
        out.append(f"r={item.roman_session}")
    out.append(f"n={item.number}")
    if item.letter:
        out.append("l=" + item.letter)
    return " ".join(out)


def describe_citation(citation: ResolutionCitation) -> str:
    return " ; ".join(describe_reference(i) for i in citation.items)
