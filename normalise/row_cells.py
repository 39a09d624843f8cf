"""One data row's cells read under the header in force: their text by field (and by
heading for the columns that map to no field), which cells the source merged down, the
row's shading and, for OCR, the words' confidences. Pure: the row and the header in,
a ``RowCells`` out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.base import Row
from .cues import append
from .headings import normalise_heading
from .layout import Header, align


@dataclass
class RowCells:
    """A row's text by the field its column fills."""

    by_field: dict[str, str]
    extra: dict[str, str]  # columns that fill no field, by their key
    merged: set[str]  # fields whose cell the source marks as merged from the row above
    fill: str | None = None  # the first shaded cell's colour (a RAG rating drawn as a fill)
    ocr: dict[str, list[float]] = field(default_factory=dict)  # OCR word confidences by field ("extra": the rest)
    cell_count: int = 0  # the row's cells as the source gave them (one across a wider header: a merged row)
    emphasised: bool = False  # every cell with text is bold

    @property
    def lone_text(self) -> str | None:
        """The text of a row that has text in one column only."""
        values = [*self.by_field.values(), *self.extra.values()]
        return values[0] if len(values) == 1 else None

    @property
    def lone_field(self) -> str | None:
        """The field of that one column (None for a column that fills no field)."""
        if len(self.by_field) + len(self.extra) != 1:
            return None
        return next(iter(self.by_field), None)


def read_cells(row: Row, header: Header, stubs: tuple[int, ...] = ()) -> RowCells:
    """The row's cells lined up under ``header`` (``stubs``: the narrow stub columns a
    conversion split off a cell, glued back)."""
    texts = align(row.texts, header.width, stubs)
    last_column = header.columns[-1]
    # Text under a trailing column with no heading while the first cell is empty: the
    # converter shifted this row one cell right.
    shifted = not last_column.heading and bool(texts[-1].strip()) and not texts[0].strip()
    if shifted:
        texts = texts[1:] + [""]
    merged_cells = align(["1" if cell.merged_from_above else "" for cell in row.cells], header.width, ())
    headings = [normalise_heading(column.heading) for column in header.columns]
    # OCR can fuse a repeated header into the first data row: drop the heading words.
    echoes = sum(1 for text, heading in zip(texts, headings) if heading and text and normalise_heading(text) == heading)
    by_field: dict[str, str] = {}
    extra: dict[str, str] = {}
    merged: set[str] = set()
    for column, text, heading, was_merged in zip(header.columns, texts, headings, merged_cells):
        text = text.strip()
        if echoes >= 2 and text:
            if normalise_heading(text) == heading:
                continue
            if column.heading and text.lower().startswith(column.heading.lower()):
                text = text[len(column.heading):].strip()
        if column.field and was_merged:
            merged.add(column.field)
        if not text:
            continue
        if column.field:
            by_field[column.field] = append(by_field.get(column.field), text)
        else:
            extra[column.key] = append(extra.get(column.key), text)
    return RowCells(
        by_field=by_field, extra=extra, merged=merged,
        fill=next((cell.fill for cell in row.cells if cell.fill), None),
        ocr=_ocr_by_field(row, header, stubs, shifted),
        cell_count=len(row.cells),
        emphasised=all(cell.emphasis for cell in row.cells if cell.text.strip()),
    )


def _ocr_by_field(row: Row, header: Header, stubs: tuple[int, ...], shifted: bool) -> dict[str, list[float]]:
    """The OCR confidences of a row's words by the field their column fills (``extra``
    for columns that fill none), lined up as the texts are."""
    if not any(cell.ocr for cell in row.cells):
        return {}
    held = align([str(i) for i in range(len(row.cells))], header.width, stubs)
    if shifted:
        held = held[1:] + [""]
    by_field: dict[str, list[float]] = {}
    for column, positions in zip(header.columns, held):
        words = [confidence for i in positions.split() for confidence in row.cells[int(i)].ocr]
        if words:
            by_field.setdefault(column.field or "extra", []).extend(words)
    return by_field
