"""Plain-text plans: TAB-separated rows (as Word/PDF-to-text conversions give them),
markdown pipe tables, boxed and fixed-width tables (``fixed_width``), and markdown
headings / bold lines around them.

A blank line ends a run of table rows; in these conversions that is where a page
broke, so each run becomes its own ``Table`` and the normaliser decides whether
it continues the one before.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..bullets import BULLET
from ..errors import DocumentLoadError
from .base import Backend, Block, Cell, Document, Paragraph, Row, Table
from .fixed_width import find_tables
from .markup import html_to_text, strip_markdown

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_LIST_ITEM = re.compile(r"^[-*+]\s+")
_RULE = re.compile(r"^(-{3,}|\*{3,}|_{3,})$")
# A cell whose whole text is bold: **text**, __text__, <b>text</b> or <strong>text</strong>.
_WHOLLY_BOLD = re.compile(r"^(\*\*[^*].*\*\*|__[^_].*__|<(b|strong)>.*</(b|strong)>)$", re.S | re.I)


def decode(data: bytes, path: Path) -> str:
    """Text of a file: UTF-16 where a byte-order mark says so (Notepad's "Unicode"), else
    UTF-8 when it is, else Windows-1252 (what Word exports)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # its NUL bytes are text
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise DocumentLoadError(path, "not a text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _split_row(line: str) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if stripped.startswith("|") and len(_UNESCAPED_PIPE.findall(stripped)) >= 2:
        inner = stripped[1:]
        if inner.endswith("|") and not inner.endswith("\\|"):
            inner = inner[:-1]
        # A markdown cell writes a literal "|" as "\|": it is text, not a column break.
        return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(inner)]
    return None


def _paragraph(lines: list[str]) -> Paragraph | None:
    raw = " ".join(line.rstrip() for line in lines).strip()
    if not raw or _RULE.match(raw):
        return None
    heading = _HEADING.match(raw)
    if heading:
        return Paragraph(html_to_text(strip_markdown(heading.group(2))), "heading", len(heading.group(1)))
    kind = "bold" if raw.startswith("**") and raw.endswith("**") else "body"
    text = html_to_text(strip_markdown(raw)).replace("\n", " ")
    text = _LIST_ITEM.sub(f"{BULLET} ", text)
    return Paragraph(text, kind) if text else None


def parse(text: str) -> list[Block]:
    """Blocks of a text plan in reading order."""
    blocks: list[Block] = []
    rows: list[Row] = []
    pending: list[str] = []  # lines of a paragraph joined by markdown hard breaks

    def flush_paragraph() -> None:
        if pending:
            paragraph = _paragraph(pending)
            if paragraph:
                blocks.append(paragraph)
            pending.clear()

    def flush_table() -> None:
        if rows:
            index = sum(isinstance(block, Table) for block in blocks) + 1
            blocks.append(Table(list(rows), index, after_page_break=index > 1))
            rows.clear()

    lines = text.splitlines()
    # Boxed and fixed-width tables first: their lines are not read as rows or prose.
    positioned = {table.start: table for table in find_tables(lines, lambda line: _split_row(line) is not None)}
    skip_to = 0
    for number, line in enumerate(lines):
        if number < skip_to:
            continue
        if number in positioned:
            found = positioned[number]
            flush_paragraph()
            flush_table()
            rows.extend(found.rows)
            flush_table()
            skip_to = found.end
            continue
        cells = _split_row(line)
        if cells is not None:
            flush_paragraph()
            if _PIPE_SEPARATOR.match(line.strip()):
                continue
            rows.append(Row([Cell(html_to_text(cell), emphasis=bool(_WHOLLY_BOLD.match(cell.strip())))
                             for cell in cells], index=len(rows) + 1))
            continue
        flush_table()
        if not line.strip():
            flush_paragraph()
            continue
        pending.append(line)
        # A line ending in two spaces is a markdown hard break inside one paragraph;
        # an unclosed ** means the bold run goes on to the next line.
        if not (line.endswith("  ") or _open_bold(pending)):
            flush_paragraph()
    flush_paragraph()
    flush_table()
    return blocks


def _open_bold(lines: list[str]) -> bool:
    return " ".join(lines).count("**") % 2 == 1


def extract(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    return Document(path=path, format="text", blocks=parse(decode(data, path)))


class TextBackend(Backend):
    suffixes = (".txt", ".text", ".md", ".tsv")

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
