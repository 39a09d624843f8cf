"""The checks that turn into issue codes, on small plans written as text."""

from pathlib import Path

from actionplan.extract.base import Document
from actionplan.extract.text import parse
from actionplan.normalise import build_plan


def plan_of(text: str):
    return build_plan(Document(path=Path("inline.txt"), format="text", blocks=parse(text)), sha256="0" * 64)


def codes(plan):
    return [(issue.code, issue.item_id) for issue in plan.issues]


def test_overdue_only_when_due_before_as_of_and_not_complete():
    plan = plan_of(
        "Plan\n\n(progress as at 30 September 2013)\n\n"
        "Action\tLead\tBy when\tProgress\n"
        "1. Hire staff.\tSue\tJune 2013\tUnderway\n"
        "2. Train staff.\tKen\tJune 2013\tCompleted\n"
        "3. Audit files.\tAnn\tDecember 2013\tNot yet due\n"
    )
    assert plan.as_of.isoformat() == "2013-09-30"
    assert codes(plan) == [("overdue", "t1-r2")]
    overdue = plan.issues[0]
    assert (overdue.severity, overdue.value, overdue.row) == ("warning", "June 2013", 2)


def test_duplicate_action_numbers_within_a_recommendation():
    plan = plan_of(
        "Recommendation\tAction\tLead\tBy when\n"
        "1. Improve plans\t1.1 Review plans.\tSue\tJune 2013\n"
        "\t1.1 Audit plans.\tKen\tJuly 2013\n"
        "2. Improve visits\t1.1 Visit.\tAnn\tJuly 2013\n"  # another recommendation: not a repeat
    )
    assert codes(plan) == [("duplicate_ref", "t1-r3")]
    assert "repeats item t1-r2" in plan.issues[0].message


def test_dropped_row_carries_its_text_and_place():
    plan = plan_of("Action\tLead\n\tSue only, no action and nothing above\n")
    assert [(i.code, i.table, i.row, i.value) for i in plan.issues] == [
        ("no_items", None, None, None),  # zero items: said so at plan level
        ("dropped_row", 1, 2, "Sue only, no action and nothing above")]
    assert plan.rows.dropped == 1


def test_status_words_and_fill_that_disagree_are_flagged():
    from actionplan.extract.base import Cell, Row, Table

    def row(index, action, status, fill):
        return Row([Cell(action), Cell("Sue"), Cell("June 2013"), Cell(status, fill=fill)], index)

    table = Table([Row([Cell(t) for t in ("Action", "Lead", "By when", "RAG")], 1),
                   row(2, "Hire staff.", "Green – complete", "00B050"),  # agree
                   row(3, "Train staff.", "Amber", "FF0000"),  # words amber, shaded red
                   row(4, "Audit files.", "", "FF0000")], 1)  # colour only
    plan = build_plan(Document(path=Path("inline.docx"), format="docx", blocks=[table]), sha256="0" * 64)
    assert [(code, item) for code, item in codes(plan) if code == "rag_conflict"] == [("rag_conflict", "t1-r3")]
    assert [item.status.rag for item in plan.items] == ["green", "amber", "red"]
