"""PDF plans on pdfplumber, into the same ``Document`` as every format.

pdfplumber finds tables one page at a time and returns ``None`` for the grid
positions a merged cell covers; it has no notion of a table running over pages.
Here each page's table becomes a ``Table`` block that records its page, the
strategy that found it, which cells are covered from above (vertical merges) and
cell colours; the normaliser joins the pages (repeated headers, split rows).
A page that rules no table is read by text alignment (``pdf_unruled``) only where
it shows one (a heading row the plan vocabulary knows, or columns carrying on the
aligned table the page before ended with); otherwise its text is paragraphs.
Pages are closed as soon as they are read so memory stays flat on long plans.
"""

from __future__ import annotations

import logging
import re
import statistics
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..errors import DocumentLoadError
from .base import Backend, Block, Cell, Document, Paragraph, Row, Table
from .ocr import OcrOptions, PageOcr
from .pdf_unruled import find_aligned_tables
from .pdf_words import MARGIN as _MARGIN
from .pdf_words import Word, cell_text, ocr_confidences, page_words, text_lines

# pdfminer logs a warning for every damaged object it steps over (hundreds for one bad
# file); the library's caller decides whether to see them (the CLI: with --debug).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFSyntaxError, PSException, PDFEncryptionError,
               PDFPasswordIncorrect, ValueError, KeyError, TypeError, AttributeError, AssertionError)
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)
_WHITE = 0.95
# List bullets drawn in symbol fonts (Wingdings / Symbol private-use code points) or as
# squares: written "•" so every format gives a list the same way.
_BULLET_GLYPHS = "\uf06e\uf0a7\uf0b7\uf0d8\uf076\uf0fc\u25fc\u25aa\u25a0\u25cf\u2022\u25e6"
_BULLET = re.compile(f"^[{_BULLET_GLYPHS}]\\s*")
_SLIVER = 8.0  # a grid cell narrower than this (points) is cell padding or a shaded edge, not a column
# A ruled plan draws some hundreds of lines and boxes a page; table finding over tens of
# thousands (a chart, a hostile file) takes minutes and gigabytes. Such a page is read
# from its text alone, and reported.
_MAX_SHAPES = 5000


def extract(path: Path, ocr: OcrOptions | None = None) -> Document:
    """``ocr``: which pages to read as pictures (default: those with no text layer)."""
    reader = PageOcr(path, ocr)
    try:
        pdf = pdfplumber.open(path)
        with pdf:
            return _read(path, pdf, reader)
    except DocumentLoadError:
        raise
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    except _PDF_ERRORS as error:
        raise DocumentLoadError(path, _why(error)) from error
    finally:
        reader.close()


def _why(error: Exception) -> str:
    """One line saying why a PDF cannot be read (pdfplumber wraps pdfminer's errors)."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "encrypted PDF: it needs a password to open"
    detail = str(cause).strip() or type(cause).__name__
    return f"damaged or truncated PDF ({detail})"


def _read(path: Path, pdf, ocr: PageOcr) -> Document:
    blocks: list[Block] = []
    page_count = len(pdf.pages)
    margin_lines: list[tuple[Paragraph, str]] = []  # page-margin text, judged once all pages are read
    without_text: list[int] = []
    read_by_ocr: list[int] = []
    strategies: list[str] = []
    tables = 0
    margin: set[int] = set()
    too_busy: list[int] = []
    for number, whole_page in enumerate(pdf.pages, start=1):
        page = whole_page
        try:
            if ocr.wants(page):  # a picture of a page (scanned): its words and lines from OCR
                page = ocr.read(page, number)
                read_by_ocr.append(number)
            if not page.chars:  # a picture of a page with OCR off or not installed: nothing to read
                without_text.append(number)
                strategies.append("none")
                continue
            if len(page.rects) + len(page.lines) + len(page.curves) > _MAX_SHAPES:
                too_busy.append(number)
                page = page.filter(lambda obj: obj.get("object_type") == "char")
            words = page_words(page)
            page_tables = _ruled_tables(page, _last_content(blocks, margin))
            placed: list[tuple[float, Block]] = []
            if page_tables:
                strategy = "lines"
                fills = _fills(page)  # cell colours, read once per page
                for found in page_tables:
                    tables += 1
                    table = _read_table(found, words, fills, tables, number, strategy)
                    table.after_page_break = number > 1 and not placed
                    table.column_edges = _edges(found)
                    placed.append((found.bbox[1], table))
            else:
                page_tables = find_aligned_tables(page, words, _aligned_edges(_last_content(blocks, margin)), number)
                strategy = "text" if page_tables else "none"
                for aligned in page_tables:
                    tables += 1
                    table = Table(aligned.rows, tables, page=number, strategy=strategy, column_edges=aligned.edges)
                    table.after_page_break = number > 1 and not placed
                    placed.append((aligned.bbox[1], table))
            strategies.append(strategy)
            outside = [w for w in words if not any(_inside(w, t.bbox) for t in page_tables)]
            body_size = statistics.median(w.size for w in words) if words else 0
            for top, paragraph, in_margin in _paragraphs(outside, page, body_size):
                placed.append((top, paragraph))
                if in_margin:
                    margin_lines.append((paragraph, paragraph.text))
            placed.sort(key=lambda pair: pair[0])
            margin = {id(paragraph) for paragraph, _ in margin_lines}
            first_content = True
            for _, block in placed:
                if id(block) in margin:  # a running head or foot does not part a table from its page
                    blocks.append(block)
                    continue
                previous = _last_content(blocks, margin)
                if first_content and isinstance(block, Table) and _continues(previous, block):
                    _join(previous, block)
                    tables -= 1
                else:
                    blocks.append(block)
                first_content = False
        finally:
            whole_page.close()  # drop the page's layout cache: flat memory on long plans
    blocks = _without_running_lines(blocks, margin_lines, page_count)
    return Document(
        path=path, format="pdf", blocks=blocks, pages=page_count,
        pages_without_text=without_text, page_strategies=strategies, ocr_pages=read_by_ocr,
        ocr_note=ocr.note if without_text else None, pages_too_busy=too_busy,
    )


def _edges(found) -> tuple[float, ...]:
    """The x positions of a table's column boundaries."""
    xs = sorted({round(cell[0]) for cell in found.cells} | {round(cell[2]) for cell in found.cells})
    return tuple(xs)


def _last_content(blocks: list[Block], margin: set[int]) -> Block | None:
    for block in reversed(blocks):
        if id(block) not in margin:
            return block
    return None


def _continues(previous: Block | None, table: Table) -> bool:
    """Is ``table`` (first on its page) the same table as the last block of the page
    before, cut by the page break? Yes when nothing came between and the columns line up
    (for a one-column box, its outer edges)."""
    if not isinstance(previous, Table) or not table.after_page_break:
        return False
    before, after = previous.column_edges, table.column_edges
    if len(after) == 2 and len(before) >= 2:
        return _same_outline(before, after)
    return len(before) == len(after) and all(abs(a - b) <= 3 for a, b in zip(before, after))


def _same_outline(before: tuple[float, ...], after: tuple[float, ...]) -> bool:
    return bool(before and after) and abs(before[0] - after[0]) <= 3 and abs(before[-1] - after[-1]) <= 3


def _join(table: Table, continuation: Table) -> None:
    """Append the rows of a table's continuation page, marking where the page turned."""
    offset = len(table.rows)
    for position, row in enumerate(continuation.rows):
        row.index = offset + position + 1
        row.page_break_before = position == 0
        table.rows.append(row)


def _ruled_tables(page, previous: Block | None = None):
    """The tables the page draws with ruled grids. A single ruled row is kept too: it
    may be the tail of a row cut by the page break. A one-column box is kept only where
    it carries on the ruled table the page before ended with (a one-column table of
    recommendations crossing a page). Where nothing is ruled, tables are read from text
    alignment (``pdf_unruled``), only where the page shows one."""
    found = page.find_tables(LINES)
    kept = [t for t in found if _columns(t) >= 2]
    if isinstance(previous, Table) and previous.strategy == "lines" and found and _columns(found[0]) == 1:
        first = found[0]
        if (not kept or first.bbox[1] < kept[0].bbox[1]) and _same_outline(previous.column_edges, _edges(first)):
            kept.insert(0, first)
    return kept


def _aligned_edges(previous: Block | None) -> tuple[float, ...] | None:
    """The column edges of the text-aligned table the page before ended with, if any."""
    if isinstance(previous, Table) and previous.strategy == "text":
        return previous.column_edges
    return None


def _columns(found) -> int:
    return max((len(row.cells) for row in found.rows), default=0)


def _inside(word: Word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx < x1 and top <= cy < bottom


def _read_table(found, words: list[Word], fills, index: int, number: int, strategy: str) -> Table:
    table_words = [w for w in words if _inside(w, found.bbox)]
    grid = found.rows
    rows: list[Row] = []
    for row_number, row in enumerate(grid, start=1):
        present = [cell for cell in row.cells if cell is not None]
        cells: list[Cell] = []
        for position, bbox in enumerate(row.cells):
            if bbox is None:
                # Covered by a merged cell: from above (a vertical merge) or from the left.
                above = _covering_cell(grid, row_number - 1, position)
                cells.append(Cell("", merged_from_above=above))
                continue
            in_cell = [w for w in table_words if _inside(w, bbox)]
            cells.append(Cell(cell_text(in_cell, bbox), fill=_fill_of(bbox, fills), ocr=ocr_confidences(in_cell)))
        if row_number == 1:  # a header row drawn with padding slivers
            cells = _without_slivers(cells, row.cells, grid, 0)
        if len(present) == 1 and len(row.cells) > 1 and _spans_row(present[0], found.bbox):
            cells = [next(cell for cell in cells if not cell.merged_from_above)]  # one cell across: a section
        rows.append(Row(cells, index=row_number, page=number))
    return Table(rows, index, page=number, strategy=strategy)


def _without_slivers(cells: list[Cell], boxes, grid, row_index: int) -> list[Cell]:
    """A header row drawn with thin padding cells at the left edge of its columns (a
    shaded strip) puts each heading one grid position right of the column it heads: an
    empty sliver cell where the rows below start a wide cell takes the text of the cell
    to its right, so headings and cells line up."""
    cells = list(cells)
    for position, box in enumerate(boxes[:-1]):
        if box is None or box[2] - box[0] >= _SLIVER or cells[position].text.strip():
            continue
        nxt = boxes[position + 1]
        if nxt is None or abs(nxt[0] - box[2]) > 1 or not cells[position + 1].text.strip():
            continue
        # Below, one cell starts at the sliver and spans its neighbour too: the sliver and
        # its neighbour are one column drawn in two.
        wide_below = any(
            position < len(other.cells) and other.cells[position] is not None
            and other.cells[position][2] >= nxt[2] - 1
            for i, other in enumerate(grid) if i != row_index
        )
        if wide_below:
            cells[position], cells[position + 1] = cells[position + 1], Cell("")
    return cells


def _covering_cell(grid, row_index: int, position: int) -> bool:
    """Is grid position (row_index, position) covered by a cell that starts in a row above?"""
    target = grid[row_index]
    x_mid = _column_mid(grid, position)
    if x_mid is None:
        return False
    y_mid = (target.bbox[1] + target.bbox[3]) / 2
    for earlier in grid[:row_index]:
        for cell in earlier.cells:
            if cell and cell[0] <= x_mid < cell[2] and cell[1] <= y_mid < cell[3]:
                return True
    return False


def _column_mid(grid, position: int) -> float | None:
    for row in grid:
        if position < len(row.cells) and row.cells[position] is not None:
            cell = row.cells[position]
            return cell[0] + 1  # just inside the cell's left edge: the column's own x-range
    return None


def _spans_row(cell, table_bbox) -> bool:
    return cell[0] - table_bbox[0] < 2 and table_bbox[2] - cell[2] < 2


def _fills(page) -> list[tuple[tuple, str]]:
    """Filled, coloured rectangles on the page (cell backgrounds), as (bbox, RRGGBB)."""
    found = []
    for shape in list(page.rects) + [c for c in page.curves if c.get("fill")]:
        colour = _hex(shape.get("non_stroking_color")) if shape.get("fill") else None
        if colour:
            found.append(((shape["x0"], shape["top"], shape["x1"], shape["bottom"]), colour))
    return found


def _fill_of(bbox, fills) -> str | None:
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1)
    for (fx0, ftop, fx1, fbottom), colour in fills:
        overlap = max(0, min(x1, fx1) - max(x0, fx0)) * max(0, min(bottom, fbottom) - max(top, ftop))
        if overlap / area >= 0.6:
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
    if min(rgb) >= _WHITE:
        return None
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in rgb)


def _without_running_lines(blocks: list[Block], margin_lines, page_count: int) -> list[Block]:
    """Drop running heads and feet (margin text on at least half the pages, when
    there are three or more) and page numbers."""
    seen: dict[str, int] = {}
    for _, text in margin_lines:
        seen[_masked(text)] = seen.get(_masked(text), 0) + 1
    running = {text for text, count in seen.items() if page_count >= 3 and count >= page_count / 2}
    drop = {id(paragraph) for paragraph, text in margin_lines
            if _masked(text) in running or _PAGE_NUMBER.match(text)}
    return [block for block in blocks if id(block) not in drop]


def _masked(text: str) -> str:
    """A margin line with its numbers masked: "Report title 6" and "Report title 7" are
    one running line carrying the page number."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _paragraphs(words: list[Word], page, body: float) -> list[tuple[float, Paragraph, bool]]:
    """Text outside tables as paragraphs, each with whether it sits in the top or
    bottom margin (where running heads, feet and page numbers are).
    ``body`` is the page's usual text size: larger text is a heading."""
    lines = text_lines(words)
    result: list[tuple[float, Paragraph, bool]] = []
    current: list[list[Word]] = []
    # Horizontal rules: a line drawn between two lines of text ends a paragraph (the rows
    # of a one-column box read as text, such as a report's "Areas for improvement").
    rules = [(edge["top"], edge["x0"], edge["x1"]) for edge in page.horizontal_edges] if lines else []

    def ruled_between(above: list[Word], below: list[Word]) -> bool:
        left, right = min(w.x0 for w in above + below), max(w.x1 for w in above + below)
        return any(above[0].bottom - 1 <= y <= below[0].top + 1 and x0 < right and x1 > left for y, x0, x1 in rules)

    def in_margin(line: list[Word]) -> bool:
        return line[0].top < page.height * _MARGIN or line[0].bottom > page.height * (1 - _MARGIN)

    def flush() -> None:
        if not current:
            return
        text = _BULLET.sub("• ", " ".join(" ".join(w.text for w in line) for line in current))
        size = max(w.size for line in current for w in line)
        bold = all(w.bold for line in current for w in line)
        if size >= body * 1.2 and len(text) < 200:
            paragraph = Paragraph(text, "heading", 1 if size >= body * 1.5 else 2, page=page.page_number)
        else:
            paragraph = Paragraph(text, "bold" if bold else "body", page=page.page_number)
        result.append((current[0][0].top, paragraph, all(in_margin(line) for line in current)))
        current.clear()

    for line in lines:
        if current:
            previous = current[-1]
            gap = line[0].top - previous[0].bottom
            same_style = abs(line[0].size - previous[0].size) < 0.5 and line[0].bold == previous[0].bold
            starts_list = line[0].text[:1] in "•▪◦-–" or bool(_BULLET.match(line[0].text))
            if (gap > previous[0].size * 0.8 or not same_style or starts_list or in_margin(line) != in_margin(previous)
                    or ruled_between(previous, line)):
                flush()
        current.append(line)
    flush()
    return result


class PdfBackend(Backend):
    suffixes = (".pdf",)

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path, ocr)
