"""Timescale cells as councils write them -> kind and due date.

Grouped by kind, in the manner of dateparser's own tables; the anchor date is
pinned so nothing depends on today."""

from datetime import date

import pytest

from actionplan.normalise.dates import dates_in
from actionplan.normalise.timescales import is_start_date, parse_timescale, says_done, start_date

ANCHOR = date(2013, 1, 31)  # an inspection in January 2013

DATES = [
    ("31/10/2012", date(2012, 10, 31)),
    ("31/12/12", date(2012, 12, 31)),
    ("1.4.13", date(2013, 4, 1)),
    ("30.06.2013", date(2013, 6, 30)),
    ("30-06-2013", date(2013, 6, 30)),
    ("1/4/2013", date(2013, 4, 1)),  # day first: 1 April, never 4 January
    ("4/1/2013", date(2013, 1, 4)),
    ("2012-06-30", date(2012, 6, 30)),
    ("14th June 2012", date(2012, 6, 14)),
    ("14 th June 2012", date(2012, 6, 14)),
    ("14 <sup>th</sup> June 2012", date(2012, 6, 14)),
    ("25th February 2012", date(2012, 2, 25)),
    ("1st March 2012", date(2012, 3, 1)),
    ("31st March 2013", date(2013, 3, 31)),
    ("1 April 2013", date(2013, 4, 1)),
    ("the 3rd of May 2012", date(2012, 5, 3)),
    ("June 14, 2012", date(2012, 6, 14)),
    ("29/02/2012", date(2012, 2, 29)),
    ("Update 30th April 2012", date(2012, 4, 30)),
]

MONTHS = [
    ("June 2012", date(2012, 6, 30)),
    ("Sept 2012", date(2012, 9, 30)),
    ("Sep 2012", date(2012, 9, 30)),
    ("February 2013.", date(2013, 2, 28)),
    ("February 2012", date(2012, 2, 29)),
    ("End of April 2013.", date(2013, 4, 30)),
    ("by end March 2014", date(2014, 3, 31)),
    ("by June 2013", date(2013, 6, 30)),
    ("Report to CMT in April 2013.", date(2013, 4, 30)),
    ("For SLSCB Development Day in June 2013.", date(2013, 6, 30)),
    ("Draft for Health & Wellbeing Board July 2013.", date(2013, 7, 31)),
    ("During Q3 (by end of December 2013).", date(2013, 12, 31)),
    ("September 2013 (end of Q2 reporting period).", date(2013, 9, 30)),
    ("Jan 2013", date(2013, 1, 31)),
    ("Mar-13", date(2013, 3, 31)),
    ("Sept 14", date(2014, 9, 30)),
    ("march 2013", date(2013, 3, 31)),
]

SEVERAL = [  # the latest firm date is due; parts keep every reading
    ("December 2012 Within 3 months", "month", date(2012, 12, 31)),
    ("May 2012 Ongoing Ongoing", "month", date(2012, 5, 31)),
    ("July 2012 July 2012", "month", date(2012, 7, 31)),
    ("February 2012 June 2012", "month", date(2012, 6, 30)),
    ("September 2012 April 2012 July 2012 Ongoing", "month", date(2012, 9, 30)),
    ("Ongoing March 2013", "month", date(2013, 3, 31)),
    ("1st March 2012\nMarch 2012 Letters requesting initial assessment.", "month", date(2012, 3, 31)),
    ("31/10/2012 and 30/11/2012", "date", date(2012, 11, 30)),
]

QUARTERS = [  # UK financial year when written 2013/14 (Q1 = April-June), else calendar
    ("Q3 2013/14", date(2013, 12, 31)),
    ("Q1 2013-14", date(2013, 6, 30)),
    ("Q4 2012/13", date(2013, 3, 31)),
    ("Q2 2014-15", date(2014, 9, 30)),
    ("Q3 13/14", date(2013, 12, 31)),
    ("Quarter 3 2013/14", date(2013, 12, 31)),
    ("Q2 of 2013/14", date(2013, 9, 30)),
    ("Q2 2013", date(2013, 6, 30)),
    ("Q1 2014", date(2014, 3, 31)),
    ("by 2013/14", date(2014, 3, 31)),  # a financial year alone: the end of its Q4
    ("2012-13", date(2013, 3, 31)),
]

RELATIVE = [  # due counted from the anchor; none without one
    ("Within 3 months", date(2013, 4, 30)),
    ("Within 3 Months", date(2013, 4, 30)),
    ("6 months", date(2013, 7, 31)),
    ("within 6 weeks", date(2013, 3, 14)),
    ("within one month", date(2013, 2, 28)),
    ("12 months", date(2014, 1, 31)),
    ("within 2 years", date(2015, 1, 31)),
    ("Within 28 days", date(2013, 2, 28)),
    ("within 20 working days", date(2013, 2, 28)),
    ("Within 2", None),  # not a period: unknown, see below
    # number words, "a" / "an" after "within" or opening the cell, ranges (the longer end), hours
    ("within five weeks", date(2013, 3, 7)),
    ("Within a month", date(2013, 2, 28)),
    ("within two years", date(2015, 1, 31)),
    ("within twenty-one days", date(2013, 2, 21)),
    ("Within ten working days", date(2013, 2, 14)),
    ("In a year's time", date(2014, 1, 31)),
    ("A fortnight", date(2013, 2, 14)),
    ("within the next three months", date(2013, 4, 30)),
    ("6-8 weeks", date(2013, 3, 28)),
    ("3 to 6 months", date(2013, 7, 31)),
    ("within 48 hours", date(2013, 2, 2)),
    ("Within six months of the inspection", date(2013, 7, 31)),
]

IMMEDIATE = ["Immediate", "IMMEDIATE", "Immediately", "With immediate effect", "Immediate and ongoing"]

ONGOING = ["Ongoing", "On-going", "On going", "ongoing", "Continuous", "Monthly", "Quarterly reports.",
           "Annually", "Weekly", "Termly", "Bi-monthly", "As required",
           # recurring: no deadline, so ongoing (never unknown, never relative)
           "Quarterly", "Yearly", "Six monthly", "6-monthly", "Half-yearly", "Bi-annually", "every 6 months",
           "Every meeting", "Each term", "once a month", "Twice a year", "On a monthly basis", "Regularly",
           # a start is no deadline: kept as an ongoing part with no due (see STARTS)
           "To commence wef April 2013.", "Revised Clinic in place wef March 2013.", "August 2013 onwards."]

INVALID = ["31/02/2013", "30/02/2014", "31/04/2013", "29/02/2013", "32/01/2013", "00/12/2012"]

UNKNOWN = ["Timescale to be determined following CMT discussion.", "Review dates to be confirmed.",
           "In place already as part of existing case file audit tool and reporting process.",
           "TBC", "To be confirmed", "N/A", "Completed.", "Within 2", "12/13", "mmeuidle",
           # a period with no year cannot be dated
           "by end of summer term", "Summer", "Spring term", "by the end of the academic year",
           # a year alone is no timescale ("2013." cut from a longer cell), nor a year inside a name
           "2013.", "Children Act 2004 compliance", "2013-2015"]

PERIODS = [  # seasons, school terms, academic years, years: due at the period's end, kind quarter
    # seasons end with their last month: spring May, summer August, autumn November, winter February
    ("Spring 2013", date(2013, 5, 31)),
    ("Summer 2013", date(2013, 8, 31)),
    ("By end of Autumn 2013", date(2013, 11, 30)),
    ("Winter 2013", date(2014, 2, 28)),
    ("Winter 2013/14", date(2014, 2, 28)),
    ("Spring 2014/15", date(2015, 5, 31)),  # with an academic year: spring is in its second year
    ("Spring '14", date(2014, 5, 31)),
    # school terms: autumn ends in December, spring at Easter (31 March), summer in July
    ("Autumn term 2014", date(2014, 12, 31)),
    ("Spring term 2015", date(2015, 3, 31)),
    ("By the end of the Summer Term 2015", date(2015, 7, 31)),
    ("Spring term 2014/15", date(2015, 3, 31)),
    ("Autumn term 2014/15", date(2014, 12, 31)),
    ("Autumn half-term 2014", date(2014, 10, 31)),
    ("Summer half term 2015", date(2015, 5, 31)),
    # academic years end on 31 August of their second year
    ("2014/15 academic year", date(2015, 8, 31)),
    ("By the end of academic year 2014-15", date(2015, 8, 31)),
    ("AY 2014/2015", date(2015, 8, 31)),
    # a year after "end of", "by", "during": 31 December; early: April, mid: August
    ("End of 2014", date(2014, 12, 31)),
    ("by 2015", date(2015, 12, 31)),
    ("Early 2014", date(2014, 4, 30)),
    ("mid-2014", date(2014, 8, 31)),
    # a financial year written in full: 31 March
    ("2013/2014", date(2014, 3, 31)),
]

WEEK_COMMENCING = [  # week commencing: due on the Friday of that week
    ("w/c 3 June 2013", date(2013, 6, 7)),
    ("W/C 03/06/2013", date(2013, 6, 7)),
    ("week commencing 3rd June 2013", date(2013, 6, 7)),
    ("w/b Monday 3 June 2013", date(2013, 6, 7)),
    ("week ending 7 June 2013", date(2013, 6, 7)),  # already the end of the week
]

LATEST_FIRM = [  # a firm date beside recurring or interim words: the latest firm date is due
    ("June 2024 and quarterly thereafter", "month", date(2024, 6, 30)),
    ("December 2024 (interim report September 2024)", "month", date(2024, 12, 31)),
    ("November 2023 then termly", "month", date(2023, 11, 30)),
    ("From April 2013 to March 2014", "month", date(2014, 3, 31)),  # the start is no deadline; the end is
    ("Start: April 2013 End: March 2014", "month", date(2014, 3, 31)),
    ("Starting May 2013, complete by December 2013", "month", date(2013, 12, 31)),
]

STARTS = [  # a start, not a deadline: no due (an overdue check never fires), the start kept
    ("wef April 2013", date(2013, 4, 1)),
    ("W.E.F. 1/4/13", date(2013, 4, 1)),
    ("with effect from 1st April 2013", date(2013, 4, 1)),
    ("To commence wef April 2013.", date(2013, 4, 1)),
    ("to commence April 2013", date(2013, 4, 1)),
    ("Commencing September 2013", date(2013, 9, 1)),
    ("starting May 2013", date(2013, 5, 1)),
    ("from August 2013 onwards", date(2013, 8, 1)),
    ("August 2013 onwards.", date(2013, 8, 1)),
    ("Quarterly contract monitoring, wef August 2013 onwards.", date(2013, 8, 1)),
    ("Completed – first weekly report wef 11/03/13.", date(2013, 3, 11)),
    ("Q3 2013/14 onwards", date(2013, 10, 1)),
    ("From the start of the Autumn term 2014", date(2014, 9, 1)),
]


@pytest.mark.parametrize("raw,due", DATES)
def test_dates(raw, due):
    assert (parse_timescale(raw).kind, parse_timescale(raw).due) == ("date", due)


@pytest.mark.parametrize("raw,due", MONTHS)
def test_months_are_due_on_their_last_day(raw, due):
    assert (parse_timescale(raw).kind, parse_timescale(raw).due) == ("month", due)


@pytest.mark.parametrize("raw,kind,due", SEVERAL)
def test_several_dates_the_latest_is_due(raw, kind, due):
    timescale = parse_timescale(raw)
    assert (timescale.kind, timescale.due) == (kind, due)
    assert len(timescale.parts) >= 2
    assert max(part.due for part in timescale.parts if part.due and part.kind in ("date", "month")) == due


@pytest.mark.parametrize("raw,due", QUARTERS)
def test_quarters(raw, due):
    assert (parse_timescale(raw).kind, parse_timescale(raw).due) == ("quarter", due)


@pytest.mark.parametrize("raw,due", [case for case in RELATIVE if case[1]])
def test_relative_due_from_the_anchor(raw, due):
    assert (parse_timescale(raw, ANCHOR).kind, parse_timescale(raw, ANCHOR).due) == ("relative", due)
    assert parse_timescale(raw).due is None


@pytest.mark.parametrize("raw", IMMEDIATE)
def test_immediate_is_due_at_the_anchor(raw):
    assert (parse_timescale(raw, ANCHOR).kind, parse_timescale(raw, ANCHOR).due) == ("immediate", ANCHOR)


@pytest.mark.parametrize("raw", ONGOING)
def test_ongoing(raw):
    assert (parse_timescale(raw, ANCHOR).kind, parse_timescale(raw, ANCHOR).due) == ("ongoing", None)


@pytest.mark.parametrize("raw", INVALID)
def test_impossible_dates_are_invalid(raw):
    assert (parse_timescale(raw).kind, parse_timescale(raw).due) == ("invalid", None)


@pytest.mark.parametrize("raw", UNKNOWN)
def test_text_without_a_date(raw):
    assert (parse_timescale(raw, ANCHOR).kind, parse_timescale(raw, ANCHOR).due) == ("unknown", None)


@pytest.mark.parametrize("raw,due", PERIODS)
def test_periods_are_due_at_their_end(raw, due):
    assert (parse_timescale(raw, ANCHOR).kind, parse_timescale(raw, ANCHOR).due) == ("quarter", due)


@pytest.mark.parametrize("raw,due", WEEK_COMMENCING)
def test_week_commencing_is_due_on_its_friday(raw, due):
    assert (parse_timescale(raw).kind, parse_timescale(raw).due) == ("date", due)


@pytest.mark.parametrize("raw,kind,due", LATEST_FIRM)
def test_firm_date_beside_recurring_or_interim_words(raw, kind, due):
    timescale = parse_timescale(raw, ANCHOR)
    assert (timescale.kind, timescale.due) == (kind, due)


@pytest.mark.parametrize("raw,start", STARTS)
def test_a_start_is_not_a_deadline(raw, start):
    timescale = parse_timescale(raw, ANCHOR)
    assert (timescale.kind, timescale.due) == ("ongoing", None)
    assert all(part.due is None for part in timescale.parts)
    assert (start_date(raw), is_start_date(raw)) == (start, True)


@pytest.mark.parametrize("raw", ["31/10/2012", "Within 3 months", "w/c 3 June 2013", "Ongoing", "", None])
def test_deadlines_are_not_starts(raw):
    assert (start_date(raw), is_start_date(raw)) == (None, False)


def test_a_period_counts_from_the_start_the_cell_states():
    timescale = parse_timescale("Within 6 weeks from 1 April 2013", ANCHOR)
    assert (timescale.kind, timescale.due) == ("relative", date(2013, 5, 13))


def test_periods_are_not_read_in_free_text():
    """dates_in (the "as at" and inspection dates of a document) reads firm dates only."""
    assert dates_in("Spring 2013 review under the Children Act 2004, by 2015, Improvement Plan 2014-2015") == []


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_missing(raw):
    assert parse_timescale(raw).kind == "missing"


def test_raw_is_kept_as_written():
    assert parse_timescale("End of April 2013.").raw == "End of April 2013."


def test_results_do_not_depend_on_today():
    """dateparser is pinned (RELATIVE_BASE, DATE_ORDER, PREFER_DAY_OF_MONTH): same answer every day."""
    assert parse_timescale("June 14, 2012").due == date(2012, 6, 14)
    assert parse_timescale("6 months").due is None


@pytest.mark.parametrize("raw,done", [("Completed.", True), ("Complete", True), ("Completed by June", False), ("", False)])
def test_says_done(raw, done):
    assert says_done(raw) is done


def test_dates_in_free_text():
    found = dates_in("the January 2013 Ofsted Inspection – update for Committee 18th September 2013")
    assert sorted(due for _, due in found) == [date(2013, 1, 31), date(2013, 9, 18)]



@pytest.mark.parametrize("cell", ["A10", "C19", "Para 119", "2013", "Q3", "June 2012", "Para 17, 27, 44, 119",
                                  "14 June"])
def test_cells_that_cannot_hold_a_full_date_never_reach_dateparser(cell, monkeypatch):
    """dateparser is asked only for full dates (day, month and year): a cell with no
    month word and no number that could be a month, or without a day and a year, cannot
    be one. Refs and paragraph numbers went to it in every plan, loading it and costing
    a call each."""
    from actionplan.normalise import timescales

    def refuse():
        raise AssertionError(f"dateparser asked about {cell!r}")

    monkeypatch.setattr(timescales, "_date_parser", refuse)
    assert timescales._dateparser_due(cell) is None
