"""Rows of tables whose cells wrap over several lines of text (boxed and
fixed-width text tables): which lines make up a row, and each cell's text.

A table row is a run of lines; each line is already cut into the table's columns.
The lines of one cell are joined with spaces (the text was wrapped to fit the
column), with a new line where a line starts a bullet or follows an empty line.
Where nothing but the lines themselves shows where rows start (no rule or blank
line between rows), a line starts a new row when a cell starts again after it had
ended, when the first column starts below the row's first line, or when its words
would have fitted on the line above (so the line above was not wrapped there).
"""

from __future__ import annotations

import re

from ..bullets import BULLET_CHARS
from .base import Cell, Row
from .markup import html_to_text

BULLET_START = re.compile(rf"^[{re.escape(BULLET_CHARS)}]\s")
_ENUMERATOR = re.compile(r"^(?:\(?[a-zA-Z0-9]{1,3}[.)]|\d+(?:\.\d+)+\.?)\s")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")

Lines = list[list[str]]  # a run of lines, each cut into its cells' texts


def join_lines(parts: list[str], width: int | None = None) -> str:
    """One cell's text from its lines: wrapped lines joined with a space, a bullet
    or a paragraph break (an empty line inside the cell) starting a new line. Given the
    ``width`` the column wraps at, a capitalised line whose first word would have fitted
    on the line above also starts a new line: the writer broke the line there, as
    between the names of a list of leads ("NH" / "PB" / "Learning and Development")."""
    text = ""
    gap = False
    above = ""
    for part in parts:
        part = part.strip()
        if not part:
            gap = bool(text)
            continue
        broken = (width is not None and bool(above) and part[0].isupper()
                  and len(above) + 1 + len(part.split()[0]) <= width)
        if not text:
            text = part
        elif gap or broken or BULLET_START.match(part):
            text += "\n" + part
        elif _HYPHEN_END.search(text) and part[0].islower():
            text += part  # "multi-" / "agency": a word wrapped at its hyphen
        else:
            text += " " + part
        gap = False
        above = part
    return html_to_text(text)


def make_rows(groups: list[Lines], header_groups: set[int], widths: list[int] | None = None) -> list[Row]:
    """A ``Row`` from each group of lines (the groups numbered in ``header_groups``
    marked as header rows); a group with no text at all is left out. ``widths``: the
    width each column wraps at, where known."""
    rows: list[Row] = []
    for number, group in enumerate(groups):
        width = max(len(line) for line in group)
        texts = [join_lines([line[k] if k < len(line) else "" for line in group],
                            widths[k] if widths and k < len(widths) and width > 1 else None)
                 for k in range(width)]
        if not any(texts):
            continue
        rows.append(Row([Cell(text) for text in texts], index=len(rows) + 1,
                        marked_header=number in header_groups))
    return rows


def observed_widths(lines_cells: Lines) -> list[int]:
    """The longest line of text in each column: the least width it wraps at."""
    count = max(len(cells) for cells in lines_cells)
    return [max((len(cells[k]) for cells in lines_cells if k < len(cells)), default=0) for k in range(count)]


def group_lines(lines_cells: Lines, widths: list[int], header: list[str] | None = None,
                previous: Lines | None = None) -> list[Lines]:
    """Lines with nothing between rows, grouped into rows. ``widths``: the width
    each column wraps at; a line reading ``header`` starts a row (a header repeated
    on a new page); ``previous`` is the row before these lines, which their first
    lines may finish (a blank line, where a page broke, cut it)."""
    groups: list[Lines] = []
    for cells in lines_cells:
        if not groups or cells == header or starts_row(cells, groups[-1], widths):
            groups.append([cells])
        else:
            groups[-1].append(cells)
    if previous is not None and groups and not starts_row(groups[0][0], previous, widths):
        previous.extend(groups.pop(0))
    return groups


def starts_row(cells: list[str], row: list[list[str]], widths: list[int]) -> bool:
    """Whether a line begins a new row rather than going on with ``row``. Evidence
    for a new row: a cell starting again after it had ended, or starting below the
    row's first line; a numbered line; a first word that would have fitted on the line
    above (so the line above was not wrapped). For going on: a bullet, a lower-case
    start. Without either, text in the first column starts a row."""
    previous = row[-1]
    new = carry = 0
    for k, text in enumerate(cells):
        if not text:
            continue
        above = previous[k] if k < len(previous) else ""
        if not above:
            if any(k < len(line) and line[k] for line in row):
                return True  # the cell had ended: text starting again is a new row's
            if k == 0:
                return True  # rows start in their first column, at the top
            new += 1
        elif BULLET_START.match(text):
            carry += 1
        elif _ENUMERATOR.match(text):
            new += 2 if k <= 1 else 1
        elif text[0].islower():
            carry += 1
        elif k < len(widths) and len(above) + 1 + len(text.split()[0]) <= widths[k]:
            new += 1  # the word would have fitted above: the line was not wrapped there
    if new != carry:
        return new > carry
    return bool(cells[0])
