"""Web pages (.html, .htm) on lxml, into the same ``Document`` as every format.

Committee papers publish plans as HTML tables. A table is read onto its grid the way a
browser lays it out: a ``rowspan`` cell is read once and the cells it covers below are
``merged_from_above`` (Word's vMerge), a ``colspan`` cell fills its first position and
leaves the rest empty (Word's gridSpan), and a row that is one cell across the table
stays one cell, as the Word reader gives a theme row. Headings and paragraphs around
the tables are paragraphs; scripts, styles and hidden elements are not content.
A table used for page layout (its cells hold the real tables) is walked through, and a
table whose every row holds one table of actions is lifted into one wide table, as
the Word reader does.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import DocumentLoadError
from .base import Backend, Block, Cell, Document, Paragraph, Row, Table
from .css_colours import css_colour, inline_class_backgrounds
from .markup import BULLET

_SKIPPED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "nav",
            "object", "svg", "button", "select", "input", "textarea"}
# Elements that start a new line of text (in a cell) or a new paragraph (in the body).
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
           "address", "figure", "figcaption", "form", "fieldset", "center", "dl", "dt", "dd", "ul", "ol",
           "li", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "details", "summary"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = {"b", "strong", "th"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_NO_FILL = {None, "FFFFFF"}


def decode(data: bytes, path: Path) -> str:
    """The page's text: a byte-order mark first; then UTF-8 wherever the bytes are valid
    UTF-8 (a page re-saved by an editor often keeps a stale 'iso-8859-1' declaration, and
    text in a legacy charset is almost never valid UTF-8 by chance); then the charset its
    <meta> declares; then Windows-1252, what pages saved from Word assume."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:  # no page holds NUL bytes outside UTF-16 (with its mark, above)
        raise DocumentLoadError(path, "not a web page (binary content)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii", "replace"))
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown charset name, or bytes it cannot hold: guess as if undeclared
    return data.decode("cp1252", errors="replace")


def extract(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    text = _XML_DECLARATION.sub("", decode(data, path))
    if not text.strip():
        raise DocumentLoadError(path, "empty web page: no text to read")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise DocumentLoadError(path, f"not a readable web page ({error})") from error
    inline_class_backgrounds(root)
    reader = _PageReader()
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flush()
    title = _page_title(root) if not any(b.kind == "heading" for b in reader.blocks if isinstance(b, Paragraph)) else None
    return Document(path=path, format="html", blocks=reader.blocks, title=title, pages_cut_rows=False,
                    cells_in_place=True)


def _page_title(root) -> str | None:
    """The <title>, used only where the page has no heading of its own: a page title is
    often the site's name, a heading on the page is the document's."""
    element = root.find(".//title")
    text = " ".join((element.text_content() if element is not None else "").split())
    return text or None


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


def _tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


# --------------------------------------------------------------------------- text runs


class _Lines:
    """Text as a browser would show it: whitespace collapsed, a new line at <br> and at
    block elements, list items bulleted; remembers whether every word was bold."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.bold_chars = 0
        self.plain_chars = 0

    def add(self, text: str | None, bold: bool) -> None:
        if not text:
            return
        # A line break in the source is only white space; lines come from <br> and blocks.
        text = text.replace("\r", " ").replace("\n", " ")
        self.parts.append(text)
        count = sum(1 for ch in text if not ch.isspace())
        if bold:
            self.bold_chars += count
        else:
            self.plain_chars += count

    def newline(self) -> None:
        self.parts.append("\n")

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line and line != BULLET)

    @property
    def all_bold(self) -> bool:
        return self.bold_chars > 0 and self.plain_chars == 0


def _read_inline(element, lines: _Lines, bold: bool = False, lists: list | None = None) -> None:
    """Append an element's own content (text, children, not its tail) to lines."""
    lists = [] if lists is None else lists
    tag = _tag(element)
    bold = bold or tag in _BOLD
    if tag == "li":
        lines.newline()
        if lists and lists[-1][0] == "ol":
            lists[-1][1] += 1
            lines.add(f"{lists[-1][1]}. ", bold)
        else:
            lines.add(f"{BULLET} ", bold)
    elif tag in _BLOCKS:
        lines.newline()
    lines.add(element.text, bold)
    if tag in ("ul", "ol"):
        lists.append([tag, _list_start(element) - 1])
    for child in element:
        child_tag = _tag(child)
        if child_tag == "br":
            lines.newline()
        elif child_tag and child_tag not in _SKIPPED and not _hidden(child):
            if child_tag == "table":
                _read_table_as_lines(child, lines, bold)
            else:
                _read_inline(child, lines, bold, lists)
        lines.add(child.tail, bold)
    if tag in ("ul", "ol"):
        lists.pop()
    if tag in _BLOCKS:
        lines.newline()


def _list_start(element) -> int:
    try:
        return int(element.get("start", "1"))
    except ValueError:
        return 1


def _read_table_as_lines(table, lines: _Lines, bold: bool) -> None:
    """A small table inside a cell (a progress log): each row one line, cells joined
    by ' | ', as the Word reader gives a nested table it does not lift."""
    for tr in _table_rows(table):
        texts = [_cell_text(td).replace("\n", " ") for td in _row_cells(tr)]
        lines.newline()
        lines.add(" | ".join(text for text in texts if text), bold)
        lines.newline()


def _cell_text(element) -> str:
    lines = _Lines()
    _read_inline(element, lines)
    return lines.text()


# --------------------------------------------------------------------------- the body


class _PageReader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self.pending = _Lines()

    def flush(self) -> None:
        """The inline text gathered since the last block element, as one paragraph."""
        text = self.pending.text()
        if text:
            self.blocks.append(Paragraph(text, "bold" if self.pending.all_bold else "body"))
        self.pending = _Lines()

    def walk(self, element) -> None:
        self.pending.add(element.text, False)
        for child in element:
            self._visit(child)
            self.pending.add(child.tail, False)

    def _visit(self, element) -> None:
        tag = _tag(element)
        if not tag or tag in _SKIPPED or _hidden(element):
            return
        if tag == "br":
            self.flush()
        elif tag in _HEADINGS:
            self.flush()
            text = _cell_text(element).replace("\n", " ")
            if text:
                self.blocks.append(Paragraph(text, "heading", _HEADINGS[tag]))
        elif tag == "table":
            self.flush()
            self._read_table(element)
        elif tag == "dl" and element.find(".//table") is None and not _holds_heading(element):
            self.flush()
            self._read_definitions(element)
        elif tag in _BLOCKS and element.find(".//table") is None and not _holds_heading(element):
            self.flush()
            lines = _Lines()
            _read_inline(element, lines)
            for line in lines.text().split("\n"):  # a <p> is one paragraph per shown line
                self.blocks.append(Paragraph(line, "bold" if lines.all_bold else "body"))
        elif tag in _BLOCKS:  # a container of tables or headings: its content in order
            self.flush()
            self.walk(element)
            self.flush()
        else:  # inline (a, span, b ...): part of the running paragraph
            if element.find(".//table") is not None or _holds_heading(element):
                self.walk(element)
            else:
                _read_inline(element, self.pending, bold=tag in _BOLD)

    def _read_definitions(self, dl) -> None:
        """A definition list as the lines it stands for: each term with its description
        ("Lead: Head of Early Help"), the description's further lines after it. A web
        page's plan written as labelled records (normalise/records.py) often is one."""
        term = None
        for child in dl:
            tag = _tag(child)
            lines = _Lines()
            _read_inline(child, lines)
            text = [line for line in lines.text().split("\n") if line.strip()]
            if tag == "dt":
                if term is not None:
                    self.blocks.append(Paragraph(term, "body"))
                term = " ".join(text)
            elif tag == "dd":
                first, rest = (text[0] if text else ""), text[1:]
                self.blocks.append(Paragraph(f"{term}: {first}" if term is not None else first, "body"))
                self.blocks.extend(Paragraph(line, "body") for line in rest)
                term = None
        if term is not None:
            self.blocks.append(Paragraph(term, "body"))

    def _read_table(self, table) -> None:
        trs = _table_rows(table)
        if _is_layout(table, trs):
            for tr in trs:
                for td in _row_cells(tr):
                    self.flush()
                    self.walk(td)
                    self.flush()
            return
        caption = table.find("caption")
        if caption is not None:
            text = _cell_text(caption).replace("\n", " ")
            if text:
                self.blocks.append(Paragraph(text, "bold"))
        self.tables += 1
        rows = _lifted_rows(trs) or _grid_rows(trs)
        self.blocks.append(Table(rows, self.tables))


def _holds_heading(element) -> bool:
    return any(_tag(node) in _HEADINGS for node in element.iterdescendants())


# --------------------------------------------------------------------------- tables


def _table_rows(table) -> list:
    """The table's own rows in display order (header group, body, footer group last), not
    the rows of tables nested in its cells."""
    head, body, foot = [], [], []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            group = {"thead": head, "tbody": body, "tfoot": foot}[tag]
            group.extend(tr for tr in child if _tag(tr) == "tr")
    return [tr for tr in head + body + foot if not _hidden(tr)]


def _row_cells(tr) -> list:
    return [cell for cell in tr if _tag(cell) in ("td", "th") and not _hidden(cell)]


def _span(cell, name: str) -> int:
    try:
        value = int(str(cell.get(name, "1")).strip() or 1)
    except ValueError:
        return 1
    # rowspan="0" runs to the end of the row group; 1000 is HTML's own cap for colspan.
    return max(1, min(value if value > 0 else 1000, 1000))


def _nested_tables(cell) -> list:
    """Tables directly in a cell (not inside a table nested deeper)."""
    return [t for t in cell.iter("table") if t is not cell and _owning_cell(t) is cell]


def _owning_cell(table):
    parent = table.getparent()
    while parent is not None and _tag(parent) not in ("td", "th"):
        parent = parent.getparent()
    return parent


def _is_layout(table, trs: list) -> bool:
    """A table that lays the page out rather than holding data: marked so (role), or one of
    its cells holds a table longer than the table itself (a plan inside a frame)."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if _lifted_rows(trs) is not None:
        return False
    for tr in trs:
        for td in _row_cells(tr):
            if any(len(_table_rows(inner)) > len(trs) for inner in _nested_tables(td)):
                return True
    return False


def _fill(cell, tr) -> str | None:
    """The cell's background as RRGGBB, or its row's; white is no shading (Word's rule)."""
    for element in (cell, tr):
        for declaration in (element.get("style") or "").split(";"):
            name, _, value = declaration.partition(":")
            if name.strip().lower() in ("background-color", "background"):
                colour = css_colour(value)
                if colour:
                    return None if colour in _NO_FILL else colour
        colour = css_colour(element.get("bgcolor"))
        if colour:
            return None if colour in _NO_FILL else colour
    return None


def _is_header_row(tr, cells: list) -> bool:
    """A header row: more than one cell, in <thead> or every one a <th>. A lone cell across
    the table is a theme or title row, which the normaliser reads as a section or caption."""
    if len(cells) < 2:
        return False
    parent = tr.getparent()
    return (parent is not None and _tag(parent) == "thead") or all(_tag(cell) == "th" for cell in cells)


def _grid_rows(trs: list) -> list[Row]:
    covered: dict[int, set[int]] = {}  # row -> columns taken by a rowspan from above
    rows: list[Row] = []
    for r, tr in enumerate(trs):
        cells_here = _row_cells(tr)
        below = covered.pop(r, set())
        placed: dict[int, Cell] = {}
        column = 0
        for td in cells_here:
            while column in below:
                column += 1
            colspan, rowspan = _span(td, "colspan"), _span(td, "rowspan")
            rowspan = min(rowspan, len(trs) - r)
            placed[column] = Cell(_cell_text(td), fill=_fill(td, tr))
            for extra in range(1, colspan):  # later positions of a cell merged across
                placed[column + extra] = Cell("")
            for down in range(1, rowspan):
                covered.setdefault(r + down, set()).update(range(column, column + colspan))
            column += colspan
        width = max([*placed, *below], default=-1) + 1
        cells = [placed.get(c) or Cell("", merged_from_above=c in below) for c in range(width)]
        if len(cells_here) == 1 and not below and len(cells) > 1:
            cells = cells[:1]  # one cell across the whole row: keep it single (a section)
        rows.append(Row(cells, index=r + 1, marked_header=_is_header_row(tr, cells_here)))
    return rows


def _lifted_rows(trs: list) -> list[Row] | None:
    """A table whose every data row holds one nested table in the same column, the nested
    tables sharing one header row (an outer "Issue | Response" table, each response a
    small table of actions): the rows of one wide table, the outer cells merged down over
    the nested rows, as the Word reader lifts them. None where the table is not so."""
    if len(trs) < 2:
        return None
    holders, inner_headers = set(), set()
    for tr in trs[1:]:
        cells = _row_cells(tr)
        with_table = [i for i, td in enumerate(cells) if _nested_tables(td)]
        if not with_table and len(cells) == 1:
            continue  # a theme row across the table
        if len(with_table) != 1:
            return None
        holder = cells[with_table[0]]
        nested = _nested_tables(holder)
        inner = _table_rows(nested[0])
        if len(nested) != 1 or len(inner) < 2 or _text_beside(holder, nested[0]):
            return None  # text beside the nested table would be lost
        holders.add(with_table[0])
        inner_headers.add(tuple(_cell_text(td) for td in _row_cells(inner[0])))
    if len(holders) != 1 or len(inner_headers) != 1:
        return None
    at, inner_header = holders.pop(), list(inner_headers.pop())
    outer_header = [_cell_text(td) for td in _row_cells(trs[0])]
    rows = [Row([Cell(t) for t in outer_header[:at] + inner_header + outer_header[at + 1:]], index=1,
                marked_header=_is_header_row(trs[0], _row_cells(trs[0])))]
    for tr in trs[1:]:
        cells = _row_cells(tr)
        if len(cells) == 1 and not _nested_tables(cells[0]):
            rows.append(Row([Cell(_cell_text(cells[0]), fill=_fill(cells[0], tr))], index=len(rows) + 1))
            continue
        outer = [Cell(_cell_text(td), fill=_fill(td, tr)) for td in cells]
        for position, inner_row in enumerate(_grid_rows(_table_rows(_nested_tables(cells[at])[0]))[1:]):
            side = outer if position == 0 else [Cell("", merged_from_above=True) for _ in outer]
            rows.append(Row(side[:at] + inner_row.cells + side[at + 1:], index=len(rows) + 1))
    return rows


def _text_beside(holder, nested) -> bool:
    """Whether the cell holding a nested table has words of its own outside it."""
    inside = set(nested.iter())
    for node in holder.iter():
        if node not in inside and node is not nested and _tag(node) not in _SKIPPED and (node.text or "").strip():
            return True
        if node is not holder and node.getparent() not in inside and (node.tail or "").strip():
            return True
    return False


class HtmlBackend(Backend):
    suffixes = (".html", ".htm")
    pages_cut_rows = False

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
