from datetime import date

import pytest

from actionplan.normalise.timescales import parse_timescale, says_done

CASES = [
    # dates, day first, two-digit years are 20xx
    ("31/10/2012", "date", date(2012, 10, 31)),
    ("31/12/12", "date", date(2012, 12, 31)),
    ("1.4.13", "date", date(2013, 4, 1)),
    ("2012-06-30", "date", date(2012, 6, 30)),
    ("14th June 2012", "date", date(2012, 6, 14)),
    ("14 th June 2012", "date", date(2012, 6, 14)),
    ("25th February 2012", "date", date(2012, 2, 25)),
    ("1st March 2012", "date", date(2012, 3, 1)),
    ("June 14, 2012", "date", date(2012, 6, 14)),
    ("Completed – first weekly report wef 11/03/13.", "date", date(2013, 3, 11)),
    # months: due on the last day
    ("June 2012", "month", date(2012, 6, 30)),
    ("Sept 2012", "month", date(2012, 9, 30)),
    ("February 2013.", "month", date(2013, 2, 28)),
    ("End of April 2013.", "month", date(2013, 4, 30)),
    ("by end March 2014", "month", date(2014, 3, 31)),
    ("Report to CMT in April 2013.", "month", date(2013, 4, 30)),
    ("To commence wef April 2013.", "month", date(2013, 4, 30)),
    ("August 2013 onwards.", "month", date(2013, 8, 31)),
    ("During Q3 (by end of December 2013).", "month", date(2013, 12, 31)),
    ("Jan 2013", "month", date(2013, 1, 31)),
    # several dates in one cell: the latest firm one
    ("December 2012 Within 3 months", "month", date(2012, 12, 31)),
    ("May 2012 Ongoing Ongoing", "month", date(2012, 5, 31)),
    ("February 2012 June 2012", "month", date(2012, 6, 30)),
    ("1st March 2012\nMarch 2012 Letters requesting initial assessment.", "month", date(2012, 3, 31)),
    # quarters: UK financial year (Q1 = April-June) when written 2013/14
    ("Q3 2013/14", "quarter", date(2013, 12, 31)),
    ("Q1 2013-14", "quarter", date(2013, 6, 30)),
    ("Q4 2013/14", "quarter", date(2014, 3, 31)),
    ("Q2 2013", "quarter", date(2013, 6, 30)),
    # relative, immediate, ongoing: no due date without an anchor
    ("Within 3 months", "relative", None),
    ("6 months", "relative", None),
    ("within 20 working days", "relative", None),
    ("Immediate", "immediate", None),
    ("With immediate effect", "immediate", None),
    ("Ongoing", "ongoing", None),
    ("On-going", "ongoing", None),
    ("Monthly", "ongoing", None),
    ("Quarterly reports.", "ongoing", None),
    # impossible dates
    ("31/02/2013", "invalid", None),
    ("30/02/2014", "invalid", None),
    # no date at all
    ("Timescale to be determined following CMT discussion.", "unknown", None),
    ("Review dates to be confirmed.", "unknown", None),
    ("Completed.", "unknown", None),
    ("", "missing", None),
    (None, "missing", None),
]


@pytest.mark.parametrize("raw,kind,due", CASES)
def test_timescale(raw, kind, due):
    timescale = parse_timescale(raw)
    assert (timescale.kind, timescale.due) == (kind, due)


def test_raw_is_kept_as_written():
    assert parse_timescale("End of April 2013.").raw == "End of April 2013."


@pytest.mark.parametrize("raw,done", [("Completed.", True), ("Complete", True), ("Completed by June", False), ("", False)])
def test_says_done(raw, done):
    assert says_done(raw) is done
