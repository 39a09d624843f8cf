"""Spreadsheet renderers: a plan as an Excel tracker (openpyxl) or as the CSV Excel saves.

The rows and columns are the Word table's: the title lines above the header (the title
merged across), themes as rows merged across the table, a recommendation merged down over
its actions (or written once, or on every row), RAG as words and / or cell fills. A
timescale the layout writes in a form Excel has a number format for ("31/03/2024",
"31 March 2024", "Apr-24") is a real date cell under that format, as a tracker holds it,
so the cell still shows what the key says; other forms are text. A legend sheet of RAG
colours may follow the plan, and the initials key sits under the table after a blank row.
"""
from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common import RAG_WORDS, fmt_day, fmt_month, glossary, header_lines

# How the layout's date forms are written as Excel number formats (forms with no format,
# "31st March 2024" or "End of April 2024", stay text).
DAY_FORMATS = {"d/m/Y": "dd/mm/yyyy", "d/m/y": "dd/mm/yy", "d Month Y": "d mmmm yyyy", "d.m.Y": "dd.mm.yyyy"}
MONTH_FORMATS = {"Month Y": "mmmm yyyy", "Mon-YY": "mmm-yy", "Mon Y": "mmm yyyy"}
WIDTHS = {"ref": 6, "rec": 40, "action": 50, "lead": 22, "timescale": 14, "rag": 9, "progress": 30,
          "progress_rag": 32, "outcome": 30, "evidence": 22}
WRAP = Alignment(wrap_text=True, vertical="top")


def date_cell(written: str, due: str | None):
    """(value, number format) for a timescale Excel would hold as a date, else (written, None)."""
    if not due or due == "relative":
        return written, None
    day = dt.date.fromisoformat(due)
    for style, number_format in DAY_FORMATS.items():
        if written == fmt_day(day.day, day.month, day.year, style):
            return dt.datetime(day.year, day.month, day.day), number_format
    for style, number_format in MONTH_FORMATS.items():
        if written == fmt_month(day.month, day.year, style):
            return dt.datetime(day.year, day.month, 1), number_format
    return written, None


def _rows(plan, views, o, rec_mode):
    """The table as (kind, cells, view) rows: kind "header" | "section" | "action". Themes are
    rows unless the layout writes none (``o["section_mode"]`` "none")."""
    cols = o["columns"]
    rows = [("header", [o["headings"][c] for c in cols], None)]
    for v in views:
        if v.first_of_section and o.get("section_mode") != "none":
            rows.append(("section", [v.section], None))
        cells = []
        for c in cols:
            if c == "rec":
                cells.append(v.rec_text if rec_mode == "every" or v.first_of_rec else "")
            else:
                cells.append(v.cell(c))
        rows.append(("action", cells, v))
    return rows


def render_xlsx(plan, views, o, path, *, rec_mode="merge", legend=False):
    """rec_mode: merge (down over the recommendation's actions) | once | every."""
    cols = o["columns"]
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    lines = header_lines(plan)
    sheet.append([lines[0]])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    for line in lines[1:]:
        sheet.append([line])
    sheet.append([])
    rec_col = cols.index("rec") + 1 if "rec" in cols else None
    rec_start = None
    for kind, cells, v in _rows(plan, views, o, rec_mode):
        r = sheet.max_row + 1
        if kind == "section":
            _close_merge(sheet, rec_col, rec_start, r - 1, rec_mode)
            rec_start = None
            sheet.cell(r, 1, cells[0]).font = Font(bold=True)
            sheet.cell(r, 1).fill = PatternFill("solid", fgColor="FFF2F2F2")
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
            continue
        if kind == "header":
            for j, text in enumerate(cells, start=1):
                sheet.cell(r, j, text).font = Font(bold=True)
                sheet.cell(r, j).fill = PatternFill("solid", fgColor="FFD9D9D9")
            sheet.print_title_rows = f"{r}:{r}"
            continue
        if v.first_of_rec:
            _close_merge(sheet, rec_col, rec_start, r - 1, rec_mode)
            rec_start = r
        for j, (c, text) in enumerate(zip(cols, cells), start=1):
            cell = sheet.cell(r, j)
            if c == "timescale":
                cell.value, number_format = date_cell(text, v.due)
                if number_format:
                    cell.number_format = number_format
            else:
                cell.value = text or None
            cell.alignment = WRAP
            if c in ("rag", "progress_rag") and v.rag and o.get("rag_fill"):
                cell.fill = PatternFill("solid", fgColor="FF" + o["palette"][v.rag])
    _close_merge(sheet, rec_col, rec_start, sheet.max_row, rec_mode)
    for j, c in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = WIDTHS[c]
    gloss = glossary(views, plan, o)
    if gloss:
        sheet.append([])
        sheet.append(["Key to initials:"])
        for initials, name in gloss:
            sheet.append([f"{initials} – {name}"])
    if legend:
        _legend(book.create_sheet("Key"), o)
    book.properties.title = None
    book.save(path)


def _close_merge(sheet, rec_col, start, end, rec_mode):
    if rec_mode == "merge" and rec_col and start and end > start:
        sheet.merge_cells(start_row=start, start_column=rec_col, end_row=end, end_column=rec_col)


def _legend(sheet, o):
    """A RAG key: each colour in its fill with what it means (no header row naming plan fields)."""
    sheet.append(["RAG key"])
    meanings = {"red": "Off track: overdue or at risk", "amber": "Some slippage; recovery in hand",
                "green": "On track or complete", "blue": "Complete and embedded"}
    for rag in (["blue"] if o.get("brag") else []) + ["green", "amber", "red"]:
        sheet.append([RAG_WORDS[rag], meanings[rag]])
        sheet.cell(sheet.max_row, 1).fill = PatternFill("solid", fgColor="FF" + o["palette"][rag])


def render_csv(plan, views, o, path, *, rec_mode="once", delimiter=",", encoding="utf-8-sig"):
    """The tracker as Excel saves it as CSV: every row padded to the table's width, a theme in the
    first cell of its row, the title lines above, the initials key below; ``encoding``
    "utf-8-sig" (CSV UTF-8) or "cp1252" (CSV on a Windows machine)."""
    width = len(o["columns"])
    rows = [[line] + [""] * (width - 1) for line in header_lines(plan)] + [[""] * width]
    for kind, cells, v in _rows(plan, views, o, rec_mode):
        rows.append(cells + [""] * (width - len(cells)))
    gloss = glossary(views, plan, o)
    if gloss:
        rows += [[""] * width, ["Key to initials:"] + [""] * (width - 1)]
        rows += [[f"{initials} – {name}"] + [""] * (width - 1) for initials, name in gloss]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:  # a character the code page lacks: Excel would save CSV UTF-8
        data = buffer.getvalue().encode("utf-8-sig")
    with open(path, "wb") as handle:
        handle.write(data)

