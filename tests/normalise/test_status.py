import pytest

from actionplan.normalise.status import parse_status


@pytest.mark.parametrize("text,rag,state", [
    ("Completed", None, "complete"),
    ("Completed.", None, "complete"),
    ("Achieved", None, "complete"),
    ("Underway", None, "in_progress"),
    ("Ongoing Update June 12: Deferred by Children's Trust", None, "in_progress"),
    ("Completed Update June 12: Ongoing Monitoring", None, "complete"),
    ("Not yet due", None, "not_started"),
    ("Evidence not yet reported", None, "unknown"),
    ("GREEN – scrutinised via weekly performance reports.", "green", "unknown"),
    ("GREEN – Completed. Template developed, now in use", "green", "complete"),
    ("AMBER Needs to be ratified by MALAP", "amber", "unknown"),
    ("Green – completed", "green", "complete"),
    ("partners and families. GREEN. Compliance to be checked", "green", "unknown"),
    ("The number of referrals reduced", None, "unknown"),
    # complete
    ("Complete", None, "complete"),
    ("Closed", None, "complete"),
    ("Achieved", None, "complete"),
    ("GREEN Completed", "green", "complete"),
    ("BLUE", None, "complete"),  # a fourth colour for done: no RAG in the schema
    ("Blue - complete", None, "complete"),
    # in progress
    ("In progress", None, "in_progress"),
    ("On-going", None, "in_progress"),
    ("Under way", None, "in_progress"),
    ("On track", None, "in_progress"),
    ("Not achieved", None, "in_progress"),
    ("Not yet completed", None, "in_progress"),
    ("Partially achieved", None, "in_progress"),
    ("RED - behind schedule", "red", "in_progress"),
    ("AMBER: Joint training has been arranged for June 2013", "amber", "unknown"),
    ("Amber – underway", "amber", "in_progress"),
    # not started
    ("Not started", None, "not_started"),
    ("Deferred by Children's Trust", None, "not_started"),
    ("Not yet started", None, "not_started"),
    # colour words inside prose are not a rating
    ("The red flag process is being reviewed", None, "unknown"),
    ("Green space audit", None, "unknown"),
    ("Red flag process reviewed", None, "unknown"),
    ("Green on track", "green", "in_progress"),
    ("Amber. Training arranged", "amber", "unknown"),
    ("Red", "red", "unknown"),
    ("", None, None),
])
def test_status_words(text, rag, state):
    status = parse_status(text)
    assert (status.rag, status.state) == (rag, state)


def test_fill_colour_gives_rag():
    assert parse_status("", fill_rag="red").rag == "red"
