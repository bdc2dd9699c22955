"""TYP001 mixed-bracket-width and TYP002 unbalanced-bracket."""

from __future__ import annotations

from collections.abc import Mapping

from unlint import Document, Finding, Fix, rule

from ._text import is_chinese
from unlint.structure.pairing import Pair

_WIDTH_OF = {**dict.fromkeys("（）［］｛｝", "fullwidth"), **dict.fromkeys("()[]{}", "halfwidth")}
#: (family, width, role) -> the bracket.
_BRACKET = {
    (family, width, role): char
    for family, chars in (("round", "（）()"), ("square", "［］[]"), ("curly", "｛｝{}"))
    for width, pair in (("fullwidth", chars[:2]), ("halfwidth", chars[2:]))
    for role, char in (("open", pair[0]), ("close", pair[1]))
}


@rule(
    "TYP001",
    "mixed-bracket-width",
    "A fullwidth bracket closed by a halfwidth one, or the reverse",
    fix="safe",
)
def mixed_bracket_width(document: Document, config):
    """## What it does
    Finds a bracket pair (round, square or curly) whose two halves differ in
    width: `（伊加特)`, `(e）`, `［原件：英文]`. Resolution numbers
    (`第 1373（2001)号`) are left to the RES family, which reports the same
    slip there.

    ## Why is this bad?
    Chinese UN text sets brackets in one width per pair: fullwidth `（）`
    around Chinese words, halfwidth `()` around symbols and list letters.
    A mixed pair is a keying slip that shows in print as uneven spacing.

    ## Example
    ```
    政府间发展管理局（伊加特)、西非国家经济共同体（西非经共体)
    ```
    Use instead:
    ```
    政府间发展管理局（伊加特）、西非国家经济共同体（西非经共体）
    ```

    ## Fix
    Safe: the odd half is given the width the document itself uses for
    brackets around like content (Chinese words or not); where the document
    has no such pairs, fullwidth around Chinese words, halfwidth otherwise.
    """
    if not is_chinese(document):
        return
    pairing = document.bracket_pairing
    text = document.text
    for pair in pairing.mixed_pairs:
        width = _house_width(pairing.width_counts, pair.han_content)
        for offset, role in ((pair.opener, "open"), (pair.closer, "close")):
            if _WIDTH_OF[text[offset]] != width:
                yield _mixed_finding(document, pair, offset, _BRACKET[(pair.family, width, role)])


def _house_width(counts: Mapping[tuple[bool, str], int], han_content: bool) -> str:
    """The width the document uses for brackets around Chinese words (or around other content)."""
    default, other = ("fullwidth", "halfwidth") if han_content else ("halfwidth", "fullwidth")
    return other if counts.get((han_content, other), 0) > counts.get((han_content, default), 0) else default


def _mixed_finding(document: Document, pair: Pair, offset: int, replacement: str) -> Finding:
    text = document.text
    opener, closer = text[pair.opener], text[pair.closer]
    where = ""
    if document.line_index(pair.opener) != document.line_index(pair.closer):
        where = f" (line {document.position(pair.opener).line})"
    return Finding(
        offset,
        offset + 1,
        f"{_WIDTH_OF[opener]} {opener!r}{where} is closed by {_WIDTH_OF[closer]} {closer!r}; "
        f"make this one {replacement!r}",
        fix=Fix.replace(offset, offset + 1, replacement),
    )


@rule("TYP002", "unbalanced-bracket", "A bracket or quotation mark left open, or closing nothing, in its paragraph")
def unbalanced_bracket(document: Document, config):
    """## What it does
    Finds an opening bracket or quotation mark (`（ ( “ ‘ 《 〈 【 「`) with no
    closing mate in the same paragraph, and a closing one with no opening
    mate. A paragraph runs from one paragraph start (a numbered paragraph, a
    sub-paragraph marker, an indented line after a full stop) to the next,
    across the line breaks, page furniture and footnote rules of a PDF
    export; a footnote is a paragraph of its own.

    ## Why is this bad?
    A title `《...` or a quotation `“...` that never closes leaves the
    reader unsure where the quoted words end, and usually means a word or a
    mark was lost in editing.

    ## Example
    ```
    会议的主题是“联合国与区域组织：为更安全的世界建立伙伴关系。
    ```
    Use instead:
    ```
    会议的主题是“联合国与区域组织：为更安全的世界建立伙伴关系”。
    ```

    ## Fix
    None: where the missing mark belongs is for the editor to decide.
    """
    if not is_chinese(document):
        return
    text = document.text
    for item in document.bracket_pairing.unmatched:
        mark = text[item.offset]
        first, last = item.block_lines
        paragraph = f"the paragraph on line {first}" if first == last else f"the paragraph of lines {first}-{last}"
        message = f"{mark!r} is not closed in {paragraph}" if item.opener else f"{mark!r} closes nothing in {paragraph}"
        yield Finding(item.offset, item.offset + 1, message)
