"""Property tests with long adversarial strings (issue 17): every normaliser function that
takes a string, and the text reader, returns its documented type and never hangs on
text a hostile or damaged file can hold (100k characters of "(" or "<a ", "Within 2000000
working days", a row of thousands of tabs). Each call runs under a SIGALRM guard that
fails the test if it has not returned in 5 s: a hang is caught, time is not measured."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from actionplan.extract.base import Block
from actionplan.extract.text import parse
from actionplan.normalise.context import recommendation_marker
from actionplan.normalise.cues import looks_like_title, mid_sentence, reads_as_timescale, unfinished, unterminated
from actionplan.normalise.dates import dates_in, find_dates
from actionplan.normalise.glossary import acronym_definitions, glossary_entries, glossary_entry
from actionplan.normalise.headings import default_table, heading_note, normalise_heading
from actionplan.normalise.inspection import stated_inspection_dates
from actionplan.normalise.lead_kinds import split_commas, split_dash, split_note
from actionplan.normalise.leads import parse_leads
from actionplan.normalise.refs import report_refs, split_number, starts_with_number
from actionplan.normalise.status import parse_status, text_rag
from actionplan.normalise.timescales import is_start_date, parse_timescale, says_done, start_date
from actionplan.schema import Lead, Status, Timescale

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the hang guard needs SIGALRM (POSIX)")

GUARD_SECONDS = 5

# Pieces that have made parsers slow or crash: open brackets and tags, huge counts,
# separators, dates that do not exist, words the parsers key on.
PIECES = [
    "(", ")", "[", "<a ", "</b>", "**", "|", "\t", "\n", " ", "/", "-", "–", ",", ";", ".", ":", "&",
    "Within ", "2000000", "9999", " working days", " years", " months", "31/02/2013", "99/99/9999", "Q4 ",
    "2013/14", "End of ", "April ", "by ", "and ", "Head of Service", "Dr ", "SMcL", "LSCB", "(LSCB)",
    "Green", "RAG", "Complete", "1.1.", "Recommendation ", "Para 17", "e\u0301", "\u200b", "\ufffd", "\x00",
]
long_text = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=200, max_size=3000).map("".join),
    st.tuples(st.sampled_from(PIECES), st.integers(1000, 100_000)).map(lambda pair: pair[0] * (pair[1] // len(pair[0]))),
    st.text(min_size=500, max_size=5000),
)
SETTINGS = settings(max_examples=25, deadline=None)


class Hang(Exception):
    pass


@contextmanager
def bounded():
    """Fail, not wait, when the call inside runs past GUARD_SECONDS."""
    def alarm(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    except Hang:
        pytest.fail(f"a call ran past {GUARD_SECONDS} s: a hang")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _is_date_or_none(value) -> bool:
    return value is None or isinstance(value, date)


@given(long_text)
@example("(" * 100_000)  # regression: the note's regex retried every "(" (29 s)
@SETTINGS
def test_headings(text):
    with bounded():
        assert isinstance(normalise_heading(text), str)
        assert heading_note(text) is None or isinstance(heading_note(text), str)
        assert default_table().match(text) is None or isinstance(default_table().match(text), str)


@given(long_text, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))))
@SETTINGS
def test_timescales_and_dates(text, anchor):
    with bounded():
        timescale = parse_timescale(text, anchor)
        assert isinstance(timescale, Timescale) and _is_date_or_none(timescale.due)
        assert _is_date_or_none(start_date(text))
        assert isinstance(is_start_date(text), bool) and isinstance(says_done(text), bool)
        found = find_dates(text, periods=True)
        assert all(_is_date_or_none(due) for _, _, due in found.parts)
        assert all(isinstance(d, date) for _, d in dates_in(text))
        stated = stated_inspection_dates(text)
        assert stated is None or all(_is_date_or_none(d) for d in stated)


@given(long_text)
@SETTINGS
def test_leads_and_glossary(text):
    with bounded():
        leads = parse_leads(text)
        assert isinstance(leads, list) and all(isinstance(lead, Lead) for lead in leads)
        assert all(isinstance(a, str) and isinstance(b, str) for a, b in glossary_entries(text))
        entry = glossary_entry(text)
        assert entry is None or all(isinstance(part, str) for part in entry)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in acronym_definitions(text).items())
        assert all(isinstance(piece, str) for piece in split_commas(text))
        assert isinstance(split_note(text)[0], str)
        assert split_dash(text) is None or len(split_dash(text)) == 2


@given(long_text, st.sampled_from([None, "red", "amber", "green"]))
@SETTINGS
def test_status(text, fill):
    with bounded():
        assert isinstance(parse_status(text, fill), Status)
        rag = text_rag(text)
        assert rag is None or all(isinstance(part, str) for part in rag)


@given(long_text)
@SETTINGS
def test_refs_and_cues(text):
    with bounded():
        number, rest = split_number(text)
        assert (number is None or isinstance(number, str)) and isinstance(rest, str)
        assert isinstance(starts_with_number(text), bool)
        assert all(isinstance(ref, str) for ref in report_refs(text))
        marker = recommendation_marker(text)
        assert marker is None or all(isinstance(part, str) for part in marker)
        for cue in (mid_sentence, unterminated, looks_like_title, unfinished, reads_as_timescale):
            assert isinstance(cue(text), bool)


@given(st.lists(long_text, min_size=1, max_size=3).map("\n".join))
@settings(max_examples=15, deadline=None)
def test_text_reader(text):
    with bounded():
        blocks = parse(text)
    assert isinstance(blocks, list) and all(isinstance(block, Block) for block in blocks)
