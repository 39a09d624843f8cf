from datetime import date

import pytest

import actionplan
from actionplan.normalise.context import Context


@pytest.mark.parametrize("line,anchor", [
    ("Action Plan in response to the recommendations of the January 2013 Ofsted Inspection", date(2013, 1, 31)),
    ("In November 2011 a multi-agency inspection was undertaken by Ofsted", date(2011, 11, 30)),
    ("Report of the inspection held on 14th May 2012 – update 30 June 2012", date(2012, 5, 14)),
    ("Inspection 2012", None),
    ("Progress as at 22nd October 2012", None),
])
def test_inspection_date_is_the_anchor(line, anchor):
    context = Context()
    context.read_paragraph("Title")
    context.read_paragraph(line)
    assert context.anchor == anchor


@pytest.mark.parametrize("line,as_of", [
    ("(progress as at 22nd October 2012)", date(2012, 10, 22)),
    ("Date/Version: LSCB Composite Plan July 2012", date(2012, 7, 31)),
    ("update for CYP Select Committee 18th September 2013", date(2013, 9, 18)),
    ("Version 3 – updated 14 March 2014", date(2014, 3, 14)),
    ("Action Plan 2012-2013", None),
])
def test_as_of(line, as_of):
    context = Context()
    context.read_paragraph(line)
    assert context.as_of == as_of


def test_plan_anchor_resolves_relative_timescales():
    plan = actionplan.extract("samples/darlington-2012.txt")
    assert plan.anchor_date == date(2011, 11, 30)
    southend = actionplan.extract("samples/southend-2012.txt", {"anchor_date": "2012-06-01"})
    six_months = [i for i in southend.items if i.timescale.raw == "6 months"]
    assert {i.timescale.due for i in six_months} == {date(2012, 12, 1)}
    assert actionplan.extract("samples/southend-2012.txt").anchor_date is None


def test_unmapped_heading_is_reported_once_and_kept(tmp_path):
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text("Action\tLead\tBy when\tResources\nHire staff\tSue\tJune 2013\t£40k\n"
                         "\nAction\tLead\tBy when\tResources\nTrain staff\tKen\tJuly 2013\tNone\n")
    plan = actionplan.extract(plan_file)
    assert [i.extra for i in plan.items] == [{"Resources": "£40k"}, {"Resources": "None"}]
    assert [i.code for i in plan.issues] == ["unmapped_heading"]


def test_glossary_defined_in_the_document(tmp_path):
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text("Improvement plan\n\nSMcL – Shaun McLean (Head of Service)\n\n"
                         "Action\tLead\tBy when\nHire staff\tSMcL\tJune 2013\nTrain staff\tKS\tJuly 2013\n")
    plan = actionplan.extract(plan_file)
    assert plan.items[0].leads[0].name == "Shaun McLean"
    assert [i.code for i in plan.issues] == ["lead_initials_only"]
    assert "KS" in plan.issues[0].message


@pytest.mark.parametrize("text, anchor", [
    ("Ofsted inspection of children's services: 12-23 November 2012", date(2012, 11, 23)),
    ("Inspection date: 2nd September 2025", date(2025, 9, 2)),
    ("Report published 23 August 2013", date(2013, 8, 23)),
    ("The inspection visit took place between 4 and 8 March 2013", date(2013, 3, 8)),
    # A plan's year range dates the plan, not the inspection.
    ("Children's Services Improvement Plan 2014-15 following the Ofsted inspection", None),
    ("Improvement Plan 2014/15 (inspection)", None),
    ("Refreshed in 2014 after the inspection", None),
])
def test_anchor_only_from_a_day_or_month_stated_by_the_inspection(text, anchor):
    context = Context(title="Plan")
    context.read_paragraph(text)
    assert context.anchor == anchor


def test_relative_timescales_without_an_anchor_are_named_once():
    from actionplan.normalise.validate import anchor_issues
    from actionplan.schema import ActionItem

    items = [ActionItem(id=f"t1-r{n}", action="Do it", timescale={"raw": raw, "kind": kind},
                        source={"table": 1, "row": n})
             for n, (raw, kind) in enumerate([("Within 3 months", "relative"), ("Immediately", "immediate"),
                                              ("June 2013", "month")], start=1)]
    found = anchor_issues(items, None)
    assert [issue.code for issue in found] == ["no_anchor_date"] and "--anchor-date" in found[0].message
    assert anchor_issues(items, date(2013, 1, 31)) == []
    assert anchor_issues(items[2:], None) == []


def test_a_labelled_inspection_date_beats_an_earlier_mention_and_its_last_day_counts():
    context = Context(title="Report")
    context.read_paragraph("The previous inspection of the local area, in July 2016, found weaknesses.")
    assert context.anchor == date(2016, 7, 31)
    context.read_paragraph("Review of the board 1 Inspection date: 20 June – 13 July 2017 Report published: 4 September 2017")
    assert context.anchor == date(2017, 7, 13)
    context.read_paragraph("Inspection dates: 1 to 5 May 2020")  # the first labelled line stands
    assert context.anchor == date(2017, 7, 13)


@pytest.mark.parametrize("line, marker", [
    ("Recommendation 2: Improve the quality of plans", ("2", "Improve the quality of plans")),
    # Regression (draw-7 word-table-per-rec): "Priority 1" headings over each table.
    ("Priority 1", ("1", "")),
    ("Key priority 3 – Improve supervision", ("3", "Improve supervision")),
    ("Priority", None),  # no number: a priority level's heading, not a recommendation
    ("Priority area 2", None),  # a theme heading (headings.toml: section)
])
def test_recommendation_marker(line, marker):
    from actionplan.normalise.context import recommendation_marker

    assert recommendation_marker(line) == marker
