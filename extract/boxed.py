"""Boxed text tables: ``+----+----+`` rules between rows and ``|`` bars between
cells (or the same drawn with box-drawing characters), as terminals, report
writers and pandoc's grid tables print them.

A cell's text over several lines between two rules is one cell; ``+====+`` marks
the rows above it as the header. A box ruled only above and below its header and
at the bottom holds many rows between two rules: they are told apart line by line
(``wrapped.group_lines``). Cells are cut where the rules put the column bars, so a
``|`` written inside a cell's text stays text.
"""

from __future__ import annotations

import re

from .base import Row
from .wrapped import Lines, group_lines, make_rows

# Box-drawing characters read as their ASCII equivalents (same width, one to one).
_BOX_CHARS = str.maketrans({
    **{c: "-" for c in "─━┄┅┈┉╌╍"}, **{c: "=" for c in "═"}, **{c: "|" for c in "│┃║┆┇┊┋╎╏"},
    **{c: "+" for c in "┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋"
                       "╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬"},
})
_BOX_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_BOX_ROW = re.compile(r"^\s*\|.*\|\s*$")


def find_boxes(lines: list[str]) -> list[tuple[int, int, list[Row]]]:
    """(first line, line after the last, rows) of each boxed table in ``lines``."""
    norm = [line.translate(_BOX_CHARS).rstrip() for line in lines]
    found: list[tuple[int, int, list[Row]]] = []
    i = 0
    while i < len(norm):
        if not _BOX_RULE.match(norm[i]):
            i += 1
            continue
        end = i
        while end < len(norm) and (_BOX_RULE.match(norm[end]) or _BOX_ROW.match(norm[end])):
            end += 1
        box = norm[i:end]
        if any(_BOX_ROW.match(line) for line in box):
            found.append((i, end, _box_rows(box)))
        i = end
    return found


def _box_rows(box: list[str]) -> list[Row]:
    """The rows of a box, its lines already in ASCII."""
    bounds = sorted({m.start() for line in box if _BOX_RULE.match(line) for m in re.finditer(r"\+", line)})
    sections: list[Lines] = [[]]
    spanning: list[bool] = [True]  # per section: every line a cell across the whole box
    header_sections: set[int] = set()
    for line in box:
        if _BOX_RULE.match(line):
            if "=" in line and not header_sections and any(sections):
                header_sections = set(range(len(sections)))
            sections.append([])
            spanning.append(True)
        else:
            sections[-1].append(_box_cells(line, bounds))
            spanning[-1] = spanning[-1] and _spans_all(line, bounds)
    # Rules between every row: each section is a row. A box ruled only around its
    # header and at the bottom holds all its rows in one section: read them by line.
    filled = [number for number, section in enumerate(sections) if section]
    body = [number for number in filled if number not in header_sections]
    if not header_sections and len(filled) > 1:
        body = body[1:]  # the first section is the header, ruled off with "-"
    by_line = len(body) <= 1
    groups: list[Lines] = []
    header_groups: set[int] = set()
    for number, section in enumerate(sections):
        if not section:
            continue
        if number in header_sections:
            header_groups.add(len(groups))
            groups.append(section)
        elif spanning[number] and len(bounds) > 2:
            # One cell across the box (a theme row): one cell, as Word's merged row gives.
            groups.append([[cells[0]] for cells in section])
        elif by_line and number in body and len(section) > 1:
            # The wrapping width of each column is the room inside its bars.
            widths = [right - left - 3 for left, right in zip(bounds, bounds[1:])]
            groups.extend(group_lines(section, widths))
        else:
            groups.append(section)
    return make_rows(groups, header_groups)


def _spans_all(line: str, bounds: list[int]) -> bool:
    """A line with bars only at the box's two sides: a cell spanning every column."""
    bars = [p for p in bounds if p < len(line) and line[p] == "|"]
    return bars == [bounds[0], bounds[-1]] and line.rstrip().endswith("|")


def _box_cells(line: str, bounds: list[int]) -> list[str]:
    """A line's cells, cut at the bars that stand where the rules have a "+" (a cell
    spanning columns has no bar between them: its text goes in the first)."""
    count = max(len(bounds) - 1, 1)
    cells = [""] * count
    bars = [p for p in bounds if p < len(line) and line[p] == "|"]
    if len(bars) < 2 or bars[0] != bounds[0]:
        # Bars out of line with the rules (wide characters): split at the bars.
        parts = line.strip().strip("|").split("|")
        if len(parts) > count:
            parts = parts[:count - 1] + ["|".join(parts[count - 1:])]
        for k, part in enumerate(parts):
            cells[k] = part.strip()
        return cells
    for left, right in zip(bars, bars[1:]):
        cells[bounds.index(left)] = line[left + 1:right].strip()
    if bars[-1] != bounds[-1]:  # the closing bar out of line: the rest is the last cell's
        tail = line[bars[-1] + 1:].rstrip().rstrip("|").strip()
        k = min(bounds.index(bars[-1]), count - 1)
        cells[k] = " ".join(filter(None, [cells[k], tail]))
    return cells
