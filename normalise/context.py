"""What the text around the tables says: the plan's title, its "progress as at"
date, sections, and recommendations stated above their action tables
(stockton-style: "Recommendation No. 3 ..." then the recommendation, then its
outcomes, then a table of actions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import dates_in
from .glossary import acronym_definitions, glossary_entries
from .headings import default_table
from .inspection import stated_inspection_dates
from .timescales import parse_timescale

_APPENDIX_ONLY = re.compile(r"^(appendix|annex|annexe|enclosure)\s*[\w.]*:?$", re.I)
# "Recommendation No. 3 – for immediate improvement", "Area for improvement 2",
# "Area for priority action 1: Leaders should ...": a label the heading vocabulary knows
# as a recommendation, then its number, then perhaps its words.
_NUMBERED_LABEL = re.compile(
    r"^(?P<label>[A-Za-z][A-Za-z' ]{1,60}?)\s*(?:no\.?|number)?\s*(?P<ref>\d{1,3}[a-z]?)\b\s*[-–:.)]?\s*(?P<rest>.*)$",
    re.I,
)


# Labels that open a numbered recommendation only as a heading with a number ("Priority 2"):
# over a column, "Priority" is a priority level (High / Medium / Low), so it is no heading.
_NUMBERED_ONLY_LABELS = {"priority", "key priority", "improvement priority", "strategic priority"}


def recommendation_marker(text: str) -> tuple[str, str] | None:
    """(number, words) where a line opens a numbered recommendation, else None."""
    found = _NUMBERED_LABEL.match(" ".join(text.split()))
    if found and (default_table().match(found["label"]) == "recommendation"
                  or " ".join(found["label"].lower().split()) in _NUMBERED_ONLY_LABELS):
        words = found["rest"].strip()
        # "... No. 3 – for immediate improvement" qualifies the label; words of the
        # recommendation itself start a sentence.
        return found["ref"], words if words[:1].isupper() else ""
    return None
_OUTCOME_HEADING = re.compile(r"^outcomes?\b\s*[:\-–]?", re.I)
# The words next to which a plan states the date its relative timescales count from.
_INSPECTION = re.compile(r"\binspect(ion|ed)\b|\bvisit(ed)?\b|\bpublished\b|\bpublication\b|\breport\s+date\b", re.I)
_NEAR = 45  # characters between a date and the word "inspection" for it to be the inspection's date
_AS_OF = re.compile(
    r"(progress\s+as\s+at|as\s+at|as\s+of|date\s*/\s*version|version\s+date|updated?\s+(?:for|on|at)?)"
    r"(?P<rest>.*)$",
    re.I,
)


@dataclass
class Context:
    """State carried from the text above a table to the rows below it."""

    title: str | None = None
    as_of: date | None = None
    anchor: date | None = None  # the inspection's date, when the text states it
    glossary: dict[str, str] = field(default_factory=dict)  # initials the document defines
    acronyms: dict[str, str] = field(default_factory=dict)  # "LSCB" -> "Local Safeguarding Children Board"
    section: str | None = None
    recommendation_ref: str | None = None
    recommendation: str | None = None
    outcome: str | None = None
    # Counts the times the text changed what the next rows belong to: a row read after
    # a change is never stitched onto an item from before it.
    generation: int = 0
    _reading: str | None = field(default=None, repr=False)  # "recommendation" | "outcome"
    _anchor_labelled: bool = field(default=False, repr=False)  # the anchor came from an "Inspection dates:" line

    def read_paragraph(self, text: str, kind: str = "body", level: int = 0) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self._read_as_of(text)
        self._read_anchor(text)
        for initials, who in glossary_entries(text):
            self.glossary.setdefault(initials, who)
        for acronym, meaning in acronym_definitions(text).items():
            self.acronyms.setdefault(acronym, meaning)
        if self.title is None:
            if not _APPENDIX_ONLY.match(text):
                self.title = text
            return
        marker = recommendation_marker(text)
        if marker:
            self.start_recommendation(*marker)
        elif kind == "heading":
            self.section = text
            self.recommendation_ref = self.recommendation = self.outcome = None
            self._reading = None
            self.generation += 1
        elif _OUTCOME_HEADING.match(text) and self._reading:
            self._reading = "outcome"
            rest = _OUTCOME_HEADING.sub("", text).strip()
            if rest and not rest.endswith("?"):
                self.outcome = rest
        elif self._reading == "recommendation":
            self.recommendation = _add_line(self.recommendation, text)
        elif self._reading == "outcome":
            self.outcome = _add_line(self.outcome, text)

    def start_recommendation(self, ref: str, words: str = "") -> None:
        """A numbered recommendation opens: its words follow (on this line or the next)."""
        self.recommendation_ref = ref
        self.recommendation, self.outcome = (words or None), None
        self._reading = "recommendation"
        self.generation += 1

    def open_theme(self, text: str) -> None:
        """A theme row above a table's header: the rows below start afresh under it."""
        self.section = text
        self.generation += 1

    def read_caption(self, texts: list[str]) -> None:
        """A row above a table's header: its lines read like paragraphs."""
        for text in texts:
            for line in text.split("\n"):
                self.read_paragraph(line)

    def _read_as_of(self, text: str) -> None:
        if self.as_of is not None:
            return
        found = _AS_OF.search(text)
        if found:
            timescale = parse_timescale(found["rest"])
            if timescale.kind in ("date", "month") and timescale.due:
                self.as_of = timescale.due

    def _read_anchor(self, text: str) -> None:
        """"the January 2013 Ofsted Inspection", "In November 2011 a multi-agency
        inspection was undertaken": the date nearest the word, within a few words. A
        labelled line ("Inspection dates: 5 to 9 June 2023") beats a date met earlier in
        prose (which may be a previous inspection's); of a range, the last day counts."""
        stated = stated_inspection_dates(text)
        if stated is not None:
            if not self._anchor_labelled and stated[1] is not None:
                self.anchor, self._anchor_labelled = stated[1], True
            return
        if self.anchor is not None:
            return
        mentions = [m.start() for m in _INSPECTION.finditer(text)]
        if not mentions:
            return
        near = [
            (min(abs(position - start), abs(position - end)), due)
            # a day or a month: a year range ("Improvement Plan 2014-15") dates the plan, not the inspection
            for (start, end), due in dates_in(text, kinds=("date", "month"))
            for position in mentions
        ]
        near = [pair for pair in near if pair[0] <= _NEAR]
        if near:
            self.anchor = min(near)[1]

    def table_started(self) -> None:
        """Rows have begun: later text starts new context rather than extending this one."""
        self._reading = None


def _add_line(before: str | None, text: str) -> str:
    """``text`` as a new line after what was read so far."""
    return f"{before}\n{text}" if before else text
