"""Tables drawn inside a cell of another table on a PDF page, lifted into it.

A Word plan laid out as an outer "Issue raised | Response" table whose every response is
a small table of actions, leads and dates prints as two grids, one inside the other.
pdfplumber returns both: the outer table, whose response cell holds the inner table's
words run together, and each inner table on its own. Read as they come, the outer
table's rows hold no action column and the inner tables lose their recommendation.
Here the inner tables' rows take the place of the cell that holds them: the rows of one
wide table, the outer cells merged down over the nested rows, as the Word reader lifts
the same layout (``docx.Reader._lifted_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Cell, Row

_TOLERANCE = 2.0  # points an inner grid may overhang the cell that holds it


@dataclass
class Nesting:
    """Where inner tables sit in an outer one: the outer columns the holding cell covers
    (first, last) and, by the outer row (0-based), the inner table (a
    ``pdf_ruled.RuledTable``)."""

    columns: tuple[int, int]
    inner_by_row: dict[int, object]


def _within(inner, outer) -> bool:
    return (inner[0] >= outer[0] - _TOLERANCE and inner[1] >= outer[1] - _TOLERANCE
            and inner[2] <= outer[2] + _TOLERANCE and inner[3] <= outer[3] + _TOLERANCE)


def find_nesting(tables: list) -> tuple[list, dict[int, Nesting]]:
    """The page's tables with the inner ones taken out, and each outer table's
    ``Nesting`` by id(). An outer table is lifted only where every inner table sits in
    one column, one to an outer row; otherwise every table stays as found."""
    inner_ids = {id(inner) for inner in tables for outer in tables
                 if outer is not inner and _within(inner.bbox, outer.bbox)}
    nestings: dict[int, Nesting] = {}
    for outer in tables:
        if id(outer) in inner_ids:
            continue
        inners = [t for t in tables if t is not outer and id(t) in inner_ids and _within(t.bbox, outer.bbox)]
        if not inners:
            continue
        nesting = _place(outer, inners)
        if nesting is not None:
            nestings[id(outer)] = nesting
    lifted = {id(inner) for nesting in nestings.values() for inner in nesting.inner_by_row.values()}
    return [t for t in tables if id(t) not in lifted], nestings


def _place(outer, inners: list) -> Nesting | None:
    rows = outer.found.rows
    edges = outer.edges
    columns, inner_by_row = set(), {}
    for inner in inners:
        x0, top, x1, bottom = inner.bbox
        row = next((i for i, r in enumerate(rows) if _within(inner.bbox, r.bbox)), None)
        covered = [i for i, (a, b) in enumerate(zip(edges, edges[1:])) if x0 - _TOLERANCE <= (a + b) / 2 < x1]
        if row is None or not covered or row in inner_by_row:
            return None
        columns.add((covered[0], covered[-1]))
        inner_by_row[row] = inner
    if len(columns) != 1:
        return None
    return Nesting(columns.pop(), inner_by_row)


def lift(outer_rows: list[Row], inner_rows: dict[int, list[Row]], columns: tuple[int, int]) -> list[Row] | None:
    """The outer table's rows with each holding cell (over ``columns``) replaced by its
    inner table's rows. The inner tables must share their first row (their header);
    every other outer row is the outer header (the first), a lone cell across the table
    (a theme), a row whose holding cell is empty (its recommendation cut by a page break
    before its actions), or already as wide as the lifted rows (an inner table cut by the
    page break, drawn into the outer grid). None where the layout is not so: the tables
    are then read as found."""
    headers = {tuple(" ".join(c.text.split()) for c in rows[0].cells) for rows in inner_rows.values() if rows}
    # Each inner table a grid of two columns or more under a header (a box of one
    # column drawn round a web address, as a report's partnership details have, is none).
    if len(headers) != 1 or any(len(rows) < 2 or len(rows[0].cells) < 2 for rows in inner_rows.values()):
        return None
    inner_header = next(r[0] for r in inner_rows.values() if r)
    first, last = columns
    width = len(inner_header.cells)
    lifted: list[Row] = []

    def add(cells: list[Cell], **marks) -> None:
        lifted.append(Row(cells, index=len(lifted) + 1, **marks))  # the page is set by pdf_ruled.read_table

    for position, row in enumerate(outer_rows):
        cells = row.cells
        if position in inner_rows:
            for k, inner in enumerate(inner_rows[position][1:]):
                side = cells if k == 0 else [Cell("", merged_from_above=True) for _ in cells]
                add(side[:first] + inner.cells + side[last + 1:])
        elif len(cells) == 1:
            add(cells)  # a theme across the table
        elif len(cells) <= last:
            return None
        elif position == 0:
            add(cells[:first] + [Cell(c.text) for c in inner_header.cells] + cells[last + 1:],
                marked_header=row.marked_header)
        elif not any(c.text.strip() for c in cells[first:last + 1]):
            add(cells[:first] + [Cell("") for _ in range(width)] + cells[last + 1:])
        elif len(cells) - (last - first + 1) + width == len(cells):
            add(cells)
        else:
            return None
    return lifted
