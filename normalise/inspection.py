"""What an inspection report says about itself: who inspected, which council or local area
partnership, when, when the report was published, and the overall judgement where it gives
one. Pure functions of the report's lines (its paragraphs and its table rows, in order: the
judgement and the area SEND outcome sit in boxed tables on the first page).
"""

from __future__ import annotations

import re
from datetime import date

from ..extract.base import Document, Paragraph, Table
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
# The 2014-2017 single inspection framework states it in a sentence on its first page:
# "The overall judgement is that children's services require improvement",
# "Children's services in Slough are inadequate".
_SIF_GRADE = re.compile(
    r"\b(?:overall\s+judgement\s+is\s+(?:that\s+)?|children\W{0,3}s\s+services\s+(?:in\s+[\w\s,-]{1,60}?\s+)?)"
    r"(?:children\W{0,3}s\s+services\s+)?(?:are\s+|is\s+)?"
    r"(outstanding|good|inadequate|adequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\b",
    re.I,
)
_SEND_OUTCOMES = [
    re.compile(r"typically\s+lead\s+to\s+positive\s+experiences\s+and\s+outcomes", re.I),
    re.compile(r"lead\s+to\s+inconsistent\s+experiences\s+and\s+outcomes", re.I),
    re.compile(r"widespread\s+and/or\s+systemic\s+failings", re.I),
]
# Who was inspected, as the title names them: "Inspection of Rochdale local authority
# children's services", "Area SEND inspection of Gateshead Local Area Partnership"; the
# older templates put the council's name on a line of its own ("Warrington Borough Council").
_NAMED_IN_TITLE = [
    re.compile(r"\binspection\s+of\s+(?P<name>.+?)\s+local\s+authority\s+children", re.I),
    re.compile(r"\binspection\s+of\s+(?P<name>.+?\s+local\s+area\s+partnership)\b", re.I),
]
_COUNCIL = re.compile(r"\b(?:council|borough|county|city|district|metropolitan)\b", re.I)
_TITLE_LINES = 4  # the lines at a report's top where it names whom it inspected
_NAME_WORDS = 8


def read_inspection(paragraphs: list[str]) -> InspectionDetails:
    """The details a report states; each None where it states none. ``paragraphs``: its
    lines in order (paragraphs, and table rows with their cells joined by spaces)."""
    lines = [_tidy(text) for text in paragraphs]
    front = lines[:_FRONT_MATTER]
    # An inspectorate is named anywhere (the 2018- templates name Ofsted and the CQC in
    # the closing "Information about this inspection", not on the first page).
    inspectorates = [name for name, pattern in _INSPECTORATES if pattern.search(" ".join(lines))]
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
        inspectorates=inspectorates, local_authority=_inspected(front[:_TITLE_LINES]),
        inspection_start=start, inspection_end=end, published=published,
        judgement=_judgement(" ".join(front)) or _judgement(" ".join(lines)),
    )


def report_lines(document: Document) -> list[str]:
    """A document's paragraphs and table rows (cells joined by spaces), in order."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(" ".join(cell.text for cell in row.cells if cell.text) for row in block.rows)
    return lines


def _tidy(text: str) -> str:
    """One line, with PDF spacing inside words undone ("children ’ s", "His M ajesty’s")."""
    text = re.sub(r"\s*([’'])\s*s\b", r"\1s", " ".join(text.split()))
    return re.sub(r"(?<=\w)- (?=[A-Z])", "-", text)  # "Stoke-on- Trent": a name hyphenated at a line end


def _inspected(top: list[str]) -> str | None:
    """The council or local area partnership the report's title names."""
    joined = _tidy(" ".join(top))
    for pattern in _NAMED_IN_TITLE:
        found = pattern.search(joined)
        if found and len(found["name"].split()) <= _NAME_WORDS:
            return found["name"].strip()
    for position, line in enumerate(top):
        if len(line.split()) > _NAME_WORDS or ":" in line or line.lower().startswith(("inspection", "review", "and")):
            continue
        if _COUNCIL.search(line) or (position + 1 < len(top) and top[position + 1].lower().startswith("inspection of")):
            return line.rstrip(" .")  # "Kent County Council"; "Cambridgeshire" above "Inspection of ..."
    return None


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
    grade = _SIF_GRADE.search(text)
    if grade:
        words = " ".join(grade.group(1).lower().split())  # "require improvement to be good"
        return re.sub(r"^requires?\b", "requires", words).capitalize()
    for pattern in _SEND_OUTCOMES:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None
