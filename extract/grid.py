"""A sheet of cells (a spreadsheet's sheet, a CSV file) as blocks: the text written
above and below the table as paragraphs, the rest as one ``Table``.

A spreadsheet has no paragraphs: a plan's title, its "progress as at" line and a key
to initials are written one to a row in a single cell (or one cell merged across).
Those lines above the first row of two or more cells, and below the last one where a
blank row sets them apart, are the text around the table; everything between stays
in the table, where the normaliser decides what each row is (a lone cell there is a
theme row or the rest of a cell, not a paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Block, Cell, Paragraph, Row, Table


@dataclass
class GridRow:
    number: int  # the row's number in its sheet or file, as the user sees it
    cells: list[Cell]
    marked_header: bool = False  # printed at the top of every page (Excel's print titles)

    @property
    def filled(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.text.strip()]


def sheet_blocks(rows: list[GridRow], table_index: int, sheet: str | None = None) -> list[Block]:
    """The sheet's rows as paragraphs and one table (numbered ``table_index``); [] for a
    sheet with no text. A sheet with no row of two or more cells is text only."""
    if not any(row.filled for row in rows):
        return []
    table_rows = [i for i, row in enumerate(rows) if len(row.filled) >= 2]
    if not table_rows:
        return [Paragraph(_line(row)) for row in rows if row.filled]
    first, last = table_rows[0], table_rows[-1]
    end = len(rows)
    while end > last + 1 and not rows[end - 1].filled:
        end -= 1  # trailing blank rows (formatted but empty) are no part of the table
    below = _text_below(rows, last, end)
    blocks: list[Block] = [Paragraph(_line(row)) for row in rows[:first] if row.filled]
    body = rows[first:below]
    while body and not body[-1].filled:
        body.pop()
    blocks.append(Table([Row(row.cells, index=row.number, marked_header=row.marked_header) for row in body], table_index,
                        stands_alone=True, sheet=sheet))
    blocks.extend(Paragraph(_line(row)) for row in rows[below:end] if row.filled)
    return blocks


def _text_below(rows: list[GridRow], last: int, end: int) -> int:
    """Where the text under the table starts: after a blank row that follows its last
    row of several cells, when every row from there on holds one cell (a key to
    initials, a note); else ``end`` (the lone cells belong to the table)."""
    for i in range(last + 1, end):
        if not rows[i].filled:
            return i if all(len(row.filled) <= 1 for row in rows[i:end]) else end
    return end


def _line(row: GridRow) -> str:
    return " ".join(cell.text for cell in row.filled)


def clean(text: str) -> str:
    """A cell's text as shown: lines kept, spaces within a line collapsed, Excel's
    escaped carriage returns (_x000D_) and Windows line ends made plain newlines."""
    text = text.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
