"""Column roles from headings and cells together (normalise/columns.py), on hand-made columns."""

from __future__ import annotations

import pytest

from actionplan.extract.base import Cell, Row
from actionplan.normalise.columns import assign_roles, evidence, reads_as_name_or_post
from actionplan.normalise.headings import default_table
from actionplan.normalise.layout import read_header

RECOMMENDATIONS = ["Improve the quality of child protection plans so that they are specific", "", ""]
ACTIONS = [
    "Review all child in need plans open for more than six months",
    "Audit supervision records every month and report to the board",
    "Train all social workers in the new model of practice",
]
PEOPLE = ["Jane Bell", "Head of Service, Children's Social Care", "Amir Shah (Named Nurse)"]
DATES = ["31/03/2024", "End of April 2024", "Q3 2024/25"]
LETTERS = ["G", "A", "R"]
REFS = ["1.1", "1.2", "1.3"]


@pytest.mark.parametrize("cells, field", [
    (DATES, "timescale"),
    (["Within 3 months", "Immediate", "Ongoing"], "timescale"),
    (PEOPLE, "lead"),
    (["NHS Dorset ICB", "Dorset Council", "Designated Clinical Officer"], "lead"),
    (LETTERS, "status"),
    (["Green", "Amber", "Complete"], "status"),
    (REFS, "recommendation_ref"),
    (["Para 17", "Para 27, 44", "A3"], None),  # paragraphs of the report are report_refs, not numbers of ours
    (ACTIONS, None),  # prose: no typed field
    (["Jane Bell", "31/03/2024", "G"], None),  # a mixed column proves nothing
    (["Jane Bell", "", ""], None),  # one filled cell proves nothing
    # Regression (draw-5 word-unfamiliar, a "Driver" column): a name with a long post is
    # as long as a sentence, and was counted as prose.
    (["Marcus Bell (Detective Inspector, Public Protection)", "Duncan Tranter (Performance and Data Lead)",
      "Head of Service, Children's Social Care"], "lead"),
])
def test_what_a_column_clearly_holds(cells, field):
    assert evidence(cells).clear_field() == field


def test_rag_given_only_as_cell_colour():
    assert evidence(["", "", ""], ["FF0000", "FFC000", "00B050"]).clear_field() == "status"


@pytest.mark.parametrize("text, right", [
    ("Jane Bell", True),
    ("Head of Service, Children's Social Care", True),
    ("Review all plans", False),  # a verb phrase in lower case
    ("All plans reviewed.", False),  # a sentence
    ("G", False),
])
def test_names_and_posts(text, right):
    assert reads_as_name_or_post(text) is right


def fields(heading_fields, *columns):
    return [role.field for role in assign_roles(heading_fields, [evidence(cells) for cells in columns])]


def how(heading_fields, *columns):
    return [role.mapped_by for role in assign_roles(heading_fields, [evidence(cells) for cells in columns])]


def test_headings_stand_and_unnamed_columns_are_read_from_their_cells():
    headed = ["recommendation", "action", None, None, None]
    assert fields(headed, RECOMMENDATIONS, ACTIONS, PEOPLE, DATES, LETTERS) == \
        ["recommendation", "action", "lead", "timescale", "status"]
    assert how(headed, RECOMMENDATIONS, ACTIONS, PEOPLE, DATES, LETTERS) == \
        ["heading", "heading", "content", "content", "content"]


def test_prose_columns_take_recommendation_then_action_by_place():
    assert fields([None, None, "lead", "timescale"], RECOMMENDATIONS, ACTIONS, PEOPLE, DATES) == \
        ["recommendation", "action", "lead", "timescale"]
    assert fields(["recommendation", None, "lead"], RECOMMENDATIONS, ACTIONS, PEOPLE) == \
        ["recommendation", "action", "lead"]
    assert fields([None, "action", "lead"], RECOMMENDATIONS, ACTIONS, PEOPLE) == \
        ["recommendation", "action", "lead"]


def test_a_prose_heading_over_dates_gives_way_but_a_typed_heading_stands():
    # "Milestone" reads as an outcome heading; its cells are deadlines.
    assert fields(["action", "outcome"], ACTIONS, DATES) == ["action", "timescale"]
    # A "Completion date" column saying "Complete" is still the timescale column.
    assert fields(["action", "timescale", "lead"], ACTIONS, ["Complete", "Completed", "31/03/2024"], PEOPLE) == \
        ["action", "timescale", "lead"]
    # A progress column of status words keeps its field (status is read from it).
    assert fields(["action", "progress"], ACTIONS, ["Completed", "Underway", "Not yet due"]) == ["action", "progress"]


def test_a_date_heading_over_sentences_is_let_go():
    assert fields(["timescale", "action", "timescale"], ACTIONS, ACTIONS, DATES) == \
        ["recommendation", "action", "timescale"]


def test_each_typed_field_once():
    assert fields(["timescale", None, "action"], DATES, ["31/05/2024", "June 2024", "Ongoing"], ACTIONS) == \
        ["timescale", None, "action"]


def row(*texts, index=1):
    return Row([Cell(text) for text in texts], index)


def test_a_header_no_heading_vouches_for_is_read_from_the_rows_below():
    header = row("Background", "Our plan", "Named", "Milestone", "Position")
    body = [row(a, b, c, d, e, index=i) for i, (a, b, c, d, e) in
            enumerate(zip(RECOMMENDATIONS, ACTIONS, PEOPLE, DATES, LETTERS), start=2)]
    read = read_header(header, default_table(), body)
    assert [(c.field, c.mapped_by) for c in read.columns] == [
        ("recommendation", "position"), ("action", "position"), ("lead", "content"), ("timescale", "content"),
        ("status", "content"),
    ]
    assert read_header(header, default_table()) is None  # without the rows below it is no header


@pytest.mark.parametrize("texts, body", [
    # A two-column grade table: no one leads anything by any date.
    (("Judgement", "Grade"), [("The impact of leaders on social work practice with children", "Good"),
                              ("The experiences and progress of children in care", "Requires improvement")]),
    # Prose split into columns by a PDF's text alignment: headings do not start mid-sentence.
    (("decisions to step", "social work service."), [(ACTIONS[0], "Jane Bell"), (ACTIONS[1], "Amir Shah")]),
])
def test_tables_that_are_not_plans(texts, body):
    rows = [row(*cells, index=i) for i, cells in enumerate(body, start=2)]
    assert read_header(row(*texts), default_table(), rows) is None
