"""The format-neutral intermediate form every extractor produces.

A ``Document`` is the body of a file in reading order: paragraphs of text and
tables, each row and cell carrying where it came from. Extractors report what
the file *shows*; deciding what a row *means* (header, section, item,
continuation) is the normaliser's job, so the same rules serve every format.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, Union

from ..schema.codes import Finding
from ..schema.models import Format

if TYPE_CHECKING:
    from .ocr import OcrOptions


@dataclass(frozen=True)
class Cell:
    text: str
    # True where the source says this cell is covered by the cell above it
    # (DOCX vMerge continue, a PDF cell pdfplumber returns as None).
    merged_from_above: bool = False
    # Background colour as RRGGBB hex when the source shades the cell (RAG by colour).
    fill: str | None = None
    # The cell's whole text is bold in the source (markdown **...**, Word bold runs): a
    # theme written in one cell of a row whatever its case ("Partnership working").
    emphasis: bool = False
    # The confidence (0-100) of each word OCR read into the cell; empty for a text layer.
    ocr: tuple[float, ...] = ()


@dataclass
class Row:
    cells: list[Cell]
    # 1-based position of the row in its source table; in a spreadsheet or CSV the row
    # number the user sees there (title rows above and hidden rows leave gaps).
    index: int
    page: int | None = None
    # The source marks this row as a header (DOCX w:tblHeader); text gives False.
    marked_header: bool = False
    # The row is the first of its table on a new page (a PDF table joined across pages).
    page_break_before: bool = False

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    @property
    def is_blank(self) -> bool:
        return not any(cell.text.strip() for cell in self.cells)


@dataclass
class Table:
    rows: list[Row]
    index: int  # 1-based position of the table in the document
    page: int | None = None
    # The table starts on a new page, or directly continues the previous one
    # after a page break; its first rows may finish a row split by that break.
    after_page_break: bool = False
    # How the table was found, where the format has a choice (PDF: "lines" / "text").
    strategy: str | None = None
    # x positions of the column boundaries, where the format has geometry (PDF).
    column_edges: tuple[float, ...] = ()
    # The table never continues the one before it (a spreadsheet's sheet, a CSV file):
    # with no header row of its own it is no plan table (a legend or lookup sheet).
    stands_alone: bool = False
    # The sheet the table is on, where the format has sheets; named in messages.
    sheet: str | None = None


@dataclass
class Paragraph:
    text: str
    kind: Literal["heading", "bold", "body"] = "body"
    level: int = 0  # heading level, 0 for body text
    page: int | None = None


Block = Union[Paragraph, Table]


@dataclass
class Document:
    path: Path
    format: Format
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    # Metadata stated by the file itself (e.g. DOCX core properties).
    title: str | None = None
    # Whether a page break in this source can cut a table row in two (PDF and its
    # text conversions: yes; a Word file keeps each row whole in its XML: no).
    pages_cut_rows: bool = True
    # Whether every cell's text sits in the cell it was written in (Word's XML: yes). A
    # text or PDF conversion may put a merged theme row's text in any column.
    cells_in_place: bool = False
    # Pages with no text layer at all (scanned images): reported, never silently empty.
    pages_without_text: list[int] = field(default_factory=list)
    # Per page, how its tables were found ("lines", "text" or "none"), where recorded.
    page_strategies: list[str] = field(default_factory=list)
    # What the extractor left out and says so (hidden rows, columns and sheets), each
    # with one of schema/codes.py's codes.
    notes: list[Finding] = field(default_factory=list)
    # Pages read by OCR (scans), and why pages without text were left unread (OCR off or
    # not installed: the no_text_layer issue says how to enable it).
    ocr_pages: list[int] = field(default_factory=list)
    ocr_note: str | None = None
    # Pages drawing too many lines and boxes to look for ruled tables in (bounded work):
    # read from their text alone, and reported.
    pages_too_busy: list[int] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


class Backend(ABC):
    """One input format's reader (docling's AbstractDocumentBackend is the model): the
    suffixes it reads and ``load(path) -> Document``, raising ``DocumentLoadError`` when
    the file cannot be read as that format. Each format module ends with its Backend;
    ``extract/__init__.py`` registers it with one line."""

    suffixes: ClassVar[tuple[str, ...]]  # lower case, with the dot
    # Whether a page break in this format can cut a table row in two: the Document's
    # ``pages_cut_rows`` (tests/extract/test_backends.py checks they agree).
    pages_cut_rows: ClassVar[bool] = True

    @abstractmethod
    def load(self, path: Path, ocr: OcrOptions | None = None) -> Document:
        """``ocr``: which pages to read as pictures; only formats whose pages can be scans use it."""
