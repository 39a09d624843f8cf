"""Every issue code, defined once: a record of its code, severity, title and meaning
(frictionless-py's error classes are the model). ``ValidationIssue.code`` is the
``IssueCode`` enum in the published JSON Schema; the README's table of codes is checked
against ``CODES`` (tests/test_docs.py); ``issue()`` is the one way an issue is made.

Codes are a public interface: add codes, never rename one."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


class IssueCode(str, Enum):
    """The stable snake_case code of a ValidationIssue (its value is what the JSON holds)."""

    MISSING_LEAD = "missing_lead"
    MISSING_TIMESCALE = "missing_timescale"
    INVALID_DATE = "invalid_date"
    UNPARSED_TIMESCALE = "unparsed_timescale"
    MISSING_ACTION = "missing_action"
    SKIPPED_TABLE = "skipped_table"
    DROPPED_ROW = "dropped_row"
    NO_TEXT_LAYER = "no_text_layer"
    LOW_OCR_CONFIDENCE = "low_ocr_confidence"
    TOO_MANY_SHAPES = "too_many_shapes"
    LEAD_INITIALS_ONLY = "lead_initials_only"
    UNMAPPED_HEADING = "unmapped_heading"
    NO_ANCHOR_DATE = "no_anchor_date"
    RAG_CONFLICT = "rag_conflict"
    INFERRED_COLUMN = "inferred_column"
    OVERDUE = "overdue"
    DUPLICATE_REF = "duplicate_ref"
    INSPECTION_REPORT = "inspection_report"
    NO_ITEMS = "no_items"
    HIDDEN_CONTENT = "hidden_content"

    def __str__(self) -> str:  # the code itself in messages and tables, not "IssueCode.X"
        return self.value


@dataclass(frozen=True)
class CodeRecord:
    """What a code means: ``title`` a few words for a person, ``meaning`` the README's sentence."""

    code: IssueCode
    severity: Severity
    title: str
    meaning: str


_RECORDS = (
    CodeRecord(IssueCode.MISSING_LEAD, "error", "Missing lead", "the action names no lead"),
    CodeRecord(IssueCode.MISSING_TIMESCALE, "error", "Missing timescale",
               "the action has no timescale (or the plan has no timescale column)"),
    CodeRecord(IssueCode.INVALID_DATE, "error", "Invalid date",
               "the timescale is a date that does not exist, such as 31/02/2013"),
    CodeRecord(IssueCode.UNPARSED_TIMESCALE, "warning", "Unparsed timescale",
               "the timescale has text but no date, period or known phrase"),
    CodeRecord(IssueCode.MISSING_ACTION, "warning", "Missing action",
               "a recommendation row with no action text; the recommendation stands in"),
    CodeRecord(IssueCode.SKIPPED_TABLE, "warning", "Skipped table",
               "a table with no action or recommendation column was not converted"),
    CodeRecord(IssueCode.DROPPED_ROW, "warning", "Dropped row", "a source row or text that became no part of any item"),
    CodeRecord(IssueCode.NO_TEXT_LAYER, "error", "No text layer",
               "PDF pages that are only images (scanned), left unread: OCR is off (`--ocr never`) or not installed"),
    CodeRecord(IssueCode.LOW_OCR_CONFIDENCE, "warning", "Low OCR confidence",
               "a cell read by OCR whose words Tesseract was unsure of: check it against the scan"),
    CodeRecord(IssueCode.TOO_MANY_SHAPES, "warning", "Too many shapes",
               "PDF pages drawing so many lines and boxes that ruled tables were not looked for: "
               "read from their text alone"),
    CodeRecord(IssueCode.LEAD_INITIALS_ONLY, "warning", "Lead as initials only",
               "a lead given only as initials that no glossary resolves"),
    CodeRecord(IssueCode.UNMAPPED_HEADING, "warning", "Unmapped heading",
               "a column heading that maps to no field; its text is kept in `extra`"),
    CodeRecord(IssueCode.NO_ANCHOR_DATE, "warning", "No anchor date",
               "relative or immediate timescales, but no inspection date to count from (`--anchor-date`)"),
    CodeRecord(IssueCode.RAG_CONFLICT, "warning", "RAG conflict",
               "a status cell's words give one RAG rating and its fill colour another"),
    CodeRecord(IssueCode.INFERRED_COLUMN, "warning", "Inferred column",
               "a column's field was read from its cells or its place, not its heading"),
    CodeRecord(IssueCode.OVERDUE, "warning", "Overdue",
               "due before the plan's progress date (`as_of`) and not reported complete"),
    CodeRecord(IssueCode.DUPLICATE_REF, "warning", "Duplicate reference",
               "two actions of one recommendation carry the same action number"),
    CodeRecord(IssueCode.INSPECTION_REPORT, "warning", "Inspection report",
               "the document is an inspection report: its items are the recommendations it lists"),
    CodeRecord(IssueCode.NO_ITEMS, "error", "No items",
               "no action table and no listed recommendations were found: the plan has no items"),
    CodeRecord(IssueCode.HIDDEN_CONTENT, "warning", "Hidden content",
               "a spreadsheet's hidden rows, columns or sheets were not read; their text is in `value`"),
)

# code value -> its record, in the README's order
CODES: dict[str, CodeRecord] = {record.code.value: record for record in _RECORDS}


def record(code: IssueCode | str) -> CodeRecord:
    """The record of a code; an unknown code is a defect (ValueError), never a silent issue."""
    return CODES[IssueCode(code).value]


def count_codes(issues: Iterable) -> dict[str, int]:
    """How many issues of each code, by code in alphabetical order: the one count the
    summary table, ``--json`` and the report show."""
    return dict(sorted(Counter(str(found.code) for found in issues).items()))


@dataclass(frozen=True)
class Finding:
    """A problem an extractor or the row reader found, before it becomes a ValidationIssue
    (``normalise/validate.py``'s ``issue`` gives it the code's severity): where in the
    source, and the text found wanting."""

    code: str
    message: str
    value: str | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
