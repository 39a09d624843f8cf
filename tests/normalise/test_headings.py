import pytest

from actionplan.normalise.headings import default_table, heading_note, normalise_heading


@pytest.mark.parametrize("heading,field", [
    ("Area for Improvement", "recommendation"),
    ("Issue raised in the report", "recommendation"),
    ("Details Theme/Timescale", "recommendation"),
    ("Action", "action"),
    ("Actions Required", "action"),
    ("Action to be taken", "action"),
    ("What we will do", "action"),
    ("What we will do (5a)", "action"),
    ("<b>Actions Required</b>", None),  # markup is removed by the extractor, not here
    ("Lead", "lead"),
    ("Responsibility", "lead"),
    ("Respon- sibility", "lead"),
    ("Responsible officer(s)", "lead"),
    ("By whom", "lead"),
    ("Timescale", "timescale"),
    ("By when", "timescale"),
    ("Completion date", "timescale"),
    ("Target date", "timescale"),
    ("Outcomes Required", "outcome"),
    ("Outcome/ Measure", "outcome"),
    ("Success criteria", "outcome"),
    ("Progress (RAG)", "progress"),
    ("Progress note / Evidence", "progress"),
    ("Update September 2013", "progress"),
    ("Monitoring/ Status Notes", "progress"),
    ("Monitoring", "monitoring"),
    ("Reported to", "monitoring"),
    ("Theme", "section"),
    ("No.", "recommendation_ref"),
    ("Report Ref.", "report_refs"),
    ("TIMESCALE", "timescale"),
    ("Overall Effectiveness", None),
    ("S17 Crime and Disorder", None),
    ("Action Plan: Announced Inspection of Safeguarding and Looked after Children Services 2011", None),
])
def test_heading_maps_to_field(heading, field):
    if heading.startswith("<"):
        heading = heading.replace("<b>", "").replace("</b>", "")
        field = "action"
    assert default_table().match(heading) == field


def test_normalised_form():
    assert normalise_heading("Respon- sibility") == "responsibility"
    assert normalise_heading("Outcome/ Measure") == "outcome measure"
    assert heading_note("What we will do (8b)") == "8b"
