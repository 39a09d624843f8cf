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

import gc
import logging
import re
import statistics
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..bullets import BULLET_CHARS, BULLET_SHAPES, SYMBOL_FONT_BULLETS
from ..errors import DocumentLoadError
from .base import Backend, Block, Document, Paragraph, Table
from .ocr import OcrOptions, PageOcr
from .pdf_unruled import find_aligned_tables
from .pdf_words import MARGIN as _MARGIN
from .pdf_ruled import fills as _fills
from .pdf_running import PAGE_NUMBER as _PAGE_NUMBER
from .pdf_running import RunningLines, masked
from .pdf_ruled import read_table, ruled_tables, same_outline
from .pdf_words import Word, page_words, text_lines

# pdfminer logs a warning for every damaged object it steps over (hundreds for one bad
# file); the library's caller decides whether to see them (the CLI: with --debug).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFSyntaxError, PSException, PDFEncryptionError,
               PDFPasswordIncorrect, ValueError, KeyError, TypeError, AttributeError, AssertionError)
# List bullets drawn in symbol fonts (Wingdings / Symbol private-use code points) or as
# squares: written "•" so every format gives a list the same way.
_BULLET = re.compile(f"^[{SYMBOL_FONT_BULLETS}{BULLET_SHAPES}]\\s*")
# A ruled plan draws some hundreds of lines and boxes a page; table finding over tens of
# thousands (a chart, a hostile file) takes minutes and gigabytes. Such a page is read
# from its text alone, and reported.
_MAX_SHAPES = 5000
_COLLECT_AFTER_PAGES = 20


def extract(path: Path, ocr: OcrOptions | None = None) -> Document:
    """``ocr``: which pages to read as pictures (default: those with no text layer)."""
    reader = PageOcr(path, ocr)
    try:
        pdf = pdfplumber.open(path)
        with pdf:
            document = _read(path, pdf, reader)
        del pdf
        if document.pages >= _COLLECT_AFTER_PAGES:
            # pdfplumber's pages are reference cycles (a per-page lru_cache refers back
            # to its page), so the whole parsed document waits for the cyclic collector,
            # which runs ever more rarely as a long plan's objects build up. Collected
            # here, its memory serves building the plan instead of growing the process
            # (1.9 MiB of 6.8 MiB growth from 30 to 300 pages); a collection costs a few
            # milliseconds, nothing beside reading this many pages.
            gc.collect()
        return document
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
    running = RunningLines(pdf.pages)
    decoded = DecodedContent(pdf.pages)
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
            words = running.drop(number, page, page_words(page))
            fills = _fills(page)  # cell colours, read once per page
            page_tables = ruled_tables(page, words, fills, _last_content(blocks, margin))
            placed: list[tuple[float, Block]] = []
            if page_tables:
                strategy = "lines"
                for found in page_tables:
                    tables += 1
                    table = read_table(found, words, fills, tables, number)
                    table.after_page_break = number > 1 and not placed
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
            boxes = [t.bbox for t in page_tables]  # once: a ruled table's box is worked out from its cells
            outside = [w for w in words if not any(_inside(w, box) for box in boxes)]
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
                    # The page's other tables were numbered counting this one: without this the
                    # next page's first table would share an index (and item ids) with the last here.
                    for _, later in placed:
                        if isinstance(later, Table) and later.index > block.index:
                            later.index -= 1
                else:
                    blocks.append(block)
                first_content = False
        finally:
            whole_page.close()  # drop the page's layout cache: flat memory on long plans
            decoded.release(number - 1, whole_page)
    blocks = _without_running_lines(blocks, margin_lines, page_count)
    return Document(
        path=path, format="pdf", blocks=blocks, pages=page_count,
        pages_without_text=without_text, page_strategies=strategies, ocr_pages=read_by_ocr,
        ocr_note=ocr.note if without_text else None, pages_too_busy=too_busy,
    )


class DecodedContent:
    """Lets go of each page's decoded content streams once the last page drawing them
    has been read. pdfminer keeps a stream's decoded bytes on the stream object, which
    pdfplumber keeps (through its page objects) until the document closes: memory that
    grew with every page read (2 MiB over a 300-page plan). A stream decoded gives up its
    raw bytes, so one that a later page shares (the same object) is kept until then."""

    def __init__(self, pages) -> None:
        self._last_use = {id(stream): index for index, page in enumerate(pages) for stream in _streams(page)}

    def release(self, index: int, page) -> None:
        for stream in _streams(page):
            if self._last_use.get(id(stream)) == index and hasattr(stream, "data"):
                stream.data = None


def _streams(page) -> list:
    contents = getattr(getattr(page, "page_obj", None), "contents", None)
    return contents if isinstance(contents, list) else []


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
        return same_outline(before, after)
    return len(before) == len(after) and all(abs(a - b) <= 3 for a, b in zip(before, after))


def _join(table: Table, continuation: Table) -> None:
    """Append the rows of a table's continuation page, marking where the page turned."""
    offset = len(table.rows)
    for position, row in enumerate(continuation.rows):
        row.index = offset + position + 1
        row.page_break_before = position == 0
        table.rows.append(row)


def _aligned_edges(previous: Block | None) -> tuple[float, ...] | None:
    """The column edges of the text-aligned table the page before ended with, if any."""
    if isinstance(previous, Table) and previous.strategy == "text":
        return previous.column_edges
    return None


def _inside(word: Word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx < x1 and top <= cy < bottom


def _without_running_lines(blocks: list[Block], margin_lines, page_count: int) -> list[Block]:
    """Drop running heads and feet (margin text on at least half the pages, when
    there are three or more) and page numbers."""
    seen: dict[str, int] = {}
    for _, text in margin_lines:
        seen[masked(text)] = seen.get(masked(text), 0) + 1
    running = {text for text, count in seen.items() if page_count >= 3 and count >= page_count / 2}
    drop = {id(paragraph) for paragraph, text in margin_lines
            if masked(text) in running or _PAGE_NUMBER.match(text)}
    return [block for block in blocks if id(block) not in drop]


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
            starts_list = line[0].text[:1] in BULLET_CHARS or bool(_BULLET.match(line[0].text))
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
