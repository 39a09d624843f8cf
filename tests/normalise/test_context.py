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
