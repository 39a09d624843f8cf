"""A report's own details (normalise/inspection.py), on hand-made front matter and one real report."""

from datetime import date

import pytest

import actionplan
from actionplan.normalise.inspection import read_inspection


@pytest.mark.parametrize("line, start, end", [
    ("Inspection dates: 11 to 15 March 2024", date(2024, 3, 11), date(2024, 3, 15)),
    ("Inspection date: 20 June – 13 July 2017 Report published: 4 September 2017", date(2017, 6, 20), date(2017, 7, 13)),
    ("Inspection date: 30 April 2014 – 21 May 2014", date(2014, 4, 30), date(2014, 5, 21)),
    ("Inspection dates: 17 to 21 June 2024 Dates of previous inspection: 23 to 27 May 2016",
     date(2024, 6, 17), date(2024, 6, 21)),
    ("Dates of inspection: 7 October 2024", date(2024, 10, 7), date(2024, 10, 7)),
    ("The previous inspection was in May 2016", None, None),  # no label: not this inspection's dates
])
def test_inspection_dates(line, start, end):
    details = read_inspection(["Area SEND inspection of Somewhere Local Area Partnership", line])
    assert (details.inspection_start, details.inspection_end) == (start, end)


def test_inspectorates_publication_and_judgement():
    details = read_inspection([
        "Joint area SEND inspection by Ofsted and the Care Quality Commission (CQC)",
        "Report published: 23 August 2013",
        "The local area partnership's arrangements lead to inconsistent experiences and outcomes for children.",
    ])
    assert details.inspectorates == ["Ofsted", "CQC"]
    assert details.published == date(2013, 8, 23)
    assert details.judgement == "lead to inconsistent experiences and outcomes"
    assert read_inspection(["Overall effectiveness: Requires improvement to be good"]).judgement == \
        "Requires improvement to be good"


def test_a_real_report_carries_its_details_and_a_plan_none():
    report = actionplan.extract("tests/accuracy/reports/ilacs_kent_2013.pdf")
    assert report.document_kind == "inspection_report"
    assert (report.inspection.inspection_start, report.inspection.inspection_end, report.inspection.published) == \
        (date(2013, 7, 15), date(2013, 7, 19), date(2013, 8, 23))  # as its hand key states them
    plan = actionplan.extract("samples/southend-2012.txt")
    assert (plan.document_kind, plan.inspection) == ("action_plan", None)


@pytest.mark.parametrize("lines, judgement", [
    (["Overall effectiveness Inadequate"], "Inadequate"),  # the 2018- judgement table's row
    (["The overall judgement is requires improvement"], "Requires improvement"),  # SIF 2014
    (["The overall judgement is that children’s services are good"], "Good"),  # SIF 2015
    (["Children’s services in Bedford Borough require improvement to", "be good"], "Requires improvement to be good"),
    (["Children’s services in the London Borough of Hammersmith and Fulham are good"], "Good"),
    (["The local area partnership’s arrangements typically lead to positive experiences and",
      "outcomes for children and young people with SEND."], "typically lead to positive experiences and outcomes"),
    (["Since the last inspection, leaders have worked hard."], None),
])
def test_judgement(lines, judgement):
    assert read_inspection(lines).judgement == judgement


@pytest.mark.parametrize("lines, name", [
    (["Inspection of Rochdale local authority", "children’s services", "Inspection dates: 23 January to 3 February 2023"],
     "Rochdale"),
    (["Local area partnership report", "Area SEND inspection of Stoke-on-", "Trent Local Area Partnership"],
     "Stoke-on-Trent Local Area Partnership"),
    (["Warrington Borough Council", "Inspection of services for children in need of help and protection"],
     "Warrington Borough Council"),
    (["Inspection of looked after children services", "Kent County Council"], "Kent County Council"),
    (["Cambridgeshire", "Inspection of children’s social care services"], "Cambridgeshire"),
    (["Inspection dates: 11 to 15 March 2024"], None),
])
def test_local_authority(lines, name):
    assert read_inspection(lines).local_authority == name


@pytest.mark.parametrize("name, judgement, authority", [
    # regression: their summaries mention the council's "improvement plan", and they were read as action plans
    ("ilacs_rochdale_2023.pdf", "Requires improvement to be good", "Rochdale"),
    ("ilacs_halton_2024.pdf", "Inadequate", "Halton"),
    ("ilacs_wakefield_2018.pdf", "Inadequate", "Wakefield District Metropolitan Council"),
    ("send_medway_2024.pdf", "lead to inconsistent experiences and outcomes", "Medway Local Area Partnership"),
])
def test_real_reports_are_reports_with_their_judgement(name, judgement, authority):
    report = actionplan.extract(f"tests/accuracy/reports/{name}")
    assert report.document_kind == "inspection_report"
    assert (report.inspection.judgement, report.inspection.local_authority) == (judgement, authority)
    assert report.inspection.inspectorates[0] == "Ofsted"
