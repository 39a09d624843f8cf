"""Status cells as councils write them -> RAG and state.

Grouped by how the rating is written; the negative cases (a colour or a capital letter
in prose) matter as much as the positive ones."""

from pathlib import Path

import pytest

from actionplan.normalise.status import VOCABULARY_FILE, load_vocabulary, parse_status, text_rag

STATE_WORDS = [
    # complete
    ("Completed", None, "complete"),
    ("Completed.", None, "complete"),
    ("Complete", None, "complete"),
    ("Achieved", None, "complete"),
    ("Closed", None, "complete"),
    ("Signed off by the Board", None, "complete"),
    ("Completed Update June 12: Ongoing Monitoring", None, "complete"),
    # in progress
    ("Underway", None, "in_progress"),
    ("In progress", None, "in_progress"),
    ("On-going", None, "in_progress"),
    ("Under way", None, "in_progress"),
    ("On track", None, "in_progress"),
    ("On target", None, "in_progress"),
    ("Progressing; revised timescale agreed.", None, "in_progress"),
    ("Delayed due to recruitment difficulties.", None, "in_progress"),
    ("Ongoing Update June 12: Deferred by Children's Trust", None, "in_progress"),
    # negated or partial completion is not complete
    ("Not achieved", None, "in_progress"),
    ("Not yet completed", None, "in_progress"),
    ("Partially achieved", None, "in_progress"),
    ("Target met", None, "complete"),
    ("Partly met", None, "in_progress"),
    ("Good progress", None, "in_progress"),
    ("Limited progress", None, "in_progress"),
    ("Overdue", None, "in_progress"),
    ("Met with partners on 3 May", None, "unknown"),  # "met" alone opens commentary: no completion word
    # not started
    ("Not yet due", None, "not_started"),
    ("Not started", None, "not_started"),
    ("Not yet started", None, "not_started"),
    ("Deferred by Children's Trust", None, "not_started"),
    ("Pending", None, "not_started"),
    # a completion word that is planned, not reported
    ("To be completed by June 2013", None, "unknown"),
    ("Will be closed once the audit reports", None, "unknown"),
    # no state words: unknown (the one-sample phrase "evidence not yet reported" has no entry)
    ("Evidence not yet reported", None, "unknown"),
    ("Awaiting sign-off by the Board.", None, "unknown"),
    ("The number of referrals reduced", None, "unknown"),
    ("", None, None),
]

RAG_WORDS = [
    # the cell is the rating
    ("Red", "red", "unknown"),
    ("Amber", "amber", "unknown"),
    ("GREEN", "green", "unknown"),
    ("Green.", "green", "unknown"),
    # first word, set off or followed by a progress word
    ("Green – completed", "green", "complete"),
    ("Green – complete", "green", "complete"),
    ("GREEN – Completed. Template developed, now in use", "green", "complete"),
    ("GREEN – scrutinised via weekly performance reports.", "green", "unknown"),
    ("Amber – underway", "amber", "in_progress"),
    ("RED - behind schedule", "red", "in_progress"),
    ("Amber. Training arranged", "amber", "unknown"),
    ("AMBER: Joint training has been arranged for June 2013", "amber", "unknown"),
    ("AMBER Needs to be ratified by MALAP", "amber", "unknown"),  # capitals in a mixed-case cell
    ("Green on track", "green", "in_progress"),
    ("GREEN Completed", "green", "complete"),
    ("GREEN COMPLETE", "green", "complete"),
    ("AMBER – ON TRACK", "amber", "in_progress"),
    # last word, set off
    ("On track – GREEN", "green", "in_progress"),
    ("Progress good. Green", "green", "unknown"),
    ("Completed (Green)", "green", "complete"),
    # a line of its own, or the start of a line or sentence
    ("Callum Royle\nJoanne Yardley\nGreen", "green", "unknown"),
    ("Quality Assurance Team\nAmber. Training delivered to 80% of staff", "amber", "unknown"),
    ("Training delivered. Red – awaiting sign-off.", "red", "unknown"),
    # capitals anywhere
    ("partners and families. GREEN. Compliance to be checked", "green", "unknown"),
    # after a label
    ("RAG: Amber", "amber", "unknown"),
    ("Rated green at the last Board", "green", "unknown"),
    # two ratings: the last written (updates are appended)
    ("GREEN Development is underway.\nAMBER Needs to be ratified by the Board.", "amber", "in_progress"),
    ("Update June: Red. Update September: Green – on track", "green", "in_progress"),
    # yellow for amber
    ("Yellow", "amber", "unknown"),
]

RAG_LETTERS = [
    # alone
    ("G", "green", "unknown"),
    ("A", "amber", "unknown"),
    ("R", "red", "unknown"),
    ("G.", "green", "unknown"),
    # bracketed
    ("(A)", "amber", "unknown"),
    ("[R]", "red", "unknown"),
    ("complete (G)", "green", "complete"),
    ("On track (A)", "amber", "in_progress"),
    ("(R) Behind schedule", "red", "in_progress"),
    # set off by a dash
    ("G – on track", "green", "in_progress"),
    ("A - delayed", "amber", "in_progress"),
    ("On track – G", "green", "in_progress"),
    # after a label
    ("RAG: A", "amber", "unknown"),
    ("Status: G", "green", "unknown"),
    ("BRAG rating - R", "red", "unknown"),
]

BRAG_BLUE = [  # BRAG's blue is complete; schema v1 has no blue rag
    ("BLUE", None, "complete"),
    ("Blue", None, "complete"),
    ("Blue - complete", None, "complete"),
    ("B", None, "complete"),
    ("(B)", None, "complete"),
    ("B – closed", None, "complete"),
    ("On track; draft circulated\nBlue", None, "complete"),
]

NOT_A_RATING = [
    # a colour in prose, or as an adjective at the start
    ("The red flag process is being reviewed", None, "unknown"),
    ("Red flag process reviewed", None, "unknown"),
    ("Green space audit", None, "unknown"),
    ("Green Space Audit", None, "unknown"),
    ("The green paper was published", None, "unknown"),
    ("Blue Badge scheme reviewed", None, "unknown"),
    ("RED FLAG PROCESS TO BE REVIEWED", None, "unknown"),  # a cell in capitals: no emphasis
    ("RED FLAG RAISED", None, "unknown"),
    # "A" as an article, "N/A", letters naming things, letters numbering points
    ("A review is under way", None, "in_progress"),
    ("A new protocol has been drafted", None, "unknown"),
    ("N/A", None, "unknown"),
    ("n/a", None, "unknown"),
    ("Plan B agreed", None, "unknown"),
    ("Grade A achieved", None, "complete"),
    ("See Appendix (B)", None, "unknown"),
    ("(A) review the policy (B) train staff", None, "unknown"),
    ("Overall A review is planned", None, "unknown"),
    ("Q&A session held with staff", None, "unknown"),
    ("G/A", None, "unknown"),
    ("a", None, "unknown"),
]


@pytest.mark.parametrize("text,rag,state", STATE_WORDS + RAG_WORDS + RAG_LETTERS + BRAG_BLUE + NOT_A_RATING)
def test_status_words(text, rag, state):
    status = parse_status(text)
    assert (status.rag, status.state) == (rag, state)


FILLS = [  # (text, fill rating as colours.rag_from_fill gives it) -> (rag, state)
    ("", "red", "red", None),
    ("", "amber", "amber", None),
    ("", "blue", None, "complete"),  # a blue cell: BRAG complete
    ("Underway", "green", "green", "in_progress"),
    ("Underway", "blue", None, "in_progress"),  # the words' state wins over a blue fill
    ("Amber – underway", "green", "amber", "in_progress"),  # the words' rating wins over the fill
    ("B", "red", None, "complete"),
    ("Completed", "green", "green", "complete"),
]


@pytest.mark.parametrize("text,fill,rag,state", FILLS)
def test_fill_colour_gives_rag_where_the_words_do_not(text, fill, rag, state):
    status = parse_status(text, fill_rag=fill)
    assert (status.rag, status.state) == (rag, state)


@pytest.mark.parametrize("text,rating", [
    ("G", ("green", "G")), ("On track – BLUE", ("blue", "BLUE")), ("Green space audit", None), ("", None), (None, None),
])
def test_text_rag_for_comparing_with_a_fill(text, rating):
    assert text_rag(text) == rating


def test_raw_keeps_the_words_read():
    assert parse_status("G – on track; first audit done").raw == "G on track"


def test_vocabulary_is_data_a_user_can_extend(tmp_path: Path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[rag]\namber = ["orange"]\n[rag_letters]\nY = "amber"\n'
                     '[states]\ncomplete = ["sorted"]\nnot_started = ["parked"]\n', encoding="utf-8")
    vocabulary = load_vocabulary(VOCABULARY_FILE, extra=extra)
    assert (parse_status("Orange", vocabulary=vocabulary).rag, parse_status("Orange").rag) == ("amber", None)
    assert parse_status("(Y)", vocabulary=vocabulary).rag == "amber"
    assert parse_status("Sorted", vocabulary=vocabulary).state == "complete"
    assert parse_status("Parked until April", vocabulary=vocabulary).state == "not_started"
    assert parse_status("Green", vocabulary=vocabulary).rag == "green"  # the shipped words remain


def test_vocabulary_rejects_an_unknown_state(tmp_path: Path):
    extra = tmp_path / "bad.toml"
    extra.write_text('[states]\nfinished = ["done"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown state"):
        load_vocabulary(VOCABULARY_FILE, extra=extra)


@pytest.mark.parametrize("text,fill,commentary,state", [
    # Regression (draw-3/4 word-shading): an empty BRAG status cell shaded blue beside a
    # progress note "On track": the status column's colour is the rating, the note commentary.
    ("On track; draft circulated to partners.", "blue", True, "complete"),
    # The status cell's own words still win over its colour.
    ("Underway", "blue", False, "in_progress"),
])
def test_blue_status_fill_beside_a_progress_note(text, fill, commentary, state):
    assert parse_status(text, fill_rag=fill, commentary=commentary).state == state
