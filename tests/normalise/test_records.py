"""Plans written as labelled records ("Action 1.1: ...", "Lead: ...") read as a table."""

from pathlib import Path

import pytest

import actionplan
from actionplan.extract import load
from actionplan.extract.base import Document, Paragraph, Table
from actionplan.normalise.headings import default_table
from actionplan.normalise.records import labelled_records


def _read(*lines: str) -> list:
    document = Document(path=Path("plan.txt"), format="text", blocks=[Paragraph(line) for line in lines])
    return labelled_records(document, default_table()).blocks


def _table_texts(blocks) -> list[list[str]]:
    [table] = [block for block in blocks if isinstance(block, Table)]
    return [row.texts for row in table.rows]


def test_records_become_a_table_with_the_labels_as_its_header():
    blocks = _read(
        "Action plan", "Action 1.1: Review the front door.", "Lead: Head of Early Help", "Timescale: April 2024",
        "Recommendation 2: Improve supervision.", "Action 2.1: Launch a policy.", "Lead: Principal Social Worker",
        "Timescale: June 2024", "RAG: Red", "Signed: Director",
    )
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[-1], Paragraph)  # title and signature stay
    assert _table_texts(blocks) == [
        ["Action no", "Action", "Lead", "Timescale", "RAG"],
        ["1.1", "Review the front door.", "Head of Early Help", "April 2024", ""],
        ["Recommendation 2: Improve supervision."],
        ["2.1", "Launch a policy.", "Principal Social Worker", "June 2024", "Red"],
    ]


def test_labels_after_a_bullet():
    blocks = _read("• Action: Audit files", "• Lead: Head of Service", "• Action: Train staff", "• Lead: Team managers")
    assert _table_texts(blocks)[1:] == [["Audit files", "Head of Service"], ["Train staff", "Team managers"]]


def test_a_value_on_the_line_below_its_label():
    blocks = _read("Action: Audit files", "Lead:", "Head of Service", "Timescale: May 2024",
                   "Action: Train staff", "Lead:", "Team managers", "Timescale: June 2024",
                   "Action: Report back", "Lead:", "Next steps")  # no label after it: a line of its own
    assert _table_texts(blocks)[1:] == [
        ["Audit files", "Head of Service", "May 2024"], ["Train staff", "Team managers", "June 2024"],
        ["Report back", "", ""]]
    assert blocks[-1].text == "Next steps"


def test_themes_and_recommendations_between_records_are_rows_of_their_own():
    blocks = _read(
        "Action plan 2024", "Early help", "Recommendation 1: Improve assessments.", "Action: Audit files",
        "Lead: Head of Service", "• with partners", "LEADERSHIP AND GOVERNANCE", "Recommendation 2: Improve oversight.",
        "Action: Train staff", "Lead: Team managers", "Signed off by the board.",
    )
    assert blocks[0].text == "Action plan 2024" and blocks[-1].text == "Signed off by the board."
    assert _table_texts(blocks) == [
        ["Action", "Lead"], ["Early help"], ["Recommendation 1: Improve assessments."],
        ["Audit files", "Head of Service\n• with partners"], ["LEADERSHIP AND GOVERNANCE"],
        ["Recommendation 2: Improve oversight."], ["Train staff", "Team managers"]]


@pytest.mark.parametrize("lines", [
    # a cover page's labels: no action among them
    ("Date: 14 March 2024", "Version: 1.2", "Author: Policy team", "Date: 20 March 2024", "Version: 1.3"),
    # one record is no run of records
    ("Action: Audit files", "Lead: Head of Service", "Timescale: May 2024", "Next steps follow."),
    # actions with nothing an action record carries (lead, timescale, status)
    ("Action: Audit files", "Action: Train staff", "Action: Report back"),
])
def test_labelled_lines_that_are_no_plan_stay_paragraphs(lines):
    assert all(isinstance(block, Paragraph) for block in _read(*lines))


def test_a_plan_of_labelled_records_converts_end_to_end():
    plan = actionplan.extract(Path("tests/fixtures/text/labelled-records.txt"))
    assert [(i.recommendation_ref, i.action_ref, i.timescale.raw, i.status.rag) for i in plan.items] == [
        ("1", "1.1", "April 2024", "green"), ("1", "1.2", "Within 3 months", "amber"),
        ("2", "2.1", "30/06/2024", "red")]
    assert [lead.role for item in plan.items for lead in item.leads] == [
        "Head of Early Help and Safeguarding", "Director of Children's Services", "Principal Social Worker"]
    assert plan.items[2].recommendation == "Improve the quality of supervision for social workers."
    assert plan.rows.dropped == 0


def _form_plan(path: Path, forms: list[tuple[str, list[list[tuple[str, str]]]]]) -> Path:
    """A Word plan laid out as forms: a recommendation line, then a two-column table
    (label | value) per action, as python-docx writes it."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading("Improvement plan following the inspection", 1)
    for recommendation, actions in forms:
        word.add_paragraph(recommendation)
        for fields in actions:
            table = word.add_table(rows=0, cols=2)
            for label, value in fields:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, value
            word.add_paragraph("")
    word.save(path)
    return path


def test_a_word_plan_of_one_form_table_per_action(tmp_path: Path):
    path = _form_plan(tmp_path / "forms.docx", [
        ("Recommendation 1: Ensure timely assessments.", [
            [("Action ref", "1.1"), ("Action", "Review the front door."), ("Lead officer", "Head of Early Help"),
             ("Timescale", "April 2024"), ("RAG", "Green")],
            [("Action ref", "1.2"), ("Action", "Recruit two managers."), ("Lead officer", "Director of Children's Services"),
             ("Timescale", "June 2024"), ("RAG", "Amber")]]),
        ("Recommendation 2: Improve supervision.", [
            [("Action ref", "2.1"), ("Action", "Launch a policy."), ("Lead officer", "Principal Social Worker"),
             ("Timescale", "30/06/2024"), ("RAG", "Red")]]),
    ])
    plan = actionplan.extract(path)
    assert [(i.recommendation_ref, i.action_ref, i.action, i.timescale.raw, i.status.rag) for i in plan.items] == [
        ("1", "1.1", "Review the front door.", "April 2024", "green"),
        ("1", "1.2", "Recruit two managers.", "June 2024", "amber"),
        ("2", "2.1", "Launch a policy.", "30/06/2024", "red")]
    assert plan.items[2].recommendation == "Improve supervision."
    assert not [issue for issue in plan.issues if issue.code in ("skipped_table", "no_items")]


def test_a_table_whose_first_column_is_not_all_labels_is_left_as_it_is(tmp_path: Path):
    """A plan table with a theme down its first column is no form."""
    path = _form_plan(tmp_path / "plain.docx", [("Recommendation 1: Ensure timely assessments.", [
        [("Action", "Lead"), ("Theme one: the front door", "Head of Early Help"), ("Lead", "Director")]]),
    ])
    document = labelled_records(load(path), default_table())
    assert [table.strategy for table in document.tables] == [None]
