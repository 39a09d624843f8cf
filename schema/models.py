"""Schema v1 of actionplan's JSON: the public interface other systems read.

Field names here are a contract. Add fields with defaults if you must; never
rename or remove one without bumping ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .codes import IssueCode, Severity

SCHEMA_VERSION = "1"

TimescaleKind = Literal[
    "date", "month", "quarter", "relative", "immediate", "ongoing", "invalid", "unknown", "missing"
]
Rag = Literal["red", "amber", "green"]
State = Literal["complete", "in_progress", "not_started", "unknown"]


class Format(str, Enum):
    """An input file's format (``source.format``; ``extract/`` reads one backend per format)."""

    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"
    HTML = "html"
    ODT = "odt"
    DOC = "doc"
    RTF = "rtf"
    XLSX = "xlsx"
    CSV = "csv"
    ODS = "ods"

    def __str__(self) -> str:
        return self.value


class _Model(BaseModel):
    # use_enum_values: an enum field holds its string, so code reading a model compares and
    # prints the same strings the JSON holds; the schema still publishes the enum.
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class SourceDocument(_Model):
    path: str = Field(description="The input file as given.")
    format: Format
    sha256: str = Field(description="SHA-256 of the input file's bytes.")
    pages: int | None = Field(None, description="Page count where the format has pages.")
    page_strategies: list[str] | None = Field(
        None, description="PDF: per page, how its tables were found: 'lines' (ruled), 'text' (aligned), 'none'."
    )
    ocr_pages: list[int] | None = Field(
        None, description="PDF: the pages read by OCR (scans: no text layer, or a garbage one); null where none."
    )


class Conversion(_Model):
    """What a re-run compares before it skips a file (``actionplan extract`` writes it; the
    library's ``extract`` leaves it null): the input's bytes, the settings and the tool."""

    tool_version: str = Field(description="The actionplan version that wrote this plan.")
    settings: str = Field(
        description="SHA-256 over every setting that shapes the output (anchor date, glossary, the contents of the "
        "headings and leads files, OCR mode and dpi)."
    )
    input_size: int = Field(description="The input file's size in bytes (its SHA-256 is source.sha256).")


class SourceLocation(_Model):
    page: int | None = Field(None, description="1-based page, null where the format has none.")
    table: int = Field(description="1-based table in the document, as the extractor found it.")
    row: int = Field(description="1-based row within that table where the item starts.")


class Lead(_Model):
    name: str | None = Field(None, description="A person's name, without a title such as Dr or Cllr.")
    role: str | None = Field(None, description="The post, team or body, where the cell gives one.")
    organisation: str | None = Field(None, description="The organisation the person or post belongs to.")
    title: str | None = Field(None, description="Dr, Cllr, Prof ... where the name carries one.")


class TimescalePart(_Model):
    text: str = Field(description="The words of the cell this part was read from.")
    kind: TimescaleKind
    due: date | None = None


class Timescale(_Model):
    raw: str | None = Field(None, description="The cell exactly as written (markup removed).")
    kind: TimescaleKind
    due: date | None = Field(
        None,
        description="The deadline: a date; the last day of a month or quarter; for relative and immediate "
        "timescales the plan's anchor date moved on, when it has one. Of several dates, the latest.",
    )
    parts: list[TimescalePart] = Field(
        default_factory=list, description="Every date or phrase read, where the cell holds more than one."
    )
    starts: date | None = Field(
        None, description="The date the cell says the action starts or runs from ('wef April 2013' -> "
        "2013-04-01, 'July 2013 onwards'): a start, never a deadline, so never `due` and never overdue.",
    )


class Status(_Model):
    raw: str | None = Field(None, description="The words the status was read from.")
    rag: Rag | None = None
    state: State | None = None


class ActionItem(_Model):
    id: str = Field(description="Unique within the plan and stable across runs of the same file.")
    section: str | None = None
    recommendation_ref: str | None = None
    recommendation: str | None = None
    action_ref: str | None = None
    action: str = Field(min_length=1)
    outcome: str | None = None
    leads: list[Lead] = Field(default_factory=list)
    lead_raw: str | None = None
    timescale: Timescale
    status: Status = Field(default_factory=Status)
    progress: str | None = None
    monitoring: str | None = None
    report_refs: list[str] = Field(default_factory=list)
    extra: dict[str, str] = Field(
        default_factory=dict, description="Text of columns whose heading maps to no field, by heading."
    )
    source: SourceLocation
    inherited: list[str] = Field(
        default_factory=list,
        description="Fields whose value was not written on this action's row but taken from the row above "
        "(a cell merged down over several actions): 'lead', 'timescale'.",
    )
    ocr_confidence: float | None = Field(
        None, description="Read by OCR: the mean confidence (0-100) Tesseract gave the item's words; "
        "null where a text layer gave them.",
    )


class ValidationIssue(_Model):
    item_id: str | None = Field(None, description="The item concerned; null for plan-level issues.")
    field: str | None = None
    code: IssueCode = Field(description="Stable snake_case code; see the README's table of codes.")
    severity: Severity
    message: str
    page: int | None = Field(None, description="Where in the source: page (where the format has pages) ...")
    table: int | None = Field(None, description="... table ...")
    row: int | None = Field(None, description="... and row.")
    value: str | None = Field(None, description="The value found wanting, as written (a cell, a row's text).")


class ColumnMapping(_Model):
    """How one column of a table was read: which field, and what decided it."""

    table: int = Field(description="1-based table where this header was first met.")
    position: int = Field(description="1-based column.")
    heading: str = Field(description="The heading as written ('' where the column has none).")
    field: str | None = Field(None, description="The ActionItem field the column fills; null: kept in `extra`.")
    mapped_by: Literal["heading", "content", "position"] | None = Field(
        None, description="'heading': its heading is a known one; 'content': its cells read as timescales, "
        "leads, RAG ratings or references; 'position': the prose column before / after the action.",
    )
    score: float | None = Field(None, description="For 'content' / 'position': the share of cells that fit.")


class RowCounts(_Model):
    """Where every source table row went: nothing is lost silently."""

    total: int = 0
    items: int = 0
    headers: int = 0
    sections: int = 0
    continuations: int = 0
    dropped: int = 0
    blank: int = 0


class InspectionDetails(_Model):
    """What an inspection report states about itself (null where it does not say)."""

    inspectorates: list[str] = Field(default_factory=list, description="Ofsted, CQC, HMI Probation, HMICFRS ...")
    local_authority: str | None = Field(
        None, description="The council or local area partnership inspected, as the report's title names it "
        "('Rochdale', 'Gateshead Local Area Partnership', 'Warrington Borough Council').",
    )
    inspection_start: date | None = Field(None, description="First day of the inspection as stated.")
    inspection_end: date | None = Field(
        None, description="Last day of the inspection: the anchor for the report's relative timescales."
    )
    published: date | None = Field(None, description="The date the report says it was published.")
    judgement: str | None = Field(
        None, description="The overall judgement where stated: an Ofsted grade ('Good', 'Requires improvement "
        "to be good' ...) or the SEND framework's outcome sentence.",
    )


class ActionPlan(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: SourceDocument
    title: str | None = None
    as_of: date | None = Field(None, description="'Progress as at' / version date the document states.")
    anchor_date: date | None = Field(
        None, description="The inspection or report date relative timescales count from (stated or given)."
    )
    items: list[ActionItem] = Field(default_factory=list)
    issues: list[ValidationIssue] = Field(default_factory=list)
    rows: RowCounts = Field(default_factory=RowCounts)
    document_kind: Literal["action_plan", "inspection_report"] | None = Field(
        None, description="What the document is: a council's action plan, or an inspection report whose "
        "recommendations are the items.",
    )
    inspection: InspectionDetails | None = Field(None, description="For an inspection report: its details.")
    columns: list[ColumnMapping] = Field(
        default_factory=list, description="How each distinct table header's columns were mapped to fields."
    )
    conversion: Conversion | None = Field(
        None, description="What a re-run checks before skipping this file: input, settings and tool version."
    )
