"""HTML renderer: the Word layouts' structure (``render_docx``'s switches) as a web page.

Merged recommendation cells are ``rowspan``, theme rows one ``colspan`` cell, RAG fills
``background-color``, the header a ``<th>`` row in ``<thead>``, multi-line cells
``<p>`` paragraphs and bullets a ``<ul>``; headings and paragraphs around the tables as
Word has them. Same arguments as ``render_docx``, so any Word layout can be drawn as HTML.
"""
from __future__ import annotations

from html import escape

from common import glossary, header_lines


def _lines(lines, lists=False, ordinal=None):
    """A cell's lines: bullet lines ("• x") as a <ul>, other lines as paragraphs (or, for
    Word-list layouts, the first line as an <ol> item numbered as Word would number it)."""
    if isinstance(lines, str):
        lines = lines.split("\n") if lines else []
    out, bullets = [], []
    for i, line in enumerate(lines):
        if line.startswith("• "):
            bullets.append(f"<li>{escape(line[2:])}</li>")
            continue
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        if lists and i == 0 and ordinal is not None:
            out.append(f'<ol start="{ordinal}"><li>{escape(line)}</li></ol>')
        else:
            out.append(f"<p>{escape(line)}</p>" if len(lines) > 1 else escape(line))
    if bullets:
        out.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(out)


def _td(content, fill=None, rowspan=1, colspan=1, tag="td"):
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if fill:
        attrs += f' style="background-color: #{fill}"'
    return f"<{tag}{attrs}>{content}</{tag}>"


def render_html(plan, views, o, path, *, rec_mode="once", section_mode="row", split="single",
                repeat=False, landscape=False, lists=False):
    """rec_mode: merge | once | every | heading; section_mode: row | heading | none;
    split: single | section | rec (a new table per section / per recommendation).
    ``repeat`` and ``landscape`` have no meaning on a page; accepted so Word layouts' arguments fit."""
    cols = o["columns"]
    title = header_lines(plan)
    body = [f"<h1>{escape(title[0])}</h1>"] + [f"<p>{escape(line)}</p>" for line in title[1:]]
    # body: headings and paragraphs as HTML, tables as ("table", rows); a row is a list of
    # [content, fill, rowspan, colspan], None where a rowspan from above covers the cell
    table = None
    rec_cell = None
    for n, v in enumerate(views, start=1):
        new_sec = v.first_of_section
        if new_sec and section_mode == "heading":
            body.append(f"<h2>{escape(v.section)}</h2>")
        if rec_mode == "heading" and v.first_of_rec:
            label = o.get("rec_heading", "Recommendation {n}").format(n=v.rec_no)
            body += [f"<h3>{escape(label)}</h3>", f"<p>{escape(v.rec_plain)}</p>"]
        if table is None or (split == "section" and new_sec) or (split == "rec" and v.first_of_rec):
            table = []
            body.append(("table", table))
            rec_cell = None
        if new_sec and section_mode == "row":
            table.append([[f"<b>{escape(v.section)}</b>", o.get("section_fill", "F2F2F2"), 1, len(cols)]])
        row = []
        for c in cols:
            if c == "action":
                row.append([_lines(v.action_plain if lists else v.action_lines, lists, n), None, 1, 1])
            elif c == "rec":
                if rec_mode == "merge" and not v.first_of_rec and rec_cell is not None:
                    rec_cell[2] += 1  # the recommendation cell spans this row too
                    row.append(None)
                    continue
                text = v.rec_text if (rec_mode in ("every", "merge") or v.first_of_rec) else ""
                row.append([_lines(text), None, 1, 1])
                rec_cell = row[-1]
            elif c == "ref":
                row.append([escape(v.ref), None, 1, 1])
            else:
                fill = o["palette"][v.rag] if c in ("rag", "progress_rag") and v.rag and o.get("rag_fill") else None
                row.append([_lines(v.cell(c)), fill, 1, 1])
        table.append(row)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{escape(title[0])}</title><style>td, th {{ border: 1px solid #999 }}</style></head><body>"]
    for part in body:
        if isinstance(part, tuple) and part[0] == "table":
            out.append(_table_html(part[1], cols, o))
        elif isinstance(part, str):
            out.append(part)
    gloss = glossary(views, plan, o)
    if gloss:
        out.append("<p><b>Key to lead officers:</b></p>")
        out += [f"<p>{escape(ini)} – {escape(name)}</p>" for ini, name in gloss]
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def _table_html(rows, cols, o):
    head = "".join(_td(escape(o["headings"][c]), "D9D9D9", tag="th") for c in cols)
    lines = ['<table>', f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for row in rows:
        cells = "".join(_td(content, fill, rowspan, colspan) for content, fill, rowspan, colspan in
                        (cell for cell in row if cell is not None))
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)
