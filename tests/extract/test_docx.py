"""The DOCX extractor on real .docx files in samples/docx and tests/fixtures/bad."""

from datetime import date
from pathlib import Path

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.base import Paragraph

DOCX = Path("samples/docx")
BAD = Path("tests/fixtures/bad")


def test_vertical_merges_become_merged_cells_not_repeats():
    table = load(DOCX / "merged-recommendations.docx").tables[0]
    second_action = table.rows[3]  # row 1 header, 2 section, 3 first action
    assert second_action.cells[0].merged_from_above and second_action.cells[0].text == ""
    assert second_action.cells[2].merged_from_above  # the lead cell merged over this action
    assert table.rows[0].marked_header


def test_full_width_row_is_one_cell_and_a_section():
    table = load(DOCX / "merged-recommendations.docx").tables[0]
    assert [cell.text for cell in table.rows[1].cells] == ["Front Door"]
    plan = actionplan.extract(DOCX / "merged-recommendations.docx")
    assert [item.section for item in plan.items] == ["Front Door"] * 3 + ["Children Looked After"]
    assert plan.rows.sections == 2


def test_merged_recommendation_lead_and_date_reach_every_action():
    plan = actionplan.extract(DOCX / "merged-recommendations.docx")
    front_door = plan.items[:3]
    assert {item.recommendation for item in front_door} == {"Ensure that referrals are screened within 24 hours"}
    assert [item.lead_raw for item in front_door] == ["Team Manager MASH", "Team Manager MASH", "Principal Social Worker"]
    assert front_door[1].timescale.due == date(2014, 4, 30)
    assert not [issue for issue in plan.issues if issue.item_id == front_door[1].id]


def test_word_list_numbers_carry_the_action_number():
    plan = actionplan.extract(DOCX / "merged-recommendations.docx")
    assert [(i.recommendation_ref, i.action_ref) for i in plan.items] == [("1", "1.1"), ("1", "1.2"), ("1", "1.3"), ("2", "2.1")]
    assert plan.items[3].action == "Revise the care plan template so that it includes:\n• the child's views\n• contingency plans"


def test_nested_table_content_control_and_text_box_are_read():
    plan = actionplan.extract(DOCX / "merged-recommendations.docx")
    care_plans = plan.items[3]
    assert care_plans.progress == "May 2014 | Draft agreed\nJune 2014 | Launched"
    assert care_plans.lead_raw == "Head of Children Looked After"  # inside a content control
    assert plan.as_of == date(2014, 3, 14)  # "Version 3 – updated 14 March 2014" in a text box
    assert plan.title == "Safeguarding Improvement Plan 2014"


def test_rag_from_shading_only():
    plan = actionplan.extract(DOCX / "rag-by-shading.docx")
    assert [item.status.rag for item in plan.items] == ["red", "red", "amber", "amber", "green", "green", None]
    assert plan.title == "Children's Services Improvement Plan – RAG by shading"  # core properties
    assert plan.as_of == date(2013, 11, 30)


def test_provenance_has_table_and_row_but_no_page():
    plan = actionplan.extract(DOCX / "rag-by-shading.docx")
    assert [(i.source.page, i.source.table, i.source.row) for i in plan.items[:2]] == [(None, 1, 2), (None, 1, 3)]


def test_paragraphs_between_tables_keep_their_kind():
    blocks = load(DOCX / "southend-2012.docx").blocks
    headings = [b.text for b in blocks if isinstance(b, Paragraph) and b.kind == "heading"]
    assert headings == ["Safeguarding & LAC Inspection Action Plan", "Safeguarding", "Looked After Children"]


@pytest.mark.parametrize("name,message", [
    ("text-renamed.docx", "not a Word .docx file (it is not a zip package)"),
    ("not-word.docx", "a zip file but not a Word document"),
    ("no-table.docx", "no table found: an action plan is a table of actions"),
])
def test_bad_word_files_are_one_clear_error(name, message):
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(BAD / name)
    assert str(raised.value).startswith(f"{BAD / name}: {message}")
    assert "\n" not in str(raised.value)


def _nested_plan(path, holder_text=""):
    """An outer Issue | Response table whose responses are tables of actions (python-docx)."""
    from docx import Document as WordDocument

    word = WordDocument()
    outer = word.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text, outer.rows[0].cells[1].text = "Issue raised", "Response"
    outer.add_row().cells[0].merge(outer.rows[1].cells[1]).text = "SAFEGUARDING"
    for issue, actions in [("Improve plans", [("Audit plans", "Jane Bell", "March 2024"),
                                              ("Train staff", "Amir Shah", "April 2024")]),
                           ("Improve supervision", [("Revise policy", "Head of Service", "May 2024")])]:
        cells = outer.add_row().cells
        cells[0].text = issue
        cells[1].text = holder_text
        inner = cells[1].add_table(rows=1, cols=3)
        for cell, heading in zip(inner.rows[0].cells, ("What we will do", "Lead", "Timescale")):
            cell.text = heading
        for action in actions:
            for cell, text in zip(inner.add_row().cells, action):
                cell.text = text
    word.save(path)
    return path


def test_nested_action_tables_are_read_as_one_wide_table(tmp_path):
    plan = actionplan.extract(_nested_plan(tmp_path / "nested.docx"))
    assert [(i.section, i.recommendation, i.action, i.lead_raw, i.timescale.raw) for i in plan.items] == [
        ("SAFEGUARDING", "Improve plans", "Audit plans", "Jane Bell", "March 2024"),
        ("SAFEGUARDING", "Improve plans", "Train staff", "Amir Shah", "April 2024"),
        ("SAFEGUARDING", "Improve supervision", "Revise policy", "Head of Service", "May 2024"),
    ]


def test_nested_table_beside_text_stays_in_its_cell(tmp_path):
    """Lifting would lose the holder cell's own words: the nested table stays cell text."""
    document = load(_nested_plan(tmp_path / "nested.docx", holder_text="See the actions below"))
    assert "Audit plans" in document.tables[0].rows[2].texts[1]


@pytest.mark.parametrize("bold, sections", [
    (True, ["Leadership, management and governance", "Leadership, management and governance"]),
    # Not bold: still a theme, as a short unnumbered heading with no action of its own
    # before the next recommendation (rows._theme_in_first_cell).
    (False, ["Leadership, management and governance", "Leadership, management and governance"]),
])
def test_bold_theme_in_one_cell_of_a_row_is_a_section(tmp_path, bold, sections):
    """A theme set in bold in the first cell of an otherwise empty row, in sentence case."""
    from docx import Document as WordDocument

    word = WordDocument()
    table = word.add_table(rows=1, cols=3)
    for cell, heading in zip(table.rows[0].cells, ("Area for improvement", "Action", "Lead")):
        cell.text = heading
    theme = table.add_row().cells[0].paragraphs[0].add_run("Leadership, management and governance")
    theme.bold = bold
    for row in [("1. Improve oversight.", "Audit supervision.", "Jane Bell"),
                ("", "Train managers.", "Amir Shah")]:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    path = tmp_path / "bold.docx"
    word.save(path)
    assert load(path).tables[0].rows[1].cells[0].emphasis is bold
    plan = actionplan.extract(path)
    assert [item.section for item in plan.items if item.action in ("Audit supervision.", "Train managers.")] == sections


def test_first_theme_above_the_first_table_set_as_the_others(tmp_path):
    """Regression (draw-3/4/5 word-cards): themes as bold lines between per-recommendation
    tables were read, but the first one, above the first table, was taken for more title."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading("Post-inspection Action Plan", level=1)
    word.add_paragraph("Inspection date: 19th February 2022")
    for theme, recommendations in [("Education, health and care plans", ["Audit plans.", "Train staff."]),
                                   ("Workforce", ["Recruit staff."])]:
        word.add_paragraph().add_run(theme).bold = True
        for action in recommendations:
            table = word.add_table(rows=2, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = "What we will do", "Lead"
            table.rows[1].cells[0].text, table.rows[1].cells[1].text = action, "Jane Bell"
    path = tmp_path / "cards.docx"
    word.save(path)
    plan = actionplan.extract(path)
    assert [(item.section, item.action) for item in plan.items] == [
        ("Education, health and care plans", "Audit plans."), ("Education, health and care plans", "Train staff."),
        ("Workforce", "Recruit staff.")]
