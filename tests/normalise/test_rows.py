"""Row-level decisions on small tables written as text: stitching, sections, merges."""

from pathlib import Path

from actionplan.extract.base import Document
from actionplan.extract.text import parse
from actionplan.normalise import build_plan


def plan_of(text: str):
    document = Document(path=Path("inline.txt"), format="text", blocks=parse(text))
    return build_plan(document, sha256="0" * 64)


HEADER = "Recommendation\tAction\tLead\tTimescale\tProgress"


def test_row_split_by_page_break_with_repeated_header_is_one_item():
    plan = plan_of(
        f"{HEADER}\n1. Improve the\tA guidance note will remind staff of the\tSue Burns\tJune 2012\tUnderway\n\n"
        f"{HEADER}\nquality of plans\trequirement to record views.\t\t\t\n"
    )
    assert len(plan.items) == 1
    item = plan.items[0]
    assert item.recommendation == "Improve the quality of plans"
    assert item.action == "A guidance note will remind staff of the requirement to record views."
    assert plan.rows.model_dump() == {"total": 4, "items": 1, "headers": 2, "sections": 0, "continuations": 1,
                                      "dropped": 0, "blank": 0}


def test_numbered_action_after_page_break_is_a_new_item():
    plan = plan_of(
        f"{HEADER}\n1. Improve plans\t1.1. Review plans.\tSue Burns\tJune 2012\t\n\n"
        f"{HEADER}\n\t1.2. Audit plans.\tKen Hall\tJuly 2012\t\n"
    )
    assert [(i.recommendation_ref, i.action_ref) for i in plan.items] == [("1", "1.1"), ("1", "1.2")]


def test_section_rows_and_trailing_progress_rows():
    plan = plan_of(
        f"{HEADER}\n\t\tLooked After Children\t\t\n"
        "1. Improve plans\tReview plans.\tSue Burns\tJune 2012\tStarted.\n"
        "\t\t\t\tSecond progress note.\n"
    )
    assert len(plan.items) == 1
    assert plan.items[0].section == "Looked After Children"
    assert plan.items[0].progress == "Started.\nSecond progress note."
    assert plan.rows.sections == 1 and plan.rows.continuations == 1


def test_merged_lead_and_timescale_cells_are_inherited_within_a_recommendation():
    rows = "".join(
        f"{n}. Issue {n}\tFirst action.\tSue Burns\tJune 2012\t\n\tSecond action.\t\t\t\n\tThird action.\t\t\t\n"
        for n in (1, 2)
    )
    plan = plan_of(f"{HEADER}\n{rows}")
    assert [i.lead_raw for i in plan.items] == ["Sue Burns"] * 6
    assert not [i for i in plan.issues if i.code in ("missing_lead", "missing_timescale")]


def test_a_single_empty_lead_in_a_table_of_own_leads_is_flagged():
    rows = "".join(f"{n}. Issue\t{n}.1. Act.\tSue\tJune 2012\t\n\t{n}.2. Act.\tKen\tJuly 2012\t\n" for n in range(1, 11))
    plan = plan_of(f"{HEADER}\n{rows}\t10.3. Act.\t\tJuly 2012\t\n")
    assert [i.code for i in plan.issues] == ["missing_lead"]


def test_stub_columns_are_glued_back():
    plan = plan_of(
        "Recommendation\tAction\tOutcome\tLead\n"
        "8.\tEnsure thresholds\tConsult staff.\t•\tBetter CAF use.\tPaul Cook\n"
    )
    item = plan.items[0]
    assert (item.recommendation_ref, item.recommendation, item.outcome, item.lead_raw) == (
        "8", "Ensure thresholds", "Better CAF use.", "Paul Cook")


def test_table_without_action_column_is_skipped_and_reported():
    plan = plan_of("Overall Effectiveness\tAdequate\nCapacity\tGood\n")
    assert plan.items == []
    assert [i.code for i in plan.issues] == ["no_items", "skipped_table"]  # zero items: said so
    assert plan.rows.dropped == 2


def test_recommendation_from_text_above_the_table():
    plan = plan_of(
        "Plan title\n\nRecommendation No. 3 - for immediate improvement\n\nEnsure children are seen.\n\n"
        "Outcome: what difference will these actions make?\n\n- Better assessments.\n\n"
        "What we will do\tBy when\tLead\n1. Brief managers.\tMay 2013.\tSMcL\n"
    )
    item = plan.items[0]
    assert (item.recommendation_ref, item.recommendation, item.outcome) == ("3", "Ensure children are seen.", "• Better assessments.")
    assert plan.title == "Plan title"


def test_a_title_line_between_tables_is_a_theme():
    plan = plan_of(
        f"Children's Services Plan\n\n{HEADER}\n\nSAFEGUARDING\n\n"
        "1. Improve plans\tAudit plans\tSue Burns\tJune 2012\tUnderway\n\nLooked After Children\n\n"
        "2. Improve visits\tVisit weekly\tAmir Shah\tJuly 2012\tUnderway\n"
    )
    assert [(item.section, item.action) for item in plan.items] == [
        ("SAFEGUARDING", "Audit plans"), ("Looked After Children", "Visit weekly"),
    ]


def test_a_sentence_between_tables_is_not_a_theme():
    plan = plan_of(
        f"{HEADER}\nSAFEGUARDING\t\t\t\t\n1. Improve plans\tAudit plans\tSue Burns\tJune 2012\tUnderway\n\n"
        "The board reviewed these actions in May.\n\n"
        "2. Improve visits\tVisit weekly\tAmir Shah\tJuly 2012\tUnderway\n"
    )
    assert [item.section for item in plan.items] == ["SAFEGUARDING", "SAFEGUARDING"]


def test_action_numbers_in_the_number_column_keep_one_recommendation():
    plan = plan_of(
        "No.\tRecommendation\tAction\tLead\tTimescale\n"
        "1.1\t1. Improve plans\tAudit plans\tSue Burns\tJune 2012\n"
        "1.2\t\tTrain staff\tAmir Shah\tJuly 2012\n"
        "2.1\t2. Improve visits\tVisit weekly\tAmir Shah\tJuly 2012\n"
    )
    assert [item.recommendation for item in plan.items] == ["Improve plans", "Improve plans", "Improve visits"]


def test_a_heading_row_repeated_mid_table_is_a_header_even_when_no_heading_is_known():
    heading = "Concern\tOur plan\tNamed\tMilestone\tPosition"
    rows = [
        "Improve the quality of child protection plans so that they are specific\tReview all child in need plans "
        "open for more than six months\tJane Bell\t31/03/2024\tG",
        "\tAudit supervision records every month and report to the board\tAmir Shah\tEnd of April 2024\tA",
        "\tTrain all social workers in the new model of practice\tHead of Service\tQ3 2024/25\tR",
    ]
    plan = plan_of("\n".join([heading, rows[0], rows[1], heading, rows[2]]) + "\n")
    assert [item.action.split()[0] for item in plan.items] == ["Review", "Audit", "Train"]
    assert plan.rows.headers == 2


def _table(index, rows, marked_first):
    from actionplan.extract.base import Cell, Row, Table
    return Table([Row([Cell(text) for text in texts], index=i, marked_header=marked_first and i == 1)
                  for i, texts in enumerate(rows, start=1)], index)


def test_table_after_the_plan_with_its_own_marked_header_is_skipped_not_continued():
    """Regression: a contacts table after the plan (its header row a <th> row / Word
    repeat-header row naming no plan columns) was read as the plan carried on: 2 junk items."""
    plan_rows = [["Action", "Lead", "Timescale"], ["Audit all plans", "Jane Bell", "March 2024"]]
    contacts = [["Name", "Role", "Email"], ["Jane Bell", "Head of Safeguarding", "jane@anytown.gov.uk"]]
    for marked, items, skipped in ((True, ["Audit all plans"], [2]),
                                   (False, ["Audit all plans", "Name", "Jane Bell"], [])):
        document = Document(path=Path("inline.docx"), format="docx", pages_cut_rows=False, cells_in_place=True,
                            blocks=[_table(1, plan_rows, True), _table(2, contacts, marked)])
        plan = build_plan(document, sha256="0" * 64)
        # unmarked, nothing says the second table is not the plan's, continued: read as rows of it
        assert [item.action for item in plan.items] == items
        assert [issue.table for issue in plan.issues if issue.code == "skipped_table"] == skipped


def test_a_separator_row_with_no_header_above_it_is_not_taken_for_the_header():
    """A markdown table whose header row was lost, leaving "|-|-|..." on top: that row was
    taken for the header, then counted blank, and the rows under it were read with no
    header (AssertionError, an internal error; found by tests/fuzz.py)."""
    plan = plan_of(
        "|-|-|-|-|-\n"
        "|  | 1.2. Develop a process whereby CiN plans are robustly reviewed (similar to Permanence Panel). "
        "| Heather Flinders | 31/10/2012 | New review/monitoring system in place. | Underway | LSCB Exec |\n"
        "| 2. Ensure that chronologies are effectively used to inform assessments, particularly in longer term "
        "work. | 2.1. ICS board action re chronology - DM to confirm. | Sue Williams | 31/10/2012 "
        "| All cases have a chronology completed. | Evidence not yet reported | LSCB Exec |"
    )
    # No header to read it by: the table is skipped and its two rows reported, not lost.
    assert plan.rows.model_dump() == {"total": 3, "items": 0, "headers": 0, "sections": 0, "continuations": 0,
                                      "dropped": 2, "blank": 1}
    assert "skipped_table" in [found.code for found in plan.issues]
