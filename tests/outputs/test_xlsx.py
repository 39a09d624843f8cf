"""The workbook (`--format xlsx`), read back with openpyxl as Excel would open it."""

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import actionplan
from actionplan.batch import Outcome
from actionplan.cli import EXIT_UNREADABLE, app
from actionplan.outputs.xlsx import ACTION_COLUMNS, DATE_FORMAT, RAG_FILLS, write_xlsx
from actionplan.report import build_report

runner = CliRunner()
INPUTS = ["samples/docx/rag-by-shading.docx", "samples/southend-2012.txt", "tests/fixtures/bad/encrypted.pdf"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    result = runner.invoke(app, ["extract", *INPUTS, "-o", str(folder), "-f", "xlsx", "-q"])
    assert result.exit_code == EXIT_UNREADABLE  # the encrypted PDF; the others are converted
    assert not list(folder.glob("*.json"))  # one workbook, no file per plan
    return openpyxl.load_workbook(folder / "actions.xlsx")


def _rows(sheet) -> list[dict]:
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)]


def test_three_sheets_each_with_frozen_header_filter_and_widths(workbook):
    assert workbook.sheetnames == ["Actions", "Issues", "Plans"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
    actions = workbook["Actions"]
    assert [cell.value for cell in actions[1]] == [heading for heading, _, _ in ACTION_COLUMNS]
    assert actions.max_row == 1 + 7 + 45
    assert actions.column_dimensions["G"].width > 50  # the action column is wide ...
    assert actions["G2"].alignment.wrap_text  # ... and wraps


def test_due_is_a_date_cell_and_rag_is_the_fill(workbook):
    rows = {(row["Plan"].value, row["ID"].value): row for row in _rows(workbook["Actions"])}
    first = rows[("samples/docx/rag-by-shading.docx", "t1-r2")]
    assert first["Due"].value == datetime(2013, 10, 31) and first["Due"].is_date
    assert first["Due"].number_format == DATE_FORMAT
    assert first["Timescale"].value == "31/10/2013"  # as written, beside the date
    assert first["RAG"].value == "Red" and first["RAG"].fill.fgColor.rgb == "FF" + RAG_FILLS["red"][1:]
    assert first["Overdue"].value == "overdue" and first["Due"].font.bold  # due 31 Oct, progress at 30 Nov 2013
    green = rows[("samples/docx/rag-by-shading.docx", "t1-r7")]
    assert green["RAG"].fill.fgColor.rgb == "FF" + RAG_FILLS["green"][1:]
    unrated = rows[("samples/docx/rag-by-shading.docx", "t1-r8")]
    assert unrated["RAG"].value is None and unrated["RAG"].fill.fill_type is None
    assert unrated["Issues"].value == "invalid_date" and unrated["Due"].value is None
    southend = rows[("samples/southend-2012.txt", "t1-r2")]
    assert (southend["Leads"].value, southend["Action ref"].value) == ("Heather Flinders", "1.1")


def test_issues_and_plans_sheets_carry_the_plans_counts(workbook):
    plans = {row["Plan"].value: row for row in _rows(workbook["Plans"])}
    southend = actionplan.extract("samples/southend-2012.txt")
    row = plans["samples/southend-2012.txt"]
    codes = [found.code for found in southend.issues]
    assert (row["Actions"].value, row["No lead"].value, row["No timescale"].value, row["Invalid date"].value,
            row["Overdue"].value) == (45, codes.count("missing_lead"), codes.count("missing_timescale"),
                                      codes.count("invalid_date"), codes.count("overdue"))
    assert row["Progress date"].value == datetime(2012, 10, 22) and row["Progress date"].is_date
    failed = plans["tests/fixtures/bad/encrypted.pdf"]
    assert failed["Status"].value == "failed" and "needs a password" in failed["Error"].value
    issues = _rows(workbook["Issues"])
    assert sum(r["Plan"].value == "samples/southend-2012.txt" for r in issues) == len(southend.issues)
    invalid = [r for r in issues if r["Code"].value == "invalid_date" and r["Plan"].value.startswith("samples/south")]
    assert invalid[0]["Value"].value == "31/02/2013" and invalid[0]["Row"].value == 6


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    """An action or lead starting "=" or "http" is the document's words, never a formula or a link."""
    plan = actionplan.extract("samples/southend-2012.txt")
    item = plan.items[0].model_copy(update={"action": "=SUM(A1:A9) then see http://example.org", "lead_raw": "+44 lead"})
    plan = plan.model_copy(update={"items": [item]})
    write_xlsx(build_report([Outcome(Path("p.txt"), "", "converted", plan)]), tmp_path / "x.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")["Actions"]["G2"]
    assert cell.value == "=SUM(A1:A9) then see http://example.org" and cell.data_type == "s"
    assert cell.hyperlink is None
