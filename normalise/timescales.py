"""Read a timescale cell ("End of April 2013.", "31/02/2013", "Within 3 months") into
a kind and a due date.

Deterministic rules first (they are exact and fast, and dateparser guesses where
we must not: it swaps impossible day/month pairs and reads "2012/13" as a date);
dateparser only for what the rules do not recognise, with its settings pinned so
the result never depends on today's date. Always day-first; a month alone is due
on its last day; a cell naming several dates is due on the latest of them.

Which dates a cell names (firm dates, seasons, terms, academic years, week-commencing
dates, starts) is read by dates.py; this module chooses among them.

Recurring timescales ("Monthly", "Quarterly", "Annually", "every 6 months", "twice a
year") are ``ongoing``: no due. Relative periods take number words ("within five weeks",
"within a month", "twenty-one days"), a range's longer end ("6-8 weeks") and hours.
The number words and the ongoing / done phrases are data: ``timescales.toml`` beside
this module, which a user's file of the same shape extends (``--timescales FILE``).

A start ("wef April 2013", "from August 2013 onwards", "to commence April 2013",
"starting May 2013") is not a deadline: it is kept as an ``ongoing`` part with no due,
so an overdue check never uses it; ``start_date`` and ``is_start_date`` give it. Where
the cell also names an end ("from April 2013 to March 2014"), that end is due.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ..months import MONTH_NUMBERS
from ..schema import Timescale, TimescalePart
from ..toml_files import read_overlaid
from .dates import FoundDates, find_dates

_TAGS = re.compile(r"<[^<>]+>")  # no "<" inside: "<a " repeated is read once, not once per "<"
# A season, term or academic year without its year: no due, and no guess by dateparser.
_UNDATED_PERIOD = re.compile(
    r"\b(?:(?:spring|summer|autumn)\s+(?:half[\s\-]*)?term|(?:academic|school)\s+year|"
    r"(?:end|start|beginning)\s+of\s+(?:the\s+)?(?:spring|summer|autumn|winter))\b",
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
VOCABULARY_FILE = Path(__file__).with_name("timescales.toml")


@dataclass(frozen=True, eq=False)  # hashed by identity: parsed timescales are cached per vocabulary
class Vocabulary:
    """Number words and the ongoing / done phrases, compiled."""

    numbers: dict[str, int]  # "five" -> 5, "a couple of" -> 2
    tens: dict[str, int]  # "twenty" -> 20
    relative: re.Pattern  # "within 3 months", "six to eight weeks", "20 working days"
    ongoing: re.Pattern
    done: re.Pattern  # the whole cell

    def number(self, text: str) -> int:
        words = " ".join(text.lower().replace("-", " ").split())
        if words.isdigit():
            return int(words)
        if words in ("a", "an"):
            return 1
        tens, _, unit = words.partition(" ")
        if tens in self.tens:
            return self.tens[tens] + self.numbers.get(unit, 0)
        return self.numbers[words]


_ANY_SPACE = r"\s+"


def _alternatives(phrases, space: str = " ") -> str:
    """Phrases as a regex alternation, longest first; ``space`` is what a space in a phrase
    matches (timescale cells are read flattened to single spaces)."""
    return "|".join(space.join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def load_vocabulary(path: Path = VOCABULARY_FILE, extra: Path | None = None) -> Vocabulary:
    """The shipped vocabulary, optionally extended by a user's TOML file of the same shape."""
    data = read_overlaid(path, extra)
    source = extra or path
    try:
        numbers = {" ".join(k.lower().replace("-", " ").split()): int(v) for k, v in data.get("numbers", {}).items()}
        tens = {k.lower().strip(): int(v) for k, v in data.get("tens", {}).items()}
    except (TypeError, ValueError) as error:
        raise ValueError(f"{source}: a number word's value must be a whole number (five = 5)") from error
    phrases = data.get("phrases", {})
    ongoing, done = phrases.get("ongoing", []), phrases.get("done", [])
    # Tens take a unit word of one to nine ("twenty-one"): the single words below ten.
    units = [word for word, value in numbers.items() if value < 10 and " " not in word]
    number = (rf"(?:\d+|(?:{_alternatives(tens) or '(?!)'})(?:[\s\-](?:{_alternatives(units) or '(?!)'}))?|"
              rf"{_alternatives(numbers, _ANY_SPACE) or '(?!)'}|an?)")
    relative = re.compile(
        rf"\b(?:(?P<pre>within|in|over|after|inside)\s+(?:the\s+(?:next|first)\s+)?|(?:the\s+)?next\s+)?"
        rf"(?P<n>{number})(?:\s*(?:-|–|to|or)\s*(?P<n2>{number}))?[\s\-]+(?P<working>working[\s\-]+)?"
        r"(?P<unit>hour|day|week|fortnight|month|year)s?\b",
        re.I,
    )
    return Vocabulary(
        numbers, tens, relative,
        re.compile(rf"\b(?:{_alternatives(ongoing) or '(?!)'})\b", re.I),
        re.compile(rf"^\W*(?:{_alternatives(done) or '(?!)'})\W*$", re.I),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()


def parse_timescale(raw: str | None, anchor: date | None = None, vocabulary: Vocabulary | None = None) -> Timescale:
    """Kind and due date of a timescale cell; ``raw`` is kept as written.

    ``anchor`` (the inspection or report date) gives relative and immediate
    timescales a due date; without it they have none. ``vocabulary``: number words and
    ongoing phrases (timescales.toml, or a user's extension of it).
    """
    text = (raw or "").strip()
    if not text:
        return Timescale(raw=raw or None, kind="missing", due=None)
    return _parse(text, anchor, vocabulary or default_vocabulary())


# The kind a cell is given when it names no firm date, strongest claim first.
_SOFT_ORDER = ("invalid", "immediate", "relative", "ongoing")


def _flatten(text: str) -> str:
    return " ".join(_TAGS.sub(" ", text).split()).replace(" th ", "th ")


@lru_cache(maxsize=4096)
def _parse(text: str, anchor: date | None, vocabulary: Vocabulary) -> Timescale:
    flat = _flatten(text)
    found = find_dates(flat, periods=True)
    parts = [TimescalePart(text=flat[start:end], kind=kind, due=due) for (start, end), (_, kind, due)
             in zip(found.spans, found.parts)]
    starts = [start for start in found.starts if start is not None]
    start = min(starts) if starts else None
    # "within 6 weeks from 1 April 2013": a period counts from the start the cell states
    parts += _soft_parts(flat, found, start or anchor, vocabulary)
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


def _soft_parts(flat: str, found: "FoundDates", anchor: date | None, vocabulary: Vocabulary) -> list[TimescalePart]:
    """Immediate, recurring, relative and ongoing phrases not inside a date already found."""
    parts = []
    for pattern, kind in ((_IMMEDIATE, "immediate"), (_RECURRING, "ongoing"), (vocabulary.relative, "relative"),
                          (vocabulary.ongoing, "ongoing")):
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
                due = _after(anchor, match, vocabulary)
            found.spans.append(match.span())
            parts.append(TimescalePart(text=match.group(0), kind=kind, due=due))
    return parts


def _after(anchor: date, match: re.Match, vocabulary: Vocabulary) -> date | None:
    """``anchor`` moved on by "3 months", "6 weeks", "20 working days" (of a range, the
    longer); None where that is past the calendar's end ("within 9999 years")."""
    try:
        n = max(vocabulary.number(match["n"]), vocabulary.number(match["n2"]) if match["n2"] else 0)
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
    except (OverflowError, ValueError):  # past year 9999, or more digits than int() reads
        return None


def _add_working_days(start: date, days: int) -> date:
    """Monday to Friday only; bank holidays are not known here. Any 7 days in a row hold 5
    working days, so whole weeks are added at once and at most 5 days are counted after."""
    weeks, rest = divmod(days, 5)
    if weeks and not rest:  # end on the 5th working day of the last week, not the 7th day
        weeks, rest = weeks - 1, 5
    current = start + timedelta(weeks=weeks)
    while rest:
        current += timedelta(days=1)
        if current.weekday() < 5:
            rest -= 1
    return current


@lru_cache(maxsize=4096)
def _starts(text: str) -> tuple[date, ...]:
    found = find_dates(_flatten(text), periods=True)
    return tuple(start for start in found.starts if start is not None)


def start_date(raw: str | None) -> date | None:
    """The date a timescale cell says the action starts or runs from ("wef April 2013"
    -> 1 April 2013, "from 11/03/13" -> 11 March 2013), or None. Never a deadline."""
    starts = _starts((raw or "").strip()) if raw and raw.strip() else ()
    return min(starts) if starts else None


def is_start_date(raw: str | None) -> bool:
    """A timescale cell that names a start ("wef April 2013", "August 2013 onwards")."""
    return start_date(raw) is not None


def says_done(raw: str | None, vocabulary: Vocabulary | None = None) -> bool:
    """A timescale cell that only says the action is done ("Completed.")."""
    return bool(raw and (vocabulary or default_vocabulary()).done.match(raw.strip()))


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


_MONTH_WORD = re.compile(rf"\b({'|'.join(MONTH_NUMBERS)})", re.I)  # the month table in months.py


def _may_hold_full_date(text: str) -> bool:
    """Whether a cell could hold a day, a month and a year, as dateparser is asked to find
    them: a month word with two numbers (the day and the year), three numbers one of which
    could be a month, or one run of digits holding all three ("20120614"). Refs ("A10")
    and paragraph lists ("Para 17, 27, 44") fail at once: dateparser (slow to load, slow
    per call) never sees them."""
    numbers = re.findall(r"\d+", text)
    if any(len(number) >= 6 for number in numbers):
        return True
    if _MONTH_WORD.search(text):
        return len(numbers) >= 2
    return len(numbers) >= 3 and any(1 <= int(number) <= 12 for number in numbers if len(number) <= 2)


def _dateparser_due(text: str) -> date | None:
    """Full dates in forms the rules do not cover ("June 14 2012", "the 3rd of May 2012")."""
    if len(text) > 60 or not _may_hold_full_date(text):
        return None
    result = _date_parser().get_date_data(text)
    return result.date_obj.date() if result and result.date_obj else None
