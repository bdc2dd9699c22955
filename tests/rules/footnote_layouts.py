"""Small synthetic documents in each footnote layout, with one thing changed on request.

``drop_text`` / ``drop_marker`` leave out the text or the marker of that
footnote; ``renumber`` maps a footnote to a new number, marker and text both.
"""

from __future__ import annotations


def _label(k: int, renumber: dict[int, int]) -> str:
    return str(renumber.get(k, k))


def pdf_layout(count: int = 6, per_page: int = 3, drop_text: int | None = None, drop_marker: int | None = None,
               renumber: dict[int, int] | None = None, first: int = 1) -> str:
    """PDF text: markers on lines of their own, notes after a separator, page by page."""
    renumber = renumber or {}
    lines = [" 联 合 国   A/99/100", "", "Distr.: General", "1 January 2020", ""]
    numbers = list(range(first, first + count))
    pages = [numbers[i:i + per_page] for i in range(0, count, per_page)]
    for page in pages:
        for k in page:
            lines += [f"{k - first + 1}. 安全理事会在会议上讨论了第 {k} 个问题。"]
            if k != drop_marker:
                lines += [_label(k, renumber)]
            lines += [" ", ""]
        lines += ["__________________ ", ""]
        for k in page:
            if k != drop_text:
                lines += [" ", _label(k, renumber), f" S/{2000 + k}。", ""]
        lines += [" 页面之后继续的正文。"]
    return "\n".join(lines) + "\n"


def inline_layout(count: int = 6, per_page: int = 3, drop_text: int | None = None, drop_marker: int | None = None,
                  renumber: dict[int, int] | None = None, first: int = 957) -> str:
    """Repertoire text: three-digit markers after punctuation, notes after a separator."""
    renumber = renumber or {}
    lines: list[str] = []
    numbers = list(range(first, first + count))
    for start in range(0, count, per_page):
        page = numbers[start:start + per_page]
        for k in page:
            marker = "" if k == drop_marker else _label(k, renumber)
            lines += [f" 安理会成员在 2020 年就此项目举行了 1 次视频会议。{marker} ", ""]
        lines += ["__________________ ", ""]
        for k in page:
            if k != drop_text:
                lines += [f" {_label(k, renumber)} 见 S/PV.{8700 + k}。 ", ""]
        lines += ["https://undocs.org/ch/S/PV.8711"]
    return "\n".join(lines) + "\n"


def markdown_layout(count: int = 4, drop_text: int | None = None, drop_marker: int | None = None,
                    renumber: dict[int, int] | None = None) -> str:
    """Word export: ``[^N]`` markers, ``[^N]: text`` at the end."""
    renumber = renumber or {}
    body = [f"{k}.\tThe Committee was informed of item {k}.{'' if k == drop_marker else f'[^{_label(k, renumber)}]'}"
            for k in range(1, count + 1)]
    notes = [f"[^{_label(k, renumber)}]: See A/80/{k}." for k in range(1, count + 1) if k != drop_text]
    return "\n".join(["United Nations  A/80/1", "", *body, "", *notes]) + "\n"


def word_cover(marker: str = "*", note: str | None = "*") -> str:
    """A Word-export cover page: the provisional agenda's asterisk and its note."""
    lines = ["大会", "第七十三届会议", f"临时议程{marker} 议程项目 129", "", "联合国同各区域组织的合作", ""]
    if note:
        lines += [f"{note} A/73/150。", ""]
    lines += ["1. 我提交本报告。"]
    return "\n".join(lines) + "\n"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line equal to ``needle`` once stripped."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() == needle.strip():
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")
