"""stitch.decide, a row at a time: given the item read so far (the first row of each case,
already applied) and the next row, what the next row is and why. Then the property the
stage exists for: a row cut in two by a page break reads as the same items as the row
whole, wherever the cut falls inside its prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.extract.base import Cell, Document, Row, Table
from actionplan.normalise.headings import load_table
from actionplan.normalise.layout import read_header
from actionplan.normalise.row_cells import read_cells
from actionplan.normalise.rows import read_rows
from actionplan.normalise.stitch import Policy, StitchState, decide

HEADINGS = load_table()
COLUMNS = ["Recommendation", "Action", "Lead", "Timescale", "Progress"]
HEADER = read_header(Row([Cell(text) for text in COLUMNS], index=0), HEADINGS)


def row(*texts: str, fill: str | None = None) -> Row:
    return Row([Cell(text, fill=fill) for text in texts], index=1)


def state_after(first: Row) -> StitchState:
    """The stitching state once ``first`` has been read as a new item."""
    document = Document(path=Path("pair.txt"), format="text",
                        blocks=[Table(rows=[Row([Cell(t) for t in COLUMNS], index=1), first], index=1)])
    read = read_rows(document, HEADINGS)
    assert len(read.drafts) == 1, "the first row of a pair must read as one item"
    last = read.drafts[0]
    return StitchState(recommendation=last.group, last=last)


FIRST = row("1. Improve the quality of plans", "Audit twenty plans each month and", "Sue Burns", "June 2012", "")

# (first row, next row, after a page break, what the next row is, the reason's words)
PAIRS = [
    pytest.param(FIRST, row("", "report the findings to the board.", "", "", ""), True,
                 "continuation", "cut by a page break", id="page-break-tail"),
    pytest.param(FIRST, row("", "report the findings to the board.", "", "", ""), False,
                 "continuation", "reads on", id="action-reads-on-without-break"),
    pytest.param(FIRST, row("", "Train all social workers.", "Ken Hall", "July 2012", ""), False,
                 "item", "a new action", id="own-lead-and-date"),
    pytest.param(FIRST, row("", "report the findings.", "Ken Hall", "July 2012", ""), True,
                 "continuation", "reads on", id="lowercase-with-own-date-after-break"),
    pytest.param(FIRST, row("", "1.2 Train all social workers.", "", "", ""), True,
                 "item", "a new action", id="numbered-action-after-break"),
    pytest.param(FIRST, row("2. Improve supervision", "Set a supervision standard.", "Ann Lee", "May 2012", ""),
                 False, "item", "opens a recommendation", id="new-numbered-recommendation"),
    pytest.param(FIRST, row("", "", "", "", "Second progress note."), False,
                 "continuation", "no action of its own", id="progress-on-a-row-of-its-own"),
    pytest.param(FIRST, row("Looked After Children"), False, "section", "title", id="spanning-theme-row"),
    pytest.param(FIRST, row("", "", "Looked After Children", "", ""), False,
                 "section", "title", id="theme-landed-in-lead-column"),
    pytest.param(FIRST, row("", "", "Ken Hall", "", ""), True,
                 "continuation", "no action of its own", id="lone-lead-after-break-is-a-tail"),
    pytest.param(FIRST, row("Recommendation 2: Improve supervision"), False,
                 "recommendation", "numbered recommendation", id="recommendation-marker-row"),
    pytest.param(row("3. Ensure children are seen", "", "", "", ""), row("", "Visit every child.", "Ann Lee",
                 "May 2013", ""), False, "continuation", "recommendation row above", id="actions-of-a-recommendation-row"),
]


@pytest.mark.parametrize("first, following, after_break, kind, reason", PAIRS)
def test_what_the_next_row_is(first, following, after_break, kind, reason):
    state = state_after(first)
    last_before = (dict(state.last.fields), state.recommendation.text)
    decision = decide(state, read_cells(following, HEADER), HEADER, None, after_break, Policy())
    assert (decision.kind, reason in decision.reason) == (kind, True), decision.reason
    # Deciding changes nothing: the item read so far is as it was.
    assert (dict(state.last.fields), state.recommendation.text) == last_before


def test_a_row_with_nothing_to_continue_is_dropped_with_its_reason():
    decision = decide(StitchState(), read_cells(row("", "", "", "", "A stray note"), HEADER), HEADER, None, False,
                      Policy())
    assert (decision.kind, decision.reason) == ("dropped", "no action and nothing to continue")


def test_prose_cells_cut_mid_sentence_are_carried_back_to_the_item_above():
    state = state_after(row("1. Improve plans", "Audit plans.", "Sue Burns", "June 2012", "Audits are"))
    following = row("", "Report to the board.", "Ken Hall", "July 2012", "under way.")
    decision = decide(state, read_cells(following, HEADER), HEADER, None, True, Policy())
    assert (decision.kind, decision.carried) == ("item", ("progress",))


# -- the property: cutting a row across a page break gives the same items -----------------

PLAN = [
    ("1. Improve the quality of child protection plans so that they are specific",
     "Audit twenty plans each month and report the findings to the safeguarding board",
     "Sue Burns", "June 2012", "Audits started in March and are on track"),
    ("", "Train every team manager in writing outcome focused plans with families",
     "Ken Hall", "July 2012", "two sessions held so far with good attendance"),
    ("2. Ensure that supervision is regular and recorded on every case file",
     "Set a supervision standard and check it through monthly dip samples of records",
     "Ann Lee", "May 2012", "the standard is agreed and published on the intranet"),
]


def document_of(rows: list[Row]) -> Document:
    header = Row([Cell(text) for text in COLUMNS], index=1)
    return Document(path=Path("cut.txt"), format="text", blocks=[Table(rows=[header, *rows], index=1)])


def whole_rows() -> list[Row]:
    return [Row([Cell(text) for text in texts], index=i + 2, page=1) for i, texts in enumerate(PLAN)]


def items_of(rows: list[Row]) -> list[tuple]:
    read = read_rows(document_of(rows), HEADINGS)
    return [(d.group.ref, d.group.text, d.fields.get("action"), d.fields.get("lead"), d.fields.get("timescale"),
             d.fields.get("progress")) for d in read.drafts]


@st.composite
def cut_plans(draw):
    """The plan with one row cut by a page break, with or without the header repeated on
    the new page. Each prose cell is cut between two words where the tail starts with a
    lower-case word (Word cuts every cell at the same height; a cut that falls exactly at a
    sentence end in every cell is indistinguishable from a new row in any format); the
    short cells (lead, date) end above the cut, as they do on paper."""
    rows = whole_rows()
    which = draw(st.integers(0, len(rows) - 1))
    texts = rows[which].texts
    head, tail = list(texts), [""] * len(texts)
    for column in (0, 1, 4):  # recommendation, action, progress
        words = texts[column].split()
        cuts = [i for i in range(1, len(words)) if words[i][0].islower()]
        if not cuts:
            continue
        at = draw(st.sampled_from([None, *cuts]))
        if at is not None:
            head[column], tail[column] = " ".join(words[:at]), " ".join(words[at:])
    if not any(tail):
        at = draw(st.sampled_from([i for i, w in enumerate(texts[1].split()) if i and w[0].islower()]))
        words = texts[1].split()
        head[1], tail[1] = " ".join(words[:at]), " ".join(words[at:])
    repeat_header = draw(st.booleans())
    first = Row([Cell(text) for text in head], index=rows[which].index, page=1)
    second = Row([Cell(text) for text in tail], index=rows[which].index + 100, page=2,
                 page_break_before=not repeat_header)
    cut = [first] + ([Row([Cell(t) for t in COLUMNS], index=99, page=2)] if repeat_header else []) + [second]
    return rows[:which] + cut + rows[which + 1:]


@settings(max_examples=60, deadline=None)
@given(cut_plans())
def test_cutting_a_row_across_a_page_break_gives_the_same_items(rows):
    assert items_of(rows) == items_of(whole_rows())
