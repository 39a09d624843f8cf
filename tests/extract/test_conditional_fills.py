"""Fills from Excel conditional formatting (extract/conditional_fills.py).

The workbooks are built here with openpyxl (``_sheet_with_rules``): each holds values in
A1:A6 (or a small tracker) and the conditional formatting rules under test, saved and
loaded back, so the rules come through openpyxl's reader as they would from Excel (the
differential fill keeping its colour in bgColor, as Excel writes it). actionplan only
reads them.
"""

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule, Rule
from openpyxl.styles import Color, PatternFill
from openpyxl.styles.differential import DifferentialStyle

import actionplan
from actionplan.extract.conditional_fills import ConditionalFills

RED, AMBER, GREEN = "FFC7CE", "FFEB9C", "C6EFCE"  # Excel's Bad / Neutral / Good fills
VALUES = ["Red", "amber", "Green", 30, 75, None]  # A1:A6


def _dxf(colour) -> DifferentialStyle:
    return DifferentialStyle(fill=PatternFill(bgColor=colour))


def _text(kind: str, text: str, colour: str) -> Rule:
    operator = "notContains" if kind == "notContainsText" else kind  # Excel's name for it
    return Rule(type=kind, operator=operator, text=text, dxf=_dxf(colour))


def _sheet_with_rules(tmp_path, rules, values=VALUES, area="A1:A6", own_fill=None):
    workbook = Workbook()
    sheet = workbook.active
    for row, value in enumerate(values, start=1):
        sheet.cell(row, 1, value)
        sheet.cell(row, 2, f"note {row}")
        if own_fill:
            sheet.cell(row, 1).fill = PatternFill("solid", fgColor=own_fill)
    for rule in rules:
        sheet.conditional_formatting.add(area, rule)
    path = tmp_path / "rules.xlsx"
    workbook.save(path)
    return load_workbook(path).active


@pytest.mark.parametrize("rules, fills", [
    # cellIs against text: case-blind, as Excel compares
    ([CellIsRule(operator="equal", formula=['"red"'], fill=PatternFill(bgColor=RED))],
     [RED, None, None, None, None, None]),
    ([CellIsRule(operator="equal", formula=['"Amber"'], fill=PatternFill(bgColor=AMBER))],
     [None, AMBER, None, None, None, None]),
    ([CellIsRule(operator="notEqual", formula=['"Green"'], fill=PatternFill(bgColor=RED))],
     [RED, RED, None, RED, RED, RED]),
    # cellIs against numbers: a text cell never equals or exceeds a number
    ([CellIsRule(operator="greaterThanOrEqual", formula=["70"], fill=PatternFill(bgColor=GREEN))],
     [None, None, None, None, GREEN, None]),
    ([CellIsRule(operator="between", formula=["20", "50"], fill=PatternFill(bgColor=AMBER))],
     [None, None, None, AMBER, None, None]),
    ([CellIsRule(operator="lessThan", formula=["50"], fill=PatternFill(bgColor=RED))],
     [None, None, None, RED, None, RED]),                    # a blank cell counts as 0
    # text rules
    ([_text("containsText", "re", GREEN)], [GREEN, None, GREEN, None, None, None]),
    ([_text("beginsWith", "AM", AMBER)], [None, AMBER, None, None, None, None]),
    ([_text("endsWith", "en", GREEN)], [None, None, GREEN, None, None, None]),
    ([_text("notContainsText", "e", RED)], [None, None, None, RED, RED, RED]),  # numbers and blank too
    # priority: the first rule added (priority 1) wins where both match
    ([CellIsRule(operator="equal", formula=['"Red"'], fill=PatternFill(bgColor=RED)),
      _text("containsText", "e", GREEN)], [RED, GREEN, GREEN, None, None, None]),
    # rules Excel must evaluate are left out: a reference, a colour scale
    ([CellIsRule(operator="equal", formula=["$B$1"], fill=PatternFill(bgColor=RED))], [None] * 6),
    ([ColorScaleRule(start_type="min", start_color="FF0000", end_type="max", end_color="00FF00")], [None] * 6),
])
def test_rule_kinds_give_their_fill_to_the_cells_they_match(tmp_path, rules, fills):
    sheet = _sheet_with_rules(tmp_path, rules)
    found = ConditionalFills(sheet, [], None)
    assert [found.fill(row, 1) for row in range(1, 7)] == fills


@pytest.mark.parametrize("formula, area, coloured", [
    ('$A1="Red"', "A1:B6", {(1, 1), (1, 2)}),               # whole row, column fixed, row moves
    ('A1="Green"', "A1:A6", {(3, 1)}),                       # relative: each cell tests itself
    ('$A$2="Amber"', "B1:B3", {(1, 2), (2, 2), (3, 2)}),     # fixed cell: the whole range
    ('$A1<>"Red"', "B1:B2", {(2, 2)}),
    ('ISNUMBER(SEARCH("Red",$A1))', "A1:B6", set()),         # a function: left to Excel
])
def test_formula_rules_compare_the_referenced_cell(tmp_path, formula, area, coloured):
    sheet = _sheet_with_rules(tmp_path, [FormulaRule(formula=[formula], fill=PatternFill(bgColor=RED))], area=area)
    found = ConditionalFills(sheet, [], None)
    assert {(row, column) for row in range(1, 7) for column in (1, 2) if found.fill(row, column)} == coloured


def test_a_theme_coloured_rule_and_a_solid_pattern_resolve_like_cell_fills(tmp_path):
    theme = ["FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646"]
    rules = [Rule(type="cellIs", operator="equal", formula=['"Green"'],
                  dxf=DifferentialStyle(fill=PatternFill(bgColor=Color(theme=6, tint=0.3999755851924192)))),
             CellIsRule(operator="equal", formula=['"Red"'], fill=PatternFill("solid", start_color="FF0000",
                                                                              end_color="FF0000"))]
    found = ConditionalFills(_sheet_with_rules(tmp_path, rules), theme, None)
    assert (found.fill(3, 1), found.fill(1, 1)) == ("C3D69B", "FF0000")


def test_a_tracker_rag_column_coloured_by_rules_gives_each_items_rag(tmp_path):
    """A RAG column with no words, its colour set by formula rules on the progress column
    (a common tracker): each item's RAG is the colour the rule gives, over the grey the
    column was filled with by hand."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Recommendation", "Action", "Lead", "By when", "Progress", "RAG"])
    rows = [("1. Screen referrals", "Audit the MASH", "Jo Hughes", "May 2014", "Complete"),
            ("", "Train screeners", "Jo Hughes", "June 2014", "Delayed by recruitment"),
            ("2. Stable placements", "Review sufficiency", "Amir Khan", "July 2014", "Under way")]
    for row in rows:
        sheet.append([*row, None])
        sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor="D9D9D9")
    for formula, colour in [('$E2="Complete"', "00B050"), ('$E2="Under way"', "FFC000"),
                            ('$E2="Delayed by recruitment"', "FF0000")]:
        sheet.conditional_formatting.add("F2:F4", FormulaRule(formula=[formula], fill=PatternFill(bgColor=colour)))
    path = tmp_path / "tracker.xlsx"
    workbook.save(path)
    plan = actionplan.extract(path)
    assert [(item.action, item.status.rag) for item in plan.items] == [
        ("Audit the MASH", "green"), ("Train screeners", "red"), ("Review sufficiency", "amber")]
