"""The dates a text names, each with its span, kind and due: day-first dates, months,
quarters and financial years; in a timescale cell also the periods below, week-commencing
dates and starts. timescales.py chooses a cell's due among them.

Periods longer than a month are due on their last day, with kind ``quarter``:

- seasons: spring -> 31 May, summer -> 31 August, autumn -> 30 November, winter ->
  the end of February of the next year ("Winter 2013" and "Winter 2013/14" -> 28 Feb 2014);
- school terms: autumn term -> 31 December, spring term -> 31 March (it ends at Easter),
  summer term -> 31 July; half terms: autumn -> 31 October, spring -> end of February,
  summer -> 31 May. With an academic year ("Spring term 2014/15") autumn is in its first
  year, spring and summer in its second;
- academic years ("2014/15 academic year", "AY 2014-15") -> 31 August of the second year;
- a year after "end of", "by", "during", "in", "late" -> 31 December; "early" -> 30 April,
  "mid" -> 31 August. A bare year is no timescale ("2013." cut from a longer cell).

A season, term or academic year with no year ("by end of summer term") has no due and
is ``unknown``. "w/c 3 June 2013" (week commencing; also "w/b", "week beginning") is due
on the Friday of that week, 7 June 2013.

A date written as a start ("wef April 2013", "August 2013 onwards") is kept with no due,
its start date apart.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..months import MONTH_NUMBERS

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
# A financial year on its own ("by 2013/14", "2012-13", "2013/2014"): due at its end, 31 March.
_FINANCIAL_YEAR = re.compile(r"\b(?P<start>(?:19|20)\d{2})\s*[/\-]\s*(?P<end>(?:19|20)\d{2}|\d{2})\b(?![/\-.]\d)")

# Periods (timescale cells only, never free text: "the Children Act 2004" is no date).
_SPLIT_YEAR = r"(?P<year>(?:19|20)\d{2})(?:\s*[/\-]\s*(?P<end>(?:19|20)\d{2}|\d{2})\b(?![/\-.]\d))?"
_SEASON_YEAR = rf"(?:{_SPLIT_YEAR}|'(?P<short>\d{{2}})\b)"
_TERM = re.compile(
    rf"\b(?P<season>spring|summer|autumn)\s+(?P<half>half[\s\-]*)?term\s*,?\s*(?:of\s+)?{_SEASON_YEAR}", re.I
)
_SEASON = re.compile(rf"\b(?P<season>spring|summer|autumn|winter)\s*,?\s*(?:of\s+)?{_SEASON_YEAR}", re.I)
_ACADEMIC_YEAR = re.compile(
    r"\b(?:(?:academic|school)\s+year\s+(?:of\s+)?|AY\s*)(?P<start>(?:19|20)\d{2})\s*[/\-]\s*(?P<end>(?:19|20)\d{2}|\d{2})\b"
    r"|\b(?P<start2>(?:19|20)\d{2})\s*[/\-]\s*(?P<end2>(?:19|20)\d{2}|\d{2})\s+(?:academic|school)\s+year\b",
    re.I,
)
_YEAR_ALONE = re.compile(
    r"\b(?:(?P<when>early|mid|late|end)(?:[\s\-]+of)?|by(?:\s+the\s+end\s+of)?|during|in|within|before)[\s\-]+"
    r"(?:the\s+)?(?:(?:calendar|year)\s+)?(?P<year>(?:19|20)\d{2})\b(?![/\-.]\d)",
    re.I,
)
# Season ends (month), and for terms and half terms.
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11}
_TERM_END = {"autumn": 12, "spring": 3, "summer": 7}
_HALF_TERM_END = {"autumn": 10, "spring": 2, "summer": 5}
_TERM_START = {"autumn": 9, "spring": 1, "summer": 4}
_WEEK_OF = re.compile(
    r"\b(?:w/[cb]|w\.[cb]\.?|week\s+(?:commencing|beginning|starting))\s*:?\s*(?:(?:mon(?:day)?)\.?,?\s+)?(?:the\s+)?$",
    re.I,
)
# A start, not a deadline: "wef April 2013", "from August 2013 onwards", "to commence April 2013".
_START_BEFORE = re.compile(
    r"(?:\b(?:w\.?e\.?f\.?|with\s+effect\s+from|effective\s+(?:from\s+)?|from|commenc(?:e|es|ed|ing)|"
    r"start(?:s|ed|ing)?|begin(?:s|ning)?|began|start\s+date)\s*[:\-–]?\s*(?:(?:on|in|from|by)\s+)?"
    r"(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?(?:the\s+)?)$",
    re.I,
)
_START_AFTER = re.compile(r"^\s*[,;]?\s*(?:and\s+)?(?:onwards?|on\s+wards|forwards?)\b", re.I)
_NOT_START_BEFORE = re.compile(r"\b(?:week|w/c|w/b)\s+(?:commencing|beginning|starting)\s*$", re.I)


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


def _second_year(start: int, end: str) -> int | None:
    """The second year of "2013/14" or "2013-2014", or None where they do not follow on."""
    second = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return second if second == start + 1 else None


class FoundDates:
    """Dates found in a cell: span, kind, due (None for an impossible date or a start),
    and the start date where the words make it a start rather than a deadline."""

    def __init__(self) -> None:
        self.parts: list[tuple[int, str, date | None]] = []
        self.spans: list[tuple[int, int]] = []
        self.starts: list[date | None] = []
        self.begins: list[date | None] = []

    def free(self, match: re.Match) -> bool:
        start, end = match.span()
        return all(end <= s or start >= e for s, e in self.spans)

    def add(self, match: re.Match, kind: str, due: date | None, begins: date | None = None) -> None:
        """``begins``: the first day of the period a quarter-kind part names (for a start)."""
        self.spans.append(match.span())
        self.parts.append((match.start(), kind, due))
        self.starts.append(None)
        self.begins.append(begins)


def find_dates(text: str, periods: bool = False) -> FoundDates:
    """Firm dates; with ``periods`` (timescale cells) also seasons, terms, academic years
    and years after "by" / "end of", week-commencing dates and starts."""
    found = FoundDates()
    for match in _ISO_DATE.finditer(text):
        found.add(match, *_checked(int(match["year"]), int(match["month"]), int(match["day"])))
    for match in _NUMERIC_DATE.finditer(text):
        if found.free(match):
            found.add(match, *_checked(_year(match["year"]), int(match["month"]), int(match["day"])))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            if found.free(match):
                month = MONTH_NUMBERS[match["month"].lower()[:3]]
                found.add(match, *_checked(_year(match["year"]), month, int(match["day"])))
    for match in _FY_QUARTER.finditer(text):
        if found.free(match):
            due = _fy_quarter_end(int(match["q"]), _year(match["start"]))
            found.add(match, "quarter", due, _months_before(due, 3))
    for match in _QUARTER.finditer(text):
        if found.free(match):
            quarter = int(match["q"])
            due = _month_end(int(match["year"]), quarter * 3)
            found.add(match, "quarter", due, _months_before(due, 3))
    if periods:
        _find_periods(text, found)
    for pattern in (_MONTH_YEAR, _MONTH_SHORT_YEAR):
        for match in pattern.finditer(text):
            if found.free(match):
                month = MONTH_NUMBERS[match["month"].lower()[:3]]
                found.add(match, "month", _month_end(_year(match["year"]), month))
    for match in _FINANCIAL_YEAR.finditer(text):
        start = int(match["start"])
        written_in_full = len(match["end"]) == 4  # "2013/2014": in free text more often a span of years
        if found.free(match) and _second_year(start, match["end"]) and (periods or not written_in_full):
            found.add(match, "quarter", date(start + 1, 3, 31), date(start, 4, 1))  # due at the end of its Q4
    if periods:
        _week_commencing(text, found)
        _mark_starts(text, found)
    return found


def _season_years(match: re.Match) -> tuple[int, int | None]:
    """The year a season or term is written with, and the second year of "2014/15"."""
    if match["short"]:
        return 2000 + int(match["short"]), None
    year = int(match["year"])
    return year, _second_year(year, match["end"]) if match["end"] else None


def _find_periods(text: str, found: FoundDates) -> None:
    for match in _ACADEMIC_YEAR.finditer(text):
        start = int(match["start"] or match["start2"])
        second = _second_year(start, match["end"] or match["end2"])
        if found.free(match) and second:
            found.add(match, "quarter", date(second, 8, 31), date(start, 9, 1))
    for match in _TERM.finditer(text):
        if not found.free(match):
            continue
        season = match["season"].lower()
        year, second = _season_years(match)
        if second is not None and season != "autumn":
            year = second  # spring and summer terms of 2014/15 are in 2015
        ends = _HALF_TERM_END if match["half"] else _TERM_END
        found.add(match, "quarter", _month_end(year, ends[season]), date(year, _TERM_START[season], 1))
    for match in _SEASON.finditer(text):
        if not found.free(match):
            continue
        season = match["season"].lower()
        year, second = _season_years(match)
        if season == "winter":  # December to February: due at the end of February
            due = _month_end(second or year + 1, 2)
        else:
            due = _month_end(second if second is not None and season != "autumn" else year, _SEASON_END[season])
        found.add(match, "quarter", due, _months_before(due, 3))
    for match in _YEAR_ALONE.finditer(text):
        if not found.free(match):
            continue
        when = (match["when"] or "").lower()
        month = {"early": 4, "mid": 8}.get(when, 12)
        begins = {"early": 1, "mid": 5, "late": 9, "end": 12}.get(when, 1)
        found.add(match, "quarter", _month_end(int(match["year"]), month), date(int(match["year"]), begins, 1))


def _week_commencing(text: str, found: FoundDates) -> None:
    """"w/c 3 June 2013": due on the Friday of that week."""
    for index, ((start, end), (position, kind, due)) in enumerate(zip(found.spans, found.parts)):
        if kind != "date" or due is None:
            continue
        marker = _WEEK_OF.search(text[:start])
        if marker:
            friday = due + timedelta(days=(4 - due.weekday()) % 7)
            found.spans[index] = (marker.start(), end)
            found.parts[index] = (marker.start(), kind, friday)


def _mark_starts(text: str, found: FoundDates) -> None:
    """Dates written as a start ("wef April 2013", "August 2013 onwards") lose their due."""
    for index, ((start, end), (position, kind, due)) in enumerate(zip(found.spans, found.parts)):
        if due is None or kind not in ("date", "month", "quarter"):
            continue
        before = text[max(0, start - 60):start]
        if _NOT_START_BEFORE.search(before):
            continue
        marker = _START_BEFORE.search(before)
        after = _START_AFTER.match(text[end:])
        if not (marker and marker.group(0).strip()) and not after:
            continue
        new_start = start - len(marker.group(0)) if marker and marker.group(0).strip() else start
        new_end = end + after.end() if after else end
        found.spans[index] = (new_start, new_end)
        found.parts[index] = (new_start, "ongoing", None)
        found.starts[index] = due if kind == "date" else found.begins[index] or due.replace(day=1)


def _months_before(due: date, months: int) -> date:
    """The first day of the ``months``-month period that ends on ``due``."""
    return (due.replace(day=1) - relativedelta(months=months - 1))


def _checked(year: int, month: int, day: int) -> tuple[str, date | None]:
    try:
        return "date", date(year, month, day)
    except ValueError:
        return "invalid", None


def dates_in(text: str, kinds: tuple[str, ...] = ("date", "month", "quarter")) -> list[tuple[tuple[int, int], date]]:
    """Each firm date of the given kinds in free text with its span: for context."""
    found = find_dates(text)
    return [(span, due) for span, (_, kind, due) in zip(found.spans, found.parts) if due is not None and kind in kinds]
