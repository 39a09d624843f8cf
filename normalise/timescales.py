"""Read a timescale cell ("End of April 2013.", "31/02/2013", "Within 3 months") into
a kind and a due date.

Deterministic rules first (they are exact and fast, and dateparser guesses where
we must not: it swaps impossible day/month pairs and reads "2012/13" as a date);
dateparser only for what the rules do not recognise, with its settings pinned so
the result never depends on today's date. Always day-first; a month alone is due
on its last day; a cell naming several dates is due on the latest of them.

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

Recurring timescales ("Monthly", "Quarterly", "Annually", "every 6 months", "twice a
year") are ``ongoing``: no due. Relative periods take number words ("within five weeks",
"within a month", "twenty-one days"), a range's longer end ("6-8 weeks") and hours.

A start ("wef April 2013", "from August 2013 onwards", "to commence April 2013",
"starting May 2013") is not a deadline: it is kept as an ``ongoing`` part with no due,
so an overdue check never uses it; ``start_date`` and ``is_start_date`` give it. Where
the cell also names an end ("from April 2013 to March 2014"), that end is due.
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
# A financial year on its own ("by 2013/14", "2012-13", "2013/2014"): due at its end, 31 March.
_FINANCIAL_YEAR = re.compile(r"\b(?P<start>(?:19|20)\d{2})\s*[/\-]\s*(?P<end>(?:19|20)\d{2}|\d{2})\b(?![/\-.]\d)")
_TAGS = re.compile(r"<[^>]+>")

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
_UNDATED_PERIOD = re.compile(
    r"\b(?:(?:spring|summer|autumn)\s+(?:half[\s\-]*)?term|(?:academic|school)\s+year|"
    r"(?:end|start|beginning)\s+of\s+(?:the\s+)?(?:spring|summer|autumn|winter))\b",
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

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUMBER = (
    r"(?:\d+|(?:" + "|".join(_TENS) + r")(?:[\s\-](?:" + "|".join(list(_NUMBER_WORDS)[:9]) + r"))?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|an?|a\s+couple\s+of|couple\s+of)"
)
_RELATIVE = re.compile(
    rf"\b(?:(?P<pre>within|in|over|after|inside)\s+(?:the\s+(?:next|first)\s+)?|(?:the\s+)?next\s+)?"
    rf"(?P<n>{_NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUMBER}))?[\s\-]+(?P<working>working[\s\-]+)?"
    r"(?P<unit>hour|day|week|fortnight|month|year)s?\b",
    re.I,
)
_IMMEDIATE = re.compile(r"\bimmediate(ly)?\b|\bwith immediate effect\b|\bforthwith\b", re.I)
_RECURRING = re.compile(
    r"\b(?:(?:every|each|per)\s+(?:(?:other|second|\d+|two|three|four|six|twelve)\s+)?"
    r"(?:day|week|fortnight|month|quarter|term|year|annum|meeting|cycle)s?|"
    r"(?:once|twice|(?:\d+|two|three|four)\s+times)\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|term|year)|"
    r"(?:\d+|two|three|four|six|twelve)[\s\-]*(?:weekly|monthly)|"
    r"on\s+an?\s+\w+\s+basis|half[\s\-]*yearly|bi[\s\-]*annual(?:ly)?|semi[\s\-]*annual(?:ly)?)\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(on[- ]?going|continuous(ly)?|continual(ly)?|daily|weekly|monthly|quarterly|annually|annual|yearly|termly|"
    r"bi-?monthly|bi-?weekly|fortnightly|as required|as needed|as and when|throughout|regularly|routinely|rolling|"
    r"thereafter)\b",
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


def _second_year(start: int, end: str) -> int | None:
    """The second year of "2013/14" or "2013-2014", or None where they do not follow on."""
    second = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return second if second == start + 1 else None


class _Found:
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


def _find_dates(text: str, periods: bool = False) -> _Found:
    """Firm dates; with ``periods`` (timescale cells) also seasons, terms, academic years
    and years after "by" / "end of", week-commencing dates and starts."""
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
                month = _MONTH_NAMES[match["month"].lower()[:3]]
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


def _find_periods(text: str, found: _Found) -> None:
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


def _week_commencing(text: str, found: _Found) -> None:
    """"w/c 3 June 2013": due on the Friday of that week."""
    for index, ((start, end), (position, kind, due)) in enumerate(zip(found.spans, found.parts)):
        if kind != "date" or due is None:
            continue
        marker = _WEEK_OF.search(text[:start])
        if marker:
            friday = due + timedelta(days=(4 - due.weekday()) % 7)
            found.spans[index] = (marker.start(), end)
            found.parts[index] = (marker.start(), kind, friday)


def _mark_starts(text: str, found: _Found) -> None:
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


def _flatten(text: str) -> str:
    return " ".join(_TAGS.sub(" ", text).split()).replace(" th ", "th ")


@lru_cache(maxsize=4096)
def _parse(text: str, anchor: date | None) -> Timescale:
    flat = _flatten(text)
    found = _find_dates(flat, periods=True)
    parts = [TimescalePart(text=flat[start:end], kind=kind, due=due) for (start, end), (_, kind, due)
             in zip(found.spans, found.parts)]
    starts = [start for start in found.starts if start is not None]
    start = min(starts) if starts else None
    # "within 6 weeks from 1 April 2013": a period counts from the start the cell states
    parts += _soft_parts(flat, found, start or anchor)
    parts.sort(key=lambda part: flat.find(part.text))
    if not parts and not _UNDATED_PERIOD.search(flat):
        fallback = _dateparser_due(flat)
        if fallback is not None:
            parts = [TimescalePart(text=flat, kind="date", due=fallback)]
    firm = [part for part in parts if part.kind in ("date", "month", "quarter") and part.due]
    if firm:  # several dates in one cell: the latest is the deadline
        chosen = max(firm, key=lambda part: part.due)
        return Timescale(raw=text, kind=chosen.kind, due=chosen.due, parts=parts if len(parts) > 1 else [],
                         starts=start)
    for kind in _SOFT_ORDER:
        soft = [part for part in parts if part.kind == kind]
        if soft:
            dues = [part.due for part in soft if part.due]
            return Timescale(raw=text, kind=kind, due=max(dues) if dues else None,
                             parts=parts if len(parts) > 1 else [], starts=start)
    return Timescale(raw=text, kind="unknown", due=None, starts=start)


def _number(text: str) -> int:
    words = " ".join(text.lower().replace("-", " ").split())
    if words.isdigit():
        return int(words)
    if words in ("a", "an"):
        return 1
    if "couple" in words:
        return 2
    tens, _, unit = words.partition(" ")
    if tens in _TENS:
        return _TENS[tens] + _NUMBER_WORDS.get(unit, 0)
    return _NUMBER_WORDS[words]


def _soft_parts(flat: str, found: "_Found", anchor: date | None) -> list[TimescalePart]:
    """Immediate, recurring, relative and ongoing phrases not inside a date already found."""
    parts = []
    for pattern, kind in ((_IMMEDIATE, "immediate"), (_RECURRING, "ongoing"), (_RELATIVE, "relative"),
                          (_ONGOING, "ongoing")):
        for match in pattern.finditer(flat):
            if not found.free(match):
                continue
            if kind == "relative" and match["n"].lower() in ("a", "an") and not match["pre"] \
                    and flat[:match.start()].strip():
                continue  # "within a month", "A fortnight"; "a year" inside prose is no period
            due = None
            if anchor is not None and kind == "immediate":
                due = anchor
            elif anchor is not None and kind == "relative":
                due = _after(anchor, match)
            found.spans.append(match.span())
            parts.append(TimescalePart(text=match.group(0), kind=kind, due=due))
    return parts


def _after(anchor: date, match: re.Match) -> date:
    """``anchor`` moved on by "3 months", "6 weeks", "20 working days" (of a range, the longer)."""
    n = max(_number(match["n"]), _number(match["n2"]) if match["n2"] else 0)
    unit = match["unit"].lower()
    if unit == "hour":
        return anchor + timedelta(days=-(-n // 24))
    if unit == "day" and match["working"]:
        return _add_working_days(anchor, n)
    if unit == "day":
        return anchor + timedelta(days=n)
    if unit in ("week", "fortnight"):
        return anchor + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
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


@lru_cache(maxsize=4096)
def _starts(text: str) -> tuple[date, ...]:
    found = _find_dates(_flatten(text), periods=True)
    return tuple(start for start in found.starts if start is not None)


def start_date(raw: str | None) -> date | None:
    """The date a timescale cell says the action starts or runs from ("wef April 2013"
    -> 1 April 2013, "from 11/03/13" -> 11 March 2013), or None. Never a deadline."""
    starts = _starts((raw or "").strip()) if raw and raw.strip() else ()
    return min(starts) if starts else None


def is_start_date(raw: str | None) -> bool:
    """A timescale cell that names a start ("wef April 2013", "August 2013 onwards")."""
    return start_date(raw) is not None


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
