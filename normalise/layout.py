"""Read a table's layout: which rows are headers, which column holds which field,
and how a row with more or fewer cells than its header lines up with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..bullets import BULLET_CHARS
from ..extract.base import Row
from .columns import Evidence, Role, assign_roles, evidence, reads_as_status
from .cues import reads_as_timescale
from .headings import HeadingTable, heading_note

FIELDS_THAT_MAKE_A_PLAN = {"action", "recommendation"}
_STUB = re.compile(rf"^(\d{{1,3}}[.)]?|[a-z][.)]|[{re.escape(BULLET_CHARS)}])?$", re.I)  # "8.", "10", "•", ""
_LONG_HEADING = 60  # longer than any real heading: text that only sits in a header row


@dataclass(frozen=True)
class Column:
    heading: str  # as written; "" where the header row leaves the column unnamed
    field: str | None  # None: the heading maps to no ActionItem field (goes to `extra`)
    position: int = 0  # 1-based
    # What decided the field: "heading", "content" (the cells below), "position" (the
    # place among prose columns where no column is headed as the action), or None.
    mapped_by: str | None = None
    score: float | None = None

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


def read_header(row: Row, headings: HeadingTable, body: list[Row] | None = None, one_heading: bool = False
                ) -> Header | None:
    """The row as a header: most of its cells are known headings, or (given the rows
    below it) it reads as a heading row and the cells below give the columns roles.
    ``one_heading``: one known heading alone makes a header (an inspection report's
    one-column table of recommendations)."""
    texts = [" ".join(text.split()) for text in row.texts]
    filled = [text for text in texts if text]
    if not filled:
        return None
    fields = [headings.match(text) if len(text) <= _LONG_HEADING else None for text in texts]
    matched = [field for field in fields if field]
    # A row Word marks "repeat as header" may also be a title row repeated with the
    # header: it counts only if its cells name columns too.
    # ``one_heading``: an inspection report's one-column table ("Areas for improvement").
    enough = 1 if row.marked_header or (one_heading and len(filled) == 1) else 2
    by_headings = bool(
        len(set(matched)) >= enough
        and len(matched) / len(filled) >= 0.6
        and FIELDS_THAT_MAKE_A_PLAN & set(matched)
    )
    if not by_headings and not (body and _reads_as_heading_row(filled)):
        return None
    if body:
        roles, columns_read = _roles(fields, body)
    else:
        roles, columns_read = [Role(f, "heading" if f else None, 1.0 if f else None) for f in fields], []
    if not by_headings:
        # No heading vouches for the table: it is a plan only where the cells show one,
        # an action column of prose beside at least two of who / when / how it is
        # going. A two-column grade table, a list of contacts, or a title line and
        # its words split into columns is not.
        found = {role.field for role in roles if role.field}
        action_prose = [read.prose for role, read in zip(roles, columns_read) if role.field == "action"]
        if not action_prose or action_prose[0] < 0.5 or len(found & {"lead", "timescale", "status"}) < 2:
            return None
    columns, stray = [], []
    for position, (text, role) in enumerate(zip(texts, roles), start=1):
        if text and len(text) > _LONG_HEADING:
            stray.append(text)
            text = ""
        columns.append(Column(text, role.field, position, role.mapped_by, role.score))
    return Header(tuple(columns), tuple(stray))


def _reads_as_heading_row(filled: list[str]) -> bool:
    """Short labels, none of them a date, a rating or a piece of a sentence: a row of headings
    even where no heading is a known one."""
    return len(filled) >= 2 and all(
        len(text) <= _LONG_HEADING and len(text.split()) <= 8 and not text.endswith((".", ",", ";"))
        and not text[:1].islower()  # a heading starts a label; prose split into columns does not
        and not reads_as_timescale(text) and not reads_as_status(text)
        for text in filled
    )


def _roles(heading_fields: list[str | None], body: list[Row]) -> tuple[list[Role], list[Evidence]]:
    width = len(heading_fields)
    cells: list[list[str]] = [[] for _ in range(width)]
    fills: list[list[str | None]] = [[] for _ in range(width)]
    for row in body:
        for position in range(width):
            cell = row.cells[position] if position < len(row.cells) else None
            cells[position].append(cell.text if cell else "")
            fills[position].append(cell.fill if cell else None)
    columns_read = [evidence(c, f) for c, f in zip(cells, fills)]
    return assign_roles(heading_fields, columns_read), columns_read


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
