"""Fills that a sheet's conditional formatting gives its cells (RAG trackers colour the
status column this way: a rule "cell value equal to "Red"" with a red fill, or a formula
rule such as ``=$F5="Red"`` over the whole row), resolved to RRGGBB like a cell's own fill.

Only rules whose outcome can be decided from the cells themselves are read: ``cellIs``
against literals (text or numbers), ``containsText`` / ``notContainsText`` /
``beginsWith`` / ``endsWith``, and ``expression`` rules that compare one cell to a
literal (``$F5="Red"``, ``F5<>"Green"``). Rules that need Excel to evaluate them (colour
scales, data bars, top-10, duplicates, formulas over other functions) are left out: the
cell keeps its own fill. As in Excel, text comparisons ignore case, the rule with the
lowest priority number that matches wins, and a conditional fill shows over the cell's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string

from .cell_format import colour_rgb

_UNSET = "00000000"  # openpyxl's default colour: the dxf does not set it
_LITERAL = re.compile(r'^\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*$')
# A formula comparing one cell to a literal: $F5="Red", F$5 <> "G", $F5=3
_COMPARISON = re.compile(r'^\s*=?\s*(\$?)([A-Z]{1,3})(\$?)(\d+)\s*(=|<>|>=|<=|>|<)\s*(.+?)\s*$', re.IGNORECASE)
_OPERATORS = {"equal": "=", "notEqual": "<>", "greaterThan": ">", "lessThan": "<",
              "greaterThanOrEqual": ">=", "lessThanOrEqual": "<="}


@dataclass
class _Rule:
    priority: int
    fill: str
    ranges: list            # openpyxl CellRange objects the rule covers
    test: object            # (sheet, row, column, top_row, left_column) -> bool


def _literal(text: str):
    """A formula's literal as str or float, or None where it is not one (a reference, a call)."""
    matched = _LITERAL.match(text or "")
    if not matched:
        return None
    if matched.group(1) is not None:
        return matched.group(1).replace('""', '"')
    return float(matched.group(2))


def _compare(value, operator: str, literal) -> bool:
    """Excel's comparison of a cell's value with a literal: text case-blind; a number and a
    text are never equal (and a blank cell is 0 or "")."""
    if isinstance(literal, str):
        if value is None:
            value = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return operator == "<>"
        left, right = str(value).strip().lower(), literal.strip().lower()
    else:
        if value is None:
            value = 0
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return operator == "<>"
        left, right = float(value), literal
    return {"=": left == right, "<>": left != right, ">": left > right, "<": left < right,
            ">=": left >= right, "<=": left <= right}[operator]


def _dxf_fill(rule, theme, palette) -> str | None:
    """A rule's fill as RRGGBB. A differential fill keeps its colour in bgColor (fgColor
    only for patterned fills), and often has no pattern type: solid is meant."""
    fill = getattr(getattr(rule, "dxf", None), "fill", None)
    if fill is None:
        return None
    for colour in (getattr(fill, "bgColor", None), getattr(fill, "fgColor", None)):
        if colour is not None and not (getattr(colour, "type", None) == "rgb" and colour.rgb == _UNSET):
            found = colour_rgb(colour, theme, palette)
            if found:
                return found
    return None


def _cell_is(rule):
    operator = rule.operator
    literals = [_literal(formula) for formula in rule.formula or []]
    if not literals or any(literal is None for literal in literals):
        return None
    if operator in ("between", "notBetween") and len(literals) == 2:
        low, high = sorted(literals, key=lambda v: (isinstance(v, str), v))
        inside = lambda value: _compare(value, ">=", low) and _compare(value, "<=", high)  # noqa: E731
        if operator == "between":
            return lambda sheet, row, column, top, left: inside(sheet.cell(row, column).value)
        return lambda sheet, row, column, top, left: not inside(sheet.cell(row, column).value)
    if operator not in _OPERATORS:
        return None
    symbol, literal = _OPERATORS[operator], literals[0]
    return lambda sheet, row, column, top, left: _compare(sheet.cell(row, column).value, symbol, literal)


def _text_rule(rule):
    text = (rule.text or "").strip().lower()
    if not text:
        return None
    check = {"containsText": lambda shown: text in shown, "notContainsText": lambda shown: text not in shown,
             "beginsWith": lambda shown: shown.startswith(text), "endsWith": lambda shown: shown.endswith(text)}[rule.type]
    return lambda sheet, row, column, top, left: check(str(sheet.cell(row, column).value or "").strip().lower())


def _expression(rule):
    """``$F5="Red"``: the reference is written for the range's top-left cell and moves with
    each cell of the range where it is not fixed by ``$``."""
    matched = _COMPARISON.match((rule.formula or [""])[0])
    literal = _literal(matched.group(6)) if matched else None
    if literal is None:
        return None
    fixed_column, column_name, fixed_row, row_number, operator = matched.group(1, 2, 3, 4, 5)
    ref_column, ref_row = column_index_from_string(column_name.upper()), int(row_number)

    def test(sheet, row, column, top, left):
        target_row = ref_row if fixed_row else ref_row + (row - top)
        target_column = ref_column if fixed_column else ref_column + (column - left)
        if target_row < 1 or target_column < 1:
            return False
        return _compare(sheet.cell(target_row, target_column).value, operator, literal)
    return test


_KINDS = {"cellIs": _cell_is, "containsText": _text_rule, "notContainsText": _text_rule,
          "beginsWith": _text_rule, "endsWith": _text_rule, "expression": _expression}


class ConditionalFills:
    """The sheet's readable fill rules; ``fill(row, column)`` the colour they give a cell."""

    def __init__(self, sheet, theme: list[str], palette: list[str] | None):
        self.sheet = sheet
        self.rules: list[_Rule] = []
        for formatting in getattr(sheet, "conditional_formatting", []):
            ranges = list(formatting.sqref.ranges)
            for rule in formatting.rules:
                kind = _KINDS.get(rule.type)
                fill = _dxf_fill(rule, theme, palette) if kind else None
                test = kind(rule) if fill else None
                if test is not None and ranges:
                    self.rules.append(_Rule(rule.priority or 0, fill, ranges, test))
        self.rules.sort(key=lambda rule: rule.priority)

    def fill(self, row: int, column: int) -> str | None:
        for rule in self.rules:
            for area in rule.ranges:
                if area.min_row <= row <= area.max_row and area.min_col <= column <= area.max_col:
                    # a relative reference is written for the first range's top-left cell
                    top, left = rule.ranges[0].min_row, rule.ranges[0].min_col
                    if rule.test(self.sheet, row, column, top, left):
                        return rule.fill
                    break
        return None
