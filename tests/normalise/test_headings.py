import pytest

from actionplan.normalise.headings import default_table, heading_note, normalise_heading


@pytest.mark.parametrize("heading,field", [
    ("Area for Improvement", "recommendation"),
    ("Issue raised in the report", "recommendation"),
    ("Details Theme/Timescale", None),  # one plan's combined heading: its cells decide (normalise/columns.py)
    ("Action", "action"),
    ("Actions Required", "action"),
    ("Action to be taken", "action"),
    ("What we will do", "action"),
    ("What we will do (5a)", "action"),
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
    ("Lead Officer", "lead"),
    ("Lead officer(s)", "lead"),
    ("LEAD", "lead"),
    ("Owner", "lead"),
    ("Responsible Officer", "lead"),
    ("Respon-\nsibility", "lead"),
    ("Deadline", "timescale"),
    ("Due date", "timescale"),
    ("Target Date", "timescale"),
    ("Timescales", "timescale"),
    ("Key actions", "action"),
    ("Actions", "action"),
    ("Specific Actions", "action"),
    ("Recommendation", "recommendation"),
    ("Recommendations", "recommendation"),
    ("Area for development", "recommendation"),
    ("Outcome(s)", "outcome"),
    ("Measure of success", "outcome"),
    ("Milestones", "outcome"),
    ("RAG", "status"),
    ("RAG Status", "status"),
    ("Status", "status"),
    ("Progress update", "progress"),
    ("Comments", "progress"),
    ("Update August 2013", "progress"),
    ("Monitored by", "monitoring"),
    ("Ref", "recommendation_ref"),
    ("Rec No.", "recommendation_ref"),
    ("Para", "report_refs"),
    ("Resources", None),
    ("Risks", None),
    ("Overall Effectiveness", None),
    ("S17 Crime and Disorder", None),
    ("Action Plan: Announced Inspection of Safeguarding and Looked after Children Services 2011", None),
    # Two headings joined (regression: draw-6 word-table-per-rec, "Update and RAG rating"):
    # a progress note and its rating make the progress column, read for RAG words too.
    ("Update and RAG rating", "progress"),
    ("Progress & RAG", "progress"),
    ("Lead officer and partner", None),  # one part names no field
    ("Lead and timescale", None),  # two fields: no one column
])
def test_heading_maps_to_field(heading, field):
    assert default_table().match(heading) == field


def test_user_synonyms_extend_the_shipped_table():
    from pathlib import Path

    from actionplan.normalise.headings import SYNONYMS_FILE, load_table

    mine = load_table(SYNONYMS_FILE, extra=Path("tests/fixtures/settings/extra-headings.toml"))
    assert mine.match("Gatekeeper") == "lead"
    assert mine.match("When by (quarter)") == "timescale"
    assert default_table().match("Gatekeeper") is None


def test_normalised_form():
    assert normalise_heading("Respon- sibility") == "responsibility"
    assert normalise_heading("Outcome/ Measure") == "outcome measure"
    assert heading_note("What we will do (8b)") == "8b"


@pytest.mark.parametrize("heading,note", [
    ("What we will do (5a)", "5a"),
    ("Lead officer", None),
    ("Lead (officer", None),
    ("Lead ) officer (named) here", "named"),
    ("Action (see (b) below)", "see (b"),  # the first "(" to the first ")" after it
    ("Lead (  )", ""),
])
def test_heading_note(heading, note):
    assert heading_note(heading) == note


@pytest.mark.parametrize("heading,field", [
    # a head noun before its qualifying phrase
    ("Recommendation from the inspection", "recommendation"),
    ("Person responsible for delivery", "lead"),
    ("Date of completion", "timescale"),
    ("Impact on children and young people", "outcome"),
    ("Progress against the action", "progress"),
    ("Number of actions", None),  # a count, not a reference
    ("Action by", None),  # "by" names who acts: not read as the action
    ("Review of progress", None),
    # alternatives offered with "/" or "&"
    ("Lead officer / team", "lead"),
    ("Owner/Lead", "lead"),
    ("Status / Progress", "progress"),
    ("Action / Timescale", None),  # two fields: no guess
    ("Owner & deadline", None),
    ("Details Theme/Timescale", None),  # its first part names no field: the column is not a timescale
    # what matched before still matches the same
    ("Areas for improvement", "recommendation"),
    ("Timescale for completion", "timescale"),
    ("Update and RAG rating", "progress"),
])
def test_headings_with_qualifiers_and_alternatives(heading, field):
    assert default_table().match(heading) == field
