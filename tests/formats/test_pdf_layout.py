"""The page analysis on hand-made lines: what joins, what pairs, what is furniture or a table."""

from __future__ import annotations

from unlint.formats.pdf_layout import compose
from unlint.formats.pdf_lines import CLOSE, OPEN, Line

HEIGHT = 792.0
RIGHT = 550.0


def line(text: str, y: float, *, page: int = 1, size: float = 10.0, x0: float = 72.0, x1: float = RIGHT,
         cells: list[str] | None = None, raised: bool = False) -> Line:
    cells = cells or [text]
    starts = [x0 + 200.0 * i for i in range(len(cells))]
    return Line(cells, y, size, x0, x1, page, leading_label=raised, starts=starts)


def sup(label: str) -> str:
    return f"{OPEN}{label}{CLOSE}"


def read(*pages: list[Line]) -> list[str]:
    return compose(list(pages), [HEIGHT] * len(pages)).text.split("\n")


def test_justified_lines_join_and_a_short_line_ends_the_paragraph():
    text = read([
        line("1. The Committee notes that the", 700),
        line("mission has grown.", 688, x1=200),
        line("2. It recommends approval.", 670, x1=300),
    ])
    assert text[:2] == ["1. The Committee notes that the mission has grown.", "2. It recommends approval."]


def test_a_paragraph_spacing_or_an_item_start_breaks_lines_that_reach_the_edge():
    text = read([
        line("(a) Military personnel;", 700),
        line("(b) Civilian personnel", 688),
        line("Headings start after a space", 660),
    ])
    assert text[:3] == ["(a) Military personnel;", "(b) Civilian personnel", ""]


def test_an_item_letter_after_a_line_stopping_mid_sentence_is_a_wrap():
    text = read([line("broken down into (a) those driven by scale,", 700), line("(b) those driven by other factors.", 688, x1=300)])
    assert text[0] == "broken down into (a) those driven by scale, (b) those driven by other factors."


def test_a_line_starting_in_lower_case_continues_a_heading():
    text = read([line("V. Summary of follow-up action taken", 700, x1=300), line("by the Assembly", 688, x1=200)])
    assert text[0] == "V. Summary of follow-up action taken by the Assembly"


def test_a_paragraph_goes_on_across_a_page_break():
    text = read([line("The Office will advocate for the", 100)],
                [line("strengthening of partnerships.", 700, page=2, x1=300)])
    assert text[0] == "The Office will advocate for the strengthening of partnerships."


def test_a_raised_number_pairs_with_the_note_of_its_page_once():
    text = read([
        line(f"Frameworks{sup('1')} and again{sup('1')} and m{sup('2')}", 700, x1=300),
        line("__________________", 120, size=8, x1=160),
        line(f"{sup('1')} The outputs are online.", 100, size=8.5, x1=300, raised=True),
    ])
    assert text[0] == "Frameworks[^1] and again1 and m2"
    assert text[-2] == "[^1]: The outputs are online."


def test_a_note_is_not_paired_with_a_marker_of_another_page():
    text = read([line(f"Text{sup('1')}.", 700, x1=300)],
                [line("__________________", 120, page=2, size=8, x1=160),
                 line(f"{sup('1')} A note.", 100, page=2, size=8.5, x1=300, raised=True)])
    assert text[0] == "Text1."


def test_small_type_at_the_foot_without_a_rule_is_a_note_only_when_its_number_is_raised():
    body = "The body text of the page, in the larger type of the document."
    table_foot = read([line(body, 700, x1=300), line("8 Human Resources Section", 100, size=8.5, x1=300)])
    assert "8 Human Resources Section" in table_foot
    note = read([line(f"Body text{sup('1')}. {body}", 700, x1=300),
                 line(f"{sup('1')} See A/80/628.", 100, size=8.5, x1=300, raised=True)])
    assert note[0] == f"Body text[^1]. {body}" and note[-2] == "[^1]: See A/80/628."


def test_margin_lines_are_furniture_from_page_2_and_the_masthead_stays():
    text = read([line("United Nations", 740, cells=["United Nations", "A/80/628"]), line("Body.", 600, x1=300),
                 line("26-01455 (E) 160326", 40, x1=200)],
                [line("A/80/628", 733, page=2, x1=150), line("More body.", 600, page=2, x1=300),
                 line("2/44", 38, page=2, x1=100)])
    # The wide space under the masthead is a blank line, as Word's empty paragraphs.
    assert [kept for kept in text if kept] == ["United Nations\tA/80/628", "Body.", "More body."]


def test_table_rows_gather_their_wrapped_cells_and_are_table_lines():
    lines = [
        line("", 700, cells=["Category", "2025"]),
        line("1. Meetings of the groups of least developed", 682, x1=300),
        line("", 670, x0=86, cells=["countries", "4"]),
        line("2024 (2023)", 640, x1=120),
    ]
    reading = compose([lines], [HEIGHT])
    text = reading.text.split("\n")
    assert text[:4] == ["Category\t2025", "1. Meetings of the groups of least developed countries\t4", "", "2024 (2023)"]
    assert {1, 2, 4} <= reading.layout.table_lines and 3 not in reading.layout.table_lines


def test_contents_entries_read_title_tab_page():
    text = read([
        line("Contents", 700, x1=120),
        line("I. Mandate ........................ 6", 680),
        line("II. Financial resources and the analysis of", 668, x1=500),
        line("variances ........................ 55", 656),
        line("Annexes", 644, x1=120),
        line("I. Organization chart ........................ 68", 632),
        line("Summary", 600, x1=120),
    ])
    assert text[:6] == ["Contents", "I. Mandate\t6", "II. Financial resources and the analysis of variances\t55",
                        "Annexes", "I. Organization chart\t68", ""]


def cells_at(cells: list[str], starts: list[float], y: float, *, page: int = 1, size: float = 10.0) -> Line:
    """A line of table cells starting where given."""
    return Line(cells, y, size, starts[0], starts[-1] + 100.0, page, starts=starts)


def test_a_repeated_header_on_the_next_page_is_left_out_and_the_rows_go_on():
    header = ["Grade", "Title"]
    text = read([cells_at(header, [72, 200], 700), cells_at(["P-4", "Officer"], [72, 200], 680)],
                [cells_at(header, [72, 200], 700, page=2), cells_at(["P-3", "Engineer"], [72, 200], 680, page=2)])
    assert text[:3] == ["Grade\tTitle", "P-4\tOfficer", "P-3\tEngineer"]


def test_a_first_row_that_differs_from_the_header_is_kept_on_the_next_page():
    text = read([cells_at(["Grade", "Title"], [72, 200], 700), cells_at(["P-4", "Officer"], [72, 200], 680)],
                [cells_at(["Level", "Title"], [72, 200], 700, page=2), cells_at(["P-3", "Engineer"], [72, 200], 680, page=2)])
    assert "Level\tTitle" in text


def test_a_line_at_the_top_of_the_next_page_continues_a_cell_only_from_a_later_column():
    above = [cells_at(["73/6", "Fiftieth anniversary of the"], [72, 150], 120)]
    carried = read(above, [line("Conference on outer space", 700, page=2, x0=150, x1=300),
                           cells_at(["76/3", "The Agenda"], [72, 150], 684, page=2)])
    assert carried[0] == "73/6\tFiftieth anniversary of the Conference on outer space"
    # A line at the table's left edge is no continuation of the cell above.
    kept = read(above, [line("Conference on outer space", 700, page=2, x1=300),
                        cells_at(["76/3", "The Agenda"], [72, 150], 684, page=2)])
    assert kept[0] == "73/6\tFiftieth anniversary of the"


def test_a_note_numbered_1_again_continues_the_series_only_when_raised_and_marked_on_its_page():
    notes = [line(f"{sup(str(n))} Note {n}.", 100 - 10 * n, size=8.5, x1=300, raised=True) for n in (1, 2)]
    first = [line(f"Text{sup('1')} and{sup('2')}.", 700, x1=300), line("__________________", 120, size=8, x1=160), *notes]
    restarted = read(first, [line(f"Annex text{sup('1')}.", 700, page=2, x1=300),
                             line("__________________", 120, page=2, size=8, x1=160),
                             line(f"{sup('1')} Annex note.", 100, page=2, size=8.5, x1=300, raised=True)])
    assert "Annex text[^3]." in restarted and "[^3]: Annex note." in restarted
    unmarked = read(first, [line("Annex text.", 700, page=2, x1=300),
                            line("__________________", 120, page=2, size=8, x1=160),
                            line(f"{sup('1')} Annex note.", 100, page=2, size=8.5, x1=300, raised=True)])
    assert not any(kept.startswith("[^3]") for kept in unmarked)


def test_a_symbol_run_into_its_title_is_split_where_the_column_starts_and_prose_across_the_table_is_not():
    rows = [cells_at(["80/124", "Commodities"], [72, 150], 700)]
    symbol = "ECE/AC.21/2021/ Report of the Meeting"
    run_on = Line([symbol], 680, 10.0, 72, 300, 1, starts=[72], words=[[(16, 150.0), (23, 180.0), (26, 195.0)]])
    prose = "Meetings of the groups of the least developed countries"
    # The prose's seventh word starts where the second column does.
    offsets = [offset + 1 for offset, char in enumerate(prose) if char == " "]
    across = Line([prose], 684, 10.0, 72, 400, 1, starts=[72],
                  words=[[(offset, 150.0 if index == 5 else 80.0 + 12 * index) for index, offset in enumerate(offsets)]])
    assert prose[offsets[5]:].startswith("least")
    text = read([*rows, run_on, cells_at(["80/125", "Trade"], [72, 150], 664)])
    assert "ECE/AC.21/2021/\tReport of the Meeting" in text
    reading = compose([[*rows, across, cells_at(["80/125", "Trade"], [72, 150], 668)]], [HEIGHT])
    text = reading.text.split("\n")
    assert prose in text and text.index(prose) + 1 in reading.layout.table_lines
