"""Tables a PDF draws with ruled grids or cell rectangles, read into ``Table`` blocks.

pdfplumber's grid has a column for every distinct x where a box starts. Word -> PDF
templates (GOV.UK, Ofsted) draw each cell as a rectangle with padding strips, so the
grid gains thin phantom columns between the real ones (a shaded header drawn as three
boxes: strip, heading, strip), and pdfplumber's own text, cut at the box edges, clips
a word that starts in a strip. Here the table's columns are the grid's columns that
hold text (or a cell colour); a column empty in every row is merged into its
neighbours, keeping the boundary most boxes share. A cell's text is every word whose
centre lies in its rows and in the columns it covers, strips included: never clipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .base import Cell, Row, Table
from .pdf_nested import find_nesting, lift
from .pdf_words import Word, cell_text, ocr_confidences

Strategy = Literal["lines", "lines_strict", "text", "explicit"]


class TableFinding(BaseModel):
    """The pdfplumber table settings this reader sets, by pdfplumber's names
    (pdfplumber.table.TableSettings); the others keep pdfplumber's defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Cells from drawn lines and rectangles only: tables aligned by whitespace alone are
    # pdf_unruled's, which reads them from the heading words and the gutters.
    vertical_strategy: Strategy = "lines"
    horizontal_strategy: Strategy = "lines"

    def for_pdfplumber(self) -> dict:
        return self.model_dump()


class RuledSettings(BaseModel):
    """The tuned constants of reading a ruled table, each with why its value (points are
    1/72 inch)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table_finding: TableFinding = TableFinding()
    # A fill whose every channel (0-1) is at least this light is the page's white, not a
    # shading: Word's "no colour" boxes print as white, some as 0.96-0.99 near-white.
    white: float = 0.95
    # Box edges this close are one boundary: Word draws a cell's box and its neighbour's
    # a hairline (0.5-1pt) apart.
    same_x: float = 1.5
    # A boundary within this of the page before's table edge is that edge: a table carried
    # over a page break is redrawn a point or two off.
    carried: float = 3.0
    # A box narrower than this is cell padding, not a column: Word's padding strips are
    # 5-7pt wide, the narrowest real column (a number) some 15pt.
    sliver: float = 8.0
    # Two tables whose outer edges are this close are one table continued on the next page.
    same_outline: float = 3.0
    # A cell takes the colour of a filled shape covering this share of it: a shaded cell's
    # fill covers all of it less its padding, a neighbour's fill only a sliver.
    fill_share: float = 0.6


SETTINGS = RuledSettings()


@dataclass
class RuledTable:
    """A table pdfplumber found, with the column boundaries the text gives it."""

    found: object  # pdfplumber.table.Table
    edges: tuple[float, ...]  # x of the column boundaries, left edge to right edge
    lifted: list[Row] | None = None  # its rows with the tables drawn inside its cells lifted in (pdf_nested)

    @property
    def bbox(self):
        return self.found.bbox

    @property
    def columns(self) -> int:
        return len(self.edges) - 1


def ruled_tables(page, words: list[Word], fills, previous: Table | None) -> list[RuledTable]:
    """The tables the page draws with ruled grids. A single ruled row is kept too: it
    may be the tail of a row cut by the page break. A box drawn with no inner lines is
    kept only where it carries on the ruled table the page before ended with (a
    one-column table of recommendations crossing a page); elsewhere its text is
    paragraphs. A one-column table drawn as cells (a shaded heading between padding
    strips over its rows: GOV.UK's "Areas for improvement") stays a table."""
    carried = previous.column_edges if isinstance(previous, Table) and previous.strategy == "lines" else ()
    finding = SETTINGS.table_finding.for_pdfplumber()
    found = _lift_nested([RuledTable(t, _column_edges(t, words, fills, carried)) for t in page.find_tables(finding)],
                         words, fills)
    kept = [t for t in found if _grid_columns(t.found) >= 2]
    if carried and found and _grid_columns(found[0].found) == 1:
        first = found[0]
        if (not kept or first.bbox[1] < kept[0].bbox[1]) and same_outline(carried, first.edges):
            kept.insert(0, first)
    return kept


def _lift_nested(tables: list[RuledTable], words: list[Word], fills) -> list[RuledTable]:
    """Tables drawn inside another's cells: lifted into it where the layout allows
    (``pdf_nested``), else every table read as found."""
    if len(tables) < 2:
        return tables
    outers, nestings = find_nesting(tables)
    lifted_inners: set[int] = set()
    for outer in outers:
        nesting = nestings.get(id(outer))
        if nesting is None:
            continue
        first, last = nesting.columns
        beside = [
            w for row, inner in nesting.inner_by_row.items()
            for w in words
            if _inside(w, (outer.edges[first], outer.found.rows[row].bbox[1], outer.edges[last + 1],
                           outer.found.rows[row].bbox[3])) and not _inside(w, inner.bbox)
        ]
        if beside:  # text beside a nested table would be lost
            continue
        inner_rows = {row: _rows(inner, words, fills) for row, inner in nesting.inner_by_row.items()}
        outer.lifted = lift(_rows(outer, words, fills), inner_rows, nesting.columns)
        if outer.lifted is not None:
            lifted_inners |= {id(inner) for inner in nesting.inner_by_row.values()}
    return [t for t in tables if id(t) not in lifted_inners]


def _grid_columns(found) -> int:
    return max((len(row.cells) for row in found.rows), default=0)


def same_outline(before: tuple[float, ...], after: tuple[float, ...]) -> bool:
    apart = SETTINGS.same_outline
    return bool(before and after) and abs(before[0] - after[0]) <= apart and abs(before[-1] - after[-1]) <= apart


def _column_edges(found, words: list[Word], fills, carried: tuple[float, ...]) -> tuple[float, ...]:
    """The boundaries of the columns that hold something. A run of empty grid columns
    between two columns with text leaves one boundary: the one most boxes start or end
    at (or one the table carried from the page before); empty columns at either side
    join the column next to them."""
    boxes = [cell for cell in found.cells if cell is not None]
    xs = _boundaries(boxes)
    if len(xs) < 3:
        return tuple(round(x) for x in xs)
    inside = [w for w in words if _inside(w, found.bbox)]
    # A cell with a colour and no text (a RAG cell) is content; a padding strip, or a
    # shaded box across several columns, says nothing about where columns are.
    coloured = [(b[0], b[2]) for b in boxes if b[2] - b[0] >= SETTINGS.sliver and fill_of(b, fills)]
    carried_at = [any(abs(x - edge) <= SETTINGS.carried for edge in carried) for x in xs]
    used = [
        x1 - x0 >= SETTINGS.sliver  # only padding strips are phantom: a wide empty column is a column
        or any(x0 <= (w.x0 + w.x1) / 2 < x1 for w in inside)
        or any(abs(a - x0) <= SETTINGS.same_x and abs(b - x1) <= SETTINGS.same_x for a, b in coloured)
        or (carried_at[i] and carried_at[i + 1])  # a column the table had on the page before
        for i, (x0, x1) in enumerate(zip(xs, xs[1:]))
    ]
    if not any(used):
        return tuple(round(x) for x in xs)
    kept = [xs[0]]
    run: list[float] = []  # boundaries since the last column with text
    seen_text = False
    for position, has_text in enumerate(used):
        left = xs[position]
        if has_text:
            if seen_text:
                run.append(left)
                kept.append(_busiest(run, boxes, carried))
            seen_text = True
            run = []
        elif seen_text:
            run.append(left)
    kept.append(xs[-1])
    return tuple(round(x) for x in kept)  # whole points, as pages are compared (``pdf._continues``)


def _boundaries(boxes) -> list[float]:
    """Where boxes start, and the table's right edge (as pdfplumber's columns: a box
    ending short of its neighbours' right edge makes no column)."""
    xs: list[float] = []
    for x in sorted({box[0] for box in boxes} | {max(box[2] for box in boxes)}):
        if not xs or x - xs[-1] > SETTINGS.same_x:
            xs.append(x)
    return xs


def _busiest(candidates: list[float], boxes, carried: tuple[float, ...]) -> float:
    for x in candidates:
        if any(abs(x - edge) <= SETTINGS.carried for edge in carried):
            return x

    def edges_at(x: float) -> int:
        return sum((abs(box[0] - x) <= SETTINGS.same_x) + (abs(box[2] - x) <= SETTINGS.same_x) for box in boxes)

    return max(candidates, key=lambda x: (edges_at(x), x))


def read_table(ruled: RuledTable, words: list[Word], fills, index: int, number: int) -> Table:
    rows = ruled.lifted if ruled.lifted is not None else _rows(ruled, words, fills)
    for row in rows:
        row.page = number  # read before the page was numbered (its nested tables, say)
    return Table(rows, index, page=number, strategy="lines", column_edges=ruled.edges)


def _rows(ruled: RuledTable, words: list[Word], fills) -> list[Row]:
    edges = ruled.edges
    centres = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
    table_words = [w for w in words if _inside(w, ruled.bbox)]
    placed: list[tuple[tuple, int, int]] = []  # (box, first column, last column) of boxes seen so far
    rows: list[Row] = []
    for row_number, row in enumerate(ruled.found.rows, start=1):
        owners: dict[int, tuple[tuple, int, int]] = {}
        for box in (cell for cell in row.cells if cell is not None):
            span = _span(box, centres)
            for column in range(span[1], span[2] + 1):
                owners.setdefault(column, span)
        y_mid = (row.bbox[1] + row.bbox[3]) / 2
        # Every cell box of the row lies within the row's box: looking for a cell's words
        # among the row's, not the table's, keeps a long table linear, not quadratic.
        row_words = [w for w in table_words if row.bbox[1] <= (w.top + w.bottom) / 2 < row.bbox[3]]
        cells: list[Cell] = []
        for column, centre in enumerate(centres):
            owner = owners.get(column)
            if owner is None:  # covered by a box that starts in a row above (a vertical merge), or nothing drawn
                above = any(b[0] <= centre < b[2] and b[1] <= y_mid < b[3] for b, _, _ in placed)
                cells.append(Cell("", merged_from_above=above))
            elif owner[1] != column:  # covered from the left (a merged cell)
                cells.append(Cell(""))
            else:
                box, first, last = owner
                area = (edges[first], box[1], edges[last + 1], box[3])
                in_cell = [w for w in row_words if _inside(w, area)]
                # Lines wrap at the box as drawn (a strip or an empty column beside it
                # gives no room), or past it where words overhang it.
                drawn = (min([box[0], *(w.x0 for w in in_cell)]), box[1], max([box[2], *(w.x1 for w in in_cell)]), box[3])
                cells.append(Cell(cell_text(in_cell, drawn), fill=fill_of(box, fills), ocr=ocr_confidences(in_cell)))
        placed.extend(owners.values())
        spans = set(owners.values())
        if len(centres) > 1 and len(spans) == 1 and next(iter(spans))[1:] == (0, len(centres) - 1):
            cells = cells[:1]  # one cell across the table: a section
        rows.append(Row(cells, index=row_number))
    return rows


def _span(box, centres: list[float]) -> tuple[tuple, int, int]:
    """The columns a box covers: those whose middle it holds; a padding strip narrower
    than any column covers the column it sits in."""
    covered = [i for i, centre in enumerate(centres) if box[0] <= centre < box[2]]
    if covered:
        return (box, covered[0], covered[-1])
    middle = (box[0] + box[2]) / 2
    nearest = min(range(len(centres)), key=lambda i: abs(centres[i] - middle))
    return (box, nearest, nearest)


def _inside(word: Word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx < x1 and top <= cy < bottom


def fills(page) -> list[tuple[tuple, str]]:
    """Filled, coloured rectangles on the page (cell backgrounds), as (bbox, RRGGBB)."""
    found = []
    for shape in list(page.rects) + [c for c in page.curves if c.get("fill")]:
        colour = _hex(shape.get("non_stroking_color")) if shape.get("fill") else None
        if colour:
            found.append(((shape["x0"], shape["top"], shape["x1"], shape["bottom"]), colour))
    return found


def fill_of(bbox, fills) -> str | None:
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1)
    for (fx0, ftop, fx1, fbottom), colour in fills:
        overlap = max(0, min(x1, fx1) - max(x0, fx0)) * max(0, min(bottom, fbottom) - max(top, ftop))
        if overlap / area >= SETTINGS.fill_share:
            return colour
    return None


def _hex(colour) -> str | None:
    """RRGGBB for a pdfplumber colour (grey, RGB or CMYK floats); None for white / none."""
    if colour is None or isinstance(colour, str):
        return None
    values = list(colour) if isinstance(colour, (tuple, list)) else [colour]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return None
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 3:
        rgb = values
    elif len(values) == 4:
        c, m, y, k = values
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    if min(rgb) >= SETTINGS.white:
        return None
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in rgb)
