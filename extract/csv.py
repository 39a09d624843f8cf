"""CSV plans (a spreadsheet saved as .csv), on the standard library's csv module.

Excel writes CSV in the computer's code page (Windows-1252 here) or, as "CSV UTF-8",
in UTF-8 with a byte-order mark, and with a comma or, in locales whose decimal mark
is a comma, a semicolon; "Unicode text" is UTF-16. The encoding is read from the BOM
or tried (UTF-8, else Windows-1252), and the delimiter is the one that splits the
rows into the same number of cells most often. The rows then go the way a sheet's
do (``grid.sheet_blocks``): title lines above the table as paragraphs.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from ..errors import DocumentLoadError
from .base import Backend, Cell, Document
from .grid import GridRow, clean, sheet_blocks

_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_ROWS = 200  # rows read to choose the delimiter
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\r?\n", re.I)  # Excel's "sep=;" first line names the delimiter
_ZIP_MAGIC = b"PK\x03\x04"
# Every row is padded out to the widest (a short row is trailing empty cells not written):
# one row of a million cells made rows x a million. Excel stops at 16,384 columns.
_MAX_COLUMNS = 16_384


def decode(data: bytes, path: Path) -> str:
    """The file's text: UTF-8 / UTF-16 by their BOM, else UTF-8 when it is, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(_ZIP_MAGIC):
        raise DocumentLoadError(path, "not a CSV file but a zip package (an Excel workbook?): give it its own "
                                      "suffix (.xlsx)")
    if b"\x00" in data[:4096]:
        raise DocumentLoadError(path, "not a CSV file (binary content): save the sheet from Excel as CSV UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives most rows one common width of two or more cells
    (quoted cells, which may hold the other delimiters, are parsed as such)."""
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        rows = _rows(text, delimiter, _SAMPLE_ROWS)
        widths = Counter(len(row) for row in rows if any(cell.strip() for cell in row))
        width, count = max(widths.items(), key=lambda pair: (pair[1], pair[0]), default=(0, 0))
        score = (count, width) if width >= 2 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _rows(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False):
            rows.append(row)
            if limit and len(rows) >= limit:
                break
    except csv.Error:  # a NUL or a field larger than csv allows: what was read stands
        pass
    return rows


def extract(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    text = decode(data, path)
    stated = _SEP_LINE.match(text)
    if stated:
        text, delimiter = text[stated.end():], stated.group(1)
    else:
        delimiter = sniff_delimiter(text)
    rows = [GridRow(number, [Cell(clean(cell)) for cell in cells])
            for number, cells in enumerate(_rows(text, delimiter), start=1)]
    width = max((len(row.cells) for row in rows), default=0)
    if width > _MAX_COLUMNS:
        widest = next(row for row in rows if len(row.cells) == width)
        raise DocumentLoadError(path, f"row {widest.number} has {width:,} cells, more than a spreadsheet's "
                                      f"{_MAX_COLUMNS:,} columns (a damaged file?): open it in Excel to check it "
                                      "and save it as CSV again")
    for row in rows:  # a short row (trailing empty cells not written) is padded out to the table
        row.cells.extend(Cell("") for _ in range(width - len(row.cells)))
    return Document(path=path, format="csv", blocks=sheet_blocks(rows, 1), pages_cut_rows=False,
                    cells_in_place=True)


class CsvBackend(Backend):
    suffixes = (".csv",)
    pages_cut_rows = False

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
