"""The workbook a performance officer opens: "Actions" (one row per action across the
plans), "Issues" (every issue) and "Plans" (counts per plan), each with a frozen header,
an autofilter, set widths and wrapped text; due dates are date cells and the RAG
rating is the cell's fill.

Written with XlsxWriter, which on the 5,220-action workbook of
tests/benchmarks/xlsx_writers.py wrote in less than half openpyxl's time, a third of its
file size and a quarter of its memory. Its default mode is kept, not ``constant_memory``,
up to outputs/stream.py's XLSX_STREAMED_ACTIONS: the shared-string table (every plan path
and code written once) makes the file 2.7 times smaller; past it, a batch's workbook is
written row by row so that memory does not grow with the archive. openpyxl only reads workbooks back (tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import xlsxwriter

from ..batch import OutcomeStatus
from ..files import atomic_target

if TYPE_CHECKING:
    from ..report import Report

DATE_FORMAT = "d mmm yyyy"  # "31 Oct 2012": never misread day-first or month-first
RAG_FILLS = {"red": "#F8696B", "amber": "#FFC000", "green": "#63BE7B"}  # Excel's own traffic-light shades
ERROR_FILL = "#FDE2E1"
OVERDUE_FONT = "#9C0006"

# (heading, width in characters, value of a ReportAction given its plan)
ACTION_COLUMNS: list[tuple[str, int, Callable]] = [
    ("Plan", 28, lambda plan, action: plan.path),
    ("Plan title", 30, lambda plan, action: plan.title),
    ("Section", 24, lambda plan, action: action.section),
    ("Rec. ref", 8, lambda plan, action: action.recommendation_ref),
    ("Recommendation", 45, lambda plan, action: action.recommendation),
    ("Action ref", 8, lambda plan, action: action.action_ref),
    ("Action", 60, lambda plan, action: action.action),
    ("Leads", 28, lambda plan, action: "; ".join(action.leads)),
    ("Due", 12, lambda plan, action: action.due),
    ("Timescale", 18, lambda plan, action: action.timescale),
    ("RAG", 8, lambda plan, action: action.rag.capitalize() if action.rag else None),
    ("State", 12, lambda plan, action: action.state.replace("_", " ") if action.state else None),
    ("Progress", 45, lambda plan, action: action.progress),
    ("Overdue", 9, lambda plan, action: "overdue" if action.overdue else None),
    ("Issues", 26, lambda plan, action: " ".join(action.codes)),
    ("Page", 6, lambda plan, action: action.page),
    ("Row", 6, lambda plan, action: action.row),
    ("ID", 10, lambda plan, action: action.id),
]
ISSUE_COLUMNS: list[tuple[str, int, Callable]] = [
    ("Plan", 28, lambda plan, found: plan.path),
    ("Item", 10, lambda plan, found: found.item_id),
    ("Code", 20, lambda plan, found: found.code),
    ("Severity", 9, lambda plan, found: found.severity),
    ("Field", 11, lambda plan, found: found.field),
    ("Message", 60, lambda plan, found: found.message),
    ("Value", 40, lambda plan, found: found.value),
    ("Action", 50, lambda plan, found: found.action),
    ("Page", 6, lambda plan, found: found.page),
    ("Table", 6, lambda plan, found: found.table),
    ("Row", 6, lambda plan, found: found.row),
]
PLAN_COLUMNS: list[tuple[str, int, Callable]] = [
    ("Plan", 34, lambda plan: plan.path),
    ("Title", 40, lambda plan: plan.title),
    ("Status", 10, lambda plan: str(plan.status)),
    ("Progress date", 13, lambda plan: plan.as_of),
    ("Actions", 8, lambda plan: plan.items),
    ("Errors", 7, lambda plan: plan.errors),
    ("Warnings", 9, lambda plan: plan.warnings),
    ("No lead", 8, lambda plan: plan.counts.get("missing_lead", 0)),
    ("No timescale", 12, lambda plan: plan.counts.get("missing_timescale", 0)),
    ("Invalid date", 12, lambda plan: plan.counts.get("invalid_date", 0)),
    ("Overdue", 8, lambda plan: plan.counts.get("overdue", 0)),
    ("Red", 6, lambda plan: plan.rag["red"]),
    ("Amber", 7, lambda plan: plan.rag["amber"]),
    ("Green", 7, lambda plan: plan.rag["green"]),
    ("No RAG", 8, lambda plan: plan.rag["none"]),
]


def write_xlsx(report: Report, target: Path, constant_memory: bool = False) -> None:
    """The three sheets, written to a temporary file and renamed (never half a workbook).
    ``constant_memory`` streams rows with inline strings: less memory, a larger file."""
    with atomic_target(target) as temporary:
        # strings are data, never formulas or links: an action starting "=" stays text
        workbook = xlsxwriter.Workbook(str(temporary), {
            "constant_memory": constant_memory, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False,
        })
        styles = _styles(workbook)
        _actions_sheet(workbook.add_worksheet("Actions"), report, styles)
        _issues_sheet(workbook.add_worksheet("Issues"), report, styles)
        _plans_sheet(workbook.add_worksheet("Plans"), report, styles)
        workbook.close()


def _styles(workbook) -> dict:
    base = {"text_wrap": True, "valign": "top"}
    styles = {
        "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "bottom": 1, **base}),
        "text": workbook.add_format(base),
        "date": workbook.add_format({"num_format": DATE_FORMAT, **base}),
        "overdue": workbook.add_format({"font_color": OVERDUE_FONT, "bold": True, **base}),
        "overdue_date": workbook.add_format({"num_format": DATE_FORMAT, "font_color": OVERDUE_FONT, "bold": True, **base}),
        "error": workbook.add_format({"bg_color": ERROR_FILL, **base}),
    }
    for rating, colour in RAG_FILLS.items():
        styles[rating] = workbook.add_format({"bg_color": colour, "pattern": 1, **base})
    return styles


def _start(sheet, columns: list[tuple[str, int, Callable]], rows: int, styles: dict) -> None:
    """Header, widths, frozen header row and an autofilter over every row to come."""
    for position, (heading, width, _) in enumerate(columns):
        sheet.set_column(position, position, width)
        sheet.write_string(0, position, heading, styles["header"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)


def _write(sheet, row: int, position: int, value, style) -> None:
    if value is None or value == "":
        sheet.write_blank(row, position, None, style)
    elif isinstance(value, date):
        sheet.write_datetime(row, position, value, style)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, position, value, style)
    else:
        sheet.write_string(row, position, str(value), style)


def _actions_sheet(sheet, report: Report, styles: dict) -> None:
    # counted, then read: ``report.plans`` may be a spool read back plan by plan (outputs/stream.py)
    _start(sheet, ACTION_COLUMNS, sum(len(plan.actions) for plan in report.plans), styles)
    rows = ((plan, action) for plan in report.plans for action in plan.actions)
    for row, (plan, action) in enumerate(rows, start=1):
        for position, (heading, _, value_of) in enumerate(ACTION_COLUMNS):
            style = styles["text"]
            if heading == "Due":
                style = styles["overdue_date" if action.overdue else "date"]
            elif heading == "RAG" and action.rag:
                style = styles[action.rag]
            elif heading == "Overdue" and action.overdue:
                style = styles["overdue"]
            _write(sheet, row, position, value_of(plan, action), style)


def _issues_sheet(sheet, report: Report, styles: dict) -> None:
    _start(sheet, ISSUE_COLUMNS, sum(len(plan.issues) for plan in report.plans), styles)
    rows = ((plan, found) for plan in report.plans for found in plan.issues)
    for row, (plan, found) in enumerate(rows, start=1):
        style = styles["error"] if found.severity == "error" else styles["text"]
        for position, (_, _, value_of) in enumerate(ISSUE_COLUMNS):
            _write(sheet, row, position, value_of(plan, found), style)


def _plans_sheet(sheet, report: Report, styles: dict) -> None:
    _start(sheet, PLAN_COLUMNS + [("Error", 60, None)], len(report.plans) + len(report.failures), styles)
    for row, plan in enumerate(report.plans, start=1):
        for position, (heading, _, value_of) in enumerate(PLAN_COLUMNS):
            _write(sheet, row, position, value_of(plan), styles["date" if heading == "Progress date" else "text"])
    for row, failure in enumerate(report.failures, start=len(report.plans) + 1):
        _write(sheet, row, 0, failure.path, styles["error"])
        _write(sheet, row, 2, str(OutcomeStatus.FAILED), styles["error"])
        _write(sheet, row, len(PLAN_COLUMNS), failure.error, styles["error"])
