"""Fixed-width and boxed text tables (extract/fixed_width.py, boxed.py, wrapped.py):
hand-written layouts and the cells each should give, and text that is no table."""

import pytest

from actionplan.extract.base import Paragraph, Table
from actionplan.extract.text import parse
from actionplan.extract.wrapped import join_lines


def _tables(text: str) -> list[list[list[str]]]:
    return [[row.texts for row in block.rows] for block in parse(text) if isinstance(block, Table)]


def _paragraphs(text: str) -> list[str]:
    return [block.text for block in parse(text) if isinstance(block, Paragraph)]


FIXED = {
    # Rows parted by blank lines, an underlined header, a theme row between rows, a
    # sparse last column, bullets inside a cell, a sub-action with no first column.
    "blank lines part rows": ("""\
Title of the plan

Area for Improvement   What we will do           Lead           RAG
---------------------  ------------------------  -------------  ---

Safeguarding

Ensure that children   a) Introduce a monthly    Bob Jones      G
have timely access to  clinic, covering:         (Head of
support.               • risk                    Service)
                       • neglect

                       b) Commission a visitor   Sue Bell
                       service.

Improve plans.         a) Train staff.           Ann Lee        A

Signed off by the board.
""", [[
        ["Area for Improvement", "What we will do", "Lead", "RAG"],
        ["Safeguarding", "", "", ""],
        ["Ensure that children have timely access to support.", "a) Introduce a monthly clinic, covering:\n• risk\n• neglect",
         "Bob Jones (Head of Service)", "G"],
        ["", "b) Commission a visitor service.", "Sue Bell", ""],
        ["Improve plans.", "a) Train staff.", "Ann Lee", "A"],
    ]]),
    # No blank lines: rows told apart by numbering, a first column starting again,
    # a cell starting again after it had ended.
    "dense rows": ("""\
Area                Action                   Lead          By when
Leadership          1.1 Appoint a new        Jo Bloggs     March 2014
                    director of services
                    1.2 Review the board     Sam Smith     April 2014
                    terms of reference       and Ann Lee
Safeguarding        2.1 Audit case files     Team          June 2014
                    every month
                    Publish the results      Comms team    July 2014
""", [[
        ["Area", "Action", "Lead", "By when"],
        ["Leadership", "1.1 Appoint a new director of services", "Jo Bloggs", "March 2014"],
        ["", "1.2 Review the board terms of reference", "Sam Smith and Ann Lee", "April 2014"],
        ["Safeguarding", "2.1 Audit case files every month", "Team", "June 2014"],
        ["", "Publish the results", "Comms team", "July 2014"],
    ]]),
    # A wrapped first column is the same row; a header repeated is a row again.
    "wrapped first column, repeated header": ("""\
Recommendation         Action                  Lead
Ensure that children   a) Introduce a          Bob Jones
in need are seen       monthly clinic.
Improve plans.         a) Train staff.         Ann Lee
Recommendation         Action                  Lead
Improve audits.        a) Audit files.         Team
""", [[
        ["Recommendation", "Action", "Lead"],
        ["Ensure that children in need are seen", "a) Introduce a monthly clinic.", "Bob Jones"],
        ["Improve plans.", "a) Train staff.", "Ann Lee"],
        ["Recommendation", "Action", "Lead"],
        ["Improve audits.", "a) Audit files.", "Team"],
    ]]),
    # The header on its own above rows of one or two lines between blank lines.
    "header apart, short rows": ("""\
Area           Action                Lead

Leadership     Appoint a director    Jo Bloggs
               of services

Safeguarding   Audit case files      Team
""", [[
        ["Area", "Action", "Lead"],
        ["Leadership", "Appoint a director of services", "Jo Bloggs"],
        ["Safeguarding", "Audit case files", "Team"],
    ]]),
    # Columns one space apart under a dash underline (pandoc); a rule above and below.
    "pandoc multiline": ("""\
----------------------------------------
Area for     Action              Lead
improvement
------------ ------------------- -------
Ensure that  a) Introduce a      Bob
children are clinic chaired by
safe.        the Head.

Leadership

Improve      a) Train staff.     Ann
plans.
----------------------------------------
""", [[
        ["Area for improvement", "Action", "Lead"],
        ["Ensure that children are safe.", "a) Introduce a clinic chaired by the Head.", "Bob"],
        ["Leadership", "", ""],
        ["Improve plans.", "a) Train staff.", "Ann"],
    ]]),
    # Three lines aligned make a (two-column) table.
    "label list of three": ("""\
Lead officer:   Jane Smith
Date:           1 May 2014
Status:         Green
""", [[["Lead officer:", "Jane Smith"], ["Date:", "1 May 2014"], ["Status:", "Green"]]]),
}


@pytest.mark.parametrize("text, expected", FIXED.values(), ids=FIXED.keys())
def test_fixed_width_tables(text, expected):
    assert _tables(text) == expected


def test_underlined_header_is_marked_and_text_around_stays_paragraphs():
    text, _ = FIXED["blank lines part rows"]
    blocks = parse(text)
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "Title of the plan"
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "Signed off by the board."
    table = blocks[1]
    assert [row.marked_header for row in table.rows] == [True, False, False, False, False]
    assert [row.index for row in table.rows] == [1, 2, 3, 4, 5]


NOT_TABLES = {
    "prose": """\
The council has agreed this plan with its partners, and it will be reviewed every
month by the Improvement Board. Progress will be reported to the Safeguarding
Children Partnership, which will hold the council to account for each action.
""",
    "two aligned lines": "Lead officer:   Jane Smith\nDate:           1 May 2014\n",
    "indented list": "- first item that wraps\n  onto the next line\n  and one more\n  and another\n- second\n",
    "lines aligned by chance": "Progress  will be  reported\nto the  Board\n\nand then  some more\n",
}


@pytest.mark.parametrize("text", NOT_TABLES.values(), ids=NOT_TABLES.keys())
def test_text_that_is_no_table(text):
    assert _tables(text) == []
    assert _paragraphs(text)


BOXED = {
    # Rules between rows, a theme row across the box, "|" inside a cell's text,
    # bullets, "===" under the header.
    "ruled rows": ("""\
+----------------+------------------+--------+
| Finding        | Action           | Lead   |
+================+==================+========+
| Health                                     |
+----------------+------------------+--------+
| 1) Improve the | 1.1 Re-launch    | Sue    |
| plans.         | the CP | CIN     | Bell   |
|                | report:          |        |
|                | • monthly        |        |
+----------------+------------------+--------+
|                | 1.2 Audit files. | Team   |
+----------------+------------------+--------+
""", [[
        ["Finding", "Action", "Lead"],
        ["Health"],  # one cell across the box, as Word's merged row gives
        ["1) Improve the plans.", "1.1 Re-launch the CP | CIN report:\n• monthly", "Sue Bell"],
        ["", "1.2 Audit files.", "Team"],
    ]], [True, False, False, False]),
    # Ruled only around the header: one row per line, wrapped lines joined.
    "header rule only": ("""\
+------+--------------+
| Lead | Action       |
+------+--------------+
| Bob  | Do a thing   |
|      | and more     |
| Sue  | Another      |
+------+--------------+
""", [[["Lead", "Action"], ["Bob", "Do a thing and more"], ["Sue", "Another"]]], [False, False, False]),
    # Drawn with box-drawing characters.
    "box drawing": ("""\
┌──────┬──────────────┐
│ Lead │ Action       │
├──────┼──────────────┤
│ Bob  │ Do a thing   │
│      │ - and more   │
├──────┼──────────────┤
│ Sue  │ Another      │
└──────┴──────────────┘
""", [[["Lead", "Action"], ["Bob", "Do a thing\n- and more"], ["Sue", "Another"]]], [False, False, False]),
}


@pytest.mark.parametrize("text, expected, headers", BOXED.values(), ids=BOXED.keys())
def test_boxed_tables(text, expected, headers):
    assert _tables(text) == expected
    table = next(block for block in parse(text) if isinstance(block, Table))
    assert [row.marked_header for row in table.rows] == headers


def test_sentence_case_theme_across_a_box_is_a_section(tmp_path):
    """Regression (generated draw-3 text-fixed-boxed): a theme row across a boxed table
    worded in sentence case ("Partnership working") was read as an item, not a theme,
    because its cell was given as the first of five."""
    import actionplan

    path = tmp_path / "plan.txt"
    path.write_text("""\
+------------------+---------------------+---------+----------+
| Recommendation   | Action              | Lead    | By when  |
+------------------+---------------------+---------+----------+
| Partnership working                                         |
+------------------+---------------------+---------+----------+
| 1) Improve joint | 1.1 Hold a joint    | Sue     | May 2024 |
| working.         | audit.              | Bell    |          |
+------------------+---------------------+---------+----------+
| Education, health and care plans                            |
+------------------+---------------------+---------+----------+
| 2) Improve plans.| 2.1 Audit plans.    | Ann Lee | Jun 2024 |
+------------------+---------------------+---------+----------+
""", encoding="utf-8")
    plan = actionplan.extract(path)
    assert [(item.section, item.action) for item in plan.items] == [
        ("Partnership working", "Hold a joint audit."),
        ("Education, health and care plans", "Audit plans."),
    ]


def test_box_and_tab_rows_in_one_file():
    text = "Plan\n\n+-----+-----+\n| A   | B   |\n+-----+-----+\n| 1   | 2   |\n+-----+-----+\n\nA\tB\n3\t4\n"
    assert _tables(text) == [[["A", "B"], ["1", "2"]], [["A", "B"], ["3", "4"]]]


@pytest.mark.parametrize("parts, text", [
    (["Ensure that", "children are", "safe."], "Ensure that children are safe."),
    (["Training on:", "• risk", "- neglect"], "Training on:\n• risk\n- neglect"),
    (["First part.", "", "Second part."], "First part.\nSecond part."),
    (["a multi-", "agency group"], "a multi-agency group"),
    (["", "  late  ", ""], "late"),
])
def test_join_lines(parts, text):
    assert join_lines(parts) == text


@pytest.mark.parametrize("parts, width, text", [
    # Regression (draw-3 text-fixed): leads one per line in a 20-wide column were run together.
    (["NH", "PB", "Marshford Council", "Learning and", "Development Service"], 20,
     "NH\nPB\nMarshford Council Learning and Development Service"),
    # Wrapped because the next word did not fit: one line.
    (["Designated Doctor", "for Children Looked", "After"], 20, "Designated Doctor for Children Looked After"),
    (["Marshford Parent", "Carer Forum"], 20, "Marshford Parent Carer Forum"),
    # A lower-case start is always the same sentence going on.
    (["Sue", "and Bob"], 20, "Sue and Bob"),
])
def test_join_lines_keeps_deliberate_line_breaks(parts, width, text):
    assert join_lines(parts, width) == text
