"""Word plans (.docx) on python-docx, into the same ``Document`` as every format.

python-docx gives paragraphs and tables, but a merged cell comes back once per
grid position it covers and the repeat-header flag has no accessor, so rows are
read from the ``w:tc`` elements themselves: each cell once, with its span,
vertical merge, shading and header flag.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from ..errors import DocumentLoadError
from .base import Backend, Block, Cell, Document, Paragraph, Row, Table
from .numbering import ListNumbering
from .zip_limits import check_sizes

_NO_FILL = {"", "auto", "FFFFFF", "ffffff"}
# Bounds on what a damaged or hostile file can make us build (Word itself stops at 63 columns).
_MAX_GRID = 63
_MAX_NESTING = 8  # tables inside tables deeper than this are read as plain text
def open_word(path: Path):
    """The python-docx document, or a DocumentLoadError saying why it is not one."""
    # A Word 97-2003 file named .docx never gets here: extract.sniff names it first.
    if not zipfile.is_zipfile(path):
        raise DocumentLoadError(path, "not a Word .docx file (it is not a zip package)")
    check_sizes(path)
    try:
        return open_docx(str(path))
    except XMLSyntaxError as error:
        raise DocumentLoadError(path, f"damaged Word XML ({error})") from error
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocumentLoadError(path, f"a zip file but not a Word document ({error})") from error
    except (OSError, EOFError, zlib.error, NotImplementedError) as error:  # a damaged member
        raise DocumentLoadError(path, f"damaged Word package ({type(error).__name__}: {error})") from error


def extract(path: Path) -> Document:
    word = open_word(path)
    reader = _BodyReader(ListNumbering.of(word))
    blocks = reader.read(word.element.body)
    title = (word.core_properties.title or "").strip() or None
    return Document(path=path, format="docx", blocks=blocks, title=title, pages_cut_rows=False, cells_in_place=True)


class _BodyReader:
    def __init__(self, numbering: ListNumbering):
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.tables = 0
        self.page_break = False

    def read(self, body) -> list[Block]:
        for element in body.iterchildren():
            self._read_block(element)
        return self.blocks

    def _read_block(self, element) -> None:
        tag = element.tag
        if tag == qn("w:p"):
            self._read_paragraph(element)
        elif tag == qn("w:tbl"):
            self._read_table(element)
        elif tag == qn("w:sdt"):  # a content control around body content
            for child in _sdt_content(element):
                self._read_block(child)

    def _read_paragraph(self, p) -> None:
        if p.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']"):
            self.page_break = True
        for box in p.iter(qn("w:txbxContent")):  # text boxes anchored in the paragraph
            for inner in box.iter(qn("w:p")):
                text = self._paragraph_text(inner)
                if text:
                    self.blocks.append(Paragraph(text))
        text = self._paragraph_text(p, skip_boxes=True)
        if not text:
            return
        style = _style_name(p)
        level = _heading_level(style)
        if level:
            self.blocks.append(Paragraph(text, "heading", level))
        elif _all_bold(p):
            self.blocks.append(Paragraph(text, "bold"))
        else:
            self.blocks.append(Paragraph(text))
        self.page_break = False

    def _read_table(self, tbl) -> None:
        self.tables += 1
        trs = list(tbl.iterchildren(qn("w:tr")))
        rows = self._lifted_rows(trs) or [self._read_row(tr, index) for index, tr in enumerate(trs, start=1)]
        # Word has no pages until it is laid out: only an explicit page break before
        # the table may have cut a row in two.
        self.blocks.append(Table(rows, self.tables, after_page_break=self.page_break))
        self.page_break = False

    def _lifted_rows(self, trs: list) -> list[Row] | None:
        """A table whose every data row holds one nested table in the same column, the
        nested tables sharing one header row (an outer "Issue | Response" table, each
        response a small table of actions, leads and dates): the rows of one wide table,
        the outer cells merged down over the nested rows. None where the table is not so."""
        if len(trs) < 2:
            return None
        holders, inner_headers = set(), set()
        for tr in trs[1:]:
            cells = _row_cells(tr)
            with_table = [i for i, tc in enumerate(cells) if tc.find(qn("w:tbl")) is not None]
            if not with_table and len(cells) == 1:
                continue  # a theme row across the table
            if len(with_table) != 1:
                return None
            holder = cells[with_table[0]]
            inner = holder.find(qn("w:tbl")).findall(qn("w:tr"))
            own_text = "".join(self._paragraph_text(p) for p in holder.findall(qn("w:p")))
            if len(inner) < 2 or own_text.strip():  # text beside the nested table would be lost
                return None
            holders.add(with_table[0])
            inner_headers.add(tuple(self._cell_text(tc) for tc in _row_cells(inner[0])))
        if len(holders) != 1 or len(inner_headers) != 1:
            return None  # also: no row held a nested table
        at, inner_header = holders.pop(), list(inner_headers.pop())
        outer_header = [self._cell_text(tc) for tc in _row_cells(trs[0])]
        header_row = self._read_row(trs[0], 1)
        rows = [Row([Cell(t) for t in outer_header[:at] + inner_header + outer_header[at + 1:]], index=1,
                    marked_header=header_row.marked_header)]
        for tr in trs[1:]:
            cells = _row_cells(tr)
            if len(cells) == 1 and cells[0].find(qn("w:tbl")) is None:
                rows.append(Row([Cell(self._cell_text(cells[0]))], index=len(rows) + 1))
                continue
            outer = [Cell(self._cell_text(tc), fill=_fill(tc.find(qn("w:tcPr")))) for tc in cells]
            for position, inner_tr in enumerate(cells[at].find(qn("w:tbl")).findall(qn("w:tr"))[1:]):
                covered = [Cell("", merged_from_above=True) for _ in outer]
                side = outer if position == 0 else covered
                inner_cells = self._read_row(inner_tr, 0).cells
                rows.append(Row(side[:at] + inner_cells + side[at + 1:], index=len(rows) + 1))
        return rows

    def _read_row(self, tr, index: int) -> Row:
        tr_pr = tr.find(qn("w:trPr"))
        marked_header = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        cells: list[Cell] = [Cell("") for _ in range(_grid_offset(tr_pr, "w:gridBefore"))]
        for tc in _row_cells(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            span = _int_val(tc_pr, "w:gridSpan", 1)
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            text = "" if continued else self._cell_text(tc)
            cells.append(Cell(text, merged_from_above=continued, fill=_fill(tc_pr), emphasis=_all_bold(tc)))
            # Later grid positions of a horizontally merged cell: present, empty, once read.
            cells.extend(Cell("", merged_from_above=continued) for _ in range(span - 1))
        if len(_row_cells(tr)) == 1 and len(cells) > 1 and not cells[0].merged_from_above:
            cells = cells[:1]  # one cell across the whole row: keep it single (a section)
        return Row(cells, index=index, marked_header=marked_header)

    def _cell_text(self, tc, depth: int = 0) -> str:
        lines = []
        for child in tc.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(self._paragraph_text(child))
            elif child.tag == qn("w:tbl") and depth >= _MAX_NESTING:  # kept, flat: no deeper walk
                lines.append(" ".join(" ".join((t.text or "").split()) for t in child.iter(qn("w:t"))).strip())
            elif child.tag == qn("w:tbl"):  # a nested table: its own rows as lines (theirs are in their cells)
                for tr in child.iterchildren(qn("w:tr")):
                    texts = [self._cell_text(inner, depth + 1) for inner in _row_cells(tr)]
                    lines.append(" | ".join(t.replace("\n", " ") for t in texts if t))
            elif child.tag == qn("w:sdt"):
                for inner in _sdt_content(child):
                    if inner.tag == qn("w:p"):
                        lines.append(self._paragraph_text(inner))
        return "\n".join(line for line in lines if line)

    def _paragraph_text(self, p, skip_boxes: bool = False) -> str:
        parts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
            if skip_boxes and _inside_text_box(node, p):
                continue
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append(" ")
            elif node.get(qn("w:type")) != "page":
                parts.append("\n")
        text = "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()
        if not text:
            return ""
        marker = self.numbering.marker(p)
        return f"{marker} {text}" if marker else text


def _all_bold(tc) -> bool:
    """Every run of text in the cell is set bold directly (not through a style)."""
    runs = [r for r in tc.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    return bool(runs) and all(_run_bold(r) for r in runs)


def _run_bold(run) -> bool:
    r_pr = run.find(qn("w:rPr"))
    bold = r_pr.find(qn("w:b")) if r_pr is not None else None
    return bold is not None and bold.get(qn("w:val"), "true") not in ("0", "false", "off")


def _row_cells(tr) -> list:
    """The row's w:tc elements, looking inside content controls that wrap cells."""
    cells = []
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            cells.append(child)
        elif child.tag == qn("w:sdt"):
            cells.extend(c for c in _sdt_content(child) if c.tag == qn("w:tc"))
    return cells


def _sdt_content(sdt) -> list:
    content = sdt.find(qn("w:sdtContent"))
    return list(content.iterchildren()) if content is not None else []


def _inside_text_box(node, paragraph) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _int_val(parent, tag: str, default: int) -> int:
    """A grid count (span, cells before), within what Word can lay out."""
    if parent is None:
        return default
    element = parent.find(qn(tag))
    try:
        return min(max(int(element.get(qn("w:val"))), 0), _MAX_GRID) if element is not None else default
    except (TypeError, ValueError):
        return default


def _grid_offset(tr_pr, tag: str) -> int:
    return _int_val(tr_pr, tag, 0)


def _fill(tc_pr) -> str | None:
    if tc_pr is None:
        return None
    shd = tc_pr.find(qn("w:shd"))
    fill = shd.get(qn("w:fill"), "") if shd is not None else ""
    return None if fill in _NO_FILL else fill.upper()


def _style_name(p) -> str:
    p_pr = p.find(qn("w:pPr"))
    style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
    return (style.get(qn("w:val")) or "") if style is not None else ""


def _heading_level(style: str) -> int:
    name = style.replace(" ", "").lower()
    if name == "title":
        return 1
    if name.startswith("heading") and name[7:].isdigit():
        return int(name[7:])
    return 0


def _all_bold(p) -> bool:
    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    if not runs:
        return False
    for run in runs:
        r_pr = run.find(qn("w:rPr"))
        bold = r_pr.find(qn("w:b")) if r_pr is not None else None
        if bold is None or bold.get(qn("w:val"), "true") in ("0", "false"):
            return False
    return True


class DocxBackend(Backend):
    suffixes = (".docx", ".docm")
    pages_cut_rows = False

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
