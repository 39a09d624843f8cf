"""Build the DOCX samples: the five seed plans laid out as councils write them in
Word, and two layouts of our own (vertical merges, RAG given only by shading).

Run once from the repo root (``python samples/make_docx.py``) and commit the output;
tests read the committed files. A seed's Word version is written from what the text
extractor and normaliser read out of the seed: one row per action, the header row
marked to repeat, recommendation (and merged lead / timescale) cells merged
vertically over their actions, theme rows merged across, bullets as Word lists.
"""

from __future__ import annotations

import sys
from pathlib import Path

from actionplan.extract import text as text_extractor
from actionplan.extract.base import Paragraph, Table
from actionplan.normalise.context import Context
from actionplan.normalise.drafts import Draft
from actionplan.normalise.headings import default_table
from actionplan.normalise.layout import Column, Header, read_header
from actionplan.normalise.plan import _inherit_merged_cells
from actionplan.normalise.rows import RowReader
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
GROUP_FIELDS = ("recommendation_ref", "recommendation", "report_refs")


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


def size_columns(table, text_width: int) -> None:
    """Columns as wide as their content needs, as a council would set them: no word
    broken across lines, long prose columns given the room."""
    columns = len(table.columns)
    texts: list[list[str]] = [[] for _ in range(columns)]
    for row in table.rows:
        for position, cell in enumerate(row.cells[:columns]):
            texts[position].append(cell.text)
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
    widths = [int(minimum + spare * weight / total) for minimum, weight in zip(minimums, weights)]
    table.autofit = False
    for position, width in enumerate(widths):
        table.columns[position].width = width
        for cell in table.columns[position].cells:
            cell.width = width


def add_paragraph(word, block: Paragraph) -> None:
    if block.kind == "heading":
        word.add_heading(block.text, level=min(block.level, 9))
    elif block.text.startswith("• "):
        word.add_paragraph(block.text[2:], style="List Bullet")
    else:
        run = word.add_paragraph().add_run(block.text)
        run.bold = block.kind == "bold"


def add_verbatim_table(word, rows: list[list[str]]):
    width = max(len(row) for row in rows)
    table = word.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for texts in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, texts):
            fill_cell(cell, text)
    return table


# -- seed plans ------------------------------------------------------------------

class SeedWriter:
    """Writes a seed's text Document as Word, healing what the text conversion broke."""

    def __init__(self, seed: str):
        self.document = text_extractor.extract(SAMPLES / f"{seed}.txt")
        self.reader = RowReader(default_table()).read(self.document)
        _inherit_merged_cells(self.reader.drafts)
        self.word = Document()
        self.word.styles["Normal"].font.size = Pt(9)
        self.context = Context()  # mirrors what a reader of the Word file will know
        self.table = None
        self.header = None
        self.previous: Draft | None = None
        self.previous_logical_table: int | None = None

    def write(self, target: Path, landscape: bool = False, running_head: str | None = None) -> None:
        section = self.word.sections[0]
        if running_head:
            section.header.paragraphs[0].text = running_head
            _page_number_footer(section.footer.paragraphs[0])
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(1.5)
        self.text_width = section.page_width - section.left_margin - section.right_margin
        drafts_by_table: dict[int, list[Draft]] = {}
        for draft in self.reader.drafts:
            drafts_by_table.setdefault(draft.table, []).append(draft)
        for block in self.document.blocks:
            if isinstance(block, Paragraph):
                add_paragraph(self.word, block)
                self.context.read_paragraph(block.text, block.kind, block.level)
                self.table = None  # text between tables ends the Word table
            elif block.index in self.reader.skipped_tables:
                if self.word.element.body[-2].tag == qn("w:tbl"):
                    self.word.add_paragraph()
                add_verbatim_table(self.word, [row.texts for row in block.rows])
                self.table = None
            else:
                self._write_fragment(block, drafts_by_table.get(block.index, []))
        for table in self.word.tables:
            size_columns(table, self.text_width)
        self.word.save(target)

    def _write_fragment(self, table: Table, drafts: list[Draft]) -> None:
        kinds = self.reader.row_kinds
        headers = [i for i, row in enumerate(table.rows) if kinds.get((table.index, row.index)) == "header"]
        above = table.rows[: headers[0]] if headers else []
        captions = [row for row in above if kinds.get((table.index, row.index)) == "caption"]
        sections = [row for row in above if kinds.get((table.index, row.index)) == "section"]
        if captions or sections:
            self.table = None
            self._start_table(drafts[0].header if drafts else read_header(table.rows[headers[0]], default_table()))
            for row in captions:  # title rows above the header repeat with it on every page
                self.context.read_caption(row.texts)
                cells = self.table.add_row().cells
                for cell, text in zip(cells, row.texts):
                    fill_cell(cell, text)
                mark_repeat_header(self.table.rows[-1])
            self._header_row()
            for row in sections:
                self._section_row(next(t for t in row.texts if t.strip()))
        for draft in drafts:
            if self.table is None or self._needs_new_table(draft):
                self._start_table(_with_extra_columns(draft))
                self._header_row()
            self._item_row(draft)

    def _needs_new_table(self, draft: Draft) -> bool:
        """One Word table per logical table, as the council wrote it; a new one only
        where the heading text changes what rows mean ("What we will do (8b)") or
        the item has text under a column this table lacks."""
        keys = {column.key for column in self.header.columns}
        if self.previous is None:  # a table just begun (captions, header) takes its first item
            return any(key not in keys for key in draft.extra)
        return (
            draft.logical_table != self.previous_logical_table
            or draft.header.note("action") != self.header.note("action")
            or any(key not in keys for key in draft.extra)
        )

    def _start_table(self, header) -> None:
        if self.word.element.body[-2].tag == qn("w:tbl"):
            self.word.add_paragraph()  # Word needs a paragraph between two tables
        self.table = self.word.add_table(rows=0, cols=header.width)
        self.table.style = "Table Grid"
        self.header = header
        self.previous = None
        self._pending_header = True

    def _header_row(self) -> None:
        if not getattr(self, "_pending_header", False):
            return
        row = self.table.add_row()
        for cell, column in zip(row.cells, self.header.columns):
            fill_cell(cell, column.heading)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        mark_repeat_header(row)
        self._pending_header = False

    def _section_row(self, title: str) -> None:
        cells = self.table.add_row().cells
        merged = cells[0].merge(cells[-1])
        fill_cell(merged, title)
        self.context.section = title
        self.previous = None

    def _item_row(self, draft: Draft) -> None:
        fields = self.header.fields
        if "section" not in fields and draft.section and draft.section != self.context.section:
            self._section_row(draft.section)
        row = self.table.add_row()
        above = self.table.rows[-2].cells if self.previous is not None else None
        same_group = self.previous is not None and self.previous.group is draft.group
        used: set[str] = set()
        for position, (cell, column) in enumerate(zip(row.cells, self.header.columns)):
            name = column.field
            if name is None:
                fill_cell(cell, draft.extra.get(column.key))
                continue
            if name in used:
                continue
            used.add(name)
            merged = (same_group and name in GROUP_FIELDS) or name in draft.inherited or (
                name == "section" and self.previous is not None and self.previous.section == draft.section
            )
            if merged and above is not None:
                merge_down(above[position], cell)
                continue
            fill_cell(cell, self._value(draft, name))
        self.context.section = draft.section
        self.previous = draft
        self.previous_logical_table = draft.logical_table

    def _value(self, draft: Draft, name: str) -> str | None:
        group = draft.group
        if name == "section":
            return draft.section
        if name == "recommendation_ref":
            return group.ref
        if name == "recommendation":
            if group.ref and "recommendation_ref" not in self.header.fields and group.text:
                return f"{group.ref}. {group.text}"
            return group.text
        if name == "report_refs":
            return group.report_refs
        return draft.fields.get(name)


def _with_extra_columns(draft: Draft) -> Header:
    """The draft's header, plus a column for any `extra` text it gathered from
    rows read under a wider header (OCR debris kept, not dropped)."""
    keys = {column.key for column in draft.header.columns}
    missing = tuple(Column(key, None, draft.header.width + n) for n, key in enumerate(draft.extra, 1) if key not in keys)
    return Header(draft.header.columns + missing)


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
    for position, field in enumerate(("PAGE", "NUMPAGES")):
        if position:
            paragraph.add_run(" of ")
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), field)
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
        SeedWriter(seed).write(out / f"{seed}.docx", landscape=seed in LANDSCAPE, running_head=RUNNING_HEAD.get(seed))
    write_shading_rag(out / "rag-by-shading.docx")
    write_merged_recommendations(out / "merged-recommendations.docx")
    print(f"wrote {len(list(out.glob('*.docx')))} files to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
