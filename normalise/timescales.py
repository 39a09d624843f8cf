"""Read a timescale cell ("End of April 2013.", "31/02/2013", "Within 3 months") into
a kind and a due date.

Deterministic rules first (they are exact and fast, and dateparser guesses where
we must not: it swaps impossible day/month pairs and reads "2012/13" as a date);
dateparser only for what the rules do not recognise, with its settings pinned so
the result never depends on today's date. Always day-first; a month alone is due
on its last day; a cell naming several dates is due on the latest of them.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..schema import Timescale, TimescalePart

_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2})"
_DAY = r"(?P<day>[0-3]?\d)\s*(?:st|nd|rd|th)?"

_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s+{_YEAR}\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s*,?\s*{_YEAR}\b", re.I)
_MONTH_SHORT_YEAR = re.compile(rf"\b{_MONTH}[\-/ ](?P<year>\d{{2}})\b(?![/.:\-]\d)", re.I)  # "Mar-13", "Sept 14"
_QUARTER_WORD = r"(?:Q|quarter\s*)(?P<q>[1-4])"
_FY_QUARTER = re.compile(
    rf"\b{_QUARTER_WORD}\s*(?:of\s+)?(?P<start>(?:19|20)?\d{{2}})\s*[/\-~]\s*(?P<end>\d{{2}}|\d{{4}})\b", re.I
)
_QUARTER = re.compile(rf"\b{_QUARTER_WORD}\s*(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b", re.I)
# A financial year on its own ("by 2013/14", "2012-13"): due at its end, 31 March.
_FINANCIAL_YEAR = re.compile(r"\b(?P<start>(?:19|20)\d{2})\s*[/\-]\s*(?P<end>\d{2})\b(?![/\-.]\d)")
_TAGS = re.compile(r"<[^>]+>")
_RELATIVE = re.compile(
    r"\b(?:within\s+)?(?P<n>\d+|one|two|three|four|six|nine|twelve|eighteen)\s+(?P<working>working\s+)?"
    r"(?P<unit>day|week|month|year)s?\b",
    re.I,
)
_IMMEDIATE = re.compile(r"\bimmediate(ly)?\b|\bwith immediate effect\b|\bforthwith\b", re.I)
_ONGOING = re.compile(
    r"\b(on[- ]?going|continuous(ly)?|continual|monthly|quarterly|weekly|annually|termly|"
    r"bi-?monthly|fortnightly|as required|throughout)\b",
    re.I,
)
_DONE = re.compile(r"^\W*(completed?|achieved|done|in place)\W*$", re.I)


def _year(text: str) -> int:
    text = text.lstrip("'")
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy_quarter_end(quarter: int, start_year: int) -> date:
    """UK financial year: Q1 = April-June ... Q4 = January-March of the next year."""
    if quarter == 4:
        return date(start_year + 1, 3, 31)
    return _month_end(start_year, 3 + quarter * 3)


class _Found:
    """Dates found in a cell: (position, kind, due or None for an impossible date)."""

    def __init__(self) -> None:
        self.parts: list[tuple[int, str, date | None]] = []
        self.spans: list[tuple[int, int]] = []

    def free(self, match: re.Match) -> bool:
        start, end = match.span()
        return all(end <= s or start >= e for s, e in self.spans)

    def add(self, match: re.Match, kind: str, due: date | None) -> None:
        self.spans.append(match.span())
        self.parts.append((match.start(), kind, due))


def _find_dates(text: str) -> _Found:
    found = _Found()
    for match in _ISO_DATE.finditer(text):
        found.add(match, *_checked(int(match["year"]), int(match["month"]), int(match["day"])))
    for match in _NUMERIC_DATE.finditer(text):
        if found.free(match):
            found.add(match, *_checked(_year(match["year"]), int(match["month"]), int(match["day"])))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            if found.free(match):
                month = _MONTH_NAMES[match["month"].lower()[:3]]
                found.add(match, *_checked(_year(match["year"]), month, int(match["day"])))
    for match in _FY_QUARTER.finditer(text):
        if found.free(match):
            found.add(match, "quarter", _fy_quarter_end(int(match["q"]), _year(match["start"])))
    for match in _QUARTER.finditer(text):
        if found.free(match):
            quarter = int(match["q"])
            found.add(match, "quarter", _month_end(int(match["year"]), quarter * 3))
    for pattern in (_MONTH_YEAR, _MONTH_SHORT_YEAR):
        for match in pattern.finditer(text):
            if found.free(match):
                month = _MONTH_NAMES[match["month"].lower()[:3]]
                found.add(match, "month", _month_end(_year(match["year"]), month))
    for match in _FINANCIAL_YEAR.finditer(text):
        start = int(match["start"])
        if found.free(match) and int(match["end"]) == (start + 1) % 100:
            found.add(match, "quarter", date(start + 1, 3, 31))  # the end of its Q4
    return found


def _checked(year: int, month: int, day: int) -> tuple[str, date | None]:
    try:
        return "date", date(year, month, day)
    except ValueError:
        return "invalid", None


def parse_timescale(raw: str | None, anchor: date | None = None) -> Timescale:
    """Kind and due date of a timescale cell; ``raw`` is kept as written.

    ``anchor`` (the inspection or report date) gives relative and immediate
    timescales a due date; without it they have none.
    """
    text = (raw or "").strip()
    if not text:
        return Timescale(raw=raw or None, kind="missing", due=None)
    return _parse(text, anchor)


# The kind a cell is given when it names no firm date, strongest claim first.
_SOFT_ORDER = ("invalid", "immediate", "relative", "ongoing")


@lru_cache(maxsize=4096)
def _parse(text: str, anchor: date | None) -> Timescale:
    flat = " ".join(_TAGS.sub(" ", text).split()).replace(" th ", "th ")
    found = _find_dates(flat)
    parts = [TimescalePart(text=flat[start:end], kind=kind, due=due) for (start, end), (_, kind, due)
             in zip(found.spans, found.parts)]
    parts += _soft_parts(flat, found, anchor)
    parts.sort(key=lambda part: flat.find(part.text))
    if not parts:
        fallback = _dateparser_due(flat)
        if fallback is not None:
            parts = [TimescalePart(text=flat, kind="date", due=fallback)]
    firm = [part for part in parts if part.kind in ("date", "month", "quarter") and part.due]
    if firm:  # several dates in one cell: the latest is the deadline
        chosen = max(firm, key=lambda part: part.due)
        return Timescale(raw=text, kind=chosen.kind, due=chosen.due, parts=parts if len(parts) > 1 else [])
    for kind in _SOFT_ORDER:
        soft = [part for part in parts if part.kind == kind]
        if soft:
            dues = [part.due for part in soft if part.due]
            return Timescale(raw=text, kind=kind, due=max(dues) if dues else None, parts=parts if len(parts) > 1 else [])
    return Timescale(raw=text, kind="unknown", due=None)


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18}


def _soft_parts(flat: str, found: "_Found", anchor: date | None) -> list[TimescalePart]:
    """Immediate, relative and ongoing phrases not inside a date already found."""
    parts = []
    for pattern, kind in ((_IMMEDIATE, "immediate"), (_RELATIVE, "relative"), (_ONGOING, "ongoing")):
        for match in pattern.finditer(flat):
            if not found.free(match):
                continue
            due = None
            if anchor is not None and kind == "immediate":
                due = anchor
            elif anchor is not None and kind == "relative":
                due = _after(anchor, match)
            found.spans.append(match.span())
            parts.append(TimescalePart(text=match.group(0), kind=kind, due=due))
    return parts


def _after(anchor: date, match: re.Match) -> date:
    """``anchor`` moved on by "3 months", "6 weeks", "20 working days"."""
    count = match["n"].lower()
    n = _NUMBERS[count] if count in _NUMBERS else int(count)
    unit = match["unit"].lower()
    if unit == "day" and match["working"]:
        return _add_working_days(anchor, n)
    if unit == "day":
        return anchor + timedelta(days=n)
    if unit == "week":
        return anchor + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    return anchor + relativedelta(months=months)  # clips 31 Jan + 1 month to 28/29 Feb


def _add_working_days(start: date, days: int) -> date:
    """Monday to Friday only; bank holidays are not known here."""
    current = start
    while days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def dates_in(text: str) -> list[tuple[tuple[int, int], date]]:
    """Each firm date (date, month, quarter) in free text with its span: for context."""
    found = _find_dates(text)
    return [(span, due) for span, (_, _, due) in zip(found.spans, found.parts) if due is not None]


def says_done(raw: str | None) -> bool:
    """A timescale cell that only says the action is done ("Completed.")."""
    return bool(raw and _DONE.match(raw.strip()))


_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "last",
    "PREFER_DATES_FROM": "future",
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_DATEPARSER_SETTINGS)


def _dateparser_due(text: str) -> date | None:
    """Full dates in forms the rules do not cover ("June 14 2012", "the 3rd of May 2012")."""
    if not re.search(r"\d", text) or len(text) > 60:
        return None
    result = _date_parser().get_date_data(text)
    return result.date_obj.date() if result and result.date_obj else None
