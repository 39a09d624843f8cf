"""Read a table's layout: which rows are headers, which column holds which field,
and how a row with more or fewer cells than its header lines up with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.base import Row
from .headings import HeadingTable, heading_note

FIELDS_THAT_MAKE_A_PLAN = {"action", "recommendation"}
_STUB = re.compile(r"^(\d{1,3}[.)]?|[a-z][.)]|[•·▪◦\-–*])?$", re.I)  # "8.", "10", "•", ""
_LONG_HEADING = 60  # longer than any real heading: text that only sits in a header row


@dataclass(frozen=True)
class Column:
    heading: str  # as written; "" where the header row leaves the column unnamed
    field: str | None  # None: the heading maps to no ActionItem field (goes to `extra`)
    position: int = 0  # 1-based

    @property
    def key(self) -> str:
        """The name of the column's text in `extra`."""
        return self.heading or f"column {self.position}"


@dataclass(frozen=True)
class Header:
    columns: tuple[Column, ...]
    # Text in the header row that is no heading (OCR debris); reported, not kept as one.
    stray_text: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return len(self.columns)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(column.field for column in self.columns if column.field)

    def note(self, field: str) -> str | None:
        """A bracketed note on a field's heading: "What we will do (5a)" -> "5a"."""
        for column in self.columns:
            if column.field == field:
                return heading_note(column.heading)
        return None


def read_header(row: Row, headings: HeadingTable) -> Header | None:
    """The row as a header, if most of its cells are known headings."""
    texts = [" ".join(text.split()) for text in row.texts]
    filled = [text for text in texts if text]
    if not filled:
        return None
    fields = [headings.match(text) if len(text) <= _LONG_HEADING else None for text in texts]
    matched = [field for field in fields if field]
    # A row Word marks "repeat as header" may also be a title row repeated with the
    # header: it counts only if its cells name columns too.
    enough = 1 if row.marked_header else 2
    is_header = (
        len(set(matched)) >= enough
        and len(matched) / len(filled) >= 0.6
        and FIELDS_THAT_MAKE_A_PLAN & set(matched)
    )
    if not is_header:
        return None
    columns, stray = [], []
    for position, (text, field) in enumerate(zip(texts, fields), start=1):
        if text and len(text) > _LONG_HEADING:
            stray.append(text)
            text = ""
        columns.append(Column(text, field, position))
    return Header(tuple(columns), tuple(stray))


def is_stub(text: str) -> bool:
    return bool(_STUB.match(text.strip()))


def align(texts: list[str], width: int, stub_columns: tuple[int, ...]) -> list[str]:
    """A row's cell texts lined up with a header of ``width`` columns.

    Conversions sometimes split a column in two: a list number or a bullet glyph
    in a narrow cell of its own ("8." | "Ensure that..."). Such stub columns are
    glued onto the cell to their right. Missing trailing cells are empty.
    """
    cells = list(texts)
    for position in sorted(stub_columns, reverse=True):
        if position + 1 < len(cells) and len(cells) > width:
            stub, neighbour = cells[position].strip(), cells[position + 1]
            cells[position + 1] = f"{stub} {neighbour}".strip() if stub else neighbour
            del cells[position]
    while len(cells) > width and not cells[-1].strip():
        cells.pop()
    if len(cells) > width:  # still too wide: keep the overflow in the last column
        cells[width - 1] = "\n".join(text for text in cells[width - 1:] if text.strip())
        cells = cells[:width]
    return cells + [""] * (width - len(cells))


def stub_columns(rows: list[list[str]], width: int) -> tuple[int, ...]:
    """Columns to glue onto their right neighbour so ``rows`` fit ``width`` columns."""
    if not rows:
        return ()
    row_width = max(len(row) for row in rows)
    extra = row_width - width
    if extra <= 0:
        return ()
    padded = [row + [""] * (row_width - len(row)) for row in rows]
    candidates = [
        position
        for position in range(row_width - 1)
        if all(is_stub(row[position]) for row in padded)
        and any(row[position + 1].strip() for row in padded)
    ]
    # Prefer columns that actually hold stubs over ones that are merely empty.
    candidates.sort(key=lambda position: not any(row[position].strip() for row in padded))
    return tuple(sorted(candidates[:extra]))
