"""Property tests: the normaliser and the text extractor never raise on arbitrary
text, and a due date is always a real date or nothing."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.extract.base import Document
from actionplan.extract.text import parse
from actionplan.normalise import build_plan
from actionplan.normalise.headings import default_table
from actionplan.normalise.leads import parse_leads
from actionplan.normalise.status import parse_status
from actionplan.normalise.timescales import parse_timescale

# Text that looks like plan cells: dates, months, numbers, separators, words.
cell_text = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from([
            "31/02/2013", "June", "2012", "Q3", "2013/14", "within", "3", "months", "Ongoing", "/", "-", "(",
            ")", "and", "Sue Burns", "LSCB Manager", "GREEN", "Completed", "14th", "<sup>th</sup>", "\t", "\n",
            "Respon- sibility", "Para 17,", "1.1.", "•", "SMcL", "DBC –", "00/00/00", "99/99/9999",
        ]),
        max_size=12,
    ).map(" ".join),
)


@given(cell_text, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))))
@settings(max_examples=300, deadline=None)
def test_timescale_never_raises_and_due_is_a_date_or_none(text, anchor):
    timescale = parse_timescale(text, anchor)
    assert timescale.due is None or isinstance(timescale.due, date)
    assert all(part.due is None or isinstance(part.due, date) for part in timescale.parts)
    if timescale.kind in ("invalid", "unknown", "missing", "ongoing"):
        assert timescale.due is None


@given(cell_text)
@settings(max_examples=300, deadline=None)
def test_leads_status_and_headings_never_raise(text):
    parse_leads(text)
    parse_status(text)
    default_table().match(text)


@given(st.lists(st.lists(cell_text, min_size=1, max_size=6), max_size=8))
@settings(max_examples=150, deadline=None)
def test_text_plans_never_raise(rows):
    text = "Action\tLead\tTimescale\n" + "\n".join("\t".join(cells) for cells in rows)
    document = Document(path=Path("fuzz.txt"), format="text", blocks=parse(text))
    plan = build_plan(document, sha256="0" * 64)
    counts = plan.rows
    assert counts.total == counts.items + counts.headers + counts.sections + counts.continuations \
        + counts.dropped + counts.blank


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_text_extractor_never_raises(text):
    parse(text)
