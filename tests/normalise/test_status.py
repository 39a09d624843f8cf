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
    ("", None, None),
])
def test_status_words(text, rag, state):
    status = parse_status(text)
    assert (status.rag, status.state) == (rag, state)


def test_fill_colour_gives_rag():
    assert parse_status("", fill_rag="red").rag == "red"
