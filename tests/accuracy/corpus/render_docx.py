"""Word (.docx) renderers: one generic table writer with structural switches, and a nested one."""
from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from common import glossary, header_lines

WEIGHTS = {"ref": 0.6, "rec": 3.2, "action": 4.2, "lead": 1.9, "timescale": 1.4, "rag": 0.9,
           "progress": 2.6, "progress_rag": 2.8, "outcome": 2.5, "evidence": 1.9}


def new_document(plan, landscape=False, font=8.5):
    doc = Document()
    doc.core_properties.title = plan.title
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(font)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    return doc


def usable_width(doc):
    sec = doc.sections[0]
    return sec.page_width - sec.left_margin - sec.right_margin


def shade(cell, hex_fill):
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("w:shd")):
        tcPr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def set_cell(cell, lines, bold=False, styles=None, color=None):
    """Write lines as paragraphs of a cell (the first reuses the cell's empty paragraph)."""
    if isinstance(lines, str):
        lines = lines.split("\n") if lines else [""]
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if styles and styles[i]:
            p.style = styles[i]
        run = p.add_run(line)
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)


def add_title(doc, plan, o, heading_level=1):
    lines = header_lines(plan)
    doc.add_heading(lines[0], level=heading_level)
    for l in lines[1:]:
        doc.add_paragraph(l)


def col_widths(cols, o, views, width, pt_per_char=5.4):
    """Widths by weight, but none narrower than its longest word (so Word never breaks a word):
    columns that need more get it, the rest share what is left by weight."""
    need = []
    for c in cols:
        body = max((len(w) for v in views or [] for w in v.cell(c).split()), default=0)
        head = max(len(w) for w in o["headings"][c].split())
        pts = max(body * pt_per_char, head * pt_per_char * 1.2) + 14 + (30 if c == "action" else 0)
        need.append(int(Pt(pts)))
    if sum(need) >= width:  # cannot fit every word: shrink all alike
        return [int(width * n / sum(need)) for n in need]
    fixed = {}
    while True:
        free = width - sum(fixed.values())
        total = sum(WEIGHTS[c] for j, c in enumerate(cols) if j not in fixed)
        widths = [fixed.get(j, free * WEIGHTS[c] / total if total else 0) for j, c in enumerate(cols)]
        short = [j for j in range(len(cols)) if j not in fixed and widths[j] < need[j]]
        if not short:
            break
        for j in short:
            fixed[j] = need[j]
    return [int(w) for w in widths]


def make_table(doc, cols, o, *, header=True, repeat=False, style="Table Grid", header_fill="D9D9D9",
               views=None):
    t = doc.add_table(rows=1 if header else 0, cols=len(cols))
    t.style = style
    t.autofit = False
    widths = col_widths(cols, o, views, usable_width(doc))
    t._widths = widths
    for col, w in zip(t.columns, widths):
        col.width = w  # the grid LibreOffice lays out by
    if header:
        row = t.rows[0]
        for c, cell, w in zip(cols, row.cells, widths):
            cell.width = w
            set_cell(cell, o["headings"][c].split("\n"), bold=True)
            if header_fill:
                shade(cell, header_fill)
        if repeat:
            repeat_header(row)
    return t


def add_cells(t):
    row = t.add_row()
    for cell, w in zip(row.cells, t._widths):
        cell.width = w
    return row


def section_row(t, text, fill="F2F2F2", merged=True):
    row = add_cells(t)
    cell = row.cells[0].merge(row.cells[-1]) if merged else row.cells[0]
    set_cell(cell, text, bold=True)
    if fill:
        shade(cell, fill)
    return row


def fill_rag(cell, v, o):
    if v.rag and o.get("rag_fill"):
        shade(cell, o["palette"][v.rag])


def action_cell(cell, v, o, lists):
    if lists:
        styles = ["List Number"] + ["List Bullet"] * len(v.bullets)
        lines = v.action_plain.split("\n")
        lines = [lines[0]] + [l[2:] for l in lines[1:]]  # Word draws the bullet
        set_cell(cell, lines, styles=styles)
    else:
        set_cell(cell, v.action_lines)


def write_glossary(doc, plan, views, o):
    g = glossary(views, plan, o)
    if not g:
        return
    form = o.get("gloss_form", "lines")
    doc.add_paragraph("Key to lead officers:" if form == "lines" else "Key:").runs[0].bold = True
    if form == "lines":
        for ini, name in g:
            doc.add_paragraph(f"{ini} – {name}")
    else:
        doc.add_paragraph("; ".join(f"{ini} = {name}" for ini, name in g))


def render_docx(plan, views, o, path, *, rec_mode="once", section_mode="row", split="single",
                repeat=False, landscape=False, lists=False):
    """rec_mode: merge | once | every | heading; section_mode: row | heading | none;
    split: single | section | rec (a new table per section / per recommendation)."""
    doc = new_document(plan, landscape)
    add_title(doc, plan, o)
    cols = o["columns"]
    t = None
    groups = []  # (table, first row index, last row index) per recommendation, for merge
    for v in views:
        new_sec = v.first_of_section
        if new_sec and section_mode == "heading":
            doc.add_heading(v.section, level=2)
        if rec_mode == "heading" and v.first_of_rec:
            label = o.get("rec_heading", "Recommendation {n}")
            doc.add_heading(label.format(n=v.rec_no), level=3)
            doc.add_paragraph(v.rec_plain)
        need_new = t is None or (split == "section" and new_sec) or (split == "rec" and v.first_of_rec)
        if need_new:
            if t is not None:
                doc.add_paragraph("")
            t = make_table(doc, cols, o, repeat=repeat, views=views)
        if new_sec and section_mode == "row":
            section_row(t, v.section, fill=o.get("section_fill", "F2F2F2"))
        row = add_cells(t)
        if v.first_of_rec or (split == "section" and new_sec):
            groups.append([t, len(t.rows) - 1, len(t.rows) - 1])
        else:
            groups[-1][2] = len(t.rows) - 1
        for c, cell in zip(cols, row.cells):
            if c == "action":
                action_cell(cell, v, o, lists)
            elif c == "rec":
                if rec_mode == "every" or v.first_of_rec:
                    set_cell(cell, v.rec_text)
            elif c == "ref":
                set_cell(cell, v.ref)
            else:
                set_cell(cell, v.cell(c))
                if c in ("rag", "progress_rag"):
                    fill_rag(cell, v, o)
    if rec_mode == "merge" and "rec" in cols:
        ci = cols.index("rec")
        for tb, a, b in groups:
            if b > a:
                tb.cell(a, ci).merge(tb.cell(b, ci))
    write_glossary(doc, plan, views, o)
    doc.save(path)


def render_docx_nested(plan, views, o, path, *, landscape=False, repeat=True):
    """Outer table: Recommendation | a nested table of that recommendation's actions."""
    doc = new_document(plan, landscape)
    add_title(doc, plan, o)
    inner_cols = [c for c in o["columns"] if c not in ("rec", "ref")]
    outer = doc.add_table(rows=1, cols=2)
    outer.style = "Table Grid"
    outer.autofit = False
    W = usable_width(doc)
    ow = [int(W * 0.26), int(W * 0.74)]
    outer._widths = ow
    for col, w in zip(outer.columns, ow):
        col.width = w
    for cell, txt, w in zip(outer.rows[0].cells, [o["headings"].get("rec", "Recommendation"),
                                                   o.get("outer_heading", "Response")], ow):
        cell.width = w
        set_cell(cell, txt, bold=True)
        shade(cell, "D9D9D9")
    if repeat:
        repeat_header(outer.rows[0])
    i = 0
    while i < len(views):
        v = views[i]
        group = [w for w in views if w.rec_no == v.rec_no]
        if v.first_of_section:
            section_row(outer, v.section)
        row = add_cells(outer)
        set_cell(row.cells[0], v.rec_text)
        cell = row.cells[1]
        inner = cell.add_table(rows=1, cols=len(inner_cols))
        inner.style = "Table Grid"
        iw = col_widths(inner_cols, o, views, ow[1] * 0.95)
        inner.autofit = False
        for col, w in zip(inner.columns, iw):
            col.width = w
        for c, ic, w in zip(inner_cols, inner.rows[0].cells, iw):
            ic.width = w
            set_cell(ic, o["headings"][c], bold=True)
        for g in group:
            r = inner.add_row()
            for c, ic, w in zip(inner_cols, r.cells, iw):
                ic.width = w
                if c == "action":
                    set_cell(ic, g.action_lines)
                else:
                    set_cell(ic, g.cell(c))
                    if c in ("rag", "progress_rag"):
                        fill_rag(ic, g, o)
        i += len(group)
    write_glossary(doc, plan, views, o)
    doc.save(path)


def render_docx_cards(plan, views, o, path, *, landscape=False):
    """Two-column 'form' per recommendation: a heading table row per field, the actions as a table
    below. (One table per recommendation, recommendation as a shaded merged first row.)"""
    doc = new_document(plan, landscape)
    add_title(doc, plan, o)
    cols = [c for c in o["columns"] if c not in ("rec", "ref")]
    t = None
    for v in views:
        if v.first_of_section:
            h = doc.add_paragraph()
            h.alignment = WD_ALIGN_PARAGRAPH.LEFT
            r = h.add_run(v.section)
            r.bold, r.font.size = True, Pt(12)
        if v.first_of_rec:
            if t is not None:
                doc.add_paragraph("")
            t = make_table(doc, cols, o, header=False, views=views)
            rr = add_cells(t)
            c = rr.cells[0].merge(rr.cells[-1])
            set_cell(c, f"{o['headings'].get('rec', 'Recommendation')} {v.rec_no}: {v.rec_plain}", bold=True)
            shade(c, "DEEAF6")
            hr = add_cells(t)
            for col, cell in zip(cols, hr.cells):
                set_cell(cell, o["headings"][col], bold=True)
        row = add_cells(t)
        for col, cell in zip(cols, row.cells):
            if col == "action":
                set_cell(cell, v.action_lines)
            else:
                set_cell(cell, v.cell(col))
                if col in ("rag", "progress_rag"):
                    fill_rag(cell, v, o)
    write_glossary(doc, plan, views, o)
    doc.save(path)


def render_docx_forms(plan, views, o, path, *, landscape=False):
    """A form per action: a two-column table, the field's heading down the first column
    and its value beside it; 'Recommendation n: ...' as a paragraph above a
    recommendation's first form; themes as Heading 2."""
    doc = new_document(plan, landscape)
    add_title(doc, plan, o)
    cols = [c for c in o["columns"] if c != "rec"]
    label = o.get("rec_heading", "Recommendation {n}")
    for v in views:
        if v.first_of_section:
            doc.add_heading(v.section, level=2)
        if v.first_of_rec:
            doc.add_paragraph(f"{label.format(n=v.rec_no)}: {v.rec_plain}")
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for c in cols:
            row = t.add_row()
            set_cell(row.cells[0], o["headings"][c], bold=True)
            if c == "action":
                set_cell(row.cells[1], v.action_lines)
            elif c == "ref":
                set_cell(row.cells[1], v.ref)
            else:
                set_cell(row.cells[1], v.cell(c))
                if c in ("rag", "progress_rag"):
                    fill_rag(row.cells[1], v, o)
        doc.add_paragraph("")
    write_glossary(doc, plan, views, o)
    doc.save(path)
