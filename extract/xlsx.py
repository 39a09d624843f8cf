"""Excel workbooks (.xlsx, .xlsm) on openpyxl, into the same ``Document`` as every format.

Each sheet is read on its own (``grid.sheet_blocks``): the title lines above its table as
paragraphs, the table with each cell as the user sees it. The workbook is opened with
``data_only=True`` (a formula gives its cached value, what Excel last showed) and not
``read_only``: openpyxl's read-only sheets have no merged ranges, and the merges are what
say that a recommendation spans its actions or a theme row spans the table.

Cell fills include those conditional formatting gives (conditional_fills.py): a tracker's
RAG column is often coloured by a rule on its value rather than by hand.
What a sheet hides (rows, columns, the sheet itself) is left out, as the user does not see
it, and said in the document's notes so the plan reports it.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from lxml.etree import XMLSyntaxError
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import DocumentLoadError
from ..schema.codes import Finding
from .base import Backend, Block, Cell, Document, Table
from .cell_format import fill_colour, shown_text, theme_colours
from .conditional_fills import ConditionalFills
from .grid import GridRow, clean, sheet_blocks
from .zip_limits import check_sizes

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Excel 97-2003, or an encrypted workbook
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected workbook keeps
_SHOWN_HIDDEN = 300  # characters of hidden text quoted in a note
# Bounds on what a damaged sheet can make us build: openpyxl makes an object for every cell
# a merged range covers, and the grid is read cell by cell up to the last cell with text.
# A whole merged column is 1,048,576 cells; a plan's grid is a few thousand.
_MAX_MERGED_CELLS = 1_100_000
_MAX_GRID_CELLS = 5_000_000
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


def open_workbook(path: Path):
    """The openpyxl workbook, or a DocumentLoadError saying why the file is not one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise DocumentLoadError(path, "a password-protected workbook: open it in Excel, remove the password "
                                          "(File > Info > Protect Workbook) and save it")
        raise DocumentLoadError(path, "a legacy Excel 97-2003 workbook: open it in Excel or LibreOffice and "
                                      "save it as .xlsx")
    if not zipfile.is_zipfile(path):
        raise DocumentLoadError(path, "not an Excel .xlsx file (it is not a zip package): if it is damaged, "
                                      "open it in Excel and save it again")
    check_sizes(path)
    _check_merges(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of the parts it does not read (data validation extensions,
            # slicers ...): nothing a plan's reader can act on.
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=True, read_only=False, keep_links=False)
    # XMLSyntaxError: openpyxl parses parts with lxml when it is installed (as python-docx
    # needs it); OverflowError: a style index past a C int; zlib.error, EOFError, NotImplementedError:
    # a damaged zip member or an unknown compression method (all found by tests/fuzz.py).
    except (InvalidFileException, OSError, KeyError, ValueError, TypeError, IndexError, AttributeError, ParseError,
            XMLSyntaxError, OverflowError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        cause = " ".join(str(error).split())  # openpyxl's messages run over several lines
        raise DocumentLoadError(path, f"a zip file but not a readable Excel workbook ({cause}): open it in Excel "
                                      "and save it as .xlsx") from error


def _check_merges(path: Path) -> None:
    """Refuse a sheet merging more cells than any plan before openpyxl builds them (a
    range to the sheet's far corner never finished loading)."""
    try:
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                total = 0
                for found in _MERGE_REF.finditer(package.read(name)):
                    first, top, last, bottom = found.groups()
                    total += ((abs(int(bottom) - int(top)) + 1)
                              * (abs(column_index_from_string(last.decode()) - column_index_from_string(first.decode())) + 1))
                    if total > _MAX_MERGED_CELLS:
                        raise DocumentLoadError(path, f"{name} merges more than {_MAX_MERGED_CELLS:,} cells (the "
                                                      f"range {first.decode()}{top.decode()}:{last.decode()}"
                                                      f"{bottom.decode()} among them; a damaged sheet?): unmerge them "
                                                      "in Excel and save it again")
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError, NotImplementedError):
        return  # a damaged package: openpyxl's own error says so


def extract(path: Path) -> Document:
    workbook = open_workbook(path)
    theme = theme_colours(workbook.loaded_theme)
    palette = [colour for colour in getattr(workbook, "_colors", None) or []] or None
    blocks: list[Block] = []
    notes: list[Finding] = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            text = _sheet_text(sheet)
            if text:
                notes.append(Finding("hidden_content", f"sheet {sheet.title!r} is hidden: not read "
                                                          "(unhide it in Excel to have it converted)", text[:_SHOWN_HIDDEN]))
            continue
        reader = _SheetReader(sheet, theme, palette)
        if reader.last_row * reader.last_column > _MAX_GRID_CELLS:
            raise DocumentLoadError(path, f"sheet {sheet.title!r} has text as far as "
                                          f"{get_column_letter(reader.last_column)}{reader.last_row}, more cells than "
                                          "any plan (a damaged sheet?): delete the cells far from the table and save it again")
        index = 1 + sum(1 for block in blocks if isinstance(block, Table))
        read = sheet_blocks(reader.rows(), index, sheet.title)
        blocks.extend(read)
        notes.extend(reader.notes(index if any(isinstance(block, Table) for block in read) else None))
    properties = workbook.properties
    title = ((properties.title if properties else None) or "").strip() or None
    return Document(path=path, format="xlsx", blocks=blocks, title=title, pages_cut_rows=False,
                    cells_in_place=True, notes=notes)


def _stored_cells(sheet) -> list:
    """The cells the file stores, in row then column order. openpyxl keeps them in
    ``_cells``; its public iter_rows walks every position of the rectangle up to the
    farthest one, and creates a cell for each."""
    return [cell for _, cell in sorted(sheet._cells.items())]


def _sheet_text(sheet) -> str:
    lines: dict[int, list[str]] = {}
    for cell in _stored_cells(sheet):
        if cell.value is not None:
            text = clean(shown_text(cell.value, cell.number_format))
            if text:
                lines.setdefault(cell.row, []).append(text)
    return "\n".join(" | ".join(texts) for _, texts in sorted(lines.items()))


class _SheetReader:
    """One sheet's visible cells as rows, merged ranges read once."""

    def __init__(self, sheet, theme: list[str], palette: list[str] | None):
        self.sheet, self.theme, self.palette = sheet, theme, palette
        self.hidden_rows = {number for number, dimension in sheet.row_dimensions.items() if dimension.hidden}
        self.hidden_columns: set[int] = set()
        for dimension in sheet.column_dimensions.values():
            if dimension.hidden and dimension.min:
                self.hidden_columns.update(range(dimension.min, (dimension.max or dimension.min) + 1))
        # The extent of the cells with text: a cell formatted but empty far to the right or
        # below (which openpyxl's max_row / max_column count) is no part of the table.
        # The cells the file stores (openpyxl's iter_rows walks the whole rectangle to the
        # farthest cell, 17 billion cells for a stray one at XFD1048576).
        self.last_row = self.last_column = 0
        for cell in _stored_cells(sheet):
            if cell.value is not None and str(cell.value).strip():
                self.last_row = max(self.last_row, cell.row)
                self.last_column = max(self.last_column, cell.column)
        # (row, column) -> the merged range it belongs to, for every cell of every range
        self.merged = {}
        for merged in sheet.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    self.merged[(row, column)] = merged
        self.title_rows = _print_title_rows(sheet)
        self.conditional = ConditionalFills(sheet, theme, palette)

    def rows(self) -> list[GridRow]:
        columns = [c for c in range(1, self.last_column + 1) if c not in self.hidden_columns]
        rows = []
        for number in range(1, self.last_row + 1):
            if number in self.hidden_rows:
                continue
            cells = [self._cell(number, column) for column in columns]
            rows.append(GridRow(number, self._spanning(number, columns, cells), number in self.title_rows))
        return rows

    def _cell(self, row: int, column: int) -> Cell:
        merged = self.merged.get((row, column))
        if merged is not None and (row, column) != (merged.min_row, merged.min_col):
            # Covered by a merged cell: empty; below its first row, merged from above.
            return Cell("", merged_from_above=row > merged.min_row)
        cell = self.sheet.cell(row=row, column=column)
        # A conditional format's fill, where one applies, is what Excel shows over the cell's own.
        fill = self.conditional.fill(row, column) or fill_colour(cell.fill, self.theme, self.palette)
        return Cell(clean(shown_text(cell.value, cell.number_format)), fill=fill)

    def _spanning(self, row: int, columns: list[int], cells: list[Cell]) -> list[Cell]:
        """A row that is one cell merged across every column (a theme row, as Word's full-width
        cell is) is that one cell, as docx.py gives it."""
        merged = self.merged.get((row, columns[0])) if columns else None
        if (merged is not None and merged.min_row == row and merged.min_col <= columns[0]
                and merged.max_col >= columns[-1] and len(columns) > 1):
            return cells[:1]
        return cells

    def notes(self, table: int | None) -> list[Finding]:
        """The hidden rows and columns that hold text, in one note for the sheet."""
        hidden_rows = [n for n in sorted(self.hidden_rows) if n <= self.last_row and self._row_text(n)]
        hidden_columns = [c for c in sorted(self.hidden_columns) if c <= self.last_column and self._column_text(c)]
        if not hidden_rows and not hidden_columns:
            return []
        parts = []
        if hidden_rows:
            parts.append(f"row{'s' if len(hidden_rows) > 1 else ''} {_ranges(hidden_rows)}")
        if hidden_columns:
            parts.append(f"column{'s' if len(hidden_columns) > 1 else ''} "
                         f"{', '.join(get_column_letter(c) for c in hidden_columns)}")
        value = "\n".join([self._row_text(n) for n in hidden_rows]
                          + [f"{get_column_letter(c)}: {self._column_text(c)}" for c in hidden_columns])
        return [Finding(
            "hidden_content",
            f"sheet {self.sheet.title!r}: hidden {' and '.join(parts)} not read (unhide "
            f"{'it' if len(hidden_rows) + len(hidden_columns) == 1 else 'them'} in Excel to have it converted)",
            value[:_SHOWN_HIDDEN], table=table, row=hidden_rows[0] if hidden_rows else None,
        )]

    def _row_text(self, row: int) -> str:
        texts = (clean(shown_text(c.value, c.number_format)) for c in self.sheet[row])
        return " | ".join(text for text in texts if text)

    def _column_text(self, column: int) -> str:
        texts = (clean(shown_text(self.sheet.cell(row=r, column=column).value,
                                  self.sheet.cell(row=r, column=column).number_format))
                 for r in range(1, self.last_row + 1))
        return " | ".join(text for text in texts if text)


def _print_title_rows(sheet) -> set[int]:
    """The rows Excel prints at the top of every page: the spreadsheet's "repeat as header row"."""
    numbers = [int(n) for n in re.findall(r"\d+", sheet.print_title_rows or "")]
    return set(range(numbers[0], numbers[-1] + 1)) if numbers else set()


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


class XlsxBackend(Backend):
    suffixes = (".xlsx", ".xlsm", ".xls")
    pages_cut_rows = False

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
