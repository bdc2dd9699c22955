"""An example third-party unlint plugin.

It registers one rule through the ``unlint.rules`` entry point and implements
the same ``unlint_rules`` hook the built-in families implement.
"""

from __future__ import annotations

import re
from collections import Counter

from unlint import Finding, Fix, hookimpl, rule

# "2018 年 4 月 24 日" (spaced, as UN Chinese editing has it around numbers)
# and "2018年4月24日" (tight); the day is optional ("2017 年 1 月").
_DATE = re.compile(r"(?<!\d)(\d{4})( ?)年( ?)(\d{1,2})( ?)月(?:( ?)(\d{1,2})( ?)日)?")


def _style(match: re.Match) -> str:
    spaces = {g for g in (match[2], match[3], match[5], match[6], match[8]) if g is not None}
    return "spaced" if spaces == {" "} else "tight" if spaces == {""} else "mixed"


def _restyled(match: re.Match, style: str) -> str:
    gap = " " if style == "spaced" else ""
    text = f"{match[1]}{gap}年{gap}{match[4]}{gap}月"
    return text + (f"{gap}{match[7]}{gap}日" if match[7] else "")


@rule("EXD001", "mixed-date-spacing", "A Chinese date spaced unlike the document's other dates", fix="safe")
def mixed_date_spacing(document, config):
    """## What it does
    Finds Chinese dates (``2018年4月24日``) written with a spacing style other than
    the one most of the document's dates use (``2018 年 4 月 24 日``).

    ## Why is this bad?
    A document assembled from several drafts mixes the styles; editors settle on
    one. The mixture is a sign that a passage was pasted in unedited.

    ## Example
    ``2017 年 4 月 19 日 ... 2018年4月24日``: the second date is flagged.

    ## Fix
    Rewrite the date in the majority style (safe).
    """
    matches = [m for m in _DATE.finditer(document.text) if _style(m) != "mixed"]
    styles = Counter(_style(m) for m in matches)
    if len(styles) < 2:
        return
    majority = "spaced" if styles["spaced"] >= styles["tight"] else "tight"
    for match in matches:
        if _style(match) != majority:
            yield Finding(
                match.start(),
                match.end(),
                f"date {match[0]!r} is {_style(match)}, while {styles[majority]} of this document's dates are {majority}",
                fix=Fix.replace(match.start(), match.end(), _restyled(match, majority)),
            )


@hookimpl
def unlint_rules():
    return [mixed_date_spacing]
