"""What an inspection report says about itself: who inspected, when, when the report was
published, and the overall judgement where it gives one. Pure functions of paragraph text.
"""

from __future__ import annotations

import re
from datetime import date

from ..schema import InspectionDetails
from .dates import MONTH_NUMBERS, dates_in

_FRONT_MATTER = 40  # paragraphs read: the details sit on a report's first pages
_INSPECTORATES = [
    ("Ofsted", re.compile(r"\bOfsted\b|\bOffice for Standards in Education\b", re.I)),
    ("CQC", re.compile(r"\bCare Quality Commission\b|\bCQC\b")),
    ("HMI Probation", re.compile(r"\bHM Inspectorate of Probation\b|\bHMI Probation\b", re.I)),
    ("HMICFRS", re.compile(r"\bHMICFRS\b|\bHis Majesty's Inspectorate of Constabulary\b|"
                           r"\bHer Majesty's Inspectorate of Constabulary\b", re.I)),
]
_DATES_LABEL = re.compile(
    r"\b(?:dates?\s+of\s+(?:the\s+)?inspection|inspection\s+dates?|(?:inspection\s+)?visit\s+dates?)\b\s*:?", re.I
)
_PUBLISHED = re.compile(r"\b(?:report\s+)?published\b\s*:?\s*(?:on\s+)?", re.I)
# Ofsted's four grades, after "Overall effectiveness"; the SEND framework's three outcomes.
_GRADE = re.compile(
    r"\boverall\s+effectiveness\b\W{0,5}(?:(?:is|was|of\s+\w+\s+\w+\s+is)\s+)?"
    r"(outstanding|good|requires\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate)\b",
    re.I,
)
_SEND_OUTCOMES = [
    re.compile(r"typically lead to positive experiences and outcomes", re.I),
    re.compile(r"lead to inconsistent experiences and outcomes", re.I),
    re.compile(r"widespread and/or systemic failings", re.I),
]


def read_inspection(paragraphs: list[str]) -> InspectionDetails:
    """The details a report's front matter states; each None where it states none."""
    front = [" ".join(text.split()) for text in paragraphs[:_FRONT_MATTER]]
    text = " ".join(front)
    inspectorates = [name for name, pattern in _INSPECTORATES if pattern.search(text)]
    start = end = published = None
    for line in front:
        stated = stated_inspection_dates(line)
        if stated and end is None:
            start, end = stated
        stated = _PUBLISHED.search(line)
        if stated and published is None:
            found = [due for _, due in dates_in(line[stated.end():], kinds=("date",))]
            published = found[0] if found else None
    return InspectionDetails(
        inspectorates=inspectorates, inspection_start=start, inspection_end=end, published=published,
        judgement=_judgement(" ".join(" ".join(p.split()) for p in paragraphs)),
    )


def stated_inspection_dates(line: str) -> tuple[date | None, date | None] | None:
    """First and last day a labelled line states ("Inspection dates: 11 to 15 March 2024
    Report published: ..."), or None where the line has no such label."""
    label = _DATES_LABEL.search(line)
    if label is None:
        return None
    return _date_range(_PUBLISHED.split(line[label.end():], maxsplit=1)[0])


_RANGE = re.compile(r"^\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?P<month>[A-Za-z]+)?\s*(?:\d{4})?\s*(?:to|–|—|-)\s*")


def _date_range(text: str) -> tuple[date | None, date | None]:
    """First and last day of "11 to 15 March 2024", "20 June – 13 July 2017",
    "30 April 2014 – 21 May 2014": the range that opens the text, nothing after it."""
    found = dates_in(text, kinds=("date",))
    if not found:
        return None, None
    (first_start, first_end), first = found[0]
    opening = _RANGE.match(text)
    if opening and opening.end() <= first_start + 1 and not text[:first_start].strip().endswith(str(first.year)):
        # "11 to 15 March 2024": the first day shares the last day's month (unless named) and year
        month = MONTH_NUMBERS.get((opening["month"] or "")[:3].lower()) or first.month
        try:
            return date(first.year, month, int(opening["day"])), first
        except ValueError:
            return None, first
    if len(found) > 1 and re.fullmatch(r"\s*(?:to|–|—|-)\s*", text[first_end:found[1][0][0]]):
        return first, found[1][1]  # "30 April 2014 – 21 May 2014"
    return first, first


def _judgement(text: str) -> str | None:
    grade = _GRADE.search(text)
    if grade:
        return " ".join(grade.group(1).split()).capitalize()
    for pattern in _SEND_OUTCOMES:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None
