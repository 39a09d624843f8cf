"""Build the DOCX samples: the five seed plans in Word, and two layouts of our own
(vertical merges, RAG given only by shading).

Run once from the repo root (``python samples/make_docx.py``) and commit the output;
tests read the committed files. Needs python-docx and the standard library only: it
does not import actionplan, so the Word versions do not test the project against its
own reading of the seeds.

A seed's Word version is a faithful rendering of its text file, samples/<seed>.txt
(a text conversion of the council's Word/PDF plan), with no reading of what the plan
means:

- each text line is a paragraph: ``#`` lines are headings, ``**bold**`` / ``<b>`` stay
  bold, a markdown hard break (two spaces at the end of a line) and ``<br>`` / ``<p>``
  are line breaks, ``- `` and ``• `` lines are List Bullet paragraphs, other markup
  (``---`` rules, tags, entities) is removed, ``<sup>`` is superscript;
- each run of table lines (lines with a TAB, or markdown pipe rows; a ``|---|``
  separator is skipped) is a Word table with exactly the source's rows, one Word row
  per line and one cell per source cell (a row with fewer cells than the table is
  short, as in the source); in a cell, ``<br>`` / ``<p>`` / ``<li>`` start a new
  paragraph, and ``<ul><li>`` items and "• " lines are List Bullet paragraphs;
- a blank line after table rows is where the original's page broke. Where the next
  table lines start by repeating the table's first rows (its header; compared without
  markup), those rows of the first table are marked "repeat as header row"
  (w:tblHeader), the repeat is not written again and the rows after it continue the
  SAME Word table, the partial rows that finish a row cut by the break included, as
  the source has them. Otherwise the next table lines are a new Word table after a
  real page break; so is a paragraph that follows table rows and repeats an earlier
  paragraph (a running head or caption printed at the top of each page);
- a theme row (text in the first cell only, every other cell empty, in a table of
  three or more columns) is one cell merged across the row (gridSpan), as councils
  lay themes out, except the first row after a page break, which may be the rest of
  a cut row;
- wide plans are printed landscape; stockton's running head and "Page N of M" footer.

Word and LibreOffice cannot put a page break between two rows of one table (LibreOffice
ignores w:br and pageBreakBefore in table cells), so inside a continued table the
pages break where the layout puts them, with the marked header rows repeated there.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SAMPLES = Path(__file__).resolve().parent
SEEDS = ["darlington-2012", "north-tyneside-2012", "southend-2012", "stockton-2013", "sunderland-2013"]
LANDSCAPE = {"darlington-2012", "southend-2012", "sunderland-2013"}  # wide tables, printed landscape
# A running head and a page-number footer, as council templates print them.
RUNNING_HEAD = {"stockton-2013": "Stockton-on-Tees Borough Council – CP Inspection Action Plan"}


# -- small Word helpers --------------------------------------------------------

def fill_cell(cell, text: str | None) -> None:
    """Write text into a cell: one paragraph per line, "• " lines as a bullet list,
    a little space after each paragraph as council templates set it."""
    lines = [line for line in (text or "").split("\n")] or [""]
    first = cell.paragraphs[0]
    for position, line in enumerate(lines):
        paragraph = first if position == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(4)
        if line.startswith("• "):
            paragraph.style = "List Bullet"
            line = line[2:]
        paragraph.add_run(line)


def mark_repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is not None:
        return
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def merge_down(cell_above, cell) -> None:
    """Extend the vertical merge of ``cell_above`` over ``cell`` (which stays empty).

    python-docx hands back the top cell of a merge for every row it covers, so
    ``cell_above`` is always where the merge starts: mark it "restart" once.
    """
    top = cell_above._tc.get_or_add_tcPr()
    if top.find(qn("w:vMerge")) is None:
        restart = OxmlElement("w:vMerge")
        restart.set(qn("w:val"), "restart")
        top.append(restart)
    below = OxmlElement("w:vMerge")
    below.set(qn("w:val"), "continue")
    cell._tc.get_or_add_tcPr().append(below)


def column_widths(texts: list[list[str]], text_width: int) -> list[int]:
    """Columns as wide as their content needs, as a council would set them: no word
    broken across lines, long prose columns given the room."""
    weights, minimums = [], []
    for column_texts in texts:
        words = [w for text in column_texts for w in text.split()]
        longest = min(max((len(w) for w in words), default=4), 16)
        mean = sum(len(t) for t in column_texts) / max(len(column_texts), 1)
        minimums.append(Cm(0.2 * longest + 1.0))
        weights.append(max(longest, mean ** 0.5 * 3))
    if sum(minimums) > text_width:  # too many columns for the page: shrink them all alike
        minimums = [int(minimum * text_width / sum(minimums)) for minimum in minimums]
    spare = max(text_width - sum(minimums), 0)
    total = sum(weights) or 1
    return [int(minimum + spare * weight / total) for minimum, weight in zip(minimums, weights)]


def size_columns(table, text_width: int) -> None:
    """Column widths for a table of whole rows (the layouts of our own)."""
    columns = len(table.columns)
    texts: list[list[str]] = [[] for _ in range(columns)]
    for row in table.rows:
        for position, cell in enumerate(row.cells[:columns]):
            texts[position].append(cell.text)
    widths = column_widths(texts, text_width)
    table.autofit = False
    for position, width in enumerate(widths):
        table.columns[position].width = width
        for cell in table.columns[position].cells:
            cell.width = width


def page_break_run() -> OxmlElement:
    run = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run.append(br)
    return run


# -- reading a seed's text ---------------------------------------------------------

BULLET_CHARS = "•·▪◦‣"
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+")
_RULE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_SPACES = re.compile(r"[ \t\u00a0\r\n]+")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    sub: bool = False


@dataclass
class Lines:
    """Text as paragraphs of formatted runs (a cell, or the lines of one paragraph)."""
    paragraphs: list[list[Run]] = field(default_factory=list)
    bullets: list[bool] = field(default_factory=list)

    def text(self, position: int) -> str:
        return "".join(run.text for run in self.paragraphs[position])


class _Markup(HTMLParser):
    """Inline HTML (and markdown bold) of a line or cell, as paragraphs of runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Lines([[]], [False])
        self.lists: list[str] = []
        self.style = {"bold": 0, "italic": 0, "sup": 0, "sub": 0}

    def _new_paragraph(self, bullet: bool = False) -> None:
        if any(run.text.strip() for run in self.out.paragraphs[-1]):
            self.out.paragraphs.append([])
            self.out.bullets.append(bullet)
        else:
            self.out.paragraphs[-1] = []
            self.out.bullets[-1] = bullet

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("b", "strong"):
            self.style["bold"] += 1
        elif tag in ("i", "em"):
            self.style["italic"] += 1
        elif tag in ("sup", "sub"):
            self.style[tag] += 1
            if tag == "sup":  # "25 <sup>th</sup>": the suffix belongs to the number
                runs = self.out.paragraphs[-1]
                if runs:
                    runs[-1].text = runs[-1].text.rstrip(" ")
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
            self._new_paragraph()
        elif tag == "li":
            self._new_paragraph(bullet=not self.lists or self.lists[-1] == "ul")
        elif tag in ("br", "p", "div", "tr", "table"):
            self._new_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self.style["bold"] = max(self.style["bold"] - 1, 0)
        elif tag in ("i", "em"):
            self.style["italic"] = max(self.style["italic"] - 1, 0)
        elif tag in ("sup", "sub"):
            self.style[tag] = max(self.style[tag] - 1, 0)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._new_paragraph()
        elif tag in ("li", "p", "div", "tr", "table"):
            self._new_paragraph()

    def handle_data(self, data: str) -> None:
        if data:
            s = self.style
            self.out.paragraphs[-1].append(Run(data, s["bold"] > 0, s["italic"] > 0, s["sup"] > 0, s["sub"] > 0))


def _tidy(runs: list[Run]) -> list[Run]:
    """Spaces collapsed across runs, none at either end, empty runs gone."""
    tidied: list[Run] = []
    ends_in_space = True  # at the start of the paragraph
    for run in runs:
        text = _SPACES.sub(" ", run.text)
        if ends_in_space:
            text = text.lstrip(" ")
        if not text:
            continue
        ends_in_space = text.endswith(" ")
        tidied.append(Run(text, run.bold, run.italic, run.sup, run.sub))
    while tidied and tidied[-1].text.endswith(" "):
        tidied[-1].text = tidied[-1].text.rstrip(" ")
        if not tidied[-1].text:
            tidied.pop()
    return tidied


def _strip_bullet(runs: list[Run]) -> tuple[list[Run], bool]:
    """A paragraph that starts with a bullet character: the runs without it."""
    text = "".join(run.text for run in runs)
    if not text or text[0] not in BULLET_CHARS:
        return runs, False
    drop = len(text) - len(text.lstrip(BULLET_CHARS + " "))
    kept = []
    for run in runs:
        if drop >= len(run.text):
            drop -= len(run.text)
            continue
        kept.append(Run(run.text[drop:], run.bold, run.italic, run.sup, run.sub))
        drop = 0
    return kept, True


def read_markup(fragment: str) -> Lines:
    """The paragraphs of a cell or line: markdown bold as <b>, HTML read, spaces tidied,
    bullet characters turned into list paragraphs."""
    fragment = _MD_BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", fragment).replace("**", "")
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    lines = Lines()
    for runs, bullet in zip(parser.out.paragraphs, parser.out.bullets):
        runs, marked = _strip_bullet(_tidy(runs))
        if runs:
            lines.paragraphs.append(runs)
            lines.bullets.append(bullet or marked)
    return lines


def plain(fragment: str) -> str:
    """A cell's text without markup, for comparing rows (a repeated header)."""
    lines = read_markup(fragment)
    return " ".join(lines.text(i) for i in range(len(lines.paragraphs)))


@dataclass
class TextParagraph:
    lines: Lines  # one Word paragraph; its lines are joined by line breaks
    style: str | None = None  # "Heading n", "List Bullet" or None
    key: str = ""  # the text without markup: a paragraph repeated at the top of pages
    page_break: bool = False


@dataclass
class TextTable:
    rows: list[list[str]]  # the source cells of each line, markup and all
    after_table: bool = False  # only blank lines between this and the table rows above


def split_row(line: str) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
        return inner.split("|")
    return None


def _paragraph(lines: list[str]) -> TextParagraph | None:
    """One paragraph from its source lines (more than one where a line ended in a
    markdown hard break or left a ** open)."""
    first = lines[0].strip()
    style = None
    heading = _HEADING.match(first)
    if heading:
        style = f"Heading {min(len(heading.group(1)), 9)}"
        lines = [heading.group(2), *lines[1:]]
    elif _LIST_ITEM.match(first):
        style = "List Bullet"
        lines = [_LIST_ITEM.sub("", lines[0], count=1), *lines[1:]]
    fragment = ""
    for position, line in enumerate(lines):
        if position:
            fragment += "<br>" if lines[position - 1].endswith("  ") else " "
        fragment += line.strip()
    parsed = read_markup(fragment)
    if not parsed.paragraphs:
        return None
    if style is None and parsed.bullets[0]:
        style = "List Bullet"
    key = " ".join(parsed.text(i) for i in range(len(parsed.paragraphs)))
    return TextParagraph(parsed, style, key)


def read_seed(text: str) -> list[TextParagraph | TextTable]:
    """The seed's paragraphs and runs of table lines, in order, with the page breaks
    the text shows: table lines after a blank line that follows table lines, and a
    paragraph there that repeats an earlier or later one (a running head, a caption)."""
    blocks: list[TextParagraph | TextTable] = []
    rows: list[list[str]] = []
    pending: list[str] = []
    after_table_break = False  # table lines, then only blank lines since

    def flush_paragraph() -> None:
        nonlocal after_table_break
        if pending:
            paragraph = _paragraph(pending)
            if paragraph:
                paragraph.page_break = after_table_break  # kept below only if repeated
                blocks.append(paragraph)
                after_table_break = False
            pending.clear()

    def flush_table() -> None:
        nonlocal after_table_break
        if rows:
            blocks.append(TextTable(list(rows), after_table=after_table_break))
            rows.clear()
            after_table_break = False

    for line in text.splitlines():
        cells = split_row(line)
        if cells is not None:
            flush_paragraph()
            if not _PIPE_SEPARATOR.match(line.strip()):
                rows.append(cells)
            continue
        if rows:
            flush_table()
            after_table_break = not line.strip()
        if not line.strip():
            flush_paragraph()
            continue
        if _RULE.match(line) and not pending:
            after_table_break = False
            continue
        pending.append(line)
        if not (line.endswith("  ") or " ".join(pending).count("**") % 2 == 1):
            flush_paragraph()
    flush_paragraph()
    flush_table()
    counts: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, TextParagraph):
            counts[block.key] = counts.get(block.key, 0) + 1
    for block in blocks:
        if isinstance(block, TextParagraph) and counts[block.key] < 2:
            block.page_break = False
    return blocks


# -- writing a seed as Word ----------------------------------------------------------

@dataclass
class WordTable:
    rows: list[list[str]]  # source cells per row, in source order
    first_run: int  # how many rows came from the table lines that started it
    header_rows: int = 0  # leading rows repeated after a page break: w:tblHeader
    break_rows: set[int] = field(default_factory=set)  # first row after each page break
    page_break_before: bool = False


def _comparable(cells: list[str]) -> list[str]:
    """A row's cells without markup: the same header with or without <b> is the same;
    a row with one cell more (a trailing TAB) is not."""
    return [plain(cell) for cell in cells]


def repeated_rows(table: WordTable, rows: list[list[str]]) -> int:
    """How many leading ``rows`` repeat the leading rows of ``table`` (its header)."""
    count = 0
    for mine, theirs in zip(table.rows[: table.first_run], rows):
        if not any(_comparable(mine)) or _comparable(mine) != _comparable(theirs):
            break
        count += 1
    return count


def lay_out(blocks: list[TextParagraph | TextTable]) -> list[TextParagraph | WordTable]:
    """Runs of table lines as Word tables: a run that repeats the header of the table
    just above it, after a page break, continues that table without the repeat."""
    laid: list[TextParagraph | WordTable] = []
    for block in blocks:
        if isinstance(block, TextParagraph):
            laid.append(block)
            continue
        previous = laid[-1] if laid and isinstance(laid[-1], WordTable) and block.after_table else None
        repeated = repeated_rows(previous, block.rows) if previous is not None else 0
        if previous is not None and repeated:
            previous.header_rows = max(previous.header_rows, repeated)
            previous.break_rows.add(len(previous.rows))
            previous.rows.extend(block.rows[repeated:])
            continue
        laid.append(WordTable(
            list(block.rows), len(block.rows), break_rows={0} if block.after_table else set(),
            page_break_before=block.after_table,
        ))
    return laid


def add_runs(paragraph, runs: list[Run]) -> None:
    for source in runs:
        run = paragraph.add_run(source.text)
        if source.bold:
            run.bold = True
        if source.italic:
            run.italic = True
        if source.sup:
            run.font.superscript = True
        if source.sub:
            run.font.subscript = True


def write_paragraph(word, block: TextParagraph) -> None:
    paragraph = word.add_paragraph(style=block.style) if block.style else word.add_paragraph()
    if block.page_break:
        paragraph._p.append(page_break_run())
    for position, runs in enumerate(block.lines.paragraphs):
        if position:
            paragraph.add_run().add_break()
        add_runs(paragraph, runs)


def write_cell(cell, source: str) -> None:
    """A source cell as Word paragraphs: one per <p> / <br> / <li>, bullets as a list."""
    lines = read_markup(source)
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(4)
    for position, (runs, bullet) in enumerate(zip(lines.paragraphs, lines.bullets)):
        if position:
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(4)
        if bullet:
            paragraph.style = "List Bullet"
        add_runs(paragraph, runs)


def is_theme_row(cells: list[str], grid: int) -> bool:
    """Text in the first cell only, across a full row of a table of 3+ columns."""
    if grid < 3 or len(cells) != grid:
        return False
    texts = [plain(cell) for cell in cells]
    return bool(texts[0]) and not any(texts[1:])


def write_table(word, layout: WordTable, text_width: int) -> None:
    from docx.table import _Cell

    if layout.page_break_before:  # a real page break, in a paragraph of its own
        word.add_paragraph()._p.append(page_break_run())
    grid = max(len(cells) for cells in layout.rows)
    table = word.add_table(rows=0, cols=grid)
    table.style = "Table Grid"
    merged_rows = set()
    for index, cells in enumerate(layout.rows):
        row = table.add_row()
        tr = row._tr
        if index not in layout.break_rows and is_theme_row(cells, grid):
            merged = _Cell(tr.tc_lst[0], table).merge(_Cell(tr.tc_lst[-1], table))
            write_cell(merged, cells[0])
            merged_rows.add(index)
        else:
            for tc in tr.tc_lst[len(cells):]:  # a short row stays short
                tr.remove(tc)
            if len(cells) < grid:
                after = OxmlElement("w:gridAfter")
                after.set(qn("w:val"), str(grid - len(cells)))
                tr.get_or_add_trPr().insert(0, after)
            for tc, source in zip(tr.tc_lst, cells):
                write_cell(_Cell(tc, table), source)
        if index < layout.header_rows:
            mark_repeat_header(row)
    texts: list[list[str]] = [[] for _ in range(grid)]
    for index, cells in enumerate(layout.rows):
        if index not in merged_rows:
            for position, cell in enumerate(cells):
                texts[position].append(plain(cell))
    widths = column_widths(texts, text_width)
    table.autofit = False
    for gridcol, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        gridcol.w = width
    for tr in table._tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            tc.width = sum(widths[position: position + tc.grid_span])
            position += tc.grid_span


def write_seed(seed: str, target: Path) -> None:
    blocks = read_seed((SAMPLES / f"{seed}.txt").read_text(encoding="utf-8"))
    word = Document()
    word.styles["Normal"].font.size = Pt(9)
    section = word.sections[0]
    running_head = RUNNING_HEAD.get(seed)
    if running_head:
        section.header.paragraphs[0].text = running_head
        _page_number_footer(section.footer.paragraphs[0])
    if seed in LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    text_width = section.page_width - section.left_margin - section.right_margin
    for block in lay_out(blocks):
        if isinstance(block, TextParagraph):
            write_paragraph(word, block)
        else:
            write_table(word, block, text_width)
    word.save(target)


# -- layouts of our own ------------------------------------------------------------

RAG_FILLS = {"red": "FF0000", "amber": "FFC000", "green": "92D050", "dark red": "C00000",
             "dark amber": "FFBF00", "dark green": "00B050"}


def write_shading_rag(target: Path) -> None:
    """RAG given only by the fill of an empty cell, as many performance plans do."""
    word = Document()
    word.core_properties.title = "Children's Services Improvement Plan – RAG by shading"
    word.add_heading("Children's Services Improvement Plan", level=1)
    word.add_paragraph("Progress as at 30 November 2013")
    table = word.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ["Ref", "Area for Improvement", "Action", "Lead officer", "Target date", "RAG"]):
        fill_cell(cell, heading)
    mark_repeat_header(table.rows[0])
    rows = [
        ("1", "Improve the timeliness of initial assessments", "Daily performance clinic for duty team managers",
         "Joan Smith (Head of Safeguarding)", "31/10/2013", "FF0000"),
        ("2", "Reduce the number of social workers' caseloads above 20", "Recruit six permanent social workers",
         "HR Business Partner", "December 2013", "C00000"),
        ("3", "Strengthen return home interviews", "Commission an independent return interview service",
         "Commissioning Manager", "Q3 2013/14", "FFC000"),
        ("4", "Improve care leavers' access to health histories", "Issue a health passport at the final LAC review",
         "Designated Nurse LAC", "September 2013", "FFBF00"),
        ("5", "Ensure supervision records are on file", "Audit 10% of supervision files each quarter",
         "Principal Social Worker", "Ongoing", "92D050"),
        ("6", "Publish the Pledge in accessible formats", "Children in Care Council to co-design the leaflet",
         "Participation Officer", "July 2013", "00B050"),
        ("7", "Track private fostering notifications", "Add a notification flag to the case system",
         "Systems Manager", "31/02/2014", "auto"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells[:5], values[:5]):
            fill_cell(cell, value)
        if values[5] != "auto":
            shade(cells[5], values[5])
    size_columns(table, _text_width(word))
    word.save(target)


def write_merged_recommendations(target: Path) -> None:
    """A recommendation cell merged down over its actions, a theme row merged across,
    Word-numbered actions ("1.1"), bullets, a nested table, a content control and a
    text box: the Word features plans lean on."""
    word = Document()
    word.add_paragraph().add_run("Safeguarding Improvement Plan 2014").bold = True
    box_holder = word.add_paragraph()
    _add_text_box(box_holder, "Version 3 – updated 14 March 2014")
    table = word.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ["Recommendation", "Actions", "Responsible officer", "By when", "Progress"]):
        fill_cell(cell, heading)
    mark_repeat_header(table.rows[0])

    section = table.add_row().cells
    fill_cell(section[0].merge(section[-1]), "Front Door")

    numbered = _numbering_for_actions(word)
    actions = [
        ("Introduce a daily screening rota", "Team Manager MASH", "April 2014", "Completed"),
        ("Report screening times to the LSCB monthly", "", "", "Underway"),
        ("Audit a sample of screening decisions", "Principal Social Worker", "Q1 2014/15", "Not yet due"),
    ]
    for position, (action, lead, when, progress) in enumerate(actions):
        cells = table.add_row().cells
        if position == 0:  # the recommendation is item 1 of the same Word list as its actions
            paragraph = cells[0].paragraphs[0]
            paragraph.add_run("Ensure that referrals are screened within 24 hours")
            _number(paragraph, numbered, level=0)
        else:
            merge_down(table.rows[-2].cells[0], cells[0])
        paragraph = cells[1].paragraphs[0]
        paragraph.add_run(action)
        _number(paragraph, numbered, level=1)  # Word shows "1.1.", "1.2.", ...
        if lead or when:
            fill_cell(cells[2], lead)
            fill_cell(cells[3], when)
        else:  # the lead and date cells above are merged over this action
            merge_down(table.rows[-2].cells[2], cells[2])
            merge_down(table.rows[-2].cells[3], cells[3])
        fill_cell(cells[4], progress)

    section = table.add_row().cells
    fill_cell(section[0].merge(section[-1]), "Children Looked After")
    cells = table.add_row().cells
    _number(cells[0].paragraphs[0], numbered, level=0)
    cells[0].paragraphs[0].add_run("Improve the quality of care plans")
    action = cells[1].paragraphs[0]
    action.add_run("Revise the care plan template so that it includes:")
    _number(action, numbered, level=1)
    for bullet in ("the child's views", "contingency plans"):
        cells[1].add_paragraph(bullet, style="List Bullet")
    _content_control(cells[2], "Head of Children Looked After")
    fill_cell(cells[3], "30/06/2014")
    nested = cells[4].add_table(rows=2, cols=2)
    for row, (when, note) in zip(nested.rows, [("May 2014", "Draft agreed"), ("June 2014", "Launched")]):
        fill_cell(row.cells[0], when)
        fill_cell(row.cells[1], note)
    size_columns(table, _text_width(word))
    word.save(target)


def _page_number_footer(paragraph) -> None:
    """"Page N of M" with Word's PAGE and NUMPAGES fields."""
    paragraph.add_run("Page ")
    for position, word_field in enumerate(("PAGE", "NUMPAGES")):
        if position:
            paragraph.add_run(" of ")
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), word_field)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)


def _text_width(word) -> int:
    section = word.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def _add_text_box(paragraph, text: str) -> None:
    """A floating text box (wps:txbx) with one paragraph, as Word writes it."""
    from lxml import etree

    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:30pt">'
        f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>'
        '</v:shape></w:pict></w:r>'
    )
    paragraph._p.append(etree.fromstring(xml))


def _content_control(cell, text: str) -> None:
    """Wrap the cell's paragraph in a rich-text content control (w:sdt)."""
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text)
    sdt = OxmlElement("w:sdt")
    sdt.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    p = paragraph._p
    p.addprevious(sdt)
    content.append(p)


def _numbering_for_actions(word) -> str:
    """A two-level decimal list ("1." / "1.1.") added to numbering.xml; returns its numId."""
    numbering = word.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, text in ((0, "%1."), (1, "%1.%2.")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", text)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def _number(paragraph, num_id: str, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(num)
    p_pr.append(num_pr)


def main() -> None:
    out = SAMPLES / "docx"
    out.mkdir(exist_ok=True)
    for seed in SEEDS:
        write_seed(seed, out / f"{seed}.docx")
    write_shading_rag(out / "rag-by-shading.docx")
    write_merged_recommendations(out / "merged-recommendations.docx")
    print(f"wrote {len(list(out.glob('*.docx')))} files to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
